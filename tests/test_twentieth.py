"""Issue 17, twentieth session: what the caches' keys cover.

A cache may answer only for the code and libraries that would compute the same answer.
The keys had covered qntrack's own files by their sizes and times, and orjson by its
version; two installs whose files have the same sizes and times (a Nix store, or any
build that sets every file's time to one value, SOURCE_DATE_EPOCH) shared a cache, and
another PyYAML (which reads targets.yaml) or Rich (which drew the tables kept) did not
change the status cache's key.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from qntrack import __version__, cache
from qntrack.files import kept_plans

_PACKAGE = Path(cache.__file__).resolve().parents[1]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A folder laid out as site-packages is by a wheel's install: the package, and its
    dist-info with a RECORD (each file's hash), every file's time set to one value."""
    where = tmp_path / "site"
    shutil.copytree(_PACKAGE, where / "qntrack", ignore=shutil.ignore_patterns("__pycache__"))
    info = where / f"qntrack-{__version__}.dist-info"
    info.mkdir()
    (info / "RECORD").write_text("qntrack/method/progress.py,sha256=aaaa,1000\n", encoding="utf-8")
    for folder, _, files in os.walk(where):
        for name in files:
            os.utime(os.path.join(folder, name), ns=(1_000_000_000, 1_000_000_000))
    return where


def _same_size_other_text(path: Path) -> None:
    """Change one character of a module, keeping its size and its time (as a rebuild with
    fixed times does when a '<' becomes a '>')."""
    st = path.stat()
    text = path.read_bytes()
    at = text.index(b"<") if b"<" in text else text.index(b"=")
    path.write_bytes(text[:at] + (b">" if text[at : at + 1] == b"<" else b"!") + text[at + 1 :])
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size


def test_an_install_with_fixed_times_is_told_from_another_by_its_record(site: Path):
    """Two wheels of the same version, one character apart, installed with every time the
    same: the RECORD that the installer wrote (a hash of each file) tells them apart."""
    package = site / "qntrack"
    before = kept_plans.code_fingerprint(root=package)
    assert cache.keeping._code_fingerprint(package) == cache.keeping._code_fingerprint(package)
    status_before = cache.keeping._code_fingerprint(package)
    _same_size_other_text(package / "method" / "progress.py")
    record = site / f"qntrack-{__version__}.dist-info" / "RECORD"
    st = record.stat()
    record.write_text("qntrack/method/progress.py,sha256=bbbb,1000\n", encoding="utf-8")
    os.utime(record, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert kept_plans.code_fingerprint(root=package) != before
    assert cache.keeping._code_fingerprint(package) != status_before


def test_a_package_without_a_record_is_fingerprinted_by_its_files(site: Path):
    """An editable install (a checkout) has no RECORD beside the package: its files' sizes
    and times stay the fingerprint, and a missing dist-info is no error."""
    shutil.rmtree(site / f"qntrack-{__version__}.dist-info")
    package = site / "qntrack"
    before = kept_plans.code_fingerprint(root=package)
    path = package / "method" / "progress.py"
    os.utime(path, ns=(2_000_000_000, 2_000_000_000))
    assert kept_plans.code_fingerprint(root=package) != before


@pytest.mark.parametrize(("module", "dist"), [("yaml", "PyYAML"), ("rich", "rich")])
def test_an_installed_library_is_known_by_its_record_without_being_imported(tmp_path: Path, module: str, dist: str):
    """PyYAML reads targets.yaml and Rich draws the tables the status cache keeps: another
    release of either is another key. Found as the import system would find them, but not
    imported (the cached status does not need them)."""
    where = tmp_path / "site"
    (where / module).mkdir(parents=True)
    (where / module / "__init__.py").write_text("", encoding="utf-8")
    info = where / f"{dist}-1.0.dist-info"
    info.mkdir()
    (info / "RECORD").write_text(f"{module}/__init__.py,sha256=one,0\n", encoding="utf-8")
    first = kept_plans.installation(module, dist, [str(where)])
    assert first == kept_plans.installation(module, dist, [str(where)])
    (info / "RECORD").write_text(f"{module}/__init__.py,sha256=two,0\n", encoding="utf-8")
    assert kept_plans.installation(module, dist, [str(where)]) != first
    # Renamed for another release: the dist-info's name carries the version.
    info.rename(where / f"{dist.lower()}-1.1.dist-info")
    assert kept_plans.installation(module, dist, [str(where)]) not in ("", first)


def test_no_such_library_is_an_empty_mark(tmp_path: Path):
    assert kept_plans.installation("no_such_module_here", "nothing", [str(tmp_path)]) == ""


@pytest.mark.parametrize("module", ["yaml", "rich"])
def test_another_pyyaml_or_rich_is_another_status_cache(
    module: str, package_copy20: Path, monkeypatch: pytest.MonkeyPatch
):
    before = cache.keeping._code_fingerprint(package_copy20)
    real = kept_plans.installation

    def upgraded(name: str, dist: str, path: list[str] | None = None) -> str:
        return real(name, dist, path) + ("|upgraded" if name == module else "")

    monkeypatch.setattr(kept_plans, "installation", upgraded)
    assert cache.keeping._code_fingerprint(package_copy20) != before


def test_the_libraries_found_are_the_ones_installed():
    """On this machine both are installed with a dist-info: the mark is never empty, so
    the key really holds them."""
    import rich
    import yaml

    for module, dist, imported in (("yaml", "PyYAML", yaml), ("rich", "rich", rich)):
        mark = kept_plans.installation(module, dist)
        assert mark, module
        assert str(Path(imported.__file__).resolve().parents[1]) in mark


@pytest.fixture
def package_copy20(tmp_path: Path) -> Path:
    copy = tmp_path / "package" / "qntrack"
    shutil.copytree(_PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy
