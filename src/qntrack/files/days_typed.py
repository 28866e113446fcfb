"""What a day typed for ``--as-of`` or ``--since`` meant, when it is not YYYY-MM-DD: the
message that gives its ISO form (files.workspace.as_of_day refuses it with that message).
Moved out of files/workspace.py in issue 17's twenty-third session, which added the
Vietnamese day in words and the moment with an offset."""

from __future__ import annotations

from datetime import date, timedelta

__all__ = [
    "EXCEL_DAYS",
    "day_meant",
    "excel_day",
    "excel_moment",
    "no_such_day",
    "past_the_last_year",
    "words_day",
    "words_moment",
]

# Excel's count of days for 1 January 1990 to 31 December 2100: a date pasted as a value.
EXCEL_DAYS = (32874, 73415)


def excel_day(text: str) -> str | None:
    """The day, YYYY-MM-DD, that ``text`` names as Excel's count of days (46142:
    2026-04-30), a date column pasted as values; None for any other text, a count outside
    ``EXCEL_DAYS`` included. Day n is n days after 30 December 1899 (Excel counts a 29
    February 1900 that never was). One rule for ``--as-of`` and a recorded_at alike."""
    # Written as a decimal number with zeros alone (46142.0), as pandas writes a column of
    # counts that holds an empty cell (thirty-fourth session, pass G): the same count.
    whole, point, zeros = text.partition(".")
    if point and not (zeros and zeros.strip("0") == ""):
        return None
    if not (whole.isdigit() and whole.isascii() and EXCEL_DAYS[0] <= int(whole) <= EXCEL_DAYS[1]):
        return None
    return (date(1899, 12, 30) + timedelta(days=int(whole))).isoformat()


def excel_moment(text: str) -> tuple[str, str] | None:
    """The day, YYYY-MM-DD, and the time, HH:MM:SS, that ``text`` names as Excel's count of
    a day with its fraction (46142.5: 2026-04-30 12:00:00), how a General cell shows a date
    and time; None for any other text (a whole count is ``excel_day``'s). The time to the
    nearest second, never past the count's own day: a fraction a hair under 1 (46142.999999,
    86,399.91 s) is 23:59:59 of that day, not the next day's midnight, which the count does
    not reach (thirty-sixth session). The fraction after a point or
    a comma: Excel set to Vietnamese shows 46142,5 (pass G: the comma's got the generic
    words); five digits before it are no thousands."""
    from fractions import Fraction

    text = text.strip()
    whole, point, fraction = text.partition("." if "." in text else ",")
    if not point or not (fraction.isdigit() and fraction.isascii()) or not fraction.strip("0"):
        return None
    day = excel_day(whole)
    if day is None:
        return None
    seconds = min(round(Fraction(int(fraction), 10 ** len(fraction)) * 86400), 86399)
    return day, f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def past_the_last_year(text: str) -> bool:
    """Whether ``text`` starts with a date of a year past 9999 (``10000-01-01``, a moment
    on it): a day the store cannot hold, its years having four digits, told so rather
    than "not a date" (thirty-fifth session)."""
    import re

    found = re.match(r"([0-9]{5,})-[0-9]{1,2}-[0-9]{1,2}(?![0-9])", text.strip())
    return found is not None and int(found[1]) > 9999


def no_such_day(text: str) -> tuple[str, str, int]:
    """For a day naming no day of the calendar (2025-02-30, 2025-13-01): the year and
    month as written and the month's number of days (0: there is no such month); year
    "0000" alone (month "") for a day in a year that is none; ("", "", 0) otherwise.
    "Write YYYY-MM-DD" told the reader to do what they had done. A digit short
    (2026-2-30) is told the same, its month padded ("2026-02 has 28 days"): it got the
    generic "write YYYY-MM-DD, e.g. 2023-06-28" (issue 17, thirty-second session); a day it
    does name (2026-2-28) is left to ``day_meant``, which gives its digits."""
    import calendar
    import re

    # Year first with dashes, slashes or dots (2026/2/30); or day first with slashes or
    # dots where the first number is no month (30/02/2026, as Vietnamese tables write a
    # day), so that the order is not guessed: both told the calendar too, as their
    # well-formed days are told their ISO form (day_meant). 12/30/2026 names a day month
    # first and keeps that message. Dashes too (31-04-2026), as 30-04-2026 is read day
    # first: it was told "not a date" as if the dashes were wrong (thirty-third session).
    found = re.fullmatch(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})", text)
    parts = (found[1], found[3], found[4]) if found else None
    first = re.fullmatch(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})", text)
    if first and int(first[1]) > 12:  # a year of two digits as day_meant reads it (31/4/25)
        from .english_periods import full_year

        parts = (full_year(first[4]), first[3], first[1])
    if parts is None and (day_part := _shown_day(text)) is not None:
        return no_such_day(day_part)  # 31/4/2026 10:00: the day's month, as 31/4/2026's
    if parts is None and (words := words_moment(text)) is not None:
        parts = words[0]  # "ngay 31 thang 4 nam 2026" (folded), with a time or not: the day first
    if parts is None:
        return "", "", 0
    if parts[0] == "0000":  # no year 0 (0000-00-00, a database's date for none): said apart
        return "0000", "", 0
    year, typed_month, day = parts
    month, mm = int(typed_month), typed_month.zfill(2)
    if not 1 <= month <= 12:
        return year, mm, 0
    days = calendar.monthrange(int(year), month)[1]
    return ("", "", 0) if 1 <= int(day) <= days else (year, mm, days)


def day_meant(text: str) -> tuple[str, str, str]:
    """The message for a day not written YYYY-MM-DD, the day it names when it names one,
    and the period it names when it is one: day first (15/10/2023, as the Vietnamese
    tables write it) or with a time or a zone (2023-10-15T12:00, 2023-10-15+07:00). Still
    refused: 01/02/2024 is read two ways, and a day is one spelling everywhere; the message
    gives the ISO form of what was typed, both forms when it reads both ways (the month-first
    day then the third value)."""
    import re

    if past_the_last_year(text):
        return "cli_day_after_last", "9999-12-31", ""
    if not text.isascii():
        from .month_words import LUNAR_MONTH
        from .vocabulary import fold

        if LUNAR_MONTH.search(fold(text)):  # a lunar month's name: no day of the calendar guessed
            return "cli_not_a_date_lunar", "", ""
    words = _day_in_words(text)
    if words:
        return words
    if not text.isascii() or "thang" in text.lower():
        if (no_year := words_no_year(text)) is not None:  # the year left to write, not guessed
            return "cli_not_a_date_words_no_year", no_year, ""
    if (day_part := _shown_day(text)) is not None:
        # 30/4/2026 10:00, as Excel shows a timestamp: the day it falls in, as the day alone
        # is told its ISO form and a recorded_at so typed its moment (pass R); read two
        # ways, both days, as 03/04/2026 alone is.
        key, iso, other = day_meant(day_part)
        if key in ("cli_not_a_date_dmy", "cli_not_a_date_mdy"):
            return "cli_not_a_date_time", iso, ""
        return key, iso, other
    # A year of two digits too (5/1/25), read as Excel reads it, 00-29 the 2000s (forty-
    # seventh session: it was told another day as the example).
    found = re.fullmatch(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})", text)
    # Year first with slashes or dots (2024/12/31): the same day with hyphens, the one form
    # read (issue 17, twentieth session).
    year_first = re.fullmatch(r"([0-9]{4})([/.])([0-9]{1,2})\2([0-9]{1,2})", text)
    # The ISO order with a digit short (2026-12-6): the same day, its digits written out
    # (issue 17, thirty-second session: it was told the generic "write YYYY-MM-DD").
    short = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", text)
    try:
        if short:
            return "cli_not_a_date_padded", date(int(short[1]), int(short[2]), int(short[3])).isoformat(), ""
        if year_first:
            return (
                "cli_not_a_date_ymd",
                date(int(year_first[1]), int(year_first[3]), int(year_first[4])).isoformat(),
                "",
            )
        if found:
            day, mark, month, year = found.groups()
            from .english_periods import full_year

            year = full_year(year)
            if int(month) > 12 and int(day) <= 12:
                # 12/31/2024: no 31st month, so month first, as an American writes it.
                return "cli_not_a_date_mdy", date(int(year), int(day), int(month)).isoformat(), ""
            if int(day) <= 12 and int(day) != int(month) and mark != ".":  # 03.04.2026: day first
                # 03/04/2026: 3 April as Vietnamese and most of the world write it, 4 March
                # as an American office does (issue 17, twenty-ninth session): both named,
                # day first, since the day meant is the writer's habit, not the text's.
                month_first = date(int(year), int(day), int(month)).isoformat()
                return "cli_not_a_date_either", date(int(year), int(month), int(day)).isoformat(), month_first
            return "cli_not_a_date_dmy", date(int(year), int(month), int(day)).isoformat(), ""
        if len(text) > 10 and (text[10] in "T +Z" or re.fullmatch(r"-[0-9]{2}:?[0-9]{2}", text[10:])):
            return _moment_meant(text)
        # A month (2025-04, 4/2025): refused too, since which of its days was meant is a
        # guess; the message offers its last day as the example.
        month = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})", text) or re.fullmatch(r"([0-9]{1,2})/([0-9]{4})", text)
        if month:
            import calendar

            year, number = (month[1], month[2]) if len(month[1]) == 4 else (month[2], month[1])
            if not 1 <= int(number) <= 12:
                # 2026-13, 0/2026: told that a year has twelve months, as a fifth quarter is
                # (thirty-ninth session: "not a date" where history named month 13).
                return "cli_not_a_date_no_such_month", "", year
            last = calendar.monthrange(int(year), int(number))[1]
            return "cli_not_a_date_month", date(int(year), int(number), last).isoformat(), ""
        if (counted := excel_day(text)) is not None:
            # Excel's count of days (46142), as a recorded_at so written is told (pass L).
            return "cli_not_a_date_excel_count", counted, ""
        if (moment := excel_moment(text)) is not None:
            # With its time (46142.5), as a General cell shows a date and time: the day.
            return "cli_not_a_date_excel_moment", moment[0], " ".join(moment)
        if text[:4].isdigit() and text.isascii() and (text[4:5] != "-" or text[5:6] in ("W", "w")):
            # ISO 8601's basic form (20260430) or a week date (2026-W18-4), which Python
            # reads: the day they name (thirty-third session, pass L).
            week = "cli_not_a_date_week" if "W" in text[4:6].upper() else "cli_not_a_date_ymd"
            return week, date.fromisoformat(text).isoformat(), ""
    except ValueError:  # no such month (2025-13): the plain message
        pass
    return _period_meant(text)


def _shown_day(text: str) -> str | None:
    """The day of a timestamp as Excel shows it (30/4/2026 10:00, 4/30/2026 10:00 AM: day
    and month either way round, then a time of day, seconds and AM/PM optional), as typed;
    None for anything else, or a time past 23:59:59. The time as Vietnamese writes it too,
    20h30 or 8g30, and seconds of one digit, 8:30:5 (thirty-ninth session)."""
    import re

    found = re.fullmatch(
        r"([0-9]{1,2}([/.-])[0-9]{1,2}\2[0-9]{4})\s+([0-9]{1,2})[:hHgG]([0-9]{2})(?::([0-9]{1,2}))?(\s*[AaPp][Mm])?",
        text,
    )
    if found is None:
        return None
    hour, minute, second = int(found[3]), int(found[4]), int(found[5] or 0)
    if hour > (12 if found[6] else 23) or minute > 59 or second > 59:
        return None
    return found[1]


def words_day(text: str) -> tuple[str, str, str] | None:
    """The year, month and day, as written, of a day Vietnamese writes in words (as ``fold``
    reads them: "ngay 27 thang 11 nam 2023", "ngay 27/11/2023"; after "thang", the year
    with no "nam" too, "ngay 27 thang 11 2023", "27 thang 11, 2023": thirty-sixth session),
    whether or not the calendar has it; None for anything else."""
    import re

    from .month_words import months_as_numbers
    from .vocabulary import fold, vietnamese_period

    from .english_periods import english_day

    if (english := english_day(text)) is not None:  # "Nov 27, 2023" (forty-seventh session)
        return english
    typed = fold(text)
    if not typed.lstrip().startswith("ngay") and vietnamese_period(text) is not None:
        # "9 thang nam 2026" is the first nine months of 2026 (2026-9M), "nam" the year, as a
        # period is read; only "ngay 9 thang nam 2026" is 9 May (thirty-seventh session, pass F).
        return None
    folded = months_as_numbers(typed)
    found = re.fullmatch(
        r"(?:ngay\s*)?([0-9]{1,2})\s*(?:thang\s*|/)\s*([0-9]{1,2})(?:\s*,?\s*(?:nam|/)\s*|(?<=[0-9])(?=\s*,?\s*[0-9])(?:\s*,\s*|\s+))([0-9]{4})",
        folded,
    )
    if not found or not folded[:1].isalpha() and "thang" not in folded:
        return None
    if found[0].count("/") == 1 and "thang" not in found[0] and "nam" not in found[0]:
        return None  # "ngay 27/11 2023": a slash then a space, no words to read it by
    return found[3], found[2], found[1]


def words_no_year(text: str) -> str | None:
    """A day Vietnamese writes in words with no year of four digits ("ngay 30 thang 4",
    "ngay 5 thang 11 nam 26", folded): its month and day as ``YYYY-MM-DD`` with the year
    left to write, since which year is meant would be a guess; None for anything else."""
    import re

    from .month_words import months_as_numbers
    from .vocabulary import fold

    folded = months_as_numbers(fold(text)).strip()
    found = re.fullmatch(
        r"(?:ngay\s*)?([0-9]{1,2})\s*thang\s*([0-9]{1,2})(?:\s*,?\s*(?:nam\s*|/\s*|\s)\s*[0-9]{1,2})?", folded
    )
    if not found or not 1 <= int(found[2]) <= 12 or not 1 <= int(found[1]) <= 31:
        return None
    return f"YYYY-{int(found[2]):02d}-{int(found[1]):02d}"


# A time of day as Vietnamese writes it beside a day in words (folded: "10 gio 30 phut",
# "10h30", "luc 10:00"; "8g30", g for "gio", and seconds of one digit, "8:30:5": thirty-ninth
# session): the hour, the minute and the second. A minute of one digit only
# before "phut" ("10 gio 5 phut", five past ten): "10h5" is 10:05 or 10:50 to its writer.
_CLOCK = (
    r"(?:luc\s*)?([0-9]{1,2})\s*(?::\s*([0-9]{2})(?::([0-9]{1,2}))?"
    r"|(?:h|g|gio)\s*(?:([0-9]{2}|[0-9](?=\s*phut))\s*(?:phut)?)?)"
)


def words_moment(text: str) -> tuple[tuple[str, str, str], str] | None:
    """The day Vietnamese words name (``words_day``: year, month and day as written, real
    or not) and the time of day written before or after it, HH:MM:SS ("" for none): "ngay
    30 thang 4 nam 2026 10:00", "10 gio ngay 30/4/2026", "10h30 ngay ..." (folded). None for anything
    else, or a time past 23:59:59. One reading for a recorded_at (told its ISO moment) and
    a day typed for ``--as-of`` or ``--since`` (told the day: thirty-fourth session)."""
    import re

    lower = text.lower()
    if text.isascii() and not text[:1].isalpha() and "thang" not in lower and "ngay" not in lower:
        if not re.search("[a-z]{3}", lower):  # '27 Nov 2023' names its month in words
            return None  # no words: the common case, without importing the vocabulary
    found = words_day(text)
    if found is not None:
        return found, ""
    from .vocabulary import fold

    folded = fold(text).strip()
    after = re.fullmatch(rf"(.+?)[\s,]+{_CLOCK}", folded, re.ASCII)
    first = None if after is not None else re.fullmatch(rf"{_CLOCK}[\s,]+(.+)", folded, re.ASCII)
    if after is not None:
        day, hour, minute, second = after[1], after[2], after[3] or after[5], after[4]
    elif first is not None:
        day, hour, minute, second = first[5], first[1], first[2] or first[4], first[3]
    else:
        return None
    found = words_day(day)
    if found is None or int(hour) > 23 or int(minute or 0) > 59 or int(second or 0) > 59:
        return None
    return found, f"{int(hour):02d}:{int(minute or 0):02d}:{int(second or 0):02d}"


def _day_in_words(text: str) -> tuple[str, str, str] | None:
    """A day in words (``words_moment``): the message that gives its ISO form, as 27/11/2023
    is given it (issue 17, twenty-third session), or, with a time of day, the day it falls
    in, as a moment typed for a day is told (2026-04-30T10:00; thirty-fourth session: it
    got the generic message where a recorded_at so written was told its ISO moment); None
    for anything else, or for no day of the calendar (``no_such_day`` says why)."""
    found = words_moment(text)
    if found is None:
        return None
    (year, month, day), clock = found
    try:
        iso = date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
    return ("cli_not_a_date_time" if clock else "cli_not_a_date_words"), iso, ""


def _moment_meant(text: str) -> tuple[str, str, str]:
    """A moment typed for a day: the day it names, the day it falls in in UTC when it has
    an offset (2023-11-27T00:00:00+07:00 is 2023-11-26T17:00:00Z: the 27th took in what
    was recorded seven hours after it), with that moment in UTC as the third value."""
    from datetime import datetime, timezone

    day = date.fromisoformat(text[:10]).isoformat()
    try:
        moment = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        return "cli_not_a_date_time", day, ""
    offset = moment.utcoffset()
    if not offset:  # none, or UTC itself: the day as typed
        return "cli_not_a_date_time", day, ""
    try:
        utc = moment.astimezone(timezone.utc)
    except OverflowError:  # 0001-01-01T00:00:00+07:00: before the first day in UTC (pass L)
        return "cli_not_a_date_time", day, ""
    return (
        "cli_not_a_date_zoned",
        utc.date().isoformat(),
        f"{utc.date().isoformat()}T{utc.time().isoformat('seconds')}Z",
    )


def _period_meant(text: str) -> tuple[str, str, str]:
    """A period typed for a day (--as-of 2024, 2024-H1, a quarter as offices name it): its code and last day,
    offered as the day to write, as a month's is (issue 17, nineteenth session)."""
    from ..plan.periods import PeriodError, parse_period
    from ..plan.units import period_end
    from .vocabulary import foreign_digits, vietnamese_period

    if not text or foreign_digits(text):
        return "cli_not_a_date", "", ""
    from .near_periods import near_period

    if (near := near_period(text)) is not None and near[0] == "periods_decimal_year":
        # 2024.0, a year from a pandas column: told the year as a period typed for a day
        # is, and why it reads so (the lead's item 11, thirty-fourth session).
        year = near[1]["reading"]
        return "cli_not_a_date_decimal_year", period_end(parse_period(year)).isoformat(), year
    try:
        p = parse_period(vietnamese_period(text) or text)
        last = period_end(p)
    except (PeriodError, ValueError):
        if (its_year := _no_such_quarter(text)) is not None:
            # "quy Nam nam 2026", 2026-Q5, "quy Khong nam 2026": told that a year has four
            # quarters, as a period refusal tells them, with the last day of each (pass M2).
            return "cli_not_a_date_no_such_quarter", "", its_year
        if (its_year := _no_such_span_year(text, "half")) is not None:
            # 2026-H3, H0/2026: told that a year has two halves, with the last day of each
            # (thirty-eighth session, the lead; "not a date" where history named half 3).
            return "cli_not_a_date_no_such_half", "", its_year
        if (its_year := _no_such_span_year(text, "month")) is not None:
            # T13/2026, "thang 13 nam 2026": a month past the twelfth in the forms a period
            # is written (thirty-ninth session), told as 2026-13 is.
            return "cli_not_a_date_no_such_month", "", its_year
        return "cli_not_a_date", "", ""
    return "cli_not_a_date_period", last.isoformat(), str(p)


def _no_such_quarter(text: str) -> str | None:
    """The year of a quarter typed with a number no year has, in words ("quy Nam nam
    2026", "quy Khong/2026") or in digits (2026-Q5, "quy 5 nam 2026", Q0 2026); None for
    any other text."""
    from .month_words import quarter_past_fourth
    from .vocabulary import fold

    if (year := quarter_past_fourth(fold(text))) is not None:
        return year
    return _no_such_span_year(text, "quarter")


def _no_such_span_year(text: str, kind: str) -> str | None:
    """The year of ``text`` when it is a ``kind`` ("quarter", "half") typed with a number no
    year has (2026-Q5, H3/2027); None for any other text."""
    import re

    from .spans_out_of_range import no_such_span
    from .vocabulary import fold

    wrong = no_such_span(text)
    if wrong is None or wrong[0] != kind:
        return None
    years = re.findall(r"\d{4}", fold(text))
    return years[0] if len(years) == 1 else None
