"""A yearbook heads its last column with the figures' status and year ("Sơ bộ 2024",
"Prel. 2024", "Ước TH 2025"): that column's figures have that status, and the column is
that period (docs/observations-format.md, "A status in a column's heading")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run, stored_cells

TARGETS = """\
version: 1
title: "Yearbook"
indicators:
  grdp_growth:
    name: {en: "GRDP growth", vi: "Tốc độ tăng trưởng GRDP"}
    unit: "%"
targets:
  - id: growth
    indicator: grdp_growth
    baseline: {period: 2020, value: 7}
    milestones:
      - {by: 2025, value: 10}
"""
HEADER = STORE_HEADER
STAMP = "2025-06-01T00:00:00Z"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, HEADER)


def _stored(plan: Path) -> list[list[str]]:
    return stored_cells(plan, 4)


@pytest.mark.parametrize("heading", ["Sơ bộ 2024", "Sơ bộ - 2024", "Prel. 2024", "prel 2024", "SƠ BỘ năm 2024"])
def test_a_status_heading_gives_its_column_that_status(plan: Path, heading: str):
    (plan / "t.csv").write_text(f"Chỉ tiêu;2022;2023;{heading}\ngrdp_growth;8,4;10,8;11,0\n", encoding="utf-8")
    r = run("add-observation", "--from", "t.csv", "--wide", "--status", "official", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert _stored(plan) == [
        ["grdp_growth", "2022", "8.4", "official"],
        ["grdp_growth", "2023", "10.8", "official"],
        ["grdp_growth", "2024", "11", "preliminary"],
    ]


def test_an_estimate_heading_in_a_workbook(plan: Path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Chỉ tiêu", "2023", "Ước TH 2024"])
    sheet.append(["grdp_growth", 10.8, 11.2])
    book.save(plan / "t.xlsx")
    r = run("add-observation", "--from", "t.xlsx", "--wide", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert _stored(plan) == [["grdp_growth", "2023", "10.8", ""], ["grdp_growth", "2024", "11.2", "estimate"]]


def test_a_row_status_that_contradicts_its_column_stops_the_row(plan: Path):
    (plan / "t.csv").write_text("indicator,status,2023,Prel. 2024\ngrdp_growth,official,10.8,11\n", encoding="utf-8")
    r = run("add-observation", "--from", "t.csv", "--wide", "--recorded-at", STAMP)
    assert r.exit_code == 1
    assert "t.csv:2: error: period 2024: column 'Prel. 2024' gives preliminary figures" in r.stderr
    assert _stored(plan) == []


def test_a_heading_that_is_a_status_and_no_period_is_still_refused(plan: Path):
    (plan / "t.csv").write_text("indicator,2023,Sơ bộ\ngrdp_growth,10.8,11\n", encoding="utf-8")
    r = run("add-observation", "--from", "t.csv", "--wide", "--recorded-at", STAMP)
    assert r.exit_code == 1
    assert "not a period" in r.stderr or "is neither a period" in r.stderr
