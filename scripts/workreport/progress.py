"""What the dated logs say as of a date: the latest entry, actual progress, amounts.

Pure functions of a record and the as-of date. Entries dated after the as-of date are
ignored, so the same data gives the same figures whatever day the site is built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from .model import Project, ProjectProgress, Task, TaskProgress


class Dated(Protocol):
    date: dt.date


D = TypeVar("D", bound=Dated)


def entries_until(entries: Sequence[D], as_of: dt.date) -> list[D]:
    return [e for e in entries if e.date <= as_of]


def latest(entries: Sequence[D], as_of: dt.date) -> D | None:
    """The last entry dated on or before ``as_of`` (logs are validated to be in date order)."""
    found = entries_until(entries, as_of)
    return found[-1] if found else None


@dataclass(frozen=True)
class TaskFigures:
    """A task's actual position at the as-of date."""

    percent: float
    """Actual progress, 0–100."""
    done: float | None
    """Cumulative amount done (tasks with a quantitative target)."""
    entry: TaskProgress | None


def entry_percent(task: Task, entry: TaskProgress) -> float:
    """An entry's progress: the reported percent, else done / target, capped at 100."""
    if entry.percent is not None:
        return entry.percent
    if entry.done is not None and task.target is not None:
        return min(100.0, entry.done / task.target.value * 100)
    return 0.0


def task_figures(task: Task, as_of: dt.date) -> TaskFigures:
    """The task's position from its log; its status against the schedule is ``schedule.task_schedule``."""
    entry = latest(task.progress, as_of)
    if entry is None:
        return TaskFigures(0.0, None, None)
    return TaskFigures(entry_percent(task, entry), latest_done(task, as_of), entry)


def latest_done(task: Task, as_of: dt.date) -> float | None:
    """The last cumulative amount reported (an entry may give only a percent)."""
    amounts = [e.done for e in entries_until(task.progress, as_of) if e.done is not None]
    return amounts[-1] if amounts else None


@dataclass(frozen=True)
class ProjectFigures:
    percent: float | None
    invested: float | None
    entry: ProjectProgress | None

    def investment_rate(self, project: Project) -> float | None:
        """Investment completed this year against the year's plan, in percent."""
        plan = project.investment.planned_this_year
        if self.invested is None or plan <= 0:
            return None
        return self.invested / plan * 100


def project_figures(project: Project, as_of: dt.date) -> ProjectFigures:
    entries = entries_until(project.progress, as_of)
    percents = [e.percent for e in entries if e.percent is not None]
    invested = [e.invested for e in entries if e.invested is not None]
    return ProjectFigures(
        percents[-1] if percents else None,
        invested[-1] if invested else None,
        entries[-1] if entries else None,
    )
