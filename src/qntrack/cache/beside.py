"""Work a thread does beside a warm run of the status cache: hashing the store, reading and
checking the cache's texts (docs/decisions.md, "The store's hash beside the work").

After an append, the warm run's own work is small (the payload, the appended rows, the
targets on them) and proving the store's 100 MB prefix unchanged is the longest single
job. So the store is mapped and its hashing started as soon as the cache file's first
bytes name it (their "hint", read before the payload is trusted), and the run goes on
while a thread hashes. The hint is only where to start: nothing worked out is used
unless the payload, once proved, names the same store, prefix and file, and the digest
the thread finds is the one the payload holds (cache/__init__.py ``_warm``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable


class Store:
    """The store as a hint named it: mapped, its first ``size`` bytes being hashed by the
    thread beside the work (``hash_prefix``), under a shared lock on the store's lock file
    (``lock``) while it is mapped.

    Mapped, so that the thread hashes it in one call that lets go of the interpreter (read
    a chunk at a time, the thread waited for the interpreter after every chunk while the
    work held it: 0.05 s more after an append). A file cut shorter while mapped kills the
    process that reads the lost part (a bus error): qntrack cuts a store back only under
    its append lock (`check --repair`), which waits while a status holds the shared lock.
    Another program that cuts the store in place during the run is the limit left
    (docs/performance.md, "Limits worth knowing").
    """

    CHUNK = 256 << 20  # bytes hashed per call: a hint naming a huge file is stopped between two

    def __init__(self, path: str, size: int, fh: Any, data: Any, lock: int | None, hasher: Any) -> None:
        self.path, self.size, self.fh, self.data, self.lock, self.hasher = path, size, fh, data, lock, hasher
        st = os.fstat(fh.fileno())
        self.ident = (st.st_dev, st.st_ino)
        self.hashed = 0  # bytes of the prefix hashed so far
        self.stop = False  # set when nothing hashed any more can be used

    def hash_prefix(self) -> None:
        """Feed the hasher the first ``size`` bytes; stop early when ``stop`` is set."""
        with memoryview(self.data) as view:
            while self.hashed < self.size and not self.stop:
                end = min(self.hashed + self.CHUNK, self.size)
                self.hasher.update(view[self.hashed : end])
                self.hashed = end

    def close(self) -> None:
        try:
            self.data.close()
        except BufferError:  # a view of it still held elsewhere: the collector closes it
            pass
        self.fh.close()
        if self.lock is not None:
            os.close(self.lock)  # and with it the shared lock


def _shared_lock(store: str) -> tuple[bool, int | None]:
    """A shared lock on the store's append lock file (files.appending.store_lock), taken
    without waiting: (True, its descriptor); (True, None) where there are no such locks or
    no lock file (no writer has run: a repair cuts only what an interrupted batch, begun
    under that lock, left; a status makes no file); (False, None) when a writer holds it
    (a batch or a repair under way: no warm answer)."""
    try:
        import fcntl
    except ImportError:  # Windows: a mapped file cannot be cut shorter there at all
        return True, None
    from ..files.lock_file import open_lock_to_read
    from ..files.name_room import beside

    if os.path.exists(beside(Path(store), ".pending")):
        return False, None  # an interrupted batch, which a repair may cut away: no map
    try:
        fd = open_lock_to_read(beside(Path(os.path.realpath(store)), ".lock"))
    except OSError:
        return True, None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return False, None
    return True, fd


class Beside:
    """Jobs done one after the other by one thread beside the work (one thread, not one
    per hash: the work keeps a core of its own on two), and the store it maps.

    A context manager: on leaving it, the thread has finished and the store is unmapped,
    whatever the block did.
    """

    def __init__(self) -> None:
        self.store: Store | None = None
        self._jobs: list[Callable[[], Any] | None] = []
        self._thread: Any = None
        self._wake: Any = None

    def __enter__(self) -> Beside:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.store is not None:
            self.store.stop = True  # whatever is left of its hashing is of no use now
        self.finish()
        if self.store is not None:
            self.store.close()
            self.store = None

    def add(self, job: Callable[[], Any] | None) -> None:
        """Have the thread do ``job`` after the jobs before it (None: stop)."""
        import threading

        if self._thread is None:
            self._wake = threading.Condition()
            self._thread = threading.Thread(target=self._run, name="qntrack-beside")
            self._jobs.append(job)
            self._thread.start()
            return
        with self._wake:
            self._jobs.append(job)
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._jobs:
                    self._wake.wait()
                job = self._jobs.pop(0)
            if job is None:
                return
            try:
                job()
            except Exception:  # noqa: S112 - a job that fails proves nothing: its digest will not match
                pass
            # Let go of the job, and of the data it held (a store of 100 MB the reader has
            # dropped), while the thread waits for the next: not at the block's end.
            del job

    def finish(self) -> None:
        """Wait until every job given so far is done."""
        if self._thread is not None:
            self.add(None)
            self._thread.join()
            self._thread = None

    def hash_store(self, hint: bytes) -> None:
        """Map the store the cache file's hint names and start hashing the prefix it gives
        (``hint_for``); nothing if the hint does not name a regular file that long, or a
        writer holds the store's lock."""
        import mmap
        import stat

        from .keeping import _hasher

        try:
            size_text, path = hint.decode("utf-8", "surrogateescape").split("\n", 1)
            size = int(size_text)
        except ValueError:
            return
        try:
            # Not blocking: a FIFO put where the store was is no regular file.
            fh = os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb")
        except (OSError, ValueError):  # (ValueError: a path with a NUL in it)
            return
        lock = None
        try:
            st = os.fstat(fh.fileno())
            if stat.S_ISREG(st.st_mode) and 0 < size <= st.st_size:
                free, lock = _shared_lock(path)
                if free:
                    data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
                    self.store = Store(path, size, fh, data, lock, _hasher(size))
                    self.add(self.store.hash_prefix)
                    return
        except (OSError, ValueError):
            pass
        fh.close()
        if lock is not None:
            os.close(lock)


def hint_for(store: str, size: int) -> bytes:
    """What a cache file says first of the store it covers (``Beside.hash_store``)."""
    return f"{size}\n{store}".encode("utf-8", "surrogateescape")
