"""`qntrack check`: every problem in targets.yaml and the observations file, at once."""

from __future__ import annotations

from .errors import InputError
from .model import Location, Problem
from .series import build_series
from .store import read_store
from .workspace import find_targets, store_path_for
from .definitions import load_plan

__all__ = ["run_checks"]


def run_checks(targets: str | None) -> list[Problem]:
    path = find_targets(targets)
    try:
        plan = load_plan(path)
    except InputError as exc:
        return exc.problems
    store_path = store_path_for(plan, path)
    if store_path.is_dir():
        return [Problem(Location(str(path)), f"'observations: {plan.observations_path}' points at a directory", check="store")]
    try:
        store = read_store(store_path)
    except InputError as exc:
        return exc.problems
    problems = list(store.problems)
    file = str(store_path)
    for o in store.observations:
        ind = plan.indicators.get(o.indicator)
        if ind is None:
            problems.append(Problem(Location(file, o.line), f"unknown indicator '{o.indicator}' (not in {plan.source_file})",
                                    check="unknown-indicator"))
        elif ind.formula:
            problems.append(Problem(Location(file, o.line), f"indicator '{o.indicator}' is derived from a formula; "
                                    "its values are computed, not recorded", check="derived-recorded"))
        elif not o.period.fits(ind.frequency):
            problems.append(Problem(Location(file, o.line), f"period {o.period} is finer than indicator '{o.indicator}' "
                                    f"is published (frequency: {ind.frequency.value})", check="frequency"))
    _, derived = build_series(plan.indicators, store.observations)
    problems.extend(derived)
    return problems
