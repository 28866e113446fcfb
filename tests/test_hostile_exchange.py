"""Issue 16's exchange features attacked as a hostile user would (`import opensdg`,
`export opensdg`, `export sdmx-csv`, `of:` and `type: open_sdg` in a hand-written plan).
Each test below was written failing first. What was attacked and held, one line each:

- a BOM and CRLF line ends in a data file: read as plain UTF-8 lines.
- a `;`-separated data file: one message, naming the file and the header it has.
- a quoted number ("10") is read; "1,234.5" is refused, with its line.
- an empty data file, a repository that is a file or is missing, a folder with no data/:
  one message each, exit 1.
- a data file without metadata: imported with its id as name and no target.
- metadata as `.yml` instead of `.md`: read the same.
- Year `2015.0` and ` 2015` read as 2015 (the label kept in the note); `FY2015` refused.
- a unit name of 300 characters: refused at its line; control characters read as spaces;
  `[ ] ; =` replaced (said); a Vietnamese name composed (NFC) and decomposed (NFD) is one unit.
- columns named `status`, `Source`: dimensions named "status (Open SDG)", "Source (Open SDG)".
- a FIFO, or a folder, where a data, metadata, config or translation file is expected:
  one message naming it, exit 1, no hang.
- a file never committed in a git checkout: refused unless --recorded-at.
- --into inside the repository (also through a symbolic link): refused.
- a targets.yaml the user wrote: refused without --force; --dry-run writes nothing and a
  real import after it writes what it said.
- two imports into one folder at once: the lock serialises them; one adds every figure,
  the other none, `qntrack check` clean.
- SIGINT during a 59,000-figure import: nothing or everything written; the rerun imports all.
- export opensdg into the plan's folder, into the repository (not empty, no mark), into a
  file: refused, exit 2; the export re-imported gives the same statuses and scores.
- export sdmx-csv of units holding `(`, `,`, `:` and Vietnamese letters read back by
  `add-observation --from` gives the same `status --format json`.
- `of:` with a unit not declared, a dimension the indicator lacks, a list, a bare string,
  a number, with `for_each`, on an indicator without dimensions: one message, every command.
- `direction: POSITIVE`, a target on a derived indicator, base_year after all the data,
  target 0 (read as 0.001, as sdg-build does), limit with a target, a negative target:
  status, show, check, rank, history, observations, report html/markdown/docx/xlsx
  without a traceback.
- re-imports: twice (nothing added), after a revision (a new vintage), after a row is
  deleted (kept and counted); a targets.yaml the import wrote and the user edited is
  rewritten (its first lines say so).
- a data file whose Year cells are `2015.0`, a Progress column, a subfolder of a git
  repository (dates and uncommitted changes found relative to it), a renamed data file.
- 10,000 disaggregation values (20,002 figures): import 2.1 s, status 1.0 s, check 1.1 s,
  export sdmx-csv 3.6 s, export opensdg 0.7 s, report html 1.3 s.
- add-observation --from an SDMX-CSV file with a BOM and CRLF, `;` and a decimal comma,
  a period with spaces, a unit in small letters: read; `1e400`, `-inf`, a column twice,
  a derived indicator, two figures of one moment: one message each.
- export opensdg over an export edited by hand: its files rewritten, other files kept.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from helpers import run_clean, write_repository

BASIC = {
    "config_data.yml": "languages:\n  - en\n",
    "data/indicator_1-1-1.csv": """\
        Year,Sex,Units,Value
        2015,,Percent,10
        2016,,Percent,9
        2020,,Percent,8
        2015,Female,Percent,12
        2020,Female,Percent,13
        """,
    "meta/1-1-1.md": """\
        ---
        indicator_name: Poverty rate
        computation_units: Percent
        auto_progress_calculation: true
        progress_calculation_options:
        - target: 5
          target_year: 2030
        ---
        """,
}


def _import(repo: Path, into: Path, *more: str):
    return run_clean("import", "opensdg", str(repo), "--into", str(into), *more)


def _with_data(tmp_path: Path, data: str) -> Path:
    return write_repository(tmp_path / "repo", {**BASIC, "data/indicator_1-1-1.csv": data})


# --- import: the data files -------------------------------------------------------------


def test_a_column_named_twice_is_refused_not_read_from_the_last_copy(tmp_path: Path):
    # Found: "Year,Units,Value,Year" recorded 2019 and 2020 (the second Year column), and
    # "Value,Value " the second column's 99 and 98: figures the site never showed.
    for n, header, row1, row2 in (
        (1, "Year,Units,Value,Year", "2015,Percent,10,2019", "2016,Percent,9,2020"),
        (2, "Year,Units,Value,Value ", "2015,Percent,10,99", "2016,Percent,9,98"),
    ):
        repo = _with_data(tmp_path / str(n), f"{header}\n{row1}\n{row2}\n")
        done = _import(repo, tmp_path / str(n) / "t", "--recorded-at", "2024-01-15")
        assert done.exit_code == 1, done.stderr
        column = header.split(",")[-1].strip()
        assert f"data/indicator_1-1-1.csv:1: error: the column '{column}' is in the header twice" in done.stderr
        assert not (tmp_path / str(n) / "t").exists()


def test_a_value_too_large_for_a_number_is_named_as_written(tmp_path: Path):
    # Found: 1e400 was read as infinity and refused as "'inf' is not a number", a text
    # the file does not hold.
    repo = _with_data(tmp_path, "Year,Units,Value\n2015,Percent,10\n2016,Percent,1e400\n")
    done = _import(repo, tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 1
    assert "data/indicator_1-1-1.csv:3: error: '1e400' is not a number" in done.stderr
    assert "'inf'" not in done.stderr


def test_two_indicator_ids_that_become_one_are_refused_at_the_second_file(tmp_path: Path):
    # Found: 1-1-1 and 1_1_1 are both qntrack's 1_1_1; the second silently replaced the
    # first's entry and the import failed on "targets.yaml:34:3: duplicate target id", a
    # file the user never saw (it is not written).
    files = {
        **BASIC,
        "data/indicator_1_1_1.csv": BASIC["data/indicator_1-1-1.csv"],
        "meta/1_1_1.md": BASIC["meta/1-1-1.md"],
    }
    repo = write_repository(tmp_path / "repo", files)
    done = _import(repo, tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 1
    assert (
        "data/indicator_1_1_1.csv: error: indicator '1_1_1' would be qntrack's '1_1_1', "
        "as indicator '1-1-1' (data/indicator_1-1-1.csv) is" in done.stderr
    )
    assert "targets.yaml" not in done.stderr
    skipped = _import(repo, tmp_path / "t", "--recorded-at", "2024-01-15", "--skip-bad")
    assert skipped.exit_code == 0, skipped.stderr
    assert "indicator 1_1_1 was left out" in skipped.stderr


def _git(repo: Path, *args: str, when: str = "2024-03-01T10:00:00+00:00") -> None:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@x",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@x",
        GIT_AUTHOR_DATE=when,
        GIT_COMMITTER_DATE=when,
    )
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


def test_a_data_file_changed_since_its_last_commit_is_not_dated_by_that_commit(tmp_path: Path):
    # Found: an uncommitted edit (2020: 8 -> 6) was recorded as published on the date of
    # the last commit, which never held it; a later import then failed with "give each
    # vintage its own recorded_at", which the user cannot do.
    repo = write_repository(tmp_path / "repo", BASIC)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "data")
    data = repo / "data" / "indicator_1-1-1.csv"
    data.write_text(data.read_text(encoding="utf-8").replace("2020,,Percent,8", "2020,,Percent,6"), encoding="utf-8")
    done = _import(repo, tmp_path / "t")
    assert done.exit_code == 1
    assert "data/indicator_1-1-1.csv: error: this file has changes that are not committed" in done.stderr
    assert not (tmp_path / "t").exists()
    # With the date the edit was published, it is recorded on that date.
    dated = _import(repo, tmp_path / "t", "--recorded-at", "2024-06-01")
    assert dated.exit_code == 0, dated.stderr
    rows = (tmp_path / "t" / "observations.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert all(r.endswith("2024-06-01T00:00:00Z") for r in rows) and len(rows) == 5


def test_recorded_at_before_the_years_of_the_figures_is_one_message_per_file(tmp_path: Path):
    # Found: one error per row (88 on the sample), each ending "--force records it as it
    # is", but import's --force replaces a plan and records nothing.
    repo = _with_data(tmp_path, "Year,Units,Value\n2015,Percent,10\n2025,Percent,9\n2026,Percent,8\n")
    done = _import(repo, tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 1
    assert "--force" not in done.stderr
    assert done.stderr.count("error:") == 1, done.stderr
    assert (
        "data/indicator_1-1-1.csv:3: error: 2 figure(s) are of years that had not begun on "
        "2024-01-15, the date they are recorded at" in done.stderr
    )


# --- import: where it writes -------------------------------------------------------------


def test_into_a_file_is_one_message_naming_it(tmp_path: Path):
    # Found: "afile/observations.csv.pending: error: cannot read the append journal: Not a
    # directory", naming a file that does not exist.
    repo = write_repository(tmp_path / "repo", BASIC)
    (tmp_path / "afile").write_text("mine\n", encoding="utf-8")
    for more in ((), ("--dry-run",)):
        done = _import(repo, tmp_path / "afile", "--recorded-at", "2024-01-15", *more)
        assert done.exit_code == 2
        assert f"{tmp_path / 'afile'}: error: not a folder: --into names the folder" in done.stderr
        assert "pending" not in done.stderr
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine\n"


# --- a hand-written plan -----------------------------------------------------------------

PLAN = """\
version: 1
title: T
dimensions:
  sex:
    name: Sex
    values: [Female, Male]
indicators:
  p:
    name: P
    unit: "%"
    direction: decrease
    dimensions: [sex]
targets:
"""
STORE = """\
indicator,period,value,status,source,note,recorded_at
p,2015,10,,,,2024-01-01T00:00:00Z
p,2020,8,,,,2024-01-01T00:00:00Z
"""


def test_a_target_year_not_after_the_base_year_is_refused(tmp_path: Path):
    # Found: base_year 2015, target_year 2014, target 5 was judged "limited_progress" with
    # a score (the required growth over -1 years is +100 %), and `show` ended in a
    # traceback (ValueError: min() arg is an empty sequence) for base 2020, target 2018.
    for base, year in ((2015, 2014), (2020, 2018), (2015, 2015)):
        (tmp_path / "targets.yaml").write_text(
            PLAN + f"  - {{id: x, type: open_sdg, indicator: p, base_year: {base}, target_year: {year}, target: 5}}\n",
            encoding="utf-8",
        )
        (tmp_path / "observations.csv").write_text(STORE, encoding="utf-8")
        for command in (("status",), ("show", "x"), ("check",)):
            done = run_clean("--targets", str(tmp_path / "targets.yaml"), *command)
            assert done.exit_code == 1, (command, done.stdout)
            assert f"target_year {year} is not after base_year {base}" in done.stderr
    # Open SDG's default base year is 2015: a target by 2015 alone is refused too.
    (tmp_path / "targets.yaml").write_text(
        PLAN + "  - {id: x, type: open_sdg, indicator: p, target_year: 2015, target: 5}\n", encoding="utf-8"
    )
    done = run_clean("--targets", str(tmp_path / "targets.yaml"), "status")
    assert done.exit_code == 1 and "target_year 2015 is not after base_year 2015" in done.stderr


def test_an_import_option_with_its_target_year_not_after_its_base_year_names_the_metadata(tmp_path: Path):
    meta = BASIC["meta/1-1-1.md"].replace("- target: 5", "- target: 5\n          base_year: 2031")
    repo = write_repository(tmp_path / "repo", {**BASIC, "meta/1-1-1.md": meta})
    done = _import(repo, tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 1
    assert "meta/1-1-1.md:6: error: progress_calculation_options item 1: target_year 2030 is not after" in done.stderr
    assert "targets.yaml" not in done.stderr


def test_show_of_a_base_that_fell_back_past_the_target_year_has_no_traceback(tmp_path: Path):
    # Found: `show` ended in "ValueError: min() arg is an empty sequence" when the base
    # year falls back (no figure from 2010) to 2015, after the target year 2012.
    (tmp_path / "targets.yaml").write_text(
        PLAN + "  - {id: x, type: open_sdg, indicator: p, base_year: 2010, target_year: 2012, target: 5}\n",
        encoding="utf-8",
    )
    (tmp_path / "observations.csv").write_text(STORE, encoding="utf-8")
    done = run_clean("--targets", str(tmp_path / "targets.yaml"), "show", "x")
    assert done.exit_code == 0, done.stderr
    assert "From 10% in 2015 to 8% in 2020" in done.stdout


# --- export sdmx-csv ---------------------------------------------------------------------


def test_a_unit_named_like_sdmx_total_is_not_exported_as_the_total(tmp_path: Path):
    # Found: a unit `_T` (declared, or in an open list) was written `_T`, SDMX's code for
    # the total; read back, its figures became the total's, and the import of the export
    # failed with "already given on line 2" (or, into a store without the total, recorded
    # 40 as the total). Since the twenty-sixth session a declared `_T` is written `T`, as a
    # `_Z` is written `Z` (one rule for SDMX's reserved codes, tests/test_sdmx26.py); in an
    # open list, with no declaration to read `T` back from, it is refused as `_Z` is.
    for values in ("[Female, _T]", None):
        dims = PLAN.replace("    values: [Female, Male]\n", f"    values: {values}\n" if values else "")
        (tmp_path / "targets.yaml").write_text(dims, encoding="utf-8")
        (tmp_path / "observations.csv").write_text(STORE + "p[sex=_T],2015,40,,,,2024-01-01T00:00:00Z\n", "utf-8")
        done = run_clean(
            "--targets", str(tmp_path / "targets.yaml"), "export", "sdmx-csv", "-o", str(tmp_path / "s.csv")
        )
        if values:
            assert done.exit_code == 0, done.stderr
            assert ",p,T,2015,40," in (tmp_path / "s.csv").read_text(encoding="utf-8")
            (tmp_path / "s.csv").unlink()
            continue
        assert done.exit_code == 1, done.stdout
        assert "the unit '_T' of dimension 'sex' is not an SDMX code" in done.stderr
        assert not (tmp_path / "s.csv").exists()


# --- re-importing ------------------------------------------------------------------------


def test_figures_the_repository_no_longer_has_stay_declared_in_the_plan(tmp_path: Path):
    # Found: the import said "2 figure(s) in force are no longer in the repository: kept",
    # but the rewritten targets.yaml no longer declared their unit (Female) or, for a
    # renamed indicator file, their indicator: `check` failed ("'Female' is not a unit of
    # 'sex'", "unknown indicator") and every command ignored the kept figures.
    repo = _with_data(tmp_path, BASIC["data/indicator_1-1-1.csv"] + "        2015,Male,Percent,5\n")
    into = tmp_path / "t"
    assert _import(repo, into, "--recorded-at", "2024-01-15").exit_code == 0
    data = repo / "data" / "indicator_1-1-1.csv"
    data.write_text(
        "".join(line for line in data.read_text(encoding="utf-8").splitlines(True) if "Female" not in line),
        encoding="utf-8",
    )
    second = _import(repo, into, "--recorded-at", "2024-02-01")
    assert second.exit_code == 0, second.stderr
    assert "2 figure(s) in force are no longer in the repository: kept" in second.stderr
    check = run_clean("--targets", str(into / "targets.yaml"), "check")
    assert check.exit_code == 0, check.stderr
    shown = run_clean("--targets", str(into / "targets.yaml"), "observations", "--format", "csv")
    assert "1_1_1[sex=Female;units=Percent],2020,13" in shown.stdout, shown.stdout
    # The indicator's file renamed (1-1-1 -> 1-1-9): 1_1_1 stays, with its figures.
    data.rename(repo / "data" / "indicator_1-1-9.csv")
    (repo / "meta" / "1-1-1.md").rename(repo / "meta" / "1-1-9.md")
    third = _import(repo, into, "--recorded-at", "2024-03-01")
    assert third.exit_code == 0, third.stderr
    assert "1 indicator(s) no longer in the repository (1_1_1) are kept in targets.yaml" in third.stderr
    check = run_clean("--targets", str(into / "targets.yaml"), "check")
    assert check.exit_code == 0, check.stderr
    status = run_clean("--targets", str(into / "targets.yaml"), "status", "--format", "json")
    assert [t["id"] for t in __import__("json").loads(status.stdout)["targets"]] == ["1-1-9"]


def test_metadata_without_a_data_file_is_said(tmp_path: Path):
    # Found: meta/2-2-2.md asking for progress, with no data/indicator_2-2-2.csv (a file
    # misnamed, or not yet added), was passed over without a word: the user could not tell
    # an indicator was missing from the tracker.
    files = {**BASIC, "meta/2-2-2.md": BASIC["meta/1-1-1.md"], "meta/3-3-3.yml": "indicator_name: X\n"}
    repo = write_repository(tmp_path / "repo", files)
    done = _import(repo, tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 0, done.stderr
    assert "2 metadata file(s) have no data file and were not imported: meta/2-2-2.md, meta/3-3-3.yml" in done.stderr
    assert "imported 1 indicator(s) and 1 target(s)" in done.stderr


def test_a_header_two_columns_translate_to_or_a_column_without_a_name(tmp_path: Path):
    # Found: "Sex" and "data.Sex" (both "Sex" once translated), or a column with no name
    # holding cells, stopped the import with errors at "targets.yaml:23:7" ("dimension 'sex'
    # is given twice", "name must not be empty"): a file the import had not written.
    cases = {
        "Year,Sex,data.Sex,Units,Value\n2015,,,Percent,10\n2016,Female,Male,Percent,3\n": (
            "data/indicator_1-1-1.csv:1: error: the column 'Sex' is in the header twice (columns 2 and 3)"
        ),
        "Year,,Units,Value\n2015,,Percent,10\n2020,x,Percent,8\n": (
            "data/indicator_1-1-1.csv:1: error: column 2 has no name"
        ),
    }
    for n, (data, said) in enumerate(cases.items()):
        repo = _with_data(tmp_path / str(n), data)
        done = _import(repo, tmp_path / str(n) / "t", "--recorded-at", "2024-01-15")
        assert done.exit_code == 1
        assert said in done.stderr
        assert "targets.yaml" not in done.stderr
    # A column with no name and no cell (a trailing comma on every line) is nothing to read.
    repo = _with_data(tmp_path / "3", "Year,Units,Value,,\n2015,Percent,10,,\n2020,Percent,8,,\n")
    done = _import(repo, tmp_path / "3" / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 0, done.stderr
    assert "2 added" in done.stderr


def test_an_option_with_an_infinite_number_or_a_year_out_of_range_names_the_metadata(tmp_path: Path):
    # Found: `target: .inf`, `limit: .nan` and `base_year: 99999` stopped the import with
    # errors at lines of the targets.yaml it had not written.
    for n, (setting, said) in enumerate(
        {
            "target: .inf": "target: 'inf' is not a number",
            "limit: .nan": "limit: 'nan' is not a number",
            "base_year: 99999": "base_year: '99999' is not a year",
            "base_year: -5": "base_year: '-5' is not a year",
        }.items()
    ):
        meta = BASIC["meta/1-1-1.md"].replace("- target: 5", f"- target: 5\n          {setting}")
        meta = meta.replace("target: 5\n          target: .inf", "target: .inf")
        repo = write_repository(tmp_path / str(n) / "repo", {**BASIC, "meta/1-1-1.md": meta})
        done = _import(repo, tmp_path / str(n) / "t", "--recorded-at", "2024-01-15")
        assert done.exit_code == 1
        assert f"meta/1-1-1.md:6: error: progress_calculation_options item 1: {said}" in done.stderr, done.stderr
        assert "targets.yaml" not in done.stderr


# --- export opensdg ----------------------------------------------------------------------


def test_a_file_in_the_way_of_an_export_is_named(tmp_path: Path):
    # Found: with a file where the export's meta/ folder goes, the message named only the
    # export's folder ("ex: error: cannot write the Open SDG repository: File exists").
    (tmp_path / "targets.yaml").write_text(PLAN + "  - {id: y, type: open_sdg, indicator: p}\n", encoding="utf-8")
    (tmp_path / "observations.csv").write_text(STORE, encoding="utf-8")
    into = tmp_path / "ex"
    first = run_clean("--targets", str(tmp_path / "targets.yaml"), "export", "opensdg", "--into", str(into))
    assert first.exit_code == 0, first.stderr
    for path in (into / "meta").iterdir():
        path.unlink()
    (into / "meta").rmdir()
    (into / "meta").write_text("in the way\n", encoding="utf-8")
    done = run_clean("--targets", str(tmp_path / "targets.yaml"), "export", "opensdg", "--into", str(into))
    assert done.exit_code == 1
    assert done.stderr.startswith(f"{into / 'meta'}"), done.stderr
    assert (into / "meta").read_text(encoding="utf-8") == "in the way\n"


def test_skip_bad_leaves_out_an_indicator_whose_files_cannot_be_read(tmp_path: Path):
    # Found: --skip-bad left out indicators with a bad row or option, but stopped the whole
    # import when an indicator's data file was not UTF-8 or had no Year column (exit 1,
    # "--skip-bad" ignored), and at a folder or FIFO where its data or metadata file goes.
    broken = {
        "not utf-8": ("data/indicator_2-2-2.csv", b"\xff\xfeY\x00e\x00"),
        "no Year": ("data/indicator_2-2-2.csv", b"Value\n1\n"),
        "meta folder": ("meta/2-2-2.md", None),
        "data fifo": ("data/indicator_2-2-2.csv", "fifo"),
    }
    for n, (name, content) in enumerate(broken.values()):
        repo = write_repository(tmp_path / str(n) / "repo", BASIC)
        (repo / "data" / "indicator_2-2-2.csv").write_text("Year,Value\n2015,1\n", encoding="utf-8")
        path = repo / name
        if path.exists():
            path.unlink()
        if content is None:
            path.mkdir()
        elif content == "fifo":
            os.mkfifo(path)
        else:
            path.write_bytes(content)  # type: ignore[arg-type]
        done = _import(repo, tmp_path / str(n) / "t", "--recorded-at", "2024-01-15", "--skip-bad")
        assert done.exit_code == 0, (name, done.stderr)
        assert "indicator 2-2-2 was left out (--skip-bad)" in done.stderr
        assert f"{name}" in done.stderr and "warning" in done.stderr
        assert "imported 1 indicator(s) and 1 target(s)" in done.stderr
        # Without --skip-bad: refused, naming the file.
        refused = _import(repo, tmp_path / str(n) / "u", "--recorded-at", "2024-01-15")
        assert refused.exit_code == 1 and name in refused.stderr


def test_control_characters_in_names_and_headers_are_read_as_spaces(tmp_path: Path):
    # Found: a BEL (U+0007) in a column header or in indicator_name stopped the import with
    # "targets.yaml:8:11: error: ... name holds a control character": a file not written.
    # Cells with one were already read with a space in its place; names are read the same.
    data = BASIC["data/indicator_1-1-1.csv"].replace("Sex", "Se\x07x", 1)
    meta = BASIC["meta/1-1-1.md"].replace("indicator_name: Poverty rate", 'indicator_name: "Pov\\x07erty rate"')
    repo = write_repository(tmp_path / "repo", {**BASIC, "data/indicator_1-1-1.csv": data, "meta/1-1-1.md": meta})
    done = _import(repo, tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 0, done.stderr
    plan = (tmp_path / "t" / "targets.yaml").read_text(encoding="utf-8")
    assert "name: Pov erty rate" in plan and "name: Se x" in plan


def test_columns_or_cells_that_differ_only_in_case_are_one_dimension_or_refused(tmp_path: Path):
    # Found: "Sex" in one data file and "sex" in another became dimensions 'sex' and
    # 'sex_2', which targets.yaml refuses ("its name 'sex' is also a name of dimension
    # 'sex'") at lines of the file not written. They are one dimension now.
    files = {
        **BASIC,
        "data/indicator_2-2-2.csv": "Year,sex,Value\n2015,,4\n2015,female,3\n",
    }
    repo = write_repository(tmp_path / "repo", files)
    done = _import(repo, tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 0, done.stderr
    assert "2_2_2[sex=Female],2015,3" in (tmp_path / "t" / "observations.csv").read_text(encoding="utf-8")
    # Both in one file: refused at the header, as a column named twice.
    repo = _with_data(tmp_path / "b", "Year,Sex,sex,Value\n2015,,,10\n2015,F,,1\n2015,,M,2\n")
    done = _import(repo, tmp_path / "b" / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 1
    assert "data/indicator_1-1-1.csv:1: error: the column 'sex' is in the header twice (columns 2 and 3)" in done.stderr
    # Found: cells "Female" and "female" for one year, one unit in qntrack, were both
    # recorded at the same moment with different figures: a store `check` refuses.
    repo = _with_data(tmp_path / "c", "Year,Sex,Value\n2015,,10\n2015,Female,1\n2015,female,2\n")
    done = _import(repo, tmp_path / "c" / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 1
    assert "data/indicator_1-1-1.csv:4: error: 'female' and 'Female' (line 3) are one unit in qntrack" in done.stderr, (
        done.stderr
    )


def test_a_plan_the_import_made_but_cannot_read_back_is_said_as_such(tmp_path: Path):
    # Found (several cases above, each fixed): a repository the import made a plan of that
    # targets.yaml's rules refuse stopped with errors at lines of a targets.yaml that does
    # not exist. Whatever case is left is now introduced as what it is. The case here: a
    # column "status" (renamed "status (Open SDG)": a store column's name) beside a column
    # "status (Open SDG)".
    data = "Year,status,status (Open SDG),Value\n2015,,,10\n2015,a,,1\n2015,,b,2\n"
    repo = _with_data(tmp_path, data)
    done = _import(repo, tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 1
    first = done.stderr.splitlines()[0]
    assert first.startswith(f"{repo}: error: the plan made from this repository is one qntrack refuses"), first
    assert not (tmp_path / "t").exists()


def test_a_dimension_is_named_in_vietnamese_from_the_sites_translations(tmp_path: Path):
    # Found: with `languages: [en, vi]` and translations/vi/data.yml giving "Sex: Giới
    # tính", the header `data.Sex` became a dimension named "Sex" only: the Vietnamese label
    # was looked up for the already translated "Sex", not for the key "data.Sex".
    files = {
        **BASIC,
        "config_data.yml": "languages:\n  - en\n  - vi\n",
        "translations/en/data.yml": "Sex: Sex\n",
        "translations/vi/data.yml": "Sex: Giới tính\n",
        "data/indicator_1-1-1.csv": BASIC["data/indicator_1-1-1.csv"].replace("Year,Sex,", "Year,data.Sex,"),
    }
    repo = write_repository(tmp_path / "repo", files)
    done = _import(repo, tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 0, done.stderr
    import yaml

    plan = yaml.safe_load((tmp_path / "t" / "targets.yaml").read_text(encoding="utf-8"))
    assert plan["dimensions"]["sex"]["name"] == {"en": "Sex", "vi": "Giới tính"}


def test_a_recorded_at_in_the_future_is_one_message(tmp_path: Path):
    # Found: --recorded-at 2999-01-01 gave one error per row ("recorded_at ... is in the
    # future"), each at a line of the data file, where nothing is wrong.
    repo = write_repository(tmp_path / "repo", BASIC)
    done = _import(repo, tmp_path / "t", "--recorded-at", "2999-01-01")
    assert done.exit_code == 2
    assert done.stderr.count("error:") == 1, done.stderr
    assert done.stderr.startswith("--recorded-at: error: 2999-01-01 is in the future")
    assert not (tmp_path / "t").exists()


def test_recorded_at_in_a_git_checkout_says_which_files_it_dates(tmp_path: Path):
    # Found: in a git checkout, --recorded-at 2020-05-01 was silently not used for the
    # committed files (dated by their commits): the user believed every figure dated 2020.
    repo = write_repository(tmp_path / "repo", BASIC)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "data")
    done = _import(repo, tmp_path / "t", "--recorded-at", "2024-06-01")
    assert done.exit_code == 0, done.stderr
    assert "--recorded-at dates only the data files not committed: 1 file(s) are dated by their last commit" in (
        done.stderr
    )
    rows = (tmp_path / "t" / "observations.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert all(r.endswith("2024-03-01T10:00:00Z") for r in rows)


def test_two_cells_that_differ_only_in_how_their_letters_are_composed_are_said_as_such(tmp_path: Path):
    # Found by a hostile pass: 'Hạ Long' and 'Hạ Long' (one with its tone mark as a
    # separate character, as some exports write it) were said to differ "in case, spacing
    # or the place of a tone mark", which no reader can see in two identical-looking names.
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Hạ Long")
    repo = _with_data(tmp_path / "c", f"Year,Locality,Value\n2015,,10\n2015,Hạ Long,1\n2015,{decomposed},2\n")
    done = _import(repo, tmp_path / "c" / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 1
    assert "data/indicator_1-1-1.csv:4: error:" in done.stderr, done.stderr
    assert "look the same" in done.stderr and "separate accent" in done.stderr, done.stderr


# --- observations and history as TSV, read back (a hostile pass on the output paths) ----


def _store_row(tracker: Path, row: str) -> None:
    store = tracker / "observations.csv"
    store.write_bytes(store.read_bytes() + row.encode("utf-8") + b"\n")


def test_a_tsv_cell_starting_with_a_quote_reads_back_as_written(tracker: Path):
    # A source typed as '"Báo cáo" số 5' is a source add-observation stores. Printed in TSV
    # as it is, a reader (qntrack's import, pandas, the csv module) takes the quote for the
    # opening of a quoted cell: '"whole"' came back as 'whole', a new source, and
    # '"Báo cáo" số 5' was refused as bad CSV, so `observations --format tsv | add-observation
    # --from -` failed on the store's own figures.
    import csv
    import io

    from typer.testing import CliRunner

    from qntrack.cli import app

    _store_row(tracker, 'mining,2021,16.9,estimate,"""Báo cáo"" số 5","""whole""",2021-10-15T00:00:00Z')
    _store_row(tracker, 'mining,2022,16.5,estimate,"5"" screen",,2022-10-15T00:00:00Z')
    runner = CliRunner()
    tsv = runner.invoke(app, ["observations", "--indicator", "mining", "--format", "tsv"])
    assert tsv.exit_code == 0, tsv.output
    rows = list(csv.reader(io.StringIO(tsv.stdout, newline=""), delimiter="\t"))
    assert [r[4:6] for r in rows[-2:]] == [['"Báo cáo" số 5', '"whole"'], ['5" screen', ""]]
    back = runner.invoke(app, ["add-observation", "--from", "-", "--dry-run"], input=tsv.stdout)
    assert back.exit_code == 0, back.output
    assert "would add 0 row(s)" in back.stderr
    history = runner.invoke(app, ["history", "mining", "--format", "tsv"]).stdout
    cells = list(csv.reader(io.StringIO(history, newline=""), delimiter="\t"))
    assert ['"Báo cáo" số 5', '"whole"'] in [r[3:5] for r in cells]


def test_a_line_feed_before_a_formula_is_no_way_around_the_apostrophe_in_tsv(tracker: Path):
    # TSV turns a line feed into a space, and spreadsheets skip leading spaces before they
    # decide a cell is a formula: a note "\n=HYPERLINK(...)" (a hand edit) was printed as
    # " =HYPERLINK(...)", which a spreadsheet runs.
    from typer.testing import CliRunner

    from qntrack.cli import app
    from qntrack.files.textfiles import formula_like

    _store_row(tracker, 'mining,2021,16.9,estimate,"\n@SUM(A1)","\r\n=HYPERLINK(""x"")",2021-10-15T00:00:00Z')
    for command in (["observations", "--indicator", "mining"], ["history", "mining"]):
        out = CliRunner().invoke(app, [*command, "--format", "tsv"])
        assert out.exit_code == 0, out.output
        cells = [c for line in out.stdout.split("\n") for c in line.split("\t")]
        assert not [c for c in cells if formula_like(c)], out.stdout
        assert "' @SUM(A1)" in cells and '\'  =HYPERLINK("x")' in cells


def test_observations_of_a_plan_with_a_derived_indicator_import_back_adding_nothing(tracker: Path):
    # `observations --format csv` lists a derived indicator's figures (source "= formula",
    # note "derived"), and add-observation refused each as a derived indicator's row: the
    # store's own listing, imported back, failed instead of adding nothing
    # (docs/observations-format.md). A row typed for it by hand is still refused.
    from typer.testing import CliRunner

    from qntrack.cli import app

    plan = tracker / "targets.yaml"
    derived = '  gap:\n    name: "Gap"\n    unit: "points"\n    direction: decrease\n    formula: "mining - share"\n'
    plan.write_text(plan.read_text(encoding="utf-8").replace("targets:\n", derived + "targets:\n", 1), encoding="utf-8")
    _store_row(tracker, "share,2020,10.5,official,src-h,,2021-01-10T00:00:00Z")
    runner = CliRunner()
    listed = runner.invoke(app, ["observations", "--format", "csv"])
    assert listed.exit_code == 0, listed.output
    assert "gap,2020,6.8" in listed.stdout and "'= mining - share,derived" in listed.stdout
    for fmt in ("csv", "tsv"):
        text = runner.invoke(app, ["observations", "--format", fmt]).stdout
        back = runner.invoke(app, ["add-observation", "--from", "-", "--dry-run"], input=text)
        assert back.exit_code == 0, back.output
        assert "would add 0 row(s)" in back.stderr and "1 row(s) of derived" in back.stderr, back.stderr
    typed = "indicator,period,value,status,source,note,recorded_at\ngap,2021,3,estimate,s,,2021-10-15T00:00:00Z\n"
    refused = runner.invoke(app, ["add-observation", "--from", "-", "--dry-run"], input=typed)
    assert refused.exit_code == 1 and "is derived" in refused.stderr, refused.output


def test_export_takes_lang_as_every_other_command_does(tracker: Path):
    # `qntrack export sdmx-csv --lang vi` was a usage error ("no such option --lang"), the
    # one command of the exchange round trip without it; the file written is the same.
    from typer.testing import CliRunner

    from qntrack.cli import app

    runner = CliRunner()
    plain = runner.invoke(app, ["export", "sdmx-csv"])
    vi = runner.invoke(app, ["export", "sdmx-csv", "--lang", "vi"])
    assert vi.exit_code == 0, vi.output
    assert vi.stdout == plain.stdout
    refused = runner.invoke(app, ["export", "sdmx-csv", "--lang", "vi", "-o", "x.xlsx"])
    assert refused.exit_code == 2 and "x.xlsx: lỗi:" in refused.stderr, refused.output
    written = runner.invoke(app, ["export", "sdmx-csv", "-o", "x.csv", "--lang", "VI"])
    assert written.exit_code == 0 and written.stderr.startswith("đã ghi"), written.output


def test_an_sdmx_export_holds_no_formula_a_spreadsheet_would_run(tracker: Path):
    # A source or note that a spreadsheet runs (a hand edit, in force though `check` calls
    # it an error) gets an apostrophe in `observations --format csv`, but was written as it
    # is into the SDMX-CSV file, which is CSV that people open in a spreadsheet too.
    import csv
    import io

    from typer.testing import CliRunner

    from qntrack.cli import app
    from qntrack.files.textfiles import formula_like

    _store_row(tracker, 'mining,2021,16.9,estimate,"=HYPERLINK(""http://x"")",@SUM(A1),2021-10-15T00:00:00Z')
    runner = CliRunner()
    out = runner.invoke(app, ["export", "sdmx-csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.reader(io.StringIO(out.stdout, newline="")))
    assert not [c for r in rows for c in r if formula_like(c)], out.stdout
    assert ['\'=HYPERLINK("http://x")', "'@SUM(A1)"] in [r[-3:-1] for r in rows]
    listed = runner.invoke(app, ["observations", "--indicator", "mining", "--format", "csv"]).stdout
    assert list(csv.reader(io.StringIO(listed, newline="")))[-1][4:6] == [r[-3:-1] for r in rows if "2021" in r][-1]


def test_an_export_of_hand_edited_sources_imports_back_adding_nothing(tracker: Path):
    # A source typed into the store by hand with spaces around it, or as a formula (in force,
    # though `check` calls that an error), is listed as stored; an import trims the cell and
    # puts the formula behind its apostrophe, so the same figure came back with "another"
    # source at the same moment, and the round trip was refused ("already on line N with
    # another figure") instead of adding nothing.
    from typer.testing import CliRunner

    from qntrack.cli import app

    _store_row(tracker, "mining,2021,16.9,estimate, Cục Thống kê ,,2021-10-15T00:00:00Z")
    _store_row(tracker, "mining,2022,16.5,estimate,=SUM(A1),,2022-10-15T00:00:00Z")
    runner = CliRunner()
    for command in (["observations", "--format", "csv"], ["observations", "--format", "tsv"], ["export", "sdmx-csv"]):
        text = runner.invoke(app, command).stdout
        back = runner.invoke(app, ["add-observation", "--from", "-", "--dry-run"], input=text)
        assert back.exit_code == 0, (command, back.output)
        assert "would add 0 row(s)" in back.stderr, (command, back.stderr)
    # A row that differs is still a vintage of its own, refused at the stored one's moment
    # (the value is the same: the message names the cell that differs, test_hostile_sdg).
    other = "indicator,period,value,status,source,note,recorded_at\nmining,2021,16.9,estimate,Cục Thống kê 2,,2021-10-15T00:00:00Z\n"
    refused = runner.invoke(app, ["add-observation", "--from", "-", "--dry-run"], input=other)
    assert refused.exit_code == 1 and "same value (16.9) but another source" in refused.stderr, refused.output


def test_a_unit_a_spreadsheet_would_run_is_neutralised_in_sdmx_and_comes_back(tmp_path: Path, monkeypatch):
    # A unit is a column of its own in SDMX-CSV; "@a" or "-Bac" (the plan refuses only the
    # key's characters) was written as it is, and a spreadsheet opening the file ran it.
    # It is written behind an apostrophe, and an import of the file reads the unit back.
    import csv
    import io

    from typer.testing import CliRunner

    from qntrack.cli import app
    from qntrack.files.textfiles import formula_like

    monkeypatch.chdir(tmp_path)
    (tmp_path / "targets.yaml").write_text(
        "version: 1\n"
        "dimensions:\n  locality:\n    name: L\n    values: ['-Bac', '@a', Ha, '-2']\n"
        "indicators:\n  g: {name: G, unit: '%', measure: level, direction: increase, frequency: year,"
        " dimensions: [locality]}\n"
        "targets:\n  - {id: t, type: level, indicator: g, baseline: 2020, milestones: [{by: 2025, value: 10}]}\n",
        encoding="utf-8",
    )
    (tmp_path / "observations.csv").write_text(
        "indicator,period,value,status,source,note,recorded_at\n"
        "g[locality=-Bac],2023,5,,,,2024-01-01T00:00:00Z\n"
        "g[locality=@a],2023,6,,,,2024-01-01T00:00:00Z\n"
        "g[locality=-2],2023,7,,,,2024-01-01T00:00:00Z\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    out = runner.invoke(app, ["export", "sdmx-csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.reader(io.StringIO(out.stdout, newline="")))
    assert not [c for r in rows for c in r if formula_like(c)], out.stdout
    # Twenty-fourth session: each unit as its SDMX code (docs/formats.md), which no
    # spreadsheet runs: an id cannot start with '-' or '@' there, so the name's letters.
    assert [r[4] for r in rows[1:]] == ["BAC", "A", "2"]
    back = runner.invoke(app, ["add-observation", "--from", "-", "--dry-run"], input=out.stdout)
    assert back.exit_code == 0, back.output
    assert "would add 0 row(s), 3 already recorded" in back.stderr, back.stderr


def test_force_into_another_trackers_folder_is_refused_while_its_figures_would_go_unread(tmp_path: Path):
    # Found (SDG-office pass): --force replaced the tracker's own targets.yaml and appended
    # the repository's figures to its store; its own figures were then of no indicator the
    # plan knew, and `check` failed with one error a row.
    repo = write_repository(tmp_path / "repo", BASIC)
    mine = tmp_path / "mine"
    mine.mkdir()
    plan = "version: 1\nindicators:\n  growth: {name: Growth, unit: '%'}\ntargets: []\n"
    store = "indicator,period,value,status,source,note,recorded_at\ngrowth,2024,8.5,,,,2025-01-05T00:00:00Z\n"
    (mine / "targets.yaml").write_text(plan, encoding="utf-8")
    (mine / "observations.csv").write_text(store, encoding="utf-8")
    done = _import(repo, mine, "--recorded-at", "2024-01-15", "--force")
    assert done.exit_code == 1, done.output
    assert "observations.csv: error:" in done.stderr and "1 row(s)" in done.stderr and "growth" in done.stderr
    assert (mine / "targets.yaml").read_text(encoding="utf-8") == plan
    assert (mine / "observations.csv").read_text(encoding="utf-8") == store
    # Into its own folder, a later import with --force is still fine.
    fresh = _import(repo, tmp_path / "fresh", "--recorded-at", "2024-01-15")
    assert fresh.exit_code == 0, fresh.stderr
    again = _import(repo, tmp_path / "fresh", "--recorded-at", "2024-01-15", "--force")
    assert again.exit_code == 0, again.stderr
