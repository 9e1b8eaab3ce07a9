"""The words of a report that follow its period and its vocabulary: 上半年 or 全年, 处室 or 股室.

A report says what it covers in words read from the period's dates (``period_words``): a
half-year reports 上半年 and plans 下半年, a full year reports 全年 and plans 明年. The
vocabulary of ``report.yaml`` names the bureau's own things (``Words``). Every heading,
label and sentence that names the period or the bureau's terms takes them from here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

from .formatting import cn_number
from .model import Period, ReportConfig


class PeriodShape(str, Enum):
    """What stretch of the year a period covers, read from its first and last day."""

    month = "month"
    quarter = "quarter"
    first_half = "first_half"
    second_half = "second_half"
    first_three_quarters = "first_three_quarters"
    year = "year"
    months_to_date = "months_to_date"
    """From January to a month that ends no quarter: 1—5月."""
    other = "other"


@dataclass(frozen=True)
class PeriodWords:
    shape: PeriodShape
    span: str
    """What the period is called in a sentence: 上半年, 前三季度, 全年, 二季度, 9月."""
    next: str
    """What follows it, for the plans: 下半年, 四季度, 明年, 下季度, 下月."""
    summary: str
    """The summary's name in the navigation: 半年工作总结, 年度工作总结, 前三季度工作总结."""


def _last_day(day: dt.date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def period_shape(start: dt.date, end: dt.date) -> tuple[PeriodShape, int]:
    """The shape of ``start``–``end`` and its number (the month, the quarter or the months to date)."""
    if start.day != 1 or not _last_day(end) or start.year != end.year or start > end:
        return PeriodShape.other, 0
    first, last = start.month, end.month
    if first == last:
        return PeriodShape.month, first
    if last - first == 2 and first % 3 == 1:
        return PeriodShape.quarter, (first + 2) // 3
    if (first, last) == (7, 12):
        return PeriodShape.second_half, 2
    if first != 1:
        return PeriodShape.other, 0
    return {6: PeriodShape.first_half, 9: PeriodShape.first_three_quarters, 12: PeriodShape.year}.get(
        last, PeriodShape.months_to_date
    ), last


def period_words(period: Period) -> PeriodWords:
    """The period's words; ``label`` and ``next_label``, when the report gives them, win."""
    shape, n = period_shape(period.start, period.end)
    span, following, summary = {
        PeriodShape.month: (f"{n}月", "下月", f"{n}月工作总结"),
        PeriodShape.quarter: (f"{cn_number(n)}季度", "下季度", f"{cn_number(n)}季度工作总结"),
        PeriodShape.first_half: ("上半年", "下半年", "半年工作总结"),
        PeriodShape.second_half: ("下半年", "明年", "下半年工作总结"),
        PeriodShape.first_three_quarters: ("前三季度", "四季度", "前三季度工作总结"),
        PeriodShape.year: ("全年", "明年", "年度工作总结"),
        PeriodShape.months_to_date: (f"1—{n}月", "下一阶段", f"1—{n}月工作总结"),
        PeriodShape.other: ("本期", "下一阶段", "工作总结"),
    }[shape]
    if period.label:
        span, summary = period.label, f"{period.label}工作总结"
    return PeriodWords(shape, span, period.next_label or following, summary)


# ---------------------------------------------------------------------- the bureau's words

_COUNTED = re.compile(r"^([一二两三四五六七八九十]+)大")
_CN_VALUES = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}


def cn_count(n: int) -> str:
    """How many, said before a measure word: 2 -> 两, 7 -> 七, 12 -> 十二."""
    return "两" if n == 2 else cn_number(n)


def counted_number(name: str) -> int | None:
    """The number a name such as 八大攻坚行动 or 十二大行动 states, or None when it states none."""
    match = _COUNTED.match(name)
    if not match:
        return None
    digits = match[1]
    if "十" not in digits:
        return _CN_VALUES[digits] if len(digits) == 1 else None
    tens, _, ones = digits.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return (_CN_VALUES[tens] if tens else 1) * 10 + (_CN_VALUES[ones] if ones else 0)


def joined(names: list[str], last: str = "和") -> str:
    """安全生产和党风廉政; 甲、乙和丙; quoted names need no 、 between them (“国字号”“省字头”)."""
    if len(names) < 2:
        return "".join(names)
    text = names[0]
    for name in names[1:-1]:
        text += name if text.endswith("”") and name.startswith("“") else "、" + name
    return f"{text}{last}{names[-1]}"


@dataclass(frozen=True)
class Words:
    """Every word of the site that comes from the period or the vocabulary, as plain text."""

    period: PeriodWords
    unit: str
    """What the bureau calls its internal units: 处室, 科室, 股室."""
    departments: str
    """The group of internal units: 机关处室."""
    affiliated: str
    lines_of_work: str
    """The lines of work as a whole: 八大攻坚行动, 工作条线."""
    bottom_lines: str
    """The bottom lines' title: 两条底线."""
    bottom_lines_phrase: str
    """The lines named with their title: 安全生产和党风廉政两条底线 (a lone line: 安全生产底线)."""
    honor_levels: str
    """“国字号”“省字头”和市级."""
    project_location: str
    stages: str
    """The project stages in order: 前期 → 在建 → 完工."""

    @property
    def span(self) -> str:
        return self.period.span

    @property
    def next(self) -> str:
        return self.period.next

    def as_dict(self) -> dict[str, str]:
        """The words by name, for pages and navigation labels (``{span}工作完成情况``)."""
        words = {name: value for name, value in vars(self).items() if isinstance(value, str)}
        return words | {"span": self.span, "next": self.next, "summary": self.period.summary}


def bottom_lines_title(report: ReportConfig) -> str:
    lines = report.vocabulary.bottom_lines
    if lines.title:
        return lines.title
    if len(lines.lines) == 1:
        return f"{lines.lines[0].name}底线"
    return f"{cn_count(len(lines.lines))}条底线"


def words_of(report: ReportConfig) -> Words:
    v = report.vocabulary
    levels = [f"“{level.nickname}”" if level.nickname else level.name for level in v.honor_levels]
    title = bottom_lines_title(report)
    lone = len(v.bottom_lines.lines) == 1 and not v.bottom_lines.title
    return Words(
        period=period_words(report.period),
        unit=v.unit,
        departments=f"机关{v.unit}",
        affiliated=v.affiliated,
        lines_of_work=v.lines_of_work,
        bottom_lines=title,
        bottom_lines_phrase=title if lone else joined([line.name for line in v.bottom_lines.lines]) + title,
        honor_levels=joined(levels),
        project_location=v.project_location,
        stages=" → ".join(v.names("project_stages")),
    )
