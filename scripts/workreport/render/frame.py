"""The frame every page shares, whichever engine builds the site: the site's name, the footer
line, the navigation with the period's and the bureau's words in its labels and the generated
list pages it must name, and the data's names the search keeps whole.

The MkDocs hooks put it into MkDocs' configuration (``adapter.hooks.on_config``); a staged
build writes it into the staged configuration (``workreport.staging``). Both take it from here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..plain import html_text
from ..search_terms import data_terms
from ..views.freshness import footer_line
from .site import SiteRenderer

PLACEHOLDER = re.compile(r"\{(\w+)\}")


class NavWordError(ValueError):
    """A navigation label names a word the period and the bureau do not have (message in Chinese)."""


@dataclass(frozen=True)
class Frame:
    site_name: Markup
    """The header's name, from data/report.yaml (not a name typed twice). The theme prints it
    unescaped, and sometimes through ``| e``: as Markup it is escaped exactly once either way."""
    footer_line: str
    """Up to which day the figures count, and when a unit last reported."""
    nav: list[Any] | None
    """The configured navigation, labels worded (Markup where a word was filled in), and each
    generated list page the configuration does not name appended."""
    terms: list[str]
    """The data's own names (lines of work, tags, project kinds, places, units): indexed whole."""


def site_frame(site: SiteRenderer, nav: list[Any] | None, office_page: Callable[[str], bool]) -> Frame:
    """The frame of ``site`` for the configured ``nav``; ``office_page(uri)`` says whether the office
    wrote that page under docs/ (then the navigation does not get the generated one)."""
    report = site.report
    worded = None if nav is None else worded_nav(nav, site.site.words.as_dict())
    if worded is not None:
        named = named_pages(worded)
        worded += [{title: uri} for uri, title in site.listed_kinds() if uri not in named and not office_page(uri)]
    return Frame(
        site_name=html_text(f"{report.bureau} · {report.period.title}"),
        footer_line=footer_line(site.site),
        nav=worded,
        terms=data_terms(site.data),
    )


def worded_nav(nav: Any, words: dict[str, str]) -> Any:
    """The navigation with ``{name}`` in its labels replaced by the words (escaped once, as the theme prints them)."""

    def label(text: str) -> str:
        if not PLACEHOLDER.search(text):
            return text
        unknown = [m for m in PLACEHOLDER.findall(text) if m not in words]
        if unknown:
            known = "、".join("{" + w + "}" for w in words)
            raise NavWordError(f"mkdocs.yml 导航名称“{text}”中的 {{{unknown[0]}}} 无法填入：可用的有 {known}")
        return html_text(PLACEHOLDER.sub(lambda m: words[m[1]], text))

    if isinstance(nav, list):
        return [worded_nav(item, words) for item in nav]
    if isinstance(nav, dict):
        return {label(str(key)): worded_nav(value, words) for key, value in nav.items()}
    return nav


def named_pages(nav: list[Any]) -> set[str]:
    """Every page the navigation names."""
    found: set[str] = set()
    for item in nav:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                found |= named_pages(value) if isinstance(value, list) else {str(value)}
    return found


def worded_titles(nav: list[Any]) -> dict[str, Markup]:
    """The pages whose navigation label had words filled in, with that label.

    The theme prints a page's navigation title through ``striptags`` in ``<title>``, which would
    unescape it; a title in the page's meta is printed as it is. So these pages carry the label
    in their meta too (``adapter.hooks.on_page_markdown``, ``staging``), escaped once everywhere.
    """
    found: dict[str, Markup] = {}
    for item in nav:
        if not isinstance(item, dict):
            continue
        for key, value in item.items():
            if isinstance(value, list):
                found |= worded_titles(value)
            elif isinstance(key, Markup):
                found[str(value)] = key
    return found
