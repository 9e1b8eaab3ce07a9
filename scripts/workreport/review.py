"""月度复盘: what changed in each month of the period, read back from the dated logs.

Each month compares the figures at its last day with those at the day before it began,
both computed by the same ``Analysis`` as the rest of the site, so a month's review and
the dashboard at that month's end never disagree.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from .analysis import BEHIND, Analysis
from .assessment import Health, IndicatorStanding
from .dataset import Dataset
from .model import Deduction, Highlight, Honor, Indicator, Project, Task
from .schedule import ScheduleStatus, TaskSchedule

# How bad a status is, to tell a slip from a recovery.
SEVERITY = {
    ScheduleStatus.done: 0,
    ScheduleStatus.not_started: 1,
    ScheduleStatus.on_track: 1,
    ScheduleStatus.lagging: 2,
    ScheduleStatus.seriously_lagging: 3,
    ScheduleStatus.overdue: 4,
}


@dataclass(frozen=True)
class TaskMove:
    task: Task
    before: TaskSchedule
    after: TaskSchedule

    @property
    def gained(self) -> float:
        return self.after.actual - self.before.actual


@dataclass(frozen=True)
class IndicatorMove:
    indicator: Indicator
    before: IndicatorStanding
    after: IndicatorStanding

    @property
    def change(self) -> float | None:
        if self.before.value is None or self.after.value is None:
            return None
        return self.after.value.value - self.before.value.value


@dataclass(frozen=True)
class StageChange:
    project: Project
    before: str
    after: str


@dataclass(frozen=True)
class MonthReview:
    start: dt.date
    end: dt.date
    """The month's last day within the period and not after the as-of date."""
    gains: list[TaskMove]
    """Tasks that moved forward, the largest gain first."""
    completed: list[TaskMove]
    slipped: list[TaskMove]
    """Tasks that fell into, or deeper into, 滞后 / 严重滞后 / 未按期完成."""
    recovered: list[TaskMove]
    """Tasks that were behind at the month's start and are not at its end."""
    indicators: list[IndicatorMove]
    """Indicators with a value reported in the month whose figure or health moved (``moved``)."""
    indicators_steady: int
    """Indicators reported in the month with the same figure and health as at its start."""
    deductions: list[tuple[Indicator, Deduction]]
    stage_changes: list[StageChange]
    investment_done: float
    """Investment completed in the month (万元), across all projects."""
    honors_won: list[Honor]
    highlights: list[Highlight]
    statuses: dict[ScheduleStatus, int]
    """Tasks per status at the month's end."""
    mean_actual_before: float | None
    mean_actual_after: float | None

    @property
    def title(self) -> str:
        return f"{self.end.year}年{self.end.month}月"


def months_of(start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The calendar months from ``start`` to ``end``, each clipped to that range."""
    months = []
    first = start.replace(day=1)
    while first <= end:
        following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        months.append((max(first, start), min(following - dt.timedelta(days=1), end)))
        first = following
    return months


def monthly_review(data: Dataset) -> list[MonthReview]:
    """One review per month of the period up to the as-of date, the earliest first."""
    period = data.report.period
    months = months_of(period.start, min(period.end, data.report.as_of))
    # Months are contiguous: the day before a month begins is the last day of the one
    # before it, so each month end is analysed once and serves two reviews.
    days = [period.start - dt.timedelta(days=1)] + [end for _, end in months]
    analyses = [Analysis(data, day) for day in days]
    return [review_month(data, before, after) for before, after in itertools.pairwise(analyses)]


def review_month(data: Dataset, before: Analysis, after: Analysis) -> MonthReview:
    """The changes between two analyses a month apart: ``before`` at the day before the month."""
    start, end = before.as_of + dt.timedelta(days=1), after.as_of
    moves = [TaskMove(t, before.task(t), after.task(t)) for t in data.tasks]

    def in_month(day: dt.date | None) -> bool:
        return day is not None and start <= day <= end

    reported = [
        IndicatorMove(i, before.indicator(i), after.indicator(i)) for i in data.indicators if any(in_month(v.date) for v in i.values)
    ]
    scorecard_before = before.scorecard(before.bureau_scope())
    scorecard_after = after.scorecard(after.bureau_scope())
    return MonthReview(
        start=start,
        end=end,
        gains=sorted((m for m in moves if m.gained > 0), key=lambda m: -m.gained),
        completed=[m for m in moves if m.after.status is ScheduleStatus.done and m.before.status is not ScheduleStatus.done],
        slipped=[m for m in moves if m.after.status in BEHIND and SEVERITY[m.after.status] > SEVERITY[m.before.status]],
        recovered=[m for m in moves if m.before.status in BEHIND and m.after.status not in BEHIND],
        indicators=[move for move in reported if moved(move)],
        indicators_steady=sum(1 for move in reported if not moved(move)),
        deductions=[(i, d) for i in data.indicators for d in i.deductions if in_month(d.date)],
        stage_changes=[
            StageChange(p, before.project(p).stage, after.project(p).stage)
            for p in data.projects
            if before.project(p).stage != after.project(p).stage
        ],
        investment_done=sum(_invested_in(before, after, p) for p in data.projects),
        honors_won=[h for h in data.honors if in_month(h.awarded_on)],
        highlights=[h for h in data.highlights if in_month(h.date)],
        statuses=scorecard_after.statuses,
        mean_actual_before=scorecard_before.mean_actual,
        mean_actual_after=scorecard_after.mean_actual,
    )


def _invested_in(before: Analysis, after: Analysis, project: Project) -> float:
    # Logged investment is the year's running total: it starts again from 0 each January.
    done = after.project(project).invested or 0.0
    if before.as_of.year != after.as_of.year:
        return done
    return done - (before.project(project).invested or 0.0)


def moved(move: IndicatorMove) -> bool:
    """Worth a line in the month's review: a first figure, a figure other than the month's start, or a new health."""
    return move.change != 0 or health_changed(move)


def health_changed(move: IndicatorMove) -> bool:
    return move.before.health is not move.after.health and move.before.health is not Health.no_data
