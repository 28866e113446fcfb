"""The sentence that says a figure is a sum qntrack made (a year of quarters, a year to
date of months), or a derived figure worked out from one: said by the plan, cumulative and
every-period views (moved out of views/plan.py, issue 17, twenty-fifth session)."""

from __future__ import annotations

from ...kinds.plan import added_up
from ...method.assessment import Assessment
from ...method.parts import input_added_up, summed_inputs
from ...plan.model import Observation
from ...plan.periods import Period, parse_period
from ..narrative import narrative_sentence
from ..period_words import period_text

__all__ = ["added_up_sentence", "not_counted_sentences"]


def added_up_sentence(a: Assessment, lang: str) -> list[str]:
    """Which periods a sum qntrack made is of ("The figure for H1 2026 is the sum of
    January–May 2026 + June 2026."): the table beside it lists every month, whose sum
    differs from one with a published total in it (issue 17, twenty-first session). Said of
    a cumulative target's latest period too (a year of quarters added up)."""
    o = a.latest if a.latest is not None else a.provisional
    if o is not None and input_added_up(o):
        return _derived_sentences(o, lang)
    if o is None or not added_up(o):
        return []
    parts = _parts_words(o.source, lang)
    if parts is None:
        return []
    return [narrative_sentence("added_up_parts", lang, period=period_text(o.period, lang), parts=parts)]


def _derived_sentences(o: Observation, lang: str) -> list[str]:
    """A derived figure worked out from an input qntrack added up: "GRDP per capita's
    figure for 2022 is worked out from grdp's, the sum of Q1 2022 to Q4 2022." (issue 17,
    twenty-fifth session): its source says it (method.series), the table "an input added up"."""
    out = []
    for name, periods in summed_inputs(o):
        parts = _parts_words(periods, lang)
        if parts is not None:
            out.append(
                narrative_sentence(
                    "derived_added_up", lang, period=period_text(o.period, lang), input=name, parts=parts
                )
            )
    return out


def _parts_words(source: str, lang: str) -> str | None:
    """The periods of a sum's ``source`` in words, a run of three or more as "Q1 2022 to
    Q4 2022"; None if it is no list of periods (never expected: qntrack wrote it)."""
    try:
        runs: list[list[Period]] = []
        for p in (parse_period(text.strip()) for text in source.split("+")):
            q = runs[-1][-1] if runs else None
            if q is not None and (q.year, q.months, q.last + 1) == (p.year, p.months, p.first):
                runs[-1].append(p)  # the next month (or quarter) of the same year
            else:
                runs.append([p])
    except ValueError:  # never expected: the source is qntrack's own list of periods
        return None
    said = [
        narrative_sentence("added_up_run", lang, first=period_text(r[0], lang), last=period_text(r[-1], lang))
        if len(r) > 2
        else " + ".join(period_text(p, lang) for p in r)
        for r in runs
    ]
    return " + ".join(said)


def not_counted_sentences(a: Assessment, lang: str, part: str = "") -> list[str]:
    """What a plan read during its period leaves out, one sentence a figure (a rate's or a
    level's months after its reading, more than two, in one): "August
    2024 (50 million USD) is recorded and not counted: July 2024 to August 2024 is no
    period (...), so Q3 2024 is read on July 2024." (method.parts.not_counted; thirty-fifth
    session: the month recorded was passed over in silence). ``part``: written before each
    period (the status table's legend names the series: "FDI 2024-08")."""
    from ...kinds.plan import PlanResult
    from ..i18n import typed_places, value_with_unit

    d = a.result
    if not isinstance(d, PlanResult) or d.year_to_date is None or not d.year_to_date.not_counted:
        return []
    ytd = d.year_to_date
    unit = a.indicator.unit_in(lang)
    out = []
    later = [o for o, why, _ in ytd.not_counted if why == "not_from_start"]
    if len(later) > 2:
        # A rate's months after January's reading (a monthly CPI in November: nine): said
        # once, the first, the last and the latest figure, where nine sentences buried the
        # rest; JSON lists each (forty-third session).
        out.append(
            narrative_sentence(
                "not_counted_not_from_start_many",
                lang,
                # The series' name apart from the first period: Vietnamese puts it before
                # the word for "from", where it was glued to the month after that word
                # ("From FDI August 2024"; forty-fourth session, helper V).
                part=part,
                first=period_text(later[0].period, lang),
                last=period_text(later[-1].period, lang),
                count=len(later),
                value=value_with_unit(later[-1].value, unit, lang, typed_places(later[-1].value)),
                plan_period=period_text(d.period, lang),
                reading=period_text(ytd.period, lang),
            )
        )
    for o, why, missing in ytd.not_counted:
        if why == "not_from_start" and len(later) > 2:
            continue
        said = dict(
            part=f"{part}{period_text(o.period, lang)}",
            value=value_with_unit(o.value, unit, lang, typed_places(o.value)),
            plan_period=period_text(d.period, lang),
            reading=period_text(ytd.period, lang),
        )
        if why == "not_from_start":
            out.append(narrative_sentence("not_counted_not_from_start", lang, **said))
        elif why == "no_period":
            first = Period(o.period.year, ytd.period.first, ytd.period.first)
            last = Period(o.period.year, o.period.last, o.period.last)
            out.append(
                narrative_sentence(
                    "not_counted_no_period", lang, first=period_text(first, lang), last=period_text(last, lang), **said
                )
            )
        else:
            # A month withdrawn is recorded: "is not recorded" contradicted the line on its
            # withdrawal beside it (issue 17, forty-fourth session, helper H).
            gone = any(w.now is None and w.retraction.period == missing for w in a.withdrawn)
            key = "not_counted_withdrawn" if gone else "not_counted_missing"
            out.append(narrative_sentence(key, lang, missing=period_text(missing, lang), **said))
    return out
