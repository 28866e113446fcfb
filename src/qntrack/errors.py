"""Exit codes and the one exception that carries user-facing problems to the edge."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from .plan.suggest import closest

if TYPE_CHECKING:  # imported when needed: `qntrack --version` should not pay for the model
    from .catalog import Message
    from .plan.model import Location, Problem

__all__ = [
    "ExitCode",
    "InputError",
    "PlanError",
    "StoreError",
    "StoreLockedError",
    "ArgumentError",
    "Terminated",
    "HungUp",
    "fail",
    "did_you_mean",
    "suggestion",
    "os_failure",
    "os_advice",
    "os_reason",
]


class ExitCode(IntEnum):
    """The documented exit codes (README, "Exit codes")."""

    OK = 0
    INVALID = 1  # invalid input, or a failed check
    USAGE = 2  # the command line itself is wrong
    GATE = 3  # a --fail-on gate on `status` tripped
    # Another process held the store's lock past QNTRACK_LOCK_TIMEOUT: nothing was done, and
    # the same command later will do it. EX_TEMPFAIL of sysexits.h, which cron wrappers and
    # mail systems read as "try again later", where 1 asks a person to look.
    BUSY = 75
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
    TERMINATED = 143  # SIGTERM (128 + 15), as a shell reports a process the signal ended
    HUNG_UP = 129  # SIGHUP (128 + 1): the terminal or the SSH connection closed


class Terminated(KeyboardInterrupt):
    """SIGTERM (``timeout``, systemd, a cron daemon stopping, a shutdown) as the console
    raises it: a KeyboardInterrupt, so that whatever Ctrl-C undoes (an append's rows and
    journal, a report's temporary file) is undone the same way; the command line says it
    was stopped and exits 143 (cli.main installs the handler; a Python caller's own
    handling of the signal is left alone)."""

    word = "terminated"  # the catalog's cli_terminated messages
    code = ExitCode.TERMINATED


class HungUp(Terminated):
    """SIGHUP (the terminal closed, an SSH connection dropped, mid-import) raised as
    SIGTERM is, so that what it stops is undone the same way; said "stopped (SIGHUP ...)"
    and exit 129 (128 + 1). It ended the process where it stood, leaving an import's
    journal, which refused the store to every later command until `check --repair`
    (issue 17, forty-third session). Left alone where SIGHUP is ignored (`nohup`)."""

    word = "hungup"
    code = ExitCode.HUNG_UP


class InputError(Exception):
    """One or more problems with what the user gave us; rendered once, at the edge.

    The one base of qntrack's errors a Python caller catches (docs/python-api.md): each of
    ``problems`` has its place (``location``: file, line, column) and its words (a
    Message: its ``id`` is the catalog's key), shown in the language the caller asks
    (``text("vi")``); ``str()`` is the English text. ``file``, ``line`` and ``key`` are
    the first problem's. A subclass says what was wrong: the plan (``PlanError``), the
    store (``StoreError``), or its lock (``StoreLockedError``); anything else a caller
    gave (a row, a day, an id) is an InputError itself."""

    def __init__(
        self, problems: Iterable[Problem], code: ExitCode = ExitCode.INVALID, rows_of: str = "", kinds: bool = False
    ):
        """``rows_of``: the problems are the bad rows of this file (the store), which a
        command other than `check` sums up past the first few (cli.printing). ``kinds``:
        they are a batch's bad rows, all listed, their kinds summed up under them past the
        first few (cli.printing._by_kind)."""
        self.problems = list(problems)
        self.code = code
        self.rows_of = rows_of
        self.kinds = kinds
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as made, from its problems: Python makes an exception again from its
        ``args``, whose one text was read as the problems, one character each (thirty-
        seventh session, pass F: an error a worker process handed back read so)."""
        return type(self), (self.problems, self.code, self.rows_of, self.kinds), self.__dict__

    @classmethod
    def of(cls, error: InputError) -> InputError:
        """``error``'s problems, code and rows as this kind of error (a subclass's own
        kind is kept: a StoreLockedError stays one when the store's errors are named)."""
        if isinstance(error, cls):
            return error
        made = cls(error.problems, error.code, error.rows_of, error.kinds)
        made.__traceback__ = error.__traceback__
        return made

    @property
    def file(self) -> str:
        """The file of the first problem, as the caller named it ("" without one)."""
        return self.problems[0].location.file if self.problems else ""

    @property
    def line(self) -> int:
        """The 1-based line of the first problem; 0 when it is about the whole file."""
        return self.problems[0].location.line if self.problems else 0

    @property
    def key(self) -> str:
        """The catalog's key of the first problem's message (en.toml and vi.toml); ""
        for a message that has none (text a library it calls wrote)."""
        message = self.problems[0].message if self.problems else ""
        return "" if isinstance(message, str) else message.id

    def text(self, lang: str = "en") -> str:
        """Every problem, one a line, ``file:line:col: error: message`` in ``lang`` (en
        or vi, in any case, or a locale's name; another is English). Nothing is remembered
        between calls."""
        return "\n".join(p.text(lang) for p in self.problems)


class PlanError(InputError):
    """targets.yaml cannot be found or read, or is not a valid plan."""


class StoreError(InputError):
    """The store (the observations file) cannot be read or written, or holds bad rows."""


class StoreLockedError(StoreError):
    """Another writer held the store's lock longer than ``QNTRACK_LOCK_TIMEOUT`` seconds
    (30 by default): nothing was written; trying again later is the remedy."""


class ArgumentError(InputError, ValueError):
    """An argument a Python caller gave that the function does not take: a report's format
    or language, a target id the plan lacks, a day written otherwise than ``YYYY-MM-DD``.
    An InputError like every other (its place is the argument's name: ``fmt``, ``lang``,
    ``target_ids``, ``today``), and a ValueError too, as these were before, so that a
    caller's ``except ValueError`` still catches them."""


def fail(
    where: str | Location,
    message: str | Message,
    code: ExitCode = ExitCode.INVALID,
    kind: type[InputError] = InputError,
) -> InputError:
    """Build an InputError (or ``kind``) for a single problem (``raise fail(path, "...")``)."""
    from .plan.model import Location, Problem

    loc = where if isinstance(where, Location) else Location(str(where))
    return kind([Problem(loc, message)], code)


def refuse_nul(where: str, value: object) -> None:
    """A NUL character in a path or a name: no file name can hold one (a shell cannot pass
    one; a program can), and open() and realpath() raise ValueError on it. A usage error
    naming ``where``: the option, or the library's argument."""
    import os

    if isinstance(value, (str, os.PathLike)) and "\0" in str(os.fspath(value)):
        from .catalog import msg

        raise fail(where, msg("cli_nul_character"), ExitCode.USAGE)


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """ "; did you mean 'x'?" for the closest option, or "" when none is close (English;
    inside a message, use ``suggestion``, which follows the message's language)."""
    hint = closest(word, options)
    return f"; did you mean '{hint}'?" if hint else ""


def suggestion(word: str, options: Iterable[str]) -> Message:
    """``did_you_mean`` as a Message, to pass as a value of another message
    (e.g. as ``hint=suggestion(x, ids)``): shown in its language."""
    from .catalog import msg

    hint = closest(word, options)
    return msg("errors_did_you_mean", option=hint) if hint else msg("errors_no_suggestion")


def id_suggestion(word: str, options: Iterable[str]) -> Message:
    """``suggestion`` for an id typed on the command line: every member of the family the
    word names in part (``plan.families.family``: ``fdi-plan-2026``, the plan's other
    years), the first ten and "…", else the closest id."""
    from .catalog import msg
    from .plan.families import family

    options = list(options)
    members = family(word, options)
    if not members:
        return suggestion(word, options)
    listed = ", ".join(f"'{m}'" for m in members[:10]) + (", …" if len(members) > 10 else "")
    return msg("errors_did_you_mean_one_of", options=listed)


def suggestion_then(word: str, options: Iterable[str] | Mapping[str, str]) -> Message:
    """``suggestion`` before another clause of the message ("{hint} valid: ..."): "; did
    you mean 'x'?" or, with no close option, ";". With a mapping, a close key suggests
    its value (a dimension's label suggests its id, which is what is typed)."""
    from .catalog import msg

    hint = closest(word, options)
    if hint is None:
        return msg("errors_no_suggestion_then")
    return msg("errors_did_you_mean", option=options[hint] if isinstance(options, Mapping) else hint)


# What a person can do about each OS error, in the words of the message (docs/data-integrity.md,
# "Errors from the system"): a message id per errno name (the words are in catalog/*.toml,
# [outputs]). errno numbers are the same on every POSIX system we run on.
_ADVICE = {
    "EACCES": "os_todo_eacces",
    "EPERM": "os_todo_eperm",
    "EROFS": "os_todo_erofs",
    "ENOSPC": "os_todo_enospc",
    "EDQUOT": "os_todo_edquot",
    "EFBIG": "os_todo_efbig",
    "ENOENT": "os_todo_enoent",
    "ENOTDIR": "os_todo_enotdir",
    "EISDIR": "os_todo_eisdir",
    "EEXIST": "os_todo_eexist",
    "EIO": "os_todo_eio",
    "ENAMETOOLONG": "os_todo_enametoolong",
    "ELOOP": "os_todo_eloop",
    "EMFILE": "os_todo_emfile",
    "EAGAIN": "os_todo_eagain",
    "EBADF": "os_todo_ebadf",
}
# A file or folder the user named to be made (report -o, an export, init, import --into):
# the tracker is not what to copy, the path is what to change.
_ADVICE_MADE = {"EACCES": "os_todo_eacces_made", "EPERM": "os_todo_eperm_made", "EROFS": "os_todo_erofs_made"}
# Standard output (a redirection to a full disk, /dev/full, a size limit): where the
# output goes is the shell's, so the advice is to send it elsewhere (thirtieth session).
_ADVICE_STDOUT = {"ENOSPC": "os_todo_enospc_stdout", "EDQUOT": "os_todo_enospc_stdout", "EFBIG": "os_todo_efbig_stdout"}


# The system's reasons a user meets, in the catalog's words (catalog/*.toml, [outputs],
# ``os_error_<name>``): English as the system words them, Vietnamese with the errno's name
# for a search. The system's own text is English whatever the language of the messages
# (``No space left on device`` in a Vietnamese line, thirty-sixth session).
_WORDED = frozenset(
    (
        "ENOSPC EROFS EACCES EPERM ENOENT EISDIR ENOTDIR ENAMETOOLONG EMFILE ENFILE EPIPE "
        "EBADF EDQUOT EFBIG EIO EEXIST ELOOP EAGAIN ETXTBSY ENOTEMPTY EXDEV"
    ).split()
)


def os_words(exc: BaseException) -> Message:
    """Why the system refused, for a message in the user's language: the catalog's words
    for a common error, else the system's text (with the errno's name in Vietnamese). The
    one place an OSError's text is read for a message (tests/test_s36_e.py)."""
    import errno

    from .catalog import Message, msg

    number = getattr(exc, "errno", None)
    name = errno.errorcode.get(number, "") if isinstance(number, int) else ""
    if name in _WORDED:
        return Message(f"os_error_{name.lower()}")
    system = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return msg("os_error_named", system=system, name=name) if name else msg("os_error_other", system=system)


def os_reason(exc: OSError, made: bool = False, stdout: bool = False) -> Message:
    """The system's reason for ``exc`` (as the system words it) and what to do about it;
    ``made``: of a path the user named for qntrack to write, not of the tracker's files;
    ``stdout``: of standard output, which the shell sent where it goes."""
    import errno

    from .catalog import Message, msg

    reason = os_words(exc)
    name = errno.errorcode.get(exc.errno or 0, "")
    todo = (stdout and _ADVICE_STDOUT.get(name)) or (made and _ADVICE_MADE.get(name)) or _ADVICE.get(name)
    return msg("os_reason_todo", reason=reason, todo=Message(todo)) if todo else msg("os_reason", reason=reason)


# A file qntrack reads (the plan, the store, a file to import) whose path is at fault: the
# advice that holds for reading too ("ask for write access" would not). It said the reason
# alone, "cannot read targets file: Not a directory" (thirty-sixth session, pass G).
_READ_ADVICE = ("ENOTDIR", "ENAMETOOLONG", "ELOOP", "EIO", "EMFILE", "EAGAIN")


def os_read_reason(exc: OSError) -> Message:
    """The system's reason a file could not be read, with what to do where the path or the
    system is at fault (``_READ_ADVICE``), else the reason alone."""
    import errno

    from .catalog import Message, msg

    name = errno.errorcode.get(exc.errno or 0, "")
    if name in _READ_ADVICE:
        return msg("os_reason_todo", reason=os_words(exc), todo=Message(_ADVICE[name]))
    return os_words(exc)


def os_advice(exc: OSError) -> str:
    """The system's reason for ``exc`` and what to do about it, in one phrase (English)."""
    return str(os_reason(exc))


def _intended(name: str) -> str:
    """A file by the name the user knows: the temporary file an atomic write makes first
    (``.targets.yaml.x1y2z3w4.tmp``, starter.write_atomically's mkstemp) is gone by the time
    the message is read, so it is named as the file it was to become."""
    import os
    import re

    folder, base = os.path.split(name)
    found = re.fullmatch(r"\.(.+)\.[A-Za-z0-9_]{8}\.tmp", base)
    return os.path.join(folder, found.group(1)) if found else name


def os_failure(
    exc: OSError,
    where: str | Location | None,
    doing: str | Message,
    after: str | Message = "",
    made: bool = False,
    stdout: bool = False,
) -> InputError:
    """An InputError for an OSError: ``<file>: error: cannot <doing>: <reason and what to do>[; <after>]``.

    ``where`` names the file as the user knows it; ``exc.filename`` is used when it is
    None. ``doing`` and ``after`` (what was left as it was, "nothing was added") are
    Messages, or English text from callers not yet converted. ``made``, ``stdout``: see
    ``os_reason``."""
    import os

    from .catalog import msg
    from .plan.model import STANDARD_OUTPUT

    if where is None:
        where = _intended(os.fsdecode(exc.filename)) if exc.filename else STANDARD_OUTPUT
    reason = os_reason(exc, made, stdout)
    if after:
        return fail(where, msg("os_cannot_after", doing=doing, reason=reason, after=after))
    return fail(where, msg("os_cannot", doing=doing, reason=reason))
