"""The kinds are listed once each (kinds.REGISTRY) and said once each (output.views.VIEWS),
and everything that names the kinds reads them from there (docs/architecture.md)."""

from __future__ import annotations

import pytest

from qntrack.files.definitions import TARGET_TYPES, parse_plan
from qntrack.kinds import REGISTRY, kind_of
from qntrack.output.views import VIEWS
from qntrack.plan import model


def test_every_kind_has_a_view_and_its_keys_in_targets_yaml():
    assert list(REGISTRY) == ["level", "every_period", "average", "cumulative", "plan", "open_sdg"]
    assert list(VIEWS) == list(REGISTRY)
    assert TARGET_TYPES == {name: kind.keys for name, kind in REGISTRY.items()}


@pytest.mark.parametrize("name", list(REGISTRY))
def test_a_kind_meets_the_protocol_and_names_its_own_class(name: str):
    kind = REGISTRY[name]
    for method in ("parse", "assess", "overflowed", "relevant_rows", "due"):
        assert callable(getattr(kind, method)), method
    assert kind.target.kind == name
    assert kind_of(kind.target.__new__(kind.target)) is kind
    view = VIEWS[name]
    for method in ("sentences", "chart", "definition", "goal", "key_figures", "show_figures", "report_rows"):
        assert callable(getattr(view, method)), method


def test_the_kinds_imply_the_measures_the_methodology_says():
    # An average compounds growth rates; a cumulative target adds up a flow (docs/methodology.md 2).
    assert {n: k.implies for n, k in REGISTRY.items() if k.implies is not None} == {
        "average": model.Measure.RATE,
        "cumulative": model.Measure.FLOW,
    }


def test_a_target_is_built_by_its_kind():
    plan = parse_plan(
        "version: 1\nindicators:\n  g: {name: g, unit: '%'}\n  f: {name: f, unit: USD}\ntargets:\n"
        "  - {id: a, indicator: g, type: average, at_least: 8, from: 2021, to: 2025}\n"
        "  - {id: c, indicator: f, type: cumulative, at_least: 100, from: 2021, to: 2025}\n"
        "  - {id: p, indicator: f, type: plan, period: 2024, value: 20}\n",
        "targets.yaml",
    )
    assert [type(t) for t in plan.targets] == [model.AverageTarget, model.CumulativeTarget, model.PlanTarget]
    assert plan.indicators["g"].measure is model.Measure.RATE
    assert plan.indicators["f"].measure is model.Measure.FLOW
