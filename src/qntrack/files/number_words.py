"""The number of months from January in words, as a report's title writes it, folded
(files.vocabulary.fold): "sau thang dau nam 2026" is 6 thang (issue 17, twenty-ninth
session). Moved out of files/vocabulary.py, which had reached its 500 lines. Pure.

Up to nineteen: twelve make a year, and a number above it (muoi ba thang 2025, written
for 13 thang 2025) is read as its digits so that it is told what 13 is told (no first N
months has N over 12: files.spans_out_of_range), never the generic "not a period"."""

from __future__ import annotations

import re

__all__ = ["months_in_digits"]

# "nam" before "thang" is five (the year's word comes after the months); "tu" is four as
# "bon" is, and "lam" is the five of fifteen.
_ONES = dict(zip("mot hai ba bon tu nam sau bay tam chin".split(), (1, 2, 3, 4, 4, 5, 6, 7, 8, 9), strict=True))
_WORDS = {**_ONES, "muoi": 10, "muoi mot": 11, "muoi lam": 15}
_WORDS |= {f"muoi {w}": 10 + n for w, n in _ONES.items() if w not in ("mot", "nam")}
_WORDS["muoi nam"] = 15
_IN_WORDS = re.compile(rf"({'|'.join(sorted(_WORDS, key=len, reverse=True))})(?= thang\b)")


def months_in_digits(key: str) -> str:
    """``key`` (folded) with a number of months in words at its start written in digits
    ('sau thang dau nam 2026' → '6 thang dau nam 2026'); any other text as it is."""
    words = _IN_WORDS.match(key)
    return f"{_WORDS[words[1]]}{key[len(words[1]) :]}" if words else key
