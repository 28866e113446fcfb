"""Issue 17, nineteenth session: what a national store's status spent its time on."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from qntrack.files import checks_rows
from qntrack.files.checks_rows import suspects_in_force
from qntrack.files.store import Distinct
from qntrack.method.series import build_series
from test_suspect_rows import PLAN, _suspect_rows

NOW = "2026-12-01T00:00:00Z"


def _distinct(rows) -> Distinct:
    return Distinct(
        frozenset(o.indicator for o in rows),
        frozenset(o.period.sort_key for o in rows),
        frozenset({o.source for o in rows} | {o.note for o in rows}),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_suspect_rows, max_size=30), st.booleans())
def test_a_store_found_sound_first_warns_as_the_figures_in_force_do(rows, with_distinct):
    # The warnings of the figures in force are the same whether the whole store is first
    # found sound in its own order (checks_rows._sound) or every figure in force is looked at:
    # rows flagged but no longer in force (revised, retracted), forced marks, formulas in
    # sources, quarters of a yearly indicator, a period of 2207 recorded in 2025.
    rows = [o._replace(line=n) for n, o in enumerate(rows, start=2)]  # a store's lines are its own
    series = build_series(PLAN.indicators, rows)[0]
    stored = tuple(rows)
    distinct = _distinct(rows) if with_distinct else None
    quick = suspects_in_force(
        series, list(PLAN.indicators), "o.csv", NOW, stored=stored, indicators=PLAN.indicators, distinct=distinct
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(checks_rows, "_sound", lambda *a: False)
        slow = suspects_in_force(
            series, list(PLAN.indicators), "o.csv", NOW, stored=stored, indicators=PLAN.indicators, distinct=distinct
        )
    assert [str(p) for p in quick] == [str(p) for p in slow]


def test_a_sound_store_is_not_looked_at_figure_by_figure(monkeypatch: pytest.MonkeyPatch):
    # Two good figures: found sound in the store's order, the rules are not asked again of
    # the figures in force (that second walk cost a national store 1.7 s of its 5.8 s).
    from qntrack.plan.model import Observation
    from qntrack.plan.periods import parse_period

    rows = [
        Observation("share", parse_period(p), 1.0, "official", "GSO", "", "2025-01-10T00:00:00Z", n)
        for n, p in ((2, "2023"), (3, "2024"))
    ]
    asked = []
    monkeypatch.setattr(checks_rows, "timing_check", lambda *a: asked.append(a) or [])
    series = build_series(PLAN.indicators, rows)[0]
    assert suspects_in_force(series, ["share"], "o.csv", NOW, stored=tuple(rows), indicators=PLAN.indicators) == []
    assert asked == []
    # Without the store (a caller that has only the figures in force), they are asked.
    assert suspects_in_force(series, ["share"], "o.csv", NOW, indicators=PLAN.indicators) == []
    assert len(asked) == 1
