"""Pass C3 of the thirty-second session (issue 17): `qntrack check` imports only what it uses.

A national plan (targets.yaml of KEEP_FROM characters or more) is kept parsed by the runs
before (files/kept_plans.py); a `check` that reads it back calls no parser, and imported
the whole of it all the same (files.definitions and the plan readers it imports): about
0.1 s of processor time of each `check` on the independent shape.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The parser's modules: what parse_plan needs and a plan read back from its kept file does not.
PARSER_MODULES = frozenset(
    """qntrack.files.definitions qntrack.files.plan_texts qntrack.files.plan_indicators
    qntrack.files.yaml_reader qntrack.files.yaml_nodes qntrack.files.yaml_problems
    qntrack.files.yaml_words qntrack.files.breakdowns qntrack.files.dimensions
    qntrack.files.sdmx_units qntrack.files.slips qntrack.files.group_names""".split()
)

PROBE = (
    "import atexit, sys\n"
    "atexit.register(lambda: sys.stderr.write('MODULES ' + ' '.join(sorted(sys.modules)) + '\\n'))\n"
    "from qntrack.console import main\n"
    "main()\n"
)


def _national_plan(folder: Path) -> None:
    """The shipped plan, made a national plan's size by a comment (the parser reads the
    same targets; the size alone decides that it is kept)."""
    from qntrack.files.kept_plans import KEEP_FROM

    text = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    padding = "# " + "x" * 98 + "\n"
    text += padding * (KEEP_FROM // len(padding) + 1)
    (folder / "targets.yaml").write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "observations.csv", folder / "observations.csv")


def _check_modules(folder: Path, *args: str) -> tuple[int, str, set[str]]:
    return command_modules(folder, "check", *args)


def command_modules(folder: Path, *args: str) -> tuple[int, str, set[str]]:
    """A command's exit code, what it said on stderr and the modules it loaded, run as the
    console runs it (tests/test_s33_lead.py asks it of the other commands)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QNTRACK_", "NO_COLOR", "FORCE_COLOR", "COLUMNS"))}
    (folder / "home-cache").mkdir(exist_ok=True)  # the user's own cache folder, where the secret is
    env.update(PYTHONPATH=str(ROOT / "src"), XDG_CACHE_HOME=str(folder / "home-cache"))
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env=env,
        cwd=folder,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    said, _, modules = done.stderr.rpartition("MODULES ")
    return done.returncode, said, set(modules.split())


def test_a_check_of_a_kept_plan_imports_no_parser(tmp_path: Path):
    """The first run notes the plan, the second keeps it, the third reads it back: that
    third `check` says what the first said and loads none of the parser's modules."""
    _national_plan(tmp_path)
    runs = [_check_modules(tmp_path) for _ in range(3)]
    assert len(list((tmp_path / ".qntrack-cache").glob("plan-*.bin"))) == 1
    (code, said, _), (_, _, parsed), (kept_code, kept_said, kept) = runs
    assert (kept_code, kept_said) == (code, said)
    assert "qntrack.files.definitions" in parsed  # the first runs did parse: the probe sees modules
    assert kept & PARSER_MODULES == set(), sorted(kept & PARSER_MODULES)


def test_a_check_of_a_kept_plan_imports_no_pyyaml(tmp_path: Path):
    """The kept plan's key named PyYAML by ``yaml.__version__``, so a `check` that parsed
    nothing imported PyYAML (loader, dumper, emitter: some 14 ms of processor time) for one
    string. PyYAML is now known by what is installed (``installation``, as the status
    cache knows it), and a kept plan's `check` does not import it."""
    _national_plan(tmp_path)
    runs = [_check_modules(tmp_path) for _ in range(3)]
    assert "yaml" in runs[0][2]  # the first run parsed
    assert {m for m in runs[2][2] if m == "yaml" or m.startswith("yaml.")} == set()
    assert runs[2][:2] == runs[0][:2]


def test_another_pyyaml_installed_is_a_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The key still changes with PyYAML: another release installed (its dist-info's name
    and RECORD) is another key, and the plan is parsed again rather than read back."""
    from qntrack.files import definitions, kept_plans

    _national_plan(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("QNTRACK_NO_CACHE", raising=False)
    path = tmp_path / "targets.yaml"
    for _ in range(3):
        definitions.load_plan(path)
    calls: list[str] = []
    real = definitions.parse_plan

    def counted(text: str, file: str = "targets.yaml"):
        calls.append(file)
        return real(text, file)

    monkeypatch.setattr(definitions, "parse_plan", counted)
    definitions.load_plan(path)
    assert calls == []  # read back: the same PyYAML
    monkeypatch.setitem(kept_plans._INSTALLED, ("yaml", "PyYAML"), "site-packages|PyYAML-99.0.dist-info|0")
    definitions.load_plan(path)
    assert calls == [str(path)]


def test_a_small_plan_is_still_parsed_and_its_mistakes_told(tmp_path: Path):
    """Under KEEP_FROM nothing is kept: `check` parses (the parser imported where it is
    used) and tells a plan's mistake by file and line, as before."""
    (tmp_path / "targets.yaml").write_text("title: t\nindicators: {}\ntargets: [\n", encoding="utf-8")
    code, said, modules = _check_modules(tmp_path)
    assert code == 1, said
    assert "targets.yaml:3" in said or "targets.yaml:4" in said, said
    assert "qntrack.files.definitions" in modules


@pytest.mark.parametrize("module", ["qntrack.files.definitions", "qntrack.files.plan_loading"])
def test_load_plan_is_one_function_whichever_module_it_is_imported_from(module: str):
    """Callers import load_plan from definitions (recording, tests, scripts); check from
    plan_loading: both are the same function, so the two cannot drift apart."""
    import importlib

    from qntrack.files.plan_loading import load_plan

    assert importlib.import_module(module).load_plan is load_plan
