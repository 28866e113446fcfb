"""Issue 17, thirty-seventh session, pass F: this session's changes tried as a hostile new
user would, and what broke.

1. "9 tháng năm 2026" is the first nine months of 2026 (2026-9M), as add-observation
   reads it: a count of months, then "năm" (year) and the year. --as-of told it "not a
   date; write 2026-05-09", reading "năm" as the month May, and a recorded_at so written
   was told the same day: the day reader took a period for 9 May.
2. An Open SDG option's unit in a file whose column is 'UNITS' was told the closest
   column with a note on translation keys, not that Open SDG reads 'Units' by that exact
   name; the hints ("columns:", "closest:") were English words in a Vietnamese message.
3. A list item's first key without its colon ("- id fdi-2025") in targets.yaml was told
   at the next line, which has nothing wrong, to check its indentation.
4. "31 tháng năm 2025" (31 May in words, no "ngày") as a period was told "first-N-months
   needs N from 1 to 12"; "31 tháng 5 năm 2025" is told the periods ending on it.
5. A translation's key given twice was named at the whole path given to the import, where
   the repository's other files are named inside it (meta/vi/1-1-1.md).
6. An Open SDG option's "target: 5" then "target: 5.0" (one number) was refused as a key
   given twice whose meant value cannot be guessed.
7. An InputError pickled (a worker process's, handed back) read one character a line.

Each test was written failing first; expected figures and words are worked out by hand in
the test's docstring or comments."""

from __future__ import annotations

from pathlib import Path

import pytest

MONTHLY_PLAN = """\
version: 1
title: "Months"
observations: observations.csv
indicators:
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
    direction: increase
    frequency: month
targets:
  - id: fdi-2025
    indicator: fdi
    type: plan
    period: 2025
    value: 1200
"""

EMPTY_STORE = "indicator,period,value,status,source,note,recorded_at\n"


@pytest.fixture
def monthly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, MONTHLY_PLAN, EMPTY_STORE)


# --- 1. A count of months and its year is a period, not a day in May -----------------------
# "6 tháng năm 2025" is six months of 2025: the first half, 2025-H1, whose last day is
# 2025-06-30; "9 tháng năm 2025" the first nine months, 2025-9M, ending 2025-09-30. Neither
# is 6 or 9 May ("năm" is the word for year here, not the month Năm). With "ngày" before the
# number the text is a day: "ngày 9 tháng năm 2025" is 9 May 2025, 2025-05-09.


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(
    ("typed", "period", "last_day"),
    [("6 tháng năm 2025", "2025-H1", "2025-06-30"), ("9 tháng năm 2025", "2025-9M", "2025-09-30")],
)
def test_as_of_a_count_of_months_is_told_its_period(
    monthly: Path, lang: str, typed: str, period: str, last_day: str
) -> None:
    from helpers import run_clean

    stored = run_clean("add-observation", "fdi", typed, "50", "--recorded-at", "2026-01-15", "--dry-run")
    assert stored.exit_code == 0 and period in stored.output  # the period add-observation reads
    made = run_clean("--lang", lang, "status", "--as-of", typed)
    digits = run_clean("--lang", lang, "status", "--as-of", period)
    assert made.exit_code == digits.exit_code == 2
    assert period in made.output and last_day in made.output
    assert "2025-05-0" not in made.output  # no day in May
    assert made.output == digits.output.replace(period, typed, 1)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_as_of_a_day_of_may_with_ngay_is_still_that_day(monthly: Path, lang: str) -> None:
    from helpers import run_clean

    made = run_clean("--lang", lang, "status", "--as-of", "ngày 9 tháng năm 2025")
    assert made.exit_code == 2 and "2025-05-09" in made.output


def test_a_recorded_at_of_a_count_of_months_is_no_day_of_may(monthly: Path) -> None:
    """A recorded_at cell "9 tháng năm 2026" was told "a date written day first: write
    2026-05-09", a day its writer never meant; nothing is written either way."""
    from helpers import run_clean

    (monthly / "in.csv").write_text(
        "indicator,period,value,recorded_at\nfdi,2025-05,5,9 tháng năm 2026\n", encoding="utf-8"
    )
    made = run_clean("add-observation", "--from", "in.csv")
    assert made.exit_code == 1 and "in.csv:2" in made.output
    assert "2026-05-09" not in made.output
    assert (monthly / "observations.csv").read_text(encoding="utf-8") == EMPTY_STORE


# --- 2. An option's unit in a file whose column is 'UNITS' -------------------------------
# sdg-build reads an option's unit in the column named exactly 'Units'. A file heading it
# 'UNITS' was told "no row has Units = 'PERCENT'; columns: Year, UNITS, Value; closest:
# 'UNITS' (a site whose data cells are translation keys ... needs its translations/
# folder)": neither that Open SDG reads 'Units' by that exact name nor to rename the column,
# and a translation-keys hint that is not the cause. In Vietnamese "columns:" and
# "closest:" were English words in the sentence.

UNITS_META = (
    "---\nindicator_name: Poverty\ncomputation_units: Percent\nauto_progress_calculation: true\n"
    "progress_calculation_options:\n- direction: negative\n  target: 5\n  target_year: 2030\n  unit: PERCENT\n---\n"
)


def _site(tmp_path: Path, header: str, meta: str = UNITS_META) -> Path:
    from helpers import write_repository

    return write_repository(
        tmp_path / "site",
        {"data/indicator_1-1-1.csv": f"{header}\n2015,PERCENT,10\n2020,PERCENT,8\n", "meta/1-1-1.md": meta},
    )


@pytest.mark.parametrize("header", ["Year,UNITS,Value", "Year,units,Value"])
def test_a_units_column_spelt_otherwise_is_told_open_sdg_reads_units(tmp_path: Path, header: str) -> None:
    from helpers import run_clean

    site = _site(tmp_path, header)
    spelt = header.split(",")[1]
    made = run_clean("import", "opensdg", str(site), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01")
    assert made.exit_code == 1, made.output
    assert "no row has Units = 'PERCENT'" in made.stderr
    assert f"closest: '{spelt}'" in made.stderr  # the column named, as before
    assert "named exactly 'Units'" in made.stderr and "rename it 'Units'" in made.stderr, made.stderr
    assert "translation keys" not in made.stderr  # not the cause here
    assert not (tmp_path / "t").exists()
    made = run_clean(
        "--lang", "vi", "import", "opensdg", str(site), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01"
    )
    assert made.exit_code == 1
    assert "không dòng nào có Units = 'PERCENT'" in made.stderr
    assert f"gần nhất: '{spelt}'" in made.stderr and "đổi tên cột thành 'Units'" in made.stderr, made.stderr
    assert "closest" not in made.stderr and "columns:" not in made.stderr, made.stderr


def test_a_disaggregation_the_file_lacks_is_told_in_vietnamese_words(tmp_path: Path) -> None:
    """An option's disaggregation field 'Sexes' in a file whose columns are Year, Units,
    Value, Sex (Female and Male rows): the hint names the
    disaggregation columns and the closest, in the reader's language."""
    from helpers import run_clean, write_repository

    meta = UNITS_META.replace("  unit: PERCENT\n", "  disaggregation:\n  - field: Sexes\n    value: Female\n")
    site = write_repository(
        tmp_path / "site",
        {
            "data/indicator_1-1-1.csv": "Year,Units,Sex,Value\n2015,PERCENT,Female,10\n2015,PERCENT,Male,12\n",
            "meta/1-1-1.md": meta,
        },
    )
    made = run_clean(
        "--lang", "vi", "import", "opensdg", str(site), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01"
    )
    assert made.exit_code == 1
    assert "không dòng nào có Sexes = 'Female'; các cột: Sex; gần nhất: 'Sex'" in made.stderr, made.stderr
    made = run_clean("import", "opensdg", str(site), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01")
    assert "no row has Sexes = 'Female'; columns: Sex; closest: 'Sex'" in made.stderr, made.stderr


# --- 3. A list item's first key without its colon, in the middle of targets.yaml -------------
# "  - id fdi-2025" over "    type: plan": YAML reads "id fdi-2025" as the item's text and
# stops at the next line's ':', which was told "a ':' where no key can start: check this
# line's indentation" at line 7, a line with nothing wrong. The key is said at its own line
# (6), at its column (5: after "  - "), with the mend.

ITEM_PLAN = """\
version: 1
title: "Months"
observations: observations.csv
indicators:
  fdi: {name: "FDI", unit: "million USD", measure: flow, direction: increase, frequency: month}
targets:
  - id: fdi-2024
    type: plan
    indicator: fdi
    period: 2024
    value: 1000

  - id fdi-2025
    type: plan
    indicator: fdi
    period: 2025
    value: 1200
"""


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_list_item_s_first_key_without_its_colon_is_said_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, ITEM_PLAN, EMPTY_STORE)
    made = run_clean("--lang", lang, "check")
    assert made.exit_code == 1, made.output
    first = made.output.strip().splitlines()[0]
    if lang == "en":
        assert first == (
            "targets.yaml:13:5: error: not valid YAML: 'id fdi-2025' starts a list item whose keys follow it, "
            "but 'id' has no ':' after it: write 'id: fdi-2025'"
        ), made.output
    else:
        assert first.startswith("targets.yaml:13:5: lỗi: không phải YAML hợp lệ: 'id fdi-2025'"), first
        assert first.endswith("hãy viết 'id: fdi-2025'"), first


def test_a_unit_s_name_over_a_key_is_not_told_to_become_a_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ "- Ha Long" over "until: ..." is a unit's name with its date under it (the mend is
    "- {value: Ha Long, until: ...}"): not told to write "Ha: Long"."""
    from conftest import make_tracker
    from helpers import run_clean

    plan = ITEM_PLAN.replace("  - id fdi-2025", "  - id: fdi-2025").replace(
        "targets:\n", 'dimensions:\n  locality:\n    values:\n      - Ha Long\n        until: "2025-06-30"\ntargets:\n'
    )
    make_tracker(tmp_path, monkeypatch, plan, EMPTY_STORE)
    made = run_clean("check")
    assert made.exit_code == 1 and "targets.yaml:10:" in made.output, made.output
    assert "Ha: Long" not in made.output


# --- 4. May's last day in words, with no "ngày", as a period --------------------------------
# "31 tháng năm 2025" is 31 May 2025 ("tháng năm", the month Năm; 31 can be no count of
# months), as "31 tháng 5 năm 2025" is: May's last day, on which 2025-05 and 2025-5M end
# (no quarter or half ends in May). It was told "first-N-months needs N from 1 to 12", as if
# 31 months were meant. "15 tháng năm 2025", a day no period ends on, is told what
# "15 tháng 5 năm 2025" is told.


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("day", ["31", "15"])
def test_a_day_of_may_in_words_as_a_period_is_told_as_its_digits_are(monthly: Path, lang: str, day: str) -> None:
    from helpers import run_clean

    words = run_clean(
        "--lang", lang, "add-observation", "fdi", f"{day} tháng năm 2025", "50", "--recorded-at", "2026-01-15"
    )
    digits = run_clean(
        "--lang", lang, "add-observation", "fdi", f"{day} tháng 5 năm 2025", "50", "--recorded-at", "2026-01-15"
    )
    assert words.exit_code == digits.exit_code != 0
    assert words.output == digits.output.replace(f"{day} tháng 5 năm 2025", f"{day} tháng năm 2025")
    if day == "31":
        assert "2025-05, 2025-5M" in words.output
    assert "1 to 12" not in words.output and "từ 1 đến 12" not in words.output
    assert (monthly / "observations.csv").read_text(encoding="utf-8") == EMPTY_STORE


# --- 5. A translation's key given twice is named as the repository's other files are -----------
# meta/vi/1-1-1.md's warnings name "meta/vi/1-1-1.md", config_data.yml's "config_data.yml":
# the path inside the repository. translations/vi/data.yml's named the whole path the
# import was given ("/tmp/.../site/translations/vi/data.yml"), one file of the same
# repository said two ways in one list of warnings.


def test_a_translation_s_key_given_twice_is_named_inside_the_repository(tmp_path: Path) -> None:
    from helpers import run_clean, write_repository

    site = write_repository(
        tmp_path / "site",
        {
            "config_data.yml": "languages:\n  - en\n  - vi\n",
            "data/indicator_1-1-1.csv": "Year,Units,Value\n2015,Percent,10\n2020,Percent,8\n",
            "meta/1-1-1.md": "---\nindicator_name: Poverty\ncomputation_units: Percent\n---\n",
            "meta/vi/1-1-1.md": "---\nindicator_name: Nghèo\nindicator_name: Tỷ lệ nghèo\n---\n",
            "translations/vi/data.yml": "Percent: Phần trăm\nPercent: Tỷ lệ phần trăm\n",
        },
    )
    made = run_clean("import", "opensdg", str(site), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01")
    assert made.exit_code == 0, made.output
    lines = made.stderr.splitlines()
    assert any(line.startswith("translations/vi/data.yml:2: warning: 'Percent' is given twice") for line in lines), (
        lines
    )
    assert any(line.startswith("meta/vi/1-1-1.md:3: warning: 'indicator_name' is given twice") for line in lines), lines
    assert str(site) not in made.stderr


# --- 6. One number given twice, written two ways -------------------------------------------------
# "target: 5" then "target: 5.0" in one progress option: YAML reads both as the number 5;
# which one the office meant is no question, yet the import refused it ("which one was meant
# cannot be guessed"), where "Percent" and '"Percent"' (one text, quoted or not) passed.


def test_one_number_given_twice_two_ways_is_no_news(tmp_path: Path) -> None:
    from helpers import run_clean, write_repository

    site = write_repository(
        tmp_path / "site",
        {
            "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
            "meta/1-1-1.md": (
                "---\nindicator_name: Poverty\nauto_progress_calculation: true\nprogress_calculation_options:\n"
                "- direction: negative\n  target: 5\n  target: 5.0\n  target_year: 2030\n---\n"
            ),
        },
    )
    made = run_clean("import", "opensdg", str(site), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01")
    assert made.exit_code == 0, made.output
    assert "given twice" not in made.stderr, made.stderr
    import yaml

    plan = yaml.safe_load((tmp_path / "t" / "targets.yaml").read_text(encoding="utf-8"))
    assert [t["target"] for t in plan["targets"]] == [5]
    # Two numbers that differ are still refused: 5 and 6.
    meta = site / "meta" / "1-1-1.md"
    meta.write_text(meta.read_text(encoding="utf-8").replace("target: 5.0", "target: 6"), encoding="utf-8")
    made = run_clean("import", "opensdg", str(site), "--into", str(tmp_path / "t2"), "--recorded-at", "2025-11-01")
    assert made.exit_code == 1 and "'target' is given twice: '5' on line 6, '6' here" in made.stderr, made.stderr


# --- 7. An error pickled, as a worker process hands it back ----------------------------------------
# concurrent.futures and multiprocessing pickle the error a worker raises. Unpickled,
# qntrack's error kept its problems, code and key, but str() was its text one character a
# line ("i\nn\nd\ni..."): Python's exceptions are made again from their args, and an
# InputError's one arg, its English text, was read as the list of problems.


@pytest.mark.parametrize("kind", ["ArgumentError", "InputError"])
def test_an_error_pickled_reads_as_before(monthly: Path, kind: str) -> None:
    import pickle

    import qntrack

    try:
        if kind == "ArgumentError":
            qntrack.retract("targets.yaml", "nope", "2025", None, None, None, dry_run=True)
        else:
            qntrack.retract("targets.yaml", "fdi", "2025-03", None, None, None, dry_run=True)
    except qntrack.InputError as error:
        made = pickle.loads(pickle.dumps(error))
        assert type(made).__name__ == kind
        assert str(made) == str(error) and "\n" not in str(made)
        assert made.text("vi") == error.text("vi")
        assert (made.code, made.file, made.line, made.key) == (error.code, error.file, error.line, error.key)
        assert made.args == error.args
    else:
        raise AssertionError("no error")
