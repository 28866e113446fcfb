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
