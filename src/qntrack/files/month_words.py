"""The months as Vietnamese writes them in words, after their word "thang" (folded by
``vocabulary.fold``: no marks, lower case): "thang tu nam 2026" is April 2026, as a letter
or a decree dates it, and "ngay 30 thang tu nam 2026" a day of it.

Moved out of files/vocabulary.py (issue 17, thirty-seventh session), which had reached its
500 lines when a month in words became a period as well as part of a day. The words here
are folded, so this module holds no Vietnamese letter (tests/test_architecture.py keeps the
language's words in three files); the catalog and the docs write them with their marks.
Pure: no I/O."""

from __future__ import annotations

import re

__all__ = ["LUNAR_MONTH", "MONTH_WORDS", "QUARTER_WORDS", "months_as_numbers", "named_month", "quarter_past_fourth"]

# The months in words after "thang" (folded): "ngay 30 thang tu nam 2026" (thirty-fifth
# session); "bon", as April is often said beside "tu" (thirty-sixth session).
MONTH_WORDS = {"mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9}
MONTH_WORDS.update({"muoi": 10, "muoi mot": 11, "muoi hai": 12})
# "gieng", "chap" (folded): the lunar calendar's first and last months, never the solar
# January and December: no month of the solar calendar is guessed from them.
LUNAR_MONTH = re.compile(r"\bthang\s+(?:gieng|chap)\b")  # searched in ``fold``'s text

# The quarters in words after "quy" (folded): "quy hai nam 2026" is 2026-Q2, as "quy II nam
# 2026" is (issue 17, thirty-seventh session); "tu", four, as in "thang tu".
QUARTER_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4}

# The longest word first: "muoi hai" (twelve) before "muoi" (ten) and "hai" (two); "muoi-hai"
# with a hyphen is twelve too (thirty-seventh session).
_WORDS = "|".join(sorted((w.replace(" ", r"(?:\s*-\s*|\s+)") for w in MONTH_WORDS), key=len, reverse=True))
_MONTH_WORD = re.compile(r"\bthang\s+(" + _WORDS + r")\b")
# "mong" (or "mung") before a day of the first ten: "ngay mong 2 thang hai".
_DAY_WORD = re.compile(r"\b(?:mong|mung)\s+(?=[0-9])")
# A month in words and its year, the whole text: "thang tu nam 2026", "thang tu/2026",
# "thang tu 2026", "thang muoi hai nam 2026"; "thang nam nam 2026" and "thang nam 2026" are
# May's. A count before it ("6 thang nam 2026", six months of the year) is none of these.
_NAMED_MONTH = re.compile(r"thang\s+(" + _WORDS + r")(?:\s*[/\-,]\s*|\s+)(?:nam\s*)?(\d{4})")
# A quarter in words and its year, the whole text, with the same separators: "quy hai nam
# 2026", "quy ba/2026", "quy bon 2026", "quy mot - 2026".
_NAMED_QUARTER = re.compile(r"quy\s+(" + "|".join(QUARTER_WORDS) + r")(?:\s*[/\-,]\s*|\s+)(?:nam\s*)?(\d{4})")
# A number in words after "quy" that no quarter has, and its year: "quy nam nam 2026", "quy
# muoi/2026", "quy muoi hai 2027" (the fifth, tenth, twelfth quarter; thirty-eighth session),
# and "quy khong nam 2026", zero (pass M2: it was the generic "not a period").
_QUARTER_PAST_FOURTH = re.compile(r"quy\s+(khong|" + _WORDS + r")(?:\s*[/\-,]\s*|\s+)(?:nam\s*)?(\d{4})")


def _number(word: str) -> int:
    return MONTH_WORDS[" ".join(word.replace("-", " ").split())]


def months_as_numbers(folded: str) -> str:
    """``folded`` (``fold``'s) with a month named in words written as its number ("thang tu"
    is "thang 4"; "thang nam nam 2026", May's, "thang 5 nam 2026") and "mong" before a day
    dropped: a day in words read as one written with digits."""
    if "thang" not in folded:
        return folded
    said = _MONTH_WORD.sub(lambda m: f"thang {_number(m[1])}", folded)
    return _DAY_WORD.sub("", said)


def named_month(folded: str) -> str:
    """``folded`` written as a month with its number when the whole of it is a month in
    words and its year ("thang tu nam 2026" is "thang 4/2026", which
    ``vocabulary.vietnamese_period`` reads as 2026-04); any other text as it is (a day, a
    count of months, a lunar month's name, a year of two digits: each told by its own rule).
    A quarter in words and its year likewise: "quy hai nam 2026" is "quy 2/2026" (2026-Q2)."""
    if q := _NAMED_QUARTER.fullmatch(folded):
        return f"quy {QUARTER_WORDS[q[1]]}/{q[2]}"
    m = _NAMED_MONTH.fullmatch(folded)
    return f"thang {_number(m[1])}/{m[2]}" if m else folded


def quarter_past_fourth(folded: str) -> str | None:
    """The year of ``folded`` when the whole of it is a quarter in words with a number past
    four or zero ("quy khong") and a year ("quy nam nam 2026", the fifth quarter of 2026:
    "2026"), which ``files.period_refusals`` tells that a year has four quarters; None for any other text
    (a quarter that is one, "quy hai nam 2026", is read by ``named_month``)."""
    m = _QUARTER_PAST_FOURTH.fullmatch(folded)
    return m[2] if m and (m[1] == "khong" or _number(m[1]) > 4) else None
