"""Indicators in the assessment: health against the target, the trend, points lost and charged.

Pure functions of the data and the as-of date. The seed's rule for the bureau's own
assessment: a unit that lost points above is charged the loss times the configured
multiplier (双倍扣分 is a multiplier of 2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from .model import Bonus, BonusStatus, Deduction, Direction, Indicator, IndicatorValue, Thresholds
from .progress import entries_until, latest
from .schedule import window_fraction


class Health(str, Enum):
    met = "达标"
    warning = "预警"
    missed = "未达标"
    no_data = "无数据"


class Trend(str, Enum):
    better = "向好"
    flat = "持平"
    worse = "变差"
    unknown = "—"


DIRECTION_WORDS = {Direction.higher: "不低于", Direction.lower: "不高于"}
"""How a target's direction reads in a sentence and in the ledger."""
DIRECTION_SIGNS = {Direction.higher: "≥", Direction.lower: "≤"}
"""How a target's direction reads in a table."""


def internal_charge(points: float, multiplier: float) -> float:
    """Points lost above, as the bureau charges them to the unit in its own assessment.

    The seed's rule (双倍扣分): a unit that lost points is charged ``multiplier`` times as many.
    """
    return points * multiplier


def year_fraction(day: dt.date) -> float:
    """How far ``day`` lies through its calendar year, 0 on 1 January to 1 on 31 December.

    Counted the way a task's window is (6-30 → 180/364), so an indicator's 序时 target and
    a task's 序时进度 on the same day agree.
    """
    return window_fraction(day, dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))


def target_at(indicator: Indicator, as_of: dt.date) -> float:
    """The value to compare with: the target, or for a yearly total its share of the year so far."""
    target = indicator.target
    return target.value * year_fraction(as_of) if target.cumulative else target.value


def shortfall(indicator: Indicator, value: float, target: float) -> float:
    """How far ``value`` misses ``target``, in percent of the target (0 when met).

    A target of 0 (e.g. 0 起 accidents) leaves no room: any miss counts as infinitely far.
    """
    higher = indicator.target.direction is Direction.higher
    miss = target - value if higher else value - target
    if miss <= 0:
        return 0.0
    return miss / abs(target) * 100 if target else float("inf")


def health(indicator: Indicator, value: float | None, target: float, thresholds: Thresholds) -> Health:
    if value is None:
        return Health.no_data
    short = shortfall(indicator, value, target)
    if short == 0:
        return Health.met
    return Health.warning if short <= thresholds.indicator_warning else Health.missed


def trend(indicator: Indicator, values: list[IndicatorValue]) -> Trend:
    """The direction of the last move, read against the indicator's direction."""
    if len(values) < 2:
        return Trend.unknown
    return direction_of(indicator, values[-1].value - values[-2].value)


def direction_of(indicator: Indicator, change: float) -> Trend:
    """A change of the indicator's figure, read against its direction: better, flat or worse."""
    if change == 0:
        return Trend.flat
    rising_is_good = indicator.target.direction is Direction.higher
    return Trend.better if (change > 0) == rising_is_good else Trend.worse


def deductions_until(indicator: Indicator, as_of: dt.date) -> list[Deduction]:
    return [d for d in indicator.deductions if d.date <= as_of]


def secured_bonuses(indicator: Indicator, as_of: dt.date) -> list[Bonus]:
    """Bonuses secured on or before the as-of date (an undated secured bonus counts)."""
    return [b for b in indicator.bonuses if b.status is BonusStatus.secured and (b.date is None or b.date <= as_of)]


@dataclass(frozen=True)
class IndicatorStanding:
    value: IndicatorValue | None
    """The latest value on or before the as-of date."""
    target: float
    """The target to compare with on the as-of date (pro rata for yearly totals)."""
    health: Health
    trend: Trend
    series: tuple[IndicatorValue, ...]
    """Every value up to the as-of date, for the trend chart."""
    deductions: tuple[Deduction, ...]
    """The deductions on or before the as-of date."""
    bonus_secured: float

    @property
    def points_deducted(self) -> float:
        return sum(d.points for d in self.deductions)

    @property
    def at_risk(self) -> bool:
        return self.health in (Health.warning, Health.missed) or self.points_deducted > 0


def indicator_standing(indicator: Indicator, as_of: dt.date, thresholds: Thresholds) -> IndicatorStanding:
    series = entries_until(indicator.values, as_of)
    value = latest(indicator.values, as_of)
    target = target_at(indicator, as_of)
    return IndicatorStanding(
        value=value,
        target=target,
        health=health(indicator, value.value if value else None, target, thresholds),
        trend=trend(indicator, series),
        series=tuple(series),
        deductions=tuple(deductions_until(indicator, as_of)),
        bonus_secured=sum(b.points for b in secured_bonuses(indicator, as_of)),
    )


@dataclass(frozen=True)
class UnitCharge:
    """One unit's line on the internal scoreboard."""

    unit_id: str
    deducted: float
    """Points lost in the assessment above, charged to this unit."""
    charged: float
    """The loss in the bureau's internal assessment: deducted × multiplier."""
    bonus: float
    """Bonus points secured by this unit."""
    deductions: int
    """How many deductions."""


def unit_charges(indicators: list[Indicator], unit_ids: list[str], as_of: dt.date, multiplier: float) -> list[UnitCharge]:
    """Every unit's deductions and internal charge, largest charge first (ties keep unit order).

    A deduction is charged to the unit it names, which need not be the indicator's owner.
    """
    deducted = dict.fromkeys(unit_ids, 0.0)
    count = dict.fromkeys(unit_ids, 0)
    bonus = dict.fromkeys(unit_ids, 0.0)
    for indicator in indicators:
        for d in deductions_until(indicator, as_of):
            deducted[d.unit] += d.points
            count[d.unit] += 1
        for b in secured_bonuses(indicator, as_of):
            bonus[b.unit] += b.points
    rows = [UnitCharge(u, deducted[u], internal_charge(deducted[u], multiplier), bonus[u], count[u]) for u in unit_ids]
    return sorted(rows, key=lambda r: -r.charged)
