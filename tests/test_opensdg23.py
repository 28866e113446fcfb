"""An Open SDG site maintainer reviewing the pull request qntrack's export makes in the
site's data repository (issue 17, twenty-third session; docs/decisions.md, "An Open SDG
maintainer's review of the export"). Each test's expected bytes are worked out by hand
from the small repositories written here."""

from __future__ import annotations

from pathlib import Path

from helpers import run_clean


def _import(tmp_path: Path, files: dict[str, str | bytes]):
    repo = tmp_path / "repo"
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01")


def _add(tmp_path: Path, *figure: str) -> None:
    targets = str(tmp_path / "t" / "targets.yaml")
    done = run_clean("--targets", targets, "add-observation", *figure, "--recorded-at", "2025-12-01")
    assert done.exit_code == 0, done.stderr


def _export(tmp_path: Path, into: Path, *extra: str):
    done = run_clean(
        "--targets", str(tmp_path / "t" / "targets.yaml"), "export", "opensdg", "--into", str(into), *extra
    )
    assert done.exit_code == 0, done.stderr
    return done


_META = "---\nindicator_name: Poverty rate\n---\n"


# --- 1. a whole number stays whole ----------------------------------------------------


def test_a_whole_number_is_written_without_a_decimal(tmp_path: Path):
    # The export wrote 70900 as '70900.0' (repr of the stored float) and a progress limit of
    # 100 as 'limit: 100.0'. By hand: the site wrote 70900 and 66.5; a figure typed since,
    # 72000, is whole too; each goes out as written: '70900', '66.5', '72000'; the limit 100.
    files = {
        "data/indicator_1-1-1.csv": "Year,Value\n2015,70900\n2016,66.5\n",
        "meta/1-1-1.md": "---\nindicator_name: Poverty rate\nauto_progress_calculation: true\n"
        "progress_calculation_options:\n- direction: positive\n  limit: 100\n---\n",
    }
    assert _import(tmp_path, files).exit_code == 0
    _add(tmp_path, "1_1_1", "2017", "72000")
    _export(tmp_path, tmp_path / "new")
    data = (tmp_path / "new" / "data" / "indicator_1-1-1.csv").read_text(encoding="utf-8")
    assert data == "Year,Value\n2015,70900\n2016,66.5\n2017,72000\n"
    meta = (tmp_path / "new" / "meta" / "1-1-1.md").read_text(encoding="utf-8")
    assert "  limit: 100\n" in meta and "100.0" not in meta


# --- 2. one figure changed is one line changed ------------------------------------------

# The site's own way of writing its file: every cell quoted, Windows line ends, Value before
# the Age column, the years from the latest down, one figure written '11.0'.
_SITE_DATA = (
    b'"Year","Sex","Value","Age"\r\n'
    b'"2016","","9",""\r\n'
    b'"2015","","10",""\r\n'
    b'"2016","Female","12","15-24"\r\n'
    b'"2015","Female","11.0","15-24"\r\n'
)


def test_an_export_that_changes_one_figure_changes_one_line_of_the_sites_file(tmp_path: Path):
    # The first export into the site's checkout rewrote the whole file (its own column
    # order, no quotes, '\n', its row order): a diff of every line. By hand, after the
    # total's 2016 is corrected to 9.5 and two 2017 figures are added: line 2 alone changes
    # ("9" -> "9.5", quoted as the file quotes); '11.0' stays as the site wrote it (the same
    # figure); the new rows go at the end, total first, each written as the last row of its
    # series is (every cell quoted, '\r\n').
    assert _import(tmp_path, {"data/indicator_1-1-1.csv": _SITE_DATA, "meta/1-1-1.md": _META}).exit_code == 0
    _add(tmp_path, "1_1_1", "2016", "9.5")
    _add(tmp_path, "1_1_1", "2017", "8")
    _add(tmp_path, "1_1_1[sex=Female;age=15-24]", "2017", "13")
    _export(tmp_path, tmp_path / "repo", "--force")
    assert (tmp_path / "repo" / "data" / "indicator_1-1-1.csv").read_bytes() == (
        b'"Year","Sex","Value","Age"\r\n'
        b'"2016","","9.5",""\r\n'
        b'"2015","","10",""\r\n'
        b'"2016","Female","12","15-24"\r\n'
        b'"2015","Female","11.0","15-24"\r\n'
        b'"2017","","8",""\r\n'
        b'"2017","Female","13","15-24"\r\n'
    )


def test_an_export_with_nothing_changed_leaves_the_sites_files_as_they_were(tmp_path: Path):
    # Imported, then exported straight back: not one byte of the data or metadata changes
    # (the metadata's order, blank lines and wording are the site's).
    meta = (
        "---\n"
        "national_indicator_available: Poverty rate\n"
        "indicator_name: Poverty rate\n"
        "\n"
        "graph_type: line\n"
        "reporting_status: complete\n"
        "published: true\n"
        "data_non_statistical: false\n"
        "indicator_number: 1.1.1\n"
        "graph_title: Poverty rate\n"
        "auto_progress_calculation: true\n"
        "progress_calculation_options:\n"
        "- direction: negative\n"
        "  limit: 0\n"
        "---\n"
        "Page text.\n"
    )
    files = {"data/indicator_1-1-1.csv": _SITE_DATA, "meta/1-1-1.md": meta}
    assert _import(tmp_path, files).exit_code == 0
    _export(tmp_path, tmp_path / "repo", "--force")
    assert (tmp_path / "repo" / "data" / "indicator_1-1-1.csv").read_bytes() == _SITE_DATA
    assert (tmp_path / "repo" / "meta" / "1-1-1.md").read_text(encoding="utf-8") == meta


# --- 3. the site's numbered sources are kept --------------------------------------------


def test_the_sites_numbered_sources_are_kept_not_collapsed_into_one(tmp_path: Path):
    # Statistics Canada's metadata names two sources (source_*_1, source_*_2). The import
    # joins them into each figure's source ('Statistics Canada Table 1 https://a.ca/1;
    # Ministry Survey 2'), and the export wrote that one line back as source_*_1, over the
    # site's two. By hand: the six source fields stay as written, in place; no third.
    sources = (
        "source_active_1: true\n"
        "source_organisation_1: Statistics Canada\n"
        "source_url_text_1: Table 1\n"
        "source_url_1: https://a.ca/1\n"
        "source_active_2: true\n"
        "source_organisation_2: Ministry\n"
        "source_url_text_2: Survey 2\n"
    )
    meta = "---\nindicator_name: Poverty rate\n" + sources + "---\n"
    files = {"data/indicator_1-1-1.csv": "Year,Value\n2015,10\n", "meta/1-1-1.md": meta}
    assert _import(tmp_path, files).exit_code == 0
    _add(tmp_path, "1_1_1", "2016", "9")
    _export(tmp_path, tmp_path / "repo", "--force")
    text = (tmp_path / "repo" / "meta" / "1-1-1.md").read_text(encoding="utf-8")
    assert sources in text
    assert "source_organisation_3" not in text and ";" not in text
    # A second export (the folder now holds the first's marker, which lists the file) keeps
    # them too: the same bytes.
    _export(tmp_path, tmp_path / "repo")
    assert (tmp_path / "repo" / "meta" / "1-1-1.md").read_text(encoding="utf-8") == text


# --- 4. a Value read as Open SDG reads it -----------------------------------------------


def test_a_value_pandas_reads_as_text_is_refused_at_its_line(tmp_path: Path):
    # pandas' read_csv (sdg-build) reads '', 'NA', 'N/A', 'null', 'NaN', 'None', '#N/A', ...
    # as no value, but not 'na' or 'NONE' (its default na_values are case-sensitive): such a
    # Value is text to Open SDG. The import took both for no figure. By hand: 'NA' (line 3)
    # and 'null' (line 5) are no figure; 'na' (line 4) and 'NONE' (line 6) are refused, each
    # at its line, saying what pandas reads as no value; nothing written.
    files = {
        "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2016,NA\n2017,na\n2018,null\n2019,NONE\n",
        "meta/1-1-1.md": _META,
    }
    done = _import(tmp_path, files)
    assert done.exit_code != 0
    assert "data/indicator_1-1-1.csv:4:" in done.stderr and "'na'" in done.stderr
    assert "data/indicator_1-1-1.csv:6:" in done.stderr and "'NONE'" in done.stderr
    assert ":3:" not in done.stderr and ":5:" not in done.stderr
    assert "pandas" in done.stderr and "NA" in done.stderr
    assert not (tmp_path / "t").exists()


# --- 5. 'F' and 'Female' in one column ----------------------------------------------------


def test_f_and_female_in_one_column_are_two_units_and_a_warning_names_both_lines(tmp_path: Path):
    # Open SDG shows 'F' and 'Female' as two values of Sex (two lines on the chart); qntrack
    # keeps them apart as well, as two units, but says so: line 3 'F' and line 4 'Female'.
    files = {
        "data/indicator_1-1-1.csv": "Year,Sex,Value\n2015,,10\n2015,F,11\n2016,Female,12\n",
        "meta/1-1-1.md": _META,
    }
    done = _import(tmp_path, files)
    assert done.exit_code == 0, done.stderr
    warning = next(line for line in done.stderr.splitlines() if "'Female'" in line and "'F'" in line)
    assert "data/indicator_1-1-1.csv:4" in warning and "line 3" in warning
    observations = (tmp_path / "t" / "observations.csv").read_text(encoding="utf-8")
    assert "1_1_1[sex=F],2015,11," in observations and "1_1_1[sex=Female],2016,12," in observations


# --- 6. observation attributes ------------------------------------------------------------


def test_an_observation_attribute_is_no_disaggregation_and_is_kept_on_export(tmp_path: Path):
    # sdg-build reads COMMENT_OBS and SOURCE_DETAIL as observation attributes, COMMENT_TS
    # and DATA_LAST_UPDATE as non-disaggregation columns, and whatever config_data.yml lists
    # under observation_attributes (OBS_STATUS here): none splits a series. The import made
    # each a dimension (the 2015 total with a comment a unit of its own). By hand: one
    # dimension (sex), 3 figures; after 2016's total is corrected to 9.5, the export into
    # the site changes line 3 alone, every comment and status kept.
    data = (
        "Year,Sex,COMMENT_OBS,OBS_STATUS,Value\n2015,,provisional,E,10\n2016,,,A,9\n2015,Female,from the survey,A,11\n"
    )
    files = {
        "config_data.yml": "languages:\n- en\nobservation_attributes:\n- OBS_STATUS\n",
        "data/indicator_1-1-1.csv": data,
        "meta/1-1-1.md": _META,
    }
    done = _import(tmp_path, files)
    assert done.exit_code == 0, done.stderr
    assert "figures: 3 added" in done.stderr
    plan = (tmp_path / "t" / "targets.yaml").read_text(encoding="utf-8").lower()
    assert "comment_obs" not in plan and "obs_status" not in plan
    _add(tmp_path, "1_1_1", "2016", "9.5")
    _export(tmp_path, tmp_path / "repo", "--force")
    written = (tmp_path / "repo" / "data" / "indicator_1-1-1.csv").read_text(encoding="utf-8")
    assert written == data.replace("2016,,,A,9\n", "2016,,,A,9.5\n")


def test_a_retracted_figure_leaves_the_sites_file_and_its_own_rows_stay(tmp_path: Path):
    # The site's file: no newline after its last line, a 2014 row with an empty Value (a
    # year the site shows with no figure, which the import leaves out). 2015 is retracted
    # in the tracker. By hand: the 2015 line goes, the 2014 line (the site's, no figure)
    # stays, 2016 stays as written, the file still ends without a newline.
    data = "Year,Value\n2014,\n2015,10\n2016,9"
    assert _import(tmp_path, {"data/indicator_1-1-1.csv": data, "meta/1-1-1.md": _META}).exit_code == 0
    targets = str(tmp_path / "t" / "targets.yaml")
    done = run_clean("--targets", targets, "retract", "1_1_1", "2015", "--recorded-at", "2025-12-01")
    assert done.exit_code == 0, done.stderr
    _export(tmp_path, tmp_path / "repo", "--force")
    assert (tmp_path / "repo" / "data" / "indicator_1-1-1.csv").read_text(encoding="utf-8") == (
        "Year,Value\n2014,\n2016,9"
    )


def test_a_site_file_whose_columns_are_not_the_exports_is_written_anew(tmp_path: Path):
    # The site's file has a Sex column the plan no longer has for this indicator (here: a
    # file the tracker did not come from). Rows could not be matched column for column, so
    # the export's own file is written, as before this session: by hand, its two figures.
    assert (
        _import(
            tmp_path, {"data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2016,9\n", "meta/1-1-1.md": _META}
        ).exit_code
        == 0
    )
    (tmp_path / "repo" / "data" / "indicator_1-1-1.csv").write_text(
        "Year,Sex,Value\n2015,,10\n2015,F,3\n", encoding="utf-8"
    )
    _export(tmp_path, tmp_path / "repo", "--force")
    assert (tmp_path / "repo" / "data" / "indicator_1-1-1.csv").read_text(
        encoding="utf-8"
    ) == "Year,Value\n2015,10\n2016,9\n"
