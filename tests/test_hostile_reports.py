"""The review documents read as a demanding reader reads them (issue 17, the thirteenth
session's report pass): the officer's Word, Excel, HTML and Markdown reports, in
Vietnamese and English. Each test is a defect found and fixed (docs/decisions.md, "The
thirteenth session's report pass")."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_chart_is_titled_pygal(shipped: Path, lang: str) -> None:
    """pygal titles a chart given no title "Pygal": a browser showed that word as the
    tooltip of every chart of an HTML report, and a screen reader read it as the chart's
    name, in a Vietnamese document too. The figure's caption names the chart."""
    r = run_clean("report", "--lang", lang, "-o", "r.html", "cbct-share", "budget-revenue-plan-2024")
    assert r.exit_code == 0, r.output
    html = (shipped / "r.html").read_text(encoding="utf-8")
    assert "<svg" in html
    assert "Pygal" not in html
    r = run_clean("report", "--lang", lang, "-o", "r.md", "cbct-share", "budget-revenue-plan-2024")
    assert r.exit_code == 0, r.output
    charts = list((shipped / "r-charts").glob("*.svg"))
    assert len(charts) == 3
    for chart in charts:
        assert "Pygal" not in chart.read_text(encoding="utf-8"), chart.name
