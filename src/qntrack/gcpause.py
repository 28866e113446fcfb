"""Keeping the cyclic garbage collector off a national dataset.

Loading a million observations creates millions of objects and no reference cycles.
CPython's collector, triggered every few hundred allocations, would walk that growing
heap again and again: on a plan of 10,000 targets it more than doubled the time of
composing the YAML and reading the store (docs/performance.md). Pausing it is not
enough: the first collection after the pause would walk every object made during it.
So at the end of the outermost pause, if it made a great many objects, they are frozen
(``gc.freeze``): the collector leaves them alone from then on, while reference counting
still frees each of them as usual the moment it is no longer used. (Frozen objects that
later end up in a reference cycle are never collected; a small load is therefore not
frozen, so a long-running program that opens small plans again and again leaks nothing.)
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

__all__ = ["gc_paused"]

FREEZE_ABOVE = 200_000  # objects made during the pause (a national plan makes millions)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the collector for the block; nested uses act only at the outermost."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_count()[0] > FREEZE_ABOVE:
                gc.freeze()
            gc.enable()
