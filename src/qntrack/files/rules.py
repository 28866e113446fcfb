"""What a valid observation is: one rule per field, written once, used by every path.

Three paths take an observation in: the store's readers (``store.parse_store``, rows
already in observations.csv), the entry path (``recording.validate_record``:
add-observation, retract, and every row of an import) and the importer
(``importing``, which reads a spreadsheet's cells into the text the entry path checks).
Each asks this module whether a field is valid and what it stands for; the paths only
say where (a line of the store, a cell of in.csv, the command line).

A rule returns the field's value or raises ``ValueError`` with a catalog Message (as
``plan.periods.parse_period`` raises ``PeriodError``), or, where the paths word the
refusal differently, answers yes or no (``is_status``) and lets the path say it. Two
rules are for new rows only, because a row already stored is kept as a person wrote it
(docs/data-integrity.md): ``text_problem`` (line breaks, control characters, length) and
``written_text`` (a formula neutralised). docs/decisions.md, "One rule set for an
observation", says why.
"""

from __future__ import annotations

import math
import re
from contextvars import ContextVar
from functools import lru_cache
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Callable, Literal, Mapping, Sequence

from ..plan.suggest import closest
from ..catalog import Figure, Message, msg
from ..plan.model import OBSERVATION_STATUSES, RETRACTED, Indicator, Location, Plan, Problem
from ..plan.periods import Period, PeriodError, parse_period
from ..method.recorded_days import utc_text  # the store's form of a moment, kept here for its callers
from .status_flags import status_cell_flag
from .invisible import shown
from .last_plan import LastPlan
from .textfiles import first_noncharacter, neutralise_formula, nfc
from .moment_words import _DATE_TIME_SHAPE, _is_bare_date, _is_real, _not_real, _slashed_date, another_spelling
from .moment_words import clock_misspelt, no_moment, no_such_moment
from .vocabulary import fold, foreign_digits, is_realised, is_total

__all__ = [
    "MAX_TEXT",
    "STATUSES",
    "period",
    "value",
    "number",
    "nonzero_mantissa",
    "is_status",
    "status_problem",
    "recorded_at",
    "utc_text",
    "text_problem",
    "written_text",
    "NEUTRALISED",
    "given_text",
    "indicator",
]

# Characters in a source or note (and in any cell of an import): more than any citation
# needs; a longer cell means the wrong file, or a missing quote that swallowed the rest.
MAX_TEXT = 2000

# Each valid status, mapped to itself: empty (a figure with no status), the three of
# docs/observations-format.md, and a retraction's mark. A dict, so that the store's fast
# reader takes the stored string from it (one copy of each word in memory).
STATUSES: dict[str, str] = {s: s for s in ("", *OBSERVATION_STATUSES, RETRACTED)}


# --- period ---------------------------------------------------------------------------


# The entry path asks each row's period and moment of recording (an import of 300,000
# rows names a few hundred periods and a few thousand moments): each answer is a pure
# function of the text, so it is remembered, within a bound. A refusal is not (it raises).
@lru_cache(maxsize=1 << 16)
def period(text: str) -> Period:
    """The period a cell names (docs/observations-format.md); ``PeriodError`` if none, in
    words that lead to the fix where the text is a near miss (files/period_refusals: a fifth
    quarter, a status or a plan's mark with the period, a day, a month as Excel shows it)."""
    try:
        return parse_period(text)
    except PeriodError:
        from .period_refusals import refusal

        told = refusal(text)
        if told is None:
            raise
        raise PeriodError(told) from None


def stored_period(text: str) -> Period:
    """``period`` of a store's row, whose refusal of a status written with the period names
    the row's status cell, never ``--status`` (an option no stored row has; thirtieth
    session): the same message id, in the store's words (``store_`` and its id)."""
    try:
        return period(text)
    except PeriodError as exc:
        told = exc.args[0] if exc.args else None
        if isinstance(told, Message) and told.id.startswith(("periods_with_status_", "periods_ends_with_status_")):
            raise PeriodError(Message(told.id, told.params, "store_" + told.id)) from None
        raise


# What each of a stored row's cells holds, as an example of what to type in its place.
_EXAMPLES = {"period": "2023", "value": "10.28", "status": "official", "recorded_at": "2023-11-27T09:00:00Z"}


def stored_error_value(exc: ValueError, period: str, value: str, status: str, recorded: str) -> Message | None:
    """A spreadsheet's error value ('#N/A') in the cell a stored row was refused for, told
    as an import tells it (``import_cell_excel_error``) with the store's way out (emptying
    the cell is none): a store saved from a spreadsheet had it told "not an ISO 8601
    timestamp" (thirty-fifth session). The cells in the order the readers read them, the
    period, the value, the status (pass G: told "not one of: ... official" as if mistyped),
    then (the status valid) the moment; None for any other refusal."""
    from .figures import excel_error  # only on a refusal: a clean store never asks

    if isinstance(exc, PeriodError):
        cells = [("period", period)]
    elif status not in STATUSES:
        cells = [("value", value), ("status", status)]
    else:
        cells = [("value", value), ("recorded_at", recorded)]
    return next((stored_cell_error(column, text) for column, text in cells if excel_error(text)), None)


def stored_cell_error(column: str, text: str, example: str | None = None) -> Message | None:
    """``stored_error_value`` of one cell: its words when ``text`` is an error value.
    ``example``: what to type instead, where the column has no fixed one (an indicator's
    id, the plan's first)."""
    from .figures import excel_error

    if not excel_error(text):
        return None
    return msg("store_cell_excel_error", column=column, text=text.strip(), example=example or _EXAMPLES[column])


def unknown_store_warnings(
    counts: Mapping[str, int], known: Sequence[str], store_file: str, targets_file: str
) -> list[Problem]:
    """Status's warnings of the store's rows whose indicator the plan does not define
    (``method.series.unknown_warnings``), an indicator that is a spreadsheet's error value
    ('#N/A', a lookup that found nothing) told as the store's other cells tell one, not as
    an indicator unknown: no renamed indicator is meant (thirty-sixth session)."""
    from .figures import excel_error
    from ..method.series import unknown_warnings

    errors = sorted(ind for ind in counts if excel_error(ind))
    out = []
    for ind in errors:
        said = msg(
            "store_indicator_excel_error",
            count=counts[ind],
            text=ind.strip(),
            example=known[0] if known else "grdp_growth",
        )
        out.append(Problem(Location(store_file), said, "warning"))
    rest = {ind: n for ind, n in counts.items() if ind not in errors}
    return out + (unknown_warnings(rest, known, store_file, targets_file) if rest else [])


# --- value ----------------------------------------------------------------------------

# A number as the store writes it: ASCII digits, a decimal point with a digit or an exponent
# after it ('1.e3': session 47), an exponent. \d of other scripts is no digit (float() reads them).
_PLAIN_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d+)?|\d+\.(?=[eE])|\.\d+)(?:[eE][-+]?\d+)?$", re.ASCII)


def value(text: str, status: str = "") -> float:
    """A row's value: a finite number, or for a retraction nothing (NaN in memory, never
    a figure in force)."""
    if status == RETRACTED:
        if text.strip():
            raise ValueError(msg("store_retraction_has_value"))
        return math.nan
    if not text.strip():  # a line typed ahead of its figure: "'' is not a number" said nothing to do
        raise ValueError(msg("store_value_empty"))
    return number(text)


def number(text: str) -> float:
    """A figure as the store holds it: plain ASCII decimal (``10.28``, ``1e3``), finite,
    and not so close to zero that it would be read as 0.

    The store's fast reader takes a row's value by ``float()`` under conditions that
    accept exactly these texts (store_fast._parse_fast; tests/test_fast_paths.py checks the
    two on any text)."""
    raw = text.strip()
    if not _PLAIN_NUMBER.match(raw):
        if raw.endswith(".") and _PLAIN_NUMBER.match(raw[:-1]):  # a figure cut off: 8.
            raise ValueError(msg("import_value_cut_decimal", text=text, whole=raw[:-1]))
        if "," in raw:
            raise ValueError(msg("store_value_comma", text=text))
        if not raw.isascii() and any(ch.isdigit() for ch in raw if ch > "\x7f"):
            # float() reads them; the CLI and --from refuse them (vocabulary.foreign_digits).
            raise ValueError(msg("import_value_foreign_digits", text=text))
        raise ValueError(msg("store_value_not_number", text=text))
    found = float(raw)
    if not math.isfinite(found):
        raise ValueError(msg("store_value_not_finite", text=text))
    if found == 0.0 and nonzero_mantissa(raw):
        raise ValueError(msg("store_value_underflow", text=text))
    # '-0' is 0: a zero carries no sign in a statistic, and -0.0 would be written so in
    # the JSON and CSV while the store writes 0 (issue 17, twenty-fifth session).
    return found + 0.0


def nonzero_mantissa(raw: str) -> bool:
    """Whether a number's text, read as 0.0, is not zero (1e-400 underflows): such a figure
    is refused, as one beyond about 1.8e308 is, rather than stored as 0."""
    return any(ch in "123456789" for ch in raw.partition("e")[0].partition("E")[0])


# --- status ---------------------------------------------------------------------------


def status_problem(status: str) -> Message:
    """What to say of a status cell that is none of ``STATUSES``: "thuc hien" (realised) or
    a table's flag "(p)" told what it is (vocabulary, heading_marks); any other, the list."""
    if is_realised(status):
        return msg("recording_status_realised", status=status)
    valid = ", ".join(OBSERVATION_STATUSES)
    return status_cell_flag(status) or msg("recording_bad_status", status=status, statuses=valid)


def is_status(text: str) -> bool:
    """Whether ``text`` is a valid status (``STATUSES``: empty, the three words, or a
    retraction's mark). The store and the entry path word the refusal each its own way
    (their messages are part of the output)."""
    return text in STATUSES


# --- recorded_at ----------------------------------------------------------------------

_CANONICAL_TS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", re.ASCII)
# The widest offset a zone keeps (Kiribati's +14:00), parse_zone's range, where Python reads
# any offset under 24 hours in a recorded_at: +14:30, a typo, made another day in silence.
_WIDEST = timedelta(hours=14)

# A fraction of a second after the seconds of a time of day (10:00:00.5, or 10:00:00,5).
_FRACTION = re.compile(r"(\d{2}:\d{2}:\d{2})[.,](\d+)", re.ASCII)


@lru_cache(maxsize=1 << 16)
def recorded_at(text: str, zone: tzinfo | None = None) -> str:
    """ISO 8601 with a time zone (or a bare date, taken as midnight UTC) → ``...Z`` in UTC.

    ``zone``: the tzinfo for a date and time written without one (the plan's ``timezone:``
    or ``--tz``); without it such a time is refused, as it could be any of 26 hours.
    """
    raw = text.strip()
    if not raw.isascii() and foreign_digits(raw):
        # Python's \d and int() read them but datetime does not, and vintages are ordered
        # by the text of recorded_at, where a full-width '0' sorts after '9': refused as a
        # period or a figure in them is, in the store and on entry alike.
        raise ValueError(msg("store_timestamp_foreign_digits", text=text))
    if _CANONICAL_TS.match(raw):
        # The right shape is not enough: 2020-02-30 or 25:00 would be stored as typed and
        # break every date computed from it later (timing, --as-of). Read in C and written
        # back, it must come out as it went in (an import's 300,000 distinct stamps: a
        # tenth of the time of reading its numbers in Python).
        try:
            real = datetime.fromisoformat(raw[:-1]).isoformat() == raw[:-1]
        except ValueError:
            real = False
        if not real:
            raise ValueError(_not_real(raw, text))
        return raw
    fraction = _FRACTION.search(raw)
    if fraction is not None and fraction.group(2).strip("0"):
        # Kept to the second, as the store writes it: a fraction was dropped in silence,
        # and two moments within one second would tie (the later one no longer in force).
        # A day that does not exist is said first: "write 2026-02-29T10:00:00Z" sent the
        # reader to a moment refused in turn (thirty-third session).
        fixed = raw[: fraction.end(1)] + raw[fraction.end() :]
        raise ValueError(no_such_moment(fixed, text) or msg("small_timestamp_fraction", text=text, fixed=fixed))
    if (other := another_spelling(text)) is not None:
        # 20260430 or 2026-W18-4, which Python reads: the store's one spelling, on entry and
        # in the store alike (thirty-third session, pass L).
        raise ValueError(other)
    if raw[-1:] == "z":  # RFC 3339 (5.6) allows "z" for "Z", as Python takes "t" for "T"
        raw = raw[:-1] + "Z"
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        from .days_typed import past_the_last_year

        if past_the_last_year(raw):
            raise ValueError(msg("store_timestamp_after_last_year", text=text)) from None
        shape = _DATE_TIME_SHAPE.match(raw)
        if shape is not None and not _is_real(shape.group(0)):
            raise ValueError(_not_real(shape.group(0), text)) from None
        raise ValueError(
            _slashed_date(raw, text, zone is None) or clock_misspelt(raw, text, zone is None) or no_moment(text, zone)
        ) from None
    if abs(own := moment.utcoffset() or timedelta(0)) > _WIDEST:  # +14:30 was kept (fortieth session)
        minutes = int(abs(own).total_seconds()) // 60
        said = f"{'-' if own < timedelta(0) else '+'}{minutes // 60:02d}:{minutes % 60:02d}"
        raise ValueError(msg("store_timestamp_offset_out_of_range", text=text, offset=said))
    if moment.tzinfo is None:
        if _is_bare_date(raw):
            # Any spelling of a date alone (2024-04-02, 20240402) is the same documented
            # midnight UTC, the typed day in every store and, east of Greenwich, in the
            # zone too; west of it, the zone's own midnight (05:00 UTC at -05:00), so that
            # the day is the one typed in both calendars, as every "recorded" day and
            # --as-of count it in the plan's zone (thirty-ninth session).
            offset = zone.utcoffset(None) if zone is not None else None
            west = offset is not None and offset.total_seconds() < 0
            moment = moment.replace(tzinfo=zone if west else timezone.utc)
        elif zone is not None:
            moment = moment.replace(tzinfo=zone)
        else:
            raise ValueError(msg("store_timestamp_no_zone", text=text))
    try:
        return utc_text(moment.astimezone(timezone.utc))
    except OverflowError:
        # 0001-01-01T00:00:00+07:00 is a real moment in year 0 in UTC, which no store holds
        # (it was told "not a real date"; thirty-fourth session); 9999-12-31T23:00:00-01:00
        # one in year 10000.
        key = "store_timestamp_before_first" if moment.year == 1 else "store_timestamp_after_last"
        raise ValueError(msg(key, text=text)) from None


def given_once(text: object, tz: object) -> Message | None:
    """What is wrong with a moment given once for many rows (``--recorded-at`` with
    ``--from``, ``RowDefaults.recorded_at``), in the words one figure's is told, or None:
    said once, of the option, where each row was told it at its line as if the file were
    wrong (thirty-third session). A time with no zone passes here: the plan's
    ``timezone:``, read later, may give it one, and the rows say it if none does."""
    from ..method.timing import parse_zone

    if not isinstance(text, str) or not text.strip():
        return None  # none given (each row's own, or now), or a caller's wrong type, said apart
    try:
        zone = parse_zone(tz) if isinstance(tz, str) and tz else timezone.utc
    except ValueError:
        return None  # --tz's own refusal says it
    try:
        recorded_at(text, zone)
    except ValueError as exc:
        told: Message = exc.args[0]
        return told
    return None


# --- source and note (new rows) -------------------------------------------------------

_TEXT_MESSAGES = {
    "source": (
        "recording_source_lines",
        "recording_source_control",
        "recording_source_noncharacter",
        "recording_source_too_long",
        "recording_source_not_utf8",
    ),
    "note": (
        "recording_note_lines",
        "recording_note_control",
        "recording_note_noncharacter",
        "recording_note_too_long",
        "recording_note_not_utf8",
    ),
}


# Control characters but the tab and the line breaks (said first, with their own words),
# C1 too (U+009B is CSI in one character, as targets.yaml and the terminal tables take
# it), and lone surrogates. check's `control` asks the same of the stored rows.
CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


# Pure, and asked of every cell of an import: remembered, within a bound (issue 17).
@lru_cache(maxsize=1 << 14)
def text_problem(text: str, column: Literal["source", "note"]) -> Message | None:
    """Why a new row's source or note cannot be written, or None.

    One sentence per column (a source and a note are not glued into a shared sentence).
    Rows already in the store are not held to it: the readers keep what a person wrote.
    """
    lines, control, noncharacter, too_long, not_utf8 = _TEXT_MESSAGES[column]
    if "\n" in text or "\r" in text:
        return msg(lines)
    found = CONTROL_IN_TEXT.search(text)  # a regular expression: an import checks every row's source
    bad = found.group() if found else None
    if bad is not None:
        # A NUL would make the whole file look binary to every later read.
        return msg(control, code=f"U+{ord(bad):04X}")
    if (odd := first_noncharacter(text)) is not None:
        # No text, and a Word report cannot hold it (issue 17, nineteenth session).
        return msg(noncharacter, code=f"{ord(odd):04X}")
    if len(text) > MAX_TEXT:
        return msg(too_long, length=len(text), limit=MAX_TEXT)
    if _SURROGATE.search(text):
        # Bytes that were not UTF-8 on the command line arrive as lone surrogates.
        return msg(not_utf8)
    return None


# Pure, and asked of every cell of an import: remembered, within a bound (issue 17).
@lru_cache(maxsize=1 << 14)
def written_text(text: str) -> str:
    """A new row's source or note as it is stored: trimmed, NFC, and a text a spreadsheet
    would run as a formula (=HYPERLINK(...), @SUM, -cmd|...) behind a leading apostrophe
    (the store is the file people double-click)."""
    return neutralise_formula(nfc(text.strip()))


# The stored texts this command put a formula's apostrophe before, for cli.recorded to
# count among the rows added: a text given with it (the observations CSV qntrack wrote,
# imported back) is stored as it came, and is not said (issue 17, twenty-sixth session).
# None: nobody counts (a library call).
NEUTRALISED: ContextVar[set[str] | None] = ContextVar("neutralised", default=None)


def given_text(text: str) -> str:
    """``written_text`` of a new row's source or note as given, noting in ``NEUTRALISED``
    a text given without the apostrophe it is stored behind."""
    written = written_text(text)
    if written[:1] == "'" and (seen := NEUTRALISED.get()) is not None and text.strip()[:1] != "'":
        seen.add(written)
    return written


# --- indicator ------------------------------------------------------------------------


# An "unknown indicator" message lists a province's indicators (up to 30); of a national
# plan's, the first 10 and the count.
_LISTED, _FIRST = 30, 10


def ids_by_name(plan: Plan) -> dict[str, str]:
    """The plan's indicator ids by name in either language, as ``fold`` writes it; a name
    two indicators share is left out (it names neither). Loose (diacritics dropped), as
    it only tells what to write; an import reads a name as its id only when it matches
    as units do (``indicator_names.names_of``). Asked of every row an import names
    wrongly: worked out once a plan (``last_plan``)."""
    return _IDS_BY_NAME(plan)


def _ids_by_name(plan: Plan) -> dict[str, str]:
    table: dict[str, str] = {}
    shared: set[str] = set()
    for ind in plan.indicators.values():
        for name in {fold(ind.name.en), fold(ind.name.vi)} - {""}:
            if table.setdefault(name, ind.id) != ind.id:
                shared.add(name)
    return {k: v for k, v in table.items() if k not in shared}


_IDS_BY_NAME = LastPlan(_ids_by_name)
# The indicator of each of the plan's targets, by the target's id: an import of many rows
# naming a target asks for every row.
_indicators_of_targets = LastPlan(lambda plan: {t.id: t.indicator for t in plan.targets})


def indicator(plan: Plan, text: str, hints: Callable[[str], str | None] | None = None) -> Indicator:
    """The plan's indicator a new row is for; ``ValueError`` naming the closest id when the
    plan has none of that name (``hints``: how it is found, e.g. a batch's suggest.Hints;
    default: closest). (A derived one is found too: the entry path refuses it with its
    formula, and goes on checking the row against it.)"""
    found = plan.indicators.get(text.strip())
    if found is None:
        named = ids_by_name(plan).get(fold(text))
        if named:
            # A yearbook's rows name their indicators: the id is what to write instead.
            raise ValueError(msg("recording_indicator_by_name", indicator=text, id=named))
        # A target's id where its indicator's is wanted (fdi-plan-2025 for fdi): said so,
        # as history and observations --indicator say it (issue 17, twenty-second session).
        of_target = _indicators_of_targets(plan).get(text.strip())
        if of_target is not None:
            raise ValueError(msg("cli_target_not_indicator", given=text.strip(), indicator=of_target))
        if is_total(text):  # a yearbook's total line ('Tong so') under its parts: no indicator guessed
            raise ValueError(msg("recording_indicator_total_row", indicator=shown(text.strip())))
        # Echoed with a character no one sees written as its code (invisible.py): typed as
        # is, it reordered the message on a terminal (issue 17, review of the 19th session).
        echoed = shown(text)
        from .name_words import named_by_words  # a table's own words for a name (twenty-ninth session)

        if (told := named_by_words(plan, text, echoed)) is not None:
            raise ValueError(told)
        hint = hints(text.strip()) if hints is not None else closest(text.strip(), plan.indicators)
        if hint:
            raise ValueError(msg("recording_unknown_indicator_hint", indicator=echoed, hint=hint))
        if len(plan.indicators) > _LISTED:
            # A national plan's 10,000 ids would make one line of 70,000 characters for
            # every mistyped row: the first few, the count, and where to read them all.
            first = ", ".join(list(plan.indicators)[:_FIRST])
            raise ValueError(
                msg(
                    "recording_unknown_indicator_many",
                    indicator=echoed,
                    count=Figure(len(plan.indicators)),
                    known=first,
                )
            )
        if plan.indicators:
            raise ValueError(msg("recording_unknown_indicator", indicator=echoed, known=", ".join(plan.indicators)))
        raise ValueError(msg("recording_unknown_indicator_none", indicator=echoed))
    return found
