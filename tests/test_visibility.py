"""Nothing marked internal leaves the bureau: public site, offline bundle, DOCX, PDF, XLSX.

Distinctive strings are planted in records and fields marked internal. Every output made
for outside readers is searched for them, byte by byte where it is text and through the
document readers where it is not. To show the search can fail, the same strings must be
found in the internal site and in exports made from the unfiltered data.
"""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, STAMP, copy_project, run_mkdocs_build

MARKERS = {
    "泄密标记甲": "an internal case (C-09)",
    "泄密标记乙": "an internal highlight (H-15)",
    "泄密标记丙": "an internal task (T-KP-06)",
    "泄密标记丁": "an internal field of a public task (T-RV-01 problems)",
    "泄密标记戊": "an internal indicator (I-CITY-03)",
    "泄密标记己": "an internal field of a public case (C-01 photos and their captions)",
    "泄密作者庚": "the name of the editor who committed the data (git history)",
    "泄密提交说明辛": "the message of the commit (git history)",
    "leak-geng@example.invalid": "the editor's e-mail address (never shown, not even internally)",
}
NEVER_SHOWN = {"leak-geng@example.invalid"}


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("leaks"), ROOT / "data")
    data = project / "data"
    replace(data / "cases" / "C-09.yaml", "title: 22座病险水库", "title: 泄密标记甲22座病险水库")
    replace(data / "highlights.yaml", "title: 考核指标“周复盘", "title: 泄密标记乙考核指标“周复盘")
    replace(data / "tasks" / "party-hr.yaml", "title: 工程建设领域廉政风险防控", "title: 泄密标记丙工程建设领域廉政风险防控")
    tasks = data / "tasks" / "rural-water.yaml"
    replace(tasks, "    headline: true\n", "    headline: true\n    internal_fields: [problems]\n")
    replace(tasks, "problems: 南渠灌区干渠沿线", "problems: 泄密标记丁。南渠灌区干渠沿线")
    replace(data / "indicators.yaml", "name: 信访事项按期办结率", "name: 泄密标记戊信访事项按期办结率")
    case = data / "cases" / "C-01.yaml"
    replace(case, "    photos:\n", "    internal_fields: [photos]\n    photos:\n")
    replace(case, "caption: 澄西区白鹭河", "caption: 泄密标记己澄西区白鹭河")
    # The data is committed: its history (names, messages, addresses) is internal too.
    git = ["git", "-c", "user.name=泄密作者庚", "-c", "user.email=leak-geng@example.invalid"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "泄密提交说明辛：录入上半年数据"], cwd=project, check=True)
    return project


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "workreport", *args], cwd=project, capture_output=True, text=True, env=env, check=False)


@pytest.fixture(scope="module")
def outputs(project: Path) -> Path:
    """The public site, the offline bundle and the exports of the planted project."""
    for command in (["build", "--public", "--site-dir", "public-site"], ["bundle"], ["export"]):
        done = run(project, *command)
        assert done.returncode == 0, done.stderr
    return project


def found_in_text(text: str) -> set[str]:
    text = text.replace("\u200b", "")  # jieba's separators in the search index
    return {m for m in MARKERS if m in text}


def found_in_files(folder: Path) -> dict[str, set[str]]:
    hits = {}
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".js", ".xml", ".txt", ".md"}:
            found = found_in_text(path.read_text(encoding="utf-8", errors="ignore"))
            if found:
                hits[str(path.relative_to(folder))] = found
    return hits


def found_in_zip(path: Path) -> set[str]:
    """Every part of a zip (DOCX, XLSX and the bundle are zips), read as text.

    XML may spell characters as references (openpyxl writes &#24037; for 工): unescape first.
    """
    found: set[str] = set()
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            found |= found_in_text(name)
            found |= found_in_text(html.unescape(archive.read(name).decode("utf-8", errors="ignore")))
    return found


def found_in_pdf(path: Path) -> set[str]:
    reader = PdfReader(path)
    text = "".join(page.extract_text() or "" for page in reader.pages)
    return found_in_text(text + json.dumps(dict(reader.metadata or {}), ensure_ascii=False))


# ---------------------------------------------------------------------- nothing leaks


def test_public_site_holds_nothing_internal(outputs: Path):
    site = outputs / "public-site"
    assert (site / "index.html").is_file()
    assert found_in_files(site) == {}
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert found_in_text(index) == set()
    # Nor the internal records' pages and photos.
    assert not (site / "cases" / "C-09").exists() and not (site / "tasks" / "T-KP-06").exists()
    assert not (site / "photos" / "C-09").exists() and not (site / "photos" / "C-01").exists()


def test_public_site_leaves_out_the_bureaus_own_assessment(outputs: Path):
    """Points lost above are public; what the bureau charges its units for them (×2) is not."""
    site = outputs / "public-site"
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    assert pages and not any("局内考核" in page or "局内按" in page for page in pages)
    assert "对外版本不含单位记分" in (site / "analysis" / "units" / "index.html").read_text(encoding="utf-8")
    assert "上级考核累计扣分" in (site / "index.html").read_text(encoding="utf-8")


def test_offline_bundle_holds_nothing_internal(outputs: Path):
    bundle = outputs / "dist" / "site-2025-h1.zip"
    assert found_in_zip(bundle) == set()
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert not any("C-09" in name or "T-KP-06" in name for name in names)
    assert "site-2025-h1/search/search_index.js" in names  # offline search is inlined


def test_exports_hold_nothing_internal(outputs: Path):
    dist = outputs / "dist"
    assert found_in_zip(dist / "cases-2025-h1.docx") == set()
    assert found_in_pdf(dist / "cases-2025-h1.pdf") == set()
    assert found_in_zip(dist / "ledger-2025-h1.xlsx") == set()
    assert found_in_zip(dist / "review-2025-06.docx") == set()


# ---------------------------------------------------------------------- the search can fail


def test_the_internal_site_shows_every_marker(project: Path, tmp_path: Path):
    """The same search finds every marker in the internal build: removing the filter would fail the tests above."""
    site = tmp_path / "site"
    build = run_mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr
    found = set().union(*found_in_files(site).values())
    assert found == set(MARKERS) - NEVER_SHOWN


def test_unfiltered_exports_would_be_caught(project: Path, tmp_path: Path):
    """Exports written from the full data, as if public_view were skipped, hold the markers."""
    from workreport.audience import INTERNAL
    from workreport.export.docx_writer import write_docx
    from workreport.export.ledger import write_ledger
    from workreport.export.pdf_writer import write_pdf
    from workreport.loading import load_dataset
    from workreport.views.compilation import compile_cases
    from workreport.views.context import Site

    full = load_dataset(project / "data", project).dataset
    internal = Site(INTERNAL.edition(full))
    doc = compile_cases(internal)
    write_docx(doc, tmp_path / "full.docx", STAMP)
    write_pdf(doc, tmp_path / "full.pdf", STAMP)
    write_ledger(internal, tmp_path / "full.xlsx", STAMP)
    assert {"泄密标记甲", "泄密标记己"} <= found_in_zip(tmp_path / "full.docx")
    assert {"泄密标记甲", "泄密标记己"} <= found_in_pdf(tmp_path / "full.pdf")
    assert {"泄密标记丙", "泄密标记丁", "泄密标记戊"} <= found_in_zip(tmp_path / "full.xlsx")


def test_internal_exports_hold_everything_and_say_so_on_every_page(project: Path, outputs: Path):
    """``make export AUDIENCE=internal``: the office's own documents, marked 内部资料 on every page and sheet."""
    done = run(project, "export", "--audience", "internal", "--out", "dist-internal")
    assert done.returncode == 0, done.stderr
    dist = project / "dist-internal"
    assert sorted(p.name for p in dist.iterdir() if not p.name.startswith(".")) == [
        "cases-2025-h1-internal.docx", "cases-2025-h1-internal.pdf", "ledger-2025-h1-internal.xlsx",
        "review-2025-06-internal.docx", "summary-2025-h1-internal.docx", "summary-2025-h1-internal.pdf",
    ]
    assert {"泄密标记甲", "泄密标记己"} <= found_in_zip(dist / "cases-2025-h1-internal.docx")
    for name in ("cases-2025-h1-internal.pdf", "summary-2025-h1-internal.pdf"):
        reader = PdfReader(dist / name)
        assert all("内部资料" in (page.extract_text() or "") for page in reader.pages)
    with zipfile.ZipFile(dist / "cases-2025-h1-internal.docx") as docx:
        headers = [n for n in docx.namelist() if n.startswith("word/header")]
        assert headers and all("内部资料" in docx.read(n).decode("utf-8") for n in headers)
    # The public documents of the same data carry no mark.
    public = PdfReader(outputs / "dist" / "cases-2025-h1.pdf")
    assert not any("内部资料" in (page.extract_text() or "") for page in public.pages)
