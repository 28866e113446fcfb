"""Click's own usage errors ("No such option", "Missing argument", "Usage: ...") in the
user's language.

Click words these errors in English. In English qntrack leaves them exactly as Click
prints them (less the "Value error, " Typer's checker puts before a wrong choice, and
with "; did you mean 'xlsx'?" after a wrong choice close to one); in Vietnamese the same error is re-worded through the catalog ([usage] in
catalog/*.toml): the "Usage:" and "Try ... for help." lines, the "Error:" title and the
message. Click keeps no fields for most of its messages, so each is recognised by its
English wording, as a gettext catalogue is keyed by its English text (``_PATTERNS``);
tests/test_usage_vi.py pins every one, so a Typer release that rewords one fails there,
and until then that message keeps its English words inside the Vietnamese frame.

Imported only when a usage error is shown: start-up pays nothing for it.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any, Callable

import typer

if TYPE_CHECKING:
    # Typer 0.29 carries its own Click (pinned in pyproject.toml); for the type checker only.
    from typer._click.exceptions import UsageError

from ..catalog import Message, argv_language, msg, render

__all__ = ["in_language"]


# Click's English detail -> the message that says it. Tried in order on format_message();
# the names in each pattern are the values of the message (already quoted as Click quotes).
_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Message]]] = []


def _pattern(regex: str) -> Callable[[Callable[[re.Match[str]], Message]], Callable[[re.Match[str]], Message]]:
    def register(build: Callable[[re.Match[str]], Message]) -> Callable[[re.Match[str]], Message]:
        _PATTERNS.append((re.compile(regex, re.DOTALL), build))
        return build

    return register


@_pattern(r"No such option: (?P<option>.+?)(?: \(Possible options: (?P<options>.+)\))?")
def _no_such_option(m: re.Match[str]) -> Message:
    if m["options"]:
        return msg("usage_no_such_option_hint", option=m["option"], options=m["options"])
    return msg("usage_no_such_option", option=m["option"])


@_pattern(
    r"No such command (?P<name>.+?): it is the rest of the name given to (?P<option>--?[a-z-]+), cut at its "
    r"space; a name holding spaces is written in quotes: (?P=option) (?P<quoted>\".*\")"
)
def _no_such_command_quote(m: re.Match[str]) -> Message:
    # cli/quoting.command_hint's refusal (issue 17, twenty-fourth session).
    return msg("usage_no_such_command_quote", name=m["name"], option=m["option"], quoted=m["quoted"])


@_pattern(r"No such command (?P<name>.+?)\.(?: Did you mean (?P<hint>.+)\?)?")
def _no_such_command(m: re.Match[str]) -> Message:
    if m["hint"]:
        return msg("usage_no_such_command_hint", name=m["name"], commands=m["hint"])
    return msg("usage_no_such_command", name=m["name"])


@_pattern(r"Missing command\.")
def _missing_command(m: re.Match[str]) -> Message:
    return msg("usage_missing_command")


@_pattern(r"Missing (?P<kind>argument|option|parameter)(?: (?P<hint>.+?))?\.")
def _missing(m: re.Match[str]) -> Message:
    ids = {"argument": "usage_missing_argument", "option": "usage_missing_option"}
    return msg(ids.get(m["kind"], "usage_missing_parameter"), hint=m["hint"] or "")


@_pattern(
    r"give either INDICATOR PERIOD VALUE or --from FILE, not both \(read as arguments: (?P<args>.*)\): "
    r"a text holding spaces is written in quotes: (?P<option>--?[a-z-]+) (?P<quoted>\".*\")"
)
def _mixed_quote(m: re.Match[str]) -> Message:
    # cli/quoting.mixed_hint's refusal (issue 17, twenty-second session).
    return msg("usage_mixed_quote", args=m["args"], option=m["option"], quoted=m["quoted"])


@_pattern(
    r"Got unexpected extra arguments? ?(?:\(s\))? \((?P<args>.*)\): a text holding spaces is written in quotes: "
    r"(?P<option>--?[a-z-]+) (?P<quoted>\".*\")"
)
def _extra_quote(m: re.Match[str]) -> Message:
    # The hint of cli/quoting.py, after Click's words (issue 17, twenty-second session).
    return msg("usage_extra_arguments_quote", args=m["args"], option=m["option"], quoted=m["quoted"])


@_pattern(
    r"Got unexpected extra arguments? ?(?:\(s\))? \((?P<args>.*)\): after '--' every word is read as a value, "
    r"so (?P<option>--?[a-z-]+) was not read as an option: (?P<rest>.*)"
)
def _extra_after_dashes(m: re.Match[str]) -> Message:
    # cli/quoting's refusal of options typed after '--' (issue 17, fortieth session); a
    # command that takes no figure is not told of a figure's minus (helper H).
    figure = m["rest"].endswith("(-5 is read as a figure without it)")
    key = "usage_extra_after_double_dash" if figure else "usage_extra_after_double_dash_no_figure"
    return msg(key, args=m["args"], option=m["option"])


@_pattern(
    r"(?P<option>--?[a-z-]+) came after '--', where every word is read as a value, so it was not read as an "
    r"option: put the options before '--', or leave '--' out(?P<figure> \(-5 is read as a figure without it\))?"
)
def _option_as_value(m: re.Match[str]) -> Message:
    # cli/quoting.taken_as_a_value's refusal (issue 17, fortieth session, helper H).
    return msg("usage_option_read_as_value" + ("_figure" if m["figure"] else ""), option=m["option"])


@_pattern(r"Got unexpected extra arguments? ?(?:\(s\))? \((?P<args>.*)\)")
def _extra(m: re.Match[str]) -> Message:
    return msg("usage_extra_arguments", args=m["args"])


@_pattern(r"Option (?P<option>.+) requires an argument\.")
def _requires_one(m: re.Match[str]) -> Message:
    return msg("usage_requires_argument", option=m["option"])


@_pattern(r"Option (?P<option>.+) requires (?P<count>\d+) arguments\.")
def _requires_many(m: re.Match[str]) -> Message:
    return msg("usage_requires_arguments", option=m["option"], count=m["count"])


@_pattern(r"Option (?P<option>.+) is given twice; give it once, its values separated by commas\.")
def _twice_list(m: re.Match[str]) -> Message:
    return msg("usage_option_twice_list", option=m["option"])


@_pattern(r"Option (?P<option>.+) is given twice; give it once\.")
def _twice(m: re.Match[str]) -> Message:
    return msg("usage_option_twice", option=m["option"])


@_pattern(r"Option (?P<option>.+) does not take a value\.")
def _takes_none(m: re.Match[str]) -> Message:
    return msg("usage_takes_no_value", option=m["option"])


@_pattern(r"Argument (?P<name>.+) takes (?P<count>\d+) values\.")
def _takes_values(m: re.Match[str]) -> Message:
    return msg("usage_argument_takes", name=m["name"], count=m["count"])


_INVALID = r"Invalid value for (?P<hint>.+?)(?: \(env var: (?P<env>'[^']*')\))?: (?P<detail>.*)"


@_pattern(_INVALID)
def _invalid(m: re.Match[str]) -> Message:
    detail = _value_detail(m["detail"])
    if m["env"]:
        return msg("usage_invalid_value_env", hint=m["hint"], env=m["env"], detail=detail)
    return msg("usage_invalid_value", hint=m["hint"], detail=detail)


_CHOICE = re.compile(r"(?:Value error, )?(?P<value>.+) is not one of (?P<choices>.+)\.", re.DOTALL)


def _choice_hint(value: str, choices: str) -> str | None:
    """The choice closest to a refused one, quoted as Click quotes (``'xlsx'`` for ``'xls'``,
    ``'pdf'`` for ``'pfd'``), or None when none is close: Click names the choices only."""
    from ..plan.suggest import closest

    options = re.findall(r"'([^']*)'", choices)
    typed = value[1:-1] if value[:1] == value[-1:] == "'" else value
    from ..files.vocabulary import fold

    meant = language_named(typed)
    head = re.split(r"[-_.@]", fold(typed).strip())[0]  # a locale's language: 'vi-VN', 'vi_VN.UTF-8'
    if meant is None and head != fold(typed).strip() and len(head) in (2, 3):
        meant = head if head in options else _LANGUAGE_CODES.get(head)
    if meant in options:  # '--lang vn': Vietnam's country code, where the language is 'vi'
        return f"'{meant}'"
    hint = closest(typed, options)
    return f"'{hint}'" if hint is not None else None


# Codes typed for a language qntrack speaks that are not its ISO 639-1 code: a country's
# (Vietnam's 'vn', as its web addresses end), the three-letter ones (ISO 639-2), and the
# languages' names, folded ('--lang "tieng viet"' typed with its marks; pass F, s45).
_LANGUAGE_CODES = {
    "vn": "vi", "vie": "vi", "eng": "en", "viet": "vi", "tieng viet": "vi", "vietnamese": "vi",
    "viet nam": "vi", "vietnam": "vi", "english": "en", "tieng anh": "en", "anh": "en",
}  # fmt: skip


def language_named(typed: str) -> str | None:
    """The code (en, vi) of the language ``typed`` names by another code or by its name,
    in any case and with or without its marks; None for any other word."""
    from ..files.vocabulary import fold

    return _LANGUAGE_CODES.get(" ".join(fold(typed).split()))


def _value_detail(text: str) -> Message | str:
    """Why a value was refused, as Typer's checker words it: a wrong choice (with the
    closest one, when one is close), not a number."""
    choice = _CHOICE.fullmatch(text)
    if choice:
        hint = _choice_hint(choice["value"], choice["choices"])
        if hint is not None:
            return msg("usage_not_one_of_hint", value=choice["value"], choices=choice["choices"], hint=hint)
        return msg("usage_not_one_of", value=choice["value"], choices=choice["choices"])
    if text.startswith("Input should be a valid number"):
        return msg("usage_not_a_number")
    return text  # another checker's words: kept as they are


def message(detail: str) -> Message | str:
    """Click's English detail as a Message, or as it is when not recognised."""
    for pattern, build in _PATTERNS:
        m = pattern.fullmatch(detail)
        if m:
            return build(m)
    return detail


def _hinted(text: str) -> bool:
    """Whether ``text`` refuses a choice close to one it could have been (issue 17,
    twenty-fourth session): only then is Click's English message re-worded."""
    m = re.fullmatch(_INVALID, text, re.DOTALL)
    choice = _CHOICE.fullmatch(m["detail"]) if m else None
    return choice is not None and _choice_hint(choice["value"], choice["choices"]) is not None


def _usage_error_class() -> type[UsageError]:
    # typer.BadParameter is public; the class it derives from is Click's UsageError, in
    # Typer's own copy of Click or in Click itself, whichever this Typer uses.
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


@lru_cache(maxsize=1)
def _in_language_class() -> type:
    class InLanguage(_usage_error_class()):  # type: ignore[misc]
        """A usage error already worded in the user's language: Typer shows it as any
        other (``show``, exit code 2), without Click's English frame."""

        def __init__(self, detail: str, ctx: Any, text: str, exit_code: int) -> None:
            super().__init__(detail, ctx)
            self.text = text
            self.exit_code = exit_code

        def format_message(self) -> str:
            return self.message

        def show(self, file: IO[Any] | None = None) -> None:
            (file or sys.stderr).write(self.text)

    return InLanguage


def _visible(text: str) -> str:
    """Control characters shown as escapes, line by line (cli.printing._visible)."""
    from .printing import _visible as visible

    return "\n".join(visible(line) for line in text.split("\n"))


def _text(detail: str, ctx: Any, lang: str) -> str:
    """Click's layout (UsageError.show) in ``lang``: the usage line, the hint, a blank
    line, then the error; only the error without a context (Click's own choice)."""
    head = ""
    if ctx is not None:
        formatter = ctx.make_formatter()
        formatter.write_usage(
            ctx.command_path,
            " ".join(ctx.command.collect_usage_pieces(ctx)),
            prefix=render(msg("usage_prefix"), lang) + " ",
        )
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = render(msg("usage_try_help", command=ctx.command_path, option=ctx.help_option_names[0]), lang) + "\n"
        head = f"{_visible(formatter.getvalue().rstrip(chr(10)))}\n{_visible(hint)}\n"
    return head + render(msg("usage_error", message=detail), lang) + "\n"


def _before_command(exc: BaseException, args: list[str]) -> Message | None:
    """``qntrack --as-of 2023-06-28 status``: an option of the command typed before its
    name, where only the group's (--lang, --targets) are read. Told whose it is and the
    command to type, when the command named later has it (thirtieth session); else None."""
    ctx: Any = getattr(exc, "ctx", None)
    group: Any = getattr(ctx, "command", None)
    if ctx is None or not hasattr(group, "get_command") or not hasattr(exc, "format_message"):
        return None
    m = re.fullmatch(r"No such option: (?P<option>\S+?)(?: \(Possible options: .+\))?", exc.format_message())
    if m is None:
        return None
    typed = m["option"]
    at = next((i for i, a in enumerate(args) if a == typed or a.startswith(typed + "=")), None)
    name = next((a for a in args if not a.startswith("-") and a in group.list_commands(ctx)), None)
    command = group.get_command(ctx, name) if name is not None else None
    if at is None or command is None:
        return None
    param = next((p for p in command.params if typed in (*p.opts, *p.secondary_opts)), None)
    if param is None:
        return None
    words = args[at : at + (2 if "=" not in args[at] and not getattr(param, "is_flag", False) else 1)]
    words = words[:1] if words[1:] == [name] else words  # `--as-of status`: the value left out
    from ..files.figure_units import shell_word  # each word as the shell reads it back

    return msg("usage_option_of_command", option=typed, command=name, typed=" ".join(map(shell_word, words)))


def _command_after(exc: BaseException, args: list[str]) -> Message | None:
    """``qntrack cbct-share show``: a word typed before the command's name, which follows
    it. Told the command to type, the name first (thirtieth session); else None."""
    ctx: Any = getattr(exc, "ctx", None)
    group: Any = getattr(ctx, "command", None)
    if ctx is None or not hasattr(group, "list_commands") or not hasattr(exc, "format_message"):
        return None
    m = re.fullmatch(r"No such command '(?P<name>[^']+)'\.(?: Did you mean .+\?)?", exc.format_message())
    # Only an id's shape (a target's or an indicator's): a path's rest, cut at its space
    # (`-t ke hoach/targets.yaml status`), is told by quoting.command_hint, never this.
    if m is None or m["name"] not in args or not re.fullmatch(r"[a-z0-9_-]+", m["name"]):
        return None
    at = args.index(m["name"])
    if at + 1 >= len(args) or args[at + 1] not in group.list_commands(ctx):
        return None
    from ..files.figure_units import shell_word  # each word as the shell reads it back

    fixed = " ".join(["qntrack", *map(shell_word, [*args[:at], args[at + 1], m["name"], *args[at + 2 :]])])
    return msg("usage_command_after", name=m["name"], command=args[at + 1], fixed=fixed)


def in_language(exc: BaseException, args: list[str]) -> BaseException:
    """``exc`` itself in English, or when it is not a usage error to re-word (the help
    that ``qntrack`` alone prints); otherwise the same error (context, exit code) worded
    in the language of ``catalog.argv_language``."""
    if not isinstance(exc, _usage_error_class()) or type(exc).__name__ == "NoArgsIsHelpError":
        return exc
    lang = argv_language(args)
    from .quoting import crlf_note, single_quotes_note

    # `--format json\r` from a script saved with CRLF, `--format 'json'` from cmd: said.
    found = (single_quotes_note(args), crlf_note(args), _before_command(exc, args), _command_after(exc, args))
    notes = [n for n in found if n is not None]
    if not notes and lang == "en" and "Value error, " not in exc.format_message() and not _hinted(exc.format_message()):
        return exc
    # In English too when Typer's checker put its "Value error, " before a wrong choice
    # ("--lang vi_VN"): the catalog words it as Click does, without the prefix (issue 12);
    # and when a wrong choice is close to one (`--format xls`): Click names no closest.
    ctx = getattr(exc, "ctx", None)
    detail = _visible(render(message(exc.format_message()), lang))
    for note in notes:
        detail += "\n" + _visible(render(note, lang))
    return _in_language_class()(detail, ctx, _text(detail, ctx, lang), exc.exit_code)
