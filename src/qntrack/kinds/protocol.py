"""What every target kind provides (docs/architecture.md, "Target kinds").

A kind is one module of this package holding an object that meets ``Kind``; the
registry (``kinds/__init__.py``) lists them. Pure: no I/O, no clock, no terminal.
"""

from __future__ import annotations

from datetime import date
from typing import Callable, NamedTuple, Protocol, Sequence, TypeVar

from ..catalog import Message
from ..method.assessment import Assessment
from ..plan.model import Indicator, Location, Observation, Target
from ..plan.periods import Period

__all__ = ["Due", "Kind"]

T_contra = TypeVar("T_contra", bound=Target, contravariant=True)


class Due(NamedTuple):
    """A deadline of a target whose figure ``qntrack check`` expects once it is over."""

    period: Period
    where: Location
    # Made only when the deadline is reported: a national plan has tens of thousands.
    what: Callable[[], Message]


class Kind(Protocol[T_contra]):
    """One kind of target: its name in targets.yaml and JSON, its class, how it is judged."""

    @property
    def name(self) -> str:
        """The ``type:`` of targets.yaml and the JSON contract's ``type``."""
        ...

    def assess(
        self, target: T_contra, indicator: Indicator, rows: Sequence[Observation], today: date | None
    ) -> Assessment:
        """The target judged on ``rows`` (the indicator's series in force), ``today`` the reference day."""
        ...

    def overflowed(
        self, target: T_contra, indicator: Indicator, rows: Sequence[Observation], today: date | None
    ) -> Assessment:
        """The assessment when a figure overflowed: not_available ("overflow"), keeping what is known."""
        ...

    def relevant_rows(self, target: T_contra, rows: Sequence[Observation]) -> list[Observation]:
        """The observations a reader of this target needs (the report's table and chart)."""
        ...

    def due(self, target: T_contra) -> list[Due]:
        """The target's deadlines whose figure ``check`` expects (docs/data-integrity.md)."""
        ...
