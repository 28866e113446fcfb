"""The report's chart of a broken-down target's units, best on top, each bar labelled with
its rank, its unit, its latest figure and its status (moved out of report_breakdowns,
forty-fourth session)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

from ..method.assessment import shown_figure
from ..plan.units import Dimension, unit_key
from .charts import Chart, too_large_to_draw
from .i18n import number, status_label
from .report_breakdowns import chart_id, unit_name
from .report_groups import STATUS_COLOURS
from .report_view import report_word

if TYPE_CHECKING:
    from ..method.assessment import Assessment
    from ..method.ranking import Ranked

__all__ = ["units_chart"]


def _latest(a: Assessment, lang: str, short: bool = False) -> str:
    """The unit's latest figure, or during a plan's year its year-to-date reading, marked
    provisional as the summary marks it: what the unit is ranked on (issue 17)."""
    from .report_view import _latest_text

    return _latest_text(a, lang, short)


def units_chart(
    a: Assessment,
    ranked: Sequence[Ranked],
    dimensions: Mapping[str, Dimension],
    lang: str,
    revised: Mapping[str, Mapping[str, float | None]] | None = None,
) -> Chart | None:
    """The units ranked, best on top: a horizontal bar of each unit's latest figure,
    coloured by its status, one legend entry per status shown (the groups chart's colours).
    The latest figure, not the score: a reader of a provincial review reads "Ha Long 13%"
    at once, where a score from -5 to 5 needs the methodology (docs/decisions.md).
    None when no unit has a figure, or a figure is too large to draw. ``revised``: by unit's
    series, what each figure replaced, so that a label writes a figure that revised one where
    the two differ (revision_marks.quoting), as the table beside it does."""
    import pygal  # type: ignore[import-untyped]  # pygal ships no type information

    from ..method.groups import STATUSES
    from .charts import finished_chart
    from .chart_pygal import bar_scale, plot_config, plot_style

    drawn = [r for r in ranked if _figure(r) is not None]
    latest = [o for r in drawn if (o := shown_figure(r.unit.assessment)) is not None]
    if not drawn or too_large_to_draw(latest):
        return None
    # pygal draws the first label at the bottom: reversed, the best unit is on top, as in
    # the table beside the chart.
    drawn.reverse()
    shown = [s for s in STATUSES if any(r.unit.assessment.status is s for r in drawn)]
    extra: dict[str, int] = {"margin_bottom": 12 + 20} if len(shown) % 2 else {}
    # Each unit's label carries its rank and figure: the reader needs no tooltip (the
    # report has none) and no scale to read a bar. Stacked bars with one status per unit
    # give each status its colour and its legend entry without thinning the bars.
    labels = [
        _bar_label(r, dimensions, lang, (revised or {}).get(unit_key(a.indicator.id, r.unit.dims))) for r in drawn
    ]
    extra.update(bar_scale(labels, [v for r in drawn if (v := _figure(r)) is not None], lang))
    chart = pygal.HorizontalStackedBar(
        style=plot_style([STATUS_COLOURS[s.value] for s in shown]),
        x_labels=labels,
        **plot_config(
            lang, height=140 + 34 * len(drawn), show_y_guides=False, show_x_guides=True, include_x_axis=True, **extra
        ),
    )
    # The axis in plain numbers: each bar's label already says the figure with its unit,
    # and "2,000 billion VND" at every step ran the axis's labels into each other.
    chart.value_formatter = lambda v: number(v, lang)
    for s in shown:
        chart.add(status_label(s.value, lang), [_figure(r) if r.unit.assessment.status is s else None for r in drawn])
    try:
        note = (report_word("bd_chart_note", lang),)
        return finished_chart(
            chart, chart_id(a.target.id), len(drawn), note, outlined=True, unit=a.indicator.unit_in(lang)
        )
    except (OverflowError, ZeroDivisionError):
        return None  # an axis past the largest float: no chart rather than a crash


def _figure(r: Ranked) -> float | None:
    shown = shown_figure(r.unit.assessment)  # as _latest says it
    return None if shown is None else shown.value


def _bar_label(
    r: Ranked, dimensions: Mapping[str, Dimension], lang: str, revised: Mapping[str, float | None] | None
) -> str:
    """ "1. Ha Long: 13% (2023) · Target achieved": the rank, the unit, its latest figure
    and its status in words, since the bar's colour alone is lost to a colour-blind
    reader and on a black-and-white page (issue 17)."""
    name = unit_name(r.unit.dims, dimensions, lang, dated=False)
    from .chart_pygal import bar_name
    from .revision_marks import quoting

    with quoting(revised):
        latest = _latest(r.unit.assessment, lang, short=True)

    head, tail = (
        f"{r.rank}. ",
        # A chart's label: the period's short form ("6T/2026"), the name keeping its room.
        f": {latest} · {status_label(r.unit.assessment.status.value, lang)}",
    )
    return head + bar_name(name, len(head) + len(tail)) + tail
