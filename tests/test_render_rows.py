"""The status table drawn a slice of rows at a time prints what the whole table prints,
byte for byte, at every slice size, width, language and colour setting (render_rows.py).

The reference is the table drawn whole by Rich straight onto the console, as the status
table was printed before slices."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from qntrack.files.workspace import open_workspace, reference_day
from qntrack.kinds import assess
from qntrack.output import render, render_rows
from qntrack.output.summary import status_cells


@pytest.fixture(scope="module")
def shipped_rows() -> dict[str, list[Any]]:
    """The shipped plan's status rows (28 targets, every kind, long names), in both
    languages, as of a fixed day."""
    root = Path(__file__).resolve().parent.parent
    ws = open_workspace(str(root / "targets.yaml"), "2026-06-30")
    results = assess(ws.plan, ws.series, [], reference_day("2026-06-30"))
    return {
        lang: [status_cells(a, lang, ws.series.get(a.target.series_key, ())) for a in results] for lang in ("en", "vi")
    }


def drawn(monkeypatch: pytest.MonkeyPatch, rows: list[Any], lang: str, width: int, color: bool, whole: bool) -> str:
    out = io.StringIO()

    def console() -> Console:
        return render._Console(
            file=out,
            width=width,
            force_terminal=color,
            color_system="truecolor" if color else None,
            highlight=False,
            soft_wrap=False,
        )

    monkeypatch.setattr(render, "_console", console)
    if whole:

        def at_once(con: Console, table: Any, count: int, *, edges: bool) -> str:
            con.print(table(0, count))
            return ""

        monkeypatch.setattr(render, "print_in_slices", at_once)
    render.status_table(rows, lang, "Kế hoạch" if lang == "vi" else "The plan", "2026-06-30")
    monkeypatch.undo()
    return out.getvalue()


@pytest.mark.parametrize("size", [1, 5, 200])
@pytest.mark.parametrize(
    "lang, width, color",
    [("en", 72, True), ("vi", 72, False), ("en", 100, False), ("vi", 160, True)],  # 72: the compact layout
)
def test_slices_print_the_whole_table(monkeypatch, shipped_rows, size: int, width: int, lang: str, color: bool):
    rows = shipped_rows[lang] * 2  # slices of 1 and 5 meet many times
    whole = drawn(monkeypatch, rows, lang, width, color, whole=True)
    monkeypatch.setattr(render_rows, "SLICE", size)
    monkeypatch.setattr(render_rows.print_in_slices, "__kwdefaults__", {"size": size})
    sliced = drawn(monkeypatch, rows, lang, width, color, whole=False)
    assert sliced == whole
    assert whole.count("\n") > len(rows)  # a table was drawn, each target on its lines


def test_each_slice_is_written_as_soon_as_it_is_drawn(monkeypatch, shipped_rows):
    # The first rows reach the terminal before the later slices are laid out.
    rows = shipped_rows["en"] * 3
    writes: list[str] = []

    class Seen(io.StringIO):
        def write(self, text: str) -> int:
            writes.append(text)
            return super().write(text)

    out = Seen()
    monkeypatch.setattr(
        render, "_console", lambda: render._Console(file=out, width=120, highlight=False, soft_wrap=False)
    )
    monkeypatch.setattr(render_rows.print_in_slices, "__kwdefaults__", {"size": 10})
    render.status_table(rows, "en", "The plan", None)
    written = [w for w in writes if w]
    assert len(written) == -(-len(rows) // 10)  # one write a slice of 10
    assert "The plan" in written[0] and "Target" in written[0]
    assert all("─" * 20 not in w for w in written[1:])  # the header (and its rule) above the first slice only


def test_an_empty_plan_draws_its_header_once(monkeypatch):
    out = io.StringIO()
    monkeypatch.setattr(
        render, "_console", lambda: render._Console(file=out, width=100, highlight=False, soft_wrap=False)
    )
    render.status_table([], "en", "The plan", None)
    assert out.getvalue().count("Target") == 1
