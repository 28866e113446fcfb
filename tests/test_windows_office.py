"""A provincial officer on Windows (issue 17, twentieth session).

The files and bytes Windows makes (Notepad, PowerShell 5.1, Excel in Vietnamese,
OneDrive), made here and given to qntrack as a Windows user, or a Linux colleague sharing
the folder, would. Expected texts are worked out by hand from the files each test writes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, enter, make_tracker
from helpers import run_clean

HEADER = "indicator,period,value,status,source,note,recorded_at\n"


def _plan_with_store(written: str) -> str:
    """The small plan with ``observations:`` given as ``written`` (single quotes: YAML
    reads a backslash in them as itself)."""
    return SMALL_TARGETS.replace('title: "Test plan"\n', f"title: \"Test plan\"\nobservations: '{written}'\n", 1)


# --- a Windows path in 'observations:' -------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "C:\\Users\\hoa\\qntrack\\observations.csv",  # as Explorer's "Copy as path" gives it
        "C:/Users/hoa/qntrack/observations.csv",  # the same with slashes: still a drive
        "\\\\DESKTOP-AB12\\qntrack\\observations.csv",  # a share
    ],
)
def test_a_drive_path_to_the_store_is_told_to_be_written_from_the_plans_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str
) -> None:
    # The file shared with a Linux colleague: targets.yaml names the store by its place on
    # the Windows PC, and the store itself sits beside targets.yaml. The warning said
    # "write C:/Users/hoa/qntrack/observations.csv" (a folder named 'C:' here) or
    # nothing at all; the name after the last separator is observations.csv, which is
    # beside targets.yaml, so that is what to write.
    assert SMALL_TARGETS.count('title: "Test plan"\n') == 1
    make_tracker(tmp_path, monkeypatch, _plan_with_store(written), SMALL_OBSERVATIONS)
    r = run_clean("status", "--format", "json")
    assert r.exit_code == 0
    assert "a path on a Windows drive or share" in r.stderr
    assert "observations: observations.csv, the file beside targets.yaml" in r.stderr
    assert "write C:/" not in r.stderr


def test_a_drive_path_whose_file_is_not_beside_the_plan_says_to_copy_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nothing named obs2026.csv beside targets.yaml: the file is to be copied there first.
    make_tracker(tmp_path, monkeypatch, _plan_with_store("D:\\data\\obs2026.csv"), SMALL_OBSERVATIONS)
    r = run_clean("status", "--format", "json")
    assert "observations: obs2026.csv, once the file is copied beside targets.yaml" in r.stderr


def test_an_append_never_makes_a_file_named_after_a_drive_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # add-observation started a new store named 'C:\Users\hoa\qntrack\observations.csv'
    # (one file name, backslashes and all) beside targets.yaml, and a lock file beside it:
    # the Linux colleague's figure went into a file nobody reads. Now refused, exit 1, and
    # the folder holds what it held: targets.yaml and observations.csv.
    make_tracker(
        tmp_path, monkeypatch, _plan_with_store("C:\\Users\\hoa\\qntrack\\observations.csv"), SMALL_OBSERVATIONS
    )
    before = (tmp_path / "observations.csv").read_bytes()
    for args in (
        ("add-observation", "share", "2024-Q3", "13.4", "--status", "estimate"),
        ("add-observation", "share", "2024-Q3", "13.4", "--status", "estimate", "--dry-run"),
    ):
        r = run_clean(*args)
        assert r.exit_code == 1, r.output
        assert "a path on a Windows drive or share" in r.stderr
        assert "nothing was added" in r.stderr
    assert sorted(os.listdir(tmp_path)) == ["observations.csv", "targets.yaml"]
    assert (tmp_path / "observations.csv").read_bytes() == before


def test_an_append_never_makes_a_file_named_with_a_backslash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `observations: data\quangninh.csv`: status warned "write data/quangninh.csv", but
    # add-observation made a file named 'data\quangninh.csv' (and its lock) in the plan's
    # folder, a second store beside data/quangninh.csv. Now refused with the same advice.
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "quangninh.csv").write_text(SMALL_OBSERVATIONS, encoding="utf-8")
    make_tracker(tmp_path, monkeypatch, _plan_with_store("data\\quangninh.csv"), SMALL_OBSERVATIONS)
    r = run_clean("add-observation", "share", "2024-Q3", "13.4", "--status", "estimate")
    assert r.exit_code == 1, r.output
    assert "write data/quangninh.csv, with '/' between folders" in r.stderr
    assert "nothing was added" in r.stderr
    assert sorted(os.listdir(tmp_path)) == ["data", "observations.csv", "targets.yaml"]
    assert (tmp_path / "data" / "quangninh.csv").read_text(encoding="utf-8") == SMALL_OBSERVATIONS


def test_the_drive_path_messages_in_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, _plan_with_store("C:\\qntrack\\observations.csv"), SMALL_OBSERVATIONS)
    r = run_clean("--lang", "vi", "status", "--format", "json")
    assert "một đường dẫn trên ổ đĩa hoặc thư mục chia sẻ của Windows" in r.stderr
    r = run_clean("--lang", "vi", "add-observation", "share", "2024-Q3", "13.4")
    assert r.exit_code == 1
    assert "không ghi thêm gì" in r.stderr, r.stderr


# --- UTF-8 read in the console's code page (PowerShell 5.1's '>' and '|') ---------------

SOURCE = "Cục Thống kê tỉnh Quảng Ninh"


def _as_powershell_saves(text: str, code_page: str) -> bytes:
    """What Windows PowerShell 5.1 writes for ``qntrack observations --format csv > f.csv``:
    qntrack's UTF-8 bytes read in the console's code page ([Console]::OutputEncoding, the
    OEM one: 437 on an English Windows, 850 in Western Europe, 1258 on a Vietnamese one),
    then written as UTF-16 LE with a byte-order mark and CRLF."""
    read = text.encode("utf-8").decode(code_page)
    return b"\xff\xfe" + read.replace("\n", "\r\n").encode("utf-16-le")


@pytest.mark.parametrize(
    ("code_page", "named", "source", "garbled"),
    [
        # 'ụ' is E1 BB A5 in UTF-8: in code page 437, E1 'ß', BB '╗', A5 'Ñ'; 'ê' (C3 AA) '├' '¬'.
        ("cp437", "437", SOURCE, "Cß╗Ñc Thß╗æng k├¬ tß╗ënh Quß║úng Ninh"),
        # 850 differs from 437 where 'ư' and 'ơ' begin (C6: 'ã', not '╞'): 'ở' E1 BB 9F
        # 'ß╗ƒ', 'ô' C3 B4 '├┤', 'ư' C6 B0 'ã░', 'ơ' C6 A1 'ãí'. (The text above has none:
        # it reads the same in 437 and 850, and is named 437, the first.)
        ("cp850", "850", "Sở Công Thương", "Sß╗ƒ C├┤ng Thã░ãíng"),
        # in 1258, E1 'á', BB '»', A5 '¥'; C3 is 'Ă' (not 1252's 'Ã'), AA 'ª'
        ("cp1258", "Windows-1258", SOURCE, "Cá»¥c Thá»‘ng kĂª tá»‰nh Quáº£ng Ninh"),
    ],
)
def test_utf8_read_in_a_console_code_page_is_refused_with_what_it_reads_as(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code_page: str, named: str, source: str, garbled: str
) -> None:
    # The officer sends a colleague's list through PowerShell 5.1 and imports it: the source
    # was stored as the garbled text, for good (only Windows-1252's garbling was told).
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    before = (tmp_path / "observations.csv").read_bytes()
    (tmp_path / "out.csv").write_bytes(
        _as_powershell_saves(f"{HEADER}share,2024-Q3,13.4,estimate,{source},,\n", code_page)
    )
    assert garbled in (tmp_path / "out.csv").read_bytes().decode("utf-16")
    r = run_clean("add-observation", "--from", "out.csv")
    assert r.exit_code == 1, r.output
    assert (
        f"out.csv:2: error: column 'source': '{garbled}' looks like UTF-8 text read in the code page {named}"
        in r.stderr
    )
    assert f"(it reads '{source}')" in r.stderr
    assert "[Console]::OutputEncoding = [Text.Encoding]::UTF8" in r.stderr
    assert (tmp_path / "observations.csv").read_bytes() == before


@pytest.mark.parametrize(
    "text",
    [
        "Straße 5, München",  # ß then a letter: in 437, E1 65 is no UTF-8
        "Ålesund kommune",
        "├── appendix",  # box drawing in a note, as typed
        "Sở Kế hoạch và Đầu tư",
        "Ăn uống, Đà Nẵng",
    ],
)
def test_text_a_code_page_could_hold_is_not_taken_for_garbled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / "in.csv").write_text(f'{HEADER}share,2024-Q3,13.4,estimate,"{text}",,2024-10-05\n', encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.output
    cell = f'"{text}"' if "," in text else text
    assert (
        (tmp_path / "observations.csv")
        .read_text(encoding="utf-8")
        .endswith(f"share,2024-Q3,13.4,estimate,{cell},,2024-10-05T00:00:00Z\n")
    )


def test_the_code_page_message_in_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / "out.csv").write_bytes(
        _as_powershell_saves(f"{HEADER}share,2024-Q3,13.4,estimate,{SOURCE},,\n", "cp437")
    )
    r = run_clean("--lang", "vi", "add-observation", "--from", "out.csv")
    assert r.exit_code == 1
    assert "có vẻ là văn bản UTF-8 bị đọc theo bảng mã 437" in r.stderr


# --- a console that cannot show Vietnamese ----------------------------------------------


def test_a_terminal_that_shows_question_marks_is_told_how_to_show_the_letters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers import stderr_on_a_terminal

    # A console set to code page 437 (PYTHONIOENCODING=cp437, as a Windows profile or an
    # IDE sets it): the Vietnamese error came out as "'abc' kh?ng ph?i l? s?" ('ô' and 'à'
    # are in 437, 'ả', 'ố' are not), and nothing said why or what to do.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    code, said = stderr_on_a_terminal(
        "--lang", "vi", "add-observation", "share", "2024-Q3", "abc", cwd=tmp_path, env={"PYTHONIOENCODING": "cp437"}
    )
    assert code == 1
    lines = said.strip().splitlines()
    assert "?" in lines[0] and "abc" in lines[0]  # the message, letters lost as before
    # Then one more line, last: the hint, whose commands are ASCII and so shown whole.
    assert lines[-1].startswith("qntrack: c") and "cp437" in lines[-1]
    assert "chcp 65001" in lines[-1] and "PYTHONIOENCODING=utf-8" in lines[-1]
    assert len(lines) == 2


def test_a_terminal_that_shows_every_letter_is_told_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers import stderr_on_a_terminal

    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    for env in ({"PYTHONIOENCODING": "utf-8"}, {"PYTHONIOENCODING": "cp437", "QNTRACK_LANG": "en"}):
        # English words in 437 lose nothing: 'abc' is not a number; write a number, ...
        code, said = stderr_on_a_terminal("add-observation", "share", "2024-Q3", "abc", cwd=tmp_path, env=env)
        assert code == 1
        assert len(said.strip().splitlines()) == 1, said
        assert "chcp" not in said


# --- names Windows cannot hold, given to -o --------------------------------------------


@pytest.mark.parametrize(
    ("name", "said"),
    [
        # Copied from Explorer with the space after it: the message was "the extension
        # .html  does not say which format to write" (the space inside the quote).
        ("bao-cao.html ", "ends with a space, which Windows drops from a file's name"),
        ("bao-cao.html.", "ends with a dot, which Windows drops from a file's name"),
        # Device names, with or without an extension (Windows reads con.html as CON):
        # written here as a file no Windows PC can open; on Windows, written nowhere.
        ("NUL", "NUL is the name of a device on Windows"),
        ("con.html", "con.html is the name of a device on Windows"),
        ("LPT1.xlsx", "LPT1.xlsx is the name of a device on Windows"),
        # An NTFS stream: on Windows the report would go into a hidden part of report.pdf.
        ("report.pdf:Zone.Identifier", "the name holds ':', which Windows does not allow in a file's name"),
        ("bao?cao.html", "the name holds '?', which Windows does not allow in a file's name"),
    ],
)
def test_a_report_name_windows_cannot_hold_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, said: str
) -> None:
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    for args in (("report", "-o", name), ("export", "sdmx-csv", "-o", name)):
        r = run_clean(*args)
        assert r.exit_code == 2, r.output
        assert said in r.stderr, r.stderr
    assert sorted(os.listdir(tmp_path)) == ["observations.csv", "targets.yaml"]


def test_a_name_ending_in_a_space_is_told_the_name_without_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    r = run_clean("report", "-o", "bao-cao.html. ")
    # Windows drops every trailing dot and space: 'bao-cao.html. ' is bao-cao.html there.
    assert "write -o 'bao-cao.html'" in r.stderr


def test_a_report_path_with_backslashes_is_told_to_use_slashes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # -o reports\bao-cao.html wrote a file named 'reports\bao-cao.html' beside targets.yaml.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / "reports").mkdir()
    r = run_clean("report", "-o", "reports\\bao-cao.html")
    assert r.exit_code == 2
    assert "write -o reports/bao-cao.html" in r.stderr
    assert os.listdir(tmp_path / "reports") == []


def test_names_windows_holds_are_written_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 'console.html' starts with CON but is no device; 'báo cáo 2026.md' has spaces inside.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    for name in ("console.html", "báo cáo 2026.json", "nul-report.toml"):
        r = run_clean("report", "-o", name)
        assert r.exit_code == 0, r.output
        assert (tmp_path / name).is_file()


def test_the_windows_name_messages_in_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    r = run_clean("--lang", "vi", "report", "-o", "bao-cao.html ")
    assert r.exit_code == 2
    assert "dấu cách" in r.stderr and "bao-cao.html" in r.stderr


# --- a cloud drive's conflict copy beside the store ---------------------------------------

NEW_ROW = "share,2024-Q3,13.4,estimate,officer-b,,2024-10-05T00:00:00Z\n"


@pytest.mark.parametrize(
    "copy",
    [
        "observations-DESKTOP-AB12.csv",  # OneDrive: the name, '-', the other PC's name
        "observations (Hoa's conflicted copy 2026-07-15).csv",  # Dropbox
        "observations (1).csv",  # Google Drive for desktop
    ],
)
def test_check_warns_of_a_conflict_copy_holding_rows_the_store_has_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copy: str
) -> None:
    # Two PCs appended while one was offline: OneDrive kept the other's file as a copy,
    # whose new row no command reads, and check said nothing (data-integrity.md only told
    # how to import it once noticed). The copy is the store (7 lines) with one row more.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / copy).write_bytes((SMALL_OBSERVATIONS + NEW_ROW).replace("\n", "\r\n").encode())
    r = run_clean("check")
    assert r.exit_code == 0  # a warning: the store itself is sound
    assert f"observations.csv: warning: {copy} beside it looks like a copy a cloud drive made" in r.stderr
    assert "holds 1 line(s) this file does not" in r.stderr
    assert "qntrack add-observation --from" in r.stderr and "--dry-run" in r.stderr


def test_a_copy_with_nothing_new_and_other_files_are_not_warned_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    # The same rows (LF here, CRLF there): nothing is lost, so nothing to say.
    (tmp_path / "observations-DESKTOP-AB12.csv").write_text(SMALL_OBSERVATIONS.replace("\n", "\r\n"))
    # A file of another name, and one whose first line is no store's header.
    (tmp_path / "figures-DESKTOP-AB12.csv").write_text(SMALL_OBSERVATIONS + NEW_ROW)
    (tmp_path / "observations (2).csv").write_text("a,b\n1,2\n")
    r = run_clean("check")
    assert r.exit_code == 0
    assert r.stderr == ""
    # The warning goes once the copy's row is imported and the copy deleted.
    (tmp_path / "observations (1).csv").write_text(SMALL_OBSERVATIONS + NEW_ROW)
    assert "observations (1).csv beside it" in run_clean("check").stderr
    assert run_clean("add-observation", "--from", "observations (1).csv").exit_code == 0
    (tmp_path / "observations (1).csv").unlink()
    assert run_clean("check").stderr == ""


def test_the_conflict_copy_warning_in_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / "observations-LAPTOP-HOA.csv").write_text(SMALL_OBSERVATIONS + NEW_ROW)
    r = run_clean("--lang", "vi", "check")
    assert "observations-LAPTOP-HOA.csv" in r.stderr and "bản sao" in r.stderr


# --- a file named the Windows way on the command line ----------------------------------


def test_a_file_given_with_backslashes_is_told_to_use_slashes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A command copied from a Windows colleague's note: "file not found", though
    # data/in.csv is there.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "in.csv").write_text(HEADER + NEW_ROW, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "targets.yaml").write_text(SMALL_TARGETS, encoding="utf-8")
    for args, said in (
        (("add-observation", "--from", "data\\in.csv"), "data\\in.csv: error: file not found: "),
        (("add-observation", "--from", "data\\in.xlsx"), "data\\in.xlsx: error: file not found: "),
        (("-t", "sub\\targets.yaml", "status"), "sub\\targets.yaml: error: targets file not found: "),
    ):
        r = run_clean(*args)
        assert r.exit_code == 1
        assert said in r.stderr, r.stderr
        slashed = args[-1 if args[0] != "-t" else 1].replace("\\", "/")
        assert f"a backslash is part of a file's name here, not a separator of folders: write {slashed}" in r.stderr


def test_a_file_given_as_a_drive_path_is_said_to_be_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    r = run_clean("add-observation", "--from", "C:\\Users\\hoa\\Downloads\\in.csv")
    assert r.exit_code == 1
    assert "file not found: C:\\Users\\hoa\\Downloads\\in.csv is a path on a Windows drive or share" in r.stderr
    r = run_clean("--lang", "vi", "add-observation", "--from", "C:\\Users\\hoa\\Downloads\\in.csv")
    assert "một đường dẫn trên ổ đĩa hoặc thư mục chia sẻ của Windows" in r.stderr


def test_check_warns_of_a_conflict_copy_of_the_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The plan edited on two PCs: OneDrive kept the other's targets.yaml as
    # targets-DESKTOP-AB12.yaml, whose edit (a title) no command reads.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    edited = SMALL_TARGETS.replace('title: "Test plan"', 'title: "Test plan, revised"', 1)
    assert edited != SMALL_TARGETS
    (tmp_path / "targets-DESKTOP-AB12.yaml").write_text(edited, encoding="utf-8")
    (tmp_path / "targets (1).yaml").write_text(SMALL_TARGETS, encoding="utf-8")  # the same: nothing said
    r = run_clean("check")
    assert r.exit_code == 0
    # One line differs: the title.
    assert "targets.yaml: warning: targets-DESKTOP-AB12.yaml beside it looks like a copy a cloud drive made" in r.stderr
    assert "holds 1 line(s) this file does not" in r.stderr
    assert "targets (1).yaml" not in r.stderr


# --- targets.yaml saved by Notepad as a text document ------------------------------------


@pytest.mark.parametrize(
    ("name", "said"),
    [
        # Notepad's "Save as type: Text Documents (*.txt)" adds .txt, and Explorer, hiding
        # known extensions, shows 'targets.yaml'.
        ("targets.yaml.txt", "Explorer shows it as targets.yaml"),
        ("Targets.Yaml.TXT", "Explorer shows it as Targets.Yaml"),
        ("targets.yml", "the name qntrack looks for is targets.yaml"),
    ],
)
def test_a_plan_saved_under_another_name_is_named_not_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, said: str
) -> None:
    # A parent folder holds a tracker of its own: the plan here, saved by Notepad as
    # targets.yaml.txt, was passed over, the parent's plan used, and add-observation
    # wrote into the parent's store. Without a parent: "no targets.yaml here or in any
    # parent folder", though Explorer shows one.
    parent = tmp_path
    (parent / "targets.yaml").write_text(SMALL_TARGETS, encoding="utf-8")
    (parent / "observations.csv").write_text(SMALL_OBSERVATIONS, encoding="utf-8")
    here = parent / "2026"
    here.mkdir()
    (here / name).write_text(SMALL_TARGETS, encoding="utf-8")
    enter(here, monkeypatch)
    for args in (("status",), ("add-observation", "share", "2024-Q3", "13.4", "--status", "estimate")):
        r = run_clean(*args)
        assert r.exit_code == 1, r.output
        assert f"targets.yaml: error: no targets.yaml here, but {name}" in r.stderr
        assert said in r.stderr
        assert f"--targets {name}" in r.stderr
    assert (parent / "observations.csv").read_text(encoding="utf-8") == SMALL_OBSERVATIONS


def test_a_store_saved_by_notepad_as_a_text_document_is_named_and_never_split(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # observations.csv opened in Notepad and saved as "Text Documents": observations.csv.txt,
    # shown as observations.csv in Explorer. status said to correct 'observations:' to
    # name it, and add-observation started a second store beside it (then warned).
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / "observations.csv").rename(tmp_path / "observations.csv.txt")
    r = run_clean("status", "--format", "json")
    assert "observations.csv: warning: the observations file does not exist, but observations.csv.txt" in r.stderr
    assert "rename it to observations.csv" in r.stderr
    r = run_clean("add-observation", "share", "2024-Q3", "13.4", "--status", "estimate")
    assert r.exit_code == 1
    assert "observations.csv: error: does not exist, but observations.csv.txt does beside it" in r.stderr
    assert "nothing was added" in r.stderr
    assert sorted(os.listdir(tmp_path)) == ["observations.csv.txt", "targets.yaml"]


# --- Get-Content obs.csv | qntrack add-observation --from - (PowerShell 5.1) -------------


def test_letters_lost_on_the_way_into_standard_input_say_to_give_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PowerShell 5.1 sends a native program's input in $OutputEncoding, ASCII by default:
    # 'Quảng Ninh' arrives as 'Qu?ng Ninh'. Refused, as from a file, but the mend given
    # was Excel's ("save it again as CSV UTF-8"), which is not what happened.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    sent = f"{HEADER}share,2024-Q3,13.4,estimate,Qu?ng Ninh,,\n".replace("\n", "\r\n").encode("ascii")
    r = run_clean("add-observation", "--from", "-", input=sent)
    assert r.exit_code == 1
    assert "<stdin>:2: error: column 'source': 'Qu?ng Ninh' has '?' inside a word" in r.stderr
    assert "give the file by its name" in r.stderr and "--from" in r.stderr
    assert "Get-Content" in r.stderr


def test_a_header_whose_letters_were_lost_is_said_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A Vietnamese header sent the same way: 'Chỉ tiêu,Kỳ,Giá trị' arrives as
    # 'Ch? ti?u,K?,Gi? tr?', and was "not a table of figures".
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    sent = b"Ch? ti?u,K?,Gi? tr?\r\nshare,2024-Q3,13.4\r\n"
    r = run_clean("add-observation", "--from", "-", input=sent)
    assert r.exit_code == 1
    assert "<stdin>:1: error: the first line's letters are lost as '?' ('Ch? ti?u')" in r.stderr
    (tmp_path / "in.csv").write_bytes(sent)
    r = run_clean("--lang", "vi", "add-observation", "--from", "in.csv")
    assert "in.csv:1: lỗi:" in r.stderr and "'Ch? ti?u'" in r.stderr


# --- cmd's `copy a.csv+b.csv all.csv`: the DOS end-of-file mark ----------------------------


@pytest.mark.parametrize("ending", ["\r\n\x1a", "\x1a", "\r\n\x1a\r\n"])
def test_a_files_last_ctrl_z_is_the_end_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ending: str
) -> None:
    # cmd's copy joins files in text mode and ends the result with Ctrl-Z (0x1A), the old
    # end-of-file mark: "line 3: expected 7 cells like the header, found 1", or the last
    # row's recorded_at '\x1a' "is not an ISO 8601 timestamp". The one row is read.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    row = NEW_ROW.rstrip("\n")
    (tmp_path / "all.csv").write_bytes(f"{HEADER}{row}".replace("\n", "\r\n").encode() + ending.encode())
    r = run_clean("add-observation", "--from", "all.csv")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "observations.csv").read_text(encoding="utf-8") == SMALL_OBSERVATIONS + NEW_ROW


def test_a_ctrl_z_inside_a_file_is_still_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / "all.csv").write_text(f"{HEADER}\x1a\n{NEW_ROW}", encoding="utf-8")
    r = run_clean("add-observation", "--from", "all.csv")
    assert r.exit_code == 1


def test_a_period_whose_letters_were_lost_is_said_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 'Quý I/2026' sent through PowerShell 5.1's pipe arrives as 'Qu? I/2026': it was "not a
    # period; valid forms: ...", with nothing of the lost letter.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    sent = f"{HEADER}share,Qu? I/2026,13.4,estimate,x,,\r\n".encode("ascii")
    r = run_clean("add-observation", "--from", "-", input=sent)
    assert r.exit_code == 1
    assert (
        "<stdin>:2: error: 'Qu? I/2026' is not a period, and its '?' inside a word stands for a letter lost" in r.stderr
    )
    assert "valid forms: 2023 (year)" in r.stderr
    # A '?' alone is no lost letter: the message is as before.
    r = run_clean("add-observation", "share", "2026?", "13.4")
    assert "'2026?' is not a period; valid forms" in r.stderr


def test_a_fifo_named_as_a_conflict_copy_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers import run_bounded

    # Read whole, a FIFO would wait for a writer that never comes.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    os.mkfifo(tmp_path / "observations (1).csv")
    r = run_bounded("check", seconds=20)
    assert r.exit_code == 0 and r.stderr == ""


def test_a_store_ending_with_ctrl_z_is_said_to_and_repaired(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two stores joined with cmd's `copy a.csv+b.csv observations.csv` end with Ctrl-Z:
    # every reader said "incomplete last row (... a write was interrupted)", which is
    # not what happened. The store's 7 lines, then the mark alone on line 8.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    with open(tmp_path / "observations.csv", "ab") as fh:
        fh.write(b"\x1a")
    for args in (("check",), ("status", "--format", "json"), ("add-observation", "share", "2024-Q3", "13.4")):
        r = run_clean(*args)
        assert r.exit_code == 1, (args, r.output)
        assert "observations.csv:8: error: the file ends with Ctrl-Z (0x1A)" in r.stderr, (args, r.stderr)
        assert "check --repair" in r.stderr
        assert "interrupted" not in r.stderr
    r = run_clean("check", "--repair")
    assert r.exit_code == 0
    assert (tmp_path / "observations.csv").read_text(encoding="utf-8") == SMALL_OBSERVATIONS
    assert run_clean("check").stderr == ""


# --- a folder named the Windows way: init DIR, export opensdg --into DIR ------------------


@pytest.mark.parametrize(
    ("folder", "said"),
    [
        ("plans\\2026", "a backslash is part of a file's name here, not a separator of folders: write plans/2026"),
        ("C:\\Users\\hoa\\qntrack", "C:\\Users\\hoa\\qntrack is a path on a Windows drive or share"),
    ],
)
def test_init_and_export_never_make_a_folder_named_after_a_windows_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str, said: str
) -> None:
    # `qntrack init plans\2026` made one folder named 'plans\2026' (and 'C:\Users\hoa\qntrack'
    # one named so) beside the others, as did export opensdg --into.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / "plans").mkdir()
    (tmp_path / "repo").mkdir()
    for args in (
        ("init", folder),
        ("export", "opensdg", "--into", folder),
        ("import", "opensdg", "repo", "--into", folder),
    ):
        r = run_clean(*args)
        assert r.exit_code == 2, (args, r.output)
        assert said in r.stderr, r.stderr
    assert sorted(os.listdir(tmp_path)) == ["observations.csv", "plans", "repo", "targets.yaml"]
    assert os.listdir(tmp_path / "plans") == []
