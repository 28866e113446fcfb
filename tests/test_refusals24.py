"""Small refusals that said less than they should (issue 17, twenty-fourth session, pass X1):
each now names what would be valid. Expected words written by hand from the catalog's
sentences and the published names (Excel's Save As types, SDMX's CL_UNIT_MULT)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run, store_text
from test_sdmx24 import OBSERVATIONS, TARGETS, UNIT_TARGETS

CHOICES = "'html', 'markdown', 'json', 'toml', 'xlsx', 'docx', 'pdf'"


# --- (a) a report format mistyped is told the closest --------------------------------


@pytest.mark.parametrize(("typed", "meant"), [("xls", "xlsx"), ("pfd", "pdf"), ("XLS", "xlsx"), ("htlm", "html")])
def test_a_report_format_mistyped_is_told_the_closest(typed: str, meant: str, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("report", "--format", typed)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.endswith(
        f"Error: Invalid value for '--format' / '-f': '{typed}' is not one of {CHOICES}; did you mean '{meant}'?\n"
    )
    assert r.stderr.startswith("Usage: ")


def test_a_report_format_mistyped_is_told_the_closest_in_vietnamese(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("--lang", "vi", "report", "-f", "pfd")
    assert r.exit_code == 2
    assert r.stderr.endswith(
        f"Lỗi: giá trị không hợp lệ cho '--format' / '-f': 'pfd' không phải là một trong {CHOICES}; "
        "có phải ý bạn là 'pdf'?\n"
    )


def test_a_format_close_to_none_keeps_clicks_words(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("report", "--format", "csv")
    assert r.exit_code == 2
    assert r.stderr.endswith(f"Error: Invalid value for '--format' / '-f': 'csv' is not one of {CHOICES}.\n")


# --- (b) a folder given as the plan is told the plan inside ---------------------------


@pytest.fixture
def folder_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "ke hoach").mkdir()
    make_tracker(tmp_path / "ke hoach", monkeypatch, TARGETS, OBSERVATIONS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_quoted_folder_as_the_plan_is_told_the_plan_inside(folder_plan: Path):
    r = run("-t", "ke hoach", "status")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr == (
        'ke hoach: error: targets file is a directory, expected a file; name the plan in it: -t "ke hoach/targets.yaml"\n'
    )
    r = run("status", "--targets", "ke hoach", "--lang", "vi")
    assert r.exit_code == 1
    assert r.stderr == (
        "ke hoach: lỗi: tệp mục tiêu là một thư mục, cần một tệp; hãy ghi tên kế hoạch trong thư mục: "
        '--targets "ke hoach/targets.yaml"\n'
    )


def test_a_folder_without_spaces_is_told_unquoted_and_one_without_a_plan_as_before(folder_plan: Path):
    (folder_plan / "ke hoach").rename(folder_plan / "kh")
    r = run("--targets=kh", "status")
    assert r.exit_code == 1
    assert (
        r.stderr
        == "kh: error: targets file is a directory, expected a file; name the plan in it: --targets kh/targets.yaml\n"
    )
    (folder_plan / "empty").mkdir()
    r = run("-t", "empty", "status")
    assert r.exit_code == 1
    assert r.stderr == "empty: error: targets file is a directory, expected a file\n"


# --- (c) UNIT_MULT written as pandas writes a whole number -----------------------------

HEADER = (
    "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,LOCALITY,TIME_PERIOD,OBS_VALUE,OBS_STATUS,"
    "SOURCE,COMMENT_OBS,RECORDED_AT,UNIT_MEASURE,UNIT_MULT\n"
)


@pytest.fixture
def unit_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, UNIT_TARGETS, STORE_HEADER)


@pytest.mark.parametrize("mult", ["9.0", "9.00", "09.0"])
def test_a_unit_mult_of_nine_point_zero_is_read_as_nine(mult: str, unit_plan: Path):
    # pandas writes a column of integers with an empty cell as floats: 9 becomes 9.0.
    (unit_plan / "in.csv").write_text(
        HEADER + f"dataflow,X:DF(1.0),I,revenue,_T,2022,1200,A,yearbook,,2024-03-01T00:00:00Z,VND,{mult}\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    assert store_text(unit_plan) == STORE_HEADER + "revenue,2022,1200,official,yearbook,,2024-03-01T00:00:00Z\n"


@pytest.mark.parametrize(("mult", "said"), [("9.5", "'9.5'"), ("6.0", "'6.0'"), ("9.0.0", "'9.0.0'")])
def test_a_unit_mult_not_nine_is_still_refused(mult: str, said: str, unit_plan: Path):
    (unit_plan / "in.csv").write_text(
        HEADER + f"dataflow,X:DF(1.0),I,revenue,_T,2022,1200,A,yearbook,,2024-03-01T00:00:00Z,VND,{mult}\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert r.stderr.startswith(
        f"in.csv:2: error: UNIT_MULT {said}, where targets.yaml records revenue with UNIT_MULT 9"
    )
    assert store_text(unit_plan) == STORE_HEADER


# --- (d) an open list's unit with no code: no "(-)" -----------------------------------


def _open_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unit: str) -> None:
    targets = TARGETS.replace(TARGETS[TARGETS.index("    values:\n") : TARGETS.index("indicators:")], "")
    row = f"revenue[locality={unit}],2023,5,official,s,,2024-03-02T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, targets, STORE_HEADER + row)


def test_an_open_lists_unit_with_no_code_is_refused_without_a_placeholder(tmp_path: Path, monkeypatch):
    _open_list(tmp_path, monkeypatch, "东兴")  # no letter or digit a code is made of
    r = run("export", "sdmx-csv")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr == (
        "targets.yaml:4:3: error: the unit '东兴' of dimension 'locality' is not an SDMX code, and the dimension "
        "lists no units from which a code could be read back as '东兴': list its units under values:, with code: "
        "for a name that is not a code (letters, digits and _)\n"
    )
    r = run("export", "sdmx-csv", "--lang", "vi")
    assert "(-)" not in r.stderr and "để một mã được đọc lại thành '东兴'" in r.stderr


def test_an_open_lists_unit_with_a_code_still_names_it(tmp_path: Path, monkeypatch):
    _open_list(tmp_path, monkeypatch, "Nữ")
    r = run("export", "sdmx-csv")
    assert r.exit_code == 1
    assert "from which a code (NU) could be read back as 'Nữ'" in r.stderr


# --- (e) a tab-delimited text file in Windows-1258 ------------------------------------

# "Tăng trưởng" in Windows-1258: ă is E3, ư FD, the hook above a combining mark (D2) after its letter.
CP1258 = b"T\xe3ng tr\xfd\xf5\xd2ng"


def test_a_tab_delimited_file_in_windows_1258_is_told_its_save_as_type_and_its_tabs_shown(tmp_path: Path, monkeypatch):
    make_tracker(tmp_path, monkeypatch, TARGETS, STORE_HEADER)
    # Excel's "Text (Tab delimited)" (*.txt) on Vietnamese Windows: Windows-1258, tabs between cells.
    (tmp_path / "so lieu.txt").write_bytes(b"indicator\tperiod\tvalue\tnote\nrevenue\t2021\t1\t" + CP1258 + b"\r\n")
    r = run("add-observation", "--from", "so lieu.txt")
    assert r.exit_code == 1
    assert r.stderr == (
        "so lieu.txt:2: error: not UTF-8 text but Windows-1258, the old encoding of Vietnamese Windows, as Excel's "
        '"Text (Tab delimited)" writes it there (the line reads '
        "'revenue\\x092021\\x091\\x09Tăng trưởng', \\x09 a tab): import the workbook itself "
        '(qntrack add-observation --from "so lieu.xlsx"), or save it again and import that (Excel: Save As, '
        "Unicode Text (*.txt), tab-delimited too, which qntrack reads; or CSV UTF-8 (Comma delimited); "
        "Notepad: Save As, Encoding UTF-8)\n"
    )
    assert store_text(tmp_path) == STORE_HEADER
    r = run("add-observation", "--from", "so lieu.txt", "--lang", "vi")
    assert '"Text (Tab delimited)" của Excel' in r.stderr and "'revenue\\x092021\\x091\\x09Tăng trưởng'" in r.stderr
    assert "\t" not in r.stderr


def test_a_comma_delimited_file_in_windows_1258_keeps_its_words(tmp_path: Path, monkeypatch):
    make_tracker(tmp_path, monkeypatch, TARGETS, STORE_HEADER)
    (tmp_path / "in.csv").write_bytes(b"indicator,period,value,note\nrevenue,2021,1," + CP1258 + b"\n")
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert 'as Excel\'s "CSV (Comma delimited)" writes it there' in r.stderr
