"""Derived indicators: formulas parsed without `eval`, evaluated per period by build_series,
and checked by the loader (unknown names, cycles, syntax) with line numbers.

Expected values are plain arithmetic worked out by hand and written next to each check.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from typer.testing import CliRunner

from conftest import make_tracker
from helpers import plan_problems as loader_problems
import qntrack
from qntrack.kinds import assess_target
from qntrack.cli import app
from qntrack.files.definitions import parse_plan
from qntrack.plan.formula import FormulaError, parse_formula
from qntrack.plan.model import Baseline, Indicator, LevelTarget, Location, Milestone, Observation, Text
from qntrack.plan.periods import parse_period
from qntrack.method.series import build_series, formula_inputs, left_out_warnings


def approx(x: float) -> object:
    return pytest.approx(x, rel=1e-12, abs=1e-12)


# --- parsing and evaluating ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, values, expected",
    [
        # 26,100 / 232,000 = 0.1125; * 100 = 11.25
        ("cbct_va / grdp * 100", {"cbct_va": 26100, "grdp": 232000}, 11.25),
        # precedence: 3 + (4 * 2) = 11; parentheses: (3 + 4) * 2 = 14
        ("a + b * 2", {"a": 3, "b": 4}, 11),
        ("(a + b) * 2", {"a": 3, "b": 4}, 14),
        # left-associative: (10 / 4) / 5 = 0.5 and (12 - 3) - 4 = 5
        ("a / b / c", {"a": 10, "b": 4, "c": 5}, 0.5),
        ("a - b - c", {"a": 12, "b": 3, "c": 4}, 5),
        # unary minus and plus: -3 + 4 = 1; -(3 - 4) = 1; +3 = 3
        ("-a + b", {"a": 3, "b": 4}, 1),
        ("-(a - b)", {"a": 3, "b": 4}, 1),
        ("+a", {"a": 3}, 3),
        # the typographic signs × ÷ − as written in Vietnamese documents: (8 × 3) ÷ 4 − 1 = 5
        ("a × 3 ÷ 4 − 1", {"a": 8}, 5),
        # numbers with decimals and exponents: 1.5e3 / 1000 = 1.5
        ("1.5e3 / x", {"x": 1000}, 1.5),
        # a ratio of two levels (GRDP per person): 270 / 1.35 = 200
        ("grdp_vnd / population", {"grdp_vnd": 270, "population": 1.35}, 200),
    ],
)
def test_evaluate(text, values, expected):
    expr = parse_formula(text)
    assert expr.evaluate(values) == approx(expected)
    assert expr.names == frozenset(values)


def test_division_by_zero_is_a_formula_error():
    with pytest.raises(FormulaError, match="division by zero"):
        parse_formula("a / (b - c)").evaluate({"a": 1, "b": 2, "c": 2})


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "the formula is empty"),
        ("   ", "the formula is empty"),
        ("(a + b", "the '(' at character 1 is never closed"),
        ("2 * (a", "the '(' at character 5 is never closed"),
        ("a + b)", "unexpected ')' at character 6"),
        ("a $ b", "unexpected '$' at character 3; use indicator ids, numbers, + - * / and parentheses"),
        ("a +", "the formula ends too early; an operand is missing"),
        ("a b", "unexpected 'b' at character 3"),
        ("a ** 2", "unexpected '*' at character 4"),
        ("GRDP * 2", "unexpected 'G' at character 1"),
        ("__import__('os')", "unexpected"),
    ],
)
def test_parse_errors_say_what_and_where(text, message):
    with pytest.raises(FormulaError) as err:
        parse_formula(text)
    assert message in str(err.value)


def test_eval_is_never_used():
    """No eval/exec/compile of text anywhere in the package (re.compile is allowed)."""
    pattern = re.compile(r"(?<![\w.])(eval|exec|compile)\s*\(")
    sources = list(Path(qntrack.__file__).parent.rglob("*.py"))
    assert any(p.name == "formula.py" for p in sources)
    offenders = [
        f"{p.name}: {line.strip()}"
        for p in sources
        for line in p.read_text(encoding="utf-8").splitlines()
        if pattern.search(line)
    ]
    assert offenders == []


# --- build_series: the derived series, period by period -------------------------------------


def ind(ind_id: str, formula: str | None = None, line: int = 0) -> Indicator:
    return Indicator(
        ind_id,
        Text.plain(ind_id),
        unit="%" if formula else "billion VND",
        formula=formula,
        location=Location("targets.yaml", line, 3),
    )


def obs(ind_id: str, period: str, value: float, recorded: str = "2024-01-01T00:00:00Z") -> Observation:
    return Observation(ind_id, parse_period(period), value, recorded_at=recorded)


INDICATORS = {
    "cbct_va": ind("cbct_va"),
    "grdp": ind("grdp"),
    "share": ind("share", "cbct_va / grdp * 100", line=12),
}


def test_derived_value_per_period_where_all_inputs_exist():
    """2021: 20,000 / 200,000 * 100 = 10.0; 2022: 26,100 / 232,000 * 100 = 11.25.
    2023 has cbct_va only (no grdp): skipped. 2020 has grdp only: skipped."""
    observations = [
        obs("cbct_va", "2021", 20000),
        obs("grdp", "2021", 200000),
        obs("cbct_va", "2022", 26100, "2022-12-01T00:00:00Z"),
        obs("grdp", "2022", 232000, "2023-03-01T00:00:00Z"),
        obs("cbct_va", "2023", 30000),
        obs("grdp", "2020", 190000),
    ]
    series, left_out = build_series(INDICATORS, observations)
    assert left_out == {}
    share = series["share"]
    assert [str(o.period) for o in share] == ["2021", "2022"]
    assert share[0].value == approx(10.0)
    assert share[1].value == approx(11.25)
    # The derived row says where it comes from; its date is the latest of its inputs'.
    assert share[1].source == "= cbct_va / grdp * 100"
    assert share[1].note == "derived"
    assert share[1].recorded_at == "2023-03-01T00:00:00Z"


def test_as_of_applies_to_derived_values_through_their_inputs():
    """As of 2023-01-01 the 2022 GRDP (recorded 2023-03-01) was not known: no 2022 share."""
    observations = [
        obs("cbct_va", "2021", 20000, "2022-01-01T00:00:00Z"),
        obs("grdp", "2021", 200000, "2022-01-01T00:00:00Z"),
        obs("cbct_va", "2022", 26100, "2022-12-01T00:00:00Z"),
        obs("grdp", "2022", 232000, "2023-03-01T00:00:00Z"),
    ]
    series, _ = build_series(INDICATORS, observations, as_of="2023-01-01")
    assert [str(o.period) for o in series["share"]] == ["2021"]


def test_division_by_zero_is_reported_and_the_period_left_out():
    """2021 is computed (10.0); 2022 has grdp = 0: a Problem at the indicator's line, no row."""
    observations = [
        obs("cbct_va", "2021", 20000),
        obs("grdp", "2021", 200000),
        obs("cbct_va", "2022", 26100),
        obs("grdp", "2022", 0),
    ]
    series, left_out = build_series(INDICATORS, observations)
    assert [str(o.period) for o in series["share"]] == ["2021"]
    assert list(left_out) == ["share"] and len(left_out["share"]) == 1
    problem = left_out["share"][0]
    assert (problem.location.line, problem.severity) == (12, "warning")
    assert str(problem.message) == "indicator 'share' in 2022: division by zero (grdp is 0); the period is left out"


def test_division_by_a_zero_difference_names_no_input():
    """a / (b - c) with b = c = 2: no input is itself 0, so none is named."""
    indicators = {"a": ind("a"), "b": ind("b"), "c": ind("c"), "x": ind("x", "a / (b - c)")}
    observations = [obs("a", "2021", 1), obs("b", "2021", 2), obs("c", "2021", 2)]
    series, left_out = build_series(indicators, observations)
    assert series["x"] == []
    assert str(left_out["x"][0].message) == "indicator 'x' in 2021: division by zero; the period is left out"


def test_derived_of_derived_is_computed_in_dependency_order():
    """'aaa' (sorted first) reads the derived 'share': 11.25 / 10 = 1.125 in 2022."""
    indicators = dict(INDICATORS, aaa=ind("aaa", "share / 10"))
    observations = [obs("cbct_va", "2022", 26100), obs("grdp", "2022", 232000)]
    series, _ = build_series(indicators, observations)
    assert series["aaa"][0].value == approx(1.125)


def test_sub_annual_inputs_give_sub_annual_derived_values():
    """2023-H1: 13,000 / 104,000 * 100 = 12.5; matched period by period."""
    observations = [obs("cbct_va", "2023-H1", 13000), obs("grdp", "2023-H1", 104000), obs("grdp", "2023", 230000)]
    series, _ = build_series(INDICATORS, observations)
    assert [(str(o.period), o.value) for o in series["share"]] == [("2023-H1", approx(12.5))]


def test_a_derived_series_is_assessed_like_any_other():
    """share = cbct_va / grdp * 100: 2020 9,800 / 100,000 = 9.8; 2023 12,300 / 100,000 = 12.3.
    Against 15 by 2025 from 9.8 in 2020: a = (12.3 / 9.8) ** (1/3) - 1 = 0.078680957339,
    r = (15 / 9.8) ** 0.2 - 1 = 0.088862488820, P = 0.885423741603."""
    observations = [
        obs("cbct_va", "2020", 9800),
        obs("grdp", "2020", 100000),
        obs("cbct_va", "2023", 12300),
        obs("grdp", "2023", 100000),
    ]
    series, _ = build_series(INDICATORS, observations)
    target = LevelTarget(
        id="s",
        indicator="share",
        baseline=Baseline(parse_period("2020")),
        milestones=(Milestone(parse_period("2025"), 15),),
    )
    a = assess_target(target, INDICATORS["share"], series["share"])
    assert a.baseline.value == approx(9.8)
    assert a.progress_value == pytest.approx(0.885423741603, rel=1e-9)


# --- the loader: unknown names, cycles and syntax, with line numbers -----------------------


PLAN = """\
version: 1
indicators:
  cbct_va:
    name: "CBCT value added"
  grdp:
    name: "GRDP"
  share:
    name: "Share"
    formula: "cbct_va / grdpp * 100"
  a:
    name: "A"
    formula: "b + 1"
  b:
    name: "B"
    formula: "a * 2"
  bad:
    name: "Bad"
    formula: "(grdp + 1"
  self_ref:
    name: "Self"
    formula: "self_ref + 1"
targets: []
"""


def test_loader_reports_unknown_names_cycles_and_syntax_with_lines():
    problems = loader_problems(PLAN)
    assert (
        "targets.yaml:7:3: error: indicator 'share': formula uses unknown indicator 'grdpp'; did you mean 'grdp'?"
        in problems
    )
    assert "targets.yaml:10:3: error: indicator 'a': formula has a cycle: a -> b -> a" in problems
    assert "targets.yaml:16:3: error: indicator 'bad': formula: the '(' at character 1 is never closed" in problems
    assert "targets.yaml:19:3: error: indicator 'self_ref': formula has a cycle: self_ref -> self_ref" in problems
    assert len(problems) == 4


def test_loader_accepts_a_good_formula():
    plan = parse_plan(
        PLAN.split("  share:")[0] + '  share:\n    name: "Share"\n    formula: "cbct_va / grdp * 100"\ntargets: []\n'
    )
    assert plan.indicators["share"].formula == "cbct_va / grdp * 100"


# --- periods left out, as the commands warn of them ------------------------------------------


def test_left_out_warnings_follow_the_chain_and_the_file_order():
    """'aaa' reads 'share'; 'x' stands alone. Warnings come for what the shown indicators
    read, ordered by the indicators' lines in targets.yaml (share 12, then x 30)."""
    indicators = dict(
        INDICATORS, aaa=ind("aaa", "share / 10", line=40), a=ind("a"), b=ind("b"), x=ind("x", "a / b", line=30)
    )
    observations = [
        obs("cbct_va", "2022", 1),
        obs("grdp", "2022", 0),
        obs("cbct_va", "2023", 1),
        obs("grdp", "2023", 0),
        obs("a", "2022", 1),
        obs("b", "2022", 0),
    ]
    _, left_out = build_series(indicators, observations)
    inputs = formula_inputs(indicators)
    assert inputs["share"] == ("cbct_va", "grdp")
    assert [str(p.message)[:26] for p in left_out_warnings(left_out, inputs, ["x", "aaa"])] == [
        "indicator 'share' in 2022:",
        "indicator 'share' in 2023:",
        "indicator 'x' in 2022: div",
    ]
    # 'aaa' has no value of its own to compute where 'share' has none: only share's warnings.
    assert "aaa" not in left_out
    assert [str(p.message)[:20] for p in left_out_warnings(left_out, inputs, ["cbct_va", "x"])] == [
        "indicator 'x' in 202"
    ]
    assert left_out_warnings(left_out, inputs, ["grdp"]) == []


RATIO_TARGETS = """\
version: 1
title: "Ratio"
indicators:
  cbct_va: {name: "CBCT value added", unit: "billion VND", frequency: year}
  grdp: {name: "GRDP", unit: "billion VND", frequency: year}
  share:
    name: "CBCT share of GRDP"
    unit: "%"
    direction: increase
    formula: cbct_va / grdp * 100
targets:
  - id: share
    indicator: share
    baseline: {period: 2021, value: 10}
    milestones:
      - {by: 2025, value: 15}
  - id: grdp
    indicator: grdp
    baseline: 2021
"""

# 2021: 20,000 / 200,000 * 100 = 10.0; 2022: GRDP recorded as 0, a slip: no share that year.
RATIO_OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
cbct_va,2021,20000,official,GSO,,2022-03-01T00:00:00Z
grdp,2021,200000,official,GSO,,2022-03-01T00:00:00Z
cbct_va,2022,26100,official,GSO,,2023-03-01T00:00:00Z
grdp,2022,0,official,GSO,,2023-03-01T00:00:00Z
"""

WARNING = "targets.yaml:6:3: warning: indicator 'share' in 2022: division by zero (grdp is 0); the period is left out\n"


@pytest.fixture
def ratio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, RATIO_TARGETS, RATIO_OBSERVATIONS)


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--format", "json"],
        ["status", "--format", "csv"],
        ["status", "--format", "table"],
        ["status", "share", "--format", "tsv", "--as-of", "2025-12-31"],
        ["show", "share"],
        ["show", "share", "--format", "json"],
        ["observations", "--format", "csv"],
        ["report", "--format", "markdown"],
    ],
)
def test_commands_that_show_a_left_out_period_warn_of_it(ratio: Path, args: list[str]):
    """The output comes whole on stdout, the warning on stderr, and the exit code is 0."""
    for env in ({}, {"QNTRACK_NO_CACHE": "1"}):
        result = CliRunner().invoke(app, args, env=env)
        assert result.exit_code == 0, result.output
        assert result.stderr == WARNING
        assert result.stdout


def test_no_warning_where_the_left_out_period_is_not_read(ratio: Path):
    result = CliRunner().invoke(app, ["status", "grdp", "--format", "json"])
    assert (result.exit_code, result.stderr) == (0, "")
    result = CliRunner().invoke(app, ["observations", "--indicator", "cbct_va"])
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_report_written_to_a_file_warns_after_saying_so(ratio: Path):
    result = CliRunner().invoke(app, ["report", "--format", "markdown", "-o", "review.md"])
    assert result.exit_code == 0
    assert result.stderr == "wrote review.md and 2 chart(s) in review-charts\n" + WARNING
