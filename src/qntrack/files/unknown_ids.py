"""An indicator id the plan lacks, told what it may be (a target's id, an indicator's name,
the closest id, the rows the store holds under it): said alike by the commands (``history``,
``observations``) and the library's ``history`` (output.history_run), so moved here from
cli.arguments (thirty-sixth session)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from ..catalog import Message
    from ..plan.model import Plan

__all__ = ["first_ids", "unknown_indicator"]


def first_ids(known: list[str]) -> str:
    """The known ids an "unknown id" message lists: the first 20, in the plan's order."""
    return ", ".join(known[:20]) + (", ..." if len(known) > 20 else "")


def unknown_indicator(plan: Plan, given: str, store_path: Path | None = None) -> Message:
    """What to say for an indicator id the plan lacks: the target it may be, the closest
    id, and the known ones (a user often types the target's id, cbct-share for cbct_share);
    with ``store_path``, how many rows the store holds under it (an indicator renamed or
    dropped from targets.yaml keeps its rows) and how to read or carry them over."""
    from ..errors import id_suggestion
    from ..catalog import msg

    target = plan.target(given)
    if target is not None:
        return msg("cli_target_not_indicator", given=given, indicator=target.indicator)
    from ..files.rules import ids_by_name
    from ..files.vocabulary import fold

    # An indicator's name (a yearbook's words) is told its id, as add-observation and retract tell it.
    if named := ids_by_name(plan).get(fold(given)):
        return msg("recording_indicator_by_name", indicator=given, id=named)
    known = list(plan.indicators)
    from ..files.invisible import shown

    # Echoed with a character no one sees written as its code (files/invisible.py).
    echoed = shown(given)
    if not known:
        return msg("cli_no_indicator_none", given=echoed)
    hint = id_suggestion(given, known)
    from ..files.stored_ids import stored_rows

    if store_path is not None and (count := stored_rows(store_path, [given]).get(given, 0)):
        return msg(
            "cli_no_indicator_stored",
            given=echoed,
            hint=hint,
            indicators=first_ids(known),
            file=str(store_path),
            count=count,
            targets=plan.source_file,
        )
    return msg("cli_no_indicator", given=echoed, hint=hint, indicators=first_ids(known))
