"""Issue 17, twenty-eighth session, helper B: long tables as a statistics office writes
them (one row per figure), pasted or saved from a yearbook or an office's sheet. Each
test written failing first; the expected periods and words are written by hand from the
cells typed here and the catalog's wording."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from helpers import run_clean

HEADER = "indicator\tperiod\tvalue\n"


def _table(*rows: str, header: str = HEADER) -> Path:
    path = Path("t.tsv")
    path.write_text(header + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def _refused(*args: str) -> str:
    before = Path("observations.csv").read_bytes()
    r = run_clean(*args)
    assert r.exit_code != 0, r.output
    assert Path("observations.csv").read_bytes() == before  # nothing written on a refusal
    return r.stderr


# --- 1. a footnote mark after a long table's period, as after a wide table's heading -------


@pytest.mark.parametrize(
    ("indicator", "cell", "period"),
    [
        ("budget_revenue", "2024 (*)", "2024"),
        ("budget_revenue", "2024*", "2024"),
        ("budget_revenue", "2024(1)", "2024"),
        ("budget_revenue", "Năm 2024 (**)", "2024"),
        ("grdp_growth", "Quý I/2025 (*)", "2025-Q1"),
        ("grdp_growth", "6 tháng đầu năm 2025*", "2025-H1"),
        ("fdi", "Tháng 6/2025 (a)", "2025-06"),
        ("fdi", "T6/2025²", "2025-06"),
    ],
)
def test_a_period_cell_with_a_footnote_mark_is_read_as_its_period(
    shipped: Path, indicator: str, cell: str, period: str
) -> None:
    _table(f"{indicator}\t{cell}\t123.4")
    dry = run_clean("add-observation", "--from", "t.tsv", "--dry-run", "--format", "csv")
    assert dry.exit_code == 0, dry.output
    assert f"{indicator},{period},123.4," in dry.stdout, dry.stdout
    assert f"'{cell}' → {period}" in dry.stderr, dry.stderr
    real = run_clean("add-observation", "--from", "t.tsv")
    assert real.exit_code == 0, real.output
    last = Path("observations.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert last.startswith(f"{indicator},{period},123.4,"), last
    assert f"'{cell}' → {period}" in real.stderr, real.stderr


def test_the_marks_are_said_once_for_the_file_at_the_first_marked_line(shipped: Path) -> None:
    _table(
        "budget_revenue\t2023\t50000",
        "budget_revenue\t2024 (*)\t57330",
        "cbct_investment\t2024 (*)\t120",
        "grdp_vnd\t2025*\t340000",
    )
    r = run_clean("add-observation", "--from", "t.tsv", "--dry-run")
    assert r.exit_code == 0, r.output
    said = [line for line in r.stderr.splitlines() if "footnote mark" in line]
    assert said == [
        "t.tsv:3: warning: period cells with a footnote mark, read as their periods: '2024 (*)' → 2024,"
        " '2025*' → 2025; not read: (*), * (no status is taken from a mark: the table's footnote says"
        " what it means)"
    ], r.stderr
    vi = run_clean("--lang", "vi", "add-observation", "--from", "t.tsv", "--dry-run")
    assert "ô kỳ có dấu chú thích, đọc theo kỳ: '2024 (*)' → 2024, '2025*' → 2025" in vi.stderr, vi.stderr


def test_a_status_and_a_mark_in_a_long_period_cell_is_told_the_period_alone(shipped: Path) -> None:
    _table("budget_revenue\tSơ bộ 2025(*)\t100")
    said = _refused("add-observation", "--from", "t.tsv")
    assert "t.tsv:2: error: 'Sơ bộ 2025' begins with a status (preliminary): write the period alone, 2025" in said


def test_a_mark_on_no_period_is_still_refused(shipped: Path) -> None:
    _table("budget_revenue\tTổng số (*)\t100")
    said = _refused("add-observation", "--from", "t.tsv")
    assert "'Tổng số (*)' is not a period" in said, said
    assert "footnote" not in said


def test_a_workbook_period_cell_with_a_mark_is_read_and_said_at_its_cell(shipped: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Số liệu"
    sheet.append(["Chỉ tiêu", "Kỳ", "ĐVT", "Giá trị"])
    sheet.append(["budget_revenue", 2023, "tỷ đồng", 50000])
    sheet.append(["budget_revenue", "2024 (*)", "tỷ đồng", 57330])
    book.save("so-lieu.xlsx")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--dry-run", "--format", "csv")
    assert r.exit_code == 0, r.output
    assert "budget_revenue,2024,57330," in r.stdout, r.stdout
    assert (
        "so-lieu.xlsx:'Số liệu'!B3: warning: period cells with a footnote mark, read as their periods:"
        " '2024 (*)' → 2024; not read: (*)" in r.stderr
    ), r.stderr


# --- 2. a year shown with a locale's thousands separator -----------------------------------


@pytest.mark.parametrize("cell", ["2.025", '"2,025"', "2 025"])
def test_a_year_with_a_thousands_separator_is_told_the_year(shipped: Path, cell: str) -> None:
    Path("t.csv").write_text(f"indicator,period,value\nbudget_revenue,{cell},100\n", encoding="utf-8")
    said = _refused("add-observation", "--from", "t.csv")
    shown = cell.strip('"')
    assert f"t.csv:2: error: '{shown}' is not a period qntrack reads: write 2025 if that is the period meant" in said


def test_a_number_that_is_no_year_is_not_told_one(shipped: Path) -> None:
    _table("budget_revenue\t12.345\t100")
    said = _refused("add-observation", "--from", "t.tsv")
    assert "'12.345' is not a period; valid forms" in said, said


# --- 3. a workbook's empty period cell is named, not the indicator's -----------------------


def test_an_empty_period_cell_of_a_workbook_is_said_at_its_cell(shipped: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["indicator", "period", "value"])
    sheet.append(["budget_revenue", None, 100])
    book.save("b.xlsx")
    said = _refused("add-observation", "--from", "b.xlsx")
    assert "b.xlsx:Sheet!B2: error: the period cell is empty" in said, said


# --- 4. a day in a period cell: the periods that end on it -----------------------------------


def test_a_month_end_date_in_a_workbook_period_cell_is_told_the_periods_ending_then(shipped: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["indicator", "period", "value"])
    sheet.append(["grdp_growth", datetime(2025, 6, 30), 8.1])
    book.save("d.xlsx")
    said = _refused("add-observation", "--from", "d.xlsx")
    assert "d.xlsx:Sheet!B2: error: '2025-06-30' is a day, not a period" in said, said


@pytest.mark.parametrize(
    ("cell", "periods"),
    [
        ("30/06/2025", "2025-06, 2025-Q2, 2025-H1"),
        ("06/30/2025", "2025-06, 2025-Q2, 2025-H1"),
        ("31/12/2025", "2025-12, 2025-Q4, 2025-H2, 2025"),
        ("30/09/2025", "2025-09, 2025-Q3, 2025-9M"),
        ("31/05/2025", "2025-05, 2025-5M"),
        ("28/02/2025", "2025-02, 2025-2M"),
        ("31/01/2025", "2025-01"),
        ("2025-03-31", "2025-03, 2025-Q1"),
    ],
)
def test_a_month_end_day_typed_in_a_period_cell_is_told_the_periods_ending_then(
    shipped: Path, cell: str, periods: str
) -> None:
    _table(f"fdi\t{cell}\t8")
    said = _refused("add-observation", "--from", "t.tsv")
    assert (
        f"t.tsv:2: error: '{cell}' is a day, not a period: a figure up to that day is for a period that ends on it, {periods};"
        in said
    ), said


def test_a_day_that_ends_no_month_is_told_as_before(shipped: Path) -> None:
    # 29/02/2025 is no day (2025 is no leap year); 15/06 ends nothing; 01/06 is Excel's month.
    _table("fdi\t15/06/2025\t8", "fdi\t01/06/2025\t8")
    said = _refused("add-observation", "--from", "t.tsv")
    assert "is a day, not a period" not in said, said
    assert "'01/06/2025' is a date: Excel turned the period (probably 2025-06) into a date" in said, said


def test_a_month_end_day_is_told_in_vietnamese(shipped: Path) -> None:
    _table("fdi\t30/06/2025\t8")
    said = _refused("--lang", "vi", "add-observation", "--from", "t.tsv")
    assert "'30/06/2025' là một ngày, không phải một kỳ" in said and "2025-06, 2025-Q2, 2025-H1" in said, said


def test_a_pasted_table_with_marks_reads_them_from_standard_input(shipped: Path) -> None:
    pasted = "Chỉ tiêu\tKỳ\tGiá trị\r\nbudget_revenue\t2024 (*)\t57330\r\n\r\nbudget_revenue\t2025*\t61000\r\n"
    r = run_clean("add-observation", "--from", "-", "--dry-run", "--format", "csv", input=pasted.encode("utf-8"))
    assert r.exit_code == 0, r.output
    assert "budget_revenue,2024,57330," in r.stdout and "budget_revenue,2025,61000," in r.stdout, r.stdout
    assert (
        "<stdin>:2: warning: period cells with a footnote mark, read as their periods: '2024 (*)' → 2024, '2025*' → 2025"
        in r.stderr
    ), r.stderr


# --- 5. a unit column (DVT) writes the plan's unit in an office's spelling -------------------


@pytest.mark.parametrize(
    ("indicator", "period", "unit"),
    [
        ("fdi", "2025-01", "Triệu đô la Mỹ"),  # the GSO yearbook's words for triệu USD
        ("fdi", "2025-01", "Tr.USD"),
        ("fdi", "2025-01", "Tr. USD"),
        ("fdi", "2025-01", "triệu US$"),
        ("fdi", "2025-01", "mln USD"),
        ("budget_revenue", "2025", "tỷ VNĐ"),
        ("budget_revenue", "2025", "Tỷ VND"),
        ("budget_revenue", "2025", "Tỷ đ"),
        ("budget_revenue", "2025", "tỉ đồng"),
        ("budget_revenue", "2025", "bn VND"),
    ],
)
def test_a_unit_cell_in_an_office_spelling_is_the_plan_unit(
    shipped: Path, indicator: str, period: str, unit: str
) -> None:
    _table(f"{indicator}\t{period}\t{unit}\t100", header="Chỉ tiêu\tKỳ\tĐVT\tGiá trị\n")
    r = run_clean("add-observation", "--from", "t.tsv", "--dry-run")
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize(
    ("indicator", "period", "unit"),
    [
        ("budget_revenue", "2025", "nghìn tỷ đồng"),  # a thousand times the plan's unit
        ("budget_revenue", "2025", "Triệu đồng"),
        ("budget_revenue", "2025", "tỷ USD"),
        ("fdi", "2025-01", "nghìn USD"),
        ("fdi", "2025-01", "Tr.đồng"),
        ("fdi", "2025-01", "tỷ đô la Mỹ"),
    ],
)
def test_a_unit_cell_of_another_magnitude_or_currency_is_still_refused(
    shipped: Path, indicator: str, period: str, unit: str
) -> None:
    _table(f"{indicator}\t{period}\t{unit}\t100", header="Chỉ tiêu\tKỳ\tĐVT\tGiá trị\n")
    said = _refused("add-observation", "--from", "t.tsv")
    assert f"t.tsv:2: error: the unit '{unit}' is not the unit of {indicator} in targets.yaml" in said, said


# --- 6. a period cell merged down over several rows --------------------------------------------


def test_a_period_merged_down_pasted_is_told_to_fill_every_row(shipped: Path) -> None:
    pasted = "Chỉ tiêu\tKỳ\tGiá trị\r\nbudget_revenue\t2024\t57330\r\ngrdp_vnd\t\t340000\r\n"
    before = Path("observations.csv").read_bytes()
    r = run_clean("add-observation", "--from", "-", input=pasted.encode("utf-8"))
    assert r.exit_code == 1, r.output
    assert Path("observations.csv").read_bytes() == before
    assert r.stderr.splitlines()[0] == (
        "<stdin>:3: error: the period cell is empty: each row names its period (a cell merged down over"
        " several rows holds its value in its first row only: unmerge it and fill the period into every row)"
    ), r.stderr
    assert r.stderr.count("<stdin>:3:") == 1, r.stderr


def test_a_workbook_period_merged_down_is_told_at_each_empty_cell(shipped: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["Chỉ tiêu", "Kỳ", "Giá trị"], ["budget_revenue", 2024, 57330], ["grdp_vnd", None, 340000]):
        sheet.append(row)
    sheet.merge_cells("B2:B3")
    book.save("m.xlsx")
    said = _refused("add-observation", "--from", "m.xlsx")
    assert said.startswith("m.xlsx:Sheet!B3: error: the period cell is empty: each row names its period"), said


def test_a_total_row_without_a_period_still_says_its_indicator(shipped: Path) -> None:
    # The period cell's words do not hide the row's other problem: all said at once.
    _table("budget_revenue\t2024\t100", "Tổng số\t\t300", header="Chỉ tiêu\tKỳ\tGiá trị\n")
    said = _refused("add-observation", "--from", "t.tsv")
    # A total line is named as one (test_s28_e: a total row in the indicator column).
    assert "t.tsv:3: error: 'Tổng số' is a table's total line, not an indicator" in said, said
    assert "t.tsv:3: error: the period cell is empty: each row names its period" in said, said


def test_the_library_keeps_its_words_for_an_empty_period(shipped: Path) -> None:
    from qntrack import record_many

    from qntrack.errors import InputError

    with pytest.raises(InputError) as refused:
        record_many("targets.yaml", [{"indicator": "budget_revenue", "period": "", "value": "1"}], dry_run=True)
    said = str(refused.value)
    assert "the period is empty" in said and "merged" not in said, said


# --- 7. a month and its year joined by a hyphen ----------------------------------------------------


@pytest.mark.parametrize(("cell", "period"), [("06-2025", "2025-06"), ("6-2025", "2025-06"), ("12-2024", "2024-12")])
def test_a_month_hyphen_year_is_told_its_form(shipped: Path, cell: str, period: str) -> None:
    _table(f"fdi\t{cell}\t8")
    said = _refused("add-observation", "--from", "t.tsv")
    assert f"t.tsv:2: error: '{cell}' is not a period qntrack reads: write {period} if that is the period meant" in said


def test_a_span_of_years_is_not_told_a_month(shipped: Path) -> None:
    _table("budget_revenue\t2021-2025\t8")
    said = _refused("add-observation", "--from", "t.tsv")
    assert "write" not in said.split("valid forms")[0], said


def test_a_wide_heading_of_a_month_end_day_is_told_the_periods_ending_then(shipped: Path) -> None:
    _table("budget_revenue\t1\t2", header="Chỉ tiêu\t31/12/2024\t30/06/2025\n")
    said = _refused("add-observation", "--from", "t.tsv", "--wide")
    assert (
        "t.tsv:1: error: column 2: '31/12/2024' is a day, not a period: a figure up to that day is for a period"
        " that ends on it, 2024-12, 2024-Q4, 2024-H2, 2024;" in said
    ), said
    assert "column 3: '30/06/2025' is a day, not a period" in said and "2025-04" not in said, said
