"""The lead's changes of the twenty-ninth session (issue 17): each defect's test first."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

import pytest

import qntrack
from helpers import shipped_report


def _chart_frames(path) -> list[dict[str, str]]:
    """Each embedded chart's frame (xdr:cNvPr) in the workbook's drawings: its name, which
    Excel's selection pane and a screen reader's list of objects show, and its alt text."""
    with zipfile.ZipFile(path) as z:
        drawings = "".join(z.read(n).decode() for n in sorted(z.namelist()) if n.startswith("xl/drawings/drawing"))
    frames = []
    for frame in re.findall(r"<xdr:cNvPr [^>]*>", drawings):
        attrs = {k: html.unescape(v) for k, v in re.findall(r'(\w+)="([^"]*)"', frame)}
        frames.append(attrs)
    return frames


@pytest.mark.parametrize(
    ("lang", "groups", "first"),
    [
        (
            "en",
            "Targets of each group by status",
            "CBCT share of GRDP: 15% by 2025, 30% by 2030: figures against the path",
        ),
        (
            "vi",
            "Mục tiêu của từng nhóm theo đánh giá",
            "Tỷ trọng CBCT trong GRDP: 15% năm 2025, 30% năm 2030: số liệu so với lộ trình",
        ),
    ],
)
def test_a_workbooks_charts_are_named_by_their_titles_not_chart_1(
    tmp_path_factory: pytest.TempPathFactory, lang: str, groups: str, first: str
):
    """Excel's selection pane (and the list of objects a screen reader offers) named the
    workbook's charts "Chart 1", "Chart 2"…, in both languages: an officer looking for the
    CBCT chart among four had to click each. XlsxWriter's add_chart takes a `name`; each
    chart is named by its title, in the report's language."""
    path = shipped_report(tmp_path_factory, "xlsx", lang)
    names = [f["name"] for f in _chart_frames(path)]
    # The shipped plan: the groups' chart, then the three level targets with a full-year
    # figure (cbct-share, grdp-per-capita, mining-share), as test_accessible_reports counts.
    assert len(names) == 4
    assert groups in names
    assert first in names
    assert not [n for n in names if re.fullmatch(r"Chart \d+", n)]


def test_a_word_reports_pictures_are_named_by_their_charts_titles(shipped_vi_docx):
    """Word's selection pane named every chart "Picture 1", "Picture 2"… (python-docx's
    name), beside alt texts that said what each is: each picture is named by its chart's
    title now, as the workbook's charts are."""
    with zipfile.ZipFile(shipped_vi_docx) as z:
        document = z.read("word/document.xml").decode()
    names = [html.unescape(n) for n in re.findall(r'<wp:docPr [^>]*name="([^"]*)"', document)]
    assert names[:2] == ["Các nhóm mục tiêu", "Tỷ trọng CBCT trong GRDP: 15% năm 2025, 30% năm 2030"]
    assert not [n for n in names if re.fullmatch(r"Picture \d+", n)]


@pytest.mark.parametrize(
    ("lang", "header", "target", "source"),
    [
        ("en", "Target's source", "cbct-share", "Nghị quyết 01-NQ/TU, 16/11/2020"),
        (
            "vi",
            "Nguồn của mục tiêu",
            "fdi-plan-2022",
            "Kế hoạch thu hút FDI năm 2022 của tỉnh, theo báo chí đưa tin (phunuphapluat.nguoiduatin.vn; "
            "batdongsan123.vn)",
        ),
    ],
)
def test_the_workbooks_summary_ends_with_each_targets_own_source(
    tmp_path_factory: pytest.TempPathFactory, lang: str, header: str, target: str, source: str
):
    """The Word, HTML and Markdown reports print a target's `source:` (the resolution that
    set it) under the target; the workbook, the officer's working file, had it nowhere. The
    Summary ends with it, in the workbook's language (targets.yaml's words, by hand)."""
    import openpyxl

    path = shipped_report(tmp_path_factory, "xlsx", lang)
    sheet = openpyxl.load_workbook(path)["Summary" if lang == "en" else "Tổng hợp"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][28] == header  # AC: last until the thirty-seventh session's AD (not counted)
    ids = rows[0].index("Id" if lang == "en" else "Mã")
    found = [r for r in rows[1:] if r[ids] == target]
    assert len(found) == 1 and found[0][28] == source


@pytest.mark.parametrize(
    ("lang", "fraction", "index"),
    [("en", "0.153 for 15.3", "108.5 for 8.5"), ("vi", "0,153 thay cho 15,3", "108,5 thay cho 8,5")],
)
def test_check_list_says_every_reading_of_the_jump_rule(tracker, lang: str, fraction: str, index: str):
    """`check --list` described `jump` as comparing vintages only; the rule also warns of a
    per cent saved as a fraction (twenty-second session) and of a growth rate typed as an
    index (pass V): a user choosing `--checks` had no way to know."""
    from helpers import run

    lines = run("--lang", lang, "check", "--list").stdout.splitlines()
    jump = next(line for line in lines if line.startswith("jump "))
    assert fraction in jump and index in jump


def test_the_vietnamese_messages_name_one_example_report_file():
    """The Vietnamese catalog suggested `bao-cao.docx` for the Word report and `report.html`,
    `report.xlsx`, `report.pdf` for the others (pass L's finding): one name, as the catalog's
    own example name says it (`outputs_example_name`)."""
    from qntrack.catalog import msg, render

    text = (Path(qntrack.__file__).parent / "catalog" / "vi.toml").read_text(encoding="utf-8")
    name = render(msg("outputs_example_name"), "vi")
    assert name == "bao-cao"
    assert not re.findall(r"(?:-o |> )report\.\w+", text)
    assert re.findall(r"-o bao-cao\.(html|xlsx|pdf|docx)", text)


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_python_callers_import_carries_what_its_retractions_take_with_them(shipped, dry_run: bool):
    """`add-observation --from` and `record_many` say that a retracted revision's earlier
    figure does not come back (passes O and L); a Python caller of `import_observations`
    got the withdrawal and not the note. 410 is recorded, then 4100 revising it, then a
    file retracts the period: the note names 410, as the command says it."""
    from helpers import run_clean

    import qntrack

    for value in ("410", "4100"):
        assert run_clean("add-observation", "fdi", "2026-Q3", value, "--status", "estimate", "--force").exit_code == 0
    Path("r.csv").write_text("indicator,period,value,status\nfdi,2026-Q3,,retracted\n", encoding="utf-8")
    result = qntrack.import_observations("targets.yaml", "r.csv", dry_run=dry_run)
    from qntrack.catalog import render

    said = [render(m, "en") for m in result.retraction_notes]
    assert len(said) == 1 and said[0].startswith("fdi 2026-Q3 now has no figure in force: the figure it revised, 410 ")
    if dry_run:  # the command prints the same note (once the file is in, it adds nothing)
        assert said[0] in run_clean("add-observation", "--from", "r.csv", "--dry-run").stderr
