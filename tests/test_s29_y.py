"""Issue 17, twenty-ninth session, helper Y: an office's tables read as the office wrote
them, the last leftovers (total words, period columns by their Vietnamese and English
headings, a plan's period, a library caller's words). Each test written failing first;
the expected rows and words are written by hand from the cells typed here and the
catalog's wording."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_clean


def _table(header: str, *rows: str, name: str = "t.tsv") -> Path:
    path = Path(name)
    path.write_text(header + "\n" + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def _refused(*args: str) -> str:
    before = Path("observations.csv").read_bytes()
    r = run_clean(*args)
    assert r.exit_code == 1, r.output  # the README's exit code for invalid input
    assert Path("observations.csv").read_bytes() == before  # nothing written on a refusal
    return r.stderr


def _dry_rows(*args: str) -> list[dict]:
    before = Path("observations.csv").read_bytes()
    r = run_clean("add-observation", *args, "--dry-run", "--format", "json")
    assert r.exit_code == 0, r.output
    assert Path("observations.csv").read_bytes() == before
    return json.loads(r.stdout)["observations"]


# --- 1. Cộng, a budget table's total line ------------------------------------------------------


@pytest.mark.parametrize("word", ["Cộng", "CỘNG", "Tổng cộng", "Tổng số", "Toàn tỉnh", "Cả nước"])
def test_a_total_word_in_the_indicator_column_is_a_total_line(shipped: Path, word: str) -> None:
    _table("Chỉ tiêu\tKỳ\tGiá trị", "budget_revenue\t2024\t57330", f"{word}\t2024\t60000")
    said = _refused("add-observation", "--from", "t.tsv")
    assert f"t.tsv:3: error: '{word}' is a table's total line, not an indicator:" in said, said
    assert "known:" not in said, said
    vi = run_clean("--lang", "vi", "add-observation", "--from", "t.tsv")
    assert f"'{word}' là dòng tổng của bảng, không phải một chỉ tiêu" in vi.stderr, vi.stderr


def test_cong_in_a_units_column_is_the_total_never_a_units_figure(shipped: Path) -> None:
    # A budget table: two localities, then their sum on a "Cộng" line. The sum is the total's
    # row (no unit in brackets), as "Tổng số" there always was.
    _table(
        "Chỉ tiêu\tĐịa phương\tKỳ\tGiá trị\tLoại số liệu",
        "budget_revenue\tHạ Long\t2025\t20000\testimate",
        "budget_revenue\tCẩm Phả\t2025\t19000\testimate",
        "budget_revenue\tCộng\t2025\t39000\testimate",
    )
    rows = _dry_rows("--from", "t.tsv")
    assert [(r["indicator"], r["dims"], r["value"]) for r in rows] == [
        ("budget_revenue", {"locality": "Hạ Long"}, 20000),
        ("budget_revenue", {"locality": "Cẩm Phả"}, 19000),
        ("budget_revenue", {}, 39000),
    ]


@pytest.mark.parametrize("word", ["Công", "Cong"])
def test_a_word_that_only_folds_to_cong_is_no_total(shipped: Path, word: str) -> None:
    # Without its marks "Cộng" is "cong", as "Công" is: only the word as written is a total.
    _table("Chỉ tiêu\tĐịa phương\tKỳ\tGiá trị", f"budget_revenue\t{word}\t2025\t39000")
    said = _refused("add-observation", "--from", "t.tsv")
    assert f"'{word}' is not a unit of 'locality'" in said, said
