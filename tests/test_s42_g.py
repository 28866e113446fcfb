"""Issue 17, forty-second session, helper G: the session's per-cent sign, narrow status
table and pass S's sentences tried hostilely.

1. A unit typed with a space before it, `unit: " % of GRDP"` (a copy from a document
   that wrote "12.3 % of GRDP"), was kept with its space: the table wrote
   "12.31[1]  % of GRDP" (two spaces, the revision mark off its per-cent sign) and the
   gap "2.69  % of GRDP", where "% of GRDP" gives "12.31%[1] of GRDP" and "2.69 pp": the
   same share read as a per-cent unit or not by a space no reader sees. The unit is read
   without the spaces around it, as every other name is.
2. The Vietnamese status table on an 80-column terminal split the gap's percentage
   points between its words: "2,7" / "điểm" / "%", a "%" alone on the third line of the
   cell. A per-cent sign is never wrapped from the word before it: "điểm %" keeps one
   line ("2,7" above it, as "12,3%" above "GRDP", where the column is narrow).
3. The report's table of a target's figures put a revision's mark after the unit, "11.02%
   y/y → 11.03% y/y[2]" ("9,22% so với cùng kỳ[1]"), where status, show and the report's
   summary write it against the figure, "11.03%[1] y/y": the mark now stands against the
   figure in force in that table too.
4. The Vietnamese PDF's summary table printed the gap "2,7 điểm" / "%", the per-cent sign
   alone on the cell's next line (a narrow column: HTML on a phone and Word wrap there
   too). The HTML, PDF and Word reports write the space before a per-cent sign as a
   no-break space ("2,7 điểm\u00a0%"), so the sign stays with its word.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

_SPACED = """\
version: 1
indicators:
  share:
    name: Share F
    unit: " % of GRDP "
    direction: increase
targets:
  - id: f
    type: level
    indicator: share
    baseline: {period: 2020, value: 9.8}
    milestones:
      - {by: 2025, value: 15}
"""
_SPACED_FIGURES = """\
indicator,period,value,status,source,note,recorded_at
share,2023,12.3,official,GSO,,2024-01-01
share,2023,12.31,official,GSO,,2024-02-01
"""


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_a_unit_typed_with_spaces_is_the_per_cent_unit_it_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tracker(tmp_path, monkeypatch, _SPACED, _SPACED_FIGURES)
    table = run_clean("status", "--format", "table", "--as-of", "2024-06-01", env={"COLUMNS": "160"})
    assert table.exit_code == 0, table.stderr
    flat = _flat(table.stdout)
    # 15 - 12.31 = 2.69, percentage points of a share; the figure marked as revised.
    assert "12.31%[1] of GRDP (2023)" in flat, table.stdout
    assert "15% of GRDP by 2025" in flat and "2.69 pp" in flat, table.stdout
    assert "[1] Share F 2023: 12.3% of GRDP → 12.31% of GRDP" in flat, table.stdout
    assert "  %" not in table.stdout, table.stdout
    shown = run_clean("show", "f", "--as-of", "2024-06-01", env={"COLUMNS": "160"})
    assert "2.69 pp" in _flat(shown.stdout) and " % of GRDP" not in _flat(shown.stdout).replace("Unit % of GRDP", "")
    csv = run_clean("status", "--format", "csv", "--as-of", "2024-06-01")
    assert ",% of GRDP," in csv.stdout, csv.stdout


@pytest.mark.parametrize("width", [62, 70, 74, 76, 80, 100])
def test_a_gap_in_percentage_points_is_never_wrapped_from_its_figure(shipped: Path, width: int) -> None:
    # cbct-share: 15 - 12.3 = 2.7 percentage points, "2,7 điểm %" in Vietnamese.
    out = run_clean("--lang", "vi", "status", "--format", "table", env={"COLUMNS": str(width)})
    assert out.exit_code == 0, out.stderr
    lines = out.stdout.splitlines()
    # "2,7" above "điểm %" is a figure wrapped from its unit, as "12,3%" above "GRDP"; a
    # "%" alone under "điểm" is not.
    assert any("điểm %" in line for line in lines), out.stdout
    assert not re.search(r"điểm(?! %)", out.stdout), out.stdout
    assert not any(re.search(r"(^|  )%( |$)", line) for line in lines), out.stdout


@pytest.mark.parametrize(
    ("lang", "revised"),
    [
        # GRDP growth 2023: 11.02 (recorded 2023-11-24) revised to 11.03 (2023-11-27).
        ("en", r"11.02% y/y → 11.03%\[{n}\] y/y"),
        ("vi", r"11,02% so với cùng kỳ → 11,03%\[{n}\] so với cùng kỳ"),
    ],
)
def test_the_reports_figures_mark_a_revision_against_its_figure(shipped: Path, lang: str, revised: str) -> None:
    out = run_clean("--lang", lang, "report", "grdp-growth-plan-2023", "--format", "markdown")
    assert out.exit_code == 0, out.stderr
    assert any(revised.format(n=n) in out.stdout for n in range(1, 10)), out.stdout
    assert not re.search(r"(y/y|cùng kỳ)\\\[\d", out.stdout), out.stdout


def test_the_documents_keep_a_per_cent_sign_with_the_word_before_it(shipped: Path) -> None:
    import zipfile

    for form in ("html", "docx"):
        r = run_clean("--lang", "vi", "report", "cbct-share", "-o", f"r.{form}")
        assert r.exit_code == 0, r.stderr
    html = Path("r.html").read_text(encoding="utf-8")
    body = html[html.index("<body") :]
    # cbct-share's gap: 15 - 12.3 = 2.7 percentage points.
    assert "2,7 điểm\u00a0%" in body, body
    assert "điểm %" not in body
    with zipfile.ZipFile("r.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "2,7 điểm\u00a0%" in xml
    assert "điểm %" not in xml
