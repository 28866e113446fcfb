"""The Vietnamese words a plan's author writes for targets.yaml's keys and choices, as
``vocabulary.fold`` writes them (no diacritics, lower case): each told the English word
the plan takes, as a hint (yaml_reader, slips), never read in its place. Moved out of
vocabulary.py whole (its 500-line rule, twenty-third session); folded, they are ASCII.
"""

from __future__ import annotations

import re

__all__ = ["CHOICE_WORDS", "KEY_WORDS", "named_as_change", "named_as_share"]


# The Vietnamese words a plan's author may write for a choice of targets.yaml (as ``fold``
# writes them), told the English value the plan takes: a hint, never read in its place
# (the plan is written in one vocabulary; docs/targets-format.md).
CHOICE_WORDS: dict[str, str | tuple[str, ...]] = {
    "tang": "increase",
    "giam": "decrease",
    "nam": "year",
    "quy": "quarter",
    "thang": "month",
    "nua nam": "half",
    "6 thang": "half",
    # luy ke (cumulative): a flow's measure, and a cumulative target's type; the first the choice takes.
    "luy ke": ("flow", "cumulative"),
    "cong don": ("flow", "cumulative"),
    "toc do": "rate",
    # A target's type as an officer names it (eighteenth session): ke hoach, binh quan.
    "ke hoach": "plan",
    "binh quan": "average",
    "trung binh": "average",
    "hang nam": ("every_period", "year"),
    "moi nam": "every_period",
    "moi ky": "every_period",
    # English words a newcomer writes for a choice (issue 17, seventeenth session)
    "up": "increase",
    "higher": "increase",
    "down": "decrease",
    "lower": "decrease",
    "annual": "year",
    "annually": "year",
    "quarterly": "quarter",
    "monthly": "month",
}


# targets.yaml's keys as an officer writes them in Vietnamese (folded), and the keys
# they mean, the first the mapping takes: `{nam: 2020, gia tri: 9.8}` (as folded) is a baseline's
# period and value, `nam` in a milestone its 'by' (yaml_reader: one message, no "needs").
KEY_WORDS: dict[str, tuple[str, ...]] = {
    "nam": ("period", "by"),
    "ky": ("period",),
    "thoi han": ("by",),
    "han": ("by",),
    "gia tri": ("value",),
    "ten": ("name",),
    "don vi": ("unit",),
    "don vi tinh": ("unit",),
    "dvt": ("unit",),
    "chi tieu": ("indicator", "indicators"),
    "cac chi tieu": ("indicators",),
    "muc tieu": ("targets",),
    "cac muc tieu": ("targets",),
    "huong": ("direction",),
    "tan suat": ("frequency",),
    "loai": ("type",),
    "moc": ("milestones",),
    "cac moc": ("milestones",),
    "ky goc": ("baseline",),
    "nam goc": ("baseline", "base_year"),
    "nguon": ("source",),
    "ghi chu": ("note",),
    "mo ta": ("description",),
    "cong thuc": ("formula",),
    "nhom": ("group",),
    "tu": ("from",),
    "tu nam": ("from",),
    "den": ("to",),
    "den nam": ("to",),
    "it nhat": ("at_least",),
    "toi thieu": ("at_least",),
    "toi da": ("at_most",),
    "khong qua": ("at_most",),
    # A target's id, type, owner and limit as a ministry's author names them (forty-sixth
    # session, helper M): ma (its code), kieu, co quan chu tri (the lead agency), gioi han.
    "ma": ("id", "code"),
    "ma so": ("id", "code"),
    "kieu": ("type",),
    "co quan chu tri": ("owner",),
    "don vi chu tri": ("owner",),
    "chu tri": ("owner",),
    "gioi han": ("limit",),
    "tieu de": ("title",),
    "so lieu": ("observations",),
}


# An indicator's name that says it is a share, a level in per cent (as fold writes it:
# ty le, ty trong), and the words that make it a rate of change after all (ty le lam phat,
# inflation; ty le tang dan so, population growth): helper M, forty-sixth session.
_SHARE = re.compile(r"\b(?:ty le|ty trong|share of|proportion|coverage|percentage of)\b")
# English for giam too (reduction, decline, fall...): session 47, helper G. Not 'drop':
# 'Proportion of pupils who drop out' is a share.
_CHANGE = re.compile(
    r"\b(?:tang|giam|lam phat|toc do|growth|inflation|increase|decrease|change"
    r"|reduction|reduce|decline|fall|rise)\b"
)


def named_as_share(*names: str) -> bool:
    """Whether an indicator's names (either language) say it is a share, not a growth rate."""
    from .vocabulary import fold

    folded = [fold(n) for n in names if n]
    return any(_SHARE.search(n) for n in folded) and not any(_CHANGE.search(n) for n in folded)


def named_as_change(*names: str) -> bool:
    """Whether an indicator's names (either language) say it is a change (growth,
    inflation, tang truong with its marks): a rate already, which an average target
    reads rightly (session 47, helper G)."""
    from .vocabulary import fold

    return any(_CHANGE.search(fold(n)) for n in names if n)
