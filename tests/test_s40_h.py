"""Issue 17, fortieth session, helper H: the session's changes tried as a hostile user.

1. Options after ``--``. The refusal that says an option after ``--`` was not read must
   find the ``--`` Click ends the options at, not a ``--`` that is an option's value
   (``--recorded-at -- x --status estimate``: --status *was* read); a short option with
   its value joined (``-sestimate``) is an option as ``-s estimate`` is; and the words
   about a figure's minus ('-5 is read as a figure') belong to add-observation alone, the
   one command that takes a figure.
2. A unit typed with the word for its kind of place. A declared name found among the
   words typed is offered only when the other words say what kind of unit it is (city,
   district, 'thành phố', 'huyện', '(cũ)'): 'Nam Định' is a province, not the sex 'Nam';
   'Quảng Nam' is no region 'Nam', 'Long Biên' no unit 'Long'. The same from --dim, an
   import's column, a key and a Python caller.

The expected texts are the catalog's words, written out here by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

import qntrack
from helpers import run_clean, store_bytes

# --- 1. Options after '--' -------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["add-observation", "fdi", "2026", "5", "--recorded-at", "--", "x", "--status", "estimate"],
        ["show", "fdi-plan-2025", "--as-of", "--", "x", "--format", "json"],
    ],
)
def test_a_double_dash_that_is_an_options_value_is_not_said_to_end_the_options(shipped: Path, args: list[str]) -> None:
    # '--' is the value of --recorded-at (--as-of): the options after it were read, and
    # 'x' is the one extra word. The refusal said "--status was not read as an option".
    before = store_bytes(shipped)
    r = run_clean(*args)
    assert r.exit_code == 2, r.stderr
    text = " ".join(r.stderr.split())
    assert "Got unexpected extra argument(s) (x)" in text, text
    assert "was not read as an option" not in text, text
    assert store_bytes(shipped) == before


def test_a_double_dash_after_an_options_double_dash_value_is_the_end_of_the_options(shipped: Path) -> None:
    # --note's value is '--'; the second '--' ends the options: --status after it was not read.
    r = run_clean("add-observation", "fdi", "2026", "--note", "--", "--", "-5", "--status", "estimate")
    assert r.exit_code == 2, r.stderr
    text = " ".join(r.stderr.split())
    assert "so --status was not read as an option" in text, text


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_short_option_joined_to_its_value_after_a_double_dash_is_named(shipped: Path, lang: str) -> None:
    r = run_clean("--lang", lang, "add-observation", "fdi", "2026", "--", "-5", "-sestimate")
    assert r.exit_code == 2, r.stderr
    text = " ".join(r.stderr.split())
    if lang == "en":
        assert "Got unexpected extra argument(s) (-sestimate): after '--' every word is read as a value" in text
        assert "so -s was not read as an option" in text, text
    else:
        assert "nên -s không được đọc là tùy chọn" in text, text


@pytest.mark.parametrize(
    "args",
    [
        ["show", "fdi-plan-2025", "--", "--format", "json"],
        ["observations", "--", "--format", "json"],
        ["history", "fdi", "--", "--format", "json"],
        ["retract", "fdi", "2025", "--", "--lang", "en"],
    ],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_command_without_a_figure_is_not_told_of_a_figures_minus(shipped: Path, args: list[str], lang: str) -> None:
    # 'show x -- --format json': show takes no figure, and "-5 is read as a figure without
    # it" spoke of a figure the officer never typed.
    r = run_clean("--lang", lang, *args)
    assert r.exit_code == 2, r.stderr
    text = " ".join(r.stderr.split())
    assert "-5" not in text, text
    if lang == "en":
        assert "after '--' every word is read as a value" in text, text
        assert text.endswith("put the options before '--', or leave '--' out"), text
    else:
        assert "sau '--' mọi từ đều được đọc là giá trị" in text, text
        assert text.endswith("hãy đặt các tùy chọn trước '--', hoặc bỏ '--' đi"), text


def test_add_observation_still_says_a_negative_figure_needs_no_double_dash(shipped: Path) -> None:
    r = run_clean("add-observation", "fdi", "2026", "--", "-5", "--status", "estimate")
    assert r.exit_code == 2
    assert "(-5 is read as a figure without it)" in " ".join(r.stderr.split()), r.stderr


# --- 2. A declared name among the words typed ------------------------------------------

_PLAN = """\
version: 1
title: Units
observations: observations.csv
dimensions:
  sex:
    name: {en: Sex, vi: Giới tính}
    values:
      - {value: Male, names: {vi: Nam}}
      - {value: Female, names: {vi: Nữ}}
  region:
    name: {en: Region, vi: Vùng}
    values: [Bắc, Trung, Nam]
  place:
    values: [Hạ Long, Long, Cô Tô]
indicators:
  pop: {name: Population, unit: people, dimensions: [sex, region, place]}
targets:
  - id: pop
    type: level
    indicator: pop
    baseline: {period: 2020, value: 100}
    milestones: [{by: 2030, value: 200}]
"""


@pytest.fixture
def units(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "targets.yaml").write_text(_PLAN, encoding="utf-8")
    (tmp_path / "observations.csv").write_text(
        "indicator,period,value,status,source,note,recorded_at\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


# Another place that holds a unit's name as one of its words: never offered that unit.
_OTHER_PLACES = [("sex", "Nam Định"), ("region", "Quảng Nam"), ("region", "Bắc Ninh"), ("place", "Long Biên")]


@pytest.mark.parametrize(("dim", "typed"), _OTHER_PLACES)
def test_another_place_holding_a_units_name_is_offered_no_unit(units: Path, dim: str, typed: str) -> None:
    r = run_clean("add-observation", "pop", "2024", "5", "-n", "--dim", f"{dim}={typed}")
    assert r.exit_code == 1, r.stderr
    assert f"'{typed}' is not a unit of '{dim}'" in r.stderr, r.stderr
    assert "did you mean" not in r.stderr, r.stderr


@pytest.mark.parametrize(("dim", "typed"), _OTHER_PLACES)
def test_the_same_from_an_imports_column_and_key_and_a_python_caller(units: Path, dim: str, typed: str) -> None:
    (units / "a.csv").write_text(
        f"indicator,period,value,{dim}\npop,2024,5,{typed}\npop[{dim}={typed}],2024,5,\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "a.csv", "-n")
    assert r.exit_code == 1, r.stderr
    assert r.stderr.count(f"'{typed}' is not a unit of '{dim}'") == 2, r.stderr
    assert "did you mean" not in r.stderr, r.stderr
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.record_many(
            "targets.yaml", [{"indicator": "pop", "period": "2024", "value": 5, f"dim:{dim}": typed}], dry_run=True
        )
    assert "did you mean" not in str(caught.value), caught.value


@pytest.mark.parametrize(
    ("dim", "typed", "offered"),
    [
        ("place", "thành phố Hạ Long", "Hạ Long"),
        ("place", "TP. Hạ Long", "Hạ Long"),
        ("place", "huyện đảo Cô Tô (cũ)", "Cô Tô"),
        ("place", "Ha Long City", "Hạ Long"),
        ("region", "miền Nam", "Nam"),
        ("sex", "nữ giới", "Nữ"),
    ],
)
def test_a_name_with_the_word_for_its_kind_is_still_offered(units: Path, dim: str, typed: str, offered: str) -> None:
    r = run_clean("add-observation", "pop", "2024", "5", "-n", "--dim", f"{dim}={typed}")
    assert r.exit_code == 1, r.stderr
    assert f"did you mean '{offered}'?" in r.stderr, r.stderr


# --- 5. The workbook's change on the same period last year ------------------------------
# 1,000.3 against 1,000.6: 1000.3 / 1000.6 - 1 = -0.0002998..., -0.02998 %, which show and
# the reports write -0.03% (the small-number rule: two significant places). The workbook's
# cell had the format '+#,##0.0"%";-#,##0.0"%"', which Excel shows "-0.0%": a negative zero
# beside the -0.03% of every other table.

_PLAN_TARGET = """\
version: 1
title: Plans
observations: observations.csv
indicators:
  pl: {name: Plan, unit: bn VND}
targets:
  - id: pl
    type: plan
    indicator: pl
    period: 2024
    value: 1000
"""


@pytest.mark.parametrize(
    ("before", "after", "places", "said"), [("1000.6", "1000.3", 2, "-0.03%"), ("1000", "1000.004", 4, "+0.0004%")]
)
def test_the_workbooks_change_on_last_year_is_shown_at_the_decimals_the_text_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before: str, after: str, places: int, said: str
) -> None:
    import openpyxl

    (tmp_path / "targets.yaml").write_text(_PLAN_TARGET, encoding="utf-8")
    (tmp_path / "observations.csv").write_text(
        "indicator,period,value,status,source,note,recorded_at\n"
        f"pl,2023,{before},official,x,,2024-01-01T00:00:00Z\n"
        f"pl,2024,{after},official,x,,2025-01-01T00:00:00Z\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    shown = run_clean("show", "pl")
    assert f"Against 2023 ({before.replace('1000', '1,000')} bn VND): {said}." in shown.stdout, shown.stdout
    r = run_clean("report", "--format", "xlsx", "-o", "r.xlsx")
    assert r.exit_code == 0, r.stderr
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["Summary"]
    cells = [c for row in sheet.iter_rows() for c in row if '"%";' in str(c.number_format) and "+" in c.number_format]
    assert len(cells) == 1, [(c.coordinate, c.number_format) for c in cells]
    digits = "#,##0." + "0" * places
    assert cells[0].number_format == f'+{digits}"%";-{digits}"%";0"%"', cells[0].number_format


# --- 7. A folder named as the store that holds the store -------------------------------
# An archive unpacked into a folder of its own name (observations.csv/observations.csv):
# told to move the folder aside and let the first add-observation make the file, the
# officer started an empty store beside the history the folder holds.


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_folder_named_as_the_store_holding_the_store_is_told_to_bring_it_out(shipped: Path, lang: str) -> None:
    held = (shipped / "observations.csv").read_bytes()
    (shipped / "observations.csv").rename(shipped / "o.tmp")
    (shipped / "observations.csv").mkdir()
    (shipped / "o.tmp").rename(shipped / "observations.csv" / "observations.csv")
    for command in (["status"], ["add-observation", "fdi", "2026", "5", "--status", "estimate"]):
        r = run_clean("--lang", lang, *command)
        assert r.exit_code == 1, r.stderr
        text = " ".join(r.stderr.split())
        assert text.startswith("targets.yaml:7:15:"), text
        assert "observations.csv/observations.csv" in text, text
        assert "add-observation" not in text, text  # not told a new file would be made
        if lang == "en":
            assert "'observations.csv' is a folder holding 'observations.csv/observations.csv'" in text, text
            assert "move that file out in the folder's place" in text, text
        else:
            assert "'observations.csv' là một thư mục chứa 'observations.csv/observations.csv'" in text, text
    assert (shipped / "observations.csv" / "observations.csv").read_bytes() == held
    assert sorted(p.name for p in (shipped / "observations.csv").iterdir()) == ["observations.csv"]


# --- 8. One dimension given twice, named as typed ----------------------------------------
# '--dim sex=Nam --dim sex=Nữ' (the plan's units Male and Female, named Nam and Nữ in
# Vietnamese): the refusal said "as 'Male' and as 'Female'", words the officer never typed.


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_two_units_of_one_dimension_are_named_as_typed(units: Path, lang: str) -> None:
    r = run_clean("--lang", lang, "add-observation", "pop", "2024", "5", "-n", "--dim", "sex=Nam", "--dim", "sex=Nữ")
    assert r.exit_code == 1, r.stderr
    if lang == "en":
        assert "dimension 'sex' is given twice, as 'Nam' and as 'Nữ'" in r.stderr, r.stderr
    else:
        assert "chiều 'sex' được cho hai lần, là 'Nam' và là 'Nữ'" in r.stderr, r.stderr


def test_a_key_and_its_column_naming_two_units_are_named_as_typed(units: Path) -> None:
    (units / "b.csv").write_text("indicator,period,value,sex\npop[sex=Male],2024,5,nữ\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "b.csv", "-n")
    assert r.exit_code == 1, r.stderr
    assert "b.csv:2: error: dimension 'sex' is given twice, as 'Male' and as 'nữ'" in r.stderr, r.stderr


# --- 1b. An option after '--' taken as an argument ---------------------------------------
# 'add-observation fdi -- 2026 --dry-run': Click read --dry-run as the VALUE, and the
# officer was told "'--dry-run' is not a number"; '--from x.csv -- --dry-run' was "give
# either INDICATOR PERIOD VALUE or --from FILE, not both". No word after '--' can be one of
# qntrack's arguments when it is an option's name (no id, period or figure starts '--'):
# told why, as extra words after '--' are. Exit 2, nothing written.


@pytest.mark.parametrize(
    ("args", "option", "figure"),
    [
        (["add-observation", "fdi", "--", "2026", "--dry-run"], "--dry-run", True),
        (["add-observation", "--from", "x.csv", "--", "--dry-run"], "--dry-run", True),
        (["show", "--", "--format=json"], "--format", False),
        (["history", "fdi", "--", "-fjson"], "-f", False),
        (["status", "--", "--format", "json"], "--format", False),  # was "no target '--format'"
        (["check", "--", "--repair"], "--repair", False),  # was "unknown check '--repair'"
    ],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_option_after_a_double_dash_taken_as_an_argument_is_told_so(
    shipped: Path, args: list[str], option: str, figure: bool, lang: str
) -> None:
    (shipped / "x.csv").write_text("indicator,period,value\nfdi,2026,5\n", encoding="utf-8")
    before = store_bytes(shipped)
    r = run_clean("--lang", lang, *args)
    assert r.exit_code == 2, r.stderr
    text = " ".join(r.stderr.split())
    if lang == "en":
        said = f"Error: {option} came after '--', where every word is read as a value, so it was not read as an option: put the options before '--', or leave '--' out"
        assert said in text, text
        assert text.endswith("(-5 is read as a figure without it)") is figure, text
    else:
        said = f"Lỗi: {option} đứng sau '--', nơi mọi từ đều được đọc là giá trị, nên nó không được đọc là tùy chọn: hãy đặt các tùy chọn trước '--', hoặc bỏ '--' đi"
        assert said in text, text
        assert text.endswith("(không có nó, -5 vẫn được đọc là một số liệu)") is figure, text
    assert store_bytes(shipped) == before


def test_a_double_dash_then_a_negative_figure_and_no_option_is_recorded(shipped: Path) -> None:
    r = run_clean("add-observation", "fdi", "2026", "--status", "estimate", "--source", "x", "--", "-5")
    assert r.exit_code == 0, r.stderr
