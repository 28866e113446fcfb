"""`qntrack check`'s jump family: figures far from their neighbours (``jump``), growth
rates below -100 % (``growth-floor``), and a new row recorded before the figure in force.

Each is a warning, said at entry too (``recording.record_many``; a jump at entry is
``checks_jumps_entry``'s): a figure five times its neighbour may be a typo (15 typed
150), or may be true; a person looks.
"""

from __future__ import annotations

from collections import deque
from operator import attrgetter
from typing import Iterable, Mapping, Sequence

from .figure_units import retract_words
from ..catalog import Figure, Moment, msg
from ..plan.model import Location, Measure, Observation, Plan, Problem, RETRACTED
from ..method.history import VintageIndex, latest_vintage, vintage_index
from ..method.batch_periods import looked_up
from ..method.series import _VINTAGE_ORDER, Series, as_of_bound

_INDICATOR = attrgetter("indicator")
_SORT_KEY = attrgetter("period.sort_key")
_PERIOD_OF = attrgetter("indicator", "period.sort_key")
_STATUS = attrgetter("status")
_RECORDED = attrgetter("recorded_at")

DEFAULT_JUMP_FACTOR = 5.0
# A growth rate below -100 % would take the quantity below zero: almost surely a slip
# (-15 typed -150), and no average over a span holds it (docs/methodology.md, "Average
# over a span"). -100 % itself, a fall to zero, can be true and is not warned of.
GROWTH_FLOOR = -100.0


def growth_rate_ids(plan: Plan) -> set[str]:
    """The indicators whose figures are growth rates in per cent: declared ``measure: rate``
    or implied so by an average target (definitions.py); derived ones have no rows."""
    return {i.id for i in plan.indicators.values() if i.measure is Measure.RATE and not i.formula}


def growth_floor_problems(plan: Plan, series: Series, file: str) -> list[Problem]:
    """Growth rates in force below -100 % (``GROWTH_FLOOR``). Only the figure in force is
    judged: a vintage revised since is history the append-only store cannot lose."""
    problems = []
    for indicator in sorted(growth_rate_ids(plan)):
        for o in series.get(indicator, ()):
            if o.value < GROWTH_FLOOR:
                problems.append(
                    Problem(
                        Location(file, o.line),
                        msg(
                            "checks_growth_floor",
                            indicator=o.indicator,
                            period=o.period,
                            value=Figure(o.value),
                            retract=retract_words(o.indicator, o.period),
                        ),
                        severity="warning",
                        check="growth-floor",
                    )
                )
    problems.sort(key=lambda p: p.location.line or 0)
    return problems


def entry_growth_floor_problems(
    new: Sequence[tuple[Location, Observation]], plan: Plan, dry_run: bool = False
) -> list[Problem]:
    """One warning for each growth rate being recorded below -100 %; it is still recorded,
    as a jump is (a warning, not a refusal: docs/decisions.md). A dry run's says to correct
    the figure: ``retract`` would withdraw the figure in force, the slip being unwritten."""
    rates = growth_rate_ids(plan)
    return [
        Problem(
            where,
            msg(
                "recording_growth_floor_dry" if dry_run else "recording_growth_floor",
                indicator=o.indicator,
                period=o.period,
                value=Figure(o.value),
                retract=retract_words(o.indicator, o.period),
            ),
            severity="warning",
            check="growth-floor",
        )
        for where, o in new
        if o.value < GROWTH_FLOOR and o.indicator in rates
    ]


def jump_problems(
    observations: Iterable[Observation],
    file: str,
    factor: float,
    as_of: str | None = None,
    in_force: Mapping[str, Sequence[Observation]] | None = None,
    any_length: frozenset[str] = frozenset(),
) -> list[Problem]:
    """A vintage that is more than ``factor`` times larger or smaller than the one it revises,
    unless it puts a slip right (``_put_right``, with the series ``in_force``)."""
    bound = as_of_bound(as_of) if as_of else None
    rows = [o for o in observations if o.recorded_at <= bound] if bound else list(observations)
    # Each period's vintages gathered in C (its list found by map, appended to by map),
    # then each period's few judged in one plain loop: a store grown by a 300,000-row
    # import of revisions has 650,000 revised rows, and counting, gathering and sorting
    # them in Python (a lambda per row, a generator per period) took 4 s of its check
    # (issue 17, ninth session).
    keys = list(map(_PERIOD_OF, rows))
    periods: dict[tuple[str, int], list[Observation]] = {key: [] for key in dict.fromkeys(keys)}
    deque(map(list.append, map(periods.__getitem__, keys), rows), maxlen=0)
    del keys
    any_retracted = RETRACTED in set(map(_STATUS, rows))
    problems = []
    for vintages in periods.values():
        if len(vintages) < 2:
            continue
        vintages.sort(key=_VINTAGE_ORDER)
        first = 1
        if any_retracted:
            # A vintage a later retraction withdrew was dealt with (qntrack retract): no
            # warning for a pair before the last retraction of its period.
            statuses = list(map(_STATUS, vintages))
            if RETRACTED in statuses:
                first = max(1, len(statuses) - 1 - statuses[::-1].index(RETRACTED))
        for at in range(first, len(vintages)):
            earlier, row = vintages[at - 1], vintages[at]
            ratio = jump_ratio(earlier.value, row.value, factor)
            if ratio is None or _put_right(earlier, row, in_force, any_length, factor):
                continue
            problems.append(
                Problem(
                    Location(file, row.line),
                    msg(
                        "checks_jump",
                        indicator=row.indicator,
                        period=row.period,
                        value=Figure(row.value),
                        recorded=Moment(row.recorded_at),
                        before=Figure(earlier.value),
                        line=earlier.line,
                        before_recorded=Moment(earlier.recorded_at),
                        ratio=Figure(float(f"{ratio:.3g}")),
                        factor=Figure(factor),
                    ),
                    severity="warning",
                    check="jump",
                )
            )
    problems.sort(key=lambda p: p.location.line)
    return problems


def _put_right(
    earlier: Observation,
    row: Observation,
    in_force: Mapping[str, Sequence[Observation]] | None,
    any_length: frozenset[str],
    factor: float,
) -> bool:
    """Whether ``row`` revises a slip back into its series: within ``factor`` of the figures
    in force for the nearest earlier and later periods (of its length; of any length for
    an ``any_length`` indicator with none), where ``earlier`` was not (0.153, then 15.3,
    beside 12.3). The slip was the earlier vintage, and it is put right."""
    figures = in_force.get(row.indicator) if in_force else None
    if not figures:
        return False
    key = row.period.sort_key
    for months in (row.period.months, 0):
        if months == 0 and row.indicator.split("[", 1)[0] not in any_length:
            return False
        others = [
            o
            for o in figures
            if o.period.sort_key != key and months in (0, o.period.months) and (o.value < 0) == (row.value < 0)
        ]
        before = max((o for o in others if o.period.sort_key < key), key=_PERIOD_KEY, default=None)
        after = min((o for o in others if o.period.sort_key > key), key=_PERIOD_KEY, default=None)
        near = [o for o in (before, after) if o is not None]
        if near:
            return all(jump_ratio(o.value, row.value, factor) is None for o in near) and any(
                jump_ratio(o.value, earlier.value, factor) is not None for o in near
            )
    return False


def percent_units(plan: Plan) -> frozenset[str]:
    """The plan's indicators in a per-cent unit (a share, a rate): their figures read alike
    over any span, so a half year may be compared with the years beside it."""
    return frozenset(i.id for i in plan.indicators.values() if i.unit.startswith("%"))


def _PERIOD_KEY(o: Observation) -> int:
    return o.period.sort_key


def jump_ratio(before: float, after: float, factor: float) -> float | None:
    """How many times larger or smaller ``after`` is than ``before`` when that is more than
    ``factor`` (3,13 typed as 313); None otherwise. The one jump rule, of ``check`` and of
    recording a figure (``entry_jump_problems``)."""
    a, b = abs(before), abs(after)
    if a == 0 or b == 0 or a != a or b != b:
        return None  # no ratio to judge; a zero is not a slip of the decimal point
    ratio = max(a, b) / min(a, b)
    return ratio if ratio > factor else None


def earlier_vintage_problems(
    new: Sequence[tuple[Location, Observation]],
    stored: Iterable[Observation] | VintageIndex,
    found: Sequence[list[Observation] | None] | None = None,
    met: Sequence[bool] | None = None,
) -> list[Problem]:
    """Warnings for rows being added that are recorded before the figure in force for
    their period (issue 12): they are kept, as an earlier vintage (history stays
    replayable), but they do not take effect, and the user is told so, once per row.
    ``stored``: the rows the append read under its lock, or their ``history.vintage_index``;
    rows earlier in ``new`` count. ``found``, ``met``: batch_periods.in_batch."""
    index = vintage_index(stored)
    latest: dict[tuple, Observation | None] = {}
    problems = []
    found = looked_up(index, (o for _, o in new)) if found is None else found
    for (where, o), earlier, again in zip(new, found, [True] * len(new) if met is None else met, strict=True):
        key = (o.indicator, o.period.sort_key) if again else None  # None: its period's one row
        if key in latest:
            current = latest[key]
        elif not earlier:
            current = None
        else:  # the period's stored vintage in force, when first asked
            current = earlier[0] if len(earlier) == 1 else latest_vintage(earlier)
        if current is not None and current.recorded_at > o.recorded_at:
            if o.status == RETRACTED:
                # A retraction has no figure to quote (its value is NaN in memory).
                later = "retraction" if current.status == RETRACTED else "vintage"
                # No figure in force behind a later retraction: none to name.
                figure = {} if current.status == RETRACTED else {"current": Figure(current.value)}
                text = msg(
                    f"recording_earlier_retraction_{later}",
                    indicator=o.indicator,
                    period=o.period,
                    at=Moment(o.recorded_at),
                    current_at=Moment(current.recorded_at),
                    **figure,
                )
            elif current.status == RETRACTED:
                text = msg(
                    "recording_earlier_than_retraction",
                    indicator=o.indicator,
                    period=o.period,
                    value=Figure(o.value),
                    at=Moment(o.recorded_at),
                    current_at=Moment(current.recorded_at),
                )
            else:
                text = msg(
                    "recording_earlier_vintage",
                    indicator=o.indicator,
                    period=o.period,
                    value=Figure(o.value),
                    at=Moment(o.recorded_at),
                    current=Figure(current.value),
                    current_at=Moment(current.recorded_at),
                )
            problems.append(Problem(where, text, severity="warning", check="earlier_vintage"))
            if key is not None:
                latest[key] = current
        elif key is not None:
            latest[key] = o  # kept after the rows before it: in force from its moment on
    return problems
