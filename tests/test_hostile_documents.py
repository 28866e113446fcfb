"""A hostile new user of the office documents (issue 15): workbooks an officer really
has, fed to `add-observation --from`, and what must come out: one message naming the
sheet and the cell (docs/observations-format.md, "Workbooks"), never a traceback,
nothing written; and the reports (docx, xlsx, pdf) of plans and stores with hostile text.

The workbooks and plans are tiny and built here (no report of the shipped plan: too slow).
XML-special characters in every name, colliding sheet names and empty plans were tried by
hand in all three formats and read back with python-docx, openpyxl and pypdf: they held.
What broke is pinned below: a 200-letter name in a bar chart, a control character in the
store's source in the Word report.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from conftest import make_tracker
from helpers import run_clean, store_text

TARGETS = """\
version: 1
title: "Hostile documents"
indicators:
  revenue:
    name: "Budget revenue"
    unit: {en: "billion VND", vi: "tỷ đồng"}
    measure: flow
targets:
  - id: rev
    indicator: revenue
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 15}
"""

START = "indicator,period,value,status,source,note,recorded_at\n"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, START)


def save(rows: list[list], name: str = "so-lieu.xlsx") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for row in rows:
        sheet.append(row)
    book.save(name)
    return Path(name)


def test_wide_on_a_long_sheet_is_refused_not_a_traceback(plan: Path):
    # An officer adds --wide to a long sheet: the row under its header is data, not the
    # lower half of a two-row header, and must not be taken for one.
    save([["indicator", "period", "value"], ["revenue", "2021", 11]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide")
    assert r.exit_code == 1, r.output
    # Said at the first column that is neither a period nor one of a wide table's own.
    assert r.stderr.startswith("so-lieu.xlsx:Sheet1!B1: error: column 2 'period' is neither a period"), r.stderr
    assert store_text(plan) == START


def test_an_unknown_column_is_named_at_its_own_cell(plan: Path):
    # 'kind' is the sheet's fourth column: D1, not the table's first cell.
    save([["indicator", "period", "value", "kind"], ["revenue", "2021", 11, "x"]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1
    assert r.stderr.startswith("so-lieu.xlsx:Sheet1!D1: error: unknown column 'kind'"), r.stderr
    assert store_text(plan) == START


def test_a_column_twice_is_named_at_the_second(plan: Path):
    save([["indicator", "period", "value", "period"], ["revenue", "2021", 11, "2022"]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1
    assert r.stderr.startswith("so-lieu.xlsx:Sheet1!D1: error: "), r.stderr
    assert "period" in r.stderr


def test_qntracks_own_excel_report_fed_back_is_refused_as_a_report(plan: Path):
    # The appendix's "Figures" sheet looks like an import but is not one: the workbook is
    # said to be qntrack's report, in one line with the way to edit figures and import
    # them (it was an error per column, none saying why), and nothing is written.
    assert run_clean("report", "-o", "phu-luc.xlsx", "--as-of", "2026-01-01").exit_code == 0
    r = run_clean("add-observation", "--from", "phu-luc.xlsx", "--sheet", "Figures")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("phu-luc.xlsx: error: is a report qntrack wrote"), lines
    assert "qntrack observations --format csv" in lines[0]
    assert store_text(plan) == START


def test_a_text_period_that_is_no_period_is_named_at_its_cell(plan: Path):
    save([["indicator", "period", "value"], ["revenue", "20x1", 11]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1
    assert r.stderr.startswith("so-lieu.xlsx:Sheet1!B2: error: '20x1' is not a period"), r.stderr
    assert store_text(plan) == START


def _two_sheets(second: list[list]) -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "2021"
    first.append(["indicator", "period", "value"])
    first.append(["revenue", "2021", 11])
    other = book.create_sheet("2022")
    for row in second:
        other.append(row)
    book.save("so-lieu.xlsx")


def test_a_second_sheet_with_cells_left_unread_is_said(plan: Path):
    # One sheet a year: without --sheet only the first is read, and the officer is told
    # which one and that another holds cells, or the 2022 figures are lost in silence.
    _two_sheets([["indicator", "period", "value"], ["revenue", "2022", 12]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 0, r.output
    lines = r.stderr.splitlines()
    assert lines[0].startswith("added 1 row(s)")
    assert lines[1] == (
        "so-lieu.xlsx: warning: read sheet '2021', the first; the workbook's other sheets "
        "with cells were not read ('2022'): import one with --sheet NAME"
    )
    assert store_text(plan).count("\n") == 2
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--sheet", "2022")
    assert r.exit_code == 0 and "warning" not in r.stderr, r.stderr


def test_an_empty_second_sheet_is_not_said(plan: Path):
    _two_sheets([])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--dry-run")
    assert r.exit_code == 0 and "warning" not in r.stderr, r.stderr


LONG = ("Tỷ trọng công nghiệp chế biến, chế tạo trong tổng sản phẩm trên địa bàn tỉnh Quảng Ninh " * 3)[:200]

LONG_TARGETS = f"""\
version: 1
title: "Long names"
dimensions:
  locality:
    name: "Locality"
    values: ["{LONG[:150]}", "B"]
indicators:
  revenue:
    name: "Budget revenue"
    unit: "billion VND"
    measure: flow
    dimensions: [locality]
targets:
  - id: plan-2024
    type: plan
    indicator: revenue
    name: "{LONG}"
    group: "{LONG}"
    period: 2024
    value: 100
    for_each: locality
  - id: other
    type: plan
    indicator: revenue
    group: "Short group"
    period: 2024
    value: 100
"""

LONG_STORE = (
    START
    + f'"revenue[locality={LONG[:150]}]",2024,50,official,s,,2025-01-01T00:00:00Z\n'
    + "revenue[locality=B],2024,60,official,s,,2025-01-01T00:00:00Z\n"
    + "revenue,2024,110,official,s,,2025-01-01T00:00:00Z\n"
)


def _svg_texts(html: str) -> list[str]:
    import re

    svgs = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    return [t for svg in svgs for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


def test_a_200_letter_group_or_unit_name_does_not_push_the_bars_off_the_chart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # Seen on a PDF page: the groups chart drew the 200-letter name across its whole
    # width, the bars squeezed off its right edge and the other group's name gone. A bar's
    # label is cut with an ellipsis (the table beside the chart has the full name).
    make_tracker(tmp_path, monkeypatch, LONG_TARGETS, LONG_STORE)
    r = run_clean("report", "-o", "r.html", "--as-of", "2026-01-01")
    assert r.exit_code == 0, r.output
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    texts = _svg_texts(html)
    assert "Short group" in texts
    # The unit's label keeps less of the name (its figure and status take the room, so
    # that the whole label keeps to 60 letters): found by the name's first 13 letters.
    cut = [t for t in texts if LONG[:13] in t]
    group, unit = sorted(cut, key=len)
    assert len(group) <= 60 and group.endswith("…"), group
    # The unit's name is cut, never its figure: the label still says it.
    # Then its status in words (issue 17), after the figure: the name is what is cut.
    figure, status = unit.rsplit(" · ", 1)
    assert unit[:3] in ("1. ", "2. ") and figure.endswith("…: 50 billion VND (2024)") and len(figure) < 90, unit
    words = ("Target achieved", "Substantial progress", "Moderate progress", "Limited progress")
    assert status in (*words, "Deterioration", "Not achieved", "Not available"), unit
    assert len(unit) <= 60, unit  # with a 60-letter name beside them, the bars left the chart
    assert LONG in html  # said in full in the tables


def test_a_figure_given_twice_in_a_sheet_names_the_first_cell_not_a_line(plan: Path):
    save([["indicator", "period", "value"], ["revenue", "2021", 11], ["revenue", "2021", 12]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1
    assert r.stderr.startswith(
        "so-lieu.xlsx:Sheet1!A3: error: revenue 2021 is already given at Sheet1!A2; keep one, "
        "or give each vintage its own recorded_at"
    ), r.stderr
    assert store_text(plan) == START


def test_a_csv_file_named_xlsx_is_read_as_the_csv_it_is(plan: Path):
    # Office systems export CSV text under an .xlsx name; by its content it is read, as an
    # .xlsx named .csv is read as a workbook (docs/observations-format.md, "Workbooks").
    Path("so-lieu.xlsx").write_text("indicator,period,value\nrevenue,2021,11\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", "2024-06-30")
    assert r.exit_code == 0, r.output
    assert store_text(plan) == START + "revenue,2021,11,,,,2024-06-30T00:00:00Z\n"


def test_an_empty_file_named_xlsx_is_said_to_be_empty(plan: Path):
    Path("so-lieu.xlsx").write_bytes(b"")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1
    assert r.stderr.startswith("so-lieu.xlsx:1: error: the file is empty"), r.stderr


def test_an_indicator_merged_down_over_its_rows_says_what_to_do(plan: Path):
    # An officer's sheet names the indicator once, merged down over its periods: openpyxl,
    # as Excel, holds the value in the first cell only. Said at each empty cell with what
    # to do, not as "unknown indicator ''".
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for row in (["indicator", "period", "value"], ["revenue", "2021", 11], [None, "2022", 12]):
        sheet.append(row)
    sheet.merge_cells("A2:A3")
    book.save("so-lieu.xlsx")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1
    assert r.stderr.startswith("so-lieu.xlsx:Sheet1!A3: error: the indicator cell is empty"), r.stderr
    assert "merged" in r.stderr and "unknown indicator" not in r.stderr
    assert store_text(plan) == START


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_a_word_or_pdf_report_given_as_figures_says_what_it_is(plan: Path, suffix: str):
    # Figures often arrive in a Word table or a PDF: "a binary file (is it an .xlsx?)" did
    # not say what the file is nor what to do. qntrack's own report stands in for one.
    Path(f"r.{suffix}").write_bytes(
        b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<< /Length 3 >>\nstream\n\x00\x01\x02\n" if suffix == "pdf" else _docx_bytes()
    )
    r = run_clean("add-observation", "--from", f"r.{suffix}")
    assert r.exit_code == 1
    said = {"docx": "a Word document", "pdf": "a PDF document"}[suffix]
    assert r.stderr.startswith(f"r.{suffix}: error: {said}"), r.stderr
    assert "save it as .xlsx" in r.stderr and "is it an .xlsx" not in r.stderr
    assert store_text(plan) == START


def _docx_bytes() -> bytes:
    import io

    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


CONTROL_STORE = (
    START
    # A source and a note hand-typed into the store with control characters (a vertical
    # tab and a unit separator pasted from another program): the store keeps them.
    + "revenue,2021,11,official,src\x0bA\x1fB,note\x0cC,2022-01-01T00:00:00Z\n"
)


def test_control_characters_in_the_store_do_not_break_the_word_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # They are not allowed in XML: python-docx raised a traceback and no report was written.
    import docx

    make_tracker(tmp_path, monkeypatch, TARGETS, CONTROL_STORE)
    r = run_clean("report", "-o", "r.docx", "--as-of", "2026-01-01")
    assert r.exit_code == 0, r.output
    doc = docx.Document(str(tmp_path / "r.docx"))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    # Each shown as its escape, as the terminal shows it (twenty-third session; it was the
    # replacement character): something was there, what it was, and the rest is kept.
    assert "src\\x0bA\\x1fB" in cells, cells


@pytest.mark.parametrize(
    "lock, workbook",
    [
        ("~$so-lieu.xlsx", "so-lieu.xlsx"),  # Excel's, while the workbook is open
        (".~lock.so-lieu.xlsx#", "so-lieu.xlsx"),  # LibreOffice's
    ],
)
def test_the_lock_file_of_an_open_workbook_names_the_workbook(plan: Path, lock: str, workbook: str):
    # Picked by mistake (it sits beside the workbook while Excel has it open): it is not
    # the workbook, and "a binary file" or "damaged" does not say which file to give.
    Path(lock).write_bytes(b"\x05alice" + b" " * 48 + b"\x05\x00a\x00l\x00")
    r = run_clean("add-observation", "--from", lock)
    assert r.exit_code == 1
    assert r.stderr.startswith(f"{lock}: error: the lock file"), r.stderr
    assert f"'{workbook}'" in r.stderr
    assert store_text(plan) == START
