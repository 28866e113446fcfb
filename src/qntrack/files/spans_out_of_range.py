"""A quarter, a month, a half or a number of months from January typed with a number no
year has (issue 17, nineteenth session): the fifth quarter, the thirteenth month, H3, 13
months. Moved out of files/vocabulary.py in the twenty-ninth session, which had reached
its 500 lines; files/period_refusals.py asks it on the refusal path. Pure."""

from __future__ import annotations

import re

from .number_words import months_in_digits
from .vocabulary import ROMAN_QUARTERS, YEAR_SEP, fold, without_realised

__all__ = ["no_such_span"]

# Folded: Quy 5/2025, Q5/2025, Quy V/2025; thang 13/2025, T13/2025, 13/2025.
_NO_SUCH = (
    ("quarter", re.compile(rf"(?:quy|q\.?)\s*(\d{{1,2}}|[ivx]+){YEAR_SEP}\d{{4}}")),
    ("month", re.compile(rf"(?:thang|t\.?)\s*(\d{{1,2}}){YEAR_SEP}\d{{4}}")),
    ("month", re.compile(r"(\d{1,2})\s*/\s*\d{4}")),
    # The other forms vocabulary._VI_PERIODS reads, each with a number out of its range:
    # 2025 Q5, H3/2025, 2025 H0; 13T/2025, 13 thang 2025 (the first N months: "months").
    ("quarter", re.compile(r"\d{4}\s*[/\-]?\s*q\s*(\d{1,2})")),
    ("half", re.compile(r"h\s*(\d{1,2})\s*[/\-]?\s*\d{4}")),
    ("half", re.compile(r"\d{4}\s*[/\-]?\s*h\s*(\d{1,2})")),
    ("months", re.compile(rf"(\d{{1,2}})\s*t(?:\s*dau(?:\s*nam)?)?(?:{YEAR_SEP})?\d{{4}}")),
    ("months", re.compile(rf"(\d{{1,2}})\s*thang(?:\s*dau(?:\s*nam)?)?{YEAR_SEP}\d{{4}}")),
)
_LAST = {"quarter": 4, "half": 2, "month": 12, "months": 12}


def no_such_span(text: str) -> tuple[str, str] | None:
    """("quarter", "5") for 'Quy 5/2025', ("month", "13") for 'thang 13/2025' or '13/2025',
    ("half", "3") for 'H3/2025', ("months", "13") for '13T/2025': a quarter, month, half
    or first N months typed with a number out of its range, the number as typed (a Roman
    quarter in capitals; a number of months in words, in digits); None for any other text, a period or not."""
    # 'muoi ba thang 2025' is told as '13 thang 2025' is (twenty-ninth session).
    key = months_in_digits(without_realised(fold(text)))
    for kind, pattern in _NO_SUCH:
        m = pattern.fullmatch(key)
        if m:
            number = m[1]
            if not number.isdigit():
                return None if number in ROMAN_QUARTERS else (kind, number.upper())
            return None if 1 <= int(number) <= _LAST[kind] else (kind, number)
    return None
