"""Every-period targets: a bound each period of a span must meet (docs/methodology.md 2).

Pure: no I/O, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Sequence

from ..method.assessment import (
    Assessment,
    bound_gap,
    ended,
    no_figure_reason,
    provisional_after,
    significant,
)
from ..method.progress import Status
from ..plan.model import Bound, EveryPeriodTarget, Indicator, Observation
from ..plan.periods import Period
from .span import SpanKind, bound_json, in_span, parts_of, span_figures, span_periods, to_date, vintage_json

__all__ = ["KIND", "EveryPeriodResult", "EveryPeriodTarget", "PeriodCheck"]


@dataclass(frozen=True, slots=True)
class PeriodCheck:
    """A period of the span, its figure and whether it met the bound."""

    period: Period
    value: float
    passed: bool
    # The vintage the figure is (issue 17, seventeenth session): JSON's status, source, recorded_at.
    status: str = ""
    source: str = ""
    recorded_at: str = ""


@dataclass(frozen=True, slots=True)
class EveryPeriodResult:
    """What an every-period target's assessment found (``details`` in docs/json.md)."""

    bound: Bound
    start: Period
    end: Period
    periods: tuple[PeriodCheck, ...]  # the span's periods with a figure, in order
    streak: int  # periods that passed since the last failure
    missing: tuple[Period, ...]  # periods before the latest with no figure
    remaining: int  # periods after the latest
    # Whether a part-period reading after the latest passes; None: there is none. An
    # amount's (a flow's, a balance's) is set against the bound's pace by its end,
    # ``provisional_bound`` (200 a year: 100 by June); a rate's or a level's against the
    # bound itself (docs/methodology.md, "Sub-annual readings are provisional").
    provisional_passes: bool | None = None
    provisional_bound: float | None = None

    @property
    def passed(self) -> int:
        return sum(1 for p in self.periods if p.passed)

    @property
    def failed(self) -> int:
        return len(self.periods) - self.passed

    @property
    def first_failure(self) -> PeriodCheck | None:
        return next((p for p in self.periods if not p.passed), None)

    def to_json(self) -> dict[str, Any]:
        first = self.first_failure
        out: dict[str, Any] = {
            "bound": bound_json(self.bound),
            "from": str(self.start),
            "to": str(self.end),
            "periods": [
                {"period": str(p.period), "value": p.value, "passed": p.passed, **vintage_json(p)} for p in self.periods
            ],
            "passed": self.passed,
            "failed": self.failed,
            "streak": self.streak,
            "first_failure": str(first.period) if first is not None else None,
            "missing": [str(p) for p in self.missing],
            "remaining": self.remaining,
        }
        if self.provisional_passes is not None:
            out["provisional_passes"] = self.provisional_passes
        if self.provisional_bound is not None:
            out["provisional_bound"] = self.provisional_bound
        return out


class EveryPeriod(SpanKind):
    """``type: every_period``: the bound holds in each period of the span (methodology 2)."""

    name = "every_period"
    target = EveryPeriodTarget

    def assess(
        self, target: EveryPeriodTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None
    ) -> Assessment:
        return _every_period(target, indicator, rows, today)


KIND = EveryPeriod()


def _every_period(
    target: EveryPeriodTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None = None
) -> Assessment:
    expected = span_periods(target.start, target.end)
    if indicator.adds_up:
        # An amount's period recorded only in parts (a year's quarters) is their sum, as a
        # cumulative target's and a plan's is; a rate's or a level's parts make no year.
        parts = parts_of(rows, target.start, target.end)
        inside = span_figures(rows, target.start, target.end, parts)
    else:
        parts = [o for o in rows if target.start.year <= o.period.year <= target.end.year]
        inside = in_span(rows, target.start, target.end)
    latest = inside[-1] if inside else None
    provisional = None
    adds_up = indicator.adds_up
    if target.start.is_year:
        provisional = provisional_after(parts, latest.period if latest else None)
        if adds_up:
            provisional = to_date(provisional, parts)
    results = tuple(
        PeriodCheck(o.period, o.value, target.bound.passes(o.value), o.status, o.source, o.recorded_at) for o in inside
    )
    failed = [r for r in results if not r.passed]
    # In a row, back from the latest period: a failure ends the run, and so does a period of
    # the span with no figure (a run across an unknown year is no run; issue 17, nineteenth
    # session).
    passes = {r.period: r.passed for r in results}
    streak = 0
    for p in reversed([p for p in expected if latest is not None and p <= latest.period]):
        if not passes.get(p, False):
            break
        streak += 1
    observed = {o.period for o in inside}
    # Before the latest figure only: with no figure yet every period is still to come
    # (remaining), and counting it missing too would count it twice.
    missing = [p for p in expected if p not in observed and latest is not None and p < latest.period]
    complete = latest is not None and latest.period >= target.end and not missing
    reason = None
    if not results:
        status = Status.NOT_AVAILABLE
        reason = no_figure_reason(rows)
    elif failed:
        status = Status.NOT_ACHIEVED
    elif complete:
        status = Status.TARGET_ACHIEVED
    else:
        status = Status.SUBSTANTIAL_PROGRESS  # every period so far passed: on track
    judged = _at_pace(target.bound, provisional, adds_up) if provisional is not None else None
    result = EveryPeriodResult(
        bound=target.bound,
        start=target.start,
        end=target.end,
        periods=results,
        streak=streak,
        missing=tuple(missing),
        remaining=len([p for p in expected if latest is None or p > latest.period]),
        provisional_passes=judged[0] if judged is not None else None,
        provisional_bound=judged[1] if judged is not None else None,
    )
    # Each period of the span is a deadline of its own: every one that failed is missed.
    missed = tuple(r.period for r in failed)
    # Each period is a deadline too: one that is over with no figure is awaited.
    awaiting = tuple(p for p in expected if p not in observed and ended(p, today))
    return Assessment(
        target=target,
        indicator=indicator,
        status=status,
        latest=latest,
        provisional=provisional,
        result=result,
        missed_milestones=missed,
        reason=reason,
        gap=bound_gap(target.bound, latest.value if latest else None),
        awaiting_figures=awaiting,
    )


def _at_pace(bound: Bound, reading: Observation, adds_up: bool) -> tuple[bool, float]:
    """Whether a part-year ``reading`` passes, and the figure it is set against: for an
    amount that adds up, the bound's pace by the reading's end, bound × months / 12 (140 by
    June against "at least 200 a year" is set against 100: on pace, 280 a year), as a flow
    plan's year to date is; for a rate or a level, the bound itself. Both sides to 12
    significant digits, as every pace: exactly on it is on it."""
    if not adds_up:
        return bound.passes(reading.value), bound.value
    pace = significant(bound.value * reading.period.months / 12)
    value = significant(reading.value)
    return (value >= pace if bound.at_least else value <= pace), pace
