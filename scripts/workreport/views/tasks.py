"""Task pages, the task list by line of work, and the headline targets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..analysis import BEHIND
from ..formatting import MISSING, number
from ..model import Task
from ..progress import entry_percent
from ..schedule import milestone_state
from .charts import task_progress
from .common import Badge, Link, Progress, badge, log_note
from .context import Site
from .freshness import last_report
from .history import Changes, record_changes


def amount(value: float, measure: str) -> str:
    """“5 个”: an amount with its measure word."""
    return f"{number(value)} {measure}"


def target_text(task: Task) -> str | None:
    """“12 个”, or None for a task run by milestones."""
    return amount(task.target.value, task.target.measure) if task.target else None


def leader_link(site: Site, task: Task, full: bool = True) -> Link:
    leader = site.data.task_leader(task)
    return Link("leaders", leader.id, f"{leader.name}（{leader.title}）" if full else leader.name)


def unit_link(site: Site, unit_id: str, full: bool = False) -> Link:
    unit = site.data.unit_by_id[unit_id]
    return Link("units", unit.id, unit.name if full else unit.label)


def category_link(site: Site, category_id: str) -> Link:
    return Link("categories", category_id, site.data.category_by_id[category_id].name)


@dataclass(frozen=True)
class LogRow:
    date: dt.date
    after_as_of: bool
    """Dated after the as-of date: shown, but not counted this period."""
    done: str | None
    """The cumulative amount with its measure word."""
    percent: float | None
    """The entry's progress, capped at 100 % like every progress figure (see ``progress.entry_percent``)."""
    note: str


@dataclass(frozen=True)
class MilestoneRow:
    title: str
    due: dt.date
    done_on: dt.date | None
    """None while not done by the as-of date."""
    state: Badge
    """已完成, 未到期 or 未按期完成 at the as-of date."""


@dataclass(frozen=True)
class RelatedProject:
    link: Link
    stage: str


@dataclass(frozen=True)
class TaskPage:
    id: str
    title: str
    internal: bool
    status: Badge
    as_of: dt.date
    actual: float
    amount: str | None
    """“5 / 12 个”, for a task with a quantitative target and a reported amount."""
    expected: float
    behind_by: float | None
    """Percentage points behind 序时进度, for a task that is behind."""
    ahead_by: float | None
    progress: Progress
    category: Link
    owner: Link
    partners: tuple[Link, ...]
    leader: Link
    target: str
    window_start: dt.date
    window_end: dt.date
    expected_basis: str
    result: str | None
    result_heading: str
    """上半年完成情况, 全年完成情况… (the period's words)."""
    problems: str | None
    plan: str | None
    plan_heading: str
    """下半年工作计划, 明年工作计划…"""
    milestones: tuple[MilestoneRow, ...]
    planned: tuple[tuple[dt.date, float], ...]
    log: tuple[LogRow, ...]
    projects: tuple[RelatedProject, ...]
    cases: tuple[Link, ...]
    changes: Changes | None
    reported: str | None = None
    """When the record was last reported and by which unit (``freshness.last_report``)."""


def task_page(site: Site, task: Task) -> TaskPage:
    s = site.analysis.task(task)
    data, as_of = site.data, site.as_of
    measure = task.target.measure if task.target else ""
    target = target_text(task)
    if target and task.target and task.target.description:
        target = f"{target}：{task.target.description}"
    return TaskPage(
        reported=last_report(site, task),
        id=task.id,
        title=task.title,
        internal=site.shows_internal_mark(task),
        status=badge(s.status),
        as_of=as_of,
        actual=s.actual,
        amount=f"{number(s.log.done)} / {target_text(task)}" if s.log.done is not None and task.target else None,
        expected=s.expected,
        behind_by=s.gap if s.status in BEHIND else None,
        ahead_by=-s.gap if s.status not in BEHIND and s.gap < 0 else None,
        progress=task_progress(site, task),
        category=category_link(site, task.category),
        owner=unit_link(site, task.owner_unit, full=True),
        partners=tuple(unit_link(site, u, full=True) for u in task.partner_units),
        leader=leader_link(site, task),
        target=target or ("按里程碑推进" if task.milestones else "按完成比例报告进度"),
        window_start=task.window.start,
        window_end=task.window.end,
        expected_basis="按计划进度曲线" if task.planned else "按时间窗口线性计算",
        result=task.result,
        result_heading=f"{site.words.span}完成情况",
        problems=task.problems,
        plan=task.plan,
        plan_heading=f"{site.words.next}工作计划",
        milestones=tuple(
            MilestoneRow(
                m.title, m.due, m.done_on if m.done_on and m.done_on <= as_of else None, badge(milestone_state(m, as_of))
            )
            for m in task.milestones
        ),
        planned=tuple((p.date, p.percent) for p in task.planned),
        log=tuple(
            LogRow(
                e.date,
                e.date > as_of,
                amount(e.done, measure) if e.done is not None else None,
                entry_percent(task, e) if e.percent is not None or (e.done is not None and task.target) else None,
                log_note(e.note, e.problems, site.audience.sees_internal_records),
            )
            for e in task.progress
        ),
        projects=tuple(RelatedProject(Link("projects", p.id, p.name), p.stage) for p in data.projects_of_task(task.id)),
        cases=tuple(Link("cases", c.id, c.title) for c in data.cases_related_to("tasks", task.id)),
        changes=record_changes(site, task),
    )


# ---------------------------------------------------------------------- lists


@dataclass(frozen=True)
class TaskRow:
    link: Link
    internal: bool
    owner: Link
    leader: Link
    """The 分管领导, by name only (the list is narrow)."""
    target: str
    """“12 个”, or “3 个节点” for a task run by milestones."""
    window_start: dt.date
    window_end: dt.date
    actual: float
    expected: float
    progress: Progress
    status: Badge


def task_row(site: Site, task: Task, where: str = "") -> TaskRow:
    s = site.analysis.task(task)
    return TaskRow(
        link=Link("tasks", task.id, task.title),
        internal=site.shows_internal_mark(task),
        owner=unit_link(site, task.owner_unit),
        leader=leader_link(site, task, full=False),
        target=target_text(task) or (f"{len(task.milestones)} 个节点" if task.milestones else MISSING),
        window_start=task.window.start,
        window_end=task.window.end,
        actual=s.actual,
        expected=s.expected,
        progress=task_progress(site, task, where),
        status=badge(s.status),
    )


@dataclass(frozen=True)
class TaskGroup:
    """One line of work in the task list."""

    id: str
    name: str
    slogan: str | None
    tasks: tuple[TaskRow, ...]
    mean_actual: float | None
    mean_expected: float | None
    behind: int


@dataclass(frozen=True)
class TaskIndex:
    groups: tuple[TaskGroup, ...]


def task_index(site: Site) -> TaskIndex:
    groups = []
    for category in site.report.categories:
        card = site.scorecard("categories", category.id)
        groups.append(
            TaskGroup(
                category.id,
                category.name,
                category.slogan,
                tuple(task_row(site, t) for t in card.scope.tasks),
                card.mean_actual,
                card.mean_expected,
                len(card.behind),
            )
        )
    return TaskIndex(tuple(groups))


@dataclass(frozen=True)
class HeadlineRow:
    link: Link
    target: str | None
    done: str | None
    """The amount done by the as-of date, with its measure word."""
    actual: float
    expected: float
    progress: Progress
    status: Badge
    owner: Link


@dataclass(frozen=True)
class HeadlineTargets:
    as_of: dt.date
    rows: tuple[HeadlineRow, ...]


def headline_targets(site: Site) -> HeadlineTargets:
    rows = []
    for task in site.data.tasks:
        if not task.headline:
            continue
        s = site.analysis.task(task)
        measure = task.target.measure if task.target else ""
        rows.append(
            HeadlineRow(
                link=Link("tasks", task.id, task.title),
                target=target_text(task),
                done=amount(s.log.done, measure) if s.log.done is not None and task.target else None,
                actual=s.actual,
                expected=s.expected,
                progress=task_progress(site, task, "headline-"),
                status=badge(s.status),
                owner=unit_link(site, task.owner_unit),
            )
        )
    return HeadlineTargets(site.as_of, tuple(rows))
