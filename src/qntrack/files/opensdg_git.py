"""Where an Open SDG repository keeps its files and when they changed (issue 16): the
site's ``src_dir`` and input patterns (config_data.yml), and, in a git checkout, the
commit that last changed each data file (docs/formats.md, "What is read")."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from ..catalog import Message, msg
from ..plan.model import Location, Problem

__all__ = ["git_dates", "inputs", "no_data", "DIRTY", "SHALLOW"]

# The date of a data file with changes not yet committed: none (docs/decisions.md).
DIRTY = "uncommitted"
# The key under which git_dates says the checkout is a shallow clone.
SHALLOW = ".shallow"


def git_dates(root: Path, files: list[str]) -> dict[str, tuple[str, str]] | None:
    """For each file, the date (ISO 8601) and hash of the commit that last changed it, or
    None when the folder is not a git checkout (or git is not installed)."""
    try:
        inside = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--is-inside-work-tree"], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return None
    shallow = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--is-shallow-repository"], capture_output=True, text=True, timeout=60
    )
    # A shallow clone's oldest commit stands for all the history cut off before it: a file
    # unchanged since is dated by it, later than the truth. Said (SHALLOW), not hidden.
    is_shallow = shallow.stdout.strip() == "true"
    # A file with changes not committed is not dated by its last commit, which never held
    # them: left undated, it needs --recorded-at (docs/decisions.md, "Hostile pass of issue 16").
    changed = subprocess.run(
        ["git", "-C", str(root), "diff", "--name-only", "--relative", "-z", "HEAD", "--", *files],
        capture_output=True,
        timeout=60,
    )
    dirty = {name.decode("utf-8", "replace") for name in changed.stdout.split(b"\0") if name}
    out: dict[str, tuple[str, str]] = {}
    for name in files:
        if name in dirty:
            out[name] = ("", DIRTY)
            continue
        done = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%cI %H", "--", name],
            capture_output=True,
            text=True,
            timeout=60,
        )
        parts = done.stdout.split()
        if done.returncode == 0 and len(parts) == 2:
            out[name] = (parts[0], parts[1])
    if is_shallow:
        out[SHALLOW] = ("", "")
    return out


# The inputs qntrack reads, with sdg-build's patterns for a site that does not set them
# (the data pattern wider than sdg-build's ``data/*-*.csv``: an id without a dash is read too).
_PATTERNS = {"InputCsvData": "data/indicator_*.csv", "InputYamlMdMeta": "meta/*.md", "InputYamlMeta": "meta/*.yml"}


def inputs(
    root: Path, config: dict[str, Any], problems: list[Problem], lines: dict[str, int] | None = None
) -> tuple[Path, dict[str, str]]:
    """The folder the inputs are under (``src_dir``) and each input's file pattern, from the
    site's ``inputs:``; an input qntrack does not read (SDMX, a spreadsheet of metadata) is
    a problem: its indicators' data or progress options would be missing. ``lines`` has the
    line of each top-level key, for the problems a key of the wrong type or a pattern that
    leaves the repository is (each said once, at its key)."""
    lines = lines or {}
    src_dir = config.get("src_dir") or ""
    if not isinstance(src_dir, str) or not (_inside(src_dir) or _absolute_inside(root, src_dir)):
        where = Location("config_data.yml", lines.get("src_dir", 0))
        problems.append(Problem(where, msg("opensdg_config_folder", found=_shown(src_dir))))
        src_dir = ""
    src = root / src_dir
    patterns = dict(_PATTERNS)
    for item in config_list(config, "inputs", problems, lines):
        cls = str(item.get("class", "")) if isinstance(item, dict) else ""
        if cls not in patterns:
            problems.append(Problem(Location("config_data.yml", 0), msg("opensdg_input_class", cls=cls or str(item))))
            continue
        pattern = item.get("path_pattern")
        if pattern and (not isinstance(pattern, str) or not _inside(pattern)):
            where = Location("config_data.yml", lines.get("inputs", 0))
            problems.append(Problem(where, msg("opensdg_config_pattern", cls=cls, found=_shown(pattern))))
        elif pattern:
            patterns[cls] = pattern
    return src, patterns


def config_list(config: dict[str, Any], key: str, problems: list[Problem], lines: dict[str, int]) -> list[Any]:
    """``config[key]``, a list (none given: empty); a value of another type is a problem."""
    value = config.get(key)
    if value is None:
        return []
    if isinstance(value, list):
        return value
    said = msg("opensdg_config_not_list", key=key, found=_shown(value), example=_EXAMPLES.get(key, "..."))
    problems.append(Problem(Location("config_data.yml", lines.get(key, 0)), said))
    return []


# One item of each list of config_data.yml that qntrack reads, as a message shows it.
_EXAMPLES = {
    "languages": "en",
    "non_disaggregation_columns": "Units",
    "observation_attributes": "COMMENT_OBS",
    "inputs": "class: InputCsvData",
}


def config_lines(text: str) -> dict[str, int]:
    """The line of each top-level key of config_data.yml (a key at the start of a line)."""
    out: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        key = line.split(":", 1)[0]
        if ":" in line and key and not key[0].isspace() and not key.startswith("#"):
            out.setdefault(key.strip().strip("'\""), n)
    return out


def _inside(pattern: str) -> bool:
    """Whether a folder or file pattern stays inside the repository: relative, no '..'."""
    from pathlib import PurePosixPath, PureWindowsPath

    parts = PurePosixPath(pattern).parts
    return not (PurePosixPath(pattern).is_absolute() or PureWindowsPath(pattern).is_absolute() or ".." in parts)


def _absolute_inside(root: Path, folder: str) -> bool:
    """Whether ``folder`` is an absolute path to the repository or a folder in it, as
    sdg-build reads one (a checkout's own path written in): read as before, since only a
    folder outside the repository is what the check keeps a site from reaching."""
    import os

    if not os.path.isabs(folder):
        return False
    real, top = os.path.realpath(folder), os.path.realpath(root)
    return os.path.commonpath([real, top]) == top


def _shown(value: Any) -> str:
    """A value of config_data.yml as the message shows it, cut to 60 characters."""
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "..."


def unlisted(folder: Path, name: str) -> Problem | None:
    """The problem of a folder that is there and cannot be listed (no permission to read
    it, an I/O error), at ``name``; None when it lists, or is not there (another message's
    to say). Globbing passes such a folder over in silence: a data/ was told "no data
    files here", a meta/ left every indicator without its name, unit and progress options
    (thirty-seventh session)."""
    import errno
    import os

    from ..errors import os_read_reason

    try:
        with os.scandir(folder):
            return None
    except NotADirectoryError:
        # A file of the folder's name (a sync client's placeholder, a folder saved as a
        # file): said so, not "no data file, no indicator started" (session 45, pass O).
        return Problem(Location(name, 0), msg("s45o_opensdg_folder_is_file")) if folder.is_file() else None
    except FileNotFoundError:
        return None
    except OSError as exc:
        denied = exc.errno in (errno.EACCES, errno.EPERM)
        reason = msg("opensdg_folder_denied") if denied else os_read_reason(exc)
        return Problem(Location(name, 0), msg("opensdg_folder_unread", reason=reason))


def unlisted_inputs(root: Path, src: Path, patterns: dict[str, str]) -> list[Problem]:
    """``unlisted`` of the folders the inputs' patterns read (``data``, ``meta``: each
    pattern's path before its first wildcard), under ``src``, named from ``root``."""
    folders = {src}
    for pattern in patterns.values():
        fixed = []
        for part in Path(pattern).parts[:-1]:
            if any(ch in part for ch in "*?["):
                break
            fixed.append(part)
        folders.add(src.joinpath(*fixed))
    out = []
    for folder in sorted(folders):
        try:
            name = str(folder.relative_to(root)) if folder != root else str(root)
        except ValueError:
            name = str(folder)
        found = unlisted(folder, name)
        if found is not None:
            out.append(found)
    return out


def no_data(root: Path, metas: int, pattern: str) -> Message:
    """Why nothing is imported from a repository with no data file. Metadata alone is what
    Open SDG holds of indicators not started (``reporting_status: notstarted``), and what
    ``export opensdg`` writes of a tracker with no figure (its marker says so): such a
    repository is said to hold no figure, not doubted to be one (forty-second session)."""
    if not metas:
        return msg("opensdg_no_data")
    marker = root / ".qntrack-export"  # opensdg_write.MARKER, which imports this module's readers
    try:
        ours = marker.is_file() and marker.read_bytes().split(b"\n", 1)[0].endswith(b" opensdg-export")
    except OSError:
        ours = False
    return msg("s42l_opensdg_export_no_figures" if ours else "s42l_opensdg_meta_only", count=metas, pattern=pattern)
