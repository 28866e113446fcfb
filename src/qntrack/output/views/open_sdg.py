"""How an Open SDG target is said and drawn: as a level target with one milestone (its
target by its target year) or none (its direction), plus the option's own words: the base
year it was read from and the way Open SDG reads a passed target year. Pure: no Rich."""

from __future__ import annotations

from typing import Sequence

from ...catalog import msg, render
from ...method.assessment import Assessment
from ...method.progress import ZERO_SUBSTITUTE, Status
from ...plan.model import Observation, OpenSdgTarget
from ...plan.periods import Period
from ..period_words import period_text
from ..charts import Chart
from ..i18n import label, typed_value
from .level import LevelView, _chart, _sentences

__all__ = ["VIEW"]


class OpenSdgView(LevelView):
    name = "open_sdg"
    one_deadline = True  # its one target year

    def sentences(self, a: Assessment, lang: str) -> list[str]:
        out = _sentences(a, lang)
        t = a.target
        assert isinstance(t, OpenSdgTarget)
        late = a.reason == "no_years_to_target"  # not read at all: the reason's sentence says why
        if a.latest is not None and t.target is not None and a.latest.period.year >= t.target_year and not late:
            # Open SDG measures the latest figure whatever the year (methodology.md).
            out.append(render(msg("exchange_open_sdg_passed", year=t.target_year), lang))
        latest = a.latest.value if a.latest is not None else None
        short = a.gap is not None and a.gap > 0  # short of the real 0 in the target's direction
        if t.target == 0 and a.status is Status.TARGET_ACHIEVED and latest is not None and short:
            # Open SDG reads a target of 0 as 0.001 in the achievement check too (methodology
            # 1.1): a figure of 0.0005 is achieved with a gap of 0.0005 to the real 0, which
            # "the milestone of 0 is achieved" alone would hide (forty-second session). A
            # figure beyond 0 (a surplus of 4 where the deficit was to close) reached the real
            # 0: the stand-in made nothing count, and saying so read as if it fell short.
            unit = a.indicator.unit_in(lang)
            stand_in, figure = typed_value(ZERO_SUBSTITUTE, unit, lang), typed_value(latest, unit, lang)
            out.append(render(msg("exchange_open_sdg_zero_target", stand_in=stand_in, latest=figure), lang))
        elif t.target == 0 and a.milestones and a.status is not Status.TARGET_ACHIEVED:
            if a.milestones[0].required_rate is None:
                return out  # no path drawn (no_years_to_target)
            # Not achieved: the required rate, path and pace from now are to the stand-in,
            # which P is read on, not the real 0's -100 % a year (pass H).
            stand_in = typed_value(ZERO_SUBSTITUTE, a.indicator.unit_in(lang), lang)
            out.append(render(msg("exchange_open_sdg_zero_path", stand_in=stand_in), lang))
        return out

    def chart(self, a: Assessment, rows: Sequence[Observation], lang: str) -> Chart | None:
        return _chart(a, rows, lang)

    def definition(self, a: Assessment, lang: str) -> str:
        t, unit = a.target, a.indicator.unit_in(lang)
        assert isinstance(t, OpenSdgTarget)
        if t.target is not None:
            return render(
                msg(
                    "exchange_open_sdg_def_target",
                    target=typed_value(t.target, unit, lang),  # as typed: 15.299, not 15.3
                    year=t.target_year,
                    base=t.base_year,
                ),
                lang,
            )
        return render(
            msg(
                "exchange_open_sdg_def_direction",
                direction=label(a.indicator.direction.value, lang),
                base=t.base_year,
            ),
            lang,
        )

    def goal(self, a: Assessment, lang: str) -> str | None:
        """The option's target by its year, also before a figure gives it a milestone
        (summary.goal_text writes the milestone alike); None without a target: the direction."""
        t = a.target
        assert isinstance(t, OpenSdgTarget)
        if t.target is None:
            return None
        unit = a.indicator.unit_in(lang)
        return f"{typed_value(t.target, unit, lang)} {label('by', lang)} {period_text(Period(t.target_year), lang)}"

    def show_figures(self, a: Assessment, lang: str) -> list[tuple[str, str]]:
        t = a.target
        assert isinstance(t, OpenSdgTarget)
        rows = [(render(msg("exchange_open_sdg_base_year"), lang), str(t.base_year))]
        goal = self.goal(a, lang)
        if goal is not None and not a.milestones:
            # Before a figure makes it a milestone, the target is said here (22nd session).
            rows.append((label("target", lang), goal))
        return rows


VIEW = OpenSdgView()
