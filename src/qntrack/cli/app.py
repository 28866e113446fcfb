"""The Typer app: the command group, the options every command shares (--targets, --format,
--lang, --as-of), the ``command`` decorator that turns the library's errors into messages
and exit codes, and Click's usage errors in the language of messages (usage.py).

Rich is imported only by ``output.render`` and only when a human-readable table is asked
for, so machine output (json, csv, tsv) and ``--version`` start fast.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Optional, Sequence

import typer
from typer.core import TyperGroup  # already loaded by `import typer`

from .. import __version__
from ..errors import ExitCode, InputError, Terminated, fail
from ..lean_typer import lean_runtime_params
from .printing import _os_exit, _Printed, _refused_as_json, _report, _silence_stdout, _visible
from .session import _GLOBAL, _known_lang, refuse_missing_home
from ..files.stages import APPEND_STAGE

if TYPE_CHECKING:
    # Typer 0.29 carries its own Click (pinned in pyproject.toml): its Context, for the
    # signatures of the methods overridden below.
    from typer._click.core import Context as ClickContext
    from typer.core import TyperCommand

lean_runtime_params()  # no Pydantic for plain option values (lean_typer.py)


class _Group(TyperGroup):
    """The qntrack command group: Click's own usage errors ("No such option", "Missing
    argument", with their "Usage:" lines) in the language of messages (usage.py).

    The error is re-worded where Click raises it, while the command line is read (here
    for the options before the command and the command's name, in ``invoke`` for the
    command's own), and shown by Typer as any usage error, exit 2: the same under
    ``main()`` and under Typer's test runner. English errors pass through untouched."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: ClickContext | None = None, **extra: Any
    ) -> ClickContext:
        # --lang read as typed in any case and with spaces ('VI', ' vi '): Click's choice
        # is exact, so the value is put as the language it names before Click reads it.
        args, typed = _lang_words(list(args))
        if not typed:
            _warn_unknown_env_lang()
        words = list(args)  # Click consumes the list it reads
        if "--install-completion" in words:  # Typer's installer would make a missing home
            refuse_missing_home(words)
        try:
            ctx = super().make_context(info_name, args, parent, **extra)
        except typer.TyperException as exc:  # Click's exceptions derive from it
            from .usage import in_language

            raise in_language(exc, words) from None
        ctx.meta["qntrack.args"] = words
        return ctx

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        # `qntrack -t a.yaml -t b.yaml status`: refused as in every command.
        return super().parse_args(ctx, _refuse_repeats(self.params, ctx, args, numbers=False, group=True))

    def resolve_command(self, ctx: ClickContext, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except typer.TyperException as exc:  # `-t ke hoach/targets.yaml status`: quote it
            from .quoting import command_hint

            hint = command_hint(exc, ctx.params.get("targets"), ctx.meta.get("qntrack.args", []))
            if hint is None:
                raise
            usage_error: Any = type(exc)  # Click's UsageError, as Typer carries it
            raise usage_error(hint, ctx) from None

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except typer.TyperException as exc:
            from .usage import in_language

            raise in_language(exc, ctx.meta.get("qntrack.args", [])) from None


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
    from ..catalog import language_of

    if not raw.strip() or language_of(raw) is not None or "_QNTRACK_COMPLETE" in os.environ:
        return
    from ..catalog import msg
    from ..plan.model import Location, Problem

    from .usage import language_named

    if (meant := language_named(raw)) is not None:
        # Vietnam's country code (issue 17, twenty-fifth session), another code or the
        # language's name ('tieng viet', pass K, s45): told in it how to have it.
        said = msg("cli_lang_env_vietnam", value=raw) if raw.strip().lower() == "vn" else None
        said = said or msg("cli_lang_env_named", value=raw, code=meant)
        sys.stderr.write(_visible(Problem(Location("qntrack"), said, severity="warning").text(meant)) + "\n")
        return
    warning = Problem(Location("qntrack"), msg("cli_lang_env_unknown", value=raw), severity="warning")
    sys.stderr.write(_visible(warning.text("en")) + "\n")


def _chosen_lang(lang: Lang | None) -> str | None:
    """The language the user chose for qntrack: the command's --lang, else the one before
    the command, else QNTRACK_LANG; None when none was. It decides how a typed figure with
    two readings (1.234) is read. A Vietnamese locale is not such a choice: it speaks
    Vietnamese, but a job under it typing its program's 1.234 is refused as ambiguous, as
    before the locale was read, never stored 1234 (issue 17, session 36, pass D)."""
    chosen = lang or _GLOBAL.lang
    if chosen is not None:
        return chosen.value
    from ..catalog import language_of

    return language_of(os.environ.get("QNTRACK_LANG") or "")


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
        "--lang",
        help="Language of labels and numbers: en or vi, in any case (default: QNTRACK_LANG, else vi under a Vietnamese locale, else en).",
    ),
]


FormatOpt = Annotated[
    Optional[OutputFormat],
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,  # JSON as json, as --lang VI is vi
        help="table (default on a terminal), json, csv or tsv (default when piped).",
    ),
]


AsOfOpt = Annotated[
    Optional[str],
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Use only figures recorded by the end of DATE (YYYY-MM-DD; the day ends in targets.yaml's "
        "timezone:, else in UTC), against targets.yaml as it is now.",
    ),
]


# Not a status: a gate word for deadlines passed with no figure yet (docs/decisions.md).
AWAITING = "awaiting_figure"


def command(*args: Any, **kwargs: Any) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """``app.command`` that turns our InputError into messages on stderr and its exit code.

    Done per command rather than only in ``main`` so that the app behaves the same when
    driven by Typer's test runner or embedded in another program.
    """
    import contextvars
    import functools
    import warnings

    def decorate(fn: Callable[..., None]) -> Callable[..., None]:
        kwargs.setdefault("cls", _command_class())

        @functools.wraps(fn)
        def run(*a: Any, **k: Any) -> None:
            # Options given before the command (`qntrack --targets x status`) fill in
            # for the command's own when it was not given them.
            for name in _GLOBAL.SHARED:
                if name in k and k[name] is None:
                    k[name] = getattr(_GLOBAL, name)
            # Messages on stderr follow this command's --lang (see _message_lang).
            _GLOBAL.message_lang = k.get("lang") or _GLOBAL.lang
            stages: list[tuple[str, Path, int]] = []
            _Printed.data = False
            token = APPEND_STAGE.set(lambda *stage: stages.append(stage))
            try:
                if k.get("targets") == "":
                    # `-t "$PLAN"` with PLAN unset: never the plan found here in its place
                    # (a CI gate would judge another plan). QNTRACK_TARGETS="" is unset, as
                    # Click reads any environment variable.
                    from ..catalog import msg

                    raise fail("--targets", msg("cli_targets_empty"), ExitCode.USAGE)
                _refuse_nul(k)
                with warnings.catch_warnings():
                    # openpyxl warns of what it does not read in a workbook (data
                    # validation, styles): not ours to say. Here, not in the library: a
                    # caller's filters are its own (files/workbooks.py).
                    warnings.filterwarnings("ignore", module="openpyxl")
                    # In a copy of the caller's context: what the command sets there (the
                    # plan's zone its days are shown in, files.shown_days) is its own.
                    return contextvars.copy_context().run(fn, *a, **k)
            except KeyboardInterrupt as stopped:
                # Ctrl-C: exit 130 as Typer does, saying what the command left behind
                # (an import interrupted after its rows were written had said nothing);
                # SIGTERM and SIGHUP (errors.Terminated) the same, exit 143 and 129.
                from .interrupted import report_interrupted

                how = stopped.word if isinstance(stopped, Terminated) else "interrupted"
                report_interrupted(stages, fn.__name__ in _ADDS_ROWS, how)
                raise typer.Exit(stopped.code if isinstance(stopped, Terminated) else ExitCode.INTERRUPTED) from None
            except InputError as exc:
                from .quoting import note_typed_words, quoting_told  # a plan's name cut at a space, told

                told = quoting_told(exc.problems, k.get("targets"))
                _report(told, rows_of=exc.rows_of, kinds=exc.kinds)
                note_typed_words()  # words in single quotes (Windows' cmd), or ending in \r (CRLF)
                if exc.code == ExitCode.INVALID:
                    _refused_as_json(k, told)
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
                raise _os_exit(exc, k) from None
            finally:
                APPEND_STAGE.reset(token)

        return app.command(*args, **kwargs)(run)

    return decorate


def _refuse_nul(values: dict[str, Any]) -> None:
    """A NUL character in a value (a program's argv; a shell cannot pass one) is a usage
    error naming its option, before open() or realpath() meet it as a ValueError."""
    from typer._click.globals import get_current_context  # Typer carries its own Click

    for name, value in values.items():
        if any("\0" in v for v in (value if isinstance(value, (list, tuple)) else [value]) if isinstance(v, str)):
            from ..catalog import msg

            param = next((p for p in get_current_context().command.params if p.name == name), None)
            where = name if param is None else str(param.metavar or name.upper())
            if param is not None and param.param_type_name == "option":
                where = max(param.opts, key=len)
            raise fail(where, msg("cli_nul_character"), ExitCode.USAGE)


# The commands that add rows to a store (an import writes a new tracker's); the others
# read, and an interrupted one only says so: "nothing was added" after Ctrl-C in
# `status` read as if it could have added something.
_ADDS_ROWS = frozenset({"add_observation", "retract", "check", "import_", "init"})


def _refuse_repeats(
    params: Sequence[Any], ctx: ClickContext, args: list[str], *, numbers: bool, group: bool
) -> list[str]:
    """The command line as Click will read it, with a single-valued option given twice refused.

    Click keeps the last value of an option given twice: ``--from a.csv --from b.csv``
    imported b.csv alone, ``--as-of`` twice judged one of two dates, and nothing was
    said. Every command and the options before the command refuse it (exit 2); an option
    that gathers values (``--dim``) and a flag may repeat. The word after an option is
    its value, never a repeat, and nothing after ``--`` is an option. For the group
    (``group``) the scan stops at the command's name: what follows is the command's.

    With ``numbers``, a token that is a number (``-2.5``, ``-1e3``, ``-.5``, also
    ``-1,5``, ``-0.5%`` and numbers in foreign digits, so that they reach the number reader and its
    message) and is not the value of an option is given a leading space, which Click
    does not read as an option; add-observation strips it. Click reads any token that
    starts with '-' as an option, so ``add-observation growth 2022 -2.5`` had failed with
    "No such option: -2".
    """
    takes_value = {
        name
        for p in params
        # Only an option has is_flag (Click's Parameter has none).
        if p.param_type_name == "option" and not getattr(p, "is_flag", False)
        for name in p.opts
    }
    # Named in the message by its long name (--format, not -f), however it was typed.
    once = {n: next((o for o in p.opts if o[:2] == "--"), p.opts[0]) for p in params if _kept_once(p) for n in p.opts}
    # Those whose one value is a list (STATUS[,STATUS]): the message says how to give several.
    listed = {once[n] for p in params if _kept_once(p) and "," in (p.metavar or "") for n in p.opts}
    flags = {n for p in params if getattr(p, "is_flag", False) for n in (*p.opts, *p.secondary_opts)}
    # An on/off pair (--decimal-comma/--decimal-point) is one value: given both ways, it is
    # given twice (the order of two options had decided how '85.000' was read).
    pairs = {
        n: ("/".join((*p.opts, *p.secondary_opts)), n in p.opts)
        for p in params
        if getattr(p, "is_flag", False) and p.secondary_opts
        for n in (*p.opts, *p.secondary_opts)
    }
    sides: dict[str, bool] = {}
    out: list[str] = []
    given: set[str] = set()
    after_option = end = False
    if numbers:
        from .typed_figures import figure_typed  # add-observation's alone: not on every command's path
    for i, arg in enumerate(args):
        if numbers and not end and not after_option and figure_typed(arg):
            arg = " " + arg
        end = end or (arg == "--" and not after_option)  # '--note --': the note
        if group and not end and not after_option and not arg.startswith("-"):
            return out + args[i:]  # the command's name: its options are its own
        typed, value_next = arg.partition("=")[0], arg in takes_value
        if typed not in takes_value and typed[:1] == "-" and typed[1:2] != "-":
            from .option_words import bundled  # -nf json, -sestimate: a module of its own

            typed, value_next = bundled(arg, takes_value, flags)
        name = None if end or after_option else once.get(typed)
        if not end and not after_option and arg in pairs:
            pair, side = pairs[arg]
            name = pair if sides.setdefault(pair, side) != side else None
            given.add(pair)
        if name in given and ctx.resilient_parsing:
            name = None  # the shell completing a word: refused when the command runs
        if name in given:
            from .usage import _usage_error_class

            if name in listed:  # --fail-on a --fail-on b: one gate was dropped in silence
                raise _usage_error_class()(
                    f"Option {name} is given twice; give it once, its values separated by commas.", ctx
                )
            raise _usage_error_class()(f"Option {name} is given twice; give it once.", ctx)
        if name:
            given.add(name)
        after_option = not end and not after_option and value_next
        out.append(arg)
    return out


def _kept_once(p: Any) -> bool:
    """An option that takes one value and keeps only the last given (not --dim)."""
    return p.param_type_name == "option" and not getattr(p, "is_flag", False) and not p.multiple


@lru_cache(maxsize=None)
def _command_class(numbers: bool = False) -> type[TyperCommand]:
    """The Typer command class of every qntrack command (one class per ``numbers``): an
    option given twice refused (``_refuse_repeats``); with ``numbers`` (add-observation),
    ``-2.5`` is a value, not an option."""
    from typer.core import TyperCommand  # Typer carries its own Click: no `import click`

    # Click's UsageError, found as usage._usage_error_class finds it: that module is
    # imported only when a usage error is shown.
    usage_error: Any = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")

    class OnceOptions(TyperCommand):
        def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
            read = _refuse_repeats(self.params, ctx, args, numbers=numbers, group=False)
            if numbers and not ctx.resilient_parsing and "--from" in " ".join(read):
                from .quoting import mixed_hint

                if (mixed := mixed_hint(self.params, read)) is not None:  # --from so lieu.csv
                    raise usage_error(mixed, ctx)
            try:
                rest = super().parse_args(ctx, list(read))  # Click empties the list it reads
            except usage_error as exc:  # `--source GSO press release`: told to quote it
                from .quoting import quoting_hint

                # With the help option (-h, --help), which Click keeps out of the params:
                # `fdi 2026 -- --help` is an option after '--' as `-- --dry-run` is.
                hint = quoting_hint(exc.format_message(), self.get_params(ctx), read, figures=numbers)
                if hint is None:
                    raise
                raise usage_error(hint, ctx) from None
            if "--" in read and not ctx.resilient_parsing:  # `fdi -- 2026 --dry-run`: an option as a value
                from .option_words import taken_as_a_value

                if (told := taken_as_a_value(self.get_params(ctx), read, numbers)) is not None:
                    raise usage_error(told, ctx)
            return rest

    return OnceOptions


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"qntrack {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    targets: TargetsOpt = None,
    lang: LangOpt = None,
) -> None:
    """qntrack: policy target tracker."""
    _GLOBAL.targets, _GLOBAL.lang, _GLOBAL.message_lang = targets, lang, None


def _lang(lang: Lang | None) -> str:
    from ..output.i18n import resolve_lang

    return resolve_lang(lang.value if lang else None)


def _format(fmt: OutputFormat | None) -> str:
    if fmt is not None:
        return fmt.value
    return "table" if sys.stdout.isatty() else "tsv"


def _as_of(
    value: str | None, option: str = "--as-of", example: str = "2023-06-28", targets: str | None = None
) -> str | None:
    """A day given on the command line (``--as-of``, ``--since``), as YYYY-MM-DD."""
    if value is None:
        return None
    from ..files.as_of_days import as_of_day, zone_of_plan

    # "" is refused on the command line (a shell variable left empty), never taken for today;
    # a moment is told the day it falls on in the plan's zone.
    day = as_of_day(value, option, example, zone_of_plan(targets))
    from .later import plan_today

    # Today in the plan's timezone: (else the machine's), as the command judges on: the
    # UTC date called today's date "after today" in Hanoi before 07:00 (session 37, pass H).
    today = plan_today(targets, day)
    if option == "--as-of" and day is not None and day > today:
        # Still read (deadlines as they will stand then), but never taken for a past day.
        from ..catalog import Day, msg
        from ..plan.model import Location, Problem

        # Both days as the reader writes dates: Vietnamese wrote the day typed ISO beside
        # today's DD/MM/YYYY, "2026-12-31 ... (07/12/2026)", two forms in one line (thirty-
        # ninth session); the line's "--as-of:" says which option the day is.
        _report([Problem(Location(option), msg("cli_as_of_future", day=Day(day), today=Day(today)), "warning")])
    return day
