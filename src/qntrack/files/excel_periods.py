"""A period Excel turned into a date, as its cell shows it ('2025-04' became '01/04/2025',
'4/1/2025', 'Apr-25', 'Thg4-25' or '2025-04-01'): the period it probably was. Moved out
of files/vocabulary.py (at its size limit, issue 17, twenty-ninth session); its words are
Excel's month names, no Vietnamese.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["excel_date"]

_MONTHS = {
    m: i
    for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)
}


# Pure, and asked of every cell of an import: remembered, within a bound (issue 17).
@lru_cache(maxsize=1 << 14)
def excel_date(text: str) -> str | None:
    """If ``text`` is a date Excel made of a period ('2025-04' became '01/04/2025',
    '4/1/2025', 'Apr-25' or '2025-04-01'), the period it probably was ('' if unclear)."""
    raw = text.strip()
    m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?", raw)
    if m:
        a, b, year = int(m[1]), int(m[2]), m[3]
        # Excel fills in day 1: dd/mm (Vietnamese settings) or m/d (US settings).
        month = b if a == 1 and 1 <= b <= 12 else a if b == 1 and 1 <= a <= 12 else 0
        return f"{year}-{month:02d}" if month else ""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?", raw)
    if m and 1 <= int(m[2]) <= 12:
        return f"{m[1]}-{m[2]}"
    m = re.fullmatch(r"([A-Za-z]{3})[- ](\d{2}|\d{4})", raw)
    if m and m[1].lower() in _MONTHS:
        year = m[2] if len(m[2]) == 4 else f"20{m[2]}"
        return f"{year}-{_MONTHS[m[1].lower()]:02d}"
    # The same mmm-yy under Vietnamese settings: Windows' short month names are Thg1 to
    # Thg12 ('Thg3-26'), CLDR's 'thg 3'.
    m = re.fullmatch(r"[Tt]hg ?(\d{1,2})[- ](\d{2}|\d{4})", raw)
    if m and 1 <= int(m[1]) <= 12:
        year = m[2] if len(m[2]) == 4 else f"20{m[2]}"
        return f"{year}-{int(m[1]):02d}"
    return None
