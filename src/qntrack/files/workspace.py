"""The edge where files are found and read: targets.yaml, its observations, the series.

Everything the commands need from disk comes through ``open_workspace``; the core
(periods, model, assessment) never touches a file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, timezone, tzinfo
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Callable, Iterable

from ..errors import ExitCode, InputError, PlanError, StoreError, fail, refuse_nul

if TYPE_CHECKING:
    from ..plan.model import Observation, Plan, Problem
    from ..method.series import LeftOut, Series
    from ..files.store import StoreContents

# The model, the store and the series are imported where used: cheap for the status cache.

__all__ = ["Workspace", "as_of_day", "find_targets", "open_workspace", "plan_day", "reference_day"]

DEFAULT_NAME = "targets.yaml"
# Beside targets.yaml: the status cache's folder (qntrack.cache), never a report's place.
CACHE_DIR = ".qntrack-cache"


def reference_day(as_of: str | date | None, plan: Plan | None = None) -> date:
    """The day a command speaks of: ``as_of`` (``--as-of``: ``YYYY-MM-DD`` or a ``date``),
    else today in ``plan``'s ``timezone:``, the day every command judges it on
    (``plan_day``; until session 38 the machine's), else on this machine's calendar.
    ``plan`` is a ``Plan``; raises an ArgumentError naming ``plan`` for anything else, and
    ``as_of`` for a day written otherwise. The clock is read here for an assessment: the
    core is given the day (assessment.ended)."""
    if plan is not None:
        from ..plan.model import Plan
        from .argument_kinds import refuse_instance

        refuse_instance("plan", plan, Plan, "library_plan_type")
        return plan_day(as_of, plan.timezone)
    day = as_of_day(as_of)
    return date.fromisoformat(day) if day else date.today()


def plan_day(as_of: str | date | None, zone: str | tzinfo) -> date:
    """``reference_day``, today being the date in ``zone``, the plan's ``timezone:`` (the
    office's day on any machine), when it names one (targets-format.md; session 37, H)."""
    if not zone or as_of_day(as_of, zone=zone if isinstance(zone, str) else ""):
        return reference_day(as_of)
    if isinstance(zone, str):
        from ..method.timing import parse_zone

        zone = parse_zone(zone)
    return _now().astimezone(zone).date()


def this_year() -> int:
    """This year in the zone of the plan read (files.shown_days: its ``timezone:``), else on
    this machine's calendar: the year a period typed without one is offered ('H1': e.g.
    2027-H1 from 1 January 2027 in Ha Long, where a server in UTC still read 2026; issue 17,
    forty-third session)."""
    from .shown_days import shown_zone

    return plan_day(None, shown_zone()).year


def _now() -> datetime:
    """The clock a plan's today is read from (``plan_day``), aware, in UTC; tests fix it."""
    return datetime.now(timezone.utc)


def as_of_day(
    value: str | date | None, where: str = "as_of", example: str = "2023-06-28", zone: str | Callable[[], str] = ""
) -> str | None:
    """``files.as_of_days.as_of_day``, loaded when a day is read (a warm status reads none)."""
    if value is None:
        return None
    from .as_of_days import as_of_day as read

    return read(value, where, example, zone)


def find_targets(explicit: str | os.PathLike[str] | None) -> Path:
    """--targets, else QNTRACK_TARGETS, else targets.yaml here or in the nearest parent.

    Only None looks further: a caller's ``""`` (an unset variable) is refused, as ``-t ""``
    is, rather than read as the plan of the current folder. A plan not found is a PlanError;
    a caller's argument that is no path, an ArgumentError naming ``targets``."""
    from .library_arguments import refuse_path

    refuse_path("targets", explicit)
    try:
        return _find_targets(explicit)
    except InputError as exc:
        raise PlanError.of(exc) from None


def _find_targets(explicit: str | os.PathLike[str] | None) -> Path:
    from ..catalog import msg  # loaded already by every command: no cost to a warm status

    if explicit is not None and not os.fspath(explicit):
        raise fail("targets", msg("workspace_targets_empty"), ExitCode.USAGE)
    chosen = explicit or os.environ.get("QNTRACK_TARGETS")
    if chosen:
        refuse_nul("targets", chosen)
        if chosen == "-" and not os.path.lexists(chosen):  # `cat plan | qntrack -t - ...`
            raise fail(chosen, msg("workspace_targets_dash"), ExitCode.USAGE)
        return Path(chosen)
    from .textfiles import case_variant

    try:
        here = Path.cwd()
    except FileNotFoundError:  # a cron job's folder removed under it: said, not "no such file"
        raise fail(DEFAULT_NAME, msg("workspace_cwd_gone"), ExitCode.INVALID) from None
    for folder in (here, *here.parents):
        candidate = folder / DEFAULT_NAME
        # Anything there is taken, so that a FIFO, a device or a folder named
        # targets.yaml is refused by name rather than passed over in silence; so is a
        # symbolic link to a share not mounted, or a loop of links (lexists): passed
        # over, the parent's plan was used, and its store written to (a folder was passed
        # over until issue 17's thirty-third session).
        if os.path.lexists(candidate):
            # Relative, so messages read "targets.yaml:12:5", as the user would type it.
            return Path(os.path.relpath(candidate))
        variant = case_variant(candidate)
        if variant is not None:
            # Targets.yaml, from a Windows or macOS share: not this tracker's name here, yet
            # passed over, a parent folder's plan was used and its store written to.
            raise fail(DEFAULT_NAME, msg("workspace_targets_case", found=os.path.relpath(variant)), ExitCode.INVALID)
        from .windows_paths import another_plan_name

        other = another_plan_name(folder)  # targets.yaml.txt from Notepad: named, not passed over
        if other is not None:
            raise fail(DEFAULT_NAME, other, ExitCode.INVALID)
    from .windows_paths import plan_named_otherwise

    told = plan_named_otherwise(here)  # 'ke hoach.yaml': named, not "run 'qntrack init'"
    raise fail(DEFAULT_NAME, told or msg("workspace_no_targets"), ExitCode.INVALID)


@dataclass(frozen=True)
class Workspace:
    plan: Plan
    targets_path: Path
    store_path: Path
    store: StoreContents
    series: Series
    # The periods a derived indicator's formula could not give (a division by zero):
    # commands that show those indicators warn of them (``series.left_out_warnings``).
    left_out: LeftOut = field(default_factory=dict)
    # Every series name the store holds, when ``series`` has only those of the indicators
    # a command shows (``open_workspace``'s ``only``): what the warnings of rows that
    # targets.yaml does not define are found from. None: ``series`` has them all.
    names: frozenset[str] | None = None

    def __repr__(self) -> str:  # one line in a notebook, not the plan and every row
        from ..plan.notebook import workspace_repr  # not loaded by a warm status

        return workspace_repr(self)

    def warnings_for(self, indicator_ids: Iterable[str] | str | None) -> list[Problem]:
        """The rows of indicators targets.yaml does not define (ignored, so said), the
        figures in force that ``qntrack check`` calls errors, the milestones of these
        indicators' targets on the wrong side of their baseline, then the left-out periods
        that the figures of these indicators depend on. ``indicator_ids``: the plan's ids,
        one as text, or None for all; raises an ``ArgumentError`` naming it otherwise."""
        from ..files.checks_rows import suspects_in_force
        from ..method.series import formula_inputs, left_out_warnings, read_by, unknown_counts
        from .rules import unknown_store_warnings
        from ..files.store import utc_now

        from .library_arguments import indicator_ids_argument

        shown = indicator_ids_argument(self.plan, indicator_ids)
        inputs = formula_inputs(self.plan.indicators)
        names = self.series if self.names is None else self.names
        unknown = unknown_counts(names, known_keys(self.plan, names), self.store.observations)
        from .store_missing import missing_store

        out = missing_store(self.store_path, self.store, self.plan.source_file)
        if unknown:
            out += unknown_store_warnings(
                unknown, list(self.plan.indicators), str(self.store_path), self.plan.source_file
            )
        # The measured indicators the shown ones are read from, in the plan's order.
        read = read_by(inputs, shown)
        measured = [i for i in self.plan.indicators if i in read and i not in inputs]
        out += suspects_in_force(
            self.series,
            measured,
            str(self.store_path),
            utc_now(),
            stored=self.store.observations,
            indicators=self.plan.indicators,
            distinct=self.store.distinct,
            zone=self.plan.timezone,
        )
        if self.plan.dimensions:
            from .checks_units import outside_in_force

            out += outside_in_force(self.plan, self.series, str(self.store_path), measured)
        # A milestone on the wrong side of its baseline reads "achieved" at once: said here
        # as check says it (issue 17, seventeenth session).
        from .checks_due import milestone_side_problems

        out += milestone_side_problems(self.plan, self.series, set(shown))
        if not self.left_out:
            return out
        return out + left_out_warnings(self.left_out, inputs, shown)


def store_path_for(plan: Plan, targets_path: Path) -> Path:
    """The observations file named in targets.yaml, relative to targets.yaml's folder.

    A plan named as a stream of the system's (``-t /dev/stdin < targets.yaml``,
    ``/dev/fd/3``, ``/proc/self/fd/0``) is in no folder of its own: its store is beside the
    file the stream reads, not in /dev (where root could create one). A plan reached
    through any other link keeps its store beside the link (docs/decisions.md)."""
    folder = targets_path.parent
    if targets_path.is_absolute() and targets_path.parts[1:2] in (("dev",), ("proc",)):
        folder = Path(os.path.realpath(targets_path)).parent
    return as_on_disk(folder / plan.observations_path)


def as_on_disk(path: Path, folder: bool = False) -> Path:
    """``path``, or the one entry of its folder whose name is the same text composed
    otherwise: a Mac writes a copied file's name decomposed (NFD), targets.yaml holds it as
    typed (NFC), and Linux compares bytes. Only a name with a letter outside ASCII is
    looked for; two entries or more with that name (the typed one and a Mac's copy, say)
    are refused, both named: they look the same, and reading one passed the other over.
    A folder on the way is looked for so too when it is not there as typed (a Vietnamese
    folder copied from a Mac with the file in it), or when the file is not in it (two
    folders, the typed one empty and the Mac's holding the file: refused, both named)."""
    parent = path.parent
    if parent != path and not str(parent).isascii() and not (os.path.isdir(parent) and os.path.lexists(path)):
        path = as_on_disk(parent, folder=True) / path.name
    name = path.name
    if name.isascii():
        return path
    import unicodedata

    want = unicodedata.normalize("NFC", name)
    try:
        found = sorted(e for e in os.listdir(path.parent) if unicodedata.normalize("NFC", e) == want)
    except (OSError, ValueError):
        return path
    if len(found) > 1:
        from ..catalog import msg

        forms = ", ".join(f"{e} ({form})" if (form := _composition(e)) else e for e in found)
        key = "workspace_store_folder_twins" if folder else "workspace_store_twins"
        raise fail(str(path), msg(key, count=len(found), names=forms), ExitCode.INVALID)
    return path.with_name(found[0]) if found else path


def _composition(name: str) -> str:
    """How a name's letters are composed: NFC (as typed), NFD (as a Mac writes), or ""
    for a mix of the two."""
    import unicodedata

    if unicodedata.is_normalized("NFC", name):
        return "NFC"
    return "NFD" if unicodedata.is_normalized("NFD", name) else ""


def store_is_a_folder(plan: Plan, targets_path: Path, store_path: Path) -> list:
    """The problem to report when targets.yaml names a folder as its store, else none: a
    folder there (``data``), or a name written as a folder's (``obs.csv/``, which the path
    read as ``obs.csv``, whatever was meant), said at the `observations:` line with the
    line to write (issue 17, twenty-ninth session)."""
    typed = plan.observations_path
    slash = typed.rstrip().endswith("/")
    try:
        folder = store_path.is_dir()
    except OSError:  # a name too long: not a folder, and the read says why it fails
        folder = False
    if not slash and not folder:
        return []
    from ..catalog import msg
    from ..plan.model import Location, Problem
    from .store_missing import observations_line

    line = observations_line(str(targets_path))
    where = Location(str(targets_path), *line) if line is not None else Location(str(targets_path))
    bare = _tidy(typed)
    if folder:
        if bare.lower().endswith((".csv", ".tsv", ".txt")):
            # Named as the file: the file's place taken by a folder (a slip, an archive
            # unpacked), not a folder meant to hold it (fortieth session: it was offered
            # observations.csv/observations.csv). One that holds a file of its own name is
            # an archive unpacked into it: that file is the store, not to be left behind
            # a new one the first add-observation would make (helper H).
            inner = f"{bare}/{PurePath(bare).name}"
            try:
                holds = (store_path / store_path.name).is_file()
            except OSError:
                holds = False
            if holds:
                return [Problem(where, msg("workspace_store_folder_holds_it", path=bare, inner=inner))]
            return [Problem(where, msg("workspace_store_folder_in_its_place", path=bare))]
        example = f"{bare}/observations.csv" if bare else "observations.csv"
        return [Problem(where, msg("workspace_store_is_folder", path=typed, example=example))]
    return [Problem(where, msg("workspace_store_trailing_slash", path=typed, example=bare or "observations.csv"))]


def open_workspace(
    targets: str | os.PathLike[str] | None,
    as_of: str | date | None = None,
    reader: Callable[[Path], StoreContents] | None = None,
    with_series: bool = True,
    before_store: Callable[[Plan, Path, Path], None] | None = None,
    only: Callable[[Plan], Iterable[str] | None] | None = None,
    replaced: dict[str, Any] | None = None,
    vintages: dict[str, Any] | None = None,
) -> Workspace:
    """The plan and its store, opened and checked: a ``Workspace`` whose ``.plan`` is the
    plan, ``.store.observations`` every row of the store and ``.series`` the figures in
    force by indicator (and unit), as the commands read them.

    ``targets``: the path of targets.yaml (a ``str`` or ``pathlib.Path``), None to look for
    it as the commands do (``QNTRACK_TARGETS``, else targets.yaml here or in the nearest
    parent). ``as_of``: a day, ``YYYY-MM-DD`` or a ``date``: only the rows recorded by its
    end, in the plan's ``timezone:``, are in force (None: every row). ``with_series``:
    False leaves ``.series`` empty (the rows read and checked all the same). Raises
    ``PlanError`` (the plan missing or invalid), ``StoreError`` (a bad store row: no
    untrusted figure is judged) or an ``ArgumentError`` naming the argument.

    The command line's hooks: ``reader`` reads the store (default ``read_store``); the status cache passes one that
    also fingerprints the bytes it parsed (cache.py). ``before_store(plan, targets_path,
    store_path)`` is called once they are known, before the store is read: a report
    refuses an output that would replace either, and a command an id the plan lacks,
    without reading a national store first. ``only(plan)``: the indicators a command
    shows (None: all); the series in force are then worked out for them and the ones
    their formulas read, not for every indicator (``show`` of one target; issue 17).
    Every row is still read and checked. ``replaced``: receives what each figure in
    force replaced, noted while the series are built (``method.series.in_force``);
    ``vintages``: the same, each as the vintage replaced (its source and recorded_at).
    """
    from ..files.plan_loading import load_plan
    from ..method.series import build_series
    from ..files.store import read_store

    if not isinstance(with_series, bool):  # "no" would be true: named (library_arguments)
        from .library_arguments import refuse_flags

        refuse_flags(with_series=with_series)
    reader = reader or read_store
    from .as_of_days import zone_of_plan

    as_of = as_of_day(as_of, zone=zone_of_plan(targets))
    path = find_targets(targets)
    plan = load_plan(path)
    store_path = store_path_for(plan, path)
    folder = store_is_a_folder(plan, path, store_path)
    if folder:
        raise StoreError(folder)
    if before_store is not None:
        before_store(plan, path, store_path)
    from ..catalog import msg
    from .stages import tell_step

    tell_step(msg("import_step_reading", file=store_path.name), store_path)
    try:
        store = reader(store_path)
    except InputError as exc:  # not found, not UTF-8, a merge left unfinished: the store's
        raise StoreError.of(exc) from None
    except OSError as exc:  # a loop of links, a part of its path a file: the system's words
        from ..errors import os_failure

        raise StoreError.of(os_failure(exc, str(store_path), msg("store_doing_read"))) from None
    if store.problems:
        raise StoreError(list(store.problems), rows_of=store.problems[0].location.file)
    if plan.dimensions:
        store = canonical_units(plan, store)
    rows, names = store.observations, None
    shown = only(plan) if with_series and only is not None else None
    if shown is not None:
        rows, names = _rows_of(plan, rows, shown)
    # A division by zero in a formula leaves the period out; the commands warn of it.
    series, left_out = (
        build_series(plan.indicators, rows, as_of, None, replaced, vintages, plan.timezone) if with_series else ({}, {})
    )
    return Workspace(plan, path, store_path, store, series, left_out, names)


def one_target(target_id: str) -> Callable[[Plan], list[str] | None]:
    """``open_workspace``'s ``only`` for a command of one target (``show``, ``rank``): the
    series of its indicator (and of its formula's inputs); every series where the plan has
    no such target, which the command then refuses by name."""

    def only(plan: Plan) -> list[str] | None:
        found = plan.target(target_id)
        return [found.indicator] if found is not None else None

    return only


def _rows_of(
    plan: Plan, observations: tuple[Observation, ...], shown: Iterable[str]
) -> tuple[tuple[Observation, ...], frozenset[str]]:
    """The rows of the indicators ``shown`` and of every one their formulas read (their
    units' too), and the name of every series the store holds. Picked in C: a pass over a
    million rows, where working out every indicator's series in force took 1.2 s."""
    from itertools import compress
    from operator import attrgetter

    from ..method.series import formula_inputs, read_by
    from ..plan.units import base_of

    needed = read_by(formula_inputs(plan.indicators), shown)
    keys = list(map(attrgetter("indicator"), observations))
    names = frozenset(keys)
    wanted = {name for name in names if base_of(name) in needed}
    return tuple(compress(observations, map(wanted.__contains__, keys))), names


def canonical_units(
    plan: Plan, store: StoreContents, canonical: Callable[[str], str | None] | None = None
) -> StoreContents:
    """The store with every unit's key written as the plan names the unit: a row typed
    by hand as ``grdp_growth[locality = ha long]`` is a figure of Ha Long, in one series
    with the rows qntrack wrote (plan.unit_resolution.canonical_key, or ``canonical`` that gives
    the same). A key that names no unit is left as it is: ``check`` reports it, and
    ``status`` warns of its rows."""
    from dataclasses import replace

    # The reader's distinct keys, when it gathered them, rather than a million rows'.
    keys = store.distinct.indicators if store.distinct is not None else None
    rows = canonical_rows(plan, store.observations, canonical, keys)
    # The reader's distinct values stay: their texts and periods are the rows' still; only
    # their indicators are as typed (store.Distinct says so).
    return replace(store, observations=rows) if rows is not store.observations else store


def canonical_rows(
    plan: Plan,
    observations: tuple[Observation, ...],
    canonical: Callable[[str], str | None] | None = None,
    keys: Iterable[str] | None = None,
) -> tuple[Observation, ...]:
    """``observations`` with every unit's key as the plan names it (``canonical_units``);
    the same tuple when none changes. What an append compares its rows with, too: a
    figure typed again is "already recorded", and a retraction finds the figure in force,
    however the stored key was typed. ``keys``: every key of the rows (more does no harm:
    the rows are then walked for nothing), when known (store.Distinct)."""
    if not plan.dimensions:
        return observations  # no unit to name: every append of a plan without breakdowns
    from operator import attrgetter

    from ..plan.unit_resolution import canonical_key

    # Each distinct key judged once; the rows walked only when one is typed otherwise than
    # the plan names it. A national store's million rows are nearly all keys qntrack wrote
    # (issue 17): their set is made in C and the rows left as they are.
    renamed = {}
    for key in set(map(attrgetter("indicator"), observations)) if keys is None else keys:
        if "[" in key:
            canon = (canonical(key) if canonical else canonical_key(key, plan.indicators, plan.dimensions)) or key
            if canon != key:
                renamed[key] = canon
    if renamed and keys is not None:  # a key of a row the reader refused renames nothing
        held = set(map(attrgetter("indicator"), observations))
        renamed = {key: canon for key, canon in renamed.items() if key in held}
    # An open dimension's unit spelt two ways is one unit, in the spelling met first
    # (files.open_units; thirty-sixth session).
    if any(d.values is None for d in plan.dimensions.values()):
        from .open_units import open_folds

        every = set(map(attrgetter("indicator"), observations)) if keys is None else keys
        renamed.update(open_folds(plan, observations, {k: renamed.get(k, k) for k in every if "[" in k}))
    if not renamed:
        return observations
    return tuple(o._replace(indicator=renamed[o.indicator]) if o.indicator in renamed else o for o in observations)


def known_keys(plan: Plan, series: Iterable[str]) -> set[str]:
    """The series names targets.yaml gives a meaning: its indicators and their units.
    ``series``: the series, or their names."""
    from ..plan.unit_resolution import canonical_key

    known = set(plan.indicators)
    if plan.dimensions:
        known.update(k for k in series if "[" in k and canonical_key(k, plan.indicators, plan.dimensions) == k)
    return known


def _tidy(typed: str) -> str:
    """``typed`` without what ends it as a folder's name: '/', '/.' and '//' (``data/./``
    is ``data``), so that the example is ``data/observations.csv``, not
    ``data/./observations.csv``; '' for the tracker's own folder (``.``, ``./``)."""
    import re

    bare = re.sub(r"(?:/\.?)+$", "", typed.rstrip())
    return "" if bare == "." else bare
