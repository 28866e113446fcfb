"""A national statistics office publishing SDG progress with Open SDG (issue 17,
twenty-second session): the everyday slips of an office's data repository met by `import
opensdg`, each said once with its file, its line and what would be read (docs/decisions.md,
"Publishing SDG progress with Open SDG"). Expected values are worked out by hand from the
small repositories written here."""

from __future__ import annotations

from pathlib import Path

from helpers import run_clean, write_repository

_META = """\
    ---
    indicator_name: Poverty rate
    auto_progress_calculation: true
    progress_calculation_options:
    - direction: negative
      target: 5
    ---
    """


def _import(tmp_path: Path, files: dict[str, str], *extra: str):
    repo = write_repository(tmp_path / "repo", files)
    return run_clean(
        *extra, "import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01"
    )


def _nothing_written(tmp_path: Path) -> None:
    # All or nothing: the folder --into names is not even made.
    assert not (tmp_path / "t").exists()


# --- 1. one indicator's files named with dots and with dashes -----------------------------


def test_a_data_file_named_with_dots_beside_its_metadata_with_dashes_is_refused(tmp_path: Path):
    # indicator_1.1.1.csv and meta/1-1-1.md: Open SDG's ids are the names, '1.1.1' and
    # '1-1-1', two indicators on the site (one page with figures and no metadata, one
    # with metadata and no figures); qntrack's id of both is 1_1_1. The import took the
    # figures as an indicator named '1.1.1' with no target and said only that the
    # metadata "has no data file": the target (5 by 2030) was lost. Now refused, both
    # files named, with the names that are read as one (dashes, Open SDG's ids).
    files = {
        "data/indicator_1.1.1.csv": "Year,Value\n2015,10\n2020,8\n",
        "meta/1-1-1.md": _META,
    }
    done = _import(tmp_path, files)
    assert done.exit_code == 1, done.stderr
    assert "data/indicator_1.1.1.csv: error:" in done.stderr
    assert "meta/1-1-1.md" in done.stderr
    assert "'1.1.1'" in done.stderr and "'1-1-1'" in done.stderr
    assert "data/indicator_1-1-1.csv and meta/1-1-1.md" in done.stderr
    _nothing_written(tmp_path)
    vi = _import(tmp_path, files, "--lang", "vi")
    assert vi.exit_code == 1
    assert "data/indicator_1.1.1.csv: lỗi:" in vi.stderr
    assert "data/indicator_1-1-1.csv và meta/1-1-1.md" in vi.stderr


def test_metadata_named_with_dots_beside_a_data_file_with_dashes_is_refused(tmp_path: Path):
    # The other way round: meta/1.1.1.md beside data/indicator_1-1-1.csv. By hand: the
    # same one qntrack id 1_1_1, the same two Open SDG ids; the data file is named.
    files = {
        "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
        "meta/1.1.1.md": _META,
    }
    done = _import(tmp_path, files)
    assert done.exit_code == 1, done.stderr
    assert "data/indicator_1-1-1.csv: error:" in done.stderr
    assert "meta/1.1.1.md" in done.stderr
    assert "data/indicator_1-1-1.csv and meta/1-1-1.md" in done.stderr
    _nothing_written(tmp_path)


def test_skip_bad_leaves_out_the_indicator_whose_files_are_named_apart(tmp_path: Path):
    # --skip-bad imports the rest: 1-2-1's two figures, 1_1_1 left out (nothing of it).
    files = {
        "data/indicator_1.1.1.csv": "Year,Value\n2015,10\n2020,8\n",
        "meta/1-1-1.md": _META,
        "data/indicator_1-2-1.csv": "Year,Value\n2015,3\n2020,4\n",
        "meta/1-2-1.md": "---\nindicator_name: Other\n---\n",
    }
    repo = write_repository(tmp_path / "repo", files)
    done = run_clean(
        "import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01", "--skip-bad"
    )
    assert done.exit_code == 0, done.stderr
    store = (tmp_path / "t" / "observations.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in store[1:]] == ["1_2_1", "1_2_1"]


# --- 2. a column pandas named for want of a header ----------------------------------------


def test_a_column_pandas_called_unnamed_is_refused_at_the_header(tmp_path: Path):
    # A file read with pandas and written back with to_csv (index left on) starts with a
    # column 'Unnamed: 0' holding 0, 1, 2, 3. It was imported as a dimension 'Unnamed: 0'
    # whose units are the row numbers, so the headline 2015 = 10 became the figure of a
    # unit '0' and the indicator had no total (with an option, the import stopped on "no
    # headline rows"). Now refused at line 1, the column named, with what to do.
    files = {
        "data/indicator_1-1-1.csv": "Unnamed: 0,Year,Sex,Value\n0,2015,,10\n1,2020,,8\n2,2015,Female,11\n",
        "meta/1-1-1.md": "---\nindicator_name: Poverty rate\n---\n",
    }
    done = _import(tmp_path, files)
    assert done.exit_code == 1, done.stderr
    assert "data/indicator_1-1-1.csv:1: error: column 1 is named 'Unnamed: 0'" in done.stderr
    assert "index=False" in done.stderr
    assert "no headline" not in done.stderr
    _nothing_written(tmp_path)
    vi = _import(tmp_path, files, "--lang", "vi")
    assert "data/indicator_1-1-1.csv:1: lỗi: cột 1 có tên 'Unnamed: 0'" in vi.stderr


# --- 3. a copy of a data file beside it ---------------------------------------------------


def test_a_copy_of_a_data_file_is_refused_naming_the_file_it_copies(tmp_path: Path):
    # A browser or a drive saves a second download as 'indicator_1-1-1 (1).csv', Windows
    # Explorer a copy as 'indicator_1-1-1 - Copy.csv'. Each was imported as an indicator
    # of its own ('1_1_1_1', named '1-1-1 (1)'), and Open SDG would build a page for it.
    # Now each copy is refused, naming the file it copies; nothing is imported.
    files = {
        "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
        "data/indicator_1-1-1 (1).csv": "Year,Value\n2015,10\n2020,7\n",
        "data/indicator_1-1-1 - Copy.csv": "Year,Value\n2015,10\n",
        "meta/1-1-1.md": _META,
    }
    done = _import(tmp_path, files)
    assert done.exit_code == 1, done.stderr
    assert "data/indicator_1-1-1 (1).csv: error:" in done.stderr
    assert "data/indicator_1-1-1 - Copy.csv: error:" in done.stderr
    assert done.stderr.count("a copy of data/indicator_1-1-1.csv") == 2
    _nothing_written(tmp_path)
    vi = _import(tmp_path, files, "--lang", "vi")
    assert vi.stderr.count("bản sao của data/indicator_1-1-1.csv") == 2


def test_a_file_whose_name_only_looks_like_a_copy_is_read(tmp_path: Path):
    # 'indicator_1-1-1 (1).csv' alone (no indicator_1-1-1.csv) copies nothing here: it is
    # read as before, an indicator '1-1-1 (1)' (Open SDG's id is the name).
    files = {"data/indicator_3-2 (1).csv": "Year,Value\n2015,10\n"}
    done = _import(tmp_path, files)
    assert done.exit_code == 0, done.stderr


# --- 4. one unit spelled two ways: where ---------------------------------------------------


def test_a_unit_spelled_two_ways_is_said_with_its_file_line_and_spellings(tmp_path: Path):
    # Line 2 writes 'Female', line 3 'female', line 4 'Female' again: one cell (line 3)
    # is written otherwise than the first. The summary counted it but named no file, line
    # or spelling, so an office with twenty files could not find it. By hand: the first
    # such cell is data/indicator_1-2-1.csv:3 'female', where line 2 has 'Female'.
    files = {
        "data/indicator_1-2-1.csv": "Year,Sex,Value\n2015,Female,1\n2016,female,2\n2017,Female,3\n",
        "meta/1-2-1.md": "---\nindicator_name: Poverty\n---\n",
    }
    done = _import(tmp_path, files)
    assert done.exit_code == 0, done.stderr
    assert "1 cell(s) write a unit otherwise than an earlier cell of their file" in done.stderr
    assert "the first: data/indicator_1-2-1.csv:3 writes 'female', line 2 'Female'" in done.stderr
    vi = _import(tmp_path, files, "--lang", "vi")
    assert "ô đầu tiên: data/indicator_1-2-1.csv:3 ghi 'female', dòng 2 ghi 'Female'" in vi.stderr


# --- 5. an export into the site's checkout keeps the site's own metadata ------------------


_SITE_META = """\
    ---
    national_indicator_description: This indicator measures the share of persons in low
      income.
    indicator_name: Old name
    data_start_values:
    - field: Sex
      value: Female
    graph_type: bar
    graph_target_lines:
    - value: 5
    sdg_goal: '1'
    progress_status: deterioration
    ---
    Some words of the indicator's page.
    """


def _site_and_tracker(tmp_path: Path) -> tuple[Path, Path]:
    """A tracker imported from a small repository, and the site's checkout (with its own
    metadata for 1-1-1) to export it into."""
    files = {
        "data/indicator_1-1-1.csv": "Year,Sex,Value\n2015,,10\n2020,,8\n2015,Female,11\n2020,Female,9\n",
        "meta/1-1-1.md": _META,
    }
    done = _import(tmp_path, files)
    assert done.exit_code == 0, done.stderr
    site = write_repository(
        tmp_path / "site",
        {"meta/1-1-1.md": _SITE_META, "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n", "README.md": "site\n"},
    )
    return tmp_path / "t" / "targets.yaml", site


def _front(text: str) -> tuple[dict, str]:
    import yaml

    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body


def test_an_export_into_the_sites_checkout_keeps_the_metadata_fields_it_does_not_write(tmp_path: Path):
    # `export opensdg --force` into the checkout of the site's data repository (formats.md:
    # "a folder taken over with --force loses nothing but the files replaced") replaced
    # meta/1-1-1.md with the export's ten fields: the site's national description, its
    # data_start_values, target lines, goal and page text were gone from the site. By hand,
    # what the file should hold after the export: the plan's fields (indicator_name
    # 'Poverty rate', its progress option: negative, target 5), the site's fields the
    # export does not write kept as they were (description, data_start_values, target
    # lines, sdg_goal '1', graph_type bar: the site's choice of chart), the site's stale
    # progress_status gone (the option is computed: auto_progress_calculation true), and
    # the page's text after the front matter kept.
    targets, site = _site_and_tracker(tmp_path)
    done = run_clean("--targets", str(targets), "export", "opensdg", "--into", str(site), "--force")
    assert done.exit_code == 0, done.stderr
    text = (site / "meta" / "1-1-1.md").read_text(encoding="utf-8")
    meta, body = _front(text)
    assert meta["indicator_name"] == "Poverty rate"
    assert meta["national_indicator_description"] == "This indicator measures the share of persons in low income."
    assert meta["data_start_values"] == [{"field": "Sex", "value": "Female"}]
    assert meta["graph_target_lines"] == [{"value": 5}]
    assert meta["sdg_goal"] == "1"
    assert meta["graph_type"] == "bar"
    assert meta["auto_progress_calculation"] is True
    assert meta["progress_calculation_options"][0]["target"] == 5
    assert "progress_status" not in meta
    assert body == "Some words of the indicator's page.\n"
    assert "kept the site's own fields of 1 metadata file(s) (meta/1-1-1.md)" in done.stderr
    # A second export into the same folder writes the same bytes (stable).
    again = run_clean("--targets", str(targets), "export", "opensdg", "--into", str(site))
    assert again.exit_code == 0, again.stderr
    assert (site / "meta" / "1-1-1.md").read_text(encoding="utf-8") == text


def test_an_export_into_a_new_folder_writes_the_metadata_as_before(tmp_path: Path):
    # No site's file: the export's own fields alone, and no word of fields kept.
    targets, _ = _site_and_tracker(tmp_path)
    done = run_clean("--targets", str(targets), "export", "opensdg", "--into", str(tmp_path / "new"))
    assert done.exit_code == 0, done.stderr
    meta, body = _front((tmp_path / "new" / "meta" / "1-1-1.md").read_text(encoding="utf-8"))
    assert meta["graph_type"] == "line" and "sdg_goal" not in meta and body == ""
    assert "kept the site's own fields" not in done.stderr
    vi = run_clean(
        "--lang", "vi", "--targets", str(targets), "export", "opensdg", "--into", str(tmp_path / "site"), "--force"
    )
    assert "giữ các trường riêng của trang trong 1 tệp siêu dữ liệu (meta/1-1-1.md)" in vi.stderr


# --- 6. a Year written as a span or a quarter goes back to the site as it was -------------


def test_a_year_written_as_a_span_is_exported_as_the_site_wrote_it(tmp_path: Path):
    # Statistics Canada's 3-4-1 writes fiscal years ('2016/2017'), 1-3-1 quarters ('2023 Q4').
    # Open SDG reads each by its first four characters (2016), and so does the import,
    # keeping the label in the figure's note ('... (Year 2016/2017)'). The export wrote
    # '2016', so the site's chart, table and download said 2016 where it had said
    # 2016/2017. By hand: the three labels come back as written, and a figure added since
    # (2018, typed with add-observation, no label) is written '2018'; Open SDG reads all
    # four by their first four characters, the same years as before.
    files = {
        "data/indicator_3-4-1.csv": "Year,Value\n2015/2016,8.1\n2016/2017,8.2\n2017/2018,8.0\n",
        "meta/3-4-1.md": "---\nindicator_name: Alcohol\n---\n",
    }
    done = _import(tmp_path, files)
    assert done.exit_code == 0, done.stderr
    targets = str(tmp_path / "t" / "targets.yaml")
    added = run_clean("--targets", targets, "add-observation", "3_4_1", "2018", "7.9", "--recorded-at", "2025-12-01")
    assert added.exit_code == 0, added.stderr
    out = run_clean("--targets", targets, "export", "opensdg", "--into", str(tmp_path / "site"))
    assert out.exit_code == 0, out.stderr
    data = (tmp_path / "site" / "data" / "indicator_3-4-1.csv").read_text(encoding="utf-8")
    assert data == "Year,Value\n2015/2016,8.1\n2016/2017,8.2\n2017/2018,8\n2018,7.9\n"


# --- 7. an Open SDG data file given to add-observation --from ----------------------------


def test_an_open_sdg_data_file_given_to_add_observation_says_what_reads_it(tmp_path: Path, monkeypatch):
    # An office with a plan of its own passes the site's data/indicator_1-1-1.csv to
    # add-observation --from. It was told "unknown column 'year'", then "the header needs
    # indicator, period": nothing said the file is Open SDG's, read by `import opensdg`, or
    # how to make it a file add-observation reads. Now one message at line 1 says so.
    (tmp_path / "targets.yaml").write_text(
        "version: 1\ntitle: Office\nindicators:\n  '1_1_1':\n    name: Poverty\n    unit: '%'\ntargets: []\n",
        encoding="utf-8",
    )
    (tmp_path / "indicator_1-1-1.csv").write_text("Year,Sex,Value\n2015,,10\n2016,,9\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    done = run_clean("add-observation", "--from", "indicator_1-1-1.csv")
    assert done.exit_code == 1, done.stderr
    lines = [line for line in done.stderr.splitlines() if "error:" in line]
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("indicator_1-1-1.csv:1: error: an Open SDG data file (Year, Sex, Value)")
    assert "qntrack import opensdg" in lines[0]
    assert "rename Year to period" in lines[0]
    assert not (tmp_path / "observations.csv").exists()
    vi = run_clean("--lang", "vi", "add-observation", "--from", "indicator_1-1-1.csv")
    assert "tệp dữ liệu Open SDG (Year, Sex, Value)" in vi.stderr


# --- 8. a data file the site's own pattern does not read ----------------------------------


def test_a_data_file_the_sites_pattern_passes_over_is_named(tmp_path: Path):
    # Statistics Canada's config_data.yml reads data/*-*.csv. A file named with dots
    # (indicator_1.1.1.csv) or with no dash (indicator_fdi.csv) is read by neither Open SDG
    # nor qntrack, and the import said nothing of it (only, for 1.1.1, that meta/1-1-1.md
    # "has no data file"). By hand: 1-2-1 is read (2 figures); the two others are named,
    # with the pattern, in one warning; exit 0, as Open SDG builds the site without them.
    files = {
        "config_data.yml": "inputs:\n  - class: InputCsvData\n    path_pattern: data/*-*.csv\n",
        "data/indicator_1-2-1.csv": "Year,Value\n2015,3\n2020,4\n",
        "data/indicator_1.1.1.csv": "Year,Value\n2015,10\n",
        "data/indicator_fdi.csv": "Year,Value\n2015,10\n",
        "meta/1-2-1.md": "---\nindicator_name: Other\n---\n",
    }
    done = _import(tmp_path, files)
    assert done.exit_code == 0, done.stderr
    assert (
        "2 data file(s) are not read, as the site reads data/*-*.csv (config_data.yml's path_pattern, else "
        "sdg-build's default): "
        "data/indicator_1.1.1.csv, data/indicator_fdi.csv"
    ) in done.stderr
    assert "figures: 2 added" in done.stderr
    vi = _import(tmp_path / "v", files, "--lang", "vi")
    assert "2 tệp dữ liệu không được đọc, vì trang đọc data/*-*.csv" in vi.stderr


def test_a_year_pandas_wrote_as_a_float_is_exported_as_the_year(tmp_path: Path):
    # A file saved by pandas from a float column says '2015.0': Open SDG and the import read
    # 2015 (its first four characters), and the note keeps '(Year 2015.0)'. That label is a
    # slip, not the site's way of writing a period: the export writes 2015 and 2016.
    files = {
        "data/indicator_1-1-1.csv": "Year,Value\n2015.0,10\n2016.0,9\n",
        "meta/1-1-1.md": "---\nindicator_name: Poverty\n---\n",
    }
    done = _import(tmp_path, files)
    assert done.exit_code == 0, done.stderr
    targets = str(tmp_path / "t" / "targets.yaml")
    out = run_clean("--targets", targets, "export", "opensdg", "--into", str(tmp_path / "site"))
    assert out.exit_code == 0, out.stderr
    data = (tmp_path / "site" / "data" / "indicator_1-1-1.csv").read_text(encoding="utf-8")
    assert data == "Year,Value\n2015,10\n2016,9\n"


# --- 9. a cell Open SDG reads as empty -----------------------------------------------------


def test_a_disaggregation_written_na_is_refused_as_open_sdg_reads_it_empty(tmp_path: Path):
    # sdg-build reads the data with pandas, which takes 'NA', 'N/A', 'null', 'None', ... as
    # no value: Sex 'NA' (not applicable; or North America in a Region column) is an empty
    # cell on the site, so lines 4 and 5 are headline rows there, 2015 has two headline
    # figures (10 and 3) and Open SDG's build stops ("Duplicate value for year 2015"). The
    # import made 'NA' a unit and judged the headline 10 -> 12, a result the site never
    # shows. Now refused at each such line, the column and cell named, with what to write.
    files = {
        "data/indicator_1-1-1.csv": "Year,Sex,Value\n2015,,10\n2020,,12\n2015,NA,3\n2020,N/A,4\n2015,Female,5\n",
        "meta/1-1-1.md": _META,
    }
    done = _import(tmp_path, files)
    assert done.exit_code == 1, done.stderr
    assert "data/indicator_1-1-1.csv:4: error: Sex 'NA' is read by Open SDG (pandas) as an empty cell" in done.stderr
    assert "data/indicator_1-1-1.csv:5: error: Sex 'N/A' is read by Open SDG (pandas) as an empty cell" in done.stderr
    assert ":6:" not in done.stderr  # 'Female' is a unit as before
    _nothing_written(tmp_path)
    vi = _import(tmp_path, files, "--lang", "vi")
    assert "data/indicator_1-1-1.csv:4: lỗi: Sex 'NA' được Open SDG (pandas) đọc là ô trống" in vi.stderr


def test_a_unit_open_sdg_would_read_as_empty_is_not_exported(tmp_path: Path, monkeypatch):
    # The other way: a plan's region 'NA' (North America) written in a data file is an
    # empty cell on the site, its figure taken for the total's (formats.md). The export
    # wrote it. Now refused at the unit's line in targets.yaml (line 7, the '- NA' of the
    # list, counted by hand), exit 1, nothing written.
    (tmp_path / "targets.yaml").write_text(
        "version: 1\n"
        "title: Office\n"
        "dimensions:\n"
        "  region:\n"
        "    name: Region\n"
        "    values:\n"
        "    - NA\n"
        "    - EU\n"
        "indicators:\n"
        "  '1_1_1':\n"
        "    name: Trade\n"
        "    dimensions: [region]\n"
        "targets: []\n",
        encoding="utf-8",
    )
    (tmp_path / "observations.csv").write_text(
        "indicator,period,value,status,source,note,recorded_at\n"
        "1_1_1,2020,5,,,,2021-01-01T00:00:00Z\n"
        "1_1_1[region=NA],2020,3,,,,2021-01-01T00:00:00Z\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    done = run_clean("export", "opensdg", "--into", "site")
    assert done.exit_code == 1, done.stderr
    assert "targets.yaml:7:" in done.stderr
    assert "the unit 'NA' of dimension 'region' would be read by Open SDG (pandas) as an empty cell" in done.stderr
    assert not (tmp_path / "site").exists()
    vi = run_clean("--lang", "vi", "export", "opensdg", "--into", "site")
    assert "đơn vị 'NA' của chiều 'region' sẽ được Open SDG (pandas) đọc là ô trống" in vi.stderr


def test_a_column_of_row_numbers_is_refused_whatever_its_name(tmp_path: Path):
    # An office's sheet numbers its rows ('No.': 1, 2, 3, ...), or pandas' reset_index
    # leaves 'index' (0, 1, 2, ...). Either was imported as a dimension whose every row is
    # a unit of its own (no total). By hand: 'No.' holds 1, 2, 3 on the three rows, the
    # rows' own numbers: refused at line 1, the column named.
    files = {
        "data/indicator_1-1-1.csv": "No.,Year,Sex,Value\n1,2015,,10\n2,2020,,8\n3,2015,Female,11\n",
        "meta/1-1-1.md": "---\nindicator_name: Poverty rate\n---\n",
    }
    done = _import(tmp_path, files)
    assert done.exit_code == 1, done.stderr
    assert "data/indicator_1-1-1.csv:1: error: column 1 ('No.') holds the rows' numbers (1, 2, 3, ...)" in done.stderr
    _nothing_written(tmp_path)
    files["data/indicator_1-1-1.csv"] = "index,Year,Sex,Value\n0,2015,,10\n1,2020,,8\n2,2015,Female,11\n"
    again = _import(tmp_path, files)
    assert "column 1 ('index') holds the rows' numbers (0, 1, 2, ...)" in again.stderr
    vi = _import(tmp_path, files, "--lang", "vi")
    assert "cột 1 ('index') chứa số thứ tự của các dòng (0, 1, 2, ...)" in vi.stderr
    # An age column 0, 5, 10 is no row number: read as before.
    files["data/indicator_1-1-1.csv"] = "Age,Year,Value\n0,2015,10\n5,2015,8\n10,2015,11\n"
    assert _import(tmp_path, files).exit_code == 0


def test_excels_na_in_a_value_is_read_as_no_figure_as_open_sdg_reads_it(tmp_path: Path):
    # Excel writes '#N/A' where a lookup found nothing; pandas (sdg-build) reads '#N/A' as
    # no value, so Open SDG passes the row over and builds the site. The import refused the
    # file ("'#N/A' is not a number"). By hand: 2015 = 10 and 2020 = 8 are figures, 2016's
    # '#N/A' row is left out (1 row without a figure), exit 0.
    files = {
        "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2016,#N/A\n2020,8\n",
        "meta/1-1-1.md": "---\nindicator_name: Poverty rate\n---\n",
    }
    done = _import(tmp_path, files)
    assert done.exit_code == 0, done.stderr
    assert "1 row(s) without a figure were left out" in done.stderr
    assert "figures: 2 added" in done.stderr


def test_the_sites_chart_title_and_per_cent_word_are_kept_while_the_name_is_the_plans(tmp_path: Path):
    # Statistics Canada's 1-1-1: indicator_name 'Poverty rate, ...', graph_title
    # 'Percentage of persons in low income', computation_units 'Percentage'. The import
    # reads the name and 'Percentage' as '%'; the export wrote graph_title = the name and
    # '%'. By hand: the plan's name is the site's (unchanged), so the site's chart title
    # stays; '%' is the site's 'Percentage' as the import reads it, so the word stays. A
    # plan that renames the indicator gets its new name as the chart's title too.
    files = {
        "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
        "meta/1-1-1.md": "---\nindicator_name: Poverty rate\ncomputation_units: Percentage\n---\n",
    }
    done = _import(tmp_path, files)
    assert done.exit_code == 0, done.stderr
    site = write_repository(
        tmp_path / "site",
        {
            "meta/1-1-1.md": "---\nindicator_name: Poverty rate\ngraph_title: Percentage of persons in low income\n"
            "computation_units: Percentage\n---\n"
        },
    )
    targets = tmp_path / "t" / "targets.yaml"
    out = run_clean("--targets", str(targets), "export", "opensdg", "--into", str(site), "--force")
    assert out.exit_code == 0, out.stderr
    meta, _ = _front((site / "meta" / "1-1-1.md").read_text(encoding="utf-8"))
    assert meta["graph_title"] == "Percentage of persons in low income"
    assert meta["computation_units"] == "Percentage"
    targets.write_text(targets.read_text(encoding="utf-8").replace("name: Poverty rate", "name: Low income"), "utf-8")
    again = run_clean("--targets", str(targets), "export", "opensdg", "--into", str(site))
    assert again.exit_code == 0, again.stderr
    meta, _ = _front((site / "meta" / "1-1-1.md").read_text(encoding="utf-8"))
    assert meta["indicator_name"] == meta["graph_title"] == "Low income"
