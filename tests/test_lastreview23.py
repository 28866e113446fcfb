"""The last review of the twenty-third session (issue 17): a period cell of an imported
file (add-observation --from) with no year is told the year to write, as the same text typed
as PERIOD is (files.typed_periods), in both languages (docs/decisions.md, "The last review:
one period reading and the legend by name")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import THIS_YEAR

from helpers import run_clean, store_bytes

# A span with no year is read as this year's in the example (test_periods23's YEAR), the
# clock fixed (conftest's mid_2026): the year does not change with the hour the suite runs.
YEAR = THIS_YEAR
pytestmark = pytest.mark.usefixtures("mid_2026")


@pytest.mark.parametrize(
    ("cell", "lang", "expected"),
    [
        # Typed as PERIOD, 'H1' is told (test_periods23's table): "'H1' gives no year: write
        # it with its year, e.g. <YEAR>-H1 ('H1 <YEAR>' is read too)"; a cell says it at its line.
        (
            "H1",
            "en",
            f"f.csv:2: error: 'H1' gives no year: write it with its year, e.g. {YEAR}-H1 ('H1 {YEAR}' is read too)",
        ),
        # Quý II (quarter II): quarter 2 of this year, offered in the report's words 'quý II/<YEAR>'.
        (
            "Quý II",
            "vi",
            f"f.csv:2: lỗi: 'Quý II' chưa có năm: hãy viết kèm năm, ví dụ {YEAR}-Q2 (hoặc 'quý II/{YEAR}')",
        ),
    ],
)
def test_an_imported_period_cell_with_no_year_is_told_its_year(
    shipped: Path, cell: str, lang: str, expected: str
) -> None:
    Path("f.csv").write_text(f"indicator,period,value\ngrdp_growth,{cell},5\n", encoding="utf-8")
    before = store_bytes(shipped)
    r = run_clean("add-observation", "--from", "f.csv", "--lang", lang)
    assert r.exit_code == 1, r.output
    assert expected in r.output.splitlines()
    assert store_bytes(shipped) == before  # nothing written


def test_a_workbooks_period_cell_with_no_year_is_told_its_year(shipped: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["indicator", "period", "value"])
    sheet.append(["grdp_growth", "H1", 5])
    book.save("f.xlsx")
    before = store_bytes(shipped)
    r = run_clean("add-observation", "--from", "f.xlsx")
    assert r.exit_code == 1, r.output
    # The period is cell B2 of Sheet1; the words as typed 'H1' gets (above).
    assert (
        f"f.xlsx:Sheet1!B2: error: 'H1' gives no year: write it with its year, e.g. {YEAR}-H1 ('H1 {YEAR}' is read too)"
        in r.output.splitlines()
    )
    assert store_bytes(shipped) == before
