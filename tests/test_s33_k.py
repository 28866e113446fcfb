"""The thirty-third session's pass K: one home for a rule written several times (issue 17).

No output changes: these pin each rule at the one place the code now asks it, with values
worked out by hand (the calendar, docs/methodology.md's measures)."""

from __future__ import annotations

from datetime import date

import pytest

from qntrack.plan.model import Indicator, Measure, Text


@pytest.mark.parametrize(
    "measure, adds_up",
    [
        # An amount per period (FDI attracted): a year recorded in quarters is their sum.
        (Measure.FLOW, True),
        # A balance of flows (a trade balance): it adds up over the months as a flow does.
        (Measure.BALANCE, True),
        # A share of GRDP, a growth rate: four quarters of 10 % are no year of 40 %.
        (Measure.LEVEL, False),
        (Measure.RATE, False),
    ],
)
def test_an_indicator_says_whether_its_parts_add_up_into_its_year(measure: Measure, adds_up: bool):
    indicator = Indicator("x", Text("x", "x"), measure=measure)
    assert indicator.adds_up is adds_up


@pytest.mark.parametrize(
    "period, first, last",
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-H1", date(2024, 1, 1), date(2024, 6, 30)),
        ("2025-H2", date(2025, 7, 1), date(2025, 12, 31)),
        ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31)),
        ("2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),  # a leap year's February
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2100-02", date(2100, 2, 1), date(2100, 2, 28)),  # a century that is no leap year
        ("2025-09", date(2025, 9, 1), date(2025, 9, 30)),
        ("2025-9M", date(2025, 1, 1), date(2025, 9, 30)),  # the first nine months
    ],
)
def test_a_periods_first_and_last_days_are_one_rule_for_check_import_units_and_the_workbook(
    period: str, first: date, last: date
):
    """The days a period runs (the calendar's) are worked out at one place, plan.units, and
    every reader asks it: the timing rules of check and of an import (a figure published
    before its period ended), a unit's dates, and the workbook's date cell of a period."""
    from datetime import datetime

    from qntrack.method.timing import period_days
    from qntrack.output.report_xlsx_revised import last_day
    from qntrack.plan.periods import parse_period
    from qntrack.plan.units import period_end, period_start

    p = parse_period(period)
    assert (period_start(p), period_end(p)) == (first, last)
    assert period_days(p) == (first, last)
    assert last_day(p) == datetime(last.year, last.month, last.day)


@pytest.mark.parametrize(
    "values, total",
    [
        ((10.1, 20.2), 30.3),  # floats: 30.299999999999997, short of "at least 30.3"
        ((0.1, 0.1, 0.1), 0.3),  # floats: 0.30000000000000004
        ((1_234.5, 2_345.6, 3_456.7, 4_567.8), 11_604.6),  # a year's four quarters
        ((-600.5, 100.25), -500.25),  # a net outflow
        ((), 0.0),
        ((1e308, 1e308), float("inf")),  # past the largest float: inf, which the kinds refuse
    ],
)
def test_figures_are_added_as_typed_at_one_place(values: tuple[float, ...], total: float):
    """A year's parts (method.parts.year_to_date), a span's total (kinds.cumulative) and a
    total with a year's reading (the cumulative view) are added by one function."""
    from qntrack.method.parts import added_as_typed

    assert added_as_typed(values) == total
