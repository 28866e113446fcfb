"""Annual plan targets: one period's plan figure (docs/methodology.md, "Annual plans").

Pure: no I/O, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from typing import Any, Literal, Sequence

from ..catalog import Figure, Message, msg
from ..method.assessment import (
    Assessment,
    difference,
    at_period,
    band_of,
    bound_gap,
    ended,
    no_figure_reason,
    overflowed,
    score_for,
    significant,
)
from ..method.progress import Status
from ..plan.model import Bound, Indicator, Measure, Observation, PlanTarget, published
from ..plan.periods import Period
from ..method.parts import ADDED_UP, added_up, not_counted, not_from_start, year_to_date
from .protocol import Due, Keys, Reader, What

__all__ = [
    "ADDED_UP",
    "KIND",
    "PlanFull",
    "PlanResult",
    "PlanTarget",
    "SamePeriod",
    "YearToDate",
    "added_up",
    "year_to_date",
]


@dataclass(frozen=True, slots=True)
class SamePeriod:
    """The same span one year earlier, and how the figure compares with it.

    ``by`` "points": a rate, compared by the difference in percentage points; "percent":
    an amount or level, by its per-cent change; None: a previous figure of zero, no change.
    """

    value: float
    by: Literal["points", "percent"] | None
    change: float | None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"same_period_last_year": self.value}
        if self.by == "points":
            out["difference_on_same_period_last_year"] = self.change
        elif self.by == "percent":
            out["change_on_same_period_last_year"] = self.change
        return out


@dataclass(frozen=True, slots=True)
class PlanFull:
    """The full figure for the plan's period against the plan."""

    percent_of_plan: float | None  # None for a rate: a per cent of a per cent misleads
    difference: float | None  # figure minus plan
    same: SamePeriod | None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"percent_of_plan": self.percent_of_plan, "difference": self.difference}
        if self.same is not None:
            out.update(self.same.to_json())
        return out


@dataclass(frozen=True, slots=True)
class YearToDate:
    """The latest reading inside the plan's period before its full figure.

    A flow (``flow``) is read by its share of the plan against the share of time; a rate
    or level by its difference with the plan.
    """

    period: Period
    value: float
    same: SamePeriod | None
    flow: bool
    percent_of_plan: float | None = None  # flow only
    share_of_time: float | None = None  # flow only
    difference: float | None = None  # rate or level only
    # The figures recorded inside the period after the reading and not counted in it, each
    # with why and the period missing: a flow's not added (method.parts.not_counted), a
    # level's or rate's not starting at the period's start (method.parts.not_from_start).
    not_counted: tuple[tuple[Observation, str, Period | None], ...] = ()

    def to_json(self) -> dict[str, Any]:
        # The reading's own figures, then the previous year's: the order docs/json.md
        # gives, and a full figure's (PlanFull.to_json).
        out: dict[str, Any] = {"period": str(self.period), "value": self.value}
        if self.flow:
            out.update(percent_of_plan=self.percent_of_plan, share_of_time=self.share_of_time)
        else:
            out["difference"] = self.difference
        if self.same is not None:
            out.update(self.same.to_json())
        # Added last (thirty-fifth session: a flow's; forty-third: a level's or rate's too).
        out["not_counted"] = self.not_counted_json()
        return out

    def not_counted_json(self) -> list[dict[str, Any]]:
        """``not_counted`` as JSON writes it: status's ``year_to_date`` and rank's units."""
        return [
            {"period": str(o.period), "value": o.value, "why": why, "missing": None if gap is None else str(gap)}
            for o, why, gap in self.not_counted
        ]


@dataclass(frozen=True, slots=True)
class PlanResult:
    """What an annual plan target's assessment found (``details`` in docs/json.md)."""

    period: Period
    plan: float
    full: PlanFull | None = None
    year_to_date: YearToDate | None = None
    # With no figure for a period after January, or one read on its first months only (July
    # of a Q3 plan; thirty-sixth session): two totals from January recorded, the
    # later ending with the period and the earlier just before it (2024-9M and 2024-H1 for
    # a Q3 plan), which the plan does not subtract: said, not read (thirty-fifth session).
    # Not in JSON.
    totals_not_subtracted: tuple[Observation, Observation] | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"period": str(self.period), "plan": self.plan}
        if self.full is not None:
            out.update(self.full.to_json())
        if self.year_to_date is not None:
            out["year_to_date"] = self.year_to_date.to_json()
        return out


class AnnualPlan:
    """``type: plan``: a plan figure for one period, read against the full figure or the year to date."""

    name = "plan"
    target = PlanTarget
    keys = ("period", "value")
    implies = None
    amount = True  # a total for the whole: never divided among units (issue 14)

    def parse(self, reader: Reader, node: Any, keys: Keys, where: What, common: dict[str, Any]) -> PlanTarget | None:
        return _parse(reader, node, keys, where, common)

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


def _by_difference(indicator: Indicator) -> bool:
    """Read against a plan or a year earlier by difference, never by per cent."""
    return indicator.measure in (Measure.RATE, Measure.BALANCE)


def _same_period(current: Observation, previous: Observation | None, indicator: Indicator) -> SamePeriod | None:
    """The same-period comparison offices print: against the same span one year earlier.

    Amounts and levels compare by their per-cent change. A growth rate is already a
    change on the same period; the per-cent change of a rate (11.03 % against 9.02 % read
    as "+22.3 %") misleads, so a rate compares by the difference in percentage points.
    """
    if previous is None:
        return None
    if _by_difference(indicator) or previous.value < 0 or current.value < 0:
        # A balance, or a negative figure: −400 against −300 is "+33.3 %" as a per-cent
        # change, though the deficit grew; the difference (−100) says it.
        return SamePeriod(previous.value, "points", difference(current.value, previous.value))
    if previous.value:
        return SamePeriod(previous.value, "percent", percent_of(current.value, previous.value, less=100))
    return SamePeriod(previous.value, None, None)


def _plan(
    target: PlanTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None = None
) -> Assessment:
    bound = Bound(target.value, indicator.increase)
    full = at_period(rows, target.period)
    adds_up = indicator.adds_up
    if full is None and adds_up:
        # The months (or quarters) of the whole period added up are its figure: December's
        # recorded month was left out of "January–November" (last review, twentieth session).
        full = year_to_date(rows, target.period, target.period.last, True, exact=True)
    result = PlanResult(target.period, target.value)
    if full is not None:
        # "X % of plan reached" is read of amounts and levels; of a growth rate, the plan is
        # met or missed by percentage points, and a per cent of a per cent misleads.
        # So for a balance or a negative plan: −400 is "80 %" of a deficit plan of −500,
        # though better than planned (docs/decisions.md, "Numbers audit by hand").
        # At the 15 digits a typed figure has (plan.model.published): 1499.9999999999998 of
        # 1500, a computed cell's noise, is the 100 % it prints as and meets the plan at.
        percent = (
            None
            if _by_difference(indicator) or target.value < 0
            else percent_of(published(full.value), published(target.value))
        )
        previous = at_period(rows, target.period.same_span_previous_year())
        if previous is None and adds_up:
            last_year = target.period.same_span_previous_year()
            previous = year_to_date(rows, last_year, last_year.last, True, exact=True)
        same = _same_period(full, previous, indicator)
        result = replace(result, full=PlanFull(percent, difference(full.value, target.value), same))
        status = Status.TARGET_ACHIEVED if bound.passes(full.value) else Status.NOT_ACHIEVED
        missed = (target.period,) if status is Status.NOT_ACHIEVED else ()
        return Assessment(
            target=target,
            indicator=indicator,
            status=status,
            latest=full,
            score=5.0 if status is Status.TARGET_ACHIEVED else None,
            result=result,
            missed_milestones=missed,
            gap=bound_gap(bound, full.value),
        )
    # During the period (or after it, until the full figure comes): the latest
    # year-to-date reading inside it.
    awaiting = (target.period,) if ended(target.period, today) else ()
    # A balance of flows (a trade balance) adds up over the months as a flow does.
    reading = year_to_date(rows, target.period, target.period.last - 1, adds_up)
    if reading is None:
        if adds_up and target.period.first > 1:
            result = replace(result, totals_not_subtracted=_totals_around(rows, target.period))
        return Assessment(
            target=target,
            indicator=indicator,
            status=Status.NOT_AVAILABLE,
            result=result,
            reason=no_figure_reason(rows),
            awaiting_figures=awaiting,
        )
    previous = year_to_date(rows, target.period.same_span_previous_year(), reading.period.last, adds_up, exact=True)
    same = _same_period(reading, previous, indicator)
    if adds_up:
        left = tuple(not_counted(rows, target.period, target.period.last, reading))
        if target.period.first > 1 and reading.period.last < target.period.last:
            # Read on its first months (July of a Q3 plan): two totals from January around
            # the period are said as where nothing is read (thirty-sixth session).
            result = replace(result, totals_not_subtracted=_totals_around(rows, target.period))
        return _flow_to_date(target, indicator, reading, same, result, bound, awaiting, left)
    # A rate or level: the year-to-date figure is read against the plan figure directly.
    on_track = bound.passes(reading.value)
    left = tuple(not_from_start(rows, target.period, target.period.last, reading))
    ytd_figures = YearToDate(
        reading.period,
        reading.value,
        same,
        flow=False,
        difference=difference(reading.value, target.value),
        not_counted=left,
    )
    status = Status.SUBSTANTIAL_PROGRESS if on_track else Status.LIMITED_PROGRESS
    return Assessment(
        target=target,
        indicator=indicator,
        status=status,
        provisional=reading,
        result=replace(result, year_to_date=ytd_figures),
        gap=bound_gap(bound, reading.value),
        awaiting_figures=awaiting,
    )


def _totals_around(rows: Sequence[Observation], period: Period) -> tuple[Observation, Observation] | None:
    """The totals from January to ``period``'s end and to just before it, recorded or their
    parts added up, when both are: whose difference the methodology does not take for the
    period's figure (a total since January carries its earlier months' revisions)."""
    year = Period(period.year, 1, 12)
    later = year_to_date(rows, year, period.last, True, exact=True)
    earlier = year_to_date(rows, year, period.first - 1, True, exact=True)
    return None if later is None or earlier is None else (later, earlier)


def _flow_to_date(
    target: PlanTarget,
    indicator: Indicator,
    reading: Observation,
    same: SamePeriod | None,
    result: PlanResult,
    bound: Bound,
    awaiting: tuple[Period, ...],
    left: tuple[tuple[Observation, str, Period | None], ...] = (),
) -> Assessment:
    """A flow's year-to-date amount against the plan: its share of the plan after a share
    of the year (docs/methodology.md, "Annual plan", "During the year")."""
    share_time = reading.period.months / target.period.months
    below_zero = target.value < 0
    if target.value == 0:
        # A balance planned at 0 (only a balance's plan may be): its pace is 0 all year, and
        # a reading is on or ahead of it at 0 or on the better side (twenty-first session).
        share_plan = pace = 0.0
        ahead = reading.value >= 0 if indicator.increase else reading.value <= 0
    else:
        share_plan = published(reading.value) / published(target.value)
        # To 12 significant digits, as every pace computed from typed figures: 0.525 / 0.7
        # is 0.7500000000000001 in floats, beyond 9 / 12 = 0.75 though exactly on it.
        pace = significant(share_plan / share_time)
        # The side of the pace that is on or ahead of the plan: at least 1 where more of the
        # plan is better (an amount to raise), at most 1 where less is (an amount to keep
        # low, or a deficit to keep small: −200 of −500 at mid-year is 0.8 of the plan's
        # pace, ahead).
        ahead = pace >= 1 if indicator.increase != below_zero else pace <= 1
    # A balance, like a plan below zero, has no per cent of its plan: a surplus may turn
    # into a deficit in the months left (methodology.md, "Annual plan").
    if below_zero or indicator.measure is Measure.BALANCE or target.value == 0:
        # A per cent of a figure below zero reads backwards, and so would a P or a score
        # read from it; the year is not over, and a net flow may yet move either way, so the
        # reading is only on or behind the plan's pace, never achieved.
        status = Status.SUBSTANTIAL_PROGRESS if ahead else Status.LIMITED_PROGRESS
        shown_pace, percent, score = None, None, None
    else:
        if bound.passes(reading.value) and indicator.increase:
            status = Status.TARGET_ACHIEVED
        elif indicator.increase:
            status = band_of(pace)
        else:
            status = Status.SUBSTANTIAL_PROGRESS if ahead else Status.LIMITED_PROGRESS
        shown_pace, percent = pace, percent_of(published(reading.value), published(target.value))
        # Scored on its pace as a cumulative target is (methodology.md, "Scores"), so that
        # a group or a breakdown's roll-up counts a plan in progress (issue 17).
        score = score_for(status, pace) if indicator.increase else None
    ytd_figures = YearToDate(
        reading.period,
        reading.value,
        same,
        flow=True,
        percent_of_plan=percent,
        share_of_time=share_time,
        not_counted=left,
    )
    return Assessment(
        target=target,
        indicator=indicator,
        status=status,
        score=score,
        progress_value=shown_pace,
        provisional=reading,
        result=replace(result, year_to_date=ytd_figures),
        gap=bound_gap(bound, reading.value),
        awaiting_figures=awaiting,
    )


def percent_of(x: float, of: float, less: int = 0) -> float:
    """``x`` as a per cent of ``of``, divided in decimal and rounded once, as a gap is
    subtracted (docs/methodology.md, "Gap"): 1,650 of 1,500 is 110, where floats gave
    110.00000000000001 in JSON and CSV; a quotient that does not end (1,000 of 1,500) is
    the float nearest it, its full precision (issue 17, thirtieth session). ``less``: taken
    off before rounding (100: the change on the same period, 10 % where floats said
    10.000000000000009)."""
    from decimal import Context, Decimal  # here, not at the top: a warm status assesses nothing

    return float(Context(prec=40).divide(Decimal(repr(x)) * 100, Decimal(repr(of))) - less)


def _parse(reader: Reader, node: Any, keys: Keys, where: What, common: dict[str, Any]) -> PlanTarget | None:
    # A key said to be misspelt (year: 2022) is not said to be missing too.
    if reader.needs(node, keys, ("period", "value"), where, "definitions_plan_needs"):
        return None
    period = reader.period(keys["period"][1], reader.at(where, "period"))
    value = reader.number(keys["value"][1], reader.at(where, "value"))
    if period is None or value is None:
        return None
    # A balance's or a rate's plan is read by its difference (and a balance's during the
    # year at its pace), never in per cent: 0 is a plan ("trade in balance"; twenty-first
    # session). A flow's or a level's is read in per cent of it.
    # Not known (None) beside an indicator refused or misspelt, whose slip is said at its
    # line: a second error here would be a guess (forty-first session).
    measure = reader.target_measure
    if value == 0 and measure is not None and measure not in (Measure.BALANCE, Measure.RATE):
        # "Zero road deaths in 2025": where lower is better, none at all is a ceiling of 0
        # over the period, which an every_period target judges (forty-third session).
        said = (
            msg("definitions_plan_zero_ceiling", what=reader.phrase(where), period=period)
            if reader.target_decrease
            else msg("definitions_plan_zero", what=reader.phrase(where))
        )
        reader.error(keys["value"][1], said)
        return None
    return PlanTarget(**common, period=period, value=value)
