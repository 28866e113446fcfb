"""``qntrack status`` for a Python caller: the plan and the store opened, the targets judged
by a day with the figures withdrawn that touch them, what each figure in force replaced,
and the document ``status --format json`` prints (docs/python-api.md).

It is the command's own path whenever the status cache does not serve it (cli/status.py),
so a caller's document and the command's are one computation, not two (issue 17,
twenty-third session: a caller who followed README's recipe, ``assess`` then
``status_document``, had no ``withdrawn`` where the command printed it).
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING, Any, Callable, Mapping, NamedTuple, Sequence

from ..errors import ExitCode, InputError

if TYPE_CHECKING:
    from ..files.workspace import Workspace
    from ..method.assessment import Assessment
    from .grouping import GroupBy

__all__ = ["Assessed", "assessed", "revised_of", "status"]


class Assessed(NamedTuple):
    """What ``assessed`` found: the tracker opened, its targets judged, and by series and
    period's text the value each figure in force replaced (``revises`` in the JSON)."""

    workspace: Workspace
    assessments: list[Assessment]
    revised: dict[str, dict[str, float | None]]


def revised_of(plan: Any, replaced: Mapping[str, Mapping[Any, float]]) -> dict[str, dict[str, float | None]]:
    """By series (a target's, and a unit's of a breakdown; not a derived indicator's: its
    figures are computed, never revisions), by period's text, the value the figure in
    force replaced; only series that have one. ``replaced``: ``in_force``'s, noted while
    the series were built (``open_workspace``'s ``replaced``)."""
    from ..method.history import measured_keys

    keys = measured_keys(replaced, plan.indicators)
    return {key: {str(p): v for p, v in replaced[key].items()} for key in keys}


def assessed(
    targets: str | os.PathLike[str] | None = None,
    as_of: str | date | None = None,
    target_ids: Sequence[str] | str | None = None,
    *,
    before: Callable[[Workspace], None] | None = None,
) -> Assessed:
    """The plan (``targets``: a path; None looks for it as the command does) and its store
    opened, and every target (or those named) judged as of ``as_of`` (``YYYY-MM-DD`` or a
    date; None: today), with the figures withdrawn that touch them. ``before(ws)``: called
    once the tracker is open, before any target is judged (the command's own refusals).

    Raises ``PlanError``, ``StoreError`` or ``InputError`` (a bad day, an id the plan
    lacks, named ``target_ids``)."""
    from ..catalog import said
    from ..files.workspace import open_workspace, reference_day
    from ..kinds import assess
    from ..kinds.withdrawals import with_withdrawals
    from ..plan.model import Location, Problem
    from .formats import day_text

    replaced: dict[str, Any] = {}  # what each figure in force replaced, noted as it is picked
    ws = open_workspace(targets, as_of, replaced=replaced)
    if before is not None:
        before(ws)
    day = day_text(as_of)
    try:
        found = assess(ws.plan, ws.series, target_ids, reference_day(day))
    except ValueError as exc:  # an id the plan lacks: the core's words, as a qntrack error
        raise InputError([Problem(Location("target_ids"), said(exc))], ExitCode.USAGE) from None
    found = with_withdrawals(found, ws.store.observations, day)
    return Assessed(ws, found, revised_of(ws.plan, replaced))


def status(
    targets: str | os.PathLike[str] | None = None,
    as_of: str | date | None = None,
    target_ids: Sequence[str] | str | None = None,
    group_by: GroupBy = "group",
) -> dict[str, Any]:
    """The document ``qntrack status --format json [--as-of AS_OF] [IDS]`` prints, as
    values (docs/json.md); its ``groups`` by ``group_by`` ("group" or "owner").
    ``output.formats.to_json`` of it is the command's output, byte for byte."""
    from .formats import status_document

    found = assessed(targets, as_of, target_ids)
    title = found.workspace.plan.title
    return status_document(found.assessments, as_of, title, group_by, found.revised)
