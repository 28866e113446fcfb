"""Issue 17, forty-third session, helper W: a statistics officer's Excel workbooks, read by a
hostile tester (yearbook tables, review annexes). Each test written failing first; expected
values worked by hand from the cells written here, never copied from qntrack's output."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean, store_text

_PLAN = """\
version: 1
title: "Workbook figures"
indicators:
  growth:
    name: {en: "GRDP growth", vi: "Tăng trưởng GRDP"}
    unit: {en: "% y/y", vi: "% so với cùng kỳ"}
    measure: rate
  grdp:
    name: {en: "GRDP", vi: "GRDP"}
    unit: {en: "billion VND", vi: "tỷ đồng"}
    measure: level
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
    frequency: month
targets:
  - id: grdp-up
    indicator: grdp
    baseline: 2023
    milestones:
      - {by: 2025, value: 400000}
"""

_START = STORE_HEADER + "grdp,2023,347534,official,NGTK 2023,,2024-06-30T00:00:00Z\n"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, _PLAN, _START)


def _added(plan: Path) -> str:
    return store_text(plan)[len(_START) :]


def _save(rows: list[list], name: str = "so-lieu.xlsx") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for row in rows:
        sheet.append(row)
    book.save(name)
    return Path(name)


def _as_excel_saved(path: Path, formula: str, value: str) -> None:
    """The formula's value as Excel saves it beside it, and no request to recalculate on
    opening (openpyxl writes neither)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    empty = next(v for v in ("<v />", "<v></v>", "<v/>") if f"<f>{formula}</f>{v}" in sheet)
    sheet = sheet.replace(f"<f>{formula}</f>{empty}", f"<f>{formula}</f><v>{value}</v>")
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b' fullCalcOnLoad="1"', b"")
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)


def _with_saved_number(path: Path, cell: str, value: str) -> None:
    """The number cell ``cell`` holding ``value`` as Excel writes it, digit for digit
    (openpyxl rounds a double to fewer digits when it saves)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    found = re.search(f'<c r="{cell}" t="n"><v>[^<]*</v></c>', sheet)
    assert found is not None
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(found[0], f'<c r="{cell}" t="n"><v>{value}</v></c>').encode()
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)


# --- a number as Excel shows it ----------------------------------------------------------


def test_a_computed_number_cell_is_stored_as_excel_shows_it(plan: Path) -> None:
    """A sum pasted as values keeps the double Excel computed: 10.1 + 0.2 is
    10.299999999999999, which Excel shows (to its 15 significant digits) as 10.3. It was
    stored as 10.299999999999999, a figure no one published; it is 10.3."""
    path = _save([["indicator", "period", "value"], ["growth", "2024", 10.3]])
    _with_saved_number(path, "C2", "10.299999999999999")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", "2025-03-01")
    assert r.exit_code == 0, r.output
    assert _added(plan) == "growth,2024,10.3,,,,2025-03-01T00:00:00Z\n"


def test_a_formulas_saved_value_is_the_number_excel_shows(plan: Path) -> None:
    """Excel saves a formula's value with 17 digits (347534.00000000006 for a sum of parts):
    it shows 347534, the figure already recorded for 2023, so the row is already recorded,
    not a revision of 347534 by 347534.00000000006."""
    path = _save(
        [
            ["indicator", "period", "value", "status", "source", "recorded_at"],
            ["grdp", "2023", "=300000+47534", "official", "NGTK 2023", "2024-06-30"],
        ]
    )
    _as_excel_saved(path, "300000+47534", "347534.00000000006")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 0, r.output
    assert _added(plan) == ""
    assert r.stderr == "nothing to add: all 1 row(s) are already recorded in observations.csv\n"


def test_a_wide_tables_computed_cell_is_stored_as_excel_shows_it(plan: Path) -> None:
    """The same in a yearbook's wide table: 0.1 * 3 * 100 is 30.000000000000004, shown 30."""
    path = _save([["Chỉ tiêu", "2022", "2024"], ["growth", 30, 7.81]])
    _with_saved_number(path, "B2", "30.000000000000004")
    _with_saved_number(path, "C2", "7.8100000000000014")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--recorded-at", "2025-03-01")
    assert r.exit_code == 0, r.output
    # 7.8100000000000014 to 15 significant digits is 7.81000000000000: 7.81.
    assert _added(plan) == ("growth,2022,30,,,,2025-03-01T00:00:00Z\ngrowth,2024,7.81,,,,2025-03-01T00:00:00Z\n")


# --- the unit line above a yearbook's table ----------------------------------------------


def test_a_unit_line_above_the_table_naming_another_unit_is_refused(plan: Path) -> None:
    """A yearbook heads its table 'Đơn vị tính: Triệu đồng' above the header. The line was
    passed over with the title, and the figures, in millions, were stored as billions of
    dong: a thousand times too large. It is checked as a unit column is, at its cell."""
    _save(
        [
            ["Biểu 02. Tổng sản phẩm trên địa bàn"],
            [None, None, "Đơn vị tính: Triệu đồng"],
            ["Chỉ tiêu", "2024", "2025"],
            ["grdp", 330000000, 360000000],
        ]
    )
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--recorded-at", "2026-03-01")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("so-lieu.xlsx:Sheet1!C2: error: the unit 'Triệu đồng' is not the unit of grdp")
    assert r.stderr.count("error:") == 1  # said once, not once a row
    assert _added(plan) == ""


def test_a_unit_line_naming_the_indicators_unit_is_read(plan: Path) -> None:
    """'ĐVT: Tỷ đồng' and '(Đơn vị: tỷ đồng)' name grdp's unit: the figures are read."""
    for line in ("ĐVT: Tỷ đồng", "(Đơn vị: tỷ đồng)", "Unit: billion VND"):
        _save([[line], ["Chỉ tiêu", "Kỳ", "Giá trị"], ["grdp", "2024", 330000]])
        r = run_clean(
            "add-observation", "--from", "so-lieu.xlsx", "--dry-run", "-f", "csv", "--recorded-at", "2025-03-01"
        )
        assert r.exit_code == 0, (line, r.output)
        assert "grdp,2024,330000," in r.stdout


def test_a_unit_line_for_a_per_cent_indicator_in_a_long_table(plan: Path) -> None:
    """Under 'Đơn vị tính: tỷ đồng' a growth rate row is in no unit of its own: refused."""
    _save([["Đơn vị tính: tỷ đồng"], ["Chỉ tiêu", "Kỳ", "Giá trị"], ["grdp", "2024", 330000], ["growth", "2024", 10.5]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", "2025-03-01")
    assert r.exit_code == 1, r.output
    assert "so-lieu.xlsx:Sheet1!A1: error: the unit 'tỷ đồng' is not the unit of growth" in r.stderr
    assert _added(plan) == ""


def test_a_unit_column_is_checked_and_a_reporting_units_name_is_no_unit(plan: Path) -> None:
    """With a ĐVT column, each row's unit is its own cell's; 'Đơn vị báo cáo: Cục Thống kê'
    (the office reporting) names no unit of measure."""
    _save(
        [
            ["Đơn vị báo cáo: Cục Thống kê tỉnh"],
            ["Đơn vị tính: tỷ đồng"],
            ["Chỉ tiêu", "ĐVT", "2024"],
            ["grdp", "Tỷ đồng", 330000],
            ["growth", "%", 10.5],
        ]
    )
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--recorded-at", "2025-03-01")
    assert r.exit_code == 0, r.output
    assert _added(plan) == ("grdp,2024,330000,,,,2025-03-01T00:00:00Z\ngrowth,2024,10.5,,,,2025-03-01T00:00:00Z\n")


def test_the_same_sheet_saved_as_csv_checks_its_unit_line_too(plan: Path) -> None:
    """Saved as CSV, the sheet keeps its title and unit line above the header: the CSV path
    passed over 'Đơn vị tính: Triệu đồng' with the title and stored millions as billions."""
    Path("so-lieu.csv").write_text(
        "Biểu 02. Tổng sản phẩm trên địa bàn,,\n,,Đơn vị tính: Triệu đồng\nChỉ tiêu,2024,2025\ngrdp,330000000,360000000\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "so-lieu.csv", "--wide", "--recorded-at", "2026-03-01")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("so-lieu.csv:2: error: the unit 'Triệu đồng' is not the unit of grdp")
    assert r.stderr.count("error:") == 1
    assert _added(plan) == ""
    Path("so-lieu.csv").write_text("Đơn vị tính: Tỷ đồng\nChỉ tiêu,2024\ngrdp,330000\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "so-lieu.csv", "--recorded-at", "2025-03-01")
    assert r.exit_code == 0, r.output
    assert _added(plan) == "grdp,2024,330000,,,,2025-03-01T00:00:00Z\n"


# --- a review annex's comparison and plan columns -----------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "Dự toán 2025",  # the budget's plan for the year
        "Mục tiêu 2025",
        "Chỉ tiêu 2025",  # the year's target, as a plan's annex heads it
        "Tăng/giảm",
        "Chênh lệch (tỷ đồng)",
        "Tỷ lệ (%)",
        "2025/2024 (%)",
        "2025 so với 2024 (%)",
        "Năm 2025 so với năm 2024",
        "Chỉ số phát triển (%)",
    ],
)
def test_a_review_annexs_comparison_and_plan_columns_are_passed_over(plan: Path, heading: str) -> None:
    """A planning department's review annex puts the year's plan, the change and the ratio
    beside the figures. 'So sánh (%)' and 'KH 2025' were passed over with a warning; these
    headings were refused as 'not a period', and the officer had to cut columns out of
    the annex. They hold no figure to record: passed over, said in a warning at their cell."""
    _save([["Chỉ tiêu", "ĐVT", "Năm 2024", heading, "Ước 2025"], ["grdp", "Tỷ đồng", 330000, 107.5, 360000]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--recorded-at", "2026-03-01")
    assert r.exit_code == 0, r.output
    assert _added(plan) == (
        "grdp,2024,330000,,,,2026-03-01T00:00:00Z\ngrdp,2025,360000,estimate,,,2026-03-01T00:00:00Z\n"
    )
    assert f"so-lieu.xlsx:Sheet1!D1: warning: column 4 '{heading}' is a comparison or a plan" in r.stderr


def test_a_heading_naming_one_year_with_no_mark_is_still_a_period(plan: Path) -> None:
    """'Chỉ tiêu' alone heads the indicator column; a heading that is only a year is read."""
    _save([["Chỉ tiêu", "2024/2025"], ["grdp", 5]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--recorded-at", "2026-03-01")
    assert r.exit_code == 1
    assert "so-lieu.xlsx:Sheet1!B1: error" in r.stderr


# --- a footnote mark on a figure ---------------------------------------------------------


def test_a_figure_with_a_footnote_mark_is_told_the_mark_not_just_no_number(plan: Path) -> None:
    """A yearbook marks a figure a note qualifies: '12,3*', '11,03(1)'. It was refused as
    "not a number; write e.g. 1234.5", which an officer looking at 12,3 cannot act on. It is
    still refused (the mark may say the figure is provisional), told the mark and the
    figure without it; nothing is written."""
    _save([["Chỉ tiêu", "2023", "2024"], ["growth", "11,03(1)", "12,3*"]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--recorded-at", "2025-03-01")
    assert r.exit_code == 1, r.output
    assert "so-lieu.xlsx:Sheet1!B2: error: '11,03(1)' ends with a footnote mark, (1):" in r.stderr
    assert "so-lieu.xlsx:Sheet1!C2: error: '12,3*' ends with a footnote mark, *:" in r.stderr
    assert "write the figure alone, 12,3," in r.stderr
    assert "not a number" not in r.stderr
    assert _added(plan) == ""
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--lang", "vi")
    assert "'12,3*' có dấu chú thích *" in r.stderr


def test_a_csv_figure_with_a_footnote_mark_is_told_the_same(plan: Path) -> None:
    """The same in a CSV file, long and wide (a wide one's names its period)."""
    Path("so-lieu.csv").write_text('indicator,period,value\ngrowth,2024,"12.3 (*)"\n', encoding="utf-8")
    r = run_clean("add-observation", "--from", "so-lieu.csv", "--recorded-at", "2025-03-01")
    assert r.exit_code == 1
    assert r.stderr.startswith(
        "so-lieu.csv:2: error: '12.3 (*)' ends with a footnote mark, (*): write the figure alone, 12.3,"
    )
    Path("so-lieu.csv").write_text("indicator;2024\ngrowth;12,3**\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "so-lieu.csv", "--wide", "--recorded-at", "2025-03-01")
    assert r.exit_code == 1
    assert r.stderr.startswith("so-lieu.csv:2: error: period 2024: '12,3**' ends with a footnote mark, **:")
    assert _added(plan) == ""


# --- a figure in merged cells ------------------------------------------------------------


def _merged_book(rows: list[list], *ranges: str) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for row in rows:
        sheet.append(row)
    for cells in ranges:
        sheet.merge_cells(cells)
    book.save("so-lieu.xlsx")


def test_a_figure_merged_across_period_columns_is_refused_not_given_to_the_first(plan: Path) -> None:
    """A plan's annex writes a figure for 2021-2023 in one cell merged across the three year
    columns: Excel shows one 15000 centred under the three years, the file holds it in C2
    alone, and it was stored as grdp's 2021 figure in silence. Refused at C2, with the
    range; the rows of the other indicators are not written either (all or nothing)."""
    _merged_book(
        [
            ["Chỉ tiêu", "ĐVT", "Năm 2021", "Năm 2022", "Năm 2023"],
            ["grdp", "Tỷ đồng", 15000],
            ["growth", "%", 8, 9, 10],
        ],
        "C2:E2",
    )
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--recorded-at", "2025-03-01")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("so-lieu.xlsx:Sheet1!C2: error: the figure 15000 is in cells merged over C2:E2")
    assert _added(plan) == ""


def test_a_figure_merged_down_over_two_rows_is_refused(plan: Path) -> None:
    """A long table's value merged down over two rows (two periods given one figure): only
    the first row held it, and the second was refused as empty; both are said at the merge."""
    _merged_book(
        [["indicator", "period", "value"], ["grdp", "2024", 330000], ["grdp", "2025", None]],
        "C2:C3",
    )
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", "2026-03-01")
    assert r.exit_code == 1, r.output
    assert "so-lieu.xlsx:Sheet1!C2: error: the figure 330000 is in cells merged over C2:C3" in r.stderr
    assert _added(plan) == ""


def test_merged_headers_and_a_merged_no_figure_are_read_as_before(plan: Path) -> None:
    """Merged header cells (the yearbook's 'Năm' over its years) and a '-' merged across
    periods with no figure are no figure merged: read as before."""
    _merged_book(
        [
            ["Chỉ tiêu", "Năm", None, None],
            [None, 2021, 2022, 2023],
            ["grdp", "-", None, None],
            ["growth", 8, 9, 10],
        ],
        "B1:D1",
        "A1:A2",
        "B3:D3",
    )
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--recorded-at", "2025-03-01")
    assert r.exit_code == 0, r.output
    assert _added(plan) == (
        "growth,2021,8,,,,2025-03-01T00:00:00Z\ngrowth,2022,9,,,,2025-03-01T00:00:00Z\n"
        "growth,2023,10,,,,2025-03-01T00:00:00Z\n"
    )


# --- a heading that is a date shown as its year ------------------------------------------


def _dated_headings(dates: list, number_format: str, indicator: str = "grdp") -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["Chỉ tiêu", *dates])
    sheet.append([indicator, *range(300000, 300000 + len(dates))])
    for cell in sheet[1][1:]:
        cell.number_format = number_format
    book.save("so-lieu.xlsx")


def test_a_heading_date_shown_as_its_year_is_that_year(plan: Path) -> None:
    """A template heads its years with dates formatted 'yyyy': Excel shows 2022 and 2023,
    and Save As CSV writes 2022 and 2023, which the CSV import reads. The workbook was
    refused, told the period was 'probably 2022-01', a month the officer never saw."""
    import datetime as dt

    _dated_headings([dt.datetime(2022, 1, 1), dt.datetime(2023, 1, 1)], "yyyy")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--recorded-at", "2024-03-01")
    assert r.exit_code == 0, r.output
    assert _added(plan) == ("grdp,2022,300000,,,,2024-03-01T00:00:00Z\ngrdp,2023,300001,,,,2024-03-01T00:00:00Z\n")


def test_a_heading_date_shown_as_month_and_year_is_that_month(plan: Path) -> None:
    """'mm/yyyy' shows 03/2025: the month, as the CSV of the sheet reads '03/2025'."""
    import datetime as dt

    _dated_headings([dt.datetime(2025, 3, 1), dt.datetime(2025, 4, 1)], "mm/yyyy", "fdi")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--recorded-at", "2025-06-01")
    assert r.exit_code == 0, r.output
    assert _added(plan) == ("fdi,2025-03,300000,,,,2025-06-01T00:00:00Z\nfdi,2025-04,300001,,,,2025-06-01T00:00:00Z\n")


def test_a_heading_date_shown_with_its_day_is_still_refused(plan: Path) -> None:
    """'dd/mm/yyyy' shows 01/01/2022: a day, no period; refused as before, at its cell."""
    import datetime as dt

    _dated_headings([dt.datetime(2022, 1, 1)], "dd/mm/yyyy")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--recorded-at", "2024-03-01")
    assert r.exit_code == 1
    assert r.stderr.startswith("so-lieu.xlsx:Sheet1!B1: error: column 2: '2022-01-01' is a date")
    assert _added(plan) == ""


# --- an index beside a growth rate ------------------------------------------------------


def test_an_index_unit_for_a_growth_rate_is_told_to_take_100_off(plan: Path) -> None:
    """A yearbook gives growth as an index, ĐVT 'Năm trước = 100' (110.5 for a growth of
    10.5%). The unit was refused as any other ('is the figure in another unit?'); it is
    told what the index is and how the growth rate is read from it."""
    _save([["Chỉ tiêu", "ĐVT", "2024"], ["growth", "Năm trước = 100", 110.5]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--recorded-at", "2025-03-01")
    assert r.exit_code == 1
    assert r.stderr.startswith("so-lieu.xlsx:Sheet1!B2: error: the unit 'Năm trước = 100' is an index")
    assert "the index less 100 (110.5 is 10.5)" in r.stderr
    assert _added(plan) == ""
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--lang", "vi")
    assert "là chỉ số phát triển" in r.stderr


# --- a workbook saved as Strict Open XML --------------------------------------------------


def test_a_strict_open_xml_workbook_is_told_what_it_is(plan: Path) -> None:
    """Excel's Save As offers 'Strict Open XML Spreadsheet (*.xlsx)': the same name, other
    XML namespaces (ISO/IEC 29500 Strict), which openpyxl does not read. Such a workbook
    was said to have 'no sheet of cells', as if saved empty; it is told what it is and how
    to save it so that it is read."""
    path = _save([["indicator", "period", "value"], ["grdp", "2024", 330000]])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    strict = {
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": b"http://purl.oclc.org/ooxml/spreadsheetml/main",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
            b"http://purl.oclc.org/ooxml/officeDocument/relationships"
        ),
    }
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            for transitional, iso in strict.items():
                data = data.replace(transitional, iso)
            z.writestr(n, data)
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", "2025-03-01")
    assert r.exit_code == 1
    assert r.stderr.startswith("so-lieu.xlsx: error: a workbook saved as 'Strict Open XML Spreadsheet'")
    assert "Excel Workbook (*.xlsx)" in r.stderr and "no sheet of cells" not in r.stderr
    assert _added(plan) == ""


def test_a_status_or_source_merged_down_over_rows_is_refused_not_given_to_the_first(plan: Path) -> None:
    """A yearbook merges 'Sơ bộ' (preliminary) down its status column over the rows it
    covers, and its source too: the file holds each in the first row alone, and the rows
    below were recorded with no status and no source, in silence. Refused at the merge."""
    _merged_book(
        [
            ["indicator", "period", "value", "status", "source"],
            ["grdp", "2024", 330000, "Sơ bộ", "NGTK 2024"],
            ["growth", "2024", 10.5, None, None],
        ],
        "D2:D3",
        "E2:E3",
    )
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", "2025-03-01")
    assert r.exit_code == 1, r.output
    assert "so-lieu.xlsx:Sheet1!D2: error: 'Sơ bộ' is in cells merged down over D2:D3" in r.stderr
    assert "so-lieu.xlsx:Sheet1!E2: error: 'NGTK 2024' is in cells merged down over E2:E3" in r.stderr
    assert _added(plan) == ""


def test_a_note_merged_across_columns_of_its_own_row_is_read(plan: Path) -> None:
    """A note merged to the right over empty cells of its own row stays that row's."""
    _merged_book(
        [["indicator", "period", "value", "note", None], ["grdp", "2024", 330000, "sơ bộ", None]],
        "D1:E1",
        "D2:E2",
    )
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", "2025-03-01")
    assert r.exit_code == 0, r.output
    assert _added(plan) == "grdp,2024,330000,,,sơ bộ,2025-03-01T00:00:00Z\n"


# --- --sheet as Excel names a sheet ------------------------------------------------------


def test_sheet_names_the_sheet_in_any_case_as_excel_does(plan: Path) -> None:
    """Excel holds no two sheets whose names differ in case alone, and finds 'số liệu' as
    'Số liệu'; --sheet "số liệu" was refused ('did you mean Số liệu?')."""
    book = openpyxl.Workbook()
    book.active.title = "Bìa"
    book.active.append(["Báo cáo"])
    data = book.create_sheet("Số liệu")
    data.append(["indicator", "period", "value"])
    data.append(["grdp", "2024", 330000])
    book.save("so-lieu.xlsx")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--sheet", "SỐ LIỆU", "--recorded-at", "2025-03-01")
    assert r.exit_code == 0, r.output
    assert _added(plan) == "grdp,2024,330000,,,,2025-03-01T00:00:00Z\n"
