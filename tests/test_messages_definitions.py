"""targets.yaml, `qntrack check`, periods and formulas speak the user's language (issue 12:
"Error and warning messages follow --lang"): each kind of message in Vietnamese with
--lang vi or QNTRACK_LANG=vi, the same text in English as before, and the exceptions that
carry a message to other modules (PeriodError, FormulaError, parse_number's ValueError)
keep their English str() while holding the Message."""

from __future__ import annotations

from pathlib import Path

import pytest

from qntrack.files.definitions import parse_number
from qntrack.plan.formula import FormulaError, parse_formula
from qntrack.catalog import Message, msg, render
from qntrack.plan.periods import PeriodError, parse_period

from conftest import STORE_HEADER, dedent, make_tracker
from helpers import run_clean as run


BROKEN_TARGETS = dedent("""
    indicators:
      grdp:
        name: GRDP
        direction: increse
      share:
        name: Share
        unit: "%"
    targets:
      - id: t1
        indicator: shar
        baseline: 2020-H1
        milestones:
          - {by: 2025, value: 15%}
      - id: t2
        type: average
        indicator: share
        at_least: 5
        from: 2021
        to: 2023-13
      - id: t3
        type: plan
        indicator: share
        perod: 2022
    """)

HEADER = STORE_HEADER


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, BROKEN_TARGETS, HEADER)


def test_targets_problems_in_vietnamese(broken: Path):
    r = run("--lang", "vi", "status")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        "targets.yaml:4:16: lỗi: chỉ tiêu 'grdp': direction: 'increse' không phải là một trong increase, decrease; "
        "có phải ý bạn là 'increase'?",
        "targets.yaml:10:16: lỗi: mục tiêu 't1': không có chỉ tiêu 'shar'; có phải ý bạn là 'share'?",
        "targets.yaml:11:15: lỗi: mục tiêu 't1': baseline: mục tiêu này được đánh giá theo năm trọn; "
        "hãy ghi một năm như 2025, không phải 2020-H1",
        "targets.yaml:13:27: lỗi: mục tiêu 't1': giá trị của mốc: '15%' không phải là số; hãy ghi 15 "
        "(đơn vị tính thuộc về chỉ tiêu)",
        "targets.yaml:19:9: lỗi: mục tiêu 't2': to: '2023-13': không có tháng 13 (01-12); các dạng hợp lệ: "
        "2023 (năm), 2023-H1 (nửa năm), 2023-Q2 (quý), 2023-04 (tháng), 2023-9M (9 tháng đầu năm)",
        # 'perod' was said to be 'period' misspelt: only the value is said to be missing;
        # in the order of the lines (eighteenth session), the target's line 20 first.
        "targets.yaml:20:5: lỗi: mục tiêu 't3': mục tiêu loại plan cần có 'value' (ví dụ period: 2022, value: 1500)",
        "targets.yaml:23:5: lỗi: mục tiêu 't3': khóa 'perod' không xác định; có phải ý bạn là 'period'? "
        "(khóa hợp lệ: id, type, indicator, name, source, note, group, owner, for_each, overrides, of, period, value)",
        "7 lỗi, 0 cảnh báo",
    ]


def test_targets_problems_in_english_are_as_before(broken: Path):
    r = run("status")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        "targets.yaml:4:16: error: indicator 'grdp': direction: 'increse' is not one of increase, decrease; "
        "did you mean 'increase'?",
        "targets.yaml:10:16: error: target 't1': unknown indicator 'shar'; did you mean 'share'?",
        "targets.yaml:11:15: error: target 't1': baseline: this target is judged on whole years; "
        "write a year like 2025, not 2020-H1",
        "targets.yaml:13:27: error: target 't1': milestone value: '15%' is not a number; write 15 "
        "(the unit belongs to the indicator)",
        "targets.yaml:19:9: error: target 't2': to: '2023-13': month 13 does not exist (01-12); valid forms: "
        "2023 (year), 2023-H1 (half), 2023-Q2 (quarter), 2023-04 (month), 2023-9M (first 9 months)",
        # 'perod' was said to be 'period' misspelt: only the value is said to be missing;
        # in the order of the lines (eighteenth session), the target's line 20 first.
        "targets.yaml:20:5: error: target 't3': a plan target needs 'value' (e.g. period: 2022, value: 1500)",
        "targets.yaml:23:5: error: target 't3': unknown key 'perod'; did you mean 'period'? "
        "(valid keys: id, type, indicator, name, source, note, group, owner, for_each, overrides, of, period, value)",
        "7 error(s), 0 warning(s)",
    ]


def test_a_formula_and_a_foreign_file_in_vietnamese_via_the_environment(tmp_path: Path, monkeypatch):
    make_tracker(
        tmp_path,
        monkeypatch,
        dedent("""
        indicators:
          a: {name: A}
          b: {name: B, formula: "a + (a"}
          c: {name: C, formula: "a / d"}
        targets: []
        """),
        HEADER,
    )
    r = run("status", env={"QNTRACK_LANG": "vi"})
    assert r.exit_code == 1
    assert r.stderr.splitlines()[:2] == [
        "targets.yaml:3:3: lỗi: chỉ tiêu 'b': công thức: dấu '(' ở vị trí 5 không được đóng",
        "targets.yaml:4:3: lỗi: chỉ tiêu 'c': công thức dùng chỉ tiêu không xác định 'd'",
    ]
    (tmp_path / "targets.yaml").write_text("just: some\nother: file\n", encoding="utf-8")
    r = run("status", env={"QNTRACK_LANG": "vi"})
    assert r.stderr.splitlines()[0] == (
        "targets.yaml:1: lỗi: không phải tệp mục tiêu của qntrack (không có 'indicators:' hay 'targets:' ở cấp "
        "trên cùng); hãy chỉ ra tệp targets.yaml của kế hoạch (docs/targets-format.md), hoặc chạy 'qntrack init' "
        "để tạo tệp mới"
    )


def test_a_contradicted_measure_in_vietnamese(tmp_path: Path, monkeypatch):
    make_tracker(
        tmp_path,
        monkeypatch,
        dedent("""
        indicators:
          growth: {name: Growth, measure: rate}
        targets:
          - {id: total, type: cumulative, indicator: growth, at_least: 5, from: 2021, to: 2025}
        """),
        HEADER,
    )
    r = run("--lang", "vi", "status")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == (
        "targets.yaml:4:5: lỗi: mục tiêu 'total': mục tiêu loại cumulative cộng dồn một lượng mỗi kỳ "
        "(measure: flow), nhưng chỉ tiêu 'growth' được khai báo 'measure: rate' (một tốc độ tăng) ở dòng 2; hãy dùng mục tiêu loại "
        "average cho một tốc độ, hoặc xóa dòng đó nếu chỉ tiêu là một lượng"
    )
    r = run("status")
    assert r.stderr.splitlines()[0] == (
        "targets.yaml:4:5: error: target 'total': a cumulative target adds up an amount per period (measure: flow), "
        "but indicator 'growth' is declared 'measure: rate' on line 2; use an average target for a rate, or remove "
        "that line if the indicator is an amount"
    )


CHECK_TARGETS = dedent("""
    indicators:
      share: {name: Share, unit: "%"}
      cbct: {name: C, formula: share * 2}
    targets:
      - id: t1
        indicator: share
        baseline: 2020
        milestones:
          - {by: 2022, value: 15}
    """)
CHECK_STORE = (
    HEADER
    + "share,2020,10,official,=SUM(A1),,2021-03-01T00:00:00Z\n"
    + "share,2020,100,official,,,2021-04-01T00:00:00Z\n"
    + "nope,2020,1,official,,,2021-04-01T00:00:00Z\n"
    + "cbct,2020,1,official,,,2021-04-01T00:00:00Z\n"
    + "share,2020-Q1,1,official,,,2021-04-01T00:00:00Z\n"
    + "share,2019,1,official"
)


def test_check_problems_in_vietnamese(tmp_path: Path, monkeypatch):
    make_tracker(tmp_path, monkeypatch, CHECK_TARGETS, CHECK_STORE)
    r = run("--lang", "vi", "check", "--all", "--as-of", "2026-01-01")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        "observations.csv:7: lỗi: dòng cuối chưa hoàn chỉnh (tệp không kết thúc bằng ký tự xuống dòng: một lần ghi "
        "đã bị ngắt); các dòng trước đó vẫn nguyên vẹn; hãy chạy 'qntrack check --repair' để chuyển dòng đó sang "
        "một tệp riêng",
        "observations.csv:4: lỗi: chỉ tiêu 'nope' không có trong targets.yaml"
        '; nếu chỉ tiêu đã đổi mã, `qntrack docs targets-format` (mục "Changing the plan") hướng dẫn cách chuyển số liệu sang mã mới',
        "observations.csv:5: lỗi: chỉ tiêu 'cbct' được tính từ công thức; giá trị của nó được tính ra, không ghi "
        "nhận trực tiếp",
        "observations.csv:6: lỗi: kỳ 2020-Q1 chi tiết hơn tần suất công bố của chỉ tiêu 'share' (hằng năm, frequency: year)"
        "; nếu tần suất đã được đổi sang kỳ dài hơn sau khi ghi nhận, hãy rút lại số liệu đó (`qntrack retract`) hoặc giữ tần suất cũ",
        "observations.csv:2: lỗi: nguồn bắt đầu giống một công thức bảng tính ('='); bảng tính mở tệp này sẽ chạy "
        "nó: hãy thêm dấu nháy đơn (') ở đầu",
        # The baseline read from the figure in force (100, the revision of line 3).
        "targets.yaml:9:9: cảnh báo: mục tiêu 't1': mốc 15 đến 2022 thấp hơn giá trị gốc 100 (2020), trong khi share "
        "cần tăng: mốc đã đạt trước khi có tiến bộ nào, và mục tiêu được đánh giá là đã đạt chừng nào số liệu "
        "còn bằng hoặc cao hơn mốc; hướng (direction) hay giá trị bị ghi sai?",  # twenty-seventh session's words
        "observations.csv:3: cảnh báo: share 2020: 100 (ghi nhận lúc 2021-04-01T00:00:00Z) khác số liệu của lần "
        "ghi trước, 10 (dòng 2, ghi nhận lúc 2021-03-01T00:00:00Z), chênh 10 lần; có phải nhầm đơn vị tính hoặc "
        "gõ nhầm? (cảnh báo khi chênh quá 5 lần; --jump-factor)",
        # 2021 ended 2021-12-31; 90 days later is 2022-03-31 (checks.PUBLICATION_LAG_DAYS).
        "targets.yaml:2:3: cảnh báo: chỉ tiêu 'share' (công bố hằng năm, frequency: year): số liệu mới nhất là của kỳ 2020; năm tiếp "
        "theo đã kết thúc ngày 31/12/2021, số liệu lẽ ra phải có trước 31/03/2022 nhưng đến 01/01/2026 vẫn chưa "
        "được ghi nhận",
        "targets.yaml:9:9: cảnh báo: mục tiêu 't1': mốc 15 vào năm 2022 đã đến hạn (kỳ 2022 kết thúc ngày "
        "31/12/2022; số liệu lẽ ra phải có trước 31/03/2023) nhưng 'share' chưa có số liệu cho kỳ 2022 tính đến "
        "01/01/2026",
        "5 lỗi, 4 cảnh báo",
    ]


def test_check_problems_in_english_and_json_are_as_before(tmp_path: Path, monkeypatch):
    import json

    make_tracker(tmp_path, monkeypatch, CHECK_TARGETS, CHECK_STORE)
    r = run("check", "--all", "--as-of", "2026-01-01")
    lines = r.stderr.splitlines()
    assert lines[3] == (
        "observations.csv:6: error: period 2020-Q1 is finer than indicator 'share' is published (frequency: year)"
        "; if the frequency was made coarser since it was recorded, withdraw the figure (`qntrack retract`) or keep the finer frequency"
    )
    assert lines[8] == (
        "targets.yaml:9:9: warning: target 't1': milestone 15 by 2022 is due (2022 ended 2022-12-31; "
        "figures expected by 2023-03-31) but 'share' has no observation for 2022 as of 2026-01-01"
    )
    # JSON stays English whatever the language (docs/json.md).
    r = run("--lang", "vi", "check", "--all", "--as-of", "2026-01-01", "--format", "json")
    problems = json.loads(r.stdout)["problems"]
    assert problems[1]["message"] == "unknown indicator 'nope' (not in targets.yaml)" + (
        '; if it was renamed, `qntrack docs targets-format` ("Changing the plan") says how to carry its figures over'
    )


def test_exceptions_carry_the_message_and_say_english():
    with pytest.raises(PeriodError) as caught:
        parse_period("2023-H3")
    assert isinstance(caught.value.message, Message) and caught.value.args[0] is caught.value.message
    assert str(caught.value) == (
        "'2023-H3': half 3 does not exist (H1 or H2); valid forms: 2023 (year), 2023-H1 (half), "
        "2023-Q2 (quarter), 2023-04 (month), 2023-9M (first 9 months)"
    )
    assert render(caught.value.message, "vi").startswith(
        "'2023-H3': không có nửa năm 3 (H1 hoặc H2); các dạng hợp lệ: 2023 (năm)"
    )
    with pytest.raises(FormulaError) as formula:
        parse_formula("a + ")
    assert str(formula.value) == "the formula ends too early; an operand is missing"
    assert render(formula.value.message, "vi") == "công thức kết thúc quá sớm; thiếu một toán hạng"
    with pytest.raises(ValueError) as number:
        parse_number("1,5")
    assert str(number.value) == (
        # the number it must be (eighteenth session): a comma before one digit is a decimal one
        "'1,5' is not a number here; use a decimal point and no thousands separator (1.5)"
    )
    assert render(number.value.args[0], "vi").startswith("'1,5' không phải là số ở đây; hãy dùng dấu chấm thập phân")


def test_a_message_inside_a_message_follows_the_language():
    where = msg("definitions_what_target", id="t1")
    m = msg("definitions_empty", what=msg("definitions_what_at", what=where, field="name"))
    assert render(m, "en") == "target 't1': name must not be empty"
    assert render(m, "vi") == "mục tiêu 't1': name không được để trống"
    assert hash(m) == hash(msg("definitions_empty", what=msg("definitions_what_at", what=where, field="name")))
