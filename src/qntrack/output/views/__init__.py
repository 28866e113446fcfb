"""How each kind of target is said and drawn: one module per kind behind ``KindView``.

The judgement of a kind is its module of ``qntrack.kinds`` (pure, below ``output``); what
people read of it (the sentences of ``narrative.explain``, the report's chart, definition
and key figures, ``show``'s figures, the goal of a summary row) is its module here, listed
in ``VIEWS`` under the kind's name (docs/architecture.md, "Target kinds"). Pure: no Rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, Sequence

from . import average, cumulative, every_period, level, open_sdg, plan

if TYPE_CHECKING:
    from ...method.assessment import Assessment
    from ...plan.model import Observation
    from ..charts import Chart
    from ..report_view import TableView

__all__ = ["VIEWS", "KindView", "view_of"]


class KindView(Protocol):
    """What output needs of a kind. Figures are (label, text) pairs: render and the report
    lay them out, each in its own way."""

    @property
    def name(self) -> str:
        """The kind's name (``Kind.name``)."""
        ...

    @property
    def one_deadline(self) -> bool:
        """The target has one deadline (its span's end, its plan's period): a missed one is
        said by its status, not repeated by the "missed" marker (summary.missed_text)."""
        ...

    @property
    def gap_per_period(self) -> bool:
        """The gap is the latest period's alone, so its text names the period."""
        ...

    def sentences(self, a: Assessment, lang: str) -> list[str]:
        """The kind's sentences of ``narrative.explain`` (before the reason's)."""
        ...

    def chart(self, a: Assessment, rows: Sequence[Observation], lang: str) -> Chart | None:
        """The report's chart, or None when there is nothing to draw."""
        ...

    def definition(self, a: Assessment, lang: str) -> str:
        """The target in one sentence, as the plan states it."""
        ...

    def goal(self, a: Assessment, lang: str) -> str | None:
        """What is aimed at, beside a status; None: the next milestone or the direction says it."""
        ...

    def key_figures(self, a: Assessment, lang: str) -> list[tuple[str, str]] | None:
        """The report's key figures (the gap is added after them); None: no such section."""
        ...

    def show_figures(self, a: Assessment, lang: str) -> list[tuple[str, str]]:
        """``show``'s key figures (the gap is added after them)."""
        ...

    def periods(self, a: Assessment, lang: str) -> TableView | None:
        """The report's table of the figures over the target's span, if it has one."""
        ...

    def report_rows(self, a: Assessment, rows: Sequence[Observation]) -> list[Observation]:
        """The observations the report's table lists for the target."""
        ...


# The views, by kind: a kind's view is its module here and one line (kept beside REGISTRY's).
VIEWS: dict[str, KindView] = {
    v.name: v for v in (level.VIEW, every_period.VIEW, average.VIEW, cumulative.VIEW, plan.VIEW, open_sdg.VIEW)
}


def view_of(a: Assessment) -> KindView:
    """The view of the assessed target's kind."""
    return VIEWS[a.target.kind]
