"""Issue 17, forty-fourth session, helper L: the leftovers of passes H, V and D (docs/
decisions.md, "The forty-fourth session", items 6-8), each mended at its root. Each test
was written failing first; the expected figures, periods and words are worked out by hand
from the rows typed here, never copied from qntrack's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean

# A yearly FDI plan read on its months added up (a flow of `frequency: month`).
_FDI_PLAN = """\
version: 1
title: "FDI"
timezone: "+07:00"
indicators:
  fdi:
    name: {en: "FDI attracted", vi: "Vốn FDI thu hút"}
    unit: {en: "million USD", vi: "triệu USD"}
    measure: flow
    frequency: month
targets:
  - id: fdi-plan-2026
    type: plan
    indicator: fdi
    name: {en: "FDI plan 2026", vi: "Kế hoạch FDI 2026"}
    period: 2026
    value: 1500
"""

# January to May 2026, then March, April and May withdrawn in June. The year to date is
# January + February = 100 + 90 = 190 (2026-2M): a sum stops at the first month missing,
# March. Had April's figure stayed in force, 2026-2M would still be read (March is still
# missing): only March's withdrawal is why 2026-2M is shown.
_FIVE_MONTHS = (
    STORE_HEADER
    + "fdi,2026-01,100,estimate,Sở Tài chính,,2026-02-05T00:00:00Z\n"
    + "fdi,2026-02,90,estimate,Sở Tài chính,,2026-03-05T00:00:00Z\n"
    + "fdi,2026-03,80,estimate,Sở Tài chính,,2026-04-05T00:00:00Z\n"
    + "fdi,2026-04,70,estimate,Sở Tài chính,,2026-05-05T00:00:00Z\n"
    + "fdi,2026-05,60,estimate,Sở Tài chính,,2026-06-05T00:00:00Z\n"
    + "fdi,2026-03,,retracted,Sở Tài chính,,2026-06-10T00:00:00Z\n"
    + "fdi,2026-04,,retracted,Sở Tài chính,,2026-06-11T00:00:00Z\n"
    + "fdi,2026-05,,retracted,Sở Tài chính,,2026-06-12T00:00:00Z\n"
)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _out(*args: str) -> str:
    r = run_clean(*args, env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    return _flat(r.stdout)


# --- 1. Only the first month missing is why an earlier reading is shown ----------------------


def test_only_the_first_month_withdrawn_is_said_the_cause(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each of the three withdrawal lines said "the 2026-2M figure is shown because the
    2026-0N figure was withdrawn": April's and May's are not why (March is missing before
    them). The cause is said once, on March's line; the three withdrawals are still listed."""
    make_tracker(tmp_path, monkeypatch, _FDI_PLAN, _FIVE_MONTHS)
    for command in (("status", "--format", "table"), ("show", "fdi-plan-2026")):
        en = _out(*command)
        assert "190[1][2][3] million USD" in en, command
        assert en.count("is shown because") == 1, command
        assert "the 2026-2M figure is shown because the 2026-03 figure was withdrawn" in en, command
        for month, value in (("2026-04", "70"), ("2026-05", "60")):
            assert f"FDI attracted {month}: {value} million USD → –" in en, command
            assert f"because the {month} figure" not in en, command
        vi = _out(*command, "--lang", "vi")
        assert vi.count("được hiển thị vì") == 1, command
        assert "số liệu 2026-2M được hiển thị vì số liệu 2026-03 đã bị rút lại" in vi, command
    # The report (its summary's legend), in words: one cause, March's.
    en = _out("report")
    assert en.count("is shown because") == 1
    assert "the January–February 2026 figure is shown because the March 2026 figure was withdrawn" in en
    vi = _out("report", "--lang", "vi")
    assert vi.count("được hiển thị vì") == 1
    assert "số liệu 2 tháng năm 2026 được hiển thị vì số liệu tháng 3/2026 đã bị rút lại" in vi


def test_a_month_withdrawn_after_one_never_recorded_is_not_said_the_cause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """January and February recorded, March never, April recorded then withdrawn: 2026-2M
    (190) is read because March is not recorded, and would be with April in force. April's
    line said "the 2026-2M figure is shown because the 2026-04 figure was withdrawn"."""
    make_tracker(
        tmp_path,
        monkeypatch,
        _FDI_PLAN,
        STORE_HEADER
        + "fdi,2026-01,100,estimate,Sở Tài chính,,2026-02-05T00:00:00Z\n"
        + "fdi,2026-02,90,estimate,Sở Tài chính,,2026-03-05T00:00:00Z\n"
        + "fdi,2026-04,70,estimate,Sở Tài chính,,2026-05-05T00:00:00Z\n"
        + "fdi,2026-04,,retracted,Sở Tài chính,,2026-06-11T00:00:00Z\n",
    )
    for command in (("status", "--format", "table"), ("show", "fdi-plan-2026"), ("report",)):
        text = _out(*command)
        assert "190" in text, command
        assert "is shown because" not in text, command
        assert "được hiển thị vì" not in _out(*command, "--lang", "vi"), command


def test_the_one_month_withdrawn_right_after_the_reading_is_still_the_cause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """March withdrawn, April and May in force and not added up: March's line keeps its
    "shown because" (the thirty-second session's sentence), said once."""
    make_tracker(tmp_path, monkeypatch, _FDI_PLAN, _FIVE_MONTHS.rsplit("fdi,2026-04,,retracted", 1)[0])
    en = _out("show", "fdi-plan-2026")
    assert en.count("is shown because") == 1
    assert "the 2026-2M figure is shown because the 2026-03 figure was withdrawn" in en


# --- 2. A withdrawal's legend line writes its period as the revision lines beside it --------

# February 90 revised to 95 (an estimate of another office), March 120 withdrawn: the
# year to date is 100 + 95 = 195 (2026-2M). In a document the revision's line writes
# "February 2026" and its sum "January–February 2026"; the withdrawal's line beside it wrote
# "2026-03" and "2026-2M".
_REVISED_AND_WITHDRAWN = (
    STORE_HEADER
    + "fdi,2026-01,100,estimate,Sở Tài chính,,2026-02-05T00:00:00Z\n"
    + "fdi,2026-02,90,estimate,Sở Tài chính,,2026-03-05T00:00:00Z\n"
    + "fdi,2026-02,95,estimate,Sở KHĐT,,2026-03-20T00:00:00Z\n"
    + "fdi,2026-03,120,estimate,Sở Tài chính,,2026-04-05T00:00:00Z\n"
    + "fdi,2026-03,,retracted,Sở Tài chính,,2026-04-10T00:00:00Z\n"
)


def _document_text(path: Path) -> str:
    """The words of an HTML or Word report, its tags taken out (a Word run boundary or an
    HTML span inside a sentence split it)."""
    import html
    import re
    import zipfile

    if path.suffix == ".docx":
        raw = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        raw = re.sub(r"</w:p>", "\n", raw)
    else:
        raw = path.read_text(encoding="utf-8")
    return _flat(html.unescape(re.sub(r"<[^>]+>", "", raw)))


@pytest.mark.parametrize("suffix", ["md", "html", "docx"])
def test_withdrawal_lines_write_periods_in_words_in_the_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    make_tracker(tmp_path, monkeypatch, _FDI_PLAN, _REVISED_AND_WITHDRAWN)
    for lang, revised, withdrawn, cause in (
        (
            "en",
            "FDI attracted February 2026: 90 million USD → revised",
            "FDI attracted March 2026: 120 million USD → – (withdrawn on 2026-04-10",
            "the January–February 2026 figure is shown because the March 2026 figure was withdrawn",
        ),
        (
            "vi",
            "Vốn FDI thu hút tháng 2/2026: 90 triệu USD → đã điều chỉnh",
            "Vốn FDI thu hút tháng 3/2026: 120 triệu USD → – (rút lại ngày 10/04/2026",
            "số liệu 2 tháng năm 2026 được hiển thị vì số liệu tháng 3/2026 đã bị rút lại",
        ),
    ):
        out = tmp_path / f"r-{lang}.{suffix}"
        r = run_clean("report", "-o", str(out), "--lang", lang)
        assert r.exit_code == 0, r.output
        text = _flat(out.read_text(encoding="utf-8")).replace("\\", "") if suffix == "md" else _document_text(out)
        assert revised in text, (lang, suffix)
        assert withdrawn in text, (lang, suffix)
        assert cause in text, (lang, suffix)
        assert "2026-03:" not in text and "2026-2M" not in text, (lang, suffix)


def test_withdrawal_lines_in_the_terminal_keep_codes_as_its_revision_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The terminal writes a period as its code, the revision's line and the withdrawal's
    alike: unchanged."""
    make_tracker(tmp_path, monkeypatch, _FDI_PLAN, _REVISED_AND_WITHDRAWN)
    en = _out("status", "--format", "table")
    assert "FDI attracted 2026-02: 90 million USD → revised" in en
    assert "FDI attracted 2026-03: 120 million USD → –" in en
    assert "the 2026-2M figure is shown because the 2026-03 figure was withdrawn" in en


def test_a_years_withdrawal_line_writes_the_year_as_the_revision_lines_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A year is its code in a revision's line ("GRDP growth 2023"), in Vietnamese too (no
    "năm 2023"): a year's withdrawal line the same. 2024's 7.5 withdrawn, 2023's 7 shown."""
    make_tracker(
        tmp_path,
        monkeypatch,
        """\
version: 1
title: "Growth"
indicators:
  g: {name: {en: "Growth", vi: "Tăng trưởng"}, unit: "%"}
targets:
  - id: g8
    indicator: g
    baseline: {period: 2020, value: 5}
    milestones: [{by: 2030, value: 8}]
""",
        STORE_HEADER
        + "g,2022,6,official,GSO,,2023-03-01T00:00:00Z\n"
        + "g,2023,7,official,GSO,,2024-03-01T00:00:00Z\n"
        + "g,2024,7.5,estimate,GSO,,2025-01-05T00:00:00Z\n"
        + "g,2024,,retracted,GSO,,2025-02-01T00:00:00Z\n",
    )
    en = _out("report").replace("\\", "")
    assert "Growth 2024: 7.5% → – (withdrawn on 2025-02-01" in en
    assert "the 2023 figure is shown because the 2024 figure was withdrawn" in en
    vi = _out("report", "--lang", "vi").replace("\\", "")
    assert "Tăng trưởng 2024: 7,5% → – (rút lại ngày 01/02/2025" in vi
    assert "số liệu 2023 được hiển thị vì số liệu 2024 đã bị rút lại" in vi


# --- 3. A unit's dates with one end open are said as such, never "to …" ----------------------

# The shipped plan: Đặc khu Vân Đồn `since: "2025-07-01"` (no end), Hạ Long `until:
# "2025-06-30"` (no start). A 2024 plan cannot be shown for the first; a 2026 figure
# cannot be recorded for the second, nor a 2024 one for the first.


def test_show_of_a_unit_begun_on_a_day_says_from_that_day_on(shipped: Path) -> None:
    args = ("show", "budget-revenue-plan-2024", "--dim", "locality=Đặc khu Vân Đồn")
    vi = run_clean(*args, "--lang", "vi")
    assert vi.exit_code != 0
    said = _flat(vi.stderr)
    assert "'locality=Đặc khu Vân Đồn' chỉ tồn tại từ 01/07/2025 trở đi (theo dimensions:)" in said, said
    assert "…" not in said
    en = _flat(run_clean(*args).stderr)
    assert "'locality=Đặc khu Vân Đồn' exists from 2025-07-01 on (dimensions:)" in en, en
    assert "…" not in en


def test_recording_for_a_unit_on_either_side_of_its_dates_names_the_open_end(shipped: Path) -> None:
    cases = (
        (
            ("2024", "locality=Đặc khu Vân Đồn"),
            "'Đặc khu Vân Đồn' did not exist in 2024: it exists from 2025-07-01 on (targets.yaml)",
            "'Đặc khu Vân Đồn' không tồn tại trong kỳ 2024: đơn vị này tồn tại từ 01/07/2025 trở đi (targets.yaml)",
        ),
        (
            ("2026", "locality=Hạ Long"),
            "'Hạ Long' did not exist in 2026: it existed until 2025-06-30 (targets.yaml)",
            "'Hạ Long' không tồn tại trong kỳ 2026: đơn vị này tồn tại đến 30/06/2025 (targets.yaml)",
        ),
    )
    before = (shipped / "observations.csv").read_bytes()
    for (period, dim), en, vi in cases:
        args = ("add-observation", "budget_revenue", period, "100", "--dim", dim, "--status", "estimate")
        r = run_clean(*args)
        assert r.exit_code == 1 and en in _flat(r.stderr), r.stderr
        r = run_clean(*args, "--lang", "vi")
        assert r.exit_code == 1 and vi in _flat(r.stderr), r.stderr
        assert "…" not in r.stderr
    assert (shipped / "observations.csv").read_bytes() == before


def test_check_of_a_stored_row_outside_a_units_dates_names_the_open_end(shipped: Path) -> None:
    with (shipped / "observations.csv").open("a", encoding="utf-8", newline="") as f:
        f.write("budget_revenue[locality=Hạ Long],2026,100,estimate,x,,2026-03-01T00:00:00Z\n")
        f.write("budget_revenue[locality=Đặc khu Cô Tô],2024,50,estimate,x,,2025-03-01T00:00:00Z\n")
    en = _flat(run_clean("check").stdout + run_clean("check").stderr)
    assert "(it existed until 2025-06-30, targets.yaml)" in en, en
    assert "(it exists from 2025-07-01 on, targets.yaml)" in en, en
    r = run_clean("check", "--lang", "vi")
    vi = _flat(r.stdout + r.stderr)
    assert "(nó tồn tại đến 30/06/2025, theo targets.yaml)" in vi, vi
    assert "(nó tồn tại từ 01/07/2025 trở đi, theo targets.yaml)" in vi, vi
    assert "…" not in vi and "…" not in en


_UNITS_PLAN = """\
version: 1
title: "Units"
dimensions:
  locality:
    name: {en: "Locality", vi: "Địa phương"}
    values:
      - {value: "Old Town", until: "2025-06-30"}
      - {value: "New Ward", since: "2025-07-01", from: ["Old Town"]}
      - {value: "Both Ends", since: "2020-01-01", until: "2021-12-31"}
indicators:
  revenue:
    name: {en: "Revenue", vi: "Thu ngân sách"}
    unit: {en: "billion VND", vi: "tỷ đồng"}
    measure: flow
    dimensions: [locality]
targets:
  - id: rev
    type: plan
    indicator: revenue
    period: PERIOD
    value: 100
    for_each: locality
    overrides:
      UNIT: {value: 8}
"""


@pytest.mark.parametrize(
    "period, unit, en, vi",
    [
        (
            "2024",
            "New Ward",
            "(it exists from 2025-07-01 on, dimensions:)",
            "(đơn vị này tồn tại từ 01/07/2025 trở đi,",
        ),
        ("2026", "Old Town", "(it existed until 2025-06-30, dimensions:)", "(đơn vị này tồn tại đến 30/06/2025,"),
        # Both ends known: said as before.
        (
            "2024",
            "Both Ends",
            "(it existed from 2020-01-01 to 2021-12-31, dimensions:)",
            "(đơn vị này tồn tại từ 01/01/2020 đến 31/12/2021,",
        ),
    ],
)
def test_an_override_for_a_unit_of_another_time_names_its_open_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, period: str, unit: str, en: str, vi: str
) -> None:
    make_tracker(
        tmp_path,
        monkeypatch,
        _UNITS_PLAN.replace("PERIOD", period).replace("UNIT", unit),
        STORE_HEADER,
    )
    r = run_clean("status")
    assert r.exit_code == 1 and en in _flat(r.stderr), r.stderr
    r = run_clean("status", "--lang", "vi")
    assert r.exit_code == 1 and vi in _flat(r.stderr), r.stderr
    assert "…" not in r.stderr


# --- 4. A chart's hidden value of a point is the figure as the tables write it ---------------

# Poverty, lower is better: 6.45 % in 2020, 3.5 % in 2024, 2.125 % in 2025 (published with
# three decimals: the tables keep them). A 2025 revenue plan by locality: Hạ Long 570.745,
# Cẩm Phả 420.1 billion VND. The line chart's points said "2025: 2.13", the units' bars
# "570.75": pygal's value formatter, the axis's, at two decimals.
_CHARTS_PLAN = """\
version: 1
title: "Charts"
dimensions:
  locality:
    name: {en: "Locality", vi: "Địa phương"}
    values: ["Hạ Long", "Cẩm Phả"]
indicators:
  poor:
    name: {en: "Poverty rate", vi: "Tỷ lệ hộ nghèo"}
    unit: "%"
    direction: decrease
  rev:
    name: {en: "Budget revenue", vi: "Thu ngân sách"}
    unit: {en: "billion VND", vi: "tỷ đồng"}
    measure: flow
    dimensions: [locality]
targets:
  - id: poor-down
    indicator: poor
    baseline: {period: 2020, value: 6.45}
    milestones: [{by: 2025, value: 2}]
  - id: rev-plan
    type: plan
    indicator: rev
    period: 2025
    value: 1000
    for_each: locality
    overrides:
      Hạ Long: {value: 600}
      Cẩm Phả: {value: 400}
"""

_CHARTS_STORE = (
    STORE_HEADER
    + "poor,2020,6.45,official,GSO,,2021-03-01T00:00:00Z\n"
    + "poor,2024,3.5,official,GSO,,2025-03-01T00:00:00Z\n"
    + "poor,2025,2.125,official,GSO,,2026-03-01T00:00:00Z\n"
    + "rev[locality=Hạ Long],2025,570.745,official,STC,,2026-03-01T00:00:00Z\n"
    + "rev[locality=Cẩm Phả],2025,420.1,official,STC,,2026-03-01T00:00:00Z\n"
)


def _descs(html: str) -> list[str]:
    import re

    return re.findall(r'<desc class="value">([^<]*)</desc>', html)


@pytest.mark.parametrize(
    "lang, line, bars",
    [
        ("en", ["2020: 6.45", "2024: 3.5", "2025: 2.125"], ["570.745", "420.1"]),
        ("vi", ["2020: 6,45", "2024: 3,5", "2025: 2,125"], ["570,745", "420,1"]),
    ],
)
def test_a_charts_hidden_values_are_the_figures_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, line: list[str], bars: list[str]
) -> None:
    make_tracker(tmp_path, monkeypatch, _CHARTS_PLAN, _CHARTS_STORE)
    r = run_clean("report", "-o", "r.html", "--as-of", "2026-06-01", "--lang", lang)
    assert r.exit_code == 0, r.output
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    descs = _descs(html)
    for value in line + bars:
        assert value in descs, (value, descs)
    assert "2025: 2.13" not in descs and "570.75" not in descs and "2025: 2,13" not in descs
    # The milestone's point: 2 %, typed whole.
    assert "2025: 2" in descs
