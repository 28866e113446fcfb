"""Parsing a large targets.yaml on the second core while this process reads the store.

A national plan (10,000 targets, 4.7 MB of YAML) takes over a second to parse even with
libyaml, and its store of a million rows a few seconds more. Neither needs the other,
except that targets.yaml names the store. So when the plan is large and the machine has a
second core, a forked child parses the plan and hands it back, pickled, through a pipe,
while this process reads the store at the path targets.yaml most likely names: the value
of a top-level ``observations:`` line, else the default. ``open_workspace`` checks that
guess against the parsed plan and reads the store again if it was wrong.

The child's result is trusted only whole: if it died, was killed, or sent anything but a
complete answer, the plan is parsed here instead, so every result and every message is
exactly what the plain path gives. The pipe is private to the two processes, which is why
pickle (fast, and able to carry the model's classes) is safe here, unlike in cache.py.
docs/performance.md says what this buys.
"""

from __future__ import annotations

import os
import pickle
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .errors import ExitCode, InputError

if TYPE_CHECKING:
    from .model import Plan

__all__ = ["PlanInBackground", "start_plan", "PARALLEL_FROM", "beside", "two_cores"]

# Below this size the plan parses in a few tenths of a second at most, and a fork, a pipe
# and a pickle would cost more than they save.
PARALLEL_FROM = 512 * 1024

_OBSERVATIONS_LINE = re.compile(rb"^observations:[ \t]*([^\s'\"#{\[&*!|>%@`][^\r\n#]*?)[ \t]*(?:#[^\r\n]*)?\r?$",
                                re.MULTILINE)


def guess_store_name(data: bytes) -> str:
    """The store's name as a top-level ``observations:`` line gives it, else the default.

    Only a guess, checked against the parsed plan: a quoted value or a YAML construct
    this does not follow just means a second read of the store.
    """
    found = _OBSERVATIONS_LINE.search(data)
    if found is None:
        return "observations.csv"
    try:
        return found.group(1).decode("utf-8")
    except UnicodeDecodeError:
        return "observations.csv"


class PlanInBackground:
    """A plan being parsed by a forked child; ``plan()`` waits for it."""

    def __init__(self, path: Path, store_name: str, pid: int, fd: int) -> None:
        self.path = path
        self.store_name = store_name
        self._pid = pid
        self._fd = fd

    def plan(self) -> Plan:
        """The parsed plan, or the InputError that parsing it raises: as ``load_plan``."""
        from .definitions import load_plan

        with os.fdopen(self._fd, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        answer = None
        if status == 0 and data:
            try:
                answer = pickle.loads(data)
            except Exception:  # a partial or garbled answer: parse it here instead
                answer = None
        if not (isinstance(answer, tuple) and len(answer) == 2):
            return load_plan(self.path)
        kind, value = answer
        if kind == "plan":
            return value
        if kind == "problems":
            problems, code = value
            raise InputError(problems, ExitCode(code))
        return load_plan(self.path)


def two_cores() -> bool:
    """Whether work may be shared with a forked child: Linux, two cores, not turned off."""
    return (sys.platform.startswith("linux") and (os.cpu_count() or 1) >= 2
            and os.environ.get("QNTRACK_NO_PARALLEL", "") in ("", "0"))


def beside(work: Callable[[], bytes]) -> Callable[[], bytes | None]:
    """Start ``work`` in a forked child; the function returned waits for its bytes.

    None from that function means the child failed in any way: the caller then does
    that share of the work itself. The child starts with a copy of this process, so
    ``work`` may read everything loaded so far; what it returns must be plain bytes.
    """
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _run_child(work, write_end)
    os.close(write_end)

    def wait() -> bytes | None:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        # The child writes its answer after an 8-byte length: a short read means it died.
        if status != 0 or len(data) < 8 or int.from_bytes(data[:8], "little") != len(data) - 8:
            return None
        return data[8:]

    return wait


def _run_child(work: Callable[[], bytes], fd: int) -> None:
    """In the forked child: do the work, answer through the pipe, exit without cleanup."""
    status = 1
    try:
        answer = work()
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(len(answer).to_bytes(8, "little"))
            pipe.write(answer)
        status = 0
    except BaseException:  # noqa: BLE001 - anything at all: the parent does the work itself
        status = 1
    finally:
        os._exit(status)


def start_plan(path: Path) -> PlanInBackground | None:
    """Start parsing ``path`` in a child process, or None when that would not pay.

    None when the file is small or unreadable (the plain path reports that), on a single
    core, or where fork is not the safe, cheap primitive it is on Linux.
    """
    if not two_cores():
        return None
    try:
        with open(path, "rb") as fh:
            if os.fstat(fh.fileno()).st_size < PARALLEL_FROM:
                return None
            data = fh.read()
    except OSError:
        return None
    store_name = guess_store_name(data)
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: parse, answer, and leave without running the parent's exit code
        os.close(read_end)
        _child(path, write_end)
    os.close(write_end)
    return PlanInBackground(path, store_name, pid, read_end)


def _pickle_by_constructor() -> None:
    """In the child only: pickle each model class as a call of its constructor.

    By default a frozen dataclass with slots is restored field by field through
    dataclasses' own ``__setstate__``, a Python loop per object; its constructor does the
    same in generated code, and the plan unpickles in half the time (0.2 s against 0.1 s
    on a national plan). The parent needs nothing registered to read it.
    """
    import copyreg
    from dataclasses import fields, is_dataclass

    from . import model
    from .periods import Period

    def reducer(names: tuple[str, ...]):
        return lambda obj: (type(obj), tuple(getattr(obj, name) for name in names))

    for cls in (Period, *(getattr(model, name) for name in model.__all__)):
        if isinstance(cls, type) and is_dataclass(cls):
            copyreg.pickle(cls, reducer(tuple(f.name for f in fields(cls) if f.init)))


def _child(path: Path, fd: int) -> None:
    """In the forked child: parse, answer through the pipe, and exit without cleanup."""
    status = 1
    try:
        from .definitions import load_plan

        try:
            answer: tuple = ("plan", load_plan(path))
        except InputError as exc:
            answer = ("problems", (exc.problems, int(exc.code)))
        _pickle_by_constructor()
        payload = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(payload)
        status = 0
    except BaseException:  # noqa: BLE001 - anything at all: the parent parses it itself
        status = 1
    finally:
        os._exit(status)
