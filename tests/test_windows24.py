"""A district statistics officer on Windows 10 with Excel 2016 in Vietnamese (issue 17,
twenty-fourth session): the cells Excel writes into the files she saves and pastes, given
to ``add-observation`` on a copy of the shipped dataset. Expected texts are written by hand
from each file the test makes (docs/decisions.md, "A district officer on Windows 10 and
Excel 2016")."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean, store_bytes

# --- Excel's error values in a figure's cell ---------------------------------------------

# Every error value Excel 2016 and later writes where a formula gave no figure (Excel's
# "Error.Type" list and the dynamic-array and data-type errors of Excel 365), Google
# Sheets' #ERROR! and LibreOffice Calc's "Err:502" (its code of an invalid argument).
EXCEL_ERRORS = [
    "#NULL!",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#N/A",
    "#GETTING_DATA",
    "#SPILL!",
    "#CALC!",
    "#FIELD!",
    "#BLOCKED!",
    "#CONNECT!",
    "#BUSY!",
    "#UNKNOWN!",
    "#ERROR!",
    "Err:502",
]


def _excel_error(text: str) -> str:
    return (
        f"'{text}' is an error value a spreadsheet shows where a formula gave no figure, not a figure:"
        " correct the formula and save the file again, or leave the row out if there is no figure"
    )


@pytest.mark.parametrize("error", EXCEL_ERRORS)
def test_every_excel_error_value_is_said_to_be_one(shipped: Path, error: str) -> None:
    # Her sheet's growth column is a formula (=C5/B5*100-100); where a quarter's figure
    # was not in yet it shows #DIV/0!, where a name was mistyped #NAME?. Saved as "Unicode
    # Text" (UTF-16 with its BOM, tabs). #DIV/0! was "not a finite number", #NAME? "not a
    # number; write e.g. 1234.5", as if a figure were typed wrong: each is the formula's
    # error, said so alike.
    text = f"Chỉ tiêu\tKỳ\tGiá trị\r\ngrdp_growth\tQuý I/2026\t{error}\r\n"
    Path("so-lieu.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    before = store_bytes(shipped)
    r = run_clean("add-observation", "--from", "so-lieu.txt")
    assert r.exit_code == 1, r.output
    assert f"so-lieu.txt:2: error: {_excel_error(error)}" in r.stderr.splitlines()
    assert store_bytes(shipped) == before


def test_an_excel_error_value_in_a_workbook_and_on_the_command_line(shipped: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    sheet.append(["grdp_growth", "Quý I/2026", None])
    sheet["C2"].value = "#NAME?"
    sheet["C2"].data_type = "e"  # an error cell, as Excel stores it
    book.save("so-lieu.xlsx")
    before = store_bytes(shipped)
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1, r.output
    assert f"so-lieu.xlsx:Sheet1!C2: error: {_excel_error('#NAME?')}" in r.stderr.splitlines()
    # A cell copied from the sheet and pasted as VALUE.
    r = run_clean("add-observation", "grdp_growth", "2026-Q1", "#SPILL!")
    assert r.exit_code == 1, r.output
    assert r.stderr.splitlines()[0] == f"add-observation: error: {_excel_error('#SPILL!')}"
    assert store_bytes(shipped) == before


def test_an_excel_error_value_in_vietnamese_and_in_a_wide_table(shipped: Path) -> None:
    Path("rong.csv").write_text("Chỉ tiêu;2024;2025\ngrdp_growth;#VALUE!;9,1\n", encoding="utf-8")
    r = run_clean("--lang", "vi", "add-observation", "--from", "rong.csv", "--wide")
    assert r.exit_code == 1, r.output
    assert (
        "rong.csv:2: lỗi: kỳ 2024: '#VALUE!' là giá trị lỗi mà bảng tính hiện khi công thức không cho ra số liệu,"
        " không phải số liệu: hãy sửa công thức rồi lưu lại tệp; nếu chưa có số liệu, hãy để trống ô này"
    ) in r.stderr.splitlines()


def test_text_that_merely_starts_with_a_hash_is_not_called_an_excel_error(shipped: Path) -> None:
    # '#12' and '####' are other slips ('####': a column too narrow, said as before).
    Path("f.csv").write_text("indicator,period,value\ngrdp_growth,2026-Q1,#12\ngrdp_growth,2025-Q4,####\n")
    r = run_clean("add-observation", "--from", "f.csv")
    assert r.exit_code == 1, r.output
    assert "spreadsheet shows where a formula" not in r.stderr
    assert "'####'" in r.stderr


# --- a month Excel turned into a date, shown with Vietnamese settings ---------------------


@pytest.mark.parametrize(
    ("cell", "period"),
    [
        ("Thg3-26", "2026-03"),  # Windows' Vietnamese short month (Thg1..Thg12), Excel's mmm-yy
        ("Thg12-25", "2025-12"),
        ("thg 3-26", "2026-03"),  # the same as CLDR writes it ('thg 3')
        ("Thg3-2026", "2026-03"),
    ],
)
def test_a_month_excel_turned_into_a_vietnamese_date_is_said_so(shipped: Path, cell: str, period: str) -> None:
    # She typed 3/2026 for March in a General cell: Excel made it the date 1 March 2026,
    # shown as mmm-yy with Windows' Vietnamese month names, and "CSV (Comma delimited)"
    # wrote what it showed. The English 'Mar-26' was told "Excel turned the period
    # (probably 2026-03) into a date"; 'Thg3-26' was "not a period" with the valid forms.
    Path("f.csv").write_text(f"Chỉ tiêu;Kỳ;Giá trị\nfdi;{cell};125,5\n", encoding="utf-8")
    before = store_bytes(shipped)
    r = run_clean("add-observation", "--from", "f.csv")
    assert r.exit_code == 1, r.output
    line = r.stderr.splitlines()[0]
    assert line.startswith(
        f"f.csv:2: error: '{cell}' is a date: Excel turned the period (probably {period}) into a date"
    )
    assert store_bytes(shipped) == before


@pytest.mark.parametrize("cell", ["Thg13-26", "Thg0-26", "Thg3", "Thg3-2026x"])
def test_what_is_no_vietnamese_month_date_is_not_read_as_one(shipped: Path, cell: str) -> None:
    Path("f.csv").write_text(f"Chỉ tiêu;Kỳ;Giá trị\nfdi;{cell};125,5\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "f.csv")
    assert r.exit_code == 1, r.output
    assert "is a date" not in r.stderr


# --- "CSV (Comma delimited)" from an Excel 2016 that has no "CSV UTF-8" -----------------


def test_a_windows_1258_file_is_told_the_ways_every_excel_2016_has(shipped: Path) -> None:
    # Her Excel 2016 (a volume-licensed copy, never updated) lists no "CSV UTF-8 (Comma
    # delimited)" under Save As: that type came with a later update. Its "CSV (Comma
    # delimited)" writes the ANSI code page, Windows-1258 on her Vietnamese Windows, tones
    # as combining marks (0xD2 the hook above of 'ỉ', 0xEC the acute of 'ế'). The refusal
    # gave only the CSV UTF-8 way; it now also gives what every Excel has: the workbook
    # itself (qntrack reads .xlsx), or Save As "Unicode Text", which qntrack reads too.
    text = "Chi\u0309 tiêu;Ky\u0300;Gia\u0301 tri\u0323\nfdi;Tha\u0301ng 3/2026;125,5\n"
    Path("so-lieu.csv").write_bytes(text.encode("cp1258"))
    before = store_bytes(shipped)
    r = run_clean("add-observation", "--from", "so-lieu.csv")
    assert r.exit_code == 1, r.output
    line = r.stderr.splitlines()[0]
    assert line.startswith("so-lieu.csv:1: error: not UTF-8 text but Windows-1258")
    assert "add-observation --from so-lieu.xlsx" in line
    assert "Save As, Unicode Text (*.txt)" in line
    r = run_clean("--lang", "vi", "add-observation", "--from", "so-lieu.csv")
    line = r.stderr.splitlines()[0]
    assert "add-observation --from so-lieu.xlsx" in line and "Save As, Unicode Text (*.txt)" in line
    assert store_bytes(shipped) == before


# --- her dates in a "Unicode Text" file, whose figures show the decimal comma -------------


def _unicode_text(name: str, text: str) -> None:
    """A file as Excel's "Unicode Text" writes it: UTF-16 LE with its BOM, tabs, CRLF."""
    Path(name).write_bytes(b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"))


def test_dates_of_a_unicode_text_file_with_decimal_commas_are_read_day_first(shipped: Path) -> None:
    # Her sheet's Ngày công bố (publication day) column, shown as Vietnamese settings show
    # a date (dd/mm/yyyy), in a "Unicode Text" file: tabs whatever the settings, so the
    # separator does not say the order, as a ';' file's does. Both days are 12 or less:
    # each was refused, "write it in ISO 8601". Its figures are written with the decimal
    # comma ('125,5'), which only settings that write the day first use (as a ';' file's
    # are read): 03/02/2026 is 3 February 2026, 05/03/2026 is 5 March, said in a warning.
    _unicode_text(
        "so-lieu.txt",
        "Chỉ tiêu\tKỳ\tGiá trị\tNgày công bố\n"
        "fdi\tTháng 1/2026\t125,5\t03/02/2026\n"
        "fdi\tTháng 2/2026\t130,25\t05/03/2026\n",
    )
    r = run_clean("add-observation", "--from", "so-lieu.txt", "--dry-run", "--format", "json", "--tz", "+07:00")
    assert r.exit_code == 0, r.output
    import json

    rows = json.loads(r.stdout)["observations"]
    assert [(o["period"], o["value"], o["recorded_at"][:10]) for o in rows] == [
        ("2026-01", 125.5, "2026-02-03"),
        ("2026-02", 130.25, "2026-03-05"),
    ]
    assert (
        "so-lieu.txt:2: warning: the recorded_at dates of this file are read day first, as the"
        " settings that write its figures with a decimal comma ('125,5') write dates: '03/02/2026' is"
        " 2026-02-03; if the file writes the month first, write the dates as ISO (2026-07-03)"
    ) in r.stderr.splitlines()


def test_dates_of_a_unicode_text_file_with_decimal_points_are_still_refused(shipped: Path) -> None:
    # The same dates beside figures with a decimal point: the file does not say the order.
    _unicode_text(
        "so-lieu.txt",
        "Chỉ tiêu\tKỳ\tGiá trị\tNgày công bố\nfdi\tTháng 1/2026\t125.5\t03/02/2026\n",
    )
    before = store_bytes(shipped)
    r = run_clean("add-observation", "--from", "so-lieu.txt")
    assert r.exit_code == 1, r.output
    assert "recorded_at '03/02/2026' is a date as Excel shows it" in r.stderr
    assert store_bytes(shipped) == before


def test_a_month_first_date_proven_in_a_decimal_comma_file_keeps_its_proof(shipped: Path) -> None:
    # A cell that can only be month first (02/13/2026) decides as before (its own warning),
    # the decimal comma notwithstanding: a proof in the file is not overruled by a habit.
    _unicode_text(
        "so-lieu.txt",
        "Chỉ tiêu\tKỳ\tGiá trị\tNgày công bố\n"
        "fdi\tTháng 1/2026\t125,5\t02/13/2026\n"
        "fdi\tTháng 2/2026\t130,25\t03/05/2026\n",
    )
    r = run_clean("add-observation", "--from", "so-lieu.txt", "--dry-run", "--format", "json", "--tz", "+07:00")
    assert r.exit_code == 0, r.output
    import json

    rows = json.loads(r.stdout)["observations"]
    assert [o["recorded_at"][:10] for o in rows] == ["2026-02-13", "2026-03-05"]
    assert "read month first" in r.stderr


# --- an error value in a source or note cell ---------------------------------------------


def _source_error(column: str, text: str) -> str:
    return (
        f"column '{column}': '{text}' is an error value a spreadsheet shows where a formula gave no result:"
        " correct the formula (or empty the cell) and save the file again"
    )


def test_an_error_value_in_a_source_or_note_is_never_stored(shipped: Path) -> None:
    # Her Nguồn (source) column is =Nguon!B3, a sheet since deleted: Excel shows #REF!; her
    # Ghi chú (note) a mistyped function, #NAME?. Both were stored as the figure's source and
    # note, for good, without a word.
    Path("so-lieu.csv").write_text(
        "Chỉ tiêu;Kỳ;Giá trị;Nguồn;Ghi chú\n"
        "grdp_growth;Quý I/2025;9,1;#REF!;\n"
        "grdp_growth;Quý II/2025;9,5;Cục Thống kê;#NAME?\n",
        encoding="utf-8",
    )
    before = store_bytes(shipped)
    r = run_clean("add-observation", "--from", "so-lieu.csv")
    assert r.exit_code == 1, r.output
    lines = r.stderr.splitlines()
    assert f"so-lieu.csv:2: error: {_source_error('source', '#REF!')}" in lines
    assert f"so-lieu.csv:3: error: {_source_error('note', '#NAME?')}" in lines
    assert store_bytes(shipped) == before
    r = run_clean("--lang", "vi", "add-observation", "--from", "so-lieu.csv")
    assert (
        "so-lieu.csv:2: lỗi: cột 'source': '#REF!' là giá trị lỗi mà bảng tính hiện khi công thức không cho ra"
        " kết quả: hãy sửa công thức (hoặc để trống ô) rồi lưu lại tệp"
    ) in r.stderr.splitlines()


def test_an_error_value_in_a_workbooks_source_cell_is_named_at_its_cell(shipped: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["Chỉ tiêu", "Kỳ", "Giá trị", "Nguồn"])
    sheet.append(["grdp_growth", "Quý I/2025", 9.1, None])
    sheet["D2"].value = "#REF!"
    sheet["D2"].data_type = "e"
    book.save("so-lieu.xlsx")
    before = store_bytes(shipped)
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1, r.output
    assert f"so-lieu.xlsx:Sheet1!D2: error: {_source_error('source', '#REF!')}" in r.stderr.splitlines()
    assert store_bytes(shipped) == before


def test_a_source_that_merely_starts_with_a_hash_is_stored(shipped: Path) -> None:
    Path("f.csv").write_text(
        "indicator,period,value,status,source\ngrdp_growth,2025-Q1,9.1,official,#3 Cục Thống kê\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "f.csv", "--dry-run")
    assert r.exit_code == 0, r.output


def test_an_error_value_in_a_wide_workbook_says_to_empty_the_cell_not_drop_the_row(shipped: Path) -> None:
    # Her yearbook sheet: one row per indicator, a column per year; 2024's growth is #N/A
    # (=NA(), not published yet). The message said "leave the row out", which would drop
    # 2025's figure beside it; a wide CSV file says "leave the cell empty", and so does
    # the workbook now, with the period, as the CSV file does.
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["Chỉ tiêu", "2024", "2025"])
    sheet.append(["grdp_growth", None, 9.1])
    sheet["B2"].value = "#N/A"
    sheet["B2"].data_type = "e"
    book.save("nien-giam.xlsx")
    r = run_clean("add-observation", "--from", "nien-giam.xlsx", "--wide")
    assert r.exit_code == 1, r.output
    assert (
        "nien-giam.xlsx:Sheet1!B2: error: period 2024: '#N/A' is an error value a spreadsheet shows where a"
        " formula gave no figure, not a figure: correct the formula and save the file again, or leave the cell"
        " empty if there is no figure"
    ) in r.stderr.splitlines()


def test_an_error_value_for_the_indicator_or_period_is_said_to_be_one(shipped: Path) -> None:
    # Her Mã chỉ tiêu (indicator id) column is =VLOOKUP(B2;Danh_muc!A:B;2;0): a name not in
    # the list shows #N/A, said "unknown indicator '#N/A'; known: ...", as if she had typed
    # a wrong id. A period made by a formula that failed, #VALUE!, was "not a period".
    Path("so-lieu.csv").write_text(
        "Mã chỉ tiêu;Kỳ;Giá trị\n#N/A;Quý I/2025;9,1\ngrdp_growth;#VALUE!;9,5\n", encoding="utf-8"
    )
    before = store_bytes(shipped)
    r = run_clean("add-observation", "--from", "so-lieu.csv")
    assert r.exit_code == 1, r.output
    lines = r.stderr.splitlines()
    assert f"so-lieu.csv:2: error: {_source_error('indicator', '#N/A')}" in lines
    assert f"so-lieu.csv:3: error: {_source_error('period', '#VALUE!')}" in lines
    assert "unknown indicator" not in r.stderr
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["Mã chỉ tiêu", "Kỳ", "Giá trị"])
    sheet.append([None, "Quý I/2025", 9.1])
    sheet["A2"].value = "#N/A"
    sheet["A2"].data_type = "e"
    book.save("so-lieu.xlsx")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1, r.output
    assert f"so-lieu.xlsx:Sheet1!A2: error: {_source_error('indicator', '#N/A')}" in r.stderr.splitlines()
    assert store_bytes(shipped) == before


def test_an_error_value_for_the_indicator_of_a_wide_file_is_said_to_be_one(shipped: Path) -> None:
    # The same lookup in a yearbook table saved as CSV (one row per indicator).
    Path("nien-giam.csv").write_text("Chỉ tiêu;2024;2025\n#N/A;8,5;9\n", encoding="utf-8")
    before = store_bytes(shipped)
    r = run_clean("add-observation", "--from", "nien-giam.csv", "--wide")
    assert r.exit_code == 1, r.output
    assert f"nien-giam.csv:2: error: {_source_error('indicator', '#N/A')}" in r.stderr.splitlines()
    assert store_bytes(shipped) == before
