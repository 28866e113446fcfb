"""No command prints into a file it reads (issue 12: outputs never replace inputs).

`qntrack status -f csv >> observations.csv` glued 38-column rows onto the store and every
later command failed; `observations -f csv >> observations.csv` doubled every row. Only
`report` refused. The shell opens the file, so the test does too: a real process whose
standard output is the store (or the plan), opened for appending.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = [
    ["status", "-f", "csv"],
    ["status"],
    ["status", "-f", "json", "--as-of", "2030-01-01"],
    ["observations", "-f", "csv"],
    ["show", "share"],
    ["history", "share"],
    ["indicators"],
    ["targets"],
    ["check"],
    ["check", "-f", "json"],
    ["report", "-f", "json"],
    # Commands that read neither file still never print into them (second hostile pass).
    ["docs"],
    ["docs", "methodology"],
    ["check", "--list"],
    ["--help"],
    ["--version"],
]


def bare_environment(cwd: Path) -> dict[str, str]:
    """PATH and HOME, nothing of the caller's language or settings; and where Python finds
    the qntrack under test and whether it writes bytecode, as the test process has them (a
    checkout tested with ``PYTHONPATH=src`` otherwise ran the installed qntrack)."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    env.update({name: os.environ[name] for name in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE") if name in os.environ})
    return env


def _qntrack(args: list[str], into: Path, cwd: Path) -> subprocess.CompletedProcess:
    with open(into, "ab") as out:
        return subprocess.run(
            [sys.executable, "-m", "qntrack", *args],
            stdout=out,
            stderr=subprocess.PIPE,
            cwd=cwd,
            text=True,
            env=bare_environment(cwd),
        )


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("name", ["observations.csv", "targets.yaml"])
def test_printing_into_an_input_is_refused_and_leaves_it_as_it_was(tracker: Path, args: list[str], name: str):
    before = (tracker / name).read_bytes()
    r = _qntrack(args, tracker / name, tracker)
    assert r.returncode == 2, r.stderr
    assert (tracker / name).read_bytes() == before
    assert r.stderr.startswith("standard output: error: standard output is the")
    assert "Traceback" not in r.stderr


def test_add_observation_dry_run_into_the_store(tracker: Path):
    before = (tracker / "observations.csv").read_bytes()
    r = _qntrack(
        ["add-observation", "share", "2024", "13", "--status", "estimate", "--dry-run", "-f", "csv"],
        tracker / "observations.csv",
        tracker,
    )
    assert r.returncode == 2 and (tracker / "observations.csv").read_bytes() == before


def test_printing_into_another_file_works(tracker: Path):
    r = _qntrack(["status", "-f", "csv"], tracker / "out.csv", tracker)
    assert r.returncode == 0, r.stderr
    assert (tracker / "out.csv").read_text(encoding="utf-8").startswith("id,type,indicator")


@pytest.mark.parametrize(
    "lang, plan_says, store_says",
    [
        (
            "en",
            "standard output is the plan file (targets.yaml);",
            "standard output is the observations file (observations.csv);",
        ),
        (
            "vi",
            "đầu ra chuẩn chính là tệp kế hoạch (targets.yaml);",
            "đầu ra chuẩn chính là tệp số liệu (observations.csv);",
        ),
    ],
)
@pytest.mark.parametrize("args", [["status", "-f", "csv"], ["report", "-f", "json"]], ids=" ".join)
def test_the_refusal_names_each_file_once(tracker: Path, args: list[str], lang: str, plan_says: str, store_says: str):
    """It said "standard output is the plan (targets.yaml) (targets.yaml)" (issue 12, g2)."""
    for name, says in (("targets.yaml", plan_says), ("observations.csv", store_says)):
        r = _qntrack([*args, "--lang", lang], tracker / name, tracker)
        assert r.returncode == 2, r.stderr
        assert says in r.stderr, r.stderr
        assert r.stderr.count(name) == 1, r.stderr


@pytest.mark.parametrize(
    "args", [["status", "-f", "json"], ["docs", "cli"], ["observations", "-f", "csv"]], ids=" ".join
)
def test_a_store_named_in_the_plan_is_protected_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]):
    """`observations: data/obs.csv`: found from the plan's own line before the command runs
    (status through its cache included), so that no command prints into it."""
    from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, make_tracker

    plan = make_tracker(
        tmp_path, monkeypatch, SMALL_TARGETS.replace("title:", "observations: data/obs.csv\ntitle:"), SMALL_OBSERVATIONS
    )
    (plan / "data").mkdir()
    (plan / "observations.csv").rename(plan / "data" / "obs.csv")
    before = (plan / "data" / "obs.csv").read_bytes()
    assert _qntrack(["status", "-f", "json"], plan / "out.json", plan).returncode == 0  # the cache is warm now
    r = _qntrack(args, plan / "data" / "obs.csv", plan)
    assert r.returncode == 2, r.stderr
    assert "standard output is the observations file (data/obs.csv)" in r.stderr
    assert (plan / "data" / "obs.csv").read_bytes() == before
