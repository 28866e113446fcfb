"""Session 44, helper S: a data folder on a network share whose file locks are not seen
across computers (SMB mounted 'nobrl', NFS 'local_lock=all'; issue 17). A batch being
imported on one computer was told to another as "interrupted; run check --repair", and
that repair cut the live batch, whose later rows then landed after the cut with no journal.
The journal now says who writes it (host, process, since when), and the repair refuses a
batch another computer, or a process still running here, may still be writing."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from helpers import run, run_clean, store_bytes

BATCH = b"share,2025,13,estimate,s,,2026-01-05T00:00:00Z\nshare,20"
OTHER = "ubnd-qn-pc07"  # another computer sharing the folder
JOURNAL = "observations.csv.pending"


def _journal(tracker: Path, who: str = "") -> bytes:
    """A batch of 2 rows half-written after the store's bytes, with its journal written by
    hand as this build writes one: size, rows, the SHA-256 of the committed end, then
    ``who`` (the writer's lines, or none: a journal of this session's earlier build)."""
    path = tracker / "observations.csv"
    before = path.read_bytes()
    end = hashlib.sha256(before[-4096:]).hexdigest()
    text = f"qntrack append journal 1\nsize {len(before)}\nrows 2\nend {end}\n{who}"
    (tracker / JOURNAL).write_bytes(text.encode("utf-8"))
    with path.open("ab") as fh:
        fh.write(BATCH)
    return before


def _who(host: str, pid: int) -> str:
    return f"host {host}\npid {pid}\nbegan 2026-12-07T08:30:05Z\n"


def _dead_pid() -> int:
    """The process id of a child that has finished (and been reaped): no process has it."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(child.stdout)


def _side_files(tracker: Path) -> list[str]:
    return sorted(p.name for p in tracker.iterdir() if ".interrupted-" in p.name)


def test_the_journal_says_which_computer_and_process_writes_the_batch_and_since_when(tracker: Path):
    from qntrack.files.journal import journal_text, read_pending

    path = tracker / "observations.csv"
    data = path.read_bytes()
    before = datetime.now(timezone.utc).replace(microsecond=0)
    text = journal_text(path, len(data), 3)
    after = datetime.now(timezone.utc)
    lines = text.decode("utf-8").split("\n")
    # The lines an earlier build wrote come first, unchanged; the writer's after 'end'.
    assert lines[:4] == [
        "qntrack append journal 1",
        f"size {len(data)}",
        "rows 3",
        f"end {hashlib.sha256(data[-4096:]).hexdigest()}",
    ]
    assert lines[4:6] == [f"host {socket.gethostname()}", f"pid {os.getpid()}"]
    began = datetime.strptime(lines[6], "began %Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    assert before <= began <= after and lines[7:] == [""]
    # ...and this build reads it back.
    (tracker / JOURNAL).write_bytes(text)
    pending = read_pending(path)
    assert pending is not None and (pending.size, pending.rows) == (len(data), 3)
    assert (pending.host, pending.pid, pending.began) == (socket.gethostname(), os.getpid(), lines[6][6:])


@pytest.mark.parametrize(
    "who",
    ["", "size-only", _who(OTHER, 4242)],
    ids=["with-end", "before-end", "with-writer"],
)
def test_journals_of_every_build_are_read(tracker: Path, who: str):
    from qntrack.files.journal import read_pending

    path = tracker / "observations.csv"
    if who == "size-only":
        (tracker / JOURNAL).write_bytes(b"qntrack append journal 1\nsize 120\nrows 7\n")
        expected = (120, 7, None, None, None, None)
    else:
        before = _journal(tracker, who)
        end = hashlib.sha256(before[-4096:]).hexdigest()
        writer = (OTHER, 4242, "2026-12-07T08:30:05Z") if who else (None, None, None)
        expected = (len(before), 2, end, *writer)
    p = read_pending(path)
    assert p is not None and (p.size, p.rows, p.end, p.host, p.pid, p.began) == expected


def test_a_batch_another_computer_writes_is_said_as_that_and_not_as_interrupted(tracker: Path):
    written = _journal(tracker, _who(OTHER, 4242)) + BATCH
    r = run_clean("status")
    assert r.exit_code == 1 and r.stderr.count("\n") == 1, r.stderr
    assert r.stderr == (
        "observations.csv: error: a batch of 2 row(s) is being added to this file (or was, if it was "
        f"interrupted) by qntrack on the computer '{OTHER}' (process 4242) since 2026-12-07 08:30:05 UTC; "
        "the file was not read (the rows before it are intact): wait for that import to finish, then run "
        "this command again; if it is no longer running, run 'qntrack check --repair --force' to set the "
        "batch aside\n"
    )
    r = run_clean("add-observation", "share", "2026", "14")
    assert r.exit_code == 1 and f"on the computer '{OTHER}' (process 4242)" in r.stderr
    assert "; nothing was added (the rows before it are intact)" in r.stderr
    r = run_clean("check")
    assert r.exit_code == 1
    assert (
        "a batch of 2 row(s) is being added to this file (or was, if it was interrupted) by qntrack on the "
        f"computer '{OTHER}' (process 4242) since 2026-12-07 08:30:05 UTC; the rows before it were checked; "
        "if that import is no longer running, run 'qntrack check --repair --force' to set the batch aside"
    ) in r.stdout + r.stderr
    assert store_bytes(tracker) == written and (tracker / JOURNAL).exists()


def test_the_repair_refuses_a_batch_another_computer_may_still_be_writing_unless_forced(tracker: Path):
    # The repair cut the live batch at the journal's size and removed its journal; the
    # import on the other computer went on writing, after the cut, with no journal.
    before = _journal(tracker, _who(OTHER, 4242))
    written = before + BATCH
    r = run_clean("check", "--repair")
    assert r.exit_code == 1 and r.stderr.count("\n") == 1, r.stderr
    assert r.stderr == (
        "observations.csv: error: a batch of 2 row(s) is being added to this file (or was, if it was "
        f"interrupted) by qntrack on the computer '{OTHER}' (process 4242) since 2026-12-07 08:30:05 UTC; "
        "nothing was set aside: cut now, the file would lose the rows that import is still writing, and "
        "those it writes after would stand in it with no journal; first make sure it is no longer running "
        f"(on '{OTHER}', process 4242), then run 'qntrack check --repair --force'\n"
    )
    assert store_bytes(tracker) == written and (tracker / JOURNAL).exists() and _side_files(tracker) == []
    r = run_clean("check", "--repair", "--force")
    assert r.exit_code == 0, r.stderr
    assert store_bytes(tracker) == before and not (tracker / JOURNAL).exists()
    [side] = _side_files(tracker)
    assert (tracker / side).read_bytes() == BATCH


def test_a_running_process_here_with_no_lock_held_says_locks_do_not_work(tracker: Path):
    # This test's own process: alive, and holding no lock on the store. The batch began
    # after it did, as a writer's does (one that began before the process is not its:
    # tests/test_s44_r.py).
    pid = os.getpid()
    began = time.gmtime(time.time() + 1)
    who = f"host {socket.gethostname()}\npid {pid}\nbegan {time.strftime('%Y-%m-%dT%H:%M:%SZ', began)}\n"
    before = _journal(tracker, who)
    r = run_clean("status")
    assert r.exit_code == 1 and r.stderr.count("\n") == 1, r.stderr
    assert r.stderr.startswith(
        f"observations.csv: error: a batch of 2 row(s) is being added to this file by qntrack, process {pid} "
        f"on this computer, since {time.strftime('%Y-%m-%d %H:%M:%S', began)} UTC, yet no lock is seen held on it: file locks do not "
        "work in this folder (a network share mounted without them, such as SMB 'nobrl' or NFS "
        "'local_lock=all'), so two computers writing to it at once could mix their rows; "
    )
    r = run_clean("check", "--repair")
    assert r.exit_code == 1 and f"(process {pid} on this computer: 'ps -p {pid}' shows" in r.stderr
    assert store_bytes(tracker) == before + BATCH and (tracker / JOURNAL).exists()
    r = run_clean("check", "--repair", "--force")
    assert r.exit_code == 0 and store_bytes(tracker) == before


def test_a_process_here_that_has_ended_left_an_interrupted_batch_as_before(tracker: Path):
    before = _journal(tracker, _who(socket.gethostname(), _dead_pid()))
    r = run_clean("status")
    assert r.exit_code == 1
    assert r.stderr == (
        "observations.csv: error: a batch of 2 row(s) was interrupted before it was complete (the rows "
        "before it are intact); run 'qntrack check --repair' to set it aside\n"
    )
    r = run_clean("check", "--repair")
    assert r.exit_code == 0 and store_bytes(tracker) == before and not (tracker / JOURNAL).exists()


def test_a_journal_of_an_earlier_build_is_repaired_as_before(tracker: Path):
    before = _journal(tracker)
    r = run_clean("check", "--repair")
    assert r.exit_code == 0 and store_bytes(tracker) == before and not (tracker / JOURNAL).exists()


def test_the_vietnamese_words_of_a_batch_on_another_computer(tracker: Path):
    _journal(tracker, _who(OTHER, 4242))
    r = run_clean("--lang", "vi", "check", "--repair")
    assert r.exit_code == 1 and r.stderr.count("\n") == 1
    assert f"qntrack trên máy '{OTHER}' (tiến trình 4242)" in r.stderr
    assert "chưa tách gì ra" in r.stderr and "'qntrack check --repair --force'" in r.stderr


def test_force_is_used_only_with_repair(tracker: Path):
    r = run_clean("check", "--force")
    assert r.exit_code == 2 and "--force is used only with --repair" in r.stderr


def test_a_python_caller_meets_the_same_code_as_the_command(tracker: Path):
    import qntrack

    _journal(tracker, _who(OTHER, 4242))
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.status()
    assert caught.value.code == run("status").exit_code == 1
    assert f"on the computer '{OTHER}'" in str(caught.value)


# `qntrack add-observation --from FILE` paused once two 16 KiB chunks of its batch are in
# the store, until the file named second appears; then it finishes its batch.
PAUSED_UNTIL_GO = r"""
import os, sys, time
from pathlib import Path

import qntrack.files.appending

qntrack.files.appending._WRITE = 1 << 14
paused, go = Path(sys.argv[1]), Path(sys.argv[2])
real = os.write
chunks = []

def write(fd, data):
    n = real(fd, data)
    if len(data) >= 1 << 13:
        chunks.append(n)
        if len(chunks) == 2:
            paused.touch()
            while not go.exists():
                time.sleep(0.01)
    return n

os.write = write
sys.argv = ["qntrack", "add-observation", "--from", sys.argv[3]]
from qntrack.cli import main
main()
"""


def test_a_live_import_where_locks_are_not_seen_is_not_cut_and_finishes_whole(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
):
    # The session's case itself: an import is writing its batch while another qntrack,
    # to which its lock is invisible (a share mounted 'nobrl'), meets the journal. It was
    # told "interrupted; run check --repair", and the repair cut the live batch.
    import fcntl

    rows = "".join(
        f"share,{1950 + i % 280 // 4}-Q{i % 4 + 1},{i}.5,estimate,bulk source,note {i},2026-02-{1 + i // 1440:02}T{i // 60 % 24:02}:{i % 60:02}:00Z\n"
        for i in range(2_000)
    )
    (tracker / "big.csv").write_text("indicator,period,value,status,source,note,recorded_at\n" + rows, encoding="utf-8")
    before = store_bytes(tracker)
    paused, go = tracker / "paused", tracker / "go"
    script = [sys.executable, "-c", PAUSED_UNTIL_GO, str(paused), str(go), "big.csv"]
    said = (tracker / "writer.err").open("w")  # a file, not a pipe that a long message would fill
    writer = subprocess.Popen(script, cwd=tracker, stdin=subprocess.DEVNULL, stderr=said)
    try:
        while not paused.exists() and writer.poll() is None:
            time.sleep(0.02)
        assert paused.exists() and (tracker / JOURNAL).exists(), (tracker / "writer.err").read_text()
        written = store_bytes(tracker)
        # From here on the writer's lock is not seen, as on such a share.
        monkeypatch.setattr(fcntl, "flock", lambda fd, op: None)
        r = run_clean("status")
        assert r.exit_code == 1 and f"by qntrack, process {writer.pid} on this computer, since " in r.stderr
        assert "file locks do not work in this folder" in r.stderr
        r = run_clean("check", "--repair")
        assert r.exit_code == 1 and "nothing was set aside" in r.stderr
        assert store_bytes(tracker) == written and (tracker / JOURNAL).exists() and _side_files(tracker) == []
    finally:
        go.touch()
        writer.wait(timeout=120)
        said.close()
    assert writer.returncode == 0, (tracker / "writer.err").read_text()
    monkeypatch.undo()
    assert not (tracker / JOURNAL).exists() and _side_files(tracker) == []
    whole = store_bytes(tracker)
    assert whole.startswith(before) and whole[len(before) :].count(b"\n") == 2_000
    assert run_clean("status").exit_code == 0


def test_an_import_whose_journal_was_moved_away_meanwhile_says_its_rows_were_added(tracker: Path):
    # An earlier build on another computer calls this build's journal one qntrack did not
    # write, "move it away"; moved while the batch was written, the import's removal of it
    # failed once its rows were in and synced, and it said "nothing was added".
    rows = "".join(
        f"share,{1850 + i // 4}-Q{i % 4 + 1},{i}.5,estimate,s,,2026-02-01T00:{i // 60:02}:{i % 60:02}Z\n"
        for i in range(600)
    )
    (tracker / "big.csv").write_text("indicator,period,value,status,source,note,recorded_at\n" + rows, encoding="utf-8")
    before = store_bytes(tracker)
    paused, go = tracker / "paused", tracker / "go"
    said = (tracker / "writer.err").open("w")
    script = [sys.executable, "-c", PAUSED_UNTIL_GO, str(paused), str(go), "big.csv"]
    writer = subprocess.Popen(script, cwd=tracker, stdin=subprocess.DEVNULL, stderr=said)
    try:
        while not paused.exists() and writer.poll() is None:
            time.sleep(0.02)
        assert paused.exists(), (tracker / "writer.err").read_text()
        (tracker / JOURNAL).rename(tracker / "moved-away")
    finally:
        go.touch()
        writer.wait(timeout=120)
        said.close()
    err = (tracker / "writer.err").read_text()
    assert writer.returncode == 0 and "nothing was added" not in err, err
    assert store_bytes(tracker) == before + rows.encode()
