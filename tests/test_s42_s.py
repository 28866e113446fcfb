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
   lower is better. Nothing is said once the plan is met, nor of a growth rate's plan,
   whose second half's need depends on the weights of the halves, which no figure gives.

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


def test_the_report_says_the_need_too(july: Path) -> None:
    r = run_clean("report", "--as-of", "2025-07-15", "--format", "markdown")
    assert r.exit_code == 0, r.output
    assert "To meet the plan (1,000 million USD), H2 2025 needs another 849.5 million USD." in r.output
