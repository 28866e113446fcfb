"""The core's days in a plan's zone (method.recorded_days; thirty-ninth session).

Expected moments worked out by hand: the end of 2 July in Hà Nội (+07:00) is 2 July
23:59:59 − 7 h = 16:59:59 UTC; at −05:00 it is 23:59:59 + 5 h = 04:59:59 UTC on 3 July; at
+05:30 (India) 18:29:59 UTC. One property holds them together: a figure is known by the end
of a day exactly when the day it was recorded on is that day or before.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qntrack.method.recorded_days import LAST_MOMENT, day_end, recorded_day, zone_name, zone_offset
from qntrack.method.series import as_of_bound


@pytest.mark.parametrize(
    ("day", "zone", "end"),
    [
        ("2026-07-02", "+07:00", "2026-07-02T16:59:59Z"),
        ("2026-07-02", "+0700", "2026-07-02T16:59:59Z"),
        ("2026-07-02", "-05:00", "2026-07-03T04:59:59Z"),
        ("2026-07-02", "+05:30", "2026-07-02T18:29:59Z"),
        ("2026-07-02", "", "2026-07-02T23:59:59Z"),
        ("2026-07-02", "Z", "2026-07-02T23:59:59Z"),
        ("2026-07-02", "UTC", "2026-07-02T23:59:59Z"),
        ("2026-01-01", "+07:00", "2026-01-01T16:59:59Z"),
        ("2024-03-01", "+14:00", "2024-03-01T09:59:59Z"),
        ("0001-01-01", "+14:00", "0001-01-01T09:59:59Z"),
        ("9999-12-31", "-05:00", LAST_MOMENT),  # its end is in year 10000: every moment is before it
        # The store's later hours fall on no day there but are shown on the last one
        # (recorded_day below): its end counts them (fortieth session, tests/test_s40_t.py).
        ("9999-12-31", "+07:00", LAST_MOMENT),
    ],
)
def test_the_end_of_a_day_in_a_zone(day: str, zone: str, end: str) -> None:
    assert day_end(day, zone) == end
    assert as_of_bound(day, zone) == end


def test_a_moment_already_worked_out_is_its_own_bound() -> None:
    assert as_of_bound("2026-07-02T16:59:59Z", "+07:00") == "2026-07-02T16:59:59Z"


@pytest.mark.parametrize(
    ("stamp", "zone", "day"),
    [
        ("2026-07-02T23:30:00Z", "+07:00", "2026-07-03"),
        ("2026-07-02T16:59:59Z", "+07:00", "2026-07-02"),
        ("2026-07-02T17:00:00Z", "+07:00", "2026-07-03"),
        ("2026-07-03T02:00:00Z", "-05:00", "2026-07-02"),
        ("2026-07-03T05:00:00Z", "-05:00", "2026-07-03"),
        ("2026-12-31T17:00:00Z", "+07:00", "2027-01-01"),
        ("2026-07-02T23:30:00Z", "", "2026-07-02"),
        ("9999-12-31T20:00:00Z", "+07:00", "9999-12-31"),  # no later day can be written
        ("0001-01-01T02:00:00Z", "-05:00", "0001-01-01"),
    ],
)
def test_the_day_a_figure_was_recorded_on(stamp: str, zone: str, day: str) -> None:
    assert recorded_day(stamp, zone) == day


@pytest.mark.parametrize(
    ("zone", "name", "minutes"),
    [("+07:00", "UTC+07:00", 420), ("-0530", "UTC-05:30", -330), ("", "UTC", 0), ("GMT", "UTC", 0)],
)
def test_the_zone_as_a_notice_names_it(zone: str, name: str, minutes: int) -> None:
    assert zone_name(zone) == name
    assert zone_offset(zone) == timedelta(minutes=minutes)


_ZONES = st.integers(min_value=-12 * 4, max_value=14 * 4).map(
    lambda quarters: (
        "" if quarters == 0 else f"{'-' if quarters < 0 else '+'}{abs(quarters) // 4:02d}:{abs(quarters) % 4 * 15:02d}"
    )
)
_MOMENTS = st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31, 23, 59, 59)).map(
    lambda m: m.replace(microsecond=0).isoformat() + "Z"
)
_DAYS = st.dates(min_value=datetime(2, 1, 1).date(), max_value=datetime(9998, 12, 31).date()).map(
    lambda d: d.isoformat()
)


@given(stamp=_MOMENTS, zone=_ZONES, day=_DAYS)
def test_known_by_the_end_of_a_day_exactly_when_recorded_on_it_or_before(stamp: str, zone: str, day: str) -> None:
    assert (stamp <= day_end(day, zone)) == (recorded_day(stamp, zone) <= day)


@given(stamp=_MOMENTS, zone=_ZONES)
def test_a_figure_is_known_by_the_end_of_the_day_it_was_recorded_on_and_not_the_day_before(
    stamp: str, zone: str
) -> None:
    day = recorded_day(stamp, zone)
    before = (datetime.fromisoformat(day) - timedelta(days=1)).date().isoformat()
    assert stamp <= day_end(day, zone)
    assert stamp > day_end(before, zone)


@pytest.mark.parametrize(
    ("stamp", "zone", "other"),
    [
        ("2025-10-02T16:59:59Z", "+07:00", False),
        ("2025-10-02T17:00:00Z", "+07:00", True),  # 00:00 on 3 October in Hanoi
        ("2025-10-02T04:59:59Z", "-05:00", True),  # 23:59:59 on 1 October at -05:00
        ("2025-10-02T05:00:00Z", "-05:00", False),
        ("2025-10-02T18:29:59Z", "+05:30", False),
        ("2025-10-02T18:30:00Z", "+05:30", True),
        ("2025-10-02T23:59:59Z", "", False),
    ],
)
def test_an_imports_moments_on_another_day_in_the_plans_zone_are_found_by_their_time(
    stamp: str, zone: str, other: bool
) -> None:
    from qntrack.files.import_columns import _other_day_in

    assert _other_day_in([stamp], zone) is other


@given(stamp=_MOMENTS, zone=_ZONES)
def test_the_imports_time_of_day_rule_is_the_days_rule(stamp: str, zone: str) -> None:
    from qntrack.files.import_columns import _other_day_in

    assert _other_day_in([stamp], zone) == (recorded_day(stamp, zone) != stamp[:10])


@pytest.mark.parametrize(
    ("stamp", "zone", "written"),
    [
        ("2025-07-02T17:00:00Z", "+07:00", "2025-07-03T00:00:00+07:00"),
        ("2025-07-03T02:00:00Z", "-05:00", "2025-07-02T21:00:00-05:00"),
        ("2025-07-02T17:00:00Z", "+0530", "2025-07-02T22:30:00+05:30"),
        ("2025-07-02T17:00:00Z", "", "2025-07-02T17:00:00Z"),
        ("9999-12-31T20:00:00Z", "+07:00", "9999-12-31T20:00:00Z"),  # no year 10000 to write it in
    ],
)
def test_a_moment_written_in_the_plans_zone(stamp: str, zone: str, written: str) -> None:
    from qntrack.method.recorded_days import in_zone

    assert in_zone(stamp, zone) == written


@given(stamp=_MOMENTS, zone=_ZONES)
def test_a_moment_written_in_a_zone_is_the_same_instant_on_the_zones_day(stamp: str, zone: str) -> None:
    from datetime import timezone

    from qntrack.method.recorded_days import in_zone

    written = in_zone(stamp, zone)
    at = datetime.fromisoformat(written.replace("Z", "+00:00")).astimezone(timezone.utc)
    assert at.replace(tzinfo=None).isoformat() + "Z" == stamp  # isoformat pads a year under 1000
    assert written[:10] == recorded_day(stamp, zone)
