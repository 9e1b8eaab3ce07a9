"""The renderer: Markdown fragments and record pages from the minimal bureau."""

from __future__ import annotations

from pathlib import Path

from workreport.audience import INTERNAL
from workreport.formatting import number
from workreport.loading import load_dataset
from workreport.plain import markdown_inline
from workreport.render.site import SiteRenderer


def renderer(data_dir: Path) -> SiteRenderer:
    result = load_dataset(data_dir, data_dir.parent)
    assert result.dataset is not None, result.problems
    return SiteRenderer(INTERNAL.edition(result.dataset))


def test_editor_text_cannot_break_a_table_or_inject_markup(minimal_data: Path):
    records = minimal_data / "records.yaml"
    text = records.read_text(encoding="utf-8").replace("title: 实施灌区改造", "title: '灌区 | <script>alert(1)</script>'")
    records.write_text(text, encoding="utf-8")
    fragment = renderer(minimal_data).fragment("task_index", "tasks/index.md")
    row = next(line for line in fragment.splitlines() if "T-1.md" in line)
    assert "&lt;script&gt;" in row and "<script>" not in row
    assert "灌区 &#124; " in row
    # Still one row of nine cells: the pipe in the title did not add a column.
    assert row.count(" | ") == 8


def test_links_are_relative_to_the_page(minimal_data: Path):
    site = renderer(minimal_data)
    home = site.fragment("headline_targets", "index.md")
    assert "(tasks/T-1.md)" in home and "(units/rural.md)" in home
    pages = dict(site.pages())
    assert "(../units/rural.md)" in pages["tasks/T-1.md"]
    assert 'src="../../photos/C-1/1.jpg"' in pages["cases/C-1.md"]  # raw HTML: the final URL
    assert "(../honors.md#HN-1)" in pages["cases/C-1.md"]


def test_one_page_per_record_with_front_matter(minimal_data: Path):
    pages = dict(renderer(minimal_data).pages())
    data = renderer(minimal_data).data
    categories = [f"categories/{c.id}.md" for c in data.report.categories]
    assert sorted(pages) == sorted(
        ["tasks/T-1.md", "tasks/T-2.md", "tasks/T-3.md", "indicators/I-1.md", "projects/P-1.md", "cases/C-1.md",
         "units/office.md", "units/rural.md", "units/center.md", "leaders/boss.md", "leaders/deputy.md", *categories]
    )
    assert pages["tasks/T-1.md"].startswith('---\ntitle: "实施灌区改造"\nrender_macros: false\n---\n')


def test_internal_deduction_is_charged_at_the_configured_multiple(minimal_data: Path):
    page = dict(renderer(minimal_data).pages())["indicators/I-1.md"]
    # 0.5 points lost; the bureau charges the unit twice that internally.
    assert "| 2025年4月15日 | 0.5 | 1 | [农水处](../units/rural.md) | 数据报送延迟 |" in page


def test_numbers_are_written_plainly():
    assert [number(12.0), number(86.45), number(1 / 3), number(None)] == ["12", "86.45", "0.33", "—"]
    assert str(markdown_inline("a\nb | c")) == "a b &#124; c"
