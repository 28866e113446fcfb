"""`qntrack import opensdg` (issue 16): a real Open SDG repository (Statistics Canada's
sample, tests/data/opensdg-sample) reproduces every series and
indicator result Open SDG published for it; small repositories written here pin each rule
of the format (docs/formats.md, "Open SDG: import")."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from textwrap import dedent

import pytest
import yaml

from helpers import made_once, run, write_repository

SAMPLE = Path(__file__).resolve().parent / "data" / "opensdg-sample"  # tests/data/README.md

# Statistics Canada's data cells are translation keys ("data.Malignant neoplasms [C00-C97]")
# and its progress options name the English translations ("Malignant neoplasms"): its site
# reads them from translations/en/data.yml, which the sample leaves out. These are the
# entries 3-11-1 needs, written here: each label without its ICD-10 code.
TRANSLATIONS = """\
"Leading causes of death (ICD-10)": "Leading causes of death"
"Malignant neoplasms [C00-C97]": "Malignant neoplasms"
"Diabetes mellitus [E10-E14]": "Diabetes mellitus"
"Alzheimer's disease [G30]": "Alzheimer's disease"
"Diseases of heart [I00-I09, I11, I13, I20-I51]": "Diseases of heart"
"Cerebrovascular diseases [I60-I69]": "Cerebrovascular diseases"
"Influenza and pneumonia [J09-J18]": "Influenza and pneumonia"
"Chronic lower respiratory diseases [J40-J47]": "Chronic lower respiratory diseases"
"Chronic liver disease and cirrhosis [K70, K73-K74]": "Chronic liver disease and cirrhosis"
"Accidents (unintentional injuries) [V01-X59, Y85-Y86]": "Accidents (unintentional injuries)"
"Intentional self-harm (suicide) [X60-X84, Y87.0]": "Intentional self-harm (suicide)"
"""


def _make_sample_import(folder: Path) -> None:
    repo = folder / "repo"
    shutil.copytree(SAMPLE, repo)
    (repo / "translations" / "en").mkdir(parents=True)
    (repo / "translations" / "en" / "data.yml").write_text(TRANSLATIONS, encoding="utf-8")
    done = run("import", "opensdg", str(repo), "--into", str(folder / "tracker"), "--recorded-at", "2025-11-01")
    assert done.exit_code == 0, done.stderr
    status = run(
        "--targets", str(folder / "tracker" / "targets.yaml"), "status", "--format", "json", "--group-by", "group"
    )
    assert status.exit_code == 0, status.stderr
    (folder / "status.json").write_text(status.stdout, encoding="utf-8")


@pytest.fixture(scope="session")
def sample_import(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return made_once(tmp_path_factory, "opensdg-sample-import", _make_sample_import)


def _published() -> dict:
    return yaml.safe_load((SAMPLE / "indicator_calculation_components.yml").read_text(encoding="utf-8"))


def _same_tag(mine: str, published: str) -> bool:
    """Open SDG's tag of a series, whose long parts the published file cuts with '...'."""
    a, b = mine.split(" / "), published.split(" / ")
    return len(a) == len(b) and all(
        x == y or (y.endswith("...") and x.startswith(y[:-3])) for x, y in zip(a, b, strict=False)
    )


def test_every_published_series_is_reproduced_exactly(sample_import: Path):
    doc = json.loads((sample_import / "status.json").read_text(encoding="utf-8"))
    published = _published()
    series = {(inid, tag): v for inid, item in published.items() for tag, v in item.items() if isinstance(v, dict)}
    assert len(doc["targets"]) == len(series) == 53
    matched = set()
    for t in doc["targets"]:
        inid = t["group"]
        tag = t["name"] if t["name"].startswith(inid + " /") else inid
        found = [k for k in series if k[0] == inid and _same_tag(tag, k[1])]
        assert len(found) == 1, (t["id"], tag)
        matched.add(found[0])
        p, d = series[found[0]], t["details"]
        assert (t["status"], t["score"], t["progress_value"]) == (p["status"], p["score"], p["progress_value"]), t["id"]
        assert (d["base_year"], d["base_value"], d["current_year"], d["current_value"]) == (
            p["base_year"],
            p["base_value"],
            p["current_year"],
            p["current_value"],
        ), t["id"]
        assert (d["target"], d["target_year"], d["direction"], d["sign"], d["limit"]) == (
            p["target"],
            p["target_year"],
            p["direction"],
            p["sign"],
            p["limit"],
        ), t["id"]
    assert matched == set(series)


def test_every_indicator_result_is_its_group(sample_import: Path):
    doc = json.loads((sample_import / "status.json").read_text(encoding="utf-8"))
    published = _published()
    groups = {g["name"]: g for g in doc["groups"]}
    assert set(groups) == set(published)
    for inid, item in published.items():
        assert (groups[inid]["status"], groups[inid]["score"]) == (item["progress_status"], item["score"]), inid


def test_the_sample_reimported_adds_nothing(sample_import: Path, tmp_path: Path):
    tracker = tmp_path / "tracker"
    shutil.copytree(sample_import / "tracker", tracker)
    before = (tracker / "observations.csv").read_bytes()
    again = run("import", "opensdg", str(sample_import / "repo"), "--into", str(tracker), "--recorded-at", "2025-12-01")
    assert again.exit_code == 0, again.stderr
    assert "0 added, 59,102 already in force" in again.stderr
    assert (tracker / "observations.csv").read_bytes() == before


# --- small repositories ------------------------------------------------------------------


BASIC = {
    "config_data.yml": "languages:\n  - en\n",
    "data/indicator_1-1-1.csv": """\
        Year,Sex,Units,Value
        2015,,Percent,10
        2016,,Percent,9
        2020,,Percent,8
        2015,Female,Percent,12
        2020,Female,Percent,13
        2015,Total,Percent,11
        2020,Total,Percent,10
        2021,,Percent,
        """,
    "meta/1-1-1.md": """\
        ---
        indicator_name: Poverty rate
        computation_units: Percent
        source_active_1: true
        source_organisation_1: Office of Statistics
        source_url_text_1: Table 1
        auto_progress_calculation: true
        progress_calculation_options:
        - target: 5
          target_year: 2030
        - direction: positive
          disaggregation:
          - field: Sex
            value: Female
        ---
        """,
}


def _import(repo: Path, into: Path, *more: str):
    return run("import", "opensdg", str(repo), "--into", str(into), *more)


def _status(into: Path, *more: str) -> dict:
    done = run("--targets", str(into / "targets.yaml"), "status", "--format", "json", *more)
    assert done.exit_code == 0, done.stderr
    return json.loads(done.stdout)


def test_headline_and_disaggregation_options_become_targets_of_their_series(tmp_path: Path):
    repo = write_repository(tmp_path / "repo", BASIC)
    done = _import(repo, tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 0, done.stderr
    plan = yaml.safe_load((tmp_path / "t" / "targets.yaml").read_text(encoding="utf-8"))
    assert plan["indicators"]["1_1_1"]["unit"] == "%"  # "Percent", written as qntrack writes a share
    one, two = plan["targets"]
    # Open SDG's default direction is negative; the headline's Units cell names its series.
    assert one == {
        "id": "1-1-1-s1",
        "type": "open_sdg",
        "indicator": "1_1_1",
        "group": "1-1-1",
        "source": "Open SDG meta/1-1-1.md, progress_calculation_options item 1",
        "direction": "decrease",
        "target": 5,
        # The site's target_year: 2030 is Open SDG's default and the plan's: left out, as
        # an export writes it and its import then gives the same plan (thirty-seventh session).
        "of": {"units": "Percent"},
    }
    assert two["of"] == {"sex": "Female", "units": "Percent"} and two["direction"] == "increase"
    # "Total" is a unit of its own in Open SDG, not the headline: declared, it stays one.
    assert plan["dimensions"]["sex"]["values"] == ["Female", "Total"]
    status = _status(tmp_path / "t")
    headline = status["targets"][0]
    # 10 (2015) to 8 (2020), lower is better, target 5 by 2030: achieved (8/10)^(1/5)-1 =
    # -0.0436475; required (5/10)^(1/15)-1 = -0.0451584; P = 0.966542 >= 0.95: substantial.
    assert headline["status"] == "substantial_progress"
    assert headline["progress_value"] == pytest.approx(0.966542, abs=1e-6)
    assert headline["latest"]["value"] == 8.0 and headline["latest"]["source"] == "Office of Statistics Table 1"
    assert "1 row(s) without a figure were left out" in done.stderr


def test_a_git_checkout_dates_each_file_and_a_newer_checkout_adds_only_what_changed(tmp_path: Path):
    repo = write_repository(tmp_path / "repo", BASIC)
    env = dict(
        os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@x", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@x"
    )

    def commit(when: str) -> None:
        stamp = dict(env, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=stamp)
        subprocess.run(["git", "-C", str(repo), "commit", "-qm", "data"], check=True, env=stamp)

    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    commit("2024-03-01T10:00:00+00:00")
    first = _import(repo, tmp_path / "t")
    assert first.exit_code == 0, first.stderr
    rows = (tmp_path / "t" / "observations.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + 7 and all(r.endswith("2024-03-01T10:00:00Z") for r in rows[1:])
    # The next checkout revises 2020 (8 -> 7.5) and adds 2022.
    data = repo / "data" / "indicator_1-1-1.csv"
    data.write_text(data.read_text().replace("2020,,Percent,8", "2020,,Percent,7.5") + "2022,,Percent,7\n")
    commit("2025-02-01T10:00:00+00:00")
    second = _import(repo, tmp_path / "t")
    assert second.exit_code == 0, second.stderr
    assert "2 added, 6 already in force" in second.stderr
    added = (tmp_path / "t" / "observations.csv").read_text(encoding="utf-8").splitlines()[len(rows) :]
    assert [r.split(",")[:3] for r in added] == [
        ["1_1_1[units=Percent]", "2020", "7.5"],
        ["1_1_1[units=Percent]", "2022", "7"],
    ]
    # --as-of replays what the site showed before the second commit.
    then = _status(tmp_path / "t", "--as-of", "2024-12-31")
    assert then["targets"][0]["latest"]["value"] == 8.0
    assert _status(tmp_path / "t")["targets"][0]["latest"]["value"] == 7.0
    third = _import(repo, tmp_path / "t")
    assert "0 added, 8 already in force" in third.stderr


def test_a_folder_outside_git_needs_a_date(tmp_path: Path):
    repo = write_repository(tmp_path / "repo", BASIC)
    done = _import(repo, tmp_path / "t")
    assert done.exit_code == 1
    assert "not a git checkout: give the date the figures were published with --recorded-at" in done.stderr
    assert done.stderr.count("not a git checkout") == 1  # one message for the repository, not one a file
    assert not (tmp_path / "t").exists()


def test_year_ranges_and_quarters_are_read_as_open_sdg_reads_them(tmp_path: Path):
    files = dict(BASIC)
    files["data/indicator_1-1-1.csv"] = """\
        Year,Value
        2014-2015,10
        2019-2020,8
        """
    done = _import(write_repository(tmp_path / "repo", files), tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 0, done.stderr
    text = (tmp_path / "t" / "observations.csv").read_text(encoding="utf-8")
    assert "1_1_1,2014,10," in text and "data/indicator_1-1-1.csv:2 (Year 2014-2015)" in text
    assert "1_1_1,2019,8," in text


def test_a_progress_column_is_what_the_targets_judge(tmp_path: Path):
    files = dict(BASIC)
    files["data/indicator_1-1-1.csv"] = """\
        Year,Value,Progress
        2015,-4,4
        2020,-2,2
        """
    done = _import(write_repository(tmp_path / "repo", files), tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 0, done.stderr
    plan = yaml.safe_load((tmp_path / "t" / "targets.yaml").read_text(encoding="utf-8"))
    assert [t["indicator"] for t in plan["targets"]] == ["1_1_1_progress", "1_1_1_progress"]
    first = _status(tmp_path / "t")["targets"][0]
    assert first["details"]["base_value"] == 4.0 and first["details"]["current_value"] == 2.0


def test_two_figures_for_one_year_of_a_series_stop_the_import_naming_both_lines(tmp_path: Path):
    files = dict(BASIC)
    files["data/indicator_2-1-1.csv"] = "Year,Value\n2015,1\n2015,2\n"
    done = _import(write_repository(tmp_path / "repo", files), tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 1
    assert (
        "data/indicator_2-1-1.csv:3: error: a second figure for Year 2015 of the same series (the first on line 2)"
        in done.stderr
    )
    assert not (tmp_path / "t").exists()
    skipped = _import(tmp_path / "repo", tmp_path / "t", "--recorded-at", "2024-01-15", "--skip-bad")
    assert skipped.exit_code == 0, skipped.stderr
    assert "indicator 2-1-1 was left out (--skip-bad)" in skipped.stderr
    assert [t["id"] for t in _status(tmp_path / "t")["targets"]] == ["1-1-1-s1", "1-1-1-s2"]


@pytest.mark.parametrize(
    ("meta", "said"),
    [
        (
            "---\nprogress_calculation_options:\n- direction: up\n---\n",
            "item 1: direction: 'up' is not positive or negative",
        ),
        (
            "---\nprogress_calculation_options:\n- progress_thresholds: {high: 1}\n---\n",
            "unknown setting(s) progress_thresholds",
        ),
        ("---\nprogress_calculation_options:\n- base_year: '2015'\n---\n", "base_year: '2015' is not a year"),
        # at its line and column, as targets.yaml's: where the text ends, after "indicator_name: ["
        ("---\nindicator_name: [\n---\n", "meta/1-1-1.md:2:18: error: not valid YAML"),
        ("indicator_name: x\n", "meta/1-1-1.md:1: error: no YAML front matter"),
        (
            "---\nprogress_calculation_options:\n- disaggregation:\n  - {field: Sex, value: Male}\n---\n",
            "no row has Sex = 'Male'; closest value: 'Female'",
        ),
    ],
)
def test_a_metadata_problem_is_said_at_its_file(tmp_path: Path, meta: str, said: str):
    files = dict(BASIC, **{"meta/1-1-1.md": meta})
    done = _import(write_repository(tmp_path / "repo", files), tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 1
    assert said in done.stderr
    assert "Traceback" not in done.stderr


def test_outputs_never_replace_inputs(tmp_path: Path):
    repo = write_repository(tmp_path / "repo", BASIC)
    inside = _import(repo, repo / "tracker", "--recorded-at", "2024-01-15")
    assert inside.exit_code == 2 and "--into is inside the repository" in inside.stderr
    own = tmp_path / "mine"
    own.mkdir()
    (own / "targets.yaml").write_text("version: 1\nindicators: {}\ntargets: []\n", encoding="utf-8")
    refused = _import(repo, own, "--recorded-at", "2024-01-15")
    assert refused.exit_code == 2 and "a targets.yaml the import did not write" in refused.stderr
    assert (own / "targets.yaml").read_text(encoding="utf-8").startswith("version: 1")
    dry = _import(repo, tmp_path / "dry", "--recorded-at", "2024-01-15", "--dry-run")
    assert dry.exit_code == 0 and "dry run: would import 1 indicator(s) and 2 target(s)" in dry.stderr
    assert not (tmp_path / "dry").exists()
    missing = _import(tmp_path / "nowhere", tmp_path / "t")
    assert missing.exit_code == 1 and "no such folder" in missing.stderr  # said so since the 37th session


def test_a_file_where_the_folder_should_be_is_one_message(tmp_path: Path):
    repo = write_repository(tmp_path / "repo", BASIC)
    (tmp_path / "t").write_text("not a folder", encoding="utf-8")
    done = _import(repo, tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 2 and "Traceback" not in done.stderr
    assert done.stderr.count("error") == 1
    assert (tmp_path / "t").read_text(encoding="utf-8") == "not a folder"


def test_a_round_trip_import_export_import_keeps_every_status(tmp_path: Path):
    # Four of the sample's indicators, between them: a limit (1-2-1), translated
    # disaggregations (3-11-1), two and fourteen options (3-5-1, 3-9-1), targets passed.
    repo = tmp_path / "repo"
    for part in ("data", "meta"):
        (repo / part).mkdir(parents=True)
    for inid in ("1-2-1", "3-5-1", "3-9-1", "3-11-1"):
        shutil.copy(SAMPLE / "data" / f"indicator_{inid}.csv", repo / "data")
        shutil.copy(SAMPLE / "meta" / f"{inid}.md", repo / "meta")
    shutil.copy(SAMPLE / "config_data.yml", repo)
    (repo / "translations" / "en").mkdir(parents=True)
    (repo / "translations" / "en" / "data.yml").write_text(TRANSLATIONS, encoding="utf-8")
    assert _import(repo, tmp_path / "first", "--recorded-at", "2025-11-01").exit_code == 0
    site = tmp_path / "site"
    exported = run("--targets", str(tmp_path / "first" / "targets.yaml"), "export", "opensdg", "--into", str(site))
    assert exported.exit_code == 0, exported.stderr
    again = _import(site, tmp_path / "second", "--recorded-at", "2025-11-01")
    assert again.exit_code == 0, again.stderr
    before, after = (
        _status(tmp_path / "first", "--group-by", "group"),
        _status(tmp_path / "second", "--group-by", "group"),
    )

    def figures(doc: dict) -> tuple[dict, dict]:
        targets = {t["id"]: (t["status"], t["score"], t["progress_value"], t["details"]) for t in doc["targets"]}
        groups = {g["name"]: (g["status"], g["score"]) for g in doc["groups"]}
        return targets, groups

    assert len(before["targets"]) == 2 + 1 + 14 + 10
    assert figures(after) == figures(before)


def test_labels_come_in_every_language_the_repository_has(tmp_path: Path):
    files = dict(BASIC)
    files["config_data.yml"] = "languages:\n  - en\n  - fr\n  - vi\n"
    files["data/indicator_1-1-1.csv"] = """\
        Year,data.Sex,Value
        2015,,10
        2020,,8
        2015,data.Female,12
        2020,data.Female,13
        """
    files["translations/en/data.yml"] = "Sex: Sex\nFemale: Female\n"
    files["translations/fr/data.yml"] = "Sex: Sexe\nFemale: Femmes\n"
    files["translations/vi/data.yml"] = "Sex: Giới tính\nFemale: Nữ\n"
    done = _import(write_repository(tmp_path / "repo", files), tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 0, done.stderr
    plan = yaml.safe_load((tmp_path / "t" / "targets.yaml").read_text(encoding="utf-8"))
    assert plan["dimensions"]["sex"] == {
        "name": {"en": "Sex", "vi": "Giới tính", "fr": "Sexe"},
        "values": [{"value": "Female", "names": {"fr": "Femmes", "vi": "Nữ"}}],
    }
    assert plan["targets"][1]["of"] == {"sex": "Female"}
    site = tmp_path / "site"
    assert (
        run("--targets", str(tmp_path / "t" / "targets.yaml"), "export", "opensdg", "--into", str(site)).exit_code == 0
    )
    assert yaml.safe_load((site / "config_data.yml").read_text(encoding="utf-8"))["languages"] == ["en", "vi", "fr"]
    assert yaml.safe_load((site / "translations" / "fr" / "data.yml").read_text(encoding="utf-8")) == {
        "Sex": "Sexe",
        "Female": "Femmes",
    }
    again = _import(site, tmp_path / "t2", "--recorded-at", "2024-01-15")
    assert again.exit_code == 0, again.stderr
    replan = yaml.safe_load((tmp_path / "t2" / "targets.yaml").read_text(encoding="utf-8"))
    assert replan["dimensions"]["sex"] == plan["dimensions"]["sex"]


def test_the_sites_own_input_settings_are_followed(tmp_path: Path):
    files = {
        "config_data.yml": dedent(
            """\
            languages: [en]
            src_dir: site
            inputs:
              - class: InputCsvData
                path_pattern: figures/*.csv
              - class: InputYamlMdMeta
                path_pattern: about/*.md
            """
        ),
        "site/figures/indicator_1-1-1.csv": BASIC["data/indicator_1-1-1.csv"],
        "site/about/1-1-1.md": BASIC["meta/1-1-1.md"],
    }
    done = _import(write_repository(tmp_path / "repo", files), tmp_path / "t", "--recorded-at", "2024-01-15")
    assert done.exit_code == 0, done.stderr
    assert "1 indicator(s) and 2 target(s)" in done.stderr
    other = dict(BASIC, **{"config_data.yml": "inputs:\n  - class: InputSdmxMl_Structure\n"})
    refused = _import(write_repository(tmp_path / "repo2", other), tmp_path / "t2", "--recorded-at", "2024-01-15")
    assert refused.exit_code == 1
    assert "config_data.yml: error: the site reads an input of class InputSdmxMl_Structure" in refused.stderr


def test_a_shallow_clone_is_said(tmp_path: Path):
    repo = write_repository(tmp_path / "repo", BASIC)
    env = dict(
        os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@x", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@x"
    )
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    for n in (1, 2):
        (repo / f"note{n}.txt").write_text(str(n))
        subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
        subprocess.run(["git", "-C", str(repo), "commit", "-qm", f"c{n}"], check=True, env=env)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True, env=env)
    done = _import(clone, tmp_path / "t")
    assert done.exit_code == 0, done.stderr
    assert "the checkout is a shallow clone" in done.stderr
    full = _import(repo, tmp_path / "t2")
    assert "shallow clone" not in full.stderr
