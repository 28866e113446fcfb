"""Issue 17, twenty-fifth session: the lead's own fixes (each test written failing first).

`report -o` and ``write_report`` now share the sequence after the layout
(output/report_written.write_laid_out); what that sequence says must be the same both ways."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from helpers import run_clean


def test_report_o_on_a_full_disk_names_the_file_as_typed(tracker: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The command writes at the file's real path: a full disk was said of
    # "/tmp/.../review.json", where the user had typed "review.json".
    assert run_clean("report", "-o", "review.json").exit_code == 0
    before = Path("review.json").read_bytes()

    def full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))

    monkeypatch.setattr(os, "replace", full)
    r = run_clean("report", "-o", "review.json")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("review.json:"), r.stderr
    assert "No space left on device" in r.stderr and os.getcwd() not in r.stderr
    assert Path("review.json").read_bytes() == before


def test_check_on_a_store_without_revisions_walks_its_rows_for_vintages_once(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `official-replaced` took "no period has two vintages" (an empty list) for "not
    # gathered yet" and walked the whole store again: on the independent national shape,
    # whose periods have one vintage each, 0.9 s under the profiler and 43 MB at the peak.
    from qntrack.files import checks

    calls: list[int] = []
    walk = checks.revised_rows

    def counted(rows):  # type: ignore[no-untyped-def]
        calls.append(len(rows))
        return walk(rows)

    monkeypatch.setattr(checks, "revised_rows", counted)
    problems = checks.run_checks("targets.yaml")
    assert calls == []  # the series' building found the (no) revised periods
    assert [p for p in problems if p.severity == "error"] == []


# --- targets.yaml's `period: Q1/26` was told "not a period targets.yaml reads: write
# 2026-Q1", where the command line and an import's cell say why: the year has two digits,
# and the century is a guess (a spreadsheet's, 1930-2029).


@pytest.mark.parametrize(("typed", "meant", "century"), [("Q1/26", "2026-Q1", "2026"), ("Q1/96", "1996-Q1", "1996")])
def test_targets_yaml_says_a_two_digit_year_is_a_guess_of_its_century(
    shipped: Path, typed: str, meant: str, century: str
) -> None:
    plan = Path("targets.yaml").read_text(encoding="utf-8")
    line = plan[: plan.index("    period: 2022")].count("\n") + 1  # fdi-plan-2022's period
    Path("targets.yaml").write_text(plan.replace("    period: 2022", f'    period: "{typed}"', 1), encoding="utf-8")
    for lang, words in (("en", "two-digit year"), ("vi", "hai chữ số")):
        r = run_clean("--lang", lang, "check")
        assert r.exit_code == 1, r.output
        said = [s for s in r.stderr.splitlines() if s.startswith(f"targets.yaml:{line}:")]
        assert len(said) == 1 and words in said[0] and meant in said[0] and century in said[0], r.stderr


def test_a_wide_tables_date_heading_is_told_to_format_the_heading_cells(tracker: Path) -> None:
    # Under --wide the periods are the header row's cells: the English advice said "format
    # the period column as Text", which a wide table has none of (the Vietnamese said the
    # heading cells); and the heading was quoted lower-cased ('apr-25').
    Path("in.csv").write_bytes(b"indicator,2021,Apr-25\nshare,1.5,1\n")
    r = run_clean("add-observation", "--from", "in.csv", "--wide", "--dry-run")
    assert r.exit_code == 1, r.output
    assert "column 3: 'Apr-25' is a date" in r.stderr and "2025-04" in r.stderr, r.stderr
    assert "period column" not in r.stderr and "header row's period cells" in r.stderr, r.stderr


# --- A Python caller's rows (record_many, `import opensdg`): each distinct period read once.
# An Open SDG repository of 56,000 rows spent a third of its import reading the same few
# dozen years again, row by row (13.5 s of processor time for the tests' 5.8 MB sample).


def test_record_many_reads_each_distinct_period_once_and_says_each_rows_refusal(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import qntrack
    from qntrack.files import caller_rows, typed_periods

    read: list[str] = []
    reading = typed_periods.typed_period

    def counted(text: str, recording: bool):  # type: ignore[no-untyped-def]
        read.append(text)
        return reading(text, recording)

    monkeypatch.setattr(typed_periods, "typed_period", counted)
    monkeypatch.setattr(caller_rows, "typed_period", counted, raising=False)
    rows = [{"indicator": "share", "period": str(2000 + n % 3), "value": 10 + n / 8} for n in range(60)]
    rows += [{"indicator": "share", "period": "H1", "value": 1}, {"indicator": "share", "period": "H1", "value": 2}]
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.record_many("targets.yaml", rows, dry_run=True)
    assert sorted(read) == ["2000", "2001", "2002", "H1"]
    # 'H1' has no year: said of both rows that have it, at their places (61 and 62).
    said = [(p.location.line, p.message.id) for p in caught.value.problems]  # type: ignore[union-attr]
    assert said == [(61, "cli_period_no_year"), (62, "cli_period_no_year")], said


# --- A warm `status --format json` writes the groups kept with the entries (the shipped
# start-up goal, 1.5 x `import typer`, stood at 1.49-1.51 x): it imported the grouping and
# the method's groups to make them again from the entries, about 5 % of the run.


def test_a_warm_status_json_writes_its_kept_groups_as_a_cold_run_makes_them(shipped: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("QNTRACK_")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1] / "src")
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('GROUPING ' + str('qntrack.output.grouping' in sys.modules) + '\\n'))\n"
        "from qntrack.console import main\n"
        "main()\n"
    )

    def run(*args: str, **more: str) -> tuple[str, str]:
        done = subprocess.run(
            [sys.executable, "-c", probe, "status", "--format", "json", *args],
            env={**env, **more},
            cwd=shipped,
            capture_output=True,
            timeout=120,
        )
        assert done.returncode in (0, 1), done.stderr
        return done.stdout.decode("utf-8"), done.stderr.decode("utf-8")

    cold, said = run(QNTRACK_NO_CACHE="1")
    assert "GROUPING True" in said and json.loads(cold)["groups"]
    first, _ = run()
    warm, said = run()
    assert first == warm == cold and "GROUPING False" in said
    # By owner, or of some targets, the groups are made again, as a cold run makes them.
    for args in (("--group-by", "owner"), ("cbct-share", "mining-share")):
        assert run(*args)[0] == run(*args, QNTRACK_NO_CACHE="1")[0]


# --- An estimate recorded over an official figure is said when it is recorded (pass V's
# leftover): only `check` said it (`official-replaced`), days later, while every status
# and report had shown the estimate in force over the statistics office's figure.


def _official_then(tracker: Path, *then: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    first = run_clean(
        "add-observation", "share", "2025", "12", "--status", "official", "--source", "GSO",
        "--recorded-at", "2026-01-10",
    )  # fmt: skip
    assert first.exit_code == 0, first.output
    return run_clean("--lang", lang, "add-observation", "share", "2025", *then)


def test_an_estimate_over_an_official_figure_is_said_when_it_is_recorded(tracker: Path) -> None:
    r = _official_then(tracker, "12.4", "--status", "estimate", "--recorded-at", "2026-02-01")
    assert r.exit_code == 0, r.output
    said = [s for s in r.stderr.splitlines() if "official" in s and "12.4" not in s or "GSO" in s]
    assert any("share 2025" in s and "official figure 12" in s and "GSO" in s for s in said), r.stderr
    assert "12.4" in Path("observations.csv").read_text(encoding="utf-8")  # kept: it may be meant
    dry = run_clean("add-observation", "share", "2025", "12.6", "--status", "preliminary", "--dry-run")
    assert dry.exit_code == 0 and "would replace the official figure 12" not in dry.stderr  # 12.4 is in force now


def test_the_dry_run_says_it_would_and_vietnamese_says_it_in_its_words(tracker: Path) -> None:
    r = _official_then(tracker, "12,4", "--status", "ước tính", "--dry-run", lang="vi")
    assert r.exit_code == 0, r.output
    assert "số chính thức 12" in r.stderr and "ước tính" in r.stderr and "GSO" in r.stderr, r.stderr
    r = run_clean("add-observation", "share", "2025", "12.4", "--status", "estimate", "--dry-run")
    assert "would replace the official figure 12" in r.stderr, r.stderr


@pytest.mark.parametrize(
    "then",
    [
        ("12.1", "--status", "official"),  # official over official: a revision, said as before
        ("12.4", "--status", "estimate", "--recorded-at", "2026-01-05"),  # recorded before: not in force
    ],
)
def test_nothing_is_said_of_an_official_revision_or_an_estimate_that_is_not_in_force(
    tracker: Path, then: tuple[str, ...]
) -> None:
    r = _official_then(tracker, *then)
    assert r.exit_code == 0, r.output
    assert "official figure 12" not in r.stderr and "replace" not in r.stderr.replace("replaced", ""), r.stderr


def test_an_estimate_after_the_official_figure_was_retracted_is_not_said_to_replace_it(tracker: Path) -> None:
    assert _official_then(tracker, "", "--status", "retracted", "--recorded-at", "2026-01-20").exit_code == 0
    r = run_clean("add-observation", "share", "2025", "12.4", "--status", "estimate")
    assert r.exit_code == 0 and "official figure" not in r.stderr, r.stderr
