"""Second review of the seventeenth session's merged changes (s17-provenance, s17-authoring,
s17-files): the regressions a demanding user met, each pinned before its fix.
docs/decisions.md, "Second review of the seventeenth session's merged change".

Every expected value is worked out by hand in a comment beside it, never read off the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean, store_text

TARGETS = """\
version: 1
observations: observations.csv
timezone: "+07:00"
indicators:
  growth:
    name: {en: "GRDP growth", vi: "Tốc độ tăng trưởng GRDP"}
    unit: "%"
    measure: rate
    frequency: quarter
targets:
  - id: growth
    indicator: growth
    baseline: {period: 2020, value: 5}
    milestones:
      - {by: 2030, value: 10}
"""

START = STORE_HEADER + "growth,2020,5,official,yearbook 2020,,2021-06-30T00:00:00Z\n"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, START)


def added(plan: Path) -> str:
    return store_text(plan)[len(START) :]


# --- '?' inside a word: lost letters, or text that merely has a question mark -----------


@pytest.mark.parametrize(
    "note",
    [
        # A question quoted without its space: a lower-case letter, '?', then a capital.
        # A lost Vietnamese letter sits inside one word, whose letters keep one case
        # ("ho?ch", "VI?T", "H?i"), never lower then upper.
        "asked Why?No answer yet",
        # Chinese: '?' between two ideographs. Letters are lost to '?' between the Latin
        # letters of a Vietnamese word; an ideograph is no such word.
        "统计局?数据",
        # Vietnamese that kept its own letters (ế, ạ, ổ, ộ: in no code page but the
        # Vietnamese ones): the program that saved it wrote Vietnamese, so a '?' in it is
        # one the officer typed, not a letter lost.
        "Kế hoạch?Tổng?cộng",
    ],
)
def test_question_marks_that_are_no_lost_letters_are_kept(plan: Path, note: str) -> None:
    (plan / "in.csv").write_text(
        f"indicator,period,value,source,note,recorded_at\ngrowth,2026-Q1,7.5,GSO,{note},2026-04-05\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.output
    # The row as the store writes it: a bare date is midnight UTC (observations-format.md,
    # recorded_at), 2026-04-05T00:00:00Z; no status given, so the column is empty.
    assert added(plan) == f"growth,2026-Q1,7.5,,GSO,{note},2026-04-05T00:00:00Z\n"


@pytest.mark.parametrize(
    "note",
    [
        # "VIỆT NAM" saved in Windows-1252: Ệ lost, upper case either side.
        "VI?T NAM",
        # "Hải Phòng": ả lost, ò kept (Windows-1252 has ò): upper then lower.
        "H?i Phòng",
        # "Sở Kế hoạch": lower either side.
        "S? K? ho?ch",
    ],
)
def test_lost_letters_are_still_refused(plan: Path, note: str) -> None:
    (plan / "in.csv").write_text(
        f"indicator,period,value,source,note,recorded_at\ngrowth,2026-Q1,7.5,GSO,{note},2026-04-05\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert f"in.csv:2: error: column 'note': '{note}' has '?' inside a word" in r.output
    assert added(plan) == ""


# --- what a file named .xls or .csv really is -------------------------------------------


def test_utf16_tab_separated_text_under_an_xls_name_is_read_as_text(plan: Path) -> None:
    # Excel's "Unicode Text" (and the systems that copy it) writes tab-separated UTF-16
    # with a byte-order mark; under an .xls name it is the text it is, as the same bytes
    # named .txt are read (observations-format.md: "Tab-separated text under an .xls name
    # ... is read as the text it is"). Its zero bytes are no compound file's.
    text = "indicator\tperiod\tvalue\trecorded_at\r\ngrowth\t2026-Q1\t7,5\t2026-04-05\r\n"
    (plan / "bao-cao.xls").write_bytes(text.encode("utf-16"))
    r = run_clean("add-observation", "--from", "bao-cao.xls")
    assert r.exit_code == 0, r.output
    # 7,5 with a decimal comma is 7.5; a bare date is midnight UTC; no status, source, note.
    assert added(plan) == "growth,2026-Q1,7.5,,,,2026-04-05T00:00:00Z\n"


def test_a_web_page_named_csv_is_not_said_to_have_a_workbooks_name(plan: Path) -> None:
    # An HTML page saved as bao-cao.csv: no workbook's name, so not "under a workbook's
    # name" (workbook_html); it is read as the text file its name says, whose first line
    # names no column, as before the seventeenth session.
    (plan / "bao-cao.csv").write_text("<html><body><table><tr><td>indicator</td></tr></table></body></html>\n")
    r = run_clean("add-observation", "--from", "bao-cao.csv")
    assert r.exit_code == 1
    assert "workbook's name" not in r.stderr
    assert r.stderr.startswith("bao-cao.csv:1: error: not a table of figures"), r.stderr
    assert added(plan) == ""


# --- a registered or section sign after a word is no TCVN3 letter ------------------------


@pytest.mark.parametrize("note", ["exported from Microsoft® Excel", "SPSS® 25 tables", "Art§3 of the law"])
def test_a_trademark_or_section_sign_after_a_word_is_kept(plan: Path, note: str) -> None:
    # In TCVN3 the registered sign (byte 0xAE) is đ and the section sign (0xA7) Đ: letters
    # that only begin a Vietnamese syllable, after a space, never right after a letter.
    # Right after a word they are the trademark sign and a section sign, as written.
    (plan / "in.csv").write_text(
        f"indicator,period,value,source,note,recorded_at\ngrowth,2026-Q1,7.5,GSO,{note},2026-04-05\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.output
    # As stored: bare date at midnight UTC, no status (see above).
    assert added(plan) == f"growth,2026-Q1,7.5,,GSO,{note},2026-04-05T00:00:00Z\n"


def test_tcvn3_with_its_d_is_still_refused(plan: Path) -> None:
    # "Sở Kế hoạch và Đầu tư" typed in TCVN3 and read as Windows Latin: Së KÕ ho¹ch vµ
    # §Çu t­ (¹ is ạ after 'o', µ is à after 'v', § is Đ, Ç is ầ, the soft hyphen is ư).
    text = "S\u00eb K\u00d5 ho\u00b9ch v\u00b5 \u00a7\u00c7u t\u00ad"
    (plan / "in.csv").write_text(
        f"indicator,period,value,source,recorded_at\ngrowth,2026-Q1,7.5,{text},2026-04-05\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert "looks like Vietnamese typed in the old TCVN3 (ABC) fonts" in r.output
    assert "Sở Kế hoạch và Đầu tư" in r.output
    assert added(plan) == ""


# --- French and Portuguese words that read as VNI marks ---------------------------------


@pytest.mark.parametrize("note", ["publié le 5 août 2025", "coût de la vie", "São João", "Leão & Filhos"])
def test_french_and_portuguese_words_are_not_taken_for_vni(plan: Path, note: str) -> None:
    # VNI would read 'oû' as o with a hook above (ỏ) and 'oã'/'eã' as ô/ê with a tilde
    # (ỗ, ễ): "aỏt", "cỏt", "Jỗo", "Lễo". No Vietnamese syllable has either: a hook, tilde
    # or grave tone never comes before a final c, p or t (only the acute and dot below do),
    # and ô, ê or â is never followed by a, e or o. So these words are read as written.
    (plan / "in.csv").write_text(
        f"indicator,period,value,source,note,recorded_at\ngrowth,2026-Q1,7.5,GSO,{note},2026-04-05\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.output
    assert added(plan) == f"growth,2026-Q1,7.5,,GSO,{note},2026-04-05T00:00:00Z\n"


@pytest.mark.parametrize(
    ("typed", "reading"),
    [
        # VNI bytes as Windows Latin: ñ is đ, ô ơ, ö ư; a vowel, then its marks.
        ("Sôû Keá hoaïch vaø Ñaàu tö", "Sở Kế hoạch và Đầu tư"),
        ("Vieät Nam", "Việt Nam"),
        ("tyû ñoàng", "tỷ đồng"),
    ],
)
def test_vni_is_still_refused(plan: Path, typed: str, reading: str) -> None:
    (plan / "in.csv").write_text(
        f"indicator,period,value,source,note,recorded_at\ngrowth,2026-Q1,7.5,GSO,{typed},2026-04-05\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert (
        f"looks like Vietnamese typed in the old VNI fonts and read as Windows Latin text (it reads '{reading}')"
        in (r.output)
    )
    assert added(plan) == ""


# --- a --source typed on the command line is no cell of the file -------------------------


def test_a_source_given_on_the_command_line_is_not_checked_as_the_files(plan: Path) -> None:
    # The file has no source column; --source fills it. The lost-letters check is about
    # what a program did to the file's text, and its message says "column 'source'" at
    # line 2 and "save the file again": untrue of text typed on the command line, which
    # the single-figure path (add-observation growth 2026-Q1 7.5 --source ...) takes as
    # given. So the row is added with the source as typed.
    (plan / "in.csv").write_text("indicator,period,value,recorded_at\ngrowth,2026-Q1,7.5,2026-04-05\n")
    r = run_clean("add-observation", "--from", "in.csv", "--source", "bao cao?so lieu")
    assert r.exit_code == 0, r.output
    # Stored: no status, the source from --source, no note, bare date at midnight UTC.
    assert added(plan) == "growth,2026-Q1,7.5,,bao cao?so lieu,,2026-04-05T00:00:00Z\n"


def test_a_file_cell_with_lost_letters_beside_a_command_line_source_is_refused(plan: Path) -> None:
    # The file's own note column still is the file's text: "ho?ch" is a lost letter.
    (plan / "in.csv").write_text("indicator,period,value,note,recorded_at\ngrowth,2026-Q1,7.5,k? ho?ch,2026-04-05\n")
    r = run_clean("add-observation", "--from", "in.csv", "--source", "GSO")
    assert r.exit_code == 1
    assert "in.csv:2: error: column 'note': 'k? ho?ch' has '?' inside a word" in r.output
    assert added(plan) == ""


def test_a_command_line_note_filling_a_workbooks_empty_cells_is_not_checked(plan: Path) -> None:
    import openpyxl

    # The sheet has a note column left empty; --note fills it, as typed.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "value", "note", "recorded_at"])
    sheet.append(["growth", "2026-Q1", 7.5, None, "2026-04-05"])
    book.save(plan / "in.xlsx")
    r = run_clean("add-observation", "--from", "in.xlsx", "--note", "hoi lai?da xong")
    assert r.exit_code == 0, r.output
    assert added(plan) == "growth,2026-Q1,7.5,,,hoi lai?da xong,2026-04-05T00:00:00Z\n"


# --- a formula in a column the import passes over -----------------------------------------


def test_a_placeholder_formula_in_a_passed_over_comparison_column_does_not_refuse_the_figures(plan: Path) -> None:
    import xlsxwriter

    # A wide sheet written by XlsxWriter (pandas' usual engine), which saves each formula
    # with the placeholder 0 and asks for a recalculation on opening. Its figures are plain
    # numbers; only the comparison column "So với cùng kỳ (%)" is a formula, and that
    # column is passed over with a warning (qntrack computes the ratio itself). Its
    # placeholder is read nowhere, so the figures import as before the seventeenth session.
    book = xlsxwriter.Workbook(str(plan / "in.xlsx"))
    sheet = book.add_worksheet("Sheet1")
    sheet.write_row(0, 0, ["indicator", "2026-Q1", "2026-Q2", "So với cùng kỳ (%)"])
    sheet.write_row(1, 0, ["growth", 7.5, 8.0])
    sheet.write_formula(1, 3, "=C2/B2*100")
    book.close()
    r = run_clean("add-observation", "--from", "in.xlsx", "--wide", "--recorded-at", "2026-07-05")
    assert r.exit_code == 0, r.output
    assert "passed over" in r.output
    # Two rows, one per period column; 8.0 is written 8 (the store's canonical figure);
    # the bare date is midnight UTC.
    assert added(plan) == ("growth,2026-Q1,7.5,,,,2026-07-05T00:00:00Z\ngrowth,2026-Q2,8,,,,2026-07-05T00:00:00Z\n")


def test_a_placeholder_formula_in_a_column_read_is_still_refused(plan: Path) -> None:
    import xlsxwriter

    # The same workbook kind, its note a formula: the 0 saved with it is no note anyone
    # wrote, so the cell is refused (workbook_stale).
    book = xlsxwriter.Workbook(str(plan / "in.xlsx"))
    sheet = book.add_worksheet("Sheet1")
    sheet.write_row(0, 0, ["indicator", "period", "value", "note", "recorded_at"])
    sheet.write_row(1, 0, ["growth", "2026-Q1", 7.5])
    sheet.write_formula(1, 3, '="x"&A2')
    sheet.write(1, 4, "2026-04-05")
    book.close()
    r = run_clean("add-observation", "--from", "in.xlsx")
    assert r.exit_code == 1
    assert 'in.xlsx:Sheet1!D2: error: a formula (="x"&A2) in a workbook to be recalculated' in r.output
    assert added(plan) == ""
