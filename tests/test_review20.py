"""Review of the twentieth session's merged change (issue 17): the defects found, each
test written failing first, the expected values worked out by hand in a comment
(docs/decisions.md, "Review of the twentieth session's merged change")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# --- A unit that ended, given its own baseline only: judged on the milestones due while it
# existed, as a unit with no override is (kinds.breakdown.due_milestones).

_PLAN = """\
title: Districts merged in 2025
dimensions:
  locality:
    name: {en: Locality, vi: Địa phương}
    values:
      - Alpha
      - {value: Old Town, until: "2025-06-30"}
indicators:
  share:
    name: Share
    unit: "%"
    dimensions: [locality]
targets:
  - id: share-25-30
    indicator: share
    baseline: 2020
    milestones: [{by: 2025, value: 15}, {by: 2030, value: 30}]
    for_each: locality
    overrides:
      Old Town: {baseline: {period: 2020, value: 9}}
"""

_STORE = """\
indicator,period,value,status,source,note,recorded_at
share,2020,10,official,,,2021-03-01T00:00:00Z
share,2023,12,official,,,2024-03-01T00:00:00Z
share[locality=Alpha],2020,10,official,,,2021-03-01T00:00:00Z
share[locality=Alpha],2023,12,official,,,2024-03-01T00:00:00Z
share[locality=Old Town],2020,10,official,,,2021-03-01T00:00:00Z
share[locality=Old Town],2023,12,official,,,2024-03-01T00:00:00Z
share[locality=Old Town],2025,16,official,,,2026-03-01T00:00:00Z
"""


@pytest.fixture
def own_baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, _PLAN, _STORE)


@pytest.mark.parametrize("cache_off", ["1", ""])
def test_an_ended_unit_given_its_own_baseline_is_judged_on_the_milestones_due_while_it_existed(
    own_baseline: Path, monkeypatch: pytest.MonkeyPatch, cache_off: str
):
    from helpers import run_clean

    monkeypatch.setenv("QNTRACK_NO_CACHE", cache_off)
    done = run_clean("status", "--format", "json", "--as-of", "2026-06-01")
    assert done.exit_code == 0, done.output
    item = next(t for t in json.loads(done.stdout)["targets"] if t["id"] == "share-25-30")
    old = next(u for u in item["breakdown"] if u["dims"] == {"locality": "Old Town"})
    # Old Town ended on 30 June 2025: its override gives a baseline (9 in 2020) and no
    # milestones, so the target's apply, and of them only 2025's was due while it existed.
    # Its 2025 figure 16 >= 15: target achieved, score 5. Judged towards 2030's 30 too, it
    # read "substantial progress" towards a milestone it can never meet.
    assert [m["by"] for m in old["milestones"]] == ["2025"]
    assert old["status"] == "target_achieved"
    assert old["score"] == 5
    assert old["own_values"] is True


def test_the_rank_table_says_which_milestones_an_ended_unit_with_its_own_baseline_was_judged_on(
    own_baseline: Path,
):
    from helpers import run_clean

    table = run_clean("rank", "share-25-30", "--format", "table", "--as-of", "2026-06-01")
    assert table.exit_code == 0, table.output
    text = " ".join(table.stdout.split())
    assert "Target achieved (milestones 2025 only: while the unit existed)" in text


# --- A store's folder twice, its letters composed two ways (the one typed, empty, and a
# Mac's copy holding the store).


def test_a_folder_there_twice_composed_two_ways_is_refused_as_a_files_twin_is(shipped: Path):
    """targets.yaml says `observations: "Dữ liệu/số liệu.csv"` (NFC); the Mac's folder
    (NFD) holds the store, and an empty folder as typed (NFC) is beside it. The typed one
    was taken: every target not available, and add-observation started a second store in
    it. Both folders are named, exit 1 (invalid input, as for two files), nothing written."""
    import unicodedata

    from helpers import run_clean

    folder, name = (unicodedata.normalize("NFC", t) for t in ("Dữ liệu", "số liệu.csv"))
    mac = shipped / unicodedata.normalize("NFD", folder)
    mac.mkdir()
    (shipped / "observations.csv").rename(mac / unicodedata.normalize("NFD", name))
    (shipped / folder).mkdir()
    plan = (shipped / "targets.yaml").read_text(encoding="utf-8")
    (shipped / "targets.yaml").write_text(
        plan.replace("\nobservations: observations.csv\n", f'\nobservations: "{folder}/{name}"\n'), encoding="utf-8"
    )
    done = run_clean("status", "--format", "json")
    assert done.exit_code == 1, done.output
    assert "2 folders" in done.stderr and "NFD" in done.stderr and "NFC" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    added = run_clean("add-observation", "grdp_growth", "2026-H1", "11.2", "--status", "estimate", "--source", "x")
    assert added.exit_code == 1, added.output
    assert list((shipped / folder).iterdir()) == []
    vi = run_clean("--lang", "vi", "status")
    assert vi.exit_code == 1 and "2 thư mục" in vi.stderr, vi.stderr


# --- status --by lists a level target's units too: an ended unit's status says which
# milestones it was judged on, as show's, rank's, the reports' and the workbook's do.


def test_status_by_unit_says_which_milestones_an_ended_unit_was_judged_on(own_baseline: Path):
    from helpers import run_clean

    done = run_clean("status", "--by", "locality", "--format", "table", "--as-of", "2026-06-01", "--lang", "en")
    assert done.exit_code == 0, done.output
    # Old Town (until 30 June 2025) is judged on 2025's milestone alone (test above);
    # Alpha, on both, says nothing more.
    rows = done.stdout.split("↳ ")
    old = " ".join(next(r for r in rows if r.startswith("Old")).split())
    alpha = " ".join(next(r for r in rows if r.startswith("Alpha")).split())
    assert "milestones 2025 only" in old, old
    assert "milestones" not in alpha, alpha
