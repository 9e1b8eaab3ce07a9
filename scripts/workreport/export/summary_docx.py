"""The work summary (工作总结) as a Word document in the official layout (GB/T 9704-2012).

The same page, fonts and styles as the case compilation (``docx_writer``): the title in
小标宋 2号, the body in 仿宋 3号, 一、 headings in 黑体, （一） headings in 楷体, and each
numbered item's opening in bold. One section, numbered from 1; the bureau and the date
close it at the right, four characters in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx.document import Document as DocxDocument

from ..views.summary_document import DocSection, SummaryDocument
from .docx_writer import mark_pages, number_pages, official_document, save, write_paragraphs, write_signature


def write_summary_docx(doc: SummaryDocument, path: Path, stamp: dt.datetime) -> None:
    """Write the summary at ``path``; ``stamp`` (the data commit's time) dates it, so the bytes repeat."""
    document, section = official_document(doc.title, "", doc.bureau, stamp)
    document.add_paragraph(doc.title, style="Document Title")
    write_paragraphs(document, list(doc.opening))
    for part in doc.parts:
        document.add_paragraph(part.heading, style="Heading 2")
        write_paragraphs(document, list(part.paragraphs))
        for chapter in part.sections:
            _write_section(document, chapter)
    write_signature(document, doc.bureau, doc.date_line)
    number_pages(section)
    if doc.mark:
        mark_pages(section, doc.mark)
    save(document, path, stamp)


def _write_section(document: DocxDocument, chapter: DocSection) -> None:
    document.add_paragraph(chapter.heading, style="Heading 3")
    write_paragraphs(document, list(chapter.paragraphs))
    for item in chapter.items:
        paragraph = document.add_paragraph()
        paragraph.add_run(item.lead).bold = True
        paragraph.add_run(item.text)
    write_paragraphs(document, list(chapter.closing))
