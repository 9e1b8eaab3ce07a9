"""The work summary (工作总结) as a Word document in the official layout (GB/T 9704-2012).

The same page, fonts and styles as the case compilation (``docx_writer``): the title in
小标宋 2号, the body in 仿宋 3号, 一、 headings in 黑体, （一） headings in 楷体, and each
numbered item's opening in bold. One section, numbered from 1; the bureau and the date
close it at the right, four characters in.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument

from ..stamps import repack_zip
from ..views.summary_document import DocSection, SummaryDocument
from .docx_writer import (
    INDENT,
    LINE,
    define_styles,
    lay_out,
    mark_pages,
    number_pages,
    set_properties,
    set_settings,
    write_paragraphs,
)

SIGNATURE_INDENT = INDENT * 2
"""The signature and date stand four characters in from the right margin."""


def write_summary_docx(doc: SummaryDocument, path: Path, stamp: dt.datetime) -> None:
    """Write the summary at ``path``; ``stamp`` (the data commit's time) dates it, so the bytes repeat."""
    document = Document()
    define_styles(document)
    set_settings(document)
    set_properties(document, doc.title, "", doc.bureau, stamp)
    section = document.sections[0]
    lay_out(section)
    document.add_paragraph(doc.title, style="Document Title")
    write_paragraphs(document, list(doc.opening))
    for part in doc.parts:
        document.add_paragraph(part.heading, style="Heading 2")
        write_paragraphs(document, list(part.paragraphs))
        for chapter in part.sections:
            _write_section(document, chapter)
    for index, line in enumerate((doc.bureau, doc.date_line)):
        paragraph = document.add_paragraph(line, style="Signature")
        paragraph.paragraph_format.right_indent = SIGNATURE_INDENT
        if index == 0:
            paragraph.paragraph_format.space_before = LINE  # one blank line after the text
    number_pages(section)
    if doc.mark:
        mark_pages(section, doc.mark)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(repack_zip(buffer.getvalue(), stamp))


def _write_section(document: DocxDocument, chapter: DocSection) -> None:
    document.add_paragraph(chapter.heading, style="Heading 3")
    write_paragraphs(document, list(chapter.paragraphs))
    for item in chapter.items:
        paragraph = document.add_paragraph()
        paragraph.add_run(item.lead).bold = True
        paragraph.add_run(item.text)
    write_paragraphs(document, list(chapter.closing))
