"""Session 37, pass G: an Open SDG site's own statuses and a stable round trip (pass D's
leftovers, a national statistics office publishing with Open SDG).

- A status the site set by hand (``auto_progress_calculation: false`` with
  ``progress_status: substantial_progress``, which sdg-build publishes as the
  indicator's) was warned of on import and lost on export into the site's checkout: the
  plan now carries it (the indicator's ``open_sdg: {progress_status: ...}``), and the
  export writes it back; a status qntrack computes is written anew at each export.
- Import, export, import again declared each dimension's units in another order: the
  export wrote a file's rows by the units' names, and the import declares units in the
  order it meets them.
- An import refused for one file's error showed none of the other files' warnings.

Expected texts are Open SDG's words and the values typed below."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from helpers import run_clean, write_repository

SAMPLE = Path(__file__).resolve().parent / "data" / "opensdg-sample"
DAY = "2025-11-01"


def _front(path: Path) -> dict:
    lines = path.read_text(encoding="utf-8").splitlines()
    ends = [i for i, line in enumerate(lines) if line.strip() == "---"]
    return yaml.safe_load("\n".join(lines[ends[0] + 1 : ends[1]]))


def _import(site: Path, into: Path, *more: str):
    return run_clean("import", "opensdg", str(site), "--into", str(into), "--recorded-at", DAY, *more)


def _export(plan: Path, into: Path, *more: str):
    return run_clean("--targets", str(plan), "export", "opensdg", "--into", str(into), *more)


# --- a status the site set by hand ------------------------------------------------------

HAND_SET = (
    "---\nindicator_name: Poverty\nauto_progress_calculation: false\nprogress_status: substantial_progress\n---\n"
)


def _hand_set_site(root: Path, meta: str = HAND_SET) -> Path:
    return write_repository(root, {"data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n", "meta/1-1-1.md": meta})


def test_a_status_set_by_hand_survives_import_export_import(tmp_path: Path) -> None:
    site = _hand_set_site(tmp_path / "site")
    tracker = tmp_path / "tracker"
    r = _import(site, tracker)
    assert r.exit_code == 0, r.output
    plan = yaml.safe_load((tracker / "targets.yaml").read_text(encoding="utf-8"))
    assert plan["indicators"]["1_1_1"]["open_sdg"] == {"progress_status": "substantial_progress"}
    # Still said: qntrack does not judge it, so status lists no target of it.
    assert "meta/1-1-1.md" in r.stderr and "progress_status: substantial_progress" in r.stderr, r.stderr
    out = _export(tracker / "targets.yaml", site, "--force")
    assert out.exit_code == 0, out.output
    front = _front(site / "meta" / "1-1-1.md")
    assert front["auto_progress_calculation"] is False
    assert front["progress_status"] == "substantial_progress"
    # The site's file is what it was: nothing of it was the plan's to change.
    assert (site / "meta" / "1-1-1.md").read_text(encoding="utf-8").count("progress_status") == 1
    again = tmp_path / "again"
    assert _import(site, again).exit_code == 0
    plan2 = yaml.safe_load((again / "targets.yaml").read_text(encoding="utf-8"))
    assert plan2["indicators"]["1_1_1"]["open_sdg"] == {"progress_status": "substantial_progress"}
    # Into a new folder too.
    fresh = tmp_path / "fresh"
    assert _export(tracker / "targets.yaml", fresh).exit_code == 0
    assert _front(fresh / "meta" / "1-1-1.md")["progress_status"] == "substantial_progress"


def test_a_computed_status_is_never_kept_from_an_earlier_export(tmp_path: Path) -> None:
    # An indicator judged by a qntrack target: the export writes the status it computes.
    # 8 is at most 9 in 2020: target_achieved. With the target gone and no status set by
    # hand, the next export writes none (not the earlier export's status).
    plan = tmp_path / "targets.yaml"
    (tmp_path / "observations.csv").write_text(
        "indicator,period,value,recorded_at,source,status,note\n"
        "poverty,2015,10,2025-01-01T00:00:00Z,GSO,,\npoverty,2020,8,2025-01-01T00:00:00Z,GSO,,\n",
        encoding="utf-8",
    )
    base = "version: 1\ntitle: T\nindicators:\n  poverty:\n    name: Poverty\n    direction: decrease\n"
    target = "targets:\n- id: p\n  indicator: poverty\n  type: plan\n  period: '2020'\n  value: 9\n"
    plan.write_text(base + target, encoding="utf-8")
    site = tmp_path / "site"
    assert _export(plan, site).exit_code == 0
    assert _front(site / "meta" / "poverty.md")["progress_status"] == "target_achieved"
    plan.write_text(base + "targets: []\n", encoding="utf-8")
    assert _export(plan, site).exit_code == 0
    front = _front(site / "meta" / "poverty.md")
    assert "progress_status" not in front and front["auto_progress_calculation"] is False
    # Set by hand in the plan: written. A target the plan judges wins over it.
    hand = base + "    open_sdg:\n      progress_status: limited_progress\n"
    plan.write_text(hand + "targets: []\n", encoding="utf-8")
    assert _export(plan, site).exit_code == 0
    assert _front(site / "meta" / "poverty.md")["progress_status"] == "limited_progress"
    plan.write_text(hand + target, encoding="utf-8")
    assert _export(plan, site).exit_code == 0
    assert _front(site / "meta" / "poverty.md")["progress_status"] == "target_achieved"


def test_a_status_open_sdg_does_not_know_is_refused_with_the_valid_ones(tmp_path: Path) -> None:
    plan = tmp_path / "targets.yaml"
    plan.write_text(
        "version: 1\ntitle: T\nindicators:\n  poverty:\n    name: Poverty\n"
        "    open_sdg:\n      progress_status: great_progress\ntargets: []\n",
        encoding="utf-8",
    )
    (tmp_path / "observations.csv").write_text("indicator,period,value,recorded_at,source,status,note\n")
    r = run_clean("--targets", str(plan), "check")
    assert r.exit_code == 1, r.output
    assert "targets.yaml:7" in r.stderr and "great_progress" in r.stderr, r.stderr
    for valid in (
        "not_available",
        "deterioration",
        "limited_progress",
        "moderate_progress",
        "substantial_progress",
        "target_achieved",
    ):
        assert valid in r.stderr, r.stderr
    assert "Traceback" not in r.output
    plan.write_text(plan.read_text(encoding="utf-8").replace("great_progress", "moderate_progress"))
    assert run_clean("--targets", str(plan), "check").exit_code == 0


def test_a_site_status_open_sdg_does_not_know_is_said_not_imported(tmp_path: Path) -> None:
    # A site may add its own status types; the plan holds Open SDG's own only.
    site = _hand_set_site(tmp_path / "site", HAND_SET.replace("substantial_progress", "on_track"))
    tracker = tmp_path / "tracker"
    r = _import(site, tracker)
    assert r.exit_code == 0, r.output
    assert "progress_status: on_track" in r.stderr and "target_achieved" in r.stderr, r.stderr
    plan = yaml.safe_load((tracker / "targets.yaml").read_text(encoding="utf-8"))
    assert "open_sdg" not in plan["indicators"]["1_1_1"], plan


# --- the round trip keeps the units' order ----------------------------------------------


def _without_source(text: str) -> list[str]:
    # The first line and the title name the folder imported, which differs by nature.
    return [line for line in text.splitlines() if not line.startswith(("# Written by", "title:"))]


def test_an_import_of_an_export_declares_the_units_in_the_same_order(tmp_path: Path) -> None:
    site = write_repository(
        tmp_path / "site",
        {
            "data/indicator_1-1-1.csv": (
                "Year,Sex,Age,Value\n2015,,,5\n2015,Male,Under 18,1\n2015,Female,Under 18,2\n"
                "2015,Female,65 and over,3\n2015,Male,18 to 64,4\n"
            ),
            "meta/1-1-1.md": "---\nindicator_name: Poverty\n---\n",
        },
    )
    first, back, second = tmp_path / "first", tmp_path / "back", tmp_path / "second"
    assert _import(site, first).exit_code == 0
    declared = yaml.safe_load((first / "targets.yaml").read_text(encoding="utf-8"))["dimensions"]
    assert declared["sex"]["values"] == ["Male", "Female"]
    assert declared["age"]["values"] == ["Under 18", "65 and over", "18 to 64"]
    assert _export(first / "targets.yaml", back).exit_code == 0
    assert _import(back, second).exit_code == 0
    assert _without_source((second / "targets.yaml").read_text(encoding="utf-8")) == _without_source(
        (first / "targets.yaml").read_text(encoding="utf-8")
    )


def test_the_samples_round_trip_gives_the_same_plan(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE, site)
    keep = ("2-2-1", "3-2-1", "3-3-1", "3-5-1", "3-10-1", "3-12-1", "3-13-1", "3-15-1")
    for folder, name in (("data", "indicator_{}.csv"), ("meta", "{}.md")):
        wanted = {name.format(k) for k in keep}
        for path in list((site / folder).iterdir()):
            if path.name not in wanted:
                path.unlink()
    first, back, second = tmp_path / "first", tmp_path / "back", tmp_path / "second"
    r = _import(site, first)
    assert r.exit_code == 0, r.output
    assert _export(first / "targets.yaml", back).exit_code == 0
    assert _import(back, second).exit_code == 0
    before = (first / "targets.yaml").read_text(encoding="utf-8")
    after = (second / "targets.yaml").read_text(encoding="utf-8")
    assert _without_source(after) == _without_source(before)
    assert after.splitlines()[0] == before.splitlines()[0].replace(str(site), str(back))


# --- a refused import says the other files' warnings too --------------------------------


def test_a_refused_import_shows_the_warnings_after_the_errors(tmp_path: Path) -> None:
    site = write_repository(
        tmp_path / "site",
        {
            "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n",
            "meta/1-1-1.md": "---\nindicator_name: Poverty\ngraph_type: line\ngraph_type: bar\n---\n",
            "data/indicator_1-2-1.csv": "Year;Value\n2015;10\n",
            "meta/1-2-1.md": "---\nindicator_name: Hunger\n---\n",
        },
    )
    r = _import(site, tmp_path / "t")
    assert r.exit_code == 1, r.output
    lines = r.stderr.splitlines()
    error = next(i for i, line in enumerate(lines) if "data/indicator_1-2-1.csv:1:" in line)
    warning = next(
        i for i, line in enumerate(lines) if "meta/1-1-1.md" in line and "'graph_type' is given twice" in line
    )
    assert error < warning, r.stderr
    assert "1 error(s), 1 warning(s)" in r.stderr, r.stderr
    assert not (tmp_path / "t").exists()  # all or nothing
    vi = _import(site, tmp_path / "t", "--lang", "vi")
    assert vi.exit_code == 1 and "graph_type" in vi.stderr, vi.stderr


def test_an_indicator_left_out_declares_no_dimension_nor_unit_of_its_own(tmp_path: Path) -> None:
    # --skip-bad left 3-11-1 of the sample out, yet its two dimensions (and the units only
    # it names) were declared: the export has no file naming them, and its import differed.
    site = write_repository(
        tmp_path / "site",
        {
            "data/indicator_1-1-1.csv": "Year,Sex,Value\n2015,Male,1\n2015,Female,2\n",
            "meta/1-1-1.md": "---\nindicator_name: Poverty\n---\n",
            "data/indicator_1-2-1.csv": "Year,Sex,Cause,Value\n2015,Other,Falls,x\n",
            "meta/1-2-1.md": "---\nindicator_name: Deaths\n---\n",
        },
    )
    first, back, second = tmp_path / "first", tmp_path / "back", tmp_path / "second"
    r = _import(site, first, "--skip-bad")
    assert r.exit_code == 0 and "data/indicator_1-2-1.csv" in r.stderr, r.output
    declared = yaml.safe_load((first / "targets.yaml").read_text(encoding="utf-8"))["dimensions"]
    assert declared == {"sex": {"name": "Sex", "values": ["Male", "Female"]}}
    assert _export(first / "targets.yaml", back).exit_code == 0
    assert _import(back, second).exit_code == 0
    assert _without_source((second / "targets.yaml").read_text(encoding="utf-8")) == _without_source(
        (first / "targets.yaml").read_text(encoding="utf-8")
    )
