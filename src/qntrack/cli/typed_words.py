"""A figure typed with words ('1.5 billion USD' typed on the command line) told the unit its
indicator is declared in: the command line names the indicator, so the refusal can name
its unit (million USD for FDI) where an imported cell's cannot (issue 17, twenty-sixth
session). Only asked once the figure is refused: reading the plan costs nothing otherwise."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalog import Message

__all__ = ["with_unit"]


def with_unit(said: Message | str, targets: str | None, indicator: str, lang: str) -> Message | str:
    """``said`` (the typed figure's refusal) naming ``indicator``'s unit in ``lang`` when it
    tells the figure's words or its '%' sign; as it is when the plan, the indicator or its unit is missing
    (the plan's own problem is told when the command reads it)."""
    from ..catalog import Message, msg

    told = {"import_typed_words": "import_typed_words_unit", "import_value_percent": "import_typed_percent_unit"}
    if not isinstance(said, Message) or said.id not in told:
        return said
    from ..errors import InputError
    from ..files.definitions import load_plan
    from ..files.figure_units import typed_unit
    from ..files.workspace import find_targets
    from ..files.rules import indicator as indicator_named

    try:
        plan = load_plan(find_targets(targets))
        found = indicator_named(plan, typed_unit(indicator, ())[0])
    except (InputError, OSError, ValueError):
        return said
    unit = found.unit_in(lang).strip()
    if not unit:
        return said
    return msg(told[said.id], **dict(said.params), indicator=found.id, unit=unit)
