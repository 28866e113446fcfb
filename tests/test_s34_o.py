"""Thirty-fourth session, pass O (issue 17): a province's distance to its goal, where the
officer looks for it.

The gap (methodology.md, "Gap": still to go in the target's direction, in the indicator's
unit, percentage points for a per-cent unit; "✓" once reached) was given by `status --by`
and its JSON alone: `rank` and the reports' unit tables listed rank, status, score, P and
the latest figure, and an officer asking "how far is Quảng Ninh from its target" had to
leave the report for it. Expected values are worked by hand in each test.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import dedent, make_tracker
from helpers import run_clean

# Three provinces, 15 % by 2025 from 2020; Hà Nội has its own 13 %. By hand
# (methodology.md, "Gap", level, higher is better: G − x): Quảng Ninh 15 − 12 = 3 pp,
# Hà Nội 13 − 13 = 0 (reached: "✓"), Huế 15 − 9 = 6 pp. Ranked (methodology.md,
# "Ranking"): Hà Nội achieved first, Quảng Ninh (progress) second, Huế (deterioration) last.
GAP_PLAN = dedent(
    """
    title: Provinces
    dimensions:
      province:
        name: {en: Province, vi: "Tỉnh"}
        values: ["Quảng Ninh", "Hà Nội", "Huế"]
    indicators:
      share: {name: {en: Forest cover, vi: Tỷ lệ che phủ rừng}, unit: "%", dimensions: [province]}
    targets:
      - id: forest-2025
        indicator: share
        baseline: 2020
        milestones:
          - {by: 2025, value: 15}
        for_each: province
        overrides:
          Hà Nội: {milestones: [{by: 2025, value: 13}]}
    """
)
GAP_STORE = dedent(
    """
    indicator,period,value,status,source,note,recorded_at
    share[province=Quảng Ninh],2020,10,official,,,2021-03-01T00:00:00Z
    share[province=Quảng Ninh],2023,12,official,,,2024-03-01T00:00:00Z
    share[province=Hà Nội],2020,10,official,,,2021-03-01T00:00:00Z
    share[province=Hà Nội],2023,13,official,,,2024-03-01T00:00:00Z
    share[province=Huế],2020,10,official,,,2021-03-01T00:00:00Z
    share[province=Huế],2023,9,official,,,2024-03-01T00:00:00Z
    """
)
AS_OF = ("--as-of", "2024-06-01")


@pytest.fixture
def provinces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, GAP_PLAN, GAP_STORE)


def test_rank_json_gives_each_units_gap_as_its_last_key(provinces: Path) -> None:
    r = run_clean("rank", "forest-2025", "--format", "json", *AS_OF)
    assert r.exit_code == 0, r.output
    units = json.loads(r.stdout)["units"]
    assert [(u["dims"]["province"], u["gap"]) for u in units] == [("Hà Nội", 0), ("Quảng Ninh", 3), ("Huế", 6)]
    # gap was added last; the thirty-fifth session added not_counted after it
    assert all(list(u)[-2:] == ["gap", "not_counted"] for u in units)
    # As status --by's JSON gives each unit's (one implementation).
    status = json.loads(run_clean("status", "forest-2025", "--format", "json", *AS_OF).stdout)
    by_unit = {u["dims"]["province"]: u["gap"] for u in status["targets"][0]["breakdown"]}
    assert by_unit == {"Quảng Ninh": 3, "Hà Nội": 0, "Huế": 6}


@pytest.mark.parametrize("kind", ["csv", "tsv"])
def test_rank_csv_gives_each_units_gap_as_its_last_column(provinces: Path, kind: str) -> None:
    r = run_clean("rank", "forest-2025", "--format", kind, *AS_OF)
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.stdout), delimiter="," if kind == "csv" else "\t"))
    # Then not_counted, added last in the thirty-sixth session.
    assert rows[0][-3:] == ["missed_milestones", "gap", "not_counted"]
    # Written as status's CSV writes its gap column (a float: "3.0").
    assert [(row[1], float(row[-2])) for row in rows[1:]] == [("Hà Nội", 0), ("Quảng Ninh", 3), ("Huế", 6)]


def _row(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if name in line)


def test_rank_table_has_the_gap_beside_the_latest_figure(provinces: Path) -> None:
    r = run_clean("rank", "forest-2025", "--format", "table", *AS_OF, env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    header = _row(r.stdout, "Latest")
    assert header.index("Latest") < header.index("Gap") < header.index("Own values"), r.stdout
    assert "✓" in _row(r.stdout, "Hà Nội")
    assert "3 pp" in _row(r.stdout, "Quảng Ninh")
    assert "6 pp" in _row(r.stdout, "Huế")
    vi = run_clean("rank", "forest-2025", "--format", "table", "--lang", "vi", *AS_OF, env={"COLUMNS": "120"})
    assert "Còn thiếu" in vi.stdout and "6 điểm %" in _row(vi.stdout, "Huế"), vi.stdout


def test_rank_table_at_80_columns_keeps_every_gap_whole(provinces: Path) -> None:
    r = run_clean("rank", "forest-2025", "--format", "table", *AS_OF, env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    assert max(len(line) for line in r.stdout.splitlines()) <= 80
    assert "3 pp" in r.stdout and "6 pp" in r.stdout, r.stdout


def test_the_markdown_and_html_reports_unit_tables_have_the_gap(provinces: Path) -> None:
    assert run_clean("report", "--format", "md", "-o", "r.md", *AS_OF).exit_code == 0
    text = (provinces / "r.md").read_text(encoding="utf-8")
    header = next(line for line in text.splitlines() if line.startswith("| Rank |"))
    cells = [c.strip() for c in header.strip("|").split("|")]
    assert cells[cells.index("Latest") + 1] == "Gap", header
    assert "| 6 pp |" in _row(text, "| Huế |") and "| ✓ |" in _row(text, "| Hà Nội |")
    assert run_clean("report", "--format", "html", "-o", "r.html", *AS_OF).exit_code == 0
    html = (provinces / "r.html").read_text(encoding="utf-8")
    units = html[html.index('<table class="units">') :]
    units = units[: units.index("</table>")]
    assert '<th scope="col" class="num">Gap</th>' in units
    assert '<td class="num">3 pp</td>' in units


def test_the_workbooks_unit_sheet_has_the_gap(provinces: Path) -> None:
    import openpyxl

    assert run_clean("report", "--format", "xlsx", "-o", "r.xlsx", *AS_OF).exit_code == 0
    book = openpyxl.load_workbook(provinces / "r.xlsx")
    sheet = next(ws for ws in book.worksheets if ws.title.startswith("forest-2025"))
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    header = list(rows[0])
    gap = next(i for i, h in enumerate(header) if h and str(h).startswith("Gap"))
    assert header[gap] == "Gap (pp)"
    assert [(r[1], r[gap]) for r in rows[1:4]] == [("Hà Nội", 0), ("Quảng Ninh", 3), ("Huế", 6)]


# Two vintages of one year, each from a web page (as the shipped grdp_growth 2023): the
# second revises the first (11.02 → 11.03).
URL_1 = "https://baohaiduong.vn/quang-ninh-lap-ky-tich-9-nam-lien-tiep-tang-truong-grdp-hai-con-so-364640.html"
URL_2 = (
    "https://vietnamnet.vn/tang-truong-grdp-quang-ninh-uoc-dat-11-03-dung-dau-khu-vuc-dong-bang-song-hong-2220375.html"
)
HISTORY_PLAN = dedent(
    """
    title: Growth
    indicators:
      grdp_growth: {name: GRDP growth, unit: "% y/y", measure: rate}
    targets:
      - {id: growth, type: every_period, indicator: grdp_growth, at_least: 10, from: 2021, to: 2025}
    """
)
HISTORY_STORE = (
    "indicator,period,value,status,source,note,recorded_at\n"
    f"grdp_growth,2023,11.02,estimate,{URL_1},Provincial Party Committee figure,2023-11-24T00:00:00Z\n"
    f"grdp_growth,2023,11.03,estimate,{URL_2},revision: statistics office figure,2023-11-27T00:00:00Z\n"
)


def _joined(text: str) -> str:
    """The output's lines put back together, each line's indent and end dropped."""
    return "".join(line.strip() for line in text.splitlines())


def test_history_at_80_columns_gives_each_vintage_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 80 columns the table cut each web address into pieces of 8 (16 lines a vintage)
    and a revision's figures over six lines, to keep the 20-column recorded moment beside
    them. Too narrow for an address in pieces of 30, each vintage is a block of its own:
    the figures on one line, the recorded moment whole (what was known when), the address
    over two lines."""
    make_tracker(tmp_path, monkeypatch, HISTORY_PLAN, HISTORY_STORE)
    r = run_clean("history", "grdp_growth", "2023", "--format", "table", env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    lines = [line.rstrip() for line in r.stdout.splitlines()]
    assert max(len(line) for line in lines) <= 80
    assert "  Value: 11.02% y/y → 11.03% y/y" in lines
    assert "  Recorded: 2023-11-27T00:00:00Z" in lines and "  Recorded: 2023-11-24T00:00:00Z" in lines
    assert URL_1 in _joined(r.stdout) and URL_2 in _joined(r.stdout)
    # The title, two blocks of nine lines (in force, period, value, kind, "Source:" and the
    # address after it on two lines, its 98 and 110 characters at 78 (since the thirty-fifth
    # session the label no longer stands alone on a line), note, recorded, line) and a
    # blank between, where a vintage took 16 lines.
    assert len(lines) == 1 + 9 + 1 + 9, r.stdout


def test_history_on_a_wide_terminal_cuts_an_address_in_pieces_of_30_or_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tracker(tmp_path, monkeypatch, HISTORY_PLAN, HISTORY_STORE)
    r = run_clean("history", "grdp_growth", "2023", "--format", "table", env={"COLUMNS": "140"})
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert any(line.startswith("In force") for line in lines), r.stdout  # a table, its heading row
    at = lines[3].index("https://")
    pieces = [line[at:].split("  ")[0] for line in lines[3:] if line[at : at + 1].strip()]
    assert "".join(pieces) == URL_2 + URL_1  # the one in force first
    assert min(len(p) for p in pieces if not p.endswith(".html")) >= 30, pieces  # each but an address's last
    assert "2023-11-27T00:00:00Z" in lines[3]


def _report_data(day: str = "2024-06-01"):
    from qntrack.files.workspace import open_workspace, reference_day
    from qntrack.output.report import build_report

    ws = open_workspace("targets.yaml", day)
    return build_report(ws.plan, ws.series, ws.store.observations, None, day, None, reference_day(day))


def _floors(data) -> tuple[list[int], int]:
    """Each breakdown's ``html_floor`` as the HTML report is made, and that HTML's length."""
    from qntrack.output.report_markup import render_html
    from qntrack.output.report_pdf import html_floor

    floors: list[int] = []
    html = render_html(data, "en", made=lambda view: floors.append(html_floor(view)))
    return floors, len(html.encode("utf-8"))


def test_the_pdfs_running_measure_is_a_lower_bound_of_its_html(shipped: Path) -> None:
    """The shipped plan (a broken-down target of 13 localities, its chart and sources):
    what the measure counts is never more than the HTML made."""
    floors, length = _floors(_report_data("2026-12-01"))
    assert len(floors) == 1 and floors[0] > 0
    assert sum(floors) <= length


def test_a_pdf_proved_too_long_is_refused_before_the_targets_sections(
    provinces: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The national plan's PDF was refused only after its whole HTML was made (13.8 s):
    its breakdowns' charts and tables are now measured as they are made, and once what is
    certain passes the limit the PDF is refused there, before the targets' sections, with
    the rule's message and exit code (2), nothing written."""
    from qntrack.output import report_markup, report_pdf

    data = _report_data()
    floors, length = _floors(data)
    (floor,) = floors
    assert 0 < floor <= length
    monkeypatch.setattr(report_pdf, "PDF_HTML_LIMIT", floor - 1)

    def made_anyway(*args: object, **kwargs: object) -> None:
        raise AssertionError("the targets' sections were made")

    monkeypatch.setattr(report_markup, "_view", made_anyway)
    r = run_clean("report", "--format", "pdf", "-o", "r.pdf", *AS_OF)
    assert r.exit_code == 2, r.output
    assert "write --format html or docx" in r.stderr
    assert not (provinces / "r.pdf").exists()
    # The lead, at the merge: the pages named are a certain bound, not an extrapolation
    # ("about 923 pages" of a document of about 1,584): "more than" the pages of what was
    # measured, each page 10,000 bytes of HTML, as the rule counts them.
    said = " ".join(r.stderr.split())
    assert f"would run to more than {floor // 10_000} pages" in said
    assert "counted before the whole report was made" in said
    vi = run_clean("--lang", "vi", "report", "--format", "pdf", "-o", "r.pdf", *AS_OF)
    assert vi.exit_code == 2 and "sẽ dài hơn" in " ".join(vi.stderr.split())


@pytest.mark.parametrize("over", [0, 1])
def test_a_pdf_at_the_limit_is_refused_as_the_rule_says(
    provinces: Path, monkeypatch: pytest.MonkeyPatch, over: int
) -> None:
    """At the border: an HTML of exactly PDF_HTML_LIMIT bytes is written (the rule refuses
    only above it), one byte over is refused, by the rule, after the measure let it by."""
    from qntrack.errors import InputError
    from qntrack.output import report_pdf
    from qntrack.output.report_markup import render_html

    data = _report_data()
    _, length = _floors(data)
    monkeypatch.setattr(report_pdf, "PDF_HTML_LIMIT", length - over)
    budget = report_pdf.Budget(data)
    render_html(data, "en", made=budget)  # the measure never refuses it
    assert 0 < budget.floor <= length
    if over:
        with pytest.raises(InputError, match="would run to about"):
            report_pdf._refuse_too_long(length)
    else:
        report_pdf._refuse_too_long(length)  # written
