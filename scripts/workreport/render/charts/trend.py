"""The trend line: a value over time, against its target when it has one.

Time runs to scale (a missing month leaves a gap), the y axis has 3 to 5 round ticks, the
target is a dashed line, and the latest value is written at the line's end; the ``<desc>``
lists every point.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ...formatting import number, short_date
from . import svg
from .palette import GRID, INK, MUTED, TONES
from .svg import FONT, PAD, SMALL

__all__ = ["trend_line"]


TREND_H = 240
PLOT_W = 400
PLOT_TOP, PLOT_BOTTOM_MARGIN = 30, 34
NICE_STEPS = (1.0, 2.0, 5.0)
LINE = TONES["ok"].ink


def _nice_ticks(low: float, high: float) -> list[float]:
    """3 to 5 round ticks (1, 2 or 5 times a power of ten apart) that bracket [low, high]."""
    if high - low < 1e-12:
        # Flat data sits mid-axis; a flat zero sits on the floor, not over a negative half nobody asked for.
        pad = abs(high) * 0.1
        low, high = (low - pad, high + pad) if pad else (0.0, 1.0)
    exponent = math.floor(math.log10((high - low) / 4))
    ticks: list[float] = []
    # Steps grow by at most 2.5 times, so from more than 5 ticks the next step gives at least 3.
    for power in range(exponent - 1, exponent + 3):
        for base in NICE_STEPS:
            step = base * 10.0**power
            first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
            # Rounded to the step's own precision: 0.1 * 3 should read 0.3, and tiny steps stay apart.
            ticks = [round((first + k) * step, 1 - power) for k in range(last - first + 1)]
            if 3 <= len(ticks) <= 5:
                return ticks
    return ticks


def _tick_text(value: float, ticks: Sequence[float], measure: str) -> str:
    """Ticks show as many decimals as their step needs, so 14.5% and 15% are not both '15%'."""
    step = abs(ticks[1] - ticks[0]) if len(ticks) > 1 else 1.0
    # At least one digit: number() strips trailing zeros, and with none to spare '10' would lose its own.
    digits = max(1, -math.floor(math.log10(step) + 1e-9))
    text = number(value, digits)
    if measure == "%":
        return text + "%"
    return f"{text} {measure}" if measure else text


def _month_labels(dates: Sequence[dt.date]) -> list[str]:
    """“3月”; across years the first point and every January also carry the year."""
    several_years = len({d.year for d in dates}) > 1
    return [
        f"{d.year}年{d.month}月" if several_years and (i == 0 or d.month == 1) else f"{d.month}月"
        for i, d in enumerate(dates)
    ]


def _dodge(a: float, b: float, gap: float) -> tuple[float, float]:
    """Two label baselines moved apart to at least ``gap``, keeping their midpoint."""
    if abs(a - b) >= gap:
        return a, b
    middle = (a + b) / 2
    return (middle - gap / 2, middle + gap / 2) if a <= b else (middle + gap / 2, middle - gap / 2)


def _spread(ys: Sequence[float], gap: float) -> list[float]:
    """Label baselines moved apart to at least ``gap``, in their order from top to bottom, as little as needed.

    Two labels keep their midpoint (as ``_dodge`` does); more are pushed down from the topmost.
    """
    if len(ys) == 2:
        return list(_dodge(ys[0], ys[1], gap))
    order = sorted(range(len(ys)), key=lambda i: ys[i])
    placed = list(ys)
    for above, below in itertools.pairwise(order):
        placed[below] = max(placed[below], placed[above] + gap)
    return placed


def _direction(lower_is_better: bool) -> str:
    return "越低越好" if lower_is_better else "越高越好"


@dataclass(frozen=True)
class _Plot:
    """Where the trend's data lands: x from left to right, y from bottom (lowest tick) to top."""

    left: float
    right: float
    bottom: float
    ticks: Sequence[float]

    def y(self, value: float) -> float:
        low, high = self.ticks[0], self.ticks[-1]
        return self.bottom - (value - low) / (high - low) * (self.bottom - PLOT_TOP)


def trend_line(
    points: Sequence[tuple[dt.date, float]],
    *,
    title: str,
    target: float | None = None,
    measure: str = "",
    lower_is_better: bool = False,
    key: str | None = None,
    pro_rata: Sequence[tuple[dt.date, float]] = (),
) -> Markup:
    """A value over time: a line with dots, round y ticks, the target dashed, the latest value written.

    ``pro_rata`` (a yearly total's 序时 target on the line's dates) is drawn dotted beside it.
    """
    identity = (tuple(points), target, measure, lower_is_better) + ((tuple(pro_rata),) if pro_rata else ())
    cid = svg.chart_id("trend", title, identity, key)
    if not points:
        return svg.empty_figure("trend", cid, title)
    points = sorted(points, key=lambda p: p[0])
    dates, values = [d for d, _ in points], [float(v) for _, v in points]
    pro_rata = sorted((d, float(v)) for d, v in pro_rata if dates[0] <= d <= dates[-1])
    bounds = values + ([] if target is None else [float(target)]) + [v for _, v in pro_rata]
    if not all(math.isfinite(v) for v in bounds):
        raise ValueError(f"{title}：趋势数据应为有限数值")
    ticks = _nice_ticks(min(bounds), max(bounds))
    tick_texts = [_tick_text(t, ticks, measure) for t in ticks]
    labels = _month_labels(dates)
    last_text = svg.with_unit(values[-1], measure)
    target_text = "" if target is None else f"目标 {svg.with_unit(target, measure)}"
    pro_rata_text = f"序时目标 {svg.with_unit(pro_rata[-1][1], measure)}" if pro_rata else ""

    left = PAD + max(svg.width(t, SMALL) for t in tick_texts) + 8
    plot = _Plot(left, left + PLOT_W, TREND_H - PLOT_BOTTOM_MARGIN, ticks)
    width = plot.right + 10 + max(svg.width(last_text, FONT), svg.width(target_text, SMALL), svg.width(pro_rata_text, SMALL)) + PAD
    days = (dates[-1] - dates[0]).days
    # Time runs to scale (a missing month leaves a gap); a single point stands in the middle.
    xs = [plot.left + PLOT_W * ((d - dates[0]).days / days if days else 0.5) for d in dates]
    ys = [plot.y(v) for v in values]

    parts = _trend_axes(plot, tick_texts) + _trend_x_labels(labels, xs, plot.bottom)
    # The right margin holds the last value and the target lines' names, spread apart so none overlap.
    margin = [(svg.middle(ys[-1], FONT), last_text, FONT)]
    if target is not None:
        parts.append(svg.text(plot.left, PLOT_TOP - 12, _direction(lower_is_better), size=SMALL, fill=MUTED))
        target_y = plot.y(target)
        dash = {"stroke": INK, "stroke_width": 1.5, "stroke_dasharray": "6 4", "class_": "wr-chart__target"}
        parts.append(svg.el("line", x1=plot.left, y1=target_y, x2=plot.right, y2=target_y, **dash))
        margin.append((svg.middle(target_y, SMALL), target_text, SMALL))
    if pro_rata:
        day0 = dates[0]
        line_points = [(plot.left + PLOT_W * ((d - day0).days / days if days else 0.5), plot.y(v)) for d, v in pro_rata]
        trace = "M" + "L".join(f"{svg.coord(x)} {svg.coord(y)}" for x, y in line_points)
        dots = {"stroke": MUTED, "stroke_width": 1.5, "stroke_dasharray": "2 3", "class_": "wr-chart__pro-rata"}
        parts.append(svg.el("path", d=trace, fill="none", **dots))
        margin.append((svg.middle(line_points[-1][1], SMALL), pro_rata_text, SMALL))
    spread = _spread([y for y, _, _ in margin], FONT + 2)
    last_y = spread[0]
    for y, (_, text, size) in list(zip(spread, margin))[1:]:
        parts.append(svg.text(plot.right + 10, y, text, size=size))
    line = "M" + "L".join(f"{svg.coord(x)} {svg.coord(y)}" for x, y in zip(xs, ys, strict=True))
    parts.append(svg.el("path", d=line, fill="none", stroke=LINE, stroke_width=2.5, stroke_linejoin="round"))
    for x, y, label, value in zip(xs, ys, labels, values, strict=True):
        hover = svg.el("title", f"{label} {svg.with_unit(value, measure)}")
        dot = {"fill": LINE, "stroke": "#ffffff", "stroke_width": 1.5, "class_": "wr-chart__point"}
        parts.append(svg.el("circle", hover, cx=x, cy=y, r=4, **dot))
    parts.append(svg.text(plot.right + 10, last_y, last_text, weight="bold", class_="wr-chart__last"))

    items = [f"{label} {svg.with_unit(v, measure)}" for label, v in zip(labels, values, strict=True)]
    if target is not None:
        items.append(f"{target_text}（{_direction(lower_is_better)}）")
    if pro_rata:
        items.append(f"{pro_rata_text}（{short_date(pro_rata[-1][0])}）")
    return svg.figure("trend", cid, title, svg.listing(items), width, TREND_H, svg.join(parts))


def _trend_axes(plot: _Plot, texts: Sequence[str]) -> list[Markup]:
    """Gridlines with their values on the left, and the time axis along the bottom."""
    parts = []
    for tick, text in zip(plot.ticks, texts, strict=True):
        y = plot.y(tick)
        parts.append(svg.el("line", x1=plot.left, y1=y, x2=plot.right, y2=y, stroke=GRID, stroke_width=1))
        label = svg.text(
            plot.left - 6, svg.middle(y, SMALL), text, size=SMALL, anchor="end", fill=MUTED, class_="wr-chart__tick"
        )
        parts.append(label)
    parts.append(
        svg.el("line", x1=plot.left, y1=plot.bottom, x2=plot.right, y2=plot.bottom, stroke=INK, stroke_width=1)
    )
    return parts


def _trend_x_labels(labels: Sequence[str], xs: Sequence[float], bottom: float) -> list[Markup]:
    """Month names under their points; when they would overlap, every k-th one (the desc has all)."""
    gaps = [b - a for a, b in itertools.pairwise(xs)]
    widest = max(svg.width(label, SMALL) for label in labels) + 8
    every = max(1, math.ceil(widest / min(gaps))) if gaps and min(gaps) > 0 else 1
    parts = []
    for i, (x, label) in enumerate(zip(xs, labels, strict=True)):
        parts.append(svg.el("line", x1=x, y1=bottom, x2=x, y2=bottom + 4, stroke=INK, stroke_width=1))
        if i % every == 0:
            parts.append(svg.text(x, bottom + 20, label, size=SMALL, anchor="middle", class_="wr-chart__month"))
    return parts
