"""An id the command line was given that names a family of the plan's ids in part
(``fdi-plan-2026``: the plan's other years), told every member rather than the closest
spelling (issue 17, thirtieth session). Pure. Apart from ``suggest``, which every
command loads through the errors, because only a refused id asks it."""

from __future__ import annotations

from typing import Iterable

__all__ = ["family"]

# The most ids an id differing only in its numbers is told as a family (``family``).
_FAMILY = 12


def family(word: str, options: Iterable[str]) -> list[str]:
    """The options ``word`` names only in part, when they are two or more, in their order:
    those it begins up to a separator (``fdi-plan``: fdi-plan-2022, fdi-plan-2023-ubnd…),
    else those it equals but for its numbers (``fdi-plan-2026``: the plan's other years),
    at most ``_FAMILY`` of them.
    Told all, not the closest: one member picked by spelling is a year or a series the user
    did not ask for (issue 17, thirtieth session). Case is ignored; [] otherwise."""
    import re

    typed = word.casefold()
    options = list(options)
    if not typed or any(o.casefold() == typed for o in options):
        return []  # `FDI-PLAN-2023`: one id in another case, which ``closest`` names
    begun = [o for o in options if (f := o.casefold()).startswith(typed) and f != typed]
    begun = [o for o in begun if typed[-1] in "-_." or o.casefold()[len(typed)] in "-_."]
    if len(begun) > 1:
        return begun
    mask = re.sub(r"\d+", "#", typed)
    if mask == typed:
        return []
    numbered = [o for o in options if re.sub(r"\d+", "#", o.casefold()) == mask]
    # A plan's years are a few; a national plan's numbered ids (x-00001…) are thousands,
    # where the closest number says more than the first ten of them.
    return numbered if 1 < len(numbered) <= _FAMILY else []
