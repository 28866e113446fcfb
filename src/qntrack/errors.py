"""Exit codes and the one exception that carries user-facing problems to the edge."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # imported when needed: `qntrack --version` should not pay for the model
    from .model import Location, Problem

__all__ = ["ExitCode", "InputError", "fail", "did_you_mean"]


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
