"""All records of a bureau's data, with look-ups by id and the relations between them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .model import (
    BottomLineCheck,
    Case,
    Category,
    Highlight,
    Honor,
    Indicator,
    Leader,
    Located,
    Project,
    ReportConfig,
    Task,
    Unit,
)

RECORD_KINDS = ("leaders", "units", "tasks", "indicators", "projects", "cases", "highlights", "honors", "bottom_lines")


@dataclass
class Dataset:
    """The validated data. Lists keep file order; ``by_id`` maps give look-ups."""

    report: ReportConfig
    data_dir: Path
    leaders: list[Leader] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    highlights: list[Highlight] = field(default_factory=list)
    honors: list[Honor] = field(default_factory=list)
    bottom_lines: list[BottomLineCheck] = field(default_factory=list)

    def records(self) -> Iterator[Located]:
        """Every record, kind by kind, in file order."""
        for kind in RECORD_KINDS:
            yield from getattr(self, kind)

    @property
    def categories(self) -> list[Category]:
        """The lines of work, from the report configuration."""
        return self.report.categories

    # ------------------------------------------------------------------ look-ups

    @cached_property
    def unit_by_id(self) -> dict[str, Unit]:
        return {u.id: u for u in self.units}

    @cached_property
    def leader_by_id(self) -> dict[str, Leader]:
        return {le.id: le for le in self.leaders}

    @cached_property
    def category_by_id(self) -> dict[str, Category]:
        return {c.id: c for c in self.report.categories}

    @cached_property
    def task_by_id(self) -> dict[str, Task]:
        return {t.id: t for t in self.tasks}

    @cached_property
    def indicator_by_id(self) -> dict[str, Indicator]:
        return {i.id: i for i in self.indicators}

    @cached_property
    def project_by_id(self) -> dict[str, Project]:
        return {p.id: p for p in self.projects}

    @cached_property
    def case_by_id(self) -> dict[str, Case]:
        return {c.id: c for c in self.cases}

    @cached_property
    def highlight_by_id(self) -> dict[str, Highlight]:
        return {h.id: h for h in self.highlights}

    @cached_property
    def honor_by_id(self) -> dict[str, Honor]:
        return {h.id: h for h in self.honors}

    # ------------------------------------------------------------------ relations

    def task_leader(self, task: Task) -> Leader:
        """The leader in charge: the task's own, or its owner unit's."""
        return self.leader_by_id[task.leader or self.unit_by_id[task.owner_unit].leader]

    def units_led_by(self, leader_id: str) -> list[Unit]:
        return [u for u in self.units if u.leader == leader_id]

    def tasks_in_category(self, category_id: str) -> list[Task]:
        return [t for t in self.tasks if t.category == category_id]

    @cached_property
    def _by_unit(self) -> dict[str, dict[str, list[Any]]]:
        grouped: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for task in self.tasks:
            grouped[task.owner_unit]["tasks"].append(task)
            for partner in task.partner_units:
                grouped[partner]["partner_tasks"].append(task)
        for kind, attr in (
            ("indicators", "owner_unit"),
            ("projects", "owner_unit"),
            ("cases", "unit"),
            ("highlights", "unit"),
            ("honors", "unit"),
            ("bottom_lines", "unit"),
        ):
            for record in getattr(self, kind):
                grouped[getattr(record, attr)][kind].append(record)
        return grouped

    def of_unit(self, unit_id: str, kind: str) -> list[Any]:
        """Records of ``kind`` owned by a unit (``partner_tasks`` for tasks it supports)."""
        return list(self._by_unit.get(unit_id, {}).get(kind, []))

    def cases_supporting(self, honor_id: str) -> list[Case]:
        """Cases linked to an honor from either side (the case's ``honors`` or the honor's ``cases``)."""
        honor = self.honor_by_id[honor_id]
        ids = set(honor.cases) | {c.id for c in self.cases if honor_id in c.honors}
        return [c for c in self.cases if c.id in ids]

    def honors_supported_by(self, case_id: str) -> list[Honor]:
        case = self.case_by_id[case_id]
        return [h for h in self.honors if h.id in case.honors or case_id in h.cases]

    def cases_related_to(self, kind: str, record_id: str) -> list[Case]:
        """Cases whose ``related.<kind>`` names the record (kind: tasks, indicators, projects)."""
        return [c for c in self.cases if record_id in getattr(c.related, kind)]

    def projects_of_task(self, task_id: str) -> list[Project]:
        return [p for p in self.projects if task_id in p.tasks]
