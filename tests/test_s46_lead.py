"""The lead's own fixes of the forty-sixth session (issue 17): each test was written
first, against the defect a user met, and seen to fail."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean
from qntrack.files.unit_languages import sizes_apart

PLAN = """\
version: 1
indicators:
  fdi:
    name: {en: FDI attracted, vi: Vốn FDI thu hút}
    unit: {en: million USD, vi: triệu USD}
    frequency: year
  budget:
    name: {en: Budget revenue, vi: Thu ngân sách}
    unit: {en: billion VND, vi: tỷ đồng}
    frequency: year
targets:
  - id: fdi-plan-2024
    type: plan
    indicator: fdi
    period: 2024
    value: 2000
"""
FROM = ("--source", "Cục Thống kê", "--recorded-at", "2026-07-10")


# --- 1. the US dollar in words, in a unit of another size ----------------------------------------

# The GSO's yearbook writes "Tỷ đô la Mỹ" where a press release writes "tỷ USD". The
# second was told to multiply by 1,000 (forty-fifth session); the first, the same unit,
# was told only "another unit, or the wrong row?". 1 tỷ (10^9) USD = 1,000 triệu (10^6) USD.


@pytest.mark.parametrize(
    ("given", "unit", "power"),
    [
        ("tỷ đô la Mỹ", "triệu USD", 3),
        ("Tỷ đô la", "triệu USD", 3),
        ("Triệu đô la Mỹ", "tỷ USD", -3),
        ("Tr.USD", "tỷ USD", -3),  # 'Tr' is triệu: 10^6 against 10^9
        ("USD bn", "million USD", 3),
        ("tỉ đồng", "triệu đồng", 3),
        ("nghìn tỷ đồng", "tỷ VNĐ", 3),
        ("tỷ USD", "triệu USD", 3),
    ],
)
def test_a_unit_of_another_size_in_other_words_gets_its_factor(given: str, unit: str, power: int) -> None:
    assert sizes_apart(given, unit) == power


@pytest.mark.parametrize(
    ("given", "unit"),
    [
        ("tỷ đồng", "triệu USD"),  # another currency: no factor turns one into the other
        ("triệu đô la Mỹ", "triệu đồng"),
        ("tỷ lệ", "triệu USD"),  # a rate, not a size
        ("nghìn người", "triệu USD"),
        ("Tr.USD", "triệu USD"),  # the same size: no factor (the unit fits, as unit_matches says)
    ],
)
def test_no_factor_between_units_of_other_things(given: str, unit: str) -> None:
    assert sizes_apart(given, unit) is None


def test_a_yearbook_row_in_billions_of_dollars_in_words_is_told_the_factor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER)
    text = "Chỉ tiêu\tĐVT\tNăm 2024\nVốn FDI thu hút\tTỷ đô la Mỹ\t4,5\n"
    r = run_clean("--lang", "vi", "add-observation", "--from", "-", *FROM, input=text.encode("utf-8"))
    assert r.exit_code == 1, r.output
    line2 = next(x for x in r.stderr.splitlines() if x.startswith("<stdin>:2:"))
    assert "hãy nhân các số liệu với 1.000" in line2, r.stderr
    assert Path("observations.csv").read_text(encoding="utf-8") == STORE_HEADER


# --- 2. a Workspace a caller cannot change under the commands' feet --------------------------------

# docs/python-api.md offers `open_workspace` to a notebook: `ws.plan = other` was taken in
# silence, and `warnings_for` then judged the store against a plan it was not checked
# against (forty-fifth session, pass P's leftover). Its fields are now read-only.


def test_a_workspaces_fields_cannot_be_assigned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qntrack.files.workspace import open_workspace

    make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER)
    ws = open_workspace(Path("targets.yaml"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        ws.plan = ws.plan  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ws.store_path = Path("elsewhere.csv")  # type: ignore[misc]
