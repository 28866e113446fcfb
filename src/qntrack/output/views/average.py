"""How an average target is said and drawn. Pure: no Rich."""

from __future__ import annotations

from typing import Sequence

from ...catalog import msg, render
from ...kinds.average import AverageResult
from ...method.assessment import Assessment
from ...plan.model import Observation
from ..charts import (
    COLOURS,
    DASHED,
    DOTTED,
    SOLID,
    Chart,
    add_provisional,
    bound_sign,
    Plot,
    value_label,
    chart_word,
    provisional_readings,
)
from ..i18n import differing_decimals, label, need_places, recorded_places, sufficient, typed_places, value_with_unit
from ..narrative import rate_text, narrative_sentence, span_text
from ..period_words import period_text
from .span import SpanView

__all__ = ["VIEW"]


class AverageView(SpanView):
    name = "average"
    definition_key = "def_average"

    def sentences(self, a: Assessment, lang: str) -> list[str]:
        if a.reason == "average_undefined" and isinstance(a.result, AverageResult) and a.result.undefined_by:
            # The figures are there; one sentence says which year leaves no average, and why.
            return _average_undefined(a, lang)
        from .sums import added_up_sentence

        return _sentences(a, lang) + added_up_sentence(a, lang)  # as the level view (twenty-sixth session)

    def chart(self, a: Assessment, rows: Sequence[Observation], lang: str) -> Chart | None:
        return _chart(a, rows, lang)

    def key_figures(self, a: Assessment, lang: str) -> list[tuple[str, str]] | None:
        from ..report_view import report_word

        head = self.span_line(a, lang)
        d = a.result
        if head is None or not isinstance(d, AverageResult):
            return []
        span, sign, value = head
        unit = a.indicator.unit_in(lang)
        out = [span, (report_word("target_average", lang), f"{sign} {value}")]
        out.append(
            (
                report_word("years_with_data", lang),
                report_word("passed_count", lang, passed=d.years_with_data, total=d.years_in_span),
            )
        )
        if d.average is not None:
            out.append((report_word("achieved_average", lang), value_with_unit(d.average, unit, lang, _places(d))))
        if d.required_rate_remaining is not None:
            out.append(
                (
                    _allowance(a, d, lang, report=True),
                    _need_text(d, unit, lang),
                )
            )
        return out

    def show_figures(self, a: Assessment, lang: str) -> list[tuple[str, str]]:
        d = a.result
        if not isinstance(d, AverageResult) or d.average is None:
            return []
        unit = a.indicator.unit_in(lang)
        rows = [
            (
                label("kf_average_so_far", lang),
                f"{value_with_unit(d.average, unit, lang, _places(d))} ({d.years_with_data}/{d.years_in_span})",
            )
        ]
        if d.required_rate_remaining is not None:
            # Once the span is over nothing "remains": the years are awaited (docs/methodology.md).
            rows.append(
                (
                    _allowance(a, d, lang),
                    _need_text(d, unit, lang),
                )
            )
        return rows


def _allowance(a: Assessment, d: AverageResult, lang: str, report: bool = False) -> str:
    """The label of ``required_rate_remaining``: the rate the remaining years need to reach
    a floor, or, under a cap, the most they may average ("At most in remaining years", as
    the sentence says "need at most 4.5% a year"; a cumulative cap's label likewise, issue
    17, thirtieth session); once the span is over, the years without a figure, in the
    singular when there is one."""
    from ..report_view import report_word

    cap = "" if d.bound.at_least else "_cap"
    if a.awaiting_figures:
        one = d.years_in_span - d.years_with_data == 1
        return label(("needed_year_without_figure" if one else "needed_years_without_figure") + cap, lang)
    return report_word("required_remaining" + cap, lang) if report else label("kf_needed_remaining_years" + cap, lang)


VIEW = AverageView()


def _places(d: AverageResult) -> int:
    """The decimals the average is written at: two, or where it differs from its bound when
    rounding hides a miss (9.998 against 10 never reads "10%, target 10%"), in the sentence,
    the key figures, show and the chart alike (issue 17, nineteenth session)."""
    return differing_decimals(d.bound.value, d.average) if d.average is not None else 2


def _need_text(d: AverageResult, unit: str, lang: str) -> str:
    """The rate the remaining years need, as written: at ``_need_places``, rounded so that it
    still meets the bound (``sufficient``: up under a floor, down under a cap); a sentence
    writes it as a plain per cent (unit "%"), a table with the indicator's unit."""
    places = _need_places(d)
    need = sufficient(d.required_rate_remaining, d.bound.at_least, places)
    return value_with_unit(need, unit, lang, need_places(need, places))


def _need_places(d: AverageResult) -> int:
    """The decimals the rate the remaining years need is written at: two, or where it
    differs from the bound when two would write it as the bound (10.0004 % needed against at
    least 10 % is not "at least 10%": 10 % would leave the average short; issue 17,
    fortieth session)."""
    need = d.required_rate_remaining
    # From the bound's own decimals (10.005 typed: three), so that a need rounded up to be
    # enough (10.00375 % is 10.004 %) is not written above the bound it falls below ("10.01").
    places = max(2, typed_places(d.bound.value))
    return differing_decimals(d.bound.value, need, places) if need is not None else places


def _sentences(a: Assessment, lang: str) -> list[str]:
    d = a.result
    if not isinstance(d, AverageResult) or d.average is None:
        return [narrative_sentence("no_figure_in_span", lang)]
    bound = d.bound.value
    word = narrative_sentence(d.bound.keyword, lang)
    places = _places(d)  # 9.998 against 10 must not read "10% (target 10%)"
    span = span_text([p.period for p in d.periods], lang)
    n = d.years_with_data
    out = [
        narrative_sentence(
            "average_many" if n > 1 else "average_one",
            lang,
            n=n,
            span=span,
            average=rate_text(d.average, lang, places),
            word=word,
            bound=rate_text(bound, lang, typed_places(bound)),
        )
    ]
    if d.required_rate_remaining is not None and a.awaiting_figures:
        have = {str(p.period) for p in d.periods}
        awaited = [str(y) for y in range(d.start.year, d.end.year + 1) if str(y) not in have]
        years = ", ".join(awaited)
        out.append(
            render(
                msg(
                    # One year: "the year without a figure needs" (and no "a year").
                    "narrative_awaiting_average_one" if len(awaited) == 1 else "narrative_awaiting_average",
                    start=d.start,
                    end=d.end,
                    years=years,
                    word=word,
                    need=_need_text(d, "%", lang),
                ),
                lang,
            )
        )
    elif d.required_rate_remaining is not None:
        left = d.years_in_span - d.years_with_data
        # A year behind us with no figure counts with those to come (methodology): "the
        # remaining 3 years" in March 2024 read as three years ahead where two are, so the
        # years are named (2022, 2024, 2025).
        years_in = {p.period.year for p in d.periods}
        unknown = [str(y) for y in range(d.start.year, d.end.year + 1) if y not in years_in] if d.missing else []
        key = "average_missing" if unknown else "average_remaining"
        out.append(
            narrative_sentence(
                key + ("_many" if left > 1 else "_one"),
                lang,
                n=left,
                years=", ".join(unknown),
                word=word,
                need=_need_text(d, "%", lang),
                start=d.start,
                end=d.end,
            )
        )
    if a.provisional is not None:
        p = a.provisional
        out.append(
            narrative_sentence(
                "average_provisional",
                lang,
                period=period_text(p.period, lang),
                # At every decimal it was typed with, as the tables beside it: 9.125 is never
                # "9.13%" (session 47).
                value=rate_text(p.value, lang, 2 if a.indicator.formula else recorded_places(p.value)),
            )
        )
    return out


def _average_undefined(a: Assessment, lang: str) -> list[str]:
    """A year of −100 % or worse: the figures are in, but no geometric mean exists
    (docs/methodology.md, "Average over a span"); the years that did it are named."""
    d = a.result
    assert isinstance(d, AverageResult) and d.undefined_by is not None  # explain's test
    values = {p.period: p.value for p in d.periods}
    years = ", ".join(f"{y} ({rate_text(values[y], lang)})" for y in d.undefined_by)
    span = span_text([p.period for p in d.periods], lang)
    return [render(msg("narrative_average_undefined", years=years, span=span), lang)]


def _chart(a: Assessment, rows: Sequence[Observation], lang: str) -> Chart | None:
    d = a.result
    if not isinstance(d, AverageResult):
        return None  # no figures of the kind (an assessment that overflowed)
    sign, bound = bound_sign(d.bound)
    unit = a.indicator.unit_in(lang)
    plot = Plot()
    plot.add(
        chart_word("actual_period", lang),
        [(p.period.end, p.value) for p in d.periods],
        COLOURS["actual"],
        stroke_style=SOLID,
    )
    start, end = d.start, d.end
    provisional = provisional_readings(rows, start.year, end.year)
    add_provisional(plot, provisional, lang)
    data_points = plot.points
    if data_points == 0:
        return None
    x0, x1 = start.end, end.end
    plot.add(
        chart_word("target_average", lang, sign=sign, value=value_label(bound, unit, lang)),
        [(x0, bound), (x1, bound)],
        COLOURS["bound"],
        stroke_style=DASHED,
        show_dots=False,
    )
    if d.average is not None:
        plot.add(
            chart_word("achieved_average", lang, value=value_with_unit(d.average, unit, lang, _places(d))),
            [(x0, d.average), (x1, d.average)],
            COLOURS["average"],
            stroke_style=DOTTED,
            show_dots=False,
        )
    notes = [chart_word("note_hollow", lang)] if provisional else []
    return plot.render(a.target.id, lang, notes, data_points=data_points, unit=unit)
