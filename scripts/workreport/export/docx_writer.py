"""The case compilation (典型案例汇编) as a Word document, from the office's template.

The template (``render/templates/export/compilation.docx``, see ``docx_template``) holds the
page, the styles, the cover, the header with the audience's mark and the page numbers; its
three sections give the cover and the contents no page number and number the body from 1.
This module writes the two parts the template leaves open: the contents, already filled in
with the PDF's page numbers, and the body, one case per chapter. It also holds the helpers
the summary and the review share: paragraphs, bordered tables, fields.

Paragraphs name their style only (by the template's names), so a restyled template restyles them.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu, Length, Mm
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from ..formatting import cn_number
from ..views.compilation import SECTION_TITLES, CaseEntry, Compilation, HighlightEntry, PhotoEntry
from .docx_template import Properties, render_official, text_width
from .pdf_writer import compilation_folios

PHOTO_WIDTH, PHOTO_HEIGHT = Mm(130), Mm(95)
"""Largest picture box: landscape photos get 13 cm, portrait ones are held to a sane height."""
CENTER, LEFT_ALIGN = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT

# Style names, as the template names them (Word shows its built-in ones, Heading 1…, in Chinese).
CHAPTER = "Heading 1"
HEADING_2, HEADING_3 = "Heading 2", "Heading 3"
CONTENTS_LINE = "toc 1"
BYLINE, ABSTRACT, SOURCE_LINE = "署名", "摘要", "来源"
TABLE_HEADING, TABLE_TEXT = "表头", "表格文字"
FIGURE, CAPTION = "图片", "Caption"

IDEOGRAPHIC_SPACE = "　"
"""The full-width space between 图1 and its caption, and between a unit and a date."""
TOC_INSTRUCTION = 'TOC \\o "1-1" \\h \\z \\u'
"""Level-1 headings only, as hyperlinks, no page numbers in web view, outline levels honoured."""
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True)
class Chapter:
    """One line of the table of contents and the heading it links to."""

    line: str
    """“一、title”, from Compilation.contents()."""
    index: int
    folio: str = ""
    """The page it starts on, as laid out for the PDF (``pdf_writer.compilation_folios``)."""

    @property
    def bookmark(self) -> str:
        """Named like Word's own heading bookmarks: hidden (leading underscore), at most 40 characters."""
        return f"_Toc{self.index:09d}"


def write_docx(compilation: Compilation, path: Path, stamp: dt.datetime) -> None:
    """Write the compilation as a DOCX at ``path``: cover, table of contents, one case per chapter.

    ``stamp`` (the data commit's time) dates the document and its zip entries, so the same
    data always gives the same bytes.
    """
    folios = compilation_folios(compilation)
    chapters = [Chapter(line, index, folios.get(anchor, "")) for index, (anchor, line) in enumerate(compilation.contents(), 1)]
    fields = {
        "title": compilation.title, "subtitle": compilation.subtitle, "bureau": compilation.bureau,
        "date_line": compilation.date_line, "mark": compilation.mark,
    }
    parts = {
        "contents": lambda document: _write_contents(document, chapters),
        "body": lambda document: _write_body(document, compilation, chapters),
    }
    properties = Properties(compilation.title, compilation.bureau, stamp, compilation.subtitle or "")
    # Fields are refreshed on opening: Word then lays the contents' page numbers out itself.
    render_official("compilation", fields, parts, path, properties, update_fields=True)


def _append_field(parent: BaseOxmlElement, instruction: str, result: str) -> None:
    """A complex field (begin, instruction, separate, result, end): Word recalculates it; ``result`` shows until then."""
    parent.extend(_field_start(instruction))
    if result:
        shown = OxmlElement("w:r")
        shown_text = OxmlElement("w:t")
        shown_text.text = result
        shown.append(shown_text)
        parent.append(shown)
    parent.append(_field_char("end"))


def _field_start(instruction: str, *, dirty: bool = False) -> list[BaseOxmlElement]:
    """Begin, instruction and separator runs; a dirty field is recalculated by Word when it opens the file."""
    begin = _field_char("begin")
    if dirty:
        begin[0].set(qn("w:dirty"), "true")
    code = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(XML_SPACE, "preserve")
    text.text = f" {instruction} "
    code.append(text)
    return [begin, code, _field_char("separate")]


def _field_char(kind: str) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    return run


# Cover and contents


def _write_contents(document: DocxDocument, chapters: list[Chapter]) -> None:
    """A TOC field whose cached result already lists the entries, each linked to its heading.

    The page numbers are PAGEREF fields whose shown result is the chapter's folio in the PDF
    (same page, grid and fonts): WPS and LibreOffice show it as it is, and Word recalculates
    it when it updates fields on opening.
    """
    paragraphs = [document.add_paragraph(style=CONTENTS_LINE) for _ in chapters] or [document.add_paragraph(style=CONTENTS_LINE)]
    paragraphs[0]._p.extend(_field_start(TOC_INSTRUCTION, dirty=True))
    for paragraph, chapter in zip(paragraphs, chapters):
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), chapter.bookmark)
        link.set(qn("w:history"), "1")
        paragraph._p.append(link)
        link.append(paragraph.add_run(chapter.line)._r)
        link.append(paragraph.add_run("\t")._r)
        _append_field(link, f"PAGEREF {chapter.bookmark} \\h", chapter.folio)
    paragraphs[-1]._p.append(_field_char("end"))


# Body


def _write_body(document: DocxDocument, compilation: Compilation, chapters: list[Chapter]) -> None:
    for case, chapter in zip(compilation.cases, chapters):
        _write_case(document, case, chapter)
    if compilation.highlights:
        _write_highlights(document, compilation.highlights, chapters[-1])


def _write_heading(document: DocxDocument, chapter: Chapter) -> None:
    """A chapter heading (new page) with the bookmark its TOC line links to.

    It shows the TOC line itself (一、…), so the contents read the same after Word rebuilds them.
    """
    paragraph = document.add_paragraph(chapter.line, style=CHAPTER)
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(chapter.index))
    start.set(qn("w:name"), chapter.bookmark)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(chapter.index))
    paragraph._p.insert(1, start)  # after w:pPr, around the runs
    paragraph._p.append(end)


def _write_case(document: DocxDocument, case: CaseEntry, chapter: Chapter) -> None:
    background, practices, results, lessons = SECTION_TITLES
    _write_heading(document, chapter)
    document.add_paragraph(case.unit, style=BYLINE)
    document.add_paragraph(f"【摘要】{case.summary}", style=ABSTRACT)
    _write_section(document, background, case.background)
    document.add_paragraph(practices, style=HEADING_2)
    for practice in case.practices:
        document.add_paragraph(practice.heading, style=HEADING_3)
        write_paragraphs(document, practice.paragraphs)
    _write_section(document, results, case.results)
    if case.figures:
        _write_figure_table(document, case.figures)
    _write_section(document, lessons, case.lessons)
    _write_photos(document, case.photos, 1)
    if case.honors:
        document.add_paragraph(f"支撑申报：{'、'.join(case.honors)}")


def _write_section(document: DocxDocument, title: str, paragraphs: list[str]) -> None:
    document.add_paragraph(title, style=HEADING_2)
    write_paragraphs(document, paragraphs)


def write_paragraphs(document: DocxDocument, paragraphs: list[str]) -> None:
    for text in paragraphs:
        document.add_paragraph(text)


def _write_figure_table(document: DocxDocument, figures: list[tuple[str, str]]) -> None:
    """Key figures as a bordered two-column table whose header row repeats on a new page."""
    table = bordered_table(document, 2)
    for cell, text in zip(table.rows[0].cells, ("关键数字", "数值")):
        fill_cell(cell, text, TABLE_HEADING, CENTER)
    mark_row(table.rows[0], header=True)
    for number, (label, value) in enumerate(figures, 1):
        row = add_row(table)
        fill_cell(row.cells[0], label, TABLE_TEXT, LEFT_ALIGN)
        fill_cell(row.cells[1], value, TABLE_TEXT, CENTER)
        mark_row(row, header=False)
        # Word keeps a table on one page when every row but the last keeps with the next.
        if number < len(figures):
            for cell in row.cells:
                cell.paragraphs[0].paragraph_format.keep_with_next = True
    width = text_width(document)
    set_widths(table, [Emu(int(width * 0.62)), Emu(int(width * 0.38))])


def bordered_table(document: DocxDocument, columns: int) -> Table:
    """A centred, gridded table of one (header) row, its column widths fixed by ``set_widths``."""
    table: Table = document.add_table(rows=1, cols=columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    return table


def add_row(table: Table) -> _Row:
    row: _Row = table.add_row()  # type: ignore[no-untyped-call]  # python-docx leaves it unannotated
    return row


def set_widths(table: Table, widths: Sequence[Length]) -> None:
    """Each column's width, on the column and on every cell (Word reads the one, LibreOffice the other)."""
    for column, width in zip(table.columns, widths):
        column.width = width
        for cell in column.cells:
            cell.width = width


def fill_cell(cell: _Cell, text: str, style: str, align: WD_ALIGN_PARAGRAPH) -> Paragraph:
    paragraph: Paragraph = cell.paragraphs[0]
    paragraph.style = style
    paragraph.alignment = align
    paragraph.add_run(text)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return paragraph


def mark_row(row: _Row, *, header: bool) -> None:
    """Rows never split across pages; the header row repeats at the top of each page."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def _picture(path: Path) -> str | io.BytesIO:
    """The photo as Word can take it: JPEG, PNG and GIF as they are, WebP converted to PNG."""
    if path.suffix.lower() in (".jpg", ".jpeg", ".png", ".gif"):
        return str(path)
    from PIL import Image

    converted = io.BytesIO()
    with Image.open(path) as image:
        image.save(converted, format="PNG")
    converted.seek(0)
    return converted


def _write_photos(document: DocxDocument, photos: list[PhotoEntry], first: int) -> int:
    """Each photo centred and kept with its caption “图N　…”; returns the next figure number."""
    number = first
    widest = Emu(min(PHOTO_WIDTH, text_width(document)))
    for photo in photos:
        picture = document.add_paragraph(style=FIGURE).add_run().add_picture(_picture(photo.path), width=widest)
        if picture.height > PHOTO_HEIGHT:
            picture.width = Emu(int(picture.width * PHOTO_HEIGHT / picture.height))
            picture.height = PHOTO_HEIGHT
        document.add_paragraph(f"图{number}{IDEOGRAPHIC_SPACE}{photo.caption}", style=CAPTION)
        number += 1
    return number


def _write_highlights(document: DocxDocument, highlights: list[HighlightEntry], chapter: Chapter) -> None:
    _write_heading(document, chapter)
    number = 1
    for index, highlight in enumerate(highlights, 1):
        document.add_paragraph(f"（{cn_number(index)}）{highlight.title}", style=HEADING_3)
        day = highlight.date
        document.add_paragraph(f"{highlight.unit}{IDEOGRAPHIC_SPACE}{day.year}年{day.month}月{day.day}日", style=SOURCE_LINE)
        write_paragraphs(document, highlight.summary)
        if highlight.figure:
            document.add_paragraph(f"关键数字：{highlight.figure}")
        if highlight.media:
            document.add_paragraph("媒体报道：")
            write_paragraphs(document, highlight.media)
        number = _write_photos(document, highlight.photos, number)

