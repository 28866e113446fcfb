"""The layers of docs/architecture.md hold: dependencies point one way, the core is pure.

Every import of every module is read from its source (lazy imports inside functions
included; those under ``if TYPE_CHECKING:`` are only for the type checker and left out).
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "qntrack"

# What each layer may import of qntrack (besides itself). Top-level modules are layers of
# their own: errors (messages with a place), cache (the status cache, beside the CLI).
ALLOWED = {
    "catalog": set(),
    "plan": {"catalog"},
    "method": {"plan", "catalog"},
    "errors": {"plan", "catalog"},
    "kinds": {"method", "plan", "catalog"},
    "files": {"plan", "method", "kinds", "catalog", "errors"},
    "output": {"plan", "method", "kinds", "files", "catalog", "errors"},
    "cache": {"plan", "method", "kinds", "files", "output", "catalog", "errors", "__init__"},
    "cli": {"plan", "method", "kinds", "files", "output", "catalog", "errors", "cache", "lean_typer", "__init__"},
    # The console's entry point: --version alone, anything else handed to the command line;
    # the catalog (no imports of its own) for what Ctrl-C while that loads says.
    "console": {"cli", "catalog", "__init__"},
}
# The pure core: no files, no terminal, no processes, no clock.
PURE = ("plan", "method", "kinds")
IMPURE = {"os", "io", "sys", "pathlib", "rich", "subprocess", "time", "shutil", "tempfile", "socket", "random"}


def _layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


@functools.cache
def _read(path: Path) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, str, int], ...], tuple[int, ...]]:
    """What the tests below read of a module, from one parse of it: its imports
    (``_imports``), the names it takes from qntrack (``_imported_names``) and the lines
    where its top level imports write_atomically. Each test of a module's imports parsed
    the file again: three or four parses of each of the package's 240 files. Tuples: no
    test can change what another reads."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bound = tuple(
        node.lineno
        for node in tree.body  # the module's top level only
        if isinstance(node, ast.ImportFrom) and any(a.name == "write_atomically" for a in node.names)
    )
    return tuple(_imports_in(tree, path)), tuple(_imported_names_in(tree, path)), bound


def _imports(path: Path) -> list[tuple[str, int]]:
    """(absolute dotted module, line) of each import in the file, TYPE_CHECKING ones left out."""
    return list(_read(path)[0])


def _imports_in(tree: ast.Module, path: Path) -> list[tuple[str, int]]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(n) for b in node.body for n in ast.walk(b)}
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    here = list(rel.parts[:-1]) if rel.name != "__init__" else list(rel.parts[:-1])
    out = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
                names = [a.name for a in node.names] if not node.module else [""]
                for n in names:
                    out.append((module + ("." + n if n else ""), node.lineno))
            else:
                out.append((node.module or "", node.lineno))
    return out


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_dependencies_point_one_way(path: Path):
    layer = _layer(path)
    if layer in ("__init__", "__main__", "lean_typer"):
        return
    wrong = []
    for module, line in _imports(path):
        parts = module.split(".")
        if parts[0] != "qntrack" or len(parts) < 2:
            continue
        target = parts[1]
        if target == "__version__":  # the version, written once in qntrack/__init__.py
            continue
        if target != layer and target not in ALLOWED[layer]:
            wrong.append(f"line {line}: {module}")
    assert not wrong, f"{layer} may import only {sorted(ALLOWED[layer])}: " + "; ".join(wrong)


@pytest.mark.parametrize("path", [p for p in MODULES if _layer(p) in PURE], ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_core_is_pure(path: Path):
    found = [f"line {line}: {module}" for module, line in _imports(path) if module.split(".")[0] in IMPURE]
    assert not found, "the core (plan, method) reads no files and no clock: " + "; ".join(found)


def test_every_module_is_in_a_layer():
    """A new module goes into a subpackage (or is one of the few top-level ones)."""
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top <= {"__init__", "__main__", "errors", "cache", "lean_typer", "console"}


def test_the_version_is_written_once():
    """pyproject.toml reads it from qntrack.__version__ (dynamic), so the two never differ."""
    from importlib.metadata import version

    import qntrack

    text = (PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in text and "\nversion =" not in text.split("[tool.setuptools.dynamic]")[0]
    assert version("qntrack") == qntrack.__version__


def test_the_license_is_an_spdx_expression():
    """setuptools deprecates the table form (`license = {text = ...}`) and stops building a
    project that uses it on 2027-02-18 (its own warning); CI installs the newest setuptools,
    so the form it accepts (PEP 639, a plain SPDX expression) and the setuptools that reads
    it (77 and later) are what pyproject.toml declares."""
    import tomllib

    text = (PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["project"]["license"] == "MIT"
    assert "setuptools>=77" in data["build-system"]["requires"]


# Letters only Vietnamese writes (ă â đ ê ô ơ ư and the tone-marked vowels), not the
# accents English and French borrow (é in "café"), nor signs such as × and −.
_VIETNAMESE = __import__("re").compile(
    "[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9àảãạáằẳẵặắầẩẫậấèẻẽẹéềểễệếìỉĩịíòỏõọóồổỗộốờởỡợớùủũụúừửữựứỳỷỹỵý]"
)
# The three places Vietnamese words may be written: the catalog a translator reviews,
# the starter plan (a template a Vietnamese office fills in), and the import vocabulary
# (the headers, status words and period names offices write).
VIETNAMESE_HOMES = {"catalog/vi.toml", "files/starter.py", "files/vocabulary.py"}


def test_vietnamese_lives_in_three_files():
    files = sorted(p for p in PACKAGE.rglob("*") if p.suffix in {".py", ".toml", ".html", ".css", ".j2"})
    found = {str(p.relative_to(PACKAGE)) for p in files if _VIETNAMESE.search(p.read_text(encoding="utf-8"))}
    assert found <= VIETNAMESE_HOMES, sorted(found - VIETNAMESE_HOMES)
    assert len(VIETNAMESE_HOMES) <= 3


def _imported_names(path: Path) -> list[tuple[str, str, int]]:
    """(module, name, line) of every ``from qntrack... import name`` in the file, lazy ones included."""
    return list(_read(path)[1])


def _imported_names_in(tree: ast.Module, path: Path) -> list[tuple[str, str, int]]:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    here = list(rel.parts[:-1])
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = here[: len(here) - node.level + 1]
            module = ".".join(base + ([node.module] if node.module else []))
        elif (node.module or "").split(".")[0] == "qntrack":
            module = node.module or ""
        else:
            continue
        out += [(module, a.name, node.lineno) for a in node.names]
    return out


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_name_imported_from_qntrack_exists(path: Path):
    """A function moved to another module leaves no import behind that only an error path
    (a lazy import inside a rarely run branch) would trip over, as a traceback."""
    import importlib

    missing = []
    for module, name, line in _imported_names(path):
        found = importlib.import_module(module)
        if not hasattr(found, name):
            try:
                importlib.import_module(f"{module}.{name}")
            except ImportError:
                missing.append(f"line {line}: {module}.{name}")
    assert not missing, missing


def test_no_module_is_over_500_lines():
    """Issue 13's rule, kept: a module a newcomer can read in one sitting. Two modules
    grew past it with issue 14 before this test existed."""
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert long == {}


def test_write_atomically_is_looked_up_when_called():
    # Tests stand in for files.starter.write_atomically (a folder that takes no new file:
    # test_hostile_files.py). A module that imported the name at its top while such a test
    # ran kept the stand-in for the rest of the worker's tests: `check --repair` in
    # test_write_side.py then failed with "Operation not permitted", depending on which
    # tests xdist gave the worker first. Every module takes the name when it calls it.
    bound = [f"{path.relative_to(PACKAGE)}:{line}" for path in MODULES for line in _read(path)[2]]
    assert not bound, bound
