"""The numbers at their edges (issue 17, twenty-seventh session, pass A): values below zero,
rates exactly on a band's edge, a balance's pace. Each test was written failing first; every
expected value is worked out by hand in the comments from docs/methodology.md's formulas
(the shared methodology's section 1.1), never copied from qntrack's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import json_of, run, shown

_PLAN = """\
title: edges
indicators:
  up: {name: Output, unit: t, measure: level, direction: increase, frequency: year}
  half: {name: Half, unit: t, measure: level, direction: increase, frequency: year}
  share: {name: Share, unit: "%", measure: level, direction: increase, frequency: year}
  share6: {name: Share six, unit: "%", measure: level, direction: increase, frequency: year}
  tb: {name: Trade balance, unit: million USD, measure: balance, direction: increase, frequency: year}
  deficit: {name: Deficit, unit: million USD, measure: level, direction: increase, frequency: year}
  debt: {name: Net position, unit: bn, measure: level, direction: increase, frequency: year}
targets:
  - {id: up-dir, indicator: up, name: Output up, baseline: 2020}
  - {id: half-dir, indicator: half, name: Half up, baseline: 2020}
  - id: share-95
    indicator: share
    name: Share 12.1 by 2022
    baseline: 2020
    milestones: [{by: 2022, value: 12.1}]
  - id: share-60
    indicator: share6
    name: Share six 12.1 by 2022
    baseline: 2020
    milestones: [{by: 2022, value: 12.1}]
  - id: tb-up
    indicator: tb
    name: Deficit from -500 to -200
    baseline: {period: 2020, value: -500}
    milestones: [{by: 2025, value: -200}]
  - id: deficit-up
    indicator: deficit
    name: Deficit as a level
    baseline: 2020
    milestones: [{by: 2025, value: -200}]
  - {id: debt-dir, indicator: debt, name: Net position up, baseline: 2020}
"""

_STORE = STORE_HEADER + (
    "up,2020,200,official,s,,2021-03-01T00:00:00Z\n"
    "up,2021,203,official,s,,2022-03-01T00:00:00Z\n"
    "half,2020,200,official,s,,2021-03-01T00:00:00Z\n"
    "half,2021,201,official,s,,2022-03-01T00:00:00Z\n"
    "share,2020,10,official,s,,2021-03-01T00:00:00Z\n"
    "share,2021,10.95,official,s,,2022-03-01T00:00:00Z\n"
    "share6,2020,10,official,s,,2021-03-01T00:00:00Z\n"
    "share6,2021,10.6,official,s,,2022-03-01T00:00:00Z\n"
    "tb,2020,-500,official,s,,2021-03-01T00:00:00Z\n"
    "tb,2023,-350,official,s,,2024-03-01T00:00:00Z\n"
    "deficit,2020,-500,official,s,,2021-03-01T00:00:00Z\n"
    "deficit,2023,-350,official,s,,2024-03-01T00:00:00Z\n"
    "debt,2020,-500,official,s,,2021-03-01T00:00:00Z\n"
    "debt,2023,-700,official,s,,2024-03-01T00:00:00Z\n"
)


@pytest.fixture
def edges(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, _PLAN, _STORE)


def _targets(*args: str) -> dict[str, dict]:
    return {t["id"]: t for t in json_of("status", "--format", "json", *args)["targets"]}


# --- 1. A direction-only rise of exactly 1.5 % (or 0.5 %) a year sits on its band's edge -------
# Method 1: P = sign × d × a, a = growth(203, 200, 2021, 2020) = 203 / 200 − 1 = 0.015; sign = +1,
# d = +1: P = 0.015 = high, and the lower edge is in the band: substantial progress, score
# min(500 × 0.015 / 1 − 5, 5) = 2.5. 200 → 201: a = 0.005 = med: moderate progress, score
# 250 × 0.005 / 1 − 1.25 = 0. In floats 203 / 200 − 1 is 0.014999999999999902 and 201 / 200 − 1
# is 0.004999999999999893: one band lower, as an average of exactly its bound was.


def test_a_rise_of_exactly_one_and_a_half_percent_is_substantial_progress(edges: Path):
    t = _targets()
    assert (t["up-dir"]["status"], t["up-dir"]["progress_value"], t["up-dir"]["score"]) == (
        "substantial_progress",
        0.015,
        2.5,
    )
    assert (t["half-dir"]["status"], t["half-dir"]["progress_value"], t["half-dir"]["score"]) == (
        "moderate_progress",
        0.005,
        0.0,
    )
    assert "Status Substantial progress" in shown("up-dir")
    assert "Đánh giá Tiến triển vừa phải" in shown("half-dir", "--lang", "vi")


# --- 2. A milestone's P exactly on 0.95 and on 0.6 ------------------------------------------------
# Base 10 % (2020), 10.95 % in 2021, milestone 12.1 % by 2022: a = 10.95 / 10 − 1 = 0.095,
# r = (12.1 / 10)^(1/2) − 1 = 1.1 − 1 = 0.1, P = 0.095 / 0.1 = 0.95: substantial progress,
# score 7.1429 × 0.95 − 4.2857 = 2.500055. In floats: 0.09499999999999997 / 0.10000000000000009 =
# 0.9499999999999988, moderate. With 10.6 %: a = 0.06, P = 0.06 / 0.1 = 0.6, moderate
# progress, score 7.1429 × 0.6 − 4.2857 = 0.00004.


def test_a_milestone_pace_of_exactly_95_percent_is_substantial_progress(edges: Path):
    t = _targets()
    assert (t["share-95"]["status"], t["share-95"]["progress_value"]) == ("substantial_progress", 0.95)
    assert t["share-95"]["score"] == pytest.approx(2.500055, abs=1e-9)
    assert (t["share-60"]["status"], t["share-60"]["progress_value"]) == ("moderate_progress", 0.6)
    assert t["share-60"]["score"] == pytest.approx(0.00004, abs=1e-9)
    r = run("status", "share-95", "--format", "table", env={"COLUMNS": "200"})
    assert "0.95" in r.stdout and "Substantial progress" in r.stdout
