"""An indicator's description reaches the machine outputs of `indicators` (issue 17,
twenty-eighth session): the shipped plan describes its indicators in both languages, and
a national office scripting `qntrack indicators --format json|csv` got none of it.

The shipped targets.yaml, by hand:

    grdp_per_capita:
      description:
        en: "GRDP per person, in US dollars, as reported by the province."
        vi: "GRDP bình quân đầu người, tính bằng đô la Mỹ, theo số liệu tỉnh công bố."

Every shipped indicator has one; the small plan of the tests (conftest.SMALL_TARGETS) none.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from helpers import run_clean

EN = "GRDP per person, in US dollars, as reported by the province."
VI = "GRDP bình quân đầu người, tính bằng đô la Mỹ, theo số liệu tỉnh công bố."


@pytest.mark.parametrize("lang, text", [("en", EN), ("vi", VI)])
def test_the_json_ends_each_indicator_with_its_description(shipped: Path, lang: str, text: str):
    r = run_clean("indicators", "--format", "json", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    items = {i["id"]: i for i in json.loads(r.stdout)["indicators"]}
    assert list(items["grdp_per_capita"])[-2:] == ["dimensions", "description"]
    assert items["grdp_per_capita"]["description"] == text


def test_an_indicator_without_one_has_null_and_an_empty_cell(tracker: Path):
    items = json.loads(run_clean("indicators", "--format", "json").stdout)["indicators"]
    assert items and all(i["description"] is None for i in items)
    rows = list(csv.reader(io.StringIO(run_clean("indicators", "--format", "csv").stdout)))
    assert rows[0][-1] == "description" and all(row[-1] == "" for row in rows[1:])


@pytest.mark.parametrize("fmt, sep", [("csv", ","), ("tsv", "\t")])
def test_the_csv_ends_with_the_description(shipped: Path, fmt: str, sep: str):
    r = run_clean("indicators", "--format", fmt, "--lang", "vi")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout), delimiter=sep))
    assert rows[0] == ["id", "name", "unit", "frequency", "measure", "direction", "formula", "description"]
    by_id = {row[0]: row for row in rows[1:]}
    assert by_id["grdp_per_capita"][-1] == VI


def test_the_table_stays_without_it(shipped: Path):
    # A paragraph a row would not fit a terminal's table: `show` and the reports print it.
    r = run_clean("indicators", "--format", "table", env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    assert "GRDP per person" not in r.stdout
