"""Defects found and mended in the eighteenth session (issue 17), each test written
failing first."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from qntrack.files import yaml_nodes

# --- a file nested past libyaml's limit is refused without PyYAML's own pass ---------------
#
# libyaml stops at 1000 levels ("exceeded maximum nesting depth"); PyYAML's pure-Python
# composer, run again on an error so that messages read the same with or without libyaml,
# would recurse some 330 levels deep before Python's stack runs out: about 0.7 s of work
# (a second of a user's wait, on a plan refused anyway) to reach the same refusal.


def _pure_python_pass_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("PyYAML's pure-Python pass was run")

    monkeypatch.setattr(yaml.SafeLoader, "__init__", refuse)


@pytest.mark.parametrize(
    "text",
    [
        "version: 1\nx: " + "[" * 1200 + "]" * 1200 + "\n",  # flow brackets
        "version: 1\nx: " + "{a: " * 1200 + "\n",  # flow mappings, never closed
        "version: 1\nx:\n" + "".join(" " * i + "- \n" for i in range(1200)),  # block levels
    ],
)
def test_past_libyamls_nesting_limit_is_too_deep_at_once(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    if getattr(yaml, "CSafeLoader", None) is None:  # pragma: no cover - the wheels ship libyaml
        pytest.fail("PyYAML without libyaml: this test needs its parser")
    _pure_python_pass_refused(monkeypatch)
    with pytest.raises(RecursionError):
        yaml_nodes.compose_plan(text)
    with pytest.raises(RecursionError):
        yaml_nodes.safe_values(text)


def test_other_errors_still_take_pythons_pass_for_the_same_message() -> None:
    # An unclosed bracket, not too deep: the message is PyYAML's own, as without libyaml.
    with pytest.raises(yaml.MarkedYAMLError) as err:
        yaml_nodes.compose_plan("version: 1\nx: [1, 2\n")
    assert err.value.problem_mark is not None and err.value.problem_mark.line == 2


# --- the observations table of a report keeps a long source or note on the page -----------
#
# The HTML's stylesheet kept its observations' fourth column whole ("nowrap") and the PDF's
# would not break it: meant for the kind of figure, it had become the source's column when
# the value's column came in (Period, Value, Kind, Source, Note, Recorded). A source typed
# without spaces (a decision's number and title joined by underscores, as file names are)
# ran the PDF's table 140 points past the page's right edge.

LONG_SOURCE = "Quyet_dinh_so_1234/QD-UBND_ngay_15_thang_3_nam_2025_cua_Uy_ban_nhan_dan_tinh_Quang_Ninh"
LONG_NOTE = "see_" + "x" * 140


def _off_the_page(doc) -> list[tuple[int, str, float, float]]:
    off = []
    for number, page in enumerate(doc.pages, start=1):
        box = page._page_box
        left = box.content_box_x()
        right = left + box.width
        for b in box.descendants():
            if type(b).__name__ in ("TableBox", "TableCellBox"):
                start, end = b.position_x, b.position_x + b.margin_width()
                if start < left - 0.5 or end > right + 0.5:
                    off.append((number, str(b.element_tag), start, end))
    return off


def test_a_long_source_and_note_stay_on_the_pdfs_page(shipped, monkeypatch: pytest.MonkeyPatch) -> None:
    from qntrack.files.workspace import open_workspace, reference_day
    from qntrack.output.report import build_report
    from qntrack.output.report_pdf import pdf_document

    with (shipped / "observations.csv").open("a", encoding="utf-8") as f:
        f.write(f"cbct_share,2025,17.5,estimate,{LONG_SOURCE},{LONG_NOTE},2026-01-10T00:00:00Z\n")
    day = "2026-02-01"
    ws = open_workspace(str(shipped / "targets.yaml"), day)
    data = build_report(ws.plan, ws.series, ws.store.observations, ["cbct-share"], day, None, reference_day(day))
    for lang in ("en", "vi"):
        doc = pdf_document(data, lang)
        assert _off_the_page(doc) == [], lang


def test_the_observations_kind_is_the_column_kept_whole(shipped: Path) -> None:
    import re

    from helpers import run_clean
    from qntrack.output.report_pdf import PDF_CSS

    r = run_clean("report", "cbct-share", "--format", "html", "-o", "r.html", "--as-of", "2026-01-01")
    assert r.exit_code == 0, r.stderr
    html = (shipped / "r.html").read_text(encoding="utf-8")
    # (the table's hidden caption, twenty-third session, comes before its header row)
    header = re.search(
        r'<table class="obs">\s*(?:<caption[^>]*>.*?</caption>\s*)?<thead><tr>(.*?)</tr>', html, re.DOTALL
    )
    assert header is not None
    names = re.findall(r"<th[^>]*>([^<]*)</th>", header[1])
    kind = names.index("Kind") + 1  # CSS counts from 1
    assert f"table.obs td:nth-child({kind}), table.obs td:last-child {{ white-space: nowrap; }}" in html
    assert f"table.obs td:nth-child({kind}), table.obs td:last-child {{ overflow-wrap: normal; }}" in PDF_CSS.replace(
        "td.num, th.num, ", ""
    )


# --- hidden columns of a workbook are named, as hidden rows are ----------------------------
#
# An officer hides last year's column, or a working column, and imports the sheet: Excel's
# "Save As CSV" writes hidden columns, and so the import reads them (as it reads hidden
# rows), but an officer who does not see a column should be told its figures were read.


@pytest.fixture
def workbook_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker
    from test_files17 import START, TARGETS

    return make_tracker(tmp_path, monkeypatch, TARGETS, START)


def _added(plan: Path) -> str:
    from test_files17 import START

    return (plan / "observations.csv").read_text(encoding="utf-8")[len(START) :]


def test_a_hidden_year_column_of_a_wide_sheet_is_read_and_named(workbook_plan: Path) -> None:
    import openpyxl

    from helpers import run_clean

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "2023", "2024", "2025"])
    sheet.append(["revenue", 90, 95, 100])
    sheet.column_dimensions["B"].hidden = True  # the 2023 column, hidden
    book.save(workbook_plan / "wide.xlsx")
    r = run_clean("add-observation", "--from", "wide.xlsx", "--wide", "--recorded-at", "2026-02-01")
    assert r.exit_code == 0, r.output
    # Read as the others: 2023, 2024 and 2025, in the sheet's order.
    assert _added(workbook_plan) == (
        "revenue,2023,90,,,,2026-02-01T00:00:00Z\n"
        "revenue,2024,95,,,,2026-02-01T00:00:00Z\n"
        "revenue,2025,100,,,,2026-02-01T00:00:00Z\n"
    )
    assert "wide.xlsx: warning: 1 column(s) of sheet 'Sheet' hidden in Excel" in r.output
    assert "columns B ('2023')" in r.output


def test_hidden_columns_outside_the_table_or_none_say_nothing(workbook_plan: Path) -> None:
    import openpyxl

    from helpers import run_clean

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "value", "recorded_at"])
    sheet.append(["growth", "2026-Q1", 7.5, "2026-04-05"])
    sheet.column_dimensions["F"].hidden = True  # an empty column right of the table
    book.save(workbook_plan / "in.xlsx")
    r = run_clean("add-observation", "--from", "in.xlsx")
    assert r.exit_code == 0, r.output
    assert "hidden" not in r.output
    assert _added(workbook_plan) == "growth,2026-Q1,7.5,,,,2026-04-05T00:00:00Z\n"


def test_a_range_of_hidden_columns_of_a_long_table_is_named_by_their_headings(workbook_plan: Path) -> None:
    import openpyxl

    from helpers import run_clean

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "value", "source", "note", "recorded_at"])
    sheet.append(["growth", "2026-Q1", 7.5, "GSO", "checked", "2026-04-05"])
    # D and E hidden together (Excel writes one <col min="4" max="5" hidden="1"/>).
    sheet.column_dimensions.group("D", "E", hidden=True)
    book.save(workbook_plan / "in.xlsx")
    r = run_clean("add-observation", "--from", "in.xlsx")
    assert r.exit_code == 0, r.output
    assert _added(workbook_plan) == "growth,2026-Q1,7.5,,GSO,checked,2026-04-05T00:00:00Z\n"
    assert "2 column(s) of sheet 'Sheet' hidden in Excel" in r.output
    assert "columns D ('source'), E ('note')" in r.output


# --- export opensdg says the workspace's warnings, as every command that judges does -------
#
# It publishes each target's progress, yet said nothing of rows targets.yaml does not
# define (left out of the export) nor of a milestone on the wrong side of its baseline.


def test_export_opensdg_says_the_warnings_status_says(tracker: Path) -> None:
    from helpers import run_clean

    with (tracker / "observations.csv").open("a", encoding="utf-8") as f:
        f.write("tourism,2021,5,,src-x,,2022-01-10T00:00:00Z\n")  # an indicator the plan lacks
    status = run_clean("status", "--as-of", "2025-01-01")
    assert status.exit_code == 0, status.stderr
    warned = [line for line in status.stderr.splitlines() if ": warning: " in line]
    assert any("tourism" in line for line in warned), status.stderr
    export = run_clean("export", "opensdg", "--into", "site", "--as-of", "2025-01-01")
    assert export.exit_code == 0, export.stderr
    for line in warned:
        assert line in export.stderr.splitlines(), (line, export.stderr)


def test_export_opensdg_as_a_library_call_returns_its_warnings(tracker: Path) -> None:
    from qntrack.cli.export_opensdg import export_opensdg

    with (tracker / "observations.csv").open("a", encoding="utf-8") as f:
        f.write("tourism,2021,5,,src-x,,2022-01-10T00:00:00Z\n")
    done = export_opensdg(None, "site", "2025-01-01")
    assert [p.severity for p in done.warnings] == ["warning"]
    assert "tourism" in str(done.warnings[0].message)


# --- a derived figure is computed on the figures as typed, not their binary floats ---------
#
# 0.1 + 0.2 is 0.30000000000000004 in binary floating point: a derived indicator a + b of
# figures 0.1 and 0.2 missed "at most 0.3" every year, and a share 0.07 / 1 * 100 was
# 7.000000000000001, above a ceiling of 7. The cumulative totals and the differences are
# already worked in decimal on the figures as typed (kinds/cumulative.py,
# method/assessment.py); a formula now is too, rounded to the nearest float at its end.

FLOAT_SUM_PLAN = """\
version: 1
title: Float sums
indicators:
  a: {name: A, unit: "%"}
  b: {name: B, unit: "%"}
  c: {name: C, unit: "%", formula: "a + b"}
  s: {name: S, unit: "%", formula: "a / b * 100"}
targets:
  - id: c-most
    indicator: c
    type: every_period
    at_most: 0.3
    from: 2024
    to: 2025
  - id: s-most
    indicator: s
    type: every_period
    at_most: 35
    from: 2024
    to: 2025
"""
# a = 0.1 and b = 0.2 each year: c = 0.3 exactly, s = 0.1 / 0.2 * 100 = 50 (2024);
# 2025: a = 0.07, b = 0.2: c = 0.27, s = 0.07 / 0.2 * 100 = 35 exactly (at most 35: met).
FLOAT_SUM_STORE = """\
indicator,period,value,status,source,note,recorded_at
a,2024,0.1,official,x,,2025-03-01T00:00:00Z
b,2024,0.2,official,x,,2025-03-01T00:00:00Z
a,2025,0.07,official,x,,2026-03-01T00:00:00Z
b,2025,0.2,official,x,,2026-03-01T00:00:00Z
"""


def test_a_derived_figure_is_worked_on_the_figures_as_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, FLOAT_SUM_PLAN, FLOAT_SUM_STORE)
    r = run_clean("status", "--as-of", "2026-06-01", "--format", "json")
    assert r.exit_code == 0, r.stderr
    targets = {t["id"]: t for t in json.loads(r.stdout)["targets"]}
    c = targets["c-most"]["details"]["periods"]
    assert [(p["period"], p["value"], p["passed"]) for p in c] == [("2024", 0.3, True), ("2025", 0.27, True)]
    assert targets["c-most"]["status"] == "target_achieved"
    s = targets["s-most"]["details"]["periods"]
    assert [(p["period"], p["value"], p["passed"]) for p in s] == [("2024", 50.0, False), ("2025", 35.0, True)]


def test_a_formula_evaluates_in_decimal() -> None:
    from qntrack.plan.formula import parse_formula

    assert parse_formula("a + b").evaluate({"a": 0.1, "b": 0.2}) == 0.3
    assert parse_formula("a / b * 100").evaluate({"a": 0.07, "b": 1.0}) == 7.0
    assert parse_formula("a * 3").evaluate({"a": 1.1}) == 3.3
    # 1 / 3 is not a decimal: its nearest float, as before.
    assert parse_formula("a / b").evaluate({"a": 1.0, "b": 3.0}) == 1 / 3


# --- what a figure replaced, found while the figures in force are picked -------------------
#
# The status cache asked every output for the revisions once the JSON and CSV said them
# (`revises`): gathering every row of a period recorded twice, then grouping them again,
# cost a national store's cold status a tenth more (0.3-0.4 s of 4 s). in_force now notes
# what each figure in force replaced while it has each indicator's vintages sorted; the
# rule is history's (revised_values_of), which this checks it agrees with on any store.

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


# A row's strategies made once, not at every draw (a new strategy is validated when first
# drawn from); the same strategies in the same order give the same examples.
_INDICATOR = st.sampled_from(["a", "b", "c[sex=F]"])
_PERIOD = st.sampled_from(["2023", "2024", "2024-Q1", "2025"])
_STATUS = st.sampled_from(["", "estimate", "official", "retracted"])


@st.composite
def _stores(draw: st.DrawFn) -> list:
    from qntrack.plan.model import Observation
    from qntrack.plan.periods import parse_period

    rows = []
    for line in range(2, draw(st.integers(0, 40)) + 2):
        indicator = draw(_INDICATOR)
        period = parse_period(draw(_PERIOD))
        status = draw(_STATUS)
        day = draw(st.integers(1, 6))  # few days: ties of recorded_at, broken by the line
        value = float(draw(st.integers(-5, 5)))
        rows.append(Observation(indicator, period, value, status, "", "", f"2025-01-0{day}T00:00:00Z", line))
    return rows


@settings(max_examples=200, deadline=None)
@given(rows=_stores(), as_of=st.sampled_from([None, "2025-01-03"]))
def test_in_force_notes_what_each_figure_replaced_as_history_does(rows: list, as_of: str | None) -> None:
    from qntrack.method.history import revised_values_of
    from qntrack.method.series import in_force

    replaced: dict = {}
    series = in_force(rows, as_of, replaced=replaced)
    expected = revised_values_of(rows, {"a", "b", "c[sex=F]"}, as_of)
    for key, periods in expected.items():
        for o in series.get(key, []):  # the figures in force, each with what it replaced
            assert replaced.get(key, {}).get(o.period) == periods.get(o.period), (key, o)


# --- a width of a few columns is drawn at the narrowest the tables are laid out for --------
#
# COLUMNS=1 (a script's slip, or a pane squeezed shut) was taken literally: the status
# table printed one letter a line, 4,312 lines for the shipped plan, no id whole. The
# narrow layout (a list per target) reads at 20 columns: a narrower width is drawn at 20,
# and the terminal folds the longer lines.


@pytest.mark.parametrize("columns", ["1", "5", "19"])
def test_a_width_of_a_few_columns_is_drawn_at_twenty(shipped: Path, columns: str) -> None:
    from helpers import run_clean

    narrow = run_clean("status", "--format", "table", "--as-of", "2026-01-01", env={"COLUMNS": columns})
    at_twenty = run_clean("status", "--format", "table", "--as-of", "2026-01-01", env={"COLUMNS": "20"})
    assert narrow.exit_code == 0, narrow.stderr
    assert narrow.stdout == at_twenty.stdout
    assert "cbct-share" in narrow.stdout.split()  # an id whole, on a line of its own
