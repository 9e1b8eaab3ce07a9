"""The case compilation (典型案例汇编) as a Word document laid out per GB/T 9704-2012.

The official fonts are licensed, so the document only names them and the reader's Word
resolves them. python-docx names Latin fonts only, and the default template gives its styles
theme fonts (which win over named ones) in blue bold: every style used here is rebuilt with
the East-Asian font named on ``w:rFonts``, so runs carry no font formatting of their own.

Three sections: the cover and the table of contents have empty footers; the body restarts
page numbering at 1, with the number at the right on odd pages and at the left on even ones.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section, _Footer
from docx.shared import Emu, Length, Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from ..formatting import cn_number
from ..plain import one_line
from ..stamps import repack_zip
from ..textwidth import width_in_ems
from ..views.compilation import SECTION_TITLES, CaseEntry, Compilation, HighlightEntry, PhotoEntry
from .pdf_writer import compilation_folios

# Fonts, by the names Word resolves (the GB/T 9704 fonts and Latin text's usual partner).
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
FANGSONG = "仿宋_GB2312"
SONGTI = "宋体"
LATIN = "Times New Roman"

# Sizes by their Chinese names: 2号 title, 3号 body, 4号 page numbers and small text.
ER_HAO, SAN_HAO, SI_HAO = Pt(22), Pt(16), Pt(14)
COVER_TITLE_SIZE, COVER_TITLE_LINE = Pt(26), Pt(40)
LINE = Pt(28.95)
"""Exact line pitch that puts 22 lines in the 225 mm text block."""
INDENT = Pt(32)
SIGNATURE_INDENT = INDENT * 2
"""The signature and date stand four characters in from the right margin."""
"""Two 3号 characters: first-line indent of body paragraphs and level-2/3 headings."""

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
TOP, BOTTOM, LEFT, RIGHT = Mm(37), Mm(35), Mm(28), Mm(26)
TEXT_WIDTH = Emu(PAGE_WIDTH - LEFT - RIGHT)
FOOTER_DISTANCE = Mm(23)
"""Page bottom to the footer's bottom edge: puts the page number's line about 7 mm below the text block."""
GRID_LINE_PITCH = "579"
"""28.95 pt in twips: what Word's page setup shows as the line pitch (22 lines)."""
TRACKING = Pt(-0.25)
"""Body characters drawn 0.25 pt closer (紧缩), so 28 of them fit the 156 mm line as GB/T 9704 counts.

Word's character grid (``linesAndChars`` with ``charSpace -849``) would do the same, but LibreOffice
gives each 16 pt character two cells of that grid, spacing the text out to 14 characters a line.
"""

COVER_TITLE_DROP = Mm(60)
"""Text block top to the cover title: puts the title about a third down the page."""
COVER_BUREAU_DROP = Mm(110)
"""Cover title top to the bureau's name."""

PHOTO_WIDTH, PHOTO_HEIGHT = Mm(130), Mm(95)
"""Largest picture box: landscape photos get 13 cm, portrait ones are held to a sane height."""


NO_SPACE = NO_INDENT = Pt(0)


@dataclass(frozen=True)
class Look:
    """How one paragraph style looks; everything a style does not say is reset to this."""

    east_asian: str
    size: Length = SAN_HAO
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY
    first_line: Length = INDENT
    """Negative: a hanging indent (wrapped TOC lines align after “一、”)."""
    line: Length | None = LINE
    """Exact line height; None means single spacing (needed by pictures, which exact spacing would crop)."""
    before: Length = NO_SPACE
    after: Length = NO_SPACE
    keep_with_next: bool = False
    page_break_before: bool = False
    bold: bool = False
    latin: str = LATIN
    tracking: Length | None = None
    """Space added after each character (negative: closer); styles based on Normal inherit its value."""


CENTER, LEFT_ALIGN = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT

# Template styles are rebuilt; the others are added. Heading 1 is what the table of contents collects.
LOOKS: dict[str, Look] = {
    "Normal": Look(FANGSONG, tracking=TRACKING),
    "Title": Look(XIAOBIAOSONG, COVER_TITLE_SIZE, CENTER, NO_INDENT, COVER_TITLE_LINE),
    "Subtitle": Look(KAITI, align=CENTER, first_line=NO_INDENT, before=LINE),
    "Cover Line": Look(FANGSONG, align=CENTER, first_line=NO_INDENT),
    "TOC Heading": Look(XIAOBIAOSONG, ER_HAO, CENTER, NO_INDENT, Pt(36), after=LINE),
    "toc 1": Look(FANGSONG, align=LEFT_ALIGN, first_line=Emu(-INDENT)),
    "Heading 1": Look(
        XIAOBIAOSONG, ER_HAO, CENTER, NO_INDENT, Pt(36), after=Pt(14),
        keep_with_next=True, page_break_before=True,
    ),
    "Byline": Look(KAITI, align=CENTER, first_line=NO_INDENT, keep_with_next=True),
    "Abstract": Look(KAITI),
    "Source Line": Look(KAITI, keep_with_next=True),
    "Heading 2": Look(HEITI, align=LEFT_ALIGN, keep_with_next=True),
    "Heading 3": Look(KAITI, keep_with_next=True),
    "Table Heading": Look(HEITI, SI_HAO, CENTER, NO_INDENT, Pt(22), keep_with_next=True, bold=True),
    "Table Text": Look(FANGSONG, SI_HAO, LEFT_ALIGN, NO_INDENT, Pt(22)),
    "Figure": Look(FANGSONG, align=CENTER, first_line=NO_INDENT, line=None, before=Pt(7), keep_with_next=True),
    "Caption": Look(KAITI, SI_HAO, CENTER, NO_INDENT),
    "Footer": Look(SONGTI, SI_HAO, first_line=NO_INDENT, line=None, latin=SONGTI),
    "Document Title": Look(XIAOBIAOSONG, ER_HAO, CENTER, NO_INDENT, Pt(36), after=LINE, keep_with_next=True),
    "Signature": Look(FANGSONG, align=WD_ALIGN_PARAGRAPH.RIGHT, first_line=NO_INDENT),
}
BUILT_IN = {"Caption", "toc 1"}
"""Styles Word knows by name: added without the custom-style mark, so a TOC update reuses them."""
STYLE_IDS = {"toc 1": "TOC1", "TOC Heading": "TOCHeading"}

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
    """Write the compilation as a DOCX at ``path``: cover, table of contents, one case per page run.

    ``stamp`` (the data commit's time) dates the document and its zip entries, so the same
    data always gives the same bytes.
    """
    document, _ = official_document(
        compilation.title, compilation.subtitle or "", compilation.bureau, stamp, update_fields=True,
    )
    folios = compilation_folios(compilation)
    chapters = [Chapter(line, index, folios.get(anchor, "")) for index, (anchor, line) in enumerate(compilation.contents(), 1)]

    _write_cover(document, compilation)
    cover = _new_section(document)
    _write_contents(document, chapters)
    contents = _new_section(document)
    _write_body(document, compilation, chapters)
    for section in (cover, contents):
        _blank_footers(section)
    number_pages(document.sections[-1])
    if compilation.mark:
        for section in document.sections:
            mark_pages(section, compilation.mark)
    save(document, path, stamp)


def official_document(
    title: str, subject: str, author: str, stamp: dt.datetime, *, update_fields: bool = False,
) -> tuple[DocxDocument, Section]:
    """A new document with the official styles, settings, properties and page; its first section."""
    document = Document()
    define_styles(document)
    set_settings(document, update_fields=update_fields)
    set_properties(document, title, subject, author, stamp)
    section = document.sections[0]
    lay_out(section)
    return document, section


def write_signature(document: DocxDocument, bureau: str, date_line: str) -> None:
    """The bureau and the date at the right, four characters in, one blank line below the text."""
    for index, line in enumerate((bureau, date_line)):
        paragraph = document.add_paragraph(line, style="Signature")
        paragraph.paragraph_format.right_indent = SIGNATURE_INDENT
        if index == 0:
            paragraph.paragraph_format.space_before = LINE


def save(document: DocxDocument, path: Path, stamp: dt.datetime) -> None:
    """Write ``document`` at ``path``, its zip entries dated ``stamp``: the same data, the same bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(repack_zip(buffer.getvalue(), stamp))


# Styles


def define_styles(document: DocxDocument) -> None:
    _set_defaults(document)
    styles = document.styles
    for name, look in LOOKS.items():
        if name not in styles:
            styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=name in BUILT_IN).quick_style = True
        style = styles[name]
        if name != "Normal":
            # Straight on Normal: the template's TOC Heading would otherwise inherit Heading 1's page break.
            style.base_style = styles["Normal"]
        if name in STYLE_IDS:
            style.style_id = STYLE_IDS[name]
        _restyle(style, look)
    _set_tab_to_margin(styles["toc 1"])


def _set_defaults(document: DocxDocument) -> None:
    """Document defaults with named fonts and Chinese language: what unstyled text (and Word's own additions) gets."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    name_fonts(run_defaults, FANGSONG, LATIN)
    for size in (run_defaults.find(qn("w:sz")), run_defaults.find(qn("w:szCs"))):
        if size is not None:
            size.set(qn("w:val"), str(int(SAN_HAO.pt * 2)))
    language = run_defaults.find(qn("w:lang"))
    if language is not None:
        language.set(qn("w:eastAsia"), "zh-CN")
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    if spacing is not None:
        spacing.set(qn("w:after"), "0")


def _restyle(style: ParagraphStyle, look: Look) -> None:
    """Rebuild a style from ``look``; the template's border, numbering, tabs, colours and bold go."""
    element = style.element
    element._remove_rPr()
    paragraph_properties = element.get_or_add_pPr()
    paragraph_properties.remove_all("w:pBdr", "w:numPr", "w:tabs", "w:contextualSpacing")
    form = style.paragraph_format
    form.alignment = look.align
    form.first_line_indent = look.first_line
    form.left_indent = -look.first_line if look.first_line < 0 else None
    form.space_before, form.space_after = look.before, look.after
    if look.line is None:
        form.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        form.line_spacing_rule, form.line_spacing = WD_LINE_SPACING.EXACTLY, look.line
    form.keep_with_next = look.keep_with_next or None
    form.page_break_before = look.page_break_before or None
    form.widow_control = True
    style.font.size = look.size
    style.font.bold = look.bold or None
    name_fonts(element.get_or_add_rPr(), look.east_asian, look.latin)
    if look.tracking is not None:
        _set_tracking(element.get_or_add_rPr(), look.tracking)


def name_fonts(run_properties: BaseOxmlElement, east_asian: str, latin: str) -> None:
    """Name every script's font; theme attributes are dropped because Word prefers them to names."""
    fonts = run_properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        run_properties.insert(0, fonts)
    fonts.attrib.clear()
    # hint: quotation marks and dashes shared by both scripts are drawn in the Chinese font.
    for key, value in (("ascii", latin), ("hAnsi", latin), ("eastAsia", east_asian), ("cs", latin),
                       ("hint", "eastAsia")):
        fonts.set(qn(f"w:{key}"), value)


# Run properties that must follow w:spacing (the schema fixes the order).
AFTER_CHARACTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
                           "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
                           "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _set_tracking(run_properties: BaseOxmlElement, tracking: Length) -> None:
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(round(tracking.pt * 20)))
    run_properties.insert_element_before(spacing, *AFTER_CHARACTER_SPACING)


def _set_tab_to_margin(style: ParagraphStyle) -> None:
    """Table of contents lines: dots to a page number flush with the right margin."""
    style.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


# Settings and properties

# Children of w:settings that must follow w:updateFields.
AFTER_UPDATE_FIELDS = ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids")


def set_settings(document: DocxDocument, *, update_fields: bool = False) -> None:
    """Odd and even footers differ; with ``update_fields``, fields (a TOC's page numbers) are refreshed
    when Word or WPS opens the file (which asks the reader first: only for documents with a TOC)."""
    document.settings.odd_and_even_pages_header_footer = True
    settings = document.settings.element
    if update_fields:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.insert_element_before(update, *AFTER_UPDATE_FIELDS)
    theme_language = settings.find(qn("w:themeFontLang"))
    if theme_language is not None:
        theme_language.set(qn("w:eastAsia"), "zh-CN")


PROPERTY_LIMIT = 255


def set_properties(document: DocxDocument, title: str, subject: str, author: str, stamp: dt.datetime) -> None:
    """The bureau as author, in place of the template's “python-docx” and its comment."""
    properties = document.core_properties
    now = stamp.astimezone(dt.UTC).replace(microsecond=0, tzinfo=None)
    # Core properties hold one line of at most 255 characters; a bureau's name from data may be longer.
    title, subject, author = (one_line(text).strip()[:PROPERTY_LIMIT] for text in (title, subject, author))
    properties.title = title
    properties.subject = subject
    properties.author = properties.last_modified_by = author
    properties.comments = properties.keywords = properties.category = ""
    properties.language = "zh-CN"
    properties.created = properties.modified = now
    properties.revision = 1


# Sections and page numbers


def lay_out(section: Section) -> None:
    """A4 with the GB margins; later sections are cloned from this one."""
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = TOP, BOTTOM
    section.left_margin, section.right_margin = LEFT, RIGHT
    section.gutter = Emu(0)
    section.header_distance, section.footer_distance = Mm(15), FOOTER_DISTANCE
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    # No grid type: lines keep their exact 28.95 pt, and nothing snaps to a grid the fonts do not fit.
    grid.set(qn("w:linePitch"), GRID_LINE_PITCH)


def _new_section(document: DocxDocument) -> Section:
    """Start a section on a new page; returns the section just closed.

    python-docx ends a section with an empty paragraph holding the break. The break is moved
    onto the section's last paragraph instead, as Word does, so no stray line can spill a page.
    """
    closed = len(document.sections) - 1
    document.add_section(WD_SECTION.NEW_PAGE)
    holder = document.element.body.xpath("./w:p[w:pPr/w:sectPr]")[-1]
    previous = holder.getprevious()
    if previous is not None and previous.tag == qn("w:p") and (previous.pPr is None or previous.pPr.sectPr is None):
        previous.set_sectPr(holder.pPr.sectPr)
        holder.getparent().remove(holder)
    return document.sections[closed]


def _blank_footers(section: Section) -> None:
    """Own, empty footers, so the cover and the contents show no page number."""
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False


def number_pages(section: Section) -> None:
    """Body numbering from 1: odd pages at the right, even pages at the left, one character in (GB 7.5)."""
    start = OxmlElement("w:pgNumType")
    start.set(qn("w:start"), "1")
    section._sectPr.insert_element_before(start, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                                          "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid")
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    _write_page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _write_page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def mark_pages(section: Section, mark: str) -> None:
    """The audience's mark (内部资料) at the top left of every page of the section, in 黑体."""
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        run = paragraph.add_run(mark)
        run.font.size = SAN_HAO
        run.font.bold = True
        name_fonts(run._r.get_or_add_rPr(), HEITI, LATIN)


def _write_page_number(footer: _Footer, align: WD_ALIGN_PARAGRAPH) -> None:
    paragraph = footer.paragraphs[0]
    paragraph.style = "Footer"
    paragraph.alignment = align
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = SI_HAO
    else:
        paragraph.paragraph_format.left_indent = SI_HAO
    paragraph.add_run("— ")
    _append_field(paragraph._p, "PAGE", "1")
    paragraph.add_run(" —")


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


def _write_cover(document: DocxDocument, compilation: Compilation) -> None:
    """Title a third down the page, subtitle under it, bureau and date in the lower part; no empty lines."""
    title = document.add_paragraph(compilation.title, style="Title")
    title.paragraph_format.space_before = COVER_TITLE_DROP
    used = _title_lines(compilation.title) * COVER_TITLE_LINE
    if compilation.subtitle:
        document.add_paragraph(compilation.subtitle, style="Subtitle")
        used += 2 * LINE
    bureau = document.add_paragraph(compilation.bureau, style="Cover Line")
    # The bureau lands at the same height whatever the title's length.
    bureau.paragraph_format.space_before = Emu(max(COVER_BUREAU_DROP - used, LINE))
    document.add_paragraph(compilation.date_line, style="Cover Line")


def _title_lines(title: str) -> int:
    """How many lines the cover title takes, its width estimated by ``textwidth.width_in_ems``."""
    per_line = int(TEXT_WIDTH / COVER_TITLE_SIZE)
    return max(1, math.ceil(width_in_ems(title) / per_line))


def _write_contents(document: DocxDocument, chapters: list[Chapter]) -> None:
    """“目　录” and a TOC field whose cached result already lists the entries, each linked to its heading.

    The page numbers are PAGEREF fields whose shown result is the chapter's folio in the PDF
    (same page, grid and fonts): WPS and LibreOffice show it as it is, and Word recalculates
    it when it updates fields on opening.
    """
    document.add_paragraph("目　录", style="TOC Heading")
    paragraphs = [document.add_paragraph(style="toc 1") for _ in chapters] or [document.add_paragraph(style="toc 1")]
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
    paragraph = document.add_paragraph(chapter.line, style="Heading 1")
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
    document.add_paragraph(case.unit, style="Byline")
    document.add_paragraph(f"【摘要】{case.summary}", style="Abstract")
    _write_section(document, background, case.background)
    document.add_paragraph(practices, style="Heading 2")
    for practice in case.practices:
        document.add_paragraph(practice.heading, style="Heading 3")
        write_paragraphs(document, practice.paragraphs)
    _write_section(document, results, case.results)
    if case.figures:
        _write_figure_table(document, case.figures)
    _write_section(document, lessons, case.lessons)
    _write_photos(document, case.photos, 1)
    if case.honors:
        document.add_paragraph(f"支撑申报：{'、'.join(case.honors)}")


def _write_section(document: DocxDocument, title: str, paragraphs: list[str]) -> None:
    document.add_paragraph(title, style="Heading 2")
    write_paragraphs(document, paragraphs)


def write_paragraphs(document: DocxDocument, paragraphs: list[str]) -> None:
    for text in paragraphs:
        document.add_paragraph(text)


def _write_figure_table(document: DocxDocument, figures: list[tuple[str, str]]) -> None:
    """Key figures as a bordered two-column table whose header row repeats on a new page."""
    table = bordered_table(document, 2)
    for cell, text in zip(table.rows[0].cells, ("关键数字", "数值")):
        fill_cell(cell, text, "Table Heading", CENTER)
    mark_row(table.rows[0], header=True)
    for number, (label, value) in enumerate(figures, 1):
        row = add_row(table)
        fill_cell(row.cells[0], label, "Table Text", LEFT_ALIGN)
        fill_cell(row.cells[1], value, "Table Text", CENTER)
        mark_row(row, header=False)
        # Word keeps a table on one page when every row but the last keeps with the next.
        if number < len(figures):
            for cell in row.cells:
                cell.paragraphs[0].paragraph_format.keep_with_next = True
    set_widths(table, [Emu(int(TEXT_WIDTH * 0.62)), Emu(int(TEXT_WIDTH * 0.38))])


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
    for photo in photos:
        picture = document.add_paragraph(style="Figure").add_run().add_picture(_picture(photo.path), width=PHOTO_WIDTH)
        if picture.height > PHOTO_HEIGHT:
            picture.width = Emu(int(picture.width * PHOTO_HEIGHT / picture.height))
            picture.height = PHOTO_HEIGHT
        document.add_paragraph(f"图{number}{IDEOGRAPHIC_SPACE}{photo.caption}", style="Caption")
        number += 1
    return number


def _write_highlights(document: DocxDocument, highlights: list[HighlightEntry], chapter: Chapter) -> None:
    _write_heading(document, chapter)
    number = 1
    for index, highlight in enumerate(highlights, 1):
        document.add_paragraph(f"（{cn_number(index)}）{highlight.title}", style="Heading 3")
        day = highlight.date
        document.add_paragraph(f"{highlight.unit}{IDEOGRAPHIC_SPACE}{day.year}年{day.month}月{day.day}日", style="Source Line")
        write_paragraphs(document, highlight.summary)
        if highlight.figure:
            document.add_paragraph(f"关键数字：{highlight.figure}")
        if highlight.media:
            document.add_paragraph("媒体报道：")
            write_paragraphs(document, highlight.media)
        number = _write_photos(document, highlight.photos, number)

