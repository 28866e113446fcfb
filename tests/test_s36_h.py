"""Pass H of session 36 (issue 17): the session's last passes tried by a hostile user.
Each test was written first and seen failing; the expected words are the catalog's
advice for the system's reason, worked out from the errno the path gives."""

from __future__ import annotations

import zipfile
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


# --- 2. A workbook whose sheet's part is missing ------------------------------------------


def _workbook_without(folder: Path, part: str) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["indicator", "period", "value", "source"])
    ws.append(["grdp_growth", "2023", 7.5, "s"])
    whole = folder / "whole.xlsx"
    wb.save(whole)
    damaged = folder / "damaged.xlsx"
    with zipfile.ZipFile(whole) as zin, zipfile.ZipFile(damaged, "w") as zout:
        assert part in zin.namelist()
        for name in zin.namelist():
            if name != part:
                zout.writestr(name, zin.read(name))
    return damaged


# The workbook lists a sheet (xl/workbook.xml names 'Sheet') whose part is gone: it was said
# to have "no sheet of cells", as if the person had saved an empty workbook. It is a part
# missing, said as pass F says a missing part, in both languages; nothing is written.
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "a part of the workbook is missing (xl/worksheets/sheet1.xml)"),
        ("vi", "bảng tính thiếu một phần (xl/worksheets/sheet1.xml)"),
    ],
)
def test_a_workbook_whose_sheet_part_is_missing_says_so(shipped: Path, lang: str, said: str) -> None:
    damaged = _workbook_without(shipped, "xl/worksheets/sheet1.xml")
    before = (shipped / "observations.csv").read_bytes()
    r = run_clean("--lang", lang, "add-observation", "--from", damaged.name)
    assert r.exit_code == 1, r.output
    assert said in r.output, r.output
    assert (shipped / "observations.csv").read_bytes() == before


# Two sheets, the first one's part lost: openpyxl passed it over and the second sheet's
# figures (last year's working copy) were read in its place. Refused, naming the part.
def test_a_lost_first_sheet_is_not_replaced_by_the_next(shipped: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    first = wb.active
    first.append(["indicator", "period", "value", "source"])
    first.append(["grdp_growth", "2023", 7.5, "this year"])
    second = wb.create_sheet("old")
    second.append(["indicator", "period", "value", "source"])
    second.append(["grdp_growth", "2023", 1.0, "last year"])
    wb.save(shipped / "two.xlsx")
    with zipfile.ZipFile(shipped / "two.xlsx") as zin, zipfile.ZipFile(shipped / "lost.xlsx", "w") as zout:
        for name in zin.namelist():
            if name != "xl/worksheets/sheet1.xml":
                zout.writestr(name, zin.read(name))
    before = (shipped / "observations.csv").read_bytes()
    r = run_clean("add-observation", "--from", "lost.xlsx")
    assert r.exit_code == 1, r.output
    assert "a part of the workbook is missing (xl/worksheets/sheet1.xml)" in r.output, r.output
    assert "last year" not in (shipped / "observations.csv").read_text(encoding="utf-8")
    assert (shipped / "observations.csv").read_bytes() == before
