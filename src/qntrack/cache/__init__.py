"""Remembering ``status`` between runs, so that after an append only what changed is redone.

An optimisation only: with the cache gone, corrupt or out of date, ``status`` prints the
same bytes, just later. docs/performance.md explains the design and what it buys.

Where
    ``.qntrack-cache/status-<16 hex digits>.bin`` in the folder of targets.yaml, one file
    per targets file (the digits hash its absolute path). The folder is git-ignored, never
    committed and safe to delete at any time. ``QNTRACK_NO_CACHE=1`` turns the cache off;
    a folder that cannot be written simply means there is no cache.

What it holds
    The key: a fingerprint of qntrack's own code, the hash of targets.yaml, the store's
    path, device and inode, and the length and hash of the store's prefix it covers.
    Then the plan as plain tuples, each target's JSON item, status row and status, for
    each measured indicator and each declared unit (``units``) the line numbers of its
    observations in force, the plan's dimensions, the warnings
    about periods the derived indicators leave out, and a sparse index of where lines
    start (``_line_index``).

Never trusted
    Every run reads targets.yaml and the store in full and checks both hashes. A store
    that only grew is an append: the new rows are parsed, the indicators they touch (and
    the derived indicators that read those) get their series back from the store's own
    lines, and only the targets on them are assessed again. Anything else (an edit in the
    middle, a truncation, another file or inode, another targets.yaml, changed code, new
    rows with problems, a cache file with a bad checksum or an unexpected shape, an error
    while using it) means a full cold run, which then writes a fresh cache.

Why marshal and a checksum, not pickle
    Unpickling runs code named by the data; a cache file that anyone could edit must not
    be able to do that. marshal only builds plain values (tuples, strings, numbers,
    bytes, dicts) and is the fastest way CPython has to store them. Its own docs warn it
    is not hardened against damaged input, so the payload's hash is checked before it is
    read, and the plan comes back through ``_decode``, which builds only qntrack's model
    classes, by name, from an allowlist.

The package: this module serves ``status`` (warm or cold); ``keeping`` is the cache's file (its key, reading and writing it),
``entries`` what each target contributes to the outputs, ``plain`` the plan as plain
tuples and back, ``lines`` the line index.
"""

from __future__ import annotations

import marshal
import os
from array import array
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

from ..files.workspace import find_targets
from . import keeping
from .entries import (
    title_in,
    with_breakdowns,
    DrawnTables,
    Entry,  # noqa: F401  (tests reach it here)
    Served,
    Table,
    _chosen,
    _entry,
    entries_from_disk,
    kept_groups,
    entries_on_disk,
    _gate_items,
    _output,
    _warned,
    sides_plain,
    _warnings,
)
from .keeping import FORMAT, _digest, _hasher, _key, _load, _regular_bytes, _save, _today, cache_file
from .lines import _line_index, _newlines
from .plain import _allowed, _decode, _encode  # noqa: F401  (tests reach them here)
from .appended import _append
from .beside import Beside, hint_for
from .units import kept_dimensions, unit_lines
from .revisions import revised_of, whence_in, withdrawn_in

__all__ = ["CACHE_DIR", "cache_file", "machine_status", "table_status"]

# The folder is named by the files layer, which also refuses to write reports into it.
from ..files.workspace import CACHE_DIR  # noqa: E402

if TYPE_CHECKING:
    from ..files.store import Distinct

# After this many bytes of appended rows the cache is rewritten to cover them; below it,
# each run re-reads the short tail, which costs less than rewriting tens of megabytes.
REWRITE_AFTER = 256 * 1024


def machine_status(
    targets: str | None,
    target_ids: Sequence[str] | None,
    kind: str,
    check_ids: Callable[[Any, Sequence[str] | None], None],
    group_by: str = "group",
) -> Served | None:
    """``status --format KIND`` (json, csv or tsv) as of now, through the cache; the JSON
    document's groups by ``group_by``. With ``kind`` "items" the text is empty: the caller
    prints from the items (``status --group-by``).

    ``check_ids(plan, target_ids)`` raises for unknown target ids, as the command does.
    None means "not served here": the caller runs the command the plain way (also how it
    reports an unreadable targets file).
    """
    state = _current(targets, target_ids, check_ids, cells=False)
    if state is None:
        return None
    entries = _chosen(state["entries"], target_ids)
    if entries is None:
        return None
    items = [e.brief for e in entries]
    # The groups kept with the entries are those of every target by group (kept_groups).
    kept = state.get("groups") if entries is state["entries"] and group_by == "group" else None
    text = [] if kind == "items" else _output(state["title"], entries, kind, group_by, kept)
    return text, _gate_items(entries), _warnings(state, entries), items


def table_status(
    targets: str | None,
    target_ids: Sequence[str] | None,
    lang: str,
    check_ids: Callable[[Any, Sequence[str] | None], None],
) -> Table | None:
    """The rows of the terminal's status table as of now, through the cache; as above.

    The rows are kept for every language once a table has been asked for, so drawing the
    table again needs neither targets.yaml parsed nor a single target assessed.
    """
    state = _current(targets, target_ids, check_ids, cells=True)
    if state is None:
        return None
    entries = _chosen(state["entries"], target_ids)
    if entries is None or any(lang not in e.cells for e in entries):
        return None
    rows = [e.cells[lang] for e in entries]
    drawn = DrawnTables(
        cache_file(find_targets(targets)).with_suffix(f".{lang}.drawn"),
        # repr, not marshal: marshal's bytes for equal values vary with how
        # the objects are shared (its back-references), repr's do not.
        _digest(
            repr((FORMAT, keeping._code_fingerprint(), lang, title_in(state, lang), rows)).encode(
                "utf-8", "surrogatepass"
            )
        ),
    )
    return (
        title_in(state, lang),
        rows,
        _gate_items(entries),
        drawn,
        _warnings(state, entries),
        [e.brief for e in entries],
    )


def _current(targets: str | None, target_ids: Sequence[str] | None, check_ids: Callable, cells: bool) -> dict | None:
    """The cache brought up to date (warm), or rebuilt from the files (cold), or None.

    With ``cells``, the table's rows must be in it too: a cache written by a machine-output
    run, which does not pay for them, is rebuilt with them.
    """
    if os.environ.get("QNTRACK_NO_CACHE", "") not in ("", "0"):
        return None
    path = find_targets(targets)
    data = _regular_bytes(path)
    if data is None:
        return None  # missing, unreadable, not a regular file or too large: the plain path says which
    targets_digest = _digest(data)
    file = cache_file(path)
    key = _key(path, targets_digest)
    with Beside() as beside:
        state = None
        try:  # a cache is never trusted: anything odd (MemoryError too) means a cold run
            # The store named by the cache file's first bytes is hashed from then on (beside.py).
            cached = _load(file, key, beside.hash_store)
            if cached is not None and (cached.get("cells") or not cells) and cached.get("targets_file") == str(path):
                # (The same targets.yaml reached by another path: its warnings name it
                # as this run does only after a cold run.)
                state = _warm(cached, file, path, beside)
        except Exception:
            state = None
    if state is not None:
        return _trusted(state)
    return _trusted(_cold(targets, path, targets_digest, key, file, target_ids, check_ids, cells))


def _trusted(state: dict | None) -> dict | None:
    """The state, unless figures in force fail `qntrack check`'s timing rules: then None,
    and the plain path runs, which warns of them by line (Workspace.warnings_for)."""
    if state is None or state.get("suspect"):
        return None
    return state


# --- cold: everything from the files, then a fresh cache ----------------------------------


def _cold(
    targets: str | None,
    path: Path,
    targets_digest: bytes,
    key: tuple,
    file: Path,
    target_ids: Sequence[str] | None,
    check_ids: Callable,
    cells: bool,
) -> dict:
    """Everything from the files, then a fresh cache; returns the state the outputs need."""
    from ..method.series import formula_inputs
    from ..files.store import StoreContents, parse_store, read_store_bytes
    from ..files.store_missing import missing_store
    from ..files.workspace import open_workspace

    seen: dict[str, Any] = {}  # what the reader saw of the store, for the cache's key

    def reader(store_path: Path) -> StoreContents:
        data = read_store_bytes(store_path)
        if data is None:
            return StoreContents((), ())
        try:
            st = os.stat(store_path)
        except OSError:
            return parse_store(data, str(store_path))
        # The store is hashed for the cache's key by a thread while it is read: 0.09 s of
        # a national store's cold run. The thread lets go of the bytes once hashed, so
        # they go when the reader drops them (beside.py).
        hasher = _hasher(len(data))
        with Beside() as beside:
            beside.add(partial(hasher.update, data))
            index = _line_index(data)
            seen.update(
                path=str(store_path),
                ident=(st.st_dev, st.st_ino),
                size=len(data),
                lines=_newlines(data, index),
                header=data[: data.find(b"\n") + 1],
                index=index,
            )
            holder = [data]  # no other reference kept here: the reader frees the bytes once read
            del data
            contents = parse_store(holder, str(store_path))
        seen["sha"] = hasher.digest()
        return contents

    ws = open_workspace(targets, None, reader=reader, with_series=False)
    plan = ws.plan
    from ..catalog import msg
    from ..files.stages import tell_step

    tell_step(msg("report_step_assessing", targets=len(plan.targets)), ws.store_path)
    shared = _share(plan, ws.store.observations, cells, ws.store.distinct)
    # What the rest needs of the store's rows, then the rows let go: a national store's
    # million rows are not held while the cache is written (the run's peak of memory).
    rows = len(ws.store.observations)
    missing = bool(missing_store(ws.store_path, ws.store))
    readable = not ws.store.torn_line and not ws.store.problems
    store_path = ws.store_path
    del ws
    entries = tuple(shared["entries"][t.id] for t in plan.targets)
    # Rows of indicators targets.yaml does not define: said as the plain path says them
    # (Workspace.warnings_for); their names are only needed when there are any.
    unknown = shared["unknown"]
    state = {
        "title": plan.title,
        "title_vi": plan.title_vi,
        "entries": entries,
        "cells": cells,
        "inputs": formula_inputs(plan.indicators),
        "warnings": shared["warnings"],
        "sides": shared["sides"],
        "suspect": shared["suspect"],
        "unknown": unknown,
        "known": tuple(plan.indicators) if unknown else (),
        "store_file": str(store_path),
        "targets_file": plan.source_file,
        # No observations file: said as Workspace.warnings_for says it. Never saved
        # so: a cache is kept only of a store that was read (``seen``).
        "missing": missing,
        "groups": kept_groups(entries),
    }
    if seen and readable:
        cached = {
            "key": key,
            "store": seen["path"],
            "ident": seen["ident"],
            "size": seen["size"],
            "sha": seen["sha"],
            "lines": seen["lines"],
            "header": seen["header"],
            "index": seen["index"],
            # One row a line: line numbers find rows again (no blank lines, no quoted newlines).
            "plain": seen["lines"] == 1 + rows,
            "observations": plan.observations_path,
            # The month its statuses were judged in, in the plan's zone: the key's month
            # is the machine's, which the plan's day may be ahead of or behind.
            "zone": plan.timezone,
            "month": shared["month"],
            **state,
            "indicators": shared["indicators"],
            # Line numbers of each measured indicator's observations in force.
            "in_force": {i.id: shared["in_force"][i.id] for i in plan.indicators.values() if not i.formula},
            # Each declared unit's lines in force, and the dimensions (cache/units.py).
            "units": shared["units"],
            "dimensions": kept_dimensions(plan),
            # By target's series, by period's text, the value each figure in force replaced.
            "revised": shared["revised"],
            # The same figures' sources and recorded_at (issue 17, twenty-fifth session).
            "whence": shared["whence"],
            # By series, the periods a retraction was recorded for (cache/revisions.py).
            "withdrawn": shared["withdrawn"],
        }
        again = _regular_bytes(path)
        unchanged = again is not None and _digest(again) == targets_digest
        if unchanged:
            on_disk, texts = entries_on_disk(cached["entries"])
            _save(file, {**cached, "entries": on_disk}, texts, hint_for(seen["path"], seen["size"]))
    check_ids(plan, target_ids)
    return state


def _share(plan: Any, observations: Sequence[Any], cells: bool, distinct: Distinct | None = None) -> dict:
    """What the cache keeps for every indicator of the plan and every target.

    ``entries``: each target's ``_entry`` by target id; ``indicators``: each indicator
    marshalled; ``in_force``: each measured indicator's line numbers in force;
    ``warnings``: each derived indicator's periods left out (``_warned``); ``unknown``:
    rows by indicator that targets.yaml does not define; ``suspect``: the indicators with
    a figure in force that `qntrack check` calls an error. ``distinct``: the store's
    distinct values, when its reader gathered them (store.Distinct).
    """
    from operator import attrgetter

    from ..kinds import assess_target
    from ..kinds.withdrawals import set_withdrawals
    from ..method.withdrawals import withdrawals_of
    from ..method.series import build_series, unknown_counts
    from ..files.workspace import known_keys

    indicators = plan.indicators
    # What each figure in force replaced (revised_of), which the table marks and the
    # JSON's and CSV's ``revises`` say (eighteenth session): noted while the figures in
    # force are picked, from the few rows of periods recorded more than once.
    replaced: dict[str, Any] = {}
    vintages: dict[str, Any] = {}  # the same, as the vintages replaced: where they came from
    series, left_out = build_series(indicators, observations, replaced=replaced, vintages=vintages)
    revised = revised_of(plan, replaced)
    whence = whence_in(plan, vintages)
    # The units of breakdowns (issue 14) are series the plan defines, not unknown rows.
    known = known_keys(plan, series)
    unknown = unknown_counts(series, known, observations)
    broken = with_breakdowns(plan, series)
    line_of = attrgetter("line")
    today = _today(plan.timezone)
    entries = {}
    lines: dict[str, bytes] = {}

    def lines_in_force(indicator_id: str, rows: Sequence[Any]) -> None:
        if indicator_id not in lines and not indicators[indicator_id].formula:
            lines[indicator_id] = array("I", map(line_of, rows)).tobytes()

    # The figures withdrawn that each status touches (kinds.withdrawals, issue 17, twentieth
    # session), looked for only in the series a retraction was recorded for.
    withdrawn = withdrawn_in(observations)
    found = withdrawals_of(observations, set(withdrawn)) if withdrawn else {}
    for t in plan.targets:
        rows = series.get(t.series_key, ())
        judged = assess_target(t, indicators[t.indicator], rows, today)
        if t.for_each:
            judged = broken(judged, today)
        if found:
            judged = set_withdrawals(judged, found)
        entries[t.id] = _entry(
            judged, marshal.dumps(_encode(t)), rows if cells else None, revised, whence, plan.dimensions
        )
        # Right after the assessment has read them: the rows were made in the store's
        # order, not the indicator's, and a separate pass found each one again out of
        # the processor's cache (0.3 s of a national store's 0.6 million rows, not 0.1 s).
        if not t.of:  # a unit's rows are not the indicator's
            lines_in_force(t.indicator, rows)
    for i in indicators:
        lines_in_force(i, series.get(i, ()))
    # Figures in force that `qntrack check` calls errors: the plain path names them in its
    # warnings (Workspace.warnings_for), so a status built on them is not served from here.
    from ..files.checks_rows import timing_suspects
    from ..files.checks_units import outside_in_force
    from ..files.store import utc_now

    suspects = timing_suspects(
        [o for i in indicators if not indicators[i].formula for o in series.get(i, ())],
        utc_now(),
        indicators,
        distinct,
        observations,
        plan.timezone,  # the timing rules count the plan's days
    )
    suspect = {o.indicator: 1 for o in suspects}
    if plan.dimensions and outside_in_force(plan, series, ""):
        suspect["[units]"] = 1  # a unit's figure outside its dates: the plain path warns of it
    from ..files.checks_rows import ties_in_force

    if whence and ties_in_force(series, revised, whence, indicators, ""):
        suspect["[same-moment]"] = 1  # two vintages of one moment: the plain path warns of it
    return {
        "suspect": suspect,
        # A milestone the wrong side of its baseline, said by line as the plain path says it
        # (Workspace.warnings_for), by target in the plan's order. Kept, not a reason to run
        # the plain path: a national plan with one such milestone read its million rows
        # twice on every run (entries.sides_plain).
        "sides": sides_plain(plan, series),
        "revised": revised,
        "whence": whence,
        "withdrawn": withdrawn,
        "entries": entries,
        "indicators": {i: marshal.dumps(_encode(indicators[i])) for i in indicators},
        "in_force": lines,
        "units": unit_lines(series, known) if plan.dimensions else {},
        "warnings": _warned(left_out, set(indicators)),
        "unknown": unknown,
        "month": today.strftime("%Y-%m"),
    }


# --- warm: the cache, checked, plus whatever was appended -----------------------------------


def _with_entries(cached: dict) -> dict:
    """The cache with its entries made from the plain tuples on disk and the items' texts
    after the payload (entries_from_disk); empty for a cache of another shape."""
    entries = entries_from_disk(cached["entries"], cached["texts"].data)
    return {} if entries is None else {**cached, "entries": entries}


def _warm(cached: dict, file: Path, path: Path, beside: Beside) -> dict | None:
    """The cache checked against the files and brought up to date with an append, or None.

    ``beside``: the store the cache file's hint named, mapped, its prefix being hashed by
    a thread (beside.py); used only if it is the store, prefix and file the payload names.
    """
    from types import SimpleNamespace

    from ..files.workspace import store_path_for

    # Where targets.yaml says the store is, as the plain path works it out.
    store_path = store_path_for(SimpleNamespace(observations_path=cached["observations"]), path)  # type: ignore[arg-type]
    if str(store_path) != cached["store"]:
        return None
    if cached.get("month") != _today(cached.get("zone", "")).strftime("%Y-%m"):
        return None  # judged in another month of the plan's zone: its deadlines may have passed since
    # A batch being appended, or one a crash interrupted (journal.read_pending): the cold
    # run reads only its committed rows, or refuses, as the plain path does.
    from ..files.name_room import beside as named_beside

    journal = named_beside(store_path, ".pending")  # journal.pending_path's name, made to fit
    if os.path.exists(journal):
        return None
    store = beside.store
    size = cached["size"]
    if store is None or (store.path, store.size, store.ident) != (cached["store"], size, tuple(cached["ident"])):
        return None  # not the store the payload names (or none): a FIFO, a replaced file...
    data = store.data
    texts = cached["texts"]
    # The items' texts are read and checked by the same thread, after the store's prefix,
    # while the entries are made and any appended rows worked out: a national store's
    # 100 MB took 0.09 s of a 0.44 s run after an append. Nothing worked out is used
    # unless both are the ones cached.
    beside.add(texts.prove)
    cached = _with_entries(cached)
    updated = _append(cached, data, store_path) if cached and len(data) > size else None
    beside.finish()
    if not cached or store.hasher.digest() != cached["sha"] or not texts.proved():
        return None
    changed: dict = {}
    if len(data) > size:
        if updated is None:
            return None
        changed = {
            "entries": updated["entries"],
            "groups": updated["groups"],
            "warnings": updated["warnings"],
            "sides": updated["sides"],
            "unknown": updated["unknown"],
            "known": updated["known"],
        }
        if len(data) - size >= REWRITE_AFTER:
            hasher = store.hasher
            if type(_hasher(len(data))) is type(hasher):
                hasher.update(data[size:])
            else:
                hasher = _hasher(len(data))
                hasher.update(data)
            updated.update(size=len(data), sha=hasher.digest(), index=_line_index(data))
            on_disk, kept = entries_on_disk(updated["entries"])
            _save(file, {**updated, "entries": on_disk}, kept, hint_for(updated["store"], len(data)))
    if changed and os.path.exists(journal):
        return None  # a batch began while the appended rows were read: they may be part of it
    return {**cached, **changed}
