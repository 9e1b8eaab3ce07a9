"""The built sample site in Debian's Chromium: pages render and nothing is fetched from outside."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not Path(CHROMIUM).exists():
    # CI installs chromium; a developer machine without it skips rather than fails.
    if os.environ.get("CI"):
        raise RuntimeError("chromium is required in CI (.ci/run installs it)")
    pytest.skip("chromium is not installed", allow_module_level=True)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(site: Path):
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def heading(page) -> str:
    # The permalink anchor "¶" is part of the heading's text.
    return page.locator("h1").inner_text().rstrip("¶").strip()


def test_home_page_renders_offline_and_links_to_a_task(browser, server, sample):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + "/", wait_until="networkidle")

    assert "澄川市水利局" in page.title() or "澄川市水利局" in page.inner_text("header")
    assert heading(page) == "澄川市水利局2025年上半年工作看板"
    headline = next(t for t in sample.tasks if t.headline)
    page.locator(".wr-kpi").first.click()  # 重点任务 → the task list
    page.wait_for_load_state("networkidle")
    page.get_by_role("link", name=headline.title).first.click()
    page.wait_for_load_state("networkidle")
    assert heading(page) == headline.title
    assert page.url.endswith(f"/tasks/{headline.id}/")

    outside = [url for url in requests if not url.startswith(server)]
    assert requests and outside == []
    page.close()


def search(page, term: str) -> str:
    """Search as a user would and return the results' text once the search worker answers."""
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.click()
    # Typing CJK key by key does not trigger Material's search: fill the field, then a
    # key press (End) makes the search run; repeat until the worker has its index.
    box.fill(term)
    for _ in range(60):
        box.press("End")
        page.wait_for_timeout(250)
        shown = meta.inner_text()
        if "键入以开始搜索" not in shown and "正在初始化" not in shown:  # an answer, not the prompt or the loading line
            break
    # jieba's zero-width spaces are in the indexed titles too.
    return page.locator(".md-search-result").inner_text().replace("\u200b", "")


def test_chinese_search_finds_a_task(browser, server, sample):
    task = next(t for t in sample.tasks if t.id == "T-RV-01")
    page = browser.new_page()
    page.goto(server + "/", wait_until="networkidle")
    results = search(page, "灌区")
    assert "个符合条件的结果" in results
    assert task.title in results
    page.close()


def test_dashboard_fits_one_1920_by_1080_screen(browser, server):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(server + "/", wait_until="networkidle")
    box = page.locator(".wr-dash").bounding_box()
    assert box is not None and box["height"] > 300
    assert box["y"] + box["height"] <= 1080, f"the dashboard ends at {box['y'] + box['height']:.0f} px"
    assert page.evaluate("document.documentElement.scrollWidth") <= 1920
    # Every panel and figure is a way in: follow the worst lagging task.
    links = page.locator(".wr-dash a")
    assert links.count() > 40
    page.locator(".wr-panel--behind li a").first.click()
    page.wait_for_load_state("networkidle")
    assert heading(page) == "山洪灾害监测预警设施更新"
    page.close()


def test_highlights_narrow_by_line_of_work_and_back(browser, server, sample):
    page = browser.new_page()
    page.goto(server + "/highlights/", wait_until="networkidle")
    cards = page.locator(".wr-card")
    total = cards.count()
    assert total == len(sample.highlights)
    form = page.locator("form.wr-filter")
    assert form.is_visible()  # shown by the script; without it every card is simply listed
    category = "happy-rivers"
    expected = sum(1 for h in sample.highlights if h.category == category)
    form.locator("select[name=category]").select_option(category)
    assert page.locator(".wr-card:visible").count() == expected
    assert page.locator(".wr-filter__count").inner_text() == f"显示 {expected} / {total} 项"
    form.locator("select[name=tag]").select_option("防汛")  # no river highlight has this tag
    assert page.locator(".wr-card:visible").count() == 0
    assert page.locator(".wr-filter__empty").is_visible()
    form.locator("select[name=category]").select_option("")
    assert page.locator(".wr-card:visible").count() == sum(1 for h in sample.highlights if "防汛" in h.tags)
    page.close()


def test_case_photos_open_full_size_without_scripts(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/cases/C-01/", wait_until="networkidle")
    viewer = page.locator("#photo-1")
    assert not viewer.is_visible()
    page.locator(".wr-gallery a").first.click()
    assert viewer.is_visible()
    assert "图1" in viewer.locator("figcaption").inner_text()
    viewer.get_by_text("下一张").click()
    assert page.locator("#photo-2").is_visible() and not viewer.is_visible()
    page.locator("#photo-2").get_by_text("关闭").click()
    assert not page.locator("#photo-2").is_visible()
    context.close()


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The offline bundle of the sample, unzipped as a reviewer would from a USB stick."""
    import subprocess
    import sys
    import zipfile

    from conftest import ROOT, copy_project

    project = copy_project(tmp_path_factory.mktemp("bundle"), ROOT / "data")
    done = subprocess.run([sys.executable, "-m", "workreport", "bundle"], cwd=project, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    target = project / "unzipped"
    with zipfile.ZipFile(project / "dist" / "site-2025-h1.zip") as archive:
        archive.extractall(target)
    return target / "site-2025-h1"


def test_offline_bundle_opens_from_file_and_searches_without_network(browser, bundle: Path, sample):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((bundle / "index.html").as_uri())
    page.wait_for_load_state("load")
    task = sample.task_by_id["T-RV-01"]
    results = search(page, "灌区")
    assert task.title in results
    # Links are plain .html files, so following one works from the file system too.
    page.keyboard.press("Escape")  # close the search
    page.locator(".wr-panel--behind li a").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(".html") and heading(page) == "山洪灾害监测预警设施更新"
    assert requests and [url for url in requests if not url.startswith("file://")] == []
    page.close()


SEARCHES = [
    # (term typed, a page that must be among the results): the bureau's own words.
    ("灌区", "实施12个灌区续建配套与现代化改造"),
    ("除险加固", "22座病险水库除险加固"),
    ("幸福河湖", "从“一河一策”到“一河一景”：幸福河湖梯队建设的澄川实践"),
    ("一网通办", "深化“一网通办”"),
    ("数字孪生", "构建“数字澄江”：数字孪生流域先行先试的澄川实践"),
    ("小流域", "争取小流域综合治理重点工程项目4个"),
    ("防汛", "全市防汛防台综合应急演练在澄江北塘段举行"),
    ("标准化管理", "从“管得住”到“管得好”：水利工程标准化管理的澄川实践"),
    ("上半年", "澄川市水利局2025年上半年工作总结"),
]


@pytest.mark.parametrize(("term", "expected"), SEARCHES, ids=[t for t, _ in SEARCHES])
def test_chinese_search_finds_the_page(browser, server, term, expected):
    page = browser.new_page()
    page.goto(server + "/", wait_until="networkidle")
    results = search(page, term)
    assert "个符合条件的结果" in results, results[:200]
    assert expected in results, results[:600]
    page.close()


def test_pages_and_searches_fetch_nothing_from_outside(browser, server):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ("/", "/tasks/", "/cases/C-01/", "/highlights/", "/reports/summary/", "/indicators/I-PROV-02/"):
        page.goto(server + path, wait_until="networkidle")
    for term in ("灌区", "河湖长制"):
        search(page, term)
        page.keyboard.press("Escape")
    assert len(requests) > 20
    assert [url for url in requests if not url.startswith(server)] == []
    page.close()
