"""Every-period targets: a bound each period of a span must meet (docs/methodology.md 2).

Pure: no I/O, no clock.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Sequence

from ..method.assessment import (
    Assessment,
    bound_gap,
    ended,
    no_figure_reason,
    provisional_after,
)
from ..method.progress import Status
from ..plan.model import EveryPeriodTarget, Indicator, Observation
from .span import SpanKind, in_span, span_periods

__all__ = ["KIND", "EveryPeriodTarget"]


class EveryPeriod(SpanKind):
    """``type: every_period``: the bound holds in each period of the span (methodology 2)."""

    name = "every_period"

    def assess(
        self, target: EveryPeriodTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None
    ) -> Assessment:
        return _every_period(target, indicator, rows, today)


KIND = EveryPeriod()


def _every_period(
    target: EveryPeriodTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None = None
) -> Assessment:
    inside = in_span(rows, target.start, target.end)
    expected = span_periods(target.start, target.end)
    latest = inside[-1] if inside else None
    provisional = None
    if target.start.is_year:
        provisional = provisional_after(
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
        reason = no_figure_reason(rows)
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
        gap=bound_gap(target.bound, latest.value if latest else None),
        awaiting_figures=awaiting,
    )
