"""Issue 17, forty-second session, helper S: a Quảng Ninh planning officer's mid-year
(July 2025) and year-end (January 2026) reviews, played against a plan of the officer's
own.

1. A flow's annual plan read during the year says what the rest of the period needs. At
   the six-month review the officer's question is "how much FDI must the second half
   bring?": `show` and the reports gave the first half's share of the plan ("15.1% of the
   annual plan after 50% of the year") and a bare Gap, but never said that the gap is the
   second half's need, where a cumulative target says what each remaining period needs.
   Now one sentence says it, naming the months left: H2 2025 after H1, "August 2025 to
   December 2025" after seven months (a span of no name of its own), within a cap where
   lower is better; once the period is over with no figure for it, in the past ("needed").
   Nothing is said once the plan is met, nor of a growth rate's plan,
   whose second half's need depends on the weights of the halves, which no figure gives.
2. A year's figure typed in July is asked about. The officer who types the first half's
   growth as `add-observation grdp_growth 2025 11.03 --status estimate` (the year, where
   2025-H1 was meant) was told "added grdp_growth 2025 = 11.03", and the year's plan of 14%
   read "Not achieved" in July, the double-digit streak "passed" for 2025, on a half's
   figure. An estimate for the whole year is published near its end (late November or
   December, for the HĐND's session), so one recorded with three months or more of its
   period still to come is kept (an early estimate may be meant) and warned of, with the
   period from the start to the month before it was recorded to write if that was meant.
3. Two ways an officer writes a period were refused as "not a period": a quarter spelt
   "quí" (the older spelling of quý, still common: "quí II/2025") and the months from
   January as a range, as a six-month table heads its column ("Tháng 1-6/2025",
   "T1-T6/2025", "tháng 1 đến tháng 9/2025"). A range from another month is still no
   period.
4. A level target's part-year reading is said. At mid-year the CBCT share for the first half
   (15.2 %, past the 15 % milestone of 2025) stood in the table, but `show` and the reports
   said only "At this pace it reaches 14.09% of GRDP in 2025, short of 15 %", worked from
   2024's figure, and never the half's reading, which every-period, average and cumulative
   targets do say. Now: the reading, whether it is at or short of that year's milestone,
   and that the milestone is judged on the whole year's figure.

Expected numbers are worked by hand in the comments; expected texts are the catalog's
words, written out here by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

_PLAN = """\
version: 1
title: "QN 2025"
observations: observations.csv
timezone: +07:00
indicators:
  fdi:
    name: {en: "FDI disbursed", vi: "Vốn FDI giải ngân"}
    unit: {en: "million USD", vi: "triệu USD"}
    measure: flow
    direction: increase
    frequency: month
  coal:
    name: {en: "Coal burnt", vi: "Than tiêu thụ"}
    unit: {en: "kt", vi: "nghìn tấn"}
    measure: flow
    direction: decrease
    frequency: month
  grdp_growth:
    name: {en: "GRDP growth", vi: "Tốc độ tăng trưởng GRDP"}
    unit: {en: "% y/y", vi: "% so với cùng kỳ"}
    measure: rate
    direction: increase
    frequency: quarter
targets:
  - id: fdi-2025
    type: plan
    indicator: fdi
    name: "FDI disbursed 2025"
    period: 2025
    value: 1000
  - id: coal-2025
    type: plan
    indicator: coal
    name: "Coal burnt 2025"
    period: 2025
    value: 1200
  - id: growth-2025
    type: plan
    indicator: grdp_growth
    name: "Growth plan 2025"
    period: 2025
    value: 14
"""

_HEADER = "indicator,period,value,status,source,note,recorded_at\n"
_JULY = (
    _HEADER
    + "fdi,2025-H1,150.5,estimate,So KHDT,,2025-07-06T00:00:00Z\n"
    + "coal,2025-H1,500,estimate,So CT,,2025-07-06T00:00:00Z\n"
    + "grdp_growth,2025-H1,11.03,estimate,Cuc TK,,2025-07-05T00:00:00Z\n"
)


@pytest.fixture
def july(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, _PLAN, _JULY)


def _show(target: str, *extra: str) -> str:
    r = run_clean("show", target, "--as-of", "2025-07-15", *extra)
    assert r.exit_code == 0, r.output
    return " ".join(r.output.split())


def test_the_second_half_need_of_a_flow_plan_is_said(july: Path) -> None:
    # 1,000 planned, 150.5 by June: the second half needs 1,000 - 150.5 = 849.5.
    assert "To meet the plan (1,000 million USD), H2 2025 needs another 849.5 million USD." in _show("fdi-2025")
    vi = _show("fdi-2025", "--lang", "vi")
    assert "Để đạt kế hoạch (1.000 triệu USD), 6 tháng cuối năm 2025 cần thêm 849,5 triệu USD." in vi


def test_a_cap_says_what_the_rest_may_add(july: Path) -> None:
    # At most 1,200 kt; 500 by June: the second half may burn at most 1,200 - 500 = 700.
    assert "To stay within the plan (at most 1,200 kt), H2 2025 may add at most 700 kt." in _show("coal-2025")
    vi = _show("coal-2025", "--lang", "vi")
    assert "Để không vượt kế hoạch (1.200 nghìn tấn), 6 tháng cuối năm 2025 chỉ được thêm tối đa 700 nghìn tấn." in vi


def test_months_left_of_no_name_are_said_first_to_last(july: Path) -> None:
    # July added to the first half: 150.5 + 40.2 = 190.7 by July; 1,000 - 190.7 = 809.3
    # for August to December, five months, which make no period of their own.
    with open("observations.csv", "a", encoding="utf-8") as f:
        f.write("fdi,2025-07,40.2,estimate,So KHDT,,2025-08-05T00:00:00Z\n")
    r = run_clean("show", "fdi-2025", "--as-of", "2025-08-10")
    text = " ".join(r.output.split())
    assert "To meet the plan (1,000 million USD), August 2025 to December 2025 needs another 809.3 million USD." in text
    r = run_clean("show", "fdi-2025", "--as-of", "2025-08-10", "--lang", "vi")
    text = " ".join(r.output.split())
    assert "Để đạt kế hoạch (1.000 triệu USD), từ tháng 8/2025 đến tháng 12/2025 cần thêm 809,3 triệu USD." in text


def test_no_need_is_said_of_a_plan_met_or_a_growth_rate(july: Path) -> None:
    # A growth rate: the second half's need rests on the halves' weights, which no figure gives.
    assert "To meet the plan" not in _show("growth-2025")
    # 1,020.5 by June is past the 1,000 planned: nothing is needed.
    with open("observations.csv", "a", encoding="utf-8") as f:
        f.write("fdi,2025-H1,1020.5,estimate,So KHDT,,2025-07-10T00:00:00Z\n")
    assert "To meet the plan" not in _show("fdi-2025")


def test_after_the_year_the_need_is_said_in_the_past(july: Path) -> None:
    # 5 January 2026: 2025 is over, its figure not recorded; the second half needed 849.5.
    r = run_clean("show", "fdi-2025", "--as-of", "2026-01-05")
    text = " ".join(r.output.split())
    assert "H2 2025 needs" not in text
    assert (
        "To meet the plan (1,000 million USD), H2 2025 needed another 849.5 million USD,"
        " and no figure for it is recorded yet." in text
    )
    r = run_clean("show", "coal-2025", "--as-of", "2026-01-05", "--lang", "vi")
    text = " ".join(r.output.split())
    assert (
        "Để không vượt kế hoạch (1.200 nghìn tấn), 6 tháng cuối năm 2025 chỉ được thêm tối đa"
        " 700 nghìn tấn; chưa có số liệu của kỳ này." in text
    )


def test_the_report_says_the_need_too(july: Path) -> None:
    r = run_clean("report", "--as-of", "2025-07-15", "--format", "markdown")
    assert r.exit_code == 0, r.output
    assert "To meet the plan (1,000 million USD), H2 2025 needs another 849.5 million USD." in r.output


# --- 2. A year's figure typed in July ----------------------------------------------------


def test_a_year_estimate_recorded_in_july_is_asked_about(july: Path) -> None:
    # Recorded 5 July 2025: July (not over) to December, six months of 2025, are still to
    # come; the months ended before it are January to June, 2025-H1.
    r = run_clean(
        "add-observation",
        "grdp_growth",
        "2025",
        "11.03",
        "--status",
        "estimate",
        "--source",
        "Cuc TK",
        "--recorded-at",
        "2025-07-05",
    )
    assert r.exit_code == 0, r.output
    text = " ".join(r.output.split())
    assert (
        "warning: grdp_growth 2025: recorded 2025-07-05, with 6 months of 2025 still to come"
        " (it ends 2025-12-31): is 11.03 the figure for 2025-H1? If so, record it as 2025-H1"
        " instead and withdraw this one with 'qntrack retract grdp_growth 2025'" in text
    )
    assert "added grdp_growth 2025 = 11.03" in text  # kept: an early estimate may be meant


def test_the_warning_in_vietnamese_and_in_a_dry_run(july: Path) -> None:
    # Recorded 20 September 2025: September (not over) to December, four months, to come;
    # the months ended before it are January to August, 2025-8M (fdi is monthly).
    before = Path("observations.csv").read_bytes()
    r = run_clean(
        "--lang",
        "vi",
        "add-observation",
        "fdi",
        "2025",
        "400",
        "--status",
        "estimate",
        "--source",
        "So",
        "--recorded-at",
        "2025-09-20",
        "--dry-run",
    )
    assert r.exit_code == 0, r.output
    assert Path("observations.csv").read_bytes() == before
    text = " ".join(r.output.split())
    assert (
        "fdi 2025: ghi nhận 20/09/2025, khi 2025 còn 4 tháng nữa mới kết thúc (31/12/2025):"
        " 400 có phải là số liệu của 2025-8M? Nếu vậy, hãy ghi là 2025-8M" in text
    )


def test_an_estimate_near_the_end_is_not_asked_about(july: Path) -> None:
    # Recorded 2 November 2025: November (not over) and December, two months, to come: a year-end
    # estimate for the HĐND's December session, as the province publishes it.
    r = run_clean(
        "add-observation",
        "fdi",
        "2025",
        "900",
        "--status",
        "estimate",
        "--source",
        "So",
        "--recorded-at",
        "2025-11-02",
    )
    assert r.exit_code == 0, r.output
    assert "warning" not in r.output
    # A quarter's estimate in its last month (Q3 on 28 September: one month to come) is not
    # asked about either.
    r = run_clean(
        "add-observation",
        "grdp_growth",
        "2025-Q3",
        "12.5",
        "--status",
        "estimate",
        "--source",
        "Cuc TK",
        "--recorded-at",
        "2025-09-28",
    )
    assert r.exit_code == 0, r.output
    assert "warning" not in r.output


def test_an_import_warns_at_the_line(july: Path) -> None:
    Path("h1.csv").write_text(
        "indicator,period,value,status,source,recorded_at\ncbct_share,2025,14.2,estimate,So CT,2025-07-06\n",
        encoding="utf-8",
    )
    Path("t.yaml").write_text(
        _PLAN.replace(
            "targets:",
            """  cbct_share:
    name: "CBCT share"
    unit: "% of GRDP"
    measure: level
    direction: increase
    frequency: quarter
targets:""",
        ),
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--targets", "t.yaml", "--from", "h1.csv")
    assert r.exit_code == 0, r.output
    text = " ".join(r.output.split())
    assert "h1.csv:2: warning: cbct_share 2025: recorded 2025-07-06, with 6 months of 2025 still to come" in text


def test_a_table_of_year_estimates_is_asked_about_once(july: Path) -> None:
    # A six-month report's table with an "Ước TH 2025" column, imported on 10 July: three
    # rows of 2025, each with six months of the year to come, are asked about once, at the
    # first row's line, with the count; not three times the same question.
    Path("wide.csv").write_text("Chỉ tiêu;Ước TH 2025\ngrdp_growth;12,1\nfdi;900\ncoal;1100\n", encoding="utf-8")
    r = run_clean(
        "--lang",
        "vi",
        "add-observation",
        "--from",
        "wide.csv",
        "--wide",
        "--source",
        "BC 6T",
        "--recorded-at",
        "2025-07-10",
        "--dry-run",
    )
    assert r.exit_code == 0, r.output
    text = " ".join(r.output.split())
    assert (
        "3 dòng số liệu 2025 (dòng đầu: grdp_growth 12,1) ghi nhận 10/07/2025, khi 2025 còn 6 tháng"
        " nữa mới kết thúc (31/12/2025): đây có phải là số liệu của 2025-H1? Nếu vậy, hãy ghi là 2025-H1" in text
    )
    r = run_clean("add-observation", "--from", "wide.csv", "--wide", "--source", "BC 6T", "--recorded-at", "2025-07-10")
    assert r.exit_code == 0, r.output
    text = " ".join(r.output.split())
    assert text.count("still to come") == 1, text
    assert (
        "wide.csv:2: warning: 3 rows of 2025 (the first: grdp_growth 12.1) recorded 2025-07-10, with 6"
        " months of 2025 still to come (it ends 2025-12-31): are they the figures for 2025-H1?"
        " If so, record them as 2025-H1 instead" in text
    )


# --- 3. Periods as an officer writes them --------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("quí II/2025", "2025-Q2"),
        ("Quí 2/2025", "2025-Q2"),
        ("Tháng 1-6/2025", "2025-H1"),
        ("tháng 1 – 6/2025", "2025-H1"),
        ("T1-T6/2025", "2025-H1"),
        ("tháng 1 đến tháng 9/2025", "2025-9M"),
        # With its "từ" (from), which folds to "tu" as "tư" (four) does (the lead, pass S's leftover).
        ("từ tháng 1 đến tháng 9/2025", "2025-9M"),
        ("Từ T1 đến T6/2025", "2025-H1"),
        ("Tháng 1-3/2025", "2025-Q1"),
    ],
)
def test_a_period_as_an_officer_writes_it(july: Path, typed: str, stored: str) -> None:
    r = run_clean(
        "add-observation",
        "fdi",
        typed,
        "10",
        "--status",
        "estimate",
        "--source",
        "So",
        "--recorded-at",
        "2025-10-05",
        "--dry-run",
        "--format",
        "csv",
    )
    assert r.exit_code == 0, r.output
    assert f"fdi,{stored},10," in r.output


def test_a_range_not_from_january_is_no_period(july: Path) -> None:
    r = run_clean(
        "add-observation",
        "fdi",
        "Tháng 3-6/2025",
        "10",
        "--status",
        "estimate",
        "--source",
        "So",
        "--recorded-at",
        "2025-10-05",
    )
    assert r.exit_code == 1, r.output
    assert "is not a period" in r.output


# --- 4. A level target's part-year reading -------------------------------------------------

_LEVEL = """\
version: 1
title: "QN 2025"
observations: observations.csv
timezone: +07:00
indicators:
  cbct_share:
    name: {en: "CBCT share", vi: "Tỷ trọng CBCT"}
    unit: {en: "% of GRDP", vi: "% GRDP"}
    measure: level
    direction: increase
    frequency: quarter
targets:
  - id: cbct
    type: level
    indicator: cbct_share
    name: "CBCT 15% by 2025, 30% by 2030"
    baseline: {period: 2020, value: 9.8}
    milestones:
      - {by: 2025, value: 15}
      - {by: 2030, value: 30}
"""


@pytest.mark.parametrize(
    ("h1", "en", "vi"),
    [
        (
            "15.2",
            "Part-year reading H1 2025: 15.2% of GRDP, at or beyond the 2025 milestone (15% of GRDP);"
            " the milestone is judged on the figure for the whole of 2025.",
            "Số liệu 6 tháng đầu năm 2025 (chưa đủ năm): 15,2% GRDP, đã đạt mốc năm 2025 (15% GRDP);"
            " mốc được đánh giá theo số liệu cả năm 2025.",
        ),
        (
            "14.2",
            "Part-year reading H1 2025: 14.2% of GRDP, short of the 2025 milestone (15% of GRDP);"
            " the milestone is judged on the figure for the whole of 2025.",
            "Số liệu 6 tháng đầu năm 2025 (chưa đủ năm): 14,2% GRDP, chưa đạt mốc năm 2025 (15% GRDP);"
            " mốc được đánh giá theo số liệu cả năm 2025.",
        ),
    ],
)
def test_a_level_targets_part_year_reading_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, h1: str, en: str, vi: str
) -> None:
    make_tracker(
        tmp_path,
        monkeypatch,
        _LEVEL,
        _HEADER
        + "cbct_share,2024,13.1,estimate,x,,2025-01-10T00:00:00Z\n"
        + f"cbct_share,2025-H1,{h1},estimate,So CT,,2025-07-06T00:00:00Z\n",
    )
    r = run_clean("show", "cbct", "--as-of", "2025-07-15")
    assert en in " ".join(r.output.split())
    r = run_clean("show", "cbct", "--as-of", "2025-07-15", "--lang", "vi")
    assert vi in " ".join(r.output.split())
    r = run_clean("report", "--as-of", "2025-07-15", "--format", "markdown")
    assert en in " ".join(r.output.split())


def test_a_reading_of_a_year_with_no_milestone_is_said_plainly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 2026-H1: no milestone in 2026 (the next is 2030's), so no milestone is compared.
    make_tracker(
        tmp_path,
        monkeypatch,
        _LEVEL,
        _HEADER
        + "cbct_share,2025,14.6,estimate,x,,2026-01-10T00:00:00Z\n"
        + "cbct_share,2026-H1,16.1,estimate,So CT,,2026-07-06T00:00:00Z\n",
    )
    r = run_clean("show", "cbct", "--as-of", "2026-07-15")
    text = " ".join(r.output.split())
    assert "Part-year reading H1 2026: 16.1% of GRDP (not judged until the figure for the whole of 2026)." in text


def test_the_second_half_need_is_rounded_so_that_it_suffices(july: Path) -> None:
    # The lead, at the merge: a first half of 150.5551 (a figure worked out, written at two
    # decimals as 150.56) leaves 1,000 - 150.5551 = 849.4449 to the plan. To nearest that is
    # "849.44", which added to the half falls 0.0049 short; a need is rounded so that it
    # suffices (docs/methodology.md, "How figures are written"): 849.45. Under a cap, the
    # allowance is rounded down: at most 1,200 - 500.1234 = 699.8766, "699.87", not 699.88.
    with open("observations.csv", "a", encoding="utf-8") as f:
        f.write("fdi,2025-H1,150.5551,estimate,So KHDT,,2025-07-08T00:00:00Z\n")
        f.write("coal,2025-H1,500.1234,estimate,So CT,,2025-07-08T00:00:00Z\n")
    assert "H2 2025 needs another 849.45 million USD." in _show("fdi-2025")
    assert "H2 2025 may add at most 699.87 kt." in _show("coal-2025")


def test_a_part_year_reading_at_the_milestone_to_fifteen_digits_is_at_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The lead, at the merge: a computed cell's 14.999999999999998 is 15 at the 15 digits
    # a figure as typed has (docs/methodology.md, "A figure as typed"), as every goal is
    # met; the part-year sentence compared the floats and said "short of" the 15% milestone.
    make_tracker(
        tmp_path,
        monkeypatch,
        _LEVEL,
        _HEADER
        + "cbct_share,2024,13.1,estimate,x,,2025-01-10T00:00:00Z\n"
        + "cbct_share,2025-H1,14.999999999999998,estimate,So CT,,2025-07-06T00:00:00Z\n",
    )
    r = run_clean("show", "cbct", "--as-of", "2025-07-15")
    text = " ".join(r.output.split())
    assert "at or beyond the 2025 milestone" in text and "short of the 2025 milestone" not in text, text
