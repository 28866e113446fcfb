"""A statistician's audit of every number qntrack prints (issue 17, fortieth session,
helper N): the shipped Quảng Ninh plan and two small plans of the audit's own.

Every expected figure is worked out by hand in the test's docstring or comments, from the
formulas of /work/shared/methodology.md (Open SDG's measure, section 1.1; the kinds of
target, section 2) and docs/methodology.md, never copied from the code's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

HEADER = "indicator,period,value,status,source,note,recorded_at\n"


def _targets(*args: str) -> dict[str, dict]:
    r = run_clean("status", "--format", "json", *args)
    assert r.exit_code == 0, r.output
    return {t["id"]: t for t in json.loads(r.stdout)["targets"]}


def _shown(*args: str) -> str:
    """``show``'s text with its lines joined: a sentence may wrap at any word."""
    r = run_clean("show", *args, env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    return " ".join(r.stdout.split())


def _table(*args: str) -> str:
    r = run_clean("status", "--format", "table", *args, env={"COLUMNS": "220"})
    assert r.exit_code == 0, r.output
    return " ".join(r.stdout.split())


# --- 1. The deviation from the path is the difference of the figures shown --------------

PATHS = """\
version: 1
indicators:
  share: {name: Share, unit: "%"}
  index: {name: Output index, unit: points}
targets:
  - id: keep
    indicator: share
    baseline: {period: 2020, value: 12.345}
    milestones: [{by: 2025, value: 12.345}]
  - id: tenth
    indicator: index
    baseline: {period: 2020, value: 100}
    milestones: [{by: 2022, value: 121}]
"""
PATH_ROWS = (
    HEADER + "share,2023,12.3,official,s,,2024-01-10T00:00:00Z\nindex,2021,110.015,official,s,,2022-01-10T00:00:00Z\n"
)


def test_a_deviation_ending_in_five_is_rounded_as_the_figures_it_is_taken_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A level to keep: 12.345 % in 2020, 12.345 % by 2025, 12.3 % in 2023, read on
    2024-06-30. The required rate is (12.345 / 12.345)^(1/5) − 1 = 0, so the path stands at
    12.345 × 1^3 = 12.345 in 2023 and the deviation is 12.3 − 12.345 = −0.045, which two
    decimals, half away from zero (docs/methodology.md, "How figures are written"), would
    write −0.05 and 12.3 − 12.35 = −0.05 too; the path and the deviation are written at the
    three decimals the level was typed with, 12.345 and −0.045. The binary floats' 12.3 −
    12.345 is −0.04499999999999993: `show` printed "12.35% (deviation -0.04 pp)", a path
    above the level it keeps and a difference a reader's own subtraction does not give.

    An index of 100 in 2020, 121 by 2022 (10 % a year: (121 / 100)^(1/2) − 1 = 0.1), 110.015
    in 2021: the path is 100 × 1.1 = 110 in 2021, the deviation 110.015 − 110 = 0.015,
    written +0.02 (the floats: 110.00000000000001 and 0.014999999999986358, "+0.01")."""
    make_tracker(tmp_path, monkeypatch, PATHS, PATH_ROWS)
    t = _targets("--as-of", "2024-06-30")
    keep = t["keep"]["milestones"][0]
    assert keep["trajectory"] == 12.345
    assert keep["deviation"] == -0.045
    tenth = t["tenth"]["milestones"][0]
    assert tenth["trajectory"] == pytest.approx(110, abs=1e-12)
    assert tenth["deviation"] == 0.015
    keep_text = _shown("keep", "--as-of", "2024-06-30")
    assert "Trajectory 12.345% (deviation -0.045 pp)" in keep_text
    assert "called for 12.345% in 2023; the deviation is -0.045 pp" in keep_text
    tenth_text = _shown("tenth", "--as-of", "2022-06-30")
    assert "Trajectory 110 points (deviation +0.02 points)" in tenth_text
    vi = " ".join(run_clean("--lang", "vi", "show", "keep", "--as-of", "2024-06-30").stdout.split())
    assert "12,345% (chênh lệch -0,045 điểm %)" in vi and "năm 2023 cần 12,345%; chênh lệch -0,045 điểm phần trăm" in vi


CHANGE = """\
version: 1
indicators:
  g: {name: Growth, unit: "%", measure: rate}
targets:
  - {id: rate-only, indicator: g, baseline: 2020}
"""


def test_a_change_said_in_words_is_the_difference_of_the_figures_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A direction-only target on a growth rate is not assessed (reason
    `rate_without_milestone`), but `show` says its change: 12.345 % in 2020 to 12.3 % in
    2023 is 12.3 − 12.345 = −0.045 points, written −0.05 at two decimals (half away from
    zero); the floats' −0.04499999999999993 wrote "-0.04 pp"."""
    make_tracker(
        tmp_path,
        monkeypatch,
        CHANGE,
        HEADER + "g,2020,12.345,official,s,,2021-01-10T00:00:00Z\ng,2023,12.3,official,s,,2024-01-10T00:00:00Z\n",
    )
    assert _targets()["rate-only"]["reason"] == "rate_without_milestone"
    assert "From 12.345% in 2020 to 12.3% in 2023 (-0.05 pp)." in _shown("rate-only")
    vi = " ".join(run_clean("--lang", "vi", "show", "rate-only").stdout.split())
    assert "(-0,05 điểm phần trăm)" in vi


# --- 2. A share of the target written as a per cent ---------------------------------------

SHARE = """\
version: 1
indicators:
  inv: {name: Investment, unit: bn VND, measure: flow}
targets:
  - {id: inv, type: cumulative, indicator: inv, at_least: 50000, from: 2021, to: 2025}
"""


def test_a_share_of_the_target_ending_in_five_is_rounded_half_away_from_zero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """At least 50,000 bn VND over 2021–2025, 2,575 in 2021, read on 2022-06-30: the share
    of the target is 2,575 / 50,000 = 0.0515 = 5.15 %, written 5.2 % at one decimal (half
    away from zero, as every figure); 1 / 5 = 20 % of the time; P = 0.0515 / 0.2 = 0.2575,
    limited progress, written 0.26. The floats' 0.0515 × 100 is 5.1499999999999995, which
    the table, `show` and the report wrote "5.1%"."""
    make_tracker(tmp_path, monkeypatch, SHARE, HEADER + "inv,2021,2575,official,s,,2022-01-10T00:00:00Z\n")
    t = _targets("--as-of", "2022-06-30")["inv"]
    assert t["details"]["share_of_target"] == 0.0515 and t["progress_value"] == 0.2575
    assert t["status"] == "limited_progress"
    table = _table("--as-of", "2022-06-30")
    assert "reached 5.2%" in table and "0.26" in table and "5.1%" not in table
    shown = _shown("inv", "--as-of", "2022-06-30")
    assert "Share of target 5.2%" in shown and "5.2% of the target after 20% of the time" in shown
    report = run_clean("report", "--format", "markdown", "--as-of", "2022-06-30").stdout
    assert "reached 5.2%" in report and "5.1%" not in report
    vi = " ".join(run_clean("--lang", "vi", "show", "inv", "--as-of", "2022-06-30").stdout.split())
    assert "5,2%" in vi and "5,1%" not in vi


# --- 3. A rate a year written as a per cent -----------------------------------------------

RATE = """\
version: 1
indicators:
  x: {name: Output, unit: t}
targets:
  - {id: up, indicator: x, baseline: 2020}
"""


def test_a_rate_a_year_ending_in_five_is_written_as_its_p_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A direction-only level target (method 1), 100 t in 2020 and 101.25 t in 2021: the
    achieved rate is 101.25 / 100 − 1 = 0.0125, 1.25 % a year, written +1.3 % at one
    decimal (half away from zero); P = 0.0125, moderate progress (0.005 ≤ P < 0.015), score
    250 × 0.0125 − 1.25 = 1.875, written 1.88. The floats' 1.0125 − 1 is
    0.012499999999999956, which `show` wrote "+1.2%/yr" beside its own P of 0.0125."""
    make_tracker(
        tmp_path,
        monkeypatch,
        RATE,
        HEADER + "x,2020,100,official,s,,2021-01-10T00:00:00Z\nx,2021,101.25,official,s,,2022-01-10T00:00:00Z\n",
    )
    t = _targets()["up"]
    assert t["progress_value"] == 0.0125 and t["status"] == "moderate_progress" and t["score"] == 1.875
    shown = _shown("up")
    assert "Achieved rate +1.3%/yr" in shown and "P / Score 0.0125 / 1.88" in shown
    assert "From 100 t in 2020 to 101.25 t in 2021: +1.3% a year." in shown
    vi = " ".join(run_clean("--lang", "vi", "show", "up").stdout.split())
    assert "+1,3%/năm" in vi and "+1,2%" not in vi


# --- 4. The shipped Quảng Ninh plan, every headline number by hand ------------------------


def test_the_shipped_level_targets_give_the_figures_worked_by_hand(shipped: Path):
    """CBCT share (docs/methodology.md, worked examples 1 and 3): base 9.8 % (2020), 12.3 %
    (2023). a = (12.3 / 9.8)^(1/3) − 1 = 1.255102^(1/3) − 1 = 0.078681; r(2025) = (15 /
    9.8)^(1/5) − 1 = 0.088862; P = 0.078681 / 0.088862 = 0.88542, moderate progress (0.60 ≤
    P < 0.95), score 7.1429 × 0.88542 − 4.2857 = 2.0388; gap 15 − 12.3 = 2.7; path 9.8 ×
    1.088862^3 = 12.6516, deviation 12.3 − 12.6516 = −0.3516; from now (15 / 12.3)^(1/2) − 1
    = 0.10432; projected 12.3 × 1.078681^2 = 14.3117; n = ln(15 / 12.3) / ln(1.078681) =
    0.19845 / 0.07574 = 2.62, so 2023 + 3 = 2026. 2030: r = (30 / 9.8)^(1/10) − 1 = 0.11838,
    P = 0.078681 / 0.11838 = 0.66465, score 7.1429 × 0.66465 − 4.2857 = 0.4618, gap 17.7,
    path 9.8 × 1.11838^3 = 13.7086, projected 12.3 × 1.078681^7 = 20.9005, n = ln(30 /
    12.3) / 0.07574 = 11.77, so 2035. Read on the shipped data's "today" (after 2025), the
    2025 milestone awaits its figure.

    GRDP per capita: 4,528 USD (2017) to 10,402 (2025), 10,000 by 2025, due and met on its
    deadline's figure: target achieved, score 5, gap 10,000 − 10,402 = −402; a = (10,402 /
    4,528)^(1/8) − 1 = 0.109561, r = (10,000 / 4,528)^(1/8) − 1 = 0.104108, P = 1.05238.

    Mining share, direction only (worked example 2): (17.3 / 21.3)^(1/5) − 1 = −0.040747;
    P = −1 × −0.040747 = 0.040747 ≥ 0.015, substantial progress, score min(500 × 0.040747 −
    5, 5) = 5; written at three significant digits, 0.0407."""
    t = _targets("--as-of", "2026-12-01")
    cbct = t["cbct-share"]
    assert cbct["status"] == "moderate_progress" and cbct["gap"] == 2.7
    assert cbct["progress_value"] == pytest.approx(0.88542, abs=5e-6)
    assert cbct["score"] == pytest.approx(2.0388, abs=5e-5)
    assert cbct["achieved_rate"] == pytest.approx(0.078681, abs=5e-7)
    m25, m30 = cbct["milestones"]
    assert m25["required_rate"] == pytest.approx(0.088862, abs=5e-7)
    assert m25["trajectory"] == pytest.approx(12.6516, abs=5e-5)
    assert m25["deviation"] == pytest.approx(-0.3516, abs=5e-5)
    assert m25["required_rate_from_latest"] == pytest.approx(0.10432, abs=5e-6)
    assert m25["projected"] == pytest.approx(14.3117, abs=5e-5)
    assert (m25["reached_in"], m25["awaiting_figure"], cbct["awaiting_figures"]) == ("2026", True, ["2025"])
    assert m30["required_rate"] == pytest.approx(0.11838, abs=5e-6)
    assert m30["progress_value"] == pytest.approx(0.66465, abs=5e-6)
    assert m30["score"] == pytest.approx(0.4618, abs=5e-5) and m30["gap"] == 17.7
    assert m30["trajectory"] == pytest.approx(13.7086, abs=5e-5)
    assert m30["projected"] == pytest.approx(20.9005, abs=5e-5) and m30["reached_in"] == "2035"
    pc = t["grdp-per-capita"]
    assert (pc["status"], pc["score"], pc["gap"]) == ("target_achieved", 5.0, -402.0)
    assert pc["progress_value"] == pytest.approx(1.05238, abs=5e-6)
    mining = t["mining-share"]
    assert mining["status"] == "substantial_progress" and mining["score"] == 5.0 and mining["gap"] is None
    assert mining["progress_value"] == pytest.approx(0.040747, abs=5e-7)
    table = _table("--as-of", "2026-12-01")
    assert "12.3% of GRDP (2023, estimate)" in table and "2.7 pp 0.89 Moderate progress" in table
    assert "10,402 USD (2025, estimate)" in table and "0.0407 Substantial progress" in table
    shown = _shown("cbct-share", "--as-of", "2026-12-01")
    assert "Trajectory 12.65% of GRDP (deviation -0.35 pp)" in shown and "Achieved rate +7.9%/yr" in shown


def test_the_shipped_spans_and_plans_give_the_figures_worked_by_hand(shipped: Path):
    """GRDP growth about 10 % a year 2021–2025 (worked example 5): G = 1.1028 × 1.1028 ×
    1.1103 × 1.0842 × 1.1189 = 1.63808; average = 1.63808^(1/5) − 1 = 10.374 % ≥ 10, every
    year in: target achieved, P = 10.374 / 10 = 1.0374, gap 10 − 10.374 = −0.374.

    CBCT value added 17 % a year on average: only 2021 (32.19 %) is in, average 32.19, P =
    32.19 / 17 = 1.89353, substantial progress; the four years without a figure need
    ((1.17^5 / 1.3219)^(1/4) − 1) × 100 = 13.4835 % a year; gap 17 − 32.19 = −15.19.

    Double-digit growth every year 2015–2025: 11 of the years pass "at least 10" but 2024
    (8.42): passed 10, failed 1, first failure 2024, streak 1 (2025 passed): not achieved.

    FDI plans: 622 / 1,500 = 41.4667 % (written 41.5 %), gap 878; 3,130 / 1,000 = 313 %;
    3,130 / 1,200 = 260.833 % (260.8 %); 2,877.8 / 3,000 = 95.9267 % (95.9 %), gap 122.2,
    on 2023's 3,130: 2,877.8 / 3,130 − 1 = −8.0575 %; 1,000 / 1,000 = 100 %. Budget 2025:
    82,235 / 57,330 = 143.4415 % (143.4 %). Growth plans are read in points: 2020, 10.05 −
    12 = −1.95; 2022, 10.28 − 11 = −0.72; 2024, 8.42 − 10 = −1.58; 2025, 11.89 − 14 = −2.11;
    2023, 11.03 − 11 = +0.03 (met)."""
    t = _targets("--as-of", "2026-12-01")
    avg = t["grdp-average-2021-2025"]
    assert avg["status"] == "target_achieved"
    assert avg["details"]["average"] == pytest.approx(10.374, abs=5e-4)
    assert avg["progress_value"] == pytest.approx(1.0374, abs=5e-5) and avg["gap"] == pytest.approx(-0.374, abs=5e-4)
    va = t["cbct-va-growth-2021-2025"]
    assert va["status"] == "substantial_progress"
    assert va["progress_value"] == pytest.approx(1.89353, abs=5e-6) and va["gap"] == -15.19
    assert va["details"]["required_rate_remaining"] == pytest.approx(13.4835, abs=5e-5)
    dd = t["grdp-double-digit"]["details"]
    assert (dd["passed"], dd["failed"], dd["first_failure"], dd["streak"]) == (10, 1, "2024", 1)
    assert t["grdp-double-digit"]["status"] == "not_achieved"
    plans = {k: t[k]["details"] for k in t if t[k]["type"] == "plan"}
    assert plans["fdi-plan-2022"]["percent_of_plan"] == pytest.approx(41.4667, abs=5e-5)
    assert t["fdi-plan-2022"]["gap"] == 878.0
    assert plans["fdi-plan-2023"]["percent_of_plan"] == 313.0
    assert plans["fdi-plan-2023-ubnd"]["percent_of_plan"] == pytest.approx(260.8333, abs=5e-5)
    assert plans["fdi-plan-2024"]["percent_of_plan"] == pytest.approx(95.9267, abs=5e-5)
    assert plans["fdi-plan-2024"]["change_on_same_period_last_year"] == pytest.approx(-8.0575, abs=5e-5)
    assert t["fdi-plan-2024"]["gap"] == 122.2 and plans["fdi-plan-2025"]["percent_of_plan"] == 100.0
    assert plans["budget-revenue-plan-2025"]["percent_of_plan"] == pytest.approx(143.4415, abs=5e-5)
    points = {y: plans[f"grdp-growth-plan-{y}"]["difference"] for y in (2020, 2022, 2023, 2024, 2025)}
    assert points == {2020: -1.95, 2022: -0.72, 2023: 0.03, 2024: -1.58, 2025: -2.11}
    assert all(plans[f"grdp-growth-plan-{y}"]["percent_of_plan"] is None for y in range(2017, 2026))
    table = _table("--as-of", "2026-12-01")
    for shown in ("reached 41.5%", "878 million USD", "reached 313%", "reached 260.8%", "reached 95.9%"):
        assert shown in table
    assert "reached 143.4%" in table and "1.95 pp" in table and "2.11 pp" in table


def test_the_shipped_counts_and_group_scores_agree_in_the_table_and_the_report(shipped: Path):
    """23 targets. Achieved (11): the 2021–2025 average, per capita, FDI 2023 (both), FDI
    2025, growth plans 2017, 2018, 2019, 2021, 2023, budget 2025. Substantial (2): CBCT value
    added (on the average so far), mining share. Moderate (1): CBCT share. Not achieved (7):
    double digit, FDI 2022 and 2024, growth plans 2020, 2022, 2024, 2025. Not available (2):
    CBCT investment (no figure), budget 2024 (no province-wide figure).

    Groups (mean score; a member missed for good counts −5, one achieved 5): Resolution
    01-NQ/TU (2.0388 + 5 + 5) / 3 = 4.01, substantial; five-year plan (5 + 5) / 2 = 5;
    annual socio-economic plans (6 × 5 − 5 × 5) / 11 = 0.4545, moderate (0.45); annual FDI
    plans (3 × 5 − 2 × 5) / 5 = 1, moderate."""
    counts = "23 targets — Target achieved: 11; Substantial progress: 2; Moderate progress: 1; Not achieved: 7; Not available: 2."
    assert counts in _table("--as-of", "2026-12-01")
    report = run_clean("report", "--format", "markdown", "--as-of", "2026-12-01").stdout
    assert counts in report
    assert "| Resolution 01-NQ/TU | 4 | 0 of 4 | **Substantial progress** | 4.01 |" in report
    assert "| Annual socio-economic plans | 12 | 6 of 12 | **Moderate progress** | 0.45 |" in report
    assert "| Annual FDI plans | 5 | 3 of 5 | **Moderate progress** | 1 |" in report
    vi = run_clean("--lang", "vi", "report", "--format", "markdown", "--as-of", "2026-12-01").stdout
    assert "23 mục tiêu — Đã đạt mục tiêu: 11; Tiến triển tốt: 2; Tiến triển vừa phải: 1; Không đạt: 7;" in vi
    assert "| 4,01 |" in vi and "| 0,45 |" in vi


def test_the_shipped_figures_keep_their_digits_in_vietnamese(shipped: Path):
    """The same numbers with a decimal comma and a thousands dot, not one digit changed:
    2,877.8 is 2.877,8; 10,402 is 10.402; 2.7 pp is 2,7 điểm %; 41.5 % is 41,5 %; 0.0407 is
    0,0407; 260.8 % is 260,8 %."""
    vi = " ".join(
        run_clean(
            "--lang", "vi", "status", "--format", "table", "--as-of", "2026-12-01", env={"COLUMNS": "220"}
        ).stdout.split()
    )
    for shown in ("2.877,8 triệu USD", "10.402 USD", "2,7 điểm %", "đạt 41,5%", "0,0407", "đạt 260,8%", "0,89"):
        assert shown in vi
    assert "2,877.8" not in vi and "41.5%" not in vi


# --- 5. The edge cases a statistician tries -----------------------------------------------

EDGES = """\
version: 1
indicators:
  growth: {name: Growth, unit: "%", measure: rate}
  debt: {name: Debt ratio, unit: "%", direction: decrease}
  net: {name: Net FDI, unit: million USD}
  deaths: {name: Road deaths, unit: people, direction: decrease}
  exports: {name: Exports, unit: million USD, measure: flow}
targets:
  - {id: dd, type: every_period, indicator: growth, at_least: 10, from: 2021, to: 2024}
  - {id: debt, indicator: debt, baseline: 2020, milestones: [{by: 2025, value: 50}]}
  - {id: net, indicator: net, baseline: 2020, milestones: [{by: 2025, value: -200}]}
  - {id: zero, indicator: deaths, baseline: 2020, milestones: [{by: 2030, value: 0}]}
  - {id: plan, type: plan, indicator: exports, period: 2023, value: 1000}
"""
EDGE_ROWS = HEADER + "".join(
    f"{row},s,,{day}T00:00:00Z\n"
    for row, day in (
        ("growth,2021,10.0,official", "2022-01-10"),
        ("growth,2022,9.95,official", "2023-01-10"),
        ("growth,2023,12.345,estimate", "2024-01-10"),
        ("growth,2023,12.355,official", "2024-06-10"),
        ("debt,2020,60,official", "2021-01-10"),
        ("debt,2023,45,official", "2024-01-10"),
        ("net,2020,-500,official", "2021-01-10"),
        ("net,2023,-350,official", "2024-01-10"),
        ("deaths,2020,8,official", "2021-01-10"),
        ("deaths,2023,4,official", "2024-01-10"),
        ("exports,2023,900,estimate", "2023-12-20"),
        ("exports,2023,1100,official", "2024-05-10"),
    )
)


def test_the_edge_cases_a_statistician_tries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Read on 2024-03-01 (between the estimates and their revisions) and on 2024-07-01.

    Double digit every year: 10.0 meets "at least 10" (bounds include their edge) and is
    written "10%"; 9.95 fails and is written 9.95, never rounded to 10; 2023 is the estimate
    12.345 on 2024-03-01 and the official 12.355 from 2024-06-10: not achieved either way,
    first failure 2022, streak 1.

    Debt ratio, lower is better, 60 (2020) to 45 (2023), 50 by 2025, passed ahead of its
    deadline: target achieved, gap 45 − 50 = −5; P = −1 × ((45 / 60)^(1/3) − 1) / |(50 /
    60)^(1/5) − 1| = 0.091440 / 0.035807 = 2.55365.

    Net FDI below zero, −500 (2020) to −350 (2023), −200 by 2025 (higher is better): a =
    (−350 / −500)^(1/3) − 1 = −0.112096 (the size's rate), r = (0.4)^(1/5) − 1 = −0.167447,
    P = sign × d × a / |r| = −1 × 1 × −0.112096 / 0.167447 = 0.66944, moderate progress,
    score 7.1429 × 0.669442 − 4.2857 = 0.49606; gap −200 − (−350) = 150.

    No road deaths by 2030, 8 (2020) to 4 (2023): absolute change, R = −8 / 10 = −0.8 a
    year, A = −4 / 3 = −1.3333, P = 1.3333 / 0.8 = 1.6667, substantial progress; gap 4.

    Exports plan 1,000 for 2023: on 2024-03-01 the estimate 900 is in force, 90 % of the
    plan, not achieved, gap 100; from 2024-05-10 the official 1,100, 110 %, achieved."""
    make_tracker(tmp_path, monkeypatch, EDGES, EDGE_ROWS)
    early = _targets("--as-of", "2024-03-01")
    late = _targets("--as-of", "2024-07-01")
    periods = {p["period"]: (p["value"], p["passed"]) for p in early["dd"]["details"]["periods"]}
    assert periods == {"2021": (10.0, True), "2022": (9.95, False), "2023": (12.345, True)}
    assert [p["value"] for p in late["dd"]["details"]["periods"]] == [10.0, 9.95, 12.355]
    for t in (early, late):
        assert t["dd"]["status"] == "not_achieved" and t["dd"]["details"]["first_failure"] == "2022"
    dd_text = _shown("dd", "--as-of", "2024-03-01")
    assert "2021 10% ✓ yes 2022 9.95% ✗ no 2023 12.345% ✓ yes" in dd_text
    debt = late["debt"]
    assert debt["status"] == "target_achieved" and debt["gap"] == -5.0
    assert debt["progress_value"] == pytest.approx(2.55365, abs=5e-6)
    net = late["net"]
    assert net["status"] == "moderate_progress" and net["gap"] == 150.0
    assert net["achieved_rate"] == pytest.approx(-0.112096, abs=5e-7)
    assert net["progress_value"] == pytest.approx(0.66944, abs=5e-6)
    assert net["score"] == pytest.approx(0.49606, abs=5e-6)
    zero = late["zero"]["milestones"][0]
    assert zero["method"] == "absolute_change" and zero["required_change"] == -0.8
    assert zero["achieved_change"] == pytest.approx(-4 / 3, rel=1e-12)
    assert late["zero"]["progress_value"] == pytest.approx(1.666667, abs=5e-7) and late["zero"]["gap"] == 4.0
    assert (early["plan"]["status"], early["plan"]["details"]["percent_of_plan"], early["plan"]["gap"]) == (
        "not_achieved",
        90.0,
        100.0,
    )
    assert (late["plan"]["status"], late["plan"]["details"]["percent_of_plan"]) == ("target_achieved", 110.0)
    assert "900 million USD (2023, estimate)" in _table("--as-of", "2024-03-01")
    net_text = _shown("net", "--as-of", "2024-07-01")
    assert "-11.2% a year in size (the figure without its minus sign)" in net_text
    assert "P / Score 0.67 / 0.5" in net_text


def test_a_withdrawn_figure_leaves_the_one_known_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Share 10 % (2020, stated), 13.5 % (2023), 15 % by 2025; 2025 estimated at 15.0
    (2026-01-10), revised to 14.95 (2026-06-10), then withdrawn (2026-09-01).

    On 2026-03-01: 15.0 meets 15, target achieved, P = 1 (a = r). On 2026-08-01: 14.95 < 15
    on the deadline's figure, not achieved, gap 0.05, P = ((1.495)^(1/5) − 1) / ((1.5)^(1/5) −
    1) = 0.083747 / 0.084472 = 0.99143. From 2026-09-01 no 2025 figure is in force (the
    withdrawn figure does not bring back the estimate): the milestone awaits its figure and
    is read on 2023: a = (13.5 / 10)^(1/3) − 1 = 0.105209, P = 0.105209 / 0.084472 = 1.2455,
    substantial progress, gap 15 − 13.5 = 1.5."""
    plan = (
        'version: 1\nindicators:\n  s: {name: Share, unit: "%"}\ntargets:\n'
        "  - {id: s15, indicator: s, baseline: {period: 2020, value: 10}, milestones: [{by: 2025, value: 15}]}\n"
    )
    rows = HEADER + "".join(
        f"s,{p},{v},{k},s,,{d}T00:00:00Z\n"
        for p, v, k, d in (
            (2023, "13.5", "official", "2024-01-10"),
            (2025, "15.0", "estimate", "2026-01-10"),
            (2025, "14.95", "official", "2026-06-10"),
            (2025, "", "retracted", "2026-09-01"),
        )
    )
    make_tracker(tmp_path, monkeypatch, plan, rows)
    before = _targets("--as-of", "2026-03-01")["s15"]
    assert (before["status"], before["progress_value"], before["gap"]) == ("target_achieved", 1.0, 0.0)
    revised = _targets("--as-of", "2026-08-01")["s15"]
    assert revised["status"] == "not_achieved" and revised["gap"] == 0.05
    assert revised["progress_value"] == pytest.approx(0.99143, abs=5e-6)
    now = _targets("--as-of", "2026-12-01")["s15"]
    assert now["status"] == "substantial_progress" and now["gap"] == 1.5 and now["awaiting_figures"] == ["2025"]
    assert now["progress_value"] == pytest.approx(1.2455, abs=5e-5)
    assert [w["value"] for w in now["withdrawn"]] == [14.95]


def test_the_reports_milestones_table_needs_nothing_from_now_of_a_deadline_past(shipped: Path):
    """The CBCT share read on 2026-12-01: the 2025 milestone's deadline has passed with no
    2025 figure (docs/methodology.md, worked example 3: "nothing is 'needed from now'"), so
    its "Needed from now" cell is "–", as `show` gives no such row; the report's table wrote
    +10.4%/yr, (15 / 12.3)^(1/2) − 1, the pace 2024 and 2025 needed, under "Needed from now"
    a year after 2025 ended. The 2030 milestone, still ahead, needs (30 / 12.3)^(1/7) − 1 =
    0.13584, +13.6%/yr."""
    report = run_clean("report", "--format", "markdown", "--as-of", "2026-12-01").stdout
    row25 = next(line for line in report.splitlines() if line.startswith("| 15% of GRDP by 2025 |"))
    row30 = next(line for line in report.splitlines() if line.startswith("| 30% of GRDP by 2030 |"))
    cells25 = [c.strip() for c in row25.strip("|").split("|")]
    cells30 = [c.strip() for c in row30.strip("|").split("|")]
    # Milestone, Status, P, Score, Gap, Required rate, Trajectory, Deviation, Needed from now, ...
    assert cells25[5] == "+8.9%/yr" and cells25[8] == "–" and cells25[9] == "14.31% of GRDP"
    assert cells30[8] == "+13.6%/yr"
    shown = _shown("cbct-share", "--as-of", "2026-12-01")
    assert "Needed from now +13.6%/yr" in shown and "+10.4%" not in shown and "+10.5%" not in shown


def test_an_open_sdg_options_deviation_is_taken_as_a_levels_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An Open SDG option on the index of the first test: base 100 (2020), target 121 by
    2022, 110.015 in 2021. Its P is Open SDG's, as published; the path and the deviation
    beside it are qntrack's, and read as a level target's: 100 × 1.1 = 110 in 2021,
    deviation 110.015 − 110 = 0.015, written +0.02 (the floats: 0.014999999999986358, "+0.01")."""
    plan = (
        "version: 1\nindicators:\n  index: {name: Output index, unit: points}\ntargets:\n"
        "  - {id: sdg, type: open_sdg, indicator: index, base_year: 2020, target: 121, target_year: 2022}\n"
    )
    rows = (
        HEADER
        + "index,2020,100,official,s,,2021-01-10T00:00:00Z\nindex,2021,110.015,official,s,,2022-01-10T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, plan, rows)
    m = _targets("--as-of", "2022-06-30")["sdg"]["milestones"][0]
    assert m["trajectory"] == pytest.approx(110, abs=1e-12) and m["deviation"] == 0.015
    assert "(deviation +0.02 points)" in _shown("sdg", "--as-of", "2022-06-30")


def test_a_projection_just_short_of_its_milestone_is_not_written_as_the_milestone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Base 10 % (2020), 12.7521 % in 2023, 15 % by 2025, read on 2024-06-30. a = (12.7521 /
    10)^(1/3) − 1 = 0.0844108; projected 2025 = 12.7521 × 1.0844108^2 = 14.99580, short of
    15: two decimals write it "15", so it is written where it differs from 15, 14.996 (as a
    latest figure of 14.999 is beside a milestone of 15: docs/methodology.md, "Gap"). `show`
    said "At this pace it reaches 15% in 2025, short of 15%". r = 1.5^(1/5) − 1 = 0.0844718,
    P = 0.0844108 / 0.0844718 = 0.99928, substantial progress, written 0.999."""
    plan = (
        'version: 1\nindicators:\n  s: {name: Share, unit: "%"}\ntargets:\n'
        "  - {id: s, indicator: s, baseline: {period: 2020, value: 10}, milestones: [{by: 2025, value: 15}]}\n"
    )
    make_tracker(tmp_path, monkeypatch, plan, HEADER + "s,2023,12.7521,official,s,,2024-01-10T00:00:00Z\n")
    m = _targets("--as-of", "2024-06-30")["s"]["milestones"][0]
    assert m["projected"] == pytest.approx(14.9958, abs=5e-5) and m["status"] == "substantial_progress"
    shown = _shown("s", "--as-of", "2024-06-30")
    assert "At this pace it reaches 14.996% in 2025, short of 15%" in shown
    assert "Projected 14.996% (2025)" in shown and "P / Score 0.999" in shown
    report = run_clean("report", "--format", "markdown", "--as-of", "2024-06-30").stdout
    row = next(line for line in report.splitlines() if line.startswith("| 15% by 2025 |"))
    assert "| 14.996% |" in row
    vi = " ".join(run_clean("--lang", "vi", "show", "s", "--as-of", "2024-06-30").stdout.split())
    assert "14,996%" in vi


def test_a_plans_year_to_date_says_its_per_cent_and_its_fraction_as_json_md_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """FDI plan 1,500 for 2024, 600.75 by 2024-H1, read on 2024-08-01: 600.75 / 1,500 =
    40.05 % of the plan (a per cent, written 40.1 %, half away from zero) after 6 / 12 = 0.5
    of the year (a fraction); P = 0.4005 / 0.5 = 0.801, moderate progress, score 7.1429 ×
    0.801 − 4.2857 = 1.43576, written 1.44; gap 1,500 − 600.75 = 899.25."""
    plan = (
        "version: 1\nindicators:\n  fdi: {name: FDI, unit: million USD, measure: flow, frequency: month}\n"
        "targets:\n  - {id: p, type: plan, indicator: fdi, period: 2024, value: 1500}\n"
    )
    make_tracker(tmp_path, monkeypatch, plan, HEADER + "fdi,2024-H1,600.75,estimate,s,,2024-07-10T00:00:00Z\n")
    t = _targets("--as-of", "2024-08-01")["p"]
    ytd = t["details"]["year_to_date"]
    assert (ytd["percent_of_plan"], ytd["share_of_time"]) == (40.05, 0.5)
    assert (t["progress_value"], t["status"], t["gap"]) == (0.801, "moderate_progress", 899.25)
    assert t["score"] == pytest.approx(1.43576, abs=5e-6)
    shown = _shown("p", "--as-of", "2024-08-01")
    assert "40.1% of the annual plan after 50% of the year" in shown and "0.8 / 1.44" in shown


def test_the_rate_the_remaining_years_need_is_not_written_as_the_bound_it_exceeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """At least 10 % a year on average over 2021–2022, 9.9996 % in 2021, read on 2022-06-30:
    the average so far is 9.9996 %, and 2022 needs 1.1^2 / 1.099996 − 1 = 1.21 / 1.099996 −
    1 = 10.0004 % (0.1000400001), which four decimals write 10.0005 %, rounded up so that it
    suffices (forty-first session). Two decimals write it "10%", the bound, and 10 % in 2022
    would leave the average at (1.099996 × 1.1)^(1/2) − 1 = 9.9998 %, short: so it is
    written where it differs from the bound, 10.0004 %. `show` and the report said "needs
    at least 10% a year"."""
    plan = (
        'version: 1\nindicators:\n  g: {name: Growth, unit: "%", measure: rate}\ntargets:\n'
        "  - {id: avg, type: average, indicator: g, at_least: 10, from: 2021, to: 2022}\n"
    )
    make_tracker(tmp_path, monkeypatch, plan, HEADER + "g,2021,9.9996,official,s,,2022-01-10T00:00:00Z\n")
    d = _targets("--as-of", "2022-06-30")["avg"]["details"]
    assert d["required_rate_remaining"] == pytest.approx(10.0004, abs=5e-7)
    shown = _shown("avg", "--as-of", "2022-06-30")
    assert "Needed in remaining years 10.0005%" in shown
    assert "The remaining year needs at least 10.0005% a year" in shown
    report = run_clean("report", "--format", "markdown", "--as-of", "2022-06-30").stdout
    assert "| Needed in the remaining years | 10.0005% |" in report
    late = _shown("avg", "--as-of", "2023-06-30")
    assert "10.0005%" in late and "needs at least 10% " not in late
