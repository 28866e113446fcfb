"""Issue 17, twenty-eighth session, helper H: the import passes' small leftovers, each a
message that told a user the wrong thing for where they were. Each test written failing
first; the expected words are written by hand from the catalog's wording, and the units
and names from the shipped targets.yaml (budget_revenue in billion VND / tỷ đồng,
grdp_growth in % y/y, grdp_per_capita "GRDP per capita" / "GRDP bình quân đầu người" in
USD)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

HEADER = "indicator\tperiod\tvalue\tunit\n"


def _table(*rows: str, header: str = HEADER, name: str = "t.tsv") -> Path:
    path = Path(name)
    path.write_text(header + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def _refused(*args: str) -> str:
    before = Path("observations.csv").read_bytes()
    r = run_clean(*args)
    assert r.exit_code == 1, r.output  # the README's exit code for invalid input
    assert Path("observations.csv").read_bytes() == before  # nothing written on a refusal
    return r.stderr


# --- 1. the per-cent hint only where a per-cent is in play ------------------------------------

PERCENT_HINT = "(a bare % matches any per-cent unit)"


def test_a_unit_mismatch_of_no_per_cent_says_no_per_cent_hint(shipped: Path) -> None:
    _table("budget_revenue\t2019\t5\tđ")
    said = _refused("add-observation", "--from", "t.tsv")
    assert (
        "t.tsv:2: error: the unit 'đ' is not the unit of budget_revenue in targets.yaml (billion VND / tỷ đồng):"
        " is the figure in another unit, or on the wrong row?\n"
    ) in said, said
    assert "per-cent" not in said, said
    vi = run_clean("--lang", "vi", "add-observation", "--from", "t.tsv").stderr
    assert "phần trăm" not in vi, vi
    assert "số liệu theo đơn vị tính khác, hay nằm nhầm dòng?\n" in vi, vi


@pytest.mark.parametrize(
    ("row", "why"),
    [
        ("grdp_growth\t2019\t5\t% GRDP", "the plan's unit and the cell are per-cent units"),
        ("budget_revenue\t2019\t5\t%", "the cell is a bare %"),
    ],
)
def test_a_unit_mismatch_with_a_per_cent_keeps_the_hint(shipped: Path, row: str, why: str) -> None:
    _table(row)
    said = _refused("add-observation", "--from", "t.tsv")
    assert PERCENT_HINT in said, (why, said)
    vi = run_clean("--lang", "vi", "add-observation", "--from", "t.tsv").stderr
    assert "(dấu % đơn thuần khớp với mọi đơn vị phần trăm)" in vi, vi


# --- 5. a per-person unit for an indicator named per capita -----------------------------------


@pytest.mark.parametrize("unit", ["USD/người", "USD/person", "USD / người", "USD per capita", "usd/đầu người"])
def test_a_per_person_unit_is_the_unit_of_an_indicator_named_per_capita(shipped: Path, unit: str) -> None:
    _table(f"grdp_per_capita\t2019\t5000\t{unit}")
    r = run_clean("add-observation", "--from", "t.tsv", "--dry-run", "--format", "csv")
    assert r.exit_code == 0, r.output
    assert "grdp_per_capita,2019,5000," in r.stdout, r.stdout


@pytest.mark.parametrize("unit", ["triệu đồng/người", "nghìn USD/người", "USD/người/năm", "USD/hộ"])
def test_a_per_person_unit_of_another_size_or_currency_is_still_refused(shipped: Path, unit: str) -> None:
    _table(f"grdp_per_capita\t2019\t5000\t{unit}")
    said = _refused("add-observation", "--from", "t.tsv")
    assert f"the unit '{unit}' is not the unit of grdp_per_capita in targets.yaml (USD)" in said, said


def test_a_per_person_unit_for_an_indicator_not_named_per_capita_is_told_how_to_declare_it(shipped: Path) -> None:
    _table("budget_revenue\t2019\t5\ttỷ đồng/người")
    said = _refused("add-observation", "--from", "t.tsv")
    assert (
        "the unit 'tỷ đồng/người' is not the unit of budget_revenue in targets.yaml (billion VND / tỷ đồng): is the"
        " figure in another unit, or on the wrong row? If budget_revenue's figures are per person, say so in its"
        " unit in targets.yaml, unit: {en: billion VND/person, vi: tỷ đồng/người}"
    ) in said, said
    vi = _refused("--lang", "vi", "add-observation", "--from", "t.tsv")
    assert "unit: {en: billion VND/person, vi: tỷ đồng/người}" in vi, vi


def test_a_plan_unit_declared_per_person_takes_either_spelling(shipped: Path) -> None:
    # The declaration the refusal above gives: a cell in either language then matches.
    plan = Path("targets.yaml")
    text = plan.read_text(encoding="utf-8")
    old = 'unit: {en: "billion VND", vi: "tỷ đồng"}'
    assert old in text
    plan.write_text(text.replace(old, 'unit: {en: "billion VND/person", vi: "tỷ đồng/người"}', 1), encoding="utf-8")
    indicator = "grdp_vnd"  # the first indicator in billion VND
    for unit in ("tỷ đồng/người", "billion VND/person", "Tỷ đ/người"):
        _table(f"{indicator}\t2019\t5\t{unit}")
        r = run_clean("add-observation", "--from", "t.tsv", "--dry-run")
        assert r.exit_code == 0, (unit, r.output)


def test_a_workbook_unit_cell_per_person_is_read_as_the_csv_one(shipped: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["indicator", "period", "value", "Đơn vị"])
    sheet.append(["grdp_per_capita", "2019", 5000, "USD/người"])
    sheet.append(["budget_revenue", "2019", 5, "đ"])
    book.save("b.xlsx")
    said = _refused("add-observation", "--from", "b.xlsx")
    assert "grdp_per_capita" not in said, said
    assert "the unit 'đ' is not the unit of budget_revenue" in said, said
    assert "per-cent" not in said, said
