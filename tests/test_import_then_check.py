"""What an import accepts, `check` accepts: a property of the two paths together.

Files are drawn with the spellings a hostile pass used to slip two figures for one unit,
period and moment past the import (the unit in brackets or in its column, in another
case or decomposed; the moment in the plan's zone or in UTC, a bare date; the same
figure written two ways). Whatever the import appends, `check`'s default checks must
find no error in: a same-moment pair in the store is the defect this guards against.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qntrack.errors import InputError
from qntrack.files.checks import run_checks
from qntrack.files.importing import import_observations
from conftest import STORE_HEADER

PLAN = """\
title: {en: Twins, vi: Twins}
timezone: "+07:00"
dimensions:
  locality:
    name: {en: Locality, vi: Địa phương}
    values: [Hạ Long, Cẩm Phả]
indicators:
  g: {name: Growth, unit: "%", measure: rate, dimensions: [locality]}
  q: {name: Quarterly output, unit: bn VND, frequency: quarter}
targets: []
"""
HEADER = STORE_HEADER

UNITS = [("g[locality=Hạ Long]", ""), ("g", "Hạ Long"), ("g", "hạ long"), ("g", unicodedata.normalize("NFD", "Hạ Long")),
         ("g[locality=Cẩm Phả]", ""), ("g", "Cẩm Phả"), ("q", "")]  # fmt: skip
PERIODS = ["2023", "2024"]
VALUES = ["10", "1e1", "10.0", "-0", "0", "11"]
SOURCES = ["", "=S", "'=S", "Cục Thống kê"]
STAMPS = ["2026-01-01T00:00:00Z", "2026-01-01T07:00:00", "2026-01-01T07:00:00+07:00", "2026-01-01", ""]


# A row's strategies made once, not at every draw (a new strategy is validated when first
# drawn from); the same strategies in the same order give the same examples.
_UNIT = st.sampled_from(UNITS)
_PERIOD = st.sampled_from(PERIODS)
_VALUE = st.sampled_from(VALUES)
_SOURCE = st.sampled_from(SOURCES)
_STAMP = st.sampled_from(STAMPS)


@st.composite
def files(draw) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["indicator", "locality", "period", "value", "status", "source", "recorded_at"])
    for _ in range(draw(st.integers(1, 5))):
        indicator, unit = draw(_UNIT)
        period = draw(_PERIOD)
        if indicator == "q":
            period += "-Q1"
        writer.writerow(
            [indicator, unit, period, draw(_VALUE), "official", draw(_SOURCE), draw(_STAMP)]
        )  # fmt: skip
    return out.getvalue()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    here = tmp_path_factory.mktemp("twins")
    (here / "targets.yaml").write_text(PLAN, encoding="utf-8")
    return here


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=files(), twice=st.booleans())
def test_what_an_import_appends_check_finds_no_error_in(folder: Path, text: str, twice: bool):
    (folder / "observations.csv").write_text(HEADER, encoding="utf-8")
    (folder / "in.csv").write_text(text, encoding="utf-8")
    targets = str(folder / "targets.yaml")
    for _ in range(2 if twice else 1):  # the same file imported again adds nothing wrong either
        try:
            import_observations(targets, str(folder / "in.csv"))
        except InputError:
            return  # refused: nothing was written
    errors = [p for p in run_checks(targets) if p.severity == "error"]
    assert not errors, (text, (folder / "observations.csv").read_text(encoding="utf-8"), errors)
