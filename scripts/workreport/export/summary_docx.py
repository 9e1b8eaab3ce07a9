"""The work summary (工作总结) as a Word document in the official layout (GB/T 9704-2012).

Rendered from the office's template ``summary.docx`` (``docx_template``): it holds the page,
the styles (title in 小标宋 2号, body in 仿宋 3号, 一、 headings in 黑体, （一） headings in
楷体), the page numbers and the signature. This module writes the body, each numbered
item's opening in bold.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx.document import Document as DocxDocument

from ..views.summary_document import DocSection, SummaryDocument
from .docx_template import Properties, render_official
from .docx_writer import HEADING_2, HEADING_3, write_paragraphs


def write_summary_docx(doc: SummaryDocument, path: Path, stamp: dt.datetime) -> None:
    """Write the summary at ``path``; ``stamp`` (the data commit's time) dates it, so the bytes repeat."""
    fields = {"title": doc.title, "bureau": doc.bureau, "date_line": doc.date_line, "mark": doc.mark}
    render_official("summary", fields, {"body": lambda document: _write_body(document, doc)}, path,
                    Properties(doc.title, doc.bureau, stamp))


def _write_body(document: DocxDocument, doc: SummaryDocument) -> None:
    write_paragraphs(document, list(doc.opening))
    for part in doc.parts:
        document.add_paragraph(part.heading, style=HEADING_2)
        write_paragraphs(document, list(part.paragraphs))
        for chapter in part.sections:
            _write_section(document, chapter)


def _write_section(document: DocxDocument, chapter: DocSection) -> None:
    document.add_paragraph(chapter.heading, style=HEADING_3)
    write_paragraphs(document, list(chapter.paragraphs))
    for item in chapter.items:
        paragraph = document.add_paragraph()
        paragraph.add_run(item.lead).bold = True
        paragraph.add_run(item.text)
    write_paragraphs(document, list(chapter.closing))
