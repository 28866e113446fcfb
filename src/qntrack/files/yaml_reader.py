"""Reading targets.yaml's nodes: each scalar read by what the schema expects there, every
problem collected with its file, line and column (``_Reader``). files/definitions.py
walks the plan with it; a target kind reads its own keys through it
(``kinds.protocol.Reader``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..plan.suggest import Hints, closest
from ..catalog import Message, msg
from ..plan.model import (
    Location,
    Problem,
    Text,
)
from ..plan.periods import Period, PeriodError, parse_period
from ..files.textfiles import first_noncharacter as _noncharacter, nfc
from .slips import (
    ON_TARGETS,
    SPAN,
    comma_in_number,
    dedented_milestone,
    flow_key,
    glued_key,
    kinds_with,
    listed_id,
    listed_ids,
    size_after_comma,
)
from .slips import same_as, unknown_key
from .plan_numbers import parse_number, quoted_problem
from .ranges import range_ends
from .invisible import shown
from .yaml_problems import What, _CONTROL, _at, _kind, _meant, _phrase

__all__ = ["parse_number", "written_text"]

_SURROGATE = re.compile("[\ud800-\udfff]")
_NULLS = {"", "~", "null", "Null", "NULL"}


def written_text(node: Node, key: str) -> str | None:
    """The text a scalar, or a mapping's ``key``, was written with, whether it reads or not."""
    found: Node | None = node
    if isinstance(node, MappingNode):
        found = next((v for k, v in node.value if isinstance(k, ScalarNode) and k.value == key), None)
    return found.value if isinstance(found, ScalarNode) else None


def _at_node(node: Node) -> tuple[int, int]:
    return (node.start_mark.line, node.start_mark.column)


# A language code beside en and vi in a name (fr, pt-BR, zh-Hans): BCP 47's language and
# an optional region or script.
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")


@dataclass
class _Reader:
    """Walks the node tree for one file, collecting problems instead of stopping at the first."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    # Indicator id -> line of its 'measure:' key, for those that declare one; and the
    # measure a target's kind implied for one that does not, with that target's kind and line.
    declared_measure: dict[str, int] = field(default_factory=dict)
    implied_measure: dict[str, tuple[str, int]] = field(default_factory=dict)
    # Indicator id -> where its 'open_sdg:' key is, for those that set one (opensdg_status).
    open_sdg_at: dict[str, Location] = field(default_factory=dict)
    # Whether the file's text holds a noncharacter as typed (YAML prints U+FDD0): only
    # then is every scalar searched for one (``plain_odd``), not only the double-quoted.
    plain_odd: bool = False
    # Ids of dimensions and indicators refused (their problem reported): what uses them is
    # not checked against a stand-in, which would report what the file does not say.
    refused: set[tuple[str, str]] = field(default_factory=set)
    # An indicator id refused for its letters, by the id it was told it could be
    # (``tang_truong`` for the id typed with its marks): a target that refers to it so is told nothing more.
    could_be: dict[str, str] = field(default_factory=dict)
    # The did-you-mean of an unknown indicator id, within one bound of work for the file.
    indicator_hints: Hints | None = None
    # (where a mapping starts, key) for a required key said to be written under another
    # name (``mapping``): its kind does not say it is missing as well (``meant``).
    said_meant: set[tuple[tuple[int, int], str]] = field(default_factory=set)
    # The measure of the indicator of the target being read (Reader.target_measure).
    target_measure: Any = None
    target_decrease: bool = False  # Reader.target_decrease
    # An indicator's unit left empty (`unit:`), with its What: refused where its line holds
    # a comment in its place, 'unit: # nguoi' (smart_quotes.commented_units).
    empty_units: list[tuple[Node, Any]] = field(default_factory=list)

    def indicator_hint(self, word: str, indicators: Iterable[str]) -> str | None:
        """The indicator id ``word`` most likely meant (suggest.Hints: the first few asked)."""
        if self.indicator_hints is None:
            self.indicator_hints = Hints(indicators)
        hint = self.indicator_hints(word)
        if hint is None and isinstance(indicators, dict):
            # The indicator's name where its id belongs (issue 17, twenty-second session),
            # each name folded once a file, not at every unknown id (700 of each: 1.3 s).
            from .vocabulary import fold, names_folded

            named = self.indicator_hints.names(lambda: names_folded(indicators.values())).get(fold(word), ())
            hint = next(iter(named)) if len(named) == 1 else None
        # An id refused for a character no one sees is echoed with its code (invisible.py).
        return shown(hint) if hint is not None else None

    def loc(self, node: Node) -> Location:
        return Location(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def error(self, node: Node, message: str | Message) -> None:
        self.problems.append(Problem(self.loc(node), message))

    # --- structure -----------------------------------------------------------------
    def mapping(self, node: Node, what: What, allowed: tuple[str, ...]) -> dict[str, tuple[Node, Node]] | None:
        """Keys to (key node, value node); duplicate and unknown keys are reported."""
        if not isinstance(node, MappingNode):
            if what == "indicators" and isinstance(node, SequenceNode):
                # Written as targets are: said once, not again as each target's unknown indicator.
                self.refused.add(("top", "indicators"))
                self.error(node, msg("authoring_indicators_listed", example=listed_id(node) or "cbct_share"))
                return None
            if what == "dimensions" and isinstance(node, SequenceNode):
                # So too the dimensions (forty-third session): the indicators and targets
                # naming them were told besides that none is declared.
                ids = listed_ids(node)
                self.refused.update(("dimension", d) for d in ids)
                self.error(node, msg("authoring_dimensions_listed", example=ids[0] if ids else "locality"))
                return None
            self.error(node, msg("definitions_not_a_mapping", what=_phrase(what), got=_kind(node)))
            return None
        out: dict[str, tuple[Node, Node]] = {}
        meant: list[str] = []
        second_id = False  # a later target's '- ' forgotten: its keys are this one's again
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.error(key_node, msg("definitions_key_not_plain", what=_phrase(what), got=_kind(key_node)))
                continue
            key = key_node.value
            # Only a double-quoted scalar can hold a surrogate (see ``surrogate``): the test
            # of style here spares a call for each of a national plan's 150,000 keys.
            if key_node.style == '"' and self.surrogate(key_node, ("key", what)):
                continue
            if second_id:
                continue  # the next target's keys, its '- ' forgotten: said once at its id
            if "\uff1a" in key:
                # A full-width colon in a flow mapping ({by： 2030}): YAML reads a key with no
                # value, told as the colon it is, once, its key not said missing (pass G).
                written = key.replace("\uff1a ", ": ").replace("\uff1a", ": ")
                meant.append(key.split("\uff1a", 1)[0].strip())
                self.error(key_node, msg("authoring_yaml_full_width_colon", written=written))
                continue
            if key in out:
                first = out[key][0].start_mark.line + 1
                opening = getattr(node.value[0][0], "value", None)
                if what[0] == "target" and key != "id" and key == opening and isinstance(value_node, ScalarNode):
                    # The target's first key again ('type' written before 'id'): the next
                    # target, its '- ' forgotten, said once here (pass G).
                    second_id = True
                    written = " " * max(key_node.start_mark.column - 2, 0) + f"- {key}: {value_node.value}"
                    self.error(
                        key_node,
                        msg("definitions_target_no_dash_at", what=_phrase(what), key=key, first=first, written=written),
                    )
                elif key == "id" and what[0] == "target" and isinstance(value_node, ScalarNode):
                    # Said once, as the next target whose '- ' is missing, not as every one
                    # of its keys repeated (forty-fourth session).
                    second_id = True
                    written = " " * max(key_node.start_mark.column - 2, 0) + "- id: " + value_node.value
                    self.error(
                        key_node, msg("definitions_target_no_dash", what=_phrase(what), first=first, written=written)
                    )
                elif (
                    (what[0] == "milestone" or (what[0] == "at" and what[-1] == "values"))
                    and key == getattr(node.value[0][0], "value", None)
                    and isinstance(value_node, ScalarNode)
                ):
                    # A milestone's or a unit's first key again: the next item, its '- '
                    # forgotten, said once as a target's is (pass G), not as each key repeated.
                    second_id = True
                    written = " " * max(key_node.start_mark.column - 2, 0) + f"- {key}: {value_node.value}"
                    said = "definitions_milestone_no_dash" if what[0] == "milestone" else "definitions_unit_no_dash"
                    self.error(key_node, msg(said, what=_phrase(what), key=key, first=first, written=written))
                elif what == ("top",) and key in ("targets", "indicators", "dimensions"):
                    # Two files joined: the second list is to join the first (helper M, s46).
                    line = key_node.start_mark.line + 1
                    self.error(
                        key_node, msg("definitions_top_key_twice", what=_phrase(what), key=key, first=first, line=line)
                    )
                elif what == ("top",):  # `title:` twice, two plans joined: keep one (s46)
                    line = key_node.start_mark.line + 1
                    self.error(
                        key_node, msg("definitions_top_key_kept", what=_phrase(what), key=key, first=first, line=line)
                    )
                else:
                    self.error(key_node, msg("definitions_duplicate_key", what=_phrase(what), key=key, first=first))
                continue
            if allowed and key not in allowed:
                if (comma := comma_in_number(key_node, value_node, out)) is not None:
                    self.error(comma[0], msg("definitions_comma_in_number", what=_phrase(what), **comma[1]))
                    continue
                if (sized := size_after_comma(key_node, value_node, out)) is not None:  # {value: 1,5 million}
                    sized_said = msg("definitions_number_size_word", **sized[1])
                    self.error(sized[0], msg("definitions_field_problem", what=_phrase(what), problem=sized_said))
                    continue
                if what == ("top",) and key in ON_TARGETS:
                    # A newcomer lists a resolution's targets at the top; a group is a
                    # target's own key (targets-format.md, "Targets").
                    self.error(
                        key_node,
                        msg("definitions_group_on_targets", what=_phrase(what), key=key, field=ON_TARGETS[key]),
                    )
                    continue
                if what[0] == "target" and (milestone := dedented_milestone(node, key_node, key)):
                    # Said once, at the key: not as a key of another type, nor the milestone's missing.
                    self.said_meant.add((_at_node(milestone[0]), key))
                    line, first = milestone[0].start_mark.line + 1, milestone[1]
                    self.error(
                        key_node,
                        msg("authoring_milestone_key_dedented", what=_phrase(what), key=key, line=line, other=first),
                    )
                    continue
                if glued := glued_key(key_node, value_node, allowed):  # {by:2025}: said once
                    meant.append(glued[0])
                    self.error(key_node, msg("definitions_key_colon_space", what=_phrase(what), written=glued[1]))
                    continue
                if flowed := flow_key(key_node, value_node, allowed):  # unit {en: yy}: said once
                    meant.append(flowed[0])
                    self.error(key_node, msg("authoring_yaml_flow_no_colon", key=flowed[0], written=flowed[1]))
                    continue
                hint = same_as(key, allowed) or closest(key, allowed)
                valid = ", ".join(allowed)
                if hint is None and what[0] == "target" and (kinds := kinds_with(key)):
                    self.error(
                        key_node,
                        msg(
                            "authoring_key_of_kind_typed"
                            if any(getattr(k, "value", None) == "type" for k, _ in node.value)
                            else "authoring_key_of_kind",
                            what=_phrase(what),
                            key=key,
                            valid=valid,
                            kinds=", ".join(kinds),
                            kind=kinds[0],
                        ),
                    )
                    continue
                if what == ("top",) and hint in ("targets", "indicators"):
                    if not any(getattr(k, "value", None) == hint for k, _ in node.value):
                        # Said here once: not again as missing, nor as each target's
                        # unknown indicator.
                        self.refused.add(("top", hint))
                if hint is not None:
                    meant.append(hint)
                self.error(key_node, unknown_key(_phrase(what), key, valid, hint, value_node))
                continue
            out[key] = (key_node, value_node)
        # A required key written under another name was said once, as that name: not again
        # as missing (``meant``; docs/decisions.md, "A plan author's small slips").
        self.said_meant.update((_at_node(node), hint) for hint in meant if hint not in out)
        return out

    def meant(self, node: Node, key: str) -> bool:
        """Whether a key of the mapping ``node`` was said to be ``key`` misspelt."""
        return (_at_node(node), key) in self.said_meant

    def needs(
        self, node: Node, keys: dict[str, tuple[Any, Any]], required: tuple[str, str], what: What, message: str
    ) -> bool:
        """Whether ``keys`` lack one of the two ``required``: said once, by ``message`` (one
        key) or ``message``_both, leaving out a key said to be misspelt (``meant``)."""
        if all(k in keys for k in required):
            return False
        missing = [k for k in required if k not in keys and not self.meant(node, k)]
        if missing:
            words = {"what": self.phrase(what)}
            self.error(
                node, msg(message, key=missing[0], **words) if missing[1:] == [] else msg(message + "_both", **words)
            )
        return True

    def missing(self, root: Node, key: str, message: Message) -> None:
        """Say a required top-level ``key`` is missing, unless a misspelling of it was said."""
        if ("top", key) not in self.refused:
            self.error(root, message)

    def scalar(self, node: Node, what: What) -> str | None:
        if not isinstance(node, ScalarNode):
            self.error(node, msg("definitions_not_single_value", what=_phrase(what), got=_kind(node)))
            return None
        # Only a double-quoted scalar can hold a control character (an escape: "\\e[2J"),
        # which would drive the terminal of whoever prints the title, a unit or a source.
        if node.style == '"' and (self.surrogate(node, what) or self._controls(node, what, node.value)):
            return None
        if self.plain_odd and node.style != '"' and self._controls(node, what, node.value):
            return None
        return node.value

    def surrogate(self, node: ScalarNode, what: What) -> bool:
        """Report a lone UTF-16 surrogate ("\\ud800"), which no UTF-8 output can carry.

        Only a double-quoted scalar can hold one (YAML's \\u escape), so only those are
        searched: a national plan has hundreds of thousands of plain scalars.
        """
        if node.style != '"':
            return False
        found = _SURROGATE.search(node.value)
        if found is None:
            return False
        self.error(node, msg("definitions_surrogate", what=_phrase(what), code=f"{ord(found.group()):04x}"))
        return True

    def is_null(self, node: Node) -> bool:
        # Plain style is None from PyYAML's composer and '' from libyaml's.
        return isinstance(node, ScalarNode) and not node.style and node.value in _NULLS

    def text(self, node: Node, what: What) -> str | None:
        raw = self.scalar(node, what)
        if raw is None:
            return None
        if self.is_null(node):
            return ""
        return nfc(raw)

    def localized(self, node: Node, what: What) -> Text | None:
        """A name (``name:``, ``group:``, ``owner:``) as text or ``{en, vi}``: never blank,
        never holding a control character (an escape sequence in a name would drive the
        reader's terminal, and makes a chart's SVG unreadable)."""
        if isinstance(node, MappingNode):
            keys = self.mapping(node, what, ())
            if keys is None:
                return None
            others: list[tuple[str, str]] = []
            for lang, (key_node, value_node) in keys.items():
                if lang in ("en", "vi"):
                    continue
                if lang == "vn" or not LANGUAGE.match(lang):
                    # "vn" is the country: a slip for vi that must not pass as a language.
                    self.error(key_node, msg("exchange_language_key", what=_phrase(what), key=lang))
                    return None
                text = self.text(value_node, ("sub", what, lang))
                if text is None:
                    return None
                if text.strip():
                    others.append((lang, text))
            en = self.text(keys["en"][1], ("sub", what, "en")) if "en" in keys else None
            vi = self.text(keys["vi"][1], ("sub", what, "vi")) if "vi" in keys else None
            # Spaces alone are no name: the other language stands in, as for an empty one
            # (a group headed "  " in a Vietnamese report).
            en, vi = (en if en and en.strip() else None), (vi if vi and vi.strip() else None)
            if not (en or "").strip() and not (vi or "").strip():
                self.error(node, msg("definitions_localized_empty", what=_phrase(what)))
                return None
            if self._controls(node, what, (en or "") + (vi or "") + "".join(t for _, t in others)):
                return None
            return Text(en or vi or "", vi or en or "", tuple(sorted(others)))
        first = node.value[0] if isinstance(node, SequenceNode) and node.value else None
        if isinstance(first, ScalarNode) and isinstance(what, tuple) and what[-1] in ("group", "owner"):
            # `group: [Kinh te, Xa hoi]`, a target in two groups: in one (helper M, s46).
            other = "owner" if what[-1] == "group" else "group"
            self.error(
                node, msg("definitions_group_list", what=_phrase(what), field=what[-1], first=first.value, other=other)
            )
            return None
        value = self.text(node, what)
        if value is None:
            return None
        if not value.strip():
            self.error(node, msg("definitions_empty", what=_phrase(what)))
            return None
        if self._controls(node, what, value):
            return None
        return Text.plain(value)

    def _controls(self, node: Node, what: What, text: str) -> bool:
        """Whether ``text`` holds a control character (line ends and tabs, which a folded
        YAML scalar may end with, aside), said as an error at ``node``."""
        found = _CONTROL.search(text)
        if found is None:
            odd = _noncharacter(text)
            if odd is None:
                return False
            self.error(node, msg("definitions_noncharacter", what=_phrase(what), code=f"{ord(odd):04X}"))
            return True
        self.error(node, msg("definitions_control_character", what=_phrase(what), code=f"{ord(found.group()):04X}"))
        return True

    def number(self, node: Node, what: What) -> float | None:
        raw = self.scalar(node, what)
        if raw is None:
            return None
        quoted = isinstance(node, ScalarNode) and node.style and range_ends(raw) is None  # ``scalar`` gave its text
        if quoted and quoted_problem(raw) is None:  # "90%" is told below as 90% unquoted is
            self.error(node, msg("definitions_quoted_number", what=_phrase(what), raw=raw))
            return None
        try:
            return parse_number(raw)
        except ValueError as exc:
            self.error(node, msg("definitions_field_problem", what=_phrase(what), problem=exc.args[0]))
            return None

    def period(self, node: Node, what: What) -> Period | None:
        raw = self.scalar(node, what)
        if raw is None:
            return None
        if span := SPAN.match(raw.strip()):
            first, last = span.groups()
            self.error(node, msg("definitions_period_span", what=_phrase(what), raw=raw, first=first, last=last))
            return None
        try:
            return parse_period(raw)
        except PeriodError as exc:
            meant = _meant(raw)  # a period in an office's words: read strictly, told the form
            problem = msg("definitions_field_problem", what=_phrase(what), problem=exc.message)
            self.error(node, problem if meant is None else msg(meant[0], what=_phrase(what), raw=raw, **meant[1]))
            return None

    # --- what a kind's parser reads through (kinds.protocol.Reader) ------------------------
    def at(self, what: What, field: str) -> What:
        return _at(what, field)

    def phrase(self, what: What) -> str | Message:
        return _phrase(what)

    def items(self, node: Node) -> list[Node] | None:
        return node.value if isinstance(node, SequenceNode) else None

    def is_mapping(self, node: Node) -> bool:
        return isinstance(node, MappingNode)

    def year(self, node: Node, what: What) -> Period | None:
        raw = getattr(node, "value", None)
        if isinstance(raw, str) and not SPAN.match(raw.strip()):
            try:
                parse_period(raw)
            except PeriodError:
                # Only a year is read here: the forms of a half, a quarter or a month, which
                # the message of another period lists, would each be refused in turn.
                if self.scalar(node, what) is not None:
                    key = "definitions_year_empty" if not raw.strip() else "definitions_not_a_year_text"
                    meant = _meant(raw, year=True)  # '31/12/2020' is told 2020, a year in words its year
                    values = {} if meant is None else meant[1]
                    self.error(node, msg(meant[0] if meant else key, what=_phrase(what), raw=raw, **values))
                return None
        period = self.period(node, what)
        if period is not None and not period.is_year:
            self.error(node, msg("definitions_not_a_year", what=_phrase(what), period=period))
            return None
        return period

    def choice(self, node: Node, what: What, options: tuple[str, ...]) -> str | None:
        raw = self.scalar(node, what)
        if raw is None:
            return None
        if raw not in options:
            from .plan_words import CHOICE_WORDS
            from .vocabulary import fold

            said = CHOICE_WORDS.get(fold(raw), ())  # a Vietnamese word is told the English value
            said = (said,) if isinstance(said, str) else said
            hint = next((s for s in said if s in options), None) or closest(raw, options)
            listed = ", ".join(options)
            self.error(
                node,
                msg("definitions_not_one_of", what=_phrase(what), raw=raw, options=listed)
                if hint is None
                else msg("definitions_not_one_of_hint", what=_phrase(what), raw=raw, options=listed, hint=hint),
            )
            return None
        return raw
