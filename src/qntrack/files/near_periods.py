"""The period a refused text was one step from, to tell the person what to write.

A spreadsheet or a habit writes a period a little off the forms qntrack reads: a
two-digit year (``Q1/26``; the year told is the one Excel and Windows read, 00-29 as
2000-2029 and 30-99 as 1930-1999, so that ``Q1/96`` is told 1996-Q1), a month in one
digit after its year (``2026-5``), a Roman month past IV with no word before it
(``V/2026``: quarters stop at IV, so only a month),
a month and its year joined by a dot or a hyphen (``01.2026``, ``06-2025``) or written year first with a slash
(``2026/01``), a month, a half or a year as Eurostat's database and SDMX 2.1 write it
(``2026M01``, ``2026-M01``, ``2026-S1``, ``2026-A1``; an SDMX-CSV file's TIME_PERIOD is read
in them, files/sdmx_periods.py, but a typed period is one spelling), a first-N-months span with its mark before a slash (``9M/2026``, ``9M/26``:
the span's ``9M`` is qntrack's own mark, its form ``2026-9M``), a year shown with a
thousands separator (``2.025``, ``2,025``: 2025), a year written as a decimal number
(``2025.0``, pandas' column of years holding an empty cell). None of these is read as a period: a two-digit year could be of any
century, and ``2011/12`` may be a fiscal year as well as December 2011. The refusal names
the canonical period the text would be if the obvious reading is meant (issue 17,
twenty-fourth session; docs/decisions.md). Pure: the text in, a message id and the
reading out.
"""

from __future__ import annotations

import re

from ..plan.periods import PeriodError, parse_period
from .vocabulary import ROMAN_MONTHS, fold, vietnamese_period

__all__ = ["near_period"]

# A year of two digits at the end, after a separator a period's year takes ("Q1/26", a
# quarter's word and I/26, "5/26", "H1 25"); the text before it must end in a letter, a
# Roman numeral or one or two digits, so that "2025/26" (a fiscal year) has none to widen.
_TWO_DIGIT_YEAR = re.compile(r"(?P<head>.*?(?:[a-z]|(?<!\d)\d{1,2}))\s*(?P<sep>[/\-\s])\s*(?P<yy>\d{2})")
_ONE_DIGIT_MONTH = re.compile(r"(?P<year>\d{4})[-/](?P<month>[1-9])")  # not 2026.1: a sheet's 2026.10
_ROMAN_MONTH = re.compile(r"(?P<roman>[ivx]+)\s*[/\-]\s*(?P<year>\d{4})")
_MONTH_DOT_YEAR = re.compile(r"(?P<month>\d{1,2})[.\-](?P<year>\d{4})")  # 01.2026, 06-2025
_YEAR_MARK_MONTH = re.compile(r"(?P<year>\d{4})[./](?P<month>\d{2})")
# The first N months with qntrack's mark before the year rather than after it ("9m/2026").
_MONTHS_SPAN = re.compile(r"(?P<months>\d{1,2})\s*m\s*[/\-\s]\s*(?P<year>\d{4})")
# A year as a spreadsheet shows a number with its thousands separated (a number cell
# formatted #,##0, copied as shown: 2.025 in Vietnamese Excel, 2,025 in English, 2 025 in
# French; issue 17, twenty-eighth session). Only years 1900-2099: 1.234 is told nothing.
# A reporting period as SDMX 2.1 and Eurostat's database write it (issue 17, twenty-ninth
# session): 2026M01 and 2026-M01 a month, 2026-S1 a half (a semester), 2026-A1 the year.
_SDMX_PERIOD = re.compile(r"(?P<year>\d{4})\s*-?\s*(?:m(?P<month>\d{1,2})|s(?P<half>[12])|(?P<annual>a1))")
# The same semester written before its year ("S1 2025", "S1/2025"; forty-fourth session).
_SEMESTER_FIRST = re.compile(r"s(?P<half>[12])\s*[-/]?\s*(?P<year>\d{4})")
# A quarter or a half with its number first, as an Asian company or office heads a column
# ("1Q2025", "1H 2025"), and an English month abbreviation the catalog's words do not read
# ("Sept 2025", the AP's) or written after its year ("2025-Sep"; twenty-ninth session).
_NUMBER_FIRST = re.compile(r"(?P<n>\d)\s*(?P<kind>[qh])\s*[-/]?\s*(?P<year>\d{4})")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_WORD = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)"
_ABBREVIATED = re.compile(
    rf"(?:{_MONTH_WORD}\.?\s*[-/]?\s*(?P<year>\d{{4}})|(?P<year2>\d{{4}})\s*[-/]?\s*{_MONTH_WORD.replace('month', 'month2')})"
)
_GROUPED_YEAR = re.compile(r"(?P<thousand>[12])[.,\s\u00a0\u202f](?P<rest>\d{3})")
# A year written as a decimal number: pandas writes a column of years that holds one empty
# cell as floats, 2025.0 in every row (issue 17, thirty-fourth session). Zeros only: 2025.1
# may be a sheet's January (told above), 2025.5 no year.
_DECIMAL_YEAR = re.compile(r"(?P<year>\d{4})\.0+")


def _span(text: str) -> str | None:
    """The form of a first-N-months span written ``9m/2026`` (folded), when N is 1-12."""
    if (m := _MONTHS_SPAN.fullmatch(text)) is None:
        return None
    form = f"{m['year']}-{int(m['months'])}M"
    try:
        parse_period(form)
    except PeriodError:
        return None  # 13M, 0M: no span to tell
    return form


def _month(year: str, month: int) -> str | None:
    return f"{year}-{month:02d}" if 1 <= month <= 12 and 1000 <= int(year) <= 9999 else None


def _sdmx(m: re.Match[str]) -> str | None:
    """qntrack's form of a reporting period SDMX and Eurostat write (``_SDMX_PERIOD``)."""
    if m["month"] is not None:
        return _month(m["year"], int(m["month"]))
    if 1000 > int(m["year"]):
        return None
    return f"{m['year']}-H{m['half']}" if m["half"] else m["year"]


def near_period(text: str) -> tuple[str, dict[str, str]] | None:
    """(message id, its parameters) for a text one step from a period, or None.

    The ids are ``periods_two_digit_year`` (with ``reading`` and ``year``),
    ``periods_decimal_year`` and ``periods_near_form`` (with ``reading``)."""
    key = fold(text).strip()
    if (m := _DECIMAL_YEAR.fullmatch(key)) and int(m["year"]) >= 1000:
        return "periods_decimal_year", {"reading": m["year"]}
    if m := _TWO_DIGIT_YEAR.fullmatch(key):
        # The century a spreadsheet gives a two-digit year (Excel, Windows: 1930-2029).
        year = f"{'20' if int(m['yy']) < 30 else '19'}{m['yy']}"
        widened = f"{m['head']}{m['sep']}{year}"
        reading = vietnamese_period(widened) or _span(widened)
        if reading is not None:
            return "periods_two_digit_year", {"reading": reading, "year": year}
    if m := _ONE_DIGIT_MONTH.fullmatch(key):
        reading = _month(m["year"], int(m["month"]))
    elif m := _ROMAN_MONTH.fullmatch(key):
        number = ROMAN_MONTHS.get(m["roman"], 0)
        # I-IV alone are a quarter or a month (vocabulary.ambiguous_period says so first).
        reading = _month(m["year"], number) if number > 4 else None
    elif m := _MONTH_DOT_YEAR.fullmatch(key) or _YEAR_MARK_MONTH.fullmatch(key):
        reading = _month(m["year"], int(m["month"]))
    elif m := _NUMBER_FIRST.fullmatch(key):
        bound = 4 if m["kind"] == "q" else 2
        reading = f"{m['year']}-{m['kind'].upper()}{m['n']}" if 1 <= int(m["n"]) <= bound else None
    elif m := _ABBREVIATED.fullmatch(key):
        month = _MONTHS.index((m["month"] or m["month2"])[:3]) + 1
        reading = _month(m["year"] or m["year2"], month)
    elif m := _SDMX_PERIOD.fullmatch(key):
        reading = _sdmx(m)
    elif m := _SEMESTER_FIRST.fullmatch(key):
        reading = f"{m['year']}-H{m['half']}" if int(m["year"]) >= 1000 else None
    elif (m := _GROUPED_YEAR.fullmatch(key)) and 1900 <= int(m["thousand"] + m["rest"]) <= 2099:
        reading = m["thousand"] + m["rest"]
    else:
        reading = _span(key)
    return ("periods_near_form", {"reading": reading}) if reading else None
