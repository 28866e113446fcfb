"""Issue 17, thirty-eighth session, pass M2: the three messages pass M left (docs/decisions.md,
"The thirty-eighth session", item 2, "Left:").

1. A quarter no year has, typed for a day (``--as-of "quý Năm năm 2026"``, ``--since
   2026-Q5``), was told "'...' is not a date", where "quý Hai năm 2026" is told it is a
   period with its last day and a period refusal tells the fifth quarter that a year has
   four.
2. A bare '~' where a file is wanted (``--from "~"``, ``-t "~"``) was offered "write the
   full path, "/home/..."": the home folder, a folder, never a file to read.
3. "quý Không năm 2026" (quarter zero in words) was the generic "not a period", where
   "quý 0 năm 2026" is told that quarter 0 does not exist.

Each test was written failing first. The expected days are worked out by hand: the
quarters of a year end on 31 March, 30 June, 30 September and 31 December."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean
from test_s38_m import _said_four_quarters  # how pass M tells a quarter past the fourth

# --- 1. A quarter no year has, typed for a day ------------------------------------------------

NO_QUARTER = [
    ("quý Năm năm 2026", "2026"),
    ("quý Mười/2025", "2025"),
    ("quý 5 năm 2026", "2026"),
    ("2026-Q5", "2026"),
    ("Q5 2027", "2027"),
    ("quý Không năm 2026", "2026"),
    ("2026-Q0", "2026"),
]

LAST_DAYS = ("03-31", "06-30", "09-30", "12-31")  # the last day of Q1, Q2, Q3 and Q4


def _said_four_quarters_for_a_day(stderr: str, year: str, lang: str) -> None:
    text = " ".join(stderr.split())
    for day in LAST_DAYS:
        assert f"{year}-{day}" in text, text
    if lang == "en":
        assert "four quarters" in text and "is not a date" not in text, text
    else:
        assert "bốn quý" in text and "quý Một" in text and "quý Bốn" in text, text
        assert "không phải là ngày" not in text, text


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(("typed", "year"), NO_QUARTER)
def test_as_of_a_quarter_no_year_has_is_told_a_year_has_four(shipped: Path, lang: str, typed: str, year: str) -> None:
    made = run_clean("--lang", lang, "status", "--as-of", typed)
    assert made.exit_code == 2, made.output  # as any --as-of that is no day
    assert made.stderr.startswith("--as-of: "), made.stderr
    _said_four_quarters_for_a_day(made.stderr, year, lang)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_since_a_fifth_quarter_in_words_is_told_a_year_has_four(shipped: Path, lang: str) -> None:
    made = run_clean("--lang", lang, "report", "--since", "quý Năm năm 2026", "-o", "r.md")
    assert made.exit_code == 2, made.output
    assert made.stderr.startswith("--since: "), made.stderr
    _said_four_quarters_for_a_day(made.stderr, "2026", lang)
    assert not Path("r.md").exists()


def test_a_python_caller_s_fifth_quarter_is_an_argument_error_that_says_so() -> None:
    import qntrack

    with pytest.raises(qntrack.ArgumentError) as caught:
        qntrack.reference_day("quý Năm năm 2026")
    assert "four quarters" in str(caught.value) and "2026-12-31" in str(caught.value), caught.value
    assert caught.value.code == 2


@pytest.mark.parametrize("typed", ["quý Hai năm 2026", "2026-Q2"])
def test_a_quarter_there_is_is_still_told_its_last_day(shipped: Path, typed: str) -> None:
    made = run_clean("status", "--as-of", typed)
    assert made.exit_code == 2, made.output
    text = " ".join(made.stderr.split())
    assert "(2026-Q2)" in text and "2026-06-30 (its last day)" in text and "four quarters" not in text, text


# --- 2. A bare '~' where a file is wanted ---------------------------------------------------------


def _told_a_folder(stderr: str, path: Path, lang: str) -> None:
    text = " ".join(stderr.split())
    assert "'~'" in text and f'"{path}"' in text and f'"{path}/"' in text, text
    # The folder is never offered as the file to write (as "write the full path, "/home/..."").
    assert f'"{path}" ' not in text.split("not a file", 1)[-1].split("một tệp", 1)[-1], text
    if lang == "en":
        assert "is a folder, not a file" in text and 'write the full path, "' not in text, text
    else:
        assert "là một thư mục, không phải một tệp" in text and 'hãy viết đường dẫn đầy đủ, "' not in text, text


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("typed", ["~", "~/"])
def test_a_bare_tilde_for_a_file_to_read_is_told_home_is_a_folder(home: Path, lang: str, typed: str) -> None:
    before = Path("observations.csv").read_bytes()
    made = run_clean("--lang", lang, "add-observation", "--from", typed)
    assert made.exit_code == 1, made.output
    assert made.stderr.startswith(f"{typed}: "), made.stderr
    _told_a_folder(made.stderr, home, lang)
    assert Path("observations.csv").read_bytes() == before


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_bare_tilde_for_the_plan_is_told_home_is_a_folder(home: Path, lang: str) -> None:
    made = run_clean("--lang", lang, "-t", "~", "status")
    assert made.exit_code == 1, made.output
    _told_a_folder(made.stderr, home, lang)


def test_a_quoted_tilde_to_a_folder_at_home_is_told_it_is_a_folder(home: Path) -> None:
    (home / "data").mkdir()
    made = run_clean("add-observation", "--from", "~/data")
    assert made.exit_code == 1, made.output
    _told_a_folder(made.stderr, home / "data", "en")


def test_a_quoted_tilde_to_a_file_at_home_is_still_told_its_path(home: Path) -> None:
    (home / "in.csv").write_text("indicator,period,value\n", encoding="utf-8")
    made = run_clean("add-observation", "--from", "~/in.csv", "-n")
    assert made.exit_code == 1, made.output
    text = " ".join(made.stderr.split())
    assert f'write "{home}/in.csv"' in text and "not a file" not in text, text


def test_a_bare_tilde_for_a_repository_folder_is_still_told_its_path(home: Path) -> None:
    """`import opensdg` reads a folder: the home folder is a folder to write there."""
    made = run_clean("import", "opensdg", "~", "--into", "out")
    assert made.exit_code == 1, made.output
    text = " ".join(made.stderr.split())
    assert f'write the full path, "{home}"' in text and "not a file" not in text, text


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_store_named_a_bare_tilde_is_told_home_is_a_folder(home: Path, lang: str) -> None:
    plan = Path("targets.yaml")
    text = plan.read_text(encoding="utf-8")
    assert "\nobservations: observations.csv\n" in text
    plan.write_text(text.replace("\nobservations: observations.csv\n", '\nobservations: "~"\n'), "utf-8")
    made = run_clean("--lang", lang, "check")
    said = " ".join(made.stderr.split())
    assert f'"{home}/' in said, said
    assert f'observations: "{home}"' not in said, said  # a folder is no store
    if lang == "en":
        assert "is a folder, not a file" in said, said
    else:
        assert "là một thư mục, không phải một tệp" in said, said
    assert not Path("~").exists() and list(home.iterdir()) == []  # check writes nothing


# --- 3. Quarter zero in words -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(("typed", "year"), [("quý Không năm 2026", "2026"), ("QUÝ KHÔNG/2025", "2025")])
def test_quarter_zero_in_words_is_told_a_year_has_four(shipped: Path, lang: str, typed: str, year: str) -> None:
    made = run_clean("--lang", lang, "add-observation", "grdp_growth", typed, "5", "-n")
    assert made.exit_code == 1, made.output  # as "quý 0 năm 2026" exits
    _said_four_quarters(made.stderr, year, lang)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_quarter_zero_in_words_in_history_is_told_so(shipped: Path, lang: str) -> None:
    made = run_clean("--lang", lang, "history", "grdp_growth", "quý Không năm 2026")
    assert made.exit_code != 0, made.output
    _said_four_quarters(made.stderr, "2026", lang)


def test_quarter_zero_in_words_in_an_import_is_told_at_its_line(shipped: Path) -> None:
    (shipped / "in.csv").write_text(
        "indicator,period,value\ngrdp_growth,2026-Q1,7.1\ngrdp_growth,quý Không năm 2026,7.2\n", encoding="utf-8"
    )
    before = (shipped / "observations.csv").read_bytes()
    made = run_clean("add-observation", "--from", "in.csv")
    assert made.exit_code == 1, made.output
    line = [x for x in made.stderr.splitlines() if x.startswith("in.csv:3:")]
    assert len(line) == 1, made.stderr
    _said_four_quarters(line[0], "2026", "en")
    assert (shipped / "observations.csv").read_bytes() == before


def test_quarter_zero_in_words_as_a_wide_heading_is_told_so(shipped: Path) -> None:
    (shipped / "wide.csv").write_text("indicator,quý Không năm 2026\ngrdp_growth,7.2\n", encoding="utf-8")
    made = run_clean("add-observation", "--from", "wide.csv", "--wide", "-n")
    assert made.exit_code == 1, made.output
    _said_four_quarters(made.stderr, "2026", "en")


@pytest.mark.parametrize("typed", ["quý Không năm 2026", "tháng Không năm 2026"])
def test_no_period_is_read_from_zero_in_words(typed: str) -> None:
    from qntrack.files.vocabulary import vietnamese_period

    assert vietnamese_period(typed) is None
