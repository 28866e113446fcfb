"""Pass A of the thirty-seventh session: the library's last inconsistencies (issue 17).

A wrong argument is an ``ArgumentError`` naming it, in every public function
(docs/python-api.md, "Errors"); ``retract``'s ``source`` and ``note`` are text; a
retraction a caller keeps (pickled, copied) is equal to itself; a file a user named
"standard output" is not called standard output in Vietnamese; ``history`` and
``retract`` spell the unit's argument alike. Each test was written failing first."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path
from typing import Any, Callable

import pytest

from helpers import run_clean
from qntrack.errors import ArgumentError, InputError

BUDGET = "budget_revenue"  # yearly; the shipped store's 2025 figure is 82,235 (the HĐND's estimate)


def _store() -> bytes:
    return Path("observations.csv").read_bytes()


def _refused(call: Callable[[], Any]) -> InputError:
    """The error ``call`` raised, the store left byte for byte as it was."""
    before = _store()
    with pytest.raises(InputError) as caught:
        call()
    assert _store() == before
    return caught.value


# --- 1. a wrong argument is an ArgumentError, in retract, record_many, import_observations


@pytest.mark.parametrize(
    ("args", "kwargs", "place", "key"),
    [
        ((BUDGET + "x", "2025"), {}, "indicator", "recording_unknown_indicator_hint"),
        ((BUDGET, "20x5"), {}, "period", "periods_not_a_period"),
        ((BUDGET, "2099"), {}, "period", "timing_not_begun"),
        # A quarter of no year: it was told at "retract", the function.
        ((BUDGET, "H1"), {}, "period", "cli_period_no_year"),
        ((BUDGET, "2025"), {"recorded_at": "2026-13-01"}, "recorded_at", "store_timestamp_no_such_month"),
        ((BUDGET, "2025"), {"tz": "+99:00"}, "tz", "timing_zone_out_of_range"),
        ((BUDGET, "2025"), {"dims": {"locality": "Atlantis"}}, "dims", "units_unknown_value"),
    ],
)
def test_retract_refuses_its_own_arguments_as_argument_errors(
    shipped: Path, args: tuple[str, str], kwargs: dict[str, Any], place: str, key: str
) -> None:
    import qntrack

    given: dict[str, Any] = {"source": "https://example.org/s", "note": "", "recorded_at": None, **kwargs}
    error = _refused(lambda: qntrack.retract("targets.yaml", *args, **given))
    # history's refusals were ArgumentErrors, retract's bare InputErrors: one rule now.
    assert isinstance(error, ArgumentError), type(error)
    assert (error.file, error.line, error.key) == (place, 0, key)
    assert isinstance(error, ValueError)  # as every ArgumentError is


def test_retract_refuses_a_recorded_at_of_no_moment_by_its_type(shipped: Path) -> None:
    import qntrack

    for moment, kind in ((5, "int"), (["2026-01-02"], "list")):
        error = _refused(lambda moment=moment: qntrack.retract("targets.yaml", BUDGET, "2025", "s", "", moment))  # type: ignore[arg-type]
        # 5 was read as the text '5' ("not an ISO 8601 timestamp"), a list told at "retract".
        assert isinstance(error, ArgumentError) and (error.file, error.key) == ("recorded_at", "library_now_type")
        assert kind in error.text("en") and kind in error.text("vi")


def test_what_the_store_says_of_a_retraction_stays_an_input_error(shipped: Path) -> None:
    import qntrack

    # 2019 has no budget figure in the shipped store: the data's problem, not an argument's.
    error = _refused(lambda: qntrack.retract("targets.yaml", BUDGET, "2019", "s", "", None))
    assert type(error) is InputError and error.key == "recording_nothing_to_retract"


def test_record_many_refuses_its_moments_and_zone_as_argument_errors(shipped: Path) -> None:
    import qntrack

    row = {"indicator": BUDGET, "period": "2025", "value": "84500", "source": "https://example.org/s"}
    cases = [
        ({"now": "2026-13-01"}, "now", "store_timestamp_no_such_month"),
        ({"tz": "+99:00"}, "tz", "timing_zone_out_of_range"),
        # Was told at the row, "candidates:1", as if the row had been wrong.
        # The shipped plan names timezone: +07:00: told an example read in it (pass O, s38).
        ({"undated": "garbage"}, "undated", "store_timestamp_invalid_zoned"),
    ]
    for given, place, key in cases:
        error = _refused(lambda given=given: qntrack.record_many("targets.yaml", [row], **given))
        assert isinstance(error, ArgumentError), (given, type(error))
        assert (error.file, error.line, error.key) == (place, 0, key)
    # A row's own problem stays the row's, at its place.
    bad_row = dict(row, indicator="budget_revnue")
    error = _refused(lambda: qntrack.record_many("targets.yaml", [bad_row]))
    assert type(error) is InputError and error.file == "candidates"


def test_import_observations_refuses_its_settings_as_argument_errors(shipped: Path) -> None:
    import qntrack
    from qntrack.files.import_tables import RowDefaults

    Path("new.csv").write_text("indicator,period,value\nbudget_revenue,2025,84500\n", encoding="utf-8")
    cases = [
        # A zone that is none: passed unread when every row had its moment, or none needed one.
        ({"tz": "+99:00"}, "tz", "timing_zone_out_of_range"),
        ({"defaults": RowDefaults(recorded_at="2026-13-01")}, "defaults", "store_timestamp_no_such_month"),
        # A sheet of a CSV file was told at "--sheet", the command's option.
        ({"sheet": "Figures"}, "sheet", "workbook_sheet_for_csv"),
    ]
    for given, place, key in cases:
        error = _refused(
            lambda given=given: qntrack.import_observations("targets.yaml", "new.csv", dry_run=True, **given)
        )
        assert isinstance(error, ArgumentError), (given, type(error))
        assert (error.file, error.key) == (place, key)
    # A file that is not there is the file's problem, told at its name.
    error = _refused(lambda: qntrack.import_observations("targets.yaml", "missing.csv", dry_run=True))
    assert type(error) is InputError and error.file == "missing.csv"


def test_status_s_grouping_and_run_checks_names_are_argument_errors(shipped: Path) -> None:
    import qntrack

    # Both were bare InputErrors at their names, where every other unknown name is not.
    error = _refused(lambda: qntrack.status("targets.yaml", group_by="owners"))
    assert isinstance(error, ArgumentError) and (error.file, error.key) == ("group_by", "library_group_by")
    error = _refused(lambda: qntrack.run_checks("targets.yaml", ["jumps", "unitz"]))
    assert isinstance(error, ArgumentError) and (error.file, error.key) == ("names", "cli_unknown_check")


# --- 2. retract's source and note are text


@pytest.mark.parametrize(
    ("field", "value", "kind"), [("source", True, "bool"), ("note", True, "bool"), ("source", ["s"], "list")]
)
def test_retract_refuses_a_source_or_note_that_is_no_text(shipped: Path, field: str, value: Any, kind: str) -> None:
    import qntrack

    given: dict[str, Any] = {"source": "https://example.org/s", "note": "", field: value}
    # A list was told at "retract". (source=5, refused here in the thirty-seventh session, is
    # stored as record_many stores it since pass L2 of the thirty-eighth: tests/test_s38_l2.py.)
    error = _refused(lambda: qntrack.retract("targets.yaml", BUDGET, "2025", recorded_at=None, **given))
    assert isinstance(error, ArgumentError)
    assert (error.file, error.key) == (field, "library_text_type")
    english, vietnamese = error.text("en"), error.text("vi")
    assert f"{field}: error:" in english and kind in english and "str" in english and "None" in english
    assert kind in vietnamese and "str" in vietnamese


def test_retract_takes_text_and_none_as_source_and_note(shipped: Path) -> None:
    import qntrack

    done = qntrack.retract("targets.yaml", BUDGET, "2025", None, None, None, dry_run=True)  # type: ignore[arg-type]
    assert (done.row.source, done.row.note) == ("", "")
    done = qntrack.retract("targets.yaml", BUDGET, "2025", "https://example.org/s", "a note", None, dry_run=True)
    assert (done.row.source, done.row.note, done.withdrawn.value) == ("https://example.org/s", "a note", 82235.0)


# --- 3. a retraction kept is equal to itself


def test_a_retraction_is_equal_to_its_copies_and_its_pickle(shipped: Path) -> None:
    import qntrack

    done = qntrack.retract("targets.yaml", BUDGET, "2025", "https://example.org/s", "", "2026-01-02T10:00:00Z")
    assert done.row.status == "retracted"
    for again in (copy.copy(done), copy.deepcopy(done), pickle.loads(pickle.dumps(done))):
        # The row's value is NaN: pickle made another NaN, equal to nothing (False before).
        assert again == done and again.row == done.row and hash(again.row) == hash(done.row)
        assert again.notes == done.notes and again.store == done.store
    # The same retraction read back from the store is equal to the one returned.
    stored = [o for o in qntrack.open_workspace("targets.yaml").store.observations if o.status == "retracted"]
    assert [o._replace(line=0) for o in stored] == [done.row._replace(line=0)]
    # What the commands print of it is as before: an empty value in the CSV, null in JSON.
    assert _store().decode("utf-8").splitlines()[-1].startswith("budget_revenue,2025,,retracted,")
    vintages = qntrack.history("targets.yaml", BUDGET, "2025")["vintages"]
    assert (vintages[0]["value"], vintages[0]["status"]) == (None, "retracted")


def test_a_batch_s_retraction_is_equal_to_its_pickle(shipped: Path) -> None:
    import qntrack

    row = {"indicator": BUDGET, "period": "2025", "status": "retracted", "source": "https://example.org/s"}
    done = qntrack.record_many("targets.yaml", [row], dry_run=True, now="2026-01-02T10:00:00Z")
    assert done.rows[0].status == "retracted"
    assert pickle.loads(pickle.dumps(done)) == done and copy.deepcopy(done) == done


# --- 4. standard output, and a file of that name


def test_a_file_named_standard_output_keeps_its_name_in_vietnamese(shipped: Path) -> None:
    # A report to a file with no extension is refused at the file's name: this file's name
    # was said "đầu ra chuẩn" (standard output) in Vietnamese, a place it is not.
    Path("standard output").write_text("a note of the user's\n", encoding="utf-8")
    r = run_clean("report", "-o", "standard output", env={"QNTRACK_LANG": "vi"})
    assert r.exit_code == 2
    assert r.stderr.startswith("standard output: lỗi:"), r.stderr
    assert "đầu ra chuẩn" not in r.stderr
    assert Path("standard output").read_text(encoding="utf-8") == "a note of the user's\n"


def test_standard_output_itself_is_still_named_in_vietnamese() -> None:
    import errno

    from qntrack.catalog import msg
    from qntrack.errors import os_failure
    from qntrack.plan.model import Location, Problem

    # An error writing standard output (no file name): the place in words, in each language.
    error = os_failure(OSError(errno.ENOSPC, "No space left on device"), None, msg("cli_doing_write"), stdout=True)
    assert error.text("vi").startswith("đầu ra chuẩn: lỗi:")
    assert error.text("en").startswith("standard output: error:")
    # The place a user's file of that name is at is the file's name, in any language.
    named = Problem(Location("standard output"), msg("cli_doing_write"))
    assert named.text("vi").startswith("standard output: lỗi:")
    # A copy or a pickle of the place is still standard output.
    (problem,) = error.problems
    assert pickle.loads(pickle.dumps(problem)).text("vi").startswith("đầu ra chuẩn:")


# --- 5. one spelling of the unit's argument


def test_history_takes_dims_as_retract_does_and_dim_still(shipped: Path) -> None:
    import qntrack

    unit = {"locality": "Hạ Long"}
    by_dims = qntrack.history("targets.yaml", BUDGET, dims=unit)
    # Hạ Long's two figures in the shipped store: 18,135 for 2024 and 7,000 for 2022.
    assert [(v["period"], v["value"]) for v in by_dims["vintages"]] == [("2024", 18135.0), ("2022", 7000.0)]
    assert qntrack.history("targets.yaml", BUDGET, dim=unit) == by_dims  # the old spelling
    assert qntrack.history("targets.yaml", BUDGET, None, unit) == by_dims  # fourth, by place
    # A wrong unit is told at the argument as the caller spelt it.
    for name in ("dims", "dim"):
        error = _refused(lambda name=name: qntrack.history("targets.yaml", BUDGET, **{name: {"locality": "Atlantis"}}))
        assert isinstance(error, ArgumentError) and error.file == name
    # Both spellings at once: which unit was meant cannot be told.
    error = _refused(lambda: qntrack.history("targets.yaml", BUDGET, dims=unit, dim=unit))
    assert isinstance(error, ArgumentError) and (error.file, error.key) == ("dim", "library_dim_twice")
    assert "dims" in error.text("en") and "dims" in error.text("vi")
