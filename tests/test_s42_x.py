"""Issue 17, forty-second session, pass X: a national statistics office publishing SDG
progress through Open SDG and SDMX, played as a hostile tester.

1. A target judged unit by unit (``for_each: province``) went out to Open SDG as one
   progress option on the total, and nothing said so: the site, and a tracker that
   imports the export, judged the total alone, while ``status`` judged seven provinces
   (their statuses and gaps gone from the round trip without a word). The export now says
   which targets' units it did not write, and how to have one judged on the site (a
   target ``of:`` the unit, which goes out as an option naming it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import json_of, run_clean

PLAN = """\
title: NSO SDG test
dimensions:
  province:
    name: {en: Province, vi: Tỉnh}
    values: [North, South]
indicators:
  pov: {name: Poverty rate, unit: '%', measure: rate, direction: decrease, dimensions: [province]}
targets:
  - id: pov-2030
    type: open_sdg
    indicator: pov
    target: 2
    direction: decrease
    for_each: province
"""

# North falls from 12 to 9 over 2015-2021 and South from 10 to 10.5; the total from 11 to 9.5.
STORE = """\
indicator,period,value,status,source,note,recorded_at
pov,2015,11,official,GSO,,2016-03-01T00:00:00Z
pov,2021,9.5,official,GSO,,2022-03-01T00:00:00Z
pov[province=North],2015,12,official,GSO,,2016-03-01T00:00:00Z
pov[province=North],2021,9,official,GSO,,2022-03-01T00:00:00Z
pov[province=South],2015,10,official,GSO,,2016-03-01T00:00:00Z
pov[province=South],2021,10.5,official,GSO,,2022-03-01T00:00:00Z
"""


@pytest.fixture
def nso(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "nso"
    folder.mkdir()
    return make_tracker(folder, monkeypatch, PLAN, STORE)


def test_the_status_judges_each_province(nso: Path) -> None:
    # What the export leaves out: two provinces judged, North improving, South worse.
    doc = json_of("status", "--format", "json")
    (t,) = doc["targets"]
    assert [u["dims"] for u in t["breakdown"]] == [{"province": "North"}, {"province": "South"}]
    assert t["breakdown"][1]["status"] == "deterioration"


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", ["pov-2030", "province", "of:"]), ("vi", ["pov-2030", "province", "of:", "Open SDG"])],
)
def test_the_opensdg_export_says_a_targets_units_are_not_written(nso: Path, lang: str, words: list[str]) -> None:
    done = run_clean("--lang", lang, "export", "opensdg", "--into", str(nso.parent / "site"))
    assert done.exit_code == 0, done.stderr
    meta = (nso.parent / "site" / "meta" / "pov.md").read_text(encoding="utf-8")
    # The one option Open SDG judges: the total's (no disaggregation named).
    assert meta.count("- direction: negative") == 1 and "disaggregation" not in meta, meta
    said = [line for line in done.stderr.splitlines() if "pov-2030" in line]
    assert len(said) == 1, done.stderr
    for word in words:
        assert word in said[0], said[0]


def test_an_export_of_a_plan_without_for_each_says_nothing_of_units(nso: Path) -> None:
    plan = nso / "targets.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("    for_each: province\n", ""), encoding="utf-8")
    done = run_clean("export", "opensdg", "--into", str(nso.parent / "site"))
    assert done.exit_code == 0, done.stderr
    assert "pov-2030" not in done.stderr, done.stderr


# 2. A figure whose source a spreadsheet would run (`=HYPERLINK(...)`, an office's
#    `+84 ...` telephone line, `-` first) is stored after an apostrophe. A second
#    `import opensdg` of the same repository, dated later (a newer commit of the file, or
#    a later --recorded-at), compared the repository's source with the stored one,
#    apostrophe and all, found them different, and recorded every figure of the
#    indicator again as a revision of itself (8 -> 8), each import adding as many rows.


FORMULA_STORE = STORE.replace(",GSO,", ",=HYPERLINK(x),", 2)


def test_a_reimport_adds_nothing_when_a_source_starts_like_a_formula(nso: Path) -> None:
    (nso / "observations.csv").write_text(FORMULA_STORE, encoding="utf-8")
    site = nso.parent / "site"
    assert run_clean("export", "opensdg", "--into", str(site)).exit_code == 0
    meta = (site / "meta" / "pov.md").read_text(encoding="utf-8")
    assert "source_organisation_1: =HYPERLINK(x)" in meta, meta
    into = nso.parent / "imported"
    first = run_clean("import", "opensdg", str(site), "--into", str(into), "--recorded-at", "2025-01-01")
    assert first.exit_code == 0, first.stderr
    rows = (into / "observations.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + 6  # the header, the total's two figures and each province's two
    again = run_clean("import", "opensdg", str(site), "--into", str(into), "--recorded-at", "2025-06-01")
    assert again.exit_code == 0, again.stderr
    assert "0 added, 6 already in force" in again.stderr, again.stderr
    assert (into / "observations.csv").read_text(encoding="utf-8").splitlines() == rows


# 3. A figure withdrawn in the tracker (`retract`) that the site still publishes, unchanged,
#    came back at the next `import opensdg` dated after the retraction (a commit of its file
#    for another row, a later --recorded-at): recorded again, in force, and the retraction
#    undone without a word ("1 added"). The import now compares it with the figure the
#    retraction withdrew: the same figure is not recorded again, and the summary names it,
#    to be withdrawn on the site too; a figure the site changed since is a new figure.


def _imported_then_retracted(nso: Path) -> tuple[Path, Path]:
    site = nso.parent / "site"
    assert run_clean("export", "opensdg", "--into", str(site)).exit_code == 0
    into = nso.parent / "imported"
    first = run_clean("import", "opensdg", str(site), "--into", str(into), "--recorded-at", "2025-01-01")
    assert first.exit_code == 0, first.stderr
    withdrawn = run_clean(
        "--targets",
        str(into / "targets.yaml"),
        "retract",
        "pov",
        "2021",
        "--dim",
        "province=South",
        "--recorded-at",
        "2025-03-01T00:00:00Z",
    )
    assert withdrawn.exit_code == 0, withdrawn.stderr
    return site, into


def _south_2021(into: Path) -> list[dict]:
    doc = json_of(
        "--targets", str(into / "targets.yaml"), "history", "pov", "2021", "--dim", "province=South", "--format", "json"
    )
    return doc["vintages"]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_reimport_does_not_bring_back_a_figure_withdrawn_here(nso: Path, lang: str) -> None:
    site, into = _imported_then_retracted(nso)
    before = (into / "observations.csv").read_bytes()
    again = run_clean(
        "--lang", lang, "import", "opensdg", str(site), "--into", str(into), "--recorded-at", "2025-06-01"
    )
    assert again.exit_code == 0, again.stderr
    assert (into / "observations.csv").read_bytes() == before
    # Newest first: the retraction is still the vintage in force.
    vintages = _south_2021(into)
    assert [v["value"] for v in vintages] == [None, 10.5]
    assert vintages[0]["in_force"] is True and vintages[0]["value"] is None
    said = [line for line in again.stderr.splitlines() if "pov[province=South] 2021" in line]
    assert len(said) == 1, again.stderr
    assert "retract" in said[0]


def test_a_figure_the_site_changed_since_its_retraction_is_recorded(nso: Path) -> None:
    site, into = _imported_then_retracted(nso)
    data = site / "data" / "indicator_pov.csv"
    text = data.read_text(encoding="utf-8")
    assert "2021,South,10.5\n" in text, text
    data.write_text(text.replace("2021,South,10.5\n", "2021,South,10.25\n"), encoding="utf-8")
    again = run_clean("import", "opensdg", str(site), "--into", str(into), "--recorded-at", "2025-06-01")
    assert again.exit_code == 0, again.stderr
    assert "1 added" in again.stderr, again.stderr
    vintages = _south_2021(into)
    assert vintages[0]["value"] == 10.25 and vintages[0]["in_force"] is True
    assert "pov[province=South] 2021" not in again.stderr


# 4. Literacy by province and sex, every figure naming both. `observations --indicator lit
#    --dim sex=Female` printed an empty list and `history lit --dim sex=Female` "No
#    observations yet.", without a word on stderr: an officer read it as no figure for
#    women, where there are four. As the total's empty history already says its figures
#    are by unit, a unit's now says they name another dimension too, and which.

TWO_DIMS = """\
title: Literacy
dimensions:
  province: {name: Province, values: [North, South]}
  sex:
    name: Sex
    values: [{value: Female, names: {vi: Nữ}}, Male]
indicators:
  lit: {name: Literacy rate, unit: '%', measure: rate, dimensions: [province, sex]}
targets: []
"""

TWO_DIMS_STORE = """\
indicator,period,value,status,source,note,recorded_at
lit[province=North;sex=Female],2020,81.5,official,LFS,,2021-03-01T00:00:00Z
lit[province=South;sex=Female],2020,79,official,LFS,,2021-03-01T00:00:00Z
lit[province=North;sex=Male],2020,88,official,LFS,,2021-03-01T00:00:00Z
lit[province=North;sex=Female],2021,82,official,LFS,,2022-03-01T00:00:00Z
lit[province=South;sex=Female],2021,80.5,official,LFS,,2022-03-01T00:00:00Z
"""


@pytest.fixture
def literacy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TWO_DIMS, TWO_DIMS_STORE)


@pytest.mark.parametrize(
    "args",
    [
        ("observations", "--indicator", "lit", "--dim", "sex=Female", "--format", "csv"),
        ("observations", "--indicator", "lit[sex=Nữ]", "--format", "json"),
        ("history", "lit", "--dim", "sex=Female", "--format", "tsv"),
        ("history", "lit", "2021", "--dim", "sex=female", "--format", "csv"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_unit_whose_figures_name_another_dimension_too_says_so(
    literacy: Path, args: tuple[str, ...], lang: str
) -> None:
    done = run_clean("--lang", lang, *args)
    assert done.exit_code == 0, done.stderr
    # The list itself stays what it was: no figure names sex alone.
    assert "81.5" not in done.stdout and "80.5" not in done.stdout
    said = done.stderr
    # Two units hold Female's figures, North's and South's (in 2021 too).
    assert "lit[province=North;sex=Female]" in said, said
    assert " 2 " in said and "--dim province=" in said, said


def test_a_unit_with_no_figure_anywhere_says_nothing_more(literacy: Path) -> None:
    done = run_clean("history", "lit", "--dim", "sex=Male", "--dim", "province=South", "--format", "csv")
    assert done.exit_code == 0, done.stderr
    assert done.stderr == ""
    listed = run_clean(
        "observations", "--indicator", "lit", "--dim", "sex=Female", "--dim", "province=North", "--format", "csv"
    )
    assert listed.stderr == "" and "81.5" in listed.stdout and "82" in listed.stdout
