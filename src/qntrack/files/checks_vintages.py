"""`qntrack check`'s errors among one moment's several vintages (same moment, repeated,
merged retractions): apart from the row checks, which judge one row at a time, because
these compare a moment's rows."""

from __future__ import annotations

from operator import attrgetter
from typing import Sequence

from ..catalog import msg
from ..plan.model import Location, Observation, Problem, RETRACTED

# A row's moment in its period, and its status, read in C.
_MOMENT = attrgetter("indicator", "period.sort_key", "recorded_at")
_STATUS = attrgetter("status")


def same_moment_problems(observations: Sequence[Observation], file: str) -> list[Problem]:
    """Two different vintages of one indicator and period recorded at the same moment:
    which is in force then depends on the order of the lines (series.in_force takes the
    later line on a tie), so one of them is a mistake. The same figure (value, status,
    source) twice is only a repeat, as in a batch (import_tables._note_duplicate)."""
    # A million rows are nearly all one vintage per moment: the keys are made in C and
    # the rows walked in Python only when two share one.
    keys = list(map(_MOMENT, observations))
    if len(set(keys)) == len(keys):
        return []
    first: dict[tuple, Observation] = {}
    problems = []
    for key, o in zip(keys, observations, strict=True):
        seen = first.setdefault(key, o)
        if seen is not o and (seen.published_figure, seen.status, seen.source) != (
            o.published_figure,
            o.status,
            o.source,
        ):
            problems.append(
                Problem(
                    Location(file, o.line),
                    msg(
                        "checks_same_moment",
                        indicator=o.indicator,
                        period=o.period,
                        recorded_at=o.recorded_at,
                        line=seen.line,
                    ),
                    check="same-moment",
                )
            )
    return problems


def repeated_problems(observations: Sequence[Observation], file: str) -> list[Problem]:
    """A row that repeats an earlier one: the same indicator, period, value, status, source
    and recorded_at (the vintage ``add-observation`` calls already recorded and leaves
    out). Two officers who each added the figure in their own clone leave it twice after
    a clean git merge. It counts once (series.in_force keeps one vintage of a moment), so
    this is a warning, at the later line, naming the first (docs/data-integrity.md)."""
    # A repeat shares its period's moment with the row it repeats: when no two rows share
    # one (nearly always), none can, told in C as same_moment_problems tells it; the loop
    # below, a tuple of six made in Python a row, took 0.04 s of the 57,560 revised rows
    # of a provinces check (issue 17, thirty-second session).
    moments = list(map(_MOMENT, observations))
    if len(set(moments)) == len(moments):
        return []
    # The first row of each figure, by note: a copy with another note is the same figure,
    # but deleting either changes the note read (the later line's, on a tie of moments).
    first: dict[tuple, dict[str, Observation]] = {}
    problems = []
    for o in observations:
        key = (o.indicator, o.period.sort_key, o.published_figure, o.status, o.source, o.recorded_at)
        notes = first.setdefault(key, {})
        if not notes:
            notes[o.note] = o
            continue
        seen = notes.setdefault(o.note, o)
        said = (
            msg("checks_repeated", line=seen.line)
            if seen is not o
            else msg("checks_repeated_note", line=next(iter(notes.values())).line)
        )
        problems.append(Problem(Location(file, o.line), said, "warning", "repeated"))
    return problems


def merged_retraction_problems(observations: Sequence[Observation], file: str) -> list[Problem]:
    """A retraction that, by recorded_at, withdraws a vintage on a later line: a figure
    added to the file after the retraction was, so not the one its author withdrew. The
    store is only appended to, so this happens when git merges a revision made in one
    clone with a retraction made in another (or an older vintage is imported after a
    retraction): the revision is withdrawn too, without anyone having chosen to. Said at
    the retraction, with the command that records the figure again after it."""
    from ..catalog import Figure, Moment
    from ..method.timing import one_second_after
    from .figure_units import shell_word

    # Nothing to say without a retraction among the rows: told in C, where grouping the
    # 57,560 revised rows of a provinces check by period took 0.02 s (issue 17,
    # thirty-second session).
    if RETRACTED not in set(map(_STATUS, observations)):
        return []
    by_period: dict[tuple, list[Observation]] = {}
    for o in observations:
        by_period.setdefault((o.indicator, o.period.sort_key), []).append(o)
    problems: list[Problem] = []
    for rows in by_period.values():
        if len(rows) < 2 or not any(o.status == RETRACTED for o in rows):
            continue
        rows.sort(key=attrgetter("recorded_at", "line"))  # series.in_force's vintage order
        # Only a retraction still in force: a figure recorded after it (the command below)
        # settles it, whichever figure that is.
        withdrawn, o = rows[-2], rows[-1]
        if o.status != RETRACTED or withdrawn.status == RETRACTED or withdrawn.line < o.line:
            continue
        base, _, dims = withdrawn.indicator.partition("[")
        words = [f"--dim {shell_word(d.strip())}" for d in dims.rstrip("]").split(";") if d.strip()]
        if withdrawn.status:
            words += ["--status", withdrawn.status]
        words += ["--recorded-at", one_second_after(o.recorded_at) or o.recorded_at]
        # The figure again as it was, its source and note with it (the command left them
        # out: the figure recorded again had lost its provenance).
        words += [
            f"--{name} {shell_word(text)}"
            for name, text in (("source", withdrawn.source), ("note", withdrawn.note))
            if text
        ]
        # The figure as the reader types it (a Figure: 17,345 in Vietnamese, which
        # add-observation reads back under vi as 17.345; 17.345 read as 17345 there).
        command = msg(
            "checks_merged_retraction_command",
            indicator=base,
            period=withdrawn.period.text,
            value=Figure(withdrawn.value),
            options="".join(" " + w for w in words),
        )
        said = msg(
            "checks_merged_retraction",
            indicator=o.indicator,
            period=o.period,
            line=withdrawn.line,
            value=Figure(withdrawn.value),
            recorded_at=Moment(withdrawn.recorded_at),
            command=command,
        )
        problems.append(Problem(Location(file, o.line), said, "warning", "merged-retraction"))
    return problems
