"""`qntrack check --repair`: set aside the torn tail of the observations file.

A row is complete once its newline is written; bytes after the last newline are what an
interrupted append left behind. Repair copies those bytes to a side file beside the store
(``observations.csv.torn-20240105T101500Z``), then replaces the store with its complete
prefix. Both writes go through a temporary file and a rename, and the whole operation
holds the same lock as appends, so a concurrent ``add-observation`` waits for it. Nothing
is ever deleted: the side file keeps the tail for a person to read and re-enter.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .errors import fail
from .starter import write_atomically
from .store import _lock

__all__ = ["Repair", "repair_store"]


@dataclass(frozen=True, slots=True)
class Repair:
    """What was moved: the torn line's number, its bytes, and where they went."""

    torn_line: int
    tail: bytes
    side_file: Path


def _side_file(path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.torn-{stamp}")
    n = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.torn-{stamp}-{n}")
        n += 1
    return candidate


def repair_store(path: Path, now: datetime | None = None) -> Repair | None:
    """Move an incomplete last line to a side file; None when the file ends cleanly."""
    from filelock import Timeout

    from .textfiles import read_regular

    if path.is_dir():
        raise fail(str(path), "the observations file is a directory, expected a CSV file")
    # A symlinked store is repaired where it really is: replacing the link itself with a
    # regular file would fork the store in two, and the side file belongs beside the data.
    path = path.resolve()
    from .textfiles import open_regular

    opened = open_regular(path, "the observations file")  # a FIFO or device: refused before any lock file
    if opened is None:
        return None  # nothing to repair; the lock must not create a missing folder either
    with os.fdopen(opened[0], "rb") as fh:
        head = fh.read(65536)
    if head and not head.endswith(b"\n"):
        _refuse_foreign(head, path)  # before the lock, which would leave a file beside it
    try:
        with _lock(path):
            data = read_regular(path, "the observations file")
            if data is None:
                return None
            if not data or data.endswith(b"\n"):
                return None
            _refuse_foreign(data, path)
            cut = data.rfind(b"\n") + 1
            tail = data[cut:]
            side = _side_file(path, now or datetime.now(timezone.utc))
            # The tail is safe on disk before the store loses it.
            write_atomically(side, tail)
            write_atomically(path, data[:cut])
            _sync_folder(path.parent)
            return Repair(data[:cut].count(b"\n") + 1, tail, side)
    except Timeout:
        raise fail(str(path), "another qntrack process holds the lock on this file; try again") from None


def _refuse_foreign(data: bytes, path: Path) -> None:
    """Raise unless ``data`` starts like a qntrack store (text, our header): repair
    rewrites the file, and a program or another program's data named by mistake as the
    store (observations: /bin/ls) must be left exactly as it is."""
    from .store import HEADER

    first = data[: data.find(b"\n")] if b"\n" in data else data
    if first.startswith(b"\xef\xbb\xbf"):
        first = first[3:]
    message = ("not a qntrack observations file (binary, or its first line is not the header "
               f"{','.join(HEADER)}); nothing was changed")
    if b"\x00" in data[:8192]:
        raise fail(str(path), message)
    try:
        line = first.decode("utf-8").rstrip("\r")
    except UnicodeDecodeError:
        raise fail(str(path), message) from None
    # Ours if the header names one of our columns (the store's reader says what else is
    # wrong with it), or if the file is a header torn before its end ("indicator,per").
    names = {h.strip().lower() for h in line.split(",")}
    if not names & set(HEADER) and not ",".join(HEADER).startswith(line.strip().lower() or "\x00"):
        raise fail(str(path), message)


def _sync_folder(folder: Path) -> None:
    """Make the renames durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
