"""Period and figure hints on the paths that still gave the bare refusal (issue 17,
twenty-fourth session, pass X2). Each test was written failing first; the readings are
worked by hand from the text typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean
from test_review24 import shipped as shipped_here  # noqa: F401  (the fixture `shipped`, in its folder)

ROOT = Path(__file__).resolve().parent.parent


def _plan_period(shipped: Path, typed: str) -> int:
    plan = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    line = plan[: plan.index("    period: 2022")].count("\n") + 1  # fdi-plan-2022's period
    (shipped / "targets.yaml").write_text(
        plan.replace("    period: 2022", f'    period: "{typed}"', 1), encoding="utf-8"
    )
    return line


# --- (a) targets.yaml's `period: Thg3-26` (Excel's Vietnamese mmm-yy of March 2026) and
# `Mar-26` were "not a period; valid forms", where the command line and an import's cell
# are told 2026-03. A first-N-months span with a slash (`9M/2026`, `9M/26`) was the bare
# list everywhere: 9M is the span's own mark (2026-9M), so it is told that form.


@pytest.mark.parametrize(
    ("typed", "meant"), [("Thg3-26", "2026-03"), ("Mar-26", "2026-03"), ("9M/26", "2026-9M"), ("9M/2026", "2026-9M")]
)
def test_targets_yaml_is_told_the_period_of_a_month_date_and_a_span(shipped: Path, typed: str, meant: str):
    line = _plan_period(shipped, typed)
    result = run_clean("check")
    assert result.exit_code == 1, result.output
    assert f"targets.yaml:{line}:" in result.stderr and f"write {meant}" in result.stderr, result.stderr


@pytest.mark.parametrize(("typed", "meant"), [("9M/26", "2026-9M"), ("9M/2026", "2026-9M"), ("6m-25", "2025-6M")])
def test_a_first_months_span_with_a_slash_is_told_the_form(shipped: Path, typed: str, meant: str):
    result = run_clean("add-observation", "grdp_growth", typed, "9.1", "--dry-run")
    assert result.exit_code == 1, result.output
    assert f"write {meant}" in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert (shipped / "observations.csv").read_bytes() == (ROOT / "observations.csv").read_bytes()


@pytest.mark.parametrize("typed", ["13M/2026", "0M/2026", "9M/2026/26"])
def test_a_span_with_no_such_months_keeps_the_list(shipped: Path, typed: str):
    result = run_clean("add-observation", "grdp_growth", typed, "9.1", "--dry-run")
    assert result.exit_code == 1, result.output
    assert "write 20" not in result.stderr, result.stderr


# --- (c) A figure typed with Excel's text prefix by hand ('9,1) was "''9,1' is not a
# number": the apostrophe is now named, and what to write without it; never read silently.


def test_a_typed_figure_with_a_leading_apostrophe_is_told_to_drop_it(shipped: Path):
    result = run_clean("add-observation", "grdp_growth", "2026-Q1", "'9,1", "--dry-run")
    assert result.exit_code == 1, result.output
    assert "apostrophe" in result.stderr and "write 9,1" in result.stderr, result.stderr
    result = run_clean("--lang", "vi", "add-observation", "grdp_growth", "2026-Q1", "'9,1", "--dry-run")
    assert "dấu nháy" in result.stderr and "9,1" in result.stderr, result.stderr
    assert (shipped / "observations.csv").read_bytes() == (ROOT / "observations.csv").read_bytes()


@pytest.mark.parametrize(("cell", "fixed"), [('"\'9,1"', "9,1"), ("'9.1", "9.1")])
def test_an_import_cell_with_a_leading_apostrophe_is_told_at_its_line(shipped: Path, cell: str, fixed: str):
    (shipped / "in.csv").write_text(
        f"indicator,period,value\ngrdp_growth,2026-Q1,9.0\ngrdp_growth,2026-Q2,{cell}\n", encoding="utf-8"
    )
    result = run_clean("add-observation", "--from", "in.csv", "--dry-run")
    assert result.exit_code == 1, result.output
    assert "in.csv:3:" in result.stderr and "apostrophe" in result.stderr, result.stderr
    assert f"write {fixed}" in result.stderr, result.stderr


def test_an_apostrophe_before_no_number_keeps_the_refusal(shipped: Path):
    result = run_clean("add-observation", "grdp_growth", "2026-Q1", "'abc", "--dry-run")
    assert result.exit_code == 1, result.output
    assert "is not a number" in result.stderr and "apostrophe" not in result.stderr, result.stderr


# --- (b) A wide table's heading one step from a period. Under --wide it is told the form
# (the heading's refusal carries rules.period's reason); without --wide, a table whose
# every period heading was so written was "unknown column 'q1/26'", lower-cased, with no
# word of a period: now told the form and --wide, as a real period heading is told --wide.


@pytest.mark.parametrize(("heading", "meant"), [("Q1/26", "2026-Q1"), ("2026-5", "2026-05"), ("Thg3-26", "2026-03")])
def test_a_wide_heading_one_step_from_a_period_is_told_the_form(shipped: Path, heading: str, meant: str):
    (shipped / "w.csv").write_text(f"indicator,{heading}\ngrdp_growth,9.1\n", encoding="utf-8")
    for wide in ([], ["--wide"]):
        result = run_clean("add-observation", "--from", "w.csv", *wide, "--dry-run")
        assert result.exit_code == 1, result.output
        # Under --wide a month-date heading is quoted lower-cased (its own, older message).
        assert f"'{heading.lower()}'" in result.stderr.lower() and meant in result.stderr, (wide, result.stderr)
        assert "unknown column" not in result.stderr, result.stderr
    result = run_clean("add-observation", "--from", "w.csv", "--dry-run")
    assert f"column '{heading}' is not a period" in result.stderr and "add --wide" in result.stderr, result.stderr


def test_a_wide_heading_near_a_period_in_vietnamese(shipped: Path):
    (shipped / "w.csv").write_text("indicator,Q1/26\ngrdp_growth,9.1\n", encoding="utf-8")
    result = run_clean("--lang", "vi", "add-observation", "--from", "w.csv", "--dry-run")
    assert result.exit_code == 1, result.output
    assert "'Q1/26'" in result.stderr and "ghi 2026-Q1" in result.stderr and "--wide" in result.stderr, result.stderr


def test_a_real_heading_is_still_read(shipped: Path):
    (shipped / "w.csv").write_text("indicator,2026-Q1,Quý II/2026\ngrdp_growth,9.1,9.2\n", encoding="utf-8")
    result = run_clean("add-observation", "--from", "w.csv", "--wide", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "2026-Q1\t9.1" in result.stdout and "2026-Q2\t9.2" in result.stdout, result.stdout
