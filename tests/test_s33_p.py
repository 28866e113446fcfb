"""The library as a hostile notebook user calls it, three sessions after pass P (issue 17,
thirty-third session, pass P): a researcher or a data journalist in Jupyter, using only
docs/python-api.md, giving each function what a notebook holds (a generator of ids, an
int for a zone, None for a setting).

Each test is a defect found so: a documented argument of the wrong kind raised a bare
TypeError or AttributeError from inside, or, worse, was read silently as something else
(a generator of ids judged no target at all; ``jump_factor=float("nan")`` turned the
jump check off)."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest

import qntrack
from qntrack.output import documents
from qntrack.errors import ArgumentError

ROW = {
    "indicator": "budget_revenue",
    "period": "2025",
    "value": "84500",
    "status": "estimate",
    "source": "https://example.org/budget-2025",
}


def _store_digest() -> str:
    return hashlib.sha256(Path("observations.csv").read_bytes()).hexdigest()


# -- target ids and check names given as a generator -------------------------------------


def test_status_reads_a_generator_of_ids_as_the_same_list(shipped: Path) -> None:
    # A generator was consumed by the check for unknown ids, and the targets were then
    # picked from an empty iterator: no target at all, and no word of it.
    ids = ["cbct-share", "grdp-per-capita"]
    doc = qntrack.status("targets.yaml", target_ids=(i for i in ids))
    assert [t["id"] for t in doc["targets"]] == ids


def test_status_refuses_a_generator_of_unknown_ids_as_it_refuses_the_list(shipped: Path) -> None:
    # (i for i in ["zzz"]) gave an empty document where ["zzz"] is told "no target zzz".
    with pytest.raises(ArgumentError) as caught:
        qntrack.status("targets.yaml", target_ids=(i for i in ["zzz"]))
    assert caught.value.file == "target_ids"
    assert caught.value.key == "kinds_unknown_targets"


def test_status_refuses_a_generator_of_numbers_by_its_name(shipped: Path) -> None:
    # A column of numbers read as ids: an empty document, where [1] is refused.
    with pytest.raises(ArgumentError) as caught:
        qntrack.status("targets.yaml", target_ids=(i for i in [1]))
    assert caught.value.file == "target_ids"
    assert caught.value.key == "library_texts_type"


def test_an_empty_generator_of_ids_is_what_an_empty_list_is(shipped: Path) -> None:
    # [] judged every target and iter([]) none: the same ids, two answers. Both are now
    # refused alike (thirty-fourth session: an empty selection is no filter).
    for empty in (iter([]), []):
        with pytest.raises(ArgumentError) as caught:
            qntrack.status("targets.yaml", target_ids=empty)
        assert caught.value.key == "library_target_ids_empty"


def test_assess_refuses_none_among_the_ids_by_its_name(shipped: Path) -> None:
    # [None] passed the check (None was its "nothing wrong") and a join's TypeError came out.
    ws = qntrack.open_workspace("targets.yaml")
    with pytest.raises(ArgumentError) as caught:
        qntrack.assess(ws.plan, ws.series, [None])  # type: ignore[list-item]
    assert caught.value.file == "target_ids"
    assert caught.value.key == "library_texts_type"


def test_run_checks_refuses_a_generator_of_numbers_by_its_name(shipped: Path) -> None:
    # "'int' object is not iterable" from inside the check's lookup.
    with pytest.raises(ArgumentError) as caught:
        qntrack.run_checks("targets.yaml", names=(n for n in [1]))
    assert caught.value.file == "names"


def test_run_checks_reads_a_generator_of_names(shipped: Path) -> None:
    as_list = qntrack.run_checks("targets.yaml", names=["jump"], today="2026-01-15")
    assert qntrack.run_checks("targets.yaml", names=(n for n in ["jump"]), today="2026-01-15") == as_list


# -- run_checks' jump_factor -------------------------------------------------------------


@pytest.mark.parametrize("factor", [float("nan"), float("inf"), 1, 0.5, 0, -1, "x", None, True, "5"])
def test_run_checks_refuses_a_jump_factor_check_jump_factor_refuses(shipped: Path, factor: object) -> None:
    # "x" and None raised "'>' not supported between 'float' and 'str'"; nan and inf were
    # taken and turned the jump check off, 0 and -1 flagged every figure: `check
    # --jump-factor` refuses each (a finite number greater than 1), exit 2.
    with pytest.raises(ArgumentError) as caught:
        qntrack.run_checks("targets.yaml", jump_factor=factor)  # type: ignore[arg-type]
    assert caught.value.file == "jump_factor"
    assert caught.value.key == "cli_bad_jump_factor"
    assert "greater than 1" in caught.value.text("en")
    assert "lớn hơn 1" in caught.value.text("vi")


@pytest.mark.parametrize("factor", [5, 5.0, Decimal("5")])
def test_run_checks_takes_a_jump_factor_as_any_real_number(shipped: Path, factor: object) -> None:
    assert qntrack.run_checks("targets.yaml", jump_factor=factor) == qntrack.run_checks("targets.yaml")  # type: ignore[arg-type]


# -- record_many's and retract's tz and undated ------------------------------------------


@pytest.mark.parametrize("tz", [7, b"+07:00", 7.0])
def test_record_many_refuses_a_zone_that_is_no_text_by_its_name(shipped: Path, tz: object) -> None:
    # tz=7 raised "'int' object has no attribute 'strip'"; import_observations names it.
    before = _store_digest()
    row = {**ROW, "recorded_at": "2026-02-20 10:00"}
    with pytest.raises(ArgumentError) as caught:
        qntrack.record_many("targets.yaml", [row], tz=tz)  # type: ignore[arg-type]
    assert caught.value.file == "tz"
    assert caught.value.key == "library_zone_type"
    assert _store_digest() == before


def test_retract_refuses_a_zone_that_is_no_text_by_its_name(shipped: Path) -> None:
    before = _store_digest()
    with pytest.raises(ArgumentError) as caught:
        qntrack.retract("targets.yaml", "budget_revenue", "2025", "s", "n", "2026-01-01 10:00", tz=7)  # type: ignore[arg-type]
    assert caught.value.file == "tz"
    assert _store_digest() == before


@pytest.mark.parametrize("undated", [5, 2026.0, ["2026-02-20T00:00:00Z"]])
def test_record_many_refuses_an_undated_that_is_no_moment_by_its_name(shipped: Path, undated: object) -> None:
    # "'int' object has no attribute 'strip'" from inside.
    before = _store_digest()
    with pytest.raises(ArgumentError) as caught:
        qntrack.record_many("targets.yaml", [ROW], undated=undated)  # type: ignore[arg-type]
    assert caught.value.file == "undated"
    assert _store_digest() == before


def test_record_many_reads_an_aware_datetime_as_undated_as_it_reads_now(shipped: Path) -> None:
    # "'datetime.datetime' object has no attribute 'strip'": `now` takes one, `undated` is
    # the same kind of moment (the stamp of the rows given none).
    moment = datetime(2026, 2, 20, 8, 0, tzinfo=timezone.utc)
    done = qntrack.record_many("targets.yaml", [ROW], dry_run=True, undated=moment)
    assert done.rows[0].recorded_at == "2026-02-20T08:00:00Z"


# -- a refusal whose fix is force says the argument, not the command's --force -----------


def test_record_many_tells_a_period_not_begun_to_pass_force_true(shipped: Path) -> None:
    # "period 2030 has not begun ...; --force records it as it is": the command's option,
    # where the library takes force=True (tz="+07:00" is said so since the thirtieth session).
    row = {**ROW, "period": "2030", "recorded_at": "2026-02-20T00:00:00Z"}
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.record_many("targets.yaml", [row])
    assert caught.value.key == "recording_force_hint"  # what a program tests: unchanged
    english, vietnamese = caught.value.text("en"), caught.value.text("vi")
    assert "force=True records it as it is" in english and "--force" not in english
    assert "force=True" in vietnamese and "--force" not in vietnamese


def test_retract_with_force_and_nothing_in_the_future_says_force_true(shipped: Path) -> None:
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.retract("targets.yaml", "budget_revenue", "2025", "typo", "", None, force=True)
    assert caught.value.key == "recording_retract_force_not_future"
    english, vietnamese = caught.value.text("en"), caught.value.text("vi")
    assert "leave out force=True" in english and "--force" not in english
    assert "force=True" in vietnamese and "--force" not in vietnamese


def test_retract_of_a_figure_dated_in_the_future_says_force_true(shipped: Path) -> None:
    # "'qntrack retract budget_revenue 2025 --force' withdraws it": a command to type, told
    # to a Python caller, who passes force=True.
    with open("observations.csv", "a", encoding="utf-8", newline="") as fh:
        fh.write("budget_revenue,2025,84700,estimate,x,,2099-01-01T00:00:00Z\n")
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.retract("targets.yaml", "budget_revenue", "2025", "typo", "", None)
    assert caught.value.key == "recording_retract_future_vintage"
    english, vietnamese = caught.value.text("en"), caught.value.text("vi")
    assert "force=True" in english and "--force" not in english and "qntrack retract" not in english
    assert "force=True" in vietnamese and "--force" not in vietnamese


def test_record_many_warns_of_a_future_vintage_in_the_callers_words(shipped: Path) -> None:
    # The warning of a figure recorded after a vintage dated in the future said "with
    # --force ... (as retract --force does)" to a caller who had passed force=True.
    with open("observations.csv", "a", encoding="utf-8", newline="") as fh:
        fh.write("budget_revenue,2025,84700,estimate,x,,2099-01-01T00:00:00Z\n")
    row = {**ROW, "value": "84800"}
    done = qntrack.record_many("targets.yaml", [row], dry_run=True, force=True)
    (warning,) = done.warnings
    assert warning.message.id == "recording_forced_after_future"
    english, vietnamese = warning.text("en"), warning.text("vi")
    assert "with force=True this figure is recorded one second after it" in english
    assert "--force" not in english and "--force" not in vietnamese and "force=True" in vietnamese
    assert done.rows[0].recorded_at == "2099-01-01T00:00:01Z"


# -- status_document given what a notebook holds -----------------------------------------


def test_status_document_reads_a_generator_of_assessments_as_their_list(shipped: Path) -> None:
    # (a for a in judged if ...) with the store's rows: the generator was spent working out
    # what each figure revised, and the document came out with no target at all.
    ws = qntrack.open_workspace("targets.yaml", as_of="2025-12-31")
    judged = qntrack.assess(ws.plan, ws.series, None, "2025-12-31")
    as_list = qntrack.status_document(judged, "2025-12-31", observations=ws.store.observations)
    as_generator = qntrack.status_document((a for a in judged), "2025-12-31", observations=ws.store.observations)
    assert len(as_list["targets"]) == len(judged) == 23
    assert as_generator == as_list


@pytest.mark.parametrize("assessments", [None, 5, "targets.yaml", [1], {"a": 1}])
def test_status_document_refuses_what_is_no_assessments_by_name(shipped: Path, assessments: object) -> None:
    # None and 5 raised "object is not iterable", a path or [1] "has no attribute 'target'".
    with pytest.raises(ArgumentError) as caught:
        qntrack.status_document(assessments)  # type: ignore[arg-type]
    assert caught.value.file == "assessments"
    assert caught.value.key == "library_assessments_type"
    assert "qntrack.assess" in caught.value.text("en") and "qntrack.assess" in caught.value.text("vi")


@pytest.mark.parametrize("observations", [5, "observations.csv"])
def test_status_document_refuses_observations_that_are_no_rows_by_name(shipped: Path, observations: object) -> None:
    with pytest.raises(ArgumentError) as caught:
        qntrack.status_document([], observations=observations)  # type: ignore[arg-type]
    assert caught.value.file == "observations"


# -- the documents of qntrack.output.documents given what a notebook holds ----------------


def test_check_document_of_one_check_named_as_text_lists_that_check(shipped: Path) -> None:
    # check_document("jump", problems) listed the checks "j", "u", "m", "p": a text read
    # letter by letter, in silence, where run_checks(names="jump") reads one name.
    doc = documents.check_document("jump", [])
    assert doc["checks"] == ["jump"]


def test_check_document_of_none_is_what_check_prints(shipped: Path) -> None:
    # None raised "'NoneType' object is not iterable"; it is now the checks run_checks runs
    # given names=None, so the pair of calls prints what `check --format json` prints.
    from helpers import run

    with open("observations.csv", "a", encoding="utf-8", newline="") as fh:
        fh.write("grdp_growth,2024,abc,official,x,,2025-01-01T00:00:00Z\n")
    printed = run("check", "--format", "json")
    assert printed.exit_code == 1
    problems = qntrack.run_checks("targets.yaml")
    assert qntrack.to_json(documents.check_document(None, problems)) == printed.stdout


@pytest.mark.parametrize("problems", [None, 5, "observations.csv"])
def test_check_document_refuses_problems_that_are_none_by_name(shipped: Path, problems: object) -> None:
    with pytest.raises(ArgumentError) as caught:
        documents.check_document(["jump"], problems)  # type: ignore[arg-type]
    assert caught.value.file == "problems"
    assert "run_checks" in caught.value.text("en") and "run_checks" in caught.value.text("vi")


@pytest.mark.parametrize("make", [documents.indicators_document, documents.targets_document])
def test_plan_documents_refuse_a_path_where_the_plan_goes(shipped: Path, make: object) -> None:
    # "'str' object has no attribute 'indicators'": the plan's path is what a caller has.
    with pytest.raises(ArgumentError) as caught:
        make("targets.yaml")  # type: ignore[operator]
    assert caught.value.file == "plan"
    assert caught.value.key == "library_plan_type"


@pytest.mark.parametrize("rows", [None, "observations.csv", 5])
def test_observations_document_refuses_what_is_no_rows_by_name(shipped: Path, rows: object) -> None:
    with pytest.raises(ArgumentError) as caught:
        documents.observations_document(rows)  # type: ignore[arg-type]
    assert caught.value.file == "rows"


@pytest.mark.parametrize("assessment", [None, "cbct-share", []])
def test_show_document_refuses_what_is_no_target_judged_by_name(shipped: Path, assessment: object) -> None:
    # "'NoneType' object has no attribute 'target'" from inside.
    with pytest.raises(ArgumentError) as caught:
        documents.show_document(assessment, [])  # type: ignore[arg-type]
    assert caught.value.file == "assessment"
    assert "qntrack.assess" in caught.value.text("en")


def test_history_document_refuses_an_indicator_that_is_no_text_by_name(shipped: Path) -> None:
    with pytest.raises(ArgumentError) as caught:
        documents.history_document(None, [])  # type: ignore[arg-type]
    assert caught.value.file == "indicator"


# -- build_report's since, after the day the report speaks of -----------------------------


@pytest.mark.parametrize(
    ("as_of", "today", "key"),
    [
        ("2025-01-01", None, "cli_since_not_before"),
        ("2025-06-30", None, "cli_since_not_before"),
        (None, "2025-01-01", "cli_since_not_before_today"),
    ],
)
def test_build_report_refuses_a_since_not_before_its_day(shipped: Path, as_of: object, today: object, key: str) -> None:
    # `report --since 2025-06-30 --as-of 2025-01-01` is refused ("the review date comes
    # first"); build_report made a report whose "since the last review" began after it.
    ws = qntrack.open_workspace("targets.yaml", as_of=as_of)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError) as caught:
        qntrack.build_report(ws.plan, ws.series, ws.store.observations, as_of=as_of, since="2025-06-30", today=today)  # type: ignore[arg-type]
    assert caught.value.file == "since"
    assert caught.value.key == key
    english = caught.value.text("en")
    assert "2025-06-30 is not before" in english and "--as-of" not in english
    assert "--as-of" not in caught.value.text("vi")


def test_build_report_takes_a_since_before_its_day(shipped: Path) -> None:
    ws = qntrack.open_workspace("targets.yaml", as_of="2025-12-31")
    data = qntrack.build_report(ws.plan, ws.series, ws.store.observations, as_of="2025-12-31", since="2025-06-30")
    assert data.since is not None


def test_import_observations_warns_of_a_future_vintage_in_the_callers_words(shipped: Path) -> None:
    # import_observations(..., force=True) said "with --force ... (as retract --force does)",
    # as record_many did.
    with open("observations.csv", "a", encoding="utf-8", newline="") as fh:
        fh.write("budget_revenue,2025,84700,estimate,x,,2099-01-01T00:00:00Z\n")
    Path("so-lieu.csv").write_text("indicator,period,value,status,source\nbudget_revenue,2025,84800,estimate,y\n")
    done = qntrack.import_observations("targets.yaml", "so-lieu.csv", dry_run=True, force=True)
    (warning,) = done.warnings
    assert warning.message.id == "recording_forced_after_future"
    assert "with force=True" in warning.text("en") and "--force" not in warning.text("en")
    assert "--force" not in warning.text("vi")
    assert warning.location.file == "so-lieu.csv" and warning.location.line == 2
