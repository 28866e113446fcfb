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
    "refused",
    "named",
    "lacking",
    "refuse_period",
    "refuse_path",
    "refuse_texts",
    "indicator_ids_argument",
    "refuse_empty",
    "refuse_jump_factor",
    "refuse_candidates",
    "candidate_problem",
    "refuse_flags",
    "refuse_id",
    "refuse_text",
    "refuse_settings",
    "library_worded",
    "for_library",
    "library_problems",
]


# The plan's model and the errors are imported only to refuse: find_targets asks on every
# command, and a warm `status --format json` loads neither (tests/test_groups.py).
def refused(name: str, key: str, **params: Any) -> Exception:
    from ..catalog import msg
    from ..errors import ArgumentError, ExitCode
    from ..plan.model import Location, Problem

    return ArgumentError([Problem(Location(name), msg(key, **params))], ExitCode.USAGE)


def named(name: str, message: Any) -> Exception:
    """An ``ArgumentError`` at the argument ``name`` saying ``message`` (a catalog
    ``Message`` the commands say of their own option): ``history``'s unknown indicator,
    ``rank``'s target with no breakdown, ``retract``'s unit (thirty-sixth session)."""
    from ..errors import ArgumentError, ExitCode
    from ..plan.model import Location, Problem

    return ArgumentError([Problem(Location(name), message)], ExitCode.USAGE)


def lacking(name: str, message: Any) -> Exception:
    """An ``ArgumentError`` at ``name`` for a value of the right kind that the plan lacks (a
    target, an indicator, a unit): the command refuses it as invalid input, exit 1 with its
    problems document, so ``error.code`` is 1, not a usage error's 2 (docs/python-api.md:
    ``error.code`` is the exit code the command line would give; session 37, pass E)."""
    from ..errors import ArgumentError, ExitCode
    from ..plan.model import Location, Problem

    return ArgumentError([Problem(Location(name), message)], ExitCode.INVALID)


def refuse_path(name: str, value: object, none: bool = True) -> None:
    """``value`` (the argument ``name``) is a path (a str or an os.PathLike), or None when
    ``none`` (a plan looked for as the command line looks for it)."""
    if not (isinstance(value, (str, os.PathLike)) or (none and value is None)):
        raise refused(name, "library_path_type", kind=type(value).__name__)


def refuse_flags(**flags: object) -> None:
    """Each flag (``dry_run=...``) is True or False: ``dry_run="no"`` is a non-empty
    string, true to Python, and made a dry run of what the caller meant to record. A bool,
    or an int 0 or 1 (numpy's bool is neither a str nor None, and says itself as one)."""
    for name, value in flags.items():
        if isinstance(value, bool) or (type(value).__name__ in ("int", "bool_") and value in (0, 1)):
            continue
        raise refused(name, "library_flag_type", flag=name, value=repr(value)[:60], kind=type(value).__name__)


def refuse_id(name: str, value: object) -> None:
    """``value`` (the argument ``name``: an indicator's id) is a str: None was read as an
    empty text, and said "unknown indicator ''" naming no argument."""
    if not isinstance(value, str):
        raise refused(name, "library_id_type", kind=type(value).__name__)


def refuse_text(name: str, value: object) -> None:
    """``value`` (the argument ``name``: a free text, ``retract``'s ``source`` or ``note``)
    is a str, None, or a finite number, which ``record_many``'s rule then stores as a
    workbook's number cell is (``caller_rows.number_as_text``: 5.0 as '5'; thirty-eighth
    session, pass L2: it was refused here, where ``record_many`` stored the same source 5
    as '5'). A bool, a list (told at "retract:" in the thirty-seventh session) and a NaN
    or infinity (pandas' empty cell is no source) are refused by name."""
    import numbers
    from decimal import Decimal

    if value is None or isinstance(value, str):
        return
    if isinstance(value, bool) or type(value).__name__ == "bool_" or not isinstance(value, (numbers.Real, Decimal)):
        raise refused(name, "library_text_type", argument=name, kind=type(value).__name__)
    if not _finite(value):
        raise refused(name, "library_text_not_finite", argument=name, value=str(value))


def refuse_settings(**settings: tuple[object, type]) -> None:
    """Each setting (``fmt=(value, ImportFormat)``) is an instance of its class:
    ``import_observations("targets.yaml", "x.csv", True)``, meaning a dry run, gave ``fmt``
    True, and Python's "replace() should be called on dataclass instances" came out."""
    for name, (value, cls) in settings.items():
        if not isinstance(value, cls):
            raise refused(name, "library_settings_type", kind=type(value).__name__, expected=cls.__name__)


def _finite(value: object) -> bool:
    """Whether ``value`` is no NaN nor infinity (text and a date are: they are read)."""
    import math
    import numbers
    from decimal import Decimal

    if isinstance(value, Decimal):
        return value.is_finite()
    if isinstance(value, numbers.Integral) or not isinstance(value, numbers.Real):
        return True
    return math.isfinite(float(value))


def refuse_period(name: str, value: object) -> None:
    """``value`` (the argument ``name``: a period) is text or a number (a year, 2025, read as
    the command line reads one; a figure such as 2023.5 is then told it is no period): None
    was read as an empty text, and said "the period is empty" naming the command. A date is
    let through, to be told the periods ending on it, as ``record_many`` tells a row's."""
    import numbers
    from datetime import date
    from decimal import Decimal

    # A number of any kind, as record_many's rows take it: a Decimal, numpy's int64 (a
    # year column's cell) were refused as "of type int64, not a period" (thirty-fifth session).
    # A Period too, an Observation's own, as record_many takes it: retract(..., o.period)
    # was told "is of type Period, not a period" (thirty-eighth session, pass L2).
    from ..plan.periods import Period

    kinds = (str, numbers.Real, Decimal, date, Period)
    if value is None or isinstance(value, bool) or not isinstance(value, kinds) or type(value).__name__ == "bool_":
        raise refused(name, "library_period_type", kind=type(value).__name__)
    if not _finite(value):  # NaN (pandas' empty cell), inf
        # Was told "'nan' is not a period" at the function's name (thirty-fourth session).
        raise refused(name, "library_period_not_finite", value=str(value))


def refuse_texts(name: str, value: Any) -> Any:
    """``value`` (the argument ``name``: target ids, check names) is None, one str, or an
    iterable of str, returned as it can be read more than once: an iterator (a generator of
    ids, a notebook's ``(i for i in ...)``) as a tuple of its items, each looked into as a
    list's are. A generator was read twice inside, once to find unknown ids and once to pick
    the targets, and so judged no target at all, of any id (thirty-third session)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (bytes, Mapping)) or not hasattr(value, "__iter__"):
        raise refused(name, "library_texts_type", value=repr(value)[:60], kind=type(value).__name__)
    if not isinstance(value, (list, tuple, set, frozenset)):
        value = tuple(value)
    for item in value:
        if not isinstance(item, str):  # None among them too, where None meant "nothing wrong"
            raise refused(name, "library_texts_type", value=repr(item)[:60], kind=type(item).__name__)
    return value


def indicator_ids_argument(plan: Any, value: Any) -> list[str]:
    """``Workspace.warnings_for``'s ``indicator_ids`` as a list of the plan's ids: None is
    every indicator, one id as text that id, a mapping its keys (``plan.indicators``, as
    the docs give it); anything else as ``refuse_texts`` reads it. One id as text was read
    letter by letter and gave no warning, an id the plan lacks none either, and None raised
    "'NoneType' object is not iterable" (forty-third session): an ``ArgumentError``
    naming ``indicator_ids``, an id it lacks in ``history``'s words."""
    if value is None:
        return list(plan.indicators)
    ids = [value] if isinstance(value, str) else list(value) if isinstance(value, Mapping) else None
    if ids is None:
        ids = list(refuse_texts("indicator_ids", value))
    for given in ids:
        if given not in plan.indicators:
            from .unknown_ids import unknown_indicator

            raise lacking("indicator_ids", unknown_indicator(plan, given))
    return ids


def refuse_empty(name: str, value: Any) -> None:
    """``value`` (the argument ``name``: target ids, check names, as ``refuse_texts``
    returned it) is None or names one at least: an explicit empty selection, a notebook's
    filter that matched nothing, judged every target (``target_ids=[]``, as the command line
    with no ids) or ran only the checks that always run, and said nothing of it. None
    means all (thirty-fourth session; docs/python-api.md, "Errors"). An empty or blank text
    too (a notebook's ``cell.strip()`` of an empty cell): it named no target, in a message
    naming nothing (pass R)."""
    if value is not None and (not value.strip() if isinstance(value, str) else len(value) == 0):
        if name == "target_ids":
            raise refused(name, "library_target_ids_empty")
        raise refused(name, "library_names_empty", argument=name)


def refuse_jump_factor(value: object) -> None:
    """``run_checks``' ``jump_factor`` is a finite real number greater than 1, as ``check
    --jump-factor`` takes it: "x" and None raised a comparison's TypeError from inside, and
    NaN, infinity, 0 or -1 were taken (the jump check turned off, or every figure a jump).
    Refused by name with the option's own message (thirty-third session)."""
    from decimal import Decimal
    from numbers import Real

    try:  # 10**400, past every float, raised OverflowError (forty-third session)
        within = not isinstance(value, bool) and isinstance(value, (Real, Decimal)) and 1 < float(value) < float("inf")
    except OverflowError:
        within = False
    if not within:
        raise refused("jump_factor", "cli_bad_jump_factor", given=str(value)[:60])


def refuse_candidates(candidates: object) -> None:
    """``record_many``'s rows: a list (or another iterable) of rows, not one row nor text."""
    if isinstance(candidates, (str, bytes, Mapping)) or not hasattr(candidates, "__iter__"):
        raise refused("candidates", "library_candidates_type", kind=type(candidates).__name__)


def candidate_problem(n: int, candidate: object) -> Any:
    """The Problem of the ``n``-th candidate (1-based) when it is no row: neither a dict of
    fields nor a (where, dict) pair; else None."""
    if isinstance(candidate, Mapping):
        return None
    if isinstance(candidate, (tuple, list)) and len(candidate) == 2 and isinstance(candidate[1], Mapping):
        return _place_problem(n, candidate[0])
    if isinstance(candidate, (tuple, list)):
        kind = "(" + ", ".join(type(c).__name__ for c in candidate) + ")"
    else:
        kind = type(candidate).__name__
    from ..catalog import msg
    from ..plan.model import Location, Problem

    return Problem(Location("candidates", n), msg("library_candidate_type", kind=kind))


def _place_problem(n: int, where: object) -> Any:
    """The Problem of the ``n``-th candidate's ``where`` when it names no place: a Location,
    or a name as a non-empty str. None (a pair built with no place yet) or a number (a
    pandas index) was taken as the text 'None' or '5', and the row's problems said there
    (thirty-fourth session)."""
    from ..plan.model import Location, Problem

    if isinstance(where, Location) or (isinstance(where, str) and where.strip()):
        return None
    from ..catalog import msg

    if isinstance(where, str):  # was "is of type empty str", a type Python has not (pass R)
        return Problem(Location("candidates", n), msg("library_place_empty"))
    return Problem(Location("candidates", n), msg("library_place_type", kind=type(where).__name__))


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


def library_problems(problems: Any) -> Any:
    """``problems`` (warnings a call returns rather than raises) each in a Python caller's
    words, as ``for_library`` words an error's: "with force=True", where the command's
    warning says "with --force" (thirty-third session); the same kind of sequence back."""
    import dataclasses

    return type(problems)(dataclasses.replace(p, message=library_worded(p.message)) for p in problems)
