"""A statistics officer on a Mac, with LibreOffice Calc and Numbers (issue 17, twenty-first
session): the bytes and files a Mac and LibreOffice make, given to qntrack.
docs/decisions.md, "A statistics officer on a Mac (issue 17, twenty-first session)".

Every expected value is worked out by hand in a comment beside it, never read off the code.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl
import pytest

from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, make_tracker
from helpers import run_clean, store_text

NEW_ROW = "share,2024-Q3,13.4,estimate,officer-b,,2024-10-05T00:00:00Z\n"


def nfd(text: str) -> str:
    """``text`` as a Mac's Finder and many of its programs write it: decomposed."""
    return unicodedata.normalize("NFD", text)


# --- iCloud Drive's conflict copy ---------------------------------------------------------


@pytest.mark.parametrize("copy", ["observations 2.csv", "observations 3.csv"])
def test_check_warns_of_an_icloud_conflict_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copy: str) -> None:
    # iCloud Drive keeps the other Mac's version of a file changed on two Macs as
    # "observations 2.csv" (then 3, ...): the name, a space, a number. Its one new row
    # (the store's 7 lines, plus NEW_ROW) was read by no command and check said nothing.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / copy).write_text(SMALL_OBSERVATIONS + NEW_ROW, encoding="utf-8")
    r = run_clean("check")
    assert r.exit_code == 0
    assert f"observations.csv: warning: {copy} beside it looks like a copy a cloud drive made" in r.stderr
    assert "holds 1 line(s) this file does not" in r.stderr


def test_a_yearly_file_beside_the_store_is_no_icloud_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # "observations 2024.csv" is an office's file of one year, not a copy iCloud made
    # (iCloud numbers its copies 2, 3, ...): nothing is said of it.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / "observations 2024.csv").write_text(SMALL_OBSERVATIONS + NEW_ROW, encoding="utf-8")
    r = run_clean("check")
    assert r.exit_code == 0
    assert r.stderr == ""


def test_an_icloud_copy_of_a_vietnamese_store_named_in_nfd_is_warned_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # targets.yaml names "số liệu.csv" (NFC, as typed); the copy iCloud made on a Mac
    # has its name decomposed: "số liệu 2.csv" in NFD. It is the same store's copy.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS + 'observations: "số liệu.csv"\n', "")
    (tmp_path / "observations.csv").unlink()
    (tmp_path / "số liệu.csv").write_text(SMALL_OBSERVATIONS, encoding="utf-8")
    (tmp_path / nfd("số liệu 2.csv")).write_text(SMALL_OBSERVATIONS + NEW_ROW, encoding="utf-8")
    r = run_clean("check")
    assert r.exit_code == 0
    assert "beside it looks like a copy a cloud drive made" in r.stderr, r.stderr
    assert "holds 1 line(s) this file does not" in r.stderr


# --- a sheet's name typed or pasted in NFD ------------------------------------------------


def _workbook(path: Path, title: str) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Ghi chú"
    data = book.create_sheet(title)
    data.append(["indicator", "period", "value", "status", "source"])
    data.append(["share", "2024-Q3", 13.4, "estimate", "Cục Thống kê"])
    book.save(path)


@pytest.mark.parametrize(("written", "typed"), [("Số liệu", nfd("Số liệu")), (nfd("Số liệu"), "Số liệu")])
def test_a_sheet_named_in_another_normal_form_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str, typed: str
) -> None:
    # --sheet "Số liệu" pasted from a Mac's Finder or Numbers arrives decomposed (NFD), or
    # the sheet's name was written so by Numbers: the two look the same, and qntrack said
    # "no sheet named 'Số liệu' (its sheets: 'Ghi chú', 'Số liệu')".
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    _workbook(tmp_path / "so-lieu.xlsx", written)
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--sheet", typed)
    assert r.exit_code == 0, r.stderr
    # The one row of the sheet, its source stored NFC.
    assert "share,2024-Q3,13.4,estimate,Cục Thống kê,," in store_text(tmp_path)


# --- qntrack's own workbook, saved again by LibreOffice or Numbers ------------------------


def test_a_report_workbook_saved_again_by_a_spreadsheet_is_still_said_to_be_a_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The appendix opened in LibreOffice Calc and saved (Keep current format): the zip is
    # written anew, so qntrack's mark (the archive's comment) is gone, but the document's
    # properties keep their author, "qntrack". Given to --from, each of its sheets' columns
    # was an "unknown column" error (14 of them for the summary sheet), none saying why.
    # Saving it again with openpyxl does to the archive what LibreOffice does.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    assert run_clean("report", "-o", "phu-luc.xlsx").exit_code == 0
    openpyxl.load_workbook("phu-luc.xlsx").save("phu-luc.xlsx")
    for lang, said in (
        ("en", "phu-luc.xlsx: error: is a report qntrack wrote, saved again by a spreadsheet program"),
        ("vi", "phu-luc.xlsx: lỗi: là báo cáo do qntrack tạo ra, đã được một chương trình bảng tính lưu lại"),
    ):
        r = run_clean("--lang", lang, "add-observation", "--from", "phu-luc.xlsx")
        assert r.exit_code == 1
        lines = r.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(said), lines
        assert "qntrack observations --format csv" in lines[0]
    assert store_text(tmp_path) == SMALL_OBSERVATIONS


def test_a_workbook_made_by_anyone_else_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same check leaves an office's own workbook (openpyxl writes "openpyxl" as its
    # author; an office's, a person's name) to be read as before: one row added.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    _workbook(tmp_path / "so-lieu.xlsx", "Số liệu")
    book = openpyxl.load_workbook("so-lieu.xlsx")
    book.properties.creator = "Nguyễn Thị Hoa"
    book.save("so-lieu.xlsx")
    r = run_clean("add-observation", "--from", "so-lieu.xlsx", "--sheet", "Số liệu")
    assert r.exit_code == 0, r.stderr
    assert "share,2024-Q3,13.4,estimate,Cục Thống kê,," in store_text(tmp_path)


# --- a Mac's AppleDouble file given as figures --------------------------------------------

# The first bytes of the "._NAME" file macOS writes beside NAME on a disk that keeps no
# Mac metadata (a FAT USB stick, a network share, a zip made by the Finder): the AppleDouble
# magic number 0x00051607, version 2, the filler "Mac OS X", then binary entries.
APPLE_DOUBLE = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02" + b"\x00" * 60 + b"ATTR" + b"\x00" * 40


@pytest.mark.parametrize("name", ["._so-lieu.csv", "._so-lieu.xlsx"])
def test_an_apple_double_file_is_said_to_be_one_with_the_file_to_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    # `find . -name '*.csv'` on a stick a Mac wrote lists ._so-lieu.csv beside so-lieu.csv;
    # given to --from it was "a binary file (is it an .xlsx? save it as CSV UTF-8)", or for
    # ._so-lieu.xlsx "damaged ... open it in Excel or LibreOffice and save it as .xlsx":
    # neither file can be opened so. The file meant is the name without "._".
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / name).write_bytes(APPLE_DOUBLE)
    meant = name[2:]
    r = run_clean("add-observation", "--from", name)
    assert r.exit_code == 1
    assert r.stderr.startswith(f"{name}: error: not figures but the file macOS writes beside {meant} "), r.stderr
    assert f"import {meant} itself" in r.stderr
    r = run_clean("--lang", "vi", "add-observation", "--from", name)
    assert r.exit_code == 1
    assert f"là tệp macOS tự ghi bên cạnh {meant}" in r.stderr and f"hãy nhập chính tệp {meant}" in r.stderr
    assert store_text(tmp_path) == SMALL_OBSERVATIONS


def test_a_real_file_whose_name_starts_with_dot_underscore_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A CSV someone named "._x.csv" is read as any other: only the AppleDouble bytes count.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / "._x.csv").write_text("indicator,period,value\nshare,2024-Q3,13.4\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "._x.csv")
    assert r.exit_code == 0, r.stderr
    assert "\nshare,2024-Q3,13.4,," in store_text(tmp_path)


# --- an OpenDocument spreadsheet: the way to save it, step by step ------------------------


def test_an_ods_file_is_refused_with_libreoffices_and_numbers_steps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # LibreOffice Calc's own format. The message said "File > Save As > Excel 2007-365",
    # which is no menu of LibreOffice's (the type is chosen in the Save As dialog, and
    # LibreOffice then asks whether to keep its own format), gave no way to a CSV (the
    # encoding that keeps Vietnamese is chosen in the filter settings).
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    Path("so-lieu.ods").write_bytes(
        b"PK\x03\x04" + b"\x00" * 30 + b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
    )
    r = run_clean("add-observation", "--from", "so-lieu.ods")
    assert r.exit_code == 1 and r.stderr.count("\n") == 1, r.stderr
    for words in (
        "so-lieu.ods: error: an OpenDocument spreadsheet (.ods)",
        'File > Save As..., file type "Excel 2007-365 (.xlsx)"',
        '"Use Excel 2007-365!"',
        'file type "Text CSV (.csv)"',
        '"Edit filter settings"',
        '"Unicode (UTF-8)"',
    ):
        assert words in r.stderr, (words, r.stderr)
    r = run_clean("--lang", "vi", "add-observation", "--from", "so-lieu.ods")
    assert r.exit_code == 1 and r.stderr.count("\n") == 1, r.stderr
    for words in (
        "so-lieu.ods: lỗi: bảng tính OpenDocument (.ods)",
        'File > Save As..., chọn kiểu tệp "Excel 2007-365 (.xlsx)"',
        '"Use Excel 2007-365!"',
        'kiểu tệp "Text CSV (.csv)"',
        '"Edit filter settings"',
        '"Unicode (UTF-8)"',
    ):
        assert words in r.stderr, (words, r.stderr)
    assert store_text(tmp_path) == SMALL_OBSERVATIONS


@pytest.mark.parametrize("folder", [False, True])
def test_a_numbers_document_is_refused_with_the_way_to_export_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: bool
) -> None:
    # A Numbers document is a zip (or, copied from an older Mac, a folder of the same
    # files): it was "a binary file (is it an .xlsx? save it as CSV UTF-8)", or "is a
    # directory, expected a CSV or TSV file". Numbers saves no CSV: it exports one.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    if folder:
        (tmp_path / "so-lieu.numbers" / "Index").mkdir(parents=True)
        (tmp_path / "so-lieu.numbers" / "Index" / "Document.iwa").write_bytes(b"\x00" * 16)
    else:
        import zipfile

        with zipfile.ZipFile(tmp_path / "so-lieu.numbers", "w") as archive:
            archive.writestr("Index/Document.iwa", b"\x00" * 16)
    r = run_clean("add-observation", "--from", "so-lieu.numbers")
    assert r.exit_code == 1 and r.stderr.count("\n") == 1, r.stderr
    assert r.stderr.startswith("so-lieu.numbers: error: a Numbers document (.numbers): "), r.stderr
    assert "File > Export To > Excel..." in r.stderr and 'Text Encoding "Unicode (UTF-8)"' in r.stderr
    r = run_clean("--lang", "vi", "add-observation", "--from", "so-lieu.numbers")
    assert r.stderr.startswith("so-lieu.numbers: lỗi: tài liệu Numbers (.numbers): "), r.stderr
    assert "File > Export To > Excel..." in r.stderr
    assert store_text(tmp_path) == SMALL_OBSERVATIONS


# --- a '~' inside quotes ------------------------------------------------------------------


def test_a_tilde_the_shell_left_in_quotes_is_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # iCloud Drive's folder has spaces and tildes: ~/Library/Mobile Documents/com~apple~CloudDocs.
    # Quoted whole for the spaces, "~/Library/..." reaches qntrack with its '~' unread (a shell
    # reads ~ as the home folder only outside quotes, and not in QNTRACK_TARGETS="~/..."):
    # "file not found", though the file is there.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    home = tmp_path / "home"
    folder = home / "Library" / "Mobile Documents" / "com~apple~CloudDocs" / "Thống kê"
    folder.mkdir(parents=True)
    (folder / "targets.yaml").write_text(SMALL_TARGETS, encoding="utf-8")
    (folder / "observations.csv").write_text(SMALL_OBSERVATIONS, encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    typed = "~/Library/Mobile Documents/com~apple~CloudDocs/Thống kê/"
    meant = str(folder) + "/"
    for args in (
        ("--targets", typed + "targets.yaml", "status"),
        ("add-observation", "--from", typed + "observations.csv"),
    ):
        r = run_clean(*args)
        assert r.exit_code == 1, r.output
        assert "not found" in r.stderr
        # The path with the home folder written out, quoted as a shell needs it.
        assert "'~' is no folder here: a shell reads it as your home folder only outside quotes" in r.stderr
        assert f'write "{meant}' in r.stderr, r.stderr
    r = run_clean("--lang", "vi", "--targets", typed + "targets.yaml", "status")
    assert "'~' không phải là thư mục ở đây" in r.stderr and f'hãy viết "{meant}targets.yaml"' in r.stderr
    # A report written to "~/Desktop/...": "folder '~/Desktop' does not exist ... create it
    # first", which made a folder named '~' of the one who did.
    (home / "Desktop").mkdir()
    r = run_clean("--targets", str(folder / "targets.yaml"), "report", "-o", "~/Desktop/bao cao.xlsx")
    assert r.exit_code == 2, r.output
    assert "folder '~/Desktop' does not exist" in r.stderr
    assert f'write "{home}/Desktop/bao cao.xlsx"' in r.stderr, r.stderr
    assert not (home / "Desktop" / "bao cao.xlsx").exists()


# --- a CSV exported in a Western encoding -------------------------------------------------


@pytest.mark.parametrize("encoding", ["mac_roman", "cp1252"])
def test_a_csv_in_a_western_encoding_is_told_with_the_way_to_utf8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    # Numbers' CSV export offers "Western (Mac OS Roman)" and "Western (Windows Latin 1)",
    # LibreOffice's "Western Europe (Windows-1252/WinLatin 1)", as the text's encoding. The
    # note "Thông kê" (ô and ê are in both) is then not UTF-8, and qntrack guessed only the
    # old Vietnamese encodings and said "save it as CSV UTF-8", Excel's words, no others.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    text = "indicator,period,value,status,source,note\nshare,2024-Q3,13.4,estimate,officer-b,Thông kê\n"
    Path("so-lieu.csv").write_bytes(text.encode(encoding))
    r = run_clean("add-observation", "--from", "so-lieu.csv")
    assert r.exit_code == 1 and r.stderr.count("\n") == 1, r.stderr
    # The note is on line 2.
    assert r.stderr.startswith(
        "so-lieu.csv:2: error: not UTF-8 text (perhaps a Western encoding, Windows-1252 or Mac OS Roman"
    ), r.stderr
    assert 'LibreOffice Calc: Text CSV, "Edit filter settings", character set "Unicode (UTF-8)"' in r.stderr
    assert 'Numbers: File > Export To > CSV..., Advanced Options, Text Encoding "Unicode (UTF-8)"' in r.stderr
    r = run_clean("--lang", "vi", "add-observation", "--from", "so-lieu.csv")
    assert (
        "so-lieu.csv:2: lỗi: không phải văn bản UTF-8 (có thể là bảng mã phương Tây, Windows-1252 hoặc Mac OS Roman"
        in r.stderr
    )
    assert store_text(tmp_path) == SMALL_OBSERVATIONS


def test_letters_lost_as_question_marks_are_told_with_libreoffices_and_numbers_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A CSV saved in a Western encoding by LibreOffice or Numbers writes each Vietnamese
    # letter it cannot as '?': "Sở Kế hoạch" became "S? K? ho?ch", valid ASCII. It is refused
    # (an earlier session's check), but the way to save it again named Excel's only.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    Path("so-lieu.csv").write_text("indicator,period,value,source\nshare,2024-Q3,13.4,S? K? ho?ch\n", encoding="ascii")
    r = run_clean("add-observation", "--from", "so-lieu.csv")
    assert r.exit_code == 1
    assert "so-lieu.csv:2: error: column 'source': 'S? K? ho?ch' has '?' inside a word" in r.stderr
    assert "LibreOffice or Numbers saving it in a Western encoding" in r.stderr
    assert 'LibreOffice Calc: Text CSV, "Edit filter settings", character set "Unicode (UTF-8)"' in r.stderr
    assert 'Numbers: File > Export To > CSV..., Advanced Options, Text Encoding "Unicode (UTF-8)"' in r.stderr
    Path("so-lieu.csv").write_text("ch? ti?u,k?,gi? tr?\nshare,2024-Q3,13.4\n", encoding="ascii")
    r = run_clean("--lang", "vi", "add-observation", "--from", "so-lieu.csv")
    assert r.exit_code == 1
    assert "LibreOffice hoặc Numbers lưu với bảng mã phương Tây" in r.stderr, r.stderr
    assert 'Numbers: File > Export To > CSV..., Advanced Options, Text Encoding "Unicode (UTF-8)"' in r.stderr
    assert store_text(tmp_path) == SMALL_OBSERVATIONS


# --- a date as LibreOffice shows it under German (or Russian, Polish...) settings --------


@pytest.mark.parametrize(
    ("shown", "said"),
    [
        # 31 can only be the day: 31 December 2025.
        ("31.12.2025", "'31.12.2025' is a date written day first: write 2025-12-31"),
        # Either part can be the month: both readings given, none guessed.
        ("01.02.2025", "'01.02.2025' is not an ISO 8601 timestamp: write 2025-02-01 if 01 is the day, or 2025-01-02"),
    ],
)
def test_a_dotted_date_is_told_with_its_iso_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: str, said: str
) -> None:
    # LibreOffice with German settings, "Save cell content as shown" on, writes a date cell
    # as 31.12.2025; so does Numbers on a Mac set to German. It was "not an ISO 8601
    # timestamp; write e.g. 2023-11-27", where 15/07/2026 is told its ISO form.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    Path("so-lieu.csv").write_text(
        f"indicator;period;value;recorded_at\nshare;2024-Q3;13,4;{shown}\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "so-lieu.csv")
    assert r.exit_code == 1
    assert r.stderr.startswith(f"so-lieu.csv:2: error: {said}"), r.stderr
    r = run_clean("add-observation", "share", "2024-Q3", "13.4", "--recorded-at", shown)
    assert r.exit_code != 0
    assert said in r.stderr, r.stderr
    assert store_text(tmp_path) == SMALL_OBSERVATIONS


# --- a store saved with old-Mac line ends ---------------------------------------------------


def test_a_store_saved_with_cr_line_ends_is_said_so_and_never_moved_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Excel for Mac's "CSV (Macintosh)" (and old Mac editors) end each line with CR alone.
    # The store saved so has no LF at all: every command called it "incomplete last row
    # (a write was interrupted)" at line 1, and `check --repair` moved the whole store, all
    # 6 rows, to a side file and left an empty store, on which the next add-observation
    # started afresh.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    cr_only = SMALL_OBSERVATIONS.replace("\n", "\r").encode()
    (tmp_path / "observations.csv").write_bytes(cr_only)
    said = (
        "observations.csv:1: error: the lines of this file end with CR alone, as Excel for Mac's "
        '"CSV (Macintosh)" and old Mac programs write them'
    )
    for args in (("status",), ("check",), ("check", "--repair"), ("add-observation", "share", "2024-Q3", "13.4")):
        r = run_clean(*args)
        assert r.exit_code == 1, (args, r.output)
        assert r.stderr.startswith(said), (args, r.stderr)
        assert "perl -pi -e 's/\\r\\n?/\\n/g' observations.csv" in r.stderr
        assert (tmp_path / "observations.csv").read_bytes() == cr_only
    assert sorted(p.name for p in tmp_path.iterdir() if "torn" in p.name) == []
    r = run_clean("--lang", "vi", "check")
    assert r.stderr.startswith("observations.csv:1: lỗi: các dòng của tệp này kết thúc bằng riêng ký tự CR"), r.stderr


# --- letters lost in the store itself -------------------------------------------------------


def test_check_warns_of_letters_lost_or_garbled_in_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The store opened in LibreOffice (or Numbers) and saved in a Western encoding: each
    # Vietnamese letter it could not write became '?' ("Sở Kế hoạch" -> "S? K? ho?ch"). An
    # import refuses such a cell; the store holding it, check passed in silence. So with a
    # note read once as Windows-1252 and saved again as UTF-8 ("Cá»¥c" for "Cục").
    rows = (
        "share,2024-Q3,13.4,estimate,S? K? ho?ch,,2024-10-05T00:00:00Z\n"  # line 8
        "share,2024-Q4,13.6,estimate,https://x.vn/a?id=3,Cá»¥c Thá»‘ng kÃª,2025-01-05T00:00:00Z\n"  # line 9
    )
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS + rows)
    r = run_clean("check")
    assert r.exit_code == 0, r.output  # warnings: the figures themselves are sound
    lines = r.stderr.splitlines()
    assert lines[0].startswith(
        "observations.csv:8: warning: source 'S? K? ho?ch' has '?' inside a word, where a program "
        "that saved this file without Vietnamese letters"
    ), lines
    # The URL's '?' (a query) is no lost letter: line 9's warning is about its note only.
    assert lines[1].startswith(
        "observations.csv:9: warning: note 'Cá»¥c Thá»‘ng kÃª' looks like UTF-8 text read as Windows-1252 "
        "and saved again (it reads 'Cục Thống kê')"
    ), lines
    assert lines[2] == "0 error(s), 2 warning(s)"
    r = run_clean("--lang", "vi", "check")
    assert "observations.csv:8: cảnh báo: nguồn 'S? K? ho?ch' có dấu '?' nằm giữa một từ" in r.stderr, r.stderr
    r = run_clean("check", "--list")
    assert "lost-letters" in r.stdout


def test_the_shipped_store_has_no_lost_letters(shipped: Path) -> None:
    r = run_clean("check", "lost-letters")
    assert r.exit_code == 0 and r.stderr == "", r.stderr


# --- a store iCloud Drive has not downloaded -------------------------------------------------


def test_a_store_left_in_icloud_is_said_so_and_no_new_store_is_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With "Optimise Mac Storage", iCloud Drive evicts a file it keeps in the cloud: in its
    # place the folder holds only ".observations.csv.icloud", a placeholder (a small
    # property list). status said "the observations file does not exist" and showed every
    # target "not available"; add-observation started a new store of one row, which iCloud
    # then had to reconcile with the real one.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / "observations.csv").unlink()
    (tmp_path / ".observations.csv.icloud").write_bytes(b"bplist00\xd3\x01\x02\x03")
    r = run_clean("status")
    assert (
        "observations.csv: warning: the observations file is in iCloud Drive but not downloaded to this Mac "
        "(only its placeholder .observations.csv.icloud is here)"
    ) in r.stderr, r.stderr
    assert "brctl download observations.csv" in r.stderr
    r = run_clean("add-observation", "share", "2024-Q3", "13.4")
    assert r.exit_code == 1
    assert r.stderr.startswith(
        "observations.csv: error: is in iCloud Drive but not downloaded to this Mac (only its placeholder "
        ".observations.csv.icloud is here)"
    ), r.stderr
    assert "nothing was added" in r.stderr
    assert not (tmp_path / "observations.csv").exists()
    r = run_clean("--lang", "vi", "status")
    assert "tệp số liệu nằm trên iCloud Drive nhưng chưa được tải về máy Mac này" in r.stderr, r.stderr


def test_a_plan_or_import_file_left_in_icloud_is_said_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same placeholder for targets.yaml, or for the file given to --from: "not found".
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / "so-lieu").mkdir()
    (tmp_path / "so-lieu" / ".quy3.csv.icloud").write_bytes(b"bplist00\xd3\x01\x02\x03")
    r = run_clean("add-observation", "--from", "so-lieu/quy3.csv")
    assert r.exit_code == 1
    assert "so-lieu/quy3.csv: error: file not found: it is in iCloud Drive but not downloaded to this Mac" in r.stderr
    assert (
        "(only its placeholder .quy3.csv.icloud is here)" in r.stderr and "brctl download so-lieu/quy3.csv" in r.stderr
    )
    (tmp_path / "targets.yaml").rename(tmp_path / ".targets.yaml.icloud")
    r = run_clean("--targets", "targets.yaml", "status")
    assert r.exit_code == 1
    assert "targets.yaml: error: targets file not found: it is in iCloud Drive but not downloaded" in r.stderr, r.stderr
    r = run_clean("--lang", "vi", "--targets", "targets.yaml", "status")
    assert "tệp nằm trên iCloud Drive nhưng chưa được tải về máy Mac này" in r.stderr, r.stderr


def test_a_store_saved_in_a_western_encoding_is_told_to_be_taken_from_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The store opened in LibreOffice (its Windows default: "Western Europe (Windows-1252)")
    # and saved: "Thông kê" is the bytes of Windows-1252, not UTF-8, and the letters it has
    # not are '?' already. The message guessed only the old Vietnamese encodings and said
    # "save it as UTF-8", which would keep the '?' for good.
    rows = SMALL_OBSERVATIONS + "share,2024-Q3,13.4,estimate,Thông kê,,2024-10-05T00:00:00Z\n"  # line 8
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, "")
    (tmp_path / "observations.csv").write_bytes(rows.encode("cp1252"))
    r = run_clean("check")
    assert r.exit_code == 1
    assert r.stderr.startswith(
        "observations.csv:8: error: not UTF-8 text (perhaps a Western encoding, Windows-1252 or Mac OS Roman, "
        "which cannot hold most Vietnamese letters: then take the file from a copy from before, a backup or git; "
        "or Windows-1258 or TCVN3/ABC); save it as UTF-8"
    ), r.stderr
    r = run_clean("--lang", "vi", "check")
    assert "có thể là bảng mã phương Tây, Windows-1252 hoặc Mac OS Roman" in r.stderr, r.stderr


# --- a store a spreadsheet saved, its timestamps rewritten -----------------------------------


def test_a_store_whose_timestamps_a_spreadsheet_rewrote_is_said_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Opened in Numbers (or LibreOffice, or Excel) and saved: every recorded_at is written
    # as the spreadsheet shows a date and time ("2022-01-10 00:00:00": no zone). Each of the
    # six rows was an error of its own ("has no time zone; add Z"), nothing saying that
    # the file as a whole was saved by a spreadsheet and is best taken from before.
    rewritten = SMALL_OBSERVATIONS.replace("T00:00:00Z", " 00:00:00")
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, rewritten)
    for args in (("status",), ("check",)):
        r = run_clean(*args)
        assert r.exit_code == 1
        lines = r.stderr.splitlines()
        assert lines[0].startswith(
            "observations.csv: error: 6 rows' recorded_at are written as a spreadsheet shows a date "
            "('2022-01-10 00:00:00'): the file was opened and saved by a spreadsheet program"
        ), lines
        # Then each row's own line, as before; the count is of the rows' errors.
        assert lines[1].startswith("observations.csv:2: error: '2022-01-10 00:00:00' has no time zone")
        assert lines[-1] == "6 error(s), 0 warning(s)"
    r = run_clean("--lang", "vi", "check")
    assert "6 dòng có recorded_at được ghi theo cách bảng tính hiển thị ngày" in r.stderr, r.stderr


def test_one_timestamp_typed_without_its_zone_is_said_at_its_row_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A hand edit's one slip is no spreadsheet's save: its row alone is said.
    slip = SMALL_OBSERVATIONS.replace("2023-01-10T00:00:00Z", "2023-01-10 00:00:00")
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, slip)
    r = run_clean("check")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        "observations.csv:3: error: '2023-01-10 00:00:00' has no time zone; add Z for UTC (2023-11-27T09:00:00Z) "
        "or an offset like +07:00"
    ]


# --- targets.yaml edited in TextEdit ---------------------------------------------------------

# The first lines TextEdit writes for a document saved in its default format, Rich Text.
RTF = (
    "{\\rtf1\\ansi\\ansicpg1252\\cocoartf2709\n"
    "\\cocoatextscaling0\\cocoaplatform0{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;}\n"
    "{\\colortbl;\\red255\\green255\\blue255;}\n"
    "\\pard\\tx566\\pardirnatural\\partightenfactor0\n\n"
    "\\f0\\fs24 \\cf0 version: 1\\\n"
    'title: "Test plan"\\\n'
    "}"
)


def test_a_plan_saved_by_textedit_as_rich_text_is_said_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # TextEdit saves Rich Text unless told otherwise: the file starts "{\rtf1", and qntrack
    # said "targets.yaml:2:34: not valid YAML: inside { }, separate the entries with commas".
    make_tracker(tmp_path, monkeypatch, RTF, SMALL_OBSERVATIONS)
    r = run_clean("check")
    assert r.exit_code == 1
    assert r.stderr.startswith(
        "targets.yaml:1: error: not valid YAML: a Rich Text (RTF) document, as TextEdit saves one by default, "
        "not plain text: "
        "in TextEdit choose Format > Make Plain Text, then save"
    ), r.stderr
    r = run_clean("--lang", "vi", "check")
    assert "văn bản Rich Text (RTF)" in r.stderr, r.stderr


def test_typographic_quotes_in_the_plan_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # TextEdit's Smart Quotes (on by default) turns "..." into “...”, which YAML reads as
    # letters: inside { } a name with a comma failed as "separate the entries with
    # commas"; the quotes, the cause, were not named.
    plan = SMALL_TARGETS.replace(
        '    name: {en: "Manufacturing share", vi: "Tỷ trọng chế biến"}',
        "    name: {en: \u201cManufacturing, share\u201d, vi: \u201cTỷ trọng chế biến\u201d}",
    )
    assert plan != SMALL_TARGETS
    make_tracker(tmp_path, monkeypatch, plan, SMALL_OBSERVATIONS)
    r = run_clean("check")
    assert r.exit_code == 1
    # The name is on line 5 of the plan.
    assert r.stderr.startswith("targets.yaml:5:"), r.stderr
    assert (
        "the line holds typographic quotes (\u201c \u201d \u2018 \u2019), which YAML does not read as quotes: "
        "write straight ones (\" or ')"
    ) in r.stderr, r.stderr
    assert "Edit > Substitutions > Smart Quotes" in r.stderr
    r = run_clean("--lang", "vi", "check")
    assert "dấu ngoặc kép cong" in r.stderr, r.stderr


def test_a_store_named_between_typographic_quotes_is_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # observations: “observations.csv” is valid YAML: the store's name then holds the
    # quotes. status said "does not exist" and add-observation started “observations.csv”.
    make_tracker(
        tmp_path, monkeypatch, SMALL_TARGETS + "observations: \u201cobservations.csv\u201d\n", SMALL_OBSERVATIONS
    )
    r = run_clean("status")
    assert "names it between typographic quotes" in r.stderr, r.stderr
    assert 'write observations: "observations.csv"' in r.stderr
    r = run_clean("add-observation", "share", "2024-Q3", "13.4")
    assert r.exit_code == 1
    assert "names it between typographic quotes" in r.stderr, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("\u201c")) == []


def test_init_never_makes_a_folder_named_tilde(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `qntrack init "~/Library/Mobile Documents/com~apple~CloudDocs/ke-hoach"` made the
    # folders "~/Library/..." under the current folder (a folder named '~'), and said
    # "created ~/Library/.../targets.yaml" as if in the home folder; export opensdg --into
    # "~/Desktop/osdg" said to create '~/Desktop' first.
    monkeypatch.chdir(tmp_path)
    home = tmp_path / "home"
    (home / "Desktop").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    r = run_clean("init", "~/Library/Mobile Documents/com~apple~CloudDocs/ke-hoach")
    assert r.exit_code == 2, r.output
    assert "'~' is no folder here: a shell reads it as your home folder only outside quotes" in r.stderr
    assert f'write "{home}/Library/Mobile Documents/com~apple~CloudDocs/ke-hoach"' in r.stderr, r.stderr
    assert not (tmp_path / "~").exists()
    (tmp_path / "plan").mkdir()
    make_tracker(tmp_path / "plan", monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    r = run_clean("export", "opensdg", "--into", "~/Desktop/osdg")
    assert r.exit_code == 2, r.output
    assert f'write "{home}/Desktop/osdg"' in r.stderr, r.stderr
    assert not (tmp_path / "plan" / "~").exists() and not (home / "Desktop" / "osdg").exists()


def test_a_plan_textedit_saved_with_txt_names_textedit_and_the_finder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # TextEdit, saving plain text, adds .txt as Notepad does, and the Finder hides known
    # extensions as Explorer does: targets.yaml.txt shows as "targets.yaml". The message
    # spoke of Notepad and Explorer only, and of Explorer's menu to show extensions.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "targets.yaml.txt").write_text(SMALL_TARGETS, encoding="utf-8")
    r = run_clean("status")
    assert r.exit_code == 1
    assert "Notepad (Windows) or TextEdit (Mac) adds .txt" in r.stderr, r.stderr
    assert "in the Finder: File > Get Info, Name & Extension" in r.stderr
    r = run_clean("--lang", "vi", "status")
    assert "Notepad (Windows) hoặc TextEdit (Mac) thêm .txt" in r.stderr, r.stderr
