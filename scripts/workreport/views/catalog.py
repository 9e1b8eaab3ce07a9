"""Which view each page kind and each fragment of the site is laid out from."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .context import Site
from .tasks import headline_targets, task_index, task_page

PAGE_VIEWS: dict[str, Callable[[Site, Any], Any]] = {
    "tasks": task_page,
}
"""Record kind → its page's view, from the Site and one record."""

FRAGMENT_VIEWS: dict[str, Callable[[Site], Any]] = {
    "task_index": task_index,
    "headline_targets": headline_targets,
}
"""Fragment (the macro a docs/ page calls) → its view, from the Site."""
