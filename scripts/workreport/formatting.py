"""Numbers, dates and sentences written the way the reports write them, in every output.

The site's templates, its charts and the exports (DOCX, PDF, XLSX) all format through these
functions, so a figure reads the same wherever it appears. They are pure and return plain
``str``: no Jinja and no Markup here; the site's environment (``render.environment``) marks
their results safe for templates, since digits and dates hold no data text.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["CN_DIGITS", "MISSING", "cn_date", "cn_number", "number", "percent", "sentence", "short_date"]

MISSING = "—"
"""What a value that is not there reads as."""

CN_DIGITS = "零一二三四五六七八九"


def number(value: float | None, digits: int = 2) -> str:
    """12.0 -> '12', 86.45 -> '86.45', None -> '—'."""
    if value is None:
        return MISSING
    text = f"{value:.{digits}f}"
    if "." in text:  # strip only decimals: 10 with no digits stays "10"
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent(value: float | None, digits: int = 1) -> str:
    """41.666 -> '41.7%', None -> '—'."""
    return MISSING if value is None else f"{number(value, digits)}%"


def measured(value: float | None, measure: str | None, digits: int = 2) -> str:
    """A figure with its measure word, by the one rounding rule of every output: a percentage to
    one decimal, as ``percent`` (49.45 → '49.5%'), any other amount to ``digits`` (7.85 → '7.85万亩')."""
    if measure == "%":
        return percent(value)
    return MISSING if value is None else f"{number(value, digits)}{measure or ''}"


def cn_date(value: dt.date | None) -> str:
    """2024-03-05 -> '2024年3月5日'."""
    return MISSING if value is None else f"{value.year}年{value.month}月{value.day}日"


def short_date(value: dt.date | None) -> str:
    """2024-03-05 -> '3月5日'."""
    return MISSING if value is None else f"{value.month}月{value.day}日"


def cn_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 35 -> 三十五 (for 一、 and （一） headings)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十")
    return head + (CN_DIGITS[ones] if ones else "")


def sentence(text: str | None) -> str:
    """Editor text as one sentence: ends with 。 unless it already ends with a stop."""
    text = " ".join((text or "").split())
    return text if not text or text[-1] in "。！？；：.!?" else text + "。"
