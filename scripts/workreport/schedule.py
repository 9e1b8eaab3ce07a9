"""Schedule arithmetic: where a task or project should be (序时进度) and how far it is from there.

Pure functions of a record and the as-of date. Expected progress is linear over the task's
window, or piecewise linear through its planned curve; the status compares the gap in
percentage points with the thresholds of the report configuration. Projects are measured
the same way over their construction window, from planned start to planned completion.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from enum import Enum

from .model import Milestone, Phase, PlannedPoint, Prerequisite, Project, Task, Thresholds, Vocabulary
from .progress import TaskFigures, project_figures, task_figures


class ScheduleStatus(str, Enum):
    done = "已完成"
    on_track = "正常推进"
    lagging = "滞后"
    seriously_lagging = "严重滞后"
    not_started = "未开始"
    overdue = "未按期完成"
    """The window has ended (its last day included) and the work is not done."""


def window_fraction(day: dt.date, start: dt.date, end: dt.date) -> float:
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
        return 100.0 * window_fraction(as_of, task.window.start, task.window.end)
    curve = planned_curve(task)
    if as_of <= curve[0][0]:
        return curve[0][1] if as_of == curve[0][0] else 0.0
    for (day_a, pct_a), (day_b, pct_b) in itertools.pairwise(curve):
        if as_of <= day_b:
            return pct_a + (pct_b - pct_a) * window_fraction(as_of, day_a, day_b)
    return curve[-1][1]


@dataclass(frozen=True)
class TaskSchedule:
    expected: float
    """序时进度, 0–100."""
    status: ScheduleStatus
    log: TaskFigures
    """Where the log stands at the as-of date: the amount done and the latest entry."""

    @property
    def actual(self) -> float:
        """Actual progress from the log, 0–100."""
        return self.log.percent

    @property
    def gap(self) -> float:
        """Percentage points behind schedule (negative when ahead)."""
        return self.expected - self.actual


def classify(
    expected: float, actual: float, as_of: dt.date, start: dt.date, end: dt.date, thresholds: Thresholds
) -> ScheduleStatus:
    """The status from the figures and the window; a gap equal to a threshold is not yet beyond it.

    On the last day of its window, unfinished work is no longer on track: a year-end report
    as of 12-31 lists the task ending 12-31 at 95 % among its problems, not as 正常推进.
    """
    if actual >= 100:
        return ScheduleStatus.done
    if as_of >= end:
        return ScheduleStatus.overdue
    if as_of < start and actual == 0:
        return ScheduleStatus.not_started
    gap = expected - actual
    if gap > thresholds.seriously_lagging:
        return ScheduleStatus.seriously_lagging
    if gap > thresholds.lagging:
        return ScheduleStatus.lagging
    return ScheduleStatus.on_track


def task_schedule(task: Task, as_of: dt.date, thresholds: Thresholds) -> TaskSchedule:
    expected = expected_progress(task, as_of)
    log = task_figures(task, as_of)
    status = classify(expected, log.percent, as_of, task.window.start, task.window.end, thresholds)
    return TaskSchedule(expected, status, log)


class MilestoneState(str, Enum):
    done = "已完成"
    not_due = "未到期"
    missed = "未按期完成"


def milestone_state(milestone: Milestone, as_of: dt.date) -> MilestoneState:
    """Done by the as-of date; else not yet due, or (its day reached, like a task's window) missed."""
    if milestone.done_on is not None and milestone.done_on <= as_of:
        return MilestoneState.done
    return MilestoneState.not_due if as_of < milestone.due else MilestoneState.missed


# ---------------------------------------------------------------------- projects

def stage_at(project: Project, day: dt.date, stages: list[str]) -> str:
    """The project's stage on ``day``, read back from the stage changes in its log.

    The declared ``stage`` is the stage now. A change logged after ``day`` means the project
    was still in an earlier stage then: the stage of the last change on or before ``day``,
    or, before the first logged change, the stage that precedes it in ``stages`` (the
    vocabulary's stages, in their order).
    """
    changes = [e for e in project.progress if e.stage is not None]
    if not changes or changes[-1].date <= day:
        return project.stage
    before = [e for e in changes if e.date <= day]
    if before:
        return before[-1].stage  # type: ignore[return-value]
    first = changes[0].stage
    if first not in stages:
        return first  # type: ignore[return-value]
    return stages[max(0, stages.index(first) - 1)]


def open_prerequisites(project: Project, as_of: dt.date) -> list[Prerequisite]:
    """Approvals not yet done on ``as_of`` (a completion dated later does not count yet)."""
    return [p for p in project.prerequisites if p.done_on is None or p.done_on > as_of]


@dataclass(frozen=True)
class ProjectSchedule:
    stage: str
    """The stage on the as-of date."""
    phase: Phase
    """What that stage means to the schedule: not begun, under construction, built."""
    expected: float | None
    """序时进度 over the construction window; None when the project has no dated window."""
    actual: float
    """The latest reported 形象进度 (0 when nothing is reported; 100 once built)."""
    status: ScheduleStatus
    invested: float | None
    """Investment completed this year (万元), from the log."""
    investment_rate: float | None
    """Completed investment against the year's plan, in percent."""
    open_prerequisites: tuple[Prerequisite, ...]
    overdue_prerequisites: tuple[Prerequisite, ...]
    """Open approvals whose planned date has passed."""

    @property
    def gap(self) -> float | None:
        return None if self.expected is None else self.expected - self.actual


def project_schedule(project: Project, as_of: dt.date, thresholds: Thresholds, vocabulary: Vocabulary) -> ProjectSchedule:
    stage = stage_at(project, as_of, vocabulary.names("project_stages"))
    phase = vocabulary.phase(stage)
    figures = project_figures(project, as_of)
    rate = figures.investment_rate(project)
    still_open = tuple(open_prerequisites(project, as_of))
    overdue = tuple(p for p in still_open if p.planned is not None and p.planned < as_of)
    start, end = project.dates.start, project.dates.planned_completion
    if phase is Phase.built:
        return ProjectSchedule(stage, phase, 100.0, 100.0, ScheduleStatus.done, figures.invested, rate, still_open, overdue)
    actual = figures.percent or 0.0
    if start is None or end is None:
        # Without a window nothing can be behind schedule; a project not yet begun has not started.
        status = ScheduleStatus.not_started if phase is Phase.preliminary else ScheduleStatus.on_track
        return ProjectSchedule(stage, phase, None, actual, status, figures.invested, rate, still_open, overdue)
    expected = 100.0 * window_fraction(as_of, start, end)
    status = classify(expected, actual, as_of, start, end, thresholds)
    return ProjectSchedule(stage, phase, expected, actual, status, figures.invested, rate, still_open, overdue)
