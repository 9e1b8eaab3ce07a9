"""How much one site can hold: the build stops at once, with the reason, beyond it.

MkDocs keeps every page of a build in memory and renders the theme for each: measured on
the synthetic bureaus (``make bench``), a build takes about 16 ms and 135 KB of memory per
page, so 10,000 record pages take about three minutes and 1.4 GB. Checking the data scales
much further (``make bench-large``: 100,000 tasks in one file); building a site of that
size would take half an hour and over 10 GB, so it is refused before it starts.
"""

from __future__ import annotations

from collections.abc import Mapping

from .model import KINDS

MAX_RECORD_PAGES = 10_000
PAGED_KINDS = tuple(kind.key for kind in KINDS if kind.page)
"""Kinds with one page per record (the register's ``page``); the lines of work are few."""


def record_pages(counts: Mapping[str, int], categories: int) -> int:
    return sum(counts.get(kind, 0) for kind in PAGED_KINDS) + categories


def too_large(counts: Mapping[str, int], categories: int) -> str | None:
    """Why the site cannot be built, in Chinese; None when it can."""
    pages = record_pages(counts, categories)
    if pages <= MAX_RECORD_PAGES:
        return None
    return (
        f"数据中有 {pages:,} 个需要单独成页的记录（重点任务 {counts.get('tasks', 0):,} 项等），"
        f"超过一个站点能够生成的上限 {MAX_RECORD_PAGES:,} 页：构建没有开始。"
        "请按单位或工作条线拆分成几个站点（各用一个 data/ 目录），或把往年已完成的记录移出本期数据。"
        "数据检查（make check）不受此限制。"
    )
