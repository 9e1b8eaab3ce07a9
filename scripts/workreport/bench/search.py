"""Search as a reader meets it: Material's one-file index against Pagefind's index in chunks.

Two things are measured in Chromium on a built site. The cold first search: seconds and
bytes from opening the home page to the first results on screen (nothing cached). And whether
the results are the right ones, on Chinese queries of two to seven characters drawn from the
data itself: recall (of the pages whose text holds the query, how many are found) and rank
(is the page that names the query in its title, or else holds it most often, the first result).

Pagefind runs on the built site (``python -m pagefind``); its extended build cuts Chinese into
words itself. Figures are reported, never asserted.
"""

from __future__ import annotations

import contextlib
import functools
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from ..dataset import Dataset
from ..search_terms import HAN, data_terms
from .measure import page_text

CHROMIUM = "/usr/bin/chromium"
PAGEFIND_FOLDER = "pagefind"
TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
INVISIBLE = str.maketrans("", "", "\u200b\u00ad")


def pagefind_installed() -> bool:
    """Pagefind is the benchmark's own requirement (``requirements-bench.txt``), not the site's."""
    import importlib.util

    return importlib.util.find_spec("pagefind") is not None


def index_with_pagefind(site: Path) -> float:
    """Pagefind's index of ``site`` (its pages' article only), in ``site/pagefind``: seconds taken."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", PAGEFIND_FOLDER,
         "--root-selector", "article", "--silent"],
        check=True, capture_output=True,
    )
    return time.perf_counter() - started


@dataclass(frozen=True)
class Page:
    url: str
    """The page's path from the site's root, ``tasks/T-01/``."""
    title: str
    text: str


def site_pages(site: Path) -> list[Page]:
    """Every page's title and visible article text, as a reader sees them (no zero-width spaces)."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        if PAGEFIND_FOLDER in path.relative_to(site).parts:
            continue
        html = path.read_text(encoding="utf-8")
        title = TITLE.search(html)
        url = path.parent.relative_to(site).as_posix() + "/"
        pages.append(Page("" if url == "./" else url, _plain(title.group(1)) if title else "", page_text(html).translate(INVISIBLE)))
    return pages


def _plain(html: str) -> str:
    return " ".join(TAG.sub("", html).split()).translate(INVISIBLE)


def queries(data: Dataset, pages: list[Page], count: int = 30) -> list[str]:
    """``count`` Chinese queries of two to seven characters, from the data's own names and title words.

    For each length, the words that the most pages hold: the queries a reader of this bureau's
    site would type, spread over lengths so that both short and long words are tried.
    """
    import jieba

    candidates = {term for term in data_terms(data) if len(term) <= 7}
    titles = [t.title for t in data.tasks] + [c.title for c in data.cases] + [h.title for h in data.highlights]
    for title in titles:
        candidates.update(word for word in jieba.cut(title) if 2 <= len(word) <= 7 and all(HAN.match(ch) for ch in word))
    frequency = {word: sum(word in page.text for page in pages) for word in sorted(candidates)}
    ranked = sorted((w for w in frequency if frequency[w] > 0), key=lambda w: (-frequency[w], w))
    per_length = -(-count // 6)
    chosen = [w for length in range(2, 8) for w in [r for r in ranked if len(r) == length][:per_length]]
    # Lengths with fewer words leave room for the next most frequent ones.
    chosen += [w for w in ranked if w not in chosen][: max(count - len(chosen), 0)]
    return chosen[:count]


@dataclass(frozen=True)
class Judged:
    query: str
    relevant: int
    found: int
    """Relevant pages among the results."""
    results: int
    best_rank: int | None
    """Where the best page came (1 = first); None when it did not come at all."""


def judge(query: str, pages: list[Page], results: list[str]) -> Judged:
    holding = [page for page in pages if query in page.text or query in page.title]
    best = max(holding, key=lambda p: (query in p.title, p.text.count(query), -len(p.url)), default=None)
    relevant = {page.url for page in holding}
    unique = list(dict.fromkeys(results))
    rank = unique.index(best.url) + 1 if best and best.url in unique else None
    return Judged(query, len(relevant), len(relevant & set(unique)), len(unique), rank)


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


# In the page: every result's page for each query, through each engine's own programming interface.
MATERIAL_ALL = """async (queries) => {
  const index = await (await fetch(new URL("search/search_index.json", location.href))).json();
  const config = JSON.parse(document.getElementById("__config").textContent);
  const worker = new Worker(new URL(config.search, location.href));
  const ask = (message) => new Promise((resolve) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.postMessage(message);
  });
  await ask({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  const answers = [];
  for (const query of queries) {
    const reply = await ask({type: 2, data: query});
    answers.push(reply.data.items.map((group) => group[0].location.split("#")[0]));
  }
  worker.terminate();
  return answers;
}"""

PAGEFIND_ALL = """async (queries) => {
  const pagefind = await import(new URL("pagefind/pagefind.js", location.href).href);
  await pagefind.init();
  const root = new URL(".", location.href).pathname;
  const answers = [];
  for (const query of queries) {
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.map((result) => result.data()));
    answers.push(data.map((d) => d.url.startsWith(root) ? d.url.slice(root.length) : d.url));
  }
  return answers;
}"""

# A cold first search the way a reader's page would run it: the first five results' titles.
PAGEFIND_FIRST = """async (query) => {
  const pagefind = await import(new URL("pagefind/pagefind.js", location.href).href);
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
  return data.map((d) => d.meta.title);
}"""


def _browser(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])


def results_of(site: Path, engine: str, asked: list[str]) -> list[list[str]]:
    """Each query's result pages (site-relative paths, best first), from ``engine``: ``material`` or ``pagefind``."""
    from playwright.sync_api import sync_playwright

    script = MATERIAL_ALL if engine == "material" else PAGEFIND_ALL
    with served(site) as url, sync_playwright() as playwright:
        browser = _browser(playwright)
        page = browser.new_page()
        page.goto(url, wait_until="load")
        answers: list[list[str]] = page.evaluate(script, asked)
        browser.close()
    return answers


def cold_first_search(site: Path, engine: str, query: str) -> dict[str, Any]:
    """Seconds and bytes from opening the home page to the first results for ``query``, nothing cached."""
    from playwright.sync_api import sync_playwright

    with served(site) as url, sync_playwright() as playwright:
        browser = _browser(playwright)
        context = browser.new_context()
        fetched: list[int] = []
        context.on("requestfinished", lambda request: fetched.append(request.sizes()["responseBodySize"]))
        if engine == "pagefind":
            # The same site also carries Material's index, which its theme fetches on every page:
            # a site searched by Pagefind would not have it.
            context.route("**/search/search_index.json", lambda route: route.abort())
        page = context.new_page()
        started = time.perf_counter()
        page.goto(url, wait_until="load")
        loaded = time.perf_counter() - started
        if engine == "pagefind":
            titles = page.evaluate(PAGEFIND_FIRST, query)
            assert titles, f"Pagefind found nothing for {query}"
        else:
            box, meta = page.locator("input.md-search__input"), page.locator(".md-search-result__meta")
            box.click()
            box.fill(query)
            box.press("End")
            page.wait_for_function("() => /个符合条件的结果/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=120000)
            assert meta.inner_text()
        seconds = time.perf_counter() - started
        page.wait_for_timeout(200)  # responses still being counted
        browser.close()
    return {"seconds": round(seconds, 2), "page_seconds": round(loaded, 2), "mb": round(sum(fetched) / 2**20, 2), "requests": len(fetched)}


def quality(site: Path, data: Dataset) -> dict[str, Any]:
    """Recall and rank of both engines on the data's own queries (the site must have its Pagefind index)."""
    pages = site_pages(site)
    asked = queries(data, pages)
    rows = []
    totals: dict[str, dict[str, float]] = {}
    for engine in ("material", "pagefind"):
        judged = [judge(q, pages, found) for q, found in zip(asked, results_of(site, engine, asked), strict=True)]
        relevant = sum(j.relevant for j in judged)
        totals[engine] = {
            "recall": round(sum(j.found for j in judged) / max(relevant, 1), 3),
            "best_first": sum(j.best_rank == 1 for j in judged),
            "best_top5": sum(j.best_rank is not None and j.best_rank <= 5 for j in judged),
            "mean_results": round(sum(j.results for j in judged) / len(judged), 1),
        }
        rows.append([j.__dict__ for j in judged])
    per_query = [
        {"query": m["query"], "relevant": m["relevant"],
         "material": {"found": m["found"], "results": m["results"], "best_rank": m["best_rank"]},
         "pagefind": {"found": p["found"], "results": p["results"], "best_rank": p["best_rank"]}}
        for m, p in zip(rows[0], rows[1], strict=True)
    ]
    return {"queries": len(asked), "totals": totals, "per_query": per_query}


if __name__ == "__main__":  # python -m workreport.bench.search SITE DATA: the figures for one built site
    import json

    from ..loading import load_dataset

    site_dir, data_dir = Path(sys.argv[1]), Path(sys.argv[2])
    loaded = load_dataset(data_dir, data_dir.parent)
    assert loaded.dataset is not None
    if not (site_dir / PAGEFIND_FOLDER).exists():
        print("pagefind index seconds", round(index_with_pagefind(site_dir), 1))
    first = data_terms(loaded.dataset)[0]
    report = {"first_search": {e: cold_first_search(site_dir, e, first) for e in ("pagefind", "material")}}
    if "--quality" in sys.argv:
        report["quality"] = quality(site_dir, loaded.dataset)
    print(json.dumps(report, ensure_ascii=False, indent=1))
