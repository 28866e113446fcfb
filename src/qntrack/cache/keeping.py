"""The status cache's file: where it is, its key, and reading and writing it whole.

``.qntrack-cache/status-<16 hex digits>.bin`` beside targets.yaml: a magic line, the
32-byte hash of the payload, its length (8 bytes), a hint's length (4 bytes) and the hint
(the store it covers, unproved: cache/beside.py), the payload (marshal), then any texts
kept outside it (``Texts``: each target's JSON item), whose length and checksum the
payload holds. ``_load`` returns nothing for a file that is not exactly what ``_save``
wrote for this key; a cache that cannot be written is no error.
"""

from __future__ import annotations

import marshal
import os
import re
from pathlib import Path
from stat import S_ISREG
from typing import Any, Callable, Sequence

from ..files.textfiles import real_path
from ..files.workspace import CACHE_DIR

# 12: each entry's JSON and CSV say where a figure replaced came from, and the payload
# keeps ``whence`` beside ``revised`` (issue 17, twenty-fifth session).
# 13: ``whence`` keeps the status of each figure replaced and the figure in force that
# replaced it (issue 17, twenty-seventh session): a cache of 12 is made again.
FORMAT = 13
_MAGIC = b"qntrack status cache 13\n"

_BIG = 2 * 1024 * 1024
# The largest payload read: a national plan's is about 12 MB; anything claiming more than
# this is no cache qntrack wrote, and is not read into memory to find out.
_MAX_PAYLOAD = 1 << 30


def _hasher(size: int) -> Any:
    """A 32-byte hash for ``size`` bytes of data: BLAKE2b below 2 MB, SHA-256 above.

    Both are sound for telling a changed file; the choice is speed. Loading OpenSSL for
    hashlib's SHA-256 (about 3 ms) costs more than hashing a province's whole store with
    BLAKE2b (built into CPython), while on a national store SHA-256 is the faster by far,
    and from about 2 MB on (a national targets.yaml) it pays for its own loading.
    """
    if size < _BIG:
        try:
            from _blake2 import blake2b
        except ImportError:  # pragma: no cover - every CPython has it; hashlib as a last resort
            from hashlib import blake2b
        return blake2b(digest_size=32)
    import hashlib

    return hashlib.sha256()


def _digest(data: Any) -> bytes:
    h = _hasher(len(data))
    h.update(data)
    return h.digest()


def cache_file(targets_path: Path) -> Path:
    where = real_path(targets_path)
    name = _digest(str(where).encode("utf-8", "surrogateescape")).hex()[:16]
    return where.parent / CACHE_DIR / f"status-{name}.bin"


def _regular_bytes(path: Path) -> bytes | None:
    """targets.yaml's bytes if it is a regular file of at most 16 MiB, else None.

    Opened without blocking and checked before reading, as textfiles.read_regular does
    (not imported here, to keep the warm path's imports few): a FIFO must not hang the
    cache's first look, and /dev/zero must not be read.
    """
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > 16 * 1024 * 1024:
            os.close(fd)
            return None
    except OSError:
        os.close(fd)
        return None
    with os.fdopen(fd, "rb") as fh:  # a regular file: fdopen refuses a folder itself
        try:
            return fh.read()
        except OSError:
            return None


def _code_fingerprint(root: Path | None = None) -> str:
    """Changes whenever any module of qntrack changes (or Python, marshal, orjson, PyYAML
    or Rich).

    The cache keeps each target's JSON item as the text orjson wrote (entries.Entry), and
    the document around them is written by the orjson installed now: another release of
    it is another key, so the two are always one writer's (formats.document_parts). PyYAML
    read the plan the answers come from, and Rich drew the tables kept (DrawnTables): they
    are known by what is installed, not imported, since a warm run needs neither.
    """
    import orjson

    from ..files import kept_plans

    libraries = "|".join(kept_plans.installation(m, d) for m, d in (("yaml", "PyYAML"), ("rich", "rich")))
    return kept_plans.code_fingerprint(f"{FORMAT}|{orjson.__version__}|{libraries}", root)


def _key(path: Path, targets_digest: bytes) -> tuple:
    # The month of today: which deadlines have passed changes the statuses (a deadline
    # is a period's end, and periods end with a month: assessment.ended).
    return (FORMAT, _code_fingerprint(), str(real_path(path)), targets_digest, _today().strftime("%Y-%m"))


def _today(zone: str = "") -> Any:
    """Today in ``zone`` (the plan's timezone:), else on the machine's calendar: the day
    the commands judge on (files.workspace.plan_day)."""
    from ..files.workspace import plan_day

    return plan_day(None, _offset(zone) or zone)


# A plan's zone as the plan's reader took it (+07:00, +0700, Z, UTC, GMT: method.timing's
# parse_zone checked it then), read here without that module: a warm status loads none of
# the model for it (tests/test_s30_lead.py), since the shipped plan names +07:00 (session
# 38). Any other text is left to plan_day, which reads it as the plan's reader did.
_OFFSET = re.compile(r"([+-])(\d\d):?(\d\d)", re.ASCII)  # as parse_zone: ASCII digits


def _offset(zone: str) -> Any:
    """``zone``, a plan's ``timezone:``, as a tzinfo; None for none, or a text of another shape."""
    from datetime import timedelta, timezone

    if zone.strip().upper() in ("Z", "UTC", "GMT"):
        return timezone.utc
    found = _OFFSET.fullmatch(zone.strip())
    if found is None:
        return None
    sign, hours, minutes = found.groups()
    offset = timedelta(hours=int(hours), minutes=int(minutes))
    return timezone(-offset if sign == "-" else offset)


class Texts:
    """The texts a cache file keeps after its payload (``_save``'s ``texts``): read into
    ``data`` and checked when ``prove`` runs, which the status cache has a thread do
    beside the work (the read and the checksum both let go of the interpreter), so a
    national plan's 30 MB of JSON items cost a run next to nothing on two cores.
    ``data`` may be sliced at once; nothing may be taken from it unless ``proved()``.

    The check is a CRC-32 (``_crc``), not the payload's hash: these texts are copied to
    the output, never unmarshalled, and a checksum that catches a torn or damaged file is
    all they need (docs/decisions.md, "The status cache keeps each item's JSON text").
    """

    def __init__(self, file: Path, start: int, size: int, check: int) -> None:
        import mmap

        self._file, self._start, self._check = file, start, check
        # Anonymous memory: the kernel gives zeroed pages as the read fills them, rather
        # than this thread zeroing 30 MB first.
        self._buffer = mmap.mmap(-1, max(size, 1))
        self.data = memoryview(self._buffer)[:size]
        self._ok: bool | None = None

    def prove(self) -> None:
        """Read the texts from the file (again by its name: what is read is proved by the
        checksum the payload gave, whatever file is there now) and check them."""
        if self._ok is not None:
            return
        self._ok = False
        try:
            fd = os.open(self._file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with open(fd, "rb", buffering=0) as fh:
                if not S_ISREG(os.fstat(fd).st_mode):
                    return
                fh.seek(self._start)
                got = 0
                while got < len(self.data) and (n := fh.readinto(self.data[got:])):
                    got += n
                if got != len(self.data) or fh.read(1):
                    return  # exactly the texts, no more
        except OSError:
            return
        self._ok = _crc((self.data,)) == self._check

    def proved(self) -> bool:
        self.prove()
        return bool(self._ok)


def _crc(pieces: Sequence[Any]) -> int:
    """The CRC-32 of the pieces one after another: as written (``_save``), as read (one piece)."""
    import zlib

    check = 0
    for piece in pieces:
        check = zlib.crc32(piece, check)
    return check


def _framed(payload: bytes, texts: Sequence[Any] = (), hint: bytes = b"") -> tuple[Any, ...]:
    """The pieces of a cache file: the magic line, the payload's hash, its length, the
    length of the hint and the hint (what a reader may start on before the payload is
    proved: beside.hint_for), the payload, then any texts kept outside it (their length
    and checksum are in the payload)."""
    sizes = len(payload).to_bytes(8, "little") + len(hint).to_bytes(4, "little")
    return (_MAGIC, _digest(payload), sizes, hint, payload, *texts)


def _load(file: Path, key: tuple, early: Callable[[bytes], Any] | None = None) -> dict | None:
    """The payload ``_save`` wrote for ``key``, or None; the texts kept after it, if any,
    as ``Texts`` under ``"texts"``, not yet read. ``early`` is given the file's hint as
    soon as it is read, before the payload is proved."""
    head = len(_MAGIC)
    top_size = head + 44
    try:
        # Non-blocking, and only a regular file: a FIFO put in the cache folder must not
        # make status wait for a writer (tests/test_os_errors.py).
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb", buffering=0) as fh:
            st = os.fstat(fd)
            if not S_ISREG(st.st_mode):
                return None
            top = fh.read(top_size)
            if len(top) < top_size or not top.startswith(_MAGIC):
                return None
            hint_size = int.from_bytes(top[head + 40 :], "little")
            start = top_size + hint_size
            end = start + int.from_bytes(top[head + 32 : head + 40], "little")
            if end > st.st_size or end - start > _MAX_PAYLOAD or hint_size > 1 << 16:
                return None  # not a payload qntrack wrote (a sparse file claiming gigabytes)
            hint = fh.read(hint_size)
            if early is not None and len(hint) == hint_size:
                early(hint)
            payload = fh.read(end - start)
            if _digest(payload) != top[head : head + 32]:
                return None
            try:
                cached = marshal.loads(payload)
            except (EOFError, ValueError, TypeError):
                return None
            if not isinstance(cached, dict) or cached.get("key") != key:
                return None
            kept = cached.get("texts")
            if kept is None and end == st.st_size:
                return cached
            # The texts' length and checksum, as _save wrote them, and that many bytes after.
            if not (isinstance(kept, tuple) and len(kept) == 2 and kept[0] == st.st_size - end):
                return None
            cached["texts"] = Texts(file, end, kept[0], kept[1])
            return cached
    except OSError:
        return None


def _save(file: Path, cached: dict, texts: Sequence[Any] | None = None, hint: bytes = b"") -> None:
    """Write atomically; a cache that cannot be written is no error. ``texts`` (bytes or
    memory views) are kept after the payload, in order, and come back as one ``Texts``
    (``_load``); ``hint`` is written before the payload (``_framed``)."""
    from ..files.kept_plans import cache_folder
    from ..files.starter import write_atomically

    if texts is not None:  # (none for a plan without targets: still texts, of length 0)
        cached = {**cached, "texts": (sum(map(len, texts)), _crc(texts))}
    else:
        cached = {k: v for k, v in cached.items() if k != "texts"}
    try:
        payload = marshal.dumps(cached)
        cache_folder(file.parent)
        # No fsync: _load checks the digest, so a cache a crash tore is made again (docs/performance.md).
        # In parts: the payload of a national plan is tens of MB, not copied once more.
        write_atomically(file, _framed(payload, texts or (), hint), durable=False, fresh=True)
    except (OSError, ValueError):
        pass
