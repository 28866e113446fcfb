"""SDMX-CSV (issue 16): `export sdmx-csv` writes the figures in force as an SDMX-CSV 2.0
data message, and `add-observation --from` reads SDMX-CSV (2.0 and 1.0) back.

The expected messages are written by hand from the SDMX-CSV 2.0 field guide
(sdmx-twg/sdmx-csv, docs/data_message_field_guide.md): the header row
STRUCTURE,STRUCTURE_ID,ACTION, the components by id, ``dataflow`` and AGENCY:ID(VERSION)
in every row, ACTION I; SDMX's TIME_PERIOD forms (2023, 2023-S1, 2023-Q3, 2023-05, a time
range 2023-01-01/P9M) and CL_OBS_STATUS codes (A normal, E estimated, P provisional).
"""

from __future__ import annotations

import json

import errno
from pathlib import Path

import pytest

from conftest import STORE_HEADER, dedent, make_tracker
from helpers import json_of, run, store_text
from test_os_errors import one_line, refuse_writes

from qntrack.files.sdmx_csv import read_period, sdmx_period, structure_id, valid_structure_id
from qntrack.plan.periods import parse_period

TARGETS = dedent(
    """
    version: 1
    title: "Test plan"
    dimensions:
      locality:
        name: {en: "Locality", vi: "Địa phương"}
        values:
          - Hạ Long
          - "Ba Chẽ, Tiên Yên"
      sex:
    indicators:
      revenue:
        name: "Budget revenue"
        unit: "bn VND"
        frequency: month
        dimensions: [locality]
      share:
        name: "Manufacturing share"
        unit: "%"
        frequency: quarter
      half_revenue:
        name: "Half of the revenue"
        unit: "bn VND"
        frequency: month
        formula: "revenue / 2"
    targets:
      - id: revenue
        indicator: revenue
        baseline: {period: 2022, value: 1000}
        milestones:
          - {by: 2025, value: 2000}
      - id: share
        indicator: share
        baseline: {period: 2022, value: 11}
        milestones:
          - {by: 2025, value: 15}
    """
)

OBSERVATIONS = dedent(
    """
    indicator,period,value,status,source,note,recorded_at
    revenue,2023-05,99,estimate,early,,2023-05-28T00:00:00Z
    revenue,2023-05,100,,,,2023-06-10T00:00:00Z
    revenue,2023-06,20000000000000000,official,big,,2023-07-10T00:00:00Z
    revenue,2023-9M,1234.5,estimate,"Report 9, 2023",,2023-10-05T00:00:00Z
    revenue[locality=Hạ Long],2023-9M,400,preliminary,src,,2023-10-06T00:00:00Z
    "revenue[locality=Ba Chẽ, Tiên Yên]",2023-9M,0.00001,official,src,"a ""quoted"" note",2024-03-01T00:00:00Z
    share,2021,10,official,s,,2022-03-01T00:00:00Z
    share,2021,,retracted,,typo,2022-05-01T00:00:00Z
    share,2022,11,official,s,,2023-03-01T00:00:00Z
    share,2023-H1,12.3,official,s,,2023-08-01T00:00:00Z
    share,2023-Q3,12.9,estimate,s,,2023-09-20T00:00:00Z
    """
)

# Written by hand: the figures in force (the revision of 2023-05, not the first figure;
# nothing for the retracted 2021), the total of each indicator before its units in the
# declared order, the derived indicator left out; _T where a figure is not broken down;
# a unit as its SDMX code (twenty-fourth session: its name in capitals, without marks).
EXPECTED = (
    "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,LOCALITY,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,SOURCE,COMMENT_OBS,RECORDED_AT\n"
    "dataflow,QNTRACK:DF_TEST_PLAN(1.0),I,revenue,_T,_T,2023-05,100,,,,2023-06-10T00:00:00Z\n"
    "dataflow,QNTRACK:DF_TEST_PLAN(1.0),I,revenue,_T,_T,2023-06,20000000000000000,A,big,,2023-07-10T00:00:00Z\n"
    'dataflow,QNTRACK:DF_TEST_PLAN(1.0),I,revenue,_T,_T,2023-01-01/P9M,1234.5,E,"Report 9, 2023",,2023-10-05T00:00:00Z\n'
    "dataflow,QNTRACK:DF_TEST_PLAN(1.0),I,revenue,HA_LONG,_T,2023-01-01/P9M,400,P,src,,2023-10-06T00:00:00Z\n"
    'dataflow,QNTRACK:DF_TEST_PLAN(1.0),I,revenue,BA_CHE_TIEN_YEN,_T,2023-01-01/P9M,0.00001,A,src,"a ""quoted"" note",2024-03-01T00:00:00Z\n'
    "dataflow,QNTRACK:DF_TEST_PLAN(1.0),I,share,_T,_T,2022,11,A,s,,2023-03-01T00:00:00Z\n"
    "dataflow,QNTRACK:DF_TEST_PLAN(1.0),I,share,_T,_T,2023-S1,12.3,A,s,,2023-08-01T00:00:00Z\n"
    "dataflow,QNTRACK:DF_TEST_PLAN(1.0),I,share,_T,_T,2023-Q3,12.9,E,s,,2023-09-20T00:00:00Z\n"
)

HEADER = STORE_HEADER

# The retracted 2021 (withdrawn on 2022-05-01) is left out and said (twentieth session).
WITHDRAWN = (
    "left out 1 withdrawn figure(s) (share 2021): a retraction is in force, and the export's rows are "
    "figures (ACTION I); a system that loaded an earlier export still holds them: withdraw them there too\n"
)


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, OBSERVATIONS)


# --- writing ----------------------------------------------------------------------------


def test_the_export_on_stdout_is_the_message_written_by_hand(plan: Path):
    r = run("export", "sdmx-csv")
    assert r.exit_code == 0, r.stderr
    assert r.stdout == EXPECTED
    assert r.stderr == WITHDRAWN


def test_the_export_to_a_file_is_the_same_text_in_utf8(plan: Path):
    r = run("export", "sdmx-csv", "-o", "x.csv")
    assert r.exit_code == 0, r.stderr
    assert (plan / "x.csv").read_bytes() == EXPECTED.encode("utf-8")
    assert r.stderr == "wrote 8 figure(s) in force to x.csv (SDMX-CSV 2.0, QNTRACK:DF_TEST_PLAN(1.0))\n" + WITHDRAWN
    assert store_text(plan) == OBSERVATIONS


def test_as_of_writes_what_was_in_force_then(plan: Path):
    # By the end of 2023-06-01 only the first figure for 2023-05 was recorded, and 2021's
    # figure was already retracted; on 2022-04-01 it was still in force.
    r = run("export", "sdmx-csv", "--as-of", "2023-06-01")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[1:] == [
        "dataflow,QNTRACK:DF_TEST_PLAN(1.0),I,revenue,_T,_T,2023-05,99,E,early,,2023-05-28T00:00:00Z",
        "dataflow,QNTRACK:DF_TEST_PLAN(1.0),I,share,_T,_T,2022,11,A,s,,2023-03-01T00:00:00Z",
    ]
    r = run("export", "sdmx-csv", "--as-of", "2022-04-01")
    assert r.stdout.splitlines()[1:] == [
        "dataflow,QNTRACK:DF_TEST_PLAN(1.0),I,share,_T,_T,2021,10,A,s,,2022-03-01T00:00:00Z",
    ]


def test_a_structure_id_given_is_written_and_a_malformed_one_refused(plan: Path):
    r = run("export", "sdmx-csv", "--structure-id", "GSO:DF_QN(1.0)")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[1].startswith("dataflow,GSO:DF_QN(1.0),I,revenue,")
    line = one_line(run("export", "sdmx-csv", "--structure-id", "no colon"), 2, "--structure-id", "AGENCY:ID(VERSION)")
    assert "'no colon'" in line


def test_an_unknown_format_is_a_usage_error(plan: Path):
    r = run("export", "opensdmx")
    assert r.exit_code == 2
    assert "sdmx-csv" in r.stderr


@pytest.mark.parametrize(
    ("text", "sdmx"),
    [
        ("2023", "2023"),
        ("2023-H1", "2023-S1"),
        ("2023-H2", "2023-S2"),
        ("2023-Q3", "2023-Q3"),
        ("2023-05", "2023-05"),
        ("2023-9M", "2023-01-01/P9M"),
        ("2023-2M", "2023-01-01/P2M"),
        ("2023-11M", "2023-01-01/P11M"),
    ],
)
def test_periods_in_sdmx_and_back(text: str, sdmx: str):
    assert sdmx_period(parse_period(text)) == sdmx
    assert read_period(sdmx) == text


@pytest.mark.parametrize(
    ("sdmx", "text"),
    [
        ("2023-A1", "2023"),
        ("2023-M05", "2023-05"),
        ("2023-M12", "2023-12"),
        ("2023-01-01/P1Y", "2023"),
        ("2023-07-01/P6M", "2023-H2"),
        ("2023-04-01/P3M", "2023-Q2"),
        ("2023-05-01/P1M", "2023-05"),
        ("2023-01-01T00:00:00/P9M", "2023-9M"),
        ("2023-9M", "2023-9M"),
        ("2023-H1", "2023-H1"),
    ],
)
def test_sdmx_period_variants_are_read(sdmx: str, text: str):
    assert read_period(sdmx) == text


@pytest.mark.parametrize(
    "sdmx", ["2023-W05", "2023-T1", "2023-05-17", "2023-04-01/P6M", "2023-10-01/P6M", "2023-M13", "2023-S3", "x", ""]
)
def test_periods_qntrack_does_not_record_are_not_read(sdmx: str):
    assert read_period(sdmx) is None


def test_structure_ids():
    from qntrack.plan.model import Plan

    plan = Plan("Quảng Ninh: đích 2025", "observations.csv", {}, ())
    assert structure_id(plan) == "QNTRACK:DF_QUANG_NINH_DICH_2025(1.0)"
    assert valid_structure_id("ESTAT:NA_MAIN(1.6.0)") and valid_structure_id("AGENCY:DF_ID")
    assert not valid_structure_id("NA_MAIN(1.0)") and not valid_structure_id("A:B(x)")


# --- round trips ------------------------------------------------------------------------


def test_an_export_imported_into_the_same_store_adds_nothing(plan: Path):
    assert run("export", "sdmx-csv", "-o", "x.csv").exit_code == 0
    r = run("add-observation", "--from", "x.csv")
    assert r.exit_code == 0, r.stderr
    assert "nothing to add: all 8 row(s) are already recorded" in r.stderr
    assert store_text(plan) == OBSERVATIONS


def test_an_export_imported_into_an_empty_store_gives_the_same_status(plan: Path, tmp_path_factory):
    status = json_of("status", "--format", "json")
    figures = run("observations", "--format", "csv").stdout
    assert run("export", "sdmx-csv", "-o", "x.csv").exit_code == 0
    other = tmp_path_factory.mktemp("other")
    (other / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (other / "observations.csv").write_text(HEADER, encoding="utf-8")
    r = run("-t", str(other / "targets.yaml"), "add-observation", "--from", "x.csv")
    assert r.exit_code == 0, r.stderr
    assert "added 8 row(s), 0 already recorded" in r.stderr
    assert json_of("-t", str(other / "targets.yaml"), "status", "--format", "json") == status
    assert run("-t", str(other / "targets.yaml"), "observations", "--format", "csv").stdout == figures


def test_the_shipped_plan_round_trips(shipped: Path, tmp_path_factory):
    status = json_of("status", "--format", "json")
    assert run("export", "sdmx-csv", "-o", "x.csv").exit_code == 0
    again = run("add-observation", "--from", "x.csv")
    assert again.exit_code == 0 and "nothing to add" in again.stderr, again.stderr
    other = tmp_path_factory.mktemp("other")
    (other / "targets.yaml").write_bytes((shipped / "targets.yaml").read_bytes())
    (other / "observations.csv").write_text(HEADER, encoding="utf-8")
    r = run("-t", str(other / "targets.yaml"), "add-observation", "--from", "x.csv")
    assert r.exit_code == 0, r.stderr
    again = json_of("-t", str(other / "targets.yaml"), "status", "--format", "json")
    # But for `revises` (eighteenth session): the export is the figures in force, so in the
    # new store no figure replaced another (the shipped 2023 growth figure, 11.03,
    # replaced 11.02 in the shipped store), as formats.md's "Round trips" says.
    assert _without_revises(again) == _without_revises(status)
    assert "11.02" in json.dumps(status) and not _revisions(again)


def _without_revises(doc: object) -> object:
    if isinstance(doc, dict):
        # revises_source and revises_recorded_at too (twenty-fifth session): where it came from;
        # and revises_status (twenty-seventh), what it was
        return {
            k: _without_revises(v)
            for k, v in doc.items()
            if k not in ("revises", "revises_source", "revises_recorded_at", "revises_status")
        }
    if isinstance(doc, list):
        return [_without_revises(v) for v in doc]
    return doc


def _revisions(doc: object) -> list[object]:
    """Every non-null ``revises`` of a document."""
    if isinstance(doc, dict):
        here = [doc["revises"]] if doc.get("revises") is not None else []
        return here + [r for v in doc.values() for r in _revisions(v)]
    if isinstance(doc, list):
        return [r for v in doc for r in _revisions(v)]
    return []


# --- reading ----------------------------------------------------------------------------


def test_an_sdmx_csv_1_0_file_is_read(plan: Path):
    (plan / "in.csv").write_text(
        "DATAFLOW,INDICATOR,LOCALITY,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n"
        "GSO:DF_X(1.0),revenue,Hạ Long,2024-M03,55.5,A\n"
        "GSO:DF_X(1.0),share,,2024-Q1,13,e\n"
        "GSO:DF_X(1.0),share,_T,2024-Q2,,M\n"
        "GSO:DF_X(1.0),share,_T,2024-Q3,NaN,\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv", "--recorded-at", "2024-08-01")
    assert r.exit_code == 0, r.stderr
    assert "added 2 row(s), 0 already recorded" in r.stderr
    # NaN is said as the missing observation it is, apart from the empty cell (twenty-sixth session).
    assert "1 row(s) with an empty OBS_VALUE (SDMX's missing value) were skipped" in r.stderr
    assert "1 row(s) with OBS_VALUE NaN (SDMX's missing observation) were skipped" in r.stderr
    assert store_text(plan) == OBSERVATIONS + (
        "revenue[locality=Hạ Long],2024-03,55.5,official,,,2024-08-01T00:00:00Z\n"
        "share,2024-Q1,13,estimate,,,2024-08-01T00:00:00Z\n"
    )


def test_a_semicolon_message_with_decimal_commas_and_names_for_columns(plan: Path):
    # SDMX-CSV 2.0: the separator is the character after STRUCTURE; a dimension's column
    # may be named by its id in any case, or its name; ACTION R records a revision.
    (plan / "in.csv").write_text(
        "STRUCTURE[|];STRUCTURE_ID;ACTION;INDICATOR;Địa phương;time_period;OBS_VALUE;RECORDED_AT\n"
        "dataflow;GSO:DF_X(1.0);R;revenue;Ba Chẽ, Tiên Yên;2024-01-01/P6M;12,5;2024-08-01\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert "1 row" in r.stderr
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    assert store_text(plan).endswith('"revenue[locality=Ba Chẽ, Tiên Yên]",2024-H1,12.5,,,,2024-08-01T00:00:00Z\n')


def test_an_ignored_sdmx_column_is_read_past(plan: Path):
    (plan / "in.csv").write_text(
        "STRUCTURE,STRUCTURE_ID,ACTION,SERIES_KEY,FREQ,INDICATOR,TIME_PERIOD,OBS_VALUE\n"
        "dataflow,GSO:DF_X(1.0),I,share,Q,share,2024-Q1,13\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv", "--recorded-at", "2024-08-01")
    assert r.exit_code == 0, r.stderr
    assert store_text(plan).endswith("share,2024-Q1,13,,,,2024-08-01T00:00:00Z\n")


SDMX_HEAD = "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,LOCALITY,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n"
GOOD_ROW = "dataflow,GSO:DF_X(1.0),I,share,_T,2024-Q1,13,A\n"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (SDMX_HEAD + GOOD_ROW + "dataflow,GSO:DF_X(1.0),I,nope,_T,2024-Q1,13,A\n", 3, ["nope"]),
        (SDMX_HEAD + "dataflow,GSO:DF_X(1.0),I,share,_T,2024-W05,13,A\n", 2, ["2024-W05", "2023-S1"]),
        (SDMX_HEAD + GOOD_ROW + "dataflow,GSO:DF_X(1.0),I,share,_T,2024-Q2,13,F\n", 3, ["OBS_STATUS 'F'", "A (normal"]),
        (SDMX_HEAD + "dataflow,GSO:DF_X(1.0),D,share,_T,2024-Q1,-,\n", 2, ["ACTION D", "retract"]),
        (SDMX_HEAD + "dataflow,GSO:DF_X(1.0),X,share,_T,2024-Q1,13,A\n", 2, ["ACTION 'X'"]),
        (
            "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,TIME_PERIOD\ndataflow,GSO:DF_X(1.0),I,share,2024-Q1\n",
            1,
            ["OBS_VALUE"],
        ),
        (
            # An attribute qntrack does not read (twenty-fourth session: UNIT_MULT is read, and
            # a filled one refused at its row: tests/test_sdmx24.py).
            "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,OBS_CONF,TIME_PERIOD,OBS_VALUE\n"
            "dataflow,GSO:DF_X(1.0),I,share,F,2024-Q1,13\n",
            1,
            ["OBS_CONF", "TIME_PERIOD", "LOCALITY", "SERIES_KEY"],
        ),
        (SDMX_HEAD + "dataflow,GSO:DF_X(1.0),I,revenue,Nowhere,2024-03,13,A\n", 2, ["Nowhere"]),
    ],
    ids=[
        "unknown-indicator",
        "bad-period",
        "bad-status",
        "delete",
        "bad-action",
        "no-obs-value",
        "unknown-column",
        "unit",
    ],
)
def test_every_refusal_is_one_message_at_its_line(plan: Path, text: str, line: int, words: list[str]):
    (plan / "in.csv").write_text(text, encoding="utf-8")
    said = one_line(run("add-observation", "--from", "in.csv"), 1, f"in.csv:{line}:", *words)
    assert "error" in said
    assert store_text(plan) == OBSERVATIONS


def test_wide_is_refused_for_an_sdmx_file(plan: Path):
    (plan / "in.csv").write_text(SDMX_HEAD + GOOD_ROW, encoding="utf-8")
    one_line(run("add-observation", "--from", "in.csv", "--wide"), 2, "--wide", "SDMX-CSV")
    assert store_text(plan) == OBSERVATIONS


# --- where the export goes --------------------------------------------------------------


def test_an_export_qntrack_wrote_is_replaced_and_any_other_file_needs_force(plan: Path):
    assert run("export", "sdmx-csv", "-o", "x.csv").exit_code == 0
    assert run("export", "sdmx-csv", "-o", "x.csv", "--as-of", "2023-06-01").exit_code == 0
    assert (plan / "x.csv").read_text(encoding="utf-8").count("\n") == 3
    (plan / "mine.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    one_line(run("export", "sdmx-csv", "-o", "mine.csv"), 2, "mine.csv", "--force")
    assert (plan / "mine.csv").read_text(encoding="utf-8") == "a,b\n1,2\n"
    assert run("export", "sdmx-csv", "-o", "mine.csv", "--force").exit_code == 0
    assert (plan / "mine.csv").read_text(encoding="utf-8") == EXPECTED


@pytest.mark.parametrize("name", ["observations.csv", "targets.yaml", "observations.csv.lock"])
def test_the_export_never_replaces_what_the_tracker_reads(plan: Path, name: str):
    line = one_line(run("export", "sdmx-csv", "-o", name, "--force"), 2, name, "-o figures.csv")
    assert "report" not in line  # said in an export's words, not report -o's
    assert store_text(plan) == OBSERVATIONS
    assert (plan / "targets.yaml").read_text(encoding="utf-8") == TARGETS


@pytest.mark.parametrize("name", ["x.xlsx", "x.json", "X.TSV", "x.html"])
def test_a_name_of_another_format_is_refused(plan: Path, name: str):
    one_line(run("export", "sdmx-csv", "-o", name), 2, name, ".csv")
    assert not (plan / name).exists()


def test_a_name_without_csv_is_written(plan: Path):
    assert run("export", "sdmx-csv", "-o", "figures.txt").exit_code == 0
    assert run("export", "sdmx-csv", "-o", "figures").exit_code == 0
    assert (plan / "figures").read_text(encoding="utf-8") == EXPECTED


def test_a_dash_is_standard_output(plan: Path):
    r = run("export", "sdmx-csv", "-o", "-")
    assert r.exit_code == 0 and r.stdout == EXPECTED and r.stderr == WITHDRAWN


def test_export_into_a_missing_folder(plan: Path):
    one_line(run("export", "sdmx-csv", "-o", "nowhere/x.csv"), 2, "nowhere", "does not exist")
    assert not (plan / "nowhere").exists()


def test_export_onto_a_folder(plan: Path):
    (plan / "out").mkdir()
    one_line(run("export", "sdmx-csv", "-o", "out"), 2, "out", "is a folder", "-o figures.csv")
    one_line(run("export", "sdmx-csv", "-o", ""), 2, "-o", "file name is empty", "-o figures.csv")


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS])
def test_export_into_a_read_only_folder_writes_nothing(plan: Path, monkeypatch: pytest.MonkeyPatch, code: int):
    refuse_writes(monkeypatch, plan, code)
    one_line(run("export", "sdmx-csv", "-o", "x.csv"), 1, "x.csv", "cannot write the export", "nothing was written")
    assert not (plan / "x.csv").exists()
    assert [p.name for p in plan.iterdir() if p.name.endswith(".tmp")] == []


def test_a_full_disk_leaves_the_previous_export_as_it_was(plan: Path, monkeypatch: pytest.MonkeyPatch):
    assert run("export", "sdmx-csv", "-o", "x.csv").exit_code == 0
    refuse_writes(monkeypatch, plan, errno.ENOSPC)
    one_line(run("export", "sdmx-csv", "-o", "x.csv", "--as-of", "2023-06-01"), 1, "x.csv", "x.csv was left as it was")
    assert (plan / "x.csv").read_text(encoding="utf-8") == EXPECTED


def test_a_read_only_export_needs_force(plan: Path):
    assert run("export", "sdmx-csv", "-o", "x.csv").exit_code == 0
    (plan / "x.csv").chmod(0o444)
    one_line(run("export", "sdmx-csv", "-o", "x.csv"), 2, "x.csv", "read-only")


def _plan_with_dimension(folder: Path, monkeypatch: pytest.MonkeyPatch, dim: str) -> Path:
    targets = TARGETS.replace("  sex:\n", f"  {dim}:\n").replace(
        "dimensions: [locality]", f"dimensions: [locality, {dim}]"
    )
    return make_tracker(folder, monkeypatch, targets, HEADER)


def test_a_dimension_named_as_an_ignored_sdmx_column_is_read_as_the_dimension(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # FREQ is ignored in a file of another system's; a plan's dimension `freq` is not.
    folder = _plan_with_dimension(tmp_path, monkeypatch, "freq")
    (folder / "in.csv").write_text(
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,LOCALITY,FREQ,TIME_PERIOD,OBS_VALUE,RECORDED_AT\n"
        "dataflow,A:B(1.0),I,revenue,_T,monthly,2024-03,5,2024-08-01\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    assert store_text(folder) == HEADER + "revenue[freq=monthly],2024-03,5,,,,2024-08-01T00:00:00Z\n"
    r = run("export", "sdmx-csv")
    assert r.stdout.splitlines() == [
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,LOCALITY,FREQ,TIME_PERIOD,OBS_VALUE,OBS_STATUS,SOURCE,COMMENT_OBS,RECORDED_AT",
        "dataflow,QNTRACK:DF_TEST_PLAN(1.0),I,revenue,_T,monthly,2024-03,5,,,,2024-08-01T00:00:00Z",
    ]


def test_a_dimension_named_as_a_fixed_sdmx_column_cannot_be_exported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = _plan_with_dimension(tmp_path, monkeypatch, "action")
    one_line(run("export", "sdmx-csv", "-o", "x.csv"), 1, "targets.yaml", "'action'", "ACTION")
    assert not (folder / "x.csv").exists()
