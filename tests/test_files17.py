"""Files from other offices' tools (issue 17, seventeenth session): what an officer receives
and imports with ``add-observation --from FILE``. docs/decisions.md, "Files from other
offices' tools (issue 17, seventeenth session)".

Every expected value is worked out by hand in a comment beside it, never read off the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean, store_text

TARGETS = """\
version: 1
observations: observations.csv
timezone: "+07:00"
indicators:
  growth:
    name: {en: "GRDP growth", vi: "Tốc độ tăng trưởng GRDP"}
    unit: "%"
    measure: rate
    frequency: quarter
  revenue:
    name: {en: "Budget revenue", vi: "Thu ngân sách"}
    unit: {en: "billion VND", vi: "tỷ đồng"}
    measure: flow
    frequency: year
targets:
  - id: growth
    indicator: growth
    baseline: {period: 2020, value: 5}
    milestones:
      - {by: 2030, value: 10}
"""

START = STORE_HEADER + "growth,2020,5,official,yearbook 2020,,2021-06-30T00:00:00Z\n"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, START)


def added(plan: Path) -> str:
    return store_text(plan)[len(START) :]


# --- English spans as periods -----------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "code"),
    [
        # January to March is the first quarter (periods.py: 3M is written Q1).
        ("January–March 2025", "2025-Q1"),
        ("Jan-Mar 2025", "2025-Q1"),
        ("Jan–Mar 2025", "2025-Q1"),
        # January to June is the first half (6M is written H1).
        ("January–June 2025", "2025-H1"),
        ("Jan-Jun 2025", "2025-H1"),
        # What the tool writes itself (period_words_*) still reads back.
        ("Q1 2025", "2025-Q1"),
        ("H1 2025", "2025-H1"),
        ("January–September 2025", "2025-9M"),
        ("Jan-Sep 2025", "2025-9M"),
        # The halves and quarters as English prose writes them.
        ("first half of 2025", "2025-H1"),
        ("second half of 2025", "2025-H2"),
        ("First half 2025", "2025-H1"),
        ("2025 Q3", "2025-Q3"),
        ("2025 H2", "2025-H2"),
    ],
)
def test_english_spans_are_read_as_their_period(plan: Path, words: str, code: str) -> None:
    # growth is recorded by quarter, so every span above (a quarter, a half, 9 months) fits.
    (plan / "in.csv").write_text(
        f"indicator,period,value,status,source,note,recorded_at\ngrowth,{words},7.5,estimate,s,,2026-01-10\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.output
    assert added(plan) == f"growth,{code},7.5,estimate,s,,2026-01-10T00:00:00Z\n"


@pytest.mark.parametrize("words", ["January–December 2025", "Jan-Dec 2025"])
def test_january_to_december_is_the_year(plan: Path, words: str) -> None:
    # revenue is yearly: January to December is the year 2025.
    (plan / "in.csv").write_text(
        f"indicator,period,value,recorded_at\nrevenue,{words},100,2026-02-01\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.output
    assert added(plan) == "revenue,2025,100,,,,2026-02-01T00:00:00Z\n"


@pytest.mark.parametrize("words", ["March–June 2025", "Feb-Mar 2025"])
def test_a_span_not_from_january_is_refused_with_the_valid_forms(plan: Path, words: str) -> None:
    # March to June is no period qntrack records (spans run from 1 January): refused, nothing written.
    (plan / "in.csv").write_text(
        f"indicator,period,value,recorded_at\ngrowth,{words},7.5,2026-01-10\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert f"in.csv:2: error: '{words}' is not a period" in r.output
    assert added(plan) == ""
