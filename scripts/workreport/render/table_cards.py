"""A Markdown extension: a table's body cells carry their column's heading as ``data-label``.

On a phone a wide table does not fit; the site's style sheet then lays each row out as a card
whose lines read “heading: value” (``td::before { content: attr(data-label) }``); such tables
are marked ``data-cards``. Tables of two columns (a label and its value) are left alone. The labels are
set on the element tree, after the tables extension built it, so they are escaped like any
attribute; a heading that holds inline markup gives its text only.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import INLINE_PLACEHOLDER_RE

TAG = re.compile(r"<[^>]*>")


CARD_COLUMNS = 3
"""Narrower tables (a label and its value) fit a phone as they are."""


class TableCards(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            labels = [self._text(th) for th in table.iterfind("thead/tr/th")]
            if len(labels) < CARD_COLUMNS:
                continue
            table.set("data-cards", "")
            for row in table.iterfind("tbody/tr"):
                for label, cell in zip(labels, row.iterfind("td")):
                    if label:
                        cell.set("data-label", label)

    def _text(self, element: etree.Element) -> str:
        """The heading's text as a reader sees it: stashed entities and inline HTML put back, tags dropped."""
        stash = self.md.htmlStash.rawHtmlBlocks

        def unstash(match: re.Match[str]) -> str:
            index = int(match.group(1))
            return html.unescape(TAG.sub("", str(stash[index]))) if index < len(stash) else ""

        return " ".join(INLINE_PLACEHOLDER_RE.sub(unstash, "".join(element.itertext())).split())


class TableCardsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline patterns (priority 20), so headings hold their final text.
        md.treeprocessors.register(TableCards(md), "workreport_table_cards", 5)


def makeExtension(**kwargs: object) -> TableCardsExtension:
    return TableCardsExtension(**kwargs)
