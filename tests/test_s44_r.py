"""Session 44, helper R: this session's journal changes (pass C's `end` line and held
signals, pass S's writer lines) tried hostilely (issue 17)."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import run_clean, store_bytes

BATCH = b"share,2025,13,estimate,s,,2026-01-05T00:00:00Z\nshare,20"
JOURNAL = "observations.csv.pending"


def _journal(tracker: Path, host: str, pid: int, began: str) -> bytes:
    """A batch of 2 rows half-written after the store's bytes, its journal as this build
    writes one, naming ``host``, ``pid`` and ``began``; the store's bytes before it."""
    path = tracker / "observations.csv"
    before = path.read_bytes()
    end = hashlib.sha256(before[-4096:]).hexdigest()
    text = f"qntrack append journal 1\nsize {len(before)}\nrows 2\nend {end}\nhost {host}\npid {pid}\nbegan {began}\n"
    (tracker / JOURNAL).write_bytes(text.encode("utf-8"))
    with path.open("ab") as fh:
        fh.write(BATCH)
    return before


def _utc(seconds: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def test_a_crashed_writers_pid_now_another_process_here_is_an_interrupted_batch(tracker: Path):
    # The writer crashed an hour ago; its pid is now a process that began after the batch
    # did (a container restarted, pids handed out again). It was told "locks do not work
    # in this folder" and "'ps -p N' shows whether it still runs", which it always did:
    # the officer waited for an import that no longer existed, or forced blind.
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        before = _journal(tracker, socket.gethostname(), other.pid, _utc(time.time() - 3600))
        r = run_clean("status")
        assert r.exit_code == 1
        assert r.stderr == (
            "observations.csv: error: a batch of 2 row(s) was interrupted before it was complete (the rows "
            "before it are intact); run 'qntrack check --repair' to set it aside\n"
        )
        r = run_clean("check", "--repair")
        assert r.exit_code == 0, r.stderr
        assert store_bytes(tracker) == before and not (tracker / JOURNAL).exists()
    finally:
        other.kill()
        other.wait()


def test_a_process_here_that_began_before_the_batch_still_writes_it(tracker: Path):
    # This test's own process began before the batch's moment: it may be the writer.
    before = _journal(tracker, socket.gethostname(), os.getpid(), _utc(time.time() + 1))
    r = run_clean("check", "--repair")
    assert r.exit_code == 1 and "nothing was set aside" in r.stderr
    assert store_bytes(tracker) == before + BATCH and (tracker / JOURNAL).exists()


@pytest.mark.parametrize(
    "name",
    [
        "pc\udcff07",  # a byte that is not UTF-8 (Python's surrogate escape of os.uname)
        "máy-tính-ủy-ban-" + "ệ" * 120,  # over 255 bytes, cut inside a letter
        "pc 07\tphòng\nKH",  # blanks and controls
    ],
)
def test_any_computer_name_is_written_read_back_and_known_as_this_one(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, name: str
):
    # A computer whose name was set with bytes that are not UTF-8 (hostname(1) takes any)
    # made every append end in a UnicodeEncodeError traceback, nothing added.
    from qntrack.files import journal_owner
    from qntrack.files.journal import journal_text, read_pending

    monkeypatch.setattr(journal_owner, "this_host", lambda: name)
    path = tracker / "observations.csv"
    text = journal_text(path, path.stat().st_size, 1)
    (tracker / JOURNAL).write_bytes(text)
    pending = read_pending(path)
    assert pending is not None and pending.pid == os.getpid()
    assert len(pending.host.encode("utf-8")) <= 255 and "\udcff" not in pending.host
    assert journal_owner.owner(pending) == "here"
    (tracker / JOURNAL).unlink()
    r = run_clean("add-observation", "share", "2025", "12")
    assert r.exit_code == 0, r.stderr
    assert store_bytes(tracker).endswith(b"\n") and b"share,2025,12," in store_bytes(tracker)
    assert not (tracker / JOURNAL).exists()


def test_a_batch_another_computer_writes_is_refused_as_that_even_where_no_lock_can_be_taken(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
):
    # The share mounted read-only here while pc07 writes to it: the repair took the lock
    # first, failed, and said "cannot set the interrupted batch aside: Read-only file
    # system: copy the tracker to a folder on a writable disk", of a batch pc07 may still
    # be writing: copied, it would be cut there as interrupted.
    import errno

    from qntrack.files import repair

    def read_only(path: Path, not_done: object = None) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path) + ".lock")

    monkeypatch.setattr(repair, "store_lock", read_only)
    before = _journal(tracker, "pc07", 4242, "2026-12-07T08:30:05Z")
    r = run_clean("check", "--repair")
    assert r.exit_code == 1 and r.stderr.count("\n") == 1, r.stderr
    assert "by qntrack on the computer 'pc07' (process 4242)" in r.stderr and "nothing was set aside" in r.stderr
    assert "Read-only" not in r.stderr
    assert store_bytes(tracker) == before + BATCH and (tracker / JOURNAL).exists()
    r = run_clean("check", "--repair", "--force")
    assert r.exit_code == 1 and "Read-only file system" in r.stderr and "was left as it was" in r.stderr


# `qntrack add-observation` sent the signals named in argv[1] together just after its
# batch is synced, while they are held: all are let go at once.
SIGNALS_HELD = r"""
import os, signal, sys

real_unlink, names = os.unlink, sys.argv[1].split(",")

def fake_unlink(path, *a, **k):
    real_unlink(path, *a, **k)
    if str(path).endswith(".pending"):
        for s in names:
            os.kill(os.getpid(), getattr(signal, s))

os.unlink = fake_unlink
sys.argv = ["qntrack", "add-observation", "share", "2025", "14", "--recorded-at", "2026-03-01"]
from qntrack.cli import main
main()
"""


@pytest.mark.parametrize(
    ("signals", "code", "said"),
    [
        ("SIGHUP,SIGINT,SIGTERM", 129, "stopped (SIGHUP: the terminal or the connection closed)"),
        ("SIGINT,SIGTERM", 130, "interrupted (Ctrl-C)"),
    ],
)
def test_signals_held_together_are_let_go_without_a_traceback(tracker: Path, signals: str, code: int, said: str):
    # The first one acted on set the others' handlers to "ignore" while they were already
    # caught: Python then printed "Exception ignored ... Traceback ... OSError: Signal 15
    # ignored due to race condition"; and the next one's exception, raised while the first
    # was being told, said "interrupted (Ctrl-C)" alone (exit 130), or "stopped (SIGTERM)"
    # (exit 143), of a command whose row was recorded.
    before = store_bytes(tracker)
    done = subprocess.run(
        [sys.executable, "-c", SIGNALS_HELD, signals], cwd=tracker, capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in done.stderr and "ignored" not in done.stderr, done.stderr
    assert done.returncode == code, done.stderr
    assert done.stderr == f"{said} after 1 row(s) were added to observations.csv: they are recorded\n"
    assert store_bytes(tracker).startswith(before) and store_bytes(tracker).count(b"\n") == before.count(b"\n") + 1
    assert not (tracker / JOURNAL).exists()


def test_a_writer_killed_and_not_yet_reaped_here_is_an_interrupted_batch(tracker: Path):
    # An import run by a program that has not yet waited for it (a scheduler, a notebook's
    # subprocess) and killed (the OOM killer, SIGKILL) stays a zombie: signal 0 still
    # finds its pid, and the batch was told as running, "ps -p" showing it "<defunct>".
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        while open(f"/proc/{child.pid}/stat", "rb").read().rpartition(b")")[2].split()[0] != b"Z":
            time.sleep(0.01)
        before = _journal(tracker, socket.gethostname(), child.pid, _utc(time.time() + 1))
        r = run_clean("check", "--repair")
        assert r.exit_code == 0, r.stderr
        assert store_bytes(tracker) == before and not (tracker / JOURNAL).exists()
    finally:
        child.wait()
