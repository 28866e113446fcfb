"""Remembering ``status`` between runs, so that after an append only what changed is redone.

An optimisation only: with the cache gone, corrupt or out of date, ``status`` prints the
same bytes, just later. docs/performance.md explains the design and what it buys.

Where
    ``.qntrack-cache/status-<16 hex digits>.bin`` in the folder of targets.yaml, one file
    per targets file (the digits hash its absolute path). The folder is git-ignored, never
    committed and safe to delete at any time. ``QNTRACK_NO_CACHE=1`` turns the cache off;
    a folder that cannot be written simply means there is no cache.

What it holds
    The key: a fingerprint of qntrack's own code, the hash of targets.yaml, the store's
    path, device and inode, and the length and hash of the store's prefix it covers.
    Then the plan as plain tuples, each target's JSON item, status row and status, for
    each measured indicator the line numbers of its observations in force, the warnings
    about periods the derived indicators leave out, and a sparse index of where lines
    start (``_line_index``).

Never trusted
    Every run reads targets.yaml and the store in full and checks both hashes. A store
    that only grew is an append: the new rows are parsed, the indicators they touch (and
    the derived indicators that read those) get their series back from the store's own
    lines, and only the targets on them are assessed again. Anything else (an edit in the
    middle, a truncation, another file or inode, another targets.yaml, changed code, new
    rows with problems, a cache file with a bad checksum or an unexpected shape, an error
    while using it) means a full cold run, which then writes a fresh cache.

Why marshal and a checksum, not pickle
    Unpickling runs code named by the data; a cache file that anyone could edit must not
    be able to do that. marshal only builds plain values (tuples, strings, numbers,
    bytes, dicts) and is the fastest way CPython has to store them. Its own docs warn it
    is not hardened against damaged input, so the payload's hash is checked before it is
    read, and the plan comes back through ``_decode``, which builds only qntrack's model
    classes, by name, from an allowlist.
"""

from __future__ import annotations

import marshal
import os
import sys
from stat import S_ISREG
from array import array
from dataclasses import fields, is_dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Callable, NamedTuple, Sequence

from . import __version__
from .files.workspace import find_targets

__all__ = ["CACHE_DIR", "cache_file", "machine_status", "table_status"]

# The folder is named by the files layer, which also refuses to write reports into it.
from .files.workspace import CACHE_DIR  # noqa: E402

FORMAT = 6
_MAGIC = b"qntrack status cache\n"
# After this many bytes of appended rows the cache is rewritten to cover them; below it,
# each run re-reads the short tail, which costs less than rewriting tens of megabytes.
REWRITE_AFTER = 256 * 1024
# An append touching more indicators than this is answered by a cold run.
MAX_AFFECTED = 500

# The text to print, the statuses in it, and the warnings about periods left out of the
# derived indicators it shows (series.left_out_warnings).
Served = tuple[str, list, list]
# The plan's title, the table's rows (summary.status_cells), the statuses, the tables
# already drawn from those rows, and the warnings, as above.
Table = tuple[str, list, list, "DrawnTables", list]


class Entry(NamedTuple):
    """What one target contributes to the outputs of ``status`` (``_entry``).

    Kept in the cache file as a plain tuple of these fields in this order (marshal stores
    only exact tuples): ``_save`` writes ``tuple(entry)``, ``_warm`` reads ``Entry._make``.
    """

    id: str
    indicator: str
    status: str
    # The target's item of the JSON document's "targets" list (formats.assessment_dict),
    # as plain values: the document is written from these by formats.to_json.
    item: dict
    # The target's row of ``status --format csv/tsv`` (formats.status_rows).
    row: tuple
    # The target as ``_encode`` gives it, marshalled: an append assesses it again.
    target: bytes
    # Its row of the terminal's table in each language (summary.status_cells), or {}
    # when the cache was built without them.
    cells: dict
    # The milestones it missed, as text: what ``status --fail-on`` reads.
    missed: tuple


_BIG = 4 * 1024 * 1024


def _hasher(size: int) -> Any:
    """A 32-byte hash for ``size`` bytes of data: BLAKE2b below 4 MB, SHA-256 above.

    Both are sound for telling a changed file; the choice is speed. Loading OpenSSL for
    hashlib's SHA-256 costs more than hashing a province's whole store with BLAKE2b
    (built into CPython), while on a national store SHA-256 is the faster by far.
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
    where = targets_path.resolve()
    name = _digest(str(where).encode("utf-8", "surrogateescape")).hex()[:16]
    return where.parent / CACHE_DIR / f"status-{name}.bin"


def machine_status(
    targets: str | None,
    target_ids: Sequence[str] | None,
    kind: str,
    check_ids: Callable[[Any, Sequence[str] | None], None],
) -> Served | None:
    """``status --format KIND`` (json, csv or tsv) as of now, through the cache.

    ``check_ids(plan, target_ids)`` raises for unknown target ids, as the command does.
    None means "not served here": the caller runs the command the plain way (also how it
    reports an unreadable targets file).
    """
    state = _current(targets, target_ids, check_ids, cells=False)
    if state is None:
        return None
    entries = _chosen(state["entries"], target_ids)
    if entries is None:
        return None
    return _output(state["title"], entries, kind), _gate_items(entries), _warnings(state, entries)


def table_status(
    targets: str | None,
    target_ids: Sequence[str] | None,
    lang: str,
    check_ids: Callable[[Any, Sequence[str] | None], None],
) -> Table | None:
    """The rows of the terminal's status table as of now, through the cache; as above.

    The rows are kept for every language once a table has been asked for, so drawing the
    table again needs neither targets.yaml parsed nor a single target assessed.
    """
    state = _current(targets, target_ids, check_ids, cells=True)
    if state is None:
        return None
    entries = _chosen(state["entries"], target_ids)
    if entries is None or any(lang not in e.cells for e in entries):
        return None
    rows = [e.cells[lang] for e in entries]
    drawn = DrawnTables(
        cache_file(find_targets(targets)).with_suffix(f".{lang}.drawn"),
        # repr, not marshal: marshal's bytes for equal values vary with how
        # the objects are shared (its back-references), repr's do not.
        _digest(repr((FORMAT, _code_fingerprint(), lang, state["title"], rows)).encode("utf-8", "surrogatepass")),
    )
    return state["title"], rows, _gate_items(entries), drawn, _warnings(state, entries)


def _gate_items(entries: Sequence[Entry]) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """(id, status, missed milestones, deadlines awaiting a figure) of each target, what
    ``status --fail-on`` reads."""
    return [(e.id, e.status, e.missed, tuple(e.item.get("awaiting_figures", ()))) for e in entries]


def _warnings(state: dict, entries: Sequence[Entry]) -> list:
    """The warnings about periods left out that the targets of ``entries`` depend on, as
    the plain path gives them (``Workspace.warnings_for``)."""
    unknown: list = []
    if state.get("missing"):
        from .catalog import msg
        from .plan.model import Location, Problem

        unknown.append(Problem(Location(state["store_file"]), msg("workspace_store_missing"), "warning"))
    if state["unknown"]:
        from .method.series import unknown_warnings

        unknown += unknown_warnings(state["unknown"], state["known"], state["store_file"], state["targets_file"])
    if not state["warnings"]:
        return unknown
    from .plan.model import Location, Problem
    from .method.series import left_out_warnings

    left_out = {
        ind: [Problem(Location(*where), _message_from(message), "warning") for *where, message in kept]
        for ind, kept in state["warnings"].items()
    }
    return unknown + left_out_warnings(left_out, state["inputs"], {e.indicator for e in entries})


class DrawnTables:
    """The status table as already drawn from these rows, by how the terminal draws it.

    The rows (with the code and the language) and the way of drawing (width, colours:
    ``render._how``) fix the text completely, so a table drawn once is printed again as
    it was, without Rich laying it out a second time. Kept beside the cache, in
    ``status-<hex>.<lang>.drawn``, with the digest of the rows it was drawn from: other rows find
    nothing there. A few ways of drawing are kept (terminals of several widths).
    """

    KEEP = 8

    def __init__(self, file: Path, rows_digest: bytes) -> None:
        self.file = file
        self.rows_digest = rows_digest
        self._views: dict[str, str] | None = None

    def _load(self) -> dict[str, str]:
        if self._views is None:
            stored = _load(self.file, ("drawn", self.rows_digest))
            views = stored.get("views") if stored else None
            ok = isinstance(views, dict) and all(type(k) is str and type(v) is str for k, v in views.items())
            self._views = dict(views) if ok else {}  # type: ignore[arg-type]
        return self._views

    def get(self, how: str) -> str | None:
        return self._load().get(how)

    def put(self, how: str, text: str) -> None:
        views = self._load()
        views.pop(how, None)
        views[how] = text
        while len(views) > self.KEEP:
            del views[next(iter(views))]
        _save(self.file, {"key": ("drawn", self.rows_digest), "views": views})


def _current(targets: str | None, target_ids: Sequence[str] | None, check_ids: Callable, cells: bool) -> dict | None:
    """The cache brought up to date (warm), or rebuilt from the files (cold), or None.

    With ``cells``, the table's rows must be in it too: a cache written by a machine-output
    run, which does not pay for them, is rebuilt with them.
    """
    if os.environ.get("QNTRACK_NO_CACHE", "") not in ("", "0"):
        return None
    path = find_targets(targets)
    data = _regular_bytes(path)
    if data is None:
        return None  # missing, unreadable, not a regular file or too large: the plain path says which
    targets_digest = _digest(data)
    file = cache_file(path)
    key = _key(path, targets_digest)
    cached = _load(file, key)
    if cached is not None and (cached.get("cells") or not cells):
        try:
            state = _warm(cached, file, path)
        except Exception:  # a cache is never trusted: anything odd means a cold run
            state = None
        if state is not None:
            return _trusted(state)
    return _trusted(_cold(targets, path, targets_digest, key, file, target_ids, check_ids, cells))


def _trusted(state: dict | None) -> dict | None:
    """The state, unless figures in force fail `qntrack check`'s timing rules: then None,
    and the plain path runs, which warns of them by line (Workspace.warnings_for)."""
    if state is None or state.get("suspect"):
        return None
    return state


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


# --- the key and the file ----------------------------------------------------------------


def _code_fingerprint() -> str:
    """Changes whenever any module of qntrack changes (or Python, or marshal).

    The cache keeps values, not JSON text: the document is written afresh by the orjson
    installed now (``_output``), so orjson's version is not part of the key.
    """
    h = _hasher(0)
    h.update(f"{__version__}|{sys.version}|{marshal.version}|{FORMAT}".encode())
    # Every module of every subpackage, and the catalogs: the words of a cached table or
    # warning come from them too.
    root = Path(__file__).parent
    for folder in (root, *(root / d for d in _PACKAGES)):
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.name.endswith((".py", ".toml")):
                    st = entry.stat()
                    h.update(f"{folder.name}/{entry.name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()


# qntrack's subpackages (the layers, docs/architecture.md), whose code the fingerprint covers.
_PACKAGES = ("catalog", "plan", "method", "files", "output", "cli")


def _key(path: Path, targets_digest: bytes) -> tuple:
    # The month of today: which deadlines have passed changes the statuses (a deadline
    # is a period's end, and periods end with a month: assessment.ended).
    return (FORMAT, _code_fingerprint(), str(path.resolve()), targets_digest, _today().strftime("%Y-%m"))


def _today() -> Any:
    from .files.workspace import reference_day

    return reference_day(None)


def _load(file: Path, key: tuple) -> dict | None:
    try:
        # Non-blocking, and only a regular file: a FIFO put in the cache folder must not
        # make status wait for a writer (tests/test_os_errors.py).
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as fh:
            if not S_ISREG(os.fstat(fd).st_mode):
                return None
            raw = fh.read()
    except OSError:
        return None
    head = len(_MAGIC)
    if not raw.startswith(_MAGIC) or len(raw) < head + 32:
        return None
    payload = memoryview(raw)[head + 32 :]
    if _digest(payload) != raw[head : head + 32]:
        return None
    try:
        cached = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(cached, dict) or cached.get("key") != key:
        return None
    return cached


def _save(file: Path, cached: dict) -> None:
    """Write atomically; a cache that cannot be written is no error."""
    from .files.starter import write_atomically

    if "entries" in cached:  # named records in memory, plain tuples on disk (``Entry``)
        cached = {**cached, "entries": tuple(map(tuple, cached["entries"]))}
    try:
        payload = marshal.dumps(cached)
        file.parent.mkdir(exist_ok=True)
        tag = file.parent / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# qntrack's status cache: safe to delete; see docs/performance.md\n",
                encoding="ascii",
            )
        # No fsync: _load checks the digest, so a cache a crash tore is made again (docs/performance.md).
        write_atomically(file, _MAGIC + _digest(payload) + payload, durable=False)
    except (OSError, ValueError):
        pass


# --- plain tuples for the plan -----------------------------------------------------------


def _allowed() -> dict[str, type]:
    from .plan import model
    from .plan.periods import Frequency, Period

    from .kinds import REGISTRY

    # The kinds' targets too: a kind's class may live in its own module (docs/architecture.md).
    classes = (
        [Period, Frequency] + [getattr(model, name) for name in model.__all__] + [k.target for k in REGISTRY.values()]
    )
    return {c.__name__: c for c in classes if isinstance(c, type) and (is_dataclass(c) or issubclass(c, Enum))}


_PLAIN = frozenset({type(None), bool, int, float, str})
_INIT_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _encode(value: Any) -> Any:
    """A model value as marshal-able plain data: every tuple is tagged by its first item."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind not in _INIT_FIELDS:
        _INIT_FIELDS[kind] = tuple(f.name for f in fields(kind) if f.init) if is_dataclass(kind) else None
    names = _INIT_FIELDS[kind]
    if names is not None:
        return (
            "D",
            kind.__name__,
            *[v if type(v) in _PLAIN else _encode(v) for v in map(value.__getattribute__, names)],
        )
    if isinstance(value, Enum):
        return ("E", kind.__name__, value.value)
    if kind is tuple:
        return ("T", *map(_encode, value))
    if kind is list:
        return ("L", *map(_encode, value))
    if kind is dict and all(type(k) is str for k in value):
        return ("M", *((k, _encode(v)) for k, v in value.items()))
    raise TypeError(f"cannot cache a {kind.__name__}")


def _decode(value: Any, allowed: dict[str, type]) -> Any:
    """The inverse of ``_encode``, building only classes from ``allowed``."""
    if not isinstance(value, tuple):
        if value is None or isinstance(value, (bool, int, float, str)):
            return value
        raise ValueError("unexpected value in the cache")
    tag = value[0]
    if tag == "D":
        cls = allowed[value[1]]
        if not is_dataclass(cls):
            raise ValueError(f"{value[1]} is not a dataclass")
        return cls(*(_decode(v, allowed) for v in value[2:]))
    if tag == "E":
        cls = allowed[value[1]]
        if not issubclass(cls, Enum):
            raise ValueError(f"{value[1]} is not an enum")
        return cls(value[2])
    if tag == "T":
        return tuple(_decode(v, allowed) for v in value[1:])
    if tag == "L":
        return [_decode(v, allowed) for v in value[1:]]
    if tag == "M":
        return {k: _decode(v, allowed) for k, v in value[1:]}
    raise ValueError(f"unknown tag {tag!r} in the cache")


# --- finding lines by number in a large store ------------------------------------------------

_STRIDE = 64 * 1024  # bytes between two entries of the line index


def _line_index(data: Any) -> tuple[bytes, bytes]:
    """Every ~64 KB, the byte offset of a line start and its line number (two arrays).

    With it, an append re-reads the old rows of the indicators it touched by splitting a
    few small slices of the store rather than all of it. ``_newlines`` counts the whole
    store's lines from it.
    """
    offsets, numbers = array("Q", [0]), array("I", [1])
    pos, line, end = 0, 1, len(data)
    while True:
        nxt = data.find(b"\n", pos + _STRIDE)
        if nxt < 0 or nxt + 1 >= end:
            return offsets.tobytes(), numbers.tobytes()
        line += data[pos : nxt + 1].count(b"\n")
        pos = nxt + 1
        offsets.append(pos)
        numbers.append(line)


def _newlines(data: Any, index: tuple[bytes, bytes]) -> int:
    """The number of newlines in ``data``, from its line index: those before the last
    line the index gives, and the rest counted (not the whole store again: 0.08 s)."""
    offsets, numbers = array("Q"), array("I")
    offsets.frombytes(index[0])
    numbers.frombytes(index[1])
    return numbers[-1] - 1 + data[offsets[-1] :].count(b"\n")


def _lines_at(data: Any, size: int, index: tuple[bytes, bytes], wanted: Sequence[int]) -> list[bytes]:
    """The lines numbered ``wanted`` (ascending) in ``data[:size]``, without their newline."""
    from bisect import bisect_right

    offsets, numbers = array("Q"), array("I")
    offsets.frombytes(index[0])
    numbers.frombytes(index[1])
    pieces: dict[int, list[bytes]] = {}
    out = []
    for n in wanted:
        k = bisect_right(numbers, n) - 1
        piece = pieces.get(k)
        if piece is None:
            stop = offsets[k + 1] if k + 1 < len(offsets) else size
            piece = pieces[k] = data[offsets[k] : stop].split(b"\n")
        out.append(piece[n - numbers[k]])
    return out


# --- what each target contributes to the output -------------------------------------------


def _entry(assessment: Any, encoded_target: bytes, rows: Sequence[Any] | None) -> Entry:
    """What one target contributes to the outputs (``Entry``); its table rows only when
    ``rows``, the indicator's series in force, is given."""
    from .output.formats import assessment_dict, status_rows

    cells = {}
    if rows is not None:
        from .output.i18n import LANGS
        from .output.summary import status_cells

        cells = {lang: status_cells(assessment, lang, rows) for lang in LANGS}
    return Entry(
        assessment.target.id,
        assessment.target.indicator,
        assessment.status.value,
        assessment_dict(assessment),
        tuple(list(status_rows([assessment]))[1]),
        encoded_target,
        cells,
        tuple(str(p) for p in assessment.missed_milestones),
    )


def _chosen(entries: Sequence[Entry], target_ids: Sequence[str] | None) -> Sequence[Entry] | None:
    """The entries of the targets asked for, in the plan's order; None if one is unknown."""
    if not target_ids:
        return entries
    wanted = set(target_ids)
    if not wanted <= {e.id for e in entries}:
        return None  # the plain path names the unknown ones
    return [e for e in entries if e.id in wanted]


def _output(title: str, entries: Sequence[Entry], kind: str) -> str:
    """The text of ``status --format KIND`` for the entries chosen (``_chosen``).

    The JSON document is the plain path's (formats.status_document), its list of targets
    made of the items kept, and written by the same ``to_json``.
    """
    if kind == "json":
        from .output.formats import status_document, to_json

        document = status_document([], None, title)
        document["targets"] = [e.item for e in entries]
        return to_json(document)
    from .output.formats import status_rows, write_table

    return write_table([next(iter(status_rows([]))), *(e.row for e in entries)], kind)


# --- cold: everything from the files, then a fresh cache ----------------------------------


def _cold(
    targets: str | None,
    path: Path,
    targets_digest: bytes,
    key: tuple,
    file: Path,
    target_ids: Sequence[str] | None,
    check_ids: Callable,
    cells: bool,
) -> dict:
    """Everything from the files, then a fresh cache; returns the state the outputs need."""
    from .method.series import formula_inputs
    from .files.store import StoreContents, parse_store, read_store_bytes
    from .files.workspace import missing_store, open_workspace

    seen: dict[str, Any] = {}  # what the reader saw of the store, for the cache's key

    def reader(store_path: Path) -> StoreContents:
        data = read_store_bytes(store_path)
        if data is None:
            return StoreContents((), ())
        try:
            st = os.stat(store_path)
        except OSError:
            return parse_store(data, str(store_path))
        index = _line_index(data)
        seen.update(
            path=str(store_path),
            ident=(st.st_dev, st.st_ino),
            size=len(data),
            sha=_digest(data),
            lines=_newlines(data, index),
            header=data[: data.find(b"\n") + 1],
            index=index,
        )
        return parse_store(data, str(store_path))

    ws = open_workspace(targets, None, reader=reader, with_series=False)
    plan = ws.plan
    observations = ws.store.observations
    shared = _share(plan, observations, cells)
    entries = tuple(shared["entries"][t.id] for t in plan.targets)
    # Rows of indicators targets.yaml does not define: said as the plain path says them
    # (Workspace.warnings_for); their names are only needed when there are any.
    unknown = shared["unknown"]
    state = {
        "title": plan.title,
        "entries": entries,
        "cells": cells,
        "inputs": formula_inputs(plan.indicators),
        "warnings": shared["warnings"],
        "suspect": shared["suspect"],
        "unknown": unknown,
        "known": tuple(plan.indicators) if unknown else (),
        "store_file": str(ws.store_path),
        "targets_file": plan.source_file,
        # No observations file: said as Workspace.warnings_for says it. Never saved
        # so: a cache is kept only of a store that was read (``seen``).
        "missing": bool(missing_store(ws.store_path, ws.store)),
    }
    if seen and not ws.store.torn_line and not ws.store.problems:
        cached = {
            "key": key,
            "store": seen["path"],
            "ident": seen["ident"],
            "size": seen["size"],
            "sha": seen["sha"],
            "lines": seen["lines"],
            "header": seen["header"],
            "index": seen["index"],
            # One row a line: line numbers find rows again (no blank lines, no quoted newlines).
            "plain": seen["lines"] == 1 + len(observations),
            "observations": plan.observations_path,
            **state,
            "indicators": shared["indicators"],
            # Line numbers of each measured indicator's observations in force.
            "in_force": {i.id: shared["in_force"][i.id] for i in plan.indicators.values() if not i.formula},
        }
        again = _regular_bytes(path)
        unchanged = again is not None and _digest(again) == targets_digest
        if unchanged:
            _save(file, cached)
    check_ids(plan, target_ids)
    return state


def _share(plan: Any, observations: Sequence[Any], cells: bool) -> dict:
    """What the cache keeps for every indicator of the plan and every target.

    ``entries``: each target's ``_entry`` by target id; ``indicators``: each indicator
    marshalled; ``in_force``: each measured indicator's line numbers in force;
    ``warnings``: each derived indicator's periods left out (``_warned``); ``unknown``:
    rows by indicator that targets.yaml does not define; ``suspect``: the indicators with
    a figure in force that `qntrack check` calls an error.
    """
    from operator import attrgetter

    from .kinds import assess_target
    from .method.series import build_series, unknown_counts

    indicators = plan.indicators
    series, left_out = build_series(indicators, observations)
    unknown = unknown_counts(series, indicators, observations)
    line_of = attrgetter("line")
    today = _today()
    entries = {}
    lines: dict[str, bytes] = {}

    def lines_in_force(indicator_id: str, rows: Sequence[Any]) -> None:
        if indicator_id not in lines and not indicators[indicator_id].formula:
            lines[indicator_id] = array("I", map(line_of, rows)).tobytes()

    for t in plan.targets:
        rows = series.get(t.indicator, ())
        entries[t.id] = _entry(
            assess_target(t, indicators[t.indicator], rows, today), marshal.dumps(_encode(t)), rows if cells else None
        )
        # Right after the assessment has read them: the rows were made in the store's
        # order, not the indicator's, and a separate pass found each one again out of
        # the processor's cache (0.3 s of a national store's 0.6 million rows, not 0.1 s).
        lines_in_force(t.indicator, rows)
    for i in indicators:
        lines_in_force(i, series.get(i, ()))
    # Figures in force that `qntrack check` calls errors: the plain path names them in its
    # warnings (Workspace.warnings_for), so a status built on them is not served from here.
    from .files.checks import timing_suspects
    from .files.store import utc_now

    suspects = timing_suspects(
        [o for i in indicators if not indicators[i].formula for o in series.get(i, ())], utc_now(), indicators
    )
    return {
        "suspect": {o.indicator: 1 for o in suspects},
        "entries": entries,
        "indicators": {i: marshal.dumps(_encode(indicators[i])) for i in indicators},
        "in_force": lines,
        "warnings": _warned(left_out, set(indicators)),
        "unknown": unknown,
    }


def _warned(left_out: dict, chosen: set[str]) -> dict:
    """``series.LeftOut`` of the indicators ``chosen`` as plain tuples:
    (file, line, column, message) for each warning; a Message as ``_message_plain`` has it."""
    return {
        ind: tuple((p.location.file, p.location.line, p.location.column, _message_plain(p.message)) for p in problems)
        for ind, problems in left_out.items()
        if ind in chosen
    }


def _message_plain(message: Any) -> Any:
    """A warning's message as marshal-able values: a Message as (id, params), which is
    rebuilt (``_message_from``) and shown in the language of the run that prints it, so a
    cached run says the same as a cold one in English and in Vietnamese; text as it is."""
    from .catalog import Message

    return (message.id, message.params) if isinstance(message, Message) else message


def _message_from(plain: Any) -> Any:
    """The message ``_message_plain`` made plain."""
    if isinstance(plain, tuple):
        from .catalog import Message

        return Message(plain[0], tuple(tuple(pair) for pair in plain[1]))
    return plain


# --- warm: the cache, checked, plus whatever was appended -----------------------------------


def _warm(cached: dict, file: Path, path: Path) -> dict | None:
    """The cache checked against the files and brought up to date with an append, or None."""
    from types import SimpleNamespace

    from .files.workspace import store_path_for

    # Plain tuples on disk; a cache of another shape fails here, and a cold run follows.
    cached = {**cached, "entries": tuple(map(Entry._make, cached["entries"]))}
    # Where targets.yaml says the store is, as the plain path works it out.
    store_path = store_path_for(SimpleNamespace(observations_path=cached["observations"]), path)  # type: ignore[arg-type]
    if str(store_path) != cached["store"]:
        return None
    import mmap

    # A batch being appended, or one a crash interrupted (store.read_pending): the cold
    # run reads only its committed rows, or refuses, as the plain path does.
    journal = str(store_path) + ".pending"
    if os.path.exists(journal):
        return None
    try:
        # Not blocking: a FIFO put where the store was fails the identity check below.
        with os.fdopen(os.open(store_path, os.O_RDONLY | os.O_NONBLOCK), "rb") as fh:
            st = os.fstat(fh.fileno())
            size = cached["size"]
            if (st.st_dev, st.st_ino) != tuple(cached["ident"]) or st.st_size < size or not st.st_size:
                return None
            # Mapped, not read: the store is hashed where it lies in the page cache.
            with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
                hasher = _hasher(size)
                hasher.update(memoryview(data)[:size])
                if hasher.digest() != cached["sha"]:
                    return None
                changed: dict = {}
                if len(data) > size:
                    updated = _append(cached, data, store_path)
                    if updated is None:
                        return None
                    changed = {
                        "entries": updated["entries"],
                        "warnings": updated["warnings"],
                        "unknown": updated["unknown"],
                        "known": updated["known"],
                    }
                    if len(data) - size >= REWRITE_AFTER:
                        if type(_hasher(len(data))) is type(hasher):
                            hasher.update(memoryview(data)[size:])
                        else:
                            hasher = _hasher(len(data))
                            hasher.update(memoryview(data))
                        updated.update(size=len(data), sha=hasher.digest(), index=_line_index(data))
                        _save(file, updated)
    except (OSError, ValueError):
        return None
    if changed and os.path.exists(journal):
        return None  # a batch began while the appended rows were read: they may be part of it
    return {**cached, **changed}


def _append(cached: dict, data: Any, store_path: Path) -> dict | None:
    """The cache brought up to date with rows appended after its prefix, or None."""
    from .kinds import assess_target
    from .method.series import build_series
    from .files.store import parse_store

    size = cached["size"]
    tail = data[size:]
    file = str(store_path)
    try:
        added = parse_store(cached["header"] + tail, file)
    except Exception:
        return None
    if added.problems or added.torn_line:
        return None  # the cold run reports them exactly as ever
    shift = cached["lines"] - 1
    added_rows = [o._replace(line=o.line + shift) for o in added.observations]
    # Appended rows of indicators targets.yaml does not define add to their count.
    unknown = dict(cached["unknown"])
    for o in added_rows:
        if o.indicator not in cached["indicators"]:
            unknown[o.indicator] = unknown.get(o.indicator, 0) + 1
    known = cached["known"] or (tuple(cached["indicators"]) if unknown else ())
    unknown = {i: unknown[i] for i in sorted(unknown)}

    inputs: dict[str, tuple[str, ...]] = cached["inputs"]
    measured = cached["in_force"]
    touched = {o.indicator for o in added_rows if o.indicator in measured}
    derived: set[str] = set()
    grew = True
    while grew:
        more = {
            d for d, names in inputs.items() if d not in derived and any(n in touched or n in derived for n in names)
        }
        derived |= more
        grew = bool(more)
    # Every input a changed derived indicator reads, down to measured ones.
    reach: set[str] = set()
    todo = list(derived)
    while todo:
        for name in inputs.get(todo.pop(), ()):
            if name not in reach:
                reach.add(name)
                todo.append(name)
    load = touched | derived | reach
    needed = {i for i in load if i in measured}
    if len(load) > MAX_AFFECTED or (needed and not cached["plain"]):
        return None

    allowed = _allowed()
    indicators = {i: _decode(marshal.loads(cached["indicators"][i]), allowed) for i in load}
    rows = [o for o in added_rows if o.indicator in needed]
    header = cached["header"]
    for ind in needed:
        numbers = array("I")
        numbers.frombytes(measured[ind])
        if not numbers:
            continue
        text = header + b"\n".join(_lines_at(data, size, cached["index"], numbers)) + b"\n"
        again = parse_store(text, file)
        if again.problems or len(again.observations) != len(numbers):
            return None
        rows.extend(o._replace(line=n) for o, n in zip(again.observations, numbers, strict=True))
    series, left_out = build_series(indicators, rows)
    changed = touched | derived
    today = _today()
    entries = list(cached["entries"])
    for k, e in enumerate(entries):
        if e.indicator in changed:
            target = _decode(marshal.loads(e.target), allowed)
            rows_in_force = series.get(target.indicator, [])
            entries[k] = _entry(
                assess_target(target, indicators[target.indicator], rows_in_force, today),
                e.target,
                rows_in_force if e.cells else None,
            )
    in_force = dict(measured)
    for ind in touched:
        in_force[ind] = array("I", [o.line for o in series.get(ind, ())]).tobytes()
    # An appended figure in force that `qntrack check` calls an error: the plain path says
    # so by line (_trusted); one the store already had in force would have stopped us earlier.
    from .files.checks import timing_suspects
    from .files.store import utc_now

    lines = {o.line for o in added_rows}
    if timing_suspects([o for ind in touched for o in series.get(ind, ()) if o.line in lines], utc_now(), indicators):
        return None
    plain = cached["plain"] and tail.count(b"\n") == len(added.observations)
    # The derived indicators worked out again say afresh which of their periods are left out.
    kept = {ind: problems for ind, problems in cached["warnings"].items() if ind not in derived}
    return {
        **cached,
        "entries": tuple(entries),
        "in_force": in_force,
        "plain": plain,
        "lines": cached["lines"] + tail.count(b"\n"),
        "warnings": {**kept, **_warned(left_out, derived)},
        "unknown": unknown,
        "known": known,
    }
