"""A provincial statistics officer's year-end review (the thirteenth session's officer
pass, issue 17): what a colleague's paste, workbook or file did that the earlier hostile
passes missed."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

# The plan and the store's header of the Vietnamese import's tests: the same office,
# trying what those tests did not.
from test_import_vietnamese import HEADER, STAMP, TARGETS, rows


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, HEADER)


# --- A paste from Excel (tab-separated) tells no decimal convention -------------------


@pytest.mark.parametrize("cell", ["12.000", "1,234"])
def test_a_tab_separated_paste_that_shows_no_decimal_mark_is_ambiguous(plan: Path, cell: str):
    """Excel copies cells as tab-separated text in the user's own convention: '12.000' from
    Vietnamese settings is twelve thousand, and it was stored as 12 with no word (a ';' file
    and a workbook's text cell refuse it as ambiguous, as the figure's two readings are)."""
    text = f"Chỉ tiêu\tKỳ\tGiá trị\r\nfdi\t2022\t{cell}\r\nfdi\t2023\t85\r\n"
    r = run_clean("add-observation", "--from", "-", "--recorded-at", STAMP, input=text)
    assert r.exit_code == 1, r.stdout
    assert f"<stdin>:2: error: '{cell}' is ambiguous" in r.stderr
    assert "--decimal-comma" in r.stderr and "--decimal-point" in r.stderr
    assert rows(plan) == []


@pytest.mark.parametrize("flag, stored", [("--decimal-comma", ["12000", "85"]), ("--decimal-point", ["12", "85"])])
def test_a_tab_separated_paste_is_read_as_the_flag_says(plan: Path, flag: str, stored: list[str]):
    text = "Chỉ tiêu\tKỳ\tGiá trị\nfdi\t2022\t12.000\nfdi\t2023\t85\n"
    r = run_clean("add-observation", "--from", "-", flag, "--recorded-at", STAMP, input=text)
    assert r.exit_code == 0, r.stderr
    assert [row[2] for row in rows(plan)] == stored


@pytest.mark.parametrize(
    "other, stored",
    [("12,5", ["12000", "12.5"]), ("12.5", ["12", "12.5"]), ("1.234.567", ["12000", "1234567"])],
)
def test_a_tab_separated_paste_that_shows_its_mark_is_read_by_it(plan: Path, other: str, stored: list[str]):
    """A cell that reads only one way still tells the file's convention (issue 12)."""
    text = f"indicator\tperiod\tvalue\nfdi\t2022\t12.000\nfdi\t2023\t{other}\n"
    r = run_clean("add-observation", "--from", "-", "--recorded-at", STAMP, input=text)
    assert r.exit_code == 0, r.stderr
    assert [row[2] for row in rows(plan)] == stored


def test_a_tab_separated_wide_table_that_shows_no_mark_is_ambiguous(plan: Path):
    text = "Chỉ tiêu\t2022\t2023\nfdi\t12.000\t9\n"
    r = run_clean("add-observation", "--from", "-", "--wide", "--recorded-at", STAMP, input=text)
    assert r.exit_code == 1
    assert "period 2022: '12.000' is ambiguous" in r.stderr
    assert rows(plan) == []


def test_a_tab_separated_paste_of_whole_numbers_is_read(plan: Path):
    text = "indicator\tperiod\tvalue\nfdi\t2022\t12\nfdi\t2023\t0.125\n"
    r = run_clean("add-observation", "--from", "-", "--recorded-at", STAMP, input=text)
    assert r.exit_code == 0, r.stderr
    assert [row[2] for row in rows(plan)] == ["12", "0.125"]


# --- A workbook whose first sheet is hidden -------------------------------------------


def _hidden_first(name: str = "so-lieu.xlsx") -> None:
    import openpyxl

    book = openpyxl.Workbook()
    old = book.active
    old.title = "Cũ"
    old.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    old.append(["fdi", "2021", 999])
    old.sheet_state = "hidden"
    shown = book.create_sheet("Số liệu")
    shown.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    shown.append(["fdi", "2023", 120])
    book.active = 1
    book.save(name)


def test_a_hidden_first_sheet_is_not_read_in_place_of_the_one_shown(plan: Path):
    """Excel opens on the sheets it shows: a hidden sheet (last year's working copy) was
    read without --sheet, and its 999 recorded, the sheet on the screen left out."""
    _hidden_first()
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert [row[:3] for row in rows(plan)] == [["fdi", "2023", "120"]]
    assert (
        "so-lieu.xlsx: warning: the workbook's hidden sheets with cells were not read ('Cũ'): "
        "import one with --sheet NAME" in r.stderr
    )


def test_a_hidden_sheet_is_read_when_named(plan: Path):
    _hidden_first()
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--sheet", "Cũ", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert [row[:3] for row in rows(plan)] == [["fdi", "2021", "999"]]
    assert "warning" not in r.stderr


def test_a_hidden_sheet_is_said_in_vietnamese(plan: Path):
    _hidden_first()
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--dry-run", "--lang", "vi", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert "so-lieu.xlsx: cảnh báo: các trang tính ẩn có dữ liệu chưa được đọc ('Cũ')" in r.stderr


# --- Numbers echoed in Vietnamese messages are written as a Vietnamese reader writes them


def test_a_percent_cell_is_said_with_decimal_commas_in_vietnamese(plan: Path):
    """'hiển thị 8.42%' and 'nhập 8.42' read as eight hundred and forty-two to a Vietnamese
    reader, and Excel under Vietnamese settings takes 8,42."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    sheet.append(["growth", "2024-01", 0.0842])
    sheet["C2"].number_format = "0.00%"
    book.save("so-lieu.xlsx")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--lang", "vi", "--recorded-at", STAMP)
    assert r.exit_code == 1
    assert "số 0,0842 ở định dạng phần trăm (hiển thị 8,42%)" in r.stderr
    assert r.stderr.rstrip().endswith("nhập 8,42")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", STAMP)
    assert "the number 0.0842 in a percent format (shown as 8.42%)" in r.stderr


# --- Status words ------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["Ước thực hiện", "ước TH", "UOC THUC HIEN"])
def test_estimated_outturn_is_an_estimate(plan: Path, word: str):
    """'Ước thực hiện' (estimated outturn, 'Ước TH' in a table) heads the estimate column of
    every provincial plan report; it was refused as an unknown status."""
    r = run_clean("add-observation", "growth", "2024-06", "9,5", "--status", word, "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert rows(plan)[0][3] == "estimate"


def test_an_unknown_status_names_the_vietnamese_words_in_vietnamese(plan: Path):
    # 'Khác' (other): 'Kế hoạch', the example until the twenty-ninth session, is now told it
    # is a plan (tests/test_s29_y.py).
    r = run_clean("add-observation", "growth", "2024-06", "9,5", "--status", "Khác", "--lang", "vi")
    assert r.exit_code == 1
    assert "loại số liệu 'Khác' không hợp lệ; hợp lệ: ước tính, sơ bộ, chính thức" in r.stderr
    assert rows(plan) == []


def test_the_same_value_at_the_same_moment_is_said_with_a_decimal_comma(plan: Path):
    (plan / "observations.csv").write_text(HEADER + f"growth,2024-01,8.97,,Cục TK,,{STAMP}\n", encoding="utf-8")
    text = "Chỉ tiêu;Kỳ;Giá trị;Trạng thái;Nguồn\ngrowth;2024-01;8,97;ước;Cục TK\n"
    r = run_clean("add-observation", "--from", "-", "--recorded-at", STAMP, "--lang", "vi", input=text)
    assert r.exit_code == 1
    assert "với cùng giá trị (8,97) nhưng khác status" in r.stderr


def test_a_retraction_before_a_later_vintage_says_the_figures_with_decimal_commas(plan: Path):
    (plan / "observations.csv").write_text(
        HEADER + "growth,2024-01,10.5,,a,,2025-01-05T00:00:00Z\n" + "growth,2024-01,10.75,,b,,2025-02-05T00:00:00Z\n",
        encoding="utf-8",
    )
    r = run_clean("retract", "growth", "2024-01", "--recorded-at", "2025-01-10", "--lang", "vi")
    assert r.exit_code == 1
    assert "sẽ rút 10,5, nhưng một phiên bản sau (10,75, ghi nhận lúc" in r.stderr
    r = run_clean("retract", "growth", "2024-01", "--recorded-at", "2025-01-10")
    assert "would withdraw 10.5, but a later vintage (10.75, recorded" in r.stderr


# --- A yearbook row of an indicator with no figures yet --------------------------------


def test_a_wide_row_with_no_figures_yet_does_not_end_the_table(plan: Path):
    """A yearbook lists every indicator, some with no figure yet: that row holds one text
    cell, its indicator, and was taken for a note that ends the table, so the rows below
    it were refused ('delete row 3'), as if the indicator's row were a footnote."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Chỉ tiêu", "2022", "2023"], ["fdi", 120, 130], ["growth", None, None], ["fdi ", None, "-"]):
        sheet.append(row)
    sheet.append(["Nguồn: Cục Thống kê"])
    book.save("nien-giam.xlsx")
    r = run_clean("add-observation", "--from", "nien-giam.xlsx", "--wide", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert [row[:3] for row in rows(plan)] == [["fdi", "2022", "120"], ["fdi", "2023", "130"]]


def test_a_note_still_ends_the_table(plan: Path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Chỉ tiêu", "2022"], ["fdi", 120], ["Trong đó:"], ["growth", 5]):
        sheet.append(row)
    book.save("nien-giam.xlsx")
    r = run_clean("add-observation", "--from", "nien-giam.xlsx", "--wide", "--recorded-at", STAMP)
    assert r.exit_code == 1
    assert "row 3 holds a single text, a note, and ends it" in r.stderr


def test_a_long_row_of_an_indicator_alone_is_said_at_its_value_cell(plan: Path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Chỉ tiêu", "Kỳ", "Giá trị"], ["fdi", "2022", 120], ["fdi"], ["fdi", "2023", 130]):
        sheet.append(row)
    book.save("so-lieu.xlsx")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", STAMP)
    # The thirtieth session: a row with no figure is passed over and said at its value cell,
    # in a workbook as in a CSV (it refused the sheet before); never a note ending the table.
    assert r.exit_code == 0, r.stderr
    assert "so-lieu.xlsx:Sheet!C3: warning: fdi –: the value is empty" in r.stderr and "ends it" not in r.stderr
    assert [row[1:3] for row in rows(plan)] == [["2022", "120"], ["2023", "130"]]


# --- A sheet with a title, saved as CSV --------------------------------------------------


def test_a_csv_saved_from_a_sheet_with_a_title_reads_the_table_below_it(plan: Path):
    """Excel saves a yearbook sheet's title and date lines into the CSV file, padded with
    separators; the workbook is read below them, and its CSV was refused as 'not a table:
    ... a different delimiter? use --delimiter', which it was not."""
    text = (
        "BÁO CÁO SỐ LIỆU;;;\r\nQuảng Ninh, ngày 05 tháng 01 năm 2025;;;\r\n;;;\r\n"
        "Chỉ tiêu;Kỳ;Giá trị;Nguồn\r\nfdi;2022;12,5;x\r\nfdi;2023;abc;x\r\n"
    )
    r = run_clean("add-observation", "--from", "-", "--recorded-at", STAMP, input=text)
    assert r.exit_code == 1
    assert r.stderr == "<stdin>:6: error: 'abc' is not a number; write e.g. 1234,5\n"
    r = run_clean("add-observation", "--from", "-", "--recorded-at", STAMP, input=text.replace("abc", "13"))
    assert r.exit_code == 0, r.stderr
    assert [row[:3] for row in rows(plan)] == [["fdi", "2022", "12.5"], ["fdi", "2023", "13"]]


def test_a_title_with_no_separator_is_passed_over_too(plan: Path):
    text = "BÁO CÁO\r\n\r\nChỉ tiêu;Kỳ;Giá trị\r\nfdi;2022;12,5\r\n"
    r = run_clean("add-observation", "--from", "-", "--recorded-at", STAMP, input=text)
    assert r.exit_code == 0, r.stderr
    assert [row[:3] for row in rows(plan)] == [["fdi", "2022", "12.5"]]


@pytest.mark.parametrize(
    "above",
    ["fdi;2021;7\r\n", "Bảng 1;;2021\r\n"],
    ids=["a row of figures", "a number"],
)
def test_nothing_with_a_figure_is_passed_over_above_a_header(plan: Path, above: str):
    text = above + "Chỉ tiêu;Kỳ;Giá trị\r\nfdi;2022;12,5\r\n"
    r = run_clean("add-observation", "--from", "-", "--recorded-at", STAMP, input=text)
    assert r.exit_code == 1
    assert r.stderr.startswith("<stdin>:1: error:")
    assert rows(plan) == []


# --- A dash where a minus sign belongs ---------------------------------------------------


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", "\u2011", "\uff0d"])
def test_a_dash_before_a_figure_is_said_to_be_no_minus_sign(plan: Path, dash: str):
    """Word turns '-2,5' into '–2,5' as it is typed: pasted from a report, it was 'not a
    number; write e.g. 10.28', which the officer read as a number."""
    r = run_clean("add-observation", "growth", "2024-06", f"{dash}2,5", "--lang", "vi", "--recorded-at", STAMP)
    assert r.exit_code == 1
    assert f"'{dash}2,5' bắt đầu bằng một dấu gạch ({dash}), không phải dấu trừ: hãy gõ -2,5" in r.stderr
    text = f"indicator;period;value\ngrowth;2024-06;{dash}2,5\n"
    r = run_clean("add-observation", "--from", "-", "--recorded-at", STAMP, input=text)
    assert r.exit_code == 1
    assert f"<stdin>:2: error: '{dash}2,5' starts with a dash ({dash}), not a minus sign: type -2,5" in r.stderr
    assert rows(plan) == []


def test_a_lone_dash_in_a_wide_table_is_still_no_figure(plan: Path):
    r = run_clean(
        "add-observation", "--from", "-", "--wide", "--recorded-at", STAMP, input="indicator;2022\nfdi;\u2013\n"
    )
    assert r.exit_code == 0, r.stderr
    assert rows(plan) == []


def test_a_dash_in_a_workbook_text_cell_is_said_at_its_cell(plan: Path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    sheet.append(["growth", "2024-06", "\u20132,5"])
    book.save("so-lieu.xlsx")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", STAMP)
    assert r.exit_code == 1
    assert (
        "so-lieu.xlsx:Sheet!C2: error: '\u20132,5' starts with a dash (\u2013), not a minus sign: type -2,5" in r.stderr
    )


# --- What a number format shows against what the cell holds ------------------------------


def _one_cell(value: float, number_format: str) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    sheet.append(["growth", "2024-06", value])
    sheet["C2"].number_format = number_format
    book.save("so-lieu.xlsx")


@pytest.mark.parametrize("number_format", ['0.00"%"', "0.00\\%", '#,##0.0" %"', "[Blue]0.00\\%"])
def test_a_percent_sign_written_as_text_in_the_format_is_no_percent_format(plan: Path, number_format: str):
    """'0.00"%"' shows 8.42 as '8.42%': the sign is text, the cell holds 8.42, what qntrack
    stores. It was refused as a percent format and told to type 842, a hundred times the figure."""
    _one_cell(8.42, number_format)
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert [row[:3] for row in rows(plan)] == [["growth", "2024-06", "8.42"]]


@pytest.mark.parametrize("number_format", ["0.00%", "0.0%;[Red]-0.0%", '"tăng "0.0%'])
def test_a_percent_format_is_still_refused(plan: Path, number_format: str):
    _one_cell(0.0842, number_format)
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", STAMP)
    assert r.exit_code == 1
    assert "in a percent format" in r.stderr
    assert rows(plan) == []


@pytest.mark.parametrize(
    "number_format, shown", [("#,##0,", "2877.8"), ("#,##0.0,,", "2.8778"), ('0.0,," tr"', "2.8778")]
)
def test_a_format_that_shows_the_number_in_thousands_is_refused(plan: Path, number_format: str, shown: str):
    """'#,##0,' shows 2877800 as '2,878': a column of USD shown in thousands; the number the
    officer sees is not the one the cell holds, as with a percent format."""
    _one_cell(2877800, number_format)
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", STAMP)
    assert r.exit_code == 1
    assert "so-lieu.xlsx:Sheet!C2: error: the number 2877800 in a format that shows it divided by" in r.stderr
    assert f"({shown})" in r.stderr
    assert rows(plan) == []


@pytest.mark.parametrize("number_format", ["#,##0", "#,##0.00", "0", "General", '#,##0" tỷ"'])
def test_thousands_separators_in_a_format_change_nothing(plan: Path, number_format: str):
    _one_cell(2877800, number_format)
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert rows(plan)[0][2] == "2877800"


def test_a_formula_with_no_saved_value_is_found_on_the_sheet_read(plan: Path):
    """The second reading (formulas shown) picks the sheet the first did, the one not hidden."""
    import openpyxl

    book = openpyxl.Workbook()
    old = book.active
    old.title = "Cũ"
    old.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    old.sheet_state = "hidden"
    shown = book.create_sheet("Số liệu")
    shown.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    shown.append(["fdi", "2023", "=1+1"])
    book.save("so-lieu.xlsx")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--recorded-at", STAMP)
    assert r.exit_code == 1
    assert r.stderr.startswith("so-lieu.xlsx:'Số liệu'!C2: error: a formula with no saved value")


# --- An indicator named by its name ------------------------------------------------------


def test_an_indicator_written_by_its_name_is_read_from_a_file_and_told_its_id_when_typed(plan: Path):
    """A yearbook writes the indicator's name, not its id: 'GRDP growth' was told the closest
    id by spelling, and the same name in Vietnamese none at all. A file's names are read as
    their indicator (test_indicator_names.py); one figure typed with a name is told the id."""
    (plan / "targets.yaml").write_text(
        TARGETS.replace('name: "GRDP growth"', 'name: {en: "GRDP growth", vi: "Tốc độ tăng trưởng GRDP"}'),
        encoding="utf-8",
    )
    text = "Chỉ tiêu;Kỳ;Giá trị\nTốc độ tăng trưởng GRDP;2024-06;8,5\n  tốc độ  TĂNG trưởng grdp ;2024-05;8,5\n"
    r = run_clean("add-observation", "--from", "-", "--recorded-at", STAMP, "--lang", "vi", input=text)
    assert r.exit_code == 0, r.stderr
    assert "<stdin>: cảnh báo: 'Tốc độ tăng trưởng GRDP' là tên của chỉ tiêu growth trong targets.yaml" in r.stderr
    assert [row[:3] for row in rows(plan)] == [["growth", "2024-06", "8.5"], ["growth", "2024-05", "8.5"]]
    r = run_clean("add-observation", "GRDP growth", "2024-07", "8.5", "--recorded-at", STAMP)
    assert r.exit_code == 1
    assert "'GRDP growth' is the name of indicator 'growth', not its id: write growth" in r.stderr
