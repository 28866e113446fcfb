"""Shell completion: target ids, indicator ids, statuses and document names offered on a
Tab press. Completion reads targets.yaml once, never prints and never raises."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .app import AWAITING

if TYPE_CHECKING:
    from ..plan.model import Plan


def _completion_plan(ctx: typer.Context | None) -> Plan | None:
    """The plan for shell completion, or None: completion runs on every Tab press, so it
    reads targets.yaml once, never prints and never raises."""
    try:
        from ..files.plan_loading import load_plan
        from ..files.workspace import find_targets

        chosen = None
        while ctx is not None and chosen is None:
            chosen = (getattr(ctx, "params", None) or {}).get("targets")
            ctx = getattr(ctx, "parent", None)
        return load_plan(find_targets(chosen))
    except BaseException:  # noqa: BLE001 - a broken or missing plan offers nothing
        return None


def complete_target_ids(ctx: typer.Context | None, incomplete: str) -> list[tuple[str, str]]:
    """Target ids for TARGET_ID arguments, with their names as help."""
    plan = _completion_plan(ctx)
    if plan is None:
        return []
    from ..output.documents import target_name

    return [(t.id, target_name(t, plan, "en")) for t in plan.targets if t.id.startswith(incomplete)]


def complete_ranked_target_ids(ctx: typer.Context | None, incomplete: str) -> list[tuple[str, str]]:
    """The target ids `rank` accepts: those broken down by a dimension (``for_each``); rank
    refuses any other, so offering it would only lead to an error."""
    plan = _completion_plan(ctx)
    if plan is None:
        return []
    from ..output.documents import target_name

    return [(t.id, target_name(t, plan, "en")) for t in plan.targets if t.for_each and t.id.startswith(incomplete)]


def complete_indicator_ids(ctx: typer.Context | None, incomplete: str) -> list[tuple[str, str]]:
    """Indicator ids for INDICATOR arguments and --indicator, with their names as help."""
    plan = _completion_plan(ctx)
    if plan is None:
        return []
    return [(i.id, i.name.get("en")) for i in plan.indicators.values() if i.id.startswith(incomplete)]


def complete_statuses(ctx: typer.Context | None, incomplete: str) -> list[str]:
    """Statuses for --fail-on STATUS[,STATUS]: the part after the last comma is completed."""
    from ..method.progress import Status

    done, _, part = incomplete.rpartition(",")
    prefix = done + "," if done else ""
    return [prefix + word for word in [s.value for s in Status] + [AWAITING] if word.startswith(part)]


def complete_docs(ctx: typer.Context | None, incomplete: str) -> list[str]:
    """The documents `qntrack docs` has."""
    try:
        from .starting import _shipped_docs

        return [name for name in _shipped_docs() if name.startswith(incomplete)]
    except BaseException:  # noqa: BLE001 - completion never raises
        return []


# The optional target ids of `status` and `report`: one declaration, with its completion.
TargetIdsArg = Annotated[
    Optional[list[str]],
    typer.Argument(metavar="[TARGET_ID]...", help="Only these targets.", autocompletion=complete_target_ids),
]
