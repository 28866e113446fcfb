"""SDMX-CSV for a national statistics office's data manager (issue 17, twenty-sixth session):
the dataflow and the frequency said once in targets.yaml, .Stat Suite's downloads read back
(NaN, names for headings, extra attributes, small letters, a BOM, semicolons), SDMX's
reserved codes as unit names handled alike, the shipped plan's units in SDMX's terms.

Every expected value is written by hand from SDMX's rules (CL_FREQ: A annual, S half-yearly,
Q quarterly, M monthly; SDMX-CSV 2.0's columns; CL_UNIT_MULT 9 billions) and docs/formats.md.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conftest import STORE_HEADER, dedent, make_tracker
from helpers import run_clean as run, store_text

TARGETS = dedent(
    """
    version: 1
    title: "Office plan"
    sdmx: {structure_id: "GSO:DF_QN_TARGETS(1.0)"}
    dimensions:
      sex:
        name: {en: "Sex", vi: "Giới tính"}
        values: [female, male]
    indicators:
      revenue:
        name: {en: "Budget revenue", vi: "Thu ngân sách"}
        unit: "bn VND"
        frequency: month
        dimensions: [sex]
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
    revenue,2024-H1,700,estimate,src,,2024-08-01T00:00:00Z
    revenue,2024-Q3,400,preliminary,src,,2024-10-01T00:00:00Z
    revenue,2024-11,130,official,src,,2024-12-01T00:00:00Z
    revenue[sex=female],2023,600,official,src,,2024-03-02T00:00:00Z
    """
)


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "a").mkdir()
    return make_tracker(tmp_path / "a", monkeypatch, TARGETS, OBSERVATIONS)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(text.splitlines()))


def _with(folder: Path, old: str, new: str) -> None:
    path = folder / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- 1. the dataflow in targets.yaml ------------------------------------------------------


def test_the_dataflow_said_in_targets_yaml_is_written_without_the_option(plan: Path):
    r = run("export", "sdmx-csv")
    assert r.exit_code == 0, r.stderr
    assert {row["STRUCTURE_ID"] for row in _rows(r.stdout)} == {"GSO:DF_QN_TARGETS(1.0)"}
    # The option still decides, for a one-off export to another dataflow.
    r = run("export", "sdmx-csv", "--structure-id", "GSO:DF_TEST(2.0)")
    assert r.exit_code == 0, r.stderr
    assert {row["STRUCTURE_ID"] for row in _rows(r.stdout)} == {"GSO:DF_TEST(2.0)"}


def test_a_dataflow_that_is_no_sdmx_reference_is_refused_at_its_line(plan: Path):
    _with(plan, 'structure_id: "GSO:DF_QN_TARGETS(1.0)"', 'structure_id: "DF QN TARGETS"')
    r = run("check")
    assert r.exit_code == 1
    assert "targets.yaml:3" in r.stderr
    assert "'DF QN TARGETS'" in r.stderr and "AGENCY:ID(VERSION)" in r.stderr
    assert "Traceback" not in r.output


def test_an_empty_dataflow_is_refused_not_replaced_by_the_derived_one(plan: Path):
    _with(plan, 'structure_id: "GSO:DF_QN_TARGETS(1.0)"', 'structure_id: ""')
    r = run("export", "sdmx-csv")
    assert r.exit_code == 1 and r.stdout == ""
    assert "targets.yaml:3" in r.stderr and "AGENCY:ID(VERSION)" in r.stderr


def test_an_unknown_key_of_the_plans_sdmx_is_refused_at_its_line(plan: Path):
    _with(plan, 'sdmx: {structure_id: "GSO:DF_QN_TARGETS(1.0)"}', "sdmx: {structure: X}")
    r = run("check")
    assert r.exit_code == 1
    assert "targets.yaml:3" in r.stderr and "structure_id" in r.stderr


# --- 2. FREQ --------------------------------------------------------------------------------


def test_freq_is_written_when_the_plan_asks_and_says_each_periods_frequency(plan: Path):
    _with(plan, 'sdmx: {structure_id: "GSO:DF_QN_TARGETS(1.0)"}', 'sdmx: {structure_id: "GSO:DF_Q(1.0)", freq: true}')
    r = run("export", "sdmx-csv")
    assert r.exit_code == 0, r.stderr
    head = r.stdout.splitlines()[0]
    # FREQ is the first dimension of SDMX's own structures (the SDG DSD's too).
    assert head.startswith("STRUCTURE,STRUCTURE_ID,ACTION,FREQ,INDICATOR,SEX,TIME_PERIOD,OBS_VALUE")
    got = [(row["TIME_PERIOD"], row["FREQ"]) for row in _rows(r.stdout)]
    assert got == [("2023", "A"), ("2024-S1", "S"), ("2024-Q3", "Q"), ("2024-11", "M"), ("2023", "A")]


def test_without_freq_the_header_is_as_before(plan: Path):
    r = run("export", "sdmx-csv")
    assert r.exit_code == 0, r.stderr
    head = "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,SOURCE,COMMENT_OBS,RECORDED_AT"
    assert r.stdout.splitlines()[0] == head


def test_an_export_made_before_freq_was_asked_is_replaced_without_force(plan: Path):
    out = plan / "x.csv"
    assert run("export", "sdmx-csv", "-o", str(out)).exit_code == 0
    _with(plan, 'sdmx: {structure_id: "GSO:DF_QN_TARGETS(1.0)"}', "sdmx: {freq: true}")
    r = run("export", "sdmx-csv", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert out.read_text(encoding="utf-8").startswith("STRUCTURE,STRUCTURE_ID,ACTION,FREQ,INDICATOR,")
    # And back: an export with FREQ is this plan's too once the plan stops asking for it.
    _with(plan, "sdmx: {freq: true}", "sdmx: {freq: false}")
    r = run("export", "sdmx-csv", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert out.read_text(encoding="utf-8").startswith("STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,")


def test_a_first_months_span_has_no_frequency_and_is_refused_with_freq(plan: Path):
    _with(plan, 'sdmx: {structure_id: "GSO:DF_QN_TARGETS(1.0)"}', "sdmx: {freq: true}")
    (plan / "observations.csv").write_text(OBSERVATIONS + "revenue,2024-9M,1100,,,,2024-10-05T00:00:00Z\n", "utf-8")
    r = run("export", "sdmx-csv", "-o", str(plan / "x.csv"))
    assert r.exit_code == 1
    assert "revenue 2024-9M" in r.stderr and "freq" in r.stderr
    assert not (plan / "x.csv").exists()


def test_freq_that_disagrees_with_the_period_is_refused_at_its_line(plan: Path):
    text = (
        "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,INDICATOR,SEX,TIME_PERIOD,OBS_VALUE\n"
        "dataflow,GSO:DF(1.0),I,A,revenue,_T,2021,900\n"
        "dataflow,GSO:DF(1.0),I,Q,revenue,_T,2022,950\n"
    )
    (plan / "in.csv").write_text(text, encoding="utf-8")
    before = store_text(plan)
    r = run("add-observation", "--from", str(plan / "in.csv"))
    assert r.exit_code == 1
    assert "in.csv:3" in r.stderr and "FREQ 'Q'" in r.stderr and "2022" in r.stderr
    assert store_text(plan) == before


def test_freq_that_agrees_is_read_in_any_case_and_labelled(plan: Path):
    text = (
        # .Stat Suite's labels=both: the structure columns plain, the components 'ID: Name'.
        "STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,FREQ: Frequency,INDICATOR: Indicator,"
        "SEX: Sex,TIME_PERIOD: Time period,OBS_VALUE: Observation value\n"
        "dataflow,GSO:DF(1.0),Targets,I,A: Annual,revenue,_T: Total,2021,900\n"
        "dataflow,GSO:DF(1.0),Targets,I,q,revenue,_T,2022-Q1,250\n"
        "dataflow,GSO:DF(1.0),Targets,I,M,revenue,_T,2022-M02,80\n"
        "dataflow,GSO:DF(1.0),Targets,I,S,revenue,_T,2022-S2,480\n"
        "dataflow,GSO:DF(1.0),Targets,I,,revenue,_T,2020,850\n"
    )
    (plan / "in.csv").write_text(text, encoding="utf-8")
    r = run("add-observation", "--from", str(plan / "in.csv"), "--recorded-at", "2025-01-01")
    assert r.exit_code == 0, r.stderr
    assert "added 5 row(s)" in r.stderr.lower()
    for line in ("revenue,2021,900,", "revenue,2022-Q1,250,", "revenue,2022-02,80,", "revenue,2022-H2,480,"):
        assert line in store_text(plan)


# --- 3. labels=name ---------------------------------------------------------------------


def test_a_labels_name_download_is_refused_naming_the_heading_and_the_download_to_make(plan: Path):
    text = (
        "STRUCTURE,STRUCTURE_ID,ACTION,Indicator,Sex,Time period,Observation value\n"
        "dataflow,GSO:DF(1.0),I,Budget revenue,Total,2021,900\n"
    )
    (plan / "in.csv").write_text(text, encoding="utf-8")
    r = run("add-observation", "--from", str(plan / "in.csv"))
    assert r.exit_code == 1
    assert "in.csv:1" in r.stderr
    assert "'Time period'" in r.stderr and "labels=id" in r.stderr and "labels=both" in r.stderr
    assert r.stderr.count("in.csv:") == 1  # one message, not one per column


# --- 4. NaN ---------------------------------------------------------------------------------


def test_nan_is_a_missing_observation_and_said_as_one(plan: Path):
    text = (
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n"
        "dataflow,GSO:DF(1.0),I,revenue,_T,2021,NaN,M\n"
        "dataflow,GSO:DF(1.0),I,revenue,_T,2020,nan,\n"
        "dataflow,GSO:DF(1.0),I,revenue,_T,2019,,\n"
        "dataflow,GSO:DF(1.0),I,revenue,_T,2018,820,A\n"
    )
    (plan / "in.csv").write_text(text, encoding="utf-8")
    r = run("add-observation", "--from", str(plan / "in.csv"), "--recorded-at", "2025-01-01")
    assert r.exit_code == 0, r.stderr
    assert "added 1 row(s)" in r.stderr.lower()
    assert "2 row(s) with OBS_VALUE NaN (SDMX's missing observation)" in r.stderr
    assert "1 row(s) with an empty OBS_VALUE" in r.stderr
    assert "nan" not in store_text(plan).lower()


# --- 5. SDMX's reserved codes as unit names ---------------------------------------------------


def test_units_named_like_sdmx_reserved_codes_are_written_alike_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / "a").mkdir()
    targets = TARGETS.replace("values: [female, male]", "values: [female, _T, _Z]")
    rows = "revenue[sex=_T],2023,40,,,,2024-01-01T00:00:00Z\nrevenue[sex=_Z],2023,50,,,,2024-01-01T00:00:00Z\n"
    folder = make_tracker(tmp_path / "a", monkeypatch, targets, OBSERVATIONS + rows)
    r = run("export", "sdmx-csv", "-o", str(folder / "x.csv"))
    assert r.exit_code == 0, r.stderr
    cells = [(row["SEX"], row["OBS_VALUE"]) for row in _rows((folder / "x.csv").read_text("utf-8"))]
    # By hand: the totals _T, then female, then _T's code T and _Z's code Z (the leading _ dropped).
    assert cells == [
        ("_T", "1500"),
        ("_T", "700"),
        ("_T", "400"),
        ("_T", "130"),
        ("female", "600"),
        ("T", "40"),
        ("Z", "50"),
    ]
    fresh = tmp_path / "b"
    fresh.mkdir()
    (fresh / "targets.yaml").write_text(targets, encoding="utf-8")
    (fresh / "observations.csv").write_text(STORE_HEADER, encoding="utf-8")
    r = run("add-observation", "--from", str(folder / "x.csv"), "--targets", str(fresh / "targets.yaml"))
    assert r.exit_code == 0, r.stderr
    assert "revenue[sex=_T],2023,40," in (fresh / "observations.csv").read_text("utf-8")
    assert "revenue[sex=_Z],2023,50," in (fresh / "observations.csv").read_text("utf-8")


def test_units_named_like_reserved_codes_in_an_open_list_are_refused_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    for name in ("_T", "_Z"):
        folder = tmp_path / name
        folder.mkdir()
        targets = TARGETS.replace("    values: [female, male]\n", "")
        assert "values" not in targets
        make_tracker(
            folder, monkeypatch, targets, OBSERVATIONS + f"revenue[sex={name}],2023,40,,,,2024-01-01T00:00:00Z\n"
        )
        r = run("export", "sdmx-csv", "-o", str(folder / "x.csv"))
        assert r.exit_code == 1
        assert f"the unit '{name}' of dimension 'sex' is not an SDMX code" in r.stderr
        assert not (folder / "x.csv").exists()


# --- the data manager's round trip -----------------------------------------------------------


def test_a_stat_suite_download_with_a_bom_semicolons_and_extra_attributes_is_read(plan: Path):
    text = (
        "\ufeffSTRUCTURE;STRUCTURE_ID;ACTION;FREQ;INDICATOR;SEX;TIME_PERIOD;OBS_VALUE;OBS_STATUS;"
        "UNIT_MULT;OBS_CONF;DECIMALS\r\n"
        "dataflow;GSO:DF_QN_TARGETS(1.0);I;A;revenue;female;2022;550,5;e;;;1\r\n"
    )
    (plan / "in.csv").write_text(text, encoding="utf-8")
    r = run("add-observation", "--from", str(plan / "in.csv"), "--recorded-at", "2025-01-01")
    assert r.exit_code == 0, r.stderr
    assert "revenue[sex=female],2022,550.5,estimate," in store_text(plan)


# --- 6. the shipped plan's units in SDMX's terms -------------------------------------------------


def test_the_shipped_plan_says_each_indicators_unit_in_sdmx_terms(shipped: Path):
    r = run("export", "sdmx-csv")
    assert r.exit_code == 0, r.stderr
    rows = _rows(r.stdout)
    assert r.stdout.splitlines()[0].endswith(",RECORDED_AT,UNIT_MEASURE,UNIT_MULT")
    # By hand from targets.yaml's units: billion VND is VND x 10^9, million USD USD x 10^6,
    # USD USD x 10^0, every percentage (share or growth) PT (CL_UNIT_MEASURE's percent) x 10^0.
    expected = {
        "grdp_growth": ("PT", "0"),
        "grdp_vnd": ("VND", "9"),
        "grdp_per_capita": ("USD", "0"),
        "cbct_share": ("PT", "0"),
        "cbct_va_growth": ("PT", "0"),
        "cbct_investment": ("VND", "9"),
        "mining_share": ("PT", "0"),
        "fdi": ("USD", "6"),
        "budget_revenue": ("VND", "9"),
    }
    said = {row["INDICATOR"]: (row["UNIT_MEASURE"], row["UNIT_MULT"]) for row in rows}
    assert said == {k: v for k, v in expected.items() if k in said}
    assert len(said) >= 6
    # No dataflow of the province's own is declared: the derived one, the title cut at 40
    # characters (QUANG_NINH_RESOLUTION_01_NQ_TU_CBCT_AND_ less its last _).
    assert {row["STRUCTURE_ID"] for row in rows} == {"QNTRACK:DF_QUANG_NINH_RESOLUTION_01_NQ_TU_CBCT_AND(1.0)"}


# --- the data manager's download: codes in another case ------------------------------------------


def test_codes_in_another_case_are_read_where_only_one_unit_or_indicator_has_them(shipped: Path):
    # An office's code list in capitals (SDMX's custom: FDI, BUDGET_REVENUE) and a case-blind
    # database (.Stat Suite's) give back codes in another case than qntrack wrote. qntrack's
    # ids have no capitals, and a dimension's codes are unique case aside (the export checks):
    # each such cell names one indicator or unit. The total's _t is still refused (docs/formats.md).
    text = (
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,LOCALITY,TIME_PERIOD,OBS_VALUE\n"
        "dataflow,GSO:DF_QN(1.0),I,FDI,_T,2019,3130\n"
        "dataflow,GSO:DF_QN(1.0),I,BUDGET_REVENUE,cam_pha,2019,12771\n"
        "dataflow,GSO:DF_QN(1.0),I,budget_revenue,Ha_Long,2019,7000\n"
    )
    (shipped / "in.csv").write_text(text, encoding="utf-8")
    r = run("add-observation", "--from", str(shipped / "in.csv"), "--recorded-at", "2025-01-01")
    assert r.exit_code == 0, r.stderr
    store = store_text(shipped)
    assert "\nfdi,2019,3130,," in store
    assert "\nbudget_revenue[locality=Cẩm Phả],2019,12771,," in store
    assert "\nbudget_revenue[locality=Hạ Long],2019,7000,," in store
