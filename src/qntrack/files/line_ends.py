"""A store whose lines end with CR alone (issue 17, twenty-first session).

Excel for Mac's "CSV (Macintosh)" format and old Mac programs end each line with a
carriage return and no line feed. A store saved so holds no LF at all: it was read as one
unfinished line, "an incomplete last row (a write was interrupted)", and ``check --repair``
moved the whole store aside as that row's remnant. It is said as what it is, with the
command that ends its lines with LF, and nothing is changed. (An import file with such
line ends is read: only the store, which qntrack appends to, must end lines with LF.)
"""

from __future__ import annotations

from ..catalog import Message, msg
from ..errors import fail
from ..plan.model import Location
from .figure_units import shell_word

__all__ = ["cr_only", "cr_only_said", "refuse_cr_only"]


def cr_only(data: bytes | str) -> bool:
    """Whether ``data`` (a store, or its first bytes) ends lines with CR alone."""
    cr, lf = ("\r", "\n") if isinstance(data, str) else (b"\r", b"\n")
    return lf not in data and cr in data  # type: ignore[operator]


def cr_only_said(file: str) -> Message:
    return msg("store_cr_only", file=shell_word(file))


def refuse_cr_only(data: bytes | str, file: str) -> None:
    """Raise at line 1 of ``file`` when ``data`` (its first bytes) ends lines with CR alone."""
    if cr_only(data):
        raise fail(Location(file, 1), cr_only_said(file))
