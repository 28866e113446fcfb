"""The periods an English document writes ("March 2026", "Jan-Sep 2025", "first half of
2025"), as patterns on ``vocabulary.fold``'s text: built from the catalog's words for a
report's periods (output/period_words.py), so that a figure copied from an English report
imports as one from a Vietnamese does. ``vocabulary.vietnamese_period`` asks here after
its own forms; moved out of vocabulary.py whole (its 500-line rule).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .vocabulary import fold

__all__ = ["english_day", "english_document_periods", "full_year"]


@lru_cache(maxsize=1)
def english_document_periods() -> tuple[tuple[re.Pattern[str], int, int], ...]:
    """Every form an English document writes a period in (the catalog's ``period_words_*``,
    long and short: output/period_words.py), as a pattern on ``fold``'s text with its span."""
    from ..catalog import catalog

    spans = {"year": (1, 12), "half_1": (1, 6), "half_2": (7, 12)}
    spans |= {f"quarter_{q}": (3 * q - 2, 3 * q) for q in range(1, 5)}
    spans |= {f"month_{m}": (m, m) for m in range(1, 13)}
    spans |= {f"first_{n}": (1, n) for n in range(2, 12)}  # no first_3 or first_6: Q1, H1
    words = catalog("en")
    made = []
    # January to any month, long or short ("January–March 2025", "Jan-Jun 2025", "Jan-Dec
    # 2025"), from the months' own words: the spans a report writes otherwise (3 months as
    # Q1, 6 as H1, 12 as the year) are still how another office's tool writes them.
    for short in ("", "_short"):
        months = [
            fold(words.get(f"period_words_month_{m}{short}", "")).replace("{year}", "").strip() for m in range(1, 13)
        ]
        if all(months):
            for n in range(2, 13):
                made.append((re.compile(rf"{re.escape(months[0])}\s*-\s*{re.escape(months[n - 1])}\s*(\d{{4}})"), 1, n))
    for kind, (first, last) in spans.items():
        for name in (f"period_words_{kind}", f"period_words_{kind}_short"):
            template = words.get(name)
            if template:
                text = fold(template).replace("\u2013", "-").replace("\u2014", "-")
                pattern = r"\s*".join(re.escape(part) for part in text.split())
                pattern = pattern.replace(re.escape("{year}"), r"(\d{4})").replace(r"\-", r"\s*-\s*")
                made.append((re.compile(pattern), first, last))
    return tuple(made)


def full_year(typed: str) -> str:
    """A year as typed, its two digits read as Excel reads them ("25" is 2025, "30" 1930:
    00-29 the 2000s, 30-99 the 1900s; forty-seventh session); four digits as they are.
    The one place the rule is written, for every reader of a short date."""
    if len(typed) != 2:
        return typed
    return str(int(typed) + (2000 if int(typed) < 30 else 1900))


@lru_cache(maxsize=1)
def _english_days() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int]]:
    """A day in English words, month first ("Nov 27, 2023", "November 27th 2023") and day
    first ("27 Nov 2023", "27th of November, 2023"), on lower-case text; and each month's
    name, long and short (the catalog's, with "Sept"), by its number."""
    from ..catalog import catalog

    words = catalog("en")
    months: dict[str, int] = {"sept": 9}
    for m in range(1, 13):
        for short in ("", "_short"):
            name = words.get(f"period_words_month_{m}{short}", "").replace("{year}", "").strip().lower()
            if name:
                months[name] = m
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    day = r"([0-9]{1,2})(?:st|nd|rd|th)?"
    # A weekday before it ("Monday, November 27, 2023"); dashes as Excel's d-mmm-yyyy and
    # d-mmm-yy formats show a date (27-Nov-2023, 27-Nov-23), its two digits read as Excel
    # reads them (00-29 the 2000s).
    weekday = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s*)?"
    month_first = re.compile(rf"{weekday}({names})\.?[\s-]*{day}\s*[,-]?\s*([0-9]{{4}})")
    day_first = re.compile(rf"{weekday}{day}[\s-]*(?:of\s+)?({names})\.?\s*[,-]?\s*([0-9]{{4}}|[0-9]{{2}})")
    return month_first, day_first, months


def english_day(text: str) -> tuple[str, str, str] | None:
    """The year, month and day, as digits, of a day an English document writes in words
    ("Nov 27, 2023", "27 November 2023"), whether or not the calendar has it; None for
    anything else (forty-seventh session: '--as-of "Nov 27, 2023"' was told another day
    as an example)."""
    if not text.isascii():
        return None
    month_first, day_first, months = _english_days()
    typed = " ".join(text.lower().split())
    if found := month_first.fullmatch(typed):
        return found[3], str(months[found[1]]), found[2]
    if found := day_first.fullmatch(typed):
        return full_year(found[3]), str(months[found[2]]), found[1]
    return None
