"""Issue 17, twenty-eighth session, helper E: long and wide tables from a yearbook, what
pass B left. Each test written failing first; the expected periods and words are written
by hand from the cells typed here and the catalog's wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import refused_here as _refused
from helpers import run_clean

HEADER = "indicator\tperiod\tvalue\n"


def _table(*rows: str, header: str = HEADER, name: str = "t.tsv") -> Path:
    path = Path(name)
    path.write_text(header + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


# --- 1. a wide table headed by days, without --wide ------------------------------------------


def test_a_table_headed_by_month_end_days_is_told_as_with_wide(shipped: Path) -> None:
    _table("budget_revenue\t50000\t57330", header="Chỉ tiêu\t31/12/2024\t30/06/2025\n", name="w.tsv")
    said = _refused("add-observation", "--from", "w.tsv")
    assert "unknown column" not in said, said
    assert "the header needs" not in said, said
    assert "read as a wide table" in said, said
    assert (
        "w.tsv:1: error: column 2: '31/12/2024' is a day, not a period: a figure up to that day is"
        " for a period that ends on it, 2024-12, 2024-Q4, 2024-H2, 2024;"
    ) in said, said
    assert (
        "column 3: '30/06/2025' is a day, not a period: a figure up to that day is for a period that ends on it, 2025-06, 2025-Q2, 2025-H1;"
        in said
    ), said
    vi = run_clean("--lang", "vi", "add-observation", "--from", "w.tsv")
    assert "đọc như bảng dạng ngang" in vi.stderr, vi.stderr


def test_a_header_of_one_day_and_an_unknown_word_keeps_its_unknown_column(shipped: Path) -> None:
    # No indicator column: nothing says the table is a wide one; the long reading's words stay.
    _table("50000\t57330", header="Ghi chú\t31/12/2024\n", name="w.tsv")
    said = _refused("add-observation", "--from", "w.tsv")
    assert "unknown column" in said, said


# --- 2. how cells were read, said beside a refusal for other rows -----------------------------


def test_a_footnote_mark_read_is_said_beside_the_refusal_of_another_row(shipped: Path) -> None:
    _table("budget_revenue\t2024 (*)\t57330", "nosuch\t2024\t1")
    said = _refused("add-observation", "--from", "t.tsv")
    assert "t.tsv:3: error: unknown indicator 'nosuch'" in said, said
    assert "t.tsv:2: warning: period cells with a footnote mark, read as their periods: '2024 (*)' → 2024" in said, said


def test_a_table_read_as_wide_is_said_beside_the_refusal_of_a_cell(shipped: Path) -> None:
    _table("budget_revenue\t57330\tabc", header="Chỉ tiêu\t2024\t2025\n")
    said = _refused("add-observation", "--from", "t.tsv")
    assert "read as a wide table" in said, said
    assert "'abc'" in said, said


# --- 3. a workbook's refused period cell keeps the row's other problems said -------------------


def test_a_workbook_row_with_a_refused_period_says_its_unknown_indicator_too(shipped: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["indicator", "period", "value"])
    sheet.append(["nosuch", "2025-Q5", 100])
    book.save("b.xlsx")
    said = _refused("add-observation", "--from", "b.xlsx")
    assert "b.xlsx:Sheet!B2: error:" in said and "Q5" in said, said
    assert "unknown indicator 'nosuch'" in said, said
    assert said.count("Q5") == 1, said  # the period said once, at its cell


def test_the_csv_path_says_both_as_the_workbook_now_does(shipped: Path) -> None:
    _table("nosuch\t2025-Q5\t100")
    said = _refused("add-observation", "--from", "t.tsv")
    assert "Q5" in said and "unknown indicator 'nosuch'" in said, said


# --- 4. a total row in a long table's indicator column --------------------------------------


@pytest.mark.parametrize("word", ["Tổng số", "Tổng cộng", "Total", "Toàn tỉnh", "TONG SO"])
def test_a_total_row_in_the_indicator_column_is_named_a_total_row(shipped: Path, word: str) -> None:
    _table("budget_revenue\t2024\t57330", f"{word}\t2024\t60000")
    said = _refused("add-observation", "--from", "t.tsv")
    assert f"t.tsv:3: error: '{word}' is a table's total line, not an indicator:" in said, said
    assert "known:" not in said, said  # no list of ids, no guess of one
    assert "did you mean" not in said, said
    vi = run_clean("--lang", "vi", "add-observation", "--from", "t.tsv")
    assert f"'{word}' là dòng tổng của bảng, không phải một chỉ tiêu" in vi.stderr, vi.stderr


def test_a_total_row_in_a_workbook_is_named_a_total_row(shipped: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["indicator", "period", "value"])
    sheet.append(["Tổng số", 2024, 100])
    book.save("b.xlsx")
    said = _refused("add-observation", "--from", "b.xlsx")
    assert "'Tổng số' is a table's total line, not an indicator" in said, said


# --- 5. a mark before the period, or two marks after it ---------------------------------------


@pytest.mark.parametrize(
    ("indicator", "cell", "period", "mark"),
    [
        ("budget_revenue", "(*) 2024", "2024", "(*)"),
        ("budget_revenue", "*2024", "2024", "*"),
        ("budget_revenue", "2024 (1)(2)", "2024", "(1)(2)"),
        ("budget_revenue", "2024 (1) (2)", "2024", "(1) (2)"),
        ("budget_revenue", "2024*(a)", "2024", "*(a)"),
        ("grdp_growth", "(*) Quý I/2025", "2025-Q1", "(*)"),
    ],
)
def test_a_mark_before_the_period_or_two_after_it_are_read_as_one_mark(
    shipped: Path, indicator: str, cell: str, period: str, mark: str
) -> None:
    _table(f"{indicator}\t{cell}\t123.4")
    r = run_clean("add-observation", "--from", "t.tsv", "--dry-run", "--format", "csv")
    assert r.exit_code == 0, r.output
    assert f"{indicator},{period},123.4," in r.stdout, r.stdout
    assert f"'{cell}' → {period}; not read: {mark} (" in r.stderr, r.stderr


def test_a_wide_heading_with_a_mark_before_it_is_its_period(shipped: Path) -> None:
    _table("budget_revenue\t50000\t57330", header="indicator\t(*) 2023\t2024 (1)(2)\n")
    r = run_clean("add-observation", "--from", "t.tsv", "--wide", "--dry-run", "--format", "csv")
    assert r.exit_code == 0, r.output
    assert "budget_revenue,2023,50000," in r.stdout and "budget_revenue,2024,57330," in r.stdout, r.stdout


@pytest.mark.parametrize("cell", ["(*)", "(1)(2) Tổng số", "2024 (1)(2)(3)(4)"])
def test_marks_on_no_period_are_still_refused(shipped: Path, cell: str) -> None:
    _table(f"budget_revenue\t{cell}\t1")
    said = _refused("add-observation", "--from", "t.tsv")
    assert "is not a period" in said, said


# --- 6. a unit in English word order ---------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "period", "unit"),
    [
        ("fdi", "2025-01", "USD million"),
        ("fdi", "2025-01", "USD mn"),
        ("fdi", "2025-01", "US$ mln"),
        ("budget_revenue", "2025", "VND billion"),
        ("budget_revenue", "2025", "VND bn"),
    ],
)
def test_a_unit_in_english_word_order_is_the_plan_unit(shipped: Path, indicator: str, period: str, unit: str) -> None:
    _table(f"{indicator}\t{period}\t{unit}\t100", header="Chỉ tiêu\tKỳ\tĐVT\tGiá trị\n")
    r = run_clean("add-observation", "--from", "t.tsv", "--dry-run")
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize(
    ("indicator", "period", "unit"),
    [
        ("fdi", "2025-01", "USD billion"),  # another magnitude
        ("fdi", "2025-01", "VND million"),  # another currency
        ("budget_revenue", "2025", "VND million"),
        ("budget_revenue", "2025", "USD billion"),
    ],
)
def test_a_unit_in_english_word_order_of_another_size_or_currency_is_refused(
    shipped: Path, indicator: str, period: str, unit: str
) -> None:
    _table(f"{indicator}\t{period}\t{unit}\t100", header="Chỉ tiêu\tKỳ\tĐVT\tGiá trị\n")
    said = _refused("add-observation", "--from", "t.tsv")
    assert f"t.tsv:2: error: the unit '{unit}' is not the unit of {indicator} in targets.yaml" in said, said


def test_a_workbook_headed_by_date_cells_of_month_ends_is_told_as_with_wide(shipped: Path) -> None:
    from datetime import datetime

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Chỉ tiêu", datetime(2024, 12, 31), datetime(2025, 6, 30)])
    sheet.append(["budget_revenue", 50000, 57330])
    book.save("d.xlsx")
    said = _refused("add-observation", "--from", "d.xlsx")
    assert "unknown column" not in said and "read as a wide table" in said, said
    assert "d.xlsx:Sheet!C1: error: column 3: '2025-06-30' is a day, not a period" in said, said
