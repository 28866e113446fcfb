"""Messages for people, named rather than spelled: the words live in the catalog files.

A problem or a confirmation is built as ``msg("totals", errors=1, warnings=0)``: a message id and
its values. The words come from ``catalog/en.toml`` and ``catalog/vi.toml`` when the message
is shown, in the language the user chose (``--lang`` or ``QNTRACK_LANG``), so a translator
reviews one file per language and the code never holds a sentence of either.

Machine output (``check --format json``) carries the id as ``code`` and the English text,
which stays the language-neutral contract (docs/json.md).

Pure: reading the two small catalog files that ship inside the package is the only I/O,
done once and only when a message is actually shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = [
    "Message",
    "Figure",
    "Count",
    "Day",
    "Moment",
    "DayMoment",
    "Worded",
    "msg",
    "render",
    "catalog",
    "said",
    "language_of",
    "argv_language",
]


@dataclass(frozen=True, slots=True)
class Message:
    """A message id with its values (kept as sorted pairs so that a Message is hashable)."""

    id: str
    params: tuple[tuple[str, str | Message | Figure | Count | Day | Worded], ...] = ()
    # The catalog's key of the words, when they are another than ``id``'s: the same
    # refusal (its key, which a program tests) said to a Python caller rather than to the
    # command line (files/library_arguments.library_worded).
    wording: str = ""

    def text(self, lang: str = "en") -> str:
        return render(self, lang)

    def __str__(self) -> str:
        return render(self, "en")


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure echoed in a message, written as the reader writes numbers: in full, as the
    store holds it (1.234, 28778), with a decimal comma in Vietnamese (1,234), where a dot
    would read as a thousands separator (1.234 is one thousand two hundred and
    thirty-four to a Vietnamese reader)."""

    value: float

    def text(self, lang: str) -> str:
        # Any float: the size test first, since int() of inf fails and of 1e300 builds a
        # 300-digit integer; an infinite ratio (1e300 against 1e-300) reads as ∞.
        if self.value != self.value:
            # In memory a retraction's value is NaN (docs/decisions.md): a message that
            # echoes a row's figure says what the row is rather than "NaN".
            return catalog(lang)["label_retracted"]
        if abs(self.value) == float("inf"):
            shown = "-∞" if self.value < 0 else "∞"
        elif abs(self.value) < 1e15 and self.value == int(self.value):
            shown = str(int(self.value))
        else:
            shown = repr(self.value)
            if "e" in shown and 1e-30 < abs(self.value) < 1:
                # A small figure in full, as a reader writes it and types it back (1e-07
                # read as a code, and '1,5e-07' in Vietnamese is refused as a figure);
                # from 1e15 up the exponent stays, as tables write it (i18n.number), and
                # below 1e-30 too (no one types thirty zeros).
                from decimal import Decimal  # only here: the catalog loads on every run

                shown = format(Decimal(shown), "f")
            elif "e" not in shown and shown.endswith(".0"):
                # From 1e15 to 1e16 repr writes a whole float as "1000000000000000.0":
                # its trailing zeros as an exponent, as from 1e16 up and as tables write
                # it (1e+15, 1.5e+15), other digits as typed (1234567890123456).
                from decimal import Decimal

                shown = str(Decimal(shown).normalize()).lower()
        return _grouped(shown) if lang == "vi" else shown


def _grouped(shown: str) -> str:
    """A figure written in full ("2877.8") as the Vietnamese tables write it: a decimal
    comma and its thousands grouped by dots, "2.877,8" (output.i18n.number's rule), which
    add-observation under vi reads back as the figure. One with its exponent keeps it
    ("1,5e+15"); below a thousand there is nothing to group (issue 17, eighteenth session)."""
    whole, dot, decimals = shown.partition(".")
    if "e" not in shown and whole.lstrip("-").isdigit():
        sign = "-" if whole.startswith("-") else ""
        whole = sign + f"{int(whole.lstrip('-')):,}".replace(",", ".")
    return whole + ("," if dot else "") + decimals


@dataclass(frozen=True, slots=True)
class Count:
    """A count a message tells of (rows, characters, bytes, targets), written as the tables
    write their figures: grouped from a thousand up, by dots in Vietnamese ("2.001 characters",
    issue 17, nineteenth session), by commas in English ("2,001 characters", forty-first
    session: it was "2001" beside the tables' "10,000"). A year, a line or a column is no
    count and is never one; a figure echoed as stored (``Figure``) stays as typed in English."""

    value: int

    def text(self, lang: str) -> str:
        return _grouped(str(self.value)) if lang == "vi" else f"{self.value:,}"


# The names under which messages are given counts (en.toml's and vi.toml's placeholders):
# an int given under one of them is a Count. A name not listed (a year, {line}, {column},
# {index}, {position}, a figure's {number}, an option's {item}) is written as given. The
# figures an export wrote, those gone from a repository and the charts a report wrote are
# counts too (issue 17, review of the nineteenth session); so are a breakdown's units judged
# and absent, an import's rows left out, cells, days and months (forty-first session): a
# name whose value is text elsewhere ({found}, {expected}) is a count only where it is an int.
_COUNT_KEYS = frozenset(
    (
        "absent achieved added bytes charts count days empty errors expected figures found gone "
        "indicators judged known length limit limit_bytes months more moved n pages passed recent "
        "renamed repeated respelled rows size skipped targets total unchanged units warnings width"
    ).split()
)


@dataclass(frozen=True, slots=True)
class Day:
    """A day a message tells of that qntrack worked out (a period's last day, the day a
    figure was due, today), written as the reader writes dates: ISO 2025-01-05 in English,
    05/01/2025 in Vietnamese, as reports and terminal tables write them. ``iso`` is the
    day in ISO form (YYYY-MM-DD); what a user typed is echoed as typed, not as a Day."""

    iso: str

    def text(self, lang: str) -> str:
        # output.i18n.date_text's rule; the catalog imports nothing of qntrack's.
        iso = self.iso[:10]
        if lang != "vi" or len(iso) != 10 or iso[4] != "-" or iso[7] != "-":
            return iso
        return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"


class Moment(Day):
    """A stored moment (a figure's recorded_at) a confirmation tells of: ISO as stored, in
    both languages, the form the store holds and a reader searches it for (Vietnamese wrote
    "05/04/2024 00:00:00Z" until issue 17's twenty-third session; output.i18n.timestamp_text)."""

    __slots__ = ()

    def text(self, lang: str) -> str:
        return self.iso


class DayMoment(Day):
    """A stored moment an ``--as-of`` notice tells of beside the day it judges by: ISO in
    English; in Vietnamese its time in UTC, then its day as the sentence's other days are
    written (the catalog's ``moment_beside_days``: the time, seconds only when not 00). The ISO moment
    beside the notice's day month year read as two calendars in one sentence (thirty-sixth session).
    A moment in a plan's zone (``2025-07-03T00:00:00+07:00``: the notice's day ends there,
    thirty-ninth session) is its time and day there, with the zone (``moment_in_zone``). A
    moment of any other form is written as stored."""

    __slots__ = ()

    def text(self, lang: str) -> str:
        iso = self.iso
        zoned = len(iso) == 25 and iso[10] == "T" and iso[19] in "+-"
        if not zoned and (len(iso) != 20 or iso[10] != "T" or iso[19] != "Z"):
            return iso
        clock = iso[11:19]
        clock = clock[:5] if clock.endswith(":00") else clock
        key = "moment_in_zone" if zoned else "moment_beside_days"
        return catalog(lang)[key].format(iso=iso, clock=clock, day=Day(iso[:10]).text(lang), offset=iso[19:])


@dataclass(frozen=True, slots=True)
class Worded:
    """Words of the user's own (a unit targets.yaml declares as {en: ..., vi: ...}) a
    message tells of, in the language it is read in: the Vietnamese words where given,
    else the English ones. For a message made before its language is known (an import's
    problems, said once the command ends)."""

    en: str
    vi: str = ""

    def text(self, lang: str) -> str:
        return (self.vi or self.en) if lang == "vi" else self.en


def msg(message_id: str, **params: Any) -> Message:
    """A message to show later; values are turned into text now, as the caller means them.

    A value that is itself a Message (a "did you mean" hint, what a failed step was doing)
    is kept as one and shown in the same language as the message around it.

    A span's two ends, given as ``start`` and ``end``, are also its ``{span}``: "2021–2025",
    and a span of one period that period alone ("2026", never "2026–2026": a ministry's
    plan for one year; issue 17, twenty-sixth session)."""
    if "start" in params and "end" in params and "span" not in params:
        start, end = str(params["start"]), str(params["end"])
        params["span"] = start if start == end else f"{start}–{end}"
    return Message(message_id, tuple(sorted((k, _shown(k, v)) for k, v in params.items())))


# A value a message quotes ({text}, {raw}: what the user wrote) longer than this is shown
# by its start and end: a 5,000-digit number made a message of 5,000 characters.
_LONGEST_QUOTED = 200


def _shown(key: str, value: Any) -> Any:
    if isinstance(value, (Message, Figure, Count, Day, Worded)):
        return value
    if type(value) is int and key in _COUNT_KEYS:
        return Count(value)
    text = str(value)
    if len(text) > _LONGEST_QUOTED and key in ("text", "raw"):
        return Message(
            "message_value_clipped", (("end", text[-10:]), ("length", Count(len(text))), ("start", text[:40]))
        )
    return text


# A catalog line that holds a message: ``key = "words"``, as the translator writes it
# (compiled when a catalog is first read, not when every command imports this module).
_ENTRY = r"^[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*(.*)$"


def _flat(text: str) -> dict[str, str]:
    """The whole file parsed, its sections flattened: ``[section] key`` becomes ``key``."""
    import tomllib

    flat: dict[str, str] = {}
    for key, value in tomllib.loads(text).items():
        if isinstance(value, dict):
            flat.update(value)
        else:
            flat[key] = value
    return flat


class Messages(Mapping[str, str]):
    """One language's catalog, each message read from its own line when it is first asked for.

    Parsing the whole file (some 1,700 messages) took 12-18 ms, a tenth of a command that
    prints one confirmation (issue 17, twenty-seventh session); a command shows a few dozen
    messages at most. The lines are found once, and tomllib reads the one line asked for,
    so every value is what the whole file's parse gives (tests/test_catalog_lookup.py). A
    file this reading cannot vouch for, a value on several lines or a line that is neither
    a message, a section nor a comment, is parsed whole as before.
    """

    __slots__ = ("_lines", "_read")

    def __init__(self, text: str) -> None:
        self._read: dict[str, str] = {}
        self._lines: dict[str, str] = {}
        entries = {m.group(1): m.group(2) for m in re.finditer(_ENTRY, text, re.MULTILINE)}
        others = sum(1 for line in text.splitlines() if (s := line.strip()) and s[0] not in "#[")
        if '"""' in text or "'''" in text or others != len(entries):
            self._read = _flat(text)
        else:
            self._lines = entries

    def __getitem__(self, key: str) -> str:
        found = self._read.get(key)
        if found is None:
            import tomllib

            line = self._lines[key]  # KeyError, as a dict's, for a message not there
            found = self._read[key] = tomllib.loads("v = " + line)["v"]
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._read or key in self._lines

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines or self._read)

    def __len__(self) -> int:
        return len(self._lines or self._read)


@lru_cache(maxsize=4)
def catalog(lang: str) -> Mapping[str, str]:
    """The catalog of one language, flattened: ``[section] key`` becomes ``key``.

    Sections only group messages for the translator; ids are unique across sections
    (tests/test_messages.py checks it).
    """
    from pathlib import Path

    if lang not in ("en", "vi"):
        return {}  # a language qntrack does not speak: its messages in English (render)
    # Beside this module (package data): importlib.resources would cost ~10 ms of imports
    # on every command that prints a label.
    return Messages((Path(__file__).parent / f"{lang}.toml").read_text(encoding="utf-8"))


class _Keep(dict):
    """Leaves an unknown ``{name}`` as it is rather than failing on a translator's typo."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(message: Message | str, lang: str = "en") -> str:
    """The message in ``lang``; English where that language has no entry; plain text as is."""
    if isinstance(message, str):
        return message
    if lang not in ("en", "vi"):  # "VI", vi_VN.UTF-8 as an error's text reads them (language_of)
        lang = language_of(lang) or "en"
    key = message.wording or message.id
    template = catalog(lang).get(key) if lang != "en" else None
    if template is None:
        template = catalog("en").get(key, message.id)
    return template.format_map(
        _Keep(
            (k, v.text(lang) if isinstance(v, (Figure, Count, Day, Worded)) else render(v, lang))
            for k, v in message.params
        )
    )


def said(exc: BaseException) -> Message | str:
    """What an exception tells the user: the Message it carries (as ``.message`` or its
    first argument), else its text. A problem raised in one module (a PeriodError, a
    ValueError of the store) is so shown in the user's language by another, while
    ``str(exc)`` stays the English text."""
    carried = getattr(exc, "message", None)
    if isinstance(carried, Message):
        return carried
    if exc.args and isinstance(exc.args[0], Message):
        return exc.args[0]
    return str(exc)


def language_of(value: str) -> str | None:
    """The language QNTRACK_LANG names, in any case and with spaces around ('VI' -> 'vi'),
    or a locale's name copied from LANG (vi_VN.UTF-8, vi-VN, vi_VN@euro): its language
    part, if qntrack speaks it; None for any other (issue 17, twentieth session: decision
    g2 kept English for vi_VN.UTF-8, which a Vietnamese user means as Vietnamese). Not
    text (a caller's ``os.environ.get("QNTRACK_LANG")`` unset, None): no language."""
    if not isinstance(value, str):
        return None
    chosen = value.strip().lower()
    if chosen in ("en", "vi"):
        return chosen
    import re

    found = re.fullmatch(r"([a-z]{2,3})(?:[_-][a-z0-9]+)?(?:\.[a-z0-9-]+)?(?:@[a-z0-9]+)?", chosen)
    return found[1] if found and found[1] in ("en", "vi") else None


def environment_language() -> str | None:
    """The language the environment asks for: QNTRACK_LANG's (``language_of``) when it is
    set, else Vietnamese when the locale is (the first of LC_ALL, LC_MESSAGES and LANG
    set, as gettext reads them: ``vi_VN.UTF-8``), else None, English. A Vietnamese
    system's user reads Vietnamese unasked; any other locale (``C.UTF-8``, ``fr_FR``) is
    English, said nothing of, as it is no choice made for qntrack (issue 17, session 36).
    ``LANGUAGE`` (``fr:vi:en``) is read first, as gettext reads it: the first language in
    it that qntrack speaks, English when it names none; not read under the C or POSIX
    locale (none set is C). Words only: a figure's reading is never the locale's."""
    import os

    raw = os.environ.get("QNTRACK_LANG") or ""
    if raw.strip():
        return language_of(raw)
    locale = next((v for n in ("LC_ALL", "LC_MESSAGES", "LANG") if (v := (os.environ.get(n) or "").strip())), "")
    if locale.split(".")[0] in ("", "C", "POSIX"):
        return None  # the C locale speaks no language, and gettext reads no LANGUAGE under it
    listed = [part for part in (os.environ.get("LANGUAGE") or "").split(":") if part.strip()]
    if listed:  # gettext's list replaces the locale's language: its first qntrack speaks
        first = next((language_of(part) for part in listed if language_of(part) is not None), None)
        return "vi" if first == "vi" else None
    return "vi" if language_of(locale) == "vi" else None


def argv_language(args: list[str] | None = None) -> str:
    """The language of messages as a command line asks it, for a message said before or
    without Typer's reading of it (a command stopped while it loads, a line Click could not
    read): the last --lang naming en or vi (in any case; a command's own comes after a
    global one and wins, as when the line reads), else QNTRACK_LANG (a locale's name too:
    vi_VN.UTF-8), else English. ``args``: sys.argv[1:] by default. Nothing after ``--`` is
    an option. The one reading of --lang before Typer's (console.py, cli/__init__.py and
    cli/usage.py asked it alike)."""
    import sys

    args = sys.argv[1:] if args is None else args
    chosen = None
    for i, arg in enumerate(args[: args.index("--") if "--" in args else None]):
        typed = arg[7:] if arg.startswith("--lang=") else args[i + 1] if arg == "--lang" and i + 1 < len(args) else None
        if typed is not None and typed.strip().lower() in ("en", "vi"):
            chosen = typed.strip().lower()
    return chosen or environment_language() or "en"
