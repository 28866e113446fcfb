"""Arguments typed in the wrong order (issue 17, thirtieth session): ``history 2022-H1
grdp_growth``, ``add-observation grdp_growth 11.2 2026-H1``. Each was refused for what
the words are in the places they stand ("'grdp_growth' is not a period", "'2026-H1' is
not a number"), never for their order; now one refusal names the order and the command
to type. Told only where the words as typed would be refused anyway (the word in the
period's place reads as no period), so a plan whose indicator is named like a period
loses nothing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalog import Message

__all__ = ["swapped"]

# A figure as add-observation reads one: a decimal point or comma, a minus of either kind.
_FIGURE = re.compile(r"[+\-\u2212]?\d+(?:[.,]\d+)?")


def _period(text: str) -> bool:
    """Whether ``text`` reads as a period, as the commands read one."""
    from ..files.typed_periods import typed_period
    from ..plan.periods import PeriodError, parse_period

    read, refused = typed_period(text, False)
    if refused is not None:
        return False
    try:
        parse_period(read)
    except (PeriodError, ValueError):
        return False
    return True


def swapped(command: str, indicator: str, period: str, value: str | None = None) -> Message | None:
    """The refusal of INDICATOR PERIOD [VALUE] typed in another order, with the command in
    the right one; None when the period's place holds a period (or the words are none of
    the swaps), for the command's own checks to judge."""
    from ..catalog import msg
    from ..files.figure_units import shell_word

    if not indicator or not period or _period(period):
        return None
    rest = [] if value is None else [value]
    # Each word as the shell reads it back: a period typed with a space, unquoted, is two.
    if _period(indicator) and not _FIGURE.fullmatch(period.strip()):
        words = _exchanged(indicator, period) or [command, period, indicator, *rest]
        fixed = " ".join(["qntrack", *map(shell_word, words)])
        return msg("cli_arguments_swapped", first=indicator, second=period, fixed=fixed)
    if value is not None and _FIGURE.fullmatch(period.strip()) and _period(value):
        words = _exchanged(period, value) or [command, indicator, value, period]
        fixed = " ".join(["qntrack", *map(shell_word, words)])
        return msg("cli_value_and_period_swapped", value=period, period=value, fixed=fixed)
    return None


def _exchanged(one: str, other: str) -> list[str] | None:
    """The command line as typed (``quoting.typed_words``: the words the group kept),
    ``one`` and ``other`` exchanged: the command told to type keeps the line's options, where
    the three words alone, copied as given, recorded a figure without the --status and
    --source typed with it (thirtieth session). None when either word is not there once."""
    from .quoting import typed_words

    words = typed_words()
    if words.count(one) != 1 or words.count(other) != 1:
        return None
    i, j = words.index(one), words.index(other)
    words[i], words[j] = other, one
    return words
