"""An official figure retyped bare keeps its status and its source (issue 17,
twenty-seventh session; pass G's leftover). Pass G made a figure retyped without its
source, same value and status, "already recorded"; typed with no status either over an
official figure, it was still recorded, "no longer said official", its source gone."""

from __future__ import annotations

from pathlib import Path

from helpers import run_clean


def test_an_official_figure_retyped_bare_keeps_its_status_and_source(shipped: Path):
    # A bare retype of the figure in force says nothing new: already recorded.
    r = run_clean(
        "add-observation", "fdi", "2024", "2877.8", "--status", "official", "--source", "GSO",
        "--recorded-at", "2025-06-01",
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    before = Path("observations.csv").read_bytes()
    again = run_clean("add-observation", "fdi", "2024", "2877.8")
    assert again.exit_code == 0, again.stderr
    assert again.stderr.startswith("nothing to add: fdi 2024 = 2877.8 (official, GSO, recorded 2025-06-01")
    assert Path("observations.csv").read_bytes() == before
    # Another figure typed bare is still a revision, recorded.
    other = run_clean("add-observation", "fdi", "2024", "2900", "--dry-run")
    assert "revising 2877.8" in other.stderr
