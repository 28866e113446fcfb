"""The command line: parse the options, call the library, print. Nothing else lives here.

The commands live by group, each module a page a reader can hold:

- ``app``: the Typer app, the options every command shares and the ``command``
  decorator (the library's errors as messages and exit codes);
- ``status``; ``ranking`` (rank); ``reading`` (show, observations, indicators, targets, history);
  ``recording`` (add-observation, retract); ``checking`` (check, check --repair);
  ``report``; ``starting`` (init, docs);
- ``printing`` (standard output and error), ``session`` (what was given before the
  command), ``arguments`` (ids and periods read against the plan), ``completion`` (Tab),
  ``usage`` (Click's usage errors in Vietnamese).

What a command prints is computed by the library (``output.documents``,
``output.formats``, ``output.render``, ``output.report``): anything the command line can
do, a Python caller can. This module is the command line the console entry point (``qntrack.console:main``) hands every command line to but ``--version``.
"""

from __future__ import annotations

import sys
from typing import Any

from .. import __version__
from ..errors import InputError
from . import checking, ranking, reading, recording, report, starting, status  # noqa: F401  (each registers its commands)
from . import exchange, importing  # noqa: F401,E402  (export, import: issue 16)
from .app import app
from .completion import complete_indicator_ids, complete_target_ids
from .printing import (
    _closed_stderr,
    _closed_stdout,
    _guard_stdout_for,
    _Messages,
    _whole_writes,
    _os_exit,
    _report,
    _silence_stdout,
    _stdout_is_a_file,
)

__all__ = ["app", "main", "complete_indicator_ids", "complete_target_ids"]

# The order of `qntrack --help` and docs/cli.md: as a user meets the commands, not as the
# modules are imported.
_ORDER = (
    "status",
    "rank",
    "show",
    "observations",
    "add-observation",
    "retract",
    "indicators",
    "targets",
    "history",
    "check",
    "init",
    "docs",
    "report",
    "import",
    "export",
)


def _name_of(info: object) -> str:
    """A registered command's name, as Typer gives it (its function's name, '_' as '-')."""
    return getattr(info, "name", None) or getattr(getattr(info, "callback", None), "__name__", "").replace("_", "-")


app.registered_commands.sort(key=lambda info: _ORDER.index(_name_of(info)))

# The options that may come before the command and take a value (app._root): the word
# after them is that value, never a command's name.
_VALUED = ("--targets", "-t", "--lang")


def _asked_command(args: list[str]) -> str | None:
    """The command the command line runs, when it names one plainly after the root's own
    options; else None (help, --version, completion flags, an option Click would refuse,
    a word that is no command, no command at all): then Click reads the whole app, and
    says what it always said."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _VALUED:
            i += 2
        elif arg.startswith(("--targets=", "--lang=")) or (arg.startswith("-t") and not arg.startswith("--")):
            i += 1  # -tPATH is -t PATH, as Click reads it
        elif arg.startswith("-"):
            return None
        else:
            return arg if arg in _ORDER else None
    return None


def _run_app() -> None:
    """Typer's app, built with only the command asked for when the command line names one.

    Typer builds every command (each function's signature read and turned into Click
    parameters) before it runs one: 15 ms of the 85 ms of a warm ``status`` on the shipped
    dataset (docs/performance.md). The command run, its options, help and usage errors are
    the same either way; the whole app is put back afterwards, for a Python caller.
    """
    import os

    name = None if "_QNTRACK_COMPLETE" in os.environ else _asked_command(sys.argv[1:])
    if name is None:
        app()
        return
    every = list(app.registered_commands)
    app.registered_commands[:] = [info for info in every if _name_of(info) == name]
    try:
        app()
    finally:
        app.registered_commands[:] = every


def _stop_on_sigterm() -> Any:
    """SIGTERM raised as errors.Terminated (a KeyboardInterrupt) while a command runs, so
    that it undoes what Ctrl-C undoes and says so (exit 143): by default the signal ended
    the process where it stood, and an import stopped so (by `timeout`, systemd, a cron
    daemon, a shutdown) left its journal, which refused the store to every later command
    until `check --repair`. SIGHUP (a terminal closed, an SSH connection dropped) so too,
    as errors.HungUp, exit 129 (issue 17, forty-third session). A second signal while the
    first is being undone is ignored (SIGKILL still ends the process). Each is left alone
    where it is ignored (the caller asked for that: `nohup`) or this is not the main
    thread. The dispositions it replaced, by signal, or None."""
    import signal
    import threading

    from ..errors import HungUp, Terminated

    caught: list[tuple[Any, type[KeyboardInterrupt]]] = [
        (getattr(signal, name, None), raised)
        for name, raised in (("SIGTERM", Terminated), ("SIGHUP", HungUp), ("SIGINT", KeyboardInterrupt))
    ]

    def stop(signum: int, frame: object) -> None:
        # The others are let be by a handler of Python's that does nothing, not SIG_IGN:
        # signals held together while a batch is committed (files.stages) are let go at
        # once, and one already caught when its handler became SIG_IGN made Python print
        # "Signal 15 ignored due to race condition" with a traceback; Ctrl-C raised in the
        # middle of saying a SIGHUP's rows recorded said only "interrupted (Ctrl-C)".
        for number, _ in caught:
            if number is not None and number in before:
                signal.signal(number, _let_be)
        raise dict(caught)[signum]

    if threading.current_thread() is not threading.main_thread():
        return None
    before = {}
    for number, raised in caught:
        try:
            if number is None or signal.getsignal(number) == signal.SIG_IGN:
                continue
            if raised is KeyboardInterrupt and signal.getsignal(number) is not signal.default_int_handler:
                continue  # a caller's own handler of Ctrl-C: its own
            before[number] = signal.signal(number, stop)
        except (AttributeError, OSError, ValueError):  # no such signal to catch here
            continue
    return before or None


def _let_be(signum: int, frame: object) -> None:
    """A second signal while the first is being acted on: let be (cli._stop_on_sigterm)."""


def _stopped_outside_a_command(stopped: KeyboardInterrupt) -> None:
    """Ctrl-C or SIGTERM outside a command's own wrapper (cli/app.py's, which says what
    the command left behind), where nothing of a store was touched: said as a reading
    command's is, and its exit code, where it was a traceback (exit 1) before Typer ran
    and Ctrl-C's silent 130 for a SIGTERM while Typer read the command line (issue 17,
    twenty-second session's review)."""
    from ..catalog import argv_language, msg, render
    from ..errors import ExitCode, Terminated
    from .interrupted import STOPPED_SAID
    from .printing import _visible

    how = stopped.word if isinstance(stopped, Terminated) else "interrupted"
    # in the language the command line asks (its --lang not read yet, or read before it)
    try:
        sys.stderr.write(_visible(render(msg(STOPPED_SAID[how]["reading"]), argv_language())) + "\n")
    except (OSError, ValueError):  # standard error gone with the terminal that hung up
        pass
    raise SystemExit(int(stopped.code if isinstance(stopped, Terminated) else ExitCode.INTERRUPTED))


def _stopped_while_parsing(exc: SystemExit) -> None:
    """Typer's exit 130 for a KeyboardInterrupt it caught itself (raised while it read the
    command line, before the command's wrapper): a SIGTERM's said and exits 143."""
    from ..errors import ExitCode

    # Typer's `raise Exit(130) from e`, then sys.exit in its handler of Exit; the command
    # wrapper's own Exit (it has said what the command did) is raised `from None`.
    cause = getattr(exc.__context__, "__cause__", None)
    if exc.code == ExitCode.INTERRUPTED and isinstance(cause, KeyboardInterrupt):
        _stopped_outside_a_command(cause)


def _lock_waits_said(token: Any = None) -> Any:
    """A writer's wait for another qntrack's lock said on a terminal while the command runs
    (cli.waiting.say_lock_wait); with ``token``, put back as it was, for a Python caller."""
    from ..files.stages import LOCK_WAIT

    if token is not None:
        LOCK_WAIT.reset(token)
        return None
    try:
        terminal = sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, OSError, ValueError):  # closed, or replaced by a caller
        terminal = False
    # Only a terminal is told, so a pipe or a script's append takes no probe of the lock.
    return LOCK_WAIT.set(_say_lock_wait if terminal else None)


def _say_lock_wait(lock: str, seconds: float) -> None:
    from .waiting import say_lock_wait  # here: only a writer that waits loads it

    say_lock_wait(lock, seconds)


def _put_back_sigterm(before: Any) -> None:
    """The SIGTERM, SIGHUP and SIGINT dispositions _stop_on_sigterm replaced, for a Python
    caller of main()."""
    if before is not None:
        import signal

        for number, disposition in before.items():
            signal.signal(number, disposition)


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


# Whether the process ends with the command: told by the console's entry point when
# qntrack is the program (console._qntrack_is_the_program), through main().
_ENDS_WITH_THE_COMMAND = False


def left_to_the_exit(held: object) -> None:
    """Leave what a console command read (``held``) to be given back with the process's
    memory as it ends, never freed object by object.

    A national ``check`` returns holding a million rows, their series and the plan:
    freeing them one by one took 0.16-0.18 s of processor time, and the collection
    CPython makes as it exits walks every object still held (issue 17, thirty-third
    session: `check` 0.19-0.26 s less, in turn; docs/performance.md). Held by a reference
    cycle of its own, then frozen with the rest (``gc.freeze``: no collection, the last one
    at exit included, looks at them again). Only when qntrack is the program, the command
    its last work (``main(ends_the_process=True)``, from the console's entry point): a
    Python program that calls ``main()`` runs on, and has them freed as before.
    """
    import gc

    if gc.isenabled() or not _ENDS_WITH_THE_COMMAND:
        return  # not a console command's process (cli._collector_policy), or one that runs on
    cycle: list[object] = [held]
    cycle.append(cycle)
    gc.freeze()


def collect_while_drawing() -> None:
    """Turn the cyclic collector back on for a Word report's drawing, once the plan and store
    are read, with what was read frozen (never walked by a collection). The report command
    calls it for ``--format docx`` alone: no other format draws with CairoSVG, and an HTML
    report of 3,000 targets only took a tenth more processor time with it (pass W).

    Reading makes millions of objects and no cycles; drawing makes cycles and little else:
    each chart CairoSVG draws for the Word report leaves its tree of nodes, each linked to its
    parent, and pygal's charts theirs. With the collector off (``_collector_policy``) none of
    it was freed: the provinces benchmark's Word report held 700 MB at its end, 350 MB with
    it collected (issue 17, thirty-eighth session; docs/performance.md). Only for a console
    command (the collector off by this module's policy); a Python caller keeps its own."""
    import gc

    if gc.isenabled() or not _ENDS_WITH_THE_COMMAND:
        return
    gc.freeze()
    gc.enable()


def _utf8_streams() -> None:
    """Standard output and error in an encoding that can write every letter qntrack has.

    Python takes their encoding from the locale or PYTHONIOENCODING: ASCII, Latin-1 or a
    Windows code page (cp1258 has no precomposed Vietnamese letters) made every command
    that prints a Vietnamese name end in a traceback. To a pipe or a file they are now
    UTF-8, which is what JSON, CSV and the reports are documented to be; a terminal keeps
    its encoding and shows '?' for a letter it has no way to show (docs/decisions.md,
    "Output in UTF-8 whatever the locale says").
    """
    from .printing import writes_utf8

    for stream in (sys.stdout, sys.stderr):
        try:
            if writes_utf8(stream):
                continue
            reconfigure = stream.reconfigure  # type: ignore[union-attr]  # a TextIOWrapper's
            if stream.isatty():
                from .unshown import watch

                reconfigure(errors=watch(stream.encoding))  # '?', and at exit a word on how to show the letters
            else:
                reconfigure(encoding="utf-8", errors="strict" if stream is sys.stdout else "backslashreplace")
        except (AttributeError, LookupError, OSError, TypeError, ValueError):
            continue  # not a text stream of the usual kind: left as it is


def main(ends_the_process: bool = False) -> None:
    """Console entry point: user mistakes become messages and exit codes, never tracebacks.

    Typer runs in standalone mode, so usage errors print its usage text and exit 2;
    our own input errors come out here as one line per problem. ``ends_the_process``:
    qntrack is the program and ends with the command (``left_to_the_exit``).
    """
    global _ENDS_WITH_THE_COMMAND
    _ENDS_WITH_THE_COMMAND = ends_the_process
    if sys.stdout is None:  # `qntrack status >&-`: Python starts with no standard output at all
        _closed_stdout()
    if sys.stderr is None:  # `2>&-`: messages are lost, as with `2>/dev/full`, exit codes kept
        _closed_stderr()
    _utf8_streams()
    _whole_writes()
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
            before = _stop_on_sigterm()
            waits = _lock_waits_said()
            try:
                _run_app()
            except KeyboardInterrupt as stopped:  # before Typer ran: nothing was done yet
                _stopped_outside_a_command(stopped)
            except SystemExit as exc:
                _stopped_while_parsing(exc)
                if exc.code == 1 and isinstance(exc.__context__, BrokenPipeError):
                    # Click's exit 1 for a reader gone while it wrote the help or the
                    # completion script (`qntrack --help | true`), before any command
                    # ran: a closed pipe is no error, exit 0, as for every command.
                    _silence_stdout()
                    sys.exit(0)
                raise
            finally:
                _put_back_sigterm(before)
                _lock_waits_said(waits)
                sys.stdout.flush()  # Typer ends with SystemExit; what is still buffered goes now
    except InputError as exc:
        _report(exc.problems, rows_of=exc.rows_of, kinds=exc.kinds)
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
