"""The leader's Word and Excel reports (issue 17, twenty-second session): what the
Vice-Chairman, who reads only the Word report and the workbook, found when both were
printed and looked at page by page. Each defect's test was written failing first, its
expected values worked out by hand in a comment (docs/decisions.md, "The leader's Word and
Excel reports")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import run_clean

docx = pytest.importorskip("docx")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Three of the shipped targets, one chart of each shape: a level target drawn against the
# years (cbct-share, % GRDP), a year's plan drawn as two bars (fdi-plan-2023-ubnd, 3,130
# against 1,200 million USD) and a target by locality drawn as one bar per unit
# (budget-revenue-plan-2024, billion VND: Hạ Long 18,135, Cẩm Phả 18,000, Móng Cái 5,000).
THREE = ("cbct-share", "fdi-plan-2023-ubnd", "budget-revenue-plan-2024")


def _svgs(html: str) -> dict[str, str]:
    """The report's charts by their id: chart-<target id>."""
    return {m[1]: m[0] for m in re.finditer(r'<svg[^>]*\bid="(chart-[^"]+)".*?</svg>', html, re.S)}


# --- 1. Every chart says the unit of its figures ---------------------------------------------


def test_each_chart_says_the_unit_of_its_figures(shipped: Path):
    # The Word report's chart of the UBND's FDI plan drew two bars labelled "3.130" and
    # "1.200" under the caption "Kế hoạch FDI 2023 (UBND tỉnh): 1,2 tỷ USD": nothing on the
    # picture said the bars are millions of USD, and the leader reads 1.200 beside "1,2 tỷ".
    # The CBCT chart's axis ran 10 to 30 with no "% GRDP". The workbook's own charts name
    # the unit on their value axis (report_xlsx_charts); the pictures now do too, as the
    # axis's title: the indicator's unit in the report's language, from targets.yaml
    # (cbct_share: "% GRDP" / "% of GRDP"; fdi: "triệu USD" / "million USD"; budget_revenue:
    # "tỷ đồng" / "billion VND").
    for lang, units in (
        ("vi", {"cbct-share": "% GRDP", "fdi-plan-2023-ubnd": "triệu USD", "budget-revenue-plan-2024": "tỷ đồng"}),
        (
            "en",
            {"cbct-share": "% of GRDP", "fdi-plan-2023-ubnd": "million USD", "budget-revenue-plan-2024": "billion VND"},
        ),
    ):
        r = run_clean("--lang", lang, "report", "--format", "html", "-o", f"r-{lang}.html", *THREE)
        assert r.exit_code == 0, r.stderr
        svgs = _svgs((shipped / f"r-{lang}.html").read_text(encoding="utf-8"))
        for target, unit in units.items():
            chart = svgs[f"chart-{target}" if target != "budget-revenue-plan-2024" else f"chart-{target}_units"]
            titles = re.findall(r'<text[^>]*class="title"[^>]*>([^<]*)</text>', chart)
            assert unit in titles, (lang, target, titles)
        # The title's line under the units chart's bars pushed its legend (a line of 12 px
        # boxes) off the picture's foot: the legend ends inside the picture.
        ranked = svgs["chart-budget-revenue-plan-2024_units"]
        height = float(re.search(r'viewBox="0 0 [\d.]+ ([\d.]+)"', ranked)[1])
        legend_top = float(re.search(r'translate\([\d.]+, ([\d.]+)\)" class="legends"', ranked)[1])
        assert legend_top + 12 <= height, (legend_top, height)
        # The Word document's pictures say it in their alt text, as Excel's charts' do: a
        # screen reader, and a search of the document, find the unit.
        r = run_clean("--lang", lang, "report", "--format", "docx", "-o", f"r-{lang}.docx", *THREE)
        assert r.exit_code == 0, r.stderr
        document = docx.Document(str(shipped / f"r-{lang}.docx"))
        alts = [e.get("descr") for e in document.element.body.iter("{*}docPr")]
        said = "Đơn vị tính: {}." if lang == "vi" else "Unit: {}."
        # The groups chart counts targets; the three targets' charts follow it in order.
        assert [any(said.format(u) in (alt or "") for alt in alts) for u in units.values()] == [True] * 3, alts


# --- 2. The value axis of a bar chart is legible ------------------------------------------------


def test_a_bar_charts_axis_labels_do_not_run_into_each_other(shipped: Path):
    # The units chart of the 2024 budget wrote "0 2.000 4.000 ... 18.000" every 34.8 px
    # under the bars; "10.000" is six characters of DejaVu Sans at 12 px: five digits of
    # 0.636 em (7.6 px) and a separator of 0.318 em (3.8 px), 42 px wide, so the labels
    # printed as "8.00010.00012.000". The FDI plan's "1.000 1.200 ... 3.000" came 39.6 px
    # apart for 34 px labels, touching. A label needs its width and a space of the font's
    # size beside it: centres at least 7.7 px a character (0.64 em, rounding the digit's
    # 0.636 up) plus 12 px apart.
    r = run_clean("--lang", "vi", "report", "--format", "html", "-o", "r.html", *THREE)
    assert r.exit_code == 0, r.stderr
    svgs = _svgs((shipped / "r.html").read_text(encoding="utf-8"))
    for chart_id in ("chart-fdi-plan-2023-ubnd", "chart-budget-revenue-plan-2024_units"):
        axis = re.search(r'<g class="axis x[^"]*">(.*?)</g>\s*</g>', svgs[chart_id], re.S)
        assert axis is not None
        ticks = [(float(x), text) for x, text in re.findall(r'<text[^>]*x="([-\d.]+)"[^>]*>([^<]+)</text>', axis[1])]
        assert len(ticks) >= 3, ticks  # still a scale to read
        for (x0, a), (x1, b) in zip(ticks, ticks[1:], strict=False):
            need = 7.7 * max(len(a), len(b)) + 12
            assert x1 - x0 >= need, (chart_id, a, b, x1 - x0, need)
