"""Who writes a batch whose journal is met with no lock held, and what that means (issue 17,
forty-fourth session, pass S).

A data folder on a network share mounted without working locks (SMB ``nobrl``, NFS
``local_lock=all``) hides one computer's lock from another: a batch being imported on
computer A looked to computer B like one a crash had interrupted, and B's ``check
--repair`` cut it while A went on writing, after the cut, with no journal. The journal
therefore ends with the writer's computer, process and start (``writer_lines``), and a
journal met with no lock held is judged by them (``owner``):

- written on another computer: it may still be running there; only its officer knows;
- written here by a process still alive: it is running, and locks do not work here;
- written here by a process that has ended, or before the writer was recorded: a crash
  interrupted it, as every journal without a held lock was taken to be before.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..catalog import Message
    from .journal import Pending

__all__ = ["owned", "owner", "this_host", "this_process", "writer_lines"]

Owner = Literal["gone", "here", "elsewhere"]


def this_host() -> str:
    """This computer's name as ``socket.gethostname()`` gives it. Where ``os.uname`` is
    (POSIX), its node name, the same name, read without importing ``socket`` into every
    append (docs/performance.md: the import's hot path)."""
    uname = getattr(os, "uname", None)
    if uname is not None:
        return str(uname().nodename)
    import socket

    return socket.gethostname()


def _host_line(name: str) -> str:
    """A computer's name as a journal line holds it: on one line, within 255 bytes of UTF-8.
    A byte of the name that is not UTF-8 (``os.uname`` gives it as a lone surrogate; a
    name is any bytes to the kernel) is ``?``: it made every append a traceback."""
    clean = "".join("?" if ord(c) < 0x20 or ord(c) == 0x7F else c for c in name) or "?"
    return clean.encode("utf-8", "replace")[:255].decode("utf-8", "ignore") or "?"


def writer_lines() -> bytes:
    """The journal's lines after ``end``: the computer, the process and the moment (UTC)."""
    began = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    return f"host {_host_line(this_host())}\npid {os.getpid()}\nbegan {began}\n".encode("utf-8")


def this_process(pending: Pending) -> bool:
    """Whether this process wrote the journal ``pending`` (its computer and process): one a
    batch's start left when Ctrl-C came just after its link, which undoing it removes."""
    host = (pending.host or "").casefold()
    return pending.pid == os.getpid() and host == _host_line(this_host()).casefold()


def _alive(pid: int) -> bool:
    """Whether a process ``pid`` runs on this computer. Where signal 0 cannot be sent to
    look (Windows, where ``os.kill(pid, 0)`` would send Ctrl-C), False: the lock, which
    works on Windows shares, is the judge there, as before."""
    if os.name == "nt" or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive
    except OSError:
        return False
    return True


def owner(pending: Pending) -> Owner:
    """Who may still be writing the batch of a journal no lock is held for."""
    if pending.host is None or pending.pid is None:
        return "gone"  # an earlier build's journal: interrupted, as it was always taken to be
    if pending.host.casefold() != _host_line(this_host()).casefold():
        return "elsewhere"
    return "here" if _alive(pending.pid) and not _not_the_writer(pending.pid, pending.began) else "gone"


def _not_the_writer(pid: int, began: str | None) -> bool:
    """Whether process ``pid`` here, which signal 0 finds, cannot be writing the batch: it
    has ended and waits to be reaped (a zombie: killed, its parent not yet told), or it
    began after the batch did (a crashed writer's pid handed to another process: a
    container restarted, pids wrapped). Read from Linux's /proc (the process's state and
    its ticks since the boot, the boot's moment); where there is none, or it does not
    read, False: the pid alone decides, as before. Two seconds' grace: ``began`` and the
    boot's moment are both whole seconds."""
    import calendar

    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rpartition(b")")[2].split()
        if fields[0] in (b"Z", b"X"):  # the 3rd field, its state: a zombie, or dead
            return True
        ticks = int(fields[19])  # the 22nd field, starttime
        with open("/proc/stat", "rb") as fh:
            boot = next(int(line.split()[1]) for line in fh if line.startswith(b"btime "))
        started = boot + ticks / os.sysconf("SC_CLK_TCK")
        when = calendar.timegm(time.strptime(began or "", "%Y-%m-%dT%H:%M:%SZ"))
    except (OSError, ValueError, IndexError, StopIteration):
        return False
    return started > when + 2


def _began(pending: Pending) -> str:
    """``2026-12-07T08:30:05Z`` as a message says it: ``2026-12-07 08:30:05 UTC``."""
    began = pending.began or ""
    return began[:10] + " " + began[11:19] + " UTC"


def owned(pending: Pending) -> Message | None:
    """What a batch still perhaps being written is ("a batch of 2 row(s) is being added
    ... on the computer 'pc07' ..."); None when it was interrupted (``owner``: gone)."""
    from ..catalog import msg

    who = owner(pending)
    if who == "gone":
        return None
    key = "store_batch_elsewhere" if who == "elsewhere" else "store_batch_here_live"
    return msg(key, rows=pending.rows, host=pending.host, pid=str(pending.pid), began=_began(pending))


def where(pending: Pending) -> Message:
    """Where to look for the writer of an owned batch before forcing its repair."""
    from ..catalog import msg

    if owner(pending) == "elsewhere":
        return msg("journal_where_elsewhere", host=pending.host, pid=str(pending.pid))
    return msg("journal_where_here", pid=str(pending.pid))
