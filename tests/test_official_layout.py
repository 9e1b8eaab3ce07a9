"""The exported documents measured against GB/T 9704-2012: the PDF's faces, grid, folio, contents
and tags, and the DOCX's filled contents, read back from the files `make export` writes.

The PDF is measured from its own content stream (pypdf: each text run's position, face and size)
and, for the folio's dash, from its pixels (pdftoppm at 300 dpi).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import jieba
import pytest
from docx import Document
from PIL import Image
from pypdf import PdfReader

from conftest import ROOT
from workreport.export.fonts import check_glyphs, choose_fonts, font_file

MM = 72 / 25.4
PAGE_HEIGHT = 297 * MM
LEFT, RIGHT = 28 * MM, (210 - 26) * MM
BLOCK_TOP, BLOCK_BOTTOM = PAGE_HEIGHT - 37 * MM, 35 * MM
"""The text block in PDF coordinates (points from the page's lower left)."""
BODY_SIZE = 16 / 0.75
"""WeasyPrint writes sizes in CSS pixels (16 pt) under a 0.75 scale."""
FULL_WIDTH = re.compile(r"^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…·]+$")


@dataclass(frozen=True)
class Run:
    x: float
    y: float
    face: str
    size: float
    text: str


def runs(page) -> list[Run]:
    found: list[Run] = []

    def visit(text, cm, tm, font, size):
        if text.strip() and font is not None:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append(Run(round(x, 1), round(y, 1), str(font.get("/BaseFont", "")), round(size, 2), text))

    page.extract_text(visitor_text=visit)
    return found


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("official") / "dist"
    done = subprocess.run(
        [sys.executable, "-m", "workreport", "export", "--format", "pdf", "docx", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module", params=["cases", "summary"])
def pdf(request, dist) -> PdfReader:
    return PdfReader(next(dist.glob(f"{request.param}-*.pdf")))


def fonts_of(reader: PdfReader) -> dict[str, object]:
    faces = {}
    for page in reader.pages:
        for reference in page["/Resources"].get_object().get("/Font", {}).values():
            font = reference.get_object()
            for child in font.get("/DescendantFonts", [font]):
                descendant = child.get_object()
                faces[str(descendant["/BaseFont"])] = descendant.get("/FontDescriptor")
    return faces


def test_every_face_is_embedded_and_the_body_is_a_fangsong(pdf):
    faces = fonts_of(pdf)
    assert faces
    for name, descriptor in faces.items():
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.get_object()), f"{name} is not embedded"
    # The body face: 仿宋_GB2312 where installed, the free FangSong (Fandol) otherwise (CI installs it).
    body = {r.face for page in pdf.pages for r in runs(page) if r.size == pytest.approx(BODY_SIZE, abs=0.01)}
    assert any(re.search(r"Fang|仿宋", face) for face in body), body


def test_a_full_page_holds_22_lines_of_28_characters(pdf):
    most_lines, longest = 0, 0
    for page in pdf.pages:
        found = runs(page)
        # Pages of body text only (a title in 2号 breaks the grid on its page).
        if not found or any(r.size > BODY_SIZE + 0.1 for r in found):
            continue
        lines: dict[float, list[Run]] = {}
        for r in found:
            if BLOCK_BOTTOM <= r.y <= BLOCK_TOP and r.size == pytest.approx(BODY_SIZE, abs=0.01):
                lines.setdefault(r.y, []).append(r)
        most_lines = max(most_lines, len(lines))
        for line in lines.values():
            text = "".join(r.text for r in sorted(line, key=lambda r: r.x))
            if FULL_WIDTH.match(text) and min(r.x for r in line) == pytest.approx(LEFT, abs=0.5):
                longest = max(longest, len(text))
    assert most_lines == 22
    assert longest == 28


def test_the_folio_dash_sits_7_mm_under_the_text_block(dist, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm (poppler-utils) is needed to measure the folio")
    pdf = next(dist.glob("summary-*.pdf"))
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    pixels, (width, height) = image.load(), image.size
    per_mm = 300 / 25.4
    block_bottom = round((297 - 35) * per_mm)

    def longest_dark_run(y: int) -> int:
        best = run = 0
        for x in range(width):
            run = run + 1 if pixels[x, y] < 128 else 0
            best = max(best, run)
        return best

    dash_rows = [y for y in range(block_bottom, height) if longest_dark_run(y) > 2 * per_mm]
    assert dash_rows, "no folio dash under the text block"
    middle = (dash_rows[0] + dash_rows[-1]) / 2
    assert (middle - block_bottom) / per_mm == pytest.approx(7, abs=0.25)
    # Odd page: at the right, one character in from the text block's edge.
    dark = [x for x in range(width) if pixels[x, dash_rows[0]] < 128]
    assert max(dark) / per_mm == pytest.approx(210 - 26 - 14 / MM, abs=2)


def test_the_pdf_is_tagged_and_its_contents_are_links_and_bookmarks(dist):
    reader = PdfReader(next(dist.glob("cases-*.pdf")))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]
    contents = reader.pages[1]
    links = [a.get_object() for a in contents.get("/Annots", []) if a.get_object()["/Subtype"] == "/Link"]
    titles = [r.text for r in runs(contents)]
    chapters = sum(1 for t in titles if re.match(r"^[一二三四五六七八九十]+、", t))
    assert chapters >= 2 and len(links) >= chapters
    assert all("/Dest" in link or "/A" in link for link in links)
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert sum(1 for t in outline if re.match(r"^[一二三四五六七八九十]+、", t)) == chapters


def test_contents_put_each_folio_on_its_entrys_last_line(dist):
    reader = PdfReader(next(dist.glob("cases-*.pdf")))
    found = runs(reader.pages[1])
    folios = [r for r in found if r.text.strip().isdigit()]
    assert folios
    starts = sorted((r.y for r in found if re.match(r"^[一二三四五六七八九十]+、", r.text)), reverse=True)
    for folio in folios:
        # Flush right, on a line of its own entry below (or at) the entry's first line, with the leader.
        assert folio.x > RIGHT - 40
        same_line = [r for r in found if r.y == folio.y and r is not folio]
        assert any("." in r.text for r in same_line)
        entry_start = max((y for y in starts if y >= folio.y), default=None)
        assert entry_start is not None
        next_start = max((y for y in starts if y < entry_start), default=BLOCK_BOTTOM - 1)
        # No other line of the entry lies below the folio's line.
        assert not [r for r in found if next_start < r.y < folio.y and not r.text.strip().isdigit()]
    assert len(folios) == len(starts)


def test_titles_break_between_words(dist):
    reader = PdfReader(next(dist.glob("cases-*.pdf")))
    checked = 0
    for page in reader.pages[2:]:
        title = [r for r in runs(page) if r.size > BODY_SIZE + 0.1]
        lines = [r.text for r in sorted(title, key=lambda r: -r.y)]
        if len(lines) < 2:
            continue
        text = "".join(lines)
        boundaries = {start for _, start, _ in jieba.tokenize(text)}
        position = 0
        for line in lines[:-1]:
            position += len(line)
            assert position in boundaries, f"{line!r} ends inside a word of {text!r}"
            checked += 1
    assert checked > 0


def test_the_docx_contents_already_show_the_pdfs_page_numbers(dist):
    document = Document(str(next(dist.glob("cases-*.docx"))))
    entries = [p for p in document.paragraphs if p.style.name == "toc 1"]
    xml = [p._p.xml for p in entries]
    shown = [re.findall(r"<w:t(?: [^>]*)?>(\d+)</w:t>", x) for x in xml]
    assert entries and all(numbers for numbers in shown), "a contents line without its page number"
    pdf = PdfReader(next(dist.glob("cases-*.pdf")))
    pdf_folios = [r.text.strip() for r in runs(pdf.pages[1]) if r.text.strip().isdigit()]
    assert [numbers[-1] for numbers in shown] == pdf_folios
    # The same chapter headings, numbered alike, in both formats.
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings and all(re.match(r"^[一二三四五六七八九十]+、", h) for h in headings)


def test_characters_the_body_face_lacks_are_reported():
    choice = choose_fonts()["body"]
    if choice.used is None or font_file(choice.used) is None:
        pytest.skip("no body face that fontconfig can name")
    checked = check_glyphs({"body": choice}, {"body": "正文\U0002a6a5字"})["body"]
    assert checked.missing == "\U0002a6a5"
    assert "1 个字没有字形" in checked.describe() and "\U0002a6a5" in checked.describe()
    assert check_glyphs({"body": choice}, {"body": "今年以来，工作取得新成效。"})["body"].missing == ""
