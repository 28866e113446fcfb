"""A growth rate typed as an index: 108.5 for a growth of 8.5 %, as the statistics office's
tables give a development index with the same period a year earlier = 100 beside the
growth itself (issue 17, twenty-ninth session).

A figure of a growth-rate indicator (``measure: rate``) between 50 and 250 that is far
from the figure it is compared with (at least twice or half of it) while the figure less
100 is in line with it (within three times) is warned of at entry, naming the growth it
likely is: 108.5 beside 11.03 (9.84 times) and 108.7 beside 23.81 (4.57 times, under the
jump factor, so no jump was said) alike. Never refused: a growth of 108 % is possible
(an investment doubling), and it is told apart by its neighbours. `check`'s `jump` rule
says it of a figure in force beside the nearest figures in force of any length
(``index_problems``), as it says a per cent saved as a fraction. Where no neighbour tells
(a series' first or only figure, or a series whose every figure is from 50 to 250), the
figure is weighed against its targets' figures of the same sign instead (forty-fourth
session: 110.2 beside a plan of 10). Pure.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import chain, compress, repeat
from operator import and_, attrgetter, le, mul, not_
from typing import Iterable, Iterator, Sequence

from ..catalog import Figure, msg
from ..method.series import Series
from ..plan.model import Location, Observation, Plan, Problem
from .checks_jumps import growth_rate_ids, jump_ratio
from .figure_units import retract_words

__all__ = ["index_by_targets", "index_intended", "index_problems"]

_SORT_KEY = attrgetter("period.sort_key")
_VALUE = attrgetter("value")

# An index a person could mean: a fall by half to a rise by a factor of 2.5.
LOWEST, HIGHEST = 50.0, 250.0
# The figure must be at least this far from its reference to be doubted at all...
FAR = 2.0
# ...and the growth it would stand for within this of it: 8.7 beside 23.81 is 2.74 times.
NEAR = 3.0


def index_intended(value: float, references: Sequence[float]) -> float | None:
    """``value`` - 100 when ``value`` reads as an index beside every one of ``references``
    (the figures it is compared with); else None."""
    if not references or not LOWEST <= value <= HIGHEST:
        return None
    # Far from every reference first: most figures in range are of series of indices,
    # near their neighbours, and need no Decimal (a national check: 67,000 of them).
    for reference in references:
        if jump_ratio(reference, value, FAR) is None:
            return None
    intended = float(Decimal(repr(value)) - 100)  # as typed: 108.7 - 100 is 8.7, not 8.700000000000003
    for reference in references:
        if jump_ratio(reference, intended, NEAR) is not None:
            return None
    return intended


def index_by_targets(value: float, figures: Iterable[tuple[str, float]]) -> tuple[str, float, float] | None:
    """The first of a growth rate's targets' figures (``figures``: target id, figure) that
    ``value`` reads as an index beside: that target's id, its figure, and the growth
    ``value`` likely is. For a series' first figure, with no neighbour to be compared with,
    as a per cent saved as a fraction is (checks_fraction; forty-fourth session)."""
    if LOWEST <= value <= HIGHEST:
        for target, figure in figures:
            intended = index_intended(value, [figure])
            # Of the target's sign: a plan of a fall of 5 % tells nothing of 110.2 read as a
            # rise of 10.2 (pass G), as a neighbour of the other sign tells nothing at entry.
            if intended is not None and (intended < 0) == (figure < 0):
                return target, figure, intended
    return None


def index_problems(plan: Plan, series: Series, file: str) -> list[Problem]:
    """`check`'s warnings of growth rates in force that read as an index beside the nearest
    figures in force before and after them, of any length (a growth rate reads alike over
    any span: the half year's beside the year's); a series' only figure, and each of a
    series whose every figure is from 50 to 250, beside its targets' figures."""
    rates = growth_rate_ids(plan)
    problems: list[Problem] = []
    for key, rows in series.items():
        if key.split("[", 1)[0] not in rates or not rows:
            continue
        values = list(map(_VALUE, rows))
        # Most series hold no figure an index could be: not sorted for nothing. Told in C
        # first when every figure is below the range or above it (a NaN, never in it, is
        # never kept by max or min but when first, and then the figures are looked at).
        if max(values) < LOWEST or min(values) > HIGHEST or not any(LOWEST <= v <= HIGHEST for v in values):
            continue
        if len(rows) == 1:
            problems.extend(_beside_targets(plan, rows[0], file))
            continue
        ordered = sorted(rows, key=_SORT_KEY)
        values = list(map(_VALUE, ordered))
        if all(LOWEST <= v <= HIGHEST for v in values):  # a NaN is never in range (min and max would keep it or not)
            # Every figure from 50 to 250: its neighbours, indices too, tell nothing, so each
            # is weighed against the targets (a series imported as the office's indices:
            # entry warned of each, check had said nothing; forty-fourth session, pass G).
            from .checks_fraction import target_figures

            figures = target_figures(plan, key.split("[", 1)[0])  # once a series, not a figure
            for o in ordered:
                problems.extend(_beside_targets(plan, o, file, "checks_index_series_target", figures))
            continue
        for i in compress(range(len(values)), _maybe_far_from_before(values)):
            value = values[i]
            if not LOWEST <= value <= HIGHEST:
                continue
            # The figures before and after it, as many as there are.
            intended = index_intended(value, values[max(i - 1, 0) : i] + values[i + 1 : i + 2])
            if intended is None:
                continue
            o = ordered[i]
            near = ordered[max(i - 1, 0) : i] + ordered[i + 1 : i + 2]
            text = msg(
                "checks_index_figure",
                indicator=o.indicator,
                period=o.period,
                value=Figure(o.value),
                other=near[0].period,
                before=Figure(near[0].value),
                intended=Figure(intended),
                retract=retract_words(o.indicator, o.period),
            )
            problems.append(Problem(Location(file, o.line), text, severity="warning", check="jump"))
    return problems


def _beside_targets(
    plan: Plan,
    o: Observation,
    file: str,
    said: str = "checks_index_target",
    figures: list[tuple[str, float]] | None = None,
) -> list[Problem]:
    """A series' only figure (or one of a series all of whose figures an index could be,
    ``said`` so) read as an index beside its targets' figures: no neighbour to be compared
    with, as a per cent saved as a fraction is (checks_fraction; forty-fourth session).
    ``figures``: the targets' figures of its indicator, when looked up already."""
    from .checks_fraction import target_figures

    if figures is None:
        figures = target_figures(plan, o.indicator.split("[", 1)[0])
    seen = index_by_targets(o.value, figures)
    if seen is None:
        return []
    target, before, intended = seen
    text = msg(
        said,
        indicator=o.indicator,
        period=o.period,
        value=Figure(o.value),
        target=target,
        before=Figure(before),
        intended=Figure(intended),
        retract=retract_words(o.indicator, o.period),
    )
    return [Problem(Location(file, o.line), text, severity="warning", check="jump")]


def _maybe_far_from_before(values: list[float]) -> Iterator[bool]:
    """For each figure, whether it may be ``FAR`` from the figure before it (the first
    figure: after it), as it must be to read as an index; False where surely not, when
    each size is at most twice the other's.

    A series of indices passes the screen above (its figures are in the index's range),
    and its figures were each judged in Python: 67,000 of them in a provinces check. Told
    here in C, only the 167 after a jump are judged: the rule took 0.09-0.10 s of that
    check, 0.065 s now (issue 17, thirty-second session). Exact: FAR is 2, so ``2 * b`` is exact, and ``a <= 2 * b`` with ``b <= 2 * a``
    keeps ``jump_ratio``'s quotient at most 2 after rounding. A NaN compares false, so a
    figure beside one (or beside a zero) is judged as before."""
    sizes = list(map(abs, values))
    doubled = list(map(mul, sizes, repeat(FAR)))
    near = list(map(and_, map(le, sizes[:-1], doubled[1:]), map(le, sizes[1:], doubled[:-1])))
    return map(not_, chain(near[:1], near))
