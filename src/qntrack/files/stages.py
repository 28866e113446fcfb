"""How far a write got, for whoever wants to know: a listener set in a context variable.

The console sets one for each command, to say what an interrupted command left behind
(cli/app.py); a Python caller may set its own. A module of its own, light, so that every
command can listen without importing the store's code.
"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from ..catalog import Message

__all__ = ["APPEND_STAGE", "LOCK_WAIT", "WORK_STEP", "tell_if_held", "tell_step"]

# Told ("writing", store, rows) once an append's journal is durable, and ("added", store,
# rows) once its batch is whole and the journal gone, or ("undone", store, rows) once a
# batch cut short (a full disk, Ctrl-C) is cut back off (files/appending.py); ("moved",
# side file, line) once `check --repair` has set a torn last line aside (files/repair.py),
# and ("said", side file, line) once it has said so. None: nobody.
APPEND_STAGE: ContextVar[Callable[[str, Path, int], None] | None] = ContextVar("append_stage", default=None)


# Told (what is being done, the store it is done to) as a command reads a store and judges
# it: a national store's first `status` or `check` takes several seconds, which a terminal
# shows as a status line (cli/waiting.py) rather than as a command that seems to hang.
# None: nobody is told.
WORK_STEP: ContextVar[Callable[[Message, Path], None] | None] = ContextVar("work_step", default=None)


def tell_step(message: Message, store: Path) -> None:
    """Tell ``WORK_STEP``'s listener, if any, what is being done to ``store``."""
    tell = WORK_STEP.get()
    if tell is not None:
        tell(message, store)


# The signals a command acts on by undoing what it began (cli._stop_on_sigterm, and
# Python's own SIGINT): held back while a batch is committed (files/appending.py).
_HELD = ("SIGINT", "SIGTERM", "SIGHUP")


def hold_signals() -> object:
    """Hold back Ctrl-C, SIGTERM and SIGHUP until ``let_signals_go``: one met while a synced
    batch's journal is removed would leave the journal of a whole batch (every command
    refused the store, and `check --repair` took the batch out again), or say of recorded
    rows that they may not be. Held, it is acted on once the batch is said to be added.
    The mask it replaced, or None where there is none to set (Windows, another thread)."""
    import signal
    import threading

    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        return None
    held = {getattr(signal, name) for name in _HELD if hasattr(signal, name)}
    return signal.pthread_sigmask(signal.SIG_BLOCK, held)


def let_signals_go(before: object) -> None:
    """Put back the mask ``hold_signals`` replaced: a signal held meanwhile is acted on now."""
    if before is not None:
        import signal

        signal.pthread_sigmask(signal.SIG_SETMASK, before)  # type: ignore[arg-type]


# Told (the lock file, the seconds it will wait at most) when a writer finds the store's
# lock held by another process and begins to wait for it (files/appending.store_lock):
# the console says so on a terminal, where 30 s of nothing looked hung. None: nobody.
LOCK_WAIT: ContextVar[Callable[[str, float], None] | None] = ContextVar("lock_wait", default=None)


def tell_if_held(lock: str, timeout: float) -> None:
    """Tell ``LOCK_WAIT``'s listener, if any, that ``lock`` is held by another process and
    the writer will wait up to ``timeout`` seconds. A probe of its own, taken and let go at
    once; anything it meets (a lock file it may not open) is the writer's to say."""
    tell = LOCK_WAIT.get()
    if tell is None or timeout == 0:
        return
    from filelock import FileLock, Timeout

    probe = FileLock(lock, timeout=0)
    try:
        probe.acquire()
    except Timeout:
        tell(lock, timeout)
        return
    except OSError:
        return
    probe.release()
