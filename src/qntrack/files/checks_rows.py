"""`qntrack check`'s row errors: rows of the store that cannot be right, and the rows the
status table marks as suspect for it (``timing``, ``formula``, ``frequency``).

A figure recorded before its period began, a non-estimate recorded before its period
ended, a recorded_at in the future (the rules are ``method.timing``'s); a source a
spreadsheet would run as a formula; a period finer than its indicator's frequency (two
vintages of one moment are ``checks_vintages``'s). Each is found once per distinct value, not once per row: a
national store has a million rows and a few hundred periods.
"""

from __future__ import annotations

from collections import Counter
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Callable, Collection, Container, Iterable, Iterator, Mapping, Sequence

from ..catalog import Figure, msg
from ..method.series import Series
from ..plan.model import Indicator, Location, Observation, Problem, RETRACTED
from ..plan.periods import Frequency, Period
from .finer import stored_finer
from .rules import CONTROL_IN_TEXT
from .textfiles import first_noncharacter

if TYPE_CHECKING:
    from .store import Distinct


def revised_rows(observations: Sequence[Observation]) -> list[Observation]:
    """The rows of every (indicator, period) that has more than one, in their order: all
    the same-moment and jump checks look at (neither can find anything in a period with
    one vintage). One pass over the rows, its keys counted in C: a national store's
    million rows are nearly all the only vintage of their period (issue 17)."""
    keys = list(zip(map(_INDICATOR, observations), map(_SORT_KEY, observations), strict=True))
    revised = {key for key, n in Counter(keys).items() if n > 1}
    if not revised:
        return []
    return list(compress(observations, map(revised.__contains__, keys)))  # the rows kept in C


def formula_problems(observations: Sequence[Observation], file: str, distinct: Distinct | None = None) -> list[Problem]:
    """Sources and notes that a spreadsheet would run (textfiles.formula_like).
    ``distinct``: the rows' distinct values, as their reader gathered them (store.Distinct)."""
    from ..files.textfiles import formula_like

    # A national store repeats a few thousand sources and notes a million times: the
    # distinct texts (the reader's, else gathered in C by ``map``/``set``) are each judged
    # once; the rows are walked only when one of them is risky.
    texts = _texts(observations, distinct)
    risky = {t for t in texts if t and formula_like(t)}
    problems: list[Problem] = []
    for o, what, text in _holding(observations, risky):
        first = text[0] if text[0] in "\t\r" else text.lstrip(" \t")[:1]
        said = msg(f"checks_formula_{what}", first=repr(first))
        problems.append(Problem(Location(file, o.line), said, severity="error", check="formula"))
    return problems


def _holding(observations: Sequence[Observation], risky: Container[str]) -> Iterator[tuple[Observation, str, str]]:
    """Each row's source and note that is among ``risky``, with the row and "source" or
    "note", in the rows' order: nothing is walked when no text is risky."""
    if not risky:
        return
    for o in observations:
        if o.source in risky:
            yield o, "source", o.source
        if o.note in risky:
            yield o, "note", o.note


def _texts(observations: Sequence[Observation], distinct: Distinct | None) -> set[str] | frozenset[str]:
    """Every source and note of the store, once: the reader's distinct texts when it
    gathered them, else from the rows."""
    if distinct is not None:
        return distinct.texts
    return set(map(attrgetter("source"), observations)) | set(map(attrgetter("note"), observations))


def control_problems(observations: Sequence[Observation], file: str, distinct: Distinct | None = None) -> list[Problem]:
    """Sources and notes holding a control character, which entry refuses and only a hand
    edit leaves: csv and tsv print the stored text, so ESC [ 2 J would clear the screen of
    whoever prints them (issue 17, eighteenth session). Judged once per distinct text, as
    ``formula_problems`` is."""
    texts = _texts(observations, distinct)
    # A control character, else a noncharacter (U+FFFF, U+FDD0...), which entry refuses too
    # (issue 17, nineteenth session): the message id's ending and the code point.
    risky: dict[str, tuple[str, str]] = {}
    for t in texts:
        if t and (found := CONTROL_IN_TEXT.search(t)):
            risky[t] = ("control", f"U+{ord(found.group()):04X}")
        elif t and (odd := first_noncharacter(t)) is not None:
            risky[t] = ("noncharacter", f"{ord(odd):04X}")
    problems: list[Problem] = []
    for o, column, text in _holding(observations, risky):
        kind, code = risky[text]
        said = msg(f"checks_{kind}_{column}", code=code)
        problems.append(Problem(Location(file, o.line), said, severity="error", check="control"))
    return problems


def timing_check(observations: Sequence[Observation], file: str, now: str, zone: str = "") -> list[Problem]:
    """Rows whose timing cannot be true (timing.py), judged against ``now`` (UTC), by the
    days of ``zone``, the plan's ``timezone:`` ("" for UTC)."""
    from ..method.timing import FUTURE

    key, found = _timing_found(observations, now, zone)
    problems: list[Problem] = []
    if not found:
        return problems
    forced = _forced_retractions(observations, found, key)
    forcing = set(forced.values())
    for o in observations:
        for kind, message in found.get(key(o), ()):
            if kind == FUTURE and (o.indicator, o.period, o.recorded_at) in forcing:
                # `retract --force` or `add-observation --force`: dated one second after
                # the future-dated vintage it outranks, by design.
                continue
            by = forced.get((o.indicator, o.period, o.recorded_at)) if kind == FUTURE else None
            if by is not None:
                # Withdrawn or superseded, and the store keeps every row: an error forever
                # would be one nobody can fix. Still said, as a warning naming the row after it.
                after = next(r for r in observations if (r.indicator, r.period, r.recorded_at) == by)
                problems.append(
                    Problem(
                        Location(file, o.line),
                        msg(
                            "checks_timing_withdrawn" if after.status == RETRACTED else "checks_timing_superseded",
                            indicator=o.indicator,
                            period=o.period,
                            problem=message,
                            line=after.line,
                        ),
                        severity="warning",
                        check="timing",
                    )
                )
                continue
            problems.append(
                Problem(
                    Location(file, o.line),
                    msg("checks_timing", indicator=o.indicator, period=o.period, problem=message),
                    severity="error",
                    check="timing",
                )
            )
    return problems


def _forced_retractions(observations: Sequence[Observation], found: dict, key: Callable) -> dict:
    """Retractions of ``retract --force``: (indicator, period, recorded_at) of each vintage
    dated in the future → that of the retraction recorded one second after it (the
    mark ``retract --force`` leaves, docs/decisions.md "Retractions"). Only rows the
    timing rules already flag are looked at: on a sound store this costs nothing."""
    from ..method.timing import FUTURE, one_second_after

    future = [o for o in observations if any(kind == FUTURE for kind, _ in found.get(key(o), ()))]
    # add-observation --force leaves the same mark with a figure (a retraction or a
    # figure may follow either): any future row one second after another of its period.
    stamps = {(o.indicator, o.period, o.recorded_at) for o in future}
    out = {}
    for o in future:
        after = (o.indicator, o.period, one_second_after(o.recorded_at))
        if after in stamps:
            out[(o.indicator, o.period, o.recorded_at)] = after
    return out


def _timing_found(observations: Sequence[Observation], now: str, zone: str = "") -> tuple[Callable, dict]:
    """The key of a row for the timing rules, and what each failing key is told."""
    # A million rows, but few distinct (period, recorded_at, status): gathered in C, keyed
    # by the period's sort key (an int; a Period hashes in Python), each judged once.
    key = attrgetter("period.sort_key", "recorded_at", "status")
    return key, _timing_judged(set(map(key, observations)), now, zone)


def _timing_judged(keys: Iterable[tuple[int, str, str]], now: str, zone: str = "") -> dict:
    """What each failing (period's sort key, recorded_at, status) of ``keys`` is told.
    Judged by dates worked out once per period and per day; only a failing key is put
    into words (30,000 distinct keys of a national store: 0.1 s, not 0.4)."""
    from datetime import date

    from ..method.timing import days_of, period_days, timing_kinds, timing_problems

    found: dict = {}
    today = days_of(now, now, zone)[1]
    spans: dict[int, tuple[date, date]] = {}
    days: dict[str, date] = {}
    for k in keys:
        span = spans.get(k[0])
        if span is None:
            span = spans[k[0]] = period_days(_period_of(k[0]))
        # By the moment, the day in the plan's zone (its first ten characters: the UTC day).
        seen = k[1] if zone else k[1][:10]
        day = days.get(seen)
        if day is None:
            day = days[seen] = days_of(k[1], now, zone)[0]
        if timing_kinds(*span, day, k[2], today):
            found[k] = timing_problems(_period_of(k[0]), k[1], k[2], now, zone)
    return found


_SORT_KEY = attrgetter("period.sort_key")
_INDICATOR = attrgetter("indicator")


def timing_suspects(
    observations: Sequence[Observation],
    now: str,
    indicators: Mapping[str, Indicator] | None = None,
    distinct: Distinct | None = None,
    stored: Sequence[Observation] = (),
    zone: str = "",
) -> list[Observation]:
    """The rows among ``observations`` that the timing rules call errors (timing.py),
    and, given the plan's ``indicators``, the formula and frequency rules too.

    ``distinct``: the distinct values of the store these rows were taken from
    (store.Distinct), when its reader gathered them. The formula and frequency rules then
    judge those first, and the rows are walked for them only when one fails.
    ``stored``: every row of that store, in its order: when these rows are most of them,
    a store found sound there (``_sound``) has none to name, as ``suspects_in_force``.
    ``zone``: the plan's ``timezone:``, whose days the timing rules count ("" for UTC).
    """
    if _sound(len(observations), stored, now, indicators, distinct, zone):
        return []
    from ..files.textfiles import formula_like

    fits = False
    if indicators is None or distinct is not None:
        row_key, failing = _timing_found(observations, now, zone)
        out = [o for o in observations if row_key(o) in failing] if failing else []
        if indicators is None or distinct is None:
            return out
        risky = any(t and formula_like(t) for t in distinct.texts)
        frequencies = {ind.frequency for ind in indicators.values() if not ind.formula}
        fits = every_period_fits((), frequencies, distinct.sort_keys)
    else:
        # The timing and formula rules from one pass over the rows: a pass that keys each
        # of a million rows by its period and moment costs about half a second (issue 17,
        # performance.md), and the rows share few (period, moment, status, source, note).
        key = attrgetter("period.sort_key", "recorded_at", "status")
        gathered = set(map(attrgetter("period.sort_key", "recorded_at", "status", "source", "note"), observations))
        found = _timing_judged({k[:3] for k in gathered}, now, zone)
        risky = any((k[3] and formula_like(k[3])) or (k[4] and formula_like(k[4])) for k in gathered)
        out = [o for o in observations if key(o) in found] if found else []
    flagged = {p.location.line for p in formula_problems(observations, "")} if risky else set()
    if not fits:
        flagged |= {p.location.line for p in frequency_suspects(observations, indicators, "")}
    if flagged:
        out += [o for o in observations if o.line in flagged]
    return out


def every_period_fits(
    observations: Sequence[Observation], frequencies: Iterable[Frequency], sort_keys: Iterable[int] | None = None
) -> bool:
    """Whether every period on record fits every one of ``frequencies`` (a quarterly plan's
    quarters and years): then no row can be finer than its indicator's frequency, which a
    few hundred periods and at most four frequencies tell without a million (period,
    frequency) pairs being made. ``sort_keys``: the rows' distinct periods
    (store.Distinct.sort_keys), when known."""
    periods = [_period_of(k) for k in (set(map(_SORT_KEY, observations)) if sort_keys is None else sort_keys)]
    return all(p.fits(f) for f in set(frequencies) for p in periods)


def frequency_suspects(
    observations: Sequence[Observation],
    indicators: Mapping[str, Indicator],
    file: str,
    sort_keys: Iterable[int] | None = None,
) -> list[Problem]:
    """The frequency rule of ``run_checks`` (a period finer than its indicator's frequency)
    for the rows given, judged once per distinct (period, frequency) pair. ``sort_keys``:
    as ``every_period_fits`` takes them."""
    # A national store has a million rows but a few hundred periods and four frequencies:
    # each row's (period, frequency) is gathered in C and each distinct pair judged once.
    frequency_of = {i: ind.frequency for i, ind in indicators.items() if not ind.formula}
    if every_period_fits(observations, frequency_of.values(), sort_keys):
        return []
    pairs = set(zip(map(_SORT_KEY, observations), map(frequency_of.get, map(_INDICATOR, observations)), strict=True))
    wrong = {(k, f) for k, f in pairs if f is not None and not _period_of(k).fits(f)}
    if not wrong:
        return []
    keys = list(map(_SORT_KEY, observations))
    frequencies = list(map(frequency_of.get, map(_INDICATOR, observations)))
    return [
        Problem(
            Location(file, o.line),
            stored_finer(o.period, o.indicator, indicators[o.indicator].frequency),
            severity="error",
            check="frequency",
        )
        for o, k, f in zip(observations, keys, frequencies, strict=True)
        if (k, f) in wrong
    ]


def suspects_in_force(
    series: Series,
    indicator_ids: Iterable[str],
    file: str,
    now: str,
    most: int = 3,
    stored: Sequence[Observation] = (),
    indicators: Mapping[str, Indicator] | None = None,
    distinct: Distinct | None = None,
    zone: str = "",
) -> list[Problem]:
    """Warnings for the figures in force, among those the ``indicator_ids`` are read
    from, that ``qntrack check`` calls errors (its timing rules): a status, ``show`` or
    report built on them says so rather than trusting them in silence (issue 12). The
    first ``most`` are named; the rest are counted.

    ``stored``: every row of the store the series were worked out from (so the figures
    in force are among them); ``distinct``: its reader's distinct values; ``zone``: the
    plan's ``timezone:``, whose days the timing rules count."""
    ids = [i for i in indicator_ids if i in series]
    if _sound(sum(len(series[i]) for i in ids), stored, now, indicators, distinct, zone):
        return []
    rows = [o for i in ids for o in series[i]]
    problems = timing_check(rows, file, now, zone)
    if indicators is not None:
        # The other row rules check calls errors: cheap, one test per distinct value.
        problems += formula_problems(rows, file) + frequency_suspects(rows, indicators, file)
    if not problems:
        return []
    if stored:
        # A row in force dated one second after a future-dated vintage of its period
        # (``stored``: every row) is the mark of add-observation --force, which check
        # does not call an error either (timing_check). Looked for only when something
        # is flagged: on a sound store this costs nothing.
        from ..method.timing import one_second_after

        marks = {(o.indicator, o.period, one_second_after(o.recorded_at)) for o in stored if o.recorded_at > now}
        forced = {o.line for o in rows if (o.indicator, o.period, o.recorded_at) in marks}
        problems = [p for p in problems if p.location.line not in forced]
        if not problems:
            return []
    # One warning a row (a row can fail two rules), in the file's order.
    problems = list({p.location.line: p for p in reversed(problems)}.values())
    problems.sort(key=lambda p: p.location.line or 0)
    out = [
        Problem(p.location, msg("workspace_suspect_row", problem=p.message), "warning", "timing")
        for p in problems[:most]
    ]
    if len(problems) > most:
        out.append(
            Problem(Location(file), msg("workspace_suspect_more", more=len(problems) - most), "warning", "timing")
        )
    return out


def _sound(
    count: int,
    stored: Sequence[Observation],
    now: str,
    indicators: Mapping[str, Indicator] | None,
    distinct: Distinct | None,
    zone: str = "",
) -> bool:
    """Whether no stored row fails the rules ``suspects_in_force`` and ``timing_suspects``
    name, when so none of the ``count`` figures in force among them can. Found by passes
    over the rows in the order they were read: the same objects in the series' order lie
    scattered in memory, and one pass over the million figures in force took 0.85 s
    against 0.13 s in the store's order (issue 17, nineteenth session). Asked only when
    the figures are more than a quarter of the store (a plan of units reads its 145
    indicators' own few figures, quicker looked at themselves); a store with any row
    flagged, in force or not, has its figures looked at one by one, as before."""
    if not stored or count <= len(stored) // 4:
        return False
    if _timing_found(stored, now, zone)[1]:
        return False
    if indicators is None:
        return True
    from ..files.textfiles import formula_like

    if any(t and formula_like(t) for t in _texts(stored, distinct)):
        return False
    return not frequency_suspects(stored, indicators, "", distinct.sort_keys if distinct is not None else None)


def _period_of(sort_key: int) -> Period:
    """The period whose ``sort_key`` this is (periods.py: ``(year * 16 + last) * 16 + first``)."""
    return Period(sort_key >> 8, sort_key & 15, (sort_key >> 4) & 15)


def ties_in_force(
    series: Mapping[str, Sequence[Observation]],
    revised: Mapping[str, Mapping[str, Any]],
    whence: Mapping[str, Mapping[str, tuple]],
    indicator_ids: Collection[str],
    file: str,
) -> list[Problem]:
    """A warning for each figure in force, of the series of ``indicator_ids`` (and their
    units'), recorded at the same moment as the different vintage it replaced: the tie
    ``checks_vintages.same_moment_problems`` calls an error, which ``status`` judged on in silence (forty-
    seventh session, helper L). Read from what status has at hand: ``revised`` (the value
    replaced) and ``whence`` (replaced_from.came: the vintage replaced's source, moment and
    status, then the figure in force's value, status, source and moment), at the line of
    the figure in force in ``series``."""
    out = []
    for key, periods in whence.items():
        if key.partition("[")[0] not in indicator_ids:
            continue
        for period, was in periods.items():
            if len(was) < 7 or was[1] != was[6]:
                continue
            value = revised.get(key, {}).get(period)
            if (value, was[2], was[0]) == (was[3], was[4], was[5]):
                continue  # the same figure twice: a repeat, said by check alone
            line = next((o.line for o in series.get(key, ()) if str(o.period) == period), None)
            said = msg("s47l_status_same_moment", key=key, period=period, recorded_at=was[1], value=Figure(was[3]),
                       other=Figure(value) if value is not None else "")  # fmt: skip
            out.append(Problem(Location(file, line or 0), said, "warning", "same-moment"))
    return out


def ties_shown(rows: Sequence[Observation], replaced: Mapping[Period, Observation], file: str) -> list[Problem]:
    """``ties_in_force`` for ``show``: each of ``rows`` (the figures in force of the series
    shown) recorded at the same moment as the different vintage ``replaced`` gives for its
    period (method.history.replaced_vintages_of), warned of at its line."""
    out = []
    for o in rows:
        was = replaced.get(o.period)
        if was is None or was.recorded_at != o.recorded_at:
            continue
        if (was.value, was.status, was.source) == (o.value, o.status, o.source):
            continue  # a repeat
        said = msg("s47l_status_same_moment", key=o.indicator, period=str(o.period), recorded_at=o.recorded_at,
                   value=Figure(o.value), other=Figure(was.value))  # fmt: skip
        out.append(Problem(Location(file, o.line), said, "warning", "same-moment"))
    return out
