"""Issue 17, thirty-eighth session, pass M: messages that said too little (the thirty-seventh
session's leftovers, docs/decisions.md items 8, 10 and 11).

1. A quarter in words past the fourth ("quý Năm năm 2026", "quý Mười năm 2026") was told the
   generic "not a period", where "quý 5 năm 2026" is told that quarter 5 does not exist.
2. A plan key without its colon before a one-key flow mapping (``unit {en: yy}``) is valid
   YAML, a key "unit {en" and its value "yy}", and was told "unknown key 'unit {en'; did you
   mean 'unit'?", where the same slip before a mapping of two keys is said by name.
3. A quoted "~" was told to write the expanded path even where that does not exist either.
4. An export that writes the status of the targets in place of one set by hand says so
   (pinned here for a target on the ``_progress`` companion and in Vietnamese).

Each test of 1 to 3 was written failing first. The expected periods are worked out by
hand: a year has the quarters Q1 to Q4, and the typed year is the year to write."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

# --- 1. A quarter in words past the fourth ---------------------------------------------------

FOURTH_AND_PAST = [
    ("quý Năm năm 2026", "2026"),
    ("quý Mười năm 2026", "2026"),
    ("Quý Sáu/2025", "2025"),
    ("quý mười hai 2027", "2027"),
    ("QUÝ CHÍN - 2026", "2026"),
]


def _said_four_quarters(stderr: str, year: str, lang: str) -> None:
    text = " ".join(stderr.split())
    for q in (1, 2, 3, 4):
        assert f"{year}-Q{q}" in text, text
    if lang == "en":
        assert "four quarters" in text and "not a period" not in text, text
    else:
        assert "bốn quý" in text and "quý Một" in text and "quý Bốn" in text, text
        assert "không phải là một kỳ" not in text, text


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(("typed", "year"), FOURTH_AND_PAST)
def test_a_fifth_quarter_in_words_is_told_a_year_has_four(shipped: Path, lang: str, typed: str, year: str) -> None:
    made = run_clean("--lang", lang, "add-observation", "grdp_growth", typed, "5", "-n")
    assert made.exit_code == 1, made.output  # as "quý 5 năm 2026" exits
    _said_four_quarters(made.stderr, year, lang)
    assert made.stderr.startswith("add-observation: "), made.stderr


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_fifth_quarter_in_words_in_an_import_is_told_at_its_line(shipped: Path, lang: str) -> None:
    (shipped / "in.csv").write_text(
        "indicator,period,value\ngrdp_growth,2026-Q1,7.1\ngrdp_growth,quý Năm năm 2026,7.2\n", encoding="utf-8"
    )
    before = (shipped / "observations.csv").read_bytes()
    made = run_clean("--lang", lang, "add-observation", "--from", "in.csv")
    assert made.exit_code == 1, made.output
    line = [x for x in made.stderr.splitlines() if x.startswith("in.csv:3:")]
    assert len(line) == 1, made.stderr
    _said_four_quarters(line[0], "2026", lang)
    assert (shipped / "observations.csv").read_bytes() == before  # nothing written


def test_a_fifth_quarter_in_words_as_a_wide_heading_is_told_so(shipped: Path) -> None:
    (shipped / "wide.csv").write_text("indicator,quý Năm năm 2026\ngrdp_growth,7.2\n", encoding="utf-8")
    made = run_clean("add-observation", "--from", "wide.csv", "--wide", "-n")
    assert made.exit_code == 1, made.output
    _said_four_quarters(made.stderr, "2026", "en")


@pytest.mark.parametrize("typed", ["quý Năm 2026", "quý Hai", "quý Mười"])
def test_no_quarter_is_read_from_them(typed: str) -> None:
    """Told, never read: there is no fifth quarter, and no quarter without its year."""
    from qntrack.files.vocabulary import vietnamese_period

    assert vietnamese_period(typed) is None


# --- 2. A key without its colon before a one-key flow mapping --------------------------------

LINE_37 = '    unit: {en: "% y/y", vi: "% so với cùng kỳ"}'  # grdp_growth's unit (line 37 when written)


def _plan_with(shipped: Path, old: str, new: str) -> None:
    path = shipped / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(
    ("new", "said"),
    [("    unit {en: yy}", "'unit: {en: yy}'"), ("    unit {vi: so voi cung ky}", "'unit: {vi: so voi cung ky}'")],
)
def test_a_key_without_its_colon_before_a_one_key_mapping_is_said_by_name(
    shipped: Path, lang: str, new: str, said: str
) -> None:
    line = (shipped / "targets.yaml").read_text(encoding="utf-8").splitlines().index(LINE_37) + 1
    _plan_with(shipped, LINE_37, new)
    made = run_clean("--lang", lang, "check")
    assert made.exit_code == 1, made.output
    lines = [x for x in made.stderr.splitlines() if x.startswith("targets.yaml:")]
    # Said once, at the key (its line, column 5): not again as a missing unit.
    assert len(lines) == 1, made.stderr
    assert lines[0].startswith(f"targets.yaml:{line}:5: "), lines[0]
    assert said in lines[0], lines[0]
    assert "unit {en" not in lines[0] and "unit {vi" not in lines[0], lines[0]
    assert "'unit'" in lines[0] and ":" in lines[0], lines[0]


def test_a_word_no_key_is_before_braces_is_still_an_unknown_key(shipped: Path) -> None:
    """ "colour {en: red}": no key of an indicator is 'colour'; said as the unknown key it is."""
    _plan_with(shipped, LINE_37, LINE_37 + "\n    colour {en: red}")
    made = run_clean("check")
    assert made.exit_code == 1, made.output
    assert "unknown key 'colour {en'" in made.stderr, made.stderr


# --- 3. A quoted '~' and a path that does not exist in the home folder either --------------


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_quoted_tilde_to_a_file_missing_at_home_too_is_told_so(home: Path, lang: str) -> None:
    made = run_clean("--lang", lang, "add-observation", "--from", "~/in.csv")
    assert made.exit_code == 1, made.output
    text = " ".join(made.stderr.split())
    # The '~' told; the expanded path not offered as what to write, since it is missing too.
    assert "'~'" in text and f'"{home}/in.csv"' in text, text
    assert "write" not in text.split("'~'", 1)[1] and "hãy viết" not in text, text
    if lang == "en":
        assert "does not exist either" in text, text
    else:
        assert "cũng không tồn tại" in text, text


def test_a_quoted_tilde_to_a_file_there_at_home_is_told_its_path(home: Path) -> None:
    (home / "in.csv").write_text("indicator,period,value\n", encoding="utf-8")
    made = run_clean("add-observation", "--from", "~/in.csv", "-n")
    assert made.exit_code == 1, made.output
    text = " ".join(made.stderr.split())
    assert f'write "{home}/in.csv"' in text and "does not exist either" not in text, text


def test_the_first_folder_missing_at_home_is_named(home: Path) -> None:
    made = run_clean("-t", "~/qn/plan/targets.yaml", "status")
    assert made.exit_code == 1, made.output
    text = " ".join(made.stderr.split())
    assert f'"{home}/qn" does not exist either' in text, text
    assert "write" not in text.split("'~'", 1)[1], text


def test_an_output_in_a_folder_missing_at_home_too_is_told_so(home: Path) -> None:
    made = run_clean("report", "-o", "~/reports/r.html")
    assert made.exit_code == 2, made.output
    text = " ".join(made.stderr.split())
    assert f'"{home}/reports" does not exist either' in text, text
    (home / "reports").mkdir()
    made = run_clean("report", "-o", "~/reports/r.html")
    assert made.exit_code == 2, made.output
    text = " ".join(made.stderr.split())
    # The file is to be made: its folder is there, so the path is what to write.
    assert f'write "{home}/reports/r.html"' in text and "does not exist either" not in text, text


def test_a_quoted_tilde_to_an_open_sdg_folder_missing_at_home_too(home: Path) -> None:
    made = run_clean("import", "opensdg", "~/sdg", "--into", "out")
    assert made.exit_code == 1, made.output
    text = " ".join(made.stderr.split())
    assert f'"{home}/sdg" does not exist either' in text, text
    assert not Path("out").exists()


def test_an_export_into_a_folder_whose_parent_is_missing_at_home_too(home: Path) -> None:
    made = run_clean("export", "opensdg", "--into", "~/nope/sdg")
    assert made.exit_code == 2, made.output
    text = " ".join(made.stderr.split())
    assert f'"{home}/nope" does not exist either' in text, text
    assert not Path("~").exists()


def test_init_is_still_told_the_path_to_write(home: Path) -> None:
    """init makes the folders it needs: the expanded path is one it can make, missing or not."""
    made = run_clean("init", "~/a/b")
    assert made.exit_code == 2, made.output
    assert f'write "{home}/a/b"' in " ".join(made.stderr.split()), made.stderr
    assert not Path("~").exists()


def test_another_user_s_missing_home_is_named(shipped: Path) -> None:
    import os
    import pwd

    user = pwd.getpwuid(os.getuid())
    typed = f"~{user.pw_name}/no-such-folder-s38/targets.yaml"
    made = run_clean("-t", typed, "status")
    assert made.exit_code == 1, made.output
    text = " ".join(made.stderr.split())
    missing = os.path.join(user.pw_dir, "no-such-folder-s38")
    assert f'"{missing}" does not exist either' in text, text


# --- 4. The export says which status it wrote in place of one set by hand --------------------

STORE = (
    "indicator,period,value,recorded_at,source,status,note\n"
    "poverty,2015,10,2025-01-01T00:00:00Z,GSO,,\npoverty_progress,2020,8,2025-01-01T00:00:00Z,GSO,,\n"
)
COMPANION = (
    "version: 1\ntitle: T\nindicators:\n  poverty:\n    name: Poverty\n    direction: decrease\n"
    "    open_sdg:\n      progress_status: limited_progress\n"
    "  poverty_progress:\n    name: Poverty (progress)\n    direction: decrease\n"
    "targets:\n- id: p\n  indicator: poverty_progress\n  type: plan\n  period: '2020'\n  value: 9\n"
    "- id: q\n  indicator: poverty_progress\n  type: plan\n  period: '2020'\n  value: 9.5\n"
)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_export_warns_once_of_a_status_set_by_hand_beside_the_companion_s_targets(
    tmp_path: Path, lang: str
) -> None:
    (tmp_path / "observations.csv").write_text(STORE, encoding="utf-8")
    plan = tmp_path / "targets.yaml"
    plan.write_text(COMPANION, encoding="utf-8")
    made = run_clean("--lang", lang, "--targets", str(plan), "export", "opensdg", "--into", str(tmp_path / "site"))
    assert made.exit_code == 0, made.output
    said = [x for x in made.stderr.splitlines() if "limited_progress" in x]
    # Once for the indicator, both targets named; 8 is at most 9 and 9.5 in 2020, so both
    # are achieved and the status written is target_achieved.
    assert len(said) == 1, made.stderr
    assert "'p', 'q'" in said[0] and "progress_status: target_achieved" in said[0], said
    assert ("warning" if lang == "en" else "cảnh báo") in said[0], said
    front = (tmp_path / "site" / "meta" / "poverty.md").read_text(encoding="utf-8")
    assert "progress_status: target_achieved" in front


# --- 3b. observations: "~/..." in targets.yaml, where the folder is missing at home too -----


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_store_named_with_a_tilde_whose_folder_is_missing_at_home_too(home: Path, lang: str) -> None:
    plan = Path("targets.yaml")
    text = plan.read_text(encoding="utf-8")
    assert "\nobservations: observations.csv\n" in text
    plan.write_text(text.replace("\nobservations: observations.csv\n", '\nobservations: "~/data/obs.csv"\n'), "utf-8")
    made = run_clean("--lang", lang, "add-observation", "grdp_growth", "2026-Q1", "5")
    assert made.exit_code != 0, made.output
    text = " ".join(made.stderr.split())
    assert f'"{home}/data"' in text, text
    assert f'"{home}/data/obs.csv"' not in text, text  # not offered: its folder is missing
    assert not Path("~").exists() and not (home / "data").exists()
    # With the folder there, the path is what to write.
    (home / "data").mkdir()
    made = run_clean("--lang", lang, "add-observation", "grdp_growth", "2026-Q1", "5")
    assert f'"{home}/data/obs.csv"' in " ".join(made.stderr.split()), made.stderr
