"""What the views of the span kinds (every_period, average, cumulative) share. Pure."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence, Union

from ...kinds.average import AverageResult
from ...kinds.cumulative import CumulativeResult
from ...kinds.every_period import EveryPeriodResult, PeriodCheck
from ...method.assessment import Assessment
from ...plan.model import Bound, Observation
from ..i18n import label, typed_value, value_with_unit
from ..period_words import period_range, period_text, span_ends

if TYPE_CHECKING:
    from ..report_view import TableView

__all__ = ["SpanView", "bound_text", "span_result"]

SpanResult = Union[EveryPeriodResult, AverageResult, CumulativeResult]


def span_result(a: Assessment) -> SpanResult | None:
    """The span kind's record, None when there is none (an assessment that overflowed)."""
    d = a.result
    return d if isinstance(d, (EveryPeriodResult, AverageResult, CumulativeResult)) else None


def bound_text(bound: Bound, unit: str, lang: str) -> tuple[str, str]:
    """("at least", "8%"): the bound's word and its value."""
    return label(bound.keyword, lang), typed_value(bound.value, unit, lang)


class SpanView:
    """The parts every span kind's view has alike; ``definition_key`` names its sentence."""

    one_deadline = True
    gap_per_period = False
    definition_key = ""

    def definition(self, a: Assessment, lang: str) -> str:
        from ..report_view import report_word

        d = span_result(a)
        if d is None:
            return ""
        sign, value = bound_text(d.bound, a.indicator.unit_in(lang), lang)
        start, end = span_ends(d.start, d.end, lang)
        text = report_word(self.definition_key, lang, sign=sign, value=value, start=start, end=end)
        return text[0].upper() + text[1:]

    def goal(self, a: Assessment, lang: str) -> str | None:
        d = span_result(a)
        if d is None:
            return None
        sign = "≥" if d.bound.at_least else "≤"
        # As typed: a bound of 10.005 is not "10.01" (issue 17, twentieth session).
        return f"{sign} {typed_value(d.bound.value, a.indicator.unit_in(lang), lang)}, {period_range(d.start, d.end, lang)}"

    def report_rows(self, a: Assessment, rows: Sequence[Observation]) -> list[Observation]:
        """The rows `show` lists too: the years of the span (the kind's one rule)."""
        from ...kinds import relevant_rows

        return relevant_rows(a.target, rows)

    def periods(self, a: Assessment, lang: str) -> TableView | None:
        """The report's table of the span's figures, with a pass mark for every_period's."""
        from ..report_view import Cell, TableView, report_word

        d = span_result(a)
        if d is None or not d.periods:
            return None
        unit = a.indicator.unit_in(lang)
        with_pass = isinstance(d, EveryPeriodResult)
        headers = (label("period", lang), label("value", lang)) + ((report_word("passed", lang),) if with_pass else ())
        rows = []
        from ..i18n import differing_decimals, recorded_places

        for p in d.periods:
            # As show writes it: at every decimal it was typed with, as the table of
            # observations under it (4.5004, twenty-second session), and where it differs
            # from the bound it passes or fails (9.996 beside a bound of 10 never reads 10).
            places = 2 if a.indicator.formula else recorded_places(p.value)
            if with_pass:
                places = max(places, differing_decimals(p.value, d.bound.value))
            cells = [Cell(period_text(p.period, lang)), Cell(value_with_unit(p.value, unit, lang, places))]
            if isinstance(p, PeriodCheck):
                ok = p.passed
                cells.append(
                    Cell(
                        f"✓ {report_word('yes', lang)}" if ok else f"✗ {report_word('no', lang)}",
                        status="target_achieved" if ok else "not_achieved",
                    )
                )
            rows.append(tuple(cells))
        return TableView(headers, tuple(rows), frozenset({1}))

    def span_line(self, a: Assessment, lang: str) -> tuple[tuple[str, str], str, str] | None:
        """The report's first key figure (the span) with the bound's word and value."""
        from ..report_view import report_word

        d = span_result(a)
        if d is None:
            return None
        sign, value = bound_text(d.bound, a.indicator.unit_in(lang), lang)
        return (report_word("span", lang), period_range(d.start, d.end, lang)), sign, value
