"""The case compilation and the work summary as PDFs in the official-document layout, through WeasyPrint.

The compilation's table of contents gives each entry's folio (the body's own page number,
which starts at 1 on the first case): the document is laid out once to find on which page
each case starts, then again with those numbers written in.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..render.environment import make_environment
from ..views.compilation import SECTION_TITLES, Compilation
from ..views.summary_document import SummaryDocument
from . import ExportError
from .fonts import Choice, check_glyphs, choose_fonts, css_family


@dataclass(frozen=True)
class Grid:
    """GB/T 9704's character grid for WeasyPrint: 28 characters of 3号 in the 156 mm line.

    A character takes 156 mm / 28 = 15.793 pt, so 16 pt faces are set 0.207 pt closer. Pango
    rounds letter spacing to 1/1024 pt towards zero: a little more is taken off, or the 28th
    character would not fit.
    """

    line_mm: float = 156
    characters: int = 28
    size_pt: float = 16
    rounding_pt: float = 0.008
    folio_padding: float = 3.76
    """mm from the text block's lower edge to the top of the folio's 14 pt line (line-height 1):
    puts the dash of “— 1 —”, which sits about 0.38 em above the baseline, 7 mm under the block
    (measured by tests/test_official_layout.py)."""

    @property
    def cell_pt(self) -> float:
        return self.line_mm / 25.4 * 72 / self.characters

    @property
    def cell(self) -> str:
        return f"{self.cell_pt:.3f}"

    @property
    def spacing(self) -> str:
        return f"{self.cell_pt - self.size_pt - self.rounding_pt:.4f}"

    @property
    def indent(self) -> str:
        """Two characters."""
        return f"{2 * self.cell_pt:.3f}"


GRID = Grid()


def _fonts() -> dict[str, Markup]:
    # The stacks are ours, not data: CSS, to go into <style> unescaped.
    stacks = {key: Markup(css_family(key)) for key in ("title", "body", "kai", "hei", "song")}
    # Bold 仿宋 exists only as the official face made bold by the reader; a free FangSong stays regular.
    stacks["strong"] = stacks["body"] if choose_fonts()["body"].is_official else stacks["hei"]
    return stacks


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
    return template.render(doc=doc, folios=folios, fonts=_fonts(), grid=GRID, sections=SECTION_TITLES, photos=photos or Photos())


def render_summary_html(doc: SummaryDocument) -> str:
    return make_environment().get_template("export/summary.html.j2").render(doc=doc, fonts=_fonts(), grid=GRID)


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


def _write(document: Any, path: Path, title: str, author: str, stamp: dt.datetime) -> None:
    """The PDF with its metadata dated ``stamp`` and tagged (PDF/UA structure: headings, paragraphs,
    lists, figures with their alternative text), so screen readers and reflowing readers follow it."""
    document.metadata.title = title
    document.metadata.authors = [author]
    document.metadata.created = document.metadata.modified = stamp.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    document.write_pdf(path, pdf_tags=True)


def _fonts_for(html: str) -> dict[str, Choice]:
    """The face of each role, with the characters of the document the body face cannot draw."""
    return check_glyphs(choose_fonts(), {"body": visible_text(html)})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("style", "title", "head")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "title", "head")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The text a document shows (its body, not its style sheet)."""
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def write_summary_pdf(doc: SummaryDocument, path: Path, stamp: dt.datetime) -> dict[str, Choice]:
    """Write the work summary; returns the face each role got."""
    HTML = _weasyprint().HTML
    html = render_summary_html(doc)
    _write(HTML(string=html).render(), path, doc.title, doc.bureau, stamp)
    return _fonts_for(html)


_FOLIOS: dict[int, tuple[weakref.ref[Compilation], dict[str, str]]] = {}
"""Each compilation's folios, laid out once for both the PDF and the DOCX's contents."""


def compilation_folios(doc: Compilation) -> dict[str, str]:
    """The folio each chapter starts on (``body_folios``), from a layout of the PDF.

    The PDF's contents use them, and so does the DOCX's, as the page numbers shown before a
    word processor recalculates its fields (WPS and LibreOffice show them as they are). The
    two formats share the page, the grid and the fonts, so the numbers agree. Empty when
    WeasyPrint cannot run.
    """
    cached = _FOLIOS.get(id(doc))
    if cached is not None and cached[0]() is doc:
        return cached[1]
    try:
        HTML = _weasyprint().HTML
    except ExportError:
        return {}
    anchors = [anchor for anchor, _ in doc.contents()]
    photos = Photos()
    # Placeholders as wide as real folios, so the final layout breaks pages the same way.
    draft = HTML(string=render_html(doc, dict.fromkeys(anchors, "00"), photos), url_fetcher=photos.fetcher()).render()
    folios = body_folios(draft, anchors)
    _FOLIOS[id(doc)] = (weakref.ref(doc, lambda _: _FOLIOS.pop(id(doc), None)), folios)
    return folios


def write_pdf(doc: Compilation, path: Path, stamp: dt.datetime) -> dict[str, Choice]:
    """Write the PDF; returns the face each role got, for the exporter to report.

    ``stamp`` (the data commit's time) is the document's creation date.
    """
    HTML = _weasyprint().HTML
    photos = Photos()
    html = render_html(doc, compilation_folios(doc), photos)
    _write(HTML(string=html, url_fetcher=photos.fetcher()).render(), path, doc.title, doc.bureau, stamp)
    return _fonts_for(html)
