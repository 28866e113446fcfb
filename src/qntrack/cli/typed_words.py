"""A figure typed with words ('1.5 billion USD' typed on the command line) told the unit its
indicator is declared in: the command line names the indicator, so the refusal can name
its unit (million USD for FDI) where an imported cell's cannot (issue 17, twenty-sixth
session). Only asked once the figure is refused: reading the plan costs nothing otherwise."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from ..catalog import Message
    from ..errors import InputError

__all__ = ["with_unit", "typed_total", "typed_empty"]


def with_unit(said: Message | str, targets: str | None, indicator: str) -> Message | str:
    """``said`` (the typed figure's refusal) naming ``indicator``'s unit when it tells the
    figure's words or its '%' sign; as it is when the plan, the indicator or its unit is
    missing (the plan's own problem is told when the command reads it). The unit is found
    as an import's cell finds its row's (files.import_units.indicator_unit)."""
    from ..catalog import Message, msg

    told = {"import_typed_words": "import_typed_words_unit", "import_value_percent": "import_typed_percent_unit"}
    if not isinstance(said, Message) or said.id not in told:
        return said
    from ..errors import InputError
    from ..files.plan_loading import load_plan
    from ..files.import_units import indicator_unit
    from ..files.workspace import find_targets

    try:
        named = indicator_unit(load_plan(find_targets(targets)), indicator)
    except (InputError, OSError, ValueError):
        return said
    if named is None:
        return said
    return msg(told[said.id], **dict(said.params), indicator=named[0], unit=named[1])


def typed_total(error: InputError) -> InputError | None:
    """``error`` (a typed figure's refusal) with a total's words fit for the command line,
    or None when it holds none: 'Tong so' typed as the indicator is a total, and "a table's
    total line ... or leave the line out" speaks of a file the user has not given (issue
    17, twenty-eighth session). The same refusal (its id), in other words."""
    from dataclasses import replace

    from ..catalog import Message
    from ..errors import InputError

    def total(said: Message | str) -> bool:
        return isinstance(said, Message) and said.id == "recording_indicator_total_row"

    if type(error) is not InputError or not any(total(p.message) for p in error.problems):
        return None
    told = [
        replace(p, message=replace(p.message, wording="recording_indicator_total_typed"))
        if isinstance(p.message, Message) and total(p.message)
        else p
        for p in error.problems
    ]
    return InputError(told, error.code, error.rows_of, error.kinds)


def typed_empty(said: Message | str, indicator: str, period: str, dims: Sequence[tuple[str, str]]) -> Message | str:
    """``said`` (the typed figure's refusal) naming the command to type when the figure is
    empty (``add-observation fdi 2025 ""``, a variable unset): the line with a figure, and
    the retraction's, each word as the shell reads it; any other refusal as it is."""
    from ..catalog import Message, msg
    from ..files.figure_units import shell_word

    if not isinstance(said, Message) or said.id != "import_typed_empty":
        return said
    units = "".join(f" --dim {shell_word(f'{dimension}={unit}')}" for dimension, unit in dims)
    return msg(
        "recording_typed_empty", figure=f"{shell_word(indicator.strip())} {shell_word(period.strip())}", dims=units
    )
