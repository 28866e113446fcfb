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

__all__ = ["passed_over", "counted", "awaited", "ahead_of_rows", "with_refusal", "awaited_row", "PASSED_OVER"]

PASSED_OVER = "import_value_empty_passed_over"
# The lines that count them, after the rows named (``counted``; SDMX-CSV counts its own).
_COUNTS = frozenset({"import_values_empty_counted", "import_values_empty_counted_more", "sdmx_missing_values"})


def awaited(plan: Plan | None, cells: tuple[str, ...], names: dict[str, tuple[str, ...]]) -> bool:
    """Whether a row with no value names one of the plan's indicators (by id or by a name
    in ``names``, ``indicator_names.names_of(plan)``, which the reader works out once a
    file): that indicator's figure not yet published, passed over. A row naming none
    ('fdx', a mistyped id) is refused as before, for the id and the empty value: passed
    over, the typo would go unnoticed. The names are an argument, never kept here: a
    module-level copy of the last plan's names held that plan after its import and, read
    by two threads importing for two plans, could answer one plan's row with the other's
    names."""
    if plan is None:
        return True
    from .indicator_names import row_indicator

    return row_indicator(plan, cells, names) is not None


def awaited_row(
    fields: Sequence[str],
    columns: dict[str, int],
    status: str,
    plan: Plan | None,
    names: dict[str, tuple[str, ...]],
) -> bool:
    """Whether a long table's row (``fields``; ``columns``, where each is) is one passed over
    for its empty value, as ``import_rows._long_row`` tells it before reading the row:
    its moment decides nothing (the file's order of day and month: thirty-first session).
    ``status``: the command's --status, for a row whose status cell is empty."""
    from .import_headers import SECOND
    from .vocabulary import status_word

    def cell(name: str) -> str:
        i = columns.get(name)
        return fields[i].strip() if i is not None and i < len(fields) else ""

    if cell("value") or status_word(cell("status") or status) == "retracted":
        return False
    cells = (cell("indicator"), cell(SECOND))
    return any(cells) and awaited(plan, cells, names)


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


def ahead_of_rows(notes: Sequence[Problem], said: Sequence[Problem]) -> list[Problem]:
    """``notes`` with ``said``, the warnings of the file itself (its header's: a plan's
    column passed over; where files were joined), put before the rows passed over for an
    empty value, whose count ends the warnings (``counted``): appended after it, a line 1
    warning followed the summary line."""
    at = next((i for i, note in enumerate(notes) if getattr(note.message, "id", "") == PASSED_OVER), len(notes))
    return [*notes[:at], *said, *notes[at:]]


def with_refusal(problems: Sequence[Problem], notes: Sequence[Problem], file: str) -> list[Problem]:
    """A refusal's ``problems`` (already in the order said) with the rows of ``file`` passed
    over for an empty value (``notes``) at their lines, and their count last, when some of
    the problems are the file's own: the officer mending the file learns in the same run
    which rows will be passed over once it is imported (thirty-first session). A refusal of
    the store or the plan alone says no row of the file: none of it was read for good."""
    if not any(p.location.file == file and p.severity != "warning" for p in problems):
        return list(problems)
    over = [n for n in notes if getattr(n.message, "id", "") == PASSED_OVER]
    if not over:
        return list(problems)
    count = [n for n in notes if getattr(n.message, "id", "") in _COUNTS]
    mine = [p for p in problems if p.location.file == file]
    merged = sorted([*mine, *over], key=lambda p: p.location.line)  # stable: the line's problems first
    return [*(p for p in problems if p.location.file != file), *merged, *count]
