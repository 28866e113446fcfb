"""Follow-ups of issue 17's twenty-sixth session (pass F): what the session's other passes
found and left. Expected values written by hand from the small plan of conftest.py."""

from __future__ import annotations

from pathlib import Path

import pytest


import qntrack
from conftest import SMALL_OBSERVATIONS
from helpers import run, run_clean, since_row, store_text

# --- 1. cmd's single quotes around --source said only when a row takes the text ----------


def test_single_quotes_of_a_source_no_row_takes_are_not_said(tracker: Path):
    # Every row of the file has its own source: --source's text is stored nowhere.
    (tracker / "rows.csv").write_text(
        "indicator,period,value,status,source\nshare,2024-Q2,13,estimate,Cuc TK\nshare,2024-Q3,14,estimate,Cuc TK\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "rows.csv", "--source", "'GSO'")
    assert r.exit_code == 0, r.stderr
    assert "single quotes" not in r.stderr
    assert "'GSO'" not in store_text(tracker)


def test_single_quotes_of_a_source_a_row_takes_are_said(tracker: Path):
    (tracker / "rows.csv").write_text(
        "indicator,period,value,status,source\nshare,2024-Q2,13,estimate,Cuc TK\nshare,2024-Q3,14,estimate,\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "rows.csv", "--source", "'GSO'", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert r.stderr.count("'GSO' keeps its single quotes") == 1
    assert store_text(tracker) == SMALL_OBSERVATIONS


# --- 2. a unit typed in single quotes (cmd) is told so when refused -----------------------


@pytest.mark.parametrize("dim", [["--dim", "locality='HaLong'"], ["--dim=locality='HaLong'"]])
def test_a_unit_in_single_quotes_from_cmd_is_refused_with_the_quotes_note(dim: list[str], shipped: Path):
    r = run("add-observation", "budget_revenue", "2025", "9.5", *dim, "--dry-run")
    assert r.exit_code == 1
    assert "''HaLong'' is not a unit of 'locality'" in r.stderr
    assert r.stderr.splitlines()[-1] == (
        f"note: single quotes were kept around {dim[-1]}: Windows' cmd passes them on as letters "
        f"(it reads only double quotes); type {dim[-1].replace(chr(39), '')}"
    )


def test_a_unit_with_an_apostrophe_inside_gets_no_quotes_note(shipped: Path):
    r = run("add-observation", "budget_revenue", "2025", "9.5", "--dim", "locality=O'Hare", "--dry-run")
    assert r.exit_code == 1
    assert "single quotes" not in r.stderr


# --- 3. retract's indicator of another type is named -----------------------------------


@pytest.mark.parametrize("indicator", [None, 5])
def test_retract_names_an_indicator_that_is_no_text(indicator: object, tracker: Path):
    with pytest.raises(qntrack.InputError) as raised:
        qntrack.retract("targets.yaml", indicator, "2023", "GSO", "", None)  # type: ignore[arg-type]
    assert isinstance(raised.value, ValueError)  # an ArgumentError
    assert raised.value.file == "indicator"
    assert str(raised.value).startswith(
        f"indicator: error: is of type {type(indicator).__name__}, not an indicator's id: give the id as a str"
    )
    assert store_text(tracker) == SMALL_OBSERVATIONS


# --- 4. a flag that is not a bool is named, not read as true ----------------------------

ROW = {"indicator": "share", "period": "2024-Q2", "value": 13, "status": "estimate"}
FLAGGED = [
    ("dry_run", lambda v: qntrack.record_many("targets.yaml", [ROW], dry_run=v)),
    ("force", lambda v: qntrack.record_many("targets.yaml", [ROW], force=v)),
    ("dry_run", lambda v: qntrack.retract("targets.yaml", "share", "2023", "GSO", "", None, dry_run=v)),
    ("force", lambda v: qntrack.retract("targets.yaml", "share", "2023", "GSO", "", None, force=v)),
    ("dry_run", lambda v: qntrack.import_observations("targets.yaml", "rows.csv", dry_run=v)),
    ("force", lambda v: qntrack.import_observations("targets.yaml", "rows.csv", force=v)),
    ("with_series", lambda v: qntrack.open_workspace("targets.yaml", with_series=v)),
]


@pytest.mark.parametrize(("name", "call"), FLAGGED)
@pytest.mark.parametrize("value", ["no", "False", None, 2])
def test_a_flag_of_another_type_is_named(name: str, call, value: object, tracker: Path):
    (tracker / "rows.csv").write_text("indicator,period,value,status\nshare,2024-Q2,13,estimate\n", encoding="utf-8")
    with pytest.raises(qntrack.InputError) as raised:
        call(value)
    assert isinstance(raised.value, ValueError)
    assert raised.value.file == name
    assert str(raised.value).splitlines()[0] == (
        f"{name}: error: {value!r} is of type {type(value).__name__}, not True or False: "
        f"give {name}=True or {name}=False"
    )
    assert store_text(tracker) == SMALL_OBSERVATIONS


def test_write_report_names_force_of_another_type(tracker: Path):
    ws = qntrack.open_workspace("targets.yaml")
    data = qntrack.build_report(ws.plan, ws.series, ws.store.observations, today="2025-01-01")
    with pytest.raises(qntrack.InputError) as raised:
        qntrack.write_report(data, "html", "en", "review.html", force="yes")  # type: ignore[arg-type]
    assert raised.value.file == "force"
    assert not (tracker / "review.html").exists()


@pytest.mark.parametrize("value", [True, False, 0, 1])
def test_a_flag_given_as_a_bool_or_0_or_1_is_taken(value: object, tracker: Path):
    done = qntrack.record_many("targets.yaml", [ROW], dry_run=value)  # type: ignore[arg-type]
    assert len(done.rows) == 1
    assert (store_text(tracker) == SMALL_OBSERVATIONS) is bool(value)


# --- 5. the official figure typed again without --status is said -------------------------

OFFICIAL = (
    "share",
    "2024-Q2",
    "13",
    "--status",
    "official",
    "--source",
    "GSO",
    "--recorded-at",
    "2024-08-01T00:00:00Z",
)


def test_an_official_figure_typed_again_without_status_is_said(tracker: Path):
    assert run_clean("add-observation", *OFFICIAL).exit_code == 0
    r = run_clean("add-observation", "share", "2024-Q2", "13", "--recorded-at", "2024-09-01T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    assert (
        "add-observation: warning: share 2024-Q2: 13 was recorded with no status over the official figure 13 "
        "(recorded 2024-08-01T00:00:00Z, source: GSO) and is in force over it, no longer said official; "
        "if it is the official figure, record it again with --status official"
    ) in r.stderr
    assert store_text(tracker).endswith("share,2024-Q2,13,,,,2024-09-01T00:00:00Z\n")  # kept, as check keeps it


def test_an_official_figure_typed_again_without_status_is_said_in_a_dry_run_in_vietnamese(tracker: Path):
    assert run_clean("add-observation", *OFFICIAL).exit_code == 0
    before = store_text(tracker)
    # Dated, a vintage as stated: recorded, and warned of (above).
    at = ("--recorded-at", "2024-09-01T00:00:00Z")
    r = run_clean("--lang", "vi", "add-observation", "share", "2024-Q2", "13", *at, "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert (
        "share 2024-Q2: số 13 (không ghi rõ loại số liệu) sẽ thay cho số chính thức 13 (ghi nhận lúc "
        "2024-08-01T00:00:00Z, nguồn: GSO) và có hiệu lực thay cho số đó, không còn được ghi là chính thức; "
        "nếu đây chính là số chính thức, hãy ghi kèm --status official"
    ) in r.stderr
    assert store_text(tracker) == before
    # Undated, bare (no status, source or note), it repeats the official figure: already
    # recorded since the twenty-seventh session (tests/test_s27_g.py), its status kept.
    r = run_clean("--lang", "vi", "add-observation", "share", "2024-Q2", "13")
    assert r.exit_code == 0, r.stderr
    assert "không còn được ghi là chính thức" not in r.stderr
    assert store_text(tracker) == before


@pytest.mark.parametrize(
    "args",
    [
        ("share", "2024-Q2", "13.5"),  # another figure: a revision, said as one
        ("share", "2024-Q2", "13", "--status", "official"),  # already recorded
        ("share", "2024-Q1", "13"),  # another period
    ],
)
def test_no_status_warning_for_another_figure_or_the_official_again(args: tuple[str, ...], tracker: Path):
    assert run_clean("add-observation", *OFFICIAL).exit_code == 0
    r = run_clean("add-observation", *args, "--recorded-at", "2024-09-01T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    assert "no status over the official" not in r.stderr


# --- 6. a revision of the source alone is said as one ------------------------------------


def _source_then(source: str, lang: str = "en") -> str:
    first = ("grdp_growth", "2026-Q1", "5", "--status", "estimate", "--source", "Cuc TK")
    assert run_clean("add-observation", *first, "--recorded-at", "2026-04-20T00:00:00Z").exit_code == 0
    r = run_clean("--lang", lang, "add-observation", "grdp_growth", "2026-Q1", "5", "--status", "estimate",
                  "--source", source, "--recorded-at", "2026-05-20T00:00:00Z")  # fmt: skip
    assert r.exit_code == 0, r.output
    return r.stderr


def test_a_source_only_revision_is_confirmed_as_a_source_change(shipped: Path):
    said = _source_then("GSO")
    assert (
        "added grdp_growth 2026-Q1 = 5 to observations.csv: the same figure as the one recorded 2026-04-20, "
        "its source changed from Cuc TK to GSO"
    ) in said, said
    assert "revising" not in said, said


def test_a_source_only_revision_is_confirmed_in_vietnamese(shipped: Path):
    said = _source_then("GSO", "vi")
    assert (
        "đã thêm grdp_growth 2026-Q1 = 5 vào observations.csv: cùng số và trạng thái với số ghi nhận "
        "20/04/2026, nguồn đổi từ Cuc TK sang GSO"
    ) in said, said


def test_the_since_table_says_a_source_only_revision(shipped: Path):
    _source_then("GSO")
    # The Before cell is marked "[1]", its legend naming where it came from (8. below).
    assert "| source: Cuc TK → GSO | 5%\\[1\\] y/y |" in since_row("en")
    assert "| nguồn: Cuc TK → GSO | 5%\\[1\\] so với cùng kỳ |" in since_row("vi")


# --- 7. the summary's revision legend writes a part-year period in words in a document ----

QUARTERS_ONLY = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "share,2024-Q1,12.9,estimate,src-d,,2024-04-05T00:00:00Z\n"
    "share,2024-Q1,13.1,estimate,GSO,,2024-05-01T00:00:00Z\n"
)


@pytest.fixture
def quarters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import SMALL_TARGETS, make_tracker

    return make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, QUARTERS_ONLY)


def _summary_legend(lang: str) -> str:
    r = run_clean("--lang", lang, "report", "--format", "markdown", "--as-of", "2024-06-01")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("\\[1\\]"))  # the summary's, first
    return lines[first]


def test_the_summary_legend_writes_a_quarter_in_words_in_vietnamese(quarters: Path):
    assert _summary_legend("vi").startswith("\\[1\\] Tỷ trọng chế biến quý I/2024: 12,9% → 13,1% (ước tính")


def test_the_summary_legend_writes_a_quarter_in_words_in_english(quarters: Path):
    assert _summary_legend("en").startswith("\\[1\\] Manufacturing share Q1 2024: 12.9% → 13.1% (estimate")


def test_the_terminal_table_legend_keeps_the_code(quarters: Path):
    r = run("status", "--format", "table", "--as-of", "2024-06-01", env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    assert "Manufacturing share 2024-Q1: 12.9% → 13.1%" in r.stdout, r.stdout


# --- 8. the since-table's Before names where the figure replaced came from ---------------


def test_the_since_table_names_the_replaced_figures_source_in_markdown(shipped: Path):
    _source_then("GSO")
    row = since_row("en")
    assert "| source: Cuc TK → GSO | 5%\\[1\\] y/y | GSO |" in row, row
    r = run_clean("report", "--format", "markdown", "--since", "2026-04-25", "--as-of", "2026-06-01")
    since = r.stdout.split("## Since")[1].split("\n## ")[0]
    assert "Before (the figure replaced: when it was recorded, and its source):" in since
    assert "\\[1\\] GRDP growth (grdp\\_growth) Q1 2026: 5% y/y (recorded 2026-04-20; source: Cuc TK)" in since, since


def test_the_since_table_names_the_replaced_figures_source_in_vietnamese_html_and_word(shipped: Path):
    import docx

    _source_then("GSO")
    line = "Tốc độ tăng trưởng GRDP (grdp_growth) quý I/2026: 5% so với cùng kỳ (ghi nhận 20/04/2026; nguồn: Cuc TK)"
    for name in ("r.html", "r.docx"):
        args = ("--lang", "vi", "report", "--since", "2026-04-25", "--as-of", "2026-06-01", "-o", name)
        assert run_clean(*args).exit_code == 0
    html = Path("r.html").read_text(encoding="utf-8")
    assert line in html, html
    assert "Trước đó (số bị thay thế: ngày ghi nhận và nguồn):" in html
    paragraphs = [p.text for p in docx.Document("r.docx").paragraphs]
    assert any(p.endswith(line) and p.startswith("[1]") for p in paragraphs), paragraphs
