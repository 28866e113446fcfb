"""Charts for the report: one SVG per target, drawn with pygal.

pygal writes SVG from pure Python (no C library, no browser, no font files), and the SVG
can go inline in the HTML report or beside the Markdown report as a file. Its tooltip
script is switched off (``js=[]``) and its comments are removed, so a chart references
nothing outside itself and the same data always gives the same bytes.

Where a value sits on the time axis: at the end of its period (``Period.end``), so the
year 2023 is at 2023.0 and the first half of 2023 at 2022.5 (docs/methodology.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from ..kinds.average import AverageResult
from ..kinds.cumulative import CumulativeResult
from ..kinds.every_period import EveryPeriodResult
from ..kinds.plan import PlanResult
from ..method.assessment import Assessment
from ..plan.model import Bound
from ..catalog import msg, render
from .i18n import number
from ..plan.model import Observation

__all__ = ["Chart", "chart_for", "provisional_readings", "COLOURS"]

FONT = '"DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, sans-serif'

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


def _w(key: str, lang: str, **values: Any) -> str:
    """A legend or note of a chart, from the catalog (``chart_<key>``)."""
    return render(msg("chart_" + key, **values), lang)


@dataclass(frozen=True, slots=True)
class Chart:
    """A drawn chart: the SVG document, and what a reader needs to read it."""

    target_id: str
    svg: str  # a standalone SVG document, for a file
    points: int  # how many data values are drawn (a chart with none is not made)
    notes: tuple[str, ...] = ()  # sentences printed under the chart

    def inline(self) -> str:
        """The SVG for embedding in HTML: the namespace declarations are implied there."""
        return re.sub(r'\s+xmlns(?::\w+)?="[^"]*"', "", self.svg)


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
    kind = a.target.kind
    if kind == "level":
        return _level(a, rows, lang)
    if kind == "every_period":
        return _every_period(a, rows, lang)
    if kind == "average":
        return _average(a, rows, lang)
    if kind == "cumulative":
        return _cumulative(a, lang)
    if kind == "plan":
        return _plan(a, lang)
    return None


# --- pygal plumbing ------------------------------------------------------------------


def _style(colours: Sequence[str]) -> Any:
    from pygal.style import Style

    return Style(
        background="white",
        plot_background="white",
        foreground="#333333",
        foreground_strong="#111111",
        foreground_subtle="#dddddd",
        font_family=FONT,
        label_font_size=12,
        major_label_font_size=12,
        legend_font_size=12,
        value_font_size=12,
        tooltip_font_size=12,
        title_font_size=14,
        opacity="1",
        opacity_hover="1",
        stroke_opacity="1",
        stroke_opacity_hover="1",
        stroke_width="2",
        stroke_width_hover="2",
        guide_stroke_color="#cccccc",
        major_guide_stroke_color="#cccccc",
        transition="0ms",
        colors=tuple(colours),
    )


def _config(lang: str, **extra: Any) -> dict[str, Any]:
    config: dict[str, Any] = dict(
        width=760,
        height=340,
        js=[],  # pygal's tooltip script would be fetched from the web: never
        disable_xml_declaration=True,
        legend_at_bottom=True,
        legend_at_bottom_columns=2,
        truncate_legend=-1,
        truncate_label=-1,
        show_x_guides=False,
        show_y_guides=True,
        dots_size=4,
        margin=12,
        spacing=12,
        value_formatter=lambda v: number(v, lang),
        print_values=False,
        include_x_axis=False,
    )
    config.update(extra)
    return config


def _static(root: Any) -> Any:
    """Drop what pygal adds for its interactive mode: the script holding its configuration
    (the tooltips need a script from the web, which we never load) and its comments."""
    for parent in list(root.iter()):
        for child in list(parent):
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag.rsplit("}", 1)[-1] == "script" or not tag:
                parent.remove(child)
    return root


def _finish(chart: Any, target_id: str, points: int, notes: Sequence[str] = ()) -> Chart:
    # A fixed id instead of pygal's random one: two runs on the same data give the same
    # file, and the chart's scoped CSS cannot collide with another chart's in one page.
    chart.uuid = target_id
    chart.add_xml_filter(_static)
    svg = chart.render(is_unicode=True)
    return Chart(target_id, svg, points, tuple(notes))


def _x_labels(first: float, last: float) -> list[int]:
    years = list(range(int(first), int(last + 0.999) + 1))
    step = 1 if len(years) <= 12 else 2 if len(years) <= 24 else 5
    return years[::step] if years else years


def _hollow(colour: str) -> str:
    return f"fill: white; stroke: {colour}; stroke-width: 2"


class _Plot:
    """Collects XY series with their colours, so the style lists them in the same order."""

    def __init__(self) -> None:
        self.series: list[tuple[str, list[Any], dict[str, Any], str]] = []

    def add(self, title: str, values: list[Any], colour: str, **options: Any) -> None:
        if values:
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
        self, target_id: str, lang: str, notes: Sequence[str] = (), data_points: int | None = None, **extra: Any
    ) -> Chart | None:
        import pygal

        if not self.series:
            return None
        xs, ys = self.xs(), self.ys()
        lo, hi = min(ys), max(ys)
        pad = (hi - lo) * 0.08 or abs(hi) * 0.1 or 1.0
        bottom = 0.0 if lo >= 0 and lo - pad < 0 else lo - pad
        columns = 2
        if len(self.series) % columns:
            # pygal sizes a bottom legend for len // columns rows; make room for the last one.
            extra.setdefault("margin_bottom", 12 + 20)
        chart = pygal.XY(
            style=_style([c for *_, c in self.series]),
            x_labels=_x_labels(min(xs), max(xs)),
            x_value_formatter=lambda x: _year_text(x, lang),
            range=(bottom, hi + pad),
            xrange=(min(xs) - 0.3, max(xs) + 0.3),
            **_config(lang, **extra),
        )
        for title, values, options, _ in self.series:
            chart.add(title, values, **options)
        return _finish(chart, target_id, data_points if data_points is not None else self.points, notes)


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


# --- level ----------------------------------------------------------------------------


def _level(a: Assessment, rows: Sequence[Observation], lang: str) -> Chart | None:
    annual = [o for o in rows if o.period.is_year]
    base = a.baseline
    first = base.period.year - 5 if base is not None else None
    last_ms = max((m.by.year for m in a.milestones), default=None)
    plot = _Plot()
    shown = [o for o in annual if first is None or o.period.year >= first]
    plot.add(_w("actual", lang), [(o.period.end, o.value) for o in shown], COLOURS["actual"], stroke_style=SOLID)
    provisional = provisional_readings(rows, first)
    plot.add(
        _w("provisional", lang),
        [
            {"value": (o.period.end, o.value), "style": _hollow(COLOURS["actual"]), "label": str(o.period)}
            for o in provisional
        ],
        COLOURS["actual"],
        stroke=False,
        dots_size=5,
    )
    data_points = plot.points
    unit = a.indicator.unit_in(lang)
    if base is not None and base.value is not None:
        for i, m in enumerate(a.milestones):
            if m.required_rate is None:
                continue
            years = range(base.period.year, m.by.year + 1)
            path = [(float(y), base.value * (1 + m.required_rate) ** (y - base.period.year)) for y in years]
            plot.add(
                _w("path", lang, value=_value(m.value, unit, lang), by=m.by),
                path,
                COLOURS["path" if i % 2 == 0 else "path2"],
                stroke_style=DASHED,
                show_dots=False,
            )
    plot.add(
        _w("milestones", lang),
        [{"value": (m.by.end, m.value), "label": str(m.by)} for m in a.milestones],
        COLOURS["milestone"],
        stroke=False,
        dots_size=6,
    )
    if a.latest is not None and a.achieved_rate is not None and last_ms is not None:
        start = a.latest.period.year
        ends = [m.by.year for m in a.milestones if not m.due]
        if ends:
            projection = [
                (float(y), a.latest.value * (1 + a.achieved_rate) ** (y - start)) for y in range(start, max(ends) + 1)
            ]
            plot.add(_w("projection", lang), projection, COLOURS["projection"], stroke_style=DOTTED, show_dots=False)
    notes = [_w("note_hollow", lang)] if provisional else []
    if data_points == 0:
        return None
    return plot.render(a.target.id, lang, notes, data_points=data_points)


def _value(value: float, unit: str, lang: str) -> str:
    from ..output.i18n import value_with_unit

    return value_with_unit(value, unit, lang)


# --- every period, average ------------------------------------------------------------


def _bound(bound: Bound) -> tuple[str, float]:
    return ("≥" if bound.at_least else "≤"), bound.value


def _every_period(a: Assessment, rows: Sequence[Observation], lang: str) -> Chart | None:
    d = a.result
    if not isinstance(d, EveryPeriodResult):
        return None  # no figures of the kind (an assessment that overflowed)
    sign, bound = _bound(d.bound)
    unit = a.indicator.unit_in(lang)
    plot = _Plot()
    values = []
    for p in d.periods:
        x = p.period.end
        values.append(
            {"value": (x, p.value), "label": str(p.period)}
            if p.passed
            else {"value": (x, p.value), "label": str(p.period), "color": COLOURS["fail"], "node": {"r": 6}}
        )
    plot.add(_w("actual_period", lang), values, COLOURS["actual"], stroke_style=SOLID)
    start, end = d.start, d.end
    provisional = provisional_readings(rows, start.year, end.year) if start.is_year else []
    _add_provisional(plot, provisional, lang)
    data_points = plot.points
    if data_points == 0:
        return None
    x0, x1 = start.end, end.end
    plot.add(
        _w("threshold", lang, sign=sign, value=_value(bound, unit, lang)),
        [(x0, bound), (x1, bound)],
        COLOURS["bound"],
        stroke_style=DASHED,
        show_dots=False,
    )
    notes = []
    if d.failed:
        notes.append(_w("note_fail", lang))
    if provisional:
        notes.append(_w("note_hollow", lang))
    return plot.render(a.target.id, lang, notes, data_points=data_points)


def _add_provisional(plot: "_Plot", provisional: Sequence[Observation], lang: str) -> None:
    """Sub-annual readings as hollow markers, apart from the full-year line."""
    plot.add(
        _w("provisional", lang),
        [
            {"value": (o.period.end, o.value), "style": _hollow(COLOURS["actual"]), "label": str(o.period)}
            for o in provisional
        ],
        COLOURS["actual"],
        stroke=False,
        dots_size=5,
    )


def _average(a: Assessment, rows: Sequence[Observation], lang: str) -> Chart | None:
    d = a.result
    if not isinstance(d, AverageResult):
        return None  # no figures of the kind (an assessment that overflowed)
    sign, bound = _bound(d.bound)
    unit = a.indicator.unit_in(lang)
    plot = _Plot()
    plot.add(
        _w("actual_period", lang),
        [(p.period.end, p.value) for p in d.periods],
        COLOURS["actual"],
        stroke_style=SOLID,
    )
    start, end = d.start, d.end
    provisional = provisional_readings(rows, start.year, end.year)
    _add_provisional(plot, provisional, lang)
    data_points = plot.points
    if data_points == 0:
        return None
    x0, x1 = start.end, end.end
    plot.add(
        _w("target_average", lang, sign=sign, value=_value(bound, unit, lang)),
        [(x0, bound), (x1, bound)],
        COLOURS["bound"],
        stroke_style=DASHED,
        show_dots=False,
    )
    if d.average is not None:
        plot.add(
            _w("achieved_average", lang, value=_value(d.average, unit, lang)),
            [(x0, d.average), (x1, d.average)],
            COLOURS["average"],
            stroke_style=DOTTED,
            show_dots=False,
        )
    notes = [_w("note_hollow", lang)] if provisional else []
    return plot.render(a.target.id, lang, notes, data_points=data_points)


# --- cumulative, plan -----------------------------------------------------------------


def _cumulative(a: Assessment, lang: str) -> Chart | None:
    d = a.result
    if not isinstance(d, CumulativeResult):
        return None  # no figures of the kind (an assessment that overflowed)
    if not d.periods:
        return None
    _, bound = _bound(d.bound)
    unit = a.indicator.unit_in(lang)
    start, end = d.start, d.end
    origin = start.end - start.months / 12
    plot = _Plot()
    total = 0.0
    running = [(origin, 0.0)]
    for p in d.periods:
        total += p.value
        running.append((p.period.end, total))
    plot.add(_w("running_total", lang), running, COLOURS["actual"], stroke_style=SOLID)
    data_points = len(d.periods)
    plot.add(
        _w("target_total", lang, value=_value(bound, unit, lang)),
        [(origin, bound), (end.end, bound)],
        COLOURS["bound"],
        stroke_style=DASHED,
        show_dots=False,
    )
    plot.add(
        _w("even_pace", lang),
        [(origin, 0.0), (end.end, bound)],
        COLOURS["average"],
        stroke_style=DOTTED,
        show_dots=False,
    )
    return plot.render(a.target.id, lang, data_points=data_points)


def _plan(a: Assessment, lang: str) -> Chart | None:
    import pygal

    d = a.result
    if not isinstance(d, PlanResult):
        return None  # no figures of the kind (an assessment that overflowed)
    bars: list[tuple[str, float, str]] = [(_w("plan", lang, period=d.period), d.plan, COLOURS["bound"])]
    if a.latest is not None and d.full is not None:
        bars.append((_w("result", lang, period=d.period), a.latest.value, COLOURS["actual"]))
    elif d.year_to_date is not None:
        ytd = d.year_to_date
        if ytd.same is not None:
            last = ytd.period.same_span_previous_year()
            bars.append((_w("last_year", lang, period=last), ytd.same.value, COLOURS["projection"]))
        bars.append((_w("ytd", lang, period=ytd.period), ytd.value, COLOURS["actual"]))
    if len(bars) < 2:
        return None
    style = _style([COLOURS["actual"]])
    style.value_colors = ("white",)
    chart = pygal.HorizontalBar(
        style=style,
        show_legend=False,
        **_config(
            lang,
            height=60 + 44 * len(bars),
            legend_at_bottom=False,
            include_x_axis=True,
            show_x_guides=True,
            show_y_guides=False,
            print_values=True,
            print_values_position="center",
        ),
    )
    chart.x_labels = [label for label, _, _ in bars]
    chart.add("", [{"value": value, "color": colour} for _, value, colour in bars])
    return _finish(chart, a.target.id, len(bars) - 1)
