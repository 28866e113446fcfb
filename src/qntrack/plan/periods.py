"""Reporting periods: years, halves, quarters, months and first-N-months spans.

Vietnamese statistical reporting uses all of these (methodology section 3): a year
``2023``, a half ``2023-H1`` (the first six months), a quarter ``2023-Q2`` (the second quarter), a
month ``2023-04`` and a year-to-date span ``2023-9M`` (nine months). Every period is a
span of whole months inside one calendar year, so one small value type covers them all.

A span that has two names gets one canonical name: ``2023-6M`` is ``2023-H1``,
``2023-3M`` is ``2023-Q1``, ``2023-1M`` is ``2023-01`` and ``2023-12M`` is ``2023``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

__all__ = [
    "Frequency",
    "Period",
    "PeriodError",
    "parse_period",
    "words_kind",
    "period_words",
]

# re.ASCII: without it \d also matches Arabic-Indic, full-width and other digits, which
# int() then reads, so a year typed in another script would be stored as if it were 2024.
_PATTERN = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<half>[Hh][12])|(?P<quarter>[Qq][1-4])|(?P<month>\d{2})|(?P<months>\d{1,2})[Mm]))?$",
    re.ASCII,
)
# A half or a quarter in the canonical form with a number no year has (2025-Q5, 2025-H3):
# told which, rather than "not a period" (issue 17, nineteenth session).
_NO_SUCH = re.compile(r"^(?P<year>\d{4})-(?:[Hh](?P<half>\d{1,2})|[Qq](?P<quarter>\d{1,2}))$", re.ASCII)


class PeriodError(ValueError):
    """Raised for text that is not a period; the message lists the valid forms.

    ``args[0]`` (also ``.message``) is a messages.Message, shown in the user's language by
    whoever reports it; ``str(exc)`` is the English text.
    """

    @property
    def message(self):  # -> Message
        return self.args[0]


def _error(message_id: str, **params: object) -> PeriodError:
    """A PeriodError carrying its Message (built only here, on the error path: parse_period is hot)."""
    from ..catalog import msg

    return PeriodError(msg(message_id, **params, valid=msg("periods_valid_forms")))


class Frequency(str, Enum):
    """How finely an indicator is published; a period is valid for it if built of its units."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"

    @property
    def months(self) -> int:
        return _MONTHS_OF[self.value]


# Made once: asked for every row an import checks against its indicator's frequency.
_MONTHS_OF = {"year": 12, "half": 6, "quarter": 3, "month": 1}


@dataclass(frozen=True, slots=True, order=False)
class Period:
    """A span of whole months, ``first``..``last`` (1-12), within ``year``."""

    year: int
    first: int = 1
    last: int = 12
    # Derived once at construction: the assessment reads these for every observation of
    # every target (a million reads on a national plan), where properties cost a call.
    months: int = field(init=False, repr=False, compare=False)
    is_year: bool = field(init=False, repr=False, compare=False)
    sort_key: int = field(init=False, repr=False, compare=False)
    # How the period is written (``__str__``): a table or JSON document of a national
    # store writes it for each of a million rows, which share a few hundred periods.
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "months", self.last - self.first + 1)
        setattr_(self, "is_year", self.first == 1 and self.last == 12)
        # Ordering: by where the span ends, then the longer span first: (year, last, first)
        # packed in one int (months take 4 bits), which hashes and compares faster than the
        # tuple in the dictionaries and sorts of a million observations (series.in_force).
        setattr_(self, "sort_key", (self.year * 16 + self.last) * 16 + self.first)
        setattr_(self, "text", _written(self.year, self.first, self.last))

    # --- what kind of span this is -------------------------------------------------

    def fits(self, frequency: Frequency) -> bool:
        """Whether the span is made of whole units of ``frequency`` (2023-9M fits quarters)."""
        unit = frequency.months
        return (self.first - 1) % unit == 0 and self.last % unit == 0

    # --- ordering: ``sort_key`` ------------------------------------------------------
    def __lt__(self, other: Period) -> bool:
        return self.sort_key < other.sort_key

    def __le__(self, other: Period) -> bool:
        return self.sort_key <= other.sort_key

    def __gt__(self, other: Period) -> bool:
        return self.sort_key > other.sort_key

    def __ge__(self, other: Period) -> bool:
        return self.sort_key >= other.sort_key

    @property
    def end(self) -> float:
        """Position of the span's end on a continuous time axis, in years.

        ``2023`` ends at 2023.0, ``2023-H1`` at 2022.5: the same convention for every
        kind, so the distance between two year periods is a whole number of years.
        """
        return self.year - 1 + self.last / 12

    def same_span_previous_year(self) -> Period:
        """The same period one year earlier: the months offices compare against."""
        previous = _PREVIOUS.get(self.sort_key)
        if previous is None:
            previous = _PREVIOUS[self.sort_key] = Period(self.year - 1, self.first, self.last)
        return previous

    # --- text ------------------------------------------------------------------------
    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Period('{self}')"


def _written(year: int, first: int, last: int) -> str:
    """A span's text: 2023, 2023-H1, 2023-Q3, 2023-07, or 2023-9M for the first nine months."""
    months = last - first + 1
    if months == 12:
        return f"{year}"
    if months == 6 and first in (1, 7):
        return f"{year}-H{1 if first == 1 else 2}"
    if months == 3 and (first - 1) % 3 == 0:
        return f"{year}-Q{(first - 1) // 3 + 1}"
    if months == 1:
        return f"{year}-{first:02d}"
    return f"{year}-{last}M"


_PREVIOUS: dict[int, Period] = {}  # asked for once per observation by plan targets


# A '?' after a letter ('Qu? I', 'th?ng'): a Vietnamese letter a program could not write
# (files/garbled.py); in a period no '?' is typed, so a word's last letter counts too.
_LOST_LETTER = re.compile(r"[^\W\d_]\?")


@lru_cache(maxsize=65536)
def parse_period(text: str) -> Period:
    """Parse a period written in any of the accepted forms; raise PeriodError otherwise.

    Cached: a store of a million rows repeats a few hundred distinct period strings.
    """
    raw = text.strip()
    m = _PATTERN.match(raw)
    if not m:
        wrong = _NO_SUCH.match(raw)
        if wrong and int(wrong["year"]) >= 1000:
            if wrong["quarter"] and not 1 <= int(wrong["quarter"]) <= 4:
                raise _error("periods_no_such_quarter", text=text, quarter=wrong["quarter"])
            if wrong["half"] and not 1 <= int(wrong["half"]) <= 2:
                raise _error("periods_no_such_half", text=text, half=wrong["half"])
        if _LOST_LETTER.search(raw):
            # 'Qu? I/2026': a letter a program could not write (twentieth session), said so.
            raise _error("periods_lost_letters", text=text)
        # An empty cell said as one: "'' is not a period" quoted nothing.
        raise _error("periods_empty" if not raw else "periods_not_a_period", text=text)
    year = int(m["year"])
    if year < 1000:
        # Four digits, but not a year anyone records: say the range rather than the form.
        raise _error("periods_year_out_of_range", text=text, year=year)
    if m["half"]:
        first = 1 if m["half"][1] == "1" else 7
        return Period(year, first, first + 5)
    if m["quarter"]:
        q = int(m["quarter"][1])
        return Period(year, 3 * q - 2, 3 * q)
    if m["month"]:
        month = int(m["month"])
        if not 1 <= month <= 12:
            raise _error("periods_no_such_month", text=text, month=month)
        return Period(year, month, month)
    if m["months"]:
        n = int(m["months"])
        if not 1 <= n <= 12:
            raise _error("periods_months_out_of_range", text=text)
        return Period(year, 1, n)
    return Period(year)


def words_kind(p: Period) -> str | None:
    """The kind of span of the catalog's ``period_words_*`` key (``half_1``, ``quarter_3``, ``month_3``, ``first_9``)."""
    months = p.last - p.first + 1
    if months == 12:
        return "year"
    if months == 6 and p.first in (1, 7):
        return "half_1" if p.first == 1 else "half_2"
    if months == 3 and (p.first - 1) % 3 == 0:
        return f"quarter_{(p.first - 1) // 3 + 1}"
    if months == 1:
        return f"month_{p.first}"
    if p.first == 1:
        return f"first_{p.last}"
    return None


def period_words(period: Period | str, lang: str, short: bool = False) -> str:
    """``period`` in the words of ``lang``: a year, a half, a quarter, a month or the first
    N months of a year. ``short`` gives a chart's label ("Q3 2025"; the Vietnamese "6T/2026"). A
    span of no such kind (none is parsed here) keeps its code. Here, beside ``words_kind``,
    so that the reading of a typed period (files.typed_periods) offers the words too."""
    from ..catalog import catalog

    p = parse_period(period) if isinstance(period, str) else period
    key = words_kind(p)
    if key is None:
        return p.text
    words = catalog(lang) if lang in ("en", "vi") else catalog("en")
    template = words.get(f"period_words_{key}_short" if short else f"period_words_{key}")
    if template is None:  # a short form the catalog does not give: the long one
        template = words.get(f"period_words_{key}") or catalog("en")[f"period_words_{key}"]
    return template.format(year=p.year)
