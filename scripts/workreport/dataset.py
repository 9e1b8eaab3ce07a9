"""All records of a bureau's data, with look-ups by id and the relations between them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

from .model import (
    KIND_BY_KEY,
    KINDS,
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


class Dataset:
    """The validated data: every record of every kind of the register, in file order, with look-ups.

    Records are kept by kind key (``of("tasks")``); the kinds the code works with by name
    also have typed properties (``tasks``). A kind added to the register needs nothing here.
    """

    def __init__(self, report: ReportConfig, data_dir: Path, **records: list[Any]):
        unknown = set(records) - set(KIND_BY_KEY)
        if unknown:
            raise TypeError(f"not kinds of the register: {', '.join(sorted(unknown))}")
        self.report = report
        self.data_dir = data_dir
        self._records: dict[str, list[Any]] = {kind.key: list(records.get(kind.key, [])) for kind in KINDS}
        self._by_id: dict[str, dict[str, Any]] = {}

    def of(self, key: str) -> list[Any]:
        """The records of the kind called ``key``, in file order."""
        return self._records[key]

    def by_id(self, key: str) -> dict[str, Any]:
        """The records of a kind by id."""
        found = self._by_id.get(key)
        if found is None:
            found = self._by_id[key] = {r.id: r for r in self._records[key]}
        return found

    def replaced(self, **records: list[Any]) -> Dataset:
        """The same data with the given kinds' records replaced."""
        return Dataset(self.report, self.data_dir, **(self._records | records))

    def records(self) -> Iterator[Located]:
        """Every record, kind by kind, in file order."""
        for kind in KINDS:
            yield from self._records[kind.key]

    @property
    def categories(self) -> list[Category]:
        """The lines of work, from the report configuration."""
        return self.report.categories

    # ------------------------------------------------------------------ the kinds by name

    @property
    def leaders(self) -> list[Leader]:
        return self._records["leaders"]

    @property
    def units(self) -> list[Unit]:
        return self._records["units"]

    @property
    def tasks(self) -> list[Task]:
        return self._records["tasks"]

    @property
    def indicators(self) -> list[Indicator]:
        return self._records["indicators"]

    @property
    def projects(self) -> list[Project]:
        return self._records["projects"]

    @property
    def cases(self) -> list[Case]:
        return self._records["cases"]

    @property
    def highlights(self) -> list[Highlight]:
        return self._records["highlights"]

    @property
    def honors(self) -> list[Honor]:
        return self._records["honors"]

    @property
    def bottom_lines(self) -> list[BottomLineCheck]:
        return self._records["bottom_lines"]

    # ------------------------------------------------------------------ look-ups

    @property
    def unit_by_id(self) -> dict[str, Unit]:
        return self.by_id("units")

    def unit_named(self, given: str) -> Unit | None:
        """The unit ``given`` names by its id, full name or short name (``Unit.names``), spaces around
        it ignored; the first in org.yaml's order when two share a name. ``--unit`` of every command."""
        wanted = given.strip()
        return next((unit for unit in self.units if wanted in unit.names), None)

    @property
    def leader_by_id(self) -> dict[str, Leader]:
        return self.by_id("leaders")

    @cached_property
    def category_by_id(self) -> dict[str, Category]:
        return {c.id: c for c in self.report.categories}

    @property
    def task_by_id(self) -> dict[str, Task]:
        return self.by_id("tasks")

    @property
    def indicator_by_id(self) -> dict[str, Indicator]:
        return self.by_id("indicators")

    @property
    def project_by_id(self) -> dict[str, Project]:
        return self.by_id("projects")

    @property
    def case_by_id(self) -> dict[str, Case]:
        return self.by_id("cases")

    @property
    def highlight_by_id(self) -> dict[str, Highlight]:
        return self.by_id("highlights")

    @property
    def honor_by_id(self) -> dict[str, Honor]:
        return self.by_id("honors")

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
        for kind in KINDS:
            if kind.owner is None:
                continue
            for record in self._records[kind.key]:
                grouped[getattr(record, kind.owner)][kind.key].append(record)
        for task in self.tasks:
            for partner in task.partner_units:
                grouped[partner]["partner_tasks"].append(task)
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
