"""Session 29, pass O: a national statistics office that is not Vietnamese adopts qntrack.

An English-only office builds its own plan from `qntrack init`, enters a year of figures
and publishes. What it hit:

1. A month or a half in the forms Eurostat's database and SDMX 2.1 publish (`2025M01`,
   `2025-M01`, `2025-S1`, `2025-A1`) was refused with the generic list of forms, though
   `add-observation --from` reads the same periods in an SDMX-CSV file: now told the
   period to write, as `2025-1` is (never read: a typed period is one spelling).
2. `--as-of 03/04/2026` was told "day/month/year 03/04/2026 is 2026-04-03" only: an
   office that writes month first meant 4 March. Both readings are now named.
3. A target judged month by month (`every_period` from 2025-01 to 2025-12) had each of
   its months marked "(part-year)" in the report's figures, and set in italics by `show`,
   as a reading not assessed; they are the periods it judges.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean

PLAN = """\
version: 1
title: "National Development Plan"
indicators:
  cpi:
    name: "CPI inflation, year on year"
    unit: "%"
    direction: decrease
    frequency: month
  unemployment:
    name: "Unemployment rate"
    unit: "%"
    direction: decrease
    frequency: quarter
targets:
  - id: cpi-ceiling
    type: every_period
    indicator: cpi
    at_most: 4
    from: 2025-01
    to: 2025-03
  - id: unemployment-down
    indicator: unemployment
    baseline: 2020
"""

ROWS = (
    "cpi,2025-01,3.2,,NSO,,2026-02-10T00:00:00Z\n"
    "cpi,2025-02,4.4,,NSO,,2026-03-10T00:00:00Z\n"
    "cpi,2025-03,3.9,,NSO,,2026-04-10T00:00:00Z\n"
    "unemployment,2020,6.5,,LFS,,2021-03-01T00:00:00Z\n"
    "unemployment,2024,4.8,,LFS,,2025-03-01T00:00:00Z\n"
    "unemployment,2025-Q1,4.6,,LFS,,2025-05-01T00:00:00Z\n"
)


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER + ROWS)


# 1. SDMX's and Eurostat's periods, typed ---------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant", "indicator"),
    [
        ("2025M01", "2025-01", "cpi"),  # Eurostat's database
        ("2025-M01", "2025-01", "cpi"),  # SDMX 2.1's reporting month
        ("2025M1", "2025-01", "cpi"),
        ("2025m12", "2025-12", "cpi"),
        ("2025-S1", "2025-H1", "unemployment"),  # SDMX's semester
        ("2025S2", "2025-H2", "unemployment"),
        ("2025-A1", "2025", "unemployment"),  # SDMX's reporting year
    ],
)
def test_an_sdmx_or_eurostat_period_is_told_the_form_to_write(
    office: Path, typed: str, meant: str, indicator: str
) -> None:
    before = (office / "observations.csv").read_text(encoding="utf-8")
    r = run_clean("add-observation", indicator, typed, "3.1")
    assert r.exit_code == 1
    assert f"write {meant} if that is the period meant" in r.stderr
    assert (office / "observations.csv").read_text(encoding="utf-8") == before


@pytest.mark.parametrize("typed", ["2025M13", "2025M00", "2025-S3", "2025-A2", "M012025"])
def test_no_such_sdmx_period_is_told_no_form(office: Path, typed: str) -> None:
    r = run_clean("add-observation", "cpi", typed, "3.1")
    assert r.exit_code == 1
    assert "if that is the period meant" not in r.stderr


def test_an_sdmx_month_in_an_import_cell_is_told_the_form(office: Path) -> None:
    (office / "in.csv").write_text("indicator,period,value\ncpi,2025M04,3.1\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv", "--dry-run")
    assert r.exit_code == 1
    assert "in.csv:2" in r.stderr and "write 2025-04 if that is the period meant" in r.stderr


def test_the_vietnamese_message_names_the_form_too(office: Path) -> None:
    r = run_clean("add-observation", "cpi", "2025M01", "3.1", "--lang", "vi")
    assert r.exit_code == 1
    assert "2025-01" in r.stderr


# 2. A day typed with slashes that reads both ways ---------------------------------------


def test_a_day_read_both_ways_is_told_both_readings(office: Path) -> None:
    r = run_clean("status", "--as-of", "03/04/2026")
    assert r.exit_code == 2
    assert r.stdout == ""
    # 3 April day first, 4 March month first: neither is guessed.
    assert "2026-04-03 if 03/04/2026 is day/month/year, 2026-03-04 if it is month/day/year" in r.stderr
    r = run_clean("report", "--since", "1-2-2026")
    assert "2026-02-01" in r.stderr and "2026-01-02" in r.stderr


def test_a_vietnamese_reader_is_told_the_day_first_reading_first(office: Path) -> None:
    # Vietnam writes day first (as its tables do): that reading leads, the other follows.
    r = run_clean("status", "--as-of", "03/04/2026", "--lang", "vi")
    assert r.exit_code == 2
    assert "(ngày/tháng/năm 03/04/2026 là 2026-04-03), hoặc 2026-03-04 nếu 03/04/2026 là tháng/ngày/năm" in r.stderr


def test_a_day_with_dots_is_read_day_first(office: Path) -> None:
    # 03.04.2026 is how Europe writes a day, day first; no office writes the month first so.
    r = run_clean("status", "--as-of", "03.04.2026")
    assert "(day/month/year 03.04.2026 is 2026-04-03)" in r.stderr
    assert "2026-03-04" not in r.stderr


def test_a_day_that_reads_one_way_keeps_its_one_reading(office: Path) -> None:
    r = run_clean("status", "--as-of", "13/04/2026")
    assert r.exit_code == 2
    assert "2026-04-13" in r.stderr
    r = run_clean("status", "--as-of", "04/13/2026")
    assert "2026-04-13" in r.stderr and "month/day/year" in r.stderr
    # The same day either way: one reading.
    r = run_clean("status", "--as-of", "05/05/2026")
    assert "2026-05-05" in r.stderr


# 3. A target's own months are not part-year readings -------------------------------------


def test_a_monthly_every_period_targets_months_are_not_marked_part_year(office: Path) -> None:
    r = run_clean("report", "--format", "markdown")
    assert r.exit_code == 0, r.stderr
    section = r.stdout.split('id="t-cpi-ceiling"')[1].split('id="t-unemployment-down"')[0]
    observations = section.split("### Observations")[1]
    assert "| January 2025 | 3.2% |" in observations
    assert "part-year" not in observations


def test_a_level_targets_quarter_is_still_a_part_year_reading(office: Path) -> None:
    r = run_clean("report", "--format", "markdown")
    section = r.stdout.split('id="t-unemployment-down"')[1]
    observations = section.split("### Observations")[1]
    # Judged on whole years: the quarter is a reading, not a period judged.
    assert "_Q1 2025 (part-year)_" in observations
    assert "| 2024 | 4.8% |" in observations


def test_a_vietnamese_report_marks_no_month_of_a_monthly_target(office: Path) -> None:
    r = run_clean("report", "--format", "markdown", "--lang", "vi")
    section = r.stdout.split('id="t-cpi-ceiling"')[1].split('id="t-unemployment-down"')[0]
    from qntrack.catalog import msg

    word = msg("report_provisional_row").text("vi")
    assert f"({word})" not in section


def test_which_periods_are_part_year_readings_of_each_kind() -> None:
    from qntrack.output.judged_periods import part_year_reading
    from qntrack.plan.model import EveryPeriodTarget, LevelTarget, PlanTarget
    from qntrack.plan.periods import parse_period as p

    monthly = EveryPeriodTarget("m", "cpi", start=p("2025-01"), end=p("2025-12"))
    quarterly = EveryPeriodTarget("q", "u", start=p("2025-Q1"), end=p("2025-Q4"))
    yearly = EveryPeriodTarget("y", "g", start=p("2020"), end=p("2025"))
    level = LevelTarget("l", "u")
    plan = PlanTarget("p", "x", period=p("2025"), value=1.0)
    assert not part_year_reading(monthly, p("2025-03"))
    assert part_year_reading(monthly, p("2025-Q1"))  # a quarter is not a month it judges
    assert not part_year_reading(quarterly, p("2025-Q2"))
    assert part_year_reading(quarterly, p("2025-05"))
    assert part_year_reading(yearly, p("2025-H1"))
    assert part_year_reading(level, p("2025-Q1"))
    assert part_year_reading(plan, p("2025-6M"))  # a year to date of a year's plan
    assert not part_year_reading(level, p("2024"))


# 4. A retraction of a revision does not bring back the figure it revised -------------------


def test_retracting_a_revision_says_the_figure_it_revised_does_not_come_back(office: Path) -> None:
    assert run_clean("add-observation", "cpi", "2025-04", "4.1", "--recorded-at", "2026-05-10").exit_code == 0
    assert run_clean("add-observation", "cpi", "2025-04", "41", "--recorded-at", "2026-06-10").exit_code == 0
    r = run_clean("retract", "cpi", "2025-04")
    assert r.exit_code == 0, r.stderr
    # The office meant to undo the typo 41 and expected 4.1 back: it is not in force.
    assert "the figure it revised, 4.1 (recorded 2026-05-10), does not come back" in r.stderr
    assert "record it again" in r.stderr
    doc = run_clean("observations", "--indicator", "cpi", "--format", "csv").stdout
    assert ",2025-04," not in doc


def test_the_dry_run_of_such_a_retraction_says_it_too(office: Path) -> None:
    run_clean("add-observation", "cpi", "2025-04", "4.1", "--recorded-at", "2026-05-10")
    run_clean("add-observation", "cpi", "2025-04", "41", "--recorded-at", "2026-06-10")
    r = run_clean("retract", "cpi", "2025-04", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert "4.1 (recorded 2026-05-10), does not come back" in r.stderr


def test_retracting_a_first_figure_says_nothing_of_an_earlier_one(office: Path) -> None:
    r = run_clean("retract", "cpi", "2025-01")
    assert r.exit_code == 0, r.stderr
    assert "does not come back" not in r.stderr


def test_a_figure_recorded_after_a_retraction_has_no_earlier_figure_to_name(office: Path) -> None:
    run_clean("retract", "cpi", "2025-02", "--recorded-at", "2026-05-01")
    run_clean("add-observation", "cpi", "2025-02", "4.3", "--recorded-at", "2026-06-01")
    r = run_clean("retract", "cpi", "2025-02")
    assert r.exit_code == 0, r.stderr
    # What came before 4.3 was a retraction: no figure to bring back.
    assert "does not come back" not in r.stderr


def test_a_units_retraction_names_its_own_earlier_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = PLAN + "dimensions:\n  region: {name: Region, values: [North, South]}\n"
    plan = plan.replace("    frequency: quarter\n", "    frequency: quarter\n    dimensions: [region]\n", 1)
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER + ROWS)
    run_clean("add-observation", "unemployment", "2023", "5.0", "--dim", "region=North", "--recorded-at", "2024-03-01")
    run_clean("add-observation", "unemployment", "2023", "5.9", "--dim", "region=North", "--recorded-at", "2024-04-01")
    run_clean("add-observation", "unemployment", "2023", "7.0", "--dim", "region=South", "--recorded-at", "2024-03-15")
    r = run_clean("retract", "unemployment", "2023", "--dim", "region=North")
    assert r.exit_code == 0, r.stderr
    assert "5 (recorded 2024-03-01), does not come back" in r.stderr
    assert "7" not in r.stderr.split("does not come back")[0].split("revised,")[-1]


# 5. A span written with days, as YAML's dates invite --------------------------------------


def test_a_span_written_as_days_is_told_the_periods_each_day_begins_or_ends(office: Path) -> None:
    plan = PLAN.replace("    from: 2025-01\n    to: 2025-03\n", "    from: 2025-01-01\n    to: 2025-12-31\n")
    (office / "targets.yaml").write_text(plan, encoding="utf-8")
    r = run_clean("check")
    assert r.exit_code == 1
    assert (
        "from: '2025-01-01' is a day, not a period; of the periods that begin on it (2025-01, 2025-Q1, 2025-H1, 2025), write the one meant"
        in r.stderr
    )
    assert (
        "to: '2025-12-31' is a day, not a period; of the periods that end on it (2025-12, 2025-Q4, 2025-H2, 2025), write the one meant"
        in r.stderr
    )


def test_a_day_inside_a_month_is_told_no_period(office: Path) -> None:
    plan = PLAN.replace("    from: 2025-01\n", "    from: 2025-04-15\n")
    (office / "targets.yaml").write_text(plan, encoding="utf-8")
    r = run_clean("check")
    assert r.exit_code == 1
    assert "from: '2025-04-15' is not a period" in r.stderr
    assert "begin on it" not in r.stderr


def test_a_month_first_day_begins_the_month_alone_or_its_quarter(office: Path) -> None:
    plan = PLAN.replace("    from: 2025-01\n", "    from: 2025-04-01\n")
    (office / "targets.yaml").write_text(plan, encoding="utf-8")
    r = run_clean("check", "--lang", "vi")
    assert r.exit_code == 1
    assert "(2025-04, 2025-Q2)" in r.stderr


# 6. A plan's figure with its thousands spaced, as a report prints it ------------------------


@pytest.mark.parametrize(
    ("written", "number"), [("12 000", "12000"), ("12\u00a0000.5", "12000.5"), ("1 234 567", "1234567")]
)
def test_a_plan_figure_with_spaced_thousands_is_told_the_number(office: Path, written: str, number: str) -> None:
    plan = PLAN.replace("    at_most: 4\n", f'    at_most: "{written}"\n'.replace('"', ""))
    (office / "targets.yaml").write_text(plan, encoding="utf-8")
    r = run_clean("check")
    assert r.exit_code == 1
    assert f"no thousands separator ({number})" in r.stderr
    assert "like 12.5" not in r.stderr


# 7. A status in an English office's words ----------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("provisional", "preliminary"),  # SDMX's P, "provisional value"; ONS's word
        ("Provisional", "preliminary"),
        ("prov.", "preliminary"),
        ("flash", "estimate"),  # Eurostat's flash estimate
        ("Flash estimate", "estimate"),
        ("advance estimate", "estimate"),
        ("final", "official"),
    ],
)
def test_an_english_offices_status_word_is_read_as_its_status(office: Path, typed: str, stored: str) -> None:
    r = run_clean("add-observation", "cpi", "2025-04", "4.1", "--status", typed, "--recorded-at", "2026-05-10")
    assert r.exit_code == 0, r.stderr
    last = (office / "observations.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert last.split(",")[3] == stored


def test_an_english_status_word_in_an_import_cell_is_read(office: Path) -> None:
    (office / "in.csv").write_text(
        "indicator,period,value,status,recorded_at\ncpi,2025-04,4.1,Provisional,2026-05-10\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    assert (office / "observations.csv").read_text(encoding="utf-8").splitlines()[-1].split(",")[3] == "preliminary"


def test_revised_is_no_status_and_is_still_refused(office: Path) -> None:
    # A revision is a later row, not a status: no word of it is read as one.
    r = run_clean("add-observation", "cpi", "2025-04", "4.1", "--status", "revised")
    assert r.exit_code == 1
    assert "estimate, preliminary, official" in r.stderr


# 8. English words for an English reader's examples ------------------------------------------


def test_the_help_and_an_empty_from_give_english_example_names(office: Path) -> None:
    # so-lieu ("figures") and nien-giam ("yearbook") are Vietnamese words: an English
    # reader of the help took them for required names.
    text = run_clean("add-observation", "--help").stdout
    assert "so-lieu" not in text and "nien-giam" not in text
    assert "figures.xlsx:Sheet1!C7" in text and "--from yearbook.csv --wide" in text
    r = run_clean("add-observation", "--from", "")
    assert "e.g. --from figures.csv" in r.stderr
    vi = run_clean("add-observation", "--from", "", "--lang", "vi")
    assert "so-lieu.csv" in vi.stderr  # the Vietnamese words keep the Vietnamese name


# 9. A level target on an indicator recorded only by quarter --------------------------------

QUARTERLY = """\
title: Labour force survey
indicators:
  unemployment:
    name: Unemployment rate
    unit: "%"
    direction: decrease
    frequency: quarter
targets:
  - id: unemployment-down
    indicator: unemployment
    baseline: 2020
"""


def _quarters(first: int, last: int) -> str:
    rows = []
    for year in range(first, last + 1):
        for q in range(1, 5):
            rows.append(f"unemployment,{year}-Q{q},{6.8 - 0.1 * len(rows):.1f},,LFS,,{year + 1}-03-01T00:00:00Z\n")
    return "".join(rows)


def test_years_of_quarters_and_no_year_are_not_told_no_figure_yet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Five years of quarters: "no full-year figure yet" read as a wait that would end; it
    # never does until each year's own figure is recorded.
    make_tracker(tmp_path, monkeypatch, QUARTERLY, STORE_HEADER + _quarters(2020, 2024))
    r = run_clean("show", "unemployment-down")
    assert r.exit_code == 0, r.stderr
    flat = " ".join(r.stdout.split())
    # 2024 ended too with its quarters alone (thirty-first session: the day the command
    # speaks of says so; "2020–2023" assumed the latest reading's year might still run).
    assert "none is recorded for 2020–2024, only part-year readings" in flat
    assert "record each year's own figure" in flat
    assert "no full-year figure yet" not in flat
    doc = run_clean("status", "--format", "json").stdout
    assert '"reason": "no_annual_figure"' in doc  # the stable code is unchanged


def test_quarters_of_the_baseline_year_alone_are_still_awaiting_the_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tracker(tmp_path, monkeypatch, QUARTERLY, STORE_HEADER + _quarters(2020, 2020))
    r = run_clean("show", "unemployment-down")
    flat = " ".join(r.stdout.split())
    # 2020 ended long before the day the test runs: its quarters alone are told so, as
    # later years' are (thirty-first session); "no full-year figure yet" promised a wait.
    assert "none is recorded for 2020, only part-year readings" in flat


def test_a_stated_baseline_is_its_years_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = QUARTERLY.replace("    baseline: 2020\n", "    baseline: {period: 2020, value: 6.9}\n")
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER + _quarters(2021, 2022))
    flat = " ".join(run_clean("show", "unemployment-down").stdout.split())
    # 2020's figure is the plan's; 2021 and 2022 ended with quarters only (2022 said since
    # the thirty-first session, which knows the day: the reading's year is over).
    assert "none is recorded for 2021–2022, only part-year readings" in flat


# 10. A per-cent unit written in words ------------------------------------------------------


@pytest.mark.parametrize("written", ["percent", "Per cent", "pct", "phần trăm"])
def test_a_unit_cell_of_per_cent_in_words_is_the_plans_per_cent(office: Path, written: str) -> None:
    (office / "in.csv").write_text(
        f"indicator,period,value,unit,recorded_at\ncpi,2025-04,4.1,{written},2026-05-10\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    assert (office / "observations.csv").read_text(encoding="utf-8").splitlines()[-1].startswith("cpi,2025-04,4.1,")


@pytest.mark.parametrize("written", ["percentage points", "per mille", "USD"])
def test_another_unit_in_words_is_still_refused(office: Path, written: str) -> None:
    (office / "in.csv").write_text(f"indicator,period,value,unit\ncpi,2025-04,4.1,{written}\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert "is not the unit of cpi" in r.stderr


# 11. More of an English office's periods, told --------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant", "indicator"),
    [
        ("1Q2025", "2025-Q1", "unemployment"),  # a quarter as an Asian report heads it
        ("4Q 2025", "2025-Q4", "unemployment"),
        ("1H2025", "2025-H1", "unemployment"),
        ("Sept 2025", "2025-09", "cpi"),  # the AP's abbreviation
        ("2025-Sep", "2025-09", "cpi"),
        ("2025 Dec", "2025-12", "cpi"),
    ],
)
def test_an_english_offices_period_is_told_the_form(office: Path, typed: str, meant: str, indicator: str) -> None:
    r = run_clean("add-observation", indicator, typed, "3.1")
    assert r.exit_code == 1
    assert f"write {meant} if that is the period meant" in r.stderr


@pytest.mark.parametrize("typed", ["5Q2025", "3H2025", "2025-Sepx"])
def test_no_such_quarter_or_half_is_told_no_form(office: Path, typed: str) -> None:
    r = run_clean("add-observation", "cpi", typed, "3.1")
    assert r.exit_code == 1
    assert "if that is the period meant" not in r.stderr
