"""Issue 17, twenty-fifth session: where a replaced figure came from, in every output that
says a figure was revised.

Every output said the value a figure in force replaced (`revises`, `latest_revises`, the
legend's "11.02 → 11.03"), but where that replaced figure came from (its source, and when
it was recorded) only `qntrack history` said. A journalist citing "the province revised
2023 growth from 11.02 to 11.03" must name both publications; an officer must see which
report the old figure was in. Each test was written failing first; the expected values
are read by hand off the shipped observations.csv:

- line 29: grdp_growth 2023 11.02, estimate, baohaiduong.vn (SOURCE_FIRST), recorded
  2023-11-24T00:00:00Z;
- line 30: grdp_growth 2023 11.03, estimate, vietnamnet.vn (SOURCE_SECOND), recorded
  2023-11-27T00:00:00Z: it replaced line 29.
- line 82: budget_revenue[locality=Cẩm Phả] 2024 18000, estimate, vietnam.vn
  (SOURCE_CAM_PHA), recorded 2025-01-15T00:00:00Z, a first figure.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from helpers import run_clean
from qntrack import cache

SOURCE_FIRST = "https://baohaiduong.vn/quang-ninh-lap-ky-tich-9-nam-lien-tiep-tang-truong-grdp-hai-con-so-364640.html"
SOURCE_SECOND = (
    "https://vietnamnet.vn/tang-truong-grdp-quang-ninh-uoc-dat-11-03-dung-dau-khu-vuc-dong-bang-song-hong-2220375.html"
)
SOURCE_CAM_PHA = "https://vietnam.vn/de/tp-cam-pha-vuot-kho-khan-khoi-thong-nguon-luc-de-kinh-te-but-pha"

COLD = {"QNTRACK_NO_CACHE": "1"}


def _out(*args: str, env: dict[str, str] | None = None) -> str:
    r = run_clean(*args, env=env)
    assert r.exit_code == 0, r.output
    return r.stdout


def _targets(*args: str, env: dict[str, str] | None = None) -> dict[str, dict]:
    doc = json.loads(_out("status", "--format", "json", *args, env=env))
    return {t["id"]: t for t in doc["targets"]}


def _csv_rows(text: str, sep: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=sep))


def _unwrapped(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def _append(folder: Path, *rows: str) -> None:
    with (folder / "observations.csv").open("a", encoding="utf-8") as fh:
        fh.writelines(row + "\n" for row in rows)


# --- 1. JSON: revises_source and revises_recorded_at after revises ---------------------------


def test_status_json_names_the_replaced_figures_source_and_day(shipped: Path):
    latest = _targets()["grdp-growth-plan-2023"]["latest"]
    assert (latest["value"], latest["source"], latest["revises"]) == (11.03, SOURCE_SECOND, 11.02)
    assert latest["revises_source"] == SOURCE_FIRST  # line 29's
    assert latest["revises_recorded_at"] == "2023-11-24T00:00:00Z"  # as recorded_at is written
    # At the end of the object, after revises (a published figure has no parts_revised);
    # the figure's note after them (session 46).
    assert list(latest)[-5:] == ["revises", "revises_source", "revises_recorded_at", "revises_status", "note"]


def test_a_first_figure_has_both_null(shipped: Path):
    latest = _targets()["grdp-growth-plan-2024"]["latest"]  # 2024: 8.42, one row
    assert (latest["revises"], latest["revises_source"], latest["revises_recorded_at"]) == (None, None, None)


def test_every_period_and_milestones_judged_on_say_it_too(shipped: Path):
    targets = _targets()
    periods = {p["period"]: p for p in targets["grdp-double-digit"]["details"]["periods"]}
    assert (periods["2023"]["revises_source"], periods["2023"]["revises_recorded_at"]) == (
        SOURCE_FIRST,
        "2023-11-24T00:00:00Z",
    )
    assert periods["2015"]["revises_source"] is None
    # A milestone judged on the revised 2023 figure gives its judged_on the same way.
    judged = [
        m["judged_on"]
        for t in targets.values()
        if t["indicator"] == "grdp_growth"
        for m in t["milestones"]
        if m["judged_on"] and m["judged_on"]["period"] == "2023"
    ]
    for j in judged:
        assert (j["revises"], j["revises_source"]) == (11.02, SOURCE_FIRST)


def test_observations_history_and_show_json_say_it(shipped: Path):
    rows = json.loads(_out("observations", "-i", "grdp_growth", "--format", "json"))["observations"]
    (row,) = [o for o in rows if o["period"] == "2023"]
    assert list(row)[-4:] == ["revises", "revises_source", "revises_recorded_at", "revises_status"]
    assert (row["revises_source"], row["revises_recorded_at"]) == (SOURCE_FIRST, "2023-11-24T00:00:00Z")
    vintages = json.loads(_out("history", "grdp_growth", "2023", "--format", "json"))["vintages"]
    assert [(v["value"], v["revises_source"], v["revises_recorded_at"]) for v in vintages] == [
        (11.03, SOURCE_FIRST, "2023-11-24T00:00:00Z"),
        (11.02, None, None),  # the first: replaced nothing
    ]
    shown = json.loads(_out("show", "grdp-growth-plan-2023", "--format", "json"))
    assert (shown["latest"]["revises_source"], shown["latest"]["revises_recorded_at"]) == (
        SOURCE_FIRST,
        "2023-11-24T00:00:00Z",
    )
    (figure,) = [o for o in shown["observations"] if o["period"] == "2023"]
    assert figure["revises_source"] == SOURCE_FIRST


def test_a_units_revision_in_status_breakdown_and_rank(shipped: Path):
    # Cẩm Phả 2024 was 18000 (line 82); revised to 18250 by "Finance department" on 2025-03-01.
    _append(shipped, "budget_revenue[locality=Cẩm Phả],2024,18250,official,Finance department,,2025-03-01T00:00:00Z")
    units = json.loads(_out("rank", "budget-revenue-plan-2024", "--format", "json"))["units"]
    (cam_pha,) = [u for u in units if u["dims"]["locality"] == "Cẩm Phả"]
    assert (cam_pha["latest"]["revises"], cam_pha["latest"]["revises_source"]) == (18000.0, SOURCE_CAM_PHA)
    assert cam_pha["latest"]["revises_recorded_at"] == "2025-01-15T00:00:00Z"
    for env in (None, COLD, None):
        target = _targets("budget-revenue-plan-2024", env=env)["budget-revenue-plan-2024"]
        (unit,) = [u for u in target["breakdown"] if u["dims"]["locality"] == "Cẩm Phả"]
        assert unit["latest"] == cam_pha["latest"]


# --- 2. CSV/TSV: four columns at the end -------------------------------------------------------


@pytest.mark.parametrize("fmt,sep", [("csv", ","), ("tsv", "\t")])
def test_status_csv_ends_with_where_the_replaced_figures_came_from(shipped: Path, fmt: str, sep: str):
    text = _out("status", "--format", fmt)
    header = text.splitlines()[0].split(sep)
    at = header.index("as_of")  # named, not counted from the end (twenty-eighth session)
    assert header[at : at + 5] == [  # then the two *_revises_status (twenty-seventh session)
        "as_of",
        "latest_revises_source",
        "latest_revises_recorded_at",
        "provisional_revises_source",
        "provisional_revises_recorded_at",
    ]
    rows = {r["id"]: r for r in _csv_rows(text, sep)}
    row = rows["grdp-growth-plan-2023"]
    assert (row["latest_revises"], row["latest_revises_source"], row["latest_revises_recorded_at"]) == (
        "11.02",
        SOURCE_FIRST,
        "2023-11-24T00:00:00Z",
    )
    assert (row["provisional_revises_source"], row["provisional_revises_recorded_at"]) == ("", "")
    first = rows["grdp-growth-plan-2024"]
    assert (first["latest_revises_source"], first["latest_revises_recorded_at"]) == ("", "")


def test_status_by_unit_csv_gives_a_units_too(shipped: Path):
    _append(shipped, "budget_revenue[locality=Cẩm Phả],2024,18250,official,Finance department,,2025-03-01T00:00:00Z")
    rows = _csv_rows(_out("status", "budget-revenue-plan-2024", "--by", "locality", "--format", "csv"))
    (cam_pha,) = [r for r in rows if r["locality"] == "Cẩm Phả"]
    assert (cam_pha["latest_revises"], cam_pha["latest_revises_source"]) == ("18000.0", SOURCE_CAM_PHA)
    assert cam_pha["latest_revises_recorded_at"] == "2025-01-15T00:00:00Z"


# --- 3. the legend: the replaced figure's source and day ---------------------------------------

LEGEND_TAIL = {
    "en": f", replacing 11.02% y/y (recorded 2023-11-24; source: {SOURCE_FIRST})",
    "vi": f", thay cho số liệu 11,02% so với cùng kỳ (ghi nhận 24/11/2023; nguồn: {SOURCE_FIRST})",
}
LEGEND_HEAD = {
    "en": f"[1] GRDP growth 2023: 11.02% y/y → 11.03% y/y (estimate, recorded 2023-11-27; source: {SOURCE_SECOND})",
    "vi": "[1] Tốc độ tăng trưởng GRDP 2023: 11,02% so với cùng kỳ → 11,03% so với cùng kỳ "
    f"(ước tính, ghi nhận 27/11/2023; nguồn: {SOURCE_SECOND})",
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_status_tables_legend_names_the_replaced_figures_source(shipped: Path, lang: str):
    for env in ({"COLUMNS": "400"}, {"COLUMNS": "400", **COLD}, {"COLUMNS": "400"}):
        out = _out("--lang", lang, "status", "--format", "table", "grdp-growth-plan-2023", env=env)
        assert LEGEND_HEAD[lang] + LEGEND_TAIL[lang] in _unwrapped(out)
    # Read at 80 columns: the legend folded, no line wider than the terminal, the replaced
    # figure's source in it (the address cut where the line ends, as the other one is).
    narrow = _out("--lang", lang, "status", "--format", "table", "grdp-growth-plan-2023", env={"COLUMNS": "80"})
    assert max(len(line) for line in narrow.splitlines()) <= 80
    assert SOURCE_FIRST[:40] in narrow


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_markdown_reports_legend_names_it_too(shipped: Path, lang: str):
    import re

    out = re.sub(r"\\(.)", r"\1", _out("--lang", lang, "report", "--format", "markdown"))
    assert LEGEND_HEAD[lang] + LEGEND_TAIL[lang] in _unwrapped(out)


def test_a_revised_month_of_a_sum_names_its_replaced_figures_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    from test_numbers22 import _PLAN, _REVISED

    # February 30 (MOIT, 2025-03-06) revised to 40 on 2025-04-10; the first quarter 100.
    make_tracker(tmp_path, monkeypatch, _PLAN, _REVISED)
    args = ("status", "--format", "table", "--as-of", "2025-04-30")
    out = _unwrapped(_out(*args, env={"COLUMNS": "200"}))
    assert (
        "Export turnover 2025-02: 30 billion USD → revised, a part of 2025-Q1 (periods added up); "
        "the figure replaced: recorded 2025-03-06; source: MOIT"
    ) in out
    assert _unwrapped(_out(*args, env={"COLUMNS": "200", **COLD})) == out


# --- 4. the status cache: cold, cached and after an append the same ----------------------------


@pytest.fixture
def cold_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    runs: list[int] = []
    real = cache._cold

    def counted(*args, **kwargs):
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(cache, "_cold", counted)
    return runs


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_cached_and_cold_agree_before_and_after_a_revision_is_appended(shipped: Path, cold_runs: list[int], fmt: str):
    env = {"COLUMNS": "400"}  # the legend's addresses whole on their lines

    def both() -> str:
        warm = _out("status", "--format", fmt, env=env)
        assert warm == _out("status", "--format", fmt, env={**env, **COLD})
        return warm

    both()
    assert SOURCE_FIRST in both()  # served from the cache: the replaced figure's source kept
    assert len(cold_runs) == 1
    # 2024 growth 8.42 (line 35, recorded 2025-02-07, a first figure) revised by the yearbook: the
    # row appended, the cache brings its revisions up to date (cache/revisions.py), not cold.
    _append(shipped, "grdp_growth,2024,8.5,official,Yearbook 2024,,2025-06-30T00:00:00Z")
    after = both()
    assert len(cold_runs) == 1, "answered cold"
    if fmt == "json":
        latest = json.loads(after)["targets"]
        (plan_2024,) = [t for t in latest if t["id"] == "grdp-growth-plan-2024"]
        assert plan_2024["latest"]["value"] == 8.5
        assert plan_2024["latest"]["revises"] == 8.42
        assert plan_2024["latest"]["revises_recorded_at"] == "2025-02-07T00:00:00Z"
    # Revised again: what the figure replaced is now the yearbook's.
    _append(shipped, "grdp_growth,2024,8.55,official,Yearbook 2024 (corrected),,2025-07-15T00:00:00Z")
    again = both()
    if fmt == "json":
        (plan_2024,) = [t for t in json.loads(again)["targets"] if t["id"] == "grdp-growth-plan-2024"]
        assert (plan_2024["latest"]["revises"], plan_2024["latest"]["revises_source"]) == (8.5, "Yearbook 2024")
        assert plan_2024["latest"]["revises_recorded_at"] == "2025-06-30T00:00:00Z"
    elif fmt == "csv":
        (row,) = [r for r in _csv_rows(again) if r["id"] == "grdp-growth-plan-2024"]
        assert (row["latest_revises_source"], row["latest_revises_recorded_at"]) == (
            "Yearbook 2024",
            "2025-06-30T00:00:00Z",
        )
    else:
        assert "replacing 8.5% y/y (recorded 2025-06-30; source: Yearbook 2024)" in _unwrapped(again)


def test_the_cache_format_was_bumped():
    # The payload keeps what it did not before (each figure replaced's source and day): a
    # cache of the format before is never read as this one.
    from qntrack.cache import keeping

    # 13 since the twenty-seventh session (tests/test_s27_d.py), which bumped it again.
    assert keeping.FORMAT >= 12
    assert keeping._MAGIC == f"qntrack status cache {keeping.FORMAT}\n".encode()


# --- 5. --as-of: the vintage in force before the new one, as of that day -----------------------


def test_as_of_a_day_between_two_revisions(shipped: Path):
    # 2023: 11.02 (2023-11-24, SOURCE_FIRST), 11.03 (2023-11-27, SOURCE_SECOND), then the
    # yearbook's 11.1 (2024-06-30): revised twice.
    _append(shipped, "grdp_growth,2023,11.1,official,Yearbook 2023,,2024-06-30T00:00:00Z")
    for env in (None, COLD):
        then = _targets("--as-of", "2024-01-01", env=env)["grdp-growth-plan-2023"]["latest"]
        assert (then["value"], then["revises"], then["revises_source"], then["revises_recorded_at"]) == (
            11.03,
            11.02,
            SOURCE_FIRST,
            "2023-11-24T00:00:00Z",
        )
        now = _targets(env=env)["grdp-growth-plan-2023"]["latest"]
        assert (now["value"], now["revises"], now["revises_source"], now["revises_recorded_at"]) == (
            11.1,
            11.03,
            SOURCE_SECOND,
            "2023-11-27T00:00:00Z",
        )
        # Before the first revision: a first figure.
        first = _targets("--as-of", "2023-11-25", env=env)["grdp-growth-plan-2023"]["latest"]
        assert (first["value"], first["revises_source"], first["revises_recorded_at"]) == (11.02, None, None)
    rows = _csv_rows(_out("history", "grdp_growth", "2023", "--as-of", "2024-01-01", "--format", "csv"))
    assert [(r["value"], r["revises_source"]) for r in rows] == [("11.03", SOURCE_FIRST), ("11.02", "")]
    table = _unwrapped(_out("status", "--format", "table", "--as-of", "2024-01-01", env={"COLUMNS": "200"}))
    assert f"replacing 11.02% y/y (recorded 2023-11-24; source: {SOURCE_FIRST})" in table


def test_after_a_retraction_the_figure_replaced_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    plan = (
        "indicators:\n  share: {name: Share, unit: '%'}\n"
        "targets:\n  - {id: share-2025, type: level, indicator: share, baseline: {period: 2020, value: 10},"
        " milestones: [{by: 2025, value: 15}]}\n"
    )
    store = (
        "indicator,period,value,status,source,note,recorded_at\n"
        "share,2020,10,official,A,,2021-01-01T00:00:00Z\n"
        "share,2023,12.3,estimate,B,,2024-01-01T00:00:00Z\n"
        "share,2023,,retracted,C,typo,2024-02-01T00:00:00Z\n"
        "share,2023,12.1,official,D,,2024-03-01T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, plan, store)
    for env in (None, COLD, None):
        latest = _targets(env=env)["share-2025"]["latest"]
        assert (latest["value"], latest["revises"], latest["revises_source"], latest["revises_recorded_at"]) == (
            12.1,
            None,
            None,
            None,
        )
    # history: the retraction withdrew 12.3 of B, recorded 2024-01-01; 12.1 replaced none.
    vintages = json.loads(_out("history", "share", "2023", "--format", "json"))["vintages"]
    assert [(v["value"], v["revises"], v["revises_source"], v["revises_recorded_at"]) for v in vintages] == [
        (12.1, None, None, None),
        (None, 12.3, "B", "2024-01-01T00:00:00Z"),
        (12.3, None, None, None),
    ]


def test_shows_list_of_periods_legend_names_it_too(shipped: Path):
    # show's every-period list marks 2023's 11.03 and says under it what it replaced.
    out = _unwrapped(_out("show", "grdp-double-digit", "--format", "table", env={"COLUMNS": "400"}))
    assert f"replacing 11.02% y/y (recorded 2023-11-24; source: {SOURCE_FIRST})" in out


def test_ranks_table_legend_names_a_units_replaced_figure(shipped: Path):
    _append(shipped, "budget_revenue[locality=Cẩm Phả],2024,18250,official,Finance department,,2025-03-01T00:00:00Z")
    out = _unwrapped(_out("rank", "budget-revenue-plan-2024", "--format", "table", env={"COLUMNS": "400"}))
    assert f"(recorded 2025-01-15; source: {SOURCE_CAM_PHA})" in out
    assert ", replacing 18,000 billion VND (recorded 2025-01-15;" in out


def test_report_json_says_it_as_status_does(shipped: Path):
    doc = json.loads(_out("report", "--format", "json"))
    (target,) = [t for t in doc["targets"] if t["id"] == "grdp-growth-plan-2023"]
    assert (target["latest"]["revises_source"], target["latest"]["revises_recorded_at"]) == (
        SOURCE_FIRST,
        "2023-11-24T00:00:00Z",
    )


def test_the_workbooks_summary_says_where_the_figure_revised_came_from(shipped: Path):
    import datetime

    import openpyxl

    for lang, sheet in (("en", "Summary"), ("vi", "Tổng hợp")):
        assert run_clean("--lang", lang, "report", "--format", "xlsx", "-o", f"r-{lang}.xlsx").exit_code == 0
        ws = openpyxl.load_workbook(shipped / f"r-{lang}.xlsx")[sheet]
        rows = {row[2]: row for row in ws.iter_rows(min_row=2, values_only=True)}
        # Columns U and V, before the latest figure's kind and source (twenty-seventh
        # session) and the twenty-eighth's two: line 29's source, and its day as a date cell
        # (as the Figures sheet writes recorded_at).
        assert rows["grdp-growth-plan-2023"][20:22] == (
            SOURCE_FIRST,
            datetime.datetime(2023, 11, 24, 7),
        )  # 07:00 in the plan's zone
        assert rows["grdp-growth-plan-2024"][20:22] == (None, None)  # a first figure
