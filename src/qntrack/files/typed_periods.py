"""A period as a person types it, read once for the command line and for the library
(issue 17, twenty-third session): ``add-observation``, ``retract`` and ``history`` read
their PERIOD here, and so do ``record_many`` and ``retract`` of a Python caller
(files.caller_rows). Two readings had given one typed text two answers: digits other than
0-9, a span with no year ('H1', a quarter's name) and a status before or after a period
were refused by the command line in words of their own and met "not a period" from the
library.

The names offices write (files.vocabulary) are read as in an import; what is refused is
returned as a Message, for each caller to say in its own way (an exit, a Problem).
"""

from __future__ import annotations

from dataclasses import replace

from ..catalog import Message, msg

__all__ = ["no_year", "typed_period"]


def typed_period(text: str, recording: bool) -> tuple[str, Message | None]:
    """The store's period for ``text`` (the text itself when it is no office's name: the
    plan's rule then judges it), and why it is refused, or None. ``recording``: the figure
    has a status of its own to give (add-observation, record_many), so a status typed with
    the period is told as ``--status``; else (retract, history) the period alone."""
    from .vocabulary import foreign_digits, vietnamese_period

    text = text.strip()  # ' H1 ' quoted as 'H1' by every command and by the library alike
    period = vietnamese_period(text) or text
    if (told := _status_with(period, recording)) is not None:
        return period, told
    if foreign_digits(period):
        return period, msg("cli_period_foreign_digits", period=period)
    return period, no_year(period)


def no_year(period: str) -> Message | None:
    """Why ``period`` ('H1', '6T', a quarter's name: a span of no year) is refused, told how
    to write it with this year; None for any other text. Typed (``typed_period``) or a cell
    of an imported file (files.import_tables, files.workbook_cells: the last review of the
    twenty-third session), one text is told alike."""
    from .vocabulary import ROMAN_QUARTERS, with_a_year

    from .workspace import this_year

    year = this_year()  # the plan's, in its zone
    if (example := with_a_year(period, year)) is not None:
        # Vietnamese offers the words a report writes (its quarter I/2026), read too;
        # English the words typed with the year after them (H1 2026).
        from ..plan.periods import period_words

        words = period_words(example, "vi")
        return msg("cli_period_no_year", period=period, example=example, year=year, words=words)
    n = ROMAN_QUARTERS.get(period.strip().lower())
    if n is not None:
        # 'II' alone, as a period column headed by its quarter holds it (twenty-ninth
        # session): a quarter (quy II) or a month (thang II), and no year either way.
        from ..plan.periods import period_words

        quarter = f"{year}-Q{n}"
        words = period_words(quarter, "vi")
        return msg("cli_period_roman_no_year", period=period, quarter=quarter, month=f"{year}-{n:02d}", words=words)
    return None


def _status_with(text: str, recording: bool) -> Message | None:
    """For a period typed with a status before it, as a yearbook heads a column (the
    estimate of the first quarter of 2025; observations-format.md: read in a wide table's
    heading), what to write: the period alone, and when ``recording`` the status as
    --status (issue 17, twentieth session). None for any other text."""
    from ..plan.periods import PeriodError, parse_period
    from .import_headers import status_after_period, status_before_period

    try:
        parse_period(text)
        return None
    except PeriodError:
        pass
    # Or after it, as an officer notes it in a cell, folded (twenty-third session).
    found, said = status_before_period(text), "with"
    if found is None:
        found, said = status_after_period(text), "ends_with"
    if found is None:
        return _flag_with(text, recording)
    status, code = found
    key = f"cli_period_{said}_status_{status}" if recording else f"cli_period_{said}_status"
    return msg(key, period=text, code=code)


def _flag_with(text: str, recording: bool) -> Message | None:
    """For a period typed with a statistics table's flag of a status after it ('2024 (p)',
    copied from a Eurostat or OECD table), what to write: the period alone, and when
    ``recording`` the status as --status, the command line's place for it, where a file's
    is its status column (twenty-eighth session). None for any other text."""
    from .status_flags import status_flag
    from .plan_marks import plan_period

    if (planned := plan_period(text)) is not None:  # 'KH 2025': a plan, typed (twenty-ninth session)
        return replace(msg("periods_plan", text=text, code=planned), wording="periods_plan_typed")
    flag = status_flag(text)
    if flag is None:
        return None
    key = f"cli_period_ends_with_flag_{flag[0]}" if recording else "cli_period_ends_with_flag"
    return msg(key, period=text, flag=flag[1], code=flag[2])
