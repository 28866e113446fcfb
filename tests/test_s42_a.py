"""Issue 17, forty-second session, helper A: the forty-first session's leftovers, at their roots.

1. A path through a file for the commands that create folders. `report -o
   targets.yaml/r.md`, `export -o` and `export opensdg --into` through a file exit 2 since
   the forty-first session ("'targets.yaml' is a file, not a folder"); `init targets.yaml/x`
   and `import opensdg REPO --into targets.yaml/x` still exited 1 with the system's "Not a
   directory", the import only after reading the whole repository. Now the same message
   family and the same code (a usage mistake, README "Exit codes"), before any work, from
   the command line and from the library's ``write_starter`` and ``import_opensdg``; and
   `init targets.yaml`, a file where the folder goes, exits 2 as `import opensdg --into
   targets.yaml` and `export opensdg --into targets.yaml` do.

Expected texts are the catalog's words, written out here by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean, write_repository

# --- 1. A path through a file, for the commands that create the folders it names ---------

_MADE = {
    "en": "'targets.yaml' is a file, not a folder: give a path through folders (the folders not there yet are created)",
    "vi": "'targets.yaml' là một tệp, không phải thư mục: hãy cho một đường dẫn đi qua các thư mục"
    " (thư mục nào chưa có sẽ được tạo)",
}
_ERROR = {"en": "error", "vi": "lỗi"}


def _repository(root: Path, *, broken: bool = False) -> Path:
    """A one-indicator Open SDG repository; ``broken``: its option names a row it lacks (an
    error the import finds only once it reads the repository)."""
    option = "progress_calculation_options:\n- disaggregation:\n  - {field: Age, value: 15-24}\n" if broken else ""
    return write_repository(
        root,
        {
            "config_data.yml": "languages:\n  - en\n",
            "data/indicator_1-1-1.csv": "Year,Age,Value\n2015,15-64,10\n2020,15-64,8\n",
            "meta/1-1-1.md": f"---\nindicator_name: Poverty rate\n{option}---\n",
        },
    )


def _unchanged(folder: Path, before: dict[str, bytes]) -> None:
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


@pytest.mark.parametrize("typed", ["targets.yaml/x", "targets.yaml/x/y", "./targets.yaml/x/"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_init_through_a_file_is_refused_as_a_report_through_one_is(shipped: Path, typed: str, lang: str) -> None:
    before = {p.name: p.read_bytes() for p in shipped.iterdir() if p.is_file()}
    r = run_clean("--lang", lang, "init", typed)
    assert r.exit_code == 2, r.stderr
    assert r.stderr.strip().splitlines() == [f"{typed}: {_ERROR[lang]}: {_MADE[lang]}"]
    assert r.stdout == ""
    _unchanged(shipped, before)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_import_into_a_path_through_a_file_is_refused_before_the_repository_is_read(
    shipped: Path, tmp_path: Path, lang: str
) -> None:
    # The repository has an error of its own: the folder is refused first, alone, as
    # `export opensdg --into targets.yaml/site` is (it said the repository's errors, exit 1).
    repo = _repository(tmp_path / "repo", broken=True)
    before = {p.name: p.read_bytes() for p in shipped.iterdir() if p.is_file()}
    for extra in ([], ["--dry-run"], ["--force"]):
        r = run_clean("--lang", lang, "import", "opensdg", str(repo), "--into", "targets.yaml/x", *extra)
        assert r.exit_code == 2, (extra, r.stderr)
        assert r.stderr.strip().splitlines() == [f"targets.yaml/x: {_ERROR[lang]}: {_MADE[lang]}"], extra
    _unchanged(shipped, before)


def test_a_sound_import_through_a_file_is_refused_with_the_same_code(shipped: Path, tmp_path: Path) -> None:
    repo = _repository(tmp_path / "repo")
    r = run_clean("import", "opensdg", str(repo), "--into", "targets.yaml/x/y", "--recorded-at", "2024-01-15")
    assert r.exit_code == 2, r.stderr
    assert r.stderr.strip().splitlines() == [f"targets.yaml/x/y: error: {_MADE['en']}"]
    # The same repository into a folder that is not there yet is imported, its folders made.
    r = run_clean("import", "opensdg", str(repo), "--into", "new/x/y", "--recorded-at", "2024-01-15")
    assert r.exit_code == 0, r.stderr
    assert (shipped / "new/x/y/targets.yaml").is_file()


def test_the_library_says_the_same_with_the_command_s_code(shipped: Path, tmp_path: Path) -> None:
    from qntrack import InputError
    from qntrack.files.opensdg_run import import_opensdg
    from qntrack.files.starter import write_starter

    repo = _repository(tmp_path / "repo", broken=True)
    for call in (
        lambda: write_starter(Path("targets.yaml/x")),
        lambda: import_opensdg(repo, "targets.yaml/x"),
        lambda: import_opensdg(repo, Path("targets.yaml/x/y"), dry_run=True),
    ):
        with pytest.raises(InputError) as caught:
            call()
        assert caught.value.code == 2
        assert str(caught.value).endswith(_MADE["en"]), str(caught.value)
    assert not (shipped / "x").exists()


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_init_of_a_file_exits_as_an_into_of_a_file_does(shipped: Path, lang: str) -> None:
    # `import opensdg --into targets.yaml` and `export opensdg --into targets.yaml` exit 2:
    # the folder for the output is a file. `init targets.yaml` said so with exit 1.
    r = run_clean("--lang", lang, "init", "targets.yaml")
    assert r.exit_code == 2, r.stderr
    said = {
        "en": "is a file, not a folder: give the path of a folder (init creates one that does not exist)",
        "vi": "là một tệp, không phải thư mục: hãy cho đường dẫn của một thư mục (init sẽ tạo thư mục nếu chưa có)",
    }
    assert r.stderr.strip().splitlines() == [f"targets.yaml: {_ERROR[lang]}: {said[lang]}"]
