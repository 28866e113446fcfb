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


# DejaVu Sans's advance widths, in thousandths of an em, of ASCII 32-126 (space to '~'),
# read from the font the charts name first (chart_pygal.FONT): a legend's text is measured with
# them to keep it inside its column. A letter with marks counts as its base letter (a
# Vietnamese letter with tone marks too); anything else a whole em, which errs towards room.
_ADVANCE = tuple(
    int(width)
    for width in (
        "318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 "
        "636 636 636 636 636 636 636 636 636 636 337 337 838 838 838 531 "
        "1000 684 686 698 770 632 575 775 752 295 295 656 557 863 748 787 "
        "603 787 695 635 611 732 684 989 685 611 685 390 337 390 838 500 "
        "500 613 635 550 635 615 352 635 634 278 278 579 278 974 634 612 "
        "635 635 411 521 392 634 592 818 592 592 525 636 337 636 838"
    ).split()
)


def text_px(text: str, size: float = 12.0) -> float:
    """The width of ``text`` in DejaVu Sans at ``size`` pixels, as ``_ADVANCE`` gives it:
    its letters read without their marks by the tool's one fold (plan.units.unmarked), case
    kept, so the crossed d is a d, which DejaVu Sans draws as wide (it counted an em)."""
    from ..plan.units import unmarked

    total = 0
    for char in unmarked(text):
        code = ord(char)
        total += _ADVANCE[code - 32] if 32 <= code < 127 else 1000
    return total * size / 1000


class LegendFit:
    """An xml filter that tells whether each entry of a legend at the bottom keeps to its
    column and to the picture (``overflows``): pygal sets the columns a fixed pitch apart
    and never wraps a text, so a long one ran over the next column's entry and past the
    picture's right edge (issue 17, twenty-fourth session)."""

    def __init__(self, width: float, margin: float) -> None:
        self.right = width - margin
        self.overflows = False

    def __call__(self, root: Any) -> Any:
        import re

        for group in root.iter():
            if (group.get("class") or "") != "legends":
                continue
            moved = re.match(r"translate\(([-\d.]+)", group.get("transform") or "")
            left = float(moved[1]) if moved else 0.0
            entries = []
            for entry in group:
                box = next((e for e in entry if _tag(e) == "rect"), None)
                text = next((e for e in entry if _tag(e) == "text"), None)
                if box is not None and text is not None:
                    entries.append((float(box.get("x") or 0), float(text.get("x") or 0), "".join(text.itertext())))
            columns = sorted({column for column, _, _ in entries})
            for column, start, words in entries:
                end = left + start + text_px(words)
                after = [c for c in columns if c > column]
                limit = left + after[0] - 6 if after else self.right
                self.overflows = self.overflows or end > limit
        return root
