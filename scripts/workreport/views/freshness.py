"""The footer of every page: how current the figures are, in the data's own dates.

Leaders ask two things of a figure: up to which day it counts (the report's as-of date) and
when a unit last reported. The second is the newest dated entry in the data (a task's
progress, an indicator's value, a project's update) up to the as-of date, never the clock
or the time of the build, so the same data always gives the same footer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..formatting import cn_date
from ..model import Indicator, Project, Task
from .context import Site


def entry_dates(site: Site) -> Iterator[dt.date]:
    data = site.data
    records: list[Task | Indicator | Project] = [*data.tasks, *data.indicators, *data.projects]
    for record in records:
        yield from own_dates(record)


def latest_entry(site: Site) -> dt.date | None:
    """The newest reported date up to the as-of date (entries dated after it are plans or slips)."""
    as_of = site.data.report.as_of
    return max((day for day in entry_dates(site) if day <= as_of), default=None)


def own_dates(record: Task | Indicator | Project) -> list[dt.date]:
    """The dates of a record's own log: a task's progress, an indicator's values, a project's updates."""
    entries = record.values if isinstance(record, Indicator) else record.progress
    return [entry.date for entry in entries]


def last_report(site: Site, record: Task | Indicator | Project) -> str | None:
    """“最近填报：2025年6月28日（办公室）”: the record's newest entry up to the as-of date, and the unit
    that answers for it; None for a record with nothing reported yet."""
    as_of = site.data.report.as_of
    latest = max((day for day in own_dates(record) if day <= as_of), default=None)
    if latest is None:
        return None
    unit = site.data.unit_by_id[record.owner_unit].label
    return f"最近填报：{cn_date(latest)}（{unit}）"


def footer_line(site: Site) -> str:
    """“数据截至2025年6月30日 · 最近一次填报2025年6月28日”, as plain text."""
    line = f"数据截至{cn_date(site.data.report.as_of)}"
    latest = latest_entry(site)
    if latest is not None:
        line += f" · 最近一次填报{cn_date(latest)}"
    return line
