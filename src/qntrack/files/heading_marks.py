"""A footnote mark after a period heading: `2024 (*)`, `2024*`, `2024(1)`, `2024¹`, as a
yearbook marks a column whose figures a note below the table qualifies (issue 17,
twenty-seventh session). The heading is read as its period; the mark is said, never read
as a status (a note may say "preliminary", or "new boundaries", or anything else)."""

from __future__ import annotations

import re

from ..catalog import msg
from ..plan.model import Location, Problem
from ..plan.periods import PeriodError

# A footnote mark: stars, alone or in brackets; a footnote's number or letter in brackets;
# superscript digits. A status in brackets ("(uoc)") is no mark: it is read before this is
# asked (import_headers.status_heading); nor is a statistics table's flag of a status, (p)
# provisional or (e) estimated (Eurostat's, the OECD's): read past, the figure was recorded
# with no status (``status_flags``; twenty-eighth session, pass G). Up to three marks after
# a heading (`2024 (1)(2)`: two notes qualify the column), or one before it (`(*) 2024`, as
# some yearbooks print it; pass E): each read as one mark is.
_ONE = r"(?:\(\s*(?:\*{1,3}|\d{1,2}|[a-df-oq-z])\s*\)|\*{1,3}|[\u00b9\u00b2\u00b3\u2070-\u2079]+)"
_MARK = re.compile(rf"^(?P<rest>.*?\S)\s*(?P<mark>{_ONE}(?:\s*{_ONE}){{0,2}})$")
_MARK_BEFORE = re.compile(rf"^(?P<mark>{_ONE})\s*(?P<rest>\S.*)$")


def footnote_mark(heading: str) -> tuple[str, str] | None:
    """(the heading without its marks, the marks as written) of a heading ending in a
    footnote mark or opening with one, None for any other. Only the mark's shape is known
    here: the caller reads the rest as a period and passes over a heading that is not one."""
    text = heading.strip()
    found = _MARK.match(text) or _MARK_BEFORE.match(text)
    if found is None:
        return None
    return found.group("rest"), found.group("mark")


# The last (and first) character of a text footnote_mark may find a mark in: asked first of each of a
# long table's period cells, so that a plain period (nearly every one) costs one lookup.
_MARK_ENDS = frozenset("*)\u00b9\u00b2\u00b3" + "".join(map(chr, range(0x2070, 0x207A))))
_MARK_STARTS = frozenset("(*\u00b9\u00b2\u00b3" + "".join(map(chr, range(0x2070, 0x207A))))


class PeriodMarks:
    """The footnote marks read past in a long table's period cells (`2024 (*)`, `quy
    I/2025*`; issue 17, twenty-eighth session), as a wide table's headings are: the cell is
    its period, and the import says once, at the first marked cell, each marked text and
    the period it was read as. A mark on a period with a status (`So bo 2025(*)`) is taken
    off too, so that the period cell's rule tells the period alone; a mark on no period
    (`Tong so (*)`) is kept, and the cell refused as it is written."""

    def __init__(self) -> None:
        self.read_as: dict[str, tuple[str, str]] = {}  # the cell as typed -> (its period, its mark)
        self.first: Location | None = None

    def cell(self, text: str, where: Location) -> str:
        """The period cell ``text`` without its mark when it has one on a period, else as it is."""
        if text[-1:] not in _MARK_ENDS and text[:1] not in _MARK_STARTS:
            return text
        found = footnote_mark(text)
        if found is None:
            return text
        from . import rules
        from .import_headers import _read_period, status_after_period, status_before_period

        rest, mark = found
        try:
            rules.period(text)
            return text  # a period as it is (no form of one ends so today; said for safety)
        except PeriodError:
            pass
        try:
            period = str(rules.period(_read_period(rest)))
        except PeriodError:
            # A status and a period, refused by the cell's rule in words of its own.
            return rest if status_before_period(rest) or status_after_period(rest) else text
        self.read_as.setdefault(text, (period, mark))
        if self.first is None:
            self.first = where
        return rest

    def said(self) -> list[Problem]:
        """The one warning of the marks read past, or none."""
        if self.first is None:
            return []
        cells = ", ".join(f"'{text}' → {period}" for text, (period, _) in self.read_as.items())
        marks = ", ".join(dict.fromkeys(mark for _, mark in self.read_as.values()))
        return [Problem(self.first, msg("import_period_footnote_marks", cells=cells, marks=marks), "warning")]
