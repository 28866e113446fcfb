"""The status table never truncates a status or splits a target id, at 80 columns or wider
(issue 12): names, figures and goals wrap, and the sparkline goes first."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from qntrack.cli import app
from qntrack.i18n import status_label

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped Quảng Ninh plan: long names, ids up to 25 characters, every kind."""
    for name in ("targets.yaml", "observations.csv"):
        shutil.copyfile(ROOT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    monkeypatch.delenv("QNTRACK_LANG", raising=False)
    return tmp_path


def expectations(lang: str) -> tuple[list[str], list[str]]:
    doc = json.loads(runner.invoke(app, ["status", "--format", "json"]).stdout)
    return [t["id"] for t in doc["targets"]], [status_label(t["status"], lang) for t in doc["targets"]]


def check_table(text: str, width: int, ids: list[str], statuses: list[str]) -> None:
    lines = text.splitlines()
    assert all(cell_len(line) <= width for line in lines), max(cell_len(line) for line in lines)
    assert "…" not in text
    stripped = [line.strip() for line in lines]
    for target_id in ids:
        # Whole, on a line of its own in the target column.
        assert any(line.startswith(target_id + " ") or line == target_id for line in stripped), target_id
    for status in statuses:
        # A status may wrap between its words, never inside one.
        for word in status.split():
            assert any(f" {word} " in f" {line} " for line in lines), (status, word)


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("width", [80, 100, 120])
def test_piped_table_at_each_width(shipped: Path, lang: str, width: int):
    ids, statuses = expectations(lang)
    for _ in range(2):  # cold, then drawn through the status cache
        r = runner.invoke(app, ["status", "--format", "table", "--lang", lang], env={"COLUMNS": str(width)})
        assert r.exit_code == 0, r.stderr
        check_table(r.stdout, width, ids, statuses)


def test_the_sparkline_goes_first(shipped: Path):
    """At 80 columns the trend column is dropped; at 120 it is still drawn."""
    narrow = runner.invoke(app, ["status", "--format", "table"], env={"COLUMNS": "80"}).stdout
    wide = runner.invoke(app, ["status", "--format", "table"], env={"COLUMNS": "120"}).stdout
    bars = set("▁▂▃▄▅▆▇█")
    assert not bars & set(narrow)
    assert bars & set(wide)


def test_the_missed_marker_is_kept_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker
    from test_missed import OBSERVATIONS, TARGETS

    make_tracker(tmp_path, monkeypatch, TARGETS, OBSERVATIONS)
    for lang, words in (("en", "✗ missed 2025"), ("vi", "✗ không đạt mốc 2025")):
        r = runner.invoke(app, ["status", "--format", "table", "--lang", lang], env={"COLUMNS": "80"})
        assert words in r.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pseudo-terminal of a set size")
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_real_terminal_of_80_columns(shipped: Path, lang: str):
    import fcntl
    import struct
    import termios

    ids, statuses = expectations(lang)
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 80, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR")}
    env.update(TERM="dumb", QNTRACK_NO_CACHE="1")
    proc = subprocess.Popen([sys.executable, "-m", "qntrack", "status", "--lang", lang], stdin=follower,
                            stdout=follower, stderr=subprocess.PIPE, env=env, cwd=shipped)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    check_table(text, 80, ids, statuses)
