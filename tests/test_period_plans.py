"""A plan for a period shorter than a year (a half year's plan, 600 million USD of FDI in
2026-H1): the documents called it an annual plan and read a quarter's figure against "the
year" (issue 17, sixteenth session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean
from test_period_words import QUARTERS_PLAN  # an every-quarter target, at least 8

PLAN = """\
version: 1
title: "Half-year plan"
indicators:
  fdi:
    name: {en: "FDI attracted", vi: "Vốn FDI thu hút"}
    unit: {en: "million USD", vi: "triệu USD"}
    measure: flow
    frequency: month
targets:
  - id: fdi-h1
    type: plan
    indicator: fdi
    period: 2026-H1
    value: 600
  - id: fdi-2026
    type: plan
    indicator: fdi
    period: 2026
    value: 1200
"""
FIGURES = STORE_HEADER + "fdi,2026-Q1,250,estimate,,,2026-04-02T00:00:00Z\n"


@pytest.fixture
def half_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, FIGURES)


def test_a_half_year_plans_reading_is_against_the_half_year(half_year: Path):
    # By hand: Q1 is 3 of H1's 6 months, 50% of the plan's period; 250 / 600 = 41.7% of the
    # plan. It said "41.7% of the annual plan after 50% of the year": Q1 is 25% of a year,
    # and the plan is H1's. The annual plan beside it keeps its words: 250 / 1200 = 20.8%
    # after 3 / 12 = 25% of the year.
    r = run_clean("show", "fdi-h1", "--as-of", "2026-04-10")
    assert r.exit_code == 0, r.output
    assert "41.7% of the plan for H1 2026 after 50% of it" in r.stdout, r.stdout
    assert "annual" not in r.stdout and "of the year" not in r.stdout, r.stdout
    r = run_clean("show", "fdi-2026", "--as-of", "2026-04-10")
    assert "20.8% of the annual plan after 25% of the year" in r.stdout, r.stdout
    # P = 0.4167 / 0.5 = 0.8333, moderate progress (0.6 <= P < 0.95); score by method 2:
    # (0.8333 - 0.6) / (0.95 - 0.6) x 2.5 = 7.1429 x 0.8333 - 4.2857 = 1.6667.
    from helpers import json_of

    t = next(
        t for t in json_of("status", "--format", "json", "--as-of", "2026-04-10")["targets"] if t["id"] == "fdi-h1"
    )
    assert t["status"] == "moderate_progress"
    assert abs(t["progress_value"] - 0.8333) < 1e-4 and abs(t["score"] - 1.6667) < 1e-4, t
    vi = run_clean("show", "fdi-h1", "--as-of", "2026-04-10", "--lang", "vi")
    assert "bằng 41,7% kế hoạch 6 tháng đầu năm 2026, khi đã qua 50% thời gian của kỳ" in vi.stdout, vi.stdout
    assert "Kế hoạch năm" not in vi.stdout and "kế hoạch năm" not in vi.stdout, vi.stdout


def test_a_half_year_plan_is_not_called_an_annual_plan_in_a_report(half_year: Path):
    for lang, annual, period_plan in (
        ("en", "Annual plan", "Plan for a period"),
        ("vi", "Kế hoạch năm", "Kế hoạch theo kỳ"),
    ):
        r = run_clean("report", "--format", "markdown", "--as-of", "2026-04-10", "--lang", lang)
        assert r.exit_code == 0, r.output
        h1 = r.stdout[r.stdout.index("`fdi-h1`") :]
        h1 = h1[: h1.index("`fdi-2026`")] if "`fdi-2026`" in h1 else h1
        assert period_plan in h1 and annual not in h1 and "annual plan" not in h1, h1
        assert "kế hoạch năm" not in h1, h1
        # The yearly plan is still an annual plan.
        year = r.stdout[r.stdout.index("`fdi-2026`") :]
        assert annual in year, year


def test_an_every_period_targets_missed_periods_are_not_called_milestones(tmp_path, monkeypatch):
    # 2025-Q2 is 7 < 8: missed. A target every period has no milestones; its key figures
    # called the quarter missed a "missed milestone" ("Các mốc không đạt").
    make_tracker(
        tmp_path,
        monkeypatch,
        QUARTERS_PLAN,
        STORE_HEADER + "g,2025-Q1,9,,,,2025-04-05T00:00:00Z\ng,2025-Q2,7,,,,2025-07-05T00:00:00Z\n",
    )
    for lang, word, wrong in (("en", "Periods missed", "Missed milestones"), ("vi", "Các kỳ không đạt", "Các mốc")):
        shown = run_clean("show", "every-q", "--as-of", "2025-08-01", "--lang", lang)
        assert shown.exit_code == 0, shown.output
        assert word in shown.stdout and wrong not in shown.stdout, shown.stdout
        r = run_clean("report", "--format", "markdown", "--as-of", "2025-08-01", "--lang", lang)
        assert word in r.stdout and wrong not in r.stdout, r.stdout


CAP_PLAN = """\
version: 1
title: Investment
indicators:
  inv: {name: {en: Investment, vi: Vốn đầu tư}, unit: bn, measure: flow}
targets:
  - {id: inv-cap, type: cumulative, indicator: inv, at_most: 1500, from: 2021, to: 2025}
  - {id: inv-total, type: cumulative, indicator: inv, at_least: 1000, from: 2021, to: 2025}
"""


def test_a_caps_remaining_periods_are_told_the_room_left_not_a_need(tmp_path, monkeypatch):
    # At most 1,500 over 2021-2025, 100 in 2021: (1,500 - 100) / 4 = 350 a period is the
    # room left under the cap, which show called a need ("Each of the 4 remaining periods
    # needs 350 bn"): spending less is better. The at-least total keeps "needs":
    # (1,000 - 100) / 4 = 225.
    make_tracker(tmp_path, monkeypatch, CAP_PLAN, STORE_HEADER + "inv,2021,100,official,,,2022-03-01T00:00:00Z\n")
    cap = run_clean("show", "inv-cap", "--as-of", "2022-03-10")
    assert cap.exit_code == 0, cap.output
    assert "at most 350 bn" in cap.stdout and "needs" not in cap.stdout, cap.stdout
    vi = run_clean("show", "inv-cap", "--as-of", "2022-03-10", "--lang", "vi")
    assert "tối đa 350 bn" in vi.stdout and "cần 350" not in vi.stdout, vi.stdout
    total = run_clean("show", "inv-total", "--as-of", "2022-03-10")
    assert "Each of the 4 remaining periods needs 225 bn" in total.stdout, total.stdout
