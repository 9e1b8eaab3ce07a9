"""Schedule arithmetic: where a task should be (序时进度) and how far it is from there.

Pure functions of a task and the as-of date. Expected progress is linear over the task's
window, or piecewise linear through its planned curve; the status compares the gap in
percentage points with the thresholds of the report configuration.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from .model import PlannedPoint, Task, Thresholds
from .progress import task_figures


class ScheduleStatus(str, Enum):
    done = "已完成"
    on_track = "正常推进"
    lagging = "滞后"
    seriously_lagging = "严重滞后"
    not_started = "未开始"
    overdue = "逾期未完成"


def _fraction(day: dt.date, start: dt.date, end: dt.date) -> float:
    """How far ``day`` lies from ``start`` to ``end``, clamped to 0–1."""
    if day <= start:
        return 0.0 if day < end else 1.0
    if day >= end:
        return 1.0
    return (day - start).days / (end - start).days


def planned_curve(task: Task) -> list[tuple[dt.date, float]]:
    """The planned points with the window's ends added: 0 % at the start, 100 % at the end.

    Editors often give only the points that matter (e.g. 20 % by 6-30); the curve still
    starts from nothing at the window's start and ends complete at its end.
    """
    points: list[PlannedPoint] = sorted(task.planned, key=lambda p: p.date)
    curve = [(p.date, p.percent) for p in points]
    if not curve or curve[0][0] > task.window.start:
        curve.insert(0, (task.window.start, 0.0))
    if curve[-1][0] < task.window.end:
        curve.append((task.window.end, 100.0))
    return curve


def expected_progress(task: Task, as_of: dt.date) -> float:
    """序时进度 at ``as_of``, 0–100."""
    if not task.planned:
        return 100.0 * _fraction(as_of, task.window.start, task.window.end)
    curve = planned_curve(task)
    if as_of <= curve[0][0]:
        return curve[0][1] if as_of == curve[0][0] else 0.0
    for (day_a, pct_a), (day_b, pct_b) in zip(curve, curve[1:], strict=False):
        if as_of <= day_b:
            return pct_a + (pct_b - pct_a) * _fraction(as_of, day_a, day_b)
    return curve[-1][1]


@dataclass(frozen=True)
class TaskSchedule:
    expected: float
    """序时进度, 0–100."""
    actual: float
    """Actual progress from the log, 0–100."""
    status: ScheduleStatus

    @property
    def gap(self) -> float:
        """Percentage points behind schedule (negative when ahead)."""
        return self.expected - self.actual


def classify(expected: float, actual: float, as_of: dt.date, task: Task, thresholds: Thresholds) -> ScheduleStatus:
    """The status from the figures; a gap equal to a threshold is not yet beyond it."""
    if actual >= 100:
        return ScheduleStatus.done
    if as_of > task.window.end:
        return ScheduleStatus.overdue
    if as_of < task.window.start and actual == 0:
        return ScheduleStatus.not_started
    gap = expected - actual
    if gap > thresholds.seriously_lagging:
        return ScheduleStatus.seriously_lagging
    if gap > thresholds.lagging:
        return ScheduleStatus.lagging
    return ScheduleStatus.on_track


def task_schedule(task: Task, as_of: dt.date, thresholds: Thresholds) -> TaskSchedule:
    expected = expected_progress(task, as_of)
    actual = task_figures(task, as_of).percent
    return TaskSchedule(expected, actual, classify(expected, actual, as_of, task, thresholds))
