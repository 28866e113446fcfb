"""The option a mistyped word most likely meant: every did-you-mean of the tool (ids,
keys, columns, units, Open SDG fields) is chosen here, in the core so that the plan's
own rules (a unit's name) can use it too."""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterable

__all__ = ["closest", "closest_unit", "figures", "Hints", "HINT_WORK"]

# The comparisons one run's hints may make, word by option (about half a second): a plan
# of 10,000 indicators whose store holds 2,000 it lacks would otherwise compare 20 million
# pairs on every status (32 s). A plan of 145 indicators still hints its first 1,379.
HINT_WORK = 200_000


def closest(word: str, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The option closest to ``word``, or None when none is close. Case is ignored when
    nothing is close as typed: ``CBCT-SHARE`` finds ``cbct-share``. Of options equally
    close, the first given (a plan's first declared): a national plan numbers its
    targets, and 'x-0000' is as close to x-00000 as to x-09000."""
    options = list(options)
    hint = _closest(word, options, cutoff)
    if hint is not None:
        return hint
    lowered = {o.lower(): o for o in reversed(options)}  # the first option of a lower-case form wins
    hint = _closest(word.lower(), list(dict.fromkeys(o.lower() for o in options)), cutoff)
    return lowered[hint] if hint is not None else None


def closest_unit(word: str, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """``closest`` among the options that hold the figures ``word`` holds, in its order
    (``figures``): a unit's name is misspelt in its letters, never in its figures. difflib
    finds '2020' close to '2025' (0.75) and '15-64' to '15-24', and a figure recorded
    under the unit offered would be another cohort's, another age band's (issue 17,
    forty-first session): a name typed with figures no unit holds, or with none where
    every close unit has some, is offered nothing, and the caller lists the units."""
    said = figures(word)
    return closest(word, [o for o in options if figures(o) == said], cutoff)


# A run of digits, in any script Python reads as digits ('２０２５' is 2025).
_FIGURE = re.compile(r"\d+")


def figures(text: str) -> tuple[str, ...]:
    """The whole numbers written in ``text``, in its order, as their ASCII digits without
    leading zeros ('Nhom 05' holds 5, '15-24' holds 15 and 24, '2O30' holds 2 and 30,
    '２０２５' 2025). Digits, not ints: Python makes no int of more than 4,300 digits, and a
    value typed that long must be told, not end in a ValueError (forty-first session)."""
    return tuple("".join(str(unicodedata.digit(c)) for c in run).lstrip("0") or "0" for run in _FIGURE.findall(text))


def _closest(word: str, options: list[str], cutoff: float) -> str | None:
    """difflib's likeness (``SequenceMatcher.ratio``, its cheap bounds first, as
    ``get_close_matches`` does), keeping the first of a tie where it keeps the greatest text."""
    import difflib

    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    best, score = None, cutoff
    for option in options:
        matcher.set_seq1(option)
        if matcher.real_quick_ratio() >= score and matcher.quick_ratio() >= score:
            ratio = matcher.ratio()
            if ratio > score or (best is None and ratio >= score):
                best, score = option, ratio
    return best


class Hints:
    """``closest`` of many words against one list of options, within ``HINT_WORK``
    comparisons: the words asked first get their hint, and past the bound a word gets
    None, as one with nothing close does (its message is said without a hint). A word
    asked again is answered from memory, at no cost."""

    def __init__(self, options: Iterable[str], work: int | None = None) -> None:
        self._options = list(options)
        self._left = HINT_WORK if work is None else work
        self._said: dict[str, str | None] = {}
        self._names: dict[str, set[str]] | None = None

    def names(self, make: Callable[[], dict[str, set[str]]]) -> dict[str, set[str]]:
        """The options under their other names (an indicator's, folded), made once by
        ``make``: the caller's, which knows how names are compared."""
        if self._names is None:
            self._names = make()
        return self._names

    def __call__(self, word: str) -> str | None:
        if word in self._said:
            return self._said[word]
        if self._left < len(self._options):
            return None
        self._left -= len(self._options)
        hint = self._said[word] = closest(word, self._options)
        return hint
