"""A file's decimal convention is read off its distinct cell shapes, not each of its cells.

``convention_shown`` and ``shows_thousands`` see a national import's 300,000 figures as a
few hundred shapes (digits 2-9 written 1, issue 17). These tests hold them to the same
answers as reading every cell one by one, the rule as docs/decisions.md states it
("Typing and importing").
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from qntrack.files.figures import _read_number, convention_shown, shows_thousands

# Digits of every kind the rules tell apart (0, 1-9, another script's), separators, signs,
# exponents, spaces and a real minus: cells as spreadsheets and documents write them.
cell = st.text(alphabet="0123456789012345.,+-eE %\u2212\u0661 ", max_size=12)


def each_cell_convention(cells: list[str], default: bool) -> bool:
    comma_only = point_only = False
    for c in cells:
        raw = c.strip().replace("\u2212", "-")
        as_comma, as_point = _read_number(raw, True, True), _read_number(raw, False, True)
        comma_only = comma_only or (as_comma is not None and as_point is None)
        point_only = point_only or (as_point is not None and as_comma is None)
    return comma_only if comma_only != point_only else default


def each_cell_thousands(cells: list[str], decimal_comma: bool) -> bool:
    dec, grp = (",", ".") if decimal_comma else (".", ",")
    d, g = re.escape(dec), re.escape(grp)
    shown = re.compile(rf"[-+]?[1-9]\d{{0,2}}(?:{g}\d{{3}})+{d}\d+|[-+]?[1-9]\d{{0,2}}(?:{g}\d{{3}}){{2,}}")
    decimal = re.compile(rf"[-+]?\d*{d}\d+(?:[eE][-+]?\d+)?")
    raws = [c.strip().replace("\u2212", "-") for c in cells]
    if any(shown.fullmatch(r) for r in raws):
        return True
    return any(decimal.fullmatch(r) for r in raws) and not any(
        _read_number(r, not decimal_comma, True) is not None and _read_number(r, decimal_comma, True) is None
        for r in raws
    )


@settings(max_examples=500, deadline=None)
@given(st.lists(cell, max_size=8), st.booleans())
def test_the_convention_is_the_one_every_cell_shows(cells: list[str], default: bool):
    assert convention_shown(cells, default) == each_cell_convention(cells, default)


@settings(max_examples=500, deadline=None)
@given(st.lists(cell, max_size=8), st.booleans())
def test_a_thousands_separator_is_shown_as_every_cell_shows_it(cells: list[str], decimal_comma: bool):
    assert shows_thousands(cells, decimal_comma) == each_cell_thousands(cells, decimal_comma)


def test_figures_that_differ_only_in_digits_2_to_9_show_the_same():
    # 1.234 groups thousands under the decimal comma; so does 9.876; 0.123 never does.
    assert shows_thousands(["9.876,5"], True) and shows_thousands(["1.234,5"], True)
    assert not shows_thousands(["0.123,5"], True)
    assert shows_thousands(["\u22121.234,5"], True)  # a real minus sign reads as '-'
    assert convention_shown(["3,13", "98,76"], False) is True
