"""Issue 17, thirty-seventh session, pass I: small gaps in what an officer types.

1. A quarter with its number in words ("quý Hai năm 2026", "Quý Ba/2026", "quý Bốn 2026",
   "quý Một năm 2026") was "not a period", where "quý II năm 2026" and "quý 2/2026" are
   read as 2026-Q2; "tháng mười-hai năm 2026" (a hyphen in twelve) likewise, where
   "tháng mười hai năm 2026" is December 2026.
2. The Vietnamese message for two spellings of one unit in one import named the dimension
   by its id where the plan gives it a name.
3. A path typed with a quoted "~" was told "no such file" without a word about the "~".
4. A plan key without its colon before a flow mapping was told as an indentation error.

Each test was written failing first; expected periods are worked out by hand: quý Một,
Hai, Ba, Bốn (one to four) are the quarters Q1 to Q4; "tư" is four as in "tháng Tư"."""

from __future__ import annotations

from pathlib import Path

import pytest

# --- 1. A quarter in words -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "period"),
    [
        ("quý Hai năm 2026", "2026-Q2"),
        ("Quý Ba/2026", "2026-Q3"),
        ("quý Bốn 2026", "2026-Q4"),
        ("quý Tư năm 2026", "2026-Q4"),
        ("quý Một năm 2026", "2026-Q1"),
        ("QUÝ MỘT - 2026", "2026-Q1"),
        ("tháng mười-hai năm 2026", "2026-12"),
        ("tháng mười - hai năm 2026", "2026-12"),
    ],
)
def test_a_quarter_or_month_in_words_is_its_period(typed: str, period: str) -> None:
    from qntrack.files.vocabulary import vietnamese_period

    assert vietnamese_period(typed) == period


@pytest.mark.parametrize("typed", ["quý Năm 2026", "quý Hai", "quý Hai năm 26", "quý Mười năm 2026"])
def test_no_quarter_is_guessed_from_other_words(typed: str) -> None:
    """There is no fifth quarter; a quarter without its year, or with two digits of it, is
    none either (as "quý II" alone is none)."""
    from qntrack.files.vocabulary import vietnamese_period

    assert vietnamese_period(typed) is None


@pytest.mark.parametrize(("typed", "period"), [("quý Hai năm 2026", "2026-Q2"), ("Quý Ba/2026", "2026-Q3")])
def test_add_observation_reads_a_quarter_in_words(shipped: Path, typed: str, period: str) -> None:
    from helpers import run_clean

    made = run_clean("add-observation", "grdp_growth", typed, "5", "-n", "--recorded-at", "2026-12-01")
    assert made.exit_code == 0, made.output
    assert f"grdp_growth\t{period}\t5" in made.stdout


def test_an_import_reads_a_quarter_in_words_in_cells_and_wide_headings(shipped: Path) -> None:
    from helpers import run_clean

    (shipped / "long.csv").write_text(
        "indicator,period,value\ngrdp_growth,quý Một năm 2026,7.1\ngrdp_growth,Quý Ba/2026,7.3\n", encoding="utf-8"
    )
    made = run_clean("add-observation", "--from", "long.csv", "--dry-run", "--recorded-at", "2026-12-01")
    assert made.exit_code == 0, made.output
    assert "2026-Q1\t7.1" in made.stdout and "2026-Q3\t7.3" in made.stdout
    (shipped / "wide.csv").write_text(
        "indicator,quý Hai năm 2026,Quý Bốn/2025\ngrdp_growth,7.2,7.4\n", encoding="utf-8"
    )
    made = run_clean("add-observation", "--from", "wide.csv", "--wide", "--dry-run", "--recorded-at", "2026-12-01")
    assert made.exit_code == 0, made.output
    assert "2026-Q2\t7.2" in made.stdout and "2025-Q4\t7.4" in made.stdout


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(
    ("typed", "written"), [("quý Hai năm 2026", "quý II năm 2026"), ("tháng mười-hai năm 2026", "tháng 12 năm 2026")]
)
def test_as_of_a_quarter_in_words_is_told_its_last_day(shipped: Path, lang: str, typed: str, written: str) -> None:
    """--as-of takes a day; a period is told its last day (2026-06-30 for the second
    quarter, 2026-12-31 for December), as the same period with its number is."""
    from helpers import run_clean

    made = run_clean("--lang", lang, "status", "--as-of", typed)
    digits = run_clean("--lang", lang, "status", "--as-of", written)
    assert made.exit_code == digits.exit_code == 2
    assert made.output == digits.output.replace(written, typed, 1)
    assert ("2026-06-30" if "Hai" in typed else "2026-12-31") in made.output


def test_a_day_with_twelve_hyphenated_is_that_day(shipped: Path) -> None:
    """ "ngày 31 tháng mười-hai năm 2025" is 31 December 2025, as with a space."""
    from helpers import run_clean

    made = run_clean("status", "--as-of", "ngày 31 tháng mười-hai năm 2025")
    assert made.exit_code == 2 and "2025-12-31" in made.output


# --- 2. A dimension named as the plan names it in a unit's two spellings -------------------
# The plan names dimension 'district' "District" and "Quận/huyện"; every other message says
# it as "'district' (Quận/huyện)" in Vietnamese (units_unknown_value), the id that --dim and a
# column take and the plan's own name. The messages of one unit spelt two ways said the id
# alone ("là một đơn vị của district"), a word of the plan's file, not its reader's.

NAMED_PLAN = """\
version: 1
title: "Open"
observations: observations.csv
dimensions:
  district:
    name: {en: District, vi: Quận/huyện}
  province:
    name: {en: Province, vi: Tỉnh}
    values: ["Hạ Long"]
indicators:
  pop:
    name: "Population"
    unit: "people"
    dimensions: [district]
  area:
    name: "Area"
    unit: "km2"
    dimensions: [province]
targets:
  - id: pop-2030
    indicator: pop
    baseline: 2020
    milestones:
      - {by: 2030, value: 200}
    for_each: district
"""
NAMED_STORE = "indicator,period,value,status,source,note,recorded_at\n"


@pytest.fixture
def named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, NAMED_PLAN, NAMED_STORE)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "'hạ long' and 'Hạ Long' are one unit of 'district' (District)"),
        ("vi", "'hạ long' và 'Hạ Long' là một đơn vị của 'district' (Quận/huyện)"),
    ],
)
def test_two_spellings_in_one_import_name_the_dimension_as_the_plan_does(named: Path, lang: str, said: str) -> None:
    from helpers import run_clean

    (named / "in.csv").write_text(
        "indicator,district,period,value,status\npop,Hạ Long,2021,120,official\npop,hạ long,2021,130,official\n",
        encoding="utf-8",
    )
    made = run_clean("--lang", lang, "add-observation", "--from", "in.csv")
    assert made.exit_code == 1, made.output
    assert said in " ".join(made.stderr.split()), made.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "'hạ long' and 'HẠ LONG' are one unit of 'province' (Province), kept as 'Hạ Long'"),
        ("vi", "'hạ long' và 'HẠ LONG' là một đơn vị của 'province' (Tỉnh), giữ cách viết 'Hạ Long'"),
    ],
)
def test_two_spellings_of_a_listed_unit_name_the_dimension_as_the_plan_does(named: Path, lang: str, said: str) -> None:
    from helpers import run_clean

    (named / "in.csv").write_text(
        "indicator,province,period,value,status\narea,HẠ LONG,2021,120,official\narea,hạ long,2021,130,official\n",
        encoding="utf-8",
    )
    made = run_clean("--lang", lang, "add-observation", "--from", "in.csv")
    assert made.exit_code == 1, made.output
    assert said in " ".join(made.stderr.split()), made.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "the spelling in.csv:2 gives this unit of 'district' (District)"),
        ("vi", "cách viết mà in.csv:2 dùng cho đơn vị này của 'district' (Quận/huyện)"),
    ],
)
def test_a_unit_spelt_as_an_earlier_row_names_the_dimension(named: Path, lang: str, said: str) -> None:
    from helpers import run_clean

    (named / "in.csv").write_text(
        "indicator,district,period,value,status\npop,Hạ Long,2021,120,official\npop,hạ long,2022,130,official\n",
        encoding="utf-8",
    )
    made = run_clean("--lang", lang, "add-observation", "--from", "in.csv", "--dry-run")
    assert made.exit_code == 0, made.output
    assert said in " ".join(made.stderr.split()), made.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "'hạ long' is the unit 'Hạ Long' (line 2) of 'district' (District)"),
        ("vi", "'hạ long' là đơn vị 'Hạ Long' (dòng 2) của 'district' (Quận/huyện)"),
    ],
)
def test_check_names_the_dimension_of_a_unit_spelt_otherwise(named: Path, lang: str, said: str) -> None:
    from helpers import run_clean

    (named / "observations.csv").write_text(
        NAMED_STORE
        + "pop[district=Hạ Long],2021,120,official,s,,2022-03-01T00:00:00Z\n"
        + "pop[district=hạ long],2022,130,official,s,,2023-03-01T00:00:00Z\n",
        encoding="utf-8",
    )
    made = run_clean("--lang", lang, "check")
    assert said in " ".join(made.output.split()), made.output


# --- 3. A '~' the shell did not expand -------------------------------------------------------
# A shell turns ~ into the home folder only outside quotes; "~/sdg" quoted (for a space in the
# rest of the path, or from a config file) reaches qntrack as a folder named '~'. Every path
# but the repository of `import opensdg` said so; that one, a bare '~', and '~user/...' said
# only "not found". HOME is set to a folder of the test's, so the full path is known.


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_import_opensdg_of_a_quoted_tilde_says_so(home: Path, lang: str) -> None:
    from helpers import run_clean

    (home / "sdg").mkdir()  # there, at home: the full path is what to write (session 38, pass M)
    made = run_clean("--lang", lang, "import", "opensdg", "~/sdg", "--into", "out")
    assert made.exit_code == 1, made.output  # the same code as any missing repository
    text = " ".join(made.stderr.split())
    assert text.startswith("~/sdg: "), text
    assert f'"{home}/sdg"' in text and '~/"sdg"' in text, text
    assert not (Path("out")).exists()


@pytest.mark.parametrize(
    "args",
    [("-t", "~", "status"), ("add-observation", "--from", "~")],
)
def test_a_bare_tilde_is_told_the_home_folder(home: Path, args: tuple[str, ...]) -> None:
    from helpers import run_clean

    made = run_clean(*args)
    assert made.exit_code == 1, made.output
    text = " ".join(made.stderr.split())
    assert text.startswith("~: ") and f'"{home}"' in text and "outside quotes" in text, text


def test_a_tilde_with_a_user_name_is_told_that_user_s_home(shipped: Path) -> None:
    import os
    import pwd

    from helpers import run_clean

    user = pwd.getpwuid(os.getuid())
    # That user's home itself, a folder that exists, as the folder to import from: the full
    # path is what to write (a path under it that does not exist is told so, and not
    # offered: tests/test_s38_m.py).
    made = run_clean("import", "opensdg", f"~{user.pw_name}", "--into", "out")
    assert made.exit_code == 1, made.output
    text = " ".join(made.stderr.split())
    assert f'write the full path, "{user.pw_dir}"' in text and "outside quotes" in text, text


def test_a_folder_literally_named_tilde_is_no_home(shipped: Path) -> None:
    """A folder named '~' here is what the path names: no hint of a home folder."""
    from helpers import run_clean

    (shipped / "~").mkdir()
    made = run_clean("import", "opensdg", "~/sdg", "--into", "out")
    assert made.exit_code == 1 and "outside quotes" not in made.stderr, made.output


# --- 4. A key without its colon before a flow mapping or list --------------------------------
# "    name {en: "GRDP growth", vi: "..."}" is a key, a space and its value in braces, with
# no ':' after the key. YAML reads "name {en" as a key and fails further on: at the comma
# (line 36, column 28 of the shipped plan: "the indentation does not match"), or at the
# second ':' ("a ':' where no key can start"). Said by name at the key (column 5), as a
# block's or a list item's key without its colon is.


def _plan_with(shipped: Path, old: str, new: str) -> None:
    path = shipped / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")  # the first indicator's


@pytest.mark.parametrize(
    ("old", "new", "line", "said"),
    [
        # the shipped plan's line 40 (36 before its timezone: of session 38), quoted texts: YAML stops at the comma
        (
            '    name: {en: "GRDP growth", vi: "Tốc độ tăng trưởng GRDP"}',
            '    name {en: "GRDP growth", vi: "Tốc độ tăng trưởng GRDP"}',
            40,
            '\'name: {en: "GRDP growth", vi: "Tốc độ tăng trưởng GRDP"}\'',
        ),
        # line 41, plain texts: YAML stops at the second ':'
        (
            '    unit: {en: "% y/y", vi: "% so với cùng kỳ"}',
            "    unit {en: y/y, vi: so voi cung ky}",
            41,
            "'unit: {en: y/y, vi: so voi cung ky}'",
        ),
    ],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_key_without_its_colon_before_braces_is_said_by_name(
    shipped: Path, lang: str, old: str, new: str, line: int, said: str
) -> None:
    from helpers import run_clean

    _plan_with(shipped, old, new)
    made = run_clean("--lang", lang, "check")
    assert made.exit_code == 1, made.output
    first = made.stderr.splitlines()[0]
    assert first.startswith(f"targets.yaml:{line}:5: "), first
    assert said in first, first
    assert "indentation" not in first and "thụt lề" not in first, first


def test_a_list_key_without_its_colon_before_brackets_is_said_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import make_tracker
    from helpers import run_clean

    plan = NAMED_PLAN.replace("    dimensions: [district]\n", '    dimensions [district, "x"]\n', 1)
    make_tracker(tmp_path, monkeypatch, plan, NAMED_STORE)
    made = run_clean("check")
    assert made.exit_code == 1, made.output
    first = made.stderr.splitlines()[0]
    assert first.startswith("targets.yaml:14:5: ") and "'dimensions: [district, \"x\"]'" in first, first
