"""Issue 17, thirty-eighth session, the lead: a half-year no year has, typed for a day
(pass M2's leftover). `--as-of 2026-H3` was "not a date; write YYYY-MM-DD" where `history
grdp_growth 2026-H3` says half 3 does not exist: told, as a fifth quarter now is, that a
year has two halves, with the last day of each (30 June and 31 December, by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

NO_HALF = [("2026-H3", "2026"), ("H3/2027", "2027"), ("2026-H0", "2026")]


def _said_two_halves(stderr: str, year: str, lang: str) -> None:
    text = " ".join(stderr.split())
    assert f"{year}-06-30" in text and f"{year}-12-31" in text, text
    if lang == "en":
        assert "two halves" in text and "not a date" not in text, text
    else:
        assert "hai nửa năm" in text and "không phải là ngày" not in text, text


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(("typed", "year"), NO_HALF)
def test_as_of_a_half_no_year_has_is_told_a_year_has_two(shipped: Path, lang: str, typed: str, year: str) -> None:
    made = run_clean("--lang", lang, "status", "--as-of", typed)
    assert made.exit_code == 2, made.output  # as any --as-of that is no day
    assert made.stderr.startswith("--as-of: "), made.stderr
    _said_two_halves(made.stderr, year, lang)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_since_a_third_half_is_told_a_year_has_two(shipped: Path, lang: str) -> None:
    made = run_clean("--lang", lang, "report", "--since", "2026-H3", "-o", "r.md")
    assert made.exit_code == 2, made.output
    assert made.stderr.startswith("--since: "), made.stderr
    _said_two_halves(made.stderr, "2026", lang)
    assert not Path("r.md").exists()


def test_a_half_there_is_is_still_told_its_last_day(shipped: Path) -> None:
    made = run_clean("status", "--as-of", "2026-H1")
    assert made.exit_code == 2, made.output
    assert "2026-06-30 (its last day)" in made.stderr, made.stderr


def test_a_python_caller_s_third_half_is_an_argument_error_that_says_so() -> None:
    import qntrack

    with pytest.raises(qntrack.ArgumentError) as caught:
        qntrack.reference_day("2026-H3")
    assert "two halves" in str(caught.value) and "2026-12-31" in str(caught.value), caught.value
    assert caught.value.code == 2  # as --as-of 2026-H3 exits
