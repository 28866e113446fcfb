"""Defects and choices of the twenty-fourth session on issue 17 (docs/decisions.md, "The
twenty-fourth session (issue 17)"); each test was written failing first."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpers import run_clean
from test_twenty_third import shipped as shipped_tracker  # noqa: F401  (the fixture `shipped`)

ROOT = Path(__file__).resolve().parent.parent


# --- 1. A period typed the way a spreadsheet or a habit writes it, one step from a form
# qntrack reads, is refused with the form to write, not only the list of forms: a
# two-digit year (which century is a guess), a month in one digit after the year, a Roman
# month past IV without its word (V-XII are no quarter: only a month), a month and year
# joined by a dot or written year first with a slash (2011/12 may also be a fiscal year, so
# it is not read, only told). Each reading below is worked by hand from the text.

_HINTS = [
    ("Q1/26", "2026-Q1"),
    ("Quý I/26", "2026-Q1"),
    ("5/26", "2026-05"),
    ("H1/25", "2025-H1"),
    ("2026-5", "2026-05"),
    ("V/2026", "2026-05"),
    ("XII/2026", "2026-12"),
    ("2026/01", "2026-01"),
    ("01.2026", "2026-01"),
    ("2026.05", "2026-05"),
    ("1.2026", "2026-01"),
]


@pytest.mark.parametrize(("typed", "meant"), _HINTS)
def test_a_period_one_step_from_a_form_is_told_the_form(shipped: Path, typed: str, meant: str, monkeypatch):
    monkeypatch.chdir(shipped)
    result = run_clean("add-observation", "grdp_growth", typed, "9.1", "--dry-run")
    assert result.exit_code == 1, result.output
    assert f"write {meant}" in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr  # one message
    assert (shipped / "observations.csv").read_bytes() == (ROOT / "observations.csv").read_bytes()


def test_the_two_digit_year_says_why(shipped: Path, monkeypatch):
    monkeypatch.chdir(shipped)
    result = run_clean("add-observation", "grdp_growth", "Q1/26", "9.1", "--dry-run")
    assert "two-digit year" in result.stderr, result.stderr
    result = run_clean("--lang", "vi", "add-observation", "grdp_growth", "Q1/26", "9.1", "--dry-run")
    assert "năm bằng hai chữ số" in result.stderr and "2026-Q1" in result.stderr, result.stderr


@pytest.mark.parametrize("typed", ["2025/26", "FY2026", "13.2026", "2026/13", "XIII/2026", "Q1/2026/26"])
def test_text_with_no_near_form_keeps_the_list(shipped: Path, typed: str, monkeypatch):
    # 2025/26 is a fiscal year (26 is no month, and 2025/2026 no period): nothing to suggest.
    monkeypatch.chdir(shipped)
    result = run_clean("add-observation", "grdp_growth", typed, "9.1", "--dry-run")
    assert result.exit_code == 1, result.output
    assert "valid forms: 2023 (year)" in result.stderr, result.stderr
    assert "write 20" not in result.stderr, result.stderr


def test_an_import_cell_is_told_the_form_with_its_line(shipped: Path, monkeypatch):
    monkeypatch.chdir(shipped)
    (shipped / "in.csv").write_text(
        "indicator,period,value\ngrdp_growth,2026-Q1,9.0\ngrdp_growth,Q2/26,9.2\n", encoding="utf-8"
    )
    result = run_clean("add-observation", "--from", "in.csv", "--dry-run")
    assert result.exit_code == 1, result.output
    assert "in.csv" in result.stderr and "in.csv:3:" in result.stderr and "write 2026-Q2" in result.stderr, (
        result.stderr
    )


@pytest.mark.parametrize(("typed", "meant"), [("Q1/26", "2026-Q1"), ("2026-5", "2026-05"), ("V/2026", "2026-05")])
def test_targets_yaml_is_told_the_form_at_its_line(shipped: Path, typed: str, meant: str, monkeypatch):
    plan = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    line = plan[: plan.index("    period: 2022")].count("\n") + 1  # fdi-plan-2022's period
    (shipped / "targets.yaml").write_text(
        plan.replace("    period: 2022", f'    period: "{typed}"', 1), encoding="utf-8"
    )
    monkeypatch.chdir(shipped)
    result = run_clean("check")
    assert result.exit_code == 1, result.output
    assert f"targets.yaml:{line}:" in result.stderr and f"write {meant}" in result.stderr, result.stderr


# --- 2. A status in the PDF's milestones table broke inside its words ("Mode|rate
# progr|ess" under cbct-share's milestones, docs/sample-report.pdf page 3): the table's
# eleven columns let every cell break anywhere, the status's pill included. A status is
# a few short words; each line of a pill now ends at a space, in both languages.


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_status_in_the_pdf_breaks_only_between_words(lang: str):
    pytest.importorskip("weasyprint", reason="the PDF extra is in the test extra")
    from qntrack.files.workspace import open_workspace, reference_day
    from qntrack.output.report import build_report
    from qntrack.output.report_pdf import pdf_document

    day = "2026-12-01"
    ws = open_workspace(str(ROOT / "targets.yaml"), day)
    chosen = ["cbct-share", "grdp-double-digit", "budget-revenue-plan-2024"]
    data = build_report(ws.plan, ws.series, ws.store.observations, chosen, day, None, reference_day(day))
    pills = 0
    for page in pdf_document(data, lang).pages:
        for box in page._page_box.descendants():
            if type(box).__name__ != "InlineBlockBox" or "pill" not in (box.element.get("class") or ""):
                continue
            words = re.findall(r"\w+", "".join(box.element.itertext()))
            pills += 1
            for text in (t.text for t in box.descendants() if type(t).__name__ == "TextBox"):
                # Each piece of a line holds whole words ("Moderate", never "Mode").
                assert all(w in words for w in re.findall(r"\w+", text)), (lang, text, words)
    assert pills >= 6  # the summary's three, and the milestones' at least


# --- 3. A plan's path holding a space, typed unquoted before the command or after check:
# `qntrack -t ke hoach/targets.yaml status` met Click's "No such command
# 'hoach/targets.yaml'" and `qntrack check --targets ke hoach/targets.yaml` "unknown check
# 'hoach/targets.yaml'", neither saying why. Both now end with the option and the name in
# quotes, as `status -t ke hoach/targets.yaml` was told in the twenty-third session.


@pytest.fixture()
def spaced(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "ke hoach"
    folder.mkdir()
    shutil.copy(ROOT / "targets.yaml", folder / "targets.yaml")
    shutil.copy(ROOT / "observations.csv", folder / "observations.csv")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("args", "told"),
    [
        (["-t", "ke", "hoach/targets.yaml", "status"], '-t "ke hoach/targets.yaml"'),
        (["--targets", "ke", "hoach/targets.yaml", "status"], '--targets "ke hoach/targets.yaml"'),
        (["--targets=ke", "hoach/targets.yaml", "status"], '--targets "ke hoach/targets.yaml"'),
        # The folder alone: the plan in it is the file to name.
        (["-t", "ke", "hoach", "status"], '-t "ke hoach/targets.yaml"'),
        (["check", "--targets", "ke", "hoach/targets.yaml"], '--targets "ke hoach/targets.yaml"'),
        (["check", "-t", "ke", "hoach/targets.yaml", "stale"], '-t "ke hoach/targets.yaml"'),
    ],
)
def test_a_plan_path_with_a_space_is_told_to_be_quoted(spaced: Path, args: list[str], told: str):
    result = run_clean(*args)
    assert result.exit_code == 2, result.output
    assert "written in quotes" in result.stderr and told in result.stderr, result.stderr


def test_the_quoting_of_a_plan_path_in_vietnamese(spaced: Path):
    result = run_clean("--lang", "vi", "-t", "ke", "hoach/targets.yaml", "status")
    assert result.exit_code == 2, result.output
    assert "dấu nháy kép" in result.stderr and '-t "ke hoach/targets.yaml"' in result.stderr, result.stderr


@pytest.mark.parametrize("args", [["-t", "ke hoach/targets.yaml", "statsu"], ["check", "stael"]])
def test_a_mistyped_command_or_check_keeps_its_own_words(spaced: Path, args: list[str]):
    result = run_clean(*args)
    assert result.exit_code == 2, result.output
    assert "quotes" not in result.stderr and ("status" in result.stderr or "stale" in result.stderr), result.stderr


# --- 4. A chart's legend in two columns ran its long entries into the next column and
# past the picture's edge: a plan in dong (a milestone of 123,456,789,012,345.67 VND) drew
# "Path to 123,456,789,012,345.67 VND by 2030" over "Milestones", and the path to the
# first milestone off the chart's right side. Widths measured here with the font the
# charts name first (DejaVu Sans, 12 px), through Pillow, not through qntrack's estimate.

_DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _legend_boxes(svg: str) -> list[tuple[float, float, float]]:
    """Each legend entry's (column's left, text's left, text's right), in the picture's
    pixels, measured with the font itself."""
    import html
    import re as regex

    from PIL import ImageFont

    font = ImageFont.truetype(str(_DEJAVU), 12)
    at = regex.search(r'<g transform="translate\(([\d.]+), [\d.]+\)" class="legends">', svg)
    assert at is not None
    left = float(at[1])
    entries = regex.findall(
        r'<rect x="([\d.]+)" y="[\d.]+"[^>]*/>(?:<path[^>]*/>)?<text x="([\d.]+)" y="[\d.]+">([^<]*)</text>',
        svg[at.end() :],
    )
    return [
        (left + float(r), left + float(t), left + float(t) + font.getlength(html.unescape(s))) for r, t, s in entries
    ]


def test_a_long_legend_entry_never_runs_into_the_next_or_off_the_chart(tmp_path: Path, monkeypatch):
    from test_nineteenth import VND_PLAN, VND_ROWS

    assert _DEJAVU.exists(), "fonts-dejavu-core (README's Debian packages)"
    (tmp_path / "targets.yaml").write_text(VND_PLAN, encoding="utf-8")
    (tmp_path / "observations.csv").write_text(VND_ROWS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_clean("report", "--format", "markdown", "-o", "r.md", "--as-of", "2026-02-01")
    assert result.exit_code == 0, result.output
    svg = (tmp_path / "r-charts" / "revenue-level.svg").read_text(encoding="utf-8")
    boxes = _legend_boxes(svg)
    assert len(boxes) == 5
    columns = sorted({b[0] for b in boxes})
    for column, start, end in boxes:
        assert end <= 760 - 12, (start, end)  # the picture is 760 px wide, its margin 12
        later = [c for c in columns if c > column]
        if later:
            assert end + 4 <= later[0], (start, end, later[0])


# --- 5. Two passes of the session each taught `rank --as-of` to say the entries it left
# out; merged, it said them twice. Said once, after the ranking, as status says it.


def test_rank_as_of_says_its_later_entries_once(shipped: Path, monkeypatch):
    monkeypatch.chdir(shipped)
    result = run_clean("rank", "budget-revenue-plan-2024", "--as-of", "2024-06-01", "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("later entr") == 1, result.stderr
