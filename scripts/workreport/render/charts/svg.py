"""The building blocks every chart is drawn with: elements, text, ids and the figure around them.

Every attribute and every piece of text goes through ``el`` (``literal`` and ``attribute``), so
data text reaches the SVG as the characters typed, on one line, and no ``|`` can end a Markdown
table cell (see the package's docstring). Numbers are written by ``coord``: two decimals at most,
so the same input always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Sequence

from markupsafe import Markup

from ...formatting import number, percent
from ...plain import html_text, markdown_inline
from ...textwidth import width_in_ems
from .palette import INK, MUTED

FONT = 14  # labels
SMALL = 12  # ticks, notes: the floor for Chinese text to stay legible
PAD = 8
LABEL_EMS = 8  # Chinese labels longer than this many characters are cut with “…”
NOTE_EMS = 16
NO_DATA = "无数据"
# Natural size on wide screens (so 12 px text stays 12 px), shrinking to fit narrow ones.
SCALES = "max-width:100%;height:auto"


# ------------------------------------------------------------------ text


def with_unit(value: float, unit: str) -> str:
    """'41.7%' (percents keep one decimal, no space), '6 分', '3580 万元'."""
    if unit == "%":
        return percent(value, 1)
    text = number(value, 2)
    return f"{text} {unit}" if unit else text


def width(text: str, size: float) -> float:
    """Estimated width in px of ``text`` at font ``size`` (``textwidth.width_in_ems``).

    Only an estimate (the reader's font decides), so layouts leave a little slack.
    """
    return width_in_ems(text) * size


def fit(text: str, max_ems: float) -> str:
    """The text, or its start and “…” when it is wider than ``max_ems``."""
    if width_in_ems(text) <= max_ems:
        return text
    cut = text
    while cut and width_in_ems(cut) + 1 > max_ems:  # + 1: the “…”, one em
        cut = cut[:-1]
    return cut.rstrip() + "…"


def fit_distinct(texts: Sequence[str], max_ems: float) -> list[str]:
    """Each text fitted to ``max_ems``; texts whose cut forms would read the same keep both ends instead
    (“城东片区改造…一期” beside “城东片区改造…二期”), so the labels of one chart stay distinguishable."""
    shown = [fit(text, max_ems) for text in texts]
    repeated = Counter(shown)
    return [_ends(text, max_ems) if repeated[cut] > 1 and cut != text else cut for text, cut in zip(texts, shown)]


def _ends(text: str, max_ems: float) -> str:
    """The text's start and end around a “…”, within ``max_ems``: the end gets up to half the room."""
    room = max_ems - 1  # the “…”, one em
    tail = ""
    for char in reversed(text):
        if width_in_ems(char + tail) > room / 2:
            break
        tail = char + tail
    head = ""
    for char in text:
        if width_in_ems(head + char + tail) > room:
            break
        head += char
    return head.rstrip() + "…" + tail


def label_column(labels: Iterable[str], size: int = FONT) -> float:
    """Width of a left column of labels, each cut to LABEL_EMS characters."""
    return max((min(width_in_ems(label), LABEL_EMS) for label in labels), default=2) * size


def listing(parts: Iterable[str]) -> str:
    """Items for a ``<desc>``: “a；b；c。”."""
    return "；".join(parts) + "。"


# ------------------------------------------------------------------ elements


def coord(value: float) -> str:
    return number(value, 2)


def literal(value: object) -> Markup:
    """Data text as literal text on one line (``plain.markdown_inline``): charts sit inside
    Markdown, and a chart in a table cell is parsed as inline Markdown; a blank line inside
    a chart would also end Markdown's raw HTML block."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, float | int) and not isinstance(value, bool):
        return Markup(coord(value))
    return markdown_inline(value)


def attribute(value: object) -> Markup:
    """An attribute value: Markdown never parses inside a tag, but a table cell ends at any pipe."""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return Markup(coord(value))
    return Markup(str(html_text(value)).replace("|", "&#124;"))


def el(tag: str, content: str | None = None, /, **attrs: object) -> Markup:
    """One element; ``font_size=`` becomes ``font-size``, ``class_`` becomes ``class``; None skips an attribute."""
    parts = [tag]
    parts += [f'{name.rstrip("_").replace("_", "-")}="{attribute(v)}"' for name, v in attrs.items() if v is not None]
    opening = " ".join(parts)
    if content is None:
        return Markup(f"<{opening}/>")
    return Markup(f"<{opening}>{literal(content)}</{tag}>")


def join(items: Iterable[Markup], separator: str = "\n") -> Markup:
    return Markup(separator).join(items)


def text(
    x: float,
    y: float,
    content: str,
    *,
    size: int = FONT,
    anchor: str | None = None,
    fill: str = INK,
    weight: str | None = None,
    class_: str | None = None,
) -> Markup:
    """Text whose baseline is at ``y`` (baseline alignment is the one every renderer agrees on)."""
    return el(
        "text", content, x=x, y=y, font_size=size, fill=fill, text_anchor=anchor, font_weight=weight, class_=class_
    )


def label(
    x: float, y: float, content: str, *, max_ems: float, size: int = FONT, anchor: str | None = None,
    shown: str | None = None,
) -> Markup:
    """A label cut to ``max_ems`` (or as ``shown``, from ``fit_distinct``); a cut label keeps its full text in a hover ``<title>``."""
    shown = fit(content, max_ems) if shown is None else shown
    drawn = text(x, y, shown, size=size, anchor=anchor)
    if shown == content:
        return drawn
    return el("g", el("title", content) + drawn)


def link(href: str | None, body: Markup) -> Markup:
    return body if href is None else el("a", body, href=href)


def rect(x: float, y: float, width: float, height: float, fill: str, **more: object) -> Markup:
    return el("rect", x=x, y=y, width=width, height=height, fill=fill, **more)


def middle(y_centre: float, size: int) -> float:
    """The baseline that centres a line of text of ``size`` on ``y_centre``."""
    return y_centre + size * 0.35


def chart_id(kind: str, title: str, data: object, key: str | None) -> str:
    """Same input, same id; different data or key, different id."""
    digest = hashlib.sha256(repr((kind, title, data, key)).encode("utf-8")).hexdigest()
    return f"wr-{kind}-{digest[:10]}"


def canvas(
    cid: str,
    title: str,
    desc: str,
    width: float,
    height: float,
    body: Markup,
    class_: str,
    style: str = SCALES,
    separator: str = "\n",
) -> Markup:
    """The ``<svg>``, drawn at its natural size (so text keeps its size) and shrinking on narrow screens."""
    width, height = math.ceil(width), math.ceil(height)
    inner = join([el("title", title, id=f"{cid}-title"), el("desc", desc, id=f"{cid}-desc"), body], separator)
    return el(
        "svg",
        inner,
        xmlns="http://www.w3.org/2000/svg",
        class_=class_,
        # A picture, unless it holds links: an image's parts cannot be focused (axe: nested-interactive).
        role="group" if "<a " in body else "img",
        aria_labelledby=f"{cid}-title {cid}-desc",
        width=width,
        height=height,
        viewBox=f"0 0 {width} {height}",
        style=style,
        # A chart repeats figures its page already states: keep its words out of the search index.
        data_search_exclude="true",
    )


def figure(kind: str, cid: str, title: str, desc: str, width: float, height: float, body: Markup) -> Markup:
    svg = canvas(cid, title, desc, width, height, body, "wr-chart__svg")
    caption = el("figcaption", title)
    return Markup(
        '<figure class="wr-chart wr-chart--{kind}" data-search-exclude="true">\n{caption}\n{svg}\n</figure>'
    ).format(kind=kind, caption=caption, svg=svg)


def empty_figure(kind: str, cid: str, title: str) -> Markup:
    """A chart without data still shows its title and says so, rather than vanishing."""
    body = text(PAD, middle(20, FONT), NO_DATA, fill=MUTED, class_="wr-chart__empty")
    return figure(kind, cid, title, NO_DATA + "。", 160, 40, body)


def check(value: float, what: str) -> float:
    """Charts of counts and amounts: a negative or non-finite value is a data error, not something to draw."""
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{what} 应为非负数，实际为 {value!r}")
    return float(value)
