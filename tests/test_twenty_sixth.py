"""Issue 17, twenty-sixth session: the lead's own fixes (each test written failing first).

A ministry's monthly plan tried as its officer would: a one-year every-period target was
shown over "2026–2026", and a span target missing its ends was called "a every_period
target" (and "a average target")."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import problems, run_clean, since_row

ONE_YEAR = """\
title: "Monthly exports"
indicators:
  iip_growth:
    name: {en: "Industrial production index growth", vi: "Tăng trưởng IIP"}
    unit: "%"
    direction: increase
    frequency: month
    measure: rate
targets:
  - id: iip-2026
    type: every_period
    indicator: iip_growth
    source: "Plan 2026"
    at_least: 8
    from: 2026
    to: 2026
"""


@pytest.fixture
def one_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "targets.yaml").write_text(ONE_YEAR, encoding="utf-8")
    (tmp_path / "observations.csv").write_text(
        "indicator,period,value,status,source,note,recorded_at\n"
        "iip_growth,2026,9.5,official,GSO,,2026-12-01T00:00:00Z\n",
        encoding="utf-8",
    )
    return tmp_path


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_span_of_one_year_is_named_once(one_year: Path, lang: str) -> None:
    # "≥ 8%, 2026–2026" read as a typo for a span; the span is the one year 2026.
    r = run_clean("--lang", lang, "status", "--format", "table", env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    assert "2026–2026" not in r.stdout
    assert "≥ 8%, 2026 " in r.stdout or "≥ 8%, 2026\n" in r.stdout, r.stdout
    shown = run_clean("--lang", lang, "show", "iip-2026", env={"COLUMNS": "120"})
    assert "2026–2026" not in shown.stdout, shown.stdout


@pytest.mark.parametrize("kind", ["every_period", "average", "cumulative"])
def test_a_span_target_without_its_ends_is_named_by_its_type(kind: str) -> None:
    # "a every_period target", "a average target": the type is quoted as the key's value.
    bound = "target: 100" if kind == "cumulative" else "at_least: 8"
    found = problems(
        f"""
        indicators:
          x: {{name: X}}
        targets:
          - id: t
            type: {kind}
            indicator: x
            {bound}
        """
    )
    said = [p for p in found if "'from'" in p]
    assert said, found
    assert f"a target of type {kind} needs 'from' and 'to'" in said[0], said[0]


# --- a revision of the note alone (pass F's leftover) ------------------------------------------


def _note_then(note: str, lang: str = "en") -> str:
    # The same 5 (estimate, Cuc TK) recorded again a month later with a note of its own.
    first = ("grdp_growth", "2026-Q1", "5", "--status", "estimate", "--source", "Cuc TK")
    assert run_clean("add-observation", *first, "--recorded-at", "2026-04-20T00:00:00Z").exit_code == 0
    r = run_clean("--lang", lang, "add-observation", *first, "--note", note, "--recorded-at", "2026-05-20T00:00:00Z")
    assert r.exit_code == 0, r.output
    return r.stderr


def test_a_note_only_revision_is_confirmed_as_a_note_change(shipped: Path) -> None:
    # "revising 5" read as a change of the figure, which stayed 5.
    said = _note_then("hand checked")
    assert "revising" not in said, said
    assert (
        "added grdp_growth 2026-Q1 = 5 to observations.csv: the same figure, status and source as the one "
        "recorded 2026-04-20, with a note of its own"
    ) in said, said


def test_a_note_only_revision_is_confirmed_in_vietnamese(shipped: Path) -> None:
    said = _note_then("đã kiểm tra", "vi")
    assert (
        "đã thêm grdp_growth 2026-Q1 = 5 vào observations.csv: cùng số, trạng thái và nguồn với số ghi nhận "
        "20/04/2026, chỉ khác ghi chú"
    ) in said, said


def test_the_since_table_says_a_note_only_revision(shipped: Path) -> None:
    _note_then("hand checked")
    assert "| note changed | 5%\\[1\\] y/y |" in since_row("en")
    assert "| đổi ghi chú | 5%\\[1\\] so với cùng kỳ |" in since_row("vi")


# --- the library's retract given no period (pass F's leftover) ---------------------------------


@pytest.mark.parametrize("period", [None, ["2023"], {"period": "2023"}])
def test_retract_names_a_period_of_another_type(period: object, tracker: Path) -> None:
    # None said "retract: error: the period is empty", naming the command, not the argument.
    import qntrack

    before = (tracker / "observations.csv").read_bytes()
    with pytest.raises(qntrack.InputError) as raised:
        qntrack.retract("targets.yaml", "share", period, "GSO", "", None)  # type: ignore[arg-type]
    assert isinstance(raised.value, ValueError)  # an ArgumentError
    assert raised.value.file == "period"
    assert str(raised.value).startswith(f"period: error: is of type {type(period).__name__}, not a period"), raised
    assert (tracker / "observations.csv").read_bytes() == before


# --- retract --dry-run on the command line (pass U's leftover) ---------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "dry run: would retract share 2023 (12.3, recorded 2023-10-15) in observations.csv; nothing was written",
        ),
        (
            "vi",
            "chạy thử: sẽ rút lại số liệu share 2023 (12,3, ghi nhận 15/10/2023) trong observations.csv; không ghi gì",
        ),
    ],
)
def test_retract_dry_run_says_what_it_would_withdraw_and_writes_nothing(tracker: Path, lang: str, said: str) -> None:
    # The library had dry_run; the command had no --dry-run ("No such option", exit 2).
    before = (tracker / "observations.csv").read_bytes()
    r = run_clean("--lang", lang, "retract", "share", "2023", "--dry-run")
    assert r.exit_code == 0, r.output
    assert said in r.stderr, r.stderr
    assert r.stdout == ""
    assert (tracker / "observations.csv").read_bytes() == before


def test_retract_dry_run_refuses_as_the_retraction_would(tracker: Path) -> None:
    # Nothing in force for 2019: refused with the retraction's own words and exit code.
    before = (tracker / "observations.csv").read_bytes()
    dry = run_clean("retract", "share", "2019", "--dry-run")
    real = run_clean("retract", "share", "2019")
    assert dry.exit_code == real.exit_code == 1, dry.output
    assert dry.stderr == real.stderr
    assert (tracker / "observations.csv").read_bytes() == before


# --- a note given with a figure already recorded (pass L1's leftover) --------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "the note given ('hand checked') was not stored: a note alone makes no new vintage of a "
            "figure already recorded; to record it, give the row --recorded-at with the moment it was written",
        ),
        (
            "vi",
            "ghi chú đã nhập ('hand checked') chưa được lưu: chỉ một ghi chú không tạo lần ghi nhận mới cho "
            "số liệu đã có; muốn lưu, hãy ghi thêm --recorded-at với thời điểm viết ghi chú",
        ),
    ],
)
def test_a_note_given_with_a_figure_already_recorded_is_said_not_stored(shipped: Path, lang: str, said: str) -> None:
    # "nothing to add: ... is already recorded" and the note dropped: the officer believed
    # the note was kept.
    first = ("grdp_growth", "2026-Q1", "5", "--status", "estimate", "--source", "Cuc TK")
    assert run_clean("add-observation", *first, "--recorded-at", "2026-04-20T00:00:00Z").exit_code == 0
    before = (shipped / "observations.csv").read_bytes()
    r = run_clean("--lang", lang, "add-observation", *first, "--note", "hand checked")
    assert r.exit_code == 0, r.output
    assert said in r.stderr, r.stderr
    assert (shipped / "observations.csv").read_bytes() == before


def test_the_same_note_again_says_nothing_more(shipped: Path) -> None:
    row = ("grdp_growth", "2026-Q1", "5", "--status", "estimate", "--source", "Cuc TK", "--note", "n")
    assert run_clean("add-observation", *row, "--recorded-at", "2026-04-20T00:00:00Z").exit_code == 0
    r = run_clean("add-observation", *row)
    assert "already recorded" in r.stderr and "note given" not in r.stderr, r.stderr
