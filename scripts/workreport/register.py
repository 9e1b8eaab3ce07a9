"""The register of record kinds: what each kind is, where it lives, and what it points at.

Each kind of record (tasks, units, cases…) has one ``Kind`` entry, written in ``model.py``
beside its model. Everything that used to keep its own list of kinds reads the register
instead: loading (the top-level keys and their models), the dataset's look-ups, unique ids,
reference checks, the public view's pruning, page links, the scaffold, the synthetic
generator, the ledger and the tests.

References between records are declared on the model's fields, with the kind they point
to (``owner_unit: Annotated[Id, Ref("units")]``); ``references(model)`` reads them back as
``(path, kind)`` pairs, ``*`` standing for every item of a list. Reference checks and the
public view's pruning both follow exactly these declarations, so a new reference field
cannot be checked but forgotten by the pruning, or the other way round.

Fields whose values come from the bureau's own vocabulary (an indicator's source, a
project's stage, an honor's level…) are declared the same way, with the list of the
report's ``vocabulary`` they take their values from (``Annotated[Text, Term("honor_levels")]``);
``terms(model)`` reads them back, for the checks and for the editors' schema.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel

PathPattern = tuple[str, ...]


@dataclass(frozen=True)
class Ref:
    """Field metadata: the value is the id of a record of ``kind`` (or of a line of work, ``categories``)."""

    kind: str


@dataclass(frozen=True)
class Term:
    """Field metadata: the value is one of the names in the report's ``vocabulary.<vocabulary>``."""

    vocabulary: str


Layout = Literal["file", "per_unit", "per_record"]


@dataclass(frozen=True)
class Files:
    """Where a kind's records are written under ``data/``."""

    layout: Layout
    """``file``: one shared file; ``per_unit``: one file per owning unit in ``folder``;
    ``per_record``: one file per record in ``folder``, named by its id."""
    path: str
    """The shared file (``indicators.yaml``) or the folder (``tasks``)."""
    group_field: str | None = None
    """For a shared file kept in sections (省考, 市考…): the field the sections follow."""


@dataclass(frozen=True)
class LedgerColumn:
    """One column of a kind's sheet in the 工作台账: a header and a field path of the record."""

    header: str
    path: str
    """Dotted field path (``target.value``); a reference shows the referred record's name."""
    width: int = 14


@dataclass(frozen=True)
class Kind:
    """One kind of record: everything the rest of the program needs to know about it."""

    key: str
    """The top-level YAML key and the dataset's name for the list: ``tasks``."""
    model: type[BaseModel]
    label: str
    """The Chinese name of one record: 重点任务."""
    files: Files
    id_example: str
    """An id as editors write it (``T-RV-01``): shown in help and used by the scaffold's first id."""
    owner: str | None = None
    """The field naming the owning unit (``owner_unit``, ``unit``); None for kinds no unit owns."""
    name_field: str = "title"
    """The field that names a record in lists and links (``title``, ``name``, ``item``)."""
    photos: bool = False
    """Whether its records hold photos (``photos``), copied into the site and the documents."""
    page: str | None = None
    """The folder of the kind's record pages (``tasks`` → ``tasks/T-RV-01.md``); None: no page each."""
    anchor_page: str | None = None
    """For kinds listed on one page (亮点, 荣誉…): that page, each record an anchor on it."""
    list_title: str | None = None
    """The title of the kind's list page and its navigation entry."""
    list_page: str | None = None
    """The docs-relative page that lists the kind, when it is not ``<page>/index.md``."""
    scaffold: str | None = None
    """The name ``make new KIND=…`` takes (``task``); None: the scaffold does not add this kind."""
    renamed: tuple[tuple[str, str], ...] = ()
    """``(old, new)`` field names: data written with an old name keeps loading, with a warning."""
    ledger: tuple[LedgerColumn, ...] = field(default=())
    """Columns of a generic ledger sheet for the kind; empty: the kind has its own sheet or none."""

    @property
    def index_page(self) -> str | None:
        """The docs-relative page that lists the kind."""
        if self.list_page:
            return self.list_page
        if self.page:
            return f"{self.page}/index.md"
        return self.anchor_page

    def references(self) -> list[tuple[PathPattern, str]]:
        return references(self.model)

    def terms(self) -> list[tuple[PathPattern, str]]:
        return terms(self.model)

    def name_of(self, record: Any) -> str:
        return str(getattr(record, self.name_field))


# ---------------------------------------------------------------------- references


def unwrap(annotation: Any) -> Iterator[tuple[PathPattern, Any, tuple[Any, ...]]]:
    """``(path suffix, inner type, metadata)`` for an annotation: lists add ``*``, Optional is dropped."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        for suffix, kind, more in unwrap(inner):
            yield suffix, kind, (*extra, *more)
    elif origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                yield from unwrap(arg)
    elif origin is list:
        (item,) = typing.get_args(annotation)
        for suffix, kind, found in unwrap(item):
            yield ("*", *suffix), kind, found
    else:
        yield (), annotation, ()


def references(model: type[BaseModel]) -> list[tuple[PathPattern, str]]:
    """Every reference field of ``model`` and its parts, as ``(path pattern, kind)``."""
    return [(path, marker.kind) for path, marker in _marked(model, Ref)]


def terms(model: type[BaseModel]) -> list[tuple[PathPattern, str]]:
    """Every field of ``model`` and its parts that takes a vocabulary's names, as ``(path pattern, vocabulary)``."""
    return [(path, marker.vocabulary) for path, marker in _marked(model, Term)]


def _marked(model: type[BaseModel], marker: type[Any], prefix: PathPattern = ()) -> list[tuple[PathPattern, Any]]:
    found: list[tuple[PathPattern, Any]] = []
    for name, info in model.model_fields.items():
        for suffix, inner, metadata in unwrap(info.annotation):
            path = (*prefix, name, *suffix)
            marks = [m for m in (*info.metadata, *metadata) if isinstance(m, marker)]
            if marks:
                found.append((path, marks[0]))
            elif isinstance(inner, type) and issubclass(inner, BaseModel):
                found.extend(_marked(inner, marker, path))
    return found


def enum_values(annotation: Any) -> list[str] | None:
    """The values an enumeration field takes, or None when the field is not one."""
    for _, inner, _ in unwrap(annotation):
        if isinstance(inner, type) and issubclass(inner, Enum):
            return [str(member.value) for member in inner]
    return None
