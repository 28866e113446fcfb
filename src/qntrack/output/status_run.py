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
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence

from ..errors import ArgumentError, ExitCode

if TYPE_CHECKING:
    from ..files.workspace import Workspace
    from ..method.assessment import Assessment
    from ..method.series import Series
    from ..plan.model import Indicator, Observation, Plan, Target
    from .grouping import GroupBy
    from .replaced_from import Came

__all__ = ["Assessed", "assess", "assess_target", "assessed", "revised_of", "status"]

# The core's refusals of a caller's argument (kinds.assess, kinds.day_of), by the catalog's
# key of their words: the argument each is about, and the exit code the command gives for
# it (an id the plan lacks: invalid input, 1; a day written otherwise: a usage error, 2).
_ARGUMENT_OF = {"kinds_unknown_targets": ("target_ids", 1), "cli_not_a_date": ("today", 2)}


@contextmanager
def _as_argument_errors() -> Iterator[None]:
    """The core's ValueError for an id the plan lacks or a day written otherwise, as the
    ArgumentError (an InputError, still a ValueError) a caller catches, named by its
    argument; any other ValueError is left as it is (the core imports no error class)."""
    from ..catalog import Message, said
    from ..plan.model import Location, Problem

    try:
        yield
    except ValueError as exc:
        words = said(exc)
        known = (
            _ARGUMENT_OF.get(words.id) if isinstance(words, Message) and not isinstance(exc, ArgumentError) else None
        )
        if known is None:
            raise
        where, code = known
        raise ArgumentError([Problem(Location(where), words)], ExitCode(code)) from None


def assess(
    plan: Plan,
    series: Mapping[str, Iterable[Observation]],
    target_ids: Iterable[str] | str | None = None,
    today: date | str | None = None,
) -> list[Assessment]:
    """Every target of ``plan`` (or those named: one id may be given as a string) judged on
    ``series`` by ``today`` (``YYYY-MM-DD`` or a date; None: no deadline taken as passed
    without a figure), as ``kinds.assess`` judges them. An id the plan lacks, or a day
    written otherwise, is an ``ArgumentError`` (an InputError, and a ValueError as the
    core's was) naming ``target_ids`` or ``today``; a plan's path given as ``plan``, or
    ``series`` that are no mapping, one naming ``plan`` or ``series``: each raised, never
    a traceback from inside."""
    from ..files.argument_kinds import refuse_judged, series_in_order

    refuse_judged(plan, series)  # a path: named, not "'str' object has no attribute"
    # A caller's series in any order, read in period order (thirty-sixth session).
    return _assess(plan, series_in_order(series), target_ids, today)


def _assess(
    plan: Plan, series: Series, target_ids: Iterable[str] | str | None, today: date | str | None
) -> list[Assessment]:
    """``assess`` on series known to be in period order: the store's (``status``, ``show``),
    not looked over again on each judgement (a national store's million rows)."""
    from ..files.argument_kinds import day_argument, refuse_judged
    from ..files.library_arguments import refuse_empty, refuse_texts
    from ..kinds import assess as judged

    refuse_judged(plan, series)
    ids: Sequence[str] | str | None = refuse_texts("target_ids", target_ids)  # [1], 5: named; a generator, read once
    refuse_empty("target_ids", ids)  # [] refused by name: None is every target
    _refuse_indicator_ids(plan, ids)
    with _as_argument_errors():
        return judged(plan, series, ids, day_argument(today))


def _refuse_indicator_ids(plan: Plan, target_ids: Sequence[str] | str | None) -> None:
    """An indicator's id given as a target's (``fdi`` for ``fdi-plan-2024``), said in the
    command's words with the indicator's targets, the refusal's key kept
    (``kinds_unknown_targets``, which a program tests); the other unknown ids, if any, said
    after it by the core as before (thirty-seventh session: "no target 'fdi' in the plan"; and
    one id given as text, ``target_ids="fdi"``, until the forty-third)."""
    if not target_ids:
        return
    if isinstance(target_ids, str):
        target_ids = [target_ids]
    from ..catalog import Message, msg
    from ..plan.model import Location, Problem

    known = {t.id for t in plan.targets}
    problems: list[Problem] = []
    told: set[str] = set()
    for tid in dict.fromkeys(t for t in target_ids if t not in known and t in plan.indicators):
        uses = [t.id for t in plan.targets if t.indicator == tid]
        if uses:
            said = msg("cli_indicator_not_target", given=tid, targets=", ".join(uses))
            problems.append(Problem(Location("target_ids"), Message("kinds_unknown_targets", said.params, said.id)))
            told.add(tid)
    if not problems:
        return
    rest = [t for t in dict.fromkeys(target_ids) if t not in known and t not in told]
    if rest:  # as the core words them (kinds.assess): each quoted, named once
        named = ", ".join(f"'{t}'" for t in rest)
        problems.append(Problem(Location("target_ids"), msg("kinds_unknown_targets", ids=named)))
    raise ArgumentError(problems, ExitCode.INVALID)


def assess_target(
    target: Target, indicator: Indicator, rows: Sequence[Observation], today: date | str | None = None
) -> Assessment:
    """One target judged on its rows, as ``kinds.assess_target`` judges it; a day written
    otherwise than ``YYYY-MM-DD`` is an ``ArgumentError`` naming ``today``. ``rows`` are the
    figures in force of the target's series (``ws.series.get(target.series_key, [])``), in
    any order: read in period order; a target, an indicator or rows of another kind (an id,
    another indicator, another series, two figures for a period, a retraction) raise an
    ``ArgumentError`` naming the argument (thirty-fifth session)."""
    from ..files.argument_kinds import day_argument, one_target_rows
    from ..kinds import assess_target as judged

    in_order = one_target_rows(target, indicator, rows)
    with _as_argument_errors():
        return judged(target, indicator, in_order, day_argument(today))


class Assessed(NamedTuple):
    """What ``assessed`` found: the tracker opened, its targets judged, and by series and
    period's text the value each figure in force replaced (``revises`` in the JSON)."""

    workspace: Workspace
    assessments: list[Assessment]
    revised: dict[str, dict[str, float | None]]

    def __repr__(self) -> str:  # one line in a notebook, not every target judged
        from ..plan.notebook import assessed_repr  # not loaded by a warm status

        return assessed_repr(self)


def revised_of(plan: Any, replaced: Mapping[str, Mapping[Any, float]]) -> dict[str, dict[str, float | None]]:
    """By series (a target's, and a unit's of a breakdown; not a derived indicator's: its
    figures are computed, never revisions), by period's text, the value the figure in
    force replaced; only series that have one. ``replaced``: ``in_force``'s, noted while
    the series were built (``open_workspace``'s ``replaced``)."""
    from ..method.history import measured_keys

    keys = measured_keys(replaced, plan.indicators)
    return {key: {str(p): v for p, v in replaced[key].items()} for key in keys}


def whence_in(plan: Any, vintages: Mapping[str, Mapping[Any, Any]]) -> dict[str, dict[str, Came]]:
    """``formats.Whence`` of the series ``revised_of`` keeps: by series, by period's text,
    the source, recorded_at and status of the vintage each figure in force replaced, and
    that figure's (replaced_from.came). ``vintages``: ``in_force``'s, noted while the
    series were built, each period's as (vintage replaced, vintage in force)."""
    from ..method.history import measured_keys
    from .formats import whence_of

    keys = measured_keys(vintages, plan.indicators)
    replaced = {key: {p: pair[0] for p, pair in vintages[key].items()} for key in keys}
    return whence_of(replaced, {key: {p: pair[1] for p, pair in vintages[key].items()} for key in keys})


def assessed(
    targets: str | os.PathLike[str] | None = None,
    as_of: str | date | None = None,
    target_ids: Iterable[str] | str | None = None,
    *,
    before: Callable[[Workspace], None] | None = None,
) -> Assessed:
    """The plan (``targets``: a path; None looks for it as the command does) and its store
    opened, and every target (or those named) judged as of ``as_of`` (``YYYY-MM-DD`` or a
    date; None: today), with the figures withdrawn that touch them. ``before(ws)``: called
    once the tracker is open, before any target is judged (the command's own refusals).

    Raises ``PlanError``, ``StoreError`` or ``InputError`` (a bad day, an id the plan
    lacks, named ``target_ids``)."""
    return assessed_whence(targets, as_of, target_ids, before=before)[0]


def assessed_whence(
    targets: str | os.PathLike[str] | None = None,
    as_of: str | date | None = None,
    target_ids: Iterable[str] | str | None = None,
    *,
    before: Callable[[Workspace], None] | None = None,
) -> tuple[Assessed, dict[str, dict[str, Came]]]:
    """``assessed``, with where each figure a figure in force replaced came from
    (``formats.Whence``: its source and recorded_at; issue 17, twenty-fifth session). Kept
    apart from ``Assessed``, whose three fields a script unpacks (docs/python-api.md)."""
    from ..files.workspace import open_workspace, plan_day
    from ..kinds.withdrawals import with_withdrawals
    from .formats import day_text

    replaced: dict[str, Any] = {}  # what each figure in force replaced, noted as it is picked
    vintages: dict[str, Any] = {}  # the same, each as the vintage replaced
    ws = open_workspace(targets, as_of, replaced=replaced, vintages=vintages)
    if before is not None:
        before(ws)
    day = day_text(as_of)
    found = _assess(ws.plan, ws.series, target_ids, plan_day(day, ws.plan.timezone))  # an id it lacks: named
    from ..method.series import as_of_bound

    known = as_of_bound(day, ws.plan.timezone) if day else None  # the day's end in the plan's zone
    found = with_withdrawals(found, ws.store.observations, known)
    return Assessed(ws, found, revised_of(ws.plan, replaced)), whence_in(ws.plan, vintages)


def status(
    targets: str | os.PathLike[str] | None = None,
    as_of: str | date | None = None,
    target_ids: Iterable[str] | str | None = None,
    group_by: GroupBy = "group",
) -> dict[str, Any]:
    """The document ``qntrack status --format json [--as-of AS_OF] [IDS]`` prints, as
    values (docs/json.md); its ``groups`` by ``group_by`` ("group" or "owner").
    ``output.formats.to_json`` of it is the command's output, byte for byte.

    ``targets``: the path of targets.yaml (None looks for it as the command does).
    ``as_of``: ``YYYY-MM-DD`` or a ``date``, the figures recorded by that day's end in the
    plan's zone (None: today, every figure). ``target_ids``: the ids to judge, a list of
    text or one id as text (None: every target). Reads the plan and the store on each
    call. Raises ``PlanError``, ``StoreError``, or an ``ArgumentError`` naming
    ``targets``, ``as_of``, ``target_ids`` (an id the plan lacks, an empty list) or
    ``group_by``."""
    from .formats import status_document

    found, whence = assessed_whence(targets, as_of, target_ids)
    title = found.workspace.plan.title
    zone = found.workspace.plan.timezone
    return status_document(found.assessments, as_of, title, group_by, found.revised, whence=whence, zone=zone)
