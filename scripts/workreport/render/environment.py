"""The Jinja environment that turns core objects into Markdown fragments.

Every ``{{ value }}`` that is text goes through ``plain.markdown_inline`` (the environment's
``finalize``): data text reaches the page as the characters typed, never as HTML or Markdown,
whatever field it comes from and wherever the template puts it (a heading, a table cell, a
link's text, an attribute). Only values that are already ``Markup`` pass as they are: links,
charts, and the formatted numbers and dates (``formatting``), which hold no data text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..formatting import cn_date, cn_number, measured, number, percent, sentence, short_date
from ..plain import markdown_inline, markdown_paragraphs
from .typeset import unbroken_words

__all__ = ["TEMPLATES", "badge", "make_environment"]

TEMPLATES = Path(__file__).parent / "templates"


def _formatted(format_value: Callable[..., str]) -> Callable[..., Markup]:
    """A formatter for templates: its digits and dates hold no data text, so they are Markup."""

    def formatted(*args: Any) -> Markup:
        return Markup(format_value(*args))

    return formatted


def _measured(value: float | None, measure: str | None, digits: int = 2) -> Markup:
    # The measure word is data text: escaped before it joins the figure.
    return Markup(measured(value, markdown_inline(measure or ""), digits))


def badge(text: str, tone: str = "neutral") -> Markup:
    return Markup('<span class="wr-badge wr-badge--{tone}">{text}</span>').format(tone=tone, text=markdown_inline(text))


def _finalize(value: object) -> object:
    """The one rule for every ``{{ … }}``: text is plain text (see ``plain.markdown_inline``)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return markdown_inline(value)
    return value


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown attribute lists such as `{#anchor}` must not read as Jinja comments.
        comment_start_string="{##",
        comment_end_string="##}",
        finalize=_finalize,
    )
    env.filters.update(
        num=_formatted(number),
        pct=_formatted(percent),
        # A figure and its measure word (data text, escaped): percentages to one decimal everywhere.
        measured=_measured,
        cn_date=_formatted(cn_date),
        short_date=_formatted(short_date),
        badge=badge,
        paras=markdown_paragraphs,
        cn_num=_formatted(cn_number),
        # Editor text, not Markup: ``finalize`` makes it plain text.
        sentence=sentence,
        # Exported documents: the text, escaped, with its words kept whole at line ends.
        words=unbroken_words,
    )
    return env
