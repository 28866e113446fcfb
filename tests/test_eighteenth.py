"""Defects found and mended in the eighteenth session (issue 17), each test written
failing first."""

from __future__ import annotations

import pytest
import yaml

from qntrack.files import yaml_nodes

# --- a file nested past libyaml's limit is refused without PyYAML's own pass ---------------
#
# libyaml stops at 1000 levels ("exceeded maximum nesting depth"); PyYAML's pure-Python
# composer, run again on an error so that messages read the same with or without libyaml,
# would recurse some 330 levels deep before Python's stack runs out: about 0.7 s of work
# (a second of a user's wait, on a plan refused anyway) to reach the same refusal.


def _pure_python_pass_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("PyYAML's pure-Python pass was run")

    monkeypatch.setattr(yaml.SafeLoader, "__init__", refuse)


@pytest.mark.parametrize(
    "text",
    [
        "version: 1\nx: " + "[" * 1200 + "]" * 1200 + "\n",  # flow brackets
        "version: 1\nx: " + "{a: " * 1200 + "\n",  # flow mappings, never closed
        "version: 1\nx:\n" + "".join(" " * i + "- \n" for i in range(1200)),  # block levels
    ],
)
def test_past_libyamls_nesting_limit_is_too_deep_at_once(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    if getattr(yaml, "CSafeLoader", None) is None:  # pragma: no cover - the wheels ship libyaml
        pytest.fail("PyYAML without libyaml: this test needs its parser")
    _pure_python_pass_refused(monkeypatch)
    with pytest.raises(RecursionError):
        yaml_nodes.compose_plan(text)
    with pytest.raises(RecursionError):
        yaml_nodes.safe_values(text)


def test_other_errors_still_take_pythons_pass_for_the_same_message() -> None:
    # An unclosed bracket, not too deep: the message is PyYAML's own, as without libyaml.
    with pytest.raises(yaml.MarkedYAMLError) as err:
        yaml_nodes.compose_plan("version: 1\nx: [1, 2\n")
    assert err.value.problem_mark is not None and err.value.problem_mark.line == 2
