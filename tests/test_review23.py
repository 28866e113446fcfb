"""The hostile review of the twenty-third session's merged change (issue 17): the seams
between its passes (docs/decisions.md, "Review of the twenty-third session's merged
change"). Each test was written failing first."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_the_library_reads_an_offices_period_and_status_words_as_the_command_does(shipped: Path) -> None:
    """The Vietnamese pass read 'Quý I/2026' and 'ƯTH' in every reader of the command
    line; the library pass's record_many and retract, the same path without the command
    line, refused them as 'not a period' with no hint of the period meant."""
    import qntrack

    rows = [
        # quarter I of 2026 = 2026-Q1; "ước thực hiện" (ƯTH) = estimate
        {"indicator": "fdi", "period": "Quý I/2026", "value": 100, "status": "ƯTH"},
        # the first six months ("6T đầu năm") of 2026 = 2026-H1; "SB" (sơ bộ) = preliminary
        {"indicator": "fdi", "period": "6T đầu năm 2026", "value": 200, "status": "SB"},
    ]
    recorded = qntrack.record_many("targets.yaml", rows, dry_run=True)
    assert [(str(o.period), o.status) for o in recorded.rows] == [("2026-Q1", "estimate"), ("2026-H1", "preliminary")]
    # "Năm 2025" is the year 2025, whose GRDP growth the shipped store holds.
    _, retraction, _ = qntrack.retract("targets.yaml", "grdp_growth", "Năm 2025", "", "", None, dry_run=True)
    assert str(retraction.period) == "2025"


def test_the_library_still_refuses_a_roman_numeral_that_may_be_a_quarter_or_a_month(shipped: Path) -> None:
    """'I/2026' stays a question (2026-Q1 or 2026-01?), as on the command line."""
    import qntrack

    with pytest.raises(qntrack.InputError) as caught:
        qntrack.record_many("targets.yaml", [{"indicator": "fdi", "period": "I/2026", "value": 1}], dry_run=True)
    assert "2026-Q1" in str(caught.value) and "2026-01" in str(caught.value)


def test_a_later_import_into_a_held_store_exits_75_and_readme_says_so(tmp_path: Path) -> None:
    """`import opensdg` into a tracker whose store another run holds exits 75 like
    add-observation (it appends under the same lock, files.appending); README's table of
    exit codes named only add-observation, retract and check --repair for 75, so a cron
    job re-importing a site nightly could not learn from it that 75 may come back."""
    import os
    import shutil
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    sample = tmp_path / "sdg"
    shutil.copytree(root / "tests" / "data" / "opensdg-sample", sample)
    # One indicator is enough to hold the store: the sample's 21 took 40 s of the suite.
    for data in (sample / "data").glob("indicator_*.csv"):
        if data.name != "indicator_1-1-1.csv":
            data.unlink()
            (sample / "meta" / (data.stem.removeprefix("indicator_") + ".md")).unlink()
    env = {**os.environ, "QNTRACK_LOCK_TIMEOUT": "0.2"}
    run = ["import", "opensdg", str(sample), "--into", str(tmp_path / "into"), "--skip-bad"]

    def qntrack(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "qntrack", *args]
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300)

    # The first import only makes the store to hold: in this process (a child process's
    # start-up and imports cost more than the import); the one refused for the lock is a
    # process of its own, as a cron job's is.
    from helpers import run_clean

    first = run_clean(*run, "--recorded-at", "2025-01-01")
    assert first.exit_code == 0, first.output
    data = sample / "data" / "indicator_1-1-1.csv"
    # A revised figure: the second import has a row to append, under the store's lock.
    data.write_text(data.read_text(encoding="utf-8").replace(",,12.9\n", ",,13.1\n", 1), encoding="utf-8")
    store = tmp_path / "into" / "observations.csv"
    before = store.read_bytes()
    code = "import sys, filelock\nwith filelock.FileLock(sys.argv[1]):\n print('held', flush=True); sys.stdin.read()"
    holder = subprocess.Popen(
        [sys.executable, "-c", code, f"{store}.lock"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        proc = qntrack(*run, "--recorded-at", "2025-02-01")
        assert proc.returncode == 75, proc.stderr
        assert "try again" in proc.stderr
        assert store.read_bytes() == before
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    readme = (root / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| 75 |"))
    assert "`import`" in row, row


def test_a_repair_refused_for_a_held_lock_names_the_lock_as_an_append_does(shipped: Path) -> None:
    """The twenty-third session gave check --repair exit 75 for a held lock, and
    data-integrity.md says the message names the lock file; the repair's said only "holds
    the lock on this file; try again", where an append's names the lock and the wait."""
    import os
    import subprocess
    import sys

    store = shipped / "observations.csv"
    store.write_bytes(store.read_bytes() + b"grdp_growth,2026-Q")  # a torn last row to repair
    before = store.read_bytes()
    code = "import sys, filelock\nwith filelock.FileLock(sys.argv[1]):\n print('held', flush=True); sys.stdin.read()"
    holder = subprocess.Popen(
        [sys.executable, "-c", code, f"{store}.lock"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    env = {**os.environ, "QNTRACK_LOCK_TIMEOUT": "0.2"}
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        said = {}
        for lang in ("en", "vi"):
            command = [sys.executable, "-m", "qntrack", "--lang", lang, "check", "--repair"]
            proc = subprocess.run(command, cwd=shipped, capture_output=True, text=True, env=env, timeout=60)
            assert proc.returncode == 75, proc.stderr
            said[lang] = proc.stderr
        assert store.read_bytes() == before
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    # The lock file's path, the wait (0.2 s, as QNTRACK_LOCK_TIMEOUT gives it), what was not done.
    assert f"{store}.lock" in said["en"] and "(waited 0.2 s)" in said["en"], said["en"]
    assert "nothing was repaired" in said["en"], said["en"]
    assert f"{store}.lock" in said["vi"] and "(đã chờ 0,2 giây)" in said["vi"], said["vi"]
    assert "chưa sửa gì" in said["vi"], said["vi"]


def test_status_by_a_dimension_no_target_shown_is_broken_down_by_adds_no_zero_units_line(shipped: Path) -> None:
    """The line of units counted (status --by) came under a table whose warning had just
    said "no target shown is broken down by 'locality' ...: no unit rows", as "0 units.",
    a count of nothing under the count of the targets."""
    from helpers import run_clean

    result = run_clean("status", "cbct-share", "--by", "locality", "--format", "table", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "no target shown is broken down by 'locality'" in result.output
    lines = [text.strip() for text in result.stdout.splitlines() if text.strip()]
    # cbct-share: 12.3% of GRDP in 2023 against 15 % by 2025, judged Moderate progress
    # (the shipped table); one target, no unit.
    assert "1 target — Moderate progress: 1." in lines
    assert not any(text.endswith("units.") or " units —" in text for text in lines), result.stdout


def test_a_field_new_to_a_sites_metadata_goes_beside_the_field_before_it() -> None:
    """The export edits a site's meta/<id>.md field by field; a field the file lacked went
    at the end of the front matter. When a retraction renumbered the sources (the
    budget's source 2 became one with a URL where the old source 2 had none),
    `source_url_2` landed under `progress_status`, away from `source_organisation_2`, and
    the new last source after it: a diff and a file a maintainer reads in pieces."""
    from qntrack.files.opensdg_meta_lines import in_place

    front = [
        "source_active_1: true\n",
        "source_organisation_1: x\n",
        "source_active_2: true\n",
        "source_organisation_2: x\n",
        "\n",
        "# the site's comment before the progress fields\n",
        "progress_status: target_achieved\n",
    ]
    site = {
        "source_active_1": True,
        "source_organisation_1": "x",
        "source_active_2": True,
        "source_organisation_2": "x",
        "progress_status": "target_achieved",
    }
    final = {
        "source_active_1": True,
        "source_organisation_1": "x",
        "source_active_2": True,
        "source_organisation_2": "https://example.org/hl",
        "source_url_2": "https://example.org/hl",
        "source_active_3": True,
        "progress_status": "not_available",
    }
    # By hand: fields 1 unchanged byte for byte; source_organisation_2 rewritten in its
    # place; the two new fields right after it (final's order), before the site's blank
    # line and comment, which stay the gap before progress_status, rewritten in its place.
    assert in_place(front, site, final) == (
        "source_active_1: true\n"
        "source_organisation_1: x\n"
        "source_active_2: true\n"
        "source_organisation_2: https://example.org/hl\n"
        "source_url_2: https://example.org/hl\n"
        "source_active_3: true\n"
        "\n"
        "# the site's comment before the progress fields\n"
        "progress_status: not_available\n"
    )
