"""The benchmark's own parts on a tiny site: the engine floor builds, and a site is weighed right."""

from __future__ import annotations

from pathlib import Path

from workreport.bench.floor import make_floor
from workreport.bench.measure import build, measure_site, page_text
from workreport.bench.run import table


def test_the_engine_floor_is_a_plain_material_site_of_the_asked_size(tmp_path: Path):
    texts = ["灌区续建配套与现代化改造" * 30, "幸福河湖建设" * 50]
    config = make_floor(tmp_path / "floor", texts, pages=7)
    done = build(config, tmp_path / "site")
    size = measure_site(tmp_path / "site")
    assert size.pages == 7 and done.seconds > 0 and done.peak_mb > 10
    assert size.index_bytes > 0 and size.text_bytes >= len("灌区续建配套与现代化改造".encode()) * 30
    # An ordinary navigation: every page is listed, in folders.
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "section-000/page-00006/" in home


def test_the_pruned_floor_renders_only_the_open_section(tmp_path: Path):
    config = make_floor(tmp_path / "floor", ["幸福河湖建设" * 50], pages=120, pruned=True)
    build(config, tmp_path / "site")
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    # The home page no longer lists a page of another folder; that page itself still exists.
    assert "section-001/page-00060/" not in home
    assert (tmp_path / "site" / "section-001" / "page-00060" / "index.html").is_file()


def test_page_text_is_the_content_without_markup_or_charts():
    html = ('<nav>导航</nav><article class="md-content__inner md-typeset"><h1>标题</h1>'
            '<p>正文<b>加粗</b></p><svg><text>图表</text></svg><script>x()</script></article>')
    assert page_text(html) == "标题 正文 加粗"


def test_table_lists_every_column_and_marks_missing_figures():
    lines = table([{"scale": 1, "pages": 10}]).splitlines()
    assert lines[0].startswith("规模 | 记录 | 页面")
    assert lines[2].startswith("1 | — | 10 |")


def test_search_queries_are_the_datas_own_words_of_two_to_seven_characters(sample, site):
    from workreport.bench.search import queries, site_pages

    pages = site_pages(site)
    asked = queries(sample, pages)
    assert len(asked) == 30 and len(set(asked)) == 30
    assert {len(q) for q in asked} == set(range(2, 8))
    assert all(any(q in page.text for page in pages) for q in asked)
    # Drawn from this bureau's data: its names, or words of its records' titles.
    from workreport.search_terms import data_terms

    titles = " ".join([t.title for t in sample.tasks] + [c.title for c in sample.cases] + [h.title for h in sample.highlights])
    assert all(q in data_terms(sample) or q in titles for q in asked)
    assert any(q in data_terms(sample) for q in asked)


def test_a_search_is_judged_by_the_pages_that_hold_the_query_and_the_one_that_names_it():
    from workreport.bench.search import Page, judge

    pages = [Page("a/", "甲乙丙", "甲乙丙 正文"), Page("b/", "其他", "提到甲乙丙两次：甲乙丙"), Page("c/", "无关", "丁戊")]
    assert judge("甲乙丙", pages, ["b/", "a/", "c/"]).__dict__ == {
        "query": "甲乙丙", "relevant": 2, "found": 2, "results": 3, "best_rank": 2}
    # The page naming the query in its title is the best one even when another holds it more often.
    assert judge("甲乙丙", pages, ["c/"]).best_rank is None and judge("甲乙丙", pages, ["c/"]).found == 0


def test_material_search_is_asked_through_its_own_worker(sample, site):
    from workreport.bench.search import judge, results_of, site_pages

    name = sample.report.categories[0].name
    [found] = results_of(site, "material", [name])
    judged = judge(name, site_pages(site), found)
    assert judged.relevant > 3 and judged.found >= judged.relevant - 2 and judged.best_rank is not None
