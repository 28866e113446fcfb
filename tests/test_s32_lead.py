"""Issue 17, thirty-second session, the lead: a unit's figure of another year is not
ranked against this year's by its value (pass L's leftover). Expected orders worked out
by hand from methodology.md, "Ranking"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

# A 2025 plan of 400 for the districts; A has its own plan (100) and 90 for 2025. C, E, F
# and D have no plan: not available, no score, no P, no share; the figure shown decides.
# C 50 and E 60 are 2025's; D's 80 and F's 95 are 2023's, two years older.
PLAN = """\
version: 1
title: "Plan of 2025"
dimensions:
  district:
    name: {en: District, vi: Huyện}
    values: [A, C, D, E, F]
indicators:
  revenue:
    name: {en: Revenue, vi: Thu ngân sách}
    unit: {en: billion VND, vi: tỷ đồng}
    measure: flow
    direction: increase
    frequency: year
    dimensions: [district]
targets:
  - id: rev-plan-2025
    type: plan
    indicator: revenue
    name: {en: Revenue plan 2025, vi: Kế hoạch thu 2025}
    period: 2025
    value: 400
    for_each: district
    overrides:
      A: {value: 100}
"""
STORE = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "revenue[district=A],2025,90,,s25,,2026-01-10T00:00:00Z\n"
    "revenue[district=C],2025,50,,s25,,2026-01-10T00:00:00Z\n"
    "revenue[district=D],2023,80,,s23,,2024-01-10T00:00:00Z\n"
    "revenue[district=E],2025,60,,s25,,2026-01-10T00:00:00Z\n"
    "revenue[district=F],2023,95,,s23,,2024-01-10T00:00:00Z\n"
)


def _ranked(*args: str) -> list[tuple[int, str]]:
    r = run_clean("rank", "rev-plan-2025", "--format", "json", "--as-of", "2026-06-30", *args)
    assert r.exit_code == 0, r.stderr
    return [(u["rank"], u["dims"]["district"]) for u in json.loads(r.stdout)["units"]]


def test_a_units_older_figure_ranks_after_this_years_figures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A (judged against its own plan: 90 of 100, not achieved) first; then the 2025 figures by value, E 60 before C
    50; then the 2023 figures by value, F 95 before D 80: a 2023 figure says nothing of how
    a district stands against 2025's, so it is not put above them by being larger."""
    make_tracker(tmp_path, monkeypatch, PLAN, STORE)
    assert _ranked() == [(1, "A"), (2, "E"), (3, "C"), (4, "F"), (5, "D")]


def test_the_tsv_and_the_workbook_rank_as_json_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import openpyxl

    make_tracker(tmp_path, monkeypatch, PLAN, STORE)
    tsv = run_clean("rank", "rev-plan-2025", "--format", "tsv", "--as-of", "2026-06-30").stdout
    assert [line.split("\t")[1] for line in tsv.splitlines()[1:]] == ["A", "E", "C", "F", "D"]
    book = tmp_path / "r.xlsx"
    assert run_clean("report", "-o", str(book), "--as-of", "2026-06-30").exit_code == 0
    rows = [r for r in openpyxl.load_workbook(book)["rev-plan-2025"].iter_rows(min_row=3, values_only=True) if r[0]]
    assert [r[1] for r in rows] == ["A", "E", "C", "F", "D"]
