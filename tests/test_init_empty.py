"""`qntrack init "$DIR"` with DIR unset (issue 17, twenty-eighth session).

The shell passes an empty argument; Typer made it Path(''), the current folder, and the
tracker was started wherever a script happened to run, exit 0. Every other command
refuses an empty path as a usage error (exit 2); `init` with no argument at all still
starts here."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean


@pytest.mark.parametrize("lang, words", [("en", "folder name is empty"), ("vi", "tên thư mục để trống")])
def test_an_empty_folder_is_refused_and_nothing_is_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang, words):
    monkeypatch.chdir(tmp_path)
    r = run_clean("init", "", "--lang", lang)
    assert r.exit_code == 2, r.stderr
    assert words in r.stderr and "DIR" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_no_argument_still_starts_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    r = run_clean("init")
    assert r.exit_code == 0, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["observations.csv", "targets.yaml"]


def test_a_named_folder_is_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    r = run_clean("init", "kế-hoạch")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "kế-hoạch" / "targets.yaml").is_file()
