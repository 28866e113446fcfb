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


def test_since_table_names_indicators_and_units_in_the_reports_language(shipped: Path) -> None:
    """The table of figures added or revised since the last review named each figure by
    its store key alone: `grdp_growth`, `budget_revenue[locality=Cẩm Phả]`, the
    dimension's English id and brackets in a Vietnamese document for the People's
    Committee, where every other table names the indicator. It names the indicator in the
    report's language, the key's code beside it (what `qntrack history` takes), and the
    unit by its name."""
    for args in (
        ("grdp_growth", "2025", "12.05", "--status", "official", "--source", "Cục Thống kê"),
        ("budget_revenue", "2025", "19000", "--dim", "locality=Cẩm Phả", "--source", "UBND Cẩm Phả"),
    ):
        assert run_clean("add-observation", *args).exit_code == 0
    for lang, growth, revenue in (
        ("vi", "Tốc độ tăng trưởng GRDP", "Thu ngân sách nhà nước trên địa bàn"),
        ("en", "GRDP growth", "State budget revenue collected in the area"),
    ):
        r = run_clean(
            "report", "--lang", lang, "--since", "2026-06-30", "grdp-growth-plan-2025", "budget-revenue-plan-2024"
        )
        assert r.exit_code == 0, r.output
        since = r.stdout.split("\n## ")[3]  # groups, summary, then "since the last review"
        rows = [line for line in since.splitlines() if line.startswith("| ") and "|---" not in line][1:]
        assert len(rows) == 2, since
        assert "locality" not in since and "[" not in since.replace("](", "")
        assert rows[0].startswith(f"| {revenue} (budget\\_revenue), Cẩm Phả |"), rows[0]
        assert rows[1].startswith(f"| {growth} (grdp\\_growth) |"), rows[1]
