"""A report qntrack wrote, given to `add-observation --from`, is said to be one, with the
way to edit figures and import them back: the workbook's Figures sheet, read as an
import, gave four errors about its columns, none saying why."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean


@pytest.mark.parametrize("name", ["r.xlsx", "r.md", "r.html"])
def test_a_report_is_not_read_as_an_import(tracker: Path, name: str) -> None:
    assert run_clean("report", "-o", name).exit_code == 0
    before = (tracker / "observations.csv").read_bytes()
    r = run_clean("add-observation", "--from", name)
    assert r.exit_code == 1, r.output
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{name}: error: ") and "observations --format csv" in lines[0]
    assert (tracker / "observations.csv").read_bytes() == before


def test_the_store_listing_still_imports_back(tracker: Path) -> None:
    listed = run_clean("observations", "--format", "csv").stdout
    (tracker / "listed.csv").write_text(listed, encoding="utf-8")
    r = run_clean("add-observation", "--from", "listed.csv")
    assert r.exit_code == 0, r.output
    assert (tracker / "observations.csv").read_text(encoding="utf-8").count("\n") == listed.count("\n")
