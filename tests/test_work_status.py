"""What a long `status` or `check` shows on a terminal while it reads and judges a large
store (cli/waiting.py, files.stages.WORK_STEP): a national store's first run takes seconds,
which looked like a hang. Only on a terminal, only for a store of a megabyte or more, gone
before anything is printed; a pipe sees none of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import large_quarters, run, stderr_on_a_terminal

TARGETS = """\
version: 1
title: "Large store"
indicators:
  growth:
    name: "GRDP growth"
    unit: "%"
    frequency: quarter
targets:
  - id: growth
    indicator: growth
    baseline: {period: 1401, value: 5}
    milestones:
      - {by: 2030, value: 10}
"""
HEADER = STORE_HEADER


@pytest.fixture
def large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store of more than a megabyte (cli/waiting.py STATUS_FROM)."""
    folder = make_tracker(tmp_path, monkeypatch, TARGETS, HEADER + large_quarters("growth"))
    assert (folder / "observations.csv").stat().st_size > 1 << 20
    return folder


def _told(call) -> list[str]:
    from qntrack.files.stages import WORK_STEP

    said: list[str] = []
    token = WORK_STEP.set(lambda message, store: said.append(f"{message} @ {store.name}"))
    try:
        call()
    finally:
        WORK_STEP.reset(token)
    return said


def test_the_library_tells_its_steps_to_whoever_asks(large: Path, monkeypatch: pytest.MonkeyPatch):
    from qntrack.cache import machine_status
    from qntrack.files.checks import run_checks
    from qntrack.files.workspace import open_workspace

    reading = "Reading observations.csv @ observations.csv"
    assert _told(lambda: open_workspace(None)) == [reading]
    assert _told(lambda: run_checks(None)) == [reading, "Checking 2,100 rows of observations.csv @ observations.csv"]
    # The cache's cold run reads and assesses; its warm run after it does neither.
    monkeypatch.delenv("QNTRACK_NO_CACHE", raising=False)
    ids = lambda plan, wanted: None  # noqa: E731
    assert _told(lambda: machine_status(None, None, "json", ids)) == [
        reading,
        "Assessing 1 targets @ observations.csv",
    ]
    assert _told(lambda: machine_status(None, None, "json", ids)) == []


@pytest.mark.parametrize(
    ("args", "step"),
    [
        (["status", "--format", "json"], "Assessing 1 targets"),
        (["status", "--format", "csv", "--as-of", "2026-06-30"], "Reading observations.csv"),
        (["check"], "Checking 2,100 rows of observations.csv"),
    ],
)
def test_a_terminal_is_told_and_a_pipe_is_not(large: Path, args: list[str], step: str):
    code, shown = stderr_on_a_terminal(*args, cwd=large, env={"QNTRACK_NO_CACHE": ""})
    assert code == 0, shown
    assert step in shown and "Traceback" not in shown, shown
    piped = run(*args)
    assert piped.exit_code == 0, piped.stderr
    assert "Reading" not in piped.stderr and "Assessing" not in piped.stderr and "Checking" not in piped.stderr
    if args[:3] == ["status", "--format", "json"]:
        assert json.loads(piped.stdout)["targets"][0]["id"] == "growth"


def test_a_small_store_says_nothing_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = make_tracker(
        tmp_path, monkeypatch, TARGETS, HEADER + "growth,2020-Q1,5.5,official,s,,2021-01-01T00:00:00Z\n"
    )
    code, shown = stderr_on_a_terminal("status", "--format", "json", cwd=folder, env={"QNTRACK_NO_CACHE": "1"})
    assert code == 0, shown
    assert "Reading" not in shown and "Assessing" not in shown, shown
