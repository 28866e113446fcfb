"""A merge left unfinished: git's conflict markers in targets.yaml or the store.

Two officers who each append figures in their own clone and then merge may get a
conflict, which git writes into the file between ``<<<<<<< ours``, ``=======`` and
``>>>>>>> theirs`` lines. Such a file is not the team's record yet: every command
refuses it with one message at the first marker's line, saying to finish the merge
(docs/data-integrity.md, "A team sharing one tracker"), where the readers said "expected
7 fields" at each marker and the writers appended to it.

A file is taken to be in conflict only when a line starts with ``<<<<<<<``, the marker
git always writes first; its first marker of any of the three kinds is named. A note
that holds ``=======`` on a line of its own is therefore no marker. The bytes are
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


def _first_at_line_start(data: bytes | mmap, marker: bytes) -> int:
    """The offset of the first ``marker`` that starts a line (the file's first, after a
    byte-order mark, too), or -1."""
    if data[: len(marker)] == marker or data[: 3 + len(marker)] == _BOM + marker:
        return 0
    at = data.find(b"\n" + marker)
    return at + 1 if at >= 0 else -1


def merge_marker_line(data: bytes | mmap) -> int:
    """The 1-based line of the first merge-conflict marker in ``data``, 0 if none."""
    first = _first_at_line_start(data, _OPENING)
    if first < 0:
        return 0
    for marker in _MARKERS[1:]:
        at = _first_at_line_start(data, marker)
        if 0 <= at < first:
            first = at
    return bytes(data[:first]).count(b"\n") + 1


def refuse_merge_conflict(data: bytes | mmap, file: str | Path) -> None:
    """Raise the one message naming the first marker's line, when ``data`` holds one."""
    line = merge_marker_line(data)
    if line:
        raise fail(Location(str(file), line), msg("merge_conflict_left"))
