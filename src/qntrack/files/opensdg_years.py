"""A Year as an Open SDG site wrote it, given back by the export (issue 17, twenty-second
session).

Open SDG reads a `Year` longer than four characters by its first four (a fiscal year
`2016/2017`, a quarter `2023 Q4`), and so does `import opensdg`, which keeps the label in
the figure's note: `data/indicator_3-4-1.csv:4 (Year 2016/2017)`. The export wrote the
year alone, so the site's chart and table said 2016 where they had said 2016/2017; it now
writes the label back, which Open SDG (and the import) read as the same year."""

from __future__ import annotations

import re

__all__ = ["year_label"]

# The note the import writes (opensdg_import: the data file and line, then the label).
_NOTE = re.compile(r".+\.csv:\d+ \(Year (?P<label>[^\n]+)\)")


def year_label(note: str, year: int) -> str:
    """The Year as the site wrote it, from a figure's note, when the note is the import's
    and its label is read as ``year``; else ""."""
    found = _NOTE.fullmatch(note or "")
    if found is None:
        return ""
    label = found["label"]
    if re.fullmatch(r"\d{4}\.0*", label):
        return ""  # '2015.0', a year pandas wrote as a float: a slip, written as the year
    return label if len(label) > 4 and label[:4] == str(year) else ""
