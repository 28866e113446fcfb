"""The thirty-seventh session's own changes (issue 17): what the lead mended between passes."""

from __future__ import annotations

import subprocess
import sys

import pytest


def test_argument_error_is_importable_from_qntrack_as_every_error_is():
    """docs/python-api.md tells a caller to catch ``ArgumentError`` for a wrong argument,
    but it was the one error ``qntrack`` did not export (``qntrack.ArgumentError`` raised
    AttributeError), so a caller reached into ``qntrack.errors``."""
    import qntrack
    from qntrack.errors import ArgumentError, InputError

    assert "ArgumentError" in qntrack.__all__
    assert qntrack.ArgumentError is ArgumentError
    assert issubclass(qntrack.ArgumentError, InputError)
    try:
        qntrack.history(None, 5)  # an indicator that is no text
    except qntrack.ArgumentError as error:
        assert error.problems[0].location.file == "indicator"
    else:  # pragma: no cover - the test's failure
        raise AssertionError("history(None, 5) was taken")


def test_import_qntrack_still_loads_no_error_module():
    """Exporting one more name keeps ``import qntrack`` loading none of them."""
    code = "import sys, qntrack; print('qntrack.errors' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_translated_metadata_files_unit_given_twice_is_a_warning(tmp_path):
    """meta/vi/1-1-1.md translates the indicator's words: its ``computation_units`` is the
    unit's Vietnamese label, read as text only (opensdg_meta_text), never the unit the
    figures are judged in. Pass B refused the whole import when it was given twice, as
    the main file's unit is; a label decides no figure, so the later one is used and a
    warning names both, as for a name."""
    from test_s37_b import REPO_DATA, _import_repo, _meta, _said
    from helpers import write_repository

    repo = write_repository(
        tmp_path / "repo",
        {
            "config_data.yml": "languages:\n  - en\n  - vi\n",
            "data/indicator_1-1-1.csv": REPO_DATA,
            "meta/1-1-1.md": _meta("indicator_name: Poverty rate", "computation_units: Percent"),
            "meta/vi/1-1-1.md": _meta(
                "indicator_name: Tỷ lệ nghèo", "computation_units: Phần trăm", "computation_units: Tỷ lệ"
            ),
        },
    )
    made = _import_repo(repo)
    assert made.exit_code == 0, made.output
    text = _said(made.stderr)
    assert (
        "meta/vi/1-1-1.md:4: warning: 'computation_units' is given twice: 'Phần trăm' on line 3, 'Tỷ lệ' here" in text
    )
    assert (tmp_path / "out" / "targets.yaml").exists()


def test_an_indicators_id_given_as_a_target_is_told_its_targets_in_python(shipped):
    """``qntrack status fdi`` says "'fdi' is an indicator, not a target; its targets: ...";
    ``qntrack.status(target_ids=["fdi"])`` said only "no target 'fdi' in the plan" (pass E's
    leftover). The command's words now, the refusal's key kept (a program tests
    ``error.key``), each other unknown id said as before."""
    import qntrack
    from qntrack.catalog import render

    with pytest.raises(qntrack.ArgumentError) as caught:
        qntrack.status("targets.yaml", target_ids=["fdi", "nope", "cbct-share"])
    error = caught.value
    assert (error.file, error.key, error.code) == ("target_ids", "kinds_unknown_targets", 1)
    said = [str(p.message) for p in error.problems]
    # The shipped plan's targets on indicator fdi, in its order (targets.yaml).
    uses = [t["id"] for t in qntrack.status("targets.yaml")["targets"] if t["indicator"] == "fdi"]
    assert uses, "the shipped plan has targets on fdi"
    assert said == [
        f"'fdi' is an indicator, not a target; its targets: {', '.join(uses)}",
        "no target 'nope' in the plan",
    ]
    assert all(p.message.id == "kinds_unknown_targets" for p in error.problems)
    assert render(error.problems[0].message, "vi").startswith("'fdi' là")
    with pytest.raises(qntrack.ArgumentError) as caught:
        qntrack.assess(*_plan_and_series(), ["fdi"])
    assert str(caught.value.problems[0].message).startswith("'fdi' is an indicator, not a target")


def _plan_and_series():
    import qntrack

    ws = qntrack.open_workspace("targets.yaml")
    return ws.plan, ws.series


def test_a_column_the_data_lacks_is_not_told_of_translation_keys(tmp_path):
    """An option's field no column has (``Sexes`` where the file's column is ``Sex``) is a
    misspelt column: pass J's warning ended with the note on a site whose cells are
    translation keys ("needs its translations/ folder"), which is about values, not
    columns. A value no row has keeps the note (its cells may be keys)."""
    from test_s37_j import SEXES, _import
    from helpers import write_repository

    site = write_repository(
        tmp_path / "site",
        {"data/indicator_1-1-1.csv": "Year,Sex,Value\n2015,Female,50\n2020,Female,60\n", "meta/1-1-1.md": SEXES},
    )
    r = _import(site, tmp_path / "t")
    assert r.exit_code == 0, r.output
    said = " ".join(line for line in r.stderr.splitlines() if "Sexes" in line)
    assert "'Sex'" in said and "translations/" not in said, said
    meta = SEXES.replace("Sexes", "Sex").replace("value: Female", "value: Women")
    site = write_repository(
        tmp_path / "site2",
        {"data/indicator_1-1-1.csv": "Year,Sex,Value\n2015,Female,50\n2020,Female,60\n", "meta/1-1-1.md": meta},
    )
    r = _import(site, tmp_path / "t2")
    said = " ".join(line for line in r.stderr.splitlines() if "Women" in line)
    assert "translations/" in said, said
