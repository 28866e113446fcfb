"""The floor for any Python reader of an observations file.

Reads the CSV with the standard ``csv`` module, converts every value to a float and
groups the rows by indicator (found by the header's names when a file has other columns,
as an import file with a dimension's column does): the least work a Python program can do with that file.
``benchmarks/run.py`` times qntrack against this script.

    python benchmarks/csv_floor.py observations.csv
"""

import csv
import sys


def main(path: str) -> int:
    groups: dict[str, list[tuple[str, float, str]]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        if len(header) == 7:  # the store's own columns
            for indicator, period, value, _status, _source, _note, recorded_at in reader:
                groups.setdefault(indicator, []).append((period, float(value), recorded_at))
        else:  # an import file with other columns (a dimension's): found by name
            i, p, v, r = (header.index(name) for name in ("indicator", "period", "value", "recorded_at"))
            for row in reader:
                groups.setdefault(row[i], []).append((row[p], float(row[v]), row[r]))
    sys.stdout.write(f"{len(groups)} indicators\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
