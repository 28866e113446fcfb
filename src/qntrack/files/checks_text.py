"""The ``lost-letters`` check (issue 17, twenty-first session): a source or note of the
store whose Vietnamese letters a program lost or garbled.

An import refuses such a cell (files/garbled.py); the store itself, opened in LibreOffice
Calc, Numbers or Excel and saved in a Western encoding ("S? K? ho?ch", each Vietnamese
letter a '?'), or read once in the wrong encoding and saved again (UTF-8's two bytes of a
letter shown as two Windows-1252 characters), was passed by
``check`` in silence. A warning per row: the figures are sound, the words are not, and
only a copy of the file from before, or the publication, has them.

The ``invisible`` check's rows of the store (twenty-second session): a source or note
holding a bidirectional control or a zero-width character, which a hand edit or a paste
leaves. A terminal shows it by its code (output.terminal_text), but a report in a browser,
a Word document or a program reading the csv shows the text reordered or split.
"""

from __future__ import annotations

from operator import attrgetter
from typing import AbstractSet, Sequence

from ..catalog import msg
from ..plan.model import Location, Observation, Problem
from .garbled import garbled, lost_letters
import unicodedata

from .invisible import INVISIBLE, character_words

__all__ = ["invisible_problems", "lost_letter_problems", "row_texts", "unneeded_at"]

_SOURCE, _NOTE = attrgetter("source"), attrgetter("note")


def row_texts(rows: Sequence[Observation]) -> set[str]:
    """Every distinct source and note of ``rows``, gathered in C: what both rules below
    judge, gathered once for both (a national store's million rows: two set
    comprehensions each took 40 ms; issue 17, thirty-first session)."""
    texts = set(map(_SOURCE, rows))
    texts.update(map(_NOTE, rows))
    return texts


def lost_letter_problems(
    rows: Sequence[Observation], file: str, texts: AbstractSet[str] | None = None
) -> list[Problem]:
    """A warning for each row's source and note that lost letters or is garbled. Each
    distinct text is judged once, and the rows are gone through again only when one is
    found: a national store repeats its sources, and nearly always has none. ``texts``:
    every source and note of ``rows`` (more does no harm: a text no row holds is never
    said), when known (``row_texts``, the store reader's ``Distinct.texts``)."""
    if texts is None:
        texts = row_texts(rows)
    from .figures import excel_error

    bad: dict[str, tuple[str, str] | bool | None] = {}
    for text in texts:
        if text and excel_error(text):
            # '#REF!', '#N/A': a formula's cell saved as its error value, the words lost
            # whole, which an import refuses at the cell (the lead, thirty-fifth session).
            bad[text] = None
        elif text and not (text.isascii() and "?" not in text):
            verdict = garbled(text) or lost_letters(text)
            if verdict:
                bad[text] = verdict
    if not bad:
        return []
    found = []
    for row in rows:
        for column, text in (("source", row.source), ("note", row.note)):
            if text not in bad:
                continue
            told = bad[text]
            if told is None:
                said = msg("checks_excel_error", column=msg(f"checks_column_{column}"), text=text)
            elif not isinstance(told, tuple):
                said = msg("checks_lost_letters", column=msg(f"checks_column_{column}"), text=text)
            else:
                encoding, reading = told
                key = "checks_garbled_utf8" if encoding == "UTF-8" else "checks_garbled_legacy"
                said = msg(key, column=msg(f"checks_column_{column}"), text=text, reading=reading, encoding=encoding)
            found.append(Problem(Location(file, row.line), said, "warning", check="lost-letters"))
    return found


def invisible_problems(rows: Sequence[Observation], file: str, texts: AbstractSet[str] | None = None) -> list[Problem]:
    """A warning for each row's source and note holding a character ``INVISIBLE`` finds,
    naming the first. Each distinct text is judged once, as for lost letters; ``texts``
    as ``lost_letter_problems`` takes them."""
    if texts is None:
        texts = row_texts(rows)
    bad = {text: hit for text in texts if text and not text.isascii() and (hit := _unneeded(text)) is not None}
    if not bad:
        return []
    problems = []
    for row in rows:
        for column, text in (("source", row.source), ("note", row.note)):
            if text in bad:
                said = msg(f"checks_invisible_{column}", **character_words(bad[text]))
                problems.append(Problem(Location(file, row.line), said, "warning", check="invisible"))
    return problems


# What a text may need of those characters (twenty-second session's review): a joiner
# (U+200C, U+200D) between two letters of a script that joins them (Arabic, Persian,
# Indic) or two parts of an emoji (a family, a skin tone); an isolate (U+2066-U+2068)
# closed by U+2069 with no override or embedding inside, how Unicode asks a name in
# Arabic or Hebrew to be set in a left-to-right text, which nothing outside it reorders.
_JOINERS = "\u200c\u200d"
_JOINED = frozenset({"Lo", "Mn", "Mc", "So", "Sk"})  # a Latin letter (Ll, Lu) joins nothing
_OPENS, _CLOSES = "\u2066\u2067\u2068", "\u2069"


def _unneeded(text: str) -> str | None:
    """The first character ``INVISIBLE`` finds in ``text`` that the text does not need."""
    found = unneeded_at(text)
    return text[found[0]] if found else None


def unneeded_at(text: str) -> list[int]:
    """Where ``text`` holds a character ``INVISIBLE`` finds that the text does not need,
    in order: what a document shows by its code (output/document_text.py)."""
    open_at: list[int] = []
    paired: set[int] = set()
    for i, c in enumerate(text):
        if c in _OPENS:
            open_at.append(i)
        elif c in _CLOSES and open_at:
            start = open_at.pop()
            if not any("\u202a" <= x <= "\u202e" for x in text[start:i]):
                paired.update((start, i))
    found = []
    for hit in INVISIBLE.finditer(text):
        i, c = hit.start(), hit.group()
        if i in paired:
            continue
        if c in _JOINERS and 0 < i < len(text) - 1:
            if {unicodedata.category(text[i - 1]), unicodedata.category(text[i + 1])} <= _JOINED:
                continue
        found.append(i)
    return found
