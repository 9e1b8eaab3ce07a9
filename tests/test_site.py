"""End to end: the real `mkdocs build --strict` of the sample bureau, read back as HTML."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, run_mkdocs_build
from workreport.model import KINDS

# Attributes through which a page makes the browser load or go somewhere.
REFERENCE_ATTRS = {"src", "href", "srcset", "action", "poster", "data"}


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    """Visible text, tags dropped and whitespace collapsed, for matching sentences."""
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.DOTALL)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


class References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in REFERENCE_ATTRS and value:
                self.found.extend(v.strip().split(" ")[0] for v in value.split(","))


@pytest.mark.parametrize("kind", KINDS, ids=[k.key for k in KINDS])
def test_every_record_has_its_page_and_every_kind_its_list(site: Path, sample, kind):
    """For each kind of the register: a page per record where it has pages, and its list page."""
    if kind.page:
        for record in sample.of(kind.key):
            assert (site / kind.page / record.id / "index.html").is_file(), f"{kind.page}/{record.id}"
    index = kind.index_page
    assert index is not None, f"{kind.key} has neither pages nor a list page"
    assert (site / index.removesuffix(".md").removesuffix("/index") / "index.html").is_file(), index


def test_task_list_shows_the_seed_targets(site: Path):
    tasks = text_of(page(site, "tasks"))
    # The seed speech's figures, each a task target in data/, rendered by the macros.
    for title, target in [
        ("12个灌区", "12 个"),
        ("22座病险水库", "22 座"),
        ("15个精细化或标准化管理单位", "15 个"),
        ("小流域综合治理重点工程项目4个", "4 个"),
        ("5个省级生态清洁小流域", "5 个"),
    ]:
        assert re.search(re.escape(title) + r"[^|]{0,40}? " + re.escape(target), tasks), (title, target)
    assert "截至2025年6月30日" in tasks


def test_seven_lines_of_work_are_listed(site: Path, sample):
    tasks = text_of(page(site, "tasks"))
    for category in sample.report.categories:
        assert category.name in tasks
    assert len(sample.report.categories) == 7


def test_task_page_shows_its_log_and_texts(site: Path, sample):
    task = next(t for t in sample.tasks if t.result and len(t.progress) >= 3)
    html = text_of(page(site, f"tasks/{task.id}"))
    assert task.title in html
    assert " ".join(task.result.split())[:30] in html
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
    # Written as UTF-8, not as \\uXXXX escapes: about half the bytes for the browser to fetch.
    raw = (site / "search" / "search_index.json").read_bytes()
    assert "灌区".encode() in raw and b"\\u704c" not in raw


def test_photos_are_copied_and_shown(site: Path, sample):
    case = next(c for c in sample.cases if c.photos)
    for photo in case.photos:
        assert (site / photo.file).is_file()
    assert case.photos[0].caption in text_of(page(site, f"cases/{case.id}"))


class Links(HTMLParser):
    """Every link and every element id of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.duplicate_ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "href" and value and tag == "a":
                self.hrefs.append(value)
            if name == "id" and value:
                if value in self.ids:
                    self.duplicate_ids.add(value)
                self.ids.add(value)


def test_every_link_between_pages_resolves(site: Path):
    """Markdown links are checked by MkDocs; the charts' and dashboard's raw HTML links are not. Check all."""
    parsed: dict[Path, Links] = {}

    def links_of(html_file: Path) -> Links:
        if html_file not in parsed:
            parser = Links()
            parser.feed(html_file.read_text(encoding="utf-8"))
            parsed[html_file] = parser
        return parsed[html_file]

    broken = []
    checked = 0
    for html_file in sorted(site.rglob("*.html")):
        # Charts point their aria-labelledby at ids: two charts sharing one would read each other's titles.
        if links_of(html_file).duplicate_ids:
            broken.append(f"{html_file.relative_to(site)}: duplicate ids {sorted(links_of(html_file).duplicate_ids)[:5]}")
        for href in links_of(html_file).hrefs:
            # 404.html alone uses absolute links (it is served at any depth).
            if re.match(r"^([a-z]+:|/)", href) or href.startswith("#"):
                continue
            path, _, anchor = href.partition("#")
            target = (html_file.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append(f"{html_file.relative_to(site)}: {href}")
            elif anchor and target.suffix == ".html" and anchor not in links_of(target).ids:
                broken.append(f"{html_file.relative_to(site)}: {href} (no such anchor)")
    assert broken == []
    assert checked > 1000


def test_task_statuses_worked_by_hand(site: Path):
    # T-RV-01: 1-1..12-31 is 364 days, 180 gone by 6-30 → 序时 49.5 %; 5 of 12 灌区 → 41.7 %;
    # 49.45 − 41.67 = 7.8 points behind: more than 5, not more than 15 → 滞后.
    assert "滞后 截至2025年6月30日，完成 41.7%（5 / 12 个），序时进度 49.5%，落后 7.8 个百分点。" in text_of(page(site, "tasks/T-RV-01"))
    # T-FM-02: 7 of 22 座 → 31.8 %; 49.45 − 31.82 = 17.6 > 15 → 严重滞后.
    assert "严重滞后 截至2025年6月30日，完成 31.8%（7 / 22 座），序时进度 49.5%，落后 17.6 个百分点。" in text_of(page(site, "tasks/T-FM-02"))
    # T-RV-09: its window closed on 5-31 with 33 of 38 done (86.8 %) → 未按期完成, 100 − 86.8 = 13.2 behind.
    assert "未按期完成 截至2025年6月30日，完成 86.8%（33 / 38 个），序时进度 100%，落后 13.2 个百分点。" in text_of(page(site, "tasks/T-RV-09"))
    # T-RV-05: its planned curve says 20 % by 6-30 and 1 of 5 is done → on schedule.
    assert "正常推进 截至2025年6月30日，完成 20%（1 / 5 个），序时进度 20%。" in text_of(page(site, "tasks/T-RV-05"))


def test_dashboard_answers_the_leaders_questions(site: Path):
    home = text_of(page(site, ""))
    # Counts by status, the worst lagging task first, points lost and charged double.
    assert "重点任务 48 已完成 8 · 正常推进 23 · 未开始 4" in home
    assert "滞后任务 13 滞后 9 · 严重滞后 2 · 未按期 2" in home
    assert "考核扣分 2.7 局内按 2 倍计 5.4 分" in home
    assert re.search(r"山洪灾害监测预警设施更新 防御处 · 何立新 · 实际 28\.1% / 序时 49\.5% 落后 21\.3 个百分点", home)
    assert re.search("柳溪灌区续建配套与现代化改造工程 初步设计批复 ?（逾期）", home)


def article(html: str) -> str:
    """The page's own content, without the navigation and table of contents."""
    return text_of(re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.DOTALL).group(1))


def test_a_build_outside_git_says_history_is_unavailable(site: Path):
    # The session fixture builds a copy of the project that is not a git repository (like a tarball).
    assert "修改记录不可用：本次构建的目录不是 git 仓库" in text_of(page(site, "cases/C-01"))


def test_charts_and_dashboard_stay_out_of_the_search_index(site: Path):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = "".join(doc["text"] for doc in index["docs"]).replace("\u200b", "")
    # A chart's description repeats its page's figures; the dashboard repeats the record pages.
    assert "实际进度 41.7%，序时进度 49.5%" not in text
    assert "实际 28.1% / 序时 49.5%" not in text
    # The pages' own words are still there.
    assert "山洪灾害监测预警设施更新" in text


def test_summary_has_its_three_parts(site: Path, sample):
    summary = article(page(site, "reports/summary"))
    parts = [summary.index(h) for h in ("一、上半年工作完成情况", "二、存在的问题", "三、下半年工作计划")]
    assert parts == sorted(parts)
    achievements, problems, plans = summary[parts[0]:parts[1]], summary[parts[1]:parts[2]], summary[parts[2]:]
    rv01 = sample.task_by_id["T-RV-01"]
    assert " ".join(rv01.result.split())[:40] in achievements
    assert " ".join(rv01.problems.split())[:40] in problems
    assert " ".join(rv01.plan.split())[:40] in plans
    assert "有 13 项重点任务落后于序时进度，其中未按期完成 2 项、严重滞后 2 项" in problems
    assert "累计扣 2.7 分" in problems and "合计扣 5.4 分" in problems
    for category in sample.report.categories:
        assert category.slogan in achievements


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
        [sys.executable, "-m", "workreport", "build"], cwd=project, capture_output=True, text=True, check=False
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
    run = subprocess.run([sys.executable, "-m", "workreport", "build"], cwd=project, capture_output=True, text=True, check=False)
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
