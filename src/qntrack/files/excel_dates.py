"""A recorded_at column as Excel saves it into a CSV file: the date as the reader's settings
show it (03/07/2026, 03/07/2026 10:00), never ISO. Which of day and month comes first is
read from the file, as its decimal convention is (import_tables): a file separated by ';'
is Excel's under a decimal comma, whose settings all write the day first (vi and fr
03/07/2026, de 03.07.2026), whatever its cells hold: one that reads only month first
(07/13/2026) is a slip, refused on its own line, and must not turn the file's other dates
(03/07/2026, 3 July) into another month. In another file, a date whose first part is over
12 can only be day first, one whose second part is, month first, when it is a real day in
that order (31/02/2026 is none, and proves nothing); the reading is then said
once (``order_proof``), at that cell, with a date it decided. A file that says neither
(a ',' file of dates that read both ways) or both is refused at each such cell, as before:
no date is guessed.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable

from ..catalog import msg
from ..plan.model import Location, Problem

__all__ = ["SHOWN", "day_order", "iso_moment", "order_notes", "order_proof", "two_way"]

# A day as Excel shows it, with an optional time of day; no AM/PM, a 12-hour clock's
# order is another question (those cells are refused as before).
SHOWN = _SHOWN = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def day_order(cells: Iterable[str], delimiter: str, decimal_comma: bool = False) -> bool | None:
    """True when the file's shown dates are day first, False when month first, None when
    it does not say (or says both: a file of mixed settings is refused, not guessed).
    ``decimal_comma``: the file's figures show a decimal comma (Excel's "Unicode Text" is
    tab-separated under any settings): when no cell proves an order, the settings that
    write a decimal comma write the day first, as a ';' file's."""
    if delimiter == ";":
        return True  # the settings' order: an odd cell does not overrule them
    day_first = month_first = False
    for cell in cells:
        m = _SHOWN.fullmatch(cell.strip())
        if m:
            proves = _proves(m)
            day_first |= proves is True
            month_first |= proves is False
    if day_first and month_first:
        return None
    if day_first or month_first:
        return day_first
    return True if decimal_comma else None


def two_way(cells: Iterable[tuple[int, str]]) -> tuple[int, str] | None:
    """The line and text of the first shown date that reads both ways (03/07/2026)."""
    for line, cell in cells:
        m = _SHOWN.fullmatch(cell.strip())
        if m is not None and int(m[1]) <= 12 and int(m[2]) <= 12 and m[1] != m[2]:
            return line, cell.strip()
    return None


def _proves(m: re.Match[str]) -> bool | None:
    """True when a shown date can only be day first (15/07/2026), False when only month
    first (07/15/2026), None when it reads both ways or neither: 31/02/2026 is no day in
    either order, and proves nothing about the file's other dates (it is refused itself)."""
    first, second, year = int(m[1]), int(m[2]), int(m[3])
    if first > 12 and second <= 12:
        return True if _real(year, second, first) else None
    if second > 12 and first <= 12:
        return False if _real(year, first, second) else None
    return None


def _real(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def iso_moment(text: str, day_first: bool | None) -> str | None:
    """``text`` as an ISO day or day and time (no zone: the plan's or --tz, as any CSV
    timestamp without an offset), or None when it is no shown date or its order is not
    known. A day or a time that does not exist (31/02/2026, 03/07/2026 25:00) is None,
    refused as before with the cell as typed (not an ISO text the file never held)."""
    m = _SHOWN.fullmatch(text.strip())
    if m is None or day_first is None:
        return None
    day, month = (int(m[1]), int(m[2])) if day_first else (int(m[2]), int(m[1]))
    try:
        shown = date(int(m[3]), month, day).isoformat()
    except ValueError:
        return None
    if m[4] is None:
        return shown
    if int(m[4]) > 23 or int(m[5]) > 59 or int(m[6] or 0) > 59:
        return None
    return f"{shown}T{int(m[4]):02d}:{m[5]}:{m[6] or '00'}"


def order_proof(cells: Iterable[tuple[int, str]], day_first: bool) -> tuple[int, str, int, str] | None:
    """When a cell decided the order (not the ';' of the settings): the line and text of
    the first cell that proves it (15/07/2026: day first) and of the first it decides
    (03/07/2026, read both ways); None when no cell is left to decide, so nothing to say.
    ``cells``: (line, text) of the column's cells."""
    proof = decided = None
    for line, cell in cells:
        m = _SHOWN.fullmatch(cell.strip())
        if m is None:
            continue
        first, second = int(m[1]), int(m[2])
        if proof is None and _proves(m) is day_first:
            proof = (line, cell.strip())
        if decided is None and first <= 12 and second <= 12 and first != second:
            decided = (line, cell.strip())
        if proof is not None and decided is not None:
            return (*proof, *decided)
    return None


def order_notes(file: str, cells: list[tuple[int, str]], day_first: bool, figure: str | None) -> list[Problem]:
    """Say, once, which date decided the order of a ',' file's shown dates, and one it
    decided (order_proof): a month-first file with one slip would otherwise have every
    other date read day first without a word. With no date to prove it, the decimal comma
    of ``figure`` did (day_order): said with the first date it decided. ``cells``: (line,
    text) of the recorded_at column's cells."""
    shown = order_proof(cells, day_first)
    decided = two_way(cells) if shown is None and figure is not None else None
    if decided is not None:
        iso = (iso_moment(decided[1], True) or "")[:10]
        words = msg("import_dates_day_first_comma", figure=figure, example=decided[1], iso=iso)
        return [Problem(Location(file, decided[0]), words, "warning")]
    if shown is None:
        return []
    line, proof, at, example = shown
    iso = (iso_moment(example, day_first) or example)[:10]
    key = "import_dates_day_first" if day_first else "import_dates_month_first"
    return [Problem(Location(file, line), msg(key, proof=proof, example=example, line=at, iso=iso), "warning")]
