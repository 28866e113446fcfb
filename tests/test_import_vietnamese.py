"""Import of files as Vietnamese offices and Excel under Vietnamese settings write them
(issue 12): status words, thousands points shown by the file, period names, dates Excel
made of periods, header-only input, and a store re-saved by Excel."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run


TARGETS = """\
version: 1
title: "Import test"
indicators:
  growth:
    name: "GRDP growth"
    unit: "%"
    frequency: month
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
targets:
  - id: growth
    indicator: growth
    baseline: {period: 2020, value: 7}
    milestones:
      - {by: 2025, value: 10}
"""
HEADER = STORE_HEADER
STAMP = "2025-01-05T00:00:00Z"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, HEADER)


def rows(plan: Path) -> list[list[str]]:
    return [line.split(",") for line in (plan / "observations.csv").read_text(encoding="utf-8").splitlines()[1:]]


@pytest.mark.parametrize(
    "word, status",
    [
        ("Ước tính", "estimate"),
        ("ƯỚC TÍNH", "estimate"),
        ("uoc tinh", "estimate"),
        ("  Uoc  Tinh ", "estimate"),
        ("Sơ bộ", "preliminary"),
        ("so bo", "preliminary"),
        ("Chính thức", "official"),
        ("CHINH THUC", "official"),
        ("Official", "official"),
    ],
)
def test_vietnamese_status_words(plan: Path, word: str, status: str):
    text = f"indicator;period;value;status\ngrowth;2024;8,5;{word}\n"
    r = run("add-observation", "--from", "-", "--recorded-at", STAMP, input=text)
    assert r.exit_code == 0, r.stderr
    assert rows(plan) == [["growth", "2024", "8.5", status, "", "", STAMP]]


def test_status_word_on_the_command_line_too(plan: Path):
    r = run("add-observation", "growth", "2024", "8.5", "--status", "Sơ bộ", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert rows(plan)[0][3] == "preliminary"


@pytest.mark.parametrize(
    "other, values",
    [
        # '1.234,5' can only be 1234.5: the file groups thousands with '.', so '85.000' is 85000.
        ("1.234,5", ["85000", "1234.5"]),
        # '12.345.678': points every three digits, twice, group thousands.
        ("12.345.678", ["85000", "12345678"]),
        # '12,5' shows ',' as this file's decimal mark, so the '.' of '85.000' can only group
        # thousands: 85 000 (issue 12, wave 3; it used to be refused as ambiguous).
        ("12,5", ["85000", "12.5"]),
        # '12.5' shows '.' as the decimal mark even in a ';' file: '85.000' is then 85.
        ("12.5", ["85", "12.5"]),
    ],
    ids=[
        "thousands point shown by the file",
        "thousands point shown by a long number",
        "a decimal comma makes the point a thousands separator",
        "a decimal point keeps 85.000 as 85",
    ],
)
def test_what_the_file_shows_decides_what_85_000_is(plan: Path, other: str, values: list[str]):
    text = f"indicator;period;value\nfdi;2023;85.000\nfdi;2024;{other}\n"
    r = run("add-observation", "--from", "-", "--recorded-at", STAMP, input=text)
    assert r.exit_code == 0, r.stderr
    assert [row[2] for row in rows(plan)] == values


def test_a_file_that_shows_no_decimal_mark_is_still_refused(plan: Path):
    text = "indicator;period;value\nfdi;2023;85.000\nfdi;2024;7\n"
    r = run("add-observation", "--from", "-", input=text)
    assert r.exit_code == 1
    assert "'85.000' is ambiguous" in r.stderr
    assert rows(plan) == []


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("Quý I/2024", "2024-Q1"),
        ("Quý 2/2024", "2024-Q2"),
        ("quý IV/2024", "2024-Q4"),
        ("Quy III - 2024", "2024-Q3"),
        ("Quý II năm 2024", "2024-Q2"),
        ("6 tháng 2024", "2024-H1"),
        ("6 tháng đầu năm 2024", "2024-H1"),
        ("9 tháng đầu năm 2024", "2024-9M"),
        ("6 tháng cuối năm 2024", "2024-H2"),
        ("Tháng 4/2024", "2024-04"),
        ("tháng 12 năm 2024", "2024-12"),
        ("Năm 2024", "2024"),
        ("2024", "2024"),
        # The short forms a report's tables use: Q for quý, T for tháng (a hostile pass).
        ("Q3/2024", "2024-Q3"),
        ("QIII/2024", "2024-Q3"),
        ("q1-2024", "2024-Q1"),
        ("T10/2024", "2024-10"),
        ("T4/2024", "2024-04"),
        ("6T/2024", "2024-H1"),
        ("9T 2024", "2024-9M"),
    ],
)
def test_vietnamese_period_names(plan: Path, written: str, canonical: str):
    text = f"indicator;period;value\ngrowth;{written};7,5\n"
    r = run("add-observation", "--from", "-", "--recorded-at", STAMP, input=text)
    assert r.exit_code == 0, r.stderr
    assert rows(plan)[0][1] == canonical


def test_vietnamese_period_names_as_wide_columns(plan: Path):
    text = "indicator;Quý I/2024;6 tháng đầu năm 2024;Năm 2024\ngrowth;7,1;7,2;7,3\n"
    r = run("add-observation", "--from", "-", "--wide", "--recorded-at", STAMP, input=text)
    assert r.exit_code == 0, r.stderr
    assert [row[1:3] for row in rows(plan)] == [["2024-Q1", "7.1"], ["2024-H1", "7.2"], ["2024", "7.3"]]


@pytest.mark.parametrize(
    "cell, guess",
    [
        ("01/04/2025", "2025-04"),
        ("4/1/2025", "2025-04"),
        ("Apr-25", "2025-04"),
        ("2025-04-01", "2025-04"),
    ],
)
def test_a_period_excel_turned_into_a_date(plan: Path, cell: str, guess: str):
    text = f"indicator,period,value\ngrowth,{cell},7.5\n"
    r = run("add-observation", "--from", "-", input=text)
    assert r.exit_code == 1
    assert r.stderr.startswith(
        f"<stdin>:2: error: '{cell}' is a date: Excel turned the period (probably {guess}) "
        "into a date; format the period column as Text"
    )
    assert len(r.stderr.splitlines()) == 1
    assert rows(plan) == []


def test_a_header_only_import_adds_nothing_and_succeeds(plan: Path):
    before = (plan / "observations.csv").read_bytes()
    r = run("add-observation", "--from", "-", input="indicator,period,value\n")
    assert r.exit_code == 0, r.stderr
    assert r.stderr == "nothing to add: <stdin> has a header and no rows; nothing was written\n"
    assert (plan / "observations.csv").read_bytes() == before


def test_a_spreadsheets_empty_columns_after_the_table_are_passed_over(plan: Path):
    # Copied from Excel with an empty column selected (a tab at the end of every line):
    # refused as "unknown column '(empty, column 4)'", though it holds nothing.
    pasted = "indicator\tperiod\tvalue\t\r\ngrowth\tQuý I/2024\t8,5\t\r\n\t\t\t\r\n"
    r = run("add-observation", "--from", "-", "--status", "estimate", input=pasted)
    assert r.exit_code == 0, r.stderr
    assert "growth,2024-Q1,8.5,estimate," in (plan / "observations.csv").read_text(encoding="utf-8")
    # A cell under the unnamed column is not dropped: the row is refused.
    before = (plan / "observations.csv").read_bytes()
    r = run("add-observation", "--from", "-", input="indicator,period,value,\ngrowth,2024-02,8.7,oops\n")
    assert r.exit_code == 1 and "<stdin>:2:" in r.stderr, r.stderr
    assert (plan / "observations.csv").read_bytes() == before
    # Saved as CSV: a trailing comma on every line.
    r = run("add-observation", "--from", "-", input="indicator,period,value,\ngrowth,2024-03,8.8,\n")
    assert r.exit_code == 0, r.stderr
    assert "growth,2024-03,8.8,," in (plan / "observations.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "saved",
    [
        "indicator;period;value;status;source;note;recorded_at\r\ngrowth;2024;8,5;;;;2025-01-05T00:00:00Z\r\n",
        "\ufeffindicator;period;value;status;source;note;recorded_at\ngrowth;2024;8,5;;;;05/01/2025 00:00\n",
    ],
)
def test_a_store_resaved_by_excel_with_vietnamese_settings(plan: Path, saved: str):
    (plan / "observations.csv").write_text(saved, encoding="utf-8")
    for args in (["status"], ["check"], ["add-observation", "growth", "2024", "1"]):
        r = run(*args)
        assert r.exit_code == 1, args
        assert r.stderr.startswith(
            "observations.csv:1: error: this file was re-saved by Excel with Vietnamese "
            "settings (';' between cells, decimal commas)"
        ), r.stderr
        assert "add-observation --from observations-excel.csv" in r.stderr
        assert "Traceback" not in r.stderr


def test_a_recorded_at_excel_reformatted_is_named_as_such(plan: Path):
    text = "indicator,period,value,recorded_at\ngrowth,2024,7.5,05/01/2025 10:00\n"
    r = run("add-observation", "--from", "-", input=text)
    assert r.exit_code == 1
    assert r.stderr == (
        "<stdin>:2: error: recorded_at '05/01/2025 10:00' is a date as Excel shows it; write it in "
        "ISO 8601, e.g. 2025-01-05T10:00:00+07:00 or 2025-01-05 (format the column as Text so "
        "Excel keeps it)\n"
    )


def test_vietnamese_period_names_on_the_command_line(plan: Path):
    r = run("add-observation", "growth", "Quý I/2024", "7,5", "--lang", "vi", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert r.stderr.startswith("đã thêm growth 2024-Q1 = 7,5 vào ")  # --lang vi: the confirmation too
    assert rows(plan)[0][1:3] == ["2024-Q1", "7.5"]


def test_a_real_minus_sign_in_a_file_is_a_minus(plan: Path):
    text = "indicator;period;value\ngrowth;2024;\u22122,5\n"
    r = run("add-observation", "--from", "-", "--recorded-at", STAMP, input=text)
    assert r.exit_code == 0, r.stderr
    assert rows(plan)[0][2] == "-2.5"


@pytest.mark.parametrize(
    "line", ["growth,2024,\u0661\u0662", "growth,2024,\uff11\uff12", "growth,\u0662\u0660\u0662\u0664,5"]
)
def test_digits_other_than_ascii_in_a_file_are_refused(plan: Path, line: str):
    r = run("add-observation", "--from", "-", input="indicator,period,value\n" + line + "\n")
    assert r.exit_code == 1
    assert "digits other than 0-9" in r.stderr
    assert rows(plan) == []


def test_digits_other_than_ascii_in_a_typed_period_are_refused(plan: Path):
    r = run("add-observation", "growth", "\u0662\u0660\u0662\u0664", "5")
    assert r.exit_code == 1
    assert "digits other than 0-9" in r.stderr
    assert rows(plan) == []


def test_digits_other_than_ascii_in_a_wide_header_are_refused(plan: Path):
    r = run("add-observation", "--from", "-", "--wide", input="indicator,\u0662\u0660\u0662\u0664\ngrowth,5\n")
    assert r.exit_code == 1
    assert "column 2 '\u0662\u0660\u0662\u0664' is written in digits other than 0-9" in r.stderr
    assert rows(plan) == []


def test_excel_unicode_text_with_decimal_commas_needs_no_flag(plan: Path):
    # Excel's "Unicode text" under Vietnamese settings: UTF-16, tabs, decimal commas.
    text = "indicator\tperiod\tvalue\nfdi\t2022\t3,13\nfdi\t2023\t1.234,5\nfdi\t2024\t85.000\n"
    (plan / "in.txt").write_bytes(text.encode("utf-16"))
    r = run("add-observation", "--from", "in.txt", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert [row[2] for row in rows(plan)] == ["3.13", "1234.5", "85000"]


def test_a_file_that_shows_both_conventions_is_refused_as_before(plan: Path):
    text = "indicator\tperiod\tvalue\nfdi\t2023\t3,13\nfdi\t2024\t1.5\n"
    r = run("add-observation", "--from", "-", input=text)
    assert r.exit_code == 1
    assert "'3,13' is written with decimal commas" in r.stderr
    assert rows(plan) == []


def test_the_usual_vietnamese_column_names_are_read(plan: Path):
    """'Trạng thái' is how most offices head the status column (a hostile pass)."""
    text = "Chỉ tiêu,Kỳ,Giá trị,Trạng thái,Nguồn,Ghi chú,Ngày ghi nhận\ngrowth,2024,8.5,Sơ bộ,GSO,,2025-01-05\n"
    r = run("add-observation", "--from", "-", input=text)
    assert r.exit_code == 0, r.stderr
    assert rows(plan) == [["growth", "2024", "8.5", "preliminary", "GSO", "", STAMP]]


def test_an_unknown_vietnamese_column_is_told_the_vietnamese_names(plan: Path):
    """'Thời điểm' alone may be the figure's reference date as well as when it was
    recorded: refused, with the Vietnamese names that are read and the closest one."""
    text = "Chỉ tiêu,Kỳ,Giá trị,Thời điểm\ngrowth,2024,8.5,2025-01-05\n"
    r = run("add-observation", "--from", "-", input=text)
    assert r.exit_code == 1
    assert "unknown column 'Thời điểm'; did you mean 'thời điểm ghi nhận'?" in r.stderr, r.stderr
    assert "in Vietnamese: chỉ tiêu, mã chỉ tiêu, tên chỉ tiêu, kỳ" in r.stderr, r.stderr
    vi = run("--lang", "vi", "add-observation", "--from", "-", input=text)
    assert "tiếng Việt: chỉ tiêu, mã chỉ tiêu, tên chỉ tiêu, kỳ" in vi.stderr, vi.stderr


def test_a_csv_fault_is_said_in_the_users_language(plan: Path):
    """The csv module's own words ('unexpected end of data') were put into the Vietnamese
    message as they were (a hostile pass)."""
    text = 'indicator,period,value,status,source\ngrowth,2024,8.5,official,"unterminated\n'
    en = run("add-observation", "--from", "-", "--recorded-at", STAMP, input=text)
    assert "not valid CSV: the file ends inside a quoted cell (a stray or missing quote?)" in en.stderr, en.stderr
    vi = run("--lang", "vi", "add-observation", "--from", "-", "--recorded-at", STAMP, input=text)
    assert "unexpected" not in vi.stderr and "tệp kết thúc khi một ô trong ngoặc kép chưa đóng" in vi.stderr, vi.stderr
    after = 'indicator,period,value\ngrowth,2024,"8.5"x\n'
    en = run("add-observation", "--from", "-", "--recorded-at", STAMP, input=after)
    assert "not valid CSV: text right after a closing quote" in en.stderr, en.stderr


@pytest.mark.parametrize(
    "text, first",
    [
        ("growth\t2025-Q3\t7.9\n", "growth, 2025-Q3, 7.9"),  # pasted from Excel, the header row not copied
        ('growth,Quý III/2025,"7,9"\ngrowth,2024,8\n', "growth, Quý III/2025, 7,9"),
        ("growth;2024;8,5;Sơ bộ\n", "growth, 2024, 8,5, Sơ bộ"),
    ],
)
def test_rows_pasted_without_their_header_are_told_so_once(plan: Path, text: str, first: str):
    # Four errors had said: unknown column 'growth', "is this a wide table? add --wide",
    # unknown column '7.9', and the header needs indicator, period, value.
    r = run("add-observation", "--from", "-", input=text)
    assert r.exit_code == 1, r.output
    lines = [line for line in r.stderr.splitlines() if "error" in line]
    assert lines == [
        f"<stdin>:1: error: line 1 is a row of figures ({first}), not a header; put a header line above it: "
        "indicator, period, value, and any of status, source, note, recorded_at"
    ], r.stderr
    assert rows(plan) == []
    vi = run("--lang", "vi", "add-observation", "--from", "-", input=text)
    assert "tiêu đề" in vi.stderr, vi.stderr


def test_a_wide_table_pasted_without_its_header_is_told_so(plan: Path):
    r = run("add-observation", "--from", "-", "--wide", input="growth\t7.9\t8.1\n")
    assert r.exit_code == 1, r.output
    assert "line 1 is a row of figures (growth, 7.9, 8.1), not a header" in r.stderr, r.stderr
    assert "indicator, then one column per period (e.g. indicator, 2021, 2022)" in r.stderr, r.stderr


@pytest.mark.parametrize("heading", ["STT", "Số thứ tự", "số TT", "No.", "#"])
def test_a_row_number_column_is_passed_over(plan: Path, heading: str):
    # A Vietnamese table numbers its rows (STT): "unknown column 'stt'; did you mean
    # 'status'?" refused the file and sent the officer to the wrong column.
    text = f"{heading},Chỉ tiêu,Kỳ,Giá trị,Ngày ghi nhận\n1,growth,2024,8.5,2025-01-05\n2,growth,2023,8.1,2025-01-05\n"
    r = run("add-observation", "--from", "-", input=text)
    assert r.exit_code == 0, r.stderr
    assert sorted(r[:3] for r in rows(plan)) == [["growth", "2023", "8.1"], ["growth", "2024", "8.5"]]


@pytest.mark.parametrize("heading", ["Nợ", "NỢ", "Nộ"])
def test_a_vietnamese_word_that_folds_to_no_is_not_a_row_number(plan: Path, heading: str):
    # 'No.' is an English table's row numbers; 'Nợ' (debt) is a column of figures that,
    # with its tone mark taken off, had been passed over as one, the file imported with
    # that column unread and not a word said.
    before = (plan / "observations.csv").read_bytes()
    text = f"Chỉ tiêu,Kỳ,Giá trị,{heading}\ngrowth,2024,8.5,120\n"
    r = run("add-observation", "--from", "-", input=text)
    assert r.exit_code == 1, r.output
    assert "unknown column" in r.stderr, r.stderr
    assert (plan / "observations.csv").read_bytes() == before


def test_a_row_number_column_is_passed_over_in_a_workbook(plan: Path):
    import openpyxl

    book = openpyxl.Workbook()
    for row in (["STT", "Chỉ tiêu", "Kỳ", "Giá trị", "Ngày ghi nhận"], [1, "growth", "2024", 8.5, "2025-01-05"]):
        book.active.append(row)
    book.save(plan / "so-lieu.xlsx")
    r = run("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 0, r.stderr
    assert [r[:3] for r in rows(plan)] == [["growth", "2024", "8.5"]]


def test_a_row_number_column_before_a_wide_tables_indicator_is_passed_over(plan: Path):
    # A yearbook table numbers its rows before the indicator (STT); the workbook reader
    # passed it over, the CSV reader said the first column must be 'indicator'.
    text = "STT,Chỉ tiêu,2022,2023,Ngày ghi nhận\n1,growth,8.1,8.5,2025-01-05\n"
    r = run("add-observation", "--from", "-", "--wide", input=text)
    assert r.exit_code == 0, r.stderr
    assert sorted(r[:3] for r in rows(plan)) == [["growth", "2022", "8.1"], ["growth", "2023", "8.5"]]
    # A column's place in a message is still its place in the file.
    bad = run("add-observation", "--from", "-", "--wide", input="STT,Chỉ tiêu,2022,Năm x\n1,growth,8.1,8.5\n")
    assert bad.exit_code == 1 and "column 4 'Năm x'" in bad.stderr, bad.stderr
