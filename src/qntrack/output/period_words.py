"""A period as a document's reader writes it: "H1 2026" (and its Vietnamese form, the first six
months of 2026 as GSO releases write them: catalog/vi.toml).

Data keeps the code (``2026-H1``: JSON, CSV, the workbook's columns, the terminal's
tables, whatever a user types back into a command); a document written for people (the
Markdown, HTML, Word and PDF reports, the sentences of ``show``) speaks the period in its
language (docs/decisions.md, "Periods in words in documents"). The words are the
catalog's (``period_words_*`` in catalog/en.toml and vi.toml); ``plan.periods.period_words`` picks the one
for a span.

The helpers the terminal and the documents share (summary.py, narrative.py, the kinds'
views) write a period through ``period_text``: the code, unless the document being made
asked for words (``in_words``), so that the status table a cache keeps and the report
made from the same assessment each write the period their reader needs.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, Callable, Iterator, TypeVar

from ..plan.periods import Period, period_words

__all__ = [
    "in_words",
    "legend_period",
    "period_range",
    "periods_in_words",
    "period_text",
    "period_words",
    "span_ends",
    "speaks_periods",
]

_IN_WORDS: ContextVar[bool] = ContextVar("periods_in_words", default=False)

F = TypeVar("F", bound=Callable[..., Any])


def period_text(period: Period | str | None, lang: str, short: bool = False) -> str:
    """The period as the output being made writes it: in words inside ``in_words`` (a
    document for people), else its code. ``None`` is "" (nothing to name)."""
    if period is None:
        return ""
    if not _IN_WORDS.get():
        return str(period)
    return period_words(period, lang, short)


def legend_period(period: Period, lang: str) -> str:
    """The period as a legend line under a table writes it: a year as its code ("GRDP
    growth 2023"), a part of a year as ``period_text`` does ("Q1 2024" in a document,
    "2024-Q1" in the terminal). The revisions' lines (summary.revision_note) and the
    withdrawals' beside them (withdrawn.withdrawal_note) alike: a document's legend wrote
    "February 2026" above "2026-03" (forty-fourth session, pass H)."""
    return str(period) if period.is_year else period_text(period, lang)


def periods_in_words() -> bool:
    """Whether the output being made writes periods in words (``in_words``)."""
    return _IN_WORDS.get()


@contextmanager
def in_words() -> Iterator[None]:
    """Periods written by ``period_text`` are in words until the block ends."""
    token = _IN_WORDS.set(True)
    try:
        yield
    finally:
        _IN_WORDS.reset(token)


def speaks_periods(fn: F) -> F:
    """``fn`` makes a document for people: every period it writes is in words."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with in_words():
            return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def span_ends(start: Period, end: Period, lang: str) -> tuple[str, str]:
    """The two ends of a span of periods, as ``period_range`` writes them."""
    if start.is_year and end.is_year:
        return str(start), str(end)
    first, last = period_text(start, lang), period_text(end, lang)
    year = f" {start.year}"
    if lang == "en" and start.year == end.year and first.endswith(year) and last.endswith(year):
        first = first[: -len(year)]  # "January–June 2026": English writes a shared year once
    return first, last


def period_range(start: Period, end: Period, lang: str) -> str:
    """A span of periods, first–last: a span of years as GSO writes one, "2021–2025" (the
    span of a resolution), in every output; a span of other periods with
    each end as ``period_text`` writes it ("Q1 2025–Q4 2025" in a document). A span of one
    period is that period ("2026", never "2026–2026": a plan's target for one year)."""
    if start == end:
        return str(start) if start.is_year else period_text(start, lang)
    first, last = span_ends(start, end, lang)
    return f"{first}–{last}"
