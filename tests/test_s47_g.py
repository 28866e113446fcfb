"""Session 47, helper G: a hostile review of the forty-sixth session's changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

PLAN = """\
version: 1
title: "Import"
observations: observations.csv
indicators:
  revenue:
    name: {en: "Budget revenue", vi: "Thu ngân sách"}
    unit: {en: "billion VND", vi: "tỷ đồng"}
    measure: flow
targets:
  - id: revenue
    type: level
    indicator: revenue
    baseline: {period: 2020, value: 5}
    milestones:
      - {by: 2030, value: 8}
"""
STORE = "indicator,period,value,status,source,note,recorded_at\n"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


def _store(plan: Path) -> str:
    return (plan / "observations.csv").read_text(encoding="utf-8")


# --- 1. A '|' file whose rows hold a comma or a ';' (a decimal comma, a note) -------------
#
# The separator was taken from the first line holding a tab, ';' or ',': a '|' header has
# none, so the first row's decimal comma ("12,5") or a note's ';' chose ',' or ';', and the
# file was refused with "give --delimiter '|', or leave --delimiter out", though none was
# given. A '|' line that reads as our header is the header.


@pytest.mark.parametrize("row", ["revenue|2024|12,5|a b", "revenue|2024|12.5|a, b", "revenue|2024|12.5|a; b"])
def test_a_pipe_file_whose_rows_hold_a_comma_or_a_semicolon_is_read(plan: Path, row: str) -> None:
    (plan / "in.txt").write_text("indicator|period|value|note\n" + row + "\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.txt", "--recorded-at", "2025-01-01")
    assert r.exit_code == 0, r.output
    note = row.rpartition("|")[2]
    cell = f'"{note}"' if "," in note else note
    assert _store(plan) == STORE + f"revenue,2024,12.5,,,{cell},2025-01-01T00:00:00Z\n"


def test_a_title_with_a_pipe_above_a_comma_table_is_still_passed_over(plan: Path) -> None:
    (plan / "in.csv").write_text("Budget report | 2024\nindicator,period,value\nrevenue,2024,12.5\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv", "--recorded-at", "2025-01-01")
    assert r.exit_code == 0, r.output
    assert _store(plan) == STORE + "revenue,2024,12.5,,,,2025-01-01T00:00:00Z\n"
