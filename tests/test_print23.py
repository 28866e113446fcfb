"""The office documents on an A4 printer in black and white (issue 17, twenty-third
session): the workbook's print settings, the Word milestones' numbers kept with their units,
the line charts' legend drawn as their lines.

Expected values are worked by hand in the comments, from the shipped plan (targets.yaml,
observations.csv)."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from helpers import run

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-12-01"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("print23")
    for name in ("targets.yaml", "observations.csv"):
        shutil.copyfile(ROOT / name, folder / name)
    return folder


def _report(folder: Path, name: str, *args: str) -> Path:
    out = folder / name
    result = run("report", "-o", str(out), "--as-of", AS_OF, "--targets", str(folder / "targets.yaml"), *args)
    assert result.exit_code == 0, result.output
    return out


def _pixels(ws) -> float:
    """The sheet's columns across, in pixels: 7 a character of width and 5 more, as Excel
    lays out Calibri 11; a column without a width has Excel's 8.43."""
    total = 0.0
    for col in range(1, ws.max_column + 1):
        letter = openpyxl.utils.get_column_letter(col)
        width = next(
            (d.width for d in ws.column_dimensions.values() if d.min and d.max and d.min <= col <= d.max and d.width),
            None,
        ) or (ws.column_dimensions[letter].width or 8.43)
        total += 7 * width + 5
    return total


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_table_sheet_prints_legibly_on_a4(shipped: Path, lang: str) -> None:
    # A4 landscape inside 0.7-inch margins is 11.69 - 1.4 = 10.29 inches, 988 px at 96 dpi.
    # The Summary's 20 columns were about 467 characters wide, 467 * 7 + 20 * 5 = 3,369 px:
    # one page wide printed them at 988 / 3,369 = 29 %. Each sheet of a table is now printed
    # on as many pages across as keep it at 70 % at least: pages * 988 / (its pixels plus
    # the repeated column on each page after the first) >= 0.7 (a column cannot be split,
    # so Excel's scale may come a little under: 0.6 is the floor asserted).
    book = openpyxl.load_workbook(_report(shipped, f"p-{lang}.xlsx", "--lang", lang))
    tables = [ws for ws in book.worksheets if ws.print_title_rows]
    assert len(tables) >= 4  # Summary, groups, figures, a unit sheet at least
    for ws in tables:
        setup = ws.page_setup
        assert setup.paperSize == 9 and setup.orientation == "landscape", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert setup.fitToHeight == 0, ws.title  # as long as it takes
        wide = setup.fitToWidth if setup.fitToWidth is not None else 1
        cols = ws.print_title_cols
        assert cols, f"{ws.title}: no key column repeated on each page across"
        letter = cols.split(":")[0].strip("$")
        kept = 7 * (ws.column_dimensions[letter].width or 8.43) + 5
        scale = wide * 988 / (_pixels(ws) + (wide - 1) * kept)
        assert scale >= 0.6, (ws.title, wide, round(scale, 2))
    summary = book.worksheets[0]
    # The Summary's 4th column is the target's name: it is the one repeated on each page.
    assert summary.print_title_cols == "$D:$D"
    assert summary.print_title_rows == "$1:$1"
    assert (summary.page_setup.fitToWidth or 1) >= 3  # 3,369 px at 70 % is 2.4 pages of 1,411 px at least


@pytest.mark.parametrize(("lang", "words"), [("en", "beyond the target by "), ("vi", "đã vượt mục tiêu ")])
def test_a_gap_passed_fits_its_column_in_words(shipped: Path, lang: str, words: str) -> None:
    # cbct-va-growth-2021-2025: 2021's growth 32.19 against the plan's 17 (targets.yaml), a
    # gap of 17 - 32.19 = -15.19, written by the cell's format "beyond the target by 15.19"
    # (26 characters; "đã vượt mục tiêu 15.19", 22). The column was as wide as "-15.19" and
    # the longest figure, so Excel and LibreOffice printed "###" in its place.
    book = openpyxl.load_workbook(_report(shipped, f"gap-{lang}.xlsx", "--lang", lang))
    ws = book.worksheets[0]
    gap = next(c.column_letter for c in ws[1] if c.value == ("Gap" if lang == "en" else "Còn thiếu"))
    width = next(d.width for d in ws.column_dimensions.values() if d.min <= ws[gap + "1"].column <= d.max)
    row = next(r for r in ws.iter_rows(min_row=2) if r[2].value == "cbct-va-growth-2021-2025")
    cell = ws[f"{gap}{row[0].row}"]
    assert cell.value == pytest.approx(-15.19)
    assert words.strip() in cell.number_format
    assert width >= len(words + "15.19")
    for r in ws.iter_rows(min_row=2):
        value = ws[f"{gap}{r[0].row}"].value
        if isinstance(value, (int, float)) and value < 0:
            # every gap passed, its figure with its thousands and two decimals at most
            assert width >= len(words + f"{-value:,.2f}"), (r[2].value, value, width)


def _legend_samples(svg: str) -> dict[str, str]:
    """Each legend entry's text and how its sample is drawn with colour taken out: the
    line's dashes ("solid" for none), or "square" for a filled box."""
    import re

    samples = {}
    for entry in re.findall(r'<g id="[^"]*activate-serie-\d+"[^>]*>(.*?)</g>', svg, re.S):
        text = re.search(r"<text[^>]*>([^<]*)</text>", entry).group(1)
        line = re.search(r'<path [^>]*style="([^"]*)"', entry)
        if line is None:
            samples[text] = "square"
            continue
        dashes = re.search(r"stroke-dasharray:\s*([\d.,]+)", line.group(1))
        samples[text] = dashes.group(1) if dashes else "solid"
    return samples


def test_the_line_charts_legend_draws_each_line_as_it_is_dashed(shipped: Path) -> None:
    # cbct-share (targets.yaml): milestones 15 % by 2025 and 30 % by 2030, so its chart
    # draws the figures (solid), a path to each milestone (the first orange, the second
    # brown: the same grey on paper) and the projection (dotted). The legend drew a
    # coloured square for each; now a short line dashed as its line, and the second path
    # dashed differently from the first, so a grey printout tells all four apart.
    _report(shipped, "lines.md", "--format", "markdown")
    svg = (shipped / "lines-charts" / "cbct-share.svg").read_text(encoding="utf-8")
    samples = _legend_samples(svg)
    lines = {
        "Actual (full year)": samples["Actual (full year)"],
        "path 15": samples["Path to 15% of GRDP by 2025"],
        "path 30": samples["Path to 30% of GRDP by 2030"],
        "projection": samples["At the achieved pace"],
    }
    assert lines["Actual (full year)"] == "solid"
    assert "square" not in lines.values()
    assert len(set(lines.values())) == 4, lines
    # The plot draws each path as its legend says: serie-1 and serie-2 in the chart's CSS.
    import re

    css = dict(re.findall(r"\.series\.serie-(\d+)\{[^}]*?stroke-dasharray:([\d.,]+)", svg))
    assert css["1"] == lines["path 15"] and css["2"] == lines["path 30"], css


def _chart_xmls(book: Path) -> list[str]:
    import zipfile

    with zipfile.ZipFile(book) as z:
        return [z.read(n).decode("utf-8") for n in sorted(z.namelist()) if n.startswith("xl/charts/chart")]


def test_excels_groups_chart_tells_statuses_apart_without_colour(shipped: Path) -> None:
    # The shipped plan's groups hold five statuses between them (docs/decisions.md, the
    # groups chart's fix: achieved, substantial, moderate, not achieved, not available).
    # Excel's stacked bars filled each with its colour only; each is now drawn as the
    # report's SVG draws it: achieved solid, the others a pattern over the colour
    # (/ for substantial, dots for moderate, \\ for not achieved, | for not available).
    import re

    book = _report(shipped, "groups.xlsx")
    groups = next(x for x in _chart_xmls(book) if "<c:barChart>" in x)
    fills = []
    for ser in re.findall(r"<c:ser>(.*?)</c:ser>", groups, re.S):
        own = ser.split("<c:cat>")[0]  # the series' own shape, not its data labels
        pattern = re.search(r'<a:pattFill prst="(\w+)"', own)
        fills.append(pattern.group(1) if pattern else ("solid" if "<a:solidFill>" in own else "none"))
    assert len(fills) == 5, fills
    assert len(set(fills)) == 5, fills
    assert fills[0] == "solid"  # achieved, as the SVG's
    assert fills[1:] == ["wdUpDiag", "pct20", "wdDnDiag", "ltVert"], fills


def test_excels_line_chart_dashes_the_second_path_otherwise(shipped: Path) -> None:
    # cbct-share's chart on the workbook's Charts sheet: its two paths (to 15 % by 2025, to
    # 30 % by 2030) were both "dash"; the second is now dash-dotted, as in the reports.
    book = _report(shipped, "lines.xlsx")
    line = next(x for x in _chart_xmls(book) if "<c:lineChart>" in x and "2030" in x)
    assert '<a:prstDash val="dash"/>' in line and '<a:prstDash val="dashDot"/>' in line


def test_the_headline_sheet_prints_on_one_a4_page_wide(shipped: Path) -> None:
    # The headline sheet ("Kết quả chung") has two columns, 72 and 12 characters wide:
    # 72 * 7 + 5 + 12 * 7 + 5 = 598 px, under A4 portrait's 8.27 - 1.4 = 6.87 inches (659
    # px). It had no print settings: LibreOffice printed its counts' column on a page of its
    # own (pages 2 and 3 of the Vietnamese workbook's PDF). Now A4, one page wide.
    book = openpyxl.load_workbook(_report(shipped, "headline-vi.xlsx", "--lang", "vi"))
    ws = book.worksheets[1]
    assert ws.title == "Kết quả chung"
    assert ws.page_setup.paperSize == 9
    assert ws.page_setup.orientation != "landscape"
    assert ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth if ws.page_setup.fitToWidth is not None else 1) == 1
    assert ws.page_setup.fitToHeight == 0
