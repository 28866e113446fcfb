"""Work on the second core: parsing a large targets.yaml, and a share of a cold status.

A national plan (10,000 targets, 4.7 MB of YAML) takes over a second to parse even with
libyaml, and its store of a million rows a few seconds more. Neither needs the other,
except that targets.yaml names the store. So when the plan is large and the machine has a
second core, a forked child parses the plan (``start_plan``) and hands it back, pickled,
in a memory file, while this process reads the store at the path targets.yaml most likely
names: the value of a top-level ``observations:`` line, else the default.
``open_workspace`` checks that guess against the parsed plan and reads the store again
if it was wrong. The child can then go on to a follow-up (``send``, ``follow_up``): the
status cache has it read and work out its part of the store (cache._in_two).
``beside`` forks a child for a piece of work on what is already loaded.

A child's answer is trusted only whole: if it could not be started (no process, pipe or
memory file to be had on a loaded machine), died, was killed, or sent anything but a
complete answer, the work is done here instead, so every result and every message is
exactly what one process gives. The memory file and the pipes are private to the two
processes, which is why pickle (fast, and able to carry the model's classes) is safe
here, unlike in cache.py. docs/performance.md says what this buys.
"""

from __future__ import annotations

import os
import pickle
import re
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .errors import ExitCode, InputError

if TYPE_CHECKING:
    from .plan.model import Plan

__all__ = ["PlanInBackground", "start_plan", "PARALLEL_FROM", "beside", "two_cores"]

# Below this size the plan parses in a few tenths of a second at most, and a fork, a pipe
# and a pickle would cost more than they save.
PARALLEL_FROM = 512 * 1024
# textfiles.MAX_TARGETS_BYTES, not imported here: a larger plan is refused by the plain path.
MAX_PLAN_BYTES = 16 * 1024 * 1024

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
    """A plan being parsed by a forked child; ``plan()`` waits for it.

    The child can go on to a follow-up once the plan is parsed: ``send`` gives it a
    message, ``follow_up`` waits for its answer (bytes, or None if it gave none whole).
    ``close`` (or ``follow_up``) reaps the child; call one of them in every case.
    """

    def __init__(self, path: Path, store_name: str, pid: int, ready: int, answer: int, message: int) -> None:
        self.path = path
        self.store_name = store_name
        self.sent = False
        self._pid = pid
        self._ready = ready  # child to parent: b"P" once the plan is written, then the follow-up's answer
        self._answer: int | None = answer  # a memory file holding the pickled plan
        self._message: int | None = message  # parent to child: the follow-up's message
        self._reaped = False

    @property
    def following(self) -> bool:
        """Whether the child has its message and has not been stopped: an answer may come."""
        return self.sent and not self._reaped

    def plan(self) -> Plan:
        """The parsed plan, or the InputError that parsing it raises: as ``load_plan``.

        Asked once: the answer is read from the child, not kept.
        """
        from .files.definitions import load_plan

        answer = None
        if os.read(self._ready, 1) == b"P":
            try:
                answer = pickle.loads(_read_all(self._answer))  # type: ignore[arg-type]
            except Exception:  # a partial or garbled answer: parse it here instead
                answer = None
        if self._answer is not None:
            os.close(self._answer)
            self._answer = None
        if not (isinstance(answer, tuple) and len(answer) == 2) or answer[0] not in ("plan", "problems"):
            self.close()
            return load_plan(self.path)
        kind, value = answer
        if kind == "problems":
            self.close()
            problems, code = value
            raise InputError(problems, ExitCode(code))
        return value

    def send(self, message: bytes) -> None:
        """The follow-up's message; only the first is sent. Small: it fits in the pipe."""
        if self._message is None or self.sent:
            return
        self.sent = True
        try:
            os.write(self._message, len(message).to_bytes(8, "little") + message)
        except OSError:
            pass
        self._close_message()

    def follow_up(self) -> bytes | None:
        """The follow-up's answer, whole, or None; the child is reaped."""
        if self._reaped:
            return None
        self._close_message()  # no message now means none: the child stops
        with os.fdopen(self._ready, "rb") as pipe:
            data = pipe.read()
        os.waitpid(self._pid, 0)
        self._reaped = True
        if len(data) < 8 or int.from_bytes(data[:8], "little") != len(data) - 8:
            return None
        return data[8:]

    def close(self) -> None:
        """Stop the child if it is still at work (its answer is not wanted), and reap it."""
        if self._reaped:
            return
        self._close_message()
        try:
            os.kill(self._pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.close(self._ready)
        if self._answer is not None:
            os.close(self._answer)
            self._answer = None
        os.waitpid(self._pid, 0)
        self._reaped = True

    def _close_message(self) -> None:
        if self._message is not None:
            os.close(self._message)
            self._message = None


def _read_all(fd: int) -> bytes:
    size = os.fstat(fd).st_size
    parts, offset = [], 0
    while offset < size:
        part = os.pread(fd, size - offset, offset)
        if not part:
            break
        parts.append(part)
        offset += len(part)
    return b"".join(parts)


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
    sys.stdout.flush()
    sys.stderr.flush()
    fds = _opened(os.pipe)
    pid = _forked(fds)
    if pid is None:
        return lambda: None  # no second process to be had: the caller does the work itself
    read_end, write_end = fds
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


def start_plan(path: Path, follow_up: Callable[[Plan, bytes], bytes] | None = None) -> PlanInBackground | None:
    """Start parsing ``path`` in a child process, or None when that would not pay.

    None when the file is small or unreadable (the plain path reports that), on a single
    core, or where fork is not the safe, cheap primitive it is on Linux. ``follow_up``,
    if given, runs in the child after the plan, with the message ``send`` gives it.
    """
    if not two_cores():
        return None
    import stat

    try:
        # Not blocking on a FIFO; anything but a regular file is left to the plain path,
        # which refuses it with a message (textfiles.open_regular).
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode) or st.st_size < PARALLEL_FROM or st.st_size > MAX_PLAN_BYTES:
        os.close(fd)
        return None
    with os.fdopen(fd, "rb") as fh:
        try:
            data = fh.read()
        except OSError:
            return None
    store_name = guess_store_name(data)
    sys.stdout.flush()
    sys.stderr.flush()
    fds = _opened(os.pipe, os.pipe,
                  lambda: (os.memfd_create("qntrack-plan") if hasattr(os, "memfd_create") else _unlinked_file(),))
    pid = _forked(fds)
    if pid is None:
        return None  # parsed here, as on one core
    ready_r, ready_w, message_r, message_w, answer = fds
    if pid == 0:  # the child: parse, answer, and leave without running the parent's exit code
        os.close(ready_r)
        os.close(message_w)
        _child(path, ready_w, answer, message_r, follow_up)
    os.close(ready_w)
    os.close(message_r)
    return PlanInBackground(path, store_name, pid, ready_r, answer, message_w)


def _opened(*makers: Callable[[], tuple[int, ...]]) -> list[int] | None:
    """The descriptors ``makers`` open (pipes, a memory file), or None, none left open,
    if one fails: out of descriptors (EMFILE, ENFILE) or memory on a loaded machine."""
    fds: list[int] = []
    try:
        for make in makers:
            fds += make()
    except OSError:
        _close_all(fds)
        return None
    return fds


def _forked(fds: list[int] | None) -> int | None:
    """``os.fork()`` for a child that will use ``fds``; None, with ``fds`` closed, if
    there are none or fork fails (EAGAIN: too many processes; ENOMEM).

    A second core is a speed-up, never a condition: with no child to be had the work is
    done in this process, the same as on one core, rather than stopping the command.
    """
    if fds is None:
        return None
    try:
        return os.fork()
    except OSError:
        _close_all(fds)
        return None


def _close_all(fds: list[int]) -> None:
    for fd in fds:
        os.close(fd)


def _unlinked_file() -> int:
    import tempfile

    fd, name = tempfile.mkstemp(prefix="qntrack-plan-")
    os.unlink(name)
    return fd


def _pickle_by_constructor() -> None:
    """In the child only: pickle each model class as a call of its constructor.

    By default a frozen dataclass with slots is restored field by field through
    dataclasses' own ``__setstate__``, a Python loop per object; its constructor does the
    same in generated code, and the plan unpickles in half the time (0.2 s against 0.1 s
    on a national plan). The parent needs nothing registered to read it.
    """
    import copyreg
    from dataclasses import fields, is_dataclass
    from operator import attrgetter

    from .plan import model
    from .plan.periods import Period

    def reducer(names: tuple[str, ...]):
        # attrgetter of several names gives their tuple from C: a third less pickling time
        # than a generator per object.
        values = attrgetter(*names) if len(names) > 1 else (lambda obj: tuple(getattr(obj, n) for n in names))
        return lambda obj: (type(obj), values(obj))

    for cls in (Period, *(getattr(model, name) for name in model.__all__)):
        if isinstance(cls, type) and is_dataclass(cls):
            copyreg.pickle(cls, reducer(tuple(f.name for f in fields(cls) if f.init)))


def _child(path: Path, ready: int, answer: int, message: int,
           follow_up: Callable[[Plan, bytes], bytes] | None) -> None:
    """In the forked child: parse, answer, do the follow-up, and exit without cleanup."""
    status = 1
    try:
        from .files.definitions import load_plan

        plan = None
        try:
            plan = load_plan(path)
            reply: tuple = ("plan", plan)
        except InputError as exc:
            reply = ("problems", (exc.problems, int(exc.code)))
        _pickle_by_constructor()
        payload = memoryview(pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL))
        while payload:
            payload = payload[os.write(answer, payload):]
        os.write(ready, b"P")
        status = 0
        if follow_up is not None and plan is not None:
            with os.fdopen(message, "rb") as pipe:
                head = pipe.read(8)
                text = pipe.read(int.from_bytes(head, "little")) if len(head) == 8 else b""
            if text:
                result = follow_up(plan, text)
                with os.fdopen(ready, "wb") as out:
                    out.write(len(result).to_bytes(8, "little"))
                    out.write(result)
    except BaseException:  # noqa: BLE001 - anything at all: the parent does the work itself
        pass
    finally:
        os._exit(status)
