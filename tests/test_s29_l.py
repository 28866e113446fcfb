"""Issue 17, twenty-ninth session, helper L: the session's leftovers, each at its root (a
batch's retraction notes read the store once, a made example name of the format asked, a
number of months in words out of range, a total line's label with a colon, a parameter no
wording used). Each test written failing first; the expected words are the catalog's, the
figures the ones typed here."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import refused_here as _refused
from helpers import run_clean

# --- 1. a batch's retraction notes read the store's rows once ----------------------------------


def _revised(years: list[int]) -> None:
    """share: a figure of each year, then a wrong revision of it (41 for 4.1, ...)."""
    for year in years:
        assert run_clean("add-observation", "share", str(year), "4.1", "--recorded-at", "2024-05-10").exit_code == 0
        assert run_clean("add-observation", "share", str(year), "41", "--recorded-at", "2024-06-10").exit_code == 0


def _retract(years: list[int]) -> list[str]:
    """record_many of a batch retracting share's figure of each year: its notes, in English."""
    import qntrack

    rows = [{"indicator": "share", "period": str(y), "value": "", "status": "retracted"} for y in years]
    done = qntrack.record_many("targets.yaml", rows, undated="2024-07-01T00:00:00Z")
    return [n.text("en") for n in done.notes]


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    import qntrack.files.appending as appending

    calls: list[set[str]] = []
    real = appending._stored_now

    def counting(path: Path, ids: set[str]):
        calls.append(set(ids))
        return real(path, ids)

    monkeypatch.setattr(appending, "_stored_now", counting)
    return calls


def test_a_batchs_retractions_read_the_store_as_often_as_one_does(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _revised([2015, 2016, 2017, 2018])
    calls = _counted(monkeypatch)
    _retract([2015])
    one = len(calls)
    calls.clear()
    notes = _retract([2016, 2017, 2018])
    # Three retractions: as many readings as one (the append's, and one for all the notes).
    assert len(calls) == one, calls
    # The same notes, in the batch's order: each year's 4.1 does not come back.
    assert notes == [
        f"share {y} now has no figure in force: the figure it revised, 4.1 (recorded"
        " 2024-05-10T00:00:00Z), does not come back; to have it in force again, record it again with"
        " add-observation"
        for y in (2016, 2017, 2018)
    ]
