"""Issue 17, thirty-sixth session, pass A: the leftovers of the thirty-fourth and
thirty-fifth sessions (docs/decisions.md, their "Left:" lines), each mended at its root.
Each test was written failing first; expected figures are worked out by hand in the
test's docstring."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

# --- 1. The CSV says a flow plan's figures recorded and not counted ---------------------------

Q3_PLAN = """\
version: 1
title: "Quarter plan"
observations: observations.csv
indicators:
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
    direction: increase
    frequency: month
targets:
  - id: fdi-q3
    indicator: fdi
    type: plan
    period: 2024-Q3
    value: 300
  - id: fdi-2025
    indicator: fdi
    type: plan
    period: 2025
    value: 1200
"""

Q3_STORE = """\
indicator,period,value,status,source,note,recorded_at
fdi,2024-07,100,official,s,,2024-08-05T00:00:00Z
fdi,2024-08,50,official,s,,2024-09-05T00:00:00Z
fdi,2025-01,10,official,s,,2025-02-05T00:00:00Z
fdi,2025-02,20,official,s,,2025-03-05T00:00:00Z
fdi,2025-04,40,official,s,,2025-05-05T00:00:00Z
"""

UNITS_PLAN = """\
version: 1
title: "Units"
observations: observations.csv
dimensions:
  province:
    values: ["Hà Nội", "Huế"]
indicators:
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
    direction: increase
    frequency: month
    dimensions: [province]
targets:
  - id: fdi-q3
    indicator: fdi
    type: plan
    period: 2024-Q3
    value: 300
    for_each: province
    overrides: {"Hà Nội": {value: 200}, "Huế": {value: 100}}
"""

UNITS_STORE = """\
indicator,period,value,status,source,note,recorded_at
fdi[province=Hà Nội],2024-07,100,official,s,,2024-08-05T00:00:00Z
fdi[province=Hà Nội],2024-08,50,official,s,,2024-09-05T00:00:00Z
fdi[province=Huế],2024-07,30,official,s,,2024-08-05T00:00:00Z
fdi[province=Huế],2024-09,20,official,s,,2024-10-05T00:00:00Z
"""


@pytest.fixture
def quarter_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, Q3_PLAN, Q3_STORE)


@pytest.fixture
def unit_plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, UNITS_PLAN, UNITS_STORE)


def _table(text: str, kind: str) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text), delimiter="," if kind == "csv" else "\t"))
    assert len({len(r) for r in rows}) == 1, rows
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


@pytest.mark.parametrize("kind", ["csv", "tsv"])
def test_the_status_csv_ends_with_the_figures_not_counted(quarter_plan: Path, kind: str) -> None:
    """The 2024-Q3 plan of 300 is read on July (100); August's 50 is recorded and not
    counted (July-August is no period): the JSON said it, the CSV carried nothing. The
    2025 plan reads January + February = 30; April's 40 is not counted, March missing.
    One cell, the last column: ``period=value why``, then the period missing where one
    stopped the sum, several joined by ``;`` as the other list columns are."""
    from helpers import run_clean

    made = run_clean("status", "--as-of", "2025-05-10", "--format", kind)
    assert made.exit_code == 0, made.output
    assert made.stdout.splitlines()[0].split("," if kind == "csv" else "\t")[-4:-2] == ["description_vi", "not_counted"]
    rows = {r["id"]: r for r in _table(made.stdout, kind)}
    assert rows["fdi-q3"]["not_counted"] == "2024-08=50 no_period"
    assert rows["fdi-2025"]["not_counted"] == "2025-04=40 period_missing 2025-03"

    made = run_clean("status", "--as-of", "2024-08-10", "--format", kind)
    rows = {r["id"]: r for r in _table(made.stdout, kind)}
    assert rows["fdi-q3"]["not_counted"] == ""  # July alone recorded: nothing left out


def test_the_status_csv_of_the_shipped_plan_has_every_not_counted_cell_empty(shipped: Path) -> None:
    """No shipped plan has a figure left out: the new column is there and empty."""
    from helpers import run_clean

    made = run_clean("status", "--format", "csv")
    assert made.exit_code == 0, made.output
    rows = _table(made.stdout, "csv")
    assert rows and all(r["not_counted"] == "" for r in rows)


@pytest.mark.parametrize("kind", ["csv", "tsv"])
def test_status_by_unit_csv_says_each_unit_s_figures_not_counted(unit_plans: Path, kind: str) -> None:
    """Hà Nội is read on July (100), August's 50 not counted (no period); Huế on July
    (30), September's 20 not counted (August missing): as the breakdown's JSON has it."""
    from helpers import run_clean

    made = run_clean("status", "--by", "province", "--as-of", "2024-10-20", "--format", kind)
    assert made.exit_code == 0, made.output
    by_unit = {r["province"]: r["not_counted"] for r in _table(made.stdout, kind) if r["province"]}
    assert by_unit == {"Hà Nội": "2024-08=50 no_period", "Huế": "2024-09=20 period_missing 2024-08"}


@pytest.mark.parametrize("kind", ["csv", "tsv"])
def test_rank_csv_ends_with_each_unit_s_figures_not_counted(unit_plans: Path, kind: str) -> None:
    from helpers import run_clean

    made = run_clean("rank", "fdi-q3", "--as-of", "2024-10-20", "--format", kind)
    assert made.exit_code == 0, made.output
    assert made.stdout.splitlines()[0].split("," if kind == "csv" else "\t")[-2:] == ["gap", "not_counted"]
    by_unit = {r["province"]: r["not_counted"] for r in _table(made.stdout, kind)}
    assert by_unit == {"Hà Nội": "2024-08=50 no_period", "Huế": "2024-09=20 period_missing 2024-08"}


def test_a_cell_of_several_figures_splits_back_into_the_json_s_items(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 2025 plan with January 10, March 30 and May 50 recorded (February missing) reads
    January alone (10); March and May are not counted, each because February is missing
    (the sum stops there). The cell splits by ``;``, then ``=``, then spaces, into what
    the JSON lists."""
    from conftest import make_tracker
    from helpers import run_clean

    store = (
        "indicator,period,value,status,source,note,recorded_at\n"
        "fdi,2025-01,10,official,s,,2025-02-05T00:00:00Z\n"
        "fdi,2025-03,30,official,s,,2025-04-05T00:00:00Z\n"
        "fdi,2025-05,50.5,official,s,,2025-06-05T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, Q3_PLAN, store)
    doc = json.loads(run_clean("status", "fdi-2025", "--as-of", "2025-06-10", "--format", "json").stdout)
    listed = doc["targets"][0]["details"]["year_to_date"]["not_counted"]
    (row,) = _table(run_clean("status", "fdi-2025", "--as-of", "2025-06-10", "--format", "csv").stdout, "csv")
    assert row["not_counted"] == "2025-03=30 period_missing 2025-02;2025-05=50.5 period_missing 2025-02"
    split = []
    for item in row["not_counted"].split(";"):
        period, rest = item.split("=", 1)
        value, why, *missing = rest.split(" ")
        split.append({"period": period, "value": float(value), "why": why, "missing": missing[0] if missing else None})
    assert split == listed


# --- 2. An open dimension's unit spelt two ways is one unit, kept in one spelling ---------------

OPEN_PLAN = """\
version: 1
title: "Open"
observations: observations.csv
dimensions:
  district:
    name: {en: District, vi: Quận/huyện}
indicators:
  pop:
    name: "Population"
    unit: "people"
    dimensions: [district]
targets:
  - id: pop-2030
    indicator: pop
    baseline: 2020
    milestones:
      - {by: 2030, value: 200}
    for_each: district
"""

EMPTY_STORE = "indicator,period,value,status,source,note,recorded_at\n"
HELD = EMPTY_STORE + "pop[district=Hạ Long],2020,100,official,s,,2021-03-01T00:00:00Z\n"


def _stored_keys() -> list[str]:
    lines = Path("observations.csv").read_text(encoding="utf-8").splitlines()[1:]
    return [line.split(",")[0] for line in lines]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "'hạ long' is stored as 'Hạ Long', the spelling observations.csv line 2 gives this unit of 'district' (District)",
        ),
        (
            "vi",
            "'hạ long' được lưu thành 'Hạ Long', cách viết mà observations.csv dòng 2 dùng cho đơn vị này của 'district' (Quận/huyện)",
        ),
    ],
)
def test_the_command_writes_a_unit_in_the_store_s_spelling_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    """An open dimension lists no units, so "hạ long" typed after "Hạ Long" was stored as a
    second unit (status --by showed two districts, 100 and 120), where an import took the two
    spellings as one unit. The rule, every path: names that differ only in capital letters,
    spaces or where a tone mark sits are one unit (as a declared unit's names are), kept in
    the spelling the store gives it first; the figure is written so, and the command says it."""
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, HELD)
    made = run_clean(
        "--lang", lang, "add-observation", "pop", "2021", "120", "--dim", "district=hạ long", "--status", "official"
    )
    assert made.exit_code == 0, made.output
    assert said in " ".join(made.stderr.split()), made.stderr
    assert _stored_keys() == ["pop[district=Hạ Long]", "pop[district=Hạ Long]"]
    doc = json.loads(run_clean("status", "--format", "json").stdout)
    units = doc["targets"][0]["breakdown"]
    assert [(u["dims"]["district"], u["latest"]["value"]) for u in units] == [("Hạ Long", 120.0)]


def test_the_same_figure_in_another_spelling_is_already_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, HELD)
    made = run_clean(
        "add-observation",
        "pop",
        "2020",
        "100",
        "--dim",
        "district=HẠ  LONG",
        "--status",
        "official",
        "--source",
        "s",
        "--recorded-at",
        "2021-03-01T00:00:00Z",
    )
    assert made.exit_code == 0, made.output
    assert "already recorded" in made.stderr, made.stderr
    assert Path("observations.csv").read_text(encoding="utf-8") == HELD


@pytest.mark.parametrize(
    "table",
    [
        "indicator,district,period,value,status\npop,hạ long,2021,120,official\npop,HẠ LONG,2022,130,official\n",
        "indicator,period,value,status\npop[district=hạ long],2021,120,official\npop[district=HẠ LONG],2022,130,official\n",
    ],
)
def test_an_import_writes_each_unit_in_the_store_s_spelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str
) -> None:
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, HELD)
    Path("in.csv").write_text(table, encoding="utf-8")
    made = run_clean("add-observation", "--from", "in.csv")
    assert made.exit_code == 0, made.output
    assert "in.csv:2: " in made.stderr and "in.csv:3: " in made.stderr, made.stderr
    assert _stored_keys() == ["pop[district=Hạ Long]"] * 3


def test_a_workbook_and_a_batch_of_new_spellings_keep_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing stored yet: the batch's first spelling is the unit's, the later ones are
    written so (a workbook's rows as a CSV's)."""
    from openpyxl import Workbook

    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, EMPTY_STORE)
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["indicator", "district", "period", "value", "status"])
    sheet.append(["pop", "Cẩm Phả", "2020", 50, "official"])
    sheet.append(["pop", "cẩm phả", "2021", 60, "official"])
    book.save("in.xlsx")
    made = run_clean("add-observation", "--from", "in.xlsx")
    assert made.exit_code == 0, made.output
    assert "in.xlsx:Data!A3: warning: 'cẩm phả' is stored as 'Cẩm Phả', the spelling in.xlsx:Data!A2 gives" in " ".join(
        made.stderr.split()
    ), made.stderr
    assert _stored_keys() == ["pop[district=Cẩm Phả]"] * 2


def test_record_many_keeps_one_spelling_and_refuses_two_figures_for_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``record_many`` stored "Hạ Long" and "hạ long" as two units, and two figures of 2021
    at one moment in the two spellings were both written; the second is now one figure
    given twice for one unit, refused before anything is written."""
    from conftest import make_tracker
    from qntrack import record_many
    from qntrack.errors import InputError

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, HELD)
    row = {"indicator": "pop", "period": "2021", "status": "official", "recorded_at": "2023-03-01T00:00:00Z"}
    with pytest.raises(InputError):
        record_many(
            "targets.yaml",
            [{**row, "value": 120, "dim:district": "Hạ Long"}, {**row, "value": 121, "dim:district": "hạ long"}],
        )
    assert Path("observations.csv").read_text(encoding="utf-8") == HELD
    done = record_many(
        "targets.yaml",
        [
            {**row, "value": 120, "dim:district": "hạ long"},
            {**row, "period": "2022", "value": 130, "dim:district": "HẠ LONG"},
        ],
    )
    assert len(done.rows) == 2 and len(done.warnings) == 2
    assert _stored_keys() == ["pop[district=Hạ Long]"] * 3


def test_a_store_holding_two_spellings_reads_one_unit_and_check_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store written before (or by hand) with "Hạ Long" on line 2 and "hạ long" on line 3
    is read as one unit in the first spelling: its 2020 figure 100 and 2021 figure 120, the
    latest 120 (status showed two units, each with one figure). ``check`` warns at line 3,
    naming the spelling of line 2, and exits 0 (the figures are sound)."""
    from conftest import make_tracker
    from helpers import run_clean

    store = HELD + "pop[district=hạ long],2021,120,official,s,,2022-03-01T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, store)
    doc = json.loads(run_clean("status", "--format", "json").stdout)
    units = doc["targets"][0]["breakdown"]
    assert [(u["dims"]["district"], u["latest"]["value"]) for u in units] == [("Hạ Long", 120.0)]
    made = run_clean("check")
    assert made.exit_code == 0, made.output
    text = " ".join(made.stdout.split() + made.stderr.split())
    assert "observations.csv:3: warning: 'hạ long' is the unit 'Hạ Long' (line 2) of 'district' (District)" in text, (
        text
    )
    made = run_clean("--lang", "vi", "check")
    text = " ".join(made.stdout.split() + made.stderr.split())
    assert "observations.csv:3: cảnh báo: 'hạ long' là đơn vị 'Hạ Long' (dòng 2) của 'district' (Quận/huyện)" in text, (
        text
    )


def test_a_unit_in_its_key_and_its_column_spelt_two_ways_is_one_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``pop[district=Hạ Long]`` with "hạ long" in the district column was told "dimension
    'district' is given twice", as two units; a declared unit so spelt is one. Stored in
    the key's spelling, the one read first."""
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, EMPTY_STORE)
    Path("in.csv").write_text(
        "indicator,district,period,value\npop[district=Hạ Long],hạ long,2020,100\n", encoding="utf-8"
    )
    made = run_clean("add-observation", "--from", "in.csv")
    assert made.exit_code == 0, made.output
    assert _stored_keys() == ["pop[district=Hạ Long]"]


def test_a_warm_status_reads_a_line_appended_in_another_spelling_as_the_cold_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache keeps the store's units; a line appended by hand in another spelling after a
    cold run must be read as the cold run reads it: one unit, its latest 120."""
    from conftest import make_tracker
    from helpers import run

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, HELD)
    monkeypatch.delenv("QNTRACK_NO_CACHE", raising=False)
    assert run("status", "--format", "json").exit_code == 0  # the cold run, which keeps the cache
    with open("observations.csv", "a", encoding="utf-8") as fh:
        fh.write("pop[district=hạ long],2021,120,official,s,,2022-03-01T00:00:00Z\n")
    doc = json.loads(run("status", "--format", "json").stdout)
    units = doc["targets"][0]["breakdown"]
    assert [(u["dims"]["district"], u["latest"]["value"]) for u in units] == [("Hạ Long", 120.0)]


# --- 3. A spreadsheet's error value as a stored indicator is told as one ------------------------


@pytest.mark.parametrize("error", ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!"])
def test_an_error_value_as_a_stored_indicator_is_told_as_one(
    quarter_plan: Path, monkeypatch: pytest.MonkeyPatch, error: str
) -> None:
    """A store saved from a spreadsheet whose lookup of the indicator found nothing holds
    '#N/A' where the id was: `status` warned "1 row(s) for indicator '#N/A', which
    targets.yaml does not define ... if it was renamed", and `check` "unknown indicator",
    as if an id had been renamed. Both now say what the store's other cells say of it (an
    import already did), with the plan's first indicator as the example; the row is still
    ignored by status (a warning) and an error to check."""
    from helpers import run

    row = f'"{error}",2024-09,20,official,s,,2024-10-05T00:00:00Z\n'
    Path("observations.csv").write_text(Q3_STORE + row, encoding="utf-8")
    made = run("status")
    assert made.exit_code == 0, made.output
    said = " ".join(made.stderr.split())
    assert (
        f"warning: 1 row(s) whose column 'indicator' holds '{error}', an error value a spreadsheet shows where a "
        "formula gave no result; they are ignored: correct the formula (or type the indicator itself, e.g. fdi)"
    ) in said, said
    assert "renamed" not in said
    made = run("--lang", "vi", "status")
    said = " ".join(made.stderr.split())
    assert f"1 dòng có cột 'indicator' là '{error}', giá trị lỗi mà bảng tính hiện" in said, said
    made = run("check")
    assert made.exit_code == 1, made.output
    said = " ".join(made.stdout.split() + made.stderr.split())
    assert (
        f"observations.csv:7: error: column 'indicator': '{error}' is an error value a spreadsheet shows where a "
        "formula gave no result: correct the formula (or type the indicator itself, e.g. fdi)"
    ) in said, said
    assert "unknown indicator" not in said
    made = run("--lang", "vi", "check")
    said = " ".join(made.stdout.split() + made.stderr.split())
    assert f"observations.csv:7: lỗi: cột 'indicator': '{error}' là giá trị lỗi" in said, said


def test_an_error_value_as_an_indicator_in_an_import_keeps_its_words(quarter_plan: Path) -> None:
    from helpers import run

    Path("in.csv").write_text("indicator,period,value\n#N/A,2024-09,20\n", encoding="utf-8")
    made = run("add-observation", "--from", "in.csv")
    assert made.exit_code == 1
    assert "in.csv:2: error: column 'indicator': '#N/A' is an error value" in made.stderr, made.stderr
    assert Path("observations.csv").read_text(encoding="utf-8") == Q3_STORE


def test_a_warm_status_tells_an_error_value_indicator_as_the_cold_one(
    quarter_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers import run

    monkeypatch.delenv("QNTRACK_NO_CACHE", raising=False)
    Path("observations.csv").write_text(
        Q3_STORE + "#N/A,2024-09,20,official,s,,2024-10-05T00:00:00Z\n", encoding="utf-8"
    )
    cold = run("status")
    warm = run("status")
    assert "'indicator' holds '#N/A'" in " ".join(cold.stderr.split()), cold.stderr
    assert warm.stderr == cold.stderr


# --- 4. A Q3 plan read on July says the two totals since January it does not subtract ----------

MONTHS_PLAN = Q3_PLAN.replace("    frequency: month\n", "    frequency: month\n", 1)

TOTALS_STORE = """\
indicator,period,value,status,source,note,recorded_at
fdi,2024-H1,200,official,s,,2024-07-05T00:00:00Z
fdi,2024-07,100,official,s,,2024-08-05T00:00:00Z
fdi,2024-9M,320,official,s,,2024-10-05T00:00:00Z
"""


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "January–September 2024 (320 million USD) and H1 2024 (200 million USD) are known, and Q3 "
            "2024 is not worked out as their difference: a total since January carries the revisions of "
            "its earlier months, which the difference would count as Q3 2024's own; record the figure "
            "published for Q3 2024.",
        ),
        (
            "vi",
            "Đã có số liệu 9 tháng năm 2024 (320 million USD) và 6 tháng đầu năm 2024 (200 million USD), "
            "nhưng quý III/2024 không được tính bằng hiệu của hai số này: số lũy kế từ đầu năm đã gồm các "
            "điều chỉnh của những tháng trước, mà phép trừ sẽ tính vào quý III/2024; hãy ghi nhận số liệu "
            "công bố cho quý III/2024.",
        ),
    ],
)
def test_a_q3_plan_read_on_july_names_the_totals_it_does_not_subtract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    """2024-H1 200, July 100 and 2024-9M 320: the plan of 300 is read on July (100, a third
    of it after a third of the quarter), and 320 - 200 = 120 is not taken for the quarter.
    With July it said nothing of the totals, where without July it names both and asks for
    the published Q3 figure (the thirty-fifth session): now it says so in both cases, in
    `show` and in the report."""
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, Q3_PLAN, TOTALS_STORE)
    made = run_clean("--lang", lang, "show", "fdi-q3", "--as-of", "2024-10-10")
    assert made.exit_code == 0, made.output
    text = " ".join(made.stdout.split())
    assert said in text, text
    # The reading is unchanged: July's 100.
    doc = json.loads(run_clean("status", "fdi-q3", "--as-of", "2024-10-10", "--format", "json").stdout)
    ytd = doc["targets"][0]["details"]["year_to_date"]
    assert (ytd["period"], ytd["value"]) == ("2024-07", 100.0)
    made = run_clean("--lang", lang, "report", "fdi-q3", "--as-of", "2024-10-10", "--format", "md", "-o", "r.md")
    assert made.exit_code == 0, made.output
    assert said in " ".join(Path("r.md").read_text(encoding="utf-8").split())


def test_a_q3_plan_read_on_july_before_the_nine_months_says_no_totals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before 2024-9M is recorded there is one total, nothing to subtract: nothing said."""
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, Q3_PLAN, TOTALS_STORE)
    made = run_clean("show", "fdi-q3", "--as-of", "2024-09-10")
    assert "not worked out as their difference" not in " ".join(made.stdout.split())


# --- 5. Excel's count a hair under midnight is told its own day -----------------------------------


@pytest.mark.parametrize(
    ("typed", "moment", "day"),
    [
        # 0.999999 of a day is 86,399.9136 s, 24:00:00 rounded to the second, which was told
        # as the next day's midnight: the count never reaches its next day, so 23:59:59.
        ("46142.999999", "2026-04-30 23:59:59", "2026-04-30"),
        ("46142,9999999999", "2026-04-30 23:59:59", "2026-04-30"),
        # 0.5 is noon; 0.00001 of a day is 0.864 s, 00:00:01 to the nearest second.
        ("46142.5", "2026-04-30 12:00:00", "2026-04-30"),
        ("46142.00001", "2026-04-30 00:00:01", "2026-04-30"),
    ],
)
@pytest.mark.parametrize("option", ["--as-of", "--since"])
def test_excel_s_count_just_under_midnight_is_told_its_own_day(
    quarter_plan: Path, typed: str, moment: str, day: str, option: str
) -> None:
    from helpers import run_clean

    args = ("status", "--as-of", typed) if option == "--as-of" else ("report", "--since", typed, "-o", "r.md")
    made = run_clean(*args)
    assert made.exit_code == 2, made.output
    said = " ".join(made.stderr.split())
    assert (
        f"it is how Excel counts the moment {moment} (a date and time in a General cell): write the day, {day}" in said
    ), said
    assert not Path("r.md").exists()


def test_excel_s_count_just_under_midnight_as_a_recorded_at_is_its_own_day(quarter_plan: Path) -> None:
    from helpers import run_clean

    made = run_clean("add-observation", "fdi", "2024-09", "5", "--recorded-at", "46142.999999")
    assert made.exit_code != 0, made.output
    assert "counts the moment 2026-04-30 23:59:59" in " ".join(made.stderr.split()), made.stderr
    assert "write 2026-04-30T23:59:59" in made.stderr, made.stderr
    assert Path("observations.csv").read_text(encoding="utf-8") == Q3_STORE


# --- 6. A day in words: tháng Bốn, and no "năm" before the year ----------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "ngày 30 tháng Bốn năm 2026",  # Bốn, April as it is often said, beside Tư
        "30 tháng bốn năm 2026",
        "ngày 30 tháng 4 2026",  # the year without "năm"
        "30 tháng 4 2026",
        "ngày 30 tháng 4, 2026",
        "ngày 30 tháng Bốn, 2026",
        "ngày 30 tháng 4/2026",  # read before; pinned
    ],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_day_in_words_without_nam_or_with_thang_bon_is_told_its_iso_form(
    quarter_plan: Path, typed: str, lang: str
) -> None:
    """Each names 30 April 2026 and nothing else: told "write 2026-04-30" as "ngày 30
    tháng 4 năm 2026" is (it got "write YYYY-MM-DD, e.g. 2023-06-28")."""
    from helpers import run_clean

    made = run_clean("--lang", lang, "status", "--as-of", typed)
    assert made.exit_code == 2, made.output
    said = {"en": "write YYYY-MM-DD: 2026-04-30", "vi": "hãy viết 2026-04-30"}[lang]
    assert said in made.stderr, made.stderr


def test_a_recorded_at_in_words_without_nam_is_told_its_moment(quarter_plan: Path) -> None:
    from helpers import run_clean

    made = run_clean("add-observation", "fdi", "2024-09", "5", "--recorded-at", "ngày 30 tháng Bốn 2026")
    assert made.exit_code != 0, made.output
    assert "2026-04-30" in made.stderr, made.stderr
    assert Path("observations.csv").read_text(encoding="utf-8") == Q3_STORE


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("ngày 30 tháng 4", "YYYY-04-30"),
        ("30 tháng Bốn", "YYYY-04-30"),
        ("ngày 5 tháng 11 năm 26", "YYYY-11-05"),  # 2026 or 1926: a year of two digits is a guess
        ("ngày 5 tháng 11 26", "YYYY-11-05"),
    ],
)
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "names no year of four digits; write YYYY-MM-DD with the year meant: {iso}"),
        ("vi", "không có năm đủ bốn chữ số; hãy viết YYYY-MM-DD với năm cần ghi: {iso}"),
    ],
)
def test_a_day_in_words_with_no_year_is_refused_naming_what_is_missing(
    quarter_plan: Path, typed: str, iso: str, lang: str, said: str
) -> None:
    """No year, or a year of two digits: which year is meant is a guess, so none is made;
    the message names what is missing and the day and month read."""
    from helpers import run_clean

    made = run_clean("--lang", lang, "status", "--as-of", typed)
    assert made.exit_code == 2, made.output
    assert said.format(iso=iso) in " ".join(made.stderr.split()), made.stderr


@pytest.mark.parametrize("typed", ["ngày 30 tháng Chạp 2025", "ngày 1 tháng Giêng 2026", "30 tháng Chạp năm 2025"])
def test_a_lunar_month_without_nam_stays_refused_as_lunar(quarter_plan: Path, typed: str) -> None:
    from helpers import run_clean

    made = run_clean("status", "--as-of", typed)
    assert made.exit_code == 2
    assert "names a month of the lunar calendar" in made.stderr, made.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("history", "pop", "2020", "--dim", "district=hạ long", "--format", "csv"),
        ("observations", "--indicator", "pop", "--dim", "district=HẠ LONG", "--format", "csv"),
    ],
)
def test_history_and_observations_find_an_open_unit_in_another_spelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """The store's one figure of Hạ Long, asked for as "hạ long": listed (it was nothing)."""
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, HELD)
    made = run_clean(*args)
    assert made.exit_code == 0, made.output
    assert ",100," in made.stdout or "2020,100" in made.stdout, made.stdout


def test_retract_withdraws_an_open_unit_typed_in_another_spelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`retract pop 2020 --dim district=hạ long` was "no figure in force to retract" of the
    store's Hạ Long 2020; it now withdraws it, written in the store's spelling."""
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, HELD)
    made = run_clean("retract", "pop", "2020", "--dim", "district=hạ long")
    assert made.exit_code == 0, made.output
    assert _stored_keys() == ["pop[district=Hạ Long]", "pop[district=Hạ Long]"]


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "is spelt one way (a warning)"), ("vi", "được viết theo một cách (cảnh báo)")]
)
def test_check_s_list_says_the_unit_rule_warns_of_two_spellings(quarter_plan: Path, lang: str, said: str) -> None:
    from helpers import run_clean

    made = run_clean("--lang", lang, "check", "--list")
    assert said in " ".join(made.stdout.split()), made.stdout


def test_check_finds_two_figures_at_one_moment_in_two_spellings_of_one_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Hạ Long" 2020 = 100 and "hạ long" 2020 = 120, both recorded 2021-03-01: one unit's two
    figures at one moment, the one in force left to the lines' order (status read 120, the
    later line). ``check`` compared the rows as typed, two units, and said nothing of it;
    it now says it as of any unit's (`same-moment`), an error."""
    from conftest import make_tracker
    from helpers import run_clean

    store = HELD + "pop[district=hạ long],2020,120,official,s,,2021-03-01T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, store)
    made = run_clean("check")
    assert made.exit_code == 1, made.output
    text = " ".join(made.stdout.split() + made.stderr.split())
    assert (
        "observations.csv:3: error: pop[district=Hạ Long] 2020 recorded at 2021-03-01T00:00:00Z is already "
        "recorded at that moment with another figure on line 2"
    ) in text, text


def test_check_finds_two_figures_at_one_moment_of_a_declared_unit_typed_two_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same for a declared unit whose second row was typed by hand ("hạ  long"): the
    old check passed the store in silence (exit 0), reading the rows as typed."""
    from conftest import make_tracker
    from helpers import run_clean

    plan = OPEN_PLAN.replace(
        "    name: {en: District, vi: Quận/huyện}\n", '    name: District\n    values: ["Hạ Long", "Cẩm Phả"]\n'
    )
    store = HELD + "pop[district=hạ  long],2020,120,official,s,,2021-03-01T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, plan, store)
    made = run_clean("check")
    assert made.exit_code == 1, made.output
    assert (
        "observations.csv:3: error: pop[district=Hạ Long] 2020 recorded at 2021-03-01T00:00:00Z"
        in made.stdout + made.stderr
    )
