"""Aggregations at the as-of date: the figures of every record once, and scorecards per scope.

A scope is a slice of the bureau's work: a line of work (category), a unit, a leader's
units, or the whole bureau. Every view of the site (dashboard, scorecards, summary) reads
the same ``Scorecard`` so that a figure never differs between two pages.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .assessment import Health, IndicatorStanding, UnitCharge, indicator_standing, unit_charges
from .dataset import Dataset
from .model import Case, Highlight, Honor, HonorStatus, Indicator, Phase, Project, Task
from .schedule import ProjectSchedule, ScheduleStatus, TaskSchedule, project_schedule, task_schedule

BEHIND = (ScheduleStatus.overdue, ScheduleStatus.seriously_lagging, ScheduleStatus.lagging)
"""The statuses a leader must act on, in order of urgency."""


@dataclass(frozen=True)
class Scope:
    """The records a scorecard sums up."""

    title: str
    tasks: list[Task] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    unit_ids: list[str] = field(default_factory=list)
    """Units whose deductions count here (empty for a line of work: deductions name units)."""
    honors: list[Honor] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    highlights: list[Highlight] = field(default_factory=list)


@dataclass(frozen=True)
class Behind:
    """A task behind schedule, with how far."""

    task: Task
    schedule: TaskSchedule


@dataclass(frozen=True)
class Scorecard:
    scope: Scope
    statuses: dict[ScheduleStatus, int]
    """Tasks per status, every status present, in the enum's order."""
    mean_expected: float | None
    mean_actual: float | None
    behind: list[Behind]
    """Tasks 未按期完成, 严重滞后 or 滞后, the largest gap first."""
    health: dict[Health, int]
    points_deducted: float | None
    """Points lost by the scope's units; None for a scope without units."""
    points_charged: float | None
    """The internal charge: points lost × the multiplier."""
    stages: dict[str, int]
    """Projects per stage, every stage of the vocabulary present, in its order."""
    investment_planned: float
    investment_done: float
    projects_waiting: list[Project]
    """Projects not yet begun (a stage of the preliminary phase) with approvals still open."""
    honors_won: int

    @property
    def tasks(self) -> int:
        return len(self.scope.tasks)

    @property
    def investment_rate(self) -> float | None:
        if self.investment_planned <= 0:
            return None
        return self.investment_done / self.investment_planned * 100


class Analysis:
    """Every figure of a dataset at its as-of date, computed once."""

    def __init__(self, data: Dataset, as_of: dt.date | None = None):
        self.data = data
        self.report = data.report
        self.as_of = as_of or data.report.as_of

    # ------------------------------------------------------------------ per record

    @cached_property
    def _tasks(self) -> dict[str, TaskSchedule]:
        thresholds = self.report.thresholds
        return {t.id: task_schedule(t, self.as_of, thresholds) for t in self.data.tasks}

    @cached_property
    def _projects(self) -> dict[str, ProjectSchedule]:
        thresholds = self.report.thresholds
        vocabulary = self.report.vocabulary
        return {p.id: project_schedule(p, self.as_of, thresholds, vocabulary) for p in self.data.projects}

    @cached_property
    def _indicators(self) -> dict[str, IndicatorStanding]:
        thresholds = self.report.thresholds
        return {i.id: indicator_standing(i, self.as_of, thresholds) for i in self.data.indicators}

    def task(self, task: Task) -> TaskSchedule:
        return self._tasks[task.id]

    def project(self, project: Project) -> ProjectSchedule:
        return self._projects[project.id]

    def indicator(self, indicator: Indicator) -> IndicatorStanding:
        return self._indicators[indicator.id]

    # ------------------------------------------------------------------ lists

    def behind(self, tasks: list[Task]) -> list[Behind]:
        """Tasks behind schedule, the largest gap first; overdue ones first among equals."""
        rows = [Behind(t, self.task(t)) for t in tasks if self.task(t).status in BEHIND]
        return sorted(rows, key=lambda r: (-r.schedule.gap, BEHIND.index(r.schedule.status)))

    def at_risk(self, indicators: list[Indicator]) -> list[Indicator]:
        """Indicators missing their target, warned, or already losing points: worst first."""
        order = {Health.missed: 0, Health.warning: 1, Health.met: 2, Health.no_data: 3}
        risky = [i for i in indicators if self.indicator(i).at_risk]
        return sorted(risky, key=lambda i: (order[self.indicator(i).health], -self.indicator(i).points_deducted))

    @cached_property
    def unit_charges(self) -> list[UnitCharge]:
        units = [u.id for u in self.data.units]
        return unit_charges(self.data.indicators, units, self.as_of, self.report.internal_deduction_multiplier)

    def honors_won(self, honors: list[Honor]) -> list[Honor]:
        """Honors won on or before the as-of date, the latest first."""
        won = [h for h in honors if h.status is HonorStatus.won and h.awarded_on and h.awarded_on <= self.as_of]
        return sorted(won, key=lambda h: h.awarded_on, reverse=True)  # type: ignore[arg-type,return-value]

    def highlights_of_period(self, highlights: list[Highlight]) -> list[Highlight]:
        period = self.report.period
        found = [h for h in highlights if period.start <= h.date <= min(period.end, self.as_of)]
        return sorted(found, key=lambda h: h.date, reverse=True)

    # ------------------------------------------------------------------ scopes

    def bureau_scope(self) -> Scope:
        d = self.data
        return Scope(d.report.bureau, d.tasks, d.indicators, d.projects, [u.id for u in d.units], d.honors, d.cases, d.highlights)

    def category_scope(self, category_id: str) -> Scope:
        d = self.data
        return Scope(
            d.category_by_id[category_id].name,
            tasks=d.tasks_in_category(category_id),
            projects=[p for p in d.projects if p.category == category_id],
            cases=[c for c in d.cases if c.category == category_id],
            highlights=[h for h in d.highlights if h.category == category_id],
        )

    def units_scope(self, title: str, unit_ids: list[str]) -> Scope:
        d = self.data

        def owned(kind: str) -> list[Any]:
            return [r for u in unit_ids for r in d.of_unit(u, kind)]

        return Scope(
            title,
            tasks=owned("tasks"),
            indicators=owned("indicators"),
            projects=owned("projects"),
            unit_ids=unit_ids,
            honors=owned("honors"),
            cases=owned("cases"),
            highlights=owned("highlights"),
        )

    def unit_scope(self, unit_id: str) -> Scope:
        return self.units_scope(self.data.unit_by_id[unit_id].name, [unit_id])

    def leader_scope(self, leader_id: str) -> Scope:
        leader = self.data.leader_by_id[leader_id]
        return self.units_scope(f"{leader.name}分管", [u.id for u in self.data.units_led_by(leader_id)])

    # ------------------------------------------------------------------ scorecards

    def scorecard(self, scope: Scope) -> Scorecard:
        schedules = [self.task(t) for t in scope.tasks]
        statuses = Counter(s.status for s in schedules)
        health = Counter(self.indicator(i).health for i in scope.indicators)
        stages = Counter(self.project(p).stage for p in scope.projects)
        units = set(scope.unit_ids)
        charges = [c for c in self.unit_charges if c.unit_id in units]
        return Scorecard(
            scope=scope,
            statuses={s: statuses[s] for s in ScheduleStatus},
            mean_expected=_mean([s.expected for s in schedules]),
            mean_actual=_mean([s.actual for s in schedules]),
            behind=self.behind(scope.tasks),
            health={h: health[h] for h in Health},
            points_deducted=sum(c.deducted for c in charges) if scope.unit_ids else None,
            points_charged=sum(c.charged for c in charges) if scope.unit_ids else None,
            stages={s: stages[s] for s in self.report.vocabulary.names("project_stages")},
            investment_planned=sum(p.investment.planned_this_year for p in scope.projects),
            investment_done=sum(self.project(p).invested or 0 for p in scope.projects),
            projects_waiting=[
                p for p in scope.projects
                if self.project(p).phase is Phase.preliminary and self.project(p).open_prerequisites
            ],
            honors_won=len(self.honors_won(scope.honors)),
        )


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None
