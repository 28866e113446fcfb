"""The workbook's print settings: A4 landscape, as few pages across as keep a sheet legible,
its header row and its key column (the target's name) on every page."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

# A4 landscape inside the default margins (0.7 inch each side): 11.69 - 1.4 = 10.29 inches,
# 988 pixels at 96 a inch. A column of width w takes 7 w + 5 pixels (Calibri 11's digit).
_A4_ACROSS = 988
# Printed at 70 % at least: 11-point text as 7.7 points, read on an office printout; the
# Summary's 20 columns on one page wide were printed at about 30 % (issue 17, twenty-third
# session).
_LEGIBLE = 0.7


def pages_wide(widths: Sequence[float], repeated: float = 0) -> int:
    """How many A4 pages across a sheet of columns ``widths`` needs to print at 70 % at
    least, its ``repeated`` column on each page after the first."""
    across = sum(7 * w + 5 for w in widths)
    room, kept = _A4_ACROSS / _LEGIBLE, 7 * repeated + 5 if repeated else 0
    if across <= room:
        return 1
    return 1 + math.ceil((across - room) / max(room - kept, room / 2))


def print_setup(ws: Any, wide: int = 1) -> None:
    """Printed as an appendix is: A4 landscape, ``wide`` pages across (as few as keep it
    legible), as long as it takes."""
    ws.set_paper(9)  # A4
    ws.set_landscape()
    ws.fit_to_pages(wide, 0)
