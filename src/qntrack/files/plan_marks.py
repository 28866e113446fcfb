"""A plan's column or mark where an import or a typed entry expects an observed figure: a
comparison a table ends with, a plan column ("KH 2026", "Plan 2026"), a plan's mark on a
period ("2025 (KH)", "2025 (plan)"), the plan's word in a status cell. A plan is a
target's milestone in targets.yaml, never an observation (twenty-ninth session); the
English words an office heads its columns with read as the Vietnamese ones (thirtieth
session). Moved out of files/vocabulary.py (its 500 lines); the patterns are matched
against ``vocabulary.fold``'s text (case and marks removed), so they are written without
Vietnamese letters. Pure."""

from __future__ import annotations

import re

from .vocabulary import fold, vietnamese_period

__all__ = ["is_comparison", "plan_period", "is_plan_word", "projection_period"]

# A plan's own word: Vietnamese "ke hoach" (KH), English "plan", "planned", "target".
_PLAN = r"(?:ke\s*hoach|kh|plan(?:ned)?|targets?)"

# The comparisons a table ends with, folded: against the same period ("So cung ky (%)", "So
# voi cung ky", "vs same period"), against the plan ("% KH nam", "So
# voi KH", "Ty le so voi ke hoach", "% of plan", "vs target"), or a plan column itself ("Ke
# hoach 2026", "KH 2026", "Plan 2026", "Target 2026"). They hold ratios qntrack computes,
# or plans targets.yaml holds: no figure to record.
_COMPARISONS = re.compile(
    r"(?:%\s*|ty\s*le\s*(?:%\s*)?)?(?:so\s*(?:voi\s*)?(?:cung\s*ky|ke\s*hoach|kh)|so\s*sanh|ke\s*hoach|kh)\b.*"
    r"|(?:%\s*(?:of\s*)?|vs\.?\s*|compared\s*(?:with|to)\s*|against\s*)?(?:the\s*)?" + _PLAN + r"\b.*"
    r"|(?:vs\.?|compared\s*(?:with|to)|against)\s*(?:the\s*)?same\s*period\b.*"
    # A review annex's (forty-third session): the year's plan as the budget ("Du toan 2025")
    # or a target ("Muc tieu 2025", "Chi tieu 2025": the indicator column's own name with a
    # year), the change ("Tang/giam", "Chenh lech"), the ratio ("Ty le (%)", "2025/2024 (%)",
    # "2025 so voi 2024", "Chi so phat trien"). A bare "2024/2025" is not one.
    r"|(?:du\s*toan|muc\s*tieu)\b.*|chi\s*tieu\s*(?:nam\s*)?\d.*"
    r"|tang\s*/?\s*giam\b.*|chenh\s*lech\b.*|ty\s*le\s*(?:\(\s*%\s*\)|%)?|chi\s*so\s*phat\s*trien\b.*"
    r"|(?:nam\s*)?\d{4}\s*(?:/\s*(?:nam\s*)?\d{4}\s*\(?\s*%\s*\)?|so\s*(?:voi\s*)?(?:nam\s*)?\d{4}\b.*)"
)


def is_comparison(heading: str) -> bool:
    """Whether a wide table's column heading is a comparison or a plan (``_COMPARISONS``),
    the plan's mark after its period too ('2025 (KH)': ``plan_period``)."""
    return _COMPARISONS.fullmatch(fold(heading)) is not None or plan_period(heading) is not None


# A plan's mark on a period, before it or after it, in brackets or not: "KH 2025", "Ke
# hoach nam 2025", "2025 (KH)", "Nam 2025 ke hoach" (twenty-ninth session), "Plan 2025",
# "2025 (plan)", "Target 2025" (thirtieth session).
_PLAN_BEFORE = re.compile(_PLAN + r"\b\s*[:\-]?\s*(.+)")
_PLAN_AFTER = re.compile(r"(.+?)\s*(?:\(\s*" + _PLAN + r"\s*\)|[\s\-]\s*" + _PLAN + ")")
# The same words alone in a status cell: a plan, no status of a figure.
_PLAN_WORDS = frozenset({"kh", "ke hoach", "so ke hoach", "plan", "planned", "target"})


def plan_period(text: str) -> str | None:
    """The period a plan's mark names ('KH 2025' is 2025's plan), or None for any other text."""
    key = fold(text)
    found = _PLAN_BEFORE.fullmatch(key) or _PLAN_AFTER.fullmatch(key)
    return vietnamese_period(found[1]) if found else None


def is_plan_word(text: str) -> bool:
    """Whether a status cell says "Ke hoach" ("KH"), "plan" or "target": a plan's figure, no
    observation's status."""
    return fold(text) in _PLAN_WORDS


# A projection's mark on a period (forty-fourth session): "Du kien 2026", "2025 (du kien)",
# "Du kien ca nam 2025" (a review's expected outcome of the year), "Du bao 2026", "Forecast
# 2025", "2025 (projected)". Neither a published figure nor surely the plan: the year's
# outcome expected at mid-year is the office's estimate to some, next year's expected
# figure the plan to others, so the import names both ways out rather than guess.
_PROJECTION = r"(?:du\s*kien|du\s*bao|forecasts?|projected|projections?)"
_PROJECTION_BEFORE = re.compile(_PROJECTION + r"\b\s*[:\-]?\s*(.+)")
_PROJECTION_AFTER = re.compile(r"(.+?)\s*(?:\(\s*" + _PROJECTION + r"\s*\)|[\s\-]\s*" + _PROJECTION + ")")


def projection_period(text: str) -> str | None:
    """The period a projection's mark names ('Du kien 2026' is 2026's), or None for any
    other text."""
    key = fold(text)
    found = _PROJECTION_BEFORE.fullmatch(key) or _PROJECTION_AFTER.fullmatch(key)
    return vietnamese_period(found[1]) if found else None
