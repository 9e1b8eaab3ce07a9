"""Investment against plan: per project (or unit) the year's plan as an outline, the completed amount inside it.

Plan and completed share one scale, so a row past its plan shows by how much; the figures
(completed, plan, rate) are written under each bar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ...formatting import number, percent
from . import svg
from .palette import TONES
from .svg import FONT, LABEL_EMS, PAD, SMALL

__all__ = ["InvestmentRow", "investment"]


@dataclass(frozen=True)
class InvestmentRow:
    """A project's (or unit's) investment for the year: plan against completed."""

    label: str
    planned: float
    done: float
    href: str | None = None


INVEST_ROW, INVEST_BAR_W = 50, 300
PLAN_H, DONE_H = 18, 10
LEGEND_H = 26


def _investment_text(row: InvestmentRow, unit: str) -> str:
    """“完成 3580 / 计划 3800 万元（94.2%）”; with no plan there is no rate, not a division error."""
    rate = percent(row.done / row.planned * 100) if row.planned > 0 else "—"
    return f"完成 {number(row.done)} / 计划 {svg.with_unit(row.planned, unit)}（{rate}）"


def investment(rows: Sequence[InvestmentRow], *, title: str, unit: str = "万元", key: str | None = None) -> Markup:
    """Per row the year's plan as an outline and the completed amount as a filled bar inside it."""
    cid = svg.chart_id("investment", title, (tuple(rows), unit), key)
    if not rows:
        return svg.empty_figure("investment", cid, title)
    for row in rows:
        svg.check(row.planned, f"{row.label} 计划")
        svg.check(row.done, f"{row.label} 完成")
    # One scale for plan and done, so a row past its plan shows by how much; min() only guards the edge.
    scale = max(max(r.planned, r.done) for r in rows)
    texts = [_investment_text(r, unit) for r in rows]
    bar_x = PAD + svg.label_column(r.label for r in rows) + 10
    width = bar_x + max(INVEST_BAR_W, *(svg.width(t, SMALL) for t in texts)) + PAD
    height = LEGEND_H + len(rows) * INVEST_ROW + PAD

    def length(value: float) -> float:
        return min(INVEST_BAR_W, INVEST_BAR_W * value / scale) if scale > 0 else 0.0

    parts = [_investment_legend(bar_x)]
    shown = svg.fit_distinct([row.label for row in rows], LABEL_EMS)
    for i, (row, text, name) in enumerate(zip(rows, texts, shown, strict=True)):
        top = LEGEND_H + i * INVEST_ROW
        parts.append(_investment_row(row, text, name, top, bar_x, length(row.planned), length(row.done)))
    desc = svg.listing(f"{r.label}：{t}" for r, t in zip(rows, texts, strict=True))
    return svg.figure("investment", cid, title, desc, width, height, svg.join(parts))


def _investment_row(
    row: InvestmentRow, text: str, name: str, top: float, bar_x: float, planned: float, done: float,
) -> Markup:
    """The plan outline, the completed bar across its middle, and the figures written underneath."""
    plan, finished = TONES["plan"], TONES["done"]
    middle = top + 4 + PLAN_H / 2
    body = svg.join(
        [
            svg.label(bar_x - 10, svg.middle(middle, FONT), row.label, max_ems=LABEL_EMS, anchor="end", shown=name),
            svg.rect(
                bar_x, top + 4, planned, PLAN_H, plan.fill, stroke=plan.ink, stroke_width=1.5, class_="wr-chart__plan"
            ),
            svg.rect(bar_x, middle - DONE_H / 2, done, DONE_H, finished.fill, class_="wr-chart__done"),
            svg.text(bar_x, top + 4 + PLAN_H + 17, text, size=SMALL, class_="wr-chart__value"),
        ]
    )
    return svg.link(row.href, svg.el("g", body, class_="wr-chart__row"))


def _investment_legend(x: float) -> Markup:
    plan, done = TONES["plan"], TONES["done"]
    y = 13
    entries = [
        svg.rect(x, y - 7, 22, 14, plan.fill, stroke=plan.ink, stroke_width=1.5),
        svg.text(x + 28, svg.middle(y, SMALL), "年度计划", size=SMALL),
        svg.rect(x + 96, y - 5, 22, 10, done.fill),
        svg.text(x + 124, svg.middle(y, SMALL), "已完成", size=SMALL),
    ]
    return svg.el("g", svg.join(entries), class_="wr-chart__legend")
