"""The message for a period finer than its indicator is published (a month of a quarterly
indicator): what the period is, in words, and the period of the indicator's frequency
that holds it, 2025-04 being April 2025, a month, held by 2025-Q2 (issue 17, twentieth
session: the rule's code alone, "period 2025-04 is finer than ...", left the reader of
an import's "04/2025" to work out both)."""

from __future__ import annotations

from typing import Any

from ..catalog import Message, msg
from ..plan.periods import Frequency, Period

__all__ = ["finer_period", "finer_than_published", "frequency_key", "stored_finer", "target_finer"]


def finer_period(
    period: Period, indicator: str, frequency: Frequency, typed: str | None = None, amount: bool = False
) -> Message:
    """``typed``: the period as the user typed it; when it is not the period's code
    ("04/2025" for 2025-04) it is quoted, with what it was read as (issue 17, twenty-first
    session: the code alone left the reader to find which cell was meant). ``amount``: the
    indicator adds up over time (a flow, a balance), so the period's figure is a part of
    the holding period's, never its figure: the holder is not offered as the period to
    write, and the frequency that records the part is (twenty-ninth session: a half year's
    budget revenue was told to be written as the year's, which the year's plan judged)."""
    unit = frequency.months
    said: Message | Period = period
    if typed is not None and typed.strip() != str(period):
        said = msg("recording_period_read_as", typed=typed.strip(), period=period)
    holder = Period(period.year, (period.first - 1) // unit * unit + 1, -(-period.last // unit) * unit)
    key = "recording_finer_period_year" if frequency is Frequency.YEAR else "recording_finer_period"
    extra: dict[str, Message] = {}
    if amount:
        key = "recording_finer_period_amount"
        # The coarsest frequency the period is made of: a half year's, half; 2026-5M's, month.
        fitting = next(f for f in (Frequency.HALF, Frequency.QUARTER, Frequency.MONTH) if period.fits(f))
        extra["finer"] = frequency_key(fitting)
    return msg(
        key,
        **extra,
        period=said,
        indicator=indicator,
        frequency=frequency_key(frequency),
        words=_words(period),
        span=msg(f"period_span_{_span(period)}"),
        needed=msg(f"period_span_{frequency.value}"),
        noun=msg(f"period_noun_{frequency.value}"),
        example=holder,
        example_words=_words(holder),
    )


def frequency_key(frequency: Frequency) -> Message:
    """An indicator's frequency quoted in a sentence: targets.yaml's key as typed
    ("frequency: quarter", what the officer edits), and in Vietnamese what it means
    before it, "every quarter" (issue 17, twenty-sixth session)."""
    return msg(f"frequency_key_{frequency.value}")


def stored_finer(period: Period, indicator: str, frequency: Frequency) -> Message:
    """`check`'s words for a stored row finer than its indicator's frequency."""
    return msg("checks_frequency", period=period, id=indicator, frequency=frequency_key(frequency))


def target_finer(what: object, key: str, period: Period, indicator: str, frequency: Frequency) -> Message:
    """targets.yaml's words for a target's period (a plan's ``period``, a span's ``from``)
    finer than its indicator is published: no figure could ever be recorded for it, so the
    target would wait for one for ever (forty-third session, helper N: ``period: 2024-Q2``
    on a yearly indicator passed ``check``, then stayed "not available" with "deadlines
    passed, figure awaited: 2024-Q2"). The example is the indicator's period that holds
    it; the other way out is the coarsest frequency the period is made of."""
    unit = frequency.months
    holder = Period(period.year, (period.first - 1) // unit * unit + 1, -(-period.last // unit) * unit)
    fitting = next(f for f in (Frequency.HALF, Frequency.QUARTER, Frequency.MONTH) if period.fits(f))
    return msg(
        "definitions_period_finer",
        what=what,
        key=key,
        period=period,
        words=_words(period),
        span=msg(f"period_span_{_span(period)}"),
        indicator=indicator,
        frequency=frequency_key(frequency),
        example=holder,
        finer=frequency_key(fitting),
    )


def finer_than_published(reader: Any, keys: Any, what: object, target: Any, indicator: Any) -> None:
    """Say at its line a plan's period, or a span's (its 'from' and 'to' are of one
    length), that no figure of the indicator can be recorded for: finer than its frequency
    (a quarter of a yearly indicator); a unit's override alike. A derived indicator's
    figures are its inputs' periods, never recorded."""
    if indicator.formula is not None:
        return
    for key, field in (("period", "period"), ("from", "start")):
        period = getattr(target, field, None)
        if key in keys and isinstance(period, Period) and not period.fits(indicator.frequency):
            reader.error(keys[key][1], target_finer(what, key, period, indicator.id, indicator.frequency))
            return


def _span(p: Period) -> str:
    months = p.last - p.first + 1
    if months in (12, 6, 3, 1) and (p.first - 1) % months == 0:
        return {12: "year", 6: "half", 3: "quarter", 1: "month"}[months]
    return "months"


def _words(p: Period) -> Message | str:
    """``p`` in the words of the reader's language (the catalog's ``period_words_*``)."""
    from ..plan.periods import words_kind

    kind = words_kind(p)
    return msg(f"period_words_{kind}", year=p.year) if kind is not None else str(p)
