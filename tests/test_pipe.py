"""The installed `qntrack` executable in real shell pipelines."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).parent / "qntrack"
pytestmark = pytest.mark.skipif(
    not EXE.exists() and not shutil.which("qntrack"),
    reason="the qntrack console script is not installed; run `pip install -e .`",
)


def sh(command: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QNTRACK_")}
    env["PATH"] = f"{EXE.parent}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def test_json_through_a_pipe(tracker: Path):
    r = sh(
        'qntrack status --format json | python3 -c \'import json,sys; d=json.load(sys.stdin); print(d["targets"][0]["status"])\'',
        tracker,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout == "moderate_progress\n"


def test_default_output_is_plain_tsv_when_piped(tracker: Path):
    r = sh("qntrack status | cut -f1,6", tracker)
    assert r.stdout.splitlines() == ["id\tstatus", "share\tmoderate_progress", "mining\tsubstantial_progress"]


def test_table_when_piped_has_no_colour(tracker: Path):
    r = sh("qntrack status --format table | cat", tracker)
    assert r.returncode == 0 and "\x1b[" not in r.stdout and "Moderate progress" in r.stdout


def test_a_closed_pipe_is_not_a_traceback(tracker: Path):
    for _ in range(30):
        with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
            fh.write("share,2021,11.3,,,,2022-01-10T00:00:00Z\n")
    r = sh("qntrack observations --format csv | head -1", tracker)
    assert r.returncode == 0
    assert "Traceback" not in r.stderr
    assert r.stdout == "indicator,period,value,status,source,note,recorded_at\n"


def test_errors_go_to_stderr_with_exit_code(tracker: Path):
    r = sh("qntrack add-observation share 2024 abc; echo rc=$?", tracker)
    assert r.stdout == "rc=1\n"
    assert r.stderr == "add-observation: error: 'abc' is not a number; write a decimal like 10.28\n"


def test_python_dash_m(tracker: Path):
    r = subprocess.run([sys.executable, "-m", "qntrack", "--version"], capture_output=True, text=True, cwd=tracker)
    assert r.stdout == "qntrack 0.1.0\n"


def test_shipped_dataset_status_runs():
    """The README's first command, on the dataset that ships with the project."""
    root = Path(__file__).resolve().parent.parent
    r = sh("qntrack status --format json", root)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    by_id = {t["id"]: t for t in doc["targets"]}
    # The real story (shared/data/quangninh-facts.md): 2024 broke the double-digit run,
    # FDI missed the 2022 plan and far exceeded the 2023 one.
    assert by_id["grdp-double-digit"]["status"] == "not_achieved"
    assert by_id["grdp-double-digit"]["details"]["first_failure"] == "2024"
    assert by_id["fdi-plan-2022"]["status"] == "not_achieved"
    assert by_id["fdi-plan-2023"]["details"]["percent_of_plan"] == pytest.approx(313.0)
    assert sh("qntrack check", root).returncode == 0


@pytest.mark.parametrize(
    "command",
    ["show share", "status --format table", "show share --lang vi", "report --format markdown", "observations"],
)
def test_a_reader_that_goes_away_ends_every_command_quietly(tracker: Path, command: str):
    """`qntrack show share | head -1`: a closed pipe is not an error, whichever way the
    command prints (Rich's console exits 1 on one by default). `true` closes its end at
    once, so the first write finds the pipe closed."""
    r = sh(f"qntrack {command} | true", tracker)
    assert r.returncode == 0, (r.returncode, r.stderr)
    assert r.stderr == ""
    r = sh(f"qntrack {command} | head -1", tracker)
    assert r.returncode == 0, (r.returncode, r.stderr)
    assert r.stderr == ""
