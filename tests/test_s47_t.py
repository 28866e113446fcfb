"""Issue 17, forty-seventh session, helper T: terminals, encodings and locales, read by a
hostile tester (narrow and wide terminals, pipes, legacy encodings, Ctrl-C). Each test
written failing first; expected values worked by hand, never copied from qntrack's output."""

from __future__ import annotations

import io
import os
import signal
import types

import pytest

_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">'
    '<rect x="0" y="0" width="{w}" height="20" fill="#336699"/></svg>'
)


def test_ctrl_c_while_a_word_chart_is_drawn_is_ctrl_c_not_a_cairo_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """`report -o r.docx` stopped by Ctrl-C while cairo wrote a chart's PNG printed
    "Exception ignored from cffi callback" with a KeyboardInterrupt traceback, then
    "qntrack: error: cannot go on: 11" and exit 1: cffi swallows an exception raised in its
    callback and cairo returns its write error (status 11). Ctrl-C now reaches the command
    as Ctrl-C (exit 130, "interrupted")."""
    pytest.importorskip("cairosvg")
    import cairosvg.surface

    from qntrack.output import chart_images

    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        pytest.skip("SIGINT is not Python's KeyboardInterrupt here")

    class Interrupted(io.BytesIO):
        sent = False

        def write(self, data: object) -> int:  # type: ignore[override]
            if not Interrupted.sent:  # Ctrl-C pressed while cairo hands over the PNG
                Interrupted.sent = True
                os.kill(os.getpid(), signal.SIGINT)
            return super().write(data)  # type: ignore[arg-type]

    monkeypatch.setattr(cairosvg.surface, "io", types.SimpleNamespace(BytesIO=Interrupted))
    chart_images._drawn.cache_clear()
    with pytest.raises(KeyboardInterrupt):
        chart_images.png_of(_SVG.format(w=17), 20.0)
    assert Interrupted.sent
    chart_images._drawn.cache_clear()
