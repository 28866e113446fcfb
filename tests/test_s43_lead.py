"""Issue 17, forty-third session, the lead: leftovers of the forty-second.

1. Per cent was decided per language. A unit `{en: "% of households", vi: "tỷ lệ %"}`
   had its gap in percentage points in English ("2.69 pp") and "2,69 tỷ lệ %" in
   Vietnamese, the same share read as a share in one language and as a count of a unit in
   the other. A unit's two forms now agree on the per-cent sign, or the plan is refused at
   the unit's line, saying how to write it (a per-mille sign only sits against its figure,
   its differences per mille in either language: `{en: "deaths per thousand live births",
   vi: "‰"}` is read, tests/test_s43_n.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

_FIGURES = """\
indicator,period,value,status,source,note,recorded_at
share,2023,12.31,official,GSO,,2024-02-01
"""


def _plan(unit: str) -> str:
    return f"""\
version: 1
indicators:
  share:
    name: Households with piped water
    unit: {unit}
    direction: increase
targets:
  - id: f
    type: level
    indicator: share
    baseline: {{period: 2020, value: 9.8}}
    milestones:
      - {{by: 2025, value: 15}}
"""


@pytest.mark.parametrize(
    ("unit", "said"),
    [
        ('{en: "% of households", vi: "tỷ lệ %"}', "% of households"),
        ('{en: "share of households", vi: "% hộ gia đình"}', "% hộ gia đình"),
        # No currency on either side (pass N's currency rule passes them), but one form a
        # per cent and the other not: a gap in points in one language only.
        ('{en: "% of GRDP", vi: "tỷ lệ"}', "% of GRDP"),
        ('{en: "percent", vi: "%"}', '"percent"'),
    ],
)
def test_a_unit_whose_two_forms_disagree_on_per_cent_is_refused_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unit: str, said: str
) -> None:
    make_tracker(tmp_path, monkeypatch, _plan(unit), _FIGURES)
    for lang in ("en", "vi"):
        r = run_clean("--lang", lang, "status", "--as-of", "2024-06-01")
        # A plan that does not read is invalid input: exit 1, nothing on stdout.
        assert r.exit_code == 1, r.output
        assert r.stdout == ""
        assert "targets.yaml:5" in r.stderr, r.stderr  # the line of `unit:`
        assert said in r.stderr, r.stderr
    checked = run_clean("check")
    assert checked.exit_code == 1 and "targets.yaml:5" in checked.stderr, checked.stderr


def test_a_unit_whose_two_forms_agree_reads_in_points_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tracker(tmp_path, monkeypatch, _plan('{en: "% of households", vi: "% hộ gia đình"}'), _FIGURES)
    # 15 - 12.31 = 2.69 percentage points in either language.
    en = run_clean("status", "--format", "table", "--as-of", "2024-06-01", env={"COLUMNS": "200"})
    vi = run_clean("--lang", "vi", "status", "--format", "table", "--as-of", "2024-06-01", env={"COLUMNS": "200"})
    assert en.exit_code == 0 and vi.exit_code == 0, en.stderr + vi.stderr
    assert "2.69 pp" in en.stdout, en.stdout
    assert "2,69 điểm %" in vi.stdout, vi.stdout


# --- 2. A total with no figure of its own, its figures by unit ---------------------------

_BY_UNIT_PLAN = """\
title: Finer
dimensions:
  sex:
    name: {en: Sex, vi: Giới tính}
    values: [Female, Male]
indicators:
  lit: {name: Literacy, unit: '%', measure: rate, direction: increase, dimensions: [sex]}
targets:
  - {id: lit-all, type: open_sdg, indicator: lit, target: 99, direction: increase}
"""
_BY_UNIT_STORE = """\
indicator,period,value,status,source,note,recorded_at
lit[sex=Female],2015,80,official,GSO,,2016-03-01T00:00:00Z
lit[sex=Male],2015,84,official,GSO,,2016-03-01T00:00:00Z
"""


@pytest.mark.parametrize(
    ("lang", "said", "untrue"),
    [
        ("en", "no figure of this indicator's total has been recorded yet", "for this indicator yet"),
        ("vi", "chưa có số liệu nào của tổng chỉ tiêu", "chỉ tiêu chưa có số liệu nào"),
    ],
)
def test_a_total_kept_only_by_unit_is_not_said_to_have_no_figure_in_its_in_short(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str, untrue: str
) -> None:
    # Two figures are recorded (women's and men's); none names no unit, the total's.
    make_tracker(tmp_path, monkeypatch, _BY_UNIT_PLAN, _BY_UNIT_STORE)
    for args in (["show", "lit-all"], ["report", "--format", "md"]):
        done = run_clean("--lang", lang, *args, env={"COLUMNS": "400"})
        assert done.exit_code == 0, done.stderr
        flat = " ".join(done.stdout.split())
        assert said in flat, flat
        assert untrue not in flat, flat


# --- 3. A unit named with a comma, among others ------------------------------------------

_COMMA_PLAN = """\
title: Comma
dimensions:
  province:
    values: ['Bà Rịa, Vũng Tàu', Hà Nội]
  sex:
    values: [Female, Male]
indicators:
  lit: {name: Literacy, unit: '%', direction: increase, dimensions: [province, sex]}
targets:
  - {id: lit-each, type: open_sdg, indicator: lit, target: 99, direction: increase, for_each: [province, sex]}
"""
_COMMA_STORE = """\
indicator,period,value,status,source,note,recorded_at
"lit[province=Bà Rịa, Vũng Tàu;sex=Female]",2015,80,official,GSO,,2016-03-01T00:00:00Z
"lit[province=Bà Rịa, Vũng Tàu;sex=Female]",2021,85,official,GSO,,2022-03-01T00:00:00Z
lit[province=Hà Nội;sex=Female],2015,70,official,GSO,,2016-03-01T00:00:00Z
lit[province=Hà Nội;sex=Female],2021,78,official,GSO,,2022-03-01T00:00:00Z
"""


def test_a_unit_whose_name_holds_a_comma_is_quoted_beside_another_dimension(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tracker(tmp_path, monkeypatch, _COMMA_PLAN, _COMMA_STORE)
    done = run_clean("rank", "lit-each", "--format", "table", env={"COLUMNS": "200"})
    assert done.exit_code == 0, done.stderr
    # "province=Bà Rịa, Vũng Tàu, sex=Female" read as three units; quoted, it is one.
    assert 'province="Bà Rịa, Vũng Tàu", sex=Female' in done.stdout, done.stdout
    assert "province=Hà Nội, sex=Female" in done.stdout, done.stdout
    # The CSV keeps a column a dimension, unquoted but by CSV's own rule.
    csv = run_clean("rank", "lit-each", "--format", "csv")
    assert '2,"Bà Rịa, Vũng Tàu",Female,' in csv.stdout, csv.stdout
    # show of one unit names it in its sentences the same way.
    one = run_clean(
        "show", "lit-each", "--dim", "province=Bà Rịa, Vũng Tàu", "--dim", "sex=Male", env={"COLUMNS": "400"}
    )
    assert one.exit_code == 0, one.stderr
    assert 'no figure has been recorded for "Bà Rịa, Vũng Tàu", Male yet' in " ".join(one.stdout.split()), one.stdout


# --- 4. Rows typed at a terminal ---------------------------------------------------------


@pytest.mark.parametrize(("lang", "words"), [("en", "Ctrl-D"), ("vi", "Ctrl-D")])
def test_rows_read_from_a_terminal_are_asked_for_with_how_to_end_them(shipped: Path, lang: str, words: str) -> None:
    # `add-observation --from -` at a terminal waited for input without a word: it looked
    # hung. It says what it waits for and how to end it; the rows typed are then added.
    import os
    import pty
    import subprocess
    import sys

    main, side = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("QNTRACK_TARGETS", "QNTRACK_LANG")}
    done = subprocess.Popen(
        [sys.executable, "-m", "qntrack", "--lang", lang, "add-observation", "--from", "-"],
        stdin=side,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=shipped,
        env=env,
    )
    os.close(side)
    os.write(main, b"indicator,period,value,status,source,note,recorded_at\r")
    os.write(main, b"fdi,2026-06,310,estimate,Test,,2026-07-05T00:00:00Z\r")
    os.write(main, b"\x04")  # Ctrl-D on a line of its own: the end of the input
    _, err = done.communicate(timeout=60)
    os.close(main)
    said = err.decode("utf-8")
    assert done.returncode == 0, said
    assert words in said.splitlines()[0], said
    rows = (shipped / "observations.csv").read_text(encoding="utf-8")
    assert "fdi,2026-06,310,estimate,Test,,2026-07-05T00:00:00Z" in rows


def test_rows_piped_in_get_no_such_word(shipped: Path) -> None:
    done = run_clean(
        "add-observation",
        "--from",
        "-",
        input="indicator,period,value,status,source,note,recorded_at\nfdi,2026-06,310,estimate,Test,,2026-07-05T00:00:00Z\n",
    )
    assert done.exit_code == 0, done.stderr
    assert "Ctrl-D" not in done.stderr, done.stderr


# --- 5. A level's plan read on its first quarter, later quarters recorded ---------------

_JOBLESS_PLAN = """\
version: 1
indicators:
  jobless: {name: Unemployment rate, unit: '%', direction: decrease, frequency: quarter}
targets:
  - {id: jobless-2026, type: plan, indicator: jobless, period: 2026, value: 5.8}
"""
_JOBLESS_STORE = """\
indicator,period,value,status,source,note,recorded_at
jobless,2026-Q1,6.0,official,GSO,,2026-04-20T00:00:00Z
jobless,2026-Q2,5.9,official,GSO,,2026-07-20T00:00:00Z
jobless,2026-Q3,5.7,official,GSO,,2026-10-20T00:00:00Z
"""


def test_a_levels_plan_read_on_its_first_quarter_names_the_later_quarters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A level's part-year reading is from January (methodology.md, "Annual plan"): Q1 2026,
    # 6.0 against a ceiling of 5.8. Q2 (5.9) and Q3 (5.7, under the plan) were recorded and
    # passed over in silence; each is now named, and why, in show and the JSON.
    make_tracker(tmp_path, monkeypatch, _JOBLESS_PLAN, _JOBLESS_STORE)
    shown = run_clean("show", "jobless-2026", "--as-of", "2026-11-01", env={"COLUMNS": "400"})
    assert shown.exit_code == 0, shown.stderr
    flat = " ".join(shown.stdout.split())
    for quarter, value in (("Q2 2026", "5.9%"), ("Q3 2026", "5.7%")):
        assert f"{quarter} ({value}) is recorded and not counted" in flat, flat
    assert "so 2026 is read on Q1 2026" in flat, flat
    done = run_clean("status", "--format", "json", "--as-of", "2026-11-01")
    import json

    (target,) = json.loads(done.stdout)["targets"]
    assert target["provisional"]["period"] == "2026-Q1"  # the reading itself is unchanged
    left = target["details"]["year_to_date"]["not_counted"]
    assert left == [
        {"period": "2026-Q2", "value": 5.9, "why": "not_from_start", "missing": None},
        {"period": "2026-Q3", "value": 5.7, "why": "not_from_start", "missing": None},
    ], left
    vi = run_clean("--lang", "vi", "show", "jobless-2026", "--as-of", "2026-11-01", env={"COLUMNS": "400"})
    assert "Quý III/2026 (5,7%) đã được ghi nhận nhưng không được tính" in " ".join(vi.stdout.split()), vi.stdout


# --- 6. A word for today typed as the day -------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [
        ("en", "today", "leave --as-of out to read the figures as recorded now"),
        ("en", "Now", "leave --as-of out to read the figures as recorded now"),
        ("vi", "hôm nay", "bỏ --as-of đi để đọc số liệu như đã ghi nhận đến nay"),
    ],
)
def test_a_word_for_today_as_the_day_is_told_to_leave_the_option_out(
    shipped: Path, lang: str, typed: str, said: str
) -> None:
    done = run_clean("--lang", lang, "status", "--as-of", typed)
    assert done.exit_code == 2, done.stderr  # a value refused for its form, as before
    assert said in done.stderr, done.stderr
    assert "YYYY-MM-DD" in done.stderr, done.stderr


def test_a_word_for_today_as_since_gets_the_day_form_alone(shipped: Path) -> None:
    done = run_clean("report", "--since", "today", "--format", "md")
    assert done.exit_code == 2 and "YYYY-MM-DD" in done.stderr, done.stderr
    assert "leave --since out" not in done.stderr, done.stderr


_CPI_PLAN = """\
version: 1
indicators:
  cpi: {name: CPI, unit: '% y/y', measure: rate, direction: decrease, frequency: month}
targets:
  - {id: cpi-2026, type: plan, indicator: cpi, period: 2026, value: 4.5}
"""


def test_a_rates_many_later_months_are_said_in_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Ten monthly CPI figures (3.1 … 4.0): the plan is read on January's 3.1, and the nine
    # months after it (February to October, the latest October's 4.0) are said once, not
    # in nine sentences; JSON still lists each of the nine.
    rows = "".join(
        f"cpi,2026-{m:02d},{3 + m / 10:.1f},official,GSO,,2026-{m + 1:02d}-06T00:00:00Z\n" for m in range(1, 11)
    )
    make_tracker(tmp_path, monkeypatch, _CPI_PLAN, "indicator,period,value,status,source,note,recorded_at\n" + rows)
    shown = run_clean("show", "cpi-2026", "--as-of", "2026-11-30", env={"COLUMNS": "400"})
    flat = " ".join(shown.stdout.split())
    said = "February 2026 to October 2026 (9 figures, the latest 4% y/y) are recorded and not counted"
    assert flat.count("recorded and not counted") == 1 and said in flat, flat
    assert "so 2026 is read on January 2026" in flat, flat
    table = run_clean("status", "--format", "table", "--as-of", "2026-11-30", env={"COLUMNS": "400"})
    # The legend's one line under its heading ("Figures recorded and not counted …").
    assert table.stdout.count("are recorded and not counted") == 1, table.stdout
    assert "is recorded and not counted" not in table.stdout, table.stdout
    import json

    done = run_clean("status", "--format", "json", "--as-of", "2026-11-30")
    (target,) = json.loads(done.stdout)["targets"]
    assert [x["period"] for x in target["details"]["year_to_date"]["not_counted"]] == [
        f"2026-{m:02d}" for m in range(2, 11)
    ]
    vi = run_clean("--lang", "vi", "show", "cpi-2026", "--as-of", "2026-11-30", env={"COLUMNS": "400"})
    assert "Số liệu từ tháng 2/2026 đến tháng 10/2026 (9 số," in " ".join(vi.stdout.split()), vi.stdout


# --- 7. A unit in a column's heading ---------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "heading", "said"),
    [
        ("en", "Giá trị (tỷ đồng)", "'Giá trị (tỷ đồng)' is the value column with its unit in brackets (tỷ đồng)"),
        (
            "en",
            "value (billion VND)",
            "'value (billion VND)' is the value column with its unit in brackets (billion VND)",
        ),
        ("vi", "Giá trị (tỷ đồng)", "'Giá trị (tỷ đồng)' là cột value kèm đơn vị trong ngoặc (tỷ đồng)"),
    ],
)
def test_a_unit_in_a_columns_heading_is_told_where_the_unit_goes(
    shipped: Path, lang: str, heading: str, said: str
) -> None:
    # "Giá trị (tỷ đồng)", as a yearbook heads its column, was "unknown column" with the
    # list of every column: the column is known, its unit is what to move.
    (shipped / "h.csv").write_text(f"indicator,period,{heading}\ngrdp_vnd,2026,300000\n", encoding="utf-8")
    done = run_clean("--lang", lang, "add-observation", "--from", "h.csv", "--dry-run")
    assert done.exit_code == 1, done.stderr
    assert said in done.stderr, done.stderr
    assert "unknown column" not in done.stderr and "không có cột" not in done.stderr, done.stderr


@pytest.mark.parametrize(("heading", "cell"), [("Foo", "D1"), ("Giá trị (tỷ đồng)", "C1")])
def test_a_workbooks_column_refused_is_told_at_its_own_cell(shipped: Path, heading: str, cell: str) -> None:
    # An unknown heading, typed with a capital, was told at A1: its lower-case reading was
    # looked for among the headings as typed, never found.
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    headings = ["indicator", "period", "value", heading] if cell == "D1" else ["indicator", "period", heading]
    sheet.append(headings)
    sheet.append(["grdp_vnd", "2026", 300000, 1][: len(headings)])
    book.save(shipped / "h.xlsx")
    done = run_clean("add-observation", "--from", "h.xlsx", "--dry-run")
    assert done.exit_code == 1, done.stderr
    first = done.stderr.splitlines()[0]
    assert first.startswith(f"h.xlsx:{sheet.title}!{cell}: error:") and heading in first, done.stderr


@pytest.mark.parametrize("heading", ["Value (Giá trị)", "note (ghi chú)"])
def test_a_heading_in_two_languages_is_not_told_it_holds_a_unit(shipped: Path, heading: str) -> None:
    (shipped / "h.csv").write_text(f"indicator,period,{heading}\ngrdp_vnd,2026,300000\n", encoding="utf-8")
    done = run_clean("add-observation", "--from", "h.csv", "--dry-run")
    assert done.exit_code == 1, done.stderr
    assert "unit in brackets" not in done.stderr, done.stderr
