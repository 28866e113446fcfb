"""Issue 17, thirty-fifth session, pass G: this session's changes tried as a demanding new
user would (docs/decisions.md, "The thirty-fifth session", items 1-4). Each test was written
failing first; the expected figures are worked out by hand in its docstring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# --- 1. A breakdown's unit: its months recorded and not counted are said too ----------------

UNITS_PLAN = """\
version: 1
title: "Units"
observations: observations.csv
dimensions:
  province:
    values: ["Hà Nội", "Huế"]
indicators:
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
    direction: increase
    frequency: month
    dimensions: [province]
targets:
  - id: fdi-q3
    indicator: fdi
    type: plan
    period: 2024-Q3
    value: 300
    for_each: province
    overrides: {"Hà Nội": {value: 200}, "Huế": {value: 100}}
"""

UNITS_STORE = """\
indicator,period,value,status,source,note,recorded_at
fdi[province=Hà Nội],2024-07,100,official,s,,2024-08-05T00:00:00Z
fdi[province=Hà Nội],2024-08,50,official,s,,2024-09-05T00:00:00Z
fdi[province=Huế],2024-07,30,official,s,,2024-08-05T00:00:00Z
fdi[province=Huế],2024-09,20,official,s,,2024-10-05T00:00:00Z
"""


@pytest.fixture
def unit_plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, UNITS_PLAN, UNITS_STORE)


def test_status_json_lists_each_unit_s_figures_not_counted(unit_plans: Path) -> None:
    """The contract already carried it (a unit's details.year_to_date.not_counted): Hà Nội
    is read on July (100 of its 200, 50%), August's 50 not counted (July-August is no
    period); Huế on July (30 of 100, 30%), September's 20 not counted (August missing)."""
    from helpers import run_clean

    made = run_clean("status", "--as-of", "2024-10-20", "--format", "json")
    assert made.exit_code == 0, made.output
    units = json.loads(made.stdout)["targets"][0]["breakdown"]
    ytd = {u["dims"]["province"]: u["details"]["year_to_date"] for u in units}
    assert (ytd["Hà Nội"]["value"], ytd["Hà Nội"]["percent_of_plan"]) == (100.0, 50.0)
    assert ytd["Hà Nội"]["not_counted"] == [{"period": "2024-08", "value": 50.0, "why": "no_period", "missing": None}]
    assert (ytd["Huế"]["value"], ytd["Huế"]["percent_of_plan"]) == (30.0, 30.0)
    assert ytd["Huế"]["not_counted"] == [
        {"period": "2024-09", "value": 20.0, "why": "period_missing", "missing": "2024-08"}
    ]


@pytest.mark.parametrize("command", [("rank", "fdi-q3"), ("show", "fdi-q3")])
@pytest.mark.parametrize("width", ["60", "200"])
def test_rank_and_show_say_a_unit_s_month_not_counted(
    unit_plans: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...], width: str
) -> None:
    """rank's table (and show's list of units) wrote "Hà Nội ... 100 million USD (2024-07,
    part-year)" and said nothing of August's 50, nor of Huế's September 20: the silence the
    session mended for the whole (item 1) left for its units. Each unit's reading is now
    marked and its figures not counted said under the table, as status's legend says the
    whole's."""
    from helpers import run_clean

    monkeypatch.setenv("COLUMNS", width)
    made = run_clean(*command, "--as-of", "2024-10-20", "--format", "table")
    assert made.exit_code == 0, made.output
    text = " ".join(made.stdout.split())
    assert "Figures recorded and not counted in a plan's reading:" in text, made.stdout
    assert "FDI (Hà Nội) 2024-08 (50 million USD) is recorded and not counted: 2024-07 to 2024-08 is no period" in (
        text
    ), made.stdout
    assert "FDI (Huế) 2024-09 (20 million USD) is recorded and not counted: 2024-08 is not recorded" in text, (
        made.stdout
    )


def test_rank_says_a_unit_s_month_not_counted_in_vietnamese(unit_plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers import run_clean

    monkeypatch.setenv("COLUMNS", "120")
    made = run_clean("--lang", "vi", "rank", "fdi-q3", "--as-of", "2024-10-20", "--format", "table")
    text = " ".join(made.stdout.split())
    assert "Số liệu đã ghi nhận nhưng không được cộng vào số đọc theo kế hoạch:" in text, made.stdout
    assert (
        "FDI (Huế) 2024-09 (20 million USD) đã ghi nhận nhưng không được cộng: chưa ghi nhận số liệu 2024-08" in text
    ), made.stdout


def test_the_report_s_breakdown_says_a_unit_s_month_not_counted(unit_plans: Path) -> None:
    """The Markdown report's table of units said Hà Nội's July and nothing of August."""
    from helpers import run_clean

    made = run_clean("report", "--as-of", "2024-10-20", "-o", "r.md")
    assert made.exit_code == 0, made.output
    text = " ".join(Path("r.md").read_text(encoding="utf-8").split())
    assert "100\\[1\\] million USD (July 2024, part-year)" in text, text
    assert "\\[1\\] FDI (Hà Nội) August 2024 (50 million USD) is recorded and not counted" in text, text
    assert "\\[2\\] FDI (Huế) September 2024 (20 million USD) is recorded and not counted" in text, text


def test_a_unit_read_on_all_its_months_says_nothing_not_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With Hà Nội's September recorded too, its quarter is July + August + September (100 +
    50 + 70 = 220 of 200: achieved), the period's own figure: nothing is left out, no legend
    line for it; Huế's still is."""
    from conftest import make_tracker
    from helpers import run_clean

    store = UNITS_STORE + "fdi[province=Hà Nội],2024-09,70,official,s,,2024-10-05T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, UNITS_PLAN, store)
    monkeypatch.setenv("COLUMNS", "120")
    made = run_clean("rank", "fdi-q3", "--as-of", "2024-10-20", "--format", "table")
    text = " ".join(made.stdout.split())
    assert "(Hà Nội) 2024-08" not in text and "FDI (Huế) 2024-09 (20 million USD)" in text, made.stdout
    doc = json.loads(run_clean("status", "--as-of", "2024-10-20", "--format", "json").stdout)
    hanoi = next(u for u in doc["targets"][0]["breakdown"] if u["dims"]["province"] == "Hà Nội")
    assert (hanoi["latest"]["period"], hanoi["latest"]["value"], hanoi["status"]) == (
        "2024-Q3",
        220.0,
        "target_achieved",
    )
    assert "year_to_date" not in hanoi["details"]


# --- 2. "tháng Một", January as Vietnamese writes it in words ---------------------------------

Q_PLAN = """\
version: 1
title: "Plan"
observations: observations.csv
indicators:
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
    direction: increase
    frequency: month
targets:
  - {id: fdi-2025, indicator: fdi, type: plan, period: 2025, value: 1200}
"""


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        # Tháng Một is January, the first month (Mười Một, the eleventh, stays November).
        ("ngày 5 tháng Một năm 2026", "2026-01-05"),
        ("ngày 5 tháng một năm 2026", "2026-01-05"),
        ("ngày mồng 5 tháng Một năm 2026", "2026-01-05"),
        ("ngày 5 tháng Mười Một năm 2026", "2026-11-05"),
    ],
)
def test_thang_mot_is_january(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, day: str) -> None:
    """The session read Giêng to Chạp, and Mười Một as November, but not Một, January's
    name in words as an official letter dates it ("Hà Nội, ngày 5 tháng Một năm 2026"):
    it got "not a date; write YYYY-MM-DD, e.g. 2023-06-28" where tháng Giêng was told
    2026-01-05."""
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, Q_PLAN, "indicator,period,value,status,source,note,recorded_at\n")
    made = run_clean("status", "--as-of", typed)
    assert made.exit_code == 2, made.output
    assert f"--as-of: error: '{typed}' is not a date; write YYYY-MM-DD: {day}" in made.stderr, made.stderr


# --- 3. Excel's count of a day and time as a Vietnamese Excel shows it: 46142,5 -------------


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_excel_s_count_with_a_decimal_comma_is_told_its_day_and_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Excel set to Vietnamese (or French, German...) writes a General cell's date and time
    with a decimal comma: 46142,5 is 2026-04-30 (46142 days after 1899-12-30) at 12:00
    (0.5 x 24 h), as 46142.5 is, which the session told its day and time; the comma's got
    the generic "not a date; write YYYY-MM-DD, e.g. 2023-06-28". 46142,4375: 0.4375 x 24 h
    = 10.5 h, 10:30."""
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, Q_PLAN, "indicator,period,value,status,source,note,recorded_at\n")
    for typed, moment in (("46142,5", "2026-04-30 12:00:00"), ("46142,4375", "2026-04-30 10:30:00")):
        comma = run_clean("--lang", lang, "status", "--as-of", typed)
        point = run_clean("--lang", lang, "status", "--as-of", typed.replace(",", "."))
        assert comma.exit_code == point.exit_code == 2, comma.output
        assert moment in comma.stderr, comma.stderr
        assert comma.stderr == point.stderr.replace(typed.replace(",", "."), typed), comma.stderr
        made = run_clean(
            "--lang", lang, "add-observation", "fdi", "2025-01", "5", "-s", "official", "--recorded-at", typed, "-n"
        )
        assert made.exit_code == 1 and moment in made.stderr, made.stderr


# --- 4. qntrack.show given an id the plan lacks: the closest and the known ones, as the command


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("FDI-Q3", "no target 'FDI-Q3'; did you mean 'fdi-q3'? (targets: fdi-q3)"),
        (" fdi-q3", "no target ' fdi-q3'; did you mean 'fdi-q3'? (targets: fdi-q3)"),
        ("zzz", "no target 'zzz' (targets: fdi-q3)"),
    ],
)
def test_the_library_s_show_offers_the_id_meant(unit_plans: Path, given: str, said: str) -> None:
    """`qntrack show FDI-Q3` says "did you mean 'fdi-q3'? (targets: fdi-q3)"; the session's
    new qntrack.show said only "no target 'FDI-Q3' in the plan", no valid id to give: a
    notebook's caller was left to open targets.yaml."""
    import qntrack
    from helpers import run
    from qntrack.errors import ArgumentError

    with pytest.raises(ArgumentError) as raised:
        qntrack.show("targets.yaml", given, as_of="2024-10-20")
    assert str(raised.value) == f"target_id: error: {said}", str(raised.value)
    assert f"error: {said}" in run("show", given).stderr


# --- 5. A unit's line break named in one line of words: the library's message, U+2028 -------


@pytest.mark.parametrize(("brk", "escaped"), [("\n", "\\x0a"), ("\r", "\\x0d"), ("\u2028", "\\u2028")])
def test_a_unit_s_line_break_is_written_as_its_escape_in_every_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, brk: str, escaped: str
) -> None:
    """The refusal of 'Hạ<line break>Long' quoted the unit with the break itself wherever
    nothing escaped it: record_many's and retract's message (a notebook prints str(error))
    ran over two lines, the unit cut where the break was, and the command printed U+2028
    raw (the session's leftover). The break is now written as its escape, as the command
    wrote a line feed (\\x0a), in one line of words on every path."""
    import qntrack
    from conftest import make_tracker
    from helpers import run_clean

    plan = Q_PLAN.replace("observations: observations.csv\n", "observations: observations.csv\ndimensions:\n  place:\n")
    plan = plan.replace("    frequency: month\n", "    frequency: month\n    dimensions: [place]\n")
    make_tracker(tmp_path, monkeypatch, plan, "indicator,period,value,status,source,note,recorded_at\n")
    said = f"unit 'Hạ{escaped}Long' holds a line break (U+{ord(brk):04X})"
    row = {"indicator": "fdi", "period": "2025-01", "value": 5, "status": "official", "dim:place": f"Hạ{brk}Long"}
    with pytest.raises(qntrack.InputError) as raised:
        qntrack.record_many("targets.yaml", [row], dry_run=True)
    assert said in str(raised.value) and len(str(raised.value).splitlines()) == 1, repr(str(raised.value))
    with pytest.raises(qntrack.InputError) as raised:
        qntrack.retract("targets.yaml", "fdi", "2025-01", "s", "n", None, dims={"place": f"Hạ{brk}Long"})
    assert said in str(raised.value) and len(str(raised.value).splitlines()) == 1, repr(str(raised.value))
    made = run_clean("add-observation", "fdi", "2025-01", "5", "-s", "official", "--dim", f"place=Hạ{brk}Long", "-n")
    assert made.exit_code == 1 and said in made.stderr, made.stderr
    assert len(made.stderr.splitlines()) == 1, repr(made.stderr)


# --- 6. A spreadsheet's error value in the store's status cell ------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "observations.csv:2: error: column 'status': '#N/A' is an error value a spreadsheet shows where a "
            "formula gave no result: correct the formula (or type the status itself, e.g. official) and save the "
            "file again",
        ),
        (
            "vi",
            "observations.csv:2: lỗi: cột 'status': '#N/A' là giá trị lỗi mà bảng tính hiện khi công thức không "
            "cho ra kết quả: hãy sửa công thức (hoặc gõ trực tiếp status, ví dụ official) rồi lưu lại tệp",
        ),
    ],
)
def test_an_error_value_in_the_store_s_status_is_told_as_in_its_other_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    """The session told '#N/A' in the store's period, value and recorded_at as a
    spreadsheet's error value; in the status cell, between them, it was still "status
    '#N/A' is not one of: (empty), estimate, preliminary, official", as if a word had been
    mistyped, where an import tells the same cell as an error value."""
    from conftest import make_tracker
    from helpers import run_clean

    row = "fdi,2025-01,100,#N/A,s,,2025-02-05T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, Q_PLAN, "indicator,period,value,status,source,note,recorded_at\n" + row)
    for command in (("check",), ("status",)):
        made = run_clean("--lang", lang, *command)
        assert made.exit_code != 0, made.output
        assert said in made.stderr, made.stderr
