"""Small defects earlier sessions left (issue 17, nineteenth session): each test written
first and seen failing (docs/decisions.md, "Small defects left by earlier sessions")."""

from __future__ import annotations

from pathlib import Path


from conftest import SMALL_OBSERVATIONS
from helpers import run, store_text
from qntrack.catalog import msg, render

# --- 1. Counts in Vietnamese messages are grouped by thousands ---------------------------


def test_a_count_in_a_vietnamese_message_is_grouped_as_a_figure_is(tracker: Path):
    # A source of 2,001 characters against the limit of 2,000: Vietnamese writes the two
    # counts "2.001" and "2.000" (a dot every three digits, as the tables and a message's
    # figures write them); English writes its message's numbers ungrouped, counts as
    # figures ("2001", "2000").
    source = "a" * 2001
    en = run("add-observation", "share", "2024-Q2", "13", "--source", source)
    vi = run("--lang", "vi", "add-observation", "share", "2024-Q2", "13", "--source", source)
    assert (en.exit_code, vi.exit_code) == (1, 1)
    assert "add-observation: error: the source is 2001 characters long; at most 2000 are allowed" in en.stderr
    assert "add-observation: lỗi: nguồn dài 2.001 ký tự; tối đa 2.000 ký tự" in vi.stderr
    assert store_text(tracker).count("\n") == 7  # header and six rows: nothing added


def test_counts_in_messages_are_grouped_but_years_and_small_counts_are_not():
    # 1234 rows: "1.234 dòng"; 999 and a year (2025) are never grouped.
    assert render(msg("totals", errors=1234, warnings=999), "vi") == "1.234 lỗi, 999 cảnh báo"
    assert render(msg("totals", errors=1234, warnings=999), "en") == "1234 error(s), 999 warning(s)"
    assert render(msg("report_targets_count", n=12345), "vi") == "12.345 mục tiêu"
    # A text too long to quote is clipped with its length: 2,500 characters, "2.500".
    clipped = render(msg("store_timestamp_invalid", text="x" * 2500), "vi")
    assert "…[2.500 ký tự]…" in clipped


def test_a_dry_runs_rows_are_grouped_in_vietnamese(tracker: Path):
    # The small plan's share is quarterly: 300 years of four quarters are 1,200 rows
    # (1700-Q1 .. 1999-Q4), none in the store: "1.200 dòng", and "0 dòng" left out.
    rows = "".join(f"share,{year}-Q{q},10\n" for year in range(1700, 2000) for q in (1, 2, 3, 4))
    Path("many.csv").write_text("indicator,period,value\n" + rows, encoding="utf-8")
    vi = run("--lang", "vi", "add-observation", "--from", "many.csv", "--dry-run")
    assert vi.exit_code == 0, vi.output
    assert "chạy thử: sẽ thêm 1.200 dòng vào observations.csv (0 dòng đã có, bỏ qua)" in vi.stderr
    assert store_text(tracker) == SMALL_OBSERVATIONS  # a dry run writes nothing
