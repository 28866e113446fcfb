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
