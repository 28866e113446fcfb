"""The command line: parse, call the library, format. Nothing else lives here.

Rich is imported only by ``render`` and only when a human-readable table is asked for,
so machine output (json, csv, tsv) and ``--version`` start fast.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from . import __version__
from .errors import ExitCode, InputError, did_you_mean, fail
from .lean_typer import lean_runtime_params, resolve_annotations

if TYPE_CHECKING:
    from .model import Problem

lean_runtime_params()  # no Pydantic for plain option values (lean_typer.py)

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
            # Options given before the command (`qntrack --targets x status`) fill in
            # for the command's own when it was not given them.
            for name, value in _GLOBAL.items():
                if name in k and k[name] is None:
                    k[name] = value
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


_GLOBAL: dict[str, object] = {}


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    targets: TargetsOpt = None,
    lang: LangOpt = None,
) -> None:
    """qntrack: policy target tracker."""
    _GLOBAL.clear()
    _GLOBAL.update(targets=targets, lang=lang)


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
    gate: set[str] = set()
    if fail_on:
        from .progress import Status

        valid = {s.value for s in Status}
        gate = {s.strip() for s in fail_on.split(",") if s.strip()}
        unknown = sorted(gate - valid)
        if unknown:
            raise fail("--fail-on", f"unknown status {', '.join(unknown)}; valid: {', '.join(sorted(valid))}", ExitCode.USAGE)
    day = _as_of(as_of)
    kind = _format(fmt)
    if day is None:
        # Status as of now goes through the incremental cache (docs/performance.md).
        if kind == "table":
            from .cache import table_status

            chosen = _lang(lang)
            table = table_status(targets, target_ids, chosen, _check_ids)
            if table is not None:
                from . import render

                title, rows, statuses, drawn, warnings = table
                render.status_table(rows, chosen, title, None, drawn)
                _report(warnings)
                if gate & statuses:
                    raise typer.Exit(ExitCode.GATE)
                return
        else:
            from .cache import machine_status

            served = machine_status(targets, target_ids, kind, _check_ids)
            if served is not None:
                text, statuses, warnings = served
                _out(text)
                _report(warnings)
                if gate & statuses:
                    raise typer.Exit(ExitCode.GATE)
                return
    from .assessment import assess
    from .workspace import open_workspace

    ws = open_workspace(targets, day)
    _check_ids(ws.plan, target_ids)
    results = assess(ws.plan, ws.series, target_ids)
    if kind == "json":
        from .formats import status_document, to_json

        _out(to_json(status_document(results, day, ws.plan.title)))
    elif kind in ("csv", "tsv"):
        from .formats import status_rows, write_table

        _out(write_table(status_rows(results), kind))
    else:
        from . import render
        from .summary import status_cells

        chosen = _lang(lang)
        rows = [status_cells(a, chosen, ws.series.get(a.indicator.id, ())) for a in results]
        render.status_table(rows, chosen, ws.plan.title, day)
    _report(ws.warnings_for(a.indicator.id for a in results))
    if gate and any(a.status.value in gate for a in results):
        raise typer.Exit(ExitCode.GATE)


def _check_ids(plan, target_ids: list[str] | None) -> None:
    from .model import Location, Problem

    problems = []
    for tid in target_ids or []:
        if plan.target(tid) is None:
            suggestion = did_you_mean(tid, [t.id for t in plan.targets])
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
    from .assessment import assess_target, relevant_rows
    from .workspace import open_workspace

    day = _as_of(as_of)
    ws = open_workspace(targets, day)
    _check_ids(ws.plan, [target_id])
    target = ws.plan.target(target_id)
    assert target is not None
    indicator = ws.plan.indicators[target.indicator]
    result = assess_target(target, indicator, ws.series.get(indicator.id, []))
    rows = relevant_rows(target, ws.series.get(indicator.id, []))
    if fmt is not None and fmt.value == "json":
        from .formats import assessment_dict, to_json

        doc = assessment_dict(result)
        doc["observations"] = [
            {"period": str(o.period), "value": o.value, "status": o.status or None, "source": o.source or None,
             "note": o.note or None, "recorded_at": o.recorded_at}
            for o in rows
        ]
        _out(to_json(doc))
    elif fmt is not None and fmt.value != "table":
        raise fail("--format", "show prints a table or json", ExitCode.USAGE)
    else:
        from . import render

        render.show(result, rows, _lang(lang), day)
    _report(ws.warnings_for([indicator.id]))


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
        raise fail(ws.plan.source_file, f"no indicator '{indicator}'" + did_you_mean(indicator, list(ws.plan.indicators)))
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
    _report(ws.warnings_for(ids))


# --- add-observation ---------------------------------------------------------------------


@command("add-observation")
def add_observation(
    indicator: Annotated[Optional[str], typer.Argument(help="Indicator id, as in targets.yaml.")] = None,
    period: Annotated[Optional[str], typer.Argument(help="2023, 2023-H1, 2023-Q2, 2023-04 or 2023-9M.")] = None,
    value: Annotated[Optional[str], typer.Argument(help="The figure, with a decimal point: 10.28")] = None,
    obs_status: Annotated[Optional[str], typer.Option("--status", "-s", help="estimate, preliminary or official "
                                                      "(with --from: for rows that leave it empty).")] = None,
    source: Annotated[str, typer.Option("--source", help="Where the figure was published (URL or document).")] = "",
    note: Annotated[str, typer.Option("--note", help="Anything a reader should know.")] = "",
    recorded_at: Annotated[Optional[str], typer.Option("--recorded-at", metavar="TIMESTAMP",
                                                       help="When it was published (ISO 8601; default: now, UTC).")] = None,
    from_file: Annotated[Optional[str], typer.Option("--from", metavar="FILE",
                                                     help="Add every row of a CSV/TSV file ('-' for stdin), all or nothing.")] = None,
    wide: Annotated[bool, typer.Option("--wide", help="With --from: one row per indicator, one column per period.")] = False,
    delimiter: Annotated[Optional[str], typer.Option("--delimiter", "-d", metavar="CHAR",
                                                     help="With --from: ',' ';' or 'tab' (default: detected from the header).")] = None,
    decimal_comma: Annotated[Optional[bool], typer.Option("--decimal-comma/--decimal-point",
                                                          help="With --from: how numbers are written (default: "
                                                               "decimal comma if the file is ';'-separated).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="Validate and show what would be added; write nothing.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Record a figure for a period not yet begun, or one recorded "
                                                        "before its period ended without --status estimate.")] = False,
    tz: Annotated[Optional[str], typer.Option("--tz", metavar="OFFSET",
                                              help="Time zone of a recorded_at given without one, e.g. +07:00 "
                                                   "(default: targets.yaml's timezone:).")] = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    targets: TargetsOpt = None,
) -> None:
    """Validate figures against targets.yaml and append them to the observations file.

    One figure from INDICATOR PERIOD VALUE, or many with --from FILE (CSV or TSV with a
    header: indicator,period,value and optionally status,source,note,recorded_at; or,
    with --wide, indicator followed by one column per period). All or nothing: any bad
    row rejects the batch, every problem listed with its line. A later figure for the
    same indicator and period is a revision: both rows are kept, the one recorded last
    is in force.

    Example: qntrack add-observation grdp_growth 2025 11.89 --status estimate --source "Cục Thống kê, 7/1/2026"

    Example: qntrack add-observation --from nien-giam.csv --wide --status official --dry-run
    """
    positional = [a for a in (indicator, period, value) if a is not None]
    if from_file is not None and positional:
        raise fail("add-observation", "give either INDICATOR PERIOD VALUE or --from FILE, not both", ExitCode.USAGE)
    if from_file is None:
        if not positional:
            raise fail("add-observation", "give INDICATOR PERIOD VALUE, or --from FILE for many rows", ExitCode.USAGE)
        if len(positional) < 3:
            missing = ["INDICATOR", "PERIOD", "VALUE"][len(positional):]
            raise fail("add-observation", f"missing {' and '.join(missing)}", ExitCode.USAGE)
        given = [flag for flag, on in (("--wide", wide), ("--delimiter", delimiter is not None),
                                       ("--decimal-comma/--decimal-point", decimal_comma is not None)) if on]
        if given:
            raise fail("add-observation", f"{', '.join(given)} {'apply' if len(given) > 1 else 'applies'} only with "
                       "--from FILE", ExitCode.USAGE)
    if tz is not None:
        from .timing import parse_zone

        try:
            parse_zone(tz)
        except ValueError as exc:
            raise fail("--tz", str(exc), ExitCode.USAGE) from None
    if from_file is None:
        from .recording import record_many

        fields = {"indicator": indicator or "", "period": period or "", "value": value or "", "status": obs_status or "",
                  "source": source, "note": note, "recorded_at": recorded_at or ""}
        from .model import Location

        path, rows = record_many(targets, [(Location("add-observation"), fields)], dry_run=dry_run, force=force, tz=tz)
    else:
        from .importing import DELIMITERS, ImportFormat, RowDefaults, import_observations

        sep = None
        if delimiter is not None:
            sep = DELIMITERS.get(delimiter) or DELIMITERS.get(delimiter.strip().lower())
            if sep is None:
                raise fail("--delimiter", f"'{delimiter}' is not a delimiter; use ',', ';' or 'tab'", ExitCode.USAGE)
        result = import_observations(targets, from_file, ImportFormat(sep, decimal_comma, wide),
                                     RowDefaults(obs_status or "", source, note, recorded_at or ""), dry_run,
                                     force=force, tz=tz)
        path, rows = result.store, list(result.rows)
    if dry_run:
        kind = _format(fmt)
        if kind == "json":
            from .formats import to_json

            _out(to_json({"qntrack": __version__, "dry_run": True, "observations": [
                {"indicator": o.indicator, "period": str(o.period), "value": o.value, "status": o.status or None,
                 "source": o.source or None, "note": o.note or None, "recorded_at": o.recorded_at} for o in rows]}))
        elif kind in ("csv", "tsv"):
            from .formats import observation_rows, write_table

            _out(write_table(observation_rows(rows), kind))
        else:
            from . import render
            from .definitions import load_plan
            from .workspace import find_targets

            render.observations_table(load_plan(find_targets(targets)), rows, _lang(lang))
        sys.stderr.write(f"dry run: would add {len(rows)} row(s) to {path}; nothing was written\n")
    elif from_file is None:
        sys.stderr.write(f"added {indicator} {period} = {value} to {path}\n")
    else:
        sys.stderr.write(f"added {len(rows)} row(s) to {path}\n")
    _report_neutralised(rows, dry_run)


def _report_neutralised(rows, dry_run: bool) -> None:
    """Say when a source or note was stored with an apostrophe (recording.validate_record)."""
    from .textfiles import formula_like

    count = sum(1 for o in rows for text in (o.source, o.note) if text[:1] == "'" and formula_like(text[1:]))
    if count:
        sys.stderr.write(f"{count} source/note text(s) start like a spreadsheet formula (=, +, -, @) and "
                         f"{'would be' if dry_run else 'are'} stored after an apostrophe ('), so that a "
                         "spreadsheet shows them rather than running them\n")


# --- history -----------------------------------------------------------------------------


@command()
def history(
    indicator: Annotated[str, typer.Argument(metavar="INDICATOR", help="Indicator id, as in targets.yaml.")],
    period: Annotated[Optional[str], typer.Argument(metavar="[PERIOD]", help="Only this period (e.g. 2022-H1).")] = None,
    targets: TargetsOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """Every vintage recorded for an indicator: estimates, revisions, official figures.

    Latest period first; within a period the newest vintage first, with its status,
    source and recorded_at. The vintage in force (recorded last) is marked.

    Example: qntrack history grdp_growth 2022-H1
    """

    from .history import vintages
    from .periods import PeriodError, parse_period
    from .workspace import open_workspace

    day = _as_of(as_of)
    wanted = None
    if period is not None:
        try:
            wanted = parse_period(period)
        except PeriodError as exc:
            raise fail("PERIOD", str(exc), ExitCode.USAGE) from None
    ws = open_workspace(targets, day)
    ind = ws.plan.indicators.get(indicator)
    if ind is None:
        raise fail(ws.plan.source_file, f"no indicator '{indicator}'" + did_you_mean(indicator, list(ws.plan.indicators)))
    if ind.formula:
        raise fail(ws.plan.source_file, f"indicator '{indicator}' is derived (formula: {ind.formula}); "
                                        "its history is that of its inputs")
    found = vintages(ws.store.observations, indicator, wanted, day)
    kind = _format(fmt)
    if kind == "json":
        from .formats import to_json

        _out(to_json({"qntrack": __version__, "indicator": indicator, "period": str(wanted) if wanted else None,
                      "as_of": day, "vintages": [
            {"period": str(v.observation.period), "value": v.observation.value, "status": v.observation.status or None,
             "source": v.observation.source or None, "note": v.observation.note or None,
             "recorded_at": v.observation.recorded_at, "in_force": v.in_force, "line": v.observation.line,
             "revises": None if v.revises is None else v.revises.value} for v in found]}))
    elif kind in ("csv", "tsv"):
        from .formats import write_table

        header = ("period", "value", "status", "source", "note", "recorded_at", "in_force", "line")
        _out(write_table([header] + [(str(v.observation.period), v.observation.value, v.observation.status,
                                      v.observation.source, v.observation.note, v.observation.recorded_at,
                                      v.in_force, v.observation.line) for v in found], kind))
    else:
        from . import render

        render.history_table(ws.plan, indicator, found, _lang(lang), day)


# --- check -------------------------------------------------------------------------------


@command()
def check(
    names: Annotated[Optional[list[str]], typer.Argument(metavar="[CHECK]...",
                                                         help="Checks to run besides the default ones (see --list).")] = None,
    targets: TargetsOpt = None,
    fmt: Annotated[Optional[OutputFormat], typer.Option("--format", "-f", help="text (default) or json.")] = None,
    run_all: Annotated[bool, typer.Option("--all", help="Run every check, including stale and milestone-due.")] = False,
    list_checks: Annotated[bool, typer.Option("--list", help="List the checks, their severity and rule, and exit.")] = False,
    repair: Annotated[bool, typer.Option("--repair", help="First move a torn last line of the observations file "
                                                          "to a side file (never deleted), then check.")] = False,
    as_of: AsOfOpt = None,
    jump_factor: Annotated[Optional[float], typer.Option("--jump-factor", metavar="X",
                                                         help="Warn when a vintage is more than X times larger or "
                                                              "smaller than the one before it (default 5).")] = None,
) -> None:
    """Validate targets.yaml and every row of the observations file.

    Prints nothing and exits 0 when all is well; otherwise every problem with its file,
    line and check name. Errors exit 1; warnings alone exit 0. Name checks to add them
    (e.g. stale, milestone-due), or --all.

    Example: qntrack check && echo ok

    Example: qntrack check stale milestone-due --as-of 2025-06-30 --format json
    """
    from .checks import BY_NAME, CHECKS, DEFAULT_CHECKS, DEFAULT_JUMP_FACTOR, run_checks

    json_out = fmt is not None and fmt.value == "json"
    if list_checks:
        if names or repair or run_all:
            raise fail("--list", "--list takes no check names and no --repair or --all", ExitCode.USAGE)
        if json_out:
            from .formats import to_json

            _out(to_json({"qntrack": __version__, "checks": [
                {"name": c.name, "severity": c.severity, "default": c.default, "rule": c.rule} for c in CHECKS]}))
        else:
            width = max(len(c.name) for c in CHECKS)
            _out("".join(f"{c.name:<{width}}  {c.severity:<7}  {'default' if c.default else 'on demand':<9}  {c.rule}\n"
                         for c in CHECKS))
        return
    unknown = [n for n in names or [] if n not in BY_NAME]
    if unknown:
        shown = ", ".join(f"'{n}'{did_you_mean(n, BY_NAME)}" for n in unknown)
        raise fail("check", f"unknown check {shown} ('qntrack check --list' shows them)", ExitCode.USAGE)
    factor = DEFAULT_JUMP_FACTOR if jump_factor is None else jump_factor
    if not factor > 1 or factor != factor or factor == float("inf"):
        raise fail("--jump-factor", f"'{jump_factor}' must be a number greater than 1, e.g. 5", ExitCode.USAGE)
    day = _as_of(as_of)
    if repair:
        from .definitions import load_plan
        from .repair import repair_store
        from .workspace import find_targets, store_path_for

        targets_path = find_targets(targets)
        store_path = store_path_for(load_plan(targets_path), targets_path)
        done = repair_store(store_path)
        if done is None and not store_path.exists():
            sys.stderr.write(f"nothing to repair: {store_path} does not exist\n")
        elif done is None:
            sys.stderr.write(f"nothing to repair: {store_path} ends with a complete row\n")
        else:
            sys.stderr.write(f"moved the incomplete line {done.torn_line} ({len(done.tail)} bytes) of {store_path} "
                             f"to {done.side_file}; re-enter that row if it is still wanted\n")
    selected = list(BY_NAME) if run_all else list(dict.fromkeys([*DEFAULT_CHECKS, *(names or [])]))
    problems = run_checks(targets, selected, as_of=day, jump_factor=factor)
    errors = any(p.severity == "error" for p in problems)
    if json_out:
        from .formats import to_json

        _out(to_json({"qntrack": __version__, "as_of": day, "checks": selected, "problems": [
            {"file": p.location.file, "line": p.location.line or None, "column": p.location.column or None,
             "severity": p.severity, "check": p.check or None, "message": p.message} for p in problems]}))
    elif problems:
        _report(problems)
    if errors:
        raise typer.Exit(ExitCode.INVALID)


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


# --- report ------------------------------------------------------------------------------


class ReportFormat(str, Enum):
    html = "html"
    markdown = "markdown"
    json = "json"
    toml = "toml"


_REPORT_SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown",
                    ".json": "json", ".toml": "toml"}


@command()
def report(
    target_ids: Annotated[Optional[list[str]], typer.Argument(metavar="[TARGET_ID]...", help="Only these targets.")] = None,
    targets: TargetsOpt = None,
    fmt: Annotated[Optional[ReportFormat], typer.Option(
        "--format", "-f", help="html, markdown, json or toml (default: from the -o file's extension, else markdown).")] = None,
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", metavar="FILE", help="Write the report to FILE, atomically (default: stdout). "
        "With markdown, the charts go beside it as SVG files (review.md: review-charts/*.svg).")] = None,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", metavar="DATE", help="Add a 'since the last review' section: figures added or revised "
        "after DATE and targets whose status changed since then.")] = None,
) -> None:
    """The review-meeting document: a summary of every target, then one section per target.

    html is one self-contained file with charts that prints on A4; markdown has the same
    content as tables; json and toml are the full assessment snapshot for archiving.

    Example: qntrack report --format html -o review-2025.html --since 2025-06-30
    """
    from datetime import date

    from .report import build_report, render, write_report
    from .workspace import open_workspace

    day = _as_of(as_of)
    since_day = None
    if since is not None:
        try:
            since_day = date.fromisoformat(since.strip()).isoformat()
        except ValueError:
            raise fail("--since", f"'{since}' is not a date; write YYYY-MM-DD, e.g. 2025-06-30", ExitCode.USAGE) from None
        if day is not None and since_day >= day:
            raise fail("--since", f"{since_day} is not before --as-of {day}; the review date comes first", ExitCode.USAGE)
    to_stdout = output is None or output == "-"
    kind = fmt.value if fmt is not None else None
    if kind is None:
        kind = "markdown" if to_stdout else _REPORT_SUFFIXES.get(Path(output).suffix.lower(), "markdown")
    if kind == "html" and to_stdout and sys.stdout.isatty():
        raise fail("--format html", "an HTML report is a file, not terminal text: give -o report.html, "
                   "or redirect it (qntrack report --format html > report.html)", ExitCode.USAGE)
    path = None
    if not to_stdout:
        path = Path(output)
        if path.is_dir():
            raise fail(output, "is a folder; give a file name, e.g. -o review.html", ExitCode.USAGE)
        if not path.parent.is_dir():
            raise fail(output, f"folder '{path.parent}' does not exist", ExitCode.USAGE)
    ws = open_workspace(targets, day)
    _check_ids(ws.plan, target_ids)
    data = build_report(ws.plan, ws.series, ws.store.observations, target_ids, day, since_day)
    language = _lang(lang)
    warnings = ws.warnings_for(a.indicator.id for a in data.assessments)
    if path is None:
        _out(render(data, kind, language))
        _report(warnings)
        return
    try:
        written = write_report(data, kind, language, path)
    except OSError as exc:
        raise fail(output, f"cannot write the report: {exc.strerror or exc}") from None
    charts = len(written) - 1
    sys.stderr.write(f"wrote {path}" + (f" and {charts} chart(s) in {written[0].parent}" if charts else "") + "\n")
    _report(warnings)


# --- entry point -------------------------------------------------------------------------


def _visible(text: str) -> str:
    """Control characters from a user's file shown as escapes, so a message can never
    move the cursor, recolour the terminal or break a line (ESC [ 2 J and friends)."""
    import re

    return re.sub(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m.group()):02x}", text)


def _report(problems: list[Problem]) -> None:
    stream = sys.stderr
    for p in problems:
        stream.write(f"{_visible(str(p))}\n")
    errors = sum(1 for p in problems if p.severity == "error")
    if len(problems) > 1:
        stream.write(f"{errors} error(s), {len(problems) - errors} warning(s)\n")


def main() -> None:
    """Console entry point: user mistakes become messages and exit codes, never tracebacks.

    Typer runs in standalone mode, so usage errors print its usage text and exit 2;
    our own input errors come out here as one line per problem.
    """
    if sys.argv[1:] == ["--version"]:
        # Answered before Typer builds the commands: scripts ask it often (docs/performance.md).
        sys.stdout.write(f"qntrack {__version__}\n")
        return
    resolve_annotations(app)  # once, not four times over (lean_typer.py)
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
