"""targets.yaml as a tree of YAML nodes, with their lines and columns: what
files/definitions.py reads the plan from. Only *composed*, never constructed: no PyYAML
constructor turns the text into Python values (docs/data-integrity.md, "Safe YAML").
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

__all__ = ["NotAValue", "compose_plan", "looks_like_plan", "merge_keys", "merge_pairs", "nesting_line", "safe_values"]


def compose_plan(text: str) -> Node | None:
    """The node tree, from libyaml's composer when PyYAML has it, else from PyYAML's.

    Both give the same nodes and marks. libyaml's is about five times faster on a
    national plan of 10,000 targets (docs/performance.md); on an error PyYAML's own pass
    is repeated, so that the message reads the same with or without libyaml.
    """
    fast = _untagged_loader()
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError as exc:
            _too_deep_for_python(exc)
    return yaml.compose(text, Loader=yaml.SafeLoader)


# libyaml's own limit on nesting (1000 levels, in its scanner). PyYAML's Python composer
# recurses a few frames a level, so Python's stack runs out some 330 levels deep: a text
# libyaml found past its limit would only reach the same end, after most of a second.
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"


def _too_deep_for_python(exc: yaml.YAMLError) -> None:
    """Raise RecursionError, the callers' sign of a file nested too deeply, when libyaml
    stopped at its nesting limit; else return, for PyYAML's own pass to say the error."""
    if getattr(exc, "problem", None) == _LIBYAML_TOO_DEEP:
        raise RecursionError(_LIBYAML_TOO_DEEP) from None


_UNTAGGED: list[type | None] = []


def _untagged_loader() -> type | None:
    """libyaml's loader minus tag resolution: nothing here reads a node's tag (each scalar is
    read by what the schema expects), and resolving them, in Python, cost a third of the time.
    """
    if not _UNTAGGED:
        base = getattr(yaml, "CSafeLoader", None)
        loader = None
        if base is not None:
            tags = {
                ScalarNode: base.DEFAULT_SCALAR_TAG,
                SequenceNode: base.DEFAULT_SEQUENCE_TAG,
                MappingNode: base.DEFAULT_MAPPING_TAG,
            }
            loader = type("_UntaggedLoader", (base,), {"resolve": lambda self, kind, value, implicit: tags[kind]})
        _UNTAGGED.append(loader)
    return _UNTAGGED[0]


_PLAN_KEY = re.compile(r"^(?:version|title|observations|indicators|targets|timezone)\s*:", re.MULTILINE)


def looks_like_plan(text: str) -> bool:
    """Whether a file that is not valid YAML has at least one of a plan's top-level keys."""
    return _PLAN_KEY.search(text) is not None


def nesting_line(text: str, limit: int = 100) -> int:
    """The line where lists and mappings first nest ``limit`` deep, for the message of a
    file too deeply nested for PyYAML's recursion; 0 if they never do. A level is a flow
    bracket (``[`` or ``{``) still open, or a block one: a line indented further than the
    lines it is inside, and the item after each ``- `` on a line (``- - x``)."""
    depth = 0  # flow brackets open
    blocks: list[int] = []  # the columns of the block levels the line is inside
    for n, line in enumerate(text.splitlines(), 1):
        body = line.lstrip(" ")
        if depth == 0 and body and not body.startswith("#"):
            column = len(line) - len(body)
            while blocks and blocks[-1] >= column:
                blocks.pop()
            blocks.append(column)
            while body.startswith("- "):
                rest = body[1:].lstrip(" ")
                if not rest or rest.startswith("#"):
                    break  # the item is on the lines below, a level of its own there
                column += len(body) - len(rest)
                body = rest
                blocks.append(column)
            if len(blocks) >= limit:
                return n
        for ch in line:
            if ch in "[{":
                depth += 1
                if depth + len(blocks) >= limit:
                    return n
            elif ch in "]}":
                depth = max(0, depth - 1)
    return 0


def safe_values(text: str, twice: list[Twice] | None = None) -> Any:
    """``yaml.safe_load(text)``, with libyaml's parser when PyYAML has it: the same
    constructors and resolvers build the same values, about five times faster on an
    Open SDG repository's metadata and an imported plan. On an error PyYAML's own pass
    is repeated, so that the message and its line read the same with or without libyaml.
    A scalar its tag cannot build (``2020-02-30``, ``!!int abc``) raises ``NotAValue``.
    ``twice``: where given, each key a mapping gives twice is added to it (``keys_twice``):
    PyYAML keeps the last in silence."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return _load(fast, text, twice)
        except yaml.YAMLError as exc:
            _too_deep_for_python(exc)
            if twice is not None:
                twice.clear()
    return _load(yaml.SafeLoader, text, twice)


def _load(base: type, text: str, twice: list[Twice] | None) -> Any:
    """``yaml.load`` with ``base`` checked (``_checked``), its nodes first searched for keys
    given twice when ``twice`` is a list."""
    loader = _checked(base)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if twice is not None:
            twice.extend(keys_twice(node, text))
        return loader.construct_document(node)
    finally:
        loader.dispose()


class Twice(NamedTuple):
    """A key a mapping gives twice: the keys above it (``path``), the key, and each
    occurrence's line (1-based, in the text read) and value as the file writes it."""

    path: tuple[str, ...]
    key: str
    first_line: int
    first: str
    line: int
    value: str
    merge: bool = False  # a plain '<<', YAML's merge key (a quoted "<<" is a key like any other)


def keys_twice(root: Node, text: str) -> list[Twice]:
    """Every scalar key given a second (third...) time in a mapping under ``root``, walked
    without recursion (a file nested hundreds deep is another refusal's to say)."""
    out: list[Twice] = []
    todo: list[tuple[Node, tuple[str, ...]]] = [(root, ())]
    seen_nodes: set[int] = set()  # an alias is the node it names: each walked once, or 9**9 of a bomb
    while todo:
        node, path = todo.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, SequenceNode):
            todo.extend((item, path) for item in reversed(node.value))
        elif isinstance(node, MappingNode):
            seen: dict[tuple[str, str], tuple[Node, Node]] = {}  # by tag and text: 1 and '1' are two keys
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, ScalarNode) else None
                if key is not None and (key_node.tag, key) in seen:
                    first_key, first_value = seen[key_node.tag, key]
                    out.append(
                        Twice(
                            path,
                            key,
                            first_key.start_mark.line + 1,
                            _as_written(first_value, text),
                            key_node.start_mark.line + 1,
                            _as_written(value_node, text),
                            key_node.tag == "tag:yaml.org,2002:merge",
                        )
                    )
                elif key is not None:
                    seen[key_node.tag, key] = (key_node, value_node)
                todo.append((value_node, (*path, key if key is not None else "?")))
    out.sort(key=lambda t: t.line)
    return out


def merge_keys(root: Node) -> list[Node]:
    """The key node of each of ``merge_pairs``."""
    return [key_node for key_node, _ in merge_pairs(root)]


def merge_pairs(root: Node) -> list[tuple[Node, Node]]:
    """Every YAML merge key (a plain ``<<``, as in ``<<: *span``) under ``root`` and its
    value, in the order of the file, walked without recursion. targets.yaml is composed, never
    constructed, so no merge is ever made: each would be read as an unknown key, and the
    keys it was meant to bring as missing (forty-first session). A quoted ``"<<"`` is a
    key like any other. Each node is walked once, an alias's too ("billion laughs")."""
    out: list[tuple[Node, Node]] = []
    todo: list[Node] = [root]
    seen: set[int] = set()  # an alias is the node it names: each walked once, or 9**9 of a bomb
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            todo.extend(node.value)
        elif isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode) and key_node.value == "<<" and not key_node.style:
                    out.append((key_node, value_node))
                todo.append(value_node)
    out.sort(key=lambda pair: (pair[0].start_mark.line, pair[0].start_mark.column))
    return out


def _as_written(node: Node, source: str) -> str:
    """A value as a message quotes it: a scalar's text, else its lines as ``source`` (the
    text read) has them, on one line and cut at 80 characters."""
    if isinstance(node, ScalarNode):
        text = str(node.value)
    else:
        text = source[node.start_mark.index : node.end_mark.index]
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "…"


class NotAValue(yaml.constructor.ConstructorError):
    """A scalar its (implicit or written) tag cannot build: PyYAML's constructors raise
    ValueError, KeyError or AttributeError for them, unmarked; this one has the node."""

    def __init__(self, node: Node) -> None:
        super().__init__(None, None, f"{node.value!r}", node.start_mark)
        self.value = str(node.value)
        self.kind = str(node.tag).rsplit(":", 1)[-1]


_CHECKED: dict[type, type] = {}


def _checked(base: type) -> type:
    """``base``, a safe loader, whose constructors' own failures are a ``NotAValue``."""
    if base not in _CHECKED:

        def construct_object(self: Any, node: Node, deep: bool = False) -> Any:
            try:
                return yaml.constructor.BaseConstructor.construct_object(self, node, deep)
            except yaml.YAMLError:
                raise
            except (ValueError, KeyError, AttributeError, TypeError, OverflowError):
                raise NotAValue(node) from None

        _CHECKED[base] = type(f"_Checked{base.__name__}", (base,), {"construct_object": construct_object})
    return _CHECKED[base]
