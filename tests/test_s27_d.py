"""Issue 17, twenty-seventh session, helper D: what a revision replaced, leftovers of the
twenty-sixth session (each test written failing first; each expected sentence written by
hand from the catalog's wording and the shipped store's figures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

# --- 1. a dry run says what it would revise ----------------------------------------------------

# The shipped store: grdp_growth 2023 = 11.03 (estimate), recorded 2023-11-27; 2024-H1 = 9.02
# (estimate), recorded 2024-07-05; 2024-Q1 = 8.97 (preliminary), recorded 2024-07-05.


def _unchanged(*args: str) -> str:
    before = Path("observations.csv").read_bytes()
    r = run_clean(*args)
    assert r.exit_code == 0, r.output
    assert Path("observations.csv").read_bytes() == before  # nothing written
    return r.stderr


def test_a_dry_run_of_a_revision_says_what_it_would_revise(shipped: Path) -> None:
    said = _unchanged("add-observation", "grdp_growth", "2023", "11.2", "--status", "official", "--dry-run")
    assert (
        "dry run: would add grdp_growth 2023 = 11.2 to observations.csv, revising 11.03 (recorded 2023-11-27), "
        "its status changing from estimate to official; nothing was written"
    ) in said, said
    # The run says the same words, without the dry run's.
    r = run_clean("add-observation", "grdp_growth", "2023", "11.2", "--status", "official")
    assert (
        "added grdp_growth 2023 = 11.2 to observations.csv, revising 11.03 (recorded 2023-11-27), "
        "its status changed from estimate to official"
    ) in r.stderr


def test_a_dry_run_of_a_revision_says_what_it_would_revise_in_vietnamese(shipped: Path) -> None:
    said = _unchanged("--lang", "vi", "add-observation", "grdp_growth", "2023", "11,2", "--dry-run")
    assert (
        "chạy thử: sẽ thêm grdp_growth 2023 = 11,2 vào observations.csv, thay cho số 11,03 (ghi nhận 27/11/2023); "
        "không ghi gì"
    ) in said, said


def test_a_dry_run_after_a_retraction_says_the_figure_comes_back(shipped: Path) -> None:
    r = run_clean("retract", "grdp_growth", "2023", "--recorded-at", "2024-01-10T00:00:00Z")
    assert r.exit_code == 0, r.output
    said = _unchanged("add-observation", "grdp_growth", "2023", "11.2", "--dry-run")
    assert (
        "dry run: would add grdp_growth 2023 = 11.2 to observations.csv, a figure again after its retraction "
        "(recorded 2024-01-10); nothing was written"
    ) in said, said
    vi = _unchanged("--lang", "vi", "add-observation", "grdp_growth", "2023", "11,2", "--dry-run")
    assert (
        "chạy thử: sẽ thêm grdp_growth 2023 = 11,2 vào observations.csv, có lại số liệu sau lần rút lại "
        "(ghi nhận 10/01/2024); không ghi gì"
    ) in vi, vi


ROWS = (
    "indicator,period,value,status,source\n"
    "grdp_growth,2023,11.2,official,Cuc TK\n"
    "grdp_growth,2024-H1,9.02,official,Cuc TK\n"
    "grdp_growth,2026-Q2,9.1,estimate,Cuc TK\n"
)


def test_an_import_says_the_rows_that_revise(shipped: Path) -> None:
    Path("rows.csv").write_text(ROWS, encoding="utf-8")
    said = _unchanged("add-observation", "--from", "rows.csv", "--dry-run")
    lines = said.splitlines()
    start = lines.index("dry run: would add 3 row(s), 0 already recorded, to observations.csv; nothing was written")
    assert lines[start + 1 : start + 4] == [
        "of these, 2 row(s) would revise an earlier figure:",
        "  grdp_growth 2023 = 11.2, revising 11.03 (recorded 2023-11-27), status estimate → official",
        "  grdp_growth 2024-H1 = 9.02: the same figure as the one recorded 2024-07-05, status estimate → official",
    ], said
    # The import itself says the same.
    r = run_clean("add-observation", "--from", "rows.csv")
    lines = r.stderr.splitlines()
    start = lines.index("added 3 row(s), 0 already recorded, to observations.csv")
    assert lines[start + 1 : start + 4] == [
        "of these, 2 row(s) revise an earlier figure:",
        "  grdp_growth 2023 = 11.2, revising 11.03 (recorded 2023-11-27), status estimate → official",
        "  grdp_growth 2024-H1 = 9.02: the same figure as the one recorded 2024-07-05, status estimate → official",
    ], r.stderr


def test_an_import_says_the_rows_that_revise_in_vietnamese(shipped: Path) -> None:
    Path("rows.csv").write_text(ROWS, encoding="utf-8")
    said = _unchanged("--lang", "vi", "add-observation", "--from", "rows.csv", "--dry-run")
    lines = said.splitlines()
    start = lines.index("chạy thử: sẽ thêm 3 dòng vào observations.csv (0 dòng đã có, bỏ qua); không ghi gì")
    assert lines[start + 1 : start + 4] == [
        "trong đó có 2 dòng sẽ thay cho số liệu trước đó:",
        "  grdp_growth 2023 = 11,2, thay cho số 11,03 (ghi nhận 27/11/2023), trạng thái ước tính → chính thức",
        "  grdp_growth 2024-H1 = 9,02: cùng số với số ghi nhận 05/07/2024, trạng thái ước tính → chính thức",
    ], said


def test_an_import_names_the_first_few_revisions_and_counts_the_rest(shipped: Path) -> None:
    # Eight quarters of the shipped store's grdp_growth revised at once (the store holds
    # 2015-Q1 8.4, Q2 9.3, Q3 11.9, Q4 13.9; 2017-Q1 8.3, Q2 10.7, Q3 9.9, Q4 11.5).
    periods = ["2015-Q1", "2015-Q2", "2015-Q3", "2015-Q4", "2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4"]
    body = "".join(f"grdp_growth,{p},7,official,GSO\n" for p in periods)
    Path("rows.csv").write_text("indicator,period,value,status,source\n" + body, encoding="utf-8")
    said = _unchanged("add-observation", "--from", "rows.csv", "--dry-run")
    assert "of these, 8 row(s) would revise an earlier figure:" in said
    assert "  grdp_growth 2015-Q1 = 7, revising 8.4 (recorded 2015-12-28)" in said
    assert "  grdp_growth 2017-Q1 = 7, revising 8.3 (recorded 2017-06-28)" in said
    assert "2017-Q2 = 7" not in said  # the sixth and later: counted
    # A dry run's rest points to the JSON (helper F: history shows no row not yet recorded).
    assert "… and 3 more (--format json gives each row with the figure it replaces, its revises)" in said


def test_an_import_of_new_figures_only_says_no_revision(shipped: Path) -> None:
    Path("rows.csv").write_text("indicator,period,value\ngrdp_growth,2026-Q2,9.1\n", encoding="utf-8")
    said = _unchanged("add-observation", "--from", "rows.csv", "--dry-run")
    assert "revis" not in said, said


def test_an_import_says_a_row_revising_an_earlier_row_of_the_file(shipped: Path) -> None:
    # The same period twice in one file: the later recorded revises the earlier, as the store
    # will keep them (the earlier one is never in force).
    Path("rows.csv").write_text(
        "indicator,period,value,status,recorded_at\n"
        "grdp_growth,2026-Q2,9.1,estimate,2026-07-05\n"
        "grdp_growth,2026-Q2,9.3,official,2026-08-05\n",
        encoding="utf-8",
    )
    said = _unchanged("add-observation", "--from", "rows.csv", "--dry-run")
    assert said.splitlines()[1:] == [
        "of these, 1 row(s) would revise an earlier figure:",
        "  grdp_growth 2026-Q2 = 9.3, revising 9.1 (recorded 2026-07-05), status estimate → official",
    ], said


# --- 2. a month revised inside a sum: the figure replaced and the one in force ---------------

_SUM_PLAN = """\
title: Ministry of Industry and Trade
indicators:
  exports: {name: Export turnover, unit: billion USD, measure: flow, frequency: month}
targets:
  - id: exports-2025
    type: plan
    indicator: exports
    period: 2025
    value: 400
"""

_HEADER = "indicator,period,value,status,source,note,recorded_at\n"
# January to March at 30 each; February, 30 as estimated by MOIT on 6 March, revised to 40
# (official, GSO) on 10 April: the first quarter added up is 30 + 40 + 30 = 100.
_SUM_ROWS = (
    _HEADER
    + "exports,2025-01,30,official,MOIT,,2025-02-06T00:00:00Z\n"
    + "exports,2025-02,30,estimate,MOIT,,2025-03-06T00:00:00Z\n"
    + "exports,2025-03,30,official,MOIT,,2025-04-06T00:00:00Z\n"
    + "exports,2025-02,40,official,GSO,,2025-04-10T00:00:00Z\n"
)
COLD = {"QNTRACK_NO_CACHE": "1"}
WIDE = {"COLUMNS": "250"}


def _out(*args: str, env: dict[str, str] | None = None) -> str:
    r = run_clean(*args, env=env)
    assert r.exit_code == 0, r.output
    return r.stdout


def _unwrapped(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


@pytest.fixture
def cold_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the status runs the cache could not answer (as tests/test_sources25.py does)."""
    from qntrack import cache

    runs: list[int] = []
    real = cache._cold

    def counted(*args: object, **kwargs: object) -> object:
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(cache, "_cold", counted)
    return runs


_PART_LINE = {
    "en": (
        "Export turnover {month}: 30 billion USD → revised, a part of {quarter} (periods added up); "
        "the figure replaced: estimate, recorded {replaced_day}; source: MOIT; "
        "the figure in force: 40 billion USD (official, recorded {now_day}; source: GSO)"
    ),
    "vi": (
        "Export turnover {month}: 30 billion USD → đã điều chỉnh, một kỳ trong số liệu {quarter} (tổng các kỳ); "
        "số liệu bị thay thế: ước tính, ghi nhận {replaced_day}; nguồn: MOIT; "
        "số liệu đang có hiệu lực: 40 billion USD (chính thức, ghi nhận {now_day}; nguồn: GSO)"
    ),
}
_DAYS = {"en": ("2025-03-06", "2025-04-10"), "vi": ("06/03/2025", "10/04/2025")}


def _part_line(lang: str, month: str = "2025-02", quarter: str = "2025-Q1") -> str:
    replaced_day, now_day = _DAYS[lang]
    return _PART_LINE[lang].format(month=month, quarter=quarter, replaced_day=replaced_day, now_day=now_day)


def test_a_revised_month_of_a_sum_says_the_figure_in_force_in_the_status_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _SUM_PLAN, _SUM_ROWS)
    for lang in ("en", "vi"):
        args = ("--lang", lang, "status", "--format", "table")  # today: the cache answers the second
        warm = _out(*args, env=WIDE)
        warm = _out(*args, env=WIDE)  # the second from the cache
        assert _part_line(lang) in _unwrapped(warm), warm
        assert _out(*args, env={**WIDE, **COLD}) == warm  # cached = cold, byte for byte


def test_a_revised_month_of_a_sum_says_the_figure_in_force_after_an_append(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cold_runs: list[int]
) -> None:
    # The cache brought up to date by the append (not made again) says the same as a cold run.
    from conftest import make_tracker

    rows = _SUM_ROWS.splitlines(keepends=True)
    make_tracker(tmp_path, monkeypatch, _SUM_PLAN, "".join(rows[:-1]))
    args = ("status", "--format", "table")  # today: the cache is not asked of an --as-of day
    _out(*args, env=WIDE)  # the cache made before February's revision
    r = run_clean("add-observation", "exports", "2025-02", "40", "--status", "official", "--source", "GSO",
                  "--recorded-at", "2025-04-10T00:00:00Z")  # fmt: skip
    assert r.exit_code == 0, r.output
    warm = _out(*args, env=WIDE)
    assert len(cold_runs) == 1, "answered cold"  # brought up to date from the row appended
    assert _part_line("en") in _unwrapped(warm), warm
    assert _out(*args, env={**WIDE, **COLD}) == warm


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_revised_month_of_a_sum_says_the_figure_in_force_in_the_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    import re

    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _SUM_PLAN, _SUM_ROWS)
    # (show's own legend of a plan target's year to date: tests/test_s27_e.py; its table of
    # figures writes February's "30 → 40" on the month's own row.)
    # A document writes the periods in words (issue 17, twenty-sixth session).
    month, quarter = ("February 2025", "Q1 2025") if lang == "en" else ("tháng 2/2025", "quý I/2025")
    for fmt, name in (("markdown", "r.md"), ("html", "r.html")):
        r = run_clean("--lang", lang, "report", "--format", fmt, "--as-of", "2025-04-30", "-o", name)
        assert r.exit_code == 0, r.output
        text = Path(name).read_text(encoding="utf-8")
        text = re.sub(r"\\(.)", r"\1", text) if fmt == "markdown" else re.sub(r"<[^>]+>", "", text)
        assert _part_line(lang, month, quarter) in _unwrapped(text), fmt
    # The Word report's legend (its paragraphs and the cells of its tables).
    import docx

    r = run_clean("--lang", lang, "report", "--as-of", "2025-04-30", "-o", "r.docx")
    assert r.exit_code == 0, r.output
    document = docx.Document("r.docx")
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any(_part_line(lang, month, quarter) in t for t in texts), texts


# --- 3. a status-only revision: the status it replaced, in the legends -------------------------

# The shipped store: grdp_growth 2025 = 11.89, estimate, recorded 2026-01-07 from
# thoibaotaichinhvietnam.vn; the same 11.89 as official from the statistics office (GSO),
# 2026-03-01: the status alone changed.
_SHIPPED_2025 = "https://thoibaotaichinhvietnam.vn/"


def _official_2025() -> None:
    r = run_clean("add-observation", "grdp_growth", "2025", "11.89", "--status", "official", "--source", "GSO",
                  "--recorded-at", "2026-03-01T00:00:00Z")  # fmt: skip
    assert r.exit_code == 0, r.output


_STATUS_ONLY = {
    "en": "GRDP growth 2025: 11.89% y/y → 11.89% y/y (estimate → official, recorded 2026-03-01; source: GSO), "
    "replacing 11.89% y/y (recorded 2026-01-07; source: " + _SHIPPED_2025,
    "vi": "Tốc độ tăng trưởng GRDP 2025: 11,89% so với cùng kỳ → 11,89% so với cùng kỳ (ước tính → chính thức, "
    "ghi nhận 01/03/2026; nguồn: GSO), thay cho số liệu 11,89% so với cùng kỳ (ghi nhận 07/01/2026; nguồn: "
    + _SHIPPED_2025,
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_status_only_revision_says_the_status_it_replaced_in_the_status_table(
    shipped: Path, lang: str, cold_runs: list[int]
) -> None:
    _out("status", "--format", "table", env=WIDE)  # a cache made before the revision, brought up to date
    _official_2025()
    args = ("--lang", lang, "status", "--format", "table", "grdp-growth-plan-2025")
    warm = _out(*args, env=WIDE)
    assert len(cold_runs) == 1, "answered cold"
    assert _STATUS_ONLY[lang] in _unwrapped(warm), warm
    assert _out(*args, env={**WIDE, **COLD}) == warm  # cached = cold, byte for byte
    again = _out(*args, env=WIDE)  # a cache made anew from the store
    assert again == warm


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_status_only_revision_says_the_status_it_replaced_in_show_and_the_reports(shipped: Path, lang: str) -> None:
    import re

    _official_2025()
    # show's legend is under a table of periods' figures: the double-digit target's.
    shown = _unwrapped(_out("--lang", lang, "show", "grdp-double-digit", env=WIDE))
    assert _STATUS_ONLY[lang] in shown, shown
    for fmt, name in (("markdown", "r.md"), ("html", "r.html")):
        r = run_clean("--lang", lang, "report", "--format", fmt, "-o", name)
        assert r.exit_code == 0, r.output
        text = Path(name).read_text(encoding="utf-8")
        text = re.sub(r"\\(.)", r"\1", text) if fmt == "markdown" else re.sub(r"<[^>]+>", "", text)
        assert _STATUS_ONLY[lang] in _unwrapped(text), fmt


def test_a_revision_of_the_figure_keeps_its_words(shipped: Path) -> None:
    # 11.03 revised from 11.02, both estimates: the status said once, as before.
    out = _unwrapped(_out("status", "--format", "table", "grdp-growth-plan-2023", env=WIDE))
    assert "GRDP growth 2023: 11.02% y/y → 11.03% y/y (estimate, recorded 2023-11-27; source: " in out, out


def test_the_cache_format_was_bumped() -> None:
    # The payload keeps what it did not before (the status of each figure replaced, and the
    # figure in force): a cache of format 12 is made again, never read as this one.
    from qntrack.cache import keeping

    assert keeping.FORMAT == 13
    assert keeping._MAGIC == b"qntrack status cache 13\n"


def test_an_import_of_a_row_earlier_than_the_figure_in_force_revises_nothing(shipped: Path) -> None:
    # 2023: 11.02 (2023-11-24), 11.03 (2023-11-27, in force). A row dated 2023-11-25 is kept
    # as an earlier vintage and never in force (the warning says so): it revises nothing.
    Path("rows.csv").write_text(
        "indicator,period,value,status,recorded_at\ngrdp_growth,2023,11.5,estimate,2023-11-25\n", encoding="utf-8"
    )
    said = _unchanged("add-observation", "--from", "rows.csv", "--dry-run")
    assert "would revise" not in said, said
    assert "11.03 stays in force" in said, said


def test_the_library_returns_the_rows_that_revise(shipped: Path) -> None:
    # record_many's Recorded and import_observations' result carry them, each with the
    # vintage it takes the place of.
    from qntrack.files.importing import import_observations

    Path("rows.csv").write_text(ROWS, encoding="utf-8")
    result = import_observations("targets.yaml", "rows.csv", dry_run=True)
    assert [(o.period.text, o.value, was.value, was.recorded_at) for o, was in result.revised] == [
        ("2023", 11.2, 11.03, "2023-11-27T00:00:00Z"),
        ("2024-H1", 9.02, 9.02, "2024-07-05T00:00:00Z"),
    ]
