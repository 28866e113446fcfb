"""A yearbook's table pasted as it is printed, a period per column, without `--wide`
(issue 17, twenty-seventh session).

Tried as an officer would: the table `indicator, 2023, 2024, 2025` pasted from Excel was
refused four times over ("column '2023' is a period: is this a wide table? add --wide",
once per year, then "the header needs period, value"), though a table with no period and
no value column, whose headings are periods, has one reading only. It is now read as
`--wide` reads it, and said once. And a cell `N/A` in such a table is no figure, as `..`
and `-` are: the table cannot leave the cell out, as a long file leaves out its row.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean, store_text

TARGETS = """\
version: 1
title: "Wide tables"
indicators:
  beds:
    name: {en: "Hospital beds", vi: "Giường bệnh"}
    unit: {en: "beds", vi: "giường"}
  mmr:
    name: "Maternal mortality ratio"
    unit: "per 100,000 live births"
    direction: decrease
targets:
  - id: beds-up
    indicator: beds
    baseline: 2023
"""

START = STORE_HEADER


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, START)


def added(plan: Path) -> str:
    return store_text(plan)[len(START) :]


# What either table below adds, by hand: beds 3500 (2023) and 3900 (2025), '..' in 2024
# no figure; mmr 42 (2024) and 41 (2025), its 2023 cell no figure.
ADDED = (
    "beds,2023,3500,,Niên giám,,2026-06-30T00:00:00Z\n"
    "beds,2025,3900,,Niên giám,,2026-06-30T00:00:00Z\n"
    "mmr,2024,42,,Niên giám,,2026-06-30T00:00:00Z\n"
    "mmr,2025,41,,Niên giám,,2026-06-30T00:00:00Z\n"
)
FROM = ("--source", "Niên giám", "--recorded-at", "2026-06-30")


@pytest.mark.parametrize("no_figure", ["..", "-", "N/A", "n/a", "NA", "n.a."])
@pytest.mark.parametrize("sep", ["\t", ","])
def test_a_wide_table_without_wide_is_read_as_wide_reads_it(plan: Path, sep: str, no_figure: str):
    table = sep.join(["indicator", "2023", "2024", "2025"]) + "\n"
    table += sep.join(["beds", "3500", "..", "3900"]) + "\n"
    table += sep.join(["mmr", no_figure, "42", "41"]) + "\n"
    Path("bang.txt").write_text(table, encoding="utf-8")
    r = run_clean("add-observation", "--from", "bang.txt", *FROM)
    assert r.exit_code == 0, r.output
    assert added(plan) == ADDED
    assert sum("wide" in line for line in r.stderr.splitlines()) == 1, r.stderr  # once, not once a year
    assert "bang.txt:1: warning: " in r.stderr
    assert "2023, 2024, 2025" in r.stderr
    assert "--wide" in r.stderr

    # The same table with --wide: the same rows, and nothing said of its shape.
    store_before = store_text(plan)
    (plan / "observations.csv").write_text(START, encoding="utf-8")
    again = run_clean("add-observation", "--from", "bang.txt", "--wide", *FROM)
    assert again.exit_code == 0, again.output
    assert store_text(plan) == store_before
    assert "wide" not in again.stderr


def test_said_in_vietnamese(plan: Path):
    Path("bang.tsv").write_text("indicator\t2024\t2025\nbeds\t3700\t3900\n", encoding="utf-8")
    r = run_clean("--lang", "vi", "add-observation", "--from", "bang.tsv", *FROM, "--dry-run")
    assert r.exit_code == 0, r.output
    assert "bảng dạng ngang" in r.stderr, r.stderr
    assert "2024, 2025" in r.stderr
    assert "--wide" in r.stderr
    assert store_text(plan) == START  # a dry run


def test_a_workbook_printed_as_a_yearbook_is_read_without_wide(plan: Path):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [
        ["Biểu 12. Y tế"],
        [],
        ["Chỉ tiêu", "Đơn vị tính", 2023, 2024, 2025],
        ["beds", "giường", 3500, "..", 3900],
        ["mmr", "per 100,000 live births", "N/A", 42, 41],
        [],
        ["Nguồn: Sở Y tế"],
    ]:
        sheet.append(row)
    book.save("y-te.xlsx")
    r = run_clean("add-observation", "--from", "y-te.xlsx", *FROM)
    assert r.exit_code == 0, r.output
    assert added(plan) == ADDED
    assert sum("wide" in line for line in r.stderr.splitlines()) == 1, r.stderr


def test_a_row_refused_in_a_table_read_as_wide_is_said_as_with_wide(plan: Path):
    Path("bang.tsv").write_text("indicator\t2024\t2025\nbeds\t3700\tabc\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "bang.tsv", *FROM)
    w = run_clean("add-observation", "--from", "bang.tsv", "--wide", *FROM)
    assert r.exit_code == w.exit_code == 1
    assert store_text(plan) == START
    assert w.stderr.strip() in r.stderr  # the same refusal, with the shape said beside it
    assert "header needs" not in r.stderr and "is this a wide table" not in r.stderr


@pytest.mark.parametrize(
    "header",
    [
        "indicator\t2024\tvalue",  # a value column: a long table with a stray heading
        "indicator\tperiod\t2024",  # a period column
        "beds\t2024\t2025",  # no indicator column: wide needs one too
    ],
)
def test_a_table_that_is_not_plainly_wide_is_refused_as_before(plan: Path, header: str):
    Path("bang.tsv").write_text(header + "\nbeds\t3700\t3900\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "bang.tsv", *FROM)
    assert r.exit_code == 1, r.output
    assert store_text(plan) == START
    assert "read as a wide table" not in r.stderr


def test_an_excel_error_in_a_wide_cell_is_still_refused(plan: Path):
    # '#N/A' is a lookup that found nothing, not a yearbook's "no figure": a figure was
    # meant there.
    Path("bang.tsv").write_text("indicator\t2024\t2025\nbeds\t#N/A\t3900\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "bang.tsv", "--wide", *FROM)
    assert r.exit_code == 1, r.output
    assert "#N/A" in r.stderr
    assert store_text(plan) == START


@pytest.mark.parametrize("last", [2025, "Sơ bộ 2025"])
def test_a_yearbook_sheet_with_its_years_under_a_merged_heading_is_read_without_wide(plan: Path, last):
    # 'Năm' (year) merged across the period columns, the years in the row below it, a
    # row-number column and the unit merged down: the table as a statistics office prints it.
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [
        ["Biểu 12. Y tế"],
        [],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm", None, None],
        [None, None, None, 2023, "2024", last],
        [1, "beds", "giường", 3500, "..", 3900],
        [2, "mmr", "per 100,000 live births", "N/A", 42, 41],
        [],
        ["Nguồn: Sở Y tế"],
    ]:
        sheet.append(row)
    for cells in ("A3:A4", "B3:B4", "C3:C4", "D3:F3"):
        sheet.merge_cells(cells)
    book.save("y-te.xlsx")
    r = run_clean("add-observation", "--from", "y-te.xlsx", *FROM)
    assert r.exit_code == 0, r.output
    # 'Sơ bộ 2025' (preliminary): the 2025 figures with that status, as --wide reads it.
    status = "preliminary" if last != 2025 else ""
    assert added(plan) == ADDED.replace("2025,3900,,", f"2025,3900,{status},").replace(
        "2025,41,,", f"2025,41,{status},"
    )
    assert sum("wide" in line for line in r.stderr.splitlines()) == 1, r.stderr
    assert f"2023, 2024, {last}" in r.stderr
