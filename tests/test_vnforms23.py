"""A Vietnamese statistics officer's own words for periods and statuses (issue 17,
twenty-third session; docs/decisions.md, "Vietnamese forms of periods and statuses").

Each form is read the same way by every reader: the command line, a long --from table's
period and status cells, a --wide table's headings, and targets.yaml's periods. An
unambiguous form is its canonical period, silently; an ambiguous one ("I/2026": the
first quarter, or January?) is refused with its candidates named; a status word an
office abbreviates ("ƯTH", "SB") is the store's status.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import problems, run, stored_cells
from qntrack.files.vocabulary import status_word, vietnamese_period

# fdi: published by month, so that every span (a month, a quarter, a half, a year) is one
# it takes; the stamp is after every period the tests name.
TARGETS = """\
version: 1
title: "Officer's words"
indicators:
  fdi:
    name: {en: "FDI attracted", vi: "Vốn FDI thu hút"}
    unit: "million USD"
    measure: level
    frequency: month
targets:
  - id: fdi-2030
    indicator: fdi
    baseline: {period: 2020, value: 100}
    milestones:
      - {by: 2030, value: 300}
"""
# A plan for one period (type: plan), whose period may be any span: the one period field.
PLAN_TARGETS = (
    TARGETS
    + """\
  - id: fdi-q1
    type: plan
    indicator: fdi
    period: 2026-Q1
    value: 50
"""
)
STAMP = "2026-11-30T00:00:00Z"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, STORE_HEADER)


def _dry(period: str, *more: str) -> tuple[int, str, str]:
    r = run("add-observation", "fdi", period, "10", "--recorded-at", STAMP, "--dry-run", *more)
    return r.exit_code, r.stdout, r.stderr


# --- unambiguous forms: the canonical period, said nothing --------------------------------

# Each by hand: quý I is January-March of its year, 2026-Q1; quý IV October-December,
# 2026-Q4; "6 tháng đầu năm" January-June, 2026-H1; tháng 3 is March, 2026-03.
ACCEPTED = [
    ("quý I/2026", "2026-Q1"),
    ("Quý I/2026", "2026-Q1"),
    ("QUÝ I/2026", "2026-Q1"),
    ("quy I/2026", "2026-Q1"),
    ("  quý   I / 2026  ", "2026-Q1"),
    ("quý I năm 2026", "2026-Q1"),
    ("Quý 1/2026", "2026-Q1"),
    ("QI/2026", "2026-Q1"),
    ("Q1/2026", "2026-Q1"),
    ("Q.I/2026", "2026-Q1"),  # refused before this session
    ("Q.1/2026", "2026-Q1"),  # refused before this session
    ("q. IV/2026", "2026-Q4"),  # refused before this session
    ("Q.II năm 2026", "2026-Q2"),  # refused before this session
    ("6 tháng đầu năm 2026", "2026-H1"),
    ("6 thang dau nam 2026", "2026-H1"),
    ("6T đầu năm 2026", "2026-H1"),  # refused before this session
    ("6 tháng 2026", "2026-H1"),  # the first six months: the same span as H1 (decisions.md)
    ("tháng 3/2026", "2026-03"),
    ("Tháng 03/2026", "2026-03"),
    ("năm 2025", "2025"),
    ("Năm 2025", "2025"),
    # Refused before this session, each one reading: tháng I is January, tháng XII
    # December (a month's word, so no quarter); T.3 March; "cả năm" the whole year; quý 01
    # the first quarter; a comma before the year as prose writes it.
    ("tháng I/2026", "2026-01"),
    ("Tháng XII/2025", "2025-12"),
    ("T.3/2026", "2026-03"),
    ("Cả năm 2025", "2025"),
    ("cả năm 2025", "2025"),
    ("quý 01/2026", "2026-Q1"),
    ("Quý I, 2026", "2026-Q1"),
]


@pytest.mark.parametrize(("text", "code"), ACCEPTED)
def test_an_unambiguous_form_is_its_canonical_period(text: str, code: str):
    assert vietnamese_period(text) == code


@pytest.mark.parametrize(("text", "code"), [("Q.I/2026", "2026-Q1"), ("6T đầu năm 2026", "2026-H1")])
def test_the_command_line_reads_it_silently(plan: Path, text: str, code: str):
    rc, out, err = _dry(text, "--status", "estimate")
    assert rc == 0, err
    assert f"fdi\t{code}\t10\testimate" in out
    assert "error" not in err


def test_a_long_table_reads_it(plan: Path):
    (plan / "in.csv").write_text("indicator,period,value\nfdi,Q.I/2026,10\nfdi,6T đầu năm 2026,20\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert stored_cells(plan, 3) == [["fdi", "2026-Q1", "10"], ["fdi", "2026-H1", "20"]]


def test_targets_yaml_names_the_form_to_write():
    # targets.yaml is written in one vocabulary (docs/targets-format.md): told the code,
    # as it is of "quý I/2030" (2030-Q1, by hand).
    # Line 18 of the plan: TARGETS' 14 lines, then the second target's id, type, indicator, period.
    found = problems(PLAN_TARGETS.replace("period: 2026-Q1", 'period: "Q.I/2026"'))
    assert found == [
        "targets.yaml:18:13: error: target 'fdi-q1': period: 'Q.I/2026' is written 2026-Q1 in targets.yaml"
    ]


# --- ambiguous forms: one message naming both candidates ---------------------------------

# "I/2026" is the first quarter (quý I) or January (tháng I, as a date writes a month in
# Roman numerals): 2026-Q1 or 2026-01. "IV-2026": 2026-Q4 or 2026-04.
AMBIGUOUS = [
    ("I/2026", "2026-Q1", "2026-01"),
    ("I-2026", "2026-Q1", "2026-01"),
    ("i / 2026", "2026-Q1", "2026-01"),
    ("II/2026", "2026-Q2", "2026-02"),
    ("IV-2026", "2026-Q4", "2026-04"),
]


@pytest.mark.parametrize(("text", "quarter", "month"), AMBIGUOUS)
def test_an_ambiguous_form_is_refused_with_both_candidates(plan: Path, text: str, quarter: str, month: str):
    rc, out, err = _dry(text)
    assert rc == 1
    assert f"did you mean {quarter} or {month}?" in err
    assert "valid forms" not in err and "Traceback" not in err
    assert err.count("error:") == 1


def test_the_ambiguity_in_vietnamese(plan: Path):
    r = run("--lang", "vi", "add-observation", "fdi", "I/2026", "10", "--recorded-at", STAMP, "--dry-run")
    assert r.exit_code == 1
    assert "2026-Q1 hay 2026-01?" in r.stderr


def test_an_ambiguous_period_cell(plan: Path):
    (plan / "in.csv").write_text("indicator,period,value\nfdi,2026-02,5\nfdi,I/2026,10\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv", "--recorded-at", STAMP)
    assert r.exit_code == 1
    assert "in.csv:3: error: 'I/2026'" in r.stderr and "did you mean 2026-Q1 or 2026-01?" in r.stderr
    assert stored_cells(plan, 3) == []  # all or nothing


def test_an_ambiguous_wide_heading(plan: Path):
    (plan / "in.csv").write_text("indicator,IV/2026\nfdi,10\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv", "--wide", "--recorded-at", STAMP)
    assert r.exit_code == 1
    assert "did you mean 2026-Q4 or 2026-04?" in r.stderr


def test_an_ambiguous_period_in_targets_yaml():
    found = problems(PLAN_TARGETS.replace("period: 2026-Q1", 'period: "I/2026"'))
    assert found == [
        "targets.yaml:18:13: error: target 'fdi-q1': period: 'I/2026' may be a quarter or a month: "
        "did you mean 2026-Q1 or 2026-01?"
    ]


# --- statuses ---------------------------------------------------------------------------

# The store's three (docs/observations-format.md): estimate (ước), preliminary (sơ bộ),
# official (chính thức). Each word or abbreviation below names one of them.
STATUSES = [
    ("ước thực hiện", "estimate"),
    ("Ước TH", "estimate"),
    ("ƯTH", "estimate"),  # refused before this session
    ("UTH", "estimate"),  # refused before this session
    ("ước tính", "estimate"),
    ("số ước", "estimate"),  # refused before this session
    ("số ước tính", "estimate"),  # refused before this session
    ("sơ bộ", "preliminary"),
    ("SB", "preliminary"),  # refused before this session
    ("số sơ bộ", "preliminary"),  # refused before this session
    ("chính thức", "official"),
    ("số chính thức", "official"),  # refused before this session
]


@pytest.mark.parametrize(("word", "status"), STATUSES)
def test_a_status_word_is_the_stores_status(word: str, status: str):
    assert status_word(word) == status


def test_status_words_on_the_command_line_and_in_a_table(plan: Path):
    rc, out, err = _dry("2025", "--status", "ƯTH")
    assert rc == 0, err
    assert "fdi\t2025\t10\testimate" in out
    (plan / "in.csv").write_text(
        "indicator,period,value,status\nfdi,2023,1,SB\nfdi,2024,2,số chính thức\nfdi,2025,3,số ước\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert stored_cells(plan, 4) == [
        ["fdi", "2023", "1", "preliminary"],
        ["fdi", "2024", "2", "official"],
        ["fdi", "2025", "3", "estimate"],
    ]


@pytest.mark.parametrize("word", ["thực hiện", "TH", "Thực hiện"])
def test_realised_names_no_status_and_is_refused(plan: Path, word: str):
    # "Thực hiện" (realised) says the figure happened, not whether it is an estimate, a
    # preliminary or an official figure: which would be a guess.
    rc, out, err = _dry("2025", "--status", word)
    assert rc == 1
    assert f"status '{word}' (realised) says no status" in err
    assert "estimate, preliminary or official" in err


def test_realised_in_vietnamese(plan: Path):
    r = run("--lang", "vi", "add-observation", "fdi", "2025", "10", "--status", "TH", "--recorded-at", STAMP)
    assert r.exit_code == 1
    assert "'TH' là số thực hiện, không cho biết loại số liệu: hãy ghi ước tính (estimate)" in r.stderr


# --- a status in the period's cell ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status", "code"),
    [
        ("quý I/2026 (ước)", "estimate", "2026-Q1"),
        ("quý I/2026(ước)", "estimate", "2026-Q1"),
        ("quý I/2026 ước", "estimate", "2026-Q1"),
        ("Quý I/2026 (ước tính)", "estimate", "2026-Q1"),
        ("năm 2025 (sơ bộ)", "preliminary", "2025"),
        ("2025 (SB)", "preliminary", "2025"),
        ("6 tháng đầu năm 2026 (chính thức)", "official", "2026-H1"),
    ],
)
def test_a_status_after_the_period_on_the_command_line(plan: Path, text: str, status: str, code: str):
    rc, out, err = _dry(text)
    assert rc == 1
    assert (
        f"'{text}' ends with a status ({status}): write the period alone, {code}, and the status with --status {status}"
    ) in err


def test_a_status_after_the_period_in_a_long_table(plan: Path):
    (plan / "in.csv").write_text("indicator,period,value\nfdi,quý I/2026 (sơ bộ),10\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv", "--recorded-at", STAMP)
    assert r.exit_code == 1
    assert (
        "in.csv:2: error: 'quý I/2026 (sơ bộ)' ends with a status (preliminary): write the period alone, "
        "2026-Q1, and the status in the status column (or --status preliminary)"
    ) in r.stderr


def test_a_status_after_the_period_in_vietnamese(plan: Path):
    r = run("--lang", "vi", "add-observation", "fdi", "quý I/2026 (ước)", "10", "--dry-run")
    assert r.exit_code == 1
    assert "'quý I/2026 (ước)' kết thúc bằng loại số liệu (ước tính): hãy ghi riêng kỳ, 2026-Q1" in r.stderr


def test_a_wide_tables_headings_give_period_and_status(plan: Path):
    # As "Sơ bộ 2024" heads a yearbook's column, so does "Quý I/2026 (ước)", and the
    # abbreviations "ƯTH 2025", "SB 2024"; "Quý I/2026" alone takes --status (official).
    (plan / "in.csv").write_text(
        "indicator,Quý I/2026,Quý II/2026 (ước),ƯTH 2025,SB 2024,Q.III/2026\nfdi,1,2,3,4,5\n", encoding="utf-8"
    )
    r = run("add-observation", "--from", "in.csv", "--wide", "--status", "official", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert sorted(stored_cells(plan, 4)) == [
        ["fdi", "2024", "4", "preliminary"],
        ["fdi", "2025", "3", "estimate"],
        ["fdi", "2026-Q1", "1", "official"],
        ["fdi", "2026-Q2", "2", "estimate"],
        ["fdi", "2026-Q3", "5", "official"],
    ]


# --- a round trip ------------------------------------------------------------------------


def test_entered_in_words_listed_as_the_code(plan: Path):
    r = run("add-observation", "fdi", "quý I/2026", "10", "--status", "ƯTH", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    listed = run("observations", "--format", "csv")
    assert listed.exit_code == 0, listed.stderr
    assert "fdi,2026-Q1,10,estimate," in listed.stdout


def test_a_wide_headings_refusal_quotes_it_as_written(plan: Path):
    # The officer wrote "Quý V/2026" and "I/2026": the messages quoted 'quý v/2026' and
    # 'i/2026' (the header lower-cased to be read), a quarter "v" no report writes.
    (plan / "in.csv").write_text(
        "indicator,Quý V/2026,I/2026,Quý II/2026 (Ước),Q.II/2026\nfdi,1,2,3,4\n", encoding="utf-8"
    )
    r = run("add-observation", "--from", "in.csv", "--wide", "--recorded-at", STAMP)
    assert r.exit_code == 1
    assert "column 2 'Quý V/2026' is neither a period" in r.stderr
    assert "'Quý V/2026': quarter V does not exist" in r.stderr
    assert "column 3 'I/2026' is neither a period" in r.stderr
    assert "'I/2026' may be a quarter or a month: did you mean 2026-Q1 or 2026-01?" in r.stderr
    assert "period 2026-Q2 has two columns ('Quý II/2026 (Ước)' and 'Q.II/2026')" in r.stderr
    assert "quý v" not in r.stderr and "'i/2026'" not in r.stderr


@pytest.mark.parametrize(("text", "code"), [("quý I/2026 (ước)", "2026-Q1"), ("Ước quý I/2026", "2026-Q1")])
def test_a_period_with_its_status_in_targets_yaml_is_told_the_code(text: str, code: str):
    # A plan's period has no status: told the period's code, as "quý I/2026" alone is
    # (it was told only the valid forms).
    found = problems(PLAN_TARGETS.replace("period: 2026-Q1", f'period: "{text}"'))
    assert found == [f"targets.yaml:18:13: error: target 'fdi-q1': period: '{text}' is written {code} in targets.yaml"]


def test_a_workbooks_status_refusal_names_the_status_cell(plan: Path):
    # The status is in column D: the refusal named A3, the indicator's cell.
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "S"
    sheet.append(["Chỉ tiêu", "Kỳ", "Giá trị", "Loại số liệu"])
    sheet.append(["fdi", "Q.I/2026", 10, "ƯTH"])
    sheet.append(["fdi", "2025", 13, "thực hiện"])
    book.save(plan / "in.xlsx")
    r = run("add-observation", "--from", "in.xlsx", "--recorded-at", STAMP)
    assert r.exit_code == 1
    assert r.stderr.startswith(
        "in.xlsx:S!D3: error: status 'thực hiện' (realised) says no status: write estimate, preliminary or official"
    )
    assert stored_cells(plan, 3) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [("Năm 2025 (TH)", "2025"), ("Quý I/2026 (thực hiện)", "2026-Q1"), ("6 tháng đầu năm 2026 TH", "2026-H1")],
)
def test_realised_after_the_period_is_the_period(text: str, code: str):
    # As "TH 2025" and "Thực hiện 6 tháng 2025" are (the realised figure, no status said):
    # it was refused as no period after it, read before it.
    assert vietnamese_period(text) == code


def test_a_wide_heading_with_realised_after_it(plan: Path):
    (plan / "in.csv").write_text("indicator,Năm 2025 (TH)\nfdi,7\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv", "--wide", "--status", "official", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert stored_cells(plan, 4) == [["fdi", "2025", "7", "official"]]
