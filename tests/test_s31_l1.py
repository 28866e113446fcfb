"""The outputs' and the method's leftovers of the thirtieth session (issue 17, thirty-first
session, pass L1). Each expected text or figure is worked out by hand from the shipped
data or the small plan written here, never copied from qntrack's output."""

from __future__ import annotations

from pathlib import Path

import pytest


from helpers import run_clean

# --- 2. `show cbct-share --as-of 2023-06-28`: the only cbct_share figure recorded by then is
# 2022-9M (12.3, recorded 2022-09-20); the baseline is 2020. On 28 June 2023 both 2021
# and 2022 had ended with no full-year figure, and 2022's only reading is its first nine
# months: "none is recorded for 2021" left 2022 out, as if the day were still in 2022.


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_show_as_of_names_every_year_ended_without_its_figure(shipped: Path) -> None:
    r = run_clean("show", "cbct-share", "--as-of", "2023-06-28")
    assert r.exit_code == 0, r.stderr
    flat = _flat(r.stdout)
    assert "none is recorded for 2021–2022, only part-year readings (the latest: January–September 2022)" in flat
    assert "(the period 2022, not its quarters or months)" in flat
    vi = _flat(run_clean("--lang", "vi", "show", "cbct-share", "--as-of", "2023-06-28").stdout)
    assert "chưa có số liệu cả năm nào cho 2021–2022" in vi


def test_a_year_still_running_is_not_said_to_lack_its_figure(shipped: Path) -> None:
    # On 1 October 2022 the year 2022 was still under way: only 2021 had ended without one.
    flat = _flat(run_clean("show", "cbct-share", "--as-of", "2022-10-01").stdout)
    assert "none is recorded for 2021, only part-year readings (the latest: January–September 2022)" in flat


def test_the_report_says_the_same_as_show(shipped: Path) -> None:
    r = run_clean("report", "--format", "markdown", "cbct-share", "--as-of", "2023-06-28")
    assert r.exit_code == 0, r.stderr
    assert "none is recorded for 2021–2022, only part-year readings" in _flat(r.stdout)


# --- 1. "Next milestone" over a milestone past and achieved. The status table's column and
# the workbook Summary's hold the milestone (or plan, or span bound) the status is judged
# on, which is behind the reader once every deadline has passed: grdp-per-capita's only
# milestone, 10,000 USD by 2025, reached with 10,402 in 2025, was shown in December 2026
# as the "Next milestone". The column is named for what it holds, as the reports name it:
# "Goal" (vi "Mức cần đạt"); the workbook's period column "Deadline" (vi "Thời hạn").


def test_the_status_table_heads_the_goal_column_as_the_reports_do(shipped: Path) -> None:
    r = run_clean("status", "--format", "table", "grdp-per-capita", env={"COLUMNS": "160"})
    assert r.exit_code == 0, r.stderr
    assert "Next milestone" not in r.stdout and "next" not in r.stdout.lower()
    head = r.stdout.split("grdp-per-capita")[0]
    assert "Goal" in head.split()
    assert "10,000 USD by 2025" in r.stdout  # the milestone itself is still shown
    vi = run_clean("--lang", "vi", "status", "--format", "table", "grdp-per-capita", env={"COLUMNS": "160"})
    assert "Mốc tiếp theo" not in vi.stdout and "Mức cần đạt" in vi.stdout


def test_a_row_a_block_says_goal_too(shipped: Path) -> None:
    r = run_clean("status", "--format", "table", "grdp-per-capita", env={"COLUMNS": "24"})
    assert r.exit_code == 0, r.stderr
    flat = _flat(r.stdout)
    assert "Goal:" in flat and "Next milestone" not in flat


def test_the_workbook_summary_heads_its_period_column_deadline(shipped: Path) -> None:
    import openpyxl

    for lang, deadline, value in (("en", "Deadline", "Target value"), ("vi", "Thời hạn", "Giá trị mục tiêu")):
        out = shipped / f"review-{lang}.xlsx"
        r = run_clean("--lang", lang, "report", "-o", str(out))
        assert r.exit_code == 0, r.stderr
        ws = openpyxl.load_workbook(out)["Summary" if lang == "en" else "Tổng hợp"]
        header = [c.value for c in ws[1]]
        assert header[8:10] == [deadline, value], header
        row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[2] == "grdp-per-capita")
        assert (row[8], row[9]) == ("2025", 10000)


# --- 4. A new figure superseded within the since list. After the review of 30 June 2026,
# grdp_growth 2026-H1 was recorded 8.5 on 10 July (new), then revised to 8.9 on 10 August:
# the 8.5 row is no longer in force. The HTML and Markdown tables mark it (thirtieth
# session); the workbook's "since" sheet and the JSON said nothing of it.


def _revised_within_the_list(folder: Path) -> None:
    for value, at in (("8.5", "2026-07-10T00:00:00Z"), ("8.9", "2026-08-10T00:00:00Z")):
        r = run_clean("add-observation", "grdp_growth", "2026-H1", value, "--recorded-at", at, "--source", "Cục TK")
        assert r.exit_code == 0, r.stderr


def test_json_since_says_which_rows_are_in_force(shipped: Path) -> None:
    import json

    _revised_within_the_list(shipped)
    r = run_clean("report", "--format", "json", "--since", "2026-06-30", "--as-of", "2026-09-01")
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)["since"]["observations"]
    assert [(o["value"], o["change"], o["in_force"]) for o in rows] == [
        (8.5, "added", False),
        (8.9, "revised", True),
    ]
    assert list(rows[0])[-1] == "in_force"  # a new key, at the end of each change


def test_json_since_a_retraction_in_force(shipped: Path) -> None:
    import json

    _revised_within_the_list(shipped)
    r = run_clean("retract", "grdp_growth", "2026-H1", "--recorded-at", "2026-08-20T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(run_clean("report", "--format", "json", "--since", "2026-06-30", "--as-of", "2026-09-01").stdout)
    rows = doc["since"]["observations"]
    assert [(o["change"], o["in_force"]) for o in rows] == [("added", False), ("revised", False), ("retracted", True)]


@pytest.mark.parametrize(
    ("lang", "sheet", "heading", "yes", "no"),
    [
        ("en", "Since the last review", "In force", "Yes", "No"),
        ("vi", "Từ lần rà soát trước", "Hiệu lực", "Có", "Không"),
    ],
)
def test_the_workbook_since_sheet_ends_with_in_force(
    shipped: Path, lang: str, sheet: str, heading: str, yes: str, no: str
) -> None:
    import openpyxl

    _revised_within_the_list(shipped)
    out = shipped / f"since-{lang}.xlsx"
    r = run_clean("--lang", lang, "report", "-o", str(out), "--since", "2026-06-30", "--as-of", "2026-09-01")
    assert r.exit_code == 0, r.stderr
    book = openpyxl.load_workbook(out)
    ws = book[sheet]
    header = [c.value for c in ws[2]]
    # (The unit as stored follows it since the thirty-second session.)
    assert header[14] == heading and len(header) == 16, header
    rows = [r for r in ws.iter_rows(min_row=3, values_only=True)]
    assert [(r[4], r[14]) for r in rows] == [(8.5, no), (8.9, yes)]


# --- 3. A `"` in an indicator's name ended Open SDG's data-charttitle="..." attribute early
# (the chart's title cut at the quote, the rest read as other attributes). `"`, `'`, `&`,
# `<` and `>` are written as entities in indicator_name and graph_title, which a browser
# decodes in the heading and in the attribute alike, and `import opensdg` reads them back.

QUOTED_NAME = "Tỷ lệ \"xanh\" <CBCT> & 'R&D' của Quảng Ninh, đã &amp; chưa"

QUOTED_PLAN = """\
version: 1
title: "Plan"
indicators:
  green:
    name: {name}
    unit: "%"
    direction: increase
targets:
  - id: green-plan
    indicator: green
    type: plan
    period: 2025
    value: 40
"""


def test_a_quoted_name_round_trips_through_open_sdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json
    from html.parser import HTMLParser

    import yaml

    from conftest import STORE_HEADER, make_tracker

    plan = QUOTED_PLAN.format(name=json.dumps(QUOTED_NAME, ensure_ascii=False))
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER + "green,2024,35,,NSO,,2025-03-01T00:00:00Z\n")
    r = run_clean("export", "opensdg", "--into", "site")
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "site" / "meta" / "green.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    written = meta["indicator_name"]
    assert meta["graph_title"] == written
    assert not set("\"'<>") & set(written), written
    # Open SDG's template writes it between double quotes: the attribute holds the whole
    # name, as a browser decodes it.
    seen: dict[str, str | None] = {}

    class Chart(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            seen.update(attrs)

    Chart().feed(f'<div id="chart" data-charttitle="{written}"></div>')
    assert seen == {"id": "chart", "data-charttitle": QUOTED_NAME}
    r = run_clean("import", "opensdg", "site", "--into", "back", "--recorded-at", "2026-01-01")
    assert r.exit_code == 0, r.stderr
    back = yaml.safe_load((tmp_path / "back" / "targets.yaml").read_text(encoding="utf-8"))
    (indicator,) = back["indicators"].values()
    assert indicator["name"] == QUOTED_NAME


# --- 5. `--as-of DAY` ended at 23:59:59 UTC, kept then (the report said why): every day
# qntrack counted a figure on was its UTC day. Since the thirty-ninth session a plan that
# names its zone counts its days there (docs/targets-format.md, `timezone`): a figure typed
# at 06:30 on 29 June in Việt Nam (the plan's +07:00), stored 23:30 UTC on the 28th, is
# recorded on 29 June: `--as-of 2026-06-29` takes it in, `--as-of 2026-06-28` does not, in
# every command, and the confirmation has no other day to tell (the day typed is its day).

ZONED_PLAN = """\
version: 1
title: "Plan"
timezone: "+07:00"
indicators:
  fdi:
    name: "FDI"
    unit: "million USD"
    direction: increase
    frequency: quarter
    measure: flow
targets:
  - id: fdi-plan-2026
    indicator: fdi
    type: plan
    period: 2026
    value: 1000
"""


def test_a_figure_recorded_at_2330_utc_counts_on_its_day_in_the_plans_zone_everywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from conftest import STORE_HEADER, make_tracker

    make_tracker(tmp_path, monkeypatch, ZONED_PLAN, STORE_HEADER)
    r = run_clean(
        "add-observation", "fdi", "2026-Q2", "400", "--status", "estimate", "--recorded-at", "2026-06-29T06:30"
    )
    assert r.exit_code == 0, r.stderr
    assert "2026-06-28T23:30:00Z" in (tmp_path / "observations.csv").read_text(encoding="utf-8")
    said = _flat(r.stdout + r.stderr)
    assert "falls on" not in said and "UTC" not in said, said

    def known(day: str) -> dict[str, bool]:
        obs = json.loads(run_clean("observations", "--as-of", day, "--format", "json").stdout)["observations"]
        hist = json.loads(run_clean("history", "fdi", "--as-of", day, "--format", "json").stdout)["vintages"]
        sdmx = run_clean("export", "sdmx-csv", "--as-of", day).stdout
        report = run_clean("report", "--format", "markdown", "--as-of", day).stdout
        return {
            "observations": len(obs) == 1,
            "history": len(hist) == 1,
            "export": "2026-Q2" in sdmx,
            # its row, and the day it reads as recorded: the plan's day, as --as-of counts it
            "report": "| _400 million USD_ | estimate |  |  | 2026-06-29 |" in report,
        }

    assert known("2026-06-29") == dict.fromkeys(("observations", "history", "export", "report"), True)
    assert known("2026-06-28") == dict.fromkeys(("observations", "history", "export", "report"), False)
