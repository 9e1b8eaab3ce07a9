"""What may leave the bureau: the public view of a dataset.

Everything that goes outside (the public site, the DOCX/PDF compilation, the XLSX ledger,
the offline bundle) is made from ``public_view(data)``, never from the full dataset, so
the filter sits in one place. It drops every record marked ``internal``, every record of
an internal unit, and every field a record lists in ``internal_fields``; references to
what was dropped are removed, so nothing public points at something that is not there.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from .dataset import Dataset
from .model import VisibleRecord

R = TypeVar("R", bound=VisibleRecord)

OWNER_FIELDS = {
    "tasks": "owner_unit",
    "indicators": "owner_unit",
    "projects": "owner_unit",
    "cases": "unit",
    "highlights": "unit",
    "honors": "unit",
    "bottom_lines": "unit",
}


def without_internal_fields(record: R) -> R:
    """The record with the fields it marks internal reset to their defaults (empty)."""
    if not record.internal_fields:
        return record
    fields = type(record).model_fields
    update: dict[str, Any] = {name: fields[name].get_default(call_default_factory=True) for name in record.internal_fields}
    update["internal_fields"] = []
    return record.model_copy(update=update)


def public_view(data: Dataset) -> Dataset:
    internal_units = {u.id for u in data.units if u.is_internal}
    internal_leaders = {le.id for le in data.leaders if le.is_internal}

    def shown(kind: str) -> list[Any]:
        owner = OWNER_FIELDS.get(kind)
        return [
            without_internal_fields(r)
            for r in getattr(data, kind)
            if not r.is_internal and (owner is None or getattr(r, owner) not in internal_units)
        ]

    kept: dict[str, Any] = {kind: shown(kind) for kind in OWNER_FIELDS}
    view = replace(
        data,
        leaders=[without_internal_fields(le) for le in data.leaders if le.id not in internal_leaders],
        units=[without_internal_fields(u) for u in data.units if u.id not in internal_units],
        **kept,
    )
    return _prune_references(view)


def _prune_references(view: Dataset) -> Dataset:
    """Drop the ids of records that are not in the view from the records that are."""
    units = {u.id for u in view.units}
    tasks = {t.id for t in view.tasks}
    indicators = {i.id for i in view.indicators}
    projects = {p.id for p in view.projects}
    cases = {c.id for c in view.cases}
    highlights = {h.id for h in view.highlights}
    honors = {h.id for h in view.honors}

    def keep(ids: list[str], allowed: set[str]) -> list[str]:
        return [i for i in ids if i in allowed]

    return replace(
        view,
        tasks=[t.model_copy(update={"partner_units": keep(t.partner_units, units)}) for t in view.tasks],
        indicators=[
            i.model_copy(update={
                "deductions": [d for d in i.deductions if d.unit in units],
                "bonuses": [b for b in i.bonuses if b.unit in units],
            })
            for i in view.indicators
        ],
        projects=[p.model_copy(update={"tasks": keep(p.tasks, tasks)}) for p in view.projects],
        cases=[
            c.model_copy(update={
                "honors": keep(c.honors, honors),
                "related": c.related.model_copy(update={
                    "tasks": keep(c.related.tasks, tasks),
                    "indicators": keep(c.related.indicators, indicators),
                    "projects": keep(c.related.projects, projects),
                }),
            })
            for c in view.cases
        ],
        honors=[
            h.model_copy(update={"cases": keep(h.cases, cases), "highlights": keep(h.highlights, highlights)})
            for h in view.honors
        ],
    )
