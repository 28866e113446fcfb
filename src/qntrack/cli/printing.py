"""What a command prints: data on standard output, messages on standard error (in the
language of messages, never able to move the cursor), OS errors as one line, and the guard
that nothing is printed into the plan or the store a command reads."""

from __future__ import annotations

import io
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, TextIO

import typer

from ..errors import ExitCode, InputError
from .session import _message_lang

if TYPE_CHECKING:
    from ..catalog import Message
    from ..plan.model import Plan, Problem


# A store with more bad rows than this is summed up past them by every command but
# `check`, which lists them all: a national store's thousands would bury the first.
STORE_PROBLEMS_SHOWN = 20


class _Printed:
    """Whether the running command has written to standard output (``command`` resets it):
    a refusal's JSON document (``_refused_as_json``) is printed only in place of the
    command's own, never after part of it."""

    data = False


def _visible(text: str) -> str:
    """Control characters from a user's file shown as escapes, so a message can never
    move the cursor, recolour the terminal or break a line (ESC [ 2 J and friends)."""
    from ..output.terminal_text import visible

    return visible(text)


def _report(
    problems: list[Problem], lang: str | None = None, totals: bool = True, rows_of: str = "", kinds: bool = False
) -> None:
    """``totals``: end with the count of errors and warnings (when more than one).
    ``rows_of``: the problems are the bad rows of this file (InputError.rows_of), listed
    up to ``STORE_PROBLEMS_SHOWN``, then counted in one line (`check` lists them all).
    ``kinds``: a batch's bad rows (InputError.kinds), their kinds summed up past
    ``STORE_PROBLEMS_SHOWN`` (``_by_kind``)."""
    if not problems:
        return
    from ..catalog import msg, render

    chosen = lang or _message_lang()
    stream = sys.stderr
    shown = problems[:STORE_PROBLEMS_SHOWN] if rows_of else problems
    from ..files.resaved_store import resaved_store_problem

    resaved = resaved_store_problem(problems)  # a store a spreadsheet saved: said once, above its rows
    if resaved is not None:
        stream.write(f"{_visible(resaved.text(chosen))}\n")
    capped = kinds and not rows_of and len(problems) > STORE_PROBLEMS_SHOWN
    if capped:  # an import's 200,000 bad lines: each kind's first lines (forty-seventh session)
        shown = _first_of_each_kind(problems, chosen, stream)
    else:
        for p in shown:
            stream.write(f"{_visible(p.text(chosen))}\n")
    if len(shown) < len(problems) and rows_of:
        more = msg("cli_more_store_problems", more=len(problems) - len(shown), file=rows_of)
        stream.write(_visible(render(more, chosen)) + "\n")
    if kinds and totals and len(problems) > STORE_PROBLEMS_SHOWN:
        _by_kind(problems, chosen, stream, len(shown) < len(problems))
    errors = sum(1 for p in problems if p.severity == "error")
    if totals and len(problems) > 1:
        stream.write(render(msg("totals", errors=errors, warnings=len(problems) - errors), chosen) + "\n")


def _kind(p: Problem) -> tuple[str, str]:
    return p.severity, getattr(p.message, "id", None) or str(p.message)


def _first_of_each_kind(problems: list[Problem], lang: str, stream: TextIO) -> list[Problem]:
    """A batch's problems in their order, each kind (``_kind``) to its first
    ``STORE_PROBLEMS_SHOWN``, then for each kind with more "... and K more lines like" its
    first's place; the problems listed. An import of 200,000 bad lines printed them all."""
    from ..catalog import msg, render
    from ..output.i18n import number

    seen: dict[tuple[str, str], list[Problem]] = {}
    listed = []
    for p in problems:
        same = seen.setdefault(_kind(p), [])
        same.append(p)
        if len(same) <= STORE_PROBLEMS_SHOWN:
            listed.append(p)
            stream.write(f"{_visible(p.text(lang))}\n")
    for same in seen.values():
        if len(same) > STORE_PROBLEMS_SHOWN:
            place = str(same[0].location)  # a workbook's cell as Excel names it (Sheet!C2)
            more = msg("s47l_more_lines_like", more=number(len(same) - STORE_PROBLEMS_SHOWN, lang, 0), place=place)
            stream.write("  " + _visible(render(more, lang)) + "\n")
    return listed


def _by_kind(problems: list[Problem], lang: str, stream: TextIO, capped: bool = False) -> None:
    """Past ``STORE_PROBLEMS_SHOWN`` problems, each listed above, their kinds summed up
    above the totals: how many of each (the message's id in the catalog, with its
    severity), and the first, as listed, where a person at a terminal reads (the bottom of
    the screen). 500 bad rows of an import scrolled their first away, and 125 of them
    repeated the 34 provinces they could have been (issue 17, twenty-third session)."""
    from ..catalog import msg, render
    from ..output.i18n import number

    kinds: dict[tuple[str, str], list[Problem]] = {}
    for p in problems:
        kinds.setdefault(_kind(p), []).append(p)
    if len(kinds) == len(problems):
        return  # no kind repeats: the list above says it all
    heading = "s47l_problems_by_kind_capped" if capped else "cli_problems_by_kind"
    stream.write(render(msg(heading, count=number(len(problems), lang, 0)), lang) + "\n")
    ordered = sorted(kinds.values(), key=lambda ps: -len(ps))  # stable: first seen first among equals
    for same in ordered[:STORE_PROBLEMS_SHOWN]:
        stream.write(f"  {number(len(same), lang, 0)} × {_visible(same[0].text(lang))}\n")
    if len(ordered) > STORE_PROBLEMS_SHOWN:
        more = sum(len(ps) for ps in ordered[STORE_PROBLEMS_SHOWN:])
        others = len(ordered) - STORE_PROBLEMS_SHOWN
        left = msg("cli_problems_other_kinds", kinds=number(others, lang, 0), count=number(more, lang, 0))
        stream.write("  " + render(left, lang) + "\n")


def _say(message: str | Message) -> None:
    """A confirmation or note on stderr, in the language of messages (_message_lang); like
    a problem, it can never move the cursor (_visible), whatever a path holds."""
    from ..catalog import render

    sys.stderr.write(_visible(render(message, _message_lang())) + "\n")


def _reason(exc: Exception) -> str | Message:
    """What an exception from the library says (messages.said)."""
    from ..catalog import said

    return said(exc)


def _on_a_terminal() -> bool:
    """Whether standard output is a terminal (a person reading), not a pipe or a file."""
    try:
        return bool(sys.stdout.isatty())
    except (AttributeError, ValueError):  # closed, or a stream without one
        return False


def _for_a_terminal(text: str) -> str:
    """A data format's text as written to a terminal: a source or note a hand edit left
    holding ESC [ 2 J, OSC 52 or U+202E would clear the screen, set the clipboard or
    reverse the line of whoever typed `observations --format csv` (terminal_text)."""
    from ..output.terminal_text import for_a_terminal

    return for_a_terminal(text)


def _out(text: str) -> None:
    _Printed.data = True
    sys.stdout.write(_for_a_terminal(text) if _on_a_terminal() else text)
    sys.stdout.flush()  # a full disk behind stdout is reported here, not at exit


def _out_pieces(pieces: Iterable[str]) -> None:
    """``_out`` of text made a piece at a time (tables.table_pieces): a national table is
    printed as it is made rather than held whole."""
    terminal = _on_a_terminal()
    _Printed.data = True
    for piece in pieces:
        sys.stdout.write(_for_a_terminal(piece) if terminal else piece)
    sys.stdout.flush()


def writes_utf8(stream: Any) -> bool:
    """Whether a text stream encodes as UTF-8 (whatever its encoding's name is spelt)."""
    import codecs

    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "").name == "utf-8"
    except LookupError:
        return False


def _out_parts(parts: Iterable[bytes | memoryview]) -> None:
    """Write UTF-8 text given in pieces (formats.document_parts) as ``_out`` writes their
    join: straight to the bytes under a UTF-8 stdout (a national status document is 30 MB,
    not joined, decoded and encoded again), decoded otherwise."""
    _Printed.data = True
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None or not writes_utf8(sys.stdout) or _on_a_terminal():
        _out(b"".join(parts).decode("utf-8"))
        return
    sys.stdout.flush()  # whatever was written as text goes first
    buffer.writelines(parts)
    buffer.flush()


def _refused_as_json(given: dict[str, Any], problems: list[Problem]) -> None:
    """A command refused for its input (exit 1) under ``--format json`` whose document
    would have gone to standard output prints ``{qntrack, problems}`` there instead
    (docs/json.md, "A refusal"), so that ``jq`` and ``json.loads`` read the refusal, not
    an empty stream; the messages stay on stderr. ``given``: the command's arguments.
    Nothing once the command has printed, nor when ``-o`` names a file."""
    fmt = given.get("fmt")
    if getattr(fmt, "value", fmt) != "json" or _Printed.data or not problems:
        return
    if given.get("output") not in (None, "-"):
        return
    from ..output.documents import refusal_document
    from ..output.formats import to_json

    try:
        _out(to_json(refusal_document(problems)))
    except OSError:  # a reader gone or a full disk: the exit code and stderr still say it
        _silence_stdout()


def _os_exit(exc: OSError, given: dict[str, Any] | None = None) -> typer.Exit:
    """Report an OSError in one line and give the exit to raise (1, as for any file that
    cannot be read or written). An error without a file name comes from writing standard
    output (every file qntrack writes is named by its own handler)."""
    import errno

    from ..errors import os_failure
    from ..catalog import msg
    from ..plan.model import STANDARD_OUTPUT

    if exc.filename:
        problems = os_failure(exc, None, msg("cli_doing_use_file")).problems
        _report(problems)
        _refused_as_json(given or {}, problems)
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF):
        _silence_stdout()
        _report(os_failure(exc, STANDARD_OUTPUT, msg("cli_doing_write"), stdout=True).problems)
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
    _to_devnull(fd)


def _to_devnull(fd: int) -> None:
    """Point the open ``fd`` at /dev/null: what is written to it later is lost, never an
    error (a full disk's standard output, a standard error that went away)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _hold_with_devnull(fd: int) -> None:
    """Take the closed ``fd`` (1 or 2) with /dev/null, the lowest free descriptor being the
    one the next open gets: no file opened later gets it and is mistaken for standard output
    or receives the messages. An ``fd`` already taken is left as it is."""
    try:
        taken = os.open(os.devnull, os.O_WRONLY)
        if taken != fd:
            os.close(taken)
    except OSError:
        pass


@contextmanager
def _to_a_reader() -> Iterator[None]:
    """Print what a command's exit code then judges (``status --fail-on``, ``check``): a
    reader that went away (``| head -1``) ends the printing, not the command, so a tripped
    gate or a failed check still exits 3 or 1 in a CI pipeline. Flushed here, so that the
    pipe's error cannot come at the interpreter's last flush instead and turn that exit
    into 0."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()


class _WholeWrites(io.FileIO):
    """Standard output's file, each write taken whole or refused: past a file-size limit
    (``ulimit -f``) or a quota the system writes what fits and says so only by the count,
    which Python's buffer takes as done, so `report -f html > review.html` ended at 20 KB
    with exit 0. Writing the rest meets the limit's EFBIG, said as a full stdout is."""

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        done = 0
        while done < len(view):
            taken = super().write(view[done:])
            if not taken:  # nothing taken and no error: left to the caller, as before
                break
            done += taken
        return done


def _whole_writes() -> None:
    """Standard output into a regular file written through ``_WholeWrites`` (a pipe or a
    terminal is left as it is: a blocking write to one is never cut short but by a signal)."""
    if not _stdout_is_a_file():
        return
    given = sys.stdout
    try:
        given.flush()
        raw = _WholeWrites(given.fileno(), "wb", closefd=False)
        newline = None if os.name == "nt" else "\n"  # as Python opens standard output
        sys.stdout = io.TextIOWrapper(
            io.BufferedWriter(raw), encoding=given.encoding, errors=given.errors, newline=newline
        )
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test runner's buffer): left as it is


def _stdout_is_a_file() -> bool:
    """Standard output is a regular file (``>> file``), which could be a file qntrack reads."""
    import stat

    try:
        # The stream commands print to (a test runner's is no file at all), not descriptor 1.
        return stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is both OSError and ValueError
        return False


def _guard_stdout(targets_path: Path, plan: Plan | None = None) -> None:
    """Refuse to print into the plan or the store (``qntrack status -f csv >> observations.csv``):
    outputs never replace or extend inputs (files.outputs.refuse_stdout_into). ``plan``: the
    parsed plan, which names the store; without one, the store is found if the plan reads."""
    if not _stdout_is_a_file():
        return
    from ..files.outputs import refuse_stdout_into
    from ..files.workspace import store_path_for

    if plan is None:
        from ..files.plan_loading import load_plan

        try:
            plan = load_plan(targets_path)
        except InputError:
            plan = None  # the command says what is wrong with the plan
    refuse_stdout_into(targets_path, store_path_for(plan, targets_path) if plan is not None else None, report=False)


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
        from ..catalog import argv_language

        _report(exc.problems, argv_language(args))
        raise SystemExit(int(exc.code)) from None


def _closed_stdout() -> None:
    """Stand in for a closed standard output: writing to it fails as the system would (EBADF),
    so the command that has something to print says so in one line and exits 1, and one
    that prints nothing (add-observation) runs as usual. fd 1 is taken by /dev/null, so that
    no file opened later gets it and is mistaken for standard output (refuse_stdout_into)."""
    import errno
    import io

    class ClosedBytes(io.RawIOBase):
        # A report of bytes (xlsx, docx) written to standard output goes to its buffer.
        def writable(self) -> bool:
            return True

        def write(self, data: Any) -> int:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    class Closed(io.TextIOBase):
        encoding = "utf-8"
        buffer = ClosedBytes()

        def writable(self) -> bool:
            return True

        def write(self, text: str) -> int:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))

        def isatty(self) -> bool:
            return False

        def fileno(self) -> int:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    _hold_with_devnull(1)
    sys.stdout = Closed()


def _closed_stderr() -> None:
    """Stand in for a closed standard error (Python then starts with sys.stderr None): the
    messages go nowhere and the exit code is the command's own, as with `2>/dev/full`. fd 2
    is taken by /dev/null, so that no file opened later gets it and receives the messages."""
    _hold_with_devnull(2)
    sys.stderr = open(os.devnull, "w", encoding="utf-8")


class _Messages:
    """Standard error that never fails the command: a message that cannot be written
    (`2>/dev/full`) is lost, not turned into an error. A confirmation after a stored row
    must not make a success exit 1, and an error keeps its own exit code (1, 2 or 3)
    rather than becoming a second error about stderr. After the first failure fd 2 points
    at /dev/null, so what is still buffered cannot fail again at exit."""

    def __init__(self, stream: TextIO) -> None:
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
            _to_devnull(self._stream.fileno())
            self._stream.flush()
        except (OSError, ValueError, AttributeError):
            pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
