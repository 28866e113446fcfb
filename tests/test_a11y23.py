"""Reports for a screen reader and a black-and-white printer (issue 17, twenty-third
session): what the accessible-reports pass (fifteenth session) left, read with readers
independent of qntrack: lxml for the HTML, the Word file's XML, pypdf for the PDF's text
(docs/decisions.md, "Reports for a screen reader and a black-and-white printer")."""

from __future__ import annotations

import html as html_lib
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import make_tracker
from helpers import run_clean

ROOT = Path(__file__).resolve().parent.parent

# --- a stored text that a hand edit left a bidirectional override or a control in -------

PLAN = """\
version: 1
title: "Hostile text"
indicators:
  revenue:
    name: "Budget revenue"
    unit: "billion VND"
    measure: flow
targets:
  - id: rev
    name: "Revenue \u202eXYZ plan"
    indicator: revenue
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 20}
"""

# Row 2: a source with an override (U+202E) and an escape sequence (ESC [ 2 J) a hand edit
# left; a note with an override closed by U+202C and a bell (U+0007). Row 3: a source that
# needs what it holds: an Arabic name in an isolate (U+2067 ... U+2069), closed and with
# no override inside, which check's invisible rule accepts (test_review22.py).
STORE = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "revenue,2021,11,official,abc\u202eevil.com\x1b[2J,note \u202etxet\u202c end \x07bell,2022-01-01T00:00:00Z\n"
    "revenue,2022,12,official,Minister \u2067\u0645\u062d\u0645\u062f\u2069 report,,2023-01-01T00:00:00Z\n"
)

# What a reader must see instead of each, as the terminal shows it (terminal_text.visible):
# the override by its code, the control as a \x escape.
SHOWN = ["Revenue <U+202E>XYZ plan", "abc<U+202E>evil.com\\x1b[2J", "note <U+202E>txet<U+202C> end \\x07bell"]
# Kept as stored: the isolate the Arabic name needs.
KEPT = "Minister \u2067\u0645\u062d\u0645\u062f\u2069 report"
ACTIVE = "\u202e\u202c\x1b\x07"


def _hostile_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> Path:
    make_tracker(tmp_path, monkeypatch, PLAN, STORE)
    r = run_clean("report", "-o", f"r.{suffix}", "--as-of", "2026-01-01")
    assert r.exit_code == 0, r.output
    return tmp_path / f"r.{suffix}"


def test_the_html_report_shows_an_override_and_a_control_character_visibly(tmp_path, monkeypatch):
    """Before, the HTML wrote them as stored: a browser laid "abc<U+202E>evil.com" out as
    "abcmoc.live", and `cat report.html` on a terminal cleared the screen (ESC [ 2 J)."""
    path = _hostile_report(tmp_path, monkeypatch, "html")
    raw = path.read_text(encoding="utf-8")
    assert not any(c in raw for c in ACTIVE), [c for c in ACTIVE if c in raw]
    text = lxml_html.fromstring(raw.encode("utf-8")).text_content()
    for shown in SHOWN:
        assert shown in text, shown
    assert KEPT in text


def test_the_html_reports_charts_show_an_override_by_its_code_too(tmp_path, monkeypatch):
    # The target's name is in its chart's title and text alternative (inline SVG).
    path = _hostile_report(tmp_path, monkeypatch, "html")
    doc = lxml_html.parse(str(path)).getroot()
    figures = doc.findall(".//figure")
    assert figures
    for figure in figures:
        svg = figure.find("svg")
        assert svg is not None
        assert "Revenue <U+202E>XYZ plan" in svg.get("aria-label", ""), svg.get("aria-label")


def test_the_word_report_shows_an_override_and_a_control_character_visibly(tmp_path, monkeypatch):
    """Before, Word kept the override (the source read reversed) and wrote a control
    character as U+FFFD, which says something was there but not what."""
    path = _hostile_report(tmp_path, monkeypatch, "docx")
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    from xml.sax.saxutils import escape

    assert not any(c in xml for c in ACTIVE + "\ufffd")
    for shown in SHOWN:
        assert escape(shown) in xml, shown
    assert KEPT in xml


def test_the_pdf_report_shows_an_override_visibly(tmp_path, monkeypatch):
    pypdf = pytest.importorskip("pypdf", reason="pypdf is in the test extra")
    pytest.importorskip("weasyprint", reason="the pdf extra")
    path = _hostile_report(tmp_path, monkeypatch, "pdf")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)
    assert "<U+202E>" in text and "\\x1b[2J" in text, text
    assert "\u202e" not in text


# --- 320 px wide: a phone, or 200 % zoom (WCAG 1.4.10) ------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# Every element outside a table or a chart whose right edge is past the window's: the page
# would scroll sideways for it (a data table may: WCAG 1.4.10 exempts it).
_PROBE = """<script>
(function () {
  var vw = document.documentElement.clientWidth, wide = [];
  document.querySelectorAll("body *").forEach(function (el) {
    if (el.closest("table") || el.closest("svg")) return;
    var r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > vw + 1) wide.push(el.tagName + " " + (el.textContent || "").trim().slice(0, 40));
  });
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify({vw: vw, wide: wide});
  document.body.appendChild(pre);
})();
</script>"""

# Chromium's window is at least 500 px wide: the report is read in a 320-px frame.
_FRAME = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="probed.html" style="width:320px;height:3000px;border:0"></iframe>
<script>
document.getElementById("f").addEventListener("load", function () {
  var out = document.createElement("pre");
  out.id = "outer";
  out.textContent = this.contentDocument.getElementById("probe").textContent;
  document.body.appendChild(out);
});
</script></body></html>"""


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install -y chromium)")
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_html_report_reflows_at_320_pixels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str):
    """At 320 px the report ran past the screen's right edge by up to 143 px outside its
    tables: a status label never wrapped ("Substantial progress (⌛ awaiting figure
    2025)", 424 px) and the key figures and "In short" stood in two columns whatever the
    width, so a reader at 200 % zoom scrolled sideways for every line."""
    for name in ("targets.yaml", "observations.csv"):
        shutil.copyfile(ROOT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    r = run_clean("report", "--format", "html", "-o", "r.html", "--lang", lang, "--as-of", "2026-12-01")
    assert r.exit_code == 0, r.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    (tmp_path / "probed.html").write_text(page.replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    (tmp_path / "frame.html").write_text(_FRAME, encoding="utf-8")
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--allow-file-access-from-files",
            "--virtual-time-budget=5000",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=800,2000",
            "--dump-dom",
            (tmp_path / "frame.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    found = re.search(r'<pre id="outer">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stderr[-2000:]
    probe = json.loads(html_lib.unescape(found.group(1)))
    assert probe["vw"] == 320
    assert probe["wide"] == [], probe["wide"][:10]


# --- symbols a screen reader can say ---------------------------------------------------------

SYMBOLS = "✓✗⌛→↑"


def _spoken(element) -> str:
    """What a screen reader says of ``element``: an aria-hidden part is silent, a part with
    role="img" is its aria-label (the accessible-name rules, for what the report uses)."""
    if element.get("aria-hidden") == "true":
        return element.tail or ""
    if element.get("role") == "img" and element.get("aria-label") is not None and element.tag != "svg":
        return element.get("aria-label") + (element.tail or "")
    said = element.text or ""
    for child in element:
        said += _spoken(child)
    return said + (element.tail or "") if element.getparent() is not None else said


@pytest.fixture(scope="module", params=["en", "vi"])
def shipped_page(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp(f"page-{request.param}")
    for name in ("targets.yaml", "observations.csv"):
        shutil.copyfile(ROOT / name, folder / name)
    out = folder / "r.html"
    r = run_clean(
        "report", "--format", "html", "-o", str(out), "--lang", request.param, "--as-of", "2026-12-01",
        "--since", "2025-06-30", "--targets", str(folder / "targets.yaml"),
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    return request.param, lxml_html.parse(str(out)).getroot()


def _own_text(element) -> str:
    return (element.text or "") + "".join(child.tail or "" for child in element)


def test_every_symbol_in_the_html_is_said_in_words_or_hidden_beside_them(shipped_page):
    """A bare "✓" in the gap column was read "check mark", the revision's "→" "right arrow",
    "⌛" "hourglass" (in English, in a Vietnamese page too). Each is now either hidden
    from a screen reader, where words follow it ("⌛ awaiting figure 2025", "↑ Back to the
    summary"), or an image whose name says it in the report's language."""
    lang, doc = shipped_page
    body = doc.find("body")
    bare = []
    for element in body.iter():
        if (
            not isinstance(element.tag, str)
            or element.tag in ("svg", "style")
            or element.xpath("ancestor::*[local-name()='svg']")
        ):
            continue
        own = _own_text(element)
        if any(s in own for s in SYMBOLS):
            wrapped = element.get("aria-hidden") == "true" or (
                element.get("role") == "img" and element.get("aria-label")
            )
            if not wrapped or own.strip() not in SYMBOLS:
                bare.append((element.tag, own.strip()[:60]))
    assert bare == [], bare[:10]


def _summary_row(doc, target: str):
    for row in doc.get_element_by_id("summary").findall(".//tbody/tr"):
        if row.find(f".//a[@href='#t-{target}']") is not None:
            return row.findall("td")
    raise AssertionError(target)


def test_a_reached_gap_and_a_missing_figure_are_said_in_words(shipped_page):
    lang, doc = shipped_page
    # grdp-per-capita: 10,402 USD in 2025 against 10,000 USD by 2025, so the gap is
    # reached (shown "✓"); cbct-investment-2021-2025 has no figure: latest, gap and P "–".
    gap = _summary_row(doc, "grdp-per-capita")[5]
    assert gap.text_content() == "✓"
    assert _spoken(gap).strip() == {"en": "reached", "vi": "đã đạt"}[lang]
    none = _summary_row(doc, "cbct-investment-2021-2025")
    for cell in (none[3], none[5], none[6]):
        assert cell.text_content() == "–"
        assert _spoken(cell).strip() == {"en": "none", "vi": "không có"}[lang]


def test_a_revisions_arrow_and_a_status_hourglass_are_said_in_the_reports_language(shipped_page):
    lang, doc = shipped_page
    # cbct-share's status: "Moderate progress (⌛ awaiting figure 2025)": the hourglass is
    # silent, the words say it.
    pill = doc.get_element_by_id("t-cbct-share").find("header/span")
    assert "⌛" in pill.text_content()
    assert "⌛" not in _spoken(pill)
    assert (
        _spoken(pill).strip()
        == {
            "en": "Moderate progress ( awaiting figure 2025)",
            "vi": "Tiến triển vừa phải ( chờ số liệu năm 2025)",
        }[lang]
    )
    # A revised figure's cell: "10.66% y/y → 9.22% y/y" (grdp-double-digit's H1 2022
    # reading, revised): the arrow is said "to" / "thành".
    cells = [td for td in doc.get_element_by_id("t-grdp-double-digit").iter("td") if "→" in td.text_content()]
    assert cells
    said = {"en": " to ", "vi": " thành "}[lang]
    for cell in cells:
        assert "→" not in _spoken(cell) and said in _spoken(cell), _spoken(cell)


# --- Word: the headline's names lead to their sections ---------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def shipped_docx(shipped_vi_docx: Path):
    """The shipped plan's Vietnamese Word report as of 2026-12-01 (conftest.py: with the
    section since the review of 2025-06-30, which test_period_words.py reads too)."""
    from lxml import etree

    with zipfile.ZipFile(shipped_vi_docx) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def test_the_word_headlines_names_link_to_their_sections(shipped_docx):
    """The HTML's headline links each name to its section; Word's wrote them as plain text
    (the twenty-second session's leftover): a reader of the navigation pane or a screen
    reader had to find "Double-digit GRDP growth every year" by hand among 23 sections."""
    body = shipped_docx.find(f"{W}body")
    paragraphs = body.findall(f"{W}p")
    missed = next(p for p in paragraphs if _text(p).startswith("✗"))
    links = missed.findall(f"{W}hyperlink")
    # The shipped plan as of 2026-12-01: 7 targets past their deadline, not achieved.
    assert len(links) == 7, _text(missed)
    marks = {b.get(f"{W}name"): b for b in body.iter(f"{W}bookmarkStart")}
    for link in links:
        anchor = link.get(f"{W}anchor")
        assert anchor in marks, anchor
        # The bookmark is on the heading of the section named by the link's text.
        heading = marks[anchor].getparent()
        style = heading.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
        assert style == "Heading1"
        # "6. Tăng trưởng GRDP hai con số hằng năm" and "... hằng năm (năm 2024)": the
        # link names the deadline missed after the name, as the HTML's does.
        number, name = _text(heading).split(". ", 1)
        assert number.isdigit() and _text(link).startswith(name), (_text(heading), _text(link))
    assert _text(links[0]) == "Tăng trưởng GRDP hai con số hằng năm (năm 2024)"


# --- a black-and-white print: the groups chart's statuses by pattern --------------------------


def _without_colour(pattern) -> str:
    """A pattern's drawing with its colours taken out: what a black-and-white print keeps."""
    from lxml import etree

    text = etree.tostring(pattern, encoding="unicode")
    text = re.sub(r'\s(?:id|fill|stroke)="[^"]*"', "", text)
    return text


def test_the_groups_charts_statuses_differ_without_colour(shipped_page):
    """The groups chart told a segment's status by its colour alone, with a legend of
    coloured squares (the fifteenth session's leftover): on a black-and-white printer
    "Not achieved" (#7f0000) and "Target achieved" (#1b5e20) print as the same dark grey.
    Each status now fills its segments and its legend's square with a pattern of its own
    (solid, lines in four directions, dots, a cross-hatch), over its colour."""
    lang, doc = shipped_page
    figure = next(f for f in doc.iter("figure") if f.get("data-target") == "groups")
    svg = figure.find("svg")
    patterns = {p.get("id"): p for p in svg.iter("pattern")}
    by_status = {}
    for entry in svg.iter("g"):
        if "activate-serie" not in (entry.get("class") or ""):
            continue
        square = entry.find("rect")
        fill = re.fullmatch(r"fill:\s*url\(#([^)]+)\)", square.get("style") or "")
        assert fill and fill[1] in patterns, (entry.find("text").text, square.get("style"))
        by_status[entry.find("text").text] = fill[1]
        # The series of that colour fills its segments with the same pattern.
        colour = next(c for c in square.get("class").split() if c.startswith("color-"))
        series = next(
            g for g in svg.iter("g") if colour in (g.get("class") or "").split() and "series" in g.get("class")
        )
        segments = [r for r in series.iter("rect")]
        assert segments and all(r.get("style") == square.get("style") for r in segments)
    # The shipped plan's groups hold five statuses (achieved, substantial, moderate, not
    # achieved, not available: the table above the chart), each drawn differently.
    assert len(by_status) == 5, by_status
    drawings = [_without_colour(patterns[p]) for p in by_status.values()]
    assert len(set(drawings)) == len(drawings), drawings


# --- every data table named by a caption -------------------------------------------------------


def test_every_html_table_has_a_caption_naming_it_and_its_target(shipped_page):
    """The tables followed their headings but had no caption (the fifteenth session's
    choice): a screen reader moving table to table (NVDA's T, JAWS's table list) heard
    "table with 6 rows" 74 times, and a target's Milestones from the next one's only by
    the heading it had passed. Each now has a caption, hidden on screen and on paper
    (the heading shows it), saying what it is and, in a target's section, of which target."""
    lang, doc = shipped_page
    tables = doc.findall(".//table")
    assert len(tables) > 50
    for table in tables:
        caption = table.find("caption")
        assert caption is not None and caption.text_content().strip(), lang
        assert "sr" in caption.get("class", "").split()
    section = doc.get_element_by_id("t-grdp-per-capita")
    name = section.find("header/h2").text_content().split(". ", 1)[1]
    captions = [t.find("caption").text_content() for t in section.iter("table")]
    # Its tables: the assessment, the key figures, milestones, periods? no (a level
    # target), observations: each caption names the target.
    assert captions and all(c.endswith(name) for c in captions), captions
    observations = {"en": "Observations", "vi": "Số liệu"}[lang]
    assert any(c.startswith(observations) for c in captions), captions
    assert (
        doc.get_element_by_id("summary").find(".//caption").text_content() == {"en": "Summary", "vi": "Tổng hợp"}[lang]
    )


def test_the_p_column_is_said_by_its_name(shipped_page):
    """The summary's column "P" was read as the letter: its header now says, to a screen
    reader only, "progress measure P" (methodology.md's P); the page still shows "P"."""
    lang, doc = shipped_page
    headers = doc.get_element_by_id("summary").findall(".//thead//th")
    p = headers[6]
    assert p.text_content().replace({"en": "progress measure P", "vi": "chỉ số tiến độ P"}[lang], "") == "P"
    assert _spoken(p).strip() == {"en": "progress measure P", "vi": "chỉ số tiến độ P"}[lang]
