"""A large targets.yaml kept parsed between runs, so that a national plan is read once.

Reading and checking targets.yaml is most of what a command costs on a national plan:
10,000 targets took 1.7 s on the benchmark machine, against 0.5 s to load the same plan
kept by the previous run (docs/performance.md, "The plan kept parsed"). Every command
that reads the plan (``definitions.load_plan``) asks here first.

Where
    ``.qntrack-cache/plan-<16 hex digits>.bin`` beside targets.yaml, in the status
    cache's folder (safe to delete; ``QNTRACK_NO_CACHE=1`` turns both off).

When
    Only for a plan of ``KEEP_FROM`` bytes or more: a province's plan parses in a few
    hundredths of a second, less than loading it would save. The first run that parses a
    given text only notes its hash; the second parses it again and keeps it; the runs
    after load it. A plan edited before every run never pays for keeping it.

Never trusted
    The key is the text's hash, the file's name as the plan's messages give it, qntrack's
    code (``code_fingerprint``) and this format: any change is a parse. The payload's hash
    is checked before it is read, and it is read by an unpickler that builds only the
    model's classes (``model_classes``), by module and name: a file someone edited can
    make a wrong plan of those classes at worst, never run code (the standard library's
    "Restricting Globals" pattern). Anything odd, an error included, means a parse.
"""

from __future__ import annotations

import os
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from ..plan.model import Plan

__all__ = ["KEEP_FROM", "Kept", "code_fingerprint", "kept_plan", "model_classes", "parsed", "plan_file"]

KEEP_FROM = 256 * 1024  # bytes of targets.yaml: about 1,000 targets
FORMAT = 1
_MAGIC = b"qntrack kept plan 1\n"
_HEAD = len(_MAGIC) + 64  # the magic, the key's hash, the payload's hash
_MAX_PAYLOAD = 1 << 28


def code_fingerprint(extra: str = "", root: Path | None = None) -> str:
    """A hash that changes whenever any module or catalog of qntrack changes, or Python.

    ``extra``: what else a cache depends on (its format, a library's version). The folders
    are walked rather than listed, so a new subpackage is covered the day it is made;
    ``root``: another copy of the package (a test's).
    """
    import marshal
    import sys

    from .. import __version__

    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - every CPython has it
        from hashlib import blake2b
    h = blake2b(digest_size=32)
    h.update(f"{__version__}|{sys.version}|{marshal.version}|{extra}".encode())
    root = root or Path(__file__).parents[1]
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        where = os.path.relpath(folder, root)
        for name in sorted(files):
            if name.endswith((".py", ".toml")):
                st = os.stat(os.path.join(folder, name))
                h.update(f"{where}/{name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()


def model_classes() -> dict[str, type]:
    """The classes a plan is made of, by name: the model's, periods, dimensions and units,
    and each kind's target class (a kind's class may live in its own module). The kept
    plan and the status cache (cache/plain.py) build nothing else."""
    from dataclasses import is_dataclass
    from enum import Enum

    from ..kinds import REGISTRY
    from ..plan import model
    from ..plan.periods import Frequency, Period
    from ..plan.units import Dimension, Unit

    classes = (
        [Period, Frequency, Dimension, Unit]
        + [getattr(model, name) for name in model.__all__]
        + [k.target for k in REGISTRY.values()]
    )
    return {c.__name__: c for c in classes if isinstance(c, type) and (is_dataclass(c) or issubclass(c, Enum))}


def plan_file(targets_path: Path) -> Path:
    from .workspace import CACHE_DIR

    where = targets_path.resolve()
    name = _hash(str(where).encode("utf-8", "surrogateescape"))[:8].hex()
    return where.parent / CACHE_DIR / f"plan-{name}.bin"


def _hash(data: bytes) -> bytes:
    import hashlib

    return hashlib.sha256(data).digest()


class Kept:
    """What the kept-plan file says for one text: ``plan``, when it holds one; else
    ``keep(plan)`` writes what the next run needs (a note, or the plan)."""

    def __init__(self, file: Path | None, key: bytes, noted: bool, plan: Plan | None) -> None:
        self.file, self.key, self.noted, self.plan = file, key, noted, plan

    def keep(self, plan: Plan) -> None:
        """Keep ``plan`` (just parsed from the text) if this text was noted before, else
        note the text; a folder that cannot be written simply means nothing is kept."""
        if self.file is None:
            return
        try:
            payload = b""
            if self.noted:
                import pickle

                payload = pickle.dumps(plan, protocol=5)
            _write(self.file, (_MAGIC, self.key, _hash(payload), payload))
        except Exception:  # noqa: BLE001 - speed only: a plan that cannot be kept is parsed next time
            pass


def parsed(path: Path, text: str, parse: Callable[[str, str], Plan]) -> Plan:
    """The plan of ``text`` (read from ``path``): the one kept, else ``parse``'s, noted or
    kept for the next run."""
    kept = kept_plan(path, text)
    if kept.plan is not None:
        return kept.plan
    plan = parse(text, str(path))
    kept.keep(plan)
    return plan


def kept_plan(path: Path, text: str) -> Kept:
    """The plan kept for ``text`` (targets.yaml as read from ``path``), if any."""
    if len(text) < KEEP_FROM or os.environ.get("QNTRACK_NO_CACHE", "") not in ("", "0"):
        return Kept(None, b"", False, None)
    key = _hash(repr((FORMAT, code_fingerprint(), str(path), _hash(text.encode("utf-8", "surrogatepass")))).encode())
    file = plan_file(path)
    try:
        head, payload = _read(file)
    except (OSError, ValueError):
        return Kept(file, key, False, None)
    if head[len(_MAGIC) : len(_MAGIC) + 32] != key or _hash(payload) != head[len(_MAGIC) + 32 :]:
        return Kept(file, key, False, None)
    if not payload:
        return Kept(file, key, True, None)  # noted by the run before: keep it this time
    try:
        plan = _unpickle(payload)
    except Exception:  # noqa: BLE001 - anything a damaged or edited file does means a parse
        return Kept(file, key, True, None)
    from ..plan.model import Plan

    if type(plan) is not Plan or plan.source_file != str(path):
        return Kept(file, key, True, None)
    return Kept(file, key, True, plan)


def _read(file: Path) -> tuple[bytes, bytes]:
    """The file's head and payload; ValueError if it is not of this shape. Opened without
    blocking, a regular file only: a FIFO in the cache folder must not make a command wait."""
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb", buffering=0) as fh:
        st = os.fstat(fd)
        if not S_ISREG(st.st_mode) or st.st_size - _HEAD > _MAX_PAYLOAD:
            raise ValueError("not a kept plan")
        head = fh.read(_HEAD)
        if len(head) != _HEAD or not head.startswith(_MAGIC):
            raise ValueError("not a kept plan")
        payload = fh.read(st.st_size - _HEAD)
        if len(payload) != st.st_size - _HEAD:
            raise ValueError("a kept plan cut short")
        return head, payload


def _unpickle(payload: bytes) -> Any:
    import io
    import pickle
    from datetime import date

    allowed = {(c.__module__, c.__qualname__): c for c in model_classes().values()}
    allowed[("datetime", "date")] = date  # a unit's dates (plan.units.Unit)

    class OnlyTheModel(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            found = allowed.get((module, name))
            if found is None:
                raise pickle.UnpicklingError(f"{module}.{name} is not part of a plan")
            return found

    return OnlyTheModel(io.BytesIO(payload)).load()


def _write(file: Path, parts: tuple[bytes, ...]) -> None:
    """Into the cache folder (made, and tagged as a cache, if need be), atomically."""
    from .starter import write_atomically

    cache_folder(file.parent)
    write_atomically(file, parts, durable=False)  # checked whenever read: a torn file is made again


def cache_folder(folder: Path) -> None:
    """The cache folder, made if need be, with the CACHEDIR.TAG that tells backup tools
    to skip it (https://bford.info/cachedir/)."""
    folder.mkdir(exist_ok=True)
    tag = folder / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# qntrack's status cache: safe to delete; see docs/performance.md\n",
            encoding="ascii",
        )
