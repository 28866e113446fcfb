"""The office documents on an A4 printer in black and white (issue 17, twenty-third
session): the workbook's print settings, the Word milestones' numbers kept with their units,
the line charts' legend drawn as their lines.

Expected values are worked by hand in the comments, from the shipped plan (targets.yaml,
observations.csv)."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from helpers import run

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-12-01"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("print23")
    for name in ("targets.yaml", "observations.csv"):
        shutil.copyfile(ROOT / name, folder / name)
    return folder


def _report(folder: Path, name: str, *args: str) -> Path:
    out = folder / name
    result = run("report", "-o", str(out), "--as-of", AS_OF, "--targets", str(folder / "targets.yaml"), *args)
    assert result.exit_code == 0, result.output
    return out


def _pixels(ws) -> float:
    """The sheet's columns across, in pixels: 7 a character of width and 5 more, as Excel
    lays out Calibri 11; a column without a width has Excel's 8.43."""
    total = 0.0
    for col in range(1, ws.max_column + 1):
        letter = openpyxl.utils.get_column_letter(col)
        width = next(
            (d.width for d in ws.column_dimensions.values() if d.min and d.max and d.min <= col <= d.max and d.width),
            None,
        ) or (ws.column_dimensions[letter].width or 8.43)
        total += 7 * width + 5
    return total


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_table_sheet_prints_legibly_on_a4(shipped: Path, lang: str) -> None:
    # A4 landscape inside 0.7-inch margins is 11.69 - 1.4 = 10.29 inches, 988 px at 96 dpi.
    # The Summary's 20 columns were about 467 characters wide, 467 * 7 + 20 * 5 = 3,369 px:
    # one page wide printed them at 988 / 3,369 = 29 %. Each sheet of a table is now printed
    # on as many pages across as keep it at 70 % at least: pages * 988 / (its pixels plus
    # the repeated column on each page after the first) >= 0.7 (a column cannot be split,
    # so Excel's scale may come a little under: 0.6 is the floor asserted).
    book = openpyxl.load_workbook(_report(shipped, f"p-{lang}.xlsx", "--lang", lang))
    tables = [ws for ws in book.worksheets if ws.print_title_rows]
    assert len(tables) >= 4  # Summary, groups, figures, a unit sheet at least
    for ws in tables:
        setup = ws.page_setup
        assert setup.paperSize == 9 and setup.orientation == "landscape", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert setup.fitToHeight == 0, ws.title  # as long as it takes
        wide = setup.fitToWidth if setup.fitToWidth is not None else 1
        cols = ws.print_title_cols
        assert cols, f"{ws.title}: no key column repeated on each page across"
        letter = cols.split(":")[0].strip("$")
        kept = 7 * (ws.column_dimensions[letter].width or 8.43) + 5
        scale = wide * 988 / (_pixels(ws) + (wide - 1) * kept)
        assert scale >= 0.6, (ws.title, wide, round(scale, 2))
    summary = book.worksheets[0]
    # The Summary's 4th column is the target's name: it is the one repeated on each page.
    assert summary.print_title_cols == "$D:$D"
    assert summary.print_title_rows == "$1:$1"
    assert (summary.page_setup.fitToWidth or 1) >= 3  # 3,369 px at 70 % is 2.4 pages of 1,411 px at least


@pytest.mark.parametrize(("lang", "words"), [("en", "beyond the target by "), ("vi", "đã vượt mục tiêu ")])
def test_a_gap_passed_fits_its_column_in_words(shipped: Path, lang: str, words: str) -> None:
    # cbct-va-growth-2021-2025: 2021's growth 32.19 against the plan's 17 (targets.yaml), a
    # gap of 17 - 32.19 = -15.19, written by the cell's format "beyond the target by 15.19"
    # (26 characters; "đã vượt mục tiêu 15.19", 22). The column was as wide as "-15.19" and
    # the longest figure, so Excel and LibreOffice printed "###" in its place.
    book = openpyxl.load_workbook(_report(shipped, f"gap-{lang}.xlsx", "--lang", lang))
    ws = book.worksheets[0]
    gap = next(c.column_letter for c in ws[1] if c.value == ("Gap" if lang == "en" else "Còn thiếu"))
    width = next(d.width for d in ws.column_dimensions.values() if d.min <= ws[gap + "1"].column <= d.max)
    row = next(r for r in ws.iter_rows(min_row=2) if r[2].value == "cbct-va-growth-2021-2025")
    cell = ws[f"{gap}{row[0].row}"]
    assert cell.value == pytest.approx(-15.19)
    assert words.strip() in cell.number_format
    assert width >= len(words + "15.19")
    for r in ws.iter_rows(min_row=2):
        value = ws[f"{gap}{r[0].row}"].value
        if isinstance(value, (int, float)) and value < 0:
            # every gap passed, its figure with its thousands and two decimals at most
            assert width >= len(words + f"{-value:,.2f}"), (r[2].value, value, width)
