"""The ``lost-letters`` check (issue 17, twenty-first session): a source or note of the
store whose Vietnamese letters a program lost or garbled.

An import refuses such a cell (files/garbled.py); the store itself, opened in LibreOffice
Calc, Numbers or Excel and saved in a Western encoding ("S? K? ho?ch", each Vietnamese
letter a '?'), or read once in the wrong encoding and saved again (UTF-8's two bytes of a
letter shown as two Windows-1252 characters), was passed by
``check`` in silence. A warning per row: the figures are sound, the words are not, and
only a copy of the file from before, or the publication, has them.
"""

from __future__ import annotations

from typing import Iterable

from ..catalog import msg
from ..plan.model import Location, Observation, Problem
from .garbled import garbled, lost_letters

__all__ = ["lost_letter_problems"]


def lost_letter_problems(rows: Iterable[Observation], file: str) -> list[Problem]:
    """A warning for each row's source and note that lost letters or is garbled. Each
    distinct text is judged once: a national store repeats its sources."""
    judged: dict[str, tuple[str, str] | bool] = {}
    found = []
    for row in rows:
        for column, text in (("source", row.source), ("note", row.note)):
            if not text or text.isascii() and "?" not in text:
                continue
            verdict = judged.get(text)
            if verdict is None:
                verdict = judged[text] = garbled(text) or lost_letters(text)
            if verdict is False:
                continue
            where = Location(file, row.line)
            if verdict is True:
                said = msg("checks_lost_letters", column=msg(f"checks_column_{column}"), text=text)
            else:
                encoding, reading = verdict
                key = "checks_garbled_utf8" if encoding == "UTF-8" else "checks_garbled_legacy"
                said = msg(key, column=msg(f"checks_column_{column}"), text=text, reading=reading, encoding=encoding)
            found.append(Problem(where, said, "warning", check="lost-letters"))
    return found
