"""The command line: parse, call the library, format. Nothing else lives here.

Rich is imported only by ``render`` and only when a human-readable table is asked for,
so machine output (json, csv, tsv) and ``--version`` start fast.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import ExitCode, InputError, fail
from .model import Location, Problem

app = typer.Typer(
    name="qntrack",
    help="Track quantified policy targets: progress, gaps and status, computed the way "
    "official statistics bodies do (Statistics Canada / Open SDG).",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


class Lang(str, Enum):
    en = "en"
    vi = "vi"


TargetsOpt = Annotated[
    Optional[str],
    typer.Option("--targets", "-t", metavar="PATH", envvar="QNTRACK_TARGETS",
                 help="targets.yaml to use (default: ./targets.yaml or the nearest parent's)."),
]
LangOpt = Annotated[
    Optional[Lang],
    typer.Option("--lang", envvar="QNTRACK_LANG", help="Language of labels and numbers: en or vi."),
]
FormatOpt = Annotated[
    Optional[OutputFormat],
    typer.Option("--format", "-f", help="table (default on a terminal), json, csv or tsv (default when piped)."),
]
AsOfOpt = Annotated[
    Optional[str],
    typer.Option("--as-of", metavar="DATE",
                 help="Use only figures recorded by the end of DATE (YYYY-MM-DD, UTC): what was known then."),
]


def command(*args, **kwargs):
    """``app.command`` that turns our InputError into messages on stderr and its exit code.

    Done per command rather than only in ``main`` so that the app behaves the same when
    driven by Typer's test runner or embedded in another program.
    """
    import functools

    def decorate(fn):
        @functools.wraps(fn)
        def run(*a, **k):
            try:
                return fn(*a, **k)
            except InputError as exc:
                _report(exc.problems)
                raise typer.Exit(int(exc.code)) from None

        return app.command(*args, **kwargs)(run)

    return decorate


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"qntrack {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """qntrack: policy target tracker."""


def _lang(lang: Lang | None) -> str:
    from .i18n import resolve_lang

    return resolve_lang(lang.value if lang else None)


def _format(fmt: OutputFormat | None) -> str:
    if fmt is not None:
        return fmt.value
    return "table" if sys.stdout.isatty() else "tsv"


def _as_of(value: str | None) -> str | None:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise fail("--as-of", f"'{value}' is not a date; write YYYY-MM-DD, e.g. 2023-06-28", ExitCode.USAGE) from None


def _out(text: str) -> None:
    sys.stdout.write(text)


# --- status ------------------------------------------------------------------------------


@command()
def status(
    target_ids: Annotated[Optional[list[str]], typer.Argument(metavar="[TARGET_ID]...", help="Only these targets.")] = None,
    targets: TargetsOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
    fail_on: Annotated[Optional[str], typer.Option("--fail-on", metavar="STATUS[,STATUS]",
                                                   help="Exit 3 if any target has one of these statuses.")] = None,
) -> None:
    """One row per target: latest value, next milestone, gap, P and status.

    Example: qntrack status --format json | jq '.targets[] | {id, status}'
    """
    from .assessment import assess
    from .progress import Status
    from .workspace import open_workspace

    gate: set[str] = set()
    if fail_on:
        valid = {s.value for s in Status}
        gate = {s.strip() for s in fail_on.split(",") if s.strip()}
        unknown = sorted(gate - valid)
        if unknown:
            raise fail("--fail-on", f"unknown status {', '.join(unknown)}; valid: {', '.join(sorted(valid))}", ExitCode.USAGE)
    day = _as_of(as_of)
    ws = open_workspace(targets, day)
    _check_ids(ws.plan, target_ids)
    results = assess(ws.plan, ws.series, target_ids)
    kind = _format(fmt)
    if kind == "json":
        from .formats import status_document, to_json

        _out(to_json(status_document(results, day, ws.plan.title)))
    elif kind in ("csv", "tsv"):
        from .formats import status_rows, write_table

        _out(write_table(status_rows(results), kind))
    else:
        from . import render

        render.status_table(results, _lang(lang), ws.plan.title, day, ws.series)
    if gate and any(a.status.value in gate for a in results):
        raise typer.Exit(ExitCode.GATE)


def _check_ids(plan, target_ids: list[str] | None) -> None:
    import difflib

    problems = []
    for tid in target_ids or []:
        if plan.target(tid) is None:
            hint = difflib.get_close_matches(tid, [t.id for t in plan.targets], n=1)
            suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
            problems.append(Problem(Location(plan.source_file), f"no target '{tid}'{suggestion}"))
    if problems:
        raise InputError(problems)


# --- show --------------------------------------------------------------------------------


@command()
def show(
    target_id: Annotated[str, typer.Argument(metavar="TARGET_ID", help="The target to show.")],
    targets: TargetsOpt = None,
    fmt: Annotated[Optional[OutputFormat], typer.Option("--format", "-f", help="table (default) or json.")] = None,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """A target in full: definition, observations, every milestone and what it means.

    Example: qntrack show cbct-share --lang vi
    """
    from .assessment import assess_target
    from .workspace import open_workspace

    day = _as_of(as_of)
    ws = open_workspace(targets, day)
    _check_ids(ws.plan, [target_id])
    target = ws.plan.target(target_id)
    assert target is not None
    indicator = ws.plan.indicators[target.indicator]
    rows = ws.series.get(indicator.id, [])
    result = assess_target(target, indicator, rows)
    if fmt is not None and fmt.value == "json":
        from .formats import assessment_dict, to_json

        doc = assessment_dict(result)
        doc["observations"] = [
            {"period": str(o.period), "value": o.value, "status": o.status or None, "source": o.source or None,
             "note": o.note or None, "recorded_at": o.recorded_at}
            for o in rows
        ]
        _out(to_json(doc))
        return
    if fmt is not None and fmt.value != "table":
        raise fail("--format", "show prints a table or json", ExitCode.USAGE)
    from . import render

    render.show(result, rows, _lang(lang), day)


# --- observations ------------------------------------------------------------------------


@command()
def observations(
    indicator: Annotated[Optional[str], typer.Option("--indicator", "-i", metavar="ID", help="Only this indicator.")] = None,
    targets: TargetsOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """List the observations in force (the latest vintage of each indicator and period).

    Example: qntrack observations --indicator grdp_growth --format csv > growth.csv
    """
    from .workspace import open_workspace

    day = _as_of(as_of)
    ws = open_workspace(targets, day)
    if indicator is not None and indicator not in ws.plan.indicators:
        import difflib

        hint = difflib.get_close_matches(indicator, list(ws.plan.indicators), n=1)
        raise fail(ws.plan.source_file, f"no indicator '{indicator}'" + (f"; did you mean '{hint[0]}'?" if hint else ""))
    ids = [indicator] if indicator else list(ws.plan.indicators)
    rows = [o for i in ids for o in ws.series.get(i, [])]
    kind = _format(fmt)
    if kind == "json":
        from .formats import to_json

        _out(to_json({"qntrack": __version__, "as_of": day, "observations": [
            {"indicator": o.indicator, "period": str(o.period), "value": o.value, "status": o.status or None,
             "source": o.source or None, "note": o.note or None, "recorded_at": o.recorded_at} for o in rows]}))
    elif kind in ("csv", "tsv"):
        from .formats import observation_rows, write_table

        _out(write_table(observation_rows(rows), kind))
    else:
        from . import render

        render.observations_table(ws.plan, rows, _lang(lang))


# --- add-observation ---------------------------------------------------------------------


@command("add-observation")
def add_observation(
    indicator: Annotated[str, typer.Argument(metavar="INDICATOR", help="Indicator id, as in targets.yaml.")],
    period: Annotated[str, typer.Argument(metavar="PERIOD", help="2023, 2023-H1, 2023-Q2, 2023-04 or 2023-9M.")],
    value: Annotated[str, typer.Argument(metavar="VALUE", help="The figure, with a decimal point: 10.28")],
    obs_status: Annotated[Optional[str], typer.Option("--status", "-s", metavar="STATUS", help="estimate, preliminary or official.")] = None,
    source: Annotated[str, typer.Option("--source", metavar="TEXT", help="Where the figure was published (URL or document).")] = "",
    note: Annotated[str, typer.Option("--note", metavar="TEXT", help="Anything a reader should know.")] = "",
    recorded_at: Annotated[Optional[str], typer.Option("--recorded-at", metavar="TIMESTAMP",
                                                       help="When it was published (ISO 8601; default: now, UTC).")] = None,
    targets: TargetsOpt = None,
) -> None:
    """Validate one figure against targets.yaml and append it to the observations file.

    A later figure for the same indicator and period is a revision: both rows are kept,
    the one recorded last is in force.

    Example: qntrack add-observation grdp_growth 2025 11.89 --status estimate --source "Cục Thống kê, 7/1/2026"
    """
    from .recording import record_one

    path = record_one(targets, indicator, period, value, obs_status, source, note, recorded_at)
    sys.stderr.write(f"added {indicator} {period} = {value} to {path}\n")


# --- check -------------------------------------------------------------------------------


@command()
def check(
    targets: TargetsOpt = None,
    fmt: Annotated[Optional[OutputFormat], typer.Option("--format", "-f", help="text (default) or json.")] = None,
) -> None:
    """Validate targets.yaml and every row of the observations file.

    Prints nothing and exits 0 when all is well; otherwise every problem with its
    file and line, and exit 1.

    Example: qntrack check && echo ok
    """
    from .checks import run_checks

    problems = run_checks(targets)
    if fmt is not None and fmt.value == "json":
        from .formats import to_json

        _out(to_json({"qntrack": __version__, "problems": [
            {"file": p.location.file, "line": p.location.line or None, "column": p.location.column or None,
             "severity": p.severity, "check": p.check or None, "message": p.message} for p in problems]}))
        if any(p.severity == "error" for p in problems):
            raise typer.Exit(ExitCode.INVALID)
        return
    if problems:
        raise InputError(problems)


# --- init --------------------------------------------------------------------------------


@command()
def init(
    directory: Annotated[Path, typer.Argument(metavar="[DIR]", help="Where to start the tracker (default: here).")] = Path("."),
) -> None:
    """Start a new tracker: a small commented targets.yaml and an empty observations.csv.

    Refuses to overwrite anything that exists.

    Example: qntrack init my-plan && cd my-plan && qntrack status
    """
    from .starter import write_starter

    for written in write_starter(directory):
        sys.stderr.write(f"created {written}\n")


# --- entry point -------------------------------------------------------------------------


def _report(problems: list[Problem]) -> None:
    stream = sys.stderr
    for p in problems:
        stream.write(f"{p}\n")
    errors = sum(1 for p in problems if p.severity == "error")
    if len(problems) > 1:
        stream.write(f"{errors} error(s), {len(problems) - errors} warning(s)\n")


def main() -> None:
    """Console entry point: user mistakes become messages and exit codes, never tracebacks.

    Typer runs in standalone mode, so usage errors print its usage text and exit 2;
    our own input errors come out here as one line per problem.
    """
    try:
        app()
    except InputError as exc:
        _report(exc.problems)
        sys.exit(int(exc.code))
    except BrokenPipeError:
        # The reader of a pipe went away (e.g. `| head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
