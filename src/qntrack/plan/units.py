"""Breakdowns (issue 14): the dimensions a figure may be broken down by, their units, and
how a unit's figures are named in the store.

A figure broken down by locality is stored under its indicator and its dimension values,
``grdp_growth[locality=Ha Long]`` (several dimensions: ``x[locality=Ha Long;sex=female]``).
The store's columns stay what they were: an existing store, and every program that reads
one, keeps working, and each unit is a series of its own, so vintages, ``--as-of``,
``history`` and ``check`` work per unit with no rule of their own (docs/decisions.md,
"Breakdowns in the store").

Pure and typed: no I/O, no clock. May import ``qntrack.catalog`` (messages).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Mapping

from .periods import Period

if TYPE_CHECKING:
    from ..catalog import Message
    from .model import Location, Text

__all__ = [
    "open_spellings",
    "Dims",
    "Unit",
    "Dimension",
    "FORBIDDEN",
    "MAX_UNIT",
    "fold",
    "unmarked",
    "unit_match",
    "unit_text",
    "unit_key",
    "split_key",
    "base_of",
    "dims_text",
    "listed_name",
    "names_listed",
    "units_listed",
    "period_start",
    "period_end",
    "outside",
    "units_outside",
    "units_of_that_time",
    "unit_lifetime",
]

# A unit's dimension values, in the order its indicator declares its dimensions.
Dims = tuple[tuple[str, str], ...]

# Characters that write a key (``x[k=v;k2=v2]``): never inside a dimension id or value.
FORBIDDEN = "[];="
# The longest unit name: a key of a few units stays within the 2000 characters an
# import's cell may hold (files/rules.MAX_TEXT), so `observations --format csv` imports
# back; the longest Vietnamese commune names are under 50.
MAX_UNIT = 200


@dataclass(frozen=True, slots=True)
class Unit:
    """One value of a dimension (a locality): its name and, when it has them, the dates it
    existed between and the units it was formed from (Vietnam's 2025 reorganisation)."""

    value: str
    since: date | None = None
    until: date | None = None
    predecessors: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False)
    # The unit's name in other languages (``names: {fr: Femmes}``, issue 16), by
    # language code: a Vietnamese report names the unit in Vietnamese.
    names: tuple[tuple[str, str], ...] = ()
    # The code that places the unit on a map (``geocode: '48'``): Open SDG's GeoCode column,
    # which its maps join a region by (docs/formats.md); "" when it has none.
    geocode: str = ""
    # The unit's code in an SDMX-CSV message (``code: '195'``, files/sdmx_codes.py); "" when none.
    code: str = ""

    def name_in(self, lang: str) -> str:
        return dict(self.names).get(lang, self.value) if self.names else self.value


@dataclass(frozen=True, slots=True)
class Dimension:
    """A dimension declared at the top of targets.yaml (``dimensions: locality: ...``).

    ``values`` None: any value is accepted (an open list, say sex or age group typed as
    published); otherwise only these units, matched however they are typed (``unit_match``).
    """

    id: str
    name: Text
    values: tuple[Unit, ...] | None = None
    location: Location | None = field(default=None, compare=False)
    # The units by ``unit_match`` of their names, made once: a province's communes are
    # looked up for every override and store key, a scan of them each time was quadratic.
    by_match: dict[str, Unit] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        from .model import ReadOnlyDict  # model imports this module

        by_match: dict[str, Unit] = {}
        for unit in self.values or ():
            by_match.setdefault(unit_match(unit.value), unit)
        # A unit's name in another language (``names: {fr: Femmes}``) names it too: an office's
        # table in its own words is read as the declared unit and stored as declared. A
        # declared value wins; a name two units share names neither (pass N, session 31).
        others: dict[str, set[str]] = {}
        for unit in self.values or ():
            for _, name in unit.names:
                others.setdefault(unit_match(name), set()).add(unit.value)
        for unit in self.values or ():
            for _, name in unit.names:
                key = unit_match(name)
                if len(others[key]) == 1:
                    by_match.setdefault(key, unit)
        # Read-only, as the plan's own mappings: a parsed plan is shared by every caller of
        # the process, and a notebook's ``by_match.clear()`` left every later reading of a
        # unit's name to fail (thirty-fifth session).
        object.__setattr__(self, "by_match", ReadOnlyDict(by_match))

    def unit(self, text: str) -> Unit | None:
        """The declared unit ``text`` names, or None (an open dimension has none)."""
        if self.values is None:
            return None
        return self.by_match.get(unit_match(text))


# A pure function of the text, asked once per cell of an import (300,000 rows name a few
# thousand units): remembered, within a bound.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case, no diacritics, single spaces: 'Uoc  Tinh' written with its marks and
    'uoc tinh' read alike, the d with a stroke a plain d, as a keyboard without Vietnamese
    types it. The importer's words (files.vocabulary) and a unit typed with the word for its
    kind of place (plan.unit_resolution) are read by it."""
    return " ".join(unmarked(text).lower().split())


def unmarked(text: str) -> str:
    """``text``'s letters without their marks, the d with a stroke a plain d (it has no
    decomposition: a letter of its own, read as d), case and spaces as written: what
    ``fold`` is made of, for a reader that must keep case (a legend's text measured,
    output.chart_legend) or reads it after (an SDMX-CSV dataflow id, files.sdmx_csv)."""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return bare.replace("\u0111", "d").replace("\u0110", "D")


def unit_match(text: str) -> str:
    """What makes two spellings one unit: NFC, spaces collapsed, case ignored ("ha  long"
    is Ha Long), as a group's name is matched (method.groups.group_key), where a
    syllable's tone mark sits (``_tone_last``), and a decimal digit of any script as the
    digit it is (``_digits``)."""
    cleaned = unit_text(text)
    return cleaned.casefold() if cleaned.isascii() else _tone_last(_digits(cleaned)).casefold()


# A decimal digit that is not ASCII's: full-width ('２', as a Japanese or Vietnamese IME in
# full-width mode types it), Arabic-Indic, Devanagari... (Unicode's Nd, what str.isdecimal reads).
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def _digits(text: str) -> str:
    """``text`` with each decimal digit of another script written as its ASCII digit:
    '２０２０' is the unit 2020 (forty-second session: "not a unit; valid: 2020, 2030").
    A figure that is no digit (a superscript '²', a circled '①') stays as typed."""
    return _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m[0])), text)


# Vietnamese tone marks, as combining characters: grave, acute, tilde, hook above, dot below.
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _tone_last(text: str) -> str:
    """``text`` decomposed, each syllable's tone mark moved to the syllable's end: the old
    and the new placement ("hoa" with the grave on the a, or on the o; "thuy" with the
    hook on the y, or on the u) are one name, as offices write both. A syllable carries
    one tone, so where it sits never tells two names apart; the vowel marks (circumflex,
    breve, horn) stay where they are."""
    out: list[str] = []
    tone = ""
    for ch in unicodedata.normalize("NFD", text):
        if ch in _TONES:
            tone += ch
        elif ch.isalpha() or unicodedata.category(ch).startswith("M"):
            out.append(ch)
        else:
            out.append(tone + ch)
            tone = ""
    out.append(tone)
    return "".join(out)


def unit_text(text: str) -> str:
    """A unit's name as typed, cleaned: NFC, invisible format characters dropped (a
    zero-width space, a byte order mark, a direction mark: they come with a cell copied
    from a web page or a spreadsheet and no one means them), spaces collapsed."""
    text = unicodedata.normalize("NFC", text)
    if not text.isascii():
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return " ".join(text.split())


def unit_key(indicator: str, dims: Dims) -> str:
    """The store's name of a unit's series: the indicator alone for the total."""
    if not dims:
        return indicator
    return indicator + "[" + ";".join(f"{k}={v}" for k, v in dims) + "]"


# A pure function of the text, asked of each unit's key several times by a cold status
# (its canonical name, its dates, each figure written out: 28,000 calls for 9,700 keys).
@lru_cache(maxsize=1 << 16)
def split_key(text: str) -> tuple[str, Dims] | None:
    """The indicator and dimension values of a store key, as written; None when the key is
    malformed (an unclosed bracket, a part without '=', a dimension given twice)."""
    if "[" not in text and "]" not in text:
        return text, ()
    base, bracket, inner = text.partition("[")
    if not bracket or not inner.endswith("]") or "[" in inner or "]" in inner[:-1]:
        return None
    parts: list[tuple[str, str]] = []
    for part in inner[:-1].split(";"):
        key, eq, value = part.partition("=")
        key, value = key.strip(), unit_text(value)
        if not eq or not key or not value or any(k == key for k, _ in parts):
            return None
        parts.append((key, value))
    return base.strip(), tuple(parts)


def base_of(text: str) -> str:
    """The indicator a store key is a figure of (``grdp_growth[locality=Ha Long]``: grdp_growth)."""
    return text.partition("[")[0].strip() if "[" in text else text


def dims_text(dims: Dims) -> str:
    """``locality=Ha Long, sex=female``: a unit named in a message or a table cell; a name
    holding a comma quoted (``province="Ba Ria, Vung Tau", sex=female``), as a list of
    units writes it (``listed_name``), else it reads as three units (forty-third session)."""
    return ", ".join(f"{k}={listed_name(v)}" for k, v in dims)


# What separates or brackets the items of a list in a message (``valid: A, B (its other
# name), C``): a name holding one is quoted there, so that "Ba Ria, Vung Tau" is one unit.
_LIST_MARKS = frozenset(',()"')


def listed_name(name: str) -> str:
    """``name`` as an item of a list in a message: bare, or in double quotes when it holds a
    comma, a parenthesis or a double quote (doubled inside, as a CSV cell writes it), which
    would make the list read as other items (issue 17, forty-second session, pass L)."""
    if _LIST_MARKS.isdisjoint(name):
        return name
    return '"' + name.replace('"', '""') + '"'


def names_listed(names: Iterable[str], most: int | None = None) -> str:
    """Names joined by ", ", each as ``listed_name`` writes it; past ``most``, ", ..."."""
    shown = list(names)
    cut = shown if most is None else shown[:most]
    return ", ".join(listed_name(n) for n in cut) + (", ..." if len(cut) < len(shown) else "")


def units_listed(units: Iterable[Dims], most: int | None = None) -> str:
    """Units named ``dimension=value``, their values as ``listed_name`` writes them; a unit of
    several dimensions (``province=North, sex=female``) is set apart by "; " (never in a
    value: ``FORBIDDEN``), a unit of one by ", "."""
    shown = list(units)
    cut = shown if most is None else shown[:most]
    sep = "; " if any(len(u) > 1 for u in cut) else ", "
    text = sep.join(", ".join(f"{k}={listed_name(v)}" for k, v in u) for u in cut)
    return text + (f"{sep}..." if len(cut) < len(shown) else "")


def period_start(period: Period) -> date:
    return date(period.year, period.first, 1)


def period_end(period: Period) -> date:
    import calendar  # here, not at the top: every command loads this module, few need it

    return date(period.year, period.last, calendar.monthrange(period.year, period.last)[1])


def outside(unit: Unit, period: Period) -> bool:
    """Whether ``period`` lies wholly outside the dates the unit existed between: a figure
    for it cannot be the unit's (``check`` refuses it). A period the unit's dates cut
    through (2025 for a district ended on 30 June 2025) is the unit's for its part."""
    return outside_days(unit, period_start(period), period_end(period))


def outside_days(unit: Unit, first: date, last: date) -> bool:
    """``outside`` for the days from ``first`` to ``last``: the unit ended before them
    or began after them (a span target's years, from its first period to its last)."""
    if unit.until is not None and first > unit.until:
        return True
    return unit.since is not None and last < unit.since


def unit_lifetime(unit: Unit) -> Message:
    """When ``unit`` existed, as a message about a figure or an override of another time
    says it: "existed from 2020-01-01 to 2021-12-31", or the one day it has, "exists from
    2025-07-01 on", "existed until 2025-06-30" (catalog/vi.toml says them too). An open
    end was written "to …", in both languages, read as a day left out (forty-fourth
    session, pass V)."""
    from ..catalog import Day, msg

    since = Day(unit.since.isoformat()) if unit.since else None
    until = Day(unit.until.isoformat()) if unit.until else None
    if since is not None and until is not None:
        return msg("recording_unit_lifetime", since=since, until=until)
    if since is not None:
        return msg("recording_unit_lifetime_since", since=since)
    return msg("recording_unit_lifetime_until", until=until if until is not None else "…")


def units_outside(dimensions: Mapping[str, Dimension], dims: Dims, period: Period) -> list[Unit]:
    """The declared units among ``dims`` that did not exist in ``period`` (``outside``):
    a figure for the period cannot be theirs."""
    return units_outside_days(dimensions, dims, period_start(period), period_end(period))


def units_outside_days(dimensions: Mapping[str, Dimension], dims: Dims, first: date, last: date) -> list[Unit]:
    """``units_outside`` for the days from ``first`` to ``last`` (``outside_days``)."""
    out = []
    for dim_id, value in dims:
        dimension = dimensions.get(dim_id)
        unit = dimension.unit(value) if dimension is not None else None
        if unit is not None and outside_days(unit, first, last):
            out.append(unit)
    return out


def units_dated(dimensions: Mapping[str, Dimension], dims: Dims) -> bool:
    """Whether a declared unit among ``dims`` has a first or a last day: without one,
    ``units_outside_days`` finds none for any days (``outside_days``)."""
    for dim_id, value in dims:
        dimension = dimensions.get(dim_id)
        unit = dimension.unit(value) if dimension is not None else None
        if unit is not None and (unit.since is not None or unit.until is not None):
            return True
    return False


def units_of_that_time(dimensions: Mapping[str, Dimension], dims: Dims, unit: Unit, period: Period) -> list[str]:
    """The units a figure for ``period`` belongs to instead of ``unit``, which did not exist
    then: after its end, the units formed ``from`` it (Vinh Phuc's 2026 figure is Phu
    Tho's); before its start, the units it was formed from (the new Tuyen Quang's 2024
    figure is Ha Giang's and the old Tuyen Quang's). Followed through later or earlier
    changes to the units that existed in the period; in the dimension's order; [] when
    targets.yaml names none (a unit ended with no successor declared)."""
    first, last = period_start(period), period_end(period)
    dimension = next((d for d_id, v in dims if (d := dimensions.get(d_id)) is not None and d.unit(v) is unit), None)
    if dimension is None or not dimension.values:
        return []
    after = unit.until is not None and first > unit.until
    formed: dict[str, list[Unit]] = {}  # by predecessor: the units formed from it
    if after:
        for u in dimension.values:
            for before in u.predecessors:
                formed.setdefault(unit_match(before), []).append(u)
    found: set[str] = set()
    seen = {unit_match(unit.value)}
    todo = [unit]
    while todo:
        current = todo.pop()
        step = formed.get(unit_match(current.value), []) if after else [dimension.unit(b) for b in current.predecessors]
        for nxt in step:
            if nxt is None or unit_match(nxt.value) in seen:
                continue
            seen.add(unit_match(nxt.value))
            if outside_days(nxt, first, last):
                todo.append(nxt)  # it too did not exist then: look one change further
            else:
                found.add(unit_match(nxt.value))
    return [u.value for u in dimension.values if unit_match(u.value) in found]


def open_spellings(keys: Iterable[str], dimensions: Mapping[str, Dimension]) -> dict[str, tuple[str, str, str, str]]:
    """Each store key in ``keys`` (the keys as the plan names them, in the order their units
    are first met) whose unit of an open dimension (one that lists no units) is spelt
    otherwise than the first key naming the same unit: to ``(key, dimension, as typed, as
    first spelt)``, the key written in the first spelling. Names ``unit_match`` makes one
    ("Ha Long", "ha long", "HA  LONG") are one unit, as a declared unit's are, kept in one
    spelling (thirty-sixth session): an import took them as one, ``record_many`` and the
    store as two. A unit is one within its indicator (a key's part before "[")."""
    first: dict[tuple[str, str, str], str] = {}
    out: dict[str, tuple[str, str, str, str]] = {}
    for key in keys:
        split = split_key(key) if "[" in key else None
        if split is None:
            continue
        base, dims = split
        spelt: list[tuple[str, str]] = []
        changed: tuple[str, str, str] | None = None
        for dim_id, value in dims:
            dimension = dimensions.get(dim_id)
            if dimension is not None and dimension.values is None:
                held = first.setdefault((base, dim_id, unit_match(value)), value)
                if held != value:
                    changed = changed or (dim_id, value, held)
                    value = held
            spelt.append((dim_id, value))
        if changed is not None:
            out[key] = (unit_key(base, tuple(spelt)), *changed)
    return out
