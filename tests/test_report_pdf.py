"""`qntrack report --format pdf` (issue 15): the HTML report printed to A4 by WeasyPrint.

The PDF is read back with pypdf, a reader independent of the engine that wrote it: page
size, page numbers, headings and figures. What pypdf cannot see (whether a chart or a
table runs off the page) is checked on WeasyPrint's own layout (its boxes).

Rendering the shipped plan takes several seconds, so it is rendered once per module.
"""

from __future__ import annotations

import builtins
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, make_tracker
from helpers import made_once, run
from qntrack.files.outputs import mark_state

pypdf = pytest.importorskip("pypdf", reason="pypdf is in the test extra")


ROOT = Path(__file__).resolve().parent.parent
SAMPLE_COMMAND = (
    "qntrack report --format pdf -o docs/sample-report.pdf --since 2025-06-30 --as-of 2026-12-01 "
    "cbct-share cbct-va-growth-2021-2025 grdp-per-capita grdp-double-digit mining-share fdi-plan-2024 "
    "budget-revenue-plan-2024 budget-revenue-plan-2025"
)
A4 = (595.28, 841.89)  # 210 x 297 mm in points (1 pt = 1/72 in = 0.3528 mm)


def squeeze(text: str) -> str:
    """A page's text without whitespace: text extractors differ in the spaces they put
    between runs of a line (and the line breaks depend on the fonts installed)."""
    return re.sub(r"\s+", "", text)


def pages_text(pdf: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(pdf).pages]


@pytest.fixture(scope="session")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample command's PDF of the shipped plan, in English (made once per session)."""

    def make(out: Path) -> None:
        args = SAMPLE_COMMAND.split()[1:]
        args[args.index("-o") + 1] = str(out)
        with pytest.MonkeyPatch.context() as mp:
            mp.delenv("QNTRACK_LANG", raising=False)
            result = run(*args, "--targets", str(ROOT / "targets.yaml"))
        assert result.exit_code == 0, result.output
        assert result.stderr.startswith(f"wrote {out}")

    return made_once(tmp_path_factory, "sample-report.pdf", make)


@pytest.fixture(scope="session")
def small_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The small plan's report (conftest.py) as of 2026-01-01, made once per session in a
    folder of its own: the tests below start from it rather than lay it out again."""

    def make(out: Path) -> None:
        out.mkdir()
        with pytest.MonkeyPatch.context() as mp:
            make_tracker(out, mp, SMALL_TARGETS, SMALL_OBSERVATIONS)
            result = run("report", "--format", "pdf", "-o", "small.pdf", "--as-of", "2026-01-01")
        assert result.exit_code == 0, result.output

    return (made_once(tmp_path_factory, "small-report", make) / "small.pdf").read_bytes()


@pytest.fixture(scope="session")
def shipped_text(sample_pdf: Path) -> list[str]:
    return [squeeze(t) for t in pages_text(sample_pdf)]


def test_every_page_is_a4(sample_pdf: Path):
    reader = pypdf.PdfReader(sample_pdf)
    assert len(reader.pages) > 10
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == A4


def test_every_page_is_numbered(shipped_text: list[str]):
    n = len(shipped_text)
    for i, text in enumerate(shipped_text, start=1):
        assert text.endswith(f"{i}/{n}"), (i, text[-40:])


def test_the_headings_and_the_summary_are_on_the_first_page(shipped_text: list[str]):
    first = shipped_text[0]
    for heading in ("PROGRESSREPORT", "QuảngNinh:Resolution01-NQ/TU", "Groupsoftargets", "Summary"):
        assert heading in first
    # The groups table, of the sample's eight targets: Annual socio-economic plans holds
    # grdp-double-digit (not achieved, -5), budget-revenue-plan-2024 (not available, left
    # out) and budget-revenue-plan-2025 (achieved, 5): 3 targets, 1 of 3 achieved, mean
    # (5 - 5) / 2 = 0, moderate progress (methodology.md, "Groups").
    assert "Annualsocio-economicplans31of3Moderateprogress0" in first


def test_a_targets_figures(shipped_text: list[str]):
    """budget-revenue-plan-2025: plan 57,330, result 82,235 (observations.csv): 82,235 /
    57,330 = 143.4 % of the plan, 24,905 above it."""
    page = next(t for t in shipped_text if "8.Budgetrevenueplan2025" in t)
    assert "Plan57,330billionVND(2025)" in page
    assert "Result82,235billionVND(2025)" in page
    assert "Shareoftheplan143.4%" in page
    assert "Difference+24,905billionVND" in page


def test_the_units_of_budget_revenue_plan_2024_are_ranked(shipped_text: list[str]):
    """Cẩm Phả is the only locality with a plan (12,771) and beat it (18,000): first. The
    other two have no plan; they follow by their latest figures, higher first
    (methodology.md, "Ranking"): Hạ Long 18,135 (2024), Móng Cái 5,000 (2023)."""
    page = next(t for t in shipped_text if "7.Budgetrevenueplan2024" in t)
    assert "ByLocality(districtleveluntil30June2025),besttoworst" in page
    table = page[page.index("RankLocality") :]
    rows = [
        # The gap after the latest figure (thirty-fourth session): Cẩm Phả's plan reached
        # ("✓"), the others with no plan of their own, no gap ("–").
        "1CẩmPhả(until2025-06-30)Targetachieved5–18,000billionVND(2024,estimate)✓yes",
        "2HạLong(until2025-06-30)Notavailable––18,135billionVND(2024,estimate)–no",
        "3MóngCái(until2025-06-30)Notavailable––5,000billionVND(2023)–no",
    ]
    at = [table.index(row) for row in rows]
    assert at == sorted(at)


def test_nothing_runs_off_the_page():
    """Every chart and every table cell lies inside the page's content box, on every page
    (WeasyPrint's layout: pypdf cannot tell where a drawing ends). The shipped plan's
    widest parts: the groups and summary tables, a level target's chart and milestones,
    a plan's tables and chart, and a broken-down target's units."""
    from qntrack.files.workspace import open_workspace, reference_day
    from qntrack.output.report import build_report
    from qntrack.output.report_pdf import pdf_document

    day = "2026-12-01"
    ws = open_workspace(str(ROOT / "targets.yaml"), day)
    chosen = ["cbct-share", "fdi-plan-2024", "budget-revenue-plan-2024"]
    data = build_report(ws.plan, ws.series, ws.store.observations, chosen, day, None, reference_day(day))
    doc = pdf_document(data, "en")
    # The body as the HTML report's print stylesheet sets it (10 pt = 40/3 CSS px), in the
    # Times New Roman-like serif the PDF asks for first.
    body = next(b for b in doc.pages[0]._page_box.descendants() if b.element_tag == "body")
    assert body.style["font_size"] == pytest.approx(40 / 3)
    assert body.style["font_family"][0] == "Times New Roman"
    charts = 0
    for number, page in enumerate(doc.pages, start=1):
        box = page._page_box
        left, top = box.content_box_x(), box.content_box_y()
        right, bottom = left + box.width, top + box.height
        for b in box.descendants():
            kind, svg = type(b).__name__, str(b.element_tag).endswith("}svg")
            if not (kind in ("TableBox", "TableCellBox") or svg):
                continue
            charts += svg
            edges = (b.position_x, b.position_y, b.position_x + b.margin_width(), b.position_y + b.margin_height())
            inside = left - 0.5 <= edges[0] and edges[2] <= right + 0.5 and top - 0.5 <= edges[1]
            assert inside and edges[3] <= bottom + 0.5, (number, kind, b.element_tag, edges, (left, top, right, bottom))
    # The groups' chart, cbct-share's and fdi-plan-2024's, and the units' chart of
    # budget-revenue-plan-2024 (which has no total figure of its own): 4.
    assert charts == 4


def test_the_text_is_set_in_a_times_like_serif(sample_pdf: Path):
    """The fonts embedded for the text: Times New Roman or one of its metric twins
    (Liberation Serif, Tinos), as README's Debian packages install."""
    page = pypdf.PdfReader(sample_pdf).pages[1]
    fonts = {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    assert any(re.search(r"Times|Liberation-?Serif|Tinos", name) for name in fonts), fonts


def test_the_sample_in_docs_is_current(sample_pdf: Path, shipped_text: list[str]):
    """docs/sample-report.pdf is what the command in docs/report.md makes. Compared page
    by page as text: the bytes depend on the WeasyPrint version and the fonts installed.
    Where they are the same bytes, they are the same text, which pypdf takes seconds to
    extract: the committed file is read as text only when its bytes differ."""
    assert SAMPLE_COMMAND in (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    committed = ROOT / "docs" / "sample-report.pdf"
    if committed.read_bytes() == sample_pdf.read_bytes():
        sample = shipped_text  # pages_text(committed) is pages_text(sample_pdf)
    else:
        sample = [squeeze(t) for t in pages_text(committed)]
    assert sample == shipped_text, f"docs/sample-report.pdf is stale: run `{SAMPLE_COMMAND}` from the repository's top"


# --- the small fixture: bytes, -o rules, refusals ------------------------------------------


def test_the_same_data_gives_the_same_bytes_and_qntrack_may_replace_them(tracker: Path, small_pdf: bytes):
    # small_pdf was written by `--format pdf -o small.pdf` in another folder, at another
    # moment: the same plan and store give the same bytes, and qntrack replaces its own file.
    assert small_pdf.startswith(b"%PDF-")
    (tracker / "a.pdf").write_bytes(small_pdf)
    assert mark_state(tracker / "a.pdf") == "qntrack"
    (tracker / "a.pdf").touch()  # whatever the file's time, its content says whose it is
    result = run("report", "-o", "a.pdf", "--as-of", "2026-01-01")
    assert result.exit_code == 0 and result.stderr == "wrote a.pdf\n"
    assert (tracker / "a.pdf").read_bytes() == small_pdf
    # No wall clock in the file: pypdf finds no creation or modification date.
    info = pypdf.PdfReader(tracker / "a.pdf").metadata
    assert "/CreationDate" not in info and "/ModDate" not in info and info["/Creator"] == "qntrack"


def test_an_edited_or_foreign_pdf_is_not_replaced_without_force(tracker: Path, small_pdf: bytes):
    folder = tracker
    edited = small_pdf + b"\n% an incremental update by a PDF editor\n"
    (folder / "r.pdf").write_bytes(edited)
    result = run("report", "-o", "r.pdf")
    assert result.exit_code == 2 and result.stderr.startswith("r.pdf: error:")
    assert (folder / "r.pdf").read_bytes() == edited
    (folder / "theirs.pdf").write_bytes(b"%PDF-1.4\nsomebody else's\n%%EOF\n")
    result = run("report", "-o", "theirs.pdf")
    assert result.exit_code == 2 and "--force" in result.stderr
    assert (folder / "theirs.pdf").read_bytes() == b"%PDF-1.4\nsomebody else's\n%%EOF\n"
    assert run("report", "-o", "theirs.pdf", "--force").exit_code == 0
    assert mark_state(folder / "theirs.pdf") == "qntrack"


def test_a_vietnamese_pdf(tracker: Path):
    """--lang vi: the headings in Vietnamese, the numbers written the Vietnamese way
    (the small plan's share target: baseline 9,8 % in 2020, conftest.py)."""
    result = run("report", "-o", "bao-cao.pdf", "--lang", "vi", "--as-of", "2026-01-01")
    assert result.exit_code == 0 and result.stderr == "đã ghi bao-cao.pdf\n"
    text = [squeeze(t) for t in pages_text(tracker / "bao-cao.pdf")]
    assert "BÁOCÁOTIẾNĐỘ" in text[0] and "Tổnghợp" in text[0]
    assert any("9,8%" in t for t in text)
    assert text[-1].endswith(f"{len(text)}/{len(text)}")


@pytest.mark.parametrize("args", [["--format", "pdf"], ["--format", "pdf", "-o", "-"]])
def test_a_pdf_is_never_written_to_standard_output(tracker: Path, args: list[str]):
    result = run("report", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "--format pdf: error: a PDF report is written only to the file -o names, never to standard output"
        " (a terminal, a pipe or a redirection): give -o report.pdf\n"
    )


def test_the_observations_file_is_never_the_pdf(tracker: Path):
    result = run("report", "--format", "pdf", "-o", "observations.csv")
    assert result.exit_code == 2 and "observations.csv" in result.stderr


def _without(name: str, error: type[Exception]) -> Any:
    real = builtins.__import__

    def fake(module: str, *args: Any, **kwargs: Any) -> Any:
        if module == name:
            raise error(f"simulated: no {name}")
        return real(module, *args, **kwargs)

    return fake


@pytest.mark.parametrize(
    "error, words",
    [(ImportError, "needs WeasyPrint, which is not installed"), (OSError, "could not be loaded")],
)
def test_a_missing_engine_is_one_clear_message(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, error: type[Exception], words: str
):
    """The package missing (ImportError) or pango missing (OSError, raised when
    WeasyPrint loads it on import): exit 1, the install commands, nothing written."""
    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(builtins, "__import__", _without("weasyprint", error))
    result = run("report", "-o", "r.pdf")
    assert result.exit_code == 1
    message = result.stderr
    # Under the name typed, the format having come from it (thirty-fifth session).
    assert message.startswith("-o r.pdf: error: the PDF report needs") and words in message
    # WeasyPrint named, not the extra: 'qntrack[pdf]' fails for an install from a clone.
    assert "pip install 'weasyprint>=62'" in message and "apt install libpango-1.0-0 libpangoft2-1.0-0" in message
    assert "Traceback" not in result.output and message.count("\n") == 1
    assert not (tracker / "r.pdf").exists()


def test_a_pdf_of_hundreds_of_pages_is_refused_before_any_layout(shipped: Path, monkeypatch: pytest.MonkeyPatch):
    # A national report (14 MB of HTML) ran past 15 minutes and 4.5 GB without ending:
    # above PDF_HTML_LIMIT the PDF is refused, with its length and what to write instead.
    # The shipped report (about 410 KB, 40 pages) stands in, with the limit lowered.
    from qntrack.output import report_pdf

    monkeypatch.setattr(report_pdf, "PDF_HTML_LIMIT", 100_000)
    r = run("report", "-o", "r.pdf")
    assert r.exit_code == 2, r.output
    pages = re.search(r"about (\d+) pages, and is written up to about 10:", r.stderr)
    assert pages and 30 <= int(pages.group(1)) <= 60, r.stderr
    assert "write --format html or docx" in r.stderr and not (shipped / "r.pdf").exists()
    vi = run("--lang", "vi", "report", "-o", "r.pdf")
    assert vi.exit_code == 2 and "báo cáo PDF này sẽ dài khoảng" in vi.stderr
    # A report of a few targets is still written.
    few = run("report", "cbct-share", "-o", "few.pdf")
    assert few.exit_code == 0, few.output
    assert (shipped / "few.pdf").read_bytes().startswith(b"%PDF")
