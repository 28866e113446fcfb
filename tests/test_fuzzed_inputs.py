"""Inputs a fuzzer found (issue 17, sixteenth session): each one, minimised by hand, once
ended in a Python traceback. The promise is one clear message naming the file, its line
(or cell) and what would be valid, the documented exit code, and nothing written."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean, store_bytes

TARGETS = """\
version: 1
title: "Fuzzed inputs"
indicators:
  growth:
    name: "GRDP growth"
    unit: "%"
    measure: rate
  share:
    name: "Manufacturing share"
    unit: "%"
targets:
  - id: share
    indicator: share
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 15}
"""

START = STORE_HEADER + "share,2020,10,official,yearbook 2020,,2021-06-30T00:00:00Z\n"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, START)


# --- workbooks ------------------------------------------------------------------------------


def test_a_workbook_header_with_an_empty_cell_and_no_period_column_names_both_cells(plan: Path):
    # The fuzzer's case was a header cell holding a formula with no saved value ("=A1"),
    # which reads as empty; an empty cell is the smallest form. The CSV path says the same
    # two things (unknown column 2, no period column) at line 1; the workbook's at the
    # cells: B1 for the empty column, A1 (the table's first column) for the whole header.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["indicator", None, "value"])
    ws.append(["growth", "2021", 5])
    wb.save(plan / "so-lieu.xlsx")
    before = store_bytes(plan)
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert lines[0].startswith("so-lieu.xlsx:Sheet1!B1: error: unknown column '(empty, column 2)'")
    assert lines[1] == "so-lieu.xlsx:Sheet1!A1: error: the header needs period (found: indicator, '', value)"
    assert r.stdout == ""
    assert store_bytes(plan) == before
