"""Issue 17, forty-first session, helper E: the fortieth session's leftovers, each at its root.

1. One accent fold. ``plan.units.fold`` is the tool's fold of a text typed without
   Vietnamese input; ``--fail-on``'s status names (cli.gate_words) and the ids an Open SDG
   import makes (files.opensdg_import.slug) had a copy of it each. They read it now, plus
   what each needs beyond it: the gate reads '_' as a space and folds case as casefold
   does; an id reads compatibility letters (a ligature, a full-width letter, a superscript
   figure) as their plain letters (NFKD), which a unit's name does not.
2. A unit typed as a number is never offered another number. difflib's likeness between
   '2025' and '2020' is 0.75, above its cutoff: `--dim cohort=2025` was offered '2020',
   and an officer who took it recorded 2025's figure for the 2020 cohort. A figure is
   what a unit's name cannot be misspelt in: the units offered hold the same figures as
   the text typed, else none is, and the valid units are listed. The same from --dim, an
   import's column and key, ``ind[dim=unit]`` on the command line and a Python caller.
3. `--help` typed after the `--` that ends the options is told, as every other option
   there is, that it was read as a value (exit 2), never shown help nor taken as a figure.
4. `report -o`: a report whose charts folder could not be made is named as typed (it
   named '/sys/r-charts'); a path through a file (`-o targets.yaml/r.md`) is the folder
   for the output that cannot be used, exit 2 as `-o nodir/r.md` (README, "Exit codes":
   a report -o that qntrack refuses, a folder that does not exist), where it was 1.

Expected texts are the catalog's words, written out here by hand."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import qntrack
from conftest import make_tracker
from helpers import run_clean, store_bytes

# --- 1. One fold -------------------------------------------------------------------------


def _bare_before(text: str) -> str:
    """The gate's fold as it was written before this session (the reference it keeps)."""
    plain = " ".join(unicodedata.normalize("NFC", text).casefold().replace("_", " ").split())
    decomposed = unicodedata.normalize("NFD", plain.replace("\u0111", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _slug_before(text: str, allowed: str = "a-z0-9", sep: str = "_") -> str:
    """The importer's id as it was written before this session (the reference it keeps)."""
    import re

    text = text.replace("\u0111", "d").replace("\u0110", "D")
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(f"[^{allowed}]+", sep, plain.lower()).strip(sep)


# Letters a fold must get right: Vietnamese in both compositions, the d with a stroke,
# the German sharp s (casefold: 'ss'), the dotted capital I, ligatures and full-width
# letters (NFKD), superscript figures, underscores and other spaces.
_TEXTS = st.text(
    alphabet=st.sampled_from(
        list("aAdDzZ09_- .\t\u00a0\u2028")
        + list("\u0111\u0110\u00df\u0130\u1ebf\u1ec7\u01b0\u01a1\u0103\u00e2\u0301\u0323\u0309")
        + list("\ufb01\uff21\uff41\u00b2\u2460\u00bd\u2126\u212b")
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_the_gates_fold_is_the_one_fold_and_reads_as_before(text: str) -> None:
    from qntrack.cli.gate_words import _bare
    from qntrack.plan.units import fold

    # As before, but for the space a lone accent after a space left ('0 \u0301' was '0 '):
    # no name of a status holds one, and the fold's single spaces read it as the name.
    assert _bare(text) == " ".join(_bare_before(text).split())
    # What it adds to the one fold is the gate's own: '_' a space, casefold's 'ss'.
    assert _bare(text) == fold(text.replace("_", " ").casefold()).casefold()


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_the_importers_ids_read_as_before(text: str) -> None:
    from qntrack.files.opensdg_import import slug

    assert slug(text) == _slug_before(text)
    assert slug(text, "a-z0-9", "-") == _slug_before(text, "a-z0-9", "-")


@pytest.mark.parametrize(
    ("label", "made"),
    [
        ("Giới tính", "gioi_tinh"),
        ("Đơn vị", "don_vi"),
        ("Ｆｉｎａｎｃｅ", "finance"),  # full-width letters: their plain letters (NFKD)
        ("ﬁnance", "finance"),  # the 'fi' ligature a PDF's text gives
        ("CO²  emissions", "co2_emissions"),
        ("  _x__y_ ", "x_y"),
    ],
)
def test_an_imported_label_makes_the_id_a_reader_expects(label: str, made: str) -> None:
    from qntrack.files.opensdg_import import slug

    assert slug(label) == made


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Không đạt", "not_achieved"),
        ("KHONG DAT", "not_achieved"),
        ("khong_dat", "not_achieved"),  # '_' a space, as the codes' own are
        ("Đã đạt mục tiêu", "target_achieved"),
        ("da  dat muc tieu", "target_achieved"),
        ("Not_Achieved", None),  # a code in any case: read as one, nothing to tell
    ],
)
def test_a_status_typed_by_its_name_in_any_spelling_is_told_its_code(
    shipped: Path, typed: str, code: str | None
) -> None:
    r = run_clean("status", "--fail-on", typed)
    if code is None:
        assert r.exit_code in (0, 3), r.stderr
    else:
        assert r.exit_code == 2, r.stderr
        assert f"--fail-on takes the status's code: write --fail-on {code}" in " ".join(r.stderr.split()), r.stderr


def test_the_fold_is_written_once() -> None:
    # The letters without their marks are worked out in plan.units alone among the three.
    root = Path(qntrack.__file__).parent
    for module in ("cli/gate_words.py", "files/opensdg_import.py"):
        source = (root / module).read_text(encoding="utf-8")
        assert "combining" not in source and "\\u0111" not in source, module


# --- 2. A unit typed as a number ---------------------------------------------------------

_PLAN = """\
version: 1
title: Cohorts
observations: observations.csv
dimensions:
  cohort:
    name: {en: Cohort, vi: Khóa}
    values: ["2020", "2030"]
  age:
    name: {en: Age, vi: Tuổi}
    values: ["15-64", "65+"]
  group:
    name: {en: Group, vi: Nhóm}
    values: [Nhóm 1, Nhóm 2, Khác]
indicators:
  pop: {name: Population, unit: people, dimensions: [cohort, age, group]}
targets:
  - id: pop
    type: level
    indicator: pop
    baseline: {period: 2020, value: 100}
    milestones: [{by: 2030, value: 200}]
"""


@pytest.fixture
def cohorts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_tracker(tmp_path, monkeypatch, _PLAN, "indicator,period,value,status,source,note,recorded_at\n")
    return tmp_path


# Typed, and what the refusal lists: no unit is offered for any of them.
_NUMBERED = [
    ("cohort", "2025", "2020, 2030"),
    ("cohort", "2O30", "2020, 2030"),  # a letter O for the zero: its figures are 2 and 30
    ("age", "15-24", "15-64, 65+"),
    ("group", "Nhóm 3", "Nhóm 1, Nhóm 2, Khác"),
    ("group", "Nhóm", "Nhóm 1, Nhóm 2, Khác"),  # no figure typed: none guessed
]


@pytest.mark.parametrize(("dim", "typed", "valid"), _NUMBERED)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_unit_typed_with_figures_is_offered_no_other_figures(
    cohorts: Path, dim: str, typed: str, valid: str, lang: str
) -> None:
    r = run_clean("--lang", lang, "add-observation", "pop", "2024", "5", "--dim", f"{dim}={typed}")
    assert r.exit_code == 1, r.stderr
    text = " ".join(r.stderr.split())
    if lang == "en":
        assert f"'{typed}' is not a unit of '{dim}' ({dim.capitalize()}); valid: {valid}" in text, text
        assert "did you mean" not in text, text
    else:
        assert f"'{typed}' không phải là một đơn vị của '{dim}'" in text, text
        assert "có phải ý bạn là" not in text and valid in text, text
    assert store_bytes(cohorts).count(b"\n") == 1


@pytest.mark.parametrize(("dim", "typed", "valid"), _NUMBERED)
def test_the_same_from_every_place_a_unit_is_typed(cohorts: Path, dim: str, typed: str, valid: str) -> None:
    (cohorts / "a.csv").write_text(
        f"indicator,period,value,{dim}\npop,2024,5,{typed}\npop[{dim}={typed}],2024,5,\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "a.csv", "-n")
    assert r.exit_code == 1, r.stderr
    text = " ".join(r.stderr.split())
    assert text.count(f"'{typed}' is not a unit of '{dim}' ({dim.capitalize()}); valid: {valid}") == 2, text
    for args in (
        ["add-observation", f"pop[{dim}={typed}]", "2024", "5"],
        ["history", f"pop[{dim}={typed}]"],
        ["retract", f"pop[{dim}={typed}]", "2024"],
    ):
        r = run_clean(*args)
        assert r.exit_code == 1, (args, r.stderr)
        assert "did you mean" not in r.stderr and f"valid: {valid}" in " ".join(r.stderr.split()), (args, r.stderr)
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.record_many(
            "targets.yaml", [{"indicator": "pop", "period": "2024", "value": 5, f"dim:{dim}": typed}], dry_run=True
        )
    assert "did you mean" not in str(caught.value) and f"valid: {valid}" in str(caught.value), caught.value
    assert store_bytes(cohorts).count(b"\n") == 1


@pytest.mark.parametrize(
    ("dim", "typed", "offered"),
    [
        ("group", "nhom 1", "Nhóm 1"),  # the same figure, its letters misspelt: still offered
        ("group", "Nhom  2", "Nhóm 2"),
        ("group", "Khac", "Khác"),
        ("age", "65 +", "65+"),
    ],
)
def test_a_misspelt_name_with_the_same_figures_is_still_offered(
    cohorts: Path, dim: str, typed: str, offered: str
) -> None:
    r = run_clean("add-observation", "pop", "2024", "5", "--dim", f"{dim}={typed}")
    assert r.exit_code == 1, r.stderr
    assert f"did you mean '{offered}'?" in r.stderr, r.stderr


def test_the_figures_of_two_texts_are_compared_as_numbers() -> None:
    from qntrack.plan.suggest import closest_unit

    assert closest_unit("2025", ["2020", "2030"]) is None
    assert closest_unit("Nhom 05", ["Nhóm 5", "Nhóm 6"]) == "Nhóm 5"  # 05 is 5
    assert closest_unit("nhom 1", ["Nhóm 10", "Nhóm 1"]) == "Nhóm 1"
    assert closest_unit("Nhóm", ["Nhóm 1"]) is None
    assert closest_unit("Ha Lon", ["Hạ Long", "Cô Tô"]) == "Hạ Long"


def test_an_open_sdg_option_naming_another_age_band_is_offered_none(tmp_path: Path) -> None:
    # An indicator's progress option names the rows it assesses: 'Age: 15-24' where the
    # data has 15-64 and 65+ was offered "closest value: '15-64'", another age band.
    from helpers import write_repository

    files = {
        "config_data.yml": "languages:\n  - en\n",
        "data/indicator_1-1-1.csv": "Year,Age,Units,Value\n2015,15-64,Percent,10\n2020,15-64,Percent,8\n"
        "2015,65+,Percent,12\n2020,65+,Percent,13\n",
        "meta/1-1-1.md": "---\nindicator_name: Poverty rate\nprogress_calculation_options:\n"
        "- disaggregation:\n  - {field: Age, value: 15-24}\n---\n",
    }
    repo = write_repository(tmp_path / "repo", files)
    done = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2024-01-15")
    assert done.exit_code == 1, done.stderr
    assert "no row has Age = '15-24'; values: 15-64, 65+" in done.stderr, done.stderr
    assert "closest value" not in done.stderr


# --- 3. --help after '--' ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "figure"),
    [
        (["add-observation", "fdi", "2026", "--", "--help"], True),
        (["add-observation", "fdi", "--", "2026", "-h"], True),
        (["add-observation", "fdi", "2026", "--", "5", "--help"], True),
        (["status", "--", "--help"], False),
        (["status", "fdi-plan-2025", "--", "-h"], False),
        (["check", "--", "--help"], False),
        (["show", "--", "--help"], False),
        (["report", "--", "-h"], False),
    ],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_help_typed_after_a_double_dash_is_told_it_was_read_as_a_value(
    shipped: Path, args: list[str], figure: bool, lang: str
) -> None:
    before = store_bytes(shipped)
    r = run_clean("--lang", lang, *args)
    assert r.exit_code == 2, r.stderr
    assert "Show this message and exit" not in r.stdout + r.stderr
    text = " ".join(r.stderr.split())
    option = next(a for a in args[args.index("--") :] if a in ("--help", "-h"))
    if lang == "en":
        told = (f"so {option} was not read as an option", f"{option} came after '--', where every word is read")
        assert any(t in text for t in told) and "put the options before '--', or leave '--' out" in text, text
        assert ("-5 is read as a figure without it" in text) == figure, text
    else:
        told = (f"nên {option} không được đọc là tùy chọn", f"{option} đứng sau '--', nơi mọi từ đều được đọc")
        assert any(t in text for t in told) and "hãy đặt các tùy chọn trước '--', hoặc bỏ '--' đi" in text, text
        assert ("-5 vẫn được đọc là một số liệu" in text) == figure, text
    assert "không phải là số" not in text, text
    assert "not a number" not in text and "no target" not in text and "unknown check" not in text, text
    assert store_bytes(shipped) == before


def test_help_before_a_double_dash_is_still_help(shipped: Path) -> None:
    r = run_clean("add-observation", "--help", "--", "-5")
    assert r.exit_code == 0, r.stderr
    assert "Show this message and exit" in r.stdout


def test_help_after_a_double_dash_that_is_an_options_value_is_help(shipped: Path) -> None:
    # '--' is --note's value: it ends no options, and --help after it is read as help.
    r = run_clean("add-observation", "fdi", "2026", "--note", "--", "--help")
    assert r.exit_code == 0, r.stderr
    assert "Show this message and exit" in r.stdout and "was not read as an option" not in r.stderr


# --- 4. report -o whose folder cannot be used --------------------------------------------


@pytest.mark.parametrize("typed", ["targets.yaml/r.md", "targets.yaml/sub/r.md", "targets.yaml/r.docx"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_report_path_through_a_file_is_refused_as_a_missing_folder_is(shipped: Path, typed: str, lang: str) -> None:
    before = (shipped / "targets.yaml").read_bytes()
    r = run_clean("--lang", lang, "report", "-o", typed)
    assert r.exit_code == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    if lang == "en":
        assert lines[0] == f"{typed}: error: 'targets.yaml' is a file, not a folder: give a path in an existing folder"
    else:
        assert lines[0] == (
            f"{typed}: lỗi: 'targets.yaml' là một tệp, không phải thư mục: hãy cho một đường dẫn trong thư mục đã có"
        )
    assert (shipped / "targets.yaml").read_bytes() == before
    assert run_clean("report", "-o", "nodir/r.md").exit_code == 2  # the same code as a missing folder


def test_a_python_caller_is_told_the_same_with_the_same_code(shipped: Path) -> None:
    from qntrack.output.report import build_report

    ws = qntrack.open_workspace("targets.yaml")
    data = build_report(ws.plan, ws.series, ws.store.observations)
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.write_report(data, "markdown", "en", "targets.yaml/r.md")
    assert (caught.value.code, caught.value.file) == (2, "targets.yaml/r.md")
    assert "'targets.yaml' is a file, not a folder" in str(caught.value)


def test_an_export_through_a_file_is_told_the_same(shipped: Path) -> None:
    r = run_clean("export", "sdmx-csv", "-o", "targets.yaml/x.csv")
    assert r.exit_code == 2, r.stderr
    assert "targets.yaml/x.csv: error: 'targets.yaml' is a file, not a folder" in r.stderr, r.stderr
    r = run_clean("export", "opensdg", "--into", "targets.yaml/site")
    assert r.exit_code == 2, r.stderr
    assert "targets.yaml/site: error: 'targets.yaml' is a file, not a folder" in r.stderr, r.stderr


@pytest.mark.parametrize("folder", ["/proc", "/sys"])
def test_a_report_in_a_folder_that_takes_no_file_is_named_as_typed(shipped: Path, folder: str) -> None:
    # The Markdown report's charts folder is the first thing made: it failed, and the
    # refusal named it (/sys/r-charts), a folder the officer never typed.
    typed = f"{folder}/qntrack-s41e.md"
    r = run_clean("report", "-o", typed)
    assert r.exit_code == 1, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(f"{typed}: error: cannot write the report: "), lines[0]
    assert "-charts" not in lines[0] and lines[0].endswith("nothing was written"), lines[0]
    assert not os.path.lexists(f"{folder}/qntrack-s41e-charts")


def test_a_report_beside_an_unwritable_charts_folder_still_names_the_chart(shipped: Path) -> None:
    # A charts folder that is there and takes no file: the chart that could not be written
    # is named (another user's folder), not the report.
    os.symlink("/proc", shipped / "r-charts")
    r = run_clean("report", "-o", "r.md", "--force")
    assert r.exit_code == 1, r.stderr
    assert not r.stderr.startswith("r.md:"), r.stderr


# --- 5. Counts in English messages are grouped as its tables' figures are ------------------
# A count of a thousand or more was written "10000 targets" in English beside the tables'
# "10,000" (Vietnamese grouped it since the nineteenth session: "10.000"). A line, a year
# and a figure as stored are no counts: never grouped.


def test_an_english_count_is_grouped_by_commas_and_a_vietnamese_by_dots() -> None:
    from qntrack.catalog import msg, render

    assert render(msg("totals", errors=1234, warnings=999), "en") == "1,234 error(s), 999 warning(s)"
    assert render(msg("totals", errors=1234, warnings=999), "vi") == "1.234 lỗi, 999 cảnh báo"
    assert render(msg("report_targets_count", n=10000), "en") == "10,000 targets"
    assert render(msg("report_targets_count", n=10000), "vi") == "10.000 mục tiêu"
    moved = msg("starter_moved_torn_line", line=1234, size=20480, path="o.csv", side_file="o.csv.torn")
    assert render(moved, "en").startswith("moved the incomplete line 1234 (20,480 bytes) of o.csv")
    assert render(moved, "vi").startswith("đã chuyển dòng dở dang 1234 (20.480 byte) của o.csv")


def test_the_units_judged_in_a_breakdown_are_counts_in_both_languages() -> None:
    # {judged} and {absent} were left out of the counts: "1200/1500" in Vietnamese.
    from qntrack.catalog import msg, render

    said = msg("report_bd_without_figure", judged=1200, count=1500, absent=300, names="x")
    assert render(said, "en") == "1,200 of 1,500 units judged; 300 without a figure: x"
    assert render(said, "vi") == "1.200/1.500 đơn vị được đánh giá; 300 đơn vị chưa có số liệu: x"


def test_the_rows_an_open_sdg_import_left_out_are_a_count() -> None:
    # {empty} was no count: "12135 row(s) without a figure" beside "59,102 already in force".
    from qntrack.catalog import msg, render

    assert render(msg("opensdg_empty_values", empty=12135), "en").startswith("12,135 row(s) without a figure")
    assert render(msg("opensdg_empty_values", empty=12135), "vi").startswith("12.135 dòng không có số liệu")


def test_the_cells_and_days_a_message_counts_are_grouped() -> None:
    # Placeholders whose ints are counts that the list of counts left out.
    from qntrack.catalog import msg, render

    cells = msg("import_cell_count", width=1200, found=1500)
    assert render(cells, "en") == "expected 1,200 cells like the header, found 1,500"
    assert (
        render(msg("opensdg_field_count", found=1500, expected=1200), "en") == "1,500 cells where the header has 1,200"
    )
    assert "within 1,095 days of" in render(msg("check_rule_stale", days=1095), "en")
    assert render(msg("opensdg_renamed_units", renamed=2048), "en").startswith("2,048 cell(s) held")
    assert render(msg("opensdg_respelled_units", respelled=2048), "en").startswith("2,048 cell(s) write")


def test_a_count_on_the_command_line_is_grouped_and_the_figure_as_stored_is_not(shipped: Path) -> None:
    before = store_bytes(shipped)
    r = run_clean("add-observation", "fdi", "2026", "12345.5", "--source", "a" * 2001)
    assert r.exit_code == 1, r.stderr
    assert "the source is 2,001 characters long; at most 2,000 are allowed" in r.stderr, r.stderr
    r = run_clean("add-observation", "fdi", "2026", "12345.5", "-n", "--status", "estimate", "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert '"value": 12345.5' in r.stdout  # JSON keeps the figure as stored
    assert store_bytes(shipped) == before
