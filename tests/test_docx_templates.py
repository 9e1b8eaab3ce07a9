"""The office's Word templates: every field they use is one the code gives, a restyled template
restyles the output, and text from data never becomes a template tag."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm, Pt, RGBColor

from conftest import STAMP
from workreport.export import ExportError, docx_template
from workreport.export.docx_template import FIELDS, template_path, template_problems
from workreport.export.summary_docx import write_summary_docx
from workreport.views.summary_document import summary_document


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_every_field_a_template_uses_is_given_by_the_code(name):
    assert template_path(name).is_file()
    assert template_problems(name) == []


def _edited(name: str, tmp_path: Path, text: str) -> Path:
    document = Document(str(template_path(name)))
    document.add_paragraph(text)
    path = tmp_path / f"{name}.docx"
    document.save(str(path))
    return path


def test_a_field_the_code_does_not_give_is_named(tmp_path):
    path = _edited("summary", tmp_path, "预算：{{ budget }}，{{ bureau }}")
    [problem] = template_problems("summary", path)
    assert problem.startswith("summary.docx: 模板用到了程序不提供的字段 {{ budget }}")
    assert "title" in problem and "bureau" not in problem.split("（")[0]


def test_a_broken_tag_is_a_message_not_a_traceback(tmp_path):
    [problem] = template_problems("review", _edited("review", tmp_path, "{{ title "))
    assert problem.startswith("review.docx: 模板标记有误：")


@pytest.fixture
def office_folder(tmp_path, monkeypatch) -> Path:
    """A copy of the templates the test may restyle, used in place of the shipped ones."""
    folder = tmp_path / "templates"
    shutil.copytree(docx_template.FOLDER, folder, ignore=shutil.ignore_patterns("*.j2"))
    monkeypatch.setattr(docx_template, "FOLDER", folder)
    return folder


def test_a_template_restyled_in_word_restyles_the_document(public, office_folder, tmp_path):
    # What an office does in Word: a red header line, a larger body, wider margins.
    path = office_folder / "summary.docx"
    template = Document(str(path))
    template.styles["Normal"].font.size = Pt(15)
    section = template.sections[0]
    section.left_margin = section.right_margin = Mm(30)
    header = section.header.add_paragraph()
    red = header.add_run("澄川市水利局文件")
    red.font.color.rgb = RGBColor(0xC0, 0, 0)
    template.save(str(path))

    out = tmp_path / "summary.docx"
    doc = summary_document(public)
    write_summary_docx(doc, out, STAMP)
    written = Document(str(out))
    assert written.styles["Normal"].font.size == Pt(15)
    assert round(written.sections[0].left_margin.mm) == 30
    assert "澄川市水利局文件" in [p.text for p in written.sections[0].header.paragraphs]
    # The body is still the summary's, and the parts took the narrower page.
    assert written.paragraphs[0].text == doc.title
    assert doc.parts[0].heading in [p.text for p in written.paragraphs]


def test_a_template_with_an_unknown_field_stops_the_export_in_chinese(public, office_folder, tmp_path):
    _edited("summary", office_folder, "{{ budget }}")
    with pytest.raises(ExportError, match=re.escape("程序不提供的字段 {{ budget }}")):
        write_summary_docx(summary_document(public), tmp_path / "summary.docx", STAMP)
    assert not (tmp_path / "summary.docx").exists()


HOSTILE = "{{ bureau }}{% if 1 %}x{% endif %}{_{ mark }_}{#c#}<w:p>&amp;\t"


def test_text_from_data_is_never_a_template_tag(public, tmp_path):
    doc = summary_document(public)
    doc = dataclasses.replace(doc, title=HOSTILE, bureau=HOSTILE)
    out = tmp_path / "summary.docx"
    write_summary_docx(doc, out, STAMP)
    written = Document(str(out))
    expected = HOSTILE.replace("\t", " ")
    assert written.paragraphs[0].text == expected
    assert expected in [p.text for p in written.paragraphs[1:]]  # the signature
