"""One month of the monthly review (月度复盘) as a document for a meeting: its parts, paragraphs and tables.

Built from the review page's own view (``views.review.month_view``) of one of the months
the domain reviews (``Site.months``), so the page and the document say the same figures in
the same words. The month's sentence opens it; the blocks the page shows follow as 一、
parts with （一） sections, the page's tables as tables and its lists as sentences. Links
become plain text: a document has no pages to link to. Nothing is computed here beyond
putting the view's figures into words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..formatting import cn_date, cn_number, number, percent
from .compilation import SelectionError
from .context import Site
from .review import MonthView, month_view

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
"""How a month is asked for: ``YYYY-MM``."""


@dataclass(frozen=True)
class DocTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    """Per column: figures (set centred) rather than text."""


@dataclass(frozen=True)
class ReviewSection:
    heading: str
    """“（一）进度提升”."""
    paragraphs: tuple[str, ...] = ()
    table: DocTable | None = None


@dataclass(frozen=True)
class ReviewPart:
    heading: str
    """“一、总体情况”."""
    paragraphs: tuple[str, ...] = ()
    sections: tuple[ReviewSection, ...] = ()


@dataclass(frozen=True)
class ReviewDocument:
    title: str
    """“<bureau><year>年<month>月工作复盘”."""
    bureau: str
    month: str
    """The month reviewed, ``YYYY-MM``: what the file is named by."""
    date: dt.date
    """The as-of date: when the figures were read."""
    parts: tuple[ReviewPart, ...]
    mark: str | None = None
    """The audience's mark on every page (内部资料), for an audience that is not the public."""

    @property
    def date_line(self) -> str:
        return cn_date(self.date)


def review_document(site: Site, month: str | None = None) -> ReviewDocument:
    """The review of ``month`` (``YYYY-MM``), by default the latest month of the period up to the as-of date.

    Raises SelectionError, in Chinese, for a month that is malformed or not reviewed.
    """
    reviews = {f"{m.end:%Y-%m}": m for m in site.months}
    if not reviews:
        raise SelectionError("报告期内还没有可复盘的月份（截至日期早于报告期开始）")
    keys = list(reviews)
    first, latest = keys[0], keys[-1]
    chosen = latest if month is None else month.strip()
    if not MONTH.match(chosen):
        raise SelectionError(f"月份“{chosen}”的写法不对：请写成“年-月”，如 {latest}")
    if chosen not in reviews:
        span = latest if first == latest else f"{first} 至 {latest}"
        raise SelectionError(
            f"月份“{chosen}”不在可复盘的月份内：{site.report.period.title}截至{cn_date(site.as_of)}可复盘 {span}"
        )
    view = month_view(site, reviews[chosen])
    report = site.report
    return ReviewDocument(
        title=f"{report.bureau}{view.title}工作复盘",
        bureau=report.bureau,
        month=chosen,
        date=site.as_of,
        parts=_numbered(_parts(view)),
        mark=site.audience.document_mark,
    )


def _parts(view: MonthView) -> list[ReviewPart]:
    """The page's blocks, grouped; a part or section the month has nothing for is left out."""
    tasks = [
        _table_section("进度提升", _gains(view)),
        _list_section("完成的任务", [t.text for t in view.completed]),
        _table_section("转为或加深滞后", _slipped(view)),
        _list_section("恢复正常", [f"{r.link.text}（{r.before} → {r.after}）" for r in view.recovered]),
    ]
    indicators = [
        _table_section("指标变化", _indicators(view)),
        _list_section("考核扣分", [f"{d.indicator.text} {d.text}" for d in view.deductions]),
    ]
    others = [
        _list_section("工程阶段变化", [f"{c.link.text}（{c.before} → {c.after}）" for c in view.stage_changes]),
        _list_section(
            "荣誉与亮点",
            [f"获评{h.link.text}（{h.level}）" for h in view.honors_won] + [h.text for h in view.highlights],
        ),
    ]
    parts = [ReviewPart("总体情况", (view.lead, f"月末状态：{view.statuses}。"))]
    for heading, sections in (("重点任务", tasks), ("指标与考核", indicators), ("工程、荣誉与亮点", others)):
        kept = tuple(s for s in sections if s is not None)
        if kept:
            parts.append(ReviewPart(heading, sections=kept))
    return parts


def _numbered(parts: list[ReviewPart]) -> tuple[ReviewPart, ...]:
    """“一、” before each part and “（一）” before each of its sections, counting only those present."""
    return tuple(
        ReviewPart(
            f"{cn_number(n)}、{part.heading}",
            part.paragraphs,
            tuple(
                ReviewSection(f"（{cn_number(k)}）{s.heading}", s.paragraphs, s.table)
                for k, s in enumerate(part.sections, start=1)
            ),
        )
        for n, part in enumerate(parts, start=1)
    )


def _table_section(heading: str, table: DocTable) -> ReviewSection | None:
    return ReviewSection(heading, table=table) if table.rows else None


def _list_section(heading: str, entries: list[str]) -> ReviewSection | None:
    return ReviewSection(heading, ("；".join(entries) + "。",)) if entries else None


def _gains(view: MonthView) -> DocTable:
    return DocTable(
        ("任务", "月初", "月末", "提升（百分点）"),
        tuple((g.task.text, percent(g.before), percent(g.after), number(g.gained, 1)) for g in view.gains),
        (False, True, True, True),
    )


def _slipped(view: MonthView) -> DocTable:
    return DocTable(
        ("任务", "牵头单位", "月初状态", "月末状态", "月末实际 / 序时"),
        tuple(
            (s.task.text, s.owner, s.before, s.after.text, f"{percent(s.actual)} / {percent(s.expected)}")
            for s in view.slipped
        ),
        (False, False, False, False, True),
    )


def _indicators(view: MonthView) -> DocTable:
    return DocTable(
        ("指标", "月初", "月末", "变化", "达标情况"),
        tuple(
            (
                i.indicator.text,
                i.before,
                i.after,
                i.change,
                f"{i.health_before} → {i.health.text}" if i.health_before else i.health.text,
            )
            for i in view.indicators
        ),
        (False, True, True, True, False),
    )
