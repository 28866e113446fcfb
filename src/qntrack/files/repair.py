"""`qntrack check --repair`: set aside the torn tail of the observations file.

A row is complete once its newline is written; bytes after the last newline are what an
interrupted append left behind. Repair copies those bytes to a side file beside the store
(``observations.csv.torn-20240105T101500Z``), then replaces the store with its complete
prefix. Both writes go through a temporary file and a rename (a store with other hard
links is cut back in place instead, so that every name keeps the same file), and the whole operation
holds the same lock as appends, so a concurrent ``add-observation`` waits for it. Nothing
is ever deleted: the side file keeps the tail for a person to read and re-enter.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from .textfiles import real_path
from ..errors import ExitCode, InputError, StoreLockedError, fail, os_failure
from ..catalog import Figure, msg
from ..files import starter
from ..files.appending import lock_timeout, store_lock
from ..files.lock_file import lock_path
from ..files.journal import Pending, pending_path, read_pending, still_committed
from ..files.stages import APPEND_STAGE
from ..files.store import last_line_is_whole

__all__ = ["Repair", "RolledBack", "repair_store", "roll_back"]


@dataclass(frozen=True, slots=True)
class Repair:
    """What was moved: the torn line's number, its bytes, and where they went."""

    torn_line: int
    tail: bytes
    side_file: Path


@dataclass(frozen=True, slots=True)
class RolledBack:
    """An interrupted batch set aside: its rows (as journalled), the bytes it had written,
    the size the store is back to, and the side file holding those bytes (None if none)."""

    rows: int
    tail: bytes
    size: int
    side_file: Path | None


def _side_file(path: Path, now: datetime, kind: str = "torn") -> Path:
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    from .name_room import beside

    candidate = beside(path, f".{kind}-{stamp}")
    n = 1
    while candidate.exists():
        candidate = beside(path, f".{kind}-{stamp}-{n}")
        n += 1
    return candidate


def sweep_temporaries(path: Path) -> None:
    """Remove the temporary files a killed qntrack left beside the store (the caller
    holds the lock): ``.observations.csv.XXXXXXXX.tmp``, a copy of the store a repair
    was writing (as big as the store), and the journal's or a side file's. Only
    writers holding the lock make them, so under it none is in use."""
    for name in _temporaries(path):
        try:
            os.unlink(path.parent / name)
        except OSError:
            pass


def _temporaries(path: Path) -> list[str]:
    """The names of the temporary files of ``path``'s writers in its folder."""
    import re

    from .name_room import shortened, temporary_prefix

    # Of the store, of a name made from it (its journal, a side file), either as it is or
    # made from its shortened stem (files.name_room); the journal's own, shortened or not.
    stems = "|".join(re.escape(f".{stem}.") for stem in (path.name, shortened(path.name, path.parent)))
    journal = re.escape(temporary_prefix(pending_path(path)))
    shape = re.compile(f"(?:(?:{stems})(?:[^/]*\\.)?|{journal})[a-z0-9_]{{8}}\\.tmp")
    try:
        return [name for name in os.listdir(path.parent) if shape.fullmatch(name)]
    except OSError:
        return []


def roll_back(
    path: Path, now: datetime | None = None, *, force: bool = False, repair: str = "qntrack check --repair"
) -> RolledBack | None:
    """Set aside the part of a batch a crash interrupted; None when no batch was.

    Under the append lock: the bytes after the size the journal recorded are copied to a
    side file (``observations.csv.interrupted-20240105T101500Z``) and made durable, the
    store is cut back to that size and synced, and only then is the journal removed. A
    crash in between leaves the journal, and running this again finishes the job.

    A batch whose journal says another computer, or a process still running here, writes
    it is refused unless ``force`` (files.journal_owner): where locks are not seen across
    computers, the lock taken here says nothing of that writer, which would go on writing
    after the cut, with no journal. ``repair``: the command the refusal names.
    """
    from filelock import Timeout

    from ..files.textfiles import read_regular

    if path.is_dir():
        raise fail(str(path), msg("store_is_directory"))
    shown = str(path)  # named as targets.yaml names it
    if path.is_symlink():
        path = real_path(path)  # set aside and cut where the store really is, as repair_store does
    first = read_pending(path)
    if first is None:
        return None  # nothing to roll back; the lock must not create a missing folder either
    if not force:
        # Said before the lock too: where none can be taken (the share mounted read-only
        # here), "cannot set the interrupted batch aside" would call it interrupted and
        # send a person to copy, and cut, a batch another computer may still be writing.
        _refuse_owned(first, shown, repair)
    try:
        with store_lock(path, msg("repair_nothing_repaired")):
            pending = read_pending(path)
            if pending is not None and not force:
                _refuse_owned(pending, shown, repair)  # before a live writer's temporary file is swept
            sweep_temporaries(path)
            if pending is None:
                return None
            data = read_regular(path, "the observations file") or b""
            if not still_committed(pending, data):
                said = msg("repair_changed_since_batch", rows=pending.rows, journal=pending_path(path))
                raise fail(shown, said)
            tail = data[pending.size :]
            side = None
            if tail:
                side = _side_file(path, now or datetime.now(timezone.utc), "interrupted")
                starter.write_atomically(side, tail)  # safe on disk before the store loses it
                sync_folder(path.parent)
                fd = os.open(path, os.O_WRONLY)
                try:
                    os.ftruncate(fd, pending.size)
                    os.fsync(fd)
                finally:
                    os.close(fd)
            os.unlink(pending_path(path))
            sync_folder(path.parent)
            return RolledBack(pending.rows, tail, pending.size, side)
    except Timeout:
        raise _busy(path, shown) from None
    except OSError as exc:
        # What to do and what was left, as a torn line's repair says them (cli.checking): the
        # store is cut only once its batch is safe in the side file, the journal removed last.
        raise os_failure(exc, shown, msg("repair_doing_set_aside"), msg("cli_left_as_it_was", file=shown)) from None


def _refuse_owned(pending: Pending, shown: str, repair: str) -> None:
    """Raise if the batch may still be being written: by another computer, or by a
    process that still runs here (files.journal_owner), with where to look first."""
    from .journal_owner import owned, where

    said = owned(pending)
    if said is not None:
        raise fail(shown, msg("repair_batch_owned", batch=said, where=where(pending), repair=f"{repair} --force"))


def repair_store(path: Path, now: datetime | None = None) -> Repair | None:
    """Move an incomplete last line to a side file; None when the file ends cleanly."""
    from filelock import Timeout

    from ..files.textfiles import read_regular

    if path.is_dir():
        raise fail(str(path), msg("store_is_directory"))
    # A symlinked store is repaired where it really is: replacing the link itself with a
    # regular file would fork the store in two, and the side file belongs beside the data.
    shown, path = str(path), real_path(path)
    from ..files.textfiles import open_regular

    opened = open_regular(shown, "the observations file")  # a FIFO or device: refused before any lock file
    if opened is None:
        return None  # nothing to repair; the lock must not create a missing folder either
    with os.fdopen(opened[0], "rb") as fh:
        head = fh.read(65536)
        size = os.fstat(fh.fileno()).st_size
        fh.seek(max(size - 1, 0))
        last = fh.read(1)
    if not head or last == b"\n":
        # It ends cleanly: nothing to repair, said without the lock, which a read-only disk
        # or a folder the user may not write would refuse (a batch being appended now is
        # no torn line either). Only a killed writer's temporary files (an append's journal
        # copy: the store is whole then) are removed under it, when there are some.
        if _temporaries(path):
            with contextlib.suppress(Timeout, OSError), store_lock(path):
                sweep_temporaries(path)
        return None
    from .blank_store import blank_store

    if blank_store(path):
        return None  # a BOM or blank lines, no row: the store every reader reads as empty
    if head and not head.endswith(b"\n"):
        from .line_ends import refuse_cr_only

        refuse_cr_only(head, shown)  # not a torn row: every line of the store, ended by CR alone
        _refuse_foreign(head, path)  # before the lock, which would leave a file beside it
    try:
        with store_lock(path, msg("repair_nothing_repaired")):
            sweep_temporaries(path)
            data = read_regular(path, "the observations file")
            if data is None:
                return None
            if not data or data.endswith(b"\n"):
                return None
            _refuse_foreign(data, path)
            if last_line_is_whole(data, str(path)):
                return None  # a whole last row saved without its newline is a row, not a remnant
            cut = data.rfind(b"\n") + 1
            tail = data[cut:]
            side = _side_file(path, now or datetime.now(timezone.utc))
            # The tail is safe on disk before the store loses it.
            starter.write_atomically(side, tail)
            try:
                if os.stat(path).st_nlink > 1:
                    _cut_in_place(path, data, cut)  # a rename would part it from its other names
                else:
                    starter.write_atomically(path, _unless_changed(path, data, cut))
            except (OSError, InputError):
                # The rewrite is atomic, so the store is as it was (a full disk, or another
                # program wrote to it): the copy of its tail would only be a stray file.
                side.unlink(missing_ok=True)
                raise
            sync_folder(path.parent)
            line = data[:cut].count(b"\n") + 1
            tell = APPEND_STAGE.get()
            if tell is not None:  # a Ctrl-C before the move is said still says it (cli.app)
                tell("moved", side, line)
            return Repair(line, tail, side)
    except Timeout:
        raise _busy(path, shown) from None


def _busy(path: Path, shown: str) -> InputError:
    """The held lock told as an append tells it (files.appending): the lock file and the
    wait, so that a cron job's mail says which run to wait for; exit 75, try again later."""
    said = msg(
        "store_lock_busy",
        lock=lock_path(path),  # store_lock's own name for it
        seconds=Figure(lock_timeout()),
        not_done=msg("repair_nothing_repaired"),
    )
    return fail(shown, said, ExitCode.BUSY, kind=StoreLockedError)  # named as targets.yaml names it


def _unless_changed(path: Path, data: bytes, cut: int) -> Iterator[bytes]:
    """The store's complete prefix, for ``write_atomically``; once it is written, and
    before the store is replaced, an error if the store is no longer the ``data`` read:
    another program (a script's ``>>``, which takes no lock) wrote to it during the copy,
    and replacing it would lose what it wrote."""
    yield data[:cut]
    if os.stat(path).st_size != len(data):
        raise fail(str(path), msg("repair_store_changed"))


def _cut_in_place(path: Path, data: bytes, cut: int) -> None:
    """Cut the store back to ``cut`` bytes where it is: a store with other hard links
    (``ln observations.csv backup.csv``) replaced by a rename would leave them the torn
    row and fork the store. Truncation needs no room on the disk and is atomic; the store
    must still be the ``data`` read (another program's ``>>`` takes no lock)."""
    fd = os.open(path, os.O_WRONLY)
    try:
        if os.fstat(fd).st_size != len(data):
            raise fail(str(path), msg("repair_store_changed"))
        os.ftruncate(fd, cut)
        os.fsync(fd)
    finally:
        os.close(fd)


def _refuse_foreign(data: bytes, path: Path) -> None:
    """Raise unless ``data`` starts like a qntrack store (text, our header): repair
    rewrites the file, and a program or another program's data named by mistake as the
    store (observations: /bin/ls) must be left exactly as it is."""
    from ..files.store import HEADER

    first = data[: data.find(b"\n")] if b"\n" in data else data
    if first.startswith(b"\xef\xbb\xbf"):
        first = first[3:]
    message = msg("repair_not_a_store", header=",".join(HEADER))
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


def sync_folder(folder: Path) -> None:
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
