"""Links inside the Word report (issue 17, twenty-third session): each target's heading
is a bookmark, and the headline's names are links to them, as the HTML's are. A reader
of the navigation pane or a screen reader (a link list) goes from "Deadline passed, not
achieved" to the target's section in one step.

A bookmark's name is ``target_<number>``: Word takes letters, digits and underscores, 40
at most, and a target's id may be longer or hold '-'.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

__all__ = ["bookmark", "bookmark_names", "linked_paragraph"]

# The report's link colour (the HTML's accent, 8.66:1 on white), underlined: not said by
# colour alone, on a black-and-white page too.
_LINK_COLOUR = "1F4E79"


def bookmark_names(sections: Sequence[Any]) -> dict[str, str]:
    """Each section's bookmark, by its target's id."""
    return {s.id: _name(s.number) for s in sections}


def _name(number: int) -> str:
    return f"target_{number}"


def bookmark(paragraph: Any, number: int) -> None:
    """``paragraph`` (a python-docx paragraph, section ``number``'s heading) made its
    section's bookmark."""
    name = _name(number)
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(number))
    p = paragraph._p
    after = p.pPr if p.pPr is not None else None
    if after is not None:
        after.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def linked_paragraph(
    paragraph: Any, lead: str, names: Sequence[Any], more: str, marks: Mapping[str, str], safe: Callable[[str], str]
) -> None:
    """``paragraph`` written as the headline's list: ``lead``, each name (a ``Cell``) a link
    to its section's bookmark when the report has it, "; " between, then ``more`` and a
    stop; the same text as ``HeadlineList.text``, each piece through ``safe``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run(text: str, link: bool = False) -> Any:
        r = OxmlElement("w:r")
        if link:
            props = OxmlElement("w:rPr")
            colour, underline = OxmlElement("w:color"), OxmlElement("w:u")
            colour.set(qn("w:val"), _LINK_COLOUR)
            underline.set(qn("w:val"), "single")
            props.append(colour)
            props.append(underline)
            r.append(props)
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = safe(text)
        r.append(t)
        return r

    p = paragraph._p
    p.append(run(f"{lead} "))
    for i, cell in enumerate(names):
        if i:
            p.append(run("; "))
        anchor = marks.get(cell.section or "")
        if anchor is None:
            p.append(run(cell.text))
            continue
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), anchor)
        link.set(qn("w:history"), "1")
        link.append(run(cell.text, link=True))
        p.append(link)
    p.append(run(f" {more}." if more else "."))
