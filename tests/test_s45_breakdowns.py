"""Breakdowns at national scale, with merged provinces (forty-fifth session, helper R).

Vietnam's 63 provinces became 34 on 1 July 2025: a province formed that day (``since:``)
or one merged away the day before (``until:``) existed for part of a span target's years.
Figures for the years outside its dates cannot be recorded for it (``add-observation``
refuses them), so it is judged on the span's periods it existed in, as a level target's
unit is judged on the milestones due while it existed (methodology.md, "Breakdowns").
"""

from __future__ import annotations

import json

from conftest import dedent, make_tracker
from helpers import run_clean

PLAN = dedent("""
    title: Merged provinces
    dimensions:
      province:
        name: {en: Province, vi: Tỉnh}
        values:
          - Stay
          - {value: Old, until: "2025-06-30"}
          - {value: New, since: "2025-07-01", from: [Old]}
    indicators:
      growth:
        name: GRDP growth
        unit: "%"
        measure: rate
        dimensions: [province]
    targets:
      - id: growth-avg
        type: average
        indicator: growth
        at_least: 8
        from: 2021
        to: 2025
        for_each: province
      - id: growth-every
        type: every_period
        indicator: growth
        at_least: 7
        from: 2021
        to: 2026
        for_each: province
      - id: growth-long
        type: every_period
        indicator: growth
        at_least: 7
        from: 2021
        to: 2030
        for_each: province
""")

_ROWS = [("", 2021), ("", 2022), ("", 2023), ("", 2024), ("", 2025)]


def _store() -> str:
    lines = ["indicator,period,value,status,source,note,recorded_at"]
    for year in range(2021, 2026):
        lines.append(f"growth,{year},9,official,,,2026-03-01T00:00:00Z")
        lines.append(f"growth[province=Stay],{year},9,official,,,2026-03-01T00:00:00Z")
    for year in range(2021, 2025):
        lines.append(f"growth[province=Old],{year},9,official,,,2026-03-01T00:00:00Z")
    lines.append("growth[province=New],2025,9,official,,,2026-03-01T00:00:00Z")
    return "\n".join(lines) + "\n"


def _units(target_id: str) -> dict[str, dict]:
    r = run_clean("status", target_id, "--format", "json", "--as-of", "2026-06-01")
    assert r.exit_code == 0, r.output
    (target,) = json.loads(r.stdout)["targets"]
    return {u["dims"]["province"]: u for u in target["breakdown"]}


def test_a_province_formed_mid_span_is_not_awaiting_years_before_it_existed(tmp_path, monkeypatch):
    """New (from 1 July 2025) has its 2025 figure, 9 >= 8, the only year it existed in of
    2021-2025: nothing is awaited of it (a figure for 2021-2024 is refused), and the span
    ended, so it is judged as Stay, which met 8 in each of its five years, is."""
    make_tracker(tmp_path, monkeypatch, PLAN, _store())
    units = _units("growth-avg")
    new, stay = units["New"], units["Stay"]
    assert new["awaiting_figures"] == []
    assert new["details"]["from"] == "2025"
    assert new["details"]["to"] == "2025"
    assert new["status"] == stay["status"]
    # Old existed in 2025 until 30 June: its 2025 figure may still come.
    assert units["Old"]["awaiting_figures"] == ["2025"]


def test_every_period_units_are_judged_on_the_years_they_existed(tmp_path, monkeypatch):
    """growth-every, 2021-2026: New is judged on 2025 and 2026 (2026 still running on
    2026-06-01: nothing awaited); growth-long, 2021-2030: Old, merged away in 2025, is
    judged on 2021-2025 and awaits only its 2025 figure, never 2026-2030's."""
    make_tracker(tmp_path, monkeypatch, PLAN, _store())
    new = _units("growth-every")["New"]
    assert new["awaiting_figures"] == []
    assert (new["details"]["from"], new["details"]["to"]) == ("2025", "2026")
    old = _units("growth-long")["Old"]
    assert (old["details"]["from"], old["details"]["to"]) == ("2021", "2025")
    assert old["awaiting_figures"] == ["2025"]


def test_a_unit_judged_on_fewer_periods_says_so_where_the_goal_is_not_shown(tmp_path, monkeypatch):
    """rank and the report list no goal: New's "Target achieved" on 2025 alone read as the
    same test as Stay's on five years. Its status says which periods, as a level target's
    unit says which milestones ("milestones 2025 only: while the unit existed")."""
    make_tracker(tmp_path, monkeypatch, PLAN, _store())
    r = run_clean("rank", "growth-avg", "--format", "table", "--as-of", "2026-06-01")
    assert r.exit_code == 0, r.output
    new = next(line for line in r.stdout.splitlines() if " New " in line)
    assert "(2025 only: while the unit existed)" in new
    stay = next(line for line in r.stdout.splitlines() if " Stay " in line)
    assert "while the unit existed" not in stay
    r = run_clean("rank", "growth-every", "--format", "table", "--as-of", "2026-06-01", "--lang", "vi")
    new = next(line for line in r.stdout.splitlines() if " New " in line)
    assert "(chỉ xét kỳ 2025–2026: khi đơn vị còn tồn tại)" in new


def test_an_override_s_own_span_is_judged_as_written_with_no_note(tmp_path, monkeypatch):
    """Stay given its own span, 2023-2025, is judged on it, and its status says nothing of
    a unit's lifetime: Stay has no dates."""
    plan = PLAN.replace(
        "    to: 2025\n    for_each: province\n",
        "    to: 2025\n    for_each: province\n    overrides:\n      Stay: {at_least: 8, from: 2023, to: 2025}\n",
        1,
    )
    assert plan != PLAN
    make_tracker(tmp_path, monkeypatch, plan, _store())
    stay = _units("growth-avg")["Stay"]
    assert (stay["details"]["from"], stay["details"]["to"]) == ("2023", "2025")
    r = run_clean("rank", "growth-avg", "--format", "table", "--as-of", "2026-06-01")
    line = next(line for line in r.stdout.splitlines() if " Stay " in line)
    assert "while the unit existed" not in line


FLOW_PLAN = dedent("""
    title: Merged provinces, a flow
    dimensions:
      province:
        name: {en: Province, vi: Tỉnh}
        values:
          - Stay
          - {value: Old, until: "2025-06-30"}
          - {value: New, since: "2025-07-01", from: [Old]}
    indicators:
      fdi:
        name: FDI
        unit: million USD
        measure: flow
        frequency: quarter
        dimensions: [province]
    targets:
      - {id: fdi-2025, type: plan, indicator: fdi, period: 2025, value: 1000, for_each: province}
""")


def test_units_that_do_not_add_up_are_told_by_the_dimension_s_name_in_the_user_s_language(tmp_path, monkeypatch):
    """2025-Q3: the total 300, New 100 and Stay 166 add up to 266, off by 34, more than
    0.5% x 300 = 1.5. The warning named the dimension by its id alone, 'theo province' in
    a Vietnamese sentence; it names it as the other units messages do, its id and the
    plan's name in the language asked ('province' (Tỉnh))."""
    store = dedent("""
        indicator,period,value,status,source,note,recorded_at
        fdi,2025-Q3,300,official,,,2026-03-01T00:00:00Z
        fdi[province=Stay],2025-Q3,166,official,,,2026-03-01T00:00:00Z
        fdi[province=New],2025-Q3,100,official,,,2026-03-01T00:00:00Z
    """)
    make_tracker(tmp_path, monkeypatch, FLOW_PLAN, store)
    r = run_clean("check", "--lang", "vi")
    assert "fdi 2025-Q3: tổng là 300, nhưng 2 đơn vị theo 'province' (Tỉnh) cộng lại bằng 266" in r.output
    r = run_clean("check")
    assert "fdi 2025-Q3: the total is 300, but its 2 units of 'province' (Province) add up to 266" in r.output


SEX_PLAN = dedent("""
    title: Poverty by province and sex
    dimensions:
      province:
        name: {en: Province, vi: Tỉnh}
        values:
          - Stay
          - {value: New, since: "2025-07-01"}
      sex:
        name: {en: Sex, vi: Giới tính}
        values:
          - {value: Male, names: {vi: Nam}}
          - {value: Female, names: {vi: Nữ}}
    indicators:
      poverty:
        name: Poverty rate
        unit: "%"
        direction: decrease
        dimensions: [province, sex]
    targets:
      - id: poverty-sex
        indicator: poverty
        baseline: 2020
        milestones: [{by: 2025, value: 3}]
        for_each: [province, sex]
""")


def test_a_declared_unit_without_a_figure_shows_the_milestone_it_is_judged_towards(tmp_path, monkeypatch):
    """The milestone, 3% by 2025, applies to every unit. Stay's cells with figures showed
    it as their goal; New's cells, declared and with no figure yet, showed "lower is
    better", as if they had no milestone (the whole with no figure shows 3% by 2025)."""
    store = dedent("""
        indicator,period,value,status,source,note,recorded_at
        poverty[province=Stay;sex=Male],2020,5,official,,,2021-03-01T00:00:00Z
        poverty[province=Stay;sex=Male],2024,4,official,,,2025-03-01T00:00:00Z
        poverty[province=Stay;sex=Female],2020,6,official,,,2021-03-01T00:00:00Z
        poverty[province=Stay;sex=Female],2024,4,official,,,2025-03-01T00:00:00Z
    """)
    make_tracker(tmp_path, monkeypatch, SEX_PLAN, store)
    r = run_clean("status", "--by", "province", "--format", "table", "--as-of", "2025-06-01")
    assert r.exit_code == 0, r.output
    rows = [line for line in r.stdout.splitlines() if "↳" in line]
    assert len(rows) == 4, r.stdout
    for line in rows:
        assert "3% by 2025" in line, line
        assert "lower is better" not in line, line
    r = run_clean("status", "--format", "json", "--as-of", "2025-06-01")
    (target,) = json.loads(r.stdout)["targets"]
    new = [u for u in target["breakdown"] if u["dims"]["province"] == "New"]
    assert [u["without_figure"] for u in new] == [True, True]
    assert [u["next_milestone"] for u in new] == ["2025", "2025"]
    assert [(u["status"], u["reason"]) for u in new] == [("not_available", "no_figures")] * 2


def test_an_amount_s_year_cut_by_a_unit_s_dates_is_its_parts_over_the_months_it_existed(tmp_path, monkeypatch):
    """Old (until 30 June 2025) recorded 2025-Q1 30 and 2025-Q2 45.5; New (from 1 July
    2025) 2025-Q3 40 and 2025-Q4 70. Neither can have the year's other quarters
    (add-observation refuses them), so their 2025 was awaited for good: "no figure for the
    target's period yet", New's plan of 100 never judged. Their 2025 is the parts of the
    months they existed, added up: Old 30 + 45.5 = 75.5 of its plan 80 (94.375%, not
    achieved), New 40 + 70 = 110 of 100 (110%, achieved), and over 2024-2025 at least
    100 for Old: 2024's 60 + 75.5 = 135.5 (achieved)."""
    head = FLOW_PLAN.split("targets:")[0]
    plan = head + dedent("""
        targets:
          - id: fdi-2025
            type: plan
            indicator: fdi
            period: 2025
            value: 1000
            for_each: province
            overrides: {Old: {value: 80}, New: {value: 100}}
          - id: fdi-total
            type: cumulative
            indicator: fdi
            at_least: 1000
            from: 2024
            to: 2025
            for_each: province
            overrides: {Old: {at_least: 100}}
    """)
    store = dedent("""
        indicator,period,value,status,source,note,recorded_at
        fdi[province=Old],2024,60,official,,,2025-03-01T00:00:00Z
        fdi[province=Old],2025-Q1,30,official,,,2025-04-20T00:00:00Z
        fdi[province=Old],2025-Q2,45.5,official,,,2025-07-20T00:00:00Z
        fdi[province=New],2025-Q3,40,official,,,2025-10-20T00:00:00Z
        fdi[province=New],2025-Q4,70,official,,,2026-01-20T00:00:00Z
    """)
    make_tracker(tmp_path, monkeypatch, plan, store)
    units = _units("fdi-2025")
    old, new = units["Old"], units["New"]
    assert (old["latest"]["period"], old["latest"]["value"]) == ("2025", 75.5)
    assert old["latest"]["source"] == "2025-Q1 + 2025-Q2"
    assert old["status"] == "not_achieved"
    assert abs(old["details"]["percent_of_plan"] - 94.375) < 1e-9
    assert (new["latest"]["period"], new["latest"]["value"]) == ("2025", 110.0)
    assert new["status"] == "target_achieved"
    assert abs(new["details"]["percent_of_plan"] - 110.0) < 1e-9
    assert new["awaiting_figures"] == []
    total = _units("fdi-total")["Old"]
    assert total["status"] == "target_achieved"
    assert total["details"]["total"] == 135.5


def test_a_unit_that_existed_from_april_to_september_has_its_three_quarters_as_its_year(tmp_path, monkeypatch):
    """Short (1 April to 30 September 2025): 2025-Q2 10 + 2025-Q3 20.5 = 30.5, its
    whole 2025, against its plan of 30 (101.67%, achieved). Its months, April to
    September, are no period a reading could be written for: their sum is still its year."""
    plan = FLOW_PLAN.replace(
        '      - {value: New, since: "2025-07-01", from: [Old]}\n',
        '      - {value: New, since: "2025-07-01", from: [Old]}\n'
        '      - {value: Short, since: "2025-04-01", until: "2025-09-30"}\n',
    ).replace("for_each: province}", "for_each: province, overrides: {Short: {value: 30}}}")
    assert "Short: {value: 30}" in plan and "value: Short" in plan
    store = dedent("""
        indicator,period,value,status,source,note,recorded_at
        fdi[province=Short],2025-Q2,10,official,,,2025-07-20T00:00:00Z
        fdi[province=Short],2025-Q3,20.5,official,,,2025-10-20T00:00:00Z
    """)
    make_tracker(tmp_path, monkeypatch, plan, store)
    short = _units("fdi-2025")["Short"]
    assert (short["latest"]["period"], short["latest"]["value"]) == ("2025", 30.5)
    assert short["latest"]["source"] == "2025-Q2 + 2025-Q3"
    assert short["status"] == "target_achieved"
