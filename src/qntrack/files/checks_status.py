"""``check``'s ``official-replaced``: an official figure overtaken by a later, less
final one (issue 17, twenty-fourth session).

A statistics office's ``official`` figure (GSO's 9.8) followed by a province's
``estimate`` (10.5) leaves the estimate in force: every status, report and export shows it,
though the official figure was published. It may be meant (a provisional figure of a
newer scope), but a person must look, so it is a warning at the estimate's line naming
the official figure it replaced. A retraction between them says the official figure was
withdrawn on purpose: nothing is said then, nor once the official figure is recorded
again after the estimate."""

from __future__ import annotations

from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING

from ..catalog import Figure, Moment, msg
from ..plan.model import LESS_FINAL, RETRACTED, Location, Problem

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..plan.model import Observation

__all__ = ["entry_official_replaced", "official_replaced_problems"]

_PERIOD_OF = attrgetter("indicator", "period.sort_key")
_STATUS = attrgetter("status")


def official_replaced_problems(revised: Sequence[Observation], file: str, bound: str | None) -> list[Problem]:
    """The warnings for ``revised`` (the rows of the periods with several vintages, in file
    order; ``checks_rows.revised_rows``): one per period whose vintage in force (by
    recorded_at, the later line on a tie; of the rows recorded by ``bound`` when given) is
    an estimate or a preliminary figure recorded after an official one, with no retraction
    between them."""
    from .figure_units import shell_word
    from .store import format_value

    known = revised if bound is None else [o for o in revised if o.recorded_at <= bound]
    # Only a period holding an estimate or a preliminary figure can be said: those found in
    # C first, and only their rows grouped in Python (a provinces check's 57,560 revised
    # rows hold 1,520 preliminary ones; grouping them all took 0.03 s; issue 17,
    # thirty-second session).
    keys = list(map(_PERIOD_OF, known))
    wanted = set(compress(keys, map(LESS_FINAL.__contains__, map(_STATUS, known))))
    by_period: dict[tuple[str, object], list[Observation]] = {}
    for key, o in compress(zip(keys, known, strict=True), map(wanted.__contains__, keys)):
        by_period.setdefault(key, []).append(o)
    problems = []
    for rows in by_period.values():
        ordered = sorted(rows, key=lambda o: (o.recorded_at, o.line))
        current = ordered[-1]
        if current.status not in LESS_FINAL:
            continue
        official = None
        for o in ordered[:-1]:
            if o.status == RETRACTED:
                official = None  # withdrawn on purpose: what follows is not over it
            elif o.status == "official":
                official = o
        if official is None:
            continue
        command = (
            f"qntrack add-observation {shell_word(current.indicator)} {current.period} {format_value(official.value)}"
            f" --status official --source {shell_word(official.source or '...')}"
        )
        said = msg(
            "checks_official_replaced",
            indicator=current.indicator,
            period=current.period,
            value=Figure(current.value),
            # The status in the reader's words, as every table says it (its label for
            # the stored "estimate"); the command below keeps the stored words.
            status=msg("label_" + current.status),
            recorded_at=current.recorded_at,
            official=Figure(official.value),
            line=official.line,
            official_at=official.recorded_at,
            source=official.source,
            command=command,
        )
        problems.append(Problem(Location(file, current.line), said, "warning", "official-replaced"))
    return sorted(problems, key=lambda p: p.location.line or 0)


def entry_official_replaced(
    new: Sequence[tuple[Location, Observation]],
    index: Mapping[tuple[str, int], Sequence[Observation]],
    dry_run: bool = False,
) -> list[Problem]:
    """The same warning when the estimate is recorded (issue 17, twenty-fifth session: only
    ``check`` said it, days later): each row of ``new`` that is an estimate or a preliminary
    figure and will be in force over an official one, the figure in force for its period
    among ``index`` (``history.vintage_index`` of the stored rows) and the rows before it
    in ``new``. A row recorded before the figure in force never takes effect
    (``earlier_vintage_problems`` says so) and a retraction in force has no figure: neither
    is said here. The row is kept: a provisional figure of a newer scope may be meant. A
    row with no status and the official figure's value is said too (twenty-sixth session):
    the official figure typed again without --status, in force and no longer official."""
    from ..method.history import latest_vintage

    # Only the periods of the rows that could be said are followed (an import's 300,000
    # rows are mostly official or no status at all).
    # A row with no status is followed too: the official figure typed again without
    # --status (the same value) would be in force, no longer said official; followed only
    # where an official figure is (a dictionary's look-up a row, not a pass over its rows).
    official = {(o.indicator, o.period.sort_key) for _, o in new if o.status == "official"}
    wanted = {
        (o.indicator, o.period.sort_key)
        for _, o in new
        if o.status in LESS_FINAL
        or (
            not o.status
            and (
                (o.indicator, o.period.sort_key) in official
                or any(v.status == "official" for v in index.get((o.indicator, o.period.sort_key), ()))
            )
        )
    }
    if not wanted:
        return []
    latest: dict[tuple[str, int], Observation | None] = {}
    problems = []
    for where, o in new:
        key = (o.indicator, o.period.sort_key)
        if key not in wanted:
            continue
        current = latest[key] if key in latest else latest_vintage(index.get(key, ()))
        if current is not None and o.recorded_at < current.recorded_at:
            continue  # not in force: said by earlier_vintage_problems
        latest[key] = o
        if current is None or current.status != "official":
            continue
        if o.status in LESS_FINAL or (not o.status and o.value == current.value):
            key_said = "recording_official_replaced" if o.status else "recording_official_unstated"
            said = msg(
                key_said + "_dry" if dry_run else key_said,
                indicator=o.indicator,
                period=o.period,
                value=Figure(o.value),
                status=msg("label_" + o.status) if o.status else "",
                official=Figure(current.value),
                official_at=Moment(current.recorded_at),
                source=current.source or "-",
            )
            problems.append(Problem(where, said, "warning"))
    return problems
