"""The one place where the project meets MkDocs: data errors become a clean abort.

Problems go through the ``mkdocs`` logger, one line each; errors end in an Abort, which
MkDocs prints without a traceback and before anything is written to the site folder.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort

from .capacity import PAGED_KINDS, too_large
from .problems import DataError
from .render.session import site_for
from .render.site import SiteRenderer

log = logging.getLogger("mkdocs.plugins.workreport")
DATA_DIR = "data"  # beside mkdocs.yml, as the client's layout fixes it
_reported: set[int] = set()


def project_dir(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent


VISIBILITIES = ("internal", "public")


def is_public(config: Any) -> bool:
    """Whether this build is the public one (``extra.visibility``, set by WORKREPORT_VISIBILITY)."""
    visibility = str(config.extra.get("visibility") or "internal")
    if visibility not in VISIBILITIES:
        raise Abort(f"mkdocs.yml extra.visibility（或环境变量 WORKREPORT_VISIBILITY）应为 internal 或 public（实际值：'{visibility}'）")
    return visibility == "public"


def site_from_config(config: Any) -> SiteRenderer:
    """The renderer for this build's data, or an Abort listing every problem."""
    root = project_dir(config)
    data_dir = root / DATA_DIR
    try:
        renderer, warnings = site_for(
            data_dir, root, public=is_public(config), directory_urls=bool(config.use_directory_urls)
        )
    except DataError as error:
        for problem in error.problems:
            (log.error if problem.is_error else log.warning)(str(problem))
        errors = sum(1 for p in error.problems if p.is_error)
        raise Abort(f"数据检查未通过：{errors} 个错误，站点未生成。请按上面的提示修改 data/ 下的文件。") from None
    refusal = too_large(
        {kind: len(getattr(renderer.data, kind)) for kind in PAGED_KINDS}, len(renderer.data.categories)
    )
    if refusal:
        raise Abort(refusal)
    # Data warnings are advice ("本期不计入"), not faults: `make check` passes with them, so
    # they must not fail a `--strict` build or stop the editors' preview either. They are
    # logged at INFO (each line already says 警告：), once per loaded dataset.
    if id(renderer) not in _reported:
        _reported.add(id(renderer))
        for problem in warnings:
            log.info(str(problem))
    return renderer


def compact_search_index(site_dir: str | Path) -> None:
    """Rewrite Material's search index with its Chinese as UTF-8, not ``\\uXXXX`` escapes.

    The index is mostly Chinese and jieba's zero-width spaces; escaped, each of those takes
    six bytes instead of three, which nearly doubles what every reader's browser downloads.
    """
    path = Path(site_dir) / "search" / "search_index.json"
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
