"""A cloud drive's conflict copy beside the store (issue 17, twentieth session).

When two computers change a synced file while one is offline, OneDrive keeps the other's
version beside it as ``observations-DESKTOP-AB12.csv`` (the name, '-', that computer's
name), Dropbox as ``observations (Hoa's conflicted copy 2026-07-15).csv`` and Google Drive
as ``observations (1).csv``, iCloud Drive as ``observations 2.csv`` (twenty-first
session; a Mac may name it in NFD, compared here in NFC). qntrack reads only the file 'observations:' names, so the
rows only the copy holds were passed over in silence, and so was an edit of targets.yaml
kept as ``targets-DESKTOP-AB12.yaml``. ``check`` now says so (a warning of
the ``store`` check, or of ``syntax`` for the plan's copy: checks that always run), with
the commands that bring them in.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from ..catalog import msg
from ..plan.model import Location, Problem
from .figure_units import shell_word

__all__ = ["conflict_copy_problems"]

# What a cloud drive puts between the store's name and its extension: '-' and a Windows
# computer's name (NetBIOS: up to 15 capitals, digits and hyphens, a capital among them),
# a Dropbox "(... conflicted copy ...)", a number in brackets, or iCloud's space and number
# (2, 3, ...: up to two digits, so that "observations 2024.csv", a year's file, is not one).
_MADE_BY_A_DRIVE = re.compile(
    r"-(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{0,14}|\s\([^()]*conflicted copy[^()]*\)|\s\(\d+\)|\s[1-9]\d?"
)


def _nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name)


def _lines(path: Path) -> list[bytes] | None:
    """The file's lines without their ends (a byte-order mark off the first), or None
    when it cannot be read or is no regular file (a FIFO so named would never end)."""
    if not os.path.isfile(path):
        return None
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return [line.rstrip(b"\r") for line in data.removeprefix(b"\xef\xbb\xbf").split(b"\n") if line.strip()]


def _store_named(plan: Path) -> Path | None:
    """The store a plan file reads, from its top-level ``observations:`` line alone (the
    default, observations.csv, when it has none), or None when it cannot be read. The
    line is read as YAML reads it (quotes, escapes, a comment after it); the rest of the
    file is not parsed: a folder's other plans are only asked which store they read."""
    import yaml

    lines = _lines(plan)
    if lines is None:
        return None
    named = "observations.csv"
    for line in lines:
        if line.startswith(b"observations:"):
            try:
                value = yaml.safe_load(line.decode("utf-8"))
            except (UnicodeDecodeError, yaml.YAMLError):
                return None
            if not isinstance(value, dict) or not isinstance(value.get("observations"), str):
                return None
            named = value["observations"]
            break
    return (plan.parent / os.path.expanduser(named)).resolve()


def _read_by_a_plan(copy: Path, plans: list[Path]) -> bool:
    """Whether one of ``plans`` (the folder's YAML files) reads ``copy`` as its store."""
    target = copy.resolve()
    return any(_store_named(plan) == target for plan in plans)


def conflict_copy_problems(store_path: Path, plan: bool = False) -> list[Problem]:
    """A warning for each file beside the store named as a cloud drive names a conflict
    copy of it, whose first line is the store's header, holding lines the store has not.
    ``plan``: ``store_path`` is targets.yaml, whose copy may start with any line and whose
    lines are compared the same way (an edit made on the other computer)."""
    stem, suffix = _nfc(store_path.stem), _nfc(store_path.suffix)
    try:
        names = sorted(os.listdir(store_path.parent or "."))
    except OSError:
        return []
    copies = [
        n
        for n in names
        if _nfc(n) != _nfc(store_path.name)
        and _nfc(n).startswith(stem)
        and _nfc(n).endswith(suffix)
        and _MADE_BY_A_DRIVE.fullmatch(_nfc(n)[len(stem) : len(_nfc(n)) - len(suffix)])
    ]
    if not copies:
        return []
    store = _lines(store_path) or []
    held = set(store)
    found = []
    folder = store_path.parent
    plans = [folder / n for n in names if n.lower().endswith((".yaml", ".yml"))]
    for name in copies:
        lines = _lines(folder / name)
        if not lines or not store or not plan and lines[0] != store[0]:
            continue  # no store's header: some other file
        reads = _store_named(folder / name) if plan else None
        if reads is not None and reads != _store_named(store_path):
            continue  # a plan known to read a store of its own: not an edit of this plan
        if not plan and _read_by_a_plan(folder / name, plans):
            continue  # another plan's store
        new = sum(1 for line in lines[0 if plan else 1 :] if line not in held)
        if new:
            key = "checks_conflict_copy_plan" if plan else "checks_conflict_copy"
            said = msg(key, copy=name, rows=new, file=shell_word(name))
            found.append(Problem(Location(str(store_path)), said, "warning", check="syntax" if plan else "store"))
    return found
