"""Issue 17, twenty-second session: a ministry's monthly pipeline run from cron (a bare
environment, jobs that overlap or are stopped, exit codes and output a script relies on).
docs/decisions.md, "A ministry's monthly pipeline under cron"."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import PAUSED_IMPORT, run, store_bytes

# PAUSED_IMPORT (helpers.py): `qntrack add-observation --from FILE` whose store writes go in
# chunks of 16 KiB; after the second it touches a marker file and waits there (as a slow disk
# would), to be stopped by a signal at that moment.


def _big_import(tracker: Path, rows: int = 5_000) -> None:
    """``big.csv``: ``rows`` figures of 'share' for distinct quarters and moments."""
    from datetime import datetime, timedelta

    start = datetime(2026, 2, 1)
    lines = "".join(
        f"share,{1950 + i % 280 // 4}-Q{i % 4 + 1},{i}.5,estimate,Cục Thống kê {i % 7},note {i},"
        f"{start + timedelta(seconds=i):%Y-%m-%dT%H:%M:%SZ}\n"
        for i in range(rows)
    )
    text = "indicator,period,value,status,source,note,recorded_at\n" + lines
    (tracker / "big.csv").write_text(text, encoding="utf-8")


def _paused_writer(tracker: Path) -> subprocess.Popen[bytes]:
    """The paused import of big.csv, started and waited for until it is mid-write."""
    marker = tracker / "paused"
    writer = subprocess.Popen(
        [sys.executable, "-c", PAUSED_IMPORT, str(marker), "big.csv"], cwd=tracker, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 120  # a guard against a hung suite, not a measure
    while not marker.exists() and writer.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert marker.exists(), "the writer never reached its second chunk"
    assert (tracker / "observations.csv.pending").exists()
    return writer


def test_sigterm_mid_import_rolls_the_batch_back_and_exits_143(tracker: Path):
    """SIGTERM (what `timeout`, systemd, a cron daemon's stop and a shutdown send) to an
    import in the middle of writing its rows killed it as SIGKILL does: no message, the
    journal left behind, and every later command (the next month's cron run, the report)
    refused the store until a person ran `check --repair`. It now ends as Ctrl-C does: the
    rows it wrote are cut off, the journal removed, one line says so, and the exit code is
    the shell's for SIGTERM, 128 + 15 = 143."""
    _big_import(tracker)
    before = store_bytes(tracker)
    writer = _paused_writer(tracker)
    assert len(store_bytes(tracker)) >= len(before) + 2 * (1 << 14)  # two chunks are in the file
    writer.send_signal(signal.SIGTERM)
    _, err = writer.communicate(timeout=60)
    assert writer.returncode == 143
    assert err.decode("utf-8") == "stopped (SIGTERM); nothing was added to the observations file\n"
    assert store_bytes(tracker) == before  # the batch is gone whole
    assert not (tracker / "observations.csv.pending").exists()
    assert run("status").exit_code == 0
    again = run("add-observation", "--from", "big.csv")  # the next cron run: added once
    assert again.exit_code == 0, again.stderr
    # (then warnings of jumps between made-up figures, not looked at here)
    assert again.stderr.startswith("added 5,000 row(s), 0 already recorded, to observations.csv\n")
    # 5000 rows + the 6 shipped in the small store + the header
    assert store_bytes(tracker).count(b"\n") == 5000 + 6 + 1
    assert run("add-observation", "--from", "big.csv").stderr.startswith("nothing to add")


def test_sigterm_mid_import_in_vietnamese(tracker: Path, monkeypatch: pytest.MonkeyPatch):
    """The same line in the officer's language (QNTRACK_LANG=vi in the crontab)."""
    _big_import(tracker, 3_000)
    before = store_bytes(tracker)
    monkeypatch.setenv("QNTRACK_LANG", "vi")  # the child's environment
    writer = _paused_writer(tracker)
    writer.send_signal(signal.SIGTERM)
    _, err = writer.communicate(timeout=60)
    assert writer.returncode == 143
    assert err.decode("utf-8") == "đã dừng (SIGTERM); không có dòng nào được thêm vào tệp số liệu\n"
    assert store_bytes(tracker) == before


# The month's file of the cron script: one figure of 2025, one revision of 2024 (the small
# store holds none of either), with a Vietnamese source.
MONTH = (
    "indicator,period,value,status,source,recorded_at\n"
    "share,2025,13.1,estimate,Cục Thống kê,2026-01-05T00:00:00Z\n"
    "share,2024,12.2,official,Cục Thống kê,2025-02-05T00:00:00Z\n"
)


def test_an_import_says_on_stdout_what_it_added_when_a_format_is_asked(tracker: Path):
    """A script must tell "nothing new" from "added rows" to decide whether to mail the
    report. Only stderr's prose said it ("added 2 row(s)" / "nothing to add", in English
    or Vietnamese as QNTRACK_LANG says): `--format json` without `--dry-run` printed
    nothing, so the script could only run a dry run first (racing the next job) or scrape
    the words. With `--format` given, the rows added are now printed as the dry run
    prints the rows it would add, `dry_run` false; without `--format`, stdout stays empty."""
    import json

    from qntrack import __version__

    (tracker / "thang.csv").write_text(MONTH, encoding="utf-8")
    first = run("add-observation", "--from", "thang.csv", "--format", "json")
    assert first.exit_code == 0, first.stderr
    # By hand: both rows are new, in the file's order; no note column, so note null.
    assert json.loads(first.stdout) == {
        "qntrack": __version__,
        "dry_run": False,
        "observations": [
            {
                "indicator": "share",
                "dims": {},
                "period": "2025",
                "value": 13.1,
                "status": "estimate",
                "source": "Cục Thống kê",
                "note": None,
                "recorded_at": "2026-01-05T00:00:00Z",
                "revises": None,  # new figures (twenty-seventh session: what a row replaces)
                "revises_source": None,
                "revises_recorded_at": None,
                "revises_status": None,
            },
            {
                "indicator": "share",
                "dims": {},
                "period": "2024",
                "value": 12.2,
                "status": "official",
                "source": "Cục Thống kê",
                "note": None,
                "recorded_at": "2025-02-05T00:00:00Z",
                "revises": None,  # new figures (twenty-seventh session: what a row replaces)
                "revises_source": None,
                "revises_recorded_at": None,
                "revises_status": None,
            },
        ],
    }
    assert first.stderr.startswith("added 2 row(s), 0 already recorded, to observations.csv\n")
    again = run("add-observation", "--from", "thang.csv", "--format", "json")
    assert again.exit_code == 0
    assert json.loads(again.stdout) == {"qntrack": __version__, "dry_run": False, "observations": []}
    assert again.stderr == "nothing to add: all 2 row(s) are already recorded in observations.csv\n"
    # The store's own columns for a shell script (`wc -l`): the header and the rows added.
    # next month's file: 2025 revised (a new figure, recorded later), 2024 as before
    revised = MONTH.replace("13.1,estimate,Cục Thống kê,2026-01-05", "13.4,estimate,Cục Thống kê,2026-02-05")
    (tracker / "next.csv").write_text(revised, encoding="utf-8")
    tsv = run("add-observation", "--from", "next.csv", "--format", "tsv")
    assert tsv.exit_code == 0, tsv.stderr
    assert tsv.stdout == (
        "indicator\tperiod\tvalue\tstatus\tsource\tnote\trecorded_at\n"
        "share\t2025\t13.4\testimate\tCục Thống kê\t\t2026-02-05T00:00:00Z\n"
    )
    # Without --format nothing on stdout, as before (the confirmation is on stderr).
    (tracker / "third.csv").write_text(
        revised.replace("13.4,estimate,Cục Thống kê,2026-02", "13.5,estimate,Cục Thống kê,2026-03"), encoding="utf-8"
    )
    plain = run("add-observation", "--from", "third.csv")
    assert plain.exit_code == 0 and plain.stdout == ""


def test_one_typed_figure_with_a_format_prints_it_too(tracker: Path):
    """The same for one figure typed on the command line: what was stored."""
    import json

    r = run(
        "add-observation", "share", "2025", "13,1", "--status", "estimate", "--recorded-at", "2026-01-05", "-f", "json"
    )
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)["observations"]
    # 13,1 (decimal comma) is stored 13.1; a day alone is midnight UTC.
    assert [(o["period"], o["value"], o["recorded_at"]) for o in rows] == [("2025", 13.1, "2026-01-05T00:00:00Z")]


def test_a_writer_under_umask_077_leaves_the_lock_and_journal_to_the_stores_users(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
):
    """A tracker shared by a group (the store 0664: the officers write it too), imported
    into by a cron job whose umask is 077 (a hardened server's default). The lock file the
    job made was 0600 (0666 less the umask), and so was the journal of a batch: an officer's
    `status` during the import could not read the journal ("cannot read"), or, reading it
    but unable to open the lock to see that a writer held it, said the batch was
    interrupted and sent them to `check --repair`; and every later `add-observation` of
    theirs failed on the lock file, for good. Both now get the store's permission bits
    (added to the lock file's own, never taken away)."""
    import os
    import stat

    from qntrack.files import repair

    store = tracker / "observations.csv"
    os.chmod(store, 0o664)
    (tracker / "observations.csv.lock").unlink(missing_ok=True)
    seen: list[int] = []
    real_sync = repair.sync_folder

    def sync_and_look(folder: Path) -> None:  # called once the journal is made
        journal = tracker / "observations.csv.pending"
        if journal.exists():
            seen.append(stat.S_IMODE(journal.stat().st_mode))
        real_sync(folder)

    monkeypatch.setattr(repair, "sync_folder", sync_and_look)
    before = os.umask(0o077)
    try:
        r = run("add-observation", "share", "2025", "13", "--recorded-at", "2026-01-05")
    finally:
        os.umask(before)
    assert r.exit_code == 0, r.stderr
    # By hand: the store's 0664 is kept by an append; the lock file, made 0666 & ~077 =
    # 0600, gets the store's bits: 0600 | 0664 = 0664; the journal is written 0664.
    assert stat.S_IMODE(store.stat().st_mode) == 0o664
    assert stat.S_IMODE((tracker / "observations.csv.lock").stat().st_mode) == 0o664
    assert seen == [0o664]
