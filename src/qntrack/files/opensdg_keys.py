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
    from .yaml_nodes import Twice

__all__ = ["keys_said", "decides"]

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
