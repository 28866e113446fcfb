"""The new user's leftovers (issue 17, twenty-second session): what the new-user pass found
and did not fix, and what she typed next, entering her province's first quarter by hand and
by paste (docs/decisions.md, "The new user's leftovers"). Each test was written failing
first; its expected values are worked by hand in its comment.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean, store_text

TARGETS = """\
version: 1
observations: observations.csv
indicators:
  growth:
    name: {en: GRDP growth, vi: Tốc độ tăng trưởng GRDP}
    unit: {en: "%", vi: "%"}
    measure: rate
    direction: increase
    frequency: quarter
targets:
  - id: growth-average
    type: average
    indicator: growth
    group: {en: Five-year growth plan, vi: Kế hoạch tăng trưởng 5 năm}
    at_least: 8
    from: 2021
    to: 2023
"""


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, STORE_HEADER)


# --- 1. a negative figure typed with a space after its minus ----------------------------


@pytest.mark.parametrize("typed", ["- 2,5", "-  2,5", "\u2212 2,5", "-2,5", "\u22122,5"])
def test_a_minus_then_a_space_is_a_negative_figure(plan: Path, typed: str):
    # "- 2,5" (a minus, a space, then the figure, as a PDF or a spreadsheet pastes it) was
    # Click's "No such option: - ". A minus before a number, whatever spaces follow it, has
    # one reading: minus two and a half, stored as -2.5 (2,5 under --lang vi's comma).
    r = run_clean("add-observation", "growth", "2025-Q1", typed, "--lang", "vi", "--recorded-at", "2025-04-15")
    assert r.exit_code == 0, r.stderr
    assert store_text(plan).splitlines()[1] == "growth,2025-Q1,-2.5,,,,2025-04-15T00:00:00Z"


def test_a_minus_then_a_space_before_a_grouped_figure(plan: Path):
    # "- 1.234,5" under --lang vi: thousands grouped with a dot, a decimal comma, so
    # minus one thousand two hundred thirty-four and a half, stored -1234.5. It was Click's
    # "No such option" still after "- 2,5" was read: the group's dot is not a float's.
    r = run_clean("add-observation", "growth", "2025-Q1", "- 1.234,5", "--lang", "vi", "--recorded-at", "2025-04-15")
    assert r.exit_code == 0, r.stderr
    assert store_text(plan).splitlines()[1] == "growth,2025-Q1,-1234.5,,,,2025-04-15T00:00:00Z"


@pytest.mark.parametrize(
    "lang, said",
    [
        ("en", "add-observation: error: '2,5-' has its minus after the figure: type -2,5\n"),
        ("vi", "add-observation: lỗi: '2,5-' có dấu trừ đặt sau số: hãy gõ -2,5\n"),
    ],
)
def test_a_minus_after_the_figure_is_told_where_it_goes(plan: Path, lang: str, said: str):
    # "2,5-", the minus after the figure as some accounting exports write a negative, was
    # "not a number; write a number, e.g. 10,28": nothing said how to type a negative. It
    # is said, not guessed, as Excel's Accounting "(2,5)" is; nothing is written.
    r = run_clean("add-observation", "growth", "2025-Q1", "2,5-", "--lang", lang)
    assert r.exit_code == 1
    assert r.stderr == said
    assert store_text(plan) == STORE_HEADER


def test_an_imported_minus_after_the_figure_is_told_where_it_goes(plan: Path):
    (plan / "paste.tsv").write_text(
        "indicator\tperiod\tvalue\trecorded_at\ngrowth\t2025-Q1\t1,5-\t2025-04-15\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "paste.tsv", "--decimal-comma")
    assert r.exit_code == 1
    assert "paste.tsv:2: error: '1,5-' has its minus after the figure: type -1,5" in r.stderr
    assert store_text(plan) == STORE_HEADER


def test_an_imported_minus_then_a_space_is_a_negative_figure(plan: Path):
    # The same cell in a pasted table: "- 1,5" under the comma convention is -1.5.
    (plan / "paste.tsv").write_text(
        "indicator\tperiod\tvalue\trecorded_at\ngrowth\t2025-Q1\t- 1,5\t2025-04-15\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "paste.tsv", "--decimal-comma")
    assert r.exit_code == 0, r.stderr
    assert store_text(plan).splitlines()[1] == "growth,2025-Q1,-1.5,,,,2025-04-15T00:00:00Z"


# --- 2. targets.yaml: a period in words, a date for a year ------------------------------


@pytest.mark.parametrize(
    "written, lang, said",
    [
        # 'Năm 2022' is how an office writes the year 2022 (the command line reads it so);
        # targets.yaml keeps its strict forms (targets-format.md, "How the file is read"),
        # so the message names the form meant: 2022.
        ("Năm 2022", "en", "target 'fdi-plan-2022': period: 'Năm 2022' is written 2022 in targets.yaml"),
        ("năm 2022", "vi", "mục tiêu 'fdi-plan-2022': period: trong targets.yaml, 'năm 2022' được ghi là 2022"),
        # 'Quý I/2022' is the first quarter of 2022: 2022-Q1.
        ("Quý I/2022", "en", "target 'fdi-plan-2022': period: 'Quý I/2022' is written 2022-Q1 in targets.yaml"),
    ],
)
def test_a_plan_period_in_words_is_told_its_form(shipped: Path, written: str, lang: str, said: str):
    text = (shipped / "targets.yaml").read_text(encoding="utf-8")
    # The first "period: 2022" is fdi-plan-2022's (the second is a growth plan's).
    assert text.index("    period: 2022\n") > text.index("id: fdi-plan-2022") > 0
    text = text.replace("    period: 2022\n", f"    period: {written}\n", 1)
    (shipped / "targets.yaml").write_text(text, encoding="utf-8")
    r = run_clean("check", "--lang", lang)
    assert r.exit_code == 1, r.stderr
    assert said in r.stderr, r.stderr


@pytest.mark.parametrize(
    "written, lang, said",
    [
        # 31/12/2017 is the last day of 2017: the year meant is 2017, not "a year like 2025".
        ("31/12/2017", "en", "target 'grdp-per-capita': baseline: '31/12/2017' is a date; write its year alone: 2017"),
        ("2017-12-31", "en", "target 'grdp-per-capita': baseline: '2017-12-31' is a date; write its year alone: 2017"),
        ("31/12/2017", "vi", "mục tiêu 'grdp-per-capita': baseline: '31/12/2017' là một ngày; hãy chỉ ghi năm: 2017"),
        # 'Năm 2017' is the year 2017.
        ("Năm 2017", "en", "target 'grdp-per-capita': baseline: 'Năm 2017' is written 2017 in targets.yaml"),
    ],
)
def test_a_base_year_written_as_a_date_or_in_words_is_told_the_year(shipped: Path, written: str, lang: str, said: str):
    text = (shipped / "targets.yaml").read_text(encoding="utf-8")
    assert text.count("    baseline: 2017\n") == 1
    (shipped / "targets.yaml").write_text(
        text.replace("    baseline: 2017\n", f"    baseline: {written}\n"), encoding="utf-8"
    )
    r = run_clean("check", "--lang", lang)
    assert r.exit_code == 1, r.stderr
    assert said in r.stderr, r.stderr


# --- 3. a group's or a dimension's name typed without quotes to status -------------------


@pytest.mark.parametrize(
    "args, lang, said",
    [
        # `status` takes any number of target ids, so the shell's words "FDI" and "plans"
        # after `--group Annual` were two unknown ids; the error names them once and the
        # option to quote, with the three words in quotes.
        (
            ("--fail-on", "not_achieved", "--group", "Annual", "FDI", "plans"),
            "en",
            "targets.yaml: error: no target 'FDI', 'plans': a text holding spaces is written in quotes: "
            '--group "Annual FDI plans"\n',
        ),
        (
            ("--fail-on", "not_achieved", "--group", "Kế", "hoạch", "thu", "hút", "FDI", "hằng", "năm"),
            "vi",
            "targets.yaml: lỗi: không có mục tiêu 'hoạch', 'thu', 'hút', 'FDI', 'hằng', 'năm': một văn bản "
            'có dấu cách phải đặt trong dấu nháy kép: --group "Kế hoạch thu hút FDI hằng năm"\n',
        ),
        # --by takes a dimension's name too: "Locality (district level until 30 June 2025)".
        (
            ("--by", "Locality", "(district", "level", "until", "30", "June", "2025)"),
            "en",
            "targets.yaml: error: no target '(district', 'level', 'until', '30', 'June', '2025)': a text "
            'holding spaces is written in quotes: --by "Locality (district level until 30 June 2025)"\n',
        ),
    ],
)
def test_status_tells_an_unquoted_name_to_be_quoted(shipped: Path, args: tuple[str, ...], lang: str, said: str):
    r = run_clean("status", *args, "--lang", lang)
    assert r.exit_code == 1, r.stderr
    assert r.stderr.splitlines(keepends=True)[0] == said


def test_a_real_unknown_id_beside_a_group_keeps_its_own_message(shipped: Path):
    # `status cbct-shar --fail-on not_achieved --group "Annual FDI plans"`: the group is
    # whole (quoted), so the unknown id is a typo, told its closest id as before.
    r = run_clean("status", "cbct-shar", "--fail-on", "not_achieved", "--group", "Annual FDI plans")
    assert r.exit_code == 1
    assert "no target 'cbct-shar'" in r.stderr and "quotes" not in r.stderr


# --- 4. one awaited year: a singular sentence ------------------------------------------

# 2021 +10 %, 2022 +6 %, no 2023 figure, the 2021-2023 average at least 8 %: the three
# years must multiply to 1.08^3 = 1.259712; 2021 and 2022 give 1.10 x 1.06 = 1.166, so 2023
# needs 1.259712 / 1.166 = 1.08037..., 8.04 % (8,04 % in Vietnamese).
FIGURES = STORE_HEADER + "growth,2021,10,,,,2022-01-15T00:00:00Z\ngrowth,2022,6,,,,2023-01-15T00:00:00Z\n"


@pytest.mark.parametrize(
    "lang, sentence, row",
    [
        (
            "en",
            "The 2021–2023 span is over with no figure yet for 2023; for the average to meet the target, "
            "the year without a figure needs at least 8.04%.",
            "Needed in the year without a figure 8.04%",
        ),
        (
            "vi",
            "Giai đoạn 2021–2023 đã kết thúc, chưa có số liệu năm 2023; để bình quân đạt mục tiêu, "
            "năm chưa có số liệu cần ít nhất 8,04%.",
            "Cần cho năm chưa có số liệu 8,04%",
        ),
    ],
)
def test_one_awaited_year_is_said_in_the_singular(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, sentence: str, row: str
):
    make_tracker(tmp_path, monkeypatch, TARGETS, FIGURES)
    r = run_clean("show", "growth-average", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    shown = " ".join(r.stdout.replace("•", " ").split())
    assert sentence in shown
    assert row in shown
    assert "years without" not in shown and "các năm chưa có" not in shown


def test_one_withdrawn_year_is_said_in_the_singular(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # The 2023 figure recorded, then withdrawn: the same need, 8.04 %, for the one year.
    withdrawn = FIGURES + "growth,2023,9,,,,2024-01-15T00:00:00Z\ngrowth,2023,,retracted,,,2024-02-01T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, TARGETS, withdrawn)
    r = run_clean("show", "growth-average")
    assert r.exit_code == 0, r.stderr
    shown = " ".join(r.stdout.replace("•", " ").split())
    assert (
        "The 2021–2023 span is over and the figure for 2023 was withdrawn, with none in force; for the average "
        "to meet the target, the year without a figure needs at least 8.04%."
    ) in shown


# --- 5. a date for --recorded-at written with dashes day first, or year first with slashes


@pytest.mark.parametrize(
    "typed, said",
    [
        # 15-04-2026: no month 15, so the 15th of April 2026, as 15/04/2026 and 15.04.2026
        # are already told; it was "not an ISO 8601 timestamp; write e.g. 2023-11-27...".
        ("15-04-2026", "'15-04-2026' is a date written day first: write 2026-04-15"),
        # 2026/04/15: the year first, then month and day, as ISO orders them.
        ("2026/04/15", "'2026/04/15' is a date written with slashes: write 2026-04-15"),
    ],
)
def test_a_recorded_date_with_dashes_or_year_first_is_told_its_iso_form(plan: Path, typed: str, said: str):
    r = run_clean("add-observation", "growth", "2025-Q1", "7,5", "--lang", "en", "--recorded-at", typed)
    assert r.exit_code == 1
    assert r.stderr == f"add-observation: error: {said}\n"
    assert store_text(plan) == STORE_HEADER


# --- 3 (continued). the other options that take a name with spaces ----------------------


@pytest.mark.parametrize(
    "lang, said",
    [
        (
            "en",
            "Error: Got unexpected extra argument(s) (trưởng GRDP): a text holding spaces is written in quotes: "
            '--indicator "Tăng trưởng GRDP"',
        ),
        (
            "vi",
            "Lỗi: thừa đối số (trưởng GRDP): một văn bản có dấu cách phải đặt trong dấu nháy kép: "
            '--indicator "Tăng trưởng GRDP"',
        ),
    ],
)
def test_an_indicators_name_unquoted_after_indicator_is_told_to_be_quoted(shipped: Path, lang: str, said: str):
    # observations --indicator takes an indicator's id or its name; a name of three words
    # unquoted left two extra arguments, and Click's words said neither why nor what to type.
    r = run_clean("observations", "--indicator", "Tăng", "trưởng", "GRDP", "--lang", lang)
    assert r.exit_code == 2
    assert r.stderr.rstrip("\n").splitlines()[-1] == said


@pytest.mark.parametrize(
    "lang, said",
    [
        (
            "en",
            "--output: error: the words after --output bao were read as target ids (cao.md): a text holding "
            'spaces is written in quotes: --output "bao cao.md"\n',
        ),
        (
            "vi",
            "--output: lỗi: các từ sau --output bao được đọc là mã mục tiêu (cao.md): một văn bản có dấu cách "
            'phải đặt trong dấu nháy kép: --output "bao cao.md"\n',
        ),
    ],
)
def test_a_reports_file_name_unquoted_is_told_to_be_quoted(shipped: Path, lang: str, said: str):
    # `report -o bao cao.md`: the shell gives -o "bao" and "cao.md" as a target id; it was
    # "bao: error: no extension does not say which format to write" (with --format:
    # "no target 'cao.md'"). A target id is [a-z0-9-]+, so "cao.md" is none: the name was cut.
    r = run_clean("report", "-o", "bao", "cao.md", "--lang", lang)
    assert r.exit_code == 2
    assert r.stderr == said
    assert not (shipped / "bao").exists() and not (shipped / "bao cao.md").exists()
    r = run_clean("report", "-f", "markdown", "-o", "bao", "cao.md", "--lang", lang)
    assert r.exit_code == 2
    assert r.stderr == said
