"""Numbers audit by hand (issue 17, fifteenth session): figures recomputed with a
calculator from docs/methodology.md and compared with what qntrack prints.

Every expected number is worked out by hand in the comments; none is copied from qntrack.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest import approx

from conftest import dedent, make_tracker
from helpers import json_of, run_bounded
from qntrack.kinds import assess_target
from qntrack.method.progress import Status
from qntrack.plan.model import (
    AverageTarget,
    Baseline,
    Bound,
    Direction,
    Indicator,
    LevelTarget,
    Measure,
    Milestone,
    Observation,
    Text,
)
from qntrack.plan.periods import parse_period as P

GROWTH = Indicator("growth", Text("growth", "tăng trưởng"), unit="%", measure=Measure.RATE)
TODAY = "2026-12-01"


def rows(indicator: str, *pairs: tuple[str, float]) -> list[Observation]:
    return sorted((Observation(indicator, P(p), v) for p, v in pairs), key=lambda o: o.period.sort_key)


def average(start: str, end: str, value: float) -> AverageTarget:
    return AverageTarget(id="avg", indicator="growth", bound=Bound(value, True), start=P(start), end=P(end))


# --- 1. an average exactly on its bound, or exactly on a band's edge ----------------------


def test_an_average_of_exactly_the_bound_meets_it():
    """17 % in each of 2021, 2022 and 2023 against "at least 17 % a year on average":
    G = 1.17 × 1.17 × 1.17, G^(1/3) − 1 = 0.17, so the average is 17 %, which meets the
    bound (bounds include their edge): target achieved, gap 17 − 17 = 0. The float
    round trip 1.17 − 1 = 0.16999999999999993 must not make it 16.999999999999993 and
    "not achieved"."""
    a = assess_target(average("2021", "2023", 17), GROWTH, rows("growth", ("2021", 17), ("2022", 17), ("2023", 17)))
    assert a.status is Status.TARGET_ACHIEVED
    assert a.details["average"] == 17
    assert a.gap == 0
    assert a.missed_milestones == ()


def test_an_average_at_95_percent_of_the_bound_is_substantial():
    """9.5 % in 2021 alone against at least 10 % over 2021–2025 (today 1 December 2026, so
    the span is over with years missing and stays open): average = 1.095^(1/1) − 1 = 9.5 %,
    P = 9.5 / 10 = 0.95, the lower edge of substantial progress, which is inclusive.
    Score = 7.1429 × 0.95 − 4.2857 = 6.785755 − 4.2857 = 2.500055 (methodology, "Scores")."""
    a = assess_target(average("2021", "2025", 10), GROWTH, rows("growth", ("2021", 9.5)), today=TODAY)
    assert a.progress_value == 0.95
    assert a.status is Status.SUBSTANTIAL_PROGRESS
    assert a.score == approx(2.500055, abs=1e-9)


def test_an_average_at_60_percent_of_the_bound_is_moderate():
    """6 % in 2021 and 2022 against at least 10 % over 2021–2025: average 6 %, P = 6 / 10 =
    0.6, the lower edge of moderate progress; score 7.1429 × 0.6 − 4.2857 = 4.28574 −
    4.2857 = 0.00004."""
    a = assess_target(average("2021", "2025", 10), GROWTH, rows("growth", ("2021", 6), ("2022", 6)), today=TODAY)
    assert a.progress_value == 0.6
    assert a.status is Status.MODERATE_PROGRESS
    assert a.score == approx(0.00004, abs=1e-9)


def _cumulative(bound: float, at_least: bool):
    from qntrack.plan.model import CumulativeTarget

    return CumulativeTarget(id="cum", indicator="fl", bound=Bound(bound, at_least), start=P("2021"), end=P("2022"))


FLOW = Indicator("fl", Text("investment", "vốn đầu tư"), unit="bn", measure=Measure.FLOW)


def test_a_total_exactly_on_an_at_least_bound_meets_it():
    """10.1 (2021) + 20.2 (2022) = 30.3, against at least 30.3 over 2021–2022: met, target
    achieved, gap 30.3 − 30.3 = 0. Added as binary floats the two make 30.299999999999997,
    short of 30.3, and the span would read "not achieved"."""
    a = assess_target(_cumulative(30.3, True), FLOW, rows("fl", ("2021", 10.1), ("2022", 20.2)), today=TODAY)
    assert a.details["total"] == 30.3
    assert a.status is Status.TARGET_ACHIEVED
    assert a.gap == 0


def test_a_total_exactly_on_a_cap_stays_within_it():
    """0.1 (2021) + 0.2 (2022) = 0.3, against at most 0.3 over 2021–2022, the span over:
    within the cap, target achieved (a float sum gives 0.30000000000000004, over the cap)."""
    a = assess_target(_cumulative(0.3, False), FLOW, rows("fl", ("2021", 0.1), ("2022", 0.2)), today=TODAY)
    assert a.details["total"] == 0.3
    assert a.status is Status.TARGET_ACHIEVED


# --- 2. a chart of figures that differ only in their last digits -----------------------------

FLAT_TARGETS = dedent(
    """
    version: 1
    title: "flat"
    indicators:
      g: {name: "growth", unit: "%", measure: rate}
    targets:
      - {id: flat, type: every_period, indicator: g, at_least: 17, from: 2020, to: 2025}
    """
)
FLAT_OBSERVATIONS = dedent(
    """
    indicator,period,value,status,source,note,recorded_at
    g,2020,17,,s,,2021-01-05T00:00:00Z
    g,2021,17.000000000000004,,s,,2022-01-05T00:00:00Z
    """
)


def test_a_chart_of_figures_equal_to_15_digits_is_drawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """17 and 17.000000000000004 (typed with 17 significant digits) against a bound of 17:
    the chart's scale spans 4e-15, and pygal's scale search never ended on it (the report
    hung). Drawn as a flat chart, the report is written in well under 10 seconds."""
    make_tracker(tmp_path, monkeypatch, FLAT_TARGETS, FLAT_OBSERVATIONS)
    r = run_bounded("report", "--format", "markdown", "-o", "r.md", seconds=20)
    assert r.exit_code == 0, r.output
    assert (tmp_path / "r.md").exists()


# --- 3. a milestone of zero ---------------------------------------------------------------------


def _level(indicator: Indicator, base: str, by: str, value: float) -> LevelTarget:
    return LevelTarget(
        id="lvl", indicator=indicator.id, baseline=Baseline(P(base)), milestones=(Milestone(P(by), value),)
    )


DEATHS = Indicator("deaths", Text("road deaths", "tử vong"), unit="", direction=Direction.DECREASE)
BALANCE = Indicator("bal", Text("balance", "cán cân"), unit="bn")


def test_a_milestone_of_zero_is_judged_by_absolute_change():
    """8 in 2020, 4 in 2023, 0 by 2025, lower is better. No growth rate reaches 0 (it
    would be −100 % a year, and Open SDG's 0.001 stand-in makes P depend on the unit):
    absolute change, as for a zero baseline (methodology, "Balances: absolute change").
    R = (0 − 8) / (2025 − 2020) = −1.6 a year; A = (4 − 8) / (2023 − 2020) = −1.3333;
    P = d × A / |R| = (−1) × (−1.3333) / 1.6 = 0.83333: moderate progress;
    score = 7.1429 × 0.83333 − 4.2857 = 5.95242 − 4.2857 = 1.66672.
    The path: 8 − 1.6 × 3 = 3.2 in 2023, deviation 4 − 3.2 = +0.8; projected 2025:
    4 − 1.3333 × 2 = 1.3333; 0 reached after (0 − 4) / (−1.3333) = 3 years, in 2026;
    gap (lower is better) 4 − 0 = 4."""
    a = assess_target(
        _level(DEATHS, "2020", "2025", 0), DEATHS, rows("deaths", ("2020", 8), ("2023", 4)), today="2024-06-01"
    )
    m = a.milestones[0]
    assert m.method == "absolute_change"
    assert a.status is Status.MODERATE_PROGRESS
    assert a.progress_value == approx(0.833333333, rel=1e-9)
    assert a.score == approx(1.66672, abs=1e-5)
    assert m.required_change == approx(-1.6) and m.achieved_change == approx(-4 / 3)
    assert m.trajectory == approx(3.2) and m.deviation == approx(0.8)
    assert m.projected == approx(4 / 3)
    assert str(m.reached_in) == "2026" and not m.never_reached
    assert a.gap == approx(4)


def test_a_figure_just_above_a_zero_milestone_has_not_reached_it():
    """8 in 2020, 0.0005 in 2023, 0 by 2025, lower is better: 0.0005 > 0, so the milestone
    is not reached (the 0.001 stand-in called it achieved). A = (0.0005 − 8) / 3 =
    −2.66650, R = −1.6, P = 2.66650 / 1.6 = 1.66656: substantial progress, score
    min(7.1429 × 1.66656 − 4.2857, 5) = min(7.617, 5) = 5."""
    a = assess_target(
        _level(DEATHS, "2020", "2025", 0), DEATHS, rows("deaths", ("2020", 8), ("2023", 0.0005)), today="2024-06-01"
    )
    assert a.status is Status.SUBSTANTIAL_PROGRESS
    assert a.progress_value == approx(7.9995 / 3 / 1.6, rel=1e-9)
    assert a.gap == approx(0.0005)


def test_a_negative_balance_rising_to_zero_is_judged_by_absolute_change():
    """−5 in 2020, −3 in 2023, 0 by 2025, higher is better: R = (0 − (−5)) / 5 = 1 a year,
    A = (−3 − (−5)) / 3 = 0.66667, P = 0.66667: moderate progress, score 7.1429 × 0.66667
    − 4.2857 = 0.47623 (with the stand-in the required growth has no real value, and the
    target was left not available)."""
    a = assess_target(
        _level(BALANCE, "2020", "2025", 0), BALANCE, rows("bal", ("2020", -5), ("2023", -3)), today="2024-06-01"
    )
    assert a.status is Status.MODERATE_PROGRESS
    assert a.progress_value == approx(2 / 3, rel=1e-9)
    assert a.score == approx(7.1429 * 2 / 3 - 4.2857, rel=1e-9)


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        (
            "en",
            "No growth rate reaches zero: the change a year is read against the change a year the milestone of zero requires.",
        ),
        ("vi", "Không có tốc độ tăng nào đưa về được mức 0"),
    ],
)
def test_show_says_why_a_zero_milestone_reads_the_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, says: str
):
    """The path to 0 by 2025 from 8 in 2020 is a straight line: 8 − 1.6 × 3 = 3.2 in 2023
    (not "0 in 2023", the geometric path at the stand-in's −100 % a year)."""
    make_tracker(
        tmp_path,
        monkeypatch,
        dedent(
            """
            version: 1
            title: "zero"
            indicators:
              deaths: {name: "road deaths", unit: "t", direction: decrease}
            targets:
              - {id: zero, indicator: deaths, baseline: 2020, milestones: [{by: 2025, value: 0}]}
            """
        ),
        "indicator,period,value,status,source,note,recorded_at\n"
        "deaths,2020,8,,s,,2021-01-05T00:00:00Z\ndeaths,2023,4,,s,,2024-01-05T00:00:00Z\n",
    )
    r = run_bounded("show", "zero", "--lang", lang)
    assert r.exit_code == 0, r.output
    assert says in r.stdout
    assert ("3.2 t" if lang == "en" else "3,2 t") in r.stdout
    doc = json_of("status", "--format", "json")
    m = doc["targets"][0]["milestones"][0]
    assert m["method"] == "absolute_change" and m["required_rate"] is None
    assert m["trajectory"] == approx(3.2)


# --- 4. an every-period span before its first figure ------------------------------------------


def test_an_every_period_span_with_no_figure_counts_each_period_once():
    """At least 5 % every year 2020–2024, no figure yet: 5 periods, none passed or failed,
    none "before the latest" (there is no latest), so missing = [] and remaining = 5:
    0 + 0 + 0 + 5 = 5, the span's length. Listing all 5 as missing as well counted 10."""
    from qntrack.plan.model import EveryPeriodTarget

    target = EveryPeriodTarget(id="ep", indicator="growth", bound=Bound(5, True), start=P("2020"), end=P("2024"))
    a = assess_target(target, GROWTH, [], today="2019-06-01")
    assert a.status is Status.NOT_AVAILABLE
    d = a.details
    assert (d["passed"], d["failed"], d["missing"], d["remaining"]) == (0, 0, [], 5)


# --- 5. rounding for display: half away from zero, on the figure as typed -----------------------


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "shown"),
    [
        # 2.675 to two decimals: the third is 5, rounded up to 2.68 (as Excel shows the
        # same cell with its "#,##0.00" format); the binary double below 2.675 gave 2.67.
        (2.675, "en", 2, "2.68"),
        (1.005, "en", 2, "1.01"),
        (0.125, "en", 2, "0.13"),  # exactly half in binary too: half-even gave 0.12
        (-2.675, "en", 2, "-2.68"),  # away from zero, as Excel
        (1234.5, "en", 1, "1,234.5"),
        (1234.5, "vi", 1, "1.234,5"),
        (2877.85, "vi", 1, "2.877,9"),  # 2,877.85 -> 2,877.9, in Vietnamese 2.877,9
        (50000, "vi", 2, "50.000"),
        (0.0000001, "en", 2, "0.0000001"),  # a figure that is not zero never reads 0
    ],
)
def test_numbers_are_rounded_half_away_from_zero(value: float, lang: str, decimals: int, shown: str):
    from qntrack.output.i18n import number

    assert number(value, lang, decimals) == shown


def test_a_cumulative_pace_exactly_at_95_percent_is_substantial():
    """At least 12 over 2021–2025, 2.28 in 2021, on 1 June 2022: share of the target
    2.28 / 12 = 0.19 after a share of time 1 / 5 = 0.2, P = 0.19 / 0.2 = 0.95, the lower
    edge of substantial progress (inclusive); score 7.1429 × 0.95 − 4.2857 = 2.500055.
    In floats 0.19 / 0.2 is 0.9499999999999998: moderate."""
    from qntrack.plan.model import CumulativeTarget

    target = CumulativeTarget(id="cum", indicator="fl", bound=Bound(12, True), start=P("2021"), end=P("2025"))
    a = assess_target(target, FLOW, rows("fl", ("2021", 2.28)), today="2022-06-01")
    assert a.progress_value == 0.95
    assert a.status is Status.SUBSTANTIAL_PROGRESS
    assert a.score == approx(2.500055, abs=1e-9)


def test_an_absolute_change_exactly_at_95_percent_is_substantial():
    """A balance: 2 in 2020, 2.57 in 2021, 5 by 2025, higher is better. R = (5 − 2) / 5 =
    0.6 a year, A = (2.57 − 2) / 1 = 0.57 a year, P = 0.57 / 0.6 = 0.95: substantial
    progress (in floats 0.5699999999999998 / 0.6 = 0.9499999999999997, moderate)."""
    bal = Indicator("bal", Text("balance", "cán cân"), unit="bn", measure=Measure.BALANCE)
    a = assess_target(_level(bal, "2020", "2025", 5), bal, rows("bal", ("2020", 2), ("2021", 2.57)), today="2022-06-01")
    assert a.progress_value == 0.95
    assert a.status is Status.SUBSTANTIAL_PROGRESS


# --- 6. "reached" beside a plan where lower is better ---------------------------------------------


def test_a_missed_plan_where_lower_is_better_is_not_said_reached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A poverty rate planned at 3 % for 2024 (lower is better) came in at 3.5 %: not
    achieved, gap 3.5 − 3 = 0.5 points. 3.5 / 3 × 100 = 116.7 % is a fact of its own
    ("116.7% of the plan"), but "reached 116.7%" under the goal reads as a plan
    over-fulfilled. The summary gives no "reached" share for a lower-is-better plan, nor
    for a cap (at_most), where more of it is worse."""
    make_tracker(
        tmp_path,
        monkeypatch,
        dedent(
            """
            version: 1
            title: "poverty"
            indicators:
              pov: {name: "poverty rate", unit: "%", direction: decrease}
              debt: {name: "new debt", unit: "bn", measure: flow}
            targets:
              - {id: povplan, type: plan, indicator: pov, period: 2024, value: 3}
              - {id: cap, type: cumulative, indicator: debt, at_most: 100, from: 2021, to: 2022}
            """
        ),
        "indicator,period,value,status,source,note,recorded_at\n"
        "pov,2024,3.5,,s,,2025-01-05T00:00:00Z\n"
        "debt,2021,60,,s,,2022-01-05T00:00:00Z\ndebt,2022,60,,s,,2023-01-05T00:00:00Z\n",
    )
    for lang, reached, share in (("en", "reached", "116.7%"), ("vi", "đạt", "116,7%")):
        r = run_bounded("report", "--format", "markdown", "--lang", lang, "-o", "-", seconds=30)
        assert r.exit_code == 0, r.output
        assert share in r.stdout  # the share of the plan is still given as a figure
        assert f"{reached} 116" not in r.stdout
        # the cap: 60 + 60 = 120 of at most 100, 120 % of it: exceeded, not "reached"
        assert f"{reached} 120" not in r.stdout


# --- 7. a plan of a balance: no per cent of a negative figure --------------------------------------


def test_a_plan_of_a_deficit_is_read_by_differences():
    """A balance planned at −500 for 2024 (higher is better), −300 in 2023, −400 in 2024:
    −400 ≥ −500, target achieved. −400 / −500 × 100 = 80 % would read as a plan 20 %
    short, and the change on 2023, (−400 / −300 − 1) × 100 = +33.3 %, as a rise, though
    the deficit grew by 100. So, as for a growth rate, no per cent: difference −400 −
    (−500) = +100 and, on 2023, −400 − (−300) = −100 (in the unit)."""
    from qntrack.plan.model import PlanTarget

    bal = Indicator("bal", Text("balance", "cán cân"), unit="bn", measure=Measure.BALANCE)
    target = PlanTarget(id="pl", indicator="bal", period=P("2024"), value=-500)
    a = assess_target(target, bal, rows("bal", ("2023", -300), ("2024", -400)), today=TODAY)
    assert a.status is Status.TARGET_ACHIEVED
    d = a.details
    assert d["percent_of_plan"] is None
    assert d["difference"] == 100
    assert "change_on_same_period_last_year" not in d
    assert d["difference_on_same_period_last_year"] == -100
