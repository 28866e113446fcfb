"""The report's text: HTML through its templates, Markdown escaped by hand.

Every text that comes from targets.yaml or the observations is escaped by the template
engine (HTML) or by ``md_escape`` (Markdown); nothing from the data is trusted as markup.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Mapping, Sequence

from typing import TYPE_CHECKING

# Imported with the module (reports only: jinja2 renders with it anyway), not inside the
# filters: the HTML report calls them two million times for 10,000 targets, and an import
# statement run each time was a tenth of the report's time (issue 17, twenty-third session).
from markupsafe import Markup, escape

from .period_words import speaks_periods
from .terminal_text import controls_shown
from .document_text import for_a_document, sign_kept
from .charts import Chart, chart_alt
from .i18n import label
from .report_view import Cell, report_word
from .report_contents import _view

if TYPE_CHECKING:
    from .report import ReportData
    from .report_breakdowns import BreakdownView

__all__ = ["chart_titles", "md_escape", "render_html", "render_markdown"]


@lru_cache(maxsize=None)
def _environment(kind: str) -> Any:
    """The template engine for ``kind``, made once per process: jinja compiles each
    template to Python on first use (about 0.1 s for the report's), and keeps it in the
    environment. Nothing in it depends on the report being written."""
    import jinja2

    loader = jinja2.PackageLoader("qntrack.output", "templates")
    if kind == "html":
        # Autoescape everything: a target named "<script>" is shown, never run.
        html = jinja2.Environment(
            loader=loader,
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
            finalize=_html_finalize,
        )
        html.filters["said"] = jinja2.pass_context(_said)
        html.filters["header"] = jinja2.pass_context(_header)
        return html
    env = jinja2.Environment(
        loader=loader,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        finalize=_md_finalize,
    )
    env.filters["code"] = _md_code
    env.filters["cell"] = _md_cell
    env.filters["url"] = _md_url
    env.filters["raw"] = _Raw
    env.filters["section_link"] = _md_section_link
    return env


class _Raw(str):
    """Markdown that the template builds itself and must not be escaped again."""


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")


def md_escape(text: str) -> str:
    """Text shown as typed by a Markdown renderer: its markup characters backslash-escaped.

    Line breaks become spaces, so a value can never end a table row or start a heading;
    another control character (ESC [ 2 J, OSC 52 a hand edit left in the store) is shown
    as ``\\x1b``, as the terminal tables show it: a Markdown report is read in terminals
    too (``cat``, ``less``), and a renderer shows nothing of it.
    """
    text = controls_shown(" ".join(str(text).split()))
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_ENTITY.sub("&amp;", text)


def _html_finalize(value: Any) -> Any:
    """Each text the HTML template writes, a control character or an override shown
    visibly (``for_a_document``); what the code built as markup (a chart) is left."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return sign_kept(for_a_document(value))
    return value


# The symbols the report writes, and the word a screen reader says for one that stands
# alone (catalog ``report_said_*``): NVDA read a bare "✓" "check mark", in English on a
# Vietnamese page too. One followed by words ("⌛ awaiting figure 2025") is hidden from
# it, but the arrow, which stands between two things ("10.66 → 9.22") and is said "to".
_SYMBOLS = {
    "\u2713": "reached",
    "\u2717": "missed",
    "\u231b": "awaited",
    "\u26a0": "at_risk",
    "\u2192": "to",
    "\u2191": "up",
}
_SYMBOL = re.compile("[" + "".join(_SYMBOLS) + "]")
_WORD_NEXT = re.compile(r" [^\W\d_]")
_NONE = "\u2013"  # a cell's dash for no figure


def _said(context: Any, value: Any) -> Any:
    """``value`` as the HTML shows it (``_html_finalize``), each symbol given what a
    screen reader says (WCAG 1.1.1): hidden when words follow it, else an image named in
    the report's language; a cell that is only a dash is said "none"."""
    text = sign_kept(for_a_document(str(value if value is not None else "")))
    lang = context["lang"]
    if text == _NONE:
        return Markup('<span role="img" aria-label="{}">{}</span>').format(report_word("said_none", lang), text)
    if _SYMBOL.search(text) is None:
        # Escaped here, as the template would: the finaliser then leaves it, where a plain
        # text was shown visibly a second time (a million cells of a national report).
        return escape(text)
    out, last = Markup(), 0
    for found in _SYMBOL.finditer(text):
        out += escape(text[last : found.start()])
        symbol = found.group()
        # An arrow between two figures or two phrases is said ("to"), words after it or not.
        if symbol != "\u2192" and _WORD_NEXT.match(text, found.end()):
            out += Markup('<span aria-hidden="true">{}</span>').format(symbol)
        else:
            word = report_word("said_" + _SYMBOLS[symbol], lang)
            out += Markup('<span role="img" aria-label="{}">{}</span>').format(word, symbol)
        last = found.end()
    return out + escape(text[last:])


def _header(context: Any, value: Any) -> Any:
    """A column's or row's header as ``_said`` writes it, the progress measure's "P" said
    by its name ("progress measure P") to a screen reader, which read the letter alone."""
    lang = context["lang"]
    if value == label("p", lang):
        spoken = report_word("said_p", lang)
        return Markup('<span aria-hidden="true">{}</span><span class="sr">{}</span>').format(value, spoken)
    return _said(context, value)


def _md_finalize(value: Any) -> Any:
    if isinstance(value, _Raw):
        return value
    if value is None:
        return ""
    return md_escape(str(value))


def _md_code(text: str) -> _Raw:
    text = controls_shown(str(text))
    fence = "``" if "`" in text else "`"
    pad = " " if "`" in text else ""
    return _Raw(f"{fence}{pad}{text}{pad}{fence}")


def _md_url(url: str) -> _Raw:
    # Characters that would end a Markdown link destination are percent-encoded, and so
    # is a file name's byte that is not UTF-8 (a lone surrogate, as os.fsdecode gives it).
    return _Raw("".join(_URL_ESCAPES.get(c) or (_percent(c) if _unwritable(c) else c) for c in url))


def _unwritable(c: str) -> bool:
    return c < " " or "\x7f" <= c <= "\x9f" or "\udc80" <= c <= "\udcff"


def _percent(character: str) -> str:
    # surrogateescape: "\udcff" is the byte 0xFF of the name on disk, %FF in a URL
    return "".join(f"%{byte:02X}" for byte in character.encode("utf-8", "surrogateescape"))


# Characters that would end a Markdown link destination; a control character is
# percent-encoded as well (a URL holds none: RFC 3986), so none reaches a terminal.
_URL_ESCAPES = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E"}


def _md_cell(cell: Cell) -> _Raw:
    text = md_escape(cell.text) if cell.text else ""
    if cell.url:
        text = f"[{text}]({_md_url(cell.url)})"
    elif cell.section:  # a target id: lower-case letters, digits and '-', nothing to escape
        text = f"[{text}](#t-{cell.section})"
    if cell.status:
        text = f"**{text}**"
    elif cell.muted and text:
        text = f"_{text}_"
    return _Raw(text)


def _md_section_link(cell: Cell) -> _Raw:
    """A summary row's name, linked to its section's anchor (``t-`` and the target id,
    which holds only lower-case letters, digits and '-': nothing to escape)."""
    return _Raw(f"[{md_escape(cell.text)}](#t-{cell.title})")


def chart_titles(view: Mapping[str, Any], breakdowns: Mapping[str, Any]) -> dict[str, str]:
    """What each chart of the report is of, by its id: a target's name, "Groups of
    targets", a target's name and its units' heading. Its text alternative begins so."""
    from .report_groups import CHART_ID

    titles = {s.id: s.name for s in view["sections"]}
    titles[CHART_ID] = view["w"]["groups"]
    for target_id, b in breakdowns.items():
        titles[b.chart_id] = f"{titles.get(target_id, target_id)}: {b.heading}"
    return titles


def render_markdown(
    data: ReportData,
    lang: str,
    chart_links: Mapping[str, str] | None = None,
    chart_notes: Mapping[str, Sequence[str]] | None = None,
    charts: Sequence[Chart] = (),
) -> str:
    """The Markdown report; ``chart_links`` maps a target id to the SVG file to link, and
    ``chart_notes`` to the sentences that say how to read it; ``charts``, the charts
    linked, give each image its text alternative (``chart_alt``)."""
    return markdown_and_alts(data, lang, chart_links, chart_notes, charts)[0]


@speaks_periods
def markdown_and_alts(
    data: ReportData,
    lang: str,
    chart_links: Mapping[str, str] | None = None,
    chart_notes: Mapping[str, Sequence[str]] | None = None,
    charts: Sequence[Chart] = (),
) -> tuple[str, dict[str, str]]:
    """``render_markdown``'s text, and each chart's text alternative by its id: the
    chart files beside the report carry it too (``Chart.labelled``)."""
    view = _view(data, lang, with_charts=False)
    view["chart_links"] = dict(chart_links or {})
    view["chart_notes"] = {k: " ".join(v) for k, v in (chart_notes or {}).items() if v}
    from .report_breakdowns import report_breakdowns
    from .report_groups import CHART_ID

    view["groups_chart_link"] = view["chart_links"].get(CHART_ID)
    view["breakdowns"] = report_breakdowns(data, lang, with_charts=False)
    titles = chart_titles(view, view["breakdowns"])
    view["chart_alts"] = {c.target_id: chart_alt(titles.get(c.target_id, ""), c, lang) for c in charts}
    text = _environment("markdown").get_template("report.md.j2").render(**view)
    # The template's loops leave runs of blank lines; Markdown needs at most one.
    # The closing comment (invisible when rendered) marks the file as qntrack's, so a
    # later report may replace it (outputs.py).
    from ..files.outputs import GENERATOR_MARK

    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + f"\n\n{GENERATOR_MARK}\n", view["chart_alts"]


@speaks_periods
def render_html(data: ReportData, lang: str, made: Callable[[BreakdownView], None] | None = None) -> str:
    """The HTML report. ``made`` is told of each breakdown as it is made
    (report_breakdowns): the PDF's measure of its length, which may refuse there, so its
    breakdowns, most of a national report, are made before the targets' sections."""
    from .report_breakdowns import report_breakdowns
    from .report_groups import CHART_ID, STATUS_COLOURS, groups_chart, report_groups, status_ink

    first = report_breakdowns(data, lang, with_charts=True, made=made) if made is not None else None
    view = _view(data, lang, with_charts=True)
    breakdowns = first if first is not None else report_breakdowns(data, lang, with_charts=True)
    titles = chart_titles(view, breakdowns)
    # Each status's label: its colour, and the text that is legible on it.
    status_colours = [(key, fill, status_ink(key)) for key, fill in STATUS_COLOURS.items()]

    def inline(chart: Chart, key: str) -> Markup:
        # pygal built the SVG from our numbers and escaped every label itself; it is the
        # only markup that goes into the page unescaped (its name, chart_alt, is escaped).
        return Markup(chart.inline(chart_alt(titles.get(key, ""), chart, lang)))

    charts = {s.id: inline(s.chart, s.id) for s in view["sections"] if s.chart is not None}
    drawn = groups_chart(report_groups(data.assessments), lang)
    groups = inline(drawn, CHART_ID) if drawn is not None else None
    # The units' charts, drawn by pygal as the targets' are.
    charts.update({b.chart_id: inline(b.chart, b.chart_id) for b in breakdowns.values() if b.chart is not None})
    return (
        _environment("html")
        .get_template("report.html.j2")
        .render(charts=charts, groups_chart=groups, breakdowns=breakdowns, status_colours=status_colours, **view)
    )
