"""Text from data is plain text: markup, Markdown, attribute lists and ``javascript:`` URLs typed
into every free-text field of every record kind reach every output as characters, never as code.

The minimal bureau is filled with hostile text (``hostile.py`` finds the free-text fields from
the model), built with the real MkDocs for both audiences and exported; the HTML is read with
an HTML parser (elements, attributes, URLs), the search index likewise, and Chromium opens the
pages and runs a search for a hostile title with a dialog watcher and a trap on ``alert``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import MINIMAL_DATA, copy_project
from hostile import MARK, PAYLOAD, poison_data
from test_browser import search

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "workreport", *args], cwd=project, capture_output=True, text=True, env=env, check=False)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile"), MINIMAL_DATA)
    assert poison_data(project / "data") >= 40  # titles, names, notes, prose of every kind
    for args in (["check"], ["build"], ["build", "--public", "--site-dir", "public-site"], ["export"]):
        done = run(project, *args)
        assert done.returncode == 0, (args, done.stderr)
    return project


class Inspector(HTMLParser):
    """Everything in a page that could run: elements and attributes a payload could have made."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.text: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and value and value.strip().lower().startswith(("javascript:", "data:text")):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and values.get("src") == "x":
            self.found.append("<img src=x>")
        if tag == "script" and "src" not in values and values.get("type") != "application/json":
            self.found.append("inline <script>")
        self.in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if not self.in_script:
            self.text.append(data)


def inspect(path: Path) -> Inspector:
    inspector = Inspector()
    inspector.feed(path.read_text(encoding="utf-8"))
    return inspector


@pytest.mark.parametrize("folder", ["site", "public-site"])
def test_no_page_holds_markup_from_data(hostile: Path, folder: str):
    pages = sorted((hostile / folder).rglob("*.html"))
    assert len(pages) > 15
    shown = 0
    for page in pages:
        inspector = inspect(page)
        assert inspector.found == [], (page, inspector.found)
        text = "".join(inspector.text)
        shown += MARK in text
        # What was typed is what is shown: the payload's markup appears as text.
        if MARK in text:
            assert "<img src=x onerror=" in text or "毒数据" in text
    assert shown > 10


def test_record_pages_show_the_typed_characters(hostile: Path):
    text = "".join(inspect(hostile / "site" / "tasks" / "T-1" / "index.html").text)
    # The title: in <title>, in the header, as the h1; every character as typed.
    assert text.count('毒数据<img src=x onerror="alert(1)">[点我](javascript:alert(2))') >= 3
    assert '{: onmouseover="alert(3)" } *斜* _下_ `码` | 竖线 <script>alert(4)</script> &amp; # 标题' in text


def test_search_index_holds_text_only(hostile: Path):
    index = json.loads((hostile / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    titled = 0
    for doc in index["docs"]:
        for key in ("title", "text"):
            inspector = Inspector()
            inspector.feed(doc[key])
            tags = set(inspector.found)
            assert tags == set(), (doc["location"], key, tags)
            assert "<img" not in doc[key] and "<script" not in doc[key] and "<a " not in doc[key], (doc["location"], key)
        titled += MARK in doc["title"].replace("\u200b", "")  # jieba splits words with zero-width spaces
    assert titled > 0


def test_exports_hold_the_typed_characters(hostile: Path):
    with zipfile.ZipFile(hostile / "dist" / "cases-2025-h1.docx") as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    # As XML text, escaped once: the reader's Word shows the characters typed.
    assert "&lt;img src=x onerror=\"alert(1)\"&gt;[点我](javascript:alert(2))" in body
    with zipfile.ZipFile(hostile / "dist" / "ledger-2025-h1.xlsx") as xlsx:
        sheets = "".join(xlsx.read(n).decode("utf-8") for n in xlsx.namelist() if n.startswith("xl/"))
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in sheets


# ---------------------------------------------------------------------- in Chromium

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            raise RuntimeError("chromium is required in CI (.ci/run installs it)")
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    from test_browser import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def served(hostile: Path):
    import functools
    import threading
    from http.server import ThreadingHTTPServer

    from test_browser import QuietHandler

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(hostile / "site")))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


TRAP = """
window.__ran = [];
for (const name of ["alert", "confirm", "prompt"]) {
  window[name] = (...args) => { window.__ran.push(name + ":" + args.join(",")); };
}
"""


def test_pages_and_search_run_nothing_from_data(browser, served: str):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(TRAP)
    for path in ["/", "/tasks/T-1/", "/cases/C-1/", "/indicators/I-1/", "/projects/P-1/", "/units/rural/",
                 "/highlights/", "/honors/", "/bottom-lines/", "/reports/summary/"]:
        page.goto(served + path, wait_until="networkidle")
        # Hover and click what a payload would have turned into an element with a handler.
        page.mouse.move(300, 300)
        page.locator("h1").first.hover()
        page.locator("h1").first.click()
        assert page.evaluate("window.__ran") == [], path
    page.goto(served + "/", wait_until="networkidle")
    shown = search(page, MARK)
    # The titles are shown as the characters typed, not as an image element.
    assert page.locator(".md-search-result__item").count() > 0
    assert page.locator(".md-search-result img[src=x]").count() == 0
    assert '<img src=x onerror="alert(1)">' in shown
    page.wait_for_timeout(300)
    assert dialogs == [] and page.evaluate("window.__ran") == []
    page.close()


def test_payload_is_the_one_being_tested():
    # If the payload lost its markup, the tests above would pass for nothing.
    assert "<img src=x onerror=" in PAYLOAD and "](javascript:" in PAYLOAD and "{: on" in PAYLOAD


class Cells(HTMLParser):
    """The text of every table cell on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("td", "th"):
            self.cells.append("")
            self.open = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self.open = False

    def handle_data(self, data: str) -> None:
        if self.open:
            self.cells[-1] += data


@pytest.mark.parametrize("folder", ["site", "public-site"])
def test_no_data_text_breaks_a_table(hostile: Path, folder: str):
    """Every field holds a `|`: had one escaped the cell rule, its cell would end at the pipe
    (Markdown tables drop the cells past the header's count, so the text after it vanishes)."""
    checked = 0
    for page in sorted((hostile / folder).rglob("*.html")):
        parser = Cells()
        parser.feed(page.read_text(encoding="utf-8"))
        for cell in parser.cells:
            if MARK in cell:
                assert "| 竖线 <script>alert(4)</script>" in cell, (page, cell)
                checked += 1
    assert checked > 20
