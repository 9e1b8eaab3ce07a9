"""Markdown for the site: the fragments the macros put into docs/ pages, and one page per record.

Each template lays out one view (``workreport.views``): the view is built from the Site
(the edition's data and its analysis) and the template sees only the view, the links and the
chart helper. Nothing here knows about MkDocs, and nothing here loads data.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..audience import Audience, Edition
from ..dataset import Dataset
from ..model import KIND_BY_KEY, KINDS, ReportConfig
from ..plain import html_text
from ..views.catalog import FRAGMENT_VIEWS, PAGE_VIEWS
from ..views.context import Site
from ..views.generic import record_list, record_page
from .environment import make_environment
from .links import PAGE_KINDS, Linker, record_uri
from .memo import RenderMemo
from .visuals import Visuals

if TYPE_CHECKING:
    from ..history import History


class SiteRenderer:
    """Renders every fragment and page of the site from one edition of the data."""

    def __init__(
        self, edition: Edition, *, directory_urls: bool = True, history: History | None = None, downloads: bool = False,
        memo: RenderMemo | None = None,
    ):
        self.site = Site(edition, history, downloads=downloads)
        self.directory_urls = directory_urls
        self.env = make_environment()
        self.memo = memo
        """The last preview build's outputs (``render.memo``): a view equal to its last one is not drawn again."""

    @property
    def edition(self) -> Edition:
        return self.site.edition

    @property
    def audience(self) -> Audience:
        return self.site.audience

    @property
    def data(self) -> Dataset:
        return self.site.data

    @property
    def report(self) -> ReportConfig:
        return self.site.report

    def render_view(self, template: str, page_uri: str, view: Any) -> str:
        """A template that lays out one view: it sees the view, the links and the charts, nothing else."""
        key = (template, page_uri, self.directory_urls)
        if self.memo is not None and (known := self.memo.recall(key, view)) is not None:
            return known
        link = Linker(page_uri, self.directory_urls)
        output = self.env.get_template(template).render(view=view, link=link, chart=Visuals(link))
        if self.memo is not None:
            self.memo.keep(key, view, output)
        return output

    def fragment(self, name: str, page_uri: str) -> str:
        """A fragment for a docs/ page, from ``templates/fragments/<name>.md.j2``."""
        return self.render_view(f"fragments/{name}.md.j2", page_uri, FRAGMENT_VIEWS[name](self.site))

    def photo_files(self) -> list[str]:
        """The photos the pages show, as paths relative to data/ (``photos/…``)."""
        files = {p.file for kind in KINDS if kind.photos for r in self.data.of(kind.key) for p in r.photos}
        return sorted(files)

    def page_view(self, kind: str, record: Any) -> Any:
        """A record's page view: the kind's own, or the generic one made from its model."""
        builder = PAGE_VIEWS.get(kind)
        return builder(self.site, record) if builder else record_page(self.site, KIND_BY_KEY[kind], record)

    def pages(self) -> Iterator[tuple[str, str]]:
        """``(docs-relative path, Markdown)`` for every record that has a page of its own."""
        for kind in PAGE_KINDS:
            records = self.data.categories if kind == "categories" else self.data.of(kind)
            for record in records:
                uri = record_uri(kind, record.id)
                title = KIND_BY_KEY[kind].name_of(record) if kind in KIND_BY_KEY else record.name
                body = self.render_view(f"pages/{kind}.md.j2", uri, self.page_view(kind, record))
                yield uri, front_matter(title) + body

    def listed_kinds(self) -> list[tuple[str, str]]:
        """``(list page, title)`` of the kinds whose list page is generated (see ``list_pages``)."""
        return [
            (kind.index_page, kind.list_title or kind.label)
            for kind in KINDS
            if kind.index_page and f"lists/{kind.key}.md.j2" in self.env.list_templates()
        ]

    def list_pages(self, existing: set[str]) -> Iterator[tuple[str, str]]:
        """``(docs-relative path, Markdown)`` of the list page of each kind that has a list template
        (``lists/<kind>.md.j2``) and no page of the office's in docs/ (``existing``) for it."""
        for kind in KINDS:
            uri = kind.index_page
            template = f"lists/{kind.key}.md.j2"
            if uri is None or uri in existing or template not in self.env.list_templates():
                continue
            body = self.render_view(template, uri, record_list(self.site, kind))
            yield uri, front_matter(kind.list_title or kind.label) + body


    def generated_pages(self, office: set[str]) -> Iterator[tuple[str, str]]:
        """Every page the site adds to the office's (``office``: the paths under docs/), whichever way it
        reaches the engine (the hooks, or a staged build): a page per record, then the generated list pages."""
        yield from self.pages()
        yield from self.list_pages(office)


def front_matter(title: str) -> str:
    """The page's YAML front matter: its title, and no macros.

    The theme prints a page's title unescaped (header, ``<title>``) and the search shows it
    as HTML, so the title is HTML-escaped here, once. JSON strings are valid YAML scalars,
    so any title survives quoting. Generated pages are final Markdown: the macros plugin
    must not read data text as Jinja.
    """
    escaped = json.dumps(str(html_text(title)), ensure_ascii=False)
    return f"---\ntitle: {escaped}\nrender_macros: false\n---\n\n"
