"""Markdown for the site: the fragments the macros put into docs/ pages, and one page per record.

Everything here reads core objects and renders templates; nothing knows about MkDocs.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from ..dataset import Dataset
from ..model import BottomLine, Honor, HonorLevel, HonorStatus, IndicatorSource, Stage
from ..progress import (
    ProgressState,
    ProjectFigures,
    TaskFigures,
    latest_value,
    points_deducted,
    project_figures,
    task_figures,
)
from .links import PAGE_KINDS, Linker, record_uri
from .markdown import make_environment

STATE_TONES = {
    ProgressState.done: "done",
    ProgressState.ongoing: "ongoing",
    ProgressState.not_started: "neutral",
}
HONOR_STATUS_TONES = {
    HonorStatus.planning: "neutral",
    HonorStatus.applying: "ongoing",
    HonorStatus.won: "done",
    HonorStatus.lost: "warn",
}


class SiteRenderer:
    """Renders every fragment and page of the site from one dataset."""

    def __init__(self, data: Dataset):
        self.data = data
        self.report = data.report
        self.as_of = data.report.as_of
        self.env = make_environment()

    # ------------------------------------------------------------------ figures for templates

    @cached_property
    def _task_figures(self) -> dict[str, TaskFigures]:
        return {t.id: task_figures(t, self.as_of) for t in self.data.tasks}

    @cached_property
    def _project_figures(self) -> dict[str, ProjectFigures]:
        return {p.id: project_figures(p, self.as_of) for p in self.data.projects}

    def task(self, task: Any) -> TaskFigures:
        return self._task_figures[task.id]

    def project(self, project: Any) -> ProjectFigures:
        return self._project_figures[project.id]

    def latest_value(self, indicator: Any) -> Any:
        return latest_value(indicator, self.as_of)

    def deducted(self, indicator: Any) -> float:
        return points_deducted(indicator, self.as_of)

    def state_tone(self, state: ProgressState) -> str:
        return STATE_TONES[state]

    def honor_tone(self, status: HonorStatus) -> str:
        return HONOR_STATUS_TONES[status]

    def honors_of_level(self, level: HonorLevel) -> list[Honor]:
        """Honors of a level: won first, then being applied for, planned, lost; nearest deadline first."""
        order = [HonorStatus.won, HonorStatus.applying, HonorStatus.planning, HonorStatus.lost]
        honors = [h for h in self.data.honors if h.level is level]
        return sorted(honors, key=lambda h: (order.index(h.status), h.deadline or h.awarded_on or self.report.period.end))

    def unit_name(self, unit_id: str) -> str:
        return self.data.unit_by_id[unit_id].name

    def unit_label(self, unit_id: str) -> str:
        return self.data.unit_by_id[unit_id].label

    def category_name(self, category_id: str | None) -> str:
        return self.data.category_by_id[category_id].name if category_id else "—"

    @cached_property
    def task_state_counts(self) -> Counter[ProgressState]:
        return Counter(f.state for f in self._task_figures.values())

    def totals(self) -> dict[str, Any]:
        """Headline counts for the home page, all computed from the data."""
        data = self.data
        projects = [self.project(p) for p in data.projects]
        return {
            "tasks": len(data.tasks),
            "task_states": self.task_state_counts,
            "indicators": len(data.indicators),
            "points_deducted": sum(self.deducted(i) for i in data.indicators),
            "indicators_deducted": sum(1 for i in data.indicators if self.deducted(i) > 0),
            "projects": len(data.projects),
            "stages": Counter(p.stage for p in data.projects),
            "investment_plan": sum(p.investment.planned_this_year for p in data.projects),
            "investment_done": sum(f.invested or 0 for f in projects),
            "cases": len(data.cases),
            "highlights": len(data.highlights),
            "honors": len(data.honors),
            "honors_won": sum(1 for h in data.honors if h.status is HonorStatus.won),
            "honor_levels_won": Counter(h.level for h in data.honors if h.status is HonorStatus.won),
        }

    # ------------------------------------------------------------------ rendering

    def render(self, template: str, page_uri: str, **context: Any) -> str:
        return self.env.get_template(template).render(
            data=self.data,
            report=self.report,
            fig=self,
            link=Linker(page_uri),
            ProgressState=ProgressState,
            Stage=Stage,
            BottomLine=BottomLine,
            HonorLevel=HonorLevel,
            HonorStatus=HonorStatus,
            IndicatorSource=IndicatorSource,
            **context,
        )

    def fragment(self, name: str, page_uri: str, **context: Any) -> str:
        """A fragment for a docs/ page, from ``templates/fragments/<name>.md.j2``."""
        return self.render(f"fragments/{name}.md.j2", page_uri, **context)

    def pages(self) -> Iterator[tuple[str, str]]:
        """``(docs-relative path, Markdown)`` for every record that has a page of its own."""
        for kind in PAGE_KINDS:
            for record in getattr(self.data, kind):
                uri = record_uri(kind, record.id)
                title = getattr(record, "title", None) or record.name
                body = self.render(f"pages/{kind}.md.j2", uri, record=record)
                yield uri, front_matter(title) + body


def front_matter(title: str) -> str:
    # JSON strings are valid YAML scalars, so any title survives quoting. Generated
    # pages are final Markdown: the macros plugin must not read data text as Jinja.
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nrender_macros: false\n---\n\n"
