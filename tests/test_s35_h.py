"""Thirty-fifth session, pass H (issue 17): a statistics office's analyst who drives qntrack
from Python (a notebook, a nightly job), following docs/python-api.md and docs/json.md.

Expected values are read off the shipped data by hand (observations.csv, targets.yaml) or
worked in each test; none is copied from qntrack's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import qntrack
from qntrack.errors import ArgumentError

# --- An empty day from a notebook's cell -------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: qntrack.status("targets.yaml", as_of=""),
        lambda: qntrack.assessed("targets.yaml", as_of=""),
        lambda: qntrack.open_workspace("targets.yaml", as_of=""),
        lambda: qntrack.reference_day(""),
        lambda: qntrack.run_checks("targets.yaml", as_of=""),
        lambda: qntrack.run_checks("targets.yaml", today=""),
    ],
    ids=["status", "assessed", "open_workspace", "reference_day", "run_checks-as_of", "run_checks-today"],
)
def test_an_empty_day_is_refused_by_its_name_not_read_as_today(shipped: Path, call) -> None:
    """`as_of=cell.strip()` of an empty cell judged the plan as of today's clock in silence
    (`status(as_of="")` printed `"as_of": null`), where `--as-of ""` is refused, `today=""`
    of `assess` was refused and `as_of="  "` too: a day not given is `None`."""
    with pytest.raises(qntrack.InputError) as caught:
        call()
    problem = caught.value.problems[0]
    assert problem.location.file in ("as_of", "today")
    assert caught.value.key == "cli_not_a_date"
    assert "''" in str(caught.value)


def test_an_empty_day_is_refused_by_the_documents_and_the_report(shipped: Path) -> None:
    from qntrack.output.documents import check_document, history_document

    ws = qntrack.open_workspace("targets.yaml")
    for call in (
        lambda: qntrack.status_document([], "", "t", "group", None),
        lambda: history_document("fdi", [], None, ""),
        lambda: check_document(None, [], ""),
        lambda: qntrack.build_report(ws.plan, ws.series, ws.store.observations, as_of=""),
        lambda: qntrack.build_report(ws.plan, ws.series, ws.store.observations, since=""),
    ):
        with pytest.raises(qntrack.InputError) as caught:
            call()
        assert caught.value.key == "cli_not_a_date"


# --- One target judged on rows a caller put together -------------------------------------


def _cbct(ws):
    target = ws.plan.target("cbct-share")
    return target, ws.plan.indicators[target.indicator], ws.series[target.series_key]


def test_assess_target_reads_its_rows_in_period_order_whatever_order_they_come_in(shipped: Path) -> None:
    """A notebook that lists the latest year first (pandas' `sort_values(ascending=False)`)
    got cbct-share `not_available`, its latest figure 2020, where the rows in period order
    give moderate progress on 2023's 12.3 % (methodology.md, worked example 1: P 0.885)."""
    ws = qntrack.open_workspace("targets.yaml", as_of="2024-12-31")
    target, indicator, rows = _cbct(ws)
    newest_first = qntrack.assess_target(target, indicator, list(reversed(rows)), "2024-12-31")
    assert newest_first.status.value == "moderate_progress"
    assert newest_first.latest is not None
    assert (str(newest_first.latest.period), newest_first.latest.value) == ("2023", 12.3)
    assert round(newest_first.score, 2) == 2.04


def test_assess_target_refuses_two_figures_for_one_period(shipped: Path) -> None:
    """Every vintage of the store (`ws.store.observations` filtered by indicator) is not the
    series in force: grdp_growth 2022-H1, 2023 (11.02, then its revision 11.03) and 2024-Q1
    are there twice each, and the target was judged on whichever came last in the list, in
    silence. The first of them in period order is named."""
    ws = qntrack.open_workspace("targets.yaml")
    target = ws.plan.target("grdp-double-digit")
    every_vintage = [o for o in ws.store.observations if o.indicator == "grdp_growth"]
    with pytest.raises(ArgumentError) as caught:
        qntrack.assess_target(target, ws.plan.indicators["grdp_growth"], every_vintage)
    assert caught.value.problems[0].location.file == "rows"
    assert caught.value.key == "library_rows_period_twice"
    assert "two figures for 2022-H1" in str(caught.value) and "ws.series" in str(caught.value)


@pytest.mark.parametrize(
    ("argument", "wrong"),
    [
        ("target", "cbct-share"),
        ("target", None),
        ("indicator", "cbct_share"),
        ("indicator", None),
        ("rows", None),
        ("rows", "2020,9.8"),
        ("rows", ["2020,9.8"]),
        ("rows", {"cbct_share": []}),
    ],
)
def test_assess_target_names_an_argument_of_another_kind(shipped: Path, argument: str, wrong: object) -> None:
    """A target's id for `target`, an indicator's id for `indicator`, None or the whole
    series for `rows` raised "'str' object has no attribute 'kind'" (or 'adds_up',
    'period') from deep inside the core."""
    ws = qntrack.open_workspace("targets.yaml")
    target, indicator, rows = _cbct(ws)
    given = {"target": target, "indicator": indicator, "rows": rows, argument: wrong}
    with pytest.raises(ArgumentError) as caught:
        qntrack.assess_target(given["target"], given["indicator"], given["rows"])
    assert caught.value.problems[0].location.file == argument
    kind = type(wrong[0] if isinstance(wrong, list) else wrong).__name__
    assert f" {kind}" in str(caught.value)
    assert caught.value.text("vi") != str(caught.value)


def test_assess_target_refuses_another_indicator_or_another_series(shipped: Path) -> None:
    """fdi's indicator for the CBCT share target, or the GRDP growth rows, judged the
    target on the wrong figures in silence (a score of 5 on growth rates)."""
    ws = qntrack.open_workspace("targets.yaml")
    target, indicator, rows = _cbct(ws)
    with pytest.raises(ArgumentError) as caught:
        qntrack.assess_target(target, ws.plan.indicators["fdi"], rows)
    assert caught.value.problems[0].location.file == "indicator"
    assert "'fdi'" in str(caught.value) and "'cbct_share'" in str(caught.value)
    with pytest.raises(ArgumentError) as caught:
        qntrack.assess_target(target, indicator, ws.series["grdp_growth"])
    assert caught.value.problems[0].location.file == "rows"
    assert "grdp_growth" in str(caught.value) and "cbct_share" in str(caught.value)
