"""formats.to_json, the writer of every JSON output (docs/json.md, "Text and numbers").

The expected texts below are written by hand from the documented layout (2-space indent,
": " and "," separators, keys in the order given, UTF-8 unescaped, newline at the end);
none is copied from qntrack's output.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import modules_loaded

from qntrack.kinds import assess
from qntrack.cli import app
from qntrack.output.formats import status_document, to_json
from qntrack.method.progress import Status
from qntrack.files.workspace import open_workspace, reference_day

ROOT = Path(__file__).resolve().parent.parent


def test_layout_of_a_small_document():
    document = {
        "name": "Quảng Ninh",
        "value": 12.3,
        "count": 3,
        "missing": None,
        "due": True,
        "nested": {"period": "2023", "values": [1.5, 2]},
        "empty_list": [],
        "empty_dict": {},
        "rows": [{"passed": False}, []],
    }
    expected = (
        "{\n"
        '  "name": "Quảng Ninh",\n'
        '  "value": 12.3,\n'
        '  "count": 3,\n'
        '  "missing": null,\n'
        '  "due": true,\n'
        '  "nested": {\n'
        '    "period": "2023",\n'
        '    "values": [\n'
        "      1.5,\n"
        "      2\n"
        "    ]\n"
        "  },\n"
        '  "empty_list": [],\n'
        '  "empty_dict": {},\n'
        '  "rows": [\n'
        "    {\n"
        '      "passed": false\n'
        "    },\n"
        "    []\n"
        "  ]\n"
        "}\n"
    )
    assert to_json(document) == expected


def test_tuples_str_enums_and_escapes():
    """Tuples are arrays, a str Enum is its value; quotes, backslashes and control
    characters are escaped as JSON requires, other text is left as UTF-8."""
    document = {"span": ("2021", "2025"), "status": Status.TARGET_ACHIEVED, "note": 'a "b" \\ c\nd\x00 ệ'}
    expected = (
        "{\n"
        '  "span": [\n'
        '    "2021",\n'
        '    "2025"\n'
        "  ],\n"
        '  "status": "target_achieved",\n'
        '  "note": "a \\"b\\" \\\\ c\\nd\\u0000 ệ"\n'
        "}\n"
    )
    assert to_json(document) == expected


def test_empty_containers_and_scalars_at_top_level():
    assert to_json({}) == "{}\n"
    assert to_json([]) == "[]\n"
    assert to_json(None) == "null\n"
    assert to_json("Hạ Long") == '"Hạ Long"\n'


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_finite_float_reads_back_as_the_same_double(f: float):
    back = json.loads(to_json({"x": f}))["x"]
    assert back == f
    assert math.copysign(1.0, back) == math.copysign(1.0, f)  # -0.0 stays negative


@given(st.integers(min_value=-(2**63), max_value=2**64 - 1))
def test_integers_within_64_bits_read_back(n: int):
    assert json.loads(to_json({"n": n}))["n"] == n


def test_small_exponents_read_back_whatever_the_spelling():
    """The case that differs from json.dumps: Python writes -6.696578609199921e-05; the
    writer may spell it out in full. The value is what the contract promises."""
    f = -6.696578609199921e-05
    text = to_json({"deviation": f})
    assert json.loads(text)["deviation"] == f
    assert "NaN" not in text and "Infinity" not in text


def test_nan_and_infinities_are_written_as_null():
    document = {"a": math.nan, "b": math.inf, "c": -math.inf, "d": [math.nan, 1.5]}
    expected = '{\n  "a": null,\n  "b": null,\n  "c": null,\n  "d": [\n    null,\n    1.5\n  ]\n}\n'
    assert to_json(document) == expected
    assert json.loads(expected) == {"a": None, "b": None, "c": None, "d": [None, 1.5]}


def test_keys_other_than_text_are_refused():
    """The contract only has text keys; a number as a key is a mistake to hear about,
    not to convert silently."""
    with pytest.raises(TypeError):
        to_json({1: "a"})


def test_an_overflowing_total_is_null_in_the_contract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Two finite figures near the largest double add up to infinity; the cumulative
    target's total and share of target are then not defined, and come out as null: the
    document still parses, and the figures themselves are kept (1e308 each)."""
    (tmp_path / "targets.yaml").write_text(
        "version: 1\n"
        "indicators:\n"
        "  inv: {name: Investment, unit: bn VND, measure: flow}\n"
        "targets:\n"
        "  - {id: inv-total, type: cumulative, indicator: inv, at_least: 50000, from: 2021, to: 2025}\n",
        encoding="utf-8",
    )
    (tmp_path / "observations.csv").write_text(
        "indicator,period,value,status,source,note,recorded_at\n"
        "inv,2021,1e308,,,,2022-01-01T00:00:00Z\n"
        "inv,2022,1e308,,,,2023-01-01T00:00:00Z\n",
        encoding="utf-8",
    )
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    monkeypatch.delenv("QNTRACK_NO_CACHE", raising=False)
    for env in ({"QNTRACK_NO_CACHE": "1"}, {}, {}):  # plain path, then cold and warm cache
        r = CliRunner().invoke(
            app, ["status", "--targets", str(tmp_path / "targets.yaml"), "--format", "json"], env=env
        )
        assert r.exit_code == 0, r.output
        details = json.loads(r.stdout)["targets"][0]["details"]
        assert details["total"] is None
        assert details["share_of_target"] is None
        assert [p["value"] for p in details["periods"]] == [1e308, 1e308]
        assert "Infinity" not in r.stdout and "NaN" not in r.stdout


# --- the shipped dataset ----------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped_document() -> dict:
    ws = open_workspace(str(ROOT / "targets.yaml"), None)
    # The command assesses as of today (deadlines passed by then: assessment.ended).
    judged = assess(ws.plan, ws.series, today=reference_day(None))
    # The store's rows say what each figure replaced (revises, eighteenth session).
    return status_document(judged, None, ws.plan.title, observations=ws.store.observations)


def test_shipped_status_document_reads_as_the_stdlib_writes_it(shipped_document: dict):
    assert json.loads(to_json(shipped_document)) == json.loads(json.dumps(shipped_document))


def test_shipped_status_document_has_the_stdlib_layout(shipped_document: dict):
    """Line for line the text json.dumps(indent=2, ensure_ascii=False) writes; where a
    line differs, it is only in the spelling of one number of the same value."""
    ours = to_json(shipped_document).split("\n")
    stdlib = (json.dumps(shipped_document, ensure_ascii=False, indent=2) + "\n").split("\n")
    assert len(ours) == len(stdlib)
    for a, b in zip(ours, stdlib, strict=True):
        if a != b:
            key_a, _, number_a = a.rstrip(",").rpartition(" ")
            key_b, _, number_b = b.rstrip(",").rpartition(" ")
            assert key_a == key_b and a.endswith(",") == b.endswith(","), (a, b)
            assert float(number_a) == float(number_b), (a, b)


def test_shipped_status_json_from_the_command(shipped_document: dict):
    r = CliRunner().invoke(
        app, ["status", "--targets", str(ROOT / "targets.yaml"), "--format", "json"], env={"QNTRACK_NO_CACHE": "1"}
    )
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == json.loads(json.dumps(shipped_document))


def test_version_does_not_load_the_json_writer():
    assert modules_loaded(["--version"], ["orjson", "qntrack.output.formats"]) == [False, False]


def test_observation_rows_write_values_as_the_store_does():
    # A dry run or `observations -f csv` shows the figure as it is stored (1000, -5),
    # not as Python's float repr (1000.0, -5.0).
    from qntrack.output.tables import observation_rows, write_table
    from qntrack.plan.model import Observation
    from qntrack.plan.periods import parse_period

    rows = [
        Observation("fdi", parse_period("2024"), 1000.0, "", "", "", "2025-01-05T00:00:00Z", 2),
        Observation("g", parse_period("2024-H1"), -5.0, "", "", "", "2024-07-05T00:00:00Z", 3),
        Observation("g", parse_period("2024"), 10.28, "", "", "", "2025-01-05T00:00:00Z", 4),
    ]
    lines = write_table(observation_rows(rows), "csv").splitlines()
    assert lines[1].split(",")[2] == "1000"
    assert lines[2].split(",")[2] == "-5"
    assert lines[3].split(",")[2] == "10.28"


@pytest.mark.parametrize("text", [" =1+1", "  @SUM(A1)", "\t=cmd", " -cmd|' /C calc'!A0"])
def test_a_formula_after_leading_spaces_is_neutralised_in_printed_csv(text):
    # Spreadsheets skip leading spaces before deciding a cell is a formula; the store's
    # input rule (textfiles.formula_like) knows it, and the printed CSV/TSV must too.
    from qntrack.output.formats import safe_cell

    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["-inf", "-nan", "+Infinity", "-\u0661", "-1_000", "+\uff11"])
def test_what_python_reads_as_a_number_but_a_spreadsheet_does_not_is_neutralised(text):
    # float() reads these; a spreadsheet sees a leading sign and no number after it, and
    # runs the cell: -inf is a formula calling a name, "-١" (an Arabic-Indic one) a
    # formula over text. Only ASCII decimals are numbers to it.
    from qntrack.files.rules import written_text
    from qntrack.output.formats import safe_cell

    assert safe_cell(text) == "'" + text
    assert written_text(text) == "'" + text


@pytest.mark.parametrize("text", ["-1e5", "-.5", "+3.", "-2.5E-3", " -7"])
def test_every_spelling_of_an_ascii_number_is_a_number(text):
    from qntrack.output.formats import safe_cell

    assert safe_cell(text) == text


@pytest.mark.parametrize("text", ["-2.5", " 12", "plain", "", "+84"])
def test_numbers_and_plain_text_pass_unchanged(text):
    from qntrack.output.formats import safe_cell

    assert safe_cell(text) == text


def test_history_csv_writes_values_as_the_store_does(tracker):
    # `history -f csv` is a table of what was stored: 12 and 11.5, not 12.0.
    from typer.testing import CliRunner

    from qntrack.cli import app

    added = CliRunner().invoke(app, ["add-observation", "share", "2022", "12", "--recorded-at", "2024-02-01"])
    assert added.exit_code == 0, added.stderr
    r = CliRunner().invoke(app, ["history", "share", "-f", "csv"])
    assert r.exit_code == 0, r.stderr
    values = [line.split(",")[1] for line in r.stdout.splitlines()[1:]]
    assert "12" in values and "12.9" in values and "11.5" in values
    assert not any(v.endswith(".0") for v in values), values


@pytest.mark.parametrize(
    "args, frequency",
    [(["mining", "2020-Q1"], "year"), (["share", "2024-04"], "quarter"), (["share", "2024-H1", "-f", "json"], None)],
)
def test_history_of_a_period_the_indicator_cannot_have_says_why(tracker, args, frequency):
    # `history mining 2020-Q1` printed an empty table and exit 0: an annual indicator has no
    # quarter, and nothing said so (the hostile province pass). A period made of whole
    # units of its frequency (2024-H1 of a quarterly one) is a period it can have.
    r = CliRunner().invoke(app, ["history", *args, "-f", "tsv"] if "-f" not in args else ["history", *args])
    if frequency is None:
        assert r.exit_code == 0, r.output
        return
    # The plan lacks that period: invalid input, 1 (a usage error, 2, before session 37's
    # pass H; README, "Exit codes"); nothing on standard output under tsv.
    assert r.exit_code == 1, r.output
    assert r.stdout == ""
    assert f"period {args[1]} is finer than indicator '{args[0]}' is published (frequency: {frequency})" in r.stderr, (
        r.stderr
    )
