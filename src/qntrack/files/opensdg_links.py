"""`import opensdg --into DIR` where DIR's targets.yaml or observations.csv is a symbolic
link (issue 17, twenty-fourth session, pass P).

Both links are followed, as `add-observation` follows a store's link and `report -o` a
report's: the plan is written where its link points, the rows appended where theirs
does, so a folder of links stays a view of the tracker it links to. A link is written
through only into what is this import's own, and ``--force`` never widens that, since it
replaces a plan *in* the folder, not one elsewhere:

- a targets.yaml linked to a plan the import did not write (its first line is not the
  import's) is refused, with or without ``--force``: writing through it would replace
  that plan (another folder's, or another name's); the link is never replaced by a
  regular file either (the rows would
  still go through a store link beside it, and the two files part);
- an observations.csv linked into a folder with a plan of its own (another tracker's
  store: its targets.yaml is not the one this import writes) is refused: the import
  appended there, and with the same indicator ids said nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..catalog import msg
from ..errors import ExitCode, fail
from .textfiles import real_path

__all__ = ["plan_written_at", "refuse_links_elsewhere"]


def refuse_links_elsewhere(targets: Path, store: Path, marker: bytes) -> None:
    """Raise (exit 2) when the import would write through a link into another tracker's
    plan or store; else nothing. A dangling link is refused elsewhere (as `init` does)."""
    if os.path.islink(targets) and targets.exists():
        from .textfiles import read_regular

        real = real_path(targets)
        data = read_regular(targets, "targets.yaml")
        if data is not None and not data.startswith(marker):
            raise fail(str(targets), msg("opensdg_plan_link_foreign", real=str(real)), ExitCode.USAGE)
    if not os.path.lexists(store) or not store.exists():
        return
    real_store = real_path(store)
    if real_store.parent == real_path(store.parent):
        return  # the store is in the folder itself (the folder may be a link)
    beside = real_store.parent / "targets.yaml"
    if not os.path.lexists(beside):
        return  # a store alone on a share: this tracker's, reached through its link
    if targets.exists() and beside.exists() and os.path.samefile(beside, targets):
        return  # both linked into one tracker: the folder is a view of it
    raise fail(str(store), msg("opensdg_store_link_other", real=str(real_store), plan=str(beside)), ExitCode.USAGE)


def plan_written_at(targets: Path) -> Path:
    """Where the imported plan is written: through the link targets.yaml is, into the file
    it names (refuse_links_elsewhere made sure that file is an import's), so that the plan
    and the store beside it stay where the folder's links say. A link to nothing (a share
    not mounted) is replaced, as `--force` asked (without it, it is refused)."""
    return real_path(targets) if os.path.islink(targets) and targets.exists() else targets
