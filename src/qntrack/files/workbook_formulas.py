"""A workbook's empty value cells that are formulas with no saved value (a workbook
written by a program that does not compute formulas): refused, never read as no figure.
Moved out of workbooks.py whole (its 500-line rule, twenty-third session); workbooks.py
asks it once a sheet is read, with the cells it found empty (``_Reading.blanks``).
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from ..catalog import msg
from ..plan.model import Problem
from .workbook_book import open_book, pick_sheet, sheet_rows

if TYPE_CHECKING:
    from .workbooks import _Reading

__all__ = ["formulas_without_values"]


def formulas_without_values(fh: IO[bytes], name: str, wanted: str | None, reading: _Reading) -> None:
    """The empty value cells that are formulas with no saved value (a workbook written by a
    program that does not compute formulas): refused, never read as no figure."""
    last = max(row for row, _ in reading.blanks)
    book = open_book(fh, name, data_only=False)
    try:
        sheet = pick_sheet(book, name, wanted)
        for number, cells in sheet_rows(sheet, name):
            if number > last:
                break
            for column, cell in enumerate(cells):
                if (number, column) in reading.blanks and getattr(cell, "data_type", "") == "f":
                    reading.blanks[(number, column)] = Problem(
                        reading.at(column, number), msg("workbook_formula_no_value")
                    )
    finally:
        book.close()
    # What stays of an empty long value is the warning of its row passed over (empty_values).
    said = [p for p in reading.blanks.values() if p is not None]
    reading.parsed.problems.extend(p for p in said if p.severity == "error")
    reading.parsed.notes.extend(p for p in said if p.severity != "error")
