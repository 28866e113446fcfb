"""qntrack export opensdg (issue 16, "Export"): the tracker as an Open SDG data repository.

The expected files are written out by hand from the plan and store below, following the
layout of docs/formats.md, "Open SDG: export" and Open SDG's own sample repository
(tests/data/opensdg-sample): never copied from the command's output.
"""

from __future__ import annotations

import csv
import errno
import io
import os
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, dedent, make_tracker
from helpers import run_clean

TARGETS = dedent(
    """
    version: 1
    title: "Export test"
    dimensions:
      sex:
        name: {en: Sex, vi: Giới tính}
    indicators:
      1_1_1:
        name: {en: Employment rate, vi: Tỷ lệ có việc làm}
        unit: "%"
        direction: increase
        dimensions: [sex]
      share:
        name: Manufacturing share
        unit: "% of GRDP"
        direction: increase
      emissions:
        name: Emissions
        unit: kt
        direction: decrease
        frequency: quarter
      emissions_progress:
        name: Emissions progress
        direction: decrease
      doubled:
        name: Share doubled
        formula: share * 2
      population:
        name: Population
    targets:
      - id: employment
        type: open_sdg
        indicator: 1_1_1
        target: 70
        target_year: 2030
      - id: employment-women
        type: open_sdg
        indicator: 1_1_1
        of: {sex: Women}
        direction: negative
        base_year: 2016
        target: 40
      - id: share
        indicator: share
        baseline: {period: 2020, value: 10}
        milestones:
          - {by: 2030, value: 20}
      - id: emissions
        type: open_sdg
        indicator: emissions_progress
        limit: 0.5
    """
)

LFS = "Labour Force Survey https://example.org/lfs"
OBSERVATIONS = dedent(
    f"""
    indicator,period,value,status,source,note,recorded_at
    1_1_1,2015,60.5,,{LFS},,2016-01-10T00:00:00Z
    1_1_1,2020,62.25,,{LFS},,2021-01-10T00:00:00Z
    1_1_1[sex=Women],2015,50.0,,{LFS},,2016-01-10T00:00:00Z
    1_1_1[sex=Women],2020,48.5,,Ministry report,,2021-01-10T00:00:00Z
    1_1_1[sex=Men],2020,70.1,,Ministry report,,2021-01-10T00:00:00Z
    1_1_1,2020,63.0,,{LFS},revised,2022-03-01T00:00:00Z
    share,2020,10,,Statistical yearbook,,2021-03-01T00:00:00Z
    share,2023,13,,Statistical yearbook,,2024-03-01T00:00:00Z
    emissions,2015,100,,,,2016-03-01T00:00:00Z
    emissions,2020,90.125,,,,2021-03-01T00:00:00Z
    emissions,2024-Q1,20,,,,2024-05-01T00:00:00Z
    emissions_progress,2015,1.5,,,,2016-03-01T00:00:00Z
    emissions_progress,2020,1.2,,,,2021-03-01T00:00:00Z
    """
)


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "plan"
    folder.mkdir()
    return make_tracker(folder, monkeypatch, TARGETS, OBSERVATIONS)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n") and text.endswith("\n---\n"), text
    return yaml.safe_load(text[4:-4])


def test_data_files_hold_whole_years_units_and_the_progress_column(plan: Path) -> None:
    r = run_clean("export", "opensdg", "--into", "../site")
    assert r.exit_code == 0, r.output
    site = plan.parent / "site"
    # Totals first (empty Sex), then Men, then Women, each by year; 2020's revision in force.
    assert (site / "data" / "indicator_1-1-1.csv").read_text(encoding="utf-8") == (
        "Year,Sex,Value\n2015,,60.5\n2020,,63\n2020,Men,70.1\n2015,Women,50\n2020,Women,48.5\n"
    )
    assert (site / "data" / "indicator_share.csv").read_text(encoding="utf-8") == "Year,Value\n2020,10\n2023,13\n"
    # emissions_progress is emissions' Progress column; 2024-Q1 is not a year: left out.
    assert (site / "data" / "indicator_emissions.csv").read_text(encoding="utf-8") == (
        "Year,Value,Progress\n2015,100,1.5\n2020,90.125,1.2\n"
    )
    names = sorted(p.name for p in (site / "data").iterdir())
    assert names == ["indicator_1-1-1.csv", "indicator_emissions.csv", "indicator_share.csv"]
    metas = sorted(p.name for p in (site / "meta").iterdir())
    assert metas == ["1-1-1.md", "emissions.md", "population.md", "share.md"]
    # 5 + 2 + 2 + 2 figures written; one quarter and the derived indicator left out.
    assert "wrote 4 indicator(s) (11 figure(s))" in r.stderr
    assert "left out 1 figure(s) of a quarter" in r.stderr
    assert "left out 1 derived indicator(s)" in r.stderr and "doubled" in r.stderr


def test_metadata_carries_names_sources_and_progress_options(plan: Path) -> None:
    assert run_clean("export", "opensdg", "--into", "../site").exit_code == 0
    meta = plan.parent / "site" / "meta"
    common = {"reporting_status": "complete", "published": True, "data_non_statistical": False, "graph_type": "line"}
    assert front_matter(meta / "1-1-1.md") == {
        "indicator_name": "Employment rate",
        "graph_title": "Employment rate",
        "computation_units": "%",
        **common,
        "indicator_number": "1.1.1",
        # LFS gives 3 of the 5 figures in force, the ministry 2.
        "source_active_1": True,
        "source_organisation_1": LFS,
        "source_url_text_1": LFS,
        "source_url_1": "https://example.org/lfs",
        "source_active_2": True,
        "source_organisation_2": "Ministry report",
        "source_url_text_2": "Ministry report",
        "auto_progress_calculation": True,
        "progress_calculation_options": [
            # The indicator's direction; Open SDG's defaults written out.
            {"direction": "positive", "base_year": 2015, "target_year": 2030, "target": 70.0},
            {
                "direction": "negative",
                "base_year": 2016,
                "target_year": 2030,
                "target": 40.0,
                "disaggregation": [{"field": "Sex", "value": "Women"}],
            },
        ],
    }
    emissions = front_matter(meta / "emissions.md")
    assert emissions["auto_progress_calculation"] is True
    # Judged on the Progress column: the companion's own direction.
    assert emissions["progress_calculation_options"] == [
        {"direction": "negative", "base_year": 2015, "target_year": 2030, "limit": 0.5}
    ]
    # A level target: qntrack's status. From 10 (2020) to 13 (2023) against 20 by 2030:
    # achieved growth 1.3^(1/3) - 1 = 0.0914, required 2^(1/10) - 1 = 0.0718, ratio 1.27,
    # at least 0.95: substantial progress (docs/methodology.md, "Method 2").
    share = front_matter(meta / "share.md")
    assert share["auto_progress_calculation"] is False
    assert share["progress_status"] == "substantial_progress"
    assert "progress_calculation_options" not in share
    population = front_matter(meta / "population.md")
    assert population["auto_progress_calculation"] is False and "progress_status" not in population
    assert population["reporting_status"] == "notstarted"  # no figure yet
    assert population["indicator_number"] == "population"


def test_config_schema_and_translations(plan: Path) -> None:
    assert run_clean("export", "opensdg", "--into", "../site").exit_code == 0
    site = plan.parent / "site"
    config = yaml.safe_load((site / "config_data.yml").read_text(encoding="utf-8"))
    assert config["languages"] == ["en", "vi"]
    assert config["schema_file"] == "_prose.yml" and (site / "_prose.yml").is_file()
    assert config["src_dir"] == ""
    assert config["inputs"] == [
        {"class": "InputCsvData", "path_pattern": "data/indicator_*.csv"},
        {"class": "InputYamlMdMeta", "path_pattern": "meta/*.md", "git": False},
    ]
    prose = yaml.safe_load((site / "_prose.yml").read_text(encoding="utf-8"))
    fields = {f["name"]: f["field"]["element"] for f in prose["prose"]["metadata"]["meta"]}
    assert fields["published"] == "checkbox" and fields["reporting_status"] == "select"
    assert (site / "translations" / "vi" / "data.yml").read_text(encoding="utf-8") == "Sex: Giới tính\n"


def test_as_of_writes_the_figures_then_in_force(plan: Path) -> None:
    assert run_clean("export", "opensdg", "--into", "../site", "--as-of", "2021-12-31").exit_code == 0
    data = plan.parent / "site" / "data"
    # Before the 2022 revision; share's 2023 figure not yet recorded.
    assert (data / "indicator_1-1-1.csv").read_text(encoding="utf-8").splitlines()[2] == "2020,,62.25"
    assert (data / "indicator_share.csv").read_text(encoding="utf-8") == "Year,Value\n2020,10\n"


def test_a_later_export_replaces_its_own_files_only(plan: Path) -> None:
    assert run_clean("export", "opensdg", "--into", "../site").exit_code == 0
    site = plan.parent / "site"
    (site / "README.md").write_text("our site\n", encoding="utf-8")
    (site / "data" / "indicator_9-9-9.csv").write_text("Year,Value\n", encoding="utf-8")
    # The plan drops its Employment figures: the earlier export's file of them goes.
    kept = [line for line in OBSERVATIONS.splitlines() if not line.startswith("1_1_1")]
    (plan / "observations.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    assert run_clean("export", "opensdg", "--into", "../site").exit_code == 0
    assert not (site / "data" / "indicator_1-1-1.csv").exists()
    assert (site / "README.md").read_text(encoding="utf-8") == "our site\n"
    assert (site / "data" / "indicator_9-9-9.csv").exists()  # not the export's: kept
    assert not [p for p in site.rglob("*") if p.name.endswith(".tmp")]


def test_a_foreign_folder_is_refused_without_force(plan: Path) -> None:
    site = plan.parent / "site"
    site.mkdir()
    (site / "notes.txt").write_text("mine\n", encoding="utf-8")
    r = run_clean("export", "opensdg", "--into", "../site")
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1 and "--force" in r.stderr and "../site" in r.stderr
    assert sorted(p.name for p in site.iterdir()) == ["notes.txt"]
    r = run_clean("export", "opensdg", "--into", "../site", "--force")
    assert r.exit_code == 0
    assert (site / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert (site / "data" / "indicator_share.csv").exists() and (site / ".qntrack-export").exists()


@pytest.mark.parametrize("into", [".", "..", "./"])
def test_the_plan_folder_or_one_above_it_is_refused(plan: Path, into: str) -> None:
    before = sorted(p.name for p in plan.iterdir())
    r = run_clean("export", "opensdg", "--into", into, "--force")
    assert r.exit_code == 2
    assert "the tracker's own files" in r.stderr and r.stderr.count("\n") == 1
    assert sorted(p.name for p in plan.iterdir()) == before


def test_a_folder_that_cannot_be_written_is_one_message(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_mkdir = os.mkdir
    parent = os.path.realpath(plan.parent)

    def read_only(path, *a, **k):  # the parent folder is read-only (root ignores the mode)
        if os.path.dirname(os.path.realpath(os.fsdecode(path))) == parent:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))
        return real_mkdir(path, *a, **k)

    monkeypatch.setattr(os, "mkdir", read_only)
    r = run_clean("export", "opensdg", "--into", "../site")
    assert r.exit_code == 1
    assert r.stderr.startswith("../site: error: cannot write the Open SDG repository: Permission denied")
    assert r.stderr.endswith("; nothing was written\n")
    assert r.stderr.count("\n") == 1
    assert sorted(p.name for p in plan.parent.iterdir()) == ["plan"]


def test_a_file_in_place_of_the_folder_is_refused(plan: Path) -> None:
    (plan.parent / "site").write_text("x", encoding="utf-8")
    r = run_clean("export", "opensdg", "--into", "../site")
    assert r.exit_code == 2 and "not a folder" in r.stderr


def test_the_shipped_plan_exports_csv_files_open_sdg_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "plan"
    folder.mkdir()
    make_tracker(
        folder,
        monkeypatch,
        (ROOT / "targets.yaml").read_text(encoding="utf-8"),
        (ROOT / "observations.csv").read_text(encoding="utf-8"),
    )
    r = run_clean("export", "opensdg", "--into", "../site")
    assert r.exit_code == 0, r.output
    files = sorted((tmp_path / "site" / "data").glob("indicator_*.csv"))
    assert files
    for file in files:
        rows = list(csv.reader(io.StringIO(file.read_text(encoding="utf-8"))))
        assert rows[0][0] == "Year" and rows[0][-1] == "Value", file
        assert all(len(row) == len(rows[0]) for row in rows)
        assert all(row[0].isdigit() and float(row[-1]) == float(row[-1]) for row in rows[1:])
    for meta in (tmp_path / "site" / "meta").glob("*.md"):
        assert front_matter(meta)["indicator_name"]


SERIES_TARGETS = dedent(
    """
    version: 1
    title: "Series test"
    dimensions:
      series: {name: Series}
      units: {name: Units}
      age: {name: Age group}
    indicators:
      2_1_1:
        name: Stunting
        direction: decrease
        dimensions: [series, units, age]
      2_2_1:
        name: Wasting
        direction: decrease
        dimensions: [series]
    targets:
      - id: stunting
        type: open_sdg
        indicator: 2_1_1
        of: {series: Prevalence, units: Percent}
        target: 3
      - id: wasting
        type: open_sdg
        indicator: 2_2_1
        target: 1
    """
)
SERIES_OBSERVATIONS = dedent(
    """
    indicator,period,value,status,source,note,recorded_at
    2_1_1[series=Prevalence;units=Percent],2015,6.5,,,,2016-01-10T00:00:00Z
    2_1_1[series=Prevalence;units=Percent],2020,5.5,,,,2021-01-10T00:00:00Z
    2_1_1[series=Prevalence;units=Percent;age=Under 5],2020,7.25,,,,2021-01-10T00:00:00Z
    2_1_1[series=Count;units=Number],2020,1200,,,,2021-01-10T00:00:00Z
    2_2_1,2015,4,,,,2016-01-10T00:00:00Z
    2_2_1,2020,2,,,,2021-01-10T00:00:00Z
    2_2_1[series=Severe],2020,1,,,,2021-01-10T00:00:00Z
    """
)


def test_series_and_units_are_open_sdg_columns_and_selections(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "plan"
    folder.mkdir()
    make_tracker(folder, monkeypatch, SERIES_TARGETS, SERIES_OBSERVATIONS)
    assert run_clean("export", "opensdg", "--into", "../site").exit_code == 0
    site = tmp_path / "site"
    assert (site / "data" / "indicator_2-1-1.csv").read_text(encoding="utf-8") == (
        "Year,Series,Units,Age group,Value\n"
        "2020,Count,Number,,1200\n"
        "2015,Prevalence,Percent,,6.5\n"
        "2020,Prevalence,Percent,,5.5\n"
        "2020,Prevalence,Percent,Under 5,7.25\n"
    )
    stunting = front_matter(site / "meta" / "2-1-1.md")
    # Open SDG's headline of Prevalence in Percent: its rows with no age: the unit's own.
    assert stunting["progress_calculation_options"] == [
        {
            "direction": "negative",
            "base_year": 2015,
            "target_year": 2030,
            "target": 3.0,
            "series": "Prevalence",
            "unit": "Percent",
        }
    ]
    # Open SDG's headline of 2-2-1 would take the Severe series' row with the total's
    # (Series is not a disaggregation): qntrack's status instead. From 4 (2015) to 2
    # (2020) against 1 by 2030: achieved (2/4)^(1/5) - 1 = -0.1294, required
    # (1/4)^(1/15) - 1 = -0.0883; ratio 1.47, at least 0.95: substantial progress.
    wasting = front_matter(site / "meta" / "2-2-1.md")
    assert wasting["auto_progress_calculation"] is False
    assert wasting["progress_status"] == "substantial_progress"
    assert "translations" not in {p.name for p in site.iterdir()}  # no Vietnamese name
    assert yaml.safe_load((site / "config_data.yml").read_text(encoding="utf-8"))["languages"] == ["en"]


def test_a_dimension_named_as_an_open_sdg_column_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    targets = dedent(
        """
        version: 1
        title: "Clash"
        dimensions:
          place: {name: GeoCode}
        indicators:
          x: {name: X, dimensions: [place]}
        targets: []
        """
    )
    folder = tmp_path / "plan"
    folder.mkdir()
    make_tracker(folder, monkeypatch, targets, "indicator,period,value,status,source,note,recorded_at\n")
    r = run_clean("export", "opensdg", "--into", "../site")
    assert r.exit_code == 1
    assert r.stderr == (
        "targets.yaml:4:3: error: dimension 'place' is named 'GeoCode', a column Open SDG reads as something other "
        "than a disaggregation: give the dimension another English name to export it\n"
    )
    assert not (tmp_path / "site").exists()


def test_a_unit_with_finer_rows_is_judged_by_qntrack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    targets = dedent(
        """
        version: 1
        title: "Finer"
        dimensions:
          sex: {name: Sex}
          age: {name: Age}
        indicators:
          x: {name: X, direction: increase, dimensions: [sex, age]}
          y: {name: Y, direction: increase, dimensions: [sex]}
        targets:
          - {id: x-women, type: open_sdg, indicator: x, of: {sex: Women}, target: 80}
          - {id: y-men, type: open_sdg, indicator: y, of: {sex: Men}, target: 80}
        """
    )
    observations = dedent(
        """
        indicator,period,value,status,source,note,recorded_at
        x[sex=Women],2015,40,,,,2016-01-10T00:00:00Z
        x[sex=Women],2020,60,,,,2021-01-10T00:00:00Z
        x[sex=Women;age=Young],2020,50,,,,2021-01-10T00:00:00Z
        y[sex=Women],2020,50,,,,2021-01-10T00:00:00Z
        y[sex=Women;age=Young],2020,50,,,,2021-01-10T00:00:00Z
        """
    )
    folder = tmp_path / "plan"
    folder.mkdir()
    make_tracker(folder, monkeypatch, targets, observations)
    r = run_clean("export", "opensdg", "--into", "../site")
    assert r.exit_code == 0
    # y has no age dimension: its Women-by-age figure is left out, and said.
    assert "left out 1 figure(s) of units whose dimension" in r.stderr
    assert (tmp_path / "site" / "data" / "indicator_y.csv").read_text(
        encoding="utf-8"
    ) == "Year,Sex,Value\n2020,Women,50\n"
    # Open SDG's "Sex: Women" would take the young women's row too: qntrack judges it.
    # From 40 (2015) to 60 (2020) against 80 by 2030: achieved 1.5^(1/5) - 1 = 0.0845,
    # required 2^(1/15) - 1 = 0.0473; ratio 1.79: substantial progress.
    x = front_matter(tmp_path / "site" / "meta" / "x.md")
    assert x["auto_progress_calculation"] is False and x["progress_status"] == "substantial_progress"
    # y's Men have no row: Open SDG would skip its filter and judge Women. qntrack: no figure.
    y = front_matter(tmp_path / "site" / "meta" / "y.md")
    assert y["auto_progress_calculation"] is False and y["progress_status"] == "not_available"


def test_import_of_the_export_gives_the_same_statuses(plan: Path) -> None:
    """The issue's round trip: what Open SDG computes from the export (the import's
    open_sdg targets) is what qntrack computed from the plan, target by target."""
    from qntrack.cli.export_opensdg import export_opensdg
    from qntrack.files.opensdg_run import import_opensdg
    from qntrack.files.workspace import open_workspace
    from qntrack.kinds import assess

    export_opensdg(None, "../site")
    import_opensdg(plan.parent / "site", plan.parent / "back", "2025-01-01")

    def judged(targets: str | None) -> list[tuple[str, str, float | None]]:
        ws = open_workspace(targets)
        return [
            (a.target.series_key, a.status.value, a.score)
            for a in assess(ws.plan, ws.series)
            if a.target.kind == "open_sdg"
        ]

    before = judged(None)
    # By hand: employment 60.5 (2015) to 63.0 (2020) against 70 by 2030: (63/60.5)^(1/5) - 1
    # = 0.00813 over (70/60.5)^(1/15) - 1 = 0.00977 is 0.83: moderate. Women from 2016:
    # the first year with a figure is 2020, the latest too: no assessment. Emissions'
    # Progress 1.5 to 1.2, lower is better: (1.2/1.5)^(1/5) - 1 = -0.0437, at least 0.015
    # the right way: substantial progress.
    assert [s for _, s, _ in before] == ["moderate_progress", "not_available", "substantial_progress"]
    assert judged(str(plan.parent / "back" / "targets.yaml")) == before


VIETNAMESE_UNITS_TARGETS = dedent(
    """
    version: 1
    title: "Vietnamese units"
    dimensions:
      sex:
        name: {en: Sex, vi: Giới tính}
        values:
          - {value: Nữ, names: {en: Female}}
          - {value: Nam, names: {en: Male}}
          - Khác
    indicators:
      1_1_1:
        name: {en: Employment rate, vi: Tỷ lệ có việc làm}
        unit: "%"
        direction: increase
        dimensions: [sex]
    targets:
      - id: employment
        type: open_sdg
        indicator: 1_1_1
        target: 70
        target_year: 2030
    """
)


def test_a_unit_declared_in_vietnamese_has_its_english_name_for_the_english_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Open SDG translates a data cell by its text in the language shown: a unit declared
    as 'Nữ' with `names: {en: Female}` is written 'Nữ' in the data, so the English site
    needs translations/en/data.yml to say 'Female' (a unit with no English name stays as
    written; an English name equal to the unit's needs no line)."""
    folder = tmp_path / "plan"
    folder.mkdir()
    observations = "indicator,period,value,status,source,note,recorded_at\n" + "".join(
        f"1_1_1[sex={unit}],2020,{value},official,LFS,,2021-03-01T00:00:00Z\n"
        for unit, value in (("Nữ", 60), ("Nam", 70), ("Khác", 65))
    )
    make_tracker(folder, monkeypatch, VIETNAMESE_UNITS_TARGETS, observations)
    assert run_clean("export", "opensdg", "--into", "../site").exit_code == 0
    site = tmp_path / "site"
    english = yaml.safe_load((site / "translations" / "en" / "data.yml").read_text(encoding="utf-8"))
    assert english == {"Nữ": "Female", "Nam": "Male"}
    # Vietnamese is the plan's other language; its own units need no translation.
    assert yaml.safe_load((site / "config_data.yml").read_text(encoding="utf-8"))["languages"] == ["en", "vi"]
    assert yaml.safe_load((site / "translations" / "vi" / "data.yml").read_text(encoding="utf-8")) == {
        "Sex": "Giới tính"
    }
