"""Cumulative targets: a total over a span against a bound (docs/methodology.md 2).

Pure: no I/O, no clock.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any, Sequence

from ..method.assessment import (
    Assessment,
    band_of,
    bound_gap,
    ended,
    no_figure_reason,
    provisional_after,
    score_for,
)
from ..method.progress import Status
from ..plan.model import CumulativeTarget, Indicator, Observation
from .span import SpanKind, in_span, span_periods

__all__ = ["KIND", "CumulativeTarget"]


class Cumulative(SpanKind):
    """``type: cumulative``: the span's amounts added up against a bound (methodology 2)."""

    name = "cumulative"

    def assess(
        self, target: CumulativeTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None
    ) -> Assessment:
        return _cumulative(target, indicator, rows, today)


KIND = Cumulative()


def _cumulative(
    target: CumulativeTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None = None
) -> Assessment:
    inside = in_span(rows, target.start, target.end)
    expected = span_periods(target.start, target.end)
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
        provisional = provisional_after(
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
            reason=no_figure_reason(rows),
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
        status = band_of(p) if p is not None else Status.NOT_AVAILABLE
    score = None
    if target.bound.at_least and p is not None:
        score = score_for(status, p)
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
        gap=bound_gap(target.bound, total),
        awaiting_figures=(target.end,) if remaining and ended(target.end, today) else (),
    )
