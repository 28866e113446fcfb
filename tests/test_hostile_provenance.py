"""Issue 17's provenance pass: a national statistics office that publishes with Open SDG,
and a journalist tracing each printed number to its source, recorded_at and status.
Each test below was written failing first. What was attacked and held, one line each:

- `--as-of` as 2024-02-30, 2024-13-01, a time, 31/12/2024, 20240101, an empty string:
  refused as not a date (exit 2), in English and Vietnamese; a future date is read.
- `--as-of` answers agree between status, show, observations, history and report on the
  shipped plan (eleven dates, boundaries included) and on an Open SDG checkout with three
  commits (a revision, a new year, a deleted row).
- status, show and report JSON carry every documented field with its type, cold and
  cached alike; show's target object equals status's.
- the Open SDG sample imported: every series' base and current year and value, progress
  value, score and status, and every indicator's score and status equal what Open SDG
  published (indicator_calculation_components.yml), to the last digit.
- a revision recorded before the estimate it revises: kept as an earlier vintage, said;
  two rows at one moment: refused by add-observation, reported by check.
- retract, retract again, re-add: history, `--as-of` and `report --since` tell it.
- a recorded_at with a +07:00 offset is read in UTC by `--as-of`.
- a value edited in place with the file's mtime put back: not read from the cache.
- history of a derived indicator: refused, naming its formula.
- NO_COLOR: no colour codes; `| head` closes the pipe quietly (exit 0).
"""

from __future__ import annotations

from pathlib import Path

from helpers import json_of, run_clean, write_repository


SOURCED = {
    "config_data.yml": "languages:\n  - en\n",
    "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2016,9\n2020,8\n",
    "meta/1-1-1.md": """\
        ---
        indicator_name: Poverty rate
        source_active_1: true
        source_organisation_1: Labour Force Survey https://example.org/lfs
        source_url_text_1: Labour Force Survey https://example.org/lfs
        source_url_1: https://example.org/lfs
        auto_progress_calculation: true
        progress_calculation_options:
        - target: 5
          target_year: 2030
        ---
        """,
}


def _sources(folder: Path) -> set[str]:
    doc = json_of("--targets", str(folder / "targets.yaml"), "observations", "--format", "json")
    return {o["source"] for o in doc["observations"]}


def test_a_source_whose_text_holds_its_address_is_not_given_it_twice(tmp_path: Path):
    # Found: qntrack's own export writes a source as source_url_text_N with its first URL
    # again as source_url_N (as Open SDG asks); the import joined text and address, so
    # "Labour Force Survey https://example.org/lfs https://example.org/lfs", one address
    # more at every export and import, and a re-import counted every figure as changed.
    repo = write_repository(tmp_path / "repo", SOURCED)
    done = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2024-01-15")
    assert done.exit_code == 0, done.stderr
    assert _sources(tmp_path / "t") == {"Labour Force Survey https://example.org/lfs"}


def test_an_export_imported_back_keeps_each_source_as_it_was(tmp_path: Path):
    repo = write_repository(tmp_path / "repo", SOURCED)
    assert (
        run_clean(
            "import", "opensdg", str(repo), "--into", str(tmp_path / "a"), "--recorded-at", "2024-01-15"
        ).exit_code
        == 0
    )
    first = _sources(tmp_path / "a")
    for n, (src, dst) in enumerate((("a", "b"), ("b", "c"))):
        out = tmp_path / f"site{n}"
        exported = run_clean("--targets", str(tmp_path / src / "targets.yaml"), "export", "opensdg", "--into", str(out))
        assert exported.exit_code == 0, exported.stderr
        back = run_clean("import", "opensdg", str(out), "--into", str(tmp_path / dst), "--recorded-at", "2024-01-15")
        assert back.exit_code == 0, back.stderr
        assert _sources(tmp_path / dst) == first


RETRACT_TARGETS = """\
version: 1
title: "Provenance"
observations: observations.csv
indicators:
  share:
    name: {en: "Share", vi: "Tỷ trọng"}
    unit: "%"
targets:
  - id: share-up
    indicator: share
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 15}
"""

RETRACT_ROWS = """\
indicator,period,value,status,source,note,recorded_at
share,2020,10,official,GSO,,2021-03-01T00:00:00Z
share,2022,12,estimate,GSO,,2023-01-05T00:00:00Z
"""


def test_a_retraction_dated_before_the_first_figure_says_so(tmp_path: Path, monkeypatch):
    # Found: `retract share 2022 --recorded-at 2022-06-01`, with 12 in force since
    # 2023-01-05, answered "share 2022 has no figure in force to retract (see 'qntrack
    # history share')", and history showed 12 in force: the message denied the figure the
    # journalist could see. It now says the figure came after the date given, and how to
    # record the retraction.
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, RETRACT_TARGETS, RETRACT_ROWS)
    done = run_clean("retract", "share", "2022", "--recorded-at", "2022-06-01")
    assert done.exit_code == 1
    assert "no figure in force to retract" not in done.stderr
    assert (
        "a retraction of share 2022 recorded 2022-06-01T00:00:00Z would withdraw nothing: no figure"
        " of it was in force then; the figure in force (12, recorded 2023-01-05T00:00:00Z) came later"
        " and would stay; record the retraction after it (leave out --recorded-at)"
    ) in done.stderr
    vi = run_clean("retract", "share", "2022", "--recorded-at", "2022-06-01", "--lang", "vi")
    assert "khi đó chưa có số liệu nào có hiệu lực" in vi.stderr
    assert (tmp_path / "observations.csv").read_text(encoding="utf-8") == RETRACT_ROWS
    # A period with no figure at all keeps its message.
    none = run_clean("retract", "share", "2019", "--recorded-at", "2022-06-01")
    assert "share 2019 has no figure in force to retract" in none.stderr


def test_the_figures_a_newer_checkout_no_longer_has_are_named(tmp_path: Path):
    # Found: a re-import after Statistics Canada deleted a row said "1 figure(s) in force
    # are no longer in the repository: kept", naming none: the officer could not tell which
    # published figure had gone, nor retract it. The first five are now named, as
    # `history` and `retract` take them.
    files = {**SOURCED, "data/indicator_1-1-1.csv": "Year,Sex,Value\n2015,,10\n2016,,9\n2020,,8\n2020,Female,7\n"}
    repo = write_repository(tmp_path / "repo", files)
    into = tmp_path / "t"
    assert run_clean("import", "opensdg", str(repo), "--into", str(into), "--recorded-at", "2024-01-15").exit_code == 0
    (repo / "data" / "indicator_1-1-1.csv").write_text("Year,Sex,Value\n2015,,10\n2020,,8\n", encoding="utf-8")
    again = run_clean("import", "opensdg", str(repo), "--into", str(into), "--recorded-at", "2024-02-01")
    assert again.exit_code == 0, again.stderr
    assert (
        "2 figure(s) in force are no longer in the repository: kept (a published figure is never"
        " deleted; qntrack retract withdraws one): 1_1_1 2016, 1_1_1[sex=Female] 2020"
    ) in again.stderr


def test_history_of_a_total_with_figures_only_by_unit_points_to_the_units(tmp_path: Path):
    # Found: Statistics Canada's 3-11-1 has figures only by age, sex and cause; `history
    # 3_11_1 2023` printed "No observations yet." (TSV: a header alone), exit 0, though
    # thousands of its figures were in force: the journalist concluded nothing was
    # published. It now says on stderr that the figures are by unit, how many, and how to
    # name one; stdout keeps the empty history (a script's contract).
    meta = SOURCED["meta/1-1-1.md"].replace(
        "- target: 5", "- disaggregation: [{field: Sex, value: Female}]\n          target: 5"
    )
    data = "Year,Sex,Value\n2015,Female,10\n2016,Male,9\n2016,Female,8\n"
    repo = write_repository(tmp_path / "repo", {**SOURCED, "data/indicator_1-1-1.csv": data, "meta/1-1-1.md": meta})
    into = tmp_path / "t"
    assert run_clean("import", "opensdg", str(repo), "--into", str(into), "--recorded-at", "2024-01-15").exit_code == 0
    plan = str(into / "targets.yaml")
    done = run_clean("--targets", plan, "history", "1_1_1", "--format", "json")
    assert done.exit_code == 0
    assert json_of("--targets", plan, "history", "1_1_1", "--format", "json")["vintages"] == []
    said = (
        "1_1_1 has no figure of its total; its figures are by unit (2 unit(s), e.g. 1_1_1[sex=Female]):"
        " name one with --dim, or list them with 'qntrack observations --indicator 1_1_1'"
    )
    assert said in done.stderr
    one_period = run_clean("--targets", plan, "history", "1_1_1", "2015", "--lang", "vi")
    assert "1_1_1 không có số liệu của tổng; số liệu của nó theo từng đơn vị (1 đơn vị" in one_period.stderr
    # A unit's own history, and an indicator with no figure at all, say nothing more.
    unit = run_clean("--targets", plan, "history", "1_1_1", "--dim", "sex=Female")
    assert unit.stderr == "" and "2016" in unit.stdout


def test_the_targets_wording_survives_an_export_and_import(tmp_path: Path):
    # Found: Statistics Canada's `target_name` ("By 2030, a 50% reduction in the rate of
    # poverty, compared to the 2015 level") becomes each imported target's note, which the
    # report prints; qntrack's export did not write it back, so the site lost the wording
    # of its target and a re-import had no note. It is written back when the indicator's
    # Open SDG targets all carry the same note (as the import makes them).
    import yaml

    meta = SOURCED["meta/1-1-1.md"].replace(
        "indicator_name:", "target_name: Halve poverty by 2030\n        indicator_name:"
    )
    repo = write_repository(tmp_path / "repo", {**SOURCED, "meta/1-1-1.md": meta})
    assert (
        run_clean(
            "import", "opensdg", str(repo), "--into", str(tmp_path / "a"), "--recorded-at", "2024-01-15"
        ).exit_code
        == 0
    )
    site = tmp_path / "site"
    done = run_clean("--targets", str(tmp_path / "a" / "targets.yaml"), "export", "opensdg", "--into", str(site))
    assert done.exit_code == 0, done.stderr
    front = (site / "meta" / "1-1-1.md").read_text(encoding="utf-8").split("---")[1]
    assert yaml.safe_load(front)["target_name"] == "Halve poverty by 2030"
    assert (
        run_clean(
            "import", "opensdg", str(site), "--into", str(tmp_path / "b"), "--recorded-at", "2024-01-15"
        ).exit_code
        == 0
    )
    back = yaml.safe_load((tmp_path / "b" / "targets.yaml").read_text(encoding="utf-8"))
    assert [t.get("note") for t in back["targets"]] == ["Halve poverty by 2030"]


def test_a_day_written_day_first_or_with_a_time_is_told_its_iso_form(tracker: Path):
    # Found: under --lang vi every table writes dates 15/10/2023, yet `--as-of 15/10/2023`
    # answered "'15/10/2023' is not a date", which it is; and `--as-of
    # 2023-10-15T12:00` the same, leaving the officer to guess that a time is not taken.
    # Both are still refused (a day is one spelling everywhere; 01/02/2024 would be read
    # two ways), with the ISO form of what was typed.
    day_first = run_clean("status", "--as-of", "15/10/2023")
    assert day_first.exit_code == 2
    assert (
        "--as-of: error: '15/10/2023' is not a date; write YYYY-MM-DD, e.g. 2023-06-28"
        " (day/month/year 15/10/2023 is 2023-10-15)"
    ) in day_first.stderr
    vi = run_clean("history", "share", "--as-of", "5/1/2024", "--lang", "vi")
    assert vi.exit_code == 2
    assert "(ngày/tháng/năm 5/1/2024 là 2024-01-05)" in vi.stderr
    since = run_clean("report", "--format", "json", "--since", "31.12.2023")
    assert "(day/month/year 31.12.2023 is 2023-12-31)" in since.stderr
    moment = run_clean("observations", "--as-of", "2023-10-15T12:00")
    assert moment.exit_code == 2
    assert (
        "'2023-10-15T12:00' is not a date; write YYYY-MM-DD, e.g. 2023-06-28 (a day, not a moment:"
        " 2023-10-15 takes the figures recorded by the end of that day, UTC)"
    ) in moment.stderr
    # No hint where there is no day to give: 2024-02-30T10:00. 31/02/2024 (day first: 31 is
    # no month) is told the calendar as 2024-02-30 is (thirty-second session, test_s32_lead).
    refused = run_clean("status", "--as-of", "2024-02-30T10:00")
    assert refused.stderr == "--as-of: error: '2024-02-30T10:00' is not a date; write YYYY-MM-DD, e.g. 2023-06-28\n"
    refused = run_clean("status", "--as-of", "31/02/2024")
    assert refused.stderr == "--as-of: error: '31/02/2024' is no day of the calendar: 2024-02 has 29 days\n"
    # Written YYYY-MM-DD but no day of the calendar: said why (sixteenth session,
    # tests/test_as_known.py); 2024 is a leap year, so February has 29 days.
    refused = run_clean("status", "--as-of", "2024-02-30")
    assert refused.stderr == "--as-of: error: '2024-02-30' is no day of the calendar: 2024-02 has 29 days\n"


DERIVED_TARGETS = """\
version: 1
title: "Derived"
observations: observations.csv
indicators:
  va:
    name: {en: "Value added", vi: "Giá trị tăng thêm"}
    unit: "bn"
  grdp:
    name: {en: "GRDP", vi: "GRDP"}
    unit: "bn"
  share:
    name: {en: "Share", vi: "Tỷ trọng"}
    unit: "%"
    formula: "va / grdp * 100"
targets:
  - id: share-up
    indicator: share
    baseline: 2020
    milestones:
      - {by: 2025, value: 30}
"""

DERIVED_ROWS = """\
indicator,period,value,status,source,note,recorded_at
va,2020,10,official,GSO A,,2021-03-01T00:00:00Z
grdp,2020,100,official,GSO B,,2021-03-01T00:00:00Z
va,2022,16,official,GSO A,,2023-06-01T00:00:00Z
grdp,2022,110,estimate,GSO B,,2023-01-06T00:00:00Z
va,2023,17,preliminary,GSO A,,2024-06-01T00:00:00Z
grdp,2023,120,official,GSO B,,2024-06-01T00:00:00Z
"""


def test_a_derived_figure_carries_the_least_final_status_of_its_inputs(tmp_path: Path, monkeypatch):
    # Found: share 2022 = 16 / 110 * 100 was listed with no status (the table's Kind
    # empty, JSON "status": null) though GRDP 2022 was an estimate: the journalist read a
    # figure resting on an estimate as if nothing were said of it. A derived figure now
    # has the least final status of its inputs (estimate, none, preliminary, official), and
    # the store's own listing still imports back adding nothing.
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, DERIVED_TARGETS, DERIVED_ROWS)
    listed = json_of("observations", "--indicator", "share", "--format", "json")["observations"]
    assert [(o["period"], o["status"]) for o in listed] == [
        ("2020", "official"),
        ("2022", "estimate"),
        ("2023", "preliminary"),
    ]
    status = json_of("status", "--format", "json")["targets"][0]
    assert status["latest"]["period"] == "2023" and status["latest"]["status"] == "preliminary"
    assert (
        json_of("status", "--format", "json", "--as-of", "2023-12-31")["targets"][0]["latest"]["status"] == "estimate"
    )
    for fmt in ("csv", "tsv"):
        text = run_clean("observations", "--format", fmt).stdout
        back = run_clean("add-observation", "--from", "-", "--dry-run", input=text)
        assert back.exit_code == 0, back.stderr
        assert "would add 0 row(s)" in back.stderr and "3 row(s) of derived" in back.stderr, back.stderr
    # The show table's Kind column says it too.
    shown = run_clean("show", "share-up", "--format", "table", "--as-of", "2023-12-31", env={"COLUMNS": "160"}).stdout
    assert [line.split()[2] for line in shown.splitlines() if line.strip().startswith("2022 ")] == ["estimate"], shown


def test_an_as_of_day_after_today_is_said_to_be_one(tracker: Path):
    # Found: `status --as-of 2031-06-01` (a slip for 2021) answered in silence, with the
    # 2025 and 2030 deadlines "passed without a figure" and no word that the day is to
    # come: the journalist took it for what was known then. A day after today is still
    # read (what the deadlines will look like then, docs/methodology.md), and said once on
    # stderr; standard output is unchanged.
    from datetime import date, timedelta

    later = (date.today() + timedelta(days=400)).isoformat()
    today = date.today().isoformat()  # the machine's calendar, as reference_day reads it
    done = run_clean("status", "--format", "json", "--as-of", later)
    assert done.exit_code == 0
    assert done.stderr == (
        f"--as-of: warning: {later} is after today ({today}): the figures are those recorded by now,"
        f" and deadlines are read as on {later}\n"
    )
    assert json_of("status", "--format", "json", "--as-of", later)["as_of"] == later
    vi = run_clean("history", "share", "--as-of", later, "--lang", "vi")
    # Today as Vietnamese writes dates (seventeenth session): DD/MM/YYYY; the day typed too
    # (thirty-ninth session: one line's days in one form).
    shown = date.today().strftime("%d/%m/%Y")
    typed = (date.today() + timedelta(days=400)).strftime("%d/%m/%Y")
    assert f"--as-of: cảnh báo: {typed} là một ngày sau hôm nay ({shown})" in vi.stderr
    assert run_clean("status", "--format", "json", "--as-of", today).stderr == ""


def test_history_json_has_the_fields_json_md_lists(tmp_path: Path, monkeypatch):
    # Found: docs/json.md named only `revises` and a retraction's `value`/`status` of the
    # history document, so a script had no documented field to rely on for `in_force` or
    # `line`. The fields are now listed there; this pins them, in that order.
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, RETRACT_TARGETS, RETRACT_ROWS)
    assert run_clean("retract", "share", "2022", "--recorded-at", "2024-01-01").exit_code == 0
    assert run_clean("add-observation", "share", "2022", "12.4", "--recorded-at", "2024-02-01").exit_code == 0
    doc = json_of("history", "share", "2022", "--format", "json")
    assert list(doc) == ["qntrack", "indicator", "dims", "period", "as_of", "vintages", "as_of_end"]  # 39th, J
    assert (doc["indicator"], doc["dims"], doc["period"], doc["as_of"]) == ("share", {}, "2022", None)
    keys = ["period", "value", "status", "source", "note", "recorded_at", "in_force", "line", "revises"]
    keys += ["revises_source", "revises_recorded_at"]  # twenty-fifth session
    keys += ["revises_status"]  # twenty-seventh session
    assert all(list(v) == keys for v in doc["vintages"])
    assert [(v["value"], v["status"], v["in_force"], v["line"], v["revises"]) for v in doc["vintages"]] == [
        (12.4, None, True, 5, None),
        (None, "retracted", False, 4, 12.0),
        (12.0, "estimate", False, 3, None),
    ]
    then = json_of("history", "share", "2022", "--format", "json", "--as-of", "2024-01-15")
    assert then["as_of"] == "2024-01-15" and [v["in_force"] for v in then["vintages"]] == [True, False]
