"""The Word report's page and type, its fields, and its bytes (output/report_docx.py).

Laid out as Vietnamese administrative documents are (Decree 30/2020/ND-CP, Appendix I;
docs/report.md, "Word"): A4 upright, Times New Roman in black, body text 13 pt, margins
top and bottom 20 mm, left 30 mm, right 15 mm, and the page number centred in the top
margin from page 2 on (the first page shows none). English output has the same layout.

The document is saved with fixed dates (its properties from the report's day, every zip
entry 1980-01-01), so the same data gives the same bytes; the zip comment carries
qntrack's generator mark and fingerprint (files/outputs.py).
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .docx_body import WrittenBody

__all__ = [
    "FONT",
    "BODY_PT",
    "TABLE_PT",
    "WIDE_TABLE_PT",
    "MARGINS_MM",
    "TEXT_WIDTH_MM",
    "TABLE_STYLE",
    "set_up",
    "add_field",
    "saved",
    "property_text",
]

FONT = "Times New Roman"
BODY_PT = 13  # the decree: 13 to 14 pt for the body
HEADING_PT = (14, 13, 13)  # Heading 1, 2, 3: bold (3 also italic), black
TABLE_PT = 11  # tables are set smaller than the body, as in the decree's own appendices' tables
WIDE_TABLE_PT = 9  # a table of more than 8 columns (the milestones: 11)
CAPTION_PT = 12
# Top, bottom, left, right: the smallest the decree allows, so a table gets the most width.
MARGINS_MM = (20, 20, 30, 15)
PAGE_MM = (210, 297)  # A4
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM[2] - MARGINS_MM[3]
TABLE_STYLE = "qntrack table text"
WIDE_TABLE_STYLE = "qntrack wide table text"
BODY_STYLE = "Body Text"
# A zip entry's date: the earliest a zip can hold, the same on every run.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_LANG = {"vi": "vi-VN", "en": "en-GB"}
# The radix point and list separator Word reads a field's numbers with (a table's
# =SUM(ABOVE); ECMA-376 Part 1, 17.15.1.24-25), as the report writes its figures:
# "1.234,5" in Vietnamese, as Windows' Vietnamese settings write them.
_NUMBERS = {"vi": (",", ";"), "en": (".", ",")}


def _fonts(rpr: Any) -> None:
    """Times New Roman for every script (Latin, East Asian, complex), no theme font."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    rpr.insert(0, fonts)


def _style_font(style: Any, size: float, bold: bool | None = None, italic: bool | None = None) -> None:
    from docx.shared import Pt, RGBColor

    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = RGBColor(0, 0, 0)  # the decree: black (no theme colour)
    _fonts(style.element.get_or_add_rPr())


def set_up(doc: Any, lang: str) -> None:
    """Page size, margins, page numbers, fonts and the styles the report uses."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    top, bottom, left, right = MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    # The page number, centred in the top margin; the first page shows none (the decree).
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(number, "PAGE", "1")

    styles = doc.styles
    # The document's defaults: every run not otherwise styled, and its spelling language.
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr)
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), _LANG.get(lang, "en-GB"))
    language.set(qn("w:eastAsia"), _LANG.get(lang, "en-GB"))
    rpr.append(language)

    normal = styles["Normal"]
    _style_font(normal, BODY_PT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.0
    body = styles[BODY_STYLE]
    _style_font(body, BODY_PT)
    # The decree: a paragraph's first line indented 1 to 1.27 cm, text justified.
    body.paragraph_format.first_line_indent = Mm(10)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.space_after = Pt(6)
    for level, size in enumerate(HEADING_PT, 1):
        heading = styles[f"Heading {level}"]
        _style_font(heading, size, bold=True, italic=level == 3 or None)
        heading.paragraph_format.space_before = Pt(12 if level == 1 else 9)
        heading.paragraph_format.space_after = Pt(6)
    title = styles["Title"]
    _style_font(title, 14, bold=True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # The template draws a blue rule under a title: a plain one here.
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    caption = styles["Caption"]
    _style_font(caption, CAPTION_PT, bold=False, italic=True)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _style_font(styles["List Bullet"], BODY_PT)
    _style_font(styles["TOC Heading"], 14, bold=True)
    for name, size in ((TABLE_STYLE, TABLE_PT), (WIDE_TABLE_STYLE, WIDE_TABLE_PT)):
        cells = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        cells.base_style = normal
        _style_font(cells, size)
        cells.paragraph_format.space_after = Pt(0)
        cells.paragraph_format.space_before = Pt(0)
    _update_fields_on_open(doc)
    _number_signs(doc, lang)


def _number_signs(doc: Any, lang: str) -> None:
    """The template's ``decimalSymbol`` "." and ``listSeparator`` "," made the report's:
    Word's =SUM(ABOVE) read a Vietnamese table's 1.234,5 as 1.2345."""
    from docx.oxml.ns import qn

    point, separator = _NUMBERS.get(lang, _NUMBERS["en"])
    settings = doc.settings.element
    for tag, value in (("decimalSymbol", point), ("listSeparator", separator)):
        element = settings.find(qn(f"w:{tag}"))
        if element is not None:  # both are in python-docx's template, in their place
            element.set(qn("w:val"), value)


def _update_fields_on_open(doc: Any) -> None:
    """Ask Word to fill in the fields (the table of contents) when it opens the file."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    # Its place in the settings' sequence (ECMA-376, CT_Settings): before these.
    later = {qn(f"w:{tag}") for tag in _AFTER_UPDATE_FIELDS}
    following = next((child for child in settings if child.tag in later), None)
    if following is None:
        settings.append(update)
    else:
        following.addprevious(update)


_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def add_field(paragraph: Any, instruction: str, shown: str) -> None:
    """A Word field (PAGE, TOC) in ``paragraph``, showing ``shown`` until Word updates it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(tag: str, **attrs: str) -> Any:
        run = OxmlElement("w:r")
        child = OxmlElement(tag)
        for key, value in attrs.items():
            child.set(qn(key), value)
        run.append(child)
        paragraph._p.append(run)
        return child

    run_with("w:fldChar", **{"w:fldCharType": "begin", "w:dirty": "true"})
    instr = run_with("w:instrText", **{"xml:space": "preserve"})
    instr.text = f" {instruction} "
    run_with("w:fldChar", **{"w:fldCharType": "separate"})
    paragraph.add_run(shown)
    run_with("w:fldChar", **{"w:fldCharType": "end"})


# python-docx keeps a core property to this many characters, and raises past it.
_PROPERTY_CHARACTERS = 255


def property_text(text: str) -> str:
    """``text`` as a document property holds it: whole, or its first characters and an
    ellipsis, cut before a letter's marks (decomposed Vietnamese) and never inside an emoji
    joined by U+200D. A plan's title has no limit; the report's first line keeps it whole."""
    import unicodedata

    if len(text) <= _PROPERTY_CHARACTERS:
        return text
    cut = _PROPERTY_CHARACTERS - 1
    while cut > 0 and (unicodedata.combining(text[cut]) or text[cut] in "\u200d\ufe0f" or text[cut - 1] == "\u200d"):
        cut -= 1
    return text[:cut] + "\u2026"


def set_properties(doc: Any, title: str, day: str | None, lang: str) -> None:
    """The document's properties, from the report alone: no clock, no user name."""
    from .. import __version__

    when = (
        datetime.fromisoformat(day[:10]).replace(tzinfo=timezone.utc)
        if day
        else datetime(2000, 1, 1, tzinfo=timezone.utc)
    )
    props = doc.core_properties
    props.title = property_text(title)
    props.author = "qntrack"
    props.last_modified_by = "qntrack"
    props.comments = f"qntrack {__version__}"
    props.created = when
    props.modified = when
    props.revision = 1
    props.language = _LANG.get(lang, "en-GB")
    _own_package(doc)


# python-docx's template names Word for Mac as the program, with one page and no word
# (Windows' Properties > Details), and carries a blank page as the thumbnail that
# Explorer, Finder and mail previews show: the report looked empty (session 46, pass D).
_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>qntrack</Application></Properties>"
).encode("utf-8")


def _own_package(doc: Any) -> None:
    """No template thumbnail: a part no relationship reaches is not written. (The extended
    properties are replaced in saved(), entry by entry: python-docx has no public way to
    set a part's bytes, and it is not pinned.)"""
    rels = doc.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            rels.pop(rid)


def _app_entry(doc: Any) -> str:
    """The zip entry of the extended properties (docProps/app.xml in python-docx's template)."""
    for rel in doc.part.package.rels.values():
        if rel.reltype.endswith("/extended-properties"):
            return str(rel.target_part.partname).lstrip("/")
    return ""


def saved(doc: Any, body: WrittenBody | None = None) -> bytes:
    """The document's bytes: python-docx's zip, rewritten entry by entry in the same order
    with a fixed date, and qntrack's generator mark (with its fingerprint) as the zip
    comment, at the very end of the file where outputs.mark_state looks for it. ``body``:
    the pieces written out of the tree (docx_body), spliced into word/document.xml."""
    from ..files.outputs import GENERATOR_MARK, stamp
    from .docx_body import write_entry

    first = io.BytesIO()
    app = _app_entry(doc)
    doc.save(first)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(first.getvalue())) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            if body is not None and info.filename == "word/document.xml":
                write_entry(dst, entry, *body.spliced(src.read(info)))
            elif info.filename == app:  # qntrack as the program, no page or word count
                dst.writestr(entry, _APP_XML)
            else:
                dst.writestr(entry, src.read(info))
        # Written with the fingerprint's 64 digits as zeros; stamp() fills them in, keeping
        # the comment's length, which the zip's last record states.
        dst.comment = (GENERATOR_MARK[:-4] + "; sha256:" + "0" * 64 + " -->").encode("ascii")
    return stamp("docx", out.getvalue())
