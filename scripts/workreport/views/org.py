"""The organisation: pages of the lines of work, units and leaders, and the list of units."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Category, Leader, Unit, UnitKind
from .charts import investment_bars
from .common import Badge, Investment, Link, badge
from .context import Site
from .scorecards import ScorecardView, internal_charge, scorecard_view
from .tasks import TaskRow, target_text, task_row, unit_link


def unit_kinds(site: Site) -> dict[UnitKind, str]:
    """How each kind of unit is called (机关处室, 直属单位), in the order the list of units groups them."""
    return {UnitKind.department: site.words.departments, UnitKind.affiliated: site.words.affiliated}


def leader_link(leader: Leader, full: bool = False) -> Link:
    return Link("leaders", leader.id, f"{leader.name}（{leader.title}）" if full else leader.name)


# ---------------------------------------------------------------------- lines of work


@dataclass(frozen=True)
class CategoryPage:
    name: str
    slogan: str | None
    scorecard: ScorecardView
    tasks: tuple[TaskRow, ...]
    investment: Investment | None
    """The year's investment per project; None without projects."""
    cases: tuple[Link, ...]
    highlights: tuple[Link, ...]


def category_page(site: Site, category: Category) -> CategoryPage:
    scope = site.scorecard("categories", category.id).scope
    investment = None
    if scope.projects:
        investment = investment_bars(site, scope.projects, f"{category.name}：年度投资完成情况", category.id)
    return CategoryPage(
        name=category.name,
        slogan=category.slogan,
        scorecard=scorecard_view(site, "categories", category.id),
        tasks=tuple(task_row(site, t) for t in scope.tasks),
        investment=investment,
        cases=tuple(Link("cases", c.id, c.title) for c in scope.cases),
        highlights=tuple(Link("highlights", h.id, h.title) for h in scope.highlights),
    )


# ---------------------------------------------------------------------- units


@dataclass(frozen=True)
class PartnerTask:
    link: Link
    owner: str
    """The lead unit's short name."""


@dataclass(frozen=True)
class UnitIndicatorRow:
    link: Link
    source: str
    health: Badge
    points_deducted: float


@dataclass(frozen=True)
class UnitProject:
    link: Link
    stage: str
    status: str


@dataclass(frozen=True)
class UnitHonor:
    link: Link
    level: str
    status: str


@dataclass(frozen=True)
class UnitCheck:
    line: str
    link: Link
    status: str


@dataclass(frozen=True)
class UnitPage:
    name: str
    kind: str
    """机关处室 or 直属单位, in the bureau's words."""
    leader: Link
    head: str | None
    duties: str | None
    scorecard: ScorecardView
    tasks: tuple[TaskRow, ...]
    """The tasks the unit leads; the target reads 里程碑 for a task run by milestones."""
    partner_tasks: tuple[PartnerTask, ...]
    indicators: tuple[UnitIndicatorRow, ...]
    projects: tuple[UnitProject, ...]
    cases: tuple[Link, ...]
    highlights: tuple[Link, ...]
    honors: tuple[UnitHonor, ...]
    checks: tuple[UnitCheck, ...]
    checks_title: str
    """The bottom lines' title: 两条底线."""


def unit_page(site: Site, unit: Unit) -> UnitPage:
    data, a = site.data, site.analysis
    tasks = tuple(replace(task_row(site, t), target=target_text(t) or "里程碑") for t in data.of_unit(unit.id, "tasks"))
    projects = []
    for p in data.of_unit(unit.id, "projects"):
        s = a.project(p)
        projects.append(UnitProject(Link("projects", p.id, p.name), s.stage, s.status.value))
    indicators = []
    for i in data.of_unit(unit.id, "indicators"):
        standing = a.indicator(i)
        indicators.append(
            UnitIndicatorRow(
                Link("indicators", i.id, i.name), i.source, badge(standing.health), standing.points_deducted
            )
        )
    return UnitPage(
        name=unit.name,
        kind=unit_kinds(site)[unit.kind],
        leader=leader_link(data.leader_by_id[unit.leader], full=True),
        head=unit.head,
        duties=unit.duties,
        scorecard=scorecard_view(site, "units", unit.id),
        tasks=tasks,
        partner_tasks=tuple(
            PartnerTask(Link("tasks", t.id, t.title), data.unit_by_id[t.owner_unit].label)
            for t in data.of_unit(unit.id, "partner_tasks")
        ),
        indicators=tuple(indicators),
        projects=tuple(projects),
        cases=tuple(Link("cases", c.id, c.title) for c in data.of_unit(unit.id, "cases")),
        highlights=tuple(Link("highlights", h.id, h.title) for h in data.of_unit(unit.id, "highlights")),
        honors=tuple(
            UnitHonor(Link("honors", h.id, h.name), h.level, h.status.value)
            for h in data.of_unit(unit.id, "honors")
        ),
        checks=tuple(
            UnitCheck(c.line, Link("bottom_lines", c.id, c.item), c.status.value)
            for c in data.of_unit(unit.id, "bottom_lines")
        ),
        checks_title=site.words.bottom_lines,
    )


# ---------------------------------------------------------------------- leaders


@dataclass(frozen=True)
class LeaderUnitRow:
    link: Link
    tasks: int
    behind: int
    mean_actual: float | None
    mean_expected: float | None
    deducted: float | None
    charged: float | None
    """The internal charge; None for an audience not shown it (see ``LeaderPage.internal``)."""


@dataclass(frozen=True)
class LeaderPage:
    heading: str
    """“姓名（职务）”."""
    responsibilities: str | None
    units: tuple[Link, ...]
    scorecard: ScorecardView
    internal: bool
    """The internal charge has a column."""
    unit_rows: tuple[LeaderUnitRow, ...]


def leader_page(site: Site, leader: Leader) -> LeaderPage:
    units = site.data.units_led_by(leader.id)
    rows = []
    for u in units:
        card = site.scorecard("units", u.id)
        rows.append(
            LeaderUnitRow(
                link=unit_link(site, u.id, full=True),
                tasks=card.tasks,
                behind=len(card.behind),
                mean_actual=card.mean_actual,
                mean_expected=card.mean_expected,
                deducted=card.points_deducted,
                charged=internal_charge(site, card),
            )
        )
    return LeaderPage(
        heading=leader_link(leader, full=True).text,
        responsibilities=leader.responsibilities,
        units=tuple(unit_link(site, u.id, full=True) for u in units),
        scorecard=scorecard_view(site, "leaders", leader.id),
        internal=site.audience.sees_internal_assessment,
        unit_rows=tuple(rows),
    )


# ---------------------------------------------------------------------- the list of units


@dataclass(frozen=True)
class LeaderRow:
    link: Link
    title: str
    responsibilities: str | None
    units: tuple[Link, ...]


@dataclass(frozen=True)
class UnitRow:
    link: Link
    leader: Link
    head: str | None
    tasks: int
    behind: int
    """Of its tasks, how many are behind schedule (滞后, 严重滞后, 未按期完成), as the dashboard counts them."""
    indicators: int
    projects: int
    cases: int


@dataclass(frozen=True)
class UnitGroup:
    title: str
    units: tuple[UnitRow, ...]


@dataclass(frozen=True)
class UnitIndex:
    leaders: tuple[LeaderRow, ...]
    groups: tuple[UnitGroup, ...]
    """机关处室, then 直属单位; a kind without units is left out."""


def unit_index(site: Site) -> UnitIndex:
    data = site.data
    leaders = tuple(
        LeaderRow(
            leader_link(le),
            le.title,
            le.responsibilities,
            tuple(unit_link(site, u.id) for u in data.units_led_by(le.id)),
        )
        for le in data.leaders
    )
    groups = []
    for kind, title in unit_kinds(site).items():
        rows = tuple(
            UnitRow(
                link=unit_link(site, u.id, full=True),
                leader=leader_link(data.leader_by_id[u.leader]),
                head=u.head,
                tasks=len(data.of_unit(u.id, "tasks")),
                behind=len(site.scorecard("units", u.id).behind),
                indicators=len(data.of_unit(u.id, "indicators")),
                projects=len(data.of_unit(u.id, "projects")),
                cases=len(data.of_unit(u.id, "cases")),
            )
            for u in data.units
            if u.kind is kind
        )
        if rows:
            groups.append(UnitGroup(title, rows))
    return UnitIndex(leaders, tuple(groups))
