"""The list filter's names against the lists it filters, in the built site.

A docs page names the columns its filter offers (``data-filter-columns="牵头单位,分管领导,状态"``)
and the label of its section choice (``data-filter-sections``); ``docs/javascripts/list-filter.js``
finds a column by the ``data-label`` the table-cards extension copies from the template's header,
and the sections by the container's ``h2`` headings. A renamed header or heading would turn that
filter off without a word, so every name is checked here against the rendered list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
FILTER_PAGES = sorted(
    path.relative_to(ROOT / "docs").as_posix()
    for path in (ROOT / "docs").rglob("*.md")
    if "wr-filterable" in path.read_text(encoding="utf-8")
)


@dataclass
class Filterable:
    """One ``.wr-filterable`` container as list-filter.js reads it."""

    columns: list[str]
    sections_label: str | None
    headings: int = 0
    """Its ``h2`` children: the sections."""
    labels: set[str] = field(default_factory=set)
    """The ``data-label`` of every body cell of its card tables (``table[data-cards] tbody td``) under its sections."""
    rows: int = 0


class Filterables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[Filterable] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.depth: int | None = None
        """Where the open container sits in the stack."""

    def _inside(self, tag: str, **attrs: str) -> bool:
        assert self.depth is not None
        return any(t == tag and all(k in a for k in attrs) for t, a in self.stack[self.depth + 1 :])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if self.depth is not None:
            box = self.found[-1]
            if tag == "h2" and len(self.stack) == self.depth + 1:
                box.headings += 1
            # The script reads the rows of the nodes from the first h2 on.
            in_cards = box.headings > 0 and self._inside("table", **{"data-cards": ""}) and self._inside("tbody")
            if tag == "tr" and in_cards:
                box.rows += 1
            if tag == "td" and in_cards:
                box.labels.add(named.get("data-label") or "")
        elif tag == "div" and "wr-filterable" in (named.get("class") or "").split():
            columns = [c for c in (named.get("data-filter-columns") or "").split(",") if c]
            self.found.append(Filterable(columns, named.get("data-filter-sections")))
            self.depth = len(self.stack)
        if tag not in VOID:
            self.stack.append((tag, named))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if self.depth is not None and len(self.stack) == self.depth:
                self.depth = None
            if open_tag == tag:
                break


def filterables(html: str) -> list[Filterable]:
    parser = Filterables()
    parser.feed(html)
    parser.close()
    return parser.found


def built_page(site: Path, source: str) -> Path:
    """The built HTML of a docs page (directory URLs: ``tasks/index.md`` → ``tasks/index.html``)."""
    stem = source.removesuffix(".md")
    return site / (f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html")


def test_the_pages_with_a_filter_are_found():
    # Had the pages moved their filters elsewhere, the test below would check nothing.
    assert {"tasks/index.md", "projects/index.md", "indicators/index.md"} <= set(FILTER_PAGES)


@pytest.mark.parametrize("source", FILTER_PAGES)
def test_every_filter_name_is_in_the_list_it_filters(site: Path, source: str):
    boxes = filterables(built_page(site, source).read_text(encoding="utf-8"))
    declared = len(re.findall(r'class="wr-filterable"', (ROOT / "docs" / source).read_text(encoding="utf-8")))
    assert len(boxes) == declared > 0, f"{source}: {declared} filterable lists in the source, {len(boxes)} in the page"
    for box in boxes:
        assert box.rows, f"{source}: the filter finds no card table rows under its h2 sections"
        missing = [c for c in box.columns if c not in box.labels]
        assert not missing, f"{source}: data-filter-columns names {missing}, the list's columns are {sorted(box.labels - {''})}"
        if box.sections_label is not None:
            assert box.headings > 1, f"{source}: data-filter-sections “{box.sections_label}”, but the list has {box.headings} h2 sections"


def test_a_renamed_column_is_caught():
    page = """<div class="wr-filterable" data-filter-sections="工作条线" data-filter-columns="牵头单位,状态">
<table data-cards><tbody><tr><td data-label="牵头单位">before the sections: not read</td></tr></tbody></table>
<h2>甲</h2><table data-cards><thead><tr><th>任务</th></tr></thead>
<tbody><tr><td data-label="任务">A</td><td data-label="责任单位">办公室</td><td data-label="状态">正常</td></tr></tbody></table>
<h2>乙</h2><p>无。<br></p></div><h2>外面</h2><table data-cards><tbody><tr><td data-label="牵头单位">x</td></tr></tbody></table>"""
    (box,) = filterables(page)
    assert box.columns == ["牵头单位", "状态"] and box.sections_label == "工作条线"
    assert box.headings == 2 and box.rows == 1
    assert box.labels == {"任务", "责任单位", "状态"}  # 牵头单位 is outside the container: missing
