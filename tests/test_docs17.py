"""Issue 17, seventeenth session: the session's documentation taken literally, and the
growth-rate plan sentence that contradicted itself by rounding."""

from __future__ import annotations

import pytest

from helpers import series as rows
from qntrack.kinds import assess_target
from qntrack.output.narrative import explain
from qntrack.plan.model import Indicator, Measure, PlanTarget, Text
from qntrack.plan.periods import parse_period as P

GROWTH = Indicator(
    "grdp_growth", Text("GRDP growth", "Tăng trưởng GRDP"), unit="% y/y", unit_vi="% so cùng kỳ", measure=Measure.RATE
)


def _sentence(value: float, plan: float, lang: str) -> str:
    data = rows("grdp_growth", ("2023", value))
    a = assess_target(PlanTarget(id="p", indicator="grdp_growth", period=P("2023"), value=plan), GROWTH, data)
    return explain(a, lang)[0]


@pytest.mark.parametrize(
    ("value", "plan", "en", "vi"),
    [
        # 10.001 - 10 = 0.001: at two decimals the figure reads 10, as the plan does, so
        # both are written to three, where they differ by what the sentence says.
        (
            10.001,
            10,
            "2023: 10.001% against a plan of 10%: +0.001 pp.",
            "Năm 2023: 10,001%, cao hơn kế hoạch (10%) 0,001 điểm %.",
        ),
        # 9.999 - 10 = -0.001: below the plan, never "10%" beside a plan of 10%.
        (
            9.999,
            10,
            "2023: 9.999% against a plan of 10%: -0.001 pp.",
            "Năm 2023: 9,999%, thấp hơn kế hoạch (10%) 0,001 điểm %.",
        ),
        # 10.006 - 10.002 = 0.004; at two decimals 10.01 against 10 would be 0.01 apart
        # while the sentence said 0.004: three decimals, 10.006 and 10.002.
        (
            10.006,
            10.002,
            "2023: 10.006% against a plan of 10.002%: +0.004 pp.",
            "Năm 2023: 10,006%, cao hơn kế hoạch (10,002%) 0,004 điểm %.",
        ),
        # 10.28 - 10 = 0.28: two decimals agree, unchanged.
        (
            10.28,
            10,
            "2023: 10.28% against a plan of 10%: +0.28 pp.",
            "Năm 2023: 10,28%, cao hơn kế hoạch (10%) 0,28 điểm %.",
        ),
    ],
)
def test_growth_rate_plan_sentence_agrees_with_itself(value, plan, en, vi):
    assert _sentence(value, plan, "en") == en
    assert _sentence(value, plan, "vi") == vi
