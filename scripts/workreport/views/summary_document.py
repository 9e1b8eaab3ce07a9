"""The work summary as a document: the same parts as the summary page, laid out as paragraphs.

Built from the summary's views (``views.summary``), so the page, the DOCX and the PDF say
the same words, with the office's own paragraphs (``report.summary``) written once. Each
part is a 一、 heading with its paragraphs and its （一） sections; a section's items are
numbered paragraphs whose ``lead`` (1. the task's title) is set in bold. Links become
plain text: a document has no pages to link to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..formatting import cn_date
from .context import Site
from .summary import (
    SummaryItem,
    SummarySection,
    summary_achievements,
    summary_opening,
    summary_plans,
    summary_problems,
)


@dataclass(frozen=True)
class DocItem:
    lead: str
    """The bold opening: “1. <task title>。”, the task or indicator named in full."""
    text: str
    """What follows in regular weight."""


@dataclass(frozen=True)
class DocSection:
    heading: str
    """“（一）<line of work>”: the line of work's own title."""
    paragraphs: tuple[str, ...]
    items: tuple[DocItem, ...]
    closing: tuple[str, ...] = ()
    """Paragraphs after the items."""


@dataclass(frozen=True)
class DocPart:
    heading: str
    """“一、全年工作完成情况”."""
    paragraphs: tuple[str, ...]
    sections: tuple[DocSection, ...]


@dataclass(frozen=True)
class SummaryDocument:
    title: str
    """“<bureau><period>工作总结”, as the page's title."""
    bureau: str
    date: dt.date
    opening: tuple[str, ...]
    parts: tuple[DocPart, ...]
    mark: str | None = None
    """The audience's mark on every page (内部资料), for an audience that is not the public."""

    @property
    def date_line(self) -> str:
        return cn_date(self.date)


def _achievement(item: SummaryItem, number: int) -> DocItem:
    if item.link is None:
        return DocItem(f"{number}. ", item.text)
    return DocItem(f"{number}. {item.link.text}。", item.text)


def _problem(item: SummaryItem, number: int) -> DocItem:
    title = item.link.text if item.link else ""
    note = f"（{item.note}）" if item.note else ""
    return DocItem(f"{number}. {title}", f"{note}：{item.text}")


def _section(section: SummarySection, *, problems: bool = False) -> DocSection:
    write = _problem if problems else _achievement
    items = tuple(write(entry, n) for n, entry in enumerate(section.items, start=1))
    closing: tuple[str, ...] = ()
    if section.more:
        listed = "；".join(f"{i.link.text if i.link else ''}（{i.note}）" for i in section.more_items)
        closing = (f"{section.more}{listed}。",)
    return DocSection(f"（{section.number}）{section.title}", (section.lead,) if section.lead else (), items, closing)


def summary_document(site: Site) -> SummaryDocument:
    report = site.report
    done, problems, plans = summary_achievements(site), summary_problems(site), summary_plans(site)
    achievements = [_section(s) for s in done.sections]
    if done.honors:
        achievements.append(_section(done.honors))
    problem_paragraphs = tuple(p for p in (problems.lead, problems.clear) if p)
    return SummaryDocument(
        title=f"{report.bureau}{report.period.title}工作总结",
        bureau=report.bureau,
        date=report.as_of,
        opening=summary_opening(site).paragraphs,
        parts=(
            DocPart(done.heading, (done.intro,), tuple(achievements)),
            DocPart(problems.heading, problem_paragraphs, tuple(_section(s, problems=True) for s in problems.sections)),
            DocPart(plans.heading, _plan_paragraphs(plans.lead, plans.empty if not plans.sections else None),
                    tuple(_section(s) for s in plans.sections)),
        ),
        mark=site.audience.document_mark,
    )


def _plan_paragraphs(lead: str | None, empty: str | None) -> tuple[str, ...]:
    return tuple(p for p in (lead, empty) if p)
