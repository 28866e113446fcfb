"""Thirty-fifth session, pass H (issue 17): a statistics office's analyst who drives qntrack
from Python (a notebook, a nightly job), following docs/python-api.md and docs/json.md.

Expected values are read off the shipped data by hand (observations.csv, targets.yaml) or
worked in each test; none is copied from qntrack's output.
"""

from __future__ import annotations

import json
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


# --- The library's answers are the command's, for every target ---------------------------

# Forest cover by province, each revised once, and exports whose second quarter of 2024 was
# revised (260 -> 250) and whose Hà Nội 2024 figure was (650 -> 640). By hand, as of
# 2025-12-31: the 2024 exports are 200 + 250 + 300 + 320 = 1,070 of a plan of 1,000, 107 %;
# Hà Nội's 640 of its own plan of 600. forest-2025's total: 12.0 (2020) to 14.1 (2024),
# 13.7 (2023) having replaced 13.5.
OWN_PLAN = """\
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
OWN_STORE = """\
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
"""


@pytest.fixture
def own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, OWN_PLAN, OWN_STORE)


def _cli_json(*args: str) -> dict:
    from helpers import run_clean

    result = run_clean(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _same_answers(as_of: str | None) -> None:
    """For every target: the library's status document is the command's, byte for byte;
    `qntrack.assess`'s status, score, latest figure and order are the document's; and
    `qntrack.show` is `show --format json`, byte for byte."""
    from helpers import run_clean

    day = ["--as-of", as_of] if as_of else []
    printed = run_clean("status", "--format", "json", *day)
    assert printed.exit_code == 0, printed.output
    assert qntrack.to_json(qntrack.status("targets.yaml", as_of=as_of)) == printed.stdout
    document = json.loads(printed.stdout)["targets"]
    ws = qntrack.open_workspace("targets.yaml", as_of=as_of)
    judged = qntrack.assess(ws.plan, ws.series, None, qntrack.reference_day(as_of))
    assert [a.target.id for a in judged] == [t["id"] for t in document] == [t.id for t in ws.plan.targets]
    for a, item in zip(judged, document, strict=True):
        assert a.status.value == item["status"], a.target.id
        assert a.score == item["score"], a.target.id
        latest = None if a.latest is None else [str(a.latest.period), a.latest.value]
        assert latest == (None if item["latest"] is None else [item["latest"]["period"], item["latest"]["value"]])
        assert [dict(u.dims) for u in a.breakdown] == [u["dims"] for u in item["breakdown"]], a.target.id
        shown = run_clean("show", a.target.id, "--format", "json", *day)
        assert qntrack.to_json(qntrack.show("targets.yaml", a.target.id, as_of)) == shown.stdout, a.target.id


@pytest.mark.parametrize("as_of", [None, "2023-11-25", "2025-12-31"])
def test_the_library_answers_as_the_commands_for_every_shipped_target(shipped: Path, as_of: str | None) -> None:
    _same_answers(as_of)


@pytest.mark.parametrize("as_of", [None, "2024-10-01", "2025-12-31"])
def test_the_library_answers_as_the_commands_on_a_plan_of_units_and_revisions(own: Path, as_of: str | None) -> None:
    _same_answers(as_of)


def test_show_gives_what_each_figure_revised_where_show_document_of_the_rows_alone_did_not(own: Path) -> None:
    """Built as the worked example built it (`show_document` of the assessment and its rows),
    exports-2024's 2024-Q2 said `revises: null` and Hà Nội's 640 `revises: null`; the
    command says 260 and 650, recorded 2024-07-05 and 2025-02-01."""
    doc = qntrack.show("targets.yaml", "exports-2024", as_of="2025-12-31")
    (quarter,) = [o for o in doc["observations"] if o["period"] == "2024-Q2"]
    assert (quarter["value"], quarter["revises"], quarter["revises_recorded_at"]) == (
        250.0,
        260.0,
        "2024-07-05T00:00:00Z",
    )
    assert doc["latest"]["value"] == 200 + 250 + 300 + 320
    assert doc["details"]["percent_of_plan"] == 107.0
    (hanoi,) = [u for u in doc["breakdown"] if u["dims"] == {"province": "Hà Nội"}]
    assert (hanoi["latest"]["value"], hanoi["latest"]["revises"], hanoi["latest"]["revises_source"]) == (
        640.0,
        650.0,
        "hn",
    )


@pytest.mark.parametrize(
    ("wrong", "words"),
    [("nope", "no target 'nope' (targets: "), ("", "no target ''"), (None, "NoneType"), (["forest-2025"], "list")],
)
def test_show_names_a_target_id_it_cannot_show(own: Path, wrong: object, words: str) -> None:
    with pytest.raises(ArgumentError) as caught:
        qntrack.show("targets.yaml", wrong)  # type: ignore[arg-type]
    assert caught.value.problems[0].location.file == "target_id"
    assert words in str(caught.value)


@pytest.mark.parametrize("given", [None, 5])
def test_a_group_by_that_is_no_text_is_offered_no_grouping(shipped: Path, given: object) -> None:
    """`status(group_by=None)` was told "did you mean 'owner'?": the letters of 'None' are
    near the word's, and a caller who meant the default was sent to the owners."""
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.status("targets.yaml", group_by=given)  # type: ignore[arg-type]
    assert caught.value.key == "library_group_by"
    assert "did you mean" not in str(caught.value)
    assert "valid: group, owner" in str(caught.value)


@pytest.mark.parametrize("given", [5, "5", "15"])
def test_a_number_for_an_indicator_is_told_the_known_ids_not_a_target_holding_the_digits(
    shipped: Path, given: object
) -> None:
    """A row's indicator of 5 (a caller's numeric column) was told "its words are all in the
    name of target fdi-plan-2022, 'FDI plan 2022: 1.5 billion USD' ... write fdi": the "5"
    of "1.5". A number names no indicator: the known ids are listed."""
    row = {"indicator": given, "period": "2025", "value": "1", "source": "https://example.org"}
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.record_many("targets.yaml", [row], dry_run=True)
    assert caught.value.key == "recording_unknown_indicator"
    assert "fdi-plan-2022" not in str(caught.value)
    assert "known: grdp_growth" in str(caught.value)


def test_a_dimensions_index_of_unit_names_cannot_be_changed_by_a_caller(shipped: Path) -> None:
    """A plan is parsed once a process and shared (docs/python-api.md, "What the library
    leaves alone"), its mappings read-only; a dimension's index of its units' names was a
    plain dict: `ws.plan.dimensions["locality"].by_match.clear()` left every later caller's
    "hạ long" refused as no unit of the plan, though it is Hạ Long typed in lower case."""
    ws = qntrack.open_workspace("targets.yaml")
    with pytest.raises(TypeError):
        ws.plan.dimensions["locality"].by_match.clear()
    row = {"indicator": "budget_revenue", "period": "2024", "value": "1", "source": "https://example.org"}
    done = qntrack.record_many("targets.yaml", [{**row, "dim:locality": "hạ long"}], dry_run=True)
    assert done.rows[0].indicator == "budget_revenue[locality=Hạ Long]"


# --- docs/json.md's tables of fields, against the documents the commands print -----------

JSON_MD = Path(__file__).resolve().parents[1] / "docs" / "json.md"


def _typed_fields(section: str) -> dict[str, str]:
    """The `| field | type | meaning |` table under json.md's heading `section`: each field
    and its type's words ("string or null"); fields listed together share a type, or take
    the types listed in their order ("string, object" for `name`, `names`)."""
    import re

    text = JSON_MD.read_text(encoding="utf-8").split(f"\n{section}\n", 1)[1]
    table = text.split("| field | type | meaning |", 1)[1].split("\n\n", 1)[0]
    fields: dict[str, str] = {}
    for line in table.strip().splitlines()[1:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        names = re.findall(r"`([a-z_]+)`", cells[0])
        if "…" in cells[0]:
            continue  # "`status` … `details`": the target's own, checked there
        if not cells[1]:  # "as for a target (above)": the target's types
            fields.update({name: _typed_fields("## A target")[name] for name in names})
            continue
        types = [t.strip() for t in cells[1].split(", ")]
        for i, name in enumerate(names):
            fields[name] = types[i] if len(types) == len(names) else cells[1]
    return fields


def _fits(value: object, words: str) -> bool:
    kinds = {
        "string": str,
        "integer": int,
        "number": (int, float),
        "boolean": bool,
        "object": dict,
        "observation": dict,
        "array": list,
        "array of strings": list,
    }
    for word in words.split(" or "):
        if word == "null" and value is None:
            return True
        kind = kinds[word]
        if isinstance(value, bool) and kind is not bool:
            continue
        if isinstance(value, kind):
            return word != "array of strings" or all(isinstance(v, str) for v in value)  # type: ignore[union-attr]
    return False


RANKED_TOP = {"qntrack", "schema", "as_of", "target", "for_each", "units", "as_of_end"}  # 39th session, J


def _check_table(section: str, items: list[dict], everything: bool = True, of: set[str] | None = None) -> list[str]:
    """``of``: the fields of the table that are these items' (rank's table lists the
    document's and its units'); `fingerprint` is only in a report written to a file."""
    fields = {k: v for k, v in _typed_fields(section).items() if (of is None or k in of) and k != "fingerprint"}
    problems = []
    for item in items:
        for name, words in fields.items():
            if name not in item:
                problems.append(f"{section}: `{name}` documented, not printed")
            elif not _fits(item[name], words):
                problems.append(f"{section}: `{name}` is {item[name]!r}, documented {words}")
        if everything:
            problems += [f"{section}: `{k}` printed, not documented" for k in item if k not in fields]
    return sorted(set(problems))


def _tables_hold(as_of: str | None) -> list[str]:
    day = ["--as-of", as_of] if as_of else []
    status = _cli_json("status", *day)
    targets = status["targets"]
    problems = _check_table("## Top level", [status])
    problems += _check_table("## A target", targets)
    problems += _check_table("## Groups", status["groups"])
    units = [u for t in targets for u in t["breakdown"]]
    problems += _check_table("### Breakdowns", units, everything=False)
    for t in targets:
        if t["for_each"]:
            ranked = _cli_json("rank", t["id"], *day)
            problems += _check_table("## Ranking", [ranked], of=RANKED_TOP)
            unit_fields = set(_typed_fields("## Ranking")) - RANKED_TOP
            problems += _check_table("## Ranking", ranked["units"], of=unit_fields)
    return problems


def test_json_mds_tables_give_every_field_printed_and_its_type_on_the_shipped_data(shipped: Path) -> None:
    """Every field of json.md's tables (top level, a target, a breakdown's unit, a group, a
    ranked unit) is printed, with the type the table gives, and every key printed on the
    top level, a target and a group is in its table."""
    assert _tables_hold(None) + _tables_hold("2023-11-25") == []


def test_json_mds_tables_hold_on_a_plan_of_units_and_revisions(own: Path) -> None:
    assert _tables_hold(None) + _tables_hold("2024-10-01") == []


def test_two_figures_for_one_moment_in_a_callers_list_are_refused_before_anything_is_written(shipped: Path) -> None:
    """`record_many` wrote both of two rows of fdi 2025 at one moment with different
    figures (1, then 2): `check` then found the store in error ("which one is in force
    depends on the order of the lines"), where `add-observation --from` refuses such a
    file. Now the second is refused at its place, naming the first's, and nothing is
    written; the same figure twice is still a repeat, recorded once."""
    before = (shipped / "observations.csv").read_bytes()
    row = {"indicator": "fdi", "period": "2025", "value": "1", "source": "https://example.org"}
    stamped = {**row, "recorded_at": "2026-01-01T00:00:00Z"}
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.record_many("targets.yaml", [stamped, {**stamped, "value": "2"}])
    assert caught.value.key == "recording_duplicate_at"
    assert str(caught.value).startswith("candidates:2: error: fdi 2025 recorded at 2026-01-01T00:00:00Z")
    assert "already given at candidates:1 with another figure" in str(caught.value)
    assert "candidates:1" in caught.value.text("vi")
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.record_many("targets.yaml", [("nightly-job", row), ("nightly-job", {**row, "value": "2"})])
    assert caught.value.key == "recording_duplicate"
    assert "already given at nightly-job" in str(caught.value)
    assert (shipped / "observations.csv").read_bytes() == before
    done = qntrack.record_many("targets.yaml", [stamped, stamped])
    assert [(o.indicator, str(o.period), o.value) for o in done.rows] == [("fdi", "2025", 1.0)]
    assert [p for p in qntrack.run_checks("targets.yaml") if p.severity == "error"] == []


# --- Numbers of another library (numpy, which this suite does not install) ---------------


class _Int64:
    """As numpy's int64 behaves for qntrack: no int, registered as a numbers.Integral."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        return self.value

    def __int__(self) -> int:
        return self.value

    def __float__(self) -> float:
        return float(self.value)

    def __str__(self) -> str:
        return str(self.value)


class _Float32:
    """As numpy's float32: no float, registered as a numbers.Real, its text the shortest
    that reads back as itself (0.1), its float the nearest double (0.10000000149011612)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __float__(self) -> float:
        import struct

        return struct.unpack("f", struct.pack("f", float(self.text)))[0]

    def __str__(self) -> str:
        return self.text


def _register() -> None:
    import numbers

    numbers.Integral.register(_Int64)
    numbers.Real.register(_Float32)


def test_a_number_of_another_library_is_a_number_in_a_row_and_as_retracts_period(shipped: Path) -> None:
    """A DataFrame's year column read cell by cell (`df.itertuples()`, `df.iloc[i]`) gives
    numpy's int64: its row was refused, "field 'period' is a int64, which no field holds:
    give text, a number or a date", a number told to give a number; `retract`'s period the
    same, and a Decimal year too, which `record_many` takes."""
    from decimal import Decimal

    _register()
    row = {"indicator": "fdi", "source": "https://example.org", "recorded_at": "2026-01-01T00:00:00Z"}
    done = qntrack.record_many(
        "targets.yaml",
        [{**row, "period": _Int64(2025), "value": _Int64(7)}, {**row, "period": "2024", "value": _Float32("0.1")}],
        dry_run=True,
    )
    assert [(str(o.period), o.value) for o in done.rows] == [("2025", 7.0), ("2024", 0.1)]
    for period in (_Int64(2025), Decimal("2025")):
        retracted = qntrack.retract("targets.yaml", "fdi", period, "https://example.org", "typo", None, dry_run=True)
        assert str(retracted.row.period) == "2025"
    for period in (Decimal("NaN"), _Float32("nan")):
        with pytest.raises(ArgumentError) as caught:
            qntrack.retract("targets.yaml", "fdi", period, "https://example.org", "typo", None, dry_run=True)
        assert caught.value.key == "library_period_not_finite"


def test_a_history_document_of_a_day_lists_what_was_known_that_day(shipped: Path) -> None:
    """`history_document("grdp_growth", vintages(rows, "grdp_growth", 2023), 2023,
    as_of="2023-11-25")` (the day given to the document, not to `vintages`) said `as_of`
    2023-11-25 and listed 11.03, recorded on the 27th, as the figure in force; the command
    lists 11.02 alone (recorded on the 24th), in force that day."""
    from qntrack.method.history import vintages
    from qntrack.output.documents import history_document
    from qntrack.plan.periods import parse_period

    ws = qntrack.open_workspace("targets.yaml")
    year = parse_period("2023")
    found = vintages(ws.store.observations, "grdp_growth", year)
    # the plan's zone, as the command ends the day (its as_of_end says where: 39th session, J)
    doc = history_document("grdp_growth", found, year, "2023-11-25", ws.plan.timezone)
    assert [(v["value"], v["in_force"], v["recorded_at"]) for v in doc["vintages"]] == [
        (11.02, True, "2023-11-24T00:00:00Z")
    ]
    assert doc == _cli_json("history", "grdp_growth", "2023", "--as-of", "2023-11-25")
    from helpers import run_clean
    from qntrack.output.documents import history_rows
    from qntrack.output.tables import write_table

    rows = history_rows(vintages(ws.store.observations, "grdp_growth", year), "2023-11-25")
    printed = run_clean("history", "grdp_growth", "2023", "--as-of", "2023-11-25", "--format", "csv")
    assert write_table(rows, "csv") == printed.stdout


def test_a_document_of_a_day_refuses_figures_recorded_after_it(shipped: Path) -> None:
    """A workspace opened without the day, its figures given to a document of 2023-11-25:
    `observations_document` said `as_of` 2023-11-25 over grdp_growth 2025's 11.89 (recorded
    2026-01-07), `status_document` over cbct-share judged on 2024's figure. Each is refused
    naming its argument and the day to open the workspace with; opened with the day, the
    documents list the commands' figures."""
    from qntrack.kinds import relevant_rows
    from qntrack.output.documents import observations_document, show_document

    today = qntrack.open_workspace("targets.yaml")
    rows = [o for key in today.plan.indicators for o in today.series.get(key, [])]
    judged = qntrack.assess(today.plan, today.series)
    (growth,) = qntrack.assess(today.plan, today.series, "grdp-growth-plan-2025")
    refusals = {
        "rows": lambda: observations_document(rows, "2023-11-25"),
        "assessments": lambda: qntrack.status_document(judged, "2023-11-25", "t", "group", None),
        "assessment": lambda: show_document(growth, [], as_of="2023-11-25"),
        "series": lambda: qntrack.build_report(today.plan, today.series, today.store.observations, as_of="2023-11-25"),
    }
    for name, call in refusals.items():
        with pytest.raises(ArgumentError) as caught:
            call()
        assert caught.value.key == "library_known_after"
        assert caught.value.problems[0].location.file == name
        assert 'as_of="2023-11-25"' in str(caught.value) and "after the end of as_of 2023-11-25" in str(caught.value)
    ws = qntrack.open_workspace("targets.yaml", as_of="2023-11-25")
    rows = [o for key in ws.plan.indicators for o in ws.series.get(key, [])]
    listed = observations_document(rows, "2023-11-25")["observations"]
    printed = _cli_json("observations", "--as-of", "2023-11-25")["observations"]
    assert sorted((o["indicator"], o["period"], o["value"]) for o in listed) == sorted(
        (o["indicator"], o["period"], o["value"])
        for o in printed
        if not o["dims"]  # the totals'
    )
    (share,) = qntrack.assess(ws.plan, ws.series, "cbct-share", "2023-11-25")
    shown = show_document(share, relevant_rows(share.target, ws.series["cbct_share"]), as_of="2023-11-25")
    assert shown["latest"]["period"] == "2023" and shown["as_of"] == "2023-11-25"


def test_the_warnings_the_commands_print_are_the_workspaces_to_ask(own: Path) -> None:
    """`status` warns on standard error of rows whose indicator the plan does not define
    (a typo, `exprots`): every answer leaves them out. `qntrack.status` prints nothing and
    returns the document alone; python-api.md now says where a job finds the warning."""
    from helpers import run_clean

    with open("observations.csv", "a", encoding="utf-8") as fh:
        fh.write("exprots,2024,5,official,gso,,2025-01-01T00:00:00Z\n")
    printed = run_clean("status", "--format", "json")
    assert "'exprots'" in printed.stderr and "did you mean 'exports'?" in printed.stderr
    ws = qntrack.assessed("targets.yaml").workspace
    (warning,) = ws.warnings_for(ws.plan.indicators)
    assert warning.message.id == "workspace_unknown_rows_hint"
    assert "'exprots'" in warning.text("en") and "did you mean 'exports'?" in warning.text("en")
    page = (Path(__file__).resolve().parents[1] / "docs" / "python-api.md").read_text(encoding="utf-8")
    assert "`.warnings_for(indicator_ids)`" in page and "workspace_unknown_rows_hint" in page


def test_the_library_answers_as_the_commands_once_figures_are_withdrawn(own: Path) -> None:
    """The same comparison after the exports' third quarter of 2024 is withdrawn by
    `retract` and Quảng Ninh's 2024 forest cover by a retraction row of `record_many`: each
    target's `withdrawn`, `retracted` and figures are the commands'."""
    qntrack.retract("targets.yaml", "exports", "2024-Q3", "gso", "typo", "2026-01-01T00:00:00Z")
    row = {"indicator": "share", "period": "2024", "status": "retracted", "source": "qn"}
    qntrack.record_many("targets.yaml", [{**row, "dim:province": "Quảng Ninh", "recorded_at": "2026-01-02T00:00:00Z"}])
    doc = qntrack.show("targets.yaml", "exports-2024")
    assert [w["period"] for w in doc["withdrawn"]] == ["2024-Q3"]
    assert doc["latest"] is None  # the year's quarters no longer add up to it
    for as_of in (None, "2025-12-31", "2026-01-01"):
        _same_answers(as_of)
