"""The leader's Word and Excel reports (issue 17, twenty-second session): what the
Vice-Chairman, who reads only the Word report and the workbook, found when both were
printed and looked at page by page. Each defect's test was written failing first, its
expected values worked out by hand in a comment (docs/decisions.md, "The leader's Word and
Excel reports")."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import OUTPUT_ENVIRONMENT, ROOT, STORE_HEADER, make_tracker
from helpers import run_clean, shipped_report

docx = pytest.importorskip("docx")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Three of the shipped targets, one chart of each shape: a level target drawn against the
# years (cbct-share, % GRDP), a year's plan drawn as two bars (fdi-plan-2023-ubnd, 3,130
# against 1,200 million USD) and a target by locality drawn as one bar per unit
# (budget-revenue-plan-2024, billion VND: Hạ Long 18,135, Cẩm Phả 18,000, Móng Cái 5,000).
THREE = ("cbct-share", "fdi-plan-2023-ubnd", "budget-revenue-plan-2024")


@pytest.fixture(scope="module")
def shipped_reports(tmp_path_factory: pytest.TempPathFactory):
    """``report(lang, fmt, *targets)``: the path of the shipped plan's report (as of today,
    as a run in a copy of the shipped folder makes it), made once a module: several tests
    below read the same Word, HTML or Excel report and none changes it."""
    import shutil

    folder = tmp_path_factory.mktemp("leader")
    for name in ("targets.yaml", "observations.csv"):
        shutil.copyfile(ROOT / name, folder / name)
    made: dict[tuple[str, ...], Path] = {}

    def report(lang: str, fmt: str, *targets: str) -> Path:
        key = (lang, fmt, *targets)
        if key not in made:
            out = folder / f"r{len(made)}.{fmt}"
            with pytest.MonkeyPatch.context() as mp:
                for name in [n for n in os.environ if n.startswith("QNTRACK_") or n in OUTPUT_ENVIRONMENT]:
                    mp.delenv(name)
                mp.chdir(folder)
                r = run_clean("--lang", lang, "report", "--format", fmt, "-o", out.name, *targets)
            assert r.exit_code == 0, r.stderr
            made[key] = out
        return made[key]

    return report


def _svgs(html: str) -> dict[str, str]:
    """The report's charts by their id: chart-<target id>."""
    return {m[1]: m[0] for m in re.finditer(r'<svg[^>]*\bid="(chart-[^"]+)".*?</svg>', html, re.S)}


# --- 1. Every chart says the unit of its figures ---------------------------------------------


def test_each_chart_says_the_unit_of_its_figures(shipped_reports):
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
        svgs = _svgs(shipped_reports(lang, "html", *THREE).read_text(encoding="utf-8"))
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
        document = docx.Document(str(shipped_reports(lang, "docx", *THREE)))
        alts = [e.get("descr") for e in document.element.body.iter("{*}docPr")]
        said = "Đơn vị tính: {}." if lang == "vi" else "Unit: {}."
        # The groups chart counts targets; the three targets' charts follow it in order.
        assert [any(said.format(u) in (alt or "") for alt in alts) for u in units.values()] == [True] * 3, alts


# --- 2. The value axis of a bar chart is legible ------------------------------------------------


def test_a_bar_charts_axis_labels_do_not_run_into_each_other(shipped_reports):
    # The units chart of the 2024 budget wrote "0 2.000 4.000 ... 18.000" every 34.8 px
    # under the bars; "10.000" is six characters of DejaVu Sans at 12 px: five digits of
    # 0.636 em (7.6 px) and a separator of 0.318 em (3.8 px), 42 px wide, so the labels
    # printed as "8.00010.00012.000". The FDI plan's "1.000 1.200 ... 3.000" came 39.6 px
    # apart for 34 px labels, touching. A label needs its width and a space of the font's
    # size beside it: centres at least 7.7 px a character (0.64 em, rounding the digit's
    # 0.636 up) plus 12 px apart.
    svgs = _svgs(shipped_reports("vi", "html", *THREE).read_text(encoding="utf-8"))
    for chart_id in ("chart-fdi-plan-2023-ubnd", "chart-budget-revenue-plan-2024_units"):
        axis = re.search(r'<g class="axis x[^"]*">(.*?)</g>\s*</g>', svgs[chart_id], re.S)
        assert axis is not None
        ticks = [(float(x), text) for x, text in re.findall(r'<text[^>]*x="([-\d.]+)"[^>]*>([^<]+)</text>', axis[1])]
        assert len(ticks) >= 3, ticks  # still a scale to read
        for (x0, a), (x1, b) in zip(ticks, ticks[1:], strict=False):
            need = 7.7 * max(len(a), len(b)) + 12
            assert x1 - x0 >= need, (chart_id, a, b, x1 - x0, need)


# --- 3. A table's row is never cut in two by a page's end ------------------------------------


def test_a_tables_row_is_not_split_across_pages(shipped_reports):
    # The summary table's third row (Thu hút trên 50.000 tỷ đồng ... Chưa đủ số liệu (⌛
    # chờ số liệu năm 2025)) is six lines tall: printed, its first line ended page 1 and
    # the rest began page 2, under the repeated header; the observations table's 2023
    # growth (11,02 → 11,03) did the same on pages 9 and 10. Word keeps a row whole when
    # the row says so (w:cantSplit, "Allow row to break across pages" unticked): every
    # row of every table says it, the header row too (none of these holds a cell longer
    # than 1,200 letters: the next test).
    document = docx.Document(str(shipped_reports("vi", "docx", *THREE)))
    rows = [tr for table in document.tables for tr in table._tbl.iter(f"{W}tr")]
    # The summary (a header and three rows), the groups table (a header and its groups),
    # and each section's tables: many rows, every one kept whole.
    assert len(rows) > 20
    assert [tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in rows] == [True] * len(rows)


# --- 4. A negative figure is never broken after its sign ----------------------------------------


def test_a_negative_figure_is_not_broken_at_its_sign(shipped_reports):
    # Under "Tóm lại" of the CBCT share: "Theo lộ trình đến 15% GRDP năm 2025, năm 2023
    # cần 12,65% GRDP; chênh lệch -0,35 điểm %." (12.3 - 12.65 = -0.35): printed, the
    # line ended at "chênh lệch -" and "0,35 điểm %" began the next, a positive figure to a
    # reader of the second line. A hyphen is where Word may break a line; the minus of a
    # figure is written as Word's non-breaking hyphen (w:noBreakHyphen, which prints as
    # "-"), in sentences and in table cells alike. A hyphen between words or numbers
    # ("2021-2025", "01-NQ/TU") stays a hyphen.
    document = docx.Document(str(shipped_reports("vi", "docx", *THREE)))
    body = document.element.body
    texts = [t.text or "" for t in body.iter(f"{W}t")]
    assert not [t for t in texts if re.search(r"(?<![\w.,])-\d", t)], "a minus Word may break after"
    # The sentence reads whole in Word's text: the run holds "chênh lệch ", the
    # non-breaking hyphen, then "0,35 điểm phần trăm."
    sentence = next(p for p in body.iter(f"{W}p") if "chênh lệch" in "".join(t.text or "" for t in p.iter(f"{W}t")))
    pieces = [
        "-" if child.tag == f"{W}noBreakHyphen" else child.text or ""
        for child in sentence.iter(f"{W}t", f"{W}noBreakHyphen")
    ]
    assert "chênh lệch -0,35 điểm phần trăm" in "".join(pieces)
    # Other hyphens stay: the resolution's number, and an address's hyphen before digits
    # (cbct-share's 2020 source, ".../cua-quang-ninh-371411.htm"), a letter before it.
    assert any("01-NQ/TU" in t for t in texts)
    assert any("quang-ninh-371411.htm" in t for t in texts)


def test_a_row_taller_than_a_page_may_still_break(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A row kept whole that is taller than the page has nowhere to go: Word cuts it at the
    # page's foot. A note of 1,500 letters in the observations table's note column (about
    # a quarter of the 165 mm text, 8.5 pt type: some 25 letters a line of 4 mm) runs to
    # 1,500 / 25 * 4 = 240 mm of the page's 257: past a page with the rest of the section.
    # Its row is left free to break; the 2023 figure's row, with a short note, is kept.
    plan = (
        "indicators:\n"
        "  fdi: {name: FDI, unit: million USD, measure: level, direction: increase, frequency: year}\n"
        "targets:\n"
        "  - {id: fdi-2024, type: plan, indicator: fdi, period: 2024, value: 3000}\n"
    )
    store = STORE_HEADER + (
        "fdi,2023,3130,official,GSO,short,2024-01-10T00:00:00Z\n"
        f"fdi,2024,2877.8,official,GSO,{'x' * 1500},2025-01-10T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, plan, store)
    r = run_clean("report", "--format", "docx", "-o", "r.docx")
    assert r.exit_code == 0, r.stderr
    document = docx.Document(str(tmp_path / "r.docx"))
    rows = {
        tr: "".join(t.text or "" for t in tr.iter(f"{W}t"))
        for table in document.tables
        for tr in table._tbl.iter(f"{W}tr")
    }
    figures = [(text, tr.find(f"{W}trPr/{W}cantSplit") is not None) for tr, text in rows.items() if "GSO" in text]
    assert sorted((text[:4], whole) for text, whole in figures) == [("2023", True), ("2024", False)], figures


# --- 5. The workbook's change on last year at the figures' decimals --------------------------


def test_the_workbooks_change_on_last_year_has_the_figures_decimals(shipped_reports):
    # The Summary's "So với cùng kỳ năm trước" of the 2017 growth plan held 0.1 (10.2 in 2017
    # against 10.1 in 2016) under "+#,##0.00 điểm %": Excel showed "+0,10 điểm %" where the
    # Word report, beside it on the leader's desk, says "(+0,1 điểm %)". The cell keeps its
    # number; its format takes the decimals the reports write the change with (i18n.number,
    # up to two, trailing zeros dropped): 2017 +0.1 -> one; 2019 12.01 - 11.1 = +0.91 -> two;
    # 2022 10.28 - 10.28 = 0 -> "0 điểm %", none.
    openpyxl = pytest.importorskip("openpyxl")
    ws = openpyxl.load_workbook(shipped_reports("vi", "xlsx"))["Tổng hợp"]
    headers = [c.value for c in ws[1]]
    change = headers.index("So với cùng kỳ năm trước")
    rows = {row[headers.index("Mã")].value: row[change] for row in ws.iter_rows(min_row=2)}
    pp = '" điểm %"'
    expected = {
        "grdp-growth-plan-2017": (0.1, f"+#,##0.0{pp};-#,##0.0{pp};0{pp}"),
        "grdp-growth-plan-2019": (0.91, f"+#,##0.00{pp};-#,##0.00{pp};0{pp}"),
        "grdp-growth-plan-2022": (0.0, f"+#,##0{pp};-#,##0{pp};0{pp}"),
    }
    for target, (value, shown) in expected.items():
        cell = rows[target]
        assert cell.value == pytest.approx(value, abs=1e-9), target
        assert cell.number_format == shown, (target, cell.number_format)
    # A per-cent change keeps its one decimal, as the Word report's "(-43,5%)" (fdi 2022:
    # 622 against 1,100 is -43.45 %).
    assert rows["fdi-plan-2022"].number_format == '+#,##0.0"%";-#,##0.0"%";0"%"'


# --- 6. The table of contents lists the report's parts, not every target's sub-headings ----------


def test_the_table_of_contents_lists_the_parts_and_the_targets_only(tmp_path_factory: pytest.TempPathFactory):
    # Word fills the TOC field when the leader opens the report: at levels 1-3 it listed
    # the shipped report's 25 parts and targets (Heading 1) and the 73 "Số liệu chính",
    # "Các mốc", "Số liệu", "Tóm lại" under each target (Heading 2): 98 lines of about
    # 6.5 mm at 13 pt, 637 mm, so the first two and a half pages after the title were a
    # table of contents and the groups table, the report's headline, began on page 3 or 4.
    # At level 1 it is 25 lines (about 160 mm); Word's navigation pane still lists every
    # heading (they keep their Heading 2 style).
    # The shipped plan's Vietnamese Word report, as of 2026-12-01 (made once: helpers.py).
    document = docx.Document(str(shipped_report(tmp_path_factory, "docx", "vi")))
    fields = [t.text for t in document.element.body.iter(f"{W}instrText") if "TOC" in (t.text or "")]
    assert len(fields) == 1
    assert re.search(r'\\o "1-1"', fields[0]), fields
    styles = [p.style.name for p in document.paragraphs]
    assert styles.count("Heading 1") == 26 and styles.count("Heading 2") == 73  # 26: the headline's


# --- 7. The workbook wraps a text longer than its column, never cuts it ---------------------------


def test_the_workbook_wraps_a_text_longer_than_its_column(shipped_reports):
    # Columns are as wide as their longest text up to a cap (48 letters; the Figures
    # sheet's 60): the Summary's "Tỷ trọng CBCT trong GRDP: 15% năm 2025, 30% năm 2030" (51
    # letters) was cut at the "Mục tiêu" column's edge by the next cell, and the Figures
    # sheet's source "https://cafef.vn/grdp-binh-quan-dau-nguoi-mot-tinh-mien-bac-vuot-moc-
    # 10000-usd-..." (140 letters) showed its first 60; printed, the text past the cap ran
    # over the next columns or was lost. A text longer than its column now wraps in it
    # (the row grows); a text that fits keeps one line.
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.utils import get_column_letter

    book = openpyxl.load_workbook(shipped_reports("vi", "xlsx"))
    checked = {"wrapped": 0, "one line": 0}
    # The sheet of a target's units too: Hạ Long's status "Chưa đủ số liệu: chưa giao kế
    # hoạch cho đơn vị này" is 50 letters, in a status's fill.
    for name in ("Tổng hợp", "Số liệu", "budget-revenue-plan-2024"):
        ws = book[name]
        widths = {}
        for dim in ws.column_dimensions.values():  # openpyxl groups equal columns (min..max)
            for col in range(dim.min, dim.max + 1):
                widths[get_column_letter(col)] = dim.width
        for row in ws.iter_rows(min_row=3 if name == "budget-revenue-plan-2024" else 2):  # under its title
            for cell in row:
                if not isinstance(cell.value, str) or cell.column_letter not in widths:
                    continue
                too_long = len(cell.value) > widths[cell.column_letter]
                assert bool(cell.alignment.wrap_text) == too_long, (name, cell.coordinate, cell.value)
                checked["wrapped" if too_long else "one line"] += 1
    summary = book["Tổng hợp"]
    names = [c for c in summary["D"] if c.value == "Tỷ trọng CBCT trong GRDP: 15% năm 2025, 30% năm 2030"]
    assert names and names[0].alignment.wrap_text
    units = book["budget-revenue-plan-2024"]
    assert [
        c.alignment.wrap_text for c in units["C"] if str(c.value).endswith("chưa giao kế hoạch cho đơn vị này")
    ] == [
        True,
        True,
    ]
    assert checked["wrapped"] >= 4 and checked["one line"] > 100, checked


# --- 8. A hollow marker's legend entry is hollow --------------------------------------------


def test_the_legend_draws_part_year_readings_hollow_as_the_chart_does(shipped: Path):
    # The average CBCT growth chart draws 2021's full-year figure as a filled blue dot and
    # the part-year readings of years without one (H1 2021, 2023, 2024, 2025) as hollow
    # blue rings; its legend gave both "Thực tế" and "Số liệu chưa đủ năm" the same
    # filled blue square, so the legend could not tell them apart. The part-year entry's
    # square is now drawn as its markers are: white inside, a blue (#1f4e79) outline.
    r = run_clean("--lang", "vi", "report", "--format", "html", "-o", "r.html", "cbct-va-growth-2021-2025")
    assert r.exit_code == 0, r.stderr
    chart = _svgs((shipped / "r.html").read_text(encoding="utf-8"))["chart-cbct-va-growth-2021-2025"]
    entries = re.findall(
        r'<g id="[^"]*activate-serie-\d+" class="legend[^>]*>(<rect[^>]*>)(?:<path[^>]*>)?<text[^>]*>([^<]*)</text>',
        chart,
    )
    swatches = {name: rect for rect, name in entries}
    assert "fill: white" in swatches["Số liệu chưa đủ năm"] and "#1f4e79" in swatches["Số liệu chưa đủ năm"]
    assert "fill: white" not in swatches["Thực tế"]  # the full-year figures: a solid line (print23)
