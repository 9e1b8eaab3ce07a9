"""The monthly review page (reports/review.md): each month of the period, the latest first.

The figures are the domain's (``workreport.review``); this view says them in words and
tables, and links each task, indicator, project, honor and highlight it names.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..assessment import Trend, direction_of
from ..formatting import MISSING, measured, number, percent, short_date
from ..review import IndicatorMove, MonthReview, TaskMove, health_changed
from .common import Badge, Link, badge
from .context import Site
from .indicators import deduction_text


@dataclass(frozen=True)
class GainRow:
    task: Link
    before: float
    after: float
    gained: float
    """Percentage points gained in the month."""


@dataclass(frozen=True)
class SlipRow:
    task: Link
    owner: str
    """The owner unit's short name."""
    before: str
    """The status at the month's start."""
    after: Badge
    actual: float
    expected: float


@dataclass(frozen=True)
class StatusChange:
    """A record and how its status or stage changed: “滞后 → 已完成”."""

    link: Link
    before: str
    after: str


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Link
    before: str
    """The value at the month's start with its measure, or — without one."""
    after: str
    change: str
    """“+0.6个百分点（向好）”, “-2座（变差）”, or — when either value is missing: always with its unit and direction."""
    tone: str
    """``done`` when the change is for the better, ``bad`` for the worse, ``neutral`` otherwise."""
    health_before: str | None
    """The health at the month's start when it changed (and was known)."""
    health: Badge


@dataclass(frozen=True)
class DeductionEntry:
    indicator: Link
    text: str
    """“6月20日，办公室被扣 1 分：<reason>”: the date, the unit and the reason, always."""


@dataclass(frozen=True)
class HonorEntry:
    link: Link
    level: str


@dataclass(frozen=True)
class MonthView:
    title: str
    anchor: str
    """``m-2025-06``; the month's sub-sections add ``-slipped`` and ``-indicators``."""
    lead: str
    """The month in one sentence: progress, completions, slips, investment, points, honors."""
    statuses: str
    """Tasks per status at the month's end: “已完成 8 · 正常推进 23 · …”."""
    gains: tuple[GainRow, ...]
    completed: tuple[Link, ...]
    slipped: tuple[SlipRow, ...]
    recovered: tuple[StatusChange, ...]
    indicators: tuple[IndicatorRow, ...]
    """Only the indicators whose figure or health moved in the month."""
    indicators_steady: int
    """How many more were reported with nothing changed."""
    deductions: tuple[DeductionEntry, ...]
    stage_changes: tuple[StatusChange, ...]
    honors_won: tuple[HonorEntry, ...]
    highlights: tuple[Link, ...]


@dataclass(frozen=True)
class MonthlyReview:
    months: tuple[MonthView, ...]
    """The latest month first."""


def _task_link(move: TaskMove) -> Link:
    return Link("tasks", move.task.id, move.task.title)


def month_lead(m: MonthReview) -> str:
    text = (
        f"{short_date(m.start)}至{short_date(m.end)}：{len(m.gains)} 项任务取得进展，"
        f"平均完成由 {percent(m.mean_actual_before)} 提高到 {percent(m.mean_actual_after)}"
    )
    if m.completed:
        text += f"，完成 {len(m.completed)} 项"
    if m.slipped:
        text += f"，{len(m.slipped)} 项转为或加深滞后"
    if m.recovered:
        text += f"，{len(m.recovered)} 项恢复正常"
    text += f"；重点工程完成投资 {number(m.investment_done)} 万元"
    if m.stage_changes:
        text += f"，{len(m.stage_changes)} 个工程进入新阶段"
    if m.deductions:
        text += f"；考核扣分 {len(m.deductions)} 次"
    if m.honors_won:
        text += f"；获得荣誉 {len(m.honors_won)} 项"
    if m.highlights:
        text += f"；形成亮点 {len(m.highlights)} 项"
    return text + "。"


def indicator_row(move: IndicatorMove) -> IndicatorRow:
    measure = move.indicator.target.measure or ""
    before, after = move.before.value, move.after.value
    text, tone = change_text(move)
    return IndicatorRow(
        indicator=Link("indicators", move.indicator.id, move.indicator.name),
        before=measured(before.value, measure) if before else MISSING,
        after=measured(after.value, measure) if after else MISSING,
        change=text,
        tone=tone,
        health_before=move.before.health.value if health_changed(move) else None,
        health=badge(move.after.health),
    )


def change_text(move: IndicatorMove) -> tuple[str, str]:
    """The month's change with its unit (a percentage moves in 百分点) and whether that is for the better."""
    change = move.change
    if change is None:
        return MISSING, "neutral"
    measure = move.indicator.target.measure or ""
    sign = "+" if change > 0 else ""
    amount = f"{sign}{number(change, 1)}个百分点" if measure == "%" else f"{sign}{measured(change, measure)}"
    trend = direction_of(move.indicator, change)
    if trend is Trend.flat:
        return amount, "neutral"
    return f"{amount}（{trend.value}）", "done" if trend is Trend.better else "bad"


def month_view(site: Site, m: MonthReview) -> MonthView:
    units = site.data.unit_by_id
    return MonthView(
        title=m.title,
        anchor=f"m-{m.end:%Y-%m}",
        lead=month_lead(m),
        statuses=" · ".join(f"{status.value} {n}" for status, n in m.statuses.items()),
        gains=tuple(GainRow(_task_link(g), g.before.actual, g.after.actual, g.gained) for g in m.gains),
        completed=tuple(_task_link(c) for c in m.completed),
        slipped=tuple(
            SlipRow(
                _task_link(s),
                units[s.task.owner_unit].label,
                s.before.status.value,
                badge(s.after.status),
                s.after.actual,
                s.after.expected,
            )
            for s in m.slipped
        ),
        recovered=tuple(StatusChange(_task_link(r), r.before.status.value, r.after.status.value) for r in m.recovered),
        indicators=tuple(indicator_row(move) for move in m.indicators),
        indicators_steady=m.indicators_steady,
        deductions=tuple(
            DeductionEntry(
                Link("indicators", i.id, i.name),
                deduction_text(site, d, short_date(d.date)),
            )
            for i, d in m.deductions
        ),
        stage_changes=tuple(
            StatusChange(Link("projects", c.project.id, c.project.name), c.before, c.after)
            for c in m.stage_changes
        ),
        honors_won=tuple(HonorEntry(Link("honors", h.id, h.name), h.level) for h in m.honors_won),
        highlights=tuple(Link("highlights", h.id, h.title) for h in m.highlights),
    )


def monthly_review(site: Site) -> MonthlyReview:
    return MonthlyReview(tuple(month_view(site, m) for m in reversed(site.months)))
