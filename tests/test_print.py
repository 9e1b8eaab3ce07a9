"""Printing the site from Chromium: the summary as an A4 document, the dashboard on one A4 landscape sheet.

The pages are printed to PDF as a user's "Print → Save as PDF" would (print media, the page size of the
stylesheet's @page rules) and read back with pypdf.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

# The sample site, its server and Chromium: the same fixtures as the browser tests (skipped with them).
from test_browser import browser, heading, server  # noqa: F401

A4 = (595.28, 841.89)  # points
TOLERANCE = 2.0
CHROME = {
    "header": ".md-header",
    "tabs": ".md-tabs",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "search": ".md-search",
    "footer": ".md-footer",
    "back to top": ".md-top",
    "permalinks": ".md-typeset .headerlink",
}
# The dashboard's page box inside its margins (A4 landscape less 8 mm each side), in CSS pixels.
DASHBOARD_BOX = {"width": round((297 - 16) / 25.4 * 96), "height": round((210 - 16) / 25.4 * 96)}


# Chromium names a glyph by the lowest code point the font gives it: CJK radicals where the font draws the
# ideograph and its radical alike. NFKC folds the Kangxi radicals (⽔ → 水, ⼀ → 一); the simplified
# forms of the supplement have no decomposition and are folded here (Unicode's EquivalentUnifiedIdeograph).
RADICALS = str.maketrans(
    "⺠⺰⻅⻆⻈⻉⻋⻐⻓⻔⻘⻙⻚⻛⻜⻝⻠⻢⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
    "民纟见角讠贝车钅长门青韦页风飞食饣马鱼鸟卤麦黄黾齐齿龙龟",
)


def plain(text: str) -> str:
    """PDF text comparable with the page's: radicals folded into ideographs, and no white space
    (justified lines come out with spaces between the characters)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(RADICALS))


def print_page(chromium, url: str, target: Path):
    """Open ``url`` and print it to ``target``; the page (still open, in print media) is returned."""
    page = chromium.new_page()
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")
    page.pdf(path=str(target), prefer_css_page_size=True)
    return page


def sizes(pdf: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(pdf).pages]


def is_a4(size: tuple[float, float], *, landscape: bool) -> bool:
    expected = (A4[1], A4[0]) if landscape else A4
    return all(abs(got - want) <= TOLERANCE for got, want in zip(size, expected))


@pytest.fixture(scope="module")
def summary(browser, server, tmp_path_factory):  # noqa: F811
    """The summary printed: the PDF, the page's title and article text, and the tab labels of the site."""
    pdf = tmp_path_factory.mktemp("print") / "summary.pdf"
    page = print_page(browser, server + "/reports/summary/", pdf)
    title = heading(page)
    article = page.inner_text("article")
    tabs = page.locator(".md-tabs__link").all_text_contents()
    page.close()
    return pdf, title, article, [t.strip() for t in tabs]


def test_summary_prints_on_a4_portrait_pages(summary):
    pdf = summary[0]
    pages = sizes(pdf)
    assert len(pages) > 1
    assert all(is_a4(size, landscape=False) for size in pages), pages


def test_summary_first_page_reads_as_a_document_without_site_chrome(summary):
    pdf, title, article, tabs = summary
    first = plain(PdfReader(pdf).pages[0].extract_text())
    assert plain(title) in first
    assert "一、" in first
    # Tab labels that the summary itself never says: on paper they could only come from the navigation.
    nav_only = [label for label in tabs if label and plain(label) not in plain(article)]
    assert len(nav_only) >= 3, tabs
    printed = [label for label in nav_only if plain(label) in first]
    assert printed == [], f"navigation printed: {printed}"
    assert "搜索" not in plain(article)
    assert "搜索" not in first


def test_summary_prints_in_document_typography(browser, server):  # noqa: F811
    page = browser.new_page()
    page.goto(server + "/reports/summary/", wait_until="networkidle")
    page.emulate_media(media="print")
    style = page.evaluate(
        """() => {
          const css = (selector) => getComputedStyle(document.querySelector(selector));
          const p = css('.wr-doc > p'), h1 = css('h1'), h2 = css('.wr-doc h2'), h3 = css('.wr-doc h3');
          const link = css('.wr-doc p a');
          return {
            size: p.fontSize, indent: p.textIndent, align: p.textAlign, body: p.fontFamily,
            title: h1.fontSize, titleAlign: h1.textAlign, h2: h2.fontFamily, h3: h3.fontFamily,
            link: link.color, underline: link.textDecorationLine,
          };
        }"""
    )
    page.close()
    px = 96 / 72
    assert float(style["size"].removesuffix("px")) == pytest.approx(16 * px, abs=0.1)  # 三号
    assert float(style["indent"].removesuffix("px")) == pytest.approx(32 * px, abs=0.1)  # two characters
    assert style["align"] == "justify"
    assert "FangSong" in style["body"]
    assert float(style["title"].removesuffix("px")) == pytest.approx(22 * px, abs=0.1)  # 二号
    assert style["titleAlign"] == "center"
    assert "SimHei" in style["h2"] and "KaiTi" in style["h3"]
    assert style["link"] == "rgb(0, 0, 0)" and style["underline"] == "none"


def test_dashboard_prints_on_one_a4_landscape_page(browser, server, tmp_path):  # noqa: F811
    pdf = tmp_path / "dashboard.pdf"
    print_page(browser, server + "/", pdf).close()
    pages = sizes(pdf)
    assert len(pages) == 1, f"the dashboard prints on {len(pages)} pages"
    assert is_a4(pages[0], landscape=True), pages[0]
    text = plain(PdfReader(pdf).pages[0].extract_text())
    for words in ("工作看板", "推进状态", "滞后任务", "风险指标与扣分", "重点工程", "单位扣分", "荣誉与亮点"):
        assert words in text


def test_dashboard_print_cuts_no_names_and_panels_do_not_overlap(browser, server):  # noqa: F811
    # Laid out at the width of the printed page: what the PDF shows, measurable.
    page = browser.new_page(viewport=DASHBOARD_BOX)
    page.goto(server + "/", wait_until="networkidle")
    page.emulate_media(media="print")
    found = page.evaluate(
        """() => {
          const boxes = [...document.querySelectorAll('.wr-dash > *')].map((e) => e.getBoundingClientRect());
          const overlaps = [];
          boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => {
            if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
              overlaps.push([i, i + 1 + j]);
          }));
          const texts = [...document.querySelectorAll('.wr-dash a, .wr-dash span, .wr-dash li, .wr-panel')];
          const cut = texts.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
            .filter((e) => getComputedStyle(e).display !== 'inline')
            .map((e) => e.textContent.trim().slice(0, 40));
          const dash = document.querySelector('.wr-dash').getBoundingClientRect();
          return {panels: boxes.length, overlaps, cut, bottom: dash.bottom, right: dash.right};
        }"""
    )
    page.close()
    assert found["panels"] >= 7
    assert found["overlaps"] == []
    assert found["cut"] == []
    assert found["right"] <= DASHBOARD_BOX["width"] + 1
    assert found["bottom"] <= DASHBOARD_BOX["height"]


@pytest.mark.parametrize("path", ["/", "/reports/summary/"])
def test_site_chrome_is_not_printed(browser, server, path):  # noqa: F811
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(server + path, wait_until="networkidle")
    script = "(selectors) => selectors.map((s) => [...document.querySelectorAll(s)].map((e) => getComputedStyle(e).display))"
    on_screen = dict(zip(CHROME, page.evaluate(script, list(CHROME.values()))))
    assert all(on_screen.values()), f"missing from the page: {[k for k, v in on_screen.items() if not v]}"
    assert "none" not in on_screen["header"] + on_screen["tabs"] + on_screen["search"]  # what the test is about
    page.emulate_media(media="print")
    printed = dict(zip(CHROME, page.evaluate(script, list(CHROME.values()))))
    page.close()
    shown = {name: displays for name, displays in printed.items() if set(displays) != {"none"}}
    assert shown == {}, f"printed: {shown}"
