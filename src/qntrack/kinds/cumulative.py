"""Cumulative targets: a total over a span against a bound (docs/methodology.md 2).

Pure: no I/O, no clock.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any, Sequence

from ..method.assessment import (
    Assessment,
    band_of,
    significant,
    bound_gap,
    no_figure_reason,
    provisional_after,
    score_for,
    ended,
)
from ..method.parts import added_as_typed
from ..method.progress import Status
from ..plan.model import Bound, CumulativeTarget, Indicator, Measure, Observation
from ..plan.periods import Period
from .span import PeriodValue, SpanKind, awaited, bound_json, parts_of, span_figures, span_periods, to_date

__all__ = ["KIND", "CumulativeFigures", "CumulativeResult", "CumulativeTarget"]


@dataclass(frozen=True, slots=True)
class CumulativeFigures:
    """The total so far and the pace, once the span has a figure."""

    total: float | None  # None: the amounts add up past the largest float
    share_of_target: float | None  # total / bound; None for a bound of zero
    share_of_time: float  # periods elapsed / periods in the span
    periods_elapsed: int
    periods_remaining: int
    needed_per_remaining_period: float | None  # zero once the bound is reached
    # The periods after the latest figure already over by the day judged on (a running
    # span's 2026 read in mid-2027): counted with those to come, as the methodology counts
    # time up to the latest figure, and named where the need is said. Not in JSON.
    over_without_figure: tuple[Period, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "share_of_target": self.share_of_target,
            "share_of_time": self.share_of_time,
            "periods_elapsed": self.periods_elapsed,
            "periods_remaining": self.periods_remaining,
            "needed_per_remaining_period": self.needed_per_remaining_period,
        }


@dataclass(frozen=True, slots=True)
class CumulativeResult:
    """What a cumulative target's assessment found (``details`` in docs/json.md)."""

    bound: Bound
    start: Period
    end: Period
    periods: tuple[PeriodValue, ...]
    figures: CumulativeFigures | None = None  # None: no figure in the span yet

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "bound": bound_json(self.bound),
            "from": str(self.start),
            "to": str(self.end),
            "periods": [p.to_json() for p in self.periods],
        }
        if self.figures is not None:
            out.update(self.figures.to_json())
        return out


class Cumulative(SpanKind):
    """``type: cumulative``: the span's amounts added up against a bound (methodology 2)."""

    name = "cumulative"
    target = CumulativeTarget
    implies = Measure.FLOW  # its amounts are added up: a flow
    amount = True  # a total for the whole: never divided among units (issue 14)

    def assess(
        self, target: CumulativeTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None
    ) -> Assessment:
        return _cumulative(target, indicator, rows, today)


KIND = Cumulative()


def _cumulative(
    target: CumulativeTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None = None
) -> Assessment:
    expected = span_periods(target.start, target.end)
    # A period recorded only in parts (a year's quarters) is its parts added up.
    parts = parts_of(rows, target.start, target.end)
    inside = span_figures(rows, target.start, target.end, parts)
    latest = inside[-1] if inside else None
    t = target.bound.value
    periods = tuple(PeriodValue(o.period, o.value, o.status, o.source, o.recorded_at) for o in inside)
    # A part-year amount (2025-H1) is shown, never added: the span counts whole periods.
    # Of a year not complete, its parts from January added up (2022-9M) where none covers them.
    provisional = None
    if target.start.is_year:
        provisional = to_date(provisional_after(parts, latest.period if latest else None), parts)
    if latest is None:
        return Assessment(
            target=target,
            indicator=indicator,
            status=Status.NOT_AVAILABLE,
            provisional=provisional,
            result=CumulativeResult(target.bound, target.start, target.end, periods),
            reason=no_figure_reason(rows),
            awaiting_figures=awaited(target.start, target.end, inside, today),
        )
    # Added as the decimals they were typed as, rounded once (30.3, never 30.299999999999997).
    # Past the largest float the total is inf, handled below.
    total = added_as_typed(o.value for o in inside)
    elapsed = len([p for p in expected if p <= latest.period])
    remaining = len(expected) - elapsed
    # Periods before the latest with no figure: the total is a floor until they are in, so
    # the span stays open, as an average's does (docs/methodology.md).
    unknown = elapsed - len(inside)
    # Below zero (a net outflow's floor, a net sink's cap) a share of the bound reads
    # backwards (−600 of a floor of −500 was "120%"): none, and the total is read against
    # the bound's pace, as a flow planned below zero is (docs/methodology.md).
    below_zero = t < 0
    share_reached = _divided(total, t) if t and not below_zero else None
    share_elapsed = elapsed / len(expected)
    needed = _divided(t, remaining, less=total) if remaining else None
    if not math.isfinite(total):
        # Amounts that add up past the largest float: no total, and nothing read from it.
        figures = CumulativeFigures(None, None, share_elapsed, elapsed, remaining, None)
        return Assessment(
            target=target,
            indicator=indicator,
            status=Status.NOT_AVAILABLE,
            latest=latest,
            provisional=provisional,
            result=CumulativeResult(target.bound, target.start, target.end, periods, figures),
            reason="overflow",
            awaiting_figures=awaited(target.start, target.end, inside, today),
        )
    figures = CumulativeFigures(
        total=total,
        share_of_target=share_reached,
        share_of_time=share_elapsed,
        periods_elapsed=elapsed,
        periods_remaining=remaining,
        # A cap below zero allows a figure below zero a period (−187.5): kept as it is.
        needed_per_remaining_period=(
            needed if needed is None or needed > 0 or (below_zero and not target.bound.at_least) else 0.0
        ),
        over_without_figure=tuple(p for p in expected if p > latest.period and ended(p, today)),
    )
    passes = target.bound.passes(total)
    p = significant(share_reached / share_elapsed) if share_reached is not None else None
    if below_zero and (remaining or unknown):
        # The periods to come may take the total either way: on or behind the bound's pace.
        pace = significant(t * share_elapsed)
        on_pace = total >= pace if target.bound.at_least else total <= pace
        status = Status.SUBSTANTIAL_PROGRESS if on_pace else Status.LIMITED_PROGRESS
    elif target.bound.at_least and passes:
        status = Status.TARGET_ACHIEVED
    elif not target.bound.at_least and not passes:
        status = Status.NOT_ACHIEVED  # the cap is already exceeded
    elif remaining == 0 and not unknown:
        status = Status.TARGET_ACHIEVED if passes else Status.NOT_ACHIEVED
    elif not target.bound.at_least:
        # Within the cap, read at its pace as a flow planned where lower is better is
        # (methodology, "Annual plan"): 390 of at most 400 after one year of two is on its
        # way past the cap, not "substantial progress". At or within t x the share of time
        # is on the pace.
        status = Status.SUBSTANTIAL_PROGRESS if total <= significant(t * share_elapsed) else Status.LIMITED_PROGRESS
    else:
        # Pace: share of the target reached against share of the span elapsed.
        status = band_of(p) if p is not None else Status.NOT_AVAILABLE
    score = None
    if target.bound.at_least and p is not None:
        score = score_for(status, p)
    # The deadline is missed once the span is over and the bound not met for good; a cap
    # broken earlier is already "not achieved" but its deadline has not come
    # (docs/decisions.md); a floor short with periods unknown is not decided yet.
    missed = (target.end,) if status is Status.NOT_ACHIEVED and remaining == 0 else ()
    return Assessment(
        target=target,
        indicator=indicator,
        status=status,
        score=score,
        progress_value=p if target.bound.at_least else None,
        latest=latest,
        provisional=provisional,
        result=CumulativeResult(target.bound, target.start, target.end, periods, figures),
        missed_milestones=missed,
        reason="zero_target" if status is Status.NOT_AVAILABLE else None,
        gap=bound_gap(target.bound, total),
        awaiting_figures=awaited(target.start, target.end, inside, today),
    )


def _divided(x: float, by: float, less: float = 0.0) -> float:
    """(``x`` − ``less``) / ``by`` on the figures as typed, in decimal, rounded once, as a
    plan's per cent is (kinds.plan.percent_of): 2.28 of a total of 12 is 0.19 of it, where
    the floats' quotient was 0.18999999999999997 beside the P = 0.95 the docs work from it,
    and (1 − 0.9) / 1 still needed was 0.09999999999999998 beside a gap of 0.1. A quotient
    that does not end (1 / 3) is the float nearest it. Not finite: the floats'."""
    if not all(math.isfinite(v) for v in (x, by, less)):
        return (x - less) / by
    from decimal import Context, Decimal  # here, not at the top: a warm status assesses nothing

    context = Context(prec=40)
    return float(context.divide(context.subtract(Decimal(repr(x)), Decimal(repr(less))), Decimal(repr(by)))) + 0.0
