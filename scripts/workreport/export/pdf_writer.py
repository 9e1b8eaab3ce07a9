"""The case compilation and the work summary as PDFs in the official-document layout, through WeasyPrint.

The compilation's table of contents gives each entry's folio (the body's own page number,
which starts at 1 on the first case): the document is laid out once to find on which page
each case starts, then again with those numbers written in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..render.environment import make_environment
from ..views.compilation import SECTION_TITLES, Compilation
from ..views.summary_document import SummaryDocument
from . import ExportError
from .fonts import Choice, choose_fonts, css_family


def _fonts() -> dict[str, Markup]:
    # The stacks are ours, not data: CSS, to go into <style> unescaped.
    return {key: Markup(css_family(key)) for key in ("title", "body", "kai", "hei", "song")}


class Photos:
    """The photos a document shows, by names that do not depend on where the project sits.

    WeasyPrint names each image in the PDF after its URL: with ``file:`` URLs the same data
    checked out in another folder gave other bytes. Here a photo is ``wr-photo:<n>`` (its
    place in the document) and only those names are fetched: a document cannot load
    anything else, from the disk or the network.
    """

    SCHEME = "wr-photo"

    def __init__(self) -> None:
        self._paths: dict[str, Path] = {}
        self._names: dict[Path, str] = {}

    def src(self, path: Path) -> str:
        if path not in self._names:
            name = f"{self.SCHEME}:{len(self._names) + 1}"
            self._names[path], self._paths[name] = name, path
        return self._names[path]

    def fetcher(self) -> Any:
        urls = _weasyprint().urls
        paths = self._paths

        class Fetcher(urls.URLFetcher):  # type: ignore[misc,name-defined]
            def fetch(self, url: str, headers: object = None) -> Any:
                if url not in paths:
                    raise ValueError(f"not a photo of this document: {url}")
                return urls.URLFetcherResponse(url, paths[url].read_bytes())

        return Fetcher()


def render_html(doc: Compilation, folios: dict[str, str], photos: Photos | None = None) -> str:
    template = make_environment().get_template("export/compilation.html.j2")
    return template.render(doc=doc, folios=folios, fonts=_fonts(), sections=SECTION_TITLES, photos=photos or Photos())


def render_summary_html(doc: SummaryDocument) -> str:
    return make_environment().get_template("export/summary.html.j2").render(doc=doc, fonts=_fonts())


def body_folios(document: object, anchors: list[str]) -> dict[str, str]:
    """Each anchor's folio: its first page, counted from the first page of the body."""
    first_page: dict[str, int] = {}
    for index, page in enumerate(document.pages):  # type: ignore[attr-defined]
        for anchor in page.anchors:
            first_page.setdefault(anchor, index)
    if not anchors or anchors[0] not in first_page:
        return {}
    start = first_page[anchors[0]]
    return {a: str(first_page[a] - start + 1) for a in anchors if a in first_page}


def _weasyprint() -> Any:
    try:
        import weasyprint  # imported here: the site and the other exports do not need it
    except (ImportError, OSError) as error:  # OSError: Pango, which WeasyPrint loads, is missing
        raise ExportError(
            f"无法生成 PDF：WeasyPrint 或它需要的 Pango 库不可用（{error}）。"
            "Debian/Ubuntu 请安装 libpango-1.0-0 和 libpangoft2-1.0-0；DOCX 和 XLSX 仍可导出（--format docx xlsx）"
        ) from None
    return weasyprint


def _stamped(document: Any, title: str, author: str, stamp: dt.datetime) -> Any:
    document.metadata.title = title
    document.metadata.authors = [author]
    document.metadata.created = document.metadata.modified = stamp.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return document


def write_summary_pdf(doc: SummaryDocument, path: Path, stamp: dt.datetime) -> dict[str, Choice]:
    """Write the work summary; returns the face each role got."""
    HTML = _weasyprint().HTML
    choices = choose_fonts()
    _stamped(HTML(string=render_summary_html(doc)).render(), doc.title, doc.bureau, stamp).write_pdf(path)
    return choices


def write_pdf(doc: Compilation, path: Path, stamp: dt.datetime) -> dict[str, Choice]:
    """Write the PDF; returns the face each role got, for the exporter to report.

    ``stamp`` (the data commit's time) is the document's creation date.
    """
    HTML = _weasyprint().HTML
    choices = choose_fonts()
    anchors = [anchor for anchor, _ in doc.contents()]
    photos = Photos()
    # Placeholders as wide as real folios, so the second layout breaks pages the same way.
    draft = HTML(string=render_html(doc, dict.fromkeys(anchors, "00"), photos), url_fetcher=photos.fetcher()).render()
    folios = body_folios(draft, anchors)
    final = HTML(string=render_html(doc, folios, photos), url_fetcher=photos.fetcher()).render()
    _stamped(final, doc.title, doc.bureau, stamp).write_pdf(path)
    return choices
