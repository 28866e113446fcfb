"""Plain sentences that say what an assessment means, in English or Vietnamese. Pure.

The words are the catalog's (``narrative_*`` in catalog/en.toml and vi.toml); this module
chooses the sentence and works out the figures it names.
"""

from __future__ import annotations

from ..kinds.average import AverageResult
from ..kinds.cumulative import CumulativeResult
from ..kinds.every_period import EveryPeriodResult
from ..kinds.plan import PlanResult, SamePeriod
from ..method.assessment import Assessment, MilestoneResult
from ..plan.periods import Period
from ..catalog import msg, render
from .i18n import label, number, signed_percent, value_with_unit
from ..plan.model import Measure

__all__ = ["explain", "reason_text"]


def _s(key: str, lang: str, **values: object) -> str:
    """The catalog's sentence ``narrative_<key>`` in ``lang``, with these values."""
    return render(msg("narrative_" + key, **values), lang)


def _v(value: float | None, unit: str, lang: str) -> str:
    return value_with_unit(value, unit, lang)


def _x(a: Assessment, value: float | None, lang: str) -> str:
    """A figure of the target's indicator: a growth rate as a plain per cent ("10.28%"),
    since its unit text ("% y/y" and its Vietnamese form) would only repeat what the sentence
    says; anything else with its unit."""
    if a.indicator.measure is Measure.RATE and value is not None:
        return f"{number(value, lang)}%"
    return _v(value, a.indicator.unit_in(lang), lang)


def _pp(value: float | None, unit: str, lang: str) -> str:
    """A difference in the indicator's unit: percentage points for a share ("–" for one
    that could not be computed: it overflowed)."""
    sign = "+" if value is not None and value > 0 else ""
    if unit.startswith("%"):
        return f"{sign}{number(value, lang)} {label('pp', lang)}"
    return f"{sign}{number(value, lang)}" + (f" {unit}" if unit else "")


def _change(before: str, after: str, change: float, lang: str) -> str:
    """A change said with its direction: "rose from … to …" or "fell from … to …"
    (catalog ``narrative_change_*``) (the Vietnamese sentences use it; the English ones name both years)."""
    key = "change_rise" if change > 0 else "change_fall" if change < 0 else "change_same"
    return _s(key, lang, before=before, after=after)


def reason_text(reason: str, lang: str) -> str:
    """The sentence for people behind a ``reason`` code of a not_available status."""
    from ..catalog import catalog

    known = "narrative_reason_" + reason in catalog("en")
    return _s("reason_" + (reason if known else "undefined"), lang)


def explain(a: Assessment, lang: str) -> list[str]:
    kind = a.target.kind
    if kind == "level":
        out = _level(a, lang)
    elif kind == "every_period":
        out = _every(a, lang)
    elif kind == "average":
        out = _average(a, lang)
    elif kind == "cumulative":
        out = _cumulative(a, lang)
    else:
        out = _plan(a, lang)
    if a.reason == "average_undefined" and isinstance(a.result, AverageResult) and a.result.undefined_by:
        # The figures are there; one sentence says which year leaves no average, and why.
        return _average_undefined(a, lang)
    if a.status.value == "not_available" and a.reason:
        # Why there is no assessment, always said (docs/json.md, "reason"); for want of a
        # figure it says all there is to say.
        if a.reason in _NO_FIGURE:
            return [reason_text(a.reason, lang)]
        out.append(reason_text(a.reason, lang))
    return out


_NO_FIGURE = ("no_figures", "no_figure_for_period", "no_annual_figure", "no_baseline")


def _level(a: Assessment, lang: str) -> list[str]:
    unit = a.indicator.unit_in(lang)
    if a.latest is None or a.baseline is None:
        return [_s("no_full_year", lang)]
    out: list[str] = []
    latest, base = a.latest, a.baseline
    before, after = _v(base.value, unit, lang), _v(latest.value, unit, lang)
    span = dict(
        base=before,
        base_period=base.period,
        latest=after,
        latest_period=latest.period,
        change=_change(before, after, latest.value - (base.value or 0.0), lang),
    )
    if a.achieved_rate is not None:
        out.append(_s("level_rate", lang, rate=signed_percent(a.achieved_rate, lang), **span))
    if a.reason == "zero_baseline":
        # No rate to give, but the change itself is a fact worth saying.
        out.append(_s("level_change", lang, diff=_pp(latest.value - (base.value or 0.0), unit, lang), **span))
    m0 = a.next_milestone
    if m0 is not None and m0.method == "absolute_change" and m0.achieved_change is not None:
        # No growth rate across zero: the change a year is what the assessment reads.
        diff = _pp(m0.achieved_change, unit, lang)
        if m0.required_change is not None:
            out.append(
                _s("level_abs_change_required", lang, diff=diff, required=_pp(m0.required_change, unit, lang), **span)
            )
        else:
            out.append(_s("level_abs_change", lang, diff=diff, **span))
        if base.value == 0 and _not_balance(a):
            out.append(render(msg("narrative_zero_baseline"), lang))
    # A missed deadline is said even after the headline has moved on to the next milestone.
    for missed in a.milestones:
        if missed.due and missed.status.value == "not_achieved" and missed is not a.next_milestone:
            out.append(_missed_sentence(missed, unit, lang))
            out.extend(_reached_sentence(missed, unit, lang))
    m = a.next_milestone
    if m is None:
        return out
    goal = _v(m.value, unit, lang)
    if m.status.value == "target_achieved":
        out.append(_s("milestone_achieved", lang, by=m.by, goal=goal))
        return out
    if m.due:
        out.append(_missed_sentence(m, unit, lang))
        out.extend(_reached_sentence(m, unit, lang))
        return out
    if m.awaiting_figure:
        out += _awaiting_level(a, m, unit, lang)
        # Every deadline behind us is said, not only the headline's: on 2099-01-01 the
        # 2030 figure is awaited as much as 2025's (issue 12).
        for later in a.milestones:
            if later.awaiting_figure and later.by > m.by:
                out += _awaiting_level(a, later, unit, lang, too=True)
        return out
    if m.projected is not None and (a.achieved_rate is not None or m.method == "absolute_change"):
        short = (m.projected < m.value) == a.indicator.increase
        if m.method == "absolute_change":
            c = m.required_change_from_latest
            needed = None if c is None else _pp(c, unit, lang)
        else:
            r = m.required_rate_from_latest
            needed = None if r is None else signed_percent(r, lang)
        key = ("pace_short_needs" if needed is not None else "pace_short") if short else "pace_meets"
        out.append(_s(key, lang, projected=_v(m.projected, unit, lang), by=m.by, goal=goal, needed=needed))
    if m.trajectory is not None and m.deviation is not None:
        out.append(
            _s(
                "path",
                lang,
                goal=goal,
                by=m.by,
                trajectory=_v(m.trajectory, unit, lang),
                period=latest.period,
                deviation=_pp(m.deviation, unit, lang),
            )
        )
    out.extend(_reached_sentence(m, unit, lang))
    return out


def _not_balance(a: Assessment) -> bool:
    """A declared balance is always read by its change; saying why would be noise."""
    return a.indicator.measure is not Measure.BALANCE


def _awaiting_level(a: Assessment, m: MilestoneResult, unit: str, lang: str, too: bool = False) -> list[str]:
    """A deadline behind us with no figure for it: nothing "from now on", only what the
    pace achieved says the deadline's figure would be (docs/methodology.md). ``too``: a
    later deadline after the first such one, whose latest figure is already said."""
    latest = a.latest
    assert latest is not None
    if too:
        out = [render(msg("narrative_awaiting_milestone_too", by=m.by, goal=_v(m.value, unit, lang)), lang)]
    else:
        out = [
            render(
                msg("narrative_awaiting_milestone", by=m.by, latest=_v(latest.value, unit, lang), period=latest.period),
                lang,
            )
        ]
    if m.projected is not None:
        short = (m.projected < m.value) == a.indicator.increase
        out.append(
            render(
                msg(
                    "narrative_awaiting_short" if short else "narrative_awaiting_meets",
                    by=m.by,
                    projected=_v(m.projected, unit, lang),
                    goal=_v(m.value, unit, lang),
                ),
                lang,
            )
        )
    if m.trajectory is not None and m.deviation is not None:
        out.append(
            _s(
                "path_awaiting",
                lang,
                goal=_v(m.value, unit, lang),
                by=m.by,
                trajectory=_v(m.trajectory, unit, lang),
                period=latest.period,
                deviation=_pp(m.deviation, unit, lang),
            )
        )
    return out


def _missed_sentence(m: MilestoneResult, unit: str, lang: str) -> str:
    """ "The 2025 milestone of 15% was not achieved: 14%." (the year of the figure when it
    is not the deadline's own: a deadline year with no figure is judged on the next one)."""
    judged = m.judged_on
    goal = _v(m.value, unit, lang)
    got = _v(judged.value, unit, lang) if judged is not None else "–"
    when = f" ({judged.period})" if judged is not None and judged.period != m.by else ""
    return _s("missed", lang, by=m.by, goal=goal, got=got, when=when)


def _reached_sentence(m: MilestoneResult, unit: str, lang: str) -> list[str]:
    """When the milestone was, or would be, reached: a projection says "would be"."""
    goal = _v(m.value, unit, lang)
    if m.reached_in is not None and not m.reached_is_projection:
        return [_s("reached_late", lang, goal=goal, year=m.reached_in)]
    if m.reached_in is not None:
        return [_s("would_reach", lang, goal=goal, year=m.reached_in)]
    if m.never_reached:
        return [_s("never_reached", lang, goal=goal)]
    return []


def _every(a: Assessment, lang: str) -> list[str]:
    d = a.result
    if not isinstance(d, EveryPeriodResult) or not d.periods:
        return [_s("no_figure_in_span", lang)]
    word = _s(d.bound.keyword, lang)
    out = [
        _s(
            "every_passed",
            lang,
            passed=d.passed,
            total=len(d.periods),
            word=word,
            bound=_x(a, d.bound.value, lang),
            start=d.start,
            end=d.end,
        )
    ]
    failed = d.first_failure
    if failed is not None:
        out.append(_s("every_broke", lang, period=failed.period, value=_x(a, failed.value, lang)))
        if d.streak == 1:
            out.append(_s("every_again_one", lang, period=d.periods[-1].period))
        elif d.streak:
            out.append(_s("every_again_many", lang, n=d.streak, since=d.periods[-d.streak].period))
    if a.awaiting_figures:
        # Every period over with no figure, the gaps before the latest among them.
        out.append(render(msg("narrative_awaiting_periods", periods=", ".join(map(str, a.awaiting_figures))), lang))
    elif d.missing:
        out.append(_s("every_missing", lang, periods=", ".join(map(str, d.missing))))
    if a.provisional is not None:
        p = a.provisional
        key = "every_provisional_passes" if d.provisional_passes else "every_provisional_fails"
        out.append(_s(key, lang, period=p.period, value=_x(a, p.value, lang)))
    return out


def _rate(value: float, lang: str, decimals: int = 2) -> str:
    """A growth rate in per cent (10.37 -> "10.37%"), whatever the indicator's unit text."""
    return f"{number(value, lang, decimals)}%"


def _average(a: Assessment, lang: str) -> list[str]:
    d = a.result
    if not isinstance(d, AverageResult) or d.average is None:
        return [_s("no_figure_in_span", lang)]
    bound = d.bound.value
    word = _s(d.bound.keyword, lang)
    # 9.998 against 10 must not read "10% (target 10%)": one more decimal when rounding hides a miss.
    places = 3 if number(d.average, "en") == number(bound, "en") and d.average != bound else 2
    span = _span_text([p.period for p in d.periods])
    n = d.years_with_data
    out = [
        _s(
            "average_many" if n > 1 else "average_one",
            lang,
            n=n,
            span=span,
            average=_rate(d.average, lang, places),
            word=word,
            bound=_rate(bound, lang),
        )
    ]
    if d.required_rate_remaining is not None and a.awaiting_figures:
        have = {str(p.period) for p in d.periods}
        years = ", ".join(str(y) for y in range(d.start.year, d.end.year + 1) if str(y) not in have)
        out.append(
            render(
                msg(
                    "narrative_awaiting_average",
                    start=d.start,
                    end=d.end,
                    years=years,
                    word=word,
                    need=_rate(d.required_rate_remaining, lang),
                ),
                lang,
            )
        )
    elif d.required_rate_remaining is not None:
        left = d.years_in_span - d.years_with_data
        out.append(
            _s(
                "average_remaining_many" if left > 1 else "average_remaining_one",
                lang,
                n=left,
                word=word,
                need=_rate(d.required_rate_remaining, lang),
                start=d.start,
                end=d.end,
            )
        )
    if a.provisional is not None:
        p = a.provisional
        out.append(_s("average_provisional", lang, period=p.period, value=_rate(p.value, lang)))
    return out


def _average_undefined(a: Assessment, lang: str) -> list[str]:
    """A year of −100 % or worse: the figures are in, but no geometric mean exists
    (docs/methodology.md, "Average over a span"); the years that did it are named."""
    d = a.result
    assert isinstance(d, AverageResult) and d.undefined_by is not None  # explain's test
    values = {p.period: p.value for p in d.periods}
    years = ", ".join(f"{y} ({_rate(values[y], lang)})" for y in d.undefined_by)
    span = _span_text([p.period for p in d.periods])
    return [render(msg("narrative_average_undefined", years=years, span=span), lang)]


def _span_text(periods: list[Period]) -> str:
    """The periods with a figure, first–last ("2021–2023", or "2021" alone)."""
    return str(periods[0]) if len(periods) == 1 else f"{periods[0]}–{periods[-1]}"


def _cumulative(a: Assessment, lang: str) -> list[str]:
    d = a.result
    if not isinstance(d, CumulativeResult) or d.figures is None:
        return [_s("no_figure_in_span", lang)]
    f = d.figures
    if f.total is None:
        return []  # the total overflowed: the reason's sentence says so
    out = [
        _s(
            "cumulative",
            lang,
            total=_x(a, f.total, lang),
            share=number((f.share_of_target or 0) * 100, lang, 1),
            time=number(f.share_of_time * 100, lang, 1),
        )
    ]
    if f.needed_per_remaining_period and a.awaiting_figures and a.latest is not None:
        out.append(
            render(
                msg(
                    "narrative_awaiting_cumulative",
                    start=d.start,
                    end=d.end,
                    latest=a.latest.period,
                    needed=_x(a, f.needed_per_remaining_period, lang),
                ),
                lang,
            )
        )
    elif f.needed_per_remaining_period:
        n = f.periods_remaining
        out.append(
            _s(
                "cumulative_each_many" if n > 1 else "cumulative_each_one",
                lang,
                n=n,
                needed=_x(a, f.needed_per_remaining_period, lang),
            )
        )
    if a.provisional is not None:
        p = a.provisional
        out.append(_s("cumulative_provisional", lang, period=p.period, value=_x(a, p.value, lang)))
    return out


def _against_last_year(
    a: Assessment, same: SamePeriod | None, now: float | None, period: Period, lang: str
) -> list[str]:
    """The same-period-last-year sentence: a per-cent change, or points for a growth rate."""
    if same is None:
        return []
    unit = a.indicator.unit_in(lang)
    previous = _previous(str(period))
    was = _x(a, same.value, lang)
    if same.by == "points":
        change = _pp(same.change, unit, lang)
    elif same.by == "percent":
        change = signed_percent(same.change / 100, lang)
    else:
        return []
    # A whole year is set against the year before; a part of one against the same part.
    key = "against_year" if "-" not in str(period) else "against_period"
    if now is None:
        return [_s(key + "_plain", lang, previous=previous, was=was, change=change)]
    # A rise and a fall are different words in the Vietnamese sentences (catalog vi.toml).
    moved = _change(was, _x(a, now, lang), now - same.value, lang)
    return [_s(key, lang, previous=previous, was=was, change=change, moved=moved)]


def _previous(period: str) -> str:
    year, _, rest = period.partition("-")
    return f"{int(year) - 1}" + (f"-{rest}" if rest else "")


def _plan(a: Assessment, lang: str) -> list[str]:
    d = a.result
    if not isinstance(d, PlanResult):
        return [_s("no_figure_yet", lang)]
    unit = a.indicator.unit_in(lang)
    got = _x(a, a.latest.value if a.latest else None, lang)
    now = a.latest.value if a.latest is not None else None
    if d.full is not None and d.full.percent_of_plan is None:
        # A growth rate: met or missed by percentage points.
        out = [
            _s(
                "plan_rate",
                lang,
                period=d.period,
                got=got,
                plan=_x(a, d.plan, lang),
                pp=_pp(d.full.difference, unit, lang),
            )
        ]
        return out + _against_last_year(a, d.full.same, now, d.period, lang)
    if d.full is not None:
        # Vietnamese says a result above plan "reached" X % of it, one below plan "equals" X %.
        key = "plan_percent_met" if a.status.value == "target_achieved" else "plan_percent"
        out = [
            _s(
                key,
                lang,
                period=d.period,
                got=got,
                pct=number(d.full.percent_of_plan, lang, 1),
                plan=_x(a, d.plan, lang),
            )
        ]
        return out + _against_last_year(a, d.full.same, now, d.period, lang)
    ytd = d.year_to_date
    over = [render(msg("narrative_awaiting_plan", period=d.period), lang)] if a.awaiting_figures else []
    if ytd is None:
        return over + [_s("no_figure_yet", lang)]
    if ytd.flow:
        out = [
            _s(
                "ytd_percent",
                lang,
                period=ytd.period,
                value=_x(a, ytd.value, lang),
                share=number(ytd.percent_of_plan, lang, 1),
                time=number(ytd.share_of_time * 100 if ytd.share_of_time is not None else None, lang, 1),
            )
        ]
    else:
        out = [
            _s(
                "ytd_plain",
                lang,
                period=ytd.period,
                value=_x(a, ytd.value, lang),
                plan=_x(a, d.plan, lang),
                diff=f": {_pp(ytd.difference, unit, lang)}",
            )
        ]
    return over + out + _against_last_year(a, ytd.same, ytd.value, ytd.period, lang)
