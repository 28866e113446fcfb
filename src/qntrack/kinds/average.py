"""Average targets: the span's mean growth against a bound (docs/methodology.md 2).

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
from ..plan.model import AverageTarget, Indicator, Observation
from .span import SpanKind, in_span

__all__ = ["KIND", "AverageTarget"]


class Average(SpanKind):
    """``type: average``: the geometric mean of yearly growth over the span (methodology 2)."""

    name = "average"

    def assess(
        self, target: AverageTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None
    ) -> Assessment:
        return _average(target, indicator, rows, today)


KIND = Average()


def _average(
    target: AverageTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None = None
) -> Assessment:
    inside = in_span(rows, target.start, target.end)
    latest = inside[-1] if inside else None
    provisional = provisional_after(
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
            reason=no_figure_reason(rows),
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
        status = band_of(p)
    if p is not None:
        score = score_for(status, p)
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
        gap=bound_gap(target.bound, average),
        awaiting_figures=awaiting,
    )
