"""A unit's two languages compared (``unit: {en: ..., vi: ...}``): the size its words give
the figures (million, billion) and what they count (a currency, per cent). A unit whose
languages disagree prints every figure as two quantities: "590 million USD" in English and
590 billion USD in the Vietnamese report, a thousand times more, in silence (forty-third
session, helper N). Only what both languages say is compared: a side that names no size or
no currency is not told. Pure; the Vietnamese words are vocabulary's."""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from ..catalog import Message, msg
from .vocabulary import (
    UNIT_COUNTS_VI,
    UNIT_CURRENCIES_VI,
    UNIT_NOT_SIZE_VI,
    UNIT_PERCENT_VI,
    UNIT_RATE_VI,
    UNIT_SIZES_VI,
    fold,
    unit_words,
)

__all__ = ["kinds_differ", "sizes_apart", "sizes_differ"]

# The words of a unit that give its figures' size, as a power of ten, in either language.
_SIZE_WORDS = {
    "thousand": 3, "thousands": 3, "million": 6, "millions": 6, "mn": 6, "mln": 6,
    "billion": 9, "billions": 9, "bn": 9, "bln": 9, "trillion": 12, "trillions": 12,
    **UNIT_SIZES_VI, **{fold(word): power for word, power in UNIT_SIZES_VI.items()},
}  # fmt: skip
# Words before a size word that make it the denominator of a rate ("per thousand births");
# each Vietnamese word also folded, as ``unit_words`` gives it to ``sizes_apart``.
_RATE_WORDS = frozenset({"per", "/", *UNIT_RATE_VI, *map(fold, UNIT_RATE_VI)})
# Words after the Vietnamese billion that make it another word (a rate, a share).
_NOT_A_SIZE = frozenset({*UNIT_NOT_SIZE_VI, *map(fold, UNIT_NOT_SIZE_VI)})


def _size(unit: str) -> int:
    """The power of ten a unit's size words give its figures (0: none): a thousand billion, 12."""
    words = re.findall(r"\w+|/", unicodedata.normalize("NFC", unit).lower())
    power = 0
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        if word in _SIZE_WORDS and (i == 0 or words[i - 1] not in _RATE_WORDS) and after not in _NOT_A_SIZE:
            power += _SIZE_WORDS[word]
    return power


def sizes_differ(en: str, vi: str) -> dict[str, object] | None:
    """The two units and their sizes when both give a size and the sizes differ: one figure
    written "590 million USD" in English and 590 billion USD in Vietnamese, a thousand times
    more (forty-third session, helper N). None when they agree, or one gives none."""
    a, b = _size(en), _size(vi)
    if not a or not b or a == b:
        return None
    return dict(en=en, vi=vi, en_size=_size_words(a), vi_size=_size_words(b))


def sizes_apart(given: str, unit: str) -> int | None:
    """The power of ten a unit cell's figures are beside the plan's unit where the two name
    one thing in two sizes ('ty USD' against 'trieu USD': 3; 'trieu dong' against 'ty dong':
    -3), else None: the words left once the size words are taken out (folded) must be the
    same, so that no other currency or count is given a factor (forty-fifth session)."""
    # Each word first spelt as targets.yaml spells it (``unit_words``): the yearbook's "Ty
    # do la My" is "ty usd", a narrow column's "Tr.USD" "trieu usd" (forty-sixth session).
    given, unit = unit_words(given), unit_words(unit)
    a, b = _size(given), _size(unit)
    if a == b:  # one of them may have no size word: 'nguoi' against 'nghin nguoi'
        return None

    def rest(text: str) -> list[str]:
        return [w for w in re.findall(r"\w+|[/$€₫%]", text) if w not in _SIZE_WORDS]

    left = rest(given)
    return a - b if left and left == rest(unit) else None


def _size_words(power: int) -> Message:
    return msg(f"unit_size_{power}") if power in (3, 6, 9, 12) else msg("unit_size_other", power=power)


# The currencies a unit may name, by the words and signs either language writes them with.
_CURRENCIES = {
    "usd": "usd", "dollar": "usd", "dollars": "usd", "$": "usd",
    "vnd": "vnd", "dong": "vnd", "₫": "vnd", **UNIT_CURRENCIES_VI,
    "eur": "eur", "euro": "eur", "euros": "eur", "€": "eur",
}  # fmt: skip
_PERCENT = frozenset({"%", "percent", "pct"})


def _kind(unit: str, vietnamese: bool = False) -> str | None:
    """What a unit counts, where its words say it: one currency, else per cent, else what
    its numerator counts (``_counts``: weight, people, households, an area); None when they
    say none (or two currencies, a rate of exchange). ``vietnamese``: the unit's Vietnamese
    form."""
    words = re.findall(r"\w+|[$€₫%]", unicodedata.normalize("NFC", unit).lower())
    found = {_CURRENCIES[w] for w in words if w in _CURRENCIES}
    if len(found) == 1:
        return found.pop()
    per_cent = any(w in _PERCENT for w in words) or "per cent" in " ".join(words) or UNIT_PERCENT_VI in " ".join(words)
    if found or per_cent:
        return "percent" if not found else None
    return _counts(unit, vietnamese)


# What a unit's figures count, by the words either language writes (forty-third session's
# leftover): a block copied from another indicator with one language's unit left as it was
# ("million tonnes" beside the Vietnamese for "million visitors") printed every figure as
# two quantities. The Vietnamese words folded (vocabulary.fold), as later modules keep
# them: tan (tonnes), nguoi and dan (people), ho (households), hec (hec-ta).
_COUNTS = {
    "tonne": "mass", "tonnes": "mass", "ton": "mass", "tons": "mass", "kg": "mass",
    "kilogram": "mass", "kilograms": "mass",
    "person": "people", "persons": "people", "people": "people", "inhabitants": "people",
    "household": "households", "households": "households",
    "ha": "area", "hectare": "area", "hectares": "area", "km2": "area", "km²": "area",
}  # fmt: skip
# Folded, for a unit typed without its marks ("ho gia dinh"); one typed with them is read
# with them (UNIT_COUNTS_VI): a lake's word folds to "ho", households' too, and a herd's to
# "dan", people's too (forty-fourth session's leftover).
_COUNTS_VI = {**_COUNTS, "tan": "mass", "nguoi": "people", "dan": "people", "ho": "households", "hec": "area"}
_COUNTS_MARKED = {**_COUNTS, **UNIT_COUNTS_VI}
# Words that end a unit's numerator: "tonnes per person" counts tonnes (tren, moi: folded).
_DENOMINATOR = frozenset({"per", "/", "tren", "moi"})
# Words that make a count of people one of visits or times ("person-trips"; luot, lan).
_VISITS = frozenset({"trips", "visits", "arrivals", "times", "luot", "lan"})
# Words that make a count a share of it, per cent or not ("share of households", "ty le
# ho": a ratio of households; pass G): what the share is of is no quantity of its own.
_SHARES = frozenset({"share", "shares", "proportion", "percentage", "rate", "ratio"})
_SHARES_VI = frozenset(fold(w) for w in UNIT_NOT_SIZE_VI[:2])  # after ty: a ratio, a share


def _counts(unit: str, vietnamese: bool) -> str | None:
    """What the numerator of ``unit`` counts, where one word says it (the first such); None
    when none does, or a word makes it a count of visits. ``vietnamese``: the unit's
    Vietnamese form, read folded with the Vietnamese words besides the English ones."""
    text = unicodedata.normalize("NFC", unit).lower()
    marked = vietnamese and not text.isascii()
    words = re.findall(r"\w+|/", text)
    folded = [fold(w) for w in words] if vietnamese else words
    end = next((i for i, w in enumerate(folded) if w in _DENOMINATOR), len(words))
    if any(w in _VISITS or w in _SHARES for w in folded[:end]):
        return None
    if vietnamese and any(a == "ty" and b in _SHARES_VI for a, b in pairwise(folded[:end])):
        return None
    table = _COUNTS_MARKED if marked else _COUNTS_VI if vietnamese else _COUNTS
    return next((table[w] for w in (words if marked else folded)[:end] if w in table), None)


def kinds_differ(en: str, vi: str) -> dict[str, object] | None:
    """The two units and what each counts when both say it and they differ: '590 million
    USD' beside 590 million dong, twenty-five thousand times less (forty-third session)."""
    a, b = _kind(en), _kind(vi, vietnamese=True)
    if a is None or b is None or a == b:
        return None
    return dict(en=en, vi=vi, en_kind=msg(f"unit_kind_{a}"), vi_kind=msg(f"unit_kind_{b}"))
