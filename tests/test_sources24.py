"""A data journalist comparing sources and days: "what was known when, and from whom"
(issue 17, twenty-fourth session). Each defect's test was written failing first; the
expected values are counted by hand from the shipped observations.csv, in a comment.

The shipped store: 82 rows, the first recorded 2015-12-28T00:00:00Z; grdp_growth has 39,
five of them recorded 2015-12-28T00:00:00Z and the next 2016-12-28T00:00:00Z; its 2023
figure is 11.02 (recorded 2023-11-24T00:00:00Z), revised to 11.03 on
2023-11-27T00:00:00Z."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from helpers import run_clean

# --- 1. An as-of view did not say that later entries exist: `history --as-of` and
# `observations --as-of` listed what was known by the day and nothing else, so a reader
# could take 11.02 for the 2023 figure with no hint that it was revised three days later.


def test_history_as_of_says_how_many_later_vintages_it_left_out(shipped: Path):
    r = run_clean("history", "grdp_growth", "2023", "--as-of", "2023-11-25", "--format", "csv")
    assert r.exit_code == 0, r.output
    # Known by the end of 2023-11-25: 11.02 alone; 11.03 (2023-11-27) is one later vintage.
    assert "11.02" in r.stdout and "11.03" not in r.stdout, r.stdout
    assert "1 later vintage" in r.stderr and "after 2023-11-25" in r.stderr, r.stderr
    assert "2023-11-27T07:00:00+07:00" in r.stderr, r.stderr
    vi = run_clean("--lang", "vi", "history", "grdp_growth", "2023", "--as-of", "2023-11-25", "--format", "csv")
    assert vi.stdout == r.stdout  # data are the same in both languages
    # the moment as the notice's day is written (ISO until the thirty-sixth session)
    assert "1 phiên bản" in vi.stderr and "07:00 UTC+07:00 ngày 27/11/2023" in vi.stderr, vi.stderr


def test_history_as_of_keeps_its_json_the_same_whatever_is_recorded_later(shipped: Path):
    # The document of a day stays the record of that day: the note is on stderr only.
    before = run_clean("history", "grdp_growth", "2023", "--as-of", "2023-11-25", "--format", "json")
    doc = json.loads(before.stdout)
    assert [v["value"] for v in doc["vintages"]] == [11.02]
    assert set(doc) == {"qntrack", "indicator", "dims", "period", "as_of", "vintages", "as_of_end"}  # 39th, J
    assert "1 later vintage" in before.stderr, before.stderr


def test_history_as_of_after_every_vintage_says_nothing_more(shipped: Path):
    # By the end of 2023-11-27 both 2023 vintages are known: nothing was left out.
    r = run_clean("history", "grdp_growth", "2023", "--as-of", "2023-11-27", "--format", "csv")
    assert r.exit_code == 0 and "11.03" in r.stdout
    assert r.stderr == "", r.stderr


def test_history_as_of_before_any_figure_says_they_came_later(shipped: Path):
    r = run_clean("history", "grdp_growth", "--as-of", "2010-01-01", "--format", "table", env={"NO_COLOR": "1"})
    assert r.exit_code == 0
    assert "No observations yet." in r.stdout
    # Every one of grdp_growth's 39 rows came later, the first on 2015-12-28.
    assert "39 later vintage" in r.stderr and "2015-12-28T07:00:00+07:00" in r.stderr, r.stderr


def test_observations_as_of_says_how_many_later_entries_it_left_out(shipped: Path):
    r = run_clean("observations", "--indicator", "grdp_growth", "--as-of", "2016-01-01", "--format", "csv")
    assert r.exit_code == 0, r.output
    # 5 of grdp_growth's 39 rows recorded by 2016-01-01; 34 later, the first 2016-12-28.
    assert len(list(csv.reader(io.StringIO(r.stdout)))) == 1 + 5
    assert "34 later entries" in r.stderr and "after 2016-01-01" in r.stderr, r.stderr
    assert "2016-12-28T07:00:00+07:00" in r.stderr, r.stderr


def test_observations_as_of_before_any_figure_counts_the_whole_store(shipped: Path):
    r = run_clean("observations", "--as-of", "2010-01-01", "--format", "table", env={"NO_COLOR": "1"})
    assert r.exit_code == 0
    assert "No observations yet." in r.stdout
    # The whole store, 82 rows, the first recorded 2015-12-28T00:00:00Z.
    assert "82 later entries" in r.stderr and "2015-12-28T07:00:00+07:00" in r.stderr, r.stderr
    vi = run_clean("--lang", "vi", "observations", "--as-of", "2010-01-01", "--format", "json")
    assert json.loads(vi.stdout)["observations"] == []
    assert "82 dòng" in vi.stderr, vi.stderr


def test_observations_without_as_of_say_nothing_of_later_entries(shipped: Path):
    r = run_clean("observations", "--indicator", "grdp_growth", "--format", "csv")
    assert r.exit_code == 0 and r.stderr == "", r.stderr


# --- 2. The status CSV/TSV did not say its day: a CSV of `status --as-of 2023-07-15` pasted
# into a story read as today's. A column `as_of`, last, holds the --as-of day on every row
# (empty without --as-of, as the JSON's as_of is null); no other column moves.


def _csv(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def test_the_status_csv_says_its_as_of_day_in_a_last_column(shipped: Path):
    r = run_clean("status", "--as-of", "2023-07-15", "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = _csv(r.stdout)
    header = rows[0]
    # Added last: the columns before it as docs/json.md lists them, provisional_parts_revised
    # the last until now; the four *_revises_source/_recorded_at after it since the
    # twenty-fifth session, hence -5.
    at = header.index("as_of")  # named, not counted from the end (twenty-eighth session)
    assert header[at - 1 : at + 1] == ["provisional_parts_revised", "as_of"], header
    assert header[:3] == ["id", "type", "indicator"]
    assert len(rows) == 1 + 23  # the shipped plan's 23 targets
    assert all(row[at] == "2023-07-15" for row in rows[1:]), rows
    tsv = _csv(run_clean("status", "--as-of", "2023-07-15", "--format", "tsv").stdout, "\t")
    assert tsv[0][at] == "as_of" and all(row[at] == "2023-07-15" for row in tsv[1:])


def test_the_status_csv_of_now_leaves_as_of_empty_as_json_says_null(shipped: Path):
    rows = _csv(run_clean("status", "--format", "csv").stdout)
    # The four revises_source/recorded_at after it (twenty-fifth), two *_revises_status (27th).
    at = rows[0].index("as_of")  # named, not counted from the end (twenty-eighth session)
    assert all(row[at] == "" for row in rows[1:]), rows
    assert json.loads(run_clean("status", "--format", "json").stdout)["as_of"] is None


def test_the_status_by_unit_csv_says_its_as_of_day_too(shipped: Path):
    r = run_clean("status", "--by", "locality", "--as-of", "2025-12-31", "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = _csv(r.stdout)
    assert rows[0][:2] == ["id", "locality"], rows[0]
    at = rows[0].index("as_of")  # named, not counted from the end (twenty-eighth session)
    assert all(row[at] == "2025-12-31" for row in rows[1:])
    # A unit's row (budget_revenue by locality) carries the day as its target's does.
    assert any(row[1] for row in rows[1:]), rows


# --- 3. `status --as-of` and `show --as-of` did not say it either: "Target achieved" as of a
# day, with no hint that the figure it was judged on was revised later. They say it as
# history and observations do, on stderr, counting the rows of the indicators they judge.


def test_status_as_of_says_how_many_later_entries_it_did_not_count(shipped: Path):
    r = run_clean("status", "grdp-growth-plan-2023", "--as-of", "2023-11-25", "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["targets"][0]["latest"]["value"] == 11.02
    # grdp_growth's rows after 2023-11-25: 2023-11-27, 2024-04-05, 2024-07-05 (two),
    # 2024-10-05, 2025-02-07, 2025-04-05, 2025-07-05, 2025-10-05 (two), 2026-01-07: 11.
    assert "11 later entries" in r.stderr and "2023-11-27T07:00:00+07:00" in r.stderr, r.stderr
    shown = run_clean("show", "grdp-growth-plan-2023", "--as-of", "2023-11-25", "--format", "json")
    assert "11 later entries" in shown.stderr and "2023-11-27T07:00:00+07:00" in shown.stderr, shown.stderr


def test_status_as_of_before_any_figure_counts_the_rows_of_its_targets(shipped: Path):
    r = run_clean("status", "--as-of", "2010-01-01", "--format", "csv")
    assert r.exit_code == 0, r.output
    # 82 rows, of which grdp_vnd's 6 belong to no target: 76, the first 2015-12-28.
    assert "76 later entries" in r.stderr and "2015-12-28T07:00:00+07:00" in r.stderr, r.stderr
    vi = run_clean("--lang", "vi", "status", "--as-of", "2010-01-01", "--format", "csv")
    assert vi.stdout == r.stdout and "76 dòng" in vi.stderr, vi.stderr


def test_status_as_of_a_day_after_every_row_says_nothing_more(shipped: Path):
    # The shipped store's last row was recorded 2026-01-07.
    r = run_clean("status", "--as-of", "2026-01-07", "--format", "csv")
    assert r.exit_code == 0 and r.stderr == "", r.stderr


# --- 4. A figure published at 06:00 in Hanoi (UTC+7) is stored at 23:00 UTC the day before,
# the day every --as-of and every "recorded" day counts it on (documented: days are UTC
# days). The confirmation said only "added ...": nothing told whoever typed 16 July that
# the figure counts from 15 July. It now says the moment stored and its UTC day.


def test_a_moment_typed_in_hanoi_that_falls_on_the_day_before_in_utc_is_said(shipped_utc: Path):
    r = run_clean(
        "add-observation", "grdp_growth", "2025-H1", "9.8", "--status", "official",
        "--source", "GSO", "--recorded-at", "2025-07-16T06:00:00+07:00",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    # 06:00 at +07:00 is 23:00 UTC on the 15th.
    assert "2025-07-15T23:00:00Z" in r.stderr and "--as-of 2025-07-15" in r.stderr, r.stderr
    assert Path("observations.csv").read_text(encoding="utf-8").endswith(",2025-07-15T23:00:00Z\n")
    # And so it is: known by the end of the 15th.
    doc = json.loads(run_clean("history", "grdp_growth", "2025-H1", "--as-of", "2025-07-15", "--format", "json").stdout)
    assert doc["vintages"][0]["value"] == 9.8


def test_a_moment_typed_with_tz_is_said_when_its_utc_day_differs(shipped_utc: Path):
    r = run_clean(
        "--lang", "vi", "add-observation", "grdp_growth", "2025-H1", "9.8", "--status", "official",
        "--source", "GSO", "--recorded-at", "2025-07-16T06:00:00", "--tz", "+07:00",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "2025-07-15T23:00:00Z" in r.stderr and "--as-of 2025-07-15" in r.stderr, r.stderr


def test_a_moment_on_the_same_day_in_utc_is_not_said_again(shipped: Path):
    # 08:00 at +07:00 is 01:00 UTC on the 16th: the day typed is the day counted.
    r = run_clean(
        "add-observation", "grdp_growth", "2025-H1", "9.8", "--status", "official",
        "--source", "GSO", "--recorded-at", "2025-07-16T08:00:00+07:00",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "UTC" not in r.stderr and "--as-of" not in r.stderr, r.stderr


def test_a_retraction_typed_in_hanoi_time_says_its_utc_day_too(shipped_utc: Path):
    # fdi 2023 (3130, recorded 2023-12-28) withdrawn at 03:00 on 1 May in Hanoi: 20:00 UTC on
    # 30 April, the day --as-of counts the withdrawal on.
    r = run_clean("retract", "fdi", "2023", "--recorded-at", "2024-05-01T03:00:00+07:00", "--source", "DPI")
    assert r.exit_code == 0, r.output
    assert "2024-04-30T20:00:00Z" in r.stderr and "--as-of 2024-04-30" in r.stderr, r.stderr
    kept = run_clean("retract", "fdi", "2022", "--recorded-at", "2024-05-01T09:00:00+07:00", "--source", "DPI")
    assert kept.exit_code == 0 and "--as-of" not in kept.stderr, kept.stderr  # 02:00 UTC, the same day
