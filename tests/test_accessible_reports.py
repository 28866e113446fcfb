"""The reports for every reader (issue 17): a blind analyst with a screen reader, a
colour-blind reader and a black-and-white printer. Checked on the structure a screen
reader reads (WCAG 2.1 AA), with readers independent of qntrack: lxml for the HTML,
python-docx's XML for Word, openpyxl for Excel (docs/decisions.md, "Accessible reports")."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import html as lxml_html

from helpers import SHIPPED_DAY, made_once, run, shipped_report

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-12-01"
SVG = "{http://www.w3.org/2000/svg}"


def _report(factory: pytest.TempPathFactory, fmt: str, lang: str, suffix: str, *extra: str) -> Path:
    """The shipped plan's report as of AS_OF, made once a session (helpers.shipped_report)."""
    assert AS_OF == SHIPPED_DAY and suffix == {"markdown": "md"}.get(fmt, fmt)
    return shipped_report(factory, fmt, lang, *extra)


@pytest.fixture(scope="module", params=["en", "vi"])
def page(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, object]:
    path = _report(tmp_path_factory, "html", request.param, "html", "--since", "2025-06-30")
    return request.param, lxml_html.parse(str(path)).getroot()


# --- HTML ------------------------------------------------------------------------------------


def test_html_every_chart_has_a_text_alternative_saying_what_it_shows(page):
    """An inline SVG is an image to a screen reader only with role="img", and its name
    must say what it shows: before, pygal's own title was removed (it said "Pygal") and
    nothing took its place, so NVDA read out every axis label and tooltip one by one."""
    lang, doc = page
    figures = doc.findall(".//figure")
    assert figures
    for figure in figures:
        svg = figure.find("svg")
        assert svg is not None
        assert svg.get("role") == "img", figure.get("data-target")
        assert svg.get("aria-label"), figure.get("data-target")
    cbct = doc.find(".//figure[@data-target='cbct-share']/svg").get("aria-label")
    if lang == "en":
        # targets.yaml: cbct-share's name; the level chart draws the full-year figures and
        # the milestones (docs/report.md, "The charts"), and its data are in the tables.
        assert cbct.startswith("Chart: CBCT share of GRDP: 15% by 2025, 30% by 2030.")
        assert "Actual (full year)" in cbct and "Milestones" in cbct
        assert "tables" in cbct
        groups = doc.find(".//figure[@data-target='groups']/svg").get("aria-label")
        # The four groups of targets.yaml, first group first as in the table above it.
        assert "Resolution 01-NQ/TU; Five-year plan 2021-2025; Annual socio-economic plans; Annual FDI plans" in groups
    else:
        assert cbct.startswith("Biểu đồ: Tỷ trọng CBCT trong GRDP: 15% năm 2025, 30% năm 2030.")
        assert "Thực tế (cả năm)" in cbct


def test_html_every_table_header_has_a_scope(page):
    """A header cell says whether it heads a column or a row, so a screen reader reads
    "Status: Target achieved" in a row and "Latest: 12.3 %" in the key-figure tables."""
    _, doc = page
    headers = list(doc.iter("th"))
    assert headers
    assert {th.get("scope") for th in headers} <= {"col", "row"}, "a <th> without scope"
    # The assessment and key-figure tables name their rows, not their columns.
    facts = doc.find(".//table[@class='facts']")
    assert {th.get("scope") for th in facts.iter("th")} == {"row"}


def test_html_has_landmarks_and_a_skip_link_that_lands(page):
    """One <main>, a <nav> with the way to the summary, and a first link that skips the
    cover to the content; every in-page link has a target, and no id is used twice."""
    _, doc = page
    assert len(doc.findall(".//main")) == 1
    assert doc.findall(".//nav")
    ids = [e.get("id") for e in doc.iter() if isinstance(e.tag, str) and e.get("id")]
    assert len(ids) == len(set(ids))
    first = next(doc.find("body").iter("a"))
    assert first.get("href") == "#main" and doc.get_element_by_id("main").tag == "main"
    for a in doc.iter("a"):
        href = a.get("href", "")
        if href.startswith("#"):
            assert href[1:] in ids, href


def test_html_headings_one_h1_no_level_skipped(page):
    _, doc = page
    levels = [int(e.tag[1]) for e in doc.iter() if isinstance(e.tag, str) and re.fullmatch(r"h[1-6]", e.tag)]
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, (before, after)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_by_hand():
    # White on black: (1 + 0.05) / (0 + 0.05) = 21. White on #43a047 (the old "substantial
    # progress"): R 0x43=67 -> 0.2627 -> ((0.2627+0.055)/1.055)^2.4 = 0.0561; G 0xa0=160 ->
    # 0.6275 -> 0.3515; B 0x47=71 -> 0.2784 -> 0.0630; L = 0.2126*0.0561 + 0.7152*0.3515 +
    # 0.0722*0.0630 = 0.2679; 1.05 / 0.3179 = 3.30: below the 4.5 that small text needs.
    assert _contrast("#ffffff", "#000000") == pytest.approx(21)
    assert _contrast("#ffffff", "#43a047") == pytest.approx(3.30, abs=0.01)


def test_html_status_labels_are_legible(page):
    """Each status label's text against its colour is at least 4.5:1 (WCAG 1.4.3: the
    labels are 12 px bold, not "large text"). White on the green of substantial progress
    (3.3), the orange of limited progress (3.1) and the grey of not available (3.2) were
    not; the colours stay (they are the charts' and the workbook's), the text turns dark."""
    _, doc = page
    css = doc.find(".//style").text
    pill_text = re.search(r"\.pill \{[^}]*?color: #([0-9a-f]{3}|[0-9a-f]{6});", css)[1]
    pill_text = "#" + ("".join(c * 2 for c in pill_text) if len(pill_text) == 3 else pill_text)
    rules = re.findall(r"\.s-(\w+) \{ background: (#[0-9a-f]{6});(?: color: (#[0-9a-f]{6});)? \}", css)
    assert len(rules) == 7
    for status, background, text in rules:
        assert _contrast(text or pill_text, background) >= 4.5, status


def test_html_status_is_never_colour_alone(page):
    """Every coloured label carries its status in words."""
    _, doc = page
    pills = [e for e in doc.iter("span") if "pill" in (e.get("class") or "")]
    assert pills and all(p.text_content().strip() for p in pills)


# --- Word ------------------------------------------------------------------------------------


def test_docx_every_chart_has_alt_text_saying_what_it_shows(tmp_path_factory: pytest.TempPathFactory):
    """Word reads a picture's alt text from its wp:docPr's descr; python-docx writes
    none, so every chart was an unnamed "Picture 3" to JAWS."""
    for lang, start in (("en", "Chart: "), ("vi", "Biểu đồ: ")):
        path = _report(tmp_path_factory, "docx", lang, "docx")
        xml = zipfile.ZipFile(path).read("word/document.xml").decode()
        pictures = re.findall(r"<wp:docPr [^>]*>", xml)
        assert pictures
        for p in pictures:
            descr = re.search(r'descr="([^"]*)"', p)
            assert descr and descr[1].startswith(start), p
        if lang == "en":
            assert any("Chart: CBCT share of GRDP: 15% by 2025, 30% by 2030." in p for p in pictures)


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_chart_alt_text_says_what_it_shows(tmp_path_factory: pytest.TempPathFactory):
    """The image's alt text is the same text alternative as the HTML's, not only its
    title: a reader without the picture learns what it shows and where its figures are."""
    path = _report(tmp_path_factory, "markdown", "en", "md")
    text = path.read_text(encoding="utf-8")
    images = re.findall(r"!\[([^\]]|\\\])*\]\(", text)
    assert images
    line = next(line for line in text.splitlines() if line.startswith("![") and "cbct-share.svg" in line)
    assert "Actual (full year)" in line and "Milestones" in line


def test_html_nothing_is_said_only_in_a_title_attribute(page):
    """A title attribute is read by no screen reader by default and shown by no touch
    screen or printer. The "since the last review" table named each target's id only in
    one (<span title="fdi-plan-2025">); its name now links to the target's section, as
    the summary's does. A source's link keeps its title (the whole address), which its
    href says too."""
    _, doc = page
    titled = [e for e in doc.iter() if isinstance(e.tag, str) and e.get("title") is not None]
    assert titled and all(e.tag == "a" and e.get("title") == e.get("href") for e in titled)
    since = doc.get_element_by_id("since")
    changed = since.findall(".//table")[-1]
    # The shipped plan since 2025-06-30: the 2025 FDI plan's figure was recorded after it,
    # so its status changed (the audit of the sample: fdi-plan-2025 is among the rows).
    links = [a.get("href") for a in changed.iter("a") if not a.get("href", "").startswith("http")]
    assert "#t-fdi-plan-2025" in links
    ids = {e.get("id") for e in doc.iter() if isinstance(e.tag, str)}
    assert all(h[1:] in ids for h in links)


# --- Excel -----------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["en", "vi"])
def workbook(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    return request.param, _report(tmp_path_factory, "xlsx", request.param, "xlsx")


def test_xlsx_every_block_of_cells_is_a_table_a_screen_reader_can_name(workbook):
    """Excel's screen-reader support (and its Accessibility Checker) finds a sheet's
    tables by a defined table or an autofilter. The Charts sheet holds one block of cells
    per level target, under a title row, with neither: JAWS read its figures as loose
    cells. Each block is now a defined table whose header row is the block's own."""
    import openpyxl

    lang, path = workbook
    book = openpyxl.load_workbook(path)
    charts = book["Charts" if lang == "en" else "Biểu đồ"]
    tables = list(charts.tables.values())
    # The shipped plan's level targets with a full-year figure: cbct-share,
    # grdp-per-capita, mining-share (targets.yaml; docs/report.md, Excel "Charts").
    assert len(tables) == 3
    first = tables[0]
    assert first.ref.startswith("A2:")  # under the title row in A1
    header = [c.value for c in charts[2]][: len(first.tableColumns)]
    assert [c.name for c in first.tableColumns] == header
    assert header[0] == ("Year" if lang == "en" else "Năm")
    for ws in book.worksheets:
        assert ws.auto_filter.ref or ws.tables, ws.title


def test_xlsx_every_native_chart_has_alt_text(workbook):
    """A chart's alt text is its drawing's xdr:cNvPr descr; XlsxWriter writes one only
    when asked. It names the chart and says where its figures are."""
    lang, path = workbook
    with zipfile.ZipFile(path) as z:
        drawings = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/drawings/drawing")]
    frames = re.findall(r"<xdr:cNvPr [^>]*>", "".join(drawings))
    assert len(frames) == 4  # the groups' chart and the three level targets'
    start = "Chart: " if lang == "en" else "Biểu đồ: "
    for frame in frames:
        descr = re.search(r'descr="([^"]*)"', frame)
        assert descr and descr[1].startswith(start), frame


# --- PDF -------------------------------------------------------------------------------------


def test_pdf_is_tagged_and_its_charts_have_alt_text(tmp_path_factory: pytest.TempPathFactory):
    """A screen reader reads a PDF by its tags (its structure tree): headings, tables
    with their header cells, figures with their alt text. WeasyPrint writes none unless
    asked (``pdf_tags``), so the PDF sent on was, to NVDA, one run of text per page in
    layout order, and its charts nothing at all. A chart's alt text is its SVG <title>."""
    pypdf = pytest.importorskip("pypdf", reason="pypdf is in the test extra")
    pytest.importorskip("weasyprint", reason="the pdf extra")

    def make(out: Path) -> None:
        result = run(
            "report",
            "--format",
            "pdf",
            "-o",
            str(out),
            "--as-of",
            AS_OF,
            "--targets",
            str(ROOT / "targets.yaml"),
            "cbct-share",
        )
        assert result.exit_code == 0, result.output

    path = made_once(tmp_path_factory, "accessible-cbct-share.pdf", make)
    catalog = pypdf.PdfReader(str(path)).trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "en"
    # A viewer's title bar shows the report's title, not the file's name (PDF/UA, WCAG's
    # PDF18); WeasyPrint sets it with the tags.
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    figures = []

    def walk(node) -> None:
        node = node.get_object()
        if node.get("/S") == "/Figure":
            figures.append(node)
        kids = node.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict):
                walk(kid)

    walk(catalog["/StructTreeRoot"])
    # cbct-share's chart (a level target with figures) and the groups' chart (its group,
    # Resolution 01-NQ/TU, is named in targets.yaml, so the report has one).
    assert len(figures) == 2
    alts = [str(f.get("/Alt", "")) for f in figures]
    assert any(a.startswith("Chart: CBCT share of GRDP: 15% by 2025, 30% by 2030.") for a in alts), alts
    assert all(a.startswith("Chart: ") for a in alts), alts


def test_html_units_chart_says_each_bar_status_in_words(page):
    """The units' bars are coloured by status, and the colour was the only sign of it on
    the bar: green against grey is lost to a colour-blind reader and on a black-and-white
    page. Each bar's label now ends with its status in words, as the table beside it
    says it (budget-revenue-plan-2024's units table, --as-of 2026-12-01: Cẩm Phả target
    achieved, Hạ Long and Móng Cái not available, their plans not assigned)."""
    lang, doc = page
    svg = doc.find(".//figure[@data-target='budget-revenue-plan-2024_units']/svg")
    texts = {t.text for t in svg.iter() if isinstance(t.tag, str) and t.text}
    if lang == "en":
        expected = [
            "1. Cẩm Phả: 18,000 billion VND (2024) · Target achieved",
            "2. Hạ Long: 18,135 billion VND (2024) · Not available",
            "3. Móng Cái: 5,000 billion VND (2023) · Not available",
        ]
    else:
        expected = [
            "1. Cẩm Phả: 18.000 tỷ đồng (2024) · Đã đạt mục tiêu",
            "2. Hạ Long: 18.135 tỷ đồng (2024) · Chưa đủ số liệu",
            "3. Móng Cái: 5.000 tỷ đồng (2023) · Chưa đủ số liệu",
        ]
    assert set(expected) <= texts, sorted(t for t in texts if t[:2] in ("1.", "2.", "3."))


def test_markdown_chart_files_are_named_inside_too(tmp_path_factory: pytest.TempPathFactory):
    """A chart file beside a Markdown report is opened on its own too (a wiki that links
    it, a browser): its SVG <title>, which a screen reader takes as its name, is the
    Markdown image's alt text; before, the file had no name at all."""
    import xml.etree.ElementTree as ET

    path = _report(tmp_path_factory, "markdown", "en", "md")
    text = path.read_text(encoding="utf-8")
    link = re.search(r"\]\(([^)]*cbct-share\.svg)\)", text)[1]
    svg = ET.parse(path.parent / link).getroot()
    title = svg.find(SVG + "title")
    assert title is not None and title.text.startswith("Chart: CBCT share of GRDP: 15% by 2025, 30% by 2030.")
    assert svg.get("role") == "img"


def test_status_bars_are_outlined_so_a_light_colour_stands_out(page):
    """A graphic needs 3:1 against what is next to it (WCAG 1.4.11): the yellow of moderate
    progress is 1.9:1 on the white plot (#f2b233: R 0.888, G 0.445, B 0.033 linear; L = 0.51;
    1.05 / 0.56 = 1.9), so its bar
    was hard to see and vanished in a black-and-white print. The bars of the groups' and the
    units' charts (the status colours) are outlined in the report's ink, 15.9:1 on white."""
    _, doc = page
    assert _contrast("#f2b233", "#ffffff") < 3 <= _contrast("#1a1a1a", "#ffffff")
    for target in ("groups", "budget-revenue-plan-2024_units"):
        svg = doc.find(f".//figure[@data-target='{target}']/svg")
        css = " ".join(s.text or "" for s in svg.iter() if isinstance(s.tag, str) and s.tag.endswith("style"))
        chart_id = svg.get("id")
        rule = re.search(rf"#{re.escape(chart_id)} \.rect\.reactive\s*\{{([^}}]*)\}}", css)
        assert rule and re.search(r"stroke:\s*#1a1a1a", rule[1]), target


def test_xlsx_status_bars_are_outlined_too(workbook):
    """Excel's groups chart draws the same status colours as the HTML's: each series'
    bars are outlined in the report's ink (1A1A1A), not left borderless (a yellow bar is
    1.9:1 on white, test_status_bars_are_outlined_so_a_light_colour_stands_out)."""
    _, path = workbook
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    bars = [c for c in charts if "<c:barChart>" in c]
    assert len(bars) == 1
    series = re.findall(r"<c:ser>.*?</c:ser>", bars[0], flags=re.S)
    assert series
    for s in series:
        line = re.search(r"<a:ln[^>]*>(.*?)</a:ln>", s, flags=re.S)
        assert line and 'srgbClr val="1A1A1A"' in line[1], s[:300]
