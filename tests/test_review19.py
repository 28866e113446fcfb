"""Review of the nineteenth session's merged change (issue 17): each test written first
and seen failing (docs/decisions.md, "Review of the nineteenth session's merged change")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run, run_clean, write_repository
from qntrack.catalog import msg, render

# --- 1. A count under a placeholder left out of _COUNT_KEYS was not grouped ----------------


def test_counts_of_figures_and_charts_are_grouped_in_vietnamese():
    # The export's confirmation grouped its 1,500 indicators ("1.500") but not, in the same
    # sentence, its 1,234,567 figures; Open SDG's figures gone and the report's charts are
    # counts as well: "1.234.567", "1.500" (a dot every three digits, as for any count).
    said = render(msg("osexport_wrote", indicators=1500, figures=1234567, folder="d"), "vi")
    assert said == "đã ghi 1.500 chỉ tiêu (1.234.567 số liệu) thành kho dữ liệu Open SDG trong d"
    gone = render(msg("opensdg_gone", gone=1500, figures="x 2020"), "vi")
    assert gone.startswith("1.500 số liệu đang có hiệu lực không còn trong kho")
    assert (
        render(msg("cli_wrote_charts", path="p", charts=1500, folder="d"), "vi") == "đã ghi p và 1.500 biểu đồ trong d"
    )
    # English keeps its counts ungrouped, as before.
    assert render(msg("osexport_wrote", indicators=1500, figures=1234567, folder="d"), "en") == (
        "wrote 1500 indicators (1234567 figures) as an Open SDG data repository in d"
    )


# --- 2. A column's, a figure's or an item's number is no count: never grouped ---------------


def test_a_column_number_is_not_grouped():
    # The 1,001st column (index 1000) has no name: "cột 1001", as every column number is
    # written ("Unnamed: 1000" beside it is pandas' own text), not "cột 1.001".
    from qntrack.files.opensdg_repo import _unnamed_or_twice

    said = render(_unnamed_or_twice([(1000, "")]), "vi")
    assert said.startswith("cột 1001 không có tên"), said
    assert "'Unnamed: 1000'" in said


def test_an_options_item_number_is_not_grouped(tmp_path: Path):
    # 1,001 progress options, each with an infinite target: the last is "item 1001" (a
    # place in the list, as a line is), not "mục 1.001".
    options = "".join("        - target: .inf\n          target_year: 2030\n" for _ in range(1001))
    meta = (
        "        ---\n        indicator_name: Poverty rate\n        computation_units: Percent\n"
        "        auto_progress_calculation: true\n        progress_calculation_options:\n" + options + "        ---\n"
    )
    files = {
        "config_data.yml": "languages:\n  - en\n",
        "data/indicator_1-1-1.csv": "Year,Units,Value\n2015,Percent,10\n2020,Percent,8\n",
        "meta/1-1-1.md": meta,
    }
    repo = write_repository(tmp_path / "repo", files)
    done = run_clean(
        "--lang", "vi", "import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2024-01-15"
    )
    assert done.exit_code == 1, done.stderr
    assert "mục 1001 của progress_calculation_options" in done.stderr
    assert "mục 1.001" not in done.stderr


def test_a_word_reports_figure_number_is_not_grouped(tracker: Path, monkeypatch: pytest.MonkeyPatch):
    # A report whose first chart is its 1,001st figure (the writer started at 1,000): its
    # caption "Hình 1001: ...", a figure's number as Word numbers it, not "Hình 1.001".
    import docx

    from qntrack.output import report_docx

    start = report_docx._Writer.__init__

    def from_1000(self, *args, **kwargs):
        start(self, *args, **kwargs)
        self.figures = 1000

    monkeypatch.setattr(report_docx._Writer, "__init__", from_1000)
    r = run("--lang", "vi", "report", "--format", "docx", "-o", "r.docx")
    assert r.exit_code == 0, r.output
    document = docx.Document("r.docx")
    captions = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Caption"]
    assert captions and captions[0].startswith("Hình 1001: "), captions[:2]
