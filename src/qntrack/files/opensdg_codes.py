"""An SDMX code beside the word it stands for in one column of an Open SDG data file
(issue 17, twenty-third session): 'F' on one row, 'Female' on another.

Open SDG reads every distinct cell as a value of its own: 'F' and 'Female' are two lines
on the chart, two entries of the Sex menu, and an option that selects Female leaves the
F rows out. qntrack reads them as Open SDG does, two units, so that the progress it
computes is the site's; merging them silently would judge figures the site does not.
The import says so, naming the line of each (docs/formats.md, "What maps to what")."""

from __future__ import annotations

from typing import Sequence

from ..catalog import msg
from ..plan.model import Location, Problem

__all__ = ["mixed_codes", "spaced_cells"]

# SDMX's cross-domain codes (CL_SEX, and _T for a total) and the words they stand for.
_WORDS = {
    "f": ("female", "females", "women", "woman", "girls"),
    "m": ("male", "males", "men", "man", "boys"),
    "_t": ("total", "both sexes", "all", "all ages"),
    "t": ("total", "both sexes"),
}


def mixed_codes(
    file: str, header: Sequence[str], columns: Sequence[int], body: Sequence[Sequence[str]]
) -> list[Problem]:
    """A warning for each code and word of one meaning met in one column, at the later
    of their first lines, naming the other's."""
    out: list[Problem] = []
    for i in columns:
        first: dict[str, tuple[int, str]] = {}  # casefolded cell -> (its first line, as written)
        met: set[str] = set()  # each cell as written: its first line is the one kept
        for n, cells in enumerate(body, start=2):
            if len(cells) > i and (cell := cells[i]) not in met:
                met.add(cell)
                if text := cell.strip():
                    first.setdefault(text.casefold(), (n, text))
        for code, words in _WORDS.items():
            if code not in first:
                continue
            for word in words:
                if word in first:
                    (a, code_text), (b, word_text) = first[code], first[word]
                    (at, this), (line, other) = (
                        ((b, word_text), (a, code_text)) if b > a else ((a, code_text), (b, word_text))
                    )
                    said = msg("opensdg23_code_and_word", column=header[i], cell=this, other=other, line=line)
                    out.append(Problem(Location(file, at), said, severity="warning"))
    return out


def spaced_cells(
    file: str, header: Sequence[str], columns: Sequence[int], body: Sequence[Sequence[str]], raw: Sequence[str] = ()
) -> list[Problem]:
    """One warning for a file whose disaggregation, Series or Units cells have a space
    before or after them, at the first such cell's line, with their count. pandas keeps
    the spaces: 'Females ' is a value of its own on the site, which an option naming
    'Females' leaves out; qntrack reads the unit without them, so the two would judge
    other years. Said, as a unit written in two cases is (session 45, pass O)."""
    out = [  # a header's spaces, kept by pandas too: 'Value ' is no Value column on the site
        Problem(
            Location(file, 1), msg("s45o_opensdg_spaced_header", column=name, bare=name.strip()), severity="warning"
        )
        for name in raw
        if name.strip() and name != name.strip()
    ]
    named = [*columns, *(i for i, h in enumerate(header) if h in ("Series", "Units"))]
    first: tuple[int, str] | None = None
    count = 0
    for n, cells in enumerate(body, start=2):
        for i in named:
            if len(cells) > i and cells[i].strip() and cells[i] != cells[i].strip():
                count += 1
                first = first or (n, cells[i])
    if first is None:
        return out
    said = msg("s45o_opensdg_spaced_cell", cell=first[1], bare=first[1].strip(), count=count)
    return [*out, Problem(Location(file, first[0]), said, severity="warning")]
