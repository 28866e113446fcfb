"""The kinds of target other than a level (methodology section 2): every_period, average,
cumulative and plan, each mapped onto the shared status vocabulary.

Expected values were worked out by hand (a calculator for products and roots, `python3 -c`
on plain arithmetic); none comes from qntrack. The arithmetic is in each docstring. The
figures are Quảng Ninh's, from the shipped dataset, unless a test says it made one up.
"""

from __future__ import annotations

import json

import pytest

from helpers import series as rows
from qntrack.kinds import assess_target
from qntrack.output.formats import assessment_dict, to_json
from qntrack.plan.model import (
    AverageTarget,
    Bound,
    CumulativeTarget,
    EveryPeriodTarget,
    Indicator,
    Measure,
    PlanTarget,
    Text,
)
from qntrack.plan.periods import parse_period
from qntrack.method.progress import Status


def approx(x: float) -> object:
    return pytest.approx(x, rel=1e-9, abs=1e-9)


P = parse_period

GROWTH = Indicator("grdp_growth", Text("GRDP growth", "Tăng trưởng GRDP"), unit="% y/y", measure=Measure.RATE)
FDI = Indicator("fdi", Text("FDI attracted", "Vốn FDI thu hút"), unit="million USD", measure=Measure.FLOW)
INVEST = Indicator("cbct_investment", Text.plain("CBCT investment"), unit="billion VND", measure=Measure.FLOW)
PER_CAPITA = Indicator("grdp_per_capita", Text.plain("GRDP per capita"), unit="USD", measure=Measure.LEVEL)


# Quảng Ninh GRDP growth, per cent a year (shipped dataset).
GRDP_YEARS = (
    ("2015", 11.0),
    ("2016", 10.1),
    ("2017", 10.2),
    ("2018", 11.1),
    ("2019", 12.01),
    ("2020", 10.05),
    ("2021", 10.28),
    ("2022", 10.28),
    ("2023", 11.03),
    ("2024", 8.42),
    ("2025", 11.89),
)


def every(start: str, end: str, at_least: float = 10) -> EveryPeriodTarget:
    return EveryPeriodTarget(id="dd", indicator="grdp_growth", bound=Bound(at_least), start=P(start), end=P(end))


def average(start: str, end: str, value: float = 10, at_least: bool = True) -> AverageTarget:
    return AverageTarget(id="avg", indicator="grdp_growth", bound=Bound(value, at_least), start=P(start), end=P(end))


def cumulative(value: float = 50000, at_least: bool = True) -> CumulativeTarget:
    return CumulativeTarget(
        id="inv", indicator="cbct_investment", bound=Bound(value, at_least), start=P("2021"), end=P("2025")
    )


def plan(period: str, value: float, indicator: str = "fdi") -> PlanTarget:
    return PlanTarget(id="plan", indicator=indicator, period=P(period), value=value)


# --- every_period ----------------------------------------------------------------------------


def test_double_digit_growth_broken_in_2024():
    """2015-2025 at least 10: every year passes except 2024 (8.42 < 10).
    passed 10, failed 1, first failure 2024; after it 2025 (11.89) passed: streak 1.
    A period failed -> not_achieved. Nothing missing, nothing remaining."""
    a = assess_target(every("2015", "2025"), GROWTH, rows("grdp_growth", *GRDP_YEARS))
    d = a.details
    assert a.status is Status.NOT_ACHIEVED
    assert (d["passed"], d["failed"]) == (10, 1)
    assert d["first_failure"] == "2024"
    assert d["streak"] == 1
    assert d["missing"] == [] and d["remaining"] == 0
    assert [p["period"] for p in d["periods"] if not p["passed"]] == ["2024"]
    assert d["bound"] == {"at_least": 10}
    assert (d["from"], d["to"]) == ("2015", "2025")
    assert str(a.latest.period) == "2025"
    # No score, no P: a run of pass/fail periods has no growth ratio.
    assert a.score is None and a.progress_value is None


def test_before_the_break_the_streak_runs_from_the_start():
    """Up to 2023 only: 9 of 9 pass (2015-2023), streak 9, 2 years (2024, 2025) remain ->
    on track so far: substantial_progress."""
    a = assess_target(every("2015", "2025"), GROWTH, rows("grdp_growth", *GRDP_YEARS[:9]))
    d = a.details
    assert a.status is Status.SUBSTANTIAL_PROGRESS
    assert (d["passed"], d["failed"], d["streak"]) == (9, 0, 9)
    assert d["first_failure"] is None
    assert d["remaining"] == 2


def test_complete_span_all_passing_is_achieved():
    """2015-2023, all nine years >= 10 and the span is over: target_achieved."""
    a = assess_target(every("2015", "2023"), GROWTH, rows("grdp_growth", *GRDP_YEARS))
    assert a.status is Status.TARGET_ACHIEVED
    assert a.details["passed"] == 9 and a.details["remaining"] == 0


def test_a_provisional_reading_is_reported_but_not_counted():
    """Span 2015-2026 with a 2026-H1 reading of 9.5 (made up): the counts are those of the
    full years (10 passed, 1 failed), the reading is provisional and would not pass; 2026
    still remains."""
    data = rows("grdp_growth", *GRDP_YEARS, ("2026-H1", 9.5))
    a = assess_target(every("2015", "2026"), GROWTH, data)
    d = a.details
    assert str(a.provisional.period) == "2026-H1"
    assert d["provisional_passes"] is False
    assert (d["passed"], d["failed"]) == (10, 1)
    assert [p["period"] for p in d["periods"]][-1] == "2025"
    assert d["remaining"] == 1
    assert str(a.latest.period) == "2025"


def test_a_failing_provisional_reading_does_not_break_a_passing_run():
    """2021-2025 with 2021-2023 passing and a 2024-9M reading of 8.02: still on track
    (substantial_progress); the 9M reading is provisional, provisional_passes False."""
    data = rows("grdp_growth", ("2021", 10.28), ("2022", 10.28), ("2023", 11.03), ("2024-9M", 8.02))
    a = assess_target(every("2021", "2025"), GROWTH, data)
    assert a.status is Status.SUBSTANTIAL_PROGRESS
    assert a.details["provisional_passes"] is False
    assert a.details["passed"] == 3


def test_missing_years_in_the_span_are_listed():
    """2015, 2016, 2018, 2019 known, 2017 not: 2017 is missing (before the latest year);
    2020 is remaining (after it). All known years pass: on track."""
    data = rows("grdp_growth", ("2015", 11.0), ("2016", 10.1), ("2018", 11.1), ("2019", 12.01))
    a = assess_target(every("2015", "2020"), GROWTH, data)
    assert a.details["missing"] == ["2017"]
    assert a.details["remaining"] == 1
    assert a.status is Status.SUBSTANTIAL_PROGRESS


def test_span_over_with_a_year_missing_is_not_declared_achieved():
    """2015-2019 with 2017 unknown: every known year passes but the span is not complete,
    so it is not target_achieved; it stays 'on track' (substantial_progress)."""
    data = rows("grdp_growth", ("2015", 11.0), ("2016", 10.1), ("2018", 11.1), ("2019", 12.01))
    a = assess_target(every("2015", "2019"), GROWTH, data)
    assert a.details["missing"] == ["2017"]
    assert a.status is Status.SUBSTANTIAL_PROGRESS


def test_quarterly_span_counts_quarters_only():
    """From 2024-Q1 to 2024-Q4, at least 8: quarters Q1 8.97 and Q2 9.1 (made up) pass; the
    2024-H1 and annual 2024 readings are other spans and are not counted. 2 quarters remain."""
    data = rows("grdp_growth", ("2024-Q1", 8.97), ("2024-Q2", 9.1), ("2024-H1", 9.02), ("2024", 8.42))
    a = assess_target(every("2024-Q1", "2024-Q4", at_least=8), GROWTH, data)
    d = a.details
    assert [p["period"] for p in d["periods"]] == ["2024-Q1", "2024-Q2"]
    assert d["remaining"] == 2
    assert a.status is Status.SUBSTANTIAL_PROGRESS


def test_no_figure_in_the_span_is_not_available():
    a = assess_target(every("2021", "2025"), GROWTH, rows("grdp_growth", ("2019", 12.01)))
    assert a.status is Status.NOT_AVAILABLE
    assert a.details["passed"] == 0 and a.details["first_failure"] is None


# --- average -------------------------------------------------------------------------------


AVERAGE_YEARS = (("2021", 10.28), ("2022", 10.28), ("2023", 11.03), ("2024", 8.42), ("2025", 11.89))


def test_average_growth_2021_2025_is_the_geometric_mean():
    """Product of (1 + g): 1.1028 * 1.1028 * 1.1103 * 1.0842 * 1.1189 = 1.638077825944
    average = 1.638077825944 ** (1/5) - 1 = 0.103740316272 -> 10.3740316272 % a year
    >= 10 and the span is over: target_achieved, score 5.
    P = average / target = 10.3740316272 / 10 = 1.03740316272.
    (The arithmetic mean, 10.38, would be slightly higher.)"""
    a = assess_target(average("2021", "2025"), GROWTH, rows("grdp_growth", *AVERAGE_YEARS))
    d = a.details
    assert d["average"] == approx(10.374031627167)
    assert a.progress_value == approx(1.037403162717)
    assert a.status is Status.TARGET_ACHIEVED
    assert a.score == 5.0
    assert d["years_in_span"] == 5 and d["years_with_data"] == 5
    assert d["remaining_years"] == 0 and d["required_rate_remaining"] is None
    assert d["missing"] == []


def test_average_with_three_years_and_the_rate_the_remaining_two_need():
    """2021-2023: product 1.1028 * 1.1028 * 1.1103 = 1.350311152752
    average = 1.350311152752 ** (1/3) - 1 = 0.105294353924 -> 10.5294353924 %
    the five years need 1.10 ** 5 = 1.61051 in all, so the two left need
    (1.61051 / 1.350311152752) ** (1/2) - 1 = 0.092105980992 -> 9.2105980992 % a year.
    Passing so far with years to come: substantial_progress; P = 1.05294353924,
    score min(7.1429 * 1.05294353924 - 4.2857, 5) = 3.2355."""
    data = rows("grdp_growth", *AVERAGE_YEARS[:3])
    a = assess_target(average("2021", "2025"), GROWTH, data)
    d = a.details
    assert d["average"] == approx(10.529435392419)
    assert d["required_rate_remaining"] == approx(9.210598099237)
    assert d["remaining_years"] == 2
    assert a.status is Status.SUBSTANTIAL_PROGRESS
    assert a.progress_value == approx(1.052943539242)
    assert a.score == approx(7.1429 * 1.052943539242 - 4.2857)


def test_average_after_the_2024_shock_just_below_target():
    """2021-2024: G = 1.350311152752 * 1.0842 = 1.464007351814; average G ** (1/4) - 1
    = 0.099982597599 -> 9.9982597599 % < 10, but P = 0.99982597599 >= 0.95: substantial.
    score 7.1429 * 0.99982597599 - 4.2857 = 2.855956963872; 2025 alone needs
    1.61051 / 1.464007351814 - 1 = 0.100069612359 -> 10.0069612359 %."""
    a = assess_target(average("2021", "2025"), GROWTH, rows("grdp_growth", *AVERAGE_YEARS[:4]))
    assert a.details["average"] == approx(9.998259759863)
    assert a.progress_value == approx(0.999825975986)
    assert a.status is Status.SUBSTANTIAL_PROGRESS
    assert a.score == approx(2.855956963872)
    assert a.details["required_rate_remaining"] == approx(10.006961235870)


def test_average_below_target_during_the_span_is_banded_by_p():
    """Made-up 8, 9, 8.5 for 2021-2023 against at least 10:
    product 1.08 * 1.09 * 1.085 = 1.277262; average = 1.277262 ** (1/3) - 1 = 0.084992319454
    P = 8.4992319454 / 10 = 0.84992319454 -> moderate (0.60 <= P < 0.95)
    score = 7.1429 * 0.84992319454 - 4.2857 = 1.785216386285
    needed: (1.61051 / 1.277262) ** (1/2) - 1 = 0.1229016425 -> 12.29016425 % a year."""
    data = rows("grdp_growth", ("2021", 8), ("2022", 9), ("2023", 8.5))
    a = assess_target(average("2021", "2025"), GROWTH, data)
    assert a.details["average"] == approx(8.499231945408)
    assert a.progress_value == approx(0.849923194541)
    assert a.status is Status.MODERATE_PROGRESS
    assert a.score == approx(1.785216386285)
    assert a.details["required_rate_remaining"] == approx(12.290164250033)


def test_average_with_a_negative_year_over_a_complete_span():
    """Made-up 7, -2, 6 over 2021-2023 against at least 5:
    product 1.07 * 0.98 * 1.06 = 1.111516; average 1.111516 ** (1/3) - 1 = 0.035869961765
    -> 3.5869961765 % < 5, span over: not_achieved. P = 3.5869961765 / 5 = 0.7173992353,
    score 7.1429 * 0.7173992353 - 4.2857 = 0.838610997758."""
    data = rows("grdp_growth", ("2021", 7), ("2022", -2), ("2023", 6))
    a = assess_target(average("2021", "2023", value=5), GROWTH, data)
    assert a.details["average"] == approx(3.586996176454)
    assert a.status is Status.NOT_ACHIEVED
    assert a.progress_value == approx(0.717399235291)
    # Missed for good: no score, so a positive number never sits beside "not achieved".
    assert a.score is None


def test_average_missing_year_counts_with_the_years_to_come():
    """2021 (10.28) and 2023 (11.03) known, 2022 not: product 1.1028 * 1.1103 = 1.22443884,
    average 1.22443884 ** 0.5 - 1 = 0.106543645773; three span years have no figure
    (2022, 2024, 2025), so the needed rate is (1.61051 / 1.22443884) ** (1/3) - 1
    = 0.095659081661 -> 9.5659081661 %. 2022 is listed as missing; 2 years remain after 2023."""
    data = rows("grdp_growth", ("2021", 10.28), ("2023", 11.03))
    d = assess_target(average("2021", "2025"), GROWTH, data).details
    assert d["average"] == approx(10.654364577273)
    assert d["required_rate_remaining"] == approx(9.565908166070)
    assert d["missing"] == ["2022"]
    assert d["remaining_years"] == 2


def test_average_half_year_reading_is_provisional_not_averaged():
    """A 2024-H1 reading (9.02) after the 2021-2023 figures: reported as provisional, the
    average and the needed rate are those of the three full years (10.529..., 9.2106...)."""
    data = rows("grdp_growth", *AVERAGE_YEARS[:3], ("2024-H1", 9.02))
    a = assess_target(average("2021", "2025"), GROWTH, data)
    assert str(a.provisional.period) == "2024-H1"
    assert a.details["years_with_data"] == 3
    assert a.details["average"] == approx(10.529435392419)
    assert a.details["required_rate_remaining"] == approx(9.210598099237)


def test_average_at_most():
    """At most 10 over 2021-2022 with 10.28, 10.28: average exactly 10.28 > 10, span over:
    not_achieved. There is no P for a ceiling (P is read for at_least only)."""
    data = rows("grdp_growth", ("2021", 10.28), ("2022", 10.28))
    a = assess_target(average("2021", "2022", at_least=False), GROWTH, data)
    assert a.details["average"] == approx(10.28)
    assert a.status is Status.NOT_ACHIEVED
    assert a.progress_value is None and a.score is None


def test_average_without_data_is_not_available():
    a = assess_target(average("2021", "2025"), GROWTH, rows("grdp_growth", ("2020", 10.05)))
    assert a.status is Status.NOT_AVAILABLE
    assert "average" not in a.details


# --- cumulative ---------------------------------------------------------------------------


def test_cumulative_ahead_of_time():
    """At least 50,000 over 2021-2025; 2021 15,000 + 2022 18,000 = 33,000 (made up).
    share of target 33,000 / 50,000 = 0.66; share of time 2 / 5 = 0.4;
    needed per remaining period (50,000 - 33,000) / 3 = 5,666.666...;
    P = 0.66 / 0.4 = 1.65 >= 0.95 -> substantial; score min(7.1429 * 1.65 - 4.2857, 5) = 5."""
    data = rows("cbct_investment", ("2021", 15000), ("2022", 18000))
    a = assess_target(cumulative(), INVEST, data)
    d = a.details
    assert d["total"] == approx(33000)
    assert d["share_of_target"] == approx(0.66)
    assert d["share_of_time"] == approx(0.4)
    assert d["needed_per_remaining_period"] == approx(17000 / 3)
    assert (d["periods_elapsed"], d["periods_remaining"]) == (2, 3)
    assert a.progress_value == approx(1.65)
    assert a.status is Status.SUBSTANTIAL_PROGRESS
    assert a.score == 5.0


def test_cumulative_behind_time_bands():
    """5,000 + 8,000 = 13,000: 0.26 of the target after 0.4 of the time, P = 0.65 -> moderate,
    score 7.1429 * 0.65 - 4.2857 = 0.357185; needed (50,000 - 13,000) / 3 = 12,333.33...
    3,000 + 5,000 = 8,000: P = 0.16 / 0.4 = 0.4 -> limited, score 4.1667 * 0.4 - 2.5 = -0.83332."""
    a = assess_target(cumulative(), INVEST, rows("cbct_investment", ("2021", 5000), ("2022", 8000)))
    assert a.progress_value == approx(0.65)
    assert a.status is Status.MODERATE_PROGRESS
    assert a.score == approx(0.357185)
    assert a.details["needed_per_remaining_period"] == approx(37000 / 3)
    b = assess_target(cumulative(), INVEST, rows("cbct_investment", ("2021", 3000), ("2022", 5000)))
    assert b.progress_value == approx(0.4)
    assert b.status is Status.LIMITED_PROGRESS
    assert b.score == approx(-0.83332)


def test_cumulative_reached_early_is_achieved():
    """30,000 + 25,000 = 55,000 >= 50,000 after two years: target_achieved, score 5; nothing
    more needed (0, not a negative amount)."""
    a = assess_target(cumulative(), INVEST, rows("cbct_investment", ("2021", 30000), ("2022", 25000)))
    assert a.status is Status.TARGET_ACHIEVED
    assert a.score == 5.0
    assert a.details["needed_per_remaining_period"] == 0.0
    assert a.details["share_of_target"] == approx(1.1)


def test_cumulative_span_over_and_short_is_not_achieved():
    """9,000 a year for 5 years = 45,000 < 50,000, span over: not_achieved.
    P = 0.9 / 1 = 0.9, score 7.1429 * 0.9 - 4.2857 = 2.14291; no period left to need anything."""
    data = rows("cbct_investment", *((str(y), 9000) for y in range(2021, 2026)))
    a = assess_target(cumulative(), INVEST, data)
    assert a.status is Status.NOT_ACHIEVED
    assert a.details["total"] == approx(45000)
    assert a.details["periods_remaining"] == 0
    assert a.details["needed_per_remaining_period"] is None
    assert a.progress_value == approx(0.9)
    # Missed for good: no score, so a positive number never sits beside "not achieved".
    assert a.score is None


def test_cumulative_ignores_sub_annual_readings_but_shows_them_as_provisional():
    """A 2023-H1 amount (made up, 7,000) is not a year of the span: total stays 33,000,
    two years elapsed; the reading is reported as provisional."""
    data = rows("cbct_investment", ("2021", 15000), ("2022", 18000), ("2023-H1", 7000))
    a = assess_target(cumulative(), INVEST, data)
    assert a.details["total"] == approx(33000)
    assert a.details["periods_elapsed"] == 2
    assert str(a.provisional.period) == "2023-H1"


def test_cumulative_cap_exceeded_is_not_achieved_and_within_cap_is_on_track():
    """At most 50,000: 30,000 + 25,000 = 55,000 breaks the cap -> not_achieved at once;
    10,000 + 10,000 = 20,000 within it and on its pace (50,000 x 2 / 5 = 20,000) with years
    to go -> substantial_progress. No P. (15,000 + 18,000 = 33,000, within the cap but
    beyond its pace, is limited progress since the twenty-ninth session:
    tests/test_s29_n.py.)"""
    over = assess_target(cumulative(at_least=False), INVEST, rows("cbct_investment", ("2021", 30000), ("2022", 25000)))
    assert over.status is Status.NOT_ACHIEVED
    within = assess_target(
        cumulative(at_least=False), INVEST, rows("cbct_investment", ("2021", 10000), ("2022", 10000))
    )
    assert within.status is Status.SUBSTANTIAL_PROGRESS
    assert within.progress_value is None and within.score is None


def test_cumulative_without_data_is_not_available():
    a = assess_target(cumulative(), INVEST, [])
    assert a.status is Status.NOT_AVAILABLE


# --- plan ----------------------------------------------------------------------------------


FDI_ROWS = rows(
    "fdi",
    ("2021", 1100),
    ("2022-H1", 600),
    ("2022-11M", 639),
    ("2022", 622),
    ("2023-Q1", 341.82),
    ("2023-H1", 832),
    ("2023", 3130),
)


def test_fdi_2022_plan_missed():
    """Plan 1,500, result 622: 622 / 1,500 * 100 = 41.4666...% of plan; 622 - 1,500 = -878.
    Against 2021 (1,100): (622 / 1,100 - 1) * 100 = -43.4545...%. Below plan: not_achieved."""
    a = assess_target(plan("2022", 1500), FDI, FDI_ROWS)
    d = a.details
    assert d["percent_of_plan"] == approx(41.466666666667)
    assert d["difference"] == approx(-878)
    assert d["same_period_last_year"] == 1100
    assert d["change_on_same_period_last_year"] == approx(-43.454545454545)
    assert a.status is Status.NOT_ACHIEVED
    assert a.score is None and a.progress_value is None
    assert a.latest.value == 622 and "year_to_date" not in d


def test_fdi_2023_plan_far_exceeded():
    """Plan 1,000, result 3,130: 3,130 / 1,000 * 100 = 313% of plan -> target_achieved, score 5."""
    a = assess_target(plan("2023", 1000), FDI, FDI_ROWS)
    assert a.details["percent_of_plan"] == approx(313)
    assert a.details["difference"] == approx(2130)
    assert a.status is Status.TARGET_ACHIEVED
    assert a.score == 5.0


def test_fdi_2023_year_to_date_against_the_annual_plan():
    """Before the year's figure: the latest year-to-date reading is 2023-H1 = 832 (the
    2023-Q1 reading is older). 832 / 1,000 = 83.2% of plan after 6 / 12 = 50 % of the year;
    pace P = 0.832 / 0.5 = 1.664 -> substantial. Same span a year earlier, 2022-H1 = 600
    (made up): (832 / 600 - 1) * 100 = 38.666...%."""
    data = [o for o in FDI_ROWS if str(o.period) != "2023"]
    a = assess_target(plan("2023", 1000), FDI, data)
    ytd = a.details["year_to_date"]
    assert ytd["period"] == "2023-H1" and ytd["value"] == 832
    assert ytd["percent_of_plan"] == approx(83.2)
    assert ytd["share_of_time"] == approx(0.5)
    assert a.progress_value == approx(1.664)
    assert a.status is Status.SUBSTANTIAL_PROGRESS
    assert ytd["same_period_last_year"] == 600
    assert ytd["change_on_same_period_last_year"] == approx(38.666666666667)
    assert str(a.provisional.period) == "2023-H1"
    assert a.latest is None
    assert "percent_of_plan" not in a.details  # no full-year result yet


def test_year_to_date_pace_bands_and_early_achievement():
    """Q1 only: 341.82 / 1,000 = 0.34182 after 0.25 -> P = 1.36728, substantial.
    A slow Q1 of 100 (made up): 0.1 / 0.25 = 0.4 -> limited.
    8 months at 1,200 (made up) already pass the plan of 1,000: target_achieved during the year."""
    q1 = assess_target(plan("2023", 1000), FDI, rows("fdi", ("2023-Q1", 341.82)))
    assert q1.progress_value == approx(1.36728) and q1.status is Status.SUBSTANTIAL_PROGRESS
    slow = assess_target(plan("2023", 1000), FDI, rows("fdi", ("2023-Q1", 100)))
    assert slow.progress_value == approx(0.4) and slow.status is Status.LIMITED_PROGRESS
    early = assess_target(plan("2023", 1000), FDI, rows("fdi", ("2023-8M", 1200)))
    assert early.status is Status.TARGET_ACHIEVED


def test_a_quarter_that_is_not_year_to_date_is_not_read_against_the_plan():
    """2023-Q2 alone (April-June) is not a first-N-months figure: nothing to judge yet."""
    a = assess_target(plan("2023", 1000), FDI, rows("fdi", ("2023-Q2", 490)))
    assert a.status is Status.NOT_AVAILABLE
    assert "year_to_date" not in a.details


def test_growth_rate_plan_is_judged_in_points():
    """GRDP growth plan 2022: 11; result 10.28 -> 10.28 - 11 = -0.72 points, missed.
    Plan 2023: 11; result 11.03 -> +0.03 points, met. No per cent of plan for a rate.
    So với cùng kỳ for a rate is a difference too: 11.03 - 10.28 = +0.75 points."""
    data = rows("grdp_growth", ("2021", 10.28), ("2022", 10.28), ("2023", 11.03))
    missed = assess_target(plan("2022", 11, "grdp_growth"), GROWTH, data)
    assert missed.details["percent_of_plan"] is None
    assert missed.details["difference"] == approx(-0.72)
    assert missed.status is Status.NOT_ACHIEVED
    met = assess_target(plan("2023", 11, "grdp_growth"), GROWTH, data)
    assert met.details["percent_of_plan"] is None
    assert met.details["difference"] == approx(0.03)
    assert met.status is Status.TARGET_ACHIEVED
    assert met.details["difference_on_same_period_last_year"] == approx(0.75)
    assert "change_on_same_period_last_year" not in met.details


def test_growth_rate_plan_during_the_year():
    """Plan 2025: 14. 2025-H1 = 11.03, below the plan figure: 11.03 - 14 = -2.97 points,
    limited_progress. Against 2024-H1 = 9.02: 11.03 - 9.02 = +2.01 points (not the
    misleading (11.03 / 9.02 - 1) = +22.3 %)."""
    data = rows("grdp_growth", ("2024-H1", 9.02), ("2024", 8.42), ("2025-H1", 11.03))
    a = assess_target(plan("2025", 14, "grdp_growth"), GROWTH, data)
    ytd = a.details["year_to_date"]
    assert ytd["difference"] == approx(-2.97)
    assert ytd["difference_on_same_period_last_year"] == approx(2.01)
    assert "change_on_same_period_last_year" not in ytd
    assert "percent_of_plan" not in ytd
    assert a.status is Status.LIMITED_PROGRESS
    assert a.progress_value is None


def test_level_plan_in_per_cent():
    """A level plan (made up): per capita 10,000 USD in 2024, result 10,272:
    10,272 / 10,000 * 100 = 102.72% of plan -> target_achieved."""
    a = assess_target(plan("2024", 10000, "grdp_per_capita"), PER_CAPITA, rows("grdp_per_capita", ("2024", 10272)))
    assert a.details["percent_of_plan"] == approx(102.72)
    assert a.status is Status.TARGET_ACHIEVED


def test_plan_without_figures_is_not_available():
    a = assess_target(plan("2024", 3000), FDI, FDI_ROWS)
    assert a.status is Status.NOT_AVAILABLE
    assert a.details == {"period": "2024", "plan": 3000}


# --- the JSON `details` object --------------------------------------------------------------


@pytest.mark.parametrize(
    "target, indicator, data, keys",
    [
        (
            every("2015", "2025"),
            GROWTH,
            rows("grdp_growth", *GRDP_YEARS),
            {"bound", "from", "to", "periods", "passed", "failed", "streak", "first_failure", "missing", "remaining"},
        ),
        (
            average("2021", "2025"),
            GROWTH,
            rows("grdp_growth", *AVERAGE_YEARS[:3]),
            {
                "bound",
                "from",
                "to",
                "years_in_span",
                "years_with_data",
                "periods",
                "average",
                "remaining_years",
                "missing",
                "required_rate_remaining",
            },
        ),
        (
            cumulative(),
            INVEST,
            rows("cbct_investment", ("2021", 15000), ("2022", 18000)),
            {
                "bound",
                "from",
                "to",
                "periods",
                "total",
                "share_of_target",
                "share_of_time",
                "periods_elapsed",
                "periods_remaining",
                "needed_per_remaining_period",
            },
        ),
        (
            plan("2022", 1500),
            FDI,
            FDI_ROWS,
            {
                "period",
                "plan",
                "percent_of_plan",
                "difference",
                "same_period_last_year",
                "change_on_same_period_last_year",
            },
        ),
    ],
    ids=["every_period", "average", "cumulative", "plan"],
)
def test_details_in_the_json_contract(target, indicator, data, keys):
    """Each kind's figures sit under `details`, next to the stable top-level fields; the
    document is valid JSON (no NaN)."""
    a = assess_target(target, indicator, data)
    doc = json.loads(to_json(assessment_dict(a)))
    assert doc["type"] == target.kind
    assert set(doc["details"]) == keys
    for field in ("id", "status", "score", "progress_value", "latest", "provisional"):
        assert field in doc
