"""Follow-ups of issue 17's twenty-sixth session (pass F): what the session's other passes
found and left. Expected values written by hand from the small plan of conftest.py."""

from __future__ import annotations

from pathlib import Path

import pytest


from conftest import SMALL_OBSERVATIONS
from helpers import run, run_clean, store_text

# --- 1. cmd's single quotes around --source said only when a row takes the text ----------


def test_single_quotes_of_a_source_no_row_takes_are_not_said(tracker: Path):
    # Every row of the file has its own source: --source's text is stored nowhere.
    (tracker / "rows.csv").write_text(
        "indicator,period,value,status,source\nshare,2024-Q2,13,estimate,Cuc TK\nshare,2024-Q3,14,estimate,Cuc TK\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "rows.csv", "--source", "'GSO'")
    assert r.exit_code == 0, r.stderr
    assert "single quotes" not in r.stderr
    assert "'GSO'" not in store_text(tracker)


def test_single_quotes_of_a_source_a_row_takes_are_said(tracker: Path):
    (tracker / "rows.csv").write_text(
        "indicator,period,value,status,source\nshare,2024-Q2,13,estimate,Cuc TK\nshare,2024-Q3,14,estimate,\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "rows.csv", "--source", "'GSO'", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert r.stderr.count("'GSO' keeps its single quotes") == 1
    assert store_text(tracker) == SMALL_OBSERVATIONS


# --- 2. a unit typed in single quotes (cmd) is told so when refused -----------------------


@pytest.mark.parametrize("dim", [["--dim", "locality='HaLong'"], ["--dim=locality='HaLong'"]])
def test_a_unit_in_single_quotes_from_cmd_is_refused_with_the_quotes_note(dim: list[str], shipped: Path):
    r = run("add-observation", "budget_revenue", "2025", "9.5", *dim, "--dry-run")
    assert r.exit_code == 1
    assert "''HaLong'' is not a unit of 'locality'" in r.stderr
    assert r.stderr.splitlines()[-1] == (
        f"note: single quotes were kept around {dim[-1]}: Windows' cmd passes them on as letters "
        f"(it reads only double quotes); type {dim[-1].replace(chr(39), '')}"
    )


def test_a_unit_with_an_apostrophe_inside_gets_no_quotes_note(shipped: Path):
    r = run("add-observation", "budget_revenue", "2025", "9.5", "--dim", "locality=O'Hare", "--dry-run")
    assert r.exit_code == 1
    assert "single quotes" not in r.stderr
