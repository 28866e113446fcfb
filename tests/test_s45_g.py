"""Helper G of the forty-fifth session: this session's changes tried hostilely, each
defect pinned before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

HEADER = "indicator,period,value,status,source,note,recorded_at\n"
ROW = "pop[locality=Hạ Long],2024,10,official,x,,2025-01-01T00:00:00Z\n"

UNITS_PLAN = """\
version: 1
title: Units
observations: observations.csv
dimensions:
  locality:
    name: {{en: Locality, vi: Địa phương}}
    values:
{values}
indicators:
  pop:
    name: Population
    unit: people
    dimensions: [locality]
targets:
  - id: pop-2030
    type: plan
    indicator: pop
    period: 2030
    value: 300
"""


@pytest.mark.parametrize(
    ("values", "told"),
    [
        ("      [Hạ Long, Cẩm Phả\n        Uông Bí]", "targets.yaml:8:17:"),
        (
            "      - Hạ Long\n      - Uông Bí\n      - value: Cẩm Phả\n        from: [Hạ Long\n          Uông Bí]",
            "targets.yaml:11:16:",
        ),
    ],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_unit_over_lines_in_a_bracketed_list_is_told_its_comma(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, values: str, told: str, lang: str
) -> None:
    # `values: [Hạ Long, Cẩm Phả` over `Uông Bí]`: the comma at line 8's end forgotten. The
    # refusal said to start line 9 with '- ', which in brackets YAML reads as part of the
    # name ('Cẩm Phả - Uông Bí'), refused again with the same advice.
    make_tracker(tmp_path, monkeypatch, UNITS_PLAN.format(values=values), HEADER + ROW)
    r = run_clean("check", "--lang", lang)
    assert r.exit_code == 1, r.output
    said = " ".join(r.stderr.split())
    assert said.startswith(told), r.stderr
    assert "'- '" not in said, r.stderr
    assert "','" in said, r.stderr


@pytest.mark.parametrize(
    "error",
    [
        # Windows: CreateHardLinkW on FAT32 or exFAT fails with ERROR_INVALID_FUNCTION (1), and
        # on a share that makes no links with ERROR_NOT_SUPPORTED (50): Python gives both
        # errno EINVAL (CPython PC/errmap.h, winerror_to_errno's default).
        (22, "Incorrect function", 1),
        (22, "The request is not supported", 50),
        # Linux CIFS mounts without Unix extensions refuse a link with EACCES on some servers.
        (13, "Permission denied", None),
    ],
)
def test_a_store_on_a_disk_that_makes_no_links_takes_rows(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, error: tuple[int, str, int | None]
) -> None:
    # The journal made by a hard link: a store on a Windows USB stick (FAT32, exFAT) was
    # refused every row, since only Linux's and macOS's errnos for "no links here" fell back.
    import os

    code, text, winerror = error

    def no_links(src: object, dst: object) -> None:
        exc = OSError(code, text)
        if winerror is not None:
            exc.winerror = winerror  # type: ignore[attr-defined]
        raise exc

    monkeypatch.setattr(os, "link", no_links)
    r = run_clean("add-observation", "share", "2025", "14")
    assert r.exit_code == 0, r.output
    assert b"share,2025,14" in (tracker / "observations.csv").read_bytes()
    assert not (tracker / "observations.csv.pending").exists()
    assert sorted(p.name for p in tracker.iterdir() if p.name.endswith(".tmp")) == []
