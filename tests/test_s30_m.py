"""The method's leftovers, each checked by hand (issue 17, thirtieth session, helper M).

Each test builds a small plan and checks what qntrack prints against figures worked out
by hand in its docstring (docs/methodology.md, section cited), never copied from the
code's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

HEADER = "indicator,period,value,status,source,note,recorded_at\n"
AT = "2020-01-01T00:00:00+07:00"


def _rows(*rows: str, at: str = AT) -> str:
    return HEADER + "".join(f"{r},,,,{at}\n" for r in rows)


def _shown(*args: str) -> str:
    """``show``'s text with its lines joined: a sentence may wrap at any word."""
    return " ".join(run_clean("show", *args, env={"COLUMNS": "200"}).stdout.split())


def _targets(*args: str) -> dict[str, dict]:
    r = run_clean("status", "--format", "json", *args)
    assert r.exit_code == 0, r.output
    return {t["id"]: t for t in json.loads(r.stdout)["targets"]}


# --- 1. A finished span names the periods actually missing ------------------------------

SPANS = """\
version: 1
indicators:
  g: {name: Growth, unit: "%", measure: rate}
  inv: {name: Investment, unit: bn VND, measure: flow}
targets:
  - {id: avg, type: average, indicator: g, at_least: 10, from: 2021, to: 2025}
  - {id: cum, type: cumulative, indicator: inv, at_least: 1000, from: 2021, to: 2025}
  - {id: ep, type: every_period, indicator: g, at_least: 10, from: 2021, to: 2025}
"""
SPAN_ROWS = _rows("g,2021,11", "g,2023,12", "g,2025,9", "inv,2021,100", "inv,2023,100", "inv,2025,100")


def test_a_finished_span_names_the_years_missing_not_its_last_year_which_is_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """docs/methodology.md, "Deadlines passed without a figure" and "Average over a span",
    "Cumulative over a span". 2021-2025, figures for 2021, 2023 and 2025, read on
    2026-06-30: the span is over and 2022 and 2024 have no figure; 2025 has one.

    Average: (1.11 x 1.12 x 1.09)^(1/3) - 1 = 1.355088^(1/3) - 1 = 10.660 % (ln 1.355088 =
    0.303866, / 3 = 0.101289, e^0.101289 = 1.10660), at least 10: substantial progress
    while two years are unknown. Cumulative: 100 + 100 + 100 = 300 of 1,000 = 0.3 after
    5 / 5 of the span, P = 0.3, limited progress (0 <= 0.3 < 0.6). Both name 2022 and
    2024 as awaited, as the every-period target of the same years does; "2025" was named
    though its figure is in."""
    make_tracker(tmp_path, monkeypatch, SPANS, SPAN_ROWS)
    t = _targets("--as-of", "2026-06-30")
    assert t["avg"]["details"]["average"] == pytest.approx(10.660, abs=1e-3)
    assert t["avg"]["status"] == "substantial_progress"
    assert t["cum"]["details"]["total"] == 300 and t["cum"]["progress_value"] == pytest.approx(0.3)
    assert t["cum"]["status"] == "limited_progress"
    for tid in ("avg", "cum", "ep"):
        assert t[tid]["awaiting_figures"] == ["2022", "2024"], tid
    csv = run_clean("status", "--format", "csv", "--as-of", "2026-06-30").stdout.splitlines()
    head = csv[0].split(",")
    for line in csv[1:]:
        assert line.split(",")[head.index("awaiting_figures")] == "2022;2024", line
    shown = run_clean("show", "avg", "--as-of", "2026-06-30").stdout
    assert "Deadlines passed, figure awaited  2022, 2024" in shown, shown
    table = run_clean("status", "--format", "table", "--as-of", "2026-06-30", env={"COLUMNS": "200"}).stdout
    assert table.count("awaiting figure 2022, 2024") == 3, table
    # The headline's list names them beside the target too (a span's end, in its name, was not).
    md = run_clean("report", "--format", "markdown", "--as-of", "2026-06-30").stdout
    assert "(2022, 2024)](#t-avg)" in md and "(2022, 2024)](#t-cum)" in md, md


def test_a_span_still_running_awaits_nothing_and_one_with_no_figure_awaits_every_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """While 2021-2025 runs (2025-06-30), nothing is awaited by the span kinds (their
    deadline is the span's end; an every-period target awaits 2022 and 2024, each over).
    With no figure at all on 2026-06-30, every year of the span is awaited, 2021-2025."""
    make_tracker(tmp_path, monkeypatch, SPANS, SPAN_ROWS)
    t = _targets("--as-of", "2025-06-30")
    assert t["avg"]["awaiting_figures"] == [] and t["cum"]["awaiting_figures"] == []
    assert t["ep"]["awaiting_figures"] == ["2022", "2024"]
    make_tracker(tmp_path, monkeypatch, SPANS, HEADER)
    t = _targets("--as-of", "2026-06-30")
    for tid in ("avg", "cum", "ep"):
        assert t[tid]["awaiting_figures"] == ["2021", "2022", "2023", "2024", "2025"], tid
    md = run_clean("report", "--format", "markdown", "--as-of", "2026-06-30").stdout
    assert "(2021–2025)](#t-avg)" in md, md  # a run of years as one range, as the status cell says it
    table = run_clean("status", "--format", "table", "--as-of", "2026-06-30", env={"COLUMNS": "200"}).stdout
    assert table.count("⌛ awaiting figure 2021–2025") == 3, table


def test_a_run_of_years_awaited_is_one_range_but_a_withdrawn_year_stands_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Three or more periods in a row are written as one range in the status cell and the
    headline ("2021–2023"), so that a span with no figure since its first year does not
    widen the status column past the trend's room (tests/test_table_width.py keeps the
    trend at 120 columns on the shipped plan). A year whose figure was withdrawn is said
    apart, marked: 2021 and 2022 unknown, 2023 withdrawn, 2024 unknown, 2025 in, read on
    2026-06-30: "2021, 2022, 2023 (withdrawn) +1"."""
    store = _rows("g,2023,12", "g,2025,9") + "g,2023,,retracted,,typo,2024-02-01T00:00:00+07:00\n"
    make_tracker(tmp_path, monkeypatch, SPANS, store)
    t = _targets("--as-of", "2026-06-30")
    assert t["avg"]["awaiting_figures"] == ["2021", "2022", "2023", "2024"]
    table = run_clean("status", "--format", "table", "--as-of", "2026-06-30", env={"COLUMNS": "200"}).stdout
    assert "⌛ awaiting figure 2021, 2022, 2023 (withdrawn) +1" in table, table


# --- 6. A percent of plan without float noise --------------------------------------------

PLANS = """\
version: 1
indicators:
  fdi: {name: FDI, unit: million USD, measure: flow}
  share: {name: Share, unit: "%"}
targets:
  - {id: fdi-2024, type: plan, indicator: fdi, period: 2024, value: 1500}
  - {id: fdi-2025, type: plan, indicator: fdi, period: 2025, value: 1500}
  - {id: share-2024, type: plan, indicator: share, period: 2024, value: 2}
"""


def test_a_percent_of_plan_is_the_decimal_quotient_without_float_noise(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """docs/methodology.md, "Annual plan": percent of plan = figure / plan x 100.
    1,650 / 1,500 = 1.1, so 110 % ("đạt 110% kế hoạch"); floats gave 110.00000000000001.
    During 2025, 2025-H1 = 825: 825 / 1,500 = 0.55, 55 % (floats: 55.00000000000001), after
    6 / 12 of the year, pace 0.55 / 0.5 = 1.1. A level's 2.3 against a plan of 2 is
    2.3 / 2 = 1.15, 115 % (floats: 114.99999999999999). A quotient that does not end keeps
    its full precision: 1,000 / 1,500 = 66.666... %, the float nearest it. The change on
    the same period of last year is the same quotient less 100."""
    make_tracker(
        tmp_path,
        monkeypatch,
        PLANS,
        _rows("fdi,2023,1500", "fdi,2024,1650", "fdi,2025-H1,825", "share,2024,2.3", at="2025-07-15T00:00:00+07:00"),
    )
    t = _targets("--as-of", "2025-08-01")
    assert repr(t["fdi-2024"]["details"]["percent_of_plan"]) == "110.0"
    # On 2023's 1,500 the same: (1,650 - 1,500) / 1,500 = +10 % (floats: 10.000000000000009).
    assert repr(t["fdi-2024"]["details"]["change_on_same_period_last_year"]) == "10.0"
    assert repr(t["fdi-2025"]["details"]["year_to_date"]["percent_of_plan"]) == "55.0"
    assert t["fdi-2025"]["progress_value"] == pytest.approx(1.1)
    assert repr(t["share-2024"]["details"]["percent_of_plan"]) == "115.0"
    csv = run_clean("status", "--format", "csv", "--as-of", "2025-08-01").stdout.splitlines()
    head = csv[0].split(",")
    cells = {line.split(",")[0]: line.split(",") for line in csv[1:]}
    assert cells["fdi-2024"][head.index("percent_of_plan")] == "110.0"
    assert cells["fdi-2025"][head.index("year_to_date_percent_of_plan")] == "55.0"
    make_tracker(tmp_path, monkeypatch, PLANS, _rows("fdi,2024,1000", at="2025-07-15T00:00:00+07:00"))
    assert _targets("--as-of", "2025-08-01")["fdi-2024"]["details"]["percent_of_plan"] == 200 / 3


# --- 5. A cap's allowance is labelled as one ----------------------------------------------

CAP = """\
version: 1
indicators:
  em: {name: Emissions, unit: kt, measure: flow, direction: decrease}
targets:
  - {id: cap, type: cumulative, indicator: em, at_most: 400, from: 2024, to: 2027}
"""


def test_a_caps_figure_per_remaining_period_is_labelled_at_most(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """docs/methodology.md, "Cumulative over a span": at most 400 kt over 2024-2027, 100 in
    2024: (400 - 100) / 3 = 100 kt may be added in each of the 3 remaining periods; the
    label said "Needed per remaining period" beside "may add at most 100 kt". Read on
    2028-06-30 with 2026 and 2027 missing after 2025's 50: (400 - 150) / 2 = 125 kt at most
    in each period without a figure. In Vietnamese, "Tối đa", not "Cần"."""
    make_tracker(tmp_path, monkeypatch, CAP, _rows("em,2024,100", at="2025-02-01T00:00:00+07:00"))
    shown = run_clean("show", "cap", "--as-of", "2025-06-30", env={"COLUMNS": "160"}).stdout
    assert "At most per remaining period" in shown and "Needed per" not in shown, shown
    assert "may add at most 100 kt" in shown, shown
    vi = run_clean("--lang", "vi", "show", "cap", "--as-of", "2025-06-30", env={"COLUMNS": "160"}).stdout
    assert "Tối đa mỗi kỳ còn lại" in vi and "Cần mỗi kỳ" not in vi, vi
    md = run_clean("report", "--format", "markdown", "--as-of", "2025-06-30").stdout
    assert "At most per remaining period" in md and "Needed per remaining period" not in md, md
    make_tracker(tmp_path, monkeypatch, CAP, _rows("em,2024,100", "em,2025,50", at="2026-02-01T00:00:00+07:00"))
    shown = run_clean("show", "cap", "--as-of", "2028-06-30", env={"COLUMNS": "160"}).stdout
    assert "At most per period without a figure" in shown and "Needed per" not in shown, shown
    assert "125 kt" in shown, shown


# --- 2. A balance's direction alone is not read as a compound growth rate -----------------

BALANCE = """\
version: 1
indicators:
  tb: {name: Trade balance, unit: bn USD, measure: balance}
  deficit: {name: Budget balance, unit: bn VND, measure: balance}
targets:
  - {id: tb-up, indicator: tb, baseline: 2020}
  - {id: deficit-up, indicator: deficit, baseline: 2020}
"""


def test_a_balances_direction_alone_is_not_assessed_and_its_change_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """docs/methodology.md, "Balances: absolute change" and section 1.1 method 1. A trade
    surplus from 2 (2020) to 8 (2023) read (8 / 2)^(1/3) - 1 = +58.7 % a year, substantial,
    score 5; from 0.2 to 0.8 it would read the same +58.7 % for a change ten times smaller:
    a balance's zero is no origin its size is measured from, so its compound rate says
    nothing (as for a growth rate, rate_without_milestone), and method 1's thresholds
    (1.5 % and 0.5 % a year) are growth rates, with no required change to read the
    change of +6 against. Not available, reason balance_without_milestone, the change
    said: 8 - 2 = +6 bn USD; a deficit narrowing from -500 to -350: +150 bn VND."""
    make_tracker(
        tmp_path,
        monkeypatch,
        BALANCE,
        _rows("tb,2020,2", "tb,2023,8", "deficit,2020,-500", "deficit,2023,-350", at="2024-03-01T00:00:00+07:00"),
    )
    t = _targets("--as-of", "2024-06-30")
    for tid in ("tb-up", "deficit-up"):
        assert t[tid]["status"] == "not_available", t[tid]
        assert t[tid]["reason"] == "balance_without_milestone", t[tid]
        assert t[tid]["score"] is None and t[tid]["progress_value"] is None and t[tid]["achieved_rate"] is None
    shown = _shown("tb-up", "--as-of", "2024-06-30")
    assert "58.7" not in shown and "(+6 bn USD)" in shown, shown
    assert "the figures are a balance" in shown and "give the target a milestone" in shown, shown
    shown = _shown("deficit-up", "--as-of", "2024-06-30")
    assert "(+150 bn VND)" in shown, shown
    table = run_clean("status", "--format", "table", "--as-of", "2024-06-30", env={"COLUMNS": "200"}).stdout
    assert table.count("a balance without a milestone") == 2, table
    vi = _shown("tb-up", "--as-of", "2024-06-30", "--lang", "vi")
    assert "số liệu là một cán cân" in vi, vi


# --- 3. A level to keep ("keep forest cover at 54 %") -------------------------------------

KEEP = """\
version: 1
indicators:
  forest: {name: Forest cover, unit: "%"}
targets:
  - id: forest-keep
    indicator: forest
    baseline: 2020
    milestones: [{by: 2025, value: 54}]
"""


@pytest.mark.parametrize(
    ("rows", "as_of", "status", "reason"),
    [
        # 53.8 < 54 before the deadline: Open SDG's P = growth / |required growth| has a
        # required growth (54 / 54)^(1/5) - 1 = 0: undefined, no assessment.
        (("forest,2020,54", "forest,2023,53.8"), "2024-06-30", "not_available", "target_equals_baseline"),
        # 54.2 >= 54: target achieved is checked first, whatever the ratio (section 1.1).
        (("forest,2020,54", "forest,2023,54.2"), "2024-06-30", "target_achieved", None),
        # The 2025 figure 53.8 < 54 on its deadline: the milestone is missed.
        (("forest,2020,54", "forest,2025,53.8"), "2026-06-30", "not_achieved", None),
    ],
)
def test_a_level_to_keep_is_judged_where_the_method_defines_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: tuple[str, ...], as_of: str, status: str, reason: str | None
):
    """methodology section 1.1: target achieved first (d = +1 and current >= target), then
    P = growth(current) / |growth(target)|, whose denominator is 0 when the milestone equals
    the baseline. So a level to keep is achieved while a figure holds it, missed on a
    deadline figure below it, and, below it before the deadline, has no pace to read: still
    not available, but the sentence now says how it will be judged and what to write to
    judge it every year (an every-period target, at_least: 54)."""
    make_tracker(tmp_path, monkeypatch, KEEP, _rows(*rows, at=f"{as_of[:4]}-03-01T00:00:00+07:00"))
    t = _targets("--as-of", as_of)["forest-keep"]
    assert (t["status"], t["reason"]) == (status, reason), t
    if reason is None:
        return
    shown = _shown("forest-keep", "--as-of", as_of)
    assert "achieved when the latest figure reaches the milestone" in shown, shown
    assert "type: every_period" in shown and "at_least" in shown, shown
    vi = _shown("forest-keep", "--as-of", as_of, "--lang", "vi")
    assert "type: every_period" in vi and "một mức cần giữ" in vi, vi


# --- 4. A part-year reading is called so, never "provisional" -----------------------------

PART_YEAR = """\
version: 1
indicators:
  g: {name: Growth, unit: "%", measure: rate}
  fdi: {name: FDI, unit: million USD, measure: flow}
targets:
  - {id: dd, type: every_period, indicator: g, at_least: 10, from: 2024, to: 2026}
  - {id: avg, type: average, indicator: g, at_least: 10, from: 2024, to: 2026}
  - {id: fdi-2026, type: plan, indicator: fdi, period: 2026, value: 1000}
"""
PART_YEAR_ROWS = _rows(
    "g,2024,11", "g,2025,10.5", "g,2026-H1,9.5", "fdi,2026-01,300", "fdi,2026-02,200", at="2026-07-15T00:00:00+07:00"
)


def test_a_part_year_reading_is_said_part_year_in_every_output_and_never_provisional(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """docs/methodology.md, "Sub-annual readings are provisional": 2026-H1's 9.5 % is a
    part-year reading, not counted until 2026's figure. "provisional" is what an English
    office calls a figure's status (qntrack reads `--status provisional` as preliminary,
    sơ bộ); the Vietnamese "tạm tính" is the same status's word. Both are now "part-year" /
    "chưa đủ năm" in the table, show, the reports and the workbook; the JSON keys
    (`provisional`, CSV `provisional_period`) are unchanged. The plan's year to date is
    300 + 200 = 500 of 1,000 by 2026-2M: 50 %."""
    import openpyxl

    make_tracker(tmp_path, monkeypatch, PART_YEAR, PART_YEAR_ROWS)
    t = _targets("--as-of", "2026-08-01")
    assert t["dd"]["provisional"]["period"] == "2026-H1" and t["dd"]["provisional"]["value"] == 9.5
    assert t["fdi-2026"]["details"]["year_to_date"]["value"] == 500
    assert repr(t["fdi-2026"]["details"]["year_to_date"]["percent_of_plan"]) == "50.0"
    assert "provisional_period" in run_clean("status", "--format", "csv", "--as-of", "2026-08-01").stdout
    outputs = {
        "table": run_clean("status", "--format", "table", "--as-of", "2026-08-01", env={"COLUMNS": "200"}).stdout,
        "show": _shown("dd", "--as-of", "2026-08-01") + _shown("avg", "--as-of", "2026-08-01"),
        "markdown": run_clean("report", "--format", "markdown", "--as-of", "2026-08-01").stdout,
    }
    assert "part-year" in outputs["table"], outputs["table"]
    assert "Part-year reading H1 2026: 9.5%" in outputs["show"], outputs["show"]
    assert "part-year" in outputs["markdown"].lower(), outputs["markdown"]
    assert run_clean("report", "-o", "review.xlsx", "--as-of", "2026-08-01").exit_code == 0
    book = openpyxl.load_workbook("review.xlsx")
    cells = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert any("(part-year" in c for c in cells), cells
    outputs["xlsx"] = "\n".join(cells)
    for name, text in outputs.items():
        assert "provisional" not in text.lower(), (name, text)
    vi = {
        "table": run_clean(
            "--lang", "vi", "status", "--format", "table", "--as-of", "2026-08-01", env={"COLUMNS": "200"}
        ).stdout,
        "show": _shown("dd", "--as-of", "2026-08-01", "--lang", "vi"),
        "markdown": run_clean("--lang", "vi", "report", "--format", "markdown", "--as-of", "2026-08-01").stdout,
    }
    assert "chưa đủ năm" in vi["table"] and "chưa đủ năm" in vi["show"], vi
    for name, text in vi.items():
        assert "tạm tính" not in text and "sơ bộ" not in text.lower(), (name, text)
