"""``qntrack history`` for a Python caller: every vintage recorded for an indicator (or one
unit of its breakdown, one period), and the document ``history --format json`` prints
(docs/python-api.md).

The command's own path (cli/reading.py): the store opened without its series, the
vintages listed by ``method.history.vintages`` and the document made by
``output.documents.history_document``, so a caller's answer and the command's are one
computation. Before the thirty-sixth session a caller had to shell out to the command, or
put the document together from its parts as the command does.
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

if TYPE_CHECKING:
    from decimal import Decimal
    from pathlib import Path

    from ..catalog import Message
    from ..files.workspace import Workspace
    from ..method.history import Vintage
    from ..plan.model import Plan
    from ..plan.periods import Frequency, Period

__all__ = ["Histories", "finer_period", "histories", "history"]


class Histories(NamedTuple):
    """What ``history`` found: the tracker, the store's name of the series listed (the
    indicator's id, or a unit's ``id[dimension=unit]``), its vintages, the period asked
    for (None: every one) and the day (None: everything recorded)."""

    workspace: Workspace
    key: str
    found: list[Vintage]
    wanted: Period | None
    as_of: str | None


def histories(
    targets: str | os.PathLike[str] | None,
    day: str | None,
    wanted: Period | None,
    series: Callable[[Plan, Path, Path], str],
    refuse: Callable[[Message], Exception],
) -> Histories:
    """The vintages of the series ``series`` names once the plan is read (before the store
    is: it refuses an indicator the plan lacks, or a derived one, as its caller words it),
    of ``wanted`` and by ``day``. A period finer than the indicator's frequency with no
    vintage (none can be recorded; one recorded before the frequency was made coarser is
    listed, so it can be withdrawn) is ``refuse``'s error, not an empty list."""
    from ..files.workspace import open_workspace
    from ..method.history import vintages
    from ..method.series import as_of_bound

    keys: list[str] = []
    frequency: list[Frequency] = []

    def before_store(plan: Plan, targets_path: Path, store_path: Path) -> None:
        key = series(plan, targets_path, store_path)
        keys.append(key)
        frequency.append(plan.indicators[key.partition("[")[0]].frequency)

    # The stored vintages are all it lists: no series in force to work out (issue 17).
    ws = open_workspace(targets, day, with_series=False, before_store=before_store)
    from ..files.open_units import held_key

    # An open unit typed in another spelling than the store's is the store's (files.open_units).
    key = held_key(ws.plan, keys[0], {o.indicator for o in ws.store.observations} if "[" in keys[0] else ())
    found = vintages(ws.store.observations, key, wanted, as_of_bound(day, ws.plan.timezone) if day else None)
    if wanted is not None and not found and not wanted.fits(frequency[0]):
        raise refuse(finer_period(wanted, key.partition("[")[0], frequency[0]))
    return Histories(ws, key, found, wanted, day)


def history(
    targets: str | os.PathLike[str] | None,
    indicator: str,
    period: str | int | float | Decimal | Period | None = None,
    dims: Any = None,
    as_of: str | date | None = None,
    *,
    dim: Any = None,
) -> dict[str, Any]:
    """The document ``qntrack history INDICATOR [PERIOD] [--dim D=U ...] --format json
    [--as-of AS_OF]`` prints, as values (docs/json.md, "Other JSON outputs"):
    ``output.formats.to_json`` of it is the command's output, byte for byte.

    ``indicator``: an id of the plan, or a unit's ``id[dimension=unit]`` as ``observations
    --format csv`` writes it. ``period``: None (every period), text as the command reads it
    (``"2024-Q2"``, or as offices write it, files.vocabulary) or a year as a number. ``dim``: the unit, as
    ``--dim``: a dict of dimension and unit (``dict(unit.dims)``), (dimension, unit)
    pairs, or ``"dimension=unit"`` texts, as ``retract``'s ``dims``; ``dim``, its older name, is
    taken too (not with ``dims``: which unit was meant is refused at ``dim``). ``as_of``: ``YYYY-MM-DD`` or a date; None,
    everything recorded. Raises ``PlanError``, ``StoreError``, or an ``ArgumentError``
    naming the argument it cannot read (``indicator``, ``period``, ``dims``, ``as_of``,
    ``targets``), in the command's words. Prints nothing."""
    from ..errors import InputError
    from ..files.library_arguments import for_library

    from ..files.library_arguments import refused

    if dim is not None and dims is not None:
        raise refused("dim", "library_dim_twice")
    # The unit's argument told as the caller spelt it (thirty-seventh session: ``dims``,
    # as ``retract`` spells it, where history alone took ``dim``).
    unit, name = (dims, "dims") if dim is None else (dim, "dim")
    try:
        return _history(targets, indicator, period, unit, as_of, name)
    except InputError as error:
        raise for_library(error) from None


def _history(targets: Any, indicator: Any, period: Any, dim: Any, as_of: Any, name: str = "dims") -> dict[str, Any]:
    from ..files.argument_kinds import dim_texts
    from ..files.library_arguments import lacking, refuse_id, refuse_path
    from .documents import history_document
    from .formats import day_text

    refuse_path("targets", targets)
    refuse_id("indicator", indicator)
    given = dim_texts(name, dim)
    day = day_text(as_of)
    wanted = None if period is None else _period(period)
    base, pairs = _split(indicator)

    def series(plan: Plan, targets_path: Path, store_path: Path) -> str:
        from ..catalog import msg
        from ..files.unknown_ids import unknown_indicator

        ind = plan.indicators.get(base)
        if ind is None:
            raise lacking("indicator", unknown_indicator(plan, base, store_path))
        if ind.formula:
            raise lacking("indicator", msg("cli_history_derived", indicator=base, formula=ind.formula))
        key = base
        if pairs:  # the unit typed in the id's brackets: told at indicator
            key = _unit(plan, base, pairs, "indicator")
        if given:
            key = _unit(plan, base, pairs + given, name)
        return key

    # finer than the indicator's frequency: the plan lacks that period (1), as the command says
    found = histories(targets, day, wanted, series, lambda message: lacking("period", message))
    return history_document(found.key, found.found, found.wanted, found.as_of, found.workspace.plan.timezone)


def vintages_of(found: object, period: object) -> tuple[list[Vintage], Period | None]:
    """``history_document``'s ``found`` (``method.history.vintages``', refused naming it when
    none) and, given ``period``, read as ``history`` reads it, that period's own vintages: it
    said ``"period": "2025"`` over every period's, and the text "2025" listed none with a day
    (forty-fifth session)."""
    from ..files.argument_kinds import vintages_argument

    vintages = vintages_argument(found)
    if period is None:
        return vintages, None
    wanted = _period(period)
    return [v for v in vintages if v.observation.period == wanted], wanted


def _period(period: object) -> Period:
    """The period a caller gave, read as ``history PERIOD`` reads it; refused naming ``period``."""
    from ..files import rules
    from ..files.caller_rows import period_as_text
    from ..files.library_arguments import named, refuse_period
    from ..files.typed_periods import typed_period
    from ..plan.periods import PeriodError

    refuse_period("period", period)
    text = period_as_text(period) or ""  # 2024.0 the year 2024, as record_many reads it
    read, refused = typed_period(text.strip(), False)
    if refused is not None:
        raise named("period", refused)
    try:
        return rules.period(read)
    except PeriodError as exc:
        from ..catalog import said

        raise named("period", said(exc)) from None


def _split(indicator: str) -> tuple[str, list[tuple[str, str]]]:
    """``exports[province=Ha Noi]``: the id and its unit's pairs; a key that does not read
    (an unclosed bracket) refused naming ``indicator``, as the command refuses it."""
    if "[" not in indicator and "]" not in indicator:
        return indicator, []
    from ..catalog import msg
    from ..errors import ArgumentError, ExitCode
    from ..plan.model import Location, Problem
    from ..plan.units import split_key

    split = split_key(indicator.strip())
    if split is None or not split[1]:  # its form alone, as the command's usage error (2)
        told = msg("recording_bad_unit_key", indicator=indicator)
        raise ArgumentError([Problem(Location("indicator"), told)], ExitCode.USAGE)
    return split[0], list(split[1])


def _unit(plan: Plan, indicator: str, pairs: list[tuple[str, str]], name: str) -> str:
    """The store's name of ``indicator``'s unit ``pairs`` name; a dimension or a unit the plan
    lacks refused naming ``name`` with what is valid, as ``history --dim`` refuses it."""
    from ..files.library_arguments import lacking
    from ..plan.unit_resolution import resolve_dims
    from ..plan.units import unit_key

    dims, problems = resolve_dims(plan.indicators[indicator], pairs, plan.dimensions)
    if problems:
        raise lacking(name, problems[0])
    return unit_key(indicator, dims)


def finer_period(wanted: Period, indicator: str, frequency: Frequency) -> Message:
    """Why an indicator has no figure for ``wanted``, and the period of its frequency that
    holds it (2024-04 of a quarterly indicator: 2024-Q2)."""
    from ..catalog import msg
    from ..files.finer import frequency_key
    from ..plan.periods import Period

    unit = frequency.months
    first = (wanted.first - 1) // unit * unit + 1
    last = -(-wanted.last // unit) * unit
    example = Period(wanted.year, first, last)
    return msg(
        "cli_history_period_finer", period=wanted, id=indicator, frequency=frequency_key(frequency), example=example
    )
