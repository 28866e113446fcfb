"""A Python caller's data arguments checked by kind (issue 17, thirtieth session): a plan,
the store's series and rows, a day, a unit's dimensions, an import's settings. Each wrong
kind is an ArgumentError naming the argument, never an AttributeError from inside. Apart
from ``library_arguments`` (paths, flags, ids) because a warm status reads that module on
every run, and these only where a caller's data is judged, recorded or imported."""

from __future__ import annotations

import os
from collections.abc import Mapping
from math import isnan
from operator import itemgetter
from typing import Any

from .library_arguments import refused

__all__ = [
    "refuse_instance",
    "refuse_rows",
    "assessments_argument",
    "refuse_judged",
    "day_argument",
    "unit_dims",
    "series_in_order",
    "dim_texts",
    "refuse_import_options",
    "refuse_import_settings",
    "defaults_argument",
]


def refuse_instance(name: str, value: object, cls: type, key: str) -> None:
    """``value`` (the argument ``name``) is a ``cls``, else refused with the words of ``key``
    (``write_report``'s ``data``: None raised "has no attribute 'plan'")."""
    if not isinstance(value, cls):
        raise refused(name, key, kind=type(value).__name__)


def refuse_rows(name: str, value: object) -> None:
    """``value`` (the argument ``name``: observations) is an iterable of rows, not None, a
    text or a number: ``build_report(plan, series, None)`` raised "'NoneType' object is not
    iterable" from inside, and a store's path was read letter by letter (thirtieth session)."""
    if isinstance(value, (str, bytes, os.PathLike)) or not hasattr(value, "__iter__"):
        raise refused(name, "library_observations_type", kind=type(value).__name__)


def rows_argument(name: str, value: object) -> Any:
    """``refuse_rows``, and each row an ``Observation`` (the store's, or one like them): the
    rows as a list or tuple, a generator read once. ``[None]``, ``[1]`` or a row's dict of
    fields raised "'NoneType' object has no attribute 'status'" from inside, where ``assess``
    named its series' (forty-fifth session): refused naming ``name``, what it holds said.
    The kinds are looked at in C (``map``), as a national store's million rows come here."""
    from ..plan.model import Observation

    refuse_rows(name, value)
    rows = value if isinstance(value, (list, tuple)) else list(value)  # type: ignore[call-overload]
    wrong = [kind for kind in set(map(type, rows)) if not issubclass(kind, Observation)]
    if wrong:
        first = next(type(o) for o in rows if type(o) in wrong)
        raise refused(name, "library_observations_item_type", kind=first.__name__)
    return rows


def vintages_argument(value: object) -> list[Any]:
    """``history_document``'s ``found``: ``method.history.vintages``' list, an iterator read
    once. None, a path, the store's rows or ``[None]`` raised "'NoneType' object is not
    iterable" or "has no attribute 'observation'" from inside (forty-fifth session)."""
    from ..method.history import Vintage

    if isinstance(value, (str, bytes, os.PathLike)) or not hasattr(value, "__iter__"):
        raise refused("found", "library_vintages_type", kind=type(value).__name__)
    found = list(value)
    for v in found:
        if not isinstance(v, Vintage):
            raise refused("found", "library_vintages_type", kind=type(v).__name__)
    return found


def assessments_argument(value: Any) -> Any:
    """``status_document``'s ``assessments``: targets judged (``qntrack.assess``'s list), an
    iterator of them read once, as a tuple. A generator was spent working out what each
    figure revised and the document came out with no target; None, a path or [1] raised
    "not iterable" or "has no attribute 'target'" from inside (thirty-third session)."""
    from ..method.assessment import Assessment

    if isinstance(value, (str, bytes, os.PathLike, Mapping)) or not hasattr(value, "__iter__"):
        raise refused("assessments", "library_assessments_type", kind=type(value).__name__)
    items = value if isinstance(value, (list, tuple)) else tuple(value)
    for item in items:
        if not isinstance(item, Assessment):
            raise refused("assessments", "library_assessments_type", kind=type(item).__name__)
    return items


def refuse_plan(value: object) -> None:
    """``indicators_document``'s and ``targets_document``'s ``plan`` is a Plan: its path, what
    a caller has, raised "'str' object has no attribute 'indicators'" (thirty-third session)."""
    from ..plan.model import Plan

    refuse_instance("plan", value, Plan, "library_plan_type")


def one_judged(value: object) -> None:
    """``show_document``'s ``assessment`` is one target judged: None or a target's id raised
    "has no attribute 'target'" from inside (thirty-third session)."""
    from ..method.assessment import Assessment

    refuse_instance("assessment", value, Assessment, "library_assessment_type")


def check_names(checks: Any) -> list[str]:
    """``check_document``'s ``checks``, read as ``run_checks`` reads its ``names``: one name
    as text is that check (``"jump"`` was listed as the checks "j", "u", "m", "p"), None the
    checks run by default (it raised "not iterable"), so that ``check_document(None,
    run_checks(...))`` is what ``check --format json`` prints (thirty-third session)."""
    from .library_arguments import refuse_empty, refuse_texts

    if checks is None:
        from .checks import DEFAULT_CHECKS

        return list(DEFAULT_CHECKS)
    checks = refuse_texts("checks", checks)
    refuse_empty("checks", checks)
    return [checks] if isinstance(checks, str) else list(checks)


def refuse_problems(value: object) -> None:
    """``check_document``'s ``problems`` are problems (``run_checks``' list), not None, a
    text or a number: each raised "not iterable" or was read letter by letter."""
    if isinstance(value, (str, bytes, os.PathLike, Mapping)) or not hasattr(value, "__iter__"):
        raise refused("problems", "library_problems_type", kind=type(value).__name__)


def refuse_since(since: str | None, as_of: str | None, today: object) -> None:
    """``build_report``'s ``since`` (read) before its day: ``as_of`` (read), else ``today``
    when given as a date or its text, as ``report --since`` is refused, with the argument's
    words (thirty-third session: the report's "since the last review" began after its
    day). With neither, nothing is compared: the clock is read only where no day is given,
    and no refusal is worth reading it."""
    from datetime import date

    from ..catalog import msg
    from ..errors import ArgumentError, ExitCode
    from ..plan.model import Location, Problem
    from .library_arguments import library_worded

    if since is None:
        return
    if as_of is not None:
        key, day = "cli_since_not_before", as_of
    elif isinstance(today, date) or isinstance(today, str):
        try:
            day = (today if isinstance(today, date) else date.fromisoformat(today.strip())).isoformat()[:10]
        except ValueError:
            return  # a day written otherwise: assess refuses it, by its name
        key = "cli_since_not_before_today"
    else:
        return
    if since >= day:
        said = library_worded(msg(key, since=since, day=day))
        raise ArgumentError([Problem(Location("since"), said)], ExitCode.USAGE)


def refuse_judged(plan: object, series: object) -> None:
    """``assess``'s and ``build_report``'s ``plan`` is a Plan and ``series`` a mapping: a
    plan's path, what a caller has, raised "'str' object has no attribute 'targets'"
    (issue 17, thirtieth session)."""
    from ..plan.model import Plan

    if not isinstance(plan, Plan):
        raise refused("plan", "library_plan_type", kind=type(plan).__name__)
    if not isinstance(series, Mapping):
        raise refused("series", "library_series_type", kind=type(series).__name__)


_STATUS = itemgetter(3)  # Observation.status
_VALUE = itemgetter(2)  # Observation.value


def _any_nan(rows: Any) -> bool:
    """Whether a row's value is a NaN, any NaN; a value that is no number (a caller's own
    Observation of text) is compared with itself, as the core would meet it."""
    try:
        # A NaN makes the sum NaN (so does inf - inf, looked at row by row): one pass in C.
        if not isnan(sum(map(_VALUE, rows), 0.0)):
            return False
    except (TypeError, ValueError, ArithmeticError):  # Decimal beside float, text
        pass
    return any(o.value != o.value for o in rows)


def series_in_order(series: Any) -> Any:
    """``assess``'s ``series`` (a caller's), each in period order: the mapping itself when
    every series is (one pass over the rows, comparing each period with the one before),
    else a copy with those that are not sorted, the caller's lists left as given; a series
    given as a generator is read once into a list, and one that is no rows (5, None, a
    text) or holds what is not a figure ([1, 2], [None]) refused naming ``series``. A series
    holding two figures for one period (every vintage of the store, not the figures in
    force) is refused naming ``series``, as ``assess_target`` names its ``rows``, and so is
    a retraction, whatever NaN it holds (thirty-eighth session). Newest
    first judged cbct-share on 2020's figure, in silence (thirty-sixth session). The store's
    own series (``status``, ``show``) are judged without it: they are sorted already."""
    from collections.abc import Iterable

    from ..plan.model import Observation

    unsorted: dict[str, list[Any]] = {}
    read: dict[str, list[Any]] = {}  # a generator's rows, read once (pass D)
    for key, rows in series.items():
        if isinstance(rows, (str, bytes)) or not isinstance(rows, Iterable):
            # 5, None, an indicator's id: named, not "'int' object is not iterable".
            raise refused("series", "library_series_rows_type", series=key, kind=type(rows).__name__)
        if not isinstance(rows, (list, tuple)):
            # A generator used up by the first target of the series left every other
            # target on it judged on nothing, not_available in silence.
            rows = read[key] = list(rows)
        before = None
        in_order = True
        for row in rows:
            if not isinstance(row, Observation):
                # [1, 2], [None]: named, not "'int' object has no attribute 'period'" (pass G).
                raise refused("series", "library_series_item_type", series=key, kind=type(row).__name__)
            at = row.period.sort_key
            if in_order and before is not None and at <= before:
                in_order = False  # every row still checked: a [2020, 2019, 5] met no check at 5
            before = at
        # Any NaN, a caller's own as qntrack's: judged as the series' latest figure, not
        # available, in silence (thirty-eighth session), where assess_target refuses it.
        # Looked for in C (map, sum), as a million rows are read here.
        if "retracted" in map(_STATUS, rows) or _any_nan(rows):
            gone = next(o for o in rows if o.status == "retracted" or o.value != o.value)
            raise refused("series", "library_series_retraction", series=key, period=str(gone.period))
        if not in_order:
            unsorted[key] = sorted(rows, key=lambda o: o.period.sort_key)
    if not unsorted and not read:
        return series
    for key, rows in unsorted.items():
        for one, other in zip(rows, rows[1:], strict=False):
            if one.period == other.period:
                raise refused("series", "library_series_period_twice", series=key, period=str(other.period))
    return {**series, **read, **unsorted}


def day_argument(value: Any) -> Any:
    """A day given to the core (``today``): text and a date as they are; anything else (a
    float, an int, a list) as its text, which the core then refuses as a day written
    otherwise, by name, where it raised "'float' object has no attribute 'year'". A
    datetime is a moment, not a day (its day depends on the zone it was taken in): refused
    by name in the words ``run_checks`` and every ``as_of`` give it (``as_of_day``), where it
    was judged as its date in silence (issue 17, thirty-third session). A text is read as
    every other day a caller gives (``as_of_day``): "30/4/2026" or a day in words with a
    time was told only "write YYYY-MM-DD", where ``run_checks(today=...)`` told the day it
    names (pass R)."""
    from datetime import date, datetime

    if isinstance(value, (datetime, str)):
        from ..errors import ArgumentError, ExitCode, InputError
        from .workspace import as_of_day

        try:
            # A datetime is refused ("a day, not a moment"), a text read or told the day it
            # names, naming today; "" is no day here, as before (None is none).
            day = as_of_day(value, "today")
        except InputError as exc:  # an ArgumentError, as any other wrong today is
            raise ArgumentError(exc.problems, ExitCode.USAGE) from None
        return day
    return value if value is None or isinstance(value, (str, date)) else str(value)


def unit_dims(value: object, name: str = "dims") -> tuple[tuple[str, str], ...]:
    """A unit's ``dims`` (``dim_texts`` first reads ``"dimension=unit"`` texts): a mapping of dimension to unit (``dict(unit.dims)``, as a
    breakdown gives it) or (dimension, unit) pairs of text, as a tuple of pairs; a unit
    given as a number as ``record_many`` stores it (``_unit_number``). A dict was
    read as its keys, and said "too many values to unpack"; an int, "not iterable"."""
    pairs: tuple[Any, ...]
    if isinstance(value, Mapping):
        pairs = tuple(value.items())
    elif isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise refused(name, "library_dims_type", value=repr(value)[:60], kind=type(value).__name__)
    else:
        pairs = tuple(value)
    read: list[tuple[str, str]] = []
    for pair in pairs:
        if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
            raise refused(name, "library_dims_type", value=repr(pair)[:60], kind=type(pair).__name__)
        # A pair of the wrong kinds: the member at fault named, not the pair ({"province":
        # 5} was told "('province', 5) is of type tuple", thirty-sixth session).
        dimension, unit = pair
        if not isinstance(dimension, str):
            raise refused(
                name, "library_dims_dimension_type", value=repr(dimension)[:60], kind=type(dimension).__name__
            )
        text = unit if isinstance(unit, str) else _unit_number(unit)
        if text is None:
            said = dict(value=repr(unit)[:60], kind=type(unit).__name__, dimension=dimension)
            raise refused(name, "library_dims_unit_type", **said)
        read.append((dimension, text))
    return tuple(read)


def _unit_number(unit: object) -> str | None:
    """A unit given as a finite number (a DataFrame's column of years, 2020.0) as the text
    ``record_many`` stores for it (``caller_rows.number_as_text``: '2020'), so that one
    column serves ``record_many``, ``retract`` and ``history`` (thirty-eighth session: refused
    here, and a caller's ``str(2020.0)`` was the unit '2020.0', which has no figure). None
    for any other value: a bool, a NaN, infinity, a text."""
    import math
    import numbers
    from decimal import Decimal

    if isinstance(unit, bool) or not isinstance(unit, (numbers.Real, Decimal)):
        return None
    from .caller_rows import number_as_text

    try:  # a whole number is finite, 10**400 too, which no float holds (forty-third session)
        finite = isinstance(unit, numbers.Integral) or math.isfinite(unit)
    except (TypeError, ValueError, OverflowError):
        return None
    return number_as_text(unit) if finite else None


def dim_texts(name: str, value: object) -> list[tuple[str, str]]:
    """``history``'s and ``retract``'s ``dims``, as ``--dim`` takes it: None (the total), a
    dict of dimension and unit, (dimension, unit) pairs, or ``"dimension=unit"`` texts
    (one, or a list of them), as pairs; anything else refused naming ``name`` (thirty-sixth
    session; ``retract``'s since the thirty-eighth, pass L2: it refused the texts)."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if isinstance(items, (list, tuple)):
        split = []
        for item in items:
            if isinstance(item, str):
                key, eq, unit = item.partition("=")
                if not (eq and key.strip() and unit.strip()):
                    # A text is taken: told the form it needs, as --dim is (session 37, pass E:
                    # it was told a str is the wrong type).
                    raise refused(name, "library_dim_form", given=item[:60], argument=name)
                split.append((key.strip(), unit.strip()))
            else:
                split.append(item)
        items = split
    pairs = list(unit_dims(items, name))
    for dimension, unit in pairs:
        if not unit.strip():
            # {"province": ""} is --dim province=, a form the command refuses as a usage
            # error (exit 2): it was code 1, "given no value" (thirty-ninth session, pass H).
            raise refused(name, "library_dim_form", given=f"{dimension}={unit}"[:60], argument=name)
    return pairs


def refuse_import_options(tz: object, sheet: object, stdin: object) -> None:
    """``import_observations``' ``tz`` and ``sheet`` are text or None, ``stdin`` a binary
    stream or None: ``tz=7`` raised "'int' object has no attribute 'strip'", a text or an
    io.StringIO given as ``stdin`` an AttributeError or a TypeError from the reader."""
    import io

    for name, value, key in (("tz", tz, "library_zone_type"), ("sheet", sheet, "library_sheet_type")):
        if value is not None and not isinstance(value, str):
            raise refused(name, key, kind=type(value).__name__)
    if stdin is not None and (isinstance(stdin, io.TextIOBase) or not callable(getattr(stdin, "read", None))):
        raise refused("stdin", "library_stdin_type", kind=type(stdin).__name__)


def defaults_argument(defaults: Any) -> Any:
    """``import_observations``' ``defaults`` (a ``RowDefaults``) with each field as a row's
    field of ``record_many`` is read: ``status``, ``source`` and ``note`` text, None (none)
    or a finite number stored as a workbook's number cell is (5.0 as '5'), ``recorded_at``
    text, None or a date or datetime (an aware one in UTC). ``RowDefaults(source=5)`` raised
    TypeError "intern() argument must be str, not int" from inside, a datetime "not
    iterable" (thirty-eighth session, pass L2); any other kind refused naming ``defaults``
    and the field. Anything not a ``RowDefaults`` is left to ``refuse_settings``."""
    import dataclasses
    import numbers
    from decimal import Decimal

    from .caller_rows import caller_now, number_as_text
    from .import_tables import RowDefaults
    from .library_arguments import _finite

    if not isinstance(defaults, RowDefaults):
        return defaults
    read: dict[str, Any] = {}
    for field in ("status", "source", "note"):
        value = getattr(defaults, field)
        if value is None or isinstance(value, str):
            continue
        if isinstance(value, bool) or not isinstance(value, (numbers.Real, Decimal)):
            raise refused("defaults", "library_defaults_text_type", field=field, kind=type(value).__name__)
        if not _finite(value):
            raise refused("defaults", "library_defaults_not_finite", field=field, value=str(value))
        read[field] = number_as_text(value)
    if not (defaults.recorded_at is None or isinstance(defaults.recorded_at, str)):
        read["recorded_at"] = caller_now(defaults.recorded_at, "defaults")
    return dataclasses.replace(defaults, **read) if read else defaults


def refuse_import_settings(source: object, defaults: object, tz: object, sheet: object) -> None:
    """``import_observations``' settings that do not read, each an ArgumentError naming it,
    said once before a row is read, as history's and retract's are (thirty-seventh session):
    a ``tz`` that is no zone (passed unread where no row needed it, else told at each
    line), a plan's status or a moment that is none in ``defaults`` (a bare InputError at
    "defaults"), a ``sheet`` of a file read as CSV (told at "--sheet", the command's option)."""
    from ..catalog import msg
    from .import_tables import RowDefaults
    from .library_arguments import lacking, named
    from .rules import given_once
    from .status_flags import typed_plan_status

    if isinstance(tz, str) and tz:
        from ..method.timing import parse_zone

        try:
            parse_zone(tz)
        except ValueError as exc:
            raise named("tz", exc.args[0]) from None
    if isinstance(defaults, RowDefaults):
        told = typed_plan_status(defaults.status) or given_once(defaults.recorded_at, tz)
        if told is not None:
            raise lacking("defaults", told)  # code 1, as `--status KH` exits
    if isinstance(sheet, str) and isinstance(source, (str, os.PathLike)) and "\0" not in os.fspath(source):
        from .workbooks import workbook_kind

        name = os.fsdecode(os.fspath(source))
        if workbook_kind(name) is None:
            raise named("sheet", msg("workbook_sheet_for_csv", file="<stdin>" if name == "-" else name))


def one_target_rows(target: object, indicator: object, rows: object) -> list[Any]:
    """``assess_target``'s arguments: a target of a plan, its own indicator, and the figures
    in force of its series, given back in period order (thirty-fifth session). A target's
    or an indicator's id, or None, raised "'str' object has no attribute 'kind'" from the
    core; rows listed newest first judged cbct-share on 2020's figure, ``not_available``;
    every vintage of the store (two figures for 2023) or another indicator's series judged
    it on whichever came last, in silence."""
    from ..plan.model import Indicator, Observation, Target

    refuse_instance("target", target, Target, "library_target_type")
    refuse_instance("indicator", indicator, Indicator, "library_indicator_type")
    assert isinstance(target, Target) and isinstance(indicator, Indicator)
    if indicator.id != target.indicator:
        raise refused(
            "indicator", "library_indicator_not_targets", given=indicator.id, target=target.id, wanted=target.indicator
        )
    if isinstance(rows, (str, bytes, os.PathLike, Mapping)) or not hasattr(rows, "__iter__"):
        raise refused("rows", "library_rows_type", kind=type(rows).__name__)
    found: list[Any] = list(rows)
    for row in found:
        if not isinstance(row, Observation):
            raise refused("rows", "library_rows_item_type", kind=type(row).__name__)
        if row.indicator != target.series_key:
            raise refused(
                "rows", "library_rows_other_series", found=row.indicator, target=target.id, series=target.series_key
            )
        if row.status == "retracted" or row.value != row.value:
            raise refused("rows", "library_rows_retraction", period=str(row.period))
    found.sort(key=lambda row: row.period.sort_key)
    for before, after in zip(found, found[1:], strict=False):
        if before.period == after.period:
            raise refused("rows", "library_rows_period_twice", period=str(after.period))
    return found


def refuse_known_after(name: str, figures: Any, day: str | None, zone: str = "") -> None:
    """A document of ``day`` (``as_of``) holds no figure recorded after its end: ``figures``
    (the argument ``name``'s rows, or the figures its targets were judged on) came from a
    workspace opened without the day, and the document said ``as_of`` 2023-11-25 over
    figures recorded in 2026 (thirty-fifth session). Refused by name, told the day to open
    the workspace with. ``figures`` may hold None (a target without a figure)."""
    if day is None:
        return
    from ..method.series import as_of_bound

    bound = as_of_bound(day, zone)  # the day's end in the plan's zone
    for o in figures:
        if o is not None and o.recorded_at > bound:
            raise refused(
                name, "library_known_after", figure=f"{o.indicator} {o.period}", recorded_at=o.recorded_at, day=day
            )


def judged_figures(assessments: Any) -> Any:
    """The figures targets judged read (each one's latest and part-year reading, its units'
    too), for ``refuse_known_after``."""
    for a in assessments:
        yield a.latest
        yield a.provisional
        for unit in a.breakdown:
            yield unit.assessment.latest
            yield unit.assessment.provisional
