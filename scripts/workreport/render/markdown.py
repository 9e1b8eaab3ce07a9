"""The Jinja environment that turns core objects into Markdown fragments.

Every ``{{ value }}`` that is text goes through ``plain.markdown_inline`` (the environment's
``finalize``): data text reaches the page as the characters typed, never as HTML or Markdown,
whatever field it comes from and wherever the template puts it (a heading, a table cell, a
link's text, an attribute). Only values that are already ``Markup`` pass as they are: links,
charts, and the formatted numbers and dates made here, which hold no data text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..plain import markdown_inline, markdown_paragraphs

TEMPLATES = Path(__file__).parent / "templates"


def number(value: float | None, digits: int = 2) -> str:
    """12.0 -> '12', 86.45 -> '86.45', None -> '—'."""
    if value is None:
        return "—"
    text = f"{value:.{digits}f}"
    if "." in text:  # strip only decimals: 10 with no digits stays "10"
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{number(value, digits)}%"


def cn_date(value: dt.date | None) -> str:
    return "—" if value is None else f"{value.year}年{value.month}月{value.day}日"


def short_date(value: dt.date | None) -> str:
    return "—" if value is None else f"{value.month}月{value.day}日"


def _formatted(format_value: Callable[..., str]) -> Callable[..., Markup]:
    """A formatter for templates: its digits and dates hold no data text, so they are Markup."""

    def formatted(*args: Any) -> Markup:
        return Markup(format_value(*args))

    return formatted


CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 35 -> 三十五 (for 一、 and （一） headings)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十")
    return head + (CN_DIGITS[ones] if ones else "")


def badge(text: str, tone: str = "neutral") -> Markup:
    return Markup('<span class="wr-badge wr-badge--{tone}">{text}</span>').format(tone=tone, text=markdown_inline(text))


def _finalize(value: object) -> object:
    """The one rule for every ``{{ … }}``: text is plain text (see ``plain.markdown_inline``)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return markdown_inline(value)
    return value


def sentence(text: str | None) -> str:
    """Editor text as one sentence: ends with 。 unless it already ends with a stop."""
    text = " ".join((text or "").split())
    return text if not text or text[-1] in "。！？；：.!?" else text + "。"


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
        cn_date=_formatted(cn_date),
        short_date=_formatted(short_date),
        badge=badge,
        paras=markdown_paragraphs,
        cn_num=_formatted(cn_number),
        sentence=sentence,
    )
    return env
