"""The forty-fifth session's pass K (shell pipelines and scripts: the machine-readable
contract), each defect pinned before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["-t", "-", "status"], None),
        (["status", "--targets", "-", "--format", "json"], None),
        (["add-observation", "-t", "-", "share", "2024", "13", "--status", "estimate"], None),
        (["status"], {"QNTRACK_TARGETS": "-"}),
    ],
)
def test_a_plan_given_as_a_dash_is_told_it_is_read_from_a_file(tracker: Path, args: list[str], env: dict | None):
    # `cat targets.yaml | qntrack -t - status`, as `--from -` reads the rows on stdin and
    # `-o -` writes to stdout: it was told "-: error: targets file not found", as if a
    # file named '-' were missing. A plan is a file (its store is found beside it).
    before = (tracker / "observations.csv").read_bytes()
    r = run_clean(*args, env=env)
    assert r.exit_code == 2, r.output
    assert r.stdout == ""
    assert "not found" not in r.stderr, r.stderr
    assert "standard input" in r.stderr and "targets.yaml" in r.stderr, r.stderr
    assert (tracker / "observations.csv").read_bytes() == before


def test_a_plan_given_as_a_dash_is_told_in_vietnamese(tracker: Path):
    r = run_clean("-t", "-", "status", "--lang", "vi")
    assert r.exit_code == 2, r.output
    assert "đầu vào chuẩn" in r.stderr, r.stderr


def test_a_file_named_dash_is_still_a_plan(tracker: Path):
    # A file really named '-' is read, as any path is.
    (tracker / "-").write_bytes((tracker / "targets.yaml").read_bytes())
    r = run_clean("-t", "-", "status", "--format", "csv")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("id,")


@pytest.mark.parametrize(
    ("typed", "code", "said"),
    [
        ("tiếng việt", "vi", "QNTRACK_LANG=vi"),
        ("Vietnamese", "vi", "QNTRACK_LANG=vi"),
        ("vie", "vi", "QNTRACK_LANG=vi"),
        ("English", "en", "QNTRACK_LANG=en"),
        ("eng", "en", "QNTRACK_LANG=en"),
    ],
)
def test_qntrack_lang_naming_a_language_it_speaks_is_told_the_code(tracker: Path, typed: str, code: str, said: str):
    # A cron line's QNTRACK_LANG="tiếng việt" (or Vietnamese) was warned "is not a language
    # qntrack speaks (en, vi)" of the very language it speaks, where `--lang "tiếng việt"`
    # is told "did you mean 'vi'?" (pass F): told the code to write, in the language named.
    r = run_clean("status", "--format", "csv", env={"QNTRACK_LANG": typed})
    assert r.exit_code == 0, r.output
    assert "not a language qntrack speaks" not in r.stderr, r.stderr
    assert "không phải ngôn ngữ qntrack hỗ trợ" not in r.stderr, r.stderr
    assert said in r.stderr, r.stderr
    assert r.stderr.startswith("qntrack: cảnh báo: " if code == "vi" else "qntrack: warning: "), r.stderr


def test_qntrack_lang_of_another_language_is_still_said_unknown(tracker: Path):
    r = run_clean("status", "--format", "csv", env={"QNTRACK_LANG": "fr"})
    assert r.exit_code == 0, r.output
    assert "QNTRACK_LANG='fr' is not a language qntrack speaks (en, vi); English is used" in r.stderr, r.stderr


def _workbook_bytes(tmp_path: Path, rows: list[list[object]], title: str | None = None) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    if title is not None:
        sheet.title = title
    for row in rows:
        sheet.append(row)
    path = tmp_path / "made-elsewhere.xlsx"
    book.save(path)
    data = path.read_bytes()
    path.unlink()
    return data


def test_a_workbook_piped_to_from_dash_is_read_as_its_file_is(tracker: Path, tmp_path: Path):
    # `curl -s .../figures.xlsx | qntrack add-observation --from -`: the same workbook read
    # from its path is imported, but from the pipe it was refused "a binary file, not CSV
    # or TSV text (is it an .xlsx? save it as CSV UTF-8)".
    data = _workbook_bytes(tmp_path, [["indicator", "period", "value", "status"], ["share", "2024", 13.5, "estimate"]])
    before = (tracker / "observations.csv").read_bytes()
    r = run_clean("add-observation", "--from", "-", "--dry-run", "--format", "json", input=data)
    assert r.exit_code == 0, r.output
    import json

    rows = json.loads(r.stdout)["observations"]
    assert [(o["indicator"], o["period"], o["value"], o["status"]) for o in rows] == [
        ("share", "2024", 13.5, "estimate")
    ]
    assert (tracker / "observations.csv").read_bytes() == before
    r = run_clean("add-observation", "--from", "-", input=data)
    assert r.exit_code == 0, r.output
    last = (tracker / "observations.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert last.startswith("share,2024,13.5,estimate,"), last


def test_a_piped_workbook_takes_sheet_and_names_its_cells(tracker: Path, tmp_path: Path):
    data = _workbook_bytes(tmp_path, [["indicator", "period", "value"], ["share", "2024", "abc"]], title="Figures")
    r = run_clean("add-observation", "--from", "-", "--sheet", "Figures", "--status", "estimate", input=data)
    assert r.exit_code == 1, r.output
    assert "<stdin>:Figures!C2" in r.stderr, r.stderr
    r = run_clean("add-observation", "--from", "-", "--sheet", "Nope", input=data)
    assert r.exit_code != 0 and "Nope" in r.stderr, r.output


def test_a_csv_piped_with_sheet_is_still_refused(tracker: Path):
    r = run_clean("add-observation", "--from", "-", "--sheet", "x", input="indicator,period,value\nshare,2024,1\n")
    assert r.exit_code == 2, r.output
    assert r.stderr.startswith("--sheet: "), r.stderr


@pytest.mark.parametrize("typed", ["abc", "-1", "0", "1e400", "5_0", "1,5", "nan", ""])
def test_a_jump_factor_refused_is_told_as_typed_with_what_to_give(tracker: Path, typed: str):
    # `check --jump-factor abc` was told Click's "Invalid value for '--jump-factor': Input
    # should be a valid number, unable to parse string as a number" (no value, nothing to
    # give); `-1` was echoed '-1.0' and 1e400 'inf'; Python's float read '5_0' as 50.
    r = run_clean("check", "--jump-factor", typed)
    assert r.exit_code == 2, r.output
    assert r.stderr.startswith(f"--jump-factor: error: '{typed}' must be a finite number greater than 1, e.g. 5"), (
        r.stderr
    )
    assert r.stdout == ""


def test_a_jump_factor_is_told_in_vietnamese(tracker: Path):
    r = run_clean("check", "--jump-factor", "abc", "--lang", "vi")
    assert r.exit_code == 2, r.output
    assert r.stderr.startswith("--jump-factor: lỗi: 'abc' phải là một số hữu hạn lớn hơn 1, ví dụ 5"), r.stderr


@pytest.mark.parametrize("typed", ["2.5", "10", " 3 ", "1e1"])
def test_a_jump_factor_that_reads_is_taken(tracker: Path, typed: str):
    r = run_clean("check", "--jump-factor", typed)
    assert r.exit_code == 0, r.output


def test_init_in_a_trackers_subfolder_warns_that_it_leaves_the_plan_above(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
):
    # `cd tracker/reports && qntrack init` made a starter plan there in silence, told only
    # "next: replace the examples ...": the cron line `cd tracker/reports && qntrack status`
    # then judged the starter's examples, and add-observation typed there wrote to the new
    # empty store, not the tracker's. (`init my-plan`, README's first session, already says
    # "cd my-plan ... qntrack reads the targets.yaml of the folder it runs in".)
    (tracker / "reports").mkdir()
    monkeypatch.chdir(tracker / "reports")
    r = run_clean("init")
    assert r.exit_code == 0, r.output
    assert "init: warning: ../targets.yaml is the plan of a tracker above" in r.stderr, r.stderr
    assert "--targets ../targets.yaml" in r.stderr, r.stderr
    assert (tracker / "reports" / "targets.yaml").exists()
    r = run_clean("init", "--lang", "vi", "deeper")
    assert "warning" not in r.stderr and "cảnh báo" not in r.stderr, r.stderr  # told 'cd deeper (here: ...)'
    monkeypatch.chdir(tracker / "reports" / "deeper")
    (tracker / "reports" / "deeper" / "targets.yaml").unlink()
    (tracker / "reports" / "deeper" / "observations.csv").unlink()
    r = run_clean("init", ".", "--lang", "vi")
    assert "init: cảnh báo: ../targets.yaml" in r.stderr, r.stderr  # the nearest plan above


def test_init_of_a_tracker_of_its_own_says_no_plan_above(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    r = run_clean("init", "fresh")
    assert r.exit_code == 0, r.output
    assert "warning" not in r.stderr, r.stderr


@pytest.mark.parametrize(
    ("text", "given", "option"),
    [
        ("indicator;period;value\nshare;2024;13\n", "tab", "--delimiter ';'"),
        ("indicator,period,value\nshare,2024,13\n", ";", "--delimiter ','"),
        ("indicator\tperiod\tvalue\nshare\t2024\t13\n", ",", "--delimiter tab"),
    ],
)
def test_a_delimiter_given_wrong_is_told_the_one_the_header_has(tracker: Path, text: str, given: str, option: str):
    # `... | qntrack add-observation --from - -d tab` on a ';' file was told "its first line
    # names none of the columns indicator, period, value, ...; is the file separated by
    # something else? give --delimiter", to the script that had given one.
    r = run_clean("add-observation", "--from", "-", "--delimiter", given, "--status", "estimate", input=text)
    assert r.exit_code == 1, r.output
    assert option in r.stderr, r.stderr
    assert "names none of the columns" not in r.stderr, r.stderr


def test_a_delimiter_given_wrong_is_told_in_vietnamese(tracker: Path):
    r = run_clean("add-observation", "--from", "-", "-d", "tab", "--lang", "vi", input="indicator;period;value\n")
    assert r.exit_code == 1, r.output
    assert "--delimiter ';'" in r.stderr and "lỗi" in r.stderr, r.stderr


def test_a_one_column_file_of_no_header_is_still_not_a_table(tracker: Path):
    r = run_clean("add-observation", "--from", "-", "-d", "tab", input="root:x:0:0:root\nbin:x:1:1\n")
    assert r.exit_code == 1, r.output
    assert "names none of the columns" in r.stderr and "root" not in r.stderr, r.stderr


def test_the_library_is_told_its_own_words_for_a_delimiter_given_wrong(tracker: Path, tmp_path: Path):
    from qntrack.errors import InputError
    from qntrack.files.import_tables import ImportFormat
    from qntrack.files.importing import import_observations

    (tmp_path / "rows.csv").write_text("indicator;period;value\nshare;2024;13\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_observations("targets.yaml", tmp_path / "rows.csv", fmt=ImportFormat(delimiter="\t"))
    said = str(caught.value)
    assert "ImportFormat(delimiter=';')" in said, said


def test_a_report_workbook_piped_in_is_said_to_be_a_report(shipped: Path):
    # `qntrack report --format xlsx | qntrack add-observation --from -`: read from its
    # path, qntrack's own report is told "is a report qntrack wrote, for reading"; piped,
    # now that a workbook on stdin is read, it must not be 25 "unknown column" errors.
    report = run_clean("report", "--format", "xlsx", "--as-of", "2025-06-30")
    assert report.exit_code == 0, report.stderr
    r = run_clean("add-observation", "--from", "-", "--dry-run", input=report.stdout_bytes)
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("<stdin>: error: is a report qntrack wrote, for reading"), r.stderr
    assert "unknown column" not in r.stderr
