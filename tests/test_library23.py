"""qntrack as a Python library, as a national statistics office's programmer uses it: load
the plan and the store, list the statuses as of a day, record a figure and its revision,
read a breakdown, handle a bad plan (issue 17, twenty-third session; docs/python-api.md,
docs/decisions.md "qntrack as a Python library").

Each test was written failing first, against what the docs promise a caller."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from qntrack.errors import InputError
from qntrack.plan.model import Location


def _typo_in_plan() -> int:
    """Misspells the first target type ``plan`` of the shipped targets.yaml as ``plna``;
    the 1-based line it is on (found by reading the file, as a person would)."""
    lines = Path("targets.yaml").read_text(encoding="utf-8").split("\n")
    at = lines.index("    type: plan")
    lines[at] = "    type: plna"
    Path("targets.yaml").write_text("\n".join(lines), encoding="utf-8")
    return at + 1


def test_a_bad_plan_is_a_plan_error_carrying_file_line_and_key(shipped: Path) -> None:
    from qntrack.errors import PlanError
    from qntrack.files.workspace import open_workspace

    line = _typo_in_plan()
    with pytest.raises(PlanError) as caught:
        open_workspace("targets.yaml")
    error = caught.value
    assert isinstance(error, InputError)  # the one base a caller may catch instead
    # The first problem: the file, the line of the typo, and the catalog's key of
    # "'plna' is not one of ...; did you mean 'plan'?".
    assert (error.file, error.line, error.key) == ("targets.yaml", line, "definitions_not_one_of_hint")
    assert "plna" in error.text("en") and "did you mean 'plan'" in error.text("en")


def test_a_missing_plan_is_a_plan_error_too(shipped: Path) -> None:
    from qntrack.errors import PlanError
    from qntrack.files.workspace import open_workspace

    with pytest.raises(PlanError) as caught:
        open_workspace("no-such-plan.yaml")
    assert caught.value.file == "no-such-plan.yaml"


def test_a_bad_store_row_is_a_store_error_carrying_its_line(shipped: Path) -> None:
    from qntrack.errors import PlanError, StoreError
    from qntrack.files.workspace import open_workspace

    # The shipped store has a header and 82 rows: 83 lines; the appended row is line 84.
    assert Path("observations.csv").read_text(encoding="utf-8").count("\n") == 83
    with open("observations.csv", "a", encoding="utf-8") as fh:
        fh.write("budget_revenue,2025,abc,,https://example.org,,2026-01-05T00:00:00Z\n")
    with pytest.raises(StoreError) as caught:
        open_workspace("targets.yaml")
    error = caught.value
    assert not isinstance(error, PlanError)
    assert (error.file, error.line, error.key) == ("observations.csv", 84, "store_value_not_number")


def test_a_store_another_writer_holds_is_a_store_locked_error(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from filelock import FileLock

    from qntrack.errors import StoreError, StoreLockedError
    from qntrack.files.recording import record_many

    monkeypatch.setenv("QNTRACK_LOCK_TIMEOUT", "0")
    before = Path("observations.csv").read_bytes()
    caught: list[BaseException] = []

    def writer() -> None:  # another thread: the lock held here is another open file
        try:
            record_many(
                "targets.yaml",
                [(Location("python"), {"indicator": "budget_revenue", "period": "2025", "value": "84500"})],
            )
        except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
            caught.append(exc)

    with FileLock(str(Path("observations.csv").resolve()) + ".lock"):
        thread = threading.Thread(target=writer)
        thread.start()
        thread.join()
    assert len(caught) == 1 and isinstance(caught[0], StoreLockedError), caught
    assert isinstance(caught[0], StoreError)
    assert (caught[0].file, caught[0].key) == ("observations.csv", "store_lock_busy")
    assert Path("observations.csv").read_bytes() == before  # nothing written


def test_an_error_is_told_in_each_callers_language_without_leaking(shipped: Path) -> None:
    from qntrack.errors import PlanError
    from qntrack.files.workspace import open_workspace

    _typo_in_plan()
    with pytest.raises(PlanError) as caught:
        open_workspace("targets.yaml")
    error = caught.value
    # vi, then en, then vi again, from one exception in one process: no language is
    # remembered between calls ("lỗi" is Vietnamese for "error").
    vi = error.text("vi")
    assert ": lỗi: " in vi and ": error: " not in vi
    assert ": error: " in error.text("en") and ": lỗi: " not in error.text("en")
    assert error.text("vi") == vi
    assert str(error) == error.text("en")  # str() is the English text, as before
