"""The lead's own fixes of the forty-sixth session (issue 17): each test was written
first, against the defect a user met, and seen to fail."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean
from qntrack.files.unit_languages import sizes_apart

PLAN = """\
version: 1
indicators:
  fdi:
    name: {en: FDI attracted, vi: Vốn FDI thu hút}
    unit: {en: million USD, vi: triệu USD}
    frequency: year
  budget:
    name: {en: Budget revenue, vi: Thu ngân sách}
    unit: {en: billion VND, vi: tỷ đồng}
    frequency: year
targets:
  - id: fdi-plan-2024
    type: plan
    indicator: fdi
    period: 2024
    value: 2000
"""
FROM = ("--source", "Cục Thống kê", "--recorded-at", "2026-07-10")


# --- 1. the US dollar in words, in a unit of another size ----------------------------------------

# The GSO's yearbook writes "Tỷ đô la Mỹ" where a press release writes "tỷ USD". The
# second was told to multiply by 1,000 (forty-fifth session); the first, the same unit,
# was told only "another unit, or the wrong row?". 1 tỷ (10^9) USD = 1,000 triệu (10^6) USD.


@pytest.mark.parametrize(
    ("given", "unit", "power"),
    [
        ("tỷ đô la Mỹ", "triệu USD", 3),
        ("Tỷ đô la", "triệu USD", 3),
        ("Triệu đô la Mỹ", "tỷ USD", -3),
        ("Tr.USD", "tỷ USD", -3),  # 'Tr' is triệu: 10^6 against 10^9
        ("USD bn", "million USD", 3),
        ("tỉ đồng", "triệu đồng", 3),
        ("nghìn tỷ đồng", "tỷ VNĐ", 3),
        ("tỷ USD", "triệu USD", 3),
    ],
)
def test_a_unit_of_another_size_in_other_words_gets_its_factor(given: str, unit: str, power: int) -> None:
    assert sizes_apart(given, unit) == power


@pytest.mark.parametrize(
    ("given", "unit"),
    [
        ("tỷ đồng", "triệu USD"),  # another currency: no factor turns one into the other
        ("triệu đô la Mỹ", "triệu đồng"),
        ("tỷ lệ", "triệu USD"),  # a rate, not a size
        ("nghìn người", "triệu USD"),
        ("Tr.USD", "triệu USD"),  # the same size: no factor (the unit fits, as unit_matches says)
    ],
)
def test_no_factor_between_units_of_other_things(given: str, unit: str) -> None:
    assert sizes_apart(given, unit) is None


def test_a_yearbook_row_in_billions_of_dollars_in_words_is_told_the_factor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER)
    text = "Chỉ tiêu\tĐVT\tNăm 2024\nVốn FDI thu hút\tTỷ đô la Mỹ\t4,5\n"
    r = run_clean("--lang", "vi", "add-observation", "--from", "-", *FROM, input=text.encode("utf-8"))
    assert r.exit_code == 1, r.output
    line2 = next(x for x in r.stderr.splitlines() if x.startswith("<stdin>:2:"))
    assert "hãy nhân các số liệu với 1.000" in line2, r.stderr
    assert Path("observations.csv").read_text(encoding="utf-8") == STORE_HEADER


# --- 2. a Workspace a caller cannot change under the commands' feet --------------------------------

# docs/python-api.md offers `open_workspace` to a notebook: `ws.plan = other` was taken in
# silence, and `warnings_for` then judged the store against a plan it was not checked
# against (forty-fifth session, pass P's leftover). Its fields are now read-only.


def test_a_workspaces_fields_cannot_be_assigned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qntrack.files.workspace import open_workspace

    make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER)
    ws = open_workspace(Path("targets.yaml"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        ws.plan = ws.plan  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ws.store_path = Path("elsewhere.csv")  # type: ignore[misc]


# --- 3. an Open SDG metadata file saved as UTF-16 ---------------------------------------------------

# Notepad's "Unicode" saves UTF-16. A data file so saved was told what it is (forty-fifth
# session); a metadata file was told "no YAML front matter" though its first line is
# '---', and the editor shows it so: the officer looked for a line that is there.

SAMPLE = Path(__file__).resolve().parent / "data" / "opensdg-sample"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_an_open_sdg_metadata_file_in_utf16_is_told_its_encoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    monkeypatch.chdir(tmp_path)
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    (repo / "meta").mkdir()
    (repo / "data" / "indicator_1-1-1.csv").write_bytes((SAMPLE / "data" / "indicator_1-1-1.csv").read_bytes())
    meta = (SAMPLE / "meta" / "1-1-1.md").read_text(encoding="utf-8")
    (repo / "meta" / "1-1-1.md").write_bytes(meta.encode(encoding))
    r = run_clean("import", "opensdg", str(repo), "--into", "t", "--recorded-at", "2025-11-01")
    assert r.exit_code == 1, r.output
    assert "meta/1-1-1.md" in r.stderr and "UTF-16" in r.stderr, r.stderr
    assert "front matter" not in r.stderr, r.stderr
    assert not (tmp_path / "t").exists()
    vi = run_clean("--lang", "vi", "import", "opensdg", str(repo), "--into", "t", "--recorded-at", "2025-11-01")
    assert "meta/1-1-1.md" in vi.stderr and "UTF-16" in vi.stderr and "UTF-8" in vi.stderr, vi.stderr


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
@pytest.mark.parametrize("where", ["meta/1-1-1.yml", "translations/en/data.yml"])
def test_an_open_sdg_yaml_file_in_utf16_is_told_its_encoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str, where: str
) -> None:
    # The same in a metadata file written as YAML alone, and in a translation: the one
    # with a byte-order mark was told "U+0000 ... is a control character", the other
    # "not UTF-8".
    monkeypatch.chdir(tmp_path)
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    (repo / "meta").mkdir()
    (repo / "data" / "indicator_1-1-1.csv").write_bytes((SAMPLE / "data" / "indicator_1-1-1.csv").read_bytes())
    front = (SAMPLE / "meta" / "1-1-1.md").read_text(encoding="utf-8").split("---\n")[1]
    (repo / "meta" / "1-1-1.yml").write_text(front, encoding="utf-8")
    (repo / where).parent.mkdir(parents=True, exist_ok=True)
    text = front if where.startswith("meta") else "All ages: Tất cả các độ tuổi\n"
    (repo / where).write_bytes(text.encode(encoding))
    r = run_clean("import", "opensdg", str(repo), "--into", "t", "--recorded-at", "2025-11-01")
    assert r.exit_code == 1, r.output
    assert f"{where}: error: UTF-16 text" in r.stderr, r.stderr
    assert "U+0000" not in r.stderr and "not UTF-8 text" not in r.stderr, r.stderr
    assert not (tmp_path / "t").exists()


# --- 4. a hand-edited store value cut at its decimal mark ---------------------------------------------

# An officer corrects a figure in observations.csv with a text editor and is called away
# after typing "8.": the reader took it as 8 without a word, where the same text typed at
# the command line or pasted with --from is refused as a figure cut off (forty-fifth
# session). The store is read as strictly as what is typed into it.

CUT_PLAN = """\
version: 1
indicators:
  growth:
    name: {en: GRDP growth, vi: Tăng trưởng GRDP}
    unit: "%"
    frequency: year
targets:
  - id: growth-2024
    type: plan
    indicator: growth
    period: 2024
    value: 8
"""


@pytest.mark.parametrize("cut", ["8.", "-8.", "+8."])
def test_a_store_value_ending_in_its_decimal_mark_is_refused_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut: str
) -> None:
    row = f"growth,2024,{cut},official,Cục Thống kê,,2025-01-05T00:00:00Z\n"
    make_tracker(
        tmp_path,
        monkeypatch,
        CUT_PLAN,
        STORE_HEADER + "growth,2023,7.5,official,Cục Thống kê,,2024-01-05T00:00:00Z\n" + row,
    )
    for command in (("status",), ("status", "--format", "json"), ("check",)):
        r = run_clean(*command)
        assert r.exit_code == 1, (command, r.output)
        assert f"observations.csv:3: error: '{cut}' ends with its decimal mark" in r.stderr, (command, r.stderr)
    vi = run_clean("--lang", "vi", "check")
    assert "observations.csv:3:" in vi.stderr and f"'{cut}'" in vi.stderr, vi.stderr


@pytest.mark.parametrize("whole", ["8", "8.0", "8.5", ".5", "8e1", "8.5E-1"])
def test_a_whole_store_value_is_read_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, whole: str) -> None:
    row = f"growth,2024,{whole},official,Cục Thống kê,,2025-01-05T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, CUT_PLAN, STORE_HEADER + row)
    r = run_clean("check")
    assert r.exit_code == 0, r.output


# An existing report made immutable (chattr +i; a file locked by a share) refuses its
# replacement with EPERM, which was told "give a path in a folder you can write", as if
# the folder were at fault: the file itself may be (session 47, from pass D's leftover).


def test_a_protected_output_file_is_told_the_file_may_be_at_fault() -> None:
    import errno

    from qntrack.errors import os_reason

    said = os_reason(OSError(errno.EPERM, "Operation not permitted"), made=True)
    assert "the file or its folder is protected" in said.text("en")
    assert "give another name" in said.text("en")
    assert "tệp hoặc thư mục chứa nó đang được bảo vệ" in said.text("vi")


# An indicator typed by the first part of its id ('grdp', 'cbct'), which several ids share:
# 'grdp' was offered grdp_vnd alone, difflib's closest of three ('grdp_growth' meant as
# likely), and 'cbct' was given the plan's whole list (session 47, pass M's leftover).


@pytest.mark.parametrize(
    ("typed", "ids"),
    [
        ("grdp", "grdp_growth, grdp_vnd, grdp_per_capita"),
        ("cbct", "cbct_share, cbct_va_growth, cbct_investment"),
        ("GRDP", "grdp_growth, grdp_vnd, grdp_per_capita"),
    ],
)
def test_the_first_part_of_several_ids_is_told_them_all(shipped: Path, typed: str, ids: str) -> None:
    before = (shipped / "observations.csv").read_bytes()
    r = run_clean("add-observation", typed, "2025", "5")
    assert r.exit_code == 1, r.output
    assert f"unknown indicator '{typed}'; 3 indicators' ids begin with it: {ids}; write the one meant" in r.stderr
    v = run_clean("--lang", "vi", "add-observation", typed, "2025", "5")
    assert f"có 3 chỉ tiêu có mã bắt đầu như vậy: {ids}" in v.stderr
    assert (shipped / "observations.csv").read_bytes() == before


def test_an_id_mistyped_is_still_offered_the_closest(shipped: Path) -> None:
    # 'grdp_growt' is no first part of an id: difflib's hint, as before.
    r = run_clean("add-observation", "grdp_growt", "2025", "5")
    assert "did you mean 'grdp_growth'?" in r.stderr, r.stderr


def test_the_first_part_of_one_id_is_offered_that_id(shipped: Path) -> None:
    r = run_clean("add-observation", "mining", "2025", "5")
    assert "did you mean 'mining_share'?" in r.stderr, r.stderr


# A table pasted from Markdown (a README, a chat, a wiki): its header between '|', then a
# line of '---' under it. Read as a '|' file, its first column was empty ("unknown column
# '(empty, column 1)'") or its '---' line three errors (session 47, pass G's leftover).


@pytest.mark.parametrize(
    "table",
    [
        "| indicator | period | value |\n|---|---|---|\n| fdi | 2025 | 3.1 |\n",
        "indicator | period | value\n--- | :---: | ---:\nfdi | 2025 | 3.1\n",
    ],
)
def test_a_markdown_table_is_told_what_it_is(shipped: Path, table: str) -> None:
    Path("md.csv").write_text(table, encoding="utf-8")
    before = (shipped / "observations.csv").read_bytes()
    r = run_clean("add-observation", "--from", "md.csv")
    assert r.exit_code == 1, r.output
    assert r.stderr.count("error") == 1, r.stderr
    assert "md.csv:2: error: a Markdown table (this line, under its header, is a line of '---')" in r.stderr
    v = run_clean("--lang", "vi", "add-observation", "--from", "md.csv")
    assert "md.csv:2: lỗi: một bảng Markdown" in v.stderr, v.stderr
    assert (shipped / "observations.csv").read_bytes() == before


def test_a_pipe_file_whose_second_line_is_a_figure_is_read(shipped: Path) -> None:
    Path("p.csv").write_text("indicator|period|value\nfdi|2025|3.1\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "p.csv", "--dry-run")
    assert r.exit_code == 0, r.output


# The benchmark's runner waited for a child before reading its messages from a pipe: `check`
# on the provinces' shape (1,220 warnings, 442 KB) filled the pipe and both waited for ever
# (session 47). Run in a child of its own, with a timeout, so that a hang fails the test.


def test_the_benchmark_runner_reads_a_childs_long_messages_without_hanging() -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    code = (
        "import sys; sys.path.insert(0, 'benchmarks'); import run; t = run.Timing(); "
        "run.run_once([sys.executable, '-c', 'import sys; sys.stderr.write(\"x\" * 1_000_000)'], t); "
        "print(len(t.seconds))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout.strip()) == (0, "1"), done.stderr


# A cumulative target on an indicator declared `measure: balance` (a trade balance over
# 2021-2025) was told "use an average target for a rate, or remove that line if the
# indicator is an amount": advice of averages, for a net amount (pass Q's leftover).

_BALANCE_TOTAL = """\
version: 1
indicators:
  tb:
    name: {en: Trade balance, vi: Cán cân thương mại}
    unit: {en: million USD, vi: triệu USD}
    measure: balance
targets:
  - id: tb-total
    type: cumulative
    indicator: tb
    from: 2021
    to: 2025
    at_least: 1000
"""


def test_a_cumulative_target_on_a_balance_is_told_what_a_balance_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tracker(tmp_path, monkeypatch, _BALANCE_TOTAL, STORE_HEADER)
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.stderr.split())
    assert "indicator 'tb' is declared 'measure: balance' on line 6" in said, said
    assert "average target" not in said, said
    assert "declare 'measure: flow' on 'tb'" in said, said
    v = " ".join(run_clean("--lang", "vi", "check").stderr.split())
    assert "khai báo 'measure: flow' cho 'tb'" in v, v
