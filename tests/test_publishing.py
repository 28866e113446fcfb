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
    # An Open SDG repository has no dataflow: the id the office typed would be lost in
    # silence, as --into is refused for sdmx-csv (exit 2, usage), and nothing is written.
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
