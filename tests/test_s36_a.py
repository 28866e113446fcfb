"""Issue 17, thirty-sixth session, pass A: the leftovers of the thirty-fourth and
thirty-fifth sessions (docs/decisions.md, their "Left:" lines), each mended at its root.
Each test was written failing first; expected figures are worked out by hand in the
test's docstring."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

# --- 1. The CSV says a flow plan's figures recorded and not counted ---------------------------

Q3_PLAN = """\
version: 1
title: "Quarter plan"
observations: observations.csv
indicators:
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
    direction: increase
    frequency: month
targets:
  - id: fdi-q3
    indicator: fdi
    type: plan
    period: 2024-Q3
    value: 300
  - id: fdi-2025
    indicator: fdi
    type: plan
    period: 2025
    value: 1200
"""

Q3_STORE = """\
indicator,period,value,status,source,note,recorded_at
fdi,2024-07,100,official,s,,2024-08-05T00:00:00Z
fdi,2024-08,50,official,s,,2024-09-05T00:00:00Z
fdi,2025-01,10,official,s,,2025-02-05T00:00:00Z
fdi,2025-02,20,official,s,,2025-03-05T00:00:00Z
fdi,2025-04,40,official,s,,2025-05-05T00:00:00Z
"""

UNITS_PLAN = """\
version: 1
title: "Units"
observations: observations.csv
dimensions:
  province:
    values: ["Hà Nội", "Huế"]
indicators:
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
    direction: increase
    frequency: month
    dimensions: [province]
targets:
  - id: fdi-q3
    indicator: fdi
    type: plan
    period: 2024-Q3
    value: 300
    for_each: province
    overrides: {"Hà Nội": {value: 200}, "Huế": {value: 100}}
"""

UNITS_STORE = """\
indicator,period,value,status,source,note,recorded_at
fdi[province=Hà Nội],2024-07,100,official,s,,2024-08-05T00:00:00Z
fdi[province=Hà Nội],2024-08,50,official,s,,2024-09-05T00:00:00Z
fdi[province=Huế],2024-07,30,official,s,,2024-08-05T00:00:00Z
fdi[province=Huế],2024-09,20,official,s,,2024-10-05T00:00:00Z
"""


@pytest.fixture
def quarter_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, Q3_PLAN, Q3_STORE)


@pytest.fixture
def unit_plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, UNITS_PLAN, UNITS_STORE)


def _table(text: str, kind: str) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text), delimiter="," if kind == "csv" else "\t"))
    assert len({len(r) for r in rows}) == 1, rows
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


@pytest.mark.parametrize("kind", ["csv", "tsv"])
def test_the_status_csv_ends_with_the_figures_not_counted(quarter_plan: Path, kind: str) -> None:
    """The 2024-Q3 plan of 300 is read on July (100); August's 50 is recorded and not
    counted (July-August is no period): the JSON said it, the CSV carried nothing. The
    2025 plan reads January + February = 30; April's 40 is not counted, March missing.
    One cell, the last column: ``period=value why``, then the period missing where one
    stopped the sum, several joined by ``;`` as the other list columns are."""
    from helpers import run_clean

    made = run_clean("status", "--as-of", "2025-05-10", "--format", kind)
    assert made.exit_code == 0, made.output
    assert made.stdout.splitlines()[0].split("," if kind == "csv" else "\t")[-2:] == ["description_vi", "not_counted"]
    rows = {r["id"]: r for r in _table(made.stdout, kind)}
    assert rows["fdi-q3"]["not_counted"] == "2024-08=50 no_period"
    assert rows["fdi-2025"]["not_counted"] == "2025-04=40 period_missing 2025-03"

    made = run_clean("status", "--as-of", "2024-08-10", "--format", kind)
    rows = {r["id"]: r for r in _table(made.stdout, kind)}
    assert rows["fdi-q3"]["not_counted"] == ""  # July alone recorded: nothing left out


def test_the_status_csv_of_the_shipped_plan_has_every_not_counted_cell_empty(shipped: Path) -> None:
    """No shipped plan has a figure left out: the new column is there and empty."""
    from helpers import run_clean

    made = run_clean("status", "--format", "csv")
    assert made.exit_code == 0, made.output
    rows = _table(made.stdout, "csv")
    assert rows and all(r["not_counted"] == "" for r in rows)


@pytest.mark.parametrize("kind", ["csv", "tsv"])
def test_status_by_unit_csv_says_each_unit_s_figures_not_counted(unit_plans: Path, kind: str) -> None:
    """Hà Nội is read on July (100), August's 50 not counted (no period); Huế on July
    (30), September's 20 not counted (August missing): as the breakdown's JSON has it."""
    from helpers import run_clean

    made = run_clean("status", "--by", "province", "--as-of", "2024-10-20", "--format", kind)
    assert made.exit_code == 0, made.output
    by_unit = {r["province"]: r["not_counted"] for r in _table(made.stdout, kind) if r["province"]}
    assert by_unit == {"Hà Nội": "2024-08=50 no_period", "Huế": "2024-09=20 period_missing 2024-08"}


@pytest.mark.parametrize("kind", ["csv", "tsv"])
def test_rank_csv_ends_with_each_unit_s_figures_not_counted(unit_plans: Path, kind: str) -> None:
    from helpers import run_clean

    made = run_clean("rank", "fdi-q3", "--as-of", "2024-10-20", "--format", kind)
    assert made.exit_code == 0, made.output
    assert made.stdout.splitlines()[0].split("," if kind == "csv" else "\t")[-2:] == ["gap", "not_counted"]
    by_unit = {r["province"]: r["not_counted"] for r in _table(made.stdout, kind)}
    assert by_unit == {"Hà Nội": "2024-08=50 no_period", "Huế": "2024-09=20 period_missing 2024-08"}


def test_a_cell_of_several_figures_splits_back_into_the_json_s_items(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 2025 plan with January 10, March 30 and May 50 recorded (February missing) reads
    January alone (10); March and May are not counted, each because February is missing
    (the sum stops there). The cell splits by ``;``, then ``=``, then spaces, into what
    the JSON lists."""
    from conftest import make_tracker
    from helpers import run_clean

    store = (
        "indicator,period,value,status,source,note,recorded_at\n"
        "fdi,2025-01,10,official,s,,2025-02-05T00:00:00Z\n"
        "fdi,2025-03,30,official,s,,2025-04-05T00:00:00Z\n"
        "fdi,2025-05,50.5,official,s,,2025-06-05T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, Q3_PLAN, store)
    doc = json.loads(run_clean("status", "fdi-2025", "--as-of", "2025-06-10", "--format", "json").stdout)
    listed = doc["targets"][0]["details"]["year_to_date"]["not_counted"]
    (row,) = _table(run_clean("status", "fdi-2025", "--as-of", "2025-06-10", "--format", "csv").stdout, "csv")
    assert row["not_counted"] == "2025-03=30 period_missing 2025-02;2025-05=50.5 period_missing 2025-02"
    split = []
    for item in row["not_counted"].split(";"):
        period, rest = item.split("=", 1)
        value, why, *missing = rest.split(" ")
        split.append({"period": period, "value": float(value), "why": why, "missing": missing[0] if missing else None})
    assert split == listed
