"""One load of a site: the data checked, the history read (for the internal audience only), the
audience's edition made, and the renderer handed all of it. The renderer itself never loads.

The MkDocs adapter keeps one load per change of ``data/`` (``adapter.session``); a staged build
(``workreport.staging``) loads once.
"""

from __future__ import annotations

from pathlib import Path

from .audience import Audience
from .history import load_history
from .loading import load_or_raise
from .problems import Problem
from .render.memo import RenderMemo
from .render.site import SiteRenderer

DATA_DIR = "data"  # beside mkdocs.yml, as the client's layout fixes it


def load_site(
    data_dir: Path, display_root: Path, audience: Audience, *, directory_urls: bool = True, downloads: bool = False,
    memo: RenderMemo | None = None,
) -> tuple[SiteRenderer, list[Problem]]:
    """The renderer of ``data_dir`` for ``audience``, and the data's warnings; DataError when it has errors."""
    dataset, warnings = load_or_raise(data_dir, display_root)
    # Who edited what is the bureau's own business: the public build reads no history at all.
    origins = (r.origin for r in dataset.records() if r.origin)
    history = load_history(display_root, origins) if audience.sees_history else None
    renderer = SiteRenderer(audience.edition(dataset), directory_urls=directory_urls, history=history, downloads=downloads, memo=memo)
    return renderer, warnings
