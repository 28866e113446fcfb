"""From recorded rows to the series in force: revisions, "as of" a date, derived indicators.

Every row stays in the store. For each indicator and period the value *in force* is the
row recorded last (latest ``recorded_at``; on a tie, the later line). ``as_of`` restricts
the rows to those recorded by the end of that day (in the plan's zone, UTC without one),
which answers "what did we know at the meeting on that date?".
"""

from __future__ import annotations

from collections import defaultdict, deque
from itertools import compress, islice
from operator import attrgetter, eq, itemgetter
from typing import Iterable, Mapping, Sequence

from ..plan.formula import FormulaError, parse_formula
from .recorded_days import day_end
from .parts import added_up, by_year, finality, year_to_date, years_of
from ..catalog import Message, msg
from ..plan.model import RETRACTED, Indicator, Location, Observation, Problem
from ..plan.periods import Period

__all__ = [
    "Series",
    "LeftOut",
    "as_of_bound",
    "in_force",
    "build_series",
    "formula_inputs",
    "read_by",
    "left_out_warnings",
    "unknown_counts",
    "unknown_warnings",
]

Series = dict[str, list[Observation]]
# Per derived indicator, the periods its formula could not give a value for (a division by
# zero, a value too large for a float), each as a warning at the indicator's line in targets.yaml.
LeftOut = dict[str, list[Problem]]
# Per indicator (or unit's key), per period, the value the figure in force replaced.
Replaced = dict[str, dict[Period, float]]
# By indicator (or unit's key), by period, the vintage the one in force replaced.
# By key, by period: the vintage replaced and the vintage in force that replaced it.
ReplacedVintages = dict[str, dict[Period, tuple[Observation, Observation]]]


# (recorded_at, line) of an observation, read in C: the order of an indicator's vintages.
_STATUS = itemgetter(Observation._fields.index("status"))
_LINE = itemgetter(Observation._fields.index("line"))
_INDICATOR = itemgetter(Observation._fields.index("indicator"))
_SORT_KEY = attrgetter("period.sort_key")
_VINTAGE_ORDER = itemgetter(Observation._fields.index("recorded_at"), Observation._fields.index("line"))


def as_of_bound(as_of: str, zone: str = "") -> str:
    """The last recorded_at that counts as known by the end of day ``as_of`` in ``zone``
    (the plan's ``timezone:``; UTC without one), or ``as_of`` itself when it is already a
    moment (a bound worked out once by the caller)."""
    # recorded_at is canonical "YYYY-MM-DDTHH:MM:SSZ", so text order is time order and
    # every moment of the day compares <= its last second (method.recorded_days).
    return day_end(as_of, zone) if len(as_of) == 10 else as_of


def in_force(
    observations: Iterable[Observation],
    as_of: str | None = None,
    revised: list[Observation] | None = None,
    replaced: Replaced | None = None,
    vintages: ReplacedVintages | None = None,
) -> Series:
    """Per indicator, the observations in force, sorted by period.

    ``revised``, when given, receives the rows of every (indicator, period) that has more
    than one, in the order of their lines: what ``check``'s same-moment and jump checks
    read (files.checks_rows.revised_rows), found here while each indicator's rows are at
    hand rather than by another pass over a million rows.

    ``replaced``, when given, receives by indicator (or unit's key), by period, the value
    the vintage in force replaced, where it replaced one: history's rule
    (``method.history.revised_values_of``: none after a retraction), worked out here on the
    few rows of periods recorded more than once rather than by grouping the store again.
    ``vintages``, when given with ``replaced``, receives the same, each as the vintage
    replaced (its source and recorded_at say where the figure came from; issue 17,
    twenty-fifth session). ``as_of``: a day, ended in UTC, or the last moment counted
    (``as_of_bound``; ``build_series`` ends the day in the plan's zone).
    """
    if as_of:
        bound = as_of_bound(as_of)
        observations = (o for o in observations if o.recorded_at <= bound)
    # Gathered by indicator first, then each indicator's rows worked out together while
    # they are in the processor's cache: a national store has a million rows, in the order
    # figures came out, and this is about a tenth faster than one pass over nested dicts
    # (docs/performance.md). The gathering runs in C (each row's list looked up by its
    # indicator and appended to by map, drained by a zero-length deque): 0.26-0.37 s of a
    # million rows against 0.44-0.55 s for a Python loop (issue 17, eighth session). A
    # defaultdict makes each indicator's list as it is first met (in the rows' order, as
    # before): 0.08 s where a list of the ids and their dict.fromkeys first took 0.12 s
    # (issue 17, thirty-third session).
    rows_of = observations if isinstance(observations, (list, tuple)) else list(observations)
    by_indicator: defaultdict[str, list[Observation]] = defaultdict(list)
    deque(map(list.append, map(by_indicator.__getitem__, map(_INDICATOR, rows_of)), rows_of), maxlen=0)
    # Whether any row withdraws a figure, asked once of all the rows in their order (0.02
    # s) rather than of each series' rows, scattered in memory (0.04-0.07 s; thirty-third
    # session): a store without a retraction has none to leave out.
    withdrawals = RETRACTED in map(_STATUS, rows_of)
    series: Series = {}
    for ind, rows in by_indicator.items():
        # Keyed by the period's sort key, an int that hashes as itself.
        keys = list(map(_SORT_KEY, rows))
        # The periods recorded more than once are the equal neighbours among the keys
        # sorted, found in C: counting the keys (collections.Counter) and reading the
        # counts in a Python loop took 0.07 s of a provinces check, this 0.05 s, and the
        # sorted keys serve again below (thirty-third session).
        order = sorted(keys)
        many = set(compress(order, map(eq, order, islice(order, 1, None))))
        if not many:
            # One row a period, as most series are (a figure never revised): each row is
            # the one in force, and sorting by period is all there is to do; a fifth
            # faster on a national store than working out vintages (docs/performance.md).
            # Nearly always in period order already (figures come out in turn): seen from
            # the keys, sorted as ints, rather than each row asked its period again by a
            # sort (0.08 s of a national check; issue 17, thirty-first session).
            if order != keys:
                rows.sort(key=_SORT_KEY)
            kept = rows
        else:
            # The rows of the periods recorded more than once, picked in C while ``keys``
            # line up with the rows: a generator asking each row its period again took
            # 0.2 s of a check.
            again = list(compress(rows, map(many.__contains__, keys)))
            if revised is not None:
                revised.extend(again)
            if replaced is not None:
                _note_replaced(ind, again, replaced, vintages)
            again.sort(key=_VINTAGE_ORDER)
            # A period's only row is in force; of the others, the last vintage (the latest
            # recorded, on a tie the later line: the stable sort keeps the rows' order).
            # Only those few sorted: a national store's series each have a revised period
            # or two among a hundred, and sorting every row by vintage took 0.43 s of a
            # provinces check against 0.34 s (issue 17, thirty-second session).
            latest = dict(zip(keys, rows, strict=True))
            latest.update(zip(map(_SORT_KEY, again), again, strict=True))
            kept = list(map(latest.__getitem__, dict.fromkeys(order)))  # each period once, in order
        if withdrawals and RETRACTED in set(map(_STATUS, rows)):
            # A period whose latest vintage withdraws its figure has none in force.
            kept = [o for o in kept if o.status != RETRACTED]
        series[ind] = kept
    if revised:
        revised.sort(key=_LINE)
    return series


def _note_replaced(
    key: str, again: list[Observation], replaced: Replaced, vintages: ReplacedVintages | None = None
) -> None:
    """What each period's last vintage among ``again`` (the rows of periods recorded more
    than once) replaced: the vintage before it, unless that one withdrew its figure."""
    again.sort(key=_VINTAGE_ORDER)
    last: dict[int, Observation] = {}
    found: dict[Period, Observation] = {}
    for o in again:
        sort_key = o.period.sort_key
        before = last.get(sort_key)
        if before is not None:
            if before.status == RETRACTED:
                found.pop(o.period, None)
            else:
                found[o.period] = before
        last[sort_key] = o
    if found:
        replaced[key] = {p: v.value for p, v in found.items()}
        if vintages is not None:  # each with the vintage in force that replaced it
            vintages[key] = {p: (v, last[p.sort_key]) for p, v in found.items()}


def build_series(
    indicators: Mapping[str, Indicator],
    observations: Iterable[Observation],
    as_of: str | None = None,
    revised: list[Observation] | None = None,
    replaced: Replaced | None = None,
    vintages: ReplacedVintages | None = None,
    zone: str = "",
) -> tuple[Series, LeftOut]:
    """Series in force for every indicator, derived ones computed from their inputs.

    A derived value exists for a period where every input has a value in force; its
    ``recorded_at`` is the latest of its inputs', so ``as_of`` applies to it naturally.
    A period the formula cannot be worked out for (a division by zero) is left out, and
    said so in the warnings returned, by derived indicator, in the order they were met.
    ``revised``, ``replaced``: as ``in_force``'s (a derived indicator's rows, recorded by
    mistake and replaced by its computed figures, are in them as given); ``zone``, the
    plan's ``timezone:``, in which the day ``as_of`` ends.
    """
    if as_of and zone:  # the day ends at midnight in the plan's zone (thirty-ninth session)
        as_of = as_of_bound(as_of, zone)
    series = in_force(observations, as_of, revised, replaced, vintages)
    problems: LeftOut = {}
    derived = {i.id: i for i in indicators.values() if i.formula}
    amounts = {i.id for i in indicators.values() if i.adds_up}
    done: set[str] = set()
    for ind_id in sorted(derived):
        _derive(ind_id, derived, amounts, series, problems, done, ())
    return series, problems


def _derive(
    ind_id: str,
    derived: Mapping[str, Indicator],
    amounts: set[str],
    series: Series,
    problems: LeftOut,
    done: set[str],
    stack: tuple[str, ...],
) -> None:
    """Add the series of derived indicator ``ind_id`` (its inputs' first) to ``series``.

    A function of its own, not a closure in build_series that calls itself: such a closure
    is a reference cycle holding ``series``, and the million rows of a national store then
    waited for the cyclic collector, which spent 0.4 s on them as the program exited.
    """
    if ind_id in done or ind_id not in derived or ind_id in stack:
        return
    ind = derived[ind_id]
    if stored := series.get(ind_id):
        # Figures recorded for it before the plan made it derived (issue 17): replaced by
        # the computed ones, so said, never ignored in silence (`check` names each row).
        said = msg("workspace_derived_recorded", indicator=ind_id, count=len(stored), formula=ind.formula)
        problems.setdefault(ind_id, []).append(Problem(ind.location, said, "warning"))
    expr = parse_formula(ind.formula or "")
    for name in expr.names:
        _derive(name, derived, amounts, series, problems, done, stack + (ind_id,))
    inputs = {name: {o.period: o for o in series.get(name, [])} for name in expr.names}
    wanted = {p for figures in inputs.values() for p in figures}
    for name in expr.names:
        if name in amounts:
            _add_sums(inputs[name], wanted)
    periods = set.intersection(*(set(v) for v in inputs.values())) if inputs else set()
    rows: list[Observation] = []
    for period in sorted(periods, key=lambda p: p.sort_key):
        values = {name: inputs[name][period].value for name in expr.names}
        try:
            value = expr.evaluate(values)
        except FormulaError as exc:
            problems.setdefault(ind_id, []).append(
                Problem(ind.location, _left_out(ind_id, period, exc, values), "warning")
            )
            continue
        recorded = max(inputs[name][period].recorded_at for name in expr.names)
        status = min((inputs[name][period].status for name in expr.names), key=finality)
        # An input qntrack added up (a year of quarters) is said in the source, after the
        # formula, as the sum itself says its periods (docs/json.md, "derived").
        summed = "".join(
            f"; {n} = {inputs[n][period].source}" for n in sorted(expr.names) if added_up(inputs[n][period])
        )
        rows.append(Observation(ind_id, period, value, status, f"= {ind.formula}{summed}", "derived", recorded, 0))
    series[ind_id] = rows
    done.add(ind_id)


def _add_sums(found: dict[Period, Observation], wanted: set[Period]) -> None:
    """Complete an amount input's figures (``found``, by period) with its periods recorded
    only in parts, as their sum, as every kind reads them (``parts.year_to_date``): each
    year, and each period another input of the formula has (a quarter of months). GRDP by
    quarter and population by year make a yearly GRDP per capita. A period published wins
    over its parts; a part missing leaves it out. Only for a flow or a balance: a rate's or
    a level's parts make no year (docs/methodology.md, "Derived indicators")."""
    rows = list(found.values())
    parts = [o for o in rows if not o.period.is_year]
    if not parts:
        return
    for o in years_of(rows):
        found.setdefault(o.period, o)
    shortest = min(o.period.months for o in parts)
    grouped = by_year(parts)
    for period in wanted:
        if period in found or period.months <= shortest or period.year not in grouped:
            continue
        summed = year_to_date(grouped[period.year], period, period.last, True, exact=True)
        if summed is not None and summed.period == period:
            found[period] = summed


def _left_out(ind_id: str, period: object, exc: FormulaError, values: Mapping[str, float]) -> Message:
    """Why a derived indicator has no value for ``period``: a whole sentence per case."""
    if exc.message.id == "formula_not_finite":
        return msg("workspace_left_out_not_finite", indicator=ind_id, period=period)
    if exc.message.id != "formula_division_by_zero":  # evaluate raises nothing else today; said as it is
        return msg("workspace_left_out", indicator=ind_id, period=period, reason=exc)
    zeros = sorted(n for n, v in values.items() if v == 0)
    # Name the zero inputs; a zero that comes out of a sub-expression (a / (b - c)) has none.
    if not zeros:
        return msg("workspace_left_out_zero", indicator=ind_id, period=period)
    if len(zeros) == 1:
        return msg("workspace_left_out_zero_one", indicator=ind_id, period=period, zero=zeros[0])
    return msg("workspace_left_out_zero_many", indicator=ind_id, period=period, zeros=", ".join(zeros))


def formula_inputs(indicators: Mapping[str, Indicator]) -> dict[str, tuple[str, ...]]:
    """Each derived indicator's inputs, by its id, in name order."""
    return {i.id: tuple(sorted(parse_formula(i.formula).names)) for i in indicators.values() if i.formula}


def read_by(inputs: Mapping[str, Iterable[str]], indicator_ids: Iterable[str]) -> set[str]:
    """The indicators named and every one a derived one among them reads, down the chain.

    ``inputs``: each derived indicator's inputs (``formula_inputs``).
    """
    out: set[str] = set()
    todo = list(indicator_ids)
    while todo:
        ind_id = todo.pop()
        if ind_id not in out:
            out.add(ind_id)
            todo.extend(inputs.get(ind_id, ()))
    return out


def left_out_warnings(
    left_out: Mapping[str, Sequence[Problem]], inputs: Mapping[str, Iterable[str]], shown: Iterable[str]
) -> list[Problem]:
    """The warnings about periods left out of what the ``shown`` indicators are worked out
    from: their own and those of every derived indicator they read. In the order of the
    indicators in targets.yaml, each one's periods in time order, so that the same warnings
    read the same whichever way they were computed (docs/methodology.md, derived indicators).
    """
    wanted = [i for i in read_by(inputs, shown) if left_out.get(i)]
    wanted.sort(key=lambda i: (left_out[i][0].location.line, i))
    return [p for i in wanted for p in left_out[i]]


def unknown_counts(
    series: Iterable[str],
    indicators: Mapping[str, Indicator] | Iterable[str],
    observations: Iterable[Observation],
) -> dict[str, int]:
    """Rows of each indicator that targets.yaml does not define, by id; {} when none.

    Found from the series' names (``series``: the series, or their names), which cost
    nothing; the rows are counted only when there are such indicators, so a store without
    any pays no per-row work.
    """
    known = indicators if isinstance(indicators, Mapping) else set(indicators)
    unknown = {i for i in series if i not in known}
    if not unknown:
        return {}
    counts = dict.fromkeys(sorted(unknown), 0)
    for o in observations:
        if o.indicator in unknown:
            counts[o.indicator] += 1
    return counts


# Past these, the indicators targets.yaml lacks are counted in one warning: a store of
# another plan's ids said 2,000 lines on every status (`check` names each row).
UNKNOWN_SHOWN = 20


def unknown_warnings(
    counts: Mapping[str, int], known: Iterable[str], store_file: str, targets_file: str
) -> list[Problem]:
    """One warning per indicator the store has and targets.yaml does not define, for the
    first ``UNKNOWN_SHOWN``, then one with how many more and their rows: their rows are
    ignored by every assessment, and that must never go unsaid (issue 12)."""
    from ..plan.suggest import Hints

    known = list(known)
    defined = set(known)
    hints = Hints(known)  # within a bound of work: 2,000 unknown of 10,000 cost 32 s a run
    out = []
    names = sorted(counts)
    for ind in names[:UNKNOWN_SHOWN]:
        base = ind.partition("[")[0]  # a unit row's indicator, before its unit
        if base in defined:
            # The indicator is defined, its unit is not: no "did you mean" the same id.
            said = msg("workspace_unknown_unit_rows", count=counts[ind], key=ind, indicator=base, targets=targets_file)
            out.append(Problem(Location(store_file), said, "warning"))
            continue
        close = hints(base)
        if close is not None:
            said = msg(
                "workspace_unknown_rows_hint",
                count=counts[ind],
                indicator=ind,
                targets=targets_file,
                suggestion=close,
            )
        else:
            said = msg("workspace_unknown_rows", count=counts[ind], indicator=ind, targets=targets_file)
        out.append(Problem(Location(store_file), said, "warning"))
    rest = names[UNKNOWN_SHOWN:]
    if rest:
        rows = sum(counts[ind] for ind in rest)
        said = msg("workspace_unknown_more", more=len(rest), rows=rows, targets=targets_file)
        out.append(Problem(Location(store_file), said, "warning"))
    return out
