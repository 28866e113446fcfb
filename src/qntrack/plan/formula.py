"""Formulas of derived indicators: ``cbct_va / grdp * 100``, parsed without ``eval``.

Grammar (the usual precedence, left-associative)::

    expr   := term (('+' | '-') term)*
    term   := factor (('*' | '/') factor)*
    factor := ('+' | '-') factor | NUMBER | NAME | '(' expr ')'

NAME is an indicator id starting with a letter; '×' and '÷' are accepted for '*' and '/'.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Context, Decimal
from typing import Mapping, Union

__all__ = ["Expr", "FormulaError", "parse_formula", "names_in"]

_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|(?P<name>[a-z_][a-z0-9_]*)|(?P<op>[-+*/()×÷−]))")


class FormulaError(ValueError):
    """A formula that cannot be parsed, or a value that cannot be computed.

    ``args[0]`` (also ``.message``) is a messages.Message, shown in the user's language by
    whoever reports it; ``str(exc)`` is the English text.
    """

    @property
    def message(self):  # -> Message
        return self.args[0]


def _error(message_id: str, **params: object) -> FormulaError:
    from ..catalog import msg

    return FormulaError(msg(message_id, **params))


@dataclass(frozen=True, slots=True)
class Num:
    value: float


@dataclass(frozen=True, slots=True)
class Name:
    id: str


@dataclass(frozen=True, slots=True)
class Neg:
    operand: "Node"


@dataclass(frozen=True, slots=True)
class BinOp:
    op: str
    left: "Node"
    right: "Node"


Node = Union[Num, Name, Neg, BinOp]


@dataclass(frozen=True, slots=True)
class Expr:
    """A parsed formula: the tree, and the indicator ids it reads."""

    text: str
    root: Node
    names: frozenset[str]

    def evaluate(self, values: Mapping[str, float]) -> float:
        """The formula's value for one period; FormulaError on division by zero, or where
        the value is beyond the largest float.

        Worked in decimal on the figures as they are written (``repr``), then rounded to the
        nearest float once: 0.1 + 0.2 is 0.3, not 0.30000000000000004, as a statistician
        adding the two figures writes it, and as the cumulative totals and the differences
        are worked (kinds/cumulative.py, method/assessment.py). A step beyond a float's range
        is no longer lost on the way (1e300 * 1e300 / 1e300 is 1e300)."""
        try:
            out = float(_eval(self.root, values))
        except ArithmeticError:  # decimal's Overflow and InvalidOperation (FormulaError is not one)
            raise _error("formula_not_finite") from None
        if not math.isfinite(out):
            raise _error("formula_not_finite")
        return out


# 28 significant digits (decimal's default, fixed here so that no caller's context changes
# a figure): a quotient rounds there, then to the float nearest to it.
_DECIMAL = Context(prec=28)


def _eval(node: Node, values: Mapping[str, float]) -> Decimal:
    if isinstance(node, Num):
        return Decimal(repr(node.value))
    if isinstance(node, Name):
        return Decimal(repr(values[node.id]))
    if isinstance(node, Neg):  # exact, not '-', which rounds in the thread's context
        return _eval(node.operand, values).copy_negate()
    left = _eval(node.left, values)
    right = _eval(node.right, values)
    if node.op == "+":
        return _DECIMAL.add(left, right)
    if node.op == "-":
        return _DECIMAL.subtract(left, right)
    if node.op == "*":
        return _DECIMAL.multiply(left, right)
    if right == 0:
        raise _error("formula_division_by_zero")
    return _DECIMAL.divide(left, right)


def _constant(node: Node) -> float | None:
    """The value of a part of a formula that reads no indicator; None when it reads one,
    or when it cannot be computed (its own division is refused where it is written)."""
    if isinstance(node, Name):
        return None
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Neg):
        inner = _constant(node.operand)
        return None if inner is None else -inner
    if _constant(node.left) is None or _constant(node.right) is None:
        return None
    try:
        return float(_eval(node, {}))
    except (FormulaError, ArithmeticError):
        return None


def _tokens(text: str) -> list[tuple[str, str, int]]:
    out: list[tuple[str, str, int]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            bad = text[pos:].lstrip()[:1]
            raise _error("formula_unexpected_character", char=bad, position=len(text) - len(text[pos:].lstrip()) + 1)
        kind = m.lastgroup or "op"
        value = m.group(kind)
        value = {"×": "*", "÷": "/", "−": "-"}.get(value, value)
        out.append((kind, value, m.start(kind) + 1))
        pos = m.end()
    return out


# A formula is parsed and computed by recursion, one level per parenthesis or sign and
# one per operator of a chain: these bounds keep it far from Python's recursion limit
# (1000 frames), so that a formula nobody could read gets a message, not a traceback. A
# sum of every district of a province, or of every province, stays well inside them.
MAX_TOKENS = 1000
MAX_NESTING = 100


def parse_formula(text: str) -> Expr:
    tokens = _tokens(text)
    if not tokens:
        raise _error("formula_empty")
    if len(tokens) > MAX_TOKENS:
        raise _error("formula_too_long", count=len(tokens), limit=MAX_TOKENS)
    names: set[str] = set()
    i = 0
    depth = 0

    def peek() -> tuple[str, str, int] | None:
        return tokens[i] if i < len(tokens) else None

    def take() -> tuple[str, str, int]:
        nonlocal i
        tok = tokens[i]
        i += 1
        return tok

    def expr() -> Node:
        node = term()
        while (tok := peek()) and tok[1] in "+-" and tok[0] == "op":
            take()
            node = BinOp(tok[1], node, term())
        return node

    def term() -> Node:
        node = factor()
        while (tok := peek()) and tok[1] in "*/" and tok[0] == "op":
            take()
            right = factor()
            # A divisor that reads no indicator is the same in every period: 0 there
            # would leave every period out, a mistake of the plan that check could only
            # blame, period by period, on the figures.
            if tok[1] == "/" and _constant(right) == 0:
                raise _error("formula_divides_by_constant_zero", position=tok[2])
            node = BinOp(tok[1], node, right)
        return node

    def factor() -> Node:
        tok = peek()
        if tok is None:
            raise _error("formula_ends_early")
        kind, value, col = take()
        if kind == "num":
            number = float(value)
            if not math.isfinite(number):  # 1e400: refused as a milestone of 1e309 is
                raise _error("formula_number_not_finite", text=value, position=col)
            if number == 0 and any(d in "123456789" for d in value.lower().partition("e")[0]):
                # 1e-400 would be read as 0, as a stored figure would (rules.number refuses it).
                raise _error("formula_number_underflow", text=value, position=col)
            return Num(number)
        if kind == "name":
            names.add(value)
            return Name(value)
        if value in "+-(":
            nonlocal depth
            depth += 1
            if depth > MAX_NESTING:
                raise _error("formula_too_deep", position=col, limit=MAX_NESTING)
            try:
                if value in "+-":
                    inner = factor()
                    return inner if value == "+" else Neg(inner)
                node = expr()
                close = peek()
                if close is None or close[1] != ")":
                    raise _error("formula_unclosed", position=col)
                take()
                return node
            finally:
                depth -= 1
        raise _error("formula_unexpected", token=value, position=col)

    root = expr()
    if i < len(tokens):
        raise _error("formula_unexpected", token=tokens[i][1], position=tokens[i][2])
    return Expr(text, root, frozenset(names))


def names_in(text: str) -> frozenset[str]:
    """The indicator ids a formula reads; none when it does not parse (said where it is read)."""
    try:
        return parse_formula(text).names
    except FormulaError:
        return frozenset()
