"""A figure typed with a minus on the command line (``add-observation growth 2022 -2.5``):
Click reads any word that starts with '-' as an option, so ``cli.app._refuse_repeats``
asks here whether a word is a number a person meant, and gives it a leading space that
add-observation strips. Apart from the app's module because only add-observation reads
it, and every other command starts without it (the start-up goal, docs/performance.md)."""

from __future__ import annotations

import re

__all__ = ["figure_typed"]

# '-2.5', '-1,5', '-.5', '-inf', and '- 2,5' (a minus, spaces, then the figure).
_NUMBER = re.compile(r"-(?:[^\W_]|[.,]\w| +[\w.,])[\w.,+\-% ]*")


def figure_typed(token: str) -> bool:
    """Whether ``token`` is a negative figure as a person types one: its shape first (a
    minus, then what may begin a figure), then whether it reads as one."""
    return _NUMBER.fullmatch(token) is not None and _is_number_like(token)


def _is_number_like(token: str) -> bool:
    """``-2.5``, ``-1e3``, ``-inf``, ``-1,5``, ``-١``: what a person means as a figure."""
    body = token[1:].lstrip(" ")  # '- 1.234,5': the spaces after the minus
    try:
        float(body.replace(",", "."))
        return True
    except ValueError:
        return body[:1].isdigit() or body[:1] in ".,"
