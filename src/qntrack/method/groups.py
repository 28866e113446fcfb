"""Groups of targets (a resolution, a plan, an owner) judged together (issue 14).

Statistics Canada's rule for an indicator followed through several series
(docs/methodology.md, "Groups"): the group's score is the mean of its members' scores,
members without a score left out, none when no member has one; its status is read off
that mean through the score bands (``progress.status_from_score``), or, with no member
scored, is its weakest judged member's; it is
``target_achieved`` only when every member judged achieved its target. A member missed for
good (``not_achieved``) counts at the bottom of the scale, -5, rather than being left out
(qntrack's choice: Open SDG has no such status), and one achieved without a score of its
own at the top, 5, the score the official measure gives every target achieved. It also counts its members by status.

Pure: the members come in as plain values (id, status, score and the group's name), so
that the status cache, which keeps no assessments, groups its targets the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Protocol, Sequence

from .progress import Status, status_from_score

__all__ = [
    "Named",
    "Member",
    "Group",
    "combine",
    "group_members",
    "STATUSES",
    "MISSED_SCORE",
    "ACHIEVED_SCORE",
    "group_key",
]


class Named(Protocol):
    """A name in English and Vietnamese: ``plan.model.Text`` is one. Not imported here: the
    status cache groups its targets without loading the plan's model (docs/performance.md)."""

    @property
    def en(self) -> str: ...

    @property
    def vi(self) -> str: ...

    def get(self, lang: str) -> str: ...


# Every status, in the vocabulary's order: the keys of a group's count by status.
STATUSES: tuple[Status, ...] = tuple(Status)


@dataclass(frozen=True, slots=True)
class Member:
    """One target as a group sees it."""

    id: str
    status: Status
    score: float | None


@dataclass(frozen=True, slots=True)
class Group:
    """A group's figures: its name, its members' ids (in plan order), how many members
    have each status (every status, zero included, in ``STATUSES`` order), the mean score
    and the status read off it."""

    name: Named
    targets: tuple[str, ...]
    by_status: tuple[tuple[Status, int], ...]
    score: float | None
    status: Status

    @property
    def count(self) -> int:
        return len(self.targets)

    def counted(self, status: Status) -> int:
        return dict(self.by_status)[status]


# What a member missed for good counts for in the mean: the bottom of the score scale.
MISSED_SCORE = -5.0
# What a member achieved without a score of its own counts for: the top, as the official
# measure scores every target achieved 5 whatever its ratio (methodology, section 1.1).
ACHIEVED_SCORE = 5.0


# The statuses that are a judgement though the member has no score: the end of a target's
# span or period, met or missed for good.
_UNSCORED = {Status.TARGET_ACHIEVED: ACHIEVED_SCORE, Status.NOT_ACHIEVED: MISSED_SCORE}


# The statuses a member may have without a score, best first (achieved and missed have one).
_WEAKEST_LAST = [
    Status.SUBSTANTIAL_PROGRESS,
    Status.MODERATE_PROGRESS,
    Status.LIMITED_PROGRESS,
    Status.DETERIORATION,
]


def unscored_score(status: Status) -> float | None:
    """What a member with no score of its own counts for: 5 achieved, -5 missed for good,
    else nothing (left out). The roll-up of a breakdown and its ranking use it too."""
    return _UNSCORED.get(status)


def combine(members: Sequence[Member]) -> tuple[float | None, Status]:
    """The group's score and status by the rule of the module's docstring.

    A member missed for good (``not_achieved``: its deadline passed, its target unmet)
    has no score of its own; it counts as ``MISSED_SCORE``, the bottom of the scale, so
    that a plan missed half of the time cannot read "substantial progress" from the mean
    of the half it achieved, and it keeps the group from being called achieved
    (docs/decisions.md, "Groups and owners"). A member achieved with no score of its own
    (an every-period target, an average or cumulative cap, a bound at or below zero)
    counts as ``ACHIEVED_SCORE``, the top: left out, a group's successes of those kinds
    weighed nothing while their failures weighed -5.
    """
    scores = [
        m.score if m.score is not None else _UNSCORED[m.status]
        for m in members
        if m.score is not None or m.status in _UNSCORED
    ]
    if not scores:
        # No member scored, yet some may be judged (every-period targets passing so far, a
        # cap within its pace): the group claims no more than its weakest member, where
        # "not available" beside "Substantial progress: 2" contradicted its own count.
        judged = [m.status for m in members if m.status in _WEAKEST_LAST]
        return None, max(judged, key=_WEAKEST_LAST.index) if judged else Status.NOT_AVAILABLE
    mean = sum(scores) / len(scores)
    # Achieved when every member judged is: a member missed for good, or one still in
    # progress without a score (an every-period target, a plan's year to date), is not.
    all_achieved = all(m.status is Status.TARGET_ACHIEVED for m in members if m.status is not Status.NOT_AVAILABLE)
    return mean, status_from_score(mean, all_achieved)


def group_key(name: str) -> str:
    """What makes two names one group's: the same letters however they were typed (NFC:
    a Vietnamese letter with its marks precomposed or not), spaces collapsed, case
    ignored. ``--group NAME`` is matched by the same key."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def group_members(members: Iterable[tuple[Named | None, Member]]) -> list[Group]:
    """The groups of ``members`` (each with the name of its group, or None), in the order
    each group first appears; members without a group belong to none.

    Two names are one group when their English text has the same ``group_key`` (a name
    given as plain text has the same text in both languages); the group's names are its
    first member's.
    """
    names: dict[str, Named] = {}
    belong: dict[str, list[Member]] = {}
    for name, member in members:
        if name is None:
            continue
        key = group_key(name.en)
        if key not in names:
            names[key] = name
            belong[key] = []
        belong[key].append(member)
    groups = []
    for key, name in names.items():
        inside = belong[key]
        score, status = combine(inside)
        counts = {s: 0 for s in STATUSES}
        for m in inside:
            counts[m.status] += 1
        groups.append(Group(name, tuple(m.id for m in inside), tuple(counts.items()), score, status))
    return groups
