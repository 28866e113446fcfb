"""A ministry's numbers audit (issue 17, twenty-fourth session): every figure the tool
derives, recomputed by hand. Each defect's test was written failing first; the expected
values are worked out in the comments, never copied from qntrack's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import json_of


def _targets(doc: dict) -> dict[str, dict]:
    return {t["id"]: t for t in doc["targets"]}


# --- A cumulative target whose span is over with a period in the middle missing was
# decided on the periods there are: a cap "at most 1,000 over 2021-2025" with only 2021
# and 2025 recorded (100 + 100 = 200) was "Target achieved", though 2022-2024 are unknown
# and the total is only a floor; a floor "at least 1,000" short with 2022-2024 unknown was
# "Not achieved" for good. methodology.md keeps an average open until every year is in,
# and an every-period target over with a period unknown is not achieved either way; json.md
# already said a cumulative target's `to` is awaited "once the span is over with years or
# periods missing".

_GAPPY = """\
title: audit
indicators:
  emissions: {name: Emissions, unit: kt, measure: flow, direction: decrease}
  invest: {name: Investment, unit: bn VND, measure: flow}
targets:
  - {id: emissions-cap, type: cumulative, indicator: emissions, at_most: 1000, from: 2021, to: 2025}
  - {id: invest-total, type: cumulative, indicator: invest, at_least: 1000, from: 2021, to: 2025}
"""


def _gappy_store(invest_2025: float) -> str:
    return (
        STORE_HEADER
        + "emissions,2021,100,official,s,,2022-02-01T00:00:00Z\n"
        + "emissions,2025,100,official,s,,2026-02-01T00:00:00Z\n"
        + "invest,2021,300,official,s,,2022-02-01T00:00:00Z\n"
        + f"invest,2025,{invest_2025},official,s,,2026-02-01T00:00:00Z\n"
    )


def test_a_cumulative_span_over_with_a_year_missing_stays_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, _GAPPY, _gappy_store(300))
    t = _targets(json_of("status", "--format", "json", "--as-of", "2026-06-30"))
    cap = t["emissions-cap"]
    # 100 + 100 = 200 within the cap of 1,000 so far, 2022-2024 unknown: within the cap
    # (substantial progress, as while the span runs), awaiting the span's figures; not
    # achieved, not missed.
    assert cap["status"] == "substantial_progress", cap
    # The years without a figure (thirtieth session: the span's end, whose figure is in, was named).
    assert cap["awaiting_figures"] == ["2022", "2023", "2024"] and cap["missed_milestones"] == [], cap
    assert cap["details"]["total"] == 200 and cap["gap"] == 200 - 1000, cap
    floor = t["invest-total"]
    # 300 + 300 = 600 of 1,000 = 0.6 of the target after 5 / 5 of the span (the missing
    # years count as elapsed): P = 0.6 / 1 = 0.6, moderate progress, score
    # 7.1429 × 0.6 − 4.2857 = 0.00004; not "not achieved" while three years are unknown.
    assert floor["status"] == "moderate_progress", floor
    assert floor["progress_value"] == pytest.approx(0.6) and floor["score"] == pytest.approx(0.00004, abs=1e-9)
    # The years without a figure (thirtieth session: the span's end, whose figure is in, was named).
    assert floor["awaiting_figures"] == ["2022", "2023", "2024"] and floor["missed_milestones"] == [], floor
    assert floor["gap"] == 400, floor


def test_a_cumulative_span_over_with_a_year_missing_is_decided_where_the_floor_decides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # The total of the years there are is a floor: 300 + 800 = 1,100 already meets "at
    # least 1,000" whatever 2022-2024 were (achieved); a cap already exceeded (100 + 100 +
    # 900 > 1,000 below) is not achieved whatever they were.
    store = _gappy_store(800) + "emissions,2023,900,official,s,,2024-02-01T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, _GAPPY, store)
    t = _targets(json_of("status", "--format", "json", "--as-of", "2026-06-30"))
    assert t["invest-total"]["status"] == "target_achieved", t["invest-total"]
    assert t["emissions-cap"]["status"] == "not_achieved", t["emissions-cap"]


def test_a_cumulative_span_over_with_every_year_in_is_decided_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # Every year in: 5 × 150 = 750 short of 1,000, not achieved, 2025 missed; 5 × 150 =
    # 750 within the cap of 1,000, achieved.
    rows = "".join(
        f"{ind},{y},150,official,s,,{y + 1}-02-01T00:00:00Z\n"
        for ind in ("emissions", "invest")
        for y in range(2021, 2026)
    )
    make_tracker(tmp_path, monkeypatch, _GAPPY, STORE_HEADER + rows)
    t = _targets(json_of("status", "--format", "json", "--as-of", "2026-06-30"))
    assert t["invest-total"]["status"] == "not_achieved" and t["invest-total"]["missed_milestones"] == ["2025"]
    assert t["emissions-cap"]["status"] == "target_achieved"


# --- A cumulative target over years on an amount recorded by quarter (or month) read
# none of it: four quarters of 2021 recorded, "at least 1,000 over 2021-2025" was "Not
# available: no figure for the period", where a plan for 2021 on the same figures adds the
# four quarters up as the year's figure (methodology.md, "Annual plan"; docs/decisions.md:
# "for an amount that adds up they are that figure").

_QUARTERS = """\
title: audit
indicators:
  invest: {name: Investment, unit: bn VND, measure: flow, frequency: quarter}
targets:
  - {id: invest-total, type: cumulative, indicator: invest, at_least: 1000, from: 2021, to: 2025}
  - {id: invest-plan-2021, type: plan, indicator: invest, period: 2021, value: 200}
"""


def _quarters(year: int, values: tuple[float, ...]) -> str:
    return "".join(
        f"invest,{year}-Q{q},{v},official,s,,{year + q // 4}-{3 * q % 12 + 1:02d}-05T00:00:00Z\n"
        for q, v in enumerate(values, 1)
    )


def test_a_cumulative_total_over_years_adds_up_a_years_quarters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    store = STORE_HEADER + _quarters(2021, (40, 50.1, 60.2, 70)) + "invest,2022,250,official,s,,2023-02-01T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, _QUARTERS, store)
    t = _targets(json_of("status", "--format", "json", "--as-of", "2023-06-30"))
    plan = t["invest-plan-2021"]
    # The plan's year: 40 + 50.1 + 60.2 + 70 = 220.3 against 200, achieved.
    assert plan["status"] == "target_achieved" and plan["latest"]["value"] == 220.3, plan
    total = t["invest-total"]
    # The span's 2021 is the same 220.3; with 2022's 250 the total is 470.3 (added as typed),
    # 0.4703 of 1,000 after 2 / 5 = 0.4 of the span: P = 0.4703 / 0.4 = 1.17575,
    # substantial progress, score min(7.1429 × 1.17575 − 4.2857, 5) = 4.1125.
    d = total["details"]
    assert d["total"] == 470.3, d
    assert [(p["period"], p["value"]) for p in d["periods"]] == [("2021", 220.3), ("2022", 250.0)], d
    assert d["periods"][0]["source"] == "2021-Q1 + 2021-Q2 + 2021-Q3 + 2021-Q4", d
    assert total["status"] == "substantial_progress", total
    assert total["progress_value"] == pytest.approx(1.17575), total
    assert total["score"] == pytest.approx(7.1429 * 1.17575 - 4.2857), total
    assert d["periods_elapsed"] == 2 and d["periods_remaining"] == 3, d
    # (1,000 − 470.3) / 3 = 176.5667 a year needed.
    assert d["needed_per_remaining_period"] == pytest.approx(529.7 / 3), d


def test_a_year_with_three_of_its_four_quarters_is_not_a_year_of_the_total(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # 2021's four quarters (220.3) and 2022's first three (60 + 60 + 60 = 180): 2022 is not
    # a year of the total (its fourth quarter is unknown); it is the provisional reading,
    # 2022-9M. Total 220.3, 0.2203 after 1 / 5 = 0.2: P = 1.1015, substantial progress.
    store = STORE_HEADER + _quarters(2021, (40, 50.1, 60.2, 70)) + _quarters(2022, (60, 60, 60))
    make_tracker(tmp_path, monkeypatch, _QUARTERS, store)
    total = _targets(json_of("status", "--format", "json", "--as-of", "2022-12-31"))["invest-total"]
    assert total["details"]["total"] == 220.3, total
    assert total["progress_value"] == pytest.approx(1.1015), total
    assert total["latest"]["period"] == "2021", total
    assert total["provisional"]["period"] == "2022-9M" and total["provisional"]["value"] == 180, total


def test_a_year_recorded_itself_wins_over_its_quarters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # The office's own 2021 figure (225, carrying the quarters' revisions) is the year's,
    # not 220.3: total 225.
    store = STORE_HEADER + _quarters(2021, (40, 50.1, 60.2, 70)) + "invest,2021,225,official,s,,2022-03-01T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, _QUARTERS, store)
    total = _targets(json_of("status", "--format", "json", "--as-of", "2022-12-31"))["invest-total"]
    assert total["details"]["total"] == 225, total
    assert total["details"]["periods"][0]["source"] == "s", total


def test_a_quarterly_span_adds_up_a_quarters_months(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    plan = """\
title: audit
indicators:
  fdi: {name: FDI, unit: m USD, measure: flow, frequency: month}
targets:
  - {id: fdi-q, type: cumulative, indicator: fdi, at_least: 600, from: 2025-Q1, to: 2025-Q4}
"""
    months = "".join(
        f"fdi,2025-{m:02d},{v},official,s,,2025-{m + 1:02d}-05T00:00:00Z\n" for m, v in ((1, 30), (2, 40), (3, 50))
    )
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER + months)
    t = json_of("status", "--format", "json", "--as-of", "2025-04-30")["targets"][0]
    # Q1 = 30 + 40 + 50 = 120: 0.2 of 600 after 1 / 4 of the span, P = 0.8, moderate.
    assert t["details"]["total"] == 120 and t["status"] == "moderate_progress", t
    assert t["progress_value"] == pytest.approx(0.8), t


def test_show_says_a_years_figure_is_its_quarters_added_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from helpers import run_clean

    store = STORE_HEADER + _quarters(2021, (40, 50.1, 60.2, 70))
    make_tracker(tmp_path, monkeypatch, _QUARTERS, store)
    r = run_clean("show", "invest-total", "--as-of", "2022-06-30")
    assert r.exit_code == 0, r.output
    assert "220.3 bn VND (2021, periods added up)" in r.stdout, r.stdout
    assert "The figure for 2021 is the sum of Q1 2021 to Q4 2021." in r.stdout, r.stdout


def test_show_says_which_periods_of_a_span_over_are_unknown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, _GAPPY, _gappy_store(300))
    r = run_clean("show", "emissions-cap", "--as-of", "2026-06-30")
    text = " ".join(r.stdout.split())
    assert "The 2021–2025 span is over with no figure yet for 2022, 2023, 2024" in text, r.stdout
    r = run_clean("--lang", "vi", "show", "invest-total", "--as-of", "2026-06-30")
    text = " ".join(r.stdout.split())
    assert "Giai đoạn 2021–2025 đã kết thúc, chưa có số liệu năm 2022, năm 2023, năm 2024" in text, r.stdout


def test_an_every_year_target_on_an_amount_reads_a_year_of_quarters_as_their_sum(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    plan = """\
title: audit
indicators:
  invest: {name: Investment, unit: bn VND, measure: flow, frequency: quarter}
  growth: {name: Growth, unit: "%", measure: rate, frequency: quarter}
targets:
  - {id: invest-every, type: every_period, indicator: invest, at_least: 200, from: 2021, to: 2023}
  - {id: growth-every, type: every_period, indicator: growth, at_least: 8, from: 2021, to: 2021}
"""
    store = (
        STORE_HEADER
        + _quarters(2021, (40, 50.1, 60.2, 70))
        + "invest,2022,250,official,s,,2023-02-01T00:00:00Z\n"
        + _quarters(2023, (60, 60, 60, 60))
        + "".join(
            f"growth,2021-Q{q},9,official,s,,{2021 + q // 4}-{3 * q % 12 + 1:02d}-05T00:00:00Z\n" for q in range(1, 5)
        )
    )
    make_tracker(tmp_path, monkeypatch, plan, store)
    t = _targets(json_of("status", "--format", "json", "--as-of", "2024-06-30"))
    inv = t["invest-every"]
    # 2021: 40 + 50.1 + 60.2 + 70 = 220.3 ≥ 200; 2022: 250; 2023: 4 × 60 = 240: every year
    # passed, the span complete: target achieved.
    rows = [(p["period"], p["value"], p["passed"]) for p in inv["details"]["periods"]]
    assert rows == [("2021", 220.3, True), ("2022", 250.0, True), ("2023", 240.0, True)], inv
    assert inv["status"] == "target_achieved" and inv["details"]["missing"] == [], inv
    # A growth rate's quarters are no year's rate (9 % in each quarter is not 36 %, nor
    # necessarily 9 %): the year stays without a figure.
    assert t["growth-every"]["status"] == "not_available", t["growth-every"]
    from helpers import run_clean

    r = run_clean("show", "invest-every", "--as-of", "2024-06-30")
    assert "The figure for 2023 is the sum of Q1 2023 to Q4 2023." in " ".join(r.stdout.split()), r.stdout


def test_a_level_target_on_an_amount_reads_a_year_of_quarters_as_their_sum(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    plan = """\
title: audit
indicators:
  exports: {name: Exports, unit: m USD, measure: flow, frequency: quarter}
targets:
  - id: exports-level
    indicator: exports
    baseline: 2021
    milestones: [{by: 2025, value: 300}]
"""
    store = (
        STORE_HEADER
        + "exports,2021,200,official,s,,2022-02-01T00:00:00Z\n"
        + "".join(
            f"exports,2023-Q{q},65,official,s,,{2023 + q // 4}-{3 * q % 12 + 1:02d}-05T00:00:00Z\n" for q in range(1, 5)
        )
    )
    make_tracker(tmp_path, monkeypatch, plan, store)
    t = json_of("status", "--format", "json", "--as-of", "2024-06-30")["targets"][0]
    # 2023 = 4 × 65 = 260 (the quarters added up); base 200 (2021). Achieved rate
    # (260 / 200)^(1/2) − 1 = 0.1401754; required (300 / 200)^(1/4) − 1 = 0.1066819;
    # P = 0.1401754 / 0.1066819 = 1.313957: substantial progress, score min(7.1429 × 1.31395
    # − 4.2857, 5) = 5. The path: 200 × 1.5^(2/4) = 244.949 in 2023 (deviation +15.05);
    # projected 260 × 1.140175² = 338; 300 passed after ln(300/260) / ln(1.140175) = 1.09
    # years: 2025. Gap 300 − 260 = 40.
    assert t["latest"]["period"] == "2023" and t["latest"]["value"] == 260, t
    assert t["status"] == "substantial_progress" and t["score"] == 5, t
    m = t["milestones"][0]
    assert m["progress_value"] == pytest.approx(1.313957, abs=5e-7), m
    assert m["trajectory"] == pytest.approx(244.949, abs=5e-4) and m["deviation"] == pytest.approx(15.051, abs=5e-4)
    assert m["projected"] == pytest.approx(338) and m["reached_in"] == "2025" and m["gap"] == 40, m


# --- The starter's direction-only example carried `limit: 0`, which never acts: Open SDG's
# coefficient is C = 1 whenever the base b ≥ 2L, and every base is ≥ 0 = 2 × 0, so the
# thresholds stay 0.015 and 0.005 whatever the figures. A new user copying it believed the
# poverty rate's floor was taken into account.


def test_the_starter_writes_no_limit_that_never_acts():
    from qntrack.files.definitions import parse_plan
    from qntrack.files.starter import STARTER_TARGETS, starter_targets
    from qntrack.method.progress import limit_coefficient

    # The arithmetic of the defect: with L = 0, C = 1 for a base of 4 (%), as for any.
    assert limit_coefficient(4, 0) == 1.0
    for text in (STARTER_TARGETS, starter_targets("vi")):
        assert "limit: 0" not in text
        plan = parse_plan(text)
        for target in getattr(plan, "targets", []):
            limit = getattr(target, "limit", None)
            assert limit is None or limit != 0, target


def test_a_unit_with_no_plan_of_its_own_shows_its_year_of_quarters_added_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    plan = """\
title: audit
dimensions:
  locality: {name: Locality, values: [Alpha, Beta]}
indicators:
  revenue: {name: Revenue, unit: bn VND, measure: flow, frequency: quarter, dimensions: [locality]}
targets:
  - id: revenue-2024
    type: plan
    indicator: revenue
    period: 2024
    value: 1000
    for_each: locality
    overrides:
      Alpha: {value: 300}
"""
    rows = "".join(
        f"revenue[locality={u}],2024-Q{q},{v},official,s,,{2024 + q // 4}-{3 * q % 12 + 1:02d}-05T00:00:00Z\n"
        for u, v in (("Alpha", 80), ("Beta", 90))
        for q in range(1, 5)
    )
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER + rows)
    t = json_of("status", "--format", "json", "--as-of", "2025-06-30")
    units = {u["dims"]["locality"]: u for u in t["targets"][0]["breakdown"]}
    # Alpha: 4 × 80 = 320 against its own 300, achieved (106.7 %); Beta, no plan of its own:
    # not available, its figure 4 × 90 = 360 for 2024, as Alpha's is read.
    assert units["Alpha"]["status"] == "target_achieved" and units["Alpha"]["latest"]["value"] == 320, units["Alpha"]
    assert units["Beta"]["status"] == "not_available" and units["Beta"]["latest"]["value"] == 360, units["Beta"]
    assert units["Beta"]["latest"]["period"] == "2024", units["Beta"]


# --- A level milestone on a growth rate (`measure: rate`) was judged by the compound growth
# of the rate itself: GRDP growth from 2 % (2020) to 8 % (2023) "grew 58.7 % a year"
# ((8 / 2)^(1/3) − 1) against a "required" (10 / 2)^(1/5) − 1 = 38 % a year. A rate can be
# zero or negative and is already a change: a CAGR of it means nothing (the methodology's
# "growth-rate indicators must not go straight into a CAGR ratio"). It is now judged by
# absolute change, in percentage points a year, as a balance is.

_RATE_LEVEL = """\
title: audit
indicators:
  growth: {name: GRDP growth, unit: "%", measure: rate}
targets:
  - id: growth-10
    indicator: growth
    baseline: 2020
    milestones: [{by: 2025, value: 10}]
"""


def test_a_level_milestone_on_a_growth_rate_is_judged_in_points_a_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    store = (
        STORE_HEADER
        + "growth,2020,2,official,s,,2021-02-01T00:00:00Z\n"
        + "growth,2023,8,official,s,,2024-02-01T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, _RATE_LEVEL, store)
    t = json_of("status", "--format", "json", "--as-of", "2024-06-30")["targets"][0]
    m = t["milestones"][0]
    # R = (10 − 2) / (2025 − 2020) = 1.6 points a year; A = (8 − 2) / (2023 − 2020) = 2;
    # P = 2 / 1.6 = 1.25: substantial progress, score 7.1429 × 1.25 − 4.2857 = 4.6429.
    # The path: 2 + 1.6 × 3 = 6.8 in 2023 (deviation +1.2); projected 8 + 2 × 2 = 12 in
    # 2025; 10 reached after (10 − 8) / 2 = 1 year, in 2024. Gap 10 − 8 = 2.
    assert m["method"] == "absolute_change" and m["required_rate"] is None, m
    assert m["required_change"] == pytest.approx(1.6) and m["achieved_change"] == pytest.approx(2.0), m
    assert m["progress_value"] == pytest.approx(1.25) and m["score"] == pytest.approx(7.1429 * 1.25 - 4.2857), m
    assert m["trajectory"] == pytest.approx(6.8) and m["deviation"] == pytest.approx(1.2), m
    assert m["projected"] == pytest.approx(12.0) and m["reached_in"] == "2024" and m["gap"] == 2, m
    assert t["status"] == "substantial_progress", t
    # No compound rate of the rate is said: (8 / 2)^(1/3) − 1 = +58.7 % "a year" was.
    assert t["achieved_rate"] is None, t
    from helpers import run_clean

    shown = run_clean("show", "growth-10", "--as-of", "2024-06-30").stdout
    assert "58.7" not in shown and "+2 pp a year against +1.6 pp a year required" in shown, shown
