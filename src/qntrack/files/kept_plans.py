"""A large targets.yaml kept parsed between runs, so that a national plan is read once.

Reading and checking targets.yaml is most of what a command costs on a national plan:
10,000 targets took 1.7 s on the benchmark machine, against 0.5 s to load the same plan
kept by the previous run (docs/performance.md, "The plan kept parsed"). Every command
that reads the plan (``plan_loading.load_plan``) asks here first.

Where
    ``.qntrack-cache/plan-<16 hex digits>.bin`` beside targets.yaml, in the status
    cache's folder (safe to delete; ``QNTRACK_NO_CACHE=1`` turns both off).

When
    Only for a plan of ``KEEP_FROM`` characters or more (about 256 KB): a province's plan parses in a few
    hundredths of a second, less than loading it would save. The first run that parses a
    given text only notes its hash; the second parses it again and keeps it; the runs
    after load it. A plan edited before every run never pays for keeping it.

Never trusted
    The key is the text's hash, the file's name as the plan's messages give it, qntrack's
    code (``code_fingerprint``), the PyYAML installed (``installation``: its release and
    RECORD) and this format: any change is a parse.
    The file is signed (HMAC-SHA-256) with a secret this user's qntrack made
    (``_secret``: 32 random bytes in the user's own cache folder, readable by the user
    alone), and nothing is unpickled before the signature is proved: a file anyone else
    wrote, or edited, is parsed over, however well formed. Even then the unpickler builds
    only the model's classes (``model_classes``), by module and name (the standard
    library's "Restricting Globals" pattern), and what comes out must be a ``Plan`` for
    this file. Anything odd, an error included, means a parse.
"""

from __future__ import annotations

import os
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from ..plan.model import Plan

__all__ = ["KEEP_FROM", "Kept", "code_fingerprint", "installation", "kept_plan", "model_classes", "parsed", "plan_file"]

KEEP_FROM = 256 * 1024  # characters of targets.yaml: about 1,000 targets
FORMAT = 2
_MAGIC = b"qntrack kept plan 1\n"
_HEAD = len(_MAGIC) + 64  # the magic, the key's hash, the signature
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
                try:
                    st = os.stat(os.path.join(folder, name))
                except OSError:  # an editor's lock link (Emacs's .#model.py), gone or dangling
                    h.update(f"{where}/{name}:?;".encode())
                    continue
                h.update(f"{where}/{name}:{st.st_size}:{st.st_mtime_ns};".encode())
    # An installed wheel: the installer's RECORD holds each file's own hash, which tells two
    # builds apart where sizes and times cannot (a Nix store sets every time to one value).
    # A checkout (an editable install) has none beside the package, and needs none.
    try:
        h.update((root.parent / f"qntrack-{__version__}.dist-info" / "RECORD").read_bytes())
    except OSError:
        pass
    return h.hexdigest()


def installation(module: str, dist: str, path: list[str] | None = None) -> str:
    """Which release of a library is installed, found as ``import`` would find it but not
    imported: its dist-info's (or egg-info's) name, which holds the version, and a hash of
    its RECORD (each installed file's hash); '' when the library is not there.

    ``dist``: the distribution's name (``PyYAML`` for ``yaml``); ``path``: where to look
    instead of ``sys.path`` (a test's folder). Found once a run for ``sys.path``: a warm
    status table asks for Rich twice (the cache's key, the drawn table's key).
    """
    if path is None:
        found = _INSTALLED.get((module, dist))
        if found is None:
            found = _INSTALLED[(module, dist)] = _installation(module, dist, None)
        return found
    return _installation(module, dist, path)


# What ``installation`` found on sys.path, this run: the installed files do not change under it.
_INSTALLED: dict[tuple[str, str], str] = {}


def _installation(module: str, dist: str, path: list[str] | None) -> str:
    from importlib.machinery import PathFinder

    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - every CPython has it
        from hashlib import blake2b
    try:
        spec = PathFinder.find_spec(module, path)
    except (ImportError, ValueError, OSError):
        return ""
    if spec is None or not spec.origin:
        return ""
    origin = Path(spec.origin)
    folder = origin.parent.parent if origin.name.startswith("__init__.") else origin.parent
    marks = [str(folder)]
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        names = []
    for name in names:
        # "PyYAML-6.0.2.dist-info", "pyyaml-6.0.2.dist-info", "PyYAML-6.0.1-py3.11.egg-info"
        head, dash, _ = name.partition("-")
        if dash and name.endswith((".dist-info", ".egg-info")) and _normal(head) == _normal(dist):
            marks.append(name)
            try:
                marks.append(blake2b((folder / name / "RECORD").read_bytes(), digest_size=16).hexdigest())
            except OSError:  # an egg-info has no RECORD; its name still holds the version
                pass
    if len(marks) == 1:  # no metadata at all: the module's own file, by its size and time
        try:
            st = origin.stat()
        except OSError:
            return ""
        marks.append(f"{origin.name}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(marks)


def _normal(name: str) -> str:
    """A distribution's name as packaging compares them (PEP 503: case, '-', '_', '.')."""
    return "".join("_" if c in "-." else c for c in name.lower())


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
    """Where the plan read from ``targets_path`` is kept: one file for each name the plan
    is given by (its messages name the file as given), so that a script's absolute name
    and a person's relative one do not overwrite each other's."""
    from .textfiles import real_path
    from .workspace import CACHE_DIR

    where = real_path(targets_path)
    name = _hash(f"{where}\0{targets_path}".encode("utf-8", "surrogateescape"))[:8].hex()
    return where.parent / CACHE_DIR / f"plan-{name}.bin"


def _hash(data: bytes) -> bytes:
    import hashlib

    return hashlib.sha256(data).digest()


class Kept:
    """What the kept-plan file says for one text: ``plan``, when it holds one; else
    ``keep(plan)`` writes what the next run needs (a note, or the plan)."""

    def __init__(self, file: Path | None, key: bytes, noted: bool, plan: Plan | None, secret: bytes = b"") -> None:
        self.file, self.key, self.noted, self.plan, self.secret = file, key, noted, plan, secret

    def keep(self, plan: Plan) -> None:
        """Keep ``plan`` (just parsed from the text) if this text was noted before, else
        note the text; a folder that cannot be written simply means nothing is kept."""
        if self.file is None:
            return
        try:
            payload = b""
            if self.noted:
                payload = _pickle(plan)
            _write(self.file, (_MAGIC, self.key, _sign(self.secret, self.key, payload), payload))
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
    try:
        secret = _secret()
        if secret is None:
            return Kept(None, b"", False, None)  # no secret of this user's: nothing kept, nothing trusted
        digest = _hash(text.encode("utf-8", "surrogatepass"))
        # PyYAML known by what is installed, not imported (as cache/keeping.py knows it): a
        # plan read back calls no parser, and importing PyYAML for its version cost every
        # `check` of a kept national plan some 14 ms of processor time (issue 17).
        pyyaml = installation("yaml", "PyYAML")
        key = _hash(repr((FORMAT, code_fingerprint(), pyyaml, str(path), digest)).encode())
        file = plan_file(path)
    except (OSError, ValueError, RuntimeError):  # RuntimeError: Path.home() with no home to find
        return Kept(None, b"", False, None)
    try:
        head, payload = _read(file)
    except (OSError, ValueError):
        return Kept(file, key, False, None, secret)
    import hmac

    if head[len(_MAGIC) : len(_MAGIC) + 32] != key or not hmac.compare_digest(
        _sign(secret, key, payload), head[len(_MAGIC) + 32 :]
    ):
        return Kept(file, key, False, None, secret)
    if not payload:
        return Kept(file, key, True, None, secret)  # noted by the run before: keep it this time
    try:
        plan = _unpickle(payload)
    except Exception:  # noqa: BLE001 - anything a damaged file does means a parse
        return Kept(file, key, True, None, secret)
    from ..plan.model import Plan

    if type(plan) is not Plan or plan.source_file != str(path):
        return Kept(file, key, True, None, secret)
    return Kept(file, key, True, plan, secret)


def _sign(secret: bytes, key: bytes, payload: bytes) -> bytes:
    import hashlib
    import hmac

    return hmac.new(secret, key + payload, hashlib.sha256).digest()


def secret_file() -> Path | None:
    """Where this user's secret is kept: ``qntrack/plan-secret`` in the user's cache folder
    ($XDG_CACHE_HOME, else ~/.cache; %LOCALAPPDATA% on Windows), not the project's, which
    others may write. None when there is no such folder that is this user's own: a
    relative or empty path, a home that does not exist (``/nonexistent``), or one owned by
    another user (``sudo`` keeping the user's HOME must not leave root's folders in it).
    Only ``.cache`` and ``qntrack`` are ever made, inside a folder that exists."""
    windows = os.name == "nt"
    base = os.environ.get("LOCALAPPDATA" if windows else "XDG_CACHE_HOME", "")
    below: tuple[str, ...] = ()
    if base and os.path.isabs(base):
        root = Path(base)
    else:
        home = os.environ.get("HOME")
        if home is None or windows:  # unset: the account's own, as Python finds it
            try:
                home = str(Path.home())
            except (RuntimeError, KeyError):
                return None
        if not home or not os.path.isabs(home) or home == os.sep:
            return None  # empty (Python would take "/"), relative, or the root itself
        root, below = Path(home), (".cache",)
    try:
        st = os.stat(root)
    except OSError:
        return None
    if not S_ISDIR(st.st_mode) or (not windows and st.st_uid != os.geteuid()):
        return None
    return root.joinpath(*below, "qntrack", "plan-secret")


def _secret() -> bytes | None:
    """This user's secret (made on first use), or None if it cannot be made or is not
    this user's alone: a link, another owner, readable by others, or not 32 bytes."""
    file = secret_file()
    if file is None:
        return None
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(file, os.O_RDONLY | nofollow | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return _make_secret(file)
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not S_ISREG(st.st_mode) or st.st_size != 32:
            return None
        if os.name != "nt" and (st.st_uid != os.geteuid() or st.st_mode & 0o077):
            return None
        secret = fh.read(32)
    return secret if len(secret) == 32 else None


def _make_secret(file: Path) -> bytes | None:
    """Write a new secret whole beside ``file`` and link it into place, so that no run
    ever reads half of one (a full disk) and two runs making one at once agree: the
    second link fails, and that run keeps nothing this time."""
    import tempfile

    if file.parent.parent.name == ".cache":
        file.parent.parent.mkdir(exist_ok=True, mode=0o700)  # ~/.cache, in a home of this user's
    file.parent.mkdir(exist_ok=True, mode=0o700)
    _sweep(file.parent, ".plan-secret.*")  # what runs killed while making one left
    fd, tmp = tempfile.mkstemp(prefix=".plan-secret.", dir=file.parent)  # 0600
    try:
        made = os.urandom(32)
        with os.fdopen(fd, "wb") as fh:
            fh.write(made)
        os.link(tmp, file)
    except FileExistsError:
        return None
    finally:
        os.unlink(tmp)
    return made


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


def _pickle(plan: Plan) -> bytes:
    """``plan`` pickled so that each of the model's objects is made again by calling its
    class with its fields. The default for a frozen dataclass with slots restores each
    field through a Python function (``dataclasses._dataclass_setstate``); a national plan
    holds 100,000 such objects, and loading it took 0.62 s that way, 0.25 s this way
    (docs/performance.md). A class whose constructor does not take exactly its fields
    (a field it works out, a ``__post_init__``, a keyword-only field) keeps the default."""
    import inspect
    import io
    import pickle
    from dataclasses import fields

    by_constructor: dict[type, tuple[str, ...]] = {}
    for cls in model_classes().values():
        params = getattr(cls, "__dataclass_params__", None)
        if params is not None and params.frozen and not hasattr(cls, "__post_init__"):
            names = tuple(f.name for f in fields(cls))
            # The constructor takes exactly the fields, in order, by position (no field
            # keyword-only, none left out of __init__, no InitVar, no __init__ of its own).
            takes = inspect.signature(cls).parameters.values()
            if [(p.name, p.kind) for p in takes] == [(n, inspect.Parameter.POSITIONAL_OR_KEYWORD) for n in names]:
                by_constructor[cls] = names

    class ModelPickler(pickle.Pickler):
        def reducer_override(self, obj: Any) -> Any:
            names = by_constructor.get(type(obj))
            if names is None:
                return NotImplemented
            return type(obj), tuple(getattr(obj, name) for name in names)

    out = io.BytesIO()
    ModelPickler(out, protocol=5).dump(plan)
    return out.getvalue()


def _unpickle(payload: bytes) -> Any:
    import io
    import pickle
    from datetime import date

    from ..plan.model import ReadOnlyDict

    allowed = {(c.__module__, c.__qualname__): c for c in model_classes().values()}
    allowed[("datetime", "date")] = date  # a unit's dates (plan.units.Unit)
    allowed[(ReadOnlyDict.__module__, ReadOnlyDict.__qualname__)] = ReadOnlyDict  # a plan's mappings

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
    write_atomically(file, parts, durable=False, fresh=True)  # checked whenever read: a torn file is made again


_TAG = (
    b"Signature: 8a477f597d28d172789f06886806bc55\n"
    b"# qntrack's cache (status, kept plans): safe to delete; see docs/performance.md\n"
)


def cache_folder(folder: Path) -> None:
    """The cache folder, made if need be, with the CACHEDIR.TAG that tells backup tools
    to skip it (https://bford.info/cachedir/) and a .gitignore of ``*`` that tells git,
    written whole or not at all and never through a link; temporary files that killed
    runs left behind are swept up. A folder that is a link is refused (OSError): nothing
    is kept, and the command runs without its cache (issue 17, eighteenth session)."""
    import stat

    from .starter import write_atomically

    folder.mkdir(exist_ok=True)
    if not stat.S_ISDIR(folder.lstat().st_mode):
        # A link shipped with a tracker (a zip, a clone) may point at any folder ('..', a
        # home): its tag would hide that folder from backups, the sweep remove its files.
        raise NotADirectoryError(f"{folder}: not a folder of its own (a link?); nothing is kept there")
    tag = folder / "CACHEDIR.TAG"
    try:
        st = tag.lstat()
        sound = stat.S_ISREG(st.st_mode) and st.st_size == len(_TAG)
    except FileNotFoundError:
        sound = False
    if not sound:
        write_atomically(tag, _TAG, durable=False, fresh=True)
    # A tracker kept in git (a team's clones): the cache, keyed by this machine's paths and
    # signed with this user's secret, is of no use in another clone, and `git add -A`
    # committed its binary files, which then conflicted on every merge.
    ignore = folder / ".gitignore"
    if not ignore.is_file():
        write_atomically(ignore, b"*\n", durable=False, fresh=True)
    _sweep(folder, ".*.tmp")


def _sweep(folder: Path, pattern: str) -> None:
    """Remove the files of ``folder`` matching ``pattern`` that are older than an hour:
    temporary files that runs killed part way left behind."""
    import time

    from .starter import LEFT_BEHIND_AFTER  # the one age past which a temporary file was left

    old = time.time() - LEFT_BEHIND_AFTER
    for left in folder.glob(pattern):
        try:
            if left.lstat().st_mtime < old:
                left.unlink()
        except OSError:
            continue
