"""Text a person typed into the store by hand reaches the terminal tables as text.

Entry refuses a control character in a source or a note (test_hostile.py), but a store
edited by hand keeps whatever was written, and the readers keep it too. A table on a
terminal must still not let that text move the cursor, recolour the screen, retitle the
window or ring the bell: each such character is shown as an escape, as messages show it
(cli.printing._visible). Data formats (csv, json) keep the stored text as it is.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_clean as run

# ESC [ 31 m (colour), OSC 0 ; title BEL (window title), CR (back to the line's start),
# BS, and the one-byte CSI of C1 (U+009B) some terminals honour.
SOURCE = "src \x1b[31mred\x1b[0m"
NOTE = "n\x1b]0;owned\x07 x\rover\x08\x9b2J"


@pytest.fixture
def hand_edited(tracker: Path) -> Path:
    store = tracker / "observations.csv"
    with store.open("a", encoding="utf-8", newline="") as f:
        f.write(f'share,2020,10.9,estimate,{SOURCE},"{NOTE}",2021-01-10T00:00:00Z\n')
    return tracker


@pytest.mark.parametrize(
    "args",
    [
        ("observations", "--format", "table"),
        ("history", "share", "--format", "table"),
        ("history", "share", "2020", "--format", "table"),
        ("show", "share", "--format", "table"),
    ],
)
def test_a_control_character_in_a_stored_text_is_shown_not_obeyed(hand_edited: Path, args: tuple[str, ...]):
    r = run(*args)
    assert r.exit_code == 0, r.stderr
    for c in "\x1b\x07\r\x08\x9b":
        assert c not in r.stdout, (args, repr(c))
    assert "\\x1b[31mred\\x1b[0m" in r.stdout


def test_the_history_table_shows_the_whole_note_escaped(hand_edited: Path):
    r = run("history", "share", "2020", "--format", "table", env={"COLUMNS": "300"})
    assert "n\\x1b]0;owned\\x07 x\\x0dover\\x08\\x9b2J" in r.stdout


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_data_formats_keep_the_stored_text(hand_edited: Path, fmt: str):
    r = run("history", "share", "2020", "--format", fmt)
    assert r.exit_code == 0, r.stderr
    if fmt == "json":
        (vintage,) = json.loads(r.stdout)["vintages"]
        assert (vintage["source"], vintage["note"]) == (SOURCE, NOTE)
    else:
        assert SOURCE in r.stdout
