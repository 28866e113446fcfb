"""The cache brought up to date with rows appended to the store (cache/__init__.py's warm path).

The new rows are parsed; the indicators they touch (and the derived indicators that read
those) get their series back from the store's own lines, by the line numbers in force the
cache keeps (a broken-down indicator's units too: cache/units.py); only the targets on
them are judged again. Anything the plain path would say of the new rows means None, and
a cold run follows.
"""

from __future__ import annotations

import marshal
from array import array
from pathlib import Path
from typing import Any

from .entries import _entry, _warned, kept_groups, side_plain, with_breakdowns
from .keeping import _today
from .lines import _lines_at
from .plain import _allowed, _decode
from .units import canonical_appended, unit_lines, unit_plan, units_of
from .revisions import revised_whence_after, withdrawn_after

# An append touching more indicators than this is answered by a cold run.
MAX_AFFECTED = 500


def _append(cached: dict, data: Any, store_path: Path) -> dict | None:
    """The cache brought up to date with rows appended after its prefix, or None."""
    from ..files.checks_due import wrong_side
    from ..kinds import assess_target
    from ..method.series import build_series
    from ..plan.model import LevelTarget
    from ..files.store import parse_store
    from ..files.store_fast import _build_observations

    from ..files.shown_days import show_days_in

    # The plan's zone said before the rows are read, as the cold run's plan said it: a bare
    # date is the zone's own midnight west of Greenwich (shown_days.stored_moment), and the
    # cells of the targets judged again write their days in it (thirty-ninth session).
    show_days_in(cached.get("zone", ""))
    size = cached["size"]
    tail = data[size:]
    file = str(store_path)
    try:
        added = parse_store(cached["header"] + tail, file)
    except Exception:
        return None
    if added.problems or added.torn_line:
        return None  # the cold run reports them exactly as ever
    shift = cached["lines"] - 1
    added_rows = [o._replace(line=o.line + shift) for o in added.observations]
    allowed = _allowed()
    dimensions = None
    unit_bases: set[str] = set()
    if any("[" in o.indicator for o in added_rows):
        # A unit's figure (issue 14), its key as the plan names the unit (cache/units.py).
        found = canonical_appended(cached, added_rows, allowed)
        if found is None:
            return None
        added_rows, dimensions, unit_bases = found
    # Appended rows of indicators targets.yaml does not define add to their count.
    unknown = dict(cached["unknown"])
    for o in added_rows:
        if "[" not in o.indicator and o.indicator not in cached["indicators"]:
            unknown[o.indicator] = unknown.get(o.indicator, 0) + 1
    known = cached["known"] or (tuple(cached["indicators"]) if unknown else ())
    unknown = {i: unknown[i] for i in sorted(unknown)}

    inputs: dict[str, tuple[str, ...]] = cached["inputs"]
    measured = cached["in_force"]
    touched = {o.indicator for o in added_rows if o.indicator in measured} | unit_bases
    if not unit_bases <= set(measured):
        return None  # a unit of a derived indicator: the plain path says what it makes of it
    derived: set[str] = set()
    grew = True
    while grew:
        more = {
            d for d, names in inputs.items() if d not in derived and any(n in touched or n in derived for n in names)
        }
        derived |= more
        grew = bool(more)
    # Every input a changed derived indicator reads, down to measured ones.
    reach: set[str] = set()
    todo = list(derived)
    while todo:
        for name in inputs.get(todo.pop(), ()):
            if name not in reach:
                reach.add(name)
                todo.append(name)
    load = touched | derived | reach
    needed = {i for i in load if i in measured}
    if len(load) > MAX_AFFECTED or (needed and not cached["plain"]):
        return None

    indicators = {i: _decode(marshal.loads(cached["indicators"][i]), allowed) for i in load}
    broken = {i for i in load if indicators[i].dimensions}
    if broken:
        if broken - needed or cached.get("dimensions") is None:
            return None  # a derived indicator broken down: its units are worked out cold
        if dimensions is None:
            dimensions = _decode(marshal.loads(cached["dimensions"]), allowed)
    rows = [o for o in added_rows if o.indicator in needed or o.indicator.partition("[")[0] in unit_bases]
    appended = len(rows)
    header = cached["header"]
    for ind in needed:
        # The indicator's own lines in force, then each of its units' (by key).
        keyed = [(ind, measured[ind]), *units_of(cached, {ind}).items()] if ind in broken else [(ind, measured[ind])]
        numbers = array("I")
        keys: list[str] = []
        for key, kept in keyed:
            before = len(numbers)
            numbers.frombytes(kept)
            keys.extend([key] * (len(numbers) - before))
        if not numbers:
            continue
        text = header + b"\n".join(_lines_at(data, size, cached["index"], numbers)) + b"\n"
        again = parse_store(text, file)
        if again.problems or len(again.observations) != len(numbers):
            return None
        # Each row under the key it is kept by (a unit's as the plan names it, however
        # typed) and its line in the store: made from columns, as the reader makes rows,
        # not by a Python call per row (a province's 10,000 lines: 15 ms less).
        columns: list[Any] = list(zip(*again.observations, strict=True))
        columns[0], columns[-1] = keys, numbers.tolist()
        rows.extend(_build_observations(tuple(columns)))
    # A row appended to a period a retraction was recorded for: cold (cache/revisions.py).
    withdrawn = withdrawn_after(cached.get("withdrawn", {}), rows[:appended])
    if withdrawn is None:
        return None
    # A target on an indicator a retraction was recorded for before says the figures
    # withdrawn (kinds.withdrawals), which only the store's whole history gives: cold. With
    # none before, the figures in force and the appended rows are all the vintages that
    # decide it (the last two or three of a period), as withdrawals_of reads them.
    if {key.partition("[")[0] for key in cached.get("withdrawn", {})} & (touched | derived):
        return None
    from ..kinds.withdrawals import set_withdrawals
    from ..method.withdrawals import withdrawals_of
    from ..plan.model import RETRACTED

    retracted = {o.indicator for o in rows[:appended] if o.status == RETRACTED}
    gone = withdrawals_of(rows, retracted) if retracted else {}
    # What the figures in force replaced, which the table marks and the JSON and CSV
    # say (cache/revisions.py).
    # And where each came from (issue 17, twenty-fifth session).
    after = revised_whence_after(cached.get("revised", {}), cached["whence"], rows[:appended], rows[appended:])
    if after is None:
        return None
    revised, whence = after
    series, left_out = build_series(indicators, rows)
    changed = touched | derived
    today = _today(cached.get("zone", ""))
    with_units = with_breakdowns(unit_plan(dimensions or {}, indicators), series)
    entries = list(cached["entries"])
    for k, e in enumerate(entries):
        if e.indicator in changed:
            target = _decode(marshal.loads(e.target), allowed)
            rows_in_force = series.get(target.series_key, [])
            if (
                isinstance(target, LevelTarget)
                and side_plain(wrong_side(target, indicators[target.indicator], series))
                != cached.get("sides", {}).get(target.id, (None, ()))[1]
            ):
                return None  # a baseline figure now read moves a milestone to or from the wrong side
            judged = assess_target(target, indicators[target.indicator], rows_in_force, today)
            if target.for_each:
                judged = with_units(judged, today)
            if gone:
                judged = set_withdrawals(judged, gone)
            # The dimensions, decoded above for any indicator broken down: a target's own
            # unit (``of:``) is named in its notes as the cold run names it.
            entries[k] = _entry(judged, e.target, rows_in_force if e.cells else None, revised, whence, dimensions)
    in_force = dict(measured)
    for ind in touched:
        in_force[ind] = array("I", [o.line for o in series.get(ind, ())]).tobytes()
    units = cached.get("units", {})
    if dimensions is not None:
        from ..files.checks_units import outside_in_force

        # A unit's figure outside the unit's dates: the plain path warns of it by line.
        plan = unit_plan(dimensions, indicators)
        if outside_in_force(plan, series, ""):
            return None
        units = {**units, **unit_lines(series, {key for key in series if "[" in key})}
    # An appended figure in force that `qntrack check` calls an error: the plain path says
    # so by line (_trusted); one the store already had in force would have stopped us earlier.
    from ..files.checks_rows import timing_suspects
    from ..files.store import utc_now

    lines = {o.line for o in added_rows}
    in_force_added = [o for ind in touched for o in series.get(ind, ()) if o.line in lines]
    if timing_suspects(in_force_added, utc_now(), indicators, zone=cached.get("zone", "")):  # the plan's days
        return None
    plain = cached["plain"] and tail.count(b"\n") == len(added.observations)
    # The derived indicators worked out again say afresh which of their periods are left out.
    kept = {ind: problems for ind, problems in cached["warnings"].items() if ind not in derived}
    return {
        **cached,
        "entries": tuple(entries),
        "groups": kept_groups(entries),  # never the cached ones: a status may have changed
        "revised": revised,
        "whence": whence,
        "withdrawn": withdrawn,
        "in_force": in_force,
        "units": units,
        "plain": plain,
        "lines": cached["lines"] + tail.count(b"\n"),
        "warnings": {**kept, **_warned(left_out, derived)},
        "unknown": unknown,
        "known": known,
    }
