"""The terminal's status and rank tables say a figure is an estimate, as the reports and
`show` do (issue 17, twenty-eighth session).

An officer reads the status table at the terminal and cites it; before, its Latest cell
said "12.3% of GRDP (2023)" where the Word report and `show` said "(2023, estimate)",
and `rank --format csv` gave no kind at all. The shipped store's rows the expectations
rest on, read by hand:

    cbct_share,2023,12.3,estimate,...             the latest figure of cbct-share
    mining_share,2020,17.3,estimate,...           the latest of mining-share
    mining_share,2023-Q1,16,,...                  its provisional reading, no status stated
    budget_revenue[locality=Cẩm Phả],2024,18000,estimate,...
    budget_revenue[locality=Móng Cái],2023,5000,,...   no status stated
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from helpers import run

WIDE = {"COLUMNS": "220", "NO_COLOR": "1"}


def _table(*args: str) -> str:
    r = run(*args, "--format", "table", env=WIDE)
    assert r.exit_code == 0, r.stderr
    return r.stdout


def test_the_status_table_says_an_estimate_is_one(shipped: Path):
    out = _table("status")
    assert "12.3% of GRDP (2023, estimate)" in out
    assert "17.3% of GRDP (2020, estimate)" in out
    # A reading with no stated status keeps its period and "provisional" alone.
    assert "16% of GRDP (2023-Q1, part-year)" in out
    assert "(2023-Q1, part-year," not in out


def test_the_status_table_says_it_in_vietnamese(shipped: Path):
    out = _table("status", "--lang", "vi")
    assert "12,3% GRDP (2023, ước tính)" in out


def test_a_stacked_status_says_it_too(shipped: Path):
    # 50 columns: too narrow for the table, one block a target (render._stacked).
    r = run("status", "--format", "table", env={"COLUMNS": "50", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    assert "12.3% of GRDP (2023, estimate)" in " ".join(r.stdout.split())


def test_the_rank_table_says_an_estimate_is_one(shipped: Path):
    out = _table("rank", "budget-revenue-plan-2024")
    assert "18,000 billion VND (2024, estimate)" in out
    assert "5,000 billion VND (2023)" in out


def test_the_rank_csv_ends_with_the_kinds(shipped: Path):
    r = run("rank", "budget-revenue-plan-2024", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout)))
    # New columns only at the end (docs/json.md): as_of stays where it was (and the
    # thirty-second session's awaiting_figures after these, and the thirty-third's
    # missed_milestones, then the thirty-fourth's gap, the thirty-sixth's not_counted).
    assert rows[0][-7:-3] == ["as_of", "latest_status", "provisional_status", "awaiting_figures"]
    by_unit = {row[1]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert by_unit["Cẩm Phả"]["latest_status"] == "estimate"
    assert by_unit["Móng Cái"]["latest_status"] == ""  # none stated
    assert by_unit["Uông Bí"]["latest_status"] == ""  # no figure
    assert by_unit["Cẩm Phả"]["provisional_status"] == ""


def test_at_80_columns_the_table_folds_no_more_than_it_must(shipped: Path):
    # At 80 columns the shipped table is one character too wide for every word to stay
    # whole (the longest id, 25, "provisional," 12, "2021–2025" 9, "million" 7, "0.0407" 6
    # and "Substantial" 11, with the compact padding: 70 against 69). The status column
    # wrapped between its words gives room before any word is folded: before, the Latest
    # and Next milestone columns were cut to 8, folding "mileston|e", "2021–202|5" and
    # "estimate|)" while the status kept 15 characters.
    r = run("status", "--format", "table", env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    table = r.stdout.split("23 targets")[0]
    words = table.split()
    assert "Goal" in words  # "Next milestone" until the thirty-first session
    assert "mileston" not in words and "2021–202" not in words and "estimate" not in words
    assert max(len(line) for line in table.splitlines()) <= 80
