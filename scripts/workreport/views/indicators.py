"""Indicator pages and the indicator list by health."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import assessment
from ..assessment import DIRECTION_SIGNS, DIRECTION_WORDS, Health, Trend
from ..formatting import cn_date, measured, number, short_date
from ..model import Deduction, Indicator
from .charts import health_anchor, health_donut, indicator_trend
from .common import Badge, Donut, Link, badge
from .common import Trend as TrendChart
from .context import Site
from .freshness import last_report

HEALTH_ORDER = (Health.missed, Health.warning, Health.met, Health.no_data)
"""The list's sections: what needs attention first."""


def internal_charge(site: Site, points: float) -> float | None:
    """Points lost above as the bureau charges them to its units (× the multiplier); None for an
    audience that does not see the bureau's own assessment."""
    if not site.audience.sees_internal_assessment:
        return None
    return assessment.internal_charge(points, site.report.internal_deduction_multiplier)


@dataclass(frozen=True)
class Goal:
    """An indicator's target as the pages state it."""

    words: str
    """不低于 / 不高于."""
    sign: str
    """≥ / ≤."""
    value: float
    measure: str
    pro_rata: float | None
    """For a yearly total: the share of the target due by the as-of date (序时目标)."""


def goal(site: Site, indicator: Indicator) -> Goal:
    target = indicator.target
    pro_rata = site.analysis.indicator(indicator).target if target.cumulative else None
    return Goal(
        DIRECTION_WORDS[target.direction],
        DIRECTION_SIGNS[target.direction],
        target.value,
        target.measure or "",
        pro_rata,
    )


@dataclass(frozen=True)
class Reading:
    """The latest value on or before the as-of date."""

    value: float
    date: dt.date


def latest(site: Site, indicator: Indicator) -> Reading | None:
    value = site.analysis.indicator(indicator).value
    return Reading(value.value, value.date) if value else None


@dataclass(frozen=True)
class Charge:
    """The bureau's own charge for points lost above (internal audience only)."""

    multiplier: float
    points: float | None
    """None for a scope without units (nothing can be charged to anyone)."""


# ---------------------------------------------------------------------- page


@dataclass(frozen=True)
class ValueRow:
    date: dt.date
    value: float
    note: str


@dataclass(frozen=True)
class DeductionRow:
    date: dt.date
    points: float
    charged: float | None
    """The internal charge, for an audience that sees it."""
    unit: Link
    reason: str


@dataclass(frozen=True)
class BonusRow:
    title: str
    points: float
    unit: Link
    status: str
    date: dt.date | None


@dataclass(frozen=True)
class IndicatorPage:
    id: str
    name: str
    source: str
    internal: bool
    health: Badge
    summary: str
    """“目标 不低于 16%；最新值 15.8%（2025年6月30日）；走势向好；累计扣分 0 分。”"""
    goal: Goal
    latest: Reading | None
    trend: str
    """The trend word, 暂无 while fewer than two values are in."""
    points_deducted: float
    """Points lost by the as-of date."""
    charge: Charge | None
    """The internal charge of those points, when there are any and the audience sees it."""
    chart: TrendChart
    owner: Link
    lead_department: str | None
    weight: float
    note: str | None
    values: tuple[ValueRow, ...]
    charge_multiplier: float | None
    """The multiplier of the deductions table's internal column; None: no such column."""
    deductions: tuple[DeductionRow, ...]
    bonuses: tuple[BonusRow, ...]
    reported: str | None = None
    """When the record was last reported and by which unit (``freshness.last_report``)."""


def _summary(site: Site, g: Goal, reading: Reading | None, trend: str, deducted: float, charge: Charge | None) -> str:
    text = f"目标 {g.words} {measured(g.value, g.measure)}"
    if g.pro_rata is not None:
        text += f"（年度累计，截至{short_date(site.as_of)}序时目标 {measured(g.pro_rata, g.measure)}）"
    text += f"；最新值 {measured(reading.value, g.measure)}（{cn_date(reading.date)}）" if reading else "；最新值 暂无"
    text += f"；走势{trend}；累计扣分 {number(deducted)} 分"
    if charge is not None:
        text += f"，局内考核按 {number(charge.multiplier)} 倍计 {number(charge.points)} 分"
    return text + "。"


def indicator_page(site: Site, indicator: Indicator) -> IndicatorPage:
    s = site.analysis.indicator(indicator)
    g = goal(site, indicator)
    reading = latest(site, indicator)
    trend = "暂无" if s.trend is Trend.unknown else s.trend.value
    charged = internal_charge(site, s.points_deducted) if s.points_deducted else None
    charge = Charge(site.report.internal_deduction_multiplier, charged) if charged is not None else None
    units = site.data.unit_by_id
    return IndicatorPage(
        reported=last_report(site, indicator),
        id=indicator.id,
        name=indicator.name,
        source=indicator.source,
        internal=site.shows_internal_mark(indicator),
        health=badge(s.health),
        summary=_summary(site, g, reading, trend, s.points_deducted, charge),
        goal=g,
        latest=reading,
        trend=trend,
        points_deducted=s.points_deducted,
        charge=charge,
        chart=indicator_trend(site, indicator),
        owner=Link("units", indicator.owner_unit, units[indicator.owner_unit].name),
        lead_department=indicator.lead_department,
        weight=indicator.weight,
        note=indicator.note,
        values=tuple(ValueRow(v.date, v.value, v.note or "") for v in indicator.values),
        charge_multiplier=site.report.internal_deduction_multiplier if site.audience.sees_internal_assessment else None,
        deductions=tuple(
            DeductionRow(
                d.date, d.points, internal_charge(site, d.points), Link("units", d.unit, units[d.unit].label), d.reason
            )
            for d in indicator.deductions
        ),
        bonuses=tuple(
            BonusRow(b.title, b.points, Link("units", b.unit, units[b.unit].label), b.status.value, b.date)
            for b in indicator.bonuses
        ),
    )


# ---------------------------------------------------------------------- list


@dataclass(frozen=True)
class IndicatorRow:
    link: Link
    internal: bool
    source: str
    lead_department: str | None
    owner: Link
    weight: float
    goal: Goal
    latest: Reading | None
    trend: str
    points_deducted: float


def indicator_row(site: Site, indicator: Indicator) -> IndicatorRow:
    s = site.analysis.indicator(indicator)
    return IndicatorRow(
        link=Link("indicators", indicator.id, indicator.name),
        internal=site.shows_internal_mark(indicator),
        source=indicator.source,
        lead_department=indicator.lead_department,
        owner=Link("units", indicator.owner_unit, site.data.unit_by_id[indicator.owner_unit].label),
        weight=indicator.weight,
        goal=goal(site, indicator),
        latest=latest(site, indicator),
        trend=s.trend.value,
        points_deducted=s.points_deducted,
    )


@dataclass(frozen=True)
class HealthGroup:
    """One section of the list: the indicators of one health."""

    name: str
    anchor: str
    rows: tuple[IndicatorRow, ...]
    deductions: tuple[GroupDeduction, ...] = ()
    """Every deduction of the group's indicators up to the as-of date, the oldest first: a 扣分 figure
    is never shown without its date, reason and unit."""


@dataclass(frozen=True)
class GroupDeduction:
    indicator: Link
    date: dt.date
    points: float
    unit: Link
    reason: str
    text: str
    """“2025年6月20日，办公室被扣 1 分：<reason>” (``deduction_text``)."""


@dataclass(frozen=True)
class IndicatorIndex:
    chart: Donut
    as_of: dt.date
    count: int
    met: int
    warning: int
    missed: int
    points_deducted: float | None
    charge: Charge | None
    """The internal charge of every unit's losses, for an audience that sees it (even when 0)."""
    warning_threshold: float
    """How far below its target, in percent of the target, an indicator is only 预警."""
    groups: tuple[HealthGroup, ...]
    """Missed, warning, met; indicators without data only when there are any."""


def deduction_text(site: Site, deduction: Deduction, when: str) -> str:
    """One deduction in words: “<when>，办公室被扣 1 分：<reason>”, the date as the caller writes it
    (the month's review leaves out the year). Every list of deductions says it this way."""
    unit = site.data.unit_by_id[deduction.unit].label
    return f"{when}，{unit}被扣 {number(deduction.points)} 分：{deduction.reason}"


def group_deductions(site: Site, indicators: list[Indicator]) -> tuple[GroupDeduction, ...]:
    units = site.data.unit_by_id
    found = [
        GroupDeduction(
            Link("indicators", i.id, i.name),
            d.date,
            d.points,
            Link("units", d.unit, units[d.unit].label),
            d.reason,
            deduction_text(site, d, cn_date(d.date)),
        )
        for i in indicators
        for d in site.analysis.indicator(i).deductions
    ]
    return tuple(sorted(found, key=lambda d: (d.date, d.indicator.id)))


def indicator_index(site: Site) -> IndicatorIndex:
    card = site.bureau
    groups = []
    for health in HEALTH_ORDER:
        indicators = [i for i in site.data.indicators if site.analysis.indicator(i).health is health]
        if indicators or health is not Health.no_data:
            rows = tuple(indicator_row(site, i) for i in indicators)
            groups.append(HealthGroup(health.value, health_anchor(health), rows, group_deductions(site, indicators)))
    multiplier = site.report.internal_deduction_multiplier
    return IndicatorIndex(
        chart=health_donut(card, key="indicators"),
        as_of=site.as_of,
        count=len(site.data.indicators),
        met=card.health[Health.met],
        warning=card.health[Health.warning],
        missed=card.health[Health.missed],
        points_deducted=card.points_deducted,
        charge=Charge(multiplier, card.points_charged) if site.audience.sees_internal_assessment else None,
        warning_threshold=site.report.thresholds.indicator_warning,
        groups=tuple(groups),
    )
