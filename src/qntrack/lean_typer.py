"""Keeping Pydantic out of plain command lines.

Recent Typer releases check every option value through a Pydantic ``TypeAdapter``,
built when the option is first processed. Importing Pydantic and building those
adapters costs about 130 ms on every run, more than all the rest of ``qntrack status
--format json`` on a province's plan, and a shell calls qntrack on every Tab press.

``lean_runtime_params`` gives Typer's parameters a checker that takes the values our
commands actually receive (text, a list of texts, an exact choice of an enum) as they
are, exactly as the adapter would return them, and hands anything else (a wrong choice,
a number, a path, a value from an environment variable that is not text) to Typer's own
checker, built the usual way on first need. Error messages therefore stay Typer's own.
On a Typer without this machinery it does nothing; pyproject.toml pins Typer to the
versions this was tested on, and tests/test_fast_paths.py fails when it no longer applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable

__all__ = ["lean_runtime_params"]


def lean_runtime_params() -> None:
    try:
        from typer import core
        from typer._coercion import RuntimeParam, TypeDescriptor
    except ImportError:
        return
    original: Callable[[Any], Any] | None = getattr(core, "build_runtime_param", None)
    if original is None or getattr(original, "qntrack_lean", False):
        return

    try:
        lean = _lean_class(RuntimeParam, original)
    except Exception:  # noqa: BLE001 - a Typer whose private classes changed shape
        # An optimisation only: on any Typer this was not written against, run as is.
        return

    def build(descriptor: TypeDescriptor) -> Any:
        info = descriptor.parameter_info
        simple = (
            descriptor.file_annotation is None
            and getattr(info, "parser", None) is None
            and getattr(info, "click_type", None) is None
            and getattr(info, "min", None) is None
            and getattr(info, "max", None) is None
        )
        if not simple or not _handled(descriptor.annotation):
            return original(descriptor)
        return lean(parameter_info=info, annotation=descriptor.annotation, descriptor=descriptor, full={})

    build.qntrack_lean = True  # type: ignore[attr-defined]
    core.build_runtime_param = build


def _lean_class(RuntimeParam: Any, original: Callable[[Any], Any]) -> Any:
    @dataclass(frozen=True)
    class LeanRuntimeParam(RuntimeParam):
        descriptor: Any = None
        full: dict = None  # type: ignore[assignment]  # Typer's own checker, once needed

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            plain = _plain(self.annotation, value, ctx)
            if plain is not _NO:
                return plain
            if "param" not in self.full:
                self.full["param"] = original(self.descriptor)
            return self.full["param"]._coerce_value(value, param=param, ctx=ctx)

    return LeanRuntimeParam


_NO = object()


def _handled(annotation: Any) -> bool:
    if annotation in (str, bool, float):
        return True
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return True
    return annotation == list[str]


def _plain(annotation: Any, value: Any, ctx: Any) -> Any:
    """The value as Typer's adapter would return it, or _NO to let Typer decide."""
    if annotation is str:
        return value if type(value) is str else _NO
    if annotation is bool:
        return value if type(value) is bool else _NO
    if annotation is float:  # Click's FLOAT has read the text: a float, or its error
        return value if type(value) is float else _NO
    if annotation == list[str]:
        if isinstance(value, (list, tuple)) and all(type(v) is str for v in value):
            return list(value)
        return _NO
    # An enum: only an exact match of a member's value; the rest (other cases, typos)
    # goes to Typer, which matches or explains in its own words.
    if type(value) is str and getattr(ctx, "token_normalize_func", None) is None:
        for member in annotation:
            if member.value == value:
                return member
    return _NO
