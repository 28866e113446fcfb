"""How a cumulative target is said and drawn. Pure: no Rich."""

from __future__ import annotations

import math
from typing import Sequence

from ...catalog import msg, render
from ...kinds.cumulative import CumulativeResult
from ...kinds.span import span_periods
from ...method.assessment import Assessment, significant
from ...method.progress import Status
from ...plan.model import Observation
from ..charts import COLOURS, DASHED, DOTTED, SOLID, Chart, bound_sign, Plot, value_label, chart_word
from ..i18n import (
    differing_decimals,
    hundredfold,
    label,
    need_places,
    number,
    sufficient,
    typed_places,
    value_with_unit,
)
from ..narrative import narrative_sentence, figure_of
from ..period_words import period_text, span_ends
from .plan_places import beside_pace, paced_shares
from .span import SpanView

__all__ = ["VIEW"]


class CumulativeView(SpanView):
    name = "cumulative"
    definition_key = "def_cumulative"

    def sentences(self, a: Assessment, lang: str) -> list[str]:
        from .sums import added_up_sentence

        return _sentences(a, lang) + added_up_sentence(a, lang)

    def chart(self, a: Assessment, rows: Sequence[Observation], lang: str) -> Chart | None:
        return _chart(a, lang)

    def key_figures(self, a: Assessment, lang: str) -> list[tuple[str, str]] | None:
        from ..i18n import percent_text
        from ..report_view import report_word

        head = self.span_line(a, lang)
        d = a.result
        if head is None or not isinstance(d, CumulativeResult):
            return []
        span, sign, value = head
        unit = a.indicator.unit_in(lang)
        out = [span, (report_word("target_total", lang), f"{sign} {value}")]
        f = d.figures
        if f is not None:
            out.append((report_word("total", lang), value_with_unit(f.total, unit, lang, _places(d, f.total))))
            if d.bound.at_least:
                out.append((report_word("share_of_target", lang), percent_text(f.share_of_target, lang)))
                out.append((report_word("share_of_time", lang), percent_text(f.share_of_time, lang)))
            else:
                share, time = paced_shares(hundredfold(f.share_of_target), f.share_of_time, lang, True)
                out.append((report_word("share_of_target", lang), "–" if f.share_of_target is None else f"{share}%"))
                out.append((report_word("share_of_time", lang), f"{time}%"))
            if f.needed_per_remaining_period:
                out.append(
                    (
                        _per_period_label(a, d, lang, report=True),
                        value_with_unit(_needed(d), unit, lang, need_places(_needed(d))),
                    )
                )
        return out

    def show_figures(self, a: Assessment, lang: str) -> list[tuple[str, str]]:
        d = a.result
        if not isinstance(d, CumulativeResult) or d.figures is None:
            return []
        f = d.figures
        unit = a.indicator.unit_in(lang)
        rows = [(label("kf_total_so_far", lang), value_with_unit(f.total, unit, lang, _places(d, f.total)))]
        share, time = paced_shares(hundredfold(f.share_of_target), f.share_of_time, lang, not d.bound.at_least)
        if f.share_of_target is not None:
            rows.append((label("kf_share_of_target", lang), f"{share}%"))
        rows.append((label("kf_share_of_time", lang), f"{time}%"))
        if f.needed_per_remaining_period:
            rows.append(
                (_per_period_label(a, d, lang), value_with_unit(_needed(d), unit, lang, need_places(_needed(d))))
            )
        return rows


VIEW = CumulativeView()


def _needed(d: CumulativeResult) -> float | None:
    """What each remaining period needs, at the two decimals it is written at, rounded so
    that it still meets the bound: 37,000 over three periods is 12,333.34 a period, since
    three of 12,333.33 fall short (``sufficient``; a cap's allowance is rounded down)."""
    f = d.figures
    return None if f is None else sufficient(f.needed_per_remaining_period, d.bound.at_least)


def _per_period_label(a: Assessment, d: CumulativeResult, lang: str, report: bool = False) -> str:
    """The label of ``needed_per_remaining_period``: what each period needs to reach a floor,
    or, under a cap, the most it may add ("At most per remaining period", beside "may add
    at most"; issue 17, thirtieth session)."""
    from ..report_view import report_word

    cap = "" if d.bound.at_least else "_cap"
    if a.awaiting_figures:
        latest = a.latest.period if a.latest is not None else None
        have = {p.period for p in d.periods}
        if latest is not None and any(p not in have for p in span_periods(d.start, d.end) if p < latest):
            # A period before the latest without its figure counts as elapsed (methodology.md,
            # "Cumulative over a span"): the need is divided among the periods after the latest
            # only, and the row names them, not "every period without a figure" (forty-first
            # session: four awaited beside a need that three of them share).
            return label("needed_per_period_after" + cap, lang).format(latest=period_text(latest, lang))
        return label("needed_per_period_without_figure" + cap, lang)
    return (
        report_word("needed_per_period" + cap, lang) if report else label("kf_needed_per_remaining_period" + cap, lang)
    )


def _places(d: CumulativeResult, total: float | None) -> int:
    """The decimals a total is written at: at least those its figures were typed with, and
    those where it differs from its bound, so that 99.9996 beside "at least 100" and "Not
    achieved" never reads "100" (methodology.md, "Gap": a figure is written where it
    differs from what it is judged against; issue 17, twenty-second session)."""
    if total is None or total != total:
        return 2
    places = max(typed_places(total), differing_decimals(total, d.bound.value))
    f = d.figures
    if f is not None and f.share_of_target is None and math.isfinite(total):
        # A bound below zero is judged on its pace by now: -0.1751 behind -0.175 is never
        # "-0.18 ... it would be -0.18" (session 47).
        places = beside_pace(total, _pace(d), places)[0]
    return places


def _pace(d: CumulativeResult) -> float:
    """The bound's pace by the latest figure, bound x share of time, to 12 significant digits."""
    f = d.figures
    return significant(d.bound.value * (f.share_of_time if f is not None else 0.0))


def _sentences(a: Assessment, lang: str) -> list[str]:
    d = a.result
    if not isinstance(d, CumulativeResult) or d.figures is None:
        return [narrative_sentence("no_figure_in_span", lang)]
    f = d.figures
    if f.total is None:
        return []  # the total overflowed: the reason's sentence says so
    # A cap (at most) is room to use, not a total to reach: its sentences say so.
    cap = "" if d.bound.at_least else "_cap"
    if f.share_of_target is None:
        # A bound below zero (or of zero) has no share of it to give ("0%" was said): the
        # total is set against the bound's pace by now, as it is judged.
        out = [
            narrative_sentence(
                "cumulative_pace" + cap,
                lang,
                total=figure_of(a, f.total, lang, _places(d, f.total)),
                time=number(hundredfold(f.share_of_time), lang, 1),
                bound=figure_of(a, d.bound.value, lang, typed_places(d.bound.value)),
                pace=figure_of(a, _pace(d), lang, beside_pace(f.total, _pace(d), _places(d, f.total))[1]),
            )
        ]
    else:
        share, time = paced_shares(hundredfold(f.share_of_target), f.share_of_time, lang, not d.bound.at_least)
        out = [
            narrative_sentence(
                "cumulative" + cap,
                lang,
                total=figure_of(a, f.total, lang, _places(d, f.total)),
                share=share,
                time=time,
            )
        ]
    out += _gap_before_latest(a, d, lang) if f.periods_remaining else []
    if f.needed_per_remaining_period and a.awaiting_figures and a.latest is not None:
        out.append(
            render(
                msg(
                    "narrative_awaiting_cumulative" + cap,
                    start=span_ends(d.start, d.end, lang)[0],
                    end=span_ends(d.start, d.end, lang)[1],
                    latest=period_text(a.latest.period, lang),
                    needed=figure_of(a, _needed(d), lang, need_places(_needed(d))),
                ),
                lang,
            )
        )
    elif a.awaiting_figures and not f.periods_remaining and a.status is not Status.TARGET_ACHIEVED:
        # Over, its last period in and earlier ones without a figure: the total is a floor.
        have = {p.period for p in d.periods}
        missing = [period_text(p, lang) for p in span_periods(d.start, d.end) if p not in have]
        first, last = span_ends(d.start, d.end, lang)
        key = "narrative_awaiting_cumulative_missing" + cap + ("_one" if len(missing) == 1 else "")
        out.append(render(msg(key, start=first, end=last, periods=", ".join(missing)), lang))
    elif f.needed_per_remaining_period:
        n = f.periods_remaining
        # A period already over without its figure counts with those to come: "the 2
        # remaining periods" in mid-2027 read as two ahead where one is, so they are named.
        kind = f"cumulative{cap}_each_unknown" if f.over_without_figure else f"cumulative{cap}_each"
        after = span_periods(d.start, d.end)[-n:] if f.over_without_figure else []
        out.append(
            narrative_sentence(
                kind + ("_many" if n > 1 else "_one"),
                lang,
                n=n,
                needed=figure_of(a, _needed(d), lang, need_places(_needed(d))),
                periods=", ".join(period_text(p, lang) for p in after),
            )
        )
    if a.provisional is not None:
        p = a.provisional
        out.append(
            narrative_sentence(
                "cumulative_provisional",
                lang,
                period=period_text(p.period, lang),
                # As typed, as the header writes it: 0.125 is never "0.13" (session 47).
                value=figure_of(a, p.value, lang, typed_places(p.value)),
            )
        )
        out += _beyond_with(a, d, f.total, p, lang)
    return out


def _gap_before_latest(a: Assessment, d: CumulativeResult, lang: str) -> list[str]:
    """The periods before the latest figure with none of their own, of a span still
    running: counted as elapsed (methodology.md), the need is shared among the periods
    after the latest, and only this sentence says the total is a floor until they are in
    ("2022, before 2023, has no figure yet"; pass N, forty-fifth session)."""
    if a.latest is None:
        return []
    have = {p.period for p in d.periods}
    gap = [p for p in span_periods(d.start, d.end) if p < a.latest.period and p not in have]
    if not gap:
        return []
    said = narrative_sentence(
        "cumulative_gap_" + ("one" if len(gap) == 1 else "many"),
        lang,
        periods=", ".join(period_text(p, lang) for p in gap),
        latest=period_text(a.latest.period, lang),
    )
    return [said[:1].upper() + said[1:]]  # "Nam 2022, ...": a sentence starts with a capital


def _beyond_with(a: Assessment, d: CumulativeResult, total: float, p: Observation, lang: str) -> list[str]:
    """The sentence saying a year-to-date reading already takes the total past its bound.

    The status stays on the full years: the reading is an estimate, and a net flow's
    months still to come may be below zero, so "achieved" (or "not achieved", for a cap)
    could be false (docs/methodology.md, "Cumulative over a span")."""
    from ...method.parts import added_as_typed

    with_reading = added_as_typed((total, p.value))  # as the total is added
    bound = d.bound
    # Only a reading that takes the total past the bound: beyond a target's "at least" from
    # short of it, over a cap from within it. A reading below zero can take a total back
    # the other way (1,100 - 200 = 900 against 1,000), which is no "already beyond".
    crosses = (
        not bound.passes(total) and bound.passes(with_reading)
        if bound.at_least
        else (bound.passes(total) and not bound.passes(with_reading))
    )
    if not crosses or not math.isfinite(with_reading):
        return []
    return [
        narrative_sentence(
            "cumulative_beyond" if bound.at_least else "cumulative_over_cap",
            lang,
            period=period_text(p.period, lang),
            # Where it differs from the bound it is past: 1,500.00001 is never "1,500 kt ...
            # already over the cap of 1,500 kt" (session 47).
            total=figure_of(a, with_reading, lang, differing_decimals(with_reading, bound.value)),
            bound=figure_of(a, bound.value, lang, typed_places(bound.value)),
            year=p.period.year,
        )
    ]


def _chart(a: Assessment, lang: str) -> Chart | None:
    d = a.result
    if not isinstance(d, CumulativeResult):
        return None  # no figures of the kind (an assessment that overflowed)
    if not d.periods:
        return None
    _, bound = bound_sign(d.bound)
    unit = a.indicator.unit_in(lang)
    start, end = d.start, d.end
    origin = start.end - start.months / 12
    plot = Plot()
    total = 0.0
    running = [(origin, 0.0)]
    for p in d.periods:
        total += p.value
        running.append((p.period.end, total))
    plot.add(chart_word("running_total", lang), running, COLOURS["actual"], stroke_style=SOLID)
    data_points = len(d.periods)
    plot.add(
        chart_word("target_total", lang, value=value_label(bound, unit, lang)),
        [(origin, bound), (end.end, bound)],
        COLOURS["bound"],
        stroke_style=DASHED,
        show_dots=False,
    )
    plot.add(
        chart_word("even_pace", lang),
        [(origin, 0.0), (end.end, bound)],
        COLOURS["average"],
        stroke_style=DOTTED,
        show_dots=False,
    )
    return plot.render(a.target.id, lang, data_points=data_points, unit=unit)
