"""The case compilation as a PDF in the official-document layout, through WeasyPrint.

The table of contents gives each entry's folio (the body's own page number, which starts
at 1 on the first case): the document is laid out once to find on which page each case
starts, then again with those numbers written in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from markupsafe import Markup

from ..render.environment import make_environment
from ..views.compilation import SECTION_TITLES, Compilation
from . import ExportError
from .fonts import Choice, choose_fonts, css_family


def render_html(doc: Compilation, folios: dict[str, str]) -> str:
    # The stacks are ours, not data: CSS, to go into <style> unescaped.
    fonts = {key: Markup(css_family(key)) for key in ("title", "body", "kai", "hei", "song")}
    template = make_environment().get_template("export/compilation.html.j2")
    return template.render(doc=doc, folios=folios, fonts=fonts, sections=SECTION_TITLES)


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


def write_pdf(doc: Compilation, path: Path, stamp: dt.datetime) -> dict[str, Choice]:
    """Write the PDF; returns the face each role got, for the exporter to report.

    ``stamp`` (the data commit's time) is the document's creation date.
    """
    try:
        from weasyprint import HTML  # imported here: the site and the other exports do not need it
    except (ImportError, OSError) as error:  # OSError: Pango, which WeasyPrint loads, is missing
        raise ExportError(
            f"无法生成 PDF：WeasyPrint 或它需要的 Pango 库不可用（{error}）。"
            "Debian/Ubuntu 请安装 libpango-1.0-0 和 libpangoft2-1.0-0；DOCX 和 XLSX 仍可导出（--format docx xlsx）"
        ) from None

    choices = choose_fonts()
    anchors = [anchor for anchor, _ in doc.contents()]
    # Placeholders as wide as real folios, so the second layout breaks pages the same way.
    draft = HTML(string=render_html(doc, dict.fromkeys(anchors, "00"))).render()
    folios = body_folios(draft, anchors)
    final = HTML(string=render_html(doc, folios)).render()
    final.metadata.title = doc.title
    final.metadata.authors = [doc.bureau]
    final.metadata.created = final.metadata.modified = stamp.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    final.write_pdf(path)
    return choices
