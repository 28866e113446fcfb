"""A statistician auditing every number printed, after the twentieth session's display
changes (issue 17, twentieth session): each test written first and seen failing
(docs/decisions.md, "A statistician auditing every number printed"). Every expected value
is worked out by hand in the comment beside it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import STORE_HEADER, dedent, make_tracker
from helpers import run

AUDIT_TARGETS = dedent(
    """
    version: 1
    title: "Audit"
    indicators:
      amt:
        name: "Amount"
        unit: "billion VND"
        direction: increase
      big:
        name: "Revenue"
        unit: "dong"
        direction: increase
      pov:
        name: "Poverty rate"
        unit: "%"
        direction: decrease
      g:
        name: "Growth"
        unit: "% y/y"
        direction: increase
      tiny:
        name: "Tiny amount"
        unit: "billion VND"
        direction: increase
      acc:
        name: "Accumulated"
        unit: "billion VND"
        direction: increase
    targets:
      - id: plan-near
        type: plan
        indicator: amt
        period: 2021
        value: 30.00003
      - id: big-plan
        type: plan
        indicator: big
        period: 2021
        value: 1000000000000
      - id: pov-plan
        type: plan
        indicator: pov
        period: 2021
        value: 2.9999
      - id: pov-level
        indicator: pov
        baseline: {period: 2020, value: 10}
        milestones:
          - {by: 2030, value: 5}
      - id: avg
        type: average
        indicator: g
        at_least: 10
        from: 2021
        to: 2025
      - id: tiny-plan
        type: plan
        indicator: tiny
        period: 2021
        value: 0.0002
      - id: cum
        type: cumulative
        indicator: acc
        at_least: 100
        from: 2021
        to: 2025
    """
)

AUDIT_OBSERVATIONS = (
    STORE_HEADER
    + "amt,2021,30,official,src,,2022-01-10T00:00:00Z\n"
    + "big,2021,999999999999.9,official,src,,2022-01-10T00:00:00Z\n"
    + "pov,2020,10,official,src,,2021-01-10T00:00:00Z\n"
    + "pov,2021,3,official,src,,2022-01-10T00:00:00Z\n"
    + "g,2021,10,official,src,,2022-01-10T00:00:00Z\n"
    + "g,2022,10,official,src,,2023-01-10T00:00:00Z\n"
    + "g,2023,9.99,official,src,,2024-01-10T00:00:00Z\n"
    + "tiny,2021,0.0001,official,src,,2022-01-10T00:00:00Z\n"
    + "acc,2021,25.9998,official,src,,2022-01-10T00:00:00Z\n"
)


@pytest.fixture
def audit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, AUDIT_TARGETS, AUDIT_OBSERVATIONS)


# --- 1. A plan's sentence writes its plan as typed ------------------------------------------


def test_the_plans_sentence_never_writes_the_plan_as_the_result(audit: Path):
    # 30 of a plan of 30.00003: 30 / 30.00003 = 99.9999 % (0.9999990000...), not achieved.
    # The key figures say "Plan 30.00003 billion VND" and "Result 30 billion VND"; the
    # sentence said "30 billion VND, 99.9999% of the plan (30 billion VND)": the plan
    # written as the result it was missed by. At the decimals where the figure, the plan
    # and their difference agree (30.00000 - 30.00003 = -0.00003: five), the plan is
    # 30.00003 and the result 30.
    r = run("report", "--format", "markdown", "plan-near")
    assert r.exit_code == 0, r.output
    assert "- 2021: 30 billion VND, 99.9999% of the plan (30.00003 billion VND)." in r.stdout
    vi = run("--lang", "vi", "report", "--format", "markdown", "plan-near")
    assert "bằng 99,9999% kế hoạch (30,00003 billion VND)" in vi.stdout


# --- 2. An average's tiny gap is at the average's decimals -----------------------------------


def test_an_averages_tiny_gap_is_written_at_the_averages_decimals(audit: Path):
    # Average of 10, 10 and 9.99 % a year: (1.1 × 1.1 × 1.0999)^(1/3) − 1.
    # 1.1 × 1.1 × 1.0999 = 1.330879 = 1.1^3 × (1 − u), u = 0.000121 / 1.331 = 0.0000909091;
    # ln(1 − u) = −u − u²/2 = −0.0000909132, a third of it −0.0000303044, exp of that
    # 0.9999696961; × 1.1 = 1.0999666657: 9.99666657 %. Written where it differs from its
    # bound of 10: three decimals, 9.997. Gap 10 − 9.99666657 = 0.00333343, a computed
    # figure (twelve significant digits kept): at the average's three decimals "0.003 pp",
    # never "0.00333343435 pp" (eleven decimals, more than any figure it comes from has).
    table = run("status", "--format", "table", "avg")
    assert table.exit_code == 0, table.output
    assert "0.003 pp" in table.stdout
    assert "0.0033" not in table.stdout
    show = run("show", "avg")
    assert "9.997% y/y (3/5)" in show.stdout
    assert "0.003 pp" in show.stdout and "0.0033" not in show.stdout
    md = run("report", "--format", "markdown", "avg")
    assert "| 0.003 pp |" in md.stdout and "0.0033" not in md.stdout
    # JSON keeps the full gap: 10 − 9.99666657 (the average at twelve digits).
    doc = json.loads(run("status", "--format", "json", "avg").stdout)
    assert doc["targets"][0]["gap"] == pytest.approx(0.00333343, abs=1e-8)


# --- 3. The workbook's formats: large and tiny figures ---------------------------------------


def test_the_workbook_writes_large_and_tiny_figures_at_their_decimals(audit: Path):
    # 999,999,999,999.9 dong against a plan of 1,000,000,000,000: "#,##0" showed it as
    # 1,000,000,000,000, the plan it missed by 0.1 (the format's test of "a whole number"
    # allowed 1e-9 of the figure's size, 1,000 at 1e12). One decimal: "#,##0.0".
    # A figure of 0.0001 billion VND was "#,##0.00", 0.00; every table writes it 0.0001.
    import openpyxl

    r = run("report", "-o", "r.xlsx")
    assert r.exit_code == 0, r.output
    book = openpyxl.load_workbook("r.xlsx")
    rows = {row[2].value: row for row in book.worksheets[0].iter_rows(min_row=2)}
    assert rows["big-plan"][7].value == 999999999999.9
    assert rows["big-plan"][7].number_format == "#,##0.0"
    formats = {(row[0].value, row[3].value): row[4].number_format for row in book["Figures"].iter_rows(min_row=2)}
    assert formats[("Revenue", "2021")] == "#,##0.0"
    assert formats[("Tiny amount", "2021")] == "#,##0.0000"


# --- 4. A percent of plan just above 100 -----------------------------------------------------


def test_a_percent_of_plan_just_above_100_is_not_written_100(audit: Path):
    # Poverty, lower is better: 3 % against a plan of 2.9999 %: not achieved, 3 / 2.9999 =
    # 100.0033 % of the plan (1 + 0.0001 / 2.9999 = 1.000033334). One decimal wrote it
    # "100%", the plan met, beside "Not achieved"; at the decimals where it differs from
    # 100 it is 100.003 %.
    show = run("show", "pov-plan")
    assert show.exit_code == 0, show.output
    assert "Not achieved" in show.stdout
    assert "100.003%" in show.stdout and "100%" not in show.stdout
    vi = run("--lang", "vi", "show", "pov-plan")
    assert "100,003%" in vi.stdout and "100%" not in vi.stdout
    md = run("report", "--format", "markdown", "pov-plan")
    assert "100.003%" in md.stdout and "100%" not in md.stdout


# --- 5. No negative zero in JSON or CSV -----------------------------------------------------


def test_a_lower_is_better_series_that_did_not_move_has_p_zero_not_minus_zero():
    # P = sign × d × a / |r| with d = −1 and a = (10 / 10)^(1/1) − 1 = 0: −1 × 0 is −0.0
    # in floating point, which JSON and CSV wrote "-0.0". P is 0 (limited progress, score
    # 4.1667 × 0 − 2.5 = −2.5).
    from qntrack.method.progress import measure

    p = measure(
        base_year=2020,
        base_value=10.0,
        current_year=2021,
        current_value=10.0,
        increase=False,
        target=5.0,
        target_year=2030,
    )
    assert p.progress_value == 0.0
    assert str(p.progress_value) == "0.0"


def test_no_minus_zero_in_the_json_or_csv_of_a_series_that_did_not_move(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # The same through status: poverty 10 % in 2020 and 2021, lower is better, 5 % by 2030.
    obs = (
        STORE_HEADER
        + "pov,2020,10,official,src,,2021-01-10T00:00:00Z\npov,2021,10,official,src,,2022-01-10T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, AUDIT_TARGETS, obs)
    doc = json.loads(run("status", "--format", "json", "pov-level").stdout)
    assert doc["targets"][0]["progress_value"] == 0
    assert doc["targets"][0]["status"] == "limited_progress"
    text = run("status", "--format", "json", "pov-level").stdout
    assert re.search(r"-0\.0(?![0-9])", text) is None  # -0.0, not -0.0669... (a rate)
    csv = run("status", "--format", "csv", "pov-level").stdout
    assert re.search(r"-0\.0(?![0-9])", csv) is None


# --- 6. A score just below 5 ------------------------------------------------------------------


def test_a_score_just_below_five_is_not_written_five(audit: Path):
    # Cumulative, at least 100 over 2021–2025, 25.9998 in 2021, as of 2023-01-01 (one of
    # five years: share of time 0.2): P = (25.9998 / 100) / 0.2 = 1.29999; substantial
    # progress (total < 100: not achieved). Score min(7.1429 × 1.29999 − 4.2857, 5) =
    # 9.285698571 − 4.2857 = 4.999998571: "5" at two decimals, the score of a target
    # achieved; written where it differs from 5: 4.999999 (six decimals, 4.9999985 rounded
    # half up).
    show = run("show", "cum", "--as-of", "2023-01-01")
    assert show.exit_code == 0, show.output
    assert "Substantial progress" in show.stdout
    assert "1.3 / 4.999999" in show.stdout
    table = run("status", "--format", "table", "--as-of", "2023-01-01", "cum")
    assert "1.3" in table.stdout


# --- 7. A direction-only P just below its 0.005 edge ------------------------------------------

DIRECTION_TARGETS = dedent(
    """
    version: 1
    title: "Direction"
    indicators:
      x:
        name: "Exports"
        unit: "million USD"
        direction: increase
    targets:
      - id: dir
        indicator: x
    """
)


def test_a_direction_only_p_just_below_its_edge_is_not_written_on_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # No milestone, no limit: method 1, P = the achieved yearly rate, edges 0.015 and 0.005.
    # 100 (2020) to 100.49996 (2021): P = 100.49996 / 100 − 1 = 0.0049996 < 0.005: limited
    # progress. The small-number rule wrote it "0.005" (two significant digits), the
    # moderate edge; written where it differs from 0.005: 0.0049996 (seven decimals).
    obs = (
        STORE_HEADER
        + "x,2020,100,official,s,,2021-01-10T00:00:00Z\nx,2021,100.49996,official,s,,2022-01-10T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, DIRECTION_TARGETS, obs)
    table = run("status", "--format", "table")
    assert table.exit_code == 0, table.output
    assert "Limited progress" in table.stdout
    assert "0.0049996" in table.stdout
    show = run("show", "dir")
    assert "0.0049996 / " in show.stdout
    vi = run("--lang", "vi", "show", "dir")
    assert "0,0049996 / " in vi.stdout


# --- 8. One target is "1 target" ---------------------------------------------------------------


def test_a_report_of_one_target_says_1_target(audit: Path):
    # The report's first line counts its sections: one target ("plan-near" alone) read
    # "1 targets"; English "1 target", Vietnamese "1 mục tiêu" (no plural). Two read "2 targets".
    one = run("report", "--format", "markdown", "plan-near")
    assert one.exit_code == 0, one.output
    assert " · 1 target\n" in one.stdout
    two = run("report", "--format", "markdown", "plan-near", "big-plan")
    assert " · 2 targets\n" in two.stdout
    vi = run("--lang", "vi", "report", "--format", "markdown", "plan-near")
    assert " · 1 mục tiêu\n" in vi.stdout


# --- 9. A plan chart's bars are labelled at the figures' decimals -------------------------------


def _texts(svg: str) -> list[str]:
    return [re.sub(r"<[^>]*>", "", t) for t in re.findall(r"<text[^>]*>[^<]*</text>", svg)]


def test_a_plan_charts_bars_are_labelled_at_the_key_figures_decimals(audit: Path):
    # plan-near: the plan's bar is 30.00003, the result's 30 (their difference −0.00003
    # agrees at five decimals); both bars were labelled "30". pov-plan: 2.9999 and 3 (four
    # decimals), labelled "3" and "3". Vietnamese: 30,00003 and 2,9999.
    r = run("report", "--format", "markdown", "-o", "r.md", "plan-near", "pov-plan")
    assert r.exit_code == 0, r.output
    near = _texts(Path("r-charts/plan-near.svg").read_text(encoding="utf-8"))
    assert "30.00003" in near
    pov = _texts(Path("r-charts/pov-plan.svg").read_text(encoding="utf-8"))
    assert "2.9999" in pov
    vi = run("--lang", "vi", "report", "--format", "markdown", "-o", "v.md", "plan-near")
    assert vi.exit_code == 0, vi.output
    assert "30,00003" in _texts(Path("v-charts/plan-near.svg").read_text(encoding="utf-8"))


# --- 10. A chart's axis never repeats one label ---------------------------------------------


def test_a_narrow_charts_axis_labels_are_all_different(audit: Path):
    # avg's chart plots 10, 10 and 9.99, the bound 10 and the average 9.997: a scale from
    # 9.99 less 8 % of its 0.01 to 10 plus as much (about 9.9892 to 10.0008), whose ticks a
    # thousandth apart were all written at two decimals: "9.99" five times, then "10" six
    # times. At the decimals of a twentieth of the scale (0.0116 / 20 = 0.00058: four),
    # each tick reads as itself.
    r = run("report", "--format", "markdown", "-o", "r.md", "avg")
    assert r.exit_code == 0, r.output
    svg = Path("r-charts/avg.svg").read_text(encoding="utf-8")
    ticks = [t for t in _texts(svg) if re.fullmatch(r"[0-9.]+", t) and not re.fullmatch(r"20[0-9]{2}", t)]
    assert len(ticks) >= 3, ticks
    assert len(ticks) == len(set(ticks)), ticks


# --- 11. Bounds, plans and Open SDG targets at their typed decimals, everywhere ------------------

TYPED_TARGETS = dedent(
    """
    version: 1
    title: "Typed"
    indicators:
      g: {name: "Growth", unit: "% y/y", direction: increase}
      s: {name: "Share", unit: "%", direction: increase}
      amt: {name: "Amount", unit: "billion VND", direction: increase}
      acc: {name: "Accumulated", unit: "billion VND", direction: increase, frequency: half}
    targets:
      - {id: avg, type: average, indicator: g, at_least: 10.005, from: 2021, to: 2025}
      - {id: every, type: every_period, indicator: g, at_least: 10.005, from: 2021, to: 2025}
      - {id: sdg, type: open_sdg, indicator: s, target: 15.299, target_year: 2030, base_year: 2020}
      - {id: plan, type: plan, indicator: amt, period: 2021, value: 30.00003}
      - {id: cum, type: cumulative, indicator: acc, at_least: 20.005, from: 2021, to: 2025}
    """
)

TYPED_OBSERVATIONS = (
    STORE_HEADER
    + "g,2021,10.01,official,s,,2022-01-10T00:00:00Z\n"
    + "s,2020,10,official,s,,2021-01-10T00:00:00Z\n"
    + "s,2021,11,official,s,,2022-01-10T00:00:00Z\n"
    + "amt,2021,30,official,s,,2022-01-10T00:00:00Z\n"
    + "acc,2021,10,official,s,,2022-01-10T00:00:00Z\n"
    + "acc,2022-H1,15,estimate,s,,2022-07-10T00:00:00Z\n"
)


def test_bounds_plans_and_targets_are_written_as_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A bound typed 10.005 (three decimals) was written "10.01" (two, rounded half up): a
    # bound not set, in the status table's goal, the report's summary and the sentences
    # ("target: at least 10.01% a year", "periods passed (at least 10.01%)"). A plan of
    # 30.00003 read "30 billion VND in 2021 (annual plan)" and an Open SDG target of 15.299
    # "Reach 15.3% by 2030" in "What the target says"; a cumulative target of 20.005, passed
    # by 10 + 15 = 25 with 2022-H1, "already beyond the target of 20.01". Each is written as
    # typed.
    make_tracker(tmp_path, monkeypatch, TYPED_TARGETS, TYPED_OBSERVATIONS)
    table = run("status", "--format", "table", "--as-of", "2023-01-01", env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    assert "≥ 10.005% y/y, 2021–2025" in table.stdout
    assert "10.01% y/y, 2021" not in table.stdout
    md = run("report", "--format", "markdown", "--as-of", "2023-01-01").stdout
    assert "| ≥ 10.005% y/y, 2021–2025 |" in md
    assert "(target: at least 10.005% a year)" in md
    assert "(at least 10.005%)" in md
    assert "**What the target says:** 30.00003 billion VND in 2021 (annual plan)." in md
    assert "**What the target says:** Reach 15.299% by 2030" in md
    assert "already beyond the target of 20.005 billion VND" in md
    # The figure 10.01 itself is written (its unit joined to it since the forty-second
    # session: "10.01% y/y (2021)", "average | 10.01% y/y"); the bound never.
    for bound in ("≥ 10.01%", "least 10.01%", "at least 10.01 ", "most 10.01%"):
        assert bound not in md, bound
    vi = run("--lang", "vi", "report", "--format", "markdown", "--as-of", "2023-01-01").stdout
    assert "≥ 10,005% y/y, 2021–2025" in vi
    assert "Kế hoạch năm 2021: 30,00003 billion VND." in vi


# --- 12. A plan below zero during the year: its plan as typed ------------------------------------

DEFICIT_TARGETS = dedent(
    """
    version: 1
    title: "Deficit"
    indicators:
      bal: {name: "Budget balance", unit: "billion VND", measure: flow, frequency: half, direction: increase}
    targets:
      - {id: bal-plan, type: plan, indicator: bal, period: 2025, value: -50.005}
    """
)


def test_a_plan_below_zero_during_the_year_quotes_its_plan_as_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A flow planned at −50.005 for 2025, −20 after 2025-H1 (half of the year: 50 %). The
    # sentence quoted the plan at two decimals, rounded half away from zero: "-50.01", a
    # plan not set. As typed: −50.005. (The pace's figure, −50.005 × 0.5 = −25.0025, is
    # computed and stays at two decimals: −25.)
    obs = STORE_HEADER + "bal,2025-H1,-20,estimate,s,,2025-07-10T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, DEFICIT_TARGETS, obs)
    md = run("report", "--format", "markdown", "--as-of", "2025-08-01")
    assert md.exit_code == 0, md.output
    assert "at the pace of the plan for the year (-50.005 billion VND) it would be -25 billion VND" in md.stdout
    # The summary's goal and the key figures' plan, where no difference is written beside
    # it to agree with, likewise.
    assert "| -50.005 billion VND (2025) |" in md.stdout
    assert "| Plan | -50.005 billion VND (2025) |" in md.stdout
    assert "-50.01" not in md.stdout
