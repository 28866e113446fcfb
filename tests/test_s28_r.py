"""Issue 17, twenty-eighth session, helper R: the session reviewed as its next maintainer and
tried as a user. Each test written failing first; the expected words are written by hand
from the catalog's wording and the shipped targets.yaml (budget_revenue in billion VND)."""

from __future__ import annotations

from pathlib import Path

from helpers import refused_here as _refused


def test_a_flagged_wide_heading_is_not_told_it_is_no_period(shipped: Path) -> None:
    # The import said, one line after the other, "the columns 2023, 2024 (p) are periods:
    # read as a wide table" and "column 3 '2024 (p)' is neither a period nor one of status,
    # source, note, recorded_at: '2024 (p)' ends with (p) ...". The heading is a period and a
    # flag; it is now said so, and the flag's advice follows as before.
    Path("w.tsv").write_text("Chỉ tiêu\t2023\t2024 (p)\nbudget_revenue\t51000\t52000\n", encoding="utf-8")
    said = _refused("add-observation", "--from", "w.tsv")
    assert "the columns 2023, 2024 (p) are periods" in said, said
    assert "neither a period" not in said, said
    assert "column 3 '2024 (p)' is a period and a status flag: '2024 (p)' ends with (p)" in said, said
    vi = _refused("--lang", "vi", "add-observation", "--from", "w.tsv")
    assert "không phải là kỳ" not in vi, vi
    assert "cột 3 '2024 (p)' là kỳ kèm ký hiệu loại số liệu: '2024 (p)' kết thúc bằng (p)" in vi, vi
    # With --wide, and with a breakdown's table, the same words.
    said = _refused("add-observation", "--from", "w.tsv", "--wide")
    assert "column 3 '2024 (p)' is a period and a status flag: '2024 (p)' ends with (p)" in said, said
