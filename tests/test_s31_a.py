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
    """Each ``indicator,period,value`` recorded on 1 February of the year after its period,
    or on the day after ``@`` (``inv,2022-Q2,70@2022-07-15``)."""
    out = []
    for r in rows:
        r, _, day = r.partition("@")
        day = day or f"{int(r.split(',')[1][:4]) + 1}-02-01"
        out.append(f"{r},,,,{day}T00:00:00+07:00\n")
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


# --- 4. The newest rules, one example each, through JSON, the table and show, en and vi --

NEWEST = """\
version: 1
indicators:
  inv: {name: {en: Investment, vi: Vốn đầu tư}, unit: {en: bn VND, vi: tỷ đồng}, measure: flow, frequency: quarter}
  g: {name: {en: Growth, vi: Tăng trưởng}, unit: "%", measure: rate}
  fdi: {name: FDI, unit: {en: million USD, vi: triệu USD}, measure: flow}
  co2: {name: {en: Emissions, vi: Phát thải}, unit: kt, measure: flow, direction: decrease}
  tb: {name: {en: Trade balance, vi: Cán cân thương mại}, unit: {en: bn USD, vi: tỷ USD}, measure: balance}
targets:
  - {id: every, type: every_period, indicator: inv, at_least: 200, from: 2021, to: 2025}
  - {id: avg, type: average, indicator: g, at_least: 10, from: 2021, to: 2025}
  - {id: cap, type: cumulative, indicator: co2, at_most: 400, from: 2024, to: 2027}
  - {id: plan, type: plan, indicator: fdi, period: 2024, value: 1500}
  - {id: bal, indicator: tb, baseline: 2020}
"""
NEWEST_ROWS = _rows(
    "inv,2021,220.5",
    "inv,2022-Q1,70@2022-04-15",
    "inv,2022-Q2,70@2022-07-15",
    "g,2021,10.28",
    "g,2023,11.03",
    "g,2025,8.5",
    "fdi,2023,1100",
    "fdi,2024,1650",
    "co2,2024,60",
    "co2,2025,140",
    "tb,2020,2",
    "tb,2023,8",
)


def test_a_part_year_reading_of_an_amount_is_read_at_the_bounds_pace_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """docs/methodology.md, "Sub-annual readings are provisional": at least 200 bn VND
    every year 2021-2025, 220.5 in 2021 (passed: gap 200 − 220.5 = −20.5), then 70 in
    2022-Q1 and 70 in Q2, read on 2022-07-31: 70 + 70 = 140 by June against the pace 200 ×
    6 / 12 = 100, on it (`provisional_passes` true, `provisional_bound` 100); it never
    changes the status: 1 of 1 passed, substantial progress."""
    make_tracker(tmp_path, monkeypatch, NEWEST, NEWEST_ROWS)
    t = _targets("--as-of", "2022-07-31")["every"]
    assert t["status"] == "substantial_progress" and t["gap"] == -20.5
    assert (t["provisional"]["period"], t["provisional"]["value"]) == ("2022-H1", 140.0)
    assert (t["details"]["provisional_passes"], t["details"]["provisional_bound"]) == (True, 100.0)
    assert "140 bn VND (2022-H1, part-year, periods added up)" in _table("--as-of", "2022-07-31")
    assert "140 tỷ đồng (2022-H1, chưa đủ năm, tổng các kỳ)" in _table("--as-of", "2022-07-31", "--lang", "vi")
    shown = _shown("every", "--as-of", "2022-07-31")
    assert (
        "Part-year reading H1 2022: 140 bn VND, on the pace of at least 200 bn VND a year (100 bn VND by then)" in shown
    )
    shown = _shown("every", "--as-of", "2022-07-31", "--lang", "vi")
    assert "Số liệu 6 tháng đầu năm 2022 (chưa đủ năm): 140 tỷ đồng, đúng tiến độ" in shown, shown
    assert "(tương ứng 100 tỷ đồng đến kỳ này)" in shown, shown


def test_a_finished_average_awaits_its_missing_years_in_both_languages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """docs/methodology.md, "Average over a span" and "Deadlines passed without a figure":
    2021-2025 with 10.28 (2021), 11.03 (2023) and 8.5 (2025), read on 2026-06-30. G =
    1.1028 × 1.1103 × 1.085 = 1.22443884 × 1.085 = 1.328516141; average = G^(1/3) − 1:
    ln G = 0.284066, / 3 = 0.094689, e^0.094689 = 1.099317, 9.93 %; P = 9.9315 / 10 =
    0.99315 ≥ 0.95, substantial progress (the span is over, 2022 and 2024 unknown), score
    7.1429 × 0.99315 − 4.2857 = 2.808; gap 10 − 9.9315 = 0.0685, "0.07 pp" ("0,07 điểm
    %"); the two years without a figure need (1.1^5 / 1.328516)^(1/2) − 1 = 1.212264^(1/2)
    − 1 = 10.103 % a year, written 10.11 % (rounded up so that it suffices, forty-first
    session)."""
    make_tracker(tmp_path, monkeypatch, NEWEST, NEWEST_ROWS)
    t = _targets("--as-of", "2026-06-30")["avg"]
    assert t["status"] == "substantial_progress" and t["awaiting_figures"] == ["2022", "2024"]
    assert t["details"]["average"] == pytest.approx(9.9315, abs=1e-4)
    assert t["progress_value"] == pytest.approx(0.99315, abs=1e-5)
    assert t["score"] == pytest.approx(2.808, abs=1e-3)
    assert t["details"]["required_rate_remaining"] == pytest.approx(10.103, abs=1e-3)
    table = _table("--as-of", "2026-06-30")
    assert "0.07 pp" in table and "0.99" in table and "awaiting figure 2022, 2024" in table
    table = _table("--as-of", "2026-06-30", "--lang", "vi")
    assert "0,07 điểm %" in table and "0,99" in table and "chờ số liệu 2022, 2024" in table
    shown = _shown("avg", "--as-of", "2026-06-30", "--lang", "vi")
    assert "9,93%" in shown and "10,11%" in shown, shown


def test_a_caps_allowance_and_a_plans_decimal_per_cent_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """docs/methodology.md, "Cumulative over a span" (a cap read at its pace, its
    allowance labelled as one) and "Gap" (a per cent of plan divided in decimal).

    At most 400 kt over 2024-2027, 60 (2024) and 140 (2025), read on 2026-06-30: 200 kt
    exactly on the pace 400 × 2 / 4 = 200, substantial progress; each of the 2 periods left
    may add at most (400 − 200) / 2 = 100 kt; share of the cap 200 / 400 = 0.5 after 2 / 4
    = 0.5 of the time.

    FDI 2024: 1,650 of a plan of 1,500 = 110 % exactly (the floats: 110.00000000000001);
    difference 1,650 − 1,500 = 150; against 2023's 1,100: 1,650 / 1,100 − 1 = 50 %."""
    make_tracker(tmp_path, monkeypatch, NEWEST, NEWEST_ROWS)
    t = _targets("--as-of", "2026-06-30")
    d = t["cap"]["details"]
    assert t["cap"]["status"] == "substantial_progress"
    assert (d["total"], d["share_of_target"], d["share_of_time"], d["needed_per_remaining_period"]) == (
        200.0,
        0.5,
        0.5,
        100.0,
    )
    d = t["plan"]["details"]
    assert (d["percent_of_plan"], d["difference"], d["change_on_same_period_last_year"]) == (110.0, 150.0, 50.0)
    assert t["plan"]["status"] == "target_achieved" and t["plan"]["gap"] == -150.0
    assert "reached 110%" in _table("--as-of", "2026-06-30")
    assert "đạt 110%" in _table("--as-of", "2026-06-30", "--lang", "vi")
    shown = _shown("cap", "--as-of", "2026-06-30")
    assert "At most per remaining period 100 kt" in shown and "Needed per remaining" not in shown, shown
    assert "Each of the 2 remaining periods may add at most 100 kt within the cap" in shown, shown
    shown = _shown("cap", "--as-of", "2026-06-30", "--lang", "vi")
    assert "Tối đa mỗi kỳ còn lại 100 kt" in shown, shown
    shown = _shown("plan", "--as-of", "2026-06-30", "--lang", "vi")
    assert "110%" in shown and "1.650 triệu USD" in shown and "+50%" in shown, shown


def test_a_balance_without_a_milestone_says_its_change_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """docs/methodology.md, "Balances: absolute change": a surplus from 2 bn USD (2020) to
    8 bn USD (2023), no milestone: not available, `balance_without_milestone` (its compound
    rate, (8 / 2)^(1/3) − 1 = 58.7 % a year, is not read); its change 8 − 2 = +6 bn USD is
    said ("+6 tỷ USD")."""
    make_tracker(tmp_path, monkeypatch, NEWEST, NEWEST_ROWS)
    t = _targets("--as-of", "2026-06-30")["bal"]
    assert (t["status"], t["reason"], t["progress_value"], t["score"]) == (
        "not_available",
        "balance_without_milestone",
        None,
        None,
    )
    assert "From 2 bn USD in 2020 to 8 bn USD in 2023 (+6 bn USD)" in _shown("bal", "--as-of", "2026-06-30")
    shown = _shown("bal", "--as-of", "2026-06-30", "--lang", "vi")
    assert "+6 tỷ USD" in shown and "58,7" not in shown, shown


# --- 5. The edge cases of the official measure, through the tool -----------------------

EDGES = """\
version: 1
indicators:
  nd: {name: Net debt, unit: bn USD, direction: decrease}
  n: {name: Net flow, unit: bn USD}
  c: {name: Crossing, unit: bn USD}
  keep: {name: Forest cover, unit: "%"}
  one: {name: One year, unit: "%"}
  z: {name: From zero, unit: "%"}
  lim: {name: Near a limit, unit: "%"}
  p: {name: Poverty, unit: "%", direction: decrease}
targets:
  - {id: neg-down, indicator: nd, baseline: 2020, milestones: [{by: 2025, value: -800}]}
  - {id: to-plus, indicator: n, baseline: 2020, milestones: [{by: 2025, value: 100}]}
  - {id: crossing, indicator: c, baseline: 2020}
  - {id: keep, indicator: keep, baseline: 2020, milestones: [{by: 2025, value: 54}]}
  - {id: one, indicator: one, baseline: 2023, milestones: [{by: 2025, value: 20}]}
  - {id: from-zero, indicator: z, baseline: 2020}
  - {id: limit, indicator: lim, baseline: 2020, limit: 100}
  - {id: lost, indicator: p, baseline: 2015, milestones: [{by: 2030, value: 10}]}
"""
EDGE_ROWS = _rows(
    "nd,2020,-500",
    "nd,2023,-650",
    "n,2020,-500",
    "n,2023,-350",
    "c,2020,-5",
    "c,2023,3",
    "keep,2020,54",
    "keep,2023,53",
    "one,2023,12",
    "z,2020,0",
    "z,2023,7",
    "lim,2020,90",
    "lim,2021,90.54",
    "p,2015,8",
    "p,2020,12",
)


def test_the_official_measures_edge_cases_read_as_the_docs_promise(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """/work/shared/methodology.md 1.1 and docs/methodology.md, each case read on 2024-06-30.

    - Below zero, lower is better: −500 (2020) to −650 (2023), −800 by 2025. sign = −1, d =
      −1; a = (−650 / −500)^(1/3) − 1 = 1.3^(1/3) − 1 = 0.091393; r = 1.6^(1/5) − 1 =
      0.098561; P = (−1)(−1) × 0.091393 / 0.098561 = 0.92728, moderate progress, score
      7.1429 × 0.92728 − 4.2857 = 2.3377; gap −650 − (−800) = 150 still to go down.
    - A milestone of the other sign: −500 to −350, +100 by 2025: absolute change. R = 600 /
      5 = 120, A = 150 / 3 = 50, P = 50 / 120 = 5 / 12, limited progress, score 4.1667 ×
      5 / 12 − 2.5 = 1.736125 − 2.5 = −0.763875; path −500 + 120 × 3 = −140; projected −350 + 50 × 2 =
      −250; reached 2023 + ⌈450 / 50⌉ = 2032.
    - Direction only, −5 to 3: opposite signs, not available (`crosses_zero`).
    - A level to keep, 54 % (2020) and 53 % (2023), 54 by 2025: required growth 0, not
      available (`target_equals_baseline`); gap 54 − 53 = 1.
    - The latest year is the baseline year (12 % in 2023): not available (`one_figure`).
    - Direction only from a zero baseline: not available (`zero_baseline`).
    - Near a limit: 90 to 90.54, limit 100. C = 1 − 0.9^4.44 = 1 − 0.62638 = 0.37362; high =
      0.015 × C = 0.0056043; P = 90.54 / 90 − 1 = 0.006 ≥ high, substantial progress; score
      500 × 0.006 / 0.37362 − 5 = 8.0295 − 5 = 3.0295.
    - The baseline already past the target (lower is better: 8 in 2015, 12 in 2020, 10 by
      2030): a = 1.5^(1/5) − 1 = 0.084472, r = 1.25^(1/15) − 1 = 0.014987; P = −1 ×
      0.084472 / 0.014987 = −5.6362, deterioration, score max(4.1667 × −5.6362 − 2.5, −5) =
      −5."""
    make_tracker(tmp_path, monkeypatch, EDGES, EDGE_ROWS)
    t = _targets("--as-of", "2024-06-30")
    assert t["neg-down"]["status"] == "moderate_progress" and t["neg-down"]["gap"] == 150.0
    assert t["neg-down"]["progress_value"] == pytest.approx(0.92728, abs=1e-5)
    assert t["neg-down"]["score"] == pytest.approx(2.3377, abs=1e-4)
    m = t["to-plus"]["milestones"][0]
    assert (m["method"], m["required_change"], m["achieved_change"]) == ("absolute_change", 120.0, 50.0)
    assert (m["trajectory"], m["projected"], m["reached_in"]) == (-140.0, -250.0, "2032")
    assert t["to-plus"]["status"] == "limited_progress"
    assert t["to-plus"]["score"] == pytest.approx(-0.763875, abs=1e-6)
    assert [t[i]["reason"] for i in ("crossing", "keep", "one", "from-zero")] == [
        "crosses_zero",
        "target_equals_baseline",
        "one_figure",
        "zero_baseline",
    ]
    assert t["keep"]["gap"] == 1.0
    assert t["limit"]["status"] == "substantial_progress" and t["limit"]["progress_value"] == 0.006
    assert t["limit"]["score"] == pytest.approx(3.0295, abs=1e-4)
    assert t["lost"]["status"] == "deterioration" and t["lost"]["score"] == -5.0
    assert t["lost"]["progress_value"] == pytest.approx(-5.6362, abs=1e-4)


def test_a_milestone_due_in_its_baseline_year_is_refused_at_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A milestone by the baseline year has no years to grow in (r = growth over 0 years):
    refused where it is written, exit 1, nothing judged."""
    plan = "version: 1\nindicators:\n  s: {name: Share, unit: '%'}\ntargets:\n"
    plan += "  - {id: same, indicator: s, baseline: 2020, milestones: [{by: 2020, value: 10}]}\n"
    make_tracker(tmp_path, monkeypatch, plan, _rows("s,2020,9"))
    r = run_clean("status", "--format", "table")
    assert r.exit_code == 1 and r.stdout == ""
    assert "targets.yaml:5:" in r.stderr and "not after the baseline 2020" in r.stderr, r.stderr
