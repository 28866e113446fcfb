"""Machine-readable output: the JSON contract and the rows of CSV/TSV tables (written by
``output.tables``). No Rich here.

The JSON shape is a documented, stable contract (docs/json.md): fields are only ever
added, never renamed or removed, within a major version. Numbers are unrounded.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

import orjson

from .. import __version__
from ..files.textfiles import formula_like
from ..files.workspace import as_of_day

if TYPE_CHECKING:  # annotations only: a status served by the cache needs no assessment
    from ..method.assessment import Assessment, UnitAssessment
    from ..plan.model import Observation, Target, Text
    from .grouping import GroupBy
    from .replaced_from import Came

__all__ = [
    "SCHEMA_VERSION",
    "assessment_dict",
    "unit_dict",
    "rollup_dict",
    "status_document",
    "status_json",
    "as_of_end",
    "document_parts",
    "groups_document",
    "item_json",
    "to_json",
    "status_rows",
    "STATUS_COLUMNS",
    "safe_cell",
]

SCHEMA_VERSION = 1


# By series (a target's, a unit's key), by period's text, the value the figure in force
# replaced (method.history.revised_values_of; the status table's ``revised``).
Revised = Mapping[str, Mapping[str, "float | None"]]
# By series, by period's text, where the figure each figure in force replaced came from:
# (source, recorded_at) of that vintage, as stored ("" when not given): ``revises_source``
# and ``revises_recorded_at`` (issue 17, twenty-fifth session).
Whence = Mapping[str, Mapping[str, "Came"]]


def revised_in(
    assessments: Iterable[Assessment],
    observations: Iterable[Observation],
    as_of: str | date | None = None,
    whence: dict[str, dict[str, tuple[str, str]]] | None = None,
    zone: str = "",
) -> dict[str, dict[str, float | None]]:
    """``Revised`` of the assessments' series (each target's, and each unit's of its
    breakdown; a derived indicator's figures are computed and replaced nothing), by the
    ``as_of`` day (else now), ended in ``zone`` (the plan's ``timezone:``), from the
    store's ``observations``. ``whence``, when given, receives the ``Whence`` of the same
    figures."""
    from ..method.history import replaced_vintages_of
    from ..method.series import as_of_bound
    from ..plan.units import unit_key

    measured = [a for a in assessments if not a.indicator.formula]
    keys = {a.target.series_key for a in measured}
    keys |= {unit_key(a.indicator.id, u.dims) for a in measured for u in a.breakdown}
    now: dict[str, dict[Any, Observation]] = {}
    day = day_text(as_of)
    found = replaced_vintages_of(observations, keys, as_of_bound(day, zone) if day else None, now)
    if whence is not None:
        whence.update(whence_of(found, now))
    return {key: {str(p): o.value for p, o in periods.items()} for key, periods in found.items() if periods}


def whence_of(
    vintages: Mapping[str, Mapping[Any, Observation]], now: Mapping[str, Mapping[Any, Observation]] | None = None
) -> dict[str, dict[str, Came]]:
    """``Whence`` of the vintages replaced (by series, by period): each one's source,
    recorded_at and status, by period's text, then the figure in force's where ``now`` (by
    series, by period) has it (replaced_from.came); only series that have one."""
    from .replaced_from import came

    return {
        key: {str(p): came(o, (now or {}).get(key, {}).get(p)) for p, o in periods.items()}
        for key, periods in vintages.items()
        if periods
    }


def assessment_dict(
    a: Assessment, revised: Revised | None = None, key: str | None = None, whence: Whence | None = None
) -> dict[str, Any]:
    """A target's item (docs/json.md); ``revised`` says what each figure of its series
    (``key``, default the target's) replaced, null where it replaced none, and ``whence``
    where that figure came from."""
    from .json_figures import _details, figure_dict, milestone_list, withdrawn_list  # not on a warm status's path
    from .baseline_figure import baseline_dict  # here: a status the cache serves never needs it

    t, ind = a.target, a.indicator
    mine = (revised or {}).get(key or t.series_key, {})
    mine_from = (whence or {}).get(key or t.series_key)
    name = t.name or ind.name
    return {
        "id": t.id,
        "type": t.kind,
        "indicator": ind.id,
        "name": name.en,
        "names": {"en": name.en, "vi": name.vi},
        "unit": ind.unit,
        "direction": ind.direction.value,
        "status": a.status.value,
        "reason": a.reason,
        "gap": a.gap,
        "score": a.score,
        "progress_value": a.progress_value,
        "baseline": baseline_dict(a, mine, mine_from),  # what its figure replaced, appended (32nd session)
        "latest": figure_dict(a.latest, mine, mine_from),
        "provisional": figure_dict(a.provisional, mine, mine_from),
        "achieved_rate": a.achieved_rate,
        "milestones": milestone_list(a, mine, mine_from),
        "next_milestone": None if a.headline is None else str(a.milestones[a.headline].by),
        "missed_milestones": [str(p) for p in a.missed_milestones],
        "awaiting_figures": [str(p) for p in a.awaiting_figures],
        "source": t.source.en if t.source else None,
        "details": _details(a.details, mine, mine_from),
        # Added for issue 14: who the target belongs to, written as its name is.
        "group": t.group.en if t.group else None,
        "group_names": _names(t.group),
        "owner": t.owner.en if t.owner else None,
        "owner_names": _names(t.owner),
        # Added for issue 14: the target judged for every unit of its breakdown
        # (for_each:), and the units rolled up by the group rule (docs/json.md, "Breakdowns").
        "for_each": list(t.for_each),
        "breakdown": [unit_dict(u, t, revised, whence) for u in a.breakdown],
        "rollup": rollup_dict(a.breakdown) if t.for_each else None,
        # Added for issue 16: the unit whose series the target is judged on (of:), {} for
        # the total.
        "of": dict(t.of),
        # Added in issue 17, twentieth session: the figures of its periods withdrawn.
        "withdrawn": withdrawn_list(a),
        # Added in issue 17, twenty-eighth session: the source in both languages, as names.
        "source_names": _names(t.source),
        # Then its note, as the reports print it under the target (same session, F).
        "note_names": _names(t.note),
        # Added in issue 17, twenty-ninth session: the indicator's description, which the
        # reports and `show` print beside its name.
        "description_names": _names(ind.description),
    }


# The fields of a target's item that a unit of its breakdown has too, in the same order.
UNIT_FIELDS = (
    "status",
    "reason",
    "gap",
    "score",
    "progress_value",
    "baseline",
    "latest",
    "provisional",
    "achieved_rate",
    "milestones",
    "next_milestone",
    "missed_milestones",
    "awaiting_figures",
    "details",
    "withdrawn",
)


def unit_dict(
    u: UnitAssessment, target: Target, revised: Revised | None = None, whence: Whence | None = None
) -> dict[str, Any]:
    """One unit of a breakdown: its dimension values, whether targets.yaml gives it its own
    values (``overrides:``), then the fields a target has."""
    from dataclasses import replace

    from ..plan.units import unit_key

    whole = assessment_dict(replace(u.assessment, breakdown=()), revised, unit_key(target.indicator, u.dims), whence)
    item: dict[str, Any] = {"dims": dict(u.dims), "own_values": any(d == u.dims for d, _ in target.overrides)}
    item.update((k, whole[k]) for k in UNIT_FIELDS)
    # Added in issue 17, twenty-first session: a declared unit listed for want of a figure.
    item["without_figure"] = u.without_figure
    return item


def rollup_dict(units: Sequence[UnitAssessment]) -> dict[str, Any]:
    """The units counted by status and combined by the group rule (docs/methodology.md)."""
    from ..kinds.breakdown import rollup

    from ..kinds.breakdown import without_figures

    score, status, counts = rollup(units)
    absent = without_figures(units)
    return {
        "count": len(units) - len(absent),
        "by_status": {s.value: n for s, n in counts.items()},
        "score": score,
        "status": status.value,
        # Added in issue 17, twenty-first session: the declared units with no figure.
        "without_figure": len(absent),
        "units_without_figure": [dict(u.dims) for u in absent],
    }


def _names(text: Text | None) -> dict[str, str] | None:
    return None if text is None else {"en": text.en, "vi": text.vi}


def status_document(
    assessments: Iterable[Assessment],
    as_of: str | date | None = None,
    title: str = "",
    group_by: GroupBy = "group",
    revised: Revised | None = None,
    observations: Iterable[Observation] | None = None,
    whence: Whence | None = None,
    zone: str = "",
) -> dict[str, Any]:
    """``status --format json`` (docs/json.md) as values; its ``groups`` by ``group_by``.
    ``assessments``: the targets judged (``assess``'s list); ``title``: the plan's title
    (``ws.plan.title``). What is no targets judged (None, a path) raises an
    ``ArgumentError`` naming ``assessments``, as rows of another kind do ``observations``.
    What each figure replaced (``revises``) is ``revised``, and where it came from
    ``whence``, else both read off the store's ``observations`` (``revised_in``, by
    ``as_of``); null without either. Given ``observations``, each target's figures
    withdrawn by the end of ``as_of`` in ``zone`` (``withdrawn``) are read off them too, as
    ``status`` sets them (forty-third session: ``assess``'s targets came out with none)."""
    from ..files.argument_kinds import assessments_argument, judged_figures, refuse_known_after, rows_argument

    judged: Sequence[Assessment] = assessments_argument(assessments)  # a generator, read once; None: named
    zone = zone_argument(zone)  # "Asia/Ho_Chi_Minh" ended the day in UTC
    if observations is not None:
        observations = rows_argument("observations", observations)  # None, a path, [None]: named
    as_of = day_text(as_of)  # " 2024-08-10" from a notebook lost the figures withdrawn that day
    refuse_known_after("assessments", judged_figures(judged), as_of, zone)  # judged past the day
    if observations is not None:  # set again from the same rows where assessed set them: the same
        from ..kinds.withdrawals import with_withdrawals
        from ..method.series import as_of_bound

        judged = with_withdrawals(judged, observations, as_of_bound(as_of, zone) if as_of else None)
    if revised is None and observations is not None:
        found: dict[str, dict[str, tuple[str, str]]] = {}
        revised = revised_in(judged, observations, as_of, found, zone)
        whence = found
    items = [assessment_dict(a, revised, whence=whence) for a in judged]
    return _document(items, as_of, title, groups_document(items, group_by), zone)


def status_json(
    assessments: Sequence[Assessment],
    as_of: str | date | None = None,
    title: str = "",
    group_by: GroupBy = "group",
    revised: Revised | None = None,
    whence: Whence | None = None,
    zone: str = "",
) -> list[bytes | memoryview]:
    """``status --format json`` as UTF-8 text in pieces to write one after the other: the
    bytes of ``to_json(status_document(...))``, written the way the status cache writes
    it (``document_parts``), so the two paths share one writer. ``zone``: the plan's
    ``timezone:``, where the ``as_of`` day ends (``as_of_end``)."""
    items = [assessment_dict(a, revised, whence=whence) for a in assessments]
    return document_parts([item_json(i) for i in items], as_of, title, groups_document(items, group_by), zone)


def groups_document(items: Iterable[dict[str, Any]], group_by: GroupBy = "group") -> list[dict[str, Any]]:
    """The document's ``groups`` (docs/json.md, "Groups"): of the targets' items, or of
    anything with their ``id``, ``status``, ``score`` and ``group_names``/``owner_names``."""
    from .grouping import groups_json, groups_of

    return groups_json(groups_of(items, group_by))


def day_text(day: str | date | None) -> str | None:
    """A document's day, ``YYYY-MM-DD``: a caller's date, or text read as ``--as-of`` reads it."""
    return as_of_day(day)


def zone_argument(zone: object) -> str:
    """A document's ``zone``: the plan's ``timezone:`` (``ws.plan.timezone``), text read as
    an offset (``+07:00``, ``UTC``), ``""`` or None for UTC. ``"Asia/Ho_Chi_Minh"`` ended the
    day in UTC in silence, and None raised "'NoneType' object has no attribute 'strip'"
    (forty-fifth session): anything else is an ArgumentError naming ``zone``, told as ``tz``."""
    if zone is None or zone == "":
        return ""
    from ..files.library_arguments import named, refused

    if not isinstance(zone, str):
        raise refused("zone", "library_document_zone_type", kind=type(zone).__name__)
    if zone.strip():
        from ..method.timing import parse_zone

        try:
            parse_zone(zone)
        except ValueError as exc:
            raise named("zone", exc.args[0]) from None
    return zone


def as_of_end(day: str | None, zone: str = "") -> str | None:
    """A document's ``as_of_end``: the last ``recorded_at`` its ``as_of`` day counted, that
    day ended in ``zone`` (the plan's ``timezone:``, UTC without one); None without a day.
    The store's rows with ``recorded_at <= as_of_end`` are the ones the document read
    (issue 17, thirty-ninth session: ``as_of`` alone did not say where a zoned day ended)."""
    if day is None:
        return None  # a warm status (no day) loads nothing more
    from ..method.recorded_days import day_end

    return day_end(day, zone)


def _document(
    items: list[Any], as_of: str | date | None, title: str, groups: list[dict[str, Any]], zone: str = ""
) -> dict[str, Any]:
    day = as_of.isoformat() if isinstance(as_of, date) else as_of
    return {
        "qntrack": __version__,
        "schema": SCHEMA_VERSION,
        "title": title,
        "as_of": day,  # read by the callers
        "targets": items,
        # Added for issue 14: the targets by group (or owner), docs/json.md "Groups".
        "groups": groups,
        # Added last in issue 17, thirty-ninth session: where the as_of day ended.
        "as_of_end": as_of_end(day, zone),
    }


def item_json(item: dict[str, Any]) -> bytes:
    """One target's item as JSON text, as it stands in the status document's "targets"
    list (``document_parts``): to_json's layout, each line after the first indented four
    spaces for the item's depth. What the status cache keeps of an item."""
    return orjson.dumps(item, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n    ")


# The top level's empty "targets" list, as to_json writes it: each level indents two more
# spaces, and text inside a string never holds a raw newline (JSON escapes it as \n).
_NO_TARGETS = b'\n  "targets": [],\n'


def document_parts(
    items_json: Sequence[bytes | memoryview],
    as_of: str | date | None,
    title: str,
    groups: list[dict[str, Any]],
    zone: str = "",
) -> list[bytes | memoryview]:
    """The UTF-8 bytes of ``to_json`` of the status document whose items are ``items_json``
    (``item_json``), in pieces to be written in turn, without turning the items back into
    values or joining them into one more copy.

    A national plan's 10,000 items are 30 MB of text: kept as text by the status cache,
    they load as 10,000 strings rather than 1.5 million values, and are written as they
    are (docs/decisions.md, "The status cache keeps each item's JSON text"). The layout
    is to_json's, which orjson documents as ``json.dumps(indent=2)``'s: an item in the
    "targets" list is its own text with every line after the first indented four spaces.
    tests/test_status_text.py holds this to ``to_json`` of the whole document.
    """
    head = orjson.dumps(
        _document([], as_of, title, groups, zone), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
    )
    if not items_json:
        return [head]
    at = head.index(_NO_TARGETS)  # the first: the top level's key comes before "groups"
    parts: list[bytes | memoryview] = [head[:at], b'\n  "targets": [\n    ']
    for text in items_json:
        parts += (text, b",\n    ")
    parts[-1] = b"\n  ],\n"
    parts.append(head[at + len(_NO_TARGETS) :])
    return parts


def to_json(document: Any) -> str:
    """The document as JSON text: 2-space indent, keys in insertion order, UTF-8 text
    unescaped, one newline at the end (docs/json.md).

    orjson writes the same layout as ``json.dumps(indent=2, ensure_ascii=False)`` about
    ten times faster on a national plan (the stdlib has no C path when it indents). A
    float is its shortest round-trip decimal, so it reads back as the same double,
    though some are spelt differently from Python's repr (0.00006696578609199921, not
    6.696578609199921e-05). A NaN or infinity is written as ``null``: the contract never
    carries NaN, and a figure that is not a number is a figure that is not defined.
    An integer of any size is written exactly, as JSON and ``json.dumps`` allow (a caller's
    10**30: orjson holds 64 bits, and the rest is written again past them). Dict keys must
    be exact str; anything else raises orjson.JSONEncodeError, a TypeError, as does text
    with a lone surrogate.
    """
    try:
        return orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode("utf-8")
    except orjson.JSONEncodeError as exc:
        if "Integer exceeds 64-bit range" not in str(exc):
            raise
    return orjson.dumps(_wide(document), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode("utf-8")


def _wide(value: Any) -> Any:
    """``value`` with each integer past 64 bits as its digits, written as they stand."""
    if isinstance(value, int) and not isinstance(value, bool) and not -(2**63) <= value < 2**64:
        return orjson.Fragment(int.__repr__(value).encode("ascii"))
    if isinstance(value, dict):
        return {k: _wide(v) for k, v in value.items()}
    return [_wide(v) for v in value] if isinstance(value, (list, tuple)) else value


def safe_cell(value: Any) -> str:
    """Text for a CSV cell that a spreadsheet cannot run as a formula.

    Numbers pass unchanged; text starting with = + - @ (OWASP's list), also after leading
    spaces, or with a tab or CR, gets a leading apostrophe, which spreadsheets show as
    plain text.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    text = str(value)
    # One rule with the store's input side (textfiles.formula_like): also after leading
    # spaces, which spreadsheets skip before they decide that a cell is a formula.
    return "'" + text if formula_like(text) else text


# The CSV/TSV columns of status live in status_csv.py (this module at its 500 lines, issue
# 17, nineteenth session); named here too, where callers found them.
from .status_csv import STATUS_COLUMNS, status_rows  # noqa: E402
