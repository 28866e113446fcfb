"""Issue 17, twenty-seventh session, helper E: follow-ups of the numbers audit and of the
revision legends (each test written failing first; each expected text written by hand from
the catalog's words and the figures below)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

# The helpers and the sum of months of pass D's tests (February, 30 estimated by MOIT on
# 6 March, revised to 40, official, GSO, on 10 April: the first quarter is 30 + 40 + 30 = 100).
from test_s27_d import COLD, WIDE, _SUM_PLAN, _SUM_ROWS, _out, _unwrapped


# --- 1. show of a plan target marks the figure a revised month feeds -----------------------

_SHOW_MARK = {
    "en": "Part-year 100[1] billion USD (2025-Q1, periods added up)",
    "vi": "Chưa đủ năm 100[1] billion USD (2025-Q1, tổng các kỳ)",
}
_SHOW_LEGEND = {
    "en": "Figures that revised an earlier one (the figure replaced → the figure in force): "
    "[1] Export turnover 2025-02: 30 billion USD → revised, a part of 2025-Q1 (periods added up); "
    "the figure replaced: estimate, recorded 2025-03-06; source: MOIT; "
    "the figure in force: 40 billion USD (official, recorded 2025-04-10; source: GSO)",
    "vi": "Số liệu điều chỉnh so với số đã công bố trước đó (số bị thay thế → số liệu đang có hiệu lực): "
    "[1] Export turnover 2025-02: 30 billion USD → đã điều chỉnh, một kỳ trong số liệu 2025-Q1 (tổng các kỳ); "
    "số liệu bị thay thế: ước tính, ghi nhận 06/03/2025; nguồn: MOIT; "
    "số liệu đang có hiệu lực: 40 billion USD (chính thức, ghi nhận 10/04/2025; nguồn: GSO)",
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_show_of_a_plan_marks_the_year_to_date_a_revised_month_feeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _SUM_PLAN, _SUM_ROWS)
    shown = _out("--lang", lang, "show", "exports-2025", "--as-of", "2025-04-30", env=WIDE)
    flat = " ".join(_unwrapped(shown).split())
    assert _SHOW_MARK[lang] in flat, shown
    assert _SHOW_LEGEND[lang] in flat, shown
    # The legend comes before the table of observations, under the figures it explains.
    assert flat.index(_SHOW_LEGEND[lang]) < flat.index("2025-01 30 billion USD"), shown


def test_show_of_a_level_target_marks_its_latest_revised_figure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import make_tracker

    plan = _SUM_PLAN.replace("frequency: month", "frequency: year") + (
        "  - id: exports-level\n    type: level\n    indicator: exports\n    baseline: {period: 2023}\n"
        "    milestones:\n      - {by: 2027, value: 500}\n"
    )
    rows = (
        "indicator,period,value,status,source,note,recorded_at\n"
        "exports,2023,300,official,MOIT,,2024-02-06T00:00:00Z\n"
        "exports,2024,350,estimate,MOIT,,2024-12-20T00:00:00Z\n"
        "exports,2024,360,official,GSO,,2025-02-20T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, plan, rows)
    flat = " ".join(_unwrapped(_out("show", "exports-level", env=WIDE)).split())
    assert "Latest 360[1] billion USD (2024)" in flat, flat
    assert (
        "[1] Export turnover 2024: 350 billion USD → 360 billion USD (official, recorded 2025-02-20; source: GSO), "
        "replacing 350 billion USD (recorded 2024-12-20; source: MOIT)"
    ) in flat, flat
    # Said once, under the facts, before the milestones.
    assert flat.count("[1] Export turnover") == 1
    assert flat.index("[1] Export turnover") < flat.index("Milestones")


# --- 2. revises_status: the status of the figure replaced, in the JSON and the CSV ------------

# The shipped store: grdp_growth 2025 = 11.89, estimate, recorded 2026-01-07; recorded again
# below as the same 11.89, official, from GSO on 2026-03-01: the status alone changed, and the
# JSON said "revises": 11.89 with nothing of the estimate it replaced.


def _official_2025() -> None:
    r = run_clean("add-observation", "grdp_growth", "2025", "11.89", "--status", "official", "--source", "GSO",
                  "--recorded-at", "2026-03-01T00:00:00Z")  # fmt: skip
    assert r.exit_code == 0, r.output


def _status_json(*ids: str, env: dict[str, str] | None = None) -> dict[str, dict]:
    import json

    doc = json.loads(_out("status", "--format", "json", *ids, env=env))
    return {t["id"]: t for t in doc["targets"]}


def test_the_status_json_says_the_status_of_the_figure_replaced_last(shipped: Path) -> None:
    _status_json()  # a cache made before the revision, brought up to date after it
    _official_2025()
    for env in (None, COLD):
        targets = _status_json("grdp-growth-plan-2025", "grdp-growth-plan-2023", env=env)
        latest = targets["grdp-growth-plan-2025"]["latest"]
        assert (latest["status"], latest["revises"], latest["revises_status"]) == ("official", 11.89, "estimate")
        assert list(latest)[-5:-1] == [
            "revises",
            "revises_source",
            "revises_recorded_at",
            "revises_status",
        ]  # note last (46th)
        # 2023: 11.03 (estimate) replaced 11.02, an estimate too.
        assert targets["grdp-growth-plan-2023"]["latest"]["revises_status"] == "estimate"


def test_revises_status_is_null_where_nothing_was_replaced(shipped: Path) -> None:
    # 2025-H1 = 11.03 replaced none (the shipped store's first figure for that half year).
    targets = _status_json("grdp-growth-plan-2025", env=COLD)
    provisional = targets["grdp-growth-plan-2025"]["provisional"]
    assert provisional is None or provisional["revises"] is None
    r = run_clean("status", "--format", "json", "grdp-growth-plan-2025", "--as-of", "2025-07-10", env=COLD)
    import json

    (target,) = json.loads(r.stdout)["targets"]
    provisional = target["provisional"]
    assert (provisional["period"], provisional["revises"]) == ("2025-H1", None)
    assert list(provisional)[-2] == "revises_status" and provisional["revises_status"] is None  # note last (46th)


def test_the_status_csv_ends_with_the_status_of_each_figure_replaced(shipped: Path) -> None:
    import csv
    import io

    _official_2025()
    for fmt, sep in (("csv", ","), ("tsv", "\t")):
        text = _out("status", "--format", fmt, env=COLD)
        header = text.splitlines()[0].split(sep)
        at = header.index("latest_revises_status")  # source_vi after them (28th session)
        assert header[at : at + 2] == ["latest_revises_status", "provisional_revises_status"]
        assert header.index("provisional_revises_recorded_at") == at - 1
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text), delimiter=sep)}
        row = rows["grdp-growth-plan-2025"]
        assert (row["latest_revises"], row["latest_revises_status"], row["provisional_revises_status"]) == (
            "11.89",
            "estimate",
            "",
        )


def test_a_sum_of_months_has_no_status_replaced_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 2025-Q1 added up replaced nothing itself: its parts_revised say February's.
    import json

    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _SUM_PLAN, _SUM_ROWS)
    (target,) = json.loads(_out("status", "--format", "json", "--as-of", "2025-04-30"))["targets"]
    provisional = target["provisional"]
    assert (provisional["revises"], provisional["revises_status"]) == (None, None)
    assert list(provisional)[-2] == "revises_status"  # the note after it (46th session)


# --- 4. a milestone on the wrong side of the baseline, once the figures moved past it ----------

_SIDE_PLAN = """\
title: T
indicators:
  coal: {name: Coal share, unit: "%", measure: level, direction: decrease}
  jobs: {name: Jobs, unit: thousand, measure: level}
targets:
  - id: coal-t
    type: level
    indicator: coal
    baseline: {period: 2020}
    milestones:
      - {by: 2025, value: 25.51}
  - id: jobs-t
    type: level
    indicator: jobs
    baseline: {period: 2020}
    milestones:
      - {by: 2025, value: 15}
"""

# coal: 25 in 2020, the milestone 25.51 above it though coal is to decrease; 26 in 2023, past
# the milestone the other way: the target reads not achieved (it was "achieved at once").
# jobs: 20 in 2020, the milestone 15 below it though jobs are to increase; 21 in 2023.
_SIDE_ROWS = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "coal,2020,25,official,X,,2021-02-01T00:00:00Z\n"
    "coal,2023,26,official,X,,2024-02-01T00:00:00Z\n"
    "jobs,2020,20,official,X,,2021-02-01T00:00:00Z\n"
    "jobs,2023,21,official,X,,2024-02-01T00:00:00Z\n"
)

_SIDE = {
    "en": [
        "targets.yaml:11:9: warning: target 'coal-t': the milestone 25.51 by 2025 is above the baseline 25 (2020), "
        "though coal is to decrease: it is met before any progress, and the target reads achieved while the figures "
        "stay at or below it; is the direction or the value wrong?",
        "targets.yaml:17:9: warning: target 'jobs-t': the milestone 15 by 2025 is below the baseline 20 (2020), "
        "though jobs is to increase: it is met before any progress, and the target reads achieved while the figures "
        "stay at or above it; is the direction or the value wrong?",
    ],
    "vi": [
        "targets.yaml:11:9: cảnh báo: mục tiêu 'coal-t': mốc 25,51 đến 2025 cao hơn giá trị gốc 25 (2020), trong khi "
        "coal cần giảm: mốc đã đạt trước khi có tiến bộ nào, và mục tiêu được đánh giá là đã đạt chừng nào số liệu "
        "còn bằng hoặc thấp hơn mốc; hướng (direction) hay giá trị bị ghi sai?",
        "targets.yaml:17:9: cảnh báo: mục tiêu 'jobs-t': mốc 15 đến 2025 thấp hơn giá trị gốc 20 (2020), trong khi "
        "jobs cần tăng: mốc đã đạt trước khi có tiến bộ nào, và mục tiêu được đánh giá là đã đạt chừng nào số liệu "
        "còn bằng hoặc cao hơn mốc; hướng (direction) hay giá trị bị ghi sai?",
    ],
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_milestone_side_warning_stays_true_once_the_figures_moved_past(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    import json

    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _SIDE_PLAN, _SIDE_ROWS)
    r = run_clean("--lang", lang, "check", "milestone-side")
    assert r.stderr.splitlines()[:2] == _SIDE[lang], r.stderr
    # 26 is past 25.51 the other way: the target does not read achieved, as the words allow.
    doc = json.loads(_out("status", "--format", "json", "coal-t"))
    assert doc["targets"][0]["status"] != "target_achieved"


# --- 3. a direction-only target's P at the digits that place it between the band's edges ------

_P_PLAN = """\
title: T
indicators:
  a: {name: Alpha, unit: index, measure: level}
  b: {name: Beta, unit: index, measure: level}
  c: {name: Gamma, unit: index, measure: level}
  d: {name: Delta, unit: index, measure: level}
targets:
  - {id: a-t, type: level, indicator: a, baseline: {period: 2020}}
  - {id: b-t, type: level, indicator: b, baseline: {period: 2020}}
  - {id: c-t, type: level, indicator: c, baseline: {period: 2020}}
  - {id: d-t, type: level, indicator: d, baseline: {period: 2020}}
"""
# Each from 100 in 2020, one year on: P is the growth a year, 104.07 / 100 - 1 = 0.0407,
# 0.012, 0.006 and 0.015 (the substantial edge itself); two decimals wrote them 0.04, 0.01,
# 0.01 and 0.02, so a reader could not tell 0.012 (moderate) from 0.006 (moderate, near the
# 0.005 edge) nor check 0.015 against the edge.
_P_ROWS = "indicator,period,value,status,source,note,recorded_at\n" + "".join(
    f"{i},2020,100,official,X,,2021-02-01T00:00:00Z\n{i},2021,{v},official,X,,2022-02-01T00:00:00Z\n"
    for i, v in (("a", "104.07"), ("b", "101.2"), ("c", "100.6"), ("d", "101.5"))
)
_P_TEXT = {"a-t": ("0.0407", "0,0407"), "b-t": ("0.012", "0,012"), "c-t": ("0.006", "0,006"), "d-t": ("0.015", "0,015")}


def test_progress_text_writes_three_significant_digits_below_a_tenth() -> None:
    from qntrack.output.i18n import progress_text

    assert [progress_text(p, "en") for p in (0.0407, 0.015, 0.012, 0.006, 0.0049996, -0.0123)] == [
        "0.0407",
        "0.015",
        "0.012",
        "0.006",
        "0.0049996",  # below the 0.005 edge: never written onto it
        "-0.0123",
    ]
    assert progress_text(0.00187, "vi") == "0,00187"
    # From a tenth up, two decimals as before (and the edges' rule: 0.9492 is 0.949, not 0.95).
    assert [progress_text(p, "en") for p in (0.1, 0.4567, 0.9492, 1.08)] == ["0.1", "0.46", "0.949", "1.08"]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_status_and_show_write_a_direction_only_p_that_places_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _P_PLAN, _P_ROWS)
    k = 0 if lang == "en" else 1
    table = _out("--lang", lang, "status", "--format", "table", env=WIDE)
    for target, texts in _P_TEXT.items():
        line = next(line for line in table.splitlines() if line.strip().startswith(target))
        row = table.splitlines()[table.splitlines().index(line) - 1]  # the name's line holds the figures
        assert f" {texts[k]} " in row, table
        shown = _unwrapped(_out("--lang", lang, "show", target, env=WIDE))
        assert f"{texts[k]} / " in shown, shown  # "P / Score  0.012 / 1.75"


def test_the_reports_write_a_direction_only_p_that_places_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _P_PLAN, _P_ROWS)
    r = run_clean("report", "--format", "markdown", "-o", "r.md")
    assert r.exit_code == 0, r.output
    text = Path("r.md").read_text(encoding="utf-8")
    for en, _ in _P_TEXT.values():
        assert f"| {en} |" in text or f"{en} / " in text, (en, text)


# --- 5. a milestone met before its deadline, said in the sentences ------------------------------

_EARLY_PLAN = """\
title: T
indicators:
  share: {name: Manufacturing share, unit: "%", measure: level}
targets:
  - id: share-t
    type: level
    indicator: share
    baseline: {period: 2020}
    milestones:
      - {by: 2025, value: 15}
      - {by: 2030, value: 30}
"""
# 10 in 2020, 16 in 2023: the 2025 milestone of 15 is met two years early, and the headline
# has moved on to 2030's 30; the sentences spoke of 2030 only.
_EARLY_ROWS = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "share,2020,10,official,X,,2021-02-01T00:00:00Z\n"
    "share,2023,16,official,X,,2024-02-01T00:00:00Z\n"
)
_EARLY = {
    "en": "• Already at 16% (2023), past the 2025 milestone of 15%.",
    "vi": "• Năm 2023 đã đạt 16%, vượt mốc 15% của năm 2025 trước thời hạn.",
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_milestone_met_early_is_said_in_show_and_the_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    import re

    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _EARLY_PLAN, _EARLY_ROWS)
    shown = _out("--lang", lang, "show", "share-t", "--as-of", "2024-06-01", env=WIDE)
    lines = [line.strip() for line in shown.splitlines()]
    assert _EARLY[lang] in lines, shown
    # Said after the pace since the baseline, before the headline milestone's sentences.
    first = lines.index(_EARLY[lang])
    assert lines[first - 1].startswith("• ") and "2020" in lines[first - 1], shown
    r = run_clean("--lang", lang, "report", "--format", "markdown", "--as-of", "2024-06-01", "-o", "r.md")
    assert r.exit_code == 0, r.output
    text = re.sub(r"\\(.)", r"\1", Path("r.md").read_text(encoding="utf-8"))
    assert _EARLY[lang][2:] in text, text


def test_a_milestone_met_on_the_headline_keeps_its_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 16 in 2023 against 15 by 2025 alone: the headline itself is met, said as before, once.
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _EARLY_PLAN.replace("      - {by: 2030, value: 30}\n", ""), _EARLY_ROWS)
    shown = _out("show", "share-t", "--as-of", "2024-06-01", env=WIDE)
    assert "• The 2025 milestone of 15% is achieved." in shown, shown
    assert "Already at" not in shown, shown
