"""The Jinja environment that turns core objects into Markdown fragments.

Autoescape is on: every value from the data is HTML-escaped, so a stray ``<`` in an
editor's text cannot break a page. Markup built here (bars, badges) is marked safe.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

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


CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 35 -> 三十五 (for 一、 and （一） headings)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十")
    return head + (CN_DIGITS[ones] if ones else "")


def cell(value: object) -> Markup:
    """Text safe inside a Markdown table cell: escaped, one line, pipes escaped."""
    text = str(escape("" if value is None else value))
    return Markup(" ".join(text.split()).replace("|", "&#124;"))


def badge(text: str, tone: str = "neutral") -> Markup:
    return Markup('<span class="wr-badge wr-badge--{tone}">{text}</span>').format(tone=tone, text=text)


def paragraphs(text: str | None) -> Markup:
    """Editor prose as Markdown paragraphs: blank lines separate them, single breaks join."""
    if not text:
        return Markup("")
    blocks = [" ".join(block.split()) for block in str(text).split("\n\n")]
    return Markup("\n\n".join(str(escape(b)) for b in blocks if b))


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
    )
    env.filters.update(
        num=number,
        pct=percent,
        cn_date=cn_date,
        short_date=short_date,
        cell=cell,
        badge=badge,
        paras=paragraphs,
        cn_num=cn_number,
        sentence=sentence,
    )
    return env
