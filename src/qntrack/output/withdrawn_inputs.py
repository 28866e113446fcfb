"""A derived indicator's figure missing because a figure it is computed from was withdrawn
(a retraction in force of an input, `qntrack retract va 2023`): said in `show` and the
report, naming the input and the figure withdrawn, "2023: no figure is computed, since the
figure of Value added [va] it is computed from, 30 bn VND, was withdrawn on 2025-06-01"
(issue 17, twenty-first session), then where that figure was published, "The figure
withdrawn was recorded 2024-01-10; source: ..." (twenty-sixth session). Without it the period read as never published: a derived
figure is computed, never withdrawn itself (kinds.withdrawals).

Pure: the figures withdrawn and those in force are given."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

if TYPE_CHECKING:
    from ..method.assessment import Assessment
    from ..plan.model import Indicator, Observation, Plan

__all__ = ["input_keys", "input_sentences"]


def input_keys(plan: Plan, assessments: Iterable[Assessment]) -> set[str]:
    """Every recorded indicator a derived target's figures are computed from, down the chain."""
    from ..method.series import formula_inputs, read_by

    derived = {a.indicator.id for a in assessments if a.indicator.formula}
    if not derived:
        return set()
    return {i for i in read_by(formula_inputs(plan.indicators), derived) if not plan.indicators[i].formula}


def input_sentences(
    plan: Plan,
    a: Assessment,
    withdrawn: Mapping[str, Sequence[tuple[Observation, float | None]]],
    computed: Iterable[Observation],
    lang: str,
) -> list[str]:
    """For derived target ``a``, a sentence for each figure of an input withdrawn (in
    ``withdrawn``, by indicator) in one of the target's periods that has no figure
    ``computed``; none for any other target."""
    if not a.indicator.formula:
        return []
    from ..kinds import relevant_rows

    present = {o.period for o in computed}
    gone: list[tuple[Indicator, Observation, float | None, Observation | None]] = []
    for key in sorted(input_keys(plan, [a])):
        # Each item a pair (retraction, value withdrawn); a Gone also knows the vintage withdrawn.
        rows = [(item[0], item[1], getattr(item, "withdrew", None)) for item in withdrawn.get(key, ())]
        rows = [r for r in rows if r[0].period not in present]
        kept = {id(o) for o in relevant_rows(a.target, [r[0] for r in rows])}
        gone.extend((plan.indicators[key], o, value, was) for o, value, was in rows if id(o) in kept)
    gone.sort(key=lambda g: (g[1].period.sort_key, g[0].id))
    return [_sentence(ind, o, value, was, lang) for ind, o, value, was in gone]


def _sentence(ind: Indicator, o: Observation, value: float | None, withdrew: Observation | None, lang: str) -> str:
    """The sentence; then, when the figure withdrawn is known, where it was published, as
    every withdrawn figure's sentence says it (output.withdrawn.where_withdrawn_from)."""
    from ..catalog import msg, render
    from .i18n import date_text, value_with_unit
    from .period_words import period_words
    from .withdrawn import where_withdrawn_from

    shown = value_with_unit(value, ind.unit_in(lang), lang) if value is not None else "–"
    said = render(
        msg(
            "narrative_withdrawn_input",
            period=period_words(o.period, lang),
            input=f"{ind.name.get(lang)} [{ind.id}]",
            value=shown,
            day=date_text(o.recorded_at, lang),
        ),
        lang,
    )
    return where_withdrawn_from(said, value, withdrew, lang)
