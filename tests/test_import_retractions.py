"""A retraction in an import file withdraws a figure, as `qntrack retract` does: one with
no figure in force at its moment (a wrong period, a typo in the indicator's unit) is
refused with its line, not stored as a row that withdraws nothing (and would withdraw a
figure recorded for that period later with an earlier date)."""

from __future__ import annotations

from pathlib import Path

from helpers import run_clean
from conftest import STORE_HEADER

HEADER = STORE_HEADER


def _import(tracker: Path, rows: str):
    (tracker / "in.csv").write_text(HEADER + rows, encoding="utf-8")
    return run_clean("add-observation", "--from", "in.csv")


def test_a_retraction_of_nothing_is_refused_at_its_line(tracker: Path) -> None:
    before = (tracker / "observations.csv").read_bytes()
    r = _import(tracker, "share,2019,,retracted,x,,2024-05-01T00:00:00Z\n")
    assert r.exit_code == 1, r.output
    assert "in.csv:2:" in r.stderr and "share 2019 has no figure in force to retract" in r.stderr
    assert (tracker / "observations.csv").read_bytes() == before


def test_a_retraction_dated_before_the_figure_it_means_is_refused(tracker: Path) -> None:
    # share 2023 = 12.3 was recorded 2023-10-15: a retraction dated 2023-06-01 withdraws nothing.
    r = _import(tracker, "share,2023,,retracted,x,,2023-06-01T00:00:00Z\n")
    assert r.exit_code == 1 and "in.csv:2:" in r.stderr, r.output


def test_a_retraction_of_a_stored_figure_is_recorded(tracker: Path) -> None:
    r = _import(tracker, "share,2023,,retracted,x,,2024-05-01T00:00:00Z\n")
    assert r.exit_code == 0, r.output
    assert (
        (tracker / "observations.csv")
        .read_text(encoding="utf-8")
        .endswith("share,2023,,retracted,x,,2024-05-01T00:00:00Z\n")
    )


def test_a_figure_and_its_retraction_in_one_file_are_recorded(tracker: Path) -> None:
    rows = "share,2019,10.1,estimate,x,,2024-05-01T00:00:00Z\nshare,2019,,retracted,x,,2024-06-01T00:00:00Z\n"
    r = _import(tracker, rows)
    assert r.exit_code == 0, r.output
    assert (tracker / "observations.csv").read_text(encoding="utf-8").endswith(rows)


def test_a_second_retraction_of_the_same_figure_is_refused(tracker: Path) -> None:
    rows = "share,2023,,retracted,x,,2024-05-01T00:00:00Z\nshare,2023,,retracted,y,,2024-06-01T00:00:00Z\n"
    r = _import(tracker, rows)
    assert r.exit_code == 1 and "in.csv:3:" in r.stderr, r.output


# A vintage history replayed from another tracker: a figure, its retraction, the figure
# given again later. The retraction is an earlier vintage once the later figure is stored;
# the warning says it as a retraction, never as a figure "= NaN" (fifteenth session).
def test_a_retraction_before_the_figure_in_force_is_said_as_a_retraction(tracker: Path) -> None:
    rows = "share,2019,10.1,estimate,x,,2024-05-01T00:00:00Z\nshare,2019,10.4,estimate,x,,2024-09-01T00:00:00Z\n"
    assert _import(tracker, rows).exit_code == 0
    r = _import(tracker, "share,2019,,retracted,x,,2024-06-01T00:00:00Z\n")
    assert r.exit_code == 0, r.output
    assert "NaN" not in r.stderr and "nan" not in r.stderr
    assert (
        "in.csv:2: warning: the retraction of share 2019 recorded 2024-06-01T00:00:00Z comes before the figure"
        " in force (10.4, recorded 2024-09-01T00:00:00Z): it is kept as an earlier vintage and 10.4 stays in force"
    ) in r.stderr
    vi = run_clean("--lang", "vi", "add-observation", "--from", "in.csv", "--dry-run")
    assert "NaN" not in vi.stderr and "nan" not in vi.stderr


def test_a_retraction_before_a_later_retraction_is_said_as_such(tracker: Path) -> None:
    rows = "share,2019,10.1,estimate,x,,2024-05-01T00:00:00Z\nshare,2019,,retracted,x,,2024-09-01T00:00:00Z\n"
    assert _import(tracker, rows).exit_code == 0
    # At 2024-06-01 10.1 was in force: a retraction then withdrew something, and is kept.
    r = _import(tracker, "share,2019,,retracted,y,,2024-06-01T00:00:00Z\n")
    assert r.exit_code == 0, r.output
    assert "NaN" not in r.stderr and "nan" not in r.stderr
    assert (
        "the retraction of share 2019 recorded 2024-06-01T00:00:00Z comes before the retraction recorded"
        " 2024-09-01T00:00:00Z: it is kept as an earlier vintage and the period stays withdrawn"
    ) in r.stderr
