"""Issue 17, eighteenth session: every figure printed beside its plan, in English and
Vietnamese. Each test was written failing first; expected strings are worked out by hand
(the working in a comment), never copied from qntrack's output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean, shipped_report

PLAN = """\
title: t
indicators:
  g: {name: G, unit: "% y/y", measure: rate, frequency: year}
targets:
  - {id: p, type: plan, indicator: g, period: 2024, value: 10}
"""
HEADER = "indicator,period,value,status,source,note,recorded_at\n"


def _store(*rows: str) -> str:
    return HEADER + "".join(row + "\n" for row in rows)


def _out(*args: str, width: int = 120, cached: bool = True) -> str:
    env = {"COLUMNS": str(width)}
    if not cached:
        env["QNTRACK_NO_CACHE"] = "1"
    r = run_clean(*args, env=env)
    assert r.exit_code == 0, r.output
    return r.stdout


def _table(lang: str = "en", *args: str, width: int = 120, cached: bool = True) -> str:
    return _out("--lang", lang, "status", "--format", "table", *args, width=width, cached=cached)


def _unwrapped(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


# --- 1. the tables write a plan's figure at the decimals where it differs from the plan ----


@pytest.mark.parametrize(("lang", "figure"), [("en", "9.99999"), ("vi", "9,99999")])
def test_the_status_table_writes_a_figure_that_misses_its_plan_so_that_it_differs(tmp_path, monkeypatch, lang, figure):
    # 9.99999 against a plan of 10: at two decimals both read 10, the difference
    # -0.00001 reads -0 (no agreement); at 3 and 4 decimals likewise; at five the figure
    # reads 9.99999, the plan 10, 10 - 9.99999 = 0.00001: five decimals. The status says
    # "Not achieved": the figure beside it must not read "10".
    make_tracker(tmp_path, monkeypatch, PLAN, _store("g,2024,9.99999,official,s,,2025-03-01T00:00:00Z"))
    out = _table(lang)
    assert f"{figure}% y/y (2024)" in out, out
    assert "10% y/y (2024)" in out  # the plan, in the goal column, still 10


@pytest.mark.parametrize(("value", "shown"), [("10.33333", "10.33"), ("11.03", "11.03"), ("10.004", "10.004")])
def test_an_ordinary_figure_keeps_two_decimals_in_the_status_table(tmp_path, monkeypatch, value, shown):
    # 10.33333 against 10: at two decimals 10.33 - 10 = 0.33, the difference 0.33333
    # rounds to 0.33: they agree, two decimals. 11.03: 11.03 - 10 = 1.03, two. 10.004:
    # at two 10 - 10 = 0 against +0.004 rounded to 0.00 (but not zero): no; at three
    # 10.004 - 10 = 0.004: three decimals.
    make_tracker(tmp_path, monkeypatch, PLAN, _store(f"g,2024,{value},official,s,,2025-03-01T00:00:00Z"))
    assert f"{shown}% y/y (2024)" in _table()


@pytest.mark.parametrize(("lang", "figure"), [("en", "9.99999% y/y"), ("vi", "9,99999% y/y")])
def test_shows_observations_table_writes_the_plans_figure_so_that_it_differs(tmp_path, monkeypatch, lang, figure):
    # The same figure in show's observations table (the row of 2024, the plan's year);
    # 2023's 9.5 is no figure judged against the plan: two decimals, "9.5".
    make_tracker(
        tmp_path,
        monkeypatch,
        PLAN,
        _store("g,2023,9.5,official,s,,2024-02-01T00:00:00Z", "g,2024,9.99999,official,s,,2025-03-01T00:00:00Z"),
    )
    out = _out("--lang", lang, "show", "p")
    rows = [line.split() for line in out.splitlines() if line.strip().startswith(("2023 ", "2024 "))]
    assert rows[0][:2] == ["2023", "9.5%" if lang == "en" else "9,5%"]
    assert rows[1][:2] == ["2024", figure.split()[0]], out


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("width", [50, 120])
def test_the_figures_at_their_decimals_are_the_same_cached_and_cold(tmp_path, monkeypatch, lang, width):
    make_tracker(
        tmp_path,
        monkeypatch,
        PLAN,
        _store("g,2024,11.031,estimate,s,,2025-01-10T00:00:00Z", "g,2024,9.99999,official,s,,2025-03-01T00:00:00Z"),
    )
    cold = _table(lang, width=width, cached=False)
    assert _table(lang, width=width) == cold == _table(lang, width=width)
    for fmt in ("json", "csv"):
        cold = _out("status", "--format", fmt, cached=False)
        assert _out("status", "--format", fmt) == cold == _out("status", "--format", fmt)


LEVEL_AND_EVERY = """\
title: t
indicators:
  s: {name: S, unit: "%", measure: level, frequency: year}
  g: {name: G, unit: "% y/y", measure: rate, frequency: year}
targets:
  - {id: lv, type: level, indicator: s, baseline: {period: 2020, value: 10}, milestones: [{by: 2025, value: 15}]}
  - {id: ev, type: every_period, indicator: g, at_least: 10, from: 2023, to: 2024}
"""


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_figure_beside_a_milestone_or_a_bound_it_misses_differs_from_it(tmp_path, monkeypatch, lang):
    # The same rule for a level target's milestone and an every-period bound: 14.999
    # against a milestone of 15 reads 15 at two decimals, 14.999 at three (the first where
    # they differ); 9.999 against "at least 10" likewise 9.999 (the period failed: ✗).
    # 2023's 10.5 differs from 10 at two decimals: "10.5".
    store = _store(
        "s,2020,10,official,x,,2021-01-01T00:00:00Z",
        "s,2025,14.999,official,x,,2026-01-10T00:00:00Z",
        "g,2023,10.5,official,x,,2024-01-10T00:00:00Z",
        "g,2024,9.999,official,x,,2025-01-10T00:00:00Z",
    )
    make_tracker(tmp_path, monkeypatch, LEVEL_AND_EVERY, store)
    comma = (lambda t: t.replace(".", ",")) if lang == "vi" else (lambda t: t)
    table = _table(lang)
    assert comma("14.999% (2025)") in table and comma("9.999% y/y (2024)") in table, table
    shown = _out("--lang", lang, "show", "ev")
    lines = [line.split() for line in shown.splitlines()]
    assert [comma("9.999%"), "y/y", "✗", "no" if lang == "en" else "không"] in [
        line[1:5] for line in lines if line[:1] == ["2024"]
    ], shown
    assert [comma("10.5%"), "y/y", "✓", "yes" if lang == "en" else "có"] in [
        line[1:5] for line in lines if line[:1] == ["2023"]
    ], shown


def test_the_vietnamese_sentence_against_last_year_writes_the_figure_as_the_plans_does(tmp_path, monkeypatch):
    # 9.99999 against a plan of 10 and 9.5 a year before: the plan's sentence writes the
    # figure at five decimals (9,99999%); the next sentence, against 2023, wrote it at two,
    # "tăng từ 9,5% lên 10%", the plan's figure. It now writes the same 9,99999; the change,
    # 9.99999 - 9.5 = 0.49999, at two decimals +0,5 điểm phần trăm.
    make_tracker(
        tmp_path,
        monkeypatch,
        PLAN,
        _store("g,2023,9.5,official,s,,2024-02-01T00:00:00Z", "g,2024,9.99999,official,s,,2025-03-01T00:00:00Z"),
    )
    said = _unwrapped(_out("--lang", "vi", "show", "p"))
    assert "tăng từ 9,5% lên 9,99999% (+0,5 điểm phần trăm)" in said, said


# --- 2. a revision's legend writes both figures at the decimals where they differ ----------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "[1] G 2024: 11.031% y/y → 11.029% y/y (official"),
        ("vi", "[1] G 2024: 11,031% y/y → 11,029% y/y (chính thức"),
    ],
)
def test_a_revision_below_two_decimals_is_written_where_the_figures_differ(tmp_path, monkeypatch, lang, said):
    # 11.031 revised to 11.029: at two decimals both read 11.03 ("11.03 → 11.03"); at
    # three they differ: 11.031 → 11.029. The table's figure: 11.029, as published with
    # three decimals (nineteenth session, test_journalist.py: it read 11.03%[1] beside a
    # legend saying 11.029, the figure in force written two ways).
    make_tracker(
        tmp_path,
        monkeypatch,
        PLAN,
        _store("g,2024,11.031,estimate,s,,2025-01-10T00:00:00Z", "g,2024,11.029,official,s,,2025-03-01T00:00:00Z"),
    )
    out = _table(lang)
    assert said in _unwrapped(out), out
    assert "11.029%[1]" in out or "11,029%[1]" in out


def test_the_legend_writes_the_figure_in_force_as_the_table_does(tmp_path, monkeypatch):
    # 11.031 revised to 9.99999 against a plan of 10: the table writes 9.99999 (five
    # decimals, test above); the legend the same figure at those decimals, the one it
    # replaced at the same: 11.031 (11.03100 with its zeros dropped).
    make_tracker(
        tmp_path,
        monkeypatch,
        PLAN,
        _store("g,2024,11.031,estimate,s,,2025-01-10T00:00:00Z", "g,2024,9.99999,official,s,,2025-03-01T00:00:00Z"),
    )
    out = _table()
    assert "9.99999%[1] y/y (2024)" in out, out
    assert "[1] G 2024: 11.031% y/y → 9.99999% y/y (official" in _unwrapped(out)


def test_shows_table_writes_a_revision_where_the_figures_differ(tmp_path, monkeypatch):
    # show's observations table, the same rule: 11.031 → 11.029, not 11.03 → 11.03.
    make_tracker(
        tmp_path,
        monkeypatch,
        PLAN,
        _store("g,2024,11.031,estimate,s,,2025-01-10T00:00:00Z", "g,2024,11.029,official,s,,2025-03-01T00:00:00Z"),
    )
    out = _out("show", "p")
    assert "11.031% y/y → 11.029% y/y" in out, out
    history = _out("history", "g", "--format", "table")
    assert "11.031% y/y → 11.029% y/y" in history, history


# --- 3. figures in Vietnamese messages grouped by thousands, as the tables write them -------


@pytest.mark.parametrize(
    ("value", "en", "vi"),
    [
        # Thousands grouped by a dot in Vietnamese, the decimal comma kept: 2877.8 is
        # "2.877,8" as the Vietnamese tables write it; English keeps "2877.8".
        (2877.8, "2877.8", "2.877,8"),
        (28778.0, "28778", "28.778"),
        (-1234567.25, "-1234567.25", "-1.234.567,25"),
        (999.5, "999.5", "999,5"),  # under a thousand: nothing to group
        (0.00001, "0.00001", "0,00001"),
        (1.5e15, "1.5e+15", "1,5e+15"),  # with its exponent: as before
    ],
)
def test_a_figure_in_a_vietnamese_message_is_grouped_by_thousands(value, en, vi):
    from qntrack.catalog import Figure

    assert (Figure(value).text("en"), Figure(value).text("vi")) == (en, vi)


def test_a_vietnamese_warning_writes_its_figures_as_the_tables_do(tmp_path, monkeypatch):
    # add-observation's jump warning: 2877.8 against 2023's 9.5, 2877.8 / 9.5 = 302.9...,
    # three significant digits 303 ("gấp 303 lần"). The figure: "2.877,8".
    make_tracker(tmp_path, monkeypatch, PLAN, _store("g,2023,9.5,official,s,,2024-02-01T00:00:00Z"))
    r = run_clean("--lang", "vi", "add-observation", "g", "2022", "2.877,8", "--status", "official", "--dry-run")
    assert r.exit_code == 0, r.output
    assert "= 2.877,8 gấp 303 lần" in r.stderr, r.stderr


def test_a_grouped_vietnamese_figure_in_a_command_reads_back_as_the_figure(tmp_path, monkeypatch):
    # The merged-retraction warning gives a command with the figure as the reader types
    # it: under vi "12.345,6" is read back as 12345.6 (the dot groups thousands).
    make_tracker(tmp_path, monkeypatch, PLAN, _store())
    r = run_clean("--lang", "vi", "add-observation", "g", "2022", "12.345,6", "--status", "official", "--dry-run")
    assert r.exit_code == 0, r.output
    assert "g\t2022\t12345.6\tofficial" in r.stdout


# --- 4. status JSON/CSV and details.periods say what a figure replaced ----------------------
# The shipped store's revisions (observations.csv, as tests/test_provenance17.py reads them):
# grdp_growth 2023 11.02 (recorded 2023-11-24) revised to 11.03 (2023-11-27); 2022-H1 10.66
# to 9.22; 2024-Q1 8.79 to 8.97. Every other period has one row.


def _targets(*args: str, cached: bool = True) -> dict[str, dict]:
    doc = json.loads(_out("status", "--format", "json", *args, cached=cached))
    return {t["id"]: t for t in doc["targets"]}


def test_status_json_latest_says_what_it_replaced(shipped: Path):
    targets = _targets()
    # grdp-growth-plan-2023 is judged on 2023 = 11.03, which replaced 11.02; the key last,
    # after recorded_at, as observations --format json writes it.
    latest = targets["grdp-growth-plan-2023"]["latest"]
    assert latest["revises"] == 11.02
    # revises_source and revises_recorded_at after it (twenty-fifth session)
    assert list(latest)[-6:-4] == [
        "recorded_at",
        "revises",
    ]  # revises_status (twenty-seventh session), note last (46th)
    # grdp-growth-plan-2022: 2022 = 10.28, one row: replaced nothing.
    assert targets["grdp-growth-plan-2022"]["latest"]["revises"] is None
    # With --as-of 2023-11-25 only 11.02 was recorded: the first figure, null.
    assert _targets("--as-of", "2023-11-25")["grdp-growth-plan-2023"]["latest"]["revises"] is None


def test_every_period_details_say_what_each_period_replaced(shipped: Path):
    periods = {p["period"]: p for p in _targets()["grdp-double-digit"]["details"]["periods"]}
    assert periods["2023"]["revises"] == 11.02  # line 30 replaced line 29
    assert periods["2015"]["revises"] is None  # one row
    assert list(periods["2023"]) == [
        *("period", "value", "passed", "status", "source", "recorded_at", "revises"),
        *("revises_source", "revises_recorded_at"),  # twenty-fifth session
        "revises_status",  # twenty-seventh session
    ]
    average = {p["period"]: p for p in _targets()["grdp-average-2021-2025"]["details"]["periods"]}
    assert average["2023"]["revises"] == 11.02 and average["2021"]["revises"] is None


def test_a_provisional_reading_says_what_it_replaced(shipped: Path):
    # cbct_va_growth 2025-H1 23.81 (cbct-va-growth-2021-2025's provisional reading) revised
    # to 24.5: the provisional object's revises is 23.81.
    with open(shipped / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("cbct_va_growth,2025-H1,24.5,estimate,Cục Thống kê tỉnh,,2026-03-01T00:00:00Z\n")
    provisional = _targets()["cbct-va-growth-2021-2025"]["provisional"]
    assert (provisional["value"], provisional["revises"]) == (24.5, 23.81)


def test_after_a_retraction_the_figure_replaced_nothing(shipped: Path):
    with open(shipped / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("grdp_growth,2023,,retracted,,,2026-03-01T00:00:00Z\n")
        fh.write("grdp_growth,2023,11.1,official,,,2026-03-02T00:00:00Z\n")
    latest = _targets()["grdp-growth-plan-2023"]["latest"]
    assert (latest["value"], latest["revises"]) == (11.1, None)


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_status_csv_has_the_figure_replaced_in_a_last_column(shipped: Path, fmt: str):
    import csv
    import io

    text = _out("status", "--format", fmt)
    rows = list(csv.DictReader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
    header = text.splitlines()[0].split("," if fmt == "csv" else "\t")
    # The provisional reading's six columns added after it (nineteenth session), then
    # withdrawn (twentieth), direction, milestones and name_vi (twenty-first), the two
    # parts_revised columns (twenty-third), as_of (twenty-fourth), the four columns of
    # where the figures replaced came from (twenty-fifth), at the end.
    at = header.index("latest_recorded_at")  # named, not counted from the end (28th session)
    assert header[at : at + 2] == ["latest_recorded_at", "latest_revises"]
    by_id = {r["id"]: r for r in rows}
    assert by_id["grdp-growth-plan-2023"]["latest_revises"] == "11.02"
    assert by_id["grdp-growth-plan-2022"]["latest_revises"] == ""  # empty where JSON has null


def test_show_json_latest_says_what_it_replaced(shipped: Path):
    doc = json.loads(_out("show", "grdp-growth-plan-2023", "--format", "json"))
    assert doc["latest"]["revises"] == 11.02


@pytest.mark.parametrize("args", [(), ("--as-of", "2023-11-25")])
def test_the_figures_replaced_are_the_same_cached_and_cold(shipped: Path, args: tuple[str, ...]):
    for fmt in ("json", "csv"):
        cold = _out("status", "--format", fmt, *args, cached=False)
        assert _out("status", "--format", fmt, *args) == cold == _out("status", "--format", fmt, *args)
    # A revision appended with the cache warm: 2025 11.89 (recorded 2026-01-07) revised to
    # 12.1; served warm, the 2025 figures now say they replaced 11.89, as a cold run does.
    with open(shipped / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("grdp_growth,2025,12.1,official,s,,2026-03-01T00:00:00Z\n")
    warm = _out("status", "--format", "json", *args)
    assert warm == _out("status", "--format", "json", *args, cached=False)
    if not args:
        assert _targets()["grdp-double-digit"]["latest"]["revises"] == 11.89


# --- 5. the report's summary, rank's table and show's periods mark a revised figure --------

SOURCE_2023 = (
    "https://vietnamnet.vn/tang-truong-grdp-quang-ninh-uoc-dat-11-03-dung-dau-khu-vuc-dong-bang-song-hong-2220375.html"
)
# The status table's legend line for the shipped 2023 growth figure (tests/test_provenance17.py):
# 11.03 (estimate, recorded 2023-11-27, vietnamnet.vn) replaced 11.02.
LEGEND_EN = f"[1] GRDP growth 2023: 11.02% y/y → 11.03% y/y (estimate, recorded 2023-11-27; source: {SOURCE_2023})"
LEGEND_VI = (
    "[1] Tốc độ tăng trưởng GRDP 2023: 11,02% so với cùng kỳ → 11,03% so với cùng kỳ "
    f"(ước tính, ghi nhận 27/11/2023; nguồn: {SOURCE_2023})"
)


@pytest.mark.parametrize(
    ("lang", "mark", "legend", "heading"),
    [
        ("en", "11.03%[1] y/y", LEGEND_EN, "Figures that revised an earlier one"),
        ("vi", "11,03%[1] so với cùng kỳ", LEGEND_VI, "Số liệu điều chỉnh so với số đã công bố trước đó"),
    ],
)
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_reports_summary_marks_a_revised_figure(shipped: Path, lang, mark, legend, heading, fmt):
    # The summary's Latest column: grdp-growth-plan-2023 is the only target whose latest
    # figure (2023, 11.03) revised one; every other target's latest replaced nothing (the
    # shipped store's other revisions are of 2022-H1 and 2024-Q1, no target's latest).
    out = _out("--lang", lang, "report", "--format", fmt)
    if fmt == "markdown":
        import re

        out = re.sub(r"\\(.)", r"\1", out)  # as a Markdown reader shows it: "\[1\]" reads "[1]"
    summary = out[: out.index("grdp-growth-plan-2023") + 2000]
    assert mark in summary, summary
    # One mark in the summary and its legend (the targets' own tables of figures number
    # their revisions apiece, from [1], since issue 17's twenty-sixth session).
    assert "[2]" not in out[: out.index('id="t-')]
    # The HTML's arrow is said "to" / "thành" (twenty-third session).
    arrow = {"en": '<span role="img" aria-label="to">→</span>', "vi": '<span role="img" aria-label="thành">→</span>'}[
        lang
    ]
    legend = legend if fmt == "markdown" else legend.replace("→", arrow)
    assert heading in out and legend in _unwrapped(out).replace("&amp;", "&"), out[-3000:]


def test_the_docx_summary_marks_a_revised_figure(tmp_path_factory: pytest.TempPathFactory):
    import zipfile

    # The shipped plan's English Word report (as of 2026-12-01: the 2023 figures are long known).
    xml = zipfile.ZipFile(shipped_report(tmp_path_factory, "docx", "en")).read("word/document.xml").decode("utf-8")
    assert "11.03%[1] y/y" in xml
    assert "Figures that revised an earlier one" in xml
    assert "[1] GRDP growth 2023: 11.02% y/y → 11.03% y/y (estimate, recorded 2023-11-27" in xml


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_shows_every_period_list_marks_a_revised_figure(shipped: Path, lang: str):
    # grdp-double-digit's Details list: 2023 = 11.03, which replaced 11.02 ([1], the legend
    # under the list); 2022 = 10.28, one row: no mark.
    out = _out("--lang", lang, "show", "grdp-double-digit", width=200)
    rows: dict[str, str] = {}
    for line in out.splitlines():  # the first 2022 and 2023 rows: the Details list's
        if line.strip()[:4] in ("2022", "2023"):
            rows.setdefault(line.split()[0], line)
    figure = "11.03%[1]" if lang == "en" else "11,03%[1]"
    assert figure in rows["2023"] and "[" not in rows["2022"], rows
    assert (LEGEND_EN if lang == "en" else LEGEND_VI) in _unwrapped(out)
    assert "\x1b[" not in out  # piped: plain


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_ranks_table_marks_a_units_revised_figure(shipped: Path, lang: str):
    # Cẩm Phả's 2024 budget revenue, 18000 (line 82, estimate, recorded 2025-01-15), revised
    # to 18250 (official, recorded 2025-06-01): its Latest cell is 18,250[1] ("18.250[1]"
    # in Vietnamese, thousands by a dot), the legend names the unit's series.
    with open(shipped / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("budget_revenue[locality=Cẩm Phả],2024,18250,official,Cục Thống kê,,2025-06-01T00:00:00Z\n")
    out = _out("--lang", lang, "rank", "budget-revenue-plan-2024", "--format", "table", width=200)
    said = _unwrapped(out)
    if lang == "en":
        assert "18,250[1] billion VND (2024)" in out, out
        assert (
            "[1] State budget revenue collected in the area (Cẩm Phả) 2024: 18,000 billion VND → 18,250 billion VND "
            "(official, recorded 2025-06-01; source: Cục Thống kê)"
        ) in said
    else:
        assert "18.250[1] tỷ đồng" in out, out
        assert (
            "[1] Thu ngân sách nhà nước trên địa bàn (Cẩm Phả) 2024: 18.000 tỷ đồng → 18.250 tỷ đồng "
            "(chính thức, ghi nhận 01/06/2025; nguồn: Cục Thống kê)"
        ) in said
    assert "\x1b[" not in out
    # Machine output unchanged: no mark in the CSV.
    assert "[1]" not in _out("rank", "budget-revenue-plan-2024", "--format", "csv")


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_reports_breakdown_table_marks_a_units_revised_figure(shipped: Path, fmt: str):
    # The report's table of budget-revenue-plan-2024's units, as rank's: Cẩm Phả's 2024
    # figure 18000 revised to 18250 reads "18,250[1] billion VND (2024)", its legend under
    # that table. The summary's own mark (grdp_growth 2023) is [1] of the summary's legend.
    with open(shipped / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("budget_revenue[locality=Cẩm Phả],2024,18250,official,Cục Thống kê,,2025-06-01T00:00:00Z\n")
    out = _out("report", "budget-revenue-plan-2024", "--format", fmt)
    if fmt == "markdown":
        import re

        out = re.sub(r"\\(.)", r"\1", out)
    assert "18,250[1] billion VND (2024)" in out, out
    assert (
        (
            "[1] State budget revenue collected in the area (Cẩm Phả) 2024: 18,000 billion VND "
            + ("→" if fmt == "markdown" else '<span role="img" aria-label="to">→</span>')  # said "to" in HTML
            + " 18,250 billion VND "
            "(official, recorded 2025-06-01; source: Cục Thống kê)"
        )
        in _unwrapped(out)
    )
