"""Formulas a program wrote without computing them (issue 17, seventeenth session).

A workbook keeps, beside each formula, the value last computed; the import reads that
value (docs/observations-format.md, "Cells, not separators"). A program that writes
workbooks without computing formulas (XlsxWriter, and others) either leaves the value
out, refused at its cell (workbooks.py), or writes a placeholder (XlsxWriter: 0) and asks
the spreadsheet to recalculate everything when it opens the file (``fullCalcOnLoad`` in
``xl/workbook.xml``). Excel and LibreOffice drop that request when they save the values
they computed. So in a workbook still asking for it, no formula's saved value is a figure
anyone computed: each formula cell of the table's rows is refused, with the mend.
"""

from __future__ import annotations

import re
import zipfile
from typing import IO, Any

from ..catalog import msg
from ..plan.model import Problem
from .workbook_book import open_book, pick_sheet, sheet_rows

__all__ = ["recalculated_on_open", "stale_formulas"]

_CALC = re.compile(rb"<(?:\w+:)?calcPr\b[^>]*\bfullCalcOnLoad\s*=\s*[\"'](?:1|true)[\"']")


def recalculated_on_open(fh: IO[bytes]) -> bool:
    """Whether the workbook asks to be recalculated when opened (its saved values stale)."""
    try:
        fh.seek(0)
        with zipfile.ZipFile(fh) as archive:
            return _CALC.search(archive.read("xl/workbook.xml")) is not None
    except (KeyError, OSError, zipfile.BadZipFile):
        return False


def stale_formulas(
    fh: IO[bytes], name: str, wanted: str | None, reading: Any, rows: tuple[int, int], read: set[int]
) -> None:
    """Refuse each formula cell in ``rows`` (first, last) of the sheet read, in the columns
    ``read`` (a comparison column passed over holds no figure: its placeholder is read
    nowhere; second review, issue 17); a cell already refused as a formula with no saved
    value is not said twice."""
    first, last = rows
    book = open_book(fh, name, data_only=False)
    try:
        for number, cells in sheet_rows(pick_sheet(book, name, wanted), name):
            if number > last:
                break
            if number < first:
                continue
            for column, cell in enumerate(cells):
                if column not in read:
                    continue
                if getattr(cell, "data_type", "") == "f" and (number, column) not in reading.blanks:
                    formula = str(cell.value)
                    reading.parsed.problems.append(
                        Problem(reading.at(column, number), msg("workbook_formula_stale", formula=formula))
                    )
    finally:
        book.close()
