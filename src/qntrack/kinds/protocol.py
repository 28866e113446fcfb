"""What every target kind provides (docs/architecture.md, "Target kinds").

A kind is one module of this package holding an object that meets ``Kind``; the
registry (``kinds/__init__.py``) lists them. Pure: no I/O, no clock, no terminal.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, NamedTuple, Protocol, Sequence, TypeVar

from ..catalog import Message
from ..method.assessment import Assessment
from ..plan.model import Indicator, Location, Measure, Observation, Target
from ..plan.periods import Period

__all__ = ["Due", "Keys", "Kind", "Reader", "What"]

T_contra = TypeVar("T_contra", bound=Target, contravariant=True)

# What a problem is about, as the reader names it: a plain key, or a small tuple made a
# phrase of the catalog only when a problem is reported (files/definitions.py).
What = str | tuple[Any, ...]
# An entry's keys: key -> (key node, value node), nodes being the reader's own.
Keys = dict[str, tuple[Any, Any]]


class Reader(Protocol):
    """What a kind's parser needs of targets.yaml's reader (files/definitions.py): the kind
    reads its own keys through it, and never imports the file layer. Each method reports
    what is wrong (file, line, column, what would be valid) and gives None."""

    # The measure of the target's indicator (plan.model.Measure), None when it is unknown: a
    # plan of 0 is read by its difference for a balance or a rate, never in per cent.
    target_measure: Any
    # Whether lower is better for the target's indicator (False when it is unknown): a plan
    # of 0 for it is told the ceiling that says "none at all".
    target_decrease: bool

    def loc(self, node: Any) -> Location: ...

    def error(self, node: Any, message: Message) -> None: ...

    def at(self, what: What, field: str) -> What:
        """``what: field``, the path to a key."""
        ...

    def phrase(self, what: What) -> str | Message:
        """``what`` as words, for a message."""
        ...

    def mapping(self, node: Any, what: What, allowed: tuple[str, ...]) -> Keys | None: ...

    def items(self, node: Any) -> list[Any] | None:
        """The items of a list, None when ``node`` is not one."""
        ...

    def is_mapping(self, node: Any) -> bool: ...

    def meant(self, node: Any, key: str) -> bool:
        """Whether a key of the mapping ``node`` was said to be ``key`` misspelt (`year:`
        for `period:`): that key is then not said to be missing as well."""
        ...

    def needs(self, node: Any, keys: Keys, required: tuple[str, str], what: What, message: str) -> bool:
        """Whether ``keys`` lack one of the two ``required`` keys, said once (message id
        ``message`` for one, ``message``_both for both; a misspelt one is not said again)."""
        ...

    def is_null(self, node: Any) -> bool: ...

    def number(self, node: Any, what: What) -> float | None: ...

    def period(self, node: Any, what: What) -> Period | None: ...

    def year(self, node: Any, what: What) -> Period | None:
        """A period that must be a whole year."""
        ...


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

    @property
    def target(self) -> type[Target]:
        """Its class of target (a dataclass; the status cache rebuilds it by name)."""
        ...

    @property
    def keys(self) -> tuple[str, ...]:
        """The keys of targets.yaml its entries may have besides the common ones."""
        ...

    @property
    def implies(self) -> Measure | None:
        """The measure the kind reads its indicator as (an average reads a rate), if any."""
        ...

    @property
    def amount(self) -> bool:
        """Whether its value is an amount for the whole (a plan, a total over a span): a
        unit of a breakdown has none unless given its own (``overrides:``, issue 14)."""
        ...

    def parse(self, reader: Reader, node: Any, keys: Keys, where: What, common: dict[str, Any]) -> Target | None:
        """The target an entry of targets.yaml describes (``common``: id, indicator, name,
        source, note, location), or None after ``reader`` reported what is wrong."""
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
