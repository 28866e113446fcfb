"""Issue 17, thirty-eighth session, pass L: the library's leftovers a scripting analyst meets
(docs/decisions.md, thirty-seventh session, "Left:"). Each test was written failing first;
what is expected is worked out by hand in its docstring."""

from __future__ import annotations

from pathlib import Path

import pytest

# --- 1. a number in a text field is stored as the import stores the same cell -------------

OPEN_PLAN = """\
version: 1
title: "Open"
observations: observations.csv
dimensions:
  year_group:
    name: {en: Year group, vi: Nhóm năm}
indicators:
  pop:
    name: "Population"
    unit: "people"
    dimensions: [year_group]
targets:
  - id: pop-2030
    indicator: pop
    baseline: 2020
    milestones:
      - {by: 2030, value: 200}
"""

EMPTY_STORE = "indicator,period,value,status,source,note,recorded_at\n"
AT = "2023-03-01T00:00:00Z"

# (unit, source, note) as a caller's numbers; each row has its own period so none repeats.
CELLS = [
    (2020.0, 5.0, 5.5),
    (2021, 5, 1e20),
    (2022.5, -0.0, 250000.0),
    (7.0, 12.0, 0.1),
]

# Worked by hand from the import's rule for a number cell (docs/observations-format.md,
# "Workbooks": a number without a needless '.0'): 2020.0 is the unit 2020, 5.0 the source
# 5, -0.0 the number 0 (a cell has no negative zero), 250000.0 the note 250000; a fraction
# and a number Python writes with an exponent stay as Python writes them (5.5, 1e+20).
EXPECTED = (
    EMPTY_STORE + f"pop[year_group=2020],2015,1,official,5,5.5,{AT}\n"
    f"pop[year_group=2021],2016,2,official,5,1e+20,{AT}\n"
    f"pop[year_group=2022.5],2017,3,official,0,250000,{AT}\n"
    f"pop[year_group=7],2018,4,official,12,0.1,{AT}\n"
)


def _rows() -> list[dict[str, object]]:
    return [
        {
            "indicator": "pop",
            "dim:year_group": unit,
            "period": str(2015 + n),
            "value": n + 1,
            "status": "official",
            "source": source,
            "note": note,
            "recorded_at": AT,
        }
        for n, (unit, source, note) in enumerate(CELLS)
    ]


def test_a_number_in_a_text_field_is_stored_as_a_workbook_s_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """record_many wrote source 5.0 as '5.0' and a unit 2020.0 as '2020.0', where a workbook
    holding the same cells stores '5' and '2020': one figure, two texts by the path it took
    (a second unit '2020.0' beside '2020' for `status`). Both paths now store EXPECTED."""
    from openpyxl import Workbook

    from conftest import make_tracker
    from helpers import run_clean
    from qntrack import record_many

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, EMPTY_STORE)
    record_many("targets.yaml", _rows())
    assert Path("observations.csv").read_text(encoding="utf-8") == EXPECTED

    Path("observations.csv").write_text(EMPTY_STORE, encoding="utf-8")
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "year_group", "period", "value", "status", "source", "note", "recorded_at"])
    for row in _rows():
        sheet.append(
            [row[k] for k in ("indicator", "dim:year_group", "period", "value", "status", "source", "note")] + [AT]
        )
    book.save("in.xlsx")
    made = run_clean("add-observation", "--from", "in.xlsx")
    assert made.exit_code == 0, made.output
    assert Path("observations.csv").read_text(encoding="utf-8") == EXPECTED


def test_a_number_of_another_library_in_a_text_field_is_a_whole_number_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """numpy's float32 (a numbers.Real, no float) 12.0 as a source and as a unit: '12', as
    a workbook's 12.0 is; a Decimal whole number ('5.0') too. A fraction keeps its own text
    (float32's 0.1 is '0.1', not its double 0.10000000149011612)."""
    from decimal import Decimal

    from conftest import make_tracker
    from qntrack import record_many
    from test_s35_h import _Float32, _register

    _register()
    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, EMPTY_STORE)
    row = {"indicator": "pop", "status": "official", "recorded_at": AT, "value": 1}
    done = record_many(
        "targets.yaml",
        [
            {
                **row,
                "period": "2021",
                "dim:year_group": _Float32("12.0"),
                "source": _Float32("12.0"),
                "note": _Float32("0.1"),
            },
            {
                **row,
                "period": "2022",
                "dim:year_group": Decimal("5.0"),
                "source": Decimal("5.0"),
                "note": Decimal("2.50"),
            },
        ],
        dry_run=True,
    )
    said = [(o.indicator, o.source, o.note) for o in done.rows]
    assert said == [("pop[year_group=12]", "12", "0.1"), ("pop[year_group=5]", "5", "2.50")]


def test_a_number_as_a_unit_in_dims_is_the_unit_record_many_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One DataFrame column of years (floats, as pandas keeps a column holding an empty
    cell) serves record_many, retract and history alike. record_many stored the unit 2020.0
    as '2020' (above); retract and history refused {"year_group": 2020.0} ("give text"), and
    a caller's str(2020.0) is the unit '2020.0', which has no figure: history said nothing
    and retract "no figure in force". A number as a unit is now read by record_many's rule;
    a bool, a NaN and infinity are no unit and are refused as before, naming dims."""
    import qntrack
    from conftest import make_tracker
    from qntrack.errors import ArgumentError

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, EMPTY_STORE)
    row = {"indicator": "pop", "period": "2015", "value": 7, "status": "official", "recorded_at": AT}
    qntrack.record_many("targets.yaml", [{**row, "dim:year_group": 2020.0}])
    for dims in ({"year_group": 2020.0}, [("year_group", 2020)], {"year_group": "2020"}):
        told = qntrack.history("targets.yaml", "pop", dims=dims)
        assert told["dims"] == {"year_group": "2020"}, dims
        assert [v["value"] for v in told["vintages"]] == [7], dims
        done = qntrack.retract(
            "targets.yaml", "pop", "2015", "https://example.org", "typo", None, dims=dims, dry_run=True
        )
        assert done.row.indicator == "pop[year_group=2020]" and done.withdrawn is not None, dims
    for wrong in (True, float("nan"), float("inf")):
        with pytest.raises(ArgumentError) as caught:
            qntrack.history("targets.yaml", "pop", dims={"year_group": wrong})
        assert caught.value.file == "dims" and caught.value.key == "library_dims_unit_type", wrong
        with pytest.raises(ArgumentError) as caught:
            qntrack.retract("targets.yaml", "pop", "2015", "s", "n", None, dims={"year_group": wrong})
        assert caught.value.file == "dims" and caught.value.key == "library_dims_unit_type", wrong


def test_a_day_in_a_text_field_is_stored_as_a_workbook_s_date_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workbook's date cell in the note column is its day, '2025-01-01' (a date with a
    time, '2025-01-01T08:30:00'); record_many wrote a naive datetime at midnight (pandas'
    Timestamp of a column of dates) as '2025-01-01T00:00:00'. Both now as the workbook."""
    from datetime import datetime

    from openpyxl import Workbook

    from conftest import make_tracker
    from helpers import run_clean
    from qntrack import record_many

    expected = EMPTY_STORE + (
        f"pop[year_group=a],2015,1,official,,2025-01-01,{AT}\npop[year_group=a],2016,2,official,,2025-01-01T08:30:00,{AT}\n"
    )
    notes = [datetime(2025, 1, 1), datetime(2025, 1, 1, 8, 30)]
    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, EMPTY_STORE)
    rows = [
        {"indicator": "pop", "dim:year_group": "a", "period": str(2015 + n), "value": n + 1, "status": "official"}
        for n in range(2)
    ]
    record_many(
        "targets.yaml", [{**row, "note": note, "recorded_at": AT} for row, note in zip(rows, notes, strict=True)]
    )
    assert Path("observations.csv").read_text(encoding="utf-8") == expected
    Path("observations.csv").write_text(EMPTY_STORE, encoding="utf-8")
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "year_group", "period", "value", "status", "note", "recorded_at"])
    for row, note in zip(rows, notes, strict=True):
        sheet.append(["pop", "a", row["period"], row["value"], "official", note, AT])
    book.save("in.xlsx")
    made = run_clean("add-observation", "--from", "in.xlsx")
    assert made.exit_code == 0, made.output
    assert Path("observations.csv").read_text(encoding="utf-8") == expected


# --- 2. a retraction's NaN is any NaN -------------------------------------------------------

# A retraction's value is NaN, and the retractions qntrack makes hold one NaN (math.nan), so
# they are equal to their copies; a caller's own Observation(..., float("nan"), ...) is
# equal to none of them (a NaN is equal to no other), and equality stays the tuple's (a
# million rows are compared and hashed in C). What takes a caller's rows reads any NaN
# value as the retraction it describes.

RETRACTION = {
    "indicator": "fdi",
    "period": "2024",
    "status": "retracted",
    "source": "https://example.org",
    "note": "typo",
    "recorded_at": "2026-01-01T00:00:00Z",
}


def _nans() -> list[object]:
    import math
    from decimal import Decimal

    from test_s35_h import _Float32, _register

    _register()
    return [float("nan"), math.nan, Decimal("NaN"), _Float32("nan")]


def test_a_retraction_given_a_nan_value_withdraws_as_one_given_none(shipped: Path) -> None:
    """record_many refused {"status": "retracted", "value": nan} with "a retraction has no
    value; leave the value empty": the value qntrack's own retraction holds, and pandas'
    empty cell. Any NaN is now no value: the shipped fdi 2024 (2877.8, observations.csv)
    is withdrawn, and the row stored is the one value=None stores, its value empty."""
    import qntrack

    stored = Path("observations.csv").read_text(encoding="utf-8")
    line = "fdi,2024,,retracted,https://example.org,typo,2026-01-01T00:00:00Z\n"
    for nan in _nans():
        done = qntrack.record_many("targets.yaml", [{**RETRACTION, "value": nan}], dry_run=True)
        assert [(str(o.period), o.status) for o in done.rows] == [("2024", "retracted")], nan
        assert [(str(was.period), was.value) for _, was in done.withdrew] == [("2024", 2877.8)], nan
    done = qntrack.record_many("targets.yaml", [{**RETRACTION, "value": float("nan")}])
    assert Path("observations.csv").read_text(encoding="utf-8") == stored + line
    # the row returned is the stored one read back (its line aside), as for value=None
    back = qntrack.open_workspace("targets.yaml").store.observations[-1]
    assert done.rows[0] == back._replace(line=0)


def test_a_figure_given_a_nan_value_is_told_its_value_is_empty(shipped: Path) -> None:
    """A figure's NaN value (pandas' empty cell) was told "'nan' is not a number; write a
    decimal like 10.28", where the cell holds no text at all; it is the empty value, told
    so (recording_value_empty), with how to withdraw a figure. Nothing is written."""
    import qntrack
    from qntrack.errors import InputError

    stored = Path("observations.csv").read_text(encoding="utf-8")
    for nan in _nans():
        with pytest.raises(InputError) as caught:
            qntrack.record_many("targets.yaml", [{**RETRACTION, "status": "official", "value": nan}])
        assert caught.value.key == "recording_value_empty", (nan, str(caught.value))
        assert "is not a number" not in str(caught.value)
    assert Path("observations.csv").read_text(encoding="utf-8") == stored


def test_a_stored_retraction_s_fields_record_it_again_as_a_repeat(shipped: Path) -> None:
    """A caller copying a store's rows (a merge of two trackers) gives record_many each
    Observation's fields: a retraction's value NaN was refused, and its period, a Period,
    was "a Period, which no field holds". Given back, the retraction is a repeat of the
    stored one: recorded once, nothing added."""
    import qntrack

    qntrack.record_many("targets.yaml", [RETRACTION])
    stored = Path("observations.csv").read_text(encoding="utf-8")
    back = qntrack.open_workspace("targets.yaml").store.observations[-1]
    fields = {k: v for k, v in back._asdict().items() if k != "line"}
    done = qntrack.record_many("targets.yaml", [fields])
    assert (len(done.rows), len(done.skipped)) == (0, 1)
    assert Path("observations.csv").read_text(encoding="utf-8") == stored


def test_assess_refuses_a_retraction_in_a_caller_s_series_as_assess_target_does(shipped: Path) -> None:
    """assess_target refuses a retraction among its rows (library_rows_retraction); assess
    judged fdi-plan-2024 on a retraction put in its series, as its latest figure, "not
    available", in silence, whichever NaN the caller's row held. Refused naming series."""
    import qntrack
    from qntrack.errors import ArgumentError

    qntrack.record_many("targets.yaml", [RETRACTION])
    ws = qntrack.open_workspace("targets.yaml")
    gone = ws.store.observations[-1]
    for nan in (gone.value, float("nan")):
        series = {**ws.series, "fdi": [*ws.series["fdi"], gone._replace(value=nan)]}
        with pytest.raises(ArgumentError) as caught:
            qntrack.assess(ws.plan, series, target_ids=["fdi-plan-2024"])
        assert caught.value.file == "series" and caught.value.key == "library_series_retraction"
        assert "'fdi'" in str(caught.value) and "2024" in str(caught.value)
        target = ws.plan.target("fdi-plan-2024")
        with pytest.raises(ArgumentError) as caught:
            qntrack.assess_target(target, ws.plan.indicators["fdi"], [*ws.series["fdi"], gone._replace(value=nan)])
        assert caught.value.key == "library_rows_retraction"


def test_a_caller_s_own_nan_reads_as_the_store_s_retraction_everywhere(shipped: Path) -> None:
    """The store's rows and the same rows each retraction given a NaN of its own (as a
    caller builds them from a DataFrame): not equal (a NaN is equal to no other), yet every
    function that takes rows writes the same documents and reports of them. By hand: fdi
    2024 withdrawn, so the observations document gives its value null and fdi-plan-2024 is
    judged on no 2024 figure. ``copy.copy`` of the caller's row is equal to the store's."""
    import copy
    import math

    import qntrack
    from qntrack.output.documents import observations_document
    from qntrack.output.report import build_report, render

    qntrack.record_many("targets.yaml", [RETRACTION])
    ws = qntrack.open_workspace("targets.yaml")
    stored = ws.store.observations
    mine = tuple(o._replace(value=float("nan")) if o.status == "retracted" else o for o in stored)
    assert stored[-1].value is math.nan and stored[-1] != mine[-1]
    assert copy.copy(mine[-1]) == stored[-1]
    assert stored[-1]._replace(value=0) == mine[-1]._replace(value=0)

    said = observations_document(mine)
    assert said == observations_document(stored)
    row = [r for r in said["observations"] if r["indicator"] == "fdi" and r["period"] == "2024"][-1]
    assert row["status"] == "retracted" and row["value"] is None
    judged = qntrack.assess(ws.plan, ws.series)
    a = qntrack.to_json(qntrack.status_document(judged, None, "t", "group", None, observations=stored))
    b = qntrack.to_json(qntrack.status_document(judged, None, "t", "group", None, observations=mine))
    assert a == b
    for fmt in ("json", "markdown", "html"):
        theirs = render(build_report(ws.plan, ws.series, stored, since="2020-01-01"), fmt, "en")
        assert render(build_report(ws.plan, ws.series, mine, since="2020-01-01"), fmt, "en") == theirs, fmt


# --- 3. a third spelling in the store ---------------------------------------------------------

THIRD_PLAN = """\
version: 1
title: "Open"
observations: observations.csv
dimensions:
  district:
    name: {en: District, vi: Quận/huyện}
indicators:
  pop:
    name: "Population"
    unit: "people"
    dimensions: [district]
targets:
  - id: pop-2030
    indicator: pop
    baseline: 2020
    milestones:
      - {by: 2030, value: 200}
    for_each: district
"""


def test_a_third_spelling_in_the_store_is_named_by_the_run_that_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store spells the unit 'HẠ LONG' (line 2); a file gives pop 2021 twice, as 'Hạ
    Long' and 'hạ long'. The refusal is worded before the store is read (it is read under
    the append's lock), so it says "unless the store already spells it another way" rather
    than read the store for its words. Left so, by choice: once one row is kept, the run
    that records it names the store's spelling and its line, and stores the row so."""
    from conftest import make_tracker
    from helpers import run_clean

    store = EMPTY_STORE + "pop[district=HẠ LONG],2020,100,official,,,2021-01-01T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, THIRD_PLAN, store)
    Path("in.csv").write_text(
        "indicator,district,period,value,status\npop,Hạ Long,2021,120,official\npop,hạ long,2021,130,official\n",
        encoding="utf-8",
    )
    made = run_clean("add-observation", "--from", "in.csv")
    assert made.exit_code == 1, made.output
    said = " ".join(made.stderr.split())
    assert "kept as 'Hạ Long', the spelling met first, unless the store already spells it another way" in said
    assert Path("observations.csv").read_text(encoding="utf-8") == store
    Path("in.csv").write_text(
        "indicator,district,period,value,status\npop,Hạ Long,2021,120,official\n", encoding="utf-8"
    )
    made = run_clean("add-observation", "--from", "in.csv", "--recorded-at", "2022-01-01T00:00:00Z")
    assert made.exit_code == 0, made.output
    said = " ".join(made.stderr.split())
    assert "'Hạ Long' is stored as 'HẠ LONG', the spelling observations.csv line 2 gives this unit" in said, said
    assert (
        Path("observations.csv")
        .read_text(encoding="utf-8")
        .endswith("pop[district=HẠ LONG],2021,120,official,,,2022-01-01T00:00:00Z\n")
    )


def test_a_series_out_of_order_is_checked_to_its_end(shipped: Path) -> None:
    """assess stopped checking a caller's series at its first row out of order: a series
    [2020, 2019, 5] raised AttributeError ("'int' object has no attribute 'period'") from
    the sort, where [2019, 2020, 5] was told library_series_item_type."""
    import qntrack
    from qntrack.errors import ArgumentError

    ws = qntrack.open_workspace("targets.yaml")
    rows = list(ws.series["cbct_share"])
    assert len(rows) >= 2
    for given in ([*rows, 5], [rows[1], rows[0], 5]):
        with pytest.raises(ArgumentError) as caught:
            qntrack.assess(ws.plan, {**ws.series, "cbct_share": given})
        assert caught.value.file == "series" and caught.value.key == "library_series_item_type"
