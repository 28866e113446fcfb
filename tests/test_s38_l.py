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
