"""Issue 17, nineteenth session: what a national store's status spent its time on, a store
with CRLF line ends, and the defects found on the way (docs/decisions.md, "The nineteenth
session (issue 17)")."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from qntrack.files import checks_rows
from qntrack.files.checks_rows import suspects_in_force
from qntrack.files.store import Distinct
from qntrack.method.series import build_series
from test_fast_paths import general, outcome, stores
from test_suspect_rows import PLAN, _suspect_rows

NOW = "2026-12-01T00:00:00Z"


def _distinct(rows) -> Distinct:
    return Distinct(
        frozenset(o.indicator for o in rows),
        frozenset(o.period.sort_key for o in rows),
        frozenset({o.source for o in rows} | {o.note for o in rows}),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_suspect_rows, max_size=30), st.booleans())
def test_a_store_found_sound_first_warns_as_the_figures_in_force_do(rows, with_distinct):
    # The warnings of the figures in force are the same whether the whole store is first
    # found sound in its own order (checks_rows._sound) or every figure in force is looked at:
    # rows flagged but no longer in force (revised, retracted), forced marks, formulas in
    # sources, quarters of a yearly indicator, a period of 2207 recorded in 2025.
    rows = [o._replace(line=n) for n, o in enumerate(rows, start=2)]  # a store's lines are its own
    series = build_series(PLAN.indicators, rows)[0]
    stored = tuple(rows)
    distinct = _distinct(rows) if with_distinct else None
    quick = suspects_in_force(
        series, list(PLAN.indicators), "o.csv", NOW, stored=stored, indicators=PLAN.indicators, distinct=distinct
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(checks_rows, "_sound", lambda *a: False)
        slow = suspects_in_force(
            series, list(PLAN.indicators), "o.csv", NOW, stored=stored, indicators=PLAN.indicators, distinct=distinct
        )
    assert [str(p) for p in quick] == [str(p) for p in slow]


def test_a_sound_store_is_not_looked_at_figure_by_figure(monkeypatch: pytest.MonkeyPatch):
    # Two good figures: found sound in the store's order, the rules are not asked again of
    # the figures in force (that second walk cost a national store 1.7 s of its 5.8 s).
    from qntrack.plan.model import Observation
    from qntrack.plan.periods import parse_period

    rows = [
        Observation("share", parse_period(p), 1.0, "official", "GSO", "", "2025-01-10T00:00:00Z", n)
        for n, p in ((2, "2023"), (3, "2024"))
    ]
    asked = []
    monkeypatch.setattr(checks_rows, "timing_check", lambda *a: asked.append(a) or [])
    series = build_series(PLAN.indicators, rows)[0]
    assert suspects_in_force(series, ["share"], "o.csv", NOW, stored=tuple(rows), indicators=PLAN.indicators) == []
    assert asked == []
    # Without the store (a caller that has only the figures in force), they are asked.
    assert suspects_in_force(series, ["share"], "o.csv", NOW, indicators=PLAN.indicators) == []
    assert len(asked) == 1


# --- a plan kept in dong, not billions: its figures stay on the PDF's page ----------------
#
# Vietnamese budgets are also written in dong: 57,330 billion VND is 57,330,000,000,000 VND,
# 18 characters that the PDF's tables kept whole (a figure breaks only at its spaces). With
# three such figures in the milestones' eleven columns the table ran 370 points past the
# page's right edge (A4's text is about 500 points wide).

VND_PLAN = """version: 1
title: "Thu ngân sách (đồng)"
observations: observations.csv
indicators:
  revenue_dong:
    name: {en: "State budget revenue in dong", vi: "Thu ngân sách nhà nước (đồng)"}
    unit: {en: "VND", vi: "đồng"}
    measure: flow
    direction: increase
    frequency: year
targets:
  - id: revenue-level
    type: level
    indicator: revenue_dong
    name: {en: "Revenue 57,330 billion VND by 2025", vi: "Thu 57.330 tỷ đồng năm 2025"}
    baseline: {period: 2020, value: 40123456789012.5}
    milestones:
      - {by: 2025, value: 57330000000000}
      - {by: 2030, value: 123456789012345.67}
"""
VND_ROWS = """indicator,period,value,status,source,note,recorded_at
revenue_dong,2023,51234567890123.45,official,Cục Thống kê,,2024-02-01T00:00:00Z
revenue_dong,2024,53234567890123.45,estimate,Cục Thống kê,,2025-01-10T00:00:00Z
revenue_dong,2024,54234567890123.45,official,Cục Thống kê,,2025-06-10T00:00:00Z
revenue_dong,2025,82235000000000,estimate,HĐND,,2025-12-10T00:00:00Z
"""


USD_PLAN = (
    VND_PLAN.replace("40123456789012.5", "4012345678.125")
    .replace("57330000000000", "5733000000.125")
    .replace("123456789012345.67", "12345678901.375")
    .replace('unit: {en: "VND", vi: "đồng"}', 'unit: {en: "USD", vi: "USD"}')
)
USD_ROWS = (
    VND_ROWS.replace("51234567890123.45", "5123456789.125")
    .replace("53234567890123.45", "5323456789.125")
    .replace("54234567890123.45", "5423456789.125")
    .replace("82235000000000", "8223500000.125")
)


@pytest.mark.parametrize("plan, rows", [(VND_PLAN, VND_ROWS), (USD_PLAN, USD_ROWS)], ids=["dong", "usd-billions"])
def test_figures_in_dong_stay_on_the_pdfs_page(tmp_path, plan: str, rows: str) -> None:
    # And figures in billions written with three decimals (12,345,678,901.375 USD): 18
    # characters, which ran the same table 310 points past the page.
    pytest.importorskip("weasyprint")
    from qntrack.files.workspace import open_workspace, reference_day
    from qntrack.output.report import build_report
    from qntrack.output.report_pdf import pdf_document
    from test_eighteenth import _off_the_page

    (tmp_path / "targets.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / "observations.csv").write_text(rows, encoding="utf-8")
    day = "2026-02-01"
    ws = open_workspace(str(tmp_path / "targets.yaml"), day)
    data = build_report(ws.plan, ws.series, ws.store.observations, None, day, None, reference_day(day))
    for lang in ("en", "vi"):
        assert _off_the_page(pdf_document(data, lang)) == [], lang


@pytest.mark.parametrize(
    "lang, text, made",
    [
        # A figure of a trillion or more may break after a thousands' separator, its decimals whole.
        ("en", "82,235,000,000,000 VND", "82,<wbr>235,<wbr>000,<wbr>000,<wbr>000 VND"),
        ("en", "+11,853,801,237,496.03", "+11,<wbr>853,<wbr>801,<wbr>237,<wbr>496.03"),
        ("vi", "123.456.789.012.345,67 đồng", "123.<wbr>456.<wbr>789.<wbr>012.<wbr>345,67 đồng"),
        ("en", "1,234,567,890.5", "1,<wbr>234,<wbr>567,<wbr>890.5"),
        # Under a billion stays whole, and the other language's separators are no groups.
        ("en", "123,456,789.125", "123,456,789.125"),
        ("en", "57,330", "57,330"),
        ("vi", "82,235,000,000,000", "82,235,000,000,000"),
        ("en", "2,025.000.000.000", "2,025.000.000.000"),
    ],
)
def test_a_long_figure_may_break_at_its_thousands(lang: str, text: str, made: str) -> None:
    from qntrack.output.report_pdf import breakable

    html = f'<html><head></head><body><table class="ms"><tr><td>{text}</td></tr></table></body></html>'
    assert breakable(html, lang) == html.replace(text, made)
    # Prose and the observations' table keep every figure whole (their figures fit: the
    # eighteenth session's review, test_review18).
    for outside in (f"<p>{text}</p>", f'<table class="obs"><tr><td>{text}</td></tr></table>'):
        plain = f"<html><head></head><body>{outside}</body></html>"
        assert breakable(plain, lang) == plain


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_shows_chart_keeps_its_axis_straight_with_figures_in_dong(tmp_path, lang: str) -> None:
    # The axis' labels were padded to 8 characters: "123,456,789,012,345.8 │" pushed the top
    # and bottom rows 13 characters right of the rest, the points no longer over their years.
    from qntrack.files.workspace import open_workspace, reference_day
    from qntrack.kinds import assess
    from qntrack.output.render_show_chart import trajectory_chart

    (tmp_path / "targets.yaml").write_text(VND_PLAN, encoding="utf-8")
    (tmp_path / "observations.csv").write_text(VND_ROWS, encoding="utf-8")
    ws = open_workspace(str(tmp_path / "targets.yaml"), "2026-02-01")
    (a,) = assess(ws.plan, ws.series, None, reference_day("2026-02-01"))
    chart = trajectory_chart(a, ws.series["revenue_dong"], lang)
    assert chart is not None
    lines = chart.plain.splitlines()
    axis = {line.index("│") for line in lines if "│" in line}
    assert len(axis) == 1 and axis == {lines[-2].index("└")}
    top = "123,456,789,012,345.8" if lang == "en" else "123.456.789.012.345,8"
    assert lines[0].startswith(top + " │")
    # The years stand under the axis: 2020 over its first column, right after the corner.
    assert lines[-1].index("2020") == lines[-2].index("└") + 1


# --- a milestone's judged_on says what its figure replaced, as latest does ----------------


@pytest.mark.parametrize("cache", ["1", ""])
def test_a_milestones_judged_on_says_what_its_figure_replaced(tmp_path, monkeypatch: pytest.MonkeyPatch, cache: str):
    import json

    from helpers import run

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QNTRACK_NO_CACHE", cache)
    (tmp_path / "targets.yaml").write_text(VND_PLAN, encoding="utf-8")
    (tmp_path / "observations.csv").write_text(VND_ROWS, encoding="utf-8")
    # A milestone by 2024, judged on the 2024 figure: 53,234,567,890,123.45 recorded on 10
    # January 2025, revised to 54,234,567,890,123.45 on 10 June 2025.
    (tmp_path / "targets.yaml").write_text(
        VND_PLAN.replace("      - {by: 2025, value: 57330000000000}", "      - {by: 2024, value: 50000000000000}"),
        encoding="utf-8",
    )
    for _ in range(2):  # cold, then (the cache on) from the cache
        for as_of, revises in (("2025-03-01", None), ("2025-07-01", 53234567890123.45)):
            doc = json.loads(run("status", "--format", "json", "--as-of", as_of).stdout)
            (m2024,) = [m for m in doc["targets"][0]["milestones"] if m["by"] == "2024"]
            assert m2024["judged_on"]["period"] == "2024"
            assert m2024["judged_on"]["revises"] == revises, as_of
        doc = json.loads(run("status", "--format", "json").stdout)
        (m2024,) = [m for m in doc["targets"][0]["milestones"] if m["by"] == "2024"]
        assert m2024["judged_on"]["revises"] == 53234567890123.45
        assert doc["targets"][0]["latest"]["revises"] is None  # 2025's first figure replaced none


# --- a bracket closed by the other kind, or a stray one, is said as such -------------------


@pytest.mark.parametrize(
    "value, char",
    [("[}", "}"), ("{]", "]"), ("[1, }", "}"), ("}", "}"), ("]", "]"), ("[,]", ",")],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_bracket_of_the_other_kind_is_said_in_the_users_words(value: str, char: str, lang: str) -> None:
    import yaml

    from qntrack.catalog import render
    from qntrack.files.yaml_words import yaml_problem

    text = f"version: 1\nunit: {value}\n"
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.safe_load(text)
    line, _, said = yaml_problem(caught.value, text)
    shown = render(said, lang)
    assert line == 2
    assert "PyYAML" not in shown
    assert f"'{char}'" in shown and "[2021, 2022]" in shown and "{by: 2025, value: 15}" in shown


# --- a store whose lines end in CRLF (git's core.autocrlf, Excel) is read by the fast reader --
#
# A national office sharing its store through git on Windows gets it back with CRLF line
# ends. Such a store went to the general reader (the csv module over the whole text): the
# provinces store read in 7.6 s and 1.18 GB against 1.6 s and 241 MB with LF ends.


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stores())
@example(b'indicator,period,value,status,source,note,recorded_at\nshare,2023,1,,"two\nlines",,2023-01-10\n')
@example(b'indicator,period,value,status,source,note,recorded_at\nshare,2023,1,,"open,,2023-01-10\n')
def test_a_crlf_store_reads_as_the_general_reader_reads_it(data: bytes):
    if b"\r" in data:
        return  # the strategy's own CR cases: test_fast_paths holds them
    crlf = data.replace(b"\n", b"\r\n")
    from qntrack.files.store import parse_store

    read = outcome(lambda d: parse_store(d, "o.csv"), crlf)
    if b"\x00" in crlf[:8192]:
        assert read[0] == "error"  # binary, as test_fast_paths holds it
        return
    assert read == outcome(general, crlf)


def test_a_crlf_store_is_read_by_the_fast_reader(monkeypatch: pytest.MonkeyPatch):
    from qntrack.files import store, store_fast

    taken = []
    fast = store_fast._parse_fast
    monkeypatch.setattr(store_fast, "_parse_fast", lambda *a, **k: taken.append(1) or fast(*a, **k))
    data = (
        "indicator,period,value,status,source,note,recorded_at\r\n"
        "share,2023,12.5,official,GSO,,2024-01-10T00:00:00Z\r\n"
        'share,2024,13,estimate,"GSO, yearbook","two\r\nlines",2025-01-10T00:00:00Z\r\n'
    ).encode()
    contents = store.parse_store(data, "o.csv")
    assert taken == [1]
    assert [(o.value, o.source, o.note, o.line) for o in contents.observations] == [
        (12.5, "GSO", "", 2),
        # The note's line end as the file has it; a record over two lines is numbered by
        # its last, as the general reader numbers it.
        (13.0, "GSO, yearbook", "two\r\nlines", 4),
    ]
    # A bare CR, or LF ends mixed in, is still the general reader's.
    taken.clear()
    store.parse_store(data.replace(b"\r\nshare,2024", b"\nshare,2024"), "o.csv")
    store.parse_store(data + b"x,2023,1,,a\rb,,2024-01-10\r\n", "o.csv")
    assert taken == []


# --- a formula's number too close to zero is refused, not read as 0 -------------------------


@pytest.mark.parametrize("text", ["va / 1e-400", "va * 2.5e-330", "va + 0.0000001e-320"])
def test_a_formula_number_below_the_smallest_float_is_refused_at_its_place(text: str) -> None:
    from qntrack.catalog import render
    from qntrack.plan.formula import FormulaError, parse_formula

    with pytest.raises(FormulaError) as caught:
        parse_formula(text)
    number = text.split()[-1]
    said = render(caught.value.message, "en")
    assert f"'{number}' at character {text.index(number) + 1}" in said
    assert "too close to zero" in said
    assert "quá gần 0" in render(caught.value.message, "vi")


@pytest.mark.parametrize("text", ["va * 0", "va + 0.0e-400", "va * 4.9e-324"])
def test_a_formula_zero_or_the_smallest_float_is_still_a_number(text: str) -> None:
    from qntrack.plan.formula import parse_formula

    assert parse_formula(text).names == {"va"}


# --- the workbook's summary says what each latest figure revised, as status's CSV does ------


def test_the_workbooks_summary_says_the_figure_each_latest_one_revised(shipped) -> None:
    import openpyxl

    from helpers import run

    # The shipped 2023 growth: 11.02 recorded first, then 11.03 (status --format json's
    # latest.revises 11.02); every other latest figure of the plan replaced none.
    for lang, heading in (("en", "Figure it revised"), ("vi", "Số liệu trước điều chỉnh")):
        assert run("report", "--format", "xlsx", "-o", f"r-{lang}.xlsx", "--lang", lang).exit_code == 0
        ws = openpyxl.load_workbook(shipped / f"r-{lang}.xlsx")["Summary" if lang == "en" else "Tổng hợp"]
        header = [c.value for c in ws[1]]
        # before the twentieth session's column of figures withdrawn, the twenty-fifth's two
        # and the twenty-seventh's two (the latest figure's kind and source): column S, the
        # twenty-eighth session's two (the period's last day, the kind replaced) after them
        assert header[18] == heading
        column = 18
        revised = {row[2].value: row[column].value for row in ws.iter_rows(min_row=2)}
        assert revised.pop("grdp-growth-plan-2023") == 11.02
        assert set(revised.values()) == {None}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_suspect_rows, max_size=30), st.booleans())
def test_the_caches_suspects_are_the_same_when_the_store_is_found_sound_first(rows, with_distinct):
    # The status cache's cold run names the suspect figures in force by timing_suspects:
    # with the whole store given in its order, the same rows as without it.
    from qntrack.files.checks_rows import timing_suspects

    rows = [o._replace(line=n) for n, o in enumerate(rows, start=2)]
    series = build_series(PLAN.indicators, rows)[0]
    in_force = [o for i in PLAN.indicators for o in series.get(i, ())]
    distinct = _distinct(rows) if with_distinct else None
    alone = timing_suspects(in_force, NOW, PLAN.indicators, distinct)
    assert timing_suspects(in_force, NOW, PLAN.indicators, distinct, tuple(rows)) == alone
