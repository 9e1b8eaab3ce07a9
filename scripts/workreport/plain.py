"""Text from data is plain text in every output: the one rule at the boundary.

Editors type titles, notes and prose into YAML. Whatever they type (``<img onerror=…>``,
``[x](javascript:…)``, ``{: onclick=… }``, a ``|`` in a table, a control character pasted
from Word) must reach every output as the characters they typed, and never as markup.
Each kind of output has one function here, and every renderer and writer goes through it:

- ``markdown_inline`` / ``markdown_paragraphs``: for the Markdown the site is built from.
  The text is HTML-escaped, and every ASCII character that Markdown or one of our
  extensions (attribute lists, admonitions, details, fences, tables) could read as syntax
  is written as a numeric character reference (``[`` → ``&#91;``). Markdown leaves such
  references alone and the browser shows the character, so nothing typed in data can
  become a link, an attribute, a heading, a list or a table cell boundary. Inline text is
  one line: line breaks and runs of spaces become one space.
- ``html_text``: for HTML that Markdown never parses (a page's title in the theme's
  header and in the search index, attributes of raw HTML).
- ``xml_text``: for DOCX and XLSX, whose XML cannot hold most control characters.

The office's own prose in ``docs/`` is Markdown and is not touched by any of this.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# Every character that HTML or Markdown (or an extension we enable) can read as syntax
# anywhere in a line, and what it is written as. `(`, `)`, `:` and `.` are safe once
# `[`, `]`, `{` and `<` are neutralised.
_INERT = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
    | {c: f"&#{ord(c)};" for c in "\\`*_{}[]#|!~"}
)
# At the start of a line these open a list, a rule, a setext heading, a definition or a
# details block: a marker followed by a space or by more of itself, or a number and `.`.
_LINE_START = re.compile(r"^\s*(?:([-+=:?])(?=\s|\1)|\d+[.)](?=\s|$))")
# XML 1.0 forbids C0 controls other than tab, line feed and carriage return, lone
# surrogates and U+FFFE/U+FFFF; C1 controls and DEL are legal XML but never intended text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"\s+")


def control_characters(text: str) -> list[str]:
    """The control characters in ``text`` that outputs cannot carry, as ``U+0001`` names."""
    return sorted({f"U+{ord(c):04X}" for c in _CONTROL.findall(text)})


def clean(text: str) -> str:
    """``text`` without control characters (they are invisible, and invalid in XML)."""
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


def one_line(text: object) -> str:
    """A value as one line of text: line breaks and runs of white space become one space."""
    return _SPACE.sub(" ", clean("" if text is None else str(text)))


def _inert(text: str) -> str:
    """HTML-escaped text in which no character can start Markdown syntax."""
    start = _LINE_START.match(text)
    if start is None:
        return text.translate(_INERT)
    marker = start.group(0)
    return f"{marker[:-1]}&#{ord(marker[-1])};" + text[len(marker):].translate(_INERT)


def markdown_inline(text: object) -> Markup:
    """Data text for a place in Markdown: a heading, a sentence, a table cell, a link's text."""
    if isinstance(text, Markup):
        return text
    return Markup(_inert(one_line(text)))


def paragraphs(text: str | None) -> list[str]:
    """Editor prose as paragraphs: blank lines separate them, single line breaks join."""
    if not text:
        return []
    blocks = (one_line(block).strip() for block in re.split(r"\n[ \t\r\f\v]*\n", clean(text)))
    return [block for block in blocks if block]


def markdown_paragraphs(text: str | None) -> Markup:
    """Editor prose as Markdown paragraphs, each one literal text."""
    return Markup("\n\n".join(_inert(block) for block in paragraphs(text)))


def html_text(text: object) -> Markup:
    """Data text for HTML that is not parsed as Markdown: escaped, one line."""
    if isinstance(text, Markup):
        return text
    return escape(one_line(text))


def xml_text(text: object) -> str:
    """Data text for DOCX and XLSX: the characters as typed, without control characters."""
    return clean("" if text is None else str(text))
