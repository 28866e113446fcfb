"""An indicator cell in a table's own words: the one indicator whose name, or a target's
name, holds every word of it (issue 17, twenty-ninth session).

An officer's table names its rows as the office writes them (an FDI row "FDI attracted"
where the plan says "FDI attracted in the year", in either language), seldom exactly as
targets.yaml does; the refusal listed the ids, none of which said which one was meant. A cell
whose words (folded: case and diacritics aside) are all in the names of one indicator, or
of targets of that one indicator, is told that indicator and the name; a cell whose words
two indicators' names hold is told nothing more. Only said, never read: a shorter name
may be a part of the indicator the plan does not track. Asked on the refusal path only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..catalog import Message, msg
from .last_plan import LastPlan
from .vocabulary import fold

if TYPE_CHECKING:
    from ..plan.model import Plan

__all__ = ["named_by_prefix", "named_by_words"]

_WORD = re.compile(r"\w+")


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(fold(text)))


def _all_names(plan: Plan) -> tuple[list[tuple[str, str, str]], dict[str, set[int]]]:
    """Every name of the plan's indicators, then of its targets, in both languages, and
    the names each word is in."""
    found: list[tuple[str, str, str]] = []
    for ind in plan.indicators.values():
        found += [(ind.id, "", name) for name in (ind.name.vi, ind.name.en) if name]
    for target in plan.targets:
        if target.name is not None:
            found += [(target.indicator, target.id, name) for name in (target.name.vi, target.name.en) if name]
    by_word: dict[str, set[int]] = {}
    for i, (_, _, name) in enumerate(found):
        for word in _words(name):
            by_word.setdefault(word, set()).add(i)
    return found, by_word


# Made once a plan (last_plan): a national plan's 20,000 names are looked up by word, never
# walked per row.
_names = LastPlan(_all_names)


def named_by_words(plan: Plan, text: str, echoed: str) -> Message | None:
    """What to say of ``text`` (quoted as ``echoed``), no indicator's id or name, when one
    indicator's names (or its targets') hold all its words, or it is the first part of
    ids (``named_by_prefix``); None otherwise."""
    if (told := named_by_prefix(plan, text, echoed)) is not None:
        return told
    words = _words(text)
    if all(word.isdigit() for word in words):
        # Numbers alone name no indicator: a caller's 5 was told fdi, for the "5" of a
        # target's "1.5 billion USD" (thirty-fifth session). None for no word at all.
        return None
    names, by_word = _names(plan)
    numbers = set.intersection(*(by_word.get(word, set()) for word in words))
    matches = [names[i] for i in sorted(numbers)]
    wording = ""
    if not matches:
        # The other way round: a cell holding every word of one indicator's name of two
        # words or more ('Toc do tang truong GRDP' for 'Tang truong GRDP'; forty-fifth
        # session), the office's longer name for it. Said the same way, never read.
        matches = [names[i] for i in sorted(_held(names, by_word, words))]
        wording = "_held"
    if len({indicator for indicator, _, _ in matches}) != 1:
        return None
    # The name in the cell's language when there are both: a cell with a letter beyond
    # ASCII is Vietnamese (the plan's vi names come first), else the English one first.
    if text.isascii():
        matches.sort(key=lambda entry: not entry[2].isascii())
    indicator, target, name = matches[0]
    if target:
        return msg(
            "recording_unknown_indicator_words_target" + wording,
            indicator=echoed,
            id=indicator,
            target=target,
            name=name,
        )
    return msg("recording_unknown_indicator_words" + wording, indicator=echoed, id=indicator, name=name)


def _held(names: list[tuple[str, str, str]], by_word: dict[str, set[int]], words: frozenset[str]) -> set[int]:
    """The names of two words or more (not numbers alone) all of whose words are in ``words``."""
    hits: dict[int, int] = {}
    for word in words:
        for i in by_word.get(word, ()):
            hits[i] = hits.get(i, 0) + 1
    held = set()
    for i, count in hits.items():
        own = _words(names[i][2])
        if count == len(own) and len(own) >= 2 and not all(w.isdigit() for w in own):
            held.add(i)
    return held


# An id's first parts, up to each '_', '-' or '.' ('grdp' and 'grdp_per' of grdp_per_capita),
# in lower case, each with the ids that begin with it, in the plan's order.
def _heads(plan: Plan) -> dict[str, list[str]]:
    heads: dict[str, list[str]] = {}
    for ident in plan.indicators:
        lowered = ident.lower()
        for at, ch in enumerate(lowered):
            if ch in "_-." and at:
                heads.setdefault(lowered[:at], []).append(ident)
    return heads


_by_head = LastPlan(_heads)
_SHOWN = 10  # ids listed at most; a national plan's 'sdg' begins 145 of them


def named_by_prefix(plan: Plan, text: str, echoed: str) -> Message | None:
    """What to say of ``text``, the first part of an id or of several ('grdp' of
    grdp_growth, grdp_vnd, grdp_per_capita; session 47): the one id, as a hint, or each
    that begins so, where difflib offered one of several as the closest, or none. None
    when no id begins with it."""
    from ..catalog import Figure

    ids = _by_head(plan).get(text.strip().lower())
    if not ids:
        return None
    if len(ids) == 1:
        return msg("recording_unknown_indicator_hint", indicator=echoed, hint=ids[0])
    listed = ", ".join(ids[:_SHOWN]) + (", ..." if len(ids) > _SHOWN else "")
    return msg("recording_unknown_indicator_prefix", indicator=echoed, count=Figure(len(ids)), ids=listed)
