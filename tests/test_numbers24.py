"""The leftovers of the ministry's numbers audit (issue 17, twenty-fourth session, item 4):
an every-period target's part-year reading of an amount is judged at the bound's pace, and
a derived indicator adds up a flow input's parts into its year. Each test was written
failing first; the expected values are worked out by hand in the comments, never copied
from qntrack's output. Every status below is compared through the cache and cold
(QNTRACK_NO_CACHE=1): the cache's proof (tests/test_cache.py) holds for these cases too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run, shown, warm_and_cold_targets


_warm_and_cold = warm_and_cold_targets
_show = shown


# --- (a) An every-period target on a flow: "at least 200 a year" on quarterly investment,
# 2021 recorded (210, passed) and of 2022 only Q1 and Q2. The half year's 140 is an amount
# of six months: set against the whole year's 200 it "did not pass", though 140 over 6 of
# 12 months is 280 a year. It is now set against the bound's pace by then, 200 × 6 / 12 =
# 100, as a flow plan's year to date is (methodology.md, "Annual plan").

_PACE = """\
title: pace
indicators:
  invest: {name: Investment, unit: bn VND, measure: flow, frequency: quarter}
  emissions: {name: Emissions, unit: kt, measure: flow, frequency: quarter, direction: decrease}
  growth: {name: Growth, unit: "%", measure: rate, frequency: quarter}
targets:
  - {id: invest-yearly, type: every_period, indicator: invest, at_least: 200, from: 2021, to: 2025}
  - {id: emissions-cap, type: every_period, indicator: emissions, at_most: 200, from: 2021, to: 2025}
  - {id: growth-yearly, type: every_period, indicator: growth, at_least: 10, from: 2021, to: 2025}
"""


def _pace_store(q1: float, q2: float, e1: float, e2: float, e3: float | None = None) -> str:
    rows = [
        "invest,2021,210,official,s,,2022-02-01T00:00:00Z",
        f"invest,2022-Q1,{q1},official,s,,2022-04-20T00:00:00Z",
        f"invest,2022-Q2,{q2},official,s,,2022-07-20T00:00:00Z",
        "emissions,2021,190,official,s,,2022-02-01T00:00:00Z",
        f"emissions,2022-Q1,{e1},official,s,,2022-04-20T00:00:00Z",
        f"emissions,2022-Q2,{e2},official,s,,2022-07-20T00:00:00Z",
        "growth,2021,10.5,official,s,,2022-02-01T00:00:00Z",
        "growth,2022-H1,9.5,estimate,s,,2022-07-20T00:00:00Z",
    ]
    if e3 is not None:
        rows.append(f"emissions,2022-Q3,{e3},official,s,,2022-10-20T00:00:00Z")
    return STORE_HEADER + "".join(r + "\n" for r in rows)


def test_a_flows_part_year_reading_is_judged_at_the_bounds_pace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, _PACE, _pace_store(70, 70, 60, 50))
    t = _warm_and_cold("--as-of", "2022-08-01")
    invest = t["invest-yearly"]
    # 70 + 70 = 140 by 2022-H1; the pace of "at least 200 a year" by June is
    # 200 × 6 / 12 = 100, and 140 >= 100: on pace (280 a year).
    assert invest["provisional"]["period"] == "2022-H1" and invest["provisional"]["value"] == 140
    assert invest["details"]["provisional_passes"] is True, invest["details"]
    assert invest["details"]["provisional_bound"] == 100, invest["details"]
    # A provisional reading never changes a status: 2021 passed, the span is open.
    assert invest["status"] == "substantial_progress"
    cap = t["emissions-cap"]
    # 60 + 50 = 110 by June against "at most 200 a year": the pace is 100, and 110 > 100
    # is beyond it (220 a year), though 110 is well within the year's 200.
    assert cap["provisional"]["value"] == 110
    assert cap["details"]["provisional_passes"] is False and cap["details"]["provisional_bound"] == 100
    growth = t["growth-yearly"]
    # A growth rate's half year is a figure of its own, set against the bound itself: 9.5 < 10.
    assert growth["details"]["provisional_passes"] is False and growth["details"]["provisional_bound"] == 10


def test_a_flow_behind_the_pace_and_exactly_on_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # 40 + 50 = 90 by June: below the pace 100 (180 a year), off it. Emissions of 50, 50
    # and 50.1 to September: 150.1 against 200 × 9 / 12 = 150, beyond the cap's pace.
    make_tracker(tmp_path, monkeypatch, _PACE, _pace_store(40, 50, 50, 50, 50.1))
    t = _warm_and_cold("--as-of", "2022-11-01")
    assert t["invest-yearly"]["details"]["provisional_passes"] is False
    cap = t["emissions-cap"]
    assert cap["provisional"]["period"] == "2022-9M" and cap["provisional"]["value"] == pytest.approx(150.1)
    assert cap["details"]["provisional_passes"] is False and cap["details"]["provisional_bound"] == 150


def test_exactly_on_the_pace_is_on_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # 0.35 + 0.175 = 0.525 by June against "at least 1.05 a year": the pace is
    # 1.05 × 6 / 12 = 0.525, met exactly (in floats 0.35 + 0.175 and 1.05 / 2 differ in
    # the 16th digit; a pace is read to 12 significant digits, as a plan's is).
    targets = _PACE.replace("at_least: 200, from: 2021", "at_least: 1.05, from: 2021")
    store = _pace_store(0.35, 0.175, 60, 50).replace("invest,2021,210", "invest,2021,1.1")
    make_tracker(tmp_path, monkeypatch, targets, store)
    t = _warm_and_cold("--as-of", "2022-08-01")
    assert t["invest-yearly"]["details"]["provisional_passes"] is True, t["invest-yearly"]["details"]


def test_show_says_the_pace_in_both_languages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, _PACE, _pace_store(70, 70, 60, 50))
    en = _show("invest-yearly", "--as-of", "2022-08-01")
    assert "does not pass" not in en
    assert (
        "Part-year reading H1 2022: 140 bn VND, on the pace of at least 200 bn VND a year "
        "(100 bn VND by then); not counted until the full-year figure." in en
    ), en
    cap = _show("emissions-cap", "--as-of", "2022-08-01")
    assert "110 kt, off the pace of at most 200 kt a year (100 kt by then)" in cap, cap
    vi = _show("invest-yearly", "--as-of", "2022-08-01", "--lang", "vi")
    assert "140 tỷ VND" in vi or "140 bn VND" in vi, vi
    assert "đúng tiến độ của ngưỡng ít nhất 200" in vi and "tương ứng 100" in vi, vi
    # A rate's half year keeps its words: set against the bound itself.
    growth = _show("growth-yearly", "--as-of", "2022-08-01")
    assert "Part-year reading H1 2022: 9.5% (does not pass)" in growth, growth


# --- (b) A derived indicator of a flow recorded by quarter: per capita GRDP =
# grdp * 1000 / pop with quarterly GRDP and annual population had no 2022, for the formula
# read the same period of every input. A flow's year recorded only in quarters is their
# sum (kinds/span.years_of, as every kind reads it); a level's or a rate's never is.

_DERIVED = """\
title: derived
indicators:
  grdp: {name: GRDP, unit: bn VND, measure: flow, frequency: quarter}
  pop: {name: Population, unit: thousand, measure: level, frequency: quarter}
  growth: {name: Growth, unit: "%", measure: rate, frequency: quarter}
  per_capita: {name: GRDP per capita, unit: m VND, formula: "grdp * 1000 / pop"}
  growth_gap: {name: Growth above population, unit: "%", formula: "growth - pop / 100"}
targets:
  - {id: pc, type: every_period, indicator: per_capita, at_least: 150, from: 2022, to: 2025}
  - {id: gap, type: every_period, indicator: growth_gap, at_least: 0, from: 2022, to: 2025}
"""


def test_a_formula_reads_a_flows_year_as_its_quarters_sum(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    store = STORE_HEADER + "".join(
        r + "\n"
        for r in [
            # 2022: GRDP by quarter only, 50 + 60 + 70 + 80 = 260; population 1,250 for the
            # year: 260 × 1000 / 1250 = 208.
            "grdp,2022-Q1,50,official,s,,2022-04-20T00:00:00Z",
            "grdp,2022-Q2,60,official,s,,2022-07-20T00:00:00Z",
            "grdp,2022-Q3,70,estimate,s,,2022-10-20T00:00:00Z",
            "grdp,2022-Q4,80,official,s,,2023-01-20T00:00:00Z",
            "pop,2022,1250,official,s,,2023-01-25T00:00:00Z",
            # 2023: the year published (300) wins over its quarters (10 each): 300 × 1000 /
            # 1500 = 200.
            "grdp,2023,300,official,s,,2024-02-01T00:00:00Z",
            "grdp,2023-Q1,10,official,s,,2023-04-20T00:00:00Z",
            "grdp,2023-Q2,10,official,s,,2023-07-20T00:00:00Z",
            "grdp,2023-Q3,10,official,s,,2023-10-20T00:00:00Z",
            "grdp,2023-Q4,10,official,s,,2024-01-20T00:00:00Z",
            "pop,2023,1500,official,s,,2024-01-25T00:00:00Z",
            # 2024: three quarters of GRDP make no year.
            "grdp,2024-Q1,50,official,s,,2024-04-20T00:00:00Z",
            "grdp,2024-Q2,50,official,s,,2024-07-20T00:00:00Z",
            "grdp,2024-Q3,50,official,s,,2024-10-20T00:00:00Z",
            "pop,2024,1500,official,s,,2025-01-25T00:00:00Z",
            # 2025: a year of GRDP; population (a level) by quarter only: its quarters are
            # never added up, and the growth rate's quarters neither: no 2025.
            "grdp,2025,400,official,s,,2026-02-01T00:00:00Z",
            "pop,2025-Q1,1600,official,s,,2025-04-20T00:00:00Z",
            "pop,2025-Q2,1600,official,s,,2025-07-20T00:00:00Z",
            "pop,2025-Q3,1600,official,s,,2025-10-20T00:00:00Z",
            "pop,2025-Q4,1600,official,s,,2026-01-20T00:00:00Z",
            "growth,2025-Q1,8,official,s,,2025-04-20T00:00:00Z",
            "growth,2025-Q2,8,official,s,,2025-07-20T00:00:00Z",
            "growth,2025-Q3,8,official,s,,2025-10-20T00:00:00Z",
            "growth,2025-Q4,8,official,s,,2026-01-20T00:00:00Z",
        ]
    )
    make_tracker(tmp_path, monkeypatch, _DERIVED, store)
    t = _warm_and_cold("--as-of", "2026-06-30")
    periods = {p["period"]: p for p in t["pc"]["details"]["periods"]}
    assert sorted(periods) == ["2022", "2023"], periods
    assert periods["2022"]["value"] == pytest.approx(208)
    # The sum is as final as its least final part (Q3 an estimate), and recorded when its
    # last input was (population, 2023-01-25).
    assert periods["2022"]["status"] == "estimate"
    assert periods["2022"]["recorded_at"] == "2023-01-25T00:00:00Z"
    assert periods["2023"]["value"] == pytest.approx(200)
    # growth - pop / 100 reads a rate and a level: their quarters are figures of their own
    # (8 - 16 = -8 each quarter), never a year.
    assert t["gap"]["details"]["periods"] == [], t["gap"]["details"]
    # As of the end of 2022, Q4 (recorded 2023-01-20) is not known: no year yet.
    early = _warm_and_cold("--as-of", "2022-12-31")
    assert early["pc"]["details"]["periods"] == []


def test_the_summed_year_is_in_the_derived_indicators_observations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    store = STORE_HEADER + "".join(
        r + "\n"
        for r in [
            "grdp,2022-Q1,50,official,s,,2022-04-20T00:00:00Z",
            "grdp,2022-Q2,60,official,s,,2022-07-20T00:00:00Z",
            "grdp,2022-Q3,70,official,s,,2022-10-20T00:00:00Z",
            "grdp,2022-Q4,80,official,s,,2023-01-20T00:00:00Z",
            "pop,2022,1250,official,s,,2023-01-25T00:00:00Z",
        ]
    )
    make_tracker(tmp_path, monkeypatch, _DERIVED, store)
    r = run("observations", "--indicator", "per_capita", "--format", "json")
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)
    rows = rows["observations"] if isinstance(rows, dict) else rows
    assert [(o["period"], o["value"]) for o in rows] == [("2022", pytest.approx(208))], rows


# --- (c) The chart of an every-period target on a flow drew a year recorded in quarters
# twice: its sum as the year's point (220.3 for 2021) and its four quarters as hollow
# "part-year readings in a year with no full-year figure yet", which the year has. The
# level chart already counted a summed year as a year; now this one does too.


def test_a_summed_year_is_drawn_once_as_a_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from qntrack.files.workspace import open_workspace
    from qntrack.output.report import build_report, markdown_charts

    store = STORE_HEADER + "".join(
        f"invest,{p},{v},official,s,,{at}T00:00:00Z\n"
        for p, v, at in [
            ("2021-Q1", 40, "2021-04-20"),
            ("2021-Q2", 50.1, "2021-07-20"),
            ("2021-Q3", 60.2, "2021-10-20"),
            ("2021-Q4", 70, "2022-01-20"),
            ("2022-Q1", 70, "2022-04-20"),
            ("2022-Q2", 70, "2022-07-20"),
        ]
    )
    make_tracker(tmp_path, monkeypatch, _PACE.split("  - {id: emissions-cap")[0], store)
    ws = open_workspace(tmp_path / "targets.yaml", "2022-08-01")
    data = build_report(ws.plan, ws.series, ws.store.observations, as_of="2022-08-01", today="2022-08-01")
    (chart,) = [c for c in markdown_charts(data, "en") if c.target_id == "invest-yearly"]
    # Drawn: 2021 (40 + 50.1 + 60.2 + 70 = 220.3, passed), and 2022's two quarters, the
    # only part-year readings of a year with no full-year figure: 1 + 2 points, not 1 + 6.
    assert chart.points == 3, chart


def test_a_quarter_appended_after_the_cache_completes_the_derived_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # The cache is built with three quarters of 2022 (no year: no per capita figure), then
    # Q4 is appended: the cache's appended path (cache/appended.py) works the derived
    # indicator out again from its inputs and must find 260 × 1000 / 1250 = 208, as cold.
    rows = [
        "grdp,2022-Q1,50,official,s,,2022-04-20T00:00:00Z",
        "grdp,2022-Q2,60,official,s,,2022-07-20T00:00:00Z",
        "grdp,2022-Q3,70,official,s,,2022-10-20T00:00:00Z",
        "pop,2022,1250,official,s,,2023-01-25T00:00:00Z",
    ]
    folder = make_tracker(tmp_path, monkeypatch, _DERIVED, STORE_HEADER + "".join(r + "\n" for r in rows))
    assert _warm_and_cold()["pc"]["details"]["periods"] == []
    from qntrack import cache

    cold_runs = []
    real = cache._cold
    monkeypatch.setattr(cache, "_cold", lambda *a, **k: cold_runs.append(1) or real(*a, **k))
    with open(folder / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("grdp,2022-Q4,80,official,s,,2023-01-20T00:00:00Z\n")
    periods = _warm_and_cold()["pc"]["details"]["periods"]
    assert cold_runs == [], "the appended row was not served by the cache's appended path"
    assert [(p["period"], p["value"]) for p in periods] == [("2022", pytest.approx(208))], periods


# --- (c) The units of a breakdown read a year of quarters as its sum, and a unit's part
# year at the bound's pace, as the whole's are; `rank` and the report's units table read
# the same figures.

_UNITS = """\
title: units
dimensions:
  locality: {name: Locality, values: [Alpha, Beta, Gamma]}
indicators:
  invest: {name: Investment, unit: bn VND, measure: flow, frequency: quarter, dimensions: [locality]}
targets:
  - {id: invest-every, type: every_period, indicator: invest, at_least: 200, from: 2022, to: 2025, for_each: locality}
"""


def test_units_read_a_year_of_quarters_and_a_part_year_at_pace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    quarters = {"Alpha": [60, 60, 60, 60, 70, 70], "Beta": [40, 40, 40, 40, 45, 45], "Gamma": [100, 100, 100, 100]}
    store = STORE_HEADER + "".join(
        f"invest[locality={u}],{2022 + i // 4}-Q{i % 4 + 1},{v},official,s,,{2022 + (i + 1) // 4}-"
        f"{(3 * (i % 4 + 1)) % 12 + 1:02d}-10T00:00:00Z\n"
        for u, vs in quarters.items()
        for i, v in enumerate(vs)
    )
    make_tracker(tmp_path, monkeypatch, _UNITS, store)
    t = _warm_and_cold("--as-of", "2023-08-01")
    units = {u["dims"]["locality"]: u for u in t["invest-every"]["breakdown"]}
    # 2022: Alpha 4 × 60 = 240 (passed), Beta 4 × 40 = 160 (failed), Gamma 4 × 100 = 400.
    assert [(k, u["latest"]["period"], u["latest"]["value"]) for k, u in units.items()] == [
        ("Alpha", "2022", 240),
        ("Beta", "2022", 160),
        ("Gamma", "2022", 400),
    ]
    assert [units[k]["status"] for k in ("Alpha", "Beta", "Gamma")] == [
        "substantial_progress",
        "not_achieved",
        "substantial_progress",
    ]
    # 2023-H1: Alpha 70 + 70 = 140 against 200 × 6 / 12 = 100, on pace; Beta 45 + 45 = 90,
    # off it; Gamma has no part of 2023.
    assert units["Alpha"]["details"]["provisional_passes"] is True
    assert units["Beta"]["details"]["provisional_passes"] is False
    assert units["Alpha"]["details"]["provisional_bound"] == units["Beta"]["details"]["provisional_bound"] == 100
    assert "provisional_passes" not in units["Gamma"]["details"]
    r = run("rank", "invest-every", "--as-of", "2023-08-01", "--format", "json")
    assert r.exit_code == 0, r.stderr
    ranked = [(u["rank"], u["dims"]["locality"], u["latest"]["value"]) for u in json.loads(r.stdout)["units"]]
    # The two on track first, the larger year first (400 before 240), then the one that failed.
    assert ranked == [(1, "Gamma", 400), (2, "Alpha", 240), (3, "Beta", 160)], ranked


def test_a_formula_reads_a_flows_quarter_as_its_months_sum(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # GRDP by month, population by quarter: 2022-Q1's GRDP is 10 + 20 + 30 = 60, and the
    # per capita figure 60 × 1000 / 1500 = 40. 2022-Q2 has only April and May: none. A
    # level's months are never a quarter: population by month, GRDP for 2022-Q3 (90), no Q3.
    targets = _DERIVED.replace(
        "grdp: {name: GRDP, unit: bn VND, measure: flow, frequency: quarter}",
        "grdp: {name: GRDP, unit: bn VND, measure: flow, frequency: month}",
    ).replace(
        "pop: {name: Population, unit: thousand, measure: level, frequency: quarter}",
        "pop: {name: Population, unit: thousand, measure: level, frequency: month}",
    )
    targets = targets.replace("from: 2022, to: 2025}\n  - {id: gap", "from: 2022-Q1, to: 2022-Q4}\n  - {id: gap")
    store = STORE_HEADER + "".join(
        r + "\n"
        for r in [
            "grdp,2022-01,10,official,s,,2022-02-10T00:00:00Z",
            "grdp,2022-02,20,official,s,,2022-03-10T00:00:00Z",
            "grdp,2022-03,30,preliminary,s,,2022-04-10T00:00:00Z",
            "pop,2022-Q1,1500,official,s,,2022-04-05T00:00:00Z",
            "grdp,2022-04,10,official,s,,2022-05-10T00:00:00Z",
            "grdp,2022-05,10,official,s,,2022-06-10T00:00:00Z",
            "pop,2022-Q2,1500,official,s,,2022-07-05T00:00:00Z",
            "grdp,2022-Q3,90,official,s,,2022-10-10T00:00:00Z",
            "pop,2022-07,1500,official,s,,2022-08-05T00:00:00Z",
            "pop,2022-08,1500,official,s,,2022-09-05T00:00:00Z",
            "pop,2022-09,1500,official,s,,2022-10-05T00:00:00Z",
        ]
    )
    make_tracker(tmp_path, monkeypatch, targets, store)
    t = _warm_and_cold("--as-of", "2022-12-31")
    periods = [(p["period"], p["value"], p["status"], p["recorded_at"]) for p in t["pc"]["details"]["periods"]]
    assert periods == [("2022-Q1", pytest.approx(40), "preliminary", "2022-04-10T00:00:00Z")], periods
