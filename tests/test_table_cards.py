"""The table-cards Markdown extension: each body cell carries its column's heading, as text."""

from __future__ import annotations

import markdown

from workreport.render.table_cards import TableCardsExtension


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", TableCardsExtension()])


def test_cells_of_a_wide_table_carry_their_headings():
    html = render("| 名称 | 单位 | 状态 |\n| --- | --- | --- |\n| 甲 | 河湖处 | 滞后 |\n| 乙 | 运管处 | 已完成 |\n")
    assert "<table data-cards" in html
    assert html.count('data-label="单位"') == 2 and html.count('data-label="状态"') == 2


def test_a_label_and_value_table_stays_a_table():
    html = render("| 项目 | 内容 |\n| --- | --- |\n| 任务编号 | T-1 |\n")
    assert "data-cards" not in html and "data-label" not in html


def test_a_heading_with_markup_gives_its_text_escaped():
    html = render('| 名称 | `代码` **粗** &lt;b&gt; "引号" | 状态 |\n| --- | --- | --- |\n| 甲 | x | y |\n')
    assert 'data-label="代码 粗 &lt;b&gt; &quot;引号&quot;"' in html
