"""The decimals at which a plan target's figure, its plan and their difference agree as
written, and those of the same period's figure a year before (moved out of views.plan,
forty-fourth session, unchanged). Pure."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...kinds.plan import SamePeriod
    from ...method.assessment import Assessment

__all__ = ["agreeing_decimals", "beside_pace", "paced_shares", "same_period_places"]


def agreeing_decimals(got: float | None, plan: float, diff: float | None, start: int = 2) -> int:
    """The decimals at which a figure, its plan and their difference agree as written:
    two, unless the figure and the plan rounded there are not apart by the difference
    rounded there (10.001 against 10 would read "10%", a plan of "10%", +0.001 pp); then
    the fewest more that agree, up to twelve (docs/decisions.md, issue 17, seventeenth
    session)."""
    from decimal import ROUND_HALF_UP, Decimal

    if got is not None and diff is None and math.isfinite(got) and abs(got) < 1e15:
        # No difference written beside it (a flow's year to date): the figure's own decimals,
        # so that its gap (0.7 − 0.525) reads 0.175, not "0.18" beside "0.525".
        return max(2, min(start, 12))
    if got is None or diff is None or not all(math.isfinite(v) and abs(v) < 1e15 for v in (got, plan, diff)):
        return 2  # past 1e15 a figure is written with its exponent (i18n.number): no decimals to agree

    def at(value: float, places: int) -> Decimal:
        return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)

    # From ``start``, the decimals the figure was published with (9.996 - 14 = -4.004,
    # never 10 - 14 = -4; issue 17, nineteenth session).
    for places in range(min(start, 12), 13):
        shown = at(diff, places)
        if at(got, places) - at(plan, places) == shown and (shown != 0) == (diff != 0):
            return places
    return 2


def same_period_places(a: Assessment, same: SamePeriod, now: float | None, places: int = 2) -> tuple[int, int]:
    """The decimals of the same period's figure and of a change in points on it: the figure
    at those it was published with (12.345 %, never "12.35%"; a derived figure's two), the
    change at those where the figures as written are apart by it (12.9 − 12.345 = +0.555
    pp, where "12.35%" and "+0.56 pp" did not subtract; fortieth session, helper W); the
    figure at no fewer than ``places``, those the figure ``now`` is written at beside it."""
    from ..i18n import typed_places

    typed = 2 if a.indicator.formula else typed_places(same.value)
    if same.by != "points" or same.change is None or now is None:
        return max(places, typed), 2
    # From the figure's typed decimals, not ``places``: 9.99999 against 9.5 is "+0.5 pp"
    # beside a plan's 9.99999 (tests/test_display18.py), as the eighteenth session chose.
    return max(places, typed), agreeing_decimals(now, same.value, same.change, typed)


def paced_shares(share: float | None, time: float | None, lang: str, within: bool) -> tuple[str, str]:
    """A share of a plan or of a cap in per cent (75.025) and the share of the time (0.75),
    as written beside each other, without their "%". ``within``: a pace kept within (a flow
    planned where lower is better, a cumulative cap), on it while the first is at most the
    second; both are then written at the decimals where they differ, so that 75.025 % of the
    plan after 75 % of the year, beyond the pace, never reads "75% ... after 75%" beside
    "Limited progress" (session 47)."""
    from ..i18n import differing_decimals, hundredfold, number, percent_reached_text

    fraction = hundredfold(time)
    written, elapsed = percent_reached_text(share, lang), number(fraction, lang, 1)
    if within and share is not None and fraction is not None and math.isfinite(share) and math.isfinite(fraction):
        places = differing_decimals(share, fraction, 1)
        if places > 1:
            own = len(percent_reached_text(share, "en").partition(".")[2])
            written, elapsed = number(share, lang, max(places, own)), number(fraction, lang, places)
    return written, elapsed


def beside_pace(value: float, against: float, places: int = 2) -> tuple[int, int]:
    """The decimals of a part-year reading (``value``, at least ``places``) and of the pace
    or bound it is set against (two, a computed figure's), or more where two would write
    them alike: 3.7499 behind a pace of 3.75 is never "3.75 ... it would be 3.75", nor
    9.9999 % "10% (does not pass)" of at least 10 (session 47)."""
    from ..i18n import differing_decimals

    if not (math.isfinite(value) and math.isfinite(against)):
        return places, 2
    both = differing_decimals(value, against, 2)
    return max(places, both), both
