"""The Word report (``report --format docx``): the HTML report's content as an editable
document, written with python-docx.

What it says comes from the view HTML and Markdown share (report_view, report_groups,
report_breakdowns), in the same order: the groups, the summary, what changed since the
last review, then one section per target (its key figures, its units ranked, its
milestones, its observations with their sources as text, its sentences). Headings use
Word's own Heading 1-3 styles, so the navigation pane and the table of contents at the
top (a TOC field Word fills in on opening) work; tables are real tables; each chart is a
PNG drawn for print (chart_images) with a numbered caption. The page and type are set in
docx_layout.

Pure in effect: the same data gives the same bytes (docx_layout.saved).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, Sequence

from .period_words import speaks_periods
from ..catalog import msg
from ..catalog import render as text_of
from ..errors import ExitCode, fail
from .charts import Chart
from .i18n import label
from .report_view import Cell, SectionView, TableView
from .docx_body import WrittenBody
from .docx_language import mark_vietnamese_in
from .docx_xml import _column_widths, _keep_minus, _row_xml, _safe

if TYPE_CHECKING:
    from .report import ReportData

__all__ = ["render_docx", "CHART_WIDTH_MM", "WORD_UNITS"]

# Charts are printed this wide: the text's width (165 mm) less a little air.
CHART_WIDTH_MM = 160.0
# A units chart of more bars than this is taller than an A4 page's text (257 mm, at
# 160 mm wide): left out, the table ranking every unit. One of 68 provinces by sex was
# 52 cm tall and took seconds to draw; the provinces plan has 145 (docs/decisions.md).
WORD_UNITS = 28
# A table with more columns than this is set in the smaller type (docx_layout).
_WIDE = 8
# A table of more rows than this is written out this many rows at a time, never held
# whole (docx_body.take_open): a national plan's summary has a row for each target.
_ROWS_AT_ONCE = 500


def _word(key: str, lang: str, **values: Any) -> str:
    return text_of(msg(key, **values), lang)


def _document() -> Any:
    try:
        import docx
    except ImportError:
        raise fail("python-docx", msg("docx_no_python_docx"), ExitCode.INVALID) from None
    return docx.Document()


class _Writer:
    """Adds the report's parts to one document, numbering its figures."""

    def __init__(self, doc: Any, lang: str) -> None:
        self.doc = doc
        self.lang = lang
        self.notes_heading = label("notes_heading", lang)  # over a table's legend of marks
        self.figures = 0
        self._ids: dict[str, str] = {}
        # Paragraphs and tables are added to a scratch body, moved into the document's at
        # each flush: python-docx adds each before the body's closing section properties,
        # found by walking the body's children (and a table asks for the last section,
        # walking the whole document), so a national plan's 300,000 were quadratic.
        from docx.document import _Body
        from docx.oxml import OxmlElement

        self.width = doc._block_width
        # Found once: finding it walks the body's children, long by the last section.
        self.end = doc.element.body.sectPr
        # The scratch body stands in the document itself, after its body (which
        # doc.element.body still finds first), and is taken out by finish(). One of its
        # own document made each flush a move between documents: lxml then gives every
        # moved node the target's namespace, and its cache of namespaces already mapped
        # never hits for an element that inherits "w" from its parent (as each one here
        # does): one more entry and a scan of all of them per node, N squared in a table's
        # nodes. The summary table of the independent plan's 10,000 targets alone would
        # have taken minutes to move (docs/decisions.md). Within one document nothing is
        # remapped.
        scratch = OxmlElement("w:body")
        doc.element.append(scratch)
        self.body = _Body(scratch, doc._body)
        # What is written goes out of the tree at each flush, as compressed text: kept as
        # elements, a national plan's took gigabytes (docx_body).
        self.written = WrittenBody(doc, scratch)
        # The next picture's id, counted here: python-docx finds it by searching the whole
        # document for each picture (8 s of the provinces plan's 145 charts), and the
        # pieces written out are no longer there to be found.
        self.shape_id = doc.part.next_id

    def flush(self) -> None:
        """Write out what was written, in order, its Vietnamese words marked."""
        self.written.take(self.body._element, self._marked)

    def _marked(self, element: Any) -> None:
        mark_vietnamese_in(element, self.lang)

    def finish(self) -> None:
        """Write out the rest, take the scratch body out of the document and mark where
        the body's pieces go (before its section properties)."""
        self.flush()
        self.doc.element.remove(self.body._element)
        self.written.mark(self.end)

    def add(self, text: str, style: str) -> Any:
        """A paragraph of ``text`` in ``style``, the style found by name once per
        document: python-docx walks every style for each name it is given, and a national
        plan's report names one for each of its hundreds of thousands of paragraphs."""
        p = self.body.add_paragraph(text)
        p._p.style = self.style_id(style)
        _keep_minus(p._p)
        return p

    def style_id(self, style: str) -> str:
        if style not in self._ids:
            self._ids[style] = self.doc.styles[style].style_id
        return self._ids[style]

    def heading(self, text: str, level: int) -> Any:
        return self.add(_safe(text), f"Heading {level}")

    def paragraph(self, text: str, label: str | None = None) -> None:
        from .docx_layout import BODY_STYLE

        p = self.add("", BODY_STYLE)
        if label:
            p.add_run(f"{_safe(label)}: ").bold = True
        p.add_run(_safe(text))
        _keep_minus(p._p)

    def note(self, text: str) -> None:
        """A sentence on how to read a chart: under its caption, in italics."""
        p = self.add("", "Caption")
        p.add_run(_safe(text))

    def bullets(self, lines: Sequence[str]) -> None:
        for line in lines:
            self.add(_safe(line), "List Bullet")

    def table(self, t: TableView) -> None:
        from .docx_layout import TABLE_STYLE, WIDE_TABLE_STYLE

        style = WIDE_TABLE_STYLE if len(t.headers) > _WIDE else TABLE_STYLE
        self._grid(t.headers, t.rows, t.numeric, style)
        self.legend(t)

    def legend(self, t: TableView) -> None:
        """The legend of a table's marks, under it."""
        for heading, lines in t.legend:  # the legend of its marks ("[1]"), as under the status table
            self.paragraph(self.notes_heading if heading == "notes_heading" else label(heading, self.lang))
            for n, note in lines:
                self.paragraph(f"[{n}] {note}")

    def pairs(self, headers: tuple[str, str], items: Sequence[tuple[str, Cell]]) -> None:
        """A two-column table: a figure's name, its value."""
        from .docx_layout import TABLE_STYLE

        self._grid(headers, [(Cell(k), c) for k, c in items], frozenset(), TABLE_STYLE)

    def _grid(
        self, headers: Sequence[str], rows: Sequence[Sequence[Cell]], numeric: frozenset[int], style: str
    ) -> None:
        from docx.oxml import OxmlElement, parse_xml
        from docx.oxml.ns import qn
        from docx.shared import Mm

        from .docx_layout import TABLE_PT, WIDE_TABLE_PT, WIDE_TABLE_STYLE

        # The table's XML only: python-docx's Table keeps its rows and columns in a
        # reference cycle with itself, which held the table in the tree after it was
        # written out (docx_body: lxml then declares its namespaces again on it node by
        # node, 16 s for a summary of 3,000 rows).
        tbl = self.body.add_table(1, len(headers), self.width)._tbl
        tbl.tblStyle_val = self.style_id("Table Grid")
        # The text's full width (in fiftieths of a percent), in the tblW python-docx wrote,
        # which keeps its place among the table's properties (Word reads them in order).
        width = tbl.tblPr.find(qn("w:tblW"))
        width.set(qn("w:w"), "5000")
        width.set(qn("w:type"), "pct")
        # The header row is repeated on every page the table runs onto.
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        widths = _column_widths(headers, rows, WIDE_TABLE_PT if style == WIDE_TABLE_STYLE else TABLE_PT)
        for column, mm in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
            column.w = Mm(mm)
        # The style's id, found once per document: python-docx finds a style by name by
        # walking every style of the document, and doing so for each cell was most of a
        # national plan's Word report (the provinces benchmark's: over 200 s); once per
        # table was still a tenth of the independent plan's 30,000 tables.
        style_id = self.style_id(style)
        twips = [Mm(mm).twips for mm in widths]
        # Each row written as XML and parsed once: python-docx's objects cost about half a
        # millisecond a cell, minutes for a national plan's hundred thousand cells.
        header_xml = _row_xml([Cell(text) for text in headers], twips, style_id, numeric, bold=True)
        tbl.remove(tbl.tr_lst[0])
        tr = parse_xml(header_xml)
        tr.find(qn("w:trPr")).append(repeat)  # the header row keeps its "repeat on every page"
        tbl.append(tr)
        del tbl, tr, width, repeat  # no reference into the tree left for take_open to free
        if len(rows) > _ROWS_AT_ONCE and self.written.take_open(self.body._element, self._marked):
            # A long table written out a few hundred rows at a time (docx_body.take_open).
            for at in range(0, len(rows), _ROWS_AT_ONCE):
                some = [parse_xml(_row_xml(cells, twips, style_id, numeric)) for cells in rows[at : at + _ROWS_AT_ONCE]]
                self.written.take_rows(self.body._element, self._marked, some)
            self.written.take_close()
            return
        table = self.body._element[-1]
        for cells in rows:
            table.append(parse_xml(_row_xml(cells, twips, style_id, numeric)))

    def chart(self, chart: Chart | None, title: str) -> None:
        """The chart as a print-quality image, its caption ("Figure 1: ...") and its notes."""
        if chart is None:
            return
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm

        from .chart_images import png_of
        from .charts import chart_alt, object_name

        image = png_of(chart.svg, CHART_WIDTH_MM)
        picture = self.body.add_paragraph()
        shape = self._picture(picture.add_run(), image.png, Mm(image.width_mm))
        # Its alt text (Word's "Description"), what a screen reader says for the picture:
        # python-docx writes none, and JAWS read "Picture 3".
        shape._inline.docPr.set("descr", _safe(chart_alt(title, chart, self.lang)))
        shape._inline.docPr.set("name", object_name(_safe(title)))  # the selection pane's, not "Picture 3"
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True  # never a chart without its caption
        self.figures += 1
        self.add(_word("docx_figure", self.lang, number=self.figures, title=_safe(title)), "Caption")
        for line in chart.notes:
            self.note(line)

    def _picture(self, run: Any, png: bytes, width: Any) -> Any:
        """The picture at ``width`` in ``run``, as python-docx's ``Run.add_picture`` puts
        it, with this writer's next id (the id python-docx would give: one more than the
        document's largest)."""
        from docx.oxml.shape import CT_Inline
        from docx.shape import InlineShape

        rid, image = self.doc.part.get_or_add_image(io.BytesIO(png))
        cx, cy = image.scaled_dimensions(width, None)
        inline = CT_Inline.new_pic_inline(self.shape_id, rid, image.filename, cx, cy)
        self.shape_id += 1
        run._r.add_drawing(inline)
        return InlineShape(inline)


@speaks_periods
def render_docx(data: ReportData, lang: str) -> bytes:
    """The Word report's bytes, stamped with qntrack's generator mark (docx_layout.saved)."""
    from .docx_layout import BODY_STYLE, add_field, saved, set_properties, set_up
    from .docx_links import bookmark_names, linked_paragraph
    from .report_breakdowns import report_breakdowns
    from .report_groups import groups_chart, report_groups
    from .report_view import REPORT_PACKING, SECTION_DONE
    from .report_contents import _view

    # The progress bar counts the sections written here, the report's time, not the views.
    tick = SECTION_DONE.get()
    token = SECTION_DONE.set(None)
    try:
        view = _view(data, lang, with_charts=True)
    finally:
        SECTION_DONE.reset(token)
    doc = _document()
    set_up(doc, lang)
    set_properties(doc, view["title"], data.as_of or data.recorded_through, lang)
    out = _Writer(doc, lang)
    w, lbl = view["w"], view["l"]

    out.add(_safe(view["title"]), "Title")
    out.paragraph(f"{view['heading']} · {view['meta']}")
    # The leader's first paragraph, before the contents (issue 17, twenty-second session).
    top = view["headline"]
    out.heading(top["title"], 1)
    out.paragraph(top["counts"])
    if top["provisional"]:  # how many statuses rest on estimates (thirty-sixth session)
        out.paragraph(top["provisional"])
    marks = bookmark_names(view["sections"])  # each name links to its section (docx_links)
    for part in (top["missed"], top["awaiting"], top["at_risk"]):
        if part:
            linked = out.add("", BODY_STYLE)
            linked_paragraph(linked, part.lead, part.names, part.more, marks, _safe)
            _keep_minus(linked._p)
    out.add(_word("docx_toc", lang), "TOC Heading")
    toc = out.body.add_paragraph()
    # The parts and the targets only (Heading 1): with each target's four sub-headings the
    # shipped report's contents ran to 98 lines, two and a half pages before its headline
    # (issue 17, twenty-second session). The navigation pane still lists every heading.
    add_field(toc, 'TOC \\o "1-1" \\h \\z \\u', _word("docx_toc_shown", lang))

    if view["groups"] is not None:
        out.heading(w["groups"], 1)
        out.table(view["groups"])
        if view["groups_left_out"]:  # the report's targets in no group, under their table
            out.paragraph(view["groups_left_out"])
        out.chart(groups_chart(report_groups(data.assessments), lang), w["groups"])
    out.heading(w["contents"], 1)
    out.table(view["summary"])
    _since(out, view["since"], w)

    breakdowns = report_breakdowns(data, lang, with_charts=True, most_units=WORD_UNITS)
    for i, s in enumerate(view["sections"], 1):
        _section(out, s, breakdowns.get(s.id), w, lbl)
        out.flush()
        if tick is not None:
            tick(i, len(view["sections"]))
    out.paragraph(view["footer"])
    out.finish()
    packing = REPORT_PACKING.get()
    if packing is not None:
        packing()  # python-docx now writes the document's XML and zips it
    return saved(doc, out.written)


def _since(out: _Writer, since: dict[str, Any] | None, w: dict[str, str]) -> None:
    if since is None:
        return
    out.heading(since["title"], 1)
    if since["none"]:
        out.paragraph(since["none"])
        return
    out.heading(w["new_figures"], 2)
    if since["figures"] is not None:
        out.table(since["figures"])
    else:
        out.paragraph(w["no_new_figures"])
    out.heading(w["status_changes"], 2)
    if since["statuses"] is not None:
        out.table(since["statuses"])
    else:
        out.paragraph(w["no_status_change"])


def _section(out: _Writer, s: SectionView, b: Any, w: dict[str, str], lbl: dict[str, str]) -> None:
    from .docx_links import bookmark

    bookmark(out.heading(f"{s.number}. {s.name}", 1), s.number)
    out.paragraph(f"{s.id} · {s.kind} · {lbl['status']}: {s.status_text}")
    out.paragraph(s.definition, w["definition"])
    indicator = f"{s.indicator} ({s.indicator_id})" + (f", {s.unit}" if s.unit else "") + f", {s.direction}."
    if s.description:
        indicator += f" {s.description}"
    out.paragraph(indicator, lbl["indicator"])
    if s.source is not None:
        out.paragraph(s.source.url or s.source.text, lbl["source"])
    if s.note:
        out.paragraph(s.note, lbl["note"])
    if s.chart is not None:
        out.chart(s.chart, s.name)
    else:
        out.paragraph(s.no_chart)
    out.heading(w["figures"], 2)
    out.pairs((w["figure"], lbl["value"]), s.facts + s.key_figures)
    out.legend(s.facts_legend)  # a revised baseline's mark (thirty-second session)
    if b is not None:
        out.heading(b.heading, 2)
        if b.rollup:  # none when every unit's figures were withdrawn: the list below says it
            out.paragraph(b.rollup)
        if b.table.rows:
            out.table(b.table)
        out.chart(b.chart, f"{s.name}: {b.heading}")
        if b.chart is None and len(b.table.rows) > WORD_UNITS:
            out.paragraph(_word("docx_units_no_chart", out.lang, n=len(b.table.rows)))
        if b.not_assessed:
            out.paragraph("", w["bd_not_assessed"])
            out.bullets(b.not_assessed)
        for p in b.predecessors:
            out.heading(p.caption, 3)
            out.table(p.table)
    if s.milestones is not None:
        out.heading(lbl["milestones"], 2)
        out.table(s.milestones)
    if s.periods is not None:
        out.heading(w["periods"], 2)
        out.table(s.periods)
    if s.observations is not None:
        out.heading(lbl["observations"], 2)
        out.table(s.observations)
        if s.earlier:  # a large plan's: the latest figures only, as the HTML says
            out.paragraph(s.earlier)
    out.heading(lbl["summary"], 2)
    out.bullets(s.sentences)
