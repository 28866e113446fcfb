"""A status cell holding a statistics table's flag (issue 17, twenty-eighth session).

A period cell `2024 (p)` is told to put the figure's status in the status column; a user
who then writes the flag itself there, `(p)` or `e` as Eurostat's and the OECD's tables
print it, was told only "status '(p)' is not one of: estimate, preliminary, official".
The flag is now named: (p) may be preliminary or estimate (the user chooses, as for the
period cell), (e) is an estimate. Nothing is guessed: the row is refused, nothing written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

HEADER = "indicator\tperiod\tvalue\tstatus\n"


@pytest.mark.parametrize("flag", ["(p)", "(P)", "p", "( p )"])
def test_a_provisional_flag_in_the_status_column_is_named(shipped: Path, flag: str):
    before = (shipped / "observations.csv").read_bytes()
    r = run_clean("add-observation", "--from", "-", input=HEADER + f"grdp_growth\t2026\t9.5\t{flag}\n")
    assert r.exit_code == 1, r.stderr
    said = " ".join(r.stderr.split())
    assert f"status '{flag.strip()}' is a statistics table's flag of a provisional figure" in said
    assert "write preliminary or estimate" in said
    assert (shipped / "observations.csv").read_bytes() == before


def test_an_estimate_flag_is_told_estimate(shipped: Path):
    r = run_clean("add-observation", "--from", "-", input=HEADER + "grdp_growth\t2026\t9.5\t(e)\n")
    assert r.exit_code == 1, r.stderr
    assert "status '(e)' is a statistics table's flag of an estimated figure: write estimate" in " ".join(
        r.stderr.split()
    )


def test_typed_and_in_vietnamese(shipped: Path):
    r = run_clean("--lang", "vi", "add-observation", "grdp_growth", "2026", "9.5", "--status", "(e)")
    assert r.exit_code != 0
    assert "ký hiệu số liệu ước tính" in r.stderr


def test_another_word_keeps_the_list_of_statuses(shipped: Path):
    r = run_clean("add-observation", "--from", "-", input=HEADER + "grdp_growth\t2026\t9.5\tpe\n")
    assert r.exit_code == 1
    assert "status 'pe' is not one of" in r.stderr
