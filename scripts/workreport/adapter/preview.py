"""The editors' preview (``make serve``): after an edit, only the pages whose input changed are rendered again.

``make serve`` runs ``mkdocs serve --dirty``: MkDocs then renders a page only when its file says it
changed. A generated page's whole input is its Markdown (the views put every figure, name and
link into it) plus the frame every page shares: the configuration, the navigation, the theme
templates, the footer line, the period's words. So a generated page whose Markdown and frame
are those of the previous build is left as it is on disk. An office page under ``docs/`` is
its own text plus the fragments its macros drew from the data: each fragment it used is drawn
again (the cheap part) and the page is rendered again only when one of them, or its text, changed.

Three things a dirty build leaves wrong are put right here: pages and photos that are gone are
deleted, and the search index (which MkDocs' search plugin writes from the rendered pages only)
is merged, while it is compacted: new entries for rendered pages, the previous ones for the
others, in the order of a full build. ``tests/test_preview.py`` checks the result against a full build, file by file.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from ..render.memo import RenderMemo

DIRTY_WARNING = "A 'dirty' build is being performed"


class _QuietDirty(logging.Filter):
    """MkDocs warns on every dirty build that links may go stale; the preview keeps them right (see the module),
    and the warning would otherwise stop a ``--strict`` preview."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


@dataclass
class Rendered:
    """What a preview build rendered from: enough to tell which pages the next one must render again."""

    frame: str = ""
    markdown: dict[str, str] = field(default_factory=dict)
    """Each generated page's Markdown, by source path."""
    outputs: set[str] = field(default_factory=set)
    """Every generated file's path in the site folder."""
    sources: dict[str, str] = field(default_factory=dict)
    """Each office page's own text when it was last rendered."""
    fragments: dict[str, dict[str, str]] = field(default_factory=dict)
    """The fragments each office page drew when it was last rendered, by name."""
    entries: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """The search index's entries, by page URL."""


@dataclass
class Preview:
    """The preview's state across rebuilds: the last build that finished, and the one under way.

    The one under way replaces the last only when it finishes (``on_post_build``): after a build
    that stopped half-way, the next compares with what is really on disk and renders enough.
    """

    enabled: bool = False
    done: Rendered = field(default_factory=Rendered)
    building: Rendered = field(default_factory=Rendered)
    rendered: set[str] = field(default_factory=set)
    """The URLs of the pages this build rendered."""
    files: Files | None = None
    """This build's files, in the order MkDocs renders them (their pages are attached as it goes)."""
    memo: RenderMemo = field(default_factory=RenderMemo)
    """The outputs of the last build's templates by view: only changed views are drawn again (``render.memo``)."""

    def start(self, command: str, dirty: bool) -> None:
        self.enabled = command == "serve" and dirty
        if self.enabled:
            for engine in ("mkdocs", "properdocs"):  # MkDocs, or its maintained fork under its own name
                logging.getLogger(f"{engine}.commands.build").addFilter(_QuietDirty())

    def configure(self, config: MkDocsConfig) -> None:
        """Material's search plugin merges a dirty build's index on its own, assuming one page changed (it drops
        the first page's entries only); it is told the build is clean, and ``merge_index`` merges for every page."""
        search = config.plugins.get("material/search")
        if search is not None and hasattr(search, "is_dirty"):
            search.is_dirty = False

    def mark(self, files: Files, config: MkDocsConfig, generated: set[str], words: str, fragment: Callable[[str, str], str]) -> None:
        """Tell MkDocs which pages changed: ``generated`` are the source paths this build generated, ``words`` the
        period's and the bureau's words the macros hand the office's pages, ``fragment(name, page)`` draws one fragment."""
        done = self.done
        now = Rendered(frame_of(config, files, generated) + words)
        unchanged_frame = now.frame == done.frame
        for file in files:
            if not file.is_documentation_page():
                continue
            if file.src_uri in generated:
                text = file.content_string
                now.markdown[file.src_uri] = text
                same = unchanged_frame and done.markdown.get(file.src_uri) == text
            else:
                # The office's pages read the data through macros: their file's date says nothing.
                text = Path(file.abs_src_path).read_text(encoding="utf-8-sig") if file.abs_src_path else ""
                drawn = done.fragments.get(file.src_uri)
                same = (unchanged_frame and drawn is not None and done.sources.get(file.src_uri) == text
                        and all(fragment(name, file.src_uri) == output for name, output in drawn.items()))
                now.sources[file.src_uri] = text
                now.fragments[file.src_uri] = dict(drawn or {}) if same else {}  # filled by ``drew`` as it renders
            # A generated file always says it changed, a file on disk goes by its date: both say what is true here.
            setattr(file, "is_modified", (lambda: False) if same else (lambda: True))  # noqa: B010
        now.outputs = {f.dest_uri for f in files if f.src_uri in generated}
        self.building, self.rendered, self.files = now, set(), files

    def drew(self, page: str, name: str, output: str) -> None:
        """An office page's macro drew a fragment (recorded while the page renders)."""
        if self.enabled:
            self.building.fragments.setdefault(page, {})[name] = output

    def finish(self, config: MkDocsConfig) -> None:
        """Delete what is gone; this build is now the last (the search index was merged by ``merge_index``)."""
        site = Path(config.site_dir)
        for dest in sorted(self.done.outputs - self.building.outputs):
            (site / dest).unlink(missing_ok=True)
            _prune_empty(site / dest, site)
        self.done = self.building

    def merge_index(self, index: dict[str, Any]) -> None:
        """The search index as a full build writes it: the rendered pages' new entries, the others' previous ones."""
        if self.files is None:
            return
        fresh: dict[str, list[dict[str, Any]]] = {}
        for entry in index["docs"]:
            fresh.setdefault(str(entry["location"]).split("#")[0], []).append(entry)
        for file in self.files.documentation_pages():
            if file.page is None:
                continue
            url = file.page.url
            entries = fresh.get(url, []) if url in self.rendered else self.done.entries.get(url, [])
            if entries:
                self.building.entries[url] = entries
        index["docs"] = [entry for entries in self.building.entries.values() for entry in entries]


def frame_of(config: MkDocsConfig, files: Files, generated: set[str]) -> str:
    """A digest of what every page's HTML holds besides its own Markdown."""
    theme_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    theme = sorted((str(p), p.stat().st_mtime_ns) for p in theme_dir.rglob("*") if p.is_file()) if theme_dir else []
    config_file = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
    office = sorted(f.src_uri for f in files if f.is_documentation_page() and f.src_uri not in generated)
    parts = [config_file.decode("utf-8", "replace"), str(config.site_name), repr(config.nav), repr(sorted(config.extra.items(), key=str)),
             repr(theme), repr(office)]
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def _prune_empty(path: Path, site: Path) -> None:
    folder = path.parent
    while folder != site and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


PREVIEW = Preview()
"""This process's preview state: ``mkdocs serve`` rebuilds in the same process after every edit."""
