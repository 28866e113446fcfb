"""How an annual plan target is said and drawn. Pure: no Rich."""

from __future__ import annotations

import math

from typing import TYPE_CHECKING, Sequence

from ...catalog import msg, render
from ...kinds.plan import PlanResult, SamePeriod
from ...method.assessment import Assessment, MilestoneResult, significant
from ...plan.model import Observation
from ..charts import COLOURS, Chart, finished_chart, chart_word
from ..chart_pygal import bar_scale, plot_config, plot_style
from ..i18n import (
    hundredfold,
    label,
    number,
    percent_reached_text,
    signed_percent,
    typed_places,
    typed_value,
    value_with_unit,
)
from ..narrative import against_last_year, difference_in_unit, narrative_sentence, figure_of
from ..summary import difference_text
from .plan_rest import rest_of_period_sentence
from .sums import added_up_sentence, not_counted_sentences
from ..revision_marks import said_places
from .plan_places import agreeing_decimals, beside_pace, paced_shares, same_period_places
from ..period_words import period_text

if TYPE_CHECKING:
    from ..report_view import TableView

__all__ = ["VIEW", "figure_decimals", "gap_decimals", "recorded_decimals"]


def _ceiling(a: Assessment, goal: str, lang: str) -> str:
    """A plan's goal, said as a ceiling where lower is better ("at most 4.5% (2025)"), as
    the statement of the target says it (``definition``): wherever the goal is written,
    the status table, show and the reports (issue 17, twenty-first session)."""
    return goal if a.indicator.increase else label("goal_at_most", lang).format(goal=goal)


class PlanView:
    name = "plan"
    one_deadline = True
    gap_per_period = False

    def sentences(self, a: Assessment, lang: str) -> list[str]:
        from ..narrative import not_subtracted

        # Two totals since January not subtracted, said as where no figure is read
        # (narrative.not_subtracted; thirty-sixth session).
        extra = not_subtracted(a, lang) if a.status.value != "not_available" else []
        said = _sentences(a, lang) + rest_of_period_sentence(a, lang)
        return said + added_up_sentence(a, lang) + not_counted_sentences(a, lang) + extra

    def chart(self, a: Assessment, rows: Sequence[Observation], lang: str) -> Chart | None:
        return _chart(a, lang)

    def definition(self, a: Assessment, lang: str) -> str:
        from ..report_view import report_word

        d = a.result
        if not isinstance(d, PlanResult):
            return ""
        # A ceiling where lower is better ("inflation not more than 4.5%"), said as one.
        ceiling = "" if a.indicator.increase else "_at_most"
        return report_word(
            ("def_plan" if d.period.is_year else "def_plan_period") + ceiling,
            lang,
            value=typed_value(d.plan, a.indicator.unit_in(lang), lang),  # as typed: 30.00003
            period=period_text(d.period, lang),
        )

    def goal(self, a: Assessment, lang: str) -> str | None:
        d = a.result
        if not isinstance(d, PlanResult):
            return None
        # At the decimals of the figure beside it (figure_decimals): a plan of 10.001 read
        # "10" beside a figure of 10.0009 that missed it.
        places = _shown_decimals(a, d)
        # A plan where lower is better is a ceiling, met at it or below: "≤ 4.5% (2025)", as
        # a span's ceiling is written "≤ 4.5%, 2021–2025" (twenty-first session).
        ceiling = "" if a.indicator.increase else "≤ "
        plan = value_with_unit(d.plan, a.indicator.unit_in(lang), lang, places)
        return f"{ceiling}{plan} ({period_text(d.period, lang)})"

    def report_rows(self, a: Assessment, rows: Sequence[Observation]) -> list[Observation]:
        """The rows `show` lists too: the plan's year and the one before (the kind's one rule)."""
        from ...kinds import relevant_rows

        return relevant_rows(a.target, rows)

    def periods(self, a: Assessment, lang: str) -> TableView | None:
        return None  # no span of figures to list

    def key_figures(self, a: Assessment, lang: str) -> list[tuple[str, str]] | None:
        from ..report_view import report_word

        d = a.result
        if not isinstance(d, PlanResult):
            return []
        unit = a.indicator.unit_in(lang)
        places = _shown_decimals(a, d)
        plan = value_with_unit(d.plan, unit, lang, places)
        out = [(report_word("plan", lang), _ceiling(a, f"{plan} ({period_text(d.period, lang)})", lang))]
        same: SamePeriod | None = None
        now: float | None = None
        if d.full is not None and a.latest is not None:
            out.append(
                (
                    report_word("result", lang),
                    f"{value_with_unit(a.latest.value, unit, lang, said_places(a.latest, places))} ({period_text(a.latest.period, lang)})",
                )
            )
            if d.full.percent_of_plan is not None:
                out.append(
                    (report_word("percent_of_plan", lang), f"{percent_reached_text(d.full.percent_of_plan, lang)}%")
                )
            if d.full.difference is not None:
                difference = difference_text(d.full.difference, unit, lang, decimals=places)
                out.append((report_word("difference", lang), difference))
            same, now = d.full.same, a.latest.value
        elif d.year_to_date is not None:
            ytd = d.year_to_date
            out.append(
                (
                    report_word("so_far", lang),
                    f"{value_with_unit(ytd.value, unit, lang, places)} ({period_text(ytd.period, lang)})",
                )
            )
            share, time = paced_shares(ytd.percent_of_plan, ytd.share_of_time, lang, a.pace_within)
            if ytd.percent_of_plan is not None:
                out.append((report_word("percent_of_plan", lang), f"{share}%"))
            if ytd.share_of_time is not None:
                out.append((report_word("share_of_time", lang), f"{time}%"))
            if ytd.difference is not None:
                out.append(
                    (report_word("difference", lang), difference_text(ytd.difference, unit, lang, decimals=places))
                )
            same, now = ytd.same, ytd.value
        if same is not None:
            was, moved = same_period_places(a, same, now, places)
            out.append((report_word("same_period_last_year", lang), value_with_unit(same.value, unit, lang, was)))
            if same.by == "percent" and same.change is not None:
                out.append((report_word("change_last_year", lang), signed_percent(same.change / 100, lang)))
            if same.by == "points" and same.change is not None:
                out.append(
                    (report_word("change_last_year", lang), difference_text(same.change, unit, lang, decimals=moved))
                )
        return out

    def show_figures(self, a: Assessment, lang: str) -> list[tuple[str, str]]:
        d = a.result
        if not isinstance(d, PlanResult):
            return []
        unit = a.indicator.unit_in(lang)
        places = _shown_decimals(a, d)
        plan = value_with_unit(d.plan, unit, lang, places)
        rows = [(label("kf_plan", lang), _ceiling(a, f"{plan} ({period_text(d.period, lang)})", lang))]
        if a.latest is not None:
            rows.append(
                (label("kf_result", lang), value_with_unit(a.latest.value, unit, lang, said_places(a.latest, places)))
            )
        if d.full is not None and d.full.percent_of_plan is not None:
            rows.append((label("kf_percent_of_plan", lang), f"{percent_reached_text(d.full.percent_of_plan, lang)}%"))
        elif d.full is not None and d.full.difference is not None:
            rows.append(
                (label("kf_against_plan", lang), difference_text(d.full.difference, unit, lang, decimals=places))
            )
        ytd = d.year_to_date
        if ytd is not None:
            text = value_with_unit(ytd.value, unit, lang, places)
            if ytd.percent_of_plan is not None:
                share = paced_shares(ytd.percent_of_plan, ytd.share_of_time, lang, a.pace_within)[0]
                text += f", {share}% {label('of_plan', lang)}"
            rows.append((period_text(ytd.period, lang), text))
        return rows


VIEW = PlanView()


def _shown_decimals(a: Assessment, d: PlanResult) -> int:
    """``plan_places.agreeing_decimals`` of the figure `show` and the report write beside the plan
    and of its difference: the period's figure, else the one so far (rates and levels)."""
    from ..i18n import typed_places

    def start(value: float) -> int:  # a derived figure's decimals are computed, not typed
        return 2 if a.indicator.formula else typed_places(value)

    # And at least the plan's typed decimals: a plan of -50.005 is not "-50.01" where no
    # difference is written beside it (a flow during the year; issue 17, twentieth session).
    plan = typed_places(d.plan)
    if d.full is not None and a.latest is not None:
        return max(plan, agreeing_decimals(a.latest.value, d.plan, d.full.difference, start(a.latest.value)))
    if d.full is None and d.year_to_date is not None:
        ytd = d.year_to_date
        places = max(plan, agreeing_decimals(ytd.value, d.plan, ytd.difference, start(ytd.value)))
        if ytd.flow and (d.plan < 0 or ytd.percent_of_plan is None) and ytd.share_of_time is not None:
            # Judged on the plan's pace by then: where it differs from it, 3.7499 behind a
            # pace of 3.75 is never "3.75" in any table (session 47).
            places = beside_pace(ytd.value, significant(d.plan * ytd.share_of_time), places)[0]
        return places
    return plan


def figure_decimals(a: Assessment, o: Observation | None) -> int:
    """The decimals a table writes figure ``o`` at: a plan's figure judged against it (the
    period's, else the one so far) at ``_shown_decimals``, so that 9.99999 beside "Not
    achieved" never reads as the plan of 10 (issue 17, eighteenth session); a level
    target's latest figure and an every-period target's figures at the decimals where they
    differ from the milestone or the bound they are judged against (14.999 beside a
    milestone of 15); any other two."""
    from ..i18n import typed_places

    if o is None or o.value != o.value:
        return 2
    rule = _rule_decimals(a, o)
    # At least the decimals it was published with (a derived figure's are computed: not
    # typed), so that one figure reads alike for every target (issue 17, nineteenth session).
    return rule if a.indicator.formula else max(rule, typed_places(o.value))


def recorded_decimals(a: Assessment, o: Observation) -> int:
    """The decimals of figure ``o`` in a table of the figures as recorded (show's, the
    report's): ``figure_decimals``, and at least every decimal it was typed with (-1.2004,
    never "-1.2" beside the sum -0.0004 it makes with 1.2); a derived figure's are computed
    (issue 17, twenty-first session)."""
    from ..i18n import recorded_places

    places = figure_decimals(a, o)
    return places if a.indicator.formula else max(places, recorded_places(o.value))


def _rule_decimals(a: Assessment, o: Observation) -> int:
    from ...kinds.every_period import EveryPeriodResult
    from ..i18n import differing_decimals

    d = a.result
    if isinstance(d, EveryPeriodResult):
        return differing_decimals(o.value, d.bound.value)
    m = a.next_milestone
    # Any milestone judged on this figure: 14.999 is never "15%" (2025's, missed, with 2030's
    # next; nineteenth session); nor a part-year reading 12.3456 its year's 12.35 (s44).
    judged = [x.value for x in a.milestones if x.judged_on is not None and x.judged_on.period == o.period]
    judged += [x.value for x in a.milestones if o is a.provisional and x.by.is_year and x.by.year == o.period.year]
    if m is not None and a.latest is not None and o.period == a.latest.period:
        # And the next milestone, the latest figure is judged against.
        return max(differing_decimals(o.value, v) for v in (m.value, *judged))
    if judged:
        return max(differing_decimals(o.value, v) for v in judged)
    if not isinstance(d, PlanResult):
        return 2
    full = d.full is not None and a.latest is not None and o.period == a.latest.period
    if full or (d.full is None and d.year_to_date is not None and o.period == d.year_to_date.period):
        return _shown_decimals(a, d)
    return 2


def gap_decimals(a: Assessment, m: MilestoneResult | None = None) -> int:
    """The decimals of a target's gap (or of milestone ``m``'s) in the status table,
    ``show`` and the report: a plan's are those of the difference written beside it
    (``_shown_decimals``); any other target's those of the figure it is measured from, as
    the tables write it (``figure_decimals``), so that 30 - 14.999 reads "15.001", not
    "15", which is 30 less a figure not shown (issue 17, nineteenth session). A milestone's
    gap is measured from the figure it was judged on, else from the latest."""
    from ...kinds.average import AverageResult

    if isinstance(a.result, PlanResult):
        places = _shown_decimals(a, a.result)
        # And at least the decimals the figure it is measured from is written with: 15 less
        # a year so far of -0.0004 is 15.0004, never "15" (issue 17, twenty-first session).
        d = a.result
        value = a.latest.value if d.full is not None and a.latest is not None else None
        if value is None and d.year_to_date is not None:
            value = d.year_to_date.value
        places = max(places, _written_places(value, places))
    elif m is None and isinstance(a.result, AverageResult) and a.result.average is not None:
        # The gap of an average is the bound less a computed figure (twelve significant
        # digits): at the decimals the average is written (views.average), so 10 - 9.996667
        # is "0.003", as 10 - "9.997" reads, never "0.00333333333" (issue 17, twentieth
        # session); i18n.number never writes one that is not 0 as 0.
        from ..i18n import differing_decimals

        return differing_decimals(a.result.bound.value, a.result.average)
    else:
        from ..i18n import typed_places

        figure = m.judged_on if m is not None and m.judged_on is not None else a.latest
        # And at least those of the goal as typed: 15.299 - 11.3 is 3.999, not "4" (issue
        # 17, twentieth session).
        goal = m or a.next_milestone or getattr(a.result, "bound", None)
        places = max(figure_decimals(a, figure), typed_places(goal.value) if goal is not None else 2)
    return _tiny_gap_decimals(m.gap if m is not None else a.gap, places)


def _written_places(value: float | None, places: int) -> int:
    """The decimals ``value`` is written with at ``places`` (i18n.number: -0.0004 keeps its
    four, never 0)."""
    text = number(value, "en", places)
    return places if "e" in text else len(text.partition(".")[2])


def _tiny_gap_decimals(gap: float | None, places: int) -> int:
    """``places``, or for a gap those would write as 0 its own decimals: the gap is worked
    on the figures as typed, in decimal (methodology.md, "Gap"), so they are at most its
    figures' and it is written exactly: 0.0002 - 0.0000001 is "0.0001999", where the
    small-number rule's two significant digits wrote "0.0002", the milestone itself (issue
    17, twentieth session). Past twelve decimals the small-number rule stays."""
    if gap is None or not math.isfinite(gap) or gap == 0 or round(abs(gap), places) != 0:
        return places
    from decimal import Decimal

    exponent = Decimal(repr(abs(gap))).normalize().as_tuple().exponent
    own = -exponent if isinstance(exponent, int) else places
    return own if places < own <= 12 else places


def _sentences(a: Assessment, lang: str) -> list[str]:
    d = a.result
    if not isinstance(d, PlanResult):
        return [narrative_sentence("no_figure_yet", lang)]
    unit = a.indicator.unit_in(lang)
    now = a.latest.value if a.latest is not None else None
    if d.full is not None and d.full.percent_of_plan is None:
        # A growth rate: met or missed by percentage points. English gives the signed
        # difference (pp); Vietnamese says above or below the plan, and by how much (by).
        diff = d.full.difference
        side = "above" if diff is not None and diff > 0 else "below" if diff is not None and diff < 0 else "equal"
        places = _shown_decimals(a, d)
        out = [
            narrative_sentence(
                "plan_rate_" + side,
                lang,
                period=period_text(d.period, lang),
                got=figure_of(a, now, lang, said_places(a.latest, places)),
                plan=figure_of(a, d.plan, lang, places),
                pp=difference_in_unit(diff, unit, lang, places),
                # A sentence: the points said in full (difference_in_unit), unsigned after "above"/"below".
                by=difference_in_unit(abs(diff) if diff is not None else None, unit, lang, places).removeprefix("+"),
            )
        ]
        return out + against_last_year(a, d.full.same, now, d.period, lang, places)
    if d.full is not None:
        # Vietnamese says a result above plan "reached" X % of it, one below plan "equals" X %.
        key = "plan_percent_met" if a.status.value == "target_achieved" else "plan_percent"
        # The figure and the plan at the decimals the key figures write them (30 against a
        # plan of 30.00003 is not "of the plan (30)"; issue 17, twentieth session).
        places = _shown_decimals(a, d)
        out = [
            narrative_sentence(
                key,
                lang,
                period=period_text(d.period, lang),
                got=figure_of(a, now, lang, said_places(a.latest, places)),
                pct=percent_reached_text(d.full.percent_of_plan, lang),
                plan=figure_of(a, d.plan, lang, places),
            )
        ]
        return out + against_last_year(a, d.full.same, now, d.period, lang, places)
    ytd = d.year_to_date
    over = (
        [render(msg("narrative_awaiting_plan", period=period_text(d.period, lang)), lang)] if a.awaiting_figures else []
    )
    if ytd is None:
        return over + [narrative_sentence("no_figure_yet", lang)]
    if ytd.flow and (d.plan < 0 or ytd.percent_of_plan is None):
        # A plan below zero, or a balance's: no per cent of it (it reads backwards, or a
        # surplus may turn into a deficit), the plan's pace instead.
        share = ytd.share_of_time or 0.0
        # The pace in decimal (-0.7 x 9 / 12 is -0.525, the floats' -0.52499...), both
        # written where they differ (3.7499 is behind 3.75; session 47).
        pace = significant(d.plan * share)
        places, pace_places = beside_pace(ytd.value, pace, _shown_decimals(a, d))
        out = [
            narrative_sentence(
                "ytd_below_zero" if d.period.is_year else "ytd_below_zero_period",
                lang,
                plan_period=period_text(d.period, lang),
                period=period_text(ytd.period, lang),
                value=figure_of(a, ytd.value, lang, places),
                time=number(hundredfold(share), lang, 1),
                plan=figure_of(a, d.plan, lang, typed_places(d.plan)),
                to_date=figure_of(a, pace, lang, pace_places),
            )
        ]
    elif ytd.flow:
        out = [
            narrative_sentence(
                "ytd_percent" if d.period.is_year else "ytd_percent_period",
                lang,
                plan_period=period_text(d.period, lang),
                period=period_text(ytd.period, lang),
                value=figure_of(a, ytd.value, lang, _shown_decimals(a, d)),
                share=paced_shares(ytd.percent_of_plan, ytd.share_of_time, lang, a.pace_within)[0],
                time=paced_shares(ytd.percent_of_plan, ytd.share_of_time, lang, a.pace_within)[1],
            )
        ]
    else:
        places = _shown_decimals(a, d)
        out = [
            narrative_sentence(
                "ytd_plain",
                lang,
                period=period_text(ytd.period, lang),
                value=figure_of(a, ytd.value, lang, places),
                plan=figure_of(a, d.plan, lang, places),
                diff=difference_in_unit(ytd.difference, unit, lang, places),
            )
        ]
    return over + out + against_last_year(a, ytd.same, ytd.value, ytd.period, lang, _shown_decimals(a, d))


def _chart(a: Assessment, lang: str) -> Chart | None:
    import pygal  # type: ignore[import-untyped]  # pygal ships no type information

    d = a.result
    if not isinstance(d, PlanResult):
        return None  # no figures of the kind (an assessment that overflowed)
    bars: list[tuple[str, float, str]] = [
        (chart_word("plan", lang, period=period_text(d.period, lang)), d.plan, COLOURS["bound"])
    ]
    if a.latest is not None and d.full is not None:
        bars.append((chart_word("result", lang, period=period_text(d.period, lang)), a.latest.value, COLOURS["actual"]))
    elif d.year_to_date is not None:
        ytd = d.year_to_date
        if ytd.same is not None:
            last = ytd.period.same_span_previous_year()
            bars.append(
                (chart_word("last_year", lang, period=period_text(last, lang)), ytd.same.value, COLOURS["projection"])
            )
        bars.append((chart_word("ytd", lang, period=period_text(ytd.period, lang)), ytd.value, COLOURS["actual"]))
    if len(bars) < 2:
        return None
    style = plot_style([COLOURS["actual"]])
    style.value_colors = ("white",)
    chart = pygal.HorizontalBar(
        style=style,
        show_legend=False,
        **plot_config(
            lang,
            height=60 + 44 * len(bars),
            legend_at_bottom=False,
            include_x_axis=True,
            show_x_guides=True,
            show_y_guides=False,
            print_values=True,
            print_values_position="center",
            # Given to the chart's configuration, where finished_chart reads the bars for
            # the text alternative: set on the chart afterwards, they were drawn but the
            # alternative never named them (docs/decisions.md, "Periods in words").
            x_labels=[label for label, _, _ in bars],
            **bar_scale([label for label, _, _ in bars], [value for _, value, _ in bars], lang),
        ),
    )
    # Each bar labelled at the decimals the key figures write the figure and the plan (30
    # against 30.00003 was labelled "30" twice; issue 17, twentieth session).
    places = _shown_decimals(a, d)

    def shown(value: float) -> str:
        return number(value, lang, places)

    chart.add("", [{"value": value, "color": colour, "formatter": shown} for _, value, colour in bars])
    return finished_chart(chart, a.target.id, len(bars) - 1, unit=a.indicator.unit_in(lang))
