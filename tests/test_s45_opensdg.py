"""Session 45, pass O: the Open SDG round trip as a national SDG office's data manager
meets it (Statistics Canada's sample, then damaged copies of its files)."""

from __future__ import annotations

from pathlib import Path

from helpers import run_clean, write_repository


def _import(repo: Path, into: Path, *extra: str, day: str = "2025-06-30"):
    return run_clean(*extra, "import", "opensdg", str(repo), "--into", str(into), "--recorded-at", day)


def test_an_option_naming_a_column_whose_header_is_a_translation_key_says_the_translations_are_missing(
    tmp_path: Path,
):
    # Statistics Canada's headers are translation keys ("data.Leading causes of death
    # (ICD-10)"), its options name their English text ("Leading causes of death"): without
    # the site's translations/ folder no column has that name. docs/formats.md ("What the
    # sample needs") promises the note on translation keys there; it was left out, the
    # user told only the closest column, as if the option's field were misspelt.
    repo = write_repository(
        tmp_path / "repo",
        {
            "data/indicator_3-11-1.csv": """\
                "Year","data.Leading causes of death (ICD-10)","Value"
                "2015","data.Malignant neoplasms [C00-C97]",215.9
                "2016","data.Malignant neoplasms [C00-C97]",210.1
                "2015","data.Diabetes mellitus [E10-E14]",20.1
                """,
            "meta/3-11-1.md": """\
                ---
                indicator_name: Leading causes of death
                auto_progress_calculation: true
                progress_calculation_options:
                - direction: negative
                  disaggregation:
                  - field: Leading causes of death
                    value: Malignant neoplasms
                ---
                """,
        },
    )
    done = _import(repo, tmp_path / "tracker")
    assert done.exit_code == 1
    assert "needs its translations/ folder beside data/ and meta/" in done.stderr
    assert not (tmp_path / "tracker").exists()


def test_an_option_naming_a_misspelt_plain_column_is_still_told_without_the_note(tmp_path: Path):
    # The note is about translation keys: a plain header ("Sex") beside an option's
    # "Sexes" keeps the message without it (thirty-seventh session).
    repo = write_repository(
        tmp_path / "repo",
        {
            "data/indicator_1-1-1.csv": """\
                Year,Sex,Value
                2015,Female,1
                2016,Female,2
                2015,Male,3
                """,
            "meta/1-1-1.md": """\
                ---
                indicator_name: X
                auto_progress_calculation: true
                progress_calculation_options:
                - direction: negative
                  disaggregation:
                  - field: Sexes
                    value: Female
                ---
                """,
        },
    )
    done = _import(repo, tmp_path / "tracker")
    assert "translations/ folder" not in done.stderr


def _options_repo(tmp_path: Path, options: str, name: str = "meta/1-1-1.md") -> Path:
    front = "indicator_name: X\nauto_progress_calculation: true\nprogress_calculation_options:\n" + options
    text = ("---\n" + front + "---\n") if name.endswith(".md") else front
    repo = write_repository(
        tmp_path / "repo",
        {"data/indicator_1-1-1.csv": "Year,Sex,Value\n2015,,1\n2016,,2\n2015,Female,3\n2016,Female,4\n"},
    )
    (repo / name).parent.mkdir(parents=True, exist_ok=True)
    (repo / name).write_text(text, encoding="utf-8")
    return repo


def test_an_option_that_cannot_be_judged_is_said_at_its_line(tmp_path: Path):
    # formats.md, "All or nothing": every problem is listed with its file and line. An
    # option's was said at its file alone ("meta/1-1-1.md: error: ... item 2: ..."): in a
    # front matter of 60 fields and 14 options the user counted items by hand.
    repo = _options_repo(
        tmp_path,
        "- direction: negative\n"  # line 5
        "  target_year: 2030\n"
        "- direction: down\n"  # line 7: item 2
        "  target_year: 2030\n"
        "- target_year: 2030.5\n",  # line 9: item 3
    )
    done = _import(repo, tmp_path / "tracker")
    assert done.exit_code == 1
    said = done.stderr.splitlines()
    assert any(line.startswith("meta/1-1-1.md:7: error: progress_calculation_options item 2:") for line in said), said
    assert any(line.startswith("meta/1-1-1.md:9: error: progress_calculation_options item 3:") for line in said), said
    assert not (tmp_path / "tracker").exists()


def test_an_option_selecting_no_row_is_said_at_its_line_in_a_yml_metadata_file(tmp_path: Path):
    # meta/<inid>.yml is YAML from its first line (no front matter): item 2 is on line 5.
    repo = _options_repo(
        tmp_path,
        "- direction: negative\n"
        "- direction: negative\n"  # line 5
        "  disaggregation:\n"
        "  - {field: Sex, value: Male}\n",
        name="meta/1-1-1.yml",
    )
    done = _import(repo, tmp_path / "tracker")
    assert done.exit_code == 1
    assert "meta/1-1-1.yml:5: error: progress_calculation_options item 2: no row has Sex = 'Male'" in done.stderr


def test_a_key_indented_under_a_wrapped_value_is_said_at_its_own_line(tmp_path: Path):
    # Statistics Canada's front matter wraps long values ("... in Inuit\n  Nunangat"). A
    # key indented by mistake under such a value was said at the wrapped word's line, as a
    # key with no ':' ("write 'Nunangat: ' and its value, or delete the line"): following
    # it breaks the value above. The fault is the indented key's line (4).
    repo = write_repository(
        tmp_path / "repo",
        {
            "data/indicator_3-12-1.csv": "Year,Value\n2015,184.4\n2016,190.8\n",
            "meta/3-12-1.md": """\
                ---
                national_indicator_available: Tuberculosis incidence per 100,000 population in Inuit
                  Nunangat
                  target_name: Eliminate tuberculosis across Inuit Nunangat by 2030
                indicator_name: Tuberculosis incidence
                ---
                """,
        },
    )
    done = _import(repo, tmp_path / "tracker")
    assert done.exit_code == 1
    assert "Nunangat: " not in done.stderr
    assert done.stderr.startswith("meta/3-12-1.md:4:"), done.stderr
    assert "indentation" in done.stderr


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_an_export_over_an_earlier_one_that_fails_midway_leaves_the_folder_as_it_was(tmp_path: Path, monkeypatch):
    # The site's checkout, exported into before: a second export that the system stops at
    # its last file (a folder made read-only, a file locked by a sync client) left every
    # file before it replaced ("the folder was left as it was, or with some files replaced
    # by the new export's"): new metadata beside old data, a site half of one export and
    # half of the other. The brief of this pass: no partial write.
    import os

    from qntrack.files import opensdg_write

    def repo_with(value: str, name: str) -> Path:
        return write_repository(
            tmp_path / f"repo-{value}",
            {
                "data/indicator_1-1-1.csv": f"Year,Sex,Value\n2015,,10\n2020,,{value}\n2020,Female,7\n",
                "meta/1-1-1.md": f"---\nindicator_name: {name}\n---\n",
                "data/indicator_1-2-1.csv": "Year,Value\n2015,3\n2020,4\n",
                "meta/1-2-1.md": "---\nindicator_name: Other\n---\n",
            },
        )

    tracker, site = tmp_path / "tracker", tmp_path / "site"
    assert _import(repo_with("8", "Poverty rate"), tracker).exit_code == 0
    targets = str(tracker / "targets.yaml")
    assert run_clean("--targets", targets, "export", "opensdg", "--into", str(site)).exit_code == 0
    before = _snapshot(site)
    assert _import(repo_with("9", "Poverty share"), tracker, day="2025-07-30").exit_code == 0

    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if str(dst).endswith(opensdg_write.MARKER):
            raise PermissionError(13, "Permission denied", str(dst))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(opensdg_write.os, "replace", replace)
    done = run_clean("--targets", targets, "export", "opensdg", "--into", str(site))
    assert done.exit_code == 1
    assert "Traceback" not in done.output
    assert _snapshot(site) == before
    assert "nothing was written" in done.stderr, done.stderr
    assert not [p for p in site.iterdir() if p.name.endswith(".tmp")]


def test_an_import_whose_plan_cannot_be_replaced_adds_no_figure(tmp_path: Path, monkeypatch):
    # A second import (a new indicator on the site) into a tracker whose targets.yaml the
    # system will not replace (read-only on Windows, immutable, held by a sync client):
    # the figures were appended first, then the plan failed, and the store held 3 figures
    # of an indicator the old plan does not know: `check` said 3 errors, `status` warned
    # of rows it ignored, until a rerun. Nothing may be written when the plan cannot be.
    import os

    from qntrack.files import starter

    files = {
        "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
        "meta/1-1-1.md": "---\nindicator_name: Poverty rate\n---\n",
    }
    repo = write_repository(tmp_path / "repo", files)
    tracker = tmp_path / "tracker"
    assert _import(repo, tracker).exit_code == 0
    write_repository(repo, {"data/indicator_1-2-1.csv": "Year,Value\n2015,3\n2016,4\n2020,5\n"})
    before = _snapshot(tracker)
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if str(dst).endswith("targets.yaml"):
            raise PermissionError(13, "Permission denied", str(dst))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(starter.os, "replace", replace)
    done = _import(repo, tracker, day="2025-07-30")
    assert done.exit_code == 1
    assert _snapshot(tracker) == before
    assert "nothing was written" in done.stderr, done.stderr


def test_a_value_pandas_reads_as_text_is_not_imported_as_a_figure(tmp_path: Path):
    # Python's float() reads '1_000' as 1000 and Arabic-Indic or full-width digits as
    # digits; pandas' read_csv, with which sdg-build reads the file, takes neither for a
    # number (the Value column becomes text on the site): they were imported as figures
    # the site does not show. Refused at their line, as '184,4' is.
    for n, cell in enumerate(("1_000", "\u0661\u0662", "\uff11\uff12")):
        repo = write_repository(
            tmp_path / str(n) / "repo",
            {
                "data/indicator_3-12-1.csv": f"Year,Value\n2014,204.5\n2015,{cell}\n",
                "meta/3-12-1.md": "---\nindicator_name: TB\n---\n",
            },
        )
        done = _import(repo, tmp_path / str(n) / "tracker")
        assert done.exit_code == 1, (cell, done.stderr)
        assert done.stderr.startswith(f"data/indicator_3-12-1.csv:3: error: '{cell}' is not a number"), done.stderr
        assert not (tmp_path / str(n) / "tracker").exists()


def test_the_numbers_pandas_reads_are_still_figures(tmp_path: Path):
    repo = write_repository(
        tmp_path / "repo",
        {
            "data/indicator_3-12-1.csv": "Year,Value\n2014,1E+05\n2015,+5\n2016,.5\n2017,5.\n2018, 7 \n2019,-2.5e-3\n",
            "meta/3-12-1.md": "---\nindicator_name: TB\n---\n",
        },
    )
    done = _import(repo, tmp_path / "tracker")
    assert done.exit_code == 0, done.stderr
    assert "6 added" in done.stderr


def test_a_year_of_other_digits_is_refused_at_its_line_without_a_traceback(tmp_path: Path):
    # '201²' (a superscript typed for a footnote) passed str.isdigit() and ended the
    # import in a traceback (int() refuses it); '２０１５' (full-width, an input method's)
    # was imported as 2015, where pandas reads the Year as text and the site has no 2015.
    for n, year in enumerate(("201\u00b2", "\uff12\uff10\uff11\uff15", "\u0662\u0660\u0661\u0665")):
        repo = write_repository(
            tmp_path / str(n) / "repo",
            {
                "data/indicator_3-12-1.csv": f"Year,Value\n2014,204.5\n{year},184.4\n",
                "meta/3-12-1.md": "---\nindicator_name: TB\n---\n",
            },
        )
        done = _import(repo, tmp_path / str(n) / "tracker")
        assert done.exit_code == 1, (year, done.stderr)
        assert done.stderr.startswith(f"data/indicator_3-12-1.csv:3: error: Year '{year}'"), done.stderr
        assert not (tmp_path / str(n) / "tracker").exists()


def test_data_files_with_no_metadata_file_are_said(tmp_path: Path):
    # A checkout whose metadata is elsewhere (meta/ renamed, a site whose config reads
    # another folder) was imported in silence: 21 indicators, "0 target(s)", no word that
    # no metadata file was read, so no name, unit or progress option. Said as metadata
    # with no data file is said (hostile16_meta_without_data), naming the files.
    repo = write_repository(
        tmp_path / "repo",
        {
            "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
            "data/indicator_1-2-1.csv": "Year,Value\n2015,3\n2020,4\n",
            "meta/1-2-1.md": "---\nindicator_name: Other\n---\n",
        },
    )
    done = _import(repo, tmp_path / "tracker")
    assert done.exit_code == 0, done.stderr
    said = [line for line in done.stderr.splitlines() if "no metadata file" in line]
    assert said and "data/indicator_1-1-1.csv" in said[0] and "1-2-1" not in said[0], done.stderr
    assert "meta/1-1-1.md" in said[0]
    vi = _import(repo, tmp_path / "tracker-vi", "--lang", "vi")
    assert "data/indicator_1-1-1.csv" in vi.stderr and "no metadata file" not in vi.stderr


def test_a_data_or_meta_that_is_a_file_is_said_to_be_one(tmp_path: Path):
    # 'data' a file (a zip's folder saved as a file, a sync client's placeholder): the
    # import said "1 metadata file(s) and no data file: no indicator here has a figure yet
    # (reporting_status: notstarted)", a cause the site does not have; 'meta' a file left
    # every indicator without metadata.
    for name, other in (("data", "meta/1-1-1.md"), ("meta", "data/indicator_1-1-1.csv")):
        files = {
            "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
            "meta/1-1-1.md": "---\nindicator_name: X\n---\n",
        }
        repo = write_repository(tmp_path / name / "repo", {other: files[other], name: "not a folder\n"})
        done = _import(repo, tmp_path / name / "tracker")
        assert done.exit_code == 1, (name, done.stderr)
        assert done.stderr.startswith(f"{name}: error: a file, not a folder"), done.stderr
        assert "notstarted" not in done.stderr
        assert not (tmp_path / name / "tracker").exists()


def test_a_cell_with_a_space_before_or_after_it_is_said(tmp_path: Path):
    # pandas (sdg-build) keeps the spaces of a cell: 'Females ' (a spreadsheet's trailing
    # space) is another value than 'Females' on the site, a series of its own, and an
    # option naming Females judges the years without it. qntrack read one unit, in
    # silence, and judged a year the site does not: said at the cell's line, with the count.
    repo = write_repository(
        tmp_path / "repo",
        {
            "data/indicator_3-5-1.csv": (
                'Year,Sex,Value\n2015,"Females ",25.6\n2016,Females,26\n2020,Females,30\n'
                "2015,Males,20\n2016, Males ,21\n"
            ),
            "meta/3-5-1.md": (
                "---\nindicator_name: Activity\nauto_progress_calculation: true\n"
                "progress_calculation_options:\n- direction: positive\n  target: 40\n"
                "  disaggregation:\n  - {field: Sex, value: Females}\n---\n"
            ),
        },
    )
    done = _import(repo, tmp_path / "tracker")
    assert done.exit_code == 0, done.stderr
    said = [line for line in done.stderr.splitlines() if "space before or after" in line]
    assert len(said) == 1, done.stderr
    assert said[0].startswith("data/indicator_3-5-1.csv:2: warning: 'Females ' has a space before or after it"), said
    assert "(2 such cell(s) in this file)" in said[0]
    vi = _import(repo, tmp_path / "tracker-vi", "--lang", "vi")
    assert "data/indicator_3-5-1.csv:2:" in vi.stderr and "space before" not in vi.stderr


def test_a_translation_file_that_is_no_mapping_is_said(tmp_path: Path):
    # translations/en/data.yml written as a list ('- Sex: Sex', a dash too many) gave no
    # translation, in silence: the import then stopped at options naming translated text,
    # told that the translations/ folder was missing although it is there.
    repo = write_repository(
        tmp_path / "repo",
        {
            "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
            "meta/1-1-1.md": "---\nindicator_name: X\n---\n",
            "translations/en/data.yml": "- Sex: Sex\n- Female: Female\n",
        },
    )
    done = _import(repo, tmp_path / "tracker")
    assert done.exit_code == 0, done.stderr
    assert "translations/en/data.yml:1: warning: not a mapping" in done.stderr, done.stderr


def test_options_that_are_no_list_are_said_at_their_key(tmp_path: Path):
    repo = write_repository(
        tmp_path / "repo",
        {
            "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
            "meta/1-1-1.md": (
                "---\nindicator_name: X\nauto_progress_calculation: true\n"
                "progress_calculation_options:\n  direction: negative\n  target: 5\n---\n"
            ),
        },
    )
    done = _import(repo, tmp_path / "tracker")
    assert done.exit_code == 1
    assert done.stderr.startswith("meta/1-1-1.md:4: error: progress_calculation_options must be a list"), done.stderr


def test_excel_s_separator_line_is_named(tmp_path: Path):
    # 'sep=,' on line 1 (Excel writes it to open a CSV in any locale) is the header to
    # sdg-build: the import said "no 'Year' column (this header has: sep=, )".
    repo = write_repository(
        tmp_path / "repo",
        {
            "data/indicator_1-1-1.csv": "sep=,\nYear,Value\n2015,10\n2020,8\n",
            "meta/1-1-1.md": "---\nindicator_name: X\n---\n",
        },
    )
    done = _import(repo, tmp_path / "tracker")
    assert done.exit_code == 1
    assert done.stderr.startswith("data/indicator_1-1-1.csv:1: error: line 1 is 'sep=,'"), done.stderr
    assert "delete the line" in done.stderr


def test_a_column_name_with_a_space_before_or_after_it_is_said(tmp_path: Path):
    # pandas keeps a header's spaces: 'Value ' is no Value column to sdg-build, 'Sex ' no
    # Sex column for an option to name. qntrack read them without the spaces, in silence.
    repo = write_repository(
        tmp_path / "repo",
        {
            "data/indicator_1-1-1.csv": "Year,Sex ,Value \n2015,,10\n2020,,8\n2020,Female,7\n",
            "meta/1-1-1.md": "---\nindicator_name: X\n---\n",
        },
    )
    done = _import(repo, tmp_path / "tracker")
    assert done.exit_code == 0, done.stderr
    said = [line for line in done.stderr.splitlines() if line.startswith("data/indicator_1-1-1.csv:1: warning:")]
    assert len(said) == 2, done.stderr
    assert "column 'Sex '" in said[0] and "column 'Value '" in said[1], said
