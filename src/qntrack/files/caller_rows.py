"""The rows a Python caller gives ``record_many``: each field checked by its name and made
the text the rules read (issue 17, twenty-third session; docs/python-api.md).

A caller has numbers and dates where a file has text: a figure as a float or an int, a
year as an int, a moment as a ``datetime``. Each is written as a person would type it
(a float as ``repr`` writes it, which reads back as the same float, as the importer turns
a workbook's number into text), and then meets the same rules as a typed figure; a number
in a text field (a source, a note, a unit) as a workbook's number cell is stored there,
5.0 as '5' (thirty-eighth session). A field
no row has (``sorce``) is refused with the closest name: it was dropped, and the figure
recorded without its source. A value no field can hold (``True``, a list) is refused.
A NaN, pandas' empty cell, is a text field left out (it was stored as the text 'nan'); an
indicator, a period or a value NaN is refused as before (issue 17, twenty-sixth session).
"""

from __future__ import annotations

import numbers

from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Any, Mapping, Sequence

from ..catalog import Message, msg
from ..errors import InputError, suggestion
from ..plan.model import Location, Observation, Problem
from .batch_rows import SHOWN_PERIOD
from .typed_periods import typed_period
from .vocabulary import status_word

__all__ = ["FIELDS", "Candidate", "caller_now", "caller_rows", "number_as_text", "period_as_text"]

# The fields of a row to record (the store's columns); ``dim:<dimension>`` names a unit.
FIELDS = ("indicator", "period", "value", "status", "source", "note", "recorded_at")
# The fields read as a number or a moment; every other (a source, a note, a unit) is text.
_FIGURES = ("period", "value", "recorded_at")


Candidate = tuple[Location | str, Mapping[str, Any] | Observation] | Mapping[str, Any] | Observation


def caller_rows(candidates: Sequence[Candidate], recording: bool = True) -> list[tuple[Location, dict[str, str]]]:
    """``candidates`` with every value as text; InputError with every field refused.
    Keys starting with ``@`` are the command line's own (batch_rows: a period as typed).
    A period is read as the command line reads one (files.typed_periods); ``recording``:
    figures with a status of their own (record_many), not a retraction (``retract``).

    A candidate is ``(where, fields)``, ``where`` a Location or a name (``"dashboard"``),
    or the fields alone, whose place is then ``candidates:N``, N its 1-based position.
    Anything else (None, one row, a number) is an ArgumentError naming ``candidates``."""
    from .library_arguments import candidate_problem, refuse_candidates

    refuse_candidates(candidates)
    rows: list[tuple[Location, dict[str, str]]] = []
    problems: list[Problem] = []
    # Each distinct period read once (an Open SDG repository: 56,000 rows of a few dozen
    # years), as today's year, the only other thing the reading depends on, is one call's.
    periods: dict[str, tuple[str, Message | None]] = {}
    for n, given_row in enumerate(candidates, 1):
        candidate = _fields_of_row(given_row)  # a store's row given back as it is
        if (no_row := candidate_problem(n, candidate)) is not None:
            problems.append(no_row)
            continue
        if isinstance(candidate, Mapping):
            where, fields = Location("candidates", n), candidate
        else:
            given, fields = candidate
            where = given if isinstance(given, Location) else Location(str(given))
        row: dict[str, str] = {}
        for key, value in fields.items():
            if not isinstance(key, str) or not (key in FIELDS or key.startswith(("dim:", "@"))):
                hint = suggestion(str(key), FIELDS)
                problems.append(
                    Problem(where, msg("library_unknown_field", field=key, hint=hint, fields=", ".join(FIELDS)))
                )
                continue
            if type(value) is str or value is None or key == "indicator" or key == "period":
                pass  # text as it is; an indicator's or a period's NaN refused by its rule
            elif _is_nan(value):
                # pandas' empty cell (to_dict("records")), a NaN of any kind: left out, never
                # the text 'nan' (a Decimal's and numpy's float32's were 'NaN' and 'nan' until
                # pass L2). A value's: no value, as a retraction holds (Observation.value): a
                # retraction's, where it was refused "a retraction has no value"; a figure's
                # told it is empty, not "'nan' is not a number" (thirty-eighth session).
                value = None
            elif key not in _FIGURES and _is_infinite(value):
                # No cell holds it and nobody typed it: it was stored as the source 'inf', a
                # unit 'inf' of its own, where retract refuses it (thirty-eighth session, L2).
                problems.append(Problem(where, msg("library_field_not_finite", field=key, value=str(value))))
                continue
            if key == "period" and isinstance(value, datetime) and value.time() == time():
                value = value.date()  # pandas' Timestamp of a date column: the day, told its periods
            text: str | None
            if type(value) is str:
                text = value
            elif key == "period":
                text = period_as_text(value)  # 2021.0 the year 2021, as a workbook's cell
            else:
                text = _as_text(value, key not in _FIGURES)  # an import's cells are text
            if text is None:
                problems.append(Problem(where, msg("library_field_type", field=key, kind=type(value).__name__)))
            elif key != "period" and key != "status":  # as _office_words gives them
                row[key] = text
            else:
                row[key], refused = _office_words(key, text, row, recording, periods)
                if refused is not None:
                    problems.append(Problem(where, refused))
        rows.append((where, row))
    if problems:
        raise InputError(problems)
    return rows


def _office_words(
    key: str, text: str, row: dict[str, str], recording: bool, periods: dict[str, tuple[str, Message | None]]
) -> tuple[str, Message | None]:
    """A period or a status in the words offices write (a quarter in Roman numerals, an
    estimate's abbreviation: files.vocabulary) as the store writes it, and a period read
    as ``add-observation`` reads its PERIOD (files.typed_periods), with the same refusals in
    the same words: a caller passing a workbook's cells met "not a period" where the command
    line told the fix ('H1' gives no year). The period as given is kept for a message
    quoting it. ``periods``: the readings of the call so far, by text."""
    if key == "status":
        return status_word(text), None
    if key != "period":
        return text, None
    found = periods.get(text)
    if found is None:
        found = periods[text] = typed_period(text, recording)
    period, refused = found
    if refused is not None:  # told the row's "status" field, where a command says --status
        from .library_arguments import library_worded

        refused = library_worded(refused)
    # As typed, as add-observation keeps it: '2025-9m', which parse_period reads and no
    # office's name is, was quoted as 2025-9M by the library alone.
    row.setdefault(SHOWN_PERIOD, text.strip())
    return period, refused


def _fields_of_row(candidate: object) -> Any:
    """A store's row (an ``Observation``: ``ws.store.observations``, ``Recorded.rows``), alone
    or as a ``(where, row)`` pair, as its fields, which are recorded as itself: two trackers
    merged. It was refused "is of type (str, Period, float, ...), not a row", where
    ``o._asdict()`` without ``line`` was taken (forty-third session)."""
    if isinstance(candidate, Observation):
        return _fields(candidate)
    if isinstance(candidate, (tuple, list)) and len(candidate) == 2 and isinstance(candidate[1], Observation):
        return (candidate[0], _fields(candidate[1]))
    return candidate


def _fields(row: Observation) -> dict[str, object]:
    return {k: v for k, v in row._asdict().items() if k != "line"}


def _is_nan(value: object) -> bool:
    """Whether ``value`` is a NaN of any kind: Python's, numpy's (another object, so equal
    to no other), a ``Decimal``'s, a ``numbers.Real`` of another library. A whole number
    never is: ``10**400``, past every float, raised ``OverflowError`` here (forty-third session)."""
    if isinstance(value, (bool, str, numbers.Integral)) or not isinstance(value, (numbers.Real, Decimal)):
        return False
    import math

    try:
        return math.isnan(value)
    except (TypeError, ValueError):  # Decimal('sNaN') will not become a float
        return isinstance(value, Decimal) and value.is_nan()


def _is_infinite(value: object) -> bool:
    """Whether ``value`` is an infinity of any kind (Python's, a ``Decimal``'s, numpy's); a
    whole number, however large, is none."""
    if isinstance(value, (bool, str, numbers.Integral)) or not isinstance(value, (numbers.Real, Decimal)):
        return False
    if isinstance(value, Decimal):
        return value.is_infinite()
    import math

    try:
        return math.isinf(value)
    except (TypeError, ValueError, OverflowError):
        return False


def _real_text(value: numbers.Real) -> str:
    """A number of another library (numpy's float32, registered as a ``numbers.Real``) as
    its own text where that reads as a number (``0.1``, where ``float()`` gives
    0.10000000149011612), else its float's; NaN and infinity as the rule refuses them."""
    text = str(value)
    try:
        float(text)
    except ValueError:
        return repr(float(value))
    return text


def number_as_text(value: object) -> str | None:
    """A number given where text is read (a source, a note, a unit) as a workbook's number
    cell is stored there (``figures.number_text``): 5.0 is '5', 2020.0 the unit '2020', a
    fraction its own text ('5.5'; numpy's float32 0.1 '0.1'; a Decimal as written, '2.50').
    It was written as Python writes it, '5.0', where the same cell imported is '5': one unit
    of a breakdown stored as two (thirty-eighth session). None for no real number."""
    from .figures import number_text

    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, Decimal):
        whole = value.is_finite() and value == value.to_integral_value()
        return str(int(value)) if whole and abs(value) < 10**15 else str(value)
    if isinstance(value, numbers.Real):
        as_float = float(value)
        return number_text(as_float) if as_float.is_integer() else _real_text(value)
    return None


def period_as_text(value: object) -> str | None:
    """A period as the rules read it: a number as a workbook's period cell is read
    (``workbook_cells.period``, through ``figures.number_text``), a whole one without its
    needless '.0': 2021.0, a pandas column of years holding an empty cell, is the year 2021,
    as a Decimal('2021.0') and numpy's float32 are (thirty-eighth session, pass L2: told
    "write 2021", where the same cell in a workbook was read as 2021); 2021.5 keeps its
    text and is told it is no period, as in a workbook. The text '2021.0' is a text, told
    it is a year written as a decimal (thirty-fourth session). Anything else as ``_as_text``."""
    if isinstance(value, (numbers.Real, Decimal)) and not isinstance(value, (bool, numbers.Integral)):
        return number_as_text(value)
    return _as_text(value)


def _as_text(value: Any, text_field: bool = False) -> str | None:
    """The value as the store's text; None for one no field holds. ``text_field``: one read
    as text, where a number is written as a workbook's number cell is (``number_as_text``),
    and a day without a zone (pandas' Timestamp at midnight) as its date cell is, 2025-01-01."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""  # a field left out
    if isinstance(value, bool):
        return None  # an int to Python, never a figure nor a name
    if text_field and isinstance(value, numbers.Number):
        return number_as_text(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)  # reads back as the same float; nan and inf meet the rule's refusal
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, numbers.Integral):  # numpy's int64, a year column's cell
        return str(int(value))
    if isinstance(value, numbers.Real):  # numpy's float32: its own shortest text, 0.1
        return _real_text(value)
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            if text_field and value.time() == time():
                return value.date().isoformat()  # a workbook's date cell there: its day
            return value.isoformat()  # no zone: the rule says so, and what to add
        if abs(value.utcoffset() or timedelta(0)) > timedelta(hours=14):
            return value.isoformat()  # an offset no zone keeps (+15:00): as typed, for the rule to say so
        try:
            return value.astimezone(timezone.utc).replace(tzinfo=None).isoformat() + "Z"
        except OverflowError:
            # 0001-01-01 at +07:00 is in year 0 in UTC: as typed, for the rule to say so, as
            # it says of the same text (it raised "date value out of range"; pass R).
            return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    from ..plan.periods import Period

    if isinstance(value, Period):  # an Observation's own period, given back (a merge of two stores)
        return str(value)
    return None


def caller_now(now: object, name: str = "now") -> str | None:
    """``record_many``'s ``now`` as the rules read it: text or None as given, a datetime or
    a date as a row's ``recorded_at`` is written (``_as_text``: an aware datetime in UTC, a
    naive one refused by the rule for want of a zone); anything else an ArgumentError
    naming ``now`` (issue 17, twenty-sixth session: a datetime raised AttributeError).
    ``name``: the argument told, ``undated`` (the stamp of rows given none) read the same
    way (thirty-third session: an int or a datetime raised "has no attribute 'strip'")."""
    if now is None or isinstance(now, str):
        return now
    if isinstance(now, date):
        return _as_text(now)
    from ..errors import ArgumentError, ExitCode

    raise ArgumentError([Problem(Location(name), msg("library_now_type", kind=type(now).__name__))], ExitCode.USAGE)


def caller_moment(now: object, zone: str = "") -> str | None:
    """``run_checks``' ``now`` as the timing check reads it: text, a datetime or a date as
    ``record_many`` takes them (``caller_now``), in the store's form (2026-01-15T08:00:00Z);
    a moment that is none refused with an ArgumentError naming ``now``, with the rule's words
    ("2026-02 has 28 days"). It raised TypeError for a datetime and a bare ValueError ("day
    is out of range for month") for 2026-02-30 (issue 17, thirty-third session).
    ``zone``: the offset a time with none is read in (``record_many``'s ``tz``, else the
    plan's ``timezone:``), validated by the caller; record_many blamed a bad ``now`` on
    ``candidates:1:``, or raised a bare ValueError (thirty-third session, pass L)."""
    text = caller_now(now)
    if text is None:
        return None
    from ..method.timing import parse_zone
    from .rules import recorded_at

    try:
        read_in = parse_zone(zone) if zone else None
    except ValueError:
        read_in = None  # a zone that is none is said by its own check, not of ``now``
    try:
        return recorded_at(text, read_in)
    except ValueError as exc:  # an argument's: an ArgumentError (thirty-seventh session), its
        # code 1, as `add-observation --recorded-at 2024-13-01` exits
        from ..errors import ArgumentError, ExitCode

        raise ArgumentError([Problem(Location("now"), exc.args[0])], ExitCode.INVALID) from None
