"""A planning department writing its first targets.yaml by hand (the thirteenth session's
authoring pass, issue 17): mistakes an author makes that the plan took without a word.
Each test is a defect found and fixed (docs/decisions.md, "The thirteenth session's
authoring pass")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import dedent, make_tracker
from helpers import plan_problems, problems, run
from qntrack.errors import InputError
from qntrack.files.definitions import parse_plan

# --- A formula that divides by a number that is always 0 -------------------------------


@pytest.mark.parametrize(
    "formula, position",
    [("va / 0 * 100", 4), ("va / (1 - 1)", 4), ("va * 100 ÷ 0.0", 10), ("(va + 1) / -0", 10)],
)
def test_a_formula_dividing_by_a_constant_zero_is_refused_where_it_is_written(formula: str, position: int):
    # A divisor of no indicator is 0 in every period: the indicator never had a value, and
    # check only warned once per period of its inputs, as if the figures were to blame.
    found = problems(f"""
        indicators:
          va: {{name: Value added}}
          share: {{name: Share, formula: "{formula}"}}
        targets: []
        """)
    assert found == [
        f"targets.yaml:3:3: error: indicator 'share': formula: the divisor after the '/' at character "
        f"{position} is always 0, so the formula has a value in no period; divide by an indicator or "
        "by a number other than 0"
    ]


def test_a_constant_divisor_other_than_zero_stays_accepted():
    plan = parse_plan(
        'indicators:\n  va: {name: V}\n  s: {name: S, formula: "va / (2 * 50) + 1 / 3"}\ntargets: []\n', "t.yaml"
    )
    assert plan.indicators["s"].formula


# --- An override for a unit that did not exist in the target's periods ----------------

UNITS = """
    dimensions:
      locality:
        values:
          - Hà Giang
          - {value: Tuyên Quang, until: "2025-06-30"}
          - {value: Tuyên Quang mới, since: "2025-07-01", from: [Hà Giang, Tuyên Quang]}
    indicators:
      revenue: {name: Revenue, measure: flow, dimensions: [locality]}
    targets:
"""


@pytest.mark.parametrize(
    "target, line, unit, periods, lifetime",
    [
        ("{type: plan, period: 2024, value: 30}", 18, "Tuyên Quang mới", "2024", "exists from 2025-07-01 on"),
        ("{type: plan, period: 2026, value: 30}", 17, "Tuyên Quang", "2026", "existed until 2025-06-30"),
        (
            "{type: cumulative, at_least: 30, from: 2021, to: 2024}",
            19,
            "Tuyên Quang mới",
            "2021–2024",
            "exists from 2025-07-01 on",
        ),
    ],
)
def test_an_override_for_a_unit_that_did_not_exist_then_is_refused(
    target: str, line: int, unit: str, periods: str, lifetime: str
):
    # The author gave a 2024 plan to a province formed in 2025 (or a 2026 plan to one
    # abolished in 2025): it was judged as written, a plan for a unit that had none.
    head, rest = target[1:-1].split(", ", 1)
    key = "value" if "plan" in head else "at_least"
    found = problems(
        UNITS
        + f"""\
      - id: rev
        indicator: revenue
        {head}
        {rest.replace(", ", chr(10) + "        ")}
        for_each: locality
        overrides:
          Tuyên Quang: {{{key}: 8}}
          Tuyên Quang mới: {{{key}: 12}}
    """
    )
    assert found == [
        f"targets.yaml:{line}:7: error: target 'rev': overrides: '{unit}' did not exist in {periods}, "
        f"the target's periods (it {lifetime}, dimensions:); give values only to "
        "the units of that time"
    ]


def test_an_override_for_a_unit_the_period_cuts_through_stays_accepted():
    # A district that ended in June 2025 still had half of 2025's plan.
    plan = parse_plan(
        dedent(UNITS)
        + "  - {id: rev, indicator: revenue, type: plan, period: 2025, value: 30, for_each: locality,\n"
        + "     overrides: {Tuyên Quang: {value: 8}, Tuyên Quang mới: {value: 12}}}\n",
        "targets.yaml",
    )
    assert len(plan.targets[0].overrides) == 2


# --- targets.yaml saved by Notepad as "Unicode" (UTF-16) -------------------------------


@pytest.mark.parametrize(
    "codec, lang, said",
    [
        ("utf-16", "en", 'targets file looks like UTF-16 text (Notepad\'s "Unicode"), not UTF-8: '),
        (
            "utf-32",
            "vi",
            'tệp mục tiêu có vẻ là văn bản UTF-32 (kiểu "Unicode" của Notepad), không phải UTF-8: ',
        ),
    ],
)
def test_a_targets_file_in_utf16_is_named_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, codec: str, lang: str, said: str
):
    # Windows Notepad's "Unicode" is UTF-16: the file was "a binary file, not text", which
    # says neither what it is nor how to mend it.
    folder = make_tracker(tmp_path, monkeypatch, "", "indicator,period,value,status,source,note,recorded_at\n")
    (folder / "targets.yaml").write_bytes("version: 1\ntitle: Kế hoạch\nindicators: {}\ntargets: []\n".encode(codec))
    r = run("--lang", lang, "check")
    assert r.exit_code == 1
    assert r.stderr.startswith("targets.yaml: " + ("error: " if lang == "en" else "lỗi: ") + said), r.stderr
    assert "UTF-8" in r.stderr.split(said)[1]


# --- A span whose 'to' is not as long as its 'from' -------------------------------------


@pytest.mark.parametrize(
    "kind, start, end, hint",
    [
        ("every_period", "2021-Q1", "2025", "; write to: 2025-Q4"),
        ("cumulative", "2021-01", "2025-Q4", "; write to: 2025-12"),
        ("every_period", "2021", "2025-Q2", ""),
        ("cumulative", "2021-H2", "2025-Q1", ""),
    ],
)
def test_a_span_from_a_quarter_to_a_year_is_refused(kind: str, start: str, end: str, hint: str):
    # 'from: 2021-Q1, to: 2025' counted the quarters up to 2025-Q3: a year sorts before its
    # own last quarter, so the last quarter the author meant was silently left out.
    found = problems(f"""
        indicators:
          g: {{name: G, frequency: month, measure: flow}}
        targets:
          - {{id: t, type: {kind}, indicator: g, at_least: 1, from: {start}, to: {end}}}
        """)
    assert found == [
        f"targets.yaml:4:{60 + len(kind) + len(start)}: error: target 't': 'to' ({end}) is not a period of the "
        f"same length as 'from' ({start}): a span counts periods like 'from'{hint}"
    ]


# --- A Vietnamese thousands separator in a figure of the plan ---------------------------


@pytest.mark.parametrize(
    "written, whole, fraction",
    [("1.500", "1500", "1.5"), ("12.000", "12000", "12"), ("-2.500", "-2500", "-2.5"), ("2.250", "2250", "2.25")],
)
def test_a_figure_with_a_dot_before_three_digits_is_ambiguous(written: str, whole: str, fraction: str):
    # "FDI 1.500 triệu USD" is fifteen hundred in a Vietnamese plan: it was read as 1.5 and
    # the plan met at once, where add-observation refuses the same text as ambiguous.
    found = problems(f"""
        indicators:
          fdi: {{name: FDI, measure: flow}}
        targets:
          - {{id: fdi-2025, type: plan, indicator: fdi, period: 2025, value: {written}}}
        """)
    assert found == [
        f"targets.yaml:4:69: error: target 'fdi-2025': value: '{written}' is ambiguous: {whole} with a thousands "
        f"separator, or {fraction} with a decimal point; write {whole} for the first, {fraction} for the second"
    ]


@pytest.mark.parametrize(
    "written, value", [("0.120", 0.12), ("1.25", 1.25), ("1500.000", 1500.0), ("1.5000", 1.5), ("7.101", 7.101)]
)
def test_a_figure_that_reads_one_way_stays_accepted(written: str, value: float):
    plan = parse_plan(
        "indicators:\n  fdi: {name: FDI, measure: flow}\n"
        f"targets:\n  - {{id: f, type: plan, indicator: fdi, period: 2025, value: {written}}}\n",
        "targets.yaml",
    )
    assert plan.targets[0].value == value  # type: ignore[attr-defined]


# --- Every message about a target names it ----------------------------------------------


def test_an_open_sdg_target_year_before_its_base_year_names_the_target():
    # The one message about a target's keys that did not say which target it was.
    found = problems("""
        indicators:
          poverty: {name: Poverty, direction: decrease}
        targets:
          - {id: poverty-sdg, type: open_sdg, indicator: poverty, base_year: 2031, target: 2}
        """)
    assert found == [
        "targets.yaml:4:84: error: target 'poverty-sdg': target_year 2030 is not after base_year 2031: the growth "
        "required to reach the target is over the years from the base year to the target year; give a later target_year"
    ]


@pytest.mark.parametrize("baseline", ["2020-Q4", "{period: 2020, value: 15%}", "{value: 9.8}"])
def test_a_baseline_that_does_not_read_is_said_once(baseline: str):
    # Its own error was followed by "milestones need a 'baseline'", which sent the author
    # looking for a baseline that was there.
    found = problems(f"""
        indicators:
          x: {{name: X}}
        targets:
          - id: t
            indicator: x
            baseline: {baseline}
            milestones: [{{by: 2025, value: 15}}]
        """)
    assert len(found) == 1 and "baseline" in found[0] and "milestones need" not in found[0], found


# --- for_each on a derived indicator ----------------------------------------------------


def test_for_each_on_a_derived_indicator_says_to_break_down_its_inputs():
    # It said "add 'dimensions: [locality]' to it", which targets.yaml then refuses for a
    # derived indicator: the author was sent round in a circle.
    found = problems("""
        dimensions:
          locality: {values: [Hà Giang]}
        indicators:
          va: {name: VA, dimensions: [locality]}
          share: {name: Share, formula: "va / 10"}
        targets:
          - {id: t, indicator: share, for_each: locality}
        """)
    assert found == [
        "targets.yaml:7:41: error: target 't': for_each 'locality': indicator 'share' is derived (it has a formula) "
        "and cannot be broken down; judge a target on an indicator it is computed from (va) for each unit"
    ]


# --- A name blank in one language -------------------------------------------------------


def test_a_name_of_spaces_in_one_language_is_missing_there():
    # `vi: "  "` headed a group with nothing in Vietnamese (status --group-by, the report),
    # where an empty vi stands in the English one.
    plan = parse_plan(
        "indicators:\n  x: {name: {en: Share, vi: '  '}}\ntargets:\n"
        "  - {id: t, indicator: x, group: {en: '   ', vi: Kế hoạch}, owner: {en: Dept, vi: ''}}\n",
        "targets.yaml",
    )
    assert plan.indicators["x"].name.vi == "Share"
    assert plan.targets[0].group is not None and plan.targets[0].group.en == "Kế hoạch"
    assert plan.targets[0].owner is not None and plan.targets[0].owner.vi == "Dept"


# --- YAML's own words, in the author's language -----------------------------------------

PLAN_HEAD = "version: 1\nindicators:\n  x: {name: X}\ntargets:\n"


@pytest.mark.parametrize(
    "body, where, said",
    [
        (
            "  - id: a\n    indicator: x\n    milestones:\n      - {by: 2025, value: 1}\n     - {by: 2030, value: 2}\n",
            "9:6",
            "the indentation does not match the lines above",
        ),
        ("  - id: a\n     indicator: x\n", "6:15", "a ':' where no key can start"),
        ("  - id: a\n    indicator: x\n    baseline: {period: 2020 value: 1}\n", "7:34", "separate the entries"),
        ("  - id: a\n    indicator: x\n    for_each: [a, b\n", "8:1", "separate the items"),
        ('  - id: a\n    indicator: x\n    source: "Decree 01\n', "8:1", "the file ends inside"),
        ("  - id: a\n    indicator: x\n    source: @decree\n", "7:13", "cannot start with '@'"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_yaml_mistake_is_said_in_the_authors_language(body: str, where: str, said: str, lang: str):
    # PyYAML's words ("expected <block end>, but found '<block sequence start>'") were the
    # message, in English in a Vietnamese session too, and said nothing of how to mend it.
    found = plan_problems(PLAN_HEAD + body)
    assert len(found) == 1 and found[0].startswith(f"targets.yaml:{where}: error: not valid YAML: "), found
    assert said in found[0]
    assert "<block" not in found[0] and "while parsing" not in found[0]
    if lang == "vi":
        from qntrack.catalog import render

        with pytest.raises(InputError) as err:
            parse_plan(PLAN_HEAD + body, "targets.yaml")
        text = render(err.value.problems[0].message, "vi")
        assert text.startswith("không phải YAML hợp lệ: ") and not any(
            w in text for w in ("the ", "expected", "found")
        ), text


# --- A unit refused for its dates is not also "not listed" -----------------------------


@pytest.mark.parametrize(
    "dates",
    ['until: "2025-02-30"', 'since: "2025-07-01", until: "2025-06-30"', "until: 30/06/2025"],
)
def test_a_predecessor_refused_for_its_dates_is_not_said_to_be_missing(dates: str):
    # "formed 'from' 'Tuyên Quang', which is not one of this dimension's values: list it
    # too" followed the error of a unit that was listed, one line above.
    found = problems(f"""
        dimensions:
          locality:
            values:
              - {{value: Tuyên Quang, {dates}}}
              - {{value: Tuyên Quang mới, since: "2025-07-01", from: [Tuyên Quang]}}
        indicators:
          x: {{name: X}}
        targets: []
        """)
    assert len(found) == 1 and ":4:" in found[0] and "not one of" not in found[0], found


@pytest.mark.parametrize(
    ("field", "written", "meant"),
    [("direction", "giảm", "decrease"), ("direction", "Tăng", "increase"), ("frequency", "quý", "quarter")],
)
def test_a_vietnamese_word_for_a_choice_is_told_the_english_one(tmp_path: Path, field: str, written: str, meant: str):
    # 'direction: giảm' was "not one of increase, decrease" with no hint (the authoring pass).
    plan = tmp_path / "targets.yaml"
    plan.write_text(
        "version: 1\nindicators:\n  g:\n    name: G\n    unit: '%'\n"
        f"    {field}: {written}\ntargets:\n  - id: t\n    indicator: g\n    baseline: {{period: 2020, value: 1}}\n",
        encoding="utf-8",
    )
    r = run("--targets", str(plan), "check")
    assert r.exit_code == 1
    assert f"{field}: '{written}' is not one of" in r.stderr and f"did you mean '{meant}'?" in r.stderr


def test_a_windows_path_to_the_store_is_told_to_use_slashes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # `observations: data\obs.csv` only warned that the file does not exist (the authoring
    # pass): on Linux and macOS a backslash is part of the name, not a folder separator.
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "obs.csv").write_text("indicator,period,value,status,source,note,recorded_at\n")
    plan = "version: 1\nobservations: 'data\\obs.csv'\nindicators:\n  g: {name: G, unit: '%'}\ntargets: []\n"
    make_tracker(tmp_path, monkeypatch, plan, "")
    r = run("status", "--format", "json")
    assert "the observations file does not exist" in r.stderr
    assert "write data/obs.csv: a folder is separated by '/'" in r.stderr


@pytest.mark.parametrize(
    ("direction", "milestone", "said"),
    [
        ("increase", 15, "is below the baseline 20 (2020), though poverty is to increase"),
        ("decrease", 25, "is above the baseline 20 (2020), though poverty is to decrease"),
    ],
)
def test_a_milestone_on_the_wrong_side_of_its_baseline_is_warned_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, direction: str, milestone: int, said: str
):
    # A poverty rate meant to fall, written 'increase' (or its milestone mistyped): the
    # target read 'achieved' at once, and check said nothing (the authoring pass).
    plan = (
        "version: 1\nindicators:\n"
        f"  poverty: {{name: Poverty, unit: '%', direction: {direction}}}\n"
        "targets:\n  - id: pov\n    indicator: poverty\n    baseline: {period: 2020, value: 20}\n"
        f"    milestones:\n      - {{by: 2025, value: {milestone}}}\n      - {{by: 2030, value: 20}}\n"
    )
    make_tracker(tmp_path, monkeypatch, plan, "indicator,period,value,status,source,note,recorded_at\n")
    r = run("check")
    assert r.exit_code == 0, r.stderr
    lines = [line for line in r.stderr.splitlines() if "milestone" in line]
    assert len(lines) == 1, r.stderr  # the milestone equal to the baseline is no warning
    assert (
        lines[0].startswith("targets.yaml:9:") and f"target 'pov': the milestone {milestone} by 2025 {said}" in lines[0]
    )


def test_an_observed_baseline_is_read_from_the_figures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    plan = (
        "version: 1\nindicators:\n  share: {name: Share, unit: '%'}\n"
        "targets:\n  - id: s\n    indicator: share\n    baseline: 2020\n    milestones:\n      - {by: 2025, value: 8}\n"
    )
    store = "indicator,period,value,status,source,note,recorded_at\nshare,2020,10,official,s,,2021-01-01T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, plan, store)
    r = run("check")
    assert "the milestone 8 by 2025 is below the baseline 10 (2020), though share is to increase" in r.stderr
