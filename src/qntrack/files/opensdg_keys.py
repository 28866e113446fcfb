"""A key an Open SDG file gives twice (a metadata file's front matter, config_data.yml, a
translation): PyYAML keeps the later value in silence, and so did the import (issue 17,
thirty-seventh session). Where the key decides the figures imported or how they are judged
(a unit, a progress option's target, which files are read) nothing is imported: which value
the office meant cannot be guessed. Elsewhere (a name, a description, a source) the later
value is used and a warning names both (docs/formats.md, "Open SDG")."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Sequence

from ..catalog import msg
from ..plan.model import Location, Problem

if TYPE_CHECKING:
    from yaml import MarkedYAMLError

    from .yaml_nodes import Twice

__all__ = ["keys_said", "decides", "merge_refused", "utf16_refused", "yaml_refused"]

# A metadata file's keys that decide what is imported or how it is judged, at its top level.
_META = frozenset({"computation_units", "auto_progress_calculation", "progress_calculation_options"})
# config_data.yml's keys that decide which files and columns are read, with all under them.
_CONFIG = frozenset({"src_dir", "inputs", "non_disaggregation_columns", "observation_attributes"})


def decides(file: str, path: Sequence[str], key: str) -> bool:
    """Whether ``key`` (under the keys ``path``) of ``file`` decides figures or their judging:
    a progress option's every key, a metadata file's unit and options, config_data.yml's
    folders and columns. Nothing in a translation does (it names things), meta/<lang>/'s
    unit neither (thirty-seventh session: refused as the main file's was)."""
    top = path[0] if path else key
    where = PurePath(file)
    if where.name == "config_data.yml":
        return top in _CONFIG
    # A translation names things: translations/<lang>/, and meta/<lang>/X.md, whose
    # computation_units is the unit's label in that language, read as text only
    # (opensdg_meta_text); the figures' unit and options are the main file's.
    if "translations" in where.parts or where.parent.name != "meta":
        return False
    return top in _META


def keys_said(found: Any, twice: Sequence[Twice], file: str, first_line: int, problems: list[Problem]) -> Any:
    """``found`` (what the YAML of ``file`` read to, its text starting at line ``first_line``),
    with each key given twice said in ``problems``: an error where the key decides figures,
    else a warning (severity "warning": read_repository passes those on as warnings)."""
    for t in twice:
        if t.merge:
            # Two merges in one mapping: PyYAML lets the second's keys win, where a list of
            # anchors lets the first's; which was meant cannot be guessed (forty-second session).
            where = Location(file, first_line - 1 + t.line)
            problems.append(Problem(where, msg("opensdg_yaml_merge_twice", first_line=first_line - 1 + t.first_line)))
            continue
        if _same(t.first, t.value):
            continue  # the same value twice: nothing is lost or chosen
        where = Location(file, first_line - 1 + t.line)
        said = dict(key=t.key, first=t.first, first_line=first_line - 1 + t.first_line, value=t.value)
        if decides(file, t.path, t.key):
            problems.append(Problem(where, msg("opensdg_key_twice_refused", **said)))
        else:
            problems.append(Problem(where, msg("opensdg_key_twice", **said), "warning"))
    return found


def _same(first: str, second: str) -> bool:
    """Whether two values as written are one: the same text, or one number written two ways
    ("5" and "5.0", both the number 5 to YAML and to the import; thirty-seventh session,
    pass F: refused as if which was meant could not be guessed)."""
    if first == second:
        return True
    import math

    try:
        a, b = float(first), float(second)
    except ValueError:
        return False
    return a == b and math.isfinite(a)


def yaml_refused(exc: MarkedYAMLError, text: str, file: str, first_line: int) -> Problem:
    """PyYAML's refusal of ``text`` (``file``'s YAML from line ``first_line``), said as
    targets.yaml's YAML is, in the reader's language, at its line and column; a merge key
    that cannot merge (``<<: 5``) at the key, in the catalog's words."""
    from .yaml_words import yaml_problem

    line, col, said = yaml_problem(exc, text)
    where = Location(file, first_line - 1 + line, col) if line else Location(file, 0)
    return merge_refused(text, file, first_line) or Problem(where, msg("opensdg_bad_yaml", problem=said))


def merge_refused(text: str, file: str, first_line: int) -> Problem | None:
    """A merge key (``<<``) whose value is not a mapping or a list of mappings, said at the
    key's line in the reader's words: PyYAML refuses it in its own English, at the value
    (forty-second session). None when ``text`` has no such key; looked for only after
    PyYAML refused ``text``, and only when it holds ``<<``."""
    if "<<" not in text:
        return None
    import yaml
    from yaml.nodes import MappingNode, SequenceNode

    from .yaml_nodes import merge_pairs

    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError):
        return None
    for key_node, value in merge_pairs(root) if root is not None else []:
        items = value.value if isinstance(value, SequenceNode) else [value]
        if not all(isinstance(item, MappingNode) for item in items):
            return Problem(Location(file, first_line + key_node.start_mark.line), msg("opensdg_yaml_merge_value"))
    return None


def utf16_refused(data: bytes, file: str, problems: list[Problem]) -> bool:
    """Whether a metadata, configuration or translation file is UTF-16 text (Notepad's
    "Unicode"), then so told in ``problems``: "not UTF-8", a stray U+0000 or "no front
    matter" (its '---' is there, in UTF-16) sent the reader elsewhere (forty-sixth session)."""
    from .store import looks_like_utf16

    if (data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:512]) and looks_like_utf16(data):
        problems.append(Problem(Location(file, 0), msg("opensdg_meta_utf16")))
        return True
    return False
