"""`qntrack status --by DIM` (issue 14): each target's row, then one per unit of its
breakdown by DIM; JSON unchanged. The plan is test_ranking's; the numbers worked by hand.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run
from qntrack.output.formats import STATUS_COLUMNS
from test_ranking import RANK_OBSERVATIONS, RANK_TARGETS

# The plan's totals, by hand (docs/methodology.md, "Method 2" and "Annual plan"):
#   fdi-2024: 150 against the plan's 100 -> target_achieved (score 5).
#   poor-2030 (decrease): 10 (2020) -> 9 (2022): a = 0.9 ^ 0.5 - 1 = -0.0513167;
#   |r| = 1 - 0.5 ^ 0.1 = 0.0669670; P = 0.0513167 / 0.0669670 = 0.766302 (0.60 <= P < 0.95:
#   moderate progress); score = 7.1429 x 0.766302 - 4.2857 = 1.187891.
#   plain: one figure -> not_available.
# The units as in test_ranking, in the order targets.yaml declares the localities.
P_TOTAL = (1 - 0.9**0.5) / (1 - 0.5**0.1)
SCORE_TOTAL = 7.1429 * P_TOTAL - 4.2857


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, RANK_TARGETS, RANK_OBSERVATIONS)


def test_csv_has_a_dimension_column_and_a_row_per_unit(plan: Path):
    r = run("status", "--by", "locality", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    header = r.stdout.splitlines()[0].split(",")
    assert header == ["id", "locality", *STATUS_COLUMNS[1:]]
    assert [(row["id"], row["locality"], row["status"], row["reason"]) for row in rows] == [
        ("fdi-2024", "", "target_achieved", ""),
        ("fdi-2024", "Hạ Long", "target_achieved", ""),
        ("fdi-2024", "Cẩm Phả", "not_achieved", ""),
        ("fdi-2024", "Uông Bí", "not_available", "no_amount_for_unit"),
        ("fdi-2024", "Móng Cái", "not_available", "no_amount_for_unit"),
        ("fdi-2024", "Vân Đồn", "not_available", "no_amount_for_unit"),
        ("poor-2030", "", "moderate_progress", ""),
        ("poor-2030", "Hạ Long", "limited_progress", ""),
        ("poor-2030", "Cẩm Phả", "limited_progress", ""),
        ("poor-2030", "Uông Bí", "deterioration", ""),
        ("poor-2030", "Móng Cái", "limited_progress", ""),
        ("poor-2030", "Vân Đồn", "not_achieved", ""),
        ("plain", "", "not_available", "one_figure"),
    ]
    # A unit's own plan (Hạ Long: 40, Cẩm Phả: 60): 50 / 40 = 125 %, 30 / 60 = 50 %.
    assert (rows[1]["plan"], rows[1]["percent_of_plan"]) == ("40.0", "125.0")
    assert (rows[2]["plan"], rows[2]["percent_of_plan"], rows[2]["missed_milestones"]) == ("60.0", "50.0", "2024")
    total = rows[6]
    assert float(total["progress_value"]) == pytest.approx(P_TOTAL, abs=1e-12)
    assert float(total["score"]) == pytest.approx(SCORE_TOTAL, abs=1e-9)
    # Cẩm Phả's own milestone: 2.5 by 2030, its gap 4.75 - 2.5 = 2.25.
    assert (rows[8]["next_value"], rows[8]["gap"]) == ("2.5", "2.25")


def test_tsv_and_without_by_unchanged(plan: Path):
    plain = run("status", "--format", "tsv").stdout
    assert plain.splitlines()[0].split("\t") == list(STATUS_COLUMNS)
    assert len(plain.splitlines()) == 4  # the header and the three targets, no unit rows
    by = run("status", "--by", "locality", "--format", "tsv").stdout.splitlines()
    assert by[0].split("\t")[:3] == ["id", "locality", "type"]
    assert len(by) == 1 + 13


def test_json_is_the_same_with_or_without_by(plan: Path):
    with_by = run("status", "--by", "Locality", "--format", "json")
    assert with_by.exit_code == 0, with_by.stderr
    assert with_by.stdout == run("status", "--format", "json").stdout


def test_table_lists_units_under_their_target(plan: Path):
    r = run("status", "--by", "locality", "--format", "table", env={"NO_COLOR": "1", "COLUMNS": "160"})
    assert r.exit_code == 0, r.stderr
    assert "\x1b[" not in r.stdout
    lines = r.stdout.splitlines()
    named = [line.split()[:3] for line in lines if "↳" in line]
    assert (
        named
        == [["↳", "Hạ", "Long"], ["↳", "Cẩm", "Phả"], ["↳", "Uông", "Bí"], ["↳", "Móng", "Cái"], ["↳", "Vân", "Đồn"]]
        * 2
    )
    first_unit = next(i for i, line in enumerate(lines) if "↳" in line)
    assert "FDI" in lines[first_unit - 2]  # the target's own row (name, then its id) comes first
    assert any("↳ Uông Bí" in line and "Deterioration" in line and "-0.15" in line for line in lines)


def test_table_in_vietnamese_by_the_dimension_name(plan: Path):
    r = run("status", "--by", "ĐỊA PHƯƠNG", "--format", "table", "--lang", "vi", env={"COLUMNS": "160"})
    assert r.exit_code == 0, r.stderr
    assert any(
        "↳ Uông Bí" in line and "Đi ngược mục tiêu" in line and "-0,15" in line for line in r.stdout.splitlines()
    )


def test_unknown_dimension_is_refused_with_the_closest(plan: Path):
    r = run("status", "--by", "localty")
    assert r.exit_code == 1  # a name the plan lacks: invalid input, 1 (session 37, pass H; README, "Exit codes")
    assert r.stdout == ""
    # the declared dimensions listed as other choices are, each as the plan labels it
    assert r.stderr == "--by: error: no dimension 'localty'; did you mean 'locality'? valid: locality (Locality)\n"


def test_plan_without_dimensions(tracker: Path):
    r = run("status", "--by", "locality")
    assert r.exit_code == 1  # a name the plan lacks: invalid input, 1 (session 37, pass H; README, "Exit codes")
    assert (
        r.stderr == "--by: error: no dimension 'locality': targets.yaml declares none under 'dimensions:' at the top\n"
    )


def test_by_with_group_by_is_refused(plan: Path):
    r = run("status", "--by", "locality", "--group-by", "group")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert "--by and --group-by cannot be used together" in r.stderr


def test_targets_not_broken_down_get_no_unit_rows_and_a_note(plan: Path):
    r = run("status", "plain", "--by", "locality", "--format", "csv")
    assert r.exit_code == 0
    assert [line.split(",")[:3] for line in r.stdout.splitlines()] == [
        ["id", "locality", "type"],
        ["plain", "", "level"],
    ]
    assert r.stderr == "no target shown is broken down by 'locality' (for_each in targets.yaml): no unit rows\n"


def test_as_of_with_by(plan: Path):
    # By 2022-06-01 the 2022 figures were not recorded: Hạ Long has its 2020 figure alone.
    r = run("status", "poor-2030", "--by", "locality", "--format", "csv", "--as-of", "2022-06-01")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(row["locality"], row["latest_period"]) for row in rows] == [
        ("", "2020"),
        ("Hạ Long", "2020"),
        ("Cẩm Phả", "2020"),
        ("Uông Bí", "2020"),
        ("Móng Cái", "2020"),
        ("Vân Đồn", "2021"),
    ]


TWO_DIMS = """\
version: 1
title: "Two dims"
dimensions:
  sex:
    name: {en: Sex, vi: Giới tính}
    values: [female, male]
  locality:
    name: {en: Locality, vi: Địa phương}
    values: [Hạ Long, Cẩm Phả]
indicators:
  emp:
    name: Employment
    unit: "%"
    dimensions: [locality, sex]
targets:
  - id: emp
    indicator: emp
    baseline: 2020
    milestones: [{by: 2030, value: 80}]
    for_each: [locality, sex]
"""

TWO_DIMS_OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
emp,2020,50,official,,,2021-03-01T00:00:00Z
emp,2022,60,official,,,2023-03-01T00:00:00Z
emp[locality=Hạ Long;sex=female],2020,40,official,,,2021-03-01T00:00:00Z
emp[locality=Hạ Long;sex=female],2022,50,official,,,2023-03-01T00:00:00Z
emp[locality=Cẩm Phả;sex=male],2020,40,official,,,2021-03-01T00:00:00Z
emp[locality=Cẩm Phả;sex=male],2022,45,official,,,2023-03-01T00:00:00Z
"""


def test_two_dimensions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, TWO_DIMS, TWO_DIMS_OBSERVATIONS)
    # r = (80 / 40) ^ (1/10) - 1 = 0.0717735 for both units (baseline 40 in 2020).
    # Hạ Long, female: a = (50 / 40) ^ (1/2) - 1 = 0.118034; P = 1.644535 (>= 1.3: score 5).
    # Cẩm Phả, male: a = (45 / 40) ^ (1/2) - 1 = 0.0606602; P = 0.845162;
    # score = 7.1429 x 0.845162 - 4.2857 = 1.751205. Hạ Long first.
    rows = list(csv.reader(io.StringIO(run("rank", "emp", "--format", "csv").stdout)))
    assert [row[:5] for row in rows] == [
        ["rank", "locality", "sex", "status", "reason"],
        ["1", "Hạ Long", "female", "substantial_progress", ""],
        ["2", "Cẩm Phả", "male", "moderate_progress", ""],
        # The other two declared units (2 localities x 2 sexes), without a figure, last,
        # sharing a rank, in the declared order, locality first (issue 17, twenty-first session).
        ["3", "Hạ Long", "male", "not_available", "no_figures"],
        ["3", "Cẩm Phả", "female", "not_available", "no_figures"],
    ]
    assert float(rows[2][5]) == pytest.approx(7.1429 * ((45 / 40) ** 0.5 - 1) / (2**0.1 - 1) - 4.2857, abs=1e-9)
    table = run("rank", "emp", "--format", "table", env={"COLUMNS": "160"}).stdout
    assert "Unit" in table and "locality=Hạ Long, sex=female" in table
    # status --by sex: the sex column first, then locality (declared order), then the rest.
    by = list(csv.reader(io.StringIO(run("status", "--by", "sex", "--format", "csv").stdout)))
    assert [row[:4] for row in by] == [
        ["id", "sex", "locality", "type"],
        ["emp", "", "", "level"],
        ["emp", "female", "Hạ Long", "level"],
        ["emp", "male", "Cẩm Phả", "level"],
        ["emp", "male", "Hạ Long", "level"],
        ["emp", "female", "Cẩm Phả", "level"],
    ]


# --- a dimension named with a qualifier in brackets ------------------------------------
# The shipped plan's dimension is "Locality (district level until 30 June 2025)",
# "Địa phương (cấp huyện đến 30/6/2025)" in Vietnamese: an officer types the first words,
# as an import's column may be headed (docs/decisions.md, "A dimension's short name").

QUALIFIED = """\
dimensions:
  locality:
    name: {en: "Locality (district level until 30 June 2025)", vi: "Địa phương (cấp huyện đến 30/6/2025)"}
    values: ["Hạ Long", "Cẩm Phả"]
  area:
    name: {en: "Area (urban or rural)", vi: "Khu vực (thành thị, nông thôn)"}
    values: [urban, rural]
  zone:
    name: {en: "Zone (economic)", vi: "Vùng (kinh tế)"}
    values: [north, south]
  zone2:
    name: {en: "Zone (coastal)", vi: "Vùng (ven biển)"}
    values: [coast, inland]
indicators:
  rev:
    name: Revenue
    unit: bn VND
    dimensions: [locality]
  zoned:
    name: Zoned
    unit: bn VND
    dimensions: [zone, zone2]
targets:
  - id: rev-2025
    type: level
    indicator: rev
    baseline: {period: "2020", value: 100}
    milestones: [{by: "2025", value: 200}]
    for_each: locality
"""
QUALIFIED_OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
rev,2020,100,official,,,2021-03-01T00:00:00Z
rev,2022,130,official,,,2023-03-01T00:00:00Z
"rev[locality=Hạ Long]",2020,60,official,,,2021-03-01T00:00:00Z
"rev[locality=Hạ Long]",2022,80,official,,,2023-03-01T00:00:00Z
"""


@pytest.mark.parametrize("name", ["Địa phương", "địa  phương", "Locality (district level until 30 June 2025)"])
def test_by_takes_a_dimension_by_its_name_without_the_bracketed_qualifier(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
):
    make_tracker(tmp_path, monkeypatch, QUALIFIED, QUALIFIED_OBSERVATIONS)
    r = run("status", "--by", name, "--format", "csv")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout)))
    # Cẩm Phả, declared with no figure, listed last (issue 17, twenty-first session).
    assert [row[:2] for row in rows] == [
        ["id", "locality"],
        ["rev-2025", ""],
        ["rev-2025", "Hạ Long"],
        ["rev-2025", "Cẩm Phả"],
    ]


def test_a_short_name_two_dimensions_share_names_neither(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, QUALIFIED, QUALIFIED_OBSERVATIONS)
    r = run("status", "--by", "Vùng")
    assert r.exit_code == 1  # a name the plan lacks: invalid input, 1 (session 37, pass H; README, "Exit codes")
    assert r.stderr.startswith(
        "--by: error: 'Vùng' is the name, without its bracketed qualifier, of more than one dimension (zone, zone2)"
    )
    # The full name still names one.
    assert run("status", "--by", "Vùng (ven biển)", "--format", "csv").exit_code == 0


def test_dim_takes_a_dimension_by_its_short_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, QUALIFIED, QUALIFIED_OBSERVATIONS)
    r = run("add-observation", "rev", "2023", "90", "--dim", "Địa phương=Cẩm Phả", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert "rev[locality=Cẩm Phả],2023,90," in r.stdout.replace("\t", ",")
    # Within one indicator a short name two of its dimensions share is no guess either.
    r = run("add-observation", "zoned", "2023", "90", "--dim", "Vùng=north", "--dim", "zone2=coast", "--dry-run")
    assert r.exit_code == 1
    assert "'Vùng' is the name, without its bracketed qualifier, of more than one dimension (zone, zone2)" in r.stderr
