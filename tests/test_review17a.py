"""First review of the seventeenth session's merged change (issue 17): defects a demanding
user met in the team pass (merge markers, CRLF appends, merged retractions) and the
Vietnamese pass, each with the expected values worked out by hand in a comment."""

from __future__ import annotations

import shlex
from pathlib import Path

from conftest import STORE_HEADER
from helpers import run_clean, store_bytes

# The small tracker's store (conftest.SMALL_OBSERVATIONS) is a header and 6 rows: lines 1-7.


def _command_in(stderr: str) -> list[str]:
    """The words of the add-observation command a warning ends with, 'qntrack' left out."""
    line = next(line for line in stderr.splitlines() if "qntrack add-observation" in line)
    return shlex.split(line[line.index("qntrack add-observation") :])[1:]


def test_the_merged_retraction_command_keeps_the_figures_source_and_note(tracker: Path) -> None:
    # Officer B retracted share 2023 (line 8, 2024-02-02); officer A's revision 12.6, with
    # its source and a note holding a comma and an apostrophe, came after it (line 9,
    # recorded 2024-02-01). Recorded again by the command check gives, the row must carry
    # the same source and note: the command left them out and the figure lost its source.
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("share,2023,,retracted,officer-b,typo,2024-02-02T00:00:00Z\n")
        fh.write('share,2023,12.6,preliminary,GSO release 7/2024,"A\'s revision, final",2024-02-01T00:00:00Z\n')
    words = _command_in(run_clean("check").stderr)
    assert run_clean(*words).exit_code == 0
    # The row appended (line 10): one second after the retraction, 2024-02-02T00:00:01Z.
    last = (tracker / "observations.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert last == 'share,2023,12.6,preliminary,GSO release 7/2024,"A\'s revision, final",2024-02-02T00:00:01Z'
    assert run_clean("check").stderr == ""


def test_the_merged_retraction_says_its_figure_and_moment_as_vietnamese_writes_them(tracker: Path) -> None:
    # mining 2020 = 17.3 (line 7). Retracted at 2021-02-02 (line 8); a revision 17.345,
    # recorded 2021-02-01, merged after it (line 9). In Vietnamese 17.345 reads as
    # seventeen thousand three hundred and forty-five: the figure is 17,345 there, its
    # moment 2021-02-01T00:00:00Z (ISO, as history writes it since issue 17, 23rd session), and the
    # command, typed under --lang vi, must record 17.345 again, not 17345.
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("mining,2020,,retracted,b,,2021-02-02T00:00:00Z\n")
        fh.write("mining,2020,17.345,estimate,a,,2021-02-01T00:00:00Z\n")
    r = run_clean("check", "--lang", "vi")
    assert "(17,345, ghi nhận lúc 2021-02-01T00:00:00Z)" in r.stderr, r.stderr
    words = _command_in(r.stderr)
    assert words[:4] == ["add-observation", "mining", "2020", "17,345"]
    assert run_clean(*words, "--lang", "vi").exit_code == 0
    assert (
        (tracker / "observations.csv")
        .read_text(encoding="utf-8")
        .splitlines()[-1]
        .startswith("mining,2020,17.345,estimate,a,,2021-02-02T00:00:01Z")
    )
    # In English the figure and moment stay as stored.
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("share,2023,,retracted,b,,2024-02-02T00:00:00Z\n")
        fh.write("share,2023,12.6,estimate,a,,2024-02-01T00:00:00Z\n")
    assert "(12.6, recorded 2024-02-01T00:00:00Z)" in run_clean("check").stderr


def test_a_note_whose_next_line_starts_with_a_conflict_marker_is_no_merge(tracker: Path) -> None:
    # A quoted note over two lines (8-9), its second line starting with '<<<<<<<': text
    # inside a cell, as before this session a warning of a cell over lines 8-9, never a
    # refusal of the whole store as a merge left unfinished.
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write('share,2024-Q2,13.1,estimate,a,"quoted from the file:\n<<<<<<< HEAD",2024-07-05T00:00:00Z\n')
    r = run_clean("check")
    assert r.exit_code == 0, r.stderr
    assert r.stderr.startswith("observations.csv:9: warning: a cell of this row runs over lines 8-9"), r.stderr
    before = store_bytes(tracker)
    assert run_clean("add-observation", "share", "2024-Q3", "13.4", "-s", "estimate").exit_code == 0
    assert store_bytes(tracker).startswith(before)


def test_a_quoted_title_whose_next_line_starts_with_a_conflict_marker_is_no_merge(tracker: Path) -> None:
    # YAML reads a double-quoted scalar over two lines, the second at column 0; the title
    # is "Test plan <<<<<<< draft": text, and no '=======' or '>>>>>>>' follows it, which
    # git always writes after its '<<<<<<<'.
    path = tracker / "targets.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"Test plan"', '"Test plan\n<<<<<<< draft"'), "utf-8")
    r = run_clean("targets", "--format", "json")
    assert r.exit_code == 0, r.stderr


def test_rows_in_crlf_under_an_lf_header_are_followed_in_crlf(tracker: Path) -> None:
    # A header written with LF, its 6 rows with CRLF: the file's rows' convention is
    # CRLF, so the appended row ends with CRLF; an LF row mixed the file further.
    text = (tracker / "observations.csv").read_text(encoding="utf-8")
    header, rows = text.split("\n", 1)
    (tracker / "observations.csv").write_bytes((header + "\n" + rows.replace("\n", "\r\n")).encode())
    r = run_clean("add-observation", "share", "2024-Q3", "13.4", "-s", "estimate", "--recorded-at", "2024-10-05")
    assert r.exit_code == 0, r.stderr
    assert store_bytes(tracker).endswith(b"share,2024-Q3,13.4,estimate,,,2024-10-05T00:00:00Z\r\n")


def test_a_repeated_figure_with_another_note_is_not_said_to_be_deletable_for_nothing(tracker: Path) -> None:
    # Two officers each added share 2024-Q2 = 13.1 at the same moment, with their own
    # notes (lines 8 and 9). The later line's note is the one history reads (the rule of
    # series.in_force: on a tie of recorded_at, the later line), so deleting line 9
    # changes the note shown: the warning must not say "deleting this line changes
    # nothing", and must say which note is read.
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("share,2024-Q2,13.1,estimate,gso,officer A,2024-07-05T00:00:00Z\n")
        fh.write("share,2024-Q2,13.1,estimate,gso,officer B,2024-07-05T00:00:00Z\n")
    r = run_clean("check")
    assert r.exit_code == 0
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("observations.csv:9: warning:"), r.stderr
    assert "line 8" in lines[0] and "another note" in lines[0] and "changes nothing" not in lines[0]
    vi = run_clean("check", "--lang", "vi").stderr
    assert "dòng 8" in vi and "khác ghi chú" in vi
    # The same rows with the same note: the warning as before, the later line deletable.
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("share,2024-Q2,13.1,estimate,gso,officer B,2024-07-05T00:00:00Z\n")  # line 10, as 9
    said = run_clean("check").stderr
    assert "observations.csv:10: warning: the same row as line 8" not in said  # 8's note differs
    assert "observations.csv:10: warning:" in said and "line 9" in said and "changes nothing" in said


def test_init_beside_a_plan_named_in_another_case_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    # The team's plan synced from a Windows share as Targets.yaml, the store as
    # Observations.csv. On the share each is the same file as targets.yaml and
    # observations.csv: init wrote a starter plan and an empty store beside them, which
    # the share then met as the same names. Refused, naming the file; nothing written.
    monkeypatch.chdir(tmp_path)
    for found, other in (("Targets.yaml", "OBSERVATIONS.csv"), ("TARGETS.YAML", "Observations.csv")):
        folder = tmp_path / found.lower().replace(".", "_") / found[:2]
        folder.mkdir(parents=True)
        (folder / found).write_text("version: 1\n", encoding="utf-8")
        r = run_clean("init", str(folder))
        assert r.exit_code == 1
        assert found in r.stderr and "case" in r.stderr, r.stderr
        assert sorted(p.name for p in folder.iterdir()) == [found]
        (folder / found).unlink()
        (folder / other).write_text("", encoding="utf-8")
        r = run_clean("init", str(folder), "--lang", "vi")
        assert r.exit_code == 1 and other in r.stderr and "chữ hoa" in r.stderr, r.stderr
        assert sorted(p.name for p in folder.iterdir()) == [other]


def test_the_vietnamese_catalog_places_tone_marks_the_modern_way() -> None:
    # docs/decisions.md ("Tone marks"): the catalog writes òa, óa, úy (xóa, khóa, tùy);
    # the session's new messages wrote "xoá" (merge_conflict_left, checks_repeated) beside
    # the catalog's 18 "xóa". An old placement is a tone on the a of a final "oa" (or the
    # e of "oe", the y of a "uy" not after q), with no letter after it.
    import re

    text = (Path(__file__).parent.parent / "src/qntrack/catalog/vi.toml").read_text(encoding="utf-8")
    old = re.compile(r"\w*(?:o[àáảãạ]|o[èéẻẽẹ]|(?<!q)u[ỳýỷỹỵ])(?!\w)")
    assert sorted({m.group(0) for m in old.finditer(text)}) == []


def test_a_dry_run_refuses_a_store_named_in_another_case_as_the_append_does(tracker: Path) -> None:
    # The store synced as Observations.csv where targets.yaml says observations.csv: the
    # append refuses (store_case_variant); its dry run said "would add 1 row", exit 0, a
    # promise the real run then broke. A dry run refuses what the append would.
    (tracker / "observations.csv").rename(tracker / "Observations.csv")
    (tracker / "new.csv").write_text(STORE_HEADER + "share,2024-Q3,13.4,estimate,x,,2024-10-05T00:00:00Z\n")
    for args in (
        ("add-observation", "share", "2024-Q3", "13.4", "-s", "estimate", "--dry-run"),
        ("add-observation", "--from", "new.csv", "--dry-run"),
    ):
        real = run_clean(*args[:-1])
        assert real.exit_code == 1 and "Observations.csv" in real.stderr, (args, real.stderr)
        dry = run_clean(*args)
        assert dry.exit_code == 1, (args, dry.stderr)
        assert "observations.csv: error: does not exist, but Observations.csv does beside it" in dry.stderr
    assert sorted(p.name for p in tracker.iterdir() if p.name.lower().startswith("observations.csv")) == [
        "Observations.csv",
        "observations.csv.lock",
    ]
