"""The Vietnamese words of an English Word report marked as Vietnamese (output/report_docx.py).

An English report's spelling language is en-GB (docx_layout.set_up), but much of what it
quotes from targets.yaml and the store is Vietnamese: a unit's name, a source, a plan's or
a group's title, a resolution's number. Marked en-GB, Word underlined every such word as
a misspelling and a screen reader read it with English sounds. Each stretch of Vietnamese
words is here its own run, marked vi-VN (``w:lang``), the English around it left as it
was: a cell "(unit name) (until 2025-06-30)" is two runs, the name Vietnamese, the date
English. A Vietnamese report needs nothing: its own language is vi-VN, and an English
source in it is not told apart from Vietnamese here (both are written in Latin letters;
only Vietnamese has the letters below).
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from typing import Any

__all__ = ["mark_vietnamese", "mark_vietnamese_in"]

# Letters of Vietnamese words, as \u escapes (the words themselves live in the catalog):
# a, e, i, o, u, y with the marks Latin-1 has (a town's name with o acute and a acute), the
# breve, d with stroke, i and u with tilde, o and u with horn, and Latin Extended
# Additional's tone-marked vowels (a with dot below); and, for a text typed decomposed (NFD:
# a Mac's file), the combining marks those letters are made of: grave, acute, circumflex,
# tilde, breve, hook above, horn, dot below.
_VIETNAMESE = re.compile(
    "[\u0300-\u0303\u0306\u0309\u031b\u0323"
    "\u00c0-\u00c3\u00c8-\u00ca\u00cc\u00cd\u00d2-\u00d5\u00d9\u00da\u00dd"
    "\u00e0-\u00e3\u00e8-\u00ea\u00ec\u00ed\u00f2-\u00f5\u00f9\u00fa\u00fd"
    "\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]"
)
# A word: letters, each with the combining marks after it (a decomposed "a" and dot below is
# one letter, not a word's end).
_WORD = re.compile(r"(?:[^\W\d_][\u0300-\u036f]*)+")
# English words that stand next to a name without being part of it ("Only ... 's own
# estimate", "... and ..."): never taken for one of its unmarked syllables.
_ENGLISH = frozenset(
    "a all also and as at both but by each every for from if in is its no not of on only or "
    "per since than that the their then these this those to until was were when where while "
    "with without".split()
)


@lru_cache(maxsize=4096)  # a unit's name, a source: the same texts, cell after cell
def vietnamese_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of each stretch of Vietnamese words in ``text``: words holding a
    Vietnamese letter, with the unmarked syllables of the same name or phrase (a capitalised
    word next to one, "Long" after the town's first syllable; a lowercase one between two,
    "kinh" in "... kinh t\u1ebf"), each joined to the next by one space only."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    ours = [bool(_VIETNAMESE.search(w)) for _, _, w in words]

    def joined(i: int) -> bool:  # word i and word i + 1 are one space apart
        return text[words[i][1] : words[i + 1][0]] == " "

    changed = True
    while changed:  # a name's unmarked syllables, one after another ("Ba Ch...", "... Long")
        changed = False
        for i, (_, _, w) in enumerate(words):
            if ours[i] or w.lower() in _ENGLISH:
                continue
            # Not after an abbreviation: "(council's abbreviation) Resolution 176" is English.
            before = i > 0 and ours[i - 1] and joined(i - 1) and not words[i - 1][2].isupper()
            after = i + 1 < len(words) and ours[i + 1] and joined(i)
            if (w[:1].isupper() and (before or after)) or (before and after):
                ours[i] = changed = True
    spans: list[tuple[int, int]] = []
    for i, (start, end, _) in enumerate(words):
        if not ours[i]:
            continue
        if spans and i > 0 and ours[i - 1] and joined(i - 1):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return tuple(spans)


def mark_vietnamese(doc: Any, lang: str) -> Any:
    """``doc`` with the Vietnamese words of its runs in runs of their own marked vi-VN,
    when the document is in another language; unchanged for a Vietnamese one. A run holding
    anything but text, tabs, breaks and the figures' non-breaking hyphens (a field, a
    picture) is left whole."""
    mark_vietnamese_in(doc.element.body, lang)
    return doc


def mark_vietnamese_in(element: Any, lang: str) -> None:
    """The runs inside ``element`` marked as ``mark_vietnamese`` marks a document's: the
    report marks each piece of its body before writing it out (docx_body)."""
    from docx.oxml.ns import qn

    if lang == "vi":
        return
    text_tag, props_tag = qn("w:t"), qn("w:rPr")
    plain = {text_tag, qn("w:tab"), qn("w:br"), qn("w:noBreakHyphen")}
    for run in list(element.iter(qn("w:r"))):
        pieces = [child for child in run if child.tag != props_tag]
        if any(p.tag not in plain for p in pieces):
            continue
        if all((p.text or "").isascii() for p in pieces if p.tag == text_tag):
            continue
        _split(run, pieces, text_tag, props_tag)


def _split(run: Any, pieces: list[Any], text_tag: str, props_tag: str) -> None:
    """``run`` made a run for each stretch of one language, the Vietnamese ones marked."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    # (is Vietnamese, element): each text cut where its language changes; a tab, a break or
    # a hyphen goes with the stretch before it.
    parts: list[tuple[bool | None, Any]] = []
    for piece in pieces:
        if piece.tag != text_tag:
            parts.append((None, piece))
            continue
        text, at = piece.text or "", 0
        for start, end in vietnamese_spans(text):
            if start > at:
                parts.append((False, text[at:start]))
            parts.append((True, text[start:end]))
            at = end
        if at < len(text):
            parts.append((False, text[at:]))
    if not any(vietnamese for vietnamese, _ in parts):
        return  # not ASCII, but no Vietnamese word: a dash, a sign
    props = run.find(props_tag)
    runs: list[tuple[bool, list[Any]]] = []
    for vietnamese, part in parts:
        if vietnamese is None:
            if runs:
                runs[-1][1].append(part)
            else:
                runs.append((False, [part]))
        elif runs and runs[-1][0] == vietnamese:
            runs[-1][1].append(part)
        else:
            runs.append((vietnamese, [part]))
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "vi-VN")
    if len(runs) == 1:  # Vietnamese throughout (a unit's name, a source): marked as it is
        if props is None:
            props = OxmlElement("w:rPr")
            run.insert(0, props)
        props.append(language)  # the last of the properties qntrack writes, as the schema orders them
        return
    for vietnamese, content in runs:
        new = OxmlElement("w:r")
        kept = copy.deepcopy(props) if props is not None else None
        if vietnamese:
            kept = kept if kept is not None else OxmlElement("w:rPr")
            kept.append(copy.deepcopy(language))
        if kept is not None:
            new.append(kept)
        for part in content:
            if isinstance(part, str):
                t = OxmlElement("w:t")
                t.text = part
                if part != part.strip():
                    t.set(qn("xml:space"), "preserve")
                new.append(t)
            else:
                new.append(part)
        run.addprevious(new)
    run.getparent().remove(run)
