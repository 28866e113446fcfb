"""`qntrack check`: named checks over targets.yaml and the observations file.

Each check has a name (``qntrack check --list``), a severity and a one-line rule. An
*error* means the files hold something the tool refuses to use or that cannot be right
(exit 1); a *warning* means something a person should look at that may still be right
(exit 0). The time-dependent checks (``stale``, ``milestone-due``) judge against today,
or the ``--as-of`` date, and run only when named, so that the same files give the same
``check`` result tomorrow; ``--all`` runs every check.

A figure for a period is expected within ``PUBLICATION_LAG_DAYS`` of the period's end:
Vietnamese statistics offices publish estimates before or just after a period
closes, and 90 days covers the slower provincial releases.
"""

from __future__ import annotations

import calendar
import shlex
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import pairwise
from operator import attrgetter
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from ..files.definitions import load_plan
from ..errors import InputError
from ..catalog import Figure, Message, msg
from ..plan.model import (
    Indicator,
    Location,
    Measure,
    Observation,
    Plan,
    Problem,
    RETRACTED,
)
from ..plan.periods import Frequency, Period
from ..method.series import Series, as_of_bound, build_series
from ..files.store import StoreContents, interrupted_batch, missing_folder, read_store
from ..kinds import due as deadlines
from ..files.workspace import find_targets, missing_store, store_is_a_folder, store_path_for

__all__ = [
    "Check",
    "CHECKS",
    "DEFAULT_CHECKS",
    "DEFAULT_JUMP_FACTOR",
    "PUBLICATION_LAG_DAYS",
    "run_checks",
    "period_end",
    "stale_problems",
    "jump_problems",
    "jump_ratio",
    "entry_jump_problems",
    "same_moment_problems",
    "milestone_due_problems",
    "suspects_in_force",
    "timing_suspects",
    "GROWTH_FLOOR",
    "growth_rate_ids",
    "growth_floor_problems",
    "entry_growth_floor_problems",
]

DEFAULT_JUMP_FACTOR = 5.0
# A growth rate below -100 % would take the quantity below zero: almost surely a slip
# (-15 typed -150), and no average over a span holds it (docs/methodology.md, "Average
# over a span"). -100 % itself, a fall to zero, can be true and is not warned of.
GROWTH_FLOOR = -100.0
PUBLICATION_LAG_DAYS = 90


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    severity: str
    default: bool
    rule: Message | str  # shown in the language of `check --list` (catalog: check_rule_*)


CHECKS: tuple[Check, ...] = (
    Check("syntax", "error", True, msg("check_rule_syntax")),
    Check("store", "error", True, msg("check_rule_store")),
    Check("torn-line", "error", True, msg("check_rule_torn_line")),
    Check("unknown-indicator", "error", True, msg("check_rule_unknown_indicator")),
    Check("derived-recorded", "error", True, msg("check_rule_derived_recorded")),
    Check("frequency", "error", True, msg("check_rule_frequency")),
    Check("timing", "error", True, msg("check_rule_timing")),
    Check("formula", "error", True, msg("check_rule_formula")),
    Check("same-moment", "error", True, msg("check_rule_same_moment")),
    Check("derived", "warning", True, msg("check_rule_derived")),
    Check("growth-floor", "warning", True, msg("check_rule_growth_floor")),
    Check("jump", "warning", True, msg("check_rule_jump", factor=Figure(DEFAULT_JUMP_FACTOR))),
    Check("stale", "warning", False, msg("check_rule_stale", days=PUBLICATION_LAG_DAYS)),
    Check("milestone-due", "warning", False, msg("check_rule_milestone_due", days=PUBLICATION_LAG_DAYS)),
)
BY_NAME = {c.name: c for c in CHECKS}
DEFAULT_CHECKS = tuple(c.name for c in CHECKS if c.default)


def period_end(period: Period) -> date:
    return date(period.year, period.last, calendar.monthrange(period.year, period.last)[1])


def _tag(problems: Iterable[Problem], check: str) -> list[Problem]:
    severity = BY_NAME[check].severity
    return [replace(p, check=check, severity=severity) for p in problems]


def _committed(path: Path) -> StoreContents:
    """The store's committed rows: an interrupted batch is reported, not read."""
    return read_store(path, committed_only=True)


def run_checks(
    targets: str | None,
    names: Iterable[str] | None = None,
    *,
    as_of: str | None = None,
    today: date | None = None,
    jump_factor: float = DEFAULT_JUMP_FACTOR,
    now: str | None = None,
) -> list[Problem]:
    """Every problem found by the checks in ``names`` (default: ``DEFAULT_CHECKS``).

    ``syntax``, ``store`` and ``torn-line`` always run: nothing else can be judged
    without them. ``as_of`` (YYYY-MM-DD) limits the rows to those recorded by the end of
    that day and is the reference date of the time-dependent checks (else ``today``).
    """
    selected = set(DEFAULT_CHECKS if names is None else names) | {"syntax", "store", "torn-line"}
    path = find_targets(targets)
    try:
        plan = load_plan(path)
    except InputError as exc:
        return _tag(exc.problems, "syntax")
    store_path = store_path_for(plan, path)
    folder = store_is_a_folder(plan, path, store_path)
    if folder:
        return _tag(folder, "store")
    absent = missing_folder(store_path)
    if absent is not None:
        # A typo in 'observations:' naming a folder that is not there: nothing could be
        # recorded, so an error (a missing file alone is a new tracker's, a warning below).
        return _tag([absent], "store")
    try:
        store = _committed(store_path)
        pending = interrupted_batch(store_path)
    except InputError as exc:
        return _tag(exc.problems, "store")
    file = str(store_path)
    # No observations file: a warning, not the store check's error (a new tracker may have none yet).
    problems: list[Problem] = [replace(p, check="store") for p in missing_store(store_path, store)]
    if pending is not None:
        # The rows before the interrupted batch are checked as usual; the batch is reported.
        # The sentence of store.interrupted_message, with the command that repairs this tracker.
        repair = "qntrack check --repair" + (f" --targets {shlex.quote(targets)}" if targets else "")
        problems.append(
            Problem(
                Location(file), msg("checks_interrupted_batch", rows=pending.rows, repair=repair), check="torn-line"
            )
        )
    for p in store.problems:
        if store.torn_line and p.location.line == store.torn_line:
            repair = "qntrack check --repair" + (f" --targets {shlex.quote(targets)}" if targets else "")
            problems.append(Problem(p.location, msg("store_torn_row", repair=repair), check="torn-line"))
        else:
            problems.extend(_tag([p], "store"))
    # A national store has a million rows but a few hundred periods: whether a period fits
    # a frequency is worked out once per pair, and a row's Location made only for a problem.
    fits: dict[tuple[int, Frequency], bool] = {}
    for o in store.observations:
        ind = plan.indicators.get(o.indicator)
        if ind is None:
            if "unknown-indicator" in selected:
                problems.append(
                    Problem(
                        Location(file, o.line),
                        msg("checks_unknown_indicator", id=o.indicator, file=plan.source_file),
                        check="unknown-indicator",
                    )
                )
            continue
        if ind.formula:
            if "derived-recorded" in selected:
                problems.append(
                    Problem(
                        Location(file, o.line), msg("checks_derived_recorded", id=o.indicator), check="derived-recorded"
                    )
                )
            continue
        pair = (o.period.sort_key, ind.frequency)
        fit = fits.get(pair)
        if fit is None:
            fit = fits[pair] = o.period.fits(ind.frequency)
        if not fit and "frequency" in selected:
            problems.append(
                Problem(
                    Location(file, o.line),
                    msg("checks_frequency", period=o.period, id=o.indicator, frequency=ind.frequency.value),
                    check="frequency",
                )
            )
    if "formula" in selected:
        problems.extend(formula_problems(store.observations, file))
    if "same-moment" in selected:
        problems.extend(same_moment_problems(store.observations, file))
    if "timing" in selected:
        from ..files.store import utc_now

        problems.extend(timing_check(store.observations, file, now or utc_now()))
    series, left_out = build_series(plan.indicators, store.observations, as_of)
    if "derived" in selected:
        problems.extend(_tag([p for ps in left_out.values() for p in ps], "derived"))
    if "growth-floor" in selected:
        problems.extend(growth_floor_problems(plan, series, file))
    if "jump" in selected:
        problems.extend(jump_problems(store.observations, file, jump_factor, as_of))
    reference = date.fromisoformat(as_of) if as_of else (today or date.today())
    if "stale" in selected:
        problems.extend(stale_problems(plan, series, reference))
    if "milestone-due" in selected:
        problems.extend(milestone_due_problems(plan, series, reference))
    return problems


def same_moment_problems(observations: Sequence[Observation], file: str) -> list[Problem]:
    """Two different vintages of one indicator and period recorded at the same moment:
    which is in force then depends on the order of the lines (series.in_force takes the
    later line on a tie), so one of them is a mistake. The same figure (value, status,
    source) twice is only a repeat, as in a batch (importing._note_duplicate)."""
    from operator import attrgetter

    # A million rows are nearly all one vintage per moment: the keys are made in C and
    # the rows walked in Python only when two share one.
    keys = list(map(attrgetter("indicator", "period.sort_key", "recorded_at"), observations))
    if len(set(keys)) == len(keys):
        return []
    first: dict[tuple, Observation] = {}
    problems = []
    for key, o in zip(keys, observations, strict=True):
        seen = first.setdefault(key, o)
        if seen is not o and (_figure_of(seen), seen.status, seen.source) != (_figure_of(o), o.status, o.source):
            problems.append(
                Problem(
                    Location(file, o.line),
                    msg(
                        "checks_same_moment",
                        indicator=o.indicator,
                        period=o.period,
                        recorded_at=o.recorded_at,
                        line=seen.line,
                    ),
                    check="same-moment",
                )
            )
    return problems


def _figure_of(o: Observation) -> float | None:
    """The value to compare: a retraction's (NaN, equal to nothing) as None."""
    return None if o.status == RETRACTED else o.value


def formula_problems(observations: Sequence[Observation], file: str) -> list[Problem]:
    """Sources and notes that a spreadsheet would run (textfiles.formula_like)."""
    from ..files.textfiles import formula_like

    # A national store repeats a few thousand sources and notes a million times: the
    # distinct texts are gathered in C (``map``/``set``) and each judged once; the rows
    # are walked only when one of them is risky.
    risky = {
        t
        for t in set(map(attrgetter("source"), observations)) | set(map(attrgetter("note"), observations))
        if t and formula_like(t)
    }
    problems = []
    if not risky:
        return problems
    for o in observations:
        for what, text in (("source", o.source), ("note", o.note)):
            if text in risky:
                first = text[0] if text[0] in "\t\r" else text.lstrip(" \t")[:1]
                said = (
                    msg("checks_formula_source", first=repr(first))
                    if what == "source"
                    else msg("checks_formula_note", first=repr(first))
                )
                problems.append(Problem(Location(file, o.line), said, severity="error", check="formula"))
    return problems


def timing_check(observations: Sequence[Observation], file: str, now: str) -> list[Problem]:
    """Rows whose timing cannot be true (timing.py), judged against ``now`` (UTC)."""
    from ..method.timing import FUTURE

    key, found = _timing_found(observations, now)
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


def _timing_found(observations: Sequence[Observation], now: str) -> tuple[Callable, dict]:
    """The key of a row for the timing rules, and what each failing key is told."""
    from ..method.timing import timing_problems

    # A million rows, but few distinct (period, recorded_at, status): gathered in C, keyed
    # by the period's sort key (an int; a Period hashes in Python), each judged once.
    key = attrgetter("period.sort_key", "recorded_at", "status")
    found = {}
    for k in set(map(key, observations)):
        said = timing_problems(_period_of(k[0]), k[1], k[2], now)
        if said:
            found[k] = said
    return key, found


def timing_suspects(
    observations: Sequence[Observation], now: str, indicators: Mapping[str, Indicator] | None = None
) -> list[Observation]:
    """The rows among ``observations`` that the timing rules call errors (timing.py),
    and, given the plan's ``indicators``, the formula and frequency rules too."""
    key, found = _timing_found(observations, now)
    out = [o for o in observations if key(o) in found] if found else []
    if indicators is not None:
        flagged = {p.location.line for p in formula_problems(observations, "")}
        flagged |= {p.location.line for p in frequency_suspects(observations, indicators, "")}
        if flagged:
            out += [o for o in observations if o.line in flagged]
    return out


def frequency_suspects(
    observations: Sequence[Observation], indicators: Mapping[str, Indicator], file: str
) -> list[Problem]:
    """The frequency rule of ``run_checks`` (a period finer than its indicator's frequency)
    for the rows given, judged once per distinct (period, indicator) pair, in C."""
    pairs = set(map(attrgetter("period.sort_key", "indicator"), observations))
    wrong = set()
    for key, indicator in pairs:
        ind = indicators.get(indicator)
        if ind is not None and not ind.formula and not _period_of(key).fits(ind.frequency):
            wrong.add((key, indicator))
    if not wrong:
        return []
    return [
        Problem(
            Location(file, o.line),
            msg("checks_frequency", period=o.period, id=o.indicator, frequency=indicators[o.indicator].frequency.value),
            severity="error",
            check="frequency",
        )
        for o in observations
        if (o.period.sort_key, o.indicator) in wrong
    ]


def suspects_in_force(
    series: Series,
    indicator_ids: Iterable[str],
    file: str,
    now: str,
    most: int = 3,
    stored: Sequence[Observation] = (),
    indicators: Mapping[str, Indicator] | None = None,
) -> list[Problem]:
    """Warnings for the figures in force, among those the ``indicator_ids`` are read
    from, that ``qntrack check`` calls errors (its timing rules): a status, ``show`` or
    report built on them says so rather than trusting them in silence (issue 12). The
    first ``most`` are named; the rest are counted."""
    rows = [o for i in indicator_ids for o in series.get(i, ())]
    problems = timing_check(rows, file, now)
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


def _period_of(sort_key: int) -> Period:
    """The period whose ``sort_key`` this is (periods.py: ``(year * 16 + last) * 16 + first``)."""
    return Period(sort_key >> 8, sort_key & 15, (sort_key >> 4) & 15)


def growth_rate_ids(plan: Plan) -> set[str]:
    """The indicators whose figures are growth rates in per cent: declared ``measure: rate``
    or implied so by an average target (definitions.py); derived ones have no rows."""
    return {i.id for i in plan.indicators.values() if i.measure is Measure.RATE and not i.formula}


def growth_floor_problems(plan: Plan, series: Series, file: str) -> list[Problem]:
    """Growth rates in force below -100 % (``GROWTH_FLOOR``). Only the figure in force is
    judged: a vintage revised since is history the append-only store cannot lose."""
    problems = []
    for indicator in sorted(growth_rate_ids(plan)):
        for o in series.get(indicator, ()):
            if o.value < GROWTH_FLOOR:
                problems.append(
                    Problem(
                        Location(file, o.line),
                        msg("checks_growth_floor", indicator=o.indicator, period=o.period, value=Figure(o.value)),
                        severity="warning",
                        check="growth-floor",
                    )
                )
    problems.sort(key=lambda p: p.location.line or 0)
    return problems


def entry_growth_floor_problems(new: Sequence[tuple[Location, Observation]], plan: Plan) -> list[Problem]:
    """One warning for each growth rate being recorded below -100 %; it is still recorded,
    as a jump is (a warning, not a refusal: docs/decisions.md)."""
    rates = growth_rate_ids(plan)
    return [
        Problem(
            where,
            msg("recording_growth_floor", indicator=o.indicator, period=o.period, value=Figure(o.value)),
            severity="warning",
            check="growth-floor",
        )
        for where, o in new
        if o.value < GROWTH_FLOOR and o.indicator in rates
    ]


def jump_problems(
    observations: Iterable[Observation], file: str, factor: float, as_of: str | None = None
) -> list[Problem]:
    """A vintage that is more than ``factor`` times larger or smaller than the one it revises."""
    bound = as_of_bound(as_of) if as_of else None
    # Keyed by the period's sort key, an int, where a Period would hash in Python: a
    # national store has a million rows, nearly all the only vintage of their period.
    vintages: dict[tuple[str, int], list[Observation]] = defaultdict(list)
    for o in observations:
        if bound is None or o.recorded_at <= bound:
            vintages[(o.indicator, o.period.sort_key)].append(o)
    problems = []
    for rows in vintages.values():
        if len(rows) < 2:
            continue
        indicator, period = rows[0].indicator, rows[0].period
        rows.sort(key=lambda o: (o.recorded_at, o.line))
        # A vintage a later retraction withdrew was dealt with (qntrack retract): no warning.
        withdrawn = max((i for i, o in enumerate(rows) if o.status == RETRACTED), default=-1)
        for i, (before, after) in enumerate(pairwise(rows), start=1):
            if i < withdrawn:
                continue
            ratio = jump_ratio(before.value, after.value, factor)
            if ratio is not None:
                problems.append(
                    Problem(
                        Location(file, after.line),
                        msg(
                            "checks_jump",
                            indicator=indicator,
                            period=period,
                            value=Figure(after.value),
                            recorded=after.recorded_at,
                            before=Figure(before.value),
                            line=before.line,
                            before_recorded=before.recorded_at,
                            ratio=Figure(float(f"{ratio:.3g}")),
                            factor=Figure(factor),
                        ),
                        severity="warning",
                        check="jump",
                    )
                )
    problems.sort(key=lambda p: p.location.line)
    return problems


def jump_ratio(before: float, after: float, factor: float) -> float | None:
    """How many times larger or smaller ``after`` is than ``before`` when that is more than
    ``factor`` (3,13 typed as 313); None otherwise. The one jump rule, of ``check`` and of
    recording a figure (``entry_jump_problems``)."""
    a, b = abs(before), abs(after)
    if a == 0 or b == 0 or a != a or b != b:
        return None  # no ratio to judge; a zero is not a slip of the decimal point
    ratio = max(a, b) / min(a, b)
    return ratio if ratio > factor else None


def entry_jump_problems(
    new: Sequence[tuple[Location, Observation]], stored: Iterable[Observation], factor: float = DEFAULT_JUMP_FACTOR
) -> list[Problem]:
    """Warnings for figures being recorded that jump (``jump_ratio``) against what is on
    record: the figure in force for the same period when there is one, else the figures
    in force now for the nearest earlier and later periods of the same length, whenever
    they were recorded (both, when there are two: a real break in a series differs from
    one side only; one suffices when only one side has figures). ``stored``: the
    rows of the batch's indicators, as the append read them under its lock."""
    from bisect import bisect_left

    vintages: dict[tuple[str, int], list[Observation]] = defaultdict(list)
    for o in stored:
        vintages[(o.indicator, o.period.sort_key)].append(o)
    lengths: dict[tuple[str, int], list[int]] = defaultdict(list)
    for (indicator, key), rows in vintages.items():
        lengths[(indicator, rows[0].period.months)].append(key)
    for keys in lengths.values():
        keys.sort()

    def in_force(indicator: str, key: int, at: str) -> Observation | None:
        # The rule of series.in_force: the latest recorded_at, on a tie the later line.
        known = [o for o in vintages.get((indicator, key), ()) if o.recorded_at <= at]
        current = max(known, key=lambda o: (o.recorded_at, o.line), default=None)
        return None if current is None or current.status == RETRACTED or current.value != current.value else current

    def nearest(indicator: str, keys: list[int], start: int, step: int, at: str) -> Observation | None:
        i = start
        while 0 <= i < len(keys):
            found = in_force(indicator, keys[i], at)
            if found is not None:
                return found
            i += step
        return None

    LATEST = "\uffff"  # after every timestamp: the vintage in force now
    problems = []
    for where, o in new:
        if o.status == RETRACTED or o.value != o.value:
            continue
        key = o.period.sort_key
        same = in_force(o.indicator, key, o.recorded_at)
        if same is not None:
            compared = [same]
        else:
            keys = lengths.get((o.indicator, o.period.months), [])
            at = bisect_left(keys, key)
            # The neighbours as they stand now, whenever recorded: a figure back-dated
            # before its neighbours were recorded (980 for 2019, recorded 2020-06-01, next
            # to 9.8 for 2020 recorded in 2023) is still compared with both sides.
            compared = [
                n
                for n in (nearest(o.indicator, keys, at - 1, -1, LATEST), nearest(o.indicator, keys, at, 1, LATEST))
                if n is not None
            ]
        ratios = [jump_ratio(c.value, o.value, factor) for c in compared]
        if not compared or any(r is None for r in ratios):
            continue
        other, ratio = compared[0], ratios[0]
        times = msg(
            "recording_jump_larger" if abs(o.value) > abs(other.value) else "recording_jump_smaller",
            ratio=Figure(float(f"{ratio:.3g}")),
        )
        problems.append(
            Problem(
                where,
                msg(
                    "recording_jump_same" if same is not None else "recording_jump_neighbour",
                    indicator=o.indicator,
                    period=o.period,
                    value=Figure(o.value),
                    times=times,
                    before=Figure(other.value),
                    other=other.period,
                ),
                severity="warning",
                check="jump",
            )
        )
    return problems


def earlier_vintage_problems(
    new: Sequence[tuple[Location, Observation]], stored: Iterable[Observation]
) -> list[Problem]:
    """Warnings for rows being added that are recorded before the figure in force for
    their period (issue 12): they are kept, as an earlier vintage (history stays
    replayable), but they do not take effect, and the user is told so, once per row.
    ``stored``: the rows the append read under its lock; rows earlier in ``new`` count."""
    latest: dict[tuple, Observation] = {}

    def note(o: Observation) -> None:
        key = (o.indicator, o.period)
        now = latest.get(key)
        # The rule of series.in_force: the latest recorded_at, on a tie the later line.
        if now is None or o.recorded_at >= now.recorded_at:
            latest[key] = o

    for o in stored:
        note(o)
    problems = []
    for where, o in new:
        current = latest.get((o.indicator, o.period))
        if current is not None and current.recorded_at > o.recorded_at:
            if current.status == RETRACTED:
                text = msg(
                    "recording_earlier_than_retraction",
                    indicator=o.indicator,
                    period=o.period,
                    value=Figure(o.value),
                    at=o.recorded_at,
                    current_at=current.recorded_at,
                )
            else:
                text = msg(
                    "recording_earlier_vintage",
                    indicator=o.indicator,
                    period=o.period,
                    value=Figure(o.value),
                    at=o.recorded_at,
                    current=Figure(current.value),
                    current_at=current.recorded_at,
                )
            problems.append(Problem(where, text, severity="warning", check="earlier_vintage"))
        else:
            note(o)
    return problems


def _next_period_end(period: Period, months: int) -> date:
    index = period.year * 12 + (period.last - 1) + months
    year, month = divmod(index, 12)
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def stale_problems(plan: Plan, series: Series, reference: date, lag_days: int = PUBLICATION_LAG_DAYS) -> list[Problem]:
    """Indicators whose next figure is overdue: the period after the latest observed one
    ended more than ``lag_days`` before ``reference``. Indicators never observed, and
    derived ones (they follow their inputs), are not judged here."""
    problems = []
    for ind in plan.indicators.values():
        rows = series.get(ind.id, [])
        if ind.formula or not rows:
            continue
        latest = max(rows, key=lambda o: (o.period.year, o.period.last, -o.period.first)).period
        next_end = _next_period_end(latest, ind.frequency.months)
        due = next_end + timedelta(days=lag_days)
        if reference > due:
            problems.append(
                Problem(
                    ind.location,
                    msg(
                        "checks_stale",
                        id=ind.id,
                        frequency=ind.frequency.value,
                        latest=latest,
                        unit=_unit(ind.frequency),
                        next_end=next_end.isoformat(),
                        due=due.isoformat(),
                        reference=reference.isoformat(),
                    ),
                    severity="warning",
                    check="stale",
                )
            )
    return problems


def _unit(frequency: Frequency) -> Message:
    """The frequency's unit as a word of the sentence ("the next quarter")."""
    if frequency is Frequency.HALF:
        return msg("checks_unit_half")
    if frequency is Frequency.QUARTER:
        return msg("checks_unit_quarter")
    if frequency is Frequency.MONTH:
        return msg("checks_unit_month")
    return msg("checks_unit_year")


def milestone_due_problems(
    plan: Plan, series: Series, reference: date, lag_days: int = PUBLICATION_LAG_DAYS
) -> list[Problem]:
    """Milestones whose period ended more than ``lag_days`` ago with no observation for it."""
    problems = []
    for target in plan.targets:
        have = {o.period for o in series.get(target.indicator, [])}
        for period, where, what in deadlines(target):
            end = period_end(period)
            due = end + timedelta(days=lag_days)
            if reference > due and period not in have:
                problems.append(
                    Problem(
                        where,
                        msg(
                            "checks_milestone_due",
                            id=target.id,
                            what=what(),
                            period=period,
                            end=end.isoformat(),
                            due=due.isoformat(),
                            indicator=target.indicator,
                            reference=reference.isoformat(),
                        ),
                        severity="warning",
                        check="milestone-due",
                    )
                )
    return problems
