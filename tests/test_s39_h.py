"""Session 39, helper H (issue 17): ``show TARGET_ID --dim DIMENSION=UNIT`` tried as a
ministry officer with a national plan would, a Vietnamese officer, a script and a Python
caller.

Each test was written first and seen failing, or pins what was found sound. The plan is
a small national one: five provinces of which one ended before the target's periods (Hà
Tây, merged into Hà Nội on 1 August 2008) and one ended and was followed by another
(Khánh Hòa, then "Khánh Hoà mới" from 1 July 2025), a second dimension (sex, its units
named in Vietnamese too), an open dimension (district), and a target of each kind that
can be broken down. Every expected number is worked out by hand below.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from conftest import dedent, make_tracker
from helpers import run_clean

PLAN = dedent("""
    title: {en: National plan, vi: Kế hoạch quốc gia}
    dimensions:
      province:
        name: {en: Province, vi: Tỉnh}
        values:
          - Hà Nội
          - Hải Phòng
          - Quảng Ninh
          - {value: Hà Tây, until: "2008-07-31"}
          - {value: Khánh Hòa, until: "2025-06-30"}
          - {value: Khánh Hoà mới, since: "2025-07-01", from: [Khánh Hòa]}
      sex:
        name: {en: Sex, vi: Giới tính}
        values: [{value: Female, names: {vi: Nữ}}, {value: Male, names: {vi: Nam}}]
      district:
        name: {en: District, vi: Huyện}
    indicators:
      poverty:
        name: {en: Poverty rate, vi: Tỷ lệ hộ nghèo}
        unit: "%"
        direction: decrease
        dimensions: [province, sex]
      invest:
        name: {en: Investment, vi: Vốn đầu tư}
        unit: bn VND
        measure: flow
        dimensions: [province, district]
    targets:
      - id: poverty-2025
        indicator: poverty
        baseline: 2020
        milestones: [{by: 2025, value: 2}]
        for_each: province
      - id: poverty-cells
        indicator: poverty
        baseline: 2020
        milestones: [{by: 2025, value: 2}]
        for_each: [province, sex]
      - id: invest-plan
        type: plan
        name: {en: "Investment plan 2024: 500 bn VND", vi: "Kế hoạch vốn đầu tư 2024: 500 tỷ đồng"}
        indicator: invest
        period: 2024
        value: 500
        for_each: province
        overrides:
          "Hải Phòng": {value: 120}
      - id: invest-district
        type: plan
        indicator: invest
        period: 2024
        value: 50
        for_each: district
""")

STORE = dedent("""
    indicator,period,value,status,source,note,recorded_at
    poverty[province=Hà Nội],2020,3,official,,,2021-03-01T00:00:00Z
    poverty[province=Hà Nội],2023,1.8,official,,,2024-06-10T00:00:00Z
    poverty[province=Hà Nội;sex=Female],2020,3.2,official,,,2021-03-01T00:00:00Z
    poverty[province=Hà Nội;sex=Female],2024,2.1,official,,,2025-03-01T00:00:00Z
    invest[province=Hải Phòng],2024,125,official,,,2025-03-01T00:00:00Z
    invest[district=Ba Vì],2024,12,official,,,2025-03-01T00:00:00Z
""")


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


# --- 1. the page says whose figures these are ------------------------------------------


def test_a_units_page_names_the_unit_under_the_targets_title(plan: Path) -> None:
    # The title is the whole target's ("500 bn VND"); Hải Phòng's own plan is 120. The
    # heading named the target alone, so "Investment plan 2024: 500 bn VND" stood over
    # Hải Phòng's figures; the line under it now says the figures are Hải Phòng's alone.
    r = run_clean("show", "invest-plan", "--dim", "province=Hải Phòng")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0].startswith("Investment plan 2024: 500 bn VND")
    assert lines[1] == "Hải Phòng only: its own figures and status; the title above is the whole target's."
    # its own plan, 120 (125 is 104.2% of it), not the whole's 500
    assert "120 bn VND (2024)" in r.stdout and "104.2%" in r.stdout


def test_a_units_page_names_the_unit_in_vietnamese_by_its_names(plan: Path) -> None:
    # Two dimensions: the cell named by the units' Vietnamese names (Female is "Nữ").
    r = run_clean("show", "poverty-cells", "--dim", "province=Hà Nội", "--dim", "sex=Female", "--lang", "vi")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0].startswith("Tỷ lệ hộ nghèo")
    assert lines[1] == (
        "Chỉ riêng Hà Nội, Nữ: số liệu và đánh giá của riêng đơn vị này; tiêu đề ở trên là của toàn bộ mục tiêu."
    )


def test_the_whole_targets_page_has_no_such_line(plan: Path) -> None:
    r = run_clean("show", "invest-plan")
    assert r.exit_code == 0, r.output
    assert "only:" not in r.stdout and "the title above" not in r.stdout


# --- 2. a unit the target judges nothing of: the reason, not a list of possible ones ----


def test_a_unit_that_ended_before_the_targets_periods_is_told_so(plan: Path) -> None:
    # Hà Tây ended on 31 July 2008; poverty-2025 runs from 2020 to 2025. It was told "it
    # has no figure ... or it existed at no time in the target's periods", two reasons of
    # which only one is true.
    r = run_clean("show", "poverty-2025", "--dim", "province=Hà Tây")
    assert r.exit_code == 1, r.output
    err = " ".join(r.stderr.split())
    assert err.startswith("--dim: error:")
    assert (
        "'province=Hà Tây' existed until 2008-07-31 (dimensions:), at no time in the periods"
        " 'poverty-2025' judges (2025)" in err
    )
    assert "no figure, recorded or withdrawn" not in err
    assert "province=Hà Nội" in err  # the units it judges are still offered
    assert "Traceback" not in r.output


def test_a_unit_that_ended_before_the_targets_periods_in_vietnamese(plan: Path) -> None:
    r = run_clean("show", "poverty-2025", "--dim", "province=Hà Tây", "--lang", "vi")
    assert r.exit_code == 1, r.output
    err = " ".join(r.stderr.split())
    assert (
        "'province=Hà Tây' chỉ tồn tại đến 31/07/2008 (theo dimensions:), không thuộc kỳ nào mà"
        " 'poverty-2025' đánh giá (2025)" in err
    )


def test_a_unit_formed_after_a_plans_year_is_told_when_it_began(plan: Path) -> None:
    # Khánh Hoà mới began on 1 July 2025; invest-plan judges 2024.
    r = run_clean("show", "invest-plan", "--dim", "province=khánh hoà mới")
    assert r.exit_code == 1, r.output
    err = " ".join(r.stderr.split())
    assert (
        "'province=Khánh Hoà mới' exists from 2025-07-01 on (dimensions:), at no time in the periods"
        " 'invest-plan' judges (2024)" in err
    )


def test_an_open_dimensions_unit_without_a_figure_is_told_it_has_none(plan: Path) -> None:
    # An open dimension: any name is a unit, but Sóc Sơn has no figure and no values of its own.
    r = run_clean("show", "invest-district", "--dim", "district=Sóc Sơn")
    assert r.exit_code == 1, r.output
    err = " ".join(r.stderr.split())
    assert (
        "'district=Sóc Sơn' has no figure of the periods 'invest-district' judges, recorded or withdrawn,"
        " and no values of its own in targets.yaml; units judged: district=Ba Vì" in err
    )
    assert "existed at no time" not in err
    assert "district=Ba Vì" in err


def test_a_python_caller_is_told_the_same_reason_at_dims(plan: Path) -> None:
    import qntrack

    with pytest.raises(qntrack.ArgumentError) as caught:
        qntrack.show(None, "poverty-2025", dims={"province": "Hà Tây"})
    assert str(caught.value).startswith("dims:"), str(caught.value)
    assert "existed until 2008-07-31" in str(caught.value)
    assert caught.value.code == 1


# --- 3. found sound: the unit's figures agree with status --by and rank ------------------


def test_the_units_document_agrees_with_status_and_rank_for_every_unit(plan: Path) -> None:
    status = json.loads(run_clean("status", "--format", "json").stdout)
    checked = 0
    for t in status["targets"]:
        if not t["for_each"]:
            continue
        ranked = {
            json.dumps(u["dims"]): u for u in json.loads(run_clean("rank", t["id"], "--format", "json").stdout)["units"]
        }
        for unit in t["breakdown"]:
            dims = [f"--dim={d}={v}" for d, v in unit["dims"].items()]
            r = run_clean("show", t["id"], *dims, "--format", "json")
            assert r.exit_code == 0, r.output
            doc = json.loads(r.stdout)
            assert doc["dims"] == unit["dims"]
            for key in ("status", "reason", "gap", "score", "progress_value", "latest", "milestones", "withdrawn"):
                assert doc[key] == unit[key], (t["id"], unit["dims"], key)
            row = ranked[json.dumps(unit["dims"])]
            for key in ("status", "score", "progress_value"):
                assert doc[key] == row[key], (t["id"], unit["dims"], key)
            checked += 1
    # poverty-2025: Hà Nội, Hải Phòng, Quảng Ninh, Khánh Hòa, Khánh Hoà mới (Hà Tây ended in
    # 2008); poverty-cells: those five by two sexes; invest-plan: the five but Khánh Hoà
    # mới (from 2025, after the plan's 2024); invest-district: Ba Vì.
    assert checked == 5 + 10 + 4 + 1


def test_hanois_own_numbers_worked_out_by_hand(plan: Path) -> None:
    # Hà Nội 3% in 2020, 1.8% in 2023, decrease to 2% by 2025: achieved (1.8 <= 2), gap
    # 1.8 - 2 = -0.2 point.
    doc = json.loads(run_clean("show", "poverty-2025", "--dim", "province=Hà Nội", "--format", "json").stdout)
    assert doc["status"] == "target_achieved"
    assert doc["gap"] == pytest.approx(-0.2)
    assert doc["latest"]["value"] == 1.8 and doc["baseline"]["value"] == 3


def test_a_unit_typed_decomposed_and_in_capitals_is_the_unit(plan: Path) -> None:
    typed = unicodedata.normalize("NFD", "province=HẢI PHÒNG")
    r = run_clean("show", "invest-plan", "--dim", typed, "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["dims"] == {"province": "Hải Phòng"}


# --- 4. a unit written into the target's id: the command offered works -------------------


def test_a_unit_typed_into_the_id_is_offered_in_the_plans_spelling(plan: Path) -> None:
    # 'invest-plan[Province=hải phòng]' was offered --dim "Province=hải phòng", as typed;
    # the command offered writes the dimension's id and the unit as targets.yaml spells it.
    r = run_clean("show", "invest-plan[Province=hải phòng]")
    assert r.exit_code == 1, r.output
    err = " ".join(r.stderr.split())
    assert "'qntrack show invest-plan --dim \"province=Hải Phòng\"'" in err, err


def test_a_unit_the_plan_lacks_typed_into_the_id_is_not_offered_as_a_unit(plan: Path) -> None:
    # 'invest-plan[province=Nowhere]' was offered 'qntrack show invest-plan --dim
    # province=Nowhere', a command that is then refused: Nowhere is no province. It is told
    # the units of the dimension instead, as --dim would tell it.
    r = run_clean("show", "invest-plan[province=Nowhere]")
    assert r.exit_code == 1, r.output
    err = " ".join(r.stderr.split())
    assert "--dim province=Nowhere" not in err, err
    assert "'Nowhere' is not a unit of 'province' (Province)" in err, err
    assert "Hà Nội, Hải Phòng" in err


def test_a_unit_typed_into_the_id_calls_the_target_a_target_in_vietnamese(plan: Path) -> None:
    # "chỉ tiêu" is an indicator in every other message ("không có chỉ tiêu 'shar'"); the
    # message called the target one, "không có chỉ tiêu 'invest-plan[...]'": a target is a
    # "mục tiêu", as "không có mục tiêu 'x'" says of an id the plan lacks.
    r = run_clean("show", "invest-plan[province=Hải Phòng]", "--lang", "vi")
    assert r.exit_code == 1, r.output
    err = " ".join(r.stderr.split())
    assert (
        "không có mục tiêu 'invest-plan[province=Hải Phòng]': đó là một đơn vị của mục tiêu 'invest-plan';"
        " xem riêng đơn vị đó bằng 'qntrack show invest-plan --dim \"province=Hải Phòng\"'" in err
    ), err


# --- 5. a unit the target does not judge, whatever was withdrawn of it -------------------

WITHDRAWN_ELSEWHERE = STORE + dedent("""
    poverty[province=Hà Tây],2005,9,official,,,2006-03-01T00:00:00Z
    poverty[province=Hà Tây],2005,,retracted,,wrong scope,2007-03-01T00:00:00Z
    invest[district=Sóc Sơn],2019,7,official,,,2020-03-01T00:00:00Z
    invest[district=Sóc Sơn],2019,,retracted,,double count,2020-05-01T00:00:00Z
""")


@pytest.fixture
def withdrawn_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, WITHDRAWN_ELSEWHERE)


def test_a_unit_outside_the_periods_with_a_figure_withdrawn_is_refused(withdrawn_elsewhere: Path) -> None:
    # Hà Tây's 2005 figure was withdrawn: it was shown as a unit of poverty-2025, "Not
    # available ... no figure has been recorded for Hà Tây yet", a unit status --by does
    # not list (it ended in 2008), with a sentence that is not so (one was, and withdrawn).
    status = json.loads(run_clean("status", "poverty-2025", "--format", "json").stdout)
    assert {"province": "Hà Tây"} not in [u["dims"] for u in status["targets"][0]["breakdown"]]
    r = run_clean("show", "poverty-2025", "--dim", "province=Hà Tây")
    assert r.exit_code == 1, r.output
    err = " ".join(r.stderr.split())
    assert "'province=Hà Tây' existed until 2008-07-31 (dimensions:), at no time in the periods" in err, err


def test_a_unit_with_a_figure_withdrawn_outside_a_plans_year_is_refused(withdrawn_elsewhere: Path) -> None:
    # Sóc Sơn's one figure, of 2019, was withdrawn; invest-district judges 2024 (and reads
    # 2023 beside it). status --by lists no Sóc Sơn; show --dim showed it "not available".
    status = json.loads(run_clean("status", "invest-district", "--format", "json").stdout)
    assert [u["dims"] for u in status["targets"][0]["breakdown"]] == [{"district": "Ba Vì"}]
    r = run_clean("show", "invest-district", "--dim", "district=Sóc Sơn")
    assert r.exit_code == 1, r.output
    err = " ".join(r.stderr.split())
    assert (
        "'district=Sóc Sơn' has no figure of the periods 'invest-district' judges, recorded or withdrawn,"
        " and no values of its own in targets.yaml" in err
    ), err


def test_a_part_of_a_cell_typed_into_the_id_is_told_to_name_each_dimension(plan: Path) -> None:
    # poverty-cells is judged by province and sex: 'poverty-cells[province=Hà Nội]' was
    # offered 'qntrack show poverty-cells --dim "province=Hà Nội"', which is then refused
    # (the sex left out); likewise a sex added to a target judged by province alone.
    r = run_clean("show", "poverty-cells[province=Hà Nội]")
    assert r.exit_code == 1, r.output
    err = " ".join(r.stderr.split())
    assert "show that unit with" not in err, err
    assert "'poverty-cells' is judged unit by unit of province (Province), sex (Sex)" in err, err
    assert "as --dim province=UNIT --dim sex=UNIT" in err
    r = run_clean("show", "poverty-2025[province=Hà Nội;sex=Female]")
    assert r.exit_code == 1, r.output
    err = " ".join(r.stderr.split())
    assert "show that unit with" not in err, err
    assert "(given: province, sex), as --dim province=UNIT" in err, err


# --- 6. a Python caller's empty unit: the command's exit code ----------------------------


@pytest.mark.parametrize("dims", [{"province": ""}, {"province": "  "}, [("province", "")]])
def test_an_empty_unit_given_as_a_dict_or_pair_is_the_usage_error_the_command_gives(plan: Path, dims: object) -> None:
    # show --dim province= exits 2 (a form: README, "Exit codes"), as dims="province="
    # raises with code 2; a dict or pair with an empty unit raised code 1 ("dimension
    # 'province' is given no value"), not the command's code (tests/test_s37_e.py's rule).
    import qntrack

    r = run_clean("show", "invest-plan", "--dim", "province=")
    assert r.exit_code == 2, r.output
    for call in (
        lambda: qntrack.show(None, "invest-plan", dims=dims),
        lambda: qntrack.history(None, "invest", dims=dims),
    ):
        with pytest.raises(qntrack.ArgumentError) as caught:
            call()
        assert caught.value.code == 2, str(caught.value)
        assert str(caught.value).startswith("dims: error: 'province="), str(caught.value)
        assert "' is not DIMENSION=UNIT" in str(caught.value)


def test_a_python_caller_typing_a_unit_into_the_id_is_told_dims(plan: Path) -> None:
    # qntrack.show(None, "invest-plan[province=hải phòng]") was told "did you mean
    # 'invest-plan'?" and every target's id, where the command tells the unit's --dim: a
    # caller is told the call that shows that unit, in the plan's spelling.
    import qntrack

    with pytest.raises(qntrack.ArgumentError) as caught:
        qntrack.show(None, "invest-plan[province=hải phòng]")
    said = str(caught.value)
    assert caught.value.code == 1
    assert said.startswith("target_id: error: no target 'invest-plan[province=hải phòng]'"), said
    assert "show(targets, 'invest-plan', dims={'province': 'Hải Phòng'})" in said, said
    assert "did you mean" not in said
