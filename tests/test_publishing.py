"""A statistics office publishing SDG progress from qntrack (issue 17, nineteenth session):
the exports an office sends to its Open SDG site and to the UN, checked as a demanding
publisher checks them (docs/decisions.md, "A statistics office publishing SDG progress").

Expected values are written out by hand from the plan and store below."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import dedent, make_tracker
from helpers import run_clean

TARGETS = dedent(
    """
    version: 1
    title: "Office"
    indicators:
      1_2_1:
        name: Poverty rate
        unit: "%"
        direction: decrease
    targets:
      - id: poverty
        type: open_sdg
        indicator: 1_2_1
        target: 5
    """
)

OBSERVATIONS = dedent(
    """
    indicator,period,value,status,source,note,recorded_at
    1_2_1,2015,10,official,Survey,,2020-01-01
    1_2_1,2016,9,official,Survey,,2020-01-01
    """
)


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, OBSERVATIONS)


# --- export opensdg: options of the other format are refused, not passed over ------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "--structure-id is for 'export sdmx-csv'"),
        ("vi", "--structure-id dành cho 'export sdmx-csv'"),
    ],
)
def test_a_structure_id_given_to_an_opensdg_export_is_refused(office: Path, lang: str, words: str):
    # An Open SDG repository has no dataflow: the id the office typed was dropped in
    # silence. Refused as --into is for sdmx-csv (exit 2, usage), and nothing is written.
    r = run_clean("--lang", lang, "export", "opensdg", "--into", "site", "--structure-id", "GSO:DF_SDG(1.0)")
    assert r.exit_code == 2, r.stderr
    assert r.stderr.startswith("--structure-id: ")
    assert words in r.stderr
    assert not (office / "site").exists()


# --- export opensdg: --into in a folder that does not exist -------------------------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "folder 'nope' does not exist, and qntrack does not create it"),
        ("vi", "thư mục 'nope' không tồn tại, và qntrack không tự tạo thư mục"),
    ],
)
def test_an_opensdg_export_into_a_missing_folder_is_a_usage_error(office: Path, lang: str, words: str):
    # DIR is made when missing, its parent is not (docs/formats.md): a parent that is not
    # there is a mistyped path, said as `export sdmx-csv -o nope/x.csv` says it (exit 2,
    # naming the missing folder in the message's language), not the system's English words
    # "No such file or directory" with exit 1.
    r = run_clean("--lang", lang, "export", "opensdg", "--into", "nope/site")
    assert r.exit_code == 2, r.stderr
    assert r.stderr.startswith("nope/site: ")
    assert words in r.stderr
    assert "No such file" not in r.stderr
    assert not (office / "nope").exists()


# --- import opensdg: rows of a Progress column "without a figure" -------------------------


def test_a_row_with_one_figure_of_two_is_not_said_to_be_left_out(tmp_path: Path):
    # A data file with a Progress column holds two figures a row (Value and Progress).
    # sdg-build keeps every row (InputBase.fix_empty_values only turns "" into NaN) and its
    # progress measure reads Progress in place of Value, so a row whose Value is empty still
    # gives a Progress figure, and the import records it. Only a row with no figure at all is
    # left out. By hand, the four rows below:
    #   2015  Value 10, Progress 5  -> 1_2_1 and 1_2_1_progress: 2 figures
    #   2016  Value 8,  no Progress -> 1_2_1: 1 figure
    #   2017  no Value, Progress 3  -> 1_2_1_progress: 1 figure
    #   2018  neither               -> left out: the one row without a figure
    # so 4 figures added and "1 row(s) without a figure were left out" (it said 3: it
    # counted the empty cells, two of them in rows that were imported).
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    (repo / "meta").mkdir()
    (repo / "data" / "indicator_1-2-1.csv").write_text(
        "Year,Value,Progress\n2015,10,5\n2016,8,\n2017,,3\n2018,,\n", encoding="utf-8"
    )
    (repo / "meta" / "1-2-1.md").write_text("---\nindicator_name: Poverty\n---\n", encoding="utf-8")
    done = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2024-01-15")
    assert done.exit_code == 0, done.stderr
    assert "figures: 4 added" in done.stderr
    assert "1 row(s) without a figure were left out" in done.stderr
    lines = (tmp_path / "t" / "observations.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[:3] for line in lines[1:]] == [
        ["1_2_1", "2015", "10"],
        ["1_2_1_progress", "2015", "5"],
        ["1_2_1", "2016", "8"],
        ["1_2_1_progress", "2017", "3"],
    ]


# --- import opensdg: a Value that is not a number says what would be -----------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "data/indicator_1-2-1.csv:3: error: '-' is not a number: write it as sdg-build reads one "
            "(1234.5, -2.5, 1e-7), or leave the cell empty for a year with no figure",
        ),
        (
            "vi",
            "data/indicator_1-2-1.csv:3: lỗi: '-' không phải là số: hãy ghi số theo cách sdg-build đọc "
            "(1234.5, -2.5, 1e-7), hoặc để trống ô cho năm không có số liệu",
        ),
    ],
)
def test_a_value_that_is_not_a_number_says_what_is_read(tmp_path: Path, lang: str, said: str):
    # A statistics office's table writes '-' or '..' for "no figure"; Open SDG's data file
    # wants an empty cell there (pandas reads '-' as text, and sdg-build cannot make it a
    # float). The message named the cell and line but not what to write instead.
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    (repo / "meta").mkdir()
    (repo / "data" / "indicator_1-2-1.csv").write_text("Year,Value\n2015,10\n2016,-\n", encoding="utf-8")
    (repo / "meta" / "1-2-1.md").write_text("---\nindicator_name: Poverty\n---\n", encoding="utf-8")
    done = run_clean(
        "--lang", lang, "import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2024-01-15"
    )
    assert done.exit_code == 1
    assert done.stderr.splitlines()[0] == said
    assert not (tmp_path / "t").exists()


# --- export -h: what --force does for opensdg ----------------------------------------------


def test_export_help_says_what_force_does_for_an_opensdg_export():
    # The refusal of a foreign folder says "add --force", but `export -h` described --force
    # for the -o file only: an office reading the help could not learn that --force writes
    # the repository into its site's own checkout, nor that nothing else there is removed.
    r = run_clean("export", "-h", env={"COLUMNS": "200"})
    assert r.exit_code == 0
    force = " ".join(r.stdout.split("--force", 1)[1].split("--as-of", 1)[0].split())
    assert "opensdg: write into a non-empty folder qntrack did not export into" in force
    assert "nothing else in it is removed" in force


# --- export opensdg --force into the site's own checkout: its settings are kept ------------


def test_an_export_into_the_sites_own_checkout_keeps_its_settings(office: Path):
    # An office exports into the checkout of its Open SDG data repository (--force: qntrack
    # did not export into it). Its config_data.yml (the site's languages, map layers, GeoCode
    # dtype), its metadata schema _prose.yml and its translations are the site's own, not
    # copies of the figures: formats.md says "Other files (a README, .git, the site's own
    # schema) are left as they are", yet the export replaced all three with its minimal ones.
    # The data and metadata files are the export's to write; these are kept, the summary
    # names them, and the marker does not list them, so a later export keeps them too.
    site = office / "site"
    (site / "translations" / "en").mkdir(parents=True)
    own = {
        "config_data.yml": "languages: [en, fr]\nmap_layers: []\n",
        "_prose.yml": "# the site's schema\n",
        "translations/en/data.yml": "Sex: Sex\n",
        "README.md": "our site\n",
    }
    for name, text in own.items():
        (site / name).write_text(text, encoding="utf-8")
    for attempt in ("--force", None):  # taken over, then an export over its own marker
        r = run_clean("export", "opensdg", "--into", "site", *([attempt] if attempt else []))
        assert r.exit_code == 0, r.stderr
        assert "kept the site's own config_data.yml, _prose.yml" in r.stderr
        for name, text in own.items():
            assert (site / name).read_text(encoding="utf-8") == text, name
        assert (site / "data" / "indicator_1-2-1.csv").read_text(encoding="utf-8") == ("Year,Value\n2015,10\n2016,9\n")
        marker = (site / ".qntrack-export").read_text(encoding="utf-8").splitlines()
        assert "config_data.yml" not in marker and "_prose.yml" not in marker
        assert marker[1:] == ["data/indicator_1-2-1.csv", "meta/1-2-1.md"]


def test_a_new_folder_gets_the_exports_own_settings(office: Path):
    # Where the folder is new (or an earlier export wrote them), the export writes its own.
    r = run_clean("export", "opensdg", "--into", "site")
    assert r.exit_code == 0, r.stderr
    assert "kept the site's own" not in r.stderr
    assert (office / "site" / "config_data.yml").exists() and (office / "site" / "_prose.yml").exists()
    r = run_clean("export", "opensdg", "--into", "site")
    assert r.exit_code == 0 and "kept the site's own" not in r.stderr


def test_the_export_summary_counts_one_indicator_as_the_other_summaries_do(office: Path):
    # One indicator, two figures: "wrote 1 indicators (2 figures)" read as a slip; every
    # other count qntrack prints says "indicator(s)", "figure(s)" (import opensdg's, sdmx-csv's).
    r = run_clean("export", "opensdg", "--into", "site")
    assert r.exit_code == 0, r.stderr
    assert r.stderr.startswith("wrote 1 indicator(s) (2 figure(s)) as an Open SDG data repository in site\n")


# --- a dimension an export cannot write is named at its line --------------------------------


@pytest.mark.parametrize(
    ("fmt", "name", "said"),
    [
        (
            ["sdmx-csv"],
            "Act",
            "targets.yaml:4:3: error: the dimension 'action' would be the SDMX-CSV column ACTION",
        ),
        (
            ["opensdg", "--into", "site"],
            "Progress",
            "targets.yaml:4:3: error: dimension 'action' is named 'Progress', a column Open SDG reads",
        ),
    ],
)
def test_a_dimension_an_export_cannot_write_is_named_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: list[str], name: str, said: str
):
    # The refusal said "targets.yaml: error: ..." with no line, where every other problem of
    # a plan names its line: the dimension is declared on line 4, its id at column 3.
    plan = dedent(
        f"""
        version: 1
        title: "Office"
        dimensions:
          action: {{name: {name}}}
        indicators:
          x: {{name: X, dimensions: [action]}}
        targets: []
        """
    )
    make_tracker(tmp_path, monkeypatch, plan, "indicator,period,value,status,source,note,recorded_at\n")
    r = run_clean("export", *fmt)
    assert r.exit_code == 1
    assert r.stderr.startswith(said), r.stderr
    assert not (tmp_path / "site").exists()


def test_a_unit_written_as_sdmx_total_is_named_at_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A unit named _T would be read back as SDMX's total; the refusal named targets.yaml with
    # no line. The unit is declared on line 4 (`values: [_T, Female]`): the line is what an
    # office needs to find it (the column is the plan's usual one for a unit).
    plan = dedent(
        """
        version: 1
        title: "Office"
        dimensions:
          sex: {name: Sex, values: [_T, Female]}
        indicators:
          x: {name: X, dimensions: [sex]}
        targets: []
        """
    )
    store = "indicator,period,value,status,source,note,recorded_at\nx[sex=_T],2015,1,,s,,2020-01-01\n"
    make_tracker(tmp_path, monkeypatch, plan, store)
    r = run_clean("export", "sdmx-csv")
    # Since the twenty-sixth session a declared unit named _T is written T, as _Z is Z (one
    # rule for SDMX's reserved codes, tests/test_sdmx26.py): never _T, never refused.
    assert r.exit_code == 0, r.stderr
    assert ",x,T,2015,1," in r.stdout and ",x,_T," not in r.stdout


# --- import opensdg: one unit typed two ways in a data file -------------------------------


def test_one_unit_typed_two_ways_is_said(tmp_path: Path):
    # Open SDG (pandas) reads 'Female' and 'female' as two values of Sex; qntrack reads a
    # unit whatever its case, spacing or Unicode form, so both are one unit. With different
    # figures for one year the import refuses them (decisions.md); with figures for different
    # years they were merged in silence, and a progress option naming 'Female' then judges
    # 2015, 2016 and 2017 in qntrack, where Open SDG judges 2015 and 2017. By hand: line 4
    # writes 'Female' as line 2 does; line 3's 'female' is the one cell typed otherwise than
    # the first spelling of its unit in the file: 1 cell said.
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    (repo / "meta").mkdir()
    (repo / "data" / "indicator_1-2-1.csv").write_text(
        "Year,Sex,Value\n2015,Female,1\n2016,female,2\n2017,Female,3\n", encoding="utf-8"
    )
    (repo / "meta" / "1-2-1.md").write_text("---\nindicator_name: Poverty\n---\n", encoding="utf-8")
    done = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2024-01-15")
    assert done.exit_code == 0, done.stderr
    assert (
        "1 cell(s) write a unit otherwise than an earlier cell of their file (case, spaces, "
        "Unicode form): qntrack reads them as one unit, Open SDG as two values"
    ) in done.stderr
    vi = run_clean(
        "--lang", "vi", "import", "opensdg", str(repo), "--into", str(tmp_path / "v"), "--recorded-at", "2024-01-15"
    )
    assert "1 ô ghi một đơn vị khác với một ô trước đó trong cùng tệp" in vi.stderr
