"""not_available always says why (issue 12), and a series that crosses zero is judged by
absolute change against the required change (docs/methodology.md, "Balances").

Every expected number is worked out by hand in the docstrings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest import approx
from typer.testing import CliRunner

from conftest import make_tracker
from helpers import series
from qntrack.kinds import assess_target
from qntrack.cli import app
from qntrack.plan.model import (
    Baseline,
    Bound,
    Direction,
    EveryPeriodTarget,
    Indicator,
    LevelTarget,
    Measure,
    Milestone,
    Observation,
    PlanTarget,
    Text,
)
from qntrack.output.narrative import explain
from qntrack.plan.periods import parse_period as P
from qntrack.method.progress import Status

runner = CliRunner()


def indicator(direction: str = "increase", measure: Measure = Measure.LEVEL) -> Indicator:
    return Indicator(
        id="x",
        name=Text("Trade balance", "Cán cân thương mại"),
        unit="billion USD",
        direction=Direction(direction),
        measure=measure,
    )


def rows(*pairs: tuple[str, float]) -> list[Observation]:
    return series("x", *pairs)


def level(*milestones: tuple[int, float], base: tuple[str, float | None] | None = ("2020", -5.0)) -> LevelTarget:
    baseline = None if base is None else Baseline(P(base[0]), base[1])
    return LevelTarget(
        id="t", indicator="x", baseline=baseline, milestones=tuple(Milestone(P(str(y)), v) for y, v in milestones)
    )


# --- the absolute-change method ------------------------------------------------------------


def test_a_balance_crossing_zero_is_judged_by_absolute_change():
    """Base -5 (2020), 2023 = +3, target +10 by 2025.
    Required change a year (10 - (-5)) / 5 = 3; achieved (3 - (-5)) / 3 = 2.666667;
    P = 2.666667 / 3 = 0.888889: moderate progress (0.60 <= P < 0.95);
    score 7.1429 * 0.888889 - 4.2857 = 2.063544.
    Straight path: 2023 should be -5 + 3 * 3 = 4, deviation 3 - 4 = -1;
    needed from now (10 - 3) / 2 = 3.5 a year;
    projected 2025: 3 + 2 * 2.666667 = 8.333333; 10 passed after (10 - 3) / 2.666667 = 2.625
    years -> 3 -> 2026 (a projection). Gap 10 - 3 = 7."""
    a = assess_target(level((2025, 10)), indicator(), rows(("2020", -5), ("2023", 3)))
    m = a.milestones[0]
    assert m.method == "absolute_change"
    assert a.status is Status.MODERATE_PROGRESS and a.reason is None
    assert m.required_change == approx(3.0)
    assert m.achieved_change == approx(8 / 3)
    assert a.progress_value == approx(0.888889, abs=1e-6)
    assert a.score == approx(2.063544, abs=1e-4)
    assert m.required_rate is None and a.achieved_rate is None
    assert m.trajectory == approx(4.0) and m.deviation == approx(-1.0)
    assert m.projected == approx(25 / 3)
    assert m.required_change_from_latest == approx(3.5)
    assert str(m.reached_in) == "2026" and m.reached_is_projection
    assert m.gap == approx(7.0)


def test_the_absolute_change_sentences():
    a = assess_target(level((2025, 10)), indicator(), rows(("2020", -5), ("2023", 3)))
    en = explain(a, "en")
    assert en[0] == (
        "From -5 billion USD in 2020 to 3 billion USD in 2023: +2.67 billion USD a year "
        "against +3 billion USD a year required."
    )
    assert (
        "At this pace it reaches 8.33 billion USD in 2025, short of 10 billion USD; "
        "from now on it needs +3.5 billion USD a year."
    ) in en
    assert "At the current pace 10 billion USD would be reached in 2026." in en
    vi = explain(a, "vi")
    assert vi[0] == (
        "Giai đoạn 2020–2023: tăng từ -5 billion USD lên 3 billion USD, bình quân "
        "+2,67 billion USD/năm (lộ trình cần +3 billion USD/năm)."
    )


def test_a_declared_balance_uses_absolute_change_without_crossing():
    """measure: balance; base 2 (2020), 2022 = 4, target 10 by 2024.
    Required (10 - 2) / 4 = 2 a year; achieved (4 - 2) / 2 = 1; P = 0.5: limited progress;
    score 4.1667 * 0.5 - 2.5 = -0.41665."""
    a = assess_target(level((2024, 10), base=("2020", 2.0)), indicator(measure=Measure.BALANCE), rows(("2022", 4)))
    assert a.milestones[0].method == "absolute_change"
    assert a.progress_value == approx(0.5)
    assert a.status is Status.LIMITED_PROGRESS
    assert a.score == approx(-0.41665, abs=1e-4)


def test_lower_is_better_crossing_zero():
    """Decrease; base 4 (2020), 2022 = -2, target -6 by 2024.
    Required (-6 - 4) / 4 = -2.5 a year; achieved (-2 - 4) / 2 = -3;
    P = d * achieved / |required| = (-1)(-3) / 2.5 = 1.2: substantial progress.
    Gap, in the target's direction (down): -2 - (-6) = 4."""
    a = assess_target(level((2024, -6), base=("2020", 4.0)), indicator("decrease"), rows(("2022", -2)))
    assert a.progress_value == approx(1.2)
    assert a.status is Status.SUBSTANTIAL_PROGRESS
    assert a.milestones[0].gap == approx(4.0)


def test_a_series_that_does_not_cross_zero_keeps_open_sdg():
    """Base 9.8 (2020), 2023 = 12.3, 15 by 2025: P = 0.885424 as in methodology worked example 1."""
    target = level((2025, 15), base=("2020", 9.8))
    a = assess_target(target, indicator(), rows(("2023", 12.3)))
    assert a.milestones[0].method == "growth"
    assert a.progress_value == approx(0.885424, rel=1e-5)


def test_a_due_milestone_missed_across_zero():
    """Base -5 (2020), 2025 = 8 against 10 by 2025: due, 8 < 10: not achieved, no reason."""
    a = assess_target(level((2025, 10)), indicator(), rows(("2025", 8)))
    assert a.status is Status.NOT_ACHIEVED and a.reason is None
    assert [str(p) for p in a.missed_milestones] == ["2025"]


# --- reasons -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target,observations,reason",
    [
        (level((2025, 10)), [], "no_figures"),
        (level((2025, 10)), [("2021-H1", 1.0)], "no_annual_figure"),
        (level((2025, 10), base=("2020", None)), [("2015", 1.0)], "no_baseline"),
        (level((2025, 10), base=("2023", 5.0)), [("2023", 6.0)], "one_figure"),
        # Base 10 and milestone 10: no change is asked for; 9 < 10, so not achieved either.
        (level((2025, 10), base=("2020", 10.0)), [("2022", 9.0)], "target_equals_baseline"),
        # A direction only: base 5, then -1: crosses zero and no milestone gives a required change.
        (level(base=("2015", 5.0)), [("2020", -1.0)], "crosses_zero"),
        (PlanTarget(id="t", indicator="x", period=P("2026"), value=10), [("2024", 1.0)], "no_figure_for_period"),
        (PlanTarget(id="t", indicator="x", period=P("2026"), value=10), [], "no_figures"),
        (
            EveryPeriodTarget(id="t", indicator="x", bound=Bound(1), start=P("2021"), end=P("2025")),
            [("2019", 3.0)],
            "no_figure_for_period",
        ),
    ],
)
def test_not_available_has_a_reason(target, observations, reason):
    a = assess_target(target, indicator(), rows(*observations))
    assert a.status is Status.NOT_AVAILABLE
    assert a.reason == reason
    for lang in ("en", "vi"):
        assert explain(a, lang)[-1].startswith("Not assessed: " if lang == "en" else "Chưa đánh giá: ")


def test_every_status_other_than_not_available_has_no_reason():
    a = assess_target(level((2025, 15), base=("2020", 9.8)), indicator(), rows(("2023", 12.3)))
    assert a.reason is None and a.milestones[0].reason is None


TARGETS = """\
version: 1
indicators:
  tb:
    name: "Trade balance"
    unit: "billion USD"
    direction: increase
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
    direction: increase
targets:
  - id: tb
    indicator: tb
    baseline: {period: 2020, value: -5}
    milestones:
      - {by: 2025, value: 10}
  - id: fdi-2026
    type: plan
    indicator: fdi
    period: 2026
    value: 100
"""

OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
tb,2023,3,,s,,2024-01-10T00:00:00Z
"""


def test_json_carries_the_reason_and_the_method(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, TARGETS, OBSERVATIONS)
    for _ in range(2):  # cold, then through the status cache
        r = runner.invoke(app, ["status", "--format", "json"])
        assert r.exit_code == 0, r.stderr
        tb, fdi = json.loads(r.stdout)["targets"]
        assert tb["status"] == "moderate_progress" and tb["reason"] is None
        assert tb["milestones"][0]["method"] == "absolute_change"
        assert tb["milestones"][0]["required_change"] == approx(3.0)
        assert fdi["status"] == "not_available" and fdi["reason"] == "no_figures"
    r = runner.invoke(app, ["show", "fdi-2026"])
    assert "Not assessed: no figure has been recorded for this indicator yet." in r.stdout


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from qntrack.plan.model import AverageTarget, CumulativeTarget  # noqa: E402

values = st.one_of(st.just(0.0), st.floats(-50, 50, allow_nan=False).map(lambda v: round(v, 1)))
years = st.integers(2018, 2026)


@settings(max_examples=200, deadline=None)
@given(
    base=st.one_of(st.none(), values),
    target=values,
    by=st.integers(2019, 2030),
    figures=st.lists(st.tuples(years, values), max_size=4),
    kind=st.sampled_from(["level", "direction", "plan", "every", "average", "cumulative"]),
    direction=st.sampled_from(["increase", "decrease"]),
    measure=st.sampled_from(list(Measure)),
)
def test_not_available_always_has_a_reason(base, target, by, figures, kind, direction, measure):
    obs = rows(*{str(y): v for y, v in figures}.items())
    if kind == "level":
        t = level((by, target), base=("2018", base))
    elif kind == "direction":
        t = level(base=("2018", base))
    elif kind == "plan":
        t = PlanTarget(id="t", indicator="x", period=P(str(by)), value=target or 1.0)
    else:
        cls = {"every": EveryPeriodTarget, "average": AverageTarget, "cumulative": CumulativeTarget}[kind]
        t = cls(id="t", indicator="x", bound=Bound(target, direction == "increase"), start=P("2020"), end=P("2024"))
    a = assess_target(t, indicator(direction, measure), obs)
    assert (a.status is Status.NOT_AVAILABLE) == (a.reason is not None)
    for m in a.milestones:
        assert (m.status is Status.NOT_AVAILABLE) == (m.reason is not None)
    # And a sentence for people, in both languages.
    if a.reason:
        assert explain(a, "en")[-1].startswith("Not assessed: ")
        assert explain(a, "vi")[-1].startswith("Chưa đánh giá: ")
