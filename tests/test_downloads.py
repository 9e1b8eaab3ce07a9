"""The download centre: the documents built with the site, for its audience, every link to a file that exists."""

from __future__ import annotations

import functools
import threading
import urllib.request
import zipfile
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, copy_project, run_mkdocs_build
from test_browser import CHROMIUM, CHROMIUM_ARGS, QuietHandler
from workreport.audience import PUBLIC
from workreport.sitebuild import BuildOptions
from workreport.views.downloads import dossier_honors, download_plan


@pytest.fixture(scope="module")
def public_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("downloads"), ROOT / "data")
    out = project / "site"
    build = run_mkdocs_build(project, out, BuildOptions(PUBLIC, quiet=False))
    assert build.returncode == 0, build.stderr
    return out


@pytest.fixture(scope="module")
def served(public_site: Path):
    handler = functools.partial(QuietHandler, directory=str(public_site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_the_plan_follows_the_audience(public, internal):
    names = [f.name for e in download_plan(public) for f in e.files]
    assert names[:5] == ["summary-2025-h1.docx", "summary-2025-h1.pdf", "cases-2025-h1.docx", "cases-2025-h1.pdf", "ledger-2025-h1.xlsx"]
    assert all("internal" not in n for n in names)
    assert all(n.endswith("-internal." + n.rsplit(".", 1)[1]) for e in download_plan(internal) for n in (f.name for f in e.files))
    # A dossier for each honor in preparation with support the audience may see, and no other.
    assert set(dossier_honors(public)) <= set(dossier_honors(internal))
    for honor in public.data.honors:
        supported = public.data.cases_supporting(honor.id) or honor.highlights
        assert (honor.id in dossier_honors(public)) == (honor.status.value in ("谋划中", "申报中") and bool(supported))


def test_every_link_of_the_download_centre_fetches_its_file(browser_page, served, public_site):
    page = browser_page
    page.goto(served + "/downloads/", wait_until="networkidle")
    links = page.locator("article a[href$='.docx'], article a[href$='.pdf'], article a[href$='.xlsx']")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    planned = sorted(f.name for e in download_plan_public(public_site) for f in e.files)
    assert sorted(h.rsplit("/", 1)[-1] for h in hrefs) == planned
    for href in hrefs:
        with urllib.request.urlopen(page.url.rsplit("/", 2)[0] + "/downloads/" + href.rsplit("/", 1)[-1]) as response:
            body = response.read()
            assert response.status == 200 and len(body) > 1000
    on_disk = sorted(p.name for p in (public_site / "downloads").iterdir() if p.suffix in (".docx", ".pdf", ".xlsx"))
    assert on_disk == planned and not any("internal" in n for n in on_disk)


def download_plan_public(site_dir: Path):
    from workreport.loading import load_dataset
    from workreport.views.context import Site

    return download_plan(Site(PUBLIC.edition(load_dataset(ROOT / "data", ROOT).dataset)))


def test_the_files_are_the_documents(public_site):
    folder = public_site / "downloads"
    summary = PdfReader(folder / "summary-2025-h1.pdf")
    assert "澄川市水利局2025年上半年工作总结" in summary.pages[0].extract_text().replace("\n", "").replace(" ", "")
    with zipfile.ZipFile(folder / "cases-2025-h1.docx") as docx:
        assert "word/document.xml" in docx.namelist()
    dossier = next(folder.glob("dossier-*.pdf"))
    assert "申报材料" in PdfReader(dossier).pages[0].extract_text().replace("\n", "")


def test_the_honors_wall_links_each_dossier(browser_page, served, public_site):
    page = browser_page
    page.goto(served + "/honors/", wait_until="networkidle")
    links = page.get_by_role("link", name="申报材料下载")
    assert links.count() == len(list((public_site / "downloads").glob("dossier-*.docx")))
    links.first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.split("#")[0].endswith("/downloads/") and "#dossier-HN-" in page.url
    assert page.locator(page.url.split("#")[1].join(["#", ""])).count() == 1


@pytest.fixture(scope="module")
def browser_page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = chromium.new_page()
        yield page
        chromium.close()
