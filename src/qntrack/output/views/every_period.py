"""How an every-period target is said and drawn. Pure: no Rich."""

from __future__ import annotations

from typing import Sequence

from ...catalog import msg, render
from ...kinds.every_period import EveryPeriodResult, PeriodCheck
from ...method.assessment import Assessment
from ...plan.model import Observation
from ..charts import (
    COLOURS,
    DASHED,
    SOLID,
    Chart,
    add_provisional,
    bound_sign,
    Plot,
    value_label,
    chart_word,
)
from ..chart_legend import hollow_marker
from ..chart_readings import hollow_readings
from ..i18n import differing_decimals, label, recorded_places, typed_places
from ..narrative import narrative_sentence, figure_of
from ..period_words import period_text, span_ends
from ..withdrawn import awaited
from .plan_places import beside_pace
from .span import SpanView

__all__ = ["VIEW"]


class EveryPeriodView(SpanView):
    name = "every_period"
    definition_key = "def_every"
    # Its gap is its latest period's alone: the text names the period (docs/methodology.md, "Gap").
    gap_per_period = True
    # Each period is a deadline of its own: the failed ones are named beside the status.
    one_deadline = False

    def sentences(self, a: Assessment, lang: str) -> list[str]:
        from .sums import added_up_sentence

        return _sentences(a, lang) + added_up_sentence(a, lang)

    def chart(self, a: Assessment, rows: Sequence[Observation], lang: str) -> Chart | None:
        return _chart(a, rows, lang)

    def key_figures(self, a: Assessment, lang: str) -> list[tuple[str, str]] | None:
        from ..report_view import report_word

        head = self.span_line(a, lang)
        d = a.result
        if head is None or not isinstance(d, EveryPeriodResult):
            return []
        span, sign, value = head
        out = [span, (report_word("threshold", lang), f"{sign} {value}")]
        out.append(
            (report_word("passed", lang), report_word("passed_count", lang, passed=d.passed, total=len(d.periods)))
        )
        if d.first_failure is not None:
            out.append((report_word("first_failure", lang), period_text(d.first_failure.period, lang)))
        out.append((report_word("streak", lang), str(d.streak)))
        if d.missing:
            out.append((report_word("missing", lang), ", ".join(awaited(a, d.missing, lang))))
        if a.awaiting_figures:
            out.append((label("periods_awaited", lang), str(len(a.awaiting_figures))))
        else:
            out.append((report_word("remaining", lang), str(d.remaining)))
        return out

    def show_figures(self, a: Assessment, lang: str) -> list[tuple[str, str]]:
        d = a.result
        if not isinstance(d, EveryPeriodResult) or not d.periods:
            return []
        rows = [(label("kf_passed_failed", lang), f"{d.passed} / {d.failed}")]
        if d.first_failure is not None:
            rows.append((label("kf_first_failure", lang), period_text(d.first_failure.period, lang)))
        rows.append((label("kf_current_run", lang), str(d.streak)))
        if d.missing:
            rows.append((label("kf_no_figure", lang), ", ".join(awaited(a, d.missing, lang))))
        return rows


VIEW = EveryPeriodView()


def _sentences(a: Assessment, lang: str) -> list[str]:
    d = a.result
    if not isinstance(d, EveryPeriodResult) or not d.periods:
        return [narrative_sentence("no_figure_in_span", lang)]
    word = narrative_sentence(d.bound.keyword, lang)
    start, end = span_ends(d.start, d.end, lang)
    out = [
        narrative_sentence(
            "every_passed",
            lang,
            passed=d.passed,
            total=len(d.periods),
            word=word,
            bound=figure_of(a, d.bound.value, lang, typed_places(d.bound.value)),
            start=start,
            end=end,
        )
    ]
    failed = d.first_failure
    if failed is not None:
        # At the decimals the details table writes it with: 9.999 against "at least 10%"
        # is not "10%" (issue 17, review of the nineteenth session).
        # And at every decimal it was typed with, as that table writes it: 8.125 is never
        # "8.13%" here (forty-fourth session).
        places = differing_decimals(failed.value, d.bound.value)
        if not a.indicator.formula:
            places = max(places, recorded_places(failed.value))
        value = figure_of(a, failed.value, lang, places)
        out.append(narrative_sentence("every_broke", lang, period=period_text(failed.period, lang), value=value))
        if d.streak == 1:
            out.append(narrative_sentence("every_again_one", lang, period=period_text(d.periods[-1].period, lang)))
        elif d.streak:
            out.append(
                narrative_sentence(
                    "every_again_many", lang, n=d.streak, since=period_text(d.periods[-d.streak].period, lang)
                )
            )
    if a.awaiting_figures:
        # Every period over with no figure, the gaps before the latest among them.
        out.append(
            render(
                msg("narrative_awaiting_periods", periods=", ".join(period_text(p, lang) for p in a.awaiting_figures)),
                lang,
            )
        )
    elif d.missing:
        out.append(
            narrative_sentence("every_missing", lang, periods=", ".join(period_text(p, lang) for p in d.missing))
        )
    if a.provisional is not None:
        p = a.provisional
        paced = a.indicator.adds_up and d.provisional_bound is not None
        # Written where it differs from the pace or the bound it is set against: 99.9999 is
        # never "100 ... (100 by then)", nor 9.9999 % "10% (does not pass)" (session 47).
        typed = 2 if a.indicator.formula else recorded_places(p.value)
        against = d.provisional_bound if paced and d.provisional_bound is not None else d.bound.value
        places, pace_places = beside_pace(p.value, against, typed)
        period, value = period_text(p.period, lang), figure_of(a, p.value, lang, places)
        if paced:
            # An amount of part of the year, set against the bound's pace by then: 140 by
            # June is on the pace of "at least 200 a year" (100 by then), never "does not pass".
            key = "every_provisional_on_pace" if d.provisional_passes else "every_provisional_off_pace"
            bound = figure_of(a, d.bound.value, lang, typed_places(d.bound.value))
            pace = figure_of(a, d.provisional_bound, lang, pace_places)
            out.append(narrative_sentence(key, lang, period=period, value=value, word=word, bound=bound, pace=pace))
        else:
            key = "every_provisional_passes" if d.provisional_passes else "every_provisional_fails"
            out.append(narrative_sentence(key, lang, period=period, value=value))
    return out


def _chart(a: Assessment, rows: Sequence[Observation], lang: str) -> Chart | None:
    d = a.result
    if not isinstance(d, EveryPeriodResult):
        return None  # no figures of the kind (an assessment that overflowed)
    sign, bound = bound_sign(d.bound)
    unit = a.indicator.unit_in(lang)
    plot = Plot()
    values = []
    for p in d.periods:
        x = p.period.end
        values.append(
            {"value": (x, p.value), "label": period_text(p.period, lang)}
            if p.passed
            else {
                "value": (x, p.value),
                "label": period_text(p.period, lang),
                "color": COLOURS["fail"],
                "node": {"r": 6},
            }
        )
    plot.add(chart_word("actual_period", lang), values, COLOURS["actual"], stroke_style=SOLID)
    start, end = d.start, d.end
    # A year recorded in quarters is drawn as their sum, as it is judged, and its quarters
    # are then no part-year readings of a year without a figure (the level chart's rule).
    summed = [o for p in d.periods if (o := _as_row(p)) is not None] if a.indicator.adds_up else []
    # An amount's open year is drawn as its year to date, the reading judged, with the
    # bound's pace by then that it was set against (chart_readings).
    provisional = hollow_readings(a, [*rows, *summed], start.year, end.year) if start.is_year else []
    add_provisional(plot, provisional, lang)
    paced = _pace(a, d, provisional, sign, unit, lang)
    if paced is not None:
        # Hollow, as the reading it was set against: a filled red marker is a failed period.
        plot.add(paced[0], [paced[1]], COLOURS["bound"], hollow=True, stroke=False, dots_size=5)
    data_points = plot.points
    if data_points == 0:
        return None
    x0, x1 = start.end, end.end
    plot.add(
        chart_word("threshold", lang, sign=sign, value=value_label(bound, unit, lang)),
        [(x0, bound), (x1, bound)],
        COLOURS["bound"],
        stroke_style=DASHED,
        show_dots=False,
    )
    notes = []
    if d.failed:
        notes.append(chart_word("note_fail", lang))
    if provisional:
        notes.append(chart_word("note_hollow_to_date" if a.indicator.adds_up else "note_hollow", lang))
    return plot.render(a.target.id, lang, notes, data_points=data_points, unit=unit)


def _pace(
    a: Assessment, d: EveryPeriodResult, drawn: Sequence[Observation], sign: str, unit: str, lang: str
) -> tuple[str, dict] | None:
    """The legend and the point of the bound's pace by the judged reading's end (200 a year:
    100 by June), for an amount whose part-year reading is drawn; else None."""
    o = a.provisional
    if not a.indicator.adds_up or o is None or d.provisional_bound is None or o not in drawn:
        return None
    words = dict(sign=sign, value=value_label(d.provisional_bound, unit, lang), period=period_text(o.period, lang))
    point = {
        "value": (o.period.end, d.provisional_bound),
        "style": hollow_marker(COLOURS["bound"]),
        "label": period_text(o.period, lang),
    }
    return chart_word("pace", lang, **words), point


def _as_row(p: PeriodCheck) -> Observation | None:
    """A year of the span, as a full-year row for ``provisional_readings``."""
    return Observation("", p.period, p.value, p.status, p.source, "", p.recorded_at, 0) if p.period.is_year else None
