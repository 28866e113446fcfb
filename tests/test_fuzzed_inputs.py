"""Inputs a fuzzer found (issue 17, sixteenth session): each one, minimised by hand, once
ended in a Python traceback. The promise is one clear message naming the file, its line
(or cell) and what would be valid, the documented exit code, and nothing written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean, store_bytes, write_repository

from qntrack.errors import ExitCode, InputError

TARGETS = """\
version: 1
title: "Fuzzed inputs"
indicators:
  growth:
    name: "GRDP growth"
    unit: "%"
    measure: rate
  share:
    name: "Manufacturing share"
    unit: "%"
targets:
  - id: share
    indicator: share
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 15}
"""

START = STORE_HEADER + "share,2020,10,official,yearbook 2020,,2021-06-30T00:00:00Z\n"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, START)


# --- workbooks ------------------------------------------------------------------------------


def test_a_workbook_header_with_an_empty_cell_and_no_period_column_names_both_cells(plan: Path):
    # The fuzzer's case was a header cell holding a formula with no saved value ("=A1"),
    # which reads as empty; an empty cell is the smallest form. The CSV path says the same
    # two things (unknown column 2, no period column) at line 1; the workbook's at the
    # cells: B1 for the empty column, A1 (the table's first column) for the whole header.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["indicator", None, "value"])
    ws.append(["growth", "2021", 5])
    wb.save(plan / "so-lieu.xlsx")
    before = store_bytes(plan)
    r = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert lines[0].startswith("so-lieu.xlsx:Sheet1!B1: error: unknown column '(empty, column 2)'")
    assert lines[1] == "so-lieu.xlsx:Sheet1!A1: error: the header needs period (found: indicator, '', value)"
    assert r.stdout == ""
    assert store_bytes(plan) == before


# --- Open SDG repositories --------------------------------------------------------------------

REPOSITORY = {
    "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
    "meta/1-1-1.md": """\
        ---
        indicator_name: Poverty rate
        auto_progress_calculation: true
        progress_calculation_options:
        - target: 5
          target_year: 2030
        ---
        """,
}


def _import_refused(tmp_path: Path, files: dict[str, str]) -> list[str]:
    """The error lines of an import of a repository of ``files``, which must be refused
    (exit 1, nothing on stdout) leaving no tracker behind."""
    repo = write_repository(tmp_path / "repo", {**REPOSITORY, **files})
    r = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2024-01-15")
    assert r.exit_code == 1, r.stderr
    assert r.stdout == ""
    assert not (tmp_path / "t").exists()
    return r.stderr.splitlines()


@pytest.mark.parametrize(
    ("config", "said"),
    [
        # A number where Open SDG's site configuration has a list of language codes.
        (
            "languages: 5\n",
            "config_data.yml:1: error: languages: 5 is not a list; write one item a line, e.g. 'languages:' then '  - en'",
        ),
        (
            "languages: [en]\nnon_disaggregation_columns: {a: 1}\n",
            "config_data.yml:2: error: non_disaggregation_columns: {'a': 1} is not a list; write one item a line, "
            "e.g. 'non_disaggregation_columns:' then '  - Units'",
        ),
        (
            "inputs: 5\n",
            "config_data.yml:1: error: inputs: 5 is not a list; write one item a line, e.g. 'inputs:' then "
            "'  - class: InputCsvData'",
        ),
        # An absolute pattern ended in pathlib's NotImplementedError; one with '..' read
        # files outside the repository: both are refused at the inputs: line.
        (
            "languages: [en]\ninputs:\n  - {class: InputCsvData, path_pattern: /etc/*.csv}\n",
            "config_data.yml:2: error: inputs: the path_pattern '/etc/*.csv' of class InputCsvData is not a file "
            "pattern inside the repository; write a relative pattern without '..', e.g. 'data/indicator_*.csv', "
            "or leave it out",
        ),
        (
            "inputs:\n  - {class: InputYamlMdMeta, path_pattern: ../meta/*.md}\n",
            "config_data.yml:1: error: inputs: the path_pattern '../meta/*.md' of class InputYamlMdMeta is not a "
            "file pattern inside the repository; write a relative pattern without '..', e.g. "
            "'data/indicator_*.csv', or leave it out",
        ),
        (
            "src_dir: [a]\n",
            "config_data.yml:1: error: src_dir: ['a'] is not a folder inside the repository; write a relative "
            "folder without '..', e.g. 'src_dir: site-data', or leave it out",
        ),
    ],
)
def test_a_site_configuration_of_the_wrong_shape_is_named_at_its_key(tmp_path: Path, config: str, said: str):
    assert _import_refused(tmp_path, {"config_data.yml": config}) == [said]


def test_yaml_nested_hundreds_deep_in_a_repository_is_one_message(tmp_path: Path):
    # 1000 '[' exhaust Python's stack in PyYAML (a RecursionError); the front matter's
    # first line is line 2 of the .md file, after its '---'.
    deep = "---\nindicator_name: " + "[" * 1000 + "\n---\n"
    assert _import_refused(tmp_path, {"meta/1-1-1.md": deep}) == [
        "meta/1-1-1.md:2: error: nested too deeply: lists or mappings hundreds of levels inside one another; "
        "Open SDG's metadata and configuration need only a few levels"
    ]


# --- the command line -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "option"),
    [
        # os.path.realpath and open() raise ValueError ("embedded null byte") on a NUL: a
        # shell never passes one, but a program driving qntrack (Typer's runner, a script
        # building argv from a file) can. Each is a malformed value: exit 2, named.
        (["--targets", "a\x00b.yaml", "status"], "--targets"),
        (["report", "-o", "a\x00b.md"], "--output"),
        (["export", "sdmx-csv", "-o", "a\x00b.csv"], "--output"),
        (["export", "opensdg", "--into", "a\x00b"], "--into"),
        (["import", "opensdg", ".", "--into", "a\x00b"], "--into"),
        (["add-observation", "--from", "a\x00b.csv"], "--from"),
        (["add-observation", "--from", "a\x00b.xlsx"], "--from"),
        (["show", "sh\x00are"], "TARGET_ID"),
    ],
)
def test_a_nul_character_in_a_command_line_value_is_a_usage_error(plan: Path, args: list[str], option: str):
    before = store_bytes(plan)
    r = run_clean(*args)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.splitlines() == [
        f"{option}: error: holds a NUL character (\\0), which no file name, id or value can hold; type it without"
    ]
    assert store_bytes(plan) == before


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["report", "--format", "markdown", "-o", "review.md/"], "review.md/"),
        (["export", "sdmx-csv", "-o", "figures.csv/"], "figures.csv/"),
    ],
)
def test_an_output_name_ending_in_a_slash_names_a_folder_that_does_not_exist(plan: Path, args: list[str], name: str):
    # pathlib drops a trailing '/', so 'review.md/' was written as the file review.md and
    # reported as "wrote review.md/". A name ending in '/' is a folder's (POSIX): one that
    # does not exist, which qntrack never creates (exit 2, README "Exit codes").
    r = run_clean(*args)
    assert r.exit_code == 2
    assert r.stdout == ""
    folder = name.rstrip("/")
    assert r.stderr.splitlines() == [
        f"{name}: error: folder '{folder}' does not exist, and qntrack does not create it: create it first, "
        "or give a path in an existing folder"
    ]
    assert sorted(p.name for p in plan.iterdir() if not p.name.startswith(".")) == ["observations.csv", "targets.yaml"]


def test_an_output_name_ending_in_a_slash_never_replaces_the_file_of_that_name(plan: Path):
    (plan / "review.md").write_text("my notes\n", encoding="utf-8")
    r = run_clean("report", "--format", "markdown", "-o", "review.md/", "--force")
    assert r.exit_code == 2
    assert (plan / "review.md").read_text(encoding="utf-8") == "my notes\n"


@pytest.mark.parametrize(
    ("line", "value", "kind"),
    [
        # YAML reads an unquoted 2020-02-30 as a date, which the calendar lacks: PyYAML's
        # constructor raised ValueError. So do a written tag it cannot build and year 0.
        ("last_updated: 2020-02-30", "2020-02-30", "timestamp"),
        ("last_updated: 0000-01-01", "0000-01-01", "timestamp"),
        ("page_size: !!int abc", "abc", "int"),
        ("published: !!bool maybe", "maybe", "bool"),
    ],
)
def test_a_yaml_scalar_its_tag_cannot_build_is_named_at_its_line(tmp_path: Path, line: str, value: str, kind: str):
    meta = "---\nindicator_name: Poverty rate\n" + line + "\nauto_progress_calculation: true\n---\n"
    # Front matter line 1 is the .md file's line 2; the scalar is on the front matter's line 2.
    assert _import_refused(tmp_path, {"meta/1-1-1.md": meta}) == [
        f"meta/1-1-1.md:3: error: '{value}' reads in YAML as a {kind} but is none (as 2020-02-30 is no day); "
        "put it in quotes if it is text, or correct it"
    ]


# --- targets.yaml -----------------------------------------------------------------------------


def test_a_plan_nested_too_deeply_names_the_line_where_the_nesting_is(plan: Path):
    # The fuzzer's case: a scalar replaced by 3000 '[' in a plan. The message named the
    # file only; the line is where the brackets pass 100 levels: line 3.
    (plan / "targets.yaml").write_text('version: 1\ntitle: "' + '"\nx: ' + "[" * 3000 + "\n", encoding="utf-8")
    r = run_clean("check")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == (
        "targets.yaml:3: error: nested too deeply: lists or mappings hundreds of levels inside one another; "
        "a plan needs only a few levels (docs/targets-format.md)"
    )


def test_a_repository_file_nested_too_deeply_names_the_line_of_the_nesting(tmp_path: Path):
    # Front matter from line 2 of the .md file; the brackets are on the front matter's
    # third line, the file's fourth.
    deep = "---\nindicator_name: Poverty rate\nauto_progress_calculation: true\nx: " + "{a: " * 1000 + "\n---\n"
    assert _import_refused(tmp_path, {"meta/1-1-1.md": deep}) == [
        "meta/1-1-1.md:4: error: nested too deeply: lists or mappings hundreds of levels inside one another; "
        "Open SDG's metadata and configuration need only a few levels"
    ]


# --- the library ------------------------------------------------------------------------------


def _nul_calls() -> list[tuple[str, Callable[[], object]]]:
    from qntrack.cli.export_opensdg import export_opensdg
    from qntrack.files.checks import run_checks
    from qntrack.files.importing import import_observations
    from qntrack.files.opensdg_run import import_opensdg
    from qntrack.files.workspace import open_workspace

    return [
        ("targets", lambda: open_workspace("a\x00b.yaml")),
        ("targets", lambda: run_checks("a\x00b.yaml")),
        ("source", lambda: import_observations("targets.yaml", "a\x00b.csv")),
        ("into", lambda: import_opensdg(".", "a\x00b")),
        ("into", lambda: export_opensdg("targets.yaml", "a\x00b")),
    ]


@pytest.mark.parametrize("k", range(5))
def test_a_nul_character_in_a_library_path_is_an_input_error(plan: Path, k: int):
    # The library's promise (docs/architecture.md): every problem an InputError; a NUL in
    # a path was os.path.realpath's or open()'s ValueError.
    where, call = _nul_calls()[k]
    with pytest.raises(InputError) as caught:
        call()
    assert caught.value.code == ExitCode.USAGE
    (problem,) = caught.value.problems
    assert str(problem.location) == where
    assert (
        problem.text("en")
        == f"{where}: error: holds a NUL character (\\0), which no file name, id or value can hold; type it without"
    )


@pytest.mark.parametrize(
    ("line", "code", "place", "what"),
    [
        # U+FFFE and U+FFFF, which YAML lets a double-quoted "\ufffe" write: a chart's SVG
        # (lxml) refused them with a ValueError in the middle of `report -o r.docx`.
        ('title: "Plan\\ufffe"', "FFFE", "2:8", "title"),
        ('title: "Plan\\uffff"', "FFFF", "2:8", "title"),
        # U+FDD0 is printable to YAML and may be typed as is; cairo, drawing the Word
        # report's charts, refused it as "not valid UTF-8".
        ("title: Plan\ufdd0", "FDD0", "2:8", "title"),
        ('title: "Plan\\U0001FFFE"', "1FFFE", "2:8", "title"),
    ],
)
def test_a_noncharacter_in_the_plan_is_refused_where_it_is(plan: Path, line: str, code: str, place: str, what: str):
    text = TARGETS.replace('title: "Fuzzed inputs"', line)
    (plan / "targets.yaml").write_text(text, encoding="utf-8")
    r = run_clean("report", "-o", "r.docx")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == (
        f"targets.yaml:{place}: error: {what} holds U+{code}, a noncharacter (Unicode keeps it for programs' "
        "own use, never as text), which a chart or a Word document cannot hold: remove it"
    )
    assert not (plan / "r.docx").exists()


@pytest.mark.parametrize(
    ("unit", "code"),
    [
        ('"%\\ufffe"', "FFFE"),
        # Typed as is in a plain scalar (line 10: TARGETS's share unit, after '    unit: '):
        # the Word report's chart of the target drew its
        # unit with cairo, which raised CairoError.
        ("'%\ufdd0'", "FDD0"),
        ("pct\ufdd0", "FDD0"),
    ],
)
def test_a_noncharacter_in_a_unit_of_measure_is_refused(plan: Path, unit: str, code: str):
    text = TARGETS.replace(
        '    name: "Manufacturing share"\n    unit: "%"', f'    name: "Manufacturing share"\n    unit: {unit}'
    )
    assert text != TARGETS
    (plan / "targets.yaml").write_text(text, encoding="utf-8")
    r = run_clean("report", "-o", "r.docx")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == (
        f"targets.yaml:10:11: error: indicator 'share': unit holds U+{code}, a noncharacter (Unicode keeps it for "
        "programs' own use, never as text), which a chart or a Word document cannot hold: remove it"
    )


# --- the store --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "observations.csv:3: error: not valid CSV: a cell longer than 131,072 characters (a quote never "
            "closed, or text that is no row of figures?)",
        ),
        (
            "vi",
            "observations.csv:3: lỗi: không phải CSV hợp lệ: một ô dài hơn 131.072 ký tự (một dấu ngoặc kép "
            "không được đóng, hay văn bản không phải một dòng số liệu?)",
        ),
    ],
)
def test_a_quote_never_closed_in_the_store_is_said_in_words(plan: Path, lang: str, said: str):
    # A hand probe's case: a quote opened in the source of line 3 and never closed; the cell
    # runs past the csv module's limit, whose English words ("field larger than field
    # limit (131072)") were shown as they came, in a Vietnamese message too.
    (plan / "observations.csv").write_text(START + 'share,2021,11,,"src' + "x" * 200_000 + "\n", encoding="utf-8")
    r = run_clean("--lang", lang, "status")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == said
