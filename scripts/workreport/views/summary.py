"""The period's work summary (reports/summary.md): the opening, 一、工作完成情况, 二、存在的问题, 三、工作计划.

The parts' headings say the period's words (一、上半年工作完成情况, 三、明年工作计划), and the
bureau's own paragraphs (the opening, the leads of the problems and of the plans) come from
``report.summary``. Each part is a list of numbered sections; a section has its title, its paragraphs as plain
strings and its items, each a record's link with its words. The site's fragments lay them
out as Markdown; a document writer can lay out the same sections as its own headings and
paragraphs, so the summary reads the same in every output.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..analysis import BEHIND
from ..assessment import Health
from ..formatting import cn_date, cn_number, measured, number, percent, sentence, short_date
from ..model import Honor, Task
from ..plain import paragraphs as prose_paragraphs
from ..schedule import ScheduleStatus
from .common import Link
from .context import Site


@dataclass(frozen=True)
class SummaryItem:
    """One entry of a section: the record it is about, a short note, and its words."""

    link: Link | None
    """The record's page; None for an entry that links nowhere (an honor won)."""
    note: str | None
    """Said in brackets after the link: the owner unit, the project's stage, the figures."""
    text: str
    """The entry's words, one or more sentences."""


@dataclass(frozen=True)
class SummarySection:
    """A numbered section: （一）title, a paragraph, then its items."""

    number: str
    """The section's number in Chinese (一, 二 …), written （一） before the title."""
    title: str
    anchor: str
    lead: str | None
    """The paragraph before the items."""
    items: tuple[SummaryItem, ...]
    more: str | None = None
    """A second paragraph after the items, listing ``more_items`` in its course."""
    more_items: tuple[SummaryItem, ...] = ()


def _count_phrase(counts: list[tuple[str, int]], keep_zero: int = 0) -> str:
    """“已完成 8 项、正常推进 23 项”: the first ``keep_zero`` counts always, the others when not 0."""
    return "、".join(f"{label} {n} 项" for i, (label, n) in enumerate(counts) if n or i < keep_zero)


# ---------------------------------------------------------------------- the opening


@dataclass(frozen=True)
class SummaryOpening:
    paragraphs: tuple[str, ...]
    """The bureau's opening paragraphs; the last ends with “现将…工作情况总结如下。”"""


def summary_opening(site: Site) -> SummaryOpening:
    paragraphs = list(prose_paragraphs(site.report.summary.opening))
    closing = f"现将{site.report.period.title}工作情况总结如下。"
    if paragraphs:
        paragraphs[-1] = sentence(paragraphs[-1]) + closing
    else:
        paragraphs = [closing]
    return SummaryOpening(tuple(paragraphs))


# ---------------------------------------------------------------------- 一、工作完成情况


@dataclass(frozen=True)
class SummaryAchievements:
    heading: str
    """一、上半年工作完成情况 (the period's words)."""
    intro: str
    """The bureau's figures in one paragraph: tasks, indicators, projects, honors."""
    sections: tuple[SummarySection, ...]
    """One per line of work with tasks: its figures, then each task's own words."""
    honors: SummarySection | None
    """争先创优: the honors won by the as-of date, the earliest first; None when none was won."""


def task_result(site: Site, task: Task) -> str:
    """The task's 完成情况 (``result``) as written, or its progress when nothing was written."""
    if task.result:
        return sentence(task.result)
    s = site.analysis.task(task)
    amount = ""
    if s.log.done is not None and task.target:
        amount = f"（{number(s.log.done)} / {number(task.target.value)} {task.target.measure}）"
    return f"截至{short_date(site.as_of)}完成 {percent(s.actual)}{amount}。"


def honor_won(site: Site, honor: Honor) -> str:
    unit = site.data.unit_by_id[honor.unit].name
    return f"{cn_date(honor.awarded_on)}，{unit}获评{honor.issuer}“{honor.name}”（{honor.level}）。"


def summary_achievements(site: Site) -> SummaryAchievements:
    data, card = site.data, site.bureau
    won = site.analysis.honors_won(data.honors)
    statuses = card.statuses
    tasks = _count_phrase(
        [
            ("已完成", statuses[ScheduleStatus.done]),
            ("正常推进", statuses[ScheduleStatus.on_track]),
            ("滞后", len(card.behind)),
            ("按计划尚未开始", statuses[ScheduleStatus.not_started]),
        ],
        keep_zero=2,
    )
    intro = (
        f"截至{cn_date(site.as_of)}，全局 {card.tasks} 项重点任务平均完成 {percent(card.mean_actual)}"
        f"（序时进度 {percent(card.mean_expected)}），其中{tasks}；"
        f"{len(data.indicators)} 项考核指标中 {card.health[Health.met]} 项达到目标或序时目标；"
        f"{len(data.projects)} 个重点工程完成年度投资 {number(card.investment_done)} 万元，"
        f"占年度计划的 {percent(card.investment_rate)}"
    )
    if won:
        levels = site.report.vocabulary.names("honor_levels")
        won_by_level = [sum(1 for h in won if h.level == level) for level in levels]
        by_level = "".join(f"{level}荣誉 {n} 项、" for level, n in zip(levels, won_by_level, strict=True) if n)
        intro += f"；获得{by_level}共 {len(won)} 项"
    intro += "。"

    sections: list[SummarySection] = []
    for index, category in enumerate(site.report.categories, start=1):
        c = site.scorecard("categories", category.id)
        if not c.tasks:
            continue
        counts = _count_phrase(
            [
                ("已完成", c.statuses[ScheduleStatus.done]),
                ("正常推进", c.statuses[ScheduleStatus.on_track]),
                ("滞后", len(c.behind)),
            ],
            keep_zero=2,
        )
        lead = (
            f"{category.name}共 {c.tasks} 项重点任务，平均完成 {percent(c.mean_actual)}"
            f"（序时进度 {percent(c.mean_expected)}），{counts}。"
        )
        items = tuple(SummaryItem(Link("tasks", t.id, t.title), None, task_result(site, t)) for t in c.scope.tasks)
        # Numbered by the line of work's place among all: a line without tasks leaves its number unused.
        sections.append(
            SummarySection(cn_number(index), category.slogan or category.name, f"done-{category.id}", lead, items)
        )

    honors = None
    if won:
        items = tuple(SummaryItem(None, None, honor_won(site, h)) for h in reversed(won))
        # Numbered after every line of work, whether it has tasks or not.
        honors = SummarySection(cn_number(len(site.report.categories) + 1), "争先创优", "done-honors", None, items)
    heading = f"一、{site.words.span}工作完成情况"
    return SummaryAchievements(heading, intro, tuple(sections), honors)


# ---------------------------------------------------------------------- 二、存在的问题


@dataclass(frozen=True)
class SummaryProblems:
    heading: str
    lead: str | None
    """The bureau's paragraph before the problems; None when there is none to report."""
    tasks: SummarySection | None
    """Tasks behind schedule, with their own 存在问题; None when none is behind."""
    indicators: SummarySection | None
    """Points lost (``lead`` and ``items``) and indicators missing their target (``more``)."""
    projects: SummarySection | None
    """Projects behind schedule or with approvals overdue."""
    clear: str | None
    """What the part says when there is no problem to report; None otherwise."""

    @property
    def sections(self) -> tuple[SummarySection, ...]:
        return tuple(s for s in (self.tasks, self.indicators, self.projects) if s is not None)


def _task_problems(site: Site) -> SummarySection | None:
    card, data = site.bureau, site.data
    if not card.behind:
        return None
    overdue = card.statuses[ScheduleStatus.overdue]
    serious = card.statuses[ScheduleStatus.seriously_lagging]
    worst = _count_phrase([(ScheduleStatus.overdue.value, overdue), ("严重滞后", serious)])
    lead = f"截至{cn_date(site.as_of)}，有 {len(card.behind)} 项重点任务落后于序时进度"
    lead += f"，其中{worst}。" if worst else "。"
    items = []
    for b in card.behind:
        task, s = b.task, b.schedule
        if s.status is ScheduleStatus.overdue:
            late = "已逾期" if site.as_of > task.window.end else "到期未完成"
            where = f"计划于{cn_date(task.window.end)}完成，{late}"
        else:
            where = f"低于序时进度 {number(s.gap, 1)} 个百分点"
        text = f"完成 {percent(s.actual)}，{where}。{sentence(task.problems)}"
        items.append(SummaryItem(Link("tasks", task.id, task.title), data.unit_by_id[task.owner_unit].name, text))
    return SummarySection("", "部分重点任务进度滞后", "problem-tasks", lead, tuple(items))


def _indicator_problems(site: Site) -> SummarySection | None:
    a, card, data = site.analysis, site.bureau, site.data
    lost = [i for i in data.indicators if a.indicator(i).points_deducted]
    missed = [i for i in data.indicators if a.indicator(i).health is Health.missed]
    if not lost and not missed:
        return None
    lead = None
    if lost:
        lead = f"{site.words.span}共有 {len(lost)} 项考核指标被扣分，累计扣 {number(card.points_deducted)} 分"
        if site.audience.sees_internal_assessment:
            lead += (
                f"，按局内考核 {number(site.report.internal_deduction_multiplier)} 倍扣分的规定，"
                f"相关单位在局内考核中合计扣 {number(card.points_charged)} 分"
            )
        lead += "。"
    deductions = tuple(
        SummaryItem(
            Link("indicators", i.id, i.name),
            None,
            f"{cn_date(d.date)}扣 {number(d.points)} 分（{data.unit_by_id[d.unit].name}），{sentence(d.reason)}",
        )
        for i in lost
        for d in a.indicator(i).deductions
    )
    more = None
    short = []
    if missed:
        more = f"另有 {len(missed)} 项指标未达到目标（年度累计型指标按序时目标计）："
        for i in missed:
            s, measure = a.indicator(i), i.target.measure or ""
            value = measured(s.value.value, measure) if s.value else "无数据"
            target = "序时目标" if i.target.cumulative else "目标"
            figures = f"{value}，{target} {measured(s.target, measure, 1)}"
            short.append(SummaryItem(Link("indicators", i.id, i.name), figures, ""))
    title = "部分考核指标失分或未达序时目标"
    return SummarySection("", title, "problem-indicators", lead, deductions, more, tuple(short))


def _project_problems(site: Site) -> SummarySection | None:
    items = []
    for p in site.data.projects:
        s = site.analysis.project(p)
        behind = s.status in BEHIND
        if not behind and not s.overdue_prerequisites:
            continue
        text = ""
        if behind:
            text += f"形象进度 {percent(s.actual)}，低于序时进度 {number(s.gap, 1)} 个百分点；"
        if s.overdue_prerequisites:
            text += "、".join(f"{r.name}计划于{cn_date(r.planned)}办结" for r in s.overdue_prerequisites)
            text += "，目前尚未办结；"
        text += sentence(p.problems)
        items.append(SummaryItem(Link("projects", p.id, p.name), s.stage, text))
    if not items:
        return None
    title = "部分工程建设和前期工作推进缓慢"
    return SummarySection("", title, "problem-projects", None, tuple(items))


def summary_problems(site: Site) -> SummaryProblems:
    # Sections are numbered in turn, counting only those that have something to say.
    found = [_task_problems(site), _indicator_problems(site), _project_problems(site)]
    numbered: list[SummarySection | None] = []
    n = 0
    for section in found:
        if section is not None:
            n += 1
        numbered.append(replace(section, number=cn_number(n)) if section else None)
    tasks, indicators, projects = numbered
    clear = lead = None
    if n:
        lead = site.report.summary.problems or PROBLEMS_LEAD
    else:
        clear = f"截至{cn_date(site.as_of)}，各项重点任务均按序时推进，考核指标未被扣分。"
    return SummaryProblems("二、存在的问题", lead, tasks, indicators, projects, clear)


PROBLEMS_LEAD = "在肯定成绩的同时，我们也清醒地看到，对照年度目标和序时进度，还存在一些差距和不足。"
"""The problems' lead when the bureau wrote none (``report.summary.problems``)."""


# ---------------------------------------------------------------------- 三、工作计划


@dataclass(frozen=True)
class SummaryPlans:
    heading: str
    """三、下半年工作计划 (the period's words)."""
    lead: str | None
    """The bureau's paragraph before the plans (``report.summary.plans``)."""
    sections: tuple[SummarySection, ...]
    """One per line of work with written plans, each task's plan (``plan``) as an item."""
    empty: str
    """What the part says when no task has a plan written."""


def summary_plans(site: Site) -> SummaryPlans:
    sections: list[SummarySection] = []
    for category in site.report.categories:
        tasks = [t for t in site.data.tasks_in_category(category.id) if t.plan]
        if not tasks:
            continue
        items = tuple(SummaryItem(Link("tasks", t.id, t.title), None, sentence(t.plan)) for t in tasks)
        place = cn_number(len(sections) + 1)
        sections.append(SummarySection(place, category.slogan or category.name, f"plan-{category.id}", None, items))
    following = site.words.next
    empty = f"各单位尚未填写{following}工作计划（重点任务的 plan 字段）。"
    return SummaryPlans(f"三、{following}工作计划", site.report.summary.plans, tuple(sections), empty)
