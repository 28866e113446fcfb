"""Charts for the report: one SVG per target, drawn with pygal.

pygal writes SVG from pure Python (no C library, no browser, no font files), and the SVG
can go inline in the HTML report or beside the Markdown report as a file. Its tooltip
script is switched off (``js=[]``) and its comments are removed, so a chart references
nothing outside itself and the same data always gives the same bytes.

Where a value sits on the time axis: at the end of its period (``Period.end``), so the
year 2023 is at 2023.0 and the first half of 2023 at 2022.5 (docs/methodology.md).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from ..method.assessment import Assessment
from ..plan.model import Bound
from .chart_legend import hollow_marker
from ..catalog import msg, render
from .i18n import number
from .period_words import period_text
from ..plan.model import Observation
from .chart_pygal import _own_ids, _static, plot_config, plot_style, point_text

__all__ = ["Chart", "alt_text", "chart_alt", "chart_for", "provisional_readings", "COLOURS"]


# One meaning, one colour, in every chart of the report.
COLOURS = {
    "actual": "#1f4e79",  # dark blue: what was published
    "path": "#c55a11",  # orange: the trajectory from the baseline to a milestone
    "path2": "#8c564b",  # brown: the trajectory to a second (later) milestone
    "milestone": "#c00000",  # red: the milestones themselves
    "projection": "#6f6f6f",  # grey: where the achieved pace leads
    "bound": "#c00000",  # red: a threshold or plan figure
    "average": "#2e7d32",  # green: an achieved average or an even pace
    "fail": "#c00000",
}


def chart_word(key: str, lang: str, **values: Any) -> str:
    """A legend or note of a chart, from the catalog (``chart_<key>``)."""
    return render(msg("chart_" + key, **values), lang)


@dataclass(frozen=True, slots=True)
class Chart:
    """A drawn chart: the SVG document, and what a reader needs to read it."""

    target_id: str
    svg: str  # a standalone SVG document, for a file
    points: int  # how many data values are drawn (a chart with none is not made)
    notes: tuple[str, ...] = ()  # sentences printed under the chart
    series: tuple[str, ...] = ()  # the legend: what is drawn (a line, the milestones...)
    bars: tuple[str, ...] = ()  # a bar chart's labels, in reading order (top or left first)
    unit: str = ""  # what the value axis counts in ("million USD"), its title

    def inline(self, alt: str = "") -> str:
        """The SVG for embedding in HTML (``labelled`` by ``alt`` when given): the
        namespace declarations are implied there."""
        return re.sub(r'\s+xmlns(?::\w+)?="[^"]*"', "", self.labelled(alt) if alt else self.svg)

    def labelled(self, alt: str) -> str:
        """The SVG named by ``alt`` (``chart_alt``): one image to a screen reader rather
        than a stream of axis labels and tooltips. ``role="img"`` and ``aria-label`` for a
        browser, and the same text as the SVG's <title>, which an SVG file opened on its
        own is named by and WeasyPrint makes the alt text of the tagged PDF's figure."""
        from markupsafe import escape

        svg = self.svg.replace("<svg ", f'<svg role="img" aria-label="{escape(alt)}" ', 1)
        opened = svg.index(">", svg.index("<svg ")) + 1
        return f"{svg[:opened]}<title>{escape(alt)}</title>{svg[opened:]}"


def chart_alt(title: str, chart: Chart, lang: str) -> str:
    """The chart's text alternative (WCAG 1.1.1), the same in every format: what it is of,
    what it draws (its legend, or its bars in order) and where its figures are. The HTML
    gives it to the inline SVG, Word to the picture's alt text, Markdown to the image."""
    return alt_text(title, chart.series, chart.bars, lang, unit=chart.unit)


def object_name(title: str) -> str:
    """A chart's name in a report's list of objects (Excel's and Word's selection pane, a
    screen reader's list): its title, cut at 255 characters; its alt text says the rest."""
    return title[:255]


def alt_text(
    title: str, series: Sequence[str], bars: Sequence[str], lang: str, where: str = "data", unit: str = ""
) -> str:
    """``chart_alt``'s sentences from the parts of any chart (Excel's native ones too);
    ``where`` says where its figures are: "data" in the report's tables, "cells" in the
    workbook's."""
    # The sentence's own stop ends it: a target named as a sentence ("... a year.") was
    # read "a year.. It shows".
    parts = [chart_word("alt", lang, title=title.rstrip().removesuffix("."))]
    drawn = [s for s in series if s]
    if drawn:
        parts.append(chart_word("alt_series", lang, series="; ".join(drawn)))
    if bars:
        parts.append(chart_word("alt_bars", lang, bars="; ".join(bars)))
    if unit:
        parts.append(chart_word("alt_unit", lang, unit=unit))
    parts.append(chart_word("alt_" + where, lang))
    # A name's override shown by its code, in every format's text alternative.
    from .document_text import for_a_document

    return for_a_document(" ".join(parts))


def provisional_readings(
    rows: Sequence[Observation], first_year: int | None = None, last_year: int | None = None
) -> list[Observation]:
    """Part-year readings of years that have no full-year figure in force."""
    full = {o.period.year for o in rows if o.period.is_year}
    return [
        o
        for o in rows
        if not o.period.is_year
        and o.period.year not in full
        and (first_year is None or o.period.year >= first_year)
        and (last_year is None or o.period.year <= last_year)
    ]


# Beyond this magnitude the axis pygal computes (and the SVG's coordinates) overflow; a
# figure of 1e300 is a slip to fix, not a shape to see (docs/decisions.md, issue 12).
DRAWABLE = 1e100


def too_large_to_draw(rows: Sequence[Observation]) -> bool:
    """Whether a figure among ``rows`` is too large for a chart (``DRAWABLE``)."""
    return any(abs(o.value) > DRAWABLE for o in rows)


def chart_for(a: Assessment, rows: Sequence[Observation], lang: str) -> Chart | None:
    """The chart that fits the target's kind, or None when there is nothing to draw (or
    a figure is too large to draw: ``too_large_to_draw``)."""
    if too_large_to_draw(rows):
        return None
    try:
        return _chart_for(a, rows, lang)
    except (OverflowError, ZeroDivisionError):
        return None  # an axis or a path past the largest float: no chart rather than a crash


def _chart_for(a: Assessment, rows: Sequence[Observation], lang: str) -> Chart | None:
    from .views import view_of

    return view_of(a).chart(a, rows, lang)


# --- pygal plumbing ------------------------------------------------------------------


# The outline of a bar in a status colour: the report's ink, 15.9:1 on the white plot, so
# that a light bar (the yellow of moderate progress is 1.9:1) stands out as WCAG 1.4.11
# asks of a graphic, and on a black-and-white page (issue 17).
OUTLINE = "#1a1a1a"


def finished_chart(
    chart: Any,
    target_id: str,
    points: int,
    notes: Sequence[str] = (),
    outlined: bool = False,
    unit: str = "",
    hollow: Mapping[int, str] | None = None,
    lines: Mapping[int, tuple[str, Mapping[str, Any]]] | None = None,
) -> Chart:
    # A fixed id instead of pygal's random one: two runs on the same data give the same
    # file, and the chart's scoped CSS cannot collide with another chart's in one page.
    chart.uuid = target_id
    if outlined:
        # Scoped to this chart and more specific than pygal's own colour rules.
        rule = f"#chart-{target_id} .rect.reactive {{ stroke: {OUTLINE}; stroke-width: 1; }}"
        chart.config.css = [*chart.config.css, "inline:" + rule]
    horizontal = getattr(chart, "horizontal", False)
    if unit:
        # The value axis's title says what its figures count in: "3.130" and "1.200" under
        # the caption "... 1.2 billion USD" read as billions (issue 17, twenty-second session).
        # A bar chart's value axis runs under its bars, a line chart's up its left side.
        setattr(chart.config, "x_title" if horizontal else "y_title", unit)
        if horizontal:
            # pygal sets the legend a spacing lower than the room it keeps for the title:
            # without this, the legend's last line was cut by the picture's edge. The
            # picture keeps its height (the pages' layout with it); the bars give the room.
            config = chart.config
            config.margin_bottom = (config.margin if config.margin_bottom is None else config.margin_bottom) + 12
    from .chart_legend import hollow_legend, line_legend

    if hollow:
        chart.add_xml_filter(lambda root: hollow_legend(root, hollow))
    if lines:
        chart.add_xml_filter(lambda root: line_legend(root, lines))
    chart.add_xml_filter(_static)
    chart.add_xml_filter(_own_ids)
    from .document_text import for_a_document

    fit = None
    if not horizontal and chart.config.legend_at_bottom and chart.config.legend_at_bottom_columns == 2:
        from .chart_legend import LegendFit

        fit = LegendFit(chart.config.width, chart.config.margin)
        chart.add_xml_filter(fit)
    rendered = chart.render(is_unicode=True)
    if fit is not None and fit.overflows:
        # An entry too long for its column (a path to 123,456,789,012,345.67 VND): the
        # legend in one column, each entry on a line of its own; the plot gives the room.
        chart.config.legend_at_bottom_columns = 1
        chart.config.margin_bottom = None  # room for an odd last row: no such row now
        rendered = chart.render(is_unicode=True)
    # A name or unit holding an override is drawn with its code, as the report shows it.
    svg = for_a_document(rendered, markup=True)
    series = tuple(for_a_document(str(options.get("title") or "")) for _, options in chart.raw_series)
    labels = [for_a_document(str(x)) for x in (chart.config.x_labels or []) if isinstance(x, str)]
    # pygal draws a horizontal chart's first label at the bottom: read from the top.
    bars = tuple(reversed(labels) if horizontal else labels)
    return Chart(target_id, svg, points, tuple(notes), series, bars, unit)


def _x_labels(first: float, last: float) -> list[int]:
    years = list(range(int(first), int(last + 0.999) + 1))
    step = 1 if len(years) <= 12 else 2 if len(years) <= 24 else 5
    return years[::step] if years else years


class Plot:
    """Collects XY series with their colours, so the style lists them in the same order."""

    def __init__(self) -> None:
        self.series: list[tuple[str, list[Any], dict[str, Any], str]] = []
        self.hollow: dict[int, str] = {}  # the series drawn as rings: their legend's too
        # The series drawn as lines: their colour and dashes, which their legend draws too.
        self.lines: dict[int, tuple[str, Mapping[str, Any]]] = {}

    def add(self, title: str, values: list[Any], colour: str, hollow: bool = False, **options: Any) -> None:
        if values:
            if hollow:
                self.hollow[len(self.series)] = colour
            if options.get("stroke", True) and "stroke_style" in options:
                self.lines[len(self.series)] = (colour, options["stroke_style"])
            self.series.append((title, values, options, colour))

    @property
    def points(self) -> int:
        return sum(len(v) for _, v, _, _ in self.series)

    def _coordinates(self, axis: int) -> list[float]:
        return [(v["value"] if isinstance(v, dict) else v)[axis] for _, values, _, _ in self.series for v in values]

    def xs(self) -> list[float]:
        return self._coordinates(0)

    def ys(self) -> list[float]:
        return self._coordinates(1)

    def render(
        self,
        target_id: str,
        lang: str,
        notes: Sequence[str] = (),
        data_points: int | None = None,
        unit: str = "",
        **extra: Any,
    ) -> Chart | None:
        import pygal  # type: ignore[import-untyped]  # pygal ships no type information

        if not self.series:
            return None
        xs, ys = self.xs(), self.ys()
        lo, hi = min(ys), max(ys)
        # Figures equal to 12 digits (17 and 17.000000000000004) draw as a flat line: a
        # scale 4e-15 wide sent pygal's search for round ticks into an endless loop.
        if hi - lo <= 1e-12 * max(abs(lo), abs(hi)):
            lo = hi
        pad = (hi - lo) * 0.08 or abs(hi) * 0.1 or 1.0
        bottom = 0.0 if lo >= 0 and lo - pad < 0 else lo - pad
        # The axis's labels at the decimals of a twentieth of the scale, at least two: a scale
        # 0.01 wide (an average of 9.997 against 10) wrote its ticks, a thousandth apart,
        # "9.99" five times and "10" six (issue 17, twentieth session).
        span = hi + pad - bottom
        if span > 0 and math.isfinite(span):
            places = max(2, min(12, math.ceil(-math.log10(span / 20))))
            extra.setdefault("value_formatter", lambda v: number(v, lang, places))
        # A point's value, "2025: 2.125": its year as the axis writes it, its figure as the
        # tables do (chart_pygal.point_text), never at the axis's decimals ("2025: 2.13").
        extra.setdefault("formatter", lambda v: f"{_year_text(v[0], lang)}: {point_text(v[1], lang)}")
        columns = 2
        if len(self.series) % columns:
            # pygal sizes a bottom legend for len // columns rows; make room for the last one.
            extra.setdefault("margin_bottom", 12 + 20)
        chart = pygal.XY(
            style=plot_style([c for *_, c in self.series]),
            x_labels=_x_labels(min(xs), max(xs)),
            x_value_formatter=lambda x: _year_text(x, lang),
            range=(bottom, hi + pad),
            xrange=(min(xs) - 0.3, max(xs) + 0.3),
            **plot_config(lang, **extra),
        )
        for title, values, options, _ in self.series:
            chart.add(title, values, **options)
        points = data_points if data_points is not None else self.points
        return finished_chart(chart, target_id, points, notes, unit=unit, hollow=self.hollow, lines=self.lines)


def _year_text(x: float, lang: str) -> str:
    """A position on the year axis (2023.25: the end of 2024-Q1, as a year Y ends at Y):
    never grouped in thousands like a figure (2,023.25), with the language's decimal mark
    (2023,25 in Vietnamese)."""
    if abs(x - round(x)) < 1e-9:
        return str(int(round(x)))
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "vi" else text


SOLID = {"width": 2.5}
DASHED = {"width": 2, "dasharray": "7,5"}
DOTTED = {"width": 2, "dasharray": "2,4", "linecap": "round"}
# A second milestone's path: dash and dot, told from the first's dashes in grey, where its
# brown and the first's orange print the same (issue 17, twenty-third session).
DASH_DOT = {"width": 2, "dasharray": "9,3,2,3"}


# --- level ----------------------------------------------------------------------------


def value_label(value: float, unit: str, lang: str) -> str:
    """A goal typed in targets.yaml (a milestone, a bound) at its typed decimals."""
    from ..output.i18n import typed_value

    return typed_value(value, unit, lang)


# --- every period, average ------------------------------------------------------------


def bound_sign(bound: Bound) -> tuple[str, float]:
    return ("≥" if bound.at_least else "≤"), bound.value


def add_provisional(plot: "Plot", provisional: Sequence[Observation], lang: str) -> None:
    """Sub-annual readings as hollow markers, apart from the full-year line."""
    plot.add(
        chart_word("provisional", lang),
        [
            {
                "value": (o.period.end, o.value),
                "style": hollow_marker(COLOURS["actual"]),
                "label": period_text(o.period, lang),
            }
            for o in provisional
        ],
        COLOURS["actual"],
        hollow=True,
        stroke=False,
        dots_size=5,
    )


# --- cumulative, plan -----------------------------------------------------------------
