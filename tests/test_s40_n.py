"""A statistician's audit of every number qntrack prints (issue 17, fortieth session,
helper N): the shipped Quảng Ninh plan and two small plans of the audit's own.

Every expected figure is worked out by hand in the test's docstring or comments, from the
formulas of /work/shared/methodology.md (Open SDG's measure, section 1.1; the kinds of
target, section 2) and docs/methodology.md, never copied from the code's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

HEADER = "indicator,period,value,status,source,note,recorded_at\n"


def _targets(*args: str) -> dict[str, dict]:
    r = run_clean("status", "--format", "json", *args)
    assert r.exit_code == 0, r.output
    return {t["id"]: t for t in json.loads(r.stdout)["targets"]}


def _shown(*args: str) -> str:
    """``show``'s text with its lines joined: a sentence may wrap at any word."""
    r = run_clean("show", *args, env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    return " ".join(r.stdout.split())


def _table(*args: str) -> str:
    r = run_clean("status", "--format", "table", *args, env={"COLUMNS": "220"})
    assert r.exit_code == 0, r.output
    return " ".join(r.stdout.split())


# --- 1. The deviation from the path is the difference of the figures shown --------------

PATHS = """\
version: 1
indicators:
  share: {name: Share, unit: "%"}
  index: {name: Output index, unit: points}
targets:
  - id: keep
    indicator: share
    baseline: {period: 2020, value: 12.345}
    milestones: [{by: 2025, value: 12.345}]
  - id: tenth
    indicator: index
    baseline: {period: 2020, value: 100}
    milestones: [{by: 2022, value: 121}]
"""
PATH_ROWS = (
    HEADER + "share,2023,12.3,official,s,,2024-01-10T00:00:00Z\nindex,2021,110.015,official,s,,2022-01-10T00:00:00Z\n"
)


def test_a_deviation_ending_in_five_is_rounded_as_the_figures_it_is_taken_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A level to keep: 12.345 % in 2020, 12.345 % by 2025, 12.3 % in 2023, read on
    2024-06-30. The required rate is (12.345 / 12.345)^(1/5) − 1 = 0, so the path stands at
    12.345 × 1^3 = 12.345 in 2023 and the deviation is 12.3 − 12.345 = −0.045, which two
    decimals, half away from zero (docs/methodology.md, "How figures are written"), write
    −0.05; the path itself is written 12.35, and 12.3 − 12.35 = −0.05 too. The binary
    floats' 12.3 − 12.345 is −0.04499999999999993: `show` printed "12.35% (deviation
    -0.04 pp)", a difference a reader's own subtraction does not give.

    An index of 100 in 2020, 121 by 2022 (10 % a year: (121 / 100)^(1/2) − 1 = 0.1), 110.015
    in 2021: the path is 100 × 1.1 = 110 in 2021, the deviation 110.015 − 110 = 0.015,
    written +0.02 (the floats: 110.00000000000001 and 0.014999999999986358, "+0.01")."""
    make_tracker(tmp_path, monkeypatch, PATHS, PATH_ROWS)
    t = _targets("--as-of", "2024-06-30")
    keep = t["keep"]["milestones"][0]
    assert keep["trajectory"] == 12.345
    assert keep["deviation"] == -0.045
    tenth = t["tenth"]["milestones"][0]
    assert tenth["trajectory"] == pytest.approx(110, abs=1e-12)
    assert tenth["deviation"] == 0.015
    keep_text = _shown("keep", "--as-of", "2024-06-30")
    assert "Trajectory 12.35% (deviation -0.05 pp)" in keep_text
    assert "called for 12.35% in 2023; the deviation is -0.05 pp" in keep_text
    tenth_text = _shown("tenth", "--as-of", "2022-06-30")
    assert "Trajectory 110 points (deviation +0.02 points)" in tenth_text
    vi = " ".join(run_clean("--lang", "vi", "show", "keep", "--as-of", "2024-06-30").stdout.split())
    assert "12,35% (chênh lệch -0,05 điểm %)" in vi and "năm 2023 cần 12,35%; chênh lệch -0,05 điểm %" in vi


CHANGE = """\
version: 1
indicators:
  g: {name: Growth, unit: "%", measure: rate}
targets:
  - {id: rate-only, indicator: g, baseline: 2020}
"""


def test_a_change_said_in_words_is_the_difference_of_the_figures_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A direction-only target on a growth rate is not assessed (reason
    `rate_without_milestone`), but `show` says its change: 12.345 % in 2020 to 12.3 % in
    2023 is 12.3 − 12.345 = −0.045 points, written −0.05 at two decimals (half away from
    zero); the floats' −0.04499999999999993 wrote "-0.04 pp"."""
    make_tracker(
        tmp_path,
        monkeypatch,
        CHANGE,
        HEADER + "g,2020,12.345,official,s,,2021-01-10T00:00:00Z\ng,2023,12.3,official,s,,2024-01-10T00:00:00Z\n",
    )
    assert _targets()["rate-only"]["reason"] == "rate_without_milestone"
    assert "From 12.345% in 2020 to 12.3% in 2023 (-0.05 pp)." in _shown("rate-only")
    vi = " ".join(run_clean("--lang", "vi", "show", "rate-only").stdout.split())
    assert "(-0,05 điểm %)" in vi


# --- 2. A share of the target written as a per cent ---------------------------------------

SHARE = """\
version: 1
indicators:
  inv: {name: Investment, unit: bn VND, measure: flow}
targets:
  - {id: inv, type: cumulative, indicator: inv, at_least: 50000, from: 2021, to: 2025}
"""


def test_a_share_of_the_target_ending_in_five_is_rounded_half_away_from_zero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """At least 50,000 bn VND over 2021–2025, 2,575 in 2021, read on 2022-06-30: the share
    of the target is 2,575 / 50,000 = 0.0515 = 5.15 %, written 5.2 % at one decimal (half
    away from zero, as every figure); 1 / 5 = 20 % of the time; P = 0.0515 / 0.2 = 0.2575,
    limited progress, written 0.26. The floats' 0.0515 × 100 is 5.1499999999999995, which
    the table, `show` and the report wrote "5.1%"."""
    make_tracker(tmp_path, monkeypatch, SHARE, HEADER + "inv,2021,2575,official,s,,2022-01-10T00:00:00Z\n")
    t = _targets("--as-of", "2022-06-30")["inv"]
    assert t["details"]["share_of_target"] == 0.0515 and t["progress_value"] == 0.2575
    assert t["status"] == "limited_progress"
    table = _table("--as-of", "2022-06-30")
    assert "reached 5.2%" in table and "0.26" in table and "5.1%" not in table
    shown = _shown("inv", "--as-of", "2022-06-30")
    assert "Share of target 5.2%" in shown and "5.2% of the target after 20% of the time" in shown
    report = run_clean("report", "--format", "markdown", "--as-of", "2022-06-30").stdout
    assert "reached 5.2%" in report and "5.1%" not in report
    vi = " ".join(run_clean("--lang", "vi", "show", "inv", "--as-of", "2022-06-30").stdout.split())
    assert "5,2%" in vi and "5,1%" not in vi


# --- 3. A rate a year written as a per cent -----------------------------------------------

RATE = """\
version: 1
indicators:
  x: {name: Output, unit: t}
targets:
  - {id: up, indicator: x, baseline: 2020}
"""


def test_a_rate_a_year_ending_in_five_is_written_as_its_p_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A direction-only level target (method 1), 100 t in 2020 and 101.25 t in 2021: the
    achieved rate is 101.25 / 100 − 1 = 0.0125, 1.25 % a year, written +1.3 % at one
    decimal (half away from zero); P = 0.0125, moderate progress (0.005 ≤ P < 0.015), score
    250 × 0.0125 − 1.25 = 1.875, written 1.88. The floats' 1.0125 − 1 is
    0.012499999999999956, which `show` wrote "+1.2%/yr" beside its own P of 0.0125."""
    make_tracker(
        tmp_path,
        monkeypatch,
        RATE,
        HEADER + "x,2020,100,official,s,,2021-01-10T00:00:00Z\nx,2021,101.25,official,s,,2022-01-10T00:00:00Z\n",
    )
    t = _targets()["up"]
    assert t["progress_value"] == 0.0125 and t["status"] == "moderate_progress" and t["score"] == 1.875
    shown = _shown("up")
    assert "Achieved rate +1.3%/yr" in shown and "P / Score 0.0125 / 1.88" in shown
    assert "From 100 t in 2020 to 101.25 t in 2021: +1.3% a year." in shown
    vi = " ".join(run_clean("--lang", "vi", "show", "up").stdout.split())
    assert "+1,3%/năm" in vi and "+1,2%" not in vi
