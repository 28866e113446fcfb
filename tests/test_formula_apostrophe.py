"""A source or note a spreadsheet would run is stored behind an apostrophe (rules.
written_text): the store is the file people double-click. Documents and terminal tables
are read by people, not spreadsheets, and show the text as it was given; data outputs
(csv, tsv, json) give the stored text, which a spreadsheet shows as it was given."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from helpers import run_clean

GIVEN_SOURCE = "-Sở KHĐT, báo cáo 6 tháng"
GIVEN_NOTE = "=ước tính"


@pytest.fixture
def stored(tracker: Path) -> Path:
    r = run_clean(
        "add-observation", "share", "2024", "13.1", "--status", "estimate", "--source", GIVEN_SOURCE,
        "--note", GIVEN_NOTE, "--recorded-at", "2025-01-10",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    last = (tracker / "observations.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert f"'{GIVEN_SOURCE}" in last and f"'{GIVEN_NOTE}" in last  # stored behind the apostrophe
    return tracker


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_report_shows_the_text_as_given(stored: Path, fmt: str) -> None:
    r = run_clean("report", "--format", fmt, "--as-of", "2025-02-01")
    assert r.exit_code == 0, r.output
    assert "-Sở KHĐT" in r.stdout
    assert "'-Sở" not in r.stdout and "&#39;-Sở" not in r.stdout and "&#x27;-Sở" not in r.stdout


def test_the_workbook_shows_the_text_as_given(stored: Path) -> None:
    assert run_clean("report", "-o", "r.xlsx", "--as-of", "2025-02-01").exit_code == 0
    with zipfile.ZipFile(stored / "r.xlsx") as z:
        strings = z.read("xl/sharedStrings.xml").decode("utf-8")
    assert "-Sở KHĐT" in strings and "'-Sở" not in strings


@pytest.mark.parametrize("command", [["observations"], ["history", "share"], ["show", "share"]])
def test_terminal_tables_show_the_text_as_given(stored: Path, command: list[str]) -> None:
    r = run_clean(*command, "--format", "table", env={"COLUMNS": "250"})
    assert r.exit_code == 0, r.output
    assert "-Sở KHĐT" in r.stdout and "'-Sở" not in r.stdout


def test_data_outputs_give_the_stored_text(stored: Path) -> None:
    csv_out = run_clean("observations", "--format", "csv").stdout
    assert f"'{GIVEN_SOURCE}" in csv_out
    rows = json.loads(run_clean("observations", "--format", "json").stdout)
    rows = rows["observations"] if isinstance(rows, dict) else rows
    assert any(o.get("source") == f"'{GIVEN_SOURCE}" for o in rows)
