"""The journalist's leftovers: what was known, from whom, in every document she cites
(issue 17, twenty-fourth session, second pass). Each defect's test was written failing
first; the expected values are counted by hand from the shipped observations.csv (82 rows,
the first five recorded 2015-12-28T00:00:00Z, all grdp_growth; the next two
2016-12-28T00:00:00Z, fdi and grdp_growth), in a comment."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from helpers import run_clean


def _csv(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


# --- (b) The other CSV/TSV outputs did not say their day: `status --group-by`, `rank` and
# `history` as of a day pasted into a story read as today's. Each ends with `as_of`, the
# --as-of day on every row, empty without it, as the status CSV does.


def test_the_group_by_csv_ends_with_its_as_of_day(shipped: Path):
    r = run_clean("status", "--group-by", "group", "--as-of", "2023-07-15", "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = _csv(r.stdout)
    assert rows[0][:2] == ["name", "name_vi"] and rows[0][-2:] == ["targets", "as_of"], rows[0]
    assert len(rows) > 1 and all(row[-1] == "2023-07-15" for row in rows[1:]), rows
    now = _csv(run_clean("status", "--group-by", "owner", "--format", "tsv").stdout, "\t")
    assert now[0][-1] == "as_of" and all(row[-1] == "" for row in now[1:]), now


def test_the_rank_csv_ends_with_its_as_of_day(shipped: Path):
    r = run_clean("rank", "budget-revenue-plan-2024", "--as-of", "2025-06-30", "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = _csv(r.stdout)
    # as_of was added last then, after the provisional reading's source; the kinds came after.
    day = rows[0].index("as_of")
    assert rows[0][:2] == ["rank", "locality"] and rows[0][day - 1] == "provisional_source", rows[0]
    assert len(rows) > 1 and all(row[day] == "2025-06-30" for row in rows[1:]), rows
    now = _csv(run_clean("rank", "budget-revenue-plan-2024", "--format", "tsv").stdout, "\t")
    assert now[0][day] == "as_of" and all(row[day] == "" for row in now[1:]), now


def test_the_history_csv_ends_with_its_as_of_day(shipped: Path):
    r = run_clean("history", "grdp_growth", "2023", "--as-of", "2023-11-25", "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = _csv(r.stdout)
    # then where the figure replaced came from (twenty-fifth session)
    assert rows[0][-5:] == ["revises", "as_of", "revises_source", "revises_recorded_at", "revises_status"], rows[0]
    # Known by the end of 2023-11-25: 11.02 alone.
    assert [row[1] for row in rows[1:]] == ["11.02"] and rows[1][-4] == "2023-11-25", rows
    now = _csv(run_clean("history", "grdp_growth", "2023", "--format", "tsv").stdout, "\t")
    assert sorted(row[1] for row in now[1:]) == ["11.02", "11.03"] and all(row[-4] == "" for row in now[1:]), now


def test_the_observations_csv_keeps_its_columns_for_add_observation_from(shipped: Path):
    # observations' CSV is the store's own form, read back by `add-observation --from`: a
    # column more would be refused there. Its day stays on stderr (the later-entries note).
    r = run_clean("observations", "--as-of", "2023-11-25", "--format", "csv")
    header = _csv(r.stdout)[0]
    assert "as_of" not in header, header


# --- (c) `report --as-of`, `rank --as-of` and `export --as-of` gave no later-entries note:
# a report of a past day, or an export of it, read as the figures in force now.


def test_report_as_of_says_how_many_later_entries_it_did_not_count(shipped: Path):
    r = run_clean("report", "--as-of", "2010-01-01", "--format", "markdown")
    assert r.exit_code == 0, r.output
    # As status --as-of 2010-01-01 counts: 82 rows, grdp_vnd's 6 judged by no target: 76.
    assert "76 later entries" in r.stderr and "2015-12-28T07:00:00+07:00" in r.stderr, r.stderr
    assert "later entries" not in r.stdout
    vi = run_clean("--lang", "vi", "report", "--as-of", "2010-01-01", "--format", "markdown")
    assert "76 dòng" in vi.stderr, vi.stderr


def test_report_to_a_file_as_of_says_it_too(shipped: Path):
    r = run_clean("report", "--as-of", "2010-01-01", "-o", "review.md")
    assert r.exit_code == 0, r.output
    assert "76 later entries" in r.stderr, r.stderr
    assert "later entries" not in Path("review.md").read_text(encoding="utf-8")


def test_report_of_now_says_nothing_of_later_entries(shipped: Path):
    r = run_clean("report", "--format", "markdown")
    assert r.exit_code == 0 and "later entr" not in r.stderr, r.stderr


def test_rank_as_of_says_how_many_later_entries_of_its_indicator_it_did_not_count(shipped: Path):
    r = run_clean("rank", "budget-revenue-plan-2024", "--as-of", "2024-01-01", "--format", "json")
    assert r.exit_code == 0, r.output
    # budget_revenue's 6 rows (the total's and its units'): after 2024-01-01, Móng Cái
    # 2024-03-15, Cẩm Phả 2025-01-15, Hạ Long 2025-02-10, the total 2025-12-31: 4.
    assert "4 later entries" in r.stderr and "2024-03-15T07:00:00+07:00" in r.stderr, r.stderr


def test_export_as_of_says_how_many_later_entries_it_left_out(shipped: Path):
    r = run_clean("export", "sdmx-csv", "--as-of", "2016-01-01")
    assert r.exit_code == 0, r.output
    # 82 rows, every one of a declared indicator; 5 recorded by 2016-01-01: 77 later, the
    # first 2016-12-28.
    assert "77 later entries" in r.stderr and "2016-12-28T07:00:00+07:00" in r.stderr, r.stderr
    assert "export" in r.stderr.split("77 later entries")[1], r.stderr
    vi = run_clean("--lang", "vi", "export", "sdmx-csv", "--as-of", "2016-01-01")
    assert vi.stdout == r.stdout and "77 dòng" in vi.stderr, vi.stderr


def test_export_opensdg_as_of_says_it_too(shipped: Path):
    r = run_clean("export", "opensdg", "--into", "sdg", "--as-of", "2016-01-01")
    assert r.exit_code == 0, r.output
    assert "77 later entries" in r.stderr and "2016-12-28T07:00:00+07:00" in r.stderr, r.stderr


def test_export_of_now_says_nothing_of_later_entries(shipped: Path):
    r = run_clean("export", "sdmx-csv")
    assert r.exit_code == 0 and "later entr" not in r.stderr, r.stderr


# --- (d) `add-observation --from` with row times in Hanoi time (+07:00) that fall on the UTC
# day before said nothing (a single figure and retract do since the first pass): a batch of
# figures published at 06:00 on 16 July counted from 15 July with no word. One summary line
# for the batch: how many rows, the first of them with its line and the moment stored.

_HEADER = "indicator,period,value,status,source,note,recorded_at\n"


def test_an_import_whose_hanoi_times_fall_on_the_day_before_in_utc_says_it_once(shipped_utc: Path):
    Path("new.csv").write_text(
        _HEADER
        + "grdp_growth,2025-H1,9.8,official,GSO,,2025-07-16T06:00:00+07:00\n"  # 23:00 UTC on the 15th
        + "fdi,2025-H1,1200,official,GSO,,2025-07-16T09:00:00+07:00\n"  # 02:00 UTC on the 16th: same day
        + "cbct_share,2025-H1,12.5,official,GSO,,2025-07-16T05:30:00+07:00\n",  # 22:30 UTC on the 15th
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "new.csv")
    assert r.exit_code == 0, r.output
    # Two rows (lines 2 and 4), the first stored 2025-07-15T23:00:00Z; one line, not two.
    said = [line for line in r.stderr.splitlines() if "UTC" in line]
    assert len(said) == 1, r.stderr
    assert "new.csv:2" in said[0] and "2 row" in said[0], said
    assert "2025-07-15T23:00:00Z" in said[0] and "--as-of 2025-07-15" in said[0], said
    stored = Path("observations.csv").read_text(encoding="utf-8")
    assert stored.endswith(",2025-07-15T22:30:00Z\n") and ",2025-07-16T02:00:00Z\n" in stored
    vi = run_clean("--lang", "vi", "add-observation", "--from", "new.csv", "--dry-run")
    assert vi.exit_code == 0, vi.output


def test_an_import_in_hanoi_time_with_tz_says_it_too_even_in_a_dry_run(shipped_utc: Path):
    Path("new.csv").write_text(
        _HEADER + "grdp_growth,2025-H1,9.8,official,GSO,,2025-07-16T06:00:00\n", encoding="utf-8"
    )
    r = run_clean("--lang", "vi", "add-observation", "--from", "new.csv", "--tz", "+07:00", "--dry-run")
    assert r.exit_code == 0, r.output
    assert "2025-07-15T23:00:00Z" in r.stderr and "--as-of 2025-07-15" in r.stderr, r.stderr
    assert "1 dòng" in r.stderr, r.stderr


def test_an_import_whose_times_keep_their_utc_day_says_nothing_of_it(shipped: Path):
    Path("new.csv").write_text(
        _HEADER
        + "grdp_growth,2025-H1,9.8,official,GSO,,2025-07-16T09:00:00+07:00\n"
        + "fdi,2025-H1,1200,official,GSO,,2025-07-16T00:00:00Z\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "new.csv")
    assert r.exit_code == 0, r.output
    assert "--as-of" not in r.stderr and "UTC" not in r.stderr, r.stderr


# --- (e) A GSO `official` figure overtaken by a later provincial `estimate` was in force
# with no word: every report showed the estimate. `check` warns of it (a named check,
# `official-replaced`, on by default), at the estimate's line, naming the official
# figure's line, value and source.


def _official_then_estimate() -> None:
    for value, status, source, at in (
        ("9.8", "official", "GSO", "2026-02-01T00:00:00Z"),  # line 84 (82 rows after the header)
        ("10.5", "estimate", "Cục Thống kê", "2026-02-10T00:00:00Z"),  # line 85
    ):
        r = run_clean(
            "add-observation", "grdp_growth", "2024", value, "--status", status,
            "--source", source, "--recorded-at", at,
        )  # fmt: skip
        assert r.exit_code == 0, r.output


def test_check_warns_of_an_estimate_in_force_over_an_official_figure(shipped: Path):
    before = run_clean("check", "--format", "json")
    assert before.exit_code == 0, before.output
    assert not any(p["check"] == "official-replaced" for p in __import__("json").loads(before.stdout)["problems"])
    _official_then_estimate()
    r = run_clean("check")
    assert r.exit_code == 0, r.output  # a warning: the exit code stays 0
    said = [line for line in r.stdout.splitlines() + r.stderr.splitlines() if "official" in line and ":85:" in line]
    assert len(said) == 1, r.output
    assert "observations.csv:85:" in said[0] and "warning" in said[0], said
    assert "9.8" in said[0] and "line 84" in said[0] and "GSO" in said[0] and "10.5" in said[0], said
    doc = __import__("json").loads(run_clean("check", "--format", "json").stdout)
    found = [p for p in doc["problems"] if p["check"] == "official-replaced"]
    assert [(p["line"], p["severity"]) for p in found] == [(85, "warning")], found
    vi = run_clean("--lang", "vi", "check")
    assert ":85:" in vi.output and "cảnh báo" in vi.output, vi.output


def test_an_official_figure_recorded_again_after_the_estimate_ends_the_warning(shipped: Path):
    _official_then_estimate()
    again = run_clean(
        "add-observation", "grdp_growth", "2024", "9.8", "--status", "official",
        "--source", "GSO", "--recorded-at", "2026-02-11T00:00:00Z",
    )  # fmt: skip
    assert again.exit_code == 0, again.output
    doc = __import__("json").loads(run_clean("check", "--format", "json").stdout)
    assert not [p for p in doc["problems"] if p["check"] == "official-replaced"], doc


def test_a_retraction_between_them_says_the_official_figure_was_withdrawn_on_purpose(shipped: Path):
    run_clean("add-observation", "grdp_growth", "2024", "9.8", "--status", "official", "--source", "GSO",
              "--recorded-at", "2026-02-01T00:00:00Z")  # fmt: skip
    assert run_clean("retract", "grdp_growth", "2024", "--recorded-at", "2026-02-05T00:00:00Z").exit_code == 0
    run_clean("add-observation", "grdp_growth", "2024", "10.5", "--status", "estimate", "--source", "Cục Thống kê",
              "--recorded-at", "2026-02-10T00:00:00Z")  # fmt: skip
    doc = __import__("json").loads(run_clean("check", "--format", "json").stdout)
    assert not [p for p in doc["problems"] if p["check"] == "official-replaced"], doc


def test_the_check_is_listed_with_its_rule(shipped: Path):
    r = run_clean("check", "--list")
    assert "official-replaced" in r.output, r.output
