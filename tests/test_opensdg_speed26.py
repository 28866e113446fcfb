"""`import opensdg` at national size (issue 17, twenty-sixth session): the per-row work of
the import done once per distinct value, with the store and every message unchanged.

- a small repository whose store and summary are written out here by hand (docs/formats.md,
  "Open SDG: import"): units read from cells, a unit's second spelling, the store's own
  characters in a cell, an empty figure, a unit column;
- what each distinct set of a row's cells gives is worked out once per indicator, and each
  distinct cell of a data file translated once;
- a figure's units without dates are not judged by period again (``row_against_plan.unit_dates``
  against ``figure_units.unit_date_problems``, the rule it shortens, over generated units
  and periods).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import run, write_repository

from qntrack.files import opensdg_import, opensdg_repo, row_against_plan
from qntrack.files.definitions import parse_plan
from qntrack.files.figure_units import unit_date_problems
from qntrack.plan.periods import parse_period

SMALL = {
    "data/indicator_1-1-1.csv": """\
        Year,Sex,Age,Value
        2020,,,10
        2021,,,11
        2020,Female,15-24,4.5
        2021,Female,15-24,4.75
        2020,female,25[+],3
        2021,female,25[+],3.25
        2021,Male,15-24,5
        """,
    "meta/1-1-1.md": """\
        ---
        indicator_name: Poor people
        source_organisation_1: GSO
        ---
        """,
    "data/indicator_2-1-1.csv": """\
        Year,Units,Value
        2019,Percent,1.5
        2020,Percent,
        """,
    "meta/2-1-1.md": """\
        ---
        indicator_name: Hunger
        ---
        """,
}

# By hand: each row with a figure, its units in the indicator's dimension order (sex, age),
# 'female' stored as the first spelling met ('Female', line 4), '25[+]' with the store's
# brackets read as parentheses, the source from the metadata, the note the file and line.
SMALL_STORE = """\
indicator,period,value,status,source,note,recorded_at
1_1_1,2020,10,,GSO,data/indicator_1-1-1.csv:2,2025-11-01T00:00:00Z
1_1_1,2021,11,,GSO,data/indicator_1-1-1.csv:3,2025-11-01T00:00:00Z
1_1_1[sex=Female;age=15-24],2020,4.5,,GSO,data/indicator_1-1-1.csv:4,2025-11-01T00:00:00Z
1_1_1[sex=Female;age=15-24],2021,4.75,,GSO,data/indicator_1-1-1.csv:5,2025-11-01T00:00:00Z
1_1_1[sex=Female;age=25(+)],2020,3,,GSO,data/indicator_1-1-1.csv:6,2025-11-01T00:00:00Z
1_1_1[sex=Female;age=25(+)],2021,3.25,,GSO,data/indicator_1-1-1.csv:7,2025-11-01T00:00:00Z
1_1_1[sex=Male;age=15-24],2021,5,,GSO,data/indicator_1-1-1.csv:8,2025-11-01T00:00:00Z
2_1_1[units=Percent],2019,1.5,,,data/indicator_2-1-1.csv:2,2025-11-01T00:00:00Z
"""

SMALL_SAID = [
    "1 row(s) without a figure were left out (Open SDG leaves them out too)",
    "2 cell(s) held [ ] ; or = , which a unit's name cannot hold: read with ( ) , and : in their place",
    "2 cell(s) write a unit otherwise than an earlier cell of their file (case, spaces, Unicode form): qntrack"
    " reads them as one unit, Open SDG as two values, so a progress option naming one of them judges fewer"
    " years on the site: write them alike (the first: data/indicator_1-1-1.csv:6 writes 'female', line 4"
    " 'Female')",
]


def test_a_small_repository_is_stored_and_summed_up_as_written_by_hand(tmp_path: Path):
    repo = write_repository(tmp_path / "repo", SMALL)
    into = tmp_path / "t"
    done = run("import", "opensdg", str(repo), "--into", str(into), "--recorded-at", "2025-11-01")
    assert done.exit_code == 0, done.stderr
    assert (into / "observations.csv").read_text(encoding="utf-8") == SMALL_STORE
    assert done.stderr.splitlines() == [
        *SMALL_SAID,
        f"imported 2 indicator(s) and 0 target(s) into {into / 'targets.yaml'}; figures: 8 added, 0 already in force",
    ]
    assert done.stdout == ""


def test_each_distinct_set_of_cells_is_worked_out_once(tmp_path: Path, monkeypatch):
    made: list[tuple[tuple[str, str], ...]] = []

    class Counted(opensdg_import._Cells):
        def __init__(self, raw_cells, dims):
            made.append(raw_cells)
            super().__init__(raw_cells, dims)

    monkeypatch.setattr(opensdg_import, "_Cells", Counted)
    planned = opensdg_import.plan_repository(write_repository(tmp_path / "repo", SMALL), "2025-11-01")
    assert not planned.problems
    assert len(planned.candidates) == 8  # seven figures of 1-1-1, one of 2-1-1 (its 2020 is empty)
    # 1-1-1: the headline (rows 2 and 3), Female 15-24 (4, 5), female 25[+] (6, 7), Male
    # 15-24 (8); 2-1-1: Percent (rows 2 and 3, the second without a figure).
    assert made == [
        (),
        (("Sex", "Female"), ("Age", "15-24")),
        (("Sex", "female"), ("Age", "25[+]")),
        (("Sex", "Male"), ("Age", "15-24")),
        (("Units", "Percent"),),
    ]


def test_each_distinct_cell_of_a_data_file_is_translated_once(tmp_path: Path, monkeypatch):
    asked: list[str] = []
    translate = opensdg_repo.Repository.translate

    def counted(self, text, lang=None):
        asked.append(text)
        return translate(self, text, lang)

    monkeypatch.setattr(opensdg_repo.Repository, "translate", counted)
    opensdg_repo.read_repository(write_repository(tmp_path / "repo", SMALL))
    # Each disaggregation cell of 1-1-1 (rows 4 to 8) once, however many rows repeat it.
    for cell in ("Female", "female", "15-24", "25[+]", "Male"):
        assert asked.count(cell) == 1, cell


DATED_PLAN = """\
dimensions:
  district:
    name: District
    values:
      - {value: Old Town, until: "2025-06-30"}
      - {value: New Zone, since: "2025-07-01", from: [Old Town]}
      - Harbour
  sex:
    name: Sex
    values: [Female, Male]
indicators:
  poor: {name: Poor people, frequency: quarter, dimensions: [district, sex]}
targets: []
"""
DATED = parse_plan(DATED_PLAN)
PERIODS = ["2024", "2025", "2026", "2025-Q2", "2025-Q3", "2025-H1", "2025-H2", "2025-06", "2025-07"]


@settings(max_examples=150, deadline=None)
@given(
    district=st.sampled_from([None, "Old Town", "New Zone", "Harbour", "Nowhere"]),
    sex=st.sampled_from([None, "Female", "Male", "Other"]),
    period=st.sampled_from(PERIODS),
)
def test_a_figures_units_are_judged_by_their_dates_as_the_rule_says(district, sex, period):
    dims = tuple((d, v) for d, v in (("district", district), ("sex", sex)) if v is not None)
    parsed = parse_period(period)
    assert row_against_plan.unit_dates(DATED, dims, parsed) == unit_date_problems(DATED, dims, parsed)
