"""Characters no one sees that change how the text around them is shown: the
bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which
reorder the letters after them, and the zero-width space, joiners and no-break space
(U+200B-U+200D, U+FEFF inside a text), which split or join words unseen. In an id they
let one id display as another ("Trojan source"), so an id holding one is refused, the
character named by its code point where it is; a name may need one (a name in Arabic
inside Vietnamese), so ``check`` warns of it (issue 17, nineteenth session)."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from ..catalog import msg
from ..plan.model import Location, Problem

if TYPE_CHECKING:
    from yaml.nodes import Node

__all__ = ["INVISIBLE", "character_words", "id_problem", "invisible_warnings", "shown"]

INVISIBLE = re.compile("[\u200b-\u200d\u202a-\u202e\u2066-\u2069\ufeff]")
# The same written as a YAML escape in a double-quoted text ("Sh\u2067are"): unseen in
# the name it makes.
_ESCAPED = re.compile(r"\\(?:u|U0000)(200[b-dB-D]|202[a-eA-E]|206[6-9]|[fF][eE][fF][fF])")


def _code(character: str) -> str:
    return f"{ord(character):04X}"


def _name(character: str) -> str:
    return unicodedata.name(character, "").lower()


def character_words(character: str) -> dict[str, str]:
    """The words a message names ``character`` by: its code point and Unicode name."""
    return {"code": _code(character), "name": _name(character)}


def shown(text: str) -> str:
    """``text`` with each such character written as its code ("t<U+202E>x"): echoed as it
    is, it would reorder the message quoting it."""
    return INVISIBLE.sub(lambda m: f"<U+{_code(m.group())}>", text)


def id_problem(file: str, node: Node, kind: str, text: str) -> Problem | None:
    """The refusal of an id (``kind``: indicator, target, dimension) holding such a
    character, at the character: the id's node's line, its column and the character's
    place in the id (one more past an opening quote). None for an id without one."""
    found = INVISIBLE.search(text)
    if found is None:
        return None
    mark = node.start_mark
    quoted = 1 if getattr(node, "style", None) in ("'", '"') else 0  # a scalar's
    where = Location(file, mark.line + 1, mark.column + 1 + quoted + found.start())
    character = found.group()
    said = msg(
        "definitions_invisible_id",
        kind=msg(f"invisible_kind_{kind}"),
        id=shown(text),
        code=_code(character),
        name=_name(character),
    )
    return Problem(where, said)


def invisible_warnings(text: str, file: str) -> list[Problem]:
    """A warning at each such character of targets.yaml's ``text`` (its byte order mark,
    if any, already left out by the reader): check's ``invisible``."""
    problems = []
    found_all = [(m.start(), m.group()) for m in INVISIBLE.finditer(text)]
    if "\\" in text:
        found_all += [(m.start(), chr(int(m[1], 16))) for m in _ESCAPED.finditer(text)]
    for start, character in sorted(found_all):
        line_start = text.rfind("\n", 0, start) + 1
        where = Location(file, text.count("\n", 0, start) + 1, start - line_start + 1)
        said = msg("checks_invisible", code=_code(character), name=_name(character))
        problems.append(Problem(where, said, "warning", check="invisible"))
    return problems
