"""Issue 17, twenty-ninth session, helper R: the review pass over the session's change, as
its next maintainer reads it. Each test written failing first; the expected words are the
catalog's, written here by hand, and the expected files are those typed in each test."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helpers import refused_here as _refused
from helpers import run_clean


def _table(header: str, *rows: str, name: str = "t.csv") -> Path:
    path = Path(name)
    path.write_text(header + "\n" + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


# --- 1. --status KH given with --from is the typed option, not each row's cell ---------------


def test_a_plan_typed_as_status_with_from_is_told_once_to_record_the_figure_when_published(shipped: Path) -> None:
    # Pass Y told `add-observation X 2026-Q1 8 --status KH` to record the figure when it is
    # published; with --from, the same typed option was told "leave this row out" once a row,
    # as if each row's status cell said KH: the officer has no row to leave out.
    _table("indicator,period,value", "grdp_growth,2026-Q1,8", "grdp_growth,2026-Q2,8.2")
    said = _refused("add-observation", "--from", "t.csv", "--status", "KH")
    assert "leave this row out" not in said, said
    assert said.count("error:") == 1, said
    assert (
        "add-observation: error: status 'KH' marks a plan, not a figure observed: a plan is a target's "
        "milestone in targets.yaml, never an observation; record the figure when it is published, with its "
        "status: estimate, preliminary or official"
    ) in said, said
    vi = _refused("--lang", "vi", "add-observation", "--from", "t.csv", "--status", "Kế hoạch", "--dry-run")
    assert "hãy bỏ dòng này" not in vi, vi
    assert "hãy ghi số liệu khi được công bố" in vi, vi


def test_a_status_cell_saying_kh_is_still_told_to_leave_its_row_out(shipped: Path) -> None:
    _table("indicator,period,value,status", "grdp_growth,2026-Q1,8,KH")
    said = _refused("add-observation", "--from", "t.csv")
    assert "t.csv:2: error: status 'KH' marks a plan" in said and "leave this row out" in said, said


# --- 2. The split period's Vietnamese example writes tháng in lower case, as quý ------------


def test_the_split_months_vietnamese_example_writes_thang_in_lower_case(shipped: Path) -> None:
    # 63f2a9bb lowered "Quý I/2025" in the quarter's message, as the catalog writes a period in
    # a sentence's middle; its month twin kept "Tháng 3/2025".
    _table("Năm,Tháng,Chỉ tiêu,Giá trị", "2025,3,grdp_growth,8")
    said = _refused("--lang", "vi", "add-observation", "--from", "t.csv")
    assert "(ví dụ 2025-03, tháng 3/2025)" in said, said


# --- 3. import opensdg names a disaggregation that pass Y made a period heading ------------


def _site(root: Path, column: str) -> Path:
    from helpers import write_repository

    return write_repository(
        root,
        {
            "config_data.yml": "languages:\n  - en\n",
            "data/indicator_1-1-1.csv": f"""\
                Year,{column},Units,Value
                2015,,Percent,10
                2016,,Percent,9
                2015,First,Percent,12
                2016,First,Percent,11
                """,
            "meta/1-1-1.md": "---\nindicator_name: Poverty rate\ncomputation_units: Percent\n---\n",
        },
    )


@pytest.mark.parametrize("column", ["Month", "Quarter", "Năm", "Thời kỳ"])
def test_import_opensdg_renames_a_disaggregation_headed_as_a_period_column(tmp_path: Path, column: str) -> None:
    # Pass Y read a column headed Year, Quarter, Month, Năm, Quý, Tháng, Thời kỳ as the period,
    # and refused a plan dimension of that name; import opensdg, which renames a dimension
    # that takes a column's name ("Value (Open SDG)"), did not know the new ones: a site with a
    # "Month" disaggregation was refused whole ("a case the import does not handle yet").
    repo = _site(tmp_path / "repo", column)
    done = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2024-01-15")
    assert done.exit_code == 0, done.stderr
    plan = yaml.safe_load((tmp_path / "t" / "targets.yaml").read_text(encoding="utf-8"))
    (dimension,) = [d for key, d in plan["dimensions"].items() if key != "units"]
    assert dimension["name"] in (f"{column} (Open SDG)", {"en": f"{column} (Open SDG)"}), dimension
    status = run_clean("--targets", str(tmp_path / "t" / "targets.yaml"), "check")
    assert status.exit_code == 0, status.stderr


def test_a_python_callers_plan_status_in_row_defaults_is_told_once_of_defaults(shipped: Path) -> None:
    # The library's twin of --status KH with --from: RowDefaults(status="KH") was told "leave
    # this row out" once a row, naming rows the caller never wrote a status in.
    import qntrack
    from qntrack.files.importing import RowDefaults

    _table("indicator,period,value", "grdp_growth,2026-Q1,8", "grdp_growth,2026-Q2,8.2")
    before = Path("observations.csv").read_bytes()
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.import_observations("targets.yaml", "t.csv", defaults=RowDefaults(status="KH"))
    problems = caught.value.problems
    assert len(problems) == 1, problems
    assert str(problems[0]).startswith("defaults: error: status 'KH' marks a plan"), problems
    assert "leave this row out" not in str(problems[0]) and "when it is published" in str(problems[0])
    assert Path("observations.csv").read_bytes() == before
