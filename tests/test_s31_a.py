"""A numbers audit: the docs' worked examples and formulas, recomputed by hand and run
through the tool (issue 17, thirty-first session, helper A).

Every expected figure is worked out by hand in the test's docstring (docs/methodology.md,
the section cited; /work/shared/methodology.md for the official formulas), never copied
from the code's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

HEADER = "indicator,period,value,status,source,note,recorded_at\n"


def _rows(*rows: str) -> str:
    """Each ``indicator,period,value`` recorded on 1 February of the year after its period."""
    out = []
    for r in rows:
        year = int(r.split(",")[1][:4])
        out.append(f"{r},,,,{year + 1}-02-01T00:00:00+07:00\n")
    return HEADER + "".join(out)


def _targets(*args: str) -> dict[str, dict]:
    r = run_clean("status", "--format", "json", *args)
    assert r.exit_code == 0, r.output
    return {t["id"]: t for t in json.loads(r.stdout)["targets"]}


def _shown(*args: str) -> str:
    """``show``'s text with its lines joined: a sentence may wrap at any word."""
    return " ".join(run_clean("show", *args, env={"COLUMNS": "200"}).stdout.split())


def _table(*args: str) -> str:
    return run_clean("status", "--format", "table", *args, env={"COLUMNS": "200"}).stdout


# --- 1. An absolute change is worked on the figures as typed ----------------------------

CHANGES = """\
version: 1
indicators:
  r: {name: Growth, unit: "%", measure: rate}
  b: {name: Balance, unit: bn USD, measure: balance}
  d: {name: Deaths, unit: deaths, direction: decrease}
  r2: {name: Small rate, unit: "%", measure: rate}
targets:
  - {id: rate, indicator: r, baseline: 2020, milestones: [{by: 2025, value: 10}]}
  - {id: bal, indicator: b, baseline: 2020, milestones: [{by: 2025, value: 10}]}
  - {id: zero, indicator: d, baseline: 2020, milestones: [{by: 2025, value: 0}]}
  - {id: small, indicator: r2, baseline: 2020, milestones: [{by: 2030, value: 0.7}]}
"""
CHANGE_ROWS = _rows(
    "r,2020,2", "r,2023,8", "b,2020,-5", "b,2023,3", "d,2020,8", "d,2023,4", "r2,2020,0.1", "r2,2021,0.3"
)


def test_the_worked_examples_of_an_absolute_change_give_their_figures_to_the_digit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """docs/methodology.md, "Balances: absolute change", its three worked examples, read
    on 2024-06-30 (2025 still ahead).

    Growth rate (tests/test_audit24.py): 2 % (2020) to 8 % (2023), 10 % by 2025. R = (10 −
    2) / 5 = 1.6 points a year; A = (8 − 2) / 3 = 2; P = 2 / 1.6 = 1.25, substantial
    progress; the path 2 + 1.6 × 3 = 6.8 in 2023, deviation 8 − 6.8 = +1.2; projected 8 +
    2 × 2 = 12; from now (10 − 8) / 2 = 1 point a year; reached 2023 + ⌈2 / 2⌉ = 2024.
    The docs print 6.8 and +1.2: JSON said 6.800000000000001 and 1.1999999999999993, the
    binary floats' 2 + 1.6 × 3, where a gap or a difference on the same figures is
    worked in decimal and rounded once.

    Balance (tests/test_reasons.py): −5 (2020) to 3 (2023), 10 by 2025. R = 15 / 5 = 3; A =
    8 / 3 = 2.6667 (does not end: the float nearest it); P = 0.8889, moderate; path −5 + 3
    × 3 = 4, deviation −1; projected 3 + 2 × 8 / 3 = 8.3333; from now 7 / 2 = 3.5;
    reached 2023 + ⌈7 / (8 / 3)⌉ = 2023 + ⌈2.625⌉ = 2026.

    A milestone of zero (tests/test_hostile_numbers.py): 8 (2020) to 4 (2023), 0 by 2025,
    lower is better. R = −8 / 5 = −1.6; A = −4 / 3; P = 1.3333 / 1.6 = 0.8333; the path
    8 − 1.6 × 3 = 3.2 (the floats: 3.1999999999999993), deviation 4 − 3.2 = +0.8 (the
    floats: 0.8000000000000007); projected 4 − 2 × 4 / 3 = 1.3333; from now −4 / 2 = −2;
    reached 2023 + ⌈4 / (4 / 3)⌉ = 2026."""
    make_tracker(tmp_path, monkeypatch, CHANGES, CHANGE_ROWS)
    t = _targets("--as-of", "2024-06-30")
    m = t["rate"]["milestones"][0]
    assert m["method"] == "absolute_change"
    assert (m["required_change"], m["achieved_change"]) == (1.6, 2.0)
    assert (m["trajectory"], m["deviation"], m["projected"]) == (6.8, 1.2, 12.0)
    assert m["required_change_from_latest"] == 1.0 and m["reached_in"] == "2024"
    assert t["rate"]["progress_value"] == 1.25 and t["rate"]["status"] == "substantial_progress"
    m = t["bal"]["milestones"][0]
    assert (m["required_change"], m["trajectory"], m["deviation"]) == (3.0, 4.0, -1.0)
    assert m["achieved_change"] == pytest.approx(8 / 3, rel=1e-15)
    assert m["projected"] == pytest.approx(3 + 16 / 3, rel=1e-15)
    assert m["required_change_from_latest"] == 3.5 and m["reached_in"] == "2026"
    assert t["bal"]["status"] == "moderate_progress"
    m = t["zero"]["milestones"][0]
    assert (m["required_change"], m["trajectory"], m["deviation"]) == (-1.6, 3.2, 0.8)
    assert m["required_change_from_latest"] == -2.0 and m["reached_in"] == "2026"
    assert m["projected"] == pytest.approx(4 - 8 / 3, rel=1e-15)
    assert t["zero"]["progress_value"] == pytest.approx(0.833333333333, abs=1e-12)


def test_a_change_of_tenths_is_not_written_with_the_binary_floats_noise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A growth rate of 0.1 % (2020) and 0.3 % (2021), a milestone of 0.7 % by 2030, read
    on 2022-06-30. A = (0.3 − 0.1) / 1 = 0.2 points a year (the floats: 0.19999999999999998);
    R = (0.7 − 0.1) / 10 = 0.06; the path 0.1 + 0.06 × 1 = 0.16, deviation 0.3 − 0.16 =
    0.14 (the floats: 0.13999999999999999); projected 0.3 + 0.2 × 9 = 2.1 (the floats:
    2.0999999999999996); from now (0.7 − 0.3) / 9 = 0.0444… (the float nearest 4 / 90);
    P = 0.2 / 0.06 = 3.33, substantial progress; reached 2021 + ⌈0.4 / 0.2⌉ = 2023."""
    make_tracker(tmp_path, monkeypatch, CHANGES, CHANGE_ROWS)
    m = _targets("--as-of", "2022-06-30")["small"]["milestones"][0]
    assert (m["achieved_change"], m["required_change"]) == (0.2, 0.06)
    assert (m["trajectory"], m["deviation"], m["projected"]) == (0.16, 0.14, 2.1)
    assert m["required_change_from_latest"] == 4 / 90
    assert m["reached_in"] == "2023"


# --- 2. A cumulative target's share and allowance are worked on the figures as typed ----

SHARES = """\
version: 1
indicators:
  inv: {name: Investment, unit: bn VND, measure: flow}
  inv2: {name: Investment 2, unit: bn VND, measure: flow}
targets:
  - {id: cum, type: cumulative, indicator: inv, at_least: 12, from: 2021, to: 2025}
  - {id: cum2, type: cumulative, indicator: inv2, at_least: 1, from: 2021, to: 2022}
"""


def test_a_cumulative_share_of_the_target_and_the_need_a_period_are_divided_in_decimal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """docs/methodology.md, "Figures on an edge" and "Cumulative over a span": 2.28 of a
    total of 12 after 1 / 5 of 2021-2025. share_of_target = 2.28 / 12 = 0.19 (the floats:
    0.18999999999999997, beside the P = 0.19 / 0.2 = 0.95 the docs work from it); needed
    (12 − 2.28) / 4 = 9.72 / 4 = 2.43 a period. At least 1 over 2021-2022 with 0.9 in
    2021: 0.9 of the target, and (1 − 0.9) / 1 = 0.1 still needed in 2022 (the floats:
    0.09999999999999998), the gap's 0.1. A per cent of a plan, which the same "reached"
    label reads, is divided in decimal since the thirtieth session."""
    make_tracker(tmp_path, monkeypatch, SHARES, _rows("inv,2021,2.28", "inv2,2021,0.9"))
    t = _targets("--as-of", "2022-06-30")
    d = t["cum"]["details"]
    assert (d["total"], d["share_of_target"], d["share_of_time"]) == (2.28, 0.19, 0.2)
    assert d["needed_per_remaining_period"] == 2.43
    assert t["cum"]["progress_value"] == 0.95 and t["cum"]["status"] == "substantial_progress"
    d = t["cum2"]["details"]
    assert (d["share_of_target"], d["needed_per_remaining_period"], t["cum2"]["gap"]) == (0.9, 0.1, 0.1)
    csv = run_clean("status", "--format", "csv", "--as-of", "2022-06-30").stdout.splitlines()
    head = csv[0].split(",")
    row = dict(zip(head, csv[1].split(","), strict=False))
    assert (row["share_of_target"], row["needed_per_remaining_period"]) == ("0.19", "2.43")


# --- 3. The years an average still needs, named while the span runs ---------------------

AVERAGES = """\
version: 1
indicators:
  g: {name: {en: Growth, vi: Tăng trưởng}, unit: "%", measure: rate}
  h: {name: {en: Inflation, vi: Lạm phát}, unit: "%", measure: rate, direction: decrease}
targets:
  - {id: avg, type: average, indicator: g, at_least: 10, from: 2021, to: 2025}
  - {id: cap, type: average, indicator: h, at_most: 4, from: 2021, to: 2025}
"""


def test_a_running_average_with_a_year_missing_says_which_years_its_need_is_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """docs/methodology.md, "Average over a span": k = the span's years without a figure,
    "a missing year in the middle of the span counts with the years to come". 2021-2025,
    growth of 10.28 % (2021) and 11.03 % (2023), read on 2024-03-01: G = 1.1028 × 1.1103
    = 1.22443884, average 1.22443884^(1/2) − 1 = 10.65 %; k = 3 (2022, 2024, 2025), each
    needing (1.1^5 / 1.22443884)^(1/3) − 1 = (1.61051 / 1.22443884)^(1/3) − 1 =
    1.315303^(1/3) − 1 = 9.57 % a year. Inflation of 3.5 % and 4.2 %: (1.035 × 1.042)^(1/2)
    − 1 = 3.85 %, the three years allowed at most (1.04^5 / 1.07847)^(1/3) − 1 = 4.1 %.

    `show` said "The remaining 3 years need …" in March 2024, when two years of the span
    remain (JSON's `remaining_years` is 2): the third is 2022, behind us with no figure. It
    names the three years now, in both languages."""
    make_tracker(tmp_path, monkeypatch, AVERAGES, _rows("g,2021,10.28", "g,2023,11.03", "h,2021,3.5", "h,2023,4.2"))
    t = _targets("--as-of", "2024-03-01")
    d = t["avg"]["details"]
    assert (d["remaining_years"], d["missing"]) == (2, ["2022"])
    assert d["average"] == pytest.approx(10.654, abs=1e-3)
    assert d["required_rate_remaining"] == pytest.approx(9.566, abs=1e-3)
    assert t["cap"]["details"]["required_rate_remaining"] == pytest.approx(4.1005, abs=1e-4)
    shown = _shown("avg", "--as-of", "2024-03-01")
    assert "remaining 3 years" not in shown, shown
    assert "The 3 years without a figure (2022, 2024, 2025) need at least 9.57% a year" in shown, shown
    shown = _shown("cap", "--as-of", "2024-03-01", "--lang", "vi")
    assert "3 năm còn lại" not in shown, shown
    assert "3 năm chưa có số liệu (2022, 2024, 2025) cần bình quân không quá 4,1%/năm" in shown, shown
