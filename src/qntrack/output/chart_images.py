"""The report's charts as PNG images, for formats that cannot hold SVG (Word; the PDF and
Excel reports may reuse it).

The charts are pygal's SVG (output/charts.py); CairoSVG draws them with the cairo library
(Debian: libcairo2; README, "Installing"). An image is drawn for the width it is printed
at, at ``DPI`` dots per inch, so it prints sharp: print quality is 200 dpi or more at the
printed size. The same SVG on the same cairo and fonts gives the same bytes.

Edge code: the cairo library is loaded on first use, never at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import ExitCode, fail

__all__ = ["DPI", "ChartImage", "png_of"]

# Dots per inch at the printed width: above the 200 that print needs, so a chart stays
# sharp when Word or a printer rescales it a little.
DPI = 240


@dataclass(frozen=True, slots=True)
class ChartImage:
    png: bytes
    width_px: int
    height_px: int
    width_mm: float  # the width it is printed at

    @property
    def dpi(self) -> float:
        """Dots per inch at the printed width."""
        return self.width_px / (self.width_mm / 25.4)


def _svg2png() -> object:
    """CairoSVG's converter; a missing cairo library is said as such, with its package."""
    try:
        import cairosvg  # type: ignore[import-untyped]  # CairoSVG ships no type information
    except OSError:  # cairocffi could not load libcairo.so.2
        from ..catalog import msg

        raise fail("cairo", msg("docx_no_cairo"), ExitCode.INVALID) from None
    except ImportError:
        from ..catalog import msg

        raise fail("cairosvg", msg("docx_no_cairosvg"), ExitCode.INVALID) from None
    return cairosvg.svg2png


def png_of(svg: str, width_mm: float, dpi: int = DPI) -> ChartImage:
    """The SVG drawn as a PNG ``width_mm`` wide at ``dpi`` dots per inch (its height in
    proportion). Pure in effect: the same SVG gives the same bytes."""
    import struct

    width_px = round(width_mm / 25.4 * dpi)
    _svg2png()  # a missing cairo is said even when this chart was drawn before
    png = _drawn(svg, width_px)
    # The PNG header's IHDR chunk holds the drawn size: width and height, big-endian.
    width, height = struct.unpack(">II", png[16:24])
    return ChartImage(png, width, height, width_mm)


@lru_cache(maxsize=64)
def _drawn(svg: str, width_px: int) -> bytes:
    """The PNG of ``svg`` at ``width_px``, drawn once per process: drawing is most of a Word
    report's time, and a process that writes a report twice (a Python caller, the tests'
    byte-for-byte comparisons) draws the same charts. Same SVG, same bytes: nothing else
    goes into a drawing (the module's docstring).

    Ctrl-C, SIGTERM and SIGHUP are held while cairo draws: raised in cairo's callback that
    hands over the PNG, they were swallowed by cffi ("Exception ignored from cffi
    callback", a traceback) and came back as cairo's write error, "cannot go on: 11", exit
    1. Held, each is acted on once the chart is drawn, a fraction of a second later."""
    from ..files.stages import hold_signals, let_signals_go

    convert = _svg2png()
    held = hold_signals()
    try:
        png: bytes = convert(bytestring=svg.encode("utf-8"), output_width=width_px)  # type: ignore[operator]
    finally:
        let_signals_go(held)
    return png
