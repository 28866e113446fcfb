"""Issue 17, forty-second session, helper R: a statistics office's breakdowns tried as an
analyst would (34 provinces, two merged into a third, a sex dimension).

1. The workbook's sheet of a broken-down target said a unit's status without the deadline
   whose figure it awaits. Vĩnh Phúc (until 30 June 2025) went from 3 % (2020) to 2.5 %
   (2024) against a ceiling of 4 % by 2025, and no 2025 figure is recorded on 7 December
   2026: every other output says "Target achieved ⌛ awaiting figure 2025" (rank, status
   --by, show --dim, the Markdown report), the Summary sheet has a column "Deadlines
   passed, figure awaited" for a target, but the unit's row read "Target achieved" alone,
   as if 2025 were judged. The sheet now ends with the same column, "2025" in the unit's
   row (blank for a unit awaiting nothing).
2. ``show --dim`` said a unit's status without what it was judged on. A province formed on
   1 July 2025 has no 2020 figure, so it is judged from its 2025 one: rank, status --by and
   the reports write "Limited progress (baseline 2025: no 2020 figure of its own)", and
   methodology.md ("Breakdowns") says its status says so "wherever a unit's status is
   written"; ``show --dim``, the one place that tells that unit's own story, wrote "Limited
   progress" under "Baseline 12% (2025)" of a target whose baseline is 2020. Likewise a
   province ended on 30 June 2025, judged on the 2025 milestone alone ("milestones 2025
   only: while the unit existed"). Both now follow the status there as in the tables.
3. An Open SDG target with a target whose unit's series crosses zero was told it had no
   milestone. Hà Nội's balance went from -2 (2015) to 3 (2024) against a target of 10 by
   2022: rank's status cell and ``show --dim`` said "the series crosses zero, where a growth
   rate means nothing, and without a milestone there is no required change to compare
   with", of a target that has one. The sentence now names the two figures and the target,
   and says why Open SDG's measure has no answer; rank's cell says the same sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

PLAN = """\
version: 1
timezone: +07:00
dimensions:
  province:
    name: {en: Province, vi: Tỉnh}
    values:
      - Hà Nội
      - {value: Phú Thọ, from: [Vĩnh Phúc]}
      - {value: Vĩnh Phúc, until: "2025-06-30"}
indicators:
  poverty: {name: Poverty rate, unit: "%", direction: decrease, dimensions: [province]}
targets:
  - id: poverty
    indicator: poverty
    baseline: 2020
    milestones: [{by: 2025, value: 4}, {by: 2030, value: 2}]
    for_each: province
"""
HEAD = "indicator,period,value,status,source,note,recorded_at\n"
ROWS = "".join(
    f'"{key}",{period},{value},official,GSO,,2026-03-01T00:00:00Z\n'
    for key, period, value in [
        ("poverty", 2020, 6),
        ("poverty", 2025, 4.2),
        ("poverty[province=Hà Nội]", 2020, 5),
        ("poverty[province=Hà Nội]", 2025, 3),
        ("poverty[province=Vĩnh Phúc]", 2020, 3),
        ("poverty[province=Vĩnh Phúc]", 2024, 2.5),
        ("poverty[province=Phú Thọ]", 2020, 4),
        ("poverty[province=Phú Thọ]", 2024, 3.8),
    ]
)


@pytest.fixture
def provinces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_tracker(tmp_path, monkeypatch, PLAN, HEAD + ROWS)
    return tmp_path


@pytest.mark.parametrize(
    "lang, header", [("en", "Deadlines passed, figure awaited"), ("vi", "Đã đến hạn, chờ số liệu")]
)
def test_the_unit_sheet_says_the_deadline_a_unit_awaits(provinces: Path, lang: str, header: str) -> None:
    import openpyxl

    made = run_clean("--lang", lang, "report", "--format", "xlsx", "-o", "r.xlsx", "--as-of", "2026-12-07")
    assert made.exit_code == 0, made.stderr
    ws = openpyxl.load_workbook(provinces / "r.xlsx")["poverty"]
    head = [c.value for c in ws[2]]
    assert head[-1] == header, head  # last: the columns users' formulas point at stay
    rows = {str(ws.cell(r, 2).value).split(" (")[0]: ws.cell(r, len(head)).value for r in range(3, ws.max_row + 1)}
    # Vĩnh Phúc ended in 2025 and is judged towards 2025 alone, whose figure is awaited;
    # Phú Thọ's latest is 2024's too, so its 2025 deadline awaits a figure; Hà Nội has 2025.
    assert rows == {"Vĩnh Phúc": "2025", "Phú Thọ": "2025", "Hà Nội": None}, rows
    # The rank table says the same of the same units.
    ranked = run_clean("--lang", "en", "rank", "poverty", "--format", "json", "--as-of", "2026-12-07")
    import json

    awaited = {u["dims"]["province"]: u["awaiting_figures"] for u in json.loads(ranked.stdout)["units"]}
    assert awaited == {"Vĩnh Phúc": ["2025"], "Phú Thọ": ["2025"], "Hà Nội": []}, awaited


FORMED = """\
version: 1
timezone: +07:00
dimensions:
  province:
    name: {en: Province, vi: Tỉnh}
    values:
      - {value: Hà Giang, until: "2025-06-30"}
      - {value: Tuyên Quang Mới, since: "2025-07-01", from: [Hà Giang]}
indicators:
  poverty: {name: Poverty rate, unit: "%", direction: decrease, dimensions: [province]}
targets:
  - id: pov
    indicator: poverty
    baseline: 2020
    milestones: [{by: 2025, value: 4}, {by: 2030, value: 2}]
    for_each: province
"""
FORMED_ROWS = (
    HEAD
    + '"poverty[province=Hà Giang]",2020,20,official,GSO,,2021-03-01T00:00:00Z\n'
    + '"poverty[province=Hà Giang]",2024,15,official,GSO,,2025-03-01T00:00:00Z\n'
    + '"poverty[province=Tuyên Quang Mới]",2025,12,official,GSO,,2026-03-01T00:00:00Z\n'
    + '"poverty[province=Tuyên Quang Mới]",2026,10,estimate,GSO,,2026-11-01T00:00:00Z\n'
)


@pytest.mark.parametrize(
    "lang, unit, status, note",
    [
        # From 12 % (2025) to 10 % (2026): (10 / 12) - 1 = -16.67 % a year, against the
        # (2 / 12)^(1/5) - 1 = -30.12 % a year 2030's 2 % needs: P = 0.553, limited progress.
        ("en", "Tuyên Quang Mới", "Limited progress", "(baseline 2025: no 2020 figure of its own)"),
        ("vi", "Tuyên Quang Mới", "Tiến triển hạn chế", "(năm gốc 2025: không có số liệu riêng năm 2020)"),
        # From 20 % (2020) to 15 % (2024) against 4 % by 2025: (15 / 20)^(1/4) - 1 = -6.94 %
        # a year, against (4 / 20)^(1/5) - 1 = -27.52 %: P = 0.252, limited progress.
        ("en", "Hà Giang", "Limited progress", "(milestones 2025 only: while the unit existed)"),
        ("vi", "Hà Giang", "Tiến triển hạn chế", "(chỉ xét mốc 2025: khi đơn vị còn tồn tại)"),
    ],
)
def test_show_dim_says_what_a_unit_was_judged_on_beside_its_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, unit: str, status: str, note: str
) -> None:
    make_tracker(tmp_path, monkeypatch, FORMED, FORMED_ROWS)
    env = {"COLUMNS": "200", "NO_COLOR": "1"}
    ranked = run_clean("--lang", lang, "rank", "pov", "--format", "table", "--as-of", "2026-12-07", env=env)
    assert f"{status} {note}" in " ".join(ranked.stdout.split()), ranked.stdout  # as the table says it
    shown = run_clean("--lang", lang, "show", "pov", "--dim", f"province={unit}", "--as-of", "2026-12-07", env=env)
    assert shown.exit_code == 0, shown.stderr
    line = next(x for x in shown.stdout.splitlines() if status in x)
    assert " ".join(line.split()).endswith(f"{status} {note}"), shown.stdout


SDG = """\
version: 1
dimensions:
  province:
    name: {en: Province, vi: Tỉnh}
    values: [Hà Nội, Sơn La]
indicators:
  bal: {name: Balance, unit: bn USD, dimensions: [province]}
targets:
  - {id: bal-sdg, type: open_sdg, indicator: bal, base_year: 2015, target: 10, target_year: 2022, for_each: province}
"""
SDG_ROWS = (
    HEAD
    + "bal,2015,5,official,GSO,,2016-03-01T00:00:00Z\n"
    + "bal,2024,8,official,GSO,,2025-03-01T00:00:00Z\n"
    + '"bal[province=Hà Nội]",2015,-2,official,GSO,,2016-03-01T00:00:00Z\n'
    + '"bal[province=Hà Nội]",2024,3,official,GSO,,2025-03-01T00:00:00Z\n'
    + '"bal[province=Sơn La]",2015,4,official,GSO,,2016-03-01T00:00:00Z\n'
    + '"bal[province=Sơn La]",2024,12,official,GSO,,2025-03-01T00:00:00Z\n'
)


@pytest.mark.parametrize(
    "lang, said",
    [
        (
            "en",
            "Not assessed: the series crosses zero, from -2 bn USD in 2015 to 3 bn USD in 2024, where a growth"
            " rate means nothing: Open SDG's measure, a growth rate against the one the target (10 bn USD by"
            " 2022) needs, has no answer for it.",
        ),
        (
            "vi",
            "Chưa đánh giá: chuỗi số liệu đổi dấu qua số 0, từ -2 bn USD năm 2015 đến 3 bn USD năm 2024, nên"
            " tốc độ tăng không có nghĩa: thước đo của Open SDG (so tốc độ tăng đạt được với tốc độ tăng cần có"
            " để đạt 10 bn USD vào năm 2022) không áp dụng được cho chuỗi này.",
        ),
    ],
)
def test_an_open_sdg_unit_across_zero_is_not_told_it_has_no_milestone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    make_tracker(tmp_path, monkeypatch, SDG, SDG_ROWS)
    env = {"COLUMNS": "400", "NO_COLOR": "1"}
    shown = run_clean("--lang", lang, "show", "bal-sdg", "--dim", "province=Hà Nội", env=env)
    ranked = run_clean("--lang", lang, "rank", "bal-sdg", "--format", "table", env=env)
    assert shown.exit_code == 0 and ranked.exit_code == 0, shown.stderr + ranked.stderr
    # rank's cell follows its status without the sentence's own "Not assessed:" (the lead).
    opening = "Not assessed: " if lang == "en" else "Chưa đánh giá: "
    for text, want in ((shown.stdout, said), (ranked.stdout, said.removeprefix(opening))):
        flat = " ".join(text.split())
        assert want in flat, flat
        assert "without a milestone" not in flat and "không có mốc" not in flat
    assert opening not in " ".join(ranked.stdout.split())
    # Sơn La reached the target (12 >= 10) and is ranked first; Hà Nội is not assessed.
    units = [line.split()[1] for line in ranked.stdout.splitlines() if line.strip()[:1].isdigit()]
    assert units[:2] == ["Sơn", "Hà"], ranked.stdout
