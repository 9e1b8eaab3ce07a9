"""One loaded dataset and its renderer per build, reloaded only when ``data/`` changes.

MkDocs calls the macros module and the page hook separately, and ``mkdocs serve``
rebuilds after every edit; both ask here, so the data is read once per change.
"""

from __future__ import annotations

from pathlib import Path

from ..audience import INTERNAL, PUBLIC
from ..history import load_history
from ..loading import load_or_raise
from ..problems import Problem
from .site import SiteRenderer

Signature = tuple[tuple[str, int, int], ...]
Key = tuple[Path, bool, bool]
_cache: dict[Key, tuple[Signature, SiteRenderer, list[Problem]]] = {}


def data_signature(data_dir: Path) -> Signature:
    """Every file under ``data/`` with its modification time and size."""
    entries = []
    for path in sorted(data_dir.rglob("*")):
        if path.is_file():
            stat = path.stat()
            entries.append((path.relative_to(data_dir).as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


def site_for(
    data_dir: Path, display_root: Path, *, public: bool = False, directory_urls: bool = True
) -> tuple[SiteRenderer, list[Problem]]:
    """The renderer and the data's warnings; raises DataError when the data has errors.

    ``public`` renders the public view: nothing marked internal reaches the pages.
    """
    data_dir = data_dir.resolve()
    key = (data_dir, public, directory_urls)
    signature = data_signature(data_dir)
    cached = _cache.get(key)
    if cached and cached[0] == signature:
        return cached[1], cached[2]
    dataset, warnings = load_or_raise(data_dir, display_root)
    audience = PUBLIC if public else INTERNAL
    # Who edited what is the bureau's own business: the public build reads no history at all.
    history = load_history(display_root, (r.origin for r in dataset.records() if r.origin)) if audience.sees_history else None
    renderer = SiteRenderer(audience.edition(dataset), directory_urls=directory_urls, history=history)
    _cache[key] = (signature, renderer, warnings)
    return renderer, warnings
