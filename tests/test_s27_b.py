"""Issue 17, twenty-seventh session (pass B): the year-end review of 2026 in Vietnamese, as
the Quang Ninh planning officer makes it. Expected values written by hand from the figures
each test records in a copy of the shipped plan."""

from __future__ import annotations

from pathlib import Path

from helpers import run_clean, since_row

# --- 1. the since table says each figure's status (estimate or official) ------------------
# The officer cites the year's new figures from "since the last review": a 2026 estimate
# must read as an estimate there, and a 6-month estimate revised to the official figure as
# official, the figure it replaced as the estimate it was.


def _half_year_then_official() -> None:
    first = ("grdp_growth", "2026-H1", "10,2", "--status", "estimate", "--source", "Cuc TK, 3/7/2026")
    assert run_clean("add-observation", *first, "--recorded-at", "2026-07-03T00:00:00Z").exit_code == 0
    then = ("grdp_growth", "2026-H1", "10,35", "--status", "official", "--source", "Cuc TK, chinh thuc")
    assert run_clean("add-observation", *then, "--recorded-at", "2026-11-20T00:00:00Z").exit_code == 0


def test_the_since_table_gives_a_new_figures_status_in_vietnamese(shipped: Path):
    assert run_clean("add-observation", "cbct_share", "2026", "14,8", "--status", "estimate", "--source", "Cuc TK",
                     "--recorded-at", "2026-11-20T00:00:00Z").exit_code == 0  # fmt: skip
    row = since_row("vi", "cbct_share", "2026-07-05", "2026-12-01")
    assert "| năm 2026 | 14,8 % GRDP | ước tính | mới | – | Cuc TK | 20/11/2026 |" in row, row


def test_the_since_table_gives_a_revisions_status_and_the_replaced_ones(shipped: Path):
    _half_year_then_official()
    row = since_row("vi", "grdp_growth", "2026-07-05", "2026-12-01")
    assert (
        "| 6 tháng đầu năm 2026 | 10,35 % so với cùng kỳ | chính thức | điều chỉnh | 10,2\\[1\\] % so với cùng kỳ |"
        in row
    )
    r = run_clean("--lang", "vi", "report", "--format", "markdown", "--since", "2026-07-05", "--as-of", "2026-12-01")
    assert (
        "\\[1\\] Tốc độ tăng trưởng GRDP (grdp\\_growth) 6 tháng đầu năm 2026: 10,2 % so với cùng kỳ "
        "(ước tính, ghi nhận 03/07/2026; nguồn: Cuc TK, 3/7/2026)"
    ) in r.stdout, r.stdout


def test_the_since_table_gives_the_status_in_english_and_in_word(shipped: Path):
    import docx

    _half_year_then_official()
    row = since_row("en", "grdp_growth", "2026-07-05", "2026-12-01")
    assert "| H1 2026 | 10.35 % y/y | official | revised | 10.2\\[1\\] % y/y |" in row, row
    args = ("--lang", "vi", "report", "--since", "2026-07-05", "--as-of", "2026-12-01", "-o", "r.docx")
    assert run_clean(*args).exit_code == 0
    tables = docx.Document("r.docx").tables
    since = next(t for t in tables if t.rows[0].cells[0].text == "Chỉ tiêu" and len(t.columns) == 8)
    assert [c.text for c in since.rows[0].cells][2:4] == ["Giá trị", "Loại số liệu"]
    rows = [[c.text for c in r.cells] for r in since.rows[1:]]
    assert ["6 tháng đầu năm 2026", "10,35 % so với cùng kỳ", "chính thức"] in [r[1:4] for r in rows], rows
