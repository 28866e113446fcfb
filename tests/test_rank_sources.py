"""A breakdown's units say where each unit's latest figure comes from: in `rank`'s and
`show`'s table (a Source column), and in `rank --format csv|tsv` (``latest_source``, the
last column). An officer checking a district's figure before a review asks "whose number
is this?" first; JSON already had it in ``latest.source``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run
from test_ranking import RANK_TARGETS

OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
fdi,2024,150,official,Provincial statistics office,,2025-03-01T00:00:00Z
fdi[locality=Hạ Long],2024,50,official,Ha Long city report,,2025-03-01T00:00:00Z
fdi[locality=Vân Đồn],2024,25,official,https://example.org/van-don/a-very-long-address-of-the-page-the-figure-was-read-on.html,,2025-03-01T00:00:00Z
fdi[locality=Cẩm Phả],2023,20,official,Cam Pha 2023 report,,2024-03-01T00:00:00Z
fdi[locality=Cẩm Phả],2024,30,official,Cam Pha yearbook,,2025-03-01T00:00:00Z
fdi[locality=Uông Bí],2024,20,official,'=formula-looking source,,2025-03-01T00:00:00Z
fdi[locality=Móng Cái],2024,25,official,,,2025-03-01T00:00:00Z
poor,2020,10,official,,,2021-03-01T00:00:00Z
poor,2022,9,official,,,2023-03-01T00:00:00Z
plain,2020,1,official,,,2021-03-01T00:00:00Z
"""


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, RANK_TARGETS, OBSERVATIONS)


def _table_lines(*args: str) -> list[str]:
    r = run(*args, env={"NO_COLOR": "1", "COLUMNS": "220"})
    assert r.exit_code == 0, r.stderr
    return r.stdout.splitlines()


@pytest.mark.parametrize("command", [["rank", "fdi-2024", "--format", "table"], ["show", "fdi-2024"]])
def test_the_units_table_names_each_latest_figures_source(plan: Path, command: list[str]):
    lines = _table_lines(*command)
    header = next(line for line in lines if "Own values" in line)
    assert header.rstrip().endswith("Source")
    row = {
        name: next(line for line in lines if f" {name} " in line and "(2024)" in line)
        for name in ("Hạ Long", "Cẩm Phả", "Uông Bí", "Vân Đồn")
    }
    assert row["Hạ Long"].rstrip().endswith("Ha Long city report")
    assert row["Cẩm Phả"].rstrip().endswith("Cam Pha yearbook")  # the 2024 figure's, not 2023's
    # As the user gave it: the store's apostrophe before a formula-looking text is not shown.
    assert row["Uông Bí"].rstrip().endswith("=formula-looking source")
    # A web address by its site, as the reports show it: the whole is in csv and history.
    assert row["Vân Đồn"].rstrip().endswith(" example.org")


def test_the_source_column_is_in_vietnamese_too(plan: Path):
    lines = _table_lines("rank", "fdi-2024", "--format", "table", "--lang", "vi")
    assert next(line for line in lines if "Nguồn" in line)


def test_rank_csv_ends_with_the_latest_figures_source(plan: Path):
    r = run("rank", "fdi-2024", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout)))
    # after own_values, before withdrawn (20th session) and the columns added since
    where = rows[0].index("latest_source")
    assert rows[0][where - 1 : where + 2] == ["own_values", "latest_source", "withdrawn"]
    by_unit = {row[1]: row[where] for row in rows[1:]}
    assert by_unit["Hạ Long"] == "Ha Long city report"
    assert by_unit["Cẩm Phả"] == "Cam Pha yearbook"
    assert by_unit["Móng Cái"] == ""
    assert by_unit["Vân Đồn"].endswith("a-very-long-address-of-the-page-the-figure-was-read-on.html")


def test_the_reports_units_table_names_each_latest_figures_source(plan: Path):
    md = run("report", "--format", "markdown", "fdi-2024").stdout
    part = md.split("best to worst")[1]
    header = next(line for line in part.splitlines() if line.startswith("| Rank"))
    assert header.rstrip().endswith("| Source |")
    row = next(line for line in part.splitlines() if line.startswith("| ") and "Cẩm Phả" in line)
    assert row.endswith("| Cam Pha yearbook |")
    row = next(line for line in part.splitlines() if line.startswith("| ") and "Uông Bí" in line)
    assert row.endswith("| =formula-looking source |")  # as given, not as stored


def test_a_units_table_with_no_source_leaves_the_column_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from test_ranking import RANK_OBSERVATIONS

    make_tracker(tmp_path, monkeypatch, RANK_TARGETS, RANK_OBSERVATIONS)  # no row names a source
    md = run("report", "--format", "markdown", "fdi-2024").stdout
    header = next(line for line in md.split("best to worst")[1].splitlines() if line.startswith("| Rank"))
    assert header.rstrip().endswith("| Own values |")
    lines = _table_lines("rank", "fdi-2024", "--format", "table")
    assert not any(line.rstrip().endswith("Source") for line in lines)


def test_the_workbooks_units_sheet_names_each_latest_figures_source(plan: Path):
    import openpyxl

    r = run("report", "--format", "xlsx", "-o", "r.xlsx", "fdi-2024")
    assert r.exit_code == 0, r.stderr
    ws = openpyxl.load_workbook(plan / "r.xlsx")["fdi-2024"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    # Column H, before the figure withdrawn (twentieth session) and the twenty-eighth
    # session's columns (the period's last day, what the figure revised).
    assert rows[0][7] == "Source"
    by_unit = {row[1]: row[7] for row in rows[1:] if row[1]}
    assert by_unit["Cẩm Phả"] == "Cam Pha yearbook"
    assert by_unit["Uông Bí"] == "=formula-looking source"  # as given
    cell = next(row[7] for row in ws.iter_rows(min_row=3) if row[1].value == "Uông Bí")
    assert cell.data_type == "s"  # text, never a formula Excel would run
