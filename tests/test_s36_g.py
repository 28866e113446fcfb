"""Thirty-sixth session, pass G (issue 17): the session's last changes tried by a hostile
user.

The headline's count and the sentence "the status may change when the official figure is
published" are said of the figure a status rests on. A level target whose due milestone
was met on an official figure, or an every-period target that already failed a period on
an official figure, keeps its status whatever the later estimate the row shows becomes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

_PLAN = """\
version: 1
title: {en: "Test", vi: "Thử"}
observations: observations.csv
indicators:
  g:
    name: {en: "Growth", vi: "Tăng trưởng"}
    unit: {en: "%", vi: "%"}
    measure: rate
    direction: increase
    frequency: year
  pc:
    name: {en: "Per capita", vi: "Bình quân"}
    unit: {en: "USD", vi: "USD"}
    measure: level
    direction: increase
    frequency: year
targets:
  - id: every
    type: every_period
    indicator: g
    name: {en: "Ten every year", vi: "Mười mỗi năm"}
    at_least: 10
    from: 2022
    to: 2026
  - id: lvl
    type: level
    indicator: pc
    name: {en: "PC 1000 by 2025", vi: "BQ 1000 năm 2025"}
    baseline: 2020
    milestones:
      - {by: 2025, value: 1000}
"""

_HEAD = "indicator,period,value,status,source,note,recorded_at\n"
# 2024 failed (8 < 10) on an official figure: "Not achieved" whatever 2025 turns out.
# 2025's milestone met on an official 1,100 USD (1,100 >= 1,000): achieved, whatever 2026.
_SETTLED = _HEAD + (
    "g,2022,11,official,s,,2023-06-01T00:00:00Z\n"
    "g,2023,12,official,s,,2024-06-01T00:00:00Z\n"
    "g,2024,8,official,s,,2025-06-01T00:00:00Z\n"
    "g,2025,11,estimate,s,,2025-12-28T00:00:00Z\n"
    "pc,2020,500,official,s,,2021-06-01T00:00:00Z\n"
    "pc,2025,1100,official,s,,2026-06-01T00:00:00Z\n"
    "pc,2026,1200,estimate,s,,2026-12-01T00:00:00Z\n"
)
# The same with the deciding figures themselves estimates: both may change.
_OPEN = (
    _SETTLED.replace("g,2024,8,official", "g,2024,8,estimate")
    .replace("pc,2025,1100,official", "pc,2025,1100,preliminary")
    .replace("pc,2026,1200,estimate", "pc,2026,1200,official")
)


def _report_json(lang: str) -> dict:
    out = Path(f"r-{lang}.json")
    r = run_clean("--lang", lang, "report", "--format", "json", "-o", str(out), "--as-of", "2026-12-07")
    assert r.exit_code == 0, r.output
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_status_settled_on_official_figures_is_not_counted_as_provisional(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    make_tracker(tmp_path, monkeypatch, _PLAN, _SETTLED)
    assert _report_json(lang)["headline"]["provisional"] == []
    out = tmp_path / "r.md"
    r = run_clean("--lang", lang, "report", "--format", "markdown", "-o", str(out), "--as-of", "2026-12-07")
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert "Judged on an estimate" not in text
    assert "được đánh giá theo số ước tính" not in text
    for target in ("every", "lvl"):
        shown = run_clean("--lang", lang, "show", target, "--as-of", "2026-12-07")
        assert shown.exit_code == 0, shown.output
        assert "may change" not in shown.output, shown.output
        assert "có thể thay đổi" not in shown.output, shown.output


def test_a_status_resting_on_estimates_names_the_figure_it_rests_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The level target is judged on 2025's preliminary 1,100 USD, not on the official
    # 2026 figure its row shows; the every-period target is not achieved for its 2024,
    # an estimate, whatever 2025's estimate (11, passing) becomes.
    make_tracker(tmp_path, monkeypatch, _PLAN, _OPEN)
    listed = _report_json("en")["headline"]["provisional"]
    assert listed == [
        {"id": "every", "period": "2024", "status": "estimate"},
        {"id": "lvl", "period": "2025", "status": "preliminary"},
    ]
    shown = run_clean("--lang", "en", "show", "lvl", "--as-of", "2026-12-07")
    assert "The figure for 2025 is preliminary" in shown.output, shown.output
    shown = run_clean("--lang", "vi", "show", "every", "--as-of", "2026-12-07")
    assert "Số liệu năm 2024 là số ước tính" in shown.output, shown.output


def test_an_every_period_target_failed_on_an_estimate_is_counted_by_that_period(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 2024 failed on an estimate (8 < 10), 2025 passed on an official figure: the row shows
    # 2025's official figure, but "Not achieved" rests on 2024's estimate, which an
    # official 2024 above 10 would undo.
    make_tracker(tmp_path, monkeypatch, _PLAN, _OPEN.replace("g,2025,11,estimate", "g,2025,11,official"))
    listed = _report_json("vi")["headline"]["provisional"]
    assert {"id": "every", "period": "2024", "status": "estimate"} in listed
    shown = run_clean("--lang", "en", "show", "every", "--as-of", "2026-12-07")
    assert "The figure for 2024 is an estimate" in shown.output, shown.output


# The library's retract names the argument at fault (thirty-sixth session, pass E); a bad
# time zone was blamed on recorded_at, which was right, where record_many says tz.
@pytest.mark.parametrize("recorded_at", ["2026-01-10T09:00:00", None])
@pytest.mark.parametrize("tz", ["Asia/Hanoi", "+25:00"])
def test_the_librarys_retract_names_tz_for_a_bad_time_zone(shipped: Path, recorded_at: str | None, tz: str) -> None:
    import qntrack

    before = (shipped / "observations.csv").read_bytes()
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.retract(None, "grdp_growth", "2025", "GSO", "withdrawn", recorded_at, tz=tz)
    said = str(caught.value)
    assert said.startswith("tz: "), said
    assert "+07:00" in said, said
    assert "recorded_at" not in said, said
    assert (shipped / "observations.csv").read_bytes() == before


# assess refused a series that is no rows (5, None, a text) naming series (pass D); a
# series of things other than figures ([1, 2], a set, [None]) raised AttributeError
# "'int' object has no attribute 'period'", past `except ArgumentError`.
@pytest.mark.parametrize("rows", [[1, 2], {3, 4}, [None], ["2025,11.89"]])
def test_assess_names_series_holding_what_is_not_a_figure(shipped: Path, rows: object) -> None:
    import qntrack
    from qntrack.errors import ArgumentError

    ws = qntrack.open_workspace(None)
    given = {**ws.series, "grdp_growth": rows}
    with pytest.raises(ArgumentError) as caught:
        qntrack.assess(ws.plan, given, None, "2026-12-01")
    said = str(caught.value)
    assert said.startswith("series: "), said
    assert "'grdp_growth'" in said and "Observation" in said, said


def test_assess_still_judges_the_stores_own_series_and_a_generator_alike(shipped: Path) -> None:
    import qntrack

    ws = qntrack.open_workspace(None)
    plain = [a.status for a in qntrack.assess(ws.plan, ws.series, None, "2026-12-01")]
    read_once = {key: (row for row in rows) for key, rows in ws.series.items()}
    assert [a.status for a in qntrack.assess(ws.plan, read_once, None, "2026-12-01")] == plain


# A plan that cannot be read for a fault of its path said the system's reason alone
# ("cannot read targets file: Not a directory"), where a report's path at fault is told
# what to do; the same advice now follows, in both languages.
@pytest.mark.parametrize(
    ("lang", "path", "said"),
    [
        ("en", "targets.yaml/x", "Not a directory: a part of the path is a file, not a folder: check the path"),
        (
            "vi",
            "targets.yaml/x",
            "(ENOTDIR): một phần của đường dẫn là tệp, không phải thư mục: hãy kiểm tra đường dẫn",
        ),
        ("en", "a" * 300, "File name too long: use a shorter path"),
        ("vi", "a" * 300, "(ENAMETOOLONG): hãy dùng đường dẫn ngắn hơn"),
        ("en", "loop1", "symbolic links: check the path for a loop of symbolic links"),
    ],
)
def test_a_plan_its_path_keeps_from_reading_is_told_what_to_do(shipped: Path, lang: str, path: str, said: str) -> None:
    (shipped / "loop1").symlink_to("loop2")
    (shipped / "loop2").symlink_to("loop1")
    r = run_clean("--lang", lang, "-t", path, "status")
    assert r.exit_code == 1, r.output
    assert said in r.output, r.output
    assert "Traceback" not in r.output
