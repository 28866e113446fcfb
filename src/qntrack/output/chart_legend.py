"""A line chart's legend drawn as its series are: a ring for the readings drawn hollow, a
short line dashed as its line for a line (a coloured square told the dashed paths apart by
colour alone, the same grey on a black-and-white printout)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# The legend's sample of a line: as long as the box pygal draws and 10 pixels more, its
# text moved right by as much.
_LONGER = 10


def _entries(root: Any, wanted: Mapping[int, Any]) -> Any:
    for element in root.iter():
        entry = element.get("id") or ""
        if entry.startswith("activate-serie-") and int(entry.rsplit("-", 1)[1]) in wanted:
            yield element, wanted[int(entry.rsplit("-", 1)[1])]


def _tag(element: Any) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def hollow_legend(root: Any, hollow: Mapping[int, str]) -> Any:
    """The legend's square of each series drawn as hollow markers (``hollow``: its index
    and colour) drawn hollow too: "Actual" and "Part-year reading" had the same filled
    square, where the chart draws one filled and one a ring (issue 17, twenty-second
    session)."""
    for element, colour in _entries(root, hollow):
        for rect in element:
            if _tag(rect) == "rect":
                rect.set("style", hollow_marker(colour))
    return root


def line_legend(root: Any, lines: Mapping[int, tuple[str, Mapping[str, Any]]]) -> Any:
    """The legend's square of each series drawn as a line (``lines``: its index, colour and
    pygal stroke style) replaced by a short line of its colour, width and dashes."""
    for element, (colour, style) in _entries(root, lines):
        for child in list(element):
            if _tag(child) == "rect":
                x, y = float(child.get("x") or 0), float(child.get("y") or 0)
                size = float(child.get("height") or 12)
                child.set("style", "fill: none; stroke: none")  # kept: the entry's hover target
                dashes = f"; stroke-dasharray: {style['dasharray']}" if style.get("dasharray") else ""
                cap = f"; stroke-linecap: {style['linecap']}" if style.get("linecap") else ""
                sample = child.makeelement(
                    child.tag.replace("rect", "path"),
                    {
                        "d": f"M{x:g} {y + size / 2:g} h{size + _LONGER:g}",
                        "style": f"fill: none; stroke: {colour}; stroke-width: {style.get('width', 2)}{dashes}{cap}",
                    },
                )
                element.insert(list(element).index(child) + 1, sample)
            elif _tag(child) == "text":
                child.set("x", f"{float(child.get('x') or 0) + _LONGER:g}")
    return root


def hollow_marker(colour: str) -> str:
    return f"fill: white; stroke: {colour}; stroke-width: 2"
