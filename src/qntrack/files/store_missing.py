"""The warning when the observations file targets.yaml names is not there (a typo in
`observations:`, say): every target would be "not available" and nothing would say why.
Said at the `observations:` line of targets.yaml, where the slip is (issue 17, twentieth
session); moved here from files/workspace.py, which was at the 500-line limit."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalog import Message
    from ..plan.model import Problem
    from .store import StoreContents

__all__ = ["home_store", "missing_folder", "missing_store", "store_missing", "store_near", "tilde_store"]


def home_store(typed: str, targets_file: str) -> Message | None:
    """Why ``observations: "~"`` (or "~/", or "~user" of a user there is) can name no
    store, else None: no shell reads targets.yaml, so it names a file '~' beside the plan,
    which the first ``add-observation`` made, where ``check`` had warned only until then
    (thirty-ninth session). Whoever wrote it meant a home folder, a folder: refused
    wherever the plan is read, with what to write. A file so named beside the plan (made
    by an earlier qntrack) is told to be renamed, its figures kept; a folder so named is
    what the line names (``workspace.store_is_a_folder`` says it); "~/data/x.csv" is left
    to ``tilde_store``'s warning, as its folder '~' is not there to write in."""
    from ..catalog import msg

    name = typed.strip().rstrip("/")
    if not name.startswith("~") or "/" in name:
        return None
    home = os.path.expanduser(name)
    if home == name and name != "~":  # '~a.csv': no user so named, a file's name like any other
        return None
    here = Path(targets_file).parent / name
    if here.is_dir():
        return None
    if os.path.lexists(here):
        # A name free beside it: "rename it to observations.csv" over a store there lost it.
        taken = ("observations.csv", *(f"observations-{n}.csv" for n in range(1, 100)))
        example = next((n for n in taken if not os.path.lexists(here.with_name(n))), "observations-new.csv")
        return msg("definitions_observations_home_file", typed=typed, name=name, example=example)
    if home == name:  # a home this system does not know (no HOME, no user entry)
        return msg("definitions_observations_home_unknown", typed=typed, name=name)
    folder = home.rstrip("/") or "/"
    return msg("definitions_observations_home", typed=typed, name=name, home=folder, inside=folder.rstrip("/") + "/")


def missing_folder(path: Path) -> Problem | None:
    """The problem when the store's folder does not exist: it is never created silently
    (a typo in 'observations:' would otherwise start a new store somewhere unexpected).
    A path the system cannot follow (a loop of links; a part of it a file, not a folder)
    is said as the system says it, not as a folder missing, nor as an OSError (moved here
    from files/store.py, at the 500-line limit; issue 17, twenty-fourth session)."""
    import errno

    from ..catalog import msg
    from ..errors import os_failure
    from ..plan.model import Location, Problem
    from .textfiles import dangling_link, real_path

    try:
        target = dangling_link(path)
        if target is not None and os.path.isdir(os.path.dirname(real_path(path)) or "."):
            # A link to a share not mounted: written through, it made a new store under the
            # empty mount point, which the share hid again once mounted (a lost row).
            return Problem(Location(str(path)), msg("store_dangling_link", target=target))
        folder = real_path(path).parent
        if folder.is_dir():
            return None
        if os.path.lexists(folder):
            raise OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
    except OSError as exc:
        return os_failure(exc, str(path), msg("store_doing_read")).problems[0]
    return tilde_store(path) or Problem(Location(str(path)), msg("store_missing_folder", folder=folder))


def missing_store(store_path: Path, store: StoreContents, targets_file: str | None = None) -> list:
    """The warning when the observations file does not exist (a typo in 'observations:',
    say), else none: every target would be "not available" and nothing would say why.

    A store that read as rows is there, so the file system is asked only when there are
    none. ``qntrack init`` writes an empty observations.csv: a new tracker is not warned.
    """
    if store.observations or store.problems or os.path.exists(store_path):
        return []
    return [store_missing(store_path, targets_file)]


def store_missing(store_path: Path, targets_file: str | None = None) -> Problem:
    """The warning of a store that is not there (``missing_store``; the status cache's
    too), said at the value of the `observations:` line of ``targets_file`` when it has
    one, where the slip is (issue 17, twentieth session), the message and its code as
    before ("if 'observations:' ... means it, correct that line")."""
    from dataclasses import replace

    from ..plan.model import Location

    problem = _store_missing(store_path)
    line = observations_line(targets_file) if targets_file else None
    if line is None:
        return problem
    return replace(problem, location=Location(str(targets_file), *line))


def store_near(store: Path, near: Path, targets_file: str | None, dry_run: bool) -> Problem:
    """The warning of an append that starts the store targets.yaml names while ``near``,
    a store beside it, holds figures: said at targets.yaml's `observations:` line, where
    the slip is, as a missing store is (issue 17, twenty-first session); at the new store
    when the line cannot be found."""
    from ..catalog import msg
    from ..plan.model import Location, Problem

    said = msg("store_near_new_dry" if dry_run else "store_near_new", found=near.name)
    line = observations_line(targets_file) if targets_file else None
    where = Location(str(targets_file), *line) if line is not None else Location(str(store))
    return Problem(where, said, "warning")


def observations_line(targets_file: str) -> tuple[int, int] | None:
    """The line and column of the value of targets.yaml's top-level `observations:`; None
    when there is none, or the file cannot be read again."""
    import re

    try:
        with open(targets_file, encoding="utf-8-sig", errors="replace") as f:
            lines = f.read(16 * 1024 * 1024).splitlines()
    except OSError:
        return None
    for number, text in enumerate(lines, 1):
        found = re.match(r"observations:[ \t]*", text)
        if found and len(text) > found.end():
            return number, found.end() + 1
    return None


def tilde_store(store_path: Path) -> Problem | None:
    """The problem of a store named in targets.yaml as ``observations: "~/..."`` when no
    folder '~' is there: no shell reads targets.yaml, so the '~' is a folder of that name
    beside it, and the message names the path to write (review of the twenty-first
    session: the Mac pass told a '~' left as typed everywhere but here, where an append
    said to create a folder '~')."""
    from ..catalog import msg
    from ..plan.model import Location, Problem

    parts = store_path.parts
    if "~" not in parts:
        return _variable_store(store_path)
    at = parts.index("~")
    if os.path.lexists(Path(*parts[: at + 1])):
        return None
    written = os.path.join(os.path.expanduser("~"), *parts[at + 1 :])
    from .windows_paths import first_missing

    # The store is made at the first append, in a folder that is there: a folder missing at
    # home too is named, not offered (thirty-eighth session).
    if (missing := first_missing(written, "folder")) is not None:
        return Problem(Location(str(store_path)), msg("store_tilde_missing", missing=missing))
    if os.path.isdir(written):
        # observations: "~", the home folder itself, or "~/data", a folder there: no store
        # to write in its place (pass M2: the home folder was offered as the file).
        folder = written.rstrip("/") or "/"
        inside = folder.rstrip("/") + "/"
        return Problem(Location(str(store_path)), msg("store_tilde_folder", path=folder, inside=inside))
    return Problem(Location(str(store_path)), msg("store_tilde", path=written))


def _variable_store(store_path: Path) -> Problem | None:
    """``observations: "$QN_DATA/qn-obs.csv"``, copied from a shell script or a cron line,
    as a '~' is: no shell reads targets.yaml, so the variable is a folder of that name
    beside it (twenty-eighth session). Said with the path to write when the variable is
    set, else with what to write in its place."""
    import re

    from ..catalog import msg
    from ..plan.model import Location, Problem

    parts = store_path.parts
    at = next((i for i, p in enumerate(parts) if re.fullmatch(r"\$\{?[A-Za-z_][A-Za-z0-9_]*\}?", p)), None)
    if at is None or os.path.lexists(Path(*parts[: at + 1])):
        return None
    variable = parts[at]
    value = os.environ.get(variable.strip("${}"))
    if not value:
        return Problem(Location(str(store_path)), msg("store_variable_unset", variable=variable))
    written = os.path.join(value, *parts[at + 1 :])
    return Problem(Location(str(store_path)), msg("store_variable", variable=variable, path=written))


def _store_missing(store_path: Path) -> Problem:
    from ..catalog import msg
    from ..plan.model import Location, Problem

    tilde = tilde_store(store_path)  # observations: "~/..." (no shell reads targets.yaml)
    if tilde is not None:
        return Problem(tilde.location, tilde.message, "warning")
    from .textfiles import dangling_link

    target = dangling_link(store_path)  # a link to a share not mounted: said, not "does not exist"
    if target is not None:
        return Problem(Location(str(store_path)), msg("store_dangling_link", target=target), "warning")
    from .windows_paths import drive_path, windows_advice

    drive = drive_path(store_path)  # 'C:\Users\...' from Explorer: no path here, said what to write
    if drive is not None:
        hint = windows_advice(*drive)
        return Problem(
            Location(str(store_path)), msg("workspace_store_windows", written=drive[1], hint=hint), "warning"
        )
    if "\\" in store_path.name and os.sep == "/":
        # 'data\obs.csv' from a Windows habit: here a backslash is part of a file's name.
        slashed = store_path.name.replace("\\", "/").rstrip("/") or "observations.csv"  # never ending in "/"
        return Problem(Location(str(store_path)), msg("workspace_store_missing_backslash", path=slashed), "warning")
    from .smart_quotes import unquoted_name

    unquoted = unquoted_name(store_path)  # “observations.csv” from TextEdit's Smart Quotes
    if unquoted is not None:
        said = msg("workspace_store_smart_quotes", written=store_path.name, name=unquoted)
        return Problem(Location(str(store_path)), said, "warning")
    from .icloud import icloud_placeholder

    placeholder = icloud_placeholder(store_path)  # a Mac's iCloud Drive keeps it in the cloud only
    if placeholder is not None:
        from .figure_units import shell_word

        said = msg("workspace_store_icloud", found=placeholder.name, path=shell_word(str(store_path)))
        return Problem(Location(str(store_path)), said, "warning")
    from .textfiles import case_variant

    variant = case_variant(store_path)
    if variant is not None:  # Observations.csv from a Windows share: said, and never appended beside
        return Problem(Location(str(store_path)), msg("workspace_store_case", found=variant.name), "warning")
    from .windows_paths import text_document

    saved = text_document(store_path)  # observations.csv.txt from Notepad: the name to give it
    if saved is not None:
        return Problem(
            Location(str(store_path)), msg("workspace_store_txt", found=saved.name, name=store_path.name), "warning"
        )
    from .textfiles import near_store

    near = near_store(store_path)  # obsevations.csv named, observations.csv there: said
    if near is not None:
        return Problem(Location(str(store_path)), msg("workspace_store_near", found=near.name), "warning")
    return Problem(Location(str(store_path)), msg("workspace_store_missing"), "warning")
