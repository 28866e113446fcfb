"""Issue 17, sixteenth session: a researcher's and a journalist's pass over "what was
known on a given date". A small tracker tells one story, written here row by row:

- 2021 to 2023: official figures 10.1, 10.2 and 11.0, recorded a year after each;
- 2024: an estimate of 10.3 published 2025-01-05 at 09:00 in Hanoi (02:00 UTC), revised
  to 9.8 on 2025-03-20 at 10:00 in Hanoi (03:00 UTC), retracted on 2025-04-02 at 08:00
  UTC, then re-published as 9.9 (official) on 2025-06-15.

Every expected value below is read off those rows by hand. Each test was written failing
first; what was attacked and held is in docs/decisions.md (the sixteenth session's
section).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, dedent, make_tracker
from helpers import json_of, run_clean

TARGETS = dedent(
    """
    version: 1
    title: "Story"
    observations: observations.csv
    indicators:
      growth:
        name: {en: "GRDP growth", vi: "Tăng trưởng GRDP"}
        unit: "%"
        measure: rate
    targets:
      - id: growth-every-year
        type: every_period
        indicator: growth
        at_least: 10
        from: 2021
        to: 2025
    """
)

ROWS = (
    "growth,2021,10.1,official,Yearbook 2021,,2022-06-01T00:00:00Z\n"
    "growth,2022,10.2,official,Yearbook 2022,,2023-06-01T00:00:00Z\n"
    "growth,2023,11,official,Yearbook 2023,,2024-06-01T00:00:00Z\n"
    "growth,2024,10.3,estimate,Press release 5/1/2025,,2025-01-05T02:00:00Z\n"
    "growth,2024,9.8,preliminary,Statistics office 20/3/2025,,2025-03-20T03:00:00Z\n"
    "growth,2024,,retracted,Statistics office 2/4/2025,withdrawn,2025-04-02T08:00:00Z\n"
    "growth,2024,9.9,official,Yearbook 2024,,2025-06-15T00:00:00Z\n"
)


@pytest.fixture
def story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, STORE_HEADER + ROWS)


def test_a_figure_published_again_after_a_retraction_is_added_not_revised(story: Path):
    # Found: report --since 2025-01-05 listed 9.9 (2025-06-15) as "revised" with the value
    # before it "–%" (Markdown) and previous_value null (JSON): it "revised" a retraction,
    # which is no figure. By hand: on 2025-06-14 the period had no figure in force (the
    # retraction of 2025-04-02 was the latest row), so 9.9 enters a figure again, as the
    # first one did: "added", nothing before it. history says the same (revises: null).
    doc = json_of("report", "--format", "json", "--since", "2025-01-05", "--as-of", "2025-06-30")
    changes = [
        (o["value"], o["change"], o["previous_value"], o["previous_recorded_at"]) for o in doc["since"]["observations"]
    ]
    assert changes == [
        (9.8, "revised", 10.3, "2025-01-05T02:00:00Z"),
        (None, "retracted", 9.8, "2025-03-20T03:00:00Z"),
        (9.9, "added", None, None),
    ]
    md = run_clean("report", "--since", "2025-01-05", "--as-of", "2025-06-30")
    assert md.exit_code == 0, md.stderr
    assert "–%" not in md.stdout
    assert "| 2024 | 9.9% | official | new | – |" in md.stdout  # the report's word for "added"


def test_show_tells_a_revised_figure_from_a_first_estimate(story: Path):
    # Found: show listed 2024 as 9.8 "preliminary" on 2025-03-20 exactly as it listed the
    # first estimate 10.3 on 2025-01-05: nothing said 9.8 replaced a published figure, and
    # the JSON had no trace of it, so a reader citing show alone could not tell a revision
    # from a first estimate. By hand: as of 2025-01-05 only line 5 (10.3) exists, it
    # revises nothing; as of 2025-03-20 line 6 (9.8) is in force and revises 10.3; the
    # years 2021-2023 have one row each and revise nothing.
    first = json_of("show", "growth-every-year", "--as-of", "2025-01-05", "--format", "json")
    assert [(o["period"], o["value"], o["revises"]) for o in first["observations"]] == [
        ("2021", 10.1, None),
        ("2022", 10.2, None),
        ("2023", 11.0, None),
        ("2024", 10.3, None),
    ]
    later = json_of("show", "growth-every-year", "--as-of", "2025-03-20", "--format", "json")
    assert [(o["period"], o["value"], o["revises"]) for o in later["observations"]][-1] == ("2024", 9.8, 10.3)
    # After the retraction and the official 9.9 (2025-06-15): what came before it was a
    # retraction, no figure, as history says (revises: null).
    now = json_of("show", "growth-every-year", "--format", "json")
    assert [(o["period"], o["value"], o["revises"]) for o in now["observations"]][-1] == ("2024", 9.9, None)
    table = run_clean("show", "growth-every-year", "--as-of", "2025-03-20", env={"COLUMNS": "120"})
    assert table.exit_code == 0, table.stderr
    line = next(x for x in table.stdout.splitlines() if x.strip().startswith("2024") and "preliminary" in x)
    assert "10.3% → 9.8%" in line  # the figure it replaced, on its row
    vi = run_clean("--lang", "vi", "show", "growth-every-year", "--as-of", "2025-03-20", env={"COLUMNS": "120"})
    line = next(x for x in vi.stdout.splitlines() if x.strip().startswith("2024") and "sơ bộ" in x)
    assert "10,3% → 9,8%" in line
    # A first figure is printed alone: as of 2025-01-05, "10.3%" with no arrow.
    first_table = run_clean("show", "growth-every-year", "--as-of", "2025-01-05", env={"COLUMNS": "120"})
    assert "→" not in first_table.stdout.split("Observations", 1)[1]


def test_the_observations_table_says_the_day_it_is_as_of(story: Path):
    # Found: `observations --as-of DAY --format table` printed the figures in force on DAY
    # under no heading at all, while status, show and history say "— as of DAY": a table
    # copied into an article read as today's figures. By hand, as of 2025-01-04 (end of the
    # day, UTC): lines 2-4 (2021-2023); the estimate of line 5 came 2025-01-05T02:00Z.
    r = run_clean("observations", "--as-of", "2025-01-04", "--format", "table", env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.stderr
    assert "Story — as of 2025-01-04" in r.stdout
    assert [x.split()[1] for x in r.stdout.splitlines() if x.strip().startswith("growth")] == ["2021", "2022", "2023"]
    vi = run_clean("--lang", "vi", "observations", "--as-of", "2025-01-04", "--format", "table", env={"COLUMNS": "120"})
    assert "Story — tính đến 04/01/2025" in vi.stdout
    # Before any figure: said in words, not an empty table.
    none = run_clean("observations", "--as-of", "2022-05-31", "--format", "table", env={"COLUMNS": "120"})
    assert none.exit_code == 0, none.stderr
    assert "No observations yet." in none.stdout
    # Without --as-of the table is as it was: no heading.
    plain = run_clean("observations", "--format", "table", env={"COLUMNS": "120"})
    assert "as of" not in plain.stdout


@pytest.mark.parametrize(
    "command",
    [
        ("add-observation", "growth", "2025", "9.5", "--status", "estimate"),
        ("add-observation", "growth", "2025", "9.5", "--status", "estimate", "--dry-run"),
        ("retract", "growth", "2024"),
    ],
)
@pytest.mark.parametrize("blank", ["", "  "])
def test_an_empty_recorded_at_is_refused_not_taken_for_now(story: Path, command: tuple[str, ...], blank: str):
    # Found: `--recorded-at ""` (a shell variable left unset: --recorded-at "$PUBLISHED")
    # was read as no option at all, so a figure being backdated was stamped with today's
    # moment, in silence, and `--as-of` any earlier day no longer saw it: a vintage dated
    # by accident. `--as-of ""` is refused; so is this now, as a malformed option (exit 2),
    # and nothing is written.
    before = (story / "observations.csv").read_bytes()
    r = run_clean(*command, "--recorded-at", blank)
    assert r.exit_code == 2, r.output
    assert "--recorded-at" in r.stderr and "empty" in r.stderr
    assert (story / "observations.csv").read_bytes() == before
    vi = run_clean("--lang", "vi", *command, "--recorded-at", blank)
    assert vi.exit_code == 2 and "để trống" in vi.stderr


def test_an_empty_recorded_at_with_from_is_refused(story: Path):
    (story / "rows.csv").write_text("indicator,period,value\ngrowth,2025,9.5\n", encoding="utf-8")
    before = (story / "observations.csv").read_bytes()
    r = run_clean("add-observation", "--from", "rows.csv", "--status", "estimate", "--recorded-at", "")
    assert r.exit_code == 2, r.output
    assert (story / "observations.csv").read_bytes() == before


@pytest.mark.parametrize(
    ("day", "en", "vi"),
    [
        # By hand: 2025 is not a leap year, so February has 28 days; 2024 is, 29. Vietnamese
        # writes the month without its leading zero (tháng 2/2025), as period words do.
        ("2025-02-30", "2025-02 has 28 days", "tháng 2/2025 có 28 ngày"),
        ("2024-02-30", "2024-02 has 29 days", "tháng 2/2024 có 29 ngày"),
        ("2025-04-31", "2025-04 has 30 days", "tháng 4/2025 có 30 ngày"),
        ("2025-13-01", "there is no month 13", "không có tháng 13"),
        ("2025-00-10", "there is no month 00", "không có tháng 00"),
        ("2025-06-00", "2025-06 has 30 days", "tháng 6/2025 có 30 ngày"),
    ],
)
@pytest.mark.parametrize("option", ["--as-of", "--since"])
def test_a_day_written_right_that_does_not_exist_says_why(story: Path, day: str, en: str, vi: str, option: str):
    # Found: `--as-of 2025-02-30` answered "'2025-02-30' is not a date; write YYYY-MM-DD",
    # which it is written as: the reader was told to do what they had done. It now says
    # what is wrong with the day.
    r = run_clean("report", option, day)
    assert r.exit_code == 2, r.output
    assert en in r.stderr, r.stderr
    assert "write YYYY-MM-DD" not in r.stderr
    v = run_clean("--lang", "vi", "report", option, day)
    assert v.exit_code == 2 and vi in v.stderr, v.stderr


def test_history_says_what_each_vintage_replaced_and_what_a_retraction_withdrew(story: Path):
    # Found: history's table listed the retraction of 2025-04-02 as "–  retracted" and
    # nothing on its row said it withdrew 9.8, nor that 9.8 revised 10.3: the JSON had it
    # (revises) but a reader of the table had to work it out from the row below. By hand:
    # line 8 (9.9) follows a retraction, so it replaced no figure; line 7 withdrew 9.8
    # (line 6); line 6 revised 10.3 (line 5); line 5 was the first.
    r = run_clean("history", "growth", "2024", "--format", "table", env={"COLUMNS": "160"})
    assert r.exit_code == 0, r.stderr
    rows = {x.split()[-1]: x for x in r.stdout.splitlines() if "2024" in x and "%" in x}
    assert "10.3% → 9.8%" in rows["6"]
    assert "9.8% → –" in rows["7"]  # the retraction names the figure it withdrew
    assert "→" not in rows["8"] and "→" not in rows["5"]  # nothing before them
    vi = run_clean("--lang", "vi", "history", "growth", "2024", "--format", "table", env={"COLUMNS": "160"})
    assert "10,3% → 9,8%" in vi.stdout and "9,8% → –" in vi.stdout


def test_status_csv_cites_the_latest_figure_it_used(story: Path):
    # Found: `status --as-of DAY --format csv|tsv`, what a journalist opens in a
    # spreadsheet, gave the latest figure's period and value only; its `source` column is
    # the target's (the resolution), so a row could not be cited, nor told an estimate from
    # a revision, without the JSON. Three columns are added at the end (docs/json.md: only
    # ever at the end). By hand: as of 2025-03-20 the figure in force for 2024 is line 6;
    # as of 2025-04-02 (2024 retracted) the latest is 2023, line 4.
    import csv
    import io

    def latest(day: str) -> dict[str, str]:
        r = run_clean("status", "--as-of", day, "--format", "csv")
        assert r.exit_code == 0, r.stderr
        (row,) = csv.DictReader(io.StringIO(r.stdout))
        header = r.stdout.splitlines()[0].split(",")
        # latest_revises added after them (eighteenth session), the provisional reading's six
        # columns after it (nineteenth), withdrawn (twentieth), direction, milestones and
        # name_vi (twenty-first), the two parts_revised columns (twenty-third), as_of last
        # (twenty-fourth), then the four revises_source/recorded_at columns (twenty-fifth):
        # still only ever at the end.
        at = header.index("latest_status")  # named, not counted from the end (28th session)
        assert header[at : at + 4] == [
            "latest_status",
            "latest_source",
            "latest_recorded_at",
            "latest_revises",
        ]  # two *_revises_status after (27th)
        return {
            k: row[k] for k in ("latest_period", "latest_value", "latest_status", "latest_source", "latest_recorded_at")
        }

    assert latest("2025-03-20") == {
        "latest_period": "2024",
        "latest_value": "9.8",
        "latest_status": "preliminary",
        "latest_source": "Statistics office 20/3/2025",
        "latest_recorded_at": "2025-03-20T03:00:00Z",
    }
    assert latest("2025-04-02") == {
        "latest_period": "2023",
        "latest_value": "11.0",
        "latest_status": "official",
        "latest_source": "Yearbook 2023",
        "latest_recorded_at": "2024-06-01T00:00:00Z",
    }
    # Before any figure: empty cells, as for latest_value.
    assert set(latest("2022-01-01").values()) == {""}


def test_history_csv_says_what_each_vintage_replaced(story: Path):
    # Found: history's CSV and TSV (its output into a pipe or a spreadsheet) had no trace of
    # what a vintage replaced, which JSON gives as `revises`; a retraction's row did not say
    # what it withdrew. Added as the last column, as JSON writes it. By hand: line 8 (9.9)
    # after a retraction: empty; line 7 withdrew 9.8; line 6 revised 10.3; line 5 first.
    r = run_clean("history", "growth", "2024", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == [
        # then as_of, empty without --as-of (twenty-fourth session)
        # and where the figure replaced came from, its source and recorded_at (twenty-fifth)
        "period,value,status,source,note,recorded_at,in_force,line,revises,as_of,revises_source,revises_recorded_at,"
        "revises_status",
        "2024,9.9,official,Yearbook 2024,,2025-06-15T00:00:00Z,true,8,,,,,",
        "2024,,retracted,Statistics office 2/4/2025,withdrawn,2025-04-02T08:00:00Z,false,7,9.8,,"
        "Statistics office 20/3/2025,2025-03-20T03:00:00Z,preliminary",
        "2024,9.8,preliminary,Statistics office 20/3/2025,,2025-03-20T03:00:00Z,false,6,10.3,,"
        "Press release 5/1/2025,2025-01-05T02:00:00Z,estimate",
        "2024,10.3,estimate,Press release 5/1/2025,,2025-01-05T02:00:00Z,false,5,,,,,",
        # and the status of the figure replaced (twenty-seventh session)
    ]


def test_the_reports_figures_say_what_they_revised(story: Path):
    # Found: the report's table of each target's figures (Markdown, HTML, Word, PDF) printed
    # 9.8 on 2025-03-20 as it printed a first estimate; only the Excel appendix counted the
    # vintages. It now writes the figure replaced before it, as show and history do. By
    # hand: as of 2025-03-20, 2024 is 9.8 (line 6), which replaced 10.3 (line 5).
    r = run_clean("report", "--as-of", "2025-03-20")
    assert r.exit_code == 0, r.stderr
    figures = r.stdout.split("### Observations", 1)[1]
    # Marked [1] (escaped in Markdown), the legend under the table naming where 10.3 was
    # published (line 5's source and day; issue 17, twenty-sixth session).
    assert "| 2024 | 10.3% → 9.8%\\[1\\] | preliminary |" in figures
    assert "replacing 10.3% (recorded 2025-01-05; source: Press release 5/1/2025)" in figures
    assert "| 2023 | 11% | official |" in figures  # one vintage: alone
    vi = run_clean("--lang", "vi", "report", "--as-of", "2025-03-20")
    # A Vietnamese document writes the year as "năm 2024" (periods in words).
    assert "| năm 2024 | 10,3% → 9,8%\\[1\\] | sơ bộ |" in vi.stdout


def test_since_help_says_which_moment_a_day_is(story: Path):
    # Found: --as-of's help says "recorded by the end of DATE (YYYY-MM-DD, UTC)", but
    # --since's said only "after DATE": start or end of the day, in which zone, was left to
    # guess, though it is the same boundary (docs/report.md: "after the end of DATE (UTC)").
    # By hand: with --since 2025-03-20 the revision recorded 2025-03-20T03:00Z is not
    # "since"; with --since 2025-03-19 it is.
    r = run_clean("report", "--help", env={"COLUMNS": "200"})
    # Compared without spaces: the help is wrapped, between words and after a hyphen.
    # In the plan's zone since the thirty-ninth session, UTC without one.
    assert "aftertheendofDATE(YYYY-MM-DD;intargets.yaml'stimezone:,elseUTC)" in "".join(r.stdout.split())
    on_the_day = json_of("report", "--format", "json", "--since", "2025-03-20", "--as-of", "2025-03-31")
    assert on_the_day["since"]["observations"] == []
    day_before = json_of("report", "--format", "json", "--since", "2025-03-19", "--as-of", "2025-03-31")
    assert [o["value"] for o in day_before["since"]["observations"]] == [9.8]


def test_a_figure_put_back_after_a_retraction_says_so(story: Path):
    # Found: after the retraction of 2025-04-02 the store's last row for 2024 is 9.9
    # (2025-06-15); another figure typed now confirmed "added growth 2024 = ..." as if the
    # period had never had one, or as a plain revision. Here the story is cut before 9.9:
    # 2024's latest vintage is the retraction (line 7), so the new figure puts one back and
    # the confirmation says which retraction it follows.
    text = (story / "observations.csv").read_text(encoding="utf-8")
    (story / "observations.csv").write_text(text.rsplit("growth,2024,9.9", 1)[0], encoding="utf-8")
    r = run_clean("add-observation", "growth", "2024", "9.9", "--status", "official", "--recorded-at", "2025-06-15")
    assert r.exit_code == 0, r.stderr
    assert r.stderr == (
        "added growth 2024 = 9.9 to observations.csv, a figure again after its retraction (recorded 2025-04-02)\n"
    )
    # A revision still says what it revises (by hand: 9.9 of 2025-06-15 is in force).
    v = run_clean("--lang", "vi", "add-observation", "growth", "2024", "9.95", "--recorded-at", "2025-07-01")
    assert v.exit_code == 0, v.stderr
    assert v.stderr == "đã thêm growth 2024 = 9,95 vào observations.csv, thay cho số 9,9 (ghi nhận 15/06/2025)\n"


def test_a_moment_given_to_the_library_as_a_day_is_told_which_day(story: Path):
    # Found: open_workspace(as_of=datetime(2025, 3, 20, 10, 0)) (or a pandas Timestamp, a
    # datetime) was refused as "'2025-03-20 10:00:00' is not a date; write YYYY-MM-DD",
    # without the hint the command line gives `--as-of 2025-03-20T10:00`. Still refused (a
    # day is asked for), now with the day meant.
    from datetime import datetime

    from qntrack.errors import InputError
    from qntrack.files.workspace import open_workspace

    with pytest.raises(InputError) as caught:
        open_workspace("targets.yaml", as_of=datetime(2025, 3, 20, 10, 0))
    assert "(a day, not a moment: 2025-03-20 takes the figures recorded by the end of that day, UTC)" in str(
        caught.value
    )


def test_the_observations_table_says_what_a_figure_revised(story: Path):
    # Found: `observations --format table` listed 2024 = 9.8 on 2025-03-20 as it listed the
    # first estimate on 2025-01-05; show, history and the report now write the figure
    # replaced before it. By hand: as of 2025-03-20, line 6 (9.8) replaced line 5 (10.3);
    # as of 2025-01-05 line 5 is the first; 2021-2023 have one row each.
    r = run_clean("observations", "--as-of", "2025-03-20", "--format", "table", env={"COLUMNS": "120"})
    lines = [x for x in r.stdout.splitlines() if x.strip().startswith("growth")]
    assert "10.3% → 9.8%" in lines[-1]
    assert not any("→" in x for x in lines[:-1])
    first = run_clean("observations", "--as-of", "2025-01-05", "--format", "table", env={"COLUMNS": "120"})
    assert "→" not in first.stdout
    # CSV stays what add-observation --from reads back: no such column, no arrow.
    csv_out = run_clean("observations", "--as-of", "2025-03-20", "--format", "csv")
    assert "→" not in csv_out.stdout and csv_out.stdout.splitlines()[0].endswith(",recorded_at")
