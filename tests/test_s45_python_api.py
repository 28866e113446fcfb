"""Forty-fifth session, pass P: the Python API as a statistics office's analyst scripts
it (docs/python-api.md), in a notebook and under ``mypy --strict``."""

from __future__ import annotations

import inspect
from collections.abc import Callable

# --- 1. What the page offers, in the annotations ------------------------------------------------


def _written(function: Callable[..., object], name: str) -> str:
    """An annotation as written (the modules postpone them)."""
    return str(inspect.signature(function).parameters[name].annotation)


def _alternatives(function: Callable[..., object], name: str) -> set[str]:
    return {n.strip().split("[")[0].rsplit(".", 1)[-1] for n in _written(function, name).split("|")}


def test_the_annotations_take_what_the_page_offers() -> None:
    """mypy --strict refused, in an analyst's script, calls docs/python-api.md offers and
    the functions take: ``record_many(..., undated=datetime(...))`` ("read as now is"),
    ``status_document(a for a in judged)`` ("any iterable of them, a generator read once"),
    ``run_checks(jump_factor=Decimal("4"))`` ("an int, a float, a Decimal"), ``assess``'s
    ``series`` of the caller's own (tuples, a generator: "a caller's own mapping ... a
    generator or an iterator is read once") and ``target_ids`` as a generator of ids ("read
    once, as the list it holds")."""
    import qntrack
    from qntrack.output.report import build_report

    assert {"str", "datetime", "None"} <= _alternatives(qntrack.record_many, "undated")
    assert _written(qntrack.status_document, "assessments").startswith("Iterable[")
    assert {"float", "Decimal"} <= _alternatives(qntrack.run_checks, "jump_factor")
    assert _written(qntrack.assess, "series") == "Mapping[str, Iterable[Observation]]"
    # build_report keeps the series for its charts, read again: any sequence, not a generator
    assert _written(build_report, "series") == "Mapping[str, Sequence[Observation]]"
    for function in (qntrack.assess, qntrack.assessed, qntrack.status, build_report):
        assert "Iterable" in _alternatives(function, "target_ids"), function
