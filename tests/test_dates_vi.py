"""Dates in the terminal tables as the reader writes them (issue 12, m3): 15/10/2023 under
--lang vi, as the Vietnamese report already did; ISO (2023-10-15) in English; the machine
formats (csv, tsv, json) keep ISO timestamps in both languages.

The small tracker (conftest) records share 2023 = 12.3 at 2023-10-15T00:00:00Z.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qntrack.cli import app


def run(*args: str) -> str:
    r = CliRunner().invoke(app, list(args), env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    return r.stdout


@pytest.mark.parametrize("command", [("observations",), ("show", "share")])
def test_vietnamese_tables_write_day_month_year(tracker: Path, command: tuple[str, ...]):
    vi = run(*command, "-f", "table", "--lang", "vi")
    assert "15/10/2023" in vi
    assert "2023-10-15" not in vi
    en = run(*command, "-f", "table")
    assert "2023-10-15" in en and "15/10/2023" not in en


def test_history_keeps_the_time_of_the_timestamp(tracker: Path):
    # history writes the moment as stored, ISO, in both languages (issue 17, twenty-third
    # session; it was "15/10/2023 00:00:00Z" in Vietnamese), never the day first.
    vi = run("history", "share", "2023", "-f", "table", "--lang", "vi")
    assert "2023-10-15T00:00:00Z" in vi
    assert "15/10/2023" not in vi
    assert "2023-10-15T00:00:00Z" in run("history", "share", "2023", "-f", "table")


def test_the_as_of_day_in_the_headings(tracker: Path):
    assert "tính đến 01/06/2024" in run("status", "-f", "table", "--as-of", "2024-06-01", "--lang", "vi")
    assert "tính đến 01/06/2024" in run("history", "share", "-f", "table", "--as-of", "2024-06-01", "--lang", "vi")
    show = run("show", "share", "-f", "table", "--as-of", "2024-06-01", "--lang", "vi")
    assert "01/06/2024" in show and "2024-06-01" not in show
    assert "as of 2024-06-01" in run("status", "-f", "table", "--as-of", "2024-06-01")


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_machine_formats_keep_iso(tracker: Path, fmt: str):
    for command in (("observations",), ("history", "share")):
        en = run(*command, "-f", fmt)
        assert run(*command, "-f", fmt, "--lang", "vi") == en
        assert "2023-10-15T00:00:00Z" in en and "15/10/2023" not in en
    if fmt == "json":
        assert json.loads(run("observations", "-f", "json", "--lang", "vi"))["observations"]
