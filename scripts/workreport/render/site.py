"""Markdown for the site: the fragments the macros put into docs/ pages, and one page per record.

Everything here reads core objects and renders templates; nothing knows about MkDocs.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from ..analysis import BEHIND, Analysis, Scorecard
from ..assessment import Health, IndicatorStanding, Trend
from ..audience import Edition
from ..history import Change, History
from ..model import KINDS, BottomLine, Honor, HonorLevel, HonorStatus, Indicator, IndicatorSource, Project, Stage, Task
from ..plain import html_text
from ..progress import TaskFigures
from ..review import MonthReview, health_changed, monthly_review
from ..schedule import ProjectSchedule, ScheduleStatus, TaskSchedule
from ..views.catalog import FRAGMENT_VIEWS, PAGE_VIEWS
from ..views.context import Site
from ..views.history import record_changes
from .legacy_visuals import LegacyVisuals, health_anchor, stage_anchor, status_anchor
from .links import PAGE_KINDS, Linker, record_uri
from .environment import make_environment
from .visuals import Visuals

# Tones name the look of a badge or chart part; the word always goes with it.
STATUS_TONES = {
    ScheduleStatus.done: "done",
    ScheduleStatus.on_track: "ok",
    ScheduleStatus.lagging: "warn",
    ScheduleStatus.seriously_lagging: "bad",
    ScheduleStatus.not_started: "neutral",
    ScheduleStatus.overdue: "overdue",
}
HEALTH_TONES = {Health.met: "done", Health.warning: "warn", Health.missed: "bad", Health.no_data: "neutral"}
HONOR_STATUS_TONES = {
    HonorStatus.planning: "neutral",
    HonorStatus.applying: "ok",
    HonorStatus.won: "done",
    HonorStatus.lost: "neutral",
}


class SiteRenderer:
    """Renders every fragment and page of the site from one dataset."""

    def __init__(self, edition: Edition, *, directory_urls: bool = True, history: History | None = None):
        self.edition = edition
        self.audience = edition.audience
        data = self.data = edition.data
        # The bureau's own assessment (deductions charged to units at a multiple) is internal
        # by nature: the public version states only the points lost above.
        self.internal_assessment = self.audience.sees_internal_assessment
        self.directory_urls = directory_urls
        # The change history is shown only to an audience that may see it, and only when read.
        self.history = history if self.audience.sees_history else None
        self.report = data.report
        self.as_of = data.report.as_of
        self.analysis = Analysis(data)
        self.site = Site(edition, history)
        self.env = make_environment()

    # ------------------------------------------------------------------ figures for templates

    def task(self, task: Task) -> TaskSchedule:
        return self.analysis.task(task)

    def amount(self, task: Task) -> TaskFigures:
        """The task's log at the as-of date: the amount done and the latest entry."""
        return self.task(task).log

    def project(self, project: Project) -> ProjectSchedule:
        return self.analysis.project(project)

    def indicator(self, indicator: Indicator) -> IndicatorStanding:
        return self.analysis.indicator(indicator)

    def status_tone(self, status: ScheduleStatus) -> str:
        return STATUS_TONES[status]

    def health_tone(self, health: Health) -> str:
        return HEALTH_TONES[health]

    def honor_tone(self, status: HonorStatus) -> str:
        return HONOR_STATUS_TONES[status]

    def honors_by_deadline(self, honors: list[Honor]) -> list[Honor]:
        """The next deadline first; won honors by the date won, the latest first; undated last."""
        far = dt.date.max
        return sorted(honors, key=lambda h: (h.deadline or far, -(h.awarded_on or dt.date.min).toordinal()))

    def honors_due(self) -> list[Honor]:
        """Honors still being planned or applied for that have a deadline: the next one first."""
        open_statuses = (HonorStatus.planning, HonorStatus.applying)
        return sorted(
            (h for h in self.data.honors if h.status in open_statuses and h.deadline is not None),
            key=lambda h: h.deadline,  # type: ignore[arg-type,return-value]
        )

    def unit_name(self, unit_id: str) -> str:
        return self.data.unit_by_id[unit_id].name

    def unit_label(self, unit_id: str) -> str:
        return self.data.unit_by_id[unit_id].label

    def category_name(self, category_id: str | None) -> str:
        return self.data.category_by_id[category_id].name if category_id else "—"

    # ------------------------------------------------------------------ scorecards and reviews

    @cached_property
    def bureau(self) -> Scorecard:
        return self.analysis.scorecard(self.analysis.bureau_scope())

    def scorecard(self, kind: str, record_id: str) -> Scorecard:
        """The scorecard of a category, unit or leader."""
        return self._scorecards[(kind, record_id)]

    @cached_property
    def _scorecards(self) -> dict[tuple[str, str], Scorecard]:
        a = self.analysis
        cards = {("categories", c.id): a.scorecard(a.category_scope(c.id)) for c in self.report.categories}
        cards |= {("units", u.id): a.scorecard(a.unit_scope(u.id)) for u in self.data.units}
        cards |= {("leaders", le.id): a.scorecard(a.leader_scope(le.id)) for le in self.data.leaders}
        return cards

    @cached_property
    def months(self) -> list[MonthReview]:
        return monthly_review(self.data)

    def tasks_with_status(self, status: ScheduleStatus) -> list[Task]:
        """Tasks of one status; those behind schedule with the largest gap first."""
        tasks = [t for t in self.data.tasks if self.task(t).status is status]
        if status in BEHIND:
            return sorted(tasks, key=lambda t: -self.task(t).gap)
        return tasks

    def changes(self, record: Any) -> list[Change]:
        """The record's own recent changes, newest first."""
        return self.history.of(record.origin) if self.history else []

    def projects_in_stage(self, stage: Stage) -> list[Project]:
        """Projects in a stage on the as-of date."""
        return [p for p in self.data.projects if self.project(p).stage is stage]

    def indicators_with_health(self, health: Health) -> list[Indicator]:
        return [i for i in self.data.indicators if self.indicator(i).health is health]

    # ------------------------------------------------------------------ rendering

    def render(self, template: str, page_uri: str, **context: Any) -> str:
        link = Linker(page_uri, self.directory_urls)
        return self.env.get_template(template).render(
            data=self.data,
            report=self.report,
            fig=self,
            a=self.analysis,
            link=link,
            chart=Visuals(link),
            old_chart=LegacyVisuals(self, link),
            status_anchor=status_anchor,
            health_anchor=health_anchor,
            stage_anchor=stage_anchor,
            health_changed=health_changed,
            BEHIND=BEHIND,
            ScheduleStatus=ScheduleStatus,
            Health=Health,
            Trend=Trend,
            Stage=Stage,
            BottomLine=BottomLine,
            HonorLevel=HonorLevel,
            HonorStatus=HonorStatus,
            IndicatorSource=IndicatorSource,
            record_changes=lambda record: record_changes(self.site, record),
            **context,
        )

    def render_view(self, template: str, page_uri: str, view: Any) -> str:
        """A template that lays out one view: it sees the view, the links and the charts, nothing else."""
        link = Linker(page_uri, self.directory_urls)
        return self.env.get_template(template).render(view=view, link=link, chart=Visuals(link))

    def fragment(self, name: str, page_uri: str, **context: Any) -> str:
        """A fragment for a docs/ page, from ``templates/fragments/<name>.md.j2``."""
        template = f"fragments/{name}.md.j2"
        if name in FRAGMENT_VIEWS:
            return self.render_view(template, page_uri, FRAGMENT_VIEWS[name](self.site))
        return self.render(template, page_uri, **context)

    def photo_files(self) -> list[str]:
        """The photos the pages show, as paths relative to data/ (``photos/…``)."""
        files = {p.file for kind in KINDS if kind.photos for r in self.data.of(kind.key) for p in r.photos}
        return sorted(files)

    def pages(self) -> Iterator[tuple[str, str]]:
        """``(docs-relative path, Markdown)`` for every record that has a page of its own."""
        for kind in PAGE_KINDS:
            for record in self.data.categories if kind == "categories" else self.data.of(kind):
                uri = record_uri(kind, record.id)
                title = getattr(record, "title", None) or record.name
                template = f"pages/{kind}.md.j2"
                if kind in PAGE_VIEWS:
                    body = self.render_view(template, uri, PAGE_VIEWS[kind](self.site, record))
                else:
                    body = self.render(template, uri, record=record)
                yield uri, front_matter(title) + body


def front_matter(title: str) -> str:
    """The page's YAML front matter: its title, and no macros.

    The theme prints a page's title unescaped (header, ``<title>``) and the search shows it
    as HTML, so the title is HTML-escaped here, once. JSON strings are valid YAML scalars,
    so any title survives quoting. Generated pages are final Markdown: the macros plugin
    must not read data text as Jinja.
    """
    escaped = json.dumps(str(html_text(title)), ensure_ascii=False)
    return f"---\ntitle: {escaped}\nrender_macros: false\n---\n\n"
