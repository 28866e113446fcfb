"""Session 46, helper X: figures from other offices' spreadsheets and CSV files, imported as
a provincial statistics officer meets them. Each test was written failing first; each
expected figure and text is worked by hand in its comment, never copied from qntrack's
output."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean, write_repository

PLAN = """\
version: 1
title: "Import"
observations: observations.csv
indicators:
  growth:
    name: {en: "GRDP growth", vi: "Tăng trưởng GRDP"}
    unit: "%"
    measure: rate
    frequency: quarter
  revenue:
    name: {en: "Budget revenue", vi: "Thu ngân sách"}
    unit: {en: "billion VND", vi: "tỷ đồng"}
    measure: flow
targets:
  - id: growth
    type: level
    indicator: growth
    baseline: {period: 2020, value: 5}
    milestones:
      - {by: 2030, value: 8}
"""
STORE = "indicator,period,value,status,source,note,recorded_at\n"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


def _store(plan: Path) -> str:
    return (plan / "observations.csv").read_text(encoding="utf-8")


# --- 1. Excel's 'sep=' line naming another separator than the header's -------------------
#
# Excel writes 'sep=;' on line 1 for a CSV to open in any locale; an office edits the file
# in another program, which saves it with ',' and keeps the line (or the reverse). The
# header below then reads as one column, and the import said "give --delimiter ',', or
# leave --delimiter out (the separator is found from the header)": the user had given no
# --delimiter, and leaving it out is what they did. The line is the cause: told so, at it.


@pytest.mark.parametrize(
    ("text", "line", "other"),
    [
        ("sep=;\r\nindicator,period,value\r\nrevenue,2024,12.5\r\n", "sep=;", "','"),
        ("sep=,\r\nindicator;period;value\r\nrevenue;2024;12,5\r\n", "sep=,", "';'"),
    ],
)
def test_a_separator_line_naming_another_separator_than_the_header_s_is_told(
    plan: Path, text: str, line: str, other: str
) -> None:
    (plan / "in.csv").write_text(text, encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith(f"in.csv:1: error: line 1 is '{line}'"), r.stderr
    assert "leave --delimiter out" not in r.stderr, r.stderr
    assert "delete line 1" in r.stderr and f"--delimiter {other}" in r.stderr, r.stderr
    assert _store(plan) == STORE
    vi = run_clean("--lang", "vi", "add-observation", "--from", "in.csv")
    assert vi.stderr.startswith(f"in.csv:1: lỗi: dòng 1 là '{line}'"), vi.stderr
    # --delimiter given is stronger than the line: the file then imports.
    sep = other.strip("'")
    done = run_clean("add-observation", "--from", "in.csv", "--delimiter", sep, "--recorded-at", "2025-01-01")
    assert done.exit_code == 0, done.output
    assert _store(plan) == STORE + "revenue,2024,12.5,,,,2025-01-01T00:00:00Z\n"


# --- 2. A wide table separated by ';' read with ',' ---------------------------------------
#
# 'indicator;2023;2024' read with --delimiter ',' (or under 'sep=,') is one column: the
# long table's reading said "names none of the columns ...; give --delimiter" and --wide
# "a wide table's first column must be 'indicator', found 'indicator;2023;2024'", neither
# naming the separator that reads it, as a long header is told (pass K, s45).


@pytest.mark.parametrize("wide", [(), ("--wide",)])
@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("indicator;2023;2024\r\nrevenue;1,5;2\r\n", ("--delimiter", ",")),
        ("indicator;2023;2024\r\nrevenue;1,5;2\r\n", ("--delimiter", "tab")),
    ],
)
def test_a_wide_header_read_with_another_separator_is_told_the_one_that_reads_it(
    plan: Path, text: str, given: tuple[str, ...], wide: tuple[str, ...]
) -> None:
    (plan / "in.csv").write_text(text, encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv", *given, *wide)
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("in.csv:1: error: not a table of figures separated by"), r.stderr
    assert "the header indicator, 2023, 2024 separated by ';'" in r.stderr, r.stderr
    assert "give --delimiter ';'" in r.stderr, r.stderr
    assert r.stderr.count("error:") == 1, r.stderr
    assert _store(plan) == STORE


def test_a_wide_header_under_another_separator_line_is_told_the_line(plan: Path) -> None:
    (plan / "in.csv").write_text("sep=,\r\nindicator;2023;2024\r\nrevenue;1,5;2\r\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv", "--wide")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("in.csv:1: error: line 1 is 'sep=,'"), r.stderr
    assert "indicator, 2023, 2024 separated by ';'" in r.stderr, r.stderr


# --- 3. Open SDG: 'sep=;' above a header separated by ';' (pass O's leftover, s45) -------
#
# Both are wrong for sdg-build: the line is read as the header, and the file's separator is
# not a comma. The import said only "delete the line": deleted, the file was refused
# again for its separator. Both are said at once.


def test_an_open_sdg_file_with_a_semicolon_separator_line_is_told_both(tmp_path: Path) -> None:
    repo = write_repository(
        tmp_path / "repo",
        {
            "data/indicator_1-1-1.csv": "sep=;\nYear;Value\n2015;10\n2020;8\n",
            "meta/1-1-1.md": "---\nindicator_name: X\n---\n",
        },
    )
    done = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "tracker"), "--recorded-at", "2025-06-30")
    assert done.exit_code == 1
    assert done.stderr.startswith("data/indicator_1-1-1.csv:1: error: line 1 is 'sep=;'"), done.stderr
    assert "delete the line" in done.stderr and "separated by ';'" in done.stderr, done.stderr
    assert "commas" in done.stderr, done.stderr
    assert not (tmp_path / "tracker").exists()


# --- 4. A workbook whose column A holds whole ';'-separated lines -------------------------
#
# A ';' CSV file opened in an Excel set to ',' (or the reverse) shows each line in column A;
# the office saves it as .xlsx and sends it. The import said "no row of sheet 'Sheet' names
# the indicator column", which the officer, looking at 'indicator;period;value' in A1,
# could not see. Told at the cell, with the separator and what to do.


@pytest.mark.parametrize(
    ("rows", "wide", "columns"),
    [
        ([["indicator;period;value"], ["revenue;2024;1,5"]], (), "indicator, period, value"),
        ([["Báo cáo quý"], [], ["Chỉ tiêu;Kỳ;Giá trị"], ["revenue;2024;1,5"]], (), "Chỉ tiêu, Kỳ, Giá trị"),
        ([["indicator;2023;2024"], ["revenue;1;2"]], ("--wide",), "indicator, 2023, 2024"),
    ],
)
def test_a_workbook_of_whole_lines_in_one_column_is_told_so(
    plan: Path, rows: list[list[str]], wide: tuple[str, ...], columns: str
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(plan / "in.xlsx")
    at = next(n for n, row in enumerate(rows, start=1) if row and ";" in row[0])
    r = run_clean("add-observation", "--from", "in.xlsx", *wide)
    assert r.exit_code == 1, r.output
    said = " ".join(r.stderr.split())
    assert said.startswith(f"in.xlsx:Sheet!A{at}: error: "), r.stderr
    assert f"{columns} separated by ';'" in said, r.stderr
    assert "Text to Columns" in said and "names the indicator column" not in said, r.stderr
    assert _store(plan) == STORE
    vi = run_clean("--lang", "vi", "add-observation", "--from", "in.xlsx", *wide)
    assert f"in.xlsx:Sheet!A{at}: lỗi: " in vi.stderr and "separated by" not in vi.stderr, vi.stderr


# --- 5. A number cell that holds more decimals than its format shows ----------------------
#
# A district's growth rate computed by a formula, =B5/B4*100-100, holds 8.41234567 and is
# formatted 0.0: the sheet shows 8.4, the figure the office publishes. It was stored as
# 8.41234567 without a word, so the tracker's tables later showed 8.41 beside a published
# 8.4. The figure is still stored as the cell holds it (qntrack never rounds a figure),
# with one warning at the first such cell, the count of the others, and what to do.
# By hand: 8.41234567 at one decimal is 8.4; 1234.5 under '#,##0' is shown 1,235 (Excel
# rounds half away from zero); 9.1 under '0.0' and 12.25 under '0.00' show all they hold;
# 2.5 under '#,##0.##' shows 2.5; 7 under '0' shows 7.


def test_a_number_cell_holding_more_decimals_than_it_shows_is_warned_of(plan: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "value"])
    cells = [
        ("growth", "2024-Q1", 8.41234567, "0.0"),
        ("revenue", "2024", 1234.5, "#,##0"),
        ("growth", "2024-Q2", 9.1, "0.0"),
        ("growth", "2024-Q3", 12.25, "0.00"),
        ("growth", "2024-Q4", 2.5, "#,##0.##"),
        ("growth", "2023-Q4", 7, "0"),
    ]
    for n, (indicator, period, value, shown) in enumerate(cells, start=2):
        sheet.append([indicator, period, value])
        sheet[f"C{n}"].number_format = shown
    book.save(plan / "in.xlsx")
    r = run_clean("add-observation", "--from", "in.xlsx", "--recorded-at", "2025-02-01")
    assert r.exit_code == 0, r.output
    warned = [line for line in r.stderr.splitlines() if "warning:" in line]
    assert len(warned) == 1, r.stderr
    said = warned[0]
    assert said.startswith("in.xlsx:Sheet!C2: warning: "), said
    assert "8.41234567" in said and "8.4 " in said and "1 more" in said, said
    stored = _store(plan).splitlines()[1:]
    assert [line.split(",")[2] for line in stored] == ["8.41234567", "1234.5", "9.1", "12.25", "2.5", "7"]
    vi = run_clean("--lang", "vi", "add-observation", "--from", "in.xlsx", "--dry-run")
    assert "in.xlsx:Sheet!C2: cảnh báo: " in vi.stderr and "8,41234567" in vi.stderr, vi.stderr


# --- 6. Vietnamese headings typed without their marks -----------------------------------
#
# An officer types without marks, or a system strips them: 'Chi tieu;Ky;Gia tri' was
# "its first line names none of the columns indicator, period, ...", and 'Ghi chu' beside
# marked headings "unknown column 'Ghi chu'", never told which heading was meant. Told,
# not read: without its marks a heading may be another word ('Nam' is also "male", a
# breakdown's unit, where 'Năm' is the year), as a group typed without marks is (pass K).


def test_a_header_of_vietnamese_headings_without_marks_is_told_the_headings(plan: Path) -> None:
    (plan / "in.csv").write_text("Chi tieu;Ky;Gia tri\r\nrevenue;2024;12,5\r\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1, r.output
    said = " ".join(r.stderr.split())
    assert said.startswith("in.csv:1: error: "), r.stderr
    for typed, meant in (("Chi tieu", "Chỉ tiêu"), ("Ky", "Kỳ"), ("Gia tri", "Giá trị")):
        assert f"'{typed}' → '{meant}'" in said, r.stderr
    assert "names none of the columns" not in said, r.stderr
    assert _store(plan) == STORE
    vi = run_clean("--lang", "vi", "add-observation", "--from", "in.csv")
    assert vi.stderr.startswith("in.csv:1: lỗi: ") and "'Chi tieu'" in vi.stderr, vi.stderr


def test_one_vietnamese_heading_without_marks_is_told_the_heading_meant(plan: Path) -> None:
    (plan / "in.csv").write_text("Chỉ tiêu;Kỳ;Giá trị;Ghi chu\r\nrevenue;2024;12,5;x\r\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1, r.output
    assert "unknown column 'Ghi chu'; did you mean 'Ghi chú'?" in r.stderr, r.stderr


def test_a_workbook_header_without_marks_is_told_at_its_row(plan: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["BAO CAO"])
    sheet.append(["STT", "Chi tieu", "Ky", "Gia tri"])
    sheet.append([1, "revenue", "2024", 12.5])
    book.save(plan / "in.xlsx")
    r = run_clean("add-observation", "--from", "in.xlsx")
    assert r.exit_code == 1, r.output
    said = " ".join(r.stderr.split())
    assert said.startswith("in.xlsx:Sheet!B2: error: "), r.stderr
    assert "'Chi tieu' → 'Chỉ tiêu', 'Ky' → 'Kỳ', 'Gia tri' → 'Giá trị'" in said, r.stderr
    assert "names the indicator column" not in said, r.stderr


# --- 7. Headings with non-breaking spaces, as a Word table or a web page pastes them ------
#
# 'Chỉ\u00a0tiêu' (Word keeps a non-breaking space typed with Ctrl+Shift+Space, a web
# page's table writes &nbsp;) and 'Giá  trị' (two spaces) were not the headings they show:
# "its first line names none of the columns". A workbook's header cell is read with its
# spaces folded (workbook_cells.column_name); a text file's is read the same way now.


def test_headings_with_non_breaking_or_double_spaces_are_read(plan: Path) -> None:
    text = "Chỉ\u00a0tiêu\tKỳ\u00a0báo\u00a0cáo\tGiá  trị\nrevenue\t2024\t12,5\n"
    (plan / "in.tsv").write_text(text, encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.tsv", "--recorded-at", "2025-01-01")
    assert r.exit_code == 0, r.output
    assert _store(plan) == STORE + "revenue,2024,12.5,,,,2025-01-01T00:00:00Z\n"


# --- 8. A file separated by '|' (a database's export) -------------------------------------
#
# 'indicator|period|value' was told "is the file separated by something else? give
# --delimiter", and --delimiter '|' was then refused ("use ',', ';' or 'tab'"): a dead
# end, though a 'sep=|' line was read and the Python API's ImportFormat(delimiter="|")
# imports it. The header is detected with '|' when it has no other separator, and
# --delimiter takes '|' (or 'pipe'). Its numbers are read as a tab file's, as they show.


def test_a_pipe_separated_file_is_read(plan: Path) -> None:
    (plan / "in.txt").write_text("indicator|period|value\nrevenue|2024|12.5\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.txt", "--recorded-at", "2025-01-01")
    assert r.exit_code == 0, r.output
    assert _store(plan) == STORE + "revenue,2024,12.5,,,,2025-01-01T00:00:00Z\n"


@pytest.mark.parametrize("given", ["|", "pipe"])
def test_delimiter_takes_a_pipe(plan: Path, given: str) -> None:
    (plan / "in.txt").write_text("indicator|period|value|note\nrevenue|2024|12,5|a, b; c\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.txt", "--delimiter", given, "--recorded-at", "2025-01-01")
    assert r.exit_code == 0, r.output
    assert _store(plan) == STORE + 'revenue,2024,12.5,,,"a, b; c",2025-01-01T00:00:00Z\n'


def test_a_pipe_file_read_with_a_comma_is_told_the_pipe(plan: Path) -> None:
    (plan / "in.txt").write_text("indicator|period|value\nrevenue|2024|12.5\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.txt", "--delimiter", ",")
    assert r.exit_code == 1, r.output
    assert "reads as the header indicator, period, value separated by '|'; give --delimiter '|'" in r.stderr
    bad = run_clean("add-observation", "--from", "in.txt", "--delimiter", "x")
    assert bad.exit_code == 2 and "'|'" in bad.stderr, bad.stderr


# --- 9. A thin space grouping thousands ---------------------------------------------------
#
# '312 000' with a thin space (U+2009), the SI's digit grouping, as a document typeset so
# (or a PDF of one) pastes it: refused as "not a number", the message showing what looks
# like the '312 000' of a space or a non-breaking space, both of which are read. Read as
# they are: 312000, and 347534.5 for '347 534,5' in a decimal-comma file.


def test_a_thin_space_grouping_thousands_is_read_as_a_space_is(plan: Path) -> None:
    text = "indicator;period;value\r\nrevenue;2024;347\u2009534,5\r\nrevenue;2023;312\u2009000\r\n"
    (plan / "in.csv").write_text(text, encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv", "--recorded-at", "2025-01-01")
    assert r.exit_code == 0, r.output
    assert _store(plan) == (
        STORE + "revenue,2024,347534.5,,,,2025-01-01T00:00:00Z\nrevenue,2023,312000,,,,2025-01-01T00:00:00Z\n"
    )


# --- 10. A formula kept as its text in the value cell ------------------------------------
#
# LibreOffice's CSV export with "Save cell formulas instead of calculated values" ticked
# writes '=B2*2'; a formula typed into a Text-formatted Excel cell stays its text too. Both
# were told "'=B2*2' is not a number; write e.g. 1234,5", which says nothing of the cause.
# Told what it is and how to save the figure instead, in a text file and a workbook alike.


def test_a_formula_kept_as_text_in_the_value_cell_is_told_so(plan: Path) -> None:
    (plan / "in.csv").write_text("indicator;period;value\r\nrevenue;2024;=B2*2\r\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("in.csv:2: error: '=B2*2' is a formula"), r.stderr
    assert "is not a number" not in r.stderr, r.stderr
    (plan / "wide.csv").write_text("indicator;2023;2024\r\nrevenue;1;=B2*2\r\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "wide.csv", "--wide")
    assert r.exit_code == 1 and "'=B2*2' is a formula" in r.stderr, r.stderr
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "value"])
    sheet.append(["revenue", "2024", "=B2*2"])
    sheet["C2"].data_type = "s"  # a Text cell's content, not a formula
    book.save(plan / "in.xlsx")
    r = run_clean("add-observation", "--from", "in.xlsx")
    assert r.exit_code == 1, r.output
    assert "in.xlsx:Sheet!C2: error: '=B2*2' is a formula" in r.stderr, r.stderr
    vi = run_clean("--lang", "vi", "add-observation", "--from", "in.csv")
    assert vi.stderr.startswith("in.csv:2: lỗi: '=B2*2' là công thức"), vi.stderr
    assert _store(plan) == STORE


@pytest.mark.parametrize(("value", "shown"), [(1e308, "#,##0"), (1.5e27, "0.00"), (-1e-12, "0.0")])
def test_a_number_far_beyond_its_format_s_decimals_is_read_without_a_traceback(
    plan: Path, value: float, shown: str
) -> None:
    # 1e308 under '#,##0' ended in decimal.InvalidOperation (rounding it to a whole number
    # needs 309 digits): it holds no decimal its format hides, so nothing is said of it.
    # -1e-12 under '0.0' shows -0.0 and holds more: warned of, as 8.41234567 is (-1e-300,
    # below the smallest figure entry takes, is refused since the forty-seventh session).
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "value"])
    sheet.append(["revenue", "2019", value])
    sheet["C2"].number_format = shown
    book.save(plan / "in.xlsx")
    r = run_clean("add-observation", "--from", "in.xlsx", "--dry-run")
    assert r.exit_code == 0, r.output
    assert ("its number format shows" in r.stderr) == (value < 1), r.stderr
