"""Why a period cell or a typed PERIOD that ``parse_period`` refuses was refused, in words
that lead to the fix: a quarter or a month out of its range, a status or a table's flag
written with the period, a Roman numeral that is a quarter or a month, a period in words
where codes are kept, a near form (Q1/26), a month as Excel shows it, a month's last day
(30/06/2026). Moved out of files/rules.py (issue 17, twenty-ninth session), which had
reached its 500 lines; ``rules.period`` asks it only on the refusal path. Pure."""

from __future__ import annotations

from ..catalog import Message, msg
from .status_flags import flag_problem
from .spans_out_of_range import no_such_span
from .vocabulary import ambiguous_period

__all__ = ["refusal"]


def refusal(text: str) -> Message | None:
    """What to say of ``text``, which is no period; None to keep ``parse_period``'s words."""
    wrong = no_such_span(text)
    if wrong is not None:
        kind, number = wrong
        valid = msg("periods_valid_forms")
        if kind == "months" and _names_a_day(text):
            # "31 thang nam 2025": 31 May, no 31 months; told as "31 thang 5 nam 2025" is, the
            # periods ending on it, else the plain words (thirty-seventh session, pass F).
            ending = _ending_in_words(text)
            return msg("periods_day", text=text, periods=", ".join(ending)) if ending else None
        if kind == "months":
            # As parse_period says 2025-13M (its message names no number).
            return msg("periods_months_out_of_range", text=text, valid=valid)
        return msg(f"periods_no_such_{kind}", text=text, valid=valid, **{kind: number})
    from .month_words import LUNAR_MONTH, quarter_past_fourth
    from .vocabulary import fold

    # "quy nam nam 2026" (folded): the fifth quarter in words, told that a year has four and
    # the codes to write, as "quy 5/2026" is told its number (thirty-eighth session: "not a period").
    if (year := quarter_past_fourth(fold(text))) is not None:
        return msg("periods_no_such_quarter_words", text=text, year=year)

    # "gieng", "chap" (folded): the lunar calendar's first and last months, told so as --as-of tells
    # them (thirty-seventh session), never a solar month guessed.
    if LUNAR_MONTH.search(fold(text)):
        return msg("periods_lunar_month", text=text, valid=msg("periods_valid_forms"))
    from .import_headers import status_after_period, status_before_period

    # A status before or after a period in a period cell ("Uoc quy 1/2025", "quy
    # I/2026 (uoc)", folded): the period alone, the status in its column.
    if (told := status_before_period(text)) is not None:
        return msg(f"periods_with_status_{told[0]}", text=text, code=told[1])
    if (told := status_after_period(text)) is not None:
        return msg(f"periods_ends_with_status_{told[0]}", text=text, code=told[1])
    if (flagged := flag_problem(text)) is not None:  # '2024 (p)': a flag, no footnote mark
        return flagged
    if (both := ambiguous_period(text)) is not None:  # I/2026: a quarter, or January?
        return msg("periods_ambiguous_roman", text=text, quarter=both[0], month=both[1])
    from .vocabulary import vietnamese_period

    # A period in the words add-observation reads ("quy I/2026" with its marks),
    # written by hand where codes are kept (observations.csv): told its code.
    if (code := vietnamese_period(text)) is not None and code != text.strip():
        return msg("periods_in_words", text=text, code=code)
    from .near_periods import near_period

    if (near := near_period(text)) is not None:  # Q1/26, 2026-5, V/2026: the form to write
        return msg(near[0], text=text, valid=msg("periods_valid_forms"), **near[1])
    if (moment := _moment(text)) is not None:
        return moment
    from .excel_periods import excel_date

    # Thg3-26, Mar-26: a month as Excel shows it, copied from its cell (an import's
    # cell is told so before this reading).
    if any(c.isalpha() for c in text) and (guess := excel_date(text)):
        return msg("periods_excel_date", text=text, guess=guess, valid=msg("periods_valid_forms"))
    from .period_days import periods_ending

    # 30/06/2026 typed, as the office heads a report's figures "up to" a day (twenty-ninth
    # session): the periods ending on it. An import's cell is told so before this reading,
    # with its indicator's frequency and Excel's part in it (import_headers).
    if (ending := periods_ending(text) or _ending_in_words(text)) is not None:
        return msg("periods_day", text=text, periods=", ".join(ending))
    return None


def _moment(text: str) -> Message | None:
    """A day with a time of day (``2025-12-31T12:00:00``, a notebook's datetime written by
    ``isoformat``; ``2025-06-30 17:30`` pasted): midnight on a month's first day is the month
    Excel shows as a date (pandas reads it so), any other moment is told what it is and the
    periods ending on its day. It was told "a month as Excel shows a date" for the ``T``, or
    the generic words (thirty-fifth session)."""
    from datetime import datetime

    typed = text.strip()
    if len(typed) <= 10:  # a day alone is ``periods_day``'s
        return None
    try:
        moment = datetime.fromisoformat(typed)
    except ValueError:
        return None
    if moment.tzinfo is None and moment.time() == moment.min.time() and moment.day == 1:
        guess = f"{moment.year:04d}-{moment.month:02d}"
        return msg("periods_excel_date", text=text, guess=guess, valid=msg("periods_valid_forms"))
    from .period_days import periods_ending

    ending = periods_ending(moment.date().isoformat())
    if ending is not None:
        return msg("periods_moment_day", text=text, periods=", ".join(ending))
    return msg("periods_moment", text=text, valid=msg("periods_valid_forms"))


def _ending_in_words(text: str) -> list[str] | None:
    """The periods ending on a month's last day written in words ("ngay 30 thang tu nam
    2026", as ``days_typed.words_day`` reads it), as ``periods_ending`` gives a day in digits
    (thirty-seventh session: it met "not a period"); None for any other text."""
    from .days_typed import words_day
    from .period_days import periods_ending

    said = words_day(text)
    if said is None:
        return None
    year, month, day = said
    return periods_ending(f"{year}-{int(month):02d}-{int(day):02d}")


def _names_a_day(text: str) -> bool:
    """Whether ``text`` is a day of the calendar in words ("31 thang nam 2025", folded:
    "nam" the month Nam, May, as ``days_typed.words_day`` reads it)."""
    from datetime import date

    from .days_typed import words_day

    said = words_day(text)
    if said is None:
        return False
    try:
        date(int(said[0]), int(said[1]), int(said[2]))
    except ValueError:
        return False
    return True
