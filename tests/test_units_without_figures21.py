"""Declared units without a figure (issue 17, twenty-first session): a unit a breakdown's
dimension declares, that existed during the target's periods and has no figure at all, is
listed after the judged units, not available, "no figure recorded for this unit yet", in
every output that lists the units; the roll-up still summarises the judged units alone
and says how many, and which, have no figure (methodology.md, "Breakdowns").
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from conftest import dedent, make_tracker
from helpers import run_clean

PLAN = dedent("""
    title: Units without figures
    dimensions:
      locality:
        name: {en: Locality, vi: Địa phương}
        values:
          - Alpha
          - Beta
          - Gamma
          - {value: Old Town, until: "2023-12-31"}
          - {value: Delta, since: "2024-07-01"}
          - {value: New Ward, since: "2025-07-01"}
      sex:
        name: {en: Sex, vi: Giới tính}
    indicators:
      fdi:
        name: FDI
        unit: mn USD
        measure: flow
        dimensions: [locality]
      share:
        name: Share
        unit: "%"
        dimensions: [locality]
      pay:
        name: Pay
        unit: mn VND
        dimensions: [sex]
    targets:
      - id: fdi-2024
        type: plan
        indicator: fdi
        period: 2024
        value: 100
        for_each: locality
        overrides:
          Gamma: {value: 30}
      - id: share-2024
        indicator: share
        baseline: 2020
        milestones: [{by: 2024, value: 15}]
        for_each: locality
      - id: pay-2025
        indicator: pay
        baseline: 2020
        milestones: [{by: 2025, value: 15}]
        for_each: sex
""")

STORE = dedent("""
    indicator,period,value,status,source,note,recorded_at
    fdi,2024,100,official,,,2025-03-01T00:00:00Z
    fdi[locality=Alpha],2024,44,official,,,2025-03-01T00:00:00Z
    share[locality=Beta],2020,10,official,,,2021-03-01T00:00:00Z
    share[locality=Beta],2023,12,official,,,2024-03-01T00:00:00Z
    pay[sex=female],2020,10,official,,,2021-03-01T00:00:00Z
    pay[sex=female],2023,12,official,,,2024-03-01T00:00:00Z
""")


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QNTRACK_NO_CACHE", "1")
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


def status_json(*args: str, env: dict[str, str] | None = None) -> dict:
    r = run_clean("status", "--format", "json", "--as-of", "2025-06-01", *args, env=env)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def target(doc: dict, tid: str) -> dict:
    return next(t for t in doc["targets"] if t["id"] == tid)


def test_a_declared_unit_without_a_figure_is_listed_after_the_judged_ones(plan: Path):
    t = target(status_json(), "fdi-2024")
    # Judged: Alpha (a figure, no plan of its own: no_amount_for_unit) and Gamma (its own
    # plan of 30, no figure: listed as before). Without a figure, in the declared order:
    # Beta, and Delta (formed on 1 July 2024, so it existed in 2024). Old Town ended on 31
    # December 2023, before 2024: not listed; New Ward began in 2025, after it: not listed.
    names = [u["dims"]["locality"] for u in t["breakdown"]]
    assert names == ["Alpha", "Gamma", "Beta", "Delta"]
    by = {u["dims"]["locality"]: u for u in t["breakdown"]}
    for name in ("Beta", "Delta"):
        u = by[name]
        assert u["status"] == "not_available" and u["reason"] == "no_figures"
        assert u["latest"] is None and u["own_values"] is False and u["without_figure"] is True
    assert by["Alpha"]["without_figure"] is False and by["Gamma"]["without_figure"] is False
    # The roll-up counts the 2 judged units only (both not available), and says the 2 without.
    rollup = t["rollup"]
    assert rollup["count"] == 2
    assert rollup["by_status"]["not_available"] == 2
    assert rollup["without_figure"] == 2
    assert rollup["units_without_figure"] == [{"locality": "Beta"}, {"locality": "Delta"}]


def test_a_level_target_lists_units_that_existed_in_a_milestone_year(plan: Path):
    t = target(status_json(), "share-2024")
    # Milestone 2024: Old Town (ended 2023) existed in no milestone year and New Ward
    # (formed 2025) neither: neither listed. Beta judged (10 -> 12); Alpha, Gamma, Delta
    # (existed from July 2024) without a figure, in the declared order.
    assert [u["dims"]["locality"] for u in t["breakdown"]] == ["Beta", "Alpha", "Gamma", "Delta"]
    assert t["rollup"]["count"] == 1 and t["rollup"]["without_figure"] == 3
    # The roll-up's status is Beta's alone: 10 -> 12 over 2020-2023, growth 1.2^(1/3) - 1 =
    # 0.0626586; needed 1.5^(1/4) - 1 = 0.1066819 to reach 15 by 2024; P = 0.587337 < 0.6:
    # score = 4.1667 x 0.587337 - 2.5 = -0.0527: limited progress (units without a figure
    # would have made no difference to the mean, but they are not counted either).
    assert sum(t["rollup"]["by_status"].values()) == 1


def test_an_open_dimension_changes_nothing(plan: Path):
    t = target(status_json(), "pay-2025")
    # sex declares no values: any unit is accepted, none can be missing.
    assert [u["dims"] for u in t["breakdown"]] == [{"sex": "female"}]
    assert t["rollup"]["count"] == 1
    assert t["rollup"]["without_figure"] == 0 and t["rollup"]["units_without_figure"] == []


def test_status_by_csv_and_table_list_them(plan: Path):
    r = run_clean("status", "--by", "locality", "--format", "csv", "--as-of", "2025-06-01", "fdi-2024")
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(row["locality"], row["status"], row["reason"]) for row in rows] == [
        # The total: 100 of a plan of 100, recorded 2025-03-01, before the --as-of day.
        ("", "target_achieved", ""),
        ("Alpha", "not_available", "no_amount_for_unit"),
        # Gamma has its own plan and no figure: judged, as before, with the same reason code.
        ("Gamma", "not_available", "no_figures"),
        ("Beta", "not_available", "no_figures"),
        ("Delta", "not_available", "no_figures"),
    ]
    table = run_clean("status", "--by", "locality", "--format", "table", "--as-of", "2025-06-01", "fdi-2024")
    assert "↳ Beta" in table.stdout and "↳ Delta" in table.stdout
    assert "no figure recorded for this unit yet" in table.stdout
    assert "Old Town" not in table.stdout and "New Ward" not in table.stdout
    vi = run_clean("--lang", "vi", "status", "--by", "locality", "--format", "table", "--as-of", "2025-06-01")
    assert "đơn vị chưa có số liệu nào" in vi.stdout


def test_rank_lists_them_last_sharing_one_rank(plan: Path):
    r = run_clean("rank", "fdi-2024", "--format", "json", "--as-of", "2025-06-01")
    assert r.exit_code == 0, r.output
    units = json.loads(r.stdout)["units"]
    # Alpha has a figure (rank 1, before the units with none); Gamma (own plan, no figure)
    # ties with Beta and Delta on every key: all not available, nothing else: rank 2 each.
    assert [(u["dims"]["locality"], u["rank"]) for u in units] == [
        ("Alpha", 1),
        ("Gamma", 2),
        ("Beta", 2),
        ("Delta", 2),
    ]


def test_show_lists_them(plan: Path):
    r = run_clean("show", "fdi-2024", "--as-of", "2025-06-01")
    assert r.exit_code == 0, r.output
    assert "Beta" in r.stdout and "Delta" in r.stdout and "Old Town" not in r.stdout


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        # fdi-2024: Alpha and Gamma judged, both not available (no score), of the 4 listed;
        # Beta and Delta without a figure.
        (
            "en",
            "2 units: 2 not available; combined: Not available. 2 of 4 units judged; 2 without a figure: Beta, Delta",
        ),
        # share-2024: Beta judged, of the 4 listed; Alpha, Gamma, Delta without a figure.
        ("vi", "1/4 đơn vị được đánh giá; 3 đơn vị chưa có số liệu: Alpha, Gamma, Delta"),
    ],
)
def test_the_report_says_how_many_and_which(plan: Path, lang: str, line: str):
    r = run_clean("--lang", lang, "report", "--as-of", "2025-06-01", "-o", "r.md")
    assert r.exit_code == 0, r.output
    text = Path("r.md").read_text(encoding="utf-8")
    assert line in text
    # Each named among the units not assessed, with the reason.
    reason = "no figure recorded for this unit yet" if lang == "en" else "đơn vị chưa có số liệu nào"
    assert f"Delta: {reason}" in text


def test_the_cache_gives_what_the_plain_path_gives(plan: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("QNTRACK_NO_CACHE", raising=False)
    for args in (("--format", "json"), ("--by", "locality", "--format", "csv"), ("--by", "locality")):
        cold = run_clean("status", "--as-of", "2025-06-01", *args, env={"QNTRACK_NO_CACHE": "1"})
        run_clean("status", "--as-of", "2025-06-01", *args)  # fills the cache
        warm = run_clean("status", "--as-of", "2025-06-01", *args)
        assert cold.exit_code == warm.exit_code == 0
        assert warm.stdout == cold.stdout


def test_the_shipped_plan_names_the_ten_localities_without_a_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = Path(__file__).resolve().parents[1]
    for name in ("targets.yaml", "observations.csv"):
        shutil.copyfile(root / name, tmp_path / name)
    make = tmp_path / "targets.yaml"
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    r = run_clean("-t", str(make), "status", "--format", "json", "budget-revenue-plan-2024")
    assert r.exit_code == 0, r.output
    t = json.loads(r.stdout)["targets"][0]
    # 13 district-level localities declared until 30 June 2025, all existing in 2024; the
    # two special zones formed on 1 July 2025 did not. Figures: Hạ Long, Cẩm Phả, Móng Cái.
    assert t["rollup"]["count"] == 3 and t["rollup"]["without_figure"] == 10
    assert [u["locality"] for u in t["rollup"]["units_without_figure"]] == [
        "Uông Bí",
        "Đông Triều",
        "Quảng Yên",
        "Vân Đồn",
        "Cô Tô",
        "Tiên Yên",
        "Bình Liêu",
        "Đầm Hà",
        "Hải Hà",
        "Ba Chẽ",
    ]
    assert len(t["breakdown"]) == 13


def test_a_unit_whose_figures_were_withdrawn_is_said_once_as_withdrawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    store = STORE + dedent("""
        fdi[locality=Beta],2024,5,official,,,2025-03-01T00:00:00Z
        fdi[locality=Beta],2024,,retracted,GSO,wrong unit,2025-04-01T00:00:00Z
    """)
    make_tracker(tmp_path, monkeypatch, PLAN, store)
    monkeypatch.setenv("QNTRACK_NO_CACHE", "1")
    t = target(status_json(), "fdi-2024")
    # Beta's only figure withdrawn: no series in force, so not judged (as before) and not
    # among the units without a figure either: the withdrawn line names it, once.
    assert [u["dims"]["locality"] for u in t["breakdown"]] == ["Alpha", "Gamma", "Delta"]
    assert t["rollup"]["units_without_figure"] == [{"locality": "Delta"}]
    table = run_clean("status", "--by", "locality", "--format", "table", "--as-of", "2025-06-01", "fdi-2024")
    assert table.stdout.count("↳ Beta") == 1 and "All figures withdrawn" in table.stdout


def test_before_a_units_first_figure_as_of_lists_it_without_one(plan: Path):
    # --as-of 2024-12-31: Alpha's 2024 figure was recorded on 2025-03-01, so by that day
    # no unit of fdi-2024 had a figure: Gamma (own plan) judged, Alpha, Beta, Delta without.
    r = run_clean("status", "--format", "json", "--as-of", "2024-12-31")
    t = target(json.loads(r.stdout), "fdi-2024")
    assert [u["dims"]["locality"] for u in t["breakdown"]] == ["Gamma", "Alpha", "Beta", "Delta"]
    assert t["rollup"]["count"] == 1 and t["rollup"]["without_figure"] == 3


def test_the_workbook_and_web_page_list_them(plan: Path):
    from openpyxl import load_workbook

    r = run_clean("report", "--as-of", "2025-06-01", "--format", "xlsx", "-o", "r.xlsx")
    assert r.exit_code == 0, r.output
    book = load_workbook("r.xlsx")
    cells = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert any("Delta" in c for c in cells) and any("no figure recorded for this unit yet" in c for c in cells)
    r = run_clean("report", "--as-of", "2025-06-01", "--format", "html", "-o", "r.html")
    assert r.exit_code == 0, r.output
    assert "2 of 4 units judged; 2 without a figure: Beta, Delta" in Path("r.html").read_text(encoding="utf-8")


def test_the_word_document_says_them(plan: Path):
    import zipfile

    r = run_clean("report", "--as-of", "2025-06-01", "--format", "docx", "-o", "r.docx")
    assert r.exit_code == 0, r.output
    xml = zipfile.ZipFile("r.docx").read("word/document.xml").decode("utf-8")
    assert "2 of 4 units judged; 2 without a figure: Beta, Delta" in xml
    assert "Delta: no figure recorded for this unit yet" in xml


def test_a_retraction_elsewhere_keeps_the_units_without_a_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A retraction anywhere in the store sets every target's withdrawals (kinds.withdrawals),
    # which rebuilt each unit and lost its mark: the 10 localities without a figure were
    # then counted in the roll-up (13 units), and the cache, which kept the mark, disagreed.
    root = Path(__file__).resolve().parents[1]
    for name in ("targets.yaml", "observations.csv"):
        shutil.copyfile(root / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    monkeypatch.setenv("QNTRACK_NO_CACHE", "1")
    r = run_clean("retract", "cbct_share", "2023", "--recorded-at", "2025-09-01T00:00:00Z", "--source", "DoIT")
    assert r.exit_code == 0, r.output
    doc = json.loads(run_clean("status", "--format", "json").stdout)
    doc["targets"] = [target(doc, "budget-revenue-plan-2024")]
    rollup = doc["targets"][0]["rollup"]
    # Judged: Hạ Long, Cẩm Phả, Móng Cái (3); without a figure: the other 10 of the 13.
    assert (rollup["count"], rollup["without_figure"]) == (3, 10)
    assert sum(u["without_figure"] for u in doc["targets"][0]["breakdown"]) == 10
