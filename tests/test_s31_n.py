"""Issue 17, thirty-first session, pass N: a national statistics office sets qntrack up
from the docs alone (README, docs/) and tries to break it: 34 provinces, a sex breakdown,
figures imported as an office has them. Each test was written failing first; the
expected values are worked by hand from the rows typed here."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

PLAN = """\
version: 1
title: National SDG tracker
observations: observations.csv
dimensions:
  province:
    name: {en: Province, vi: Tỉnh}
    values: [Hà Nội, Quảng Ninh, TP. Hồ Chí Minh]
  sex:
    name: {en: Sex, vi: Giới tính}
    values:
      - {value: Male, names: {vi: Nam}}
      - {value: Female, names: {vi: Nữ}}
indicators:
  poverty: {name: Poverty rate, unit: '%', direction: decrease, dimensions: [province, sex]}
targets:
  - {id: poverty-down, indicator: poverty, baseline: 2020, milestones: [{by: 2030, value: 1}], for_each: [province, sex]}
"""
HEADER = "indicator,period,value,status,source,note,recorded_at\n"


@pytest.fixture
def nso(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, HEADER)


def test_a_sex_column_in_the_plans_vietnamese_names_is_read_as_the_declared_units(nso: Path) -> None:
    # The plan declares Male and Female with their Vietnamese names (names: {vi: Nam},
    # {vi: Nữ}), as targets-format.md shows; an office's long table says Nam and Nữ. Each
    # row is the declared unit, stored as declared, never refused as "not a unit".
    Path("long.csv").write_text(
        "Mã chỉ tiêu,Năm,Tỉnh,Giới tính,Giá trị\npoverty,2020,Hà Nội,Nam,10\npoverty,2020,Hà Nội,Nữ,12\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "long.csv", "--status", "official")
    assert r.exit_code == 0, r.stderr
    rows = Path("observations.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert [row.split(",")[:3] for row in rows] == [
        ["poverty[province=Hà Nội;sex=Male]", "2020", "10"],
        ["poverty[province=Hà Nội;sex=Female]", "2020", "12"],
    ]
    # On the command line too, in the other composition (NFD) of the letter.
    r = run_clean("add-observation", "poverty", "2022", "9", "--dim", "province=Hà Nội", "--dim", "sex=Nu\u0303")
    assert r.exit_code == 1  # 'Nũ' is no name of either unit
    r = run_clean("add-observation", "poverty", "2022", "9", "--dim", "province=Hà Nội", "--dim", "sex=Nu\u031b\u0303")
    assert r.exit_code == 0, r.stderr
    assert (
        Path("observations.csv")
        .read_text(encoding="utf-8")
        .splitlines()[-1]
        .startswith("poverty[province=Hà Nội;sex=Female],2022,9,")
    )


def test_a_name_two_units_share_in_another_language_names_neither(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two units whose Vietnamese names are one word: the word cannot say which is meant,
    # so it stays refused; a declared value always names its own unit first.
    plan = PLAN.replace(
        "{value: Female, names: {vi: Nữ}}", "{value: Female, names: {vi: Nam}}\n      - {value: Nam, names: {vi: Khác}}"
    )
    make_tracker(
        tmp_path,
        monkeypatch,
        plan.replace(
            "{value: Male, names: {vi: Nam}}",
            "{value: Male, names: {vi: Song}}\n      - {value: Other, names: {vi: Song}}",
        ),
        HEADER,
    )
    r = run_clean("add-observation", "poverty", "2022", "9", "--dim", "province=Hà Nội", "--dim", "sex=Song")
    assert r.exit_code == 1
    r = run_clean("add-observation", "poverty", "2022", "9", "--dim", "province=Hà Nội", "--dim", "sex=Nam")
    assert r.exit_code == 0, r.stderr
    assert (
        Path("observations.csv")
        .read_text(encoding="utf-8")
        .splitlines()[-1]
        .startswith("poverty[province=Hà Nội;sex=Nam],")
    )


def test_every_word_an_import_reads_as_the_total_is_named_in_the_docs() -> None:
    # A statistician reading observations-format.md learns which cells of a unit column are
    # the total: a sex column's "Chung" (both sexes) or "All" recorded as the whole, with
    # no word said, must not surprise them. Every word the import reads so is listed.
    from qntrack.files import vocabulary

    text = (Path(__file__).resolve().parents[1] / "docs" / "observations-format.md").read_text(encoding="utf-8")
    section = text.split("## Units of a breakdown", 1)[1].split("\n## ", 1)[0]
    listed = {vocabulary.fold(word) for word in __import__("re").findall(r'"([^"]+)"', section)}
    assert set(vocabulary._TOTAL_WORDS) <= listed, set(vocabulary._TOTAL_WORDS) - listed


def test_a_provinces_both_sexes_figure_is_judged_by_a_target_for_each_province(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A yearbook gives each province's figure for both sexes ("Chung") beside its cells.
    # targets-format.md says which target judges which: the cells by [province, sex], the
    # province's own figure by a target for_each: province. By hand, Hà Nội both sexes
    # 10 (2020) -> 8 (2024) against 1 by 2030, lower is better:
    # P = -((8/10)^(1/4) - 1) / |(1/10)^(1/10) - 1| = 0.0542584 / 0.2056718 = 0.263811.
    plan = (
        PLAN
        + "  - {id: poverty-province, indicator: poverty, baseline: 2020, milestones: [{by: 2030, value: 1}], for_each: province}\n"
    )
    make_tracker(tmp_path, monkeypatch, plan, HEADER)
    Path("t.csv").write_text(
        "Chỉ tiêu,Tỉnh,Giới tính,2020,2024\npoverty,Hà Nội,Chung,10,8\npoverty,Hà Nội,Nữ,11,9\n", encoding="utf-8"
    )
    assert run_clean("add-observation", "--from", "t.csv", "--wide").exit_code == 0
    import json

    doc = json.loads(run_clean("status", "--format", "json").stdout)
    by_id = {t["id"]: t for t in doc["targets"]}
    cells = {tuple(sorted(u["dims"].items())): u for u in by_id["poverty-down"]["breakdown"] if u["latest"]}
    assert list(cells) == [(("province", "Hà Nội"), ("sex", "Female"))]
    provinces = {u["dims"]["province"]: u for u in by_id["poverty-province"]["breakdown"]}
    assert provinces["Hà Nội"]["progress_value"] == pytest.approx(0.263811, abs=1e-6)
    assert provinces["Quảng Ninh"]["reason"] == "no_figures"


def test_an_sdmx_unit_every_row_carries_is_told_how_targets_yaml_takes_it(nso: Path) -> None:
    # A download from an SDG database gives every row UNIT_MEASURE PT (per cent). The
    # refusal said only to empty the cells (300,000 of them) or convert the figures;
    # targets.yaml's indicator takes the unit once (targets-format.md, `sdmx`), and the
    # file is then read as it is.
    sdmx = (
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,PROVINCE,SEX,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE\n"
        "dataflow,UN:DF_SDG(1.0),I,POVERTY,HA_NOI,Female,2020,10.5,PT\n"
    )
    Path("un.csv").write_text(sdmx, encoding="utf-8")
    r = run_clean("add-observation", "--from", "un.csv")
    assert r.exit_code == 1
    assert "sdmx: {unit_measure: PT}" in r.stderr, r.stderr
    r = run_clean("--lang", "vi", "add-observation", "--from", "un.csv")
    assert "sdmx: {unit_measure: PT}" in r.stderr, r.stderr
    plan = Path("targets.yaml").read_text(encoding="utf-8")
    Path("targets.yaml").write_text(
        plan.replace("dimensions: [province, sex]}", "dimensions: [province, sex], sdmx: {unit_measure: PT}}"),
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "un.csv")
    assert r.exit_code == 0, r.stderr
    assert (
        Path("observations.csv")
        .read_text(encoding="utf-8")
        .splitlines()[1]
        .startswith("poverty[province=Hà Nội;sex=Female],2020,10.5,")
    )


@pytest.mark.parametrize("blank", [b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n", b"\n", b"\r\n\r\n", b" \t\n"])
def test_a_store_holding_no_row_but_a_bom_or_blank_lines_is_started_as_an_empty_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blank: bytes
) -> None:
    # Notepad saving an empty observations.csv as "UTF-8 with BOM" writes its three bytes
    # alone; an editor leaves a blank line. check and status read such a file as a store
    # with no figure (silent, exit 0), but add-observation refused it: "ends in an
    # incomplete row; run 'qntrack check --repair' first" (which refused too) or "not a
    # qntrack observations file". It is now started as an empty store is: the header, then
    # the row; in a dry run too.
    make_tracker(tmp_path, monkeypatch, PLAN, "")
    Path("observations.csv").write_bytes(blank)
    assert run_clean("check").exit_code == 0
    # Nothing to repair either ("not a qntrack observations file" before, for a BOM alone).
    repaired = run_clean("check", "--repair")
    assert repaired.exit_code == 0, repaired.stderr
    assert Path("observations.csv").read_bytes() == blank
    dry = run_clean("add-observation", "poverty", "2020", "10", "--dim", "province=Hà Nội", "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert Path("observations.csv").read_bytes() == blank
    r = run_clean("add-observation", "poverty", "2020", "10", "--dim", "province=Hà Nội", "--source", "GSO")
    assert r.exit_code == 0, r.stderr
    lines = Path("observations.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER.strip()
    assert lines[1].startswith("poverty[province=Hà Nội],2020,10,,GSO,,") and len(lines) == 2
    assert run_clean("check").exit_code == 0
    assert run_clean("retract", "poverty", "2020", "--dim", "province=Hà Nội").exit_code == 0
