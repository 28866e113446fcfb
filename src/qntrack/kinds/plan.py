"""Annual plan targets: one period's plan figure (docs/methodology.md, "Annual plans").

Pure: no I/O, no clock.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any, Sequence

from ..catalog import Figure, Message, msg
from ..method.assessment import (
    Assessment,
    at_period,
    band_of,
    bound_gap,
    ended,
    no_figure_reason,
    overflowed,
)
from ..method.progress import Status
from ..plan.model import Bound, Indicator, Measure, Observation, PlanTarget
from ..plan.periods import Period
from .protocol import Due

__all__ = ["KIND", "PlanTarget"]


class AnnualPlan:
    """``type: plan``: a plan figure for one period, read against the full figure or the year to date."""

    name = "plan"

    def assess(
        self, target: PlanTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None
    ) -> Assessment:
        return _plan(target, indicator, rows, today)

    def overflowed(
        self, target: PlanTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None
    ) -> Assessment:
        return overflowed(target, indicator, rows)

    def relevant_rows(self, target: PlanTarget, rows: Sequence[Observation]) -> list[Observation]:
        """Its year and the one before (the same-period comparison)."""
        years = {target.period.year, target.period.year - 1}
        return [o for o in rows if o.period.year in years]

    def due(self, target: PlanTarget) -> list[Due]:
        """The plan's period."""
        return [Due(target.period, target.location, partial(_due_what, target.value, target.period))]


def _due_what(value: float, period: Period) -> Message:
    return msg("checks_due_plan", value=Figure(value), period=period)


KIND = AnnualPlan()


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
    full = at_period(rows, target.period)
    details: dict[str, Any] = {"period": str(target.period), "plan": target.value}
    if full is not None:
        # "X % of plan reached" is read of amounts and levels; of a growth rate, the plan is
        # met or missed by percentage points, and a per cent of a per cent misleads.
        percent = None if indicator.measure is Measure.RATE else full.value / target.value * 100
        details.update(percent_of_plan=percent, difference=full.value - target.value)
        previous = at_period(rows, target.period.same_span_previous_year())
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
            gap=bound_gap(bound, full.value),
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
            reason=no_figure_reason(rows),
            awaiting_figures=awaiting,
        )
    reading = ytd[-1]
    details["year_to_date"] = {"period": str(reading.period), "value": reading.value}
    previous = at_period(rows, reading.period.same_span_previous_year())
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
                band_of(pace)
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
            gap=bound_gap(bound, reading.value),
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
        gap=bound_gap(bound, reading.value),
        awaiting_figures=awaiting,
    )
