"""A revision that changes the figure and its status says both (issue 17, twenty-seventh
session; pass B's leftover).

The officer's 6-month estimate of growth, 10.2 (estimate, 3 July 2026), replaced by the
official 10.35: the confirmation said "revising 10.2 (recorded 2026-07-03)", and not that
an estimate became an official figure, which a status-only revision already says.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean, store_text

TARGETS = """\
version: 1
title: "Growth"
indicators:
  growth:
    name: {en: "GRDP growth", vi: "Tăng trưởng GRDP"}
    unit: "%"
    measure: rate
    frequency: half
targets:
  - {id: growth-2026, type: plan, indicator: growth, period: 2026, value: 10}
"""
START = STORE_HEADER + "growth,2026-H1,10.2,estimate,Cục Thống kê,,2026-07-03T00:00:00Z\n"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, START)


REVISE = ("add-observation", "growth", "2026-H1", "10.35", "--status", "official", "--source", "Cục Thống kê")
AT = ("--recorded-at", "2026-08-01")


@pytest.mark.parametrize(
    "lang, said",
    [
        (
            "en",
            "added growth 2026-H1 = 10.35 to observations.csv, revising 10.2 (recorded 2026-07-03), "
            "its status changed from estimate to official",
        ),
        (
            "vi",
            "đã thêm growth 2026-H1 = 10,35 vào observations.csv, thay cho số 10,2 (ghi nhận 03/07/2026), "
            "trạng thái đổi từ ước tính sang chính thức",
        ),
    ],
)
def test_a_revision_of_the_figure_and_its_status_says_both(plan: Path, lang: str, said: str):
    dry = run_clean("--lang", lang, *REVISE, *AT, "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert store_text(plan) == START
    r = run_clean("--lang", lang, *REVISE, *AT)
    assert r.exit_code == 0, r.stderr
    assert r.stderr.splitlines()[0] == said
    # The dry run said what the run said, as a dry run (twenty-seventh session, pass D).
    assert ("estimate to official" if lang == "en" else "từ ước tính sang chính thức") in dry.stderr
    assert store_text(plan) == START + "growth,2026-H1,10.35,official,Cục Thống kê,,2026-08-01T00:00:00Z\n"


def test_an_import_row_that_revises_the_figure_and_its_status_says_both(plan: Path):
    Path("in.csv").write_text(
        "indicator,period,value,status,source,recorded_at\ngrowth,2026-H1,10.35,official,Cục Thống kê,2026-08-01\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    assert "  growth 2026-H1 = 10.35, revising 10.2 (recorded 2026-07-03), status estimate → official\n" in r.stderr, (
        r.stderr
    )


def test_a_revision_keeping_its_status_keeps_its_words(plan: Path):
    r = run_clean(
        "add-observation", "growth", "2026-H1", "10.3", "--status", "estimate", "--source", "Cục Thống kê", *AT
    )
    assert r.exit_code == 0, r.stderr
    assert r.stderr.splitlines()[0] == (
        "added growth 2026-H1 = 10.3 to observations.csv, revising 10.2 (recorded 2026-07-03)"
    )
