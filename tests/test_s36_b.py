"""Thirty-sixth session, pass B (issue 17): the Python library of a national office's analyst
who scripts qntrack from a notebook or a nightly job (docs/python-api.md): ``history`` and
``rank`` as the commands answer them, ``retract``'s unit refused by its argument's name,
``assess`` on a caller's series in any order, and the library's answers frozen.

Expected values are read off the shipped data or the plan below by hand; none is copied
from qntrack's output.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

import qntrack
from qntrack.errors import ArgumentError

# Forest cover by province, revised; exports by quarter, one quarter revised (260 -> 250),
# Hà Nội's 2024 revised (650 -> 640) and Huế's 2024 figure (90) withdrawn on 2025-04-01;
# a derived indicator (exports per forest point) whose history is refused. By hand, as of
# 2025-12-31, exports-2024 ranks Hà Nội first (640 of its own plan of 600, 106.7 %), then
# Quảng Ninh (500, no plan of its own); Huế has no figure (withdrawn).
PLAN = """\
title: Provinces
dimensions:
  province:
    name: {en: Province, vi: "Tỉnh"}
    values: ["Quảng Ninh", "Hà Nội", "Huế"]
indicators:
  share: {name: {en: Forest cover, vi: Tỷ lệ che phủ rừng}, unit: "%", dimensions: [province]}
  exports:
    name: {en: Exports, vi: Xuất khẩu}
    unit: {en: million USD, vi: triệu USD}
    measure: flow
    frequency: quarter
    dimensions: [province]
  per_share:
    name: {en: Exports per forest point, vi: Xuất khẩu trên một điểm che phủ rừng}
    unit: {en: million USD, vi: triệu USD}
    frequency: year
    formula: exports / share
targets:
  - id: forest-2025
    indicator: share
    baseline: 2020
    milestones: [{by: 2025, value: 15.5}, {by: 2030, value: 18}]
    for_each: province
    overrides:
      "Huế": {milestones: [{by: 2025, value: 14}]}
  - id: exports-2024
    type: plan
    indicator: exports
    period: 2024
    value: 1000
    for_each: province
    overrides:
      "Hà Nội": {value: 600}
  - id: exports-total
    type: cumulative
    indicator: exports
    from: 2021
    to: 2025
    at_least: 4000
"""
STORE = """\
indicator,period,value,status,source,note,recorded_at
share,2020,12.0,official,gso,,2021-03-01T00:00:00Z
share,2023,13.5,estimate,gso,,2024-01-10T00:00:00Z
share,2023,13.7,official,gso,,2024-06-10T00:00:00Z
share,2024,14.1,estimate,gso,,2025-01-10T00:00:00Z
share[province=Quảng Ninh],2020,11.0,official,qn,,2021-03-01T00:00:00Z
share[province=Quảng Ninh],2024,12.25,estimate,qn,,2025-01-10T00:00:00Z
share[province=Quảng Ninh],2024,12.5,official,qn,,2025-05-10T00:00:00Z
share[province=Hà Nội],2020,14.0,official,hn,,2021-03-01T00:00:00Z
share[province=Hà Nội],2024,16.0,official,hn,,2025-02-10T00:00:00Z
share[province=Huế],2020,10.0,official,hue,,2021-03-01T00:00:00Z
exports,2021,700,official,gso,,2022-02-01T00:00:00Z
exports,2022,800,official,gso,,2023-02-01T00:00:00Z
exports,2023,850,official,gso,,2024-02-01T00:00:00Z
exports,2024-Q1,200,estimate,gso,,2024-04-05T00:00:00Z
exports,2024-Q2,260,estimate,gso,,2024-07-05T00:00:00Z
exports,2024-Q3,300,estimate,gso,,2024-10-05T00:00:00Z
exports,2024-Q4,320,estimate,gso,,2025-01-05T00:00:00Z
exports,2024-Q2,250,official,gso,revised,2024-09-05T00:00:00Z
exports[province=Quảng Ninh],2024,500,official,qn,,2025-02-01T00:00:00Z
exports[province=Hà Nội],2024,650,official,hn,,2025-02-01T00:00:00Z
exports[province=Hà Nội],2024,640,official,hn,,2025-03-01T00:00:00Z
exports[province=Huế],2024,90,estimate,hue,,2025-02-01T00:00:00Z
exports[province=Huế],2024,,retracted,hue,typed twice,2025-04-01T00:00:00Z
"""
DAYS = [None, "2024-10-01", "2025-03-15", "2025-12-31"]


@pytest.fixture
def own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


def _printed(*args: str, as_of: str | None):
    from helpers import run_clean

    day = ["--as-of", as_of] if as_of else []
    return run_clean(*args, "--format", "json", *day)


def _same_as_command(command: str, args: tuple[str, ...], call, as_of: str | None) -> None:
    """The library's answer is what the command prints with --format json (as a Python
    object, and as text byte for byte), or both refuse it with the same message."""
    printed = _printed(command, *args, as_of=as_of)
    if printed.exit_code == 0:
        answer = call()
        assert answer == json.loads(printed.stdout), (command, args, as_of)
        assert qntrack.to_json(answer) == printed.stdout, (command, args, as_of)
        return
    with pytest.raises(qntrack.InputError) as caught:
        call()
    # The same message (its words after the place, which names the argument, not the
    # command line's option or file).
    said = caught.value.problems[0].message
    words = said.text("en") if hasattr(said, "text") else str(said)
    assert words.split(";")[0] in printed.output, (command, args, as_of, words, printed.output)


def _every_history(folder: Path, as_of: str | None) -> None:
    ws = qntrack.open_workspace("targets.yaml")
    units = {o.indicator for o in ws.store.observations if "[" in o.indicator}
    for indicator in [*ws.plan.indicators, *sorted(units)]:
        _same_as_command(
            "history", (indicator,), lambda i=indicator: qntrack.history("targets.yaml", i, as_of=as_of), as_of
        )


def _every_rank(folder: Path, as_of: str | None) -> None:
    ws = qntrack.open_workspace("targets.yaml")
    for target in ws.plan.targets:
        _same_as_command("rank", (target.id,), lambda t=target.id: qntrack.rank("targets.yaml", t, as_of=as_of), as_of)


# --- 1. history() and rank(), the commands' answers --------------------------------------


@pytest.mark.parametrize("as_of", [None, "2023-11-25", "2025-12-31"])
def test_history_is_the_commands_for_every_shipped_indicator_and_unit(shipped: Path, as_of: str | None) -> None:
    _every_history(shipped, as_of)


@pytest.mark.parametrize("as_of", DAYS)
def test_history_is_the_commands_on_a_plan_of_units_revisions_and_a_retraction(own: Path, as_of: str | None) -> None:
    _every_history(own, as_of)


@pytest.mark.parametrize("as_of", [None, "2023-11-25", "2025-12-31"])
def test_rank_is_the_commands_for_every_shipped_target(shipped: Path, as_of: str | None) -> None:
    _every_rank(shipped, as_of)


@pytest.mark.parametrize("as_of", DAYS)
def test_rank_is_the_commands_on_a_plan_of_units_revisions_and_a_retraction(own: Path, as_of: str | None) -> None:
    _every_rank(own, as_of)


def test_history_of_a_unit_and_a_period_by_its_arguments(own: Path) -> None:
    """Hà Nội's 2024 exports: 640 in force, revising 650 (by hand, from the store above);
    the unit given as `dim` (a dict, pairs, or `--dim`'s text) or in the id's brackets."""
    for call in (
        lambda: qntrack.history("targets.yaml", "exports", "2024", dim={"province": "Hà Nội"}),
        lambda: qntrack.history("targets.yaml", "exports", 2024, dim=[("province", "Hà Nội")]),
        lambda: qntrack.history("targets.yaml", "exports", "2024", dim=["province=Hà Nội"]),
        lambda: qntrack.history("targets.yaml", "exports[province=Hà Nội]", "2024"),
    ):
        doc = call()
        assert (doc["indicator"], doc["dims"], doc["period"]) == ("exports", {"province": "Hà Nội"}, "2024")
        assert [(v["value"], v["in_force"], v["revises"]) for v in doc["vintages"]] == [
            (640.0, True, 650.0),
            (650.0, False, None),
        ]
    expected = _printed("history", "exports", "2024", "--dim", "province=Hà Nội", as_of=None)
    assert qntrack.history("targets.yaml", "exports", "2024", dim={"province": "Hà Nội"}) == json.loads(expected.stdout)


def test_rank_of_a_breakdown_with_a_unit_withdrawn(own: Path) -> None:
    """As of 2025-12-31: Hà Nội 640 (revising 650) of its own plan of 600 is achieved and
    first; Quảng Ninh's 500 has no plan of its own (the 1,000 is the total's, no override)
    and is not available; Huế's only figure, 90, was withdrawn on 2025-04-01, so Huế is not
    judged at all. On 2025-03-15 Huế's 90 was in force and ranked."""
    doc = qntrack.rank("targets.yaml", "exports-2024", as_of="2025-12-31")
    units = [(u["dims"]["province"], u["status"], u["latest"]["value"]) for u in doc["units"]]
    assert units == [("Hà Nội", "target_achieved", 640.0), ("Quảng Ninh", "not_available", 500.0)]
    assert doc["units"][0]["latest"]["revises"] == 650.0
    before = qntrack.rank("targets.yaml", "exports-2024", as_of="2025-03-15")
    assert ("Huế", 90.0) in [(u["dims"]["province"], u["latest"]["value"]) for u in before["units"]]


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"indicator": None}, "indicator"),
        ({"indicator": 5}, "indicator"),
        ({"indicator": "exprots"}, "indicator"),
        ({"indicator": "per_share"}, "indicator"),
        ({"indicator": "exports[province"}, "indicator"),
        ({"indicator": "exports", "period": "2024-13"}, "period"),
        ({"indicator": "exports", "period": None, "dim": 5}, "dim"),
        ({"indicator": "exports", "period": ["2024"]}, "period"),
        ({"indicator": "exports", "period": float("nan")}, "period"),
        ({"indicator": "exports", "period": "2024-05"}, "period"),
        ({"indicator": "exports", "dim": {"province": "Hue"}}, "dim"),
        ({"indicator": "exports", "dim": {"provnce": "Huế"}}, "dim"),
        ({"indicator": "exports", "dim": "Huế"}, "dim"),
        ({"indicator": "exports", "dim": [("province",)]}, "dim"),
        ({"indicator": "exports", "as_of": ""}, "as_of"),
        ({"indicator": "exports", "as_of": 20251231}, "as_of"),
        ({"indicator": "share", "targets": 5}, "targets"),
    ],
)
def test_history_refuses_each_wrong_argument_by_its_name(own: Path, kwargs: dict, name: str) -> None:
    kwargs = {"targets": "targets.yaml", **kwargs}
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.history(**kwargs)
    assert caught.value.problems[0].location.file == name, str(caught.value)
    assert "Traceback" not in str(caught.value)


@pytest.mark.parametrize(
    ("target_id", "words"),
    [
        ("exports-total", "forest-2025, exports-2024"),
        ("nope", "no target 'nope'"),
        ("share", "forest-2025"),
        (None, "NoneType"),
        (["exports-2024"], "list"),
    ],
)
def test_rank_refuses_a_target_it_cannot_rank_by_its_name(own: Path, target_id: object, words: str) -> None:
    """exports-total has no for_each: told the targets that have one, as the command is."""
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.rank("targets.yaml", target_id)  # type: ignore[arg-type]
    assert caught.value.problems[0].location.file == "target_id"
    assert words in str(caught.value)


def test_rank_and_history_refuse_a_day_by_its_name(own: Path) -> None:
    for call in (
        lambda: qntrack.rank("targets.yaml", "exports-2024", as_of="31/12/2025"),
        lambda: qntrack.history("targets.yaml", "exports", as_of="31/12/2025"),
    ):
        with pytest.raises(qntrack.InputError) as caught:
            call()
        assert caught.value.problems[0].location.file == "as_of"


def test_history_and_rank_print_nothing_and_never_exit(own: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The command says on standard error what `--as-of` left out and why no unit is
    ranked; the library says nothing, the document is its answer."""
    qntrack.history("targets.yaml", "exports", as_of="2024-10-01")
    qntrack.rank("targets.yaml", "exports-2024", as_of="2020-01-01")
    qntrack.rank("targets.yaml", "forest-2025")
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")


def test_history_and_rank_in_threads_answer_as_one_at_a_time(own: Path) -> None:
    alone = (qntrack.history("targets.yaml", "exports"), qntrack.rank("targets.yaml", "exports-2024"))
    answers: list[object] = []

    def ask() -> None:
        answers.append((qntrack.history("targets.yaml", "exports"), qntrack.rank("targets.yaml", "exports-2024")))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == [alone] * 4


def test_a_plan_changed_between_calls_is_read_again(own: Path) -> None:
    """A notebook that edits targets.yaml between two calls (Hà Nội's plan 600 -> 700) gets
    the new plan's ranking: 640 of 700 is no longer achieved."""
    first = qntrack.rank("targets.yaml", "exports-2024", as_of="2025-12-31")
    (hanoi,) = [u for u in first["units"] if u["dims"] == {"province": "Hà Nội"}]
    assert hanoi["status"] == "target_achieved"
    text = Path("targets.yaml").read_text(encoding="utf-8").replace('"Hà Nội": {value: 600}', '"Hà Nội": {value: 700}')
    Path("targets.yaml").write_text(text, encoding="utf-8")
    second = qntrack.rank("targets.yaml", "exports-2024", as_of="2025-12-31")
    (hanoi,) = [u for u in second["units"] if u["dims"] == {"province": "Hà Nội"}]
    assert hanoi["status"] != "target_achieved"


# --- 2. retract names its dims -----------------------------------------------------------


@pytest.mark.parametrize(
    ("dims", "key"),
    [
        ({"locality": "Ha Longg"}, "units_unknown_value_hint"),
        ({"localty": "Hạ Long"}, "units_not_broken_down"),
        ([("locality", "Nowhere")], "units_unknown_value"),
    ],
)
def test_retract_names_dims_when_the_unit_is_wrong(shipped: Path, dims: object, key: str) -> None:
    """It was told "retract: error: 'Ha Longg' is not a unit of 'locality'": the function's
    name, where every other refusal of an argument names the argument."""
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.retract(
            "targets.yaml", "budget_revenue", "2024", "s", "n", "2026-01-01T00:00:00Z", dims=dims, dry_run=True
        )
    assert caught.value.key == key
    assert caught.value.problems[0].location.file == "dims"
    assert str(caught.value).startswith("dims: ")


def test_retract_of_a_right_unit_is_still_withdrawn(shipped: Path) -> None:
    """Hạ Long's 2024 budget revenue is in the shipped store: withdrawn, dims as a dict."""
    done = qntrack.retract(
        "targets.yaml", "budget_revenue", "2024", "s", "n", "2026-01-01T00:00:00Z", dims={"locality": "Hạ Long"}
    )
    assert done.row.indicator == "budget_revenue[locality=Hạ Long]"


# --- 3. assess on a caller's series in any order -----------------------------------------


def test_assess_reads_a_callers_series_in_period_order(shipped: Path) -> None:
    """cbct-share's figures newest first judged it on 2020's, as `assess_target` did before
    the thirty-fifth session: 12.3 % in 2023 is its latest (observations.csv)."""
    ws = qntrack.open_workspace("targets.yaml", as_of="2024-12-31")
    key = ws.plan.target("cbct-share").series_key
    reversed_series = {k: list(reversed(v)) for k, v in ws.series.items()}
    (given,) = qntrack.assess(ws.plan, reversed_series, "cbct-share", "2024-12-31")
    (stored,) = qntrack.assess(ws.plan, ws.series, "cbct-share", "2024-12-31")
    assert given.latest is not None and (str(given.latest.period), given.latest.value) == ("2023", 12.3)
    assert (given.status, given.score) == (stored.status, stored.score)
    assert list(reversed_series[key]) == list(reversed(ws.series[key]))  # the caller's left as given


def test_assess_refuses_two_figures_for_one_period_by_its_name(shipped: Path) -> None:
    """Every vintage of the store given as a series (two figures for one year) judged on
    whichever came last; now refused naming `series`, as `assess_target` names `rows`."""
    ws = qntrack.open_workspace("targets.yaml")
    key = ws.plan.target("cbct-share").series_key
    twice = dict(ws.series)
    twice[key] = [*ws.series[key], ws.series[key][-1]._replace(value=1.0)]
    with pytest.raises(ArgumentError) as caught:
        qntrack.assess(ws.plan, twice, "cbct-share")
    assert caught.value.problems[0].location.file == "series"


def test_status_and_show_judge_the_stores_series_without_the_callers_pass(
    shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store's series are sorted already: `status` and `show` never look them over again
    (a national store's million rows), only a caller's `assess` does."""
    from qntrack.files import argument_kinds

    def looked_over(series: object) -> object:
        raise AssertionError("the store's own series were looked over again")

    monkeypatch.setattr(argument_kinds, "series_in_order", looked_over)
    assert len(qntrack.status("targets.yaml")["targets"]) == 23
    assert qntrack.show("targets.yaml", "cbct-share")["id"] == "cbct-share"
    ws = qntrack.open_workspace("targets.yaml")
    with pytest.raises(AssertionError):
        qntrack.assess(ws.plan, ws.series)


# --- 4. the library's answers are frozen -------------------------------------------------


def test_record_many_answers_in_tuples_as_import_does(shipped: Path) -> None:
    row = {
        "indicator": "fdi",
        "period": "2025",
        "value": "3200",
        "status": "estimate",
        "source": "https://example.org/fdi",
        "recorded_at": "2026-02-01T00:00:00Z",
    }
    done = qntrack.record_many("targets.yaml", [row], dry_run=True)
    for field in ("rows", "skipped", "warnings", "vintages", "withdrew", "notes", "revised"):
        assert isinstance(getattr(done, field), tuple), field
    store, rows, skipped, warnings, vintages, revising = done  # the six, unpacked as documented
    assert [r.value for r in rows] == [3200.0]
    with pytest.raises(AttributeError):
        done.notes = ()  # type: ignore[misc]
    retracted = qntrack.retract("targets.yaml", "fdi", "2024", "s", "n", None, dry_run=True)
    assert isinstance(retracted.notes, tuple)
    with pytest.raises(AttributeError):
        retracted.notes = ()  # type: ignore[misc]


# --- 5. a hostile analyst ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "expected"),
    [("Quý II/2024", "2024-Q2"), (2024, "2024"), (" 2024-Q2 ", "2024-Q2")],
)
def test_history_reads_a_period_as_the_command_does(own: Path, period: object, expected: str) -> None:
    """An office's words for the second quarter, a year column's number, a pasted cell's
    spaces: read as `history exports PERIOD` reads them."""
    assert qntrack.history("targets.yaml", "exports", period)["period"] == expected


def test_history_while_figures_are_recorded_in_other_threads(own: Path) -> None:
    """Four threads record Quảng Ninh's 2025 forest cover, one a day, while three list its
    vintages: no error, and every answer has exactly one vintage in force once it has any;
    at the end all four, the last recorded (2026-01-04's 13.3) in force."""
    errors: list[BaseException] = []
    seen: list[int] = []

    def record(day: int) -> None:
        row = {
            "indicator": "share",
            "period": "2025",
            "value": f"13.{day - 1}",
            "status": "estimate",
            "source": "qn",
            "recorded_at": f"2026-01-0{day}T00:00:00Z",
            "dim:province": "Quảng Ninh",
        }
        try:
            qntrack.record_many("targets.yaml", [row])
        except BaseException as error:  # noqa: BLE001 - said by the test below
            errors.append(error)

    def read() -> None:
        for _ in range(5):
            try:
                doc = qntrack.history("targets.yaml", "share", "2025", dim={"province": "Quảng Ninh"})
            except BaseException as error:  # noqa: BLE001
                errors.append(error)
                return
            seen.append(sum(v["in_force"] for v in doc["vintages"]) if doc["vintages"] else 1)

    threads = [threading.Thread(target=record, args=(d,)) for d in (1, 2, 3, 4)]
    threads += [threading.Thread(target=read) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert set(seen) == {1}
    final = qntrack.history("targets.yaml", "share", "2025", dim={"province": "Quảng Ninh"})["vintages"]
    assert [(v["value"], v["in_force"]) for v in final][:1] == [(13.3, True)]
    assert len(final) == 4


def test_the_librarys_answers_copy_and_pickle_with_their_notes(shipped: Path) -> None:
    """A notebook that hands `retract`'s answer to another process (multiprocessing, joblib)
    or keeps a `copy.deepcopy` of it met "Retracted.__new__() missing 2 required positional
    arguments": the tuple's copy gave its three as one. Withdrawing fdi 2024 (its estimate in the
    shipped store, 2,877.8) takes note of it, kept by each copy."""
    import copy
    import pickle

    retracted = qntrack.retract("targets.yaml", "fdi", "2024", "s", "n", None, dry_run=True)
    recorded = qntrack.record_many(
        "targets.yaml", [{"indicator": "fdi", "period": "2024", "status": "retracted", "source": "s"}], dry_run=True
    )
    for answer in (retracted, recorded):
        for again in (copy.copy(answer), copy.deepcopy(answer), pickle.loads(pickle.dumps(answer))):
            assert type(again) is type(answer)
            assert [o.indicator for o in again if hasattr(o, "indicator")] == [
                o.indicator for o in answer if hasattr(o, "indicator")
            ]
            assert [n.id for n in again.notes] == [n.id for n in answer.notes]
    assert retracted.withdrawn.value == recorded.withdrew[0][1].value == 2877.8
