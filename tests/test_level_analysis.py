"""Level targets: the milestone analysis a review meeting asks for (methodology 1.3, 1.4).

For each milestone: the trajectory (the path from the baseline at the required annual
rate) at the latest year and the deviation from it, the rate needed from the latest value,
the projection at the milestone's year at the achieved rate, the year the milestone is
reached at that rate (or never), and the gap in the indicator's unit.

Every expected value was worked out by hand, with a calculator for the powers and
logarithms (`python3 -c` on plain arithmetic); none comes from qntrack. The arithmetic is
in each docstring. Notation: a = achieved CAGR since the baseline, r = required CAGR
from the baseline to the milestone, P = a / |r| (direction and sign +1 unless said).
"""

from __future__ import annotations

import pytest

from helpers import series as rows
from qntrack.kinds import assess_target
from qntrack.plan.model import Baseline, Direction, Indicator, LevelTarget, Milestone, Text
from qntrack.plan.periods import parse_period
from qntrack.method.progress import Status


def approx(x: float) -> object:
    return pytest.approx(x, rel=1e-9, abs=1e-12)


SHARE = Indicator("cbct_share", Text("CBCT share of GRDP", "Tỷ trọng CBCT"), unit="%")
MINING = Indicator("mining_share", Text.plain("Mining share"), unit="%", direction=Direction.DECREASE)


BASE_2020 = Baseline(parse_period("2020"), 9.8)


def level(
    *milestones: tuple[int, float], base: Baseline | None = BASE_2020, indicator: str = "cbct_share"
) -> LevelTarget:
    return LevelTarget(
        id="t",
        indicator=indicator,
        baseline=base,
        milestones=tuple(Milestone(parse_period(str(y)), v) for y, v in milestones),
    )


# The CBCT example: base 2020 9.8 (the plan's figure), 2021 11.3, 2022 11.5, 2023 12.3.
CBCT = rows("cbct_share", ("2021", 11.3), ("2022", 11.5), ("2023", 12.3))


# --- the 2025 milestone, not yet due ------------------------------------------------------


def test_cbct_2025_rates_and_progress():
    """a = (12.3 / 9.8) ** (1/3) - 1 = 1.255102040816 ** (1/3) - 1 = 0.078680957339 (7.868 %)
    r = (15 / 9.8) ** (1/5) - 1   = 1.530612244898 ** 0.2   - 1 = 0.088862488820 (8.886 %)
    P = 0.078680957339 / 0.088862488820 = 0.885423741603 -> moderate (0.60 <= P < 0.95)
    score = 7.1429 * 0.885423741603 - 4.2857 = 2.038793243895
    """
    a = assess_target(level((2025, 15), (2030, 30)), SHARE, CBCT)
    m = a.milestones[0]
    assert a.achieved_rate == approx(0.078680957339)
    assert m.required_rate == approx(0.088862488820)
    assert m.progress_value == approx(0.885423741603)
    assert m.score == approx(2.038793243895)
    assert m.status is Status.MODERATE_PROGRESS
    assert m.due is False
    assert m.judged_on is not None and str(m.judged_on.period) == "2023"


def test_cbct_2025_trajectory_and_deviation_at_the_latest_year():
    """The path from 9.8 in 2020 at r reaches, 3 years on, in 2023:
    9.8 * 1.088862488820 ** 3 = 9.8 * (15 / 9.8) ** (3/5) = 9.8 * 1.290978798586 = 12.651592226
    deviation = 12.3 - 12.651592226 = -0.351592226 (percentage points below the path)."""
    m = assess_target(level((2025, 15)), SHARE, CBCT).milestones[0]
    assert m.trajectory == approx(12.651592226140)
    assert m.deviation == approx(-0.351592226140)


def test_cbct_2025_required_rate_from_latest():
    """From 12.3 in 2023 to 15 in 2025: (15 / 12.3) ** (1/2) - 1 = 1.219512195122 ** 0.5 - 1
    = 1.104315260748 - 1 = 0.104315260748 (10.43 % a year from now on)."""
    m = assess_target(level((2025, 15)), SHARE, CBCT).milestones[0]
    assert m.required_rate_from_latest == approx(0.104315260748)


def test_cbct_2025_projection_and_year_reached():
    """Projected 2025 = 12.3 * (1 + a) ** 2 = 12.3 * (12.3 / 9.8) ** (2/3)
    = 12.3 * 1.163552607726 = 14.311697075 (< 15: short).
    Year reached: n = ln(15 / 12.3) / ln(1 + a) = 0.198450938724 / 0.075739659 = 2.6202
    whole years -> ceil(2.6202) = 3 -> 2023 + 3 = 2026."""
    m = assess_target(level((2025, 15)), SHARE, CBCT).milestones[0]
    assert m.projected == approx(14.311697075030)
    assert str(m.reached_in) == "2026"
    assert m.never_reached is False


def test_cbct_gap_is_in_the_indicators_unit():
    """15 - 12.3 = 2.7 percentage points (a share: points, not per cent)."""
    m = assess_target(level((2025, 15)), SHARE, CBCT).milestones[0]
    assert m.gap == approx(2.7)


def test_cbct_2030_milestone_figures():
    """r = (30 / 9.8) ** (1/10) - 1 = 3.061224489796 ** 0.1 - 1 = 0.118380324275
    P = 0.078680957339 / 0.118380324275 = 0.664645563534 (moderate), score
    7.1429 * 0.664645563534 - 4.2857 = 0.461796795768
    trajectory 2023 = 9.8 * (30 / 9.8) ** (3/10) = 13.708648136; deviation 12.3 - that = -1.408648136
    needed from now = (30 / 12.3) ** (1/7) - 1 = 0.135838517263
    projected 2030 = 12.3 * (12.3 / 9.8) ** (7/3) = 20.900476854
    reached: n = ln(30 / 12.3) / ln(1.078680957339) = 11.772 -> 12 years -> 2035; gap 30 - 12.3 = 17.7."""
    m = assess_target(level((2025, 15), (2030, 30)), SHARE, CBCT).milestones[1]
    assert m.required_rate == approx(0.118380324275)
    assert m.progress_value == approx(0.664645563534)
    assert m.score == approx(0.461796795768)
    assert m.status is Status.MODERATE_PROGRESS
    assert m.trajectory == approx(13.708648135866)
    assert m.deviation == approx(-1.408648135866)
    assert m.required_rate_from_latest == approx(0.135838517263)
    assert m.projected == approx(20.900476853819)
    assert str(m.reached_in) == "2035"
    assert m.gap == approx(17.7)


def test_headline_is_the_nearest_milestone_not_yet_due():
    """Latest 2023: neither 2025 nor 2030 is due, the headline is 2025 (index 0), and the
    target's status, P and score are that milestone's."""
    a = assess_target(level((2025, 15), (2030, 30)), SHARE, CBCT)
    assert a.headline == 0
    assert a.next_milestone is a.milestones[0]
    assert a.status is Status.MODERATE_PROGRESS
    assert a.progress_value == approx(0.885423741603)
    assert a.score == approx(2.038793243895)


# --- due milestones: judged on the figure of their `by` year ------------------------------


LATER_MISSED = rows(
    "cbct_share", ("2021", 11.3), ("2022", 11.5), ("2023", 12.3), ("2024", 13.5), ("2025", 14.0), ("2026", 16.0)
)


def test_due_milestone_missed_on_its_year_is_not_achieved():
    """Latest 2026 (16.0) is past 15, but the 2025 milestone is judged on 2025 = 14.0:
    a_2025 = (14 / 9.8) ** (1/5) - 1 = 0.073940923786; P = 0.073940923786 / 0.088862488820
    = 0.832082521744; score 7.1429 * P - 4.2857 = 1.657782244566; not reached -> not_achieved.
    gap = 15 - 14 = 1. No 'needed from now' and no projection once due."""
    a = assess_target(level((2025, 15), (2030, 30)), SHARE, LATER_MISSED)
    m = a.milestones[0]
    assert m.due is True
    assert m.status is Status.NOT_ACHIEVED
    assert str(m.judged_on.period) == "2025" and m.judged_on.value == 14.0
    assert m.progress_value == approx(0.832082521744)
    assert m.score is None
    assert m.gap == approx(1.0)
    assert m.required_rate_from_latest is None
    assert m.projected is None


def test_due_milestone_missed_then_passed_is_reached_late_not_never():
    """15 was missed in 2025 (14.0) and passed in 2026 (16.0): reached in 2026.
    (Before the fix the projection formula gave ln(15/16) / ln(1 + a) < 0 -> 'never'.)"""
    m = assess_target(level((2025, 15), (2030, 30)), SHARE, LATER_MISSED).milestones[0]
    assert str(m.reached_in) == "2026"
    assert m.never_reached is False


def test_after_a_due_milestone_the_headline_moves_to_the_next_one():
    """Headline: 2030 (index 1). a = (16 / 9.8) ** (1/6) - 1 = 0.085131367927;
    r = 0.118380324275; P = 0.719134437657 -> moderate.
    trajectory 2026 = 9.8 * (30 / 9.8) ** (6/10) = 19.176227930; deviation 16 - that = -3.176227930
    needed from now = (30 / 16) ** (1/4) - 1 = 0.170173659660
    projected 2030 = 16 * 1.085131367927 ** 4 = 22.184480029
    reached: n = ln(30 / 16) / ln(1.085131367927) = 7.694 -> 8 years -> 2034."""
    a = assess_target(level((2025, 15), (2030, 30)), SHARE, LATER_MISSED)
    assert a.headline == 1
    assert a.status is Status.MODERATE_PROGRESS
    m = a.milestones[1]
    assert a.achieved_rate == approx(0.085131367927)
    assert m.progress_value == approx(0.719134437657)
    assert m.trajectory == approx(19.176227929895)
    assert m.deviation == approx(-3.176227929895)
    assert m.required_rate_from_latest == approx(0.170173659660)
    assert m.projected == approx(22.184480029281)
    assert str(m.reached_in) == "2034"


def test_due_milestone_met_on_its_year_stays_achieved_after_a_fall():
    """2025 = 15.5 >= 15: target achieved (score 5), even though 2026 fell to 14.9.
    gap = 15 - 15.5 = -0.5 (passed by half a point); nothing left to reach."""
    data = rows("cbct_share", ("2023", 12.3), ("2025", 15.5), ("2026", 14.9))
    a = assess_target(level((2025, 15)), SHARE, data)
    m = a.milestones[0]
    assert m.status is Status.TARGET_ACHIEVED
    assert m.score == 5.0
    assert str(m.judged_on.period) == "2025"
    assert m.gap == approx(-0.5)
    assert m.reached_in is None and m.never_reached is False
    # Every milestone is due: the headline is the last one.
    assert a.headline == 0 and a.status is Status.TARGET_ACHIEVED


def test_due_milestone_without_a_figure_for_its_year_is_judged_on_the_next_one():
    """No 2025 figure; the first later one is 2026 = 15.2 >= 15: achieved on 2026's figure."""
    data = rows("cbct_share", ("2024", 14.0), ("2026", 15.2))
    m = assess_target(level((2025, 15)), SHARE, data).milestones[0]
    assert m.status is Status.TARGET_ACHIEVED
    assert str(m.judged_on.period) == "2026"


# --- never reached at the current pace ------------------------------------------------------


def test_decreasing_series_with_an_increase_target_is_never_reached():
    """Base 2020 10.0, 2023 9.0, milestone 12 by 2025, higher is better.
    a = 0.9 ** (1/3) - 1 = -0.034510615394; r = 1.2 ** (1/5) - 1 = 0.037137289337
    P = -0.034510615394 / 0.037137289337 = -0.929271252986 -> deterioration, score
    max(4.1667 * P - 2.5, -5) = max(-6.372, -5) = -5.
    projected 2025 = 9 * 0.9 ** (2/3) = 8.389527766; needed from now (12 / 9) ** 0.5 - 1 = 0.154700538379
    trajectory 2023 = 10 * 1.2 ** (3/5) = 11.156006217; deviation 9 - that = -2.156006217
    ln(12 / 9) > 0 and ln(1 + a) < 0: the pace moves away, never reached."""
    data = rows("cbct_share", ("2023", 9.0))
    m = assess_target(level((2025, 12), base=Baseline(parse_period("2020"), 10.0)), SHARE, data).milestones[0]
    assert m.progress_value == approx(-0.929271252986)
    assert m.status is Status.DETERIORATION
    assert m.score == -5.0
    assert m.projected == approx(8.389527766075)
    assert m.required_rate_from_latest == approx(0.154700538379)
    assert m.trajectory == approx(11.156006217298)
    assert m.deviation == approx(-2.156006217298)
    assert m.never_reached is True
    assert m.reached_in is None


def test_lower_is_better_milestone():
    """Mining share, lower is better (d = -1): base 2015 21.3, 2020 17.3, milestone 15 by 2025.
    a = (17.3 / 21.3) ** (1/5) - 1 = -0.040746704383; r = (15 / 21.3) ** (1/10) - 1 = -0.034458009538
    P = (+1)(-1)(-0.040746704383) / 0.034458009538 = 1.182503137270 -> substantial
    trajectory 2020 = 21.3 * (15 / 21.3) ** (5/10) = 17.874562932; deviation 17.3 - that = -0.574562932
    (below the path: ahead, for a falling target)
    needed from now (15 / 17.3) ** (1/5) - 1 = -0.028128087123; projected 17.3 * (1 + a) ** 5 = 14.051173709
    reached: n = ln(15 / 17.3) / ln(1 + a) = 3.429 -> 4 years -> 2024.
    Gap: the distance still to go in the target's direction (down): 17.3 - 15 = +2.3."""
    target = level((2025, 15), base=Baseline(parse_period("2015"), 21.3), indicator="mining_share")
    m = assess_target(target, MINING, rows("mining_share", ("2020", 17.3))).milestones[0]
    assert m.progress_value == approx(1.182503137270)
    assert m.status is Status.SUBSTANTIAL_PROGRESS
    assert m.required_rate == approx(-0.034458009538)
    assert m.trajectory == approx(17.874562931719)
    assert m.deviation == approx(-0.574562931719)
    assert m.required_rate_from_latest == approx(-0.028128087123)
    assert m.projected == approx(14.051173708920)
    assert str(m.reached_in) == "2024"
    assert m.gap == approx(2.3)


# --- where the baseline comes from ----------------------------------------------------------


def test_baseline_value_from_the_plan_wins_over_an_observation():
    """The plan says 9.8 for 2020; a 2020 observation of 10.0 is not used: a is 7.868 %."""
    data = rows("cbct_share", ("2020", 10.0), ("2023", 12.3))
    a = assess_target(level((2025, 15)), SHARE, data)
    assert a.baseline.value == 9.8
    assert a.achieved_rate == approx(0.078680957339)


def test_baseline_year_only_takes_the_observation_of_that_year():
    """Baseline 2020 without a value; the 2020 observation is 10.0:
    a = (12.3 / 10) ** (1/3) - 1 = 1.23 ** (1/3) - 1 = 0.071441269691."""
    data = rows("cbct_share", ("2020", 10.0), ("2023", 12.3))
    a = assess_target(level((2025, 15), base=Baseline(parse_period("2020"))), SHARE, data)
    assert (str(a.baseline.period), a.baseline.value) == ("2020", 10.0)
    assert a.achieved_rate == approx(0.071441269691)


def test_baseline_year_without_data_takes_the_first_later_annual_observation():
    """No 2020 annual figure (a 2020-H1 reading is not a baseline): the baseline is 2021 = 11.3.
    a = (12.3 / 11.3) ** (1/2) - 1 = 0.043309913315; r = (15 / 11.3) ** (1/4) - 1 = 0.073379270791."""
    data = rows("cbct_share", ("2020-H1", 9.5), ("2021", 11.3), ("2023", 12.3))
    a = assess_target(level((2025, 15), base=Baseline(parse_period("2020"))), SHARE, data)
    assert (str(a.baseline.period), a.baseline.value) == ("2021", 11.3)
    assert a.achieved_rate == approx(0.043309913315)
    assert a.milestones[0].required_rate == approx(0.073379270791)


def test_no_figure_at_or_after_the_baseline_year_is_not_available():
    data = rows("cbct_share", ("2018", 9.0))
    a = assess_target(level((2025, 15), base=Baseline(parse_period("2020"))), SHARE, data)
    assert a.status is Status.NOT_AVAILABLE
    assert a.milestones[0].status is Status.NOT_AVAILABLE


# --- sub-annual readings -------------------------------------------------------------------


def test_sub_annual_readings_are_provisional_and_never_in_the_arithmetic():
    """2022-9M (12.3) and 2024-Q1 (12.9) are added to the CBCT rows. The latest full year
    stays 2023 and every figure stays as computed above from annual values only; the
    2024-Q1 reading, after the last full year, is reported as provisional. The 2022-9M
    reading (a year that has its full figure) is not."""
    data = rows("cbct_share", ("2021", 11.3), ("2022-9M", 12.3), ("2022", 11.5), ("2023", 12.3), ("2024-Q1", 12.9))
    a = assess_target(level((2025, 15)), SHARE, data)
    assert str(a.latest.period) == "2023"
    assert str(a.provisional.period) == "2024-Q1" and a.provisional.value == 12.9
    assert a.achieved_rate == approx(0.078680957339)
    m = a.milestones[0]
    assert m.trajectory == approx(12.651592226140)
    assert m.projected == approx(14.311697075030)
    assert m.required_rate_from_latest == approx(0.104315260748)


def test_only_sub_annual_readings_is_not_available_with_the_reading_as_provisional():
    data = rows("cbct_share", ("2021-H1", 10.5))
    a = assess_target(level((2025, 15)), SHARE, data)
    assert a.status is Status.NOT_AVAILABLE
    assert a.latest is None
    assert str(a.provisional.period) == "2021-H1"


def test_provisional_prefers_the_year_to_date_reading_among_those_ending_last():
    """2024-9M (the first nine months) and 2024-Q3 (the third quarter alone) both end in
    September; the year-to-date span is the running estimate of the year: it is shown.
    A reading ending later still wins: with quarters only, Q3 beats Q1."""
    data = rows("cbct_share", ("2023", 12.3), ("2024-H1", 12.5), ("2024-9M", 12.6), ("2024-Q3", 13.4))
    a = assess_target(level((2025, 15)), SHARE, data)
    assert str(a.provisional.period) == "2024-9M"
    quarters = rows("cbct_share", ("2023", 12.3), ("2024-Q1", 12.5), ("2024-Q2", 12.7), ("2024-Q3", 13.4))
    assert str(assess_target(level((2025, 15)), SHARE, quarters).provisional.period) == "2024-Q3"


# --- no milestone: direction only ----------------------------------------------------------


def test_level_without_milestones_uses_the_direction_method():
    """Mining share, baseline 2015 from the data (21.3), 2020 17.3, lower is better:
    P = -1 * ((17.3 / 21.3) ** (1/5) - 1) = 0.040746704383 >= 0.015 -> substantial, score 5.
    No milestone, so no headline and no milestone figures."""
    target = LevelTarget(id="m", indicator="mining_share", baseline=Baseline(parse_period("2015")))
    data = rows("mining_share", ("2015", 21.3), ("2020", 17.3))
    a = assess_target(target, MINING, data)
    assert a.status is Status.SUBSTANTIAL_PROGRESS
    assert a.progress_value == approx(0.040746704383)
    assert a.score == 5.0
    assert a.milestones == () and a.headline is None
