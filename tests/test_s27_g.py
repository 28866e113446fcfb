"""Issue 17, twenty-seventh session, helper G: imports keep provenance, and tables whose
headings need a word of help (each test written failing first; expected rows and words
written by hand from the shipped store and the catalog's wording)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

# --- 1. a figure retyped without its source keeps the source in force ---------------------------

# The shipped store: grdp_growth 2023 = 11.03 (estimate), recorded 2023-11-27, its source the
# vietnamnet page (line 30 of observations.csv).
SOURCE = (
    "https://vietnamnet.vn/tang-truong-grdp-quang-ninh-uoc-dat-11-03-dung-dau-khu-vuc-dong-bang-song-hong-2220375.html"
)


def _unchanged(*args: str) -> str:
    before = Path("observations.csv").read_bytes()
    r = run_clean(*args)
    assert r.exit_code == 0, r.output
    assert Path("observations.csv").read_bytes() == before  # nothing written
    return r.stderr


def test_a_figure_retyped_without_its_source_is_already_recorded(shipped: Path) -> None:
    said = _unchanged("add-observation", "grdp_growth", "2023", "11.03", "--status", "estimate")
    assert "nothing to add: grdp_growth 2023 = 11.03 (estimate, " + SOURCE in said, said
    assert "source changed" not in said


@pytest.mark.parametrize("source_cell", [None, ""])
def test_a_table_without_sources_repeating_the_figure_in_force_is_already_recorded(
    shipped: Path, source_cell: str | None
) -> None:
    if source_cell is None:
        Path("t.csv").write_text("indicator,period,value,status\ngrdp_growth,2023,11.03,estimate\n", encoding="utf-8")
    else:
        Path("t.csv").write_text(
            "indicator,period,value,status,source\ngrdp_growth,2023,11.03,estimate,\n", encoding="utf-8"
        )
    said = _unchanged("add-observation", "--from", "t.csv")
    assert "nothing to add: all 1 row(s) are already recorded in observations.csv" in said, said
    vi = _unchanged("--lang", "vi", "add-observation", "--from", "t.csv")
    assert "source" not in vi and "nguồn" not in vi.split("observations.csv")[-1], vi


def test_the_library_keeps_the_source_in_force(shipped: Path) -> None:
    from qntrack import record_many

    done = record_many(
        "targets.yaml", [{"indicator": "grdp_growth", "period": "2023", "value": "11.03", "status": "estimate"}]
    )
    assert done.rows == []
    assert len(done.skipped) == 1
    stored, current = done.vintages[0]
    assert stored is not None and stored.source == SOURCE and current is stored


def test_another_source_is_still_a_source_only_revision(shipped: Path) -> None:
    r = run_clean("add-observation", "grdp_growth", "2023", "11.03", "--status", "estimate", "--source", "Niên giám")
    assert r.exit_code == 0, r.output
    assert "its source changed from " + SOURCE + " to Niên giám" in r.stderr, r.stderr


def test_a_different_status_or_a_note_is_still_recorded(shipped: Path) -> None:
    # A status stated anew is a status change (estimate -> official), source or none.
    r = run_clean("add-observation", "grdp_growth", "2023", "11.03", "--status", "official")
    assert r.exit_code == 0, r.output
    assert (
        Path("observations.csv")
        .read_text(encoding="utf-8")
        .splitlines()[-1]
        .startswith("grdp_growth,2023,11.03,official,,")
    )
