"""A store left mid-merge is said before an argument refused (issue 17, eighteenth
session): `add-observation` and `retract` check their arguments before they read the
store, so a user who mended the argument was refused again for the store's conflict
markers. Both are said in one run, the store first: no command can write to it until the
merge is finished (docs/decisions.md, "A plan author's small slips")."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..errors import ExitCode, InputError

if TYPE_CHECKING:
    from ..plan.model import Problem

__all__ = ["store_first"]


@contextmanager
def store_first(targets: str | None) -> Iterator[None]:
    """Re-raise an InputError (exit 1) with the store's first conflict marker before its
    problems, when the store holds one the error does not already name."""
    try:
        yield
    except InputError as exc:
        if exc.code != ExitCode.INVALID or any(
            getattr(p.message, "id", None) == "merge_conflict_left" for p in exc.problems
        ):
            raise
        marker = _store_marker(targets)
        if marker is None:
            raise
        raise InputError([marker, *exc.problems], exc.code, exc.rows_of) from None


def _store_marker(targets: str | None) -> Problem | None:
    """The store's first conflict marker as the readers say it, or None: also when the
    plan or the store cannot be read (their own problem was, or will be, said), or the
    plan is a stream (``-t /dev/stdin``), which cannot be read a second time."""
    import mmap

    from ..catalog import msg
    from ..files.plan_loading import load_plan
    from ..files.merge_markers import merge_marker_line
    from ..files.workspace import find_targets, store_path_for
    from ..plan.model import Location, Problem

    try:
        path = find_targets(targets)
        if not path.is_file():
            return None
        store = store_path_for(load_plan(path), path)
        if not store.is_file():
            return None
        with open(store, "rb") as fh:
            if not fh.seek(0, 2):
                return None
            with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
                line = merge_marker_line(data, csv=True)
    except (InputError, OSError, ValueError):
        return None
    return Problem(Location(str(store), line), msg("merge_conflict_left")) if line else None
