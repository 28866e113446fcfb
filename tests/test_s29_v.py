"""Issue 17, twenty-ninth session, helper V: the six-month review ("báo cáo 6 tháng đầu
năm") done end to end on the shipped data as a planning officer does it. Each test was
written failing first; the expected words are written by hand from the catalog's wording,
and the figures from the shipped observations.csv (grdp_growth 2025-H1 = 11.03,
cbct_va_growth 2025-H1 = 23.81, both % y/y growth rates)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import refused_here as _refused
from helpers import run_clean


# --- 1. a day typed where a period is asked ---------------------------------------------------
# The statistics office heads its six-month report "tính đến 30/6/2026"; the officer typed
# the day. An import already told the periods ending on a month's last day; typed, it was
# "not a period" with the list of forms, none of which said which one ends on 30 June.


@pytest.mark.parametrize("day", ["30/06/2026", "30/6/2026", "2026-06-30"])
def test_a_typed_month_end_is_told_the_periods_ending_on_it(shipped: Path, day: str) -> None:
    said = _refused("add-observation", "grdp_growth", day, "8.5", "--status", "estimate")
    # 30 June ends June, the second quarter and the first half (June is no "first n
    # months" period of its own: 6M is H1).
    assert (
        f"'{day}' is a day, not a period: a figure up to that day is for a period that ends on it,"
        " 2026-06, 2026-Q2, 2026-H1; write the one meant"
    ) in said, said
    assert "Excel" not in said, said  # typed, not a spreadsheet's cell


def test_a_typed_year_end_is_told_the_year_too_in_vietnamese(shipped: Path) -> None:
    said = _refused("--lang", "vi", "add-observation", "grdp_growth", "31/12/2025", "11,89")
    assert (
        "'31/12/2025' là một ngày, không phải một kỳ: số liệu tính đến ngày đó là của một kỳ kết thúc"
        " vào ngày đó, 2025-12, 2025-Q4, 2025-H2, 2025; hãy ghi đúng kỳ đó"
    ) in said, said


def test_history_and_retract_tell_a_day_alike(shipped: Path) -> None:
    r = run_clean("history", "grdp_growth", "30/06/2025")
    assert r.exit_code != 0
    assert "'30/06/2025' is a day, not a period" in r.stderr, r.stderr
    said = _refused("retract", "grdp_growth", "30/06/2025")
    assert "'30/06/2025' is a day, not a period" in said, said


def test_a_day_that_ends_no_month_keeps_the_old_words(shipped: Path) -> None:
    said = _refused("add-observation", "grdp_growth", "15/06/2026", "8.5")
    assert "'15/06/2026' is not a period; valid forms:" in said, said


# --- 2. "ước cả năm": the whole year's estimate, as the review heads it ----------------------


@pytest.mark.parametrize("word", ["ước cả năm", "Ước cả năm", "uoc ca nam", "ước tính cả năm", "ước năm"])
def test_the_whole_year_estimate_is_an_estimate(shipped: Path, word: str) -> None:
    r = run_clean(
        "add-observation",
        "grdp_growth",
        "2026",
        "10.2",
        "--status",
        word,
        "--source",
        "Cục Thống kê tỉnh",
        "--dry-run",
        "--format",
        "csv",
    )
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[1].split(",")[:4] == ["grdp_growth", "2026", "10.2", "estimate"], r.stdout


# --- 3. a growth rate typed as an index (the same period a year earlier = 100) ----------------
# The office's tables give "chỉ số phát triển" 108.5 beside "tăng 8.5%". grdp_growth is a
# growth rate in % y/y: 108.5 recorded as it is reads as the economy doubling.


def test_an_index_beside_a_growth_rate_is_told_the_growth_it_means(shipped: Path) -> None:
    r = run_clean("add-observation", "grdp_growth", "2026-H1", "108.5", "--dry-run")
    assert r.exit_code == 0, r.stderr  # a warning: a growth of 108.5 % can be true
    # 108.5 / 11.03 = 9.8368...: 9.84 times; 108.5 - 100 = 8.5.
    assert (
        "grdp_growth 2026-H1 = 108.5 is 9.84 times the figure for 2025-H1 (11.03): an index with the"
        " same period a year earlier = 100 (a growth of 8.5% written 108.5)? A growth rate is recorded as"
        " the per cent itself: if so, correct it to 8.5 before adding it"
    ) in r.stderr, r.stderr


def test_an_index_is_told_even_where_no_jump_is(shipped: Path) -> None:
    # 108.7 / 23.81 = 4.57, under the jump factor of 5: no jump was said, and 108.7 was
    # recorded silently as the branch's growth. 108.7 - 100 = 8.7.
    r = run_clean("--lang", "vi", "add-observation", "cbct_va_growth", "2026-H1", "108,7")
    assert r.exit_code == 0, r.stderr
    assert (
        "cbct_va_growth kỳ 2026-H1 = 108,7, bên cạnh số liệu kỳ 2025-H1 (23,81): có phải chỉ số phát triển"
        " (cùng kỳ năm trước = 100), tức tăng 8,7% ghi thành 108,7? Tốc độ tăng ghi bằng chính số phần trăm:"
        " nếu vậy, 'qntrack retract cbct_va_growth 2026-H1' sẽ rút lại số liệu này, và số cần ghi là 8,7"
    ) in r.stderr, r.stderr


@pytest.mark.parametrize(
    ("indicator", "value", "why"),
    [
        ("grdp_growth", "8.5", "a growth rate in line with its neighbour"),
        ("cbct_share", "108.5", "a share, not a growth rate: no index form"),
        ("grdp_growth", "30", "far from its neighbour, but 30 - 100 is no growth in line either"),
    ],
)
def test_no_index_is_told_where_none_is_read(shipped: Path, indicator: str, value: str, why: str) -> None:
    r = run_clean("add-observation", indicator, "2026-H1", value, "--dry-run", "--force")
    assert "index" not in r.stderr, (why, r.stderr)


# --- 4. a pasted table's own names for the indicators -----------------------------------------
# The officer's Excel table names its rows in its own words. A name that is exactly the
# plan's is read; any other was refused with the list of ids, which said nothing of which
# id was "Thu hút FDI". A name whose every word is in one indicator's name (or in the name
# of a target of one indicator) is now told that indicator; nothing is read from it.

PASTED = "Chỉ tiêu\tKỳ\tGiá trị\n"


def test_a_pasted_name_is_told_the_indicator_whose_name_holds_its_words(shipped: Path) -> None:
    Path("t.tsv").write_text(
        PASTED + "Thu hút FDI\t6 tháng 2026\t1.250\nThu ngân sách\t2025\t82.235\n", encoding="utf-8"
    )
    said = _refused("--lang", "vi", "add-observation", "--from", "t.tsv")
    # fdi is named "Vốn FDI thu hút"; budget_revenue "Thu ngân sách nhà nước trên địa bàn".
    assert (
        "t.tsv:2: lỗi: không có chỉ tiêu 'Thu hút FDI'; mọi từ của tên này đều có trong tên chỉ tiêu fdi,"
        " 'Vốn FDI thu hút': nếu đúng là chỉ tiêu đó, hãy ghi fdi (hoặc đúng tên đó)\n"
    ) in said, said
    assert (
        "t.tsv:3: lỗi: không có chỉ tiêu 'Thu ngân sách'; mọi từ của tên này đều có trong tên chỉ tiêu"
        " budget_revenue, 'Thu ngân sách nhà nước trên địa bàn': nếu đúng là chỉ tiêu đó, hãy ghi"
        " budget_revenue (hoặc đúng tên đó)\n"
    ) in said, said


def test_a_name_found_in_a_targets_name_is_told_its_indicator(shipped: Path) -> None:
    # No indicator's name says CBCT; target cbct-share's does, and its indicator is cbct_share.
    said = _refused("add-observation", "Tỷ trọng CBCT trong GRDP", "2025", "13.1")
    assert (
        "unknown indicator 'Tỷ trọng CBCT trong GRDP'; its words are all in the name of target"
        " cbct-share, 'Tỷ trọng CBCT trong GRDP: 15% năm 2025, 30% năm 2030', whose indicator is"
        " cbct_share: write cbct_share if it is the one meant"
    ) in said, said


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Tỷ trọng trong GRDP", "in the names of cbct_share and of mining_share: neither guessed"),
        ("Chỉ số sản xuất công nghiệp", "the plan tracks no production index"),
    ],
)
def test_a_name_of_no_one_indicator_keeps_the_list(shipped: Path, name: str, why: str) -> None:
    said = _refused("add-observation", name, "2025", "1")
    assert f"unknown indicator '{name}'; known: grdp_growth, grdp_vnd," in said, (why, said)


# --- 5. a half year's amount for an indicator published by year --------------------------------
# The six-month review reports "thu ngân sách 6 tháng" against the year's estimate; the
# shipped budget_revenue is published by year (frequency: year, measure: flow). The
# refusal told the officer to "write 2026, the year that holds it": the half year's
# revenue recorded as the year's, which the 2026 plan would then judge as the year's
# result. An amount's part is never its year: the refusal now says so, and names the
# frequency that records it (a plan then reads it as the year to date).


def test_a_half_years_amount_is_not_told_to_be_written_as_its_year(shipped: Path) -> None:
    said = _refused("add-observation", "budget_revenue", "2026-H1", "38500", "--status", "estimate")
    assert (
        "period 2026-H1 is finer than indicator 'budget_revenue' is published (frequency: year): it is"
        " H1 2026, a half year, where a year is needed. budget_revenue is a flow or a balance, an amount over its period: the figure for H1 2026"
        " is a part of the figure for 2026, not that figure, so it is not written as 2026. To record it (a"
        " plan of the year then reads it as the year to date), make the indicator's frequency: half in"
        " targets.yaml; else record 2026 once its own figure is published"
    ) in said, said
    assert "the year that holds it" not in said, said


def test_the_vietnamese_words_and_a_months_frequency(shipped: Path) -> None:
    # 2026-5M (five months from January) is made of months only: frequency: month.
    said = _refused("--lang", "vi", "add-observation", "budget_revenue", "5 tháng 2026", "30000")
    assert (
        "budget_revenue là một lượng theo kỳ hoặc cán cân: số liệu 5 tháng năm 2026 chỉ là một phần"
        " của số liệu năm 2026, không phải số liệu đó, nên không ghi thành 2026. Muốn ghi số liệu này"
        " (khi đó kế hoạch năm đọc nó là số lũy kế từ đầu năm), hãy sửa khóa frequency của chỉ tiêu trong"
        " targets.yaml thành hằng tháng, frequency: month; nếu không, hãy ghi kỳ 2026 khi có số liệu của"
        " chính kỳ đó"
    ) in said, said


def test_a_level_keeps_the_holding_period(shipped: Path) -> None:
    # A share's month typed for a quarterly indicator may be a period typed wrongly: kept.
    said = _refused("add-observation", "cbct_share", "2025-06", "13")
    assert "write 2025-Q2 (Q2 2025), the quarter that holds it" in said, said


# --- 6. a number of months in words, as a report's title writes it ----------------------------
# "Báo cáo tình hình kinh tế - xã hội sáu tháng đầu năm 2026": the heading the officer
# copies. "6 tháng đầu năm 2026" was read; "sáu tháng đầu năm 2026" was "not a period".


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("sáu tháng đầu năm 2026", "2026-H1"),
        ("Sáu tháng 2026", "2026-H1"),
        ("chín tháng đầu năm 2025", "2025-9M"),
        ("Năm tháng đầu năm 2026", "2026-5M"),
        ("ba tháng đầu năm 2026", "2026-Q1"),  # 3M is written as the first quarter
        ("mười một tháng năm 2025", "2025-11M"),
        ("sau thang dau nam 2026", "2026-H1"),  # typed without its marks
    ],
)
def test_months_in_words_are_read(shipped: Path, typed: str, code: str) -> None:
    r = run_clean("add-observation", "fdi", typed, "5", "--status", "estimate", "--dry-run", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[1].split(",")[1] == code, r.stdout


def test_months_out_of_range_in_words_stay_refused(shipped: Path) -> None:
    said = _refused("add-observation", "fdi", "mười ba tháng 2026", "5")
    # Told as '13 tháng 2026' is (helper L, tests/test_s29_l.py), no longer "not a period".
    assert "first-N-months needs N from 1 to 12" in said, said


# --- 7. check says an index recorded as a growth rate ------------------------------------------
# The entry warning is said once, on stderr, and an import's many lines bury it; `check`,
# run before the review, said nothing of 108.5 in force as the half year's growth.


def test_check_says_a_growth_rate_in_force_that_reads_as_an_index(shipped: Path) -> None:
    with Path("observations.csv").open("a", encoding="utf-8") as store:
        store.write("grdp_growth,2026-H1,108.5,estimate,Cục Thống kê tỉnh,,2026-07-03T00:00:00Z\n")
    line = len(Path("observations.csv").read_text(encoding="utf-8").splitlines())
    done = run_clean("check")
    said = [x for x in done.stderr.splitlines() if x.startswith(f"observations.csv:{line}:")]
    # Its neighbours in time, of any length (a growth rate reads alike over any span): 2025
    # (11.89) before it, nothing after. 108.5 / 11.89 = 9.13, far; 8.5 beside 11.89, in line.
    assert said == [
        f"observations.csv:{line}: warning: grdp_growth 2026-H1: 108.5 where the figure for 2025 is 11.89: an"
        " index with the same period a year earlier = 100 (a growth of 8.5% written 108.5)? If so, withdraw it"
        " with 'qntrack retract grdp_growth 2026-H1' and record 8.5"
    ], done.stderr


def test_check_says_nothing_of_a_growth_rate_in_line(shipped: Path) -> None:
    with Path("observations.csv").open("a", encoding="utf-8") as store:
        store.write("grdp_growth,2026-H1,8.5,estimate,Cục Thống kê tỉnh,,2026-07-03T00:00:00Z\n")
    assert "index" not in run_clean("check").output
