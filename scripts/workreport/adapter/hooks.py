"""The MkDocs hooks (mkdocs.yml names them through ``macros/hooks.py``): one generated page per
record (task, indicator, project, case, unit, line of work, leader), plus the photos those
pages show; the header's name; the search index compacted.

The pages' Markdown comes whole from the core's renderer; these hooks only register it.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..export.deliverables import write_downloads
from ..plain import html_text
from ..search_terms import data_terms
from ..stamps import source_time
from ..views.downloads import FOLDER, download_plan
from ..views.freshness import footer_line
from .preview import PREVIEW
from .site import compact_search_index, fix_search_worker, keep_terms_whole, project_dir, site_from_config


def on_startup(command: str, dirty: bool) -> None:
    PREVIEW.start(command, dirty)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = site_from_config(config)
    generated: set[str] = set()

    def add(file: File) -> None:
        files.append(file)
        generated.add(file.src_uri)

    for uri, markdown in site.pages():
        add(File.generated(config, uri, content=markdown))
    # A kind of record added to the register lists itself, unless the office wrote its list page.
    existing = {f.src_uri for f in files}
    for uri, markdown in site.list_pages(existing):
        add(File.generated(config, uri, content=markdown))
    # Only the photos of records on the site: a public build must not carry an internal case's pictures.
    for uri in site.photo_files():
        add(File.generated(config, uri, abs_src_path=str(site.data.data_dir / uri)))
    if PREVIEW.enabled:
        words = repr((site.report.bureau, site.report.period.title, site.report.as_of, site.site.words.as_dict()))
        PREVIEW.mark(files, config, generated, words, site.fragment)
    # The download centre's documents, written from this build's edition (not in the editors' preview).
    if site.site.downloads:
        stamp = source_time(project_dir(config), site.data.data_dir, site.report.as_of)
        with tempfile.TemporaryDirectory(prefix="workreport-downloads-") as folder:
            for path in write_downloads(site.site, download_plan(site.site), Path(folder), stamp):
                files.append(File.generated(config, f"{FOLDER}/{path.name}", content=path.read_bytes()))
    return files


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The header shows the bureau and period from data/report.yaml, not a name typed twice.
    # The theme prints the site name unescaped, and sometimes through `| e`: as Markup it is
    # escaped exactly once either way.
    site = site_from_config(config)
    report = site.report
    config.site_name = html_text(f"{report.bureau} · {report.period.title}")
    # Every page's footer: up to which day the figures count, and when a unit last reported.
    config.extra["footer_line"] = footer_line(site.site)
    # The data's own names (lines of work, tags, project kinds, places, units) are indexed whole.
    keep_terms_whole(data_terms(site.site.data))
    # Navigation labels such as "{summary}" take the period's and the bureau's words.
    if config.nav is not None:
        config.nav = _worded(config.nav, site.site.words.as_dict())
    if PREVIEW.enabled:
        PREVIEW.configure(config)
    # The navigation lists a kind's generated list page when mkdocs.yml does not name it.
    named = _named_pages(config.nav or [])
    docs = Path(config.docs_dir)
    for uri, title in site.listed_kinds():
        if uri not in named and not (docs / uri).exists() and config.nav is not None:
            config.nav.append({title: uri})
    return config


PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _worded(nav: Any, words: dict[str, str]) -> Any:
    """The navigation with ``{name}`` in its labels replaced by the words (escaped once, as the theme prints them)."""

    def label(text: str) -> str:
        if not PLACEHOLDER.search(text):
            return text
        unknown = [m for m in PLACEHOLDER.findall(text) if m not in words]
        if unknown:
            raise Abort(f"mkdocs.yml 导航名称“{text}”中的 {{{unknown[0]}}} 无法填入：可用的有 {'、'.join('{' + w + '}' for w in words)}")
        return html_text(PLACEHOLDER.sub(lambda m: words[m[1]], text))

    if isinstance(nav, list):
        return [_worded(item, words) for item in nav]
    if isinstance(nav, dict):
        return {label(str(key)): _worded(value, words) for key, value in nav.items()}
    return nav


def _named_pages(nav: list[Any]) -> set[str]:
    found: set[str] = set()
    for item in nav:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                found |= _named_pages(value) if isinstance(value, list) else {str(value)}
    return found


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # A label filled from the data (see _worded) is escaped Markup. The theme prints a page's
    # nav title through `striptags` in <title>, which would unescape it; a title in the page's
    # meta is printed as it is. So the filled label goes there too, escaped once everywhere.
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
