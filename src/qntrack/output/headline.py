"""The leader's headline at the top of every report (issue 17, twenty-second session): the
whole plan's targets counted by status, then the targets whose deadline has passed without
the target met, and those whose deadline has passed with the figure still awaited.

The rules (docs/report.md, "The headline"):

* The counts are of the report's targets by their headline status, every target once, in
  the statuses' order of docs/json.md (best first); a status no target has is left out of
  the line (JSON keeps every status, zero included). The groups table counts the same
  assessments, so its rows add up to these numbers when every target is in a group.
* A target is *missed* when a deadline of its own has passed by the report's day and its
  target was not met there: its ``missed_milestones`` is not empty (a level target's due
  milestone, a plan's period, an average or cumulative target's span end, an every-period
  target's failed period), each only once it is behind the report's day (pass O). A cap
  broken before its span's end is ``not_achieved`` but is not named: its deadline has not
  come.
* A target is *awaiting its figure* when a deadline has passed with no figure for it yet
  (``awaiting_figures``, the "⌛ awaiting figure" mark). A target can be named in both lists
  (an every-period target that failed 2024 and awaits 2025's figure).
* A target is *at risk* when it is judged against a deadline still ahead (or a direction)
  at moderate progress, limited progress or deterioration: P below 0.95, the pace short of
  the one its deadline needs (Statistics Canada's "acceleration needed"). A level target's
  name is followed by the milestone ahead, "(2030)" (issue 17, twenty-seventh session).
* A breakdown's target is judged as a whole: its own assessment's lists, never a unit's.
* A target is *judged on a provisional figure* when it has a status other than not
  available and the figure its row shows (``shown_figure``) was published as an estimate
  or a preliminary figure: said as a count under the counts line, listed in JSON. A level
  target past its deadline is judged on the milestone's figure instead, and an
  every-period target that failed a period on a figure not provisional is settled
  (``provisional_judged``; pass G). A
  leader reading "Target achieved: 11" in December read final results where every 2025
  figure was an estimate the statistics office revises in spring (thirty-sixth session).
* Each list names at most ``NAMED`` targets in the plan's order, then "and N more". Names
  are parted by "; ": a target's name may hold a comma ("15% by 2025, 30% by 2030").

Pure: it reads the assessments the report already has, no walk of the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

from ..method.groups import STATUSES
from ..method.progress import Status
from ..plan.model import SpanTarget
from ..plan.periods import Period
from .i18n import number
from .period_words import period_text
from .report_view import Cell, _name, report_word

if TYPE_CHECKING:
    from ..method.assessment import Assessment, JudgedFigure

__all__ = [
    "AT_RISK",
    "NAMED",
    "Headline",
    "HeadlineList",
    "headline",
    "headline_document",
    "headline_view",
    "provisional_list",
]

# The most targets a list names; the rest are counted ("and 4,980 more").
NAMED = 10

# The kinds whose deadline a list says beside the name: a level target's milestone and an
# every-period target's period are one of several; a plan's period and a span's end are
# the target's own, which its name already says.
_PERIODS_SAID = ("level", "every_period")
# A span's awaited periods are the years it lacks (2022, 2024), not its end: said too.
_AWAITED_SAID = ("average", "cumulative")


@dataclass(frozen=True, slots=True)
class Headline:
    """The whole plan's counts by status (every status, in ``STATUSES`` order) and the
    targets missed and awaiting a figure, all of them, in the plan's order."""

    total: int
    by_status: tuple[tuple[Status, int], ...]
    missed: tuple[Assessment, ...]
    awaiting: tuple[Assessment, ...]
    at_risk: tuple[Assessment, ...] = ()
    provisional: tuple[Assessment, ...] = ()


# The statuses of a target not yet due whose pace falls short of its deadline's.
AT_RISK = (Status.MODERATE_PROGRESS, Status.LIMITED_PROGRESS, Status.DETERIORATION)


@dataclass(frozen=True, slots=True)
class HeadlineList:
    """One list as a report writes it: its lead ("✗ Deadline passed, not achieved (7):"),
    the names shown (each a cell linking to its target's section) and what is not named
    ("and 4,980 more", or "")."""

    lead: str
    names: tuple[Cell, ...]
    more: str

    @property
    def text(self) -> str:
        """The list as one plain line (Word, the workbook)."""
        shown = "; ".join(c.text for c in self.names)
        return f"{self.lead} {shown}{(' ' + self.more) if self.more else ''}."


def headline(assessments: Sequence[Assessment]) -> Headline:
    counts = {s: 0 for s in STATUSES}
    for a in assessments:
        counts[a.status] += 1
    return Headline(
        total=len(assessments),
        by_status=tuple(counts.items()),
        missed=tuple(a for a in assessments if a.missed_milestones),
        awaiting=tuple(a for a in assessments if a.awaiting_figures),
        at_risk=tuple(a for a in assessments if _at_risk(a)),
        provisional=tuple(a for a in assessments if _judged_on(a) is not None),
    )


def _judged_on(a: Assessment) -> JudgedFigure | None:
    """The provisional figure a judged target's status rests on (an estimate, a
    preliminary figure); None for an official one, one recorded with no status, a status
    an official figure has settled, or no judgement (method.assessment)."""
    from ..method.assessment import provisional_judged

    return provisional_judged(a)


def deadline(a: Assessment) -> Period | None:
    """The deadline a target at risk is judged against: a level target's first milestone
    not yet due judged below 0.95; a span's end; a plan's period; None for a direction
    alone (a level target with no milestone) or an Open SDG option."""
    if a.target.kind == "level":
        ahead = [m for m in a.milestones if not (m.due or m.awaiting_figure) and m.status in AT_RISK]
        return ahead[0].by if ahead else None
    for name in ("end", "period"):
        when = getattr(a.target, name, None)
        if isinstance(when, Period):
            return when
    return None


def _at_risk(a: Assessment) -> bool:
    """A level target with a milestone not yet due judged below 0.95 (moderate, limited
    progress or deterioration), whatever its headline milestone (a 2025 milestone due and
    awaited, 2030 at moderate progress); one with no milestone, its direction so judged;
    any other kind so judged with its deadline not passed (neither missed nor awaited).
    Also a target not achieved on the figure of a deadline not yet behind the report's day
    (a plan missed by the year's estimate published in December; kinds.assess_target keeps
    such a deadline out of ``missed_milestones``): the year is not over, and the estimate
    says it will be missed. A cap already broken is not at risk: it is lost (pass O)."""
    if a.status is Status.NOT_ACHIEVED and not a.missed_milestones:
        target = a.target
        cap = target.kind == "cumulative" and isinstance(target, SpanTarget) and not target.bound.at_least
        return not cap and a.target.kind != "open_sdg"
    if a.target.kind == "level":
        return deadline(a) is not None if a.milestones else a.status in AT_RISK
    when = deadline(a)
    return a.status in AT_RISK and (when is None or when not in a.missed_milestones + a.awaiting_figures)


def headline_document(h: Headline) -> dict[str, Any]:
    """The report's JSON ``headline`` object (docs/json.md): every target listed, no cap."""
    return {
        "targets": h.total,
        "by_status": {s.value: n for s, n in h.by_status},
        "missed": [{"id": a.target.id, "missed_milestones": [str(p) for p in a.missed_milestones]} for a in h.missed],
        "awaiting_figure": [
            {"id": a.target.id, "awaiting_figures": [str(p) for p in a.awaiting_figures]} for a in h.awaiting
        ],
        "at_risk": [
            {"id": a.target.id, "status": a.status.value, "deadline": _text_or_none(deadline(a))} for a in h.at_risk
        ],
    }


def provisional_list(h: Headline) -> list[dict[str, str]]:
    """The report's JSON ``headline.provisional``: each target judged on an estimate or a
    preliminary figure, with that figure's period and status, in the plan's order (added
    last, after ``day``; thirty-sixth session)."""
    out = []
    for a in h.provisional:
        shown = _judged_on(a)
        assert shown is not None  # h.provisional holds only those
        out.append({"id": a.target.id, "period": str(shown.period), "status": shown.status})
    return out


def _text_or_none(p: Period | None) -> str | None:
    return str(p) if p is not None else None


def _named(a: Assessment, periods: Sequence[Any], lang: str, awaiting: bool = False) -> Cell:
    """The target's name, with its periods where its kind has several deadlines; a period
    awaited because its figure was withdrawn is said so for every kind, as the summary says
    it ("2024 (withdrawn)"): a name alone read as a figure never published."""
    from .withdrawn import awaited_runs

    name = _name(a, lang)
    said = awaited_runs(a, periods, lang) if awaiting else [period_text(p, lang) for p in periods]
    several = a.target.kind in _PERIODS_SAID or (awaiting and a.target.kind in _AWAITED_SAID)
    if said and (several or said != [period_text(p, lang) for p in periods]):
        # A span's years are cut as the status cell cuts them ("2022, 2023, 2024 +2"): a
        # monthly span with no figure would name every month.
        from .summary import first_of

        cut = awaiting and a.target.kind in _AWAITED_SAID
        shown = first_of(said) if cut else ", ".join(said)
        name = f"{name} ({shown})"
    return Cell(name, section=a.target.id)


def _periods(a: Assessment, which: str) -> Sequence[Any]:
    """The deadlines a list says of ``a``: the missed or awaited ones; for a target at risk,
    a level target's milestone ahead (a span's end and a plan's period are in the name)."""
    if which != "at_risk":
        return tuple(getattr(a, which))
    when = deadline(a) if a.target.kind == "level" else None
    return (when,) if when is not None else ()


def _list(key: str, targets: Sequence[Assessment], which: str, lang: str) -> HeadlineList | None:
    if not targets:
        return None
    names = tuple(_named(a, _periods(a, which), lang, which == "awaiting_figures") for a in targets[:NAMED])
    rest = len(targets) - len(names)
    more = report_word("headline_more", lang, n=number(rest, lang, 0)) if rest else ""
    return HeadlineList(report_word(key, lang, n=number(len(targets), lang, 0)), names, more)


def headline_view(assessments: Sequence[Assessment], lang: str) -> dict[str, Any]:
    """What every format writes: the heading, the counts line, and the three lists (None
    when empty), written missed, awaiting, then at risk: the deadlines passed, then those ahead."""
    from .tally import tally_line

    h = headline(assessments)
    return {
        "title": report_word("headline", lang),
        "counts": tally_line((a.status.value for a in assessments), lang),
        "missed": _list("headline_missed", h.missed, "missed_milestones", lang),
        "awaiting": _list("headline_awaiting", h.awaiting, "awaiting_figures", lang),
        "at_risk": _list("headline_at_risk", h.at_risk, "at_risk", lang),
        # How many statuses may change with the official figures: a count, not a list, as
        # nearly every target of a year-end review is judged on estimates.
        "provisional": report_word(
            # "1 of 1 target", as the counts line above says "1 target" (pass D).
            "headline_provisional_one" if h.total == 1 else "headline_provisional",
            lang,
            n=number(len(h.provisional), lang, 0),
            total=number(h.total, lang, 0),
        )
        if h.provisional
        else None,
    }
