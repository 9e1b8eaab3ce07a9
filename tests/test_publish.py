"""Versions per reporting period with mike, in a temporary git repository.

Two periods are published from two data commits (2025-h1 as of 06-30, then a monthly
version 2025-m09 as of 09-30); the publishing branch holds both with their Chinese
titles, each data commit is tagged, an earlier version rebuilds from its tag to the same
files, a failed check publishes nothing, and the version selector switches in Chromium.
The root index.html and the latest/ alias are redirect pages from deploy/mike/redirect.html:
no script (the server's Content-Security-Policy allows none inline), a <meta refresh>.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import tarfile
import threading
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

import pytest

from conftest import ROOT, copy_project

BRANCH = "gh-pages"


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def workreport(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workreport", *args], cwd=repo, capture_output=True, text=True, check=False)


def commit_all(repo: Path, message: str, date: str) -> str:
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=办公室", "-c", "user.email=office@example.invalid", "commit", "-q", f"--date={date}", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def move_to_september(repo: Path) -> None:
    report = repo / "data" / "report.yaml"
    text = report.read_text(encoding="utf-8")
    for old, new in [("id: 2025-h1", "id: 2025-m09"), ("title: 2025年上半年", "title: 2025年9月"),
                     ("start: 2025-01-01", "start: 2025-09-01"), ("end: 2025-06-30", "end: 2025-09-30"),
                     ("as_of: 2025-06-30", "as_of: 2025-09-30")]:
        text = text.replace(old, new)
    report.write_text(text, encoding="utf-8")
    tasks = repo / "data" / "tasks" / "rural-water.yaml"
    last = "        note: 澄东区东湖灌区改造完工；柳溪灌区初步设计仍在修改。\n"
    added = "      - date: 2025-09-30\n        done: 9\n        note: 三季度又完工4个灌区。\n"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace(last, last + added, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> dict[str, object]:
    repo = copy_project(tmp_path_factory.mktemp("publish") / "repo", ROOT / "data")
    git(repo, "init", "-q", "-b", "main")
    first = commit_all(repo, "2025年上半年数据", "2025-07-03T10:00:00+08:00")
    done = workreport(repo, "publish", "--version", "2025-h1", "--title", "2025年上半年")
    assert done.returncode == 0, done.stderr
    move_to_september(repo)
    second = commit_all(repo, "9月数据", "2025-10-09T10:00:00+08:00")
    done = workreport(repo, "publish", "--version", "2025-m09", "--title", "2025年9月")
    assert done.returncode == 0, done.stderr
    return {"path": repo, "h1": first, "m09": second}


def test_both_periods_are_on_the_branch_with_their_titles(repo):
    path = repo["path"]
    versions = json.loads(git(path, "show", f"{BRANCH}:versions.json"))
    assert versions == [
        {"version": "2025-m09", "title": "2025年9月", "aliases": ["latest"]},
        {"version": "2025-h1", "title": "2025年上半年", "aliases": []},
    ]
    assert "latest/" in git(path, "show", f"{BRANCH}:index.html")  # the default is the latest period
    h1 = git(path, "show", f"{BRANCH}:2025-h1/tasks/T-RV-01/index.html")
    m09 = git(path, "show", f"{BRANCH}:2025-m09/tasks/T-RV-01/index.html")
    assert "完成 41.7%（5 / 12 个）" in h1 and "完成 75%（9 / 12 个）" in m09


def test_each_published_data_commit_is_tagged(repo):
    path = repo["path"]
    assert git(path, "rev-parse", "publish/2025-h1^{commit}") == repo["h1"]
    assert git(path, "rev-parse", "publish/2025-m09^{commit}") == repo["m09"]


def test_an_earlier_version_rebuilds_from_its_tag_to_the_same_files(repo):
    done = workreport(repo["path"], "verify", "--version", "2025-h1")
    assert done.returncode == 0, done.stderr
    assert "逐个文件一致" in done.stderr


def test_a_failed_check_publishes_nothing(repo, tmp_path):
    path = repo["path"]
    branch_before = git(path, "rev-parse", BRANCH)
    tags_before = git(path, "tag")
    report = path / "data" / "report.yaml"
    original = report.read_text(encoding="utf-8")
    report.write_text(original.replace("as_of: 2025-09-30", "as_of: 2025-13-30"), encoding="utf-8")
    try:
        commit_all(path, "坏数据", "2025-10-10T10:00:00+08:00")
        done = workreport(path, "publish", "--version", "2025-m09")
        assert done.returncode == 1
        assert "数据检查未通过，未发布" in done.stderr and "as_of" in done.stderr
        assert git(path, "rev-parse", BRANCH) == branch_before and git(path, "tag") == tags_before
    finally:
        git(path, "reset", "-q", "--hard", repo["m09"])


def test_uncommitted_data_or_a_wrong_version_is_refused(repo):
    path = repo["path"]
    done = workreport(path, "publish", "--version", "2025-h2")
    assert done.returncode == 1 and "与 data/report.yaml 的报告期编号“2025-m09”不一致" in done.stderr
    (path / "data" / "report.yaml").write_text((path / "data" / "report.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    try:
        done = workreport(path, "publish", "--version", "2025-m09")
        assert done.returncode == 1 and "有未提交的修改" in done.stderr
    finally:
        git(path, "checkout", "-q", "--", "data")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(repo, tmp_path_factory):
    """The publishing branch's files served on 127.0.0.1, as the internal server would."""
    root = tmp_path_factory.mktemp("served")
    archive = subprocess.run(["git", "archive", BRANCH], cwd=repo["path"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(root, filter="data")
    handler = functools.partial(QuietHandler, directory=str(root))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_the_version_selector_switches_periods(served):
    from playwright.sync_api import sync_playwright

    from test_browser import CHROMIUM, CHROMIUM_ARGS

    # The redirect pages publish wrote with the project's template: no script, a <meta refresh>.
    redirects = [
        ("/", "latest/"),
        ("/latest/", "../2025-m09/"),
        ("/latest/tasks/T-RV-01/", "../../../2025-m09/tasks/T-RV-01/"),
    ]
    for path, href in redirects:
        with urllib.request.urlopen(served + path, timeout=10) as response:
            text = response.read().decode("utf-8")
        assert "<script" not in text.lower(), (path, text)
        assert f'<meta http-equiv="refresh" content="0; url={href}">' in text, (path, text)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        # / → latest/ → 2025-m09/, by the pages' <meta refresh>.
        page.goto(served + "/")
        page.wait_for_url(served + "/2025-m09/")
        page.wait_for_load_state("networkidle")
        current = page.locator(".md-version__current")
        assert current.inner_text() == "2025年9月"
        assert page.locator(".md-version__link").all_inner_texts() == ["2025年9月", "2025年上半年"]
        # The list opens on focus, as it does for a keyboard user.
        current.focus()
        page.locator(".md-version__link", has_text="2025年上半年").focus()
        page.keyboard.press("Enter")
        # Material looks the page up in the other version's sitemap, then goes there.
        page.wait_for_url(served + "/2025-h1/")
        page.wait_for_load_state("networkidle")
        assert page.locator(".md-version__current").inner_text() == "2025年上半年"
        assert "2025年上半年工作看板" in page.locator("h1").inner_text()
        browser.close()


def page_text(repo, path: str) -> str:
    page = git(repo["path"], "show", f"{BRANCH}:{path}")
    return " ".join(__import__("re").sub(r"<[^>]+>", " ", page).split())


def test_pages_show_their_records_own_change_history(repo):
    text = page_text(repo, "2025-m09/tasks/T-RV-01/index.html")
    # T-RV-01 was changed by both commits; the newest first, names but no e-mail addresses.
    assert "本条记录最近一次修改于" in text and "办公室" in text
    assert text.index("9月数据") < text.index("2025年上半年数据")
    assert "office@example.invalid" not in text
    # T-RV-02 lives in the same file but the September commit did not touch it.
    other = page_text(repo, "2025-m09/tasks/T-RV-02/index.html")
    assert "2025年上半年数据" in other and "9月数据" not in other


def test_a_shallow_clone_builds_and_says_history_is_unavailable(repo, tmp_path):
    from conftest import run_mkdocs_build

    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo['path']}", str(clone)], check=True)
    build = run_mkdocs_build(clone, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    page = (tmp_path / "site" / "tasks" / "T-RV-01" / "index.html").read_text(encoding="utf-8")
    assert "修改记录不可用：本次构建来自浅克隆" in page
