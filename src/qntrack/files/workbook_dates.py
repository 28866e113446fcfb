"""A workbook's recorded_at typed as text the way Excel shows a date ('15/07/2026'),
read as the CSV path reads the same sheet saved as CSV (files/excel_dates.py): a sheet has
no ';' of its settings, so the order of day and month is the one a cell proves (a part
over 12), said once in a warning at the cell that proved it; a sheet that proves neither,
or both, is refused at each such cell, as before, with no date guessed.

The row's candidates are made first, with the text; the sheet's cells are read one row
at a time (workbooks.py), so the order is only known at its end (``settle``).

And a recorded_at cell formatted as a date whose count of days is no day Excel shows as
the calendar's (``date_cell_refused``; thirty-fourth session).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from ..catalog import Figure, Message, msg
from ..plan.model import Location, Problem
from .batch_rows import SHOWN_MOMENT
from .excel_dates import day_order, iso_moment, order_proof
from .moment_words import shown_date_refused
from .import_tables import ParsedTable

__all__ = ["MAC_ZERO", "ShownDates", "date_cell_refused", "number_cell_refused"]


@dataclass
class ShownDates:
    """The recorded_at cells of a sheet typed as shown dates, with their rows' candidates."""

    cells: list[tuple[Location, str, list[dict]]] = field(default_factory=list)
    waiting: tuple[Location, str] | None = None  # the row being read's cell, until its candidates are made

    def add(self, where: Location, text: str) -> None:
        self.waiting = (where, text)

    def made(self, parsed: ParsedTable, first: int) -> None:
        """The candidates from ``first`` on are the waiting cell's row's."""
        if self.waiting is not None:
            self.cells.append((*self.waiting, [row for _, row in parsed.candidates[first:]]))
            self.waiting = None

    def settle(self, parsed: ParsedTable) -> None:
        """Each row's moment as its cell reads in the order the sheet proves, or the cell
        refused (and its rows left out: they are not checked with a text for a moment)."""
        if not self.cells:
            return
        day_first = day_order((text for _, text, _ in self.cells), ",")
        dropped: set[int] = set()
        for where, text, rows in self.cells:
            iso = iso_moment(text, day_first)
            if iso is None:
                parsed.problems.append(Problem(where, shown_date_refused(text, day_first)))
                dropped.update(id(row) for row in rows)
                continue
            for row in rows:
                row[SHOWN_MOMENT], row["recorded_at"] = text, iso
        if dropped:
            parsed.candidates[:] = [c for c in parsed.candidates if id(c[1]) not in dropped]
        if day_first is not None:
            shown = order_proof(((k, text) for k, (_, text, _) in enumerate(self.cells)), day_first)
            if shown is not None:
                proof, proof_text, decided, example = shown
                key = "workbook_dates_day_first" if day_first else "workbook_dates_month_first"
                iso = (iso_moment(example, day_first) or example)[:10]
                cell = self.cells[decided][0].cell
                words = msg(key, proof=proof_text, example=example, cell=cell, iso=iso)
                parsed.notes.append(Problem(self.cells[proof][0], words, "warning"))


# Excel's day 0: its count of days n is this day plus n, from 1 March 1900 (count 61) on.
_EXCEL_ZERO = datetime(1899, 12, 30)
_FIRST_TRUE_DAY = datetime(1900, 3, 1)
# A workbook in the 1904 date system (old Mac Excel, ``workbook.epoch``): its count of days
# n is this day plus n, from 0 on; no 29 February 1900 to count, no time alone.
MAC_ZERO = datetime(1904, 1, 1)


def date_cell_refused(value: Any, number_format: str = "", mac: bool = False) -> Message | None:
    """What is wrong with a recorded_at cell formatted as a date (``value`` as openpyxl
    reads it) whose count of days names no day Excel shows as the calendar's; None for any
    other cell. openpyxl reads a count below 0 as a day before 30 December 1899 (Excel
    shows ########), 0 to 1 as a time alone (Excel shows 00/01/1900, day 0), 1 to 60 as
    1900-01-01 to 1900-02-28 with Excel's 60, its 29 February 1900 that never was, read as
    the 28th as 59 is (so no day before 1 March 1900 is told from the day shown), and a
    count past 2958465 (9999-12-31, Excel shows ########) as the error '#VALUE!'. Each was
    read as a day no one saw, or told "is not an ISO 8601 timestamp" of a text the cell
    never showed (thirty-fourth session).

    ``mac``: the workbook counts its days from 1904-01-01 (its count 0, shown so; a time
    alone is that day's, ``stamp``), to 9999-12-31 (2957003); below 0 Excel shows ########
    as in the 1900 system. A cell formatted as a length of time (``[h]:mm``; openpyxl gives
    a timedelta) is no moment in either (pass R)."""
    if isinstance(value, timedelta):
        days = Figure(round(value.total_seconds() / 86400, 10))
        return msg("workbook_recorded_at_duration", format=number_format or "[h]:mm", days=days)
    if isinstance(value, time) and number_format and not _shows_a_day(number_format):
        # hh:mm shows 12:00, no day, in either system: not 00/01/1900, nor 1 January 1904.
        return msg("workbook_recorded_at_time_only", time=value.isoformat("seconds"), format=number_format)
    if mac:
        if isinstance(value, datetime) and value < MAC_ZERO:
            serial = (value - MAC_ZERO).total_seconds() / 86400
            return msg("workbook_recorded_at_below_zero_1904", serial=Figure(serial))
        if value == "#VALUE!" and _date_format(number_format):
            return msg("workbook_recorded_at_past_last_1904")
        return None
    if isinstance(value, datetime) and value < _EXCEL_ZERO:
        serial = (value - _EXCEL_ZERO).total_seconds() / 86400
        return msg("workbook_recorded_at_below_zero", serial=Figure(serial))
    if isinstance(value, time):
        serial = (value.hour * 3600 + value.minute * 60 + value.second) / 86400
        return msg("workbook_recorded_at_no_day", time=value.isoformat("seconds"), serial=Figure(round(serial, 10)))
    if isinstance(value, datetime) and value < _FIRST_TRUE_DAY:
        shown = value.date().isoformat() if value.time() == time() else value.isoformat()
        return msg("workbook_recorded_at_1900", iso=shown)
    if value == "#VALUE!" and _date_format(number_format):
        return msg("workbook_recorded_at_past_last")
    return None


# Excel's counts told as a day (days_typed.EXCEL_DAYS, 1990-01-01 to 2100-12-31) in a 1904
# workbook's count: the 1900 system counts 1904-01-01 as 1462.
_MAC_DAYS = (32874 - 1462, 73415 - 1462)


def number_cell_refused(value: Any, mac: bool) -> Message | None:
    """What to say of a recorded_at number cell (General: a date column pasted as values)
    in a workbook counting its days from 1904 (``mac``): its day, 1904-01-01 plus the count,
    for a count of 1990 to 2100; the generic words for any other whole count the 1900 system
    would tell (``days_typed.excel_day``), which names a day four years and a day off here
    (pass R); None otherwise, and in a 1900 workbook, as before."""
    if not mac or isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    from .days_typed import EXCEL_DAYS, excel_moment

    if isinstance(value, float) and not value.is_integer():  # a fraction, NaN or infinity
        # A count with its time (46142.5): the 1900 system's moment is four years and a day
        # off here, so the generic words, as for a whole count (thirty-fifth session).
        return msg("store_timestamp_invalid", text=repr(value)) if excel_moment(repr(value)) else None

    count = int(value)
    if _MAC_DAYS[0] <= count <= _MAC_DAYS[1]:
        iso = (MAC_ZERO + timedelta(days=count)).date().isoformat()
        return msg("workbook_recorded_at_count_1904", text=str(count), iso=iso)
    if EXCEL_DAYS[0] <= count <= EXCEL_DAYS[1]:
        return msg("store_timestamp_invalid", text=str(count))
    return None


def _shows_a_day(number_format: str) -> bool:
    """Whether a number format shows a day: a year or a day of its own, outside quoted
    text and [brackets] ('m' alone is a month or a minute)."""
    import re

    bare = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", number_format).lower()
    return "y" in bare or "d" in bare


def _date_format(number_format: str) -> bool:
    from openpyxl.styles.numbers import is_date_format

    return bool(number_format) and is_date_format(number_format)
