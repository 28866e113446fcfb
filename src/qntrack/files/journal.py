"""The journal of a batch being appended: where the committed rows of observations.csv end.

An append first writes, beside the store, a small file saying the store's size before the
batch and how many rows it adds (``<store>.pending``); it is removed once the rows are
written and synced. Every reader looks for it and reads only the bytes before it; a
journal that no writer holds the lock for is a batch a crash interrupted, which
``qntrack check --repair`` sets aside (docs/data-integrity.md).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .lock_file import lock_path, open_lock_to_read
from .name_room import beside
from .textfiles import real_path
from ..catalog import Message, msg
from ..errors import fail, os_words


@dataclass(frozen=True, slots=True)
class Pending:
    """The journal of a batch being appended: the store's size before it, and its rows;
    ``end``, the SHA-256 of the committed bytes' last ``END_BYTES`` (None in a journal
    written before issue 17's forty-fourth session), by which a repair knows the store is
    still the one the batch was appended to."""

    size: int
    rows: int
    end: str | None = None
    # Who writes the batch (None in a journal written before issue 17's forty-fourth
    # session, pass S): the computer's name, the process, and when it began (UTC,
    # ``2026-12-07T08:30:05Z``); files.journal_owner judges whether it may still be writing.
    host: str | None = None
    pid: int | None = None
    began: str | None = None


END_BYTES = 4096
_JOURNAL = "qntrack append journal 1\n"


def pending_path(path: Path) -> Path:
    """Beside the real file, like the lock: a store reached through a symlink has one journal."""
    real = real_path(path) if path.is_symlink() else path  # as given otherwise: messages name it so
    return beside(real, ".pending")  # its name made to fit, as the lock's


def read_pending(path: Path) -> Pending | None:
    """The journal of a batch not yet committed, or None (no batch under way or interrupted)."""
    import stat

    journal = pending_path(path)
    try:
        # Without blocking: a FIFO at its name would hang every command until killed.
        fd = os.open(journal, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except (FileNotFoundError, NotADirectoryError):
        # None there; a part of the path a file (no store can be there either): the store's
        # own reading says that, naming the store, not its journal. A link to nothing is
        # named, as a folder is: an append cannot make its journal there, and `check
        # --repair` said "nothing to repair" of it (forty-fifth session, pass G).
        if os.path.islink(journal):
            raise fail(str(journal), msg("store_journal_dangling", store=path.name)) from None
        return None
    except IsADirectoryError:
        raise fail(str(journal), msg("store_journal_folder", store=path.name)) from None
    except OSError as exc:
        raise fail(str(journal), msg("store_journal_unreadable", reason=os_words(exc))) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise fail(str(journal), msg("store_journal_folder", store=path.name))
        if not stat.S_ISREG(mode):  # a FIFO, a socket, a device (/dev/zero is endless): never read
            raise fail(str(journal), msg("store_journal_not_a_file", store=path.name))
        with os.fdopen(os.dup(fd), "rb") as fh:
            text = fh.read(4096)  # seven short lines; more is no journal of qntrack's
    except OSError as exc:
        raise fail(str(journal), msg("store_journal_unreadable", reason=os_words(exc))) from None
    finally:
        os.close(fd)
    match = re.fullmatch(
        rb"qntrack append journal 1\nsize (\d{1,18})\nrows (\d{1,18})\n(?:end ([0-9a-f]{64})\n"
        rb"(?:host ([^\x00-\x1f\x7f]{1,255})\npid (\d{1,10})\nbegan (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)\n)?)?",
        text,
    )
    if match is None:
        raise fail(str(journal), msg("store_journal_foreign"))
    end, host, pid, began = (match.group(n) for n in (3, 4, 5, 6))
    return Pending(
        int(match.group(1)),
        int(match.group(2)),
        end.decode("ascii") if end is not None else None,
        host.decode("utf-8", "replace") if host is not None else None,
        int(pid) if pid is not None else None,
        began.decode("ascii") if began is not None else None,
    )


def journal_text(path: Path, size: int, rows: int) -> bytes:
    """The journal of a batch of ``rows`` appended to ``path``, now ``size`` bytes long
    (the caller holds the append lock): with the fingerprint of its committed end, then
    who writes it (files.journal_owner), after the lines earlier builds read."""
    import hashlib

    from .journal_owner import writer_lines

    start = max(size - END_BYTES, 0)
    with open(path, "rb") as fh:
        fh.seek(start)
        end = hashlib.sha256(fh.read(size - start)).hexdigest()
    return f"{_JOURNAL}size {size}\nrows {rows}\nend {end}\n".encode("ascii") + writer_lines()


def still_committed(pending: Pending, data: bytes) -> bool:
    """Whether ``data`` (the store now) still holds the committed bytes the journal
    recorded, where it recorded them: not when the file was saved again by another program
    after the crash (a byte-order mark, CRLF line ends, a row deleted), when cutting it at
    ``size`` would cut inside committed rows or keep part of the batch."""
    import hashlib

    if len(data) < pending.size:
        return False
    if pending.end is None:
        return True  # an older journal: its size is all there is to go by
    committed = data[max(pending.size - END_BYTES, 0) : pending.size]
    return hashlib.sha256(committed).hexdigest() == pending.end


def interrupted(pending: Pending, repair: str = "qntrack check --repair", key: str = "store_interrupted") -> Message:
    """That a batch was interrupted, and the command (``repair``) that sets it aside; or,
    of a batch another computer or a live process here may still be writing, that
    (files.journal_owner). ``key``: the words of an interrupted batch (``check``'s own)."""
    from .journal_owner import owned

    said = owned(pending)
    if said is not None:
        forced = f"{repair} --force"
        if key == "checks_interrupted_batch":
            return msg("checks_batch_owned", batch=said, repair=forced)
        return msg("store_batch_owned", batch=said, not_done=msg("store_batch_not_read"), repair=forced)
    return msg(key, rows=pending.rows, repair=repair)


def not_added(pending: Pending, not_done: Message | None = None) -> Message:
    """Why an append refuses after an interrupted batch: a person should see it set aside.
    ``not_done``: what was not done, where it was no row added ("nothing was withdrawn")."""
    from .journal_owner import owned

    said = owned(pending)
    if said is not None:
        after = not_done or msg("store_nothing_added")
        return msg("store_batch_owned", batch=said, not_done=after, repair="qntrack check --repair --force")
    if not_done is not None:
        return msg("store_interrupted_not_done", rows=pending.rows, not_done=not_done)
    return msg("store_interrupted_not_added", rows=pending.rows)


def begin(path: Path, size: int, rows: int, mode: int, not_done: Message | None = None) -> Message | None:
    """Writes the journal of a batch of ``rows`` to a store of ``size`` bytes, only where
    none stands; else why not: another writer's batch began at the same moment, on a share
    whose locks this computer does not see (each had looked for a journal and found none).
    ``mode``: the journal's permissions; ``not_done``: what was not done (no row added)."""
    from .starter import write_atomically

    try:
        write_atomically(pending_path(path), journal_text(path, size, rows), mode=mode, exclusive=True)
    except FileExistsError:
        pending = read_pending(path)
        if pending is not None:
            return not_added(pending, not_done)
        return msg("store_batch_raced", not_done=not_done or msg("store_nothing_added"))
    return None


def own_journal(path: Path) -> bool:
    """Whether the journal beside ``path`` is this process's: one a ``begin`` cut short
    (Ctrl-C after its link, before it returned) left, which undoing the batch removes;
    never another writer's, nor a file of the user's at its name (a link to nothing)."""
    from .journal_owner import this_process

    try:
        pending = read_pending(path)
    except Exception:  # unreadable, a folder, a link to nothing: none of this batch's
        return False
    return pending is not None and this_process(pending)


def interrupted_batch(path: Path) -> Pending | None:
    """The journal of a batch a crash interrupted, or None (no journal, or a batch being
    written: another process holds the append lock).

    A shared ``flock`` on the lock file is tried without waiting; while it is held no
    writer can begin a batch, so the journal is looked at again under it. Where there is
    no ``flock`` (or no lock file yet), no writer is assumed.
    """
    if read_pending(path) is None:
        return None
    try:
        import fcntl
    except ImportError:
        return read_pending(path)
    try:
        fd = open_lock_to_read(lock_path(path))  # store_lock's own name for it
    except OSError:
        return read_pending(path)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return None  # a writer holds the lock: a batch in progress
        return read_pending(path)
    finally:
        os.close(fd)  # closing also lets go of a lock taken here
