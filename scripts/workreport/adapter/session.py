"""The sites this process has loaded: data read once per change, whichever part of MkDocs asks.

MkDocs calls the macros module and each hook separately, once per build, and
``mkdocs serve`` rebuilds after every edit. All of them ask ``SITES`` for the build's site;
the data is loaded again only when a file under ``data/`` changed.

Loading itself is ``workreport.siteload``'s (a staged build loads the same way).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..audience import Audience
from ..problems import Problem
from ..render.memo import RenderMemo
from ..render.site import SiteRenderer
from ..siteload import load_site

Signature = tuple[tuple[str, int, int], ...]


def data_signature(data_dir: Path) -> Signature:
    """Every file under ``data/`` with its modification time and size."""
    entries = []
    for path in sorted(data_dir.rglob("*")):
        if path.is_file():
            stat = path.stat()
            entries.append((path.relative_to(data_dir).as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


@dataclass
class LoadedSite:
    """One load of ``data/`` for one audience and one URL style."""

    signature: Signature
    renderer: SiteRenderer
    warnings: list[Problem]
    told: bool = False
    """Whether the warnings were handed out (``warnings_to_tell``) for this load."""

    def warnings_to_tell(self) -> list[Problem]:
        """The data's warnings the first time they are asked for, then none: each load tells them once."""
        if self.told:
            return []
        self.told = True
        return self.warnings


@dataclass
class SiteCache:
    """The last load of each data folder, per audience and URL style."""

    loaded: dict[tuple[Path, Audience, bool, bool], LoadedSite] = field(default_factory=dict)

    def site(
        self, data_dir: Path, display_root: Path, audience: Audience, *, directory_urls: bool = True, downloads: bool = False,
        memo: RenderMemo | None = None,
    ) -> LoadedSite:
        """The site of ``data_dir`` as it is now; raises DataError when the data has errors. A new load's renderer
        gets ``memo`` (the preview's: what the last build rendered)."""
        data_dir = data_dir.resolve()
        key = (data_dir, audience, directory_urls, downloads)
        signature = data_signature(data_dir)
        cached = self.loaded.get(key)
        if cached is not None and cached.signature == signature:
            return cached
        renderer, warnings = load_site(
            data_dir, display_root, audience, directory_urls=directory_urls, downloads=downloads, memo=memo
        )
        self.loaded[key] = LoadedSite(signature, renderer, warnings)
        return self.loaded[key]


SITES = SiteCache()
"""This process's loaded sites: the one piece of state the adapter keeps between MkDocs' calls."""
