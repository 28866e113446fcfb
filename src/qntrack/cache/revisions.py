"""What each figure in force replaced, as the status cache keeps it for the table's marks.

The terminal's status table marks a figure that revised an earlier one (summary.status_cells,
issue 17, seventeenth session). The cache keeps, by target's series and by period's text,
the value each figure in force replaced, worked out on a cold run from the rows of the
periods recorded more than once (``in_force``'s ``replaced``, noted while the series are
built). After an append they are brought up to date from the appended rows and the
figures those follow (``revised_whence_after``), unless an appended row is recorded before the
figure in force: then a cold run.
"""

from __future__ import annotations

from typing import Any, Sequence

from ..output.status_run import revised_of, whence_in  # the status command's, for a status served here

__all__ = ["revised_of", "whence_in", "revised_whence_after", "withdrawn_in", "withdrawn_after"]

# By series, by period's text, the source, recorded_at and status of the vintage replaced
# and the figure in force's (output.formats.Whence, replaced_from.came), as the cache keeps
# it beside ``revised``.
WhenceKept = dict[str, dict[str, tuple[Any, ...]]]


def revised_whence_after(
    revised: dict[str, dict[str, float | None]], whence: WhenceKept, added: Sequence[Any], in_force: Sequence[Any]
) -> tuple[dict[str, dict[str, float | None]], WhenceKept] | None:
    """``revised`` and ``whence`` (where each figure replaced came from: its source and
    recorded_at; issue 17, twenty-fifth session) brought up to date with the ``added`` rows,
    given the rows that were in force before them; None when only a cold run can tell.

    A period's vintages are ordered by ``recorded_at``, then line; an appended row has a
    later line than any stored one. So when every appended row of a period is recorded
    at or after the figure that was in force (or the period had none in force: no figure,
    or a retraction), the vintages at the end of the period's order are that figure, then
    the appended rows: the last is in force and replaced the one before it (a retraction
    replaces nothing, as ``method.history.revised_values`` says). An appended row recorded
    before the figure in force slots in among vintages the cache does not keep: cold.
    """
    from ..output.replaced_from import came as came_of
    from ..plan.model import RETRACTED

    before = {(o.indicator, o.period): o for o in in_force}
    grouped: dict[tuple[str, Any], list[Any]] = {}
    for o in added:
        grouped.setdefault((o.indicator, o.period), []).append(o)
    out = {key: dict(periods) for key, periods in revised.items()}
    came = {key: dict(periods) for key, periods in whence.items()}
    for (key, period), rows in grouped.items():
        rows.sort(key=lambda o: o.recorded_at)  # stable: on a tie, the later line after
        was = before.get((key, period))
        if was is not None and rows[0].recorded_at < was.recorded_at:
            return None
        chain = ([was] if was is not None else []) + rows
        previous = chain[-2] if len(chain) > 1 else None
        periods = out.setdefault(key, {})
        sources = came.setdefault(key, {})
        if previous is None or previous.status == RETRACTED or chain[-1].status == RETRACTED:
            periods.pop(str(period), None)
            sources.pop(str(period), None)
        else:
            periods[str(period)] = previous.value
            sources[str(period)] = came_of(previous, chain[-1])  # and the figure in force (twenty-seventh session)
        if not periods:
            del out[key]
        if not sources:
            del came[key]
    return out, came


def withdrawn_in(observations: Sequence[Any]) -> dict[str, list[str]]:
    """By series, the periods a retraction was recorded for (period's text). The cache keeps
    only the figures in force; a period withdrawn has none there, so a row appended to it
    recorded before the retraction would be put in force by the warm path where the
    retraction, recorded last, keeps it withdrawn: such an append is answered cold.
    Picked in C: a cold run over a million rows pays one pass of attribute reads."""
    from itertools import compress
    from operator import attrgetter

    from ..plan.model import RETRACTED

    out: dict[str, list[str]] = {}
    statuses = map(RETRACTED.__eq__, map(attrgetter("status"), observations))
    for o in compress(observations, statuses):
        out.setdefault(o.indicator, []).append(str(o.period))
    return out


def withdrawn_after(withdrawn: dict[str, list[str]], added: Sequence[Any]) -> dict[str, list[str]] | None:
    """``withdrawn`` with the ``added`` rows' retractions; None when an added row is for a
    period a retraction was recorded for (only a cold run knows the order of its vintages)."""
    from ..plan.model import RETRACTED

    out = {key: list(periods) for key, periods in withdrawn.items()}
    for o in added:
        if str(o.period) in withdrawn.get(o.indicator, ()):
            return None
        if o.status == RETRACTED:
            out.setdefault(o.indicator, []).append(str(o.period))
    return out
