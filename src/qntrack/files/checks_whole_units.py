"""A stored figure of 2**53 or more whose whole units a double does not hold (issue 17,
twenty-sixth session).

``add-observation``, every import and ``record_many`` refuse ``9007199254740993`` (it would
be stored as ``9007199254740992``: figures.whole_units_kept). A row written so by hand was
still read as the double, in silence, by every command. ``check`` says it, under the
``store`` check (every row reads as written), at the row's line, with the figure every
command reads; the store's readers keep reading it, as they read any row ``check`` flags.

The rows are walked once for their largest magnitude (a national store's million rows:
about 60 ms on a slow machine); the file is read again only when one is that large.
"""

from __future__ import annotations

import csv
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Sequence

from ..catalog import Message, msg
from ..plan.model import Location, Observation, Problem

__all__ = ["whole_unit_problems"]

_HELD = 2.0**53  # below it a double holds every whole number


def whole_unit_problems(observations: Sequence[Observation], store: Path, file: str) -> list[Problem]:
    """The rows of ``store`` (``file``, as problems name it) whose value is a whole number a
    double cannot hold, each at its line."""
    # 0.0 first: max() keeps a NaN (a retraction's value) met first, never one met later.
    if max(chain((0.0,), map(abs, map(attrgetter("value"), observations)))) < _HELD:
        return []
    lines = {o.line for o in observations if o.value >= _HELD or o.value <= -_HELD}
    from .figures import whole_units_kept

    problems: list[Problem] = []
    for line, text, value in _values(store, lines):
        try:
            whole_units_kept(value, text, text)
        except ValueError as exc:
            said = exc.args[0]
            if isinstance(said, Message):  # import_value_beyond_precision: its figures
                stored = dict(said.params)["stored"]
                problems.append(
                    Problem(Location(file, line), msg("checks_whole_units", text=text, stored=stored), check="store")
                )
    return problems


def _values(store: Path, lines: set[int]) -> list[tuple[int, str, float]]:
    """The value cell of each row of ``store`` starting at one of ``lines``, as written, and
    as read."""
    found: list[tuple[int, str, float]] = []
    with store.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = [cell.strip().lower() for cell in next(reader, [])]
        if "value" not in header:
            return found
        at = header.index("value")
        start = reader.line_num + 1
        for row in reader:
            if start in lines and len(row) > at:
                text = row[at].strip()
                try:
                    found.append((start, text, float(text)))
                except ValueError:
                    pass  # not a number: the store check's own refusal
            start = reader.line_num + 1
    return found
