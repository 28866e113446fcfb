"""Putting an Open SDG export on the disk (``opensdg_export`` decides the bytes).

The rules (docs/formats.md, "Open SDG: export", "Where it is written"):

- DIR is never the folder of targets.yaml or of the observations file, nor a folder
  above them: an export never replaces what the tracker reads;
- DIR is created when missing; an existing DIR must be empty or hold the marker file
  (``.qntrack-export``) of an earlier export, unless --force;
- a new DIR is written as a temporary folder beside it, then renamed into place; in an
  existing DIR (an Open SDG data repository is often a git checkout, with files of its
  own) every file is written beside its place and renamed over it, then the files the
  earlier export wrote in ``data/``, ``meta/`` and ``translations/`` that this one does
  not are removed, and a translations folder so emptied;
  nothing else in DIR is touched;
- an error of the system is one message, exit 1, and the temporary files are removed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable, Mapping

from ..errors import ExitCode, fail, os_failure
from ..catalog import Message, msg
from .starter import process_umask

__all__ = ["MARKER", "write_export", "refuse_inputs", "refuse_foreign_folder", "refuse_into_name"]

MARKER = ".qntrack-export"
# The folders whose files no earlier export wrote are the export's to replace; outside
# them a file the site holds and no marker lists is the site's own, kept (``_site_own``).
_OWNED = ("data/", "meta/")
# The folders where a file an earlier export wrote (its marker lists it) and this one does
# not is removed: its languages' translations too, else a plan that lost its Vietnamese
# names left them, and a later export called them the site's own (thirtieth session).
_SWEPT = (*_OWNED, "translations/")


def refuse_into_name(into: str, empty: Message) -> None:
    """The --into of `export opensdg` and `import opensdg`, refused alike (exit 2): an empty
    name (a shell's unset variable; Path('') would be the current folder) with ``empty``,
    and '-', which is standard output for -o (a folder named so is ./-); a link to nothing
    (a share not mounted) and a loop of links, each said as such (they were "a part of the
    path is a file, not a folder")."""
    if not into.strip():
        raise fail("--into", empty, ExitCode.USAGE)
    if into == "-":
        raise fail("--into", msg("roundtrip20_into_dash"), ExitCode.USAGE)
    if os.path.islink(into):
        try:
            os.stat(into)
        except FileNotFoundError:  # a link to a share not mounted: never made under its mount point
            raise fail(into, msg("folder_dangling_link", target=os.readlink(into)), ExitCode.USAGE) from None
        except OSError as exc:  # a loop of links: the system's words, not "a part is a file"
            raise os_failure(exc, into, msg("into_doing_follow")) from None


def refuse_inputs(into: str, folders: list[Path]) -> None:
    """Refuse DIR when it is the folder of an input, or a folder above one."""
    real = Path(os.path.realpath(into))
    for folder in folders:
        inside = Path(os.path.realpath(folder))
        if real == inside or real in inside.parents:
            raise fail(into, msg("osexport_input_folder", folder=folder), ExitCode.USAGE)


def refuse_foreign_folder(into: str, force: bool) -> None:
    """Refuse DIR as ``write_export`` would (a file, or a folder qntrack did not write,
    without --force), before any work: the export looks again when it writes. A name the
    system will not look up (too long) is said as the write would say it."""
    try:
        _previous(Path(into), into, force)
    except OSError as exc:
        raise os_failure(exc, into, msg("osexport_doing_write"), msg("cli_nothing_written"), made=True) from None


def _previous(into: Path, shown: str, force: bool) -> list[str] | None:
    """The files an earlier export wrote (from its marker); [] for an empty or new DIR;
    None for a folder qntrack did not write, taken over with --force (nothing removed)."""
    if not into.exists():
        return []
    if not into.is_dir():
        raise fail(shown, msg("osexport_not_folder"), ExitCode.USAGE)
    _refuse_linked_folders(into, shown)
    if not any(into.iterdir()):
        return []
    marker = into / MARKER
    try:
        lines = marker.read_text(encoding="utf-8").splitlines() if marker.is_file() else []
    except (OSError, UnicodeDecodeError):
        lines = []
    if lines and lines[0].startswith("qntrack ") and lines[0].endswith(" opensdg-export"):
        return [line for line in lines[1:] if line]
    if force:
        return None
    raise fail(shown, msg("osexport_foreign_folder", marker=MARKER), ExitCode.USAGE)


# The folders an export writes files into (and translations/<language>/ below the last).
_FOLDERS = ("data", "meta", "translations")


def _refuse_linked_folders(into: Path, shown: str) -> None:
    """Refuse DIR when a folder the export writes into is a link: a repository from
    someone else may hold 'data' as a link to any folder, where the export would write
    its files and remove those its marker lists (issue 17, eighteenth session)."""
    below = into / "translations"
    languages = [p for p in sorted(below.iterdir()) if p.is_dir()] if below.is_dir() and not below.is_symlink() else []
    for folder in [*(into / name for name in _FOLDERS), *languages]:
        if folder.is_symlink():
            where = folder.relative_to(into).as_posix()
            raise fail(
                shown, msg("osexport_linked_folder", folder=where, target=os.path.realpath(folder)), ExitCode.USAGE
            )


def write_export(into: str, files: Mapping[str, bytes], version: str, force: bool) -> list[str]:
    """Write ``files`` (relative path -> bytes) and the marker into ``into``; the site's own
    settings it kept instead of its files of the same name (``_site_own``)."""
    target = Path(into)
    previous = _previous(target, into, force)
    kept = _site_own(target, files, previous)
    everything = {name: data for name, data in files.items() if name not in kept}
    everything[MARKER] = marker_text(version, list(everything))
    existed = target.exists()
    undone = [False]  # an export over an earlier one stopped midway, and every file put back
    try:
        if not existed:
            _write_new(target, everything)
        else:
            _write_over(target, everything, previous or [], undone)
    except OSError as exc:
        after = msg("osexport_left_as_it_was") if existed and not undone[0] else msg("cli_nothing_written")
        from .outputs import writing_failed  # /proc: a folder that takes no new file, said so

        raise writing_failed(exc, _in_the_way(exc, into), msg("osexport_doing_write"), after) from None
    return kept


def _site_own(target: Path, files: Mapping[str, bytes], previous: list[str] | None) -> list[str]:
    """The files outside data/ and meta/ (config_data.yml, _prose.yml, translations) that
    DIR holds and no earlier export wrote (its marker does not list them): the settings of
    the site whose checkout this is (its languages, map layers, schema), kept as they are."""
    written = set(previous or ())
    return [
        name for name in files if not name.startswith(_OWNED) and name not in written and os.path.lexists(target / name)
    ]


def _in_the_way(exc: OSError, into: str) -> str:
    """The file an error is about (a file where meta/ goes), or the folder written into
    when it is in the temporary folder the files are written in first (a full disk)."""
    from .outputs import os_error_file

    # The raw name: os_error_file turns a temporary's name into the file it was to become,
    # and the staging folder (.qntrack-export.x1y2.tmp) into "qntrack-export", no file at all.
    raw = os.fsdecode(exc.filename) if exc.filename else ""
    temporary = any(part.startswith(".") and part.endswith(".tmp") for part in Path(raw).parts)
    return into if temporary else os_error_file(exc, into)


def _fill(folder: Path, files: Mapping[str, bytes]) -> None:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())


def _write_new(target: Path, files: Mapping[str, bytes]) -> None:
    """A folder of its own: filled beside its place, then renamed there at once."""
    from .starter import sweep_left_behind

    sweep_left_behind([target], folders=True)  # what a killed export of this folder left
    from .name_room import temporary_prefix

    temp = Path(tempfile.mkdtemp(prefix=temporary_prefix(target), suffix=".tmp", dir=target.parent))
    try:
        _fill(temp, files)
        os.chmod(temp, 0o777 & ~process_umask())  # mkdtemp's 0700 would keep others from reading the site
        os.rename(temp, target)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


def _write_over(target: Path, files: Mapping[str, bytes], previous: list[str], undone: list[bool]) -> None:
    """An existing folder: every file written in a temporary folder inside it, renamed
    over its place one by one (the marker last), then the stale files removed. A rename
    the system refuses puts back every file renamed before it (each kept, linked, in the
    temporary folder until the last rename) and removes the folders made for them, and
    ``undone`` says so: the folder is as it was, never half of one export and half of the
    other (session 45, pass O)."""
    from .starter import sweep_shaped

    sweep_shaped(target, [MARKER + "."], folders=True)  # what a killed export over it left
    temp = Path(tempfile.mkdtemp(prefix=MARKER + ".", suffix=".tmp", dir=target))
    done: list[tuple[Path, Path | None]] = []  # each place renamed over, and its old file kept
    made: list[Path] = []  # the folders made for a new file, to remove again
    moving: tuple[Path, Path, Path | None] | None = None  # the rename under way
    try:
        _fill(temp, files)
        before = Path(tempfile.mkdtemp(prefix=".before.", dir=temp))  # the old files, apart from the new
        for n, name in enumerate(sorted(files, key=lambda n: n == MARKER)):
            place = target / name
            made.extend(_folders_made(target, place.parent))
            moving = (temp / name, place, _kept(place, before / str(n)))
            os.replace(temp / name, place)
            done.append(moving[1:])
            moving = None
    except BaseException:  # a refusal of the system, or Ctrl-C: the folder as it was
        if moving is not None and not os.path.lexists(moving[0]):  # renamed, Ctrl-C before it was noted
            done.append(moving[1:])
        undone[0] = _put_back(done, made)
        raise
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    for name in previous:
        stale = target / name
        if name in files or not name.startswith(_SWEPT) or ".." in Path(name).parts:
            continue
        if stale.is_file() and not stale.is_symlink():
            stale.unlink()
            _remove_emptied(target, stale.parent)


def _folders_made(target: Path, folder: Path) -> list[Path]:
    """``folder`` made, with its parents up to ``target``: those that were not there, outermost first."""
    missing = [p for p in (folder, *folder.parents) if p != target and target in p.parents and not p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    return missing[::-1]


def _kept(place: Path, old: Path) -> Path | None:
    """The file at ``place`` kept at ``old`` (a second name for it; a copy where the disk
    has no links), to be put back; None when no file is there."""
    if not place.is_file() or place.is_symlink():
        return None
    try:
        os.link(place, old)
    except OSError:
        shutil.copy2(place, old)
    return old


def _put_back(done: list[tuple[Path, Path | None]], made: list[Path]) -> bool:
    """Every file renamed over put back (its old file again, or none), the folders made
    for them removed, the last first: whether all of it was."""
    whole = True
    for place, old in reversed(done):
        try:
            if old is None:
                place.unlink()
            else:
                os.replace(old, place)
        except OSError:
            whole = False
    for folder in reversed(made):
        try:
            folder.rmdir()
        except OSError:
            whole = False
    return whole


def _remove_emptied(target: Path, folder: Path) -> None:
    """``translations/vi/`` and ``translations/`` once the export removed their last file,
    as a fresh export of the plan has none; a folder holding anything else stays."""
    while folder != target and folder.relative_to(target).parts[0] == "translations":
        try:
            folder.rmdir()
        except OSError:  # not empty (the site's own files), or not ours to remove
            return
        folder = folder.parent


def marker_text(version: str, paths: Iterable[str]) -> bytes:
    """The marker file: who wrote the folder, then each file it wrote (one a line)."""
    return "".join([f"qntrack {version} opensdg-export\n", *(p + "\n" for p in sorted(paths))]).encode("utf-8")
