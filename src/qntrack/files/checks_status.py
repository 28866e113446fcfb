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

from typing import TYPE_CHECKING

from ..catalog import Figure, msg
from ..plan.model import RETRACTED, Location, Problem

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..plan.model import Observation

__all__ = ["official_replaced_problems"]

LESS_FINAL = frozenset({"estimate", "preliminary"})


def official_replaced_problems(revised: Sequence[Observation], file: str, bound: str | None) -> list[Problem]:
    """The warnings for ``revised`` (the rows of the periods with several vintages, in file
    order; ``checks_rows.revised_rows``): one per period whose vintage in force (by
    recorded_at, the later line on a tie; of the rows recorded by ``bound`` when given) is
    an estimate or a preliminary figure recorded after an official one, with no retraction
    between them."""
    from .figure_units import shell_word
    from .store import format_value

    by_period: dict[tuple[str, object], list[Observation]] = {}
    for o in revised:
        if bound is None or o.recorded_at <= bound:
            by_period.setdefault((o.indicator, o.period.sort_key), []).append(o)
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
