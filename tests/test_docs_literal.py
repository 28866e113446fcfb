"""The documentation taken literally (issue 17, sixteenth session): a new user does exactly
what README.md and docs/ say, and each place where the tool and the page disagreed is
pinned here (docs/decisions.md, "The documentation taken literally").
"""

from __future__ import annotations

import builtins
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import run_clean

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


# --- The PDF engine's install message names what the pages say to install -------------


def _packages_the_docs_install_for_the_pdf() -> set[str]:
    """The Debian packages docs/report.md names for the PDF report ("The engine is an
    optional extra (README.md): ... apt-get install ..."), read from the page itself."""
    text = (DOCS / "report.md").read_text(encoding="utf-8")
    said = re.search(r"Debian or Ubuntu, `apt-get install ([^`]+)`", text.replace("\n", " "))
    assert said, "report.md no longer says which Debian packages the PDF needs"
    return set(said[1].split())


def _without_weasyprint(error: type[Exception]) -> Any:
    real = builtins.__import__

    def fake(module: str, *args: Any, **kwargs: Any) -> Any:
        if module == "weasyprint":
            raise error("simulated: no weasyprint")
        return real(module, *args, **kwargs)

    return fake


@pytest.mark.parametrize("error", [ImportError, OSError])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_pdf_install_message_names_every_package_the_docs_list(
    shipped: Path, monkeypatch: pytest.MonkeyPatch, error: type[Exception], lang: str
):
    # README.md and docs/report.md list five Debian packages for the PDF report:
    # libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation2 fonts-dejavu-core fonts-symbola
    # (Symbola draws the signs the serifs lack, the ⌛ of "awaiting figure"). The message a
    # user sees without the engine named the first four only: one who followed it got a
    # PDF whose marks were missing glyphs.
    wanted = _packages_the_docs_install_for_the_pdf()
    assert wanted == {"libpango-1.0-0", "libpangoft2-1.0-0", "fonts-liberation2", "fonts-dejavu-core", "fonts-symbola"}
    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(builtins, "__import__", _without_weasyprint(error))
    r = run_clean("report", "-o", "r.pdf", "--lang", lang)
    assert r.exit_code == 1, r.output
    install = re.search(r"apt install ([a-z0-9.\- ]+)", r.stderr)
    assert install, r.stderr
    assert set(install[1].split()) == wanted, r.stderr
    assert not (shipped / "r.pdf").exists()
