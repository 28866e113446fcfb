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


# --- 3. A rate of a figure below zero is said as the rate of its size ----------------------------
# A deficit as a level (higher is better) from −500 (2020) to −350 (2023): it rose by 150, but
# a = growth(−350, −500, 2023, 2020) = 0.7^(1/3) − 1 = 0.887904 − 1 = −0.1121, the yearly change
# of its size (|−500| → |−350|), which "−11.2% a year" beside a rise misstates (the Vietnamese
# said "tăng từ -500 lên -350 ..., bình quân -11,2%/năm": rose, on average −11.2 % a year).
# The measure itself is right: sign = −1, r = (−200 / −500)^(1/5) − 1 = 0.4^(1/5) − 1 = −0.1674,
# P = −1 × 1 × (−0.1121) / 0.1674 = 0.6694, moderate progress.
# −500 to −700 (a fall): a = 1.4^(1/3) − 1 = +0.1187, said "+11.9% a year" beside "giảm"
# (fell); P = −1 × 1 × 0.1187 = −0.1187 < 0: deterioration, score max(125 × P − 2.5, −5) = −5.


def test_a_rate_below_zero_is_said_as_the_change_of_its_size(edges: Path):
    t = _targets()
    assert t["deficit-up"]["achieved_rate"] == pytest.approx(0.7 ** (1 / 3) - 1)
    assert t["deficit-up"]["progress_value"] == pytest.approx(0.669442, abs=1e-6)
    assert (t["debt-dir"]["status"], t["debt-dir"]["score"]) == ("deterioration", -5.0)
    en = shown("deficit-up")
    assert "Achieved rate -11.2%/yr (in size, without the minus sign)" in en
    assert (
        "From -500 million USD in 2020 to -350 million USD in 2023: -11.2% a year in size "
        "(the figure without its minus sign)." in en
    )
    assert ": -11.2% a year." not in en
    vi = shown("debt-dir", "--lang", "vi")
    assert "Tốc độ đạt được +11,9%/năm (theo độ lớn, bỏ dấu âm)" in vi
    assert "Giai đoạn 2020–2023: từ -500 bn đến -700 bn; theo độ lớn (bỏ dấu âm), bình quân +11,9%/năm." in vi
    md = run("report", "--format", "markdown").stdout
    assert "| Achieved rate | +11.9%/yr (in size, without the minus sign) |" in md
    assert "to -700 bn in 2023: +11.9% a year in size (the figure without its minus sign)." in md


# --- 4. A balance's milestone is judged by its change a year, and no compound rate is said --------
# Trade balance (measure: balance) from −500 (2020) to −350 (2023), −200 by 2025:
# R = (−200 − (−500)) / (2025 − 2020) = 60 a year, A = (−350 − (−500)) / 3 = 50 a year,
# P = 1 × 50 / |60| = 0.8333, moderate progress, score 7.1429 × 0.8333 − 4.2857 = 1.6667;
# projected 2025 = −350 + 50 × 2 = −250. The compound rate (−11.2 % a year) was also said, and
# the chart's projection drawn with it (−350 × 0.8879² = −275.9 in 2025, beside a projected −250).


def test_a_balance_milestone_says_no_compound_rate(edges: Path):
    t = _targets()["tb-up"]
    m = t["milestones"][0]
    assert (t["status"], t["progress_value"], t["achieved_rate"]) == ("moderate_progress", 0.833333333333, None)
    assert (m["method"], m["achieved_change"], m["required_change"], m["projected"]) == (
        "absolute_change",
        50.0,
        60.0,
        -250.0,
    )
    assert t["score"] == pytest.approx(7.1429 * 50 / 60 - 4.2857)
    en = shown("tb-up")
    assert "Achieved rate" not in en and "11.2%" not in en
    assert "+50 million USD a year against +60 million USD a year required" in en
    assert "11,2" not in shown("tb-up", "--lang", "vi")


# The paces a milestone asks for are said alike: r = (−200 / −500)^(1/5) − 1 = 0.4^(0.2) − 1 =
# 0.8326 − 1 = −16.7 % a year of its size; read at the end of 2024 (the 2025 deadline still
# ahead), projected 2025 = −350 × 0.7^(2/3) = −350 × 0.78837 = −275.93, short of −200, and from
# then on (−200 / −350)^(1/2) − 1 = 0.75593 − 1 = −24.407 % a year of its size, written −24.5 %:
# the size must shrink at least that much, so rounded down (forty-first session).


def test_the_paces_a_milestone_below_zero_asks_for_are_of_its_size(edges: Path):
    en = shown("deficit-up", "--as-of", "2024-12-31")
    assert "Required rate -16.7%/yr (in size, without the minus sign)" in en
    assert "Needed from now -24.5%/yr (in size, without the minus sign)" in en
    assert (
        "At this pace it reaches -275.93 million USD in 2025, short of -200 million USD; from now on it needs "
        "-24.5% a year in size (the figure without its minus sign)." in en
    )
    vi = shown("deficit-up", "--as-of", "2024-12-31", "--lang", "vi")
    assert "từ nay, theo độ lớn (bỏ dấu âm), cần -24,5%/năm." in vi
    md = run("report", "--format", "markdown", "--as-of", "2024-12-31").stdout
    # The level's row (the balance's has the same milestone): its path called for
    # −500 × 0.4^(3/5) = −500 × 0.57708 = −288.54 in 2023.
    row = next(
        line for line in md.splitlines() if line.startswith("| -200 million USD by 2025 |") and "-288.54" in line
    )
    assert "| -16.7%/yr (in size, without the minus sign) |" in row
    assert "| -24.5%/yr (in size, without the minus sign) |" in row


def _lines_drawn(svg: str) -> list[list[tuple[float, float]]]:
    """The points of each line pygal draws (the actual figures, the path, the projection)."""
    import re

    out = []
    for d in re.findall(r'<path d="M([^"]*)" class="line reactive nofill', svg):
        nums = [float(x) for x in d.replace("L", " ").split()]
        out.append(list(zip(nums[0::2], nums[1::2], strict=True)))
    return out


# The chart draws the balance's path and projection as the figures say them: the path the
# straight line −500 + 60 × (year − 2020) (−440, −380, −320, −260, −200), the projection from
# 2023 −350 + 50 × (year − 2023): −300 in 2024, −250 in 2025. It drew the projection at the
# compound rate (−350 × 0.8879 = −310.8, then −275.9) before, and no path at all.


def test_a_balance_chart_draws_the_straight_path_and_projection_it_is_judged_on(edges: Path):
    r = run("report", "-o", "r.md", "--as-of", "2024-12-31")
    assert r.exit_code == 0, r.stderr
    actual, path, projection = _lines_drawn((edges / "r-charts" / "tb-up.svg").read_text(encoding="utf-8"))
    # Pixel height of one million USD, from the two figures drawn: −500 (2020) and −350 (2023).
    (_, y500), (_, y350) = actual
    per_unit = (y500 - y350) / 150

    def value(y: float) -> float:
        return -500 + (y500 - y) / per_unit

    # pygal writes its coordinates to six decimals: a few thousandths of a million USD.
    assert [value(y) for _, y in path] == pytest.approx([-500, -440, -380, -320, -260, -200], abs=0.01)
    assert [value(y) for _, y in projection] == pytest.approx([-350, -300, -250], abs=0.01)


# --- 5. A direction-only series that crosses zero still says its change ---------------------------
# −5 bn (2020) to +3 bn (2023): opposite signs, no growth rate (not available, crosses_zero), but
# the change is a fact: 3 − (−5) = +8 bn, said as it is for a zero baseline.

_CROSSING = """\
title: crossing
indicators:
  net: {name: Net position, unit: bn, measure: level, direction: increase, frequency: year}
targets:
  - {id: net-dir, indicator: net, name: Net position up, baseline: 2020}
"""


def test_a_direction_only_series_crossing_zero_says_its_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(
        tmp_path,
        monkeypatch,
        _CROSSING,
        STORE_HEADER + "net,2020,-5,official,s,,2021-03-01T00:00:00Z\nnet,2023,3,official,s,,2024-03-01T00:00:00Z\n",
    )
    t = _targets()["net-dir"]
    assert (t["status"], t["reason"], t["progress_value"]) == ("not_available", "crosses_zero", None)
    assert "From -5 bn in 2020 to 3 bn in 2023 (+8 bn)." in shown("net-dir")
    assert "Giai đoạn 2020–2023: tăng từ -5 bn lên 3 bn (+8 bn)." in shown("net-dir", "--lang", "vi")


# --- 6. An average bound at or below zero has no pace ratio ----------------------------------------
# "A contraction of at most 2 % a year on average" (at_least: -2), 2021–2025. P = average / |t|
# reads a pace against a required pace; below zero it reads backwards. −1.5 % and −1 %:
# average = ((1 − 0.015) × (1 − 0.01))^(1/2) − 1 = 0.97515^(1/2) − 1 = 0.987497 − 1 = −1.2503 %,
# which meets −2: substantial progress (span open). P was −1.2503 / 2 = −0.625 and the score
# max(4.1667 × −0.625 − 2.5, −5) = −5, the worst, beside "Substantial progress", pulling a
# group's mean down as a target missed. −3 % and −1 %: (0.97 × 0.99)^(1/2) − 1 = −2.0051 %,
# below −2: deterioration, as an average below a bound of 0 already was (no P, no score).

_CONTRACTION = """\
title: contraction
indicators:
  g: {name: Output growth, unit: "%", measure: rate, direction: increase, frequency: year}
  h: {name: Exports growth, unit: "%", measure: rate, direction: increase, frequency: year}
targets:
  - {id: g-avg, type: average, indicator: g, name: At most -2 a year, at_least: -2, from: 2021, to: 2025, group: Plan}
  - {id: h-avg, type: average, indicator: h, name: Exports, at_least: -2, from: 2021, to: 2025, group: Plan}
"""


def test_an_average_bound_below_zero_has_no_pace_ratio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(
        tmp_path,
        monkeypatch,
        _CONTRACTION,
        STORE_HEADER
        + "g,2021,-1.5,official,s,,2022-03-01T00:00:00Z\ng,2022,-1,official,s,,2023-03-01T00:00:00Z\n"
        + "h,2021,-3,official,s,,2022-03-01T00:00:00Z\nh,2022,-1,official,s,,2023-03-01T00:00:00Z\n",
    )
    t = _targets("--as-of", "2023-12-31")
    g, h = t["g-avg"], t["h-avg"]
    assert g["details"]["average"] == pytest.approx(-1.2503164562, abs=1e-9)
    assert (g["status"], g["progress_value"], g["score"]) == ("substantial_progress", None, None)
    assert h["details"]["average"] == pytest.approx(-2.00510217363, abs=1e-9)
    assert (h["status"], h["progress_value"], h["score"]) == ("deterioration", None, None)
    assert "P / Score" not in shown("g-avg", "--as-of", "2023-12-31")


# --- 7. A cumulative bound below zero is read against its pace, as a plan below zero is ------------
# "A net outflow of no more than 500 mn USD over 2021–2025" (at_least: -500) on a net flow. The
# share of the target and P = share / time read a figure below zero backwards: −600 after
# 2021 (already below the floor) was 600 / 500 = "reached 120%", P = 1.2 / 0.2 = 6, "Substantial
# progress", score 5; and −100 was "Target achieved" in the first of five years, though the
# four to come may take the total below −500. Read as a flow planned below zero is
# (methodology.md, "Annual plan"): the floor's pace after 1 of 5 years is −500 × 1 / 5 = −100;
# −600 < −100: limited progress; −100 ≥ −100 (on the pace): substantial progress; no share, no
# P, no score. Decided only once the span is over: −100, −150, −50, −120, −60 add up to −480 ≥
# −500, target achieved. A cap below zero (at_most: −1000, net sinks of at least 1,000 t):
# −150 after 1 of 5 years is above the pace −1000 × 1 / 5 = −200: limited progress, not "Not
# achieved" at once; −250 is within it: substantial progress, the 4 years left allowed
# (−1000 − (−250)) / 4 = −187.5 a year.

_NET = """\
title: net flows
indicators:
  a: {name: Net FDI A, unit: mn USD, measure: flow, frequency: year}
  b: {name: Net FDI B, unit: mn USD, measure: flow, frequency: year}
  c: {name: Net FDI C, unit: mn USD, measure: flow, frequency: year}
  s: {name: Net emissions S, unit: t, measure: flow, direction: decrease, frequency: year}
  u: {name: Net emissions U, unit: t, measure: flow, direction: decrease, frequency: year}
targets:
  - {id: a-net, type: cumulative, indicator: a, name: Outflow A, at_least: -500, from: 2021, to: 2025}
  - {id: b-net, type: cumulative, indicator: b, name: Outflow B, at_least: -500, from: 2021, to: 2025}
  - {id: c-net, type: cumulative, indicator: c, name: Outflow C, at_least: -500, from: 2021, to: 2025}
  - {id: s-net, type: cumulative, indicator: s, name: Sinks S, at_most: -1000, from: 2021, to: 2025}
  - {id: u-net, type: cumulative, indicator: u, name: Sinks U, at_most: -1000, from: 2021, to: 2025}
"""


def test_a_cumulative_bound_below_zero_is_read_against_its_pace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    rows = "a,2021,-600\nb,2021,-100\n" + "".join(
        f"c,{2021 + i},{v}\n" for i, v in enumerate([-100, -150, -50, -120, -60])
    )
    rows += "s,2021,-150\nu,2021,-250\n"
    store = STORE_HEADER + "".join(f"{r},official,s,,2026-03-01T00:00:00Z\n" for r in rows.splitlines())
    make_tracker(tmp_path, monkeypatch, _NET, store)
    t = _targets()
    got = {k: (v["status"], v["progress_value"], v["score"], v["details"]["share_of_target"]) for k, v in t.items()}
    assert got == {
        "a-net": ("limited_progress", None, None, None),
        "b-net": ("substantial_progress", None, None, None),
        "c-net": ("target_achieved", None, None, None),
        "s-net": ("limited_progress", None, None, None),
        "u-net": ("substantial_progress", None, None, None),
    }
    assert t["c-net"]["details"]["total"] == -480
    assert t["u-net"]["details"]["needed_per_remaining_period"] == -187.5
    table = run("status", "--format", "table", env={"COLUMNS": "200"}).stdout
    assert "reached" not in table
    # No "0% of the target" either: the sentence says the pace it is judged on.
    assert (
        "-600 mn USD so far after 20% of the time; at the pace of the target of -500 mn USD over the span it "
        "would be -100 mn USD by now." in shown("a-net")
    )
    assert "theo nhịp của mức tối đa -1.000 t cả giai đoạn, đến nay không vượt quá -200 t." in shown(
        "u-net", "--lang", "vi"
    )
    assert "each of them may add at most -187.5 t." in shown("u-net")
    assert run("report", "--format", "markdown").exit_code == 0


# --- 8. A year to date and its gap are written at the decimals the figures were typed with -------
# A flow plan of 0.7 bn for 2024, quarters of 0.175: by September 0.175 × 3 = 0.525, which is
# 0.525 / 0.7 = 75 % of the plan after 9 / 12 = 75 % of the year, P = 0.75 / 0.75 = 1,
# substantial progress, score 7.1429 × 1 − 4.2857 = 2.8572; gap 0.7 − 0.525 = 0.175. The table
# wrote the figure 0.525 but the gap "0.18" (0.525 + 0.18 is not 0.7), and the sentence "0.53 bn".

_THIN = """\
title: thin
indicators:
  f: {name: Fees, unit: bn, measure: flow, direction: increase, frequency: quarter}
targets:
  - {id: fees-2024, type: plan, indicator: f, name: Fees 2024, period: 2024, value: 0.7}
"""


def test_a_year_to_date_and_its_gap_keep_the_typed_decimals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    store = STORE_HEADER + "".join(
        f"f,2024-Q{q},0.175,official,s,,2024-{3 * q + 1:02d}-10T00:00:00Z\n" for q in (1, 2, 3)
    )
    make_tracker(tmp_path, monkeypatch, _THIN, store)
    t = _targets("--as-of", "2024-11-01")["fees-2024"]
    assert (t["status"], t["progress_value"], t["gap"]) == ("substantial_progress", 1.0, 0.175)
    assert t["score"] == pytest.approx(2.8572)
    table = run("status", "--format", "table", "--as-of", "2024-11-01", env={"COLUMNS": "200"}).stdout
    assert "0.525 bn (2024-9M" in table and "0.175 bn (2024-9M)" in table
    en = shown("fees-2024", "--as-of", "2024-11-01")
    assert "January–September 2024: 0.525 bn, 75% of the annual plan after 75% of the year." in en
    assert "0,525 bn" in shown("fees-2024", "--as-of", "2024-11-01", "--lang", "vi")


# --- 9. The pace of a year is counted in months, a leap year's February too ------------------------
# A plan of 366 for 2024 (one a day of a leap year), January 31 and February 29: 60 by February.
# Share of the plan 60 / 366 = 0.163934; share of time 2 / 12 = 0.166667 (months, not the
# 60 / 366 days that would give P = 1); P = 0.163934 / 0.166667 = 0.983607, substantial
# progress, score 7.1429 × 0.983607 − 4.2857 = 2.7402.

_LEAP = """\
title: leap
indicators:
  v: {name: Visitors, unit: thousand, measure: flow, direction: increase, frequency: month}
targets:
  - {id: v-2024, type: plan, indicator: v, name: Visitors 2024, period: 2024, value: 366}
"""


def test_a_leap_years_pace_is_counted_in_months(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    store = (
        STORE_HEADER + "v,2024-01,31,official,s,,2024-02-05T00:00:00Z\nv,2024-02,29,official,s,,2024-03-05T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, _LEAP, store)
    t = _targets("--as-of", "2024-03-10")["v-2024"]
    ytd = t["details"]["year_to_date"]
    assert (ytd["period"], ytd["value"], ytd["share_of_time"]) == ("2024-2M", 60.0, pytest.approx(2 / 12))
    assert t["progress_value"] == pytest.approx(0.983607, abs=1e-6)
    assert t["status"] == "substantial_progress"
    assert t["score"] == pytest.approx(2.7402, abs=1e-4)


# --- 10. A baseline estimated, then revised: each day reads the figure in force by then ------------
# 2020 estimated at 10 % (recorded 15/01/2021), revised to 9.5 % officially (15/06/2024); 16 % in
# 2023 (01/03/2024); 30 % by 2030. By 14/06/2024: a = (16 / 10)^(1/3) − 1 = 0.169607,
# r = (30 / 10)^(1/10) − 1 = 0.116123, P = 0.169607 / 0.116123 = 1.46058. From 15/06/2024:
# a = (16 / 9.5)^(1/3) − 1 = 0.189777, r = (30 / 9.5)^(1/10) − 1 = 0.121864, P = 1.55730.

_REVISED_BASE = """\
title: revised baseline
indicators:
  s: {name: Share, unit: "%", measure: level, direction: increase, frequency: year}
targets:
  - {id: s-2030, indicator: s, name: Share 30 by 2030, baseline: 2020, milestones: [{by: 2030, value: 30}]}
"""


def test_a_revised_baseline_is_read_as_known_on_the_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    store = STORE_HEADER + (
        "s,2020,10,estimate,first,,2021-01-15T00:00:00Z\n"
        "s,2023,16,official,s,,2024-03-01T00:00:00Z\n"
        "s,2020,9.5,official,revised,,2024-06-15T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, _REVISED_BASE, store)
    before = _targets("--as-of", "2024-06-14")["s-2030"]
    after = _targets("--as-of", "2024-06-15")["s-2030"]
    assert (before["baseline"]["value"], after["baseline"]["value"]) == (10.0, 9.5)
    assert before["achieved_rate"] == pytest.approx(0.169607, abs=1e-6)
    assert before["progress_value"] == pytest.approx(1.46058, abs=1e-5)
    assert after["achieved_rate"] == pytest.approx(0.189777, abs=1e-6)
    assert after["progress_value"] == pytest.approx(1.55730, abs=1e-5)
    assert "Baseline 10% (2020)" in shown("s-2030", "--as-of", "2024-06-14")
    # Marked as a revision since the thirty-second session (tests/test_s32_h.py): 9.5 replaced 10.
    assert "Giá trị gốc 9,5%[1] (2020)" in shown("s-2030", "--as-of", "2024-06-15", "--lang", "vi")
