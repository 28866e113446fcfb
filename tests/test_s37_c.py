"""Issue 17, thirty-seventh session, pass C: two gaps a provincial officer meets.

1. The Excel report said nothing of a flow plan's figures recorded and not counted, which
   status's CSV ends each row with (``not_counted``) and the other reports say in words.
2. A period written in Vietnamese words ("tháng 4 năm 2026", "quý I/2026") was "not a
   period" to add-observation, --from and --as-of.

Each test was written failing first; expected figures and words are worked out by hand in
the test's docstring or comments."""

from __future__ import annotations

from pathlib import Path

import pytest

# --- 1. The workbook says which figures are recorded and not counted --------------------

# A 2024-Q3 plan of 300 with July 100 and August 50 recorded: July to August is no period,
# so the plan is read on July and August is left out. A 2025 plan of 1,200 with January
# 10, February 20 and April 40: March is missing, so the sum stops at February (30) and
# April is left out.
Q3_PLAN = """\
version: 1
title: "Quarter plan"
observations: observations.csv
indicators:
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
    direction: increase
    frequency: month
  rate:
    name: "Rate"
    unit: "%"
    measure: level
    direction: increase
    frequency: year
targets:
  - id: fdi-q3
    indicator: fdi
    type: plan
    period: 2024-Q3
    value: 300
  - id: fdi-2025
    indicator: fdi
    type: plan
    period: 2025
    value: 1200
  - id: rate-2030
    indicator: rate
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2030, value: 20}
"""

Q3_STORE = """\
indicator,period,value,status,source,note,recorded_at
fdi,2024-07,100,official,s,,2024-08-05T00:00:00Z
fdi,2024-08,50,official,s,,2024-09-05T00:00:00Z
fdi,2025-01,10,official,s,,2025-02-05T00:00:00Z
fdi,2025-02,20,official,s,,2025-03-05T00:00:00Z
fdi,2025-04,40,official,s,,2025-05-05T00:00:00Z
rate,2024,12,official,s,,2025-01-05T00:00:00Z
"""


@pytest.fixture
def quarter_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, Q3_PLAN, Q3_STORE)


def _summary(path: str, lang: str) -> tuple[list[object], dict[str, tuple[object, ...]], object]:
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    headers = [c.value for c in ws[1]]
    rows = {str(r[2]): r for r in ws.iter_rows(min_row=2, values_only=True)}
    return headers, rows, ws.cell(row=1, column=30).comment  # AD (AE, the deadlines awaited, since the 41st session)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_workbook_ends_the_summary_with_the_figures_not_counted(quarter_plan: Path, lang: str) -> None:
    """The Summary sheet's 29 columns (A to AC, the target's source last) are kept; a
    thirtieth, AD, says in the report's language which figures the plan's reading leaves
    out and why, as the Word and HTML reports say it under the target (its periods as the
    sheet's period columns write them, 2024-08, as the status table's legend); its header carries
    a note saying what the column means. Blank for a target whose reading counts every
    figure (the level target) and for a plan that leaves nothing out."""
    from helpers import run_clean

    made = run_clean("--lang", lang, "report", "--as-of", "2025-05-10", "-o", "r.xlsx")
    assert made.exit_code == 0, made.output
    headers, rows, note = _summary("r.xlsx", lang)
    assert len(headers) == 31  # "Deadlines passed, figure awaited" after it (41st session)
    if lang == "en":
        assert headers[28] == "Target's source"
        assert headers[29] == "Figures recorded and not counted"
        q3 = str(rows["fdi-q3"][29])
        assert q3.startswith("2024-08 (50 million USD) is recorded and not counted: 2024-07 to 2024-08 is no period")
        assert q3.endswith("so 2024-Q3 is read on 2024-07.")
        year = str(rows["fdi-2025"][29])
        assert year.startswith("2025-04 (40 million USD) is recorded and not counted: 2025-03 is not recorded")
        assert note is not None and "not counted" in note.text and "not_counted" in note.text
    else:
        assert headers[28] == "Nguồn của mục tiêu"
        assert headers[29] == "Số liệu đã ghi nhận nhưng không được cộng"
        q3 = str(rows["fdi-q3"][29])
        assert q3.startswith("2024-08 (50 million USD) đã ghi nhận nhưng không được cộng: từ 2024-07 đến 2024-08")
        assert q3.endswith("nên 2024-Q3 được đọc theo số liệu 2024-07.")
        year = str(rows["fdi-2025"][29])
        assert "chưa ghi nhận số liệu 2025-03" in year
        assert note is not None and "không được cộng" in note.text and "not_counted" in note.text
    assert rows["rate-2030"][29] is None
    assert note.author == "qntrack"  # as the workbook's properties name it; Excel showed "by None"

    import openpyxl

    ws = openpyxl.load_workbook("r.xlsx").worksheets[0]
    assert (
        ws.auto_filter.ref == f"A1:AE{ws.max_row}"
    )  # the filter spans the new column (and the 41st session's after it)

    # By 2024-08-10 only July is recorded: nothing left out, the cell blank, the header kept.
    assert run_clean("--lang", lang, "report", "--as-of", "2024-08-10", "-o", "r.xlsx", "--force").exit_code == 0
    headers, rows, _ = _summary("r.xlsx", lang)
    assert len(headers) == 31 and rows["fdi-q3"][29] is None


# --- 2. A period in Vietnamese words ----------------------------------------------------
# "tháng Tư năm 2025" is April 2025 as a letter or a decree writes it (the month in words,
# "năm" before the year); add-observation met "not a period" where "tháng 4 năm 2025" was
# read. Each form below was worked out by hand: Tư and Bốn are four, Năm five, Mười Hai
# twelve; quý I the first quarter; 6 tháng đầu năm the first half.

MONTHLY_PLAN = """\
version: 1
title: "Months"
observations: observations.csv
indicators:
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
    direction: increase
    frequency: month
targets:
  - id: fdi-2025
    indicator: fdi
    type: plan
    period: 2025
    value: 1200
"""

EMPTY_STORE = "indicator,period,value,status,source,note,recorded_at\n"


@pytest.fixture
def monthly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, MONTHLY_PLAN, EMPTY_STORE)


def _stored(folder: Path) -> list[tuple[str, str]]:
    import csv

    with open(folder / "observations.csv", encoding="utf-8", newline="") as f:
        return [(r["period"], r["value"]) for r in csv.DictReader(f)]


@pytest.mark.parametrize(
    ("typed", "period"),
    [
        ("tháng Tư năm 2025", "2025-04"),
        ("Tháng Tư năm 2025", "2025-04"),
        ("tháng Bốn năm 2025", "2025-04"),
        ("tháng tư/2025", "2025-04"),
        ("Tháng Tư 2025", "2025-04"),
        ("tháng Năm năm 2025", "2025-05"),
        ("tháng Mười Hai năm 2025", "2025-12"),
        ("tháng Mười năm 2025", "2025-10"),
        ("tháng Một năm 2025", "2025-01"),
        ("thang tu nam 2025", "2025-04"),  # typed without its marks
        # Read before this session, and still: the same periods with digits or Roman numerals.
        ("tháng 4 năm 2025", "2025-04"),
        ("Tháng 4/2025", "2025-04"),
        ("quý I năm 2025", "2025-Q1"),
        ("quý 1/2025", "2025-Q1"),
        ("6 tháng đầu năm 2025", "2025-H1"),
        ("năm 2025", "2025"),
        # Six months of the year (the first half), never the sixth of May ("tháng năm").
        ("6 tháng năm 2025", "2025-H1"),
    ],
)
def test_a_period_in_vietnamese_words_is_recorded_as_its_code(monthly: Path, typed: str, period: str) -> None:
    from helpers import run_clean

    made = run_clean("add-observation", "fdi", typed, "50", "--recorded-at", "2026-01-15")
    assert made.exit_code == 0, made.output
    assert _stored(monthly) == [(period, "50")]


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(
    ("typed", "said"),
    [
        # The lunar calendar's first and last months: no solar month is guessed.
        ("tháng Giêng năm 2025", None),
        ("tháng Chạp năm 2025", None),
        # A two-digit year, told as "tháng 4/25" is: the four-digit form to write.
        ("tháng Tư/25", "2025-04"),
        ("tháng Tư năm 25", "2025-04"),
    ],
)
def test_a_lunar_month_or_a_two_digit_year_in_words_is_refused(
    monthly: Path, lang: str, typed: str, said: str | None
) -> None:
    from helpers import run_clean

    made = run_clean("--lang", lang, "add-observation", "fdi", typed, "50", "--recorded-at", "2026-01-15")
    assert made.exit_code != 0
    assert typed in made.output
    if said is not None:
        digits = run_clean("--lang", lang, "add-observation", "fdi", typed.replace("Tư", "4"), "50")
        assert made.exit_code == digits.exit_code
        assert said in made.output and ("two-digit" in made.output or "hai chữ số" in made.output)
    assert _stored(monthly) == []  # nothing written


def test_an_import_reads_periods_in_words_long_and_wide(monthly: Path) -> None:
    """A long table's period column and a wide table's headers, as an office's table or
    letter writes them: April (Tư), May (Năm), the first quarter (quý I)."""
    from helpers import run_clean

    (monthly / "long.csv").write_text(
        "indicator,period,value\nfdi,tháng Tư năm 2025,40\nfdi,tháng Năm năm 2025,45\nfdi,quý I năm 2025,90\n",
        encoding="utf-8",
    )
    made = run_clean("add-observation", "--from", "long.csv", "--recorded-at", "2026-01-15")
    assert made.exit_code == 0, made.output
    assert sorted(_stored(monthly)) == [("2025-04", "40"), ("2025-05", "45"), ("2025-Q1", "90")]

    (monthly / "wide.csv").write_text(
        "indicator,tháng Sáu năm 2025,tháng Bảy năm 2025\nfdi,60,70\n",
        encoding="utf-8",
    )
    made = run_clean("add-observation", "--from", "wide.csv", "--wide", "--recorded-at", "2026-01-15")
    assert made.exit_code == 0, made.output
    assert ("2025-06", "60") in _stored(monthly) and ("2025-07", "70") in _stored(monthly)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_as_of_told_a_month_in_words_is_a_period_not_a_day(monthly: Path, lang: str) -> None:
    """--as-of needs a day. "tháng 4 năm 2025" was told it is a period (2025-04) and its
    last day, 2025-04-30 (April has 30 days); "tháng Tư năm 2025" met "not a date" with an
    example of another year. Both are now told alike, with the same exit code."""
    from helpers import run_clean

    digits = run_clean("--lang", lang, "status", "--as-of", "tháng 4 năm 2025")
    words = run_clean("--lang", lang, "status", "--as-of", "tháng Tư năm 2025")
    assert digits.exit_code != 0 and words.exit_code == digits.exit_code
    for made in (digits, words):
        assert "2025-04" in made.output and "2025-04-30" in made.output
    assert words.output == digits.output.replace("tháng 4 năm 2025", "tháng Tư năm 2025")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_lunar_month_as_a_period_is_told_so(monthly: Path, lang: str) -> None:
    """ "tháng Giêng năm 2025" met the words of any text that is no period; --as-of told
    it the month is of the lunar calendar. A period is told so too, with the valid forms;
    nothing is written. The same in an import's period cell, at its line."""
    from helpers import run_clean

    made = run_clean(
        "--lang", lang, "add-observation", "fdi", "tháng Giêng năm 2025", "50", "--recorded-at", "2026-01-15"
    )
    iso = run_clean("--lang", lang, "add-observation", "fdi", "2025-13", "50", "--recorded-at", "2026-01-15")
    assert made.exit_code != 0 and made.exit_code == iso.exit_code
    assert ("lunar calendar" if lang == "en" else "âm lịch") in made.output
    assert "2023-04" in made.output  # the valid forms
    (monthly / "long.csv").write_text(
        "indicator,period,value\nfdi,2025-03,40\nfdi,tháng Chạp năm 2025,45\n", encoding="utf-8"
    )
    made = run_clean("--lang", lang, "add-observation", "--from", "long.csv", "--recorded-at", "2026-01-15")
    assert made.exit_code != 0
    assert "long.csv:3" in made.output and ("lunar calendar" if lang == "en" else "âm lịch") in made.output
    assert _stored(monthly) == []


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_months_last_day_in_words_as_a_period_is_told_the_periods_ending_on_it(monthly: Path, lang: str) -> None:
    """ "30/04/2025" typed as a period is told the periods ending on it (2025-04 and
    2025-4M: April's last day; no quarter or half ends in April). The same day in words,
    "ngày 30 tháng Tư năm 2025" or "ngày 30 tháng 4 năm 2025", met "not a period"."""
    from helpers import run_clean

    digits = run_clean("--lang", lang, "add-observation", "fdi", "30/04/2025", "50", "--recorded-at", "2026-01-15")
    assert "2025-04, 2025-4M" in digits.output
    for typed in ("ngày 30 tháng Tư năm 2025", "ngày 30 tháng 4 năm 2025"):
        made = run_clean("--lang", lang, "add-observation", "fdi", typed, "50", "--recorded-at", "2026-01-15")
        assert made.exit_code == digits.exit_code != 0
        assert made.output == digits.output.replace("30/04/2025", typed)
    assert _stored(monthly) == []


# A plan broken down by province: Hà Nội's July 100 and August 50 (July to August is no
# period, the plan read on July), Huế's July 30 and September 20 (August missing, the sum
# stops at July). rank's table and CSV say each unit's figures not counted.
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


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_units_sheet_ends_with_each_units_figures_not_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The target's sheet of units (as rank) keeps its columns, the gap last of them, and
    ends with each unit's figures not counted, as rank's CSV ends each row, its header
    noted as the Summary's."""
    import openpyxl

    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, UNITS_PLAN, UNITS_STORE)
    made = run_clean("--lang", lang, "report", "-o", "r.xlsx")
    assert made.exit_code == 0, made.output
    ws = openpyxl.load_workbook("r.xlsx")["fdi-q3"]
    headers = [c.value for c in ws[2]]  # under the sheet's title
    gap = "Gap (million USD)" if lang == "en" else "Còn thiếu (million USD)"
    # Then the deadlines a unit awaits a figure for, last (forty-second session, test_s42_r).
    assert headers[-3:-1] == [
        gap,
        "Figures recorded and not counted" if lang == "en" else "Số liệu đã ghi nhận nhưng không được cộng",
    ]
    assert ws.cell(row=2, column=len(headers) - 1).comment is not None
    rows = {r[1]: r[:-1] for r in ws.iter_rows(min_row=3, values_only=True)}
    if lang == "en":
        assert str(rows["Hà Nội"][-1]).startswith(
            "2024-08 (50 million USD) is recorded and not counted: 2024-07 to 2024-08"
        )
        assert str(rows["Huế"][-1]).startswith(
            "2024-09 (20 million USD) is recorded and not counted: 2024-08 is not recorded"
        )
    else:
        assert "2024-08 (50 million USD) đã ghi nhận nhưng không được cộng" in str(rows["Hà Nội"][-1])
        assert "chưa ghi nhận số liệu 2024-08" in str(rows["Huế"][-1])
