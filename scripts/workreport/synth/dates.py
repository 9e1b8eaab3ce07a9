"""Calendar arithmetic for generated records: month ends, random days in a span, the expected-progress curve."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import random


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def month_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every month's last day from ``first`` to ``last``, both included."""
    found, year, month = [], first.year, first.month
    while (day := month_end(year, month)) <= last:
        if day >= first:
            found.append(day)
        year, month = add_months(day, 1)
    return found


def between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def ascending(rng: random.Random, first: dt.date, last: dt.date, count: int) -> list[dt.date]:
    """``count`` different days between ``first`` and ``last``, earliest first."""
    span = max((last - first).days, count)
    return [first + dt.timedelta(days=d) for d in sorted(rng.sample(range(span + 1), count))]


def expected(day: dt.date, curve: list[tuple[dt.date, float]]) -> float:
    """序时进度 on ``day`` along a piecewise-linear curve from the window's start to its end."""
    if day <= curve[0][0]:
        return 0.0
    for (a, pa), (b, pb) in itertools.pairwise(curve):
        if day <= b:
            return pa + (pb - pa) * (day - a).days / max(1, (b - a).days)
    return 100.0
