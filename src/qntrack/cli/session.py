"""What one run of a command has been told before the command itself: the options given
before its name (``qntrack --lang vi status``), and the language its messages are in."""

from __future__ import annotations


_GLOBAL: dict[str, object] = {}


def _known_lang(value: str) -> str | None:
    """The language ``value`` names, in any case and with spaces around ('VI' -> 'vi'),
    or None (i18n.resolve_lang reads QNTRACK_LANG the same way)."""
    chosen = value.strip().lower()
    return chosen if chosen in ("en", "vi") else None


def _message_lang(lang: object = None) -> str:
    """The language of messages: the command's --lang, else the one given before the
    command, else QNTRACK_LANG, else English."""
    from ..output.i18n import resolve_lang

    chosen = lang if lang is not None else _GLOBAL.get("message_lang") or _GLOBAL.get("lang")
    return resolve_lang(getattr(chosen, "value", chosen))
