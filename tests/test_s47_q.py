"""Session 47, helper Q: the numbers of the less-used target kinds (every period, average,
cumulative, plan, balances, derived indicators, a level to lower), recomputed by hand from
docs/methodology.md and set against what status, show, the CSV and the workbook write."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from conftest import STORE_HEADER, dedent, make_tracker

from helpers import run

EMISSIONS_PLAN = dedent(
    """
    version: 1
    title: Plan
    observations: observations.csv
    indicators:
      em: {name: Emissions, unit: kt, measure: flow, direction: decrease, frequency: quarter}
    targets:
      - id: em-2026
        indicator: em
        type: plan
        period: 2026
        value: 400
    """
)

# Three quarters of 2026 added up: 100 + 100 + 100.5 = 300.5 kt by September.
EMISSIONS_STORE = STORE_HEADER + dedent(
    """
    em,2026-Q1,100,,s,,2026-04-05T00:00:00Z
    em,2026-Q2,100,,s,,2026-07-05T00:00:00Z
    em,2026-Q3,100.5,,s,,2026-10-05T00:00:00Z
    """
)


def test_a_cap_plan_just_beyond_its_pace_is_not_written_on_the_pace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plan of at most 400 kt of emissions for 2026 (a flow where lower is better) with
    300.5 kt by September: 300.5 / 400 = 0.75125 of the plan after 9 / 12 = 0.75 of the
    year, P = 0.75125 / 0.75 = 1.001666..., beyond the plan's pace (on it is P <= 1):
    limited progress. Every table wrote that P "1", exactly on the pace, beside "Limited
    progress" (the workbook's cell "1.00"): the edge 1 is a cap plan's from above, as 0.95
    is substantial progress's from below, and a P beyond it is never rounded onto it."""
    make_tracker(tmp_path, monkeypatch, EMISSIONS_PLAN, EMISSIONS_STORE)
    data = json.loads(run("status", "--format", "json", "--as-of", "2026-12-01").stdout)
    (target,) = data["targets"]
    assert target["status"] == "limited_progress"
    assert target["progress_value"] == pytest.approx(0.75125 / 0.75)
    table = run("status", "--format", "table", "--as-of", "2026-12-01").stdout
    row = next(line for line in table.splitlines() if "Limited progress" in line)
    assert " 1.002 " in row, row
    shown = run("show", "em-2026", "--as-of", "2026-12-01").stdout
    assert "1.002 / –" in shown, shown
    assert "1 / –" not in shown
    run("report", "-o", "r.xlsx", "--as-of", "2026-12-01")
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["Summary"]
    header = [c.value for c in ws[1]]
    cell = ws.cell(row=2, column=header.index("P") + 1)
    assert cell.value == pytest.approx(0.75125 / 0.75)
    assert cell.number_format == "0.000"


def test_a_share_beyond_a_caps_pace_is_never_written_as_the_share_of_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under a cap the pace is the comparison itself: on it while the share of the plan (or
    of the cap) is at most the share of the time. 300.1 kt of at most 400 by September is
    300.1 / 400 = 75.025 % of the plan after 9 / 12 = 75 % of the year, P = 1.00033:
    limited progress, beside which `show` and the report said "300.1 kt, 75% of the
    annual plan after 75% of the year", on the pace. So did a cumulative cap: at most 400
    kt over 2023-2026 with 100 and 100.02 is 200.02 / 400 = 50.005 % of the cap after
    2 / 4 = 50 % of the span, "50% of the cap after 50% of the time", limited progress.
    Both shares are now written at the decimals where they differ: 75.03 % (75.025, half
    away from zero) after 75 %, 50.01 % after 50 %."""
    make_tracker(tmp_path, monkeypatch, EMISSIONS_PLAN, EMISSIONS_STORE.replace("100.5", "100.1"))
    shown = run("show", "em-2026", "--as-of", "2026-12-01").stdout
    assert "Limited progress" in shown
    assert "300.1 kt, 75.03% of the annual plan after 75% of the year." in shown, shown
    report = run("report", "em-2026", "--as-of", "2026-12-01").stdout
    assert "300.1 kt, 75.03% of the annual plan after 75% of the year." in report
    assert "| Share of the plan | 75.03% |" in report, report
    vi = run("--lang", "vi", "show", "em-2026", "--as-of", "2026-12-01").stdout
    assert "300,1 kt, bằng 75,03% kế hoạch năm, khi đã qua 75% thời gian." in vi, vi
    # The workbook's share of the plan likewise: 75.025 under "0.00%", never "75%".
    run("report", "-o", "r.xlsx", "--as-of", "2026-12-01")
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["Summary"]
    header = [c.value for c in ws[1]]
    cell = ws.cell(row=2, column=header.index("Share of the plan") + 1)
    assert cell.value == pytest.approx(75.025)
    assert cell.number_format == '#,##0.00"%"', cell.number_format

    plan = dedent(
        """
        version: 1
        title: Plan
        observations: observations.csv
        indicators:
          em: {name: Emissions, unit: kt, measure: flow, direction: decrease}
        targets:
          - {id: cap, indicator: em, type: cumulative, at_most: 400, from: 2023, to: 2026}
        """
    )
    store = STORE_HEADER + "em,2023,100,,s,,2024-01-10T00:00:00Z\nem,2024,100.02,,s,,2025-01-10T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, plan, store)
    data = json.loads(run("status", "--format", "json", "--as-of", "2025-06-01").stdout)
    assert data["targets"][0]["status"] == "limited_progress"
    shown = run("show", "cap", "--as-of", "2025-06-01").stdout
    assert "200.02 kt so far: 50.01% of the cap after 50% of the time." in shown, shown
    assert "50.01%" in shown.split("Share of target", 1)[1].splitlines()[0]
    report = run("report", "cap", "--as-of", "2025-06-01").stdout
    assert "| Share of the target | 50.01% |" in report, report


def words(*args: str) -> str:
    """What qntrack ``args`` prints, its words joined by single spaces (a sentence wrapped at
    the terminal's width is one line again)."""
    return " ".join(run(*args).stdout.split())


PACES_PLAN = dedent(
    """
    version: 1
    title: Plan
    observations: observations.csv
    indicators:
      tb: {name: Trade balance, unit: bn USD, measure: balance, direction: increase, frequency: month}
      inv: {name: Investment, unit: bn VND, measure: flow, direction: increase, frequency: quarter}
      g: {name: Growth, unit: "%", measure: rate, direction: increase, frequency: quarter}
    targets:
      - {id: tb-2024, indicator: tb, type: plan, period: 2024, value: -0.7}
      - {id: tb-2026, indicator: tb, type: plan, period: 2026, value: 15}
      - {id: inv-ep, indicator: inv, type: every_period, at_least: 200, from: 2025, to: 2027}
      - {id: g-ep, indicator: g, type: every_period, at_least: 10, from: 2025, to: 2027}
    """
)

PACES_STORE = STORE_HEADER + dedent(
    """
    tb,2024-01,-0.175,,s,,2024-02-05T00:00:00Z
    tb,2024-02,-0.175,,s,,2024-03-05T00:00:00Z
    tb,2024-03,-0.175,,s,,2024-04-05T00:00:00Z
    tb,2024-04,-0.2,,s,,2024-05-05T00:00:00Z
    tb,2024-05,-0.2,,s,,2024-06-05T00:00:00Z
    tb,2024-06,-0.2,,s,,2024-07-05T00:00:00Z
    tb,2024-07,-0.2,,s,,2024-08-05T00:00:00Z
    tb,2024-08,-0.2,,s,,2024-09-05T00:00:00Z
    tb,2024-09,-0.2,,s,,2024-10-05T00:00:00Z
    tb,2026-01,3.0,,s,,2026-02-05T00:00:00Z
    tb,2026-02,-1.5,,s,,2026-03-05T00:00:00Z
    tb,2026-03,2.2499,,s,,2026-04-05T00:00:00Z
    inv,2025,210,,s,,2026-01-10T00:00:00Z
    inv,2026-Q1,50,,s,,2026-04-10T00:00:00Z
    inv,2026-Q2,49.9999,,s,,2026-07-10T00:00:00Z
    g,2025,11,,s,,2026-01-10T00:00:00Z
    g,2026-H1,9.9999,,s,,2026-07-10T00:00:00Z
    """
)


def test_a_part_year_reading_is_never_written_as_the_pace_or_bound_it_misses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sentences that set a part-year amount against a pace wrote both at two decimals
    from floats: a balance planned at -0.7 for 2024, -1.725 by September against the pace
    -0.7 x 9 / 12 = -0.525, said "it would be -0.52" (the floats' -0.5249999999999999; at
    two decimals, half away from zero, -0.525 is -0.53);
    a balance planned at 15 for 2026 with 3.0 - 1.5 + 2.2499 = 3.7499 by March, behind the
    pace 15 x 3 / 12 = 3.75 (limited progress), said "3.75 bn USD ... it would be 3.75 bn
    USD"; "at least 200 every year" with 50 + 49.9999 = 99.9999 by June, off the pace 200 x
    6 / 12 = 100, said "100 bn VND, off the pace ... (100 bn VND by then)"; and a growth of
    9.9999 % for H1 against "at least 10" said "10% (does not pass)". Each is now written
    where it differs from the pace or bound it is set against, and the pace in decimal."""
    make_tracker(tmp_path, monkeypatch, PACES_PLAN, PACES_STORE)
    shown = words("show", "tb-2024", "--as-of", "2024-10-10")
    # -0.175 x 3 + -0.2 x 6 = -1.725 by September, behind the pace -0.525.
    assert "-1.725 bn USD after 75% of the year;" in shown, shown
    assert "it would be -0.53 bn USD." in shown, shown
    shown = words("show", "tb-2026", "--as-of", "2026-04-10")
    assert "Limited progress" in shown
    assert "Q1 2026: 3.7499 bn USD after 25% of the year;" in shown, shown
    assert "it would be 3.75 bn USD." in shown, shown
    # And so every table beside it: the header, the key figures and the status table
    # (the gap, 15 - 3.7499 = 11.2501, at the same decimals).
    assert "Part-year 3.7499 bn USD (2026-Q1, periods added up)" in shown, shown
    assert "Gap 11.2501 bn USD" in shown, shown
    report = run("report", "tb-2026", "--as-of", "2026-04-10").stdout
    assert "| So far | 3.7499 bn USD (Q1 2026) |" in report, report
    table = words("status", "tb-2026", "--format", "table", "--as-of", "2026-04-10")
    assert "3.7499 bn USD (2026-Q1," in table, table
    assert "11.2501 bn USD (2026-Q1)" in table, table
    shown = words("show", "inv-ep", "--as-of", "2026-07-10")
    assert "H1 2026: 99.9999 bn VND, off the pace of at least 200 bn VND a year (100 bn VND by then)" in shown, shown
    shown = words("show", "g-ep", "--as-of", "2026-07-10")
    assert "Part-year reading H1 2026: 9.9999% (does not pass)" in shown, shown
    vi = words("--lang", "vi", "show", "tb-2024", "--as-of", "2024-10-10")
    assert "-1,725 bn USD" in vi and "-0,53 bn USD" in vi, vi


def test_an_averages_gap_has_the_workbooks_decimals_the_tables_give_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At least 10.2 % a year over 2021-2025 with 10, 10.2 and 10.4: G = 1.1 x 1.102 x 1.104
    = 1.3382688, an average of 1.3382688^(1/3) - 1 = 10.1998790077 % a year, written
    10.1999 % (where it differs from the bound), and a gap of 10.2 - 10.1998790077 =
    0.0001209923 pp, written at the average's decimals: "0.0001 pp" in the table, `show`
    and the report. The workbook's Summary cell held the number under a format of five
    decimals, "0.00012 pp" (the small-number rule's two significant digits of the computed
    gap), where every other output said 0.0001."""
    plan = dedent(
        """
        version: 1
        title: Plan
        observations: observations.csv
        indicators:
          g: {name: Growth, unit: "%", measure: rate, direction: increase}
        targets:
          - {id: avg, indicator: g, type: average, at_least: 10.2, from: 2021, to: 2025}
        """
    )
    store = STORE_HEADER + dedent(
        """
        g,2021,10,,s,,2022-01-10T00:00:00Z
        g,2022,10.2,,s,,2023-01-10T00:00:00Z
        g,2023,10.4,,s,,2024-01-10T00:00:00Z
        """
    )
    make_tracker(tmp_path, monkeypatch, plan, store)
    data = json.loads(run("status", "--format", "json", "--as-of", "2024-06-01").stdout)
    (target,) = data["targets"]
    assert target["details"]["average"] == pytest.approx(10.1998790077)
    assert target["gap"] == pytest.approx(0.0001209923)
    assert "0.0001 pp" in run("status", "--format", "table", "--as-of", "2024-06-01").stdout
    run("report", "-o", "r.xlsx", "--as-of", "2024-06-01")
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["Summary"]
    header = [c.value for c in ws[1]]
    cell = ws.cell(row=2, column=header.index("Gap") + 1)
    assert cell.value == pytest.approx(0.0001209923)
    assert cell.number_format.startswith('#,##0.0000" pp"'), cell.number_format


def test_a_total_behind_a_bound_below_zero_is_never_written_as_its_pace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A net flow of at least -0.7 bn USD over 2021-2024 with -0.1751 in 2021: the bound's
    pace after 1 / 4 of the span is -0.7 x 0.25 = -0.175, and -0.1751 is below it: limited
    progress. `show` wrote both at two decimals, "-0.18 bn USD so far ...; it would be
    -0.18 bn USD by now", and its Total row "-0.18 bn USD". Now at the decimals where they
    differ: -0.1751 against -0.175."""
    plan = dedent(
        """
        version: 1
        title: Plan
        observations: observations.csv
        indicators:
          nf: {name: Net flow, unit: bn USD, measure: flow, direction: increase}
        targets:
          - {id: neg, indicator: nf, type: cumulative, at_least: -0.7, from: 2021, to: 2024}
        """
    )
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER + "nf,2021,-0.1751,,s,,2022-01-10T00:00:00Z\n")
    data = json.loads(run("status", "--format", "json", "--as-of", "2022-06-01").stdout)
    assert data["targets"][0]["status"] == "limited_progress"
    shown = words("show", "neg", "--as-of", "2022-06-01")
    assert "-0.1751 bn USD so far after 25% of the time;" in shown, shown
    assert "it would be -0.175 bn USD by now." in shown, shown
    assert "Total so far -0.1751 bn USD" in shown, shown
    # A bound typed with three decimals is quoted as typed: -0.705, never "-0.71" (its
    # pace -0.705 x 0.25 = -0.17625, which -0.1751 is above: substantial progress).
    (tmp_path / "targets.yaml").write_text(plan.replace("at_least: -0.7,", "at_least: -0.705,"), encoding="utf-8")
    shown = words("show", "neg", "--as-of", "2022-06-01")
    assert "Substantial progress" in shown
    assert "the target of -0.705 bn USD over the span" in shown, shown


def test_a_cumulative_part_year_reading_is_quoted_as_typed_and_past_its_cap_as_past_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At most 1,500 kt over 2021-2025, 1,499.9 in 2021 and 0.10001 by 2022-H1: with the
    reading, 1,499.9 + 0.10001 = 1,500.00001, over the cap, and `show` said "With H1 2022,
    1,500 kt is recorded: already over the cap of 1,500 kt", a total at the cap said to be
    over it; now 1,500.00001. And a part-year reading published with three decimals, 0.125
    bn VND for 2022-Q1 (the header's "0.125 bn VND"), was quoted "0.13 bn VND" under "In
    short"; now as typed."""
    plan = dedent(
        """
        version: 1
        title: Plan
        observations: observations.csv
        indicators:
          em: {name: Emissions, unit: kt, measure: flow, direction: decrease, frequency: quarter}
          inv: {name: Investment, unit: bn VND, measure: flow, direction: increase, frequency: quarter}
        targets:
          - {id: cap, indicator: em, type: cumulative, at_most: 1500, from: 2021, to: 2025}
          - {id: inv, indicator: inv, type: cumulative, at_least: 10, from: 2021, to: 2025}
        """
    )
    store = STORE_HEADER + dedent(
        """
        em,2021,1499.9,,s,,2022-01-10T00:00:00Z
        em,2022-H1,0.10001,,s,,2022-07-10T00:00:00Z
        inv,2021,2,,s,,2022-01-10T00:00:00Z
        inv,2022-Q1,0.125,,s,,2022-04-10T00:00:00Z
        """
    )
    make_tracker(tmp_path, monkeypatch, plan, store)
    shown = words("show", "cap", "--as-of", "2022-08-01")
    assert "With H1 2022, 1,500.00001 kt is recorded: already over the cap of 1,500 kt" in shown, shown
    shown = words("show", "inv", "--as-of", "2022-08-01")
    assert "Part-year reading Q1 2022: 0.125 bn VND (not in the total)." in shown, shown


def test_an_averages_part_year_reading_is_quoted_as_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A growth of 9.125 % for 2026-H1 beside an average over 2021-2027: the header and the
    observations table wrote "9.125%", the sentence under "In short" "9.13%", a figure not
    published (9.125 at two decimals, half away from zero)."""
    plan = dedent(
        """
        version: 1
        title: Plan
        observations: observations.csv
        indicators:
          g: {name: Growth, unit: "%", measure: rate, direction: increase, frequency: quarter}
        targets:
          - {id: avg, indicator: g, type: average, at_least: 10, from: 2021, to: 2027}
        """
    )
    store = STORE_HEADER + "g,2025,10.2,,s,,2026-01-10T00:00:00Z\ng,2026-H1,9.125,,s,,2026-07-10T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, plan, store)
    shown = words("show", "avg", "--as-of", "2026-08-01")
    assert "Part-year reading H1 2026: 9.125% (not in the average)." in shown, shown
    vi = words("--lang", "vi", "show", "avg", "--as-of", "2026-08-01")
    assert "9,125%" in vi.split("Tóm lại", 1)[1], vi


def test_a_falling_levels_part_year_reading_is_at_or_below_its_milestone_not_beyond(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A poverty rate (lower is better) with a milestone of 5 % by 2025 and 4.9 % for H1 2025:
    `show` said "4.9%, at or beyond the 2025 milestone (5%)", "beyond" beside a figure below
    it, the word methodology.md ("Gap") keeps for where higher is the goal ("below the
    target by" where lower is). Now "at or below"; the Vietnamese "đã đạt" says either."""
    plan = dedent(
        """
        version: 1
        title: Plan
        observations: observations.csv
        indicators:
          p: {name: Poverty, unit: "%", direction: decrease, frequency: quarter}
        targets:
          - id: p
            indicator: p
            baseline: {period: 2020, value: 8}
            milestones:
              - {by: 2025, value: 5}
        """
    )
    store = STORE_HEADER + "p,2024,5.5,,s,,2025-01-10T00:00:00Z\np,2025-H1,4.9,,s,,2025-07-10T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, plan, store)
    shown = words("show", "p", "--as-of", "2025-08-01")
    assert "Part-year reading H1 2025: 4.9%, at or below the 2025 milestone (5%);" in shown, shown
    assert "beyond" not in shown
    vi = words("--lang", "vi", "show", "p", "--as-of", "2025-08-01")
    assert "4,9%, đã đạt mốc năm 2025 (5%)" in vi, vi
