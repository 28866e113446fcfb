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

from conftest import make_tracker
from helpers import problems, run_clean, series
from qntrack.kinds import assess_target
from qntrack.method.progress import Status
from qntrack.files.definitions import parse_plan

_NOT_FINITE = re.compile(r"(?<![A-Za-z])(-?inf|nan|Infinity|NaN)(?![A-Za-z])")


def _add(*args: str) -> None:
    r = run_clean("add-observation", *args, "--recorded-at", "2025-03-01T00:00:00Z")
    assert r.exit_code == 0, r.stderr


def _outputs() -> dict[str, str]:
    """What each reading command prints; each must end with exit code 0."""
    out = {}
    for args in (
        ["status"],
        ["status", "--format", "json"],
        ["status", "--format", "csv"],
        ["show", "cbct-share"],
        ["show", "cbct-investment-2021-2025"],
        ["show", "cbct-share", "--format", "json"],
        ["report", "--format", "toml"],
        ["report", "--format", "json"],
        ["report", "--format", "markdown"],
        ["observations", "--indicator", "cbct_share"],
        ["check"],
    ):
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
        "    milestones:\n      - {by: 2025, value: 15}\n      - {by: 2030, value: 30}\n",
        "targets.yaml",
    )
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
        "    at_least: 50000\n",
        "targets.yaml",
    )
    t = plan.targets[0]
    a = assess_target(t, plan.indicators["x"], series("x", ("2021", 1.5e308), ("2022", 1.5e308)))
    assert a.status is Status.NOT_AVAILABLE
    assert a.reason == "overflow"
    assert a.gap is None and a.score is None and a.progress_value is None
    assert a.details["total"] is None
    assert a.details["share_of_target"] is None


# --- derived indicators ---------------------------------------------------------------

_DERIVED = """\
version: 1
indicators:
  a: {{name: "A", unit: "bn"}}
  d: {{name: "D", unit: "bn", formula: "{formula}"}}
targets:
  - id: d-level
    indicator: d
    baseline: 2020
    milestones:
      - {{by: 2030, value: 5}}
"""
_DERIVED_STORE = """\
indicator,period,value,status,source,note,recorded_at
a,2020,2,,s,,2021-01-01T00:00:00Z
a,2021,1e300,,s,,2022-01-01T00:00:00Z
"""


@pytest.mark.parametrize("formula", ["a * a", "1e300 * a", "a * a * a / a"])
def test_a_derived_value_that_is_not_finite_is_left_out_and_said(tmp_path: Path, monkeypatch, formula: str):
    make_tracker(tmp_path, monkeypatch, _DERIVED.format(formula=formula), _DERIVED_STORE)
    for args in (
        ["status"],
        ["show", "d-level"],
        ["report", "--format", "toml"],
        ["observations"],
        ["status", "--format", "json"],
    ):
        r = run_clean(*args)
        assert r.exit_code == 0, (args, r.stderr)
        assert not _NOT_FINITE.search(r.stdout), (args, r.stdout)
        # Left out with a warning, as a division by zero is.
        assert "indicator 'd' in 2021" in r.stderr and "too large" in r.stderr, (args, r.stderr)
    r = run_clean("check")
    assert "indicator 'd' in 2021" in r.stderr and "too large" in r.stderr, r.stderr
    listed = run_clean("check", "--list").stdout
    assert "too large" in next(line for line in listed.splitlines() if line.startswith("derived ")), listed
    # 2020 is finite and stays.
    rows = json.loads(run_clean("observations", "--indicator", "d", "--format", "json").stdout)
    periods = [row["period"] for row in (rows["observations"] if isinstance(rows, dict) else rows)]
    assert "2020" in periods and "2021" not in periods


@pytest.mark.parametrize(("formula", "value"), [("a * a - a * a", 0.0), ("a * a / (a * a)", 1.0)])
def test_a_step_beyond_a_float_is_worked_through_when_the_value_is_not(formula: str, value: float):
    # Worked in decimal since the eighteenth session (plan/formula.py): 1e600 is a step on
    # the way, not the value; these were "too large" when each step was a float.
    from qntrack.plan.formula import parse_formula

    assert parse_formula(formula).evaluate({"a": 1e300}) == value


def test_a_derived_value_in_vietnamese_says_why():
    from qntrack.plan.formula import FormulaError, parse_formula

    with pytest.raises(FormulaError) as err:
        parse_formula("a * a").evaluate({"a": 1e300})
    assert err.value.message.text("vi") != err.value.message.text("en")


def test_a_formula_literal_beyond_a_float_is_refused():
    lines = problems("""\
        version: 1
        indicators:
          a: {name: "A", unit: "bn"}
          d: {name: "D", unit: "bn", formula: "1e400 + a"}
        targets: []
        """)
    assert len(lines) == 1 and "1e400" in lines[0] and "finite" in lines[0], lines


@pytest.mark.parametrize(
    "indicator, period, value, target",
    [
        ("cbct_share", "2024", "1e300", "cbct-share"),
        ("cbct_investment", "2021", "1.5e308", "cbct-investment-2021-2025"),
    ],
)
def test_the_html_report_draws_no_chart_of_figures_too_large(
    shipped: Path, indicator: str, period: str, value: str, target: str
):
    _add(indicator, period, value)
    if indicator == "cbct_investment":
        _add(indicator, "2022", value)
    r = run_clean("report", "--format", "html", "-o", "review.html")
    assert r.exit_code == 0, r.stderr
    html = (shipped / "review.html").read_text(encoding="utf-8")
    assert not _NOT_FINITE.search(html.split("<body", 1)[-1].replace("inherit", "")), _NOT_FINITE.search(html)
    section = html.split(f"<code>{target}</code>", 1)[1].split("</section>", 1)[0]
    assert "too large to draw" in section


def test_figures_of_opposite_signs_near_the_largest_float(shipped: Path):
    """-1.5e308 then 1.5e308: their difference (a change, a sparkline's range, a chart's
    span) is past the largest float; every command still answers, with no inf or NaN."""
    for indicator in ("grdp_per_capita", "grdp_growth"):
        _add(indicator, "2023", "-1.5e308")
        _add(indicator, "2024", "1.5e308")
    for lang in ("en", "vi"):
        for args in (
            ["status", "--format", "table"],
            ["status", "--format", "json"],
            ["show", "grdp-per-capita"],
            ["show", "grdp-growth-plan-2024"],
            ["show", "grdp-double-digit"],
            ["report", "--format", "markdown"],
            ["report", "--format", "toml"],
        ):
            r = run_clean(*args, "--lang", lang)
            assert r.exit_code == 0, (args, r.stderr)
            assert not _NOT_FINITE.search(r.stdout), (args, _NOT_FINITE.search(r.stdout))
    r = run_clean("report", "--format", "html", "-o", "review.html")
    assert r.exit_code == 0, r.stderr


# --- an overflow keeps what is known (issue 12, g2) -------------------------------------

_TINY_PLAN = (
    'version: 1\ntitle: T\nindicators:\n  a:\n    name: A\n    unit: "%"\n    direction: increase\n'
    "targets:\n  - id: a\n    indicator: a\n    baseline: 2020\n    milestones:\n      - {{by: 2025, value: {by}}}\n"
)
_TINY_STORE = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "a,2020,1e-300,,,,2021-01-01T00:00:00Z\na,2021,3e-300,,,,2022-01-01T00:00:00Z\n"
)


@pytest.mark.parametrize("milestone", ["1e300", "10"])
def test_tiny_figures_far_from_their_milestone_keep_the_latest_and_the_deadlines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, milestone: str
):
    # 1e300 / 3e-300 overflows: the year the milestone would be reached was computed from
    # that ratio and threw away the whole assessment. By log(1e300) - log(3e-300) it is
    # about 1257 years at the achieved 200% a year: beyond the 1000-year horizon, "never".
    make_tracker(tmp_path, monkeypatch, _TINY_PLAN.format(by=milestone), _TINY_STORE)
    doc = json.loads(run_clean("status", "--format", "json", "--as-of", "2026-06-30").stdout)
    t = doc["targets"][0]
    assert t["latest"]["period"] == "2021" and t["latest"]["value"] == 3e-300
    assert t["baseline"] == {
        "period": "2020",
        "value": 1e-300,
        "revises": None,
        "revises_source": None,
        "revises_recorded_at": None,
        "revises_status": None,
    }  # keys appended, 32nd session
    assert [m["by"] for m in t["milestones"]] == ["2025"]
    assert t["awaiting_figures"] == ["2025"]
    assert t["next_milestone"] == "2025"
    assert t["achieved_rate"] == pytest.approx(2.0)  # 1e-300 to 3e-300 in one year
    if milestone == "1e300":
        assert t["milestones"][0]["never_reached"] is True
    table = run_clean("status", "--format", "table", "--as-of", "2026-06-30", env={"COLUMNS": "200"}).stdout
    assert "higher is better" not in table, table
    shown = run_clean("show", "a", "--as-of", "2026-06-30").stdout
    assert "No full-year figure yet" not in shown, shown


def test_an_overflow_the_guard_catches_keeps_latest_milestones_and_deadlines(monkeypatch: pytest.MonkeyPatch):
    # Whatever kind computation overflows, assess_target keeps what is known without it.
    import datetime

    from qntrack.kinds import level

    plan = parse_plan(
        "version: 1\nindicators:\n  x: {name: x, unit: '%'}\ntargets:\n"
        "  - id: t\n    indicator: x\n    baseline: 2020\n"
        "    milestones:\n      - {by: 2022, value: 15}\n      - {by: 2025, value: 30}\n      - {by: 2030, value: 40}\n",
        "targets.yaml",
    )

    def overflow(*args, **kwargs):
        raise OverflowError("math range error")

    monkeypatch.setattr(level, "_milestone", overflow)
    rows = series("x", ("2020", 10.0), ("2022", 12.0), ("2023", 20.0))
    a = assess_target(plan.targets[0], plan.indicators["x"], rows, datetime.date(2026, 6, 30))
    assert a.status is Status.NOT_AVAILABLE and a.reason == "overflow"
    assert a.latest is not None and a.latest.value == 20.0
    assert a.baseline is not None and a.baseline.value == 10.0
    assert a.achieved_rate == pytest.approx(2 ** (1 / 3) - 1)  # 10 to 20 in three years
    assert [str(m.by) for m in a.milestones] == ["2022", "2025", "2030"]
    assert all(m.progress_value is None and m.score is None for m in a.milestones)
    assert [str(p) for p in a.awaiting_figures] == ["2025"]  # ended by mid-2026, latest figure 2023
    assert [str(p) for p in a.missed_milestones] == ["2022"]  # 12 on its deadline, short of 15
    assert a.headline == 1
