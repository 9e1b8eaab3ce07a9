"""What each chart of the site shows and where its parts lead, built from the analysis.

The renderer's chart helper (``render/visuals.py``) only draws these specs; it knows no
figure of its own.
"""

from __future__ import annotations

from ..analysis import BEHIND, Scorecard
from ..assessment import Health, UnitCharge, target_at
from ..formatting import number
from ..model import Direction, Indicator, Project, Task
from ..schedule import ScheduleStatus
from ..tones import STAGE_TONE, tone
from .common import BarItem, Bars, Donut, Investment, InvestmentItem, Progress, Slice, Trend
from .context import Site

SCHEDULE_PAGE = "analysis/index.md"


def status_anchor(status: ScheduleStatus) -> str:
    """The anchor of a status's section on the schedule page (ASCII, like every URL here)."""
    return "status-" + status.name.replace("_", "-")


def health_anchor(health: Health) -> str:
    return "health-" + health.name.replace("_", "-")


def stage_anchor(stages: list[str], stage: str) -> str:
    """The anchor of a stage's section on the project list: its place among the vocabulary's stages (ASCII)."""
    return f"stage-{stages.index(stage) + 1}"


def task_progress(site: Site, task: Task, where: str = "") -> Progress:
    """A task's bar; ``where`` tells apart two bars of one task on the same page."""
    s = site.analysis.task(task)
    return Progress(s.actual, s.expected, tone(s.status), f"{where}{task.id}")


def project_progress(site: Site, project: Project) -> Progress:
    s = site.analysis.project(project)
    return Progress(s.actual, s.expected, tone(s.status), project.id)


def status_donut(card: Scorecard, title: str = "重点任务推进状态", key: str | None = None) -> Donut:
    slices = tuple(
        Slice(status.value, count, tone(status), f"{SCHEDULE_PAGE}#{status_anchor(status)}")
        for status, count in card.statuses.items()
    )
    return Donut(title, slices, "项", key)


def health_donut(card: Scorecard, title: str = "考核指标达标情况", key: str | None = None) -> Donut:
    slices = tuple(
        Slice(health.value, count, tone(health), f"indicators/index.md#{health_anchor(health)}")
        for health, count in card.health.items()
        if health is not Health.no_data or count
    )
    return Donut(title, slices, "项", key)


def stage_funnel(card: Scorecard, title: str = "重点工程阶段分布", key: str | None = None) -> Bars:
    stages = list(card.stages)
    bars = tuple(
        BarItem(stage, count, STAGE_TONE, f"projects/index.md#{stage_anchor(stages, stage)}")
        for stage, count in card.stages.items()
    )
    return Bars(title, bars, "个", key=key, funnel=True)


def investment_bars(site: Site, projects: list[Project], title: str = "年度投资完成情况", key: str | None = None) -> Investment:
    rows = tuple(
        InvestmentItem(p.name, p.investment.planned_this_year, site.analysis.project(p).invested or 0.0, f"projects/{p.id}.md")
        for p in projects
    )
    return Investment(title, rows, "万元", key)


def charge_bars(site: Site, rows: list[UnitCharge], title: str, key: str | None = None) -> Bars:
    multiplier = site.report.internal_deduction_multiplier
    bars = tuple(
        BarItem(
            site.data.unit_by_id[r.unit_id].label,
            r.charged,
            "bad",
            f"units/{r.unit_id}.md",
            note=f"上级扣 {number(r.deducted)} 分 ×{number(multiplier)}",
        )
        for r in rows
    )
    return Bars(title, bars, "分", key=key)


def category_bars(site: Site, title: str = "各条线平均进度", key: str | None = None) -> Bars:
    bars = []
    for category in site.report.categories:
        card = site.scorecard("categories", category.id)
        behind = sum(card.statuses[s] for s in BEHIND)
        note = f"序时 {number(card.mean_expected or 0, 1)}%" + (f"，滞后 {behind} 项" if behind else "")
        bars.append(
            BarItem(category.name, card.mean_actual or 0.0, "bad" if behind else "ok", f"categories/{category.id}.md", note)
        )
    return Bars(title, tuple(bars), "%", max_value=100, key=key)


def indicator_trend(site: Site, indicator: Indicator, key: str | None = None) -> Trend:
    standing = site.analysis.indicator(indicator)
    # A yearly total is judged against its share of the year so far: the chart draws that line too,
    # or it would look far off the annual target while the badge says 达标.
    pro_rata = tuple((v.date, target_at(indicator, v.date)) for v in standing.series) if indicator.target.cumulative else ()
    return Trend(
        f"{indicator.name}：监测值走势",
        tuple((v.date, v.value) for v in standing.series),
        standing.target if not indicator.target.cumulative else indicator.target.value,
        indicator.target.measure or "",
        indicator.target.direction is Direction.lower,
        key,
        pro_rata,
    )
