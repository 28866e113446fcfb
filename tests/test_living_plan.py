"""A tracker lived with for years (issue 17): the plan changes under a store that keeps
every row. An indicator renamed in targets.yaml leaves its rows under the old id; the
user must be told, in both languages, that they are there and how to carry them over,
and the documented way to do it (targets-format.md, "Changing the plan") must work."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import run_clean


def _rename_fdi(folder: Path) -> None:
    """targets.yaml with the indicator 'fdi' renamed 'fdi_registered' (its targets too), as
    a new resolution's wording would make an office do; the store is left as it was."""
    path = folder / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("\n  fdi:\n", "\n  fdi_registered:\n").replace(
        "indicator: fdi\n", "indicator: fdi_registered\n"
    )
    path.write_text(text, encoding="utf-8")


def test_history_of_a_renamed_indicator_says_its_rows_are_in_the_store(shipped: Path):
    _rename_fdi(shipped)
    # The shipped store holds 13 rows of 'fdi' (grep -c '^fdi,' observations.csv: lines 65-77).
    for args, lang_words in (
        ((), ("13 row(s)", "Changing the plan")),
        (("--lang", "vi"), ("13 dòng", "Changing the plan")),
    ):
        r = run_clean(*args, "history", "fdi")
        assert r.exit_code == 1
        assert "no indicator 'fdi'" in r.stderr or "không có chỉ tiêu 'fdi'" in r.stderr
        for word in lang_words:
            assert word in r.stderr, r.stderr
        assert "observations.csv" in r.stderr


def test_observations_of_a_renamed_indicator_says_its_rows_are_in_the_store(shipped: Path):
    _rename_fdi(shipped)
    r = run_clean("observations", "--indicator", "fdi")
    assert r.exit_code == 1
    assert "13 row(s)" in r.stderr and "Changing the plan" in r.stderr


def test_an_indicator_with_no_rows_is_refused_as_before(shipped: Path):
    # No row of 'nonesuch' in the store: nothing about rows is said.
    r = run_clean("history", "nonesuch")
    assert r.exit_code == 1
    assert "row(s)" not in r.stderr


def test_the_warning_and_check_say_how_to_carry_the_rows_over(shipped: Path):
    _rename_fdi(shipped)
    r = run_clean("status")
    assert r.exit_code == 0
    assert "13 row(s) for indicator 'fdi'" in r.stderr and "Changing the plan" in r.stderr
    r = run_clean("--lang", "vi", "status")
    assert "13 dòng" in r.stderr and "Changing the plan" in r.stderr
    r = run_clean("check")
    assert r.exit_code == 1
    # One error per row (lines 65 to 77 of the shipped store), each with the way out.
    errors = [line for line in (r.stdout + r.stderr).splitlines() if ": error: " in line]
    assert len(errors) == 13
    assert all("Changing the plan" in line for line in errors)


def test_the_documented_rename_keeps_every_answer(shipped: Path):
    """targets-format.md, "Changing the plan": keep the old indicator defined, add the new
    one, point the targets at it, and copy the figures in force across with
    ``observations | add-observation --from -``. Every target then reads as before."""
    before = run_clean("status", "--format", "csv")
    before_then = run_clean("status", "--format", "csv", "--as-of", "2024-07-31")
    assert before.exit_code == 0 and before_then.exit_code == 0
    # fdi-plan-2024 at the 2024 mid-year review: H1 2024 = 1,590 (recorded 2024-07-05).
    assert "fdi-plan-2024," in before_then.stdout and ",2024-H1,1590.0," in before_then.stdout
    path = shipped / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("indicator: fdi\n", "indicator: fdi_registered\n")
    text = text.replace(
        "\n  budget_revenue:\n",
        '\n  fdi_registered:\n    name: "FDI registered"\n    unit: {en: "million USD", vi: "triệu USD"}\n'
        "    measure: flow\n    direction: increase\n    frequency: month\n\n  budget_revenue:\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    figures = run_clean("observations", "--indicator", "fdi", "--format", "csv")
    assert figures.exit_code == 0
    copied = re.sub(r"(?m)^fdi([,\[])", r"fdi_registered\1", figures.stdout)
    added = run_clean("add-observation", "--from", "-", input=copied)
    assert added.exit_code == 0, added.stderr
    assert "13 row(s)" in added.stderr  # the 13 figures of 'fdi' in force, none revised
    assert run_clean("check").exit_code == 0
    after = run_clean("status", "--format", "csv")
    # The same statuses, gaps and figures; only the indicator column names the new id.
    # The indicator's description (the status CSV's last two columns since the twenty-ninth
    # session) is the new indicator's, which this one leaves out.
    assert _but_description(after.stdout) == _but_description(before.stdout.replace(",fdi,", ",fdi_registered,"))
    # What was known at the 2024 mid-year review, under the new id as under the old: each
    # copied row keeps its recorded_at.
    after_then = run_clean("status", "--format", "csv", "--as-of", "2024-07-31")
    assert _but_description(after_then.stdout) == _but_description(
        before_then.stdout.replace(",fdi,", ",fdi_registered,")
    )


def _but_description(text: str) -> list[list[str]]:
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    # Then not_counted, added in the thirty-sixth session, and the figures' notes (46th).
    assert rows[0][-5:-2] == ["description", "description_vi", "not_counted"]
    return [row[:-5] + row[-3:] for row in rows]


def _since(*args: str) -> dict:
    import json

    r = run_clean("report", "--format", "json", "--since", "2025-06-30", "--as-of", "2026-12-01", *args)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)["since"]


def test_a_milestone_revised_since_the_review_is_judged_by_its_new_value_at_both_dates(shipped: Path):
    """docs/report.md: both assessments of --since use targets.yaml as it is now."""
    path = shipped / "targets.yaml"
    # fdi-plan-2024 (3,000 million USD; 2,877.8 recorded 2025-02-07, 95.9%: not achieved at
    # both dates) revised down to 2,500: 2,877.8 >= 2,500 is achieved at both dates, so no
    # status change is listed for it; the revision itself is not a change of figures.
    text = path.read_text(encoding="utf-8").replace(
        "    period: 2024\n    value: 3000\n", "    period: 2024\n    value: 2500\n"
    )
    path.write_text(text, encoding="utf-8")
    since = _since("fdi-plan-2024")
    assert since["status_changes"] == []
    assert (
        run_clean("status", "fdi-plan-2024", "--format", "csv", "--as-of", "2025-06-30").stdout.count("target_achieved")
        == 1
    )


def test_a_target_added_since_the_review_is_assessed_on_the_figures_of_that_date(shipped: Path):
    """A budget plan for 2026 added to the plan after the review of 2025-06-30: at that
    date no 2026 figure existed (Not available); 64,000 recorded in November 2026 against a
    plan of 60,000 is 106.7% (target achieved)."""
    path = shipped / "targets.yaml"
    text = path.read_text(encoding="utf-8") + (
        "\n  - id: budget-revenue-plan-2026\n    type: plan\n    indicator: budget_revenue\n"
        '    name: "Budget revenue plan 2026"\n    period: 2026\n    value: 60000\n'
    )
    path.write_text(text, encoding="utf-8")
    with (shipped / "observations.csv").open("a", encoding="utf-8") as f:
        f.write("budget_revenue,2026,64000,estimate,x,,2026-11-20T00:00:00Z\n")
    since = _since("budget-revenue-plan-2026")
    assert [(c["id"], c["before"], c["after"]) for c in since["status_changes"]] == [
        ("budget-revenue-plan-2026", "not_available", "target_achieved")
    ]


def _fdi_quarterly(folder: Path) -> None:
    """The province now publishes FDI by quarter only: 'fdi' made quarterly in targets.yaml
    while the store keeps its month-based year-to-date figures (2022-11M = 639 on line 68,
    2023-8M = 853.93 on line 72 of the shipped store)."""
    path = folder / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\n  fdi:\n", 1)
    rest = rest.replace("frequency: month", "frequency: quarter", 1)
    path.write_text(head + "\n  fdi:\n" + rest, encoding="utf-8")


def test_a_frequency_made_coarser_leaves_a_way_to_withdraw_the_finer_figures(shipped: Path):
    _fdi_quarterly(shipped)
    checked = run_clean("check")
    assert checked.exit_code == 1
    errors = [line for line in (checked.stdout + checked.stderr).splitlines() if ": error: " in line]
    assert [e.split(":")[1] for e in errors] == ["68", "72"]
    # Each says the way out, in both languages.
    assert all("withdraw the figure (`qntrack retract`)" in e for e in errors), errors
    vi = run_clean("--lang", "vi", "check")
    assert vi.stdout.count("hãy rút lại số liệu đó (`qntrack retract`)") + vi.stderr.count("(`qntrack retract`)") == 2
    # history lists what the store holds for that period, rather than "no figure for it".
    seen = run_clean("history", "fdi", "2022-11M", "--format", "csv")
    assert seen.exit_code == 0, seen.stderr
    assert seen.stdout.splitlines()[1].startswith("2022-11M,639,")
    # Withdrawing each is the fix: retract accepts them, and check is then silent.
    for period in ("2022-11M", "2023-8M"):
        r = run_clean("retract", "fdi", period, "--note", "FDI is now published by quarter")
        assert r.exit_code == 0, r.stderr
    after = run_clean("check")
    assert after.exit_code == 0, after.stdout + after.stderr
    # Both vintages stay: the figure and its retraction.
    assert run_clean("history", "fdi", "2022-11M", "--format", "csv").stdout.count("\n") == 3


def test_a_finer_period_with_no_figure_is_still_refused(shipped: Path):
    _fdi_quarterly(shipped)
    # 2022-10 was never recorded: nothing to withdraw, and no such period for a quarterly
    # indicator; history says which period holds it (2022-Q4), exit 1 as retract (2 before
    # session 37's pass H: the plan lacks the period, README's "Exit codes").
    r = run_clean("retract", "fdi", "2022-10")
    assert r.exit_code == 1
    assert "finer than indicator 'fdi' is published (frequency: quarter)" in r.stderr
    h = run_clean("history", "fdi", "2022-10")
    assert h.exit_code == 1 and "2022-Q4" in h.stderr


def test_figures_recorded_for_an_indicator_made_derived_are_not_ignored_in_silence(shipped: Path):
    """cbct_share was recorded (5 rows, lines 52-56 of the shipped store: 2020, 2021, 2022-9M,
    2022, 2023, one vintage each, so 5 figures in force); a revised plan derives it from cbct_va and grdp_vnd.
    Its recorded figures are then no longer read: status, show and report must say so, as
    they say of an unknown indicator's rows, cold and from the cache."""
    path = shipped / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\n  cbct_share:\n", 1)
    rest = rest.replace("    frequency: quarter\n", '    formula: "cbct_va / grdp_vnd * 100"\n', 1)
    text = head + '\n  cbct_va:\n    name: "CBCT value added"\n    unit: "billion VND"\n\n  cbct_share:\n' + rest
    path.write_text(text, encoding="utf-8")
    for env in ({"QNTRACK_NO_CACHE": "1"}, {}, {}):
        r = run_clean("status", "cbct-share", "--format", "csv", env=env)
        assert r.exit_code == 0
        assert "figures recorded for 'cbct_share' for 5 period(s) are ignored" in r.stderr, r.stderr
        assert "Changing the plan" in r.stderr
    vi = run_clean("--lang", "vi", "show", "cbct-share")
    assert "số liệu đã ghi nhận của chỉ tiêu 'cbct_share' cho 5 kỳ bị bỏ qua" in vi.stderr, vi.stderr
    # A target not reading it says nothing of it.
    assert "cbct_share" not in run_clean("status", "fdi-plan-2024", "--format", "csv").stderr


def test_recording_or_retracting_under_a_renamed_indicator_says_its_rows_are_there(shipped: Path):
    _rename_fdi(shipped)
    before = (shipped / "observations.csv").read_bytes()
    added = run_clean("add-observation", "fdi", "2026-06", "500", "--status", "estimate", "--source", "x")
    assert added.exit_code == 1
    assert "unknown indicator 'fdi'" in added.stderr
    # 13 rows of 'fdi' in the shipped store (lines 65-77).
    assert "observations.csv: warning: 13 row(s) here are of 'fdi'" in added.stderr, added.stderr
    assert "Changing the plan" in added.stderr
    vi = run_clean("--lang", "vi", "retract", "fdi", "2025")
    assert vi.exit_code == 1
    assert "observations.csv: cảnh báo: 13 dòng số liệu ở đây thuộc chỉ tiêu 'fdi'" in vi.stderr, vi.stderr
    imported = run_clean("add-observation", "--from", "-", input="indicator,period,value\nfdi,2026-06,500\n")
    assert imported.exit_code == 1 and "13 row(s) here are of 'fdi'" in imported.stderr
    assert (shipped / "observations.csv").read_bytes() == before  # nothing written
    # An id never used says nothing of rows.
    other = run_clean("add-observation", "nonesuch", "2025", "1")
    assert other.exit_code == 1 and "row(s) here" not in other.stderr
