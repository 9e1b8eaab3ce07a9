"""One month's review (月度复盘) as a Word document for a meeting, in the official layout.

Rendered from the office's template ``review.docx`` (``docx_template``), laid out like the
work summary: the title in 小标宋 2号, the body in 仿宋 3号, 一、 headings in 黑体, （一）
headings in 楷体, the bureau and the date at the end.
The page's tables are bordered tables in 4号 with a bold 黑体 header row that repeats on a
new page; figures are centred, text is set left.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu, Length, Pt
from docx.text.paragraph import Paragraph

from ..textwidth import width_in_ems
from ..views.review_document import DocTable, ReviewDocument, ReviewSection
from .docx_template import Properties, render_official, text_width
from .docx_writer import (
    HEADING_2,
    HEADING_3,
    TABLE_HEADING,
    TABLE_TEXT,
    add_row,
    bordered_table,
    fill_cell,
    mark_row,
    set_widths,
    write_paragraphs,
)

CELL_PADDING = Pt(14)
"""What a column needs beyond its text: the grid's cell margins and a little air."""
WIDEST_OTHER_COLUMN = 0.3
"""No column but the first (the record's name) takes more than this share of the line."""
NARROWEST_FIRST_COLUMN = 0.25
"""The first column keeps at least this share; the others are narrowed (and wrap) to leave it."""
SPACE_AFTER_TABLE = Pt(8)
DEFAULT_TABLE_SIZE = Pt(14)
"""4号: the table text's size when the template's style does not say."""


def write_review_docx(doc: ReviewDocument, path: Path, stamp: dt.datetime) -> None:
    """Write the month's review at ``path``; ``stamp`` (the data commit's time) dates it, so the bytes repeat."""
    fields = {"title": doc.title, "bureau": doc.bureau, "date_line": doc.date_line, "mark": doc.mark}
    render_official("review", fields, {"body": lambda document: _write_body(document, doc)}, path,
                    Properties(doc.title, doc.bureau, stamp))


def _write_body(document: DocxDocument, doc: ReviewDocument) -> None:
    for part in doc.parts:
        _space_after_table(document.add_paragraph(part.heading, style=HEADING_2))
        write_paragraphs(document, list(part.paragraphs))
        for chapter in part.sections:
            _write_section(document, chapter)


def _write_section(document: DocxDocument, chapter: ReviewSection) -> None:
    _space_after_table(document.add_paragraph(chapter.heading, style=HEADING_3))
    write_paragraphs(document, list(chapter.paragraphs))
    if chapter.table is not None:
        _write_table(document, chapter.table)


def _space_after_table(paragraph: Paragraph) -> None:
    """A heading that follows a table stands a little below its bottom border."""
    previous = paragraph._p.getprevious()
    if previous is not None and previous.tag == qn("w:tbl"):
        paragraph.paragraph_format.space_before = SPACE_AFTER_TABLE


def _write_table(document: DocxDocument, data: DocTable) -> None:
    """A bordered table across the text block; its header row repeats on every page it runs onto."""
    size = document.styles[TABLE_TEXT].font.size or DEFAULT_TABLE_SIZE
    columns = table_columns(data, text_width(document), size)
    table = bordered_table(document, len(columns))
    for cell, column in zip(table.rows[0].cells, columns):
        paragraph = fill_cell(cell, column.header[0], TABLE_HEADING, WD_ALIGN_PARAGRAPH.CENTER)
        for line in column.header[1:]:
            run = paragraph.add_run()
            run.add_break()
            run.add_text(line)
    mark_row(table.rows[0], header=True)
    aligns = [WD_ALIGN_PARAGRAPH.CENTER if numeric else WD_ALIGN_PARAGRAPH.LEFT for numeric in data.numeric]
    for values in data.rows:
        row = add_row(table)
        for cell, text, align in zip(row.cells, values, aligns):
            fill_cell(cell, text, TABLE_TEXT, align)
        mark_row(row, header=False)
    set_widths(table, [column.width for column in columns])


@dataclass(frozen=True)
class Column:
    width: Emu
    header: tuple[str, ...]
    """The header's lines: one, or its pieces when the column's entries are narrower than the whole header."""


HEADER_BREAK = re.compile(r"(?=（)|(?<=/) ")
"""Where a header may break: before an opening bracket, and after a slash."""


def table_columns(data: DocTable, text_width: Length, size: Length) -> list[Column]:
    """Every column but the first as wide as its widest entry (within limits), the first takes the rest.

    A header wider than its column's entries breaks into lines (“提升” over “（百分点）”), so
    that the record names in the first column keep the room.
    """
    total = int(text_width)
    widest = int(total * WIDEST_OTHER_COLUMN)
    headers: list[tuple[str, ...]] = [(data.header[0],)]
    wanted: list[int] = []
    for header, *entries in list(zip(data.header, *data.rows))[1:]:
        entry_ems = max(map(width_in_ems, entries), default=0.0)
        lines = (header,) if width_in_ems(header) <= entry_ems else tuple(p for p in HEADER_BREAK.split(header) if p)
        headers.append(lines)
        ems = max(entry_ems, *map(width_in_ems, lines))
        wanted.append(min(int(ems * size + CELL_PADDING), widest))
    room, asked = total - int(total * NARROWEST_FIRST_COLUMN), sum(wanted)
    if asked > room:
        wanted = [w * room // asked for w in wanted]
    widths = [total - sum(wanted), *wanted]
    return [Column(Emu(width), lines) for width, lines in zip(widths, headers)]
