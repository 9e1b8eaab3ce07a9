"""The work summary as DOCX and PDF: the same parts and words as the summary page, in the official layout."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from pypdf import PdfReader

from conftest import ROOT, STAMP
from workreport.export.pdf_writer import write_summary_pdf
from workreport.export.summary_docx import write_summary_docx
from workreport.views.summary import summary_achievements, summary_plans, summary_problems
from workreport.views.summary_document import SummaryDocument, summary_document

MM = 72 / 25.4


@pytest.fixture(scope="module")
def doc(public) -> SummaryDocument:
    return summary_document(public)


@pytest.fixture(scope="module")
def docx_file(doc, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("summary") / "summary.docx"
    write_summary_docx(doc, path, STAMP)
    return path


@pytest.fixture(scope="module")
def pdf(doc, tmp_path_factory) -> PdfReader:
    path = tmp_path_factory.mktemp("summary") / "summary.pdf"
    write_summary_pdf(doc, path, STAMP)
    return PdfReader(path)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_document_has_the_pages_parts(doc, public):
    assert doc.title == "澄川市水利局2025年上半年工作总结"
    assert [p.heading for p in doc.parts] == [
        summary_achievements(public).heading, summary_problems(public).heading, summary_plans(public).heading,
    ] == ["一、上半年工作完成情况", "二、存在的问题", "三、下半年工作计划"]
    # The office's own paragraphs, written once in report.yaml, open the document and the plans.
    assert doc.opening[0].startswith("今年以来，我局坚持") and doc.opening[-1].endswith("现将2025年上半年工作情况总结如下。")
    assert doc.parts[2].paragraphs[0].startswith("下半年，我局将紧盯年度目标任务")
    first = doc.parts[0].sections[0]
    assert first.heading == "（一）当好幸福河湖建设主角"
    assert [i.lead.split(". ")[0] for i in first.items] == [str(n) for n in range(1, len(first.items) + 1)]
    assert doc.mark is None


def test_the_docx_reads_back(doc, docx_file):
    document = Document(str(docx_file))
    paragraphs = document.paragraphs
    assert (paragraphs[0].text, paragraphs[0].style.name) == (doc.title, "文件标题")
    assert [p.text for p in paragraphs if p.style.name == "Heading 2"] == [p.heading for p in doc.parts]
    sections = [p.text for p in paragraphs if p.style.name == "Heading 3"]
    assert sections == [s.heading for part in doc.parts for s in part.sections]
    item = next(p for p in paragraphs if p.text.startswith("1. 重点河湖健康评价。"))
    assert (item.runs[0].text, bool(item.runs[0].bold)) == ("1. 重点河湖健康评价。", True)
    assert not item.runs[1].bold
    signature = paragraphs[-2:]
    assert [p.text for p in signature] == ["澄川市水利局", "2025年6月30日"]
    assert all(p.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT for p in signature)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm), round(section.top_margin.mm)) == (210, 297, 37)
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "—" in section.footer.paragraphs[0].text
    # The styles name the official faces for Chinese text.
    fonts = document.styles["Heading 2"].element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "黑体"


def test_the_pdf_reads_back(doc, pdf):
    first = flat(pdf.pages[0].extract_text())
    assert first.startswith(flat(doc.title)) and "一、上半年工作完成情况" in first
    assert first.endswith("—1—")
    for page in pdf.pages:
        assert (round(float(page.mediabox.width) / MM), round(float(page.mediabox.height) / MM)) == (210, 297)
    last = flat(pdf.pages[-1].extract_text())
    assert "澄川市水利局2025年6月30日" in last
    whole = "".join(flat(page.extract_text()) for page in pdf.pages)
    assert [whole.index(flat(p.heading)) for p in doc.parts] == sorted(whole.index(flat(p.heading)) for p in doc.parts)
    assert pdf.metadata.title == doc.title and pdf.metadata.author == "澄川市水利局"


def test_an_internal_summary_is_marked(internal, tmp_path):
    doc = summary_document(internal)
    assert doc.mark == "内部资料"
    path = tmp_path / "summary-internal.docx"
    write_summary_docx(doc, path, STAMP)
    assert Document(str(path)).sections[0].header.paragraphs[0].text == "内部资料"


def test_make_export_writes_the_summary_beside_the_compilation(tmp_path):
    out = tmp_path / "dist"
    run = subprocess.run(
        [sys.executable, "-m", "workreport", "export", "--format", "docx", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert run.returncode == 0, run.stderr
    # The latest month's review goes with them (tests/test_review_document.py).
    assert sorted(p.name for p in out.iterdir()) == ["cases-2025-h1.docx", "review-2025-06.docx", "summary-2025-h1.docx"]
    dossier = subprocess.run(
        [sys.executable, "-m", "workreport", "export", "--format", "docx", "--honor", "HN-01", "--out", str(tmp_path / "d")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert dossier.returncode == 0 and [p.name for p in (tmp_path / "d").iterdir()] == ["dossier-HN-01-2025-h1.docx"]
