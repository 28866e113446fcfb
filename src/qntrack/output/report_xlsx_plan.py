"""An annual plan's comparisons in the Excel summary (the half-year review, issue 17): the
share of the plan reached, and the same period of last year with the change on it, as
the Word and Markdown reports give them (views/plan.py, ``key_figures``).

Numbers as numbers: the change is written with a number format that says its unit, a
per-cent change ``+19.2%`` (the cell holds 19.16, never 0.1916), a rate's difference
``-0.53 pp`` (the catalog's word in Vietnamese) and any other difference in the
indicator's unit (a balance's ``-100.00 million USD``), so that the column sorts and sums in Excel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalog import msg
from ..catalog import render as text_of
from ..kinds.plan import PlanResult, added_up
from .i18n import label, signed_percent
from .report_view import report_word

if TYPE_CHECKING:
    from ..method.assessment import Assessment
    from ..plan.model import Observation

__all__ = ["goal_of", "goal_sign", "plan_headers", "plan_cells", "provisional_period"]


def goal_of(a: Assessment) -> tuple[str, float | None]:
    """The Summary's next milestone (or the period a non-level target is judged by) and
    its value (moved from report_xlsx.py, which had reached 500 lines)."""
    m = a.next_milestone
    if m is not None:
        return str(m.by), m.value
    if a.milestones:
        return "", None
    details = a.details
    period = details.get("period") or details.get("to") or ""
    if isinstance(details.get("plan"), (int, float)):
        return str(period), details["plan"]
    bound = details.get("bound")
    if isinstance(bound, dict) and len(bound) == 1:
        value = next(iter(bound.values()))
        if isinstance(value, (int, float)):
            return str(period), value
    return "", None


def goal_sign(a: Assessment) -> str:
    """The sense of the Summary's target value, as the other reports' goal cell writes it:
    "≤ " for a ceiling (a bound ``at_most``, a plan where lower is better), "≥ " for a
    span's floor, "" for a milestone or a plan to reach (issue 17, twenty-first session)."""
    bound = a.details.get("bound")
    if isinstance(bound, dict) and len(bound) == 1:
        return "≤ " if "at_most" in bound else "≥ "
    if isinstance(a.details.get("plan"), (int, float)) and a.next_milestone is None and not a.indicator.increase:
        return "≤ "
    return ""


def provisional_period(o: Observation, lang: str) -> str:
    """A year-to-date reading's period cell: its code, "(part-year)", and "periods added
    up" when qntrack added it up from months, as the Word report's "(Q1 2026, part-year,
    periods added up)" (issue 17, twenty-first session)."""
    key = "xlsx_provisional_added_up" if added_up(o) else "xlsx_provisional"
    return text_of(msg(key, period=o.period), lang)


def plan_headers(lang: str) -> tuple[str, str, str]:
    """The three columns' headings, in the report's words."""
    return (
        report_word("percent_of_plan", lang),
        report_word("same_period_last_year", lang),
        report_word("change_last_year", lang),
    )


def plan_cells(a: Assessment, lang: str) -> tuple[float | None, float | None, float | None, str | None]:
    """(share of the plan in %, the same period's figure, the change on it, the change's
    number format); None where the target is no plan, or the figure says nothing of it."""
    d = a.result
    if not isinstance(d, PlanResult):
        return None, None, None, None
    part = d.full if d.full is not None else d.year_to_date
    if part is None:
        return None, None, None, None
    same = part.same
    if same is None:
        return part.percent_of_plan, None, None, None
    if same.by == "percent":
        unit = '"%"'
    else:
        # A difference is in the indicator's unit, as the Word report's (summary.difference_text):
        # percentage points for a per-cent unit only; a balance's -100 is million USD, not pp.
        named = a.indicator.unit_in(lang)
        named = label("pp", lang) if named.startswith("%") else named.replace('"', "")
        unit = f'" {named}"' if named else ""
    if same.by == "percent":
        # At the decimals the sentences write the change with (i18n.signed_percent): one, or
        # as many as a small change needs to be no zero (-0.02998 % is "-0.03%"), where one
        # showed "-0.0%" beside it (fortieth session, helper H); past twelve decimals, with
        # its exponent as the sentences write it.
        said = signed_percent(same.change / 100 if same.change is not None else None, "en")
        places = len(said.rstrip("%").partition(".")[2])
        digits = "0.0E+00" if "e" in said else "#,##0" + ("." + "0" * places if places else "")
    else:
        # At the decimals the reports write the difference with ("+0.1 pp" for 10.2
        # against 10.1, not "+0,10"; issue 17, twenty-second session): their rule, where
        # the figures as written subtract to it (12.9 against 12.345, +0.555; fortieth session).
        from .i18n import number
        from .views.plan_places import same_period_places

        now = a.latest.value if d.full is not None and a.latest is not None else None
        if d.full is None and d.year_to_date is not None:
            now = d.year_to_date.value
        written = number(same.change, "en", same_period_places(a, same, now)[1]) if same.change is not None else ""
        places = 0 if "e" in written else len(written.partition(".")[2])
        digits = "#,##0" + ("." + "0" * places if places else "")
    shown = f"+{digits}{unit};-{digits}{unit};0{unit}"
    return part.percent_of_plan, same.value, same.change, shown if same.by is not None else None
