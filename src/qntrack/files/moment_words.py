"""What a moment of recording that is none is told (``rules.recorded_at``): a date with
slashes or dots in either order, the ISO order a digit short, a day the calendar lacks, an
hour past 23. Apart from the reader of a canonical moment, which the store's million rows
go through, because only a text that fails it needs these words."""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo

from ..catalog import Message, msg

__all__ = [
    "another_spelling",
    "clock_misspelt",
    "no_moment",
    "no_such_moment",
    "shown_date_refused",
    "slashed_without_zone",
]

# The date (and hour, minute, second) at the start of an ISO 8601 text: what must name a
# real moment once the text has the right shape.
_DATE_TIME_SHAPE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?", re.ASCII)


# Slashes, or dots as LibreOffice and Numbers show a date under German, Russian or Polish
# settings (31.12.2025; twenty-first session), with or without the time of day that a
# spreadsheet writes after it on saving a timestamp ("1/10/2022 0:00", "15.07.2025 09:30";
# review of the twenty-first session).
# Dashes too, day first (15-04-2026), as some offices write a date (twenty-second session).
# The time as Vietnamese writes it, 20h30 or 8g30, and seconds of one digit, 8:30:5, as after
# an ISO date (``_CLOCK``; thirty-ninth session).
# A year of two digits too (5/1/25, as a spreadsheet's short date shows it), read as Excel
# reads it: 00-29 the 2000s, 30-99 the 1900s (forty-seventh session, helper L).
_SLASHED = re.compile(
    r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]([01]?\d|2[0-3])[:hHgG]([0-5]\d)(?::([0-5]?\d))?)?$",
    re.ASCII,
)
# The year first with slashes (2026/04/15): the ISO order, with slashes for its dashes; or
# with dashes and a digit short (2026-1-6, told its padded day as --as-of is: 32nd session).
# Dots too (2026.04.30), as --as-of reads them (thirty-third session).
_YEAR_SLASHED = re.compile(r"^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$", re.ASCII)
_YEAR_FIRST_KEYS = {"/": "store_timestamp_slashed", ".": "store_timestamp_dotted", "-": "store_timestamp_padded"}


def _slashed_date(raw: str, text: str, utc: bool = True) -> Message | None:
    """A date written with slashes (15/07/2026, as Vietnamese writes it day first) or dots:
    its ISO form when only one order is a date, both when both are; never one of them
    guessed. A time of day after it is kept: in UTC as the store wrote it (``utc``), else
    with no zone, read in the one given (``--tz``, the plan's ``timezone:``)."""
    found = _SLASHED.match(raw)
    if found is None and not raw.isascii():
        from .month_words import LUNAR_MONTH
        from .vocabulary import fold

        if LUNAR_MONTH.search(fold(raw)):  # a lunar month's name: no day of the calendar guessed
            return msg("store_timestamp_lunar", text=text)
    if found is None and (words := _in_words(raw)) is not None:
        # "ngay 30 thang 4 nam 2026" (folded): the day first, as --as-of tells it (thirty-third
        # session); with a time of day before or after it, that moment (pass L).
        day, clock = words
        if not _is_real(day):
            return _no_such_day(day, text)
        # 'Nov 27, 2023' is no day first: a day in English words is told its ISO form alone.
        key = (
            "store_timestamp_day_first"
            if not raw.isascii() or "ngay" in raw or "thang" in raw
            else "store_timestamp_words"
        )
        return msg(key, text=text, iso=day + (f"T{clock}{'Z' if utc else ''}" if clock else ""))
    if found is None:
        year_first = _YEAR_SLASHED.match(raw)
        iso = year_first and f"{int(year_first[1]):04d}-{int(year_first[3]):02d}-{int(year_first[4]):02d}"
        key = _YEAR_FIRST_KEYS[year_first[2]] if year_first else ""
        if iso and not _is_real(iso):  # 2026-2-30: told as 2026-02-30 is, not "ISO 8601" (32nd session)
            return _no_such_day(raw, text)
        return msg(key, text=text, iso=iso) if iso else _excel_count(raw, text, utc)
    from .english_periods import full_year

    a, b, year = int(found[1]), int(found[3]), int(full_year(found[4]))
    time = "" if found[5] is None else f"T{int(found[5]):02d}:{found[6]}:{int(found[7] or 0):02d}{'Z' if utc else ''}"
    day_first = _is_real(f"{year:04d}-{b:02d}-{a:02d}")
    month_first = _is_real(f"{year:04d}-{a:02d}-{b:02d}")
    if day_first and month_first and a != b and len(found[4]) == 2:
        # '5/1/25': the order and the century both unwritten; each reading in words.
        return msg(
            "store_timestamp_short_year_either",
            text=text,
            first=found[1],
            short=found[4],
            year=year,
            day=f"{year:04d}-{b:02d}-{a:02d}{time}",
            month=f"{year:04d}-{a:02d}-{b:02d}{time}",
            day_words=msg("store_timestamp_day_words", day=a, month=msg(f"period_words_month_{b}", year=year)),
            month_words=msg("store_timestamp_day_words", day=b, month=msg(f"period_words_month_{a}", year=year)),
        )
    if day_first and month_first and a != b:
        return msg(
            "store_timestamp_slashed_either",
            text=text,
            first=found[1],
            day=f"{year:04d}-{b:02d}-{a:02d}{time}",
            month=f"{year:04d}-{a:02d}-{b:02d}{time}",
        )
    if day_first and a == b and found[2] == "/":  # 05/05/2026: the same day in either order
        return msg("store_timestamp_slashed", text=text, iso=f"{year:04d}-{b:02d}-{a:02d}{time}")
    if day_first:
        return msg("store_timestamp_day_first", text=text, iso=f"{year:04d}-{b:02d}-{a:02d}{time}")
    if month_first:
        return msg("store_timestamp_month_first", text=text, iso=f"{year:04d}-{a:02d}-{b:02d}{time}")
    # Neither order a day: 31/04/2026 (day first, 31 being no month) is told the calendar,
    # as --as-of's day is (files.days_typed); 02/30/2026 names no order, so no month.
    said = _no_such_day(raw.split(" ")[0].split("T")[0], text)
    return None if said.id == "store_timestamp_not_real" else said


# A time of day after an ISO date as a clock or Vietnamese writes it: the hour of one digit
# (8:30), "h" for the colon (20h30, as Vietnamese writes it), a zone as "GMT+7", "UTC+07:00", "+7" or "UTC".
# "g" for the colon too (8g30, "gio", the hour, shortened) and seconds of one digit (8:30:5, as a
# clock or Excel's h:mm:s shows 08:30:05): thirty-ninth session, both told the generic words.
_CLOCK = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[ T]([01]?\d|2[0-3])[:hg]([0-5]\d)(?::([0-5]?\d))?"
    r"\s*(?:(z|utc|gmt)|(?:(?:gmt|utc)\s*)?([+-])(\d{1,2})(?::?([0-5]\d))?)?$",
    re.ASCII | re.IGNORECASE,
)


def clock_misspelt(raw: str, text: str, utc: bool = True) -> Message | None:
    """A moment whose date is ISO and whose time of day is written as a clock shows it
    ("2026-12-07 8:30", "20h30", "8g30", "8:30:5", "08:30 GMT+7"): told its ISO form, where it was told "write
    e.g. 2023-11-27T09:00:00Z", a pattern that, copied under a plan of +07:00, records 08:30
    in Hanoi as 15:30 (thirty-eighth session, pass O). A zone typed is kept as an offset;
    none is added under the plan's zone or --tz (``utc`` False), a Z without one, as the
    store reads a moment then. None for any other text, and for a day the calendar lacks."""
    found = _CLOCK.match(raw)
    if found is None or not _is_real(found[1]):
        return None
    clock = f"{int(found[2]):02d}:{found[3]}:{int(found[4] or 0):02d}"
    if found[5] is not None:
        zone = "Z"
    elif found[6] is not None:
        if int(found[7]) > 14:
            return None
        zone = f"{found[6]}{int(found[7]):02d}:{found[8] or '00'}"
    else:
        zone = "Z" if utc else ""
    return msg("store_timestamp_clock", text=text, iso=f"{found[1]}T{clock}{zone}")


def no_moment(text: str, zone: tzinfo | None) -> Message:
    """A text that is no moment at all: told the ISO forms. Under a zone (the plan's
    ``timezone:``, ``--tz``) the example has none, and says the zone it is read in: the one
    ending in Z, copied, recorded 09:00 in Hanoi as 16:00 (thirty-eighth session, pass O)."""
    if zone is None:
        return msg("store_timestamp_invalid", text=text)
    offset = zone.utcoffset(None)
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign, minutes = ("-" if minutes < 0 else "+"), abs(minutes)
    return msg("store_timestamp_invalid_zoned", text=text, zone=f"{sign}{minutes // 60:02d}:{minutes % 60:02d}")


def _excel_count(raw: str, text: str, utc: bool = True) -> Message | None:
    """A whole number that is Excel's count of a day of these times (46142, 2026-04-30):
    what a date column shows pasted as values ("Paste Values" drops its format), told the
    day it counts, where it was told "not an ISO 8601 timestamp" (thirty-third session);
    with a fraction (46142.5), the moment it counts, in UTC as the store writes it
    (``utc``) or with no zone, read in the one given (thirty-fifth session)."""
    from .days_typed import excel_day, excel_moment

    counted = excel_day(raw)
    if counted is not None:
        return msg("store_timestamp_excel_count", text=text, iso=counted)
    moment = excel_moment(raw)
    if moment is None:
        return None
    day, clock = moment
    iso = f"{day}T{clock}{'Z' if utc else ''}"
    return msg("store_timestamp_excel_moment", text=text, moment=f"{day} {clock}", iso=iso)


def _in_words(raw: str) -> tuple[str, str] | None:
    """The day Vietnamese words name as YYYY-MM-DD, real or not, with the time of day
    written before or after it as HH:MM:SS ("" for none): ``days_typed.words_moment``, the
    one reading ``--as-of`` makes of the same words."""
    from .days_typed import words_moment

    found = words_moment(raw)
    if found is None:
        return None
    (year, month, day), clock = found
    return f"{year}-{int(month):02d}-{int(day):02d}", clock


def slashed_without_zone(text: str) -> Message | None:
    """For a date written with slashes and a time of day but no zone ('15/07/2026 08:00'
    typed, with no --tz and no plan's zone), its ISO form without a zone: the store's
    reading (``recorded_at``) writes it in UTC, where a person typing a time means her
    own (issue 17, twenty-fifth session). None for any other text."""
    raw = text.strip()
    from .days_typed import excel_moment

    if excel_moment(raw) is not None:  # 46142.5: Excel's count of a day and a time, no zone either
        return _excel_count(raw, text, utc=False)
    found = _SLASHED.match(raw)
    if found is None and not ((words := _in_words(raw)) is not None and words[1]):  # a day in words, a time
        return None
    if found is not None and found[5] is None:
        return None
    said = _slashed_date(raw, text, utc=False)
    # A date naming no day (31/04/2026 08:00) is told the calendar alone: a zone cannot mend it.
    return None if said is None or said.id.startswith("store_timestamp_no_such") else said


def no_such_moment(raw: str, text: str) -> Message | None:
    """What is said of ``text`` when ``raw`` (its words stripped, say of a fraction of a
    second) names a day the calendar lacks or an hour past 23, ISO or day first; None
    when its date and time exist or it is no date at all. Said before what else is wrong
    with ``text``, which mending would leave a moment refused in turn (issue 17,
    thirty-third session: a fraction of a second on 2026-02-29; 31/04/2026 as Excel
    shows a date)."""
    shape = _DATE_TIME_SHAPE.match(raw)
    if shape is not None:
        return None if _is_real(shape.group(0)) else _not_real(shape.group(0), text)
    said = _slashed_date(raw, text)
    return said if said is not None and said.id.startswith("store_timestamp_no_such") else None


def another_spelling(text: str) -> Message | None:
    """A moment of recording in one of ISO 8601's other spellings of a day, which Python
    reads and the store does not write: the basic form (20260430, 20260430T100000Z) or a
    week and weekday (2026-W18-4): told the store's spelling, as ``--as-of`` tells them,
    where they were stored in silence (a week typed for a weekly period's figure became a
    day no one typed; thirty-third session, pass L). The store's reader says the same at
    the line, so that it and the entry take the same rows. None for any other text."""
    raw = text.strip()
    if raw[4:5] == "-" and raw[5:6] not in ("W", "w") or not raw[:4].isdigit() or not raw.isascii():
        return None
    week = "W" in raw[4:6].upper()
    try:
        moment = datetime.fromisoformat(raw[:-1] + "Z" if raw[-1:] == "z" else raw)
    except ValueError:
        return None
    if _is_bare_date(raw):
        iso = moment.date().isoformat()
    else:
        from datetime import timezone

        aware = moment.tzinfo is not None and moment.utcoffset() is not None
        at = moment.astimezone(timezone.utc) if aware else moment
        iso = at.replace(tzinfo=None).isoformat(timespec="seconds") + ("Z" if aware else "")
    return msg("store_timestamp_week" if week else "store_timestamp_basic", text=text, iso=iso)


def shown_date_refused(text: str, day_first: bool | None = None) -> Message:
    """An import's recorded_at as Excel shows a date (15/07/2026) that is not read: the
    calendar when it names no day (31/04/2026, which Excel keeps as text since it is no
    date), told "write it in ISO 8601, e.g. 2025-01-05" with no word of the day, so the
    officer retyped it and met the calendar only then (thirty-third session); else that it
    is a date as Excel shows it. ``day_first``: the order the file or sheet proves
    (excel_dates.day_order), in which 04/31/2026 is the 4th of a month 31, told so where it
    was told "a date as Excel shows it" (thirty-third session, pass L)."""
    from .excel_dates import SHOWN

    shown = SHOWN.fullmatch(text.strip()) if day_first is not None else None
    if shown is not None:
        day, month = (shown[1], shown[2]) if day_first else (shown[2], shown[1])
        iso = f"{shown[3]}-{int(month):02d}-{int(day):02d}"
        if not _is_real(iso):
            return _no_such_day(iso, text)
    return no_such_moment(text.strip(), text) or msg("import_recorded_at_excel_date", recorded_at=text)


def _is_bare_date(raw: str) -> bool:
    """Whether ``raw`` is a date with no time of day, in any ISO spelling Python reads."""
    try:
        date.fromisoformat(raw)
    except ValueError:
        return False
    return True


def _not_real(shape: str, text: str) -> Message:
    """What is wrong with a moment shaped as one (``_DATE_TIME_SHAPE``) that is none: its
    date, else the hour, minute or second out of range, named with its range (a real day
    at 25:00 was told "not a real date"; issue 17, thirty-second session)."""
    parts = _DATE_TIME_SHAPE.match(shape)
    if parts is not None and _is_real(shape[:10]):
        parts_of_time = ("store_timestamp_bad_hour", "store_timestamp_bad_minute", "store_timestamp_bad_second")
        for key, found, most in zip(parts_of_time, parts.groups()[3:], (23, 59, 59), strict=True):
            if found is not None and int(found) > most:
                return msg(key, text=text, found=found)
    return _no_such_day(shape[:10], text)


def _no_such_day(day: str, text: str) -> Message:
    """A date that names no day, told the month's days (or that there is no such month), as
    ``--as-of`` is told them: "is not a real date" alone left the reader to find which part
    was wrong (issue 17, thirty-third session); the plain words for what the calendar
    cannot name."""
    from .days_typed import no_such_day

    year, month, days = no_such_day(day)
    if not month:
        return msg("store_timestamp_no_such_year" if year else "store_timestamp_not_real", text=text)
    key = "store_timestamp_no_such_day" if days else "store_timestamp_no_such_month"
    return msg(key, text=text, yyyy=year, mm=month, m=month.lstrip("0"), days=days)


def _is_real(text: str) -> bool:
    """Whether the date and time at the start of ``text`` (``_DATE_TIME_SHAPE``) exist.

    Called once per distinct timestamp (the readers remember what passed), so a store
    of a million rows pays for it a few hundred times, not a million.
    """
    parts = _DATE_TIME_SHAPE.match(text)
    if parts is None:
        return False
    # A time not written is midnight, which is always real.
    year, month, day, hour, minute, second = (int(p) if p is not None else 0 for p in parts.groups())
    try:
        datetime(year, month, day, hour, minute, second)
    except ValueError:
        return False
    return True
