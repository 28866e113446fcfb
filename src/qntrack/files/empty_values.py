"""A long table's row whose value cell is empty: a figure not yet published, the blank an
office leaves in its table ("not yet published"). One rule for every reader of a long
table (a CSV or TSV file, a table pasted on standard input, a workbook's long table, an
SDMX-CSV file): the row of one of the plan's indicators is passed over, never recorded
and never refused, and said, a warning at its line, then one count for the file, so that
nothing is lost unseen (issue 17, thirtieth session). A wide table's empty cell stays what it was, a period with no
figure, said of no cell: a yearbook's table is mostly such cells. A retraction's row has
no value by design and is read as one. Pure."""

from __future__ import annotations

from typing import Sequence

from ..catalog import msg
from ..plan.model import Location, Plan, Problem

__all__ = ["passed_over", "counted", "awaited", "PASSED_OVER"]

PASSED_OVER = "import_value_empty_passed_over"


# The plan whose names were last looked up, and the names (an import asks of one plan).
_NAMES: list = [None, {}]


def awaited(plan: Plan | None, cells: tuple[str, ...]) -> bool:
    """Whether a row with no value names one of the plan's indicators (by id or name, as
    ``indicator_names`` reads it): that indicator's figure not yet published, passed over.
    A row naming none ('fdx', a mistyped id) is refused as before, for the id and the
    empty value: passed over, the typo would go unnoticed."""
    if plan is None:
        return True
    from .indicator_names import names_of, row_indicator

    if _NAMES[0] is not plan:
        _NAMES[:] = [plan, names_of(plan)]
    return row_indicator(plan, cells, _NAMES[1]) is not None


def passed_over(where: Location, indicator: str, period: str) -> Problem:
    """The warning of a row left out for its empty value cell, at the row (or its cell)."""
    return Problem(where, msg(PASSED_OVER, indicator=indicator.strip() or "–", period=period.strip() or "–"), "warning")


# Rows named one a line, at most: an SDMX download or a national table may leave thousands
# of cells empty, and the count says the rest (as add-observation's jump warnings do).
SHOWN = 20


def counted(file: str, notes: Sequence[Problem], count: bool = True) -> list[Problem]:
    """``notes`` with the rows passed over for an empty value last, in the file's order
    (a workbook finds some on a second reading), the first ``SHOWN`` of them, and their
    count after them (unless ``count`` is False: SDMX-CSV counts its own): the summary's
    line, after each row's own warning."""
    over = [note for note in notes if getattr(note.message, "id", "") == PASSED_OVER]
    if not over:
        return list(notes)
    rest = [note for note in notes if getattr(note.message, "id", "") != PASSED_OVER]
    over.sort(key=lambda note: (note.location.line, note.location.column))
    if not count:
        return [*rest, *over[:SHOWN]]
    if len(over) > SHOWN:
        said = msg("import_values_empty_counted_more", count=len(over), shown=SHOWN)
    else:
        said = msg("import_values_empty_counted", count=len(over))
    return [*rest, *over[:SHOWN], Problem(Location(file), said, "warning")]
