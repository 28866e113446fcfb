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
from typing import Sequence

from ..catalog import Figure, msg
from ..method.assessment import (
    Assessment,
    MilestoneResult,
    annual_rows,
    ended,
    finite,
    gap_to,
    overflowed,
    power,
    provisional_after,
    safe_growth,
)
from ..method.progress import TARGET_THRESHOLDS, Progress, Status, band, measure, score_with_target
from ..plan.model import Baseline, Bound, Indicator, LevelTarget, Measure, Observation
from ..plan.periods import Period
from .protocol import Due

__all__ = ["KIND", "LevelTarget"]


class Level:
    """``type: level`` (the default): milestones ``{by, value}`` from a baseline."""

    name = "level"

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
        judged = next((o for o in annual if o.period >= m.by), latest) if due else latest
        gap = gap_to(m.value, judged.value, indicator.increase)
        status, reason = Status.NOT_AVAILABLE, "overflow"
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
    for o in annual:
        if o.period >= target.baseline.period:
            return Baseline(o.period, o.value)
    return None


def _level(
    target: LevelTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None = None
) -> Assessment:
    annual = annual_rows(rows)
    latest = annual[-1] if annual else None
    provisional = provisional_after(rows, latest.period if latest else None)
    base = _baseline(target, annual)
    common = dict(target=target, indicator=indicator, baseline=base, latest=latest, provisional=provisional)
    if latest is None or base is None:
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
    if latest.period.year - base_year < 1:
        achieved = None

    if not target.milestones and base.value == 0 and latest.period.year - base_year >= 1:
        # Method 1's thresholds are growth rates, and growth from zero has none; nor is
        # there a required change to compare the change with (as for crosses_zero).
        return Assessment(status=Status.NOT_AVAILABLE, reason="zero_baseline", **common)
    if not target.milestones:
        p = measure(
            base_year=base_year,
            base_value=base.value or 0.0,
            current_year=latest.period.year,
            current_value=latest.value,
            increase=indicator.increase,
            limit=target.limit,
        )
        why = (
            _why_not(base.value or 0.0, base_year, latest.value, latest.period.year, None)
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


def _crosses(base_value: float, value: float) -> bool:
    """Opposite signs, a zero base counting as positive as in Open SDG (methodology 1.1)."""
    return (base_value < 0 < value) or (base_value >= 0 and value < 0)


def _why_not(base_value: float, base_year: int, value: float, year: int, target: float | None) -> str:
    """The reason code of a not_available growth measure (progress._progress_value_or_none)."""
    if year - base_year < 1:
        return "one_figure"
    if _crosses(base_value, value) or (target is not None and _crosses(base_value, target)):
        return "crosses_zero"
    if target is not None and target == base_value:
        return "target_equals_baseline"
    return "undefined"


def _absolute_change(
    base_value: float, base_year: int, value: float, year: int, target: float, target_year: int, increase: bool
) -> Progress:
    """P = achieved change a year / required change a year, read through Open SDG's bands.

    The growth ratio of method 2 with absolute changes in place of compound rates: a
    series that crosses zero has no growth rate, but it has a change (methodology,
    "Balances: absolute change").
    """
    d = 1 if increase else -1
    p = None
    if year - base_year >= 1 and target_year != base_year and target != base_value:
        required = (target - base_value) / (target_year - base_year)
        achieved = (value - base_value) / (year - base_year)
        p = d * achieved / abs(required)
    # Target achieved is checked first, whatever the ratio would say (as in progress.measure).
    if (d == 1 and value >= target) or (d == -1 and value <= target):
        return Progress(Status.TARGET_ACHIEVED, p, 5.0, target_achieved=True)
    if p is None:
        return Progress(Status.NOT_AVAILABLE, None, None)
    return Progress(band(p, *TARGET_THRESHOLDS), p, score_with_target(p))


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
        judged = next((o for o in annual if o.period >= by), latest)
    # Absolute change where a growth rate means nothing: a declared balance, a series
    # whose baseline and figure or milestone have opposite signs, or a zero baseline,
    # from which no growth rate exists (Open SDG's 0.001 stand-in makes P depend on the
    # stand-in; docs/decisions.md). Elsewhere Open SDG's measure, reproduced exactly.
    absolute = (
        indicator.measure is Measure.BALANCE
        or base_value == 0
        or _crosses(base_value, judged.value)
        or _crosses(base_value, value)
    )
    if absolute:
        p = _absolute_change(
            base_value, base_year, judged.value, judged.period.year, value, by.year, indicator.increase
        )
    else:
        p = measure(
            base_year=base_year,
            base_value=base_value,
            current_year=judged.period.year,
            current_value=judged.value,
            increase=indicator.increase,
            target=value,
            target_year=by.year,
        )
    status = p.status
    score = p.score
    reason = None
    if status is Status.NOT_AVAILABLE:
        reason = _why_not(base_value, base_year, judged.value, judged.period.year, value)
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
        if by.year != base_year:
            required_change = (value - base_value) / (by.year - base_year)
        if years_from_base >= 1:
            achieved_change = (latest.value - base_value) / years_from_base
        # The path of an absolute change is a straight line from the baseline.
        if required_change is not None and years_from_base >= 0 and not due:
            trajectory = base_value + required_change * years_from_base
            deviation = latest.value - trajectory
        if achieved_change is not None and not due:
            projected = latest.value + achieved_change * (by.year - latest.period.year)
        if not due and by.year > latest.period.year:
            required_change_latest = (value - latest.value) / (by.year - latest.period.year)
    else:
        required = safe_growth(value, base_value, by.year, base_year)
        # The path ends at the milestone: past its deadline a trajectory value means nothing.
        if required is not None and years_from_base >= 0 and not due:
            trajectory = power(base_value, required, years_from_base)
            deviation = latest.value - trajectory if trajectory is not None else None
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
            reached, never = _year_reached_linear(value, latest, achieved_change)
    elif not p.target_achieved and achieved is not None:
        reached, never = _year_reached(value, latest, achieved, indicator.increase)
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
        required_rate_from_latest=required_latest,
        projected=projected,
        reached_in=reached,
        never_reached=never,
        judged_on=judged,
        reached_is_projection=reached is not None and passed_later is None,
        method="absolute_change" if absolute else "growth",
        required_change=required_change,
        achieved_change=achieved_change,
        required_change_from_latest=required_change_latest,
        reason=reason,
        # Not judged yet (no figure at or after the deadline), but the deadline is behind us.
        awaiting_figure=not due and ended(by, today),
    )


def _year_reached_linear(target: float, latest: Observation, change: float) -> tuple[Period | None, bool]:
    """First whole year in which latest + change * n passes the target (absolute change)."""
    if change == 0:
        return None, True
    n = (target - latest.value) / change
    if n <= 0:
        return None, True  # the change moves away from the target
    if not math.isfinite(n):
        return None, True  # more years than a float holds: beyond the horizon below
    years = math.ceil(n - 1e-9)
    if years > 1000:
        return None, True
    return Period(latest.period.year + years), False


def _year_reached(target: float, latest: Observation, rate: float, increase: bool) -> tuple[Period | None, bool]:
    """First whole year in which latest * (1 + rate) ** n passes the target (ESCAP, 1.4)."""
    if latest.value == 0 or target == 0 or (target > 0) != (latest.value > 0) or rate <= -1 or rate == 0:
        return None, True
    # The difference of logarithms, not the log of the ratio: 1e300 / 3e-300 overflows
    # although the number of years (about 1257) does not (issue 12).
    n = (math.log(abs(target)) - math.log(abs(latest.value))) / math.log(1 + rate)
    if n <= 0:
        # The pace moves away from the target (or it is already passed in the wrong sense).
        return None, True
    years = math.ceil(n - 1e-9)
    if years > 1000:
        return None, True
    return Period(latest.period.year + years), False
