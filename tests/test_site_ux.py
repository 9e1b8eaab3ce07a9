"""The site as leaders and the office use it, in Chromium: every menu page a visible click away,
nothing wider than a phone, no serious accessibility fault (axe-core), search that runs on paste."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_browser import browser, heading, server  # noqa: F401 (fixtures)

AXE = Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js"
"""axe-core as the registry package ships it (no download at test time)."""


def _first_record(site: Path, folder: str) -> str:
    return "/" + folder + "/" + min(p.name for p in (site / folder).iterdir() if (p / "index.html").is_file()) + "/"


@pytest.fixture(scope="module")
def page_kinds(site: Path) -> dict[str, str]:
    """One page of every kind the site has: lists, records, analyses, documents, the odd ones."""
    kinds = {
        "home": "/", "tasks": "/tasks/", "indicators": "/indicators/", "projects": "/projects/",
        "analysis": "/analysis/", "categories": "/analysis/categories/", "unit-scores": "/analysis/units/",
        "leader-scores": "/analysis/leaders/", "summary": "/reports/summary/", "review": "/reports/review/",
        "cases": "/cases/", "highlights": "/highlights/", "honors": "/honors/", "units": "/units/",
        "bottom-lines": "/bottom-lines/", "downloads": "/downloads/", "guide": "/guide/", "not-found": "/404.html",
    }
    for folder in ("tasks", "indicators", "projects", "cases", "units", "leaders", "categories"):
        kinds[f"{folder}-record"] = _first_record(site, folder)
    return kinds


KINDS = [
    "home", "tasks", "indicators", "projects", "analysis", "categories", "unit-scores", "leader-scores", "summary",
    "review", "cases", "highlights", "honors", "units", "bottom-lines", "downloads", "guide", "not-found",
    "tasks-record", "indicators-record", "projects-record", "cases-record", "units-record", "leaders-record",
    "categories-record",
]


def _visible_links(page, selector: str) -> set[str]:
    return set(page.eval_on_selector_all(
        selector, "links => links.filter(a => a.offsetParent !== null && a.getClientRects().length).map(a => a.href)",
    ))


@pytest.mark.parametrize("width", [1920, 1366])
def test_every_menu_page_is_a_visible_click_away(browser, server, width):  # noqa: F811
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + "/", wait_until="networkidle")
    # The whole menu is in the page (Material keeps it for the phone drawer), visible or not.
    menu = set(page.eval_on_selector_all(".md-sidebar--primary a.md-nav__link[href]", "links => links.map(a => a.href)"))
    menu = {href for href in menu if "#" not in href}
    tabs = _visible_links(page, ".md-tabs a")
    assert len(tabs) >= 10
    reached = set(tabs)
    for tab in sorted(tabs):
        page.goto(tab, wait_until="networkidle")
        reached |= _visible_links(page, ".md-tabs a, .md-sidebar--primary a.md-nav__link")
    assert len(menu) > len(tabs)  # there are sub-pages: 月度复盘, 单位记分, 分管领导…
    assert menu - reached == set()
    page.close()


def test_record_pages_say_where_they_are(browser, server, page_kinds):  # noqa: F811
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(server + page_kinds["tasks-record"], wait_until="networkidle")
    crumbs = page.locator(".wr-crumbs a")
    assert crumbs.first.inner_text() == "重点任务" and crumbs.count() == 2
    page.goto(server + "/analysis/units/", wait_until="networkidle")
    assert "分析研判" in page.locator(".md-path").inner_text()
    page.close()


def test_the_phone_drawer_reaches_the_monthly_review(browser, server):  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "/", wait_until="networkidle")
    page.locator("label.md-header__button[for=__drawer]").click()
    drawer = page.locator(".md-sidebar--primary")
    drawer.get_by_text("总结复盘", exact=True).first.click()
    drawer.get_by_role("link", name="月度复盘").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/reports/review/") and "月度复盘" in heading(page)
    page.close()


SMALLEST_TEXT = """() => {
  let smallest = Infinity;
  for (const svg of document.querySelectorAll('svg.wr-chart__svg')) {
    const box = svg.viewBox.baseVal; if (!box || !box.width) continue;
    const scale = svg.getBoundingClientRect().width / box.width;
    for (const text of svg.querySelectorAll('text, tspan')) {
      const size = parseFloat(getComputedStyle(text).fontSize);
      if (size) smallest = Math.min(smallest, size * scale);
    }
  }
  return smallest;
}"""


@pytest.mark.parametrize("kind", KINDS)
def test_no_page_is_wider_than_a_phone(browser, server, page_kinds, kind):  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + page_kinds[kind], wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate(SMALLEST_TEXT) >= 11  # charts keep their text legible (Infinity: no chart)
    assert "数据截至2025年6月30日" in page.locator(".md-footer").inner_text()  # on every page
    page.close()


def test_phones_show_two_number_cards_a_row_and_two_line_lagging_rows(browser, server):  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "/", wait_until="networkidle")
    tops = [round(box["y"]) for box in (card.bounding_box() for card in page.locator(".wr-kpi").all()) if box]
    assert tops[0] == tops[1] != tops[2] == tops[3]
    row = page.locator(".wr-panel--behind li").first
    name, gap = row.locator("a").bounding_box(), row.locator(".wr-gap").bounding_box()
    assert name and gap and gap["y"] > name["y"] + name["height"] / 2  # the figures on the second line
    assert row.bounding_box()["height"] < 3 * name["height"]
    page.close()


def test_wide_tables_become_cards_on_a_phone(browser, server):  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "/tasks/", wait_until="networkidle")
    table = page.locator("table[data-cards]").first
    assert not table.locator("thead").is_visible()
    cell = table.locator("tbody tr").first.locator("td").nth(1)
    label = cell.evaluate("td => getComputedStyle(td, '::before').content")
    assert label.strip('"') == cell.get_attribute("data-label") != ""
    page.close()


@pytest.mark.parametrize("width", [1920, 390])
@pytest.mark.parametrize("kind", KINDS)
def test_no_serious_accessibility_violation(browser, server, page_kinds, kind, width):  # noqa: F811
    page = browser.new_page(viewport={"width": width, "height": 1000})
    page.goto(server + page_kinds[kind], wait_until="networkidle")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))""")
    assert violations == []
    page.close()


def _results(page) -> str:
    meta = page.locator(".md-search-result__meta")
    # Wait for an answer: neither the prompt (键入…) nor the worker still loading (正在初始化…).
    page.wait_for_function(
        "() => { const t = document.querySelector('.md-search-result__meta').innerText;"
        " return !t.includes('键入') && !t.includes('正在初始化'); }",
        timeout=15000,
    )
    assert "符合条件" in meta.inner_text()
    return page.locator(".md-search-result").inner_text().replace("\u200b", "")


def test_a_pasted_query_searches_without_a_key(browser, server, sample):  # noqa: F811
    page = browser.new_page()
    page.goto(server + "/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    # fill() sets the text as a paste does: an input event and no key at all.
    page.locator("input.md-search__input").fill("灌区")
    assert sample.task_by_id["T-RV-01"].title in _results(page)
    page.close()


def test_text_committed_by_an_input_method_searches(browser, server, sample):  # noqa: F811
    page = browser.new_page()
    page.goto(server + "/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.evaluate("""() => { const box = document.querySelector('input.md-search__input');
        box.value = '灌区'; box.dispatchEvent(new CompositionEvent('compositionend', {data: '灌区'})); }""")
    assert sample.task_by_id["T-RV-01"].title in _results(page)
    page.close()


def test_lists_filter_by_line_of_work_unit_leader_and_status(browser, server, sample):  # noqa: F811
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(server + "/tasks/", wait_until="networkidle")
    rows = page.locator(".wr-filterable tbody tr")
    assert rows.count() == len(sample.tasks)
    form = page.locator(".wr-filterable form.wr-filter")
    assert [form.locator("label").nth(i).inner_text().split("\n")[0] for i in range(4)] == ["工作条线", "牵头单位", "分管领导", "状态"]
    form.locator("select[name='分管领导']").select_option("何立新")
    led = [t for t in sample.tasks if sample.task_leader(t).name == "何立新"]
    assert page.locator(".wr-filterable tbody tr:visible").count() == len(led) > 0
    assert page.locator(".wr-filter__count").inner_text() == f"显示 {len(led)} / {len(sample.tasks)} 项"
    form.locator("select[name='section']").select_option("幸福河湖建设")
    both = [t for t in led if t.category == "happy-rivers"]
    assert page.locator(".wr-filterable tbody tr:visible").count() == len(both)
    # A line of work with no match is hidden whole, heading included.
    assert not page.locator(".wr-filterable h2", has_text="数字化建设").is_visible()
    page.close()


def test_the_filter_warns_of_a_column_its_list_lacks(browser, server):  # noqa: F811
    # tests/test_list_filter.py keeps the names right; a wrong one still says so in the console.
    page = browser.new_page()
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    for path in ("/tasks/", "/projects/", "/indicators/"):
        page.goto(server + path, wait_until="networkidle")
    assert not [w for w in warnings if "list-filter" in w]

    def renamed(route):
        body = route.fetch().text().replace('data-filter-columns="牵头单位,', 'data-filter-columns="牵头处室,')
        route.fulfill(body=body, content_type="text/html; charset=utf-8")

    page.route("**/tasks/", renamed)
    page.goto(server + "/tasks/", wait_until="networkidle")
    (warning,) = [w for w in warnings if "list-filter" in w]
    assert warning.startswith("list-filter: no column “牵头处室” in this list (data-filter-columns)")
    assert page.locator("form.wr-filter select[name='分管领导']").count() == 1  # the others still work
    page.close()


def test_every_row_is_listed_without_scripts(browser, server, sample):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for path, count in (("/tasks/", len(sample.tasks)), ("/indicators/", len(sample.indicators)), ("/projects/", len(sample.projects))):
        page.goto(server + path, wait_until="networkidle")
        assert page.locator(".wr-filterable tbody tr:visible").count() == count
        assert page.locator("form.wr-filter").count() == 0
    context.close()


WHOLE_TERMS = [
    # A line of work, a cases' tag, a project kind, a place, a unit: typed whole, the pages holding it come first.
    "服务乡村振兴", "生态清洁小流域", "水库除险加固", "柳溪县", "河湖管理处",
]


@pytest.mark.parametrize("term", WHOLE_TERMS)
def test_a_term_typed_whole_ranks_the_pages_holding_it_first(browser, server, term):  # noqa: F811
    page = browser.new_page()
    page.goto(server + "/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill(term)
    _results(page)
    first = page.locator(".md-search-result__item").first.inner_text().replace("\u200b", "")
    assert term in first, first[:200]
    page.close()


def test_developer_pages_are_out_of_the_search(site):
    import json

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("performance/")]


def test_filter_controls_are_not_indexed_as_text(site):
    import json

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    highlights = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("highlights/"))
    text = highlights.replace("\u200b", "")
    assert "工作条线" in (site / "highlights" / "index.html").read_text(encoding="utf-8")  # the form is in the page
    assert "工作条线 全部" not in text and "标签 全部" not in text
