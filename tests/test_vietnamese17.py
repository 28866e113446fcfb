"""A Vietnamese provincial statistics officer's week of messages (issue 17, seventeenth
session): what `init`, the as-of day, a typed figure, a broken targets.yaml and a growth
plan's definition say to a reader of Vietnamese. Expected text written out by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import run
from qntrack.files.definitions import parse_plan


# --- init --lang vi: a starter whose comments a Vietnamese officer reads ------------------


def _comments(text: str) -> list[str]:
    return [line.split("#", 1)[1] for line in text.splitlines() if "#" in line and not line.lstrip().startswith("- id")]


@pytest.mark.parametrize("how", [("--lang", "vi"), ()])
def test_init_in_vietnamese_writes_vietnamese_comments(tmp_path: Path, how: tuple[str, ...]):
    env = {} if how else {"QNTRACK_LANG": "vi"}
    r = run("init", str(tmp_path / "kh"), *how, env=env)
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "kh" / "targets.yaml").read_text(encoding="utf-8")
    assert text.startswith("# targets.yaml — những gì kế hoạch đề ra."), text[:80]
    # Every comment line of the starter: none left in English (no English sentence
    # words such as "the", "which", "and:" in a comment).
    english = [c for c in _comments(text) if re.search(r"\b(the|which|with|is|are|every)\b", c)]
    assert english == [], english
    assert "# tệp số liệu" in text


def test_init_in_english_keeps_english_comments(tmp_path: Path):
    r = run("init", str(tmp_path / "p"))
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "p" / "targets.yaml").read_text(encoding="utf-8")
    assert text.startswith("# targets.yaml — what the plan promises."), text[:80]


def test_both_starters_load_to_the_same_plan(tmp_path: Path):
    run("init", str(tmp_path / "en"), "--lang", "en")
    run("init", str(tmp_path / "vi"), "--lang", "vi")
    en = (tmp_path / "en" / "targets.yaml").read_text(encoding="utf-8")
    vi = (tmp_path / "vi" / "targets.yaml").read_text(encoding="utf-8")
    assert en != vi
    plan_en, plan_vi = parse_plan(en, "targets.yaml"), parse_plan(vi, "targets.yaml")
    assert plan_en == plan_vi
    # The starter's 7 targets and 5 indicators, as the English one lists them.
    assert len(plan_vi.targets) == 7 and len(plan_vi.indicators) == 5
    # Its title in both languages: a Vietnamese report is headed in Vietnamese.
    assert plan_vi.title_in("vi") == "Kế hoạch của tôi" and plan_vi.title_in("en") == "My plan"


# --- a day that does not exist: the month as a Vietnamese reader writes it ----------------


@pytest.mark.parametrize(
    ("day", "vi"),
    [
        # By hand: April has 30 days, so 2025-04-31 is none; 2025 is no leap year, so
        # February has 28. "tháng 4/2025", never "tháng 04/2025".
        ("2025-04-31", "'2025-04-31' không phải là ngày có thật: tháng 4/2025 có 30 ngày"),
        ("2025-02-29", "'2025-02-29' không phải là ngày có thật: tháng 2/2025 có 28 ngày"),
        # Two-digit months are written as they are.
        ("2025-11-31", "'2025-11-31' không phải là ngày có thật: tháng 11/2025 có 30 ngày"),
    ],
)
def test_a_day_that_does_not_exist_names_its_month_without_a_leading_zero(tracker: Path, day: str, vi: str):
    r = run("status", "--as-of", day, env={"QNTRACK_LANG": "vi"})
    assert r.exit_code == 2, r.stderr
    assert r.stderr == f"--as-of: lỗi: {vi}\n"
    # The English is unchanged: "2025-04 has 30 days", ISO as the user typed it.
    e = run("status", "--as-of", day, "--lang", "en")
    assert f"is no day of the calendar: {day[:7]} has" in e.stderr, e.stderr


# --- a typed figure in scientific notation: "in full" as a Vietnamese reader types it -----


@pytest.mark.parametrize(
    ("typed", "whole_vi", "value"),
    [
        # By hand: 2.5E-03 = 2.5 / 1000 = 0.0025, written 0,0025 with the decimal comma.
        ("2.5E-03", "0,0025", 0.0025),
        # 1.2345E+03 = 1.2345 x 1000 = 1234.5 -> 1234,5 (no thousands dot: typed in full).
        ("1.2345E+03", "1234,5", 1234.5),
        # 1.2E+03 = 1200, a whole number: the same in both languages.
        ("1.2E+03", "1200", 1200.0),
    ],
)
def test_a_typed_figure_in_scientific_notation_is_shown_as_vietnamese_types_it(
    tracker: Path, typed: str, whole_vi: str, value: float
):
    before = (tracker / "observations.csv").read_bytes()
    r = run("add-observation", "mining", "2021", typed, "--lang", "vi")
    assert r.exit_code == 1, r.stderr
    assert f"hãy gõ đầy đủ con số: {whole_vi} nếu đúng là số đó" in r.stderr, r.stderr
    assert (tracker / "observations.csv").read_bytes() == before
    # What the message tells the officer to type is read back, in Vietnamese, as that figure.
    ok = run("add-observation", "mining", "2021", whole_vi, "--lang", "vi", "--format", "json")
    assert ok.exit_code == 0, ok.stderr
    stored = (tracker / "observations.csv").read_text(encoding="utf-8").splitlines()[-1].split(",")
    assert float(stored[2]) == value


def test_a_typed_figure_in_scientific_notation_in_english_keeps_the_point(tracker: Path):
    r = run("add-observation", "mining", "2021", "2.5E-03", "--lang", "en")
    assert r.exit_code == 1 and "type the figure in full: 0.0025 if" in r.stderr, r.stderr


# --- PyYAML's words for a broken targets.yaml, in Vietnamese -------------------------------

_PLAN_HEAD = "version: 1\nindicators:\n  a:\n    name: A\n"


@pytest.mark.parametrize(
    ("text", "where", "said"),
    [
        # A Windows path in double quotes: \D is no escape of YAML.
        (
            _PLAN_HEAD + '    source: "C:\\Data"\n',
            "targets.yaml:5:",
            "trong dấu nháy kép, dấu gạch chéo ngược (\\) mở đầu một ký tự thoát",
        ),
        # '>= 15' reads as a folded block of text ('>') followed by '='.
        (
            _PLAN_HEAD + "    unit: >= 15\n",
            "targets.yaml:5:",
            "một giá trị không thể bắt đầu bằng '>' hay '|' rồi tiếp đến chữ",
        ),
        # '*' names an anchor that does not exist.
        (_PLAN_HEAD + "    unit: *dv\n", "targets.yaml:5:", "dấu '*' ở đầu một giá trị trỏ tới một neo"),
        # '&' alone: an anchor with no name.
        (_PLAN_HEAD + "    unit: & x\n", "targets.yaml:5:", "dấu '&' hay '*' ở đầu một giá trị"),
        # The same anchor twice.
        (
            _PLAN_HEAD + "    unit: &u x\n  b:\n    name: &u B\n",
            "targets.yaml:7:",
            "một neo (&TÊN) được đặt lần thứ hai",
        ),
        # A second document after '---'.
        (_PLAN_HEAD + "---\ntargets: []\n", "targets.yaml:5:", "dòng '---' hay '...' kết thúc nội dung của tệp"),
    ],
)
def test_pyyaml_words_are_said_in_vietnamese(tracker: Path, text: str, where: str, said: str):
    (tracker / "targets.yaml").write_text(text, encoding="utf-8")
    r = run("check", "--lang", "vi")
    assert r.exit_code == 1, r.stderr
    line = r.stderr.splitlines()[0]
    assert line.startswith(where) and "lỗi: không phải YAML hợp lệ: " in line, line
    assert said in line, line
    assert "PyYAML" not in line and "found" not in line and "expected" not in line, line


def test_pyyaml_words_not_in_the_table_stay_english_with_their_place(tracker: Path):
    # '!<x' with no closing '>': a tag no one types by mistake, left in PyYAML's words, at
    # line 5, marked as PyYAML's.
    (tracker / "targets.yaml").write_text(_PLAN_HEAD + "    unit: !<x\n", encoding="utf-8")
    r = run("check", "--lang", "vi")
    assert r.exit_code == 1
    assert r.stderr.startswith("targets.yaml:5:"), r.stderr
    assert "(PyYAML báo: expected '>', but found" in r.stderr, r.stderr


def test_a_windows_path_in_double_quotes_is_said_in_english_too(tracker: Path):
    # Line 5; column 17 is the 'D' after the backslash, where PyYAML stops: 4 spaces,
    # "source: " (8), then '"' at 13, 'C' 14, ':' 15, '\' 16, 'D' 17.
    (tracker / "targets.yaml").write_text(_PLAN_HEAD + '    source: "C:\\Data"\n', encoding="utf-8")
    r = run("check", "--lang", "en")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0].startswith(
        "targets.yaml:5:17: error: not valid YAML: a backslash (\\) inside double quotes starts an escape: "
        "put the text in single quotes ('C:\\Data')"
    ), r.stderr


# --- a growth plan's definition in a Vietnamese report -----------------------------------

_GROWTH_PLAN = """\
version: 1
title: {en: "Growth", vi: "Tăng trưởng"}
indicators:
  growth:
    name: {en: "GRDP growth", vi: "Tốc độ tăng trưởng GRDP"}
    unit: {en: "% y/y", vi: "% so với cùng kỳ"}
    measure: rate
  fdi:
    name: {en: "FDI", vi: "Vốn FDI"}
    unit: {en: "million USD", vi: "triệu USD"}
    measure: flow
    frequency: quarter
targets:
  - id: growth-plan-2017
    type: plan
    indicator: growth
    period: 2017
    value: 10
  - id: fdi-plan-q1
    type: plan
    indicator: fdi
    period: 2025-Q1
    value: 1500.5
"""


def test_a_growth_plan_reads_as_an_officer_writes_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    folder = make_tracker(tmp_path, monkeypatch, _GROWTH_PLAN, "")
    r = run("report", "--format", "markdown", "-o", "r.md", "--lang", "vi")
    assert r.exit_code == 0, r.stderr
    text = (folder / "r.md").read_text(encoding="utf-8")
    # "10% so với cùng kỳ năm 2017" read as "against the same period of 2017": the year
    # the plan is for comes first, as a plan is headed ("Kế hoạch năm 2017: ...").
    assert "**Nội dung mục tiêu:** Kế hoạch năm 2017: 10% so với cùng kỳ." in text, text
    assert "cùng kỳ năm 2017" not in text
    # A quarter's plan likewise; 1500.5 written the Vietnamese way, 1.500,5.
    assert "**Nội dung mục tiêu:** Kế hoạch quý I/2025: 1.500,5 triệu USD." in text, text
    e = run("report", "--format", "markdown", "-o", "e.md", "--lang", "en")
    assert e.exit_code == 0, e.stderr
    english = (folder / "e.md").read_text(encoding="utf-8")
    assert "10% y/y in 2017 (annual plan)." in english, english


# --- a figure already recorded, and a retraction: the status and the moment in Vietnamese --


def test_a_figure_already_recorded_is_told_in_vietnamese_words(tracker: Path):
    args = ("add-observation", "share", "2024-Q2", "13,5", "--status", "sơ bộ", "--source", "Cục Thống kê")
    first = run(*args, "--recorded-at", "2024-08-01", "--lang", "vi")
    assert first.exit_code == 0, first.stderr
    again = run(*args, "--recorded-at", "2024-08-01", "--lang", "vi")
    assert again.exit_code == 0, again.stderr
    # "preliminary" is stored; a Vietnamese reader is told "sơ bộ", as every table says it,
    # and the moment 2024-08-01T00:00:00Z as stored (ISO, issue 17, twenty-third session).
    assert again.stderr == (
        "không có gì để thêm: share 2024-Q2 = 13,5 (sơ bộ, Cục Thống kê, ghi nhận lúc 2024-08-01T00:00:00Z) "
        "đã có trong observations.csv\n"
    )
    english = run(*args, "--recorded-at", "2024-08-01", "--lang", "en")
    assert english.stderr == (
        "nothing to add: share 2024-Q2 = 13.5 (preliminary, Cục Thống kê, recorded 2024-08-01T00:00:00Z) "
        "is already recorded in observations.csv\n"
    ), english.stderr


def test_a_retraction_is_confirmed_with_the_day_as_vietnamese_writes_it(tracker: Path):
    r = run("retract", "share", "2024-Q1", "--recorded-at", "2024-06-01", "--lang", "vi")
    assert r.exit_code == 0, r.stderr
    # SMALL_OBSERVATIONS' 2024-Q1 figure, 12.9, recorded 2024-04-05T00:00:00Z.
    assert r.stderr == (
        "đã rút lại số liệu share 2024-Q1 (trước là 12,9, ghi nhận 05/04/2024) trong observations.csv\n"
    )


# --- a growth plan's summary sentence ------------------------------------------------------

_RATE_PLANS = """\
version: 1
title: "Growth"
indicators:
  growth:
    name: {en: "GRDP growth", vi: "Tốc độ tăng trưởng GRDP"}
    unit: {en: "% y/y", vi: "% so với cùng kỳ"}
    measure: rate
targets:
  - {id: plan-2017, type: plan, indicator: growth, period: 2017, value: 10}
  - {id: plan-2018, type: plan, indicator: growth, period: 2018, value: 11}
  - {id: plan-2019, type: plan, indicator: growth, period: 2019, value: 12}
"""
_RATES = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "growth,2017,10.2,,,,2018-01-10T00:00:00Z\n"
    "growth,2018,10.5,,,,2019-01-10T00:00:00Z\n"
    "growth,2019,12,,,,2020-01-10T00:00:00Z\n"
)


@pytest.mark.parametrize(
    ("target", "sentence"),
    [
        # By hand: 10.2 - 10 = +0.2 points above the plan; 10.5 - 11 = -0.5, below it by
        # 0.5; 12 - 12 = 0, equal to it.
        ("plan-2017", "• Năm 2017: 10,2%, cao hơn kế hoạch (10%) 0,2 điểm phần trăm."),
        ("plan-2018", "• Năm 2018: 10,5%, thấp hơn kế hoạch (11%) 0,5 điểm phần trăm."),
        ("plan-2019", "• Năm 2019: 12%, bằng kế hoạch (12%)."),
    ],
)
def test_a_growth_plan_met_or_missed_is_said_as_an_officer_says_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, sentence: str
):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _RATE_PLANS, _RATES)
    r = run("show", target, "--lang", "vi", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.stderr
    assert sentence in r.stdout.splitlines(), r.stdout
    # English as before: the signed difference.
    e = run("show", "plan-2018", "--lang", "en", env={"COLUMNS": "200"})
    assert "2018: 10.5% against a plan of 11%: -0.5 pp." in e.stdout, e.stdout


# --- an import row whose period cell is empty ---------------------------------------------


def test_an_empty_period_cell_is_said_to_be_empty(tracker: Path):
    (tracker / "rows.csv").write_text("indicator,period,value\nshare,,12\n", encoding="utf-8")
    before = (tracker / "observations.csv").read_bytes()
    r = run("add-observation", "--from", "rows.csv", "--lang", "vi")
    assert r.exit_code == 1, r.stderr
    # "'' không phải là một kỳ" quoted nothing: the cell is empty, and the row is line 2.
    # Since the twenty-eighth session, with what an empty cell in a pasted table most often
    # is: a period merged down over several rows (tests/test_s28_b.py).
    assert r.stderr.startswith("rows.csv:2: lỗi: ô kỳ để trống: mỗi dòng phải ghi kỳ của nó"), r.stderr
    e = run("add-observation", "--from", "rows.csv", "--lang", "en")
    assert e.stderr.startswith("rows.csv:2: error: the period cell is empty: each row names its period"), e.stderr
    assert (tracker / "observations.csv").read_bytes() == before


def test_a_typed_word_is_shown_the_figure_with_the_decimal_comma_first(tracker: Path):
    r = run("add-observation", "share", "2024", "mười", "--lang", "vi")
    assert r.exit_code == 1
    # On the command line a Vietnamese reader types 10,28; "10.28" first read as 1028.
    assert r.stderr == "add-observation: lỗi: 'mười' không phải là số; hãy viết một số, ví dụ 10,28 (hoặc 10.28)\n"


# --- an --as-of day after today ------------------------------------------------------------


def test_an_as_of_after_today_names_today_as_vietnamese_writes_dates(tracker: Path):
    from datetime import date, timedelta

    today = date.today()
    later = (today + timedelta(days=400)).isoformat()
    r = run("status", "--as-of", later, "--lang", "vi", "--format", "json")
    assert r.exit_code == 0, r.stderr
    # Today, which qntrack worked out, as DD/MM/YYYY; and the day typed too (thirty-ninth
    # session: "2026-12-31 ... (07/12/2026)" wrote one line's days in two forms).
    shown = today.strftime("%d/%m/%Y")
    typed = (today + timedelta(days=400)).strftime("%d/%m/%Y")
    assert r.stderr == (
        f"--as-of: cảnh báo: {typed} là một ngày sau hôm nay ({shown}): số liệu là những số đã ghi nhận "
        f"đến nay, còn các thời hạn được xét như vào ngày {typed}\n"
    ), r.stderr
    e = run("status", "--as-of", later, "--lang", "en", "--format", "json")
    assert f"{later} is after today ({today.isoformat()})" in e.stderr, e.stderr


# --- a month typed for --as-of ------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "last"),
    [
        # By hand: April has 30 days; 2024 is a leap year, so February has 29.
        ("2025-04", "2025-04-30"),
        ("4/2025", "2025-04-30"),
        ("2024-02", "2024-02-29"),
        ("12/2025", "2025-12-31"),
    ],
)
def test_a_month_typed_for_as_of_is_told_its_last_day(tracker: Path, typed: str, last: str):
    r = run("status", "--as-of", typed, "--lang", "vi")
    assert r.exit_code == 2, r.stderr
    assert r.stderr == (
        f"--as-of: lỗi: '{typed}' là một tháng, không phải một ngày; hãy viết YYYY-MM-DD, "
        f"ví dụ {last} (ngày cuối tháng)\n"
    ), r.stderr
    e = run("status", "--as-of", typed, "--lang", "en")
    assert e.stderr == (
        f"--as-of: error: '{typed}' is a month, not a day; write YYYY-MM-DD, e.g. {last} (its last day)\n"
    ), e.stderr


# --- a word in a figure column of a file ---------------------------------------------------


def test_a_word_in_a_figure_column_is_told_to_be_a_number(tracker: Path):
    (tracker / "rows.tsv").write_text("indicator\t2023\t2024\nshare\t12,3\tkhông có\n", encoding="utf-8")
    before = (tracker / "observations.csv").read_bytes()
    r = run("add-observation", "--from", "rows.tsv", "--wide", "--lang", "vi")
    assert r.exit_code == 1, r.stderr
    # "hãy viết, ví dụ, 1234,5" read as a translation; the file writes 12,3, so the
    # example has the decimal comma.
    assert "rows.tsv:2: lỗi: kỳ 2024: 'không có' không phải là số; hãy viết một số, ví dụ 1234,5" in r.stderr, r.stderr
    assert (tracker / "observations.csv").read_bytes() == before


# --- an indicator for a target and back; a name read as an id: without "của nó" -----------


def test_an_indicator_given_for_a_target_and_back_reads_naturally(tracker: Path):
    # SMALL_TARGETS names target and indicator 'share' alike: the target is renamed so
    # that each name is only one of the two.
    (tracker / "targets.yaml").write_text(
        (tracker / "targets.yaml").read_text(encoding="utf-8").replace("- id: share", "- id: share-2030"),
        encoding="utf-8",
    )
    r = run("status", "share", "--lang", "vi", "--format", "json")
    assert r.exit_code == 1
    assert r.stderr == (
        "targets.yaml: lỗi: 'share' là chỉ tiêu, không phải mục tiêu; các mục tiêu theo dõi chỉ tiêu này: share-2030\n"
    ), r.stderr
    r = run("history", "share-2030", "--lang", "vi")
    assert r.exit_code == 1
    assert r.stderr == "targets.yaml: lỗi: 'share-2030' là mục tiêu, theo dõi chỉ tiêu 'share'\n", r.stderr


def test_a_name_read_as_an_id_says_which_rows(tracker: Path):
    (tracker / "rows.csv").write_text("indicator,period,value\nManufacturing share,2024-Q2,13\n", encoding="utf-8")
    r = run("add-observation", "--from", "rows.csv", "--lang", "vi", "--dry-run", "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert (
        "rows.csv: cảnh báo: 'Manufacturing share' là tên của chỉ tiêu share trong targets.yaml: "
        "1 dòng ghi tên này được đọc là chỉ tiêu share"
    ) in r.stderr, r.stderr


# --- a gap below zero: "Còn thiếu -0,2 điểm %" says it is already beyond ------------------


def test_a_gap_beyond_the_target_says_it_is_already_beyond():
    from qntrack.output.summary import gap_phrase

    # By hand: a result 0.2 points above a 10 % plan leaves -0.2 to go; "Còn thiếu
    # -0,2 điểm % (vượt mục tiêu ...)" read as a shortfall and an excess at once.
    assert gap_phrase(-0.2, "%", "vi") == "-0,2 điểm % (đã vượt mục tiêu 0,2 điểm %)"
    assert gap_phrase(-0.2, "%", "en") == "-0.2 pp (beyond the target by 0.2 pp)"


# --- the confirmations of a batch and a dry run ---------------------------------------------


def test_a_batch_is_confirmed_without_a_clause_wedged_before_the_file(tracker: Path):
    (tracker / "rows.csv").write_text(
        "indicator,period,value,recorded_at\nshare,2024-Q2,13,2024-08-01T00:00:00Z\n", encoding="utf-8"
    )
    dry = run("add-observation", "--from", "rows.csv", "--lang", "vi", "--dry-run", "--format", "json")
    # "sẽ thêm 1 dòng, 0 dòng đã có, vào observations.csv" put a clause between the verb
    # and where it adds: the count passed over goes in brackets after the file.
    assert dry.stderr == "chạy thử: sẽ thêm 1 dòng vào observations.csv (0 dòng đã có, bỏ qua); không ghi gì\n"
    done = run("add-observation", "--from", "rows.csv", "--lang", "vi")
    assert done.stderr == "đã thêm 1 dòng vào observations.csv (0 dòng đã có, bỏ qua)\n", done.stderr


# --- a bad row of observations.csv, said to a Vietnamese reader -----------------------------


def test_a_bad_status_and_moment_in_the_store_read_as_vietnamese(tracker: Path):
    with (tracker / "observations.csv").open("a", encoding="utf-8") as fh:
        fh.write("share,2023,1,ước,,,2024-01-05T00:00:00Z\n")
        fh.write("share,2022,1,,,,01/01/2025\n")
    r = run("check", "--lang", "vi")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    # "không thuộc: (để trống), ..." ended on a colon with no verb; the file takes codes.
    assert any(
        x.endswith(
            "lỗi: loại số liệu (status) 'ước' không hợp lệ; tệp số liệu chỉ nhận: (để trống), "
            "estimate, preliminary, official"
        )
        for x in lines
    ), lines
    # "hãy viết ví dụ ..." lacked its "như"; since the eighteenth session a date with
    # slashes is told its ISO form (1 January 2025 in either order: 2025-01-01).
    assert any(x.endswith("'01/01/2025' là ngày viết với dấu gạch chéo: hãy viết 2025-01-01") for x in lines), lines


# --- a period typed without its year: the example as a Vietnamese officer writes it ---------


@pytest.mark.parametrize(
    ("typed", "code", "words"),
    [
        # This year's Y: 'quý I Y' is no Vietnamese; 'quý I/Y' is how reports write it.
        ("quý I", "{y}-Q1", "quý I/{y}"),
        ("tháng 4", "{y}-04", "tháng 4/{y}"),
        ("6 tháng đầu năm", "{y}-H1", "6 tháng đầu năm {y}"),
        ("Q1", "{y}-Q1", "quý I/{y}"),
    ],
)
@pytest.mark.usefixtures("mid_2026")  # this year, whatever the hour the suite runs
def test_a_period_without_its_year_is_shown_written_in_vietnamese(tracker: Path, typed: str, code: str, words: str):
    from conftest import THIS_YEAR as y

    r = run("add-observation", "share", typed, "10", "--lang", "vi")
    assert r.exit_code == 1, r.stderr
    assert r.stderr == (
        f"add-observation: lỗi: '{typed}' chưa có năm: hãy viết kèm năm, ví dụ {code.format(y=y)} "
        f"(hoặc '{words.format(y=y)}')\n"
    ), r.stderr
    # What the message offers is read as that period: the words typed with last year
    # (a month is finer than 'share' is published, and refused as such, by its code).
    ok = run("add-observation", "share", words.format(y=y - 1), "10", "--lang", "vi", "--dry-run")
    assert ok.exit_code == 0 or f"(đọc là {code.format(y=y - 1)}) chi tiết hơn" in ok.stderr, ok.stderr
