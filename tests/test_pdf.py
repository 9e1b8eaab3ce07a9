"""The case compilation as PDF, and the export command around it: read back with pypdf."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, STAMP
from workreport.audience import PUBLIC
from workreport.export.fonts import FontError, choose_fonts
from workreport.export.pdf_writer import write_pdf
from workreport.views.compilation import SelectionError, compile_cases
from workreport.views.context import Site

MM = 72 / 25.4


@pytest.fixture(scope="module")
def view(sample) -> Site:
    """The public edition of the sample, as the documents are made for reviewers."""
    return Site(PUBLIC.edition(sample))


@pytest.fixture(scope="module")
def compiled(view, tmp_path_factory) -> tuple[object, PdfReader]:
    doc = compile_cases(view)
    path = tmp_path_factory.mktemp("pdf") / "cases.pdf"
    write_pdf(doc, path, STAMP)
    return doc, PdfReader(path)


def page_text(reader: PdfReader, index: int) -> str:
    return re.sub(r"\s+", "", reader.pages[index].extract_text() or "")


def test_cases_appear_in_order_after_the_cover_and_contents(compiled):
    doc, reader = compiled
    assert page_text(reader, 0).startswith("典型案例汇编")
    assert "目录" in page_text(reader, 1)
    body = "".join(page_text(reader, i) for i in range(2, len(reader.pages)))
    positions = [body.index(re.sub(r"\s+", "", case.title)) for case in doc.cases]
    assert positions == sorted(positions) and len(positions) == 10


def test_pages_are_a4_and_numbered_from_the_first_case(compiled):
    _, reader = compiled
    for page in reader.pages:
        assert (round(float(page.mediabox.width) / MM), round(float(page.mediabox.height) / MM)) == (210, 297)
    # The cover and the contents carry no folio; the first case's page is — 1 —.
    assert "—" not in page_text(reader, 0) and "—" not in page_text(reader, 1)
    assert page_text(reader, 2).endswith("—1—")
    assert page_text(reader, 3).startswith("—2—") or page_text(reader, 3).endswith("—2—")


def test_contents_give_each_case_its_folio(compiled):
    doc, reader = compiled
    contents = page_text(reader, 1)
    for line in doc.contents():
        title = re.sub(r"\s+", "", line[1])
        folio = re.search(re.escape(title) + r"\.*(\d+)", contents)  # after the dotted leader
        assert folio, title
        # The page that folio names starts with that chapter's heading, numbered as in the contents.
        page_index = 2 + int(folio.group(1)) - 1
        assert page_text(reader, page_index).startswith(title[:10])


def test_chinese_fonts_are_embedded(compiled):
    _, reader = compiled
    fonts = set()
    for page in reader.pages[:4]:
        for reference in (page["/Resources"].get("/Font") or {}).values():
            font = reference.get_object()
            descriptor = font.get("/DescendantFonts", [font])[0].get_object().get("/FontDescriptor")
            if descriptor and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert any("CJK-SC" in f or "UKai" in f or "GB2312" in f or "小标宋" in f for f in fonts), fonts
    assert not any("CJK-JP" in f or "CJK-TC" in f for f in fonts), fonts


def test_metadata_names_the_document_and_bureau(compiled):
    _, reader = compiled
    assert reader.metadata.title == "典型案例汇编"
    assert reader.metadata.author == "澄川市水利局"


def test_fonts_official_first_then_free_and_a_clear_error_without_any():
    choices = choose_fonts({"Noto Serif CJK SC", "Noto Sans CJK SC", "仿宋_GB2312"})
    assert choices["body"].used == "仿宋_GB2312" and choices["body"].is_official
    assert choices["title"].used == "Noto Serif CJK SC" and "未安装 方正小标宋简体" in choices["title"].describe()
    with pytest.raises(FontError, match=r"未找到任何中文字体.*fonts-noto-cjk"):
        choose_fonts({"DejaVu Sans", "Liberation Serif"})


def test_selection_by_honor_and_by_ids(view):
    dossier = compile_cases(view, honor="HN-01")
    assert dossier.title.endswith("申报材料") and [c.id for c in dossier.cases] == ["C-06"]
    assert [h.id for h in dossier.highlights] == ["H-04"]  # honors.yaml: HN-01 names C-06 and H-04
    chosen = compile_cases(view, ids=["C-03", "H-02", "C-01"])
    assert [c.id for c in chosen.cases] == ["C-03", "C-01"] and [h.id for h in chosen.highlights] == ["H-02"]
    with pytest.raises(SelectionError, match="C-09、C-99"):
        compile_cases(view, ids=["C-01", "C-09", "C-99"])  # C-09 is internal: as if it did not exist


def export(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "workreport", "--data", str(ROOT / "data"), "--root", str(ROOT), "export", "--out", str(tmp_path / "dist"), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, check=False)


def test_export_command_writes_a_dossier_and_says_which_fonts(tmp_path: Path):
    done = export(tmp_path, "--honor", "HN-01", "--format", "pdf")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "dist" / "dossier-HN-01-2025-h1.pdf").is_file()
    assert "PDF 字体 · 正文（仿宋）：" in done.stderr
    assert "已导出" in done.stderr


def test_a_bad_selection_exports_nothing(tmp_path: Path):
    done = export(tmp_path, "--ids", "C-01,C-09")
    assert done.returncode == 1
    assert done.stderr.strip() == "导出失败：以下编号不是可公开的案例或亮点（不存在，或为内部记录）：C-09"
    assert not any((tmp_path / "dist").glob("*.*"))
    assert "Traceback" not in done.stderr
