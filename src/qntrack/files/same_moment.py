"""Two vintages of one period at one moment: which is in force would depend on the
order of the file's lines (checks_vintages.same_moment_problems). What an append does about
it, against the stored vintages (recording.record_batch): a row stamped now steps one
second past a stored vintage of its second; a row given the moment of a different stored
vintage is refused."""

from __future__ import annotations

from itertools import compress
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from ..catalog import Figure, Message, msg
from ..errors import InputError
from ..plan.model import Location, Observation, Problem

if TYPE_CHECKING:
    from ..method.history import VintageIndex

__all__ = ["after_same_moment", "refuse_same_moment"]

_AT = attrgetter("recorded_at")


def after_same_moment(
    kept: list[tuple[Location, Observation]], stored: VintageIndex, undated: str, rows: list[Observation]
) -> list[tuple[Location, Observation]]:
    """A row stamped now (no recorded_at given) that falls in the same second as a stored
    vintage of its period (a figure typed twice in a second, the second one a correction)
    is stamped one second after it: it was entered after it, and two vintages of one
    moment would leave the one in force to file order (docs/decisions.md). ``rows`` is
    updated in place, so that the row still counts as added."""
    from ..method.timing import one_second_after

    if not any(o.recorded_at == undated for _, o in kept):
        return kept
    out = []
    for where, o in kept:
        stamp: str | None = o.recorded_at
        if stamp == undated:
            # Only the seconds from now on: a vintage dated in the future is outranked by
            # --force alone (docs/decisions.md, "Retractions"), never by stepping to it.
            taken = {
                s.recorded_at for s in stored.get((o.indicator, o.period.sort_key), ()) if s.recorded_at >= undated
            }
            while stamp is not None and stamp in taken:
                stamp = one_second_after(stamp)
            if stamp is not None and stamp != o.recorded_at:
                moved = o._replace(recorded_at=stamp)
                rows[next(i for i, r in enumerate(rows) if r is o)] = moved
                o = moved
        out.append((where, o))
    return out


def refuse_same_moment(
    kept: Sequence[tuple[Location, Observation]],
    stored: Sequence[Observation],
    store: Path,
    index: VintageIndex,
    by_index: bool | None = None,
) -> None:
    """A row recorded at the same moment as a different stored vintage of its period is
    refused, as within a batch (import_tables._note_duplicate): which of the two is in force
    would depend on file order (checks_vintages.same_moment_problems). Identical rows were
    already left out (history.already_recorded). ``index``: the stored rows by period.
    ``by_index``: look in the periods' vintages rather than over every stored row (by
    default, when the batch is small against the store)."""
    wanted = {(o.indicator, o.period.sort_key, o.recorded_at): (where, o) for where, o in kept}
    if by_index is None:
        by_index = len(wanted) * 8 < len(stored)
    if by_index:
        # A few rows against a national store: their periods' vintages alone, in file
        # order, not a pass over a million rows (0.5 s of a 15,000-row import; issue 17).
        stored = sorted(
            (s for (name, key, at) in wanted for s in index.get((name, key), ()) if s.recorded_at == at),
            key=attrgetter("line"),
        )
    else:
        # Else one pass over the stored rows, cheaper than asking the index of every period
        # for each of a national import's rows: only those stamped at one of the batch's
        # moments, picked in C, are asked of the dict (issue 17, thirty-first session).
        moments = {at for (_, _, at) in wanted}
        stored = list(compress(stored, map(moments.__contains__, map(_AT, stored))))
    problems = [
        Problem(wanted[key][0], _said(o, wanted[key][1], store))
        for o in stored
        if (key := (o.indicator, o.period.sort_key, o.recorded_at)) in wanted
    ]
    if problems:
        raise InputError(problems)


def _said(stored: Observation, row: Observation, store: Path) -> Message:
    """Another figure at the stored vintage's moment; or the same value with other cells
    (an export imported back with --status, which fills the cells left empty): said as
    such, naming the cells that differ, never "another figure"."""
    params = dict(
        indicator=stored.indicator,
        period=stored.period,
        recorded_at=stored.recorded_at,
        line=stored.line,
        file=store.name,
    )
    cells = [name for name in ("status", "source", "note") if getattr(stored, name) != getattr(row, name)]
    if stored.value != row.value or not cells:
        return msg("recording_same_moment", **params)
    # A Figure, written as the reader writes numbers (8,97 in Vietnamese, where 8.97 is not one).
    return msg("recording_same_moment_cells", **params, value=Figure(row.value), cells=", ".join(cells))
