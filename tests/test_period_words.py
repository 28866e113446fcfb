"""Periods in words in documents (issue 17, sixteenth session): a document written for
people speaks a period in its language ("6 tháng đầu năm 2026", "H1 2026"); data keeps
the code (2026-H1). docs/decisions.md, "Periods in words in documents".

Every expected string here is written by hand from the forms the GSO's releases use
(Vietnamese) and the choice recorded in decisions.md (English), never read off the code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean
from qntrack.files.vocabulary import vietnamese_period
from qntrack.output.period_words import in_words, period_text, period_words

# (code, English, Vietnamese, English short, Vietnamese short): every kind of span
# periods.py parses, one each (a year, both halves, a quarter in each of I-IV, a month,
# and the first-N-months spans that have no other name).
KINDS = [
    ("2025", "2025", "năm 2025", "2025", "2025"),
    ("2026-H1", "H1 2026", "6 tháng đầu năm 2026", "H1 2026", "6T/2026"),
    ("2026-H2", "H2 2026", "6 tháng cuối năm 2026", "H2 2026", "6T cuối/2026"),
    ("2026-Q1", "Q1 2026", "quý I/2026", "Q1 2026", "QI/2026"),
    ("2025-Q2", "Q2 2025", "quý II/2025", "Q2 2025", "QII/2025"),
    ("2025-Q3", "Q3 2025", "quý III/2025", "Q3 2025", "QIII/2025"),
    ("2025-Q4", "Q4 2025", "quý IV/2025", "Q4 2025", "QIV/2025"),
    ("2026-03", "March 2026", "tháng 3/2026", "Mar 2026", "T3/2026"),
    ("2026-12", "December 2026", "tháng 12/2026", "Dec 2026", "T12/2026"),
    ("2025-9M", "January–September 2025", "9 tháng năm 2025", "Jan–Sep 2025", "9T/2025"),
    ("2023-8M", "January–August 2023", "8 tháng năm 2023", "Jan–Aug 2023", "8T/2023"),
    ("2022-11M", "January–November 2022", "11 tháng năm 2022", "Jan–Nov 2022", "11T/2022"),
    ("2024-2M", "January–February 2024", "2 tháng năm 2024", "Jan–Feb 2024", "2T/2024"),
    # The spans with two names are written by their canonical one (periods.py): the first
    # 6 months are the first half, the first 3 the first quarter, 12 the year.
    ("2026-6M", "H1 2026", "6 tháng đầu năm 2026", "H1 2026", "6T/2026"),
    ("2026-3M", "Q1 2026", "quý I/2026", "Q1 2026", "QI/2026"),
    ("2026-12M", "2026", "năm 2026", "2026", "2026"),
]


@pytest.mark.parametrize(("code", "en", "vi", "en_short", "vi_short"), KINDS)
def test_each_kind_of_period_has_its_words_in_both_languages(
    code: str, en: str, vi: str, en_short: str, vi_short: str
) -> None:
    assert period_words(code, "en") == en
    assert period_words(code, "vi") == vi
    assert period_words(code, "en", short=True) == en_short
    assert period_words(code, "vi", short=True) == vi_short


@pytest.mark.parametrize(("code", "en", "vi", "en_short", "vi_short"), KINDS)
def test_the_vietnamese_words_read_back_as_the_same_period(
    code: str, en: str, vi: str, en_short: str, vi_short: str
) -> None:
    """A figure copied from a report into an office's table comes back as the same period
    when the table is imported (add-observation --from reads Vietnamese period names)."""
    from qntrack.plan.periods import parse_period

    canonical = str(parse_period(code))
    assert vietnamese_period(vi) == canonical
    assert vietnamese_period(vi_short) == canonical


def test_a_period_is_its_code_outside_a_document_for_people() -> None:
    # The terminal's tables and every data format write the code; only a document asks
    # for words, and only while it is being made.
    assert period_text(parse("2026-H1"), "vi") == "2026-H1"
    with in_words():
        assert period_text(parse("2026-H1"), "vi") == "6 tháng đầu năm 2026"
        assert period_text(parse("2025-Q3"), "en") == "Q3 2025"
    assert period_text(parse("2026-H1"), "vi") == "2026-H1"
    assert period_text(None, "vi") == ""


def parse(text: str):  # type: ignore[no-untyped-def]
    from qntrack.plan.periods import parse_period

    return parse_period(text)


# --- the shipped dataset's reports -----------------------------------------------------

# A period code as the store writes it (2025-H1, 2025-Q3, 2025-9M, 2026-03), not part of a
# date (2025-07-05) nor of an address.
CODE = re.compile(r"(?<![\w/.-])\d{4}-(?:H[12]|Q[1-4]|\d{1,2}M|\d{2}(?!-\d))(?![\w-])")
REPORT = ["--as-of", "2026-12-01", "--since", "2025-06-30"]


def _report(fmt: str, lang: str, out: Path, *targets: str) -> Path:
    r = run_clean("report", *targets, "--format", fmt, "--lang", lang, *REPORT, "-o", str(out))
    assert r.exit_code == 0, r.output
    return out


def _without_links(text: str) -> str:
    """The text a reader reads: addresses (a source's URL holds its own words) left out."""
    return re.sub(r"https?://[^\s)\"'<>]+", "", text)


def test_a_vietnamese_markdown_report_says_the_periods_in_words(shipped: Path) -> None:
    text = _report("markdown", "vi", shipped / "bao-cao.md").read_text(encoding="utf-8")
    # cbct-va-growth-2021-2025's provisional reading, 23.81 for the first half of 2025:
    # its key figures, its observations table and its sentence (the figure as the
    # catalog writes it, 23,81 with a decimal comma).
    assert "| Chưa đủ năm | _23,81% so với cùng kỳ (6 tháng đầu năm 2025, ước tính)_ |" in text
    assert "| _6 tháng đầu năm 2025 (trong năm)_ | _23,81% so với cùng kỳ_ |" in text
    assert "- Số liệu 6 tháng đầu năm 2025 (chưa đủ năm): 23,81% (chưa tính vào bình quân)." in text
    # "Since the last review": GRDP growth of the first 9 months and of the third quarter.
    assert "| Tốc độ tăng trưởng GRDP (grdp\\_growth) | 9 tháng năm 2025 | 11,67% so với cùng kỳ |" in text
    assert "| Tốc độ tăng trưởng GRDP (grdp\\_growth) | quý III/2025 | 12,88% so với cùng kỳ |" in text
    # A full year is "năm 2021" where the reader meets it alone: cbct-va-growth's latest.
    assert "| Số mới nhất | 32,19% so với cùng kỳ (năm 2021, ước tính) |" in text
    assert CODE.findall(_without_links(text)) == []


def test_an_english_markdown_report_says_the_periods_in_words(shipped: Path) -> None:
    text = _report("markdown", "en", shipped / "report.md").read_text(encoding="utf-8")
    assert "| Part-year | _23.81% y/y (H1 2025, estimate)_ |" in text
    assert "- Part-year reading H1 2025: 23.81% (not in the average)." in text
    assert "| GRDP growth (grdp\\_growth) | January–September 2025 | 11.67% y/y |" in text
    assert "| GRDP growth (grdp\\_growth) | Q3 2025 | 12.88% y/y |" in text
    assert CODE.findall(_without_links(text)) == []


def test_a_vietnamese_html_report_and_its_charts_say_the_periods_in_words(shipped: Path) -> None:
    html = _report("html", "vi", shipped / "bao-cao.html").read_text(encoding="utf-8")
    assert "6 tháng đầu năm 2025" in html
    # No code in the text of the page, in its charts' labels or in their text alternatives.
    assert CODE.findall(_without_links(html)) == []


def test_a_vietnamese_word_report_says_the_periods_in_words(shipped_vi_docx: Path) -> None:
    import docx

    # The report _report("docx", "vi", ...) writes: the shipped plan, REPORT's days.
    doc = docx.Document(str(shipped_vi_docx))
    texts = [p.text for p in doc.paragraphs]
    texts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    text = "\n".join(texts)
    assert "Số liệu 6 tháng đầu năm 2025 (chưa đủ năm): 23,81% (chưa tính vào bình quân)." in text
    assert "quý III/2025" in text
    assert CODE.findall(_without_links(text)) == []


def test_data_keeps_the_codes(shipped: Path) -> None:
    """JSON, CSV and the terminal's status table: the period a reader copies or types back."""
    document = json.loads(run_clean("report", "--format", "json", "--lang", "vi", *REPORT).stdout)
    changed = {(o["indicator"], o["period"]) for o in document["since"]["observations"]}
    assert ("grdp_growth", "2025-9M") in changed and ("grdp_growth", "2025-Q3") in changed
    for target in document["targets"]:
        target.pop("source_names")  # the plan's own words ("tháng 6/2024"), not a period written
        target.pop("note_names")  # the plan's own words too (twenty-eighth session, F)
        target.pop("description_names")  # and the indicator's (twenty-ninth session, Z)
    assert "tháng" not in json.dumps(document, ensure_ascii=False).replace("6 tháng đầu năm", "")
    row = next(t for t in document["targets"] if t["id"] == "cbct-va-growth-2021-2025")
    assert row["provisional"]["period"] == "2025-H1"
    csv = run_clean("status", "--format", "csv", "--lang", "vi", "--as-of", "2026-12-01").stdout
    import csv as csv_module

    periods = [row["latest_period"] for row in csv_module.DictReader(csv.splitlines())]
    # Every target's latest period is a code (a year is its four digits), none in words.
    assert periods and all(p == "" or re.fullmatch(r"\d{4}(-\w+)?", p) for p in periods), periods
    table = run_clean(
        "status", "--format", "table", "--lang", "vi", "--as-of", "2026-12-01", "cbct-va-growth-2021-2025"
    ).stdout
    assert "2025-H1" in table and "6 tháng đầu năm" not in table


def test_show_says_its_sentences_in_words_and_keeps_codes_in_its_tables(shipped: Path) -> None:
    out = run_clean("show", "cbct-va-growth-2021-2025", "--lang", "vi", "--as-of", "2026-12-01").stdout
    # The sentence, as the report's (above); the observations table, the code a user
    # types into `qntrack history cbct_va_growth 2025-H1`.
    assert "Số liệu 6 tháng đầu năm 2025 (chưa đủ năm): 23,81%" in " ".join(out.split())
    assert "2025-H1" in out


# --- charts: a plan's bars and a breakdown's units, during the year --------------------

UNITS = ("Thành phố Hạ Long", "Thị xã Đông Triều và các xã miền núi phía Bắc", "Huyện Vân Đồn")
YTD_PLAN = f"""\
version: 1
title: "Thu ngân sách"
dimensions:
  locality:
    name: {{en: "Locality", vi: "Địa phương"}}
    values: {json.dumps(list(UNITS), ensure_ascii=False)}
indicators:
  rev:
    name: {{en: "Budget revenue", vi: "Thu ngân sách"}}
    unit: {{en: "billion VND", vi: "tỷ đồng"}}
    measure: flow
    frequency: quarter
    dimensions: [locality]
targets:
  - id: rev-plan
    type: plan
    indicator: rev
    name: {{en: "Revenue plan 2026", vi: "Dự toán thu ngân sách 2026"}}
    period: 2026
    value: 3000
    for_each: locality
"""
# The first half of 2025 and of 2026, each unit's and the province's (the units' sum).
YTD_STORE = (
    STORE_HEADER
    + "".join(
        f'"rev[locality={name}]",{period},{value},,,,{at}\n'
        for name, last, now in zip(UNITS, (810, 360, 130), (900, 400, 150), strict=True)
        for period, value, at in (("2025-H1", last, "2025-07-05T00:00:00Z"), ("2026-H1", now, "2026-07-05T00:00:00Z"))
    )
    + ("rev,2025-H1,1300,,,,2025-07-05T00:00:00Z\nrev,2026-H1,1450,,,,2026-07-05T00:00:00Z\n")
)


@pytest.fixture
def ytd_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, YTD_PLAN, YTD_STORE)


def _labels(svg: str) -> list[str]:
    """A horizontal bar chart's labels, as drawn (the axis's numbers left out)."""
    return [t for t in re.findall(r'<text x="-5" y="[-\d.]+" class="">([^<]*)</text>', svg)]


def _fits(svg: str) -> None:
    """The plot starts left of 560 of the chart's 760 pixels (a label of at most 66
    letters at about 7 pixels a letter), and every bar starts inside it, none drawn off
    the picture (tests/test_review_fifteen_b.py measures the units chart the same way)."""
    x = float(re.search(r'<g transform="translate\(([-\d.]+), [-\d.]+\)" class="plot"', svg)[1])
    assert x < 560, x
    bars = [float(v) for v in re.findall(r'<rect x="([-\d.]+)"[^>]*class="rect reactive', svg)]
    assert bars and min(bars) >= 0, bars


def test_a_plans_chart_names_its_bars_by_their_periods_in_words(ytd_plan: Path) -> None:
    r = run_clean("report", "--lang", "vi", "--as-of", "2026-08-01", "-o", "r.md")
    assert r.exit_code == 0, r.output
    svg = (ytd_plan / "r-charts" / "rev-plan.svg").read_text(encoding="utf-8")
    # Bottom to top as pygal draws them: the plan, the same period of 2025, so far in 2026.
    assert _labels(svg) == ["Kế hoạch năm 2026", "Cùng kỳ 6 tháng đầu năm 2025", "Đến nay (6 tháng đầu năm 2026)"]
    _fits(svg)
    # Its text alternative says what it draws, its bars top to bottom (it said only
    # "Biểu đồ: Dự toán thu ngân sách 2026." and where its figures are).
    text = (ytd_plan / "r.md").read_text(encoding="utf-8")
    assert (
        "![Biểu đồ: Dự toán thu ngân sách 2026. Các thanh, theo thứ tự: Đến nay (6 tháng đầu năm 2026); "
        "Cùng kỳ 6 tháng đầu năm 2025; Kế hoạch năm 2026. Đơn vị tính: tỷ đồng. Số liệu của biểu đồ có trong các bảng của mục này.]"
    ) in text


def test_a_units_chart_writes_the_period_short_and_keeps_its_bars(ytd_plan: Path) -> None:
    r = run_clean("report", "--lang", "vi", "--as-of", "2026-08-01", "-o", "r.md")
    assert r.exit_code == 0, r.output
    svg = (ytd_plan / "r-charts" / "rev-plan_units.svg").read_text(encoding="utf-8")
    labels = _labels(svg)
    # By hand: besides the name, "1. " and ": 900 tỷ đồng (6T/2026, chưa đủ năm) · Chưa đủ số
    # liệu" take 3 + 51 = 54 letters, 6 left of 60, so the name keeps the floor of 16: its
    # first 15 letters "Thành phố Hạ Lo" and the ellipsis. The long form, "6 tháng đầu năm
    # 2026", would take 13 letters more. (No unit has a plan, so none has a score: they are
    # ranked by the figure each row shows, higher first: 900, 400, 150 are ranks 1, 2, 3.)
    assert "1. Thành phố Hạ Lo…: 900 tỷ đồng (6T/2026, chưa đủ năm) · Chưa đủ số liệu" in labels, labels
    assert "3. Huyện Vân Đồn: 150 tỷ đồng (6T/2026, chưa đủ năm) · Chưa đủ số liệu" in labels, labels
    _fits(svg)
    # The table beside the chart says the period in full.
    text = (ytd_plan / "r.md").read_text(encoding="utf-8")
    assert "| 900 tỷ đồng (6 tháng đầu năm 2026, chưa đủ năm) |" in text


# --- a period missed, named once ----------------------------------------------------

QUARTERS_PLAN = """\
version: 1
title: "Quarters"
indicators:
  g:
    name: {en: "Growth", vi: "Tăng trưởng"}
    unit: "%"
    measure: rate
    frequency: quarter
targets:
  - id: every-q
    type: every_period
    indicator: g
    from: 2025-Q1
    to: 2025-Q4
    at_least: 8
"""
QUARTERS_STORE = STORE_HEADER + (
    "g,2025-Q1,9,,,,2025-04-05T00:00:00Z\ng,2025-Q2,7,,,,2025-07-05T00:00:00Z\ng,2025-Q3,8.5,,,,2025-10-05T00:00:00Z\n"
)


def test_a_missed_period_is_named_once_in_a_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The status beside an every-period target that failed its second quarter: the
    terminal says "không đạt kỳ 2025-Q2" (a code needs the word "kỳ", period); a document,
    whose words name the kind of period, said "không đạt kỳ quý II/2025" ("period
    quarter II"), and now "không đạt quý II/2025"."""
    make_tracker(tmp_path, monkeypatch, QUARTERS_PLAN, QUARTERS_STORE)
    text = run_clean("report", "--lang", "vi", "--as-of", "2025-12-01").stdout
    # Q2: 7 < 8, missed; Q4 ended 31/12/2025, after the day of the report: not awaited.
    assert "**Không đạt (✗ không đạt quý II/2025)**" in text
    table = run_clean("status", "--format", "table", "--lang", "vi", "--as-of", "2025-12-01").stdout
    assert "✗ không đạt kỳ 2025-Q2" in table


def test_an_english_span_within_one_year_writes_its_year_once() -> None:
    # "January 2026–June 2026" and "Q1 2025–Q4 2025" said the year twice; within one year
    # English writes it once, at the end. Across years both ends keep theirs, and a span of
    # years stays "2021–2025". Vietnamese keeps each end whole (quý I/2025–quý IV/2025).
    from qntrack.output.period_words import in_words, period_range
    from qntrack.plan.periods import parse_period as p

    with in_words():
        assert period_range(p("2026-01"), p("2026-06"), "en") == "January–June 2026"
        assert period_range(p("2025-Q1"), p("2025-Q4"), "en") == "Q1–Q4 2025"
        assert period_range(p("2024-Q3"), p("2025-Q2"), "en") == "Q3 2024–Q2 2025"
        assert period_range(p("2021"), p("2025"), "en") == "2021–2025"
        assert period_range(p("2025-Q1"), p("2025-Q4"), "vi") == "quý I/2025–quý IV/2025"
    # Data keeps the codes.
    assert period_range(p("2025-Q1"), p("2025-Q4"), "en") == "2025-Q1–2025-Q4"
