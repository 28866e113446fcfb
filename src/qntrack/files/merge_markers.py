"""A merge left unfinished: git's conflict markers in targets.yaml or the store.

Two officers who each append figures in their own clone and then merge may get a
conflict, which git writes into the file between ``<<<<<<< ours``, ``=======`` and
``>>>>>>> theirs`` lines. Such a file is not the team's record yet: every command
refuses it with one message at the first marker's line, saying to finish the merge
(docs/data-integrity.md, "A team sharing one tracker"), where the readers said "expected
7 fields" at each marker and the writers appended to it.

A file is taken to be in conflict only when a line starts with ``<<<<<<<``, the marker
git always writes first; its first marker of any of the three kinds is named. A note
that holds ``=======`` on a line of its own is therefore no marker, nor is a line of a
quoted CSV cell (a note over lines quoting '<<<<<<< HEAD'), nor, in targets.yaml, a
``<<<<<<<`` that no ``=======`` and ``>>>>>>>`` lines follow. The bytes are
searched, not split: a national store's 80 MB take a few milliseconds.
"""

from __future__ import annotations

from mmap import mmap
from pathlib import Path

from ..catalog import msg
from ..errors import fail
from ..plan.model import Location

__all__ = ["refuse_merge_conflict", "merge_marker_line"]

_BOM = b"\xef\xbb\xbf"
_OPENING = b"<<<<<<<"
_MARKERS = (b"<<<<<<<", b"=======", b">>>>>>>", b"|||||||")


def _first_at_line_start(data: bytes | mmap, marker: bytes, start: int = 0, csv: bool = False) -> int:
    """The offset of the first ``marker`` at or after ``start`` that starts a line (the
    file's first, after a byte-order mark, too), or -1. In a CSV file (``csv``) a line
    inside a quoted cell (after an odd number of quotes: a note over lines) is text, not
    a line of the file: a note quoting '<<<<<<< HEAD' is no merge."""
    if start == 0 and (data[: len(marker)] == marker or data[: 3 + len(marker)] == _BOM + marker):
        return 0
    quotes, counted = 0, 0
    at = data.find(b"\n" + marker, max(start - 1, 0))
    while at >= 0:
        if not csv:
            return at + 1
        quotes += bytes(data[counted:at]).count(b'"')  # only when a marker is met: rare
        counted = at
        if quotes % 2 == 0:
            return at + 1
        at = data.find(b"\n" + marker, at + 1)
    return -1


def merge_marker_line(data: bytes | mmap, csv: bool = False) -> int:
    """The 1-based line of the first merge-conflict marker in ``data``, 0 if none.

    In a CSV file (``csv``: the store, a file to import) markers inside a quoted cell are
    text. In targets.yaml a quoted text may run over lines too, its next line at column 0,
    and YAML cannot tell quotes from apostrophes here: there the opening is a marker only
    when a '=======' line and then a '>>>>>>>' line follow it, as git always writes them."""
    first = _first_at_line_start(data, _OPENING, csv=csv)
    if first < 0:
        return 0
    if not csv:
        middle = _first_at_line_start(data, b"=======", first)
        if middle < 0 or _first_at_line_start(data, b">>>>>>>", middle) < 0:
            return 0
    for marker in _MARKERS[1:]:
        at = _first_at_line_start(data, marker, csv=csv)
        if 0 <= at < first:
            first = at
    return bytes(data[:first]).count(b"\n") + 1


def refuse_merge_conflict(data: bytes | mmap, file: str | Path, csv: bool = True) -> None:
    """Raise the one message naming the first marker's line, when ``data`` holds one
    (``csv``: the store or a file to import; else targets.yaml)."""
    line = merge_marker_line(data, csv)
    if line:
        raise fail(Location(str(file), line), msg("merge_conflict_left"))
