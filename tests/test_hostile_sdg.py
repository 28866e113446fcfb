"""The twelfth session's SDG-office pass (issue 17): what a national statistics office
publishing SDG progress (Open SDG repositories, SDMX-CSV exchange, Excel workbooks) met,
each defect pinned by the command that showed it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run, store_text
from test_import_workbooks import save
from test_os_errors import one_line
from test_sdmx_csv import OBSERVATIONS, TARGETS


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, OBSERVATIONS)


# --- SDMX-CSV with a spreadsheet's empty columns -----------------------------------------


@pytest.mark.parametrize("tail", [",", ",,", ";"], ids=["one", "two", "semicolon"])
def test_an_sdmx_file_with_empty_columns_after_its_header_is_read_as_a_plain_csv_is(plan: Path, tail: str):
    # A message edited in a spreadsheet and saved as CSV ends every line with the
    # separators of the empty columns it touched. The plain CSV path reads past them;
    # the SDMX-CSV path said "unknown column ''" and read nothing.
    sep = tail[0]
    head = sep.join(["STRUCTURE", "STRUCTURE_ID", "ACTION", "INDICATOR", "TIME_PERIOD", "OBS_VALUE"])
    row = sep.join(["dataflow", "GSO:DF_X(1.0)", "I", "share", "2024-Q1", "13"])
    (plan / "in.csv").write_text(f"{head}{tail}\n{row}{tail}\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv", "--recorded-at", "2024-08-01")
    assert r.exit_code == 0, r.stderr
    assert store_text(plan) == OBSERVATIONS + "share,2024-Q1,13,,,,2024-08-01T00:00:00Z\n"


def test_an_unnamed_sdmx_column_that_holds_cells_is_named_by_its_place(plan: Path):
    # Within the table, a column with no name is refused as the CSV path refuses it: by
    # its place (a header cell '' names nothing a person can find).
    (plan / "in.csv").write_text(
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,,TIME_PERIOD,OBS_VALUE\ndataflow,GSO:DF_X(1.0),I,share,x,2024-Q1,13\n",
        encoding="utf-8",
    )
    said = one_line(run("add-observation", "--from", "in.csv"), 1, "in.csv:1:", "column 5", "TIME_PERIOD")
    assert "''" not in said
    assert store_text(plan) == OBSERVATIONS


# --- SDMX-CSV opened in Excel and saved as a workbook ------------------------------------


def test_an_sdmx_table_saved_as_a_workbook_is_one_message_saying_what_to_do(plan: Path):
    # An office opens the SDMX-CSV message in Excel and saves it as .xlsx. It used to be
    # read as the long shape: seven errors, "did you mean 'period'?" for TIME_PERIOD, and
    # never a word that the sheet is SDMX-CSV.
    save(
        [
            ["Xuất từ hệ thống SDMX"],
            ["STRUCTURE", "STRUCTURE_ID", "ACTION", "INDICATOR", "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS"],
            ["dataflow", "GSO:DF_X(1.0)", "I", "share", "2024-Q1", 13, "A"],
        ],
        name="sdmx.xlsx",
        title="Số liệu",
    )
    said = one_line(run("add-observation", "--from", "sdmx.xlsx"), 1, "sdmx.xlsx:'Số liệu'!A2", "SDMX-CSV", "CSV UTF-8")
    assert "did you mean" not in said
    assert store_text(plan) == OBSERVATIONS
    vi = one_line(
        run("--lang", "vi", "add-observation", "--from", "sdmx.xlsx"), 1, "sdmx.xlsx:'Số liệu'!A2", "SDMX-CSV"
    )
    assert "CSV UTF-8" in vi and vi != said


def test_an_sdmx_1_0_table_in_a_workbook_is_said_too(plan: Path):
    save(
        [["DATAFLOW", "INDICATOR", "TIME_PERIOD", "OBS_VALUE"], ["GSO:DF_X(1.0)", "share", "2024-Q1", 13]],
        name="s.xlsx",
    )
    one_line(run("add-observation", "--from", "s.xlsx", "--dry-run"), 1, "s.xlsx:Sheet1!A1", "SDMX-CSV")


# --- SDMX-CSV periods a spreadsheet made dates ----------------------------------------------


@pytest.mark.parametrize(
    ("cell", "guess"),
    [("May-24", "2024-05"), ("01/05/2024", "2024-05"), ("5/1/2024", "2024-05")],
    ids=["month-name", "day-first", "month-first"],
)
def test_an_sdmx_period_excel_made_a_date_is_said_as_the_csv_path_says_it(plan: Path, cell: str, guess: str):
    # Excel opens an SDMX-CSV message, turns TIME_PERIOD 2024-05 into a date and saves it
    # back as "May-24". A plain CSV said so, with the period it probably was; SDMX-CSV
    # only said "not a period qntrack records".
    (plan / "in.csv").write_text(
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,LOCALITY,TIME_PERIOD,OBS_VALUE\n"
        f"dataflow,GSO:DF_X(1.0),I,revenue,_T,{cell},13\n",
        encoding="utf-8",
    )
    one_line(run("add-observation", "--from", "in.csv"), 1, "in.csv:2:", cell, "Excel", guess)
    assert store_text(plan) == OBSERVATIONS


def test_an_sdmx_day_is_still_refused_as_a_period_qntrack_does_not_record(plan: Path):
    # An ISO date is an SDMX day, which a message may hold: refused with the forms read.
    (plan / "in.csv").write_text(
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,LOCALITY,TIME_PERIOD,OBS_VALUE\n"
        "dataflow,GSO:DF_X(1.0),I,revenue,_T,2024-05-01,13\n",
        encoding="utf-8",
    )
    said = one_line(run("add-observation", "--from", "in.csv"), 1, "in.csv:2:", "2024-05-01", "2023-S1")
    assert "Excel" not in said


def test_an_sdmx_recorded_at_excel_showed_as_a_regional_date_is_said_as_the_csv_path_says_it(plan: Path):
    (plan / "in.csv").write_text(
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,LOCALITY,TIME_PERIOD,OBS_VALUE,RECORDED_AT\n"
        "dataflow,GSO:DF_X(1.0),I,share,_T,2024-Q1,13,6/10/2024 0:00\n",
        encoding="utf-8",
    )
    one_line(
        run("add-observation", "--from", "in.csv"),
        1,
        "in.csv:2:",
        "6/10/2024 0:00",
        "Excel",
        "format the column as Text",
    )
    assert store_text(plan) == OBSERVATIONS


# --- An Open SDG site whose own language is Vietnamese -----------------------------------


VI_SITE = {
    "config_data.yml": "languages:\n  - vi\n  - en\n",
    "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
    "data/indicator_1-2-1.csv": "Year,Value\n2015,30\n2020,25\n",
    "meta/1-1-1.md": (
        "---\nindicator_name: global_indicators.1-1-1-title\ncomputation_units: data.Percent\n"
        "auto_progress_calculation: true\n---\n"
    ),
    "meta/1-2-1.md": "---\nindicator_name: Tỷ lệ hộ nghèo đa chiều\ncomputation_units: Phần trăm\n---\n",
    "meta/en/1-2-1.md": "---\nindicator_name: Multidimensional poverty rate\ncomputation_units: Percent\n---\n",
    "translations/en/global_indicators.yml": "1-1-1-title: Population below the poverty line\n",
    "translations/vi/global_indicators.yml": "1-1-1-title: Tỷ lệ dân số dưới chuẩn nghèo\n",
    "translations/en/data.yml": "Percent: Percent\n",
    "translations/vi/data.yml": "Percent: Phần trăm\n",
}


def test_a_vietnamese_site_keeps_its_english_names(tmp_path: Path):
    # A site whose first language is vi, with English beside it (meta/en/ and the English
    # translations). The import named every indicator and unit in Vietnamese alone, so
    # English tables and reports showed Vietnamese names although the site has English.
    from helpers import write_repository as _repo
    from test_opensdg_import import _import

    repo = _repo(tmp_path / "repo", VI_SITE)
    done = _import(repo, tmp_path / "t", "--recorded-at", "2025-11-01")
    assert done.exit_code == 0, done.stderr
    import yaml

    plan = yaml.safe_load((tmp_path / "t" / "targets.yaml").read_text(encoding="utf-8"))
    assert plan["indicators"]["1_1_1"]["name"] == {
        "en": "Population below the poverty line",
        "vi": "Tỷ lệ dân số dưới chuẩn nghèo",
    }
    assert plan["indicators"]["1_1_1"]["unit"] == {"en": "Percent", "vi": "Phần trăm"}
    assert plan["indicators"]["1_2_1"]["name"] == {
        "en": "Multidimensional poverty rate",
        "vi": "Tỷ lệ hộ nghèo đa chiều",
    }
    assert plan["indicators"]["1_2_1"]["unit"] == {"en": "Percent", "vi": "Phần trăm"}


def test_a_vietnamese_site_without_english_is_named_in_vietnamese(tmp_path: Path):
    from helpers import write_repository as _repo
    from test_opensdg_import import _import

    files = {k: v for k, v in VI_SITE.items() if "/en/" not in k} | {"config_data.yml": "languages:\n  - vi\n"}
    repo = _repo(tmp_path / "repo", files)
    done = _import(repo, tmp_path / "t", "--recorded-at", "2025-11-01")
    assert done.exit_code == 0, done.stderr
    import yaml

    plan = yaml.safe_load((tmp_path / "t" / "targets.yaml").read_text(encoding="utf-8"))
    assert plan["indicators"]["1_1_1"]["name"] == "Tỷ lệ dân số dưới chuẩn nghèo"
    assert plan["indicators"]["1_2_1"]["name"] == "Tỷ lệ hộ nghèo đa chiều"


def test_a_key_english_does_not_translate_is_read_as_the_site_reads_it(tmp_path: Path):
    from helpers import write_repository as _repo
    from test_opensdg_import import _import

    files = VI_SITE | {"translations/en/global_indicators.yml": "other: x\n"}
    repo = _repo(tmp_path / "repo", files)
    done = _import(repo, tmp_path / "t", "--recorded-at", "2025-11-01")
    assert done.exit_code == 0, done.stderr
    import yaml

    plan = yaml.safe_load((tmp_path / "t" / "targets.yaml").read_text(encoding="utf-8"))
    assert plan["indicators"]["1_1_1"]["name"] == "Tỷ lệ dân số dưới chuẩn nghèo"


# --- The same value at the same moment, with another status -------------------------------


def test_an_export_imported_back_with_a_status_says_the_status_differs_not_the_figure(plan: Path):
    # `export sdmx-csv` then `add-observation --from` it with --status official: the rows
    # whose status was empty are filled in, so each differs from its stored vintage of the
    # same moment by its status alone. Each was refused "with another figure", a figure
    # that was the very same, and told to give each vintage its own recorded_at.
    assert run("export", "sdmx-csv", "-o", "x.csv").exit_code == 0
    r = run("add-observation", "--from", "x.csv", "--status", "official")
    assert r.exit_code == 1
    said = [line for line in r.stderr.splitlines() if "error" in line]
    assert len(said) == 1, r.stderr  # revenue 2023-05 = 100, stored with no status
    assert "x.csv:2:" in said[0] and "line 3 of observations.csv" in said[0]
    assert "another figure" not in said[0]
    assert "same value (100)" in said[0] and "status" in said[0] and "--status" in said[0]
    assert store_text(plan) == OBSERVATIONS
    vi = run("--lang", "vi", "add-observation", "--from", "x.csv", "--status", "official")
    assert "cùng giá trị (100)" in vi.stderr and "status" in vi.stderr


def test_another_value_at_the_same_moment_is_still_another_figure(plan: Path):
    (plan / "in.csv").write_text(HEADER_ROW + "revenue,2023-05,101,,,,2023-06-10T00:00:00Z\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert "another figure" in r.stderr and "same value" not in r.stderr


HEADER_ROW = "indicator,period,value,status,source,note,recorded_at\n"


# --- A yearbook's second indicator column -------------------------------------------------


def test_a_wide_table_with_a_code_and_a_name_column_reads_the_code(plan: Path):
    # "Mã chỉ tiêu" (the code) and "Chỉ tiêu" (the name) both name the indicator column.
    # The second was refused as "column 3 'indicator' is neither a period, nor ...:
    # 'indicator' is not a period", then as a column there twice; since the thirteenth
    # session the code is read and the name checked against it (test_indicator_names.py):
    # 'Tỷ trọng' is no indicator's name, so there is nothing to disagree with.
    save(
        [["Mã chỉ tiêu", "Chỉ tiêu", "2021"], ["share", "Tỷ trọng", 7]],
        name="nien-giam.xlsx",
    )
    r = run("add-observation", "--from", "nien-giam.xlsx", "--wide", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert "share\t2021\t7\t" in r.stdout
    (plan / "nien-giam.csv").write_text("Mã chỉ tiêu,Chỉ tiêu,2021\nshare,Tỷ trọng,7\n", encoding="utf-8")
    r = run("add-observation", "--from", "nien-giam.csv", "--wide")
    assert r.exit_code == 0, r.stderr
    assert store_text(plan)[len(OBSERVATIONS) :].startswith("share,2021,7,")
    # A third is a column there twice.
    (plan / "three.csv").write_text("Mã chỉ tiêu,Chỉ tiêu,Tên chỉ tiêu,2021\nshare,a,b,7\n", encoding="utf-8")
    said = one_line(run("add-observation", "--from", "three.csv", "--wide"), 1, "three.csv:1:")
    assert "twice" in said


def test_a_csv_wide_table_with_a_row_number_first_reads_the_indicator_after_it(plan: Path):
    # Was one message ("the first column must be 'indicator'"); since the row-number column
    # is passed over (decisions.md), the table is read as the workbook reader reads it.
    (plan / "nien-giam.csv").write_text("STT,Chỉ tiêu,2021\n1,share,7\n", encoding="utf-8")
    r = run("add-observation", "--from", "nien-giam.csv", "--wide")
    assert r.exit_code == 0, r.output
    assert store_text(plan).startswith(OBSERVATIONS)
    assert store_text(plan)[len(OBSERVATIONS) :].startswith("share,2021,7,")
