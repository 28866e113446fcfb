"""pygal set up for the report's charts: its style and font, its configuration, a bar's
label and the value axis's scale, and the filters that drop its script and make its ids
the chart's own. Apart from charts, which says what each chart shows, because this is
how pygal is made to draw it."""

from __future__ import annotations

import math
import re
from typing import Any, Sequence

from .i18n import number, typed_places


FONT = '"DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, sans-serif'


def plot_style(colours: Sequence[str]) -> Any:
    from pygal.style import Style  # type: ignore[import-untyped]  # pygal ships no type information

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


# A name longer than this is cut with an ellipsis in a bar's label: a 200-letter group or
# unit name took the chart's whole width and pushed the bars off it (the tables beside the
# chart have the full name). pygal's truncate_label does not cut a horizontal chart's.
BAR_LABEL = 60


# The least of a name a label keeps when the rest of it (a unit's figure and status) takes
# the room: the reader still tells the units apart, the table beside gives them in full.
BAR_NAME_LEAST = 16


def bar_name(name: str, rest: int = 0) -> str:
    """``name`` cut with an ellipsis so that, with ``rest`` more letters beside it, the
    label keeps to ``BAR_LABEL`` (never below ``BAR_NAME_LEAST``): a units chart's label
    also says the figure and status, and a 60-letter name beside them pushed the plot off
    the chart's 760 pixels, every bar drawn outside the picture."""
    room = max(BAR_LABEL - rest, BAR_NAME_LEAST)
    return name if len(name) <= room else name[: room - 1].rstrip() + "…"


# What a figure on an axis takes at the charts' 12 px: a digit of DejaVu Sans is 0.636 em
# (7.6 px), rounded up; and the space kept between two of them, the font's size.
AXIS_CHAR_PX = 7.7


AXIS_GAP_PX = 12


def bar_scale(labels: Sequence[str], values: Sequence[float], lang: str, width: int = 760) -> dict[str, int]:
    """pygal's ``max_scale`` (and ``min_scale``) for a horizontal bar chart, so that the
    figures along its value axis, under the bars, keep apart. pygal picks up to 16 steps
    whatever the room: beside a units chart's long labels the plot was 350 px wide and
    "8.000 10.000 12.000" ran into one word (issue 17, twenty-second session). The plot's
    width is pygal's own estimate of the labels' (0.6 em a letter) taken from the chart's,
    with its margins; each figure takes its letters and a gap."""
    margins = 4 * 12  # the chart's margin and spacing, each side
    label_px = 0.6 * 12 * max((len(x) for x in labels), default=0)
    plot_px = max(width - margins - label_px, 100.0)
    top = max((abs(v) for v in values if math.isfinite(v)), default=1.0) or 1.0
    # A tick is a round figure about the largest one's size: its first two digits (18.000
    # for 18.135, 1,5 for 1.53, 0,37 for 0.372), and the sign when a bar runs below zero.
    letters = len(number(float(f"{top:.2g}"), lang)) + (1 if min(values, default=0) < 0 else 0)
    steps = max(1, int(plot_px // (AXIS_CHAR_PX * letters + AXIS_GAP_PX)))
    return {"max_scale": steps, "min_scale": min(4, steps)}


def point_text(value: float | None, lang: str) -> str:
    """A point's or a bar's figure as the tables write it, at its typed decimals
    (``i18n.typed_places``): 570.745 and 2.125, where the value axis's formatter, whose
    decimals suit a scale's round ticks, wrote them 570.75 and 2.13 in the charts' hidden
    values (forty-fourth session, pass D)."""
    return number(value, lang, typed_places(value))


def plot_config(lang: str, **extra: Any) -> dict[str, Any]:
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
        # A point's own value (its hidden <desc class="value">, a printed value), not the
        # axis's labels: the figure as the tables write it (point_text).
        formatter=lambda v: point_text(v, lang),
        print_values=False,
        include_x_axis=False,
    )
    config.update(extra)
    return config


def _static(root: Any) -> Any:
    """Drop what pygal adds for its interactive mode: the script holding its configuration
    (the tooltips need a script from the web, which we never load) and its comments; and
    the chart's own title, which pygal writes "Pygal" when none is set: a browser showed
    it as every chart's tooltip and a screen reader read it as the chart's name, in any
    language. The caption beside the chart names it."""
    for parent in list(root.iter()):
        for child in list(parent):
            tag = child.tag if isinstance(child.tag, str) else ""
            name = tag.rsplit("}", 1)[-1]
            if name == "script" or not tag or (name == "title" and parent is root):
                parent.remove(child)
    return root


_URL_REF = re.compile(r"url\(#([^)\s]+)\)")


def _own_ids(root: Any) -> Any:
    """Prefix every id inside the chart with the chart's own (``chart-<target id>``), and
    the references to them with it. pygal numbers its legend entries the same in every
    chart (``activate-serie-0``), so a page of charts repeated one id hundreds of times:
    invalid HTML, and a link to one could land in any chart."""
    prefix = root.get("id")
    renamed: dict[str, str] = {}
    for element in root.iter():
        own = element.get("id")
        if own and element is not root:
            renamed[own] = element.attrib["id"] = f"{prefix}-{own}"
    if not renamed:
        return root
    for element in root.iter():
        for key, value in element.attrib.items():
            if key.rsplit("}", 1)[-1] == "href" and value.startswith("#") and value[1:] in renamed:
                element.attrib[key] = "#" + renamed[value[1:]]
            elif "url(#" in value:
                element.attrib[key] = _URL_REF.sub(lambda m: f"url(#{renamed.get(m[1], m[1])})", value)
    return root
