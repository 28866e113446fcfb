"""SDMX's TIME_PERIOD (issue 16): qntrack's periods in SDMX's forms and back, and what is
said of a TIME_PERIOD that is not read (moved out of files/sdmx_csv.py, twenty-fourth
session). docs/formats.md, "SDMX-CSV", "Periods". Pure: no I/O.
"""

from __future__ import annotations

import re

from ..catalog import Message, msg
from ..plan.periods import Period, PeriodError, parse_period

__all__ = ["sdmx_period", "read_period", "period_message", "freq_code", "freq_disagrees"]


def sdmx_period(period: Period) -> str:
    """A period in SDMX's TIME_PERIOD forms: ``2023``, ``2023-S1`` (a half is a semester),
    ``2023-Q3``, ``2023-05`` (ISO month) and a first-N-months span as an ISO time range
    from 1 January, ``2023-01-01/P9M``."""
    if period.months == 6 and period.first in (1, 7):
        return f"{period.year}-S{1 if period.first == 1 else 2}"
    text = str(period)
    if period.is_year or period.months == 1 or (period.months == 3 and (period.first - 1) % 3 == 0):
        return text
    return f"{period.year}-{period.first:02d}-01/P{period.months}M"


def freq_code(period: Period) -> str:
    """The period's code in SDMX's CL_FREQ: A (annual), S (half-yearly, semester), Q
    (quarterly), M (monthly); "" for a span of the first N months, which no code says."""
    if period.is_year:
        return "A"
    if period.months == 6 and period.first in (1, 7):
        return "S"
    if period.months == 3 and (period.first - 1) % 3 == 0:
        return "Q"
    return "M" if period.months == 1 else ""


def freq_disagrees(given: str, period: str) -> str | None:
    """The code of ``period`` (qntrack's name) when a file's FREQ cell ``given`` says
    another frequency; None when it agrees, is empty, or the period is a span (no code)."""
    expected = freq_code(parse_period(period))
    return expected if given and expected and given.upper() != expected else None


_REPORTING = re.compile(r"(\d{4})-(A1|S[12]|Q[1-4]|M(0[1-9]|1[0-2]))", re.ASCII)
_RANGE = re.compile(r"(\d{4})-(\d{2})-01(?:T00:00(?::00)?)?/P(\d{1,2})([MY])", re.ASCII)


def read_period(text: str) -> str | None:
    """qntrack's name for an SDMX TIME_PERIOD (None when it names no qntrack period): the
    forms ``sdmx_period`` writes, SDMX's reporting year ``2023-A1``, month ``2023-M05``,
    a time range of whole months from a month's first day, and qntrack's own forms."""
    raw = text.strip()
    m = _REPORTING.fullmatch(raw)
    if m:
        year, part = m[1], m[2]
        if part == "A1":
            return year
        if part[0] == "S":
            return f"{year}-H{part[1]}"
        if part[0] == "M":
            return f"{year}-{part[1:]}"
        return f"{year}-{part}"
    m = _RANGE.fullmatch(raw)
    if m:
        year, first, count = int(m[1]), int(m[2]), int(m[3])
        months = count * 12 if m[4] == "Y" else count
        last = first + months - 1
        if not (1 <= first <= 12 and 1 <= months and last <= 12) or year < 1000:
            return None
        span = Period(year, first, last)
        try:
            return str(span) if parse_period(str(span)) == span else None
        except PeriodError:
            return None
    try:
        return str(parse_period(raw))
    except PeriodError:
        return None


def period_message(text: str) -> Message:
    """A TIME_PERIOD that is not read: a month Excel made a date when the message was
    opened and saved in it ('May-24', '01/05/2024') said as the CSV path says it; an ISO
    date is an SDMX day, refused with the forms that are read."""
    from .import_tables import _excel_date_message
    from .vocabulary import excel_date

    guess = None if re.match(r"\d{4}-", text) else excel_date(text)
    if guess is not None:
        return _excel_date_message(text, guess)
    why = _out_of_range(text)
    if why is not None:
        return msg("roundtrip20_sdmx_period_range", period=text, why=why)
    return msg("sdmx_bad_period", period=text)


_SHAPED = re.compile(r"(\d+)(?:-([ASQMH]?)(\d+))?", re.ASCII)
_SHAPED_RANGE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T00:00(?::00)?)?/P(\d+)([MY])", re.ASCII)
_PARTS = {
    "Q": ("roundtrip20_range_quarter", 4),
    "S": ("roundtrip20_range_semester", 2),
    "H": ("roundtrip20_range_semester", 2),
}


def _out_of_range(text: str) -> Message | None:
    """What is out of range in a TIME_PERIOD of a form that is read (a quarter 5, a month
    13, a year 999, a span past December), or None when its form is not one read."""
    m = _SHAPED_RANGE.fullmatch(text)
    if m:
        first, day, count = int(m[2]), int(m[3]), int(m[4]) * (12 if m[5] == "Y" else 1)
        if not 1 <= first <= 12:
            return msg("roundtrip20_range_month", number=first)
        if day == 1 and count >= 1 and first + count - 1 > 12:
            return msg("roundtrip20_range_span", months=count, first=m[2])
        return None
    m = _SHAPED.fullmatch(text)
    if m is None:
        return None
    year, letter, number = int(m[1]), m[2], m[3]
    if not 1000 <= year <= 9999:
        return msg("roundtrip20_range_year", year=year)
    if number is None:
        return None
    part = int(number)
    if letter == "A":
        return None if part == 1 else msg("roundtrip20_range_reporting_year", year=m[1])
    if letter in _PARTS:
        key, most = _PARTS[letter]
        return None if 1 <= part <= most else msg(key, number=part)
    if letter in ("M", "") and len(number) == 2 and not 1 <= part <= 12:
        return msg("roundtrip20_range_month", number=part)
    return None
