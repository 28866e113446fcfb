"""Judging each target against the series in force. Pure: no I/O, no clock.

Level targets follow Statistics Canada / Open SDG (``progress.measure``) per milestone,
with the delivery-unit trajectory and the ESCAP projection added (methodology 1.3, 1.4).
The other kinds (methodology section 2) map their outcome onto the same statuses; how
each maps is written in docs/methodology.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Sequence

from ..plan.model import (
    AverageTarget,
    Baseline,
    Bound,
    CumulativeTarget,
    EveryPeriodTarget,
    Indicator,
    LevelTarget,
    Measure,
    Observation,
    Plan,
    PlanTarget,
    SpanTarget,
    Target,
)
from ..plan.periods import Period
from ..method.progress import TARGET_THRESHOLDS, Progress, Status, band, growth, measure, score_with_target
from ..method.series import Series

__all__ = ["Assessment", "MilestoneResult", "assess", "assess_target", "ended", "relevant_rows"]


@dataclass(frozen=True, slots=True)
class MilestoneResult:
    """One milestone of a level target, judged on its own."""

    by: Period
    value: float
    due: bool
    status: Status
    score: float | None
    progress_value: float | None
    gap: float | None  # milestone value minus the value judged, in the indicator's unit
    required_rate: float | None  # annual rate needed from the baseline (the trajectory's rate)
    trajectory: float | None = None  # where the path from the baseline says we should be at `latest`
    deviation: float | None = None  # latest value minus trajectory value
    required_rate_from_latest: float | None = None  # annual rate needed from now on
    projected: float | None = None  # value at `by` if the achieved rate continues
    reached_in: Period | None = None  # first year the value reaches the milestone at that rate
    never_reached: bool = False  # at the achieved rate the milestone is never reached
    judged_on: Observation | None = None
    # reached_in is where the achieved rate would take the value, not a figure that passed
    # the milestone: said "would be reached in" (docs/methodology.md 1.4).
    reached_is_projection: bool = False
    # "growth" (Open SDG's CAGR ratio) or "absolute_change" (a series that crosses zero,
    # or an indicator declared ``measure: balance``; docs/methodology.md).
    method: str = "growth"
    required_change: float | None = None  # absolute change a year the path asks for (absolute_change)
    achieved_change: float | None = None  # absolute change a year achieved since the baseline
    required_change_from_latest: float | None = None  # absolute change a year needed from now on
    reason: str | None = None  # why the status is not_available (a stable code, docs/json.md)
    # Its deadline has passed (by the reference day) and no figure for it is recorded yet:
    # nothing "remains" to be done, the figure is awaited (docs/methodology.md, "Deadlines
    # passed without a figure").
    awaiting_figure: bool = False


@dataclass(frozen=True, slots=True)
class Assessment:
    """A target's outcome: the headline status and the figures behind it."""

    target: Target
    indicator: Indicator
    status: Status
    score: float | None = None
    progress_value: float | None = None
    baseline: Baseline | None = None
    latest: Observation | None = None
    provisional: Observation | None = None  # a sub-annual reading after the latest full year
    achieved_rate: float | None = None
    milestones: tuple[MilestoneResult, ...] = ()
    headline: int | None = None  # index of the milestone the headline figures come from
    details: dict[str, Any] = field(default_factory=dict)
    # Deadlines that passed with the target not met: they stay visible after the headline
    # moves on to the next milestone (docs/methodology.md, "Missed milestones").
    missed_milestones: tuple[Period, ...] = ()
    # Why the status is not_available (a stable code, docs/json.md); None otherwise.
    reason: str | None = None
    # The distance still to go in the target's direction, in the indicator's unit:
    # positive while short, zero or negative once reached (docs/methodology.md, "Gap").
    gap: float | None = None
    # Deadlines that passed (by the reference day) with no figure for them recorded yet:
    # the status is still read on the latest figure, but it is no longer "in progress"
    # (docs/methodology.md, "Deadlines passed without a figure").
    awaiting_figures: tuple[Period, ...] = ()

    @property
    def next_milestone(self) -> MilestoneResult | None:
        return self.milestones[self.headline] if self.headline is not None else None


def assess(
    plan: Plan, series: Series, target_ids: Sequence[str] | None = None, today: date | None = None
) -> list[Assessment]:
    """Every target (or those named), judged on ``series``.

    ``today`` is the reference day (the caller's clock, or ``--as-of``): deadlines that
    ended before it without a figure are marked as awaiting one. None: no deadline is
    taken as passed unless a figure shows it (a caller without a calendar).
    """
    targets = plan.targets if not target_ids else [t for t in plan.targets if t.id in set(target_ids)]
    return [assess_target(t, plan.indicators[t.indicator], series.get(t.indicator, []), today) for t in targets]


def assess_target(
    target: Target, indicator: Indicator, rows: Sequence[Observation], today: date | None = None
) -> Assessment:
    """The target's assessment; never a figure that is inf or NaN.

    The store holds finite numbers only, but finite ones can still overflow: 1e300 grown
    at its own rate, or two amounts of 1.5e308 added up. A figure that overflows is not
    computed (None); where the status is read from it, the status is not_available with
    reason "overflow" (docs/methodology.md, "When there is no assessment").
    """
    try:
        a = _assess_kind(target, indicator, rows, today)
    except OverflowError:
        return _overflowed(target, indicator, rows, today)
    return _finite_only(a)


def _overflowed(target: Target, indicator: Indicator, rows: Sequence[Observation], today: date | None) -> Assessment:
    """The assessment without the figures that overflowed: not_available ("overflow"), but
    keeping what does not overflow: the latest figure, the baseline, the rate achieved, a level
    target's milestones, with the ones due judged by comparing their figure with the
    milestone (missed or achieved) and the deadlines passed without a figure (issue 12)."""
    annual = _annual(rows)
    latest = annual[-1] if annual else None
    common = dict(
        target=target,
        indicator=indicator,
        status=Status.NOT_AVAILABLE,
        reason="overflow",
        latest=latest,
        provisional=_provisional(rows, latest.period if latest else None),
    )
    if not isinstance(target, LevelTarget) or latest is None:
        return Assessment(**common)
    results = []
    for m in target.milestones:
        due = latest.period >= m.by
        judged = next((o for o in annual if o.period >= m.by), latest) if due else latest
        gap = _gap(m.value, judged.value, indicator.increase)
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
                gap if _finite(gap) else None,
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
        achieved = _safe_growth(latest.value, base.value, latest.period.year, base.period.year)
    return Assessment(
        baseline=base,
        milestones=milestones,
        achieved_rate=achieved if achieved is not None and math.isfinite(achieved) else None,
        headline=_headline(milestones) if milestones else None,
        missed_milestones=tuple(r.by for r in milestones if r.status is Status.NOT_ACHIEVED),
        awaiting_figures=tuple(r.by for r in milestones if r.awaiting_figure),
        **common,
    )


def _assess_kind(target: Target, indicator: Indicator, rows: Sequence[Observation], today: date | None) -> Assessment:
    if isinstance(target, LevelTarget):
        return _level(target, indicator, rows, today)
    if isinstance(target, EveryPeriodTarget):
        return _every_period(target, indicator, rows, today)
    if isinstance(target, AverageTarget):
        return _average(target, indicator, rows, today)
    if isinstance(target, CumulativeTarget):
        return _cumulative(target, indicator, rows, today)
    if isinstance(target, PlanTarget):
        return _plan(target, indicator, rows, today)
    raise TypeError(f"unknown target kind {type(target).__name__}")  # pragma: no cover


def _finite(x: Any) -> bool:
    return not isinstance(x, float) or math.isfinite(x)


def _finite_details(value: Any) -> tuple[Any, bool]:
    """``value`` with every inf or NaN float in it made None; and whether there was one."""
    if isinstance(value, float):
        return (value, False) if math.isfinite(value) else (None, True)
    if isinstance(value, dict):
        out, bad = {}, False
        for k, v in value.items():
            out[k], b = _finite_details(v)
            bad = bad or b
        return (out, True) if bad else (value, False)
    if isinstance(value, list):
        items = [_finite_details(v) for v in value]
        return ([v for v, _ in items], True) if any(b for _, b in items) else (value, False)
    return value, False


_MILESTONE_FIGURES = (
    "score",
    "progress_value",
    "gap",
    "required_rate",
    "trajectory",
    "deviation",
    "required_rate_from_latest",
    "projected",
    "required_change",
    "achieved_change",
    "required_change_from_latest",
)


def _finite_milestone(m: MilestoneResult) -> MilestoneResult:
    bad = {name: None for name in _MILESTONE_FIGURES if not _finite(getattr(m, name))}
    if not bad:
        return m
    if "progress_value" in bad or "gap" in bad:
        # The status is read from these: without them there is none to give.
        bad.update(status=Status.NOT_AVAILABLE, score=None, reason="overflow")
    return replace(m, **bad)


def _finite_only(a: Assessment) -> Assessment:
    """``a`` with every figure that overflowed made None (a last guard: the kinds test the
    figures their status is read from themselves)."""
    milestones = tuple(_finite_milestone(m) for m in a.milestones)
    details, bad_details = _finite_details(a.details)
    bad = {name: None for name in ("score", "progress_value", "achieved_rate", "gap") if not _finite(getattr(a, name))}
    if not bad and not bad_details and all(m is n for m, n in zip(milestones, a.milestones, strict=True)):
        return a
    if "progress_value" in bad or "gap" in bad:
        bad.update(status=Status.NOT_AVAILABLE, score=None, reason="overflow")
    head = milestones[a.headline] if a.headline is not None else None
    if head is not None and head.reason == "overflow":
        bad.update(status=Status.NOT_AVAILABLE, score=None, reason="overflow")
    return replace(a, milestones=milestones, details=details, **bad)


def _power(value: float, rate: float, years: float) -> float | None:
    """``value × (1 + rate) ** years``, or None where that overflows."""
    try:
        out = value * (1 + rate) ** years
    except (OverflowError, ZeroDivisionError):
        return None
    return out if math.isfinite(out) else None


def ended(period: Period, today: date | None) -> bool:
    """Whether ``period`` was over before ``today``: its last month is behind it.

    Periods end at the end of a month, so the month of ``today`` decides; the status cache
    relies on that (it keys on the month, cache.py)."""
    return today is not None and (today.year, today.month) > (period.year, period.last)


def relevant_rows(target: Target, rows: Sequence[Observation]) -> list[Observation]:
    """The observations a reader of this target needs: its span, or its year and the one before."""
    if isinstance(target, PlanTarget):
        years = {target.period.year, target.period.year - 1}
        return [o for o in rows if o.period.year in years]
    if isinstance(target, SpanTarget):
        return [o for o in rows if target.start.year <= o.period.year <= target.end.year]
    if isinstance(target, LevelTarget) and target.baseline is not None:
        return [o for o in rows if o.period.year >= target.baseline.period.year]
    return list(rows)


# --- shared helpers ------------------------------------------------------------------


def _at(rows: Sequence[Observation], period: Period) -> Observation | None:
    """The observation of exactly ``period``, if any."""
    # sort_key identifies a period; comparing it is an int comparison in C, where
    # Period's own __eq__ is a Python call per row.
    key = period.sort_key
    return next((o for o in rows if o.period.sort_key == key), None)


def _annual(rows: Sequence[Observation]) -> list[Observation]:
    return [o for o in rows if o.period.is_year]


def _provisional(rows: Sequence[Observation], last_full: Period | None) -> Observation | None:
    """The latest sub-annual reading in a year after the last full-year figure.

    Of the readings that end latest, the longest span wins: 2025-9M (the running estimate
    of the year, as offices publish them) rather than 2025-Q3 (the third quarter alone), which the
    period order would otherwise put last.
    """
    later = [o for o in rows if not o.period.is_year and (last_full is None or o.period.year > last_full.year)]
    if not later:
        return None
    return max(later, key=lambda o: (o.period.year, o.period.last, -o.period.first))


def _safe_growth(v1: float, v0: float, t1: float, t0: float) -> float | None:
    try:
        if v0 == 0 or t1 == t0 or (v1 / v0) < 0:
            return None
        return growth(v1, v0, t1, t0)
    except (ZeroDivisionError, OverflowError, ValueError):
        return None


# --- level ---------------------------------------------------------------------------


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
    annual = _annual(rows)
    latest = annual[-1] if annual else None
    provisional = _provisional(rows, latest.period if latest else None)
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
                _gap(m.value, latest.value, indicator.increase) if latest else None,
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
    achieved = _safe_growth(latest.value, base.value or 0.0, latest.period.year, base_year) if base.value else None
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


def _bound_gap(bound: Bound, value: float | None) -> float | None:
    """The gap to a bound: what is still to gain under "at least", what is over "at most"."""
    if value is None:
        return None
    return _gap(bound.value, value, bound.at_least)


def _gap(goal: float, value: float, increase: bool) -> float:
    """The distance still to go in the target's direction: positive while short, zero or
    negative once reached (docs/methodology.md, "Gap")."""
    return goal - value if increase else value - goal


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
        required = _safe_growth(value, base_value, by.year, base_year)
        # The path ends at the milestone: past its deadline a trajectory value means nothing.
        if required is not None and years_from_base >= 0 and not due:
            trajectory = _power(base_value, required, years_from_base)
            deviation = latest.value - trajectory if trajectory is not None else None
        required_latest = None if due else _safe_growth(value, latest.value, by.year, latest.period.year)
        if achieved is not None and not due:
            projected = _power(latest.value, achieved, by.year - latest.period.year)
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
        gap=_gap(value, judged.value, indicator.increase),
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


# --- every period ----------------------------------------------------------------------


def _in_span(rows: Sequence[Observation], start: Period, end: Period) -> list[Observation]:
    """Observations of the span's own granularity (as long as `from`) inside [from, to]."""
    lo, hi = start.sort_key, end.sort_key  # compared as ints, in C: a national plan has millions of these
    return [
        o
        for o in rows
        if o.period.months == start.months
        and lo <= o.period.sort_key <= hi
        and (o.period.first - start.first) % start.months == 0
    ]


def _span_periods(start: Period, end: Period) -> list[Period]:
    out = []
    p = start
    while p <= end:
        out.append(p)
        first = p.first + p.months
        p = Period(p.year + 1, 1, p.months) if first > 12 else Period(p.year, first, first + p.months - 1)
    return out


def _every_period(
    target: EveryPeriodTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None = None
) -> Assessment:
    inside = _in_span(rows, target.start, target.end)
    expected = _span_periods(target.start, target.end)
    latest = inside[-1] if inside else None
    provisional = None
    if target.start.is_year:
        provisional = _provisional(
            [o for o in rows if target.start.year <= o.period.year <= target.end.year],
            latest.period if latest else None,
        )
    results = [{"period": str(o.period), "value": o.value, "passed": target.bound.passes(o.value)} for o in inside]
    failed = [r for r in results if not r["passed"]]
    streak = 0
    for r in reversed(results):
        if not r["passed"]:
            break
        streak += 1
    observed = {o.period for o in inside}
    missing = [str(p) for p in expected if p not in observed and (latest is None or p < latest.period)]
    complete = latest is not None and latest.period >= target.end and not missing
    reason = None
    if not results:
        status = Status.NOT_AVAILABLE
        reason = _no_figure_reason(rows)
    elif failed:
        status = Status.NOT_ACHIEVED
    elif complete:
        status = Status.TARGET_ACHIEVED
    else:
        status = Status.SUBSTANTIAL_PROGRESS  # every period so far passed: on track
    details: dict[str, Any] = {
        "bound": {target.bound.keyword: target.bound.value},
        "from": str(target.start),
        "to": str(target.end),
        "periods": results,
        "passed": len(results) - len(failed),
        "failed": len(failed),
        "streak": streak,
        "first_failure": failed[0]["period"] if failed else None,
        "missing": missing,
        "remaining": len([p for p in expected if latest is None or p > latest.period]),
    }
    if provisional is not None:
        details["provisional_passes"] = target.bound.passes(provisional.value)
    # Each period of the span is a deadline of its own: every one that failed is missed.
    missed = tuple(o.period for o in inside if not target.bound.passes(o.value))
    # Each period is a deadline too: one that is over with no figure is awaited.
    awaiting = tuple(p for p in expected if p not in observed and ended(p, today))
    return Assessment(
        target=target,
        indicator=indicator,
        status=status,
        latest=latest,
        provisional=provisional,
        details=details,
        missed_milestones=missed,
        reason=reason,
        gap=_bound_gap(target.bound, latest.value if latest else None),
        awaiting_figures=awaiting,
    )


def _no_figure_reason(rows: Sequence[Observation]) -> str:
    """no_figures: the indicator has none at all; no_figure_for_period: none in the
    target's span or period."""
    return "no_figure_for_period" if rows else "no_figures"


# --- average ---------------------------------------------------------------------------


def _average(
    target: AverageTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None = None
) -> Assessment:
    inside = _in_span(rows, target.start, target.end)
    latest = inside[-1] if inside else None
    provisional = _provisional(
        [o for o in rows if target.start.year <= o.period.year <= target.end.year], latest.period if latest else None
    )
    span_years = target.end.year - target.start.year + 1
    t = target.bound.value
    details: dict[str, Any] = {
        "bound": {target.bound.keyword: t},
        "from": str(target.start),
        "to": str(target.end),
        "years_in_span": span_years,
        "years_with_data": len(inside),
        "periods": [{"period": str(o.period), "value": o.value} for o in inside],
    }
    if not inside:
        return Assessment(
            target=target,
            indicator=indicator,
            status=Status.NOT_AVAILABLE,
            provisional=provisional,
            details=details,
            reason=_no_figure_reason(rows),
            awaiting_figures=(target.end,) if ended(target.end, today) else (),
        )
    # A year of -100 % or worse took the quantity to zero or below: no growth compounds
    # through it, so no geometric mean exists. Each year is tested, not the product: two
    # such years would make a positive product and a mean that means nothing
    # (docs/methodology.md, "Average over a span").
    fallen = [str(o.period) for o in inside if o.value <= -100]
    if fallen:
        details.update(average=None, undefined_by=fallen)
        return Assessment(
            target=target,
            indicator=indicator,
            status=Status.NOT_AVAILABLE,
            latest=latest,
            provisional=provisional,
            details=details,
            reason="average_undefined",
            awaiting_figures=(target.end,) if span_years > len(inside) and ended(target.end, today) else (),
        )
    # Geometric mean of (1 + g) over the years with data (methodology section 2).
    product = math.prod(1 + o.value / 100 for o in inside)
    average = (product ** (1 / len(inside)) - 1) * 100
    if not math.isfinite(average) or product == 0:
        # Growth of 1e300 % a year, compounded, passes the largest float (or, the other way,
        # rounds to zero): no average can be given (reason "overflow").
        details.update(average=None)
        return Assessment(
            target=target,
            indicator=indicator,
            status=Status.NOT_AVAILABLE,
            latest=latest,
            provisional=provisional,
            details=details,
            reason="overflow",
            awaiting_figures=(target.end,) if span_years > len(inside) and ended(target.end, today) else (),
        )
    remaining = max(span_years - len([o for o in inside]), 0)
    remaining_years = [y for y in range(latest.period.year + 1, target.end.year + 1)]
    required = None
    if remaining:
        try:
            needed_product = (1 + t / 100) ** span_years / product
            required = (needed_product ** (1 / remaining) - 1) * 100 if needed_product > 0 else None
        except OverflowError:
            required = None  # a bound of 1e300 % a year: no rate to name (left None, not inf)
    # Years before the latest with no figure count with the years to come: the required
    # rate applies to every span year that has no full-year figure yet.
    missing = [str(y) for y in range(target.start.year, latest.period.year) if y not in {o.period.year for o in inside}]
    details.update(
        average=average, remaining_years=len(remaining_years), missing=missing, required_rate_remaining=required
    )
    passes = target.bound.passes(average)
    # The average achieved is read against the average required, as the growth ratio of
    # method 2 reads an achieved CAGR against a required one (section 1.1).
    p = None
    if target.bound.at_least and t != 0:
        p = average / abs(t)
    score = None
    if remaining == 0:
        status = Status.TARGET_ACHIEVED if passes else Status.NOT_ACHIEVED
    elif passes:
        status = Status.SUBSTANTIAL_PROGRESS
    elif p is None:
        status = Status.DETERIORATION
    else:
        status = _band(p)
    if p is not None:
        score = _score_for(status, p)
    # Not achieved only once the span is over (remaining == 0): its deadline was missed.
    missed = (target.end,) if status is Status.NOT_ACHIEVED else ()
    awaiting = (target.end,) if remaining and ended(target.end, today) else ()
    return Assessment(
        target=target,
        indicator=indicator,
        status=status,
        score=score,
        progress_value=p,
        latest=latest,
        provisional=provisional,
        details=details,
        missed_milestones=missed,
        gap=_bound_gap(target.bound, average),
        awaiting_figures=awaiting,
    )


def _score_for(status: Status, p: float) -> float | None:
    """Open SDG's method-2 score; none once the target is missed for good.

    A positive score beside "not achieved" would read as praise for a missed target.
    """
    if status is Status.TARGET_ACHIEVED:
        return 5.0
    if status is Status.NOT_ACHIEVED:
        return None
    return score_with_target(p)


def _band(p: float) -> Status:
    return band(p, *TARGET_THRESHOLDS)


# --- cumulative ------------------------------------------------------------------------


def _cumulative(
    target: CumulativeTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None = None
) -> Assessment:
    inside = _in_span(rows, target.start, target.end)
    expected = _span_periods(target.start, target.end)
    latest = inside[-1] if inside else None
    t = target.bound.value
    details: dict[str, Any] = {
        "bound": {target.bound.keyword: t},
        "from": str(target.start),
        "to": str(target.end),
        "periods": [{"period": str(o.period), "value": o.value} for o in inside],
    }
    # A part-year amount (2025-H1) is shown, never added: the span counts whole periods.
    provisional = None
    if target.start.is_year:
        provisional = _provisional(
            [o for o in rows if target.start.year <= o.period.year <= target.end.year],
            latest.period if latest else None,
        )
    if latest is None:
        return Assessment(
            target=target,
            indicator=indicator,
            status=Status.NOT_AVAILABLE,
            provisional=provisional,
            details=details,
            reason=_no_figure_reason(rows),
            awaiting_figures=(target.end,) if ended(target.end, today) else (),
        )
    total = sum(o.value for o in inside)
    elapsed = len([p for p in expected if p <= latest.period])
    remaining = len(expected) - elapsed
    share_reached = total / t if t else None
    share_elapsed = elapsed / len(expected)
    needed = (t - total) / remaining if remaining else None
    details.update(
        total=total,
        share_of_target=share_reached,
        share_of_time=share_elapsed,
        periods_elapsed=elapsed,
        periods_remaining=remaining,
        needed_per_remaining_period=needed if needed is None or needed > 0 else 0.0,
    )
    if not math.isfinite(total):
        # Amounts that add up past the largest float: no total, and nothing read from it.
        details.update(total=None, share_of_target=None, needed_per_remaining_period=None)
        return Assessment(
            target=target,
            indicator=indicator,
            status=Status.NOT_AVAILABLE,
            latest=latest,
            provisional=provisional,
            details=details,
            reason="overflow",
            awaiting_figures=(target.end,) if remaining and ended(target.end, today) else (),
        )
    passes = target.bound.passes(total)
    p = share_reached / share_elapsed if share_reached is not None else None
    if target.bound.at_least and passes:
        status = Status.TARGET_ACHIEVED
    elif not target.bound.at_least and not passes:
        status = Status.NOT_ACHIEVED  # the cap is already exceeded
    elif remaining == 0:
        status = Status.TARGET_ACHIEVED if passes else Status.NOT_ACHIEVED
    elif not target.bound.at_least:
        status = Status.SUBSTANTIAL_PROGRESS
    else:
        # Pace: share of the target reached against share of the span elapsed.
        status = _band(p) if p is not None else Status.NOT_AVAILABLE
    score = None
    if target.bound.at_least and p is not None:
        score = _score_for(status, p)
    # The deadline is missed once the span is over and the bound not met; a cap broken
    # earlier is already "not achieved" but its deadline has not come (docs/decisions.md).
    missed = (target.end,) if remaining == 0 and not passes else ()
    return Assessment(
        target=target,
        indicator=indicator,
        status=status,
        score=score,
        progress_value=p if target.bound.at_least else None,
        latest=latest,
        provisional=provisional,
        details=details,
        missed_milestones=missed,
        reason="zero_target" if status is Status.NOT_AVAILABLE else None,
        gap=_bound_gap(target.bound, total),
        awaiting_figures=(target.end,) if remaining and ended(target.end, today) else (),
    )


# --- annual plan -----------------------------------------------------------------------


def _same_period(out: dict[str, Any], current: Observation, previous: Observation | None, indicator: Indicator) -> None:
    """The same-period comparison offices print: against the same span one year earlier.

    Amounts and levels compare by their per-cent change. A growth rate is already a
    change on the same period; the per-cent change of a rate (11.03 % against 9.02 % read
    as "+22.3 %") misleads, so a rate compares by the difference in percentage points.
    """
    if previous is None:
        return
    out["same_period_last_year"] = previous.value
    if indicator.measure is Measure.RATE:
        out["difference_on_same_period_last_year"] = current.value - previous.value
    elif previous.value:
        out["change_on_same_period_last_year"] = (current.value / previous.value - 1) * 100


def _plan(
    target: PlanTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None = None
) -> Assessment:
    bound = Bound(target.value, indicator.increase)
    full = _at(rows, target.period)
    details: dict[str, Any] = {"period": str(target.period), "plan": target.value}
    if full is not None:
        # "X % of plan reached" is read of amounts and levels; of a growth rate, the plan is
        # met or missed by percentage points, and a per cent of a per cent misleads.
        percent = None if indicator.measure is Measure.RATE else full.value / target.value * 100
        details.update(percent_of_plan=percent, difference=full.value - target.value)
        previous = _at(rows, target.period.same_span_previous_year())
        _same_period(details, full, previous, indicator)
        status = Status.TARGET_ACHIEVED if bound.passes(full.value) else Status.NOT_ACHIEVED
        missed = (target.period,) if status is Status.NOT_ACHIEVED else ()
        return Assessment(
            target=target,
            indicator=indicator,
            status=status,
            latest=full,
            score=5.0 if status is Status.TARGET_ACHIEVED else None,
            details=details,
            missed_milestones=missed,
            gap=_bound_gap(bound, full.value),
        )
    # During the period (or after it, until the full figure comes): the latest
    # year-to-date reading inside it.
    awaiting = (target.period,) if ended(target.period, today) else ()
    ytd = [
        o
        for o in rows
        if o.period.year == target.period.year
        and o.period.first == target.period.first
        and o.period.last < target.period.last
    ]
    if not ytd:
        return Assessment(
            target=target,
            indicator=indicator,
            status=Status.NOT_AVAILABLE,
            details=details,
            reason=_no_figure_reason(rows),
            awaiting_figures=awaiting,
        )
    reading = ytd[-1]
    details["year_to_date"] = {"period": str(reading.period), "value": reading.value}
    previous = _at(rows, reading.period.same_span_previous_year())
    _same_period(details["year_to_date"], reading, previous, indicator)
    if indicator.measure is Measure.FLOW:
        share_time = reading.period.months / target.period.months
        share_plan = reading.value / target.value
        pace = share_plan / share_time
        details["year_to_date"].update(percent_of_plan=share_plan * 100, share_of_time=share_time)
        if bound.passes(reading.value) and indicator.increase:
            status = Status.TARGET_ACHIEVED
        else:
            status = (
                _band(pace)
                if indicator.increase
                else (Status.SUBSTANTIAL_PROGRESS if share_plan <= share_time else Status.LIMITED_PROGRESS)
            )
        return Assessment(
            target=target,
            indicator=indicator,
            status=status,
            progress_value=pace,
            provisional=reading,
            details=details,
            gap=_bound_gap(bound, reading.value),
            awaiting_figures=awaiting,
        )
    # A rate or level: the year-to-date figure is read against the plan figure directly.
    on_track = bound.passes(reading.value)
    details["year_to_date"]["difference"] = reading.value - target.value
    status = Status.SUBSTANTIAL_PROGRESS if on_track else Status.LIMITED_PROGRESS
    return Assessment(
        target=target,
        indicator=indicator,
        status=status,
        provisional=reading,
        details=details,
        gap=_bound_gap(bound, reading.value),
        awaiting_figures=awaiting,
    )
