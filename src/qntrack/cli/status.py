"""``qntrack status``: one row per target, and the ``--fail-on`` gate (exit 3)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..errors import ExitCode, fail
from .app import AWAITING, AsOfOpt, FormatOpt, LangOpt, TargetsOpt, _as_of, _format, _lang, command
from .arguments import _check_ids
from .completion import complete_statuses, complete_target_ids
from .printing import _guard_stdout, _out, _report, _say
from .session import _message_lang

if TYPE_CHECKING:
    from ..catalog import Message


@command()
def status(
    target_ids: Annotated[
        Optional[list[str]],
        typer.Argument(metavar="[TARGET_ID]...", help="Only these targets.", autocompletion=complete_target_ids),
    ] = None,
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
) -> None:
    """One row per target: latest value, next milestone, gap, P and status.

    Example: qntrack status --format json | jq '.targets[] | {id, status}'
    """
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

            raise fail(
                "--fail-on",
                msg("cli_unknown_status", statuses=", ".join(unknown), valid=", ".join(sorted(valid))),
                ExitCode.USAGE,
            )
    day = _as_of(as_of)
    kind = _format(fmt)
    # (Printed into the store or the plan, main() has refused already: _guard_stdout_for.)
    if day is None:
        # Status as of now goes through the incremental cache (docs/performance.md).
        if kind == "table":
            from ..cache import table_status

            chosen = _lang(lang)
            table = table_status(targets, target_ids, chosen, _check_ids)
            if table is not None:
                from ..output import render

                title, rows, items, drawn, warnings = table
                render.status_table(rows, chosen, title, None, drawn)
                _report(warnings)
                _gate(gate, items)
                return
        else:
            from ..cache import machine_status

            served = machine_status(targets, target_ids, kind, _check_ids)
            if served is not None:
                text, items, warnings = served
                _out(text)
                _report(warnings)
                _gate(gate, items)
                return
    from ..kinds import assess
    from ..files.workspace import open_workspace, reference_day

    ws = open_workspace(targets, day)
    _guard_stdout(ws.targets_path, ws.plan)
    _check_ids(ws.plan, target_ids)
    results = assess(ws.plan, ws.series, target_ids, reference_day(day))
    if kind == "json":
        from ..output.formats import status_document, to_json

        _out(to_json(status_document(results, day, ws.plan.title)))
    elif kind in ("csv", "tsv"):
        from ..output.formats import status_rows, write_table

        _out(write_table(status_rows(results), kind))
    else:
        from ..output import render
        from ..output.summary import status_cells

        chosen = _lang(lang)
        rows = [status_cells(a, chosen, ws.series.get(a.indicator.id, ())) for a in results]
        render.status_table(rows, chosen, ws.plan.title, day)
    _report(ws.warnings_for(a.indicator.id for a in results))
    _gate(
        gate,
        [
            (
                a.target.id,
                a.status.value,
                tuple(str(p) for p in a.missed_milestones),
                tuple(str(p) for p in a.awaiting_figures),
            )
            for a in results
        ],
    )


def _gate(gate: set[str], items: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]) -> None:
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
        _say(msg("cli_gate_tripped", gate=",".join(sorted(gate)), targets=", ".join(render(t, lang) for t in tripped)))
        raise typer.Exit(ExitCode.GATE)
