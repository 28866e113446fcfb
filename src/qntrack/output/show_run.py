"""``qntrack show`` for a Python caller: one target opened, judged with its units, what each
figure in force replaced and where that came from, the figures withdrawn in its periods,
and the document ``show --format json`` prints (docs/python-api.md).

The command's own path (cli/reading.py), so a caller's document and the command's are one
computation (thirty-fifth session: a caller who built it from ``show_document`` as the
worked example did had ``revises`` null wherever a figure had been revised, and no
``retracted``, though the command printed them).
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
    from ..plan.model import Observation, Plan
    from ..plan.periods import Period
    from ..plan.units import Dims

__all__ = ["Shown", "show", "shown", "unknown_target"]


class Shown(NamedTuple):
    """What ``show`` judged: the tracker, the target judged (its units too), its rows in
    force, and what ``output.documents.show_document`` takes besides, by name."""

    workspace: Workspace
    assessment: Assessment
    rows: list[Observation]
    revises: dict[Period, float | None]
    as_of: str | None
    withdrawn: list[Any]
    replaced: dict[Period, Observation]
    units: dict[str, dict[str, float | None]]
    units_whence: dict[str, dict[str, tuple[str, str]]]
    # The unit of the breakdown shown alone (show --dim), () for the target (output.show_unit).
    dims: Dims = ()


def shown(
    targets: str | os.PathLike[str] | None,
    target_id: str,
    as_of: str | date | None = None,
    *,
    before_store: Callable[[Plan, Path, Path], None] | None = None,
    unit: Callable[[Plan], Dims | None] | None = None,
    refuse: Callable[[Message], Exception] | None = None,
) -> Shown:
    """The target ``target_id`` of the plan ``targets`` (a path; None looks for it as the
    command does) judged as of ``as_of`` (``YYYY-MM-DD`` or a date; None: today), with all
    ``show`` says of it. Only its indicator's series are read (a national store's other
    million rows are not judged). ``before_store``: ``open_workspace``'s, the command's
    own refusals before the store is read. ``unit``: the unit of its breakdown to show
    alone (``show --dim``), read from the plan after those; ``refuse``, the error of a unit
    the target judges no figure of (output.show_unit)."""
    from ..files.library_arguments import lacking, refused
    from ..files.workspace import one_target, open_workspace, plan_day
    from ..kinds import relevant_rows
    from ..kinds.withdrawals import with_withdrawals
    from ..method.series import as_of_bound
    from ..method.history import replaced_vintages_of
    from ..method.withdrawals import withdrawn
    from .formats import day_text, revised_in
    from .status_run import _assess

    if not isinstance(target_id, str):  # None, a list of ids: named, not "unhashable"
        raise refused("target_id", "library_target_id_type", kind=type(target_id).__name__)
    day = day_text(as_of)

    def known(plan: Plan, targets_path: Path, store_path: Path) -> None:
        # The command's refusals first (the closest id offered), then a caller's: an id the
        # plan lacks, quoted ("" and " cbct-share " are seen), before the store is read.
        if before_store is not None:
            before_store(plan, targets_path, store_path)
        if plan.target(target_id) is None:
            raise unknown_target(plan, target_id)
        if unit is not None:
            asked.append(unit(plan) or ())

    asked: list[Dims] = []

    ws = open_workspace(targets, day, before_store=known, only=one_target(target_id))
    # Through assess, not assess_target: a target with for_each is shown with its units.
    (result,) = _assess(ws.plan, ws.series, [target_id], plan_day(day, ws.plan.timezone))
    target = result.target
    indicator = result.indicator
    # Its units' figures withdrawn, said in their table and JSON (issue 17, twentieth session).
    zone = ws.plan.timezone  # the day ends at midnight in the plan's zone (thirty-ninth session)
    by_day = as_of_bound(day, zone) if day else None
    (result,) = with_withdrawals([result], ws.store.observations, by_day)
    rows = relevant_rows(target, ws.series.get(target.series_key, []))
    # The value each figure in force replaced, by then: a revision is told from a first estimate.
    # (None for a derived indicator's: computed, they replaced nothing.) The vintages, for
    # where each came from (its source, recorded_at; issue 17, twenty-fifth session).
    replaced = {} if indicator.formula else replaced_vintages_of(ws.store.observations, [target.series_key], by_day)
    vintages = dict(replaced.get(target.series_key, {}))
    revises: dict[Period, float | None] = {p: o.value for p, o in vintages.items()}
    # The figures withdrawn by then (a retraction in force), in the target's periods: a
    # figure published then retracted is said so, never taken for one not recorded yet.
    gone = [] if indicator.formula else withdrawn(ws.store.observations, target.series_key, by_day)
    kept = {id(o) for o in relevant_rows(target, [o for o, _ in gone])}
    gone = [item for item in gone if id(item[0]) in kept]  # each as it is: its ``withdrew`` kept
    # Each unit's figure that revised one (by the day), marked "[1]" in the units' table and
    # given as its `revises` in JSON, as rank and status give it.
    came: dict[str, dict[str, tuple[str, str]]] = {}
    units = revised_in([result], ws.store.observations, day, came, zone) if result.breakdown else {}
    found = Shown(ws, result, rows, revises, day, gone, vintages, units, came)
    if asked and asked[0]:
        from .show_unit import unit_shown

        one, dims = unit_shown(found, asked[0], refuse or (lambda said: lacking("dims", said)))
        return one._replace(dims=dims)
    return found


def show(
    targets: str | os.PathLike[str] | None,
    target_id: str,
    as_of: str | date | None = None,
    dims: Any = None,
) -> dict[str, Any]:
    """The document ``qntrack show TARGET_ID --format json [--as-of AS_OF] [--dim D=U ...]``
    prints, as values (docs/json.md, "Other JSON outputs"); ``output.formats.to_json`` of it
    is the command's output, byte for byte. ``targets``: the path of targets.yaml (None looks
    for it as the command does). ``dims``: one unit of the target's breakdown,
    as ``history``'s ``dims`` takes it (a dict, pairs, ``"dimension=unit"`` texts). Raises
    ``PlanError``, ``StoreError``, or an ``ArgumentError`` naming ``target_id`` (an id the
    plan lacks, one of another type), ``dims`` (a target without ``for_each``, a dimension
    or unit it is not broken down by) or ``as_of``."""
    from ..errors import InputError
    from ..files.argument_kinds import dim_texts
    from ..files.library_arguments import for_library
    from .documents import show_document

    given = dim_texts("dims", dims)
    try:
        found = shown(targets, target_id, as_of, unit=(lambda plan: _unit(plan, target_id, given)) if given else None)
    except InputError as error:
        raise for_library(error) from None
    return show_document(
        found.assessment,
        found.rows,
        found.revises,
        found.as_of,
        found.withdrawn,
        found.replaced,
        found.units,
        found.units_whence,
        found.workspace.plan.timezone,
        found.dims,
    )


def _unit(plan: Plan, target_id: str, given: list[tuple[str, str]]) -> Dims:
    """The unit ``dims`` names, read as ``history``'s ``dims`` is and checked against the
    target's breakdown; refused at ``dims``, with the command's exit codes."""
    from ..files.library_arguments import lacking
    from .history_run import _unit as unit_of
    from .rank_run import not_broken_down
    from .show_unit import for_each_unit

    target = plan.target(target_id)
    assert target is not None  # refused before, by ``shown``
    if not target.for_each:
        raise lacking("dims", not_broken_down(plan, target_id))
    key = unit_of(plan, target.indicator, given, "dims")
    return for_each_unit(plan, target, key, lambda said: lacking("dims", said))


def unknown_target(plan: Plan, target_id: str) -> Exception:
    """An id the plan lacks, refused by the argument's name in the command's words: the
    target of an indicator's id typed for it, else the closest id and the known ones
    (cli.arguments; pass G: "no target 'FDI-Q3' in the plan" offered no id to give)."""
    from ..errors import id_suggestion
    from ..files.invisible import shown as echoed
    from ..catalog import msg
    from ..files.library_arguments import lacking

    typed = _unit_typed(plan, target_id)
    if typed is not None:
        return lacking("target_id", typed)
    uses = [t.id for t in plan.targets if t.indicator == target_id]
    if target_id in plan.indicators and uses:
        return lacking("target_id", msg("cli_indicator_not_target", given=target_id, targets=", ".join(uses)))
    known = [t.id for t in plan.targets]
    if not known:
        return lacking("target_id", msg("cli_no_target_none", given=echoed(target_id)))
    listed = ", ".join(known[:20]) + (", ..." if len(known) > 20 else "")
    return lacking(
        "target_id",
        msg("cli_no_target", given=echoed(target_id), hint=id_suggestion(target_id, known), targets=listed),
    )


def _unit_typed(plan: Plan, target_id: str) -> Message | None:
    """A unit written into a target's id (``"revenue-2024[locality=ha long]"``, as the store
    keys its figures) when it names a unit of that target's breakdown: told the call that
    shows it, ``dims`` in the plan's spelling, as the command tells its ``--dim``; None
    otherwise (the closest id is offered as before)."""
    from ..catalog import msg
    from ..plan.unit_resolution import resolve_dims
    from ..plan.units import split_key
    from .show_unit import dimensions_problem

    split = split_key(target_id) if "[" in target_id else None
    target = plan.target(split[0]) if split is not None and split[1] else None
    if split is None or target is None or not target.for_each:
        return None
    dims, problems = resolve_dims(plan.indicators[target.indicator], split[1], plan.dimensions)
    if problems or dimensions_problem(plan, target, dims) is not None:
        return None
    return msg("library_target_unit_typed", given=target_id, target=target.id, dims=repr(dict(dims)))
