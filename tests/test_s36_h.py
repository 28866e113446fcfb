"""Pass H of session 36 (issue 17): the session's last passes tried by a hostile user.
Each test was written first and seen failing; the expected words are the catalog's
advice for the system's reason, worked out from the errno the path gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

# --- 1. An import's file its path keeps from reading is told what to do -------------------


# `-t targets.yaml/x` is told "check the path" (pass G); `--from targets.yaml/x` said the
# system's reason alone ("cannot read the file: Not a directory") and stopped. The same
# advice follows, for a CSV and a workbook alike, in both languages.
@pytest.mark.parametrize(
    ("lang", "path", "said"),
    [
        ("en", "targets.yaml/x", "Not a directory: a part of the path is a file, not a folder: check the path"),
        ("en", "targets.yaml/x.xlsx", "Not a directory: a part of the path is a file, not a folder: check the path"),
        (
            "vi",
            "targets.yaml/x",
            "(ENOTDIR): một phần của đường dẫn là tệp, không phải thư mục: hãy kiểm tra đường dẫn",
        ),
        ("en", "loop1", "symbolic links: check the path for a loop of symbolic links"),
        ("en", "loop1.xlsx", "symbolic links: check the path for a loop of symbolic links"),
        ("en", "a" * 300, "File name too long: use a shorter path"),
    ],
)
def test_an_import_its_path_keeps_from_reading_is_told_what_to_do(
    shipped: Path, lang: str, path: str, said: str
) -> None:
    (shipped / "loop1").symlink_to("loop2")
    (shipped / "loop2").symlink_to("loop1")
    (shipped / "loop1.xlsx").symlink_to("loop2.xlsx")
    (shipped / "loop2.xlsx").symlink_to("loop1.xlsx")
    before = (shipped / "observations.csv").read_bytes()
    r = run_clean("--lang", lang, "add-observation", "--from", path)
    assert r.exit_code == 1, r.output
    assert said in r.output, r.output
    assert (shipped / "observations.csv").read_bytes() == before
