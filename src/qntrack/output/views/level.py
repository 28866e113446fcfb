"""How a level target is said and drawn: its milestones, path and projection. Pure: no Rich."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ...catalog import msg, render
from ...kinds.span import years_of
from ...method.assessment import Assessment, MilestoneResult, difference
from ...method.progress import Status
from ...plan.model import Bound, LevelTarget, Measure, Observation, published
from ..charts import (
    COLOURS,
    DASH_DOT,
    DASHED,
    DOTTED,
    SOLID,
    Chart,
    add_provisional,
    Plot,
    value_label,
    chart_word,
)
from ..chart_readings import hollow_readings
from ..i18n import (
    differing_decimals,
    label,
    need_places,
    needed_rate,
    signed_percent,
    sufficient,
    typed_places,
    typed_value,
    value_beside,
    value_with_unit,
)
from ..narrative import change_text, difference_in_unit, narrative_sentence
from ..period_words import period_text

if TYPE_CHECKING:
    from ..report_view import TableView

__all__ = ["VIEW"]


class LevelView:
    name = "level"
    one_deadline = False  # each milestone is a deadline: one passed unmet stays named
    gap_per_period = False

    def sentences(self, a: Assessment, lang: str) -> list[str]:
        from .sums import added_up_sentence

        # A year of an amount's quarters, or a figure derived from one, said as the plan and
        # cumulative views say it (issue 17, twenty-sixth session).
        return _sentences(a, lang) + _part_year_sentence(a, lang) + added_up_sentence(a, lang)

    def chart(self, a: Assessment, rows: Sequence[Observation], lang: str) -> Chart | None:
        return _chart(a, rows, lang)

    def definition(self, a: Assessment, lang: str) -> str:
        from ..report_view import joined_list, report_word

        t, unit = a.target, a.indicator.unit_in(lang)
        assert isinstance(t, LevelTarget)
        base = t.baseline
        if base is None:
            base_text = (
                report_word("baseline_observed", lang, period=period_text(a.baseline.period, lang))
                if a.baseline
                else "–"
            )
        elif base.value is not None:
            base_text = f"{typed_value(base.value, unit, lang)} ({period_text(base.period, lang)})"
        else:
            base_text = report_word("baseline_observed", lang, period=period_text(base.period, lang))
        if t.milestones:
            parts = [
                f"{typed_value(m.value, unit, lang)} {report_word('by_year', lang, by=m.by)}" for m in t.milestones
            ]
            start = a.baseline.value if a.baseline is not None else None
            # Every milestone at the baseline's level (at 15 digits): a level to keep, not
            # one to reach (methodology.md, "A level to keep"; forty-second session).
            keep = start is not None and all(published(m.value) == published(start) for m in t.milestones)
            # Not for a breakdown whose units each start from their own figure (a baseline's
            # period alone): the whole's level is not theirs, 54 % from B's 50 % is a rise.
            keep = keep and not (t.for_each and (base is None or base.value is None))
            key = "def_keep" if keep else "def_milestones"
            return report_word(key, lang, milestones=joined_list(parts, lang), baseline=base_text)
        return report_word(
            "def_direction", lang, direction=label(a.indicator.direction.value, lang), baseline=base_text
        )

    def goal(self, a: Assessment, lang: str) -> str | None:
        return None  # the next milestone, else the direction (summary.goal_text)

    def periods(self, a: Assessment, lang: str) -> TableView | None:
        return None  # no span of figures to list

    def key_figures(self, a: Assessment, lang: str) -> list[tuple[str, str]] | None:
        return None  # the milestones' table says it all

    def show_figures(self, a: Assessment, lang: str) -> list[tuple[str, str]]:
        return []  # show prints the milestones

    def report_rows(self, a: Assessment, rows: Sequence[Observation]) -> list[Observation]:
        """Five years before the baseline on: where the series came from. Wider than the
        rows `show` lists (``kinds.relevant_rows``: from the declared baseline on), since
        a report read on paper has no `history` command beside it; the baseline here is
        the one the assessment used, declared or taken from the figures."""
        if a.baseline is None:
            return list(rows)
        first = a.baseline.period.year - 5
        return [o for o in rows if o.period.year >= first]


VIEW = LevelView()


def _sentences(a: Assessment, lang: str) -> list[str]:
    unit = a.indicator.unit_in(lang)
    if a.latest is None or a.baseline is None:
        return [narrative_sentence("no_full_year", lang)]
    out: list[str] = []
    latest, base = a.latest, a.baseline
    from ..revision_marks import said_decimals  # the figure as the tables write it (14.999 beside 15)

    before = typed_value(base.value, unit, lang)
    after = value_with_unit(latest.value, unit, lang, said_decimals(a, latest))
    span = dict(
        base=before,
        base_period=base.period,
        latest=after,
        latest_period=latest.period,
        change=change_text(before, after, latest.value - (base.value or 0.0), lang),
    )
    if a.achieved_rate is not None:
        # Below zero the rate is its size's, said so (−500 to −350: −11.2 % a year while it rose).
        key = "level_rate_below_zero" if (base.value or 0.0) < 0 else "level_rate"
        out.append(narrative_sentence(key, lang, rate=signed_percent(a.achieved_rate, lang), **span))
    if a.reason in ("zero_baseline", "crosses_zero", "rate_without_milestone", "balance_without_milestone"):
        # No rate to give (from zero, or across it), but the change itself is a fact worth saying,
        # taken as a gap is: 12.345 to 12.3 is -0.045, "-0.05 pp", not the floats' "-0.04 pp".
        out.append(
            narrative_sentence(
                "level_change",
                lang,
                diff=difference_in_unit(difference(latest.value, base.value or 0.0), unit, lang),
                **span,
            )
        )
    m0 = a.next_milestone
    if m0 is not None and m0.method == "absolute_change" and m0.achieved_change is not None:
        # No growth rate across zero: the change a year is what the assessment reads.
        # At the decimals of the milestone's path, as the path and its deviation (41st session).
        places = path_places(a, m0)
        diff = difference_in_unit(m0.achieved_change, unit, lang, places)
        if m0.required_change is not None:
            out.append(
                narrative_sentence(
                    "level_abs_change_required",
                    lang,
                    diff=diff,
                    required=difference_in_unit(m0.required_change, unit, lang, places),
                    **span,
                )
            )
        else:
            out.append(narrative_sentence("level_abs_change", lang, diff=diff, **span))
        if base.value == 0 and _not_balance(a):
            out.append(render(msg("narrative_zero_baseline"), lang))
        elif m0.value == 0 and _not_balance(a):
            out.append(render(msg("narrative_zero_milestone"), lang))
    # A missed deadline is said even after the headline has moved on to the next milestone.
    for missed in a.milestones:
        if missed.due and missed.status.value == "not_achieved" and missed is not a.next_milestone:
            out.append(_missed_sentence(a, missed, unit, lang))
            out.extend(_reached_sentence(missed, unit, lang))
        # So is one due and met, with the figure it was judged on (issue 17, twenty-seventh
        # session): the sentences after speak of the headline's milestone only.
        elif missed.due and missed.status.value == "target_achieved" and missed is not a.next_milestone:
            out.extend(_met_sentence(a, missed, unit, lang))
    # A milestone met before its deadline, the headline moved on to the next: said, since
    # the sentences after speak of the next one only (issue 17, twenty-seventh session).
    for early in a.milestones:
        if not early.due and early.status.value == "target_achieved" and early is not a.next_milestone:
            goal = typed_value(early.value, unit, lang)
            words = dict(latest=after, period=period_text(latest.period, lang), by=period_text(early.by, lang))
            out.append(narrative_sentence("milestone_met_early", lang, goal=goal, **words))
    m = a.next_milestone
    if m is None:
        return out
    goal = typed_value(m.value, unit, lang)
    if m.status.value == "target_achieved":
        out.append(narrative_sentence("milestone_achieved", lang, by=period_text(m.by, lang), goal=goal))
        return out
    if m.due:
        out.append(_missed_sentence(a, m, unit, lang))
        out.extend(_reached_sentence(m, unit, lang))
        return out
    if m.awaiting_figure:
        out += _awaiting_level(a, m, unit, lang)
        # Every deadline behind us is said, not only the headline's: on 2099-01-01 the
        # 2030 figure is awaited as much as 2025's (issue 12).
        for later in a.milestones:
            if later.awaiting_figure and later.by > m.by:
                out += _awaiting_level(a, later, unit, lang, too=True)
        return out
    if m.projected is not None and (a.achieved_rate is not None or m.method == "absolute_change"):
        short = (m.projected < m.value) == a.indicator.increase
        # What is needed from now is written so that it suffices (``sufficient``), not to nearest.
        if m.method == "absolute_change":
            c, places = needed_change(a, m)
            needed = None if c is None else difference_in_unit(c, unit, lang, places)
        else:
            r = m.required_rate_from_latest
            start = a.baseline.value if a.baseline is not None else None
            needed = None if r is None else needed_rate(r, start, a.indicator.increase, lang)
        key = ("pace_short_needs" if needed is not None else "pace_short") if short else "pace_meets"
        if key == "pace_short_needs" and m.method != "absolute_change" and (a.baseline and a.baseline.value or 0.0) < 0:
            key = "pace_short_needs_in_size"  # below zero the rate is its size's, as the achieved one
        out.append(
            narrative_sentence(
                key, lang, projected=value_beside(m.projected, m.value, unit, lang), by=m.by, goal=goal, needed=needed
            )
        )
    if m.trajectory is not None and m.deviation is not None:
        out.append(
            narrative_sentence(
                "path",
                lang,
                goal=goal,
                by=m.by,
                trajectory=value_with_unit(m.trajectory, unit, lang, path_places(a, m)),
                period=latest.period,
                deviation=difference_in_unit(m.deviation, unit, lang, path_places(a, m)),
            )
        )
    out.extend(_reached_sentence(m, unit, lang))
    return out


def _not_balance(a: Assessment) -> bool:
    """A declared balance is always read by its change; saying why would be noise."""
    return a.indicator.measure is not Measure.BALANCE


def _awaiting_level(a: Assessment, m: MilestoneResult, unit: str, lang: str, too: bool = False) -> list[str]:
    """A deadline behind us with no figure for it: nothing "from now on", only what the
    pace achieved says the deadline's figure would be (docs/methodology.md). ``too``: a
    later deadline after the first such one, whose latest figure is already said."""
    from ..revision_marks import said_decimals

    latest = a.latest
    assert latest is not None
    if too:
        out = [
            render(
                msg(
                    "narrative_awaiting_milestone_too",
                    by=period_text(m.by, lang),
                    goal=typed_value(m.value, unit, lang),
                ),
                lang,
            )
        ]
    else:
        out = [
            render(
                msg(
                    "narrative_awaiting_milestone",
                    by=period_text(m.by, lang),
                    latest=value_with_unit(latest.value, unit, lang, said_decimals(a, latest)),
                    period=period_text(latest.period, lang),
                ),
                lang,
            )
        ]
    if m.projected is not None:
        short = (m.projected < m.value) == a.indicator.increase
        out.append(
            render(
                msg(
                    "narrative_awaiting_short" if short else "narrative_awaiting_meets",
                    by=m.by,
                    projected=value_beside(m.projected, m.value, unit, lang),
                    goal=typed_value(m.value, unit, lang),
                ),
                lang,
            )
        )
    if m.trajectory is not None and m.deviation is not None:
        out.append(
            narrative_sentence(
                "path_awaiting",
                lang,
                goal=typed_value(m.value, unit, lang),
                by=m.by,
                trajectory=value_with_unit(m.trajectory, unit, lang, path_places(a, m)),
                period=latest.period,
                deviation=difference_in_unit(m.deviation, unit, lang, path_places(a, m)),
            )
        )
    return out


def _missed_sentence(a: Assessment, m: MilestoneResult, unit: str, lang: str) -> str:
    """ "The 2025 milestone of 15% was not achieved: 14%." (and the figure's year if not 2025's)."""
    from ..revision_marks import said_decimals

    judged, goal = m.judged_on, typed_value(m.value, unit, lang)
    # Where it differs from the goal ("14.999%", not "15%"), and as tables write it (2.125).
    places = max(differing_decimals(judged.value, m.value), said_decimals(a, judged)) if judged else 2
    got = value_with_unit(judged.value, unit, lang, places) if judged else "–"
    when = f" ({period_text(judged.period, lang)})" if judged is not None and judged.period != m.by else ""
    return narrative_sentence("missed", lang, by=period_text(m.by, lang), goal=goal, got=got, when=when)


def _met_sentence(a: Assessment, m: MilestoneResult, unit: str, lang: str) -> list[str]:
    """ "The 2025 milestone of 15% was met: 16% in 2025.": the figure it was judged on, with
    its period (the next year's when the deadline's own has none), at the decimals the
    tables write it (views.plan.figure_decimals: 15.004, never "15" beside a goal of 15)."""
    from ..revision_marks import said_decimals

    if (judged := m.judged_on) is None:
        return []
    got = value_with_unit(judged.value, unit, lang, said_decimals(a, judged))
    goal = typed_value(m.value, unit, lang)
    words = dict(by=period_text(m.by, lang), goal=goal, got=got, period=period_text(judged.period, lang))
    return [narrative_sentence("met_on_time", lang, **words)]


def _reached_sentence(m: MilestoneResult, unit: str, lang: str) -> list[str]:
    """When the milestone was, or would be, reached: a projection says "would be"."""
    goal = typed_value(m.value, unit, lang)
    if m.reached_in is not None and not m.reached_is_projection:
        return [narrative_sentence("reached_late", lang, goal=goal, year=m.reached_in)]
    if m.reached_in is not None:
        return [narrative_sentence("would_reach", lang, goal=goal, year=m.reached_in)]
    if m.never_reached:
        return [narrative_sentence("never_reached", lang, goal=goal)]
    return []


def keeps_level(a: Assessment, m: MilestoneResult) -> bool:
    """Whether ``m`` is a level to keep (its baseline's figure, at 15 digits) not reached:
    not available, with no pace to read nor any needed from now; what it needs is the
    level itself, which its milestone and gap say (methodology.md, "A level to keep";
    forty-second session). With no figure yet too, where the plan states the baseline."""
    base = a.baseline.value if a.baseline is not None else None
    return m.status is Status.NOT_AVAILABLE and base is not None and published(base) == published(m.value)


def needs_nothing(a: Assessment, m: MilestoneResult) -> bool:
    """Whether the displays leave "needed from now" out for ``m``: once due, with its
    deadline passed and the figure awaited, for a level to keep not reached (it needs the
    level: ``keeps_level``), and for a milestone achieved before its deadline, whose
    figure would be an allowance, not a need (forty-second session; the JSON keeps it)."""
    return m.due or m.awaiting_figure or m.status is Status.TARGET_ACHIEVED or keeps_level(a, m)


def allowed(m: MilestoneResult) -> bool:
    """Whether `show` says what milestone ``m`` allows from now ("Allowed from now"): one
    achieved before its deadline, whose latest figure is at or beyond it as typed (gap 0 or
    less), with a pace to say. Not one Open SDG's 0.001 stand-in let count against a target
    of 0 (0.0005, still to fall to 0), nor a growth rate to 0, which is none: -100 % a year
    (methodology.md, "A milestone of zero"; pass H of the forty-second session)."""
    if m.status is not Status.TARGET_ACHIEVED or m.due or m.awaiting_figure or m.gap is None or m.gap > 0:
        return False
    if m.method == "absolute_change":
        return m.required_change_from_latest is not None
    return m.value != 0 and m.required_rate_from_latest is not None and m.required_rate_from_latest > -1


def needed_change(a: Assessment, m: MilestoneResult) -> tuple[float | None, int]:
    """The change a year milestone ``m`` needs from now on (absolute change) and the
    decimals it is written at: those of its path (``path_places``), rounded so that it
    suffices there. At two, 0.0125 pp a year to a milestone of 10.025 was "+0.02", 60 % over
    what is needed, beside a gap of "0.025 pp" (forty-first session, tests/test_s41_h.py)."""
    places = path_places(a, m)
    c = m.required_change_from_latest
    need = None if c is None else sufficient(c, a.indicator.increase, places)
    return need, need_places(need, places)


def path_places(a: Assessment, m: MilestoneResult) -> int:
    """The decimals a milestone's path and deviation are written at: two, or three where the
    baseline or the milestone the path runs between was typed with three (a level of 12.345
    to keep: its path is 12.345 every year, never "12.35", above the level it keeps, and
    its deviation from 12.3 is -0.045; issue 17, fortieth session)."""
    base = a.baseline.value if a.baseline is not None else None
    return max(typed_places(m.value), typed_places(base))


def path_points(m: MilestoneResult, base: float, start: int) -> list[tuple[float, float]]:
    """The path to milestone ``m`` from the baseline ``base`` in ``start``, a point a year:
    at the required rate, or, for a milestone judged by its change a year, the straight
    line its trajectory is read on (methodology.md, "Balances: absolute change"); none
    without either."""
    years = range(start, m.by.year + 1)
    if m.required_rate is not None:
        return [(float(y), base * (1 + m.required_rate) ** (y - start)) for y in years]
    if m.required_change is not None:
        return [(float(y), base + m.required_change * (y - start)) for y in years]
    return []


def _chart(a: Assessment, rows: Sequence[Observation], lang: str) -> Chart | None:
    # An amount's year recorded in quarters is drawn as their sum, as it is judged.
    adds_up = a.indicator.adds_up
    annual = years_of(rows) if adds_up else [o for o in rows if o.period.is_year]
    base = a.baseline
    first = base.period.year - 5 if base is not None else None
    last_ms = max((m.by.year for m in a.milestones), default=None)
    plot = Plot()
    shown = [o for o in annual if first is None or o.period.year >= first]
    plot.add(
        chart_word("actual", lang), [(o.period.end, o.value) for o in shown], COLOURS["actual"], stroke_style=SOLID
    )
    # An amount's open year is drawn as its year to date, the reading judged (chart_readings).
    provisional = hollow_readings(a, [*rows, *annual] if adds_up else rows, first)
    add_provisional(plot, provisional, lang)
    data_points = plot.points
    unit = a.indicator.unit_in(lang)
    if base is not None and base.value is not None:
        for i, m in enumerate(a.milestones):
            path = path_points(m, base.value, base.period.year)
            if not path:
                continue
            plot.add(
                chart_word("path", lang, value=value_label(m.value, unit, lang), by=m.by),
                path,
                COLOURS["path" if i % 2 == 0 else "path2"],
                stroke_style=DASHED if i % 2 == 0 else DASH_DOT,
                show_dots=False,
            )
    plot.add(
        chart_word("milestones", lang),
        [{"value": (m.by.end, m.value), "label": period_text(m.by, lang)} for m in a.milestones],
        COLOURS["milestone"],
        stroke=False,
        dots_size=6,
    )
    ahead = [m for m in a.milestones if not m.due]
    if a.latest is not None and ahead and last_ms is not None:
        # The projection the last milestone ahead is read on: at the rate achieved, or in a
        # straight line at the change a year achieved, as its `projected` figure is.
        start, latest, last = a.latest.period.year, a.latest.value, ahead[-1]
        years = range(start, max(m.by.year for m in ahead) + 1)
        projection = []
        if last.method == "absolute_change" and last.achieved_change is not None:
            projection = [(float(y), latest + last.achieved_change * (y - start)) for y in years]
        elif a.achieved_rate is not None:
            projection = [(float(y), latest * (1 + a.achieved_rate) ** (y - start)) for y in years]
        if projection:
            plot.add(
                chart_word("projection", lang), projection, COLOURS["projection"], stroke_style=DOTTED, show_dots=False
            )
    notes = [chart_word("note_hollow_to_date" if adds_up else "note_hollow", lang)] if provisional else []
    if data_points == 0:
        return None
    return plot.render(a.target.id, lang, notes, data_points=data_points, unit=unit)


def _part_year_sentence(a: Assessment, lang: str) -> list[str]:
    """The part-year reading, set against the milestone of its year when there is one
    ("Part-year reading H1 2025: 15.2% of GRDP, at or beyond the 2025 milestone (15% of GRDP);
    the milestone is judged on the figure for the whole of 2025."), else plainly, at the decimals
    of its table row (s44); since session 42. It never changes a status ("Sub-annual readings")."""
    from ..revision_marks import said_decimals

    if (o := a.provisional) is None:
        return []
    unit = a.indicator.unit_in(lang)
    year = o.period.year
    milestone = next((m for m in a.milestones if m.by.is_year and m.by.year == year), None)
    if milestone is None:
        return [
            narrative_sentence(
                "level_part_year_plain",
                lang,
                period=period_text(o.period, lang),
                value=value_with_unit(o.value, unit, lang, said_decimals(a, o)),
                year=year,
            )
        ]
    # At the 15 digits of a figure as typed, as every goal is met (a computed cell's 14.999999999999998
    # is at 15; plan.model.Bound.passes); "at or below" a milestone where lower is better (s47).
    at = Bound(milestone.value, a.indicator.increase).passes(o.value)
    key = ("at" if a.indicator.increase else "within") if at else "short"
    return [
        narrative_sentence(
            f"level_part_year_{key}",
            lang,
            period=period_text(o.period, lang),
            value=value_with_unit(o.value, unit, lang, said_decimals(a, o)),
            goal=typed_value(milestone.value, unit, lang),
            year=year,
        )
    ]
