"""qntrack scripted by a national office (issue 17, twenty-sixth session, pass H): the
twenty-fifth session's leftovers (cmd's single quotes kept in a stored text, to_json of a
caller's huge integer, the library's arguments of the wrong type, the observations CSV
imported back, an amount a double cannot hold in the store and in an Open SDG cell).
Expected values written by hand: 2**53 + 1 = 9007199254740993, whose nearest double is
9007199254740992; JSON's grammar (RFC 8259) has no limit on an integer's digits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import qntrack
from conftest import SMALL_OBSERVATIONS, STORE_HEADER
from helpers import run, run_clean, store_text, write_repository
from qntrack import InputError, Location

# --- 1. cmd's single quotes around a stored text are said, and the text kept as typed ----


def test_a_source_in_single_quotes_from_cmd_is_stored_as_typed_and_said(tracker: Path):
    # cmd.exe: `--source 'GSO'` gives the program 'GSO', quotes and all.
    r = run_clean(
        "add-observation", "share", "2024-Q2", "13", "--status", "estimate", "--source", "'GSO'",
        "--recorded-at", "2024-07-20T00:00:00Z",
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert r.stderr.splitlines()[-1] == (
        "--source: warning: 'GSO' keeps its single quotes as part of the text: Windows' cmd passes "
        "single quotes on as letters (it reads only double quotes); if they were not meant, type "
        '--source "GSO"'
    )
    assert store_text(tracker) == SMALL_OBSERVATIONS + "share,2024-Q2,13,estimate,'GSO',,2024-07-20T00:00:00Z\n"


def test_a_note_in_single_quotes_is_said_in_a_dry_run_and_in_vietnamese(tracker: Path):
    r = run_clean(
        "--lang", "vi", "add-observation", "share", "2024-Q2", "13", "--status", "estimate",
        "--note", "'ước'", "--dry-run",
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert r.stderr.splitlines()[-1] == (
        "--note: cảnh báo: 'ước' giữ dấu nháy đơn như một phần của văn bản: cmd của Windows chuyển "
        "dấu nháy đơn đi như chữ (cmd chỉ đọc dấu nháy kép); nếu không định gõ chúng, hãy gõ "
        '--note "ước"'
    )
    assert store_text(tracker) == SMALL_OBSERVATIONS


def test_a_retraction_source_in_single_quotes_is_said(tracker: Path):
    r = run_clean("retract", "share", "2023", "--source", "'GSO'", "--recorded-at", "2024-01-10T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    assert r.stderr.splitlines()[-1].startswith("--source: warning: 'GSO' keeps its single quotes")


@pytest.mark.parametrize(
    "source",
    [
        "GSO",
        "GSO's release",  # an apostrophe inside a text
        "'Vision 2030' and 'Plan'",  # quotes a bash user typed on purpose: cmd splits at spaces
        "'",
    ],
)
def test_no_warning_for_a_text_cmd_cannot_have_left_in_quotes(source: str, tracker: Path):
    r = run_clean(
        "add-observation", "share", "2024-Q2", "13", "--status", "estimate", "--source", source, "--dry-run",
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert "single quotes" not in r.stderr


def test_a_refusal_says_the_quotes_once(tracker: Path):
    # Refused for its value: the refusal's note says the quotes, and no warning is added.
    r = run("add-observation", "share", "2024-Q2", "abc", "--status", "estimate", "--source", "'GSO'")
    assert r.exit_code == 1
    assert r.stderr.count("single quotes") == 1
    assert store_text(tracker) == SMALL_OBSERVATIONS


# --- 2. to_json writes a caller's integer of any size --------------------------------------


def test_to_json_writes_an_integer_beyond_64_bits_exactly():
    assert qntrack.to_json({"a": 10**30}) == '{\n  "a": 1000000000000000000000000000000\n}\n'
    document = {"x": [1, -(2**64), {"y": 2**64}], "f": 0.00006696578609199921, "n": None, "t": True}
    text = qntrack.to_json(document)
    assert json.loads(text) == document
    assert '"f": 0.00006696578609199921' in text  # the floats as before, not Python's repr
    assert "-18446744073709551616" in text and "18446744073709551616" in text


def test_to_json_still_refuses_what_json_cannot_hold():
    with pytest.raises(TypeError):
        qntrack.to_json({1: "a"})  # a key that is not text: as documented
    with pytest.raises(TypeError):
        qntrack.to_json({"a": {1, 2}})


# --- 3. the library's arguments of the wrong type are InputErrors naming the argument -----


@pytest.mark.parametrize("candidates", [None, 5, "share,2025,1", b"share", {"indicator": "share"}])
def test_record_many_names_candidates_given_no_list(candidates: object, tracker: Path):
    with pytest.raises(InputError) as raised:
        qntrack.record_many("targets.yaml", candidates)  # type: ignore[arg-type]
    assert isinstance(raised.value, ValueError)  # an ArgumentError
    assert raised.value.file == "candidates"
    assert raised.value.key == "library_candidates_type"
    assert str(raised.value).startswith(
        f"candidates: error: is of type {type(candidates).__name__}, not a list of rows"
    )
    assert store_text(tracker) == SMALL_OBSERVATIONS


def test_record_many_names_each_row_that_is_no_row(tracker: Path):
    good = {"indicator": "share", "period": "2024-Q2", "value": 13, "status": "estimate"}
    with pytest.raises(InputError) as raised:
        qntrack.record_many(
            "targets.yaml",
            [good, 1, (Location("job"), None), ("a", "b", "c"), []],  # type: ignore[list-item]
        )
    places = [p.location.file + (f":{p.location.line}" if p.location.line else "") for p in raised.value.problems]
    assert places == ["candidates:2", "candidates:3", "candidates:4", "candidates:5"]
    assert [p.message.id for p in raised.value.problems] == ["library_candidate_type"] * 4  # type: ignore[union-attr]
    assert "is of type int, not a row" in str(raised.value).splitlines()[0]
    assert store_text(tracker) == SMALL_OBSERVATIONS


def test_a_plan_or_a_file_of_another_type_is_named(tracker: Path):
    for call, argument in (
        (lambda: qntrack.record_many(5, []), "targets"),  # type: ignore[arg-type]
        (lambda: qntrack.open_workspace(5), "targets"),  # type: ignore[arg-type]
        (lambda: qntrack.status(["targets.yaml"]), "targets"),  # type: ignore[arg-type]
        (lambda: qntrack.import_observations("targets.yaml", None), "source"),  # type: ignore[arg-type]
        (lambda: qntrack.import_observations("targets.yaml", 3), "source"),  # type: ignore[arg-type]
        (lambda: qntrack.write_report(None, "html", "en", None), "path"),  # type: ignore[arg-type]
    ):
        with pytest.raises(InputError) as raised:
            call()
        assert raised.value.file == argument
        assert raised.value.key == "library_path_type"
        assert isinstance(raised.value, ValueError)


def test_ids_and_names_of_another_type_are_named(tracker: Path):
    for call, argument in (
        (lambda: qntrack.status("targets.yaml", target_ids=[1]), "target_ids"),  # type: ignore[list-item]
        (lambda: qntrack.assessed("targets.yaml", target_ids=5), "target_ids"),  # type: ignore[arg-type]
        (lambda: qntrack.run_checks("targets.yaml", names=[1]), "names"),  # type: ignore[list-item]
    ):
        with pytest.raises(InputError) as raised:
            call()
        assert raised.value.file == argument
        assert raised.value.key == "library_texts_type"


# --- 4. the observations CSV qntrack wrote, imported back, is not said to be neutralised --


def test_the_observations_csv_imported_back_says_no_apostrophe_was_added(tracker: Path, tmp_path: Path):
    r = run_clean(
        "add-observation", "share", "2024-Q2", "13", "--status", "estimate", "--source", "=GSO",
        "--note", "+3 vs 2023", "--recorded-at", "2024-07-20T00:00:00Z",
    )  # fmt: skip
    assert r.exit_code == 0
    assert "2 source/note text(s) start like a spreadsheet formula" in r.stderr  # added by qntrack: said
    written = run_clean("observations", "--format", "csv")
    assert "share,2024-Q2,13,estimate,'=GSO,'+3 vs 2023,2024-07-20T00:00:00Z" in written.stdout
    other = tmp_path / "other"
    other.mkdir()
    (other / "targets.yaml").write_text((tracker / "targets.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (other / "observations.csv").write_text(STORE_HEADER, encoding="utf-8")
    (tmp_path / "o.csv").write_text(written.stdout, encoding="utf-8")
    for extra in (["--dry-run"], []):
        r = run_clean("-t", str(other / "targets.yaml"), "add-observation", "--from", str(tmp_path / "o.csv"), *extra)
        assert r.exit_code == 0, r.stderr
        assert "spreadsheet formula" not in r.stderr
    assert store_text(other) == written.stdout  # the same texts, one apostrophe each


def test_a_file_mixing_given_and_protected_texts_counts_those_qntrack_protected(tracker: Path):
    (tracker / "in.csv").write_text(
        "indicator,period,value,status,source,note\n"
        "share,2024-Q2,13,estimate,'=GSO,=note\n"
        "share,2024-Q3,14,estimate,@cuc,'-x\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    assert "2 source/note text(s) start like a spreadsheet formula" in r.stderr


# --- 5. check flags a stored amount a double cannot hold --------------------------------


def test_check_flags_a_hand_edited_amount_a_double_cannot_hold(tracker: Path):
    with (tracker / "observations.csv").open("a", encoding="utf-8") as f:
        f.write("share,2024-Q2,9007199254740993,estimate,src,,2024-07-20T00:00:00Z\n")  # line 8
        f.write("share,2024-Q3,9007199254740992,estimate,src,,2024-10-20T00:00:00Z\n")  # 2**53: held
    r = run_clean("check", "--format", "json")
    assert r.exit_code == 1
    found = [p for p in json.loads(r.stdout)["problems"] if p["code"] == "checks_whole_units"]
    assert found == [
        {
            "file": "observations.csv",
            "line": 8,
            "column": None,
            "severity": "error",
            "check": "store",  # every row reads as written
            "message": (
                "'9007199254740993' cannot be kept exactly: a figure holds 15 to 17 significant digits, "
                "and every command reads this one as 9007199254740992; write the figure in a larger unit "
                "(declare the indicator in billion VND rather than VND), or round it to 15 digits"
            ),
            "code": "checks_whole_units",
        }
    ]


def test_check_passes_amounts_a_double_holds(tracker: Path):
    with (tracker / "observations.csv").open("a", encoding="utf-8") as f:
        f.write('share,2024-Q2,"11511900000000000000",estimate,src,,2024-07-20T00:00:00Z\n')
        f.write("share,2024-Q3,1e21,estimate,src,,2024-10-20T00:00:00Z\n")
        f.write("share,2024-Q4,9007199254740992.0,estimate,src,,2025-01-20T00:00:00Z\n")
    problems = qntrack.run_checks("targets.yaml", ["store"])
    assert [p for p in problems if getattr(p.message, "id", "") == "checks_whole_units"] == []


# --- 6. an Open SDG cell is held to the whole unit as every import is ----------------------

_REPOSITORY = {
    "config_data.yml": "languages:\n  - en\n",
    "meta/1-1-1.md": """\
        ---
        indicator_name: Poverty rate
        computation_units: Percent
        ---
        """,
}


def test_an_open_sdg_value_a_double_cannot_hold_is_refused_at_its_line(tmp_path: Path):
    data = "Year,Units,Value\n2015,Percent,10\n2016,Percent,9007199254740993\n"
    repo = write_repository(tmp_path / "repo", {**_REPOSITORY, "data/indicator_1-1-1.csv": data})
    r = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2024-01-15")
    assert r.exit_code == 1
    assert (
        "data/indicator_1-1-1.csv:3: error: '9007199254740993' cannot be kept exactly: a figure holds 15 to 17 "
        "significant digits, and this one would be stored as 9007199254740992;"
    ) in r.stderr
    assert not (tmp_path / "t" / "observations.csv").exists()


# --- found: an empty variable before an option makes the option a text, and obeys it not --

_OPTION_AS_TEXT = (
    "--source: error: was given '--dry-run', an option of this command, as its text: an empty or "
    "unset variable written without quotes (--source $SOURCE in bash) passes no word, and the option "
    'after it is taken as the text and not obeyed (Windows PowerShell 5.1 drops an empty "" too); '
    'nothing was done: quote the variable (--source "$SOURCE"), or leave --source out when it is empty\n'
)


def test_a_dry_run_after_an_empty_source_is_refused_not_recorded(tracker: Path):
    # bash: `--source $SOURCE --dry-run` with SOURCE unset gives --source the word --dry-run:
    # the figure was recorded with the source '--dry-run, and no dry run was made.
    r = run_clean("add-observation", "share", "2024-Q2", "13", "--status", "estimate", "--source", "--dry-run")
    assert r.exit_code == 2
    assert r.stderr == _OPTION_AS_TEXT
    assert r.stdout == ""
    assert store_text(tracker) == SMALL_OBSERVATIONS


@pytest.mark.parametrize(
    "args",
    [
        ("add-observation", "share", "2024-Q2", "13", "--note", "--force"),
        ("add-observation", "share", "2024-Q2", "13", "--note", "-n"),
        ("add-observation", "--from", "in.csv", "--source", "--format=json"),
        ("retract", "share", "2023", "--note", "--recorded-at=2024-01-01T00:00:00Z"),
        ("retract", "share", "2023", "--source", "--targets"),
    ],
)
def test_any_option_of_the_command_taken_as_a_text_is_refused(args: tuple[str, ...], tracker: Path):
    (tracker / "in.csv").write_text("indicator,period,value,status\nshare,2024-Q2,13,estimate\n", encoding="utf-8")
    r = run_clean(*args)
    assert r.exit_code == 2, r.stderr
    assert "an option of this command, as its text" in r.stderr
    assert store_text(tracker) == SMALL_OBSERVATIONS


@pytest.mark.parametrize("text", ["-", "-2 points", "--", "--see note", "-- GSO"])
def test_a_text_starting_with_a_dash_that_is_no_option_is_recorded(text: str, tracker: Path):
    r = run_clean("add-observation", "share", "2024-Q2", "13", "--status", "estimate", "--note", text, "--dry-run")
    assert r.exit_code == 0, r.stderr


# --- found: record_many's now given as Python gives a moment ---------------------------------


def test_record_many_takes_now_as_an_aware_datetime(tracker: Path):
    from datetime import datetime, timedelta, timezone

    row = {"indicator": "share", "period": "2024-Q3", "value": 13, "status": "estimate"}
    hanoi = timezone(timedelta(hours=7))
    done = qntrack.record_many("targets.yaml", [row], dry_run=True, now=datetime(2026, 1, 15, 8, 0, tzinfo=hanoi))
    assert [o.recorded_at for o in done.rows] == ["2026-01-15T01:00:00Z"]  # 08:00 in Hanoi is 01:00 UTC


def test_record_many_names_now_of_another_type(tracker: Path):
    row = {"indicator": "share", "period": "2024-Q3", "value": 13, "status": "estimate"}
    with pytest.raises(InputError) as raised:
        qntrack.record_many("targets.yaml", [row], now=20260115)  # type: ignore[arg-type]
    assert raised.value.file == "now"
    assert raised.value.key == "library_now_type"
    assert isinstance(raised.value, ValueError)


# --- found: pandas' empty cell (NaN) in a text field was stored as the text 'nan' -----------


def test_a_nan_text_field_is_a_field_left_out(tracker: Path):
    # pandas.read_csv(...).to_dict("records") gives float('nan') for an empty source cell:
    # it was stored as the source "nan".
    nan = float("nan")
    row = {"indicator": "share", "period": "2024-Q3", "value": 13.5, "status": "estimate", "source": nan, "note": nan}
    done = qntrack.record_many("targets.yaml", [row, {**row, "period": "2024-Q4", "status": nan}], now="2025-02-01")
    assert [(o.source, o.note, o.status) for o in done.rows] == [("", "", "estimate"), ("", "", "")]
    assert store_text(tracker).endswith(
        "share,2024-Q3,13.5,estimate,,,2025-02-01T00:00:00Z\nshare,2024-Q4,13.5,,,,2025-02-01T00:00:00Z\n"
    )


@pytest.mark.parametrize("field", ["indicator", "period", "value"])
def test_a_nan_where_a_row_needs_a_value_is_still_refused(field: str, tracker: Path):
    row = {"indicator": "share", "period": "2024-Q3", "value": 13.5, "status": "estimate", field: float("nan")}
    with pytest.raises(InputError):
        qntrack.record_many("targets.yaml", [row])
    assert store_text(tracker) == SMALL_OBSERVATIONS
