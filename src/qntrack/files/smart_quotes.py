"""Typographic quotes in targets.yaml (issue 17, twenty-first session).

TextEdit's Smart Quotes, on by default on a Mac, types ``"..."`` as ``\u201c...\u201d``,
which YAML reads as letters. A line of the plan holding them and refused, by YAML or by
the plan's rules, now says so (``quote_hints``; yaml_words does the same for YAML's own
errors). ``observations: \u201cobs.csv\u201d`` is valid YAML, the quotes then part of the
name: the store so named was "missing", and an append started a new file named with the
quotes, beside the real one. It is said with the line to write, and no such file is
started (``unquoted_name``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from ..catalog import msg
from ..plan.model import Problem

if TYPE_CHECKING:
    from .yaml_reader import _Reader

__all__ = ["commented_units", "quote_hints", "unquoted_name", "TYPOGRAPHIC"]

# The quotes typed for " and '. The closing single one is left out: it is the apostrophe
# of "People\u2019s", which a name may hold anywhere.
TYPOGRAPHIC = re.compile("[\u201c\u201d\u2018]")

_OPENING = "\u201c\u2018\u201e"
_CLOSING = "\u201d\u2019\u201c"


def unquoted_name(path: Path) -> str | None:
    """``path``'s name without the typographic quotes around it, when it has them."""
    name = path.name
    if len(name) > 2 and name[0] in _OPENING and name[-1] in _CLOSING:
        return name[1:-1]
    return None


def quote_hints(problems: Sequence[Problem], text: str) -> list[Problem]:
    """``problems``, each on a line of ``text`` that holds typographic quotes told so, and
    each of an empty value whose line has a comment in its place ('key: #text') told so."""
    lines = text.splitlines()
    told = []
    for p in problems:
        line = p.location.line or 0
        if 0 < line <= len(lines) and TYPOGRAPHIC.search(lines[line - 1]):
            p = replace(p, message=msg("definitions_yaml_smart_quotes", problem=p.message))
        column = p.location.column or 0
        after = lines[line - 1][column - 1 :].strip() if 0 < line <= len(lines) and column > 1 else ""
        if after.startswith("#") and lines[line - 1][column - 2] == ":":
            # "at_most: #6000": YAML's comment, the value empty (helper M, forty-sixth session).
            p = replace(p, message=msg("definitions_yaml_comment_value", problem=p.message, text=after))
        told.append(p)
    return told


def commented_units(reader: _Reader, text: str) -> list[Problem]:
    """A problem for each unit left empty whose line holds a comment where the value goes,
    'unit: # nguoi' (the sign for "number" before it): an empty unit is valid, the figures
    then written without one, so nothing else said so (forty-seventh session, helper L).
    ``quote_hints`` adds what YAML makes of the '#'. A comment on a line of its own, or
    after a unit written, takes nothing from the value."""
    from .yaml_problems import _phrase

    lines = text.splitlines()
    told = []
    for node, what in reader.empty_units:
        row, column = node.start_mark.line, node.start_mark.column
        if row < len(lines) and lines[row][column:].strip().startswith("#"):
            told.append(Problem(reader.loc(node), msg("definitions_unit_commented", what=_phrase(what))))
    return told
