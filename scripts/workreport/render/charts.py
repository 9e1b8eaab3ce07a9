"""Charts drawn at build time as inline SVG.

No JavaScript: a chart works offline, prints, and can be reused as it is by a PDF
export (WeasyPrint), so every colour, stroke and font size is an attribute on its
element, never a rule in a stylesheet. Colour never carries meaning alone: every bar
and segment has its label and figure written beside it, donut segments also differ
by pattern and their legend markers by shape, and each chart's ``<desc>`` lists
every value in words for screen readers.

Output is deterministic (same input, same bytes) because golden snapshots compare
it; element ids come from a hash of the chart's content plus an optional caller
``key``, so two different charts on one page never share an id. The markup has no
blank lines, so Markdown passes it through as one raw HTML block.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..plain import html_text, markdown_inline
from .markdown import number, percent

__all__ = ["TONES", "Bar", "InvestmentRow", "Segment", "Tone"]
__all__ += ["donut", "funnel", "hbars", "investment", "schedule_bar", "trend_line"]

# ------------------------------------------------------------------ palette


@dataclass(frozen=True)
class Tone:
    """A colour role: ``ink`` is what must stand out from the white page (≥ 3:1)."""

    ink: str
    """Fill of solid shapes, stroke of outlined ones."""
    fill: str
    """What fills the shape: the ink itself, or a light tint for outline tones."""


TONES: dict[str, Tone] = {
    "done": Tone("#1b7f3b", "#1b7f3b"),
    "ok": Tone("#1f5fbf", "#1f5fbf"),
    "warn": Tone("#a65300", "#a65300"),
    "bad": Tone("#b3261e", "#b3261e"),
    "overdue": Tone("#7a1f7a", "#7a1f7a"),
    "neutral": Tone("#5f6368", "#5f6368"),
    # The year's plan is drawn as an outline: a light tint inside a dark enough border.
    "plan": Tone("#5f6368", "#f1f3f5"),
}

INK = "#1f2328"  # text and axes: 15:1 on white
MUTED = "#57606a"  # secondary text (notes, ticks): 6.4:1, still body-text legible
GRID = "#d8dee4"  # gridlines are decoration, the tick labels carry the values
TRACK = "#eef1f4"  # empty part of a progress track
EMPTY = "#d8dee4"  # the ring of a donut without data

FONT = 14  # labels
SMALL = 12  # ticks, notes: the floor for Chinese text to stay legible
PAD = 8
LABEL_EMS = 8  # Chinese labels longer than this many characters are cut with “…”
NOTE_EMS = 16
NO_DATA = "无数据"
# Natural size on wide screens (so 12 px text stays 12 px), shrinking to fit narrow ones.
SCALES = "max-width:100%;height:auto"


# ------------------------------------------------------------------ inputs


@dataclass(frozen=True)
class Segment:
    """One part of a donut, e.g. the tasks in one progress state."""

    label: str
    value: float
    tone: str
    href: str | None = None
    """A link, already relative to the page that shows the chart."""


@dataclass(frozen=True)
class Bar:
    """One bar of a bar chart or one stage of a funnel."""

    label: str
    value: float
    tone: str = "ok"
    href: str | None = None
    note: str | None = None
    """Written after the value, e.g. the reason for a deduction."""


@dataclass(frozen=True)
class InvestmentRow:
    """A project's (or unit's) investment for the year: plan against completed."""

    label: str
    planned: float
    done: float
    href: str | None = None


# ------------------------------------------------------------------ text


def _with_unit(value: float, unit: str) -> str:
    """'41.7%' (percents keep one decimal, no space), '6 分', '3580 万元'."""
    if unit == "%":
        return percent(value, 1)
    text = number(value, 2)
    return f"{text} {unit}" if unit else text


def _ems(text: str) -> float:
    """Estimated width in ems: CJK characters are square, Latin digits about half as wide.

    Only an estimate (the reader's font decides), so layouts leave a little slack.
    """
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.6 for c in text)


def _width(text: str, size: float) -> float:
    return _ems(text) * size


def _text_width(text: str) -> float:
    return _width(text, FONT)


def _fit(text: str, max_ems: float) -> str:
    """The text, or its start and “…” when it is wider than ``max_ems``."""
    if _ems(text) <= max_ems:
        return text
    cut = text
    while cut and _ems(cut) + 1 > max_ems:
        cut = cut[:-1]
    return cut.rstrip() + "…"


def _label_column(labels: Iterable[str], size: int = FONT) -> float:
    """Width of a left column of labels, each cut to LABEL_EMS characters."""
    return max((min(_ems(label), LABEL_EMS) for label in labels), default=2) * size


def _sentence(parts: Iterable[str]) -> str:
    return "；".join(parts) + "。"


# ------------------------------------------------------------------ SVG building blocks


def _coord(value: float) -> str:
    return number(value, 2)


def _plain(value: object) -> Markup:
    """Data text as literal text on one line (``plain.markdown_inline``): charts sit inside
    Markdown, and a chart in a table cell is parsed as inline Markdown; a blank line inside
    a chart would also end Markdown's raw HTML block."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, float | int) and not isinstance(value, bool):
        return Markup(_coord(value))
    return markdown_inline(value)


def _attribute(value: object) -> Markup:
    """An attribute value: Markdown never parses inside a tag, but a table cell ends at any pipe."""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return Markup(_coord(value))
    return Markup(str(html_text(value)).replace("|", "&#124;"))


def _el(tag: str, content: str | None = None, /, **attrs: object) -> Markup:
    """One element; ``font_size=`` becomes ``font-size``, ``class_`` becomes ``class``; None skips an attribute."""
    parts = [tag]
    parts += [f'{name.rstrip("_").replace("_", "-")}="{_attribute(v)}"' for name, v in attrs.items() if v is not None]
    opening = " ".join(parts)
    if content is None:
        return Markup(f"<{opening}/>")
    return Markup(f"<{opening}>{_plain(content)}</{tag}>")


def _join(items: Iterable[Markup], separator: str = "\n") -> Markup:
    return Markup(separator).join(items)


def _text(
    x: float,
    y: float,
    content: str,
    *,
    size: int = FONT,
    anchor: str | None = None,
    fill: str = INK,
    weight: str | None = None,
    class_: str | None = None,
) -> Markup:
    """Text whose baseline is at ``y`` (baseline alignment is the one every renderer agrees on)."""
    return _el(
        "text", content, x=x, y=y, font_size=size, fill=fill, text_anchor=anchor, font_weight=weight, class_=class_
    )


def _label(x: float, y: float, label: str, *, max_ems: float, size: int = FONT, anchor: str | None = None) -> Markup:
    """A label cut to ``max_ems``; a cut label keeps its full text in a hover ``<title>``."""
    shown = _fit(label, max_ems)
    text = _text(x, y, shown, size=size, anchor=anchor)
    if shown == label:
        return text
    return _el("g", _el("title", label) + text)


def _link(href: str | None, body: Markup) -> Markup:
    return body if href is None else _el("a", body, href=href)


def _rect(x: float, y: float, width: float, height: float, fill: str, **more: object) -> Markup:
    return _el("rect", x=x, y=y, width=width, height=height, fill=fill, **more)


def _middle(y_centre: float, size: int) -> float:
    """The baseline that centres a line of text of ``size`` on ``y_centre``."""
    return y_centre + size * 0.35


def _chart_id(kind: str, title: str, data: object, key: str | None) -> str:
    """Same input, same id; different data or key, different id."""
    digest = hashlib.sha256(repr((kind, title, data, key)).encode("utf-8")).hexdigest()
    return f"wr-{kind}-{digest[:10]}"


def _svg(
    cid: str,
    title: str,
    desc: str,
    width: float,
    height: float,
    body: Markup,
    class_: str,
    style: str = SCALES,
    separator: str = "\n",
) -> Markup:
    """The ``<svg>``, drawn at its natural size (so text keeps its size) and shrinking on narrow screens."""
    width, height = math.ceil(width), math.ceil(height)
    inner = _join([_el("title", title, id=f"{cid}-title"), _el("desc", desc, id=f"{cid}-desc"), body], separator)
    return _el(
        "svg",
        inner,
        xmlns="http://www.w3.org/2000/svg",
        class_=class_,
        role="img",
        aria_labelledby=f"{cid}-title {cid}-desc",
        width=width,
        height=height,
        viewBox=f"0 0 {width} {height}",
        style=style,
        # A chart repeats figures its page already states: keep its words out of the search index.
        data_search_exclude="true",
    )


def _figure(kind: str, cid: str, title: str, desc: str, width: float, height: float, body: Markup) -> Markup:
    svg = _svg(cid, title, desc, width, height, body, "wr-chart__svg")
    caption = _el("figcaption", title)
    return Markup('<figure class="wr-chart wr-chart--{kind}" data-search-exclude="true">\n{caption}\n{svg}\n</figure>').format(
        kind=kind, caption=caption, svg=svg
    )


def _empty_figure(kind: str, cid: str, title: str) -> Markup:
    """A chart without data still shows its title and says so, rather than vanishing."""
    body = _text(PAD, _middle(20, FONT), NO_DATA, fill=MUTED, class_="wr-chart__empty")
    return _figure(kind, cid, title, NO_DATA + "。", 160, 40, body)


def _tone(name: str) -> Tone:
    try:
        return TONES[name]
    except KeyError:
        raise ValueError(f"未知的颜色 {name!r}，可用：{'、'.join(TONES)}") from None


def _check(value: float, what: str) -> float:
    """Charts of counts and amounts: a negative or non-finite value is a data error, not something to draw."""
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{what} 应为非负数，实际为 {value!r}")
    return float(value)


# ------------------------------------------------------------------ schedule bar (table cells)

SCHEDULE_W, SCHEDULE_H = 180, 22
TRACK_X, TRACK_Y, TRACK_W, TRACK_H = 5, 8, 120, 10
SCHEDULE_TEXT_X = TRACK_X + TRACK_W + 7


def schedule_bar(
    actual: float, expected: float | None, *, tone: str = "ok", label: str | None = None, key: str | None = None
) -> Markup:
    """A compact progress bar for a table cell: actual progress filled, 序时进度 marked by a tick.

    The one chart without a figure and caption: the table row is its context.
    """
    ink = _tone(tone).fill
    if not math.isfinite(actual) or (expected is not None and not math.isfinite(expected)):
        raise ValueError(f"进度应为有限数值，实际为 {actual!r}、{expected!r}")
    written = label if label is not None else percent(actual)
    summary = f"实际进度 {percent(actual)}"
    if expected is not None:
        summary += f"，序时进度 {percent(expected)}"
    desc = summary if written in summary else f"{summary}（{written}）"
    fill_w = TRACK_W * max(0.0, min(100.0, actual)) / 100
    parts = [
        _rect(TRACK_X, TRACK_Y, TRACK_W, TRACK_H, TRACK, stroke=MUTED, stroke_width=1),
        _rect(TRACK_X, TRACK_Y, fill_w, TRACK_H, ink, class_="wr-chart__actual"),
    ]
    if expected is not None:
        x = TRACK_X + TRACK_W * max(0.0, min(100.0, expected)) / 100
        parts.append(
            _el(
                "g",
                _el("line", x1=x, y1=4, x2=x, y2=SCHEDULE_H - 1, stroke=INK, stroke_width=1.5)
                + _el("path", d=f"M{_coord(x - 4)} 0H{_coord(x + 4)}L{_coord(x)} 5Z", fill=INK),
                class_="wr-chart__expected",
            )
        )
    text_ems = (SCHEDULE_W - SCHEDULE_TEXT_X) / SMALL
    parts.append(_label(SCHEDULE_TEXT_X, _middle(TRACK_Y + TRACK_H / 2, SMALL), written, max_ems=text_ems, size=SMALL))
    cid = _chart_id("schedule", summary, (actual, expected, tone, label), key)
    # Fixed size: a table squeezes a cell whose content may shrink (max-width in %, which themes such as
    # Material set on every svg) until its text is unreadable; a fixed bar keeps its column wide enough.
    # And it sits mid-line, not on the text's baseline.
    style = "max-width:none;vertical-align:middle"
    classes = "wr-chart wr-chart--schedule"
    svg = _svg(cid, summary, desc, SCHEDULE_W, SCHEDULE_H, _join(parts, ""), classes, style, separator="")
    # One line, so it can stand in a Markdown table cell (its text has no pipes: see _plain).
    return svg


# ------------------------------------------------------------------ donut

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
    background = _el("rect", width=size, height=size, fill=colour)
    if kind == "dots":
        mark = _el("circle", cx=3, cy=3, r=1.3, fill="#ffffff")
    else:
        mark = _el("path", d=marks[kind], stroke="#ffffff", stroke_width=1.4 if kind == "cross" else 1.6)
    return _el("pattern", background + mark, id=pid, patternUnits="userSpaceOnUse", width=size, height=size)


def _marker(kind: str, x: float, y: float, size: float, **paint: object) -> Markup:
    """A legend marker centred on (x, y); shapes differ so the legend reads without colour."""
    h = size / 2
    if kind == "circle":
        return _el("circle", cx=x, cy=y, r=h, **paint)
    if kind == "square":
        return _el("rect", x=x - h * 0.9, y=y - h * 0.9, width=size * 0.9, height=size * 0.9, **paint)
    shapes = {
        "triangle": [(0, -1.1), (1.05, 0.75), (-1.05, 0.75)],
        "down": [(0, 1.1), (1.05, -0.75), (-1.05, -0.75)],
        "diamond": [(0, -1.15), (1.15, 0), (0, 1.15), (-1.15, 0)],
        "hexagon": [(math.cos(a) * 1.05, math.sin(a) * 1.05) for a in (math.pi / 3 * i for i in range(6))],
        # A plus sign: the twelve corners of two crossed bars.
        "cross": [(-0.35, -1), (0.35, -1), (0.35, -0.35), (1, -0.35), (1, 0.35), (0.35, 0.35)]
        + [(0.35, 1), (-0.35, 1), (-0.35, 0.35), (-1, 0.35), (-1, -0.35), (-0.35, -0.35)],
    }
    points = " ".join(f"{_coord(x + dx * h)},{_coord(y + dy * h)}" for dx, dy in shapes[kind])
    return _el("polygon", points=points, **paint)


def _polar(cx: float, cy: float, r: float, degrees: float) -> tuple[float, float]:
    """The point at ``degrees`` clockwise from twelve o'clock."""
    a = math.radians(degrees)
    return cx + r * math.sin(a), cy - r * math.cos(a)


def _ring_path(cx: float, cy: float) -> str:
    """A whole ring: two half circles out, two back in, hollow by the even-odd rule.

    An arc from a point to itself draws nothing, so a 100 % segment cannot be one arc.
    """
    o, i = RING_R, RING_INNER
    top_o, bottom_o = f"{_coord(cx)} {_coord(cy - o)}", f"{_coord(cx)} {_coord(cy + o)}"
    top_i, bottom_i = f"{_coord(cx)} {_coord(cy - i)}", f"{_coord(cx)} {_coord(cy + i)}"
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
        return f"{_coord(x)} {_coord(y)}"

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
    values = [_check(s.value, s.label) for s in segments]
    total = sum(values)
    cid = _chart_id("donut", title, (tuple(segments), total_label, unit), key)
    height = max(RING_BOX, 2 * PAD + len(segments) * LEGEND_ROW)
    cx, cy = RING_R + PAD, height / 2
    counts = [_with_unit(v, unit) for v in values]
    shares = [percent(v / total * 100) if total else "—" for v in values]

    defs, paints = _donut_paints(cid, segments)
    parts = [_el("defs", _join(defs))] if defs else []
    if total == 0:
        parts.append(_el("path", d=_ring_path(cx, cy), fill=EMPTY, fill_rule="evenodd", class_="wr-chart__empty"))
    start = 0.0
    for i, (segment, value) in enumerate(zip(segments, values, strict=True)):
        sweep = value / total * FULL_TURN if total else 0.0
        if sweep > 0:
            hover = _el("title", f"{segment.label} {counts[i]}（{shares[i]}）")
            paint = {"fill": paints[i], "fill_rule": "evenodd", "stroke": "#ffffff", "stroke_width": 1.5}
            shape = _el("path", hover, d=_sector_path(cx, cy, start, sweep), class_="wr-chart__segment", **paint)
            parts.append(_link(segment.href, shape + _arc_marker(i, cx, cy, start, sweep)))
        start += sweep
    parts.append(_donut_centre(cx, cy, total, total_label, unit))
    legend, width = _donut_legend(segments, paints, counts, shares, left=RING_BOX + 10, cy=cy)
    parts += legend

    if total == 0:
        desc = NO_DATA + "。"
    else:
        items = [f"{s.label} {c}，占 {p}" for s, c, p in zip(segments, counts, shares, strict=True)]
        desc = f"{total_label} {_with_unit(total, unit)}。" + _sentence(items)
    return _figure("donut", cid, title, desc, width, height, _join(parts))


def _donut_paints(cid: str, segments: Sequence[Segment]) -> tuple[list[Markup], list[str]]:
    """The segments' fills: the first solid, the others patterned (patterns named after this chart)."""
    defs, paints = [], []
    for i, segment in enumerate(segments):
        colour = _tone(segment.tone).fill
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
        return _text(cx, _middle(cy, FONT), NO_DATA, anchor="middle", fill=MUTED)
    figure = _el("tspan", number(total, 2), font_size=24, font_weight="bold")
    if unit:
        figure += _el("tspan", Markup(" ") + _plain(unit), font_size=FONT)
    return _join(
        [
            _text(cx, cy - 8, total_label, size=13, anchor="middle", fill=MUTED),
            _el("text", figure, x=cx, y=cy + 18, font_size=FONT, fill=INK, text_anchor="middle"),
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
    count_end = label_x + _label_column(s.label for s in segments) + 10 + max(map(_text_width, counts), default=0)
    share_end = count_end + 10 + max(map(_text_width, shares), default=0)
    top = cy - len(segments) * LEGEND_ROW / 2
    rows = []
    for i, segment in enumerate(segments):
        y = top + LEGEND_ROW * (i + 0.5)
        baseline = _middle(y, FONT)
        marker_paint = {"fill": paints[i], "stroke": INK, "stroke_width": 1}
        row = [
            _marker(MARKERS[i % len(MARKERS)], left + MARKER / 2, y, MARKER, **marker_paint),
            _label(label_x, baseline, segment.label, max_ems=LABEL_EMS),
            _text(count_end, baseline, counts[i], anchor="end"),
            _text(share_end, baseline, shares[i], anchor="end", fill=MUTED),
        ]
        rows.append(_link(segment.href, _el("g", _join(row), class_="wr-chart__legend-item")))
    return rows, share_end + PAD


# ------------------------------------------------------------------ horizontal bars and funnel

BAR_ROW, BAR_H, BAR_W = 28, 16, 220
FUNNEL_ROW, FUNNEL_H, FUNNEL_W = 34, 24, 240
STUB_W = 4  # a funnel stage with nothing in it still shows as a sliver, not a gap


def _value_text(x: float, y: float, value: str, note: str | None) -> Markup:
    """The figure at a bar's end, and a muted note after it."""
    content = _plain(value)
    if note:
        content += Markup("  ") + _el("tspan", _fit(note, NOTE_EMS), fill=MUTED, font_size=SMALL)
    return _el("text", content, x=x, y=y, font_size=FONT, fill=INK, class_="wr-chart__value")


def _value_width(rows: Sequence[Bar], texts: Sequence[str]) -> float:
    """Room for the widest figure and note written after a bar."""
    return max(
        _width(text, FONT) + (_width("  " + _fit(row.note, NOTE_EMS), SMALL) if row.note else 0)
        for row, text in zip(rows, texts, strict=True)
    )


def _bar_row(row: Bar, text: str, y: float, label_x: float, bar_x: float, length: float, height: float) -> Markup:
    """Label, bar and figure of one row, linked together when the row has a page."""
    baseline = _middle(y, FONT)
    body = _join(
        [
            _label(label_x, baseline, row.label, max_ems=LABEL_EMS, anchor="end"),
            _rect(bar_x, y - height / 2, length, height, _tone(row.tone).fill, class_="wr-chart__bar"),
            _value_text(bar_x + length + 6, baseline, text, row.note),
        ]
    )
    return _link(row.href, _el("g", body, class_="wr-chart__row"))


def _bars_desc(rows: Sequence[Bar], texts: Sequence[str]) -> str:
    return _sentence(f"{r.label} {t}" + (f"（{r.note}）" if r.note else "") for r, t in zip(rows, texts, strict=True))


def hbars(
    rows: Sequence[Bar], *, title: str, unit: str, max_value: float | None = None, key: str | None = None
) -> Markup:
    """Horizontal bars with the label on the left and the value (and note) written at the bar's end."""
    cid = _chart_id("hbars", title, (tuple(rows), unit, max_value), key)
    if not rows:
        return _empty_figure("hbars", cid, title)
    values = [_check(r.value, r.label) for r in rows]
    scale = max_value if max_value is not None else max(values)
    texts = [_with_unit(v, unit) for v in values]
    bar_x = PAD + _label_column(r.label for r in rows) + 10
    width = bar_x + BAR_W + 6 + _value_width(rows, texts) + PAD
    height = 2 * PAD + len(rows) * BAR_ROW

    parts = []
    for i, (row, value, text) in enumerate(zip(rows, values, texts, strict=True)):
        # Past max_value the bar stops at the edge; its written figure still tells the truth.
        length = BAR_W * min(1.0, value / scale) if scale > 0 else 0.0
        parts.append(_bar_row(row, text, PAD + (i + 0.5) * BAR_ROW, bar_x - 10, bar_x, length, BAR_H))
    # A baseline shows where zero is, so a zero-length bar still reads as “0”, not as missing.
    parts.append(_el("line", x1=bar_x, y1=PAD - 2, x2=bar_x, y2=height - PAD + 2, stroke=INK, stroke_width=1))
    return _figure("hbars", cid, title, _bars_desc(rows, texts), width, height, _join(parts))


def funnel(stages: Sequence[Bar], *, title: str, unit: str = "个", key: str | None = None) -> Markup:
    """Stages in their order, one centred bar each, as wide as its count; the count written beside it."""
    cid = _chart_id("funnel", title, (tuple(stages), unit), key)
    if not stages:
        return _empty_figure("funnel", cid, title)
    values = [_check(s.value, s.label) for s in stages]
    biggest = max(values)
    texts = [_with_unit(v, unit) for v in values]
    column = PAD + _label_column(s.label for s in stages) + 12
    centre = column + FUNNEL_W / 2
    width = column + FUNNEL_W + 6 + _value_width(stages, texts) + PAD
    height = 2 * PAD + len(stages) * FUNNEL_ROW

    parts = []
    for i, (stage, value, text) in enumerate(zip(stages, values, texts, strict=True)):
        bar_w = max(STUB_W, FUNNEL_W * value / biggest) if biggest > 0 else STUB_W
        y = PAD + (i + 0.5) * FUNNEL_ROW
        parts.append(_bar_row(stage, text, y, column - 12, centre - bar_w / 2, bar_w, FUNNEL_H))
    return _figure("funnel", cid, title, _bars_desc(stages, texts), width, height, _join(parts))


# ------------------------------------------------------------------ trend line

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
) -> Markup:
    """A value over time: a line with dots, round y ticks, the target dashed, the latest value written."""
    cid = _chart_id("trend", title, (tuple(points), target, measure, lower_is_better), key)
    if not points:
        return _empty_figure("trend", cid, title)
    points = sorted(points, key=lambda p: p[0])
    dates, values = [d for d, _ in points], [float(v) for _, v in points]
    bounds = values + ([] if target is None else [float(target)])
    if not all(math.isfinite(v) for v in bounds):
        raise ValueError(f"{title}：趋势数据应为有限数值")
    ticks = _nice_ticks(min(bounds), max(bounds))
    tick_texts = [_tick_text(t, ticks, measure) for t in ticks]
    labels = _month_labels(dates)
    last_text = _with_unit(values[-1], measure)
    target_text = "" if target is None else f"目标 {_with_unit(target, measure)}"

    left = PAD + max(_width(t, SMALL) for t in tick_texts) + 8
    plot = _Plot(left, left + PLOT_W, TREND_H - PLOT_BOTTOM_MARGIN, ticks)
    width = plot.right + 10 + max(_width(last_text, FONT), _width(target_text, SMALL)) + PAD
    days = (dates[-1] - dates[0]).days
    # Time runs to scale (a missing month leaves a gap); a single point stands in the middle.
    xs = [plot.left + PLOT_W * ((d - dates[0]).days / days if days else 0.5) for d in dates]
    ys = [plot.y(v) for v in values]

    parts = _trend_axes(plot, tick_texts) + _trend_x_labels(labels, xs, plot.bottom)
    last_y = _middle(ys[-1], FONT)
    if target is not None:
        parts.append(_text(plot.left, PLOT_TOP - 12, _direction(lower_is_better), size=SMALL, fill=MUTED))
        target_y = plot.y(target)
        dash = {"stroke": INK, "stroke_width": 1.5, "stroke_dasharray": "6 4", "class_": "wr-chart__target"}
        parts.append(_el("line", x1=plot.left, y1=target_y, x2=plot.right, y2=target_y, **dash))
        # The last value and the target are both written in the right margin; keep them from overlapping.
        last_y, target_y = _dodge(last_y, _middle(target_y, SMALL), FONT + 2)
        parts.append(_text(plot.right + 10, target_y, target_text, size=SMALL))
    line = "M" + "L".join(f"{_coord(x)} {_coord(y)}" for x, y in zip(xs, ys, strict=True))
    parts.append(_el("path", d=line, fill="none", stroke=LINE, stroke_width=2.5, stroke_linejoin="round"))
    for x, y, label, value in zip(xs, ys, labels, values, strict=True):
        hover = _el("title", f"{label} {_with_unit(value, measure)}")
        dot = {"fill": LINE, "stroke": "#ffffff", "stroke_width": 1.5, "class_": "wr-chart__point"}
        parts.append(_el("circle", hover, cx=x, cy=y, r=4, **dot))
    parts.append(_text(plot.right + 10, last_y, last_text, weight="bold", class_="wr-chart__last"))

    items = [f"{label} {_with_unit(v, measure)}" for label, v in zip(labels, values, strict=True)]
    if target is not None:
        items.append(f"{target_text}（{_direction(lower_is_better)}）")
    return _figure("trend", cid, title, _sentence(items), width, TREND_H, _join(parts))


def _trend_axes(plot: _Plot, texts: Sequence[str]) -> list[Markup]:
    """Gridlines with their values on the left, and the time axis along the bottom."""
    parts = []
    for tick, text in zip(plot.ticks, texts, strict=True):
        y = plot.y(tick)
        parts.append(_el("line", x1=plot.left, y1=y, x2=plot.right, y2=y, stroke=GRID, stroke_width=1))
        label = _text(
            plot.left - 6, _middle(y, SMALL), text, size=SMALL, anchor="end", fill=MUTED, class_="wr-chart__tick"
        )
        parts.append(label)
    parts.append(_el("line", x1=plot.left, y1=plot.bottom, x2=plot.right, y2=plot.bottom, stroke=INK, stroke_width=1))
    return parts


def _trend_x_labels(labels: Sequence[str], xs: Sequence[float], bottom: float) -> list[Markup]:
    """Month names under their points; when they would overlap, every k-th one (the desc has all)."""
    gaps = [b - a for a, b in itertools.pairwise(xs)]
    widest = max(_width(label, SMALL) for label in labels) + 8
    every = max(1, math.ceil(widest / min(gaps))) if gaps and min(gaps) > 0 else 1
    parts = []
    for i, (x, label) in enumerate(zip(xs, labels, strict=True)):
        parts.append(_el("line", x1=x, y1=bottom, x2=x, y2=bottom + 4, stroke=INK, stroke_width=1))
        if i % every == 0:
            parts.append(_text(x, bottom + 20, label, size=SMALL, anchor="middle", class_="wr-chart__month"))
    return parts


# ------------------------------------------------------------------ investment

INVEST_ROW, INVEST_BAR_W = 50, 300
PLAN_H, DONE_H = 18, 10
LEGEND_H = 26


def _investment_text(row: InvestmentRow, unit: str) -> str:
    """“完成 3580 / 计划 3800 万元（94.2%）”; with no plan there is no rate, not a division error."""
    rate = percent(row.done / row.planned * 100) if row.planned > 0 else "—"
    return f"完成 {number(row.done)} / 计划 {_with_unit(row.planned, unit)}（{rate}）"


def investment(rows: Sequence[InvestmentRow], *, title: str, unit: str = "万元", key: str | None = None) -> Markup:
    """Per row the year's plan as an outline and the completed amount as a filled bar inside it."""
    cid = _chart_id("investment", title, (tuple(rows), unit), key)
    if not rows:
        return _empty_figure("investment", cid, title)
    for row in rows:
        _check(row.planned, f"{row.label} 计划")
        _check(row.done, f"{row.label} 完成")
    # One scale for plan and done, so a row past its plan shows by how much; min() only guards the edge.
    scale = max(max(r.planned, r.done) for r in rows)
    texts = [_investment_text(r, unit) for r in rows]
    bar_x = PAD + _label_column(r.label for r in rows) + 10
    width = bar_x + max(INVEST_BAR_W, *(_width(t, SMALL) for t in texts)) + PAD
    height = LEGEND_H + len(rows) * INVEST_ROW + PAD

    def length(value: float) -> float:
        return min(INVEST_BAR_W, INVEST_BAR_W * value / scale) if scale > 0 else 0.0

    parts = [_investment_legend(bar_x)]
    for i, (row, text) in enumerate(zip(rows, texts, strict=True)):
        top = LEGEND_H + i * INVEST_ROW
        parts.append(_investment_row(row, text, top, bar_x, length(row.planned), length(row.done)))
    desc = _sentence(f"{r.label}：{t}" for r, t in zip(rows, texts, strict=True))
    return _figure("investment", cid, title, desc, width, height, _join(parts))


def _investment_row(row: InvestmentRow, text: str, top: float, bar_x: float, planned: float, done: float) -> Markup:
    """The plan outline, the completed bar across its middle, and the figures written underneath."""
    plan, finished = TONES["plan"], TONES["done"]
    middle = top + 4 + PLAN_H / 2
    body = _join(
        [
            _label(bar_x - 10, _middle(middle, FONT), row.label, max_ems=LABEL_EMS, anchor="end"),
            _rect(
                bar_x, top + 4, planned, PLAN_H, plan.fill, stroke=plan.ink, stroke_width=1.5, class_="wr-chart__plan"
            ),
            _rect(bar_x, middle - DONE_H / 2, done, DONE_H, finished.fill, class_="wr-chart__done"),
            _text(bar_x, top + 4 + PLAN_H + 17, text, size=SMALL, class_="wr-chart__value"),
        ]
    )
    return _link(row.href, _el("g", body, class_="wr-chart__row"))


def _investment_legend(x: float) -> Markup:
    plan, done = TONES["plan"], TONES["done"]
    y = 13
    entries = [
        _rect(x, y - 7, 22, 14, plan.fill, stroke=plan.ink, stroke_width=1.5),
        _text(x + 28, _middle(y, SMALL), "年度计划", size=SMALL),
        _rect(x + 96, y - 5, 22, 10, done.fill),
        _text(x + 124, _middle(y, SMALL), "已完成", size=SMALL),
    ]
    return _el("g", _join(entries), class_="wr-chart__legend")
