"""Session 44, helper C: two officers sharing one data folder, and an unlucky machine
(issue 17). Imports killed mid-write, the store re-saved by another program before the
repair, a repair that meets a full or read-only disk."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from helpers import run, store_bytes

# `qntrack add-observation --from FILE` killed (no clean-up at all, as SIGKILL or a power
# cut leaves it) once two 16 KiB chunks of its batch are in the store.
KILLED_IMPORT = r"""
import os, sys

import qntrack.files.appending

qntrack.files.appending._WRITE = 1 << 14
real = os.write
chunks = []

def write(fd, data):
    n = real(fd, data)
    if len(data) >= 1 << 13:
        chunks.append(n)
        if len(chunks) == 2:
            os._exit(137)
    return n

os.write = write
sys.argv = ["qntrack", "add-observation", "--from", sys.argv[1]]
from qntrack.cli import main
main()
"""

HEADER = "indicator,period,value,status,source,note,recorded_at\n"


def _batch_rows(count: int = 2_000) -> str:
    start = datetime(2026, 2, 1)
    return "".join(
        f"share,{1950 + i % 280 // 4}-Q{i % 4 + 1},{i}.5,estimate,bulk source {i % 7},note {i},"
        f"{start + timedelta(seconds=i):%Y-%m-%dT%H:%M:%SZ}\n"
        for i in range(count)
    )


def _killed_import(tracker: Path) -> tuple[bytes, str]:
    """The store before, and the rows of an import killed part-way through its batch."""
    rows = _batch_rows()
    (tracker / "big.csv").write_text(HEADER + rows, encoding="utf-8")
    before = store_bytes(tracker)
    done = subprocess.run([sys.executable, "-c", KILLED_IMPORT, "big.csv"], cwd=tracker, timeout=120)
    assert done.returncode == 137
    assert (tracker / "observations.csv.pending").exists()
    written = store_bytes(tracker)
    assert written.startswith(before) and len(before) + (1 << 15) <= len(written) < len(before) + len(rows)
    return before, rows


def _rows(data: bytes) -> list[tuple[str, ...]]:
    text = data.decode("utf-8-sig").replace("\r\n", "\n")
    return [tuple(r) for r in csv.reader(io.StringIO(text))][1:]


def _side_files(tracker: Path) -> list[str]:
    return sorted(p.name for p in tracker.iterdir() if ".interrupted-" in p.name or ".torn-" in p.name)


def test_a_store_saved_again_after_an_interrupted_batch_is_not_cut_at_the_old_size(tracker: Path):
    # An import is killed mid-batch; before anyone repairs it, the store is opened and saved
    # again by a program that rewrites the whole file (Notepad or Excel: a byte-order mark,
    # CRLF line ends), so every byte moves. `check --repair` cut it back at the size the
    # journal recorded, now inside the committed rows: with the 7 rows of this store, the
    # 3 bytes of the mark and 1 byte a line moved the cut 11 bytes before the last committed
    # row's end, into that row, which went to the side files with the batch, and the
    # repair said "the store is back to its committed bytes; add the batch again", which
    # never brings that row back.
    before, rows = _killed_import(tracker)
    path = tracker / "observations.csv"
    committed = _rows(before)
    resaved = b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(resaved)
    r = run("check", "--repair")
    assert r.exit_code == 1
    journal = "observations.csv.pending"
    assert r.stderr.startswith(
        "observations.csv: error: the file was changed after a batch of 2,000 row(s) was interrupted "
        "(saved again by another program?), so where its committed rows end is no longer known; "
        "nothing was changed"
    ), r.stderr
    assert f"delete {journal}" in r.stderr and r.stderr.count("\n") == 1
    assert store_bytes(tracker) == resaved  # byte for byte
    assert (tracker / journal).exists() and _side_files(tracker) == []
    # The recovery it names works: the journal deleted, the torn last line moved aside, the
    # batch added again; every committed row is there once, and every row of the batch.
    (tracker / journal).unlink()
    repaired = run("check", "--repair")
    assert repaired.exit_code == 0, repaired.stderr
    assert "moved the incomplete line" in repaired.stderr
    assert run("add-observation", "--from", "big.csv").exit_code == 0
    final = _rows(store_bytes(tracker))
    assert len(final) == len(set(final)) == len(committed) + 2_000
    assert set(committed) | set(_rows((HEADER + rows).encode())) == set(final)
    assert run("check").exit_code == 0


@pytest.mark.parametrize("edit", ["a row deleted", "cut shorter than the committed rows"])
def test_a_store_edited_by_hand_after_an_interrupted_batch_is_not_cut_at_the_old_size(tracker: Path, edit: str):
    # The same, with the store edited by hand after the crash. A committed row deleted
    # moved the cut into the batch: its first whole rows were kept as if committed (all or
    # nothing, broken) while the repair said to add the batch again. A store cut shorter
    # than the committed rows was said to be "back to its committed bytes", the batch to
    # have "written nothing".
    before, _ = _killed_import(tracker)
    path = tracker / "observations.csv"
    lines = path.read_bytes().split(b"\n")
    del lines[1]  # the first row
    edited = b"\n".join(lines) if edit == "a row deleted" else before[:-40]
    path.write_bytes(edited)
    r = run("check", "--repair")
    assert r.exit_code == 1
    assert "the file was changed after a batch of 2,000 row(s) was interrupted" in r.stderr
    assert store_bytes(tracker) == edited and _side_files(tracker) == []
    assert (tracker / "observations.csv.pending").exists()


def test_a_batch_interrupted_in_a_store_left_as_it_was_still_rolls_back(tracker: Path):
    # The check made before the cut never refuses the store a crash left untouched.
    before, _ = _killed_import(tracker)
    written = store_bytes(tracker)
    r = run("check", "--repair")
    assert r.exit_code == 0, r.stderr
    assert store_bytes(tracker) == before
    side = [p for p in (tracker).iterdir() if ".interrupted-" in p.name]
    assert len(side) == 1 and side[0].read_bytes() == written[len(before) :]


def _interrupted_batch(tracker: Path) -> bytes:
    """The store with a batch of 2 rows its writer was killed writing, and its journal as
    the writer makes it; the store's bytes. The journal names its writer (pass S): made
    here, it names this test's process, alive, so it is given a finished child's pid."""
    from qntrack.files.journal import journal_text, pending_path

    path = tracker / "observations.csv"
    size = len(store_bytes(tracker))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    text = journal_text(path, size, 2).replace(
        f"\npid {os.getpid()}\n".encode(), f"\npid {int(dead.stdout)}\n".encode()
    )
    pending_path(path).write_bytes(text)
    with path.open("ab") as fh:
        fh.write(b"share,2025,13,estimate,s,,2026-01-05T00:00:00Z\nshare,20")
    return store_bytes(tracker)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_full_disk_during_a_roll_back_says_what_to_do_and_what_was_left(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    # A batch's bytes are copied to a side file before the store is cut: on a full disk
    # that copy fails. The repair said only "cannot set the interrupted batch aside: No
    # space left on device", neither what to do nor that the store was left as it was,
    # where a torn line's repair says both.
    from test_os_errors import full_disk

    written = _interrupted_batch(tracker)
    full_disk(monkeypatch, allowed=5)
    r = run("--lang", lang, "check", "--repair")
    assert r.exit_code == 1 and r.stderr.count("\n") == 1, r.stderr
    expected = {
        "en": (
            "observations.csv: error: cannot set the interrupted batch aside: No space left on device: "
            "free some space on the disk and try again; observations.csv was left as it was\n"
        ),
        "vi": (
            "observations.csv: lỗi: không thể tách riêng lô bị gián đoạn: ổ đĩa đã hết chỗ trống (ENOSPC): "
            "hãy giải phóng bớt dung lượng ổ đĩa rồi thử lại; observations.csv vẫn được giữ nguyên\n"
        ),
    }
    assert r.stderr == expected[lang]
    assert store_bytes(tracker) == written and _side_files(tracker) == []
    assert (tracker / "observations.csv.pending").exists()


# `qntrack add-observation` sent SIGTERM at one moment of its commit, right after the batch
# is synced: as the store's file is closed ("close") or as the journal is removed ("unlink").
SIGNALLED_ADD = r"""
import os, signal, sys

where = sys.argv[1]
real_open, real_close, real_unlink = os.open, os.close, os.unlink
store = []

def fake_open(path, flags, *a, **k):
    fd = real_open(path, flags, *a, **k)
    if str(path).endswith("observations.csv") and flags & os.O_APPEND:
        store.append(fd)
    return fd

def fake_close(fd):
    real_close(fd)
    if where == "close" and fd in store:
        store.remove(fd)
        os.kill(os.getpid(), signal.SIGTERM)

def fake_unlink(path, *a, **k):
    real_unlink(path, *a, **k)
    if where == "unlink" and str(path).endswith(".pending"):
        os.kill(os.getpid(), signal.SIGTERM)

os.open, os.close, os.unlink = fake_open, fake_close, fake_unlink
sys.argv = ["qntrack", "add-observation", "share", "2025", "14", "--recorded-at", "2026-03-01"]
from qntrack.cli import main
main()
"""


@pytest.mark.parametrize("where", ["close", "unlink"])
def test_a_signal_just_after_the_batch_is_synced_leaves_it_recorded_and_says_so(tracker: Path, where: str):
    # SIGTERM (and SIGHUP, Ctrl-C) met between the batch's fsync and the journal's removal
    # ended the command there: the journal of a whole batch was left, so that every command
    # refused the store and `check --repair` took the recorded row out again, while the
    # command said "while rows were being written ...; run 'qntrack check' to see whether
    # they were" (data-integrity.md: only SIGKILL leaves the journal). Met just after the
    # journal's removal, it said the same of a row that was recorded, of which `check` says
    # nothing. The commit is now made whole before the signal is acted on.
    before = store_bytes(tracker)
    done = subprocess.run(
        [sys.executable, "-c", SIGNALLED_ADD, where], cwd=tracker, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 143, done.stderr
    assert done.stderr.splitlines()[-1] == (
        "stopped (SIGTERM) after 1 row(s) were added to observations.csv: they are recorded"
    )
    assert not (tracker / "observations.csv.pending").exists()
    assert store_bytes(tracker) == before + b"share,2025,14,,,,2026-03-01T00:00:00Z\n"
    assert run("status").exit_code == 0


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_retraction_refused_by_an_interrupted_batch_says_nothing_was_withdrawn(tracker: Path, lang: str):
    # `retract` after a crash said "nothing was added; ..., then add again", an append's
    # words, of a withdrawal.
    written = _interrupted_batch(tracker)
    r = run("--lang", lang, "retract", "share", "2023")
    assert r.exit_code == 1
    said = {
        "en": "observations.csv: error: a batch of 2 row(s) was interrupted before it was complete (the rows "
        "before it are intact); nothing was withdrawn; run 'qntrack check --repair' to set it aside, then "
        "run this command again\n",
        "vi": "observations.csv: lỗi: một lô 2 dòng số liệu bị gián đoạn trước khi ghi xong (các dòng trước đó "
        "vẫn nguyên vẹn); không rút lại gì; hãy chạy 'qntrack check --repair' để tách lô đó ra, rồi "
        "chạy lại lệnh này\n",
    }
    assert r.stderr == said[lang]
    assert store_bytes(tracker) == written
