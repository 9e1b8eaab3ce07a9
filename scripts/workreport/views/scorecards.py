"""Scorecards: the same figures for the bureau, a line of work, a unit or a leader's units,
and the analysis pages built from them (the schedule board, the scorecards per line of work,
the units' scoreboard and the leaders' scorecards).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from ..analysis import BEHIND, Behind, Scorecard
from ..assessment import Health
from ..formatting import number
from ..model import Task
from ..schedule import ScheduleStatus
from .charts import category_bars, charge_bars, status_anchor, status_donut, task_progress
from .common import Badge, Bars, Donut, Link, Progress, badge
from .context import Site
from .tasks import category_link, unit_link


@dataclass(frozen=True)
class StatusCounts:
    """Tasks per schedule status."""

    done: int
    on_track: int
    lagging: int
    seriously_lagging: int
    overdue: int
    not_started: int
    behind: int
    """Tasks 滞后, 严重滞后 or 未按期完成: every kind of lateness a leader must act on."""


def status_counts(card: Scorecard) -> StatusCounts:
    s = card.statuses
    return StatusCounts(
        done=s[ScheduleStatus.done],
        on_track=s[ScheduleStatus.on_track],
        lagging=s[ScheduleStatus.lagging],
        seriously_lagging=s[ScheduleStatus.seriously_lagging],
        overdue=s[ScheduleStatus.overdue],
        not_started=s[ScheduleStatus.not_started],
        behind=sum(s[status] for status in BEHIND),
    )


@dataclass(frozen=True)
class HealthCounts:
    """Indicators per standing (those without data are not counted apart)."""

    met: int
    warning: int
    missed: int


def health_counts(card: Scorecard) -> HealthCounts:
    h = card.health
    return HealthCounts(h[Health.met], h[Health.warning], h[Health.missed])


@dataclass(frozen=True)
class Deductions:
    """Points lost in the assessment above, and what the bureau charges its units for them."""

    points: float | None
    """None for a scope without units."""
    internal: bool
    """The audience is shown the bureau's internal charge."""
    charged: float | None
    """The internal charge (points × the multiplier); None for an audience not shown it."""
    multiplier: float | None
    """None for an audience not shown the internal charge."""


def deductions(site: Site, card: Scorecard) -> Deductions:
    if not site.audience.sees_internal_assessment:
        return Deductions(card.points_deducted, False, None, None)
    return Deductions(card.points_deducted, True, card.points_charged, site.report.internal_deduction_multiplier)


def internal_charge(site: Site, card: Scorecard) -> float | None:
    """The scope's internal charge, for an audience shown it (None otherwise, or without units)."""
    return card.points_charged if site.audience.sees_internal_assessment else None


@dataclass(frozen=True)
class BehindRow:
    link: Link
    owner: Link
    leader: Link
    """The task's 分管领导: who answers for it."""
    actual: float
    expected: float
    gap: float
    """Percentage points behind 序时进度."""
    status: Badge


def behind_row(site: Site, b: Behind) -> BehindRow:
    s = b.schedule
    leader = site.data.task_leader(b.task)
    return BehindRow(
        Link("tasks", b.task.id, b.task.title),
        unit_link(site, b.task.owner_unit),
        Link("leaders", leader.id, leader.name),
        s.actual,
        s.expected,
        s.gap,
        badge(s.status),
    )


@dataclass(frozen=True)
class ScorecardView:
    """One scorecard (``fragments/scorecard.md.j2``), on the page of a line of work, a unit or a leader."""

    tasks: int
    mean_actual: float | None
    mean_expected: float | None
    statuses: StatusCounts
    indicators: int
    health: HealthCounts
    deductions: Deductions | None
    """None for a scope without units (a line of work): deductions name units."""
    projects: int
    investment_rate: float | None
    investment_done: float
    investment_planned: float
    honors_won: int
    cases: int
    highlights: int
    donut: Donut | None
    """The tasks per status; None without tasks."""
    behind: tuple[BehindRow, ...]
    """The tasks behind schedule, the largest gap first."""


def scorecard_view(site: Site, kind: str, record_id: str) -> ScorecardView:
    """The scorecard of a line of work (``categories``), a unit or a leader."""
    card = site.scorecard(kind, record_id)
    scope = card.scope
    donut = status_donut(card, f"{scope.title}：重点任务推进状态", record_id) if card.tasks else None
    return ScorecardView(
        tasks=card.tasks,
        mean_actual=card.mean_actual,
        mean_expected=card.mean_expected,
        statuses=status_counts(card),
        indicators=len(scope.indicators),
        health=health_counts(card),
        deductions=deductions(site, card) if card.points_deducted is not None else None,
        projects=len(scope.projects),
        investment_rate=card.investment_rate,
        investment_done=card.investment_done,
        investment_planned=card.investment_planned,
        honors_won=card.honors_won,
        cases=len(scope.cases),
        highlights=len(scope.highlights),
        donut=donut,
        behind=tuple(behind_row(site, b) for b in card.behind),
    )


# ---------------------------------------------------------------------- the schedule board

BOARD_ORDER = (*BEHIND, ScheduleStatus.on_track, ScheduleStatus.not_started, ScheduleStatus.done)
"""The schedule board's sections: what needs action first."""


def tasks_with_status(site: Site, status: ScheduleStatus) -> list[Task]:
    """Tasks of one status; those behind schedule with the largest gap first."""
    if status in BEHIND:
        return [b.task for b in site.analysis.behind(site.data.tasks) if b.schedule.status is status]
    return [t for t in site.data.tasks if site.analysis.task(t).status is status]


@dataclass(frozen=True)
class BoardRow:
    link: Link
    category: Link
    owner: Link
    leader: Link
    actual: float
    expected: float
    gap: float
    progress: Progress


@dataclass(frozen=True)
class BoardSection:
    title: str
    anchor: str
    rows: tuple[BoardRow, ...]


@dataclass(frozen=True)
class ScheduleBoard:
    donut: Donut
    as_of: dt.date
    tasks: int
    mean_actual: float | None
    mean_expected: float | None
    lagging_threshold: float
    seriously_lagging_threshold: float
    sections: tuple[BoardSection, ...]


def board_row(site: Site, task: Task) -> BoardRow:
    s = site.analysis.task(task)
    leader = site.data.task_leader(task)
    return BoardRow(
        link=Link("tasks", task.id, task.title),
        category=category_link(site, task.category),
        owner=unit_link(site, task.owner_unit),
        leader=Link("leaders", leader.id, leader.name),
        actual=s.actual,
        expected=s.expected,
        gap=s.gap,
        progress=task_progress(site, task),
    )


def schedule_board(site: Site) -> ScheduleBoard:
    card = site.bureau
    thresholds = site.report.thresholds
    sections = tuple(
        BoardSection(
            status.value, status_anchor(status), tuple(board_row(site, t) for t in tasks_with_status(site, status))
        )
        for status in BOARD_ORDER
    )
    return ScheduleBoard(
        donut=status_donut(card, key="board"),
        as_of=site.as_of,
        tasks=card.tasks,
        mean_actual=card.mean_actual,
        mean_expected=card.mean_expected,
        lagging_threshold=thresholds.lagging,
        seriously_lagging_threshold=thresholds.seriously_lagging,
        sections=sections,
    )


# ---------------------------------------------------------------------- lines of work


@dataclass(frozen=True)
class CategoryScoreRow:
    link: Link
    tasks: int
    statuses: StatusCounts
    mean_actual: float | None
    mean_expected: float | None
    projects: int
    investment_rate: float | None
    cases: int


@dataclass(frozen=True)
class CategoryScorecards:
    chart: Bars
    rows: tuple[CategoryScoreRow, ...]


def category_scorecards(site: Site) -> CategoryScorecards:
    rows = []
    for category in site.report.categories:
        card = site.scorecard("categories", category.id)
        rows.append(
            CategoryScoreRow(
                link=Link("categories", category.id, category.name),
                tasks=card.tasks,
                statuses=status_counts(card),
                mean_actual=card.mean_actual,
                mean_expected=card.mean_expected,
                projects=len(card.scope.projects),
                investment_rate=card.investment_rate,
                cases=len(card.scope.cases),
            )
        )
    return CategoryScorecards(category_bars(site, key="categories"), tuple(rows))


# ---------------------------------------------------------------------- units


@dataclass(frozen=True)
class UnitScoreRow:
    link: Link
    leader: Link
    deducted: float
    charged: float
    bonus: float
    tasks: int
    behind: int
    mean_actual: float | None
    mean_expected: float | None
    missed: int
    warning: int


@dataclass(frozen=True)
class ChargeBoard:
    """The bureau's own assessment of its units: what the internal audience sees."""

    multiplier: float
    unit_word: str
    """What the bureau calls its units in the rule: 处室, 科室, 股室."""
    as_of: dt.date
    chart: Bars | None
    """The units charged this period; None when no unit is."""
    rows: tuple[UnitScoreRow, ...]
    """Every unit, the largest charge first."""


@dataclass(frozen=True)
class UnitScoreboard:
    board: ChargeBoard | None
    """None for an audience not shown the bureau's own assessment."""


def unit_scoreboard(site: Site) -> UnitScoreboard:
    if not site.audience.sees_internal_assessment:
        return UnitScoreboard(None)
    multiplier = site.report.internal_deduction_multiplier
    charges = site.analysis.unit_charges
    charged = [c for c in charges if c.charged]
    # Markup, as the template made it (a formatted number holds no data text): the chart's
    # element ids hash the title's repr, and the snapshots keep them.
    title = Markup(f"局内考核扣分（上级扣分 × {number(multiplier)}）")
    chart = charge_bars(site, charged, title, key="scoreboard") if charged else None
    rows = []
    for c in charges:
        unit = site.data.unit_by_id[c.unit_id]
        leader = site.data.leader_by_id[unit.leader]
        card = site.scorecard("units", unit.id)
        health = health_counts(card)
        rows.append(
            UnitScoreRow(
                link=unit_link(site, unit.id, full=True),
                leader=Link("leaders", leader.id, leader.name),
                deducted=c.deducted,
                charged=c.charged,
                bonus=c.bonus,
                tasks=card.tasks,
                behind=len(card.behind),
                mean_actual=card.mean_actual,
                mean_expected=card.mean_expected,
                missed=health.missed,
                warning=health.warning,
            )
        )
    return UnitScoreboard(ChargeBoard(multiplier, site.words.unit, site.as_of, chart, tuple(rows)))


# ---------------------------------------------------------------------- leaders


@dataclass(frozen=True)
class LeaderScoreRow:
    link: Link
    units: tuple[Link, ...]
    tasks: int
    behind: int
    mean_actual: float | None
    mean_expected: float | None
    deducted: float | None
    """None for a leader without units."""
    charged: float | None
    """The internal charge; None for an audience not shown it (see ``LeaderScorecards.internal``)."""
    projects: int
    investment_rate: float | None
    honors_won: int


@dataclass(frozen=True)
class LeaderScorecards:
    internal: bool
    """The internal charge has a column."""
    rows: tuple[LeaderScoreRow, ...]


def leader_scorecards(site: Site) -> LeaderScorecards:
    rows = []
    for leader in site.data.leaders:
        card = site.scorecard("leaders", leader.id)
        rows.append(
            LeaderScoreRow(
                link=Link("leaders", leader.id, f"{leader.name}（{leader.title}）"),
                units=tuple(unit_link(site, u.id) for u in site.data.units_led_by(leader.id)),
                tasks=card.tasks,
                behind=len(card.behind),
                mean_actual=card.mean_actual,
                mean_expected=card.mean_expected,
                deducted=card.points_deducted,
                charged=internal_charge(site, card),
                projects=len(card.scope.projects),
                investment_rate=card.investment_rate,
                honors_won=card.honors_won,
            )
        )
    return LeaderScorecards(site.audience.sees_internal_assessment, tuple(rows))
