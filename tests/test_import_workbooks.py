"""Reading workbooks (issue 15): `add-observation --from so-lieu.xlsx [--sheet NAME]`.

The workbooks are built here with openpyxl as an office's would be (a yearbook sheet with
a title, a merged two-row header and footnotes; Vietnamese headers; number, text and date
cells; a formula with a saved value); what is checked is what the store holds after,
and that every error names the sheet and the cell.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean, store_text

from qntrack.files.workbooks import unit_matches
from qntrack.plan.model import Location

TARGETS = """\
version: 1
title: "Workbook import test"
dimensions:
  locality:
    name: {en: Locality, vi: Địa phương}
    values: [Alpha, Beta]
indicators:
  growth:
    name: {en: "GRDP growth", vi: "Tăng trưởng GRDP"}
    unit: {en: "% y/y", vi: "% so với cùng kỳ"}
    measure: rate
    frequency: quarter
  revenue:
    name: "Budget revenue"
    unit: {en: "billion VND", vi: "tỷ đồng"}
    measure: flow
    dimensions: [locality]
  share:
    name: "Manufacturing share"
    unit: "%"
targets:
  - id: share
    indicator: share
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 15}
"""

HEADER = STORE_HEADER
START = HEADER + "share,2020,10,official,yearbook 2020,,2021-06-30T00:00:00Z\n"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, START)


def added(plan: Path) -> str:
    return store_text(plan)[len(START) :]


def save(rows: list[list], name: str = "so-lieu.xlsx", title: str = "Sheet1", merged: tuple[str, ...] = ()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    book.save(name)
    return Path(name)


def yearbook() -> Path:
    """A sheet as a statistics office prints a table: a title and a unit line above it,
    'Chỉ tiêu' and 'Đơn vị tính' merged down over a two-row header, 'Năm' merged across
    the period columns, a row-number column, a '-' for no figure, footnotes below."""
    return save(
        [
            ["Biểu 5. Một số chỉ tiêu kinh tế chủ yếu"],
            ["(Số liệu chính thức)"],
            [],
            ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm", None, None],
            [None, None, None, 2021, "2022", 2023],
            [1, "growth", "%", 10.28, "9,5", 7.25],
            [2, "revenue", "Tỷ  đồng", 52100, "-", "48.910,5"],
            [],
            ["Nguồn: Cục Thống kê tỉnh"],
            ["(*) Số liệu năm 2023 là sơ bộ"],
        ],
        merged=("A4:A5", "B4:B5", "C4:C5", "D4:F4"),
    )


# --- what is stored -----------------------------------------------------------------------


def test_a_yearbook_sheet_with_merged_header_and_notes_is_read(plan: Path):
    yearbook()
    r = run_clean(
        "add-observation",
        "--from",
        "so-lieu.xlsx",
        "--wide",
        "--status",
        "official",
        "--source",
        "Niên giám 2023",
        "--recorded-at",
        "2024-06-30",
    )
    assert r.exit_code == 0, r.output
    assert r.stderr.startswith("added 5 row(s), 0 already recorded")
    assert added(plan) == (
        "growth,2021,10.28,official,Niên giám 2023,,2024-06-30T00:00:00Z\n"
        # the text '9,5': only a decimal comma reads it
        "growth,2022,9.5,official,Niên giám 2023,,2024-06-30T00:00:00Z\n"
        "growth,2023,7.25,official,Niên giám 2023,,2024-06-30T00:00:00Z\n"
        "revenue,2021,52100,official,Niên giám 2023,,2024-06-30T00:00:00Z\n"  # '-' in 2022: no figure
        # '48.910,5': both marks, one reading
        "revenue,2023,48910.5,official,Niên giám 2023,,2024-06-30T00:00:00Z\n"
    )


def test_a_long_sheet_with_vietnamese_headers_typed_cells_and_a_dimension_column(plan: Path):
    save(
        [
            ["Chỉ tiêu", "Kỳ", "Giá trị", "Loại số liệu", "Nguồn", "Ngày công bố", "Địa phương"],
            ["growth", "Quý I/2024", 7.5, "Sơ bộ", "Cục Thống kê", dt.datetime(2024, 4, 15), None],
            ["revenue", 2023, "1.234,5", "Chính thức", "Sở Tài chính", dt.datetime(2024, 3, 1), "Alpha"],
            ["share", 2022, 12, None, None, None, None],
        ]
    )
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", "2023-05-02")
    assert r.exit_code == 0, r.output
    assert added(plan) == (
        "growth,2024-Q1,7.5,preliminary,Cục Thống kê,,2024-04-15T00:00:00Z\n"
        "revenue[locality=Alpha],2023,1234.5,official,Sở Tài chính,,2024-03-01T00:00:00Z\n"
        "share,2022,12,,,,2023-05-02T00:00:00Z\n"  # an empty date: --recorded-at
    )


def test_a_date_and_time_cell_has_no_zone_until_one_is_given(plan: Path):
    """A date-time cell is a wall-clock time: read in --tz (09:30 at +07:00 is 02:30 UTC),
    refused without a zone, as a CSV timestamp without an offset is."""
    save([["indicator", "period", "value", "recorded_at"], ["share", "2021", 11, dt.datetime(2022, 4, 15, 9, 30)]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1 and r.stderr.startswith(
        "so-lieu.xlsx:Sheet1!D2: error: '2022-04-15T09:30:00' has no time zone"
    )
    assert added(plan) == ""
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--tz", "+07:00")
    assert r.exit_code == 0, r.output
    assert added(plan) == "share,2021,11,,,,2022-04-15T02:30:00Z\n"


def test_a_number_cell_is_its_number_whatever_it_would_look_like_as_text(plan: Path):
    """1234.567 in a number cell is that number: no separator is guessed at (as text,
    '1.234' could be either)."""
    save([["indicator", "period", "value"], ["revenue", "2022", 1234.567], ["revenue", "2021", 1234]])
    assert run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", "2023-01-02").exit_code == 0
    assert added(plan) == ("revenue,2022,1234.567,,,,2023-01-02T00:00:00Z\nrevenue,2021,1234,,,,2023-01-02T00:00:00Z\n")


def _with_cached_value(path: Path, formula: str, value: str) -> None:
    """openpyxl writes a formula with no saved value; Excel saves one: put it in."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    # openpyxl writes the empty value <v /> with the standard library's XML writer and
    # <v></v> with lxml's (python-docx brings lxml): either is "no saved value".
    empty = next(v for v in ("<v />", "<v></v>", "<v/>") if f"<f>{formula}</f>{v}" in sheet)
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        f"<f>{formula}</f>{empty}", f"<f>{formula}</f><v>{value}</v>"
    ).encode()
    _as_excel_saves(parts)
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)


def _as_excel_saves(parts: dict[str, bytes]) -> None:
    """Excel, saving the values it computed, drops openpyxl's request to recalculate the
    workbook when opened (fullCalcOnLoad): a workbook still asking for it has no computed
    values (workbook_stale.py, issue 17, seventeenth session)."""
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b' fullCalcOnLoad="1"', b"")


def test_a_formula_is_read_by_its_saved_value(plan: Path):
    path = save([["indicator", "period", "value"], ["share", "2021", "=10.5+1"]])
    _with_cached_value(path, "10.5+1", "11.5")
    assert run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", "2022-01-05").exit_code == 0
    assert added(plan) == "share,2021,11.5,,,,2022-01-05T00:00:00Z\n"


def test_a_formula_whose_saved_value_is_empty_text_is_no_figure(plan: Path):
    """=IF(B2="";"";B2*2) saved by Excel as empty text: in a wide table, no figure."""
    path = save([["indicator", 2021, 2022], ["share", 11, '=IF(B2="","",B2*2)']])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    cell = re.search(r'<c r="C2"[^>]*>.*?</c>', sheet)
    assert cell is not None
    saved = '<c r="C2" t="str"><f>IF(B2="","",B2*2)</f><v></v></c>'
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(cell[0], saved).encode()
    _as_excel_saves(parts)
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--recorded-at", "2022-01-05")
    assert r.exit_code == 0, r.output
    assert added(plan) == "share,2021,11,,,,2022-01-05T00:00:00Z\n"


def test_a_formula_with_no_saved_value_is_refused_with_its_cell_never_skipped(plan: Path):
    """In a wide table an empty cell is no figure; a formula never computed is not empty."""
    save([["indicator", 2021, 2022], ["share", 11, "=B2+1"]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide")
    assert r.exit_code == 1
    assert r.stderr.startswith("so-lieu.xlsx:Sheet1!C2: error: a formula with no saved value")
    assert added(plan) == ""


def test_the_same_workbook_twice_is_already_recorded(plan: Path):
    yearbook()
    args = (
        "add-observation",
        "--from",
        "so-lieu.xlsx",
        "--wide",
        "--status",
        "official",
        "--recorded-at",
        "2024-06-30",
    )
    assert run_clean(*args).exit_code == 0
    after = store_text(plan)
    r = run_clean(*args)
    assert r.exit_code == 0, r.output
    assert r.stderr.startswith("nothing to add: all 5 row(s) are already recorded in ")
    assert store_text(plan) == after


def test_dry_run_shows_the_rows_and_writes_nothing(plan: Path):
    yearbook()
    r = run_clean(
        "add-observation", "--from", "so-lieu.xlsx", "--wide", "--status", "official", "--dry-run", "--format", "csv"
    )
    assert r.exit_code == 0, r.output
    assert "growth,2022,9.5,official" in r.stdout and "revenue,2023,48910.5,official" in r.stdout
    assert "nothing was written" in r.stderr
    assert added(plan) == ""


def test_sheet_picks_the_sheet_and_an_unknown_one_is_listed(plan: Path):
    book = openpyxl.Workbook()
    book.active.title = "Ghi chú"
    book.active.append(["Bảng này chỉ có ghi chú"])
    data = book.create_sheet("Số liệu")
    data.append(["indicator", "period", "value"])
    data.append(["share", "2021", 11])
    book.save("so-lieu.xlsx")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--sheet", "so lieu")
    assert r.exit_code == 1
    assert r.stderr == (
        "so-lieu.xlsx: error: no sheet named 'so lieu' in the workbook (its sheets: 'Ghi chú', 'Số liệu'); "
        "did you mean 'Số liệu'?\n"
    )
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")  # the first sheet: no table on it
    assert r.exit_code == 1 and "no row of sheet 'Ghi chú' names the indicator column" in r.stderr
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--sheet", "Số liệu", "--recorded-at", "2022-01-05")
    assert r.exit_code == 0, r.output
    assert added(plan) == "share,2021,11,,,,2022-01-05T00:00:00Z\n"


def test_options_that_do_not_fit_are_usage_errors(plan: Path):
    yearbook()
    Path("a.csv").write_text("indicator,period,value\nshare,2021,11\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "a.csv", "--sheet", "Sheet1")
    assert r.exit_code == 2 and "--sheet is for workbooks" in r.stderr
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--delimiter", ";")
    assert r.exit_code == 2 and "--delimiter is for CSV files" in r.stderr
    assert added(plan) == ""


# --- errors name the sheet and the cell ---------------------------------------------------


def test_every_bad_cell_is_named_and_nothing_is_written(plan: Path):
    save(
        [
            ["indicator", "period", "value", "Đơn vị"],
            ["share", dt.datetime(2023, 4, 1), 12, "%"],
            ["revenue", "2023", "1.234", "tỷ đồng"],
            ["revenue", "2022", 1000, "triệu đồng"],
            ["share", "2021", 0.125, "%"],
            ["share", "2019", True, None],
            ["growth", "2021", dt.datetime(2021, 5, 1), "%"],
        ],
        title="Số liệu",
    )
    book = openpyxl.load_workbook("so-lieu.xlsx")
    book["Số liệu"]["C5"].number_format = "0.0%"
    book.save("so-lieu.xlsx")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert lines[:-1] == [
        "so-lieu.xlsx:'Số liệu'!B2: error: '2023-04-01' is a date: Excel turned the period (probably 2023-04) "
        "into a date; format the period column as Text before typing or pasting periods, or write it as "
        "2023-04 in a Text cell",
        "so-lieu.xlsx:'Số liệu'!C3: error: '1.234' is ambiguous: 1234 with a thousands separator, or 1.234 with "
        "a decimal point; say which with --decimal-comma (thousands separator) or --decimal-point",
        "so-lieu.xlsx:'Số liệu'!D4: error: the unit 'triệu đồng' is not the unit of revenue in targets.yaml "
        "(billion VND / tỷ đồng): the same amount written in the plan's unit is a figure 1,000 times smaller; "
        "divide the figures by 1,000 and give them the plan's unit (qntrack never converts a figure)",
        "so-lieu.xlsx:'Số liệu'!C5: error: the number 0.125 in a percent format (shown as 12.5%): qntrack "
        "stores a per-cent figure as it is shown; format the column as Number and type 12.5",
        "so-lieu.xlsx:'Số liệu'!C6: error: TRUE is a yes/no cell, not a figure",
        "so-lieu.xlsx:'Số liệu'!C7: error: a date (2021-05-01), not a figure: format the column as Number and "
        "type the figures",
    ]
    assert added(plan) == ""


def test_a_period_excel_made_a_date_is_refused_with_the_period_it_probably_was(plan: Path):
    """1 January of a yearly indicator was its year (a "2023" cell re-typed by a program as
    a date); of a quarterly one, the month, as the CSV path guesses."""
    save(
        [
            ["indicator", "period", "value"],
            ["share", dt.datetime(2023, 1, 1), 12],
            ["growth", dt.datetime(2023, 1, 1), 6.1],
        ]
    )
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1
    assert [
        line.split(": error: ")[0] + " " + re.search(r"probably ([^)]*)", line)[1] for line in r.stderr.splitlines()[:2]
    ] == [
        "so-lieu.xlsx:Sheet1!B2 2023",
        "so-lieu.xlsx:Sheet1!B3 2023-01",
    ]


def test_a_text_number_is_read_under_the_convention_given(plan: Path):
    """--decimal-point says what '1.234' in a text cell is, as it does for a CSV file."""
    save([["indicator", "period", "value"], ["revenue", "2023", "1.234"]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--decimal-comma", "--recorded-at", "2024-01-02")
    assert r.exit_code == 0, r.output
    assert added(plan) == "revenue,2023,1234,,,,2024-01-02T00:00:00Z\n"


def test_a_problem_of_the_row_names_its_indicator_cell(plan: Path):
    save([["Biểu 1"], [None, "indicator", "period", "value"], [None, "grwth", "2021", 5]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1
    assert r.stderr.startswith("so-lieu.xlsx:Sheet1!B3: error: ") and "grwth" in r.stderr
    assert added(plan) == ""


def test_cells_below_the_end_of_the_table_are_refused_not_dropped(plan: Path):
    save([["indicator", "period", "value"], ["share", "2021", 11], [], ["share", "2022", 12]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1
    assert r.stderr.startswith(
        "so-lieu.xlsx:Sheet1!A4: error: a row with cells below the end of the table (row 3 is empty"
    )
    save([["indicator", "period", "value"], ["share", "2021", 11], ["Trong đó:"], ["share", "2022", 12]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1 and "so-lieu.xlsx:Sheet1!A4: error:" in r.stderr and "row 3 holds a single text" in r.stderr
    assert added(plan) == ""


def test_a_cell_right_of_the_table_is_refused(plan: Path):
    save([["indicator", "period", "value"], ["share", "2021", 11, None, "ước"]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1
    assert r.stderr.startswith("so-lieu.xlsx:Sheet1!E2: error: a cell outside the table")


def test_a_cell_left_of_a_long_table_is_refused_a_row_number_left_of_a_wide_one_is_not(plan: Path):
    save([[None, "indicator", "period", "value"], ["x", "share", "2021", 11]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1
    assert r.stderr.startswith("so-lieu.xlsx:Sheet1!A2: error: a cell outside the table")
    save([["STT", "indicator", 2021], [1, "share", 11]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide", "--recorded-at", "2022-01-05")
    assert r.exit_code == 0, r.output
    assert added(plan) == "share,2021,11,,,,2022-01-05T00:00:00Z\n"


def test_a_header_problem_names_the_sheet_column(plan: Path):
    save([[None, None, "indicator", 2021, "20x2"], [None, None, "share", 11, 12]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide")
    assert r.exit_code == 1
    assert r.stderr.startswith("so-lieu.xlsx:Sheet1!E1: error: column 5 ")


# --- files that are not workbooks ----------------------------------------------------------


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("x.xlsx", b"PK\x03\x04 not a zip\0", "not a workbook qntrack can read: the file is damaged"),
        ("y.xlsx", None, "not a workbook qntrack can read: the file is damaged"),  # a cut-off workbook
        ("z.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "an encrypted workbook or an old .xls file"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "an encrypted workbook or an old .xls file"),
        ("t.ods", b"PK\x03\x04", "an OpenDocument spreadsheet (.ods)"),
    ],
)
def test_a_file_that_is_not_a_readable_workbook_is_one_message(plan: Path, name: str, data: bytes | None, words: str):
    if data is None:
        data = yearbook().read_bytes()[:2000]
    Path(name).write_bytes(data)
    r = run_clean("add-observation", "--from", name)
    assert r.exit_code == 1
    assert r.stderr.startswith(f"{name}: error: {words}") and r.stderr.count("\n") == 1, r.stderr
    assert added(plan) == ""


def test_a_workbook_named_csv_is_read_as_a_workbook(plan: Path):
    """An .xlsx saved under a .csv name (Save As keeping the name) is still its cells; a
    zip that is no workbook under such a name is the CSV path's binary file."""
    save([["indicator", "period", "value"], ["share", "2021", 11]], name="so-lieu.csv")
    r = run_clean("add-observation", "--from", "so-lieu.csv", "--recorded-at", "2022-01-05")
    assert r.exit_code == 0, r.output
    assert added(plan) == "share,2021,11,,,,2022-01-05T00:00:00Z\n"
    Path("junk.csv").write_bytes(b"PK\x03\x04" + bytes(range(256)))
    r = run_clean("add-observation", "--from", "junk.csv")
    assert r.exit_code == 1 and r.stderr.startswith("junk.csv: error: a binary file, not CSV or TSV text")


def test_a_zip_that_is_not_a_workbook(plan: Path):
    with zipfile.ZipFile("notes.xlsx", "w") as z:
        z.writestr("notes/readme.txt", "notes")  # a Word document is said as one (test_hostile_documents)
    r = run_clean("add-observation", "--from", "notes.xlsx")
    assert r.exit_code == 1
    assert r.stderr == (
        "notes.xlsx: error: not a workbook qntrack can read: a zip file with no Excel workbook in it "
        "(no xl/workbook.xml); open it in Excel or LibreOffice and save it as .xlsx\n"
    )


def test_the_import_size_cap_holds_for_a_workbook(plan: Path, monkeypatch: pytest.MonkeyPatch):
    import qntrack.files.importing as importing

    yearbook()
    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 1024)
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide")
    assert r.exit_code == 1 and r.stderr.startswith("so-lieu.xlsx: error: more than 0 MB")


# --- the pieces ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "given, unit, unit_vi, same",
    [
        ("tỷ đồng", "billion VND", "tỷ đồng", True),
        ("Tỷ  Đồng", "billion VND", "tỷ đồng", True),
        ("ty dong", "billion VND", "tỷ đồng", True),
        ("Billion VND", "billion VND", "tỷ đồng", True),
        ("triệu đồng", "billion VND", "tỷ đồng", False),
        ("%", "% y/y", "% so với cùng kỳ", True),  # a yearbook heads growth rates and shares '%'
        ("%", "USD", "", False),
        ("% GRDP", "% y/y", "% so với cùng kỳ", False),
    ],
)
def test_unit_matches(given: str, unit: str, unit_vi: str, same: bool):
    assert unit_matches(given, unit, unit_vi) is same


def test_a_cell_location_is_shown_as_excel_names_it():
    assert str(Location("so-lieu.xlsx", 7, 3, "Sheet1!C7")) == "so-lieu.xlsx:Sheet1!C7"
    assert str(Location("in.csv", 7, 3)) == "in.csv:7:3"


def test_stderr_never_holds_openpyxl_warnings(plan: Path):
    """openpyxl warns of what it does not read (data validation, a missing style): not a
    message for the user."""
    path = save([["indicator", "period", "value"], ["share", "2021", 11]])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts.pop("xl/styles.xml")
    parts["[Content_Types].xml"] = re.sub(rb"<Override[^>]*styles\+xml\"\s*/>", b"", parts["[Content_Types].xml"])
    parts["xl/_rels/workbook.xml.rels"] = re.sub(
        rb"<Relationship[^>]*styles\.xml\"\s*/>", b"", parts["xl/_rels/workbook.xml.rels"]
    )
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", "2022-01-05")
    assert r.exit_code == 0, r.output
    assert "Warning" not in r.stderr and "warn" not in r.stderr.lower()


def test_a_workbook_saved_by_libreoffice_is_read_with_its_formulas_values(shipped: Path):
    """Shared strings and saved formula values, as a spreadsheet program writes them: the
    formulas E5 (=D5-0.78, 10.28 - 0.78 = 9.5) and F6 (=D6*1.2, 2500 x 1.2 = 3000)."""
    source = Path(__file__).parent / "data" / "libreoffice-yearbook.xlsx"
    r = run_clean(
        "add-observation", "--from", str(source), "--wide", "--status", "official", "--dry-run", "--format", "csv"
    )
    assert r.exit_code == 0, r.output
    rows = [line.split(",")[:3] for line in r.stdout.splitlines()[1:]]
    assert rows == [
        ["grdp_growth", "2021", "10.28"],
        ["grdp_growth", "2022", "9.5"],
        ["grdp_growth", "2023", "11.03"],
        ["fdi", "2021", "2500"],
        ["fdi", "2023", "3000"],  # '-' in 2022: no figure
    ]


def test_an_excel_error_cell_is_refused_as_in_a_csv_file(plan: Path):
    save([["indicator", 2021, 2022], ["share", "#DIV/0!", 12]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--wide")
    assert r.exit_code == 1
    assert r.stderr.startswith(
        "so-lieu.xlsx:Sheet1!B2: error: period 2021: '#DIV/0!' is an error value a spreadsheet shows where a formula gave no figure, not a figure: correct the formula and save the file again, or leave the cell empty if there is no figure\n"
    )
    assert added(plan) == ""


def test_a_timestamp_problem_names_the_recorded_at_cell(plan: Path):
    """docs/observations-format.md: a problem of one cell names that cell. A moment in the
    future or without a zone named the row's indicator cell (a hostile pass)."""
    save(
        [
            ["indicator", "period", "value", "status", "source", "note", "recorded_at"],
            ["share", "2021", 11, "", "", "", "2099-01-01"],
            ["share", "2022", 12, "", "", "", dt.datetime(2023, 4, 15, 9, 30)],
        ]
    )
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert lines[0].startswith("so-lieu.xlsx:Sheet1!G2: error: recorded_at 2099-01-01T00:00:00Z is in the future"), (
        lines
    )
    assert lines[1].startswith("so-lieu.xlsx:Sheet1!G3: error: '2023-04-15T09:30:00' has no time zone"), lines
    assert added(plan) == ""


def test_an_empty_recorded_at_cell_leaves_the_problem_of_recorded_at_to_the_row(plan: Path):
    """An empty cell takes --recorded-at: a problem of that moment is not the cell's."""
    save([["indicator", "period", "value", "recorded_at"], ["share", "2021", 11, None]])
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", "2099-01-01")
    assert r.exit_code == 1
    assert r.stderr.startswith("so-lieu.xlsx:Sheet1!A2: error: recorded_at 2099-01-01T00:00:00Z is in the future"), (
        r.stderr
    )
