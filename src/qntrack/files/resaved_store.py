"""A store that a spreadsheet opened and saved, its timestamps rewritten (issue 17,
twenty-first session).

Numbers, LibreOffice Calc or Excel shows each ``recorded_at`` as a date and time and, on
saving, writes it so: ``2022-01-10 00:00:00`` (no zone), ``1/10/2022 0:00``. Every row was
then an error of its own ("has no time zone; add Z"), nothing saying that the file as a
whole was re-saved and is best taken from a copy from before (the spreadsheet may have
changed periods and figures too). One line above the rows' says so, when at least
``AT_LEAST`` rows have such a timestamp: a hand edit's slip or two is said at its rows only.
"""

from __future__ import annotations

from typing import Sequence

from ..catalog import Message, msg
from ..plan.model import Location, Problem

__all__ = ["resaved_store_problem"]

AT_LEAST = 5
_SHOWN_AS_A_DATE = frozenset(
    {
        "store_timestamp_no_zone",
        "store_timestamp_slashed",
        "store_timestamp_slashed_either",
        "store_timestamp_short_year_either",
        "store_timestamp_day_first",
        "store_timestamp_words",
        "store_timestamp_month_first",
    }
)


def resaved_store_problem(problems: Sequence[Problem]) -> Problem | None:
    """The one line to say above ``problems`` when they show a store re-saved by a
    spreadsheet, else None."""
    rewritten = [
        p for p in problems if isinstance(p.message, Message) and p.message.id in _SHOWN_AS_A_DATE and p.location.line
    ]
    files = {p.location.file for p in rewritten}
    if len(rewritten) < AT_LEAST or len(files) != 1:
        return None
    first = rewritten[0].message
    example = dict(first.params).get("text", "") if isinstance(first, Message) else ""
    said = msg("store_resaved_timestamps", rows=len(rewritten), example=example)
    return Problem(Location(rewritten[0].location.file), said)
