"""The data's own words for the site search: each is kept whole when the pages are indexed.

Search works on words cut from Chinese text (jieba, at build time). A name that jieba does not
know is cut into pieces (服务 / 乡村 / 振兴), and a reader who types the whole name then finds
pages that hold any of the pieces before the pages that hold the name. The names a bureau uses
every day are in its data already: its lines of work, the tags of its cases and highlights,
its project kinds and places, its units. ``data/search_dict.txt`` is only for other words.
"""

from __future__ import annotations

import re

from .dataset import Dataset

HAN = re.compile(r"[\u3400-\u9fff]")
LONGEST = 16
"""Longer texts are sentences, not names: left to jieba."""


def data_terms(data: Dataset) -> list[str]:
    """Every name worth keeping whole, once each, sorted: two to sixteen characters with Chinese in them."""
    names: set[str] = set()
    names.update(category.name for category in data.report.categories)
    for case in data.cases:
        names.update(case.tags)
    for highlight in data.highlights:
        names.update(highlight.tags)
    for project in data.projects:
        names.update((project.kind, project.county))
    for unit in data.units:
        names.update((unit.name, unit.label))
    return sorted(name for name in {n.strip() for n in names if n} if _is_term(name))


def _is_term(text: str) -> bool:
    return 2 <= len(text) <= LONGEST and not any(char.isspace() for char in text) and bool(HAN.search(text))
