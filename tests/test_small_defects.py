"""Four small defects of issue 17 (fourteenth session), each pinned by a test written
failing first: a unit formed from one that comes into being later, UTF-16 text without a
byte-order mark said to be binary, a fraction of a second dropped in silence from a moment
of recording, and a column given twice under two spellings named by its English code."""

from __future__ import annotations



from conftest import dedent
from helpers import problems

PLAN = dedent("""
    version: 1
    title: Kế hoạch phường xã
    timezone: "+07:00"
    dimensions:
      locality:
        name: {en: Locality, vi: Địa phương}
        values:
          - {value: Uông Bí, until: "2025-06-30"}
          - {value: Phường Mới, since: "2025-07-01", from: [Uông Bí, Phường Sau]}
          - {value: Phường Sau, since: "2026-01-01"}
    indicators:
      growth:
        name: {en: Growth, vi: Tăng trưởng GRDP}
        unit: "%"
        measure: rate
        dimensions: [locality]
    targets: []
""")

START = "indicator,period,value,status,source,note,recorded_at\n"


# --- 1. a unit formed from one that comes into being later --------------------------------


def test_a_unit_formed_from_a_later_unit_is_refused_at_its_line():
    found = problems(PLAN)
    assert len(found) == 1, found
    assert found[0].startswith("targets.yaml:9:"), found
    assert "'Phường Mới'" in found[0] and "'Phường Sau'" in found[0], found
    assert "2026-01-01" in found[0] and "2025-07-01" in found[0], found


def test_a_unit_formed_from_units_that_began_before_it_or_the_same_day_is_fine():
    from qntrack.files.definitions import parse_plan

    text = PLAN.replace('since: "2026-01-01"', 'since: "2025-07-01"')
    units = parse_plan(text, "targets.yaml").dimensions["locality"].values or ()
    assert [u.value for u in units] == ["Uông Bí", "Phường Mới", "Phường Sau"]
