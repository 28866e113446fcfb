"""Issue 17, fortieth session, pass F: the documentation taken literally, and the OS
errors of every command that reads or writes a file, as a new and an unlucky user meet
them. Each test here failed before its fix.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).parent / "qntrack"


def _qntrack(args: list[str], cwd: Path, closing: str = "") -> subprocess.CompletedProcess[str]:
    """The installed command in a child process, through sh when ``closing`` (``>&-``)
    leaves one of its streams not open at all."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("QNTRACK_")}
    command = [str(EXE)] if EXE.exists() else [sys.executable, "-m", "qntrack"]
    if closing:
        command = ["sh", "-c", f'exec "$@" {closing}', "sh", *command]
    return subprocess.run(
        command + args, cwd=cwd, capture_output=True, stdin=subprocess.DEVNULL, env=base, text=True, timeout=120
    )


# --- A binary report sent to a closed standard output --------------------------------------


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_binary_report_to_a_closed_stdout_is_one_line_not_a_traceback(shipped: Path, fmt: str):
    # `qntrack report --format xlsx >&-` (a cron line that closed its output) ended in a
    # Python traceback, AttributeError: 'Closed' object has no attribute 'buffer': the
    # workbook's bytes went to sys.stdout.buffer, which the stand-in for a closed standard
    # output lacked. The text formats said it in one line; the binary ones now do too.
    before = (shipped / "observations.csv").read_bytes()
    proc = _qntrack(["report", "--format", fmt], shipped, closing=">&-")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "standard output" in lines[0] and "closed" in lines[0]
    assert (shipped / "observations.csv").read_bytes() == before
    assert sorted(p.name for p in shipped.iterdir() if not p.name.startswith(".")) == [
        "observations.csv",
        "targets.yaml",
    ]


# --- init given a file ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "advice"),
    [("en", "give the path of a folder"), ("vi", "hãy cho đường dẫn của một thư mục")],
)
def test_init_given_a_file_says_what_to_give(shipped: Path, lang: str, advice: str):
    # `qntrack init targets.yaml` (the file one means to make) said only "targets.yaml:
    # error: is a file, not a folder", where a FIFO or a device given to init is told to
    # give a folder's path, which init creates when it does not exist.
    from helpers import run

    before = {p.name: p.read_bytes() for p in shipped.iterdir()}
    result = run("--lang", lang, "init", "targets.yaml")
    assert result.exit_code == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("targets.yaml:"), result.stderr
    assert advice in lines[0], lines[0]
    assert "init" in lines[0].split(":", 2)[2], lines[0]
    assert {p.name: p.read_bytes() for p in shipped.iterdir()} == before
