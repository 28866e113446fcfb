"""What a notebook's cell shows of the library's main objects (docs/python-api.md, "In a
notebook"): one line saying what each is and how much it holds, never every indicator,
target, row and unit it holds (the shipped tracker's workspace was 92,147 characters).
Their fields are as before, to read one by one."""

from __future__ import annotations

from typing import Any


def plan_repr(plan: Any) -> str:
    counts = f"indicators={len(plan.indicators)} targets={len(plan.targets)} dimensions={len(plan.dimensions)}"
    return f"<Plan {plan.source_file!r} title={plan.title!r} {counts} timezone={plan.timezone!r}>"


def store_repr(store: Any) -> str:
    torn = f" torn_line={store.torn_line}" if store.torn_line else ""
    left = f" left_out={store.left_out}" if store.left_out else ""
    return f"<StoreContents rows={len(store.observations)} problems={len(store.problems)}{torn}{left}>"


def workspace_repr(ws: Any) -> str:
    paths = f"targets={str(ws.targets_path)!r} store={str(ws.store_path)!r}"
    return f"<Workspace {paths} series={len(ws.series)} plan={plan_repr(ws.plan)} contents={store_repr(ws.store)}>"


def assessment_repr(judged: Any) -> str:
    said = [f"target={judged.target.id!r}", f"status={judged.status.value!r}"]
    if judged.reason:
        said.append(f"reason={judged.reason!r}")
    if judged.score is not None:
        said.append(f"score={judged.score!r}")
    if judged.latest is not None:
        said.append(f"latest={judged.latest.period}:{judged.latest.value!r}")
    if judged.provisional is not None:
        said.append(f"provisional={judged.provisional.period}:{judged.provisional.value!r}")
    if judged.breakdown:
        said.append(f"units={len(judged.breakdown)}")
    return f"<Assessment {' '.join(said)}>"


def assessed_repr(done: Any) -> str:
    revised = sum(len(periods) for periods in done.revised.values())
    return (
        f"<Assessed assessments={len(done.assessments)} revised={revised} workspace={workspace_repr(done.workspace)}>"
    )


def report_repr(data: Any) -> str:
    since = data.since.date if data.since is not None else None
    days = f"as_of={data.as_of!r} since={since!r} today={str(data.today) if data.today else None!r}"
    return f"<ReportData title={data.title!r} {days} assessments={len(data.assessments)} rows={len(data.observations)}>"
