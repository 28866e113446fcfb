"""A plan author's small slips, each read in its message (issue 17, eighteenth session):
the messages earlier sessions left unclear, doubled or at the wrong place, and those met
writing a small plan from scratch with deliberate slips. Each test was written first and
seen failing (docs/decisions.md, "A plan author's small slips")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import problems, run

# --- 1. An empty year is said to be empty, once, at its line ----------------------------

EMPTY_YEARS = [
    # `by: ""`: the quotes are there, so "nothing after the colon" was untrue. Line 8 is
    # the milestone; column 14 is the `""` after "      - {by: ".
    ('      - {by: "", value: 15}\n', "targets.yaml:8:14: error: target 't': milestone 'by': "),
    # `by: ''` alike (single quotes), same column.
    ("      - {by: '', value: 15}\n", "targets.yaml:8:14: error: target 't': milestone 'by': "),
    # `by:` with nothing after it, in block form: the empty value starts at column 12,
    # right after "      - by:".
    ("      - by:\n        value: 15\n", "targets.yaml:8:12: error: target 't': milestone 'by': "),
]


@pytest.mark.parametrize(("milestone", "where"), EMPTY_YEARS)
def test_an_empty_milestone_year_is_said_to_be_empty(milestone: str, where: str):
    text = (
        "indicators:\n  share: {name: Share, unit: '%'}\ntargets:\n  - id: t\n    indicator: share\n"
        "    baseline: 2020\n    milestones:\n" + milestone
    )
    from helpers import plan_problems

    assert plan_problems(text) == [where + "the year is empty; write a year like 2025"]


def test_an_empty_baseline_period_is_said_to_be_empty_in_both_languages(tmp_path: Path, monkeypatch):
    # `baseline: {period: "", value: 5}`: line 6, the `""` at column 24 (after
    # "    baseline: {period: ").
    make_tracker(
        tmp_path,
        monkeypatch,
        "indicators:\n  share: {name: Share, unit: '%'}\ntargets:\n  - id: t\n    indicator: share\n"
        '    baseline: {period: "", value: 5}\n    milestones: [{by: 2025, value: 15}]\n',
        STORE_HEADER,
    )
    en = run("check")
    vi = run("--lang", "vi", "check")
    assert (en.exit_code, vi.exit_code) == (1, 1)
    assert en.stderr.splitlines()[0] == (
        "targets.yaml:6:24: error: target 't': baseline period: the year is empty; write a year like 2025"
    )
    assert vi.stderr.splitlines()[0] == (
        "targets.yaml:6:24: lỗi: mục tiêu 't': kỳ gốc (baseline): năm để trống; hãy ghi một năm như 2025"
    )
    assert len(en.stderr.splitlines()) == 1  # said once, nothing else


def test_an_empty_year_under_a_misspelt_key_is_one_message():
    # `{year: "", value: 15}` in a milestone: the key is 'by' and the year is empty; said
    # once at the key (line 8, column 10: "      - {" is nine characters), not as an
    # unknown key and then again as a milestone without 'by'.
    found = problems("""
        indicators:
          share: {name: Share, unit: "%"}
        targets:
          - id: t
            indicator: share
            baseline: 2020
            milestones:
              - {year: "", value: 15}
        """)
    assert found == [
        "targets.yaml:8:10: error: target 't': milestone: unknown key 'year', and it is empty; "
        "did you mean 'by'? write 'by' with a year like 2025 (valid keys: by, value)"
    ]


def test_an_empty_baseline_year_under_a_misspelt_key_is_one_message():
    # `baseline: {year: "", value: 5}`: line 6, 'year' at column 16.
    found = problems("""
        indicators:
          share: {name: Share, unit: "%"}
        targets:
          - id: t
            indicator: share
            baseline: {year: "", value: 5}
            milestones: [{by: 2025, value: 15}]
        """)
    assert found == [
        "targets.yaml:6:16: error: target 't': baseline: unknown key 'year', and it is empty; "
        "did you mean 'period'? write 'period' with a year like 2025 (valid keys: period, value)"
    ]


# --- 2. A key the plan does not accept, for one it requires: one message --------------


def test_a_baseline_with_year_for_period_is_one_message():
    # targets-format.md: a baseline is `2020` or `{period: 2020, value: 9.8}`. Written
    # with `year:` it was said twice: an unknown key, and a baseline without 'period'.
    found = problems("""
        indicators:
          share: {name: Share, unit: "%"}
        targets:
          - id: t
            indicator: share
            baseline: {year: 2020, value: 5}
            milestones: [{by: 2025, value: 15}]
        """)
    assert found == [
        "targets.yaml:6:16: error: target 't': baseline: unknown key 'year'; did you mean 'period'? "
        "(valid keys: period, value)"
    ]


def test_a_milestone_with_year_for_by_is_one_message_that_names_by():
    # In a milestone the year is 'by': `year` was told only the valid keys, then "milestone
    # needs 'by'" at the line's start. Line 8, 'year' at column 10.
    found = problems("""
        indicators:
          share: {name: Share, unit: "%"}
        targets:
          - id: t
            indicator: share
            baseline: 2020
            milestones:
              - {year: 2025, value: 15}
              - {deadline: 2030, value: 30}
        """)
    assert found == [
        "targets.yaml:8:10: error: target 't': milestone: unknown key 'year'; did you mean 'by'? "
        "(valid keys: by, value)",
        "targets.yaml:9:10: error: target 't': milestone: unknown key 'deadline'; did you mean 'by'? "
        "(valid keys: by, value)",
    ]


def test_a_plan_with_year_for_period_is_one_message():
    # A plan target's period written `year: 2022`: line 5, column 5.
    found = problems("""
        indicators:
          fdi: {name: FDI, measure: flow}
        targets:
          - {id: p, type: plan, indicator: fdi, value: 1500,
             year: 2022}
        """)
    assert len(found) == 1, found
    assert found[0].startswith("targets.yaml:5:6: error: target 'p': unknown key 'year'; did you mean 'period'?")


def test_a_milestone_missing_its_value_is_still_said():
    # The other key is still required: `{year: 2025}` is 'by' misspelt and no value.
    found = problems("""
        indicators:
          share: {name: Share, unit: "%"}
        targets:
          - id: t
            indicator: share
            baseline: 2020
            milestones:
              - {year: 2025}
        """)
    assert found == [
        "targets.yaml:8:10: error: target 't': milestone: unknown key 'year'; did you mean 'by'? "
        "(valid keys: by, value)",
        "targets.yaml:8:9: error: target 't': milestone needs 'value' (e.g. {by: 2025, value: 15})",
    ]


# --- 3. history's PERIOD is refused as the other commands refuse a period ---------------

VALID_FORMS = "2023 (year), 2023-H1 (half), 2023-Q2 (quarter), 2023-04 (month), 2023-9M (first 9 months)"
VALID_FORMS_VI = "2023 (năm), 2023-H1 (nửa năm), 2023-Q2 (quý), 2023-04 (tháng), 2023-9M (9 tháng đầu năm)"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        # add-observation and retract say "add-observation: error: ..." / "retract: error:
        # ..." of a period they refuse; history said "PERIOD: error:", the argument's
        # English name, a word of the help the reader may never have read.
        (
            ("history", "share", "2022-H3"),
            f"history: error: '2022-H3': half 3 does not exist (H1 or H2); valid forms: {VALID_FORMS}",
        ),
        (
            ("--lang", "vi", "history", "share", "xyz"),
            f"history: lỗi: 'xyz' không phải là một kỳ; các dạng hợp lệ: {VALID_FORMS_VI}",
        ),
        # A month for an indicator published by year (mining): its frequency said, at the
        # command, not at "PERIOD".
        (
            ("history", "mining", "2022-04"),
            # April 2022 lies in the year 2022, the period that holds it.
            "history: error: period 2022-04 is finer than indicator 'mining' is published (frequency: year), "
            "so it has no figure for it; the period that holds it: 2022",
        ),
    ],
)
def test_history_names_a_refused_period_as_the_other_commands_do(tracker: Path, args, said):
    r = run(*args)
    # a period that does not read is a usage error (docs/cli.md); one the indicator's
    # frequency has not is invalid input, 1, since session 37's pass H (README, "Exit codes")
    assert r.exit_code == (1 if "finer than" in said else 2)
    assert r.stderr.splitlines() == [said]
    # retract says the same of the same period, located at its own name
    same = run("retract", "share", "2022-H3")
    assert same.stderr.startswith(
        f"retract: error: '2022-H3': half 3 does not exist (H1 or H2); valid forms: {VALID_FORMS}"
    )


# --- 4. A dimension refused on the command line is named as the plan labels it --------

LABELLED = """\
dimensions:
  locality:
    name: {en: Locality, vi: Địa phương}
    values: [Hạ Long, Cẩm Phả]
  area: {values: [urban, rural]}
indicators:
  rev: {name: Revenue, unit: bn VND, measure: flow, dimensions: [locality]}
  pop: {name: Population, dimensions: [locality, area]}
targets:
  - {id: rev-plan, type: plan, indicator: rev, period: 2024, value: 100, for_each: locality}
"""


@pytest.mark.parametrize(
    ("args", "said"),
    [
        # A unit the dimension does not list: the dimension by its id (what --dim takes)
        # and its label, then the valid units as other choices list theirs ("; valid:").
        (
            ("history", "rev", "--dim", "locality=Uông Bí"),
            "--dim: error: 'Uông Bí' is not a unit of 'locality' (Locality); valid: Hạ Long, Cẩm Phả",
        ),
        (
            ("--lang", "vi", "history", "rev", "--dim", "locality=Uông Bí"),
            "--dim: lỗi: 'Uông Bí' không phải là một đơn vị của 'locality' (Địa phương); hợp lệ: Hạ Long, Cẩm Phả",
        ),
        # A close one is suggested first ('Ha Lon' is 'Hạ Long' without its last letter).
        # Told at --dim, as history tells it (session 36, pass F: it was "add-observation:").
        (
            ("add-observation", "rev", "2024", "5", "--dim", "locality=Ha Lon"),
            "--dim: error: 'Ha Lon' is not a unit of 'locality' (Locality); did you mean 'Hạ Long'? "
            "valid: Hạ Long, Cẩm Phả",
        ),
        # A dimension the indicator is not broken down by: its dimensions, labelled.
        (
            ("history", "rev", "--dim", "localty=Hạ Long"),
            "--dim: error: indicator 'rev' is not broken down by 'localty'; did you mean 'locality'? "
            "valid: locality (Locality)",
        ),
        (
            ("--lang", "vi", "history", "pop", "--dim", "sex=Nữ"),
            "--dim: lỗi: chỉ tiêu 'pop' không phân tổ theo 'sex'; hợp lệ: locality (Địa phương), area",
        ),
        # status --by: the declared dimensions, labelled; a dimension named by its id
        # alone (area, no name) is written once.
        (
            ("status", "--by", "localty"),
            "--by: error: no dimension 'localty'; did you mean 'locality'? valid: locality (Locality), area",
        ),
        (
            ("--lang", "vi", "status", "--by", "tỉnh"),
            "--by: lỗi: không có chiều phân tổ 'tỉnh'; hợp lệ: locality (Địa phương), area",
        ),
    ],
)
def test_a_refused_dimension_or_unit_is_named_as_the_plan_labels_it(tmp_path: Path, monkeypatch, args, said):
    make_tracker(tmp_path, monkeypatch, LABELLED, STORE_HEADER)
    r = run(*args)
    assert r.exit_code in (1, 2), r.output
    assert r.stderr.splitlines() == [said]


# --- 5. An Open SDG repository's broken YAML is said in the reader's language ----------

OPENSDG = {
    "config_data.yml": "languages:\n  - en\n",
    "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
    # The front matter's third line indented under a key that already has a value: the
    # slip targets.yaml's reader says as "a ':' where no key can start".
    "meta/1-1-1.md": "---\nindicator_name: Poverty rate\n  computation_units: Percent\n---\n",
}


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        # Line 3 of the file (the front matter starts on line 2), column 20: the ':' after
        # "  computation_units" (2 spaces and 17 letters, so the colon is the 20th character).
        (
            "en",
            "meta/1-1-1.md:3:20: error: not valid YAML: a ':' where no key can start: check this line's "
            "indentation against the line above, and quote a text that holds ': ' (\"Plan: 2025\")",
        ),
        (
            "vi",
            "meta/1-1-1.md:3:20: lỗi: không phải YAML hợp lệ: có dấu ':' ở chỗ không thể bắt đầu một khóa: "
            "hãy so thụt lề của dòng này với dòng trên, và đặt trong dấu nháy một văn bản có ': ' "
            '("Kế hoạch: 2025")',
        ),
    ],
)
def test_open_sdg_metadata_with_broken_yaml_is_said_in_the_readers_language(tmp_path: Path, lang: str, said: str):
    from helpers import write_repository

    repo = write_repository(tmp_path / "repo", OPENSDG)
    r = run(
        "--lang", lang, "import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2024-01-15"
    )
    assert r.exit_code == 1
    assert said in r.stderr.splitlines(), r.stderr
    assert "mapping values are not allowed" not in r.stderr  # PyYAML's own words, English
    assert not (tmp_path / "t").exists()  # nothing written


def test_open_sdg_config_with_a_tab_is_said_as_targets_yaml_says_it(tmp_path: Path):
    # config_data.yml indented with a tab on its line 2 (a .yml file: YAML from line 1).
    repo = write_repository_with(tmp_path, {"config_data.yml": "languages:\n\t- en\n"})
    r = run(
        "--lang", "vi", "import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2024-01-15"
    )
    assert r.exit_code == 1
    lines = [x for x in r.stderr.splitlines() if x.startswith("config_data.yml:2")]
    assert lines == ["config_data.yml:2:1: lỗi: không phải YAML hợp lệ: có ký tự tab; YAML cần dấu cách để thụt lề"]
    assert "found character" not in r.stderr


def write_repository_with(tmp_path: Path, changed: dict[str, str]) -> Path:
    from helpers import write_repository

    return write_repository(tmp_path / "repo", dict(OPENSDG, **changed))


# --- 6. A month typed as officers write it, 04/2025 ------------------------------------

MONTHLY = """\
indicators:
  exports: {name: Exports, unit: million USD, measure: flow, frequency: month}
targets: []
"""


@pytest.mark.parametrize("typed", ["04/2025", "4/2025", " 4 / 2025 "])
def test_a_month_typed_as_04_2025_is_april_2025(tmp_path: Path, monkeypatch, typed: str):
    # "tháng 4/2025" and "T4/2025" were read as 2025-04; the same without the word for
    # month, as a table's period column holds it, was "not a period". A month and a
    # four-digit year have one reading: April 2025, stored as the code 2025-04.
    from helpers import store_text

    make_tracker(tmp_path, monkeypatch, MONTHLY, STORE_HEADER)
    r = run("add-observation", "exports", typed, "512.5", "--recorded-at", "2025-05-20")
    assert r.exit_code == 0, r.stderr
    assert store_text(tmp_path).splitlines()[1] == "exports,2025-04,512.5,,,,2025-05-20T00:00:00Z"


def test_a_month_typed_as_04_2025_in_an_import_file(tmp_path: Path, monkeypatch):
    from helpers import store_text

    make_tracker(tmp_path, monkeypatch, MONTHLY, STORE_HEADER)
    (tmp_path / "in.csv").write_text(
        "indicator,period,value,recorded_at\nexports,03/2025,498,2025-04-20\nexports,4/2025,512.5,2025-05-20\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    assert store_text(tmp_path).splitlines()[1:] == [
        "exports,2025-03,498,,,,2025-04-20T00:00:00Z",
        "exports,2025-04,512.5,,,,2025-05-20T00:00:00Z",
    ]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        # No month 13: refused, said to be no month since the nineteenth session, with the
        # forms that are (nothing written).
        ("en", f"add-observation: error: '13/2025': month 13 does not exist (01-12); valid forms: {VALID_FORMS}"),
        ("vi", f"add-observation: lỗi: '13/2025': không có tháng 13 (01-12); các dạng hợp lệ: {VALID_FORMS_VI}"),
    ],
)
def test_a_month_that_does_not_exist_is_still_refused(tmp_path: Path, monkeypatch, lang: str, said: str):
    from helpers import store_text

    make_tracker(tmp_path, monkeypatch, MONTHLY, STORE_HEADER)
    r = run("--lang", lang, "add-observation", "exports", "13/2025", "5")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [said]
    assert store_text(tmp_path) == STORE_HEADER


# --- 7. A store left mid-merge is said first, beside an argument refused ---------------

MARKER = (
    "observations.csv:3: error: a merge left unfinished: this line is a conflict marker (<<<<<<<, ======= or "
    ">>>>>>>) that git wrote; nothing was read or written. Finish the merge: keep the lines of both sides that "
    "belong (for the observations file, every row of both), delete the marker lines, then run 'qntrack check' "
    "and commit ('git add' and 'git commit')"
)

MERGED = (
    STORE_HEADER
    + "share,2021,11.3,estimate,src-a,,2022-01-10T00:00:00Z\n"
    + "<<<<<<< HEAD\n"  # line 3: the first marker
    + "share,2022,11.5,,src-b,,2023-01-10T00:00:00Z\n"
    + "=======\n"
    + "share,2022,11.6,,src-c,,2023-01-11T00:00:00Z\n"
    + ">>>>>>> theirs\n"
)


@pytest.mark.parametrize(
    ("args", "refused"),
    [
        (
            ("add-observation", "share", "2022-H3", "5"),
            f"add-observation: error: '2022-H3': half 3 does not exist (H1 or H2); valid forms: {VALID_FORMS}",
        ),
        (
            ("add-observation", "share", "2024", "abc"),
            "add-observation: error: 'abc' is not a number; write a decimal like 10.28",
        ),
        (("retract", "share", "xyz"), f"retract: error: 'xyz' is not a period; valid forms: {VALID_FORMS}"),
    ],
)
def test_a_store_mid_merge_is_said_before_a_refused_argument(tracker: Path, args, refused: str):
    # Both must be mended; the merge first (no command can write until it is finished),
    # so it is said first, and the argument's problem after it, in one run: the user does
    # not mend the argument only to be refused again for the store.
    (tracker / "observations.csv").write_text(MERGED, encoding="utf-8")
    r = run(*args)
    assert r.exit_code == 1
    assert r.stderr.splitlines()[:2] == [MARKER, refused], r.stderr
    assert (tracker / "observations.csv").read_text(encoding="utf-8") == MERGED  # nothing written


def test_a_store_mid_merge_and_an_unknown_indicator_in_vietnamese(tracker: Path):
    (tracker / "observations.csv").write_text(MERGED, encoding="utf-8")
    r = run("--lang", "vi", "add-observation", "shar", "2024", "5")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert lines[0].startswith("observations.csv:3: lỗi: việc hợp nhất (merge) chưa xong"), r.stderr
    assert lines[1].startswith("add-observation: lỗi:") and "'shar'" in lines[1], r.stderr


def test_a_store_mid_merge_with_a_valid_argument_is_said_alone(tracker: Path):
    (tracker / "observations.csv").write_text(MERGED, encoding="utf-8")
    r = run("add-observation", "share", "2024", "5")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [MARKER]


def test_an_import_with_a_bad_row_into_a_store_mid_merge(tracker: Path):
    (tracker / "observations.csv").write_text(MERGED, encoding="utf-8")
    (tracker / "in.csv").write_text("indicator,period,value\nshare,2024,abc\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert lines[0] == MARKER, r.stderr
    assert any(x.startswith("in.csv:2: error:") for x in lines[1:]), r.stderr


# --- 8. A plan authored from scratch with slips (this session's own pass) -------------


def test_a_key_written_in_vietnamese_is_told_its_key_once():
    # An officer writes the keys in Vietnamese: `năm` (year) for a baseline's period and a
    # milestone's by, `giá trị` for value. Each was an unknown key with no hint, and then
    # the mapping was said to need 'period', or 'by' and 'value': two and three messages
    # for one slip each. Now each key is told the one it means, and nothing more.
    # Columns: line 6 "    baseline: {" is 15 characters, so 'năm' is at 16; line 8
    # "      - {" is 9, 'năm' at 10, and after "năm: 2025, " (11 more) 'giá trị' at 21.
    found = problems("""
        indicators:
          poor: {name: Tỷ lệ hộ nghèo, unit: "%", direction: decrease}
        targets:
          - id: t
            indicator: poor
            baseline: {năm: 2020, value: 3}
            milestones:
              - {năm: 2025, giá trị: 1}
        """)
    assert found == [
        "targets.yaml:6:16: error: target 't': baseline: unknown key 'năm'; did you mean 'period'? "
        "(valid keys: period, value)",
        "targets.yaml:8:10: error: target 't': milestone: unknown key 'năm'; did you mean 'by'? (valid keys: by, value)",
        "targets.yaml:8:21: error: target 't': milestone: unknown key 'giá trị'; did you mean 'value'? "
        "(valid keys: by, value)",
    ]


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        # A target's type in Vietnamese: "kế hoạch" is a plan, "lũy kế" (cumulative) and
        # "bình quân" (average) the kinds of those names; the type was refused with no hint.
        ("kế hoạch", "plan"),
        ("lũy kế", "cumulative"),
        ("bình quân", "average"),
    ],
)
def test_a_target_type_written_in_vietnamese_is_told_the_type(written: str, hint: str):
    found = problems(f"""
        indicators:
          rev: {{name: Revenue, measure: flow}}
        targets:
          - id: t
            type: {written}
            indicator: rev
            period: 2025
            value: 100
        """)
    assert len(found) == 1 and found[0].startswith("targets.yaml:5:11: error: target 't': type:"), found
    assert found[0].endswith(f"did you mean '{hint}'?"), found


def test_a_measure_written_luy_ke_is_still_a_flow():
    found = problems("""
        indicators:
          rev: {name: Revenue, measure: lũy kế}
        targets: []
        """)
    assert len(found) == 1 and found[0].endswith("did you mean 'flow'?"), found


@pytest.mark.parametrize(
    ("line", "said"),
    [
        # A decimal comma outside { }: the number it must be, not "e.g. 1234.5". "10,5" has
        # one reading (a comma before two digits or one separates no thousands): 10.5.
        ("    at_least: 10,5\n", "'10,5' is not a number here; use a decimal point and no thousands separator (10.5)"),
        # "12.771,5" written the Vietnamese way (a dot between thousands, a decimal comma):
        # one reading, twelve thousand seven hundred and seventy-one and a half.
        (
            "    at_least: 12.771,5\n",
            "'12.771,5' is not a number here; use a decimal point and no thousands separator (12771.5)",
        ),
        # "1,234.5" written the English way: 1234.5.
        (
            "    at_least: 1,234.5\n",
            "'1,234.5' is not a number here; use a decimal point and no thousands separator (1234.5)",
        ),
        # "12,500": 12.5 with a decimal comma, or 12500 with a thousands separator.
        (
            "    at_least: 12,500\n",
            "'12,500' is not a number here; use a decimal point and no thousands separator (12.5 or 12500)",
        ),
    ],
)
def test_a_decimal_comma_outside_braces_is_told_the_number(line: str, said: str):
    text = (
        "indicators:\n  g: {name: G, measure: rate}\ntargets:\n  - id: t\n    type: every_period\n"
        "    indicator: g\n" + line + "    from: 2021\n    to: 2025\n"
    )
    from helpers import plan_problems

    # line 7, column 15: after "    at_least: "
    assert plan_problems(text) == [f"targets.yaml:7:15: error: target 't': at_least: {said}"]


def test_a_decimal_comma_in_braces_offers_only_readings_it_has():
    # {value: 1,5}: 1.5; "15" (a thousands separator before one digit) is no reading.
    found = problems("""
        indicators:
          share: {name: Share, unit: "%"}
        targets:
          - id: t
            indicator: share
            baseline: 2020
            milestones:
              - {by: 2025, value: 1,5}
              - {by: 2030, value: 2,500}
        """)
    assert found == [
        "targets.yaml:8:27: error: target 't': milestone: '1,5' reads as 1 and a key '5': in { } a comma "
        "separates the entries; write a number with a decimal point and no thousands separator (1.5)",
        "targets.yaml:9:27: error: target 't': milestone: '2,500' reads as 2 and a key '500': in { } a comma "
        "separates the entries; write a number with a decimal point and no thousands separator (2.5 or 2500)",
    ]


def test_a_colon_without_its_space_is_said_at_its_own_line():
    # `indicator:g` is one text to YAML (no space after the colon), so the mapping was said
    # to be broken on the NEXT line (6:5, "a line that is not 'key: value'"), which is
    # right. Now the line that holds the slip: line 5, column 14 (the colon, after
    # "    indicator").
    from helpers import plan_problems

    text = "indicators:\n  g: {name: G}\ntargets:\n  - id: t\n    indicator:g\n    baseline: 2020\n"
    assert plan_problems(text) == [
        "targets.yaml:5:14: error: not valid YAML: a ':' that ends a key needs a space after it: write 'indicator: g'"
    ]


def test_a_colon_without_its_space_in_vietnamese(tmp_path: Path, monkeypatch):
    make_tracker(
        tmp_path,
        monkeypatch,
        "indicators:\n  g: {name: G}\ntargets:\n  - id: t\n    indicator:g\n    baseline: 2020\n",
        STORE_HEADER,
    )
    r = run("--lang", "vi", "check")
    assert r.stderr.splitlines() == [
        "targets.yaml:5:14: lỗi: không phải YAML hợp lệ: dấu ':' kết thúc một khóa cần một dấu cách theo sau: "
        "hãy viết 'indicator: g'"
    ]


def test_an_unclosed_bracket_at_the_end_is_said_in_the_readers_words():
    # `unit: [` on the last line: PyYAML's "expected the node content, but found
    # '<stream end>'", which is the file ending inside a bracket; said in the reader's
    # words as an unclosed quote at the end of the file is.
    from helpers import plan_problems

    found = plan_problems("targets: []\nindicators:\n  g:\n    name: G\n    unit: [\n")
    assert len(found) == 1, found
    assert found[0].endswith(
        "error: not valid YAML: the file ends inside a quoted text or a bracket: close the quote or the "
        "bracket opened before"
    ), found


def test_a_milestone_key_at_the_targets_indentation_is_one_message_at_its_line():
    # `value: 15` written two spaces short, at the indentation of the target's keys: YAML
    # reads it as the target's key. It was said twice: an unknown key "of type plan:
    # write 'type: plan'" (advice that misleads) and "milestone needs 'value'" at line 7.
    # One message now, at line 8 column 3 (the key), naming the milestone it belongs to.
    found = problems("""
        indicators:
          g: {name: G}
        targets:
        - id: t
          indicator: g
          milestones:
          - by: 2025
          value: 15
        """)
    assert found == [
        "targets.yaml:8:3: error: target 't': 'value' is at the indentation of the target's keys, so YAML "
        "reads it as one; it belongs to the milestone on line 7: indent it as that milestone's 'by'"
    ]


# --- 9. 'observations:' misspelt beside the real store ---------------------------------

NEAR_PLAN = (
    "observations: obsevations.csv\nindicators:\n  g: {name: G}\ntargets:\n"
    "  - {id: t, indicator: g, baseline: 2020, milestones: [{by: 2025, value: 15}]}\n"
)
NEAR_STORE = STORE_HEADER + "g,2020,10,,,,2021-01-01T00:00:00Z\n"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "targets.yaml:1:15: warning: the observations file does not exist, but observations.csv beside it "
            "holds figures; none is read from it, so every target is \"not available\"; if 'observations:' "
            "in targets.yaml means it, correct that line",
        ),
        (
            "vi",
            "targets.yaml:1:15: cảnh báo: tệp số liệu không tồn tại, nhưng tệp observations.csv bên cạnh có số liệu; "
            'không số liệu nào được đọc từ tệp đó, nên mọi mục tiêu đều ở mức đánh giá "Chưa đủ số liệu"; '
            "nếu 'observations:' trong targets.yaml muốn chỉ tệp đó, hãy sửa dòng này",
        ),
    ],
)
def test_a_misspelt_store_name_names_the_store_beside_it(tmp_path: Path, monkeypatch, lang: str, said: str):
    # The warning said only "does not exist (check 'observations:')", with the figures
    # one letter away.
    make_tracker(tmp_path, monkeypatch, NEAR_PLAN, NEAR_STORE)
    r = run("--lang", lang, "status")
    assert r.exit_code == 0
    assert said in r.stderr.splitlines(), r.stderr
    c = run("--lang", lang, "check")
    assert said in c.stderr.splitlines(), c.stderr


def test_an_append_that_starts_a_store_beside_a_near_one_says_so(tmp_path: Path, monkeypatch):
    # add-observation still starts the file targets.yaml names (documented), and says that
    # the record may now be in two files.
    make_tracker(tmp_path, monkeypatch, NEAR_PLAN, NEAR_STORE)
    r = run("add-observation", "g", "2021", "11", "--recorded-at", "2022-01-01")
    assert r.exit_code == 0, r.stderr
    assert (
        "targets.yaml:1:15: warning: a new observations file was started, while observations.csv beside it holds "
        "figures: if 'observations:' in targets.yaml means observations.csv, correct that line and add the figure "
        "there"
    ) in r.stderr.splitlines(), r.stderr
    assert (tmp_path / "obsevations.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "g,2021,11,,,,2022-01-01T00:00:00Z"
    ]


def test_a_near_name_that_is_no_store_is_not_named(tmp_path: Path, monkeypatch):
    # notes.csv-like files beside the plan are not stores: only a file whose header is
    # the store's is offered (here 'observation.csv' holds another table).
    make_tracker(tmp_path, monkeypatch, NEAR_PLAN, NEAR_STORE)
    (tmp_path / "observations.csv").rename(tmp_path / "observation.csv")
    (tmp_path / "observation.csv").write_text("name,phone\nA,1\n", encoding="utf-8")
    r = run("status")
    assert "targets.yaml:1:15: warning: the observations file does not exist; no figure is known" in r.stderr
    assert "observation.csv" not in r.stderr


def test_an_empty_year_under_a_misspelt_key_in_vietnamese(tmp_path: Path, monkeypatch):
    # As test_an_empty_year_under_a_misspelt_key_is_one_message, read in Vietnamese.
    make_tracker(
        tmp_path,
        monkeypatch,
        "indicators:\n  share: {name: Share, unit: '%'}\ntargets:\n  - id: t\n    indicator: share\n"
        '    baseline: 2020\n    milestones:\n      - {year: "", value: 15}\n',
        STORE_HEADER,
    )
    r = run("--lang", "vi", "check")
    assert r.stderr.splitlines() == [
        "targets.yaml:8:10: lỗi: mục tiêu 't': mốc: khóa 'year' không xác định, giá trị của nó cũng để trống; "
        "có phải ý bạn là 'by'? hãy ghi 'by' kèm một năm như 2025 (khóa hợp lệ: by, value)"
    ]


def test_a_plans_problems_are_said_in_the_order_of_its_lines():
    # A plan target's period written 'perod' (line 8) was said before "a plan target needs
    # 'value'" at the target's first line (line 4), and a duplicate id (line 9) after the
    # problems of the lines below it: the author reads the file top-down.
    from helpers import plan_problems

    text = (
        "indicators:\n  f: {name: F, measure: flow}\ntargets:\n"
        "  - id: p\n    type: plan\n    indicator: f\n    source: x\n    perod: 2022\n"
        "  - id: p\n    type: plan\n    indicator: f\n    period: 2022\n    value: 15%\n"
    )
    lines = [int(p.split(":")[1]) for p in plan_problems(text)]
    # 4: the first target needs 'value'; 8: 'perod'; 9: the duplicate id; 13: '15%'
    assert lines == [4, 8, 9, 13], plan_problems(text)


@pytest.mark.parametrize(
    ("typed", "lang", "said"),
    [
        # A date as a Vietnamese officer writes it: 15 cannot be a month, so 15/07/2026 is
        # 15 July 2026, 2026-07-15.
        ("15/07/2026", "en", "'15/07/2026' is a date written day first: write 2026-07-15"),
        ("15/07/2026", "vi", "'15/07/2026' là ngày viết theo thứ tự ngày/tháng/năm: hãy viết 2026-07-15"),
        # 05/05/2026 is 5 May in either order: said without an order.
        ("05/05/2026", "en", "'05/05/2026' is a date written with slashes: write 2026-05-05"),
        # 05/01/2026: 5 January (day first, as Vietnamese writes) or 1 May (month first):
        # both offered, neither guessed.
        (
            "05/01/2026",
            "en",
            "'05/01/2026' is not an ISO 8601 timestamp: write 2026-01-05 if 05 is the day, or 2026-05-01 if it is "
            "the month",
        ),
        (
            "05/01/2026",
            "vi",
            "'05/01/2026' không phải là thời điểm theo ISO 8601: hãy viết 2026-01-05 nếu 05 là ngày, hoặc "
            "2026-05-01 nếu đó là tháng",
        ),
    ],
)
def test_a_recorded_at_written_as_a_slashed_date_is_told_its_iso_form(tracker: Path, typed: str, lang: str, said: str):
    r = run("--lang", lang, "add-observation", "mining", "2024", "5", "--recorded-at", typed)
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [f"add-observation: {'lỗi' if lang == 'vi' else 'error'}: {said}"]
