"""One reading of a typed period (issue 17, twenty-third session): the text a person types
as a period gets the same period, or the same refusal in the same words, from
``qntrack add-observation`` and from the library's ``record_many`` and ``retract``, in
English and in Vietnamese (docs/decisions.md, "One reading of a typed period")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import THIS_YEAR

from helpers import run_clean
from qntrack.errors import InputError
from qntrack.plan.model import Location

# This year, as both readings take it for a span typed with no year ('H1' is this year's H1),
# the clock fixed (conftest's mid_2026): the year does not change with the hour the suite runs.
YEAR = THIS_YEAR
pytestmark = pytest.mark.usefixtures("mid_2026")

# (typed, expected): a period (the store's text, read by hand from docs/observations-format.md
# and methodology section 3), or a fragment of the English refusal, written by hand.
TABLE = [
    ("2025", "2025"),
    ("2025-Q1", "2025-Q1"),
    ("2025-H1", "2025-H1"),
    ("2025-04", "2025-04"),
    ("2025-9M", "2025-9M"),
    (" 2025 ", "2025"),  # spaces around a year are not part of it
    ("Năm 2025", "2025"),  # 'the year 2025'
    ("Quý I/2026", "2026-Q1"),  # quarter I of 2026
    ("Tháng 4/2025", "2025-04"),  # month 4 of 2025
    ("H1 2026", "2026-H1"),
    ("6T đầu năm 2026", "2026-H1"),  # the first 6 months of 2026: its first half
    ("I/2026", "may be a quarter or a month"),
    ("2026-13", "month 13 does not exist"),
    ("13/2025", "month 13 does not exist"),
    ("2026-Q5", "quarter 5 does not exist"),
    ("25", "'25' is not a period"),
    ("2025.0", "'2025.0' is not a period"),
    ("2025-1", "'2025-1' is not a period"),
    # A day: no indicator here is daily; a month's last day is told the periods ending on
    # it (twenty-ninth session, tests/test_s29_v.py), a day of no month's end is not a period.
    ("2025-03-31", "'2025-03-31' is a day, not a period: a figure up to that day is for a period that ends on it"),
    ("2025-03-15", "'2025-03-15' is not a period"),
    ("", "the period is empty"),
    ("   ", "the period is empty"),
    # Digits other than 0-9: full-width (a Japanese or Chinese keyboard), Arabic-Indic.
    ("\uff12\uff10\uff12\uff15", "written in digits other than 0-9"),
    ("\u0662\u0660\u0662\u0665", "written in digits other than 0-9"),
    # A span with no year: told the year to write, this year's example.
    ("Quý II", f"gives no year: write it with its year, e.g. {YEAR}-Q2"),
    ("H1", f"gives no year: write it with its year, e.g. {YEAR}-H1"),
    ("Q1", f"gives no year: write it with its year, e.g. {YEAR}-Q1"),
    # A status before or after the period ('ước': estimate), as a yearbook heads a column.
    (
        "ước quý I/2025",
        "begins with a status (estimate): write the period alone, 2025-Q1, and the status with --status",
    ),
    (
        "quý I/2025 (ước)",
        "ends with a status (estimate): write the period alone, 2025-Q1, and the status with --status",
    ),
]


def _command(typed: str, lang: str) -> str:
    """The period add-observation --dry-run would store, or its refusal's words."""
    # fdi is monthly: a year, half, quarter, month or first N months fit it (the plan);
    # an estimate recorded now is never refused for its moment.
    r = run_clean("add-observation", "fdi", typed, "5", "--status", "estimate", "--dry-run", "--lang", lang)
    if r.exit_code == 0:
        return r.output.splitlines()[1].split("\t")[1]  # the row under the header, its period
    assert r.exit_code == 1, r.output
    (line,) = [x for x in r.output.splitlines() if x.startswith("add-observation: ")]
    return line.split(": ", 2)[2]


def _library(typed: str, lang: str) -> str:
    """The period record_many(..., dry_run=True) would store, or its problem's words."""
    from qntrack.files.recording import record_many

    row = {"indicator": "fdi", "period": typed, "value": "5", "status": "estimate"}
    try:
        done = record_many("targets.yaml", [(Location("add-observation"), row)], dry_run=True)
    except InputError as exc:
        (problem,) = exc.problems
        return problem.text(lang).split(": ", 2)[2]
    (stored,) = done.rows
    return str(stored.period)


def _as_typed(library: str) -> str:
    """The library's words for a status typed with the period, as the command says them."""
    import re

    library = re.sub(r'in the row\'s "status" field, "(\w+)"', r"with --status \1", library)
    return re.sub(r'ở trường "status" của dòng, "(\w+)"', r"bằng --status \1", library)


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(("typed", "expected"), TABLE)
def test_the_command_and_the_library_read_a_typed_period_alike(
    shipped: Path, typed: str, expected: str, lang: str
) -> None:
    command, library = _command(typed, lang), _library(typed, lang)
    # The same reading and refusal; where the command says --status, the library names the
    # row's "status" field (twenty-ninth session), so the words are compared so translated.
    assert command == _as_typed(library)
    if lang == "en":
        assert expected in command


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("\uff12\uff10\uff12\uff15", "written in digits other than 0-9"),
        ("Quý II", f"gives no year: write it with its year, e.g. {YEAR}-Q2"),
        # retract takes no status: told the period alone (no --status to write).
        ("ước quý I/2025", "begins with a status: write the period alone, 2025-Q1"),
    ],
)
def test_retract_and_the_librarys_retract_refuse_a_typed_period_alike(
    shipped: Path, typed: str, expected: str, lang: str
) -> None:
    from qntrack import retract

    r = run_clean("retract", "budget_revenue", typed, "--lang", lang)
    assert r.exit_code == 1, r.output
    (line,) = [x for x in r.output.splitlines() if x.startswith("retract: ")]
    command = line.split(": ", 2)[2]
    with pytest.raises(InputError) as caught:
        retract("targets.yaml", "budget_revenue", typed, "", "", None)
    (problem,) = caught.value.problems
    assert problem.text(lang).split(": ", 2)[2] == command
    if lang == "en":
        assert expected in command


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # Lower-case letters parse_period reads as the code 2025-9M: quoted as typed, with
        # what it was read as, where the yearly indicator refuses the first 9 months.
        ("2025-9m", "period '2025-9m' (read as 2025-9M) is finer than indicator 'budget_revenue'"),
        ("2025-q2", "period '2025-q2' (read as 2025-Q2) is finer than indicator 'budget_revenue'"),
        ("Quý I/2025", "period 'Quý I/2025' (read as 2025-Q1) is finer than indicator 'budget_revenue'"),
        ("2025-Q2", "period 2025-Q2 is finer than indicator 'budget_revenue'"),  # the code itself
    ],
)
def test_a_finer_period_is_quoted_as_typed_by_the_command_and_the_library(
    shipped: Path, typed: str, expected: str, lang: str
) -> None:
    from qntrack.files.recording import record_many

    r = run_clean("add-observation", "budget_revenue", typed, "5", "--status", "estimate", "--dry-run", "--lang", lang)
    assert r.exit_code == 1, r.output
    (line,) = [x for x in r.output.splitlines() if x.startswith("add-observation: ")]
    row = {"indicator": "budget_revenue", "period": typed, "value": "5", "status": "estimate"}
    with pytest.raises(InputError) as caught:
        record_many("targets.yaml", [(Location("add-observation"), row)], dry_run=True)
    (problem,) = caught.value.problems
    assert problem.text(lang).split(": ", 2)[2] == line.split(": ", 2)[2]
    if lang == "en":
        assert expected in line


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("typed", [" H1 ", "\tQuý II  ", " \uff12\uff10\uff12\uff15 "])
def test_a_refused_period_typed_with_spaces_is_quoted_without_them_everywhere(
    shipped: Path, typed: str, lang: str
) -> None:
    from qntrack import retract

    # add-observation quoted ' H1 ' with its spaces, retract and history without them,
    # and the library's retract as given: one reading quotes the text between the spaces.
    assert _command(typed, lang) == _library(typed, lang)
    assert f"'{typed.strip()}'" in _command(typed, lang)
    r = run_clean("retract", "budget_revenue", typed, "--lang", lang)
    (line,) = [x for x in r.output.splitlines() if x.startswith("retract: ")]
    with pytest.raises(InputError) as caught:
        retract("targets.yaml", "budget_revenue", typed, "", "", None)
    (problem,) = caught.value.problems
    assert problem.text(lang).split(": ", 2)[2] == line.split(": ", 2)[2]
    assert f"'{typed.strip()}'" in line
