"""`qntrack check`: named checks over targets.yaml and the observations file.

Each check has a name (``qntrack check --list``), a severity and a one-line rule. An
*error* means the files hold something the tool refuses to use or that cannot be right
(exit 1); a *warning* means something a person should look at that may still be right
(exit 0). The time-dependent checks (``stale``, ``milestone-due``) judge against today,
or the ``--as-of`` date, and run only when named, so that the same files give the same
``check`` result tomorrow; ``--all`` runs every check.

This module runs the checks and holds the plan-wide ones (unknown indicator, frequency,
group names); what is due (stale figures, milestones due, a milestone on the wrong side)
is in ``checks_due``, the row errors in ``checks_rows`` (timing, formula, same moment),
the jumps and growth floor in ``checks_jumps``, a unit's figures in ``checks_units``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from operator import attrgetter
from typing import AbstractSet, Iterable, Sequence

from .plan_loading import load_plan  # not definitions': a kept plan needs no parser (issue 17)
from ..files.textfiles import read_text
from .finer import stored_finer
from ..errors import InputError
from ..catalog import Figure, Message, msg
from ..plan.model import (
    RETRACTED,
    Location,
    Observation,
    Plan,
    Problem,
)
from ..plan.periods import Frequency
from ..plan.suggest import Hints
from ..method.series import as_of_bound, build_series
from ..files.journal import interrupted, interrupted_batch
from .figure_units import shell_word
from .checks_jumps import DEFAULT_JUMP_FACTOR, growth_floor_problems, jump_problems, percent_units
from .checks_rows import control_problems, formula_problems, revised_rows, timing_check
from .checks_vintages import merged_retraction_problems, repeated_problems, same_moment_problems
from .checks_units import UnitRows, units_sum_problems
from .checks_due import PUBLICATION_LAG_DAYS, milestone_due_problems, milestone_side_problems, stale_problems
from ..plan.units import period_end
from ..files.store import StoreContents, read_store
from ..files.store_missing import missing_folder
from ..files.store_missing import missing_store
from ..files.workspace import as_of_day, find_targets, plan_day, store_is_a_folder, store_path_for

_INDICATOR = attrgetter("indicator")
_SORT_KEY = attrgetter("period.sort_key")

__all__ = [
    "Check",
    "CHECKS",
    "DEFAULT_CHECKS",
    "DEFAULT_JUMP_FACTOR",
    "PUBLICATION_LAG_DAYS",
    "run_checks",
    "period_end",
    "stale_problems",
    "milestone_due_problems",
]


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
    # Added for issue 14 (breakdowns), after the others so that scripts reading the list
    # by position keep working.
    Check("unit", "error", True, msg("check_rule_unit")),
    Check("units-sum", "warning", True, msg("check_rule_units_sum")),
    Check("group-names", "warning", True, msg("check_rule_group_names")),
    Check("milestone-side", "warning", True, msg("check_rule_milestone_side")),
    # Issue 17, seventeenth session: a figure a git merge of two clones kept twice.
    Check("repeated", "warning", True, msg("check_rule_repeated")),
    Check("merged-retraction", "warning", True, msg("check_rule_merged_retraction")),
    # Issue 17, eighteenth session: what entry refuses, left by a hand edit.
    Check("control", "error", True, msg("check_rule_control")),
    # Issue 17, nineteenth session: a character no one sees, reordering a name.
    Check("invisible", "warning", True, msg("check_rule_invisible")),
    # Issue 17, twentieth session: the total since January typed as a month's figure.
    Check("year-to-date", "warning", True, msg("check_rule_to_date")),
    # Issue 17, twenty-first session: a published total apart from its parts added up.
    Check("parts-sum", "warning", False, msg("check_rule_parts_sum")),
    # Issue 17, twenty-first session: a source or note whose letters a spreadsheet lost.
    Check("lost-letters", "warning", True, msg("check_rule_lost_letters")),
    # Issue 17, twenty-fourth session: an official figure overtaken by a later estimate.
    Check("official-replaced", "warning", True, msg("check_rule_official_replaced")),
    # Issue 17, thirtieth session: a yearly level target given only quarters, never judged.
    Check("yearly-unjudged", "warning", True, msg("check_rule_yearly_unjudged")),
    Check("unit-names", "warning", True, msg("check_rule_unit_names")),  # thirty-first session
    # Thirty-seventh session: an Open SDG status set by hand that the export would not write.
    Check("open-sdg-status", "warning", True, msg("check_rule_open_sdg_status")),
    # Forty-third session: the units of a level target judged from the whole's baseline.
    Check("unit-baseline", "warning", True, msg("check_rule_unit_baseline")),
)
BY_NAME = {c.name: c for c in CHECKS}
DEFAULT_CHECKS = tuple(c.name for c in CHECKS if c.default)


def _tag(problems: Iterable[Problem], check: str) -> list[Problem]:
    severity = BY_NAME[check].severity
    return [replace(p, check=check, severity=severity) for p in problems]


def _committed(path: Path) -> StoreContents:
    """The store's committed rows: an interrupted batch is reported, not read."""
    return read_store(path, committed_only=True)


def run_checks(
    targets: str | os.PathLike[str] | None,
    names: Iterable[str] | str | None = None,
    *,
    as_of: str | date | None = None,
    today: str | date | None = None,
    jump_factor: float | Decimal = DEFAULT_JUMP_FACTOR,
    now: str | datetime | None = None,
    keep: list[object] | None = None,
) -> list[Problem]:
    """Every problem found by the checks in ``names`` (default: ``DEFAULT_CHECKS``).

    ``syntax``, ``store`` and ``torn-line`` always run: nothing else can be judged
    without them. ``as_of`` (YYYY-MM-DD) limits the rows to those recorded by the end of
    that day and is the reference date of the time-dependent checks (else ``today``),
    read as ``open_workspace`` reads it. ``targets``: the path of targets.yaml (None looks
    for it as the command does); a plan that cannot be read is a problem returned, not
    raised. ``jump_factor``: ``check --jump-factor``, a finite number greater than 1;
    ``now``: the moment the timing checks read (text or an aware datetime; None: the
    clock). A name ``BY_NAME`` lacks, or an argument of another kind, raises an
    ArgumentError naming it.
    ``keep``, when given, receives the plan, rows and series read, which a console
    command leaves to its process's end (cli.left_to_the_exit) rather than have them
    freed one by one as this returns.
    """
    from .library_arguments import refuse_empty, refuse_jump_factor, refuse_texts

    names = refuse_texts("names", names)  # a generator read once, as a tuple
    refuse_empty("names", names)
    refuse_jump_factor(jump_factor)
    jump_factor = float(jump_factor)  # a Decimal, as --jump-factor's text reads
    from .caller_rows import caller_moment  # a day and a moment read as every function reads them

    today = date.fromisoformat(day) if (day := as_of_day(today, "today")) else None
    now = caller_moment(now)
    selected = set(DEFAULT_CHECKS if names is None else _known(names)) | {"syntax", "store", "torn-line"}
    as_of = as_of_day(as_of)
    path = find_targets(targets)
    try:
        text = read_text(path, "targets file")
        plan = load_plan(path, text)
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
    from .stages import tell_step

    tell_step(msg("import_step_reading", file=store_path.name), store_path)
    try:
        store = _committed(store_path)
        pending = interrupted_batch(store_path)
    except InputError as exc:
        return _tag(exc.problems, "store")
    except OSError as exc:  # a name too long: the system's words, as every command says them
        from ..errors import os_failure

        return _tag(os_failure(exc, str(store_path), msg("store_doing_read")).problems, "store")
    tell_step(msg("check_step_checking", rows=len(store.observations), store=store_path.name), store_path)
    file = str(store_path)
    # No observations file: a warning, not the store check's error (a new tracker may have none yet).
    problems: list[Problem] = [replace(p, check="store") for p in missing_store(store_path, store, plan.source_file)]
    # A cloud drive's conflict copy of the store or the plan (issue 17, twentieth session):
    # warnings of the checks that always run, so that check --list stays as it was.
    from .conflict_copies import conflict_copy_problems

    problems.extend(conflict_copy_problems(store_path) + conflict_copy_problems(path, plan=True))
    if pending is not None:
        # The rows before the interrupted batch are checked as usual; the batch is reported.
        # The sentence of journal.interrupted, with the command that repairs this tracker.
        repair = "qntrack check --repair" + (f" --targets {shell_word(os.fspath(targets))}" if targets else "")
        problems.append(
            Problem(Location(file), interrupted(pending, repair, "checks_interrupted_batch"), check="torn-line")
        )
    for p in store.problems:
        if store.torn_line and p.location.line == store.torn_line:
            repair = "qntrack check --repair" + (f" --targets {shell_word(os.fspath(targets))}" if targets else "")
            ctrl_z = isinstance(p.message, Message) and p.message.id == "store_ctrl_z"  # cmd's copy's mark
            torn = "store_ctrl_z" if ctrl_z else "store_torn_row"
            problems.append(Problem(p.location, msg(torn, repair=repair), check="torn-line"))
        else:
            problems.extend(_tag([p], "store"))
    problems.extend(_cells_over_lines(store, file))
    from .checks_whole_units import whole_unit_problems  # 9007199254740993 written by hand

    problems.extend(whole_unit_problems(store.observations, store_path, file))
    # A national store has a million rows but a few hundred periods: whether a period fits
    # a frequency is worked out once per pair, and a row's Location made only for a problem.
    fits: dict[tuple[int, Frequency], bool] = {}
    units = UnitRows(plan)
    hints = Hints(plan.indicators)
    withdrawn = _Withdrawn(store.observations, units)
    for o in store.observations if _row_problems_possible(plan, store, units) else ():
        ind = plan.indicators.get(o.indicator)
        if ind is None and "[" in o.indicator:
            # A figure for a unit of a breakdown (issue 14): the unit must be declared,
            # and the period one it existed in; then it is checked as its indicator's.
            ind, dims, wrong = units.read(o.indicator)
            if wrong is None and ind is not None:
                wrong = units.outside_problem(dims, o.period)
                if wrong is not None and units.withdrawn(store.observations, o):
                    continue  # a figure outside the unit's dates, retracted since: fixed
            if wrong is not None:
                if "unit" in selected:
                    problems.append(Problem(Location(file, o.line), wrong, check="unit"))
                continue
        if ind is None:
            if "unknown-indicator" in selected:
                problems.append(
                    Problem(
                        Location(file, o.line),
                        _unknown_indicator(o.indicator, plan, hints),
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
        if not fit and "frequency" in selected and not withdrawn(o):
            problems.append(
                Problem(
                    Location(file, o.line),
                    stored_finer(o.period, o.indicator, ind.frequency),
                    check="frequency",
                )
            )
    if "formula" in selected:
        problems.extend(formula_problems(store.observations, file, store.distinct))
    if "control" in selected:
        problems.extend(control_problems(store.observations, file, store.distinct))
    observations = store.observations
    if plan.dimensions:
        from .workspace import canonical_units

        observations = canonical_units(plan, store, units.canonical).observations
    # The same-moment and jump checks read only periods with several vintages: found while
    # the series are built when they read the store's rows as they are (no unit's key
    # typed otherwise, no --as-of), else by a pass of their own.
    revised: list[Observation] = []
    reading = bool({"same-moment", "jump", "repeated", "merged-retraction", "official-replaced"} & selected)
    same_rows = observations is store.observations and not as_of and reading
    series, left_out = build_series(
        plan.indicators, observations, as_of, revised if same_rows else None, zone=plan.timezone
    )
    known = as_of_bound(as_of, plan.timezone) if as_of else None  # the day's end in the plan's zone
    if not same_rows and reading:
        revised = revised_rows(observations)  # units as the plan names them (open_units too)
    if known and revised:  # the vintages recorded by the day, as the jump check reads them
        revised = [o for o in revised if o.recorded_at <= known]
    if "same-moment" in selected:
        problems.extend(same_moment_problems(revised, file))
    if "repeated" in selected:
        problems.extend(repeated_problems(revised, file))
    if "merged-retraction" in selected:
        problems.extend(merged_retraction_problems(revised, file))
    if "official-replaced" in selected:
        from .checks_status import official_replaced_problems

        problems.extend(official_replaced_problems(revised, file, known))
    if "timing" in selected:
        from ..files.store import utc_now

        problems.extend(timing_check(store.observations, file, now or utc_now(), plan.timezone))
    if "units-sum" in selected and plan.dimensions:
        problems.extend(units_sum_problems(plan, series, file))
    if "unit" in selected and plan.dimensions:  # an open unit spelt two ways (thirty-sixth session)
        from .open_units import spelling_problems

        problems.extend(spelling_problems(plan, store.observations, file, units.canonical))
    if "derived" in selected:
        # Figures recorded for a derived indicator: `derived-recorded` names each row instead.
        said = [
            p for ps in left_out.values() for p in ps if getattr(p.message, "id", "") != "workspace_derived_recorded"
        ]
        problems.extend(_tag(said, "derived"))
    if "group-names" in selected:
        from .checks_group_names import group_name_problems

        problems.extend(group_name_problems(plan))
    if "unit-names" in selected:
        from .checks_unit_names import unit_name_problems

        problems.extend(unit_name_problems(plan))
    if "open-sdg-status" in selected:
        from .checks_open_sdg import hand_set_problems

        problems.extend(hand_set_problems(plan))
    # The store's sources and notes, each once: the reader's, else gathered once for both rules.
    texts: AbstractSet[str] | None = store.distinct.texts if store.distinct is not None else None
    if texts is None and {"invisible", "lost-letters"} <= selected:
        from .checks_text import row_texts

        texts = row_texts(store.observations)
    if "invisible" in selected:
        from .invisible import invisible_warnings

        problems.extend(invisible_warnings(text, plan.source_file))
        from .checks_text import invisible_problems  # the store's sources and notes

        problems.extend(invisible_problems(store.observations, file, texts))
    if "lost-letters" in selected:
        from .checks_text import lost_letter_problems

        problems.extend(lost_letter_problems(store.observations, file, texts))
    if "milestone-side" in selected:
        problems.extend(milestone_side_problems(plan, series))
    if "unit-baseline" in selected:
        from .checks_unit_baseline import unit_baseline_problems

        problems.extend(unit_baseline_problems(plan, series))
    if "yearly-unjudged" in selected:
        from .checks_years import unjudged_problems

        problems.extend(unjudged_problems(plan, series))
    if "growth-floor" in selected:
        problems.extend(growth_floor_problems(plan, series, file))
    if "year-to-date" in selected:
        from .checks_to_date import to_date_problems

        problems.extend(to_date_problems(plan, series, file))
    if "parts-sum" in selected:
        from .checks_to_date import parts_problems

        problems.extend(parts_problems(plan, series, file))
    if "jump" in selected:
        from .checks_fraction import fraction_problems  # a "%" saved as a fraction (22nd session)

        from .checks_index import index_problems  # a growth rate typed as an index (29th session)

        fractions = fraction_problems(plan, series, file, jump_factor) + index_problems(plan, series, file)
        # A revision read as a per cent saved as a fraction is said so alone, as at entry.
        fraction_lines = {p.location.line for p in fractions}
        jumps = jump_problems(revised, file, jump_factor, known, series, percent_units(plan))
        problems.extend([p for p in jumps if p.location.line not in fraction_lines] + fractions)
    # Today in the plan's timezone:, else the machine's, as every command's today (workspace).
    reference = date.fromisoformat(as_of) if as_of else (today or plan_day(None, plan.timezone))
    if "stale" in selected:
        problems.extend(stale_problems(plan, series, reference))
    if "milestone-due" in selected:
        problems.extend(milestone_due_problems(plan, series, reference))
    if keep is not None:
        keep.append((plan, store, observations, series, revised, withdrawn))
    return problems


def _known(names: Iterable[str] | str) -> list[str]:
    """The checks named (one name may be a string), every one of them a check: a gate that
    asked for a misspelt one would run none of it and find nothing."""
    from ..errors import ArgumentError, ExitCode, suggestion

    wanted = [names] if isinstance(names, str) else list(names)
    unknown = [msg("cli_check_name", name=n, hint=suggestion(n, BY_NAME)) for n in wanted if n not in BY_NAME]
    if unknown:  # an argument's problem: an ArgumentError (a bare InputError until the 37th session)
        loc = Location("names")
        raise ArgumentError([Problem(loc, msg("cli_unknown_check", checks=u)) for u in unknown], ExitCode.USAGE)
    return wanted


def _cells_over_lines(store: StoreContents, file: str) -> list[Problem]:
    """A warning for each row with a cell over several lines: only a hand edit leaves one
    (every entry refuses a line break), the readers take it, and the store's own export
    could not be imported again. Looked for in the reader's distinct texts when it kept
    them: a national store's million rows are walked only when one has a line break."""
    texts = store.distinct.texts if store.distinct is not None else None
    if texts is not None and not any("\n" in t or "\r" in t for t in texts):
        return []
    problems = []
    for o in store.observations:
        breaks = _breaks(o.source) + _breaks(o.note)
        if breaks:
            # A row's line is its record's last (the readers number it so).
            span = msg("checks_cell_over_lines", first=o.line - breaks, last=o.line)
            problems.append(Problem(Location(file, o.line), span, "warning", check="store"))
    return problems


def _breaks(text: str) -> int:
    """The line ends in a cell: a CR LF is one."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


class _Withdrawn:
    """Whether the latest vintage of a row's indicator (or unit) and period is a retraction
    (series.in_force's rule: latest recorded_at, on a tie the later line): a figure for a
    period finer than a frequency made coarser since, withdrawn, is fixed (issue 17). Asked
    only of such a row; the totals' vintages are grouped on the first question."""

    def __init__(self, rows: Sequence[Observation], units: UnitRows) -> None:
        self._rows, self._units = rows, units
        self._latest: dict[tuple[str, int], Observation] | None = None

    def __call__(self, row: Observation) -> bool:
        if "[" in row.indicator:
            return self._units.withdrawn(self._rows, row)
        if self._latest is None:
            self._latest = {}
            for o in self._rows:
                last = self._latest.get(k := (o.indicator, o.period.sort_key))
                if last is None or (o.recorded_at, o.line) >= (last.recorded_at, last.line):
                    self._latest[k] = o
        latest = self._latest.get((row.indicator, row.period.sort_key))
        return latest is not None and latest.status == RETRACTED


def _row_problems_possible(plan: Plan, store: StoreContents, units: UnitRows) -> bool:
    """Whether any row could fail the row checks of ``run_checks`` (an unknown or derived
    indicator, a unit undeclared or with dates, a period finer than its indicator's
    frequency). Judged once per distinct key and per distinct (frequency, period), the
    reader's distinct values when it gathered them (store.Distinct): a national store's
    million rows are walked one by one only when the answer is yes."""
    from .checks_rows import _period_of, every_period_fits

    observations, distinct = store.observations, store.distinct
    frequency: dict[str, Frequency] = {}
    for key in set(map(_INDICATOR, observations)) if distinct is None else distinct.indicators:
        ind = plan.indicators.get(key)
        if ind is None and "[" in key:
            ind, dims, wrong = units.read(key)
            if wrong is not None or any(u.since or u.until for u in units.declared(dims)):
                return True
        if ind is None or ind.formula:
            return True
        frequency[key] = ind.frequency
    if every_period_fits(observations, frequency.values(), None if distinct is None else distinct.sort_keys):
        return False
    pairs = set(
        zip(map(frequency.__getitem__, map(_INDICATOR, observations)), map(_SORT_KEY, observations), strict=True)
    )
    return not all(_period_of(sort_key).fits(f) for f, sort_key in pairs)


def _unknown_indicator(indicator: str, plan: Plan, hints: Hints) -> Message:
    """'unknown indicator', with the indicator a hand-edited row probably meant ('share '
    typed with a trailing space in Excel), as status's warning suggests it; worked out
    once per indicator, however many rows it has (within suggest.Hints' bound)."""
    # A unit row (g[locality=...]) is suggested the indicator before its brackets.
    from .rules import stored_cell_error

    # A spreadsheet's error value ('#N/A') is told as in the store's other cells, no id
    # renamed (thirty-sixth session).
    wrong = stored_cell_error("indicator", indicator, next(iter(plan.indicators), "grdp_growth"))
    if wrong is not None:
        return wrong
    hint = hints(indicator.partition("[")[0])
    if hint is None:
        return msg("checks_unknown_indicator", id=indicator, file=plan.source_file)
    return msg("checks_unknown_indicator_hint", id=indicator, file=plan.source_file, hint=hint)
