"""A growth rate typed as an index: 108.5 for a growth of 8.5 %, as the statistics office's
tables give a development index with the same period a year earlier = 100 beside the
growth itself (issue 17, twenty-ninth session).

A figure of a growth-rate indicator (``measure: rate``) between 50 and 250 that is far
from the figure it is compared with (at least twice or half of it) while the figure less
100 is in line with it (within three times) is warned of at entry, naming the growth it
likely is: 108.5 beside 11.03 (9.84 times) and 108.7 beside 23.81 (4.57 times, under the
jump factor, so no jump was said) alike. Never refused: a growth of 108 % is possible
(an investment doubling), and it is told apart by its neighbours. Pure.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from .checks_jumps import jump_ratio

__all__ = ["index_intended"]

# An index a person could mean: a fall by half to a rise by a factor of 2.5.
LOWEST, HIGHEST = 50.0, 250.0
# The figure must be at least this far from its reference to be doubted at all...
FAR = 2.0
# ...and the growth it would stand for within this of it: 8.7 beside 23.81 is 2.74 times.
NEAR = 3.0


def index_intended(value: float, references: Sequence[float]) -> float | None:
    """``value`` - 100 when ``value`` reads as an index beside every one of ``references``
    (the figures it is compared with); else None."""
    if not references or not LOWEST <= value <= HIGHEST:
        return None
    intended = float(Decimal(repr(value)) - 100)  # as typed: 108.7 - 100 is 8.7, not 8.700000000000003
    for reference in references:
        if jump_ratio(reference, value, FAR) is None or jump_ratio(reference, intended, NEAR) is not None:
            return None
    return intended
