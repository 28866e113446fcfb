"""``qntrack status``: one row per target, and the ``--fail-on`` gate (exit 3)."""

from __future__ import annotations

from enum import Enum
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any, Literal, Optional

import typer

from ..errors import ExitCode, fail
from .app import AWAITING, AsOfOpt, FormatOpt, Lang, LangOpt, TargetsOpt, _as_of, _format, _lang, command
from .arguments import _check_ids, _dimension_id
from .completion import TargetIdsArg, complete_statuses
from .printing import _guard_stdout, _out, _out_parts, _report, _say, _to_a_reader
from .session import _message_lang

if TYPE_CHECKING:
    from ..catalog import Message
    from ..files.workspace import Workspace
    from ..method.assessment import Assessment
    from ..plan.model import Plan

GateItems = list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]


class GroupByChoice(str, Enum):
    group = "group"
    owner = "owner"


@command()
def status(
    target_ids: TargetIdsArg = None,
    targets: TargetsOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
    fail_on: Annotated[
        Optional[str],
        typer.Option(
            "--fail-on",
            metavar="STATUS[,STATUS]",
            autocompletion=complete_statuses,
            help="Exit 3 if any target has one of these statuses (not_achieved: also a missed due milestone; awaiting_figure: a deadline passed with no figure yet), naming them on stderr.",
        ),
    ] = None,
    group_by: Annotated[
        Optional[GroupByChoice],
        typer.Option(
            "--group-by",
            help="One row per group of targets instead, by their group: or their owner: in targets.yaml (--format json: what its groups list is by).",
        ),
    ] = None,
    group: Annotated[
        Optional[list[str]],
        typer.Option(
            "--group",
            metavar="NAME",
            help="With --fail-on: gate only this group's targets (its name in either language; an owner's with --group-by owner). Repeat it for several groups.",
        ),
    ] = None,
    by_dim: Annotated[
        Optional[str],
        typer.Option(
            "--by",
            metavar="DIM",
            help="After each target broken down by DIM (for_each in targets.yaml; DIM: a dimension's id or name), a row per unit (table, csv, tsv). --format json: changes nothing, every target's breakdown is always there.",
        ),
    ] = None,
) -> None:
    """One row per target: latest value, goal, gap, P and status.

    The table ends with the targets counted by status, as every report's headline opens.

    Example: qntrack status --format json | jq '.targets[] | {id, status}'
    """
    if group and fail_on is None:
        from ..catalog import msg

        raise fail("--group", msg("cli_group_needs_fail_on"), ExitCode.USAGE)
    if by_dim is not None and group_by is not None:
        from ..catalog import msg

        raise fail("--by", msg("ranking_by_with_group_by"), ExitCode.USAGE)
    by: Literal["group", "owner"] = "owner" if group_by is GroupByChoice.owner else "group"
    gate: set[str] = set()
    if fail_on is not None:
        from ..method.progress import Status

        valid = {s.value for s in Status} | {AWAITING}
        gate = {s.strip().lower() for s in fail_on.split(",") if s.strip()}
        if not gate:  # `--fail-on "$UNSET"` would silently turn the gate off
            from ..catalog import msg

            raise fail("--fail-on", msg("cli_fail_on_empty", valid=", ".join(sorted(valid))), ExitCode.USAGE)
        unknown = sorted(gate - valid)
        if unknown:
            from ..catalog import msg
            from .gate_words import named_gate, unknown_gate

            named = named_gate(fail_on, valid, AWAITING)
            if named is not None:
                raise fail("--fail-on", named, ExitCode.USAGE)

            raise fail(
                "--fail-on",
                unknown_gate(unknown, valid),
                ExitCode.USAGE,
            )
    day = _as_of(as_of, targets=targets)
    kind = _format(fmt)
    grouped = group_by is not None and kind != "json"
    # The names given: an unknown id that is the rest of one typed unquoted is told to quote it.
    texts = [("--group", g) for g in group or []] + ([("--by", by_dim)] if by_dim is not None else [])
    check = partial(_check_ids, texts=texts)
    # (Printed into the store or the plan, main() has refused already: _guard_stdout_for.)
    if day is None and by_dim is None:
        # Status as of now goes through the incremental cache (docs/performance.md); a
        # breakdown's units (--by) are not kept there.
        if kind == "table" and not grouped:
            from ..cache import table_status

            chosen = _lang(lang)
            with _working(lang):  # a national store's first run reads and judges it all
                table = table_status(targets, target_ids, chosen, check)
            if table is not None:
                title, rows, items, drawn, warnings, kept = table
                # An unknown group is refused before printing.
                items = _of_group(items, kept, group, by, targets, bool(target_ids))
                with _to_a_reader():
                    _table_as_drawn(rows, chosen, title, drawn, [i["status"] for i in kept])
                _report(warnings)
                _gate(gate, items)
                return
        else:
            from ..cache import machine_status

            with _working(lang):
                served = machine_status(targets, target_ids, "items" if grouped else kind, check, by)
            if served is not None:
                text, items, warnings, kept = served
                items = _of_group(items, kept, group, by, targets, bool(target_ids))
                with _to_a_reader():
                    if grouped:
                        _grouped(kept, by, kind, lang, None, targets)
                    else:
                        _out_parts(text)
                _report(warnings)
                _gate(gate, items)
                return
    from ..output.status_run import assessed_whence

    def refuse(ws: Workspace) -> None:
        _guard_stdout(ws.targets_path, ws.plan)
        check(ws.plan, target_ids)

    with _working(lang):
        # The library's status (qntrack.status): judged with the figures withdrawn that
        # each status touches (issue 17, twentieth session), and what each figure replaced.
        (ws, results, revised), whence = assessed_whence(targets, day, target_ids, before=refuse)
        dim = _dimension_id(ws.plan, by_dim) if by_dim is not None else None
    if dim is not None and kind != "json" and not any(dim in a.target.for_each for a in results):
        from ..catalog import msg

        _say(msg("ranking_by_none", dimension=dim))
    found: list[dict[str, Any]] = []
    if group or grouped:
        from ..output.formats import assessment_dict

        found = [assessment_dict(a) for a in results]
    items = _of_group(
        [
            (
                a.target.id,
                a.status.value,
                tuple(str(p) for p in a.missed_milestones),
                tuple(str(p) for p in a.awaiting_figures),
            )
            for a in results
        ],
        found,
        group,
        by,
        targets,
        bool(target_ids),
    )
    with _to_a_reader():
        _print_status(results, kind, grouped, found, dim, day, ws, by, lang, revised, whence)
    if day is not None:
        from .later import say_judged_later

        say_judged_later(ws.plan, ws.store.observations, results, day)
    from ..files.checks_rows import ties_in_force  # two vintages of one moment (check's error)

    shown = {a.indicator.id for a in results}
    ties = ties_in_force(ws.series, revised, whence, shown, str(ws.store_path))
    _report(ws.warnings_for(a.indicator.id for a in results) + ties)
    _gate(gate, items)


def _print_status(
    results: list[Assessment],
    kind: str,
    grouped: bool,
    found: list[dict[str, Any]],
    dim: str | None,
    day: str | None,
    ws: Workspace,
    by: Literal["group", "owner"],
    lang: Lang | None,
    revised: dict[str, dict[str, float | None]],
    whence: dict[str, dict[str, tuple[str, str]]],
) -> None:
    """The status the cache did not serve, printed in ``kind``."""
    if kind == "json":
        from ..output.formats import status_json

        _out_parts(status_json(results, day, ws.plan.title, by, revised, whence, ws.plan.timezone))
    elif grouped:
        _grouped(found, by, kind, lang, ws.plan, as_of=day)
    elif kind in ("csv", "tsv"):
        from ..output.formats import status_rows
        from ..output.tables import write_table

        if dim is not None:
            from ..output.by_unit import status_rows_by, unit_columns

            columns = unit_columns(results, dim, ws.plan.dimensions)
            _out(write_table(status_rows_by(results, dim, columns, revised, day, whence), kind))
        else:
            _out(write_table(status_rows(results, revised, as_of=day, whence=whence), kind))
    else:
        from ..output import render
        from ..output.summary import status_cells

        chosen = _lang(lang)
        if dim is not None:
            from ..method.series import as_of_bound
            from ..output.by_unit import status_cells_by

            known = as_of_bound(day, ws.plan.timezone) if day else None  # the day's end in the plan's zone
            rows = status_cells_by(
                results, dim, chosen, ws.series, revised, ws.store.observations, known, whence, ws.plan.dimensions
            )
        else:
            rows = [
                status_cells(
                    a,
                    chosen,
                    ws.series.get(a.target.series_key, ()),
                    revised.get(a.target.series_key),
                    whence=whence.get(a.target.series_key),
                    dimensions=ws.plan.dimensions,  # a target's own unit (`of:`) named in its notes
                )
                for a in results
            ]
        from ..output.tally import tally_line

        tally = tally_line((a.status.value for a in results), chosen)
        if dim is not None and (units := _units_tally(results, dim, chosen)):
            tally += "\n" + units
        render.status_table(rows, chosen, ws.plan.title_in(chosen), day, tally=tally)


def _units_tally(results: list[Assessment], dim: str, lang: str) -> str:
    """The units ``status --by DIM`` lists under their targets, counted by status; "" when
    it lists none: its warning has said so ("no unit rows"), and "0 units." under the
    targets' count would count nothing."""
    from ..output.by_unit import broken_down_by
    from ..output.tally import units_tally_line

    statuses = [u.assessment.status.value for a in results if broken_down_by(a, dim) for u in a.breakdown]
    return units_tally_line(statuses, lang) if statuses else ""


def _working(lang: Lang | None) -> Any:
    """The status line of a long read on a terminal (cli/waiting.py); gone before printing."""
    from .waiting import work_status

    return work_status(_message_lang(lang))


def _grouped(
    found: list[dict[str, Any]],
    by: Literal["group", "owner"],
    kind: str,
    lang: Lang | None,
    plan: Plan | None,
    targets: str | None = None,
    as_of: str | None = None,
) -> None:
    """Prints ``status --group-by BY`` as a table, CSV or TSV: one row per group (output.grouping).
    A group (or owner) its targets name two ways in Vietnamese is said, as check says it:
    only the first name is shown. ``plan``, or the one ``targets`` names (a status served
    from the cache, whose plan is a regular file, read already and kept in memory)."""
    from ..files.checks_group_names import group_name_problems
    from ..output.grouping import groups_of

    if plan is None:
        from ..files.plan_loading import load_plan
        from ..files.workspace import find_targets

        try:
            plan = load_plan(find_targets(targets))
        except Exception:  # noqa: BLE001 - the table is printed; a warning is not worth a failure
            plan = None
    said = group_name_problems(plan) if plan is not None else []
    named = [p for p in said if dict(getattr(p.message, "params", ())).get("field") == by]
    groups = groups_of(found, by)
    _print_groups(groups, by, kind, lang, as_of)
    left = sum(1 for item in found if item[f"{by}_names"] is None)
    if groups and left and kind == "table":
        # The table's rows are the groups: the targets of none would go unseen, as if the
        # plan had only the grouped ones (forty-first session).
        from ..catalog import msg

        _say(msg(f"cli_group_by_left_out_{by}", count=left, total=len(found)))
    _report(named)


def _print_groups(groups: Any, by: Literal["group", "owner"], kind: str, lang: Lang | None, as_of: str | None) -> None:
    from ..output.grouping import group_rows, group_table_rows

    if not groups:
        # The header alone would read as "no such groups yet"; say where groups come from.
        from ..catalog import msg

        _say(msg("cli_group_by_none_owner" if by == "owner" else "cli_group_by_none_group"))
    if kind in ("csv", "tsv"):
        from ..output.tables import write_table

        _out(write_table(group_rows(groups, as_of), kind))
        return
    from ..output import render

    header, rows = group_table_rows(groups, by, _lang(lang))
    # Its words are names and statuses: whole, or one block a group (never "Substantia" / "l").
    render.listing_table(header, rows, wrap=tuple(header[:1]) + tuple(header[-1:]), foldable=())


def _table_as_drawn(rows: Any, lang: str, title: str, drawn: Any, statuses: list[str]) -> None:
    """The status table from the cache: printed as drawn before in this very environment
    without importing Rich (most of a warm table's start-up; cache.entries.environment_how),
    else drawn by Rich (``render.status_table``), which keeps it under that key too."""
    import sys

    from ..cache.entries import environment_how

    if drawn is not None:
        drawn.alias = environment_how(lang)
        text = drawn.get(drawn.alias) if drawn.alias is not None else None
        if text is not None:
            sys.stdout.write(text)
            sys.stdout.flush()
            return
    from ..output import render

    from ..output.tally import tally_line

    render.status_table(rows, lang, title, None, drawn, tally_line(statuses, lang))


def _of_group(
    items: GateItems,
    found: list[dict[str, Any]],
    wanted: list[str] | None,
    by: Literal["group", "owner"],
    targets: str | None = None,
    some: bool = False,
) -> GateItems:
    """The gate's items of the targets in the groups named in ``wanted`` (all without one);
    an unknown name is refused with the closest one (exit 1), as an unknown target id is.
    ``some``: only some targets were given (``status ID...``): a group of the plan with
    none of them gates nothing, and says so, rather than being called unknown."""
    if not wanted:
        return items
    members: set[str] = set()
    for group in wanted:
        if some and not _named(found, group, by):
            whole = _plan_items(targets, by)
            matches = _named(whole, group, by)
            if len(matches) == 1:
                from ..catalog import msg

                _say(msg("cli_group_none_given", group=group, targets=", ".join(matches[0].targets)))
                continue
        members |= _members_of(found, group, by)
    return [item for item in items if item[0] in members]


def _named(found: list[dict[str, Any]], group: str, by: Literal["group", "owner"]) -> list[Any]:
    from ..output.grouping import group_named, groups_of

    return group_named(groups_of(found, by), group)


def _plan_items(targets: str | None, by: Literal["group", "owner"]) -> list[dict[str, Any]]:
    """Every target of the plan as the grouping reads an item: its id and its group's (or
    owner's) names; read only when a --group was not found among the targets given."""
    from ..files.plan_loading import load_plan
    from ..files.workspace import find_targets

    plan = load_plan(find_targets(targets))
    out = []
    for t in plan.targets:
        name = t.owner if by == "owner" else t.group
        names = None if name is None else {"en": name.en, "vi": name.vi}
        out.append({"id": t.id, f"{by}_names": names, "status": "not_available", "score": None})
    return out


def _members_of(found: list[dict[str, Any]], group: str, by: Literal["group", "owner"]) -> set[str]:
    """The ids of the targets in the group called ``group``, or the refusal of an unknown name."""
    from ..catalog import msg
    from ..errors import suggestion
    from ..output.grouping import group_named, groups_of

    groups = groups_of(found, by)
    matches = group_named(groups, group)
    if len(matches) > 1:
        # A group's Vietnamese name may be another's name: gating one of them in silence
        # would leave the other unchecked.
        raise fail("--group", msg("cli_group_ambiguous", given=group, names=", ".join(g.name.en for g in matches)))
    chosen = matches[0] if matches else None
    if chosen is None:
        names = [g.name.en for g in groups]
        if not names:
            raise fail("--group", msg("cli_no_owner_none" if by == "owner" else "cli_no_group_none", given=group))
        hint = suggestion(group, names + [g.name.vi for g in groups if g.name.vi != g.name.en])
        raise fail(
            "--group",
            msg("cli_no_owner", given=group, hint=hint, names=", ".join(names))
            if by == "owner"
            else msg("cli_no_group", given=group, hint=hint, names=", ".join(names)),
        )
    return set(chosen.targets)


GATE_NAMES_COUNTED = 20


def _gate(gate: set[str], items: GateItems) -> None:
    """Exit 3 naming the targets that trip ``--fail-on``; a missed due milestone trips
    ``not_achieved`` even when the headline has moved on, and ``awaiting_figure`` trips on a
    deadline passed with no figure yet (docs/decisions.md)."""
    if not gate:
        return
    from ..catalog import msg

    tripped: list[str | Message] = []
    for target_id, status, missed, awaiting in items:
        if status in gate:
            tripped.append(target_id)
        elif "not_achieved" in gate and missed:
            periods = ", ".join(missed)
            tripped.append(
                msg("cli_gate_missed_one", target=target_id, periods=periods)
                if len(missed) == 1
                else msg("cli_gate_missed_many", target=target_id, periods=periods)
            )
        elif AWAITING in gate and awaiting:
            tripped.append(msg("cli_gate_awaiting", target=target_id, periods=", ".join(awaiting)))
    if tripped:
        from ..catalog import msg, render

        lang = _message_lang()
        named = ", ".join(render(t, lang) for t in tripped)
        gates = ",".join(sorted(gate))
        # Past a screenful of names, a count first: 650 ids on one line were 6 KB to count.
        many = len(tripped) > GATE_NAMES_COUNTED
        _say(
            msg("cli_gate_tripped_many", gate=gates, count=len(tripped), targets=named)
            if many
            else msg("cli_gate_tripped", gate=gates, targets=named)
        )
        raise typer.Exit(ExitCode.GATE)
