"""A statistics office round-tripping its data through Open SDG and SDMX (issue 17, twentieth
session): `import opensdg`, `export opensdg`, the import of the export, and the SDMX-CSV
forms, tried as an office would (docs/decisions.md, "An office round-tripping through Open
SDG and SDMX"). Expected values are written out by hand from the files below."""

from __future__ import annotations

from pathlib import Path

import yaml

from helpers import run_clean, write_repository


def _targets(folder: Path) -> list[dict]:
    return yaml.safe_load((folder / "targets.yaml").read_text(encoding="utf-8"))["targets"]


def _round_trip(tmp_path: Path, files: dict[str, str]) -> tuple[list[dict], list[dict], Path]:
    """Import the repository, export the tracker, import the export: both plans' targets."""
    repo = write_repository(tmp_path / "repo", files)
    first = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t1"), "--recorded-at", "2025-11-01")
    assert first.exit_code == 0, first.stderr
    site = tmp_path / "site"
    out = run_clean("--targets", str(tmp_path / "t1" / "targets.yaml"), "export", "opensdg", "--into", str(site))
    assert out.exit_code == 0, out.stderr
    again = run_clean("import", "opensdg", str(site), "--into", str(tmp_path / "t2"), "--recorded-at", "2025-11-02")
    assert again.exit_code == 0, again.stderr
    return _targets(tmp_path / "t1"), _targets(tmp_path / "t2"), site


# --- 1. a round trip keeps a target's name and Open SDG's series tag ----------------------


def test_an_option_naming_no_unit_keeps_its_bare_tag_through_a_round_trip(tmp_path: Path):
    # Statistics Canada's 1-4-1: one Units value, an option that names no unit. Open SDG
    # tags the series '1-4-1' (indicator_calculation_components.yml); the import judges
    # the one unit there is (of: {units: 2024 constant dollars}) and gives no name. The
    # export wrote `unit: 2024 constant dollars`, so Open SDG would tag the series
    # '1-4-1 / 2024 constant dollars' and the second import named the target so. By hand:
    # with one Units value, an option naming none takes the same two rows, so the export
    # leaves it out, and the tag stays '1-4-1' (no name).
    files = {
        "data/indicator_1-4-1.csv": """\
            Year,Units,Value
            2015,2024 constant dollars,70900
            2020,2024 constant dollars,75500
            """,
        "meta/1-4-1.md": """\
            ---
            indicator_name: Median income
            auto_progress_calculation: true
            progress_calculation_options:
            - direction: positive
            ---
            """,
    }
    first, second, site = _round_trip(tmp_path, files)
    assert "name" not in first[0]
    assert "name" not in second[0]
    assert first[0]["of"] == second[0]["of"] == {"units": "2024 constant dollars"}
    meta = (site / "meta" / "1-4-1.md").read_text(encoding="utf-8")
    option = yaml.safe_load(meta.split("---\n")[1])["progress_calculation_options"][0]
    assert "unit" not in option


def test_an_option_keeps_the_order_of_its_disaggregations_through_a_round_trip(tmp_path: Path):
    # 3-9-1's options list Selected diseases, Target population, Geography (the columns
    # are Geography first): Open SDG's tag follows the option's order,
    # '3-9-1 / Polio / 2-year-olds / Canada'. The export wrote the columns' order
    # (Geography first), so the second import named it '3-9-1 / Canada / Polio / 2-year-olds'.
    # By hand, the option written back in its own order gives back the first tag.
    files = {
        "data/indicator_3-9-1.csv": """\
            Year,Geography,Selected diseases,Target population,Value
            2015,Canada,Polio,2-year-olds,80
            2019,Canada,Polio,2-year-olds,85
            2015,Canada,Mumps,2-year-olds,70
            2019,Canada,Mumps,2-year-olds,75
            """,
        "meta/3-9-1.md": """\
            ---
            indicator_name: Vaccination coverage
            auto_progress_calculation: true
            progress_calculation_options:
            - direction: positive
              target: 95
              target_year: 2025
              disaggregation:
              - field: Selected diseases
                value: Polio
              - field: Target population
                value: 2-year-olds
              - field: Geography
                value: Canada
            ---
            """,
    }
    first, second, site = _round_trip(tmp_path, files)
    assert first[0]["name"] == "3-9-1 / Polio / 2-year-olds / Canada"
    assert second[0]["name"] == "3-9-1 / Polio / 2-year-olds / Canada"
    meta = (site / "meta" / "3-9-1.md").read_text(encoding="utf-8")
    option = yaml.safe_load(meta.split("---\n")[1])["progress_calculation_options"][0]
    assert [d["field"] for d in option["disaggregation"]] == ["Selected diseases", "Target population", "Geography"]


# --- 4. import and export agree on the exit code of a bad --into -------------------------

BASIC = {
    "data/indicator_1-1-1.csv": """\
        Year,Value
        2015,10
        2020,8
        """,
    "meta/1-1-1.md": """\
        ---
        indicator_name: Poverty
        auto_progress_calculation: true
        ---
        """,
}

TRACKER = """\
version: 1
title: Office
indicators:
  1_1_1:
    name: Poverty
    unit: "%"
    direction: decrease
targets:
  - id: poverty
    type: open_sdg
    indicator: 1_1_1
"""


def _tracker(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "targets.yaml").write_text(TRACKER, encoding="utf-8")
    (folder / "observations.csv").write_text(
        "indicator,period,value,status,source,note,recorded_at\n1_1_1,2015,10,official,S,,2020-01-01\n",
        encoding="utf-8",
    )
    return folder / "targets.yaml"


def test_an_into_that_is_a_file_is_a_usage_error_for_import_as_for_export(tmp_path: Path):
    # docs/cli.md: exit 2 is a usage error, an option value qntrack refuses (README: "a
    # report -o that qntrack refuses ... a folder"). `export opensdg --into FILE` exits 2;
    # `import opensdg --into FILE` exited 1, as if the repository were bad. Both now 2,
    # and the file is left as it was.
    repo = write_repository(tmp_path / "repo", BASIC)
    plan = _tracker(tmp_path / "t")
    (tmp_path / "afile").write_text("mine", encoding="utf-8")
    into = str(tmp_path / "afile")
    imported = run_clean("import", "opensdg", str(repo), "--into", into, "--recorded-at", "2024-01-15")
    exported = run_clean("--targets", str(plan), "export", "opensdg", "--into", into)
    assert (imported.exit_code, exported.exit_code) == (2, 2), imported.stderr + exported.stderr
    assert "not a folder" in imported.stderr and "not a folder" in exported.stderr
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine"


def test_an_into_inside_the_input_is_a_usage_error_for_import_as_for_export(tmp_path: Path):
    # export --into the tracker's own folder: exit 2 ("would be written over the tracker's
    # own files"); import --into a folder inside the repository it reads: it was 1.
    repo = write_repository(tmp_path / "repo", BASIC)
    plan = _tracker(tmp_path / "t")
    imported = run_clean("import", "opensdg", str(repo), "--into", str(repo / "tracker"), "--recorded-at", "2024-01-15")
    exported = run_clean("--targets", str(plan), "export", "opensdg", "--into", str(tmp_path / "t"))
    assert (imported.exit_code, exported.exit_code) == (2, 2), imported.stderr + exported.stderr
    assert "--into is inside the repository" in imported.stderr
    assert not (repo / "tracker").exists()


def test_an_into_holding_someone_elses_files_is_a_usage_error_for_import_as_for_export(tmp_path: Path):
    # export into a folder it did not write, without --force: exit 2; import into a folder
    # whose targets.yaml it did not write, without --force: it was 1. Both 2 (README: "a
    # file it did not write without --force"), and the plan is left as it was.
    repo = write_repository(tmp_path / "repo", BASIC)
    plan = _tracker(tmp_path / "t")
    own = tmp_path / "mine"
    own.mkdir()
    (own / "targets.yaml").write_text("version: 1\nindicators: {}\ntargets: []\n", encoding="utf-8")
    imported = run_clean("import", "opensdg", str(repo), "--into", str(own), "--recorded-at", "2024-01-15")
    exported = run_clean("--targets", str(plan), "export", "opensdg", "--into", str(own))
    assert (imported.exit_code, exported.exit_code) == (2, 2), imported.stderr + exported.stderr
    assert (own / "targets.yaml").read_text(encoding="utf-8").startswith("version: 1")


def test_an_empty_into_is_refused_by_import_as_by_export(tmp_path: Path, monkeypatch):
    # `import opensdg repo --into "$DIR"` with DIR unset wrote targets.yaml and
    # observations.csv into the current folder (Path('') is '.'); export refuses an empty
    # name (exit 2). Now the import refuses it too, and writes nothing here.
    repo = write_repository(tmp_path / "repo", BASIC)
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    imported = run_clean("import", "opensdg", str(repo), "--into", "", "--recorded-at", "2024-01-15")
    assert imported.exit_code == 2, imported.stderr
    assert imported.stderr.startswith("--into: ")
    assert list(here.iterdir()) == []


# --- 5. --into - is refused: '-' is standard output elsewhere -----------------------------


def test_into_dash_is_refused_by_export_and_import(tmp_path: Path, monkeypatch):
    # For -o, '-' is standard output; `export opensdg --into -` made a folder named '-'
    # (and so did the import). A repository is a folder: refused, exit 2, nothing made,
    # and the message says how to name a folder '-' if that is what is meant (./-).
    repo = write_repository(tmp_path / "repo", BASIC)
    plan = _tracker(tmp_path / "t")
    monkeypatch.chdir(tmp_path)
    exported = run_clean("--targets", str(plan), "export", "opensdg", "--into", "-")
    imported = run_clean("import", "opensdg", str(repo), "--into", "-", "--recorded-at", "2024-01-15")
    for done in (exported, imported):
        assert done.exit_code == 2, done.stderr
        assert done.stderr.startswith("--into: ")
        assert "'-' is standard output" in done.stderr and "./-" in done.stderr
    assert not (tmp_path / "-").exists()
    vi = run_clean("--lang", "vi", "--targets", str(plan), "export", "opensdg", "--into", "-")
    assert vi.exit_code == 2 and "đầu ra chuẩn" in vi.stderr
    # A folder named '-' is still written when named as a path.
    dotted = run_clean("--targets", str(plan), "export", "opensdg", "--into", "./-")
    assert dotted.exit_code == 0, dotted.stderr
    assert (tmp_path / "-" / "data" / "indicator_1-1-1.csv").is_file()


# --- 6 and 7. SDMX-CSV: '_t', and a TIME_PERIOD out of range -----------------------------

SDMX_PLAN = """\
version: 1
title: Office
dimensions:
  locality:
    name: Locality
    values: [Hạ Long, Cẩm Phả]
  sex:
    name: Sex
indicators:
  revenue:
    name: Budget revenue
    unit: bn VND
    frequency: month
    dimensions: [locality]
  rate:
    name: Rate
    unit: "%"
    dimensions: [sex]
targets: []
"""

SDMX_HEAD = "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,LOCALITY,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n"


def _sdmx_tracker(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "targets.yaml").write_text(SDMX_PLAN, encoding="utf-8")
    (tmp_path / "observations.csv").write_text(
        "indicator,period,value,status,source,note,recorded_at\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    monkeypatch.delenv("QNTRACK_LANG", raising=False)
    return tmp_path


def test_a_total_written_in_small_letters_is_refused_with_sdmxs_code(tmp_path: Path, monkeypatch):
    # SDMX's codes are case-sensitive (an id is matched as written) and its total is _T;
    # '_t' is no SDMX code. It was refused as "'_t' is not a unit of 'locality'", with the
    # units listed and nothing about _T, and in an open dimension (sex, any value) it was
    # recorded as a unit named '_t'. Choice: not read as the total (a unit's figure taken
    # for the province's would be the worse mistake); refused at its line, saying _T.
    folder = _sdmx_tracker(tmp_path, monkeypatch)
    (folder / "t.csv").write_text(
        SDMX_HEAD
        + "dataflow,X:Y(1.0),I,revenue,_t,_T,2024,100,A\n"  # line 2: a locality
        + "dataflow,X:Y(1.0),I,rate,_T,_t,2024,5,A\n",  # line 3: an open dimension
        encoding="utf-8",
    )
    done = run_clean("add-observation", "--from", "t.csv")
    assert done.exit_code == 1, done.stderr
    assert "t.csv:2: error: LOCALITY '_t' is not SDMX's total" in done.stderr
    assert "t.csv:3: error: SEX '_t' is not SDMX's total" in done.stderr
    assert "the total is _T" in done.stderr
    assert (folder / "observations.csv").read_text(encoding="utf-8").count("\n") == 1
    vi = run_clean("--lang", "vi", "add-observation", "--from", "t.csv")
    assert "LOCALITY '_t' không phải mã tổng của SDMX" in vi.stderr


def test_a_time_period_out_of_range_says_which_part_and_the_forms_read(tmp_path: Path, monkeypatch):
    # Each TIME_PERIOD had the one message "is not a period qntrack records: write 2023,
    # 2023-S1 ...", whatever was wrong. Now the row, what is out of range, and the forms:
    #   2023-Q5          quarter 5: SDMX's quarters are Q1 to Q4
    #   2023-S3          semester 3: S1 or S2
    #   2023-M13, 2023-13  month 13: 01 to 12
    #   0999, 10000      years 999 and 10000: 1000 to 9999
    #   2023-01-01/P13M  13 months from January run past the year's end
    #   2023-A2          SDMX's reporting year is A1
    folder = _sdmx_tracker(tmp_path, monkeypatch)
    periods = ["2023-Q5", "2023-S3", "2023-M13", "2023-13", "0999", "10000", "2023-01-01/P13M", "2023-A2"]
    rows = "".join(f"dataflow,X:Y(1.0),I,revenue,_T,_T,{p},100,A\n" for p in periods)
    (folder / "p.csv").write_text(SDMX_HEAD + rows, encoding="utf-8")
    done = run_clean("add-observation", "--from", "p.csv")
    assert done.exit_code == 1, done.stderr
    expected = [
        "p.csv:2: error: TIME_PERIOD '2023-Q5' is out of range: quarter 5 does not exist (Q1 to Q4)",
        "p.csv:3: error: TIME_PERIOD '2023-S3' is out of range: semester 3 does not exist (S1 or S2)",
        "p.csv:4: error: TIME_PERIOD '2023-M13' is out of range: month 13 does not exist (01 to 12)",
        "p.csv:5: error: TIME_PERIOD '2023-13' is out of range: month 13 does not exist (01 to 12)",
        "p.csv:6: error: TIME_PERIOD '0999' is out of range: year 999 is not one of 1000 to 9999",
        "p.csv:7: error: TIME_PERIOD '10000' is out of range: year 10000 is not one of 1000 to 9999",
        "p.csv:8: error: TIME_PERIOD '2023-01-01/P13M' is out of range: 13 month(s) from month 01 run past "
        "the end of the year (a period lies within one year)",
        "p.csv:9: error: TIME_PERIOD '2023-A2' is out of range: SDMX's reporting year is A1 (2023-A1)",
    ]
    for line in expected:
        assert line in done.stderr
    # Each says the forms that are read, as the message for a form not read does.
    assert done.stderr.count("write 2023, 2023-S1 (or 2023-H1), 2023-Q3") == len(periods)
    vi = run_clean("--lang", "vi", "add-observation", "--from", "p.csv")
    assert "p.csv:2: lỗi: TIME_PERIOD '2023-Q5' nằm ngoài phạm vi: không có quý 5 (Q1 đến Q4)" in vi.stderr


# --- 3. a withdrawn figure in the exports ------------------------------------------------

WITHDRAWN_STORE = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "1_1_1,2015,10,official,S,,2020-01-01\n"
    "1_1_1,2016,9,official,S,,2020-01-01\n"
    "1_1_1,2017,8,official,S,,2020-01-01\n"
    "1_1_1,2016,,retracted,,typo,2021-03-01\n"
)


def _withdrawn_tracker(folder: Path) -> Path:
    plan = _tracker(folder)
    (folder / "observations.csv").write_text(WITHDRAWN_STORE, encoding="utf-8")
    return plan


def test_an_opensdg_export_says_the_withdrawn_figures_it_leaves_out(tmp_path: Path):
    # 2016 was published (9), then withdrawn (retracted on 2021-03-01). An Open SDG data
    # file has no way to say a figure was withdrawn: the year's row is left out, as before,
    # and the summary now says so: 1 figure, named as `history` takes it. By hand, the
    # data file: 2015 and 2017 only (values as repr writes them).
    plan = _withdrawn_tracker(tmp_path / "t")
    site = tmp_path / "site"
    done = run_clean("--targets", str(plan), "export", "opensdg", "--into", str(site))
    assert done.exit_code == 0, done.stderr
    assert (site / "data" / "indicator_1-1-1.csv").read_text(encoding="utf-8") == "Year,Value\n2015,10\n2017,8\n"
    assert "wrote 1 indicator(s) (2 figure(s))" in done.stderr
    assert "left out 1 withdrawn figure(s) (1_1_1 2016)" in done.stderr
    assert "retract it there too" in done.stderr
    # As of 2021-01-01 the retraction was not yet made: 2016 is written, nothing said.
    before = run_clean(
        "--targets", str(plan), "export", "opensdg", "--into", str(tmp_path / "old"), "--as-of", "2021-01-01"
    )
    assert "2016,9" in (tmp_path / "old" / "data" / "indicator_1-1-1.csv").read_text(encoding="utf-8")
    assert "withdrawn" not in before.stderr
    vi = run_clean("--lang", "vi", "--targets", str(plan), "export", "opensdg", "--into", str(site))
    assert "bỏ qua 1 số liệu đã bị rút lại (1_1_1 2016)" in vi.stderr


def test_an_sdmx_export_says_the_withdrawn_figures_it_leaves_out(tmp_path: Path):
    # The same store through SDMX-CSV: rows for 2015 and 2017 (2 figures), and the count
    # of the withdrawn one on stderr, to a file and on standard output alike.
    plan = _withdrawn_tracker(tmp_path / "t")
    done = run_clean("--targets", str(plan), "export", "sdmx-csv", "-o", str(tmp_path / "x.csv"))
    assert done.exit_code == 0, done.stderr
    assert "wrote 2 figure(s) in force" in done.stderr
    assert "left out 1 withdrawn figure(s) (1_1_1 2016)" in done.stderr
    piped = run_clean("--targets", str(plan), "export", "sdmx-csv")
    assert piped.stdout.count("\n") == 3  # the header and two rows
    assert "left out 1 withdrawn figure(s) (1_1_1 2016)" in piped.stderr


# --- 2. a site's GeoCode column travels through a round trip -----------------------------


def test_a_sites_geocode_column_is_kept_through_a_round_trip(tmp_path: Path):
    # Open SDG's maps join a row to a region by its GeoCode (sdg-build's OutputGeoJson,
    # id_column 'GeoCode'); sdg-build reads the column as no disaggregation. The import
    # passed over it and the export wrote no GeoCode: the site's maps went blank. Now the
    # code is kept on the unit it goes with (the Geography column's values map to one code
    # each: Alberta 48, Ontario 35; Canada and the headline none) and written back in a
    # GeoCode column before Value. By hand, the export's data file, the headline first,
    # then each unit's rows in the plan's order of its units, the order the site's file
    # met them (Canada, Alberta, Ontario; thirty-seventh session, tests/test_s37_g.py):
    files = {
        "data/indicator_1-1-1.csv": """\
            Year,Geography,GeoCode,Value
            2015,,,14.5
            2020,,,12.0
            2015,Canada,,14.5
            2015,Alberta,48,10.1
            2020,Alberta,48,9.0
            2015,Ontario,35,15.2
            """,
        "meta/1-1-1.md": """\
            ---
            indicator_name: Poverty
            auto_progress_calculation: true
            ---
            """,
    }
    first, second, site = _round_trip(tmp_path, files)
    data = (site / "data" / "indicator_1-1-1.csv").read_text(encoding="utf-8")
    # Canada has no code here, nor anywhere: nothing to say of it.
    assert data == (
        "Year,Geography,GeoCode,Value\n"
        "2015,,,14.5\n"
        "2020,,,12\n"
        "2015,Canada,,14.5\n"
        "2015,Alberta,48,10.1\n"
        "2020,Alberta,48,9\n"
        "2015,Ontario,35,15.2\n"
    )
    plans = [yaml.safe_load((tmp_path / t / "targets.yaml").read_text(encoding="utf-8")) for t in ("t1", "t2")]
    # The units in the order the site's file met them, both times.
    for plan in plans:
        values = plan["dimensions"]["geography"]["values"]
        assert values == ["Canada", {"value": "Alberta", "geocode": "48"}, {"value": "Ontario", "geocode": "35"}]


def test_geocodes_that_cannot_be_kept_as_they_were_are_said(tmp_path: Path):
    # Two files give Alberta two codes (48 and 4800): the first met (1-1-1's, in file-name
    # order) is kept, and the summary names the unit with both codes. A third file's codes
    # follow no column (Alberta coded 48 and 49; Sex F coded 48 and 50): not kept, and its
    # file named; its Ontario gets no code.
    files = {
        "data/indicator_1-1-1.csv": "Year,Geography,GeoCode,Value\n2015,Alberta,48,1\n",
        "data/indicator_1-2-1.csv": "Year,Geography,GeoCode,Value\n2015,Alberta,4800,2\n",
        "data/indicator_1-3-1.csv": (
            "Year,Geography,Sex,GeoCode,Value\n2015,Alberta,F,48,3\n2015,Alberta,M,49,4\n2015,Ontario,F,50,5\n"
        ),
    }
    repo = write_repository(tmp_path / "repo", files)
    done = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01")
    assert done.exit_code == 0, done.stderr
    assert "1 unit(s) have a different GeoCode in another data file (geography=Alberta (48, 4800))" in done.stderr
    assert "the GeoCode column of data/indicator_1-3-1.csv was not kept" in done.stderr
    assert "none in another" not in done.stderr
    plan = yaml.safe_load((tmp_path / "t" / "targets.yaml").read_text(encoding="utf-8"))
    assert plan["dimensions"]["geography"]["values"] == [{"value": "Alberta", "geocode": "48"}, "Ontario"]


def test_a_unit_coded_in_one_file_and_not_in_another_is_said(tmp_path: Path):
    # Statistics Canada codes Canada 11124 in 3-9-1 only (its other files leave Canada's
    # GeoCode empty). One unit has one code in targets.yaml, so the export writes 11124 on
    # Canada's rows of every file: said, with the unit and its code.
    files = {
        "data/indicator_1-1-1.csv": "Year,Geography,GeoCode,Value\n2015,Canada,,1\n2015,Alberta,48,2\n",
        "data/indicator_3-9-1.csv": "Year,Geography,GeoCode,Value\n2015,Canada,11124,3\n",
    }
    repo = write_repository(tmp_path / "repo", files)
    done = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01")
    assert done.exit_code == 0, done.stderr
    assert "1 unit(s) have a GeoCode in one data file and none in another (geography=Canada (11124))" in done.stderr


def test_a_plans_own_geocode_is_written_for_its_units(tmp_path: Path):
    # A plan that declares its localities' codes gets them on its Open SDG site's rows:
    # Hạ Long 193 (typed as a number, read as its text), Cẩm Phả none. By hand, the data
    # file: the total's row, then Hạ Long's and Cẩm Phả's (the plan's order of its units).
    (tmp_path / "targets.yaml").write_text(
        "version: 1\n"
        "dimensions:\n"
        "  locality:\n"
        "    name: Locality\n"
        "    values:\n"
        "      - {value: Hạ Long, geocode: 193}\n"
        "      - Cẩm Phả\n"
        "indicators:\n"
        "  revenue:\n"
        "    name: Revenue\n"
        "    dimensions: [locality]\n"
        "targets: []\n",
        encoding="utf-8",
    )
    (tmp_path / "observations.csv").write_text(
        "indicator,period,value,status,source,note,recorded_at\n"
        "revenue,2024,30,official,S,,2025-03-01\n"
        "revenue[locality=Hạ Long],2024,20,official,S,,2025-03-01\n"
        "revenue[locality=Cẩm Phả],2024,10,official,S,,2025-03-01\n",
        encoding="utf-8",
    )
    done = run_clean("--targets", str(tmp_path / "targets.yaml"), "export", "opensdg", "--into", str(tmp_path / "s"))
    assert done.exit_code == 0, done.stderr
    assert (tmp_path / "s" / "data" / "indicator_revenue.csv").read_text(encoding="utf-8") == (
        "Year,Locality,GeoCode,Value\n2024,,,30\n2024,Hạ Long,193,20\n2024,Cẩm Phả,,10\n"
    )


# --- the sample: names, tags and GeoCodes of Statistics Canada's files --------------------


def test_the_samples_names_and_geocodes_come_back_from_a_round_trip(tmp_path: Path):
    # Statistics Canada's 1-4-1 (an option naming no unit), 3-9-1 (fourteen options naming
    # their disaggregations in an order of their own, Canada coded 11124) and 1-1-1 (its
    # provinces coded: Alberta 48, British Columbia 59, ...): after import, export and
    # import, every target has the name it had (the published tags: '1-4-1' has none), and
    # every province's rows carry their code again; Canada's carry 3-9-1's 11124 too (one
    # code per unit, said at import).
    import csv
    import shutil

    sample = Path(__file__).resolve().parent / "data" / "opensdg-sample"
    files = {}
    for inid in ("1-1-1", "1-4-1", "3-9-1"):
        files[f"data/indicator_{inid}.csv"] = (sample / "data" / f"indicator_{inid}.csv").read_text(encoding="utf-8")
    repo = tmp_path / "repo"
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    (repo / "meta").mkdir()
    for inid in ("1-1-1", "1-4-1", "3-9-1"):
        shutil.copy(sample / "meta" / f"{inid}.md", repo / "meta")
    first = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t1"), "--recorded-at", "2025-11-01")
    assert first.exit_code == 0, first.stderr
    site = tmp_path / "site"
    out = run_clean("--targets", str(tmp_path / "t1" / "targets.yaml"), "export", "opensdg", "--into", str(site))
    assert out.exit_code == 0, out.stderr
    again = run_clean("import", "opensdg", str(site), "--into", str(tmp_path / "t2"), "--recorded-at", "2025-11-02")
    assert again.exit_code == 0, again.stderr
    names = [{t["id"]: t.get("name") for t in _targets(tmp_path / t)} for t in ("t1", "t2")]
    assert names[0] == names[1]
    assert names[0]["1-4-1"] is None
    assert (
        names[0]["3-9-1-s1"]
        == "3-9-1 / Diphtheria / Recommended vaccines for 2-year-old children / Canada / Total - Gender"
    )

    def codes(path: Path) -> set[tuple[str, str]]:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return {(r["Geography"], r["GeoCode"]) for r in csv.DictReader(fh) if r["GeoCode"]}

    published = codes(repo / "data" / "indicator_1-1-1.csv")
    assert ("Alberta", "48") in published
    assert codes(site / "data" / "indicator_1-1-1.csv") == published | {("Canada", "11124")}


def test_a_code_on_a_row_with_no_region_does_not_lose_the_regions_codes(tmp_path: Path):
    # A site that codes its national headline (11124) beside its provinces: the column the
    # codes go with is still Geography (every province has one code), the provinces keep
    # theirs, and the headline's code, which no unit holds, is said as not kept (1 row).
    files = {
        "data/indicator_1-1-1.csv": """\
            Year,Geography,GeoCode,Value
            2015,,11124,14.5
            2015,Alberta,48,10.1
            """,
    }
    repo = write_repository(tmp_path / "repo", files)
    done = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01")
    assert done.exit_code == 0, done.stderr
    plan = yaml.safe_load((tmp_path / "t" / "targets.yaml").read_text(encoding="utf-8"))
    assert plan["dimensions"]["geography"]["values"] == [{"value": "Alberta", "geocode": "48"}]
    assert "the GeoCode of 1 row(s) with no Geography (data/indicator_1-1-1.csv) was not kept" in done.stderr
