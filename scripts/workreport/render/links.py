"""Where each record's page lives in the site, and relative links between pages."""

from __future__ import annotations

import posixpath

# Kinds that get one page per record, and the folder of those pages under docs/.
PAGE_KINDS = {
    "tasks": "tasks",
    "indicators": "indicators",
    "projects": "projects",
    "cases": "cases",
    "units": "units",
}
# Kinds shown as anchored entries on one list page.
ANCHOR_PAGES = {
    "highlights": "highlights.md",
    "honors": "honors.md",
    "leaders": "units/index.md",
    "bottom_lines": "bottom-lines.md",
}
INDEX_PAGES = {kind: f"{folder}/index.md" for kind, folder in PAGE_KINDS.items()} | ANCHOR_PAGES
PHOTO_DIR = "photos"


def record_uri(kind: str, record_id: str) -> str:
    """The docs-relative source path of a record's page (with an anchor for list entries)."""
    if kind in PAGE_KINDS:
        return f"{PAGE_KINDS[kind]}/{record_id}.md"
    return f"{ANCHOR_PAGES[kind]}#{record_id}"


class Linker:
    """Makes links relative to the page being rendered, as MkDocs expects in Markdown."""

    def __init__(self, page_uri: str):
        self.base = posixpath.dirname(page_uri)

    def to(self, uri: str) -> str:
        path, _, anchor = uri.partition("#")
        relative = posixpath.relpath(path, self.base or ".")
        return f"{relative}#{anchor}" if anchor else relative

    def record(self, kind: str, record_id: str) -> str:
        return self.to(record_uri(kind, record_id))

    def index(self, kind: str) -> str:
        return self.to(INDEX_PAGES[kind])

    def photo(self, file: str) -> str:
        # Photo paths in the data are relative to data/ and start with photos/.
        return self.to(file)
