"""Bulk import (`add-observation --from`): spreadsheet dialects, all or nothing, line numbers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import large_quarters, stderr_on_a_terminal, run, store_text as store

from qntrack.files.figures import parse_number_cell
from qntrack.files.import_tables import ImportFormat, parse_table


TARGETS = """\
version: 1
title: "Import test"
indicators:
  growth:
    name: {en: "GRDP growth", vi: "Tăng trưởng GRDP"}
    unit: "%"
    measure: rate
    frequency: quarter
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
  share:
    name: "Manufacturing share"
    unit: "%"
  per_share:
    name: "FDI per point of share"
    formula: fdi / share
targets:
  - id: share
    indicator: share
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 15}
"""

HEADER = STORE_HEADER
START = HEADER + "share,2020,10,official,yearbook 2020,,2021-06-30T00:00:00Z\n"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, START)


def added(plan: Path) -> str:
    return store(plan)[len(START) :]


# --- the long shape ---------------------------------------------------------------------


def test_csv_with_every_column_is_appended_as_written(plan: Path):
    (plan / "in.csv").write_text(
        "indicator,period,value,status,source,note,recorded_at\n"
        'growth,2023-Q1,7.5,estimate,"Cục Thống kê, 30/3/2023",first reading,2023-03-30\n'
        "growth,2023-Q1,7.46,official,Niên giám 2023,revised,2024-06-01T09:00:00+07:00\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    first = r.stderr.splitlines()[0]  # then the row revising the first (twenty-seventh session)
    assert first.startswith("added 2 row(s), 0 already recorded, to ") and first.endswith("observations.csv")
    assert added(plan) == (
        'growth,2023-Q1,7.5,estimate,"Cục Thống kê, 30/3/2023",first reading,2023-03-30T00:00:00Z\n'
        "growth,2023-Q1,7.46,official,Niên giám 2023,revised,2024-06-01T02:00:00Z\n"
    )


def test_columns_in_any_order_and_optional_ones_missing(plan: Path):
    (plan / "in.csv").write_text("Value , Period,INDICATOR\n12.5,2021,share\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv", "--recorded-at", "2022-01-05", "--source", "press")
    assert r.exit_code == 0, r.stderr
    assert added(plan) == "share,2021,12.5,,press,,2022-01-05T00:00:00Z\n"


def test_rows_without_recorded_at_share_one_timestamp(plan: Path):
    (plan / "in.csv").write_text(
        "indicator,period,value\nshare,2021,11\nshare,2022,12\nfdi,2022,1500\n", encoding="utf-8"
    )
    assert run("add-observation", "--from", "in.csv").exit_code == 0
    stamps = {
        row["recorded_at"]
        for row in csv.DictReader(io.StringIO(added(plan), newline=""), fieldnames=HEADER.strip().split(","))
    }
    assert len(stamps) == 1


def test_excel_vietnamese_csv_is_detected(plan: Path):
    """Excel under Vietnamese regional settings: BOM, CRLF, ';' between cells, decimal commas."""
    data = (
        "\ufeffindicator;period;value;status;source\r\n"
        "growth;2023-Q2;7,5;estimate;Cục Thống kê\r\n"
        'share;2022;12,25;;"báo cáo; số 5"\r\n'
        "fdi;2022;1.234,5;official;Sở KH&ĐT\r\n"
    ).encode("utf-8")
    (plan / "vn.csv").write_bytes(data)
    r = run("add-observation", "--from", "vn.csv", "--recorded-at", "2023-07-01")
    assert r.exit_code == 0, r.stderr
    assert added(plan) == (
        "growth,2023-Q2,7.5,estimate,Cục Thống kê,,2023-07-01T00:00:00Z\n"
        "share,2022,12.25,,báo cáo; số 5,,2023-07-01T00:00:00Z\n"
        "fdi,2022,1234.5,official,Sở KH&ĐT,,2023-07-01T00:00:00Z\n"
    )


def test_vietnamese_column_names(plan: Path):
    """A sheet headed as a statistics office writes it: Chỉ tiêu; Kỳ; Giá trị; Nguồn."""
    data = ("Chỉ tiêu;Kỳ;Giá trị;Loại số liệu;Nguồn\r\ngrowth;2023-Q2;7,5;estimate;Cục Thống kê\r\n").encode("utf-8")
    (plan / "vn.csv").write_bytes(data)
    r = run("add-observation", "--from", "vn.csv", "--recorded-at", "2023-07-01")
    assert r.exit_code == 0, r.stderr
    assert added(plan) == "growth,2023-Q2,7.5,estimate,Cục Thống kê,,2023-07-01T00:00:00Z\n"


def test_excel_sep_line_names_the_delimiter(plan: Path):
    (plan / "in.csv").write_text("sep=;\nindicator;period;value\nshare;2021;x\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 1 and r.stderr == "in.csv:3: error: 'x' is not a number; write e.g. 1234,5\n"
    (plan / "in.csv").write_text("sep=;\nindicator;period;value\nshare;2021;11,5\n", encoding="utf-8")
    assert run("add-observation", "--from", "in.csv", "--recorded-at", "2022-01-01").exit_code == 0
    assert added(plan) == "share,2021,11.5,,,,2022-01-01T00:00:00Z\n"


def test_tsv_is_detected_and_a_decimal_comma_against_its_other_numbers_needs_the_flag(plan: Path):
    # '11,5' alone would say the convention itself (test_import_vietnamese.py); with '1.5'
    # beside it, the file shows both and the flag must decide.
    (plan / "in.tsv").write_text("indicator\tperiod\tvalue\nshare\t2021\t11,5\nshare\t2022\t1.5\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.tsv")
    assert r.exit_code == 1
    assert r.stderr == (
        "in.tsv:2: error: '11,5' is written with decimal commas (1234,5), but this file is read with "
        "decimal points (1234.5); give --decimal-comma if the whole file is written that way\n"
    )
    (plan / "in.tsv").write_text("indicator\tperiod\tvalue\nshare\t2021\t11,5\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.tsv", "--decimal-comma", "--recorded-at", "2022-01-01")
    assert r.exit_code == 0, r.stderr
    assert added(plan) == "share,2021,11.5,,,,2022-01-01T00:00:00Z\n"


def test_delimiter_and_convention_flags_override_detection(plan: Path):
    (plan / "in.csv").write_text("indicator;period;value\nshare;2021;1,234.5\n", encoding="utf-8")
    # The file shows decimal points only, so detection reads them; a flag overrides it.
    r = run("add-observation", "--from", "in.csv", "--decimal-comma")
    assert r.exit_code == 1 and "'1,234.5' is written with decimal points" in r.stderr
    r = run("add-observation", "--from", "in.csv", "--delimiter", ";", "--decimal-point", "--recorded-at", "2022-01-01")
    assert r.exit_code == 0, r.stderr
    assert added(plan) == "share,2021,1234.5,,,,2022-01-01T00:00:00Z\n"
    assert run("add-observation", "--from", "in.csv", "--delimiter", ":").exit_code == 2  # "|" reads since session 46


def test_utf16_unicode_text_from_excel(plan: Path):
    (plan / "in.txt").write_bytes("indicator\tperiod\tvalue\r\nshare\t2021\t11\r\n".encode("utf-16"))
    r = run("add-observation", "--from", "in.txt", "--recorded-at", "2022-01-01")
    assert r.exit_code == 0, r.stderr
    assert added(plan) == "share,2021,11,,,,2022-01-01T00:00:00Z\n"


def test_stdin(plan: Path):
    r = run(
        "add-observation", "--from", "-", "--recorded-at", "2022-01-01", input="indicator,period,value\nshare,2021,11\n"
    )
    assert r.exit_code == 0, r.stderr
    assert added(plan) == "share,2021,11,,,,2022-01-01T00:00:00Z\n"
    r = run("add-observation", "--from", "-", input="indicator,period,value\nshare,2021,abc\n")
    assert r.exit_code == 1 and r.stderr == "<stdin>:2: error: 'abc' is not a number; write e.g. 1234.5\n"


# --- the wide shape (yearbook tables) -----------------------------------------------------


def test_wide_yearbook_table(plan: Path):
    (plan / "wide.csv").write_text(
        "indicator,2021,2022,2023,source\nshare,11.2,-,12.3,Niên giám 2023\nfdi,..,1500,,\n", encoding="utf-8"
    )
    r = run("add-observation", "--from", "wide.csv", "--wide", "--status", "official", "--recorded-at", "2024-06-30")
    assert r.exit_code == 0, r.stderr
    assert added(plan) == (
        "share,2021,11.2,official,Niên giám 2023,,2024-06-30T00:00:00Z\n"
        "share,2023,12.3,official,Niên giám 2023,,2024-06-30T00:00:00Z\n"
        "fdi,2022,1500,official,,,2024-06-30T00:00:00Z\n"
    )


def test_wide_errors_name_line_and_period(plan: Path):
    (plan / "wide.csv").write_text(
        "indicator,2021,2022-Q2\n"
        "share,11.2,12\n"  # share is yearly: 2022-Q2 is too fine
        "nope,1,2\n"  # reported once, not once per cell
        "growth,1.5,abc\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "wide.csv", "--wide")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        "wide.csv:2: error: period 2022-Q2 is finer than indicator 'share' is published (frequency: year): "
        "it is Q2 2022, a quarter, where a year is needed: write 2022, the year that holds it, "
        "or change the indicator's frequency in targets.yaml if that is intended",
        "wide.csv:3: error: unknown indicator 'nope'; known: growth, fdi, share, per_share",
        "wide.csv:4: error: period 2022-Q2: 'abc' is not a number; write e.g. 1234.5",
        "3 error(s), 0 warning(s)",
    ]
    assert added(plan) == ""


def test_wide_header_must_be_periods(plan: Path):
    (plan / "wide.csv").write_text("indicator,2021,Kỳ 2022,2021\nshare,1,2,3\n", encoding="utf-8")
    r = run("add-observation", "--from", "wide.csv", "--wide")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    # ('Năm 2022' is a period now: test_import_vietnamese.py)
    assert lines[0].startswith(
        "wide.csv:1: error: column 3 'Kỳ 2022' is neither a period nor one of status, "
        "source, note, recorded_at: 'Kỳ 2022' is not a period"
    )
    assert lines[1] == "wide.csv:1: error: period 2021 has two columns ('2021' and '2021')"


def test_long_file_given_a_period_header_suggests_wide(plan: Path):
    # A long table (it has a value column) with a period for a heading is still told.
    (plan / "wide.csv").write_text("indicator,2021,value\nshare,1,2\n", encoding="utf-8")
    r = run("add-observation", "--from", "wide.csv")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == "wide.csv:1: error: column '2021' is a period: is this a wide table? add --wide"
    # One with no period and no value column has one reading: wide, said (twenty-seventh
    # session; it was refused as the table above; tests/test_wide_read_unasked.py).
    (plan / "wide.csv").write_text("indicator,2021,2022\nshare,1,2\n", encoding="utf-8")
    r = run("add-observation", "--from", "wide.csv", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert "read as a wide table" in r.stderr


# --- all or nothing ---------------------------------------------------------------------


def test_every_error_listed_by_source_line_and_nothing_written(plan: Path):
    before = (plan / "observations.csv").read_bytes()
    (plan / "bad.csv").write_text(
        "indicator,period,value,note\n"
        "share,2021,11,fine\n"
        "\n"
        "shar,2021,11,\n"
        "growth,2023-13,7,\n"
        'share,2022,"1,234",\n'
        "share,2022,nan,\n"
        "per_share,2022,3,\n"
        "share,2021,12,\n"
        'share,Q5,1,"two\n'
        'lines"\n'
        "share,2023,1,2,3\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "bad.csv")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.splitlines() == [
        "bad.csv:4: error: unknown indicator 'shar'; did you mean 'share'?",
        "bad.csv:5: error: '2023-13': month 13 does not exist (01-12); valid forms: 2023 (year), 2023-H1 (half), "
        "2023-Q2 (quarter), 2023-04 (month), 2023-9M (first 9 months)",
        "bad.csv:6: error: '1,234' is ambiguous: 1234 with a thousands separator, or 1.234 with a decimal comma; "
        "say which with --decimal-point (thousands separator) or --decimal-comma",
        "bad.csv:7: error: 'nan' is not a finite number; leave the row out if there is no figure",
        "bad.csv:8: error: indicator 'per_share' is derived (formula: fdi / share); record its inputs instead",
        "bad.csv:9: error: share 2021 is already given on line 2; keep one, or give each vintage its own recorded_at",
        "bad.csv:10: error: a quoted cell runs over lines 10-11: a cell holding a line break (Alt+Enter in Excel), "
        "or a closing quote missing; cells must be on one line: remove the line break",
        "bad.csv:12: error: expected 4 cells like the header, found 5; a decimal comma in a comma-separated file "
        "must be quoted (\"3,13\"), or save with ';'",
        "8 error(s), 0 warning(s)",
    ]
    assert (plan / "observations.csv").read_bytes() == before


def test_dry_run_shows_the_rows_and_writes_nothing(plan: Path):
    before = (plan / "observations.csv").read_bytes()
    (plan / "in.csv").write_text(
        "indicator,period,value,source\nshare,2021,11,=cmd()\nfdi,2022,-5,\n", encoding="utf-8"
    )
    # Recorded after 2022 ended: a figure with no status before its period's end is refused (timing.py).
    r = run("add-observation", "--from", "in.csv", "--dry-run", "--format", "csv", "--recorded-at", "2023-01-01")
    assert r.exit_code == 0, r.stderr
    assert r.stdout == (
        "indicator,period,value,status,source,note,recorded_at\n"
        "share,2021,11,,'=cmd(),,2023-01-01T00:00:00Z\n"
        "fdi,2022,-5,,,,2023-01-01T00:00:00Z\n"
    )
    assert r.stderr.startswith("dry run: would add 2 row(s), 0 already recorded, to ")
    # The formula would be stored after an apostrophe, and the command says so.
    assert r.stderr.endswith(
        "; nothing was written\n1 source/note text(s) start like a spreadsheet formula (=, +, -, @) "
        "and would be stored after an apostrophe ('), so that a spreadsheet shows them rather "
        "than running them\n"
    )
    assert (plan / "observations.csv").read_bytes() == before
    doc = json.loads(run("add-observation", "--from", "in.csv", "-n", "-f", "json").stdout)
    assert doc["dry_run"] is True and [o["value"] for o in doc["observations"]] == [11, -5]
    assert (plan / "observations.csv").read_bytes() == before


def test_dry_run_still_reports_every_error(plan: Path):
    (plan / "in.csv").write_text("indicator,period,value\nshare,2021,x\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv", "--dry-run")
    assert r.exit_code == 1 and r.stdout == ""
    assert r.stderr == "in.csv:2: error: 'x' is not a number; write e.g. 1234.5\n"


def test_a_torn_store_refuses_the_import(plan: Path):
    with open(plan / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("share,2021,1")
    before = (plan / "observations.csv").read_bytes()
    (plan / "in.csv").write_text("indicator,period,value\nshare,2022,11\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert r.stderr.endswith(
        "observations.csv:3: error: the file ends in an incomplete row; nothing was added; "
        "run 'qntrack check --repair' first\n"
    )
    assert (plan / "observations.csv").read_bytes() == before


# --- the command line -------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, message",
    [
        (["add-observation"], "add-observation: error: give INDICATOR PERIOD VALUE, or --from FILE for many rows\n"),
        (
            ["add-observation", "share", "2021", "1", "--from", "x.csv"],
            "add-observation: error: give either INDICATOR PERIOD VALUE or --from FILE, not both\n",
        ),
        (["add-observation", "share", "2021"], "add-observation: error: missing VALUE\n"),
        (
            ["add-observation", "share", "2021", "1", "--wide"],
            "add-observation: error: --wide applies only with --from FILE\n",
        ),
    ],
)
def test_usage_errors_exit_2(plan: Path, args: list[str], message: str):
    r = run(*args)
    assert r.exit_code == 2
    assert r.stderr == message
    assert added(plan) == ""


def test_a_missing_file(plan: Path):
    r = run("add-observation", "--from", "nope.csv")
    assert r.exit_code == 1 and r.stderr == "nope.csv: error: file not found\n"


def test_single_row_dry_run(plan: Path):
    r = run("add-observation", "share", "2021", "11", "--dry-run", "-f", "tsv", "--recorded-at", "2022-01-01")
    assert r.exit_code == 0
    assert r.stdout.splitlines()[1] == "share\t2021\t11\t\t\t\t2022-01-01T00:00:00Z"
    assert added(plan) == ""


# --- numbers under a convention ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, decimal_comma, explicit, expected",
    [
        ("1234.5", False, False, 1234.5),
        ("1,234.5", False, False, 1234.5),
        ("1,234,567.25", False, False, 1234567.25),
        ("1.234,5", True, False, 1234.5),
        ("3,13", True, False, 3.13),
        ("-0,5", True, False, -0.5),
        ("1,234", False, True, 1234.0),  # --decimal-point given: the comma can only group thousands
        ("50.000", True, True, 50000.0),  # --decimal-comma given: the dot can only group thousands
        ("1.5e3", False, False, 1500.0),
    ],
)
def test_numbers_read_when_unambiguous(text, decimal_comma, explicit, expected):
    assert parse_number_cell(text, decimal_comma, explicit) == expected


@pytest.mark.parametrize(
    "text, decimal_comma, message",
    [
        (
            "1,234",
            False,
            "'1,234' is ambiguous: 1234 with a thousands separator, or 1.234 with a decimal comma; "
            "say which with --decimal-point (thousands separator) or --decimal-comma",
        ),
        (
            "50.000",
            True,
            "'50.000' is ambiguous: 50000 with a thousands separator, or 50.000 with a decimal point; "
            "say which with --decimal-comma (thousands separator) or --decimal-point",
        ),
        (
            "1.234,5",
            False,
            "'1.234,5' is written with decimal commas (1234,5), but this file is read with decimal points "
            "(1234.5); give --decimal-comma if the whole file is written that way",
        ),
        (
            "1,234.5",
            True,
            "'1,234.5' is written with decimal points (1234.5), but this file is read with decimal commas "
            "(1234,5); give --decimal-point if the whole file is written that way",
        ),
        ("1.2.3", False, "'1.2.3' is not a number; write e.g. 1234.5"),
        ("12%", False, "'12%': write the number without '%' (the unit belongs to the indicator)"),
        # No number before the sign: not a number, not "write the number without '%'".
        ("%", False, "'%' is not a number; write e.g. 1234.5"),
        ("abc %", False, "'abc %' is not a number; write e.g. 1234.5"),
        ("7.2%%", False, "'7.2%%' is not a number; write e.g. 1234.5"),
        ("inf", False, "'inf' is not a finite number; leave the row out if there is no figure"),
        (
            "1e999",
            False,
            "'1e999' is not a finite number: beyond about 1.8 × 10^308, too large to be held; write it in a larger unit",
        ),
        ("", True, "the value is empty; leave the row out if there is no figure"),
    ],
)
def test_numbers_refused_with_a_reason(text, decimal_comma, message):
    with pytest.raises(ValueError) as err:
        parse_number_cell(text, decimal_comma, False)
    assert str(err.value) == message


@pytest.mark.parametrize("delimiter, cell", [("\t", "0,123"), ("\t", "0.123"), (";", "0.123"), (";", "0,123")])
def test_a_leading_zero_has_one_reading_in_a_file(delimiter: str, cell: str):
    """'0.123' and '0,123' cannot group thousands (no group starts with 0): 0.123 either way."""
    parsed = parse_table(
        f"indicator{delimiter}period{delimiter}value\nshare{delimiter}2021{delimiter}{cell}\n", "x.csv"
    )
    assert not parsed.problems, [str(p) for p in parsed.problems]
    assert [c[1]["value"] for c in parsed.candidates] == ["0.123"]


@pytest.mark.parametrize("text, decimal_comma", [("0,123", False), ("0.123", True), ("-0.500", True)])
def test_a_leading_zero_is_never_ambiguous(text: str, decimal_comma: bool):
    with pytest.raises(ValueError) as err:
        parse_number_cell(text, decimal_comma, False)
    assert "ambiguous" not in str(err.value)


def test_parse_table_reports_the_detected_dialect():
    parsed = parse_table("indicator;period;value\nshare;2021;1,5\n", "x.csv")
    assert parsed.delimiter == ";" and parsed.decimal_comma is True
    assert parsed.candidates[0][1]["value"] == "1.5"
    parsed = parse_table("indicator;period;value\nshare;2021;1.5\n", "x.csv", ImportFormat(decimal_comma=False))
    assert parsed.decimal_comma is False and parsed.candidates[0][1]["value"] == "1.5"


# --- one pass (issue 17: a 300,000-row import checked every row twice) -------------------


def test_a_clean_file_is_checked_once_and_appended(plan: Path, monkeypatch: pytest.MonkeyPatch):
    from qntrack.files import import_columns, recording

    # The general path (a file in the plain shape is judged by columns: test_import_columns.py).
    monkeypatch.setattr(import_columns, "columns_batch", lambda *args, **kwargs: None)
    calls: list[str] = []
    original = recording.validate_record

    def counted(*args, **kwargs):
        calls.append(args[2])
        return original(*args, **kwargs)

    monkeypatch.setattr(recording, "validate_record", counted)
    (plan / "in.csv").write_text(
        "indicator,period,value,recorded_at\nshare,2021,11,2022-01-05\nshare,2022,12,2023-01-05\n", encoding="utf-8"
    )
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    assert calls == ["share", "share"]  # each row validated once, not once to check and once to write
    assert added(plan) == "share,2021,11,,,,2022-01-05T00:00:00Z\nshare,2022,12,,,,2023-01-05T00:00:00Z\n"


def test_the_files_cells_are_let_go_before_the_store_is_read(plan: Path, monkeypatch: pytest.MonkeyPatch):
    """A national import's 300,000 rows of cells (a dict each) are not held while the
    store's million rows are read under the lock: the import's peak memory (issue 17)."""
    from qntrack.files import import_columns, recording

    monkeypatch.setattr(import_columns, "columns_batch", lambda *args, **kwargs: None)  # the general path
    given: list = []
    validate, judge = recording.validated_batch, recording.record_batch

    def validated(plan_, store, candidates, *args, **kwargs):
        given.append(candidates)
        return validate(plan_, store, candidates, *args, **kwargs)

    def judged(*args, **kwargs):
        assert given and given[0] == [], "the cells are still held when the store is read"
        return judge(*args, **kwargs)

    monkeypatch.setattr(recording, "validated_batch", validated)
    monkeypatch.setattr(recording, "record_batch", judged)
    (plan / "in.csv").write_text("indicator,period,value,recorded_at\nshare,2021,11,2022-01-05\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    assert added(plan) == "share,2021,11,,,,2022-01-05T00:00:00Z\n"


def test_a_file_read_cleanly_whose_rows_are_wrong_writes_nothing_and_says_every_problem(plan: Path):
    before = (plan / "observations.csv").read_bytes()
    (plan / "in.csv").write_text(
        "indicator,period,value,recorded_at\nshare,2021,11,2022-01-05\nshar,2022,12,2023-01-05\n"
        "share,2023-13,1,2024-01-05\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert lines[0] == "in.csv:3: error: unknown indicator 'shar'; did you mean 'share'?"
    assert lines[1].startswith("in.csv:4: error: '2023-13': month 13 does not exist")
    assert lines[-1] == "2 error(s), 0 warning(s)"
    assert (plan / "observations.csv").read_bytes() == before


# --- what a long import shows on a terminal (issue 17) -----------------------------------


def _large_file(plan: Path) -> Path:
    """A file of more than a megabyte (cli/waiting.py STATUS_FROM)."""
    (plan / "large.csv").write_text(HEADER + large_quarters("growth"), encoding="utf-8")
    assert (plan / "large.csv").stat().st_size > 1 << 20
    return plan / "large.csv"


def test_the_import_says_each_step_to_whoever_asks(plan: Path):
    from qntrack.files.importing import IMPORT_STEP, import_observations

    said: list[str] = []
    token = IMPORT_STEP.set(lambda message: said.append(str(message)))
    try:
        import_observations(None, str(_large_file(plan)))
    finally:
        IMPORT_STEP.reset(token)
    assert said == [f"Reading {plan / 'large.csv'}", "Checking 2,100 rows against observations.csv"]


def test_a_large_import_shows_its_steps_on_a_terminal_and_nothing_in_a_pipe(plan: Path):
    large = _large_file(plan)
    code, shown = stderr_on_a_terminal("add-observation", "--from", str(large), "--dry-run", cwd=plan)
    assert code == 0
    assert "Reading" in shown and "Checking 2,100 rows against observations.csv" in shown, shown
    piped = run("add-observation", "--from", str(large), "--dry-run")
    assert piped.exit_code == 0 and "Reading" not in piped.stderr and "Checking" not in piped.stderr


# --- a repeat is told by the figure as stored (a hostile pass) ----------------------------


@pytest.mark.parametrize(
    "first, second",
    [
        ("10,official,=S", "10,official,'=S"),  # both stored as '=S (a formula kept as text)
        ("0,official,yearbook", "-0,official,yearbook"),  # both stored as 0
        ("10,official,Cục Thống kê", "10,official,Cu\u0323c Thô\u0301ng kê"),  # NFC and NFD: one source
    ],
)
def test_the_same_figure_twice_is_a_repeat_however_its_cells_are_written(plan: Path, first: str, second: str):
    (plan / "in.csv").write_text(
        f"indicator,period,value,status,source,recorded_at\nshare,2023,{first},2024-03-01\nshare,2023,{second},2024-03-01\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    assert len(added(plan).splitlines()) == 1, added(plan)


def test_the_status_line_shows_a_file_name_as_it_is(plan: Path):
    """A name with brackets ('so-lieu [v2].csv') lost them, and '[/b]' ended the import in
    Rich's markup error; control characters in a name are shown escaped, as in errors."""
    folder = plan / "so["
    folder.mkdir()
    large = _large_file(plan).rename(folder / "lieu] [v2]\x1b[31m.csv")  # "[/lieu]": a closing tag to Rich
    # The whole name on one line of the terminal.
    code, shown = stderr_on_a_terminal(
        "add-observation", "--from", str(large), "--dry-run", cwd=plan, env={"COLUMNS": "500"}
    )
    assert code == 0, shown
    assert "Traceback" not in shown
    assert "so[/lieu] [v2]\\x1b[31m.csv" in shown, shown
