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
from functools import partial
from typing import Any, Callable


class Store:
    """The store as a hint named it: mapped, with its first ``size`` bytes being hashed."""

    def __init__(self, path: str, size: int, fh: Any, data: Any, prefix: memoryview, hasher: Any) -> None:
        self.path, self.size, self.fh, self.data, self.prefix, self.hasher = path, size, fh, data, prefix, hasher
        st = os.fstat(fh.fileno())
        self.ident = (st.st_dev, st.st_ino)

    def close(self) -> None:
        self.prefix.release()  # no buffer of the map left exported: it is closed next
        try:
            self.data.close()
        except BufferError:  # a view of it still held elsewhere: the collector closes it
            pass
        self.fh.close()


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
        (``hint_for``); nothing if the hint does not name a regular file that long."""
        import mmap

        from .keeping import _hasher

        try:
            size_text, path = hint.decode("utf-8", "surrogateescape").split("\n", 1)
            size = int(size_text)
        except ValueError:
            return
        try:
            # Not blocking: a FIFO put where the store was fails the checks of _warm.
            fh = os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb")
        except (OSError, ValueError):  # (ValueError: a path with a NUL in it)
            return
        try:
            if not 0 < size <= os.fstat(fh.fileno()).st_size:
                fh.close()
                return
            # Mapped, not read: the store is hashed where it lies in the page cache.
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            fh.close()
            return
        prefix = memoryview(data)[:size]
        hasher = _hasher(size)
        self.store = Store(path, size, fh, data, prefix, hasher)
        self.add(partial(hasher.update, prefix))


def hint_for(store: str, size: int) -> bytes:
    """What a cache file says first of the store it covers (``Beside.hash_store``)."""
    return f"{size}\n{store}".encode("utf-8", "surrogateescape")
