"""Average targets: the span's mean growth against a bound (docs/methodology.md 2).

Pure: no I/O, no clock.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
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
)
from ..method.progress import Status
from ..catalog import msg
from ..plan.model import AverageTarget, Bound, Indicator, Measure, Observation
from ..plan.periods import Period
from .protocol import Keys, Reader, What
from .span import PeriodValue, SpanKind, awaited, bound_json, in_span, parse_span

__all__ = ["KIND", "AverageResult", "AverageTarget"]


@dataclass(frozen=True, slots=True)
class AverageResult:
    """What an average target's assessment found (``details`` in docs/json.md).

    Which figures there are says how far the assessment went: none past ``periods``
    without a figure; ``average`` None with ``undefined_by`` when a year fell by 100 % or
    more; ``average`` None alone when it overflowed; else the average and what remains.
    """

    bound: Bound
    start: Period
    end: Period
    years_in_span: int
    periods: tuple[PeriodValue, ...]
    average: float | None = None
    undefined_by: tuple[Period, ...] | None = None  # the years of -100 % or worse
    remaining_years: int | None = None  # years after the latest figure; None: no average
    missing: tuple[int, ...] = ()  # years before the latest with no figure
    required_rate_remaining: float | None = None  # the rate every year without a figure needs

    @property
    def years_with_data(self) -> int:
        return len(self.periods)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "bound": bound_json(self.bound),
            "from": str(self.start),
            "to": str(self.end),
            "years_in_span": self.years_in_span,
            "years_with_data": self.years_with_data,
            "periods": [p.to_json() for p in self.periods],
        }
        if not self.periods:
            return out
        out["average"] = self.average
        if self.undefined_by is not None:
            out["undefined_by"] = [str(p) for p in self.undefined_by]
        if self.remaining_years is not None:
            out.update(
                remaining_years=self.remaining_years,
                missing=[str(y) for y in self.missing],
                required_rate_remaining=self.required_rate_remaining,
            )
        return out


class Average(SpanKind):
    """``type: average``: the geometric mean of yearly growth over the span (methodology 2)."""

    name = "average"
    target = AverageTarget
    implies = Measure.RATE  # its figures are growth rates, compounded

    def parse(self, reader: Reader, node: Any, keys: Keys, where: What, common: dict[str, Any]) -> AverageTarget | None:
        years = msg("definitions_average_whole_years", what=reader.phrase(where))
        read = parse_span(reader, node, keys, where, self.name, years)
        if read is None:
            return None
        bound, start, end = read
        return AverageTarget(**common, bound=bound, start=start, end=end)

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
    result = AverageResult(
        bound=target.bound,
        start=target.start,
        end=target.end,
        years_in_span=span_years,
        periods=tuple(PeriodValue(o.period, o.value, o.status, o.source, o.recorded_at) for o in inside),
    )
    if not inside:
        return Assessment(
            target=target,
            indicator=indicator,
            status=Status.NOT_AVAILABLE,
            provisional=provisional,
            result=result,
            reason=no_figure_reason(rows),
            awaiting_figures=awaited(target.start, target.end, inside, today),
        )
    assert latest is not None  # the span has a figure
    # A year of -100 % or worse took the quantity to zero or below: no growth compounds
    # through it, so no geometric mean exists. Each year is tested, not the product: two
    # such years would make a positive product and a mean that means nothing
    # (docs/methodology.md, "Average over a span").
    fallen = tuple(o.period for o in inside if o.value <= -100)
    if fallen:
        return Assessment(
            target=target,
            indicator=indicator,
            status=Status.NOT_AVAILABLE,
            latest=latest,
            provisional=provisional,
            result=replace(result, undefined_by=fallen),
            reason="average_undefined",
            awaiting_figures=awaited(target.start, target.end, inside, today),
        )
    # Geometric mean of (1 + g) over the years with data (methodology section 2).
    product = math.prod(1 + o.value / 100 for o in inside)
    average = significant((product ** (1 / len(inside)) - 1) * 100)
    if not math.isfinite(average) or product == 0:
        # Growth of 1e300 % a year, compounded, passes the largest float (or, the other way,
        # rounds to zero): no average can be given (reason "overflow").
        return Assessment(
            target=target,
            indicator=indicator,
            status=Status.NOT_AVAILABLE,
            latest=latest,
            provisional=provisional,
            result=result,
            reason="overflow",
            awaiting_figures=awaited(target.start, target.end, inside, today),
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
    missing = tuple(y for y in range(target.start.year, latest.period.year) if y not in {o.period.year for o in inside})
    result = replace(
        result,
        average=average,
        remaining_years=len(remaining_years),
        missing=missing,
        required_rate_remaining=required,
    )
    passes = target.bound.passes(average)
    # The average achieved is read against the average required, as the growth ratio of
    # method 2 reads an achieved CAGR against a required one (section 1.1).
    # A bound at or below zero ("a contraction of at most 2 % a year", at_least: -2) has no
    # pace to be a share of: −1.25 / 2 read −0.63, score −5, beside an average meeting it.
    p = None
    if target.bound.at_least and t > 0:
        p = average / t
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
    awaiting = awaited(target.start, target.end, inside, today)
    return Assessment(
        target=target,
        indicator=indicator,
        status=status,
        score=score,
        progress_value=p,
        latest=latest,
        provisional=provisional,
        result=result,
        missed_milestones=missed,
        gap=bound_gap(target.bound, average),
        awaiting_figures=awaiting,
    )
