"""The Statistics Canada / Open SDG progress measure (methodology section 1.1).

Every expected number below was worked out by hand (a calculator for the powers), with the
arithmetic shown next to it; none comes from qntrack. Notation: a = achieved CAGR,
r = required CAGR, P = progress value, C = limit coefficient, d = direction (+1 when
higher is better), sign = -1 when the base value is negative.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qntrack.method.progress import Status, growth, limit_coefficient, measure, status_from_score


def approx(x: float) -> object:
    # The expected values carry 12 significant digits; abs covers values near zero.
    return pytest.approx(x, rel=1e-9, abs=1e-12)


def with_target(
    base: float,
    current: float,
    target: float,
    *,
    increase: bool = True,
    base_year: int = 2020,
    current_year: int = 2023,
    target_year: int = 2025,
):
    return measure(
        base_year=base_year,
        base_value=base,
        current_year=current_year,
        current_value=current,
        increase=increase,
        target=target,
        target_year=target_year,
    )


def direction_only(
    base: float,
    current: float,
    *,
    increase: bool = True,
    base_year: int = 2020,
    current_year: int = 2021,
    limit: float | None = None,
):
    return measure(
        base_year=base_year,
        base_value=base,
        current_year=current_year,
        current_value=current,
        increase=increase,
        limit=limit,
    )


# --- growth -----------------------------------------------------------------------------


def test_growth_is_the_compound_annual_rate():
    """9.8 -> 12.3 over 2020 -> 2023: 12.3 / 9.8 = 1.255102040816; cube root = 1.078680957339;
    minus 1 = 0.078680957339 (7.87 % a year)."""
    assert growth(12.3, 9.8, 2023, 2020) == approx(0.078680957339)


def test_growth_over_one_year_is_the_plain_change():
    """102 / 100 - 1 = 0.02; and a halving over two years: 0.5 ** 0.5 - 1 = -0.292893218813."""
    assert growth(102, 100, 2021, 2020) == approx(0.02)
    assert growth(5, 10, 2022, 2020) == approx(-0.292893218813)


# --- method 2: with a target (Quảng Ninh CBCT share of GRDP) ----------------------------


def test_cbct_share_against_15_percent_by_2025():
    """Base 2020 9.8 %, current 2023 12.3 %, target 15 % by 2025, higher is better.

    a = (12.3 / 9.8) ** (1/3) - 1 = 1.255102040816 ** 0.333333 - 1 = 0.078680957339
    r = (15 / 9.8) ** (1/5) - 1   = 1.530612244898 ** 0.2      - 1 = 0.088862488820
    P = +1 * +1 * a / |r| = 0.078680957339 / 0.088862488820 = 0.885423741603
    0.60 <= P < 0.95 -> moderate progress
    score = 7.1429 * 0.885423741603 - 4.2857 = 6.324493243895 - 4.2857 = 2.038793243895
    """
    result = with_target(9.8, 12.3, 15)
    assert result.status is Status.MODERATE_PROGRESS
    assert result.progress_value == approx(0.885423741603)
    assert result.score == approx(2.038793243895)
    assert result.target_achieved is False


def test_cbct_share_against_30_percent_by_2030():
    """The seed document's 30 % by 2030 (the sourced provincial figure is 20 %, next test).

    a = 0.078680957339 (as above)
    r = (30 / 9.8) ** (1/10) - 1 = 3.061224489796 ** 0.1 - 1 = 0.118380324275
    P = 0.078680957339 / 0.118380324275 = 0.664645563534 -> moderate (0.60 <= P < 0.95)
    score = 7.1429 * 0.664645563534 - 4.2857 = 4.747496795768 - 4.2857 = 0.461796795768
    """
    result = with_target(9.8, 12.3, 30, target_year=2030)
    assert result.status is Status.MODERATE_PROGRESS
    assert result.progress_value == approx(0.664645563534)
    assert result.score == approx(0.461796795768)


def test_cbct_share_against_20_percent_by_2030():
    """r = (20 / 9.8) ** (1/10) - 1 = 2.040816326531 ** 0.1 - 1 = 0.073940923786
    P = 0.078680957339 / 0.073940923786 = 1.064105684791 -> substantial (P >= 0.95)
    score = min(7.1429 * 1.064105684791 - 4.2857, 5) = min(3.315100495890, 5) = 3.315100495890
    """
    result = with_target(9.8, 12.3, 20, target_year=2030)
    assert result.status is Status.SUBSTANTIAL_PROGRESS
    assert result.progress_value == approx(1.064105684791)
    assert result.score == approx(3.315100495890)


def test_limit_is_ignored_when_there_is_a_target():
    """Same inputs as the 15 % case plus limit 100: P 0.885423741603, score 2.038793243895."""
    result = measure(
        base_year=2020,
        base_value=9.8,
        current_year=2023,
        current_value=12.3,
        increase=True,
        target=15,
        target_year=2025,
        limit=100,
    )
    assert result.status is Status.MODERATE_PROGRESS
    assert result.progress_value == approx(0.885423741603)
    assert result.score == approx(2.038793243895)


# --- method 2 bands, with P landing exactly on each lower edge ------------------------
#
# Base 16 in 2020, target 36 by 2021, current in 2021. One-year growths are exact in binary:
# r = 36/16 - 1 = 1.25. Current 35: a = 35/16 - 1 = 1.1875, P = 1.1875 / 1.25 = 0.95.
# Current 28: a = 0.75, P = 0.75 / 1.25 = 0.6. Current 16: a = 0, P = 0.


def edge_case(current: float):
    return with_target(16, current, 36, current_year=2021, target_year=2021)


@pytest.mark.parametrize(
    ("current", "p", "status", "score"),
    [
        # P = 0.95 exactly: 7.1429 * 0.95 - 4.2857 = 6.785755 - 4.2857 = 2.500055
        (35, 0.95, Status.SUBSTANTIAL_PROGRESS, 2.500055),
        # a = 34.99/16 - 1 = 1.186875, P = 0.9495: 7.1429 * 0.9495 - 4.2857 = 2.49648355
        (34.99, 0.9495, Status.MODERATE_PROGRESS, 2.49648355),
        # P = 0.6 exactly: 7.1429 * 0.6 - 4.2857 = 4.28574 - 4.2857 = 0.00004
        (28, 0.6, Status.MODERATE_PROGRESS, 0.00004),
        # a = 27.99/16 - 1 = 0.749375, P = 0.5995: 4.1667 * 0.5995 - 2.5 = -0.00206335
        (27.99, 0.5995, Status.LIMITED_PROGRESS, -0.00206335),
        # P = 0 exactly (no change): 4.1667 * 0 - 2.5 = -2.5
        (16, 0.0, Status.LIMITED_PROGRESS, -2.5),
        # a = 15.99/16 - 1 = -0.000625, P = -0.0005: 4.1667 * -0.0005 - 2.5 = -2.50208335
        (15.99, -0.0005, Status.DETERIORATION, -2.50208335),
    ],
)
def test_method_2_bands_have_inclusive_lower_edges(current, p, status, score):
    result = edge_case(current)
    assert result.status is status
    assert result.progress_value == approx(p)
    assert result.score == approx(score)


def test_method_2_exact_edges_are_exact():
    """The three edge inputs give P equal to the threshold itself, not merely close."""
    assert edge_case(35).progress_value == 0.95
    assert edge_case(28).progress_value == 0.6
    assert edge_case(16).progress_value == 0.0


def test_method_2_score_is_clamped_to_plus_and_minus_5():
    """Up: base 4 (2020) -> 8 (2021), target 16 by 2023. a = 8/4 - 1 = 1;
    r = 4 ** (1/3) - 1 = 0.587401051968; P = 1 / 0.587401051968 = 1.702414383919;
    7.1429 * 1.702414383919 - 4.2857 = 7.874475702897 -> min(., 5) = 5.

    Down: base 4 (2020) -> 1 (2021), target 16 by 2022. a = 1/4 - 1 = -0.75;
    r = 4 ** (1/2) - 1 = 1; P = -0.75; 4.1667 * -0.75 - 2.5 = -5.625025 -> max(., -5) = -5.
    """
    up = with_target(4, 8, 16, current_year=2021, target_year=2023)
    assert up.status is Status.SUBSTANTIAL_PROGRESS
    assert up.progress_value == approx(1.702414383919)
    assert up.score == 5
    down = with_target(4, 1, 16, current_year=2021, target_year=2022)
    assert down.status is Status.DETERIORATION
    assert down.progress_value == approx(-0.75)
    assert down.score == -5


# --- target achieved --------------------------------------------------------------------


def test_target_achieved_when_increasing_including_equality():
    """Current 15 reaches target 15 (>= is inclusive). Status and score are fixed; P is
    still reported: a = (15/9.8) ** (1/3) - 1 = 0.152449032875,
    r = 0.088862488820, P = 0.152449032875 / 0.088862488820 = 1.715561142830."""
    result = with_target(9.8, 15, 15)
    assert result.status is Status.TARGET_ACHIEVED
    assert result.target_achieved is True
    assert result.score == 5
    assert result.progress_value == approx(1.715561142830)


def test_target_achieved_when_decreasing():
    """Mining share 21.3 (2015) -> 17.3 (2020), lower is better, target 18 by 2025: 17.3 <= 18.
    a = (17.3/21.3) ** (1/5) - 1 = 0.812206572770 ** 0.2 - 1 = -0.040746704383
    r = (18/21.3) ** (1/10) - 1 = 0.845070422535 ** 0.1 - 1 = -0.016692639270
    P = +1 * -1 * -0.040746704383 / 0.016692639270 = 2.440998318139"""
    result = with_target(21.3, 17.3, 18, increase=False, base_year=2015, current_year=2020)
    assert result.status is Status.TARGET_ACHIEVED
    assert result.score == 5
    assert result.progress_value == approx(2.440998318139)


def test_target_achieved_is_checked_before_the_guards():
    """One data point (current_year == base_year) or opposite signs leave P undefined, but
    the target is achieved all the same: status target_achieved, score 5, P None."""
    one_point = with_target(9.8, 16, 15, current_year=2020)
    assert (one_point.status, one_point.score, one_point.progress_value) == (Status.TARGET_ACHIEVED, 5, None)
    assert one_point.target_achieved is True
    opposite = with_target(-5, 3, 2)
    assert (opposite.status, opposite.score, opposite.progress_value) == (Status.TARGET_ACHIEVED, 5, None)


def test_target_not_achieved_one_step_short():
    """Current 14.99 < 15: not achieved; a = (14.99/9.8) ** (1/3) - 1 > 0, so an ordinary status."""
    assert with_target(9.8, 14.99, 15).target_achieved is False


# --- the sign * d / |required| form -----------------------------------------------------


def test_base_beyond_target_is_deterioration_not_progress():
    """Lower is better, base 8 (2015) already under target 10 (2030), current 12 (2020).

    a = (12/8) ** (1/5) - 1 = 1.5 ** 0.2 - 1 = 0.084471771198   (rising: the wrong way)
    r = (10/8) ** (1/15) - 1 = 1.25 ** 0.066667 - 1 = 0.014987438702
    A plain a / r would be +5.636171254899, "substantial progress".
    P = +1 * -1 * 0.084471771198 / |0.014987438702| = -5.636171254899 -> deterioration
    score = max(4.1667 * -5.636171254899 - 2.5, -5) = max(-25.984234767785, -5) = -5
    """
    result = with_target(8, 12, 10, increase=False, base_year=2015, current_year=2020, target_year=2030)
    assert result.status is Status.DETERIORATION
    assert result.progress_value == approx(-5.636171254899)
    assert result.score == -5


def test_base_beyond_target_still_under_it_is_achieved_whatever_p():
    """Same, current 8.2, still under target 10: achieved, even though the series moved the
    wrong way. a = (8.2/8) ** (1/5) - 1 = 1.025 ** 0.2 - 1 = 0.004950737119;
    P = -0.004950737119 / 0.014987438702 = -0.330325762652 (reported, not used)."""
    result = with_target(8, 8.2, 10, increase=False, base_year=2015, current_year=2020, target_year=2030)
    assert result.status is Status.TARGET_ACHIEVED
    assert result.score == 5
    assert result.progress_value == approx(-0.330325762652)


def test_negative_values_with_a_target():
    """Base -10 (2020), current -8 (2022), target -2 by 2030, higher is better; sign = -1.
    a = (-8/-10) ** (1/2) - 1 = 0.8 ** 0.5 - 1 = 0.894427191000 - 1 = -0.105572809000
    r = (-2/-10) ** (1/10) - 1 = 0.2 ** 0.1 - 1 = 0.851339922521 - 1 = -0.148660077479
    P = -1 * +1 * -0.105572809000 / 0.148660077479 = 0.710162477985 -> moderate
    score = 7.1429 * 0.710162477985 - 4.2857 = 5.072619563999 - 4.2857 = 0.786919563999"""
    result = with_target(-10, -8, -2, current_year=2022, target_year=2030)
    assert result.status is Status.MODERATE_PROGRESS
    assert result.progress_value == approx(0.710162477985)
    assert result.score == approx(0.786919563999)


def test_negative_values_without_a_target():
    """Base -10 (2020) -> -5 (2022), higher is better: a = 0.5 ** 0.5 - 1 = -0.292893218813;
    P = -1 * +1 * a = 0.292893218813 >= 0.015 -> substantial; score min(500P - 5, 5) = 5.
    Base -10 (2020) -> -9.9 (2021): a = 0.99 - 1 = -0.01; P = 0.01 -> moderate;
    score = 250 * 0.01 - 1.25 = 1.25."""
    big = direction_only(-10, -5, current_year=2022)
    assert big.status is Status.SUBSTANTIAL_PROGRESS
    assert big.progress_value == approx(0.292893218813)
    assert big.score == 5
    small = direction_only(-10, -9.9)
    assert small.status is Status.MODERATE_PROGRESS
    assert small.progress_value == approx(0.01)
    assert small.score == approx(1.25)


# --- zero base and zero target ----------------------------------------------------------


def test_zero_base_is_replaced_by_a_thousandth():
    """Base 0 (2020) -> 2 (2022), no target: base becomes 0.001, sign stays +1.
    a = (2/0.001) ** (1/2) - 1 = 2000 ** 0.5 - 1 = 44.721359550 - 1 = 43.721359550
    P = 43.721359550 -> substantial; score min(500 * 43.72 - 5, 5) = 5."""
    result = direction_only(0, 2, current_year=2022)
    assert result.status is Status.SUBSTANTIAL_PROGRESS
    assert result.progress_value == approx(43.721359550)
    assert result.score == 5


def test_zero_base_counts_as_positive_against_a_negative_current():
    """Base 0 becomes +0.001, so a current of -3 has the opposite sign: no assessment."""
    result = direction_only(0, -3, current_year=2022)
    assert (result.status, result.progress_value, result.score) == (Status.NOT_AVAILABLE, None, None)


def test_zero_target_is_replaced_by_a_thousandth():
    """Lower is better, base 10 (2020) -> 5 (2023), target 0 by 2030 (read as 0.001).
    a = 0.5 ** (1/3) - 1 = 0.793700525984 - 1 = -0.206299474016
    r = (0.001/10) ** (1/10) - 1 = 0.0001 ** 0.1 - 1 = 0.398107170553 - 1 = -0.601892829447
    P = +1 * -1 * -0.206299474016 / 0.601892829447 = 0.342751174168 -> limited
    score = 4.1667 * 0.342751174168 - 2.5 = 1.428141317405 - 2.5 = -1.071858682595"""
    result = with_target(10, 5, 0, increase=False, target_year=2030)
    assert result.status is Status.LIMITED_PROGRESS
    assert result.progress_value == approx(0.342751174168)
    assert result.score == approx(-1.071858682595)


def test_zero_target_is_replaced_before_the_achievement_check():
    """Open SDG swaps a zero target for 0.001 when it reads the configuration, so a current of
    0.0005 meets "lower is better, target 0": 0.0005 <= 0.001. P is still reported:
    a = (0.0005/10) ** (1/3) - 1 = 0.00005 ** 0.333333 - 1 = 0.036840314986 - 1 = -0.963159685014
    P = -1 * -0.963159685014 / 0.601892829447 = 1.600217909058"""
    result = with_target(10, 0.0005, 0, increase=False, target_year=2030)
    assert result.status is Status.TARGET_ACHIEVED
    assert result.score == 5
    assert result.progress_value == approx(1.600217909058)


# --- no assessment ----------------------------------------------------------------------


@pytest.mark.parametrize(("base", "current"), [(5, -2), (-5, 2)])
def test_opposite_signs_give_no_assessment(base, current):
    for result in (direction_only(base, current), with_target(base, current, 100)):
        assert (result.status, result.progress_value, result.score) == (Status.NOT_AVAILABLE, None, None)
        assert result.target_achieved is False


@pytest.mark.parametrize("current_year", [2020, 2019])
def test_fewer_than_one_year_apart_gives_no_assessment(current_year):
    """current_year - base_year = 0 or -1 < 1, and the target (15) is not reached."""
    for result in (
        direction_only(9.8, 12.3, current_year=current_year),
        with_target(9.8, 12.3, 15, current_year=current_year),
    ):
        assert (result.status, result.progress_value, result.score) == (Status.NOT_AVAILABLE, None, None)


def test_target_of_opposite_sign_to_the_base_gives_no_assessment():
    """Base 5, target -3: (-3/5) ** (1/10) has no real value, so r is undefined.

    A deliberate choice: Open SDG's code returns a number here only by accident of Python
    arithmetic (complex power, then its modulus), or NaN when the years are NumPy integers.
    """
    result = with_target(5, 4, -3, increase=False, target_year=2030)
    assert (result.status, result.progress_value, result.score) == (Status.NOT_AVAILABLE, None, None)


def test_non_finite_values_give_no_assessment():
    assert direction_only(math.nan, 5).status is Status.NOT_AVAILABLE
    assert with_target(9.8, math.inf, 15).status is Status.NOT_AVAILABLE


def test_a_target_needs_a_target_year():
    with pytest.raises(ValueError):
        measure(base_year=2020, base_value=9.8, current_year=2023, current_value=12.3, increase=True, target=15)


# --- method 1: direction only -----------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "p", "status", "score"),
    [
        # a = 102/100 - 1 = 0.02 >= 0.015: min(500 * 0.02 - 5, 5) = min(5, 5) = 5
        (102, 0.02, Status.SUBSTANTIAL_PROGRESS, 5.0),
        # a = 0.018 >= 0.015: 500 * 0.018 - 5 = 9 - 5 = 4
        (101.8, 0.018, Status.SUBSTANTIAL_PROGRESS, 4.0),
        # 0.005 <= 0.01 < 0.015: 250 * 0.01 - 1.25 = 1.25
        (101, 0.01, Status.MODERATE_PROGRESS, 1.25),
        # 0 <= 0.002 < 0.005: 500 * 0.002 - 2.5 = -1.5
        (100.2, 0.002, Status.LIMITED_PROGRESS, -1.5),
        # 0 exactly (no change): 500 * 0 - 2.5 = -2.5, limited (lower edge inclusive)
        (100, 0.0, Status.LIMITED_PROGRESS, -2.5),
        # -0.01 < 0: max(125 * -0.01 - 2.5, -5) = -3.75
        (99, -0.01, Status.DETERIORATION, -3.75),
        # -0.03: 125 * -0.03 - 2.5 = -6.25 -> clamped to -5
        (97, -0.03, Status.DETERIORATION, -5.0),
    ],
)
def test_method_1_bands_and_scores(current, p, status, score):
    """Base 100 (2020), current in 2021, higher is better, so P = a = current/100 - 1."""
    result = direction_only(100, current)
    assert result.status is status
    assert result.progress_value == approx(p)
    assert result.score == approx(score)
    assert result.target_achieved is False


@pytest.mark.parametrize(
    ("current", "p", "status", "score"),
    [
        # 0.015001 >= 0.015: 500 * 0.015001 - 5 = 2.5005
        (1015.001, 0.015001, Status.SUBSTANTIAL_PROGRESS, 2.5005),
        # 0.014999 < 0.015: 250 * 0.014999 - 1.25 = 2.49975
        (1014.999, 0.014999, Status.MODERATE_PROGRESS, 2.49975),
        # 0.005001 >= 0.005: 250 * 0.005001 - 1.25 = 0.00025
        (1005.001, 0.005001, Status.MODERATE_PROGRESS, 0.00025),
        # 0.004999 < 0.005: 500 * 0.004999 - 2.5 = -0.0005
        (1004.999, 0.004999, Status.LIMITED_PROGRESS, -0.0005),
        # 0.000001 >= 0: 500 * 0.000001 - 2.5 = -2.4995
        (1000.001, 0.000001, Status.LIMITED_PROGRESS, -2.4995),
        # -0.000001 < 0: 125 * -0.000001 - 2.5 = -2.500125
        (999.999, -0.000001, Status.DETERIORATION, -2.500125),
    ],
)
def test_method_1_band_edges(current, p, status, score):
    """Base 1000 (2020), one year: P = current/1000 - 1, a hair either side of each edge."""
    result = direction_only(1000, current)
    assert result.status is status
    assert result.progress_value == pytest.approx(p, rel=1e-6)
    assert result.score == pytest.approx(score, abs=1e-9)


def test_mining_share_falling_is_substantial_progress():
    """Mining 21.3 % (2015) -> 17.3 % (2020), lower is better, no target, no limit.
    a = (17.3/21.3) ** (1/5) - 1 = 0.812206572770 ** 0.2 - 1 = -0.040746704383
    P = +1 * -1 * -0.040746704383 = 0.040746704383 >= 0.015 -> substantial
    score = min(500 * 0.040746704383 - 5, 5) = min(15.373352191, 5) = 5"""
    result = direction_only(21.3, 17.3, increase=False, base_year=2015, current_year=2020)
    assert result.status is Status.SUBSTANTIAL_PROGRESS
    assert result.progress_value == approx(0.040746704383)
    assert result.score == 5


# --- limit coefficient ------------------------------------------------------------------


def test_limit_coefficient_far_from_the_limit_is_one():
    """b >= 2L: 250 >= 200 and (edge) 200 >= 200 give C = 1; 0 >= 2 * 0 too (zero limit)."""
    assert limit_coefficient(250, 100) == 1
    assert limit_coefficient(200, 100) == 1
    assert limit_coefficient(0, 0) == 1


def test_limit_coefficient_below_the_limit():
    """b <= L: C = 1 - (b/L) ** 4.44.
    90: 0.9 ** 4.44 = exp(4.44 * ln 0.9) = exp(4.44 * -0.105360515658) = exp(-0.467800689521)
        = 0.626378354987, C = 0.373621645013.
    50: 0.5 ** 4.44 = 0.046070913040, C = 0.953929086960.
    100 (on the limit): C = 1 - 1 = 0.  0: C = 1 - 0 = 1."""
    assert limit_coefficient(90, 100) == approx(0.373621645013)
    assert limit_coefficient(50, 100) == approx(0.953929086960)
    assert limit_coefficient(100, 100) == 0
    assert limit_coefficient(0, 100) == 1


def test_limit_coefficient_between_the_limit_and_twice_it():
    """L < b < 2L: C = 1 - ((2L - b)/L) ** 4.44, the mirror image of the branch below.
    110: ((200 - 110)/100) ** 4.44 = 0.9 ** 4.44 = 0.626378354987, C = 0.373621645013.
    150: 0.5 ** 4.44 = 0.046070913040, C = 0.953929086960."""
    assert limit_coefficient(110, 100) == approx(0.373621645013)
    assert limit_coefficient(150, 100) == approx(0.953929086960)


def test_limit_coefficient_uses_absolute_values():
    """|-90| = 90 and |-100| = 100: C = 0.373621645013, as for 90 and 100."""
    assert limit_coefficient(-90, -100) == approx(0.373621645013)
    assert limit_coefficient(-90, 100) == approx(0.373621645013)


@pytest.mark.parametrize(
    ("current", "p", "without", "without_score", "with_limit", "with_score"),
    [
        # a = 90.54/90 - 1 = 0.006.
        # No limit: 0.005 <= 0.006 < 0.015, moderate, 250 * 0.006 - 1.25 = 0.25.
        # Limit 100: high = 0.015 * 0.373621645013 = 0.005604324675 <= 0.006, substantial,
        #   500 * 0.006 / 0.373621645013 - 5 = 8.029513386188 - 5 = 3.029513386188.
        (90.54, 0.006, Status.MODERATE_PROGRESS, 0.25, Status.SUBSTANTIAL_PROGRESS, 3.029513386188),
        # a = 90.27/90 - 1 = 0.003.
        # No limit: 0 <= 0.003 < 0.005, limited, 500 * 0.003 - 2.5 = -1.
        # Limit 100: med = 0.005 * 0.373621645013 = 0.001868108225 <= 0.003 < 0.005604324675,
        #   moderate, 250 * 0.003 / 0.373621645013 - 1.25 = 2.007378346547 - 1.25 = 0.757378346547.
        (90.27, 0.003, Status.LIMITED_PROGRESS, -1.0, Status.MODERATE_PROGRESS, 0.757378346547),
        # a = 90.09/90 - 1 = 0.001: limited either way.
        # No limit: 500 * 0.001 - 2.5 = -2.
        # Limit 100: 500 * 0.001 / 0.373621645013 - 2.5 = 1.338252231031 - 2.5 = -1.161747768969.
        (90.09, 0.001, Status.LIMITED_PROGRESS, -2.0, Status.LIMITED_PROGRESS, -1.161747768969),
    ],
)
def test_limit_narrows_the_method_1_thresholds(current, p, without, without_score, with_limit, with_score):
    """A share that cannot exceed 100, base 90 (2020), higher is better, current in 2021."""
    plain = direction_only(90, current)
    assert plain.status is without
    assert plain.progress_value == pytest.approx(p, rel=1e-9)
    assert plain.score == pytest.approx(without_score, abs=1e-9)
    near = direction_only(90, current, limit=100)
    assert near.status is with_limit
    assert near.progress_value == pytest.approx(p, rel=1e-9)
    assert near.score == pytest.approx(with_score, abs=1e-9)


def test_base_on_the_limit_scores_5_unless_moving_away():
    """Base 100 = limit 100, so C = 0 and high = med = low = 0.
    Current 100: P = 0 >= 0, substantial, score 5 (C == 0 branch).
    Current 101: P = 0.01, substantial, score 5.
    Current 99, higher is better: P = -0.01 < 0, deterioration, 125 * -0.01 - 2.5 = -3.75.
    Current 99, lower is better: P = +0.01, substantial, score 5."""
    for current in (100, 101):
        result = direction_only(100, current, limit=100)
        assert (result.status, result.score) == (Status.SUBSTANTIAL_PROGRESS, 5)
    away = direction_only(100, 99, limit=100)
    assert away.status is Status.DETERIORATION
    assert away.score == approx(-3.75)
    lower = direction_only(100, 99, increase=False, limit=100)
    assert (lower.status, lower.score) == (Status.SUBSTANTIAL_PROGRESS, 5)


def test_zero_base_limit_coefficient_uses_the_original_base():
    """Base 0, limit 100: C = 1 - (0/100) ** 4.44 = 1 (the 0.001 stand-in is for growth only).
    P = 2000 ** 0.5 - 1 = 43.721359550, substantial, score 5."""
    result = direction_only(0, 2, current_year=2022, limit=100)
    assert result.status is Status.SUBSTANTIAL_PROGRESS
    assert result.score == 5


# --- combining series by score ----------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "status"),
    [
        (5, Status.SUBSTANTIAL_PROGRESS),
        (2.5, Status.SUBSTANTIAL_PROGRESS),
        (2.4999, Status.MODERATE_PROGRESS),
        (0, Status.MODERATE_PROGRESS),
        (-0.0001, Status.LIMITED_PROGRESS),
        (-2.5, Status.LIMITED_PROGRESS),
        (-2.5001, Status.DETERIORATION),
        (-5, Status.DETERIORATION),
        (None, Status.NOT_AVAILABLE),
    ],
)
def test_status_from_score_bands(score, status):
    assert status_from_score(score) is status


def test_status_from_score_all_achieved():
    """Two series achieved (5 and 5): mean 5; target_achieved only when every one did."""
    assert status_from_score(5.0, all_achieved=True) is Status.TARGET_ACHIEVED
    assert status_from_score(5.0) is Status.SUBSTANTIAL_PROGRESS
    # CBCT (2.038793243895) with an achieved series (5): mean 3.519396621948 -> substantial.
    assert status_from_score((2.038793243895 + 5) / 2) is Status.SUBSTANTIAL_PROGRESS


# --- properties -------------------------------------------------------------------------

values = st.floats(min_value=0.01, max_value=1e4, allow_nan=False)
years = st.integers(min_value=2000, max_value=2040)


@given(
    base=values,
    current=values,
    target=values,
    increase=st.booleans(),
    base_year=years,
    span=st.integers(1, 15),
    ahead=st.integers(1, 20),
)
def test_mirrored_series_give_the_same_result(base, current, target, increase, base_year, span, ahead):
    """Negating every value and flipping the direction changes nothing: sign and d cancel."""
    kwargs = dict(base_year=base_year, current_year=base_year + span, target_year=base_year + ahead)
    plain = measure(base_value=base, current_value=current, target=target, increase=increase, **kwargs)
    mirror = measure(base_value=-base, current_value=-current, target=-target, increase=not increase, **kwargs)
    assert mirror.status is plain.status
    assert mirror.target_achieved is plain.target_achieved
    if plain.progress_value is None:
        assert mirror.progress_value is None
    else:
        assert mirror.progress_value == pytest.approx(plain.progress_value, rel=1e-9)


@given(
    base=values,
    current=values,
    target=st.none() | values,
    increase=st.booleans(),
    span=st.integers(0, 15),
    limit=st.none() | values,
)
def test_score_stays_within_bounds(base, current, target, increase, span, limit):
    result = measure(
        base_year=2020,
        base_value=base,
        current_year=2020 + span,
        current_value=current,
        increase=increase,
        target=target,
        target_year=2030,
        limit=limit,
    )
    if result.score is None:
        assert result.status is Status.NOT_AVAILABLE
    else:
        assert -5 <= result.score <= 5
    if result.target_achieved:
        assert (result.status, result.score) == (Status.TARGET_ACHIEVED, 5)
