"""An imported figure with words ('1.2 billion') or a '%' sign told the unit its row's
indicator is declared in, as the command line tells a typed one (cli/typed_words.py):
the table's reader knows no plan, so its refusal said "the unit declared for the
indicator"; here, where the plan and the row's indicator are both known, the words name
them (issue 17, twenty-sixth session). A row whose indicator the plan lacks, or whose
indicator declares no unit, keeps the general words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

if TYPE_CHECKING:
    from ..plan.model import Plan, Problem

__all__ = ["naming_units", "indicator_unit"]

# The general refusal, and the one naming the indicator and its unit.
_TOLD = {
    "import_value_words": "import_value_words_unit",
    "import_value_percent": "import_value_percent_unit",
    "import_value_words_in_period": "import_value_words_in_period_unit",
    "import_value_percent_in_period": "import_value_percent_in_period_unit",
}


def naming_units(plan: Plan, problems: Sequence[Problem], candidates: Sequence[Any]) -> list[Problem]:
    """``problems`` with each figure refused for its words or '%' sign naming its row's
    indicator and unit. ``candidates``: the table's (location, cells) pairs, a refused
    figure's row among them (with a stand-in value), matched by file and line (and, in a
    wide table, period)."""
    from dataclasses import replace

    from ..catalog import Message

    told = [p for p in problems if isinstance(p.message, Message) and p.message.id in _TOLD]
    if not told:
        return list(problems)
    rows: dict[tuple[str, int, str], str] = {}
    for where, cells in ((c[0], c[1]) for c in candidates):
        key = (getattr(where, "file", ""), getattr(where, "line", 0), str(cells.get("period", "")))
        rows.setdefault(key, str(cells.get("indicator", "")))
    out = []
    for p in problems:
        said = p.message
        if isinstance(said, Message) and said.id in _TOLD:
            params = dict(said.params)
            period = str(params.get("period", "")) if said.id.endswith("_in_period") else ""
            key = (p.location.file, p.location.line, period)
            indicator = rows.get(key) if period else next((v for k, v in rows.items() if k[:2] == key[:2]), None)
            named = _with_unit(plan, said, indicator) if indicator else None
            if named is not None:
                p = replace(p, message=named)
        out.append(p)
    return out


def _with_unit(plan: Plan, said: Any, text: str) -> Any:
    """``said`` naming the indicator ``text`` names and its unit; None when the plan has no
    such indicator or it declares no unit."""
    from ..catalog import Message

    named = indicator_unit(plan, text)
    if named is None:
        return None
    params = dict(said.params, indicator=named[0], unit=named[1])
    return Message(_TOLD[said.id], tuple(sorted(params.items())))


def indicator_unit(plan: Plan, text: str) -> tuple[str, Any] | None:
    """The id of the indicator ``text`` names (its id, a unit's key, or its name) and its
    unit in both languages (``catalog.Worded``, said in the reader's); None when the plan
    has no such indicator or it declares no unit. The command line's refusal of a typed
    figure asks it too (cli/typed_words.py)."""
    from ..catalog import Worded
    from .figure_units import typed_unit
    from .rules import indicator as indicator_named

    try:
        found = indicator_named(plan, typed_unit(text, ())[0])
    except ValueError:
        return None
    if not found.unit.strip():
        return None
    return found.id, Worded(found.unit.strip(), found.unit_vi.strip())
