"""What the rest of a flow's plan period needs, said while the period runs: "To meet the
plan (1,000 million USD), H2 2025 needs another 849.5 million USD." (issue 17,
forty-second session: a six-month review read the first half's share of the plan and a
bare gap, never told that the gap is the second half's need, where a cumulative target
says what each remaining period needs). Pure: no Rich."""

from __future__ import annotations

from ...kinds.plan import PlanResult
from ...method.assessment import Assessment
from ...plan.periods import Period
from ..narrative import figure_of, narrative_sentence
from ..period_words import period_text

__all__ = ["rest_of_period_sentence"]

# (higher is better, the period over with no figure) -> the sentence.
_KEYS = {
    (True, False): "rest_of_plan_needs",
    (False, False): "rest_of_plan_may_add",
    (True, True): "rest_of_plan_needed",
    (False, True): "rest_of_plan_could_add",
}


def rest_of_period_sentence(a: Assessment, lang: str) -> list[str]:
    """The need (or, under a cap, the allowance) of the months after a flow's year-to-date
    reading, to the plan period's end; nothing once the plan is met or exceeded, for a
    balance or a plan below zero (read on the plan's pace, with no share of it), or for a
    growth rate or a level, whose later months' need hangs on weights no figure gives."""
    d = a.result
    if not isinstance(d, PlanResult) or d.full is not None or a.gap is None:
        return []
    ytd = d.year_to_date
    if ytd is None or not ytd.flow or ytd.percent_of_plan is None or d.plan <= 0:
        return []
    if ytd.period.year != d.period.year or ytd.period.last >= d.period.last:
        return []
    # The gap is the plan less the amount so far ("at least"), or the amount less the cap
    # ("at most"): what is still needed is the first, what may still be added minus the second.
    need = a.gap if a.indicator.increase else -a.gap
    if need <= 0:
        return []
    from ..i18n import need_places, sufficient
    from .plan import gap_decimals  # here: views.plan says this sentence

    # Rounded so that it suffices: up for a need, down for a cap's allowance (1,000 less a
    # half of 150.5551 needs 849.4449, "849.45": 849.44 falls short; methodology.md, "How
    # figures are written").
    rounded = sufficient(need, a.indicator.increase, gap_decimals(a))
    need = need if rounded is None else rounded
    places = need_places(need, gap_decimals(a))
    rest = _rest_words(Period(d.period.year, ytd.period.last + 1, d.period.last), lang)
    return [
        narrative_sentence(
            # The period over with no figure for it: what the months left needed, in the past.
            _KEYS[(a.indicator.increase, bool(a.awaiting_figures))],
            lang,
            plan=figure_of(a, d.plan, lang, places),
            rest=rest,
            need=figure_of(a, need, lang, places),
        )
    ]


def _rest_words(rest: Period, lang: str) -> str:
    """The months left in words: a half, a quarter or a month by its name (H2 2025, Q4
    2025, December 2025); any other run from its first month to its last ("August 2025 to
    December 2025"), since a span not from January has no name of its own (Period writes
    it as months from January)."""
    named = rest.months == 1 or (rest.months in (3, 6) and (rest.first - 1) % rest.months == 0)
    if named:
        return period_text(rest, lang)
    first = Period(rest.year, rest.first, rest.first)
    last = Period(rest.year, rest.last, rest.last)
    return narrative_sentence("added_up_run", lang, first=period_text(first, lang), last=period_text(last, lang))
