"""Issue 17, forty-fifth session, helper F: the first hour of a provincial planning officer
(Bắc Ninh) who has never used a command line tool much: a plan written from the docs, figures
typed and pasted from Excel, in Vietnamese. Each test written failing first; expected rows
and figures written by hand from the cells typed here, never copied from qntrack's output."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean

PLAN = """\
version: 1
title: {en: "Bac Ninh: Party Congress Resolution", vi: "Bắc Ninh: Nghị quyết Đại hội Đảng bộ tỉnh"}
indicators:
  grdp_growth:
    name: {en: GRDP growth, vi: "Tăng trưởng GRDP"}
    unit: "%"
    measure: rate
    frequency: quarter
  poverty:
    name: {en: Poverty rate, vi: "Tỷ lệ hộ nghèo"}
    unit: "%"
    direction: decrease
targets:
  - id: tang-truong
    type: every_period
    indicator: grdp_growth
    at_least: 10
    from: 2021
    to: 2025
  - id: ngheo
    indicator: poverty
    baseline: {period: 2020, value: 2.5}
    milestones:
      - {by: 2025, value: 1}
"""

FROM = ("--source", "Cục Thống kê", "--recorded-at", "2026-07-10")


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER)


def _rows() -> list[str]:
    return Path("observations.csv").read_text(encoding="utf-8").splitlines()[1:]


# --- 1. 'Thực hiện' merged over the quarters, the plan's column beside it -------------------------

# A six-month report's annex: 'Thực hiện' (the realised figures) merged across the two
# quarters' columns, the quarters in the row below, the year's plan in the last column.
# 'Năm' merged so was read; 'Thực hiện', the value column's own heading, was refused (the
# paste even with --wide: "'Thực hiện' is not a period"; the workbook without --wide).
_MERGED = [
    ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện", "", "Kế hoạch 2025"],
    ["", "", "", "Quý I/2025", "Quý II/2025", ""],
    ["1", "Tăng trưởng GRDP", "%", "7,1", "7,5", "10"],
]
# Read by hand: grdp_growth 2025-Q1 = 7.1 and 2025-Q2 = 7.5; the plan's 10 never a figure.
_EXPECTED = [
    "grdp_growth,2025-Q1,7.1,,Cục Thống kê,,2026-07-10T00:00:00Z",
    "grdp_growth,2025-Q2,7.5,,Cục Thống kê,,2026-07-10T00:00:00Z",
]


@pytest.mark.parametrize("wide", [(), ("--wide",)])
def test_a_pasted_table_with_thuc_hien_merged_over_its_quarters_is_read(plan: Path, wide: tuple[str, ...]) -> None:
    text = "".join("\t".join(cells) + "\r\n" for cells in _MERGED)
    r = run_clean("--lang", "vi", "add-observation", "--from", "-", *wide, *FROM, input=text.encode("utf-8"))
    assert r.exit_code == 0, r.output
    assert _rows() == _EXPECTED


@pytest.mark.parametrize("wide", [(), ("--wide",)])
def test_a_workbook_with_thuc_hien_merged_over_its_quarters_is_read(plan: Path, wide: tuple[str, ...]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in _MERGED:
        sheet.append([float(c.replace(",", ".")) if c[:1].isdigit() and "," in c else (c or None) for c in row])
    for merged in ("D1:E1", "A1:A2", "B1:B2", "C1:C2", "F1:F2"):
        sheet.merge_cells(merged)
    book.save("bieu.xlsx")
    r = run_clean("--lang", "vi", "add-observation", "--from", "bieu.xlsx", *wide, *FROM)
    assert r.exit_code == 0, r.output
    assert _rows() == _EXPECTED


def test_a_value_heading_over_figures_is_still_a_long_table(plan: Path) -> None:
    # 'Thực hiện' over a long table's figures (no period in the row below) stays the
    # value column: the row below is data.
    text = "Chỉ tiêu\tKỳ\tThực hiện\nTỷ lệ hộ nghèo\t2024\t1,9\n"
    r = run_clean("--lang", "vi", "add-observation", "--from", "-", *FROM, input=text.encode("utf-8"))
    assert r.exit_code == 0, r.output
    assert _rows() == ["poverty,2024,1.9,,Cục Thống kê,,2026-07-10T00:00:00Z"]


def test_a_workbook_with_thuc_hien_merged_over_its_last_columns_is_read(plan: Path) -> None:
    # The merged heading is the sheet's last: no gap between named headings, the cell right
    # of it empty.
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["Chỉ tiêu", "Thực hiện", None], [None, "Quý I/2025", "Quý II/2025"], ["grdp_growth", 7.1, 7.5]]:
        sheet.append(row)
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("A1:A2")
    book.save("bieu.xlsx")
    r = run_clean("--lang", "vi", "add-observation", "--from", "bieu.xlsx", *FROM)
    assert r.exit_code == 0, r.output
    assert _rows() == _EXPECTED
