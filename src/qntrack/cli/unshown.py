"""Letters a terminal cannot show, said once (issue 17, twentieth session).

A terminal keeps its own encoding, and a letter it has no way to show is written '?'
(``cli._utf8_streams``). A console in code page 437 or 1258 (PYTHONIOENCODING set so by a
Windows profile or an IDE, a legacy locale) then shows "kh?ng ph?i l? s?", and nothing
said why. The error handler here writes the same '?' and notes it; at exit, one warning
names the encoding and how to show the letters (docs/decisions.md).
"""

from __future__ import annotations

import atexit
import codecs
import sys

__all__ = ["ERRORS", "watch"]

ERRORS = "qntrack-unshown"
_lost: dict[str, str] = {}  # "encoding": the terminal's; "lost": set once a letter was


def _unshown(exc: UnicodeError) -> tuple[str, int]:
    """'?' for each column a letter the terminal's encoding has not takes, as the tables
    laid it out: one for a letter, two for a wide sign ('⌛', which errors="replace" wrote
    as one '?', moving the rest of its table's line a column left), none for a combining
    mark (the letter before it stays)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    _lost["lost"] = "yes"  # exc.encoding is the codec's ('charmap'), not the terminal's
    return "".join("?" * _columns(letter) for letter in exc.object[exc.start : exc.end]), exc.end


def _columns(letter: str) -> int:
    """The columns ``letter`` takes on a terminal, as Rich counts them for its tables."""
    try:
        from rich.cells import cell_len
    except ImportError:  # pragma: no cover - Rich is a dependency
        return 1
    return cell_len(letter)


def _say() -> None:
    """The warning, on standard error, when a letter was lost; never an error at exit."""
    if _lost.pop("lost", None) is None:
        return
    encoding = _lost.get("encoding", "?")
    from ..catalog import msg
    from ..plan.model import Location, Problem
    from .session import _message_lang

    warning = Problem(Location("qntrack"), msg("cli_terminal_letters", encoding=encoding), severity="warning")
    try:
        sys.stderr.write(warning.text(_message_lang()) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def watch(encoding: str) -> str:
    """Register the handler (once) and the warning at exit; the ``errors`` name to give a
    terminal's stream, whose ``encoding`` the warning names."""
    _lost.setdefault("encoding", encoding)
    try:
        codecs.lookup_error(ERRORS)
    except LookupError:
        codecs.register_error(ERRORS, _unshown)
        atexit.register(_say)
    return ERRORS
