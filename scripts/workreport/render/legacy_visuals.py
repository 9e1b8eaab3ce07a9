"""The charts of templates not yet converted to views (``old_chart``); removed once none uses it.

``charts`` knows how to draw; this module knows what each chart of the site shows and
where its parts lead. Templates call it as ``chart.<name>(…)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from ..analysis import Scorecard
from ..assessment import Health
from ..formatting import number
from ..model import Direction, Indicator, Project, Stage, Task
from ..schedule import ScheduleStatus
from . import charts
from .links import Linker

if TYPE_CHECKING:
    from ..assessment import UnitCharge
    from .site import SiteRenderer

SCHEDULE_PAGE = "analysis/index.md"


def status_anchor(status: ScheduleStatus) -> str:
    """The anchor of a status's section on the schedule page (ASCII, like every URL here)."""
    return "status-" + status.name.replace("_", "-")


def health_anchor(health: Health) -> str:
    return "health-" + health.name.replace("_", "-")


def stage_anchor(stage: Stage) -> str:
    return f"stage-{list(Stage).index(stage) + 1}"


class LegacyVisuals:
    def __init__(self, fig: SiteRenderer, link: Linker):
        self.fig = fig
        self.link = link

    def progress(self, task: Task, where: str = "") -> Markup:
        """Actual progress with the 序时进度 mark, for tables and task pages.

        ``where`` tells apart two bars of one task on the same page (their ids must differ).
        """
        s = self.fig.task(task)
        return charts.schedule_bar(s.actual, s.expected, tone=self.fig.status_tone(s.status), key=f"{where}{task.id}")

    def project_progress(self, project: Project) -> Markup:
        s = self.fig.project(project)
        return charts.schedule_bar(s.actual, s.expected, tone=self.fig.status_tone(s.status), key=project.id)

    def statuses(self, card: Scorecard, title: str = "重点任务推进状态", key: str | None = None) -> Markup:
        segments = [
            charts.Segment(
                status.value,
                count,
                self.fig.status_tone(status),
                str(self.link.url(f"{SCHEDULE_PAGE}#{status_anchor(status)}")),
            )
            for status, count in card.statuses.items()
        ]
        return charts.donut(segments, title=title, unit="项", key=key)

    def health(self, card: Scorecard, title: str = "考核指标达标情况", key: str | None = None) -> Markup:
        segments = [
            charts.Segment(health.value, count, self.fig.health_tone(health), str(self.link.url(f"indicators/index.md#{health_anchor(health)}")))
            for health, count in card.health.items()
            if health is not Health.no_data or count
        ]
        return charts.donut(segments, title=title, unit="项", key=key)

    def stages(self, card: Scorecard, title: str = "重点工程阶段分布", key: str | None = None) -> Markup:
        bars = [
            charts.Bar(stage.value, count, "ok", str(self.link.url(f"projects/index.md#{stage_anchor(stage)}")))
            for stage, count in card.stages.items()
        ]
        return charts.funnel(bars, title=title, unit="个", key=key)

    def investment(self, projects: list[Project], title: str = "年度投资完成情况", key: str | None = None) -> Markup:
        rows = [
            charts.InvestmentRow(
                p.name, p.investment.planned_this_year, self.fig.project(p).invested or 0.0, str(self.link.record_url("projects", p.id))
            )
            for p in projects
        ]
        return charts.investment(rows, title=title, unit="万元", key=key)

    def charges(self, rows: list[UnitCharge], title: str, key: str | None = None) -> Markup:
        multiplier = self.fig.report.internal_deduction_multiplier
        bars = [
            charts.Bar(
                self.fig.unit_label(r.unit_id),
                r.charged,
                "bad",
                str(self.link.record_url("units", r.unit_id)),
                note=f"上级扣 {number(r.deducted)} 分 ×{number(multiplier)}",
            )
            for r in rows
        ]
        return charts.hbars(bars, title=title, unit="分", key=key)

    def category_progress(self, title: str = "各条线平均进度", key: str | None = None) -> Markup:
        bars = []
        for category in self.fig.report.categories:
            card = self.fig.scorecard("categories", category.id)
            behind = sum(card.statuses[s] for s in (ScheduleStatus.lagging, ScheduleStatus.seriously_lagging, ScheduleStatus.overdue))
            bars.append(
                charts.Bar(
                    category.name,
                    card.mean_actual or 0.0,
                    "bad" if behind else "ok",
                    str(self.link.record_url("categories", category.id)),
                    note=f"序时 {number(card.mean_expected or 0, 1)}%" + (f"，滞后 {behind} 项" if behind else ""),
                )
            )
        return charts.hbars(bars, title=title, unit="%", max_value=100, key=key)

    def trend(self, indicator: Indicator, key: str | None = None) -> Markup:
        standing = self.fig.indicator(indicator)
        return charts.trend_line(
            [(v.date, v.value) for v in standing.series],
            title=f"{indicator.name}：监测值走势",
            target=standing.target if not indicator.target.cumulative else indicator.target.value,
            measure=indicator.target.measure or "",
            lower_is_better=indicator.target.direction is Direction.lower,
            key=key,
        )
