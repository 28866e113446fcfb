"""Periods: the forms Vietnamese reporting uses, one canonical name per span."""

import pytest

from qntrack.plan.periods import Frequency, Period, PeriodError, parse_period


@pytest.mark.parametrize(
    "text, first, last, canonical",
    [
        ("2023", 1, 12, "2023"),
        ("2023-H1", 1, 6, "2023-H1"),
        ("2023-h2", 7, 12, "2023-H2"),
        ("2023-Q2", 4, 6, "2023-Q2"),
        ("2023-04", 4, 4, "2023-04"),
        ("2023-9M", 1, 9, "2023-9M"),
        # Spans with two names get one: 6M is H1, 3M is Q1, 1M is January, 12M the year.
        ("2023-6M", 1, 6, "2023-H1"),
        ("2023-3M", 1, 3, "2023-Q1"),
        ("2023-1M", 1, 1, "2023-01"),
        ("2023-12M", 1, 12, "2023"),
        (" 2023-11M ", 1, 11, "2023-11M"),
    ],
)
def test_parse_and_format(text, first, last, canonical):
    p = parse_period(text)
    assert (p.year, p.first, p.last) == (2023, first, last)
    assert str(p) == canonical


@pytest.mark.parametrize(
    "text", ["2023-13", "2023-00", "Q5", "2023-Q5", "2023-H3", "23", "2023-13M", "2023-0M", "2023/04", "", "2023-06-30"]
)
def test_invalid_periods_show_the_valid_forms(text):
    with pytest.raises(PeriodError) as err:
        parse_period(text)
    assert "2023-H1" in str(err.value) and "2023-9M" in str(err.value)


def test_month_thirteen_is_named():
    with pytest.raises(PeriodError, match="month 13 does not exist"):
        parse_period("2023-13")


def test_ordering_by_end_then_longer_span_first():
    texts = ["2023", "2023-Q4", "2023-H2", "2023-9M", "2023-Q3", "2023-H1", "2023-Q2", "2023-Q1", "2022"]
    ordered = sorted(parse_period(t) for t in texts)
    assert [str(p) for p in ordered] == [
        "2022",
        "2023-Q1",
        "2023-H1",
        "2023-Q2",
        "2023-9M",
        "2023-Q3",
        "2023",
        "2023-H2",
        "2023-Q4",
    ]


@pytest.mark.parametrize(
    "text, frequency, fits",
    [
        ("2023", Frequency.YEAR, True),
        ("2023-H1", Frequency.YEAR, False),
        ("2023-H1", Frequency.HALF, True),
        ("2023-9M", Frequency.QUARTER, True),
        ("2023-9M", Frequency.HALF, False),
        ("2023-Q3", Frequency.HALF, False),
        ("2023-11M", Frequency.MONTH, True),
        ("2023-11M", Frequency.QUARTER, False),
    ],
)
def test_fits_frequency(text, frequency, fits):
    assert parse_period(text).fits(frequency) is fits


def test_same_period_last_year():
    assert parse_period("2023-9M").same_span_previous_year() == Period(2022, 1, 9)


@pytest.mark.parametrize("text", ["\u0662\u0660\u0662\u0664", "２０２４", "2024-\u0660\u0664", "२०२४-H1"])
def test_digits_other_than_ascii_are_not_a_period(text):
    # Python's \d and int() read Arabic-Indic, full-width and Devanagari digits; a year
    # typed that way in targets.yaml or a hand-edited store must be refused, not stored.
    with pytest.raises(PeriodError):
        parse_period(text)
