"""Rows the store holds under indicator ids the plan no longer defines (issue 17): an
indicator renamed in targets.yaml keeps its rows under the old id, and a command about
to refuse that id says they are there and how to carry them over. Counted from the raw
lines, and only on that error path: a sound command never pays for it."""

from __future__ import annotations

import csv
import os
from typing import Iterable, Mapping

from ..catalog import msg
from ..plan.model import Location, Plan, Problem

__all__ = ["stored_rows", "renamed_notes"]

# The ids one refusal counts rows for: an import of another plan's thousand ids is told
# of the first ones, as the readers' warnings are (series.UNKNOWN_SHOWN).
COUNTED = 20


def stored_rows(store: str | os.PathLike[str], ids: Iterable[str]) -> dict[str, int]:
    """The rows of ``store`` whose indicator (its total or a unit's) is one of ``ids``,
    by id; an id with none is left out. {} when the file cannot be read. The indicator is
    the first column of a store qntrack began; one with the columns in another order
    (docs/data-integrity.md) is read by the csv module, at the column its header names."""
    wanted = set(ids)
    counts: dict[str, int] = {}
    if not wanted:
        return counts
    try:
        with open(store, "rb") as f:
            column = _indicator_column(f.readline())
            if column is None:
                return counts
            if column:
                return _counted_by_csv(f, column, wanted)
            for line in f:
                head = line.split(b",", 1)[0].split(b"[", 1)[0].strip(b'"')
                name = head.decode("utf-8", "replace")
                if name in wanted:
                    counts[name] = counts.get(name, 0) + 1
    except (OSError, ValueError, csv.Error):
        return {}
    return counts


def _indicator_column(header: bytes) -> int | None:
    """Where the header line names the indicator column (None: it names none)."""
    names = [n.strip().strip('"').lower() for n in header.decode("utf-8", "replace").lstrip("\ufeff").split(",")]
    return names.index("indicator") if "indicator" in names else None


def _counted_by_csv(lines: Iterable[bytes], column: int, wanted: set[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in csv.reader(line.decode("utf-8", "replace") for line in lines):
        if len(row) > column and (name := row[column].partition("[")[0]) in wanted:
            counts[name] = counts.get(name, 0) + 1
    return counts


def renamed_notes(plan: Plan, store: str | os.PathLike[str], given: Iterable[str]) -> list[Problem]:
    """A warning for each id among ``given`` (as typed, a unit's brackets allowed) that
    the plan does not define and the store holds rows of."""
    from .rules import ids_by_name
    from .vocabulary import fold

    names = ids_by_name(plan)
    unknown: dict[str, None] = {}
    for text in given:
        base = text.partition("[")[0].strip()
        if base and base not in plan.indicators and fold(base) not in names:
            unknown.setdefault(base)
            if len(unknown) >= COUNTED:
                break
    counts: Mapping[str, int] = stored_rows(store, unknown)
    return [
        Problem(
            Location(os.fspath(store)),
            msg(
                "recording_unknown_indicator_stored",
                file=os.fspath(store),
                count=counts[i],
                indicator=i,
                targets=plan.source_file,
            ),
            "warning",
        )
        for i in unknown
        if i in counts
    ]
