"""Issue 17, twentieth session: a withdrawn figure said wherever a number it touched is
printed. Since the nineteenth session ``show`` and the report say a retraction in force
(a row "→ –" and a sentence); the status table, its JSON, CSV and TSV, ``status --by`` and
``rank`` were silent when the figure a status was judged on replaced a withdrawn one, or
when the latest period's figure was withdrawn and an earlier one was used.

On a copy of the shipped Quang Ninh dataset (the ``shipped`` fixture). Every expected
value is worked out by hand from the shipped rows (observations.csv), the working in a
comment beside it. Each test was written failing first.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from helpers import json_of, run_clean


def _retract(indicator: str, period: str, day: str, *extra: str) -> None:
    r = run_clean("retract", indicator, period, "--recorded-at", f"{day}T00:00:00Z", *extra)
    assert r.exit_code == 0, r.stderr


def _retract_cbct_2023() -> None:
    # The shipped 2023 CBCT share (12.3, estimate, recorded 2023-10-15) withdrawn on
    # 2025-09-01 at 00:00 UTC by "DoIT".
    _retract("cbct_share", "2023", "2025-09-01", "--source", "DoIT")


def _item(doc: dict, target_id: str) -> dict:
    (item,) = [t for t in doc["targets"] if t["id"] == target_id]
    return item


def _table(*args: str, lang: str = "en") -> str:
    r = run_clean("--lang", lang, "status", "--format", "table", *args, env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    return r.stdout


def _csv(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def test_the_status_table_says_the_latest_figure_was_withdrawn(shipped: Path):
    # With 2023's 12.3 withdrawn, cbct-share is judged on 2022's 11.5 (the next full year
    # back; 2022-9M is before it and is no provisional reading). The table showed
    # "11.5% of GRDP (2022)" and nothing else: a reader took 2022 for the latest published.
    _retract_cbct_2023()
    out = _table("cbct-share")
    assert "11.5%[1] of GRDP" in out
    assert "Figures withdrawn (the figure withdrawn → the figure in force; – for none):" in out
    assert (
        "[1] Processing and manufacturing share of GRDP 2023: 12.3% of GRDP → – (withdrawn on 2025-09-01; source: DoIT)"
        in out
    )
    # Vietnamese: 12,3 with a decimal comma, the day as 01/09/2025.
    vi = _table("cbct-share", lang="vi")
    assert "11,5%[1] GRDP" in vi
    assert "Số liệu đã bị rút lại (số bị rút lại → số liệu đang có hiệu lực; – nếu không có):" in vi
    assert (
        "[1] Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP 2023: 12,3% GRDP → – (rút lại ngày 01/09/2025; nguồn: DoIT)"
        in vi
    )
    # The day before the retraction 12.3 is the latest and nothing is said.
    before = _table("cbct-share", "--as-of", "2025-08-31")
    assert "12.3% of GRDP" in before and "withdrawn" not in before


# The source of the shipped 2023 CBCT share, 12.3 (observations.csv, line 56).
ANTT = "http://antt.vn/che-bien-che-tao-la-mot-trong-3-tru-cot-cua-cong-nghiep-quang-ninh-371411.htm"


def test_status_json_csv_and_tsv_say_the_withdrawn_figure(shipped: Path):
    _retract_cbct_2023()
    item = _item(json_of("status", "--format", "json"), "cbct-share")
    assert item["latest"]["period"] == "2022" and item["latest"]["value"] == 11.5
    assert item["withdrawn"] == [
        {
            "period": "2023",
            "value": 12.3,
            "recorded_at": "2025-09-01T00:00:00Z",
            "source": "DoIT",
            "note": None,
            "in_force": None,
            # Where 12.3 was published (shipped store, line 56), added last in issue 17's
            # twenty-sixth session.
            "value_source": ANTT,
            "value_recorded_at": "2023-10-15T00:00:00Z",
        }
    ]
    # A target whose periods had nothing withdrawn: an empty list, never missing.
    assert _item(json_of("status", "--format", "json"), "grdp-per-capita")["withdrawn"] == []
    # The day before: nothing withdrawn, 12.3 the latest.
    before = _item(json_of("status", "--format", "json", "--as-of", "2025-08-31"), "cbct-share")
    assert (before["latest"]["value"], before["withdrawn"]) == (12.3, [])
    for fmt, sep in (("csv", ","), ("tsv", "\t")):
        r = run_clean("status", "--format", fmt)
        rows = _csv(r.stdout, sep)
        header = next(csv.reader(io.StringIO(r.stdout), delimiter=sep))
        # added at the end (direction, milestones, name_vi after it since the twenty-first
        # session, the parts_revised two since the twenty-third, as_of since the twenty-fourth)
        # and the four revises_source/recorded_at since the twenty-fifth)
        # Named, not counted from the end (twenty-eighth session): right after the provisional six.
        assert header.index("withdrawn") == header.index("provisional_revises") + 1
        (row,) = [x for x in rows if x["id"] == "cbct-share"]
        assert (row["latest_period"], row["withdrawn"]) == ("2022", "2023")
        assert {x["withdrawn"] for x in rows if x["id"] != "cbct-share"} == {""}


def test_a_figure_recorded_again_after_a_withdrawal_is_said_to_replace_it(shipped: Path):
    # 12.3 withdrawn on 2025-09-01, then 12.5 recorded for 2023 on 2025-10-01 (source GSO):
    # the status is judged on 12.5, whose `revises` is null (a figure after a retraction
    # replaces none), so nothing said 12.3 had been published and withdrawn.
    _retract_cbct_2023()
    r = run_clean(
        "add-observation", "cbct_share", "2023", "12.5", "--source", "GSO", "--recorded-at", "2025-10-01T00:00:00Z"
    )
    assert r.exit_code == 0, r.stderr
    item = _item(json_of("status", "--format", "json"), "cbct-share")
    assert (item["latest"]["value"], item["latest"]["revises"]) == (12.5, None)
    ((entry),) = item["withdrawn"]
    assert (entry["period"], entry["value"], entry["in_force"]) == ("2023", 12.3, 12.5)
    out = _table("cbct-share")
    assert "12.5%[1] of GRDP" in out
    assert (
        "[1] Processing and manufacturing share of GRDP 2023: 12.3% of GRDP → 12.5% of GRDP (withdrawn on 2025-09-01, recorded again on "
        "2025-10-01; source: GSO)"
    ) in out
    vi = _table("cbct-share", lang="vi")
    assert (
        "[1] Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP 2023: 12,3% GRDP → 12,5% GRDP (rút lại ngày 01/09/2025, ghi lại ngày 01/10/2025; nguồn: GSO)"
        in vi
    )


@pytest.mark.parametrize(
    ("fmt", "lang"), [("table", "en"), ("table", "vi"), ("json", "en"), ("csv", "en"), ("tsv", "en")]
)
def test_the_cache_says_a_withdrawal_as_the_plain_path_does(
    shipped: Path, fmt: str, lang: str, monkeypatch: pytest.MonkeyPatch
):
    # Cold (a fresh cache), then warm after a retraction is appended (cbct_share had none
    # before), then after a figure appended to the withdrawn period (cold: the cache keeps
    # no vintage but those in force): each run through the cache gives the bytes of
    # QNTRACK_NO_CACHE=1.
    from qntrack import cache

    monkeypatch.delenv("QNTRACK_NO_CACHE", raising=False)
    cold: list[int] = []
    real = cache._cold

    def counted(*args, **kwargs):
        cold.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(cache, "_cold", counted)

    def both() -> tuple[str, str]:
        args = ("--lang", lang, "status", "--format", fmt)
        env = {"COLUMNS": "200", "NO_COLOR": "1"}
        cached = run_clean(*args, env=env)
        plain = run_clean(*args, env={**env, "QNTRACK_NO_CACHE": "1"})
        assert cached.exit_code == plain.exit_code == 0
        return cached.stdout, plain.stdout

    warm, plain = both()  # builds the cache
    assert warm == plain
    _retract_cbct_2023()
    runs = len(cold)
    warm, plain = both()
    assert warm == plain and ("2023" in warm)
    assert len(cold) == runs  # served warm: the appended retraction and the figure it withdrew
    run_clean("add-observation", "cbct_share", "2023", "12.5", "--recorded-at", "2025-10-01T00:00:00Z")
    warm, plain = both()
    assert warm == plain
    _retract("budget_revenue", "2024", "2025-09-03", "--dim", "locality=Hạ Long")
    warm, plain = both()
    assert warm == plain


def test_status_by_unit_and_rank_say_a_units_withdrawn_figure(shipped: Path):
    # Hạ Long's 2024 revenue (18,135, recorded 2025-02-10) withdrawn on 2025-09-03: its
    # unit falls back to 2022's 7,000 in silence in `status --by` and `rank`.
    _retract("budget_revenue", "2024", "2025-09-03", "--dim", "locality=Hạ Long")
    out = _table("budget-revenue-plan-2024", "--by", "locality")
    (line,) = [x for x in out.splitlines() if "Hạ Long" in x and "↳" in x]
    assert "7,000[1] billion" in line
    assert (
        "[1] State budget revenue collected in the area (Hạ Long) 2024: 18,135 billion VND → – (withdrawn on 2025-09-03; no source recorded)"
        in out
    )
    r = run_clean("rank", "budget-revenue-plan-2024", "--format", "table", env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert "7,000[1] billion VND (2022)" in r.stdout
    assert "Figures withdrawn (the figure withdrawn → the figure in force; – for none):" in r.stdout
    assert "[1] State budget revenue collected in the area (Hạ Long) 2024: 18,135 billion VND → –" in r.stdout
    doc = json_of("status", "budget-revenue-plan-2024", "--format", "json")
    (unit,) = [u for u in doc["targets"][0]["breakdown"] if u["dims"] == {"locality": "Hạ Long"}]
    assert [(w["period"], w["value"], w["in_force"]) for w in unit["withdrawn"]] == [("2024", 18135.0, None)]
    ranked = json_of("rank", "budget-revenue-plan-2024", "--format", "json")
    (unit,) = [u for u in ranked["units"] if u["dims"] == {"locality": "Hạ Long"}]
    assert [(w["period"], w["value"]) for w in unit["withdrawn"]] == [("2024", 18135.0)]


def test_show_and_the_report_say_a_units_withdrawn_figure(shipped: Path, tmp_path: Path):
    # Hạ Long's 2024 revenue (18,135) withdrawn: show's table of units and the report's
    # fell back to 2022's 7,000 with nothing said.
    _retract("budget_revenue", "2024", "2025-09-03", "--dim", "locality=Hạ Long")
    r = run_clean("show", "budget-revenue-plan-2024", env={"COLUMNS": "200", "NO_COLOR": "1"})
    (line,) = [x for x in r.stdout.splitlines() if "Hạ Long" in x and "Not available" in x]
    assert "7,000[1] billion VND (2022)" in line
    assert (
        "[1] State budget revenue collected in the area (Hạ Long) 2024: 18,135 billion VND → – (withdrawn on 2025-09-03; no source recorded)"
        in r.stdout
    )
    vi = run_clean("--lang", "vi", "show", "budget-revenue-plan-2024", env={"COLUMNS": "200", "NO_COLOR": "1"})
    # 18.135 tỷ đồng with the Vietnamese thousands' dot, the day as 03/09/2025.
    assert (
        "[1] Thu ngân sách nhà nước trên địa bàn (Hạ Long) 2024: 18.135 tỷ đồng → – (rút lại ngày 03/09/2025; chưa ghi nguồn)"
        in vi.stdout
    )
    doc = json_of("show", "budget-revenue-plan-2024", "--format", "json")
    (unit,) = [u for u in doc["breakdown"] if u["dims"] == {"locality": "Hạ Long"}]
    assert [(w["period"], w["value"], w["in_force"]) for w in unit["withdrawn"]] == [("2024", 18135.0, None)]
    out = tmp_path / "r.md"
    r = run_clean("report", "budget-revenue-plan-2024", "--format", "markdown", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    assert "7,000\\[1\\] billion VND (2022)" in text
    assert "18,135 billion VND → – (withdrawn on 2025-09-03; no source recorded)" in text
    # Under its own heading, not the revisions' ("Figures that revised an earlier one").
    assert "Figures withdrawn (the figure withdrawn → the figure in force; – for none):" in text
    lines = [x for x in text.splitlines() if x.strip()]
    at = next(i for i, x in enumerate(lines) if x.startswith("\\[1\\] State budget"))
    assert lines[at - 1] == "Figures withdrawn (the figure withdrawn → the figure in force; – for none):"
    html = tmp_path / "r.html"
    run_clean("report", "budget-revenue-plan-2024", "--format", "html", "-o", str(html))
    page = html.read_text(encoding="utf-8")
    # The arrow is said "to" (twenty-third session).
    arrow = '<span role="img" aria-label="to">→</span>'
    assert (
        f'<p class="note">Figures withdrawn (the figure withdrawn {arrow} the figure in force; – for none):</p>' in page
    )
    assert (
        f'<p class="note">[1] State budget revenue collected in the area (Hạ Long) 2024: 18,135 billion VND {arrow} – (withdrawn on'
        in page
    )
    # The day before the withdrawal: 18,135 (2024) is Hạ Long's latest, no mark.
    before = run_clean(
        "show", "budget-revenue-plan-2024", "--as-of", "2025-09-02", env={"COLUMNS": "200", "NO_COLOR": "1"}
    )
    (line,) = [x for x in before.stdout.splitlines() if "Hạ Long" in x and "Not available" in x]
    assert "18,135 billion VND (2024, estimate)" in line and "withdrawn" not in before.stdout


def test_the_span_kinds_say_a_withdrawn_year_was_withdrawn_not_missing(shipped: Path):
    # The 2024 growth (8.42, recorded 2025-02-07) withdrawn on 2025-09-02. The 2021-2025
    # average then rests on 2021 10.28, 2022 10.28, 2023 11.03, 2025 11.89:
    # 1.1028 × 1.1028 × 1.1103 × 1.1189 = 1.51087, so the one year without a figure needs
    # 1.1^5 / 1.51087 = 1.61051 / 1.51087 = 1.06595: 6.6 % (the sentence's one decimal).
    # Both kinds said "no figure yet" for 2024, as if it had never been published.
    _retract("grdp_growth", "2024", "2025-09-02")
    env = {"COLUMNS": "300", "NO_COLOR": "1"}
    avg = run_clean("show", "grdp-average-2021-2025", env=env).stdout
    assert (
        "The 2021–2025 span is over and the figure for 2024 was withdrawn, with none in force; for the average to "
        "meet the target, the year without a figure needs at least 6.6%."
    ) in avg
    assert "no figure yet" not in avg
    vi = run_clean("--lang", "vi", "show", "grdp-average-2021-2025", env=env).stdout
    assert "Giai đoạn 2021–2025 đã kết thúc, số liệu năm 2024 đã bị rút lại, không còn số liệu có hiệu lực" in vi
    every = run_clean("show", "grdp-double-digit", env=env).stdout
    assert "Over, with the figure withdrawn and none in force: 2024." in every
    assert "no figure yet" not in every
    vi = run_clean("--lang", "vi", "show", "grdp-double-digit", env=env).stdout
    assert "Đã qua nhưng số liệu đã bị rút lại, không còn số liệu có hiệu lực: năm 2024." in vi
    # The report's section says it as show does.
    r = run_clean("report", "grdp-double-digit", "grdp-average-2021-2025", "--format", "markdown", "-o", "r.md")
    assert r.exit_code == 0, r.stderr
    text = Path("r.md").read_text(encoding="utf-8")
    assert "Over, with the figure withdrawn and none in force: 2024." in text
    assert "the figure for 2024 was withdrawn, with none in force" in text
    # As of the day before, 2024's 8.42 is in force: the every-year target failed it.
    before = run_clean("show", "grdp-double-digit", "--as-of", "2025-09-01", env=env).stdout
    assert "withdrawn" not in before


def _sheet(path: Path, name: str) -> list[dict]:
    import openpyxl

    ws = openpyxl.load_workbook(path)[name]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_the_workbook_says_a_withdrawn_figure(shipped: Path):
    # The 2023 CBCT share (12.3) withdrawn on 2025-09-01, the 2024 FDI result (2,877.8,
    # recorded 2025-02-07) withdrawn on 2025-03-01 then recorded again as 2,900 on
    # 2025-04-01. The workbook's Summary read cbct-share's latest as 2022's 11.5 and its
    # Figures sheet lacked 2023, as if never published; 2,900 stood with nothing said.
    _retract_cbct_2023()
    _retract("fdi", "2024", "2025-03-01", "--source", "Statistics office")
    run_clean("add-observation", "fdi", "2024", "2900", "--recorded-at", "2025-04-01T00:00:00Z")
    for lang, sheet, summary, withdrawn in (
        ("en", "Figures", "Summary", "Figure withdrawn"),
        ("vi", "Số liệu", "Tổng hợp", "Số liệu đã bị rút lại"),
    ):
        r = run_clean("--lang", lang, "report", "--format", "xlsx", "-o", f"r-{lang}.xlsx")
        assert r.exit_code == 0, r.stderr
        rows = _sheet(shipped / f"r-{lang}.xlsx", summary)
        header = list(rows[0])
        # added last, as the status CSV's column; where the figure revised came from after
        # it since the twenty-fifth session, the latest figure's kind and source since the
        # twenty-seventh
        assert header[19] == withdrawn  # column T (the twenty-eighth session's two after them)
        (cbct,) = [x for x in rows if x[header[2]] == "cbct-share"]
        if lang == "en":
            assert (
                cbct[withdrawn]
                == "Processing and manufacturing share of GRDP 2023: 12.3% of GRDP → – (withdrawn on 2025-09-01; source: DoIT)"
                # where 12.3 was published, after the line as it was (twenty-sixth session)
                + f", withdrawing 12.3% of GRDP (recorded 2023-10-15; source: {ANTT})"
                # the row's latest is 2022's, said why (thirty-second session)
                + "; the 2022 figure is shown because the 2023 figure was withdrawn"
            )
            (fdi,) = [x for x in rows if x[header[2]] == "fdi-plan-2024"]
            assert fdi[withdrawn] == (
                "FDI attracted 2024: 2,877.8 million USD → 2,900 million USD (withdrawn on 2025-03-01, recorded again on "
                "2025-04-01; no source recorded)"
                # where 2,877.8 was published (shipped store, line 75; twenty-sixth session)
                ", withdrawing 2,877.8 million USD (recorded 2025-02-07; source: https://cafef.vn/grdp-binh-quan-dau-"
                "nguoi-mot-tinh-mien-bac-vuot-moc-10000-usd-cao-hon-ba-ria-vung-tau-neu-khong-tinh-dau-khi-"
                "188250207111255042.chn)"
            )
        else:
            assert (
                cbct[withdrawn]
                == "Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP 2023: 12,3% GRDP → – (rút lại ngày 01/09/2025; nguồn: DoIT)"
                + f", rút lại số liệu 12,3% GRDP (ghi nhận 15/10/2023; nguồn: {ANTT})"
                + "; số liệu 2022 được hiển thị vì số liệu 2023 đã bị rút lại"
            )
        # The Figures sheet: a row for 2023 with no value (so a sum is unchanged), kind
        # retracted, the retraction's source and day, and the figure it withdrew.
        rows = _sheet(shipped / f"r-{lang}.xlsx", sheet)
        header = list(rows[0])
        # where the figure withdrawn came from after it since the twenty-sixth session; the
        # twenty-eighth's columns (the period's last day, what a figure revised) after those
        assert header[9] == withdrawn
        period = header[3]
        cbct_rows = (
            [x for x in rows if x[header[0]] == "Processing and manufacturing share of GRDP"]
            if lang == "en"
            else [x for x in rows if x[header[0]] == "Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP"]
        )
        (gone,) = [x for x in cbct_rows if x[period] == "2023"]
        assert (gone[header[4]], gone[header[6]], gone[withdrawn]) == (None, "DoIT", 12.3)
        assert gone[header[5]] == ("retracted" if lang == "en" else "đã rút lại")
        fdi_rows = [x for x in rows if x[header[0]] in ("FDI attracted", "Vốn FDI thu hút")]
        (again,) = [x for x in fdi_rows if x[period] == "2024"]
        assert (again[header[4]], again[withdrawn]) == (2900, 2877.8)
        assert {x[withdrawn] for x in rows if x is not gone and x is not again} == {None}


def test_the_legend_lists_its_marks_in_order_under_each_heading(shipped: Path):
    # cbct-share (withdrawn 2023, mark [1]) is listed before grdp-growth-plan-2023, whose
    # 11.03 revised 11.02 (mark [2]): the legend said [2] under the revisions' heading first,
    # then [1] under the withdrawals'.
    _retract_cbct_2023()
    out = _table("cbct-share", "grdp-growth-plan-2023")
    marks = [line.split("]")[0] + "]" for line in out.splitlines() if line.startswith("[")]
    assert marks == ["[1]", "[2]"]
    assert (
        out.index("Figures withdrawn (")
        < out.index("[1] Processing and manufacturing share")
        < out.index("Figures that revised")
    )


def test_the_reports_summary_table_marks_a_withdrawn_figure(shipped: Path):
    # The report's summary lists each target's latest figure as the status table does: after
    # 2023's 12.3 was withdrawn it read "11.5% of GRDP (2022)" with nothing said (the
    # section below says it; a reader of the summary alone did not learn it).
    _retract_cbct_2023()
    r = run_clean("report", "cbct-share", "--format", "markdown", "-o", "r.md")
    assert r.exit_code == 0, r.stderr
    text = Path("r.md").read_text(encoding="utf-8")
    summary = text.split('<a id="summary"></a>')[1].split("\n## ")[0]  # before the first target's section
    assert "11.5%\\[1\\] of GRDP (2022)" in summary
    assert "Figures withdrawn (the figure withdrawn → the figure in force; – for none):" in summary
    assert (
        "\\[1\\] Processing and manufacturing share of GRDP 2023: 12.3% of GRDP → – (withdrawn on 2025-09-01; source: DoIT)"
        in summary
    )


def test_the_workbooks_sheet_of_units_says_a_units_withdrawn_figure(shipped: Path):
    # The sheet of budget-revenue-plan-2024's units listed Hạ Long's latest as 2022's 7,000
    # after its 2024 figure (18,135) was withdrawn on 2025-09-03, with nothing said.
    _retract("budget_revenue", "2024", "2025-09-03", "--dim", "locality=Hạ Long")
    r = run_clean("report", "--format", "xlsx", "-o", "r.xlsx")
    assert r.exit_code == 0, r.stderr
    import openpyxl

    ws = openpyxl.load_workbook(shipped / "r.xlsx")["budget-revenue-plan-2024"]
    rows = [list(x) for x in ws.iter_rows(min_row=2, values_only=True)]
    header, units = rows[0], rows[1:]
    assert header[8] == "Figure withdrawn"  # column I, last until the twenty-eighth session
    (ha_long,) = [u for u in units if str(u[1]).startswith("Hạ Long")]
    assert (ha_long[5], ha_long[6]) == ("2022", 7000)
    assert ha_long[8] == (
        "State budget revenue collected in the area (Hạ Long) 2024: 18,135 billion VND → – (withdrawn on 2025-09-03; no source recorded)"
        # where 18,135 was published (shipped store, line 83; twenty-sixth session)
        ", withdrawing 18,135 billion VND (recorded 2025-02-10; source: https://vietnam.vn/en/phat-trien-ha-long-tro-"
        "thanh-dia-phuong-di-dau-trong-doi-moi-thanh-pho-kieu-mau-van-minh-dong-luc-cua-tinh)"
        # the row's latest is 2022's 7,000, said why (thirty-second session)
        "; the 2022 figure is shown because the 2024 figure was withdrawn"
    )
    assert {u[8] for u in units if u is not ha_long} == {None}
