"""Issue 17, seventeenth session: where every figure came from and what it replaced.

A researcher reads `status` (the terminal table), an every-period target's JSON and
`observations --format json`, at today's date and with `--as-of`, and asks of each figure
whether it revised an earlier one, what that was, and where it comes from. Each test was
written failing first. The expected values are read by hand off the shipped
observations.csv (line numbers below), never off qntrack's output.

The shipped store's revisions (observations.csv):
- line 24: grdp_growth 2022-H1 10.66, recorded 2022-07-05; line 26: 9.22, recorded 2023-07-05.
- line 29: grdp_growth 2023 11.02 (estimate, baohaiduong.vn), recorded 2023-11-24;
  line 30: 11.03 (estimate, vietnamnet.vn), recorded 2023-11-27.
- line 31: grdp_growth 2024-Q1 8.79, recorded 2024-04-05; line 32: 8.97, recorded 2024-07-05.
Every other (indicator, period) has one row.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from qntrack.cli import app

runner = CliRunner()

SOURCE_2023 = (
    "https://vietnamnet.vn/tang-truong-grdp-quang-ninh-uoc-dat-11-03-dung-dau-khu-vuc-dong-bang-song-hong-2220375.html"
)
SOURCE_2023_FIRST = (
    "https://baohaiduong.vn/quang-ninh-lap-ky-tich-9-nam-lien-tiep-tang-truong-grdp-hai-con-so-364640.html"
)


def _run(*args: str, env: dict[str, str] | None = None, cached: bool = True) -> str:
    env = dict(env or {})
    if not cached:
        env["QNTRACK_NO_CACHE"] = "1"
    r = runner.invoke(app, list(args), env=env)
    assert r.exit_code == 0, r.stderr
    assert "Traceback" not in r.output
    return r.stdout


def _table(*args: str, width: int = 120, lang: str = "en", cached: bool = True) -> str:
    return _run("status", "--format", "table", "--lang", lang, *args, env={"COLUMNS": str(width)}, cached=cached)


def _unwrapped(text: str) -> str:
    """The text with its lines joined by single spaces: what a legend says, whatever the
    width it was wrapped at."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


# --- 1. the status table marks a figure that revised an earlier one ------------------------


def test_the_table_marks_a_revised_latest_figure_and_says_what_it_replaced(shipped: Path):
    # grdp-growth-plan-2023 is judged on grdp_growth 2023: 11.03 (line 30), which replaced
    # 11.02 (line 29). The figure carries a note mark, [1]; the legend under the table gives
    # the figure replaced, the figure shown, its status, the day it was recorded and its
    # source.
    out = _table("grdp-growth-plan-2023")
    assert "11.03%[1] y/y" in out  # the mark against its figure's number
    legend = _unwrapped(out[out.index("\n[1] ") + 1 :])
    assert legend.startswith(
        f"[1] GRDP growth 2023: 11.02% y/y → 11.03% y/y (estimate, recorded 2023-11-27; source: {SOURCE_2023})"
    ), legend


def test_an_unrevised_figure_has_no_mark_and_no_legend(shipped: Path):
    # grdp-growth-plan-2022: grdp_growth 2022 = 10.28, one row (line 25).
    out = _table("grdp-growth-plan-2022")
    assert "[1]" not in out
    assert "10.28% y/y (2022, estimate)" in out  # line 25 is an estimate


def test_one_figure_shown_for_several_targets_has_one_note(shipped: Path):
    # grdp-double-digit (every year 2015-2025) is judged on 2025 now; with --as-of
    # 2024-06-30 its latest full year is 2023 (11.03, recorded 2023-11-27), as is
    # grdp-growth-plan-2023's; the H1 2024 reading of 2024-Q1 (8.97, line 32) is recorded
    # 2024-07-05, after that day, so the only revision shown is 2023's: one note, [1].
    out = _table("grdp-double-digit", "grdp-growth-plan-2023", "--as-of", "2024-06-30")
    assert out.count("11.03%[1]") == 2
    assert "[2]" not in out
    assert _unwrapped(out).count("[1] GRDP growth 2023: 11.02% y/y → 11.03% y/y") == 1


def test_a_revision_recorded_after_the_as_of_day_is_not_marked(shipped: Path):
    # On 2023-11-25 only line 29 (11.02, recorded 2023-11-24) exists: the first figure,
    # which revised nothing. The revision of 2023-11-27 must not be marked yet.
    out = _table("grdp-growth-plan-2023", "--as-of", "2023-11-25")
    assert "11.02% y/y (2023, estimate)" in out
    assert "[1]" not in out and "11.03" not in out
    # From 2023-11-27 on, it is.
    later = _table("grdp-growth-plan-2023", "--as-of", "2023-11-27")
    assert "11.03%[1]" in later
    assert "11.02% y/y → 11.03% y/y" in _unwrapped(later)


def test_a_provisional_reading_that_revised_one_is_marked_too(shipped: Path):
    # --as-of 2024-07-04: grdp-double-digit's latest full year is 2023 (11.03, a revision:
    # [1]); its sub-annual reading after 2023 is 2024-Q1, then only 8.79 (line 31): no mark.
    before = _table("grdp-double-digit", "--as-of", "2024-07-04")
    assert "11.03%[1]" in before
    assert "8.79% y/y" in before and "(2024-Q1," in before
    assert "8.79[" not in before
    # cbct-va-growth-2021-2025 shows the 2025-H1 reading 23.81 as provisional; revised to
    # 24.5 on 2026-03-01, the provisional reading carries the mark and the legend says
    # 23.81 → 24.5.
    with open(shipped / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("cbct_va_growth,2025-H1,24.5,estimate,Cục Thống kê tỉnh,,2026-03-01T00:00:00Z\n")
    table = _table("cbct-va-growth-2021-2025")
    assert "24.5%[1] y/y" in table and "part-year, estimate)" in _unwrapped(table)
    out = _unwrapped(table)
    assert (
        "[1] Processing and manufacturing value-added growth 2025-H1: 23.81% y/y → 24.5% y/y (estimate, recorded 2026-03-01; source: Cục Thống kê tỉnh)"
        in out
    )


def test_the_vietnamese_legend(shipped: Path):
    # Vietnamese numbers take a decimal comma (11,03) and dates day first (27/11/2023).
    out = _table("grdp-growth-plan-2023", lang="vi")
    assert "11,03%[1] so" in out
    # The heading in the catalog's words for a figure in force (số liệu đang có hiệu lực).
    assert (
        "Số liệu điều chỉnh so với số đã công bố trước đó (số bị thay thế → số liệu đang có hiệu lực):"
        in _unwrapped(out)
    )
    legend = _unwrapped(out[out.index("\n[1] ") + 1 :])
    assert legend.startswith(
        f"[1] Tốc độ tăng trưởng GRDP 2023: 11,02% so với cùng kỳ → 11,03% so với cùng kỳ (ước tính, ghi nhận 27/11/2023; nguồn: {SOURCE_2023})"
    ), legend


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("width", [50, 80, 120])
def test_the_marked_table_fits_narrow_terminals_and_is_the_same_cached_and_cold(shipped: Path, lang: str, width: int):
    cold = _table(width=width, lang=lang, cached=False)
    first = _table(width=width, lang=lang)  # builds the cache
    again = _table(width=width, lang=lang)  # drawn from it
    assert cold == first == again
    assert all(cell_len(line) <= width for line in cold.splitlines())
    assert "\x1b[" not in cold  # piped: plain text
    assert "11.03%[1]" in cold or "11,03%[1]" in cold


@pytest.mark.parametrize("args", [(), ("--as-of", "2023-11-25"), ("--as-of", "2024-07-05")])
def test_as_of_tables_and_observations_are_the_same_cached_and_cold(shipped: Path, args: tuple[str, ...]):
    for command in (("status", "--format", "table"), ("observations", "--format", "json")):
        cold = _run(*command, *args, cached=False)
        assert _run(*command, *args) == cold
        assert _run(*command, *args) == cold


def test_a_revision_appended_after_the_cache_is_marked_cached_and_cold(shipped: Path):
    # The cache holds the table; then grdp_growth 2025 (11.89, line 40, recorded
    # 2026-01-07) is revised to 12.1 on 2026-03-01. Every target shown on 2025 now carries
    # "[n]" with 11.89 → 12.1, through the cache exactly as cold.
    _table()
    with open(shipped / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("grdp_growth,2025,12.1,official,Cục Thống kê tỉnh,,2026-03-01T00:00:00Z\n")
    warm = _table()
    assert warm == _table(cached=False)
    assert "12.1%[" in warm
    assert "11.89% y/y → 12.1% y/y (official, recorded 2026-03-01; source: Cục Thống kê tỉnh)" in _unwrapped(warm)
    # A first figure of a new period appended next revises nothing: no new note.
    with open(shipped / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("cbct_share,2024,13.0,estimate,,,2026-03-02T00:00:00Z\n")
    warm = _table()
    assert warm == _table(cached=False)
    assert "13% of" in warm and "13%[" not in warm


def test_a_figure_without_a_source_says_so(shipped: Path):
    with open(shipped / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("grdp_per_capita,2025,10500,official,,,2026-03-01T00:00:00Z\n")
    out = _unwrapped(_table("grdp-per-capita"))
    # line 6x: grdp_per_capita 2025 = 10402 before; now 10,500 (en thousands separator).
    assert "10,402 USD → 10,500 USD (official, recorded 2026-03-01; no source recorded)" in out
    vi = _unwrapped(_table("grdp-per-capita", lang="vi"))
    assert "10.402 USD → 10.500 USD (chính thức, ghi nhận 01/03/2026; chưa ghi nguồn)" in vi


def test_machine_outputs_are_unchanged_by_the_marks(shipped: Path):
    # The contracts: CSV/TSV columns as documented (docs/json.md, "CSV and TSV"), no mark
    # in any cell.
    header = (
        "id,type,indicator,name,unit,status,score,progress_value,latest_period,latest_value,"
        "next_milestone,next_value,gap,source,missed_milestones,reason,bound_kind,bound,from,to,"
        "plan_period,plan,percent_of_plan,difference,year_to_date_period,year_to_date_value,"
        "year_to_date_percent_of_plan,average,required_rate_remaining,total,share_of_target,"
        "share_of_time,needed_per_remaining_period,passed,failed,first_failure,streak,"
        "awaiting_figures,latest_status,latest_source,latest_recorded_at,latest_revises,"
        "provisional_period,provisional_value,provisional_status,provisional_source,"
        "provisional_recorded_at,provisional_revises,withdrawn,direction,milestones,name_vi,"
        "latest_parts_revised,provisional_parts_revised,as_of,"
        "latest_revises_source,latest_revises_recorded_at,provisional_revises_source,provisional_revises_recorded_at,"
        "latest_revises_status,provisional_revises_status,source_vi,note,note_vi,description,description_vi,not_counted,"
        "latest_note,provisional_note"
    )  # not_counted in the thirty-sixth session; the note and the description in both languages in the twenty-ninth session; latest_revises added at the end in the eighteenth session, provisional_* in the nineteenth, withdrawn in the twentieth, direction, milestones and name_vi in the twenty-first, the parts_revised two in the twenty-third, as_of in the twenty-fourth, the *_revises_source/recorded_at four in the twenty-fifth, the *_revises_status two in the twenty-seventh, source_vi in the twenty-eighth
    csv_text = _run("status", "--format", "csv")
    assert csv_text.splitlines()[0] == header
    assert _run("status", "--format", "tsv").splitlines()[0] == header.replace(",", "\t")
    for text in (csv_text, _run("status", "--format", "json")):
        assert not re.search(r"\[\d+\]", text)


# --- 2. an every-period target's periods, each with its own status, source, recorded_at -----


def _periods(*args: str) -> dict[str, dict]:
    doc = json.loads(_run("status", "grdp-double-digit", "--format", "json", *args))
    return {p["period"]: p for p in doc["targets"][0]["details"]["periods"]}


def test_every_period_json_gives_each_period_its_vintage(shipped: Path):
    periods = _periods()
    # line 30: 2023 = 11.03, estimate, vietnamnet.vn, 2023-11-27; 11.03 >= 10: passed.
    assert periods["2023"] == {
        "period": "2023",
        "value": 11.03,
        "passed": True,
        "status": "estimate",
        "source": SOURCE_2023,
        "recorded_at": "2023-11-27T00:00:00Z",
        "revises": 11.02,  # line 29's, which it replaced (added in the eighteenth session)
        "revises_source": SOURCE_2023_FIRST,  # line 29's too (twenty-fifth session)
        "revises_recorded_at": "2023-11-24T00:00:00Z",
        "revises_status": "estimate",  # line 29's status (twenty-seventh session)
    }
    # line 40: 2025 = 11.89, estimate, recorded 2026-01-07.
    assert periods["2025"]["recorded_at"] == "2026-01-07T00:00:00Z"
    assert periods["2025"]["status"] == "estimate"
    # Keys in the documented order, the new ones after the old (additive).
    assert list(periods["2015"]) == [
        *("period", "value", "passed", "status", "source", "recorded_at", "revises"),
        *("revises_source", "revises_recorded_at"),  # null for a first figure (twenty-fifth session)
        "revises_status",  # twenty-seventh session
    ]


def test_average_periods_carry_their_vintage_too(shipped: Path):
    # grdp-average-2021-2025 averages grdp_growth 2021-2025; 2023 is line 30's vintage.
    doc = json.loads(_run("status", "grdp-average-2021-2025", "--format", "json"))
    periods = {p["period"]: p for p in doc["targets"][0]["details"]["periods"]}
    assert periods["2023"] == {
        "period": "2023",
        "value": 11.03,
        "status": "estimate",
        "source": SOURCE_2023,
        "recorded_at": "2023-11-27T00:00:00Z",
        "revises": 11.02,
        "revises_source": SOURCE_2023_FIRST,  # line 29's (twenty-fifth session)
        "revises_recorded_at": "2023-11-24T00:00:00Z",
        "revises_status": "estimate",  # twenty-seventh session
    }


def test_every_period_json_as_of_gives_the_vintage_then_in_force(shipped: Path):
    # On 2023-11-25, 2023 is line 29's: 11.02, baohaiduong.vn, recorded 2023-11-24.
    periods = _periods("--as-of", "2023-11-25")
    assert periods["2023"]["value"] == 11.02
    assert periods["2023"]["source"] == SOURCE_2023_FIRST
    assert periods["2023"]["recorded_at"] == "2023-11-24T00:00:00Z"


def test_every_period_json_is_the_same_cached_and_cold(shipped: Path):
    cold = _run("status", "--format", "json", cached=False)
    assert _run("status", "--format", "json") == cold == _run("status", "--format", "json")


# --- 3. observations --format json: the figure each row replaced ----------------------------


def _observations(*args: str) -> dict[tuple[str, str], dict]:
    doc = json.loads(_run("observations", "--indicator", "grdp_growth", "--format", "json", *args))
    return {(o["indicator"], o["period"]): o for o in doc["observations"]}


def test_observations_json_says_what_each_figure_replaced(shipped: Path):
    rows = _observations()
    assert rows[("grdp_growth", "2023")]["revises"] == 11.02  # line 30 replaced line 29
    assert rows[("grdp_growth", "2022-H1")]["revises"] == 10.66  # line 26 replaced line 24
    assert rows[("grdp_growth", "2024-Q1")]["revises"] == 8.79  # line 32 replaced line 31
    assert rows[("grdp_growth", "2015")]["revises"] is None  # one row
    # Last, after the fields there were (additive).
    # Where the figure replaced came from after it (twenty-fifth session).
    assert list(rows[("grdp_growth", "2023")])[-5:-3] == ["recorded_at", "revises"]


def test_observations_json_as_of_says_what_was_replaced_by_then(shipped: Path):
    rows = _observations("--as-of", "2023-11-25")
    assert rows[("grdp_growth", "2023")]["value"] == 11.02
    assert rows[("grdp_growth", "2023")]["revises"] is None  # 11.03 not recorded yet
    assert rows[("grdp_growth", "2022-H1")]["revises"] == 10.66  # 9.22 recorded 2023-07-05


def test_observations_json_after_a_retraction_revises_nothing(shipped: Path):
    # grdp_growth 2023 withdrawn, then given again: the new figure replaced no figure
    # (the period had none in force), as history's revises: null says.
    with open(shipped / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("grdp_growth,2023,,retracted,,,2026-03-01T00:00:00Z\n")
        fh.write("grdp_growth,2023,11.1,official,,,2026-03-02T00:00:00Z\n")
    assert _observations()[("grdp_growth", "2023")]["revises"] is None


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_observations_csv_keeps_its_columns_and_imports_back(shipped: Path, tmp_path: Path, fmt: str):
    # add-observation --from refuses a column it does not know (a `revises` column would
    # be refused): the CSV/TSV keep the store's seven columns and read back into an empty
    # store as the same figures.
    text = _run("observations", "--format", fmt)
    sep = "," if fmt == "csv" else "\t"
    assert text.splitlines()[0] == sep.join(["indicator", "period", "value", "status", "source", "note", "recorded_at"])
    exported = tmp_path / f"export.{fmt}"
    exported.write_text(text, encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "targets.yaml").write_text((shipped / "targets.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (other / "observations.csv").write_text("indicator,period,value,status,source,note,recorded_at\n", encoding="utf-8")
    done = runner.invoke(app, ["--targets", str(other / "targets.yaml"), "add-observation", "--from", str(exported)])
    assert done.exit_code == 0, done.stderr
    back = _run("--targets", str(other / "targets.yaml"), "observations", "--format", fmt)
    assert back == text


# --- the status cache after appends: the marks are those of a cold run ------------------------


def _append(folder: Path, *rows: str) -> None:
    with open(folder / "observations.csv", "a", encoding="utf-8") as fh:
        fh.writelines(row + "\n" for row in rows)


def _cold_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from qntrack import cache

    runs: list[int] = []
    real = cache._cold

    def counted(*args, **kwargs):
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(cache, "_cold", counted)
    return runs


def test_a_revision_and_a_new_periods_two_vintages_are_served_warm(shipped: Path, monkeypatch: pytest.MonkeyPatch):
    runs = _cold_runs(monkeypatch)
    _table()
    assert len(runs) == 1
    # grdp_per_capita 2025: 10402 (line 51, 2026-01-07) revised to 10450 on 2026-03-01;
    # cbct_share 2024, a new period, given twice in the same append: 13.0 then 13.2.
    _append(
        shipped,
        "grdp_per_capita,2025,10450,official,,,2026-03-01T00:00:00Z",
        "cbct_share,2024,13.0,estimate,,,2026-03-01T00:00:00Z",
        "cbct_share,2024,13.2,estimate,,,2026-03-02T00:00:00Z",
    )
    warm = _table()
    assert len(runs) == 1  # served from the cache
    assert warm == _table(cached=False)
    said = _unwrapped(warm)
    assert "GRDP per capita 2025: 10,402 USD → 10,450 USD" in said
    assert "Processing and manufacturing share of GRDP 2024: 13% of GRDP → 13.2% of GRDP" in said


def test_a_retraction_then_a_figure_appended_revise_nothing(shipped: Path, monkeypatch: pytest.MonkeyPatch):
    runs = _cold_runs(monkeypatch)
    _table()
    # grdp_growth 2023 (11.03 replacing 11.02) withdrawn, then 11.1 given: 11.1 replaced
    # no figure (the period had none in force), so 2023 carries no mark.
    _append(
        shipped,
        "grdp_growth,2023,,retracted,,,2026-03-01T00:00:00Z",
        "grdp_growth,2023,11.1,official,,,2026-03-02T00:00:00Z",
    )
    warm = _table("grdp-growth-plan-2023")
    assert len(runs) == 1
    assert warm == _table("grdp-growth-plan-2023", cached=False)
    # No revision mark (twentieth session: the mark there is the withdrawal's, which the
    # figure recorded again followed; its legend under "Figures withdrawn").
    assert "11.1%[1] y/y" in warm and "Figures that revised" not in warm
    assert "[1] GRDP growth 2023: 11.03% y/y → 11.1% y/y (withdrawn on 2026-03-01" in _unwrapped(warm)


def test_an_earlier_vintage_appended_is_answered_cold(shipped: Path, monkeypatch: pytest.MonkeyPatch):
    runs = _cold_runs(monkeypatch)
    _table()
    # grdp_growth 2023 given as 11.025 recorded 2023-11-25, between the two stored
    # vintages (2023-11-24 and 2023-11-27): 11.03 stays in force and now replaced 11.025,
    # which only the store's full order shows. At two decimals 11.025 rounds (half up) to
    # 11.03 as 11.03 does; at three they differ, 11.025 and 11.030, written 11.03 (its zero
    # dropped): "11.025 → 11.03" (eighteenth session: never "11.03 → 11.03").
    _append(shipped, "grdp_growth,2023,11.025,estimate,,,2023-11-25T00:00:00Z")
    warm = _table("grdp-growth-plan-2023")
    assert warm == _table("grdp-growth-plan-2023", cached=False)
    assert len(runs) == 2  # the cache could not tell: rebuilt from the files
    assert "GRDP growth 2023: 11.025% y/y → 11.03% y/y" in _unwrapped(warm)


def test_a_hand_edited_source_is_shown_safely_and_as_given(shipped: Path):
    # A store edited by hand: a source with an escape sequence (ESC [ 2 J clears a
    # terminal) is shown as \x1b; one the store guarded with an apostrophe against a
    # spreadsheet formula ('=...) is shown as it was given, as the other tables show it.
    _append(
        shipped,
        "grdp_per_capita,2025,10500,official,Cục \x1b[2JThống kê,,2026-03-01T00:00:00Z",
        "cbct_share,2023,12.4,official,'=SUM(A1),,2026-03-01T00:00:00Z",
    )
    for cached in (False, True, True):
        out = _table("grdp-per-capita", "cbct-share", cached=cached)
        assert "\x1b" not in out
        said = _unwrapped(out)
        assert "source: Cục \\x1b[2JThống kê)" in said
        assert "source: =SUM(A1))" in said


def test_a_units_revised_figure_is_marked_in_status_by(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # status --by locality: a unit's row shows the unit's own latest figure; Gamma's 2024
    # (20, recorded 2025-03-01) revised to 21 on 2025-04-01 (typed in lower case, as a hand
    # edit may: the same unit) carries the mark, and the legend names the unit's series.
    from conftest import make_tracker
    from test_breakdowns import PLAN, STORE

    folder = make_tracker(tmp_path, monkeypatch, PLAN, STORE)
    _append(folder, "fdi[locality=gamma],2024,21,official,,,2025-04-01T00:00:00Z")
    out = _table("fdi-2024", "--by", "locality")
    assert "21[1]" in out
    assert "[1] FDI (Gamma) 2024: 20 mn USD → 21 mn USD (official, recorded 2025-04-01" in _unwrapped(out)


def test_a_units_revised_figure_says_what_it_replaced_in_observations_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from conftest import make_tracker
    from test_breakdowns import PLAN, STORE

    folder = make_tracker(tmp_path, monkeypatch, PLAN, STORE)
    _append(folder, "fdi[locality=gamma],2024,21,official,,,2025-04-01T00:00:00Z")
    doc = json.loads(_run("observations", "--indicator", "fdi", "--format", "json"))
    gamma = [o for o in doc["observations"] if o["dims"] == {"locality": "Gamma"}]
    # STORE: Gamma 2024 = 20 (2025-03-01); appended 21 (2025-04-01) replaced it.
    assert [(o["period"], o["value"], o["revises"]) for o in gamma] == [("2024", 21.0, 20.0)]
    alpha = [o for o in doc["observations"] if o["dims"] == {"locality": "Alpha"}]
    assert [o["revises"] for o in alpha] == [None]  # Alpha 2024 = 44, one row


DERIVED_PLAN = """\
version: 1
title: "Derived"
observations: observations.csv
indicators:
  va: {name: "VA", unit: "bn", measure: level, frequency: year}
  gdp: {name: "GDP", unit: "bn", measure: level, frequency: year}
  share: {name: "Share", unit: "%", measure: level, frequency: year, formula: "va / gdp * 100"}
targets:
  - id: share-up
    type: level
    indicator: share
    baseline: 2020
    milestones:
      - {by: 2025, value: 30}
"""
# share is derived: its 2023 is 20 / 100 * 100 = 20. The two rows recorded against it by
# mistake (5, then 6) are ignored (and warned of): 20 replaced nothing.
DERIVED_STORE = """\
indicator,period,value,status,source,note,recorded_at
va,2020,10,official,,,2021-03-01T00:00:00Z
gdp,2020,100,official,,,2021-03-01T00:00:00Z
va,2023,20,official,,,2024-03-01T00:00:00Z
gdp,2023,100,official,,,2024-03-01T00:00:00Z
share,2023,5,official,,,2024-03-01T00:00:00Z
share,2023,6,official,,,2024-04-01T00:00:00Z
"""


def test_a_derived_figure_replaced_nothing_whatever_rows_were_recorded_against_it(tmp_path: Path):
    (tmp_path / "targets.yaml").write_text(DERIVED_PLAN, encoding="utf-8")
    (tmp_path / "observations.csv").write_text(DERIVED_STORE, encoding="utf-8")
    plan = ("--targets", str(tmp_path / "targets.yaml"))
    shown = json.loads(_run(*plan, "show", "share-up", "--format", "json"))
    assert [(o["period"], o["value"], o["revises"]) for o in shown["observations"]] == [
        ("2020", 10.0, None),
        ("2023", 20.0, None),
    ]
    listed = json.loads(_run(*plan, "observations", "--indicator", "share", "--format", "json"))
    assert [o["revises"] for o in listed["observations"]] == [None, None]
    for args in (("show", "share-up", "--format", "table"), ("observations", "--format", "table")):
        assert "→ 20%" not in _run(*plan, *args, env={"COLUMNS": "160"})
    assert "→ 20%" not in _run(*plan, "report", "--format", "markdown")


def test_a_figure_appended_before_a_stored_retraction_stays_withdrawn_cached_and_cold(
    shipped: Path, monkeypatch: pytest.MonkeyPatch
):
    # Found on the way (it was so on main): grdp_growth 2025 (11.89, line 40, recorded
    # 2026-01-07) withdrawn on 2026-02-01; the cache is written; then 12.5 is appended,
    # recorded 2026-01-20, before the retraction. The retraction is still the vintage
    # recorded last, so 2025 has no figure in force; the cache, which keeps only the
    # figures in force, put 12.5 in force ("12.5% y/y (2025)", JSON "value": 12.5) where
    # the cold run shows no 2025 figure.
    _append(shipped, "grdp_growth,2025,,retracted,,,2026-02-01T00:00:00Z")
    for fmt in ("table", "json", "csv"):
        _run("status", "--format", fmt)  # the cache written, each form
    _append(shipped, "grdp_growth,2025,12.5,official,,,2026-01-20T00:00:00Z")
    for fmt in ("table", "json", "csv"):
        cold = _run("status", "grdp-growth-plan-2025", "--format", fmt, cached=False)
        # 12.5 not in force (twentieth session: the legend and the JSON's withdrawn name it
        # as the figure the retraction, recorded after it, withdrew).
        if fmt == "json":
            item = json.loads(cold)["targets"][0]
            assert 12.5 not in [o["value"] for o in (item["latest"], item["provisional"]) if o]
            assert [w["value"] for w in item["withdrawn"]] == [12.5]
        else:
            assert "12.5% y/y (2025)" not in cold and "12.5," not in cold
        assert _run("status", "grdp-growth-plan-2025", "--format", fmt) == cold
