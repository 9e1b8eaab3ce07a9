"""What may leave the bureau: the public view of a dataset.

Everything that goes outside (the public site, the documents, the ledger, the offline
bundle) is made from the public ``Edition`` (``audience.PUBLIC.edition(data)``), which is
``public_view(data)``: the filter sits in one place. It drops every record marked
``internal`` and every field a record lists in ``internal_fields``, then follows every
reference the model declares (``register.references``) so that nothing public points at
something that is not there:

- a required reference to a dropped record drops the record too (a task of an internal
  unit), and so on until nothing changes;
- an optional one is emptied (a task's own leader, when internal: the unit's leader shows);
- an id in a list of ids is removed (a case's related tasks);
- a part of a record that names a dropped record is removed (a deduction charged to an
  internal unit).
"""

from __future__ import annotations

from typing import Any, TypeVar

from .dataset import Dataset
from .model import KINDS, VisibleRecord
from .register import PathPattern

R = TypeVar("R", bound=VisibleRecord)


def without_internal_fields(record: R) -> R:
    """The record with the fields it marks internal reset to their defaults (empty)."""
    if not record.internal_fields:
        return record
    fields = type(record).model_fields
    update: dict[str, Any] = {name: fields[name].get_default(call_default_factory=True) for name in record.internal_fields}
    update["internal_fields"] = []
    return record.model_copy(update=update)


def public_view(data: Dataset) -> Dataset:
    hidden: dict[str, set[str]] = {
        kind.key: {r.id for r in data.of(kind.key) if r.is_internal} for kind in KINDS
    }
    # Records whose required references lead to hidden records are hidden too, until nothing changes.
    changed = True
    while changed:
        changed = False
        for kind in KINDS:
            for record in data.of(kind.key):
                if record.id not in hidden[kind.key] and _needs_hidden(record, kind.references(), hidden):
                    hidden[kind.key].add(record.id)
                    changed = True
    kept = {
        kind.key: [
            _pruned(without_internal_fields(r), kind.references(), hidden)
            for r in data.of(kind.key)
            if r.id not in hidden[kind.key]
        ]
        for kind in KINDS
    }
    return data.replaced(**kept)


def _required(model: type[Any], path: PathPattern) -> bool:
    """Whether the scalar reference at ``path`` (no ``*`` in it) must be given."""
    current: Any = model
    for part in path[:-1]:
        current = _inner(current.model_fields[part].annotation)
    return bool(current.model_fields[path[-1]].is_required())


def _inner(annotation: Any) -> Any:
    from pydantic import BaseModel

    for arg in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    raise TypeError(f"no model in {annotation!r}")


def _needs_hidden(record: Any, references: list[tuple[PathPattern, str]], hidden: dict[str, set[str]]) -> bool:
    for path, target in references:
        if "*" in path or target not in hidden:
            continue
        value = _get(record, path)
        if value is not None and value in hidden[target] and _required(type(record), path):
            return True
    return False


def _get(record: Any, path: PathPattern) -> Any:
    for part in path:
        record = getattr(record, part, None)
    return record


def _pruned(record: R, references: list[tuple[PathPattern, str]], hidden: dict[str, set[str]]) -> R:
    """``record`` without the references to hidden records (see the module's docstring)."""
    touched = [(path, target) for path, target in references if hidden.get(target)]
    if not touched or not any(_points_at_hidden(record, path, hidden[target]) for path, target in touched):
        return record
    value = record.model_dump()
    for path, target in touched:
        _prune(value, path, hidden[target])
    pruned = type(record).model_validate(value)
    pruned._origin = record.origin
    return pruned


def _points_at_hidden(value: Any, path: PathPattern, ids: set[str]) -> bool:
    if not path:
        return isinstance(value, str) and value in ids
    head, rest = path[0], path[1:]
    if head == "*":
        return any(_points_at_hidden(item, rest, ids) for item in value or [])
    return _points_at_hidden(getattr(value, head, None), rest, ids)


def _prune(value: Any, path: PathPattern, ids: set[str]) -> None:
    """Remove, inside plain data, what the reference at ``path`` says about a hidden record."""
    head, rest = path[0], path[1:]
    if head == "*":
        raise AssertionError("a pattern starts with a field")
    if not isinstance(value, dict) or value.get(head) is None:
        return
    if not rest:
        if value[head] in ids:
            value[head] = None  # optional (a required one hid the record before)
        return
    if rest[0] == "*":
        items, after = value[head], rest[1:]
        if not after:
            value[head] = [item for item in items if item not in ids]
        else:
            value[head] = [item for item in items if not _points_at_hidden_plain(item, after, ids)]
            for item in value[head]:
                _prune(item, after, ids)
        return
    _prune(value[head], rest, ids)


def _points_at_hidden_plain(value: Any, path: PathPattern, ids: set[str]) -> bool:
    """Whether a part (a deduction) names a hidden record through a required field: then it goes."""
    for part in path:
        if part == "*" or not isinstance(value, dict):
            return False
        value = value.get(part)
    return isinstance(value, str) and value in ids
