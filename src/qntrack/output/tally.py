"""The plan's targets counted by status in one line (issue 17, twenty-third session):
"23 targets — Target achieved: 11; …; Not available: 2." Every report's headline opens with
it (output/headline.py) and the terminal's status table ends with it, so that a person at
a terminal need not count rows to say how many targets were met.

Statuses in the order of docs/json.md (best first); a status no target has is left out.
Light on purpose: the status table served from the cache imports it.
"""

from __future__ import annotations

from typing import Iterable

from ..catalog import msg
from ..catalog import render as text_of
from ..method.progress import Status
from .i18n import number, status_label

__all__ = ["tally_line", "units_tally_line"]


def tally_line(statuses: Iterable[str], lang: str) -> str:
    """``statuses`` (each a Status value, one per target) counted, in ``lang``."""
    return _counted(statuses, lang, "report_targets_count")


def units_tally_line(statuses: Iterable[str], lang: str) -> str:
    """``statuses`` (each a Status value, one per unit of a breakdown) counted, in ``lang``:
    "4,930 units — Target achieved: 1,204; …", the line under ``status --by``'s targets'
    tally, where the units a national office reads were counted nowhere (issue 17,
    twenty-third session)."""
    return _counted(statuses, lang, "report_units_count")


def _counted(statuses: Iterable[str], lang: str, key: str) -> str:
    counts = {s.value: 0 for s in Status}
    for s in statuses:
        counts[s] += 1
    total = sum(counts.values())
    said = "; ".join(f"{status_label(s, lang)}: {number(n, lang, 0)}" for s, n in counts.items() if n)
    lead = text_of(msg(f"{key}_one" if total == 1 else key, n=number(total, lang, 0)), lang)
    return f"{lead} — {said}." if said else f"{lead}."
