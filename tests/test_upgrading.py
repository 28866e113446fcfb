"""An office upgrading qntrack over a folder older versions wrote into (issue 17, the
nineteenth session): their reports, charts, caches, journals and stores are read or
replaced as the current version's own would be (docs/decisions.md, "An office upgrading
qntrack")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker, SMALL_OBSERVATIONS, SMALL_TARGETS
from helpers import run


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)


# The first bytes of a chart as qntrack 0.1 wrote it (no generator mark yet), copied from
# `report -o review.md` run by commit 001a7f0 (1 December 2026): pygal's root element
# declares the xlink namespace before the chart's id.
CHART_01 = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'id="chart-share" class="pygal-chart" viewBox="0 0 760 340"><defs><style type="text/css">'
    "#chart-share{-webkit-user-select:none}</style></defs><g/></svg>"
)
MARKDOWN_01 = (
    "# Test plan\n\nold\n\n---\n\nMade by qntrack 0.1.0. Statuses follow the "
    "Statistics Canada / Open SDG progress measure (docs/methodology.md).\n"
)


def test_a_report_and_charts_qntrack_0_1_wrote_are_made_again_without_force(plan: Path):
    """docs/report.md promises that an upgrade does not ask for --force to re-make a 0.1
    report; its charts were taken for foreign files (the recognised element had no
    xmlns:xlink, which every chart pygal wrote has), so `report -o review.md` exited 2."""
    (plan / "review.md").write_text(MARKDOWN_01, encoding="utf-8")
    (plan / "review-charts").mkdir()
    (plan / "review-charts" / "share.svg").write_text(CHART_01, encoding="utf-8")
    result = run("report", "-o", "review.md")
    assert result.exit_code == 0, result.output
    assert "old" not in (plan / "review.md").read_text(encoding="utf-8")
    assert (plan / "review-charts" / "share.svg").read_text(encoding="utf-8") != CHART_01


def test_a_note_that_only_looks_like_a_0_1_chart_is_still_foreign(plan: Path):
    """The 0.1 chart is recognised by its root element at the very start, not anywhere."""
    (plan / "review-charts").mkdir()
    (plan / "review-charts" / "share.svg").write_text("my own drawing\n" + CHART_01, encoding="utf-8")
    result = run("report", "-o", "review.md")
    assert result.exit_code == 2, result.output
    assert "share.svg" in result.stderr
