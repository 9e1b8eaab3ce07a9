"""End to end: the real `mkdocs build --strict` of the sample bureau, read back as HTML."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT, copy_project, run_mkdocs_build

# Attributes through which a page makes the browser load or go somewhere.
REFERENCE_ATTRS = {"src", "href", "srcset", "action", "poster", "data"}


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    """Visible text, tags dropped and whitespace collapsed, for matching sentences."""
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


class References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in REFERENCE_ATTRS and value:
                self.found.extend(v.strip().split(" ")[0] for v in value.split(","))


def test_every_record_has_its_page(site: Path, sample):
    for kind in ("tasks", "indicators", "projects", "cases", "units"):
        for record in getattr(sample, kind):
            assert (site / kind / record.id / "index.html").is_file(), f"{kind}/{record.id}"
    for path in ("tasks", "indicators", "projects", "cases", "units", "highlights", "honors", "bottom-lines"):
        assert (site / path / "index.html").is_file(), path


def test_home_page_shows_the_seed_targets(site: Path):
    home = text_of(page(site, ""))
    # The seed speech's figures, each a task target in data/, rendered by the macros.
    for title, target in [
        ("12个灌区", "12 个"),
        ("22座病险水库", "22 座"),
        ("15个精细化或标准化管理单位", "15 个"),
        ("小流域综合治理重点工程项目4个", "4 个"),
        ("5个省级生态清洁小流域", "5 个"),
    ]:
        assert re.search(re.escape(title) + r"[^|]{0,40}? " + re.escape(target), home), (title, target)
    assert "澄川市水利局2025年上半年工作概览" in home
    assert "截至2025年6月30日" in home


def test_home_counts_match_the_data(site: Path, sample):
    home = text_of(page(site, ""))
    assert f"{len(sample.tasks)} 项重点任务" in home
    assert f"{len(sample.indicators)} 项考核指标" in home
    assert f"{len(sample.projects)} 个重点工程" in home
    assert f"{len(sample.cases)} 个典型案例" in home


def test_seven_lines_of_work_are_listed(site: Path, sample):
    tasks = text_of(page(site, "tasks"))
    for category in sample.report.categories:
        assert category.name in tasks
    assert len(sample.report.categories) == 7


def test_task_page_shows_its_log_and_texts(site: Path, sample):
    task = next(t for t in sample.tasks if t.first_half_result and len(t.progress) >= 3)
    html = text_of(page(site, f"tasks/{task.id}"))
    assert task.title in html
    assert " ".join(task.first_half_result.split())[:30] in html
    for entry in task.progress:
        assert f"{entry.date.year}年{entry.date.month}月{entry.date.day}日" in html


def test_no_page_references_anything_outside(site: Path):
    outside = []
    for html_file in site.rglob("*.html"):
        parser = References()
        parser.feed(html_file.read_text(encoding="utf-8"))
        outside += [f"{html_file.relative_to(site)}: {ref}" for ref in parser.found if re.match(r"^(https?:)?//", ref)]
    assert outside == []
    for css in site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css


def test_chinese_headings_get_real_anchors(site: Path, sample):
    case = sample.cases[0]
    html = page(site, f"cases/{case.id}")
    assert 'id="一背景"' in html
    assert not re.search(r'id="_\d+"', html)


def test_search_index_is_segmented_with_jieba(site: Path):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] + doc["title"] for doc in index["docs"])
    # jieba separates words with zero-width spaces at build time.
    assert "\u200b灌区\u200b" in text
    # Material's Chinese set-up: segment at build time, split on the zero-width space in the browser.
    assert "\\u200b" in index["config"]["separator"]


def test_photos_are_copied_and_shown(site: Path, sample):
    case = next(c for c in sample.cases if c.photos)
    for photo in case.photos:
        assert (site / photo.file).is_file()
    assert case.photos[0].caption in text_of(page(site, f"cases/{case.id}"))


# ---------------------------------------------------------------------- bad data


def broken_project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project", ROOT / "tests" / "fixtures" / "minimal" / "data")
    records = project / "data" / "records.yaml"
    records.write_text(records.read_text(encoding="utf-8").replace("owner_unit: office", "owner_unit: ofice"), encoding="utf-8")
    return project


def test_bad_data_fails_the_mkdocs_build_with_the_located_message(tmp_path: Path):
    project = broken_project(tmp_path)
    out = tmp_path / "site"
    build = run_mkdocs_build(project, out)
    assert build.returncode != 0
    assert "data/records.yaml:17: tasks[1].owner_unit: 引用了不存在的单位“ofice”。是否应为“office”？" in build.stderr
    # MkDocs prints the Abort's own message on standard output.
    assert "数据检查未通过：1 个错误，站点未生成。" in build.stdout + build.stderr
    assert "Traceback" not in build.stdout + build.stderr
    assert not out.exists()


def test_make_build_keeps_the_old_site_when_data_is_bad(tmp_path: Path):
    import subprocess
    import sys

    project = broken_project(tmp_path)
    old_site = project / "site"
    old_site.mkdir()
    (old_site / "index.html").write_text("previous build", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "workreport", "build"], cwd=project, capture_output=True, text=True
    )
    assert run.returncode == 1
    assert "data/records.yaml:17: tasks[1].owner_unit:" in run.stderr
    assert (old_site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site-")) == []


def test_make_build_swaps_in_a_complete_site(tmp_path: Path):
    import subprocess
    import sys

    project = copy_project(tmp_path / "project", ROOT / "tests" / "fixtures" / "minimal" / "data")
    (project / "site").mkdir()
    (project / "site" / "stale.html").write_text("stale", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "workreport", "build"], cwd=project, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert (project / "site" / "tasks" / "T-1" / "index.html").is_file()
    assert not (project / "site" / "stale.html").exists()
    shutil.rmtree(project / "site")


def test_data_warnings_do_not_fail_a_strict_build(tmp_path: Path):
    project = copy_project(tmp_path / "project", ROOT / "tests" / "fixtures" / "minimal" / "data")
    report = project / "data" / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("as_of: 2025-06-30", "as_of: 2025-06-15"), encoding="utf-8")
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    assert "警告：进度记录日期 2025-06-30 晚于截至日期 2025-06-15，本期不计入" in build.stderr
