"""Thirty-sixth session, pass E (issue 17): leftovers of the session mended at their root.

The system's reasons in Vietnamese messages, a moment in a Vietnamese --as-of notice, a
long table's TT column, a side file's name refused with a doubled parenthesis, and the
library's retract and history naming the argument (and the value) at fault.
"""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import run_clean, store_bytes
from qntrack.catalog import render
from qntrack.errors import ArgumentError, InputError, os_reason

SRC = Path(__file__).resolve().parents[1] / "src" / "qntrack"

# The common errors a user meets, each with the system's own English text (glibc's, as
# `man errno` lists it) and a word the Vietnamese says it by.
COMMON = [
    ("ENOSPC", "No space left on device", "hết chỗ"),
    ("EROFS", "Read-only file system", "chỉ cho đọc"),
    ("EACCES", "Permission denied", "không có quyền"),
    ("ENOENT", "No such file or directory", "không có tệp hoặc thư mục"),
    ("EISDIR", "Is a directory", "là một thư mục"),
    ("ENOTDIR", "Not a directory", "không phải là thư mục"),
    ("ENAMETOOLONG", "File name too long", "quá dài"),
    ("EMFILE", "Too many open files", "quá nhiều tệp đang mở"),
    ("EPIPE", "Broken pipe", "đường ống"),
]


@pytest.mark.parametrize(("name", "english", "vietnamese"), COMMON, ids=[c[0] for c in COMMON])
def test_a_common_system_error_is_said_in_the_messages_language(name: str, english: str, vietnamese: str) -> None:
    # `qntrack --lang vi status > /dev/full` said "... No space left on device: hãy ...":
    # the system's words, English, in a Vietnamese line.
    number = getattr(errno, name)
    exc = OSError(number, english)
    said_vi = render(os_reason(exc), "vi")
    assert english not in said_vi, said_vi
    assert vietnamese in said_vi, said_vi
    assert name in said_vi, said_vi  # the errno's name, for a search
    assert render(os_reason(exc), "en").startswith(english)


def test_an_uncommon_system_error_keeps_the_systems_text_and_its_name() -> None:
    exc = OSError(errno.ENOLCK, "No locks available")
    said_vi = render(os_reason(exc), "vi")
    assert "No locks available" in said_vi and "ENOLCK" in said_vi, said_vi
    assert render(os_reason(exc), "en") == "No locks available"


def _child(*args: str, stdout: object = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QNTRACK_")}
    return subprocess.run(
        [sys.executable, "-m", "qntrack", *args],
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=120,
    )


def test_a_full_standard_output_is_said_in_vietnamese(shipped: Path) -> None:
    with open("/dev/full", "w") as full:
        r = _child("--lang", "vi", "status", stdout=full)
    assert r.returncode == 1, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("đầu ra chuẩn: lỗi: không thể ghi: "), lines[0]
    assert "No space left on device" not in lines[0] and "ENOSPC" in lines[0], lines[0]
    with open("/dev/full", "w") as full:
        r = _child("status", stdout=full)
    assert "cannot write: No space left on device: send the output" in r.stderr, r.stderr


def test_a_file_that_cannot_be_read_is_told_why_in_vietnamese(shipped: Path) -> None:
    # import_cannot_read: a part of the path is a file.
    before = store_bytes(shipped)
    r = run_clean("--lang", "vi", "add-observation", "--from", "observations.csv/rows.csv")
    assert r.exit_code == 1, r.output
    assert "Not a directory" not in r.stderr and "ENOTDIR" in r.stderr, r.stderr
    assert "không phải là thư mục" in r.stderr, r.stderr
    assert store_bytes(shipped) == before
    r = run_clean("add-observation", "--from", "observations.csv/rows.csv")
    assert "cannot read the file: Not a directory" in r.stderr, r.stderr


def test_only_one_function_reads_the_systems_reason() -> None:
    # Every message that carries an OSError's reason goes through errors.os_words: a
    # module reading ``.strerror`` itself would put the system's English in a
    # Vietnamese line again.
    read = re.compile(r"""\b(?!os\.)\w+\.strerror\b|["']strerror["']""")  # os.strerror(...) writes one
    readers = sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if read.search(p.read_text(encoding="utf-8")))
    assert readers == ["errors.py"], readers


# 2. A moment in a Vietnamese --as-of notice


def test_an_as_of_notice_in_vietnamese_writes_its_moment_as_the_day_is_written(shipped: Path) -> None:
    # The shipped store's first row recorded after 1 June 2025 is at 2025-07-05T00:00:00Z;
    # the notice said "sau ngày 01/06/2025 ... lúc 2025-07-05T00:00:00Z".
    r = run_clean("--lang", "vi", "observations", "--as-of", "2025-06-01")
    assert r.exit_code == 0, r.output
    assert "lúc 07:00 UTC+07:00 ngày 05/07/2025" in r.stderr, r.stderr
    assert "2025-07-05T" not in r.stderr, r.stderr
    r = run_clean("observations", "--as-of", "2025-06-01")
    assert "2025-07-05T07:00:00+07:00" in r.stderr, r.stderr  # English keeps ISO
    r = run_clean("--lang", "vi", "observations", "--as-of", "2025-06-01", "--format", "json")
    assert "2025-07-05T" not in r.stdout  # the rows in force by then are earlier: ISO where listed
    assert '"recorded_at": "20' in r.stdout


def test_an_as_of_notice_in_vietnamese_gives_the_time_of_day(shipped: Path) -> None:
    r = run_clean("add-observation", "fdi", "2026-Q2", "700", "--recorded-at", "2026-09-15T02:00:00Z", "--source", "s")
    assert r.exit_code == 0, r.output
    r = run_clean("--lang", "vi", "history", "fdi", "--as-of", "2026-09-14")
    assert r.exit_code == 0, r.output
    assert "09:00 UTC+07:00 ngày 15/09/2026" in r.stderr, r.stderr
    r = run_clean("--lang", "vi", "status", "--as-of", "2026-09-14", "--format", "json")
    assert "2026-09-15T02:00:00Z" not in r.stdout
    r = run_clean("--lang", "vi", "history", "fdi", "--format", "json")
    assert '"recorded_at": "2026-09-15T02:00:00Z"' in r.stdout  # JSON keeps ISO


# 3. A long table's TT column


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["unknown column 'TT'", "row numbers", "STT", "status"]),
        ("vi", ["không có cột 'TT'", "số thứ tự", "STT", "loại số liệu"]),
    ],
)
def test_a_long_tables_tt_column_is_told_how_to_import_its_row_numbers(
    shipped: Path, lang: str, words: list[str]
) -> None:
    Path("rows.csv").write_text("TT,indicator,period,value\n1,fdi,2025-Q3,500\n", encoding="utf-8")
    before = store_bytes(shipped)
    r = run_clean("--lang", lang, "add-observation", "--from", "rows.csv")
    assert r.exit_code == 1, r.output
    line = r.stderr.strip().splitlines()[0]
    assert line.startswith("rows.csv:1:"), line
    for word in words:
        assert word in line, line
    assert store_bytes(shipped) == before
    # Named STT, the same rows import (the decided rule: STT is row numbers).
    Path("rows.csv").write_text("STT,indicator,period,value\n1,fdi,2025-Q3,500\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "rows.csv", "--dry-run")
    assert r.exit_code == 0, r.output


# 4. A side file's name


@pytest.mark.parametrize(
    ("lang", "output", "words"),
    [
        ("en", "targets.yaml.md", "belongs to the plan (targets.yaml): a name that begins 'targets.yaml.' is"),
        ("en", "observations.csv.md", "belongs to the observations file: a name that begins 'observations.csv.'"),
        ("vi", "targets.yaml.md", "thuộc về kế hoạch (targets.yaml): tên bắt đầu bằng 'targets.yaml.'"),
    ],
)
def test_a_side_files_name_is_refused_in_plain_words(shipped: Path, lang: str, output: str, words: str) -> None:
    r = run_clean("--lang", lang, "report", "-o", output)
    assert r.exit_code == 2, r.output
    assert words in r.stderr, r.stderr
    assert "))" not in r.stderr and ") (" not in r.stderr, r.stderr
    assert not Path(output).exists()


# 5. The library names its arguments


@pytest.mark.parametrize(
    ("indicator", "period", "argument", "words"),
    [
        ("nope", "2024", "indicator", "unknown indicator 'nope'"),
        ("grdp_growth", "2030", "period", "has not begun"),
        ("grdp_growth", "2024-13", "period", "month 13 does not exist"),
        ("grdp_growth", "20x4", "period", "is not a period"),
    ],
)
def test_the_librarys_retract_names_the_argument_at_fault(
    shipped: Path, indicator: str, period: str, argument: str, words: str
) -> None:
    import qntrack

    before = store_bytes(shipped)
    with pytest.raises(InputError) as caught:
        qntrack.retract("targets.yaml", indicator, period, "a source", None, None)
    places = [p.location.file for p in caught.value.problems]
    assert places[0] == argument, caught.value
    assert words in str(caught.value)
    assert str(caught.value).startswith(f"{argument}: error: "), caught.value
    assert store_bytes(shipped) == before


def test_the_command_line_retract_still_names_the_command(shipped: Path) -> None:
    r = run_clean("retract", "nope", "2024", "--source", "s")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("retract: error: unknown indicator 'nope'"), r.stderr


@pytest.mark.parametrize(
    ("given", "words"),
    [
        # a unit given as a number is read as record_many stores it since the thirty-eighth
        # session (tests/test_s38_l.py): a bool and None are still no unit's name
        ({"province": True}, "True is of type bool"),
        ([("locality", None)], "None is of type NoneType"),
        ({7: "Hạ Long"}, "7 is of type int"),
    ],
)
def test_the_librarys_dimensions_name_the_value_at_fault(shipped: Path, given: object, words: str) -> None:
    import qntrack

    with pytest.raises(ArgumentError) as caught:
        qntrack.history("targets.yaml", "budget_revenue", dim=given)
    said = str(caught.value)
    assert said.startswith("dim: error: "), said
    assert words in said and "tuple" not in said, said
    with pytest.raises(ArgumentError) as caught:
        qntrack.retract("targets.yaml", "budget_revenue", "2024", "s", None, None, dims=given)
    assert str(caught.value).startswith("dims: error: ") and words in str(caught.value), caught.value
