"""``qntrack rank`` for a Python caller: the units of a target's breakdown judged, ranked best
to worst, and the document ``rank --format json`` prints (docs/python-api.md).

The command's own path (cli/ranking.py): one target opened, judged with its units, each
unit's figures withdrawn said beside it, ranked by ``method.ranking.rank_units``, and the
document made by ``output.ranking.rank_document`` with what each unit's figure revised, so
a caller's answer and the command's are one computation. Before the thirty-sixth session a
caller had to shell out to the command.
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

    from ..catalog import Message
    from ..files.workspace import Workspace
    from ..method.assessment import Assessment
    from ..method.ranking import Ranked
    from ..plan.model import Plan

__all__ = ["Rankings", "not_broken_down", "rank", "ranked", "rank_json"]


class Rankings(NamedTuple):
    """What ``rank`` judged: the tracker, the target judged with its units (and their
    figures withdrawn), its units in rank order, and the day (None: everything recorded)."""

    workspace: Workspace
    assessment: Assessment
    units: list[Ranked]
    as_of: str | None


def ranked(
    targets: str | os.PathLike[str] | None,
    target_id: str,
    as_of: str | date | None = None,
    *,
    before_store: Callable[[Plan, Path, Path], None] | None = None,
) -> Rankings:
    """The target ``target_id`` of the plan ``targets`` judged as of ``as_of`` with its units
    ranked. ``before_store``: the command's own refusals, before the store is read (an id
    the plan lacks, a target with no ``for_each``); without it a caller's, naming
    ``target_id``. Only the target's indicator's series are read."""
    from ..files.library_arguments import lacking, refused
    from ..files.workspace import one_target, open_workspace, plan_day
    from ..kinds import assess
    from ..method.series import as_of_bound
    from ..kinds.withdrawals import with_withdrawals
    from ..method.ranking import rank_units
    from .formats import day_text
    from .show_run import unknown_target

    if not isinstance(target_id, str):  # None, a list of ids: named, not "unhashable"
        raise refused("target_id", "library_target_id_type", kind=type(target_id).__name__)
    day = day_text(as_of)

    def known(plan: Plan, targets_path: Path, store_path: Path) -> None:
        if before_store is not None:
            before_store(plan, targets_path, store_path)
        target = plan.target(target_id)
        if target is None:
            raise unknown_target(plan, target_id)
        if not target.for_each:
            raise lacking("target_id", not_broken_down(plan, target_id))

    ws = open_workspace(targets, day, before_store=known, only=one_target(target_id))
    (judged,) = assess(ws.plan, ws.series, [target_id], plan_day(day, ws.plan.timezone))
    # Each unit's figures withdrawn, said beside its latest figure (issue 17, twentieth session).
    by_day = as_of_bound(day, ws.plan.timezone) if day else None  # the day's end in the plan's zone
    (judged,) = with_withdrawals([judged], ws.store.observations, by_day)
    return Rankings(ws, judged, rank_units(judged.breakdown, increase=judged.indicator.increase), day)


def rank_json(found: Rankings) -> dict[str, Any]:
    """``rank --format json``'s document of what ``ranked`` found: each unit's figure with
    the value it revised and where that came from, as status's breakdown gives them."""
    from .formats import revised_in
    from .ranking import rank_document

    whence: dict[str, dict[str, tuple[str, str]]] = {}  # where each figure replaced came from
    zone = found.workspace.plan.timezone
    revised = revised_in([found.assessment], found.workspace.store.observations, found.as_of, whence, zone)
    return rank_document(found.assessment.target, found.units, found.as_of, revised, whence, zone)


def rank(
    targets: str | os.PathLike[str] | None,
    target_id: str,
    as_of: str | date | None = None,
) -> dict[str, Any]:
    """The document ``qntrack rank TARGET_ID --format json [--as-of AS_OF]`` prints, as
    values (docs/json.md, "Ranking"): ``output.formats.to_json`` of it is the command's
    output, byte for byte. ``targets``: the path of targets.yaml (None looks for it as the
    command does). Raises ``PlanError``, ``StoreError``, or an ``ArgumentError`` naming
    ``target_id`` (an id the plan lacks, one of another type, a target with no
    ``for_each``: told those that have one) or ``as_of``. Prints nothing: where the command
    says on standard error that no unit has a figure yet, each unit's ``latest`` is null."""
    return rank_json(ranked(targets, target_id, as_of))


def not_broken_down(plan: Plan, target_id: str) -> Message:
    """Why a target cannot be ranked: it has no ``for_each``; the targets that have one."""
    from ..catalog import msg

    broken = [t.id for t in plan.targets if t.for_each]
    if not broken:
        return msg("ranking_none_broken_down", target=target_id)
    return msg("ranking_not_broken_down", target=target_id, targets=", ".join(broken))
