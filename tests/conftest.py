"""Shared fixtures: a small tracker written into a temporary folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, Protocol

import pytest
import typer.main
import typer.testing
from typer import Typer

# Typer's CliRunner turns the app into a Click command on every invoke: it reads the
# signature and evaluates the annotations of all of qntrack's commands, about 25 ms, more
# than most commands take to run. The app does not change while the suite runs (its
# commands and options are fixed when qntrack.cli is imported, as in the installed script,
# which builds the command once per process), so every test's runner shares one build.
_build_command = typer.main.get_command
_built: dict[int, tuple[Typer, Any]] = {}


def _command_once(app: Typer) -> Any:  # the Click command (of Typer's own copy of Click)
    found = _built.get(id(app))
    if found is None or found[0] is not app:
        found = _built[id(app)] = (app, _build_command(app))
    return found[1]


# typer is pinned to a minor (pyproject.toml); should a new one stop building the command
# through this name, the suite says so here rather than silently building it every time.
assert typer.testing._get_command is _build_command, "typer.testing no longer calls get_command: drop _command_once"
typer.testing._get_command = _command_once  # the name typer.testing's CliRunner.invoke calls


def _import_every_module() -> None:
    """All of qntrack imported before any test runs (about half a second a worker).

    A test that stands in for a function (``monkeypatch.setattr(definitions, "load_plan",
    fake)``) while another module is imported for the first time leaves that module
    holding the fake for the rest of the worker's tests, since ``from .definitions import
    load_plan`` binds whatever is there: `check --repair` failed with "Operation not
    permitted" in test_write_side.py after a test of a folder that takes no new file,
    only when xdist gave one worker both, in that order.
    """
    import importlib
    import pkgutil

    import qntrack

    for found in pkgutil.walk_packages(qntrack.__path__, "qntrack."):
        if not found.name.endswith("__main__"):  # which would run the command line
            importlib.import_module(found.name)


def _fingerprint_once() -> None:
    """qntrack's code fingerprint (files/kept_plans.py) walked once a worker, not at every
    command: a process (the installed script) reads it once or twice, but the suite's
    thousands of in-process commands each walked the 240 files of the package again, some
    2 ms a time and 15 s of processor time in all. The package does not change while the
    suite runs; a test of the fingerprint itself gives ``root`` (a copy of the package it
    edits), which is walked every time, and a test standing in for the function still can."""
    from qntrack.files import kept_plans

    walk = kept_plans.code_fingerprint
    walked: dict[str, str] = {}

    def code_fingerprint(extra: str = "", root: Path | None = None) -> str:
        if root is not None:
            return walk(extra, root)
        found = walked.get(extra)
        if found is None:
            found = walked[extra] = walk(extra)
        return found

    kept_plans.code_fingerprint = code_fingerprint


def pytest_configure(config: pytest.Config) -> None:
    """What the tests' process needs before any test file is imported. Under pytest-xdist
    the controlling process runs no test and imports no test file, so it leaves this out
    (about 0.6 s of imports before any worker started)."""
    worker = hasattr(config, "workerinput")
    controller = not worker and bool(config.getoption("numprocesses", None)) and config.getoption("dist", "no") != "no"
    if controller:
        return
    _import_every_module()
    _fingerprint_once()


class HasFileno(Protocol):
    def fileno(self) -> int: ...


SMALL_TARGETS = """\
version: 1
title: "Test plan"
indicators:
  share:
    name: {en: "Manufacturing share", vi: "Tỷ trọng chế biến"}
    unit: "%"
    direction: increase
    frequency: quarter
  mining:
    name: "Mining share"
    unit: "%"
    direction: decrease
targets:
  - id: share
    indicator: share
    source: "Resolution 01"
    baseline: {period: 2020, value: 9.8}
    milestones:
      - {by: 2025, value: 15}
      - {by: 2030, value: 30}
  - id: mining
    indicator: mining
    baseline: 2015
"""

SMALL_OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
share,2021,11.3,estimate,src-a,,2022-01-10T00:00:00Z
share,2022,11.5,,src-b,,2023-01-10T00:00:00Z
share,2023,12.3,estimate,src-c,,2023-10-15T00:00:00Z
share,2024-Q1,12.9,estimate,src-d,,2024-04-05T00:00:00Z
mining,2015,21.3,,src-e,,2016-01-01T00:00:00Z
mining,2020,17.3,estimate,src-f,,2020-10-15T00:00:00Z
"""


# Variables of the caller's environment that change what qntrack prints or where it looks:
# Rich's colour and size (and Click's), and every QNTRACK_ setting. The suite starts each
# test without them, so that `NO_COLOR=1 COLUMNS=200 python -m pytest` passes as a bare run
# does; a test that wants one sets it itself.
OUTPUT_ENVIRONMENT = (
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "COLUMNS",
    "LINES",
    "TERM",
    "COLORTERM",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
)


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in OUTPUT_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    for name in [n for n in os.environ if n.startswith("QNTRACK_")]:
        monkeypatch.delenv(name)
    # A Vietnamese locale speaks Vietnamese (catalog.environment_language): a developer's
    # LANG=vi_VN.UTF-8 runs the suite as a bare run does, in a locale that says nothing.
    from qntrack.catalog import language_of

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if language_of(os.environ.get(name) or "") == "vi":
            monkeypatch.setenv(name, "C.UTF-8")
    # LANGUAGE=vi:en over an English locale speaks Vietnamese too (gettext's list).
    monkeypatch.delenv("LANGUAGE", raising=False)


@pytest.fixture(autouse=True)
def own_cache_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The user's cache folder, where the secret that signs kept plans lives
    (files/kept_plans.py), in the run's temporary folder: no test writes to the real one."""
    folder = tmp_path_factory.getbasetemp() / "user-cache"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))


@pytest.fixture(autouse=True)
def days_in_utc() -> Any:
    """Each test starts with days shown in UTC: a library call of an earlier test in this
    worker that read a zoned plan (files.shown_days) shows none of its days here."""
    from qntrack.files.shown_days import days_in

    with days_in(""):
        yield


@pytest.fixture(autouse=True)
def no_waiting_for_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """fsync makes a write survive a power cut, which no test can make: what a test reads
    back is the same without it. Waiting for the disk was a good part of the suite's time
    (the repair test cuts a batch at every offset). A bad descriptor still fails, as fsync
    would; child processes (the subprocess tests) still wait for the disk."""
    import os

    def fsync(fd: int | HasFileno) -> None:
        os.fstat(fd if isinstance(fd, int) else fd.fileno())

    monkeypatch.setattr(os, "fsync", fsync)


THIS_YEAR = 2026  # the year of the clock ``mid_2026`` fixes


@pytest.fixture
def mid_2026(monkeypatch: pytest.MonkeyPatch) -> None:
    """qntrack's today fixed at noon UTC on 15 July 2026, in a plan's zone and on the
    machine's calendar alike (files.workspace: ``_now`` and ``date.today``): a test of the
    year a period typed without one is offered ('H1': e.g. 2026-H1) holds at any moment.
    Read from the real clock, the year was the plan's from 17:00 UTC on 31 December under
    +07:00 and the machine's in the test (forty-third session, helper T)."""
    from datetime import date, datetime, timezone

    from qntrack.files import workspace

    monkeypatch.setattr(workspace, "_now", lambda: datetime(THIS_YEAR, 7, 15, 12, 0, tzinfo=timezone.utc))

    class MachineCalendar(date):  # the machine's date.today() at that moment, in UTC
        @classmethod
        def today(cls) -> date:
            return date(THIS_YEAR, 7, 15)

    monkeypatch.setattr(workspace, "date", MachineCalendar)


ROOT = Path(__file__).resolve().parent.parent


def enter(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``folder`` made the current directory, with no QNTRACK_TARGETS or QNTRACK_LANG from
    the environment, as a user who has just changed into a tracker's folder."""
    monkeypatch.chdir(folder)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    monkeypatch.delenv("QNTRACK_LANG", raising=False)
    return folder


def make_tracker(folder: Path, monkeypatch: pytest.MonkeyPatch, targets: str, observations: str) -> Path:
    """``folder`` with this targets.yaml and observations.csv, made the current directory,
    with no QNTRACK_TARGETS or QNTRACK_LANG from the environment."""
    (folder / "targets.yaml").write_text(targets, encoding="utf-8")
    (folder / "observations.csv").write_text(observations, encoding="utf-8")
    return enter(folder, monkeypatch)


@pytest.fixture
def tracker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the small plan and its observations; the current directory."""
    return make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped Quang Ninh plan and store (long names, ids up to 25 characters,
    every kind); the current directory."""
    for name in ("targets.yaml", "observations.csv"):
        shutil.copyfile(ROOT / name, tmp_path / name)
    return enter(tmp_path, monkeypatch)


@pytest.fixture
def home(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped data, HOME set to a folder in it: what a quoted '~' stands for is known
    and empty (the tests of a bare '~' where a file is read or written)."""
    folder = shipped / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


@pytest.fixture
def shipped_utc(shipped: Path) -> Path:
    """The shipped plan and store, the plan without its ``timezone: +07:00`` line: a plan
    that names no zone, whose days are UTC days (the rule the tests of sessions 23 and 24
    pin; a zoned plan's days are its zone's since the thirty-ninth session)."""
    plan = shipped / "targets.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "\ntimezone: +07:00\n" in text
    plan.write_text(text.replace("\ntimezone: +07:00\n", "\n"), encoding="utf-8")
    return shipped


@pytest.fixture(scope="session")
def shipped_vi_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped plan's Vietnamese Word report as of 2026-12-01, since the review of
    2025-06-30, made once a session for the tests that only read it (test_period_words.py,
    test_a11y23.py)."""
    from helpers import shipped_report

    return shipped_report(tmp_path_factory, "docx", "vi", "--since", "2025-06-30")


# The store's header line, spelled out as a person or another program writes it: tests of
# the file format do not take it from qntrack's own code (qntrack.files.store.HEADER).
STORE_HEADER = "indicator,period,value,status,source,note,recorded_at\n"


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def modules_loaded(argv: list[str], names: list[str]) -> list[bool]:
    """Run qntrack's entry point with ``argv`` in a fresh interpreter; which of the
    modules ``names`` it imported (start-up cost is measured in what is not loaded)."""
    code = (
        f"import sys; sys.argv = ['qntrack', *{argv!r}]\n"
        "from qntrack.cli import main\ntry: main()\nexcept SystemExit: pass\n"
        f"print(*[name in sys.modules for name in {names!r}])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return [word == "True" for word in out.split()[-len(names) :]]
