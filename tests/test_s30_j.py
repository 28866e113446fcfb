"""A hostile new user: a data journalist and a researcher who must trust every number
(issue 17, thirtieth session, pass J).

The journalist checks a claim against the shipped dataset (the figure, its source and
status, what was known on a day, how the status was computed); the researcher scripts
qntrack (JSON into jq, CSV into a spreadsheet, exit codes in a shell `if`). Every
expected number below is worked by hand in its test's docstring, from the shipped
observations.csv and docs/methodology.md, never copied from qntrack's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

# --- 1. `status --fail-on achieved`: the word is part of two statuses, target_achieved and
# not_achieved, which mean opposite things; it was told "did you mean 'not_achieved'?"
# (difflib's nearest, the shorter code), so a script's author who meant target_achieved
# and took the hint gated on the opposite. A word that is a whole part of several codes
# is now told all of them, and no one is picked.


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("achieved", ["not_achieved", "target_achieved"]),
        ("Achieved", ["not_achieved", "target_achieved"]),
        ("progress", ["limited_progress", "moderate_progress", "substantial_progress"]),
    ],
)
def test_a_fail_on_word_of_several_statuses_names_them_all(shipped: Path, typed: str, codes: list[str]):
    r = run_clean("status", "--fail-on", typed)
    assert r.exit_code == 2 and r.stdout == "", r.output
    head = r.stderr.split("valid:")[0]
    assert "did you mean" not in head, r.stderr
    for code in codes:
        assert f"'{code}'" in head, r.stderr
    vi = run_clean("--lang", "vi", "status", "--fail-on", typed)
    assert vi.exit_code == 2, vi.output
    head_vi = vi.stderr.split("hợp lệ:")[0]
    assert all(f"'{code}'" in head_vi for code in codes), vi.stderr


def test_a_fail_on_near_miss_of_one_status_keeps_its_hint(shipped: Path):
    """`notachieved` and `deteriorated` are close to one code each: the hint stays."""
    r = run_clean("status", "--fail-on", "deteriorated")
    assert r.exit_code == 2 and "did you mean 'deterioration'?" in r.stderr, r.stderr


# --- 2. An id that names a family of targets or indicators (`fdi-plan`, the start of five
# years' plans; `fdi-plan-2026`, a year the plan does not hold; `grdp`, the start of three
# indicators) was told one member, difflib's pick: `status fdi-plan-2026` said "did you
# mean 'fdi-plan-2022'?", a plan four years off, and `show cbct` said nothing close. A
# journalist takes the one hint offered; now every member is named and none is picked.


@pytest.mark.parametrize(
    ("args", "members"),
    [
        (("status", "fdi-plan-2026"), ["fdi-plan-2022", "fdi-plan-2023", "fdi-plan-2024", "fdi-plan-2025"]),
        (("show", "fdi-plan"), ["fdi-plan-2022", "fdi-plan-2023", "fdi-plan-2023-ubnd", "fdi-plan-2024"]),
        (("show", "cbct"), ["cbct-share", "cbct-va-growth-2021-2025", "cbct-investment-2021-2025"]),
        (("show", "grdp-growth-plan-2016"), [f"grdp-growth-plan-{y}" for y in range(2017, 2026)]),
        (("history", "grdp"), ["grdp_growth", "grdp_vnd", "grdp_per_capita"]),
        (("observations", "--indicator", "cbct"), ["cbct_share", "cbct_va_growth", "cbct_investment"]),
    ],
)
def test_an_id_of_a_family_is_told_every_member(shipped: Path, args: tuple[str, ...], members: list[str]):
    r = run_clean(*args)
    assert r.exit_code == 1 and r.stdout == "", r.output
    head = r.stderr.split("(targets:")[0].split("(indicators:")[0]
    assert "did you mean one of" in head, r.stderr
    for member in members:
        assert f"'{member}'" in head, r.stderr
    vi = run_clean("--lang", "vi", *args)
    assert all(f"'{member}'" in vi.stderr for member in members), vi.stderr


def test_a_near_miss_of_one_id_keeps_its_one_hint(shipped: Path):
    r = run_clean("show", "cbct-shar")
    assert r.exit_code == 1 and "did you mean 'cbct-share'?" in r.stderr, r.stderr
    r = run_clean("history", "grdp_grwth")
    assert r.exit_code == 1 and "did you mean 'grdp_growth'?" in r.stderr, r.stderr


# --- 3. `qntrack --as-of 2023-06-28 status`: README says --lang and --targets go before
# the command's name or after it, so a journalist put --as-of there too and read "No such
# option: --as-of", though status has it. The refusal (exit 2, nothing run) now says whose
# option it is and the command to type.


@pytest.mark.parametrize(
    ("args", "fixed"),
    [
        (("--as-of", "2023-06-28", "status"), "qntrack status --as-of 2023-06-28"),
        (("--format", "json", "status", "cbct-share"), "qntrack status --format json"),
        (("--lang", "vi", "--as-of=2023-06-28", "show", "cbct-share"), "qntrack show --as-of=2023-06-28"),
        (("-f", "json", "status"), "qntrack status -f json"),
    ],
)
def test_a_command_option_before_the_command_is_told_where_it_goes(shipped: Path, args: tuple[str, ...], fixed: str):
    r = run_clean(*args)
    assert r.exit_code == 2 and r.stdout == "", r.output
    assert fixed in r.stderr, r.stderr


def test_an_option_no_command_has_is_refused_as_before(shipped: Path):
    r = run_clean("--verbose", "status")
    assert r.exit_code == 2 and "No such option: --verbose" in r.stderr, r.stderr
    assert "after the command" not in r.stderr, r.stderr
