"""A targets.yaml that is a symbolic link to nothing (a shared drive not mounted) is said
as such: 'targets file not found' beside a targets.yaml that `ls` lists sent the officer
looking for a file that was there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import run_clean


@pytest.mark.parametrize("lang,words", [("en", "symbolic link to"), ("vi", "liên kết tượng trưng tới")])
def test_a_dangling_targets_link_names_where_it_points(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang, words):
    monkeypatch.chdir(tmp_path)
    os.symlink(tmp_path / "share" / "plan.yaml", tmp_path / "targets.yaml")
    r = run_clean("--lang", lang, "-t", "targets.yaml", "status")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("targets.yaml: ") and words in r.stderr and str(tmp_path / "share") in r.stderr


def test_a_missing_targets_file_is_still_not_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    r = run_clean("-t", "nothing.yaml", "status")
    assert r.exit_code == 1 and "targets file not found" in r.stderr, r.output
