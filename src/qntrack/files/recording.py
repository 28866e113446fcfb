"""Recording new figures: validate against the plan and the store, then append.

All or nothing: every record is checked first; a single problem means nothing is written.
"""

from __future__ import annotations

import os
from datetime import datetime
from operator import attrgetter
from pathlib import Path
from typing import Any, Mapping, NamedTuple, Sequence

from ..errors import ArgumentError, ExitCode, InputError, StoreError
from ..catalog import Message, msg
from ..catalog import said as _said
from ..plan.model import RETRACTED, Location, Observation, Plan, Problem
from ..plan.periods import PeriodError
from . import rules
from ..method.timing import FUTURE, parse_zone, timing_problems, typed_timing  # asked for every row of an import
from .figures import whole_units_kept
from .figure_size import too_small
from .finer import finer_period
from .status_flags import typed_plan_status
from .row_against_plan import period_fits, unit_dates, whose
from ..files.appending import append_observations, stored_rows
from ..files.store import peek_store, read_store_bytes, utc_now
from ..files.store_missing import missing_folder
from ..files.workspace import find_targets, store_is_a_folder, store_path_for
from ..files.plan_loading import load_plan
from .recorded import Recorded, revisions_in
from .batch_rows import EMPTY_CELL, PERIOD_SAID
from .same_moment import after_same_moment, refuse_same_moment
from .after_future import after_future


__all__ = ["Recorded", "validate_record", "record_many"]


def _within(message_id: str, problem: str | Message) -> Message:
    """``message_id``'s sentence around another module's message (timing.py, store.py).

    msg() turns values into text at once (English); the Message itself is kept as the
    value so that it can be shown in the user's language once messages.render renders
    Message values (today it shows the English text there)."""
    return Message(message_id, (("problem", problem),))


def _torn(store: Path, line: int) -> StoreError:
    return StoreError([Problem(Location(str(store), line), msg("recording_torn"))])


def validate_record(
    plan: Plan,
    where: Location,
    indicator: str,
    period: str,
    value: str,
    status: str | None,
    source: str,
    note: str,
    recorded_at: str | None,
    *,
    now: str | None = None,
    force: bool = False,
    zone: str = "",
    force_hint: bool = True,
    dims: Sequence[tuple[str, str]] = (),
    stamp_where: Location | None = None,
    shown_moment: str | None = None,
    shown_period: str | None = None,
    places: Mapping[str, Location] | None = None,
) -> tuple[Observation | None, list[Problem]]:
    """One candidate row → an Observation, or the problems that stop it.

    ``now``: the current UTC time (read at the edge; default: the clock), for the rules of
    timing.py. ``force``: accept a period not begun or a non-estimate recorded before its
    period ended (the deliberate case); a recorded_at in the future is never accepted.
    ``zone``: the UTC offset for a recorded_at with a time but no zone (--tz, else the
    plan's ``timezone:``); without one such a time is refused. ``dims``: the unit of a
    breakdown the figure is for (``--dim locality="Ha Long"``, an import's dimension
    columns), as typed; the indicator may also name it (``grdp_growth[locality=Ha Long]``).
    ``shown_moment``: the recorded_at cell as a CSV file showed it ('15/07/2026 10:00'),
    when ``recorded_at`` is its ISO reading: a problem of the moment quotes the cell.
    ``stamp_where``: where the recorded_at was given, when that is a cell of its own (a
    workbook's): a problem of the moment alone names it.
    ``places``: where a problem of one field is told, by the field's name (``indicator``,
    ``period``, ``source``, ``note``, ``recorded_at``): a Python caller's arguments
    (``retract``'s); any other at ``where``.
    """
    now = now or utc_now()

    def at(field: str) -> Location:
        return (places or {}).get(field, where)

    stamp_where = stamp_where or (at("recorded_at") if places else None)
    ind, key, unit_dims, said = whose(plan, indicator, tuple(dims))
    problems = [Problem(at("indicator"), m) for m in said]
    parsed_period = None
    try:
        parsed_period = rules.period(period) if shown_period != PERIOD_SAID else None
    except PeriodError as exc:  # an import's empty cell: most often a period merged down (batch_rows)
        problems.append(
            Problem(at("period"), msg("import_period_cell_empty") if shown_period == EMPTY_CELL else _said(exc))
        )
    if (
        ind is not None
        and parsed_period is not None
        and status != RETRACTED  # a figure recorded before its frequency was made coarser: withdrawing it is the fix
        and not period_fits(parsed_period, ind.frequency)
    ):
        problems.append(
            Problem(
                at("period"),
                finer_period(
                    parsed_period,
                    ind.id,
                    ind.frequency,
                    typed=shown_period,
                    amount=ind.adds_up,
                ),
            )
        )
    number = None
    try:
        if not value.strip() and status != RETRACTED:  # a Python caller's row: "'' is not a number" said nothing
            raise ValueError(msg("recording_value_empty"))
        # A retraction (`qntrack retract`, or a store imported into itself) has no value.
        number = rules.value(value, status or "")
        # A caller's '9007199254740993' (or int): another amount once a float; refused.
        number = whole_units_kept(number, value.strip(), value.strip()) if abs(number) >= 2.0**53 else number
        if too_small(number):  # -1e-300: a figure no office publishes (forty-seventh session)
            raise ValueError(msg("recording_value_too_small", text=value.strip()))
    except ValueError as exc:
        problems.append(Problem(where, _said(exc)))
    if status and not rules.is_status(status):
        typed = not where.line and where.file == "add-observation"  # --status: no row to leave out
        told = (typed_plan_status(status) if typed else None) or rules.status_problem(status)
        problems.append(Problem(where, told))
    stamp = None
    try:
        if recorded_at:
            stamp = rules.recorded_at(recorded_at, parse_zone(zone) if zone else None)
        else:
            stamp = now
    except ValueError as exc:
        from .moment_words import slashed_without_zone

        message = _said(exc)
        if isinstance(message, Message) and message.id == "store_timestamp_no_zone" and shown_moment:
            message = msg("recording_shown_moment_no_zone", shown=shown_moment, text=recorded_at)
        elif isinstance(message, Message) and message.id == "store_timestamp_no_zone":
            message = _within("recording_zone_hint", message)
        elif not zone and (unzoned := slashed_without_zone(recorded_at or "")) is not None:
            # '15/07/2026 08:00' typed: its ISO form with no zone, and the zone to give, never
            # the UTC the store's reading assumes (08:00 UTC is 15:00 in Hanoi).
            message = _within("recording_slashed_no_zone", unzoned)
        problems.append(Problem(stamp_where or where, message))
    # The timing rules are about a real indicator's figure: after "unknown indicator" they
    # would only be a second, irrelevant error.
    if stamp is not None and parsed_period is not None and ind is not None:
        typed = not where.line and where.file in ("add-observation", "retract")  # the command line's options
        for kind, message in timing_problems(parsed_period, stamp, status or "", now, plan.timezone):
            message = typed_timing(message) if typed else message
            if kind == FUTURE:
                problems.append(Problem(stamp_where or where, message))
            elif not force:
                # The hint names --force only where the command has one (retract has not).
                problems.append(
                    Problem(at("period"), _within("recording_force_hint", message) if force_hint else message)
                )
    for field, found in (("source", rules.text_problem(source, "source")), ("note", rules.text_problem(note, "note"))):
        if found is not None:
            problems.append(Problem(at(field), found))
    if unit_dims and parsed_period is not None and status != RETRACTED:  # withdrawing one is the fix
        problems.extend(Problem(where, m) for m in unit_dates(plan, unit_dims, parsed_period))
    if problems or ind is None or parsed_period is None or number is None or stamp is None:
        return None, problems
    return Observation(
        key, parsed_period, number, status or "", rules.given_text(source), rules.given_text(note), stamp
    ), []


def _open(targets: str | os.PathLike[str] | None) -> tuple[Plan, Path]:
    path = find_targets(targets)
    plan = load_plan(path)
    store = store_path_for(plan, path)
    folder = store_is_a_folder(plan, path, store)
    if folder:
        raise StoreError(folder)
    missing = missing_folder(store)
    if missing is not None:
        raise StoreError([missing])
    return plan, store


def record_many(
    targets: str | os.PathLike[str] | None,
    candidates: Sequence[tuple[Location | str, Mapping[str, Any] | Observation] | Mapping[str, Any] | Observation],
    dry_run: bool = False,
    undated: str | datetime | None = None,
    *,
    force: bool = False,
    now: str | datetime | None = None,
    tz: str | None = None,
    opened: tuple[Plan, Path] | None = None,
    command: str | None = None,
) -> Recorded:
    """Validate every candidate; append them all, or raise with every problem and write nothing.

    A candidate is ``(where, fields)`` (``where``: a Location, or a name for the rows'
    problems to give) or the fields alone (told as ``candidates:N``); the fields are the
    store's columns and ``dim:<dimension>``, as text, numbers or dates (files.caller_rows).
    ``targets``: the path of targets.yaml (None looks for it as the commands do).
    ``dry_run``: every row judged as it would be appended, and nothing written. Returns a
    ``Recorded`` (the rows appended, those skipped as already recorded, the warnings, the
    figure the first row revises). Raises ``InputError`` with every problem of the rows
    (each at its place), ``PlanError``, ``StoreError`` (``StoreLockedError``), or an
    ``ArgumentError`` naming an argument of another type.

    Rows already recorded are skipped and counted, checked under the append's lock
    against the store as it is then. ``undated``: the timestamp given to rows that came
    without one (by default "now", stamped here). ``force``, ``now``: as for
    ``validate_record``; the clock is read here, once, if not given (``now`` may be an
    aware datetime). ``tz``: --tz, which wins over the plan's ``timezone:`` (validated by
    the caller). ``command``: the command whose words its problems take (``--tz``); None,
    a Python caller's (``tz="+07:00"``: the catalog's ``library_`` wording).
    """
    from .caller_rows import caller_moment, caller_now, caller_rows  # numbers and dates as text
    from .argument_kinds import refuse_import_options
    from .library_arguments import for_library, library_problems, refuse_flags
    from .retract_notes import batch_notes

    if command is None:
        try:
            done = record_many(
                targets, candidates, dry_run, undated, force=force, now=now, tz=tz, opened=opened, command=""
            )
        except InputError as error:
            raise for_library(error) from None
        # Its warnings in the caller's words too: "with force=True", not "with --force".
        return done.also(warnings=library_problems(done.warnings))

    refuse_flags(dry_run=dry_run, force=force)
    refuse_import_options(tz, None, None)  # tz=7: named, never an AttributeError
    # A Python caller's argument (command ""), an ArgumentError as every function's is
    # (thirty-seventh session: a bare InputError); a command's option, as its command says.
    if tz:  # said once, of tz: it was blamed on every row (thirty-third session, pass L)
        try:
            parse_zone(tz)
        except ValueError as exc:
            zone_told = [Problem(Location("tz"), exc.args[0])]
            raise (ArgumentError(zone_told, ExitCode.USAGE) if command == "" else InputError(zone_told)) from None

    now = caller_now(now)  # a datetime, as a Python caller has one
    undated = caller_now(undated, "undated")  # read as ``now`` is
    if command == "" and (told := rules.given_once(undated, tz)) is not None:
        # Said once, of undated: it was told at the first row given no moment, as if the
        # row were wrong (thirty-seventh session).
        # Code 1, as `add-observation --from F --recorded-at 2024-13-01` exits (python-api.md).
        raise ArgumentError([Problem(Location("undated"), told)], ExitCode.INVALID)
    plan, store = opened or _open(targets)
    if now is not None:
        now = caller_moment(now, tz or plan.timezone)  # one moment, said once of ``now``
    batch = validated_batch(
        plan, store, caller_rows(candidates), undated, force=force, now=now, tz=tz, typed_said=False
    )
    done = record_batch(plan, store, batch, dry_run, force=force)
    return done.also(notes=batch_notes(plan, store, done.withdrew))  # () when none withdraws


class Batch(NamedTuple):
    """Rows validated against the plan (``validated_batch``), with where each came from,
    the stamp of those given no recorded_at, and the clock they were judged by."""

    rows: list[Observation]
    wheres: list[Location]
    undated: str
    now: str


def refuse_torn(store: Path, not_done: Message | None = None) -> None:
    """StoreError when the store's last line is torn: nothing may be appended after it.
    Reads the header and the last row only: the cost does not grow with the store.
    ``not_done``: what was not done, where it was no row added ("nothing was withdrawn")."""
    try:
        existing = peek_store(store, not_done)
    except InputError as error:  # a batch interrupted, a folder, a FIFO: the store's problem
        raise StoreError.of(error) from None
    except OSError as exc:  # a loop of links, a part of its path a file: the system's words
        from ..errors import os_failure

        raise StoreError.of(os_failure(exc, str(store), msg("store_doing_read"))) from None
    if existing.torn_line:
        if any(getattr(p.message, "id", "") == "store_ctrl_z" for p in existing.problems):
            raise StoreError([Problem(Location(str(store), existing.torn_line), msg("recording_ctrl_z"))])
        raise _torn(store, existing.torn_line)


def validated_batch(
    plan: Plan,
    store: Path,
    candidates: Sequence[tuple[Location, dict[str, str]]],
    undated: str | None = None,
    *,
    force: bool = False,
    now: str | None = None,
    tz: str | None = None,
    unread: frozenset[Location] = frozenset(),
    typed_said: bool = True,
) -> Batch:
    """Every candidate checked against the plan (``validate_record``), or InputError with
    every problem; a store whose last line is torn is refused first. The candidates are
    not needed afterwards: an import lets its file's cells go once this returns (issue 17).
    ``unread``: where the file's reader found a figure it could not read (its row came
    with a stand-in 0): no row there is compared with another (``twin_problems``).
    ``typed_said``: whether the rows' reader told two figures given for one as typed (an
    import's does; a caller's list has no reader)."""
    from .batch_rows import SHOWN_MOMENT, SHOWN_PERIOD, stamp_location, twin_problems, unit_cells
    from .open_units import spelt_as_held

    now = now or utc_now()
    zone = tz or plan.timezone
    refuse_torn(store)
    if undated is None:
        undated = now
    rows: list[Observation] = []
    wheres: list[Location] = []
    cells: list[dict[str, str]] = []
    problems: list[Problem] = []
    for where, fields in candidates:
        obs, found = validate_record(
            plan,
            where,
            fields.get("indicator", ""),
            fields.get("period", ""),
            fields.get("value", ""),
            fields.get("status") or None,
            fields.get("source", ""),
            fields.get("note", ""),
            fields.get("recorded_at") or undated,
            now=now,
            force=force,
            zone=zone,
            # An import's dimension columns (import_tables), an empty cell being no value.
            dims=[(k[4:].partition("#")[0], v) for k, v in unit_cells(fields)],
            stamp_where=stamp_location(where, fields),
            shown_moment=fields.get(SHOWN_MOMENT),
            shown_period=fields.get(SHOWN_PERIOD),
        )
        problems.extend(found)
        if obs is not None:
            rows.append(obs)
            wheres.append(where)
            cells.append(fields)
    # Two figures of one open unit spelt two ways are compared as one unit's (open_units).
    twins = list(rows)
    spelt_as_held(plan, twins, wheres, (), str(store))
    problems.extend(twin_problems(twins, wheres, cells, undated, unread, typed_said, plan))
    if problems:
        from .stored_ids import renamed_notes

        given = (fields.get("indicator", "") for _, fields in candidates) if len(rows) < len(candidates) else ()
        raise InputError(problems + renamed_notes(plan, store, given))
    return Batch(rows, wheres, undated, now)


def record_batch(plan: Plan, store: Path, batch: Batch, dry_run: bool = False, *, force: bool = False) -> Recorded:
    """A validated batch judged against the store (already recorded, same moment, jumps,
    earlier vintages) and appended, or with ``dry_run`` only judged. ``batch`` is left as
    it is, so that an append that failed on the store can be judged again as a dry run."""
    from ..method.batch_periods import in_batch
    from ..method.history import already_recorded, stored_vintages, vintage_index

    rows = list(batch.rows)  # restamped in place below (after_future, same_moment.after_same_moment)
    wheres, undated, now = batch.wheres, batch.undated, batch.now
    warnings: list[Problem] = []
    vintages: list[tuple[Observation | None, Observation | None]] = []
    revising: list[Observation] = []
    withdrew: list[tuple[Observation, Observation]] = []
    revised: list[tuple[Observation, Observation]] = []

    def keep(stored: Sequence[Observation]) -> list[Observation]:
        from .checks_to_date import entry_to_date_problems
        from .early_estimates import early_estimate_problems
        from .checks_jumps import earlier_vintage_problems, entry_growth_floor_problems
        from .checks_fraction import entry_slip_problems
        from .checks_status import entry_official_replaced
        from .checks_parts_entry import entry_parts_problems
        from .open_units import spelt_as_held
        from .workspace import canonical_rows

        stored = canonical_rows(plan, tuple(stored))  # a unit's key as typed by hand is the unit's
        stored = _sources_as_written(stored)
        # An open unit spelt otherwise than the store (or an earlier row) spells it: written
        # in that spelling, and said (files.open_units; thirty-sixth session).
        warnings.extend(spelt_as_held(plan, rows, wheres, stored, str(store)))
        if force:
            warnings.extend(after_future(rows, wheres, stored, undated, now))
        # The stored rows by (indicator, period), made once: every check below reads the
        # vintages of its rows' periods there, rather than each passing over the whole
        # store (a national store's million rows, an import's 300,000 rows: issue 17).
        index = vintage_index(stored)
        # Each row's vintages looked up once, for every check (a million periods: issue 17).
        found, met = in_batch(index, rows)
        marks = already_recorded(index, rows, undated, found, met)
        kept = [(w, o) for w, o, known in zip(wheres, rows, marks, strict=True) if not known]
        if any(marks):  # a period met twice among all the rows may be met once among those kept
            found = [f for f, known in zip(found, marks, strict=True) if not known]
            met = [m for m, known in zip(met, marks, strict=True) if not known]
        kept = after_same_moment(kept, index, undated, rows)  # the same periods, in the same places
        refuse_same_moment(kept, stored, store, index)
        if any(o.status == RETRACTED for _, o in kept):
            from .retracting import empty_retractions, withdrawn_in_batch

            empty = empty_retractions(kept, index)
            if empty:
                raise InputError(empty)  # as `retract` refuses it: nothing is written
            withdrew.extend(withdrawn_in_batch(kept, index))
        if any(marks):
            vintages.extend(stored_vintages(index, [o for o, known in zip(rows, marks, strict=True) if known], undated))
        # The rows the append already read under its lock (the batch's indicators only):
        # no further read of the store, so a single figure costs the same as before.
        warnings.extend(entry_growth_floor_problems(kept, plan, dry_run))
        # A total since January typed as a month's is said as that, not as a jump too.
        to_date = entry_to_date_problems(kept, index, plan, dry_run)
        said = {id(p.location) for p in to_date}
        jumps = entry_slip_problems(kept, index, plan, dry_run, found)  # a "%" saved as a fraction too
        warnings.extend([p for p in jumps if id(p.location) not in said] + to_date)
        warnings.extend(entry_parts_problems(kept, index, plan))  # a published total taken apart
        warnings.extend(early_estimate_problems(kept, index, plan, dry_run))  # a half typed as the year
        # A row recorded before the figure in force is kept but never takes effect: say so.
        warnings.extend(earlier_vintage_problems(kept, index, found, met))
        warnings.extend(entry_official_replaced(kept, index, dry_run))  # over an official figure
        if len(rows) == 1 and kept:
            revising.extend(_revised(kept[0][1], index))
        revised.extend(revisions_in([o for _, o in kept], index, found, met))  # an import says them
        return [o for _, o in kept]

    from .textfiles import near_store

    if (near := near_store(store)) is not None:  # a store started beside the one meant: said
        from .store_missing import store_near

        warnings.append(store_near(store, near, plan.source_file, dry_run))
    if dry_run:
        from ..files.appending import check_appendable, refuse_case_variant
        from ..files.windows_paths import refuse_windows_name

        from ..files.blank_store import blank_store

        blank = blank_store(store)  # a BOM or blank lines: started as an empty store is
        if store.is_file() and store.stat().st_size and not blank:
            check_appendable(store)  # what the append would refuse, a dry run refuses too
        refuse_case_variant(store)  # Observations.csv beside a missing observations.csv, too
        refuse_windows_name(store)  # 'observations: C:\Users\...' on Linux, too
        data = None if blank else read_store_bytes(store)
        new = keep(stored_rows(data, {o.indicator for o in rows}, str(store)) if data else ())
    else:
        new = append_observations(store, rows, keep) if rows else []
    added = set(map(id, new))
    return Recorded(
        store,
        new,
        [o for o in rows if id(o) not in added],
        warnings,
        vintages,
        revising[0] if revising else None,
        withdrew=withdrew,
        revised=revised,
    )


def _revised(o: Observation, index: dict[tuple[str, int], list[Observation]]) -> list[Observation]:
    """The vintage ``o`` takes the place of: the latest stored vintage of its period, when
    ``o`` comes after it (an earlier vintage revises nothing: it is never in force). A
    figure, or a retraction (``o`` then puts a figure back, and says so: cli.recorded)."""
    from ..method.history import latest_vintage

    before = latest_vintage(index.get((o.indicator, o.period.sort_key), ()))
    if before is None or (before.status != RETRACTED and before.value != before.value):
        return []
    if o.status == RETRACTED:  # a retraction's own message names what it withdrew
        return []
    return [before] if before.recorded_at <= o.recorded_at else []


def _sources_as_written(stored: tuple[Observation, ...]) -> tuple[Observation, ...]:
    """The stored rows with each source as an import writes it (``rules.written_text``:
    trimmed, NFC, a formula behind its apostrophe). A hand edit's " src " or "=X" is listed
    as it is and comes back from the listing as "src" or "'=X": compared as stored, the
    same figure was another one at the same moment, and the round trip was refused. Each
    distinct source is judged once; the rows are walked only when one changes."""

    changed = {t: w for t in set(map(attrgetter("source"), stored)) if (w := rules.written_text(t)) != t}
    if not changed:
        return stored
    return tuple(o._replace(source=changed[o.source]) if o.source in changed else o for o in stored)
