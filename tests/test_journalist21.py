"""A data journalist scripting qntrack who also uses a screen reader (issue 17, twenty-first
session): the defects found, each test written failing first, the expected values worked
out by hand in a comment (docs/decisions.md, "A data journalist with a screen reader")."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from helpers import run_clean

# --- show's table of an every-period target's periods: each period's pass or failure was a
# bare "✓" or "✗" (green or red) under a column with no heading. A screen reader reads "check
# mark" under nothing; the report's same table says "✓ yes" under "Passed".


@pytest.mark.parametrize(
    ("lang", "heading", "yes", "no"), [("en", "Passed", "yes", "no"), ("vi", "Đạt", "có", "không")]
)
def test_shows_every_period_table_says_each_pass_in_words_under_a_heading(
    shipped: Path, lang: str, heading: str, yes: str, no: str
):
    r = run_clean(
        "--lang", lang, "show", "grdp-double-digit", "--format", "table", env={"NO_COLOR": "1", "COLUMNS": "100"}
    )
    assert r.exit_code == 0, r.output
    lines = [line.split() for line in r.stdout.splitlines()]
    # The shipped growth: 2024's 8.42 is below 10 (failed), 2023's 11.03 above (passed).
    row_2024 = next(line for line in lines if line[:1] == ["2024"])
    row_2023 = next(line for line in lines if line[:1] == ["2023"])
    assert row_2024[-2:] == ["✗", no], row_2024
    assert row_2023[-2:] == ["✓", yes], row_2023
    # The periods' heading row names the third column.
    header = next(line for line in lines if line[-1:] == [heading] and len(line) in (3, 4))
    assert header[-1] == heading, header


# --- An ended unit's milestones: the tables say "(milestones 2025 only: while the unit
# existed)", and status's JSON its breakdown's `milestones`; rank's JSON and CSV and
# status --by's CSV said nothing of it: two units "target_achieved" read as one test.

_ENDED_PLAN = """\
title: Districts merged in 2025
dimensions:
  locality:
    name: {en: Locality, vi: Địa phương}
    values:
      - Alpha
      - {value: Old Town, until: "2025-06-30"}
indicators:
  share:
    name: Share
    unit: "%"
    dimensions: [locality]
targets:
  - id: share-25-30
    indicator: share
    baseline: 2020
    milestones: [{by: 2025, value: 15}, {by: 2030, value: 30}]
    for_each: locality
"""

_ENDED_STORE = """\
indicator,period,value,status,source,note,recorded_at
share,2020,10,official,,,2021-03-01T00:00:00Z
share,2023,12,official,,,2024-03-01T00:00:00Z
share[locality=Alpha],2020,10,official,,,2021-03-01T00:00:00Z
share[locality=Alpha],2023,12,official,,,2024-03-01T00:00:00Z
share[locality=Old Town],2020,10,official,,,2021-03-01T00:00:00Z
share[locality=Old Town],2025,16,official,,,2026-03-01T00:00:00Z
"""


@pytest.fixture
def ended(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, _ENDED_PLAN, _ENDED_STORE)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_rank_json_and_csv_say_which_milestones_an_ended_unit_was_judged_on(ended: Path):
    # Old Town ended on 30 June 2025: of the milestones 2025 and 2030 only 2025's year is one
    # it existed in; Alpha is judged on both.
    done = run_clean("rank", "share-25-30", "--format", "json", "--as-of", "2026-06-01")
    assert done.exit_code == 0, done.output
    units = {u["dims"]["locality"]: u for u in json.loads(done.stdout)["units"]}
    assert [m["by"] for m in units["Old Town"]["milestones"]] == ["2025"]
    assert [m["by"] for m in units["Alpha"]["milestones"]] == ["2025", "2030"]
    # The same item as status's breakdown (json.md: "as for a target").
    status = json.loads(run_clean("status", "--format", "json", "--as-of", "2026-06-01").stdout)
    old = next(u for u in status["targets"][0]["breakdown"] if u["dims"] == {"locality": "Old Town"})
    assert units["Old Town"]["milestones"] == old["milestones"]
    # milestones comes after withdrawn: keys are added at the end.
    # (then provisional, then without_figure, added in the same session's units pass, then
    # awaiting_figures, the thirty-second session's, and missed_milestones, the
    # thirty-third's: counted from the start, as a key added later moves nothing before it)
    keys = list(units["Alpha"])
    assert keys[keys.index("withdrawn") + 1] == "milestones" and keys.index("withdrawn") == 8
    rows = _rows(run_clean("rank", "share-25-30", "--format", "csv", "--as-of", "2026-06-01").stdout)
    header = list(rows[0])  # after withdrawn, before the provisional reading's three
    assert header[header.index("milestones") - 1 : header.index("milestones") + 2] == [
        "withdrawn",
        "milestones",
        "provisional_period",
    ]
    assert {r["locality"]: r["milestones"] for r in rows} == {"Old Town": "2025", "Alpha": "2025;2030"}


def test_status_by_csv_says_which_milestones_each_row_was_judged_on(ended: Path):
    done = run_clean("status", "--by", "locality", "--format", "csv", "--as-of", "2026-06-01")
    assert done.exit_code == 0, done.output
    rows = _rows(done.stdout)
    # The target's own row and Alpha's: both milestones; Old Town's: 2025 alone.
    assert [(r["locality"], r["milestones"]) for r in rows] == [
        ("", "2025;2030"),
        ("Alpha", "2025;2030"),
        ("Old Town", "2025"),
    ]


# --- A ceiling ("CPI not more than 4.5 %": a plan on a `direction: decrease` indicator) could
# not be told from a floor in the status CSV: JSON has `direction`, the CSV had no column for
# it, and a plan's `difference` of +0.3 reads as good or bad only with it.

_CEILING_PLAN = """\
title: Ministry
indicators:
  cpi: {name: Average CPI increase, unit: "%", measure: rate, direction: decrease}
  exports: {name: Export turnover, unit: billion USD, measure: flow}
targets:
  - {id: cpi-2025, type: plan, indicator: cpi, period: 2025, value: 4.5}
  - {id: exports-2025, type: plan, indicator: exports, period: 2025, value: 400}
"""

_CEILING_STORE = """\
indicator,period,value,status,source,note,recorded_at
cpi,2025,4.8,official,GSO,,2026-01-06T00:00:00Z
exports,2025,410,official,MOIT,,2026-01-06T00:00:00Z
"""


@pytest.mark.parametrize("cache_off", ["1", ""])
@pytest.mark.parametrize("kind", ["csv", "tsv"])
def test_status_csv_says_a_ceiling_is_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache_off: str, kind: str):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _CEILING_PLAN, _CEILING_STORE)
    monkeypatch.setenv("QNTRACK_NO_CACHE", cache_off)
    for _ in range(2):  # cold, then (with the cache on) warm
        done = run_clean("status", "--format", kind)
        assert done.exit_code == 0, done.output
        rows = list(csv.DictReader(io.StringIO(done.stdout), delimiter="," if kind == "csv" else "\t"))
        # 4.8 against a ceiling of 4.5: difference +0.3 (4.8 - 4.5), over the ceiling: the
        # row says lower is better; 410 against 400 exports, higher is better.
        by_id = {r["id"]: r for r in rows}
        assert by_id["cpi-2025"]["direction"] == "decrease"
        assert by_id["exports-2025"]["direction"] == "increase"
        assert by_id["cpi-2025"]["status"] == "not_achieved"
        # A level target has no milestones here: the column is empty.
        assert by_id["cpi-2025"]["milestones"] == ""
        # name_vi after them, then the two parts_revised columns (twenty-third session) and
        # as_of (twenty-fourth), then the four revises_source/recorded_at (twenty-fifth).
        columns = list(rows[0])  # named, not counted from the end (twenty-eighth session)
        assert columns.index("milestones") == columns.index("direction") + 1 == columns.index("withdrawn") + 2


# --- A unit ranked during its plan's year is ranked on its year-to-date reading, which
# rank's table shows ("250 billion VND (2026-H1, provisional)"); rank's JSON and CSV had
# `latest` null and empty for every unit, so a script got three ranks and no figure.

_YTD_PLAN = """\
title: Districts budget
dimensions:
  locality:
    name: {en: Locality, vi: Địa phương}
    values: [Alpha, Beta, Gamma]
indicators:
  revenue: {name: Budget revenue, unit: billion VND, measure: flow, frequency: quarter, dimensions: [locality]}
targets:
  - id: revenue-2026
    type: plan
    indicator: revenue
    period: 2026
    value: 1000
    for_each: locality
    overrides:
      Alpha: {value: 400}
      Beta: {value: 300}
      Gamma: {value: 300}
"""

_YTD_STORE = """\
indicator,period,value,status,source,note,recorded_at
revenue[locality=Alpha],2026-H1,250,estimate,DoF,,2026-07-05T00:00:00Z
revenue[locality=Beta],2026-H1,120,estimate,DoF,,2026-07-05T00:00:00Z
revenue[locality=Gamma],2026-H1,150,estimate,DoF,,2026-07-05T00:00:00Z
revenue[locality=Gamma],2026-H1,160,estimate,DoF revised,,2026-07-08T00:00:00Z
"""


def test_rank_json_and_csv_give_the_year_to_date_figure_each_unit_is_ranked_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _YTD_PLAN, _YTD_STORE)
    # By 10 July 2026, half the year gone: Alpha 250/400 = 62.5 % (P = 0.625 / 0.5 = 1.25),
    # Gamma 160/300 = 53.3 % (P = 1.0667, its 150 revised to 160), Beta 120/300 = 40 %
    # (P = 0.8). No full-year figure: latest null, the reading is the provisional one.
    done = run_clean("rank", "revenue-2026", "--format", "json", "--as-of", "2026-07-10")
    assert done.exit_code == 0, done.output
    units = json.loads(done.stdout)["units"]
    assert [(u["dims"]["locality"], u["latest"]) for u in units] == [("Alpha", None), ("Gamma", None), ("Beta", None)]
    assert [u["provisional"] for u in units] == [
        {"period": "2026-H1", "value": 250.0, "status": "estimate", "source": "DoF",
         "recorded_at": "2026-07-05T00:00:00Z", "revises": None,
         "revises_source": None, "revises_recorded_at": None, "revises_status": None, "note": None},
        # 150 came from line 195, "DoF" of 5 July (twenty-fifth session)
        {"period": "2026-H1", "value": 160.0, "status": "estimate", "source": "DoF revised",
         "recorded_at": "2026-07-08T00:00:00Z", "revises": 150.0,
         "revises_source": "DoF", "revises_recorded_at": "2026-07-05T00:00:00Z", "revises_status": "estimate", "note": None},
        {"period": "2026-H1", "value": 120.0, "status": "estimate", "source": "DoF",
         "recorded_at": "2026-07-05T00:00:00Z", "revises": None,
         "revises_source": None, "revises_recorded_at": None, "revises_status": None, "note": None},
    ]  # fmt: skip
    # As status's breakdown gives it.
    status = json.loads(run_clean("status", "--format", "json", "--as-of", "2026-07-10").stdout)
    gamma = next(u for u in status["targets"][0]["breakdown"] if u["dims"] == {"locality": "Gamma"})
    assert gamma["provisional"] == units[1]["provisional"]
    rows = _rows(run_clean("rank", "revenue-2026", "--format", "csv", "--as-of", "2026-07-10").stdout)
    header = list(rows[0])  # the three after milestones, then as_of (and the kinds since)
    start = header.index("provisional_period")
    assert header[start - 1 : start + 4] == [
        "milestones",
        "provisional_period",
        "provisional_value",
        "provisional_source",
        "as_of",
    ]
    assert [
        (r["locality"], r["provisional_period"], r["provisional_value"], r["provisional_source"]) for r in rows
    ] == [
        ("Alpha", "2026-H1", "250.0", "DoF"),
        ("Gamma", "2026-H1", "160.0", "DoF revised"),
        ("Beta", "2026-H1", "120.0", "DoF"),
    ]


# --- history's table marked the vintage in force with a bare "●" under a column with no
# heading, the others only dimmed (NO_COLOR keeps dim; a screen reader reads neither): which
# figure is in force, the table's one point, rested on a symbol and a shade.


@pytest.mark.parametrize(
    ("lang", "heading", "yes", "no"), [("en", "In force", "yes", "no"), ("vi", "Hiệu lực", "có", "không")]
)
def test_historys_table_says_which_vintage_is_in_force_in_words(
    shipped: Path, lang: str, heading: str, yes: str, no: str
):
    r = run_clean(
        "--lang", lang, "history", "grdp_growth", "2023", "--format", "table", env={"NO_COLOR": "1", "COLUMNS": "160"}
    )
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    # The shipped 2023 growth: 11.02 recorded 2023-11-24, revised to 11.03 on 2023-11-27,
    # which is in force.
    header = next(line for line in lines if line.split()[:1] == heading.split()[:1])
    assert header.split()[: len(heading.split())] == heading.split(), header
    later, first = ("2023-11-27", "2023-11-24")  # ISO moments in both languages (twenty-third session)
    in_force = next(line for line in lines if later in line).split()
    earlier = next(line for line in lines if first in line).split()
    assert in_force[:3] == ["●", yes, "2023"], in_force
    assert earlier[:2] == [no, "2023"], earlier


# --- At 60 columns history's table gave Value and Source no width at all (the figures, its
# one point, gone) and the observations table wrote each figure one character a line
# ("8", ".", "4"); show's table of observations likewise. The tables that cannot fit now
# print each row as a block of "Heading: value" lines, as the status table and the listings
# do (issue 12): every figure whole on a line, read in order by a screen reader.


@pytest.mark.parametrize("columns", ["60", "40"])
def test_history_and_observations_tables_too_wide_for_the_terminal_keep_every_figure_whole(shipped: Path, columns: str):
    env = {"NO_COLOR": "1", "COLUMNS": columns}
    history = run_clean("history", "grdp_growth", "2023", "--format", "table", env=env)
    assert history.exit_code == 0, history.output
    lines = [line.strip() for line in history.stdout.splitlines()]
    # The shipped 2023 growth: 11.02 (2023-11-24) revised to 11.03 (2023-11-27), in force.
    assert "Value: 11.02% y/y → 11.03% y/y" in lines, history.stdout
    assert "Value: 11.02% y/y" in lines, history.stdout
    assert "In force: ● yes" in lines and "In force: no" in lines, history.stdout
    observations = run_clean("observations", "--indicator", "grdp_growth", "--format", "table", env=env)
    assert observations.exit_code == 0, observations.output
    lines = [line.strip() for line in observations.stdout.splitlines()]
    # The first shipped row of grdp_growth: 2015-Q1, 8.4% y/y.
    assert "Value: 8.4% y/y" in lines, observations.stdout
    show = run_clean("show", "grdp-double-digit", "--format", "table", env=env)
    assert show.exit_code == 0, show.output
    # At 60 columns show's table fits with the figures whole; at 40 it is blocks.
    assert any("8.4% y/y" in line for line in show.stdout.splitlines()), show.stdout


def test_history_table_that_fits_is_still_a_table(shipped: Path):
    r = run_clean("history", "grdp_growth", "2023", "--format", "table", env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    assert "Value:" not in r.stdout
    header = next(line for line in r.stdout.splitlines() if line.split()[:2] == ["In", "force"])
    assert header.split()[2:4] == ["Period", "Value"], header


# --- status --group-by's table at 60 columns cut words to fit: "Resolutio" / "n",
# "Substantia" / "l progress" (a status word, which the status table never splits), read by
# a screen reader as two non-words. It now prints one block a group when whole words do not
# fit, as the listings do when an id cannot fit.


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_groups_table_never_cuts_a_word(shipped: Path, lang: str):
    r = run_clean(
        "--lang", lang, "status", "--group-by", "group", "--format", "table", env={"NO_COLOR": "1", "COLUMNS": "60"}
    )
    assert r.exit_code == 0, r.output
    words = set(r.stdout.split())
    # The shipped groups, each word whole: "Resolution 01-NQ/TU", and the statuses.
    if lang == "en":
        assert {"Resolution", "Substantial", "socio-economic"} <= words, r.stdout
        assert not {"Resolutio", "Substantia"} & words, r.stdout
    else:
        assert {"Nghị", "quyết", "01-NQ/TU"} <= words, r.stdout
    if lang == "en":  # too wide with whole words: each group's count said with its heading
        assert any(line.strip() == "Targets: 4" for line in r.stdout.splitlines()), r.stdout


# --- The status CSV named each target in English only, whatever --lang says, where the
# table (--lang vi), the JSON (`names`) and the groups' CSV (`name_vi`) give the Vietnamese
# name: a Vietnamese article's script had to read the JSON for it.


@pytest.mark.parametrize("cache_off", ["1", ""])
def test_status_csv_gives_each_targets_vietnamese_name(shipped: Path, monkeypatch: pytest.MonkeyPatch, cache_off: str):
    monkeypatch.setenv("QNTRACK_NO_CACHE", cache_off)
    for lang in ("en", "vi", "en"):  # the same row whatever --lang says, cold then warm
        r = run_clean("--lang", lang, "status", "--format", "csv")
        assert r.exit_code == 0, r.output
        rows = {row["id"]: row for row in _rows(r.stdout)}
        # targets.yaml names cbct-share {en: "CBCT share of GRDP: 15% by 2025, 30% by 2030",
        # vi: "Tỷ trọng CBCT trong GRDP: 15% năm 2025, 30% năm 2030"}.
        assert rows["cbct-share"]["name"] == "CBCT share of GRDP: 15% by 2025, 30% by 2030"
        assert rows["cbct-share"]["name_vi"] == "Tỷ trọng CBCT trong GRDP: 15% năm 2025, 30% năm 2030"
        # Last when added; the two parts_revised columns came after it (twenty-third session),
        # then as_of (twenty-fourth), then four revises_source/recorded_at (twenty-fifth).
        columns = list(rows["cbct-share"])  # named, not counted from the end (28th session)
        assert columns.index("name_vi") == columns.index("milestones") + 1


# --- Under TERM=dumb (Emacs's shell, where Emacspeak reads the screen aloud, sets TERM=dumb
# and COLUMNS to the window's width) every table was drawn 80 columns wide whatever the
# terminal's width and COLUMNS said: Rich takes a dumb terminal to be 80 x 25 unless told
# its height as well as its width. README: "Tables are drawn at the terminal's width
# (COLUMNS when set)".


def _drawn_on_a_terminal(cwd: Path, columns: int, env: dict[str, str], *args: str) -> str:
    import fcntl
    import os
    import struct
    import subprocess
    import sys
    import termios

    from helpers import read_terminal

    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR")}
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "qntrack", *args],
            stdin=follower,
            stdout=follower,
            stderr=subprocess.PIPE,
            env={**base, **env},
            cwd=cwd,
        )
        said = read_terminal(leader, proc)
        assert proc.wait(timeout=120) == 0
    finally:
        os.close(follower)
        os.close(leader)
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", said.decode()).replace("\r", "")


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="a pseudo-terminal of a set size")
@pytest.mark.parametrize("cache_off", ["1", ""])
def test_a_dumb_terminal_is_drawn_at_its_own_width(shipped: Path, cache_off: str):
    from rich.cells import cell_len

    # With the cache on: drawn by Rich, then from the cache; off, drawn by Rich (a second
    # run would be the same run again).
    for _ in range(2 if not cache_off else 1):
        # A window 60 columns wide, COLUMNS unset: the shipped status table fits in 60
        # (as under TERM=xterm); it was 80 wide, each line folded by the terminal.
        text = _drawn_on_a_terminal(shipped, 60, {"TERM": "dumb", "QNTRACK_NO_CACHE": cache_off}, "status")
        assert max(cell_len(line) for line in text.splitlines()) == 60, text
        # COLUMNS=100 in a window 100 wide: the table is 100 wide, as under TERM=xterm.
        text = _drawn_on_a_terminal(
            shipped, 100, {"TERM": "dumb", "COLUMNS": "100", "QNTRACK_NO_CACHE": cache_off}, "status"
        )
        assert max(cell_len(line) for line in text.splitlines()) == 100, text
    if cache_off:  # show and history too (one console for every table); the cache is status's alone
        text = _drawn_on_a_terminal(shipped, 60, {"TERM": "dumb"}, "history", "grdp_growth")
        assert max(cell_len(line) for line in text.splitlines()) <= 60, text


# --- rank's table too wide for the terminal is printed one block a unit, each led by its
# rank alone: "1", then "Locality: Alpha". A screen reader heard a bare number; the block now
# opens "Rank: 1" ("Hạng: 1"), every line with its heading.


@pytest.mark.parametrize(("lang", "rank"), [("en", "Rank"), ("vi", "Hạng")])
def test_ranks_blocks_say_the_rank_with_its_heading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, rank: str
):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _YTD_PLAN, _YTD_STORE)
    r = run_clean(
        "--lang",
        lang,
        "rank",
        "revenue-2026",
        "--format",
        "table",
        "--as-of",
        "2026-07-10",
        env={"NO_COLOR": "1", "COLUMNS": "40"},
    )
    assert r.exit_code == 0, r.output
    lines = [line.strip() for line in r.stdout.splitlines()]
    # Alpha first (P 1.25), Gamma (1.0667), Beta (0.8): ranks 1, 2, 3, each a block.
    assert [line for line in lines if line.startswith(f"{rank}:")] == [f"{rank}: 1", f"{rank}: 2", f"{rank}: 3"], (
        r.stdout
    )
    assert "1" not in lines, r.stdout
