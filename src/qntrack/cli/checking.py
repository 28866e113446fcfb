"""``qntrack check``: validate targets.yaml and every row of the store, list the checks
(--list), and first set aside an interrupted batch or a torn last line (--repair)."""

from __future__ import annotations

import glob
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import ExitCode, InputError, fail
from ..files.stages import APPEND_STAGE
from .app import _GLOBAL, AsOfOpt, LangOpt, OutputFormat, TargetsOpt, _as_of, _lang, command
from .printing import _guard_stdout, _out, _report, _say, _to_a_reader
from .session import _message_lang


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
    import textwrap

    indent = sum(widths) + 6
    room = (columns or 0) - indent
    if columns is not None and room < 20:
        return _check_blocks(rows, max(columns, 20))
    out = []
    for n, s, d, r in rows:
        head = f"{n:<{widths[0]}}  {s:<{widths[1]}}  {d:<{widths[2]}}  "
        if columns is None:
            out.append(f"{head}{r}\n")  # piped: the whole rule, for grep
            continue
        lines = textwrap.wrap(r, room, break_on_hyphens=False) or [""]
        out.append(head + lines[0] + "\n" + "".join(" " * indent + line + "\n" for line in lines[1:]))
    return "".join(out)


def _check_blocks(rows: list[tuple[str, str, str, str]], columns: int) -> str:
    """``check --list`` at a terminal too narrow for the rule's column (under 59 columns in
    English): each check a block, its name, severity and when on its first line, its rule
    wrapped under it, a blank line between. Printed whole, the rules were lines of up to
    330 characters that the terminal folded wherever they fell, cutting words in two."""
    import textwrap

    def wrapped(text: str, first: str) -> list[str]:
        return textwrap.wrap(
            text, columns, initial_indent=first, subsequent_indent="  ", break_on_hyphens=False, break_long_words=False
        ) or [""]

    blocks = []
    for n, s, d, r in rows:
        lines = wrapped(f"{n}  {s}  {d}", "") + wrapped(r, "  ")
        blocks.append("".join(line + "\n" for line in lines))
    return "\n".join(blocks)


@command()
def check(
    names: Annotated[
        Optional[list[str]],
        typer.Argument(metavar="[CHECK]...", help="Checks to run besides the default ones (see --list)."),
    ] = None,
    targets: TargetsOpt = None,
    fmt: Annotated[
        Optional[OutputFormat],
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="json; or text, the default (table, csv and tsv print the same text).",
        ),
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
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="With --repair: set aside a batch even when its journal says another computer, "
            "or a process still running here, is writing it (make sure it is not first).",
        ),
    ] = False,
    as_of: AsOfOpt = None,
    jump_factor: Annotated[
        Optional[str],  # read here, so a refusal echoes what was typed (pass K, s45)
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
    from ..files.checks import BY_NAME, DEFAULT_CHECKS, DEFAULT_JUMP_FACTOR, run_checks

    from ..catalog import msg

    json_out = fmt is not None and fmt.value == "json"
    if list_checks:
        if names or repair or run_all:
            raise fail("--list", msg("cli_list_alone"), ExitCode.USAGE)
        _print_checks(_lang(lang), json_out)  # the rule is text for people, in JSON too (docs/json.md)
        return
    if force and not repair:
        raise fail("--force", msg("cli_force_needs_repair"), ExitCode.USAGE)
    unknown = [n for n in names or [] if n not in BY_NAME]
    if unknown and (given := targets or _GLOBAL.targets):
        # `check --targets ke hoach/targets.yaml`: the name's second half read as a check.
        from .quoting import targets_hint, typed_words

        if (hint := targets_hint(given, typed_words())) is not None:
            raise fail("check", msg("cli_check_targets_quote", option=hint[0], quoted=hint[1]), ExitCode.USAGE)
    if unknown:
        from ..errors import suggestion
        from ..catalog import render

        said_in = _message_lang()
        shown = ", ".join(render(msg("cli_check_name", name=n, hint=suggestion(n, BY_NAME)), said_in) for n in unknown)
        raise fail("check", msg("cli_unknown_check", checks=shown), ExitCode.USAGE)
    factor = DEFAULT_JUMP_FACTOR if jump_factor is None else _decimal(jump_factor)
    if not factor > 1 or factor == float("inf"):  # NaN is not > 1
        raise fail("--jump-factor", msg("cli_bad_jump_factor", given=jump_factor), ExitCode.USAGE)
    day = _as_of(as_of, targets=targets)
    if repair:
        _repair_first(targets, force)
    selected = list(BY_NAME) if run_all else list(dict.fromkeys([*DEFAULT_CHECKS, *(names or [])]))
    from ..files.workspace import find_targets as _find

    try:
        _guard_stdout(_find(targets))
    except InputError as exc:
        from ..plan.model import StandardOutput

        if any(isinstance(p.location, StandardOutput) for p in exc.problems):
            raise
    from .waiting import work_status

    kept: list[object] = []
    with work_status(_message_lang(lang)):  # a national store takes seconds to check
        problems = run_checks(targets, selected, as_of=day, jump_factor=factor, keep=kept)
    errors = any(p.severity == "error" for p in problems)
    if json_out:
        from ..output.documents import check_document
        from ..output.formats import to_json

        with _to_a_reader():
            plan = next((k[0] for k in kept if isinstance(k, tuple)), None)  # run_checks' plan, once read
            doc = check_document(selected, problems, day, getattr(plan, "timezone", ""))
            if plan is None:
                doc["as_of_end"] = None  # no plan read: no zone known, and no row counted
            _out(to_json(doc))
    elif problems:
        _report(problems)
    from . import left_to_the_exit

    left_to_the_exit(kept)  # a million rows not freed one by one as the process ends
    if errors:
        raise typer.Exit(ExitCode.INVALID)


def _print_checks(chosen: str, json_out: bool) -> None:
    """``check --list``: every check, its severity, when it runs and its rule in ``chosen``."""
    from ..catalog import msg, render
    from ..files.checks import CHECKS

    if json_out:
        from ..output.documents import checks_list_document
        from ..output.formats import to_json

        _out(to_json(checks_list_document(CHECKS, chosen)))
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


def _repair_first(targets: str | None, force: bool = False) -> None:
    """``check --repair``: set aside an interrupted batch, then a torn last line, in side
    files (never deleted), saying what was moved (files.repair); ``force``: a batch too
    that another computer, or a process running here, may still be writing."""
    from ..catalog import msg
    from ..files.plan_loading import load_plan
    from ..files.repair import repair_store, roll_back
    from ..files.workspace import find_targets, store_path_for

    targets_path = find_targets(targets)
    plan = load_plan(targets_path)
    store_path = store_path_for(plan, targets_path)
    from ..files.workspace import store_is_a_folder

    # The same words as every other command: it is 'observations:' that is wrong.
    if store_is_a_folder(plan, targets_path, store_path):
        raise InputError(store_is_a_folder(plan, targets_path, store_path))
    from ..files.store_missing import missing_folder

    folder = missing_folder(store_path)  # a typo in 'observations:', not a store to repair
    if folder is not None:
        raise InputError([folder])
    try:
        began = _journal_time(store_path)
        from ..files.figure_units import shell_word

        repair = "qntrack check --repair" + (f" --targets {shell_word(targets)}" if targets else "")
        undone = roll_back(store_path, force=force, repair=repair)
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
        elif undone is not None and (side := _set_aside_since(store_path, began)):
            _say(
                msg(
                    "starter_rolled_back_set_aside", rows=undone.rows, path=store_path, side_file=side, size=undone.size
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
        tell = APPEND_STAGE.get()
        if tell is not None:  # said: a Ctrl-C from here on need not say it again (cli.app)
            tell("said", done.side_file, done.torn_line)


def _journal_time(store: Path) -> float | None:
    """When the journal of an interrupted batch was written, or None (no journal)."""
    from ..files.journal import pending_path

    try:
        return pending_path(store).stat().st_mtime
    except OSError:
        return None


def _set_aside_since(store: Path, began: float | None) -> str | None:
    """The newest ``<store>.interrupted-*`` side file made since the batch began: a repair
    killed after it had moved the batch's bytes there and cut the store back, whose
    journal the next repair removes with nothing left to move."""
    from ..files.textfiles import real_path

    if began is None:
        return None
    from ..files.name_room import shortened

    real = real_path(store)
    stems = {real.name, shortened(real.name, real.parent)}  # a side file's name is made to fit
    try:
        found = [p for stem in stems for p in real.parent.glob(glob.escape(stem) + ".interrupted-*")]
        sides = [p for p in found if p.stat().st_mtime >= began]
    except OSError:
        return None
    return str(max(sides).name) if sides else None


def _decimal(typed: str) -> float:
    """A decimal number as typed (``5``, ``2.5``, ``1e1``), NaN for anything else: Python's
    float() also reads ``5_0`` (50), ``inf`` and ``nan``, which no one means as a factor."""
    import re

    plain = re.fullmatch(r"\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*", typed)
    return float(typed) if plain else float("nan")
