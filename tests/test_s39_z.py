"""Issue 17, thirty-ninth session, pass Z: a zoned plan's days, tried as a hostile user.

A plan that names its zone counts its days there (docs/targets-format.md, ``timezone``).
The expected days below are worked out by hand:

- ``+07:00`` (Hà Nội): 18:00 UTC on 29 June is 01:00 on 30 June there; 23:30 UTC on
  2 July is 06:30 on 3 July; 18:15 UTC on 30 June is 01:15 on 1 July.
- ``-05:00``: 03:00 UTC on 30 June is 22:00 on 29 June there; 03:00 UTC on 1 July is
  22:00 on 30 June.

Without ``timezone:`` every day is the UTC day, as before.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean
from test_s39_zone import PLAN  # the zoned test plan: a quarterly share, milestones 2025 and 2030

HEADER = "indicator,period,value,status,source,note,recorded_at\n"
HANOI = 'timezone: "+07:00"\n'
NEW_YORK = 'timezone: "-05:00"\n'


def _tracker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zone: str, rows: str) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN.format(zone=zone), HEADER + rows)


# --- check and add-observation: "recorded before the period ended" on the plan's day -----

# A preliminary (not estimated) figure for Q2 2025, which ends on 30 June: it may be
# recorded on 30 June or later, never before.
HANOI_30_JUNE = (
    "share,2025-Q1,12.0,,src-a,,2025-04-20T02:00:00Z\nshare,2025-Q2,13.0,preliminary,src-b,,2025-06-29T18:00:00Z\n"
)


def test_check_takes_a_figure_recorded_at_1am_on_30_june_in_hanoi_as_recorded_on_30_june(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 18:00 UTC on 29 June is 01:00 on 30 June in Hà Nội: the quarter's last day, not before it.
    # check called it "recorded 2025-06-29, before period 2025-Q2 ended", and exited 1.
    _tracker(tmp_path, monkeypatch, HANOI, HANOI_30_JUNE)
    r = run_clean("check")
    assert r.exit_code == 0, r.output
    assert "2025-06-29" not in r.output


def test_check_without_a_zone_still_judges_the_utc_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tracker(tmp_path, monkeypatch, "", HANOI_30_JUNE)
    r = run_clean("check")
    assert r.exit_code == 1
    assert "recorded 2025-06-29, before period 2025-Q2 ended (2025-06-30)" in r.output


def test_check_west_of_greenwich_finds_a_figure_recorded_the_day_before_the_quarter_ended(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 03:00 UTC on 30 June is 22:00 on 29 June at -05:00: before Q2 ended there. Its UTC
    # day, 30 June, let it pass.
    _tracker(tmp_path, monkeypatch, NEW_YORK, "share,2025-Q2,13.0,preliminary,src-b,,2025-06-30T03:00:00Z\n")
    r = run_clean("check")
    assert r.exit_code == 1
    assert "recorded 2025-06-29, before period 2025-Q2 ended (2025-06-30)" in r.output


def test_check_west_of_greenwich_takes_10pm_on_30_june_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 03:00 UTC on 1 July is 22:00 on 30 June at -05:00: the quarter's last day.
    _tracker(tmp_path, monkeypatch, NEW_YORK, "share,2025-Q2,13.0,preliminary,src-b,,2025-07-01T03:00:00Z\n")
    r = run_clean("check")
    assert r.exit_code == 0, r.output


def test_add_observation_at_1am_on_30_june_hanoi_time_is_not_told_29_june(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A time typed without a zone is the plan's: 01:00 on 30 June in Hà Nội. It was refused,
    # "recorded 2025-06-29, before period 2025-Q2 ended", a day the officer never typed.
    folder = _tracker(tmp_path, monkeypatch, HANOI, "share,2025-Q1,12.0,,src-a,,2025-04-20T02:00:00Z\n")
    r = run_clean(
        "add-observation", "share", "2025-Q2", "13", "--status", "preliminary", "--source", "s",
        "--recorded-at", "2025-06-30T01:00",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert (folder / "observations.csv").read_text(encoding="utf-8").endswith(",2025-06-29T18:00:00Z\n")


def test_add_observation_at_11pm_on_29_june_hanoi_time_is_told_29_june(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 23:00 on 29 June in Hà Nội is 16:00 UTC the same day: before the quarter ended, in both.
    _tracker(tmp_path, monkeypatch, HANOI, "share,2025-Q1,12.0,,src-a,,2025-04-20T02:00:00Z\n")
    r = run_clean(
        "add-observation", "share", "2025-Q2", "13", "--status", "preliminary", "--source", "s",
        "--recorded-at", "2025-06-29T23:00",
    )  # fmt: skip
    assert r.exit_code == 1
    assert "recorded 2025-06-29, before period 2025-Q2 ended (2025-06-30)" in r.output


# --- the workbook's recorded-at cells: the plan's time, the zone said in the heading -----

REPORTED = (
    "share,2025-Q1,12.0,,src-a,,2025-04-20T02:00:00Z\n"
    "share,2025-Q1,12.2,,src-b,revised,2025-06-30T18:15:00Z\n"
    "share,2025-Q2,13.0,estimate,src-c,,2025-07-02T23:30:00Z\n"
)


def _workbook(folder: Path, lang: str = "en") -> object:
    import openpyxl

    r = run_clean("--lang", lang, "report", "--since", "2025-06-30", "--as-of", "2025-07-03", "-o", "r.xlsx")
    assert r.exit_code == 0, r.output
    return openpyxl.load_workbook(folder / "r.xlsx")


def _column(ws: object, heading: str, header_row: int) -> list[object]:
    headings = [c.value for c in ws[header_row]]  # type: ignore[index]
    assert heading in headings, headings
    at = headings.index(heading)
    return [row[at].value for row in ws.iter_rows(min_row=header_row + 1)]  # type: ignore[attr-defined]


def test_the_workbook_writes_recorded_moments_in_the_plans_zone_and_says_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The Figures sheet showed 2025-07-02 for a figure published at 06:30 on 3 July in Hà
    # Nội (a UTC datetime under a date format), where the report's other formats say 3 July.
    folder = _tracker(tmp_path, monkeypatch, HANOI, REPORTED)
    book = _workbook(folder)
    figures = _column(book["Figures"], "Recorded (UTC+07:00)", 1)  # type: ignore[index]
    assert datetime(2025, 7, 3, 6, 30) in figures
    assert datetime(2025, 7, 1, 1, 15) in figures
    since = book["Since the last review"]  # type: ignore[index]
    recorded = _column(since, "Recorded (UTC+07:00)", 2)
    # 01:15 on 1 July, after the review of 30 June: shown 30 June until now.
    assert datetime(2025, 7, 1, 1, 15) in recorded
    assert datetime(2025, 6, 30, 18, 15) not in recorded
    was = _column(since, "Figure it revised, recorded (UTC+07:00)", 2)
    assert datetime(2025, 4, 20, 9, 0) in was


def test_the_vietnamese_workbook_says_the_zone_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _tracker(tmp_path, monkeypatch, HANOI, REPORTED)
    book = _workbook(folder, "vi")
    headings = {c.value for ws in book.worksheets for row in ws.iter_rows(max_row=2) for c in row}  # type: ignore[attr-defined]
    assert "Ghi nhận (giờ UTC+07:00)" in headings
    assert "Ngày ghi nhận số liệu trước điều chỉnh (giờ UTC+07:00)" in headings
    assert "Ghi nhận" not in headings


def test_a_workbook_west_of_greenwich_writes_the_day_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 18:15 UTC on 30 June is 13:15 on 30 June at -05:00.
    folder = _tracker(tmp_path, monkeypatch, NEW_YORK, REPORTED)
    figures = _column(_workbook(folder)["Figures"], "Recorded (UTC-05:00)", 1)  # type: ignore[index]
    assert datetime(2025, 6, 30, 13, 15) in figures
    assert datetime(2025, 7, 2, 18, 30) in figures


def test_a_workbook_without_a_zone_writes_utc_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _tracker(tmp_path, monkeypatch, "", REPORTED)
    figures = _column(_workbook(folder)["Figures"], "Recorded", 1)  # type: ignore[index]
    assert datetime(2025, 7, 2, 23, 30) in figures
    assert datetime(2025, 6, 30, 18, 15) in figures


def test_an_import_takes_1am_on_30_june_in_hanoi_as_30_june(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The import's fast path counted the UTC day too, and refused the row as the general one did.
    folder = _tracker(tmp_path, monkeypatch, HANOI, "share,2025-Q1,12.0,,src-a,,2025-04-20T02:00:00Z\n")
    (folder / "new.csv").write_text(
        HEADER + "share,2025-Q2,13.0,preliminary,src-b,,2025-06-29T18:00:00Z\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "new.csv")
    assert r.exit_code == 0, r.output
    assert (folder / "observations.csv").read_text(encoding="utf-8").endswith(",2025-06-29T18:00:00Z\n")


def test_an_import_west_of_greenwich_refuses_a_figure_recorded_before_the_quarter_ended_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _tracker(tmp_path, monkeypatch, NEW_YORK, "share,2025-Q1,12.0,,src-a,,2025-04-20T02:00:00Z\n")
    before = (folder / "observations.csv").read_bytes()
    (folder / "new.csv").write_text(
        HEADER + "share,2025-Q2,13.0,preliminary,src-b,,2025-06-30T03:00:00Z\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "new.csv")
    assert r.exit_code == 1
    assert "recorded 2025-06-29, before period 2025-Q2 ended (2025-06-30)" in r.output
    assert (folder / "observations.csv").read_bytes() == before


@pytest.mark.parametrize("warm", [False, True])
def test_status_does_not_warn_of_a_figure_recorded_on_30_june_in_hanoi(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm: bool
) -> None:
    # status says on standard error the figures in force that check calls errors: it named
    # this one, cold, and after an append to a kept status (the cache's path).
    folder = _tracker(tmp_path, monkeypatch, HANOI, "share,2025-Q1,12.0,,src-a,,2025-04-20T02:00:00Z\n")
    if warm:
        assert run_clean("status", "--format", "json").exit_code == 0
    with (folder / "observations.csv").open("a", encoding="utf-8") as f:
        f.write("share,2025-Q2,13.0,preliminary,src-b,,2025-06-29T18:00:00Z\n")
    for fmt in ("json", "table"):
        r = run_clean("status", "--format", fmt)
        assert r.exit_code == 0, r.output
        assert "2025-06-29" not in r.stderr and "before period" not in r.stderr, r.stderr


def test_status_west_of_greenwich_warns_of_a_figure_recorded_before_the_quarter_ended_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tracker(tmp_path, monkeypatch, NEW_YORK, "share,2025-Q2,13.0,preliminary,src-b,,2025-06-30T03:00:00Z\n")
    r = run_clean("status", "--format", "json")
    assert "recorded 2025-06-29, before period 2025-Q2 ended (2025-06-30)" in r.stderr


# --- the status cache: a figure appended to a kept status shows its day in the plan's zone --

REVISED = "share,2025-Q1,12.0,,src-a,,2025-04-20T02:00:00Z\n"
REVISION = "share,2025-Q1,12.4,,src-b,revised,2025-06-30T18:15:00Z\n"  # 01:15 on 1 July in Hà Nội


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_kept_status_table_with_a_revision_appended_shows_the_plans_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    # The cache judged the appended figure afresh outside any plan's zone: its footnote
    # read "recorded 2025-06-30" (the UTC day) where a cold run reads 2025-07-01.
    folder = _tracker(tmp_path, monkeypatch, HANOI, REVISED)
    for fmt in ("table", "json"):
        assert run_clean("--lang", lang, "status", "--format", fmt).exit_code == 0
    with (folder / "observations.csv").open("a", encoding="utf-8") as f:
        f.write(REVISION)
    warm = run_clean("--lang", lang, "status", "--format", "table")
    assert warm.exit_code == 0, warm.output
    assert ("recorded 2025-07-01" if lang == "en" else "ghi nhận 01/07/2025") in warm.stdout, warm.stdout
    monkeypatch.setenv("QNTRACK_NO_CACHE", "1")
    cold = run_clean("--lang", lang, "status", "--format", "table")
    assert warm.stdout == cold.stdout


# --- a Python caller: two plans in one process, each report in its own plan's days -------


def test_two_plans_in_one_process_write_each_report_in_its_own_days(tmp_path: Path) -> None:
    import openpyxl

    from qntrack import open_workspace
    from qntrack.output.report import build_report, render, write_report

    data = {}
    for name, zone in (("hanoi", HANOI), ("utc", "")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "targets.yaml").write_text(PLAN.format(zone=zone), encoding="utf-8")
        (folder / "observations.csv").write_text(HEADER + REPORTED, encoding="utf-8")
    for name in ("hanoi", "utc"):  # both read before either is written: the last read names no zone
        ws = open_workspace(tmp_path / name / "targets.yaml", as_of="2025-07-03")
        data[name] = build_report(ws.plan, ws.series, ws.store.observations, as_of="2025-07-03", since="2025-06-30")
    open_workspace(tmp_path / "hanoi" / "targets.yaml")  # and then the zoned one again

    # Hà Nội: 18:15 UTC on 30 June is 1 July, after the review of 30 June; in UTC it is not.
    def since(name: str) -> str:
        return render(data[name], "markdown", "en").split("## Since the last review")[1].split("\n## ")[0]

    rows = {line.split(" | ")[-2]: line.split(" | ")[-1] for line in since("hanoi").splitlines() if "| src-" in line}
    assert rows == {"src-b": "2025-07-01 |", "src-c": "2025-07-03 |"}
    rows = {line.split(" | ")[-2]: line.split(" | ")[-1] for line in since("utc").splitlines() if "| src-" in line}
    assert rows == {"src-c": "2025-07-02 |"}
    for name, heading, moment in (
        ("hanoi", "Recorded (UTC+07:00)", datetime(2025, 7, 3, 6, 30)),
        ("utc", "Recorded", datetime(2025, 7, 2, 23, 30)),
    ):
        write_report(data[name], "xlsx", "en", tmp_path / f"{name}.xlsx")
        assert moment in _column(openpyxl.load_workbook(tmp_path / f"{name}.xlsx")["Figures"], heading, 1)
