"""A sheet's header over two rows (docs/observations-format.md, "Where the table is").

A yearbook heads a table with two rows and merged cells: in a wide table, a "year" cell
merged across the period columns over the periods; in a long one, a heading merged over
the value and source columns over their names. The indicator column is merged down over
both, so the lower row leaves it empty: a row naming something there is data. The upper
row names the columns the lower one leaves empty.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from ..catalog import Message, msg
from .import_headers import other_separator, unmarked, unmarked_header
from .import_tables import LONG_COLUMNS
from .workbook_cells import cell_text, column_name, shown_heading

__all__ = ["data_below", "gap", "joined_lines", "lower_half", "merged", "unmarked_row"]


def data_below(names: list[str], below: tuple) -> bool:
    """Whether the row below a header row is data (it names something in the indicator column)."""
    at = names.index("indicator")
    return at < len(below) and column_name(below[at].value) not in ("", "indicator")


def gap(names: list[str]) -> bool:
    """Whether a header row leaves a cell empty between its first and last named ones."""
    named = [i for i, n in enumerate(names) if n]
    return any(not names[i] for i in range(named[0], named[-1] + 1))


def lower_half(names: list[str], below: tuple) -> bool:
    """Whether the row below a long table's header row is its lower half: no indicator in
    the indicator column, and a column of the long shape named in a gap of the row above."""
    lower = [column_name(c.value) for c in below]
    return not data_below(names, below) and any(
        lower[i] in LONG_COLUMNS for i in range(min(len(names), len(lower))) if not names[i]
    )


def merged(upper: list[str], below: tuple, headings: dict[int, Any]) -> list[str]:
    """The two rows' column names, the lower row's first; ``headings`` (column -> the
    cell as typed) takes the lower row's cells that name a column."""
    lower = [column_name(shown_heading(c)) for c in below]
    width = max(len(lower), len(upper))
    lower += [""] * (width - len(lower))
    upper = upper + [""] * (width - len(upper))
    headings.update({i: cell_text(shown_heading(c)) for i, c in enumerate(below) if lower[i]})
    return [low or up for low, up in zip(lower, upper, strict=True)]


def joined_lines(sheet: Any) -> tuple[int, int, Message] | None:
    """The first of a sheet's first rows whose one cell is a table's header line, its cells
    joined by ';', ',' or a tab: a CSV file opened in an Excel set to another separator,
    which shows each line in one column, then saved as a workbook (session 46, helper X).
    (row, column, what to do); None when there is none."""
    for number, row in enumerate(islice(sheet.iter_rows(values_only=True), 50), start=1):
        filled = [(column, value) for column, value in enumerate(row) if value is not None and str(value).strip()]
        if len(filled) == 1 and isinstance(filled[0][1], str):
            found = other_separator(filled[0][1], "")
            if found is not None:
                option, _python, shown = found
                return number, filled[0][0], msg("s46x_workbook_joined_lines", separator=option, columns=shown)
    return None


def unmarked_row(sheet: Any) -> tuple[int, int, Message] | None:
    """The first of a sheet's first rows that names the indicator column without its
    Vietnamese marks ('Chi tieu', 'Ma chi tieu'): (row, its first such cell's column, what
    to say); None when there is none (session 46, helper X)."""
    for number, row in enumerate(islice(sheet.iter_rows(values_only=True), 50), start=1):
        said = unmarked_header(row)
        if said is not None:
            return number, next(i for i, value in enumerate(row) if unmarked([value])), said
    return None
