"""What a killed run left behind is swept up by the next run that writes the same files:
the temporary files of an atomic write beside a report and in its charts folder, and the
temporary folder an Open SDG export fills beside or inside its site. Only names of the
shape qntrack makes (``.NAME.`` + 8 random letters + ``.tmp``), only older than an hour
(a run still writing is never disturbed), and never a file of the user's."""

from __future__ import annotations

import os
import time
from pathlib import Path

from helpers import run_clean


def _left(path: Path, *, hours: float, folder: bool = False) -> Path:
    if folder:
        path.mkdir()
        (path / "data").mkdir()
        (path / "data" / "indicator_1-1-1.csv").write_text("Year,Value\n", encoding="utf-8")
    else:
        path.write_bytes(b"half a report")
    then = time.time() - hours * 3600
    os.utime(path, (then, then))
    return path


def test_a_reports_stale_temporaries_are_swept_and_nothing_else(shipped: Path):
    old_report = _left(shipped / ".r.md.k2j4h6g8.tmp", hours=3)
    charts = shipped / "r-charts"
    charts.mkdir()
    old_chart = _left(charts / ".cbct-share.svg.a1b2c3d4.tmp", hours=3)
    fresh = _left(charts / ".cbct-share.svg.zzzz9999.tmp", hours=0.1)  # perhaps a run writing now
    theirs = _left(shipped / ".r.md.notes.tmp", hours=3)  # not the shape qntrack makes
    other = _left(shipped / ".other.md.k2j4h6g8.tmp", hours=3)  # not a file this run writes
    assert run_clean("report", "--format", "markdown", "-o", "r.md").exit_code == 0
    assert not old_report.exists() and not old_chart.exists()
    assert fresh.exists() and theirs.exists() and other.exists()


def test_an_exports_stale_temporary_folders_are_swept(shipped: Path):
    beside = _left(shipped / ".site.k2j4h6g8.tmp", hours=3, folder=True)  # a first export killed
    assert run_clean("export", "opensdg", "--into", "site").exit_code == 0
    assert not beside.exists()
    inside = _left(shipped / "site" / ".qntrack-export.a1b2c3d4.tmp", hours=3, folder=True)  # one over it killed
    fresh = _left(shipped / "site" / ".qntrack-export.zzzz9999.tmp", hours=0.1, folder=True)
    assert run_clean("export", "opensdg", "--into", "site").exit_code == 0
    assert not inside.exists() and fresh.exists()


def test_a_sweep_given_no_name_removes_nothing(tmp_path: Path):
    from qntrack.files.starter import sweep_shaped

    stray = _left(tmp_path / "abcd1234.tmp", hours=3)  # a name of the random shape, no prefix
    sweep_shaped(tmp_path, [])
    sweep_shaped(tmp_path, [""])
    assert stray.exists()
