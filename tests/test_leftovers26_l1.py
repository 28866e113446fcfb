"""Issue 17, twenty-sixth session, pass L1: leftovers of the session's passes over imports,
messages and dry runs (each test written failing first; each expected sentence written by
hand from the catalog's wording)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

# --- 1. a dry run of a revision of the status, source or note alone ----------------------------

FIRST = ("grdp_growth", "2026-Q1", "5", "--status", "estimate", "--source", "Cuc TK")


def _dry_after_first(*changed: str, lang: str = "en") -> str:
    # The same 5 recorded on 20 April, then tried again with one thing changed, --dry-run.
    r = run_clean("add-observation", *FIRST, "--recorded-at", "2026-04-20T00:00:00Z")
    assert r.exit_code == 0, r.output
    before = Path("observations.csv").read_bytes()
    r = run_clean("--lang", lang, "add-observation", "grdp_growth", "2026-Q1", "5", *changed, "--dry-run")
    assert r.exit_code == 0, r.output
    assert Path("observations.csv").read_bytes() == before  # nothing written
    return r.stderr


def test_a_dry_run_says_a_status_only_revision(shipped: Path) -> None:
    said = _dry_after_first("--status", "official", "--source", "Cuc TK")
    assert (
        "dry run: would add grdp_growth 2026-Q1 = 5 to observations.csv: the same figure as the one recorded "
        "2026-04-20, its status changing from estimate to official; nothing was written"
    ) in said, said


def test_a_dry_run_says_a_status_only_revision_in_vietnamese(shipped: Path) -> None:
    said = _dry_after_first("--status", "official", "--source", "Cuc TK", lang="vi")
    assert (
        "chạy thử: sẽ thêm grdp_growth 2026-Q1 = 5 vào observations.csv: cùng số với số ghi nhận 20/04/2026, "
        "trạng thái sẽ đổi từ ước tính sang chính thức; không ghi gì"
    ) in said, said


def test_a_dry_run_says_a_source_only_revision(shipped: Path) -> None:
    said = _dry_after_first("--status", "estimate", "--source", "GSO")
    assert (
        "dry run: would add grdp_growth 2026-Q1 = 5 to observations.csv: the same figure as the one recorded "
        "2026-04-20, its source changing from Cuc TK to GSO; nothing was written"
    ) in said, said
    vi = run_clean("--lang", "vi", "add-observation", "grdp_growth", "2026-Q1", "5", "--status", "estimate",
                   "--source", "GSO", "--dry-run").stderr  # fmt: skip
    assert (
        "chạy thử: sẽ thêm grdp_growth 2026-Q1 = 5 vào observations.csv: cùng số và trạng thái với số ghi nhận "
        "20/04/2026, nguồn sẽ đổi từ Cuc TK sang GSO; không ghi gì"
    ) in vi, vi


def test_a_dry_run_says_a_note_only_revision(shipped: Path) -> None:
    # Dated, as the real run needs it: undated, the same figure, status and source is
    # already recorded whatever its note.
    at = ("--recorded-at", "2026-05-20T00:00:00Z")
    said = _dry_after_first("--status", "estimate", "--source", "Cuc TK", "--note", "hand checked", *at)
    assert (
        "dry run: would add grdp_growth 2026-Q1 = 5 to observations.csv: the same figure, status and source "
        "as the one recorded 2026-04-20, with a note of its own; nothing was written"
    ) in said, said
    vi = run_clean("--lang", "vi", "add-observation", *FIRST, "--note", "đã kiểm tra", *at, "--dry-run").stderr
    assert (
        "chạy thử: sẽ thêm grdp_growth 2026-Q1 = 5 vào observations.csv: cùng số, trạng thái và nguồn với số "
        "ghi nhận 20/04/2026, chỉ khác ghi chú; không ghi gì"
    ) in vi, vi


@pytest.mark.parametrize("value", ["5.2", "6"])
def test_a_dry_run_of_a_new_figure_keeps_its_words(shipped: Path, value: str) -> None:
    r = run_clean("add-observation", *FIRST, "--recorded-at", "2026-04-20T00:00:00Z")
    assert r.exit_code == 0, r.output
    r = run_clean("add-observation", "grdp_growth", "2026-Q1", value, "--status", "official", "--dry-run")
    assert "dry run: would add 1 row(s), 0 already recorded, to observations.csv; nothing was written" in r.stderr
