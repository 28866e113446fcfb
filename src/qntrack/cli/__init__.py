"""The command line: parse, call the library, format. Nothing else lives here.

Rich is imported only by ``render`` and only when a human-readable table is asked for,
so machine output (json, csv, tsv) and ``--version`` start fast.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, Sequence

import typer
from typer.core import TyperGroup  # already loaded by `import typer`

from .. import __version__
from ..errors import ExitCode, InputError, fail
from ..lean_typer import lean_runtime_params

if TYPE_CHECKING:
    from ..catalog import Message
    from ..plan.model import Problem

lean_runtime_params()  # no Pydantic for plain option values (lean_typer.py)


class _Group(TyperGroup):
    """The qntrack command group: Click's own usage errors ("No such option", "Missing
    argument", with their "Usage:" lines) in the language of messages (usage.py).

    The error is re-worded where Click raises it, while the command line is read (here
    for the options before the command and the command's name, in ``invoke`` for the
    command's own), and shown by Typer as any usage error, exit 2: the same under
    ``main()`` and under Typer's test runner. English errors pass through untouched."""

    def make_context(self, info_name, args, parent=None, **extra):  # type: ignore[no-untyped-def]
        # --lang read as typed in any case and with spaces ('VI', ' vi '): Click's choice
        # is exact, so the value is put as the language it names before Click reads it.
        args, typed = _lang_words(list(args))
        if not typed:
            _warn_unknown_env_lang()
        words = list(args)  # Click consumes the list it reads
        try:
            ctx = super().make_context(info_name, args, parent, **extra)
        except typer.TyperException as exc:  # Click's exceptions derive from it
            from ..cli.usage import in_language

            raise in_language(exc, words) from None
        ctx.meta["qntrack.args"] = words
        return ctx

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except typer.TyperException as exc:
            from ..cli.usage import in_language

            raise in_language(exc, ctx.meta.get("qntrack.args", [])) from None


def _known_lang(value: str) -> str | None:
    """The language ``value`` names, in any case and with spaces around ('VI' -> 'vi'),
    or None (i18n.resolve_lang reads QNTRACK_LANG the same way)."""
    chosen = value.strip().lower()
    return chosen if chosen in ("en", "vi") else None


def _lang_words(args: list[str]) -> tuple[list[str], bool]:
    """The command line with each ``--lang`` value as the language it names, and whether
    a ``--lang`` was typed. An unknown value is left for Click to refuse (exit 2).
    Nothing after ``--`` is an option."""
    typed = False
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            typed = True
            args[i + 1] = _known_lang(args[i + 1]) or args[i + 1]
        elif arg.startswith("--lang="):
            typed = True
            args[i] = "--lang=" + (_known_lang(arg[7:]) or arg[7:])
    return args, typed


def _warn_unknown_env_lang() -> None:
    """QNTRACK_LANG naming no language qntrack speaks: English, said once on stderr. A
    profile's QNTRACK_LANG=fr must not turn every command into a usage error; nothing is
    said while the shell completes a word (it would print over the prompt)."""
    raw = os.environ.get("QNTRACK_LANG") or ""
    if not raw.strip() or _known_lang(raw) is not None or "_QNTRACK_COMPLETE" in os.environ:
        return
    from ..catalog import msg
    from ..plan.model import Location, Problem

    warning = Problem(Location("qntrack"), msg("cli_lang_env_unknown", value=raw), severity="warning")
    sys.stderr.write(_visible(warning.text("en")) + "\n")


def _chosen_lang(lang: Lang | None) -> str | None:
    """The language the user chose: the command's --lang, else the one before the
    command, else QNTRACK_LANG; None when none was (English by default)."""
    chosen = lang or _GLOBAL.get("lang")
    if chosen is not None:
        return chosen.value
    return _known_lang(os.environ.get("QNTRACK_LANG") or "")


app = typer.Typer(
    name="qntrack",
    cls=_Group,
    help="Track quantified policy targets: progress, gaps and status, computed the way "
    "official statistics bodies do (Statistics Canada / Open SDG).",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},  # -h everywhere, as users expect
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
    typer.Option(
        "--targets",
        "-t",
        metavar="PATH",
        envvar="QNTRACK_TARGETS",
        help="targets.yaml to use (default: ./targets.yaml or the nearest parent's).",
    ),
]
LangOpt = Annotated[
    Optional[Lang],
    # QNTRACK_LANG is read by i18n.resolve_lang, not by Click: Click would refuse 'VI' or
    # 'fr' from a shell profile on every command (docs/decisions.md).
    typer.Option(
        "--lang", help="Language of labels and numbers: en or vi, in any case (default: QNTRACK_LANG, else en)."
    ),
]
FormatOpt = Annotated[
    Optional[OutputFormat],
    typer.Option("--format", "-f", help="table (default on a terminal), json, csv or tsv (default when piped)."),
]
AsOfOpt = Annotated[
    Optional[str],
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Use only figures recorded by the end of DATE (YYYY-MM-DD, UTC): what was known then.",
    ),
]


def _completion_plan(ctx):
    """The plan for shell completion, or None: completion runs on every Tab press, so it
    reads targets.yaml once, never prints and never raises."""
    try:
        from ..files.definitions import load_plan
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
    return [(t.id, _target_name(t, plan, "en")) for t in plan.targets if t.id.startswith(incomplete)]


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


# Not a status: a gate word for deadlines passed with no figure yet (docs/decisions.md).
AWAITING = "awaiting_figure"


def complete_docs(ctx: typer.Context | None, incomplete: str) -> list[str]:
    """The documents `qntrack docs` has."""
    try:
        return [name for name in _shipped_docs() if name.startswith(incomplete)]
    except BaseException:  # noqa: BLE001 - completion never raises
        return []


def _target_name(target, plan, lang: str) -> str:
    """A target's own name, else its indicator's (a level target often has none)."""
    if target.name is not None:
        return target.name.get(lang)
    indicator = plan.indicators.get(target.indicator)
    return indicator.name.get(lang) if indicator is not None else ""


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
            # Messages on stderr follow this command's --lang (see _message_lang).
            _GLOBAL["message_lang"] = k.get("lang") or _GLOBAL.get("lang")
            try:
                return fn(*a, **k)
            except InputError as exc:
                _report(exc.problems)
                raise typer.Exit(int(exc.code)) from None
            except BrokenPipeError:
                # The reader went away (`| head -1`): not an error, exit 0 and no message,
                # here and not in main(), since Click turns an EPIPE that reaches it into
                # exit 1 (which `show`, printing as it goes, met; issue 12).
                _silence_stdout()
                raise typer.Exit(0) from None
            except OSError as exc:
                # The safety net: an OS error no specific handler turned into a message
                # still comes out as one line naming the file (docs/data-integrity.md).
                raise _os_exit(exc) from None

        return app.command(*args, **kwargs)(run)

    return decorate


def _numbers_as_arguments():
    """A Typer command class for which ``-2.5`` is a value, not an option.

    Click reads any token that starts with '-' as an option, so ``add-observation growth
    2022 -2.5`` failed with "No such option: -2". A token that is a number (``-2.5``,
    ``-1e3``, ``-.5``, also ``-1,5`` and numbers in foreign digits, so that they reach
    the number reader and its message) and is not the value of an option is given a
    leading space, which Click does not read as an option; the command strips it. Real
    unknown options (``--sauce``) still fail as before.
    """
    import re

    from typer.core import TyperCommand  # Typer carries its own Click: no `import click`

    number = re.compile(r"-(?:[^\W_]|[.,]\w)[\w.,+\-]*")

    class NumbersAsArguments(TyperCommand):
        def parse_args(self, ctx, args: list[str]) -> list[str]:
            takes_value = {
                name for p in self.params if p.param_type_name == "option" and not p.is_flag for name in p.opts
            }
            out: list[str] = []
            after_option = end = False
            for arg in args:
                if not end and not after_option and number.fullmatch(arg) and _is_number_like(arg):
                    arg = " " + arg
                end = end or arg == "--"
                after_option = not end and arg in takes_value
                out.append(arg)
            return super().parse_args(ctx, out)

    return NumbersAsArguments


def _is_number_like(token: str) -> bool:
    """``-2.5``, ``-1e3``, ``-inf``, ``-1,5``, ``-١``: what a person means as a figure."""
    body = token[1:]
    try:
        float(body.replace(",", "."))
        return True
    except ValueError:
        return body[:1].isdigit() or body[:1] in ".,"


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"qntrack {__version__}\n")
        raise typer.Exit()


_GLOBAL: dict[str, object] = {}


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    targets: TargetsOpt = None,
    lang: LangOpt = None,
) -> None:
    """qntrack: policy target tracker."""
    _GLOBAL.clear()
    _GLOBAL.update(targets=targets, lang=lang)


def _lang(lang: Lang | None) -> str:
    from ..output.i18n import resolve_lang

    return resolve_lang(lang.value if lang else None)


def _format(fmt: OutputFormat | None) -> str:
    if fmt is not None:
        return fmt.value
    return "table" if sys.stdout.isatty() else "tsv"


def _as_of(value: str | None, option: str = "--as-of", example: str = "2023-06-28") -> str | None:
    """A day given on the command line (``--as-of``, ``--since``), as YYYY-MM-DD."""
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        from ..catalog import msg

        raise fail(option, msg("cli_not_a_date", value=value, example=example), ExitCode.USAGE) from None


def _stdout_is_a_file() -> bool:
    """Standard output is a regular file (``>> file``), which could be a file qntrack reads."""
    import stat

    try:
        # The stream commands print to (a test runner's is no file at all), not descriptor 1.
        return stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is both OSError and ValueError
        return False


def _guard_stdout(targets_path: Path, plan=None) -> None:
    """Refuse to print into the plan or the store (``qntrack status -f csv >> observations.csv``):
    outputs never replace or extend inputs (files.outputs.refuse_stdout_into). ``plan``: the
    parsed plan, which names the store; without one, the store is found if the plan reads."""
    if not _stdout_is_a_file():
        return
    from ..files.outputs import refuse_stdout_into
    from ..files.workspace import store_path_for

    if plan is None:
        from ..files.definitions import load_plan

        try:
            plan = load_plan(targets_path)
        except InputError:
            plan = None  # the command says what is wrong with the plan
    refuse_stdout_into(targets_path, store_path_for(plan, targets_path) if plan is not None else None, report=False)


def _terminal_columns() -> int | None:
    """The terminal's width when standard output is one (COLUMNS counts, as for Rich);
    None when piped or redirected."""
    if not sys.stdout.isatty():
        return None
    import shutil

    return shutil.get_terminal_size().columns


def _check_list_text(rows: list[tuple[str, str, str, str]], widths: list[int], columns: int | None) -> str:
    """``check --list``: name, severity, when, rule. At a terminal the rule wraps under its
    own column to the terminal's width (a rule is up to 230 characters); piped, one line a
    check, whole, for grep (docs/decisions.md)."""
    indent = sum(widths) + 6
    room = (columns or 0) - indent
    out = []
    for n, s, d, r in rows:
        head = f"{n:<{widths[0]}}  {s:<{widths[1]}}  {d:<{widths[2]}}  "
        if columns is None or room < 20:
            out.append(f"{head}{r}\n")  # too narrow to wrap usefully: the whole rule
            continue
        import textwrap

        lines = textwrap.wrap(r, room, break_on_hyphens=False) or [""]
        out.append(head + lines[0] + "\n" + "".join(" " * indent + line + "\n" for line in lines[1:]))
    return "".join(out)


def _store_named_in(path: Path) -> Path:
    """The store targets.yaml names on its top-level ``observations:`` line, else the
    default beside it, read without parsing the plan (``_guard_stdout_for``)."""
    import re
    import stat

    default = path.parent / "observations.csv"
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > 16 << 20:
            return default
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return default
    found = re.search(r"""^observations:[ \t]*(["']?)([^"'\n#]+?)\1[ \t]*(?:#.*)?$""", text, re.M)
    return path.parent / found.group(2).strip() if found else default


def _guard_stdout_for(args: list[str]) -> None:
    """``_guard_stdout`` for the tracker the command line names (``--targets``/``-t``, else
    QNTRACK_TARGETS, else the nearest targets.yaml); nothing when there is none."""
    from ..files.workspace import find_targets

    explicit = os.environ.get("QNTRACK_TARGETS") or None
    for k, arg in enumerate(args):
        if arg in ("-t", "--targets") and k + 1 < len(args):
            explicit = args[k + 1]
        elif arg.startswith("--targets="):
            explicit = arg.split("=", 1)[1]
        elif arg == "--":
            break
    try:
        path = find_targets(explicit)
    except InputError:
        return  # no tracker here: nothing of it to protect
    try:
        from ..files.outputs import refuse_stdout_into

        # The plan is not parsed here (the command does that, and a national one is large):
        # its `observations:` line is enough to know the store.
        refuse_stdout_into(path, _store_named_in(path), report=False)
    except InputError as exc:
        # Said before any command has read its --lang: in the language the line asks for.
        from .usage import args_lang

        _report(exc.problems, args_lang(args))
        raise SystemExit(int(exc.code)) from None


def _out(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()  # a full disk behind stdout is reported here, not at exit


def _os_exit(exc: OSError) -> typer.Exit:
    """Report an OSError in one line and give the exit to raise (1, as for any file that
    cannot be read or written). An error without a file name comes from writing standard
    output (every file qntrack writes is named by its own handler)."""
    import errno

    from ..errors import os_failure
    from ..catalog import msg

    if exc.filename:
        _report(os_failure(exc, None, msg("cli_doing_use_file")).problems)
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF):
        _silence_stdout()
        _report(os_failure(exc, "standard output", msg("cli_doing_write")).problems)
    else:  # not seen in the sweep; said as the system says it, still in one line
        _report(os_failure(exc, "qntrack", msg("cli_doing_go_on")).problems)
    return typer.Exit(int(ExitCode.INVALID))


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush of what could not be
    written does not fail again with a second message."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test runner's buffer)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


# --- status ------------------------------------------------------------------------------


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


def _first_ids(known: list[str]) -> str:
    """The known ids an "unknown id" message lists: the first 20, in the plan's order."""
    return ", ".join(known[:20]) + (", ..." if len(known) > 20 else "")


def _check_ids(plan, target_ids: list[str] | None) -> None:
    """Refuse unknown target ids as history refuses unknown indicators (_unknown_indicator):
    the closest id, case ignored, and the known ones (docs/decisions.md)."""
    from ..errors import suggestion
    from ..catalog import msg
    from ..plan.model import Location, Problem

    problems = []
    for tid in target_ids or []:
        if plan.target(tid) is None:
            uses = [t.id for t in plan.targets if t.indicator == tid]
            if tid in plan.indicators and uses:
                # A user often types the indicator's id (cbct_share) for its target's (cbct-share).
                problems.append(
                    Problem(
                        Location(plan.source_file), msg("cli_indicator_not_target", given=tid, targets=", ".join(uses))
                    )
                )
                continue
            known = [t.id for t in plan.targets]
            problems.append(
                Problem(
                    Location(plan.source_file),
                    msg("cli_no_target", given=tid, hint=suggestion(tid, known), targets=_first_ids(known))
                    if known
                    else msg("cli_no_target_none", given=tid),
                )
            )
    if problems:
        raise InputError(problems)


# --- show --------------------------------------------------------------------------------


@command()
def show(
    target_id: Annotated[
        str, typer.Argument(metavar="TARGET_ID", help="The target to show.", autocompletion=complete_target_ids)
    ],
    targets: TargetsOpt = None,
    fmt: Annotated[Optional[OutputFormat], typer.Option("--format", "-f", help="table (default) or json.")] = None,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """A target in full: definition, observations, every milestone and what it means.

    Example: qntrack show cbct-share --lang vi
    """
    from ..kinds import assess_target, relevant_rows
    from ..files.workspace import open_workspace, reference_day

    day = _as_of(as_of)
    ws = open_workspace(targets, day)
    _guard_stdout(ws.targets_path, ws.plan)
    _check_ids(ws.plan, [target_id])
    target = ws.plan.target(target_id)
    assert target is not None
    indicator = ws.plan.indicators[target.indicator]
    result = assess_target(target, indicator, ws.series.get(indicator.id, []), reference_day(day))
    rows = relevant_rows(target, ws.series.get(indicator.id, []))
    if fmt is not None and fmt.value == "json":
        from ..output.formats import assessment_dict, to_json

        doc = assessment_dict(result)
        from ..output.formats import observation_dict

        doc["observations"] = [observation_dict(o, indicator=False) for o in rows]
        _out(to_json(doc))
    elif fmt is not None and fmt.value != "table":
        from ..catalog import msg

        raise fail("--format", msg("cli_show_formats"), ExitCode.USAGE)
    else:
        from ..output import render

        render.show(result, rows, _lang(lang), day)
    _report(ws.warnings_for([indicator.id]))


# --- observations ------------------------------------------------------------------------


@command()
def observations(
    indicator: Annotated[
        Optional[str],
        typer.Option(
            "--indicator", "-i", metavar="ID", help="Only this indicator.", autocompletion=complete_indicator_ids
        ),
    ] = None,
    targets: TargetsOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """List the observations in force (the latest vintage of each indicator and period).

    Example: qntrack observations --indicator grdp_growth --format csv > growth.csv
    """
    from ..files.workspace import open_workspace

    day = _as_of(as_of)
    ws = open_workspace(targets, day)
    _guard_stdout(ws.targets_path, ws.plan)
    if indicator is not None and indicator not in ws.plan.indicators:
        raise fail(ws.plan.source_file, _unknown_indicator(ws.plan, indicator))
    ids = [indicator] if indicator else list(ws.plan.indicators)
    rows = [o for i in ids for o in ws.series.get(i, [])]
    kind = _format(fmt)
    if kind == "json":
        from ..output.formats import to_json

        from ..output.formats import observation_dict

        _out(to_json({"qntrack": __version__, "as_of": day, "observations": [observation_dict(o) for o in rows]}))
    elif kind in ("csv", "tsv"):
        from ..output.formats import observation_rows, write_table

        _out(write_table(observation_rows(rows), kind))
    else:
        from ..output import render

        render.observations_table(ws.plan, rows, _lang(lang))
    _report(ws.warnings_for(ids))


# --- add-observation ---------------------------------------------------------------------


@command("add-observation", cls=_numbers_as_arguments())
def add_observation(
    indicator: Annotated[
        Optional[str], typer.Argument(help="Indicator id, as in targets.yaml.", autocompletion=complete_indicator_ids)
    ] = None,
    period: Annotated[Optional[str], typer.Argument(help="2023, 2023-H1, 2023-Q2, 2023-04 or 2023-9M.")] = None,
    value: Annotated[
        Optional[str], typer.Argument(help="The figure: 10.28, -2.5, or 10,5 with a decimal comma.")
    ] = None,
    obs_status: Annotated[
        Optional[str],
        typer.Option(
            "--status", "-s", help="estimate, preliminary or official (with --from: for rows that leave it empty)."
        ),
    ] = None,
    source: Annotated[str, typer.Option("--source", help="Where the figure was published (URL or document).")] = "",
    note: Annotated[str, typer.Option("--note", help="Anything a reader should know.")] = "",
    recorded_at: Annotated[
        Optional[str],
        typer.Option("--recorded-at", metavar="TIMESTAMP", help="When it was published (ISO 8601; default: now, UTC)."),
    ] = None,
    from_file: Annotated[
        Optional[str],
        typer.Option("--from", metavar="FILE", help="Add every row of a CSV/TSV file ('-' for stdin), all or nothing."),
    ] = None,
    wide: Annotated[
        bool, typer.Option("--wide", help="With --from: one row per indicator, one column per period.")
    ] = False,
    delimiter: Annotated[
        Optional[str],
        typer.Option(
            "--delimiter",
            "-d",
            metavar="CHAR",
            help="With --from: ',' ';' or 'tab' (default: detected from the header).",
        ),
    ] = None,
    decimal_comma: Annotated[
        Optional[bool],
        typer.Option(
            "--decimal-comma/--decimal-point",
            help="With --from: how numbers are written (default: decimal comma if the file is ';'-separated).",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Validate and show what would be added; write nothing.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Record a figure for a period not yet begun, or one recorded "
            "before its period ended without --status estimate; after a "
            "vintage dated in the future, one second after it.",
        ),
    ] = False,
    tz: Annotated[
        Optional[str],
        typer.Option(
            "--tz",
            metavar="OFFSET",
            help="Time zone of a recorded_at given without one, e.g. +07:00 (default: targets.yaml's timezone:).",
        ),
    ] = None,
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

    Example: qntrack add-observation grdp_growth 2025 11.89 --status estimate --source "GSO press release, 2026-01-07"

    Example: qntrack add-observation --from nien-giam.csv --wide --status official --dry-run
    """
    # A leading space marks a negative number protected from option parsing (above).
    indicator, period, value = (a.strip() if a is not None else None for a in (indicator, period, value))
    positional = [a for a in (indicator, period, value) if a is not None]
    from ..catalog import Figure, msg

    if from_file is not None and positional:
        raise fail("add-observation", msg("cli_positional_and_from"), ExitCode.USAGE)
    if from_file is None:
        if not positional:
            raise fail("add-observation", msg("cli_give_positional_or_from"), ExitCode.USAGE)
        if len(positional) < 3:
            raise fail(
                "add-observation",
                msg("cli_missing_value") if len(positional) == 2 else msg("cli_missing_period_value"),
                ExitCode.USAGE,
            )
        given = [
            flag
            for flag, on in (
                ("--wide", wide),
                ("--delimiter", delimiter is not None),
                ("--decimal-comma/--decimal-point", decimal_comma is not None),
            )
            if on
        ]
        if given:
            raise fail(
                "add-observation",
                msg("cli_options_only_with_from", options=", ".join(given))
                if len(given) > 1
                else msg("cli_option_only_with_from", option=given[0]),
                ExitCode.USAGE,
            )
    if tz is not None:
        from ..method.timing import parse_zone

        try:
            parse_zone(tz)
        except ValueError as exc:
            raise fail("--tz", _reason(exc), ExitCode.USAGE) from None
    if from_file is None:
        from ..files.importing import parse_typed_number
        from ..files.vocabulary import status_word
        from ..files.recording import record_many
        from ..files.store import format_value

        try:
            # Read as a person typed it (10,5; 1.000,0; a real minus sign), stored canonically.
            # Only a language the user chose decides '1,234' or '85.000' (not the default).
            chosen = _chosen_lang(lang)
            value = format_value(parse_typed_number(value or "", chosen))
        except ValueError as exc:
            raise fail("add-observation", _reason(exc)) from None
        period = _typed_period(period or "", "add-observation")
        fields = {
            "indicator": indicator or "",
            "period": period or "",
            "value": value or "",
            "status": status_word(obs_status or ""),
            "source": source,
            "note": note,
            "recorded_at": recorded_at or "",
        }
        from ..plan.model import Location

        path, rows, known, warnings, vintages = record_many(
            targets, [(Location("add-observation"), fields)], dry_run=dry_run, force=force, tz=tz
        )
        notes = []  # a single figure says it in its own message below
        skipped = len(known)
    else:
        from ..files.importing import DELIMITERS, ImportFormat, RowDefaults, import_observations

        sep = None
        if delimiter is not None:
            sep = DELIMITERS.get(delimiter) or DELIMITERS.get(delimiter.strip().lower())
            if sep is None:
                raise fail("--delimiter", msg("cli_bad_delimiter", given=delimiter), ExitCode.USAGE)
        result = import_observations(
            targets,
            from_file,
            ImportFormat(sep, decimal_comma, wide),
            RowDefaults(obs_status or "", source, note, recorded_at or ""),
            dry_run,
            force=force,
            tz=tz,
        )
        path, rows, skipped, known, vintages = result.store, list(result.rows), result.skipped, [], []
        warnings = list(result.warnings)
        # A row left out as recorded may repeat a vintage no longer in force (withdrawn,
        # or revised since): said for each, as for a single figure, so that "already
        # recorded" never hides that the figure is not in force.
        notes = _not_in_force_notes(result.vintages, path)
    if dry_run:
        from ..files.workspace import find_targets

        _guard_stdout(find_targets(targets))
        kind = _format(fmt)
        if kind == "json":
            from ..output.formats import to_json

            from ..output.formats import observation_dict

            _out(
                to_json({"qntrack": __version__, "dry_run": True, "observations": [observation_dict(o) for o in rows]})
            )
        elif kind in ("csv", "tsv"):
            from ..output.formats import observation_rows, write_table

            _out(write_table(observation_rows(rows), kind))
        else:
            from ..output import render
            from ..files.definitions import load_plan
            from ..files.workspace import find_targets

            render.observations_table(load_plan(find_targets(targets)), rows, _lang(lang))
        _say(msg("cli_dry_run", rows=len(rows), skipped=skipped, path=path))
    elif known and not rows:
        from ..catalog import render as render_message
        from ..plan.model import RETRACTED

        # The stored vintage it repeats (its own recorded_at and line), not the row typed.
        stored, current = vintages[0] if vintages else (None, None)
        o = stored or known[0]
        if stored is not None and current is not None and current is not stored:
            # Not the figure in force: say which is, and how to put this one back.
            given = ", ".join(t for t in (o.status, o.source) if t)
            now = current.status if current.status == RETRACTED else Figure(current.value)
            _say(
                msg(
                    "cli_already_recorded_not_in_force",
                    indicator=o.indicator,
                    period=o.period,
                    value=Figure(o.value),
                    given=given,
                    path=path,
                    line=o.line,
                    at=o.recorded_at,
                    current=now,
                    current_at=current.recorded_at,
                )
            )
        else:
            # The status and source as stored (a status is a code, never translated).
            recorded = render_message(msg("cli_recorded_at", at=o.recorded_at), _message_lang())
            given = ", ".join(t for t in (o.status, o.source, recorded) if t)
            _say(
                msg(
                    "cli_already_recorded",
                    indicator=o.indicator,
                    period=o.period,
                    value=Figure(o.value),
                    given=given,
                    path=path,
                )
            )
    elif not rows and skipped:
        _say(msg("cli_all_already_recorded", skipped=skipped, path=path))
    elif not rows:
        # A header and no rows, e.g. a filter that matched nothing: not an error (issue 12).
        shown = "<stdin>" if from_file == "-" else from_file
        _say(msg("cli_header_only", file=shown))
    elif from_file is None:
        # What was stored (2024-H1, 1000), not what was typed (2024-6M, 1.000,0).
        stored = rows[0]
        _say(
            msg(
                "cli_added_one", indicator=stored.indicator, period=stored.period, value=Figure(stored.value), path=path
            )
        )
    else:
        _say(msg("cli_added_many", rows=len(rows), skipped=skipped, path=path))
    _report_neutralised(rows, dry_run)
    # A figure far from the one on record is recorded (a real jump must stay recordable),
    # with one warning on stderr; the exit code stays 0 (checks.entry_jump_problems). A
    # batch in another unit would warn on every row: the first few say it, check lists all.
    _report(warnings[:JUMP_WARNINGS_SHOWN])
    if len(warnings) > JUMP_WARNINGS_SHOWN:
        _say(msg("cli_more_jumps", more=len(warnings) - JUMP_WARNINGS_SHOWN))
    _report(notes[:JUMP_WARNINGS_SHOWN])
    if len(notes) > JUMP_WARNINGS_SHOWN:
        _say(msg("cli_more_not_in_force", more=len(notes) - JUMP_WARNINGS_SHOWN))


JUMP_WARNINGS_SHOWN = 20


def _not_in_force_notes(vintages: Sequence, path: Path) -> list:
    """One note per imported row left out as recorded whose stored vintage is not in force."""
    from ..catalog import Figure, msg
    from ..plan.model import RETRACTED, Location, Problem

    notes = []
    for stored, current in vintages:
        if stored is None or current is None or current is stored:
            continue
        now = current.status if current.status == RETRACTED else Figure(current.value)
        notes.append(
            Problem(
                Location(str(path), stored.line),
                msg(
                    "cli_skipped_not_in_force",
                    indicator=stored.indicator,
                    period=stored.period,
                    value=Figure(stored.value),
                    at=stored.recorded_at,
                    current=now,
                    current_at=current.recorded_at,
                ),
                severity="warning",
            )
        )
    return notes


def _say(message: str | Message) -> None:
    """A confirmation or note on stderr, in the language of messages (_message_lang); like
    a problem, it can never move the cursor (_visible), whatever a path holds."""
    from ..catalog import render

    sys.stderr.write(_visible(render(message, _message_lang())) + "\n")


def _reason(exc: Exception) -> str | Message:
    """What an exception from the library says (messages.said)."""
    from ..catalog import said

    return said(exc)


def _report_neutralised(rows, dry_run: bool) -> None:
    """Say when a source or note was stored with an apostrophe (recording.validate_record)."""
    from ..files.textfiles import formula_like

    count = sum(1 for o in rows for text in (o.source, o.note) if text[:1] == "'" and formula_like(text[1:]))
    if count:
        from ..catalog import msg

        _say(msg("cli_neutralised_dry_run", count=count) if dry_run else msg("cli_neutralised", count=count))


def _typed_period(period: str, where: str, code: ExitCode = ExitCode.INVALID) -> str:
    """A period as a person types it: the names offices write (files.vocabulary) are read as in an
    import, in every command that takes a period; digits other than 0-9 are refused."""
    from ..catalog import msg
    from ..files.vocabulary import foreign_digits, vietnamese_period

    period = vietnamese_period(period) or period
    if foreign_digits(period):
        raise fail(where, msg("cli_period_foreign_digits", period=period), code)
    return period


# --- retract -----------------------------------------------------------------------------


@command()
def retract(
    indicator: Annotated[
        str,
        typer.Argument(
            metavar="INDICATOR", help="Indicator id, as in targets.yaml.", autocompletion=complete_indicator_ids
        ),
    ],
    period: Annotated[str, typer.Argument(metavar="PERIOD", help="The period whose figure is withdrawn (e.g. 2023).")],
    source: Annotated[str, typer.Option("--source", help="Who withdrew it, or where that was said.")] = "",
    note: Annotated[str, typer.Option("--note", help="Why, e.g. 'typo: 12.3 was the 9-month figure'.")] = "",
    recorded_at: Annotated[
        Optional[str],
        typer.Option("--recorded-at", metavar="TIMESTAMP", help="When it was withdrawn (ISO 8601; default: now, UTC)."),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Withdraw a figure dated in the future (a hand-edited "
            "recorded_at): the retraction is recorded one second "
            "after it.",
        ),
    ] = False,
    targets: TargetsOpt = None,
    lang: LangOpt = None,  # the language of its messages (the command decorator reads it)
) -> None:
    """Withdraw the figure in force for an indicator and period, without editing the file.

    Appends a row with an empty value and status 'retracted': from then on the period has
    no figure (until a later add-observation gives one). history lists it as a vintage,
    and --as-of a date before it still shows the figure.

    Example: qntrack retract grdp_growth 2025 --note "typed 11.89 for 8.89"
    """
    from ..catalog import Figure, msg
    from ..files.recording import retract as withdraw

    if force and recorded_at is not None:
        raise fail("retract", msg("cli_retract_force_recorded_at"), ExitCode.USAGE)
    path, _, was = withdraw(
        targets, indicator, _typed_period(period.strip(), "retract"), source, note, recorded_at, force=force
    )
    _say(
        msg(
            "cli_retracted",
            indicator=was.indicator,
            period=was.period,
            value=Figure(was.value),
            recorded_at=was.recorded_at,
            path=path,
        )
    )


# --- indicators and targets: what the plan holds --------------------------------------


def _listing(kind: str, key: str, header: tuple[str, ...], rows: list[tuple], lang: str) -> None:
    """One listing in the chosen format, like the other listings (piped: TSV)."""
    if kind == "json":
        from ..output.formats import to_json

        _out(
            to_json(
                {
                    "qntrack": __version__,
                    key: [
                        {h: (v if v != "" or h != "formula" else None) for h, v in zip(header, row, strict=True)}
                        for row in rows
                    ],
                }
            )
        )
    elif kind in ("csv", "tsv"):
        from ..output.formats import write_table

        _out(write_table([header, *rows], kind))
    else:
        from ..output import render
        from ..output.i18n import label

        render.listing_table(
            [label(h, lang) for h in header],
            rows,
            keys=header,
            wrap=("name", "unit", "formula", "kind"),
            optional=("formula",),
        )


def _listed_plan(targets: str | None, lang, fmt):
    """The plan a listing (indicators, targets) shows, with its language and format; its
    output never goes into the plan or the store."""
    from ..files.definitions import load_plan
    from ..files.workspace import find_targets

    path = find_targets(targets)
    plan = load_plan(path)
    _guard_stdout(path, plan)
    return plan, _lang(lang), _format(fmt)


@command()
def indicators(
    targets: TargetsOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """List the plan's indicators: id, name, unit, frequency, measure, direction, formula.

    Example: qntrack indicators --lang vi
    """
    plan, chosen, kind = _listed_plan(targets, lang, fmt)
    # The table is for people: its values in their language; CSV, TSV and JSON keep
    # targets.yaml's own words, a contract (docs/decisions.md).
    in_words = kind == "table" and chosen == "vi"

    def words(key: str, value: str) -> str:
        if not in_words:
            return value
        from ..output.i18n import label

        return label(value if key == "direction" else f"{key}_{value}", chosen)

    rows = [
        (
            i.id,
            i.name.get(chosen),
            i.unit_in(chosen),
            words("frequency", i.frequency.value),
            words("measure", i.measure.value),
            words("direction", i.direction.value),
            i.formula or "",
        )
        for i in plan.indicators.values()
    ]
    _listing(kind, "indicators", ("id", "name", "unit", "frequency", "measure", "direction", "formula"), rows, chosen)


@command("targets")
def list_targets(
    targets: TargetsOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """List the plan's targets: id, kind, indicator and name.

    Example: qntrack targets --format csv
    """
    plan, chosen, kind = _listed_plan(targets, lang, fmt)
    # As for indicators: the table names the kind in the reader's language; CSV, TSV and
    # JSON keep the codes of targets.yaml.
    from ..output.i18n import kind_name

    rows = [
        (t.id, kind_name(t.kind, chosen) if kind == "table" else t.kind, t.indicator, _target_name(t, plan, chosen))
        for t in plan.targets
    ]
    _listing(kind, "targets", ("id", "kind", "indicator", "name"), rows, chosen)


# --- history -----------------------------------------------------------------------------


@command()
def history(
    indicator: Annotated[
        str,
        typer.Argument(
            metavar="INDICATOR", help="Indicator id, as in targets.yaml.", autocompletion=complete_indicator_ids
        ),
    ],
    period: Annotated[
        Optional[str], typer.Argument(metavar="[PERIOD]", help="Only this period (e.g. 2022-H1).")
    ] = None,
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

    from ..method.history import vintages
    from ..plan.periods import PeriodError, parse_period
    from ..files.workspace import open_workspace

    day = _as_of(as_of)
    wanted = None
    if period is not None:
        try:
            wanted = parse_period(_typed_period(period.strip(), "PERIOD", ExitCode.USAGE))
        except PeriodError as exc:
            raise fail("PERIOD", _reason(exc), ExitCode.USAGE) from None
    ws = open_workspace(targets, day)
    _guard_stdout(ws.targets_path, ws.plan)
    ind = ws.plan.indicators.get(indicator)
    if ind is None:
        raise fail(ws.plan.source_file, _unknown_indicator(ws.plan, indicator))
    if ind.formula:
        from ..catalog import msg

        raise fail(ws.plan.source_file, msg("cli_history_derived", indicator=indicator, formula=ind.formula))
    found = vintages(ws.store.observations, indicator, wanted, day)
    kind = _format(fmt)
    if kind == "json":
        from ..output.formats import observation_dict, to_json

        _out(
            to_json(
                {
                    "qntrack": __version__,
                    "indicator": indicator,
                    "period": str(wanted) if wanted else None,
                    "as_of": day,
                    "vintages": [
                        {
                            **observation_dict(v.observation, indicator=False),
                            "in_force": v.in_force,
                            "line": v.observation.line,
                            "revises": None if v.revises is None else v.revises.value,
                        }
                        for v in found
                    ],
                }
            )
        )
    elif kind in ("csv", "tsv"):
        from ..output.formats import write_table

        header = ("period", "value", "status", "source", "note", "recorded_at", "in_force", "line")
        from ..files.store import format_value

        # Values as the store writes them (28778, not 28778.0), as observations' CSV does.
        _out(
            write_table(
                [header]
                + [
                    (
                        str(v.observation.period),
                        None if v.observation.value != v.observation.value else format_value(v.observation.value),
                        v.observation.status,
                        v.observation.source,
                        v.observation.note,
                        v.observation.recorded_at,
                        v.in_force,
                        v.observation.line,
                    )
                    for v in found
                ],
                kind,
            )
        )
    else:
        from ..output import render

        render.history_table(ws.plan, indicator, found, _lang(lang), day)
    from ..files.workspace import missing_store

    _report(missing_store(ws.store_path, ws.store))


def _unknown_indicator(plan, given: str) -> Message:
    """What to say for an indicator id the plan lacks: the target it may be, the closest
    id, and the known ones (a user often types the target's id, cbct-share for cbct_share)."""
    from ..errors import suggestion
    from ..catalog import msg

    target = plan.target(given)
    if target is not None:
        return msg("cli_target_not_indicator", given=given, indicator=target.indicator)
    known = list(plan.indicators)
    if not known:
        return msg("cli_no_indicator_none", given=given)
    return msg("cli_no_indicator", given=given, hint=suggestion(given, known), indicators=_first_ids(known))


def _shown_value(o) -> float | None:
    """A retraction has no value: an empty cell, not "nan"."""
    return None if o.value != o.value else o.value


# --- check -------------------------------------------------------------------------------


@command()
def check(
    names: Annotated[
        Optional[list[str]],
        typer.Argument(metavar="[CHECK]...", help="Checks to run besides the default ones (see --list)."),
    ] = None,
    targets: TargetsOpt = None,
    fmt: Annotated[
        Optional[OutputFormat],
        typer.Option("--format", "-f", help="json; or text, the default (table, csv and tsv print the same text)."),
    ] = None,
    run_all: Annotated[bool, typer.Option("--all", help="Run every check, including stale and milestone-due.")] = False,
    list_checks: Annotated[
        bool, typer.Option("--list", help="List the checks, their severity and rule, and exit.")
    ] = False,
    repair: Annotated[
        bool,
        typer.Option(
            "--repair",
            help="First set aside an interrupted batch and a torn last line "
            "of the observations file in side files (never deleted), "
            "then check.",
        ),
    ] = False,
    as_of: AsOfOpt = None,
    jump_factor: Annotated[
        Optional[float],
        typer.Option(
            "--jump-factor",
            metavar="X",
            help="Warn when a vintage is more than X times larger or smaller than the one before it (default 5).",
        ),
    ] = None,
    lang: LangOpt = None,  # the language of its messages (the command decorator reads it)
) -> None:
    """Validate targets.yaml and every row of the observations file.

    Prints nothing and exits 0 when all is well; otherwise every problem with its file,
    line and check name. Errors exit 1; warnings alone exit 0. Name checks to add them
    (e.g. stale, milestone-due), or --all.

    Example: qntrack check && echo ok

    Example: qntrack check stale milestone-due --as-of 2025-06-30 --format json
    """
    from ..files.checks import BY_NAME, CHECKS, DEFAULT_CHECKS, DEFAULT_JUMP_FACTOR, run_checks

    from ..catalog import Message, msg

    json_out = fmt is not None and fmt.value == "json"
    if list_checks:
        if names or repair or run_all:
            raise fail("--list", msg("cli_list_alone"), ExitCode.USAGE)
        from ..catalog import render

        chosen = _lang(lang)  # the rule is text for people, in JSON too (docs/json.md)
        if json_out:
            from ..output.formats import to_json

            _out(
                to_json(
                    {
                        "qntrack": __version__,
                        "checks": [
                            {
                                "name": c.name,
                                "severity": c.severity,
                                "default": c.default,
                                "rule": render(c.rule, chosen),
                            }
                            for c in CHECKS
                        ],
                    }
                )
            )
        else:
            # Severity and when it runs as words of the language; each column as wide as
            # its widest entry (in English: 7 and 9, as before).
            rows = [
                (
                    c.name,
                    render(msg(f"severity_{c.severity}"), chosen),
                    render(msg("check_list_default") if c.default else msg("check_list_on_demand"), chosen),
                    render(c.rule, chosen),
                )
                for c in CHECKS
            ]
            widths = [max(len(row[i]) for row in rows) for i in range(3)]
            _out(_check_list_text(rows, widths, _terminal_columns()))
        return
    unknown = [n for n in names or [] if n not in BY_NAME]
    if unknown:
        from ..errors import suggestion
        from ..catalog import render

        lang = _message_lang()
        shown = ", ".join(render(msg("cli_check_name", name=n, hint=suggestion(n, BY_NAME)), lang) for n in unknown)
        raise fail("check", msg("cli_unknown_check", checks=shown), ExitCode.USAGE)
    factor = DEFAULT_JUMP_FACTOR if jump_factor is None else jump_factor
    if not factor > 1 or factor != factor or factor == float("inf"):
        raise fail("--jump-factor", msg("cli_bad_jump_factor", given=jump_factor), ExitCode.USAGE)
    day = _as_of(as_of)
    if repair:
        from ..files.definitions import load_plan
        from ..files.repair import repair_store, roll_back
        from ..files.workspace import find_targets, store_path_for

        targets_path = find_targets(targets)
        plan = load_plan(targets_path)
        store_path = store_path_for(plan, targets_path)
        from ..files.workspace import store_is_a_folder

        # The same words as every other command: it is 'observations:' that is wrong.
        if store_is_a_folder(plan, targets_path, store_path):
            raise InputError(store_is_a_folder(plan, targets_path, store_path))
        from ..files.store import missing_folder

        folder = missing_folder(store_path)  # a typo in 'observations:', not a store to repair
        if folder is not None:
            raise InputError([folder])
        try:
            undone = roll_back(store_path)
            if undone is not None and undone.side_file:
                _say(
                    msg(
                        "starter_rolled_back",
                        rows=undone.rows,
                        path=store_path,
                        moved=len(undone.tail),
                        side_file=undone.side_file,
                        size=undone.size,
                    )
                )
            elif undone is not None:
                _say(msg("starter_rolled_back_nothing_written", rows=undone.rows, path=store_path, size=undone.size))
            done = repair_store(store_path)
        except OSError as exc:
            from ..errors import os_failure

            from ..files.outputs import os_error_file

            raise os_failure(
                exc,
                os_error_file(exc, str(store_path)),
                msg("starter_doing_repair"),
                msg("cli_left_as_it_was", file=store_path),
            ) from None
        if done is None and undone is None and not store_path.exists():
            _say(msg("starter_nothing_to_repair_missing", path=store_path))
        elif done is None and undone is None:
            _say(msg("starter_nothing_to_repair", path=store_path))
        elif done is not None:
            _say(
                msg(
                    "starter_moved_torn_line",
                    line=done.torn_line,
                    size=len(done.tail),
                    path=store_path,
                    side_file=done.side_file,
                )
            )
    selected = list(BY_NAME) if run_all else list(dict.fromkeys([*DEFAULT_CHECKS, *(names or [])]))
    from ..files.workspace import find_targets as _find

    try:
        _guard_stdout(_find(targets))
    except InputError as exc:
        if any("standard output" in str(p.location) for p in exc.problems):
            raise
    problems = run_checks(targets, selected, as_of=day, jump_factor=factor)
    errors = any(p.severity == "error" for p in problems)
    if json_out:
        from ..output.formats import to_json

        _out(
            to_json(
                {
                    "qntrack": __version__,
                    "as_of": day,
                    "checks": selected,
                    "problems": [
                        {
                            "file": p.location.file,
                            "line": p.location.line or None,
                            "column": p.location.column or None,
                            "severity": p.severity,
                            "check": p.check or None,
                            "message": str(p.message),
                            "code": p.message.id if isinstance(p.message, Message) else None,
                        }
                        for p in problems
                    ],
                }
            )
        )
    elif problems:
        _report(problems)
    if errors:
        raise typer.Exit(ExitCode.INVALID)


# --- init --------------------------------------------------------------------------------


@command()
def init(
    directory: Annotated[
        Path, typer.Argument(metavar="[DIR]", help="Where to start the tracker (default: here).")
    ] = Path("."),
    lang: LangOpt = None,  # the language of its messages (the command decorator reads it)
) -> None:
    """Start a new tracker: a small commented targets.yaml and an empty observations.csv.

    Refuses to overwrite anything that exists.

    Example: qntrack init my-plan && cd my-plan && qntrack status
    """
    from ..catalog import msg
    from ..files.starter import write_starter

    try:
        created = write_starter(directory)
    except OSError as exc:
        from ..errors import os_failure

        from ..files.outputs import os_error_file

        raise os_failure(
            exc, os_error_file(exc, str(directory)), msg("starter_doing_init"), msg("starter_nothing_created")
        ) from None
    for written in created:
        _say(msg("starter_created", path=written))


# --- docs --------------------------------------------------------------------------------


def _shipped_docs() -> dict[str, object]:
    from importlib.resources import files

    folder = files("qntrack") / "docs"
    return {
        entry.name[:-3]: entry for entry in sorted(folder.iterdir(), key=lambda e: e.name) if entry.name.endswith(".md")
    }


@command("docs")
def show_docs(
    name: Annotated[
        Optional[str],
        typer.Argument(
            metavar="[NAME]",
            autocompletion=complete_docs,
            help="targets-format, observations-format, methodology, json, cli or data-integrity.",
        ),
    ] = None,
) -> None:
    """Print a reference installed with qntrack (Markdown); without NAME, list them.

    The same text as docs/ in the source, so it is there offline and matches this version.

    Example: qntrack docs targets-format | less
    """
    shipped = _shipped_docs()
    if name is None:
        _out("".join(f"{n}\n" for n in shipped))
        return
    entry = shipped.get(name.removesuffix(".md"))
    if entry is None:
        from ..errors import suggestion
        from ..catalog import msg

        raise fail(
            "docs",
            msg("cli_no_document", name=name, hint=suggestion(name, shipped), documents=", ".join(shipped)),
            ExitCode.USAGE,
        )
    _out(entry.read_text(encoding="utf-8"))


# --- report ------------------------------------------------------------------------------


class ReportFormat(str, Enum):
    html = "html"
    markdown = "markdown"
    json = "json"
    toml = "toml"


@command()
def report(
    target_ids: Annotated[
        Optional[list[str]],
        typer.Argument(metavar="[TARGET_ID]...", help="Only these targets.", autocompletion=complete_target_ids),
    ] = None,
    targets: TargetsOpt = None,
    fmt: Annotated[
        Optional[ReportFormat],
        typer.Option(
            "--format",
            "-f",
            help="html, markdown, json or toml (default: from the -o file's extension; markdown on stdout).",
        ),
    ] = None,
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to FILE, atomically (default: stdout). "
            "With markdown, the charts go beside it as SVG files (review.md: review-charts/*.svg). "
            "Never a file the tracker reads; '-' or /dev/stdout: standard output.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Replace an existing -o file (or chart) that "
            "qntrack did not write, or that was edited since "
            "qntrack wrote it.",
        ),
    ] = False,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
    since: Annotated[
        Optional[str],
        typer.Option(
            "--since",
            metavar="DATE",
            help="Add a 'since the last review' section: figures added or revised "
            "after DATE and targets whose status changed since then.",
        ),
    ] = None,
) -> None:
    """The review-meeting document: a summary of every target, then one section per target.

    html is one self-contained file with charts that prints on A4; markdown has the same
    content as tables; json and toml are the full assessment snapshot for archiving.

    Example: qntrack report --format html -o review-2025.html --since 2025-06-30
    """

    from ..catalog import msg
    from ..output.report import build_report, render
    from ..files.workspace import open_workspace

    day = _as_of(as_of)
    since_day = _as_of(since, "--since", "2025-06-30")
    if since_day is not None:
        if day is not None and since_day >= day:
            raise fail("--since", msg("cli_since_not_before", since=since_day, day=day), ExitCode.USAGE)
    from ..files.outputs import STDOUT_NAMES, output_path, refuse_protected, report_format

    if output == "":  # `-o ""`: an empty name, not the current folder
        raise fail("-o", msg("outputs_empty_name"), ExitCode.USAGE)
    to_stdout = output is None or output in STDOUT_NAMES
    kind = fmt.value if fmt is not None else None
    if to_stdout and kind == "html" and sys.stdout.isatty():
        raise fail("--format html", msg("cli_html_to_terminal"), ExitCode.USAGE)
    ws = open_workspace(targets, day)
    path = None
    if to_stdout:
        from ..files.outputs import refuse_stdout_into

        refuse_stdout_into(ws.targets_path, ws.store_path)
        kind = kind or "markdown"
    else:
        # What the tracker reads is refused first: that is the reason that matters most.
        refuse_protected(output, Path(os.path.realpath(output)), ws.targets_path, ws.store_path)
        path = output_path(output)  # a FIFO or device is refused as such, whatever its name
        kind = report_format(output, kind)
    _check_ids(ws.plan, target_ids)
    from ..files.workspace import reference_day

    data = build_report(ws.plan, ws.series, ws.store.observations, target_ids, day, since_day, reference_day(day))
    language = _lang(lang)
    warnings = ws.warnings_for(a.indicator.id for a in data.assessments)
    if path is None:
        _out(render(data, kind, language))
        _report(warnings)
        return
    from ..files.outputs import refuse_foreign
    from ..output.report import report_files, write_files

    # Every file at its real path: a symlinked chart or folder is written through, too.
    files = [(Path(os.path.realpath(f)), payload) for f, payload in report_files(data, kind, language, path)]
    named = [(output if file == path else str(file), file) for file, _ in files]
    for shown, file in named:
        refuse_protected(shown, file, ws.targets_path, ws.store_path)
    _check_charts_folder(files[:-1])
    refuse_foreign(named, force)
    existed = path.exists()
    try:
        written = write_files(files)
    except OSError as exc:
        from ..errors import os_failure
        from ..files.outputs import os_error_file

        # A report that did not exist is not "left as it was": nothing was written.
        raise os_failure(
            exc,
            os_error_file(exc, output),
            msg("cli_doing_write_report"),
            msg("cli_left_as_it_was", file=output) if existed else msg("cli_nothing_written"),
        ) from None
    charts = len(written) - 1
    linked = Path(output).is_symlink()
    folder = written[0].parent if linked else Path(output).with_name(written[0].parent.name)
    if linked:
        _say(
            msg("cli_wrote_linked_charts", path=path, link=output, charts=charts, folder=folder)
            if charts
            else msg("cli_wrote_linked", path=path, link=output)
        )
    else:
        _say(
            msg("cli_wrote_charts", path=output, charts=charts, folder=folder)
            if charts
            else msg("cli_wrote", path=output)
        )
    _report(warnings)


def _check_charts_folder(charts: list) -> None:
    """The Markdown report's charts folder must be a folder (or not exist yet)."""
    if not charts:
        return
    from ..catalog import msg

    folder = charts[0][0].parent
    if folder.exists() and not folder.is_dir():
        raise fail(str(folder), msg("cli_charts_folder_is_file"), ExitCode.USAGE)
    for file, _ in charts:
        if file.exists() and not file.is_file():
            raise fail(str(file), msg("cli_chart_not_regular"), ExitCode.USAGE)


# --- entry point -------------------------------------------------------------------------


def _visible(text: str) -> str:
    """Control characters from a user's file shown as escapes, so a message can never
    move the cursor, recolour the terminal or break a line (ESC [ 2 J and friends)."""
    import re

    return re.sub(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m.group()):02x}", text)


def _message_lang(lang: object = None) -> str:
    """The language of messages: the command's --lang, else the one given before the
    command, else QNTRACK_LANG, else English."""
    from ..output.i18n import resolve_lang

    chosen = lang if lang is not None else _GLOBAL.get("message_lang") or _GLOBAL.get("lang")
    return resolve_lang(getattr(chosen, "value", chosen))


def _report(problems: list[Problem], lang: str | None = None) -> None:
    if not problems:
        return
    from ..catalog import msg, render

    chosen = lang or _message_lang()
    stream = sys.stderr
    for p in problems:
        stream.write(f"{_visible(p.text(chosen))}\n")
    errors = sum(1 for p in problems if p.severity == "error")
    if len(problems) > 1:
        stream.write(render(msg("totals", errors=errors, warnings=len(problems) - errors), chosen) + "\n")


def _closed_stdout() -> None:
    """Stand in for a closed standard output: writing to it fails as the system would (EBADF),
    so the command that has something to print says so in one line and exits 1, and one
    that prints nothing (add-observation) runs as usual. fd 1 is taken by /dev/null, so that
    no file opened later gets it and is mistaken for standard output (refuse_stdout_into)."""
    import errno
    import io

    class Closed(io.TextIOBase):
        encoding = "utf-8"

        def writable(self) -> bool:
            return True

        def write(self, text: str) -> int:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))

        def isatty(self) -> bool:
            return False

        def fileno(self) -> int:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        if fd != 1:
            os.close(fd)
    except OSError:
        pass
    sys.stdout = Closed()


def _closed_stderr() -> None:
    """Stand in for a closed standard error (Python then starts with sys.stderr None): the
    messages go nowhere and the exit code is the command's own, as with `2>/dev/full`. fd 2
    is taken by /dev/null, so that no file opened later gets it and receives the messages."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        if fd != 2:
            os.close(fd)
    except OSError:
        pass
    sys.stderr = open(os.devnull, "w", encoding="utf-8")


class _Messages:
    """Standard error that never fails the command: a message that cannot be written
    (`2>/dev/full`) is lost, not turned into an error. A confirmation after a stored row
    must not make a success exit 1, and an error keeps its own exit code (1, 2 or 3)
    rather than becoming a second error about stderr. After the first failure fd 2 points
    at /dev/null, so what is still buffered cannot fail again at exit."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self._lost = False

    def write(self, text: str) -> int:
        if not self._lost:
            try:
                self._stream.write(text)
                self._stream.flush()  # line by line, so that a failure is seen here
            except (OSError, ValueError):
                self._lose()
        return len(text)

    def flush(self) -> None:
        if not self._lost:
            try:
                self._stream.flush()
            except (OSError, ValueError):
                self._lose()

    def _lose(self) -> None:
        self._lost = True
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
            self._stream.flush()
        except (OSError, ValueError, AttributeError):
            pass

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _collector_policy() -> None:
    """The cyclic garbage collector's policy for one command run from the console: off.

    Loading a national plan and store makes millions of objects and almost no reference
    cycles, and every collection walks them. Processor time of a cold ``status`` on the
    national dataset: about 11-12 s with CPython's defaults, 6.2-7.3 s with the loaded
    modules frozen and the youngest generation collected after 100,000 objects, 4.9-5.3 s
    with the collector off (docs/performance.md). A console command is one short process:
    reference counting frees everything that is not in a cycle as soon as it is unused,
    and what a cycle holds is freed when the process ends. Set here, at the console's
    entry point, and nowhere in the library: a Python program that imports qntrack keeps
    its own collector (docs/decisions.md).
    """
    import gc

    gc.disable()


def main() -> None:
    """Console entry point: user mistakes become messages and exit codes, never tracebacks.

    Typer runs in standalone mode, so usage errors print its usage text and exit 2;
    our own input errors come out here as one line per problem.
    """
    if sys.stdout is None:  # `qntrack status >&-`: Python starts with no standard output at all
        _closed_stdout()
    if sys.stderr is None:  # `2>&-`: messages are lost, as with `2>/dev/full`, exit codes kept
        _closed_stderr()
    sys.stderr = _Messages(sys.stderr)
    try:
        if _stdout_is_a_file():
            # Whatever the command (docs, check --list, --help, --version too), nothing is
            # printed into the plan or the store it would read (`>> observations.csv`).
            _guard_stdout_for(sys.argv[1:])
        if sys.argv[1:] == ["--version"]:
            # Answered before Typer builds the commands: scripts ask it often (docs/performance.md).
            sys.stdout.write(f"qntrack {__version__}\n")
        else:
            _collector_policy()
            try:
                app()
            finally:
                sys.stdout.flush()  # Typer ends with SystemExit; what is still buffered goes now
    except InputError as exc:
        _report(exc.problems)
        sys.exit(int(exc.code))
    except BrokenPipeError:
        # The reader of a pipe went away (e.g. `| head`): not an error of ours.
        _silence_stdout()
        sys.exit(0)
    except OSError as exc:  # writing help, usage or the version to a full disk
        raise SystemExit(_os_exit(exc).exit_code) from None
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as exc:
        raise SystemExit(_os_exit(exc).exit_code) from None
