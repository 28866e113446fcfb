"""A missing or mistyped observations file never hides every target silently (wave 3,
defect f1.3): one warning on stderr naming the file, exit code unchanged, cold and cached
alike; `check` warns of a missing file and refuses a missing folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, make_tracker
from helpers import run


# The figures are in observations.csv beside it, which the warning names (eighteenth
# session; a missing store with no such file beside it: tests/test_messages18.py).
MISSING = (
    "targets.yaml:2:15: warning: the observations file does not exist, but observations.csv beside it holds "
    "figures; none is read from it, so every target is \"not available\"; if 'observations:' in targets.yaml "
    "means it, correct that line\n"
)


@pytest.fixture
def typo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # 'obsevations.csv' is named; the figures are in observations.csv, which is not read.
    return make_tracker(
        tmp_path,
        monkeypatch,
        SMALL_TARGETS.replace("version: 1\n", "version: 1\nobservations: obsevations.csv\n"),
        SMALL_OBSERVATIONS,
    )


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv", "table"])
def test_status_warns_cold_and_cached(typo: Path, fmt: str):
    for _ in range(3):  # the first run is cold, later ones may be served by the cache
        r = run("status", "--format", fmt, "--fail-on", "not_achieved")
        assert r.exit_code == 0, r.stderr
        assert r.stderr == MISSING
    assert not (typo / "obsevations.csv").exists()  # reading never creates it


@pytest.mark.parametrize(
    "args", [("show", "share"), ("observations",), ("history", "share"), ("report",), ("status", "share")]
)
def test_show_observations_history_and_report_warn(typo: Path, args: tuple[str, ...]):
    r = run(*args)
    assert r.exit_code == 0, r.stderr
    assert r.stderr == MISSING


def test_check_warns_of_a_missing_file(typo: Path):
    r = run("check")
    assert r.exit_code == 0
    assert r.stderr == MISSING
    r = run("check", "--format", "json")
    (problem,) = json.loads(r.stdout)["problems"]
    assert problem["file"] == "targets.yaml" and problem["severity"] == "warning"
    assert problem["code"] == "workspace_store_near"


def test_check_refuses_a_missing_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(
        tmp_path,
        monkeypatch,
        SMALL_TARGETS.replace("version: 1\n", "version: 1\nobservations: data/o.csv\n"),
        SMALL_OBSERVATIONS,
    )
    r = run("check")
    assert r.exit_code == 1
    assert r.stderr.startswith("data/o.csv: error: ")
    assert "data" in r.stderr and r.stderr.count("\n") == 1
    assert not (tmp_path / "data").exists()


def test_a_present_store_and_a_new_tracker_say_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    monkeypatch.delenv("QNTRACK_LANG", raising=False)
    assert run("init").exit_code == 0
    for args in (("status",), ("check",), ("report",)):
        r = run(*args)
        assert r.exit_code == 0, r.stderr
        assert r.stderr == ""


def test_the_warning_in_vietnamese(typo: Path):
    r = run("--lang", "vi", "status")
    assert r.exit_code == 0
    assert r.stderr.startswith("targets.yaml:2:15: cảnh báo: ")
    assert r.stderr.count("\n") == 1
