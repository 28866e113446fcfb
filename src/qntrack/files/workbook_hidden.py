"""The rows and columns of a sheet hidden in Excel (by hand, by a filter, in a collapsed
group), and its merged cells (a figure merged over several periods: forty-third session).

openpyxl's read-only reader, which reads a sheet of a million rows one row at a time, does
not say which rows are hidden; the sheet's XML says it on each ``<row>`` (``hidden="1"``),
and of columns on the ``<col>`` that covers them (``min="4" max="5" hidden="1"``).
It is looked through a megabyte at a time, and a row's attributes are parsed only in a
piece that holds the word ``hidden`` at all, so a sheet with none costs a plain search.

The same look says whether the sheet holds a formula at all, so that a workbook with none
is not read a second time for them (workbook_stale.py).

Hidden rows and columns are read as the others (Excel's "Save As CSV" writes them, and a
figure left out because a filter hid it would be lost in silence); the import names those
of its table in a warning (docs/observations-format.md, "Workbooks").
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from ..catalog import msg
from ..plan.model import Location, Problem

__all__ = ["Hidden", "hidden_columns_warning", "hidden_parts", "hidden_warning"]

_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\b([^>]*)>")
_HIDDEN = re.compile(rb"""\bhidden\s*=\s*["'](?:1|true)["']""")
_NUMBER = re.compile(rb"""\br\s*=\s*["'](\d+)["']""")
_COL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?col\b([^>]*)>")
_SPAN = (re.compile(rb"""\bmin\s*=\s*["'](\d+)["']"""), re.compile(rb"""\bmax\s*=\s*["'](\d+)["']"""))
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_MERGED = re.compile(rb"""<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*\bref\s*=\s*["']([A-Za-z]+\d+:[A-Za-z]+\d+)["']""")
_CHUNK = 1 << 20


class Hidden(NamedTuple):
    rows: frozenset[int]  # row numbers, 1-based as Excel shows them
    columns: frozenset[int]  # column numbers, 1-based (A is 1)
    formulas: bool  # whether the sheet holds a formula at all
    # Cells merged over more than one: (row, column), 1-based, of the first -> the range
    # ('C2:E2') and how many rows it covers.
    merged: dict[tuple[int, int], tuple[str, int]]


def hidden_parts(sheet: Any) -> Hidden:
    """The rows and columns of ``sheet`` (openpyxl's read-only sheet) hidden in Excel, and
    whether it holds a formula (workbook_stale.py), found in one look through its XML;
    none, and True, when its XML cannot be looked at (the reading of its cells says what
    is wrong)."""
    rows: set[int] = set()
    columns: set[int] = set()
    merged: dict[tuple[int, int], tuple[str, int]] = {}
    formulas = False
    try:
        with sheet._get_source() as source:  # the sheet's XML, as openpyxl reads it
            tail = b""
            while True:
                chunk = source.read(_CHUNK)
                data = tail + chunk
                cut = data.rfind(b"<") if chunk else len(data)
                if cut < 0:
                    cut = len(data)
                piece, tail = data[:cut], data[cut:]
                formulas = formulas or _FORMULA.search(piece) is not None
                if b"hidden" in piece:
                    for m in _ROW.finditer(piece):
                        number = _NUMBER.search(m[1])
                        if number and _HIDDEN.search(m[1]):
                            rows.add(int(number[1]))
                    for m in _COL.finditer(piece):
                        low, high = (pattern.search(m[1]) for pattern in _SPAN)
                        if low and high and _HIDDEN.search(m[1]):
                            # A sheet of 16,384 columns at most (Excel's limit).
                            columns.update(range(int(low[1]), min(int(high[1]), 16_384) + 1))
                if b"mergeCell" in piece:
                    merged.update(_merges(piece))
                if not chunk:
                    return Hidden(frozenset(rows), frozenset(columns), formulas, merged)
    except (AttributeError, KeyError, OSError, ValueError):
        return Hidden(frozenset(), frozenset(), True, {})


def _merges(piece: bytes) -> dict[tuple[int, int], tuple[str, int]]:
    """The merged ranges of a piece of a sheet's XML, by their first cell (row, column)."""
    from openpyxl.utils import range_boundaries

    found = {}
    for m in _MERGED.finditer(piece):
        text = m[1].decode("ascii").upper()
        try:
            low_column, low_row, high_column, high_row = range_boundaries(text)
        except ValueError:
            continue
        if (low_column, low_row) != (high_column, high_row):
            found[(low_row, low_column)] = (text, high_row - low_row + 1)
    return found


def hidden_warning(file: str, sheet: str, rows: list[int]) -> Problem:
    """The warning naming the hidden rows read (the first ten, and how many in all)."""
    shown = ", ".join(str(n) for n in rows[:10]) + (", ..." if len(rows) > 10 else "")
    return Problem(Location(file), msg("workbook_hidden_rows", count=len(rows), sheet=sheet, rows=shown), "warning")


def hidden_columns_warning(file: str, sheet: str, columns: list[tuple[int, str]]) -> Problem:
    """The warning naming the hidden columns of the table read (1-based numbers, headings)."""
    from openpyxl.utils import get_column_letter

    shown = ", ".join(f"{get_column_letter(n)} ('{heading}')" for n, heading in columns[:10])
    shown += ", ..." if len(columns) > 10 else ""
    return Problem(
        Location(file), msg("workbook_hidden_columns", count=len(columns), sheet=sheet, columns=shown), "warning"
    )
