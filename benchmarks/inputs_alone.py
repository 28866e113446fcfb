"""What qntrack cannot skip before it judges anything: its inputs parsed, nothing else.

``benchmarks/run.py`` times this beside the goals it cannot reach, so that every run
shows how much of a goal reading the inputs alone uses up:

    python benchmarks/inputs_alone.py --plan targets.yaml observations.csv
        targets.yaml parsed (no kept plan) and the store read, as a cold `status` does
    python benchmarks/inputs_alone.py observations.csv
        the store read alone, as an import reads it under its lock

Both go through qntrack's own readers (the fast reader of the store, the plan's
composer and builder) with the collector off, as the console runs every command.
Nothing is assessed, checked, cached or written.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    gc.disable()  # as qntrack's console entry does (cli._collector_policy)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plan", type=Path, help="also parse this targets.yaml, as a cold run does")
    parser.add_argument("store", type=Path)
    args = parser.parse_args(argv)

    from qntrack.files.store import parse_store, read_store_bytes

    said = []
    if args.plan is not None:
        from qntrack.files.definitions import parse_plan

        plan = parse_plan(args.plan.read_text(encoding="utf-8"), str(args.plan))
        said.append(f"{len(plan.targets)} targets")
    data = read_store_bytes(args.store)
    # Handed over in a list that holds the only reference, as a cold run does, so that the
    # reader frees the bytes once it has read them (cache/__init__.py, _cold).
    holder = [data] if data else None
    del data
    contents = parse_store(holder, str(args.store)) if holder else None
    said.append(f"{len(contents.observations) if contents else 0} rows")
    sys.stdout.write(", ".join(said) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
