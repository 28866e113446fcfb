"""A plan's free texts: a target's ``note`` and ``source``, an indicator's ``description``.

Each is read as a name is (``_Reader.localized``): one text, the same in every language,
or ``{en: ..., vi: ...}`` where either language stands in for a missing or blank one and
other language codes are kept beside them; a mapping with no text in it, a control
character or a noncharacter is refused in the words a name's would be, save a key that is
no language (``vn``), said in the field's own words (a name's "give the name as text"
misled an officer who had typed a note). Unlike a name, a
plain empty text is allowed and means none (``note: ""`` always did), so these are
``None`` when not given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

from yaml.nodes import MappingNode, Node, ScalarNode

from ..catalog import msg
from ..plan.model import Text

from .yaml_reader import LANGUAGE
from .yaml_problems import _at, _phrase

if TYPE_CHECKING:
    from .yaml_reader import _Reader
    from .yaml_problems import What

__all__ = ["free_text"]


def free_text(reader: _Reader, keys: Mapping[str, tuple[Node, Node]], where: What, key: str) -> Text | None:
    """The text under ``key`` of the mapping read as ``keys`` (of the indicator or target
    ``where``), or None when it is absent, empty or refused (a refusal is among
    ``reader.problems``)."""
    if key not in keys:
        return None
    node, what = keys[key][1], _at(where, key)
    if isinstance(node, MappingNode):
        if not _languages(reader, node, what, key):
            return None
        found = reader.localized(node, what)
        return (
            None
            if found is None
            else Text(_end(found.en), _end(found.vi), tuple((k, _end(t)) for k, t in found.others))
        )
    value = reader.text(node, what)
    return Text.plain(_end(value)) if value and value.strip() else None


def _end(text: str) -> str:
    """A text without the line break a YAML block scalar (``note: |``) keeps after its last
    line, nor spaces there: the Word report printed it, an empty line under the note."""
    return text.rstrip()


def _languages(reader: _Reader, node: MappingNode, what: What, field: str) -> bool:
    """Whether every key of ``node`` may be a language, as ``reader.localized`` would have
    it; the first that may not (``vn``, the country, typed for ``vi``) is said at its line,
    naming ``field`` (note, source, description) where a name's words would say "name"."""
    for key_node, _ in node.value:
        lang = key_node.value if isinstance(key_node, ScalarNode) else "en"  # localized says it
        if lang not in ("en", "vi") and (lang == "vn" or not LANGUAGE.match(lang)):
            field_words = msg("plan_text_" + field)
            reader.error(key_node, msg("plan_text_language_key", what=_phrase(what), key=lang, field=field_words))
            return False
    return True
