"""A range typed where one figure goes: "6-7%", "6–7", "6 to 7" (issue 17, twentieth session).

A resolution sets export growth at "6-7% a year"; a target and a figure are each one
number, so such a text is said as a range, with the figure to write, never as "not a
number". Only two numbers joined by a hyphen, a dash, a tilde or a word ("to", and its
Vietnamese words), each perhaps with a per cent sign, perhaps after "from" or "about" (or
their Vietnamese words, "tu 6,5 den 7" with its marks): a negative figure ("-1.2"), a period
("2025-09", "12-2025", "2021-2025") or two whole numbers the higher first ("7-6", a day and
a month as much as a range) is no range. The higher end first with a decimal or a per cent
sign ("7 - 6,5 %", as a resolution may write it) is one, its ends put in order (forty-sixth
session, helper M: it was told "not a number; write a decimal like 12.5").
"""

from __future__ import annotations

import re

__all__ = ["range_ends"]

_NUMBER = r"\d+(?:[.,]\d+)?"
_RANGE = re.compile(
    rf"\s*(?:(?:from|about|around|t\u1eeb|kho\u1ea3ng)\s+)?([+]?{_NUMBER})\s*%?\s*(?:[-\u2010-\u2015~]|to|\u0111\u1ebfn|t\u1edbi)\s*({_NUMBER})\s*%?\s*",
    re.IGNORECASE,
)


def range_ends(text: str) -> tuple[str, str] | None:
    """The two ends of a range as numbers with a decimal point (``6,5-7``: 6.5 and 7), or None."""
    found = _RANGE.fullmatch(text.replace("\u2212", "-"))
    if found is None:
        return None
    low, high = (end.lstrip("+").replace(",", ".") for end in found.groups())
    if float(low) > float(high) and ("%" in text or not (low.isdigit() and high.isdigit())):
        low, high = high, low  # "7 - 6,5 %": the higher end first, the range all the same
    if float(low) >= float(high) or _a_date(*found.groups()):
        return None
    return low, high


def _a_year(end: str) -> bool:
    return len(end) == 4 and end.isdigit() and 1900 <= int(end) <= 2100


def _a_date(low: str, high: str) -> bool:
    """Whether the two ends are a month and its year ("12-2025") or two years
    ("2021-2025"): a period typed in a figure's place, not a range (last review, twentieth
    session). A year is four digits from 1900 to 2100, a month one or two up to 12."""
    if not _a_year(high):
        return False
    return _a_year(low) or (low.isdigit() and len(low) <= 2 and 1 <= int(low) <= 12)
