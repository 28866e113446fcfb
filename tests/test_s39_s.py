"""Session 39, helper S (issue 17): one unit's own story of a broken-down target,
``qntrack show TARGET_ID --dim DIMENSION=UNIT`` and ``qntrack.show(..., dims=...)``.

Before, a provincial officer could see a target with every unit's row (``show``), rank the
units (``rank``) or list one unit's vintages (``history --dim``), but not one unit's
trajectory: its figures over time with their revisions, its milestones, its gap. Each
test was written first and seen failing. Every expected number is worked out by hand
from the plan and store below, by docs/methodology.md (method 2: P = growth(current,
base) / growth(target, base), growth the compound annual rate; score = 50/7 P - 30/7 for
P >= 0.6).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import dedent, make_tracker
from helpers import run_clean

PLAN = dedent("""
    title: One unit's story
    dimensions:
      locality:
        name: {en: Locality, vi: Địa phương}
        values: [Alpha, Beta, Gamma, Omega]
      area:
        name: {en: Area, vi: Vùng}
      sex:
        name: {en: Sex, vi: Giới tính}
        values: [Female, Male]
    indicators:
      share:
        name: {en: Share, vi: Tỷ trọng}
        unit: "%"
        dimensions: [locality, sex]
      pop:
        name: {en: Population, vi: Dân số}
        unit: thousand
        dimensions: [area]
      fdi:
        name: {en: FDI, vi: Vốn FDI}
        unit: mn USD
        measure: flow
        dimensions: [locality]
    targets:
      - id: share-2025
        indicator: share
        baseline: 2020
        milestones: [{by: 2025, value: 20}]
        for_each: locality
      - id: share-total
        indicator: share
        baseline: 2020
        milestones: [{by: 2025, value: 20}]
      - id: share-cells
        indicator: share
        baseline: 2020
        milestones: [{by: 2025, value: 20}]
        for_each: [locality, sex]
      - id: pop-2025
        indicator: pop
        baseline: 2020
        milestones: [{by: 2025, value: 120}]
        for_each: area
      - id: fdi-2024
        type: plan
        indicator: fdi
        period: 2024
        value: 100
        for_each: locality
        overrides:
          Alpha: {value: 40}
""")

# Alpha: 10 in 2020, 2023 published 13 then revised to 14. Beta: 8 in 2020, 2022's 9
# withdrawn. Gamma: declared, no figure. The total: 10 in 2020, 13 in 2023.
STORE = dedent("""
    indicator,period,value,status,source,note,recorded_at
    share,2020,10,official,,,2021-03-01T00:00:00Z
    share,2023,13,official,,,2024-03-01T00:00:00Z
    share[locality=Alpha],2020,10,official,GSO,,2021-03-01T00:00:00Z
    share[locality=Alpha],2023,13,estimate,press,,2024-01-10T00:00:00Z
    share[locality=Alpha],2023,14,official,GSO,,2024-06-10T00:00:00Z
    share[locality=Beta],2020,8,official,,,2021-03-01T00:00:00Z
    share[locality=Beta],2022,9,estimate,,,2023-03-01T00:00:00Z
    share[locality=Beta],2022,,retracted,,wrong scope,2024-05-01T00:00:00Z
    share[locality=Omega],2021,5,estimate,,,2022-03-01T00:00:00Z
    share[locality=Omega],2021,,retracted,,double count,2024-02-01T00:00:00Z
    share[locality=Alpha;sex=Female],2020,10,official,,,2021-03-01T00:00:00Z
    share[locality=Alpha;sex=Female],2023,12,official,,,2024-03-01T00:00:00Z
    pop[area=North],2020,100,official,,,2021-03-01T00:00:00Z
    pop[area=North],2024,110,official,,,2025-03-01T00:00:00Z
    fdi[locality=Alpha],2024,44,official,,,2025-03-01T00:00:00Z
    fdi[locality=Beta],2024,30,official,,,2025-03-01T00:00:00Z
""")


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


def _json(*args: str) -> dict:
    r = run_clean("show", *args, "--format", "json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


# --- 1. one unit's document: its own assessment, figures and revisions -----------------


def test_one_units_document_is_its_own_story(plan: Path) -> None:
    doc = _json("share-2025", "--dim", "locality=Alpha", "--as-of", "2025-01-01")
    assert doc["id"] == "share-2025"
    assert doc["dims"] == {"locality": "Alpha"}
    # Alpha's own baseline and latest figure, not the total's (13 in 2023)
    assert doc["baseline"]["period"] == "2020" and doc["baseline"]["value"] == 10
    assert doc["latest"]["period"] == "2023" and doc["latest"]["value"] == 14
    assert doc["latest"]["revises"] == 13 and doc["latest"]["revises_source"] == "press"
    # gap: 20 - 14; P = (1.4^(1/3) - 1) / (2^(1/5) - 1) = 0.118689 / 0.148698 = 0.798189
    assert doc["gap"] == pytest.approx(6)
    assert doc["progress_value"] == pytest.approx(0.798189, abs=1e-4)
    assert doc["score"] == pytest.approx(50 / 7 * 0.798189 - 30 / 7, abs=1e-3)
    (milestone,) = doc["milestones"]
    assert milestone["by"] == "2025" and milestone["value"] == 20 and milestone["due"] is False
    assert milestone["gap"] == pytest.approx(6)
    # its figures over time, each with what it replaced
    assert [(o["period"], o["value"], o["revises"]) for o in doc["observations"]] == [
        ("2020", 10, None),
        ("2023", 14, 13),
    ]
    assert doc["retracted"] == [] and doc["as_of"] == "2025-01-01"
    # a unit has no units of its own
    assert doc["breakdown"] == [] and doc["rollup"] is None
    assert doc["for_each"] == ["locality"] and doc["of"] == {}


def test_the_units_document_has_shows_shape_with_dims_last(plan: Path) -> None:
    whole = _json("share-2025")
    unit = _json("share-2025", "--dim", "locality=Alpha")
    assert list(unit) == list(whole)
    # dims last of this session's pass S, then as_of_end (pass J)
    assert list(unit)[-2:] == ["dims", "as_of_end"] and whole["dims"] == {}
    # the unit's status is the one its row in the target's breakdown gives
    (row,) = [u for u in whole["breakdown"] if u["dims"] == {"locality": "Alpha"}]
    assert {k: unit[k] for k in ("status", "gap", "score", "latest", "milestones")} == {
        k: row[k] for k in ("status", "gap", "score", "latest", "milestones")
    }


def test_as_of_shows_the_unit_as_it_stood(plan: Path) -> None:
    doc = _json("share-2025", "--dim", "locality=Alpha", "--as-of", "2024-03-01")
    # 13 only, a first figure then: gap 20 - 13; P = (1.3^(1/3) - 1) / 0.148698 = 0.614618
    assert doc["latest"]["value"] == 13 and doc["latest"]["revises"] is None
    assert doc["gap"] == pytest.approx(7)
    assert doc["progress_value"] == pytest.approx(0.614618, abs=1e-4)
    assert [(o["period"], o["value"]) for o in doc["observations"]] == [("2020", 10), ("2023", 13)]


def test_as_of_counts_the_units_own_later_entries(plan: Path) -> None:
    # After 2024-03-01 Alpha has one entry (its 2023 revision, 2024-06-10); Beta's
    # retraction of 2024-05-01 is no figure of Alpha's: it was counted, "2 later entries".
    r = run_clean("show", "share-2025", "--dim", "locality=Alpha", "--as-of", "2024-03-01")
    assert r.exit_code == 0, r.output
    assert "1 later entry of the figures judged" in r.stderr and "2024-06-10" in r.stderr
    # the whole target's view still counts every unit's
    whole = run_clean("show", "share-2025", "--as-of", "2024-03-01")
    assert "2 later entries of the figures judged" in whole.stderr


def test_a_units_withdrawn_figure_is_said(plan: Path) -> None:
    doc = _json("share-2025", "--dim", "locality=Beta")
    assert [(o["period"], o["value"]) for o in doc["observations"]] == [("2020", 8)]
    (gone,) = doc["retracted"]
    assert gone["period"] == "2022" and gone["value"] is None and gone["revises"] == 9
    assert [w["period"] for w in doc["withdrawn"]] == ["2022"]
    # before the retraction, 2022's 9 was in force
    before = _json("share-2025", "--dim", "locality=Beta", "--as-of", "2024-01-01")
    assert [(o["period"], o["value"]) for o in before["observations"]] == [("2020", 8), ("2022", 9)]
    assert before["retracted"] == []


def test_a_declared_unit_without_a_figure_is_not_available(plan: Path) -> None:
    doc = _json("share-2025", "--dim", "locality=Gamma")
    assert doc["status"] == "not_available" and doc["reason"] == "no_figures"
    assert doc["observations"] == [] and doc["latest"] is None and doc["dims"] == {"locality": "Gamma"}


def test_a_unit_whose_every_figure_was_withdrawn_says_them(plan: Path) -> None:
    # Omega's one figure (2021: 5) was withdrawn: no unit of the breakdown, said as withdrawn
    doc = _json("share-2025", "--dim", "locality=Omega")
    assert doc["status"] == "not_available" and doc["reason"] == "no_figures"
    assert doc["observations"] == [] and doc["latest"] is None
    (gone,) = doc["retracted"]
    assert (gone["period"], gone["value"], gone["revises"], gone["note"]) == ("2021", None, 5, "double count")
    assert [(w["period"], w["value"]) for w in doc["withdrawn"]] == [("2021", 5)]
    r = run_clean("show", "share-2025", "--dim", "locality=Omega", env={"COLUMNS": "160"})
    assert r.exit_code == 0 and "5% → –" in r.stdout
    # before its retraction, its figure was in force: one figure, of 2021 after the 2020 baseline
    before = _json("share-2025", "--dim", "locality=Omega", "--as-of", "2023-01-01")
    assert [(o["period"], o["value"]) for o in before["observations"]] == [("2021", 5)]
    assert before["retracted"] == []


def test_an_open_dimensions_unit_with_no_figure_is_refused_naming_those_judged(plan: Path) -> None:
    r = run_clean("show", "pop-2025", "--dim", "area=South")
    assert r.exit_code == 1
    assert "area=South" in r.stderr and "area=North" in r.stderr
    vi = run_clean("show", "pop-2025", "--dim", "area=South", "--lang", "vi")
    assert vi.exit_code == 1 and "các đơn vị được đánh giá: area=North" in vi.stderr
    # the unit in other capitals is the one the store holds: 110 against 120 by 2025, gap 10
    doc = _json("pop-2025", "--dim", "area=north")
    assert doc["dims"] == {"area": "North"} and doc["gap"] == pytest.approx(10)


def test_the_unit_is_read_as_history_reads_it(plan: Path) -> None:
    # by the dimension's name and the unit in other capitals, as --dim is read everywhere
    doc = _json("share-2025", "--dim", "Locality=alpha")
    assert doc["dims"] == {"locality": "Alpha"} and doc["latest"]["value"] == 14


def test_a_unit_with_its_own_plan_is_judged_against_it(plan: Path) -> None:
    doc = _json("fdi-2024", "--dim", "locality=Alpha", "--as-of", "2025-06-01")
    # 44 against Alpha's own 40: achieved, 4 beyond it
    assert doc["status"] == "target_achieved" and doc["gap"] == pytest.approx(-4)
    assert doc["dims"] == {"locality": "Alpha"} and doc["for_each"] == ["locality"]
    assert [(o["period"], o["value"]) for o in doc["observations"]] == [("2024", 44)]


# --- 2. the table ------------------------------------------------------------------------


def test_the_units_table_names_the_unit_and_marks_its_revision(plan: Path) -> None:
    r = run_clean("show", "share-2025", "--dim", "locality=Alpha", env={"COLUMNS": "160"})
    assert r.exit_code == 0, r.output
    assert "share[locality=Alpha]" in r.stdout
    assert "13% → 14%" in r.stdout  # the 2023 figure revised, as show marks it
    # one unit: no table of units ranked
    assert "units best to worst" not in r.stdout
    vi = run_clean("show", "share-2025", "--dim", "locality=Alpha", "--lang", "vi", env={"COLUMNS": "160"})
    assert vi.exit_code == 0, vi.output
    assert "Tỷ trọng (Alpha)" in vi.stdout and "Giá trị gốc" in vi.stdout


def test_a_unit_given_no_plan_of_its_own_is_told_so_in_short(plan: Path) -> None:
    # Beta has a figure (30) and no amount of its own: "In short" said "No figure yet." and
    # "the growth rate is undefined for these figures", both untrue.
    r = run_clean("show", "fdi-2024", "--dim", "locality=Beta", "--as-of", "2025-06-01", env={"COLUMNS": "160"})
    assert r.exit_code == 0, r.output
    short = r.stdout.split("In short", 1)[1]
    assert "No figure yet" not in short and "growth rate is undefined" not in short
    assert "no amount of its own" in short
    vi = run_clean("show", "fdi-2024", "--dim", "locality=Beta", "--lang", "vi", "--as-of", "2025-06-01")
    assert "Chưa có số liệu" not in vi.stdout.split("Tóm lại", 1)[1]
    assert "mức riêng" in vi.stdout.split("Tóm lại", 1)[1]


def test_the_units_table_says_its_withdrawn_figure(plan: Path) -> None:
    r = run_clean("show", "share-2025", "--dim", "locality=Beta", env={"COLUMNS": "160"})
    assert r.exit_code == 0, r.output
    assert "9% → –" in r.stdout


# --- 3. what is refused, with the valid choices, at history's exit codes ---------------


def test_a_target_without_for_each_is_refused_naming_those_with_one(plan: Path) -> None:
    r = run_clean("show", "share-total", "--dim", "locality=Alpha")
    assert r.exit_code == 1
    assert "share-total" in r.stderr and "share-2025" in r.stderr and "Traceback" not in r.output


def test_a_dimension_the_target_is_not_broken_down_by_is_refused(plan: Path) -> None:
    # the indicator has sex, the target is judged by locality alone
    r = run_clean("show", "share-2025", "--dim", "sex=Female")
    assert r.exit_code == 1
    assert "locality" in r.stderr and "--dim" in r.stderr
    # a dimension the plan lacks: history's own words and code
    r = run_clean("show", "share-2025", "--dim", "region=North")
    h = run_clean("history", "share", "--dim", "region=North")
    assert r.exit_code == h.exit_code == 1
    assert r.stderr.split("error:", 1)[1] == h.stderr.split("error:", 1)[1]


def test_a_unit_the_plan_lacks_is_refused_with_the_valid_ones(plan: Path) -> None:
    r = run_clean("show", "share-2025", "--dim", "locality=Delta")
    h = run_clean("history", "share", "--dim", "locality=Delta")
    assert r.exit_code == h.exit_code == 1
    assert "Alpha" in r.stderr and "Beta" in r.stderr and "Gamma" in r.stderr
    assert r.stderr.split("error:", 1)[1] == h.stderr.split("error:", 1)[1]


def test_a_dim_without_its_equals_sign_is_a_usage_error(plan: Path) -> None:
    r = run_clean("show", "share-2025", "--dim", "locality")
    h = run_clean("history", "share", "--dim", "locality")
    assert r.exit_code == h.exit_code == 2
    # its form first, whatever the target (README, "Exit codes"), as the library's dims
    r = run_clean("show", "share-total", "--dim", "locality")
    assert r.exit_code == 2
    assert r.stderr.split("error:", 1)[1] == h.stderr.split("error:", 1)[1]


def test_a_unit_named_twice_over_two_dimensions_names_every_one_of_for_each(plan: Path) -> None:
    # a cell (Alpha, Female) is no unit of a target judged by locality
    r = run_clean("show", "share-2025", "--dim", "locality=Alpha", "--dim", "sex=Female")
    assert r.exit_code == 1 and "locality" in r.stderr


def test_a_cell_of_two_dimensions_names_both_in_any_order(plan: Path) -> None:
    doc = _json("share-cells", "--dim", "sex=Female", "--dim", "locality=Alpha")
    assert doc["dims"] == {"locality": "Alpha", "sex": "Female"} and doc["for_each"] == ["locality", "sex"]
    assert doc["latest"]["value"] == 12 and doc["gap"] == pytest.approx(8)  # 20 - 12
    r = run_clean("show", "share-cells", "--dim", "locality=Alpha")
    assert r.exit_code == 1 and "--dim locality=UNIT --dim sex=UNIT" in r.stderr


def test_a_refusal_under_format_json_is_its_problems_document_as_historys(plan: Path) -> None:
    r = run_clean("show", "share-2025", "--dim", "locality=Delta", "--format", "json")
    h = run_clean("history", "share", "--dim", "locality=Delta", "--format", "json")
    assert r.exit_code == h.exit_code == 1
    (problem,) = json.loads(r.stdout)["problems"]
    assert problem == json.loads(h.stdout)["problems"][0] and problem["file"] == "--dim"


# --- 4. the library ------------------------------------------------------------------------


def test_the_library_gives_the_commands_document_byte_for_byte(plan: Path) -> None:
    import qntrack
    from qntrack.output.formats import to_json

    for dims in ({"locality": "Alpha"}, [("locality", "Beta")], "locality=Gamma", ["locality=Alpha"]):
        doc = qntrack.show("targets.yaml", "share-2025", as_of="2025-01-01", dims=dims)
        name = doc["dims"]["locality"]
        r = run_clean("show", "share-2025", "--dim", f"locality={name}", "--as-of", "2025-01-01", "--format", "json")
        assert to_json(doc) == r.stdout
    assert to_json(qntrack.show("targets.yaml", "share-2025")) == run_clean("show", "share-2025", "-f", "json").stdout


def test_the_library_refuses_at_dims_with_the_commands_codes(plan: Path) -> None:
    import qntrack

    for target, dims, code in (
        ("share-2025", {"locality": "Delta"}, 1),
        ("share-2025", {"sex": "Female"}, 1),
        ("share-total", {"locality": "Alpha"}, 1),
        ("share-2025", "locality", 2),
    ):
        with pytest.raises(qntrack.ArgumentError) as caught:
            qntrack.show("targets.yaml", target, dims=dims)
        assert caught.value.code == code, (target, dims)
        assert "dims" in str(caught.value), str(caught.value)


@pytest.mark.parametrize("command", [("show",), ("status",), ("--lang", "vi", "show")])
def test_a_unit_written_into_the_target_id_is_told_the_commands_that_show_it(shipped: Path, command: tuple) -> None:
    typed = "budget-revenue-plan-2024[locality=Hạ Long]"  # as the store keys a unit's figures
    r = run_clean(*command, typed)
    assert r.exit_code == 1, r.output
    said = " ".join(r.stderr.split())
    assert 'show budget-revenue-plan-2024 --dim "locality=Hạ Long"' in said, said
    assert "status budget-revenue-plan-2024 --by locality" in said, said
    # Each command it offers works.
    assert run_clean("show", "budget-revenue-plan-2024", "--dim", "locality=Hạ Long").exit_code == 0
    assert run_clean("status", "budget-revenue-plan-2024", "--by", "locality").exit_code == 0


def test_a_bracket_after_a_target_not_broken_down_is_still_an_unknown_id(shipped: Path) -> None:
    r = run_clean("show", "cbct-share[x=1]")
    assert r.exit_code == 1, r.output
    assert "did you mean 'cbct-share'?" in r.stderr and "--dim" not in r.stderr, r.stderr
