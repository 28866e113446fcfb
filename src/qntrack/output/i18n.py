"""Words and number formats in English and Vietnamese. Pure; used by every human output.

Vietnamese writes a decimal comma and a thousands dot ("3,13 tỷ USD", "50.000 tỷ đồng");
English the other way round. Machine formats (JSON, CSV, TSV) never go through here.
"""

from __future__ import annotations

import math
import os

__all__ = ["LANGS", "resolve_lang", "label", "status_label", "number", "signed_percent", "value_with_unit", "date_text"]

LANGS = ("en", "vi")

_STATUS = {
    "en": {
        "target_achieved": "Target achieved",
        "substantial_progress": "Substantial progress",
        "moderate_progress": "Moderate progress",
        "limited_progress": "Limited progress",
        "deterioration": "Deterioration",
        "not_achieved": "Not achieved",
        "not_available": "Not available",
    },
    "vi": {
        "target_achieved": "Đã đạt mục tiêu",
        "substantial_progress": "Tiến triển tốt",
        "moderate_progress": "Tiến triển vừa phải",
        "limited_progress": "Tiến triển hạn chế",
        "deterioration": "Đi ngược mục tiêu",
        "not_achieved": "Không đạt",
        "not_available": "Chưa đủ số liệu",
    },
}

_LABELS = {
    "en": {
        "target": "Target",
        "latest": "Latest",
        "next_milestone": "Next milestone",
        "milestone": "Milestone",
        "gap": "Gap",
        "status": "Status",
        "score": "Score",
        "p": "P",
        "by": "by",
        "provisional": "provisional",
        "period": "Period",
        "value": "Value",
        "obs_status": "Kind",
        "source": "Source",
        "recorded_at": "Recorded",
        "indicator": "Indicator",
        "note": "Note",
        "baseline": "Baseline",
        "required_rate": "Required rate",
        "required_from_latest": "Needed from now",
        "trajectory": "Trajectory",
        "deviation": "Deviation",
        "projected": "Projected",
        "reached_in": "Reached in",
        "would_be_reached_in": "Would be reached in",
        "missed": "missed",
        "missed_milestones": "Missed milestones",
        "awaiting": "awaiting figure",
        "awaiting_figures": "Deadlines passed, figure awaited",
        "needed_years_without_figure": "Needed in the years without a figure",
        "needed_per_period_without_figure": "Needed per period without a figure",
        "periods_awaited": "Periods over, figure awaited",
        "reached": "reached",
        "beyond": "beyond the target by {}",
        "never": "never at this pace",
        "achieved_rate": "Achieved rate",
        "per_year": "/yr",
        "estimate": "estimate",
        "preliminary": "preliminary",
        "official": "official",
        "retracted": "retracted",
        "of_plan": "of plan",
        "type": "Type",
        "unit": "Unit",
        "direction": "Direction",
        "increase": "higher is better",
        "decrease": "lower is better",
        # The values of targets.yaml's frequency and measure, for people (indicators table).
        "frequency_year": "year", "frequency_half": "half", "frequency_quarter": "quarter", "frequency_month": "month",
        "measure_level": "level", "measure_rate": "rate", "measure_flow": "flow", "measure_balance": "balance",
        "details": "Details",
        "observations": "Observations",
        "milestones": "Milestones",
        "no_observations": "No observations yet.",
        "derived": "derived",
        "summary": "In short",
        "pp": "pp",
        "id": "Id",
        "name": "Name",
        "frequency": "Frequency",
        "measure": "Measure",
        "kind": "Kind",
        "formula": "Formula",
    },
    "vi": {
        "target": "Mục tiêu",
        "latest": "Số mới nhất",
        "next_milestone": "Mốc tiếp theo",
        "milestone": "Mốc",
        "gap": "Còn thiếu",
        "status": "Đánh giá",
        "score": "Điểm",
        "p": "P",
        "by": "đến",
        "provisional": "tạm tính",
        "period": "Kỳ",
        "value": "Giá trị",
        "obs_status": "Loại số liệu",
        "source": "Nguồn",
        "recorded_at": "Ghi nhận",
        "indicator": "Chỉ tiêu",
        "note": "Ghi chú",
        "baseline": "Gốc",
        "required_rate": "Tốc độ cần",
        "required_from_latest": "Cần từ nay",
        "trajectory": "Lộ trình",
        "deviation": "Chênh lệch",
        "projected": "Dự báo",
        "reached_in": "Đạt vào",
        "would_be_reached_in": "Sẽ đạt vào (dự báo)",
        "missed": "không đạt mốc",
        "missed_milestones": "Các mốc không đạt",
        "awaiting": "chờ số liệu",
        "awaiting_figures": "Đã đến hạn, chờ số liệu",
        "needed_years_without_figure": "Cần cho các năm chưa có số liệu",
        "needed_per_period_without_figure": "Cần mỗi kỳ chưa có số liệu",
        "periods_awaited": "Số kỳ đã qua, chờ số liệu",
        "reached": "đạt",
        "beyond": "vượt mục tiêu {}",
        "never": "không đạt với tốc độ này",
        "achieved_rate": "Tốc độ đạt được",
        "per_year": "/năm",
        "estimate": "ước",
        "preliminary": "sơ bộ",
        "official": "chính thức",
        "retracted": "đã rút lại",
        "of_plan": "kế hoạch",
        "type": "Loại",
        "unit": "Đơn vị",
        "direction": "Chiều",
        "increase": "càng cao càng tốt",
        "decrease": "càng thấp càng tốt",
        "frequency_year": "năm", "frequency_half": "nửa năm", "frequency_quarter": "quý", "frequency_month": "tháng",
        "measure_level": "mức", "measure_rate": "tốc độ tăng", "measure_flow": "lượng theo kỳ",
        "measure_balance": "cán cân",
        "details": "Chi tiết",
        "observations": "Số liệu",
        "milestones": "Các mốc",
        "no_observations": "Chưa có số liệu.",
        "derived": "tính từ công thức",
        "summary": "Tóm lại",
        "pp": "điểm %",
        "id": "Mã",
        "name": "Tên",
        "frequency": "Tần suất",
        "measure": "Loại đại lượng",
        "kind": "Loại mục tiêu",
        "formula": "Công thức",
    },
}


def resolve_lang(lang: str | None) -> str:
    """The --lang option, else QNTRACK_LANG, else English."""
    chosen = (lang or os.environ.get("QNTRACK_LANG") or "en").strip().lower()
    return chosen if chosen in LANGS else "en"


def label(key: str, lang: str) -> str:
    return _LABELS[lang].get(key, _LABELS["en"].get(key, key))


def status_label(status: str, lang: str) -> str:
    return _STATUS[lang].get(status, status)


def number(value: float | None, lang: str, decimals: int = 2) -> str:
    """Rounded for display, trailing zeros dropped, separators of the language."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if value and text.lstrip("-").strip("0.,") == "":
        # A figure that is not zero never reads 0 (issue 12): 0.0000001 keeps two
        # significant digits; past twelve decimals the exponent says it (1e-300).
        places = -math.floor(math.log10(abs(value))) + 1
        text = f"{value:.{places}f}" if places <= 12 else f"{value:.2g}"
    if "." in text and "e" not in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def signed_percent(rate: float | None, lang: str, decimals: int = 1) -> str:
    """A rate (0.079) as "+7.9%"; "–" when undefined."""
    if rate is None:
        return "–"
    text = number(rate * 100, lang, decimals)
    return f"+{text}%" if rate > 0 and not text.startswith("-") else f"{text}%"


def value_with_unit(value: float | None, unit: str, lang: str, decimals: int = 2) -> str:
    text = number(value, lang, decimals)
    if value is None or not unit:
        return text
    return f"{text}%" if unit == "%" else f"{text} {unit}"


def date_text(day: str | None, lang: str) -> str:
    """A date (ISO "2025-01-05", or a timestamp whose first ten characters are one) as
    the language writes it: Vietnamese "05/01/2025", English ISO "2025-01-05"."""
    if not day:
        return ""
    iso = day[:10]
    if lang != "vi" or len(iso) != 10 or iso[4] != "-" or iso[7] != "-":
        return iso
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"


def timestamp_text(stamp: str, lang: str) -> str:
    """A stored timestamp as the language writes its date, the time kept as stored:
    "05/07/2023 00:00:00Z" in Vietnamese, "2023-07-05T00:00:00Z" (ISO) in English."""
    if lang != "vi" or len(stamp) <= 10 or stamp[10] != "T":
        return stamp
    return f"{date_text(stamp, lang)} {stamp[11:]}"
