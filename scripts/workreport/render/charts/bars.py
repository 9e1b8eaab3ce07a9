"""Bar charts: the progress bar of a table cell, horizontal bars, and the funnel of stages.

Every bar has its label on the left and its figure (and note) written at its end, so a bar's
length and colour only repeat what the words say.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ...formatting import percent
from . import palette, svg
from .palette import INK, MUTED, TRACK
from .svg import FONT, LABEL_EMS, NOTE_EMS, PAD, SMALL

__all__ = ["Bar", "funnel", "hbars", "schedule_bar"]


@dataclass(frozen=True)
class Bar:
    """One bar of a bar chart or one stage of a funnel."""

    label: str
    value: float
    tone: str = "ok"
    href: str | None = None
    note: str | None = None
    """Written after the value, e.g. the reason for a deduction."""


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
    ink = palette.tone(tone).fill
    if not math.isfinite(actual) or (expected is not None and not math.isfinite(expected)):
        raise ValueError(f"进度应为有限数值，实际为 {actual!r}、{expected!r}")
    written = label if label is not None else percent(actual)
    summary = f"实际进度 {percent(actual)}"
    if expected is not None:
        summary += f"，序时进度 {percent(expected)}"
    desc = summary if written in summary else f"{summary}（{written}）"
    fill_w = TRACK_W * max(0.0, min(100.0, actual)) / 100
    parts = [
        svg.rect(TRACK_X, TRACK_Y, TRACK_W, TRACK_H, TRACK, stroke=MUTED, stroke_width=1),
        svg.rect(TRACK_X, TRACK_Y, fill_w, TRACK_H, ink, class_="wr-chart__actual"),
    ]
    if expected is not None:
        x = TRACK_X + TRACK_W * max(0.0, min(100.0, expected)) / 100
        parts.append(
            svg.el(
                "g",
                svg.el("line", x1=x, y1=4, x2=x, y2=SCHEDULE_H - 1, stroke=INK, stroke_width=1.5)
                + svg.el("path", d=f"M{svg.coord(x - 4)} 0H{svg.coord(x + 4)}L{svg.coord(x)} 5Z", fill=INK),
                class_="wr-chart__expected",
            )
        )
    text_ems = (SCHEDULE_W - SCHEDULE_TEXT_X) / SMALL
    parts.append(
        svg.label(SCHEDULE_TEXT_X, svg.middle(TRACK_Y + TRACK_H / 2, SMALL), written, max_ems=text_ems, size=SMALL)
    )
    cid = svg.chart_id("schedule", summary, (actual, expected, tone, label), key)
    # Fixed size: a table squeezes a cell whose content may shrink (max-width in %, which themes such as
    # Material set on every svg) until its text is unreadable; a fixed bar keeps its column wide enough.
    # And it sits mid-line, not on the text's baseline.
    style = "max-width:none;vertical-align:middle"
    classes = "wr-chart wr-chart--schedule"
    # One line, so it can stand in a Markdown table cell (its text has no pipes: see svg.literal).
    return svg.canvas(cid, summary, desc, SCHEDULE_W, SCHEDULE_H, svg.join(parts, ""), classes, style, separator="")


# ------------------------------------------------------------------ horizontal bars and funnel

BAR_ROW, BAR_H, BAR_W = 28, 16, 220
FUNNEL_ROW, FUNNEL_H, FUNNEL_W = 34, 24, 240
STUB_W = 4  # a funnel stage with nothing in it still shows as a sliver, not a gap


def _value_text(x: float, y: float, value: str, note: str | None) -> Markup:
    """The figure at a bar's end, and a muted note after it."""
    content = svg.literal(value)
    if note:
        content += Markup("  ") + svg.el("tspan", svg.fit(note, NOTE_EMS), fill=MUTED, font_size=SMALL)
    return svg.el("text", content, x=x, y=y, font_size=FONT, fill=INK, class_="wr-chart__value")


def _value_width(rows: Sequence[Bar], texts: Sequence[str]) -> float:
    """Room for the widest figure and note written after a bar."""
    return max(
        svg.width(text, FONT) + (svg.width("  " + svg.fit(row.note, NOTE_EMS), SMALL) if row.note else 0)
        for row, text in zip(rows, texts, strict=True)
    )


def _bar_row(
    row: Bar, text: str, y: float, label_x: float, bar_x: float, length: float, height: float, name: str | None = None,
) -> Markup:
    """Label, bar and figure of one row, linked together when the row has a page."""
    baseline = svg.middle(y, FONT)
    body = svg.join(
        [
            svg.label(label_x, baseline, row.label, max_ems=LABEL_EMS, anchor="end", shown=name),
            svg.rect(bar_x, y - height / 2, length, height, palette.tone(row.tone).fill, class_="wr-chart__bar"),
            _value_text(bar_x + length + 6, baseline, text, row.note),
        ]
    )
    return svg.link(row.href, svg.el("g", body, class_="wr-chart__row"))


def _bars_desc(rows: Sequence[Bar], texts: Sequence[str]) -> str:
    return svg.listing(f"{r.label} {t}" + (f"（{r.note}）" if r.note else "") for r, t in zip(rows, texts, strict=True))


def hbars(
    rows: Sequence[Bar], *, title: str, unit: str, max_value: float | None = None, key: str | None = None
) -> Markup:
    """Horizontal bars with the label on the left and the value (and note) written at the bar's end."""
    cid = svg.chart_id("hbars", title, (tuple(rows), unit, max_value), key)
    if not rows:
        return svg.empty_figure("hbars", cid, title)
    values = [svg.check(r.value, r.label) for r in rows]
    scale = max_value if max_value is not None else max(values)
    texts = [svg.with_unit(v, unit) for v in values]
    bar_x = PAD + svg.label_column(r.label for r in rows) + 10
    width = bar_x + BAR_W + 6 + _value_width(rows, texts) + PAD
    height = 2 * PAD + len(rows) * BAR_ROW

    parts = []
    names = svg.fit_distinct([row.label for row in rows], LABEL_EMS)
    for i, (row, value, text, name) in enumerate(zip(rows, values, texts, names, strict=True)):
        # Past max_value the bar stops at the edge; its written figure still tells the truth.
        length = BAR_W * min(1.0, value / scale) if scale > 0 else 0.0
        parts.append(_bar_row(row, text, PAD + (i + 0.5) * BAR_ROW, bar_x - 10, bar_x, length, BAR_H, name))
    # A baseline shows where zero is, so a zero-length bar still reads as “0”, not as missing.
    parts.append(svg.el("line", x1=bar_x, y1=PAD - 2, x2=bar_x, y2=height - PAD + 2, stroke=INK, stroke_width=1))
    return svg.figure("hbars", cid, title, _bars_desc(rows, texts), width, height, svg.join(parts))


def funnel(stages: Sequence[Bar], *, title: str, unit: str = "个", key: str | None = None) -> Markup:
    """Stages in their order, one centred bar each, as wide as its count; the count written beside it."""
    cid = svg.chart_id("funnel", title, (tuple(stages), unit), key)
    if not stages:
        return svg.empty_figure("funnel", cid, title)
    values = [svg.check(s.value, s.label) for s in stages]
    biggest = max(values)
    texts = [svg.with_unit(v, unit) for v in values]
    column = PAD + svg.label_column(s.label for s in stages) + 12
    centre = column + FUNNEL_W / 2
    width = column + FUNNEL_W + 6 + _value_width(stages, texts) + PAD
    height = 2 * PAD + len(stages) * FUNNEL_ROW

    parts = []
    for i, (stage, value, text) in enumerate(zip(stages, values, texts, strict=True)):
        bar_w = max(STUB_W, FUNNEL_W * value / biggest) if biggest > 0 else STUB_W
        y = PAD + (i + 0.5) * FUNNEL_ROW
        parts.append(_bar_row(stage, text, y, column - 12, centre - bar_w / 2, bar_w, FUNNEL_H))
    return svg.figure("funnel", cid, title, _bars_desc(stages, texts), width, height, svg.join(parts))
