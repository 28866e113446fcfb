"""Plain sentences that say what an assessment means, in English or Vietnamese. Pure.

The words are the catalog's (``narrative_*`` in catalog/en.toml and vi.toml); this module
chooses the sentence and works out the figures it names.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Mapping

from ..kinds.plan import SamePeriod
from ..method.assessment import Assessment
from ..plan.periods import Period
from ..catalog import msg, render
from .i18n import SIGNS, label, number, signed_percent, value_with_unit
from .period_words import period_range, period_text, speaks_periods
from ..plan.model import Measure

if TYPE_CHECKING:
    from ..plan.units import Dimension

__all__ = ["explain", "late_base", "not_subtracted", "reason_text", "sign_reason"]


def narrative_sentence(key: str, lang: str, **values: object) -> str:
    """The catalog's sentence ``narrative_<key>`` in ``lang``, with these values (a period
    the caller has written, ``period_text``)."""
    return render(msg("narrative_" + key, **values), lang)


def value_in_unit(value: float | None, unit: str, lang: str) -> str:
    return value_with_unit(value, unit, lang)


def figure_of(a: Assessment, value: float | None, lang: str, decimals: int = 2) -> str:
    """A figure of the target's indicator: a growth rate as a plain per cent ("10.28%"),
    since its unit text ("% y/y" and its Vietnamese form) would only repeat what the sentence
    says; anything else with its unit."""
    if a.indicator.measure is Measure.RATE and value is not None:
        return f"{number(value, lang, decimals)}%"
    return value_with_unit(value, a.indicator.unit_in(lang), lang, decimals)


def difference_in_unit(value: float | None, unit: str, lang: str, decimals: int = 2) -> str:
    """A difference in the indicator's unit: percentage points for a share ("–" for one
    that could not be computed: it overflowed)."""
    sign = "+" if value is not None and value > 0 else ""
    if unit.startswith("%"):
        # Said in full in a sentence (the Vietnamese "percentage points" spelled out, as GSO's
        # releases write it); a table's narrow cell keeps the short form (label_pp).
        return f"{sign}{number(value, lang, decimals)} {label('pp_prose', lang)}"
    # A per-mille sign against the figure, as i18n.value_with_unit writes it.
    return f"{sign}{number(value, lang, decimals)}" + (("" if unit.startswith(SIGNS) else " ") + unit if unit else "")


def change_text(before: str, after: str, change: float, lang: str) -> str:
    """A change said with its direction: "rose from … to …" or "fell from … to …"
    (catalog ``narrative_change_*``) (the Vietnamese sentences use it; the English ones name both years)."""
    key = "change_rise" if change > 0 else "change_fall" if change < 0 else "change_same"
    return narrative_sentence(key, lang, before=before, after=after)


def reason_text(reason: str, lang: str) -> str:
    """The sentence for people behind a ``reason`` code of a not_available status."""
    from ..catalog import catalog

    known = "narrative_reason_" + reason in catalog("en")
    return narrative_sentence("reason_" + (reason if known else "undefined"), lang)


def no_figures_text(
    a: Assessment, lang: str, withdrawn: bool = False, dimensions: Mapping[str, Dimension] | None = None
) -> str:
    """Why ``a`` (reason ``no_figures``) is not assessed: of its indicator, or, for a target
    set for one unit (``of:``), of that unit, named: "no figure ... for this indicator" was
    untrue of an indicator whose whole and other units have figures (issue 17,
    thirty-fourth session). ``withdrawn``: every figure recorded was withdrawn. With the
    plan's ``dimensions``, the unit by its names in ``lang``, as the page's title names it
    (legend_names.series_name); without, by its stored values."""
    key = "reason_no_figures" + ("_withdrawn" if withdrawn else "")
    of = getattr(a.target, "of", ())
    if not of and not withdrawn and a.indicator.dimensions and not getattr(a.target, "for_each", ()):
        # A target on the total of an indicator broken down: "no figure ... for this
        # indicator" was untrue where every figure names a unit (forty-third session).
        return narrative_sentence(key + "_total", lang)
    if not of:
        return narrative_sentence(key, lang)
    if dimensions:
        from .report_breakdowns import unit_name

        named = unit_name(tuple(of), dimensions, lang, dated=False)
    else:
        named = ", ".join(v for _, v in of)
    return narrative_sentence(key + "_unit", lang, unit=named)


@speaks_periods
def explain(
    a: Assessment,
    lang: str,
    today: date | None = None,
    dimensions: Mapping[str, Dimension] | None = None,
    revised: Mapping[str, float | None] | None = None,
) -> list[str]:
    """The sentences that say what the assessment means, for people: every period in them
    in words, in `show` as in a report (docs/decisions.md, "Periods in words"). ``today``:
    the day the command speaks of (``--as-of``, else the clock's), by which a year has
    ended or not; None for a caller that gives none. ``dimensions``: the plan's, to name a
    unit as the plan names it (``no_figures_text``). ``revised``: by period's text, the
    value each figure of the target's series replaced (the tables' ``revised``), so that a
    figure quoted is never written as the one it replaced (revision_marks.said_places)."""
    from .revision_marks import quoting

    with quoting(revised):
        return _explain(a, lang, today, dimensions)


def _explain(a: Assessment, lang: str, today: date | None, dimensions: Mapping[str, Dimension] | None) -> list[str]:
    from .views import view_of

    out = _capitalised(view_of(a).sentences(a, lang))
    if a.reason in _SAID_BY_KIND:
        return out
    if a.status.value == "not_available" and a.reason:
        # Why there is no assessment, always said (docs/json.md, "reason"); for want of a
        # figure it says all there is to say.
        if a.reason == "no_total_figure":
            return [_units_only(a, lang)]
        if a.reason == "no_amount_for_unit":  # a unit shown alone (show --dim): its figure is in the facts
            return [reason_text(a.reason, lang)]
        if a.reason == "no_annual_figure" and (years := _years_of_parts_only(a, today)) is not None:
            span = f"{years[0]}–{years[1]}" if years[0] != years[1] else str(years[0])
            reading = period_text(a.provisional.period, lang) if a.provisional is not None else ""
            return [
                narrative_sentence("reason_no_annual_figure_years", lang, years=span, last=years[1], reading=reading)
            ]
        if a.reason == "no_figures":
            return [no_figures_text(a, lang, dimensions=dimensions)]
        if a.reason in _NO_FIGURE:
            return [reason_text(a.reason, lang), *not_subtracted(a, lang)]
        out.append(sign_reason(a, lang) or late_base(a, lang) or reason_text(a.reason, lang))
        return out
    return out + _provisional(a, lang)


def sign_reason(a: Assessment, lang: str) -> str | None:
    """Why an Open SDG target of the other sign from its base is not assessed (reason
    crosses_zero): the target, not the series, is across zero; the series' sentence said
    "the series crosses zero ... without a milestone" of 5 % then 1 % against a target of
    -5 % (forty-first session, tests/test_s41_h.py). Where the series itself crosses, its
    figures and the target it has (it was told "without a milestone" too: forty-second
    session, helper R); None for a target without one, which that sentence fits."""
    from ..method.progress import ZERO_SUBSTITUTE
    from ..plan.model import OpenSdgTarget
    from .i18n import typed_value

    t, base = a.target, a.baseline
    if a.reason != "crosses_zero" or not isinstance(t, OpenSdgTarget) or base is None:
        return None
    first, goal = base.value, t.target
    latest = a.latest.value if a.latest is not None else first
    if first is None or goal is None or latest is None or first == 0:
        return None
    # A target of 0 is Open SDG's 0.001, above zero: across it from a negative base; and a
    # latest figure of 0 is on neither side, so the series does not cross (pass H).
    read = ZERO_SUBSTITUTE if goal == 0 else goal
    unit = a.indicator.unit_in(lang)
    if latest != 0 and (first > 0) != (latest > 0) and a.latest is not None:  # the series across
        return narrative_sentence(
            "reason_series_across_target",
            lang,
            base=typed_value(first, unit, lang),
            year=base.period.year,  # Open SDG reads whole years alone: the year, as the template says it
            latest=typed_value(latest, unit, lang),
            period=a.latest.period.year,
            target=typed_value(goal, unit, lang),
            by=t.target_year,
        )
    if (first > 0) == (read > 0):
        return None  # the target on the base's side
    if goal == 0:
        return narrative_sentence(
            "reason_zero_target_other_sign",
            lang,
            stand_in=typed_value(read, unit, lang),
            base=typed_value(first, unit, lang),
            year=period_text(base.period, lang),
        )
    return narrative_sentence(
        "reason_target_other_sign",
        lang,
        target=typed_value(goal, unit, lang),
        base=typed_value(first, unit, lang),
        year=period_text(base.period, lang),
    )


def late_base(a: Assessment, lang: str) -> str | None:
    """Why an Open SDG target whose base is at or after its target year is not assessed
    (reason no_years_to_target), with the three years a reader needs to see it."""
    from ..plan.model import OpenSdgTarget

    t, base = a.target, a.baseline
    if a.reason != "no_years_to_target" or not isinstance(t, OpenSdgTarget) or base is None:
        return None
    return narrative_sentence(
        "reason_late_base", lang, base_year=t.base_year, year=period_text(base.period, lang), target_year=t.target_year
    )


def _provisional(a: Assessment, lang: str) -> list[str]:
    """That the figure a judged target's row shows is an estimate or a preliminary figure,
    whose status may change with the official one: "In short" is what an officer pastes
    into a review, where "2025: 11.89% against a plan of 14%" read as the year's result
    (thirty-sixth session; the headline counts the same targets, output.headline)."""
    from ..method.assessment import provisional_judged

    shown = provisional_judged(a)
    if shown is None:
        return []
    return [narrative_sentence("provisional_" + shown.status, lang, period=period_text(shown.period, lang))]


def not_subtracted(a: Assessment, lang: str) -> list[str]:
    """What a plan for a period after January with no figure of its own has instead: two
    totals from January whose difference it does not read (kinds.plan: "2024-9M and 2024-H1
    are recorded, and Q3 2024 is not worked out as their difference ...")."""
    from ..kinds.plan import PlanResult
    from .i18n import typed_places, value_with_unit

    d = a.result
    if not isinstance(d, PlanResult) or d.totals_not_subtracted is None:
        return []
    unit = a.indicator.unit_in(lang)
    later, earlier = d.totals_not_subtracted
    said = {
        name: value_with_unit(o.value, unit, lang, typed_places(o.value))
        for name, o in (("later_value", later), ("earlier_value", earlier))
    }
    return _capitalised(
        [
            narrative_sentence(
                "not_subtracted",
                lang,
                later=period_text(later.period, lang),
                earlier=period_text(earlier.period, lang),
                plan_period=period_text(d.period, lang),
                **said,
            )
        ]
    )


def _years_of_parts_only(a: Assessment, today: date | None = None) -> tuple[int, int] | None:
    """The years from the baseline's to the last one ended without its figure, when a level target
    with no full-year figure has part-year readings in a later year than its baseline's:
    those years ended with quarters alone, and "no full-year figure yet" promised a figure
    that comes only when the office records each year's own (issue 17, twenty-ninth
    session: an unemployment rate recorded by quarter, 2020-2024). The latest reading's own
    year is among them once ``today`` is past it (``show --as-of 2023-06-28`` of a 2022-9M
    reading: 2022 ended too; thirty-first session); without a day, the year before the
    reading's, which may still be running. None otherwise."""
    base = getattr(a.target, "baseline", None)
    if a.provisional is None or base is None:
        return None
    # A baseline's value stated in the plan is its year's figure: the years after it lack one.
    from ..method.assessment import ended

    reading_year = a.provisional.period.year
    # The kinds' rule of a period over (a year: once ``today`` is in a later one).
    over = ended(Period(reading_year), today)
    first, last = base.period.year + (base.value is not None), reading_year - (not over)
    return (first, last) if last >= first else None


def _units_only(a: Assessment, lang: str) -> str:
    """Why a broken-down target is not assessed when only its units have figures: how many
    have, the latest period among them, and the row to record for the whole."""
    from ..kinds.breakdown import has_figures
    from .period_words import period_words

    units = [u.assessment for u in a.breakdown if has_figures(u)]
    periods = [o.period for u in units for o in (u.latest, u.provisional) if o is not None]
    if not units or not periods:
        return reason_text("no_total_figure", lang)
    latest = max(periods, key=lambda p: (p.end, p))
    key = "reason_no_total_figure_" + ("one" if len(units) == 1 else "many")
    # The whole's figures withdrawn (a retraction in force) are not "no figure yet".
    whole = msg("narrative_whole_" + ("withdrawn" if any(w.now is None for w in a.withdrawn) else "none"))
    words = dict(count=len(units), period=period_words(latest, lang), indicator=a.indicator.id, whole=whole)
    return narrative_sentence(key, lang, **words)


def _capitalised(sentences: list[str]) -> list[str]:
    """Each sentence begins with a capital, where a period in words opens it (the catalog
    writes "{period}: …", and the Vietnamese words of a quarter begin in lower case)."""
    return [s[:1].upper() + s[1:] for s in sentences]


_NO_FIGURE = ("no_figures", "no_figure_for_period", "no_annual_figure", "no_baseline")
# Reasons whose whole story the kind's sentences tell: a year of -100 % or worse names the
# years that leave no average (views/average.py).
_SAID_BY_KIND = ("average_undefined",)


def rate_text(value: float, lang: str, decimals: int = 2) -> str:
    """A growth rate in per cent (10.37 -> "10.37%"), whatever the indicator's unit text."""
    return f"{number(value, lang, decimals)}%"


def span_text(periods: list[Period], lang: str = "en") -> str:
    """The periods with a figure, first–last ("2021–2023", or "2021" alone, in words in
    a Vietnamese document). A span of years is written as GSO writes one, "2021–2023"; a
    span of other periods with each end in words. Years with a gap are listed, "2021, 2023,
    2025": "2021–2025" said five years of which two had no figure (session 45, helper N)."""
    if len(periods) > 1 and all(p.is_year for p in periods) and periods[-1].year - periods[0].year >= len(periods):
        return ", ".join(str(p.year) for p in periods)
    return period_text(periods[0], lang) if len(periods) == 1 else period_range(periods[0], periods[-1], lang)


def against_last_year(
    a: Assessment, same: SamePeriod | None, now: float | None, period: Period, lang: str, places: int = 2
) -> list[str]:
    """The same-period-last-year sentence: a per-cent change, or points for a growth rate;
    the figure ``now`` at the ``places`` the plan's sentence before it writes it at."""
    if same is None:
        return []
    unit = a.indicator.unit_in(lang)
    # A whole year against the year before: the template names the year as a year itself.
    previous = (
        str(period.same_span_previous_year()) if period.is_year else period_text(period.same_span_previous_year(), lang)
    )
    # At the decimals the figure was published with, and a change in points at those where
    # the figures as written subtract to it (views.plan_places.same_period_places).
    from .views.plan_places import same_period_places

    was_places, moved_places = same_period_places(a, same, now, places)
    was = figure_of(a, same.value, lang, was_places)
    if same.by == "points":
        change = difference_in_unit(same.change, unit, lang, moved_places)
    elif same.by == "percent":
        change = signed_percent(same.change / 100 if same.change is not None else None, lang)
    else:
        return []
    # A whole year is set against the year before; a part of one against the same part.
    key = "against_year" if period.is_year else "against_period"
    if now is None:
        return [narrative_sentence(key + "_plain", lang, previous=previous, was=was, change=change)]
    # A rise and a fall are different words in the Vietnamese sentences (catalog vi.toml).
    moved = change_text(was, figure_of(a, now, lang, places), now - same.value, lang)
    return [narrative_sentence(key, lang, previous=previous, was=was, change=change, moved=moved)]
