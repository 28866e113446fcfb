"""Issue 17, seventeenth session, last review: what the session's change left."""

from __future__ import annotations

import pytest

from helpers import series as rows
from qntrack.kinds import assess_target
from qntrack.plan.model import Indicator, Measure, PlanTarget, Text
from qntrack.plan.periods import parse_period as P

GROWTH = Indicator(
    "grdp_growth", Text("GRDP growth", "Tăng trưởng GRDP"), unit="% y/y", unit_vi="% so cùng kỳ", measure=Measure.RATE
)


@pytest.mark.parametrize(
    ("period", "lang", "difference", "gap"),
    [
        # 10.0049 against a plan of 10: at two decimals both read 10, at three the figure
        # reads 10.005 and the plan 10.000, 0.005 apart, so the difference is "+0.005 pp"
        # and the gap (10 - 10.0049 = -0.0049, beyond the target) is written at the same
        # three decimals: -0.005, never "-0.0049" beside "+0.005" in the same block.
        ("2023", "en", "+0.005 pp", "-0.005 pp (beyond the target by 0.005 pp)"),
        ("2023", "vi", "+0,005 điểm %", "-0,005 điểm % (đã vượt mục tiêu 0,005 điểm %)"),
        # The same figure for H1 of the plan's year: the figure so far, the same decimals.
        ("2023-H1", "en", "+0.005 pp", "-0.005 pp (beyond the target by 0.005 pp)"),
    ],
)
def test_a_growth_plans_gap_is_written_at_the_decimals_of_its_difference(period, lang, difference, gap):
    from qntrack.output.summary import target_gap_phrase
    from qntrack.output.views import view_of

    data = rows("grdp_growth", (period, 10.0049))
    a = assess_target(PlanTarget(id="p", indicator="grdp_growth", period=P("2023"), value=10), GROWTH, data)
    figures = dict(view_of(a).key_figures(a, lang) or [])
    assert difference in figures.values(), figures
    assert target_gap_phrase(a, lang) == gap


@pytest.mark.parametrize(
    ("value", "en", "vi"),
    [
        # From 1e15 up a figure in a message keeps its exponent, as tables write it
        # (catalog.Figure): 1e15 is a 1 and fifteen zeros, 1e+15, never the float's
        # "1000000000000000.0" (repr writes the exponent only from 1e16); 1.5e15 likewise.
        (1e15, "1e+15", "1e+15"),
        (1.5e15, "1.5e+15", "1,5e+15"),
        (-2.5e15, "-2.5e+15", "-2,5e+15"),
        # Below it, a whole figure stays whole and a small one in full (unchanged).
        # (Grouped by thousands in Vietnamese since the eighteenth session, as tables write it.)
        (999999999999999.0, "999999999999999", "999.999.999.999.999"),
        (1e-5, "0.00001", "0,00001"),
    ],
)
def test_a_figure_from_1e15_in_a_message_keeps_its_exponent(value: float, en: str, vi: str):
    from qntrack.catalog import Figure

    assert (Figure(value).text("en"), Figure(value).text("vi")) == (en, vi)


SPANS_PLAN = """\
title: t
indicators:
  g: {name: G, unit: "%", measure: rate, frequency: year}
  f: {name: F, unit: "USD", measure: flow, frequency: year}
targets:
  - {id: av, type: average, indicator: g, at_least: 10, from: 2021, to: 2022}
  - {id: cu, type: cumulative, indicator: f, at_least: 100, from: 2021, to: 2022}
"""
SPANS_STORE = """\
indicator,period,value,status,source,note,recorded_at
g,2021,5,official,s,,2023-01-01T00:00:00Z
g,2022,5,official,s,,2023-01-01T00:00:00Z
f,2021,5,official,s,,2023-01-01T00:00:00Z
f,2022,5,official,s,,2023-01-01T00:00:00Z
"""


@pytest.mark.parametrize("target", ["av", "cu"])
@pytest.mark.parametrize(
    ("lang", "periods", "milestones"),
    [("en", "Periods missed", "Missed milestones"), ("vi", "Các kỳ không đạt", "Các mốc không đạt")],
)
def test_an_average_or_cumulative_targets_missed_year_is_a_period_missed(
    tmp_path, monkeypatch, target, lang, periods, milestones
):
    # An average of 5 against at least 10 over 2021-2022, and a total of 5 + 5 = 10
    # against at least 100: both missed at 2022. Neither kind has milestones: what it
    # missed is a period, as the plan's (f559cdd) and the status marker's ('missed', the
    # catalog's missed_period for every kind but a level target) say.
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, SPANS_PLAN, SPANS_STORE)
    shown = run_clean("--lang", lang, "show", target)
    assert shown.exit_code == 0, shown.output
    assert periods in shown.stdout and milestones not in shown.stdout, shown.stdout
    report = run_clean("--lang", lang, "report", "--format", "markdown")
    assert report.exit_code == 0, report.output
    assert periods in report.stdout and milestones not in report.stdout
