"""The documents the commands print, for a Python caller as for the command line.

Each function returns the dict that a command's ``--format json`` prints (docs/json.md,
"Other JSON outputs"), or the rows of its CSV/TSV, from what the library computed:
``status --format json`` is ``formats.status_document``; ``show``, ``observations``,
``history``, ``indicators``, ``targets`` and ``check`` are here. The command line only
parses its options, calls these and prints them with ``formats.to_json`` or
``tables.write_table``, so a notebook gets the same numbers as the terminal::

    from qntrack.files.workspace import open_workspace, reference_day
    from qntrack.kinds import assess_target, relevant_rows
    from qntrack.output.documents import show_document

    ws = open_workspace("targets.yaml")
    target = ws.plan.target("cbct-share")
    rows = ws.series.get(target.series_key, [])
    result = assess_target(target, ws.plan.indicators[target.indicator], rows, reference_day(None, ws.plan))
    doc = show_document(result, relevant_rows(target, rows))

(``show_document``'s third argument, ``method.history.revised_values(ws.store.observations,
target.series_key)``, gives each figure the value it revised, as ``show`` prints it.)
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Sequence

from .. import __version__
from .formats import as_of_end, assessment_dict, day_text, zone_argument
from .json_figures import observation_dict
from .i18n import spoken

if TYPE_CHECKING:
    from ..files.checks import Check
    from ..method.assessment import Assessment
    from ..method.history import Vintage
    from ..plan.model import Observation, Plan, Problem, Target
    from ..plan.periods import Period

__all__ = [
    "INDICATOR_COLUMNS",
    "INDICATOR_MORE_COLUMNS",
    "TARGET_COLUMNS",
    "TARGET_MORE_COLUMNS",
    "HISTORY_COLUMNS",
    "show_document",
    "observations_document",
    "dry_run_document",
    "history_document",
    "history_rows",
    "indicator_rows",
    "target_rows",
    "target_name",
    "listing_document",
    "indicators_document",
    "targets_document",
    "check_document",
    "checks_list_document",
]

INDICATOR_COLUMNS = ("id", "name", "unit", "frequency", "measure", "direction", "formula")
# An indicator's description, a paragraph: in the CSV, TSV and JSON listings, after the
# others, not in the table a terminal shows (issue 17, twenty-eighth session).
INDICATOR_MORE_COLUMNS = ("description",)
TARGET_COLUMNS = ("id", "kind", "indicator", "name")
# A target's group and owner (issue 14): in the table and the JSON listing, not in its
# CSV/TSV, whose four columns scripts read by position (docs/decisions.md).
TARGET_MORE_COLUMNS = ("group", "owner")
# revises last: added after the others (issue 17, sixteenth session), as JSON writes it.
# as_of, the --as-of day on every row (empty without one), after it (twenty-fourth session).
# revises_source and revises_recorded_at, where the figure replaced came from, after those
# (twenty-fifth session); its status after them (twenty-seventh session).
HISTORY_COLUMNS = (
    *("period", "value", "status", "source", "note", "recorded_at", "in_force", "line", "revises", "as_of"),
    *("revises_source", "revises_recorded_at", "revises_status"),
)


def show_document(
    assessment: Assessment,
    rows: Iterable[Observation],
    revises: Mapping[Period, float | None] | None = None,
    as_of: str | date | None = None,
    withdrawn: Sequence[tuple[Observation, float | None]] = (),
    replaced: Mapping[Period, Observation] | None = None,
    units: Mapping[str, Mapping[str, float | None]] | None = None,
    units_whence: Mapping[str, Mapping[str, tuple]] | None = None,
    zone: str = "",
    dims: Iterable[tuple[str, str]] = (),
) -> dict[str, Any]:
    """``show TARGET_ID --format json``: the target object of docs/json.md plus
    ``observations``, the rows in force behind it (``method.assessment.relevant_rows``),
    each with ``revises``, the value it replaced (``method.history.revised_values``; null
    for a first figure, or when ``revises`` is not given), then ``retracted``, the
    retractions in force in its periods (``method.withdrawals.withdrawn``), each with
    ``revises``, the figure it withdrew, and ``as_of``, the ``--as-of`` day or null, as
    every other document says it (a saved copy says which day it shows). ``replaced``: the
    vintages ``revises`` names, whose source and recorded_at each figure then gives as
    ``revises_source`` and ``revises_recorded_at`` (issue 17, twenty-fifth session).
    ``units``, ``units_whence``: the same of its breakdown's units, by unit key
    (formats.revised_in), so that each unit's figure says what it revised, as status's do.
    ``dims``: a unit of its breakdown, whose assessment, rows and withdrawals these are
    (``show --dim``, output.show_unit): its own series, no units, ``dims`` last."""
    zone = zone_argument(zone)  # "Asia/Ho_Chi_Minh" ended the day in UTC, None raised
    from ..files.argument_kinds import judged_figures, one_judged, refuse_known_after, rows_argument

    one_judged(assessment)  # None, a target's id: named, not "has no attribute 'target'"
    rows = list(rows_argument("rows", rows))  # None, [None]: named
    refuse_known_after("rows", rows, day_text(as_of), zone)  # judged or listed past the day: named
    refuse_known_after("assessment", judged_figures([assessment]), day_text(as_of), zone)
    from .formats import whence_of
    from ..plan.units import unit_key

    before = revises or {}
    unit = tuple(dims)
    key = unit_key(assessment.indicator.id, unit) if unit else assessment.target.series_key
    whence = {**(units_whence or {}), **whence_of({key: replaced or {}})}
    revised = {**(units or {}), key: {str(p): v for p, v in before.items()}}
    doc = assessment_dict(assessment, revised, key, whence)
    if unit:  # one unit (show --dim): the dimensions its target is broken down by, no units
        doc.update(for_each=[d for d, _ in unit], breakdown=[], rollup=None)
    doc["observations"] = [
        _whence(
            {**observation_dict(o, indicator=False), "revises": before.get(o.period)}, (replaced or {}).get(o.period)
        )
        for o in rows
    ]
    # Last, after the fields there were (issue 17, nineteenth session): additive.
    # Each ends with where the figure withdrawn came from, as every object with ``revises``
    # does (issue 17, twenty-sixth session).
    doc["retracted"] = [
        _whence({**observation_dict(o, indicator=False), "revises": value}, getattr(item, "withdrew", None))
        for item in withdrawn
        for o, value in [item]
    ]
    doc["as_of"] = day_text(as_of)
    doc["dims"] = dict(unit)  # the unit shown, {} for the target (thirty-ninth session)
    doc["as_of_end"] = as_of_end(doc["as_of"], zone)  # where that day ended (the same session)
    return doc


def observations_document(
    rows: Iterable[Observation],
    as_of: str | date | None = None,
    revises: Mapping[str, Mapping[Period, float | None]] | None = None,
    replaced: Mapping[str, Mapping[Period, Observation]] | None = None,
    zone: str = "",
) -> dict[str, Any]:
    """``observations --format json``: ``{qntrack, as_of, observations}`` (docs/json.md);
    each row with ``revises``, the value it replaced (``method.history.revised_values_of``
    by the row's key; null for a first figure, or when ``revises`` is not given), then
    ``revises_source`` and ``revises_recorded_at``, that vintage's, from ``replaced``
    (``method.history.replaced_vintages_of``; issue 17, twenty-fifth session)."""
    zone = zone_argument(zone)  # "Asia/Ho_Chi_Minh" ended the day in UTC, None raised
    from ..files.argument_kinds import refuse_known_after, rows_argument

    rows = rows_argument("rows", rows)  # None, the store's path, [None]: named
    day = day_text(as_of)
    refuse_known_after("rows", rows, day, zone)  # a figure recorded after the day: named
    return {
        "qntrack": __version__,
        "as_of": day,
        "observations": [_with_revises(o, revises, replaced) for o in rows],
        "as_of_end": as_of_end(day, zone),  # added last, thirty-ninth session
    }


def _with_revises(
    o: Observation,
    revises: Mapping[str, Mapping[Period, float | None]] | None,
    replaced: Mapping[str, Mapping[Period, Observation]] | None = None,
) -> dict[str, Any]:
    # Last, after the fields there were (issue 17, seventeenth session): additive.
    row = {**observation_dict(o), "revises": (revises or {}).get(o.indicator, {}).get(o.period)}
    return _whence(row, (replaced or {}).get(o.indicator, {}).get(o.period))


def _whence(row: dict[str, Any], was: Observation | None) -> dict[str, Any]:
    """``row`` with ``revises_source``, ``revises_recorded_at`` and ``revises_status`` last:
    where the figure its ``revises`` names came from and its status (the vintage ``was``),
    null when ``revises`` is (the status since the twenty-seventh session, as ``latest``'s)."""
    known = was is not None and row.get("revises") is not None
    row["revises_source"] = (was.source or None) if known and was is not None else None
    row["revises_recorded_at"] = (was.recorded_at or None) if known and was is not None else None
    row["revises_status"] = (was.status or None) if known and was is not None else None
    return row


# Rows made into JSON a few thousand at a time: a national store's million dicts made at
# once, then its text, took 1.5 GB for `observations --format json`.
_PIECE_ROWS = 4096
_NO_OBSERVATIONS = b'"observations": []'


def observations_parts(
    rows: Sequence[Observation],
    as_of: str | date | None = None,
    revises: Mapping[str, Mapping[Period, float | None]] | None = None,
    replaced: Mapping[str, Mapping[Period, Observation]] | None = None,
    zone: str = "",
) -> Iterator[bytes]:
    """The UTF-8 bytes of ``to_json(observations_document(rows, as_of))``, in pieces.

    orjson writes ``json.dumps(indent=2)``'s layout: a list of rows dumped alone has each
    row's lines two spaces in; inside the document's "observations" they are four, so
    each line of a piece gets two more. tests/test_export_scale.py holds the pieces to
    the whole document."""
    import orjson

    head = orjson.dumps(
        observations_document([], as_of, zone=zone), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
    )
    if not rows:
        yield head
        return
    at = head.index(_NO_OBSERVATIONS) + len(_NO_OBSERVATIONS) - 1  # at the list's "]"
    yield head[:at] + b"\n"
    for start in range(0, len(rows), _PIECE_ROWS):
        chunk = orjson.dumps(
            [_with_revises(o, revises, replaced) for o in rows[start : start + _PIECE_ROWS]],
            option=orjson.OPT_INDENT_2,
        )
        body = b"  " + chunk[2:-2].replace(b"\n", b"\n  ")  # "[\n" and "\n]" off, two spaces more
        yield body + (b",\n" if start + _PIECE_ROWS < len(rows) else b"\n  ")
    yield head[at:]


def dry_run_document(
    rows: Iterable[Observation],
    dry_run: bool = True,
    replacing: Iterable[tuple[Observation, Observation]] = (),
) -> dict[str, Any]:
    """``add-observation --dry-run --format json``: the rows that would be appended; with
    ``dry_run`` false (``--format json`` without --dry-run), the rows appended. Each ends
    with ``revises``, ``revises_source`` and ``revises_recorded_at`` as ``history``'s
    vintages do: ``replacing`` pairs a row with the vintage it takes the place of
    (``Recorded.revised``: a figure it revises, or a retraction it follows, whose
    ``revises`` is null) or the figure a retraction withdraws (``Recorded.withdrew``);
    a row in no pair replaces nothing (issue 17, twenty-seventh session)."""
    from ..plan.model import RETRACTED

    was = {(row.indicator, row.period.sort_key, row.recorded_at): before for row, before in replacing}

    def with_revises(o: Observation) -> dict[str, Any]:
        before = was.get((o.indicator, o.period.sort_key, o.recorded_at))
        value = None if before is None or before.status == RETRACTED else before.value
        return _whence({**observation_dict(o), "revises": value}, before)

    return {"qntrack": __version__, "dry_run": dry_run, "observations": [with_revises(o) for o in rows]}


def history_document(
    indicator: str,
    found: Iterable[Vintage],
    period: str | int | Period | None = None,
    as_of: str | date | None = None,
    zone: str = "",
) -> dict[str, Any]:
    """``history INDICATOR [PERIOD] --format json``: every vintage of ``method.history.vintages``
    with whether it is in force, its line in the store and the value it revises (docs/json.md).
    Given ``as_of``, the vintages are those known by the end of that day, whatever ``found``
    was cut to: a caller's ``vintages(...)`` without the day listed a figure recorded after it
    as the one in force, under that day's ``as_of`` (thirty-fifth session)."""
    zone = zone_argument(zone)  # "Asia/Ho_Chi_Minh" ended the day in UTC, None raised
    from ..files.library_arguments import refuse_id
    from .history_run import vintages_of
    from .json_figures import _unit_of

    refuse_id("indicator", indicator)
    found, period = vintages_of(found, period)  # None, the store's rows, "2025": as history reads them
    day = day_text(as_of)
    found = known_by(found, day, period, zone)

    base, dims = _unit_of(indicator)
    return {
        "qntrack": __version__,
        "indicator": base,
        "dims": dims,
        "period": str(period) if period else None,
        "as_of": day,
        "vintages": [
            _whence(
                {
                    **observation_dict(v.observation, indicator=False),
                    "in_force": v.in_force,
                    "line": v.observation.line,
                    "revises": _revised_value(v),
                },
                v.revises,
            )
            for v in found
        ],
        "as_of_end": as_of_end(day, zone),  # added last, thirty-ninth session
    }


def _revised_value(v: Vintage) -> float | None:
    """The value ``v`` revises: None for a first figure and after a retraction (a NaN)."""
    was = None if v.revises is None else v.revises.value
    return None if was is None or was != was else was


def known_by(
    found: Iterable[Vintage], day: str | None, period: Period | None = None, zone: str = ""
) -> Iterable[Vintage]:
    """The vintages of ``found`` known by the end of ``day`` in ``zone`` (the plan's
    ``timezone:``; all without a day), each in force and revising as that day knew it, as
    ``method.history.vintages`` gives them for it."""
    if day is None:
        return found
    from ..method.history import vintages
    from ..method.series import as_of_bound

    rows, bound = [v.observation for v in found], as_of_bound(day, zone)
    return [v for key in dict.fromkeys(o.indicator for o in rows) for v in vintages(rows, key, period, bound)]


def history_rows(found: Iterable[Vintage], as_of: str | None = None, zone: str = "") -> list[Sequence[Any]]:
    """``history --format csv/tsv``: the header (``HISTORY_COLUMNS``) and one row a vintage,
    values as the store writes them (28778, not 28778.0) and a retraction's value empty;
    ``revises`` the value it replaced, as JSON's (empty for a first figure, and after a
    retraction); ``as_of`` the --as-of day each row ends with (empty without one)."""
    from ..files.store import format_value

    as_of = day_text(as_of)
    out: list[Sequence[Any]] = [HISTORY_COLUMNS]
    for v in known_by(found, as_of, None, zone):  # the day's, as history_document's
        o = v.observation
        value = None if o.value != o.value else format_value(o.value)
        was = _revised_value(v)  # none, or a retraction
        revises = None if was is None else format_value(was)
        came = v.revises if was is not None else None  # where the figure replaced came from
        out.append(
            (
                *(str(o.period), value, o.status, o.source, o.note, o.recorded_at, v.in_force, o.line, revises),
                *(as_of, (came.source or None) if came else None, (came.recorded_at or None) if came else None),
                (came.status or None) if came else None,
            )
        )
    return out


def target_name(target: Target, plan: Plan, lang: str) -> str:
    """A target's own name, else its indicator's (a level target often has none)."""
    if target.name is not None:
        return target.name.get(lang)
    indicator = plan.indicators.get(target.indicator)
    return indicator.name.get(lang) if indicator is not None else ""


def indicator_rows(plan: Plan, lang: str, in_words: bool = False, more: bool = False) -> list[tuple[str, ...]]:
    """The plan's indicators, one row each in ``INDICATOR_COLUMNS`` order; name and unit in
    ``lang``. ``in_words``: frequency, measure and direction as words of ``lang`` (the
    table, for people); otherwise targets.yaml's own codes, a contract (docs/decisions.md).
    ``more``: ``INDICATOR_MORE_COLUMNS`` after them, the description in ``lang``."""
    from ..plan.model import text_in
    from .i18n import label

    def words(key: str, value: str) -> str:
        if not in_words:
            return value
        return label(value if key == "direction" else f"{key}_{value}", lang)

    return [
        (
            i.id,
            i.name.get(lang),
            i.unit_in(lang),
            words("frequency", i.frequency.value),
            words("measure", i.measure.value),
            words("direction", i.direction.value),
            i.formula or "",
            *((text_in(i.description, lang),) if more else ()),
        )
        for i in plan.indicators.values()
    ]


def target_rows(plan: Plan, lang: str, kind_in_words: bool = False, more: bool = False) -> list[tuple[str, ...]]:
    """The plan's targets, one row each in ``TARGET_COLUMNS`` order; the name in ``lang``.
    ``kind_in_words``: the kind as the reader's word (the table); otherwise its code.
    ``more``: also ``TARGET_MORE_COLUMNS``, group and owner in ``lang`` ("" when none)."""
    from .i18n import target_kind_name

    return [
        (t.id, target_kind_name(t, lang) if kind_in_words else t.kind, t.indicator, target_name(t, plan, lang))
        + ((t.group.get(lang) if t.group else "", t.owner.get(lang) if t.owner else "") if more else ())
        for t in plan.targets
    ]


def listing_document(key: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> dict[str, Any]:
    """``{qntrack, <key>: [{column: value}]}`` for a listing; an empty formula, group or
    owner is null."""
    return {
        "qntrack": __version__,
        key: [
            {h: (v if v != "" or h not in _NULL_WHEN_EMPTY else None) for h, v in zip(header, row, strict=True)}
            for row in rows
        ],
    }


_NULL_WHEN_EMPTY = frozenset({"formula", "group", "owner"})


def indicators_document(plan: Plan, lang: str = "en") -> dict[str, Any]:
    """``indicators --format json`` (docs/json.md): names and units in ``lang``; each
    indicator's ``dimensions`` (issue 14) after the listing's columns, then its
    ``description``."""
    from ..files.argument_kinds import refuse_plan

    refuse_plan(plan)  # its path: named
    spoken(lang)  # "VI", "fr": named, as a report's language is, never English unsaid
    from ..plan.model import text_in

    doc = listing_document("indicators", INDICATOR_COLUMNS, indicator_rows(plan, lang))
    for item, indicator in zip(doc["indicators"], plan.indicators.values(), strict=True):
        item["dimensions"] = list(indicator.dimensions)
        # Last (twenty-eighth session): the description in ``lang``, null for none.
        item["description"] = text_in(indicator.description, lang) or None
    return doc


def targets_document(plan: Plan, lang: str = "en") -> dict[str, Any]:
    """``targets --format json`` (docs/json.md): names, groups and owners in ``lang``, kinds
    as codes; each target's ``for_each`` (issue 14) last."""
    from ..files.argument_kinds import refuse_plan

    refuse_plan(plan)  # its path: named
    spoken(lang)  # "VI", "fr": named, as a report's language is, never English unsaid
    doc = listing_document("targets", TARGET_COLUMNS + TARGET_MORE_COLUMNS, target_rows(plan, lang, more=True))
    for item, target in zip(doc["targets"], plan.targets, strict=True):
        item["for_each"] = list(target.for_each)
        item["of"] = dict(target.of)
    return doc


def check_document(
    checks: Sequence[str], problems: Iterable[Problem], as_of: str | date | None = None, zone: str = ""
) -> dict[str, Any]:
    """``check --format json``: the checks run and every problem found by
    ``files.checks.run_checks``; ``message`` in English, ``code`` its catalog id (docs/json.md).
    ``checks`` read as ``run_checks`` reads its ``names``: one name as text, None the default.
    ``as_of_end`` last: the ``as_of`` day ended in ``zone``, the plan's (thirty-ninth session)."""
    zone = zone_argument(zone)  # "Asia/Ho_Chi_Minh" ended the day in UTC, None raised
    from ..files.argument_kinds import check_names, refuse_problems

    refuse_problems(problems)
    day = day_text(as_of)
    return {
        "qntrack": __version__,
        "as_of": day,
        "checks": check_names(checks),
        "problems": problem_items(problems),
        "as_of_end": as_of_end(day, zone),
    }


def problem_items(problems: Iterable[Problem]) -> list[dict[str, Any]]:
    """Each problem as ``check --format json`` lists it: place, severity, the English
    ``message`` and its catalog id ``code`` (docs/json.md)."""
    from ..catalog import Message

    return [
        {
            "file": p.location.file,
            "line": p.location.line or None,
            "column": p.location.column or None,
            "severity": p.severity,
            "check": p.check or None,
            "message": str(p.message),
            "code": p.message.id if isinstance(p.message, Message) else None,
        }
        for p in problems
    ]


def refusal_document(problems: Iterable[Problem]) -> dict[str, Any]:
    """What a command refused for its input (exit 1) prints on stdout under ``--format
    json``, in place of its document: ``{qntrack, problems}``, each problem as ``check``'s
    (docs/json.md, "A refusal"; issue 17, twenty-fifth session)."""
    return {"qntrack": __version__, "problems": problem_items(problems)}


def checks_list_document(checks: Iterable[Check], lang: str = "en") -> dict[str, Any]:
    """``check --list --format json``: name, severity, whether it runs by default, and the
    rule in ``lang`` (text for people, as an indicator's name is; docs/json.md)."""
    spoken(lang)  # "VI", "fr": named, as a report's language is, never English unsaid
    from ..catalog import render

    return {
        "qntrack": __version__,
        "checks": [
            {"name": c.name, "severity": c.severity, "default": c.default, "rule": render(c.rule, lang)} for c in checks
        ],
    }
