"""The case compilation (典型案例汇编) as a document: what goes in it and in which order.

One view, read by both the DOCX and the PDF writer, so the two files say the same; built
from the same case page view as the site, for the edition's audience. Text is already split
into paragraphs and numbered the way an official document is (一、 for sections, （一）
for the practices, 图1 for photos). A document for the bureau itself carries the audience's
mark (内部资料) on every page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..dataset import Dataset
from ..formatting import cn_number, number
from ..model import Case, Highlight
from ..plain import one_line, paragraphs
from .context import Site
from .showcase import case_page


class SelectionError(ValueError):
    """The ids asked for are not in the public data (unknown, or internal)."""


@dataclass(frozen=True)
class PhotoEntry:
    path: Path
    caption: str


@dataclass(frozen=True)
class Practice:
    heading: str
    """（一）建立“一项目一专班”机制"""
    paragraphs: list[str]


@dataclass(frozen=True)
class CaseEntry:
    id: str
    title: str
    unit: str
    """The submitting unit's full name."""
    summary: str
    background: list[str]
    practices: list[Practice]
    results: list[str]
    figures: list[tuple[str, str]]
    """(label, "86.4 公里") rows for the figure table."""
    lessons: list[str]
    photos: list[PhotoEntry]
    honors: list[str]
    """Names of the honors this case supports."""

    @property
    def heading(self) -> str:
        return self.title


@dataclass(frozen=True)
class HighlightEntry:
    id: str
    title: str
    unit: str
    date: dt.date
    summary: list[str]
    figure: str | None
    """“新增示范面积 7.8 万亩”"""
    media: list[str]
    photos: list[PhotoEntry]


@dataclass(frozen=True)
class Compilation:
    title: str
    bureau: str
    date: dt.date
    subtitle: str | None = None
    mark: str | None = None
    """What every page is marked with (内部资料), for an audience that is not the public."""
    cases: list[CaseEntry] = field(default_factory=list)
    highlights: list[HighlightEntry] = field(default_factory=list)

    @property
    def date_line(self) -> str:
        return f"{self.date.year}年{self.date.month}月"

    def contents(self) -> list[tuple[str, str]]:
        """(anchor, line) for the table of contents, in document order."""
        lines = [(f"case-{c.id}", f"{cn_number(i)}、{c.title}") for i, c in enumerate(self.cases, 1)]
        if self.highlights:
            lines.append(("highlights", f"{cn_number(len(self.cases) + 1)}、工作亮点"))
        return lines


SECTION_TITLES = ("一、背景", "二、主要做法", "三、取得成效", "四、经验启示")


def figure_text(value: float, measure: str) -> str:
    return f"{number(value)} {measure}".strip()


def case_entry(site: Site, case: Case) -> CaseEntry:
    page = case_page(site, case)
    return CaseEntry(
        id=page.id,
        title=page.title,
        unit=page.unit.text,
        summary=one_line(page.summary).strip(),
        background=paragraphs(page.background),
        practices=[Practice(f"（{p.number}）{p.title}", paragraphs(p.text)) for p in page.practices],
        results=paragraphs(page.results),
        figures=[(f.label, figure_text(f.value, f.measure)) for f in page.figures],
        lessons=paragraphs(page.lessons),
        photos=[PhotoEntry(site.data.data_dir / p.file, p.caption) for p in page.photos],
        honors=[h.link.text for h in page.honors],
    )


def highlight_entry(data: Dataset, highlight: Highlight) -> HighlightEntry:
    figure = highlight.key_figure
    return HighlightEntry(
        id=highlight.id,
        title=highlight.title,
        unit=data.unit_by_id[highlight.unit].name,
        date=highlight.date,
        summary=paragraphs(highlight.summary),
        figure=f"{figure.label} {figure_text(figure.value, figure.measure)}" if figure else None,
        media=[f"{m.outlet}（{m.level}，{m.date.month}月{m.date.day}日）{m.title or ''}".strip() for m in highlight.media],
        photos=[PhotoEntry(data.data_dir / p.file, p.caption) for p in highlight.photos],
    )


def compile_cases(site: Site, *, honor: str | None = None, ids: list[str] | None = None) -> Compilation:
    """The compilation of the edition: all cases, one honor's dossier, or the ids given.

    Raises SelectionError naming every id that is not in the edition.
    """
    view = site.data
    report = view.report
    if honor is not None:
        if honor not in view.honor_by_id:
            raise SelectionError(f"荣誉“{honor}”不存在{'或为内部记录' if not site.audience.sees_internal_records else ''}，不能导出申报材料")
        record = view.honor_by_id[honor]
        cases = view.cases_supporting(honor)
        highlights = [view.highlight_by_id[h] for h in record.highlights if h in view.highlight_by_id]
        if not cases and not highlights:
            raise SelectionError(f"荣誉“{record.name}”还没有可公开的支撑案例或亮点（见 honors.yaml 的 cases、highlights 字段）")
        title, subtitle = f"{record.name}申报材料", "典型案例与工作亮点"
    elif ids:
        missing = [i for i in ids if i not in view.case_by_id and i not in view.highlight_by_id]
        if missing:
            what = "案例或亮点" if site.audience.sees_internal_records else "可公开的案例或亮点（不存在，或为内部记录）"
            raise SelectionError(f"以下编号不是{what}：{'、'.join(missing)}")
        cases = [view.case_by_id[i] for i in ids if i in view.case_by_id]
        highlights = [view.highlight_by_id[i] for i in ids if i in view.highlight_by_id]
        title, subtitle = "典型案例汇编", None
    else:
        cases, highlights = list(view.cases), []
        title, subtitle = "典型案例汇编", report.period.title
    return Compilation(
        title=title,
        subtitle=subtitle,
        bureau=report.bureau,
        date=report.as_of,
        cases=[case_entry(site, c) for c in cases],
        highlights=[highlight_entry(view, h) for h in highlights],
        mark=site.audience.document_mark,
    )
