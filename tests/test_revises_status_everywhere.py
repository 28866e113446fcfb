"""`revises_status` on every JSON object that says what a figure replaced (issue 17,
twenty-seventh session; pass E's leftover).

Pass E ended `latest`, `provisional` and `judged_on` with the status of the vintage
replaced; the other objects that carry `revises`, `revises_source` and
`revises_recorded_at` (`observations`, `history`, `show`'s observations and retractions,
the span kinds' periods, `parts_revised`) did not, so a script reading an estimate made
official from one had to look it up in another. Each now ends with it, as docs/json.md
says every such object does.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean
from test_s27_d import _SUM_PLAN, _SUM_ROWS


def _json(*args: str) -> dict:
    r = run_clean(*args)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


# The shipped store's 2023 growth: 11.02 (estimate, 24/11/2023) revised to 11.03 (estimate,
# 27/11/2023): the status replaced is "estimate".


def test_history_ends_each_vintage_with_the_status_it_replaced(shipped: Path):
    doc = _json("history", "grdp_growth", "2023", "--format", "json")
    first, second = doc["vintages"]
    assert (first["value"], first["revises"]) == (11.03, 11.02)
    assert list(first)[-1] == "revises_status" and first["revises_status"] == "estimate"
    assert second["revises"] is None and second["revises_status"] is None
    table = list(csv.reader(io.StringIO(run_clean("history", "grdp_growth", "2023", "--format", "csv").stdout)))
    assert table[0][-1] == "revises_status"
    assert [row[-1] for row in table[1:]] == ["estimate", ""]


def test_observations_end_each_row_with_the_status_it_replaced(shipped: Path):
    doc = _json("observations", "--indicator", "grdp_growth", "--format", "json")
    row = next(o for o in doc["observations"] if o["period"] == "2023")
    assert row["revises"] == 11.02
    assert list(row)[-1] == "revises_status" and row["revises_status"] == "estimate"
    first = next(o for o in doc["observations"] if o["revises"] is None)
    assert first["revises_status"] is None


def test_show_ends_its_observations_and_the_periods_of_a_span_with_it(shipped: Path):
    doc = _json("show", "grdp-double-digit", "--format", "json")
    row = next(o for o in doc["observations"] if o["period"] == "2023")
    assert list(row)[-1] == "revises_status" and row["revises_status"] == "estimate"
    period = next(p for p in doc["details"]["periods"] if p["period"] == "2023")
    assert period["revises"] == 11.02
    assert list(period)[-1] == "revises_status" and period["revises_status"] == "estimate"
    status = _json("status", "--format", "json")
    target = next(t for t in status["targets"] if t["id"] == "grdp-double-digit")
    assert next(p for p in target["details"]["periods"] if p["period"] == "2023")["revises_status"] == "estimate"


def test_a_withdrawn_figure_says_its_status(shipped: Path):
    r = run_clean("retract", "grdp_growth", "2023", "--recorded-at", "2024-01-10T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    doc = _json("show", "grdp-double-digit", "--format", "json")
    (withdrawn,) = [o for o in doc["retracted"] if o["period"] == "2023"]
    assert withdrawn["revises"] == 11.03
    assert list(withdrawn)[-1] == "revises_status" and withdrawn["revises_status"] == "estimate"


@pytest.mark.parametrize("cold", ["1", ""])
def test_each_part_revised_of_a_sum_says_the_status_it_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cold: str
):
    # February 30 (estimate, MOIT) revised to 40 (official, GSO) inside the first quarter.
    make_tracker(tmp_path, monkeypatch, _SUM_PLAN, _SUM_ROWS)
    if cold:
        monkeypatch.setenv("QNTRACK_NO_CACHE", "1")
    doc = _json("status", "--format", "json", "--as-of", "2025-05-01")
    (target,) = doc["targets"]
    (part,) = target["provisional"]["parts_revised"]
    assert (part["period"], part["revises"], part["revises_source"]) == ("2025-02", 30, "MOIT")
    assert list(part)[-1] == "revises_status" and part["revises_status"] == "estimate"
