"""Appending to observations.csv: new rows at the end, under a lock, all or nothing.

The rows of a batch are written in one go after the store's own header (its columns in
its own order), with a journal beside the store while they are written
(``journal``), so a crash leaves either the whole batch or a batch that every reader
ignores and ``qntrack check --repair`` sets aside (docs/data-integrity.md). The rows
already stored for the batch's indicators are read under the same lock
(``stored_rows``), so what ``keep`` decides is decided against the file as it is.
"""

from __future__ import annotations

import contextlib
import csv
import os
import stat
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from .textfiles import real_path
from ..catalog import Figure, Message, msg
from ..errors import ExitCode, InputError, StoreError, StoreLockedError, fail, os_failure
from ..plan.model import RETRACTED, Location, Observation
from .journal import begin, not_added, own_journal, pending_path, read_pending
from .store import (
    NOT_UTF8,
    HEADER,
    StoreContents,
    column_order,
    last_line_is_whole,
    format_value,
    parse_store,
)
from .store_missing import missing_folder
from .blank_store import blank_store
from .merge_markers import refuse_merge_conflict
from .store_fast import check_utf8, newlines
from .textfiles import CsvCells, case_variant, csv_cell
from .stages import APPEND_STAGE, hold_signals, let_signals_go, tell_if_held
from .lock_file import lock_path, refuse_odd_lock


def encode_rows(
    observations: Iterable[Observation], with_header: bool, columns: Sequence[str] = HEADER, line_end: str = "\n"
) -> bytes:
    """Rows as CSV bytes, their fields in the order of ``columns`` (the store's header),
    each ended by ``line_end`` (the store's own: CRLF where git's core.autocrlf wrote it so)."""
    order = None if tuple(columns) == HEADER else [HEADER.index(c) for c in columns]
    # Each distinct text quoted once, as the csv module would (textfiles.CsvCells); a
    # period's text and a figure never need quotes; moments, nearly all distinct in an
    # import, are asked the rule directly rather than filling the memory.
    cell = CsvCells().__getitem__
    lines = [",".join(HEADER)] if with_header else []
    for o in observations:
        value = "" if o.status == RETRACTED else format_value(o.value)
        row = (
            cell(o.indicator),
            o.period.text,
            value,
            cell(o.status),
            cell(o.source),
            cell(o.note),
            csv_cell(o.recorded_at),
        )
        lines.append(",".join(row if order is None else [row[i] for i in order]))
    lines.append("")  # the last row ends with a newline too
    return line_end.join(lines).encode("utf-8") if len(lines) > 1 else b""


def check_appendable(path: Path) -> tuple[str, ...]:
    """The columns of an existing, non-empty store in its own order, once it is known that
    the readers accept it as a whole (header, UTF-8 throughout); else their refusal."""
    columns = _columns_of(path)
    _check_store_utf8(path)
    return columns


def _columns_of(path: Path) -> tuple[str, ...]:
    """The store's columns in its own order, from its header, checked as the readers check
    it: a file whose columns a person reordered gets its rows in that order, never in
    HEADER's, which would put each figure under another column for good."""
    with open(path, "rb") as fh:
        line = fh.readline(1 << 16)
    line = line[3:] if line.startswith(b"\xef\xbb\xbf") else line
    try:
        text = line.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        raise fail(Location(str(path), 1), msg(NOT_UTF8)) from None
    names = next(csv.reader([text]), [])
    column_order(names, str(path))  # the reader's refusal, if it refuses the header
    return tuple(n.strip().lower() for n in names)


def line_end(path: Path) -> str:
    """The line end of an existing store, its last line's: CRLF in a store git wrote with
    core.autocrlf=true (Windows), or Excel saved, else LF. New rows follow it, so that the
    file keeps one convention (git's core.safecrlf refuses a file of mixed line ends).
    The last line's, not the header's: rows pasted in CRLF under an LF header (or a
    header typed again) are the convention the file's rows follow."""
    with open(path, "rb") as fh:
        size = fh.seek(0, os.SEEK_END)
        fh.seek(max(size - (1 << 16), 0))
        tail = fh.read()
        end = tail.rfind(b"\n")
        if end < 0:  # a last line over 64 KiB, or the header alone without its newline
            fh.seek(0)
            head = fh.readline(1 << 16)
            return "\r\n" if head.endswith(b"\r\n") else "\n"
    return "\r\n" if tail[end - 1 : end] == b"\r" else "\n"


def refuse_case_variant(path: Path, not_done: Message | None = None) -> None:
    """Refuse to start a store beside one named in another case: Observations.csv where
    targets.yaml names observations.csv is one file on Windows and macOS, two here, and a
    new store beside it would split the record. A dry run refuses it too."""
    variant = case_variant(path)
    if variant is not None:
        after = not_done or msg("store_nothing_added")
        raise fail(str(path), msg("store_case_variant", found=variant.name, not_done=after))


def _check_store_utf8(path: Path) -> None:
    """Refuse, as every reader would, a store with bytes that are not UTF-8 anywhere.

    Appending UTF-8 rows to a file saved in Windows-1258 would leave one file in two
    encodings that no reader accepts and no converter can fix whole. A pass over the
    mapped file, a megabyte at a time: about a tenth of a second on a national store.
    """
    import mmap

    with open(path, "rb") as fh:
        if not os.fstat(fh.fileno()).st_size:
            return
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            check_utf8(data, 0, 0, str(path))
            refuse_merge_conflict(data, path)  # rows appended to an unfinished merge: never


def store_lock(path: Path, not_done: Message | None = None):
    from filelock import FileLock  # imported here: only writers need it

    if not real_path(path).parent.is_dir():
        # filelock would create the folder: a mistyped `observations:` path must not
        # silently start a new store somewhere else.
        raise fail(str(path), msg("store_lock_no_folder", folder=path.parent))
    # Beside the real file: two symlinks to one store (or a symlink and the file) share
    # one lock, so their appends and repairs never interleave (docs/data-integrity.md).
    lock = lock_path(path)
    refuse_odd_lock(lock, not_done)
    _refuse_folder_without_files(path, lock, not_done)
    tell_if_held(lock, timeout := lock_timeout())  # 30 s of nothing looked hung
    return FileLock(lock, timeout=timeout)


def _refuse_folder_without_files(path: Path, lock: str, not_done: Message | None) -> None:
    """A folder that exists and yet takes no new file, saying the file is not there (/proc,
    /sys, a mount that refuses it): filelock reads that as a lock another process holds,
    and the user waited 30 s to be told so, exit 75 ("try again later"). Probed with a
    file of a name of its own, made and removed, only while no lock file is there (the
    first write to a folder); any other refusal is filelock's to meet and said as before
    (issue 17, twenty-sixth session)."""
    import tempfile

    if os.path.lexists(lock):
        return
    folder = os.path.dirname(lock)
    try:
        fd, probe = tempfile.mkstemp(prefix=".qntrack-probe-", dir=folder)
    except FileNotFoundError:
        after = not_done or msg("store_nothing_added")
        raise fail(
            str(path), msg("store_lock_folder_takes_no_file", lock=lock, folder=folder, not_done=after)
        ) from None
    except OSError:
        return
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)


def share_lock_like_store(path: Path) -> None:
    """The store's permission bits added to its lock file's, under the lock: a writer whose
    umask is 077 (a cron job on a hardened server) made the lock file 0600, and then no one
    else who may write the store (a group sharing the tracker) could take the lock again,
    nor a reader see that a batch was in progress. Only bits are added, only to a lock file
    this user owns; what cannot be changed is left as it is."""
    lock = lock_path(path)
    try:
        held, store = os.stat(lock), os.stat(path)
        wanted = stat.S_IMODE(held.st_mode) | (stat.S_IMODE(store.st_mode) & 0o666)
        if held.st_uid == os.geteuid() and wanted != stat.S_IMODE(held.st_mode):
            os.chmod(lock, wanted)
    except OSError:
        pass  # no store yet (it is made with the lock's umask), or not ours to change


def lock_timeout() -> float:
    """Seconds a writer waits for the lock: ``QNTRACK_LOCK_TIMEOUT``, else 30 (README)."""
    raw = os.environ.get("QNTRACK_LOCK_TIMEOUT", "")
    try:
        seconds = float(raw) if raw.strip() else 30.0
    except ValueError:
        raise fail("QNTRACK_LOCK_TIMEOUT", msg("store_lock_timeout_not_number", raw=raw), ExitCode.USAGE) from None
    if not seconds >= 0 or seconds == float("inf"):
        raise fail("QNTRACK_LOCK_TIMEOUT", msg("store_lock_timeout_negative", raw=raw), ExitCode.USAGE)
    return seconds


def _stored_now(path: Path, indicator_ids: set[str]) -> tuple[Observation, ...]:
    """``stored_rows`` of the file as it is (the caller holds the lock), mapped rather than
    read: a national store is 100 MB, of which a few lines are wanted."""
    import mmap

    with open(path, "rb") as fh:
        if not os.fstat(fh.fileno()).st_size:
            return ()
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return stored_rows(data, indicator_ids, str(path))


def stored_rows(data: Any, indicator_ids: set[str], file: str) -> tuple[Observation, ...]:
    """The rows of these indicators in a store's bytes, read leniently: what an append
    compares its rows with (``keep`` in ``append_observations``).

    For a few indicators only their lines are looked up (``\nID,``), so adding a figure
    costs about the same on a national store as on a small one (docs/performance.md);
    a quoted id or a record over several lines sends it to the full reader. Bad rows are
    ``check``'s to report, not a reason to refuse an append: they are left out here.

    A unit's key (``g[locality=Ha Long]``) brings every row of its indicator's units: a
    key typed by hand (``g[locality=ha  long]``) is the same unit, which the caller tells
    by writing the rows' keys as the plan names them (workspace.canonical_rows).
    """
    units = {i.partition("[")[0] for i in indicator_ids if "[" in i}
    # A unit's rows are found by its indicator's "g[" (and "g [", as a hand may type it)
    # at a line's start, quoted or not: a unit named with ',' or '"' is written "g[sex=a,b]".
    # A plain id is found as written by qntrack (g,) and as a program that quotes every
    # field writes it ("g",).
    needles = [f"\n{q}{i}{q}," for i in indicator_ids if "[" not in i for q in ("", '"')]
    needles += [u + b for u in sorted(units) for b in ("[", " [")]
    start = 3 if data[:3] == b"\xef\xbb\xbf" else 0
    first = data.find(b"\n", start) + 1
    if not first:
        return ()
    header = data[start:first]
    # Each id is one pass over the bytes (a tenth of a second on a national store): a
    # batch of many indicators is read by the fast reader instead.
    if len(needles) <= 16 and b"\r" not in header and header[:-1].decode("utf-8", "replace").split(",") == list(HEADER):
        found: list[int] = []
        for ind in needles:
            needle = ind.encode("utf-8")
            pos = data.find(needle, first - 1)
            while pos >= 0:
                if needle[0] == 10:  # "\n": the id and its comma
                    found.append(pos + 1)
                elif data[pos - 1 : pos] == b"\n":
                    found.append(pos)
                elif data[pos - 2 : pos] == b'\n"':
                    found.append(pos - 1)
                pos = data.find(needle, pos + 1)
        found.sort()
        lines: list[bytes] = []
        numbers: list[int] = []
        line, at = 1, 0
        for pos in found:
            line += newlines(data, at, pos)
            at = pos
            end = data.find(b"\n", pos)
            text = data[pos : end if end >= 0 else len(data)]
            if text.count(b'"') % 2 or b"\r" in text:
                break  # a record over several lines, or a spreadsheet's line ends: read it all
            lines.append(text)
            numbers.append(line)
        else:
            contents = _lenient(header + b"\n".join(lines) + b"\n", file)
            return tuple(o._replace(line=numbers[o.line - 2]) for o in contents.observations)
    contents = _lenient(
        bytes(data), file, lambda ind: ind in indicator_ids or ("[" in ind and ind.partition("[")[0].strip() in units)
    )
    return contents.observations


def _lenient(data: bytes, file: str, reads: Callable[[str], bool] | None = None) -> StoreContents:
    """``parse_store``, with bytes that are not UTF-8 read as U+FFFD rather than refused."""
    try:
        return parse_store(data, file, reads)
    except InputError:
        return parse_store(data.decode("utf-8", "replace").encode("utf-8"), file, reads)


def append_observations(
    path: Path,
    observations: Sequence[Observation],
    keep: Callable[[tuple[Observation, ...]], Sequence[Observation]] | None = None,
    not_done: Message | None = None,
) -> list[Observation]:
    """Append rows under an exclusive lock, in one write; the header too if the file is new.

    ``keep(stored)``: given the stored rows of the batch's indicators, read under the lock
    (so a row another process appended a moment ago counts), the rows to write; by
    default all of them. Returns the rows written. ``not_done`` ends a message about an
    OS error: what was not done ("nothing was added", the default; a retraction says
    "nothing was withdrawn").

    Refuses to append after an incomplete last line, so a new row is never glued onto
    the remnant of an interrupted write.

    Every problem of the store met on the way (a folder in its place, a missing folder, a
    journal left, a torn last line, columns it cannot take, a system error) is a
    ``StoreError`` (a held lock, ``StoreLockedError``), as docs/python-api.md promises a
    caller; a problem ``keep`` finds with the rows (a retraction of nothing) stays the
    ``InputError`` it raised.
    """
    refused: list[InputError] = []

    def keeping(stored: tuple[Observation, ...]) -> Sequence[Observation]:
        assert keep is not None
        try:
            return keep(stored)
        except InputError as error:
            refused.append(error)
            raise

    try:
        return _append(path, observations, keeping if keep is not None else None, not_done)
    except InputError as error:
        if refused and error is refused[-1]:
            raise
        raise StoreError.of(error) from None


def _append(
    path: Path,
    observations: Sequence[Observation],
    keep: Callable[[tuple[Observation, ...]], Sequence[Observation]] | None,
    not_done: Message | None,
) -> list[Observation]:
    """``append_observations``' work, its store's problems raised as they are met."""
    from filelock import Timeout

    if path.is_dir():
        raise fail(str(path), msg("store_is_directory"))
    from .windows_paths import refuse_windows_name

    refuse_windows_name(path, not_done)  # before the lock, whose file would be named so too
    folder = missing_folder(path)
    if folder is not None:
        raise InputError([folder])
    from ..files.textfiles import open_regular

    after = not_done or msg("store_nothing_added")
    lock = store_lock(path, after)
    try:
        with lock:
            share_lock_like_store(path)
            opened = open_regular(path, "the observations file")  # refuses a FIFO or device
            if opened is not None:
                os.close(opened[0])
            pending = read_pending(path)
            if pending is not None:
                raise fail(str(path), not_added(pending, not_done))
            new_file = not path.exists() or path.stat().st_size == 0
            blank = not new_file and blank_store(path)  # a BOM or blank lines, no row
            new_file = new_file or blank
            refuse_case_variant(path, after)
            newline = b""
            if not new_file:
                with open(path, "rb") as fh:
                    fh.seek(-1, os.SEEK_END)
                    if fh.read(1) != b"\n":
                        fh.seek(0)
                        data = fh.read()
                        if last_line_is_whole(data, str(path)):
                            newline = b"\n"  # saved by an editor without it: added in the batch
                        else:
                            lines = data.count(b"\n") + 1
                            said = "recording_ctrl_z" if data.endswith(b"\n\x1a") else "recording_torn"
                            raise fail(Location(str(path), lines), msg(said))
            columns = HEADER if new_file else check_appendable(path)
            ending = "\n" if new_file else line_end(path)
            newline = ending.encode("ascii") if newline else b""
            rows = list(observations)
            if keep is not None:
                stored = () if new_file else _stored_now(path, {o.indicator for o in rows})
                rows = list(keep(stored))
            if not rows:
                return rows
            payload = newline + encode_rows(rows, with_header=new_file, columns=columns, line_end=ending)
            if blank:
                os.truncate(path, 0)  # started as an empty store is: nothing of the user's there
            _append_batch(path, payload, len(rows), not_done)
            return rows
    except Timeout:
        busy = msg("store_lock_busy", lock=lock.lock_file, seconds=Figure(lock.timeout), not_done=after)
        raise fail(str(path), busy, ExitCode.BUSY, kind=StoreLockedError) from None
    except OSError as exc:
        named = os.fsdecode(exc.filename) if exc.filename is not None else ""
        on_lock = named.endswith(".lock")
        if named and not on_lock and Path(named).name != path.name:
            # The journal (or its temporary file) could not be made beside the store: the
            # obstacle is the folder (read-only, `chattr +i`, full of inodes), not the
            # store, which may well be writable. Name the folder, as the user knows it.
            raise os_failure(exc, str(real_path(path).parent), msg("store_doing_journal"), after) from None
        # The journal and its temporary file are ours, not names the user knows: name the store.
        shown = named or str(path) if on_lock else str(path)
        doing = msg("store_doing_append")
        if on_lock:
            # A lock file there already that this user may not open (another user's 0644
            # file) is no fault of the folder, which may well be writable.
            taken = isinstance(exc, PermissionError) and os.path.lexists(named)
            doing = msg("store_doing_lock_open" if taken else "store_doing_lock")
            if os.path.islink(named) or os.path.isdir(named):
                # Not a lock file at all: a folder or a link (opened without following it).
                what = msg("store_lock_is_folder" if os.path.isdir(named) else "store_lock_is_link")
                raise fail(named, msg("store_lock_taken", what=what, not_done=after)) from None
        raise os_failure(exc, shown, doing, after) from None


_WRITE = 1 << 20  # bytes a write at most: a big batch goes in several


def _tell(stage: str, path: Path, rows: int) -> None:
    tell = APPEND_STAGE.get()
    if tell is not None:
        tell(stage, path, rows)


def _replaced(path: Path, fd: int) -> bool:
    """Whether ``path`` is no longer the file open as ``fd``: another program (an editor
    saving it, a sync client) renamed a new file over the store, or moved it away, while
    the batch was written. The lock binds qntrack's writers only; rows written into the
    replaced file are in no store."""
    try:
        now = os.stat(path)
    except FileNotFoundError:
        return True
    was = os.fstat(fd)
    return (now.st_dev, now.st_ino) != (was.st_dev, was.st_ino)


def _append_batch(path: Path, payload: bytes, rows: int, not_done: Message | None = None) -> None:
    """Append ``payload`` all or nothing (the caller holds the lock).

    The store's size is first recorded in a journal beside it, made durable; then the
    rows are appended and synced; then the journal is removed. A crash at any point
    leaves either no journal (the batch is whole, or was never begun) or the journal,
    which tells every reader where the committed rows end and tells
    ``qntrack check --repair`` what to set aside (docs/data-integrity.md).
    """
    from ..files.repair import sync_folder

    journal = pending_path(path)
    held = None
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        size = os.fstat(fd).st_size
        made, raced = False, None
        try:
            # Readable by whoever reads the store, whatever this writer's umask.
            raced = begin(path, size, rows, stat.S_IMODE(os.fstat(fd).st_mode) & 0o666, not_done)
            if raced is not None:
                raise fail(str(path), raced)
            made = True
            sync_folder(path.parent)
            _tell("writing", path, rows)
            view = memoryview(payload)
            while view:
                written = os.write(fd, view[:_WRITE])
                view = view[written:]
            os.fsync(fd)
            if _replaced(path, fd):
                raise fail(str(path), msg("store_replaced_during_append"))
            held = hold_signals()  # the batch is whole: its commit is finished before a signal
        except BaseException:
            if raced is not None:
                raise  # another writer's batch: its journal and rows are not this one's to undo
            # A full disk may take part of the batch, and so may Ctrl-C between two
            # writes or just after the journal was made (a journal left then refused the
            # store until check --repair): cut the file back to what it was and drop the
            # journal, so that no row is half-written (all or nothing).
            os.ftruncate(fd, size)
            if made or own_journal(path):  # Ctrl-C inside begin, after its link: not another's
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(journal)
                _tell("undone", path, rows)
            raise
    finally:
        try:
            os.close(fd)
        except BaseException:
            let_signals_go(held)
            raise
    try:
        with contextlib.suppress(FileNotFoundError):  # moved away meanwhile: the rows are in all the same
            os.unlink(journal)
        _tell("added", path, rows)
        sync_folder(path.parent)
    finally:
        let_signals_go(held)
