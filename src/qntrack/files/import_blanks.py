"""The rows of an import's column-at-a-time path (``import_columns``) whose value cell is
empty: a figure not yet published, passed over and said as the general path passes it over
and says it (``import_rows._long_row``, ``empty_values``), so that one blank cell no
longer sends a national file to the general path, twice as slow (issue 17, thirtieth
session). Each such row is asked what the general path asks of it before it is passed
over, in the same order; any row it would read otherwise (a note of the sheet, a quarter's
number alone, a retraction, an indicator the plan does not have) makes the column path give
up, and the general path reads the file. A row passed over decides nothing: its moment (a
date as Excel shows it) is read by neither path (thirty-first session). Pure."""

from __future__ import annotations

from typing import Sequence

from ..plan.model import RETRACTED, Location, Plan, Problem
from .vocabulary import status_word

__all__ = ["Unsure", "blank_rows"]


class Unsure(Exception):
    """Raised by the column path for anything the general path must read instead."""


def blank_rows(
    by_index: Sequence[Sequence[str]],
    columns: dict[str, int],
    head: Sequence[str],
    plan: Plan,
    file: str,
    said: list[Problem],
) -> list[bool]:
    """Whether each row of the table (``by_index``, its columns; ``columns``, their names;
    ``head``, the header's cells as written) is kept: False for a row passed over for its
    empty value, whose warnings, the first twenty then their count, go to ``said``
    (``empty_values.counted``). Raises ``Unsure`` when no row is blank, or one is that the
    general path would not pass over (or might say more of). Only a file with a blank value
    gets here: a file without one pays nothing."""
    from .bare_periods import bare_period
    from .csv_notes import is_note
    from .empty_values import awaited, counted, passed_over
    from .indicator_names import known_id, names_of

    kept = list(map(bool, map(str.strip, by_index[columns["value"]])))
    if all(kept):
        raise Unsure  # no value is empty: something else the column path cannot read
    # The plan's names (3,000 indicators: 24 ms), worked out only when a row asks them.
    names: dict[str, tuple[str, ...]] | None = None
    row_columns = tuple(columns[name] for name in ("period", "value", "recorded_at") if name in columns)
    heading = head[columns["period"]]  # a quarter's number alone under 'Quarter' is refused, not passed over
    indicators, periods = by_index[columns["indicator"]], by_index[columns["period"]]
    statuses = by_index[columns["status"]] if "status" in columns else None
    known: dict[str, bool] = {}
    notes: list[Problem] = []
    for i in (i for i, k in enumerate(kept) if not k):
        fields = [cells[i] for cells in by_index]
        if sum(1 for cell in fields if cell.strip()) == 1:  # is_note's first test: one cell filled
            names = names if names is not None else names_of(plan)
            if is_note(fields, (columns["indicator"],), row_columns, plan, names):
                raise Unsure  # a note of the sheet, passed over without a word
        if heading and bare_period(periods[i], heading) is not None:
            raise Unsure
        if statuses is not None and status_word(statuses[i].strip()) == RETRACTED:
            raise Unsure  # a retraction has no value by design: the general path reads it
        indicator = indicators[i].strip()
        if not indicator:
            raise Unsure  # a merged cell's row: refused
        ours = known.get(indicator)
        if ours is None:
            # An id is the plan's whatever its names say (indicator_names.row_indicator asks so first).
            if known_id(plan, indicator):
                ours = True
            else:
                names = names if names is not None else names_of(plan)
                ours = awaited(plan, (indicator, ""), names)
            known[indicator] = ours
        if not ours:
            raise Unsure  # 'fdx': refused, so that a typo is not hidden
        notes.append(passed_over(Location(file, i + 2), indicator, periods[i]))
    said.extend(counted(file, notes))
    return kept
