"""The half-year review (issue 17, fifteenth session): a provincial statistics office
records its first-6-months figures, imports its workbook and CSV files, and writes the
6-month report in Vietnamese. Each test is a defect found and fixed (docs/decisions.md,
"The half-year review")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean
from helpers import stored_cells as _stored

TARGETS = """\
version: 1
title: "Half year"
indicators:
  grdp_growth:
    name: {en: "GRDP growth", vi: "Tốc độ tăng trưởng GRDP"}
    unit: "%"
    frequency: quarter
  fdi:
    name: {en: "FDI attracted", vi: "Vốn FDI thu hút"}
    unit: "million USD"
    measure: flow
    frequency: month
targets:
  - id: growth
    indicator: grdp_growth
    baseline: {period: 2020, value: 7}
    milestones:
      - {by: 2030, value: 10}
"""


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, "")


# An office writes the first half as "H1 2026", "H1/2026", "2026H1" or "2026 H1", and in
# words "nửa đầu năm 2026" / "nửa cuối năm 2026". Each names one span only: January to June
# (H1) or July to December (H2) of 2026, so the store's 2026-H1 / 2026-H2, by hand.
@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("H1 2026", "2026-H1"),
        ("H1/2026", "2026-H1"),
        ("h1-2026", "2026-H1"),
        ("2026H1", "2026-H1"),
        ("2026 H2", "2026-H2"),
        ("H2/2026", "2026-H2"),
        ("Nửa đầu năm 2026", "2026-H1"),
        ("nửa cuối năm 2026", "2026-H2"),
        ("6 tháng đầu năm 2026", "2026-H1"),
    ],
)
def test_a_half_year_is_read_as_the_office_writes_it(plan: Path, typed: str, stored: str):
    result = run_clean(
        "add-observation", "grdp_growth", typed, "10.5", "--status", "estimate", "--recorded-at", "2026-07-03"
    )
    assert result.exit_code == 0, result.output
    assert _stored(plan, 3)[-1] == ["grdp_growth", stored, "10.5"]
