"""The short texts of a summary row (goal, gap), shared by the terminal table and reports.

Pure: words and numbers only, no Rich and no HTML, so both renderers say the same thing.
The terminal's status table is described here too, cell by cell, as pieces of text each
with a role ("muted", "provisional", "trend", "status:<status>") that render.py turns
into a style. Described as plain data, a row can be kept by the status cache and drawn
again without assessing anything (cache.py).
"""

from __future__ import annotations

from typing import Sequence

from .assessment import Assessment
from .i18n import label, number, status_label, value_with_unit
from .model import Observation

__all__ = ["Cell", "difference_text", "goal_text", "gap_text", "missed_text", "sparkline", "status_cells"]

Cell = tuple[tuple[str, str], ...]  # (text, role) pieces; role "" is plain text

_BARS = "▁▂▃▄▅▆▇█"


def difference_text(value: float | None, unit: str, lang: str, signed: bool = True) -> str:
    """A difference in the indicator's unit; percentage points for a per-cent unit."""
    if value is None:
        return "–"
    text = number(value, lang)
    if signed and value > 0:
        text = "+" + text
    if unit.startswith("%"):
        return f"{text} {label('pp', lang)}"
    return f"{text} {unit}".rstrip()


def goal_text(a: Assessment, lang: str) -> str:
    """What is aimed at: the next milestone, the bound over a span, or the plan figure."""
    unit = a.indicator.unit_in(lang)
    m = a.next_milestone
    if m is not None:
        return f"{value_with_unit(m.value, unit, lang)} {label('by', lang)} {m.by}"
    d = a.details
    if "bound" in d:
        (keyword, value), = d["bound"].items()
        sign = "≥" if keyword == "at_least" else "≤"
        return f"{sign} {value_with_unit(value, unit, lang)}, {d['from']}–{d['to']}"
    if "plan" in d:
        return f"{value_with_unit(d['plan'], unit, lang)} ({d['period']})"
    return label(a.indicator.direction.value, lang)


def gap_text(a: Assessment, lang: str) -> str:
    """How far off: the gap to the next milestone, per cent of plan, or the first failure."""
    unit = a.indicator.unit_in(lang)
    m = a.next_milestone
    d = a.details
    if m is not None:
        # A met milestone has a negative gap; "-402 USD" would read as a shortfall.
        return "✓" if m.status.value == "target_achieved" else difference_text(m.gap, unit, lang, signed=False)
    if d.get("percent_of_plan") is not None:
        return f"{number(d['percent_of_plan'], lang, 1)}% {label('of_plan', lang)}"
    if d.get("difference") is not None:
        return difference_text(d["difference"], unit, lang)
    ytd = d.get("year_to_date") or {}
    if ytd.get("percent_of_plan") is not None:
        return f"{number(ytd['percent_of_plan'], lang, 1)}% {label('of_plan', lang)} ({ytd['period']})"
    if ytd.get("difference") is not None:
        return f"{difference_text(ytd['difference'], unit, lang)} ({ytd['period']})"
    if d.get("share_of_target") is not None:
        return f"{number(d['share_of_target'] * 100, lang, 1)}%"
    if d.get("first_failure"):
        return f"✗ {d['first_failure']}"
    return "–"


def missed_text(a: Assessment, lang: str, most: int = 3) -> str:
    """"✗ missed 2025": the deadlines passed unmet, kept beside the headline status after
    it moves on to the next milestone; "" when none. More than ``most`` are counted."""
    periods = [str(p) for p in a.missed_milestones]
    # "Not achieved" already says a deadline was missed; the marker is for a headline
    # that has moved on to a later milestone (docs/decisions.md).
    if not periods or a.status.value == "not_achieved":
        return ""
    shown = ", ".join(periods[:most]) + (f" +{len(periods) - most}" if len(periods) > most else "")
    return f"✗ {label('missed', lang)} {shown}"


def sparkline(values: Sequence[float]) -> str:
    """Eight-level bars of the values, lowest to highest."""
    if not values:
        return ""
    lo, hi = min(values), max(values)
    if hi == lo:
        return _BARS[3] * len(values)
    return "".join(_BARS[min(7, int((v - lo) / (hi - lo) * 7 + 0.5))] for v in values)


def status_cells(a: Assessment, lang: str, rows: Sequence[Observation]) -> tuple[Cell, ...]:
    """One row of the terminal's status table: target, latest, trend, goal, gap, P, status.

    ``rows`` is the indicator's series in force; the trend is its last eight full years.
    """
    unit = a.indicator.unit_in(lang)
    latest: list[tuple[str, str]] = []
    if a.latest is not None:
        latest.append((f"{value_with_unit(a.latest.value, unit, lang)} ({a.latest.period})", ""))
    if a.provisional is not None:
        if latest:
            latest.append(("\n", ""))
        latest.append((f"{value_with_unit(a.provisional.value, unit, lang)} "
                       f"({a.provisional.period}, {label('provisional', lang)})", "provisional"))
    if not latest:
        latest.append(("–", "muted"))
    years = [o.value for o in rows if o.period.is_year][-8:]
    return (
        (((a.target.name or a.indicator.name).get(lang), ""), (f"\n{a.target.id}", "muted")),
        tuple(latest),
        ((sparkline(years), "trend"),),
        ((goal_text(a, lang), ""),),
        ((gap_text(a, lang), ""),),
        ((number(a.progress_value, lang), ""),),
        _status_cell(a, lang),
    )


def _status_cell(a: Assessment, lang: str) -> Cell:
    status = (status_label(a.status.value, lang), f"status:{a.status.value}")
    missed = missed_text(a, lang)
    if not missed:
        return (status,)
    return (status, ("\n" + missed, "status:not_achieved"))
