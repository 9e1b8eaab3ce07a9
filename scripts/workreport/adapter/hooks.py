"""The MkDocs hooks (mkdocs.yml names them through ``macros/hooks.py``): one generated page per
record (task, indicator, project, case, unit, line of work, leader), plus the photos those
pages show; the header's name; the search index compacted.

The pages' Markdown comes whole from the core's renderer; these hooks only register it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..export.deliverables import write_downloads
from ..render.frame import NavWordError, site_frame
from ..siteoutput import compact_search_index, fix_search_worker
from ..views.downloads import FOLDER
from .preview import PREVIEW
from .site import keep_terms_whole, project_dir, remember_cuts, site_from_config


def on_startup(command: str, dirty: bool) -> None:
    PREVIEW.start(command, dirty)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if PREVIEW.enabled:
        PREVIEW.memo.begin()  # before any page or fragment is drawn in this build
    site = site_from_config(config)
    generated: set[str] = set()

    def add(file: File) -> None:
        files.append(file)
        generated.add(file.src_uri)

    for uri, markdown in site.generated_pages({f.src_uri for f in files}):
        add(File.generated(config, uri, content=markdown))
    # Only the photos of records on the site: a public build must not carry an internal case's pictures.
    for uri in site.photo_files():
        add(File.generated(config, uri, abs_src_path=str(site.data.data_dir / uri)))
    if PREVIEW.enabled:
        words = repr((site.report.bureau, site.report.period.title, site.report.as_of, site.site.words.as_dict()))
        PREVIEW.mark(files, config, generated, words, site.fragment)
    # The download centre's documents, written from this build's edition (not in the editors' preview).
    if site.site.downloads:
        with tempfile.TemporaryDirectory(prefix="workreport-downloads-") as folder:
            for path in write_downloads(site.site, Path(folder), project_dir(config)):
                files.append(File.generated(config, f"{FOLDER}/{path.name}", content=path.read_bytes()))
    return files


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = site_from_config(config)
    docs = Path(config.docs_dir)
    try:
        frame = site_frame(site, config.nav, lambda uri: (docs / uri).exists())
    except NavWordError as error:
        raise Abort(str(error)) from None
    config.site_name = frame.site_name
    config.extra["footer_line"] = frame.footer_line
    keep_terms_whole(frame.terms)
    remember_cuts()  # after the dictionary is settled for this build
    config.nav = frame.nav
    if PREVIEW.enabled:
        PREVIEW.configure(config)
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # A label with words filled in is escaped Markup, and goes into the page's meta too (see
    # render.frame.worded_titles: the theme prints a meta title as it is, a nav title through striptags).
    if isinstance(page.title, Markup) and "title" not in page.meta:
        page.meta["title"] = page.title
    if PREVIEW.enabled:
        PREVIEW.rendered.add(page.url)
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    # After the search plugin wrote its index (hooks run after plugins), before the offline
    # plugin copies it into search_index.js (it runs last).
    compact_search_index(config.site_dir, PREVIEW.merge_index if PREVIEW.enabled else None)
    if PREVIEW.enabled:
        PREVIEW.finish(config)
    fix_search_worker(config.site_dir)
