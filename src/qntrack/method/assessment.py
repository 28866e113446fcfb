"""Judging each target against the series in force. Pure: no I/O, no clock.

The records every kind gives (``Assessment``, ``MilestoneResult``) and the helpers the
kinds share: the last guard against figures that overflowed, the reference day's
deadlines, the gap, the bands of Open SDG's method 2. Each kind's own judgement is its
module of ``qntrack.kinds`` (docs/architecture.md, "Target kinds"); ``kinds.assess_target``
dispatches to it.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from itertools import filterfalse
from enum import Enum
from operator import attrgetter
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, Sequence

from ..plan.model import (
    Baseline,
    Bound,
    LESS_FINAL,
    Indicator,
    Observation,
    Target,
    published,
)
from ..plan.notebook import assessment_repr
from ..plan.periods import Period
from ..method.progress import TARGET_THRESHOLDS, Status, band, growth, score_with_target, twelve_digits

if TYPE_CHECKING:
    from ..method.withdrawals import Withdrawal

__all__ = [
    "Assessment",
    "UnitAssessment",
    "KindResult",
    "MilestoneResult",
    "annual_rows",
    "at_period",
    "band_of",
    "bound_gap",
    "ended",
    "finite",
    "finite_only",
    "gap_to",
    "no_figure_reason",
    "overflowed",
    "power",
    "provisional_after",
    "shown_figure",
    "provisional_judged",
    "JudgedFigure",
    "safe_growth",
    "score_for",
    "significant",
    "difference",
]


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


class KindResult(Protocol):
    """A kind's own figures, typed (each kind's module defines its record)."""

    def to_json(self) -> dict[str, Any]:
        """The JSON contract's ``details`` (docs/json.md): the one place they are written."""
        ...


@dataclass(frozen=True, slots=True)
class Assessment:
    """A target's outcome: the headline status and the figures behind it."""

    __repr__ = assessment_repr  # one line in a notebook, not the target's definition and units

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
    # The kind's own figures (a record of the kind's module); None for a level target, whose
    # figures are its milestones.
    result: KindResult | None = None
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
    # A target with ``for_each:`` judged for each unit of the breakdown that has figures or
    # its own values (issue 14; docs/methodology.md, "Breakdowns"); () for any other.
    breakdown: tuple[UnitAssessment, ...] = ()
    # The figures of the target's own periods withdrawn by the day it is judged on
    # (method.withdrawals.Withdrawal: a retraction in force, or the one the figure in force
    # followed), set by kinds.withdrawals.with_withdrawals from the store's history; () until
    # then. What status, rank and their JSON and CSV say (issue 17, twentieth session).
    withdrawn: tuple[Withdrawal, ...] = ()

    @property
    def details(self) -> dict[str, Any]:
        """The kind's figures as the JSON contract writes them (``details``, docs/json.md)."""
        return self.result.to_json() if self.result is not None else {}

    @property
    def next_milestone(self) -> MilestoneResult | None:
        return self.milestones[self.headline] if self.headline is not None else None

    @property
    def pace_within(self) -> bool:
        """Whether P is a pace to keep within, on it at P <= 1 (a plan's year to date where
        lower is better), so that a P just beyond 1 is never written 1 (methodology.md,
        "Statuses": 1.0017 is limited progress, session 47)."""
        return self.target.kind == "plan" and not self.indicator.increase and self.progress_value is not None


@dataclass(frozen=True, slots=True)
class UnitAssessment:
    """One unit of a breakdown (``dims``: its dimension values) and its assessment.
    ``without_figure``: a declared unit with no figure and no values of its own, listed
    not available after the judged units and left out of the roll-up (issue 17,
    twenty-first session; methodology.md, "Breakdowns")."""

    dims: tuple[tuple[str, str], ...]
    assessment: Assessment
    without_figure: bool = False


def finite(x: Any) -> bool:
    return not isinstance(x, float) or math.isfinite(x)


# Values that hold no float: a Period is three ints, the rest are text, ints and enums.
_NO_FLOAT: tuple[type, ...] = (Period, str, int, Enum, type(None))
# The fields of each record class, read once: ``fields()`` builds its answer on every call,
# and a national plan's 10,000 records are walked once each.
_RECORD_FIELDS: dict[type, tuple[str, ...]] = {}


def _finite_record(value: Any) -> tuple[Any, bool]:
    """``value`` (a kind's record, or a part of one) with every inf or NaN float in it made
    None; and whether there was one."""
    if isinstance(value, float):
        return (value, False) if math.isfinite(value) else (None, True)
    if isinstance(value, _NO_FLOAT):
        return value, False
    if isinstance(value, tuple):
        items = [_finite_record(v) for v in value]
        if not any(b for _, b in items):
            return value, False
        made = [v for v, _ in items]
        # A named tuple (an Observation in a record) stays one.
        return (value._make(made) if hasattr(value, "_make") else tuple(made)), True
    cls = type(value)
    names = _RECORD_FIELDS.get(cls)
    if names is None:
        if not (is_dataclass(value) and not isinstance(value, type)):
            return value, False
        names = _RECORD_FIELDS[cls] = tuple(f.name for f in fields(value))
    bad = {}
    for name in names:
        v, b = _finite_record(getattr(value, name))
        if b:
            bad[name] = v
    return (replace(value, **bad), True) if bad else (value, False)


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
    bad: dict[str, Any] = {name: None for name in _MILESTONE_FIGURES if not finite(getattr(m, name))}
    if not bad:
        return m
    if "progress_value" in bad or "gap" in bad:
        # The status is read from these: without them there is none to give.
        bad.update(status=Status.NOT_AVAILABLE, score=None, reason="overflow")
    return replace(m, **bad)


def finite_only(a: Assessment) -> Assessment:
    """``a`` with every figure that overflowed made None (a last guard: the kinds test the
    figures their status is read from themselves)."""
    milestones = tuple(_finite_milestone(m) for m in a.milestones)
    result, bad_result = _finite_record(a.result)
    bad: dict[str, Any] = {
        name: None for name in ("score", "progress_value", "achieved_rate", "gap") if not finite(getattr(a, name))
    }
    if not bad and not bad_result and all(m is n for m, n in zip(milestones, a.milestones, strict=True)):
        return a
    if "progress_value" in bad or "gap" in bad:
        bad.update(status=Status.NOT_AVAILABLE, score=None, reason="overflow")
    head = milestones[a.headline] if a.headline is not None else None
    if head is not None and head.reason == "overflow":
        bad.update(status=Status.NOT_AVAILABLE, score=None, reason="overflow")
    return replace(a, milestones=milestones, result=result, **bad)


def power(value: float, rate: float, years: float) -> float | None:
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


# --- shared helpers ------------------------------------------------------------------


def at_period(rows: Sequence[Observation], period: Period) -> Observation | None:
    """The observation of exactly ``period``, if any."""
    # sort_key identifies a period; comparing it is an int comparison in C, where
    # Period's own __eq__ is a Python call per row.
    key = period.sort_key
    return next((o for o in rows if o.period.sort_key == key), None)


_IS_YEAR = attrgetter("period.is_year")
_SORT_KEY = attrgetter("period.sort_key")


def annual_rows(rows: Sequence[Observation]) -> list[Observation]:
    # Filtered in C: a national plan's targets read a million rows (issue 17).
    return list(filter(_IS_YEAR, rows))


def first_from(rows: Sequence[Observation], period: Period) -> Observation | None:
    """The first of ``rows`` (in period order, as a series is) whose period is ``period``
    or later, found by bisection on the periods' sort keys (``Period``'s own order)."""
    i = bisect_left(rows, period.sort_key, key=_SORT_KEY)
    return rows[i] if i < len(rows) else None


def shown_figure(a: Assessment) -> Observation | None:
    """The figure a target's (or a unit's) row writes beside its status: its latest, else,
    during a plan's year, its year-to-date reading (marked provisional where it is shown).
    One rule for the tables, charts and sources of every output."""
    return a.latest if a.latest is not None else a.provisional


@dataclass(frozen=True, slots=True)
class JudgedFigure:
    """The period and status of the figure a status rests on (``provisional_judged``)."""

    period: Period
    status: str


def provisional_judged(a: Assessment) -> JudgedFigure | None:
    """The estimate or preliminary figure a judged target's status rests on, whose official
    figure may change the status; None when none does. Mostly the figure its row shows;
    but a level target past its deadline is judged on the milestone's figure (2025's
    official 1,100 USD, not 2026's estimate beside it), and an every-period target not
    achieved on the periods it failed: settled when one failed on a figure neither
    estimate nor preliminary, else resting on the latest failed (thirty-sixth session,
    pass G: a settled status was said to "may change", an open one not)."""
    if a.status is Status.NOT_AVAILABLE:
        return None
    shown = shown_figure(a)
    figure = JudgedFigure(shown.period, shown.status) if shown is not None else None
    if a.milestones and a.headline is not None:
        head = a.milestones[a.headline]
        if head.due and head.judged_on is not None:
            figure = JudgedFigure(head.judged_on.period, head.judged_on.status)
    if a.status is Status.NOT_ACHIEVED and a.target.kind == "every_period":
        failed = [p for p in getattr(a.result, "periods", ()) if not p.passed]
        if any(p.status not in LESS_FINAL for p in failed):
            return None
        if failed:
            figure = JudgedFigure(failed[-1].period, failed[-1].status)
    return figure if figure is not None and figure.status in LESS_FINAL else None


def provisional_after(rows: Sequence[Observation], last_full: Period | None) -> Observation | None:
    """The latest sub-annual reading in a year after the last full-year figure.

    Of the readings that end latest, the longest span wins: 2025-9M (the running estimate
    of the year, as offices publish them) rather than 2025-Q3 (the third quarter alone), which the
    period order would otherwise put last.
    """
    # The sub-annual rows found in C first: a national plan's series are mostly years (issue 17).
    later = [o for o in filterfalse(_IS_YEAR, rows) if last_full is None or o.period.year > last_full.year]
    if not later:
        return None
    return max(later, key=lambda o: (o.period.year, o.period.last, -o.period.first))


def safe_growth(v1: float, v0: float, t1: float, t0: float) -> float | None:
    try:
        if v0 == 0 or t1 == t0 or (v1 / v0) < 0:
            return None
        return growth(v1, v0, t1, t0)
    except (ZeroDivisionError, OverflowError, ValueError):
        return None


def bound_gap(bound: Bound, value: float | None) -> float | None:
    """The gap to a bound: what is still to gain under "at least", what is over "at most"."""
    if value is None:
        return None
    return gap_to(bound.value, value, bound.at_least)


def gap_to(goal: float, value: float, increase: bool) -> float:
    """The distance still to go in the target's direction: positive while short, zero or
    negative once reached (docs/methodology.md, "Gap")."""
    return difference(goal, value) if increase else difference(value, goal)


def difference(a: float, b: float) -> float:
    """``a`` − ``b`` as the figures were typed, rounded once: 10 − 10.28 is −0.28, where
    the binary floats' difference is −0.27999999999999936, which JSON and CSV would
    print (docs/methodology.md, "Gap"). Each figure's shortest decimal form is its typed
    one (repr), so the decimal subtraction is exact; not finite, the float's."""
    if not (math.isfinite(a) and math.isfinite(b)):
        return a - b
    from decimal import Decimal  # here: a status served from the cache subtracts nothing

    # At the 15 digits a typed figure has (plan.model.published): 10 - 9.999999999999998,
    # a computed cell's noise, is 0, where the binary's digits made it 2e-15.
    return float(Decimal(repr(published(a))) - Decimal(repr(published(b))))


def no_figure_reason(rows: Sequence[Observation]) -> str:
    """no_figures: the indicator has none at all; no_figure_for_period: none in the
    target's span or period."""
    return "no_figure_for_period" if rows else "no_figures"


def score_for(status: Status, p: float) -> float | None:
    """Open SDG's method-2 score; none once the target is missed for good.

    A positive score beside "not achieved" would read as praise for a missed target.
    """
    if status is Status.TARGET_ACHIEVED:
        return 5.0
    if status is Status.NOT_ACHIEVED:
        return None
    return score_with_target(p)


def band_of(p: float) -> Status:
    return band(p, *TARGET_THRESHOLDS)


def overflowed(target: Target, indicator: Indicator, rows: Sequence[Observation]) -> Assessment:
    """not_available ("overflow") keeping the latest figure and the reading after it: what
    every kind keeps when one of its figures overflowed (a kind may keep more)."""
    full = annual_rows(rows)
    latest = full[-1] if full else None
    return Assessment(
        target=target,
        indicator=indicator,
        status=Status.NOT_AVAILABLE,
        reason="overflow",
        latest=latest,
        provisional=provisional_after(rows, latest.period if latest else None),
    )


def significant(x: float) -> float:
    """``x`` to 12 significant digits, for a figure computed from figures as typed (an
    average, a pace): the float round trip leaves noise in the 15th or 16th digit
    (1.17 − 1 = 0.16999999999999993; 2.28 / 12 / 0.2 = 0.9499999999999998), which put a
    figure exactly on a bound or a band's edge just below it (docs/decisions.md,
    "Numbers audit by hand"). Not finite: returned as it is."""
    return twelve_digits(x)
