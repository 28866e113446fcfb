"""Less ceremony (issue 12): a target's kind implies its indicator's measure, messages
that say what is wrong with a year or two milestones, and `history` that points to the
id the user meant."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import dedent
from helpers import problems
from qntrack.cli import app
from qntrack.files.definitions import parse_plan
from qntrack.plan.model import Measure

runner = CliRunner()


def test_kind_implies_the_measure_when_the_indicator_does_not_declare_one():
    plan = parse_plan(
        dedent("""
        indicators:
          g: {name: Growth}
          fdi: {name: FDI}
        targets:
          - {id: avg, type: average, indicator: g, at_least: 10, from: 2021, to: 2025}
          - {id: total, type: cumulative, indicator: fdi, at_least: 5000, from: 2021, to: 2025}
          - {id: avg-again, type: average, indicator: g, at_least: 9, from: 2026, to: 2030}
    """)
    )
    assert plan.indicators["g"].measure is Measure.RATE
    assert plan.indicators["fdi"].measure is Measure.FLOW


def test_a_declared_measure_that_contradicts_the_kind_is_refused_with_lines():
    out = problems("""
        indicators:
          g:
            name: Growth
            measure: rate
        targets:
          - {id: total, type: cumulative, indicator: g, at_least: 10, from: 2021, to: 2025}
    """)
    assert out == [
        "targets.yaml:6:5: error: target 'total': a cumulative target adds up an amount per period "
        "(measure: flow), but indicator 'g' is declared 'measure: rate' on line 4; use an average "
        "target for a rate, or remove that line if the indicator is an amount"
    ]


def test_two_targets_that_imply_different_measures_are_refused():
    out = problems("""
        indicators:
          g: {name: Growth}
        targets:
          - {id: avg, type: average, indicator: g, at_least: 10, from: 2021, to: 2025}
          - {id: total, type: cumulative, indicator: g, at_least: 10, from: 2021, to: 2025}
    """)
    assert out == [
        "targets.yaml:5:5: error: target 'total': a cumulative target adds up an amount per period "
        "(measure: flow), but the average target on line 4 reads indicator 'g' as a rate; "
        "an indicator is one or the other: declare its measure and keep the targets that fit it"
    ]


def test_starter_style_cli_run_with_an_implied_measure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    make_tracker(
        tmp_path,
        monkeypatch,
        dedent("""
        version: 1
        indicators:
          fdi: {name: FDI, unit: million USD}
        targets:
          - {id: total, type: cumulative, indicator: fdi, at_least: 300, from: 2021, to: 2023}
    """),
        "indicator,period,value,status,source,note,recorded_at\n"
        "fdi,2021,100,,,,2022-01-01T00:00:00Z\nfdi,2022,120,,,,2023-01-01T00:00:00Z\n",
    )
    r = runner.invoke(app, ["status", "-f", "csv"])
    assert r.exit_code == 0, r.stderr
    assert runner.invoke(app, ["check"]).exit_code == 0


@pytest.mark.parametrize(
    "text, message",
    [
        ("0999", "'0999': year 999 is out of range; write a year from 1000 to 9999"),
        ("0999-H1", "'0999-H1': year 999 is out of range; write a year from 1000 to 9999"),
    ],
)
def test_a_year_out_of_range_says_the_valid_range(text: str, message: str):
    from qntrack.plan.periods import PeriodError, parse_period

    with pytest.raises(PeriodError) as info:
        parse_period(text)
    assert str(info.value).startswith(message)


def test_two_milestones_in_one_year_name_both_lines():
    out = problems("""
        indicators:
          x: {name: X}
        targets:
          - id: a
            indicator: x
            baseline: 2020
            milestones:
              - {by: 2025, value: 15}
              - {by: 2025, value: 18}
    """)
    assert out == [
        "targets.yaml:9:14: error: target 'a': two milestones for 2025 (lines 8 and 9); "
        "a target has one value a year: keep one"
    ]


def test_history_of_an_unknown_id_suggests_known_ones(tracker: Path):
    r = runner.invoke(app, ["history", "shar"])
    assert r.exit_code == 1
    assert r.stderr == "targets.yaml: error: no indicator 'shar'; did you mean 'share'? (indicators: share, mining)\n"
    r = runner.invoke(app, ["history", "zzz"])
    assert r.stderr == "targets.yaml: error: no indicator 'zzz' (indicators: share, mining)\n"


def test_history_of_a_target_id_names_its_indicator(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    make_tracker(
        tmp_path,
        monkeypatch,
        dedent("""
        version: 1
        indicators:
          cbct_share: {name: Share}
        targets:
          - {id: cbct-share, indicator: cbct_share, baseline: 2020}
    """),
        "indicator,period,value,status,source,note,recorded_at\n",
    )
    r = runner.invoke(app, ["history", "cbct-share"])
    assert r.exit_code == 1
    assert r.stderr == "targets.yaml: error: 'cbct-share' is a target; its indicator is 'cbct_share'\n"
    r = runner.invoke(app, ["observations", "--indicator", "cbct-share"])
    assert r.stderr == "targets.yaml: error: 'cbct-share' is a target; its indicator is 'cbct_share'\n"


def test_an_indicator_id_given_for_a_target_names_its_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    make_tracker(
        tmp_path,
        monkeypatch,
        dedent("""
        version: 1
        indicators:
          cbct_share: {name: Share}
        targets:
          - {id: cbct-share, indicator: cbct_share, baseline: 2020}
          - {id: cbct-share-2030, indicator: cbct_share, baseline: 2025}
    """),
        "indicator,period,value,status,source,note,recorded_at\n",
    )
    for args in (["show", "cbct_share"], ["status", "cbct_share"], ["report", "cbct_share"]):
        r = runner.invoke(app, args)
        assert r.exit_code == 1, args
        assert r.stderr == (
            "targets.yaml: error: 'cbct_share' is an indicator, not a target; its targets: "
            "cbct-share, cbct-share-2030\n"
        ), args
