"""The catalog read a message at a time (issue 17, twenty-seventh session).

Parsing a whole catalog (212 KB of TOML, 1,700 messages) took 12-18 ms, about a tenth of an
`add-observation` that prints one confirmation and of a warm `status` that prints a plan's
warnings. The catalog now finds the line of the message asked for and reads that line
alone with tomllib; these tests hold it to what the whole file's parse gives.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import qntrack.catalog as catalog_module
from qntrack.catalog import catalog, msg, render

CATALOGS = Path(catalog_module.__file__).parent


def _whole(lang: str) -> dict[str, str]:
    raw = tomllib.loads((CATALOGS / f"{lang}.toml").read_text(encoding="utf-8"))
    flat: dict[str, str] = {}
    for value in raw.values():
        flat.update(value)
    return flat


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_message_read_alone_is_the_whole_files_message(lang: str):
    whole = _whole(lang)
    found = catalog(lang)
    # Asked one by one, in the file's order and backwards, each is what tomllib gives.
    for key in [*whole, *reversed(whole)]:
        assert found[key] == whole[key], key
        assert found.get(key) == whole[key]
        assert key in found
    assert sorted(found) == sorted(whole)
    assert len(found) == len(whole)
    assert dict(found.items()) == whole


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_message_that_is_not_there_is_missing_as_from_a_dict(lang: str):
    found = catalog(lang)
    for key in ["no_such_message", "severity", "rror", "severity_error ", "[common]", "", "totals = "]:
        assert key not in found
        assert found.get(key) is None
        assert found.get(key, "x") == "x"
        with pytest.raises(KeyError):
            found[key]


def test_one_message_shown_reads_its_line_not_the_whole_file(monkeypatch: pytest.MonkeyPatch):
    parsed: list[int] = []
    real = tomllib.loads

    def counting(text: str, **kw):
        parsed.append(len(text))
        return real(text, **kw)

    monkeypatch.setattr(tomllib, "loads", counting)
    catalog.cache_clear()
    try:
        assert render(msg("totals", errors=1, warnings=2)) == "1 error(s), 2 warning(s)"
        assert render(msg("totals", errors=1, warnings=2), "vi").startswith("1 ")
    finally:
        catalog.cache_clear()
    assert parsed, "the catalog was not read through tomllib"
    assert max(parsed) < 1000, parsed  # one line each, never the 212 KB file


@pytest.mark.parametrize(
    "text",
    [
        # A value on several lines, which a translator may one day write: the whole file.
        '[a]\none = """first\nsecond = "not a key"\n"""\ntwo = "2"\n',
        "[a]\none = '''x'''\ntwo = \"2\"\n",
        # Spacing a hand edit may leave.
        '[a]\none="1"\n  two =   "2"  # why\n\tthree\t=\t"3"\n',
    ],
)
def test_a_catalog_written_otherwise_reads_as_tomllib_reads_it(text: str):
    whole: dict[str, str] = {}
    for value in tomllib.loads(text).values():
        whole.update(value)
    found = catalog_module.Messages(text)
    assert {k: found[k] for k in whole} == whole
    assert sorted(found) == sorted(whole)
    assert "second" not in found
