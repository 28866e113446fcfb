"""Two more national dataset shapes, with figures that repeat no more than real ones (issue 17).

``provinces``: a national office's plan. 34 provinces are the units of a dimension
``province``; 145 indicators, each with quarterly and annual figures for 20 years for
the whole country and every province, and some (45%) also by ``sex`` within every
province (two dimensions, ``indicator[province=...;sex=...]``); a few per cent of rows
are later vintages from the provinces' yearbooks. Every target is judged ``for_each``
province (and sex where the indicator has it). About 1,000,000 rows.

``independent``: 10,000 indicators x 100 years of annual figures, 1,000,000 rows, each
indicator with one level target (baseline and milestones), so ``status`` judges them all.

Both also write ``import.csv``: 300,000 valid rows that are not yet in the store (later
vintages of figures already published, recorded in 2026, each value new), for timing
``add-observation --from``. The same seed always gives the same bytes, and every file
passes ``qntrack check``.

How repetition was kept to what real figures have, and checked:
- values: each series is a random walk written with 4 to 6 significant digits (chosen
  per series), never a rounded step; a value whose text was already written anywhere in
  the dataset is drawn again (with a digit more after ten draws: 0.4% of values have 7),
  so every ``value`` field of a dataset is distinct: checked on the full sizes by reading
  the files back with ``csv`` (``len(set(values)) == len(values)``: 998,680 of 998,680
  and 1,000,000 of 1,000,000, and every value of import.csv new), and by
  tests/test_benchmark_tools.py on small instances (>= 99% distinct);
- sources: one per office and yearbook edition (provinces: 35 statistics offices and
  their yearbooks by year, 735 distinct; independent: 300 agencies' bulletins, and their
  revised yearbooks by decade in import.csv); the test asserts one per office on the
  small instances;
- recorded_at: one moment per release (a province's report for a period, an agency's
  bulletin for a year), so it repeats only as often as one release holds figures (at most
  562 rows a moment in provinces, 4,195 moments; 68 in independent, 29,922 moments).

    python benchmarks/shapes.py provinces OUT_DIR
    python benchmarks/shapes.py independent OUT_DIR --indicators 100 --years 20
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
from pathlib import Path

HEADER = ("indicator", "period", "value", "status", "source", "note", "recorded_at")
LAST_YEAR = 2024
IMPORT_ROWS = 300_000

# The 34 provincial-level units of Việt Nam since July 2025.
PROVINCES = (
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
    "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ",
    "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi",
    "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh",
    "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
)  # fmt: skip
SEXES = ("Nam", "Nữ")


def plan_sig(value: float, digits: int) -> str:
    """``fmt_sig`` for targets.yaml, without trailing zeros: it refuses "3.410" as ambiguous
    (3410 written the Vietnamese way), as a person writing 3.41 would not write it."""
    text = fmt_sig(value, digits)
    return text.rstrip("0").rstrip(".") if "." in text else text


def fmt_sig(value: float, digits: int) -> str:
    """``value`` with ``digits`` significant digits, in plain notation (no exponent)."""
    if value == 0:
        return "0"
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    text = f"{value:.{decimals}f}"
    return "0" if text in ("-0", "-0.0") else text


class Values:
    """Writes each value once: a text already used anywhere in the dataset is drawn again."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def draw(self, centre: float, spread: float, digits: int, rng: random.Random) -> tuple[float, str]:
        value = centre
        for attempt in range(100):
            text = fmt_sig(value, digits + attempt // 10)
            if text not in self.used and text != "0":
                self.used.add(text)
                return value, text
            value = centre + rng.gauss(0, spread or 1e-3)
        raise RuntimeError("no distinct value found")  # pragma: no cover (100 draws, 10 more digits)


def stamp(rng: random.Random, year: int, month: int, day_from: int, day_to: int) -> str:
    """A moment ``day_from``..``day_to`` days after the first of ``month`` of ``year`` (month may exceed 12)."""
    delay = rng.randint(day_from, day_to)
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    month += delay // 28
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return f"{year:04d}-{month:02d}-{delay % 28 + 1:02d}T{rng.randint(1, 10):02d}:{rng.randint(0, 59):02d}:00Z"


def _write(
    out: Path, yaml_lines: list[str], rows: list[tuple[str, ...]], imports: list[tuple[str, ...]], head: tuple[str, ...]
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "targets.yaml").write_text("\n".join(yaml_lines) + "\n", encoding="utf-8")
    rows.sort(key=lambda r: r[6])  # the store is appended to as figures come out
    with open(out / "observations.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    with open(out / "import.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(head)
        writer.writerows(imports)


def _import_rows(
    rng: random.Random, series: list[tuple[tuple[str, ...], str, float, int]], n: int, values: Values, make
) -> list[tuple[str, ...]]:
    """``n`` later vintages (recorded in 2026) of distinct figures already in the store."""
    chosen = rng.sample(series, min(n, len(series)))
    out = []
    for key, period, value, digits in chosen:
        _, text = values.draw(value * (1 + rng.gauss(0, 0.01)), abs(value) * 0.002, digits, rng)
        out.append(make(key, period, text, stamp(rng, 2026, rng.randint(3, 9), 0, 27)))
    return out


def provinces(out: Path, indicators: int = 145, years: int = 20, seed: int = 2025, revisions: float = 0.03,
              provinces: int = 34, import_rows: int = IMPORT_ROWS) -> dict[str, int]:  # fmt: skip
    """The national office's shape; returns counts."""
    names = PROVINCES[:provinces]
    first = LAST_YEAR - years + 1
    values = Values()
    lines = [
        "# Synthetic national dataset (provinces shape) written by benchmarks/shapes.py; not real figures.",
        "version: 1",
        f'title: "Synthetic national plan: {indicators} indicators by {provinces} provinces (seed {seed})"',
        "observations: observations.csv",
        "",
        "dimensions:",
        "  province:",
        '    name: {en: Province, vi: "Tỉnh, thành phố"}',
        "    values: [" + ", ".join(f'"{p}"' for p in names) + "]",
        "  sex:",
        "    name: {en: Sex, vi: Giới tính}",
        "    values: [Nam, Nữ]",
        "",
        "indicators:",
    ]
    targets = ["", "targets:"]
    rows: list[tuple[str, ...]] = []
    pool: list[tuple[tuple[str, ...], str, float, int]] = []
    counts = {"indicators": indicators, "targets": indicators, "rows": 0, "revisions": 0}
    periods = [(f"{y}-Q{q}", y, 3 * q) for y in range(first, LAST_YEAR + 1) for q in (1, 2, 3, 4)]
    periods += [(str(y), y, 12) for y in range(first, LAST_YEAR + 1)]
    for k in range(1, indicators + 1):
        rng = random.Random(f"{seed}/provinces/{k}")
        ind = f"sdg_{k:03d}"
        rate = k % 4 == 0
        by_sex = k % 20 < 9
        direction = "decrease" if k % 7 == 3 else "increase"
        dims = "[province, sex]" if by_sex else "[province]"
        unit = "%" if rate else ("per 1,000" if k % 3 else "billion VND")
        lines += [
            f"  {ind}:",
            f'    name: {{en: "SDG indicator {k // 10 + 1}.{k % 10 + 1}.{k}", vi: "Chỉ tiêu SDG {k // 10 + 1}.{k % 10 + 1}.{k}"}}',
            f'    unit: "{unit}"',
            f"    measure: {'rate' if rate else 'level'}",
            f"    direction: {direction}",
            "    frequency: quarter",
            f"    dimensions: {dims}",
        ]
        units: list[tuple[str, str, str]] = [("", "", "")]  # (store key, province, sex)
        for p in names:
            units.append((f"{ind}[province={p}]", p, ""))
            if by_sex:
                units += [(f"{ind}[province={p};sex={s}]", p, s) for s in SEXES]
        scale = 10 ** rng.uniform(0.5, 4.5)
        base2015 = None
        for key, prov, sex in units:
            store_key = key or ind
            digits = rng.randint(4, 6)
            level = scale * rng.uniform(0.3, 2.0) * (34 if not prov else 1) ** (0 if rate else 0.5)
            drift = rng.uniform(-0.02, 0.05) if direction == "increase" else rng.uniform(-0.05, 0.01)
            office = prov or "quốc gia"
            for text, year, last in periods:
                if rate:
                    centre = level * (1 + rng.gauss(0, 0.15))
                else:
                    level *= 1 + drift / 4 + rng.gauss(0, 0.01)
                    centre = level
                value, shown = values.draw(centre, abs(centre) * 0.001, digits, rng)
                if not key and text == "2015":
                    base2015 = value
                rel = random.Random(f"{seed}/{office}/{text}")  # one moment per release of an office
                recorded = stamp(rel, year, last + 1, 15 if last != 12 else 60, 45 if last != 12 else 90)
                status = "official" if year < LAST_YEAR else "preliminary"
                rows.append((store_key, text, shown, status, f"Cục Thống kê {office}", "", recorded))
                if rng.random() < revisions:
                    _, again = values.draw(value * (1 + rng.gauss(0, 0.01)), abs(value) * 0.002, digits, rng)
                    book = random.Random(f"{seed}/{office}/yearbook/{year}")
                    rows.append(
                        (store_key, text, again, "official", f"Niên giám thống kê {office} {year}", "",
                         stamp(book, year + 1, 6, 0, 90))
                    )  # fmt: skip
                    counts["revisions"] += 1
                pool.append(((ind, prov, sex), text, value, digits))
        tid = f"sdg-{k:03d}"
        each = "[province, sex]" if by_sex and k % 2 else "province"
        targets += [f"  - id: {tid}", f"    indicator: {ind}"]
        if rate:
            bound = "at_least" if direction == "increase" else "at_most"
            targets += ["    type: average", f"    {bound}: {plan_sig(scale, 3)}", "    from: 2020", "    to: 2025"]
        else:
            step = 1 + (0.03 if direction == "increase" else -0.03)
            b = base2015 or scale
            targets += [
                "    type: level",
                "    baseline: 2015",
                "    milestones:",
                f"      - {{by: 2025, value: {plan_sig(b * step**10, 4)}}}",
                f"      - {{by: 2030, value: {plan_sig(b * step**15, 4)}}}",
            ]
        targets += [f"    for_each: {each}", ""]
    counts["rows"] = len(rows)
    rng = random.Random(f"{seed}/provinces/import")
    imports = _import_rows(
        rng, pool, import_rows, values,
        lambda key, period, text, when: (key[0], key[1], key[2], period, text, "official",
                                         f"Niên giám thống kê {key[1] or 'quốc gia'} {period[:4]}, bản sửa đổi", "", when),
    )  # fmt: skip
    counts["import_rows"] = len(imports)
    _write(out, lines + targets, rows, imports, ("indicator", "province", "sex", *HEADER[1:]))
    return counts


def independent(out: Path, indicators: int = 10_000, years: int = 100, seed: int = 2025,
                agencies: int = 300, import_rows: int = IMPORT_ROWS) -> dict[str, int]:  # fmt: skip
    """Many indicators, one level target each, annual figures; returns counts."""
    first = LAST_YEAR - years + 1
    values = Values()
    lines = [
        "# Synthetic national dataset (independent shape) written by benchmarks/shapes.py; not real figures.",
        "version: 1",
        f'title: "Synthetic plan: {indicators} indicators x {years} years (seed {seed})"',
        "observations: observations.csv",
        "",
        "indicators:",
    ]
    targets = ["", "targets:"]
    rows: list[tuple[str, ...]] = []
    pool: list[tuple[tuple[str, ...], str, float, int]] = []
    base_year = max(first, 2015)
    for k in range(indicators):
        rng = random.Random(f"{seed}/independent/{k}")
        ind = f"x{k:05d}"
        agency = k % agencies
        direction = "decrease" if k % 5 == 0 else "increase"
        lines += [
            f"  {ind}:",
            f'    name: "Independent indicator {k}"',
            '    unit: "units"',
            "    measure: level",
            f"    direction: {direction}",
            "    frequency: year",
        ]
        digits = rng.randint(4, 6)
        level = 10 ** rng.uniform(0, 5)
        drift = rng.uniform(0.0, 0.04) * (1 if direction == "increase" else -1)
        base = level
        for year in range(first, LAST_YEAR + 1):
            level *= 1 + drift + rng.gauss(0, 0.02)
            value, shown = values.draw(level, abs(level) * 0.001, digits, rng)
            if year == base_year:
                base = value
            rel = random.Random(f"{seed}/agency/{agency}/{year}")  # one bulletin per agency and year
            recorded = stamp(rel, year + 1, 2, 0, 120)
            rows.append((ind, str(year), shown, "official", f"Agency {agency:03d} annual bulletin", "", recorded))
            pool.append(((ind, str(agency)), str(year), value, digits))
        step = 1 + drift
        targets += [
            f"  - id: x-{k:05d}",
            f"    indicator: {ind}",
            "    type: level",
            f"    baseline: {base_year}",
            "    milestones:",
            f"      - {{by: 2025, value: {plan_sig(base * step ** (2025 - base_year), 4)}}}",
            f"      - {{by: 2030, value: {plan_sig(base * step ** (2030 - base_year), 4)}}}",
            "",
        ]
    rng = random.Random(f"{seed}/independent/import")
    imports = _import_rows(
        rng, pool, import_rows, values,
        lambda key, period, text, when: (key[0], period, text, "official",
                                         f"Agency {int(key[1]):03d} yearbook {period[:3]}0s, revised", "", when),
    )  # fmt: skip
    _write(out, lines + targets, rows, imports, HEADER)
    return {"indicators": indicators, "targets": indicators, "rows": len(rows), "revisions": 0,
            "import_rows": len(imports)}  # fmt: skip


SHAPES = {"provinces": provinces, "independent": independent}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shape", choices=sorted(SHAPES))
    parser.add_argument("out", type=Path)
    parser.add_argument("--indicators", type=int)
    parser.add_argument("--years", type=int)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)
    extra = {k: v for k, v in (("indicators", args.indicators), ("years", args.years)) if v is not None}
    counts = SHAPES[args.shape](args.out, seed=args.seed, **extra)
    sys.stderr.write(", ".join(f"{v:,} {k}" for k, v in counts.items()) + f" -> {args.out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
