""" "Gap" means one thing everywhere (issue 12): the distance still to go in the target's
direction, positive while short, zero or negative once reached, for every kind and
direction; the share of the target reached has its own label. Numbers by hand."""

from __future__ import annotations

import csv
import io
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
    AverageTarget,
    Baseline,
    Bound,
    CumulativeTarget,
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
from qntrack.plan.periods import parse_period as P
from qntrack.output.summary import gap_phrase, gap_text, reached_text

runner = CliRunner()


def ind(direction: str = "increase", measure: Measure = Measure.LEVEL, unit: str = "million USD") -> Indicator:
    return Indicator(id="x", name=Text("X", "X"), unit=unit, direction=Direction(direction), measure=measure)


def rows(*pairs: tuple[str, float]) -> list[Observation]:
    return series("x", *pairs)


def span(kind, bound: Bound, start: str, end: str):
    return kind(id="t", indicator="x", bound=bound, start=P(start), end=P(end))


@pytest.mark.parametrize(
    "target,indicator,observations,gap",
    [
        # Level, higher is better: 15 - 12.3 = 2.7 still to go.
        (
            LevelTarget(
                id="t", indicator="x", baseline=Baseline(P("2020"), 9.8), milestones=(Milestone(P("2025"), 15),)
            ),
            ind(unit="%"),
            [("2023", 12.3)],
            2.7,
        ),
        # Level, lower is better: 17.3 down to 15 is 2.3 still to go.
        (
            LevelTarget(
                id="t", indicator="x", baseline=Baseline(P("2015"), 21.3), milestones=(Milestone(P("2025"), 15),)
            ),
            ind("decrease", unit="%"),
            [("2020", 17.3)],
            2.3,
        ),
        # Level passed: 10,402 against 10,000: -402, beyond the target by 402.
        (
            LevelTarget(
                id="t", indicator="x", baseline=Baseline(P("2017"), 4528), milestones=(Milestone(P("2025"), 10000),)
            ),
            ind(unit="USD"),
            [("2025", 10402)],
            -402.0,
        ),
        # Plan of an amount: 1,500 - 622 = 878.
        (
            PlanTarget(id="t", indicator="x", period=P("2022"), value=1500),
            ind(measure=Measure.FLOW),
            [("2022", 622)],
            878.0,
        ),
        # Plan, lower is better (a poverty rate of 3 %): 3.5 down to 3 is 0.5 to go.
        (PlanTarget(id="t", indicator="x", period=P("2022"), value=3), ind("decrease", unit="%"), [("2022", 3.5)], 0.5),
        # Plan of a growth rate met: 10.2 against 10: -0.2.
        (
            PlanTarget(id="t", indicator="x", period=P("2017"), value=10),
            ind(measure=Measure.RATE, unit="%"),
            [("2017", 10.2)],
            -0.2,
        ),
        # Year to date of an amount: 1,000 planned, 600 by 9 months: 400 to go.
        (
            PlanTarget(id="t", indicator="x", period=P("2025"), value=1000),
            ind(measure=Measure.FLOW),
            [("2025-9M", 600)],
            400.0,
        ),
        # Cumulative at least 3,000: 800 + 622 + 1,000 = 2,422, so 578 to go.
        (
            span(CumulativeTarget, Bound(3000), "2021", "2023"),
            ind(measure=Measure.FLOW),
            [("2021", 800), ("2022", 622), ("2023", 1000)],
            578.0,
        ),
        # Cumulative at most 1,000 (a cap): 300 + 500 = 800, 200 under it: -200.
        (
            span(CumulativeTarget, Bound(1000, at_least=False), "2021", "2024"),
            ind("decrease", measure=Measure.FLOW),
            [("2021", 300), ("2022", 500)],
            -200.0,
        ),
        # Average at least 10 % a year: 8 % and 10 % -> (1.08 * 1.10) ** 0.5 - 1 = 8.9954 %, so
        # 10 - 8.9954 = 1.0046 points to go.
        (
            span(AverageTarget, Bound(10), "2021", "2025"),
            ind(measure=Measure.RATE, unit="%"),
            [("2021", 8), ("2022", 10)],
            10 - ((1.08 * 1.10) ** 0.5 - 1) * 100,
        ),
        # Average at most 4 % (inflation): 5 % in the only year: 1 point over.
        (
            span(AverageTarget, Bound(4, at_least=False), "2021", "2025"),
            ind("decrease", measure=Measure.RATE, unit="%"),
            [("2021", 5)],
            1.0,
        ),
        # Every period at least 10: the latest, 8.4, is 1.6 short.
        (
            span(EveryPeriodTarget, Bound(10), "2020", "2025"),
            ind(measure=Measure.RATE, unit="%"),
            [("2022", 11), ("2023", 8.4)],
            1.6,
        ),
        # Every period at most 5: the latest, 4, is 1 under it.
        (
            span(EveryPeriodTarget, Bound(5, at_least=False), "2020", "2025"),
            ind("decrease", unit="%"),
            [("2023", 4)],
            -1.0,
        ),
    ],
)
def test_gap_is_still_to_go_in_the_targets_direction(target, indicator, observations, gap):
    a = assess_target(target, indicator, rows(*observations))
    assert a.gap == approx(gap)
    if a.milestones:
        assert a.milestones[0].gap == approx(gap)


def test_the_words_of_a_gap():
    assert gap_phrase(878.0, "million USD", "en") == "878 million USD"
    assert gap_phrase(-402.0, "USD", "en") == "-402 USD (beyond the target by 402 USD)"
    assert gap_phrase(-402.0, "USD", "vi") == "-402 USD (đã vượt mục tiêu 402 USD)"  # "đã": issue 17
    assert gap_phrase(-0.2, "%", "en") == "-0.2 pp (beyond the target by 0.2 pp)"


def test_the_share_reached_has_its_own_label():
    """622 / 1,500 = 41.47 % -> "reached 41.5%" / "đạt 41,5%", and the gap stays a gap."""
    a = assess_target(
        PlanTarget(id="t", indicator="x", period=P("2022"), value=1500), ind(measure=Measure.FLOW), rows(("2022", 622))
    )
    assert reached_text(a, "en") == "reached 41.5%"
    assert reached_text(a, "vi") == "đạt 41,5%"
    assert gap_text(a, "en") == "878 million USD"
    assert "%" not in gap_text(a, "en")


def test_cumulative_share_reached():
    """2,422 / 3,000 = 80.73 % -> "reached 80.7%"."""
    a = assess_target(
        span(CumulativeTarget, Bound(3000), "2021", "2023"),
        ind(measure=Measure.FLOW),
        rows(("2021", 800), ("2022", 622), ("2023", 1000)),
    )
    assert reached_text(a, "en") == "reached 80.7%"


TARGETS = """\
version: 1
indicators:
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
    direction: increase
targets:
  - id: fdi-2022
    type: plan
    indicator: fdi
    period: 2022
    value: 1500
  - id: fdi-2021-2023
    type: cumulative
    indicator: fdi
    at_least: 3000
    from: 2021
    to: 2023
"""

OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
fdi,2021,800,,s,,2022-01-10T00:00:00Z
fdi,2022,622,,s,,2023-01-10T00:00:00Z
fdi,2023,1000,,s,,2024-01-10T00:00:00Z
"""


def test_every_output_carries_the_same_gap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, TARGETS, OBSERVATIONS)
    doc = json.loads(runner.invoke(app, ["status", "--format", "json"]).stdout)
    assert [t["gap"] for t in doc["targets"]] == [approx(878.0), approx(578.0)]
    table = list(csv.DictReader(io.StringIO(runner.invoke(app, ["status", "--format", "csv"]).stdout)))
    assert [float(r["gap"]) for r in table] == [approx(878.0), approx(578.0)]
    # The kind's key figures, in their own columns.
    assert table[0]["plan"] == "1500.0" and float(table[0]["percent_of_plan"]) == approx(622 / 1500 * 100)
    assert table[1]["total"] == "2422.0" and table[1]["bound_kind"] == "at_least" and table[1]["bound"] == "3000.0"
    text = runner.invoke(app, ["status", "--format", "table"], env={"COLUMNS": "120"}).stdout
    assert "878 million USD" in text and "reached 41.5%" in text and "578 million USD" in text
    shown = runner.invoke(app, ["show", "fdi-2022"]).stdout
    assert "Gap" in shown and "878 million USD" in shown
    report = runner.invoke(app, ["report"]).stdout
    assert "1,500 million USD (2022); reached 41.5% | 878 million USD |" in report
    vi = runner.invoke(app, ["status", "--format", "table", "--lang", "vi"], env={"COLUMNS": "120"}).stdout
    assert "đạt 41,5%" in vi


# --- the gap cell never reads as "met" beside a target that failed (issue 12, f5) ------


def test_every_period_gap_cell_names_its_period():
    """At least 10% every year, 2021-2025: 11 in 2021 and 12 in 2022, on track. The gap is
    2022's alone (10 - 12 = -2), so the cell says which period passed: "✓ 2022"."""
    a = assess_target(
        span(EveryPeriodTarget, Bound(10), "2021", "2025"),
        ind(measure=Measure.RATE, unit="%"),
        rows(("2021", 11.0), ("2022", 12.0)),
    )
    assert a.status.value == "substantial_progress"
    assert gap_text(a, "en") == "✓ 2022"
    # Short in the latest period: 10 - 9 = 1 point, named too.
    b = assess_target(
        span(EveryPeriodTarget, Bound(10), "2021", "2025"),
        ind(measure=Measure.RATE, unit="%"),
        rows(("2021", 11.0), ("2022", 9.0)),
    )
    assert gap_text(b, "en") == "1 pp (2022)"


def test_a_failed_target_has_no_tick_in_the_gap_cell():
    """9 in 2021 failed the bound for good; 12 in 2022 passes: the gap (10 - 12 = -2) is
    that period's, but beside "Not achieved" a ✓ would read as met: "–"."""
    a = assess_target(
        span(EveryPeriodTarget, Bound(10), "2021", "2025"),
        ind(measure=Measure.RATE, unit="%"),
        rows(("2021", 9.0), ("2022", 12.0)),
    )
    assert a.status.value == "not_achieved"
    assert a.gap == approx(-2)  # the JSON keeps the number
    assert gap_text(a, "en") == "–"


def test_shipped_double_digit_growth_gap_is_not_a_tick(shipped: Path):
    from helpers import run_clean

    r = run_clean("report", "grdp-double-digit", "--format", "markdown", "--as-of", "2026-12-01")
    row = next(line for line in r.stdout.splitlines() if line.startswith("| 1 |"))
    assert "Not achieved" in row and "✓" not in row, row
    r = run_clean("status", "grdp-double-digit", "--format", "table", "--as-of", "2026-12-01")
    assert "✓" not in r.stdout and "Not achieved" in r.stdout, r.stdout


def test_show_and_the_report_never_say_beyond_the_target_beside_a_failure(shipped):
    """grdp-double-digit failed (2024: 8.42 < 10) though 2025 passes (11.89): its gap,
    10 - 11.89 = -1.89 points, is 2025's alone. show said "beyond the target by 1.89 pp"
    beside "Not achieved" (second hostile pass); then "-1.89 pp (2025)", where the table
    said "–": nothing is left to close, "–" in both (thirtieth session)."""
    from helpers import run

    for lang in ("en", "vi"):
        r = run("show", "grdp-double-digit", "-f", "table", "--lang", lang, env={"COLUMNS": "120"})
        gap = next(line for line in r.stdout.splitlines() if line.startswith(("Gap ", "Còn thiếu ")))
        assert gap.split()[-1] == "–", gap
        assert "-1.89" not in r.stdout and "-1,89" not in r.stdout
        assert "beyond" not in r.stdout and "vượt mục tiêu" not in r.stdout
    report = run("report", "-f", "markdown", "grdp-double-digit").stdout
    assert "| Gap | – |" in report and "-1.89" not in report and "beyond" not in report
