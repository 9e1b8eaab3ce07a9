"""The leaders' dashboard: one screen of figures, each leading to the records behind it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Indicator
from .charts import category_bars, charge_bars, stage_funnel, status_donut
from .common import Badge, Bars, Donut, Link, badge
from .context import Site
from .scorecards import (
    BehindRow,
    Deductions,
    HealthCounts,
    StatusCounts,
    behind_row,
    deductions,
    health_counts,
    status_counts,
)

LIST_LENGTH = 10
"""How many tasks behind schedule, and how many indicators at risk, the dashboard lists."""
HONORS_SHOWN = 5
HIGHLIGHTS_SHOWN = 4


@dataclass(frozen=True)
class RiskRow:
    """An indicator missing its target, warned, or losing points."""

    link: Link
    source: str
    value: float | None
    """The latest value by the as-of date; None without data."""
    measure: str
    target_label: str
    """序时目标 for a yearly total compared pro rata, 目标 otherwise."""
    target: float
    health: Badge
    points_deducted: float
    """0 when no point is lost (then not shown)."""


@dataclass(frozen=True)
class OpenApproval:
    name: str
    overdue: bool
    """Its planned date has passed."""


@dataclass(frozen=True)
class WaitingProject:
    """A project in 前期 with approvals still open."""

    link: Link
    prerequisites: tuple[OpenApproval, ...]


@dataclass(frozen=True)
class UnitCharges:
    """The units' panel for an audience shown the bureau's own assessment."""

    multiplier: float
    chart: Bars | None
    """The units charged this period; None when none is."""
    uncharged: int
    """How many units are not charged this period."""


@dataclass(frozen=True)
class HonorItem:
    link: Link
    level: str
    awarded_on: dt.date | None


@dataclass(frozen=True)
class HighlightItem:
    link: Link
    date: dt.date


@dataclass(frozen=True)
class Dashboard:
    tasks: int
    statuses: StatusCounts
    mean_actual: float | None
    mean_expected: float | None
    indicators: int
    health: HealthCounts
    deductions: Deductions
    deductions_page: str
    """Where the deductions KPI leads: the units' scoreboard, or the indicators for the public."""
    investment_rate: float | None
    investment_done: float
    investment_planned: float
    honors_won: int
    honors_by_level: tuple[tuple[str, int], ...]
    """Honors won per level, every level in order."""
    status_donut: Donut
    behind: tuple[BehindRow, ...]
    """The first tasks behind schedule, the largest gap first."""
    more_behind: int
    """How many more are behind than listed."""
    at_risk: tuple[RiskRow, ...]
    more_at_risk: int
    stage_funnel: Bars
    waiting: tuple[WaitingProject, ...]
    unit_charges: UnitCharges | None
    """None for an audience not shown the bureau's own assessment: it sees ``category_chart``."""
    category_chart: Bars | None
    honors: tuple[HonorItem, ...]
    """The latest honors won."""
    highlights: int
    """Highlights of the period."""
    latest_highlights: tuple[HighlightItem, ...]


def risk_row(site: Site, indicator: Indicator) -> RiskRow:
    s = site.analysis.indicator(indicator)
    return RiskRow(
        link=Link("indicators", indicator.id, indicator.name),
        source=indicator.source,
        value=s.value.value if s.value is not None else None,
        measure=indicator.target.measure or "",
        target_label="序时目标" if indicator.target.cumulative else "目标",
        target=s.target,
        health=badge(s.health),
        points_deducted=s.points_deducted,
    )


def unit_charges(site: Site) -> UnitCharges | None:
    if not site.audience.sees_internal_assessment:
        return None
    charged = [c for c in site.analysis.unit_charges if c.charged]
    chart = charge_bars(site, charged, "局内考核扣分", key="dashboard") if charged else None
    return UnitCharges(site.report.internal_deduction_multiplier, chart, len(site.data.units) - len(charged))


def dashboard(site: Site) -> Dashboard:
    a, data = site.analysis, site.data
    card = site.bureau
    at_risk = a.at_risk(data.indicators)
    won = a.honors_won(data.honors)
    highlights = a.highlights_of_period(data.highlights)
    waiting = []
    for p in card.projects_waiting:
        s = a.project(p)
        waiting.append(
            WaitingProject(
                Link("projects", p.id, p.name),
                tuple(OpenApproval(r.name, r in s.overdue_prerequisites) for r in s.open_prerequisites),
            )
        )
    charges = unit_charges(site)
    internal = site.audience.sees_internal_assessment
    return Dashboard(
        tasks=card.tasks,
        statuses=status_counts(card),
        mean_actual=card.mean_actual,
        mean_expected=card.mean_expected,
        indicators=len(data.indicators),
        health=health_counts(card),
        deductions=deductions(site, card),
        deductions_page="analysis/units.md" if internal else "indicators/index.md",
        investment_rate=card.investment_rate,
        investment_done=card.investment_done,
        investment_planned=card.investment_planned,
        honors_won=len(won),
        honors_by_level=tuple(
            (level, sum(1 for h in won if h.level == level)) for level in site.report.vocabulary.names("honor_levels")
        ),
        status_donut=status_donut(card, key="dashboard"),
        behind=tuple(behind_row(site, b) for b in card.behind[:LIST_LENGTH]),
        more_behind=max(len(card.behind) - LIST_LENGTH, 0),
        at_risk=tuple(risk_row(site, i) for i in at_risk[:LIST_LENGTH]),
        more_at_risk=max(len(at_risk) - LIST_LENGTH, 0),
        stage_funnel=stage_funnel(card, key="dashboard"),
        waiting=tuple(waiting),
        unit_charges=charges,
        category_chart=None if internal else category_bars(site, key="dashboard"),
        honors=tuple(HonorItem(Link("honors", h.id, h.name), h.level, h.awarded_on) for h in won[:HONORS_SHOWN]),
        highlights=len(highlights),
        latest_highlights=tuple(
            HighlightItem(Link("highlights", h.id, h.title), h.date) for h in highlights[:HIGHLIGHTS_SHOWN]
        ),
    )
