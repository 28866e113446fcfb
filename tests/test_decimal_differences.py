"""A gap or a difference is the difference of two figures as typed, so it is written as a
person subtracting them writes it: 10 − 10.28 is −0.28, not the binary float's
−0.27999999999999936, in JSON, CSV and every table (docs/methodology.md, "Gap"). Every
expected value below is the subtraction done by hand on the shipped figures."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from helpers import run_clean
from qntrack.method.assessment import difference, gap_to

# Shipped observations.csv: GRDP growth 2020 10.05, 2021 10.28, 2022 10.28, 2023 11.03,
# 2024 8.42, 2025 11.89; CBCT share 12.3 latest against 15 by 2025.
EXPECTED = {
    # id: (gap, difference, difference on the same period last year)
    "grdp-growth-plan-2021": (-0.28, 0.28, 0.23),  # 10 - 10.28; 10.28 - 10; 10.28 - 10.05
    "grdp-growth-plan-2023": (-0.03, 0.03, 0.75),  # 11 - 11.03; 11.03 - 11; 11.03 - 10.28
    "grdp-growth-plan-2025": (2.11, -2.11, 3.47),  # 14 - 11.89; 11.89 - 14; 11.89 - 8.42
}


def test_the_shipped_gaps_and_differences_are_the_decimals(shipped: Path):
    doc = json.loads(run_clean("status", "--format", "json").stdout)
    by_id = {t["id"]: t for t in doc["targets"]}
    for target_id, (gap, diff, last_year) in EXPECTED.items():
        t = by_id[target_id]
        assert (t["gap"], t["details"]["difference"]) == (gap, diff), target_id
        assert t["details"]["difference_on_same_period_last_year"] == last_year, target_id
    assert by_id["cbct-share"]["gap"] == 2.7  # 15 - 12.3
    assert by_id["grdp-double-digit"]["gap"] == -1.89  # 10 - 11.89


def test_csv_writes_them_as_typed(shipped: Path):
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(run_clean("status", "--format", "csv").stdout))}
    assert rows["grdp-growth-plan-2021"]["gap"] == "-0.28"
    assert rows["cbct-share"]["gap"] == "2.7"


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (10.0, 10.28, -0.28),
        (0.3, 0.1, 0.2),  # the float difference is 0.19999999999999998
        (1e16, 1.0, 1e16 - 1.0),  # beyond a float's digits: the float nearest the exact answer
        (-400.0, -300.0, -100.0),
        (5.0, 5.0, 0.0),
    ],
)
def test_difference_is_the_decimal_subtraction_rounded_once(a: float, b: float, expected: float):
    assert difference(a, b) == expected


def test_a_gap_keeps_its_direction():
    assert gap_to(15.0, 12.3, increase=True) == 2.7
    assert gap_to(15.0, 17.3, increase=False) == 2.3  # lower is better: 17.3 - 15
    assert gap_to(float("inf"), 1.0, increase=True) == float("inf")
