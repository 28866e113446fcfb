"""Where a figure replaced came from, in a revised figure's legend line (issue 17,
twenty-fifth session).

The legend under the status table and in the reports said the figure replaced and the
figure in force, "GRDP growth 2023: 11.02 % y/y → 11.03 % y/y (estimate, recorded
2023-11-27; source: …)", with where the figure in force came from only: a story citing
the revision must name both publications, and an officer must see which report the old
figure was in. The line now goes on ", replacing 11.02 % y/y (recorded 2023-11-24;
source: …)", in the words and date form of the first half, so the two read alike.
"""

from __future__ import annotations

from typing import Mapping

from ..files.textfiles import as_given
from .i18n import date_text, label

__all__ = ["Whence", "with_replaced", "said_of"]

# By period's text, the source and recorded_at of the vintage each figure of a series in
# force replaced (output.formats.Whence, one series').
Whence = Mapping[str, tuple[str, str]]


def said_of(source: str, recorded_at: str, lang: str) -> str:
    """ "recorded 2023-11-24; source: …" (the date in ``lang``'s form), as the legend says
    it of the figure in force; "no source recorded" for a figure given none."""
    said = [label("note_recorded", lang).format(date_text(recorded_at, lang))] if recorded_at else []
    source = as_given(source)  # as typed: the store's guard against spreadsheet formulas taken off
    said.append(label("note_source", lang).format(source) if source else label("note_no_source", lang))
    return "; ".join(said)


def with_replaced(note: str, before: str, period: str, whence: Whence | None, lang: str, part: bool = False) -> str:
    """``note``, the legend line of a figure of ``period`` that replaced ``before`` (written
    as the line writes it), followed by where ``before`` came from when ``whence`` knows:
    ", replacing 11.02 % y/y (recorded 2023-11-24; source: …)"; for a part of a sum
    (``part``), whose line already says the figure replaced, "; the figure replaced: recorded
    …" (the figure said once: "30 billion USD: recorded …" read as a second figure)."""
    was = (whence or {}).get(period)
    if was is None:
        return note
    said = said_of(was[0], was[1], lang)
    key = "note_part_replaced" if part else "note_replaced"
    return label(key, lang).format(note=note, before=before, said=said)
