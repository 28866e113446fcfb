"""Session 37, pass D: a national statistics office publishing with Open SDG tries qntrack.

- The site's own markup in an indicator's description (Statistics Canada writes
  ``<br><br>`` between paragraphs, meta/3-13-1.md, 3-15-1.md, 3-5-1.md of the sample)
  survives ``import opensdg`` then ``export opensdg --force`` into the site's checkout:
  the export wrote it ``&lt;br&gt;&lt;br&gt;``, which the published page shows as the
  characters "<br><br>" in place of a paragraph break.
- ``rank`` of a target ``for_each`` a dimension whose figures always name it beside
  others (Open SDG's rows name every column: ``Canada, Total`` not ``Canada``) said
  "record figures with add-observation ... --dim geography=...", though the figures are
  there: it now names the dimensions they are recorded with and the ``for_each`` that
  ranks them.

Expected texts are the sample's own bytes and the words typed below."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from helpers import run_clean, write_repository

SAMPLE = Path(__file__).resolve().parent / "data" / "opensdg-sample"


def _front_of(text: str) -> dict:
    """The YAML front matter: the lines between the first two lines that are '---'."""
    lines = text.splitlines()
    ends = [i for i, line in enumerate(lines) if line.strip() == "---"]
    return yaml.safe_load("\n".join(lines[ends[0] + 1 : ends[1]]))


def _front(path: Path) -> dict:
    return _front_of(path.read_text(encoding="utf-8"))


# --- the site's own markup in its description ------------------------------------------


def test_the_sites_own_markup_in_a_description_survives_an_export_into_its_checkout(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE, site)
    before = {name: (site / "meta" / name).read_bytes() for name in ("3-13-1.md", "3-15-1.md", "3-5-1.md")}
    assert all(b"<br><br>" in text for text in before.values())  # the sample's own markup
    tracker = tmp_path / "tracker"
    # Only the indicators with markup: 3-11-1 needs translations the sample leaves out.
    for name in list((site / "data").iterdir()):
        if name.name not in ("indicator_3-13-1.csv", "indicator_3-15-1.csv", "indicator_3-5-1.csv"):
            name.unlink()
    for name in list((site / "meta").iterdir()):
        if name.name not in before:
            name.unlink()
    done = run_clean("import", "opensdg", str(site), "--into", str(tracker), "--recorded-at", "2025-11-01")
    assert done.exit_code == 0, done.output
    out = run_clean("--targets", str(tracker / "targets.yaml"), "export", "opensdg", "--into", str(site), "--force")
    assert out.exit_code == 0, out.output
    for name, text in before.items():
        after = (site / "meta" / name).read_bytes()
        assert b"&lt;br&gt;" not in after, name
        mine = _front_of(text.decode("utf-8"))["national_indicator_description"]
        assert _front(site / "meta" / name)["national_indicator_description"] == mine, name
    # Nothing of the site's metadata changed: the plan gives what the site said.
    assert (site / "meta" / "3-13-1.md").read_bytes() == before["3-13-1.md"]


DESCRIBED_SITE = (
    "---\n"
    "indicator_name: Employment rate\n"
    "national_indicator_description: First paragraph.<br><br>Second paragraph.\n"
    "auto_progress_calculation: true\n"
    "progress_calculation_options:\n"
    "- direction: positive\n"
    "---\n"
)


def _one_indicator_site(root: Path, meta: str) -> Path:
    return write_repository(
        root,
        {"data/indicator_1-1-1.csv": "Year,Value\n2015,60\n2020,63\n", "meta/1-1-1.md": meta},
    )


def test_a_description_the_plan_changed_is_still_written_as_text(tmp_path: Path) -> None:
    # The plan's own words are shown as typed: a '<' the officer wrote is no markup.
    site = _one_indicator_site(tmp_path / "site", DESCRIBED_SITE)
    tracker = tmp_path / "tracker"
    assert (
        run_clean("import", "opensdg", str(site), "--into", str(tracker), "--recorded-at", "2025-11-01").exit_code == 0
    )
    plan = tracker / "targets.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "First paragraph.<br><br>Second paragraph." in text
    plan.write_text(text.replace("Second paragraph.", "Second <b>paragraph</b>."), encoding="utf-8")
    assert run_clean("--targets", str(plan), "export", "opensdg", "--into", str(site), "--force").exit_code == 0
    assert _front(site / "meta" / "1-1-1.md")["national_indicator_description"] == (
        "First paragraph.&lt;br&gt;&lt;br&gt;Second &lt;b&gt;paragraph&lt;/b&gt;."
    )


def test_a_sites_description_written_with_entities_is_kept_as_written(tmp_path: Path) -> None:
    # The import reads '&lt;' as '<': the site's entities are what the plan gives too.
    said = "Below &lt;5 years.<br>Ages 5+."
    site = _one_indicator_site(
        tmp_path / "site", DESCRIBED_SITE.replace("First paragraph.<br><br>Second paragraph.", said)
    )
    tracker = tmp_path / "tracker"
    assert (
        run_clean("import", "opensdg", str(site), "--into", str(tracker), "--recorded-at", "2025-11-01").exit_code == 0
    )
    before = (site / "meta" / "1-1-1.md").read_bytes()
    out = run_clean("--targets", str(tracker / "targets.yaml"), "export", "opensdg", "--into", str(site), "--force")
    assert out.exit_code == 0, out.output
    assert _front(site / "meta" / "1-1-1.md")["national_indicator_description"] == said
    assert (site / "meta" / "1-1-1.md").read_bytes().count(b"national_indicator_description") == 1
    assert b"Below &lt;5 years.<br>Ages 5+." in before


# --- rank by a dimension the figures always name beside others -----------------------

# Open SDG's tidy data names every column on every row: Statistics Canada's obesity rates
# (meta/3-3-1.md of the sample) are by sex AND age group, "Both sexes" and "Ages 5 to 79"
# being values like the others; no row names a sex alone.
OBESITY = {
    "data/indicator_3-3-1.csv": (
        "Year,Sex,Age group,Value\n"
        "2015,Males,Ages 5 to 79,27.0\n"
        "2015,Females,Ages 5 to 79,24.0\n"
        "2015,Males,Ages 5 to 17,12.0\n"
        "2020,Males,Ages 5 to 79,28.0\n"
        "2020,Females,Ages 5 to 79,23.0\n"
        "2020,Males,Ages 5 to 17,13.0\n"
    ),
    "meta/3-3-1.md": (
        "---\nindicator_name: Obesity\nauto_progress_calculation: true\n"
        "progress_calculation_options:\n- direction: negative\n  disaggregation:\n"
        "  - field: Sex\n    value: Males\n  - field: Age group\n    value: Ages 5 to 79\n---\n"
    ),
}


def _obesity_tracker(tmp_path: Path, for_each: str) -> Path:
    site = write_repository(tmp_path / "site", OBESITY)
    tracker = tmp_path / "tracker"
    done = run_clean("import", "opensdg", str(site), "--into", str(tracker), "--recorded-at", "2025-11-01")
    assert done.exit_code == 0, done.output
    plan = tracker / "targets.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8")
        + f"- id: by-sex\n  type: open_sdg\n  indicator: '3_3_1'\n  direction: decrease\n  for_each: {for_each}\n",
        encoding="utf-8",
    )
    return plan


def test_rank_by_a_dimension_always_recorded_with_another_says_which_for_each_ranks_them(tmp_path: Path) -> None:
    plan = _obesity_tracker(tmp_path, "sex")
    r = run_clean("--targets", str(plan), "rank", "by-sex", "--format", "csv", "--lang", "en")
    assert r.exit_code == 0, r.output
    said = r.stderr
    # Not "record figures with add-observation": six figures of 3_3_1 are there.
    assert "add-observation" not in said, said
    assert "3_3_1" in said and "age_group" in said and "for_each: [sex, age_group]" in said, said
    vi = run_clean("--targets", str(plan), "rank", "by-sex", "--format", "csv", "--lang", "vi")
    assert "add-observation" not in vi.stderr and "for_each: [sex, age_group]" in vi.stderr, vi.stderr


def test_the_for_each_it_names_ranks_the_cells_by_hand(tmp_path: Path) -> None:
    plan = _obesity_tracker(tmp_path, "[sex, age_group]")
    r = run_clean("--targets", str(plan), "rank", "by-sex", "--format", "csv", "--lang", "en")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    head = lines[0].split(",")
    rows = [dict(zip(head, line.split(","), strict=False)) for line in lines[1:]]
    # Lower is better, no target: P = -growth. Females 24 -> 23 over 5 years:
    # (23/24)^(1/5) - 1 = -0.0084758, P = 0.0084758 (>= 0.005: moderate). Males 5 to 79,
    # 27 -> 28: P = -((28/27)^(1/5) - 1) = -0.007300 (deterioration); Males 5 to 17,
    # 12 -> 13: P = -0.016137 (deterioration, further).
    judged = [row for row in rows if row["status"] != "not_available"]
    order = [(row["sex"], row["age_group"], row["status"], round(float(row["progress_value"]), 6)) for row in judged]
    assert order == [
        ("Females", "Ages 5 to 79", "moderate_progress", 0.008476),
        ("Males", "Ages 5 to 79", "deterioration", -0.0073),
        ("Males", "Ages 5 to 17", "deterioration", -0.016137),
    ]
    # The one cell with no figure (Females, Ages 5 to 17) is listed last, not judged.
    assert [(row["sex"], row["age_group"]) for row in rows[3:]] == [("Females", "Ages 5 to 17")]


# --- an option's series and unit, and the columns as the file spells them ---------------


@pytest.mark.parametrize(
    ("header", "column", "value", "near"),
    [
        ("Year,SERIES,UNITS,Value", "Units", "PERCENT", "UNITS"),
        ("Year,Series,UNITS,Value", "Units", "PERCENT", "UNITS"),
    ],
)
def test_an_option_naming_a_unit_the_file_spells_otherwise_is_told_the_column_open_sdg_reads(
    tmp_path: Path, header: str, column: str, value: str, near: str
) -> None:
    # sdg-build looks for an option's unit in a column named exactly 'Units'; 'UNITS' is a
    # disaggregation to it, so no row is a headline and its build stops. The option names
    # its series and unit: being told to name them is no help.
    site = write_repository(
        tmp_path / "site",
        {
            "data/indicator_1-1-1.csv": f"{header}\n2015,SI_POV,PERCENT,10\n2020,SI_POV,PERCENT,8\n",
            "meta/1-1-1.md": (
                "---\nindicator_name: Poverty\nauto_progress_calculation: true\nprogress_calculation_options:\n"
                "- direction: negative\n  series: SI_POV\n  unit: PERCENT\n---\n"
            ),
        },
    )
    r = run_clean("import", "opensdg", str(site), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01")
    assert r.exit_code == 1, r.output
    assert "name the series to assess" not in r.stderr, r.stderr
    assert f"no row has {column} = '{value}'" in r.stderr and f"closest: '{near}'" in r.stderr, r.stderr
    assert not (tmp_path / "t").exists()  # all or nothing


@pytest.mark.parametrize(("separator", "name"), [(";", "';'"), ("\t", "a tab")])
def test_a_data_file_separated_otherwise_than_by_commas_is_told_so(tmp_path: Path, separator: str, name: str) -> None:
    # A European office's spreadsheet saves "CSV" with semicolons; sdg-build reads commas
    # only, so the whole header is one column: "no 'Year' column" said nothing of why.
    rows = separator.join(("Year", "Value")) + "\r\n2015" + separator + "10\r\n"
    site = write_repository(
        tmp_path / "site",
        {"data/indicator_1-1-1.csv": rows, "meta/1-1-1.md": "---\nindicator_name: Poverty\n---\n"},
    )
    r = run_clean("import", "opensdg", str(site), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01")
    assert r.exit_code == 1, r.output
    assert "data/indicator_1-1-1.csv:1:" in r.stderr and f"separated by {name}" in r.stderr, r.stderr
    assert "commas" in r.stderr, r.stderr
    vi = run_clean(
        "import", "opensdg", str(site), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01", "--lang", "vi"
    )
    assert vi.exit_code == 1 and "dấu phẩy" in vi.stderr, vi.stderr


# --- a progress status the site set by hand -------------------------------------------


def test_a_status_the_site_set_by_hand_is_said_not_imported(tmp_path: Path) -> None:
    # sdg-build publishes 'progress_status' as the indicator's status when
    # auto_progress_calculation is off (its manual override). qntrack has no target for it:
    # the import passed it over in silence, status listed nothing for the indicator, and
    # an export into the site's checkout removed the line.
    site = write_repository(
        tmp_path / "site",
        {
            "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
            "meta/1-1-1.md": (
                "---\nindicator_name: Poverty\nauto_progress_calculation: false\n"
                "progress_status: substantial_progress\n---\n"
            ),
        },
    )
    r = run_clean("import", "opensdg", str(site), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01")
    assert r.exit_code == 0, r.output
    assert "meta/1-1-1.md" in r.stderr and "progress_status: substantial_progress" in r.stderr, r.stderr
    assert "export" in r.stderr, r.stderr
    vi = run_clean(
        "import", "opensdg", str(site), "--into", str(tmp_path / "v"), "--recorded-at", "2025-11-01", "--lang", "vi"
    )
    assert vi.exit_code == 0 and "progress_status: substantial_progress" in vi.stderr and "nhập" in vi.stderr


def test_a_status_open_sdg_computes_is_no_warning(tmp_path: Path) -> None:
    site = write_repository(
        tmp_path / "site",
        {
            "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
            "meta/1-1-1.md": (
                "---\nindicator_name: Poverty\nauto_progress_calculation: true\n"
                "progress_status: substantial_progress\n---\n"
            ),
        },
    )
    r = run_clean("import", "opensdg", str(site), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01")
    assert r.exit_code == 0, r.output
    assert "progress_status" not in r.stderr, r.stderr
