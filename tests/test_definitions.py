"""targets.yaml: strict loading, every problem at once with FILE:LINE:COL."""

import pytest

from qntrack.files.definitions import parse_plan
from qntrack.errors import InputError
from qntrack.plan.model import AverageTarget, LevelTarget, PlanTarget

from conftest import SMALL_TARGETS, dedent
from helpers import problems


def test_small_plan_loads():
    plan = parse_plan(SMALL_TARGETS)
    share = plan.target("share")
    assert isinstance(share, LevelTarget)
    assert [(str(m.by), m.value) for m in share.milestones] == [("2025", 15.0), ("2030", 30.0)]
    assert share.baseline is not None and share.baseline.value == 9.8
    assert plan.indicators["share"].name.vi == "Tỷ trọng chế biến"
    # A plain-string name serves both languages.
    assert plan.indicators["mining"].name.get("vi") == "Mining share"
    assert plan.observations_path == "observations.csv"


def test_unknown_key_with_did_you_mean():
    out = problems("""
        indicators:
          x: {name: X, unti: "%"}
        targets: []
    """)
    # sdmx: the unit in SDMX's terms (twenty-fourth session); open_sdg: a status an Open
    # SDG site set by hand (thirty-seventh session).
    assert out == [
        "targets.yaml:2:16: error: indicator 'x': unknown key 'unti'; did you mean 'unit'? "
        "(valid keys: name, unit, direction, frequency, measure, description, formula, dimensions, sdmx, open_sdg)"
    ]


def test_duplicate_keys_are_rejected_with_both_lines():
    out = problems("""
        indicators:
          x:
            name: X
            name: Y
        targets: []
    """)
    assert out == ["targets.yaml:4:5: error: indicator 'x': duplicate key 'name' (first given on line 3)"]


def test_all_errors_reported_at_once():
    out = problems("""
        indicators:
          x: {name: X, direction: up}
        targets:
          - id: a
            indicator: y
          - id: a
            indicator: x
            milestones: [{by: 2025, value: 1}]
    """)
    assert out == [
        "targets.yaml:2:27: error: indicator 'x': direction: 'up' is not one of increase, decrease; did you mean 'increase'?",
        "targets.yaml:5:16: error: target 'a': unknown indicator 'y'",
        "targets.yaml:6:5: error: target 'a': milestones need a 'baseline' (a year, or {period: 2020, value: 9.8})",
        # the first 'a' has a mistake of its own; its id is taken all the same (issue 17)
        "targets.yaml:6:5: error: duplicate target id 'a' (first used on line 4)",
    ]


def test_duplicate_target_ids():
    out = problems("""
        indicators:
          x: {name: X}
        targets:
          - {id: a, indicator: x}
          - {id: a, indicator: x}
    """)
    assert out == ["targets.yaml:5:5: error: duplicate target id 'a' (first used on line 4)"]


def test_milestones_must_follow_the_baseline_and_each_other():
    out = problems("""
        indicators:
          x: {name: X}
        targets:
          - id: a
            indicator: x
            baseline: 2020
            milestones:
              - {by: 2030, value: 30}
              - {by: 2025, value: 15}
              - {by: 2019, value: 5}
    """)
    assert out == [
        "targets.yaml:9:14: error: target 'a': milestones must be in order of 'by'; 2025 comes after 2030",
        "targets.yaml:10:14: error: target 'a': milestone by 2019 is not after the baseline 2020: the pace a "
        "milestone asks for runs from the baseline to it, so write a year after 2020, or an earlier baseline",
    ]


@pytest.mark.parametrize(
    "field, message",
    [
        (
            "value: 1:30",
            "target 'a': milestone value: '1:30' is not a number (YAML 1.1 would read it as base-60); write a decimal like 12.5",
        ),
        (
            "value: .nan",
            "target 'a': milestone value: '.nan' is not a finite number; write the figure itself, e.g. 12.5",
        ),
        (
            "value: 15%",
            "target 'a': milestone value: '15%' is not a number; write 15 (the unit belongs to the indicator)",
        ),
        ("value: '15'", "target 'a': milestone value must be a number, not quoted text ('15')"),
        (
            "value: 1,5",
            # the number it must be: a comma before one digit is a decimal one (1.5)
            "target 'a': milestone value: '1,5' is not a number here; use a decimal point and no thousands separator (1.5)",
        ),
    ],
)
def test_numbers_are_read_strictly(field, message):
    out = problems(f"""
        indicators:
          x: {{name: X}}
        targets:
          - id: a
            indicator: x
            baseline: 2020
            milestones:
              - by: 2025
                {field}
    """)
    assert len(out) == 1 and out[0].endswith(message)
    assert out[0].startswith("targets.yaml:9:")


def test_yaml_11_traps_stay_text():
    """`NO` stays the text NO; an unquoted date is refused as a period, not turned into a date."""
    plan = parse_plan(
        dedent("""
        indicators:
          x: {name: NO, unit: yes}
        targets: []
    """)
    )
    assert plan.indicators["x"].name.en == "NO" and plan.indicators["x"].unit == "yes"
    out = problems("""
        indicators:
          x: {name: X}
        targets:
          - {id: a, indicator: x, baseline: 2020-06-30}
    """)
    assert (
        out[0]
        == "targets.yaml:4:37: error: target 'a': baseline: '2020-06-30' is a day within 2020; a year is written here, and 2020 means the whole of it, to 31 December: write 2020, or 2019 for the last year ended by that day"
    )


def test_tabs_are_named():
    out = problems("indicators:\n\tx: {name: X}\ntargets: []\n")
    assert out == ["targets.yaml:2:1: error: not valid YAML: a tab character; YAML needs spaces for indentation"]


def test_empty_file():
    with pytest.raises(InputError) as err:
        parse_plan("   \n", "t.yaml")
    assert str(err.value.problems[0]).startswith("t.yaml:1: error: the targets file is empty")


def test_text_is_normalised_to_nfc():
    decomposed = "Tie\u0302\u0301n"  # "Tiến" typed with combining marks
    plan = parse_plan(f'indicators:\n  x: {{name: "{decomposed}"}}\ntargets: []\n')
    assert plan.indicators["x"].name.en == "Tiến"


def test_other_kinds_load():
    plan = parse_plan(
        dedent("""
        indicators:
          g: {name: Growth, measure: rate}
          fdi: {name: FDI, measure: flow, frequency: month}
        targets:
          - {id: avg, type: average, indicator: g, at_least: 10, from: 2021, to: 2025}
          - {id: fdi-2022, type: plan, indicator: fdi, period: 2022, value: 1500}
    """)
    )
    assert isinstance(plan.target("avg"), AverageTarget)
    fdi = plan.target("fdi-2022")
    assert isinstance(fdi, PlanTarget) and fdi.value == 1500


def test_kind_needs_the_right_measure():
    # Undeclared, the kind implies the measure (test_ceremony.py); declared, it must fit.
    out = problems("""
        indicators:
          g: {name: Growth, measure: flow}
        targets:
          - {id: avg, type: average, indicator: g, at_least: 10, from: 2021, to: 2025}
    """)
    assert out == [
        "targets.yaml:4:5: error: target 'avg': an average target averages a growth rate per period "
        "(measure: rate), but indicator 'g' is declared 'measure: flow' on line 2; use a cumulative "
        "target for an amount, or remove that line if the indicator is a rate"
    ]


def test_unknown_type_with_hint():
    out = problems("""
        indicators:
          g: {name: Growth}
        targets:
          - {id: a, type: levl, indicator: g}
    """)
    assert out == [
        "targets.yaml:4:19: error: target 'a': type: 'levl' is not one of level, every_period, "
        "average, cumulative, plan, open_sdg; did you mean 'level'?"
    ]


def test_formula_cycle_and_unknown_name():
    out = problems("""
        indicators:
          a: {name: A, formula: "b * 2"}
          b: {name: B, formula: "a + c"}
          d: {name: D, formula: "grdpp / 2"}
          grdp: {name: GRDP}
        targets: []
    """)
    assert "targets.yaml:4:3: error: indicator 'd': formula uses unknown indicator 'grdpp'; did you mean 'grdp'?" in out
    assert "targets.yaml:2:3: error: indicator 'a': formula has a cycle: a -> b -> a" in out


def test_a_lone_surrogate_escape_is_refused_where_it_is_written():
    # "\ud800" is half of a UTF-16 pair: no UTF-8 output (JSON, CSV, the terminal) can
    # carry it, so it is stopped here rather than when a command writes it out.
    text = SMALL_TARGETS.replace('title: "Test plan"', 'title: "Plan \\ud800"').replace(
        '  mining:\n    name: "Mining share"', '  "min\\udc00ing":\n    name: "Mining share"'
    )
    assert problems(text) == [
        "targets.yaml:2:8: error: title: \\ud800 is half of a UTF-16 surrogate pair, not a character; "
        "write the character itself, or its \\U escape (e.g. \\U0001F600)",
        "targets.yaml:9:3: error: indicators: key: \\udc00 is half of a UTF-16 surrogate pair, not a character; "
        "write the character itself, or its \\U escape (e.g. \\U0001F600)",
        # The indicator was refused, so the target that uses it is told so.
        "targets.yaml:22:16: error: target 'mining': unknown indicator 'mining'",
    ]


def test_a_whole_character_escape_is_kept():
    plan = parse_plan(SMALL_TARGETS.replace('title: "Test plan"', 'title: "Plan \\U0001F600 \\u1ea1"'))
    assert plan.title == "Plan \U0001f600 ạ"


def test_a_refused_indicator_is_not_described_by_its_stand_in():
    # grdp's measure is rate (line 5), refused only for its typo'd direction: the average
    # target reading it must not be told it is 'declared measure: level' on that line.
    out = problems("""
        indicators:
          grdp:
            name: GRDP growth
            measure: rate
            direction: increse
        targets:
          - {id: avg, type: average, indicator: grdp, at_least: 10, from: 2021, to: 2025}
    """)
    assert len(out) == 1, out
    assert "direction: 'increse'" in out[0]


def test_a_refused_dimension_is_not_reported_again_as_undeclared():
    # One unit with a '[' refuses the dimension; the indicator and the target that use it
    # must not be told it is not declared, nor that the indicator declares no dimensions.
    out = problems("""
        dimensions:
          locality:
            values: ["Hạ Long", "Ba [x] Chẽ"]
        indicators:
          revenue: {name: Revenue, dimensions: [locality]}
        targets:
          - {id: plan, type: plan, indicator: revenue, period: 2024, value: 5, for_each: locality}
    """)
    assert len(out) == 1, out
    assert "'Ba [x] Chẽ' holds '['" in out[0]
