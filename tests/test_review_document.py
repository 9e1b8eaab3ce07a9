"""One month's review (月度复盘) as a DOCX meeting material: the review page's figures, in the official layout."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from conftest import FIXTURES, ROOT, STAMP
from test_departments import HALF_YEAR, quarter_data
from workreport.audience import PUBLIC
from workreport.export.docx_template import text_width
from workreport.export.review_docx import write_review_docx
from workreport.formatting import number, percent
from workreport.loading import load_dataset
from workreport.model import KINDS
from workreport.views.compilation import SelectionError
from workreport.views.context import Site
from workreport.views.review import month_view
from workreport.views.review_document import ReviewDocument, review_document

COUNTY = FIXTURES / "county" / "data"


def write(doc: ReviewDocument, folder: Path) -> Document:
    path = folder / f"review-{doc.month}.docx"
    write_review_docx(doc, path, STAMP)
    return Document(str(path))


def text_of(document) -> str:
    """Every paragraph and every table cell, one per line."""
    lines = [p.text for p in document.paragraphs]
    lines += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def rows_of(document) -> list[tuple[str, ...]]:
    return [tuple(cell.text for cell in row.cells) for table in document.tables for row in table.rows]


def internal_titles(dataset) -> set[str]:
    return {
        getattr(record, kind.name_field)
        for kind in KINDS
        for record in dataset.of(kind.key)
        if getattr(record, "is_internal", False)
    }


@pytest.fixture(scope="module")
def doc(public) -> ReviewDocument:
    return review_document(public)


@pytest.fixture(scope="module")
def docx(doc, tmp_path_factory):
    return write(doc, tmp_path_factory.mktemp("review"))


def test_the_latest_month_by_default(doc, public):
    assert doc.month == "2025-06"
    assert doc.title == "澄川市水利局2025年6月工作复盘"
    assert (doc.bureau, doc.date_line, doc.mark) == ("澄川市水利局", "2025年6月30日", None)
    assert [p.heading for p in doc.parts] == ["一、总体情况", "二、重点任务", "三、指标与考核", "四、工程、荣誉与亮点"]
    # The page's own sentence for the month opens the document.
    view = month_view(public, public.months[-1])
    assert doc.parts[0].paragraphs == (view.lead, f"月末状态：{view.statuses}。")
    assert [s.heading for s in doc.parts[1].sections] == ["（一）进度提升", "（二）完成的任务", "（三）转为或加深滞后"]


def test_another_month_and_months_outside_the_period(public):
    march = review_document(public, "2025-03")
    assert march.month == "2025-03" and march.title == "澄川市水利局2025年3月工作复盘"
    assert march.parts[0].paragraphs[0] == month_view(public, public.months[2]).lead
    for month, said in (("2025-07", "不在可复盘的月份内"), ("2024-12", "2025-01 至 2025-06"), ("2025-6", "写法不对"),
                        ("六月", "如 2025-06")):
        with pytest.raises(SelectionError, match=said):
            review_document(public, month)


def test_the_docx_reads_back(doc, docx):
    paragraphs = docx.paragraphs
    assert (paragraphs[0].text, paragraphs[0].style.name) == (doc.title, "文件标题")
    assert "2025年6月" in paragraphs[0].text
    assert [p.text for p in paragraphs if p.style.name == "Heading 2"] == [p.heading for p in doc.parts]
    assert [p.text for p in paragraphs if p.style.name == "Heading 3"] == [
        s.heading for part in doc.parts for s in part.sections
    ]
    signature = paragraphs[-2:]
    assert [p.text for p in signature] == ["澄川市水利局", "2025年6月30日"]
    assert all(p.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT for p in signature)
    section = docx.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm), round(section.top_margin.mm)) == (210, 297, 37)
    assert "PAGE" in section.footer.paragraphs[0]._p.xml
    assert section.header.paragraphs[0].text == ""  # no mark for the public
    assert docx.core_properties.title == doc.title and docx.core_properties.author == "澄川市水利局"


def test_the_tables_have_a_bold_header_row(doc, docx):
    tables = [s.table for part in doc.parts for s in part.sections if s.table is not None]
    assert len(docx.tables) == len(tables) == 3
    for table, data in zip(docx.tables, tables):
        header = table.rows[0]
        # A header wider than its column's figures breaks into lines (at a bracket or after a slash).
        assert [c.text.replace("\n", "") for c in header.cells] == [h.replace("/ ", "/") for h in data.header]
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on a new page
        style = header.cells[0].paragraphs[0].style
        assert style.name == "表头" and style.font.bold
        assert style.element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
        assert table.rows[1].cells[0].paragraphs[0].style.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
        assert table.style.name == "Table Grid" and len(table.rows) == len(data.rows) + 1
        widths = [column.width for column in table.columns]
        # The first (the record's name) keeps at least a quarter; the others as wide as their entries, within limits.
        assert abs(sum(widths) - text_width(docx)) < Pt(1) and widths[0] >= text_width(docx) // 4 - Pt(1)
        assert max(widths[1:]) <= text_width(docx) * 0.3 + Pt(1)


def test_the_months_figures_are_in_the_document(public, docx):
    view = month_view(public, public.months[-1])
    text, rows = text_of(docx), rows_of(docx)
    assert view.lead in text
    # A task that gained progress, with its figures as the page shows them.
    gain = view.gains[0]
    assert (gain.task.text, percent(gain.before), percent(gain.after), number(gain.gained, 1)) in rows
    # The task that slipped, its status change and its owner.
    slip = view.slipped[0]
    assert any(row[:4] == (slip.task.text, slip.owner, slip.before, slip.after.text) for row in rows)
    assert ("骨干河道堤防绿化管护提升", "河湖处", "正常推进", "滞后", "61.2% / 70%") in rows
    # A project's new stage, the deductions and an indicator's change of health.
    change = view.stage_changes[0]
    assert f"{change.link.text}（{change.before} → {change.after}）" in text
    assert "白鹭河综合整治（幸福河湖）工程（在建 → 完工）" in text
    assert all(f"{d.indicator.text} {d.text}" in text for d in view.deductions)
    assert any(row[0] == "幸福河湖建设" and row[-1] == "未达标 → 达标" for row in rows)
    assert all(t.text in text for t in view.completed) and all(h.text in text for h in view.highlights)


def test_the_public_review_holds_no_internal_record(sample, public, internal, docx, tmp_path):
    titles = internal_titles(sample)
    assert titles
    assert [t for t in titles if t in text_of(docx)] == []
    # The same check finds them in the bureau's own review, which says what it is on every page.
    own = review_document(internal)
    assert own.mark == "内部资料"
    document = write(own, tmp_path)
    assert [t for t in titles if t in text_of(document)] != []
    assert document.sections[0].header.paragraphs[0].text == "内部资料"
    assert document.sections[0].even_page_header.paragraphs[0].text == "内部资料"


def test_the_bytes_repeat(doc, tmp_path):
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    write_review_docx(doc, first, STAMP)
    write_review_docx(doc, second, STAMP)
    assert first.read_bytes() == second.read_bytes()


def export(out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workreport", "export", "--format", "docx", "--out", str(out), *args],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )


def test_export_writes_the_month_asked_for(tmp_path):
    out = tmp_path / "dist"
    done = export(out, "--review", "2025-06")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["cases-2025-h1.docx", "review-2025-06.docx", "summary-2025-h1.docx"]
    assert Document(str(out / "review-2025-06.docx")).paragraphs[0].text == "澄川市水利局2025年6月工作复盘"
    internal = export(tmp_path / "internal", "--review", "2025-05", "--audience", "internal")
    assert internal.returncode == 0, internal.stderr
    assert (tmp_path / "internal" / "review-2025-05-internal.docx").is_file()


@pytest.mark.parametrize("month", ["2025-07", "2024-12", "2025-6"])
def test_export_refuses_a_month_outside_the_period(tmp_path, month):
    out = tmp_path / "dist"
    out.mkdir()
    (out / "keep.txt").write_text("已有文件", encoding="utf-8")
    done = export(out, "--review", month)
    assert done.returncode != 0
    assert f"导出失败：月份“{month}”" in done.stderr and "Traceback" not in done.stderr
    assert [p.name for p in out.iterdir()] == ["keep.txt"]  # nothing written, nothing left behind


def test_the_county_reviews_its_year_and_its_three_quarters(tmp_path):
    year = Site(PUBLIC.edition(load_dataset(COUNTY, COUNTY.parent).dataset))
    december = review_document(year)
    assert (december.month, december.title) == ("2025-12", "青禾县农业农村局2025年12月工作复盘")
    assert review_document(year, "2025-01").title == "青禾县农业农村局2025年1月工作复盘"
    document = write(december, tmp_path)
    body = text_of(document)
    assert month_view(year, year.months[-1]).lead in body and not HALF_YEAR.search(body)
    assert document.paragraphs[-2].text == "青禾县农业农村局" and document.paragraphs[-1].text == "2025年12月31日"

    data = quarter_data(tmp_path / "q3")
    quarter = Site(PUBLIC.edition(load_dataset(data, data.parent).dataset))
    assert review_document(quarter).month == "2025-09"
    with pytest.raises(SelectionError, match="2025-01 至 2025-09"):
        review_document(quarter, "2025-10")


def test_the_county_exports_its_review(tmp_path):
    project = tmp_path / "county"
    shutil.copytree(COUNTY, project / "data")
    done = subprocess.run(
        [sys.executable, "-m", "workreport", "--data", str(project / "data"), "--root", str(project),
         "export", "--format", "docx", "--review", "2025-11", "--out", str(project / "dist")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (project / "dist" / "review-2025-11.docx").is_file()
