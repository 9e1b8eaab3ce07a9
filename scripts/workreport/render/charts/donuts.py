"""The donut: parts of a whole as a ring, the total in its centre, a legend of every part beside it.

Segments differ by pattern as well as colour and their legend markers by shape (the same
shape is drawn on a segment long enough to hold it), so the chart reads without colour.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ...formatting import number, percent
from . import palette, svg
from .palette import EMPTY, INK, MUTED
from .svg import FONT, LABEL_EMS, NO_DATA, PAD

__all__ = ["Segment", "donut"]


@dataclass(frozen=True)
class Segment:
    """One part of a donut, e.g. the tasks in one progress state."""

    label: str
    value: float
    tone: str
    href: str | None = None
    """A link, already relative to the page that shows the chart."""


RING_R, RING_INNER = 74, 46
RING_BOX = 2 * (RING_R + PAD)
LEGEND_ROW = 26
MARKER = 12
FULL_TURN = 360.0

# Patterns and marker shapes go by position, so neighbours always differ even if two share a tone.
PATTERNS = ("solid", "hatch", "dots", "cross", "hlines", "backhatch", "vlines")
MARKERS = ("circle", "square", "triangle", "diamond", "down", "hexagon", "cross")


def _pattern(pid: str, kind: str, colour: str) -> Markup:
    """A tile of the tone's colour with white marks; tiles need no transform (not every renderer has one)."""
    size = 6
    marks = {
        "hatch": "M0 6L6 0M-1.5 1.5L1.5 -1.5M4.5 7.5L7.5 4.5",
        "backhatch": "M0 0L6 6M-1.5 4.5L1.5 7.5M4.5 -1.5L7.5 1.5",
        "cross": "M0 6L6 0M-1.5 1.5L1.5 -1.5M4.5 7.5L7.5 4.5M0 0L6 6M-1.5 4.5L1.5 7.5M4.5 -1.5L7.5 1.5",
        "hlines": "M0 3H6",
        "vlines": "M3 0V6",
    }
    background = svg.el("rect", width=size, height=size, fill=colour)
    if kind == "dots":
        mark = svg.el("circle", cx=3, cy=3, r=1.3, fill="#ffffff")
    else:
        mark = svg.el("path", d=marks[kind], stroke="#ffffff", stroke_width=1.4 if kind == "cross" else 1.6)
    return svg.el("pattern", background + mark, id=pid, patternUnits="userSpaceOnUse", width=size, height=size)


def _marker(kind: str, x: float, y: float, size: float, **paint: object) -> Markup:
    """A legend marker centred on (x, y); shapes differ so the legend reads without colour."""
    h = size / 2
    if kind == "circle":
        return svg.el("circle", cx=x, cy=y, r=h, **paint)
    if kind == "square":
        return svg.el("rect", x=x - h * 0.9, y=y - h * 0.9, width=size * 0.9, height=size * 0.9, **paint)
    shapes = {
        "triangle": [(0, -1.1), (1.05, 0.75), (-1.05, 0.75)],
        "down": [(0, 1.1), (1.05, -0.75), (-1.05, -0.75)],
        "diamond": [(0, -1.15), (1.15, 0), (0, 1.15), (-1.15, 0)],
        "hexagon": [(math.cos(a) * 1.05, math.sin(a) * 1.05) for a in (math.pi / 3 * i for i in range(6))],
        # A plus sign: the twelve corners of two crossed bars.
        "cross": [(-0.35, -1), (0.35, -1), (0.35, -0.35), (1, -0.35), (1, 0.35), (0.35, 0.35)]
        + [(0.35, 1), (-0.35, 1), (-0.35, 0.35), (-1, 0.35), (-1, -0.35), (-0.35, -0.35)],
    }
    points = " ".join(f"{svg.coord(x + dx * h)},{svg.coord(y + dy * h)}" for dx, dy in shapes[kind])
    return svg.el("polygon", points=points, **paint)


def _polar(cx: float, cy: float, r: float, degrees: float) -> tuple[float, float]:
    """The point at ``degrees`` clockwise from twelve o'clock."""
    a = math.radians(degrees)
    return cx + r * math.sin(a), cy - r * math.cos(a)


def _ring_path(cx: float, cy: float) -> str:
    """A whole ring: two half circles out, two back in, hollow by the even-odd rule.

    An arc from a point to itself draws nothing, so a 100 % segment cannot be one arc.
    """
    o, i = RING_R, RING_INNER
    top_o, bottom_o = f"{svg.coord(cx)} {svg.coord(cy - o)}", f"{svg.coord(cx)} {svg.coord(cy + o)}"
    top_i, bottom_i = f"{svg.coord(cx)} {svg.coord(cy - i)}", f"{svg.coord(cx)} {svg.coord(cy + i)}"
    return (
        f"M{top_o}A{o} {o} 0 1 1 {bottom_o}A{o} {o} 0 1 1 {top_o}Z"
        f"M{top_i}A{i} {i} 0 1 0 {bottom_i}A{i} {i} 0 1 0 {top_i}Z"
    )


def _sector_path(cx: float, cy: float, start: float, sweep: float) -> str:
    """One ring segment from ``start`` clockwise through ``sweep`` degrees.

    Arcs span at most half a turn, so there is no large-arc flag to get wrong and no arc
    of nearly a full turn whose two ends round to the same point (which would draw nothing).
    """
    if sweep >= FULL_TURN - 1e-9:
        return _ring_path(cx, cy)
    angles = [start, start + sweep / 2, start + sweep] if sweep > 180 else [start, start + sweep]

    def point(r: float, degrees: float) -> str:
        x, y = _polar(cx, cy, r, degrees)
        return f"{svg.coord(x)} {svg.coord(y)}"

    o, i = RING_R, RING_INNER
    outward = "".join(f"A{o} {o} 0 0 1 {point(o, a)}" for a in angles[1:])
    back = "".join(f"A{i} {i} 0 0 0 {point(i, a)}" for a in reversed(angles[:-1]))
    return f"M{point(o, angles[0])}{outward}L{point(i, angles[-1])}{back}Z"


def donut(
    segments: Sequence[Segment],
    *,
    title: str,
    total_label: str = "合计",
    unit: str = "项",
    key: str | None = None,
) -> Markup:
    """A ring of parts of a whole, the total in its centre and a legend of every part beside it."""
    values = [svg.check(s.value, s.label) for s in segments]
    total = sum(values)
    cid = svg.chart_id("donut", title, (tuple(segments), total_label, unit), key)
    height = max(RING_BOX, 2 * PAD + len(segments) * LEGEND_ROW)
    cx, cy = RING_R + PAD, height / 2
    counts = [svg.with_unit(v, unit) for v in values]
    shares = [percent(v / total * 100) if total else "—" for v in values]

    defs, paints = _donut_paints(cid, segments)
    parts = [svg.el("defs", svg.join(defs))] if defs else []
    if total == 0:
        parts.append(svg.el("path", d=_ring_path(cx, cy), fill=EMPTY, fill_rule="evenodd", class_="wr-chart__empty"))
    start = 0.0
    for i, (segment, value) in enumerate(zip(segments, values, strict=True)):
        sweep = value / total * FULL_TURN if total else 0.0
        if sweep > 0:
            hover = svg.el("title", f"{segment.label} {counts[i]}（{shares[i]}）")
            paint = {"fill": paints[i], "fill_rule": "evenodd", "stroke": "#ffffff", "stroke_width": 1.5}
            shape = svg.el("path", hover, d=_sector_path(cx, cy, start, sweep), class_="wr-chart__segment", **paint)
            parts.append(svg.link(segment.href, shape + _arc_marker(i, cx, cy, start, sweep)))
        start += sweep
    parts.append(_donut_centre(cx, cy, total, total_label, unit))
    legend, width = _donut_legend(segments, paints, counts, shares, left=RING_BOX + 10, cy=cy)
    parts += legend

    if total == 0:
        desc = NO_DATA + "。"
    else:
        items = [f"{s.label} {c}，占 {p}" for s, c, p in zip(segments, counts, shares, strict=True)]
        desc = f"{total_label} {svg.with_unit(total, unit)}。" + svg.listing(items)
    return svg.figure("donut", cid, title, desc, width, height, svg.join(parts))


def _donut_paints(cid: str, segments: Sequence[Segment]) -> tuple[list[Markup], list[str]]:
    """The segments' fills: the first solid, the others patterned (patterns named after this chart)."""
    defs, paints = [], []
    for i, segment in enumerate(segments):
        colour = palette.tone(segment.tone).fill
        kind = PATTERNS[i % len(PATTERNS)]
        if kind == "solid":
            paints.append(colour)
        else:
            pid = f"{cid}-pattern-{i}"
            defs.append(_pattern(pid, kind, colour))
            paints.append(f"url(#{pid})")
    return defs, paints


def _arc_marker(i: int, cx: float, cy: float, start: float, sweep: float) -> Markup:
    """The legend's shape on the segment itself, when the segment is long enough to hold it."""
    middle_r = (RING_R + RING_INNER) / 2
    if math.radians(sweep) * middle_r < MARKER + 8:
        return Markup("")
    x, y = _polar(cx, cy, middle_r, start + sweep / 2)
    return _marker(MARKERS[i % len(MARKERS)], x, y, MARKER - 2, fill="#ffffff", stroke=INK, stroke_width=1)


def _donut_centre(cx: float, cy: float, total: float, total_label: str, unit: str) -> Markup:
    if total == 0:
        return svg.text(cx, svg.middle(cy, FONT), NO_DATA, anchor="middle", fill=MUTED)
    figure = svg.el("tspan", number(total, 2), font_size=24, font_weight="bold")
    if unit:
        figure += svg.el("tspan", Markup(" ") + svg.literal(unit), font_size=FONT)
    return svg.join(
        [
            svg.text(cx, cy - 8, total_label, size=13, anchor="middle", fill=MUTED),
            svg.el("text", figure, x=cx, y=cy + 18, font_size=FONT, fill=INK, text_anchor="middle"),
        ]
    )


def _donut_legend(
    segments: Sequence[Segment],
    paints: Sequence[str],
    counts: Sequence[str],
    shares: Sequence[str],
    *,
    left: float,
    cy: float,
) -> tuple[list[Markup], float]:
    """Marker, label, count and share of every segment, in columns; and the width they need."""
    label_x = left + MARKER + 8
    count_end = (
        label_x
        + svg.label_column(s.label for s in segments)
        + 10
        + max((svg.width(c, FONT) for c in counts), default=0)
    )
    share_end = count_end + 10 + max((svg.width(s, FONT) for s in shares), default=0)
    top = cy - len(segments) * LEGEND_ROW / 2
    rows = []
    for i, segment in enumerate(segments):
        y = top + LEGEND_ROW * (i + 0.5)
        baseline = svg.middle(y, FONT)
        marker_paint = {"fill": paints[i], "stroke": INK, "stroke_width": 1}
        row = [
            _marker(MARKERS[i % len(MARKERS)], left + MARKER / 2, y, MARKER, **marker_paint),
            svg.label(label_x, baseline, segment.label, max_ems=LABEL_EMS),
            svg.text(count_end, baseline, counts[i], anchor="end"),
            svg.text(share_end, baseline, shares[i], anchor="end", fill=MUTED),
        ]
        rows.append(svg.link(segment.href, svg.el("g", svg.join(row), class_="wr-chart__legend-item")))
    return rows, share_end + PAD
