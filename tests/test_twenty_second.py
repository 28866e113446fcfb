"""The twenty-second session's own defects (issue 17; docs/decisions.md, "The
twenty-second session (issue 17)")."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_clean

from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, make_tracker

NEW_ROW = "share,2024-Q3,13.4,estimate,officer-b,,2024-10-05T00:00:00Z\n"

# --- A second plan's store is no cloud drive's copy ------------------------------------------


def test_a_store_another_plan_in_the_folder_names_is_no_conflict_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An office keeps two plans in one folder: targets.yaml reads observations.csv, and
    # plan-2.yaml reads "observations 2.csv", the name iCloud gives a conflict copy. Both
    # stores share the header; the second holds a row the first has not. check on the first
    # plan said the second store was a copy "which no command reads" and told the officer to
    # add its rows to the first: the second plan's figures in the wrong store.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / "plan-2.yaml").write_text(SMALL_TARGETS + 'observations: "observations 2.csv"\n', encoding="utf-8")
    (tmp_path / "observations 2.csv").write_text(SMALL_OBSERVATIONS + NEW_ROW, encoding="utf-8")
    r = run_clean("check")
    assert r.exit_code == 0
    assert r.stderr == ""


def test_a_second_plan_named_as_a_copy_of_the_first_is_no_conflict_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "targets 2.yaml" is named as iCloud names a copy of targets.yaml, but it reads a store
    # of its own ("observations 2.csv"): a plan of its own, not the other Mac's edit of this
    # one (a copy of targets.yaml reads the same store, as the test below keeps).
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / "targets 2.yaml").write_text(SMALL_TARGETS + "observations: 'observations 2.csv'\n", encoding="utf-8")
    (tmp_path / "observations 2.csv").write_text(SMALL_OBSERVATIONS + NEW_ROW, encoding="utf-8")
    r = run_clean("check")
    assert r.exit_code == 0
    assert r.stderr == ""


def test_copies_no_plan_names_are_still_warned_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same folder, with iCloud's copy of each file as well: "observations 3.csv" (no
    # plan names it: the one new row) and "targets 3.yaml" (an edit of targets.yaml that
    # still reads observations.csv: its changed title line is one line targets.yaml has not).
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (tmp_path / "plan-2.yaml").write_text(SMALL_TARGETS + 'observations: "observations 2.csv"\n', encoding="utf-8")
    (tmp_path / "observations 2.csv").write_text(SMALL_OBSERVATIONS, encoding="utf-8")
    (tmp_path / "observations 3.csv").write_text(SMALL_OBSERVATIONS + NEW_ROW, encoding="utf-8")
    edited = SMALL_TARGETS.replace('title: "Test plan"', 'title: "Test plan, edited"')
    (tmp_path / "targets 3.yaml").write_text(edited, encoding="utf-8")
    r = run_clean("check")
    assert r.exit_code == 0
    assert "observations 3.csv beside it looks like a copy" in r.stderr
    assert "targets 3.yaml beside it looks like a copy" in r.stderr
    assert "observations 2.csv" not in r.stderr


# --- history's blocks named the store's line "#" -----------------------------------------


@pytest.mark.parametrize(("lang", "line"), [("en", "Line"), ("vi", "Dòng")])
def test_historys_blocks_name_the_stores_line_in_words(shipped: Path, lang: str, line: str):
    # At 40 columns history prints one block a vintage. Its last line was "#: 57", which a
    # screen reader reads "number sign 30": the heading is now a word. The shipped 2023
    # growth has two vintages, 11.02 on line 29 and 11.03 on line 30 of observations.csv
    # (`grep -n` of the file: its header is line 1).
    r = run_clean(
        "--lang", lang, "history", "grdp_growth", "2023", "--format", "table", env={"NO_COLOR": "1", "COLUMNS": "40"}
    )
    assert r.exit_code == 0, r.output
    lines = [text.strip() for text in r.stdout.splitlines()]
    said = [text for text in lines if text.startswith(f"{line}:")]
    numbers = sorted(int(text.split(":")[1]) for text in said)
    assert numbers == [29, 30], r.stdout
    assert not any(text.startswith("#:") for text in lines), r.stdout
    store = (shipped / "observations.csv").read_text(encoding="utf-8").splitlines()
    assert all(store[n - 1].startswith("grdp_growth,2023,") for n in numbers), [store[n - 1] for n in numbers]


# --- A report said nothing of units when every unit's figures were withdrawn ---------------

_TWO_UNITS_PLAN = """\
version: 1
title: t
dimensions:
  locality:
    name: Locality
    values: [Alpha, Beta]
indicators:
  rev: {name: Revenue, unit: bn VND, measure: flow, dimensions: [locality]}
targets:
  - id: rev-2024
    type: plan
    indicator: rev
    period: 2024
    value: 100
    for_each: locality
"""
_BOTH_WITHDRAWN = """\
indicator,period,value,status,source,note,recorded_at
rev[locality=Alpha],2024,60,official,s,,2025-01-10T00:00:00Z
rev[locality=Beta],2024,50,official,s,,2025-01-10T00:00:00Z
rev[locality=Alpha],2024,,retracted,s,,2025-02-10T00:00:00Z
rev[locality=Beta],2024,,retracted,s,,2025-02-10T00:00:00Z
"""


@pytest.mark.parametrize("fmt", ["markdown", "html", "docx"])
def test_a_report_lists_the_units_when_every_units_figures_were_withdrawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
):
    # Alpha's 60 and Beta's 50 for 2024, both withdrawn on 10 February 2025: show lists
    # "Alpha: all figures withdrawn, none in force (2024: 60 bn VND, withdrawn on
    # 2025-02-10)" and Beta's line, as the twenty-first session made every output do for a
    # unit whose figures were all withdrawn. The report had no units section at all when
    # every unit was so (its breakdown held no judged unit), and the withdrawals were
    # nowhere in it.
    make_tracker(tmp_path, monkeypatch, _TWO_UNITS_PLAN, _BOTH_WITHDRAWN)
    out = tmp_path / f"r.{ {'markdown': 'md'}.get(fmt, fmt) }"
    r = run_clean("report", "--format", fmt, "-o", str(out))
    assert r.exit_code == 0, r.output
    if fmt == "docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    else:
        text = out.read_text(encoding="utf-8")
    for unit, figure in (("Alpha", "60"), ("Beta", "50")):
        said = f"{unit}: all figures withdrawn, none in force (2024: {figure} bn VND, withdrawn on 2025-02-10)"
        assert said in text, text[-3000:]
    # No empty table of units and no roll-up of no unit ("0 units") is printed for it.
    assert "0 units" not in text


# --- The workbook's gap of a target passed read "Gap: -2,130" --------------------------------


@pytest.mark.parametrize(("lang", "words"), [("en", "beyond the target by "), ("vi", "đã vượt mục tiêu ")])
def test_the_workbooks_gap_of_a_target_passed_says_beyond_the_target(shipped: Path, lang: str, words: str):
    # fdi-plan-2023: 3,130 million USD attracted against a plan of 1,000 (docs/sample-report.md),
    # a gap of 1,000 - 3,130 = -2,130. The Summary sheet's "Gap" ("Còn thiếu") cell showed
    # "-2,130" ("còn thiếu -2.130" to a leader). The cell stays the number -2,130, to sort
    # and add up; its format writes a negative gap as the key figures do, "beyond the target
    # by 2,130" ("đã vượt mục tiêu 2.130"), a positive one as a plain shortfall.
    import openpyxl

    r = run_clean("--lang", lang, "report", "--format", "xlsx", "-o", "r.xlsx", "--as-of", "2026-12-01")
    assert r.exit_code == 0, r.output
    sheet = openpyxl.load_workbook(shipped / "r.xlsx").worksheets[0]
    rows = list(sheet.iter_rows())
    header = [c.value for c in rows[0]]
    gap_col = header.index("Gap" if lang == "en" else "Còn thiếu")
    ids = [c.value for c in rows[0]].index("Id") if lang == "en" else header.index("Mã")
    row = next(r for r in rows if r[ids].value == "fdi-plan-2023")
    cell = row[gap_col]
    assert cell.value == -2130
    positive, negative = cell.number_format.split(";")[:2]
    assert words in negative and "-" not in negative, cell.number_format
    assert "#,##0" in negative and "#,##0" in positive
    # fdi-plan-2024: 2,877.8 against 3,000, a shortfall of 122.2, keeps a plain format.
    short = next(r for r in rows if r[ids].value == "fdi-plan-2024")[gap_col]
    assert short.value == pytest.approx(122.2)


# --- The headline named a target awaiting a withdrawn figure as if none had been published ----

_PLAN_WITHDRAWN = """\
version: 1
title: t
indicators:
  fdi: {name: FDI attracted, unit: million USD, measure: flow}
targets:
  - id: fdi-2024
    name: FDI plan 2024
    type: plan
    indicator: fdi
    period: 2024
    value: 3000
"""
_FDI_WITHDRAWN = """\
indicator,period,value,status,source,note,recorded_at
fdi,2024,2877.8,estimate,s,,2025-01-10T00:00:00Z
fdi,2024,,retracted,s,,2025-02-10T00:00:00Z
"""


@pytest.mark.parametrize(("lang", "mark"), [("en", "(2024 (withdrawn))"), ("vi", "(năm 2024 (đã rút lại))")])
def test_the_headline_says_an_awaited_figure_was_withdrawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, mark: str
):
    # FDI 2024: 2,877.8 recorded on 10 January 2025, withdrawn on 10 February; as of
    # 1 December 2026 the plan's period has passed with no figure in force. The summary says
    # "⌛ awaiting figure 2024 (withdrawn)"; the headline's list of targets awaiting their
    # figure named "FDI plan 2024" alone, as if nothing had been published. It now says the
    # period awaited and that its figure was withdrawn, as the summary does (a Vietnamese
    # report writes a year "năm 2024").
    make_tracker(tmp_path, monkeypatch, _PLAN_WITHDRAWN, _FDI_WITHDRAWN)
    r = run_clean("--lang", lang, "report", "--format", "markdown", "--as-of", "2026-12-01")
    assert r.exit_code == 0, r.output
    top = r.stdout.split("## ", 2)[1]  # the headline's section, before the summary
    assert f"FDI plan 2024 {mark}" in top, top


# --- init . said no next step ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "next: replace the examples in targets.yaml with your plan's targets, then run qntrack check"),
        ("vi", "tiếp theo: thay các ví dụ trong targets.yaml bằng các mục tiêu của kế hoạch, rồi chạy qntrack check"),
    ],
)
def test_init_here_says_the_next_step_without_a_cd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
):
    # `init DIR` ends with "next: cd DIR, replace the examples …" (the new user's pass); `init .`
    # in an empty folder ended with the two "created" lines alone, where a newcomer needs the
    # same step but the cd.
    monkeypatch.chdir(tmp_path)
    r = run_clean("--lang", lang, "init", ".")
    assert r.exit_code == 0, r.output
    assert said in r.stderr, r.stderr
    assert "cd " not in r.stderr


# --- The workbook wrote a share of the plan "313.0%" where every report writes "313%" ---------


def test_the_workbooks_share_of_the_plan_has_the_reports_decimals(shipped: Path):
    # fdi-plan-2023: 3,130 against 1,000, 313% of the plan (docs/sample-report.md: "reached
    # 313%"); fdi-plan-2022: 622 against 1,500, 41.47%, "reached 41.5%". The Summary sheet's
    # cell forced one decimal, "313.0%" (the leader's pass found it). The format now has the
    # decimals the reports write: none for 313, one for 41.5.
    import openpyxl

    r = run_clean("report", "--format", "xlsx", "-o", "r.xlsx", "--as-of", "2026-12-01")
    assert r.exit_code == 0, r.output
    rows = list(openpyxl.load_workbook(shipped / "r.xlsx")["Summary"].iter_rows())
    ids = [c.value for c in rows[0]].index("Id")

    def percent_cell(target: str):
        row = next(r for r in rows if r[ids].value == target)
        return next(c for c in row if isinstance(c.number_format, str) and c.number_format.endswith('"%"'))

    met = percent_cell("fdi-plan-2023")
    assert met.value == pytest.approx(313) and met.number_format == '#,##0"%"'
    short = percent_cell("fdi-plan-2022")
    assert short.value == pytest.approx(622 / 1500 * 100) and short.number_format == '#,##0.0"%"'
