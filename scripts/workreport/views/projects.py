"""Project pages and the project list by stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..formatting import cn_date, number, percent
from ..model import Phase, Prerequisite, Project
from ..schedule import ProjectSchedule
from .charts import investment_bars, project_progress, stage_anchor, stage_funnel
from .common import Badge, Bars, Investment, Link, Progress, badge, log_note, stage_badge
from .context import Site
from .freshness import last_report
from .history import Changes, record_changes


def _overdue(schedule: ProjectSchedule, prerequisite: Prerequisite) -> bool:
    return prerequisite in schedule.overdue_prerequisites


def prerequisites_note(schedule: ProjectSchedule) -> str:
    """“尚有 2 项前置要件未办结，其中 1 项已超过计划办结日期。”, or "" when none is open."""
    still_open, overdue = len(schedule.open_prerequisites), len(schedule.overdue_prerequisites)
    if not still_open:
        return ""
    return f"尚有 {still_open} 项前置要件未办结" + (f"，其中 {overdue} 项已超过计划办结日期" if overdue else "") + "。"


# ---------------------------------------------------------------------- page


@dataclass(frozen=True)
class PrerequisiteRow:
    name: str
    planned: dt.date | None
    done_on: dt.date | None
    """None while not done by the as-of date (a later completion does not count yet)."""
    overdue: bool
    """Not done, and its planned date has passed."""
    note: str


@dataclass(frozen=True)
class ProjectLogRow:
    date: dt.date
    percent: float | None
    invested: float | None
    stage: str
    note: str


@dataclass(frozen=True)
class ProjectPage:
    id: str
    name: str
    stage: Badge
    """The stage on the as-of date."""
    stage_anchor: str
    """The stage's section on the project list."""
    status: Badge
    internal: bool
    county: str
    kind: str
    as_of: dt.date
    actual: float
    expected: float | None
    """序时进度, for a project not yet built that has a dated window."""
    invested: float | None
    investment_rate: float | None
    open_prerequisites: int
    overdue_prerequisites: int
    summary: str
    """“截至2025年6月30日，形象进度 40%（序时进度 49.6%），年度完成投资 620 万元，占年度计划的 41.3%。尚有 1 项前置要件未办结。”"""
    progress: Progress
    owner: Link
    category: str
    total_investment: float
    planned_this_year: float
    start: dt.date | None
    planned_completion: dt.date | None
    completed: dt.date | None
    accepted: dt.date | None
    tasks: tuple[Link, ...]
    prerequisites: tuple[PrerequisiteRow, ...]
    problems: str | None
    log: tuple[ProjectLogRow, ...]
    changes: Changes | None
    reported: str | None = None
    """When the record was last reported and by which unit (``freshness.last_report``)."""


def _summary(site: Site, s: ProjectSchedule, expected: float | None) -> str:
    text = f"截至{cn_date(site.as_of)}，形象进度 {percent(s.actual)}"
    if expected is not None:
        text += f"（序时进度 {percent(expected)}）"
    text += f"，年度完成投资 {number(s.invested)} 万元"
    if s.investment_rate is not None:
        text += f"，占年度计划的 {percent(s.investment_rate)}"
    return text + "。" + prerequisites_note(s)


def project_page(site: Site, project: Project) -> ProjectPage:
    s = site.analysis.project(project)
    data = site.data
    # A built project is at 100 % of its schedule: 序时进度 says nothing more.
    expected = s.expected if s.phase is not Phase.built else None
    category = data.category_by_id[project.category].name if project.category else "—"
    return ProjectPage(
        reported=last_report(site, project),
        id=project.id,
        name=project.name,
        stage=stage_badge(s.stage),
        stage_anchor=stage_anchor(site.report.vocabulary.names("project_stages"), s.stage),
        status=badge(s.status),
        internal=site.shows_internal_mark(project),
        county=project.county,
        kind=project.kind,
        as_of=site.as_of,
        actual=s.actual,
        expected=expected,
        invested=s.invested,
        investment_rate=s.investment_rate,
        open_prerequisites=len(s.open_prerequisites),
        overdue_prerequisites=len(s.overdue_prerequisites),
        summary=_summary(site, s, expected),
        progress=project_progress(site, project),
        owner=Link("units", project.owner_unit, data.unit_by_id[project.owner_unit].name),
        category=category,
        total_investment=project.investment.total,
        planned_this_year=project.investment.planned_this_year,
        start=project.dates.start,
        planned_completion=project.dates.planned_completion,
        completed=project.dates.completed,
        accepted=project.dates.accepted,
        tasks=tuple(Link("tasks", t, data.task_by_id[t].title) for t in project.tasks),
        prerequisites=tuple(
            PrerequisiteRow(
                r.name,
                r.planned,
                r.done_on if r not in s.open_prerequisites else None,
                _overdue(s, r),
                r.note or "",
            )
            for r in project.prerequisites
        ),
        problems=project.problems,
        log=tuple(
            ProjectLogRow(e.date, e.percent, e.invested, e.stage or "", log_note(e.note, e.problems, site.audience.sees_internal_records))
            for e in project.progress
        ),
        changes=record_changes(site, project),
    )


# ---------------------------------------------------------------------- list


@dataclass(frozen=True)
class OpenPrerequisite:
    name: str
    overdue: bool


@dataclass(frozen=True)
class ProjectRow:
    link: Link
    internal: bool
    kind: str
    county: str
    owner: Link
    total_investment: float
    planned_this_year: float
    invested: float | None
    start: dt.date | None
    open_prerequisites: tuple[OpenPrerequisite, ...]
    progress: Progress
    status: Badge


def project_row(site: Site, project: Project) -> ProjectRow:
    s = site.analysis.project(project)
    return ProjectRow(
        link=Link("projects", project.id, project.name),
        internal=site.shows_internal_mark(project),
        kind=project.kind,
        county=project.county,
        owner=Link("units", project.owner_unit, site.data.unit_by_id[project.owner_unit].label),
        total_investment=project.investment.total,
        planned_this_year=project.investment.planned_this_year,
        invested=s.invested,
        start=project.dates.start,
        open_prerequisites=tuple(OpenPrerequisite(r.name, _overdue(s, r)) for r in s.open_prerequisites),
        progress=project_progress(site, project),
        status=badge(s.status),
    )


@dataclass(frozen=True)
class StageGroup:
    """One section of the list: the projects in one stage on the as-of date."""

    name: str
    anchor: str
    preliminary: bool
    """Projects not begun yet: listed with their open approvals instead of their progress."""
    rows: tuple[ProjectRow, ...]


@dataclass(frozen=True)
class ProjectIndex:
    location: str
    """The heading of the projects' location column: 县（市、区）, 乡镇（街道）."""
    stages_chart: Bars
    investment_chart: Investment
    """Projects with investment planned this year."""
    count: int
    investment_planned: float
    investment_done: float
    investment_rate: float | None
    waiting: int
    """Projects not begun yet with approvals still open."""
    summary: str
    """“共 12 个重点工程，年度计划投资 … 万元，截至…完成 … 万元（…%）。2 个前期工程尚有前置要件未办结。”"""
    groups: tuple[StageGroup, ...]
    """Every stage, in order, empty ones too."""


def project_index(site: Site) -> ProjectIndex:
    card = site.bureau
    projects = site.data.projects
    waiting = len(card.projects_waiting)
    summary = (
        f"共 {len(projects)} 个重点工程，年度计划投资 {number(card.investment_planned)} 万元，"
        f"截至{cn_date(site.as_of)}完成 {number(card.investment_done)} 万元（{percent(card.investment_rate)}）。"
    )
    if waiting:
        summary += f"{waiting} 个前期工程尚有前置要件未办结。"
    vocabulary = site.report.vocabulary
    stages = vocabulary.names("project_stages")
    groups = tuple(
        StageGroup(
            stage,
            stage_anchor(stages, stage),
            vocabulary.phase(stage) is Phase.preliminary,
            tuple(project_row(site, p) for p in projects if site.analysis.project(p).stage == stage),
        )
        for stage in stages
    )
    planned = [p for p in projects if p.investment.planned_this_year]
    return ProjectIndex(
        location=site.words.project_location,
        stages_chart=stage_funnel(card, key="projects"),
        investment_chart=investment_bars(site, planned, title="各工程年度投资完成情况", key="projects"),
        count=len(projects),
        investment_planned=card.investment_planned,
        investment_done=card.investment_done,
        investment_rate=card.investment_rate,
        waiting=waiting,
        summary=summary,
        groups=groups,
    )
