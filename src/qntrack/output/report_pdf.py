"""`qntrack report --format pdf`: the HTML report printed to A4 by WeasyPrint (issue 15).

The PDF is the HTML report (report_markup.render_html, the same view and charts) laid out
with CSS paged media: the HTML's own print rules (``@media print``) and, for the PDF only,
``PDF_CSS`` below (page numbers, the serif face, tables and charts that fit the page). The
HTML report's screen look is not touched (docs/decisions.md, "PDF report").

WeasyPrint is an optional extra (``pip install 'qntrack[pdf]'``) that needs Debian's pango
libraries: both are imported only here, only when a PDF is asked for, and their absence
is one clear message (exit 1), never a traceback.

Deterministic: the PDF carries no creation or modification date, and WeasyPrint derives
its file identifier from the content, so the same data and --as-of give the same bytes
with the same WeasyPrint and fonts (tests/test_report_pdf.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..errors import ExitCode, fail, os_words

if TYPE_CHECKING:
    from .report import ReportData
    from .report_breakdowns import BreakdownView

__all__ = ["PDF_CSS", "INSTALL", "Budget", "breakable", "html_floor", "pdf_document", "render_pdf", "stamp_pdf"]

# How to get the engine, named in the message when it is missing: the same packages as
# README.md, docs/report.md and .ci/run (Symbola draws the signs the serifs lack: ⌛).
# WeasyPrint itself, as the `pdf` extra pins it: `pip install 'qntrack[pdf]'` works only
# where qntrack came from a package index, not for an install from a clone.
INSTALL = "pip install 'weasyprint>=62'"
DEBIAN = "libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation2 fonts-dejavu-core fonts-symbola"

# Added after the report's own stylesheet, so that it wins over the screen rules it
# overrides. Body and table sizes are the HTML report's print sizes (10 pt, 8.5 pt): only
# the face changes, to a Times New Roman-like serif as Vietnamese administrative documents
# use (Liberation Serif and Tinos have Times New Roman's metrics; DejaVu for what they lack).
PDF_CSS = """
@page {
  size: A4;
  margin: 14mm 12mm 16mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 8.5pt; color: #5f6368;
    font-family: "Times New Roman", "Liberation Serif", Tinos, "DejaVu Serif", serif; }
}
body { font-family: "Times New Roman", "Liberation Serif", Tinos, "DejaVu Serif", "DejaVu Sans", Symbola, serif; }
.kind code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; }
/* An id breaks at the <wbr> every 16 characters that breakable gives a long word, not by
   break-word as well: the two together left one letter of a 98-character id 2 points past
   the page's edge (WeasyPrint 70). An id under 40 characters fits a line whole. */
code { overflow-wrap: normal; }
/* A wide table fits the page: cells are tighter, a long word (an id, a URL) may break
   anywhere, a number only at its spaces ("12.3 % of GRDP" but never "0.8|9"); the
   observations' kind and recording date (columns 3 and 6: Period, Value, Kind, Source,
   Note, Recorded) stay whole (the HTML's nowrap). In the observations and the facts,
   nine cells in ten of a report, only a cell with a long word is marked to break anywhere
   (_mark_long_words): WeasyPrint measures such a cell's narrowest width one break at a
   time, which on every cell was half the time of a PDF. Their columns are few; the
   milestones' eleven need their words broken to fit. A figure, long or not, breaks only
   at its spaces there too (table.obs td.num, as weighty as td.long-word and after it). */
table { table-layout: auto; width: 100%; max-width: 100%; }
th, td { padding: 3px 4px; }
td { overflow-wrap: anywhere; }
table.obs td, table.facts td { overflow-wrap: break-word; }
table.obs td.long-word, table.facts td.long-word { overflow-wrap: anywhere; }
td.num, th.num, table.obs td:nth-child(3), table.obs td:last-child { overflow-wrap: normal; }
table.obs td.num { overflow-wrap: normal; }
td.num, th.num { white-space: normal; }
/* Outside the tables a long id (a heading's, the definitions' code) breaks where it must;
   the definitions' column is no wider than the page (minmax: not its longest word). */
h1, h2, h3, p, dt, dd, li, figcaption { overflow-wrap: break-word; }
dl.def { grid-template-columns: 10.5em minmax(0, 1fr); }
/* A status is a few short words: its pill wraps between them, never inside one ("Mode|rate
   progr|ess" in the milestones' eleven columns, which break their other cells anywhere);
   those columns give up a point of padding each for it (a plan in dong, 14 digits a
   figure, ran 7 px past the page with "Substantial" whole at 4 px). */
.pill { white-space: normal; padding: 0 5px; overflow-wrap: normal; }
table.ms th, table.ms td { padding: 3px; }
/* A chart is scaled to the page width and never cut across two pages. */
figure.chart { break-inside: avoid; max-width: 100%; }
figure.chart svg { max-width: 100%; height: auto; }
section.target > header { display: block; }
"""


def _engine() -> Any:
    """WeasyPrint's module, or the message saying how to install it (exit 1).

    An ImportError is the package missing; an OSError is the package there but pango
    (a system library it loads when imported) missing."""
    from ..catalog import msg

    try:
        import weasyprint  # type: ignore[import-untyped]  # WeasyPrint ships no type hints
    except ImportError as exc:
        raise fail(
            "--format pdf", msg("report_pdf_no_engine", install=INSTALL, debian=DEBIAN, reason=exc), ExitCode.INVALID
        ) from None
    except OSError as exc:
        raise fail(
            "--format pdf",
            msg("report_pdf_no_pango", install=INSTALL, debian=DEBIAN, reason=os_words(exc)),
            ExitCode.INVALID,
        ) from None
    return weasyprint


def pdf_document(data: ReportData, lang: str) -> Any:
    """The laid-out document (WeasyPrint's ``Document``): its pages and boxes, for
    ``render_pdf`` and for tests that check nothing overflows the page."""
    from .report_markup import render_html

    weasyprint = _engine()
    html = render_html(data, lang, made=Budget(data))
    _refuse_too_long(len(html.encode("utf-8")), alone=_alone(data))
    # After the report's own <style>: the PDF's rules win where both set a property.
    html = breakable(html.replace("</head>", f"<style>{PDF_CSS}</style>\n</head>", 1), lang)
    return weasyprint.HTML(string=_mark_long_words(html)).render()


# A word this long may need a break inside it to let its table fit the page: six such words
# of average letters, one a column, take about 120 mm of the page's 186 mm. Shorter words
# wrap whole, as the report's prose does.
LONG_WORD = 14
_CELL = re.compile(r'<td(?: class="([^"]*)")?>(.*?)</td>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_LONG = re.compile(r"[^\s<>]{%d,}" % LONG_WORD)


def _mark_long_words(html: str) -> str:
    """Each table cell whose text has a word of LONG_WORD characters or more given the
    class ``long-word`` (PDF_CSS lets it break anywhere in the observations and facts).
    The report's cells hold no table, so a cell ends at the first ``</td>``."""

    def mark(cell: re.Match[str]) -> str:
        if _LONG.search(_TAG.sub(" ", cell.group(2))) is None:
            return cell.group(0)
        classes = f"{cell.group(1)} long-word".strip() if cell.group(1) else "long-word"
        return f'<td class="{classes}">{cell.group(2)}</td>'

    return _CELL.sub(mark, html)


# A word this long (an id, a URL, a hand-typed run of signs) gets a break opportunity
# every _PIECE characters: WeasyPrint breaks a word that fits no line in time that grows
# with the square of its length (a 4,000-character word in a cell: 33 s; with <wbr>: 0.5 s).
_LONG_WORD = re.compile(r"(?:&#?\w+;|[^\s<>&]){40,}")
_CHARACTER = re.compile(r"&#?\w+;|[^\s<>&]")
_PIECE = 16
# What is left as it is: a tag (its attributes), a chart, the head.
_UNTOUCHED = re.compile(r"(<svg\b.*?</svg>|<[^>]*>)", re.S)


def _pieces(word: re.Match[str]) -> str:
    characters = _CHARACTER.findall(word.group())
    return "<wbr>".join("".join(characters[i : i + _PIECE]) for i in range(0, len(characters), _PIECE))


# A figure of a billion or more, grouped as the language writes it (output.i18n: "," in
# English, "." in Vietnamese): a plan in dong, or in USD with decimals, has such figures,
# and a table with three of them kept whole ran 370 points past the page (nineteenth session).
_LONG_FIGURE = {
    "en": re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3}){3,}(?![\d,])"),
    "vi": re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){3,}(?![\d.])"),
}


# The tables whose many columns of figures may need a figure broken: the summary's and the
# milestones' (report.html.j2's classes).
_WIDE_TABLES = ('<table class="summary"', '<table class="ms"')


def _thousands(figure: re.Match[str]) -> str:
    separator = "," if "," in figure.group() else "."
    return figure.group().replace(separator, separator + "<wbr>")


def breakable(html: str, lang: str = "en") -> str:
    """``html`` with a <wbr> every 16 characters of each word of 40 or more in the body's
    text (an entity is one character), for WeasyPrint (issue 17, eighteenth session), and,
    in the summary's and the milestones' tables (their many columns of figures), after each
    thousands' separator of a figure of a billion or more, its decimals kept whole: a table
    too wide for the page breaks it there, "82,235,|000,000,000". Elsewhere a figure stays
    whole: prose wraps before it, and the observations' few columns hold it."""
    at = html.find("<body")
    if at < 0:
        return html
    parts = _UNTOUCHED.split(html[at:])
    figure = _LONG_FIGURE.get(lang, _LONG_FIGURE["en"])
    wide = False  # within a table of many figures
    out = []
    # Even parts are text between tags; odd ones a tag or a whole chart.
    for i, part in enumerate(parts):
        if i % 2:
            if part.startswith("<table"):
                wide = part.startswith(_WIDE_TABLES)
            elif part.startswith("</table"):
                wide = False
            out.append(part)
            continue
        part = _LONG_WORD.sub(_pieces, part)
        out.append(figure.sub(_thousands, part) if wide else part)
    return html[:at] + "".join(out)


# WeasyPrint lays out about 10 KB of the report's HTML a page (the shipped report: 410 KB,
# 40 pages, 15-40 s) and holds every page's boxes: a national report's 14 MB of HTML ran
# past 15 minutes and 4.5 GB unfinished. Above this a PDF is refused before any layout.
PDF_HTML_LIMIT = 3 << 20
_HTML_PER_PAGE = 10_000


def _alone(data: ReportData) -> bool:
    """Whether the report holds one target (or none): a PDF of some of its targets is no
    way out then (thirty-fourth session, pass G)."""
    return len(data.assessments) <= 1


def _refuse_too_long(html_bytes: int, early: bool = False, alone: bool = False) -> None:
    """Refuse (exit 2, nothing written) a report whose PDF would run to hundreds of pages,
    saying how long it would be and what to write instead. ``early``: ``html_bytes`` is a
    lower bound measured before the whole HTML was made (``Budget``), said as one.
    ``alone``: the report is of one target, so a PDF of some targets is not offered (the
    officer who typed `report TARGET -o r.pdf` was told to do just that)."""
    if html_bytes <= PDF_HTML_LIMIT:
        return
    from ..catalog import Figure, msg

    raise fail(
        "--format pdf",
        msg(
            ("report_pdf_too_long_early" if early else "report_pdf_too_long") + ("_alone" if alone else ""),
            pages=Figure(html_bytes // _HTML_PER_PAGE),
            limit=Figure(PDF_HTML_LIMIT // _HTML_PER_PAGE),
        ),
        ExitCode.USAGE,
    )


class Budget:
    """The PDF's length measured while its HTML is made, to refuse a report too long
    before the long work (the national plan's 13.8 s), never one the rule above writes.

    As each breakdown is made (report_breakdowns' ``made``), ``floor`` adds ``html_floor``:
    bytes the template certainly writes for it, in parts of the page that do not overlap.
    ``floor`` is so a lower bound of the HTML's length at every step: once it passes
    ``PDF_HTML_LIMIT``, the HTML would too, and ``_refuse_too_long`` refuses it with the
    same exit code, the pages it names those of the bound ("more than")."""

    def __init__(self, data: ReportData) -> None:
        self.floor = 0
        self.alone = _alone(data)

    def __call__(self, view: BreakdownView) -> None:
        self.floor += html_floor(view)
        if self.floor > PDF_HTML_LIMIT:
            # The pages of what is certain, said as a bound ("more than"): an extrapolation
            # from the units made said "about 923 pages" of a document of about 1,584
            # (the lead, at pass O's merge).
            _refuse_too_long(self.floor, early=True, alone=self.alone)


# The markup report.html.j2's table macro writes around a units table's cells, whatever
# they hold: a row's <tr></tr>, a cell's <td></td>, a figure's class (' class="num"', or
# ' class="num muted"'), a status's pill (<span class="pill s-STATUS"></span>, unless the
# cell is a link). A cell's text, which the template may say otherwise, is counted as none.
_TR = len("<tr></tr>")
_TD = len("<td></td>")
_NUMERIC = len(' class="num"')
_PILL = len('<span class="pill s-"></span>')


def html_floor(view: BreakdownView) -> int:
    """Bytes the HTML report certainly holds for a breakdown ``view``: its units chart, as
    inlined without the text alternative added to it (charts.Chart.inline), and its units
    table's markup alone (``_TR``...), each row's cells' texts counted as nothing. The
    template writes both whenever the breakdown has them (its ``if b.chart_id in charts``
    and ``if b.table.rows``), in parts of the page no other breakdown's overlap."""
    size = len(view.chart.inline().encode("utf-8")) if view.chart is not None else 0
    table = view.table
    for cells in table.rows:
        size += _TR + sum(
            _TD
            + (_NUMERIC if k in table.numeric else 0)
            + (_PILL + len(c.status.encode("utf-8")) if c.status and not c.url else 0)
            for k, c in enumerate(cells)
        )
    return size


def render_pdf(data: ReportData, lang: str) -> bytes:
    """The PDF's bytes, with qntrack's generator mark (files/outputs.py)."""
    # No dates in the metadata (none are given in the HTML): the file says what the data
    # says as of --as-of, not when it was made.
    # Tagged (its structure tree: headings, tables and their header cells, figures with
    # their alt text, the charts' SVG <title>), so that a screen reader reads the PDF as
    # the HTML; untagged, it was one run of text a page and its charts nothing (issue 17).
    # WeasyPrint 70 has the option and 65 had not: an engine without it writes it untagged.
    weasyprint = _engine()
    tags = {"pdf_tags": True} if "pdf_tags" in getattr(weasyprint, "DEFAULT_OPTIONS", {}) else {}
    return stamp_pdf(pdf_document(data, lang).write_pdf(**tags))


def stamp_pdf(pdf: bytes) -> bytes:
    """The PDF with qntrack's mark and fingerprint as a comment line before its last
    ``startxref``: after every object, so no offset moves, and a PDF comment is
    whitespace to every reader. outputs.mark_state finds it in the file's last 4 KB."""
    from ..files.outputs import GENERATOR_MARK, stamp

    at = pdf.rindex(b"startxref")
    return stamp("pdf", pdf[:at] + b"%" + GENERATOR_MARK.encode("ascii") + b"\n" + pdf[at:])
