"""Statuses told apart without colour in a chart (issue 17, twenty-third session).

The groups chart fills each status's segments with its colour; printed in black and
white, "Target achieved" (#1b5e20) and "Not achieved" (#7f0000) are the same dark grey,
and the legend's squares with them. Each status now has a pattern of its own over its
colour, in its segments and in its legend's square: solid, lines in four directions,
dots, a cross-hatch. The lines are drawn in the ink legible on the colour
(``report_groups.status_ink``), so they show on screen and on paper alike.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

__all__ = ["PATTERNS", "patterned"]

_SIZE = 6
# Each status's drawing in a 6-unit tile (an SVG path), and the tile's turn in degrees:
# None for a solid fill.
PATTERNS: dict[str, tuple[str, int] | None] = {
    "target_achieved": None,  # solid
    "substantial_progress": ("M3,0 V6", 45),  # diagonal lines /
    "moderate_progress": ("M2.5,3 a0.5,0.5 0 1,0 1,0 a0.5,0.5 0 1,0 -1,0", 0),  # dots
    "limited_progress": ("M0,3 H6", 0),  # horizontal lines
    "deterioration": ("M3,0 V6 M0,3 H6", 45),  # cross-hatch
    "not_achieved": ("M3,0 V6", -45),  # diagonal lines \
    "not_available": ("M3,0 V6", 0),  # vertical lines
}


def patterned(keys: Sequence[str], colours: Callable[[str], tuple[str, str]]) -> Callable[[Any], Any]:
    """An xml filter for pygal: series ``i`` (status ``keys[i]``) and its legend's square
    filled with that status's pattern; ``colours`` gives a status's fill and ink. The
    patterns' ids are made the chart's own by ``chart_pygal._own_ids``, which runs after."""

    def apply(root: Any) -> Any:
        # pygal's tree is lxml's or the standard library's, its tags namespaced or not.
        ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""

        def child(parent: Any, name: str, **attrs: str) -> Any:
            element = parent.makeelement(ns + name, attrs)
            parent.append(element)
            return element

        defs = next((e for e in root if e.tag == ns + "defs"), None)
        if defs is None:
            defs = root.makeelement(ns + "defs", {})
            root.insert(0, defs)
        for i, key in enumerate(keys):
            fill, ink = colours(key)
            size = str(_SIZE)
            pattern = child(
                defs, "pattern", id=f"pattern-{key}", patternUnits="userSpaceOnUse", width=size, height=size
            )
            drawing = PATTERNS.get(key)
            if drawing is not None and drawing[1]:
                pattern.set("patternTransform", f"rotate({drawing[1]})")
            child(pattern, "rect", width=size, height=size, fill=fill)
            if drawing is not None:
                child(pattern, "path", d=drawing[0], stroke=ink, fill=ink, **{"stroke-width": "1.2"})
            style = f"fill:url(#pattern-{key})"
            for element in root.iter():
                classes = (element.get("class") or "").split() if isinstance(element.tag, str) else []
                if f"color-{i}" not in classes:
                    continue
                if element.tag == ns + "rect":  # the legend's square
                    element.set("style", style)
                elif "series" in classes:
                    for bar in element.iter(ns + "rect"):
                        bar.set("style", style)
        return root

    return apply
