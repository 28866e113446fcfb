"""Files from other offices' tools (issue 17, seventeenth session): what an officer receives
and imports with ``add-observation --from FILE``. docs/decisions.md, "Files from other
offices' tools (issue 17, seventeenth session)".

Every expected value is worked out by hand in a comment beside it, never read off the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean, store_text

TARGETS = """\
version: 1
observations: observations.csv
timezone: "+07:00"
indicators:
  growth:
    name: {en: "GRDP growth", vi: "Tốc độ tăng trưởng GRDP"}
    unit: "%"
    measure: rate
    frequency: quarter
  revenue:
    name: {en: "Budget revenue", vi: "Thu ngân sách"}
    unit: {en: "billion VND", vi: "tỷ đồng"}
    measure: flow
    frequency: year
targets:
  - id: growth
    indicator: growth
    baseline: {period: 2020, value: 5}
    milestones:
      - {by: 2030, value: 10}
"""

START = STORE_HEADER + "growth,2020,5,official,yearbook 2020,,2021-06-30T00:00:00Z\n"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, START)


def added(plan: Path) -> str:
    return store_text(plan)[len(START) :]


# --- English spans as periods -----------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "code"),
    [
        # January to March is the first quarter (periods.py: 3M is written Q1).
        ("January–March 2025", "2025-Q1"),
        ("Jan-Mar 2025", "2025-Q1"),
        ("Jan–Mar 2025", "2025-Q1"),
        # January to June is the first half (6M is written H1).
        ("January–June 2025", "2025-H1"),
        ("Jan-Jun 2025", "2025-H1"),
        # What the tool writes itself (period_words_*) still reads back.
        ("Q1 2025", "2025-Q1"),
        ("H1 2025", "2025-H1"),
        ("January–September 2025", "2025-9M"),
        ("Jan-Sep 2025", "2025-9M"),
        # The halves and quarters as English prose writes them.
        ("first half of 2025", "2025-H1"),
        ("second half of 2025", "2025-H2"),
        ("First half 2025", "2025-H1"),
        ("2025 Q3", "2025-Q3"),
        ("2025 H2", "2025-H2"),
    ],
)
def test_english_spans_are_read_as_their_period(plan: Path, words: str, code: str) -> None:
    # growth is recorded by quarter, so every span above (a quarter, a half, 9 months) fits.
    (plan / "in.csv").write_text(
        f"indicator,period,value,status,source,note,recorded_at\ngrowth,{words},7.5,estimate,s,,2026-01-10\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.output
    assert added(plan) == f"growth,{code},7.5,estimate,s,,2026-01-10T00:00:00Z\n"


@pytest.mark.parametrize("words", ["January–December 2025", "Jan-Dec 2025"])
def test_january_to_december_is_the_year(plan: Path, words: str) -> None:
    # revenue is yearly: January to December is the year 2025.
    (plan / "in.csv").write_text(
        f"indicator,period,value,recorded_at\nrevenue,{words},100,2026-02-01\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.output
    assert added(plan) == "revenue,2025,100,,,,2026-02-01T00:00:00Z\n"


@pytest.mark.parametrize("words", ["March–June 2025", "Feb-Mar 2025"])
def test_a_span_not_from_january_is_refused_with_the_valid_forms(plan: Path, words: str) -> None:
    # March to June is no period qntrack records (spans run from 1 January): refused, nothing written.
    (plan / "in.csv").write_text(
        f"indicator,period,value,recorded_at\ngrowth,{words},7.5,2026-01-10\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert f"in.csv:2: error: '{words}' is not a period" in r.output
    assert added(plan) == ""


# --- text garbled by the program that made the file -------------------------------------

# "Cục Thống kê Quảng Ninh" as each encoding garbles it, worked out by hand from the tables:
# TCVN3 (ABC) gives u-dot-below byte 0xF4 (Windows: ô), o-hat-acute 0xE8 (è), e-hat 0xAA
# (ª), a-hook 0xB6 (¶); VNI writes the vowel then its marks: u + ï (dot below), o + á
# (hat and acute), e + â (hat), a + û (hook); UTF-8 read as Windows-1252 turns u-dot-below
# (E1 BB A5) into "á»¥", o-hat-acute (E1 BB 91) into "á»‘" and e-hat (C3 AA) into "Ãª".
GARBLED = [
    ("Côc Thèng kª Qu¶ng Ninh", "TCVN3 (ABC)"),
    ("Cuïc Thoáng keâ Quaûng Ninh", "VNI"),
    ("Cá»¥c Thá»‘ng kÃª", "UTF-8"),
]


@pytest.mark.parametrize(("text", "encoding"), GARBLED)
def test_a_garbled_note_in_a_csv_file_is_refused_with_what_it_reads_as(plan: Path, text: str, encoding: str) -> None:
    (plan / "in.csv").write_text(
        f"indicator,period,value,status,source,note,recorded_at\n"
        f"growth,2026-Q1,7.5,estimate,Báo Quảng Ninh,ok,2026-04-05\n"
        f"growth,2026-Q2,7.6,estimate,Báo Quảng Ninh,{text},2026-07-05\n",
        encoding="utf-8-sig",
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    # Line 3 holds the note; nothing of the file is written (all or nothing).
    assert f"in.csv:3: error: column 'note': '{text}' looks like" in r.output
    assert ("Cục Thống kê" in r.output) and (encoding in r.output)
    assert added(plan) == ""


def test_a_garbled_source_in_a_semicolon_file_names_its_line(plan: Path) -> None:
    # The general reader (a ';' file with decimal commas), not the column-at-a-time one.
    (plan / "in.csv").write_bytes(
        "indicator;period;value;source\r\ngrowth;2026-Q1;7,5;Céng hoµ x· héi chñ nghÜa ViÖt Nam\r\n".encode()
    )
    r = run_clean("add-observation", "--from", "in.csv", "--recorded-at", "2026-04-05")
    assert r.exit_code == 1
    # TCVN3: é (0xE9) is o-hat-dot, µ (0xB5) a-grave, · (0xB7) a-tilde, ñ (0xF1) u-hook,
    # Ü (0xDC) i-tilde, Ö (0xD6) e-hat-dot.
    assert "in.csv:2: error: column 'source':" in r.output
    assert "Cộng hoà xã hội chủ nghĩa Việt Nam" in r.output
    assert added(plan) == ""


def test_a_garbled_cell_of_a_workbook_is_refused_at_its_cell(plan: Path) -> None:
    import openpyxl

    # An old workbook typed in .VnTime fonts: its cells hold the TCVN3 bytes as Windows letters.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "value", "source", "note", "recorded_at"])
    sheet.append(["growth", "2026-Q1", 7.5, "Côc Thèng kª", "", "2026-04-05"])
    book.save(plan / "in.xlsx")
    r = run_clean("add-observation", "--from", "in.xlsx")
    assert r.exit_code == 1
    # The source is column D of row 2.
    assert "in.xlsx:Sheet!D2: error: column 'source': 'Côc Thèng kª'" in r.output
    assert added(plan) == ""


@pytest.mark.parametrize(
    "text",
    [
        "Agence Française de Développement",
        "Müller GmbH, Köln",
        "Raphaël Hoà, naïve café",
        "Raúl Peña, 1ª edición",
        "Café crème © 2024 § 5",
        "Hoà Bình, Khoá họp thứ 3",
        "Cục Thống kê Quảng Ninh",
    ],
)
def test_real_text_with_accents_is_not_taken_for_garbled(plan: Path, text: str) -> None:
    (plan / "in.csv").write_text(
        f'indicator,period,value,source,recorded_at\ngrowth,2026-Q1,7.5,"{text}",2026-04-05\n', encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.output
    cell = f'"{text}"' if "," in text else text  # quoted as CSV quotes a cell with a comma
    assert added(plan) == f"growth,2026-Q1,7.5,,{cell},,2026-04-05T00:00:00Z\n"


# --- dates typed as text in a workbook ----------------------------------------------------


def _sheet(plan: Path, rows: list[list], name: str = "in.xlsx") -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(plan / name)


def test_a_workbooks_text_dates_are_read_in_the_order_a_cell_proves(plan: Path) -> None:
    # '15/07/2026' can only be day first (no month 15), so '03/07/2026' is 3 July, and
    # '15/07/2026 10:00' is 10:00 in the plan's zone (+07:00): 03:00 UTC.
    _sheet(
        plan,
        [
            ["indicator", "period", "value", "status", "recorded_at"],
            ["growth", "2026-Q1", 7.5, "estimate", "03/07/2026"],
            ["growth", "2026-Q2", 7.6, "estimate", "15/07/2026 10:00"],
        ],
    )
    r = run_clean("add-observation", "--from", "in.xlsx")
    assert r.exit_code == 0, r.output
    assert added(plan) == (
        "growth,2026-Q1,7.5,estimate,,,2026-07-03T00:00:00Z\ngrowth,2026-Q2,7.6,estimate,,,2026-07-15T03:00:00Z\n"
    )
    # Said once, at the cell that proved the order (E3), with the date it decided (E2).
    assert "in.xlsx:Sheet!E3: warning: the recorded_at dates of this sheet typed as text are read day first" in r.output
    assert "'03/07/2026' (Sheet!E2) is 2026-07-03" in r.output


def test_a_workbooks_text_dates_that_prove_no_order_are_refused_at_each_cell(plan: Path) -> None:
    # 05/04/2026 and 03/07/2026 read both ways: nothing says which, so each is refused.
    _sheet(
        plan,
        [
            ["indicator", "period", "value", "status", "recorded_at"],
            ["growth", "2026-Q1", 7.5, "estimate", "05/04/2026"],
            ["growth", "2026-Q2", 7.6, "estimate", "03/07/2026"],
        ],
    )
    r = run_clean("add-observation", "--from", "in.xlsx")
    assert r.exit_code == 1
    assert "in.xlsx:Sheet!E2: error: recorded_at '05/04/2026' is a date as Excel shows it" in r.output
    assert "in.xlsx:Sheet!E3: error: recorded_at '03/07/2026' is a date as Excel shows it" in r.output
    assert added(plan) == ""


def test_a_workbooks_text_date_read_in_a_wide_table_gives_each_period_its_moment(plan: Path) -> None:
    # A wide table: one row, two periods, its moment '20/01/2026' (day first: no month 20).
    _sheet(
        plan,
        [["indicator", "recorded_at", "2025-Q3", "2025-Q4"], ["growth", "20/01/2026", 7.1, 7.2]],
    )
    r = run_clean("add-observation", "--from", "in.xlsx", "--wide", "--status", "official")
    assert r.exit_code == 0, r.output
    assert added(plan) == (
        "growth,2025-Q3,7.1,official,,,2026-01-20T00:00:00Z\ngrowth,2025-Q4,7.2,official,,,2026-01-20T00:00:00Z\n"
    )


def test_a_text_date_is_checked_as_the_same_date_typed_in_iso(plan: Path) -> None:
    # 2026-Q3 begins on 1 July 2026; '20/01/2026' (day first: no month 20) is 20 January,
    # before it: the row's problem, said at its indicator cell (A2) as for an ISO cell.
    rows = [
        ["indicator", "period", "value", "status", "recorded_at"],
        ["growth", "2026-Q3", 7.5, "estimate", "20/01/2026"],
    ]
    _sheet(plan, rows)
    _sheet(plan, [rows[0], [*rows[1][:4], "2026-01-20"]], "iso.xlsx")
    shown, iso = run_clean("add-observation", "--from", "in.xlsx"), run_clean("add-observation", "--from", "iso.xlsx")
    assert shown.exit_code == iso.exit_code == 1
    said = "Sheet!A2: error: period 2026-Q3 begins 2026-07-01, after the figure was recorded (2026-01-20T00:00:00Z)"
    assert f"in.xlsx:{said}" in shown.output and f"iso.xlsx:{said}" in iso.output
    assert added(plan) == ""


# --- thousands grouped by spaces -----------------------------------------------------------


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", " "])
def test_thousands_grouped_by_a_space_are_read(plan: Path, space: str) -> None:
    # A French or Russian Excel groups thousands with a no-break space (U+00A0 or the narrow
    # U+202F), as the SI does: '57 330,5' is 57330.5 in a ';' file of decimal commas, and
    # '1 234 567' is 1234567; a space never marks a decimal, so there is one reading.
    (plan / "in.csv").write_text(
        f"indicator;period;value;recorded_at\nrevenue;2024;57{space}330,5;2025-06-30\nrevenue;2023;1{space}234{space}567;2024-06-30\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.output
    assert added(plan) == "revenue,2024,57330.5,,,,2025-06-30T00:00:00Z\nrevenue,2023,1234567,,,,2024-06-30T00:00:00Z\n"


@pytest.mark.parametrize("text", ["57\u00a033,5", "5\u00a07330", "057\u00a0330", "57\u00a0\u00a0330"])
def test_spaces_that_group_no_thousands_are_refused(plan: Path, text: str) -> None:
    # A group of 2 or 4 digits, a first group starting with 0, two spaces: no thousands
    # grouping; refused as not a number, nothing written.
    (plan / "in.csv").write_text(
        f"indicator;period;value;recorded_at\nrevenue;2024;{text};2025-06-30\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert "in.csv:2: error:" in r.output
    assert added(plan) == ""


# --- a workbook whose table is on another sheet ----------------------------------------------


def test_a_workbook_whose_table_is_on_its_second_sheet_says_which_sheet_to_name(plan: Path) -> None:
    import openpyxl

    # The first sheet is a cover note; the table is on the second, 'Số liệu'.
    book = openpyxl.Workbook()
    book.active.title = "Bìa"
    book.active["A1"] = "Báo cáo số liệu 6 tháng"
    table = book.create_sheet("Số liệu")
    table.append(["indicator", "period", "value", "recorded_at"])
    table.append(["growth", "2026-Q1", 7.5, "2026-04-05"])
    book.save(plan / "in.xlsx")
    r = run_clean("add-observation", "--from", "in.xlsx")
    assert r.exit_code == 1
    assert "in.xlsx: error: no row of sheet 'Bìa' names the indicator column" in r.output
    assert '--sheet "Số liệu"' in r.output
    assert added(plan) == ""
    # Named, it is read.
    r = run_clean("add-observation", "--from", "in.xlsx", "--sheet", "Số liệu")
    assert r.exit_code == 0, r.output
    assert added(plan) == "growth,2026-Q1,7.5,,,,2026-04-05T00:00:00Z\n"


# --- hidden rows ------------------------------------------------------------------------------


def test_hidden_rows_of_a_sheet_are_read_and_named_in_a_warning(plan: Path) -> None:
    import openpyxl

    # Rows 3 and 4 hidden (by hand, or by a filter): Excel's "Save As CSV" writes them, so
    # the import reads them too, and says which, so that an officer who did not see them knows.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "value", "recorded_at"])
    sheet.append(["growth", "2026-Q1", 7.5, "2026-04-05"])
    sheet.append(["growth", "2026-Q2", 7.6, "2026-07-05"])
    sheet.append(["revenue", "2025", 100, "2026-02-01"])
    sheet.row_dimensions[3].hidden = True
    sheet.row_dimensions[4].hidden = True
    book.save(plan / "in.xlsx")
    r = run_clean("add-observation", "--from", "in.xlsx")
    assert r.exit_code == 0, r.output
    assert added(plan) == (
        "growth,2026-Q1,7.5,,,,2026-04-05T00:00:00Z\n"
        "growth,2026-Q2,7.6,,,,2026-07-05T00:00:00Z\n"
        "revenue,2025,100,,,,2026-02-01T00:00:00Z\n"
    )
    assert "in.xlsx: warning: 2 row(s) of sheet 'Sheet' hidden in Excel" in r.output
    assert "rows 3, 4" in r.output


def test_a_sheet_with_no_hidden_row_says_nothing_of_them(plan: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["indicator", "period", "value", "recorded_at"])
    book.active.append(["growth", "2026-Q1", 7.5, "2026-04-05"])
    book.active.column_dimensions["A"].width = 30  # a <cols> element: not a hidden row
    book.save(plan / "in.xlsx")
    r = run_clean("add-observation", "--from", "in.xlsx")
    assert r.exit_code == 0, r.output
    assert "hidden" not in r.output


# --- files not in UTF-8: the encoding said when it can be told ---------------------------------


def _windows_1258(text: str) -> bytes:
    """``text`` as Vietnamese Windows writes it (code page 1258): a letter with a tone is
    its base letter (with its hat or horn, which 1258 has) and a combining tone mark."""
    import unicodedata

    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        # The hat, breve or horn stays with the letter; the tone is the combining mark.
        hatted = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in "\u0302\u0306\u031b"))
        out += hatted.encode("cp1258") + "".join(m for m in marks if m not in "\u0302\u0306\u031b").encode("cp1258")
    return out


def test_a_windows_1258_file_is_named_as_one(plan: Path) -> None:
    text = "indicator,period,value,source,recorded_at\r\ngrowth,2026-Q1,7.5,Cục Thống kê Quảng Ninh,2026-04-05\r\n"
    (plan / "in.csv").write_bytes(_windows_1258(text))
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    # Line 2 holds the first byte that is no UTF-8; the file is said to be Windows-1258.
    assert "in.csv:2: error: not UTF-8 text but Windows-1258" in r.output
    assert "save it as CSV UTF-8" in r.output
    assert added(plan) == ""


@pytest.mark.parametrize(("typed", "encoding"), [("Côc Thèng kª", "TCVN3 (ABC)"), ("Cuïc Thoáng keâ", "VNI")])
def test_a_tcvn3_or_vni_file_is_named_as_one(plan: Path, typed: str, encoding: str) -> None:
    # "Cục Thống kê" as the bytes of each (TCVN3: 0xF4, 0xE8, 0xAA; VNI: u 0xEF, o 0xE1,
    # e 0xE2), written as they are: not UTF-8.
    raw = f"indicator,period,value,source,recorded_at\ngrowth,2026-Q1,7.5,{typed},2026-04-05\n".encode("cp1252")
    (plan / "in.csv").write_bytes(raw)
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert f"in.csv:2: error: not UTF-8 text but Vietnamese in the old {encoding} fonts" in r.output
    assert "Cục Thống kê" in r.output
    assert added(plan) == ""


# --- what an ".xls" from another office's system really is ------------------------------------

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        # A compound file whose directory names a "Workbook" stream (UTF-16): Excel 97-2003.
        (_OLE + b"\0" * 500 + "Workbook".encode("utf-16-le") + b"\0" * 100, "an old Excel 97-2003 workbook (.xls)"),
        # One naming an "EncryptedPackage": an .xlsx saved with a password.
        (
            _OLE + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 100,
            "a workbook protected by a password",
        ),
        # What a web portal exports as "Excel": an HTML table under an .xls name.
        (b"<html><body><table><tr><td>indicator</td></tr></table></body></html>\n", "a web page (an HTML table)"),
        # Excel 2003's XML spreadsheet.
        (
            b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>\n',
            "an Excel 2003 XML spreadsheet",
        ),
    ],
)
def test_an_xls_file_is_said_as_what_it_is(plan: Path, data: bytes, words: str) -> None:
    (plan / "bao-cao.xls").write_bytes(data)
    r = run_clean("add-observation", "--from", "bao-cao.xls")
    assert r.exit_code == 1
    assert r.stderr.startswith(f"bao-cao.xls: error: {words}") and r.stderr.count("\n") == 1, r.stderr
    assert "save it as .xlsx" in r.stderr
    assert added(plan) == ""


def test_tab_separated_text_under_an_xls_name_is_read_as_text(plan: Path) -> None:
    # An office system's "Excel export" that is tab-separated text named .xls: read as the
    # text it is, as CSV text under an .xlsx name already is.
    (plan / "bao-cao.xls").write_text(
        "indicator\tperiod\tvalue\trecorded_at\r\ngrowth\t2026-Q1\t7,5\t2026-04-05\r\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "bao-cao.xls")
    assert r.exit_code == 0, r.output
    assert added(plan) == "growth,2026-Q1,7.5,,,,2026-04-05T00:00:00Z\n"


# --- a long table whose header is two rows with merged cells --------------------------------


def test_a_long_sheet_with_a_two_row_merged_header_is_read(plan: Path) -> None:
    import openpyxl

    # 'Số liệu' merged across C1:D1 over 'Giá trị' (value) and 'Nguồn' (source); the other
    # headings merged down over both rows, as a yearbook lays a table out.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Chỉ tiêu", "Kỳ", "Số liệu", None, "Thời điểm ghi nhận"])
    sheet.append([None, None, "Giá trị", "Nguồn", None])
    for cells in ("C1:D1", "A1:A2", "B1:B2", "E1:E2"):
        sheet.merge_cells(cells)
    sheet.append(["growth", "2026-Q1", 7.5, "Báo Quảng Ninh", "2026-04-05"])
    sheet.append(["growth", "2026-Q2", 7.6, "Báo Quảng Ninh", "2026-07-05"])
    book.save(plan / "in.xlsx")
    r = run_clean("add-observation", "--from", "in.xlsx")
    assert r.exit_code == 0, r.output
    assert added(plan) == (
        "growth,2026-Q1,7.5,,Báo Quảng Ninh,,2026-04-05T00:00:00Z\ngrowth,2026-Q2,7.6,,Báo Quảng Ninh,,2026-07-05T00:00:00Z\n"
    )


# --- formulas a program wrote without computing them ---------------------------------------


def test_a_formula_with_the_placeholder_value_of_a_program_that_does_not_compute_is_refused(plan: Path) -> None:
    import xlsxwriter

    # XlsxWriter stores 0 as the value of every formula it writes (it computes none) and
    # marks the workbook to be recalculated when opened (calcPr fullCalcOnLoad="1"): the 0
    # is no figure anyone computed, and 7.5 + 0.02 = 7.52 would be the real one.
    book = xlsxwriter.Workbook(str(plan / "in.xlsx"))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["indicator", "period", "value", "recorded_at"])
    sheet.write_row(1, 0, ["growth", "2026-Q1"])
    sheet.write_formula(1, 2, "=7.5+0.02")
    sheet.write(1, 3, "2026-04-05")
    sheet.write_row(2, 0, ["growth", "2026-Q2", 7.6, "2026-07-05"])
    book.close()
    r = run_clean("add-observation", "--from", "in.xlsx")
    assert r.exit_code == 1
    assert "in.xlsx:Sheet1!C2: error: a formula (=7.5+0.02) in a workbook to be recalculated when opened" in r.output
    assert added(plan) == ""


def test_a_workbook_saved_by_excel_keeps_its_formulas_saved_values(plan: Path) -> None:
    import zipfile

    import xlsxwriter

    # The same formula with the value Excel saved (7.52) and no request to recalculate
    # (as Excel writes a workbook it has computed): the saved value is the figure.
    book = xlsxwriter.Workbook(str(plan / "made.xlsx"))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["indicator", "period", "value", "recorded_at"])
    sheet.write_row(1, 0, ["growth", "2026-Q1"])
    sheet.write_formula(1, 2, "=7.5+0.02", None, 7.52)
    sheet.write(1, 3, "2026-04-05")
    book.close()
    with zipfile.ZipFile(plan / "made.xlsx") as made, zipfile.ZipFile(plan / "in.xlsx", "w") as saved:
        for item in made.infolist():
            data = made.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = data.replace(b' fullCalcOnLoad="1"', b"")
            saved.writestr(item, data)
    r = run_clean("add-observation", "--from", "in.xlsx")
    assert r.exit_code == 0, r.output
    assert added(plan) == "growth,2026-Q1,7.52,,,,2026-04-05T00:00:00Z\n"


# --- letters a program could not write, replaced by '?' -------------------------------------


def test_letters_lost_as_question_marks_are_refused(plan: Path) -> None:
    # Excel's plain "CSV (Comma delimited)" on a Windows not set for Vietnamese writes each
    # letter its code page lacks as '?': "Sở Kế hoạch" becomes "S? K? ho?ch", all ASCII,
    # valid UTF-8. A '?' between two letters of a word (ho?ch) is such a lost letter.
    (plan / "in.csv").write_text(
        "indicator,period,value,source,recorded_at\ngrowth,2026-Q1,7.5,S? K? ho?ch v? ??u t?,2026-04-05\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert "in.csv:2: error: column 'source': 'S? K? ho?ch v? ??u t?' has '?' inside a word" in r.output
    assert added(plan) == ""


@pytest.mark.parametrize(
    "text",
    [
        "https://baoquangninh.vn/tin?id=123&page=2",
        "www.gso.gov.vn/default.aspx?tabid=706",
        "revised? to be confirmed",
        "Is it final?",
    ],
)
def test_question_marks_of_urls_and_questions_are_kept(plan: Path, text: str) -> None:
    (plan / "in.csv").write_text(
        f"indicator,period,value,source,recorded_at\ngrowth,2026-Q1,7.5,{text},2026-04-05\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.output
    assert added(plan) == f"growth,2026-Q1,7.5,,{text},,2026-04-05T00:00:00Z\n"


# --- files joined together, invisible characters ------------------------------------------------


def test_two_csv_utf8_files_joined_read_as_one_with_a_warning(plan: Path) -> None:
    # `copy /b a.csv+b.csv all.csv` (or cat) of two Excel "CSV UTF-8" files: the second's
    # byte-order mark and header land on line 3. That line holds no figure: passed over,
    # said in a warning at its line; both rows are read.
    part = "\ufeffindicator,period,value,recorded_at\r\n"
    (plan / "in.csv").write_bytes(
        (part + "growth,2026-Q1,7.5,2026-04-05\r\n" + part + "growth,2026-Q2,7.6,2026-07-05\r\n").encode()
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.output
    assert added(plan) == "growth,2026-Q1,7.5,,,,2026-04-05T00:00:00Z\ngrowth,2026-Q2,7.6,,,,2026-07-05T00:00:00Z\n"
    assert "in.csv:3: warning: line 3 repeats the header" in r.output


def test_zero_width_characters_copied_from_a_web_page_are_not_part_of_a_cell(plan: Path) -> None:
    # U+200B (zero-width space) and U+2060 (word joiner) are invisible: 'growth\u200b' would
    # be refused as an unknown indicator the officer cannot tell from 'growth'.
    (plan / "in.csv").write_text(
        "indicator,period,value,note,recorded_at\ngrowth\u200b,2026-Q1\u2060,\u200b7.5,ok\u200b,2026-04-05\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.output
    assert added(plan) == "growth,2026-Q1,7.5,,,ok,2026-04-05T00:00:00Z\n"


def test_a_sheet_typed_in_tcvn3_fonts_is_said_so_not_said_to_have_no_header(plan: Path) -> None:
    import openpyxl

    # An old workbook in .VnTime fonts: its header 'Chỉ tiêu' is stored as TCVN3 bytes read
    # as Windows letters, 'ChØ tiªu' (i-hook 0xD8 shows as Ø, e-hat 0xAA as ª).
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ChØ tiªu", "Kú", "Gi¸ trÞ"])
    sheet.append(["growth", "2026-Q1", 7.5])
    book.save(plan / "in.xlsx")
    r = run_clean("add-observation", "--from", "in.xlsx", "--recorded-at", "2026-04-05")
    assert r.exit_code == 1
    assert "in.xlsx:Sheet!A1: error: the sheet's text is Vietnamese typed in the old TCVN3 (ABC) fonts" in r.output
    assert "'ChØ tiªu' reads 'Chỉ tiêu'" in r.output
    assert added(plan) == ""


def test_a_csv_header_garbled_from_tcvn3_is_said_so(plan: Path) -> None:
    # The same header in a CSV file re-saved as UTF-8 after being read as Windows Latin:
    # 'ChØ tiªu,Kú,Gi¸ trÞ' is 'Chỉ tiêu,Kỳ,Giá trị' in TCVN3 (ỳ 0xFA shows as ú, á 0xB8 as ¸).
    (plan / "in.csv").write_text("ChØ tiªu,Kú,Gi¸ trÞ\ngrowth,2026-Q1,7.5\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv", "--recorded-at", "2026-04-05")
    assert r.exit_code == 1
    assert "in.csv:1: error: the file's text is Vietnamese typed in the old TCVN3 (ABC) fonts" in r.output
    assert "'ChØ tiªu' reads 'Chỉ tiêu'" in r.output
    assert added(plan) == ""
