"""Write a synthetic national dataset: a targets.yaml and an observations.csv.

The shape follows a national statistics office tracking every province against its plan:
63 provinces x 160 indicators (plus one derived indicator per province), about one
target per indicator of every kind, and a store of about a million rows: quarterly,
half-yearly, monthly and annual figures over 25 years, with a few per cent of rows being
later vintages (revisions). The same seed always gives the same bytes.

    python benchmarks/generate.py OUT_DIR                      # ~10,000 targets, ~1M rows
    python benchmarks/generate.py OUT_DIR --years 50           # the same plan, ~2M rows
    python benchmarks/generate.py OUT_DIR --provinces 2 --indicators 100 --years 5

Every file it writes passes ``qntrack check``: periods fit each indicator's frequency,
average targets sit on ``measure: rate`` indicators, cumulative ones on ``measure: flow``.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from dataclasses import dataclass
from pathlib import Path

HEADER = ("indicator", "period", "value", "status", "source", "note", "recorded_at")
LAST_FULL_YEAR = 2024  # 2025 is the current year: only its first half is published


@dataclass(frozen=True)
class Theme:
    key: str
    en: str
    vi: str
    unit: str
    measure: str  # level | rate | flow
    direction: str
    frequency: str  # year | half | quarter | month
    start: float  # typical value around the first year
    trend: float  # typical growth a year (levels and flows) or typical rate (rates)


# Forty kinds of figure a provincial statistics office publishes. Each is tracked for four
# series (the whole province and three breakdowns), so 160 indicators per province.
THEMES = (
    Theme("grdp_growth", "GRDP growth", "Tốc độ tăng trưởng GRDP", "% y/y", "rate", "increase", "quarter", 7.0, 7.0),
    Theme(
        "grdp_per_capita",
        "GRDP per capita",
        "GRDP bình quân đầu người",
        "USD",
        "level",
        "increase",
        "year",
        900.0,
        0.07,
    ),
    Theme(
        "industry_share",
        "Industry share of GRDP",
        "Tỷ trọng công nghiệp trong GRDP",
        "% of GRDP",
        "level",
        "increase",
        "quarter",
        20.0,
        0.02,
    ),
    Theme("fdi", "FDI attracted", "Vốn FDI thu hút", "million USD", "flow", "increase", "quarter", 80.0, 0.08),
    Theme(
        "export_value", "Export value", "Kim ngạch xuất khẩu", "million USD", "flow", "increase", "quarter", 300.0, 0.10
    ),
    Theme(
        "budget_revenue", "Budget revenue", "Thu ngân sách", "billion VND", "flow", "increase", "quarter", 2000.0, 0.09
    ),
    Theme("poverty_rate", "Poverty rate", "Tỷ lệ hộ nghèo", "%", "level", "decrease", "year", 18.0, -0.08),
    Theme(
        "retail_growth",
        "Retail sales growth",
        "Tăng trưởng tổng mức bán lẻ",
        "% y/y",
        "rate",
        "increase",
        "quarter",
        11.0,
        11.0,
    ),
    Theme(
        "agri_share",
        "Agriculture share of GRDP",
        "Tỷ trọng nông nghiệp trong GRDP",
        "% of GRDP",
        "level",
        "decrease",
        "quarter",
        30.0,
        -0.03,
    ),
    Theme(
        "investment",
        "Social investment",
        "Vốn đầu tư toàn xã hội",
        "billion VND",
        "flow",
        "increase",
        "quarter",
        5000.0,
        0.08,
    ),
    Theme(
        "iip_growth",
        "Industrial production index growth",
        "Tăng trưởng chỉ số sản xuất công nghiệp",
        "% y/y",
        "rate",
        "increase",
        "quarter",
        9.0,
        9.0,
    ),
    Theme(
        "unemployment",
        "Urban unemployment rate",
        "Tỷ lệ thất nghiệp thành thị",
        "%",
        "level",
        "decrease",
        "quarter",
        5.0,
        -0.02,
    ),
    Theme(
        "tourist_arrivals",
        "Tourist arrivals",
        "Lượt khách du lịch",
        "thousand",
        "flow",
        "increase",
        "quarter",
        400.0,
        0.09,
    ),
    Theme("urbanisation", "Urbanisation rate", "Tỷ lệ đô thị hóa", "%", "level", "increase", "year", 25.0, 0.02),
    Theme(
        "labour_productivity_growth",
        "Labour productivity growth",
        "Tăng năng suất lao động",
        "% y/y",
        "rate",
        "increase",
        "half",
        5.5,
        5.5,
    ),
    Theme("forest_cover", "Forest cover", "Tỷ lệ che phủ rừng", "%", "level", "increase", "year", 40.0, 0.005),
    Theme(
        "import_value", "Import value", "Kim ngạch nhập khẩu", "million USD", "flow", "decrease", "quarter", 250.0, 0.09
    ),
    Theme(
        "services_share",
        "Services share of GRDP",
        "Tỷ trọng dịch vụ trong GRDP",
        "% of GRDP",
        "level",
        "increase",
        "quarter",
        35.0,
        0.01,
    ),
    Theme(
        "electricity_output",
        "Electricity output",
        "Sản lượng điện",
        "million kWh",
        "flow",
        "increase",
        "month",
        150.0,
        0.07,
    ),
    Theme(
        "cpi_change",
        "Consumer price change",
        "Chỉ số giá tiêu dùng tăng",
        "% y/y",
        "rate",
        "decrease",
        "quarter",
        4.0,
        4.0,
    ),
    Theme(
        "trained_labour",
        "Trained workforce share",
        "Tỷ lệ lao động qua đào tạo",
        "%",
        "level",
        "increase",
        "year",
        30.0,
        0.04,
    ),
    Theme(
        "health_insurance",
        "Health insurance coverage",
        "Tỷ lệ bao phủ bảo hiểm y tế",
        "%",
        "level",
        "increase",
        "half",
        60.0,
        0.03,
    ),
    Theme(
        "new_firms",
        "New enterprises registered",
        "Doanh nghiệp thành lập mới",
        "firms",
        "flow",
        "increase",
        "quarter",
        300.0,
        0.06,
    ),
    Theme("credit_growth", "Credit growth", "Tăng trưởng tín dụng", "% y/y", "rate", "increase", "quarter", 14.0, 14.0),
    Theme("rice_output", "Rice output", "Sản lượng lúa", "thousand t", "flow", "increase", "half", 400.0, 0.01),
    Theme(
        "doctors_per_10k",
        "Doctors per 10,000 people",
        "Số bác sĩ trên vạn dân",
        "per 10,000",
        "level",
        "increase",
        "year",
        6.0,
        0.04,
    ),
    Theme(
        "clean_water",
        "Urban clean water access",
        "Tỷ lệ dân đô thị dùng nước sạch",
        "%",
        "level",
        "increase",
        "quarter",
        70.0,
        0.02,
    ),
    Theme(
        "road_deaths",
        "Road traffic deaths",
        "Số người chết vì tai nạn giao thông",
        "people",
        "flow",
        "decrease",
        "quarter",
        60.0,
        -0.03,
    ),
    Theme(
        "wage_growth",
        "Average wage growth",
        "Tăng trưởng thu nhập bình quân",
        "% y/y",
        "rate",
        "increase",
        "quarter",
        8.0,
        8.0,
    ),
    Theme(
        "public_investment",
        "Public investment disbursed",
        "Giải ngân vốn đầu tư công",
        "billion VND",
        "flow",
        "increase",
        "quarter",
        1500.0,
        0.07,
    ),
    Theme(
        "hh_income",
        "Household income per person",
        "Thu nhập bình quân đầu người",
        "million VND/month",
        "level",
        "increase",
        "quarter",
        1.2,
        0.08,
    ),
    Theme(
        "school_enrolment",
        "Upper-secondary enrolment",
        "Tỷ lệ học sinh đi học THPT",
        "%",
        "level",
        "increase",
        "year",
        55.0,
        0.02,
    ),
    Theme(
        "waste_collected",
        "Urban waste collected",
        "Tỷ lệ thu gom rác thải đô thị",
        "%",
        "level",
        "increase",
        "quarter",
        65.0,
        0.02,
    ),
    Theme(
        "agri_growth",
        "Agriculture value-added growth",
        "Tăng trưởng giá trị tăng thêm nông nghiệp",
        "% y/y",
        "rate",
        "increase",
        "quarter",
        3.0,
        3.0,
    ),
    Theme(
        "hotel_revenue",
        "Accommodation and food revenue",
        "Doanh thu lưu trú, ăn uống",
        "billion VND",
        "flow",
        "increase",
        "quarter",
        600.0,
        0.09,
    ),
    Theme(
        "digital_share",
        "Digital economy share of GRDP",
        "Tỷ trọng kinh tế số trong GRDP",
        "% of GRDP",
        "level",
        "increase",
        "year",
        2.0,
        0.10,
    ),
    Theme(
        "export_growth", "Export growth", "Tăng trưởng xuất khẩu", "% y/y", "rate", "increase", "quarter", 12.0, 12.0
    ),
    Theme(
        "housing_area",
        "Housing floor area per person",
        "Diện tích nhà ở bình quân",
        "m2 per person",
        "level",
        "increase",
        "quarter",
        15.0,
        0.03,
    ),
    Theme(
        "cargo_volume",
        "Cargo handled",
        "Khối lượng hàng hóa luân chuyển",
        "thousand t",
        "flow",
        "increase",
        "quarter",
        2500.0,
        0.08,
    ),
    Theme(
        "informal_share",
        "Informal employment share",
        "Tỷ lệ lao động phi chính thức",
        "%",
        "level",
        "decrease",
        "quarter",
        70.0,
        -0.02,
    ),
)
SERIES = (
    ("total", "", ""),
    ("urban", " (urban)", " (thành thị)"),
    ("rural", " (rural)", " (nông thôn)"),
    ("women", " (women)", " (nữ)"),
)
STATUS_BY_AGE = ("official", "official", "official", "preliminary", "estimate")


def province_name(n: int) -> tuple[str, str]:
    return f"Province {n:02d}", f"Tỉnh {n:02d}"


def yaml_text(text: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def periods_for(frequency: str, first_year: int) -> list[tuple[str, int, int]]:
    """(period text, year, last month) for every figure published, oldest first."""
    out: list[tuple[str, int, int]] = []
    for year in range(first_year, LAST_FULL_YEAR + 2):
        current = year > LAST_FULL_YEAR  # only the first half of the current year is out
        if frequency == "quarter":
            for q in (1, 2) if current else (1, 2, 3, 4):
                out.append((f"{year}-Q{q}", year, 3 * q))
        elif frequency == "half":
            for h in (1,) if current else (1, 2):
                out.append((f"{year}-H{h}", year, 6 * h))
        elif frequency == "month":
            if year < LAST_FULL_YEAR - 4:
                continue  # monthly series are recent
            for m in range(1, 7 if current else 13):
                out.append((f"{year}-{m:02d}", year, m))
        if not current:
            out.append((str(year), year, 12))
    return out


def release_stamp(seed: int, province: str, year: int, last_month: int) -> str:
    """When a province's report for a span ending in ``last_month`` of ``year`` came out.

    A provincial statistics office publishes all its figures for a period in one report,
    so every indicator of the province shares the moment (as ``qntrack import`` records
    a batch): 15 to 45 days after the span for months and quarters, 60 to 90 for years.
    """
    rng = random.Random(f"{seed}/{province}/{year}/{last_month}")
    delay = rng.randint(60, 90) if last_month == 12 else rng.randint(15, 45)
    month = last_month + 1 + delay // 30
    day = delay % 28 + 1
    while month > 12:
        month -= 12
        year += 1
    return f"{year:04d}-{month:02d}-{day:02d}T{rng.randint(7, 17):02d}:{rng.choice((0, 15, 30, 45)):02d}:00Z"


def yearbook_stamp(seed: int, province: str, year: int) -> str:
    """When the statistical yearbook that revises ``year``'s figures came out (the next summer)."""
    rng = random.Random(f"{seed}/{province}/yearbook/{year}")
    return f"{year + 1:04d}-{rng.randint(6, 9):02d}-{rng.randint(1, 28):02d}T09:00:00Z"


def fmt(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def series_values(theme: Theme, periods: list[tuple[str, int, int]], rng: random.Random) -> dict[str, float]:
    """A plausible path: rates wander around their mean; levels and flows grow with noise."""
    values: dict[str, float] = {}
    level = theme.start * rng.uniform(0.6, 1.4)
    growth = theme.trend * rng.uniform(0.5, 1.5)
    year_of_level: dict[int, float] = {}
    for text, year, _last in periods:
        if theme.measure == "rate":
            values[text] = round(growth + rng.gauss(0, 1.5), 2)
            continue
        if year not in year_of_level:
            level = max(level * (1 + growth + rng.gauss(0, 0.02)), theme.start * 0.01)
            year_of_level[year] = level
        base = year_of_level[year]
        if theme.measure == "flow":
            months = 12 if text == str(year) else 3 if "Q" in text else 6 if "H" in text else 1
            values[text] = round(base * months / 12 * rng.uniform(0.9, 1.1), 2)
        else:
            values[text] = round(base * (1 + rng.gauss(0, 0.01)), 2)
    return values


def annual(values: dict[str, float], year: int) -> float | None:
    return values.get(str(year))


def target_yaml(
    tid: str, ind_id: str, theme: Theme, values: dict[str, float], rng: random.Random, kind_seed: int
) -> list[str]:
    """One target on the indicator, of a kind that suits its measure."""
    head = [f"  - id: {tid}", f"    indicator: {ind_id}"]
    source = f"    source: {yaml_text('Nghị quyết Đại hội Đảng bộ tỉnh, nhiệm kỳ 2020-2025')}"
    years = sorted(int(k) for k in values if k.isdigit())
    first = years[0] if years else 2020
    recent = [y for y in years if y >= 2015] or years
    if theme.measure == "rate":
        kind = ("average", "every_period", "plan")[kind_seed % 3]
        mean = sum(values[str(y)] for y in recent) / len(recent) if recent else theme.trend
        bound = "at_most" if theme.direction == "decrease" else "at_least"
        goal = round(mean * rng.uniform(0.85, 1.15), 1)
        if kind == "average":
            return head + ["    type: average", source, f"    {bound}: {goal}", "    from: 2021", "    to: 2025"]
        if kind == "every_period":
            if theme.frequency == "quarter" and kind_seed % 2:
                span = ["    from: 2021-Q1", "    to: 2025-Q4"]
            else:
                span = [f"    from: {max(first, 2016)}", "    to: 2025"]
            return head + ["    type: every_period", source, f"    {bound}: {goal}"] + span
        return head + ["    type: plan", source, "    period: 2024", f"    value: {goal or 1}"]
    if theme.measure == "flow":
        kind = ("cumulative", "plan")[kind_seed % 2]
        last = values.get(str(LAST_FULL_YEAR), theme.start)
        if kind == "cumulative":
            bound = "at_most" if theme.direction == "decrease" else "at_least"
            total = round(last * 5 * rng.uniform(0.9, 1.2))
            return head + [
                "    type: cumulative",
                source,
                f"    {bound}: {total or 1}",
                "    from: 2021",
                "    to: 2025",
            ]
        return head + [
            "    type: plan",
            source,
            "    period: 2025",
            f"    value: {round(last * rng.uniform(1.0, 1.2)) or 1}",
        ]
    # A level: milestones from a baseline, or only a direction (with a natural limit for shares).
    variant = kind_seed % 4
    base_year = 2015 if 2015 in years else first
    base = values.get(str(base_year))
    out = head + ["    type: level", source]
    if variant == 3 or base is None:
        out.append(f"    baseline: {base_year}")
        if theme.unit.startswith("%"):
            out.append("    limit: 100")
        return out
    step = 1 + theme.trend * rng.uniform(0.6, 1.6)
    m1 = round(base * step ** (2025 - base_year), 2)
    m2 = round(base * step ** (2030 - base_year), 2)
    if theme.unit.startswith("%"):
        m1, m2 = min(m1, 99.0), min(m2, 99.5)
    out.append(
        f"    baseline: {{period: {base_year}, value: {base}}}" if variant == 0 else f"    baseline: {base_year}"
    )
    out.append("    milestones:")
    out.append(f"      - {{by: 2025, value: {m1}}}")
    if variant != 2:
        out.append(f"      - {{by: 2030, value: {m2}}}")
    return out


def generate(
    out: Path, provinces: int = 63, indicators: int = 160, years: int = 25, seed: int = 2025, revisions: float = 0.03
) -> dict[str, int]:
    """Write OUT/targets.yaml and OUT/observations.csv; return counts."""
    out.mkdir(parents=True, exist_ok=True)
    first_year = LAST_FULL_YEAR - years + 1
    catalogue = [(theme, series) for series in SERIES for theme in THEMES][:indicators]
    ind_lines: list[str] = []
    target_lines: list[str] = []
    rows: list[tuple[str, str, str, str, str, str, str]] = []
    counts = {"indicators": 0, "targets": 0, "rows": 0, "revisions": 0}
    for p in range(1, provinces + 1):
        prov = f"p{p:02d}"
        en_prov, vi_prov = province_name(p)
        source_first = f"Cục Thống kê {vi_prov}"
        source_rev = f"Niên giám thống kê {vi_prov}"
        for n, (theme, (series, en_s, vi_s)) in enumerate(catalogue):
            rng = random.Random(f"{seed}/{prov}/{theme.key}/{series}")
            ind_id = f"{theme.key}_{series}_{prov}"
            ind_lines += [
                f"  {ind_id}:",
                f"    name: {{en: {yaml_text(theme.en + en_s + ', ' + en_prov)}, vi: {yaml_text(theme.vi + vi_s + ', ' + vi_prov)}}}",
                f"    unit: {yaml_text(theme.unit)}",
                f"    measure: {theme.measure}",
                f"    direction: {theme.direction}",
                f"    frequency: {theme.frequency}",
            ]
            counts["indicators"] += 1
            periods = periods_for(theme.frequency, first_year)
            values = series_values(theme, periods, rng)
            for text, year, last in periods:
                stamp = release_stamp(seed, prov, year, last)
                age = LAST_FULL_YEAR + 1 - year
                status = STATUS_BY_AGE[min(age, 4)] if age < 2 else "official"
                if age == 0:
                    status = "estimate" if last <= 3 else "preliminary"
                value = values[text]
                rows.append((ind_id, text, fmt(value), status, source_first, "", stamp))
                if rng.random() < revisions:
                    revised = value * (1 + rng.gauss(0, 0.02)) if theme.measure != "rate" else value + rng.gauss(0, 0.4)
                    note = "revised, after the annual survey" if rng.random() < 0.5 else ""
                    rows.append(
                        (ind_id, text, fmt(revised), "official", source_rev, note, yearbook_stamp(seed, prov, year))
                    )
                    counts["revisions"] += 1
            target_lines += target_yaml(
                f"{theme.key.replace('_', '-')}-{series}-{prov}", ind_id, theme, values, rng, n + p
            )
            target_lines.append("")
            counts["targets"] += 1
        # One derived indicator per province, with a target of its own.
        if indicators >= len(THEMES) + 1:
            ind_id = f"trade_balance_{prov}"
            ind_lines += [
                f"  {ind_id}:",
                f"    name: {{en: {yaml_text('Trade balance, ' + en_prov)}, vi: {yaml_text('Cán cân thương mại, ' + vi_prov)}}}",
                '    unit: "million USD"',
                "    measure: level",
                "    frequency: quarter",
                f"    formula: export_value_total_{prov} - import_value_total_{prov}",
            ]
            target_lines += [
                f"  - id: trade-balance-{prov}",
                f"    indicator: {ind_id}",
                "    type: level",
                "    baseline: 2015",
                "",
            ]
            counts["indicators"] += 1
            counts["targets"] += 1
    # The store is appended to as figures come out, so rows follow their release order.
    rows.sort(key=lambda r: r[6])
    counts["rows"] = len(rows)
    header = [
        "# Synthetic national dataset written by benchmarks/generate.py; not real figures.",
        "version: 1",
        f'title: "Synthetic national plan: {provinces} provinces, {counts["targets"]} targets (seed {seed})"',
        "observations: observations.csv",
        "",
        "indicators:",
    ]
    text = "\n".join(header + ind_lines + ["", "targets:"] + target_lines) + "\n"
    (out / "targets.yaml").write_text(text, encoding="utf-8")
    with open(out / "observations.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write targets.yaml and observations.csv into")
    parser.add_argument("--provinces", type=int, default=63)
    parser.add_argument("--indicators", type=int, default=160, help="measured indicators per province (at most 160)")
    parser.add_argument("--years", type=int, default=25, help="years of history (25 gives ~1M rows, 50 ~2M)")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--revisions", type=float, default=0.03, help="share of rows revised later (0.03 = 3%%)")
    args = parser.parse_args(argv)
    if not 1 <= args.indicators <= len(THEMES) * len(SERIES):
        parser.error(f"--indicators must be 1..{len(THEMES) * len(SERIES)}")
    counts = generate(args.out, args.provinces, args.indicators, args.years, args.seed, args.revisions)
    sys.stderr.write(", ".join(f"{v:,} {k}" for k, v in counts.items()) + f" -> {args.out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
