"""A build's site, from MkDocs' configuration: data errors become a clean abort.

Problems go through the ``mkdocs`` logger, one line each; errors end in an Abort, which
MkDocs prints without a traceback and before anything is written to the site folder.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort

from ..audience import AUDIENCES, INTERNAL, Audience
from ..capacity import PAGED_KINDS, too_large
from ..problems import DataError
from ..render.site import SiteRenderer
from ..sitebuild import VISIBILITY_VARIABLE
from ..siteload import DATA_DIR
from .preview import PREVIEW
from .session import SITES

log = logging.getLogger("mkdocs.plugins.workreport")


# The configuration is read as a mapping: MkDocs' config is one, and so is the plain dict that
# Zensical's macros shim hands ``define_env`` (a staged build, see workreport.staging).


def project_dir(config: Mapping[str, Any]) -> Path:
    """The folder of mkdocs.yml (Zensical's shim names it ``root_dir`` and gives no file path)."""
    path = config.get("config_file_path")
    return Path(path).resolve().parent if path else Path(config["root_dir"]).resolve()


def page_source(page: Any) -> str:
    """The docs-relative path of the page a macro is drawn on (Zensical's page has no ``file``, only ``path``)."""
    file = getattr(page, "file", None)
    return str(file.src_uri if file is not None else page.path).replace("\\", "/")


def _extra(config: Mapping[str, Any], name: str) -> Any:
    return (config.get("extra") or {}).get(name)


def audience_of(config: Mapping[str, Any]) -> Audience:
    """Who this build is for (``extra.visibility``, set from the build options)."""
    visibility = str(_extra(config, "visibility") or INTERNAL.key)
    if visibility not in AUDIENCES:
        raise Abort(
            f"mkdocs.yml extra.visibility（或环境变量 {VISIBILITY_VARIABLE}）应为 internal 或 public（实际值：'{visibility}'）"
        )
    return AUDIENCES[visibility]


def site_from_config(config: Mapping[str, Any]) -> SiteRenderer:
    """The renderer for this build's data, or an Abort listing every problem."""
    root = project_dir(config)
    try:
        loaded = SITES.site(
            root / DATA_DIR, root, audience_of(config), directory_urls=bool(config.get("use_directory_urls", True)),
            downloads=str(_extra(config, "downloads") or "").lower() == "true",
            memo=PREVIEW.memo if PREVIEW.enabled else None,
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


TAUGHT: dict[str, tuple[int | None, int]] = {}
"""The names taught to jieba in this process: each with its frequency before and what teaching it added."""


def keep_terms_whole(terms: list[str]) -> None:
    """Teach jieba (which Material's search plugin cuts Chinese with) the data's own names, so each is
    indexed as one word and a reader who types it whole finds the pages that hold it first.

    ``mkdocs serve`` builds again in the same process after every edit: a name the data no longer
    holds is given back its frequency from before, so the preview cuts text as a fresh build does.
    """
    try:
        import jieba
    except ImportError:  # Material then indexes Chinese without cutting it: nothing to teach
        return
    cutter = jieba.dt
    cutter.check_initialized()
    wanted = set(terms)
    for term in [t for t in TAUGHT if t not in wanted]:
        before, added = TAUGHT.pop(term)
        cutter.FREQ[term] = before or 0  # a zero frequency is no word: the prefixes jieba keeps stay harmless
        cutter.total -= added
    for term in terms:
        if term not in TAUGHT:
            before, total = cutter.FREQ.get(term), cutter.total
            jieba.add_word(term)  # no frequency: jieba picks one that keeps the word whole
            TAUGHT[term] = (before, cutter.total - total)


def remember_cuts() -> None:
    """Let jieba cut each distinct Chinese run once per build.

    Material's search cuts every section's text with ``jieba.cut``; a bureau's pages repeat the
    same names, dates and labels on page after page (at ten times the sample, 223,628 runs, of
    which 7,186 are distinct), and the cutting was an eighth of the build. jieba's answer depends
    only on the run and its dictionary, and the dictionary is settled before any page is indexed
    (``keep_terms_whole`` runs in ``on_config``); a new build starts with nothing remembered.
    The documents cut with a jieba of their own (``render.typeset``) and are not concerned.
    """
    try:
        import jieba
    except ImportError:
        return
    cut = getattr(jieba.cut, "__wrapped__", jieba.cut)
    known: dict[tuple[Any, ...], tuple[str, ...]] = {}

    def remembered(sentence: Any, cut_all: bool = False, HMM: bool = True, use_paddle: bool = False) -> Iterator[str]:
        key = (sentence, cut_all, HMM, use_paddle)
        words = known.get(key)
        if words is None:
            words = known[key] = tuple(cut(sentence, cut_all, HMM, use_paddle))
        return iter(words)

    remembered.__wrapped__ = cut  # type: ignore[attr-defined]
    jieba.cut = remembered
