"""The chart helper templates call as ``chart.<kind>(spec)``: it draws a view's chart spec.

The views say what a chart shows and where its parts lead (docs-relative addresses);
this helper makes those addresses relative to the page being rendered and hands everything
to the SVG drawing functions of ``charts``. It computes no figure of its own.
"""

from __future__ import annotations

from markupsafe import Markup

from ..views.common import Bars, Donut, Investment, Progress, Trend
from . import charts
from .links import Linker


class Visuals:
    def __init__(self, link: Linker):
        self.link = link

    def _href(self, target: str | None) -> str | None:
        # Plain text (not Markup) into the chart's data: its element ids hash that data.
        return None if target is None else str(self.link.url(target))

    def progress(self, spec: Progress) -> Markup:
        return charts.schedule_bar(spec.actual, spec.expected, tone=spec.tone, key=spec.key)

    def donut(self, spec: Donut) -> Markup:
        segments = [charts.Segment(s.label, s.value, s.tone, self._href(s.target)) for s in spec.slices]
        return charts.donut(segments, title=spec.title, unit=spec.unit, key=spec.key)

    def bars(self, spec: Bars) -> Markup:
        bars = [charts.Bar(b.label, b.value, b.tone, self._href(b.target), note=b.note) for b in spec.bars]
        if spec.funnel:
            return charts.funnel(bars, title=spec.title, unit=spec.unit, key=spec.key)
        return charts.hbars(bars, title=spec.title, unit=spec.unit, max_value=spec.max_value, key=spec.key)

    def investment(self, spec: Investment) -> Markup:
        rows = [charts.InvestmentRow(r.label, r.planned, r.done, self._href(r.target)) for r in spec.rows]
        return charts.investment(rows, title=spec.title, unit=spec.unit, key=spec.key)

    def trend(self, spec: Trend) -> Markup:
        return charts.trend_line(
            list(spec.points),
            title=spec.title,
            target=spec.target,
            measure=spec.measure,
            lower_is_better=spec.lower_is_better,
            key=spec.key,
            pro_rata=list(spec.pro_rata),
        )
