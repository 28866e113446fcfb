"""Small defects earlier sessions left (issue 17, nineteenth session): each test written
first and seen failing (docs/decisions.md, "Small defects left by earlier sessions")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, STORE_HEADER, make_tracker
from helpers import run, store_text
from qntrack.catalog import msg, render

# --- 1. Counts in Vietnamese messages are grouped by thousands ---------------------------


def test_a_count_in_a_vietnamese_message_is_grouped_as_a_figure_is(tracker: Path):
    # A source of 2,001 characters against the limit of 2,000: Vietnamese writes the two
    # counts "2.001" and "2.000" (a dot every three digits, as the tables and a message's
    # figures write them); English by commas, as its tables do ("2,001", "2,000"; ungrouped
    # before the forty-first session).
    source = "a" * 2001
    en = run("add-observation", "share", "2024-Q2", "13", "--source", source)
    vi = run("--lang", "vi", "add-observation", "share", "2024-Q2", "13", "--source", source)
    assert (en.exit_code, vi.exit_code) == (1, 1)
    assert "add-observation: error: the source is 2,001 characters long; at most 2,000 are allowed" in en.stderr
    assert "add-observation: lỗi: nguồn dài 2.001 ký tự; tối đa 2.000 ký tự" in vi.stderr
    assert store_text(tracker).count("\n") == 7  # header and six rows: nothing added


def test_counts_in_messages_are_grouped_but_years_and_small_counts_are_not():
    # 1234 rows: "1.234 dòng"; 999 and a year (2025) are never grouped.
    assert render(msg("totals", errors=1234, warnings=999), "vi") == "1.234 lỗi, 999 cảnh báo"
    assert render(msg("totals", errors=1234, warnings=999), "en") == "1,234 error(s), 999 warning(s)"
    assert render(msg("report_targets_count", n=12345), "vi") == "12.345 mục tiêu"
    # A text too long to quote is clipped with its length: 2,500 characters, "2.500".
    clipped = render(msg("store_timestamp_invalid", text="x" * 2500), "vi")
    assert "…[2.500 ký tự]…" in clipped


def test_a_dry_runs_rows_are_grouped_in_vietnamese(tracker: Path):
    # The small plan's share is quarterly: 300 years of four quarters are 1,200 rows
    # (1700-Q1 .. 1999-Q4), none in the store: "1.200 dòng", and "0 dòng" left out.
    rows = "".join(f"share,{year}-Q{q},10\n" for year in range(1700, 2000) for q in (1, 2, 3, 4))
    Path("many.csv").write_text("indicator,period,value\n" + rows, encoding="utf-8")
    vi = run("--lang", "vi", "add-observation", "--from", "many.csv", "--dry-run")
    assert vi.exit_code == 0, vi.output
    assert "chạy thử: sẽ thêm 1.200 dòng vào observations.csv (0 dòng đã có, bỏ qua)" in vi.stderr
    assert store_text(tracker) == SMALL_OBSERVATIONS  # a dry run writes nothing


# --- 2. A quarter or a month out of range is said to be one ------------------------------

FORMS_EN = "valid forms: 2023 (year), 2023-H1 (half), 2023-Q2 (quarter), 2023-04 (month), 2023-9M (first 9 months)"
FORMS_VI = "các dạng hợp lệ: 2023 (năm), 2023-H1 (nửa năm), 2023-Q2 (quý), 2023-04 (tháng), 2023-9M (9 tháng đầu năm)"

OUT_OF_RANGE = [
    # (typed, English problem, Vietnamese problem): a fifth quarter in each way a quarter
    # is typed, a thirteenth month in each way a month is, a third half.
    ("Quý 5/2025", "quarter 5 does not exist (1-4, or I-IV)", "không có quý 5 (1-4, hoặc I-IV)"),
    ("Quý V/2025", "quarter V does not exist (1-4, or I-IV)", "không có quý V (1-4, hoặc I-IV)"),
    ("Q5/2025", "quarter 5 does not exist (1-4, or I-IV)", "không có quý 5 (1-4, hoặc I-IV)"),
    ("2025-Q5", "quarter 5 does not exist (1-4, or I-IV)", "không có quý 5 (1-4, hoặc I-IV)"),
    ("2025-Q0", "quarter 0 does not exist (1-4, or I-IV)", "không có quý 0 (1-4, hoặc I-IV)"),
    ("13/2025", "month 13 does not exist (01-12)", "không có tháng 13 (01-12)"),
    ("tháng 13/2025", "month 13 does not exist (01-12)", "không có tháng 13 (01-12)"),
    ("T13/2025", "month 13 does not exist (01-12)", "không có tháng 13 (01-12)"),
    ("0/2025", "month 0 does not exist (01-12)", "không có tháng 0 (01-12)"),
    ("2025-H3", "half 3 does not exist (H1 or H2)", "không có nửa năm 3 (H1 hoặc H2)"),
]


@pytest.mark.parametrize(("typed", "en_problem", "vi_problem"), OUT_OF_RANGE)
def test_a_period_out_of_range_typed_to_add_observation_is_said_so(
    tracker: Path, typed: str, en_problem: str, vi_problem: str
):
    en = run("add-observation", "share", typed, "13")
    vi = run("--lang", "vi", "add-observation", "share", typed, "13")
    assert (en.exit_code, vi.exit_code) == (1, 1)
    assert en.stderr == f"add-observation: error: '{typed}': {en_problem}; {FORMS_EN}\n"
    assert vi.stderr == f"add-observation: lỗi: '{typed}': {vi_problem}; {FORMS_VI}\n"
    assert store_text(tracker) == SMALL_OBSERVATIONS


def test_history_says_a_fifth_quarter_is_none(tracker: Path):
    # history refuses a period as a usage error (exit 2), as before; the words are the
    # quarter's.
    r = run("history", "share", "Quý 5/2024")
    assert r.exit_code == 2
    assert r.stderr == f"history: error: 'Quý 5/2024': quarter 5 does not exist (1-4, or I-IV); {FORMS_EN}\n"


def test_an_imported_period_out_of_range_is_said_at_its_line(tracker: Path):
    Path("in.csv").write_text("indicator,period,value\nshare,Quý 5/2024,3\nshare,13/2024,4\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[:2] == [
        f"in.csv:2: error: 'Quý 5/2024': quarter 5 does not exist (1-4, or I-IV); {FORMS_EN}",
        f"in.csv:3: error: '13/2024': month 13 does not exist (01-12); {FORMS_EN}",
    ]
    assert store_text(tracker) == SMALL_OBSERVATIONS


def test_a_stored_fifth_quarter_is_said_by_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS + "share,2024-Q5,3,,,,2025-01-01T00:00:00Z\n")
    r = run("--lang", "vi", "check")
    assert r.exit_code == 1
    # The store's eighth line (header and six rows before it).
    assert f"observations.csv:8: lỗi: '2024-Q5': không có quý 5 (1-4, hoặc I-IV); {FORMS_VI}" in r.stderr


def test_a_plans_fifth_quarter_is_said_in_targets_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    plan = (
        "indicators:\n  share: {name: Share, unit: '%', frequency: quarter}\ntargets:\n  - id: t\n"
        "    type: plan\n    indicator: share\n    period: 2025-Q5\n    value: 5\n"
    )
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER)
    r = run("check")
    assert r.exit_code == 1
    # Line 7, the value at column 13 ("    period: " is twelve characters).
    assert r.stderr.splitlines()[0] == (
        f"targets.yaml:7:13: error: target 't': period: '2025-Q5': quarter 5 does not exist (1-4, or I-IV); {FORMS_EN}"
    )


# --- 3. A gap is written at the decimals of the figure it is measured from ---------------

LEVEL_PLAN = """\
indicators:
  share: {name: Share, unit: '%'}
targets:
  - id: share
    indicator: share
    baseline: {period: 2020, value: 9.8}
    milestones:
      - {by: 2025, value: 15}
      - {by: 2030, value: 30}
"""


def _level(folder: Path, monkeypatch: pytest.MonkeyPatch, *rows: str) -> None:
    make_tracker(
        folder, monkeypatch, LEVEL_PLAN, STORE_HEADER + "".join(r + ",,,,2026-01-10T00:00:00Z\n" for r in rows)
    )


def test_the_status_tables_gap_agrees_with_the_figure_beside_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # 14.999 for 2025 missed 2025's 15 and is written 14.999 (three decimals, where it
    # differs from 15). The gap to 2030's 30 is 30 - 14.999 = 15.001: at two decimals it
    # read "15 pp", which is 30 - 15, the figure the table does not show. At the figure's
    # three decimals: "15.001 pp".
    _level(tmp_path, monkeypatch, "share,2025,14.999")
    for lang, gap in (("en", "15.001 pp"), ("vi", "15,001 điểm %")):
        r = run("--lang", lang, "status", "--format", "table", env={"COLUMNS": "120"})
        assert r.exit_code == 0, r.output
        row = next(line for line in r.stdout.splitlines() if "(2025)" in line)
        assert ("14.999%" if lang == "en" else "14,999%") in row
        assert gap in row, row
    # JSON has the exact gap, as before.
    from helpers import json_of

    assert json_of("status", "--format", "json")["targets"][0]["gap"] == pytest.approx(15.001)


def test_shows_gaps_agree_with_the_figures_they_are_measured_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Each milestone's gap (show lists a level target's gaps by milestone): 2025's
    # 15 - 14.999 = 0.001, 2030's 30 - 14.999 = 15.001, both at the figure's three decimals.
    _level(tmp_path, monkeypatch, "share,2025,14.999")
    r = run("show", "share", env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    gaps = [line.split()[1:] for line in r.stdout.splitlines() if line.startswith("Gap")]
    assert gaps == [["0.001", "pp"], ["15.001", "pp"]], r.stdout


def test_the_reports_gaps_agree_with_the_figures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    _level(tmp_path, monkeypatch, "share,2025,14.999")
    r = run("report", "share", "--format", "markdown", "-o", "r.md")
    assert r.exit_code == 0, r.output
    text = Path("r.md").read_text(encoding="utf-8")
    # The summary row: latest 14.999, next milestone 30, gap 30 - 14.999 = 15.001.
    assert "| 14.999% (2025) | 30% by 2030 | 15.001 pp |" in text
    # The milestones table: 15 - 14.999 = 0.001 and 30 - 14.999 = 15.001. 2025's P is
    # ((14.999/9.8)^(1/5) - 1) / ((15/9.8)^(1/5) - 1) = 0.0888475 / 0.0888620 = 0.99984:
    # "0.9998", not "1" (twentieth session: a P below 1 never reads 1).
    assert "| 15% by 2025 | **Not achieved** | 0.9998 | – | 0.001 pp |" in text
    assert "| 30% by 2030 | **Moderate progress** | 0.75 | 1.08 | 15.001 pp |" in text


def test_a_figure_judged_on_a_missed_milestone_differs_from_it_when_a_later_one_is_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # 14.999 for 2025 missed 2025's 15; 16 for 2026 is the latest. show's observations
    # wrote the 2025 row "15%" beside the milestone "15% by 2025 Not achieved" and its gap
    # 0.001 pp: it is written where it differs from 15, 14.999. The 2030 gap, from the
    # latest 16, is 30 - 16 = 14 (two decimals, as 16 is written).
    _level(tmp_path, monkeypatch, "share,2025,14.999", "share,2026,16")
    r = run("show", "share", env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    rows = [line.split() for line in r.stdout.splitlines() if line.strip().startswith(("2025 ", "2026 "))]
    assert [row[:2] for row in rows] == [["2025", "14.999%"], ["2026", "16%"]], r.stdout
    gaps = [line.split()[1:] for line in r.stdout.splitlines() if line.startswith("Gap")]
    assert gaps == [["0.001", "pp"], ["14", "pp"]], r.stdout


# --- 4. A noncharacter in a new source or note is refused, and named by check ------------


@pytest.mark.parametrize(
    ("option", "text", "en", "vi"),
    [
        # U+FFFF, U+FDD0 (the first of the block U+FDD0-U+FDEF), U+1FFFE (a plane's last
        # but one): each a noncharacter, each named by its code point.
        ("--source", "a\uffffb", "the source contains U+FFFF", "nguồn chứa U+FFFF"),
        ("--note", "x\ufdd0", "the note contains U+FDD0", "ghi chú chứa U+FDD0"),
        ("--note", "\U0001fffe", "the note contains U+1FFFE", "ghi chú chứa U+1FFFE"),
    ],
)
def test_add_observation_refuses_a_noncharacter_naming_it(tracker: Path, option: str, text: str, en: str, vi: str):
    rest = ", a noncharacter (Unicode keeps it for programs' own use, never as text), which a Word document cannot hold: remove it"
    rest_vi = (
        ", một ký tự phi văn bản (Unicode dành nó cho chương trình dùng nội bộ, không bao giờ là chữ), "
        "ký tự mà tài liệu Word không thể chứa: hãy xóa nó"
    )
    r = run("add-observation", "share", "2024-Q2", "13", option, text)
    assert r.exit_code == 1
    assert r.stderr == f"add-observation: error: {en}{rest}\n"
    r = run("--lang", "vi", "add-observation", "share", "2024-Q2", "13", option, text)
    assert r.stderr == f"add-observation: lỗi: {vi}{rest_vi}\n"
    assert store_text(tracker) == SMALL_OBSERVATIONS


def test_an_imported_noncharacter_is_refused_at_its_line(tracker: Path):
    Path("in.csv").write_text("indicator,period,value,source\nshare,2024-Q2,13,ok\ufffe\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert "in.csv:2: error: the source contains U+FFFE, a noncharacter" in r.stderr
    assert store_text(tracker) == SMALL_OBSERVATIONS


def test_check_names_a_noncharacter_a_hand_edit_left_in_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Lines 8 and 9, after the header and the six rows of the small store.
    rows = "mining,2021,16.5,official,year\uffffbook,,2022-01-10T00:00:00Z\n"
    rows += "mining,2023,15.9,official,yearbook,n\U0010ffff,2024-01-10T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS + rows)
    r = run("check")
    assert r.exit_code == 1
    what = ", a noncharacter (Unicode keeps it for programs' own use, never as text), which add-observation refuses; remove it"
    assert r.stderr.splitlines() == [
        f"observations.csv:8: error: the source contains U+FFFF{what}",
        f"observations.csv:9: error: the note contains U+10FFFF{what}",
        "2 error(s), 0 warning(s)",
    ]
    vi = run("--lang", "vi", "check")
    assert vi.stderr.splitlines()[0] == (
        "observations.csv:8: lỗi: nguồn chứa U+FFFF, một ký tự phi văn bản (Unicode dành nó cho chương trình "
        "dùng nội bộ, không bao giờ là chữ), ký tự mà add-observation không nhận; hãy xóa nó"
    )


# --- 5. Invisible characters that reorder or join text: ids refuse them, names warn ------

PLAN_WITH = """\
indicators:
  {ind}: {{name: "{name}", unit: "%"}}
targets:
  - id: {tid}
    indicator: share
    baseline: {{period: 2020, value: 9.8}}
    milestones: [{{by: 2025, value: 15}}]
"""


def test_an_indicator_id_with_a_zero_width_space_is_refused_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # "share\u200b" reads "share" on screen: the plain message "ids use lower-case letters"
    # quoted it as 'share'. Line 2; the id starts at column 3 and U+200B is its sixth
    # character: column 3 + 5 = 8. The id is echoed with the character written as its code.
    plan = PLAN_WITH.format(ind="share\u200b", name="Share", tid="t")
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER)
    r = run("check")
    assert r.exit_code == 1
    first = r.stderr.splitlines()[0]
    assert first.startswith(
        "targets.yaml:2:8: error: indicator 'share<U+200B>': the id holds U+200B (zero width space)"
    )
    assert "\u200b" not in r.stderr


def test_a_target_id_with_a_bidirectional_override_is_refused_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # "t\u202ex-2025": line 4, the id at column 9 ("  - id: " is eight characters), the
    # override its second character: column 10. Vietnamese says it too.
    plan = PLAN_WITH.format(ind="share", name="Share", tid="t\u202ex-2025")
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER)
    r = run("check")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0].startswith(
        "targets.yaml:4:10: error: target 't<U+202E>x-2025': the id holds U+202E (right-to-left override)"
    )
    assert "\u202e" not in r.stderr
    vi = run("--lang", "vi", "check")
    assert vi.stderr.splitlines()[0].startswith("targets.yaml:4:10: lỗi: mục tiêu 't<U+202E>x-2025': mã chứa U+202E")


def test_a_dimension_id_with_a_joiner_is_refused_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # "loc\u200dality": line 2, the id at column 3, the joiner its fourth character: 3 + 3 = 6.
    plan = "dimensions:\n  loc\u200dality: {name: Locality}\n" + PLAN_WITH.format(ind="share", name="Share", tid="t")
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER)
    r = run("check")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0].startswith(
        "targets.yaml:2:6: error: dimension 'loc<U+200D>ality': the id holds U+200D (zero width joiner)"
    )


def test_a_name_with_an_isolate_is_read_and_check_warns_of_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A display name may need direction marks (a name in Arabic inside Vietnamese), so it
    # is read; check warns at the character: line 2, the name's text starts at column 26
    # ('  share: {name: "' is 17 characters, then "Sh" two more: U+2067 at column 20).
    plan = PLAN_WITH.format(ind="share", name="Sh\u2067are", tid="t")
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER)
    assert run("status", "--format", "json").exit_code == 0
    r = run("check")
    assert r.exit_code == 0
    assert r.stderr.splitlines() == [
        "targets.yaml:2:20: warning: U+2067 (right-to-left isolate), a character no one sees, changes how the "
        "text around it is shown (the order of its letters, or where a word breaks), so that a name can read as "
        "another; remove it unless the name needs it",
    ]  # one message, and so no count under it
    vi = run("--lang", "vi", "check")
    assert vi.stderr.splitlines()[0].startswith("targets.yaml:2:20: cảnh báo: U+2067 (right-to-left isolate),")
    listed = run("check", "--list")
    assert listed.stdout.splitlines()[-9].split()[:3] == [
        "invisible",
        "warning",
        "default",
    ]  # year-to-date, parts-sum, lost-letters, official-replaced, yearly-unjudged, unit-names, open-sdg-status,
    # unit-baseline


def test_a_byte_order_mark_that_starts_the_file_is_no_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Notepad's UTF-8 starts the file with U+FEFF: not inside any text.
    make_tracker(tmp_path, monkeypatch, "\ufeff" + PLAN_WITH.format(ind="share", name="Share", tid="t"), STORE_HEADER)
    r = run("check")
    assert (r.exit_code, r.stderr) == (0, "")


def test_a_name_with_the_character_written_as_an_escape_is_warned_of_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # name: "Sh\u202Eare" (six characters typed for one): the warning is at its backslash,
    # line 2, column 17 + 2 + 1 = 20, as for the character typed as is.
    plan = PLAN_WITH.format(ind="share", name="Sh\\u202Eare", tid="t")
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER)
    r = run("check")
    assert r.exit_code == 0
    assert r.stderr.startswith("targets.yaml:2:20: warning: U+202E (right-to-left override), a character no one sees")


def test_a_targets_indicator_reference_with_a_zero_width_space_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # `indicator: share\u200b` under a target: line 5, the value at column 16
    # ("    indicator: " is fifteen characters), U+200B its sixth character: 16 + 5 = 21.
    plan = PLAN_WITH.format(ind="share", name="Share", tid="t").replace("indicator: share", "indicator: share\u200b")
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER)
    r = run("check")
    assert r.exit_code == 1
    assert r.stderr == (
        "targets.yaml:5:21: error: indicator 'share<U+200B>': the id holds U+200B (zero width space), a character "
        "no one sees that changes how the text around it is shown, so that an id can read as another; an id may "
        "hold none: remove it\n"
    )
