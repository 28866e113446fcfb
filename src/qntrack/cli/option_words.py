"""Which of a command's options a typed word names, as Click reads it: short options
written together (``-nf json``, ``-sestimate``), ``--opt=value``; and the refusals of
options typed after the ``--`` that ends the options, which Click reads as values
(issue 17, fortieth session). Imported only when such a word or a ``--`` is typed: a
warm ``status`` loads no more modules than it did."""

from __future__ import annotations

from typing import Any

__all__ = ["bundled", "after_double_dash", "taken_as_a_value", "option_after_the_end"]


def bundled(arg: str, takes_value: set[str], flags: set[str]) -> tuple[str, bool]:
    """Short options written together, as Click reads them: ``-fjson`` is ``-f json``,
    ``-nf json`` is ``-n -f json``. The option that takes a value among them (or ``arg``
    itself, when none does), and whether its value is the next word."""
    for k, char in enumerate(arg[1:], start=1):
        short = "-" + char
        if short in takes_value:
            return short, k == len(arg) - 1
        if short not in flags:
            break  # not a bundle of ours: Click says what it is
    return arg, False


def after_double_dash(extra: str, params: list[Any], args: list[str], figures: bool) -> str | None:
    """Options typed after a ``--`` (``add-observation fdi 2026 -- -5 --status estimate``),
    which Click reads as values: the refusal names the first and says to put them before
    it, or to leave ``--`` out (with ``figures``, add-observation's: a figure's minus is
    read as one; fortieth session). None when no word after the ``--`` that ends the
    options is one of the command's options (``option_after_the_end``)."""
    from ..catalog import msg, render

    option = option_after_the_end(params, args)
    if option is None:
        return None
    key = "usage_extra_after_double_dash" if figures else "usage_extra_after_double_dash_no_figure"
    return render(msg(key, args=extra, option=option), "en")


def taken_as_a_value(params: list[Any], args: list[str], figures: bool) -> str | None:
    """The refusal of an option typed after ``--`` that Click took as an argument
    (``add-observation fdi -- 2026 --dry-run``: --dry-run read as the figure, "not a
    number"), in English as Click's words are; None when no option follows the ``--``.
    No id, period, figure or check's name starts with '-', so such a word is always an
    option typed after it (helper H, fortieth session)."""
    from ..catalog import msg, render

    option = option_after_the_end(params, args)
    if option is None:
        return None
    key = "usage_option_read_as_value" + ("_figure" if figures else "")
    return render(msg(key, option=option), "en")


def option_after_the_end(params: list[Any], args: list[str]) -> str | None:
    """The first of the command's options (as named: ``--status=x`` and ``-sx`` name
    --status and -s) typed after the ``--`` that ends the options; None when there is no
    such ``--`` or no option after it. A ``--`` that is an option's value
    (``--recorded-at --``) ends nothing: the options after it were read."""
    takes_value = {
        n for p in params if p.param_type_name == "option" and not getattr(p, "is_flag", False) for n in p.opts
    }
    flags = {n for p in params if getattr(p, "is_flag", False) for n in (*p.opts, *p.secondary_opts)}
    names = {name for p in params if p.param_type_name == "option" for name in (*p.opts, *p.secondary_opts)}
    end, value_next = None, False
    for i, arg in enumerate(args):  # as Click reads them: the word after an option is its value
        if value_next:
            value_next = False
        elif arg == "--":
            end = i
            break
        else:
            value_next = _option_of(arg, takes_value, flags)[1]
    if end is None:
        return None
    return next((o for w in args[end + 1 :] if (o := _option_of(w, takes_value, flags)[0]) in names), None)


def _option_of(word: str, takes_value: set[str], flags: set[str]) -> tuple[str, bool]:
    """The option ``word`` names as Click reads it (``--status=x`` and ``-sx`` name
    --status and -s) and whether its value is the next word."""
    typed = word.partition("=")[0]
    if typed not in takes_value and typed[:1] == "-" and typed[1:2] not in ("-", ""):
        return bundled(word, takes_value, flags)
    return typed, word in takes_value
