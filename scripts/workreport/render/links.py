"""Where each record's page lives in the site, and relative links between pages."""

from __future__ import annotations

import posixpath

from markupsafe import Markup

from ..model import KINDS

# Kinds that get one page per record, and the folder of those pages under docs/ (from the
# register); the lines of work, which live in the report configuration, have pages too.
PAGE_KINDS = {kind.key: kind.page for kind in KINDS if kind.page} | {"categories": "categories"}
# Kinds shown as anchored entries on one list page.
ANCHOR_PAGES = {kind.key: kind.anchor_page for kind in KINDS if kind.anchor_page}
INDEX_PAGES = {kind.key: kind.index_page for kind in KINDS if kind.index_page} | {"categories": "analysis/categories.md"}


def record_uri(kind: str, record_id: str) -> str:
    """The docs-relative source path of a record's page (with an anchor for list entries)."""
    if kind in PAGE_KINDS:
        return f"{PAGE_KINDS[kind]}/{record_id}.md"
    return f"{ANCHOR_PAGES[kind]}#{record_id}"


def page_url(uri: str, directory_urls: bool = True) -> str:
    """The URL path a docs file is served at: ``tasks/T-1/`` with MkDocs' ``use_directory_urls``
    (the default), ``tasks/T-1.html`` without it (the offline bundle opened from file://)."""
    if not uri.endswith(".md"):
        return uri
    stem = uri[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


class Linker:
    """Makes links relative to the page being rendered.

    Markdown links name the source file (``../tasks/T-1.md``) and MkDocs rewrites and checks
    them. Links inside raw HTML, such as the charts' SVG, are not rewritten, so ``url()``
    gives those the final relative URL.

    Links are Markup: they are made from validated ASCII ids and folder names, never from
    data text, and must reach the Markdown as they are.
    """

    def __init__(self, page_uri: str, directory_urls: bool = True):
        self.page_uri = page_uri
        self.base = posixpath.dirname(page_uri)
        self.directory_urls = directory_urls

    def to(self, uri: str) -> Markup:
        path, _, anchor = uri.partition("#")
        relative = posixpath.relpath(path, self.base or ".")
        return Markup(f"{relative}#{anchor}" if anchor else relative)

    def record(self, kind: str, record_id: str) -> Markup:
        return self.to(record_uri(kind, record_id))

    def index(self, kind: str) -> Markup:
        return self.to(INDEX_PAGES[kind])

    def url(self, uri: str) -> Markup:
        path, _, anchor = uri.partition("#")
        here = page_url(self.page_uri, self.directory_urls)
        target = page_url(path, self.directory_urls)
        # A directory URL is its own folder; a file's folder is where it lies.
        here_dir = here.rstrip("/") if here.endswith("/") or not here else posixpath.dirname(here)
        if target.endswith("/") or not target:
            relative = posixpath.relpath(target.rstrip("/") or ".", here_dir or ".")
            relative = "./" if relative == "." else relative + "/"
        else:
            relative = posixpath.relpath(target, here_dir or ".")
        return Markup(f"{relative}#{anchor}" if anchor else relative)

    def record_url(self, kind: str, record_id: str) -> Markup:
        return self.url(record_uri(kind, record_id))
