"""The case compilation DOCX (GB/T 9704-2012 layout), written once per module and read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.section import Section, _Footer
from docx.shared import Length
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from conftest import STAMP
from workreport.audience import PUBLIC
from workreport.export.docx_writer import write_docx
from workreport.views.compilation import SECTION_TITLES, Compilation, compile_cases
from workreport.views.context import Site

TOC_INSTRUCTION = 'TOC \\o "1-1" \\h \\z \\u'
EMU_PER_MM = 36000


@pytest.fixture(scope="module")
def view(sample) -> Site:
    """The public edition of the sample, as the documents are made for reviewers."""
    return Site(PUBLIC.edition(sample))


@pytest.fixture(scope="module")
def compilation(view) -> Compilation:
    return compile_cases(view)


@pytest.fixture(scope="module")
def docx_file(tmp_path_factory, compilation) -> Path:
    path = tmp_path_factory.mktemp("docx") / "典型案例汇编.docx"
    write_docx(compilation, path, STAMP)
    return path


@pytest.fixture(scope="module")
def document(docx_file) -> DocxDocument:
    return Document(str(docx_file))


@pytest.fixture(scope="module")
def dossier(view, tmp_path_factory) -> tuple[Compilation, DocxDocument]:
    compilation = compile_cases(view, honor="HN-01")
    path = tmp_path_factory.mktemp("dossier") / "申报材料.docx"
    write_docx(compilation, path, STAMP)
    return compilation, Document(str(path))


def mm(length: Length | None) -> float:
    assert length is not None
    return length / EMU_PER_MM


def fonts(style: ParagraphStyle) -> dict[str, str]:
    """The style's own w:rFonts attributes, by local name (ascii, eastAsia, asciiTheme…)."""
    rpr = style.element.rPr
    assert rpr is not None, f"{style.name} names no fonts"
    return font_attributes(rpr)


def font_attributes(rpr) -> dict[str, str]:
    named = rpr.find(qn("w:rFonts"))
    assert named is not None
    return {key.split("}")[1]: value for key, value in named.attrib.items()}


def texts(document: DocxDocument, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def instructions(element) -> list[str]:
    return [t.text.strip() for t in element.xpath(".//w:instrText")]


def field_chars(element) -> list[str]:
    return [c.get(qn("w:fldCharType")) for c in element.xpath(".//w:fldChar")]


def has_picture(paragraph: Paragraph) -> bool:
    return bool(paragraph._p.xpath(".//w:drawing"))


# Page


def test_every_section_is_a4_with_the_gb_margins(document):
    assert len(document.sections) == 3  # cover, contents, body
    for section in document.sections:
        assert mm(section.page_width) == pytest.approx(210, abs=0.5)
        assert mm(section.page_height) == pytest.approx(297, abs=0.5)
        assert mm(section.top_margin) == pytest.approx(37, abs=0.5)
        assert mm(section.bottom_margin) == pytest.approx(35, abs=0.5)
        assert mm(section.left_margin) == pytest.approx(28, abs=0.5)
        assert mm(section.right_margin) == pytest.approx(26, abs=0.5)
        assert mm(section.gutter) == pytest.approx(0, abs=0.5)


# Styles and fonts


def test_body_text_is_3hao_fangsong_on_22_lines(document):
    normal = document.styles["Normal"]
    assert fonts(normal)["ascii"] == "Times New Roman"
    assert fonts(normal)["hAnsi"] == "Times New Roman"
    assert fonts(normal)["eastAsia"] == "仿宋_GB2312"
    assert normal.font.size.pt == 16
    form = normal.paragraph_format
    assert form.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert form.line_spacing.pt == pytest.approx(28.95, abs=0.05)
    assert form.first_line_indent.pt == pytest.approx(32)
    assert form.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY


def test_document_defaults_name_fonts_not_theme_fonts(document):
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert font_attributes(defaults) == {
        "ascii": "Times New Roman", "hAnsi": "Times New Roman", "eastAsia": "仿宋_GB2312", "cs": "Times New Roman",
        "hint": "eastAsia",
    }
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


@pytest.mark.parametrize(
    ("style", "east_asian", "size"),
    [
        ("Heading 1", "方正小标宋简体", 22),
        ("Heading 2", "黑体", 16),
        ("Heading 3", "楷体_GB2312", 16),
        ("Title", "方正小标宋简体", 26),
        ("Subtitle", "楷体_GB2312", 16),
        ("Caption", "楷体_GB2312", 14),
        ("表格文字", "仿宋_GB2312", 14),
        ("表头", "黑体", 14),
        ("toc 1", "仿宋_GB2312", 16),
        ("Footer", "宋体", 14),
    ],
)
def test_styles_name_the_official_fonts_in_black(document, style, east_asian, size):
    named = document.styles[style]
    assert fonts(named)["eastAsia"] == east_asian
    # A theme font would win over the named one in Word.
    assert not [key for key in fonts(named) if key.endswith("Theme") or key == "cstheme"]
    assert named.font.size.pt == size
    assert named.element.rPr.find(qn("w:color")) is None  # automatic (black), not the template's blue
    assert named.font.italic is not True
    assert named.font.bold is (True if style == "表头" else None)


def test_heading_levels_are_laid_out_as_the_standard_says(document):
    title = document.styles["Heading 1"].paragraph_format
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER and title.page_break_before
    section = document.styles["Heading 2"].paragraph_format
    assert section.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert section.first_line_indent.pt == pytest.approx(32)
    assert document.styles["Heading 3"].paragraph_format.first_line_indent.pt == pytest.approx(32)
    assert document.styles["Caption"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_runs_inherit_their_fonts_from_the_styles(document):
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs]
    assert runs
    assert [run.text for run in runs if run._r.rPr is not None and run._r.rPr.rFonts is not None] == []


# Cover and contents


def test_cover_shows_title_subtitle_bureau_and_date(document, compilation):
    first = document.paragraphs[:4]
    assert [p.text for p in first] == [compilation.title, compilation.subtitle, compilation.bureau, compilation.date_line]
    assert first[0].style.name == "Title"
    assert document.core_properties.title == compilation.title
    assert document.core_properties.author == compilation.bureau


def test_contents_is_a_toc_field_that_already_lists_every_chapter(document, compilation):
    entries = [p for p in document.paragraphs if p.style.name == "toc 1"]
    # Each line: the chapter, a tab to the dotted leader, and the page number already filled in.
    lines = [p.text.split("\t") for p in entries]
    assert [line for line, _ in lines] == [line for _, line in compilation.contents()]
    assert all(folio.isdigit() for _, folio in lines)
    assert [int(folio) for _, folio in lines] == sorted(int(folio) for _, folio in lines)
    assert TOC_INSTRUCTION in instructions(entries[0]._p)
    # The TOC field opens in the first entry and closes in the last, around every line.
    assert field_chars(entries[0]._p)[:2] == ["begin", "separate"]
    assert field_chars(entries[-1]._p)[-1] == "end"
    assert texts(document, "TOC Heading") == ["目　录"]


def test_each_contents_line_has_a_page_reference_for_word_to_fill(document):
    links = document.element.body.xpath(".//w:hyperlink")
    assert [instructions(link) for link in links] == [[f"PAGEREF {link.get(qn('w:anchor'))} \\h"] for link in links]


def test_each_contents_line_links_to_its_heading(document):
    anchors = [link.get(qn("w:anchor")) for link in document.element.body.xpath(".//w:hyperlink")]
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    marks = [p._p.xpath("./w:bookmarkStart/@w:name") for p in headings]
    assert anchors and marks == [[anchor] for anchor in anchors]


def test_settings_ask_for_odd_even_footers_and_a_field_update(document):
    settings = document.settings.element
    assert settings.find(qn("w:evenAndOddHeaders")) is not None
    assert document.settings.odd_and_even_pages_header_footer is True
    update = settings.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


# Page numbers


def footer_reference_ids(section: Section) -> dict[str, str]:
    return {ref.get(qn("w:type")): ref.get(qn("r:id")) for ref in section._sectPr.findall(qn("w:footerReference"))}


def page_number_paragraph(footer: _Footer) -> Paragraph:
    [paragraph] = [p for p in footer.paragraphs if "PAGE" in instructions(p._p)]
    assert field_chars(paragraph._p) == ["begin", "separate", "end"]
    return paragraph


def test_body_numbers_pages_from_one_odd_right_even_left(document):
    body = document.sections[-1]
    assert body._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    references = footer_reference_ids(body)
    assert set(references) == {"default", "even"} and references["default"] != references["even"]
    odd = page_number_paragraph(body.footer)
    even = page_number_paragraph(body.even_page_footer)
    assert odd.text == even.text == "— 1 —"
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and odd.paragraph_format.right_indent.pt == 14
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT and even.paragraph_format.left_indent.pt == 14


@pytest.mark.parametrize("index", [0, 1], ids=["cover", "contents"])
def test_cover_and_contents_have_empty_footers_of_their_own(document, index):
    section = document.sections[index]
    # Own definitions, so nothing is inherited from a neighbouring section.
    assert set(footer_reference_ids(section)) == {"default", "even"}
    for footer in (section.footer, section.even_page_footer):
        assert instructions(footer._element) == []
        assert "".join(p.text for p in footer.paragraphs) == ""


# Body


def test_cases_follow_in_order_each_on_its_own_page(document, compilation):
    headings = texts(document, "Heading 1")
    assert headings == [line for _, line in compilation.contents()]
    assert [h.split("、", 1)[1] for h in headings] == [case.title for case in compilation.cases]
    assert texts(document, "Heading 2") == list(SECTION_TITLES) * len(compilation.cases)
    assert texts(document, "Heading 3") == [p.heading for case in compilation.cases for p in case.practices]
    assert texts(document, "署名") == [case.unit for case in compilation.cases]
    assert texts(document, "摘要") == [f"【摘要】{case.summary}" for case in compilation.cases]


def test_photos_are_pictures_followed_by_numbered_captions(document, compilation):
    expected = [f"图{n}　{photo.caption}" for case in compilation.cases for n, photo in enumerate(case.photos, 1)]
    assert texts(document, "Caption") == expected
    assert len(document.inline_shapes) == len(expected)
    for shape in document.inline_shapes:
        assert mm(shape.width) <= 130.5
        assert shape.width / shape.height == pytest.approx(960 / 640, rel=0.01)  # the sample photos' shape
    paragraphs = document.paragraphs
    for index, paragraph in enumerate(paragraphs):
        if paragraph.style.name == "Caption":
            assert has_picture(paragraphs[index - 1])


def test_key_figures_are_a_table_with_a_repeated_header(document, compilation):
    with_figures = [case for case in compilation.cases if case.figures]
    assert len(document.tables) == len(with_figures)
    for table, case in zip(document.tables, with_figures):
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        assert rows == [["关键数字", "数值"], *[list(figure) for figure in case.figures]]
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert table.rows[0].cells[0].paragraphs[0].style.name == "表头"
        assert table.rows[1].cells[0].paragraphs[0].style.name == "表格文字"
        # Within the text block (156 mm; the page is stored in twips, so a hair over).
        assert sum(column.width for column in table.columns) <= round(156.02 * EMU_PER_MM)


def test_honors_close_their_case(document, compilation):
    lines = [p.text for p in document.paragraphs if p.text.startswith("支撑申报：")]
    assert lines == [f"支撑申报：{'、'.join(case.honors)}" for case in compilation.cases if case.honors]


def test_no_empty_paragraphs_make_space(document):
    empty = [i for i, p in enumerate(document.paragraphs) if not p.text.strip() and not has_picture(p)]
    assert empty == []


def test_pictures_are_stored_as_they_are(docx_file, compilation):
    photos = {photo.path for case in compilation.cases for photo in case.photos}
    assert docx_file.stat().st_size < sum(path.stat().st_size for path in photos) + 150_000


def test_dossier_adds_the_highlights_chapter(dossier):
    compilation, document = dossier
    assert len(compilation.cases) == 1 and len(compilation.highlights) == 1
    highlight = compilation.highlights[0]
    assert texts(document, "Heading 1") == [line for _, line in compilation.contents()]
    assert texts(document, "Heading 1")[-1] == "二、工作亮点"
    assert f"（一）{highlight.title}" in texts(document, "Heading 3")
    body = [p.text for p in document.paragraphs]
    assert body[body.index("媒体报道：") + 1 :][: len(highlight.media)] == highlight.media
    assert f"关键数字：{highlight.figure}" in body
    assert texts(document, "Caption")[-1] == f"图1　{highlight.photos[0].caption}"
    assert len(document.inline_shapes) == len(compilation.cases[0].photos) + len(highlight.photos)
