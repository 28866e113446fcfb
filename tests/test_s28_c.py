"""A hostile file system and environment, the twenty-eighth session's sweep (issue 17,
pass C): every command that reads or writes a path, tried against missing, non-regular,
read-only and full places, links, odd names and encodings. What held is in the report;
what did not, and is fixed, is pinned here."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small plan in a folder of its own (tmp_path/plan), the current directory."""
    from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS

    folder = tmp_path / "plan"
    folder.mkdir()
    return make_tracker(folder, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)


def test_an_export_into_an_existing_folder_it_cannot_write_names_that_folder(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``export opensdg --into site`` with ``site`` an empty folder the user may not write
    in (read-only, another user's, ``chattr +i``): the files are written first in a
    temporary folder inside it (``.qntrack-export.x1y2.tmp``), and that name was turned
    into ``site/qntrack-export``, a file that never exists and is not even the marker
    (``.qntrack-export``): "site/qntrack-export: error: cannot write ...". The folder the
    user named is the one to name, as it is when the folder is new."""
    site = plan.parent / "site"
    site.mkdir()
    real_mkdir = os.mkdir
    inside = os.path.realpath(site)

    def read_only(path, *a, **k):  # root ignores a mode: the refusal is made here
        if os.path.dirname(os.path.realpath(os.fsdecode(path))) == inside:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))
        return real_mkdir(path, *a, **k)

    monkeypatch.setattr(os, "mkdir", read_only)
    r = run_clean("export", "opensdg", "--into", "../site")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("../site: error: cannot write the Open SDG repository: Permission denied"), r.stderr
    assert "qntrack-export" not in r.stderr
    assert r.stderr.count("\n") == 1
    assert list(site.iterdir()) == []


def test_a_markdown_report_whose_charts_folder_is_a_link_names_the_folder_it_links_from(
    plan: Path, tmp_path: Path
) -> None:
    """``review-charts`` a link to a folder elsewhere (a shared drive's charts folder): the
    charts are written through it, as documented, but the confirmation named the folder the
    link points to as if it sat beside the report: "wrote review.md and 2 chart(s) in
    charts", a ``./charts`` that does not exist (with ``review-charts -> .``, the name of
    the tracker's own folder). The report's links read ``review-charts/...``: that is the
    folder to name."""
    far = tmp_path / "shared" / "charts"
    far.mkdir(parents=True)
    (plan / "review-charts").symlink_to(far, target_is_directory=True)
    r = run_clean("report", "-o", "review.md")
    assert r.exit_code == 0, r.output
    charts = sorted(p.name for p in far.iterdir())
    assert charts, "the charts are written through the link"
    assert r.stderr.splitlines()[0] == f"wrote review.md and {len(charts)} chart(s) in review-charts"
    assert "review-charts/" in (plan / "review.md").read_text(encoding="utf-8")
