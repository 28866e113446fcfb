"""Level targets: a value by a date, milestone by milestone (docs/methodology.md 1).

Statistics Canada / Open SDG (``progress.measure``) per milestone, with the
delivery-unit trajectory and the ESCAP projection added (methodology 1.3, 1.4).
Pure: no I/O, no clock.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from functools import partial
from typing import Any, Sequence

from ..catalog import Figure, msg
from ..method.assessment import (
    Assessment,
    MilestoneResult,
    annual_rows,
    difference,
    first_from,
    ended,
    finite,
    gap_to,
    overflowed,
    power,
    provisional_after,
    safe_growth,
)
from ..method.progress import Progress, Status, measure
from ..plan.model import Baseline, Bound, Indicator, LevelTarget, Measure, Milestone, Observation, published
from ..plan.periods import Period
from .milestone_pairs import mapping_lines, year_pair
from .pace import absolute_change, crosses, linear_path, why_not, year_reached, year_reached_linear
from .protocol import Due, Keys, Reader, What
from .span import to_date, years_of

__all__ = ["KIND", "LevelTarget"]


class Level:
    """``type: level`` (the default): milestones ``{by, value}`` from a baseline."""

    name = "level"
    target = LevelTarget
    keys = ("baseline", "milestones", "limit")
    implies = None
    amount = False

    def parse(self, reader: Reader, node: Any, keys: Keys, where: What, common: dict[str, Any]) -> LevelTarget | None:
        return _parse(reader, node, keys, where, common)

    def assess(
        self, target: LevelTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None
    ) -> Assessment:
        return _level(target, indicator, rows, today)

    def overflowed(
        self, target: LevelTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None
    ) -> Assessment:
        return _overflowed(target, indicator, rows, today)

    def relevant_rows(self, target: LevelTarget, rows: Sequence[Observation]) -> list[Observation]:
        """From the baseline year on (all of them without a baseline)."""
        if target.baseline is None:
            return list(rows)
        return [o for o in rows if o.period.year >= target.baseline.period.year]

    def due(self, target: LevelTarget) -> list[Due]:
        """Each milestone, at the line that states it."""
        return [
            Due(m.by, m.location if m.location.file else target.location, partial(_due_what, m.value, m.by))
            for m in target.milestones
        ]


def _due_what(value: float, by: Period):
    return msg("checks_due_milestone", value=Figure(value), by=by)


KIND = Level()


def _overflowed(
    target: LevelTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None
) -> Assessment:
    """The assessment without the figures that overflowed: not_available ("overflow"), but
    keeping what does not overflow: the latest figure, the baseline, the rate achieved, a level
    target's milestones, with the ones due judged by comparing their figure with the
    milestone (missed or achieved) and the deadlines passed without a figure (issue 12)."""
    common = overflowed(target, indicator, rows)
    annual = annual_rows(rows)
    latest = common.latest
    if latest is None:
        return common
    results = []
    for m in target.milestones:
        due = latest.period >= m.by
        judged = (first_from(annual, m.by) or latest) if due else latest
        gap = gap_to(m.value, judged.value, indicator.increase)
        status = Status.NOT_AVAILABLE
        reason: str | None = "overflow"
        if due:
            passed = Bound(m.value, indicator.increase).passes(judged.value)
            status, reason = (Status.TARGET_ACHIEVED if passed else Status.NOT_ACHIEVED), None
        results.append(
            MilestoneResult(
                m.by,
                m.value,
                due,
                status,
                None,
                None,
                gap if finite(gap) else None,
                None,
                judged_on=judged,
                reason=reason,
                awaiting_figure=not due and ended(m.by, today),
            )
        )
    milestones = tuple(results)
    base = _baseline(target, annual)
    achieved = None
    if base is not None and base.value and latest.period.year - base.period.year >= 1:
        achieved = safe_growth(latest.value, base.value, latest.period.year, base.period.year)
    return replace(
        common,
        baseline=base,
        milestones=milestones,
        achieved_rate=achieved if achieved is not None and math.isfinite(achieved) else None,
        headline=_headline(milestones) if milestones else None,
        missed_milestones=tuple(r.by for r in milestones if r.status is Status.NOT_ACHIEVED),
        awaiting_figures=tuple(r.by for r in milestones if r.awaiting_figure),
    )


def _baseline(target: LevelTarget, annual: Sequence[Observation]) -> Baseline | None:
    """The plan's stated value, else the observation at the baseline year, else the next one."""
    if target.baseline is None:
        return Baseline(annual[0].period, annual[0].value) if annual else None
    if target.baseline.value is not None:
        return target.baseline
    o = first_from(annual, target.baseline.period)
    return Baseline(o.period, o.value) if o is not None else None


def _level(
    target: LevelTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None = None
) -> Assessment:
    # An amount's year recorded in quarters (or months) is their sum, as a plan's is.
    adds_up = indicator.adds_up
    annual = years_of(rows) if adds_up else annual_rows(rows)
    latest = annual[-1] if annual else None
    provisional = provisional_after(rows, latest.period if latest else None)
    provisional = to_date(provisional, rows) if adds_up else provisional
    base = _baseline(target, annual)
    common: dict[str, Any] = dict(
        target=target, indicator=indicator, baseline=base, latest=latest, provisional=provisional
    )
    # A baseline the plan states after every full-year figure (a 2026-2030 plan's 2025 base,
    # the store's latest year 2023): nothing since it is known, and an older figure meeting
    # a milestone met nothing of the plan's (thirtieth session): no_baseline, as json.md says.
    before = latest is not None and base is not None and latest.period.year < base.period.year
    if latest is None or base is None or before:
        reason = "no_figures" if not rows else "no_annual_figure" if latest is None else "no_baseline"
        milestones = tuple(
            MilestoneResult(
                m.by,
                m.value,
                False,
                Status.NOT_AVAILABLE,
                None,
                None,
                gap_to(m.value, latest.value, indicator.increase) if latest else None,
                None,
                reason=reason,
                awaiting_figure=ended(m.by, today),
            )
            for m in target.milestones
        )
        return Assessment(
            status=Status.NOT_AVAILABLE,
            milestones=milestones,
            headline=0 if milestones else None,
            reason=reason,
            awaiting_figures=tuple(m.by for m in milestones if m.awaiting_figure),
            **common,
        )

    base_year = base.period.year
    achieved = safe_growth(latest.value, base.value or 0.0, latest.period.year, base_year) if base.value else None
    if latest.period.year - base_year < 1 or (
        indicator.measure in (Measure.RATE, Measure.BALANCE) and target.milestones
    ):
        # A growth rate's or a balance's milestones are judged by their change a year (in
        # points, in the unit): no CAGR of them is said, nor drawn as the projection.
        achieved = None

    if not target.milestones and base.value == 0 and latest.period.year - base_year >= 1:
        # Method 1's thresholds are growth rates, and growth from zero has none; nor is
        # there a required change to compare the change with (as for crosses_zero).
        return Assessment(status=Status.NOT_AVAILABLE, reason="zero_baseline", **common)
    if not target.milestones and indicator.measure is Measure.RATE and latest.period.year - base_year >= 1:
        # A growth rate's compound growth means nothing (methodology section 2: "+58.7 % a
        # year" for 2 % to 8 %), and without a milestone no required change is given to read
        # its change in points against (as for zero_baseline).
        return Assessment(status=Status.NOT_AVAILABLE, reason="rate_without_milestone", **common)
    if not target.milestones and indicator.measure is Measure.BALANCE and latest.period.year - base_year >= 1:
        # Nor does a balance's: its zero is no origin to measure its size from (2 to 8 and
        # 0.2 to 0.8 both read +58.7 % a year), as its milestones are judged by change.
        return Assessment(status=Status.NOT_AVAILABLE, reason="balance_without_milestone", **common)
    if not target.milestones:
        p = measure(
            base_year=base_year,
            base_value=base.value or 0.0,
            current_year=latest.period.year,
            current_value=latest.value,
            increase=indicator.increase,
            limit=target.limit,
            kept=True,
        )
        why = (
            why_not(base.value or 0.0, base_year, latest.value, latest.period.year, None)
            if p.status is Status.NOT_AVAILABLE
            else None
        )
        return Assessment(
            status=p.status,
            score=p.score,
            progress_value=p.progress_value,
            achieved_rate=achieved,
            reason=why,
            **common,
        )

    results = tuple(
        _milestone(m.by, m.value, indicator, base, latest, annual, achieved, today) for m in target.milestones
    )
    headline = _headline(results)
    head = results[headline]
    missed = tuple(r.by for r in results if r.due and r.status is Status.NOT_ACHIEVED)
    return Assessment(
        status=head.status,
        score=head.score,
        progress_value=head.progress_value,
        achieved_rate=achieved,
        milestones=results,
        headline=headline,
        missed_milestones=missed,
        reason=head.reason,
        gap=head.gap,
        awaiting_figures=tuple(r.by for r in results if r.awaiting_figure),
        **common,
    )


def _headline(results: tuple[MilestoneResult, ...]) -> int:
    """The milestone the target's status is told by (docs/decisions.md, "Level targets").

    The nearest one not yet due, passing over those the latest figure already reaches
    ahead of their deadline: "15% by 2025, 30% by 2030" with 19.3% in 2023 is judged on
    its way to 30%, not called "Target achieved" while the larger half is still ahead.
    With every milestone due, the last one.
    """
    open_ = [i for i, r in enumerate(results) if not r.due]
    if not open_:
        return len(results) - 1
    return next((i for i in open_ if results[i].status is not Status.TARGET_ACHIEVED), open_[-1])


def _milestone(
    by: Period,
    value: float,
    indicator: Indicator,
    base: Baseline,
    latest: Observation,
    annual: Sequence[Observation],
    achieved: float | None,
    today: date | None = None,
) -> MilestoneResult:
    base_value = base.value if base.value is not None else 0.0
    base_year = base.period.year
    due = latest.period >= by
    # A due milestone is judged on the figure for its deadline year (or, if that year has
    # no figure, the first one after it); one not yet due on the latest figure.
    judged = latest
    if due:
        judged = first_from(annual, by) or latest
    # Absolute change where a growth rate means nothing: a declared balance, a growth rate
    # (already a change, often near zero: a CAGR of it says nothing), a series
    # whose baseline and figure or milestone have opposite signs, or a zero baseline or
    # milestone, from or to which no growth rate exists (Open SDG's 0.001 stand-in makes P
    # depend on the stand-in, and so on the unit; docs/decisions.md). Elsewhere Open SDG's
    # measure, reproduced exactly.
    absolute = (
        indicator.measure in (Measure.BALANCE, Measure.RATE)
        or base_value == 0
        or value == 0
        or crosses(base_value, judged.value)
        or crosses(base_value, value)
    )
    if absolute:
        p = absolute_change(base_value, base_year, judged.value, judged.period.year, value, by.year, indicator.increase)
    else:
        p = measure(
            base_year=base_year,
            base_value=base_value,
            current_year=judged.period.year,
            current_value=judged.value,
            increase=indicator.increase,
            target=value,
            target_year=by.year,
            kept=True,
        )
    kept = not p.target_achieved and published(value) == published(base_value)
    if kept:
        # A level to keep at the 15 digits of a typed figure (9.999999999999998 is 10): no
        # pace to read, whatever the floats' last digit makes of the required rate; nor one
        # needed from now: it needs the level, its gap (forty-second session).
        p = Progress(Status.NOT_AVAILABLE, None, None)
    status = p.status
    score = p.score
    reason = None
    if status is Status.NOT_AVAILABLE:
        reason = why_not(base_value, base_year, judged.value, judged.period.year, value)
    if due and not p.target_achieved:
        status = Status.NOT_ACHIEVED
        score = None  # missed for good: P stays for information, a score would mislead
        reason = None
    years_from_base = latest.period.year - base_year
    required = required_change = achieved_change = None
    trajectory = deviation = None
    required_latest = projected = reached = required_change_latest = None
    never = False
    if absolute:
        # The path of an absolute change is a straight line from the baseline.
        required_change, achieved_change, trajectory, deviation, projected, required_change_latest = linear_path(
            base_value, base_year, latest.value, latest.period.year, value, by.year, due
        )
    else:
        required = safe_growth(value, base_value, by.year, base_year)
        # The path ends at the milestone: past its deadline a trajectory value means nothing.
        if required is not None and years_from_base >= 0 and not due:
            trajectory = power(base_value, required, years_from_base)
            # Taken as a gap is, in decimal on 15 digits: 12.3 - 12.345 is -0.045 (written
            # -0.05 beside a path written 12.35), not the floats' -0.04499999999999993,
            # which two decimals wrote -0.04 (issue 17, fortieth session).
            deviation = difference(latest.value, trajectory) if trajectory is not None else None
        required_latest = None if due else safe_growth(value, latest.value, by.year, latest.period.year)
        if achieved is not None and not due:
            projected = power(latest.value, achieved, by.year - latest.period.year)
    passed_later = None
    if due and not p.target_achieved:
        # Missed on its deadline figure but passed by a later one: reached then, late.
        target_bound = Bound(value, indicator.increase)
        passed_later = next((o for o in annual if o.period > judged.period and target_bound.passes(o.value)), None)
    if passed_later is not None:
        reached = passed_later.period
    elif not p.target_achieved and absolute:
        if achieved_change is not None:
            reached, never = year_reached_linear(value, latest, achieved_change)
    elif not p.target_achieved and achieved is not None:
        reached, never = year_reached(value, latest, achieved, indicator.increase)
    return MilestoneResult(
        by=by,
        value=value,
        due=due,
        status=status,
        score=score,
        progress_value=p.progress_value,
        gap=gap_to(value, judged.value, indicator.increase),
        required_rate=required,
        trajectory=trajectory,
        deviation=deviation,
        required_rate_from_latest=None if kept else required_latest,
        projected=projected,
        reached_in=reached,
        never_reached=never,
        judged_on=judged,
        reached_is_projection=reached is not None and passed_later is None,
        method="absolute_change" if absolute else "growth",
        required_change=required_change,
        achieved_change=achieved_change,
        required_change_from_latest=None if kept else required_change_latest,
        reason=reason,
        # Not judged yet (no figure at or after the deadline), but the deadline is behind us.
        awaiting_figure=not due and ended(by, today),
    )


def _parse(reader: Reader, node: Any, keys: Keys, where: What, common: dict[str, Any]) -> LevelTarget | None:
    baseline = None
    if "baseline" in keys:
        bnode = keys["baseline"][1]
        if reader.is_mapping(bnode):
            bkeys = reader.mapping(bnode, reader.at(where, "baseline"), ("period", "value"))
            if bkeys is not None:
                if "period" not in bkeys:
                    if not reader.meant(bnode, "period"):  # `{year: 2020}` was said as such
                        reader.error(bnode, msg("definitions_baseline_needs_period", what=reader.phrase(where)))
                else:
                    period = reader.year(bkeys["period"][1], ("baseline period", where))
                    value = reader.number(bkeys["value"][1], ("baseline value", where)) if "value" in bkeys else None
                    if period is not None:
                        baseline = Baseline(period, value)
        else:
            period = reader.year(bnode, reader.at(where, "baseline"))
            if period is not None:
                baseline = Baseline(period)
    milestones: list[Milestone] = []
    if "milestones" in keys:
        mnode = keys["milestones"][1]
        if reader.is_null(mnode):
            pass
        elif (items := reader.items(mnode)) is None:  # {2028: 26, 2030: 28}: its lines said (s46)
            lines = mapping_lines(reader, mnode)
            said = msg("definitions_milestones_years", written=lines) if lines else None
            reader.error(mnode, msg("definitions_milestones_not_list", what=reader.phrase(where), years=said or ""))
        else:
            for item in items:
                if pair := year_pair(reader, item):
                    # "- 2025: 15": the year and value, without the keys that say which is which.
                    reader.error(
                        item, msg("authoring_milestone_pair", what=reader.phrase(where), year=pair[0], value=pair[1])
                    )
                    continue
                mkeys = reader.mapping(item, ("milestone", where), ("by", "value"))
                if mkeys is None:
                    continue
                # A key said to be misspelt ({year: 2025}) is not said to be missing too.
                if reader.needs(item, mkeys, ("by", "value"), where, "definitions_milestone_needs"):
                    continue
                by = reader.year(mkeys["by"][1], ("milestone by", where))
                value = reader.number(mkeys["value"][1], ("milestone value", where))
                if by is None or value is None:
                    continue
                if baseline is not None and by <= baseline.period:
                    reader.error(
                        mkeys["by"][1],
                        msg(
                            "definitions_milestone_not_after_baseline",
                            what=reader.phrase(where),
                            by=by,
                            baseline=baseline.period,
                        ),
                    )
                    continue
                if milestones and by == milestones[-1].by:
                    reader.error(
                        mkeys["by"][1],
                        msg(
                            "definitions_two_milestones",
                            what=reader.phrase(where),
                            by=by,
                            first=milestones[-1].location.line,
                            second=reader.loc(item).line,
                        ),
                    )
                    continue
                if milestones and by <= milestones[-1].by:
                    reader.error(
                        mkeys["by"][1],
                        msg(
                            "definitions_milestones_order", what=reader.phrase(where), by=by, previous=milestones[-1].by
                        ),
                    )
                    continue
                milestones.append(Milestone(by, value, reader.loc(item)))
    if milestones and baseline is None and "baseline" not in keys:  # one that does not read is said already
        reader.error(node, msg("definitions_milestones_need_baseline", what=reader.phrase(where)))
    limit = reader.number(keys["limit"][1], reader.at(where, "limit")) if "limit" in keys else None
    if limit is not None and milestones and _written_in(keys["limit"][1], node):
        # A natural limit only tempers a target judged by its direction (methodology.md,
        # "Near a natural limit"): beside milestones it would do nothing, said nowhere.
        # A unit given milestones of its own under a target whose limit it inherits is
        # no slip: the whole is still judged by its direction, within the limit.
        reader.error(keys["limit"][1], msg("definitions_limit_with_milestones", what=reader.phrase(where)))
    return LevelTarget(**common, baseline=baseline, milestones=tuple(milestones), limit=limit)


def _written_in(value: Any, node: Any) -> bool:
    """Whether ``value`` is written inside ``node`` (not a key an override inherits from
    its target, whose node is the override's)."""
    start, end = getattr(node, "start_mark", None), getattr(node, "end_mark", None)
    at = getattr(value, "start_mark", None)
    if start is None or end is None or at is None:
        return True
    return bool(start.index <= at.index <= end.index)
