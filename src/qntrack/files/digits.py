"""Digits other than 0-9 in a cell: moved out of files/vocabulary.py, at its size limit
(issue 17, twenty-ninth session), which still gives them to its readers."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["foreign_digits"]


def foreign_digits(text: str) -> bool:
    """Whether ``text`` holds digits other than 0-9 (Arabic-Indic, full-width, ...).

    Python's ``float`` and ``\\d`` read them, but no Vietnamese office writes them: one
    pasted from a PDF or typed on another keyboard is refused rather than guessed at.
    """
    # ASCII text has no other digits: told in C, for each of an import's 300,000 figures,
    # all distinct (issue 17); only other text is walked, and its answer remembered.
    return not text.isascii() and _walked_foreign_digits(text)


@lru_cache(maxsize=1 << 14)
def _walked_foreign_digits(text: str) -> bool:
    return any(ch.isdigit() and not "0" <= ch <= "9" for ch in text)
