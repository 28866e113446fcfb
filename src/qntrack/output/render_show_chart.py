"""``qntrack show``'s chart at the terminal: a level target's figures (●) against the path
to its next milestone (·), one column per year, in plain text (moved out of render_show,
forty-fourth session, unchanged)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from rich.text import Text

from .i18n import label, number

if TYPE_CHECKING:
    from ..method.assessment import Assessment
    from ..plan.model import Observation

__all__ = ["trajectory_chart"]


def trajectory_chart(a: Assessment, rows: Sequence[Observation], lang: str) -> Text | None:
    """Actuals (●) against the path to the next milestone (·), one column per year."""
    m = a.next_milestone
    if m is None or a.baseline is None or a.baseline.value is None:
        return None
    from .views.level import path_points

    path = {int(y): v for y, v in path_points(m, a.baseline.value, a.baseline.period.year)}
    if not path:
        return None
    start, end = a.baseline.period.year, m.by.year
    if end < start:
        # A base that fell back past the target year (no figure from base_year to it): no path.
        return None
    from ..kinds.span import years_of

    # An amount's year recorded in quarters is drawn as their sum, as it is judged.
    annual = years_of(rows) if a.indicator.adds_up else rows
    actual = {o.period.year: o.value for o in annual if o.period.is_year and start <= o.period.year <= end}
    values = list(actual.values()) + list(path.values())
    lo, hi = min(values), max(values)
    height = 8
    # Halves: a range from -1.5e308 to 1.5e308 is past the largest float, half of it not.
    span = (hi / 2 - lo / 2) or 1.0

    def row_of(v: float) -> int:
        return height - 1 - int(round((v / 2 - lo / 2) / span * (height - 1)))

    grid = [[" "] * ((end - start + 1) * 2) for _ in range(height)]
    for y, v in path.items():
        grid[row_of(v)][(y - start) * 2] = "·"
    for y, v in actual.items():
        grid[row_of(v)][(y - start) * 2] = "●"
    text = Text()
    # The axis labels are figures like any other: a decimal comma in Vietnamese (9,8). The
    # gutter is as wide as the wider of them, 8 at least: a plan in dong has labels of 21.
    # The range's ends are figures (the baseline, the milestone the path ends at, an
    # actual), at their own decimals: the path's float noise (15.298999999999992 for a
    # milestone of 15.299) rounded away, never to a figure not set ("15.3"; issue 17,
    # twentieth session).
    places = max(_own_decimals(v) for v in (a.baseline.value, m.value, *actual.values()))
    edges = {0: number(round(hi, places), lang, places), height - 1: number(round(lo, places), lang, places)}
    gutter = max(8, *map(len, edges.values()))
    for r, line in enumerate(grid):
        text.append(f"{edges.get(r, ''):>{gutter}} │", style="dim")
        for ch in line:
            text.append(ch, style="bold cyan" if ch == "●" else "dim")
        text.append("\n")
    text.append(" " * gutter + " └" + "─" * ((end - start + 1) * 2) + "\n", style="dim")
    text.append(" " * (gutter + 2) + f"{start}" + " " * max(1, (end - start + 1) * 2 - 8) + f"{end}", style="dim")
    text.append(label("chart_legend", lang), style="dim")
    return text


def _own_decimals(value: float) -> int:
    """The decimals of a figure as typed (its shortest form: 15.299 has three), at most
    twelve, as ``i18n.number`` writes a small figure."""
    import math
    from decimal import Decimal

    if not math.isfinite(value):
        return 2
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return min(12, max(0, -exponent)) if isinstance(exponent, int) else 2
