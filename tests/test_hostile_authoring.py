"""A planning department writing its first targets.yaml by hand (the thirteenth session's
authoring pass, issue 17): mistakes an author makes that the plan took without a word.
Each test is a defect found and fixed (docs/decisions.md, "The thirteenth session's
authoring pass")."""

from __future__ import annotations

import pytest

from helpers import problems
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
