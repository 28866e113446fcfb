"""A national statistics office's big plan, used by a person (issue 17, twenty-third
session; docs/decisions.md, "A big plan, used by a person"). Each test was written failing
first, on a small plan built here (never the benchmark generator's files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean
from test_headline22 import _PLAN as _PLANS

PROVINCES = ("Hồ Chí Minh", "Thái Nguyên", "Quảng Ninh")

# 3 provinces x 2 sexes, each unit with figures for 2023 and 2024 only: judged from 2023,
# its first figure, so every unit's status carries the note "(baseline 2023: no 2015
# figure of its own)", as every unit of the provinces shape does.
PLAN = """\
version: 1
title: A national plan by province and sex
observations: observations.csv
dimensions:
  province:
    name: {en: Province, vi: "Tỉnh, thành phố"}
    values: ["Hồ Chí Minh", "Thái Nguyên", "Quảng Ninh"]
  sex:
    name: {en: Sex, vi: Giới tính}
    values: [Nam, Nữ]
indicators:
  emp:
    name: {en: Employment rate, vi: Tỷ lệ có việc làm}
    unit: "%"
    measure: level
    direction: increase
    frequency: year
    dimensions: [province, sex]
targets:
  - id: emp-2030
    indicator: emp
    type: level
    baseline: 2015
    milestones:
      - {by: 2030, value: 80}
    for_each: [province, sex]
"""


def _observations() -> str:
    # 2023 values 43, 46, 49, 52, 55, 58 (Hồ Chí Minh Nam, Nữ, Thái Nguyên Nam, ...);
    # 2024: Nam +5, Nữ -1.
    rows = [
        "indicator,period,value,status,source,note,recorded_at",
        "emp,2015,50,official,Tổng cục Thống kê,,2016-03-01T00:00:00Z",
        "emp,2024,60,official,Tổng cục Thống kê,,2025-03-01T00:00:00Z",
    ]
    value = 40
    for province in PROVINCES:
        for sex in ("Nam", "Nữ"):
            value += 3
            unit = f"emp[province={province};sex={sex}]"
            source = f"Cục Thống kê {province}"
            rows.append(f"{unit},2023,{value},official,{source},,2024-03-01T00:00:00Z")
            later = value + (5 if sex == "Nam" else -1)
            rows.append(f"{unit},2024,{later},official,{source},,2025-03-01T00:00:00Z")
    return "\n".join(rows) + "\n"


@pytest.fixture()
def by_province(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, _observations())


# --- 1. `rank` and `show` of a target broken down by province and sex, at 120 columns,
# printed a block of nine lines per unit (612 lines for the 68 units of an SDG indicator):
# the status column, "Substantial progress (baseline 2023: no 2015 figure of its own)",
# was never wrapped, so no widths fitted. The note may wrap; the status never splits.
# Quảng Ninh, Nam: 55 -> 60, a = 60/55 - 1 = 0.0909; required from 2023 to 80 by 2030,
# (80/55)^(1/7) - 1 = 0.0550; P = 1.65 >= 1.3: Substantial progress, first. Quảng Ninh,
# Nữ: 58 -> 57, P < 0: Deterioration.


@pytest.mark.parametrize("command", [("rank", "emp-2030"), ("show", "emp-2030")])
def test_units_of_two_dimensions_are_a_table_at_120_columns(by_province: Path, command: tuple[str, ...]):
    result = run_clean(*command, "--format", "table", env={"COLUMNS": "120", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert not any(line.startswith("Rank: ") for line in lines), result.stdout
    header = next(line for line in lines if line.strip().startswith("Rank"))
    assert "Status" in header and "Latest" in header, result.stdout
    units = [line for line in lines if "province=" in line]
    assert len(units) == 6, result.stdout
    assert "Substantial progress" in units[0] and "province=Quảng Ninh" in units[0], result.stdout
    assert "Deterioration" in units[-1], result.stdout
    assert all(len(line) <= 120 for line in lines), result.stdout


# --- 2. `status --by province` of the provinces shape printed 22,000 lines under which the
# tally counted the 145 targets alone: the 4,930 units it listed, the rows a national
# office reads for the provinces that need attention, were counted nowhere. A second line
# counts the units shown. By hand (the rank above): the three Nam units rose 5 points from
# 2023 (P >= 0.95, Substantial progress), the three Nữ units fell 1 (P < 0, Deterioration).


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "6 units — Substantial progress: 3; Deterioration: 3."),
        ("vi", "6 đơn vị — Tiến triển tốt: 3; Đi ngược mục tiêu: 3."),
    ],
)
def test_status_by_a_dimension_counts_its_units_too(by_province: Path, lang: str, line: str):
    result = run_clean("status", "--by", "province", "--format", "table", "--lang", lang, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = [text.strip() for text in result.stdout.splitlines()]
    targets = "1 target — " if lang == "en" else "1 mục tiêu — "
    at = next(i for i, text in enumerate(lines) if text.startswith(targets))
    assert lines[at + 1] == line, result.stdout


def test_status_without_by_has_no_units_line(by_province: Path):
    result = run_clean("status", "--format", "table", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "units —" not in result.stdout


# --- 3. An import of 10,000 rows with 500 bad ones listed its 500 errors, each 'Ha Noi'
# row with the 34 provinces it could have been, and ended "500 error(s), 0 warning(s)":
# at the bottom of the screen, where a person reads, nothing said what kinds of error there
# were, nor where the first of each was. Every row is still listed (all or nothing: each
# must be mended); past twenty, the kinds are summed up above the totals, each with its
# count and its first row. Here rows 2-21 (20) name 'Ha Noi', rows 22-31 (10) hold 'abc'.


def _bad_rows() -> str:
    rows = ["indicator,period,value,status,source,note,recorded_at"]
    rows += [f"emp[province=Ha Noi;sex=Nam],{2000 + k},50,official,,," for k in range(20)]
    rows += [f"emp[province=Quảng Ninh;sex=Nam],{2000 + k},abc,official,,," for k in range(10)]
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("en", "The 30 problems above, by kind (how many, then the first):"),
        ("vi", "30 vấn đề nêu trên, theo loại (số lượng, rồi vấn đề đầu tiên của mỗi loại):"),
    ],
)
def test_an_import_of_many_bad_rows_sums_up_their_kinds(by_province: Path, lang: str, heading: str):
    (by_province / "batch.csv").write_text(_bad_rows(), encoding="utf-8")
    before = (by_province / "observations.csv").read_bytes()
    result = run_clean("add-observation", "--from", "batch.csv", "--lang", lang)
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len([line for line in lines if line.startswith("batch.csv:")]) == 30, result.stderr
    at = lines.index(heading)
    assert lines[at + 1].startswith("  20 × batch.csv:2: ") and "Ha Noi" in lines[at + 1], result.stderr
    assert lines[at + 2].startswith("  10 × batch.csv:22: ") and "abc" in lines[at + 2], result.stderr
    assert lines[at + 3] == ("30 error(s), 0 warning(s)" if lang == "en" else "30 lỗi, 0 cảnh báo")
    assert (by_province / "observations.csv").read_bytes() == before


def test_twenty_bad_rows_are_not_summed_up(by_province: Path):
    rows = _bad_rows().splitlines()
    (by_province / "batch.csv").write_text("\n".join(rows[:21]) + "\n", encoding="utf-8")
    result = run_clean("add-observation", "--from", "batch.csv")
    assert result.exit_code == 1, result.output
    assert "by kind" not in result.stderr
    assert result.stderr.splitlines()[-1] == "20 error(s), 0 warning(s)"


# --- 4. The HTML report's headline said "and 135 more" in plain text: in a 17 MB report a
# reader had no way from it to the targets it counted. It now links to the summary, which
# lists every target with its status. Twelve plans for 2001-2012, each 100 t with 50 t
# recorded, all ended by today and none met: the headline names ten and says "and 2 more"
# (12 - 10).

# The headline pass's small plan of many targets (tests/test_headline22.py), imported above.


def test_the_html_headline_links_its_more_to_the_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from html.parser import HTMLParser

    plan = _PLANS + "".join(
        f'  - id: p{i:02d}\n    type: plan\n    indicator: x\n    name: "Plan {i:02d}"\n    period: {2000 + i}\n'
        "    value: 100\n"
        for i in range(1, 13)
    )
    rows = "".join(f"x,{2000 + i},50,official,s,,2020-01-01T00:00:00Z\n" for i in range(1, 13))
    make_tracker(tmp_path, monkeypatch, plan, "indicator,period,value,status,source,note,recorded_at\n" + rows)
    result = run_clean("report", "--format", "html", "-o", "r.html")
    assert result.exit_code == 0, result.output

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.href: str | None = None
            self.links: list[tuple[str, str]] = []
            self.ids: set[str] = set()

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = dict(attrs)
            if found.get("id"):
                self.ids.add(str(found["id"]))
            if tag == "a":
                self.href = found.get("href") or ""
                self.links.append((self.href, ""))

        def handle_data(self, data: str) -> None:
            if self.href is not None:
                href, text = self.links[-1]
                self.links[-1] = (href, text + data)

        def handle_endtag(self, tag: str) -> None:
            if tag == "a":
                self.href = None

    links = Links()
    links.feed((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert ("#summary", "and 2 more") in links.links, links.links
    assert "summary" in links.ids
