"""A build's site, from MkDocs' configuration: data errors become a clean abort.

Problems go through the ``mkdocs`` logger, one line each; errors end in an Abort, which
MkDocs prints without a traceback and before anything is written to the site folder.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort

from ..audience import AUDIENCES, INTERNAL, Audience
from ..capacity import PAGED_KINDS, too_large
from ..problems import DataError
from ..render.site import SiteRenderer
from ..sitebuild import VISIBILITY_VARIABLE
from .session import SITES

log = logging.getLogger("mkdocs.plugins.workreport")
DATA_DIR = "data"  # beside mkdocs.yml, as the client's layout fixes it


def project_dir(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent


def audience_of(config: Any) -> Audience:
    """Who this build is for (``extra.visibility``, set from the build options)."""
    visibility = str(config.extra.get("visibility") or INTERNAL.key)
    if visibility not in AUDIENCES:
        raise Abort(
            f"mkdocs.yml extra.visibility（或环境变量 {VISIBILITY_VARIABLE}）应为 internal 或 public（实际值：'{visibility}'）"
        )
    return AUDIENCES[visibility]


def site_from_config(config: Any) -> SiteRenderer:
    """The renderer for this build's data, or an Abort listing every problem."""
    root = project_dir(config)
    try:
        loaded = SITES.site(
            root / DATA_DIR, root, audience_of(config), directory_urls=bool(config.use_directory_urls),
            downloads=str(config.extra.get("downloads", "")).lower() == "true",
        )
    except DataError as error:
        for problem in error.problems:
            (log.error if problem.is_error else log.warning)(str(problem))
        errors = sum(1 for p in error.problems if p.is_error)
        raise Abort(f"数据检查未通过：{errors} 个错误，站点未生成。请按上面的提示修改 data/ 下的文件。") from None
    renderer = loaded.renderer
    refusal = too_large({kind: len(renderer.data.of(kind)) for kind in PAGED_KINDS}, len(renderer.data.categories))
    if refusal:
        raise Abort(refusal)
    # Data warnings are advice ("本期不计入"), not faults: `make check` passes with them, so
    # they must not fail a `--strict` build or stop the editors' preview either. They are
    # logged at INFO (each line already says 警告：), once per loaded dataset.
    for problem in loaded.warnings_to_tell():
        log.info(str(problem))
    return renderer


def compact_search_index(site_dir: str | Path, merge: Callable[[dict[str, Any]], None] | None = None) -> None:
    """Rewrite Material's search index with its Chinese as UTF-8, not ``\\uXXXX`` escapes; ``merge`` first
    changes the index in place (the preview's, see ``adapter.preview``), so it is read and written once.

    The index is mostly Chinese and jieba's zero-width spaces; escaped, each of those takes
    six bytes instead of three, which nearly doubles what every reader's browser downloads.
    """
    path = Path(site_dir) / "search" / "search_index.json"
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        if merge is not None:
            merge(data)
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def keep_terms_whole(terms: list[str]) -> None:
    """Teach jieba (which Material's search plugin cuts Chinese with) the data's own names, so each is
    indexed as one word and a reader who types it whole finds the pages that hold it first."""
    try:
        import jieba
    except ImportError:  # Material then indexes Chinese without cutting it: nothing to teach
        return
    for term in terms:
        jieba.add_word(term)  # no frequency: jieba picks one that keeps the word whole


# Material 9.x's search worker cuts a Chinese query into the index's words, but its scan stops one
# character short of the query's end: a query that is itself an indexed word (生态清洁小流域) is
# never looked up whole, and its pieces match pages that hold only a piece. Fixed where it happens.
WORKER_SCAN = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
WORKER_SCAN_FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


def fix_search_worker(site_dir: str | Path) -> bool:
    """Let the query scan reach the query's last character; False when the worker has no such scan
    (another Material version: the search tests then say whether whole terms still rank first)."""
    fixed = False
    for worker in (Path(site_dir) / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        text = worker.read_text(encoding="utf-8")
        if WORKER_SCAN in text:
            worker.write_text(text.replace(WORKER_SCAN, WORKER_SCAN_FIXED), encoding="utf-8")
            fixed = True
    return fixed
