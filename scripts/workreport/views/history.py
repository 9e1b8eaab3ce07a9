"""The change history at the end of a record's page (internal edition only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .context import Site


@dataclass(frozen=True)
class ChangeRow:
    date: dt.date
    author: str
    message: str


@dataclass(frozen=True)
class Changes:
    available: bool
    reason: str
    """Why there is no history, in Chinese, when git cannot tell it."""
    rows: tuple[ChangeRow, ...]
    """The commits that wrote the record's lines, newest first."""


def record_changes(site: Site, record: Any) -> Changes | None:
    """The record's own changes, or None for an audience that is not shown who changed what."""
    history = site.history
    if history is None:
        return None
    if not history.available:
        return Changes(False, history.reason, ())
    rows = tuple(ChangeRow(c.date, c.author, c.message) for c in history.of(record.origin))
    return Changes(True, "", rows)
