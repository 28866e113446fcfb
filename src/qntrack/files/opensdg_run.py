"""``qntrack import opensdg``: the repository read (``opensdg_import``), then written into a
folder as targets.yaml and observations.csv, all or nothing (docs/formats.md).

A second import of a newer checkout into the same folder adds only what changed: a
figure whose value, status and source are those in force for its series and year is not
recorded again, whatever the date of its file's last commit; a new or revised figure is
recorded as a new vintage, dated by that commit. Figures the repository no longer has are
kept (a published figure is never deleted) and counted.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .textfiles import real_path
from ..catalog import msg
from ..errors import ExitCode, InputError, fail, refuse_nul
from ..plan.model import Location, Observation, Plan, Problem
from .opensdg_write import refuse_into_name
from .opensdg_import import MARKER, ImportPlan, in_force_key, plan_repository

__all__ = ["ImportDone", "import_opensdg"]


@dataclass(frozen=True, slots=True)
class ImportDone:
    targets: Path
    store: Path
    planned: ImportPlan
    added: int
    unchanged: int
    # The figures in force the repository no longer has, kept: "1_1_1[sex=Female] 2020".
    gone: list[str]
    dry_run: bool
    # Indicators of the previous import the repository no longer has, kept in the plan.
    kept_indicators: list[str] = field(default_factory=list)
    # Figures withdrawn here (a retraction in force) that the repository still gives as
    # they were withdrawn: not recorded again, named (forty-second session).
    still_withdrawn: list[str] = field(default_factory=list)


def _year_over(period: str, recorded_at: str) -> bool:
    """Whether the year had ended (its last day reached) by the day of ``recorded_at``."""
    return recorded_at[:10] >= f"{period}-12-31"


def _refuse_no_folder(repo_dir: Path) -> None:
    """The repository's folder refused as the system finds it: missing, a link to nowhere, a
    loop of links, a path through a file or too long, a file, a folder that cannot be
    listed. Each said so, where "not a folder" was said of them all (thirty-seventh session)."""
    import stat

    from ..errors import os_read_reason

    name = str(repo_dir)
    try:
        mode = os.stat(repo_dir).st_mode
    except FileNotFoundError:
        if os.path.islink(repo_dir):
            raise fail(name, msg("opensdg_folder_dangling", target=os.readlink(repo_dir))) from None
        from .windows_paths import with_home_hint

        raise fail(name, with_home_hint(msg("opensdg_no_folder"), name)) from None
    except OSError as exc:
        raise fail(name, msg("opensdg_folder_unread", reason=os_read_reason(exc))) from None
    if not stat.S_ISDIR(mode):
        raise fail(name, msg("opensdg_not_a_folder" if not stat.S_ISREG(mode) else "opensdg_file_not_folder"))
    from .opensdg_git import unlisted

    if (found := unlisted(repo_dir, name)) is not None:
        raise fail(name, found.message)


def import_opensdg(
    repo_dir: str | os.PathLike[str],
    into: str | os.PathLike[str],
    recorded_at: str | None = None,
    *,
    skip_bad: bool = False,
    dry_run: bool = False,
    force: bool = False,
) -> ImportDone:
    """Read the repository at ``repo_dir`` and write its plan and figures into ``into``."""
    from .definitions import parse_plan
    from .recording import record_many
    from .starter import write_atomically

    refuse_nul("repo_dir", repo_dir)
    refuse_nul("into", into)
    # The folder refused as `export opensdg --into` refuses it, exit 2 (a usage error,
    # docs/cli.md): empty (Path('') is the current folder) or '-' (standard output for -o).
    refuse_into_name(os.fspath(into), msg("roundtrip20_import_empty_name"))
    from .windows_paths import refuse_windows_folder

    refuse_windows_folder(os.fspath(into))  # 'plans\sdg' would be one folder named so
    from .outputs import refuse_file_as_folder

    # 'targets.yaml/x', named as typed: refused before the repository is read, as `export
    # opensdg --into` refuses it (exit 2), where the system's "Not a directory" came after.
    refuse_file_as_folder(into, creates=True)
    repo_dir, into = Path(repo_dir), Path(into)  # a caller's text, as the command's Path
    _refuse_no_folder(repo_dir)
    if real_path(into) == real_path(repo_dir) or real_path(repo_dir) in real_path(into).parents:
        raise fail(str(into), msg("opensdg_into_repository", repo=str(repo_dir)), ExitCode.USAGE)
    if recorded_at is not None:
        from .rules import recorded_at as utc_stamp

        try:
            recorded_at = utc_stamp(recorded_at)
        except ValueError as exc:
            raise fail("--recorded-at", exc.args[0], ExitCode.USAGE) from None
        from .store import utc_now

        now = utc_now()
        if recorded_at > now:
            # One message here, not one per row of every data file.
            future = msg("hostile16_recorded_at_future", date=recorded_at[:10], now=now)
            raise fail("--recorded-at", future, ExitCode.USAGE)
    if into.exists() and not into.is_dir():
        raise fail(str(into), msg("hostile16_into_not_folder"), ExitCode.USAGE)
    targets = into / "targets.yaml"
    store = into / "observations.csv"
    from .opensdg_links import plan_written_at, refuse_links_elsewhere

    refuse_links_elsewhere(targets, store, MARKER.encode())  # before --force is looked at
    _refuse_foreign_plan(targets, force)
    planned = plan_repository(repo_dir, recorded_at, skip_bad)
    # A refused import says the other files' warnings too, after its errors, as check and
    # add-observation --from do (issue 17, thirty-seventh session).
    if planned.problems:
        raise InputError([*planned.problems, *planned.warnings])
    planned.text, kept_indicators = _with_previous(targets, planned.text)
    early = _before_their_years(planned.candidates)
    if early:
        raise InputError([*early, *planned.warnings])
    try:
        plan = parse_plan(planned.text, str(targets))
    except InputError as exc:
        # The import made a plan its own rules refuse: the problems name lines of a file
        # the user does not have; say so first (docs/decisions.md, "Hostile pass of issue 16").
        said = Problem(Location(str(repo_dir)), msg("hostile16_plan_refused", targets=str(targets)))
        raise InputError([said, *exc.problems]) from None
    for _, fields in planned.candidates:
        # A figure published before its year was over can only be an estimate
        # (docs/decisions.md, "Files, timestamps and text in the store").
        if not _year_over(fields["period"], fields["recorded_at"]):
            fields["status"] = "estimate"
    kept, unchanged, gone, still_withdrawn = _changed_only(plan, store, planned.candidates, planned.sources_before)
    made = [] if dry_run else [p for p in (into, *into.parents) if not p.exists()]
    if made:
        into.mkdir(parents=True)
    try:
        if not kept:
            added = 0
        else:
            if not dry_run:
                _plan_replaceable(plan_written_at(targets))
            done = record_many(None, kept, dry_run=dry_run, opened=(plan, store), command="import opensdg")
            added = len(done.rows)
            unchanged += len(done.skipped)
        if not dry_run:
            # The figures first: a plan naming indicators with no figures yet would be true
            # too, but a store holding figures of indicators the old plan does not know would
            # be read as unknown rows until the plan is written; a rerun mends either.
            written = plan_written_at(targets)
            try:
                write_atomically(written, planned.text.encode("utf-8"))
            except OSError as exc:
                # A full disk on the open file: an error with no name, which the command
                # line would take for standard output's. It is the plan's.
                exc.filename = exc.filename or str(written)
                raise
    except BaseException:
        _unmake(made, store)
        raise
    return ImportDone(targets, store, planned, added, unchanged, gone, dry_run, kept_indicators, still_withdrawn)


def _plan_replaceable(written: Path) -> None:
    """The plan's file shown replaceable before any figure is appended: rewritten with the
    bytes it holds, or, where there is none, a file made and removed beside it. A
    targets.yaml the system would not replace (read-only on Windows, immutable, held by a
    sync client) stopped the import after its figures were added: a store holding figures
    of indicators the old plan does not know, `check`'s errors until a rerun (session 45,
    pass O)."""
    import tempfile

    from .name_room import temporary_prefix
    from .starter import write_atomically

    try:
        if written.is_file():
            write_atomically(written, written.read_bytes())
        else:
            fd, tmp = tempfile.mkstemp(prefix=temporary_prefix(written), suffix=".tmp", dir=written.parent)
            os.close(fd)
            os.unlink(tmp)
    except OSError as exc:
        exc.filename = exc.filename or str(written)
        raise


def _unmake(made: list[Path], store: Path) -> None:
    """After a failed import into folders it made (``made``, innermost first): remove
    them again while they hold no figure (an empty store and its lock file), as `init`
    does; a store with rows stays, and a rerun adds the plan."""
    if not made:
        return
    from .name_room import beside

    for leftover in (store, beside(store, ".lock")):
        try:
            if leftover.stat().st_size == 0:
                leftover.unlink()
        except OSError:
            pass
    for folder in made:
        try:
            folder.rmdir()
        except OSError:
            return


def _with_previous(targets: Path, text: str) -> tuple[str, list[str]]:
    """The new plan, still declaring what the previous import's plan declared: its
    indicators the repository no longer has (a file renamed or removed) and its
    dimensions' units no row has now. Their figures stay in the store (a published figure
    is never deleted), and a plan that no longer declared them would make every command
    ignore them and ``check`` fail. Also the ids of the indicators kept so."""
    import yaml

    from ..plan.units import unit_match
    from .textfiles import read_regular
    from .yaml_nodes import safe_values

    data = read_regular(targets, "targets.yaml") if targets.exists() else None
    if data is None or not data.startswith(MARKER.encode()):
        return text, []  # no plan, or someone's plan replaced with --force: nothing to keep
    try:
        old = safe_values(data.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return text, []
    if not isinstance(old, dict) or not isinstance(old.get("indicators"), dict):
        return text, []
    if not isinstance(old.get("dimensions") or {}, dict):
        old["dimensions"] = {}
    head = "".join(line for line in text.splitlines(True) if line.startswith("#"))
    new = safe_values(text)
    dims, old_dims = new.setdefault("dimensions", {}), old.get("dimensions") or {}
    kept = [i for i in old["indicators"] if i not in new["indicators"]]
    new["indicators"].update({i: old["indicators"][i] for i in kept})
    for dim_id, entry in old_dims.items():
        if not isinstance(entry, dict):
            continue
        if dim_id not in dims:
            dims[dim_id] = entry
        elif isinstance(dims[dim_id].get("values"), list) and isinstance(entry.get("values"), list):
            have = {unit_match(str(v)) for v in dims[dim_id]["values"]}
            dims[dim_id]["values"] += [v for v in entry["values"] if unit_match(str(v)) not in have]
    if not dims:
        del new["dimensions"]
    # Dumped as plan_repository dumps it; "targets" stays last.
    new["targets"] = new.pop("targets")
    return head + yaml.safe_dump(new, sort_keys=False, allow_unicode=True, width=100000), kept


def _before_their_years(candidates: list[tuple[Location, dict[str, str]]]) -> list[Problem]:
    """One problem per data file whose figures are recorded before their year began (a
    --recorded-at too early, or a commit of projections): the store would refuse each row,
    with advice (--force) that import's --force does not follow."""
    early: dict[str, list[tuple[Location, dict[str, str]]]] = {}
    for where, fields in candidates:
        if fields["recorded_at"][:4] < fields["period"]:
            early.setdefault(where.file, []).append((where, fields))
    out = []
    for rows in early.values():
        where, fields = rows[0]
        said = msg("hostile16_before_year", count=len(rows), date=fields["recorded_at"][:10], year=fields["period"])
        out.append(Problem(where, said))
    return out


def _refuse_foreign_plan(targets: Path, force: bool) -> None:
    """A targets.yaml the import did not write is someone's plan: never replaced unasked;
    nor is a link to a plan that is not there now (a share not mounted), as `init` does not."""
    if not force and os.path.islink(targets) and not targets.exists():
        said = msg("textfile_dangling_link", target=os.readlink(targets))
        raise fail(str(targets), said, ExitCode.USAGE)
    if force or not targets.exists():
        return
    from .textfiles import read_regular

    data = read_regular(targets, "targets.yaml")
    if data is None:
        raise fail(str(targets), msg("opensdg_plan_unreadable"))
    if not data.startswith(MARKER.encode()):
        raise fail(str(targets), msg("opensdg_foreign_plan"), ExitCode.USAGE)


def _changed_only(
    plan: Plan,
    store: Path,
    candidates: list[tuple[Location, dict[str, str]]],
    sources_before: dict[str, set[str]] | None = None,
) -> tuple[list[tuple[Location, dict[str, str]]], int, list[str], list[str]]:
    """The candidates that add something to the store, how many are in force already, the
    figures in force the repository no longer has (key and period, in the store's order),
    and the figures withdrawn here that the repository gives as they were withdrawn: the
    site not yet told, not a new publication, so the retraction stands.

    A figure in force whose source is as an import before 08283a1 wrote this one
    (``sources_before``: the address given twice) is unchanged: after an upgrade the same
    import refused every such figure at its date, or added each again at a later one."""
    before = sources_before or {}
    if not store.exists():
        return candidates, 0, [], []
    from ..method.series import build_series
    from .rules import written_text
    from .store import read_store
    from .workspace import canonical_rows

    contents = read_store(store)
    if contents.problems:
        raise InputError(list(contents.problems))
    _refuse_unread_figures(plan, store, contents.observations)
    rows = canonical_rows(plan, contents.observations)
    series, _ = build_series(plan.indicators, rows)
    in_force = {(key, str(o.period)): o for key, vintages in series.items() for o in vintages}
    withdrawn = _withdrawn_here(rows)
    kept = []
    still: list[str] = []
    seen = set()
    for where, fields in candidates:
        key = (in_force_key(plan, fields), fields["period"])
        seen.add(key)
        now = in_force.get(key)
        if (
            now is not None
            and not math.isnan(now.value)
            and now.value == float(fields["value"])
            and now.status == fields.get("status", "")
            # The store holds a source a spreadsheet would run after an apostrophe:
            # compared as the repository's would be stored (forty-second session).
            and (now.source == written_text(fields["source"]) or now.source in before.get(fields["source"], ()))
        ):
            continue
        was = withdrawn.get(key) if now is None else None
        if (
            was is not None
            and was.value == float(fields["value"])
            and was.status == fields.get("status", "")
            and (was.source == written_text(fields["source"]) or was.source in before.get(fields["source"], ()))
        ):
            still.append(f"{key[0]} {key[1]}")
            continue
        kept.append((where, fields))
    gone = [f"{key} {period}" for key, period in in_force if (key, period) not in seen and _imported(plan, key)]
    return kept, len(candidates) - len(kept) - len(still), gone, still


def _withdrawn_here(rows: Sequence[Observation]) -> dict[tuple[str, str], Observation]:
    """By key and period, the vintage a retraction in force withdrew (none withdrawn: left out)."""
    from ..method.withdrawals import Gone, withdrawn_of
    from ..plan.model import RETRACTED

    keys = {o.indicator for o in rows if o.status == RETRACTED}
    if not keys:
        return {}
    found = withdrawn_of(rows, keys)
    return {
        (key, str(gone[0].period)): gone.withdrew
        for key, pairs in found.items()
        for gone in pairs
        if isinstance(gone, Gone) and gone.withdrew is not None
    }


def _imported(plan: Plan, key: str) -> bool:
    from ..plan.units import base_of

    return base_of(key) in plan.indicators and not plan.indicators[base_of(key)].formula


def problems_of(done: ImportDone) -> list[Problem]:
    """The indicators left out (``--skip-bad``), each problem as a warning."""
    return [p for found in done.planned.left_out.values() for p in found]


def _refuse_unread_figures(plan: Plan, store: Path, observations: Sequence[Observation]) -> None:
    """A store holding figures of indicators the new plan does not declare is another
    tracker's: ``--force`` replaced its targets.yaml and every such figure went unread
    (``check``: one error a row). Refused before anything is written."""
    from ..plan.units import base_of

    counts: dict[str, int] = {}
    for o in observations:
        base = base_of(o.indicator)
        if base not in plan.indicators:
            counts[base] = counts.get(base, 0) + 1
    if counts:
        names = ", ".join(sorted(counts)[:5]) + (", ..." if len(counts) > 5 else "")
        raise fail(str(store), msg("opensdg_store_not_ours", rows=sum(counts.values()), indicators=names))
