"""A file iCloud Drive keeps in the cloud only (issue 17, twenty-first session).

With "Optimise Mac Storage" on, iCloud Drive evicts a file not opened for a while: the
folder then holds, in its place, a hidden placeholder named after it
(``.observations.csv.icloud``, a small property list). qntrack read no store there and said
"the observations file does not exist", every target "not available"; an append started
a new store of one row, which iCloud then had to reconcile with the real one. The store
missing beside such a placeholder is said to be in iCloud, with the way to download it,
and no new store is started.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["icloud_placeholder"]


def icloud_placeholder(path: Path) -> Path | None:
    """The placeholder iCloud Drive left for a missing ``path``, else None."""
    placeholder = path.with_name(f".{path.name}.icloud")
    if os.path.lexists(path) or not os.path.isfile(placeholder):
        return None
    return placeholder
