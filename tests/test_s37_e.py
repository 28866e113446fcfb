"""Pass E of session 37 (issue 17): qntrack scripted as a data journalist and a policy
analyst would, in shell pipelines and in Python. Each test was written first and seen
failing; the expected codes and figures are worked out by hand from the docs."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest

from helpers import run_clean

# --- 1. error.code is the exit code the command line gives --------------------------------

# docs/python-api.md: "The exit code the command line would give is `error.code`." A
# service that wraps the library and passes `error.code` on (`sys.exit(err.code)`, a job
# runner's status) must see what the command gives for the same thing asked. A target, an
# indicator or a unit the plan lacks is refused by the command with exit 1 (README's table:
# invalid input; json.md: "a target or indicator that does not exist"), and the command
# prints its problems document then; the library's ArgumentError said 2 (a usage error,
# after which the command prints nothing). A day or a period written wrong is a usage error
# on both sides (2).


def _library_cases() -> list[tuple[list[str], Callable[[], Any]]]:
    import qntrack
    from qntrack.files.import_tables import RowDefaults

    plan = "targets.yaml"
    return [
        (["show", "nope"], lambda: qntrack.show(plan, "nope")),
        (["show", "fdi"], lambda: qntrack.show(plan, "fdi")),
        (["rank", "nope"], lambda: qntrack.rank(plan, "nope")),
        (["rank", "cbct-share"], lambda: qntrack.rank(plan, "cbct-share")),
        (["status", "nope"], lambda: qntrack.status(plan, target_ids=["nope"])),
        (["status", "cbct_share"], lambda: qntrack.status(plan, target_ids=["cbct_share"])),
        (["history", "nope"], lambda: qntrack.history(plan, "nope")),
        (["history", "cbct-share"], lambda: qntrack.history(plan, "cbct-share")),
        (
            ["history", "budget_revenue", "2024", "--dim", "locality=Nowhere"],
            lambda: qntrack.history(plan, "budget_revenue", "2024", dim="locality=Nowhere"),
        ),
        (
            ["history", "budget_revenue", "2024", "--dim", "region=X"],
            lambda: qntrack.history(plan, "budget_revenue", "2024", dim="region=X"),
        ),
        (
            ["history", "budget_revenue[locality=Nowhere]"],
            lambda: qntrack.history(plan, "budget_revenue[locality=Nowhere]"),
        ),
        (
            ["retract", "budget_revenue", "2024", "--dim", "locality=Nowhere", "-n"],
            lambda: qntrack.retract(
                plan, "budget_revenue", "2024", None, None, None, dims={"locality": "Nowhere"}, dry_run=True
            ),
        ),
        (["history", "budget_revenue[locality"], lambda: qntrack.history(plan, "budget_revenue[locality")),
        (["history", "fdi", "2025-Q5"], lambda: qntrack.history(plan, "fdi", "2025-Q5")),
        (["status", "--as-of", "2024-13-01"], lambda: qntrack.status(plan, as_of="2024-13-01")),
        (["show", "cbct-share", "--as-of", "tomorrow"], lambda: qntrack.show(plan, "cbct-share", as_of="tomorrow")),
        # retract's own arguments, made ArgumentErrors by pass A of the same session: the
        # command refuses each as invalid input (1) but a zone it cannot read (2).
        (
            ["retract", "nope", "2025", "-n"],
            lambda: qntrack.retract(plan, "nope", "2025", None, None, None, dry_run=True),
        ),
        (
            ["retract", "fdi", "2099", "-n"],
            lambda: qntrack.retract(plan, "fdi", "2099", None, None, None, dry_run=True),
        ),
        (
            ["retract", "fdi", "2025-Q5", "-n"],
            lambda: qntrack.retract(plan, "fdi", "2025-Q5", None, None, None, dry_run=True),
        ),
        (["retract", "fdi", "H1", "-n"], lambda: qntrack.retract(plan, "fdi", "H1", None, None, None, dry_run=True)),
        (
            ["retract", "fdi", "2024", "--recorded-at", "2024-13-01", "-n"],
            lambda: qntrack.retract(plan, "fdi", "2024", None, None, "2024-13-01", dry_run=True),
        ),
        (
            ["retract", "fdi", "2024", "--tz", "+99:00", "-n"],
            lambda: qntrack.retract(plan, "fdi", "2024", None, None, None, tz="+99:00", dry_run=True),
        ),
        (
            ["add-observation", "fdi", "2025", "1", "--tz", "+99:00", "-n"],
            lambda: qntrack.record_many(
                plan, [{"indicator": "fdi", "period": "2025", "value": "1"}], tz="+99:00", dry_run=True
            ),
        ),
        (
            ["add-observation", "fdi", "2025", "1", "--recorded-at", "2024-13-01", "-n"],
            lambda: qntrack.record_many(
                plan, [{"indicator": "fdi", "period": "2025", "value": "1"}], now="2024-13-01", dry_run=True
            ),
        ),
        (
            ["add-observation", "--from", "f.csv", "--status", "KH", "-n"],
            lambda: qntrack.import_observations(plan, "f.csv", defaults=RowDefaults(status="KH"), dry_run=True),
        ),
        (
            ["add-observation", "--from", "f.csv", "--recorded-at", "2024-13-01", "-n"],
            lambda: qntrack.import_observations(
                plan, "f.csv", defaults=RowDefaults(recorded_at="2024-13-01"), dry_run=True
            ),
        ),
        (
            ["add-observation", "--from", "f.csv", "--sheet", "X", "-n"],
            lambda: qntrack.import_observations(plan, "f.csv", sheet="X", dry_run=True),
        ),
    ]


@pytest.mark.parametrize("k", range(len(_library_cases())))
def test_the_library_error_code_is_the_command_exit_code(shipped: Path, k: int) -> None:
    import qntrack

    args, call = _library_cases()[k]
    Path("f.csv").write_text("indicator,period,value\nfdi,2025,1\n", encoding="utf-8")  # an import's file
    r = run_clean(*args)
    assert r.exit_code in (1, 2), (args, r.exit_code, r.output)
    with pytest.raises(qntrack.InputError) as caught:
        call()
    assert int(caught.value.code) == r.exit_code, (args, str(caught.value))


@pytest.mark.parametrize("target", ["nope", "fdi"])
def test_an_unknown_target_in_a_report_has_the_command_code(shipped: Path, target: str) -> None:
    # report nope: exit 1 (README: invalid input); build_report(target_ids=["nope"]) too.
    import qntrack
    from qntrack.output.report import build_report

    assert run_clean("report", target).exit_code == 1
    ws = qntrack.open_workspace("targets.yaml", as_of="2025-12-31")
    with pytest.raises(qntrack.InputError) as caught:
        build_report(ws.plan, ws.series, ws.store.observations, target_ids=[target], as_of="2025-12-31")
    assert int(caught.value.code) == 1, str(caught.value)


DERIVED_PLAN = """\
indicators:
  grdp: {name: GRDP, unit: billion VND, measure: flow}
  pop: {name: Population, unit: thousand people}
  per_capita: {name: GRDP per capita, unit: million VND, formula: grdp / pop}
targets:
  - {id: grdp-2026, type: plan, indicator: grdp, period: 2026, value: 1000}
"""


def test_a_derived_indicator_history_has_the_command_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `history per_capita`: a derived indicator has no vintages of its own, refused as
    # invalid input (exit 1); the library's ArgumentError said 2.
    import qntrack
    from conftest import STORE_HEADER, make_tracker

    make_tracker(tmp_path, monkeypatch, DERIVED_PLAN, STORE_HEADER)
    r = run_clean("history", "per_capita")
    assert r.exit_code == 1, r.output
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.history("targets.yaml", "per_capita")
    assert (caught.value.file, int(caught.value.code)) == ("indicator", 1), str(caught.value)


# --- 2. history's dim text without '=' is told its form, not that text is the wrong type --

# docs/python-api.md: `dim` may be a dict, (dimension, unit) pairs, or "dimension=unit"
# texts. A notebook's dim="locality" (the unit forgotten) or dim="Cẩm Phả" (the dimension
# forgotten) was told "'locality' is of type str, not a unit's dimensions: give a dict ...
# or a list of (dimension, unit) pairs": a text is taken, and the form it needs was not
# said. The command says "'locality' is not DIMENSION=UNIT; write e.g. --dim locality=NAME".


@pytest.mark.parametrize("typed", ["locality", "Cẩm Phả", "locality=", "=Cẩm Phả"])
def test_a_dim_text_without_its_pair_is_told_the_form(shipped: Path, typed: str) -> None:
    import qntrack

    with pytest.raises(qntrack.InputError) as caught:
        qntrack.history("targets.yaml", "budget_revenue", "2024", dim=typed)
    error = caught.value
    assert (error.file, error.key, int(error.code)) == ("dim", "library_dim_form", 2)
    assert str(error) == (
        f"dim: error: '{typed}' is not DIMENSION=UNIT; write e.g. dim=\"locality=NAME\" or "
        'dim={"locality": "NAME"}, the unit as targets.yaml spells it'
    )
    assert error.text("vi") == (
        f"dim: lỗi: '{typed}' không có dạng CHIỀU=ĐƠN_VỊ; hãy viết như dim=\"locality=Hạ Long\" "
        'hoặc dim={"locality": "Hạ Long"}, đơn vị viết như trong targets.yaml'
    )
    # In a list of texts, the same.
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.history("targets.yaml", "budget_revenue", "2024", dim=[typed])
    assert caught.value.key == "library_dim_form"
