"""Views of a kind of record that has no views of its own: its page and its list, from the model.

A kind added to the register gets its record pages and its list page from these: every
field the record has, labelled with the first sentence of its docstring, references shown
as links to the records they name. Its templates (``pages/<kind>.md.j2`` and
``lists/<kind>.md.j2``) lay these views out like any other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel

from ..formatting import cn_date, number
from ..register import Kind
from .common import Badge, Link, badge
from .context import Site
from .history import Changes, record_changes

HIDDEN = {"id", "visibility", "internal_fields"}


@dataclass(frozen=True)
class Field:
    label: str
    text: str
    links: tuple[Link, ...] = ()
    """For a reference: the records it names (shown instead of the text)."""
    badge: Badge | None = None
    """For an enumeration with a declared tone."""


@dataclass(frozen=True)
class RecordPage:
    kind_label: str
    list_title: str
    id: str
    title: str
    internal: bool
    fields: tuple[Field, ...]
    changes: Changes | None


@dataclass(frozen=True)
class RecordRow:
    link: Link
    internal: bool
    owner: Link | None
    fields: tuple[Field, ...]
    """The record's short fields, in the list's columns."""


@dataclass(frozen=True)
class RecordList:
    label: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[RecordRow, ...]


def label_of(model: type[BaseModel], name: str) -> str:
    """A field's label: the first clause of its docstring (``报送单位编号（见 units）`` → 报送单位)."""
    description = model.model_fields[name].description or name
    label = description.split("。")[0].split("：")[0].split("，")[0].split("（")[0]
    return label.removesuffix("编号") or name


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float | int):
        return number(value)
    if isinstance(value, dt.date):
        return cn_date(value)
    if isinstance(value, list):
        return "、".join(_text(v) for v in value) or "—"
    if isinstance(value, BaseModel):
        return "；".join(f"{label_of(type(value), k)} {_text(v)}" for k, v in value if v not in (None, [], ""))
    return str(value)


def _field(site: Site, kind: Kind, record: Any, name: str) -> Field:
    value = getattr(record, name)
    label = label_of(kind.model, name)
    targets = {path[0]: target for path, target in kind.references() if path[0] == name and len(path) <= 2}
    if name in targets and value:
        target = targets[name]
        ids = value if isinstance(value, list) else [value]
        if target == "categories":
            return Field(label, "", tuple(Link("categories", i, site.data.category_by_id[i].name) for i in ids))
        records = site.data.by_id(target)
        from ..model import KIND_BY_KEY  # the register, for the referred kind's name field

        named = KIND_BY_KEY[target]
        return Field(label, "", tuple(Link(target, i, named.name_of(records[i])) for i in ids if i in records))
    if isinstance(value, Enum):
        shown = badge(value)
        return Field(label, _text(value), badge=shown if shown.tone != "neutral" else None)
    return Field(label, _text(value))


def record_page(site: Site, kind: Kind, record: Any) -> RecordPage:
    names = [n for n in kind.model.model_fields if n not in HIDDEN and n != kind.name_field]
    return RecordPage(
        kind_label=kind.label,
        list_title=kind.list_title or kind.label,
        id=record.id,
        title=kind.name_of(record),
        internal=site.shows_internal_mark(record),
        fields=tuple(_field(site, kind, record, n) for n in names),
        changes=record_changes(site, record),
    )


def record_list(site: Site, kind: Kind) -> RecordList:
    """Every record of the kind, with its short fields (required, not text of its own) as columns."""
    short = [
        n for n, info in kind.model.model_fields.items()
        if n not in HIDDEN and n not in (kind.name_field, kind.owner) and info.is_required()
    ]
    rows = []
    for record in site.data.of(kind.key):
        owner = None
        if kind.owner:
            unit = site.data.unit_by_id[getattr(record, kind.owner)]
            owner = Link("units", unit.id, unit.label)
        rows.append(RecordRow(
            Link(kind.key, record.id, kind.name_of(record)),
            site.shows_internal_mark(record),
            owner,
            tuple(_field(site, kind, record, n) for n in short),
        ))
    return RecordList(kind.label, kind.list_title or kind.label, tuple(label_of(kind.model, n) for n in short), tuple(rows))
