"""Forty-fifth session, pass P: the Python API as a statistics office's analyst scripts
it (docs/python-api.md), in a notebook and under ``mypy --strict``."""

from __future__ import annotations

import inspect
from pathlib import Path
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


# --- 2. What a notebook shows of the main objects -------------------------------------------------


def test_a_notebook_shows_the_main_objects_in_a_line(shipped: Path) -> None:
    """A Jupyter cell ending in ``ws``, ``ws.plan``, ``ws.store``, ``qntrack.assessed(...)``
    or one target judged printed every field of every indicator, target, row and unit: on the
    shipped tracker (9 indicators, 23 targets, 82 rows) 92,147 characters for the workspace,
    218,537 for ``assessed``, 59,668 for the one target with a breakdown by locality. Each is
    now one line saying what it is (the plan's file, the counts, a target's status and
    latest figure); the fields are still there to read."""
    import qntrack

    ws = qntrack.open_workspace("targets.yaml", as_of="2025-12-31")
    plan = repr(ws.plan)
    assert plan.startswith("<Plan ") and "'targets.yaml'" in plan and "timezone='+07:00'" in plan
    assert "indicators=9" in plan and "targets=23" in plan and "dimensions=1" in plan
    store = repr(ws.store)
    assert store == "<StoreContents rows=82 problems=0>"
    workspace = repr(ws)
    assert workspace.startswith("<Workspace targets='targets.yaml' store='observations.csv' ")
    assert plan in workspace and store in workspace
    done = qntrack.assessed("targets.yaml", as_of="2025-12-31")
    (by_locality,) = [a for a in done.assessments if a.breakdown]
    assert by_locality.target.id == "budget-revenue-plan-2024"
    # The HĐND's 2024 plan judged on the province's 2024 figure (docs/python-api.md's example)
    assert repr(by_locality).startswith("<Assessment target='budget-revenue-plan-2024' status=")
    assert "units=" in repr(by_locality)
    (share,) = [a for a in done.assessments if a.target.id == "cbct-share"]
    assert "latest=2023:12.3" in repr(share)  # the 2023 estimate, the last figure of the store
    assert repr(done).startswith("<Assessed ") and "assessments=23" in repr(done)
    data = qntrack.build_report(ws.plan, ws.series, ws.store.observations, as_of="2025-12-31", since="2025-06-30")
    report = repr(data)  # 29,387 characters, every series and row, with the targets' one-line reprs
    assert (
        report.startswith("<ReportData title='Qu") and "as_of='2025-12-31'" in report and "since='2025-06-30'" in report
    )
    assert "assessments=23" in report and "rows=82" in report
    for shown in (plan, store, workspace, repr(by_locality), repr(share), repr(done), report):
        assert "\n" not in shown and len(shown) < 600, shown


# --- 3. A report's data, judged on the day it is as of ---------------------------------------------


def test_a_report_as_of_a_day_judges_its_deadlines_on_that_day(shipped: Path) -> None:
    """``build_report(..., as_of="2025-12-31")`` with no ``today`` judged no deadline as
    passed: the 2024 revenue plan, whose province-wide 2024 figure was never recorded (only
    three localities' are), came out with ``"awaiting_figures": []`` where ``status(as_of=
    "2025-12-31")`` and ``qntrack report --as-of 2025-12-31 --format json`` say ``["2024"]``.
    A report as of a day speaks of that day, as the command's does."""
    import json

    import qntrack
    from qntrack.output.report import render

    from helpers import run_clean

    ws = qntrack.open_workspace("targets.yaml", as_of="2025-12-31")
    data = qntrack.build_report(ws.plan, ws.series, ws.store.observations, as_of="2025-12-31")
    document = json.loads(render(data, "json", "en"))
    (plan_2024,) = [t for t in document["targets"] if t["id"] == "budget-revenue-plan-2024"]
    assert plan_2024["awaiting_figures"] == ["2024"]
    assert document["targets"] == qntrack.status("targets.yaml", as_of="2025-12-31")["targets"]
    made = run_clean("report", "--as-of", "2025-12-31", "--format", "json")
    assert made.exit_code == 0 and render(data, "json", "en") == made.stdout


# --- 4. A document's zone -----------------------------------------------------------------------


def test_a_documents_zone_that_is_no_offset_is_refused_by_its_name(shipped: Path) -> None:
    """``status_document(..., zone="Asia/Ho_Chi_Minh")``, what an analyst in Hà Nội writes
    for the plan's ``timezone: +07:00``, ended the day in UTC in silence: ``as_of_end``
    2025-12-31T23:59:59Z, where midnight in Hà Nội is 17:00 UTC, and the figures recorded in
    those seven hours were counted as known that day. ``zone=None`` or ``5`` raised
    AttributeError "'NoneType' object has no attribute 'strip'" from inside. A zone is what
    the plan's ``timezone:`` reads as (``ws.plan.timezone``), ``""`` or None for UTC; anything
    else is an ArgumentError naming ``zone``, told as ``tz`` is."""
    import pytest

    import qntrack
    from qntrack.output.documents import check_document, history_document, observations_document, show_document
    from qntrack.output.ranking import rank_document

    day = "2025-12-31"
    ws = qntrack.open_workspace("targets.yaml", as_of=day)
    judged = qntrack.assess(ws.plan, ws.series, None, day)
    (share,) = [a for a in judged if a.target.id == "cbct-share"]
    documents = {
        "status_document": lambda zone: qntrack.status_document(judged, day, zone=zone),
        "show_document": lambda zone: show_document(share, [], as_of=day, zone=zone),
        "observations_document": lambda zone: observations_document([], day, zone=zone),
        "history_document": lambda zone: history_document("fdi", [], None, day, zone=zone),
        "check_document": lambda zone: check_document(["store"], [], day, zone=zone),
        "rank_document": lambda zone: rank_document(ws.plan.target("budget-revenue-plan-2024"), [], day, zone=zone),
    }
    for name, document in documents.items():
        # 2025-12-31 ends at 24:00 in UTC, at 17:00 UTC in Hà Nội (UTC+07:00)
        assert document(None)["as_of_end"] == document("")["as_of_end"] == "2025-12-31T23:59:59Z", name
        assert document("+07:00")["as_of_end"] == "2025-12-31T16:59:59Z", name
        for zone, key in (("Asia/Ho_Chi_Minh", "timing_zone_name"), ("+25:00", "timing_zone_out_of_range")):
            with pytest.raises(qntrack.ArgumentError) as raised:
                document(zone)
            assert (raised.value.file, raised.value.key, raised.value.code) == ("zone", key, 2), name
            assert "+07:00" in str(raised.value) and zone in str(raised.value), name
        with pytest.raises(qntrack.ArgumentError) as raised:
            document(7)
        assert (raised.value.file, raised.value.key, raised.value.code) == ("zone", "library_document_zone_type", 2)
        assert "int" in str(raised.value) and "int" in raised.value.text("vi")


# --- 5. The store's rows a caller hands back --------------------------------------------------------


def test_rows_that_are_not_the_stores_are_refused_by_the_arguments_name(shipped: Path) -> None:
    """``status_document(..., observations=[None])``, ``build_report(plan, series, [row_dict])``,
    ``observations_document([1])`` and ``show_document(a, [None])`` raised AttributeError
    ("'NoneType' object has no attribute 'status'") from inside, where a list that is no
    rows (None, a path) was refused by its name and ``assess``'s series holding a None is
    (``library_series_item_type``). Each is an ArgumentError naming the argument, saying
    what it holds; a generator of the store's rows is still read once."""
    import pytest

    import qntrack
    from qntrack.output.documents import observations_document, show_document

    day = "2025-12-31"
    ws = qntrack.open_workspace("targets.yaml", as_of=day)
    judged = qntrack.assess(ws.plan, ws.series, None, day)
    (share,) = [a for a in judged if a.target.id == "cbct-share"]
    calls = {
        "observations": (
            lambda rows: qntrack.status_document(judged, day, observations=rows),
            lambda rows: qntrack.build_report(ws.plan, ws.series, rows, as_of=day),
        ),
        "rows": (lambda rows: observations_document(rows, day), lambda rows: show_document(share, rows, as_of=day)),
    }
    stored = ws.store.observations
    for name, functions in calls.items():
        for function in functions:
            for holds, kind in (([None], "NoneType"), ([stored[0], 1], "int"), ([dict(stored[0]._asdict())], "dict")):
                with pytest.raises(qntrack.ArgumentError) as raised:
                    function(holds)
                said = raised.value
                assert (said.file, said.key, said.code) == (name, "library_observations_item_type", 2)
                assert kind in str(said) and kind in said.text("vi")
            function(o for o in stored if o.indicator == "cbct_share")  # a generator: read once, taken


# --- 6. A report's days, whatever plan was read since and in whatever thread ---------------------


def test_report_files_shows_the_days_of_its_own_plan(shipped: Path) -> None:
    """``report_files`` (a report's bytes, for a web service to send) showed its "recorded"
    days in the zone of whatever plan was read last in the thread: from a worker thread
    (``ThreadPoolExecutor``) the shipped plan's workbook (``timezone: +07:00``) came out in
    UTC, its column "Figure it revised, recorded (UTC+07:00)" headed "Figure it revised,
    recorded", and so did it after another plan, with no zone, was opened. ``render`` and
    ``write_report`` set the report's own plan's zone already; now ``report_files`` does."""
    from concurrent.futures import ThreadPoolExecutor

    import qntrack
    from qntrack.output.report import report_files

    ws = qntrack.open_workspace("targets.yaml", as_of="2025-12-31")
    data = qntrack.build_report(ws.plan, ws.series, ws.store.observations, as_of="2025-12-31")

    def workbook() -> bytes:
        return report_files(data, "xlsx", "en", "review.xlsx")[0][1]

    def markdown() -> bytes:
        return report_files(data, "markdown", "en", "review.md")[-1][1]

    here = workbook(), markdown()
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(workbook).result() == here[0]
        assert pool.submit(markdown).result() == here[1]
    other = Path("utc")
    other.mkdir()
    plan = Path("targets.yaml").read_text(encoding="utf-8").replace("\ntimezone: +07:00\n", "\n")
    (other / "targets.yaml").write_text(plan, encoding="utf-8")
    qntrack.open_workspace(other / "targets.yaml")  # a plan with no zone: UTC days
    assert (workbook(), markdown()) == here


# --- 7. retract's period finer than its indicator's frequency ---------------------------------------


def test_retract_s_period_finer_than_the_frequency_is_refused_at_period(shipped: Path) -> None:
    """``retract("targets.yaml", "budget_revenue", "2025-Q1", ...)`` (a yearly indicator) was a
    bare InputError at "retract", which ``except qntrack.ArgumentError`` let through, where
    ``history`` of the same period, and ``retract``'s period not begun or of no year, are
    ArgumentErrors at ``period`` (docs/python-api.md, "Errors": one rule). Code 1, as
    ``qntrack retract budget_revenue 2025-Q1`` exits; nothing written."""
    import pytest

    import qntrack

    before = Path("observations.csv").read_bytes()
    for call in (
        lambda: qntrack.retract("targets.yaml", "budget_revenue", "2025-Q1", "x", None, None),
        lambda: qntrack.history("targets.yaml", "budget_revenue", "2025-Q1"),
    ):
        with pytest.raises(qntrack.ArgumentError) as raised:
            call()
        assert (raised.value.file, raised.value.code) == ("period", 1)
        assert "2025-Q1" in str(raised.value) and "frequency" in str(raised.value)
    assert Path("observations.csv").read_bytes() == before


# --- 8. history_document's vintages and period -----------------------------------------------------


def test_history_document_lists_the_period_it_names_and_refuses_what_is_no_vintage(shipped: Path) -> None:
    """``history_document("fdi", vintages(rows, "fdi"), Period("2025"))`` said ``"period":
    "2025"`` over the vintages of every period (13, from 2016 to 2025), and with a day and the
    period as text (``"2025"``, as ``qntrack.history`` takes it) listed none; the store's
    rows given for the vintages, None or ``[None]`` raised AttributeError or TypeError from
    inside. The period is read as ``history`` reads it and the vintages listed are its own
    (the store holds one row of fdi 2025); what is no vintages is an ArgumentError at
    ``found``."""
    import pytest

    import qntrack
    from qntrack.method.history import vintages
    from qntrack.output.documents import history_document
    from qntrack.plan.periods import parse_period

    ws = qntrack.open_workspace("targets.yaml")
    found = vintages(ws.store.observations, "fdi")
    whole = qntrack.history("targets.yaml", "fdi", "2025", as_of="2026-06-30")["vintages"]
    assert [v["period"] for v in whole] == ["2025"]
    for period in ("2025", 2025, parse_period("2025")):
        for day in (None, "2026-06-30"):
            document = history_document("fdi", found, period, day)
            assert document["period"] == "2025" and document["vintages"] == whole, (period, day)
    with pytest.raises(qntrack.ArgumentError) as raised:
        history_document("fdi", found, "2025-13")
    assert raised.value.file == "period"
    rows = [o for o in ws.store.observations if o.indicator == "fdi"]
    for wrong, kind in ((None, "NoneType"), ([None], "NoneType"), (rows, "Observation"), ("observations.csv", "str")):
        with pytest.raises(qntrack.ArgumentError) as raised:
            history_document("fdi", wrong)
        said = raised.value
        assert (said.file, said.key, said.code) == ("found", "library_vintages_type", 2)
        assert kind in str(said) and kind in said.text("vi")
    assert len(history_document("fdi", iter(found))["vintages"]) == len(found)  # an iterator: read once
