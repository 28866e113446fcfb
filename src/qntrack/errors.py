"""Exit codes and the one exception that carries user-facing problems to the edge."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # imported when needed: `qntrack --version` should not pay for the model
    from .model import Location, Problem

__all__ = ["ExitCode", "InputError", "fail", "did_you_mean", "os_failure", "os_advice"]


class ExitCode(IntEnum):
    """The documented exit codes (README, "Exit codes")."""

    OK = 0
    INVALID = 1  # invalid input, or a failed check
    USAGE = 2  # the command line itself is wrong
    GATE = 3  # a --fail-on gate on `status` tripped


class InputError(Exception):
    """One or more problems with what the user gave us; rendered once, at the edge."""

    def __init__(self, problems: Iterable[Problem], code: ExitCode = ExitCode.INVALID):
        self.problems = list(problems)
        self.code = code
        super().__init__("\n".join(str(p) for p in self.problems))


def fail(where: str | Location, message: str, code: ExitCode = ExitCode.INVALID) -> InputError:
    """Build an InputError for a single problem (``raise fail(path, "...")``)."""
    from .model import Location, Problem

    loc = where if isinstance(where, Location) else Location(str(where))
    return InputError([Problem(loc, message)], code)


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """"; did you mean 'x'?" for the closest option, or "" when none is close."""
    import difflib

    hint = difflib.get_close_matches(word, list(options), n=1)
    return f"; did you mean '{hint[0]}'?" if hint else ""


# What a person can do about each OS error, in the words of the message (docs/data-integrity.md,
# "Errors from the system"). errno numbers are the same on every POSIX system we run on.
_ADVICE = {
    "EACCES": "ask for write access, or copy the tracker to a folder you can write",
    "EPERM": "ask for access, or copy the tracker to a folder you can write",
    "EROFS": "copy the tracker to a folder on a writable disk",
    "ENOSPC": "free some space on the disk and try again",
    "EDQUOT": "free some space (the disk quota is used up) and try again",
    "EFBIG": "the file is too large for this file system",
    "ENOENT": "check the path (and create the folder first)",
    "ENOTDIR": "a part of the path is a file, not a folder: check the path",
    "EISDIR": "it is a folder: give a file name",
    "EEXIST": "choose another name",
    "EIO": "check the disk or network share",
    "ENAMETOOLONG": "use a shorter path",
    "ELOOP": "check the path for a loop of symbolic links",
    "EMFILE": "close some programs and try again",
    "EAGAIN": "try again",
}


def os_advice(exc: OSError) -> str:
    """The system's reason for ``exc`` and what to do about it, in one phrase."""
    import errno

    reason = exc.strerror or str(exc) or type(exc).__name__
    todo = _ADVICE.get(errno.errorcode.get(exc.errno or 0, ""))
    return f"{reason}: {todo}" if todo else reason


def os_failure(exc: OSError, where: str | Location | None, doing: str, after: str = "") -> InputError:
    """An InputError for an OSError: ``<file>: error: cannot <doing>: <reason and what to do>[; <after>]``.

    ``where`` names the file as the user knows it; ``exc.filename`` is used when it is
    None. ``after`` says what was left as it was ("nothing was added")."""
    import os

    if where is None:
        where = os.fsdecode(exc.filename) if exc.filename else "standard output"
    return fail(where, f"cannot {doing}: {os_advice(exc)}" + (f"; {after}" if after else ""))
