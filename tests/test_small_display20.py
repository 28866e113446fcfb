"""Small display defects left from earlier passes (issue 17, twentieth session): each test
written first and seen failing (docs/decisions.md, "Small display defects left from
earlier passes")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, dedent, make_tracker
from helpers import run

NEAR_TARGETS = dedent(
    """
    version: 1
    title: "Near plan"
    indicators:
      share:
        name: "Manufacturing share"
        unit: "%"
        direction: increase
      fdi:
        name: "FDI"
        unit: "million USD"
        direction: increase
    targets:
      - id: share
        indicator: share
        baseline: {period: 2020, value: 9.8}
        milestones:
          - {by: 2025, value: 15}
      - id: fdi-plan
        type: plan
        indicator: fdi
        period: 2025
        value: 1000
    """
)

NEAR_OBSERVATIONS = (
    STORE_HEADER
    + "share,2021,11.3,,src-a,,2022-01-10T00:00:00Z\n"
    + "share,2025,14.999,estimate,src-b,,2026-01-10T00:00:00Z\n"
    + "fdi,2025,999.8,estimate,src-c,,2026-01-10T00:00:00Z\n"
)


@pytest.fixture
def near(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A level target just short of its milestone and a plan just short of its figure."""
    return make_tracker(tmp_path, monkeypatch, NEAR_TARGETS, NEAR_OBSERVATIONS)


# --- 1. A ratio just below 1 never reads 1 ------------------------------------------------


def test_a_progress_just_below_one_is_not_written_one(near: Path):
    # P = (14.999 - 9.8) / (15 - 9.8) = 5.199 / 5.2 = 0.99981: at two decimals "1", at three
    # "1.000" ("1"), at four 0.9998, the first that differs from 1. The plan: 999.8 / 1000
    # = 99.98 %, "100%" at one decimal, 99.98 at the first that differs from 100.
    table = run("status", "--format", "table")
    assert table.exit_code == 0, table.output
    assert "0.9998" in table.stdout
    assert "reached 99.98%" in table.stdout
    show = run("show", "share")
    assert "P / Score          0.9998 / –" in show.stdout
    plan = run("show", "fdi-plan")
    assert "99.98%" in plan.stdout and "100%" not in plan.stdout
    vi = run("--lang", "vi", "show", "fdi-plan")
    assert "99,98%" in vi.stdout and "100%" not in vi.stdout


# --- 2. A figure with no status says so in the Kind column ---------------------------------


def test_a_figure_with_no_status_says_so_in_the_kind_column(near: Path):
    # share 2021 (11.3) has an empty status cell: whether it is an estimate or final is not
    # known, and the Kind column says it in words, not with an empty cell.
    for args in (("show", "share"), ("observations", "--format", "table"), ("history", "share", "--format", "table")):
        en = run(*args)
        vi = run("--lang", "vi", *args)
        assert en.exit_code == 0 and vi.exit_code == 0, en.output + vi.output
        # The table's rows: those naming a figure's source.
        line = next(x for x in en.stdout.splitlines() if "src-a" in x)
        assert "11.3" in line and "not stated" in line, (args, en.stdout)
        line = next(x for x in vi.stdout.splitlines() if "src-a" in x)
        assert "11,3" in line and "không ghi rõ" in line, (args, vi.stdout)
        # A figure whose status is known keeps its word.
        line = next(x for x in en.stdout.splitlines() if "src-b" in x)
        assert "estimate" in line and "not stated" not in line


# --- 3. A day written year first with slashes, or month first, is told its ISO form --------


@pytest.mark.parametrize(
    ("typed", "en", "vi"),
    [
        # 2024/12/31: year, month, day with slashes (or dots): the same day with hyphens.
        (
            "2024/12/31",
            "'2024/12/31' is not a date; a day is written YYYY-MM-DD, with hyphens: write 2024-12-31",
            "'2024/12/31' không phải là ngày; ngày được viết YYYY-MM-DD, với dấu gạch ngang: hãy viết 2024-12-31",
        ),
        (
            "2024.1.5",
            "'2024.1.5' is not a date; a day is written YYYY-MM-DD, with hyphens: write 2024-01-05",
            "'2024.1.5' không phải là ngày; ngày được viết YYYY-MM-DD, với dấu gạch ngang: hãy viết 2024-01-05",
        ),
        # 12/31/2024: no 31st month, so month first: 31 December 2024.
        (
            "12/31/2024",
            "'12/31/2024' is not a date; write YYYY-MM-DD, e.g. 2023-06-28 (month/day/year 12/31/2024 is 2024-12-31)",
            "'12/31/2024' không phải là ngày; hãy viết YYYY-MM-DD, ví dụ 2023-06-28 (tháng/ngày/năm 12/31/2024 là 2024-12-31)",
        ),
    ],
)
def test_a_day_in_another_order_or_with_slashes_is_told_its_iso_form(near: Path, typed: str, en: str, vi: str):
    r_en = run("status", "--as-of", typed)
    r_vi = run("--lang", "vi", "status", "--as-of", typed)
    assert (r_en.exit_code, r_vi.exit_code) == (2, 2)
    assert r_en.stderr == f"--as-of: error: {en}\n"
    assert r_vi.stderr == f"--as-of: lỗi: {vi}\n"


def test_a_year_first_day_that_does_not_exist_is_told_the_calendar(near: Path):
    # 2024/02/30: no such day, so no ISO form to offer; told why, as 2024-02-30 is
    # (thirty-second session, test_s32_lead; it had the plain "not a date" message).
    r = run("status", "--as-of", "2024/02/30")
    assert r.exit_code == 2
    assert r.stderr == "--as-of: error: '2024/02/30' is no day of the calendar: 2024-02 has 29 days\n"


# --- 4. Figures published with three decimals keep them in the reports ---------------------

RENAMED_TARGETS = dedent(
    """
    title: Breakdown plan
    dimensions:
      locality:
        name: {en: Locality, vi: Địa phương}
        values:
          - Alpha
          - {value: Old Town, until: "2025-06-30"}
          - {value: New Ward, since: "2025-07-01", from: [Old Town]}
    indicators:
      share:
        name: Share
        unit: "%"
        dimensions: [locality]
    targets:
      - id: share-2026
        indicator: share
        baseline: 2020
        milestones: [{by: 2026, value: 15}]
        for_each: locality
    """
)

RENAMED_STORE = (
    STORE_HEADER
    + "share,2020,10,official,,,2021-03-01T00:00:00Z\n"
    + "share,2025,11,official,,,2026-03-01T00:00:00Z\n"
    + "share[locality=Alpha],2020,10,official,,,2021-03-01T00:00:00Z\n"
    + "share[locality=Alpha],2025,14.999,official,,,2026-03-01T00:00:00Z\n"
    + "share[locality=Old Town],2020,10.004,official,,,2021-03-01T00:00:00Z\n"
    + "share[locality=Old Town],2024,12.345,official,,,2025-03-01T00:00:00Z\n"
    + "share[locality=New Ward],2025,13.996,official,,,2026-03-01T00:00:00Z\n"
)


def test_a_renamed_units_table_keeps_the_figures_own_decimals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # The table of New Ward beside Old Town, the unit it was formed from: 10.004 and 12.345
    # (Old Town), 13.996 (New Ward), as typed; at two decimals they read 10, 12.35 and 14.
    # The units chart's bar labels likewise: Alpha's 14.999 was "15% (2025)", its milestone.
    make_tracker(tmp_path, monkeypatch, RENAMED_TARGETS, RENAMED_STORE)
    r = run("report", "-o", "r.md")
    assert r.exit_code == 0, r.output
    text = Path("r.md").read_text(encoding="utf-8")
    table = text.split("their figures before it, beside its own")[1]
    assert "| 2020 | 10.004% | – |" in table
    assert "| 2024 | 12.345% | – |" in table
    assert "| 2025 | – | 13.996% |" in table
    assert "1. Alpha: 14.999% (2025)" in text
    assert "Alpha: 15%" not in text
    vi = run("--lang", "vi", "report", "-o", "r-vi.md")
    assert vi.exit_code == 0, vi.output
    assert "| năm 2020 | 10,004% | – |" in Path("r-vi.md").read_text(encoding="utf-8")


def test_the_workbook_never_rounds_a_near_miss_onto_its_plan_or_its_edge(near: Path):
    # The Summary sheet's P for the share (0.99981, see above) and the plan's percent
    # (99.98): "0.00" showed 1.00 and "#,##0.0%" 100.0%, the target met. Their formats
    # now carry the decimals the tables write: 0.0000 and 99.98 as #,##0.00"%".
    # The figures keep their own: 14.999 (#,##0.000) in Summary and Figures.
    import openpyxl

    r = run("report", "-o", "r.xlsx")
    assert r.exit_code == 0, r.output
    book = openpyxl.load_workbook("r.xlsx")
    summary = book.worksheets[0]
    rows = {row[2].value: row for row in summary.iter_rows(min_row=2)}
    share, plan = rows["share"], rows["fdi-plan"]
    assert share[11].number_format == "0.0000"  # P 0.9998
    assert plan[14].number_format == '#,##0.00"%"'  # 99.98 %
    assert share[7].number_format == "#,##0.000"  # 14.999
    assert share[10].number_format.split(";")[0] == '#,##0.000" pp"'  # gap 15 - 14.999 = 0.001 points (s44)
    figures = book["Figures"]
    formats = {(row[0].value, row[3].value): row[4].number_format for row in figures.iter_rows(min_row=2)}
    assert formats[("Manufacturing share", "2025")] == "#,##0.000"


# --- 5. A tiny gap is written exactly, at its figures' decimals ----------------------------

TINY_TARGETS = dedent(
    """
    version: 1
    title: "Tiny plan"
    indicators:
      tiny:
        name: "Tiny share"
        unit: "%"
        direction: increase
    targets:
      - id: tiny
        indicator: tiny
        baseline: {period: 2020, value: 0}
        milestones:
          - {by: 2025, value: 0.0002}
    """
)


def test_a_tiny_gap_is_written_at_its_figures_decimals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # 0.0002 - 0.0000001 = 0.0001999 exactly (seven decimals, those of the figure): the
    # small-number rule's two significant digits wrote it "0.0002 pp", the milestone
    # itself, as if nothing had been recorded.
    make_tracker(
        tmp_path, monkeypatch, TINY_TARGETS, STORE_HEADER + "tiny,2024,0.0000001,estimate,src,,2025-01-10T00:00:00Z\n"
    )
    table = run("status", "--format", "table")
    assert table.exit_code == 0, table.output
    assert "0.0001999 pp" in table.stdout
    show = run("show", "tiny")
    assert "Gap                 0.0001999 pp" in show.stdout
    vi = run("--lang", "vi", "status", "--format", "table")
    assert "0,0001999 điểm %" in vi.stdout
    report = run("report", "-o", "r.md")
    assert report.exit_code == 0, report.output
    assert "0.0001999 pp" in Path("r.md").read_text(encoding="utf-8")


# --- 6. show's chart labels its range at the figures' decimals -----------------------------

CHART_TARGETS = dedent(
    """
    version: 1
    title: "Chart plan"
    indicators:
      share:
        name: "Share"
        unit: "%"
        direction: increase
      big:
        name: "Big"
        unit: "VND"
        direction: increase
    targets:
      - id: share
        indicator: share
        baseline: {period: 2020, value: 9.8}
        milestones:
          - {by: 2025, value: 15.299}
      - id: big
        indicator: big
        baseline: {period: 2020, value: 10000000000000.1}
        milestones:
          - {by: 2025, value: 90000000000000.5}
    """
)


def test_the_charts_range_is_labelled_at_the_figures_decimals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # The path ends at the milestone, 9.8 * (15.299 / 9.8) = 15.299, which floats make
    # 15.298999999999992: at two decimals "15.3", a milestone not set. 90,000,000,000,000.5
    # came out 90,000,000,000,000.48, the arithmetic's noise. At the figures' own decimals
    # (three and one) they are 15.299 and 90,000,000,000,000.5.
    make_tracker(
        tmp_path,
        monkeypatch,
        CHART_TARGETS,
        STORE_HEADER
        + "share,2022,11.3,estimate,src,,2023-01-10T00:00:00Z\n"
        + "big,2022,20000000000000.1,estimate,src,,2023-01-10T00:00:00Z\n",
    )
    share = run("show", "share")
    axis = [line for line in share.stdout.splitlines() if "│" in line]
    assert axis[0].split("│")[0].strip() == "15.299"
    assert axis[-1].split("│")[0].strip() == "9.8"
    big = run("show", "big")
    axis = [line for line in big.stdout.splitlines() if "│" in line]
    assert axis[0].split("│")[0].strip() == "90,000,000,000,000.5"
    vi = run("--lang", "vi", "show", "share")
    axis = [line for line in vi.stdout.splitlines() if "│" in line]
    assert axis[0].split("│")[0].strip() == "15,299"


# --- 7. A status before a period, typed as a period, is told what to write -----------------


@pytest.mark.parametrize(
    ("typed", "en", "vi"),
    [
        # "Ước" is estimate (observations-format.md: a wide table's heading "Ước tính 2025"),
        # "quý 1/2025" the first quarter of 2025, 2025-Q1.
        (
            "Ước quý 1/2025",
            "'Ước quý 1/2025' begins with a status (estimate): write the period alone, 2025-Q1, "
            "and the status with --status estimate",
            "'Ước quý 1/2025' bắt đầu bằng loại số liệu (ước tính): hãy ghi riêng kỳ, 2025-Q1, "
            "và loại số liệu bằng --status estimate",
        ),
        # "Sơ bộ" is preliminary; "quý I/2025" the same quarter in Roman numerals.
        (
            "Sơ bộ quý I/2025",
            "'Sơ bộ quý I/2025' begins with a status (preliminary): write the period alone, 2025-Q1, "
            "and the status with --status preliminary",
            "'Sơ bộ quý I/2025' bắt đầu bằng loại số liệu (sơ bộ): hãy ghi riêng kỳ, 2025-Q1, "
            "và loại số liệu bằng --status preliminary",
        ),
    ],
)
def test_a_status_before_a_period_is_told_what_to_write(tracker: Path, typed: str, en: str, vi: str):
    from helpers import store_text

    before = store_text(tracker)
    r_en = run("add-observation", "share", typed, "13")
    r_vi = run("--lang", "vi", "add-observation", "share", typed, "13")
    assert (r_en.exit_code, r_vi.exit_code) == (1, 1)
    assert r_en.stderr == f"add-observation: error: {en}\n"
    assert r_vi.stderr == f"add-observation: lỗi: {vi}\n"
    assert store_text(tracker) == before  # nothing added


def test_a_status_before_a_period_in_history_or_retract_is_told_the_period_alone(tracker: Path):
    # history and retract take no --status: the period alone, 2025-Q1.
    for args in (("history", "share", "Ước quý 1/2025"), ("retract", "share", "Ước quý 1/2025")):
        r = run(*args)
        vi = run("--lang", "vi", *args)
        assert r.exit_code == vi.exit_code and r.exit_code in (1, 2), r.output
        assert r.stderr == f"{args[0]}: error: 'Ước quý 1/2025' begins with a status: write the period alone, 2025-Q1\n"
        assert vi.stderr == f"{args[0]}: lỗi: 'Ước quý 1/2025' bắt đầu bằng loại số liệu: hãy ghi riêng kỳ, 2025-Q1\n"


# --- 8. A missing store is said at the observations: line of targets.yaml ------------------


def test_a_missing_store_is_said_at_the_observations_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # targets.yaml's second line is "observations: obsevations.csv", its value from
    # column 15 ("observations: " is 14 characters): the slip is there, not in a file
    # that does not exist. Cold and cached alike; check and its JSON too.
    from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS

    make_tracker(
        tmp_path,
        monkeypatch,
        SMALL_TARGETS.replace("version: 1\n", "version: 1\nobservations: obsevations.csv\n"),
        SMALL_OBSERVATIONS,
    )
    said = (
        "targets.yaml:2:15: warning: the observations file does not exist, but observations.csv "
        "beside it holds figures; none is read from it, so every target is \"not available\"; if 'observations:' "
        "in targets.yaml means it, correct that line\n"
    )
    for _ in range(2):  # cold, then perhaps from the cache
        r = run("status", "--format", "json")
        assert r.exit_code == 0 and r.stderr == said, r.stderr
    check = run("check")
    assert check.exit_code == 0 and check.stderr.startswith(said), check.stderr
    import json

    problem = json.loads(run("check", "--format", "json").stdout)["problems"][0]
    assert (problem["file"], problem["line"], problem["column"]) == ("targets.yaml", 2, 15)
    vi = run("--lang", "vi", "status", "--format", "json")
    assert vi.stderr.startswith("targets.yaml:2:15: cảnh báo: ")
    assert problem["code"] == "workspace_store_near"  # the message's code as before


def test_a_missing_default_store_is_said_at_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # No observations: line (the default observations.csv): nothing in targets.yaml to
    # point at, so the store is named, as before.
    from conftest import SMALL_TARGETS

    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, "")
    Path("observations.csv").unlink()
    r = run("status", "--format", "json")
    assert r.stderr.startswith("observations.csv: warning: the observations file does not exist"), r.stderr


# --- 9. An override keyed by an unknown unit names its target --------------------------------

OVERRIDE_PLAN = dedent(
    """
    title: Breakdown plan
    dimensions:
      locality:
        values: [Alpha, Beta, Hạ Long]
    indicators:
      fdi:
        name: FDI
        unit: mn USD
        dimensions: [locality]
    targets:
      - id: fdi-2024
        type: plan
        indicator: fdi
        period: 2024
        value: 100
        for_each: locality
        overrides:
          Ha Long: {value: 40}
    """
)


def test_an_override_of_an_unknown_unit_names_its_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Line 18 is "      Ha Long: {value: 40}", its key at column 7: the unit is said with its
    # target and the overrides it is in, as the override's other problems are.
    make_tracker(tmp_path, monkeypatch, OVERRIDE_PLAN, STORE_HEADER)
    en = run("check")
    vi = run("--lang", "vi", "check")
    assert (en.exit_code, vi.exit_code) == (1, 1)
    assert en.stderr.splitlines()[0] == (
        "targets.yaml:18:7: error: target 'fdi-2024': overrides.Ha Long: 'Ha Long' is not a unit of 'locality'; "
        "did you mean 'Hạ Long'? valid: Alpha, Beta, Hạ Long"
    )
    assert vi.stderr.splitlines()[0] == (
        "targets.yaml:18:7: lỗi: mục tiêu 'fdi-2024': overrides.Ha Long: 'Ha Long' không phải là một đơn vị của "
        "'locality'; có phải ý bạn là 'Hạ Long'? hợp lệ: Alpha, Beta, Hạ Long"
    )


# --- 10. A lone "-" in a source or note is stored as typed ---------------------------------


def test_a_lone_dash_is_stored_as_typed_and_csv_stays_safe(tracker: Path):
    # "-" alone is no formula: there is nothing after the sign to compute, and Excel,
    # LibreOffice and Google Sheets show such a cell as the text "-". It is stored as
    # typed (not "'-"), said to be no formula, and printed as is in CSV; a text that
    # starts with "-" and goes on ("-1+2", "- see p. 3") is still stored after an apostrophe.
    from helpers import store_text

    r = run("add-observation", "share", "2024-Q2", "13", "--source", "-", "--note", "-", "--recorded-at", "2024-07-10")
    assert r.exit_code == 0, r.output
    assert "formula" not in r.stderr
    assert store_text(tracker).splitlines()[-1] == "share,2024-Q2,13,,-,-,2024-07-10T00:00:00Z"
    assert run("check").exit_code == 0
    csv = run("observations", "--format", "csv").stdout.splitlines()
    assert "share,2024-Q2,13,,-,-,2024-07-10T00:00:00Z" in csv
    r = run(
        "add-observation",
        "share",
        "2024-Q3",
        "13",
        "--source",
        "-1+2",
        "--note",
        "- see p. 3",
        "--recorded-at",
        "2024-10-10",
    )
    assert r.exit_code == 0, r.output
    assert store_text(tracker).splitlines()[-1] == "share,2024-Q3,13,,'-1+2,'- see p. 3,2024-10-10T00:00:00Z"


def test_a_lone_dash_stored_by_an_earlier_version_is_shown_as_typed(tracker: Path):
    # A store written before this change holds "'-": the tables people read show "-".
    with open("observations.csv", "a", encoding="utf-8") as f:
        f.write("share,2024-Q2,13,,'-,,2024-07-10T00:00:00Z\n")
    r = run("show", "share")
    line = next(x for x in r.stdout.splitlines() if x.strip().startswith("2024-Q2"))
    assert "'-" not in line and " - " in line, line


# --- 11. QNTRACK_LANG with a locale's name speaks that locale's language ---------------------


@pytest.mark.parametrize("value", ["vi_VN.UTF-8", "vi_VN", "vi-VN", "VI_vn.utf8", "vi_VN@euro"])
def test_a_locale_name_in_qntrack_lang_is_read_as_its_language(tracker: Path, value: str):
    # LANG=vi_VN.UTF-8 copied into QNTRACK_LANG: its language part, vi, is Vietnamese,
    # with no warning; the table's labels and decimal comma are Vietnamese (12,3%).
    r = run("status", "--format", "table", env={"QNTRACK_LANG": value})
    assert r.exit_code == 0, r.output
    assert r.stderr == ""
    assert "12,3%" in r.stdout and "Mục tiêu" in r.stdout
    # A message too: a day that is not one, in Vietnamese.
    bad = run("status", "--as-of", "x", env={"QNTRACK_LANG": value})
    assert bad.stderr == "--as-of: lỗi: 'x' không phải là ngày; hãy viết YYYY-MM-DD, ví dụ 2023-06-28\n"


# "vie" (ISO 639-2's Vietnamese) is told its code in Vietnamese since the forty-fifth
# session, pass K, as "vn" is (tests/test_s45_pipelines.py); English is still used.
@pytest.mark.parametrize("value", ["fr_FR.UTF-8", "C", "POSIX"])
def test_a_locale_of_another_language_still_falls_back_to_english_with_the_warning(tracker: Path, value: str):
    r = run("status", "--format", "table", env={"QNTRACK_LANG": value})
    assert r.exit_code == 0, r.output
    assert (
        r.stderr
        == f"qntrack: warning: QNTRACK_LANG='{value}' is not a language qntrack speaks (en, vi); English is used\n"
    )
    assert "12.3%" in r.stdout


def test_an_english_locale_is_english_without_a_warning(tracker: Path):
    r = run("status", "--format", "table", env={"QNTRACK_LANG": "en_US.UTF-8"})
    assert r.exit_code == 0 and r.stderr == "" and "12.3%" in r.stdout


def test_lang_on_the_command_line_still_takes_only_en_or_vi(tracker: Path):
    # --lang is typed for qntrack, not copied from the system: vi_VN stays a usage error.
    r = run("--lang", "vi_VN", "status")
    assert r.exit_code == 2


# --- 12. A period finer than its indicator is said in words, with the one it needs ----------


def test_a_month_for_a_quarterly_indicator_is_said_in_words(tracker: Path):
    # "04/2025" is April 2025, a month; 'share' is published by quarter: the quarter that
    # holds April is the second, 2025-Q2 (Q2 2025; Vietnamese quý II/2025).
    from helpers import store_text

    before = store_text(tracker)
    Path("m.csv").write_text("indicator,period,value\nshare,04/2025,13\n", encoding="utf-8")
    en = run("add-observation", "--from", "m.csv")
    vi = run("--lang", "vi", "add-observation", "--from", "m.csv")
    assert (en.exit_code, vi.exit_code) == (1, 1)
    assert en.stderr.splitlines()[0] == (
        "m.csv:2: error: period '04/2025' (read as 2025-04) is finer than indicator 'share' is published (frequency: quarter): "
        "it is April 2025, a month, where a quarter is needed: write 2025-Q2 (Q2 2025), the quarter that holds it, "
        "or change the indicator's frequency in targets.yaml if that is intended"
    )
    assert vi.stderr.splitlines()[0] == (
        "m.csv:2: lỗi: kỳ '04/2025' (đọc là 2025-04) chi tiết hơn tần suất công bố của chỉ tiêu 'share' (hằng quý, frequency: quarter): "
        "đó là tháng 4/2025, một tháng, trong khi chỉ tiêu cần một quý: hãy ghi 2025-Q2 (quý II/2025), "
        "quý chứa kỳ đó, hoặc nếu đúng là như vậy, hãy sửa khóa frequency của chỉ tiêu trong targets.yaml"
    )
    assert store_text(tracker) == before


def test_a_quarter_for_a_yearly_indicator_names_its_year(tracker: Path):
    # 'mining' is yearly: 2024-Q1 (Q1 2024, a quarter) belongs to the year 2024.
    r = run("add-observation", "mining", "2024-Q1", "13")
    assert r.exit_code == 1
    assert r.stderr == (
        "add-observation: error: period 2024-Q1 is finer than indicator 'mining' is published (frequency: year): "
        "it is Q1 2024, a quarter, where a year is needed: write 2024, the year that holds it, "
        "or change the indicator's frequency in targets.yaml if that is intended\n"
    )


# --- Found on the way: a milestone typed with three decimals kept them ----------------------


def test_a_milestone_with_three_decimals_and_its_gap_keep_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # The milestone 15.299 was written "15.3% by 2025", a milestone not set, and the gap
    # 15.299 - 11.3 = 3.999 "4 pp". At the milestone's three decimals: 15.299 and 3.999.
    make_tracker(
        tmp_path,
        monkeypatch,
        CHART_TARGETS,
        STORE_HEADER + "share,2022,11.3,estimate,src,,2023-01-10T00:00:00Z\n",
    )
    table = run("status", "--format", "table", "share")
    assert "15.299% by 2025" in table.stdout and "3.999 pp" in table.stdout, table.stdout
    show = run("show", "share")
    assert "Milestone            15.299% by 2025" in show.stdout
    assert "Gap                  3.999 pp" in show.stdout
    report = run("report", "share", "-o", "r.md")
    assert report.exit_code == 0, report.output
    text = Path("r.md").read_text(encoding="utf-8")
    assert "| 15.299% by 2025 |" in text and "15.3%" not in text


def test_a_baseline_with_three_decimals_keeps_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A baseline typed 9.804 read "9.8% (2020)" in show's Baseline row and the report's key
    # figures, beside a definition that says 9.804.
    make_tracker(
        tmp_path,
        monkeypatch,
        CHART_TARGETS.replace("value: 9.8}", "value: 9.804}"),
        STORE_HEADER + "share,2022,11.3,estimate,src,,2023-01-10T00:00:00Z\n",
    )
    show = run("show", "share")
    assert "Baseline                          9.804% (2020)" in show.stdout, show.stdout
    assert "From 9.804% in 2020 to 11.3% in 2022" in show.stdout
    report = run("report", "share", "-o", "r.md")
    assert report.exit_code == 0, report.output
    assert "| Baseline | 9.804% (2020) |" in Path("r.md").read_text(encoding="utf-8")


def test_the_awaited_sentence_quotes_the_latest_figure_with_its_decimals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # 14.999 recorded for 2024, the 2025 deadline passed with no 2025 figure: "the latest
    # is 15% (2024)" quoted the milestone, not the figure.
    make_tracker(
        tmp_path,
        monkeypatch,
        CHART_TARGETS.replace("value: 15.299}", "value: 15}"),
        STORE_HEADER + "share,2024,14.999,estimate,src,,2025-01-10T00:00:00Z\n",
    )
    show = run("show", "share")
    assert "the latest is 14.999% (2024)" in show.stdout, show.stdout


def test_a_status_before_a_period_in_an_imports_period_cell_is_told_what_to_write(tracker: Path):
    # A long table's period cell "Ước quý 1/2025": the period alone, 2025-Q1, and the
    # status in the file's status column (or --status).
    Path("l.csv").write_text("indicator,period,value\nshare,Ước quý 1/2025,13\n", encoding="utf-8")
    en = run("add-observation", "--from", "l.csv")
    vi = run("--lang", "vi", "add-observation", "--from", "l.csv")
    assert (en.exit_code, vi.exit_code) == (1, 1)
    assert en.stderr.splitlines()[0] == (
        "l.csv:2: error: 'Ước quý 1/2025' begins with a status (estimate): write the period alone, 2025-Q1, "
        "and the status in the status column (or --status estimate)"
    )
    assert vi.stderr.splitlines()[0] == (
        "l.csv:2: lỗi: 'Ước quý 1/2025' bắt đầu bằng loại số liệu (ước tính): hãy ghi riêng kỳ, 2025-Q1, "
        "và loại số liệu ở cột status (hoặc --status estimate)"
    )
