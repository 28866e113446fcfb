"""A CSV's rows that are notes of the sheet saved as CSV, not figures: a total row with no
figure, a source line below the table (the workbook's rule, ``workbook_cells.is_note``).
Moved out of files/import_tables.py whole (its 500 lines, issue 17, thirtieth session).
Pure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Mapping, Sequence

from .vocabulary import opens_a_note

if TYPE_CHECKING:
    from ..plan.model import Plan

__all__ = ["FIGURE", "ID_SHAPED", "is_note"]

# A figure as a cell shows it (a title line holds none: import_tables).
FIGURE = re.compile(r"[-+\u2212]?[\d.,]*\d[\d.,]*%?")

# An indicator id as targets.yaml writes one (a-z, 0-9 and _), with a unit key perhaps: no
# note (a total row's label, a source line) is written so.
ID_SHAPED = re.compile(r"[a-z0-9_]+(?:\[.*\])?")


def is_note(
    fields: Sequence[str],
    columns: tuple[int, ...],
    row_columns: tuple[int, ...],
    plan: Plan,
    names: Mapping[str, object],
) -> bool:
    """Whether a row is a note of the sheet saved as CSV (a total row with no figure, a
    source line below the table): a single text cell, not a figure, not in a column of
    figures, periods or moments (``row_columns``: '512 billion' alone is a figure without its
    row) unless it opens as a source line does ('Source: ...', vocabulary.opens_a_note),
    and in an indicator column neither one of the plan's indicators (by id or name, a unit
    key's too), which is that indicator's row with no figure yet
    (``workbook_cells.is_note``, the workbook's rule), nor written as an id ('fdx': a
    mistyped one, told the ids). It holds no figure, so passing it over loses none; a CSV
    reads on after it, so what only looks like a note is refused rather than dropped."""
    filled = [(i, f.strip()) for i, f in enumerate(fields) if f.strip()]
    if len(filled) != 1 or FIGURE.fullmatch(filled[0][1]):
        return False
    at, text = filled[0]
    if at in row_columns:
        # A source line sits in column A whatever the table's first column holds.
        return opens_a_note(text)
    if at in columns and ID_SHAPED.fullmatch(text):
        return False
    from .workbook_cells import is_note  # not at the top: workbook_cells reads this module

    return is_note([(at, text.split("[", 1)[0])], columns, plan, names)
