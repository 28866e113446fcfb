"""A period cell holding the last day of a month (`30/06/2025`, a date cell of 30 June
2025): a day, not a period, as an office writes "up to 30 June" for the figure of the
months that end then (issue 17, twenty-eighth session). Excel makes a typed month the first
of its month (`06/2025` becomes 01/06/2025: ``vocabulary.excel_date`` says that period), never
its last day, so such a cell was never a month Excel turned into a date: the periods that end
on the day (the month, its quarter, the months since January) are told, and the person
writes the one meant. Nothing is read from it. Pure: the text in, the periods out."""

from __future__ import annotations

import calendar
import re

__all__ = ["periods_ending", "periods_of_day"]

_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?")


def _day(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a day written with its day provably where it is: ISO, or a
    day past 12 in either order (30/06/2025, 06/30/2025). None for any other text."""
    if m := _ISO_DAY.fullmatch(text):
        return int(m[1]), int(m[2]), int(m[3])
    if m := _DAY_MONTH_YEAR.fullmatch(text):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        if a > 12 >= b:
            return year, b, a
        if b > 12 >= a:
            return year, a, b
    return None


def periods_ending(text: str) -> list[str] | None:
    """The periods that end on the day ``text`` names, when it is the last of its month
    (and not also the first, which no month's last day is); None for any other text."""
    day = _day(text.strip())
    if day is None:
        return None
    year, month, last = day
    if not (1000 <= year <= 9999 and 1 <= month <= 12) or last != calendar.monthrange(year, month)[1]:
        return None
    ending = [f"{year}-{month:02d}"]
    if month % 3 == 0:
        ending.append(f"{year}-Q{month // 3}")
    if month == 12:
        ending += [f"{year}-H2", str(year)]
    elif month == 6:
        ending.append(f"{year}-H1")
    elif month not in (1, 3):  # 1M is the month, 3M the first quarter
        ending.append(f"{year}-{month}M")
    return ending


def periods_of_day(text: str) -> tuple[str, list[str]] | None:
    """("end", the periods ending on it) for a month's last day, ("begin", those beginning
    on it) for a month's first: a span typed ``from: 2025-01-01`` and ``to: 2025-12-31`` in
    targets.yaml, as YAML's dates invite (issue 17, twenty-ninth session). None otherwise."""
    if (ending := periods_ending(text)) is not None:
        return "end", ending
    day = _day(text.strip())
    if day is None or day[2] != 1 or not (1000 <= day[0] <= 9999 and 1 <= day[1] <= 12):
        return None
    year, month, _ = day
    beginning = [f"{year}-{month:02d}"]
    if month % 3 == 1:
        beginning.append(f"{year}-Q{month // 3 + 1}")
    if month in (1, 7):
        beginning.append(f"{year}-H{1 if month == 1 else 2}")
    if month == 1:
        beginning.append(str(year))
    return "begin", beginning
