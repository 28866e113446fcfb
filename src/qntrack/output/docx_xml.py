"""The Word report's text as WordprocessingML: text made safe for XML, a figure's minus
kept on its line, and the tables' rows and column widths written as XML. Apart from
report_docx, which orders the document, because this is how each piece is spelt in
Word's XML."""

from __future__ import annotations

import re
from typing import Any, Sequence

from .document_text import for_a_document, sign_kept
from .report_view import Cell


# XML 1.0 has no place for most control characters: one typed into the store's source or
# note (pasted from another program) is shown as ``\x1b``, as the terminal and the HTML
# show it, and an override (U+202E) by its code (output/document_text.py); a surrogate or
# a noncharacter, which no text shows, as U+FFFD. Never a report that fails.
_NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")


def _safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", sign_kept(for_a_document(text)))


# The minus of a figure ("-0.35 pp", "(-43.5%)"): a hyphen not after a letter, a digit
# or a decimal mark, before a digit. Word may end a line after a hyphen, and "gap -"
# at a line's end left "0.35 pp" on the next, a positive figure to its reader (issue
# 17, twenty-second session); it is written as Word's non-breaking hyphen, which prints as
# "-". "2021-2025" and "01-NQ/TU" keep their hyphens.
_MINUS = re.compile(r"(?<![\w.,])-(?=\d)")


def _keep_minus(paragraph: Any) -> None:
    """Each figure's minus in ``paragraph`` (its XML element) made a non-breaking hyphen."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for t in list(paragraph.iter(qn("w:t"))):
        pieces = _MINUS.split(t.text or "")
        if len(pieces) == 1:
            continue
        parent, at = t.getparent(), t.getparent().index(t)
        parent.remove(t)
        for i, piece in enumerate(pieces):
            if i:
                parent.insert(at, OxmlElement("w:noBreakHyphen"))
                at += 1
            if piece:
                kept = OxmlElement("w:t")
                kept.text = piece
                if piece != piece.strip():
                    kept.set(qn("xml:space"), "preserve")
                parent.insert(at, kept)
                at += 1


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


# A cell this long, in a column a quarter of the page wide in 8.5 pt type (about 25 letters
# a line, 4 mm a line), runs to 190 mm of the page's 257: a row holding a longer one may
# break across pages.
LONG_CELL = 1200


def _row_xml(
    cells: Sequence[Cell], twips: Sequence[int], style_id: str, numeric: frozenset[int], bold: bool = False
) -> str:
    """A table row as WordprocessingML: each cell its width, fill, paragraph style,
    alignment and one run, as python-docx writes them."""
    from xml.sax.saxutils import quoteattr

    # A row is kept on one page (w:cantSplit): a summary row six lines tall printed its
    # first line at a page's foot and the rest under the next page's header (issue 17,
    # twenty-second session). Not one with a cell longer than LONG_CELL letters, which can
    # be taller than a page, where Word would cut it rather than break it.
    whole = bold or all(len(c.url or c.text) <= LONG_CELL for c in cells)
    out = [f"<w:tr {_W}><w:trPr>{'<w:cantSplit/>' if whole else ''}</w:trPr>"]
    for i, (value, width) in enumerate(zip(cells, twips, strict=True)):
        fill = _HEADER_FILL if bold else _tint(value.status) if value.status is not None else None
        shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        align = '<w:jc w:val="right"/>' if i in numeric else ""
        props = ("<w:b/>" if bold or value.status is not None else "") + ("<w:i/>" if value.muted else "")
        run_props = f"<w:rPr>{props}</w:rPr>"  # python-docx writes one, even empty
        # A source is written out in full: on paper, a link's host alone says too little.
        text = _run_text(_safe(value.url if value.url else value.text))
        out.append(
            f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{shade}</w:tcPr>'
            f"<w:p><w:pPr><w:pStyle w:val={quoteattr(style_id)}/>{align}</w:pPr>"
            f"<w:r>{run_props}{text}</w:r></w:p></w:tc>"
        )
    out.append("</w:tr>")
    return "".join(out)


def _run_text(text: str) -> str:
    """A run's text as python-docx writes it: a tab and a line break are elements, and a
    piece keeps its spaces (xml:space) only when it begins or ends with one."""
    from xml.sax.saxutils import escape

    out = []
    for piece in re.split(r"(\t|\n|\r)", text):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\n", "\r"):  # python-docx makes each a break (an XML reader would turn \r into \n)
            out.append("<w:br/>")
        elif piece:
            for n, part in enumerate(_MINUS.split(piece)):
                if n:
                    out.append("<w:noBreakHyphen/>")  # a figure's minus (_keep_minus)
                if part:
                    keep = ' xml:space="preserve"' if part != part.strip() else ""
                    out.append(f"<w:t{keep}>{escape(part)}</w:t>")
    return "".join(out)


# A header row's fill; a status cell's is its colour in the HTML report, lightened so that
# the black text stays legible and a black-and-white printer still prints it (grey).
_HEADER_FILL = "E7E6E6"


def _tint(status: str | None, white: float = 0.7) -> str:
    from .report_groups import STATUS_COLOURS

    colour = STATUS_COLOURS.get(status or "", "#8a9099").lstrip("#")
    parts = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return "".join(f"{round(c + (255 - c) * white):02X}" for c in parts)


def _column_widths(headers: Sequence[str], rows: Sequence[Sequence[Cell]], points: float) -> list[float]:
    """Each column's width in mm, by what it holds, since Word and LibreOffice otherwise
    start from equal columns, which squeezes a target's name into a sliver. A column gets
    at least its longest word (which cannot wrap; an address, which wraps anywhere,
    counts as a short one), then a share of what is left towards its longest text."""
    from .docx_layout import TEXT_WIDTH_MM

    per_char = points * 0.3528 * 0.55  # mm: a little over half an em (a figure is half one in Times)
    padding = 4.0  # the cell's margins, left and right
    least, most = [], []
    for i, header in enumerate(headers):
        texts = [header] + [row[i].url or row[i].text for row in rows]
        word = max((len(w) for text in texts for w in text.split()), default=1)
        longest = max((len(text) for text in texts), default=1)
        least.append((min(word, 16) + 1) * per_char + padding)  # + 1: bold and accented letters
        most.append(max(least[-1], min(longest, 40) * per_char + padding))
    if sum(least) >= TEXT_WIDTH_MM:
        return [TEXT_WIDTH_MM * w / sum(least) for w in least]
    room, wanted = TEXT_WIDTH_MM - sum(least), sum(most) - sum(least)
    widths = [lo + (hi - lo) * min(1.0, room / wanted) if wanted else lo for lo, hi in zip(least, most, strict=True)]
    spare = TEXT_WIDTH_MM - sum(widths)
    return [w + spare * w / sum(widths) for w in widths]
