"""Pass C of session 36 (issue 17): a provincial statistics officer in Quảng Ninh, reading
Vietnamese first, writes a plan by hand and prepares the 2026 year-end review. Each test was
written first and seen failing; the expected words and numbers are worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import plan_problems, run

# --- 1. A key written without its colon is said at its own line --------------------------

# Line 4 is "    frequency year": the colon forgotten. PyYAML notices only on line 5, where
# the next key starts, and the message named line 5, a line with nothing wrong on it.
NO_COLON = (
    "indicators:\n"
    "  share:\n"
    "    name: Tỷ trọng CBCT\n"
    "    frequency year\n"
    "targets:\n"
    "  - id: t\n"
    "    indicator: share\n"
    "    baseline: {period: 2020, value: 9.8}\n"
)


def test_a_key_without_its_colon_is_said_at_its_own_line():
    assert plan_problems(NO_COLON) == [
        "targets.yaml:4:5: error: not valid YAML: a line that is not 'key: value' inside a mapping: "
        "give the key its ':', or check the indentation"
    ]


def test_a_key_without_its_colon_is_said_at_its_own_line_in_vietnamese(tmp_path: Path, monkeypatch):
    make_tracker(tmp_path, monkeypatch, NO_COLON, STORE_HEADER)
    r = run("--lang", "vi", "check")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        "targets.yaml:4:5: lỗi: không phải YAML hợp lệ: có một dòng không phải dạng 'khóa: giá trị' trong "
        "một ánh xạ: hãy thêm dấu ':' sau khóa, hoặc kiểm tra thụt lề"
    ]


# --- 2. An indicator id written with Vietnamese letters is told the id it could be --------

# `tăng_trưởng:` declared, `indicator: tang_truong` referred to (the officer typed the
# reference without marks). A target id so written was told `id: ty-trong`; an indicator id
# got "e.g. cbct_share", and the target was told "did you mean 'tăng_trưởng'?", an id the
# plan may not hold.
VIETNAMESE_ID = (
    "indicators:\n"
    "  tăng_trưởng:\n"
    "    name: Tăng trưởng GRDP\n"
    "    unit: '%'\n"
    "targets:\n"
    "  - id: t\n"
    "    type: plan\n"
    "    indicator: tang_truong\n"
    "    period: 2026\n"
    "    value: 12\n"
)


def test_an_indicator_id_with_vietnamese_letters_is_told_the_id_it_could_be():
    assert plan_problems(VIETNAMESE_ID) == [
        "targets.yaml:2:3: error: indicator 'tăng_trưởng': ids use lower-case letters, digits and '_' only: "
        "write tang_truong"
    ]


def test_an_indicator_id_with_vietnamese_letters_in_vietnamese(tmp_path: Path, monkeypatch):
    make_tracker(tmp_path, monkeypatch, VIETNAMESE_ID, STORE_HEADER)
    r = run("--lang", "vi", "check")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        "targets.yaml:2:3: lỗi: chỉ tiêu 'tăng_trưởng': mã chỉ dùng chữ thường không dấu, chữ số và '_': "
        "hãy ghi tang_truong"
    ]


def test_a_reference_to_another_indicator_is_still_refused():
    # The reference is to neither the id written nor the id it could be: still told.
    text = VIETNAMESE_ID.replace("indicator: tang_truong", "indicator: growth")
    found = plan_problems(text)
    assert found[0].startswith("targets.yaml:2:3: error: indicator 'tăng_trưởng'"), found
    assert found[1].startswith("targets.yaml:8:16: error: target 't': unknown indicator 'growth'"), found
    assert len(found) == 2, found


# --- 3. A Vietnamese system speaks Vietnamese --------------------------------------------

# The officer's machine is set up in Vietnamese (LANG=vi_VN.UTF-8) and nothing told qntrack
# more: every message was English. QNTRACK_LANG and --lang still decide when given; another
# locale is English, as before, and said nothing of.
VI_MESSAGE = (
    "targets.yaml:2:3: lỗi: chỉ tiêu 'tăng_trưởng': mã chỉ dùng chữ thường không dấu, chữ số và '_': "
    "hãy ghi tang_truong"
)
EN_MESSAGE = (
    "targets.yaml:2:3: error: indicator 'tăng_trưởng': ids use lower-case letters, digits and '_' only: "
    "write tang_truong"
)


def _locale(monkeypatch, **env: str) -> None:
    for name in ("QNTRACK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)


@pytest.mark.parametrize(
    ("env", "args", "said"),
    [
        ({"LANG": "vi_VN.UTF-8"}, (), VI_MESSAGE),
        ({"LC_MESSAGES": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}, (), VI_MESSAGE),
        ({"LC_ALL": "vi_VN.utf8"}, (), VI_MESSAGE),
        # LC_ALL, when set, is the locale, whatever LANG says (as gettext reads them).
        ({"LC_ALL": "C.UTF-8", "LANG": "vi_VN.UTF-8"}, (), EN_MESSAGE),
        ({"LANG": "fr_FR.UTF-8"}, (), EN_MESSAGE),
        ({"LANG": "C.UTF-8"}, (), EN_MESSAGE),
        ({}, (), EN_MESSAGE),
        # Asked for qntrack: it decides.
        ({"LANG": "vi_VN.UTF-8", "QNTRACK_LANG": "en"}, (), EN_MESSAGE),
        ({"LANG": "vi_VN.UTF-8"}, ("--lang", "en"), EN_MESSAGE),
        ({"LANG": "en_US.UTF-8", "QNTRACK_LANG": "vi"}, (), VI_MESSAGE),
    ],
)
def test_a_vietnamese_locale_is_read_as_vietnamese(tmp_path: Path, monkeypatch, env, args, said):
    make_tracker(tmp_path, monkeypatch, VIETNAMESE_ID, STORE_HEADER)
    _locale(monkeypatch, **env)
    r = run(*args, "check")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [said]


def test_a_vietnamese_locale_labels_the_status_table_and_reads_numbers_as_vietnamese(tmp_path: Path, monkeypatch):
    # Labels in Vietnamese, and a figure typed "1.234,5" read as one thousand two hundred
    # and thirty-four and a half, as the officer writes it (1234.5 stored).
    plan = (
        "indicators:\n  thu_ngan_sach: {name: Thu ngân sách, unit: tỷ đồng, measure: flow}\n"
        "targets:\n  - {id: thu-2026, type: plan, indicator: thu_ngan_sach, period: 2026, value: 2000}\n"
    )
    folder = make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER)
    _locale(monkeypatch, LANG="vi_VN.UTF-8")
    r = run("add-observation", "thu_ngan_sach", "2026", "1.234,5", "--status", "estimate", "--source", "Cục Thuế")
    assert r.exit_code == 0, r.stderr
    assert r.stderr.startswith("đã thêm thu_ngan_sach 2026 = 1.234,5 vào observations.csv"), r.stderr
    assert (
        (folder / "observations.csv")
        .read_text(encoding="utf-8")
        .splitlines()[1]
        .startswith("thu_ngan_sach,2026,1234.5,estimate,Cục Thuế,")
    )
    r = run("status", "--format", "table")
    assert r.exit_code == 0, r.stderr
    # 1234.5 / 2000 = 61.725 % of the plan, written 61,7 % the Vietnamese way.
    assert "Mục tiêu" in r.stdout and "Đánh giá" in r.stdout and "61,7%" in r.stdout, r.stdout


# --- 4. Standard output, named in Vietnamese --------------------------------------------


def test_a_full_standard_output_is_named_in_vietnamese(tmp_path: Path, monkeypatch):
    # `qntrack status --lang vi > /dev/full`: the one line began "standard output: lỗi:",
    # its place in English in a Vietnamese message. Exit 1, as README's table says.
    import os
    import subprocess
    import sys

    make_tracker(
        tmp_path,
        monkeypatch,
        "indicators:\n  g: {name: G, unit: '%'}\ntargets:\n  - {id: t, indicator: g, baseline: 2020}\n",
        STORE_HEADER + "g,2020,9.8,,s,,2021-01-01T00:00:00Z\ng,2023,12.3,,s,,2024-01-01T00:00:00Z\n",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("QNTRACK_")}
    env["PYTHONPATH"] = str(Path(__file__).parents[1] / "src")
    for lang, place, severity in (("vi", "đầu ra chuẩn", "lỗi"), ("en", "standard output", "error")):
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                [sys.executable, "-m", "qntrack", "status", "--lang", lang],
                stdout=full,
                stderr=subprocess.PIPE,
                env=env,
                cwd=tmp_path,
                check=False,
            )
        said = done.stderr.decode("utf-8").splitlines()
        assert done.returncode == 1, said
        assert len(said) == 1 and said[0].startswith(f"{place}: {severity}: "), said


# --- 5. A table numbered "TT" is read as one numbered "STT" ------------------------------

# The provincial forms number their rows under "TT" (thứ tự) as often as "STT". A yearbook
# table so headed, pasted as printed, was refused: "a wide table's first column must be
# 'indicator', found 'tt'", and a workbook read so without --wide too, though the same
# workbook with --wide was read.
TT_PLAN = (
    "indicators:\n"
    "  grdp_growth: {name: {en: GRDP growth, vi: Tốc độ tăng trưởng GRDP}, unit: '%', measure: rate}\n"
    "  grdp_per_capita: {name: {en: GRDP per capita, vi: GRDP bình quân đầu người}, unit: USD}\n"
    "targets:\n"
    "  - {id: g, type: plan, indicator: grdp_growth, period: 2026, value: 12}\n"
    "  - {id: p, indicator: grdp_per_capita, baseline: {period: 2017, value: 4528}, milestones: [{by: 2030, value: 15000}]}\n"
)
TT_TABLE = [
    ["TT", "Chỉ tiêu", "ĐVT", "Thực hiện 2025", "Ước TH 2026"],
    ["1", "Tốc độ tăng trưởng GRDP", "%", "11,89", "12,1"],
    ["2", "GRDP bình quân đầu người", "USD", "10.402", "11.020"],
]
# Read by hand: "Thực hiện 2025" a result of no stated status, "Ước TH 2026" an estimate;
# 10.402 and 11.020 are Vietnamese thousands (10402, 11020), 11,89 a decimal comma.
TT_ROWS = [
    ["grdp_growth", "2025", "11.89", ""],
    ["grdp_growth", "2026", "12.1", "estimate"],
    ["grdp_per_capita", "2025", "10402", ""],
    ["grdp_per_capita", "2026", "11020", "estimate"],
]


def _rows_of(stdout: str) -> list[list[str]]:
    import csv
    import io

    return [row[:4] for row in list(csv.reader(io.StringIO(stdout)))[1:]]


@pytest.mark.parametrize("wide", [(), ("--wide",)])
def test_a_csv_table_numbered_tt_is_read(tmp_path: Path, monkeypatch, wide):
    make_tracker(tmp_path, monkeypatch, TT_PLAN, STORE_HEADER)
    (tmp_path / "bieu.csv").write_text("\n".join(";".join(row) for row in TT_TABLE) + "\n", encoding="utf-8")
    r = run("add-observation", "--from", "bieu.csv", *wide, "--dry-run", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    assert _rows_of(r.stdout) == TT_ROWS


@pytest.mark.parametrize("wide", [(), ("--wide",)])
def test_a_workbook_table_numbered_tt_is_read(tmp_path: Path, monkeypatch, wide):
    import openpyxl

    make_tracker(tmp_path, monkeypatch, TT_PLAN, STORE_HEADER)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Biểu 01"
    # In a workbook the figures are numbers, as Excel holds them.
    sheet.append(TT_TABLE[0])
    sheet.append([1, "Tốc độ tăng trưởng GRDP", "%", 11.89, 12.1])
    sheet.append([2, "GRDP bình quân đầu người", "USD", 10402, 11020])
    book.save(tmp_path / "bieu.xlsx")
    r = run("add-observation", "--from", "bieu.xlsx", *wide, "--dry-run", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    assert _rows_of(r.stdout) == TT_ROWS
