"""Withdrawing a figure (``qntrack retract``): a row with status 'retracted' and no value,
appended after the figure in force for the indicator (or unit) and period, never by
editing the file (docs/observations-format.md, "Retractions").
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence, Union

from .figure_units import history_words, retract_words
from ..catalog import Figure, Message, msg
from ..errors import ArgumentError, ExitCode, InputError
from ..plan.model import RETRACTED, Location, Observation, Plan, Problem
from ..method.history import latest_vintage
from .appending import append_observations
from .recording import _open, refuse_torn, validate_record

if TYPE_CHECKING:
    from decimal import Decimal

    from ..plan.periods import Period

# What a Python caller gives (python-api.md): a unit as text or as a number, which is read
# as record_many stores one (2020.0 the unit '2020'; thirty-eighth session, pass L2).
_Unit = Union[str, int, float, "Decimal"]
_Dims = Union[Sequence[Union[tuple[str, _Unit], str]], Mapping[str, _Unit], str, None]

__all__ = ["retract", "Retracted"]


class Retracted(tuple[Path, Observation, Observation]):
    """What ``retract`` did: ``(store, row, withdrawn)``, the three a caller unpacks (the
    store, the retraction appended or judged, the figure it withdrew), and ``notes``: what
    the retraction took with it beyond that figure, as ``qntrack retract`` says it after
    its confirmation (files.retract_notes): a year that was its parts added up, a derived
    figure computed from it, a target (or a ``for_each`` unit of one) whose status or
    figures move. Each a ``Message`` (``.id``, the catalog's key; ``.text(lang)``).
    A tuple of three still, so ``store, row, was = retract(...)`` reads as it did
    (issue 17, twenty-sixth session)."""

    notes: tuple[Message, ...]

    def __new__(cls, store: Path, row: Observation, withdrawn: Observation, notes: Sequence[Message] = ()) -> Retracted:
        made = super().__new__(cls, (store, row, withdrawn))
        # A tuple, and frozen, as every answer of the library is (thirty-sixth session: a list).
        object.__setattr__(made, "notes", tuple(notes))
        return made

    def __getnewargs__(self) -> tuple[Path, Observation, Observation, tuple[Message, ...]]:
        # A copy, a deep copy and a pickle (another process) make it again from its four:
        # the tuple's own gave its three as one argument (thirty-sixth session).
        return (self[0], self[1], self[2], self.notes)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Retracted is frozen: {name} cannot be set")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Retracted is frozen: {name} cannot be deleted")

    @property
    def store(self) -> Path:
        return self[0]

    @property
    def row(self) -> Observation:
        return self[1]

    @property
    def withdrawn(self) -> Observation:
        return self[2]


def retract(
    targets: str | os.PathLike[str] | None,
    indicator: str,
    period: str | int | float | Decimal | Period,
    source: str | int | float | Decimal | None,
    note: str | int | float | Decimal | None,
    recorded_at: str | datetime | date | None,
    force: bool = False,
    dims: _Dims = (),
    tz: str | None = None,
    command: str | None = None,
    dry_run: bool = False,
) -> Retracted:
    """Append a row that withdraws the figure in force for ``indicator`` and ``period``.

    The figure in force when the retraction is recorded (its ``recorded_at``, default
    now) is looked up under the append's lock; none there is an error naming the period.
    Returns the store, the retraction and the figure it withdrew, with ``notes`` of
    what went with it (``Retracted``). ``targets``: the path of targets.yaml (None looks
    for it as the command does); ``source`` and ``note``: the retraction's, text or a
    finite number (None: none). Raises an ``InputError`` at ``retract`` when no figure is
    in force to withdraw, ``PlanError``, ``StoreError``, or an ``ArgumentError`` naming
    the argument it cannot read (an indicator or unit the plan lacks, a period, a moment).

    ``force`` (never with ``recorded_at``): the vintage recorded last is dated after now
    (a hand-edited date in the future, which no retraction dated now could outrank): the
    retraction is recorded one second after it (timing.one_second_after), the only
    moment in the future a row may have, and only a retraction (docs/decisions.md).
    ``dims``: the unit whose figure is withdrawn (``--dim``), in every form ``history``'s
    ``dims`` takes (``argument_kinds.dim_texts``): (dimension, unit) pairs, a mapping of them
    (``dict(unit.dims)``), ``"dimension=unit"`` texts (one, or a list), None or ``()`` for
    the total.
    ``tz``: the UTC offset of a ``recorded_at`` typed without one (``--tz``), else the
    plan's ``timezone:``, as for ``add-observation``. ``command``: the command its
    problems name (``retract``; ``add-observation`` of an empty value with status
    retracted), in its words (``--tz``); None, a Python caller's: named ``retract``, in the
    caller's words (``tz="+07:00"``, the catalog's ``library_`` wording; thirtieth session).
    ``dry_run``: judged on the store as it is now, by the same rules, and nothing written.
    A Python caller's year (2025) or moment (an aware datetime) is read as ``record_many``
    reads it (caller_rows).
    """
    if command is None:
        from .library_arguments import for_library

        from .argument_kinds import dim_texts

        try:
            _refuse_kinds(source, note, recorded_at)
            # Read once: a generator of pairs, read again below, was spent, and the total's
            # figure withdrawn in place of the unit's, in silence (thirty-eighth session, L2).
            dims = tuple(dim_texts("dims", dims))
            _known_unit(targets, indicator, dims)
            given = (targets, indicator, period, source, note, recorded_at, force, dims, tz)
            return _retract(*given, "retract", dry_run, named=True)
        except InputError as error:
            raise for_library(error) from None
    return _retract(targets, indicator, period, source, note, recorded_at, force, dims, tz, command, dry_run)


# A Python caller's problems of one argument, named by it as every other library call
# names its arguments: an unknown indicator, a period malformed or not begun were told at
# "retract:", the function (thirty-sixth session).
_ARGUMENTS = {name: Location(name) for name in ("indicator", "period", "source", "note", "recorded_at")}


def _retract(
    targets: str | os.PathLike[str] | None,
    indicator: str,
    period: str | int | float | Decimal | Period,
    source: str | int | float | Decimal | None,
    note: str | int | float | Decimal | None,
    recorded_at: str | datetime | date | None,
    force: bool,
    dims: _Dims,
    tz: str | None,
    command: str,
    dry_run: bool,
    named: bool = False,
) -> Retracted:
    """``retract``'s work, its problems told at ``command``; ``named``: a Python caller's,
    a problem of one argument told at that argument."""
    from .caller_rows import caller_rows
    from .argument_kinds import dim_texts, refuse_import_options
    from .library_arguments import refuse_flags, refuse_id, refuse_period

    refuse_id("indicator", indicator)
    # Every form history's dims takes ("year_group=2020" texts, None for the total): a
    # list of texts was refused here and taken there (thirty-eighth session, pass L2).
    dims = tuple(dim_texts("dims", dims))
    refuse_period("period", period)
    refuse_flags(force=force, dry_run=dry_run)
    refuse_import_options(tz, None, None)  # tz=7: named, never an AttributeError
    if named and tz:
        # Said once, of tz, as record_many and the command's --tz say it: it was blamed on
        # recorded_at, and with no recorded_at passed in silence (thirty-sixth session, G).
        from ..method.timing import parse_zone

        try:
            parse_zone(tz)
        except ValueError as exc:
            raise ArgumentError([Problem(Location("tz"), exc.args[0])], ExitCode.USAGE) from None
    if named:
        _refuse_typed_period(period)

    given = {"indicator": indicator, "period": period, "source": source, "note": note, "recorded_at": recorded_at}
    # A retraction has no status to give: a status typed with its period is told the period
    # alone, as ``qntrack retract`` tells it (add-observation of a retraction: --status).
    ((_, text),) = caller_rows([(Location(command), given)], recording=command == "add-observation")
    indicator, source, note = text["indicator"], text["source"], text["note"]
    period, recorded_at = text["period"], text["recorded_at"] or None
    plan, store = _open(targets)
    refuse_torn(store, msg("store_nothing_withdrawn"))  # a torn last line, a batch interrupted: a StoreError
    where = Location(command)
    found, problems = validate_record(
        plan,
        where,
        indicator,
        period,
        "",
        RETRACTED,
        source,
        note,
        recorded_at,
        force_hint=False,
        dims=dims,
        zone=tz or plan.timezone,
        places=_ARGUMENTS if named else None,
    )
    if found is None:
        from .stored_ids import renamed_notes

        # A Python caller's: every problem here is of one of its arguments (``_ARGUMENTS``),
        # an ArgumentError as history's are (thirty-seventh session: a bare InputError), its
        # code the command's exit code, 1, as it refuses the same values (python-api.md).
        if named:
            raise ArgumentError(problems + renamed_notes(plan, store, [indicator]), ExitCode.INVALID)
        raise InputError(problems + renamed_notes(plan, store, [indicator]))
    row: Observation = found
    withdrawn: list[Observation] = []

    def keep(stored: Sequence[Observation]) -> list[Observation]:
        from .open_units import spelt_as_held
        from .workspace import canonical_rows

        nonlocal row
        stored = canonical_rows(plan, tuple(stored))  # a unit's key as typed by hand is the unit's
        # An open unit typed in another spelling than the store's is the store's (open_units).
        spelt = [row]
        spelt_as_held(plan, spelt, [where], stored, str(store))
        row = spelt[0]
        if force:
            row = _forced_retraction(row, stored, where)
        mine = [o for o in stored if o.indicator == row.indicator and o.period == row.period]
        if not recorded_at and not force:
            row = _past_stepped_seconds(row, mine)
        # The rule of series.in_force, once (history.latest_vintage): the vintage in force at
        # the row's moment, and the last one recorded after it.
        current = latest_vintage([o for o in mine if o.recorded_at <= row.recorded_at])
        # A retraction recorded before a later vintage would withdraw nothing current: refused
        # (docs/decisions.md, "Writing"); the user records it now, or after that vintage.
        later = latest_vintage([o for o in mine if o.recorded_at > row.recorded_at])
        if current is None or current.status == RETRACTED:
            if recorded_at and later is not None and later.status != RETRACTED:
                # The figure in force came after the date given: said, not denied.
                raise InputError([Problem(where, _before_any(row, later))])
            # Never recorded: why none can be (finer than the frequency); withdrawn: nothing in force.
            finer = _finer(plan, row) if current is None else None
            if finer is not None and named:  # a Python caller's period, as history's (session 45)
                raise ArgumentError([Problem(_ARGUMENTS["period"], finer)], ExitCode.INVALID)
            raise InputError([Problem(where, finer or _nothing(row))])
        if later is not None:
            if not recorded_at:
                # Recorded after now, so dated in the future: only --force outranks it.
                raise InputError(
                    [
                        Problem(
                            where,
                            msg(
                                "recording_retract_future_vintage",
                                indicator=row.indicator,
                                period=row.period,
                                retract=retract_words(row.indicator, row.period),
                                later=_vintage(later),
                                later_at=later.recorded_at,
                                line=later.line,
                            ),
                        )
                    ]
                )
            raise InputError(
                [
                    Problem(
                        where,
                        msg(
                            "recording_retract_before_in_force",
                            indicator=row.indicator,
                            period=row.period,
                            at=row.recorded_at,
                            was=Figure(current.value),
                            later=_vintage(later),
                            later_at=later.recorded_at,
                        ),
                    )
                ]
            )
        if current.recorded_at == row.recorded_at:
            # Two vintages of one second: which is in force would be the lines' order
            # (check's same-moment error). A moment given is refused, as add-observation
            # refuses it; one stamped now steps past it, as add-observation's does.
            row = _past_same_moment(row, current, bool(recorded_at), where)
        withdrawn.append(current)
        return [row]

    if dry_run:
        from .appending import _stored_now

        keep(_stored_now(store, {row.indicator}) if store.exists() else ())
        return _with_notes(targets, store, row, withdrawn[0])
    written = append_observations(store, [row], keep, not_done=msg("store_nothing_withdrawn"))
    return _with_notes(targets, store, written[0], withdrawn[0])


def _with_notes(targets: str | os.PathLike[str] | None, store: Path, row: Observation, was: Observation) -> Retracted:
    from .retract_notes import retraction_notes

    return Retracted(store, row, was, retraction_notes(targets, row, was))


def _past_stepped_seconds(row: Observation, mine: Sequence[Observation]) -> Observation:
    """``row`` (a retraction stamped now) moved past the seconds from now on that vintages
    of its period hold one after another: the ones add-observation stepped to when a figure
    and its correction came in one second (same_moment). A figure typed, corrected and
    withdrawn in a second is withdrawn, not refused as dated in the future; a vintage a
    hand edit dated later (a gap between) is still outranked by --force alone (issue 17,
    twenty-sixth session)."""
    from ..method.timing import one_second_after

    taken = {o.recorded_at for o in mine if o.recorded_at > row.recorded_at}
    stamp: str | None = row.recorded_at
    after = one_second_after(row.recorded_at)
    if after is None or after not in taken:
        return row
    while stamp is not None and (stamp == row.recorded_at or stamp in taken):
        stamp = one_second_after(stamp)
    return row if stamp is None else row._replace(recorded_at=stamp)


def _past_same_moment(row: Observation, current: Observation, given: bool, where: Location) -> Observation:
    """``row`` (a retraction) at the second of the figure it withdraws: refused with the
    next second when that moment was given (--recorded-at), else stamped at it (issue 17,
    twenty-third session)."""
    from ..method.timing import one_second_after

    after = one_second_after(current.recorded_at)
    if given or after is None:
        words = dict(indicator=row.indicator, period=row.period, at=row.recorded_at, was=_vintage(current))
        raise InputError(
            [Problem(where, msg("recording_retract_same_moment", **words, line=current.line, next=after or ""))]
        )
    return row._replace(recorded_at=after)


def _forced_retraction(row: Observation, stored: Sequence[Observation], where: Location) -> Observation:
    """``row`` (a retraction stamped now) moved to one second after the vintage recorded
    last for its period, when that vintage is dated in the future; else the reason not."""
    from ..method.timing import one_second_after

    latest = latest_vintage([o for o in stored if o.indicator == row.indicator and o.period == row.period])
    if latest is not None and latest.status == RETRACTED:
        raise InputError([Problem(where, _nothing(row))])
    if latest is None or latest.recorded_at <= row.recorded_at:
        raise InputError(
            [Problem(where, msg("recording_retract_force_not_future", indicator=row.indicator, period=row.period))]
        )
    stamp = one_second_after(latest.recorded_at)
    if stamp is None:  # 9999-12-31T23:59:59Z: no later moment can be written
        raise InputError([Problem(where, msg("recording_retract_force_no_later", at=latest.recorded_at))])
    return row._replace(recorded_at=stamp)


def empty_retractions(
    kept: Sequence[tuple[Location, Observation]], index: Mapping[tuple[str, int], Sequence[Observation]]
) -> list[Problem]:
    """The retractions of a batch (an import file's rows, in order) that would withdraw no
    figure: none in force for their period at their moment, in the store (``index``:
    history.vintage_index) or in the batch, by series.in_force's rule (the latest
    recorded_at; on a tie the later line, and the batch is appended after the store): a
    batch row dated before the retraction counts wherever the file lists it (a file
    sorted newest first), one of the same moment only on an earlier line.
    ``retract`` refuses such a row, and an import does too, naming its line."""
    return [Problem(where, _nothing(o)) for where, o, current in _in_force_at(kept, index) if current is None]


def withdrawn_in_batch(
    kept: Sequence[tuple[Location, Observation]], index: Mapping[tuple[str, int], Sequence[Observation]]
) -> list[tuple[Observation, Observation]]:
    """Each retraction of a batch that withdraws a figure, with that figure (by
    ``empty_retractions``' rule): what ``record_many``'s notes are of."""
    return [(o, current) for _, o, current in _in_force_at(kept, index) if current is not None]


def _in_force_at(
    kept: Sequence[tuple[Location, Observation]], index: Mapping[tuple[str, int], Sequence[Observation]]
) -> list[tuple[Location, Observation, Observation | None]]:
    """Each retraction of the batch, where it came from, and the figure in force at its
    moment that it withdraws (None when none is)."""
    out: list[tuple[Location, Observation, Observation | None]] = []
    batch: dict[tuple[str, int], list[tuple[str, int, Observation]]] = {}
    for n, (_, o) in enumerate(kept):
        batch.setdefault((o.indicator, o.period.sort_key), []).append((o.recorded_at, n, o))
    for n, (where, o) in enumerate(kept):
        if o.status != RETRACTED:
            continue
        key = (o.indicator, o.period.sort_key)
        current = latest_vintage([s for s in index.get(key, ()) if s.recorded_at <= o.recorded_at])
        before = [(at, m, b) for at, m, b in batch[key] if (at, m) < (o.recorded_at, n)]
        last = max(before, key=lambda t: (t[0], t[1]), default=None)
        if last is not None and (current is None or last[0] >= current.recorded_at):
            current = last[2]
        out.append((where, o, None if current is None or current.status == RETRACTED else current))
    return out


def _finer(plan: Plan, row: Observation) -> Message | None:
    """Why nothing can be withdrawn for a period finer than the indicator's frequency, when
    none is in force: no figure can be recorded for it (a figure recorded before the
    frequency was made coarser is in force, and is withdrawn)."""
    ind = plan.indicators.get(row.indicator.partition("[")[0])
    if ind is None or row.period.fits(ind.frequency):
        return None
    from .finer import finer_period

    return finer_period(row.period, ind.id, ind.frequency)


def _nothing(row: Observation) -> Message:
    return msg(
        "recording_nothing_to_retract", indicator=row.indicator, period=row.period, history=history_words(row.indicator)
    )


def _before_any(row: Observation, later: Observation) -> Message:
    return msg(
        "recording_retract_before_any",
        indicator=row.indicator,
        period=row.period,
        at=row.recorded_at,
        later=Figure(later.value),
        later_at=later.recorded_at,
    )


def _vintage(o: Observation) -> Message | Figure:
    """A vintage named in a message: its figure as the reader writes numbers (8,97 in
    Vietnamese), or a retraction in the reader's words (the catalog's label_retracted), as
    every table and the sibling confirmations say it (issue 17, twenty-fifth session)."""
    return msg("label_retracted") if o.status == RETRACTED else Figure(o.value)


def _refuse_kinds(source: object, note: object, recorded_at: object) -> None:
    """A Python caller's ``source`` and ``note`` are text, None or a finite number (stored
    as ``record_many`` stores it, 5.0 as '5': thirty-eighth session, pass L2), and
    ``recorded_at`` a moment (text, a datetime, a date) or None: a list was told at
    "retract:", and ``recorded_at=5`` read as the text '5' (thirty-seventh session). Each
    an ArgumentError naming it, with its type."""
    from .caller_rows import caller_now
    from .library_arguments import refuse_text

    refuse_text("source", source)
    refuse_text("note", note)
    caller_now(recorded_at, "recorded_at")


def _refuse_typed_period(period: object) -> None:
    """A Python caller's period written as offices write it with no year ('H1', a quarter's name),
    refused naming ``period`` (``history``'s rule): it was told at "retract:"."""
    from .caller_rows import period_as_text
    from .library_arguments import lacking
    from .typed_periods import typed_period

    refused = typed_period(period_as_text(period) or "", False)[1]
    if refused is not None:
        raise lacking("period", refused)  # code 1, as `retract fdi H1` exits


def _known_unit(targets: object, indicator: object, dims: object) -> None:
    """A Python caller's ``dims`` naming a dimension or a unit the plan lacks, refused naming
    ``dims``, as every other argument is named: it was told at "retract:", the function
    (thirty-sixth session). Anything else (a plan that does not read, an indicator it lacks)
    is left to ``retract``'s own checks, which say it as before."""
    from .argument_kinds import dim_texts

    pairs = tuple(dim_texts("dims", dims))
    if not pairs or not isinstance(indicator, str):
        return
    from .figure_units import typed_unit, unit_of
    from .library_arguments import lacking
    from .plan_loading import load_plan
    from .workspace import find_targets

    try:
        plan = load_plan(find_targets(targets))  # type: ignore[arg-type]
    except (InputError, OSError, ValueError, TypeError):
        return
    ind = plan.indicators.get(typed_unit(indicator, ())[0].strip())
    if ind is None:
        return
    wrong = unit_of(plan, ind, pairs)[2]
    if wrong:
        error = lacking("dims", wrong[0])
        assert isinstance(error, InputError)
        error.problems.extend(Problem(Location("dims"), m) for m in wrong[1:])
        raise error
