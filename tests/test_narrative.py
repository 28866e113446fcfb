"""The plain sentences of `show`, in English and Vietnamese.

The figures in the sentences are the hand-computed ones of tests/test_level_analysis.py
and tests/test_kinds.py, rounded for display: two decimals for values, one for rates and
shares, trailing zeros dropped; Vietnamese writes a decimal comma and a thousands dot.
"""

from __future__ import annotations

import pytest

from helpers import series as rows
from qntrack.kinds import assess_target
from qntrack.plan.model import (
    AverageTarget,
    Baseline,
    Bound,
    CumulativeTarget,
    EveryPeriodTarget,
    Indicator,
    LevelTarget,
    Measure,
    Milestone,
    PlanTarget,
    Text,
)
from qntrack.output.narrative import explain
from qntrack.plan.periods import parse_period

P = parse_period

SHARE = Indicator("cbct_share", Text("CBCT share of GRDP", "Tỷ trọng CBCT"), unit="% of GRDP", unit_vi="% GRDP")
GROWTH = Indicator(
    "grdp_growth",
    Text("GRDP growth", "Tăng trưởng GRDP"),
    unit="% y/y",
    unit_vi="% so với cùng kỳ",
    measure=Measure.RATE,
)
FDI = Indicator("fdi", Text("FDI", "FDI"), unit="million USD", unit_vi="triệu USD", measure=Measure.FLOW)
INVEST = Indicator(
    "cbct_investment", Text("Investment", "Vốn đầu tư"), unit="billion VND", unit_vi="tỷ đồng", measure=Measure.FLOW
)


def level(*milestones: tuple[int, float], base: float = 9.8) -> LevelTarget:
    return LevelTarget(
        id="cbct-share",
        indicator="cbct_share",
        baseline=Baseline(P("2020"), base),
        milestones=tuple(Milestone(P(str(y)), v) for y, v in milestones),
    )


CBCT = rows("cbct_share", ("2021", 11.3), ("2022", 11.5), ("2023", 12.3))


# --- level: the CBCT example ---------------------------------------------------------------


def test_cbct_sentences_in_english():
    """a = 7.868 % -> "+7.9%"; projected 14.3117 -> "14.31"; needed from now 10.43 % -> "+10.5%" (rounded up so that it suffices, 41st session);
    trajectory 12.6516 -> "12.65"; deviation -0.3516 -> "-0.35 pp"; reached 2026."""
    a = assess_target(level((2025, 15), (2030, 30)), SHARE, CBCT)
    assert explain(a, "en") == [
        "From 9.8% of GRDP in 2020 to 12.3% of GRDP in 2023: +7.9% a year.",
        "At this pace it reaches 14.31% of GRDP in 2025, short of 15% of GRDP; from now on it needs +10.5% a year.",
        "The path to 15% of GRDP by 2025 called for 12.65% of GRDP in 2023; the deviation is -0.35 pp.",
        "At the current pace 15% of GRDP would be reached in 2026.",
    ]


def test_cbct_sentences_in_vietnamese():
    """The same figures with a decimal comma: 9,8; 12,3; +7,9%; 14,31; +10,5%; 12,65; -0,35."""
    a = assess_target(level((2025, 15), (2030, 30)), SHARE, CBCT)
    assert explain(a, "vi") == [
        "Giai đoạn 2020–2023: tăng từ 9,8% GRDP lên 12,3% GRDP, bình quân +7,9%/năm.",
        "Với tốc độ này, năm 2025 đạt 14,31% GRDP, chưa đạt 15% GRDP; từ nay cần +10,5%/năm.",
        "Theo lộ trình, năm 2023 cần 12,65% GRDP; chênh lệch -0,35 điểm phần trăm.",
        "Với tốc độ hiện nay, mốc 15% GRDP sẽ đạt được vào năm 2026.",
    ]


def test_on_course_says_the_milestone_is_met_and_asks_for_no_extra_pace():
    """Base 9.8 (2020), 2023 = 13.0 against 15 by 2025: a = (13 / 9.8) ** (1/3) - 1 = 0.098767383;
    projected 13 * 1.098767383 ** 2 = 15.694766905 -> "15.69" >= 15: no "needs" clause.
    Trajectory 12.651592226 -> deviation 13 - 12.651592226 = +0.348407774 -> "+0.35 pp"."""
    a = assess_target(level((2025, 15)), SHARE, rows("cbct_share", ("2023", 13.0)))
    text = explain(a, "en")
    assert text[1] == "At this pace it reaches 15.69% of GRDP in 2025, meeting the milestone of 15% of GRDP."
    assert "+0.35 pp" in text[2]
    assert explain(a, "vi")[1] == "Với tốc độ này, năm 2025 đạt 15,69% GRDP, vượt mốc 15% GRDP."


def test_missed_milestone_sentence():
    """2025 = 14.0 against 15: missed, the figure of 2025 is quoted."""
    a = assess_target(level((2025, 15)), SHARE, rows("cbct_share", ("2023", 12.3), ("2025", 14.0)))
    assert "The 2025 milestone of 15% of GRDP was not achieved: 14% of GRDP." in explain(a, "en")
    assert "Không đạt mốc năm 2025 (15% GRDP): thực tế 14% GRDP." in explain(a, "vi")


def test_achieved_milestone_sentence():
    a = assess_target(level((2025, 15)), SHARE, rows("cbct_share", ("2025", 15.5)))
    assert explain(a, "en")[-1] == "The 2025 milestone of 15% of GRDP is achieved."
    assert explain(a, "vi")[-1] == "Đã đạt mốc 15% GRDP (năm 2025)."


def test_never_reached_sentence():
    """Base 10 (2020), 2023 = 9 against 12 by 2025: moving away -> never at this pace."""
    a = assess_target(level((2025, 12), base=10.0), SHARE, rows("cbct_share", ("2023", 9.0)))
    assert explain(a, "en")[-1] == "At the current pace 12% of GRDP is never reached."
    assert explain(a, "vi")[-1] == "Với tốc độ hiện nay, sẽ không đạt được 12% GRDP."


def test_no_full_year_figure():
    a = assess_target(level((2025, 15)), SHARE, rows("cbct_share", ("2021-H1", 10.5)))
    assert a.reason == "no_annual_figure"
    assert explain(a, "en") == ["Not assessed: no full-year figure yet; part-year readings are not assessed."]
    assert explain(a, "vi") == ["Chưa đánh giá: chưa có số liệu cả năm; số liệu một phần năm không dùng để đánh giá."]


# --- every_period --------------------------------------------------------------------------


GRDP_YEARS = (
    ("2015", 11.0),
    ("2016", 10.1),
    ("2017", 10.2),
    ("2018", 11.1),
    ("2019", 12.01),
    ("2020", 10.05),
    ("2021", 10.28),
    ("2022", 10.28),
    ("2023", 11.03),
    ("2024", 8.42),
    ("2025", 11.89),
)


def test_double_digit_sentences():
    target = EveryPeriodTarget(id="dd", indicator="grdp_growth", bound=Bound(10), start=P("2015"), end=P("2025"))
    a = assess_target(target, GROWTH, rows("grdp_growth", *GRDP_YEARS))
    assert explain(a, "en") == [
        "10 of 11 periods passed (at least 10%), 2015–2025.",
        "The run broke in 2024 (8.42%).",
        "2025 passed again.",
    ]
    assert explain(a, "vi") == [
        "10/11 kỳ đạt (ít nhất 10%), 2015–2025.",
        # A period in words (docs/decisions.md, "Periods in words"): "năm 2024", and the
        # sentence that opens with one begins with a capital.
        "Chuỗi kỳ đạt liên tiếp bị gián đoạn ở năm 2024 (8,42%).",
        "Năm 2025 đạt trở lại.",
    ]


def test_every_period_provisional_and_missing_sentences():
    """Span 2015-2020, 2017 missing, a 2020-9M reading of 6.5 (below 10): provisional, not counted."""
    target = EveryPeriodTarget(id="dd", indicator="grdp_growth", bound=Bound(10), start=P("2015"), end=P("2020"))
    data = rows("grdp_growth", ("2015", 11.0), ("2016", 10.1), ("2018", 11.1), ("2019", 12.01), ("2020-9M", 6.5))
    a = assess_target(target, GROWTH, data)
    en = explain(a, "en")
    assert en[0] == "4 of 4 periods passed (at least 10%), 2015–2020."
    assert "No figure for 2017." in en
    assert en[-1] == (
        "Part-year reading January–September 2020: 6.5% (does not pass); not counted until the full-year figure."
    )
    assert (
        explain(a, "vi")[-1]
        == "Số liệu 9 tháng năm 2020 (chưa đủ năm): 6,5% (không đạt ngưỡng); chưa tính cho đến khi có số cả năm."
    )


# --- average -------------------------------------------------------------------------------


def test_average_sentences():
    """2021-2023: average 10.5294 % -> "10.53%"; the two years left need 9.2106 % -> "9.22%" (rounded up so that it suffices, 41st session)."""
    target = AverageTarget(id="avg", indicator="grdp_growth", bound=Bound(10), start=P("2021"), end=P("2025"))
    data = rows("grdp_growth", ("2021", 10.28), ("2022", 10.28), ("2023", 11.03), ("2024-H1", 9.02))
    a = assess_target(target, GROWTH, data)
    assert explain(a, "en") == [
        "Average over the 3 years with data (2021–2023): 10.53% a year (target: at least 10% a year).",
        "The remaining 2 years need at least 9.22% a year for the 2021–2025 average to meet the target.",
        "Part-year reading H1 2024: 9.02% (not in the average).",
    ]
    assert explain(a, "vi") == [
        "Bình quân 3 năm có số liệu (2021–2023): 10,53%/năm (mục tiêu: ít nhất 10%/năm).",
        "2 năm còn lại cần bình quân ít nhất 9,22%/năm để bình quân 2021–2025 đạt mục tiêu.",
        "Số liệu 6 tháng đầu năm 2024 (chưa đủ năm): 9,02% (chưa tính vào bình quân).",
    ]


def test_average_complete_span_sentence():
    """2021-2025: geometric mean 10.3740 % -> "10.37%"; nothing remains."""
    target = AverageTarget(id="avg", indicator="grdp_growth", bound=Bound(10), start=P("2021"), end=P("2025"))
    data = rows("grdp_growth", ("2021", 10.28), ("2022", 10.28), ("2023", 11.03), ("2024", 8.42), ("2025", 11.89))
    assert explain(assess_target(target, GROWTH, data), "en") == [
        "Average over the 5 years with data (2021–2025): 10.37% a year (target: at least 10% a year).",
    ]


# --- cumulative ----------------------------------------------------------------------------


def test_cumulative_sentences_with_thousands_separators():
    """33,000 of 50,000: 66% of the target after 40 % of the time; (50,000 - 33,000) / 3
    = 5,666.67 a year. Vietnamese: 33.000 and 5.666,67."""
    target = CumulativeTarget(id="inv", indicator="cbct_investment", bound=Bound(50000), start=P("2021"), end=P("2025"))
    a = assess_target(target, INVEST, rows("cbct_investment", ("2021", 15000), ("2022", 18000)))
    assert explain(a, "en") == [
        "33,000 billion VND so far: 66% of the target after 40% of the time.",
        "Each of the 3 remaining periods needs 5,666.67 billion VND.",
    ]
    assert explain(a, "vi") == [
        "Lũy kế 33.000 tỷ đồng, bằng 66% mục tiêu sau 40% thời gian.",
        "Mỗi kỳ trong 3 kỳ còn lại cần 5.666,67 tỷ đồng.",
    ]


def test_cumulative_provisional_sentence():
    """A 2023-H1 amount of 7,000 is shown but not added: the total stays 33,000."""
    target = CumulativeTarget(id="inv", indicator="cbct_investment", bound=Bound(50000), start=P("2021"), end=P("2025"))
    data = rows("cbct_investment", ("2021", 15000), ("2022", 18000), ("2023-H1", 7000))
    a = assess_target(target, INVEST, data)
    assert explain(a, "en")[0].startswith("33,000 billion VND so far")
    assert explain(a, "en")[-1] == "Part-year reading H1 2023: 7,000 billion VND (not in the total)."
    assert explain(a, "vi")[-1] == "Số liệu 6 tháng đầu năm 2023 (chưa đủ năm): 7.000 tỷ đồng (chưa cộng vào lũy kế)."


# --- plan ----------------------------------------------------------------------------------


FDI_ROWS = rows("fdi", ("2021", 1100), ("2022-H1", 600), ("2022", 622), ("2023-H1", 832), ("2023", 3130))


def test_fdi_2022_plan_sentences():
    """622 / 1,500 = 41.47 % -> "41.5%" ("bằng", below plan); against 2021: 622 / 1,100 - 1 = -43.45 %."""
    a = assess_target(PlanTarget(id="p", indicator="fdi", period=P("2022"), value=1500), FDI, FDI_ROWS)
    assert explain(a, "en") == [
        "2022: 622 million USD, 41.5% of the plan (1,500 million USD).",
        "Against 2021 (1,100 million USD): -43.5%.",
    ]
    assert explain(a, "vi") == [
        "Năm 2022: 622 triệu USD, bằng 41,5% kế hoạch (1.500 triệu USD).",
        "So với năm 2021: giảm từ 1.100 triệu USD xuống 622 triệu USD (-43,5%).",
    ]


def test_fdi_2023_plan_sentence_says_dat():
    """3,130 / 1,000 = 313% of plan: "đạt 313% kế hoạch"; 3.130 with a thousands dot."""
    a = assess_target(PlanTarget(id="p", indicator="fdi", period=P("2023"), value=1000), FDI, FDI_ROWS)
    assert explain(a, "vi")[0] == "Năm 2023: 3.130 triệu USD, đạt 313% kế hoạch (1.000 triệu USD)."
    assert explain(a, "en")[0] == "2023: 3,130 million USD, 313% of the plan (1,000 million USD)."


def test_year_to_date_sentences():
    """2023-H1 832: 83.2 % of the annual plan after 50 % of the year; against 2022-H1 (600):
    832 / 600 - 1 = 38.67 % -> "+38.7%"; the second half needs 1,000 - 832 = 168 (forty-second
    session)."""
    data = [o for o in FDI_ROWS if str(o.period) != "2023"]
    a = assess_target(PlanTarget(id="p", indicator="fdi", period=P("2023"), value=1000), FDI, data)
    assert explain(a, "en") == [
        "H1 2023: 832 million USD, 83.2% of the annual plan after 50% of the year.",
        "Against the same period a year earlier (H1 2022: 600 million USD): +38.7%.",
        "To meet the plan (1,000 million USD), H2 2023 needs another 168 million USD.",
    ]
    assert explain(a, "vi") == [
        "6 tháng đầu năm 2023: 832 triệu USD, bằng 83,2% kế hoạch năm, khi đã qua 50% thời gian.",
        "So với cùng kỳ năm trước (6 tháng đầu năm 2022): tăng từ 600 triệu USD lên 832 triệu USD (+38,7%).",
        "Để đạt kế hoạch (1.000 triệu USD), 6 tháng cuối năm 2023 cần thêm 168 triệu USD.",
    ]


def test_growth_rate_plan_sentences_use_points():
    """Plan 11, result 11.03: +0.03 points; against 2022 (10.28): +0.75 points."""
    data = rows("grdp_growth", ("2022", 10.28), ("2023", 11.03))
    a = assess_target(PlanTarget(id="p", indicator="grdp_growth", period=P("2023"), value=11), GROWTH, data)
    assert explain(a, "en") == ["2023: 11.03% against a plan of 11%: +0.03 pp.", "Against 2022 (10.28%): +0.75 pp."]
    assert explain(a, "vi") == [
        # Above the plan by 11.03 - 11 = 0.03 points (seventeenth session: "cao hơn").
        "Năm 2023: 11,03%, cao hơn kế hoạch (11%) 0,03 điểm phần trăm.",
        "So với năm 2022: tăng từ 10,28% lên 11,03% (+0,75 điểm phần trăm).",
    ]


def test_growth_rate_plan_during_the_year_compares_points_with_last_year():
    """2025-H1 11.03 against a plan of 14: -2.97 points; against 2024-H1 (9.02): +2.01 points."""
    data = rows("grdp_growth", ("2024-H1", 9.02), ("2025-H1", 11.03))
    a = assess_target(PlanTarget(id="p", indicator="grdp_growth", period=P("2025"), value=14), GROWTH, data)
    assert explain(a, "en") == [
        "H1 2025: 11.03% (plan 14%): -2.97 pp.",
        "Against the same period a year earlier (H1 2024: 9.02%): +2.01 pp.",
    ]
    assert (
        "So với cùng kỳ năm trước (6 tháng đầu năm 2024): tăng từ 9,02% lên 11,03% (+2,01 điểm phần trăm)."
        in explain(a, "vi")
    )


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_no_figure_sentences(lang):
    a = assess_target(PlanTarget(id="p", indicator="fdi", period=P("2026"), value=1000), FDI, FDI_ROWS)
    # FDI has figures, none for 2026: the reason is no_figure_for_period.
    assert a.reason == "no_figure_for_period"
    assert explain(a, lang) == [
        "Not assessed: no figure for the target's period yet."
        if lang == "en"
        else "Chưa đánh giá: chưa có số liệu cho kỳ của mục tiêu."
    ]


def test_average_just_below_the_target_is_not_rounded_onto_it():
    """2021-2024: G = 1.1028 * 1.1028 * 1.1103 * 1.0842 = 1.464007352; G ** (1/4) - 1 = 0.0999826
    -> 9.998 %, which two decimals would show as "10%" next to a 10 % target; 2025 then needs
    1.61051 / 1.464007352 - 1 = 0.10007 -> "10.01%"."""
    target = AverageTarget(id="avg", indicator="grdp_growth", bound=Bound(10), start=P("2021"), end=P("2025"))
    data = rows("grdp_growth", ("2021", 10.28), ("2022", 10.28), ("2023", 11.03), ("2024", 8.42))
    a = assess_target(target, GROWTH, data)
    assert explain(a, "en") == [
        "Average over the 4 years with data (2021–2024): 9.998% a year (target: at least 10% a year).",
        "The remaining year needs at least 10.01% a year for the 2021–2025 average to meet the target.",
    ]
    assert explain(a, "vi")[0] == "Bình quân 4 năm có số liệu (2021–2024): 9,998%/năm (mục tiêu: ít nhất 10%/năm)."


def test_vietnamese_says_giam_tu_xuong_for_a_fall():
    """Base 21.3 (2020), 2023 = 17.3: a = (17.3 / 21.3) ** (1/3) - 1 = -0.0670 -> "-6,7%";
    a fall reads "giảm từ … xuống …", never "từ … lên …" (issue 12)."""
    a = assess_target(level((2025, 15), base=21.3), SHARE, rows("cbct_share", ("2023", 17.3)))
    assert explain(a, "vi")[0] == "Giai đoạn 2020–2023: giảm từ 21,3% GRDP xuống 17,3% GRDP, bình quân -6,7%/năm."
    assert explain(a, "en")[0] == "From 21.3% of GRDP in 2020 to 17.3% of GRDP in 2023: -6.7% a year."
