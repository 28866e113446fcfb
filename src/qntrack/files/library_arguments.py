"""A Python caller's argument of a type no function takes, refused by its name (issue 17,
twenty-sixth session; docs/python-api.md, "Errors").

``record_many("targets.yaml", None)`` raised Python's "'NoneType' object is not iterable"
from inside qntrack, ``open_workspace(5)`` "expected str, bytes or os.PathLike object",
``status(target_ids=[1])`` a ``join``'s TypeError: nothing named the argument, and a
pipeline catching InputError for what it gave crashed instead. Each is now an
``ArgumentError`` (an InputError, and a ValueError as the others of its kind) whose place
is the argument's name, and whose message says what it was and what it takes. Only what
can be told without consuming it: a generator of ids is read as before.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

__all__ = [
    "refuse_period",
    "refuse_path",
    "refuse_texts",
    "refuse_candidates",
    "candidate_problem",
    "refuse_flags",
    "refuse_id",
    "refuse_settings",
    "refuse_instance",
    "refuse_rows",
    "refuse_judged",
    "day_argument",
    "unit_dims",
    "refuse_import_options",
    "library_worded",
    "for_library",
]


# The plan's model and the errors are imported only to refuse: find_targets asks on every
# command, and a warm `status --format json` loads neither (tests/test_groups.py).
def _refused(name: str, key: str, **params: Any) -> Exception:
    from ..catalog import msg
    from ..errors import ArgumentError, ExitCode
    from ..plan.model import Location, Problem

    return ArgumentError([Problem(Location(name), msg(key, **params))], ExitCode.USAGE)


def refuse_path(name: str, value: object, none: bool = True) -> None:
    """``value`` (the argument ``name``) is a path (a str or an os.PathLike), or None when
    ``none`` (a plan looked for as the command line looks for it)."""
    if not (isinstance(value, (str, os.PathLike)) or (none and value is None)):
        raise _refused(name, "library_path_type", kind=type(value).__name__)


def refuse_flags(**flags: object) -> None:
    """Each flag (``dry_run=...``) is True or False: ``dry_run="no"`` is a non-empty
    string, true to Python, and made a dry run of what the caller meant to record. A bool,
    or an int 0 or 1 (numpy's bool is neither a str nor None, and says itself as one)."""
    for name, value in flags.items():
        if isinstance(value, bool) or (type(value).__name__ in ("int", "bool_") and value in (0, 1)):
            continue
        raise _refused(name, "library_flag_type", flag=name, value=repr(value)[:60], kind=type(value).__name__)


def refuse_id(name: str, value: object) -> None:
    """``value`` (the argument ``name``: an indicator's id) is a str: None was read as an
    empty text, and said "unknown indicator ''" naming no argument."""
    if not isinstance(value, str):
        raise _refused(name, "library_id_type", kind=type(value).__name__)


def refuse_settings(**settings: tuple[object, type]) -> None:
    """Each setting (``fmt=(value, ImportFormat)``) is an instance of its class:
    ``import_observations("targets.yaml", "x.csv", True)``, meaning a dry run, gave ``fmt``
    True, and Python's "replace() should be called on dataclass instances" came out."""
    for name, (value, cls) in settings.items():
        if not isinstance(value, cls):
            raise _refused(name, "library_settings_type", kind=type(value).__name__, expected=cls.__name__)


def refuse_instance(name: str, value: object, cls: type, key: str) -> None:
    """``value`` (the argument ``name``) is a ``cls``, else refused with the words of ``key``
    (``write_report``'s ``data``: None raised "has no attribute 'plan'")."""
    if not isinstance(value, cls):
        raise _refused(name, key, kind=type(value).__name__)


def refuse_rows(name: str, value: object) -> None:
    """``value`` (the argument ``name``: observations) is an iterable of rows, not None, a
    text or a number: ``build_report(plan, series, None)`` raised "'NoneType' object is not
    iterable" from inside, and a store's path was read letter by letter (thirtieth session)."""
    if isinstance(value, (str, bytes, os.PathLike)) or not hasattr(value, "__iter__"):
        raise _refused(name, "library_observations_type", kind=type(value).__name__)


def refuse_judged(plan: object, series: object) -> None:
    """``assess``'s and ``build_report``'s ``plan`` is a Plan and ``series`` a mapping: a
    plan's path, what a caller has, raised "'str' object has no attribute 'targets'"
    (issue 17, thirtieth session)."""
    from ..plan.model import Plan

    if not isinstance(plan, Plan):
        raise _refused("plan", "library_plan_type", kind=type(plan).__name__)
    if not isinstance(series, Mapping):
        raise _refused("series", "library_series_type", kind=type(series).__name__)


def day_argument(value: Any) -> Any:
    """A day given to the core (``today``): text and a date as they are; anything else (a
    float, an int, a list) as its text, which the core then refuses as a day written
    otherwise, by name, where it raised "'float' object has no attribute 'year'"."""
    from datetime import date

    return value if value is None or isinstance(value, (str, date)) else str(value)


def unit_dims(value: object) -> tuple[tuple[str, str], ...]:
    """``retract``'s ``dims``: a mapping of dimension to unit (``dict(unit.dims)``, as a
    breakdown gives it) or (dimension, unit) pairs of text, as a tuple of pairs. A dict was
    read as its keys, and said "too many values to unpack"; an int, "not iterable"."""
    pairs: tuple[Any, ...]
    if isinstance(value, Mapping):
        pairs = tuple(value.items())
    elif isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise _refused("dims", "library_dims_type", value=repr(value)[:60], kind=type(value).__name__)
    else:
        pairs = tuple(value)
    for pair in pairs:
        if not (isinstance(pair, (tuple, list)) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
            raise _refused("dims", "library_dims_type", value=repr(pair)[:60], kind=type(pair).__name__)
    return tuple((a, b) for a, b in pairs)


def refuse_import_options(tz: object, sheet: object, stdin: object) -> None:
    """``import_observations``' ``tz`` and ``sheet`` are text or None, ``stdin`` a binary
    stream or None: ``tz=7`` raised "'int' object has no attribute 'strip'", a text or an
    io.StringIO given as ``stdin`` an AttributeError or a TypeError from the reader."""
    import io

    for name, value, key in (("tz", tz, "library_zone_type"), ("sheet", sheet, "library_sheet_type")):
        if value is not None and not isinstance(value, str):
            raise _refused(name, key, kind=type(value).__name__)
    if stdin is not None and (isinstance(stdin, io.TextIOBase) or not callable(getattr(stdin, "read", None))):
        raise _refused("stdin", "library_stdin_type", kind=type(stdin).__name__)


def refuse_period(name: str, value: object) -> None:
    """``value`` (the argument ``name``: a period) is text or a number (a year, 2025, read as
    the command line reads one; a figure such as 2023.5 is then told it is no period): None
    was read as an empty text, and said "the period is empty" naming the command. A date is
    let through, to be told the periods ending on it, as ``record_many`` tells a row's."""
    from datetime import date

    if value is None or isinstance(value, bool) or not isinstance(value, (str, int, float, date)):
        raise _refused(name, "library_period_type", kind=type(value).__name__)


def refuse_texts(name: str, value: object) -> None:
    """``value`` (the argument ``name``: target ids, check names) is None, one str, or an
    iterable of str; a list, tuple or set is looked into, an iterator left as it is."""
    if value is None or isinstance(value, str):
        return
    if isinstance(value, (bytes, Mapping)) or not hasattr(value, "__iter__"):
        bad: object = value
    elif isinstance(value, (list, tuple, set, frozenset)):
        bad = next((item for item in value if not isinstance(item, str)), None)
        if bad is None:
            return
    else:
        return
    raise _refused(name, "library_texts_type", value=repr(bad)[:60], kind=type(bad).__name__)


def refuse_candidates(candidates: object) -> None:
    """``record_many``'s rows: a list (or another iterable) of rows, not one row nor text."""
    if isinstance(candidates, (str, bytes, Mapping)) or not hasattr(candidates, "__iter__"):
        raise _refused("candidates", "library_candidates_type", kind=type(candidates).__name__)


def candidate_problem(n: int, candidate: object) -> Any:
    """The Problem of the ``n``-th candidate (1-based) when it is no row: neither a dict of
    fields nor a (where, dict) pair; else None."""
    if isinstance(candidate, Mapping):
        return None
    if isinstance(candidate, (tuple, list)) and len(candidate) == 2 and isinstance(candidate[1], Mapping):
        return None
    if isinstance(candidate, (tuple, list)):
        kind = "(" + ", ".join(type(c).__name__ for c in candidate) + ")"
    else:
        kind = type(candidate).__name__
    from ..catalog import msg
    from ..plan.model import Location, Problem

    return Problem(Location("candidates", n), msg("library_candidate_type", kind=kind))


def library_worded(message: Any) -> Any:
    """``message`` in a Python caller's words where the catalog has them (``library_`` and
    its id: the row's "status" field, ``defaults=RowDefaults(...)``, ``write_report``'s
    ``path`` and ``force``, where the command line says ``--status``, ``-o``, ``--force``;
    issue 17, twenty-ninth session), its parameters too; its id, which a program tests,
    kept. Anything else as given, the same object. The one rule of ``import_observations``,
    ``record_many`` and ``write_report`` (output/report_written)."""
    from ..catalog import Message, catalog

    if not isinstance(message, Message):
        return message
    params = tuple((k, library_worded(v)) for k, v in message.params)
    library = f"library_{message.id}"
    wording = library if library in catalog("en") else message.wording
    if wording == message.wording and all(
        new is old for (_, new), (_, old) in zip(params, message.params, strict=True)
    ):
        return message
    return Message(message.id, params, wording)


def for_library(error: Any) -> Any:
    """An InputError (or a subclass) with each problem's message in a caller's words
    (``library_worded``), its kind, code, file and keys kept."""
    import dataclasses

    problems = [dataclasses.replace(p, message=library_worded(p.message)) for p in error.problems]
    if all(new.message is old.message for new, old in zip(problems, error.problems, strict=True)):
        return error
    return type(error)(problems, error.code, error.rows_of, error.kinds)
