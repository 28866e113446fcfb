"""The floor for any Python reader of an observations file.

Reads the CSV with the standard ``csv`` module, converts every value to a float and
groups the rows by indicator: the least work a Python program can do with that file.
``benchmarks/run.py`` times qntrack against this script.

    python benchmarks/csv_floor.py observations.csv
"""

import csv
import sys


def main(path: str) -> int:
    groups: dict[str, list[tuple[str, float, str]]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        for indicator, period, value, _status, _source, _note, recorded_at in reader:
            groups.setdefault(indicator, []).append((period, float(value), recorded_at))
    sys.stdout.write(f"{len(groups)} indicators\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
