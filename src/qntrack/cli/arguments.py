"""What a user types, read against the plan: target and indicator ids (with the closest
known id when one is wrong) and periods as offices write them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..errors import ExitCode, InputError, fail

if TYPE_CHECKING:
    from pathlib import Path

    from ..catalog import Message
    from ..plan.model import Plan, Problem


def _first_ids(known: list[str]) -> str:
    """The known ids an "unknown id" message lists: the first 20, in the plan's order."""
    return ", ".join(known[:20]) + (", ..." if len(known) > 20 else "")


def _check_ids(plan: Plan, target_ids: Sequence[str] | None, texts: Sequence[tuple[str, str]] = ()) -> None:
    """Refuse unknown target ids as history refuses unknown indicators (_unknown_indicator):
    the closest id, case ignored, and the known ones (docs/decisions.md). ``texts``: the
    options given whose value is a name (``status --group``, ``--by``); unknown ids that
    are the rest of such a name typed without quotes are told to quote it (``_quote_hint``)."""
    from ..errors import id_suggestion
    from ..catalog import msg
    from ..files.invisible import shown
    from ..plan.model import Location, Problem

    problems: list[Problem] = []
    unknown: dict[int, str] = {}  # the ids neither a target's, an indicator's nor a name, by problem
    for tid in target_ids or []:
        if plan.target(tid) is None:
            uses = [t.id for t in plan.targets if t.indicator == tid]
            if tid in plan.indicators and uses:
                # A user often types the indicator's id (cbct_share) for its target's (cbct-share).
                problems.append(
                    Problem(
                        Location(plan.source_file), msg("cli_indicator_not_target", given=tid, targets=", ".join(uses))
                    )
                )
                continue
            if named := _named(plan, tid) or unit_typed(plan, tid):
                problems.append(Problem(Location(plan.source_file), named))
                continue
            known = [t.id for t in plan.targets]
            unknown[len(problems)] = tid
            # A character no one sees written as its code (files/invisible.py).
            echoed = shown(tid)
            problems.append(
                Problem(
                    Location(plan.source_file),
                    msg("cli_no_target", given=echoed, hint=id_suggestion(tid, known), targets=_first_ids(known))
                    if known
                    else msg("cli_no_target_none", given=echoed),
                )
            )
    if unknown and (hint := _quote_hint(plan, texts, list(unknown.values()))) is not None:
        kept = [p for i, p in enumerate(problems) if i not in unknown]
        problems = [*kept, Problem(Location(plan.source_file), hint)]
    if problems:
        raise InputError(problems)


def unit_typed(plan: Plan, target_id: str) -> Message | None:
    """A unit written into a target's id (``budget-revenue-plan-2024[locality=Ha Long]``, as
    the store keys a unit's figures): told the commands that show one unit and every unit
    (``show --dim``, ``status --by``; thirty-ninth session), where it was only offered the
    target's id; None for any other id."""
    from ..catalog import msg
    from ..files.figure_units import shell_word
    from ..plan.units import split_key

    split = split_key(target_id) if "[" in target_id else None
    target = plan.target(split[0]) if split is not None and split[1] else None
    if split is None or target is None or not target.for_each:
        return None
    from ..plan.unit_resolution import resolve_dims

    # The unit as targets.yaml spells it ("Locality=ha long" is locality=Ha Long); one
    # the plan lacks is told so, never offered a --dim that would be refused in turn.
    dims, problems = resolve_dims(plan.indicators[target.indicator], split[1], plan.dimensions)
    if not problems:  # a cell's province alone, a sex beside a province: each of for_each
        from ..output.show_unit import dimensions_problem

        problems = [p for p in [dimensions_problem(plan, target, dims)] if p is not None]
    if problems:
        return msg(
            "cli_target_unit_typed_unknown",
            given=target_id,
            target=target.id,
            problem=problems[0],
            by=target.for_each[0],
        )
    typed = " ".join(f"--dim {shell_word(f'{d}={v}')}" for d, v in dims)
    return msg("cli_target_unit_typed", given=target_id, target=target.id, dims=typed, by=target.for_each[0])


def _quote_hint(plan: Plan, texts: Sequence[tuple[str, str]], unknown: list[str]) -> Message | None:
    """``status --group Annual FDI plans``: the shell gives --group "Annual" and the
    command "FDI" and "plans" as target ids. When the option's value with the unknown ids
    after it names a group, an owner or a dimension, or its value alone names none, the
    unknown ids are said with the option to quote (issue 17, twenty-second session);
    else None (a group named whole beside a mistyped id)."""
    from ..catalog import msg
    from ..files.invisible import shown
    from ..files.vocabulary import fold
    from ..plan.dimension_names import dimension_named

    names = {fold(str(n)) for t in plan.targets for text in (t.group, t.owner) if text for n in (text.en, text.vi)}

    def known(option: str, value: str) -> bool:
        if option == "--by":
            return dimension_named(value, plan.dimensions) is not None
        return fold(value) in names

    joined = [(option, f"{value} {' '.join(unknown)}") for option, value in texts]
    found = next(((o, v) for o, v in joined if known(o, v)), None)
    found = found or next(((o, j) for (o, v), (_, j) in zip(texts, joined, strict=True) if not known(o, v)), None)
    if found is None:
        return None
    given = ", ".join(f"'{shown(tid)}'" for tid in unknown)
    return msg("cli_no_target_quote", given=given, option=found[0], quoted=f'"{found[1]}"')


def _named(plan: Plan, given: str) -> Message | None:
    """What to say when a target id given is a name: a target's (either language, read as
    ``fold`` writes it; a name two targets share names neither) is told its id, an
    indicator's the targets that follow it, as an indicator's name is told its id."""
    from ..catalog import msg
    from ..files.rules import ids_by_name
    from ..files.vocabulary import fold

    folded = fold(given)
    found = {t.id for t in plan.targets if t.name is not None and folded in (fold(t.name.en), fold(t.name.vi))}
    if len(found) == 1:
        (tid,) = found
        return msg("cli_target_by_name", given=given, id=tid)
    if (indicator := ids_by_name(plan).get(folded)) and (
        uses := [t.id for t in plan.targets if t.indicator == indicator]
    ):
        return msg("cli_indicator_name_not_target", given=given, id=indicator, targets=", ".join(uses))
    return None


def _unknown_indicator(plan: Plan, given: str, store_path: Path | None = None) -> Message:
    """What to say for an indicator id the plan lacks (files.unknown_ids, shared with the
    library's ``history``)."""
    from ..files.unknown_ids import unknown_indicator

    return unknown_indicator(plan, given, store_path)


def _typed_period(period: str, where: str, code: ExitCode = ExitCode.INVALID, targets: str | None = None) -> str:
    """A period as a person types it, read as the library reads it (files.typed_periods):
    the names offices write (files.vocabulary) are read as in an import, in every command
    that takes a period; digits other than 0-9, a span with no year and a status typed with
    the period are refused, said of ``where`` with ``code``. A span with no year ('H1') is
    offered this year in the zone of the plan ``targets`` names, read only then (issue 17,
    forty-third session: the machine's year, 2026 on a server in UTC on 1 January 2027 in
    Viet Nam)."""
    from ..files.typed_periods import typed_period

    read, refused = typed_period(period, where == "add-observation")
    if refused is not None:
        from ..files.as_of_days import zone_of_plan
        from ..files.shown_days import days_in

        with days_in(zone_of_plan(targets)()):
            refused = typed_period(period, where == "add-observation")[1] or refused
        raise fail(where, refused, code)
    return read


def _unit_key(plan: Plan, indicator: str, given: list[str] | None, where: str = "--dim") -> str:
    """The store's name for ``indicator``'s figures of the unit ``--dim`` names (the
    indicator itself without --dim); a dimension or unit the plan lacks is refused
    (exit 1) with what is valid, said of ``where`` (INDICATOR when the unit was typed in
    its brackets), a --dim without '=' is a usage error (exit 2)."""
    if not given:
        return indicator
    from ..plan.units import unit_key
    from ..plan.unit_resolution import resolve_dims

    dims, problems = resolve_dims(plan.indicators[indicator], _dim_pairs(given, plan), plan.dimensions)
    if problems:
        raise fail(where, problems[0])
    return unit_key(indicator, dims)


def _split_unit(indicator: str, dim: list[str] | None) -> tuple[str, list[str] | None, str]:
    """``g[locality=Ha Long]`` as printed by ``observations --format csv``: the indicator and
    its unit as ``--dim`` texts (added to any --dim given), read as add-observation reads
    it; a malformed key is refused with how to write one: a usage error (exit 2), as a
    --dim without its '=' is, judged from the command line alone (README, "Exit codes"). Third, where the unit
    was typed, for a message about it (``_unit_key``): INDICATOR when only in brackets."""
    if "[" not in indicator and "]" not in indicator:
        return indicator, dim, "--dim"
    from ..catalog import msg
    from ..plan.units import split_key

    split = split_key(indicator.strip())
    if split is None or not split[1]:
        raise fail("INDICATOR", msg("recording_bad_unit_key", indicator=indicator), ExitCode.USAGE)
    base, dims = split
    return base, [*(dim or []), *(f"{k}={v}" for k, v in dims)], "--dim" if dim else "INDICATOR"


def _dimension_id(plan: Plan, given: str) -> str:
    """The dimension ``--by`` names, by its id or its name in either language (case and
    spacing ignored, as resolve_dims reads one), or that name without its qualifier in
    brackets when no other dimension shares it; else invalid input (exit 1, as a target or
    a group the plan lacks; README, "Exit codes") with the closest one and the declared ones."""
    from ..catalog import msg
    from ..errors import suggestion_then
    from ..plan.dimension_names import dimension_named

    found = dimension_named(given, plan.dimensions)
    if found is not None:
        return found
    if not plan.dimensions:
        raise fail("--by", msg("ranking_no_dimensions", given=given), ExitCode.INVALID)
    from ..plan.dimension_names import sharing_short_name

    if shared := sharing_short_name(given, plan.dimensions):
        raise fail(
            "--by", msg("units_dimension_short_name_shared", name=given, ids=", ".join(shared)), ExitCode.INVALID
        )
    from ..plan.unit_resolution import dimensions_listed

    declared = list(plan.dimensions)
    hint = suggestion_then(given, {n: d.id for d in plan.dimensions.values() for n in (d.id, d.name.en, d.name.vi)})
    listed = dimensions_listed(declared, plan.dimensions)  # each labelled as the plan labels it
    raise fail("--by", msg("ranking_unknown_dimension", given=given, hint=hint, **listed), ExitCode.INVALID)


def _dim_pairs(given: list[str], plan: Plan | None = None, targets: str | None = None) -> tuple[tuple[str, str], ...]:
    """``--dim locality="Ha Long"`` options as (dimension, unit) pairs, as typed; one
    without '=' or with nothing on a side of it is a usage error (exit 2). A unit's name
    alone (``--dim "Ha Long"``) is told its dimension when the plan (``plan``, or read from
    ``targets`` once refused) has it in exactly one."""
    from ..catalog import msg

    out = []
    for text in given:
        key, eq, value = text.partition("=")
        if not eq and key.strip() and (named := _dimension_of(key.strip(), plan, targets)) is not None:
            raise fail("--dim", msg("cli_dim_form_unit", given=text, dimension=named[0], unit=named[1]), ExitCode.USAGE)
        if not eq or not key.strip() or not value.strip():
            raise fail("--dim", msg("cli_dim_form", given=text), ExitCode.USAGE)
        out.append((key.strip(), value.strip()))
    return tuple(out)


def _dimension_of(text: str, plan: Plan | None, targets: str | None) -> tuple[str, str] | None:
    """(dimension, unit as declared) when ``text`` names a unit of exactly one dimension of
    the plan; None otherwise, or when the plan does not read (its own problem is told when
    the command reads it). A name in two dimensions is not guessed at."""
    if plan is None:
        from ..errors import InputError
        from ..files.plan_loading import load_plan
        from ..files.workspace import find_targets

        try:
            plan = load_plan(find_targets(targets))
        except (InputError, OSError, ValueError):
            return None
    found = [(d.id, u.value) for d in plan.dimensions.values() if (u := d.unit(text)) is not None]
    return found[0] if len(found) == 1 else None


def _refuse_unknown_unit(targets: str | None, indicator: str, dims: Sequence[tuple[str, str]]) -> None:
    """A ``--dim`` of add-observation or retract naming a dimension or a unit the plan lacks,
    told at ``--dim`` (INDICATOR when typed only in ``g[...]``), every one (exit 1, a value
    the plan lacks, as an unknown indicator is), as history and observations tell it: it
    was told at the command's name. The units are
    read as the store's writer reads them (files.figure_units.unit_of); anything else (no
    --dim, a plan that does not read, an indicator it lacks, a malformed ``g[...]``) is
    left to the command, which says it as before."""
    if not dims and "[" not in indicator:
        return
    from ..files.figure_units import typed_unit, unit_of
    from ..files.plan_loading import load_plan
    from ..files.workspace import find_targets

    try:
        plan = load_plan(find_targets(targets))
    except (InputError, OSError, ValueError):
        return
    name, given, bad_key = typed_unit(indicator, dims)
    ind = plan.indicators.get(name.strip())
    if bad_key is None and ind is not None and (wrong := unit_of(plan, ind, given)[2]):
        where = "--dim" if dims else "INDICATOR"  # a unit typed in its brackets only: said there
        error = fail(where, wrong[0])
        error.problems.extend(fail(where, said).problems[0] for said in wrong[1:])  # each unit at fault
        raise error
