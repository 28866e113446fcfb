"""Breakdowns (issue 14): dimensions in targets.yaml, figures recorded for a unit, each unit
judged by its target's kind with its own values, the roll-up by the group rule, unit dates.

Every expected number is worked out by hand in the comments from docs/methodology.md
(method 2: P = growth(current, base) / |growth(target, base)|, growth being the compound
annual rate; score = 7.1429 P - 4.2857 for P >= 0.6, 4.1667 P - 2.5 below, in [-5, 5]).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import dedent, make_tracker
from helpers import problems, run_clean

PLAN = dedent("""
    title: Breakdown plan
    dimensions:
      locality:
        name: {en: Locality, vi: Địa phương}
        values:
          - Alpha
          - Beta
          - Gamma
          - {value: Old Town, until: "2025-06-30"}
          - {value: New Ward, since: "2025-07-01", from: [Old Town]}
    indicators:
      share:
        name: Share
        unit: "%"
        dimensions: [locality]
      fdi:
        name: FDI
        unit: mn USD
        measure: flow
        dimensions: [locality]
      growth:
        name: Growth
        unit: "%"
        measure: rate
    targets:
      - id: share-2025
        indicator: share
        baseline: 2020
        milestones: [{by: 2025, value: 15}]
        for_each: locality
        overrides:
          Beta: {milestones: [{by: 2025, value: 12}]}
      - id: fdi-2024
        type: plan
        indicator: fdi
        period: 2024
        value: 100
        for_each: locality
        overrides:
          alpha: {value: 40}
      - id: growth-dd
        type: every_period
        indicator: growth
        at_least: 10
        from: 2021
        to: 2023
""")

STORE = dedent("""
    indicator,period,value,status,source,note,recorded_at
    share,2020,10,official,,,2021-03-01T00:00:00Z
    share,2023,11,official,,,2024-03-01T00:00:00Z
    share[locality=Alpha],2020,10,official,,,2021-03-01T00:00:00Z
    share[locality=Alpha],2023,12,official,,,2024-03-01T00:00:00Z
    share[locality=Beta],2020,10,official,,,2021-03-01T00:00:00Z
    share[locality=Beta],2023,12,official,,,2024-03-01T00:00:00Z
    share[locality=Gamma],2020,10,official,,,2021-03-01T00:00:00Z
    share[locality=Gamma],2023,9,official,,,2024-03-01T00:00:00Z
    fdi,2024,100,official,,,2025-03-01T00:00:00Z
    fdi[locality=Alpha],2024,44,official,,,2025-03-01T00:00:00Z
    fdi[locality=Beta],2024,30,official,,,2025-03-01T00:00:00Z
    fdi[locality=Gamma],2024,20,official,,,2025-03-01T00:00:00Z
    fdi[locality=Old Town],2024,6,official,,,2025-03-01T00:00:00Z
""")


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


def status_json(*args: str) -> dict:
    as_of = () if "--as-of" in args else ("--as-of", "2025-06-01")  # an option is given once
    r = run_clean("status", "--format", "json", *as_of, *args)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def target(doc: dict, tid: str) -> dict:
    return next(t for t in doc["targets"] if t["id"] == tid)


def test_each_unit_is_judged_with_its_own_values(plan: Path):
    t = target(status_json(), "share-2025")
    units = {u["dims"]["locality"]: u for u in t["breakdown"]}
    # Units in the order the dimension declares them, those with figures first; then the
    # declared units without one that existed in 2025, the milestone's year: Old Town
    # (until 30 June 2025) and New Ward (from 1 July 2025) (issue 17, twenty-first session).
    assert [u["dims"] for u in t["breakdown"]] == [
        {"locality": n} for n in ("Alpha", "Beta", "Gamma", "Old Town", "New Ward")
    ]
    # Alpha: 10 (2020) -> 12 (2023). growth = 1.2^(1/3) - 1 = 0.0626586; required to reach 15
    # by 2025: 1.5^(1/5) - 1 = 0.0844718; P = 0.0626586 / 0.0844718 = 0.741769: moderate;
    # score = 7.1429 x 0.741769 - 4.2857 = 1.012684.
    a = units["Alpha"]
    assert a["status"] == "moderate_progress" and not a["own_values"]
    assert a["progress_value"] == pytest.approx(0.741769, abs=1e-6)
    assert a["score"] == pytest.approx(1.012684, abs=1e-6)
    # Beta has its own milestone, 12 by 2025: 12 in 2023 reaches it: achieved, score 5.
    b = units["Beta"]
    assert b["own_values"] and b["status"] == "target_achieved" and b["score"] == 5
    assert b["milestones"][0]["value"] == 12
    # Gamma: 10 -> 9. growth = 0.9^(1/3) - 1 = -0.0345106; P = -0.0345106 / 0.0844718 =
    # -0.408546: deterioration; score = 4.1667 x -0.408546 - 2.5 = -4.202289.
    g = units["Gamma"]
    assert g["status"] == "deterioration"
    assert g["score"] == pytest.approx(-4.202289, abs=1e-6)
    # Every field a target's item has for its figures, for each unit.
    assert list(a) == [
        "dims",
        "own_values",
        "status",
        "reason",
        "gap",
        "score",
        "progress_value",
        "baseline",
        "latest",
        "provisional",
        "achieved_rate",
        "milestones",
        "next_milestone",
        "missed_milestones",
        "awaiting_figures",
        "details",
        "withdrawn",
        "without_figure",
    ]
    assert a["latest"] == {
        "period": "2023",
        "value": 12.0,
        "status": "official",
        "source": None,
        "recorded_at": "2024-03-01T00:00:00Z",
        "revises": None,  # the unit's one row for 2023: it replaced nothing (eighteenth session)
        "revises_source": None,  # so nothing came from anywhere (twenty-fifth session)
        "revises_recorded_at": None,
        "revises_status": None,  # nor had a status (twenty-seventh session)
        "note": None,  # nor a note (session 46)
    }


def test_the_rollup_follows_the_group_rule(plan: Path):
    t = target(status_json(), "share-2025")
    # mean(1.012684, 5, -4.202289) = 1.810395 / 3 = 0.603465: in [0, 2.5), moderate.
    assert t["rollup"]["count"] == 3
    assert t["rollup"]["score"] == pytest.approx(0.603465, abs=1e-6)
    assert t["rollup"]["status"] == "moderate_progress"
    counts = t["rollup"]["by_status"]
    assert (counts["target_achieved"], counts["moderate_progress"], counts["deterioration"]) == (1, 1, 1)
    assert sum(counts.values()) == 3
    # The target's own status is the total's, as before: 10 -> 11 over 3 years.
    # growth = 1.1^(1/3) - 1 = 0.0322801; P = 0.0322801 / 0.0844718 = 0.382141: limited.
    assert t["status"] == "limited_progress"
    assert t["progress_value"] == pytest.approx(0.382141, abs=1e-6)
    assert t["for_each"] == ["locality"]


def test_an_amount_is_never_divided_among_units(plan: Path):
    t = target(status_json(), "fdi-2024")
    units = {u["dims"]["locality"]: u for u in t["breakdown"]}
    # Alpha's own plan is 40; 44 reaches it (44 / 40 = 110% of plan): achieved.
    assert units["Alpha"]["status"] == "target_achieved"
    assert units["Alpha"]["details"]["percent_of_plan"] == pytest.approx(110.0)
    # Beta, Gamma and Old Town have no plan of their own: the province's 100 is not theirs.
    for name in ("Beta", "Gamma", "Old Town"):
        assert units[name]["status"] == "not_available"
        assert units[name]["reason"] == "no_amount_for_unit"
        assert units[name]["score"] is None
    assert units["Beta"]["latest"]["value"] == 30
    # Roll-up: one scored unit (5): achieved; three not available.
    assert t["rollup"] == {
        "count": 4,
        "by_status": {
            "target_achieved": 1,
            "substantial_progress": 0,
            "moderate_progress": 0,
            "limited_progress": 0,
            "deterioration": 0,
            "not_achieved": 0,
            "not_available": 3,
        },
        "score": 5.0,
        "status": "target_achieved",
        # Every declared unit of 2024 has a figure (New Ward began in 2025).
        "without_figure": 0,
        "units_without_figure": [],
    }


def test_a_target_without_for_each_has_no_breakdown(plan: Path):
    t = target(status_json(), "growth-dd")
    assert t["for_each"] == [] and t["breakdown"] == [] and t["rollup"] is None


def test_a_unit_with_its_own_values_but_no_figure_is_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(
        tmp_path, monkeypatch, PLAN, STORE.replace("fdi[locality=Alpha],2024,44", "fdi[locality=Delta],2024,44")
    )
    t = target(status_json(), "fdi-2024")
    alpha = next(u for u in t["breakdown"] if u["dims"] == {"locality": "Alpha"})
    # Alpha is assigned 40 and has no figure: not available for want of one.
    assert alpha["status"] == "not_available" and alpha["reason"] == "no_figures" and alpha["own_values"]


def test_a_unit_figure_is_recorded_with_dim_and_read_back(plan: Path):
    r = run_clean("add-observation", "share", "2024", "13", "--dim", "locality=  alpha ", "--status", "official")
    assert r.exit_code == 0, r.output
    # Stored under the declared spelling, whatever case and spaces were typed.
    assert (
        Path("observations.csv")
        .read_text(encoding="utf-8")
        .splitlines()[-1]
        .startswith("share[locality=Alpha],2024,13,official,")
    )
    t = target(status_json("--as-of", "2030-01-01"), "share-2025")
    alpha = next(u for u in t["breakdown"] if u["dims"] == {"locality": "Alpha"})
    assert alpha["latest"]["value"] == 13


@pytest.mark.parametrize(
    "args, code, words",
    [
        # the dimension is also named as the plan labels it (eighteenth session)
        (["--dim", "locality=Alfa"], 1, "'Alfa' is not a unit of 'locality' (Locality); did you mean 'Alpha'?"),
        (["--dim", "sex=female"], 1, "indicator 'share' is not broken down by 'sex'; valid: locality (Locality)"),
        (["--dim", "locality"], 2, "'locality' is not DIMENSION=UNIT"),
        (
            ["--dim", "locality=Alpha", "--dim", "Locality=Beta"],
            1,
            "dimension 'locality' is given twice, as 'Alpha' and as 'Beta': a figure is of one unit of it",
        ),
        (["--dim", "locality=Al;pha"], 1, "holds ';'"),
    ],
)
def test_a_wrong_unit_is_refused_and_nothing_is_written(plan: Path, args: list[str], code: int, words: str):
    before = Path("observations.csv").read_bytes()
    r = run_clean("add-observation", "share", "2024", "13", "--status", "official", *args)
    assert r.exit_code == code
    assert words in r.stderr
    assert Path("observations.csv").read_bytes() == before


def test_a_figure_outside_the_units_dates_is_refused(plan: Path):
    before = Path("observations.csv").read_bytes()
    # Old Town ended on 30 June 2025: 2026 lies wholly after it.
    r = run_clean("add-observation", "fdi", "2026", "3", "--dim", "locality=Old Town", "--force")
    assert r.exit_code == 1
    assert "'Old Town' did not exist in 2026: it existed until 2025-06-30" in r.stderr
    # New Ward began on 1 July 2025: 2024 ended before it.
    r = run_clean("add-observation", "fdi", "2024", "3", "--dim", "locality=New Ward")
    assert r.exit_code == 1 and "'New Ward' did not exist in 2024: it exists from 2025-07-01 on" in r.stderr
    assert Path("observations.csv").read_bytes() == before
    # 2025 is cut by both dates: each unit existed for part of it, and may have its figure.
    for unit in ("New Ward", "Old Town"):
        r = run_clean("add-observation", "fdi", "2025", "3", "--dim", f"locality={unit}", "--dry-run")
        assert r.exit_code == 0, r.stderr


def test_check_refuses_undeclared_units_and_figures_outside_dates(plan: Path):
    with open("observations.csv", "a", encoding="utf-8") as fh:
        fh.write("fdi[locality=Nowhere],2024,1,official,,,2025-03-01T00:00:00Z\n")  # line 15
        fh.write("fdi[locality=New Ward],2024,1,official,,,2025-03-01T00:00:00Z\n")  # line 16
        fh.write("fdi[locality=Alpha,2024,1,official,,,2025-03-01T00:00:00Z\n")  # line 17
    r = run_clean("check")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert "observations.csv:15: error: 'fdi[locality=Nowhere]': 'Nowhere' is not a unit of 'locality'" in lines[0]
    assert lines[1].startswith(
        "observations.csv:16: error: a figure for 'New Ward' in 2024, when the unit did not exist"
    )
    assert lines[2].startswith("observations.csv:17: error: 'fdi[locality=Alpha' is not an indicator and unit")


def test_check_adds_up_a_flows_units_only(plan: Path):
    # 2024: total 100; the units that existed in 2024 (Alpha, Beta, Gamma, Old Town; New Ward
    # began in 2025) have 44 + 30 + 20 + 6 = 100: they add up, no warning.
    r = run_clean("check")
    assert r.exit_code == 0 and "units-sum" not in r.stderr and "add up" not in r.stderr
    with open("observations.csv", "a", encoding="utf-8") as fh:
        fh.write("fdi[locality=Beta],2024,25,official,,,2025-04-01T00:00:00Z\n")  # a revision of Beta
    # Now 44 + 25 + 20 + 6 = 95 against 100: 5 % off, beyond the 0.5 % rounding allows.
    r = run_clean("check")
    assert r.exit_code == 0
    assert (
        "observations.csv:10: warning: fdi 2024: the total is 100, but its 4 units of 'locality' (Locality) add up to 95"
        in r.stderr
    )
    # A share's units are never added up: share's total (11) is far from 12 + 12 + 9 = 33.
    assert "share 2023" not in r.stderr


def test_a_hand_typed_key_is_the_units_series(plan: Path):
    with open("observations.csv", "a", encoding="utf-8") as fh:
        fh.write("share[ locality = gamma ],2024,9.5,official,,,2025-03-01T00:00:00Z\n")
    t = target(status_json("--as-of", "2030-01-01"), "share-2025")
    gamma = next(u for u in t["breakdown"] if u["dims"] == {"locality": "Gamma"})
    assert gamma["latest"]["value"] == 9.5 and gamma["latest"]["period"] == "2024"
    assert run_clean("check").exit_code == 0


def test_vintages_and_as_of_work_per_unit(plan: Path):
    with open("observations.csv", "a", encoding="utf-8") as fh:
        fh.write("share[locality=Gamma],2023,9.6,official,revised,,2024-09-01T00:00:00Z\n")
    before = target(status_json("--as-of", "2024-06-01"), "share-2025")
    after = target(status_json("--as-of", "2024-12-01"), "share-2025")
    gamma_then = next(u for u in before["breakdown"] if u["dims"] == {"locality": "Gamma"})
    gamma_now = next(u for u in after["breakdown"] if u["dims"] == {"locality": "Gamma"})
    assert gamma_then["latest"]["value"] == 9 and gamma_now["latest"]["value"] == 9.6
    r = run_clean("history", "share", "2023", "--dim", "locality=Gamma", "--format", "json")
    doc = json.loads(r.stdout)
    assert doc["indicator"] == "share" and doc["dims"] == {"locality": "Gamma"}
    assert [(v["value"], v["in_force"], v["revises"]) for v in doc["vintages"]] == [(9.6, True, 9), (9, False, None)]


@pytest.mark.parametrize("args", [("share", "2023", "--dim", "locality=Gamma"), ("share[locality=Gamma]", "2023")])
def test_a_units_history_is_a_table_on_a_terminal(plan: Path, args: tuple[str, ...]):
    # The help's own example (history budget_revenue --dim locality=NAME) on a terminal
    # looked the unit's key up as an indicator: a KeyError traceback.
    r = run_clean("history", *args, "--format", "table", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    assert "locality=Gamma" in r.stdout and "2023" in r.stdout


def test_a_units_figures_keep_their_unit_in_the_observations_table(plan: Path):
    # The total's row said "100 mn USD", each unit's a bare "44": its indicator's unit was
    # looked up under the unit's key.
    r = run_clean("observations", "-i", "fdi", "--format", "table", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    lines = [line for line in r.stdout.splitlines() if line.lstrip().startswith("fdi")]
    assert len(lines) == 5 and all("mn USD" in line for line in lines), lines


def test_import_reads_a_dimension_column_by_its_name_in_either_language(plan: Path):
    Path("in.csv").write_text(
        "indicator;Địa phương;period;value\nshare;Alpha;2024;12,5\nshare;;2024;11,2\nshare;gamma;2024;9\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "in.csv", "--status", "official")
    assert r.exit_code == 0, r.output
    tail = Path("observations.csv").read_text(encoding="utf-8").splitlines()[-3:]
    assert [line.split(",")[:3] for line in tail] == [
        ["share[locality=Alpha]", "2024", "12.5"],
        ["share", "2024", "11.2"],  # an empty cell: the total
        ["share[locality=Gamma]", "2024", "9"],
    ]


def test_import_refuses_an_unknown_unit_with_its_line(plan: Path):
    Path("in.csv").write_text(
        "indicator,locality,period,value\nshare,Alpha,2024,1\nshare,Zeta,2024,2\n", encoding="utf-8"
    )
    before = Path("observations.csv").read_bytes()
    r = run_clean("add-observation", "--from", "in.csv", "--status", "official")
    assert r.exit_code == 1
    assert "in.csv:3: error: 'Zeta' is not a unit of 'locality'" in r.stderr
    assert Path("observations.csv").read_bytes() == before


def test_the_same_figure_for_two_units_is_no_duplicate(plan: Path):
    Path("in.csv").write_text("indicator,locality,period,value\nfdi,Alpha,2023,1\nfdi,Beta,2023,2\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv", "--status", "official")
    assert r.exit_code == 0, r.stderr


def test_observations_lists_units_after_their_total(plan: Path):
    r = run_clean("observations", "--indicator", "fdi", "--format", "csv")
    assert [line.split(",")[0] for line in r.stdout.splitlines()[1:]] == [
        "fdi",
        "fdi[locality=Alpha]",
        "fdi[locality=Beta]",
        "fdi[locality=Gamma]",
        "fdi[locality=Old Town]",
    ]
    doc = json.loads(run_clean("observations", "-i", "fdi", "--dim", "locality=beta", "--format", "json").stdout)
    assert [(o["indicator"], o["dims"], o["value"]) for o in doc["observations"]] == [("fdi", {"locality": "Beta"}, 30)]


@pytest.mark.parametrize(
    "extra, words",
    [
        (
            "      for_each: sex\n",
            "for_each 'sex': indicator 'share' is not broken down by it (its dimensions: locality)",
        ),
        (
            "      overrides: {Zeta: {value: 3}}\n",
            "'overrides' gives units their own values: say which units with 'for_each'",
        ),
    ],
)
def test_definitions_refuse_a_breakdown_the_indicator_lacks(extra: str, words: str):
    text = PLAN.replace("        to: 2023\n", "        to: 2023\n").replace(
        "  - id: growth-dd\n",
        "  - id: x\n    indicator: share\n" + extra.replace("      ", "    ") + "  - id: growth-dd\n",
    )
    found = problems(text)
    assert any(words in p for p in found), found


def test_definitions_refuse_an_undeclared_override_unit():
    text = PLAN.replace("Beta: {milestones:", "Betta: {milestones:")
    found = problems(text)
    assert any("'Betta' is not a unit of 'locality' (Locality); did you mean 'Beta'?" in p for p in found), found


def test_definitions_refuse_an_override_with_the_wrong_fields():
    text = PLAN.replace("alpha: {value: 40}", "alpha: {milestones: []}")
    found = problems(text)
    assert any("unknown key 'milestones'" in p and "valid keys: period, value" in p for p in found), found


def test_definitions_refuse_a_predecessor_not_listed():
    text = PLAN.replace("from: [Old Town]", "from: [Olde Town]")
    found = problems(text)
    assert any("'New Ward' is formed 'from' 'Olde Town'" in p for p in found), found


def test_definitions_refuse_an_unknown_dimension_on_an_indicator():
    found = problems(PLAN.replace("dimensions: [locality]", "dimensions: [localty]", 1))
    assert any(
        "no dimension 'localty' is declared under 'dimensions:' at the top; did you mean 'locality'?" in p
        for p in found
    ), found


def test_definitions_refuse_bad_unit_dates():
    found = problems(PLAN.replace('until: "2025-06-30"', 'until: "30/06/2025"'))
    assert any("'30/06/2025' is not a date; write YYYY-MM-DD" in p for p in found), found
    found = problems(PLAN.replace('since: "2025-07-01"', 'since: "2025-07-01", until: "2025-01-01"'))
    assert any("unit 'New Ward' ends (2025-01-01) before it begins (2025-07-01)" in p for p in found), found


def test_a_plan_without_dimensions_reads_as_before(tracker: Path):
    doc = json.loads(run_clean("status", "--format", "json").stdout)
    assert all(t["for_each"] == [] and t["breakdown"] == [] and t["rollup"] is None for t in doc["targets"])


def test_ranking_puts_a_miss_below_progress_judged_without_a_score():
    from qntrack.method.assessment import Assessment, UnitAssessment
    from qntrack.method.progress import Status
    from qntrack.method.ranking import rank_units
    from qntrack.plan.model import Indicator, Target, Text

    t, i = Target("t", "i"), Indicator("i", Text.plain("i"))
    # An every-period target judges without a score: substantial progress (no score) must
    # rank above a unit that missed (not achieved, counted -5), and a deterioration with
    # score -4 above the miss (-5).
    units = [
        UnitAssessment((("locality", "Missed"),), Assessment(t, i, Status.NOT_ACHIEVED)),
        UnitAssessment((("locality", "Going"),), Assessment(t, i, Status.SUBSTANTIAL_PROGRESS)),
        UnitAssessment((("locality", "Falling"),), Assessment(t, i, Status.DETERIORATION, score=-4.0)),
    ]
    assert [(r.rank, r.unit.dims[0][1]) for r in rank_units(units)] == [(1, "Going"), (2, "Falling"), (3, "Missed")]


def test_the_rank_table_says_why_a_unit_is_not_assessed(plan: Path):
    r = run_clean("rank", "fdi-2024", "--format", "table", "--as-of", "2025-06-01", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.stderr
    beta = next(line for line in r.stdout.splitlines() if " Beta " in line)
    assert "Not available: no plan assigned to this unit" in beta
    r = run_clean("rank", "fdi-2024", "-f", "table", "--lang", "vi", "--as-of", "2025-06-01", env={"COLUMNS": "200"})
    assert "chưa giao kế hoạch cho đơn vị này" in r.stdout


def test_show_has_the_units_of_a_broken_down_target(plan: Path):
    doc = json.loads(run_clean("show", "share-2025", "--format", "json", "--as-of", "2025-06-01").stdout)
    # The same breakdown and roll-up as status: three units, mean 0.603465 (worked above),
    # then Old Town and New Ward, without a figure (issue 17, twenty-first session).
    assert [u["dims"]["locality"] for u in doc["breakdown"]] == ["Alpha", "Beta", "Gamma", "Old Town", "New Ward"]
    assert doc["rollup"]["count"] == 3 and doc["rollup"]["score"] == pytest.approx(0.603465, abs=1e-6)
    r = run_clean("show", "share-2025", "--format", "table", "--as-of", "2025-06-01", env={"COLUMNS": "160"})
    assert "units best to worst" in r.stdout
    # Beta (achieved) first, then Alpha (moderate), then Gamma (deterioration).
    order = [line.split()[1] for line in r.stdout.splitlines() if line.strip()[:1] in "123" and "  " in line.strip()]
    assert order[-3:] == ["Beta", "Alpha", "Gamma"], r.stdout


def test_the_status_cache_gives_the_plain_paths_bytes_for_a_plan_with_breakdowns(plan: Path):
    def both(*args: str) -> str:
        cached = run_clean("status", *args)
        plain = run_clean("status", *args, env={"QNTRACK_NO_CACHE": "1"})
        assert cached.exit_code == plain.exit_code == 0
        assert (cached.stdout, cached.stderr) == (plain.stdout, plain.stderr)
        return cached.stdout

    forms = (["-f", "json"], ["-f", "csv"], ["-f", "table"], ["-f", "table", "--lang", "vi"], ["--group-by", "group"])
    for form in forms:
        both(*form)
    assert list(Path(".qntrack-cache").glob("status-*.bin"))  # such a plan is cached now
    appended = (
        "fdi[locality=Gamma],2024,21,official,,,2025-04-01T00:00:00Z\n",  # a unit's figure (tests/test_cache_units.py)
        "fdi,2024,101,official,,,2025-04-02T00:00:00Z\n",  # the total of a broken-down indicator
        "growth,2021,11,official,,,2022-04-01T00:00:00Z\n",  # any other figure: the warm path
    )
    for row in appended:
        with open("observations.csv", "a", encoding="utf-8") as fh:
            fh.write(row)
        for form in forms:
            both(*form)
    doc = json.loads(both("-f", "json"))
    gamma = next(u for u in target(doc, "fdi-2024")["breakdown"] if u["dims"] == {"locality": "Gamma"})
    assert gamma["latest"]["value"] == 21 and target(doc, "fdi-2024")["latest"]["value"] == 101
    assert target(doc, "growth-dd")["latest"]["value"] == 11


def test_status_warns_of_a_units_figure_outside_its_dates_until_withdrawn(plan: Path):
    with open("observations.csv", "a", encoding="utf-8") as fh:
        fh.write("fdi[locality=New Ward],2024,1,official,,,2025-03-01T00:00:00Z\n")  # line 15
    for env in ({}, {"QNTRACK_NO_CACHE": "1"}):
        r = run_clean("status", "--format", "json", env=env)
        assert r.exit_code == 0
        assert (
            "observations.csv:15: warning: a figure for 'New Ward' in 2024, when the unit did not exist" in r.stderr
        ), r.stderr
    r = run_clean("retract", "fdi", "2024", "--dim", "locality=New Ward")
    assert r.exit_code == 0, r.stderr
    assert "New Ward" not in run_clean("status", "--format", "json").stderr


def test_a_total_row_in_a_tables_unit_column_is_the_total(plan: Path):
    Path("in.csv").write_text(
        "indicator,Địa phương,period,value\nshare,Toàn tỉnh,2024,11.4\nshare,TỔNG SỐ,2021,10.4\nshare,Alpha,2024,12.6\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "in.csv", "--status", "official")
    assert r.exit_code == 0, r.stderr
    tail = Path("observations.csv").read_text(encoding="utf-8").splitlines()[-3:]
    assert [line.split(",")[0] for line in tail] == ["share", "share", "share[locality=Alpha]"]


def test_a_figure_stored_with_a_quoted_id_is_already_recorded(plan: Path):
    # A store saved by a program that quotes every field: the same figure again adds nothing.
    with open("observations.csv", "a", encoding="utf-8") as fh:
        fh.write('"growth","2021","11","official","","","2022-04-01T00:00:00Z"\n')
    before = Path("observations.csv").read_bytes()
    r = run_clean(
        "add-observation", "growth", "2021", "11", "--status", "official", "--recorded-at", "2022-04-01T00:00:00Z"
    )
    assert r.exit_code == 0, r.stderr
    assert "already recorded" in r.stderr
    assert Path("observations.csv").read_bytes() == before


def test_the_retract_a_slip_suggests_for_a_unit_can_be_pasted_into_a_shell(plan: Path):
    import shlex

    # Cẩm Phả-like names have spaces: 'Old Town' had 6 in 2024; 600 is 100 times it.
    r = run_clean("add-observation", "fdi", "2024", "600", "--dim", "locality=Old Town", "--status", "official")
    assert r.exit_code == 0, r.stderr
    said = r.stderr.split("'qntrack retract ")[1].split("' withdraws it")[0]
    # In double quotes: the message shows the command in single quotes, which would end
    # at a single quote of its own ('qntrack retract fdi 2024 --dim 'locality=Old Town'').
    assert said == 'fdi 2024 --dim "locality=Old Town"'
    # Pasted as a shell would split it, it withdraws the slip.
    assert run_clean("retract", *shlex.split(said)).exit_code == 0
    # A retraction withdraws the period's figure (docs/observations-format.md): Old Town
    # has none in force left, so the breakdown no longer lists it.
    doc = json.loads(run_clean("status", "--format", "json", "--as-of", "2030-01-01").stdout)
    assert {"locality": "Old Town"} not in [u["dims"] for u in target(doc, "fdi-2024")["breakdown"]]


@pytest.mark.parametrize("command", ["add-observation", "retract", "history", "observations", "show"])
def test_a_unit_in_a_help_example_is_one_the_shipped_plan_has_or_a_placeholder(command: str):
    # The help showed --dim locality="Ha Long", which the shipped plan (Hạ Long) refuses:
    # a person's first try of an example failed. English text cannot hold the Vietnamese
    # name (the catalog holds it), so an example writes NAME, as targets.yaml spells it.
    import re

    from conftest import ROOT
    from qntrack.files.definitions import load_plan

    units = {u.value for u in load_plan(ROOT / "targets.yaml").dimensions["locality"].values or ()}
    text = " ".join(run_clean("--lang", "en", command, "--help").stdout.split())
    for given in re.findall(r"--dim locality=(\"[^\"]*\"|\S+)", text):
        assert given.strip('"') in units | {"NAME"}, (command, given)
    assert "Ha Long" not in text


@pytest.mark.parametrize(
    "dims, named",
    [
        (["--dim", "locality=Alpha"], "a column named locality"),
        (["--dim", "sex=female", "--dim", "locality=Alpha"], "columns named sex, locality"),
        (["--dim", " Locality =Alpha"], "a column named Locality"),
    ],
)
def test_dim_with_from_names_the_columns_the_file_needs(plan: Path, dims: list[str], named: str):
    # "(e.g. locality)" said nothing the person did not know: the message names the column
    # each dimension they gave would be, as the import reads it.
    Path("in.csv").write_text("indicator,period,value\nshare,2024,13\n", encoding="utf-8")
    before = Path("observations.csv").read_bytes()
    r = run_clean("add-observation", "--from", "in.csv", *dims)
    assert r.exit_code == 2
    assert r.stderr == ("--dim: error: gives one figure's unit; in a file, give each row's unit in " + named + "\n"), (
        r.stderr
    )
    assert Path("observations.csv").read_bytes() == before


def test_a_unit_given_twice_alike_is_one_unit(plan: Path):
    # In the key and in its column, or twice with --dim, spelt alike or not: the same unit
    # said twice. It was "dimension 'locality' is given twice" (the review pass).
    r = run_clean(
        "add-observation", "share[locality=Alpha]", "2024", "13", "--status", "official", "--dim", "LOCALITY= alpha "
    )
    assert r.exit_code == 0, r.stderr
    assert (
        Path("observations.csv")
        .read_text(encoding="utf-8")
        .splitlines()[-1]
        .startswith("share[locality=Alpha],2024,13,")
    )
