"""Figures too large for a float: no output carries inf or NaN, no command crashes (issue 12, f5).

The store refuses inf and nan, but a finite figure of 1e300 makes a projection
(1e300 × (1 + g)^n) overflow, and two of 1.5e308 make a total infinite. Such a figure
is not computed: None, or the status not_available with reason "overflow".
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from helpers import run_clean, series
from qntrack.method.assessment import assess_target
from qntrack.method.progress import Status
from qntrack.files.definitions import parse_plan

_NOT_FINITE = re.compile(r"(?<![A-Za-z])(-?inf|nan|Infinity|NaN)(?![A-Za-z])")


def _add(*args: str) -> None:
    r = run_clean("add-observation", *args, "--recorded-at", "2025-03-01T00:00:00Z")
    assert r.exit_code == 0, r.stderr


def _outputs() -> dict[str, str]:
    """What each reading command prints; each must end with exit code 0."""
    out = {}
    for args in (["status"], ["status", "--format", "json"], ["status", "--format", "csv"],
                 ["show", "cbct-share"], ["show", "cbct-investment-2021-2025"],
                 ["show", "cbct-share", "--format", "json"],
                 ["report", "--format", "toml"], ["report", "--format", "json"],
                 ["report", "--format", "markdown"], ["observations", "--indicator", "cbct_share"], ["check"]):
        r = run_clean(*args)
        assert r.exit_code == 0, (args, r.stderr)
        out[" ".join(args)] = r.stdout
    return out


@pytest.mark.parametrize("value", ["1e300", "1e250"])
def test_a_huge_level_figure_crashes_nothing(shipped: Path, value: str):
    _add("cbct_share", "2024", value, "--status", "official")
    for args, text in _outputs().items():
        assert not _NOT_FINITE.search(text), (args, _NOT_FINITE.search(text))


def test_an_infinite_total_is_not_assessed(shipped: Path):
    _add("cbct_investment", "2021", "1.5e308")
    _add("cbct_investment", "2022", "1.5e308")
    outputs = _outputs()
    for args, text in outputs.items():
        assert not _NOT_FINITE.search(text), (args, _NOT_FINITE.search(text))
    doc = json.loads(run_clean("status", "cbct-investment-2021-2025", "--format", "json").stdout)
    target = doc["targets"][0] if "targets" in doc else doc[0]
    assert target["status"] == "not_available"
    assert target["reason"] == "overflow"
    assert "too large" in outputs["show cbct-investment-2021-2025"]


def test_projection_that_overflows_is_none():
    plan = parse_plan(
        "version: 1\nindicators:\n  x: {name: x, unit: '%'}\ntargets:\n"
        "  - id: t\n    indicator: x\n    baseline: {period: 2020, value: 9.8}\n"
        "    milestones:\n      - {by: 2025, value: 15}\n      - {by: 2030, value: 30}\n", "targets.yaml")
    t = plan.targets[0]
    a = assess_target(t, plan.indicators["x"], series("x", ("2021", 11.0), ("2024", 1e300)))
    # 1e300 passes both milestones: achieved, whatever its growth rate.
    assert a.status is Status.TARGET_ACHIEVED
    for m in a.milestones:
        for name in ("projected", "trajectory", "deviation", "gap", "progress_value", "score"):
            v = getattr(m, name)
            assert v is None or math.isfinite(v), (name, v)


def test_cumulative_total_that_overflows_is_not_available():
    plan = parse_plan(
        "version: 1\nindicators:\n  x: {name: x, unit: 'bn'}\ntargets:\n"
        "  - id: t\n    indicator: x\n    type: cumulative\n    from: 2021\n    to: 2025\n"
        "    at_least: 50000\n", "targets.yaml")
    t = plan.targets[0]
    a = assess_target(t, plan.indicators["x"], series("x", ("2021", 1.5e308), ("2022", 1.5e308)))
    assert a.status is Status.NOT_AVAILABLE
    assert a.reason == "overflow"
    assert a.gap is None and a.score is None and a.progress_value is None
    assert a.details["total"] is None
    assert a.details["share_of_target"] is None
