"""Recording new figures: validate against the plan and the store, then append.

All or nothing: every record is checked first; a single problem means nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from .errors import InputError, did_you_mean
from .model import OBSERVATION_STATUSES, Location, Observation, Plan, Problem
from .periods import PeriodError, parse_period
from .store import append_observations, missing_folder, normalise_timestamp, parse_value, peek_store, utc_now
from .textfiles import neutralise_formula, nfc
from .workspace import find_targets, store_is_a_folder, store_path_for
from .definitions import load_plan

__all__ = ["validate_record", "record_one", "record_many"]

MAX_TEXT = 2000  # characters in a source or note: more than any citation needs


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
) -> tuple[Observation | None, list[Problem]]:
    """One candidate row → an Observation, or the problems that stop it.

    ``now``: the current UTC time (read at the edge; default: the clock), for the rules of
    timing.py. ``force``: accept a period not begun or a non-estimate recorded before its
    period ended (the deliberate case); a recorded_at in the future is never accepted.
    ``zone``: the UTC offset for a recorded_at with a time but no zone (--tz, else the
    plan's ``timezone:``); without one such a time is refused.
    """
    problems: list[Problem] = []
    now = now or utc_now()
    ind = plan.indicators.get(indicator.strip())
    if ind is None:
        suggestion = did_you_mean(indicator.strip(), plan.indicators) or f"; known: {', '.join(plan.indicators) or 'none'}"
        problems.append(Problem(where, f"unknown indicator '{indicator}'{suggestion}"))
    elif ind.formula:
        problems.append(Problem(where, f"indicator '{ind.id}' is derived (formula: {ind.formula}); record its inputs instead"))
    parsed_period = None
    try:
        parsed_period = parse_period(period)
    except PeriodError as exc:
        problems.append(Problem(where, str(exc)))
    if ind is not None and parsed_period is not None and not parsed_period.fits(ind.frequency):
        problems.append(Problem(where, f"period {parsed_period} is finer than indicator '{ind.id}' is published "
                                       f"(frequency: {ind.frequency.value}); change its frequency in targets.yaml if that is intended"))
    number = None
    try:
        number = parse_value(value)
    except ValueError as exc:
        problems.append(Problem(where, str(exc)))
    if status and status not in OBSERVATION_STATUSES:
        problems.append(Problem(where, f"status '{status}' is not one of: {', '.join(OBSERVATION_STATUSES)} (or leave it empty)"))
    stamp = None
    try:
        if recorded_at:
            from .timing import parse_zone

            stamp = normalise_timestamp(recorded_at, parse_zone(zone) if zone else None)
        else:
            stamp = now
    except ValueError as exc:
        message = str(exc)
        if "has no time zone" in message:
            message += ", or declare the plan's zone (timezone: +07:00 in targets.yaml) or give --tz +07:00"
        problems.append(Problem(where, message))
    if stamp is not None and parsed_period is not None:
        from .timing import FUTURE, timing_problems

        for kind, message in timing_problems(parsed_period, stamp, status or "", now):
            if kind == FUTURE:
                problems.append(Problem(where, message))
            elif not force:
                problems.append(Problem(where, f"{message}; --force records it as it is"))
    for text, what in ((source, "source"), (note, "note")):
        if "\n" in text or "\r" in text:
            problems.append(Problem(where, f"the {what} must be on one line"))
        elif any(ch < " " and ch != "\t" or ch == "\x7f" for ch in text):
            # A NUL would make the whole file look binary to every later read.
            bad = next(ch for ch in text if ch < " " and ch != "\t" or ch == "\x7f")
            problems.append(Problem(where, f"the {what} contains a control character (U+{ord(bad):04X})"))
        elif len(text) > MAX_TEXT:
            # The store's reader refuses longer cells; refuse them before they are written.
            problems.append(Problem(where, f"the {what} is {len(text)} characters long; at most {MAX_TEXT} are allowed"))
        elif any("\ud800" <= ch <= "\udfff" for ch in text):
            # Bytes that were not UTF-8 on the command line arrive as lone surrogates.
            problems.append(Problem(where, f"the {what} is not valid UTF-8 text (check the terminal's or file's encoding)"))
    if problems or ind is None or parsed_period is None or number is None or stamp is None:
        return None, problems
    # The store is the file people double-click: a source or note a spreadsheet would run
    # as a formula (=HYPERLINK(...), @SUM, -cmd|...) is stored with a leading apostrophe.
    source, note = neutralise_formula(nfc(source.strip())), neutralise_formula(nfc(note.strip()))
    return Observation(ind.id, parsed_period, number, status or "", source, note, stamp), []


def _open(targets: str | None) -> tuple[Plan, Path]:
    path = find_targets(targets)
    plan = load_plan(path)
    store = store_path_for(plan, path)
    folder = store_is_a_folder(plan, path, store)
    if folder:
        raise InputError(folder)
    missing = missing_folder(store)
    if missing is not None:
        raise InputError([missing])
    return plan, store


def record_many(targets: str | None, candidates: Sequence[tuple[Location, dict[str, str]]], dry_run: bool = False,
                *, force: bool = False, now: str | None = None, tz: str | None = None) -> tuple[Path, list[Observation]]:
    """Validate every candidate; append them all, or raise with every problem and write nothing.

    ``force``, ``now``: as for ``validate_record``; the clock is read here, once, if not given.
    ``tz``: --tz, which wins over the plan's ``timezone:`` (already validated by the caller).
    """
    now = now or utc_now()
    plan, store = _open(targets)
    zone = tz or plan.timezone
    existing = peek_store(store)  # the header and the last row only: the cost does not grow with the store
    if existing.torn_line:
        raise InputError([Problem(Location(str(store), existing.torn_line),
                                  "the file ends in an incomplete row; nothing was added; run 'qntrack check --repair' first")])
    rows: list[Observation] = []
    problems: list[Problem] = []
    for where, fields in candidates:
        obs, found = validate_record(plan, where, fields.get("indicator", ""), fields.get("period", ""),
                                     fields.get("value", ""), fields.get("status") or None, fields.get("source", ""),
                                     fields.get("note", ""), fields.get("recorded_at") or None,
                                     now=now, force=force, zone=zone)
        problems.extend(found)
        if obs is not None:
            rows.append(obs)
    if problems:
        raise InputError(problems)
    if not dry_run and rows:
        append_observations(store, rows)
    return store, rows


def record_one(targets: str | None, indicator: str, period: str, value: str, status: str | None,
               source: str, note: str, recorded_at: str | None) -> Path:
    fields = {"indicator": indicator, "period": period, "value": value, "status": status or "",
              "source": source, "note": note, "recorded_at": recorded_at or ""}
    store, _ = record_many(targets, [(Location("add-observation"), fields)])
    return store
