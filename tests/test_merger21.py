"""A national office after the 2025 merger of provinces (issue 17, twenty-first session;
docs/decisions.md, "A national office after the 2025 merger of provinces").

Three provinces end on 30 June 2025: Vĩnh Phúc and Hòa Bình join Phú Thọ, which keeps its
name (no dates, `from:` them); Hà Giang and the old Tuyên Quang form a new Tuyên Quang on
1 July 2025. Every expected value below is worked out by hand in its comment.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

_PLAN = """\
title: National tracker
dimensions:
  province:
    name: {en: Province, vi: Tỉnh}
    values:
      - {value: "Vĩnh Phúc", until: "2025-06-30"}
      - {value: "Hòa Bình", until: "2025-06-30"}
      - {value: "Phú Thọ", from: ["Vĩnh Phúc", "Hòa Bình"]}
      - {value: "Hà Giang", until: "2025-06-30"}
      - {value: "Tuyên Quang cũ", until: "2025-06-30"}
      - {value: "Tuyên Quang", since: "2025-07-01", from: ["Hà Giang", "Tuyên Quang cũ"]}
      - {value: "Cô Đơn", until: "2025-06-30"}
      - "Quảng Ninh"
indicators:
  poverty:
    name: {en: Poverty rate, vi: Tỷ lệ hộ nghèo}
    unit: "%"
    measure: level
    direction: decrease
    dimensions: [province]
targets:
  - id: poverty-2030
    indicator: poverty
    baseline: 2020
    milestones: [{by: 2030, value: 1}]
    for_each: province
"""

_STORE = """\
indicator,period,value,status,source,note,recorded_at
poverty,2020,9,official,,,2021-06-01T00:00:00Z
poverty,2026,6,estimate,,,2026-11-01T00:00:00Z
poverty[province=Phú Thọ],2020,10,official,,,2021-06-01T00:00:00Z
poverty[province=Phú Thọ],2026,5,estimate,,,2026-11-01T00:00:00Z
poverty[province=Quảng Ninh],2020,5,official,,,2021-06-01T00:00:00Z
poverty[province=Quảng Ninh],2026,2,estimate,,,2026-11-01T00:00:00Z
poverty[province=Tuyên Quang],2025,8,official,,,2026-06-01T00:00:00Z
poverty[province=Tuyên Quang],2026,6,estimate,,,2026-11-01T00:00:00Z
"""


@pytest.fixture
def nation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, _PLAN, _STORE)


# --- A figure for a unit outside its dates names the units of that time.


@pytest.mark.parametrize(
    ("lang", "ended", "began"),
    [
        (
            "en",
            "record the figure for the unit of that time: Phú Thọ",
            "the units of that time: Hà Giang, Tuyên Quang cũ",
        ),
        (
            "vi",
            "hãy ghi số liệu cho đơn vị của thời kỳ đó: Phú Thọ",
            "từng đơn vị của thời kỳ đó: Hà Giang, Tuyên Quang cũ",
        ),
    ],
)
def test_a_figure_outside_a_units_dates_names_the_units_of_that_time(nation: Path, lang: str, ended: str, began: str):
    """A 2026 figure under Vĩnh Phúc (ended 30 June 2025, joined Phú Thọ, whose `from:`
    names it) is Phú Thọ's to record; a 2024 figure under Tuyên Quang (formed 1 July 2025
    from Hà Giang and the old Tuyên Quang) belongs to those two. The message said only
    "the unit of that time", which the office had to look up in targets.yaml."""
    before = (nation / "observations.csv").read_bytes()
    one = run_clean(
        "--lang", lang, "add-observation", "poverty", "2026", "4", "--status", "estimate", "--dim", "province=Vĩnh Phúc"
    )
    assert one.exit_code == 1 and ended in " ".join(one.output.split()), one.output
    two = run_clean("--lang", lang, "add-observation", "poverty", "2024", "4", "--dim", "province=Tuyên Quang")
    assert two.exit_code == 1 and began in " ".join(two.output.split()), two.output
    # An import says it at each row's line.
    (nation / "rows.csv").write_text(
        "indicator,period,value,status,province\npoverty,2026,4,estimate,Vĩnh Phúc\npoverty,2024,4,,Tuyên Quang\n",
        encoding="utf-8",
    )
    batch = run_clean("--lang", lang, "add-observation", "--from", "rows.csv")
    said = [" ".join(line.split()) for line in batch.output.splitlines()]
    assert batch.exit_code == 1
    assert any(line.startswith("rows.csv:2:") and ended in line for line in said), batch.output
    assert any(line.startswith("rows.csv:3:") and began in line for line in said), batch.output
    assert (nation / "observations.csv").read_bytes() == before  # nothing written


def test_check_names_the_unit_of_that_time_for_a_stored_row(nation: Path):
    """A row already stored under Vĩnh Phúc for 2026 (an `until:` added after it was
    recorded): `check` names it, and Phú Thọ as the unit to record it for."""
    with (nation / "observations.csv").open("a", encoding="utf-8") as store:
        store.write("poverty[province=Vĩnh Phúc],2026,4,estimate,,,2026-11-01T00:00:00Z\n")
    done = run_clean("check")
    assert done.exit_code == 1
    lines = [" ".join(line.split()) for line in done.output.splitlines() if "Vĩnh Phúc" in line]
    assert len(lines) == 1 and lines[0].startswith("observations.csv:10:"), done.output
    assert "the unit of that time: Phú Thọ" in lines[0], lines[0]


def test_a_unit_that_ended_with_no_successor_keeps_the_plain_advice(nation: Path):
    """Cô Đơn ended and no unit is formed from it: no unit can be named, and the advice
    stays as it was, naming none."""
    done = run_clean("add-observation", "poverty", "2026", "4", "--status", "estimate", "--dim", "province=Cô Đơn")
    assert done.exit_code == 1
    lines = [" ".join(line.split()) for line in done.output.splitlines() if "Cô Đơn" in line]
    assert len(lines) == 1 and lines[0].endswith("record the figure for the unit of that time"), done.output


# --- A unit formed after a level target's baseline year: judged from its first figure,
# and every table says so.


def test_a_unit_formed_after_the_baseline_year_is_judged_from_its_first_figure(nation: Path):
    """Tuyên Quang, formed on 1 July 2025, has no 2020 figure of its own (one for 2020 is
    refused: it did not exist), and its predecessors' are not added up for it (a rate
    does not add up). Its baseline is its first figure, 8 (2025) (targets-format.md: "else
    the first later annual observation"). Lower is better, 1 by 2030, 6 in 2026:
    achieved rate (6 / 8)^(1/1) - 1 = -0.25; required (1 / 8)^(1/5) - 1 = 2^(-3/5) - 1 =
    0.6597540 - 1 = -0.3402460; P = -0.25 / -0.3402460 = 0.73476."""
    doc = json.loads(run_clean("status", "--format", "json").stdout)
    item = next(t for t in doc["targets"] if t["id"] == "poverty-2030")
    units = {u["dims"]["province"]: u for u in item["breakdown"]}
    # (What a baseline figure replaced, appended in the thirty-second session: none here.)
    assert units["Tuyên Quang"]["baseline"] == {
        "period": "2025",
        "value": 8.0,
        "revises": None,
        "revises_source": None,
        "revises_recorded_at": None,
        "revises_status": None,
    }
    assert units["Tuyên Quang"]["progress_value"] == pytest.approx(0.73476, abs=1e-5)
    # Phú Thọ kept its name: its own 2020 figure, 10, is its baseline.
    assert units["Phú Thọ"]["baseline"] == {
        "period": "2020",
        "value": 10.0,
        "revises": None,
        "revises_source": None,
        "revises_recorded_at": None,
        "revises_status": None,
    }


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "baseline 2025: no 2020 figure of its own"), ("vi", "năm gốc 2025: không có số liệu riêng năm 2020")],
)
def test_the_tables_say_a_units_baseline_is_later_than_the_targets(nation: Path, lang: str, said: str):
    """rank, status --by and the report's units table: Tuyên Quang's status is judged from
    2025, not from the target's 2020, and says so beside it, as an ended unit's says which
    milestones it was judged on; Phú Thọ and Quảng Ninh, judged from 2020, say nothing."""
    ranked = run_clean("--lang", lang, "rank", "poverty-2030", "--format", "table", env={"COLUMNS": "200"})
    assert ranked.exit_code == 0, ranked.output
    flat = [" ".join(line.split()) for line in ranked.stdout.splitlines()]
    assert sum(said in line for line in flat) == 1, ranked.stdout
    assert any(said in line and "Tuyên Quang" in line for line in flat), ranked.stdout
    by = run_clean("--lang", lang, "status", "--by", "province", "--format", "table", env={"COLUMNS": "200"})
    assert by.exit_code == 0, by.output
    assert " ".join(by.stdout.split()).count(said) == 1, by.stdout
    report = run_clean("--lang", lang, "report", "--format", "markdown")
    rows = [line for line in report.stdout.splitlines() if line.startswith("| ") and said in line]
    assert len(rows) == 1 and "Tuyên Quang" in rows[0], rows


# --- A province that absorbed others and kept its name was "formed from" them.


@pytest.mark.parametrize(
    ("lang", "absorbed", "formed"),
    [
        (
            "en",
            "#### Vĩnh Phúc and Hòa Bình joined Phú Thọ: their figures before the merger, beside its own",
            "#### Tuyên Quang was formed from Hà Giang and Tuyên Quang cũ: their figures before it, beside its own",
        ),
        (
            "vi",
            "#### Vĩnh Phúc và Hòa Bình được sáp nhập vào Phú Thọ: số liệu của các đơn vị đó trước khi sáp nhập,"
            " bên cạnh số liệu của Phú Thọ",
            "#### Tuyên Quang được hình thành từ Hà Giang và Tuyên Quang cũ:",
        ),
    ],
)
def test_the_report_says_a_province_absorbed_others_and_kept_its_name(
    nation: Path, lang: str, absorbed: str, formed: str
):
    """Phú Thọ existed before 1 July 2025 (no `since:`) and has its own figures from 2020:
    it was not "formed from" Vĩnh Phúc and Hòa Bình, they joined it. The new Tuyên Quang
    (`since:`) was formed from its predecessors, as the heading said."""
    report = run_clean("--lang", lang, "report", "--format", "markdown")
    assert report.exit_code == 0, report.output
    lines = report.stdout.splitlines()
    assert any(line.startswith(absorbed) for line in lines), [x for x in lines if x.startswith("####")]
    assert any(line.startswith(formed) for line in lines), [x for x in lines if x.startswith("####")]


# --- check units-sum in the year a merger cuts through: two sets of units, each the whole.

_SUM_PLAN = """\
title: Sum
dimensions:
  province:
    name: Province
    values:
      - {value: A, until: "2025-06-30"}
      - {value: B, until: "2025-06-30"}
      - {value: C, since: "2025-07-01", from: [A, B]}
      - D
indicators:
  revenue: {name: Revenue, unit: bn VND, measure: flow, dimensions: [province]}
targets:
  - {id: r, indicator: revenue, type: plan, period: 2026, value: 1000, for_each: province}
"""


def _sum_store(rows: str) -> str:
    return "indicator,period,value,status,source,note,recorded_at\n" + "".join(
        f"{line.strip()},official,,,2026-06-01T00:00:00Z\n" for line in rows.strip().splitlines()
    )


@pytest.mark.parametrize(
    ("rows", "warned"),
    [
        # The old yearbook's 2025 (A 100 + B 100 + D 100 = 300) and the new one's (C 200 +
        # D 100 = 300) each make the total, 300: adding all four (500) counted it twice.
        (
            "revenue,2025,300\nrevenue[province=A],2025,100\nrevenue[province=B],2025,100\n"
            "revenue[province=C],2025,200\nrevenue[province=D],2025,100",
            None,
        ),
        # 2025 under the old names alone: A + B + D = 100 + 100 + 90 = 290, off 300 by 10,
        # more than 0.5 % x 300 = 1.5: a warning. It was never compared (C had no figure).
        (
            "revenue,2025,300\nrevenue[province=A],2025,100\nrevenue[province=B],2025,100\nrevenue[province=D],2025,90",
            "its 3 units of 'province' (Province) add up to 290",
        ),
        # Under the new names alone, C 200 + D 100 = 300: no warning.
        ("revenue,2025,300\nrevenue[province=C],2025,200\nrevenue[province=D],2025,100", None),
        # Both sets given, neither adds up: the old one is named (A + B + D = 100 + 100 + 150 = 350).
        (
            "revenue,2025,300\nrevenue[province=A],2025,100\nrevenue[province=B],2025,100\n"
            "revenue[province=C],2025,250\nrevenue[province=D],2025,150",
            "its 3 units of 'province' (Province) add up to 350",
        ),
    ],
)
def test_units_sum_in_a_year_the_merger_cuts_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: str, warned: str | None
):
    """In 2025 the units before the merger (A, B, D) and those after it (C, D) each cover
    the country; `check units-sum` compares the total with each set whose every unit has
    a figure, and warns when none adds up."""
    make_tracker(tmp_path, monkeypatch, _SUM_PLAN, _sum_store(rows))
    done = run_clean("check")
    said = [" ".join(line.split()) for line in done.output.splitlines() if "add up to" in line]
    if warned is None:
        assert done.exit_code == 0 and not said, done.output
    else:
        assert len(said) == 1 and warned in said[0] and said[0].startswith("observations.csv:2:"), done.output


def test_a_vietnamese_report_names_the_predecessors_in_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Units declared with English values and Vietnamese `names:`: the heading over a new
    province's predecessors named the new province in Vietnamese and its predecessors by
    their English values, in one Vietnamese sentence."""
    plan = """\
title: Names
dimensions:
  province:
    name: {en: Province, vi: Tỉnh}
    values:
      - {value: Ha Giang Province, until: "2025-06-30", names: {vi: Tỉnh Hà Giang}}
      - {value: Old Tuyen Quang, until: "2025-06-30", names: {vi: Tỉnh Tuyên Quang cũ}}
      - {value: Tuyen Quang Province, since: "2025-07-01", from: [Ha Giang Province, Old Tuyen Quang],
         names: {vi: Tỉnh Tuyên Quang}}
indicators:
  poverty: {name: Poverty, unit: "%", direction: decrease, dimensions: [province]}
targets:
  - {id: p, indicator: poverty, baseline: 2020, milestones: [{by: 2030, value: 1}], for_each: province}
"""
    store = (
        "indicator,period,value,status,source,note,recorded_at\n"
        "poverty[province=Ha Giang Province],2020,20,official,,,2021-06-01T00:00:00Z\n"
        "poverty[province=Tuyen Quang Province],2025,8,official,,,2026-06-01T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, plan, store)
    report = run_clean("--lang", "vi", "report", "--format", "markdown")
    assert report.exit_code == 0, report.output
    headings = [line for line in report.stdout.splitlines() if line.startswith("#### ")]
    assert any(
        line.startswith("#### Tỉnh Tuyên Quang được hình thành từ Tỉnh Hà Giang và Tỉnh Tuyên Quang cũ:")
        for line in headings
    ), headings
