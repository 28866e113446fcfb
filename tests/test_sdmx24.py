"""SDMX-CSV as a statistics office's SDMX system reads it (issue 17, twenty-fourth session).

In an SDMX data message a dimension's cell is a code of the dimension's code list, and an
SDMX code is an id: ``[A-Za-z0-9_@$-]+`` (SDMX 2.1 / 3.0 IDType). .Stat Suite, FMR and
sdmx-json tools refuse a message whose cell is "Cẩm Phả" or "Ba Chẽ, Tiên Yên". The codes
expected here are written by hand from the rule docs/formats.md states: a unit's declared
``code:``, else its name when it is an id already, else its name in capitals without its
marks, every run of other characters an underscore ("Cẩm Phả" -> CAM_PHA).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import STORE_HEADER, dedent, make_tracker
from helpers import run, store_text

SDMX_ID = re.compile(r"[A-Za-z0-9_@$-]+")

TARGETS = dedent(
    """
    version: 1
    title: "Code plan"
    dimensions:
      locality:
        name: {en: "Locality", vi: "Địa phương"}
        values:
          - Cẩm Phả
          - Hạ Long city
          - "Ba Chẽ, Tiên Yên"
          - {value: "Đông Triều", code: "DT_205"}
          - Uong_Bi
    indicators:
      revenue:
        name: "Budget revenue"
        unit: "bn VND"
        frequency: quarter
        dimensions: [locality]
    targets:
      - id: revenue
        indicator: revenue
        baseline: {period: 2022, value: 1000}
        milestones:
          - {by: 2025, value: 2000}
    """
)

OBSERVATIONS = STORE_HEADER + dedent(
    """
    revenue,2023,1500,official,yearbook,,2024-03-01T00:00:00Z
    revenue[locality=Cẩm Phả],2023,400,estimate,src,,2024-03-02T00:00:00Z
    revenue[locality=Hạ Long city],2023,500,official,src,,2024-03-02T00:00:00Z
    "revenue[locality=Ba Chẽ, Tiên Yên]",2023,60,preliminary,src,,2024-03-02T00:00:00Z
    revenue[locality=Đông Triều],2023,70,official,src,,2024-03-02T00:00:00Z
    revenue[locality=Uong_Bi],2023-Q1,80,official,src,,2024-03-02T00:00:00Z
    """
)


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "a").mkdir()
    return make_tracker(tmp_path / "a", monkeypatch, TARGETS, OBSERVATIONS)


def _locality_cells(text: str) -> list[str]:
    lines = text.splitlines()
    column = lines[0].split(",").index("LOCALITY")
    import csv

    return [row[column] for row in csv.reader(lines[1:])]


def test_every_dimension_cell_written_is_an_sdmx_code(plan: Path):
    r = run("export", "sdmx-csv")
    assert r.exit_code == 0, r.stderr
    cells = _locality_cells(r.stdout)
    # By hand: the total, then the units in the declared order.
    assert cells == ["_T", "CAM_PHA", "HA_LONG_CITY", "BA_CHE_TIEN_YEN", "DT_205", "Uong_Bi"]
    assert all(SDMX_ID.fullmatch(c) for c in cells)


def _observations(folder: Path) -> list[dict]:
    r = run("observations", "--format", "json", "--targets", str(folder / "targets.yaml"))
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)
    rows = rows["observations"] if isinstance(rows, dict) else rows
    for row in rows:
        row.pop("revises", None)  # an export carries the figures in force, not what they revised
    return rows


def _status(folder: Path) -> dict:
    r = run("status", "--format", "json", "--targets", str(folder / "targets.yaml"), "--as-of", "2025-01-01")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def test_the_codes_read_back_into_a_fresh_tracker_as_the_same_figures(plan: Path, tmp_path: Path):
    out = tmp_path / "x.csv"
    r = run("export", "sdmx-csv", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (fresh / "observations.csv").write_text(STORE_HEADER, encoding="utf-8")
    r = run("add-observation", "--from", str(out), "--targets", str(fresh / "targets.yaml"))
    assert r.exit_code == 0, r.stderr
    assert "added 6 row(s)" in r.stderr.lower()
    assert _observations(fresh) == _observations(tmp_path / "a")
    assert _status(fresh) == _status(tmp_path / "a")
    # Imported again into the tracker it came from: nothing new.
    r = run("add-observation", "--from", str(out))
    assert r.exit_code == 0, r.stderr
    assert "already recorded" in r.stderr
    assert store_text(plan) == OBSERVATIONS


def _plan_with(values: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: str = "") -> Path:
    targets = TARGETS.replace(
        TARGETS[TARGETS.index("    values:\n") : TARGETS.index("indicators:")],
        "    values:\n" + values,
    )
    folder = tmp_path / "p"
    folder.mkdir()
    return make_tracker(folder, monkeypatch, targets, STORE_HEADER + rows)


def test_two_units_that_would_have_one_code_are_refused_at_the_line_to_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # "Hạ Long" and "Ha Long" are two units (their letters differ), and both would be HA_LONG:
    # read back, one would take the other's figures.
    folder = _plan_with(
        "      - Hạ Long\n      - Ha Long\n",
        tmp_path,
        monkeypatch,
        "revenue[locality=Ha Long],2023,5,official,s,,2024-03-02T00:00:00Z\n",
    )
    r = run("export", "sdmx-csv", "-o", "x.csv")
    assert r.exit_code == 1
    assert r.stderr.startswith("targets.yaml:8:")  # the second unit's line
    assert "'Ha Long'" in r.stderr and "'Hạ Long'" in r.stderr and "HA_LONG" in r.stderr
    assert "code:" in r.stderr
    assert not (folder / "x.csv").exists()


def test_a_unit_of_an_open_list_that_is_no_sdmx_code_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    targets = TARGETS.replace(
        TARGETS[TARGETS.index("    values:\n") : TARGETS.index("indicators:")], ""
    )  # locality: an open list: a code could not be read back to its name
    make_tracker(
        tmp_path,
        monkeypatch,
        targets,
        STORE_HEADER
        + "revenue[locality=Nam],2023,5,official,s,,2024-03-02T00:00:00Z\n"
        + "revenue[locality=Nữ],2023,6,official,s,,2024-03-02T00:00:00Z\n",
    )
    r = run("export", "sdmx-csv")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.startswith("targets.yaml:4:")  # the dimension's line
    assert "'Nữ'" in r.stderr and "code:" in r.stderr


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("Cẩm Phả", "'Cẩm Phả'"),
        ("A B", "'A B'"),
        ("_T", "_T"),
        ("-X", "'-X'"),
        ("''", "empty"),
    ],
)
def test_a_declared_code_that_is_no_sdmx_id_is_refused_at_its_line(
    code: str, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    _plan_with(f"      - {{value: Cẩm Phả, code: {code}}}\n", tmp_path, monkeypatch)
    r = run("check")
    assert r.exit_code == 1
    assert "targets.yaml:7:" in r.stderr
    assert said in r.stderr
    r = run("check", "--lang", "vi")
    assert "targets.yaml:7:" in r.stderr and ("mã" in r.stderr or said == "empty")


def test_one_code_declared_for_two_units_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    _plan_with(
        "      - {value: Cẩm Phả, code: CP}\n      - {value: Cô Tô, code: CP}\n      - CP\n",
        tmp_path,
        monkeypatch,
    )
    r = run("check")
    assert r.exit_code == 1
    assert "targets.yaml:8:" in r.stderr and "'CP'" in r.stderr and "'Cẩm Phả'" in r.stderr


def test_a_code_is_read_in_an_sdmx_file_typed_by_hand_and_names_still_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # An office's own file: a declared code, a derived one, and a unit by its name (an
    # export of an earlier qntrack wrote names); 1.0 header, ';' and decimal commas.
    folder = tmp_path / "a"
    folder.mkdir()
    make_tracker(folder, monkeypatch, TARGETS, STORE_HEADER)
    (folder / "in.csv").write_text(
        "DATAFLOW;INDICATOR;LOCALITY;TIME_PERIOD;OBS_VALUE;OBS_STATUS\n"
        "GSO:DF_QN(1.0);revenue;DT_205;2024;1,5;A\n"
        "GSO:DF_QN(1.0);revenue;CAM_PHA;2024;2,5;E\n"
        "GSO:DF_QN(1.0);revenue;Hạ Long city;2024;3;P\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv", "--recorded-at", "2025-01-02")
    assert r.exit_code == 0, r.stderr
    body = store_text(folder).splitlines()[1:]
    assert body == [
        "revenue[locality=Đông Triều],2024,1.5,official,,,2025-01-02T00:00:00Z",
        "revenue[locality=Cẩm Phả],2024,2.5,estimate,,,2025-01-02T00:00:00Z",
        "revenue[locality=Hạ Long city],2024,3,preliminary,,,2025-01-02T00:00:00Z",
    ]


def test_empty_unit_attribute_columns_are_passed_over_and_a_multiplier_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # A .Stat Suite download carries UNIT_MULT and UNIT_MEASURE as attribute columns; empty,
    # they say nothing and the row is read. A multiplier (9: billions) qntrack cannot check
    # against "bn VND": refused at its line, nothing recorded, the unit named.
    folder = tmp_path / "a"
    folder.mkdir()
    make_tracker(folder, monkeypatch, TARGETS, STORE_HEADER)
    (folder / "in.csv").write_text(
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,LOCALITY,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,UNIT_MULT\n"
        "dataflow,GSO:DF_QN(1.0),I,revenue,CAM_PHA,2024,2.5,,\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv", "--recorded-at", "2025-01-02")
    assert r.exit_code == 0, r.stderr
    assert store_text(folder).splitlines()[1:] == ["revenue[locality=Cẩm Phả],2024,2.5,,,,2025-01-02T00:00:00Z"]
    (folder / "in.csv").write_text(
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,LOCALITY,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,UNIT_MULT\n"
        "dataflow,GSO:DF_QN(1.0),I,revenue,CAM_PHA,2023,3,,\n"
        "dataflow,GSO:DF_QN(1.0),I,revenue,DT_205,2023,2500000000,VND,0\n",
        encoding="utf-8",
    )
    before = store_text(folder)
    r = run("add-observation", "--from", "in.csv", "--recorded-at", "2025-01-02")
    assert r.exit_code == 1
    assert r.stderr.startswith("in.csv:3: error: UNIT_MULT '0':")
    assert "'bn VND'" not in r.stderr and "(bn VND)" in r.stderr
    assert store_text(folder) == before


def test_codes_that_differ_only_in_case_are_one_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # 'Ha_Long' is its own code and 'Hạ Long' would be HA_LONG: SDMX ids are case-sensitive,
    # but .Stat Suite keeps codes in SQL Server, whose usual collation ignores case.
    folder = _plan_with(
        "      - Ha_Long\n      - Hạ Long\n",
        tmp_path,
        monkeypatch,
        "revenue[locality=Hạ Long],2023,5,official,s,,2024-03-02T00:00:00Z\n",
    )
    r = run("export", "sdmx-csv", "-o", "x.csv")
    assert r.exit_code == 1
    assert r.stderr.startswith("targets.yaml:8:") and "HA_LONG" in r.stderr and "'Ha_Long'" in r.stderr
    assert not (folder / "x.csv").exists()
    (folder / "targets.yaml").write_text(
        (folder / "targets.yaml").read_text(encoding="utf-8").replace("- Hạ Long", "- {value: Hạ Long, code: ha_long}"),
        encoding="utf-8",
    )
    r = run("check")
    assert r.exit_code == 1
    assert "targets.yaml:8:" in r.stderr and "'ha_long'" in r.stderr and "'Ha_Long'" in r.stderr


def test_a_dimension_whose_column_would_be_no_sdmx_id_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # targets.yaml's ids may start with a digit or _; an SDMX component's id starts with a letter.
    targets = TARGETS.replace("  locality:\n", "  _area:\n").replace("dimensions: [locality]", "dimensions: [_area]")
    make_tracker(tmp_path, monkeypatch, targets, STORE_HEADER + "revenue,2023,1500,official,s,,2024-03-01T00:00:00Z\n")
    r = run("export", "sdmx-csv")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.startswith("targets.yaml:4:") and "'_area'" in r.stderr and "_AREA" in r.stderr


def test_not_applicable_is_read_as_the_figure_not_broken_down(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # SDMX's _Z (not applicable, CL_SEX and every cross-domain list) in a dimension the figure
    # is not broken down by: the indicator's own figure, as _T and an empty cell are; it was
    # refused in a declared dimension and, in an open list, recorded as a unit named '_Z'.
    targets = TARGETS.replace("    values:\n", "    values:\n      - _Z\n")
    folder = tmp_path / "a"
    folder.mkdir()
    make_tracker(folder, monkeypatch, targets, STORE_HEADER)
    (folder / "in.csv").write_text(
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,LOCALITY,TIME_PERIOD,OBS_VALUE\n"
        "dataflow,GSO:DF_QN(1.0),I,revenue,_Z,2023,1500\n"
        "dataflow,GSO:DF_QN(1.0),I,revenue,Z,2023,7\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv", "--recorded-at", "2024-03-01")
    assert r.exit_code == 0, r.stderr
    # The unit named '_Z' is written Z (a code starts with a letter or a digit) and read back.
    assert store_text(folder).splitlines()[1:] == [
        "revenue,2023,1500,,,,2024-03-01T00:00:00Z",
        "revenue[locality=_Z],2023,7,,,,2024-03-01T00:00:00Z",
    ]
    r = run("export", "sdmx-csv")
    assert r.exit_code == 0, r.stderr
    assert _locality_cells(r.stdout) == ["_T", "Z"]


@pytest.mark.parametrize("code", ["_Z", "_X1"])
def test_a_declared_code_starting_with_an_underscore_is_refused(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # SDMX's cross-domain lists keep codes starting with _ for their own (_T, _Z, _X, _U).
    _plan_with(f"      - {{value: Cẩm Phả, code: {code}}}\n", tmp_path, monkeypatch)
    r = run("check")
    assert r.exit_code == 1
    assert "targets.yaml:7:" in r.stderr and f"'{code}'" in r.stderr


def test_a_file_with_labels_is_read_by_its_codes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # .Stat Suite's downloads (labels=both, SDMX-CSV 2.0 section 'labels'): each component's
    # header is 'ID: Name' and each coded cell 'CODE: Name'. The codes are read; a custom
    # column (SOURCE) is text, kept whole with its ': '.
    folder = tmp_path / "a"
    folder.mkdir()
    make_tracker(folder, monkeypatch, TARGETS, STORE_HEADER)
    (folder / "in.csv").write_text(
        "STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,INDICATOR: Indicator,LOCALITY: Địa phương,"
        "TIME_PERIOD: Time period,OBS_VALUE: Observation value,OBS_STATUS: Observation status,"
        "UNIT_MULT: Unit multiplier,SOURCE\n"
        "dataflow,GSO:DF_QN(1.0),Chỉ tiêu,I,revenue: Budget revenue,CAM_PHA: Cẩm Phả,2023,2.5,"
        "E: Estimated value,,Cục Thống kê: niên giám 2023\n"
        "dataflow,GSO:DF_QN(1.0),Chỉ tiêu,I,revenue: Budget revenue,_T: Total,2023-Q1,9,A: Normal value,,s\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv", "--recorded-at", "2024-03-01")
    assert r.exit_code == 0, r.stderr
    assert store_text(folder).splitlines()[1:] == [
        "revenue[locality=Cẩm Phả],2023,2.5,estimate,Cục Thống kê: niên giám 2023,,2024-03-01T00:00:00Z",
        "revenue,2023-Q1,9,official,s,,2024-03-01T00:00:00Z",
    ]


UNIT_TARGETS = TARGETS.replace(
    '    unit: "bn VND"\n', '    unit: "bn VND"\n    sdmx: {unit_measure: VND, unit_mult: 9}\n'
)


def test_a_declared_unit_is_written_as_unit_measure_and_unit_mult_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # 'bn VND' is VND with a multiplier of 9 in SDMX terms (CL_UNIT_MULT 9: billions); said
    # in targets.yaml, it is written on every row of the indicator, in two columns at the end.
    folder = tmp_path / "a"
    folder.mkdir()
    make_tracker(folder, monkeypatch, UNIT_TARGETS, OBSERVATIONS)
    r = run("export", "sdmx-csv", "-o", str(tmp_path / "x.csv"))
    assert r.exit_code == 0, r.stderr
    lines = (tmp_path / "x.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == (
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,LOCALITY,TIME_PERIOD,OBS_VALUE,OBS_STATUS,"
        "SOURCE,COMMENT_OBS,RECORDED_AT,UNIT_MEASURE,UNIT_MULT"
    )
    assert (
        lines[1] == "dataflow,QNTRACK:DF_CODE_PLAN(1.0),I,revenue,_T,2023,1500,A,yearbook,,2024-03-01T00:00:00Z,VND,9"
    )
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "targets.yaml").write_text(UNIT_TARGETS, encoding="utf-8")
    (fresh / "observations.csv").write_text(STORE_HEADER, encoding="utf-8")
    r = run("add-observation", "--from", str(tmp_path / "x.csv"), "--targets", str(fresh / "targets.yaml"))
    assert r.exit_code == 0, r.stderr
    assert _observations(fresh) == _observations(folder)
    # A figure in millions (UNIT_MULT 6) is not the plan's billions: refused at its line.
    (tmp_path / "m.csv").write_text(
        lines[0] + "\n" + "dataflow,X:DF(1.0),I,revenue,_T,2022,1500000,A,s,,2024-03-01T00:00:00Z,VND,6\n",
        encoding="utf-8",
    )
    before = store_text(folder)
    r = run("add-observation", "--from", str(tmp_path / "m.csv"))
    assert r.exit_code == 1
    assert r.stderr.startswith(f"{tmp_path / 'm.csv'}:2: error: UNIT_MULT '6'") and "9" in r.stderr
    assert store_text(folder) == before


@pytest.mark.parametrize(
    ("sdmx", "said"),
    [
        ("{unit_measure: 'Việt Nam đồng'}", "'Việt Nam đồng'"),
        ("{unit_mult: nine}", "'nine'"),
        ("{unit_mult: 9.5}", "'9.5'"),
        ("{unit: VND}", "'unit'"),
    ],
)
def test_a_declared_sdmx_unit_that_is_no_code_is_refused_at_its_line(
    sdmx: str, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    make_tracker(
        tmp_path,
        monkeypatch,
        TARGETS.replace('    unit: "bn VND"\n', f'    unit: "bn VND"\n    sdmx: {sdmx}\n'),
        STORE_HEADER,
    )
    r = run("check")
    assert r.exit_code == 1
    assert "targets.yaml:16:" in r.stderr and said in r.stderr


def test_an_attribute_column_empty_in_every_row_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A .Stat Suite download has a column for every attribute of its structure, most of them
    # empty (OBS_CONF, OBS_PRE_BREAK): an empty one says nothing and was refused as unknown.
    # Filled, it is still refused: qntrack would drop what it says.
    folder = tmp_path / "a"
    folder.mkdir()
    make_tracker(folder, monkeypatch, TARGETS, STORE_HEADER)
    head = "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,LOCALITY,TIME_PERIOD,OBS_VALUE,OBS_CONF,OBS_PRE_BREAK\n"
    (folder / "in.csv").write_text(head + "dataflow,GSO:DF_QN(1.0),I,revenue,CAM_PHA,2023,2.5,,\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv", "--recorded-at", "2024-03-01")
    assert r.exit_code == 0, r.stderr
    assert store_text(folder).splitlines()[1:] == ["revenue[locality=Cẩm Phả],2023,2.5,,,,2024-03-01T00:00:00Z"]
    (folder / "in.csv").write_text(
        head + "dataflow,GSO:DF_QN(1.0),I,revenue,CAM_PHA,2022,2,,\ndataflow,GSO:DF_QN(1.0),I,revenue,_T,2022,9,C,\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv", "--recorded-at", "2024-03-01")
    assert r.exit_code == 1
    assert r.stderr.startswith("in.csv:1: error: unknown column 'OBS_CONF'") and "OBS_PRE_BREAK" not in r.stderr
