"""What an import works out once a plan and asks of every row (the plan's indicators by
name, its targets' indicators, the words of its names): kept for the last plan asked, so
that a national plan's 20,000 names are never walked once per row.

One rule for each such table (issue 17, thirtieth session's review: three modules kept
it as a list ``[plan, table]`` updated in place). The pair is replaced whole, never
updated in place: a list changed item by item could, read by two threads importing for
two plans, give one thread the other plan's table. Bounded: one plan is held at a time,
until another is asked, which is what a command (one plan) needs. Pure."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Generic, TypeVar

if TYPE_CHECKING:
    from ..plan.model import Plan

__all__ = ["LastPlan"]

T = TypeVar("T")


class LastPlan(Generic[T]):
    """``make(plan)``, worked out again only when another plan is asked."""

    __slots__ = ("_make", "_held")

    def __init__(self, make: Callable[[Plan], T]) -> None:
        self._make = make
        self._held: tuple[Plan, T] | None = None

    def __call__(self, plan: Plan) -> T:
        held = self._held  # read once: another thread may replace it meanwhile
        if held is None or held[0] is not plan:
            held = (plan, self._make(plan))
            self._held = held
        return held[1]
