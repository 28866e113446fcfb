"""The Word report (`report --format docx`, issue 15), read back with python-docx, an
independent reader: headings in Word's own styles and in the report's order, real tables
with the figures in their cells, the charts as print-quality images with captions, and
the page laid out as Nghị định 30/2020/NĐ-CP sets it (docs/report.md, "Word")."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.document import Document
from docx.oxml.ns import qn

from helpers import SHIPPED_DAY, made_once, on_a_terminal, run, run_clean, shipped_report


ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-12-01"
SAMPLE_DOCX_COMMAND = (
    "qntrack report --format docx -o docs/sample-report.docx --lang vi --since 2025-06-30 --as-of 2026-12-01 "
    "cbct-share cbct-va-growth-2021-2025 grdp-per-capita grdp-double-digit mining-share fdi-plan-2024 "
    "budget-revenue-plan-2024"
)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _write(folder: Path, lang: str, out: Path | None = None, *extra: str) -> Path:
    out = out or folder / f"report-{lang}.docx"
    result = run(
        "report",
        "-o",
        str(out),
        "--format",
        "docx",
        "--lang",
        lang,
        "--as-of",
        AS_OF,
        "--targets",
        str(ROOT / "targets.yaml"),
        *extra,
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def en_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped plan's English Word report, made once per session."""
    assert AS_OF == SHIPPED_DAY  # _write's report: the shipped plan's, as of AS_OF
    return shipped_report(tmp_path_factory, "docx", "en")


@pytest.fixture(scope="session")
def vi_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's Vietnamese document (docs/report.md's command), made once: the
    Vietnamese tests read it and the sample test compares it with docs/."""

    def make(out: Path) -> None:
        args = SAMPLE_DOCX_COMMAND.split()[1:]
        args[args.index("-o") + 1] = str(out)
        with pytest.MonkeyPatch.context() as mp:
            mp.delenv("QNTRACK_LANG", raising=False)
            result = run(*args, "--targets", str(ROOT / "targets.yaml"))
        assert result.exit_code == 0, result.output

    return made_once(tmp_path_factory, "sample-report-vi.docx", make)


@pytest.fixture(scope="session")
def en(en_file: Path) -> Document:
    return docx.Document(str(en_file))


@pytest.fixture(scope="session")
def vi(vi_file: Path) -> Document:
    return docx.Document(str(vi_file))


def _headings(doc: Document, level: int | None = None) -> list[str]:
    names = {f"Heading {level}"} if level else {"Heading 1", "Heading 2", "Heading 3"}
    return [p.text for p in doc.paragraphs if p.style is not None and p.style.name in names]


def _table_after(doc: Document, heading: str, nth: int = 0) -> list[list[str]]:
    """The cells of the ``nth`` table after the paragraph whose text is ``heading``."""
    body = doc.element.body
    seen = False
    count = 0
    for child in body.iterchildren():
        if child.tag == W + "p" and "".join(t.text or "" for t in child.iter(W + "t")) == heading:
            seen = True
        elif seen and child.tag == W + "tbl":
            if count == nth:
                rows = []
                for tr in child.iter(W + "tr"):
                    rows.append(["".join(t.text or "" for t in tc.iter(W + "t")) for tc in tr.iter(W + "tc")])
                return rows
            count += 1
    raise AssertionError(f"no table after {heading!r}")


def _plan() -> dict:
    return yaml.safe_load((ROOT / "targets.yaml").read_text(encoding="utf-8"))


# --- structure -----------------------------------------------------------------------------


def test_headings_use_words_heading_styles_groups_first(en: Document):
    """Word's built-in Heading 1 (style id Heading1), so the navigation pane and a table of
    contents find them; the groups first, then the summary, then the targets in plan order."""
    top = _headings(en, 1)
    targets = _plan()["targets"]
    assert top[0] == "At a glance"  # the headline first (issue 17, twenty-second session)
    assert top[1] == "Groups of targets"
    assert top[2] == "Summary"
    names = [t["name"]["en"] for t in targets]
    assert top[3 : 3 + len(names)] == [f"{i}. {name}" for i, name in enumerate(names, 1)]
    styles = {p.style.style_id for p in en.paragraphs if p.style is not None and p.style.name.startswith("Heading")}
    assert styles <= {"Heading1", "Heading2", "Heading3"} and {"Heading1", "Heading2"} <= styles
    # Under each target: its figures, its observations, its sentences, in that order.
    first = _headings(en)
    at = first.index(f"1. {names[0]}")
    assert first[at + 1 : at + 5] == ["Figures", "Milestones", "Observations", "In short"]


def test_a_toc_field_at_the_top_that_word_fills_on_opening(en_file: Path, en: Document):
    with zipfile.ZipFile(en_file) as z:
        body = z.read("word/document.xml").decode("utf-8")
        settings = z.read("word/settings.xml").decode("utf-8")
    assert 'TOC \\o "1-1" \\h \\z \\u' in body
    assert body.index("TOC \\o") < body.index("Groups of targets")
    assert '<w:updateFields w:val="true"/>' in settings


def test_the_groups_table_counts_the_plans_groups(en: Document):
    """One row per group, in the order the plan first names it, with its number of
    targets, counted here from targets.yaml itself."""
    counts: dict[str, int] = {}
    for t in _plan()["targets"]:
        if "group" in t:
            counts[t["group"]["en"]] = counts.get(t["group"]["en"], 0) + 1
    rows = _table_after(en, "Groups of targets")
    assert rows[0] == ["Group", "Targets", "Achieved", "Status", "Score", "Targets by status"]
    assert [(r[0], int(r[1])) for r in rows[1:]] == list(counts.items())
    # "2 of 2": the achieved count is said against the group's size.
    for row in rows[1:]:
        achieved, of = row[2].split(" of ")
        assert int(of) == int(row[1]) and 0 <= int(achieved) <= int(of)


def test_a_targets_key_figures(en: Document):
    """cbct-share: baseline 9.8 (2020), latest 12.3 (2023) in observations.csv; the rate
    achieved (12.3 / 9.8) ** (1 / 3) - 1 = 7.87 %, shown as +7.9 %/yr."""
    rows = dict((r[0], r[1]) for r in _table_after(en, "Figures"))
    assert rows["Baseline"] == "9.8% of GRDP (2020)"
    assert rows["Latest"] == "12.3% of GRDP (2023, estimate)"  # an estimate, said so
    assert rows["Achieved rate"] == "+7.9%/yr"
    assert rows["Status"] == "Moderate progress"


def test_observations_table_writes_sources_out_as_text(en: Document):
    rows = _table_after(en, "Observations")
    assert rows[0][:4] == ["Period", "Value", "Kind", "Source"]
    sources = [r[3] for r in rows[1:]]
    assert sources and all(s for s in sources)
    # A web source is written in full, not as its host alone (nothing to click on paper).
    assert any(s.startswith("https://") for s in sources), sources


def test_the_units_ranked_of_the_budget_revenue_plan(en: Document):
    """budget-revenue-plan-2024: only Cẩm Phả has a plan of its own (12,771) and its 2024
    figure, 18,000, is above it: target achieved, rank 1. The others have no plan assigned."""
    name = next(t["name"]["en"] for t in _plan()["targets"] if t["id"] == "budget-revenue-plan-2024")
    number = 1 + [t["id"] for t in _plan()["targets"]].index("budget-revenue-plan-2024")
    headings = _headings(en)
    at = headings.index(f"{number}. {name}")
    by = next(h for h in headings[at:] if h.startswith("By "))
    rows = _table_after(en, by)
    assert rows[0][0] == "Rank" and rows[0][1].startswith("Locality") and rows[0][2] == "Status"
    assert rows[1][0] == "1" and rows[1][1].startswith("Cẩm Phả") and rows[1][2] == "Target achieved"
    assert rows[1][5] == "18,000 billion VND (2024, estimate)"  # its kind, as the data says
    assert all(r[2] == "Not available" for r in rows[2:])


# --- charts --------------------------------------------------------------------------------


def test_every_chart_is_a_print_quality_image_with_a_numbered_caption(en: Document):
    shapes = en.inline_shapes
    captions = [p.text for p in en.paragraphs if p.style is not None and p.style.name == "Caption"]
    numbered = [c for c in captions if c.startswith("Figure ")]
    assert len(shapes) >= 3
    assert [c.split(":")[0] for c in numbered] == [f"Figure {i}" for i in range(1, len(shapes) + 1)]
    assert numbered[0] == "Figure 1: Groups of targets"
    for shape in shapes:
        blob = en.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
        assert blob[:8] == b"\x89PNG\r\n\x1a\n"
        width_px, height_px = struct.unpack(">II", blob[16:24])
        inches = shape.width / 914400  # EMU per inch
        assert width_px / inches >= 200, "print quality: 200 dpi or more at the printed width"
        # Drawn in proportion: the printed height keeps the image's aspect.
        assert abs(shape.height / shape.width - height_px / width_px) < 0.01


# --- the page: Nghị định 30/2020/NĐ-CP -----------------------------------------------------


def test_a4_with_the_decrees_margins(en: Document, vi: Document):
    for doc in (en, vi):
        s = doc.sections[0]
        assert round(s.page_width.mm) == 210 and round(s.page_height.mm) == 297
        assert 20 <= round(s.top_margin.mm) <= 25 and 20 <= round(s.bottom_margin.mm) <= 25
        assert 30 <= round(s.left_margin.mm) <= 35 and 15 <= round(s.right_margin.mm) <= 20


def test_times_new_roman_13_pt_black(en: Document):
    normal = en.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 13
    for name in ("Body Text", "Heading 1", "Heading 2", "Heading 3", "Caption", "Title"):
        style = en.styles[name]
        assert style.font.name == "Times New Roman", name
        assert str(style.font.color.rgb) == "000000", name
        fonts = style.element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:asciiTheme")) is None, f"{name}: a theme font would win over Times New Roman"
    assert en.styles["Heading 1"].font.size.pt in (13, 14)
    # The body text of the report is in that style.
    assert any(p.style.name == "Body Text" for p in en.paragraphs if p.style is not None)


def test_page_numbers_centred_at_the_top_from_page_2(en: Document):
    s = en.sections[0]
    assert s.different_first_page_header_footer  # the first page shows no number
    assert not "".join(p.text for p in s.first_page_header.paragraphs).strip()
    header = s.header.paragraphs[0]
    assert header.alignment == 1  # WD_ALIGN_PARAGRAPH.CENTER
    assert " PAGE " in "".join(t.text or "" for t in header._p.iter(W + "instrText"))


# --- Vietnamese ----------------------------------------------------------------------------


def test_lang_vi_every_word_vietnamese(vi: Document):
    top = _headings(vi, 1)
    assert top[:3] == ["Kết quả chung", "Các nhóm mục tiêu", "Tổng hợp"]
    captions = [p.text for p in vi.paragraphs if p.style is not None and p.style.name == "Caption"]
    assert captions[0] == "Hình 1: Các nhóm mục tiêu"
    assert "Mục lục" in [p.text for p in vi.paragraphs]
    # No English word of the report's own: none of the English catalog's texts (that
    # Vietnamese says differently) is a heading, a caption or a table's header cell.
    en_words = tomllib.loads((ROOT / "src/qntrack/catalog/en.toml").read_text(encoding="utf-8"))
    vi_words = tomllib.loads((ROOT / "src/qntrack/catalog/vi.toml").read_text(encoding="utf-8"))
    english = {
        text
        for section, words in en_words.items()
        for key, text in words.items()
        if isinstance(text, str) and text != vi_words.get(section, {}).get(key)
    }
    shown = _headings(vi) + captions + [c.text for t in vi.tables for c in t.rows[0].cells]
    assert sorted(set(shown) & english) == []
    rows = [[c.text for c in r.cells] for r in vi.tables[0].rows]
    assert rows[0][:2] == ["Nhóm", "Số mục tiêu"]


# --- where it is written -------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_refuses_a_terminal(shipped: Path):
    code, message = on_a_terminal(shipped, "report", "--format", "docx")
    assert code == 2
    assert "-o report.docx" in message and "Traceback" not in message


def test_a_redirect_gets_the_same_bytes_as_the_file(shipped: Path):
    out = shipped / "r.docx"
    piped = subprocess.run(
        [sys.executable, "-m", "qntrack", "report", "--format", "docx", "--as-of", AS_OF, "fdi-plan-2024"],
        capture_output=True,
        cwd=shipped,
        timeout=120,
    )
    assert piped.returncode == 0, piped.stderr
    assert run("report", "-o", str(out), "--as-of", AS_OF, "fdi-plan-2024").exit_code == 0
    assert piped.stdout == out.read_bytes()
    assert docx.Document(io.BytesIO(piped.stdout)).paragraphs


@pytest.mark.parametrize("name", ["targets.yaml", "observations.csv"])
def test_never_over_what_the_tracker_reads(shipped: Path, name: str):
    before = Path(name).read_bytes()
    result = run("report", "--format", "docx", "-o", name)
    assert result.exit_code == 2
    assert "never replaces it" in result.stderr
    assert Path(name).read_bytes() == before


def test_replaces_its_own_report_but_not_a_foreign_or_edited_one(shipped: Path):
    assert run("report", "-o", "r.docx", "fdi-plan-2024").exit_code == 0
    assert run("report", "-o", "r.docx", "fdi-plan-2024").exit_code == 0  # its own: replaced
    # Saved again by another program (here python-docx, as Word would): not qntrack's any more.
    doc = docx.Document("r.docx")
    doc.add_paragraph("Minutes of the meeting")
    doc.save("r.docx")
    edited = Path("r.docx").read_bytes()
    result = run("report", "-o", "r.docx", "fdi-plan-2024")
    assert result.exit_code == 2 and "--force" in result.stderr
    assert Path("r.docx").read_bytes() == edited
    Path("other.docx").write_bytes(b"PK\x03\x04 someone's document")
    result = run("report", "-o", "other.docx", "fdi-plan-2024")
    assert result.exit_code == 2 and "--force" in result.stderr
    assert run("report", "-o", "other.docx", "--force", "fdi-plan-2024").exit_code == 0


def test_doc_is_refused_with_what_qntrack_writes(shipped: Path):
    result = run("report", "-o", "old.doc")
    assert result.exit_code == 2
    assert "Word 97-2003" in result.stderr and ".docx" in result.stderr
    assert not Path("old.doc").exists()


# --- the same bytes --------------------------------------------------------------------------


def test_same_data_same_bytes_no_clock(shipped: Path, en: Document):
    some = ("cbct-share", "budget-revenue-plan-2024")
    assert run("report", "-o", "a.docx", "--as-of", AS_OF, *some).exit_code == 0
    assert run("report", "-o", "b.docx", "--as-of", AS_OF, *some).exit_code == 0
    assert Path("a.docx").read_bytes() == Path("b.docx").read_bytes()
    with zipfile.ZipFile("a.docx") as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert z.comment.startswith(b"<!-- generator: qntrack; sha256:")
    props = en.core_properties
    assert props.created.date().isoformat() == AS_OF and props.modified == props.created
    assert props.author == "qntrack" and props.last_modified_by == "qntrack"


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_sample_docx_is_current(vi_file: Path):
    """docs/sample-report.docx is what the command shown in docs/report.md makes. Its text,
    tables and layout are compared byte for byte; its chart images by their size in pixels
    only, as their pixels are cairo's and the fonts' on the machine that draws them
    (docs/decisions.md)."""
    assert SAMPLE_DOCX_COMMAND in (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    out = vi_file
    stale = f"docs/sample-report.docx is stale: run `{SAMPLE_DOCX_COMMAND}` from the top of the repository"
    shipped, made = _parts((ROOT / "docs" / "sample-report.docx").read_bytes()), _parts(out.read_bytes())
    assert sorted(shipped) == sorted(made), stale
    for name, data in made.items():
        if name.startswith("word/media/"):
            assert struct.unpack(">II", shipped[name][16:24]) == struct.unpack(">II", data[16:24]), stale
        else:
            assert shipped[name] == data, f"{stale} ({name} differs)"


def test_a_missing_cairo_library_is_one_message(shipped: Path, monkeypatch: pytest.MonkeyPatch):
    """cairocffi raises OSError when libcairo.so.2 is not installed: the command says
    which package to install, writes nothing and exits 1, without a traceback."""
    import builtins

    real_import = builtins.__import__

    def without_cairo(name: str, *args: object, **kwargs: object) -> object:
        if name == "cairosvg":
            raise OSError("no library called 'cairo-2' was found")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", without_cairo)
    result = run_clean("report", "-o", "r.docx", "fdi-plan-2024")
    assert result.exit_code == 1
    assert "apt-get install libcairo2" in result.stderr and "Traceback" not in result.output
    assert not Path("r.docx").exists()


def test_status_cells_are_tinted_with_the_reports_status_colours(en: Document):
    """The HTML report's colours (#1b5e20 for target achieved), 70 % lighter for print:
    0x1b + (255 - 0x1b) * 0.7 = 186.6 -> BB, 0x5e -> 206.7 -> CF, 0x20 -> 188.1 -> BC."""
    table = en.tables[0]  # the groups
    status_column = [c.text for c in table.rows[0].cells].index("Status")
    fills = {}
    for row in table.rows[1:]:
        cell = row.cells[status_column]
        shading = cell._tc.tcPr.find(qn("w:shd"))
        fills[cell.text] = shading.get(qn("w:fill"))
    assert fills.get("Target achieved") == "BBCFBC"
