"""Issue 17, forty-second session, helper A: the forty-first session's leftovers, at their roots.

1. A path through a file for the commands that create folders. `report -o
   targets.yaml/r.md`, `export -o` and `export opensdg --into` through a file exit 2 since
   the forty-first session ("'targets.yaml' is a file, not a folder"); `init targets.yaml/x`
   and `import opensdg REPO --into targets.yaml/x` still exited 1 with the system's "Not a
   directory", the import only after reading the whole repository. Now the same message
   family and the same code (a usage mistake, README "Exit codes"), before any work, from
   the command line and from the library's ``write_starter`` and ``import_opensdg``; and
   `init targets.yaml`, a file where the folder goes, exits 2 as `import opensdg --into
   targets.yaml` and `export opensdg --into targets.yaml` do.

Expected texts are the catalog's words, written out here by hand."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import run_clean, write_repository

# --- 1. A path through a file, for the commands that create the folders it names ---------

_MADE = {
    "en": "'targets.yaml' is a file, not a folder: give a path through folders (the folders not there yet are created)",
    "vi": "'targets.yaml' là một tệp, không phải thư mục: hãy cho một đường dẫn đi qua các thư mục"
    " (thư mục nào chưa có sẽ được tạo)",
}
_ERROR = {"en": "error", "vi": "lỗi"}


def _repository(root: Path, *, broken: bool = False) -> Path:
    """A one-indicator Open SDG repository; ``broken``: its option names a row it lacks (an
    error the import finds only once it reads the repository)."""
    option = "progress_calculation_options:\n- disaggregation:\n  - {field: Age, value: 15-24}\n" if broken else ""
    return write_repository(
        root,
        {
            "config_data.yml": "languages:\n  - en\n",
            "data/indicator_1-1-1.csv": "Year,Age,Value\n2015,15-64,10\n2020,15-64,8\n",
            "meta/1-1-1.md": f"---\nindicator_name: Poverty rate\n{option}---\n",
        },
    )


def _unchanged(folder: Path, before: dict[str, bytes]) -> None:
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


@pytest.mark.parametrize("typed", ["targets.yaml/x", "targets.yaml/x/y", "./targets.yaml/x/"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_init_through_a_file_is_refused_as_a_report_through_one_is(shipped: Path, typed: str, lang: str) -> None:
    before = {p.name: p.read_bytes() for p in shipped.iterdir() if p.is_file()}
    r = run_clean("--lang", lang, "init", typed)
    assert r.exit_code == 2, r.stderr
    assert r.stderr.strip().splitlines() == [f"{typed}: {_ERROR[lang]}: {_MADE[lang]}"]
    assert r.stdout == ""
    _unchanged(shipped, before)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_import_into_a_path_through_a_file_is_refused_before_the_repository_is_read(
    shipped: Path, tmp_path: Path, lang: str
) -> None:
    # The repository has an error of its own: the folder is refused first, alone, as
    # `export opensdg --into targets.yaml/site` is (it said the repository's errors, exit 1).
    repo = _repository(tmp_path / "repo", broken=True)
    before = {p.name: p.read_bytes() for p in shipped.iterdir() if p.is_file()}
    for extra in ([], ["--dry-run"], ["--force"]):
        r = run_clean("--lang", lang, "import", "opensdg", str(repo), "--into", "targets.yaml/x", *extra)
        assert r.exit_code == 2, (extra, r.stderr)
        assert r.stderr.strip().splitlines() == [f"targets.yaml/x: {_ERROR[lang]}: {_MADE[lang]}"], extra
    _unchanged(shipped, before)


def test_a_sound_import_through_a_file_is_refused_with_the_same_code(shipped: Path, tmp_path: Path) -> None:
    repo = _repository(tmp_path / "repo")
    r = run_clean("import", "opensdg", str(repo), "--into", "targets.yaml/x/y", "--recorded-at", "2024-01-15")
    assert r.exit_code == 2, r.stderr
    assert r.stderr.strip().splitlines() == [f"targets.yaml/x/y: error: {_MADE['en']}"]
    # The same repository into a folder that is not there yet is imported, its folders made.
    r = run_clean("import", "opensdg", str(repo), "--into", "new/x/y", "--recorded-at", "2024-01-15")
    assert r.exit_code == 0, r.stderr
    assert (shipped / "new/x/y/targets.yaml").is_file()


def test_the_library_says_the_same_with_the_command_s_code(shipped: Path, tmp_path: Path) -> None:
    from qntrack import InputError
    from qntrack.files.opensdg_run import import_opensdg
    from qntrack.files.starter import write_starter

    repo = _repository(tmp_path / "repo", broken=True)
    for call in (
        lambda: write_starter(Path("targets.yaml/x")),
        lambda: import_opensdg(repo, "targets.yaml/x"),
        lambda: import_opensdg(repo, Path("targets.yaml/x/y"), dry_run=True),
    ):
        with pytest.raises(InputError) as caught:
            call()
        assert caught.value.code == 2
        assert str(caught.value).endswith(_MADE["en"]), str(caught.value)
    assert not (shipped / "x").exists()


_THROUGH_LINK = {
    "en": "'share' is a symbolic link to /nonexistent-s42a, a folder that does not exist (a drive or shared"
    " folder that is not mounted?); nothing is made through it: mount it, or correct the link",
    "vi": "'share' là liên kết tượng trưng tới /nonexistent-s42a, một thư mục không tồn tại (ổ đĩa hay thư mục"
    " chia sẻ chưa được gắn?); không tạo gì qua liên kết này: hãy gắn ổ đó, hoặc sửa liên kết",
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_path_through_a_link_to_nothing_is_refused_as_the_link_is(shipped: Path, tmp_path: Path, lang: str) -> None:
    # Found in the hostile try: `init share/x` with share a link to a share not mounted
    # said "File exists: choose another name" (exit 1), `export opensdg --into share/x`
    # "No such file or directory ... create the folder first" (exit 1), and `import opensdg
    # --into share/x` read the whole repository first; `--into share` itself is refused as a
    # link to nothing (exit 2). Each is now told the link, exit 2, nothing made anywhere.
    import os

    os.symlink("/nonexistent-s42a", shipped / "share")
    repo = _repository(tmp_path / "repo", broken=True)
    for args in (
        ["init", "share/x"],
        ["import", "opensdg", str(repo), "--into", "share/x"],
        ["export", "opensdg", "--into", "share/x/site"],
        ["export", "sdmx-csv", "-o", "share/x.csv"],
        ["report", "-o", "share/r.md"],
    ):
        r = run_clean("--lang", lang, *args)
        assert r.exit_code == 2, (args, r.stderr)
        typed = next(a for a in args if a.startswith("share/"))
        assert r.stderr.strip().splitlines() == [f"{typed}: {_ERROR[lang]}: {_THROUGH_LINK[lang]}"], args
    assert not os.path.lexists("/nonexistent-s42a")
    # The link itself, as init and import are given it: the same words, the same code.
    r = run_clean("init", "share")
    assert r.exit_code == 2, r.stderr
    assert r.stderr.strip() == "share: error: " + _THROUGH_LINK["en"].split(" ", 1)[1]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_init_of_a_file_exits_as_an_into_of_a_file_does(shipped: Path, lang: str) -> None:
    # `import opensdg --into targets.yaml` and `export opensdg --into targets.yaml` exit 2:
    # the folder for the output is a file. `init targets.yaml` said so with exit 1.
    r = run_clean("--lang", lang, "init", "targets.yaml")
    assert r.exit_code == 2, r.stderr
    said = {
        "en": "is a file, not a folder: give the path of a folder (init creates one that does not exist)",
        "vi": "là một tệp, không phải thư mục: hãy cho đường dẫn của một thư mục (init sẽ tạo thư mục nếu chưa có)",
    }
    assert r.stderr.strip().splitlines() == [f"targets.yaml: {_ERROR[lang]}: {said[lang]}"]


# --- 2. A YAML merge key in an Open SDG metadata file -------------------------------------

_META_MERGED = """\
---
indicator_name: Poverty rate
common: &common
  computation_units: Percent
  reporting_status: complete
<<: *common
progress_calculation_options:
- &first
  direction: negative
  target: 5
  target_year: 2030
- <<: *first
  target: 7
  target_year: 2025
---
"""


def _merged_repository(root: Path, meta: str, config: str = "languages:\n  - en\n") -> Path:
    return write_repository(
        root,
        {
            "config_data.yml": config,
            "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
            "meta/1-1-1.md": meta,
        },
    )


def test_a_merge_key_in_metadata_is_read_as_open_sdg_reads_it(shipped: Path, tmp_path: Path) -> None:
    # The second option is the first's keys with its own target and year over them (YAML's
    # rule: a key written beside the merge wins); the unit comes from the merged mapping.
    import yaml

    repo = _merged_repository(tmp_path / "repo", _META_MERGED)
    r = run_clean("import", "opensdg", str(repo), "--into", "t", "--recorded-at", "2024-01-15")
    assert r.exit_code == 0, r.stderr
    assert "twice" not in r.stderr and "warning" not in r.stderr, r.stderr
    plan = yaml.safe_load((shipped / "t/targets.yaml").read_text(encoding="utf-8"))
    assert plan["indicators"]["1_1_1"]["unit"] == "%"
    first, second = plan["targets"]
    assert (first["direction"], first["target"], first.get("target_year", 2030)) == ("decrease", 5, 2030)
    assert (second["direction"], second["target"], second["target_year"]) == ("decrease", 7, 2025)


_NOT_MERGEABLE = {
    "en": "'<<' is a YAML merge key, which copies the keys of a mapping into this one: its value is an"
    " anchor's mapping (<<: *common) or a list of them (<<: [*common, *more]), not a single value or a list"
    " of values; Open SDG cannot read this file either",
    "vi": "'<<' là khóa gộp của YAML, dùng để chép các khóa của một ánh xạ vào ánh xạ này: giá trị của nó là"
    " ánh xạ của một neo (<<: *common) hoặc danh sách các neo như vậy (<<: [*common, *more]), không phải"
    " một giá trị đơn hay danh sách giá trị; Open SDG cũng không đọc được tệp này",
}


@pytest.mark.parametrize(
    ("meta", "line"),
    [
        ("---\nindicator_name: Poverty rate\n<<: 5\n---\n", 3),
        ("---\nindicator_name: Poverty rate\nnames: &n [a, b]\n<<: *n\n---\n", 4),
        ("---\nindicator_name: Poverty rate\nc: &c {reporting_status: complete}\n\n<<: [*c, x]\n---\n", 5),
        (
            "---\nindicator_name: Poverty rate\nprogress_calculation_options:\n- direction: negative\n"
            "  <<: target\n---\n",
            5,
        ),
    ],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_merge_key_that_cannot_merge_is_told_at_its_line_in_the_reader_s_words(
    shipped: Path, tmp_path: Path, meta: str, line: int, lang: str
) -> None:
    repo = _merged_repository(tmp_path / "repo", meta)
    r = run_clean("--lang", lang, "import", "opensdg", str(repo), "--into", "t", "--recorded-at", "2024-01-15")
    assert r.exit_code == 1, r.stderr
    assert r.stderr.strip().splitlines()[0] == f"meta/1-1-1.md:{line}: {_ERROR[lang]}: {_NOT_MERGEABLE[lang]}"
    assert "PyYAML" not in r.stderr, r.stderr
    assert not (shipped / "t").exists()


def test_a_merge_key_that_cannot_merge_in_config_data_is_told_at_its_line(shipped: Path, tmp_path: Path) -> None:
    repo = _merged_repository(tmp_path / "repo", _META_MERGED, config="l: &l\n  - en\nlanguages: *l\n<<: 3\n")
    r = run_clean("import", "opensdg", str(repo), "--into", "t", "--recorded-at", "2024-01-15")
    assert r.exit_code == 1, r.stderr
    assert r.stderr.strip().splitlines()[0] == f"config_data.yml:4: error: {_NOT_MERGEABLE['en']}"
    assert not (shipped / "t").exists()


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_two_merge_keys_in_one_mapping_are_told_to_be_one_list(shipped: Path, tmp_path: Path, lang: str) -> None:
    meta = (
        "---\nindicator_name: Poverty rate\na: &a {target: 5}\nb: &b {target: 7}\n"
        "progress_calculation_options:\n- direction: negative\n  target_year: 2030\n  <<: *a\n  <<: *b\n---\n"
    )
    repo = _merged_repository(tmp_path / "repo", meta)
    r = run_clean("--lang", lang, "import", "opensdg", str(repo), "--into", "t", "--recorded-at", "2024-01-15")
    assert r.exit_code == 1, r.stderr
    said = {
        "en": "a second merge key ('<<') in this mapping, after the one on line 8: write one, its anchors"
        " in a list (<<: [*first, *second]; a key both give is the first's)",
        "vi": "khóa gộp ('<<') thứ hai trong ánh xạ này, sau khóa ở dòng 8: hãy viết một khóa, các neo của nó"
        " trong một danh sách (<<: [*first, *second]; khóa có ở cả hai lấy theo neo thứ nhất)",
    }
    assert r.stderr.strip().splitlines()[0] == f"meta/1-1-1.md:9: {_ERROR[lang]}: {said[lang]}"
    assert "&a" not in r.stderr, r.stderr
    assert not (shipped / "t").exists()


def test_a_quoted_merge_sign_given_twice_is_a_key_given_twice(shipped: Path, tmp_path: Path) -> None:
    # '"<<"' in quotes is a key like any other (found in the hostile try: it was told to be
    # a second merge key).
    meta = '---\nindicator_name: Poverty rate\n"<<": 1\n"<<": 2\n---\n'
    repo = _merged_repository(tmp_path / "repo", meta)
    r = run_clean("import", "opensdg", str(repo), "--into", "t", "--recorded-at", "2024-01-15")
    assert r.exit_code == 0, r.stderr
    assert "meta/1-1-1.md:4: warning: '<<' is given twice: '1' on line 3, '2' here" in r.stderr, r.stderr
    assert "merge" not in r.stderr, r.stderr


def test_the_keys_given_twice_are_looked_for_once_in_each_node() -> None:
    # An alias is the node it names: a mapping of nine aliases of a mapping of nine aliases
    # ... was walked 9**depth times (a few lines of metadata held the import for minutes).
    from yaml.nodes import MappingNode, ScalarNode

    from qntrack.files.yaml_nodes import keys_twice

    class Counted(MappingNode):
        reads = 0

        @property  # type: ignore[override]
        def value(self) -> list[tuple[ScalarNode, object]]:
            Counted.reads += 1
            return self._pairs

        @value.setter
        def value(self, pairs: list[tuple[ScalarNode, object]]) -> None:
            self._pairs = pairs

    def key(text: str) -> ScalarNode:
        return ScalarNode("tag:yaml.org,2002:str", text)

    node = Counted("tag:yaml.org,2002:map", [(key("k"), key("x"))])
    for _ in range(12):  # 12 levels of 9 aliases each: 9**12 paths, 13 nodes
        node = Counted("tag:yaml.org,2002:map", [(key(f"k{j}"), node) for j in range(9)])
    assert keys_twice(node, "") == []
    assert Counted.reads == 13


# --- 3. One fold for the dataflow id and the legend's measure -----------------------------


def _structure_id_before(title: str) -> str:
    """The SDMX-CSV dataflow id as written before this session (the reference it keeps)."""
    text = title.replace("\u0111", "d").replace("\u0110", "D")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Z0-9]+", "_", plain.upper()).strip("_")[:40].rstrip("_")
    return f"QNTRACK:DF_{slug or 'TRACKER'}(1.0)"


def _text_px_before(text: str, size: float = 12.0) -> float:
    """A legend's text measured as before this session (the reference it keeps)."""
    from qntrack.output.chart_legend import _ADVANCE

    total = 0
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            continue
        code = ord(char)
        total += _ADVANCE[code - 32] if 32 <= code < 127 else 1000
    return total * size / 1000


# Vietnamese in both compositions, the crossed d, combining marks alone, full-width letters
# and figures, ligatures, superscripts, the sharp s, the dotted capital I, the Kelvin and
# Angstrom signs, and the spaces Unicode has: no-break, ideographic, line and paragraph
# separators, NEL, Ogham's.
_ODD = st.text(
    alphabet=st.sampled_from(
        list("aAdDzZ09_- .\t")
        + list("\u0111\u0110\u1ebf\u1ec7\u01b0\u01a1\u0103\u00e2\u1ea0\u1ef9\u0301\u0323\u0309\u0300\u0303")
        + list("Quảng Ninh Hạ Long Cẩm Phả Đầm Hà")
        + list("\uff21\uff41\uff10\uff15\ufb01\ufb02\u00b2\u2460\u00bd\u00df\u1e9e\u0130\u0131\u212a\u212b")
        + list("\u00a0\u3000\u2028\u2029\u0085\u1680\u200b\u00ad")
    ),
    max_size=16,
)
# The spaces the one fold reads as spaces (str.split) that NFKD leaves as they are.
_SEPARATORS = {ord(c): " " for c in "\u2028\u2029\u0085\u1680"}


@settings(max_examples=400, deadline=None)
@given(_ODD)
def test_the_dataflow_id_reads_as_before(title: str) -> None:
    from qntrack.files.sdmx_csv import structure_id

    made = structure_id(SimpleNamespace(title=title))  # type: ignore[arg-type]
    # As before, but for a separator between words, which separates them now.
    assert made == _structure_id_before(title.translate(_SEPARATORS))
    if not set(title) & {chr(c) for c in _SEPARATORS}:
        assert made == _structure_id_before(title)


@pytest.mark.parametrize(
    ("title", "made"),
    [
        # The en dash has no ASCII letter: left out, as before, the years run together.
        ("Kế hoạch Quảng Ninh 2021–2025", "QNTRACK:DF_KE_HOACH_QUANG_NINH_20212025(1.0)"),
        ("Đề án phát triển", "QNTRACK:DF_DE_AN_PHAT_TRIEN(1.0)"),
        ("ＧＲＤＰ  ２０２５", "QNTRACK:DF_GRDP_2025(1.0)"),  # full-width: its plain letters
        ("Quảng\u2028Ninh", "QNTRACK:DF_QUANG_NINH(1.0)"),  # was QUANGNINH: two words run together
        ("Straße", "QNTRACK:DF_STRAE(1.0)"),  # no ASCII letter for the sharp s: left out, as before
        ("Ⅻ", "QNTRACK:DF_XII(1.0)"),
        ("東京", "QNTRACK:DF_TRACKER(1.0)"),
    ],
)
def test_a_title_makes_the_dataflow_id_a_reader_expects(title: str, made: str) -> None:
    from qntrack.files.sdmx_csv import structure_id

    assert structure_id(SimpleNamespace(title=title)) == made  # type: ignore[arg-type]


@settings(max_examples=400, deadline=None)
@given(_ODD)
def test_a_legend_s_text_measures_as_before(text: str) -> None:
    from qntrack.output.chart_legend import text_px

    # As before, but for the crossed d, measured as the d it is drawn as.
    assert text_px(text) == _text_px_before(text.replace("\u0111", "d").replace("\u0110", "D"))
    if "\u0111" not in text and "\u0110" not in text:
        assert text_px(text) == _text_px_before(text)
    assert text_px(text, 10) == _text_px_before(text.replace("\u0111", "d").replace("\u0110", "D"), 10)


def test_the_crossed_d_is_as_wide_as_the_d_it_is_drawn_as() -> None:
    # DejaVu Sans (the charts' first font), hmtx at 2048 units an em: 'd' and 'đ' (dcroat)
    # 1300, 634.8 thousandths; 'D' 1577, 770.0; 'Đ' (Dcroat) 1587, 774.9. Counted a whole
    # em (1000) before, 57 % too wide for 'đ'; now 635 and 770, the table's d and D.
    from qntrack.output.chart_legend import text_px

    assert text_px("đ", 1000) == 635
    assert text_px("Đ", 1000) == 770
    assert text_px("Đầm Hà", 12) == text_px("Dầm Hà", 12)
    # Case and spaces are measured as written: the one fold's lower case is not taken.
    assert text_px("A", 1000) == 684 and text_px("a", 1000) == 613
    assert text_px("a  b", 1000) == 613 + 318 + 318 + 635


def test_the_marks_are_taken_off_in_one_place() -> None:
    import qntrack

    root = Path(qntrack.__file__).parent
    for module in ("files/sdmx_csv.py", "output/chart_legend.py"):
        source = (root / module).read_text(encoding="utf-8")
        assert "combining" not in source and "\\u0111" not in source and '"NFD"' not in source, module


# --- 4. Full-width digits in a unit's name ------------------------------------------------

_COHORTS = """\
version: 1
title: Cohorts
observations: observations.csv
dimensions:
  cohort:
    name: {en: Cohort, vi: Khóa}
    values: ["2020", "2030"]
  group:
    name: {en: Group, vi: Nhóm}
    values: [Nhóm 1, Nhóm 2, Khác]
  site:
    name: {en: Site, vi: Điểm}
indicators:
  pop: {name: Population, unit: people, dimensions: [cohort, group, site]}
targets:
  - id: pop-by-cohort
    type: level
    indicator: pop
    for_each: cohort
    baseline: {period: 2020, value: 100}
    milestones: [{by: 2030, value: 200}]
"""
_HEADER = "indicator,period,value,status,source,note,recorded_at\n"


@pytest.fixture
def wide_cohorts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, _COHORTS, _HEADER)


def _keys(folder: Path) -> list[str]:
    return [line.split(",")[0] for line in store_text(folder).splitlines()[1:]]


def store_text(folder: Path) -> str:
    return (folder / "observations.csv").read_text(encoding="utf-8")


# Full-width (U+FF10..), Arabic-Indic (U+0660..) and Devanagari (U+0966..) digits.
_WIDE_2020 = ["\uff12\uff10\uff12\uff10", "\u0662\u0660\u0662\u0660", "\u0968\u0966\u0968\u0966"]


@pytest.mark.parametrize("typed", _WIDE_2020)
def test_a_unit_typed_in_full_width_digits_is_that_unit_on_the_command_line(wide_cohorts: Path, typed: str) -> None:
    r = run_clean("add-observation", "pop", "2024", "5", "--dim", f"cohort={typed}", "--source", "s")
    assert r.exit_code == 0, r.stderr
    r = run_clean("add-observation", f"pop[cohort={typed};group=Nhóm \uff12]", "2025", "6", "--source", "s")
    assert r.exit_code == 0, r.stderr
    assert _keys(wide_cohorts) == ["pop[cohort=2020]", "pop[cohort=2020;group=Nhóm 2]"]
    shown = run_clean("show", "pop-by-cohort", "--dim", f"cohort={typed}")
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout == run_clean("show", "pop-by-cohort", "--dim", "cohort=2020").stdout
    assert run_clean("history", f"pop[cohort={typed}]").stdout == run_clean("history", "pop[cohort=2020]").stdout


def test_a_unit_typed_in_full_width_digits_is_that_unit_from_an_import_and_a_caller(wide_cohorts: Path) -> None:
    import qntrack

    wide = _WIDE_2020[0]
    (wide_cohorts / "a.csv").write_text(
        f"indicator,period,value,cohort,source\npop,2024,5,{wide},s\npop[cohort={wide}],2023,4,,s\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "a.csv")
    assert r.exit_code == 0, r.stderr
    done = qntrack.record_many(
        "targets.yaml", [{"indicator": "pop", "period": "2022", "value": 3, "dim:cohort": wide, "source": "s"}]
    )
    assert len(done.rows) == 1
    assert _keys(wide_cohorts) == ["pop[cohort=2020]"] * 3
    assert [o.value for o in qntrack.open_workspace("targets.yaml").series["pop[cohort=2020]"]] == [3, 4, 5]


def test_an_open_dimension_s_unit_in_full_width_digits_is_the_unit_first_spelt(wide_cohorts: Path) -> None:
    assert run_clean("add-observation", "pop", "2023", "1", "--dim", "site=Lô 12", "--source", "s").exit_code == 0
    r = run_clean("add-observation", "pop", "2024", "2", "--dim", "site=Lô \uff11\uff12", "--source", "s")
    assert r.exit_code == 0, r.stderr
    assert _keys(wide_cohorts) == ["pop[site=Lô 12]", "pop[site=Lô 12]"]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_full_width_digits_of_no_unit_are_refused_as_ascii_ones_are(wide_cohorts: Path, lang: str) -> None:
    for typed in ("\uff12\uff10\uff12\uff15", "2025"):
        r = run_clean("--lang", lang, "show", "pop-by-cohort", "--dim", f"cohort={typed}")
        assert r.exit_code == 1, r.stderr
        text = " ".join(r.stderr.split())
        if lang == "en":
            assert f"'{typed}' is not a unit of 'cohort' (Cohort); valid: 2020, 2030" in text, text
            assert "did you mean" not in text
        else:
            assert f"'{typed}' không phải là một đơn vị của 'cohort'" in text and "2020, 2030" in text, text
            assert "có phải ý bạn là" not in text
    assert store_text(wide_cohorts) == _HEADER


@pytest.mark.parametrize("typed", ["Nhóm \u2460", "Nhóm \u00b9"])
def test_a_circled_or_superscript_figure_is_no_digit_of_a_unit(wide_cohorts: Path, typed: str) -> None:
    # '①' and '¹' are figures of their own to Unicode (No), not digits (Nd): never read as 1.
    r = run_clean("add-observation", "pop", "2024", "5", "--dim", f"group={typed}", "--source", "s")
    assert r.exit_code == 1, r.stderr
    assert f"'{typed}' is not a unit of 'group'" in r.stderr, r.stderr
    assert store_text(wide_cohorts) == _HEADER


def test_the_matcher_reads_digits_of_every_script_and_nothing_else() -> None:
    from qntrack.plan.units import unit_match

    assert unit_match("\uff12\uff10\uff12\uff10") == unit_match("2020") == "2020"
    assert unit_match("Nhóm \uff11") == unit_match("NHÓM 1")
    assert unit_match("CO\u00b2") != unit_match("CO2")
    assert unit_match("\uff21") != unit_match("A")  # a full-width letter stays a letter of its own
