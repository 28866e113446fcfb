"""The forty-fifth session's own findings (issue 17), each pinned before its fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

HEADER = "indicator,period,value,status,source,note,recorded_at\n"
ROW = "pop[locality=Cẩm Phả],2024,10,official,x,,2025-01-01T00:00:00Z\n"

# A dimension's units, the second written without its '- ' and indented under the first:
# YAML reads the two lines as one plain text, "Cẩm Phả Uông Bí", a unit of its own.
UNITS_PLAN = """\
version: 1
title: Units
observations: observations.csv
dimensions:
  locality:
    name: {{en: Locality, vi: Địa phương}}
    values:
{values}
indicators:
  pop:
    name: Population
    unit: people
    dimensions: [locality]
targets:
  - id: pop-2030
    type: plan
    indicator: pop
    period: 2030
    value: 300
"""


@pytest.mark.parametrize(
    ("values", "told"),
    [
        ("      - Cẩm Phả\n        Uông Bí", "targets.yaml:8:9:"),
        ("      - Hạ Long\n      - Cẩm Phả\n          Uông Bí\n          Móng Cái", "targets.yaml:9:9:"),
        ("      - {value: Hạ Long}\n      - value: Cẩm Phả\n          Uông Bí", "targets.yaml:9:16:"),
    ],
)
def test_a_unit_written_over_two_lines_is_told_where_a_dash_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, values: str, told: str
) -> None:
    # Before: the plan was read with a unit "Cẩm Phả Uông Bí"; `check` then refused every
    # row of Cẩm Phả as "not a unit" and `status` ignored them with a warning, the plan
    # itself said nothing.
    make_tracker(tmp_path, monkeypatch, UNITS_PLAN.format(values=values), HEADER + ROW)
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.stderr.split())
    assert said.startswith(told), r.stderr
    assert "YAML reads as one unit" in said and "'- '" in said, r.stderr
    assert "not a unit of" not in said, r.stderr
    s = run_clean("status")
    assert s.exit_code != 0 and s.stdout == "", s.output
    assert "YAML reads as one unit" in " ".join(s.stderr.split()), s.stderr


def test_a_unit_s_name_on_one_line_in_quotes_or_a_block_is_still_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only a plain text over lines is the slip: a quoted name is written as meant.
    values = '      - "Cẩm Phả"\n      - Uông Bí'
    make_tracker(tmp_path, monkeypatch, UNITS_PLAN.format(values=values), HEADER + ROW)
    r = run_clean("check")
    assert "YAML reads as one unit" not in r.stderr, r.stderr
    assert "not a unit of" not in r.stderr, r.stderr


def test_a_unit_without_its_dash_is_not_called_a_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The missing-dash message said "each item of a list (each target)" of a dimension's unit.
    values = "      - Cẩm Phả\n      Uông Bí: x"
    make_tracker(tmp_path, monkeypatch, UNITS_PLAN.format(values=values), HEADER + ROW)
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    assert "each target" not in r.stderr, r.stderr


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_awaiting_mark_never_ends_a_line_of_the_narrow_status_table(shipped: Path, lang: str) -> None:
    # At 50 to 60 columns the Vietnamese blocks wrapped "· ⌛" at a line's end and put its
    # words ("chờ số liệu 2021–2025") on the next: the mark read as belonging to the status.
    for width in range(40, 101):
        r = run_clean("status", "--format", "table", "--lang", lang, env={"COLUMNS": str(width), "NO_COLOR": "1"})
        assert r.exit_code == 0, r.output
        alone = [line for line in r.stdout.splitlines() if line.rstrip().endswith("⌛")]
        assert not alone, (width, alone)
        assert len(re.findall(r"⌛ \w", r.stdout)) >= 3, (width, r.stdout)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_awaiting_mark_never_ends_a_line_of_a_narrow_show(shipped: Path, lang: str) -> None:
    # `show cbct-share` at 44 or 64 columns: "Moderate progress  ⌛" over "awaiting figure".
    for width in range(40, 101, 2):
        r = run_clean("show", "cbct-share", "--lang", lang, env={"COLUMNS": str(width), "NO_COLOR": "1"})
        assert r.exit_code == 0, r.output
        alone = [line for line in r.stdout.splitlines() if line.rstrip().endswith("⌛")]
        assert not alone, (width, alone)
        # The mark beside its first word, not cut to "…" as it was at 42 columns.
        assert re.search(r"⌛ \w", r.stdout), (width, r.stdout)


# Two computers on a share whose locks neither sees (SMB 'nobrl', NFS 'local_lock=all')
# starting a batch at the same moment: each looked for a journal, found none, and wrote
# its own over the other's (a rename replaces), then both appended. The journal is now
# made only where none stands (a hard link fails on an existing name).
OTHER_JOURNAL = "qntrack append journal 1\nsize {size}\nrows 2\nend {end}\nhost ubnd-qn-pc07\npid 4242\nbegan 2026-12-07T08:30:05Z\n"


def _journal_appears_after_the_look(tracker: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """The other computer's journal written just after this writer looked for one."""
    import hashlib

    import qntrack.files.appending as appending

    store = tracker / "observations.csv"
    data = store.read_bytes()
    end = hashlib.sha256(data[-4096:]).hexdigest()
    journal = OTHER_JOURNAL.format(size=len(data), end=end).encode()
    real = appending.read_pending

    def looked(path: Path):  # the look finds nothing; the other journal lands at once after
        found = real(path)
        (tracker / "observations.csv.pending").write_bytes(journal)
        return found

    monkeypatch.setattr(appending, "read_pending", looked)
    return journal


def test_a_batch_begun_at_the_same_moment_on_another_computer_is_not_overwritten(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (tracker / "observations.csv").read_bytes()
    journal = _journal_appears_after_the_look(tracker, monkeypatch)
    r = run_clean("add-observation", "share", "2025", "14")
    assert r.exit_code == 1, r.output
    said = " ".join(r.stderr.split())
    assert "on the computer 'ubnd-qn-pc07' (process 4242)" in said and "nothing was added" in said, r.stderr
    # Its journal stands as it wrote it, and no row of this batch was written.
    assert (tracker / "observations.csv.pending").read_bytes() == journal
    assert (tracker / "observations.csv").read_bytes() == before
    assert sorted(p.name for p in tracker.iterdir() if p.name.startswith(".observations")) == []


def test_a_batch_begun_at_the_same_moment_and_already_ended_asks_to_run_again(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import qntrack.files.journal as journal

    before = (tracker / "observations.csv").read_bytes()
    _journal_appears_after_the_look(tracker, monkeypatch)
    monkeypatch.setattr(journal, "read_pending", lambda path: None)  # gone by the time it is read
    r = run_clean("add-observation", "share", "2025", "14")
    assert r.exit_code == 1, r.output
    said = " ".join(r.stderr.split())
    assert "began a batch on this file at the same moment" in said and "nothing was added" in said, r.stderr
    assert (tracker / "observations.csv").read_bytes() == before


def test_where_the_file_system_makes_no_hard_links_the_journal_is_renamed_after_a_look(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    r = run_clean("add-observation", "share", "2025", "14")
    assert r.exit_code == 0, r.output
    assert (tracker / "observations.csv").read_bytes().endswith(b"\n") and b"share,2025,14" in (
        tracker / "observations.csv"
    ).read_bytes()
    assert not (tracker / "observations.csv.pending").exists()
    # ...and one standing is still not replaced.
    before = (tracker / "observations.csv").read_bytes()
    journal = _journal_appears_after_the_look(tracker, monkeypatch)
    r = run_clean("add-observation", "share", "2024", "13")
    assert r.exit_code == 1 and "ubnd-qn-pc07" in r.stderr, r.output
    assert (tracker / "observations.csv.pending").read_bytes() == journal
    assert (tracker / "observations.csv").read_bytes() == before


def test_a_link_to_nothing_in_the_journal_s_place_is_named_not_taken_for_a_writer(tracker: Path) -> None:
    before = (tracker / "observations.csv").read_bytes()
    (tracker / "observations.csv.pending").symlink_to(tracker / "nowhere")
    r = run_clean("add-observation", "share", "2025", "14")
    assert r.exit_code == 1, r.output
    assert "observations.csv.pending: error: is a link to a file that does not exist" in r.stderr, r.stderr
    assert "same moment" not in r.stderr, r.stderr
    assert (tracker / "observations.csv").read_bytes() == before


def province_plan(units: str, targets: str) -> str:
    """A plan of FDI, a quarterly flow, by province: ``units`` the lines under ``values:``,
    ``targets`` the lines under ``targets:`` (tests/test_s45_g.py uses it too)."""
    head = "version: 1\ntitle: Provinces\nobservations: observations.csv\ndimensions:\n  province:\n"
    head += "    name: {en: Province, vi: Tỉnh}\n    values:\n"
    fdi = "  fdi:\n    name: FDI\n    unit: million USD\n    measure: flow\n    frequency: quarter\n"
    return head + units + "indicators:\n" + fdi + "    dimensions: [province]\ntargets:\n" + targets


def _plan_2025(value: int) -> str:
    return f"  - id: fdi-2025\n    type: plan\n    indicator: fdi\n    period: 2025\n    value: {value}\n"


MERGED_PLAN = province_plan('      - {value: Bắc Giang, until: "2025-06-30"}\n      - Bắc Ninh\n', _plan_2025(1000))


def test_check_does_not_ask_for_a_quarter_of_a_unit_that_no_longer_existed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pass R: a row for Bac Giang 2025-Q4, after the province ended, is an error; check then
    # also warned "not added up into the year to date ...: record the figure for 2025-Q3",
    # a figure add-observation refuses for it.
    rows = "".join(
        f"fdi[province=Bắc Giang],{p},{v},official,s,,2026-02-01T00:00:00Z\n"
        for p, v in (("2025-Q1", 10), ("2025-Q2", 12), ("2025-Q4", 5))
    )
    make_tracker(tmp_path, monkeypatch, MERGED_PLAN, HEADER + rows)
    r = run_clean("check")
    said = " ".join((r.stdout + r.stderr).split())
    assert r.exit_code == 1, r.output
    assert "when the unit did not exist" in said, said
    assert "record the figure for 2025-Q3" not in said, said
    assert "year-to-date" not in said, said


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("tiếng việt", "vi"), ("Tiếng Việt", "vi"), ("Vietnamese", "vi"), ("tiếng Anh", "en"), ("English", "en")],
)
def test_a_language_typed_by_its_name_is_told_its_code(shipped: Path, typed: str, meant: str) -> None:
    # Pass F: `--lang "tiếng việt"` was told only "not one of 'en', 'vi'".
    r = run_clean("--lang", typed, "status")
    assert r.exit_code == 2, r.output
    assert f"did you mean '{meant}'?" in r.stderr, r.stderr


CUMULATIVE_PLAN = """\
version: 1
title: Investment
observations: observations.csv
indicators:
  inv:
    name: Investment
    unit: bn VND
    measure: flow
targets:
  - id: inv-2021-2025
    type: cumulative
    indicator: inv
    from: 2021
    to: 2025
    at_least: 1000
"""


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "2022, before 2023, has no figure yet: the total counts it as nothing"),
        ("vi", "Năm 2022, trước năm 2023, chưa có số liệu: lũy kế chưa tính kỳ này"),
    ],
)
def test_a_running_total_names_a_period_before_its_latest_without_a_figure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    # Pass N: 300 in 2021 and 300 in 2023, read on 2024-02-01, said "600 so far ... Each of
    # the 2 remaining periods needs 200", with no word of 2022, which may still come in:
    # (1,000 - 600) / 2 = 200 holds only if 2022 added nothing. The JSON keeps the
    # methodology's reading (periods after the latest); the sentence names the gap.
    rows = "".join(
        f"inv,{p},300,official,s,,{d}\n"
        for p, d in (("2021", "2022-03-01T00:00:00Z"), ("2023", "2024-01-15T00:00:00Z"))
    )
    make_tracker(tmp_path, monkeypatch, CUMULATIVE_PLAN, HEADER + rows)
    r = run_clean("show", "inv-2021-2025", "--as-of", "2024-02-01", "--lang", lang, env={"COLUMNS": "300"})
    assert r.exit_code == 0, r.output
    assert said in " ".join(r.stdout.split()), r.stdout
    j = run_clean("status", "--format", "json", "--as-of", "2024-02-01")
    import json

    (t,) = json.loads(j.stdout)["targets"]
    assert t["details"]["needed_per_remaining_period"] == 200.0  # (1,000 - 600) / 2, as documented


def test_an_open_sdg_data_file_saved_as_unicode_text_is_told_what_it_is(tmp_path: Path) -> None:
    # Pass O: Excel's "Unicode Text" (UTF-16 with its byte-order mark, tab-separated) was
    # only "not UTF-8 text"; the store and the plain import say what it is and the mend.
    from helpers import write_repository

    repo = write_repository(
        tmp_path / "repo",
        {
            "data/indicator_1-1-1.csv": "Year,Value\n2015,1\n2016,2\n",
            "meta/1-1-1.md": "---\nindicator_name: Poverty\n---\n",
        },
    )
    data = repo / "data" / "indicator_1-1-1.csv"
    data.write_bytes("Year\tValue\r\n2015\t1\r\n".encode("utf-16"))
    r = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2025-06-30")
    assert r.exit_code == 1, r.output
    said = " ".join(r.stderr.split())
    assert "data/indicator_1-1-1.csv: error: UTF-16 text" in said and "CSV UTF-8" in said, r.stderr
    assert not (tmp_path / "t").exists()


UNIT_PLAN = """\
version: 1
title: Units
observations: observations.csv
indicators:
  water:
    name: Water
    unit: {{en: "{en}", vi: "{vi}"}}
targets:
  - id: water-2030
    type: plan
    indicator: water
    period: 2030
    value: 300
"""


@pytest.mark.parametrize(("en", "vi"), [("people", "hồ chứa"), ("tonnes", "hồ"), ("tonnes", "đàn gia súc")])
def test_a_vietnamese_unit_is_read_with_its_marks_before_it_is_said_to_count_something(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, en: str, vi: str
) -> None:
    # The forty-fourth session's leftover: the Vietnamese unit was read folded, so "hồ"
    # (a lake) was "ho", households, and "đàn" (a herd) "dan", people: a unit whose
    # languages count other things was said to count households or people.
    make_tracker(tmp_path, monkeypatch, UNIT_PLAN.format(en=en, vi=vi), HEADER)
    r = run_clean("check")
    assert "' counts " not in r.stderr, r.stderr


@pytest.mark.parametrize(
    ("en", "vi", "counts"),
    [("tonnes", "hộ", ("weight", "households")), ("tonnes", "ho gia dinh", ("weight", "households"))],
)
def test_a_vietnamese_count_is_still_read_with_or_without_its_marks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, en: str, vi: str, counts: tuple[str, str]
) -> None:
    make_tracker(tmp_path, monkeypatch, UNIT_PLAN.format(en=en, vi=vi), HEADER)
    r = run_clean("check")
    assert f"'{en}' counts {counts[0]} and '{vi}' counts {counts[1]}" in " ".join(r.stderr.split()), r.stderr


@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_quote_left_open_is_told_where_it_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quote: str) -> None:
    # Pass K: `unit: "%` with no closing quote was told "the indentation does not match"
    # at line 9, where the next quote closed the text YAML had read over three lines.
    plan = (
        "version: 1\ntitle: T\nobservations: observations.csv\nindicators:\n  a:\n    name: A\n"
        f"    unit: {quote}%\n    direction: increase\n  b:\n    name: {quote}B{quote}\ntargets: []\n"
    )
    make_tracker(tmp_path, monkeypatch, plan, HEADER)
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.stderr.split())
    assert said.startswith("targets.yaml:7:11: error:"), r.stderr
    assert "not closed on its line" in said and f"unit: {quote}%{quote}" in said, r.stderr


@pytest.mark.parametrize("args", [("check", "--repair"), ("check",), ("status",)])
def test_a_link_to_nothing_at_the_journal_s_name_is_named_by_every_command(
    tracker: Path, args: tuple[str, ...]
) -> None:
    # Pass G: an append refused it ("remove it or move it") while `check --repair` said
    # "nothing to repair" and `check` nothing: every reader now names it, as a folder or a
    # FIFO at that name is named.
    link = tracker / "observations.csv.pending"
    link.symlink_to(tracker / "nowhere")
    r = run_clean(*args)
    assert r.exit_code == 1, r.output
    assert "observations.csv.pending: error: is a link to a file that does not exist" in r.stderr, r.stderr
    assert link.is_symlink()


STAY_OLD_NEW = (
    '      - Stay\n      - {value: Old, until: "2025-06-30"}\n      - {value: New, since: "2025-07-01", from: [Old]}\n'
)
MERGER_PLAN = province_plan(STAY_OLD_NEW, _plan_2025(500))


def _merger_rows(total: float) -> str:
    rows = [("fdi", "2025", total), ("fdi[province=Stay]", "2025", 100)]
    rows += [("fdi[province=Old]", "2025-Q1", 20), ("fdi[province=Old]", "2025-Q2", 25.5)]
    rows += [("fdi[province=New]", "2025-Q3", 50.1), ("fdi[province=New]", "2025-Q4", 70.2)]
    return "".join(f"{k},{p},{v},official,s,,2026-03-01T00:00:00Z\n" for k, p, v in rows)


def test_check_adds_a_merged_units_year_from_its_quarters_as_status_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pass G: status reads Old's 2025 as 2025-Q1 + 2025-Q2 = 45.5 and New's as 2025-Q3 +
    # 2025-Q4 = 120.3 (pass R); check's units-sum rule found no complete set of units for
    # 2025 and said nothing of a total of 400 against 100 + 45.5 + 120.3 = 265.8.
    make_tracker(tmp_path, monkeypatch, MERGER_PLAN, HEADER + _merger_rows(400))
    r = run_clean("check")
    said = " ".join((r.stdout + r.stderr).split())
    assert "fdi 2025: the total is 400, but its 3 units of 'province' (Province) add up to 265.8" in said, said


def test_check_is_silent_when_a_merged_units_parts_add_up_to_the_total(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tracker(tmp_path, monkeypatch, MERGER_PLAN, HEADER + _merger_rows(265.8))
    r = run_clean("check")
    assert "units-sum" not in r.stdout + r.stderr and "add up to" not in r.stdout + r.stderr, r.output


def test_a_damaged_workbook_piped_in_is_told_as_a_workbook(tracker: Path) -> None:
    # Pass K's leftover: since a workbook is read from a pipe, bytes starting like one and
    # damaged were still told "a binary file (is it an .xlsx? save it as CSV UTF-8)".
    before = (tracker / "observations.csv").read_bytes()
    r = run_clean("add-observation", "--from", "-", input=b"PK\x03\x04garbage")
    assert r.exit_code == 1, r.output
    said = " ".join(r.stderr.split())
    assert "<stdin>: error: not a workbook qntrack can read" in said and "is it an .xlsx" not in said, r.stderr
    assert (tracker / "observations.csv").read_bytes() == before
