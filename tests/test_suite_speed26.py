"""Issue 17, twenty-sixth session: what the test suite's timings showed of the product."""

from __future__ import annotations

import pytest

from helpers import plan_problems


def test_the_indicators_names_are_folded_once_for_all_the_unknown_ids(monkeypatch: pytest.MonkeyPatch):
    """An unknown indicator id is also looked for among the indicators' names (someone
    wrote the name where the id belongs). Each name was folded again for every unknown id,
    past the hints' bound too: 700 of each made 580,000 folds, 1.3 s of a plan's reading,
    and the work grows with the square of the plan. Each name is now folded once."""
    from qntrack.files import vocabulary
    from qntrack.plan import suggest

    folds = 0
    fold = vocabulary.fold

    def counted(text: str) -> str:
        nonlocal folds
        folds += 1
        return fold(text)

    monkeypatch.setattr(vocabulary, "fold", counted)
    monkeypatch.setattr(suggest, "HINT_WORK", 0)  # past the hints' bound from the first id
    n = 200
    indicators = "".join(f"  x{k:04d}:\n    name: I{k}\n    unit: '%'\n" for k in range(n))
    targets = "".join(
        f"  - id: t{k}\n    indicator: y{k:04d}\n    type: level\n    baseline: 2015\n"
        "    milestones:\n      - {by: 2025, value: 1}\n"
        for k in range(n)
    )
    said = plan_problems(f"version: 1\nindicators:\n{indicators}targets:\n{targets}")
    assert len([p for p in said if "unknown indicator" in p]) == n
    # Each indicator's two names (English and Vietnamese) once, and each unknown id once.
    assert folds <= 2 * n + n, folds


def test_a_name_where_the_id_belongs_is_still_hinted():
    """What the folding serves, unchanged: 'Tỷ trọng chế biến' typed as the indicator,
    folded as 'ty trong che bien', finds the one indicator of that name."""
    plan = (
        "version: 1\nindicators:\n"
        "  share: {name: {en: Manufacturing share, vi: 'Tỷ trọng chế biến'}, unit: '%'}\n"
        "  other: {name: Other, unit: '%'}\n"
        "targets:\n  - {id: t, indicator: 'Ty trong  CHE bien', baseline: 2015, milestones: [{by: 2025, value: 1}]}\n"
    )
    said = plan_problems(plan)
    assert any("did you mean 'share'?" in p for p in said), said
