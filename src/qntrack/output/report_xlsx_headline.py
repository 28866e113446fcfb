"""The workbook's headline (issue 17, twenty-second session): a small sheet of its own,
after the Summary and the one the workbook opens on, with the lines every other report
opens with (output/headline.py): the counts by status, each as a number cell, then the
targets missed and those awaiting a figure, one a row, each linked to its Summary row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..method.groups import STATUSES
from .headline import NAMED, headline, headline_view
from .i18n import label, status_label
from .report_xlsx_book import _Book, cell_text, word

if TYPE_CHECKING:
    from .report import ReportData

__all__ = ["headline_sheet"]

# The first column's width, in characters: the longest shipped target's name (60) and more.
WIDTH = 72


def headline_sheet(book: _Book, data: ReportData, summary: str) -> None:
    """The sheet, after ``summary`` (the Summary sheet's name, whose row ``i + 2`` (its column D the target's name) is the
    report's ``i``-th target). It is made the active sheet: the workbook opens on it."""
    lang = book.lang
    view = headline_view(data.assessments, lang)
    h = headline(data.assessments)
    ws = book.sheet(word("sheet_headline", lang))
    ws.set_column(0, 0, WIDTH)
    ws.set_column(1, 1, 12)
    # A4 portrait, one page wide (its 84 characters fit at full size): with no settings,
    # LibreOffice printed the counts' column on a page of its own.
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.write_string(0, 0, view["title"], book.fmt(bold=True, font_size=14))
    ws.write_string(1, 0, view["counts"], book.fmt(text_wrap=True, valign="top"))
    # Wrapped in its column, the row as tall as its lines (15 points a line, a tenth more
    # for the words' breaks): LibreOffice does not grow a row on opening (report_xlsx_book._Table).
    ws.set_row(1, _tall(view["counts"]))
    # The days it is of, on the screen too, not only in the printed pages' header: an
    # appendix made --as-of a past day never reads as today's (issue 17, twenty-third session).
    if book.dates:
        ws.write_string(2, 0, book.dates, book.fmt(italic=True))
    row = top = 3
    counts = dict(h.by_status)
    whole = book.fmt(num_format="0")
    for s in STATUSES:
        if counts[s]:
            row += 1
            ws.write_string(row, 0, status_label(s.value, lang), book.status(s.value))
            ws.write_number(row, 1, counts[s], whole)
    # A defined table, as the Charts sheet's blocks: a screen reader finds the counts by it.
    headers = (label("status", lang), label("group_count", lang))
    ws.add_table(
        top,
        0,
        max(row, top + 1),
        1,
        {
            "name": "headline_counts",
            "style": "Table Style Light 1",
            "autofilter": False,
            "columns": [{"header": text, "header_format": book.header} for text in headers],
        },
    )
    row = max(row, top + 1)
    if view["provisional"]:  # how many statuses rest on estimates (thirty-sixth session)
        row += 2
        ws.write_string(row, 0, view["provisional"], book.fmt(text_wrap=True, valign="top"))
        ws.set_row(row, _tall(view["provisional"]))
    place = {a.target.id: i for i, a in enumerate(data.assessments)}
    link = book.fmt(font_color="#1f4e79", underline=1)
    # A name longer than the column (a target as a resolution words it) wraps, its row as tall
    # as its lines: it ran over the empty cells beside it and off the printed page (session 46).
    wrapped = book.fmt(font_color="#1f4e79", underline=1, text_wrap=True, valign="top")
    linked = False
    for part in (view["missed"], view["awaiting"], view["at_risk"]):
        if part is None:
            continue
        row += 2
        ws.write_string(row, 0, part.lead, book.fmt(bold=True))
        for cell in part.names[:NAMED]:
            row += 1
            where = place[cell.section or ""] + 2
            # A name longer than a cell holds ends saying it was cut (report_xlsx_book.cell_text).
            text = cell_text(cell.text, lang)
            long = len(text) > WIDTH
            ws.write_url(row, 0, f"internal:'{summary}'!D{where}", wrapped if long else link, string=text)
            if long:
                ws.set_row(row, _tall(text))
        if part.more:
            row += 1
            ws.write_string(row, 0, part.more)
        linked = linked or bool(part.names)
    if linked:
        # A link goes to a cell, and sorting the Summary moves its rows, not the links: said
        # under them (thirty-first session; docs/report.md, "At a glance").
        row += 2
        note = word("headline_links_note", lang)
        ws.write_string(row, 0, note, book.fmt(italic=True, text_wrap=True))
        ws.set_row(row, _tall(note))  # as tall as its lines, as the counts
    ws.activate()


def _tall(text: str) -> int:
    """The height in points of a row whose ``text`` wraps in the first column: 15 a line,
    a tenth more letters for the words' breaks."""
    return 15 * -(-len(text) * 11 // (WIDTH * 10))
